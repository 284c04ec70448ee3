"""--jobs: the local executor gives the same reports, in input order, whether one process or a pool lints."""

from __future__ import annotations

import io
import os
import pickle
import signal
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import Executor, Future, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import redirect_stdout
from pathlib import Path
from typing import Any

import pytest

from editlint import Linter
from editlint.cli import main
from editlint.executors import LinterSpec, local
from editlint.executors.local import CRASHES_BEFORE_ISOLATION, LocalExecutor
from editlint.findings import FileReport, LintedSource

# Articles written for these tests: a swimming lesson, a library visit, a rainy day, a picnic.
TOPICS = [
    ("Swimming lessons", "Let your child blow bubbles in the water before the first lesson. Stay within "
     "arm's reach at all times. Most children swim a width at four years; most swim a width at nine "
     "years. Armbands are not a safety device device."),
    ("A visit to the library", "Pick a quiet morning. Let your child choose two books and read one aloud "
     "on the bus home. Ask the librarian about story time. Children love choosing their own own books."),
    ("Rainy day games", "Build a blanket fort. Hide a toy and give warmer or colder hints. Sort the "
     "buttons by colour. Rainy days pass quickly when every game ends with a snack."),
    ("Packing a picnic", "Pack water, fruit and wipes. Cut grapes in half lengthways for small children. "
     "Keep the cool bag in the shade, and bring a ball ball for after lunch."),
]


def _articles(folder: Path, copies: int = 1) -> list[str]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(copies):
        for i, (title, body) in enumerate(TOPICS):
            path = folder / f"{n:02d}-{i}.md"
            path.write_text(f"# {title}\n\n{body}\n\nPart {n + 1}.\n", encoding="utf-8")
            paths.append(str(path))
    return paths


def _json(args: list[str]) -> str:
    out = io.StringIO()
    with redirect_stdout(out):
        main(["check", *args, "--format", "json", "--no-progress"])
    return out.getvalue()


#: Every rule that needs no spaCy parse: each pool worker would otherwise load the pipeline (seconds of CPU
#: per worker) for what test_a_killed_worker_loses_no_file (slow) already shows with EL3 in the workers.
NO_PARSER = ["--select", "EL1,EL2,EL4,EL5,EL6", "--ignore", "EL102,EL205"]


def test_no_cache_one_job_and_two_jobs_give_identical_json(tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("EDITLINT_NO_CACHE", raising=False)
    paths = _articles(tmp_path / "a")
    cache = ["--cache-dir", str(tmp_path / "cache"), *NO_PARSER]
    serial = _json([*paths, "--no-cache", "--jobs", "1", *NO_PARSER])
    assert '"rule": "EL105"' in serial
    assert _json([*paths, "--jobs", "2", *cache]) == serial  # a pool of two, filling the cache
    entries = [p for p in (tmp_path / "cache").glob("*/*.json") if p.parent.name != "resolve"]
    assert len(entries) == len(paths)  # one report per file, written by the workers (beside the run's
    # own resolution under resolve/, see editlint.cache)
    assert _json([*paths, "--jobs", "2", *cache]) == serial  # from the cache, no pool
    assert _json([*paths, "--jobs", "1", *cache]) == serial


def test_reports_pickle_without_their_parses(tmp_path: Path) -> None:
    paths = _articles(tmp_path)
    report = next(Linter(None).lint_many(paths[:1]))
    assert isinstance(report.document, LintedSource)
    back = pickle.loads(pickle.dumps(report))
    assert back.to_dict() == report.to_dict() and back.document == report.document
    assert len(pickle.dumps(report)) < 20 * len(report.document.source.text) + 10_000


class _FakeLinter:
    """Stands in for a worker's Linter (a thread pool replaces the processes): records concurrency."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.in_flight = 0
        self.most = 0

    def lint_many(self, paths: tuple[str, ...]) -> Iterator[FileReport]:
        with self.lock:
            self.in_flight += 1
            self.most = max(self.most, self.in_flight)
        try:
            for p in paths:
                yield FileReport(path=p, metrics={"n": int(p)})
        finally:
            with self.lock:
                self.in_flight -= 1


class _Cached:
    def __init__(self) -> None:
        self.calls = 0

    def __call__(self, item: str) -> FileReport | None:
        self.calls += 1
        return FileReport(path=item, metrics={"cached": True}) if int(item) % 5 == 0 else None


def test_stream_keeps_input_order_a_bounded_window_and_cache_hits(monkeypatch: pytest.MonkeyPatch) -> None:
    fake, submitted = _FakeLinter(), []
    threads = ThreadPoolExecutor(4)
    executor = LocalExecutor(2, chunk_size=3)
    monkeypatch.setattr(local, "_WORKER", fake)
    monkeypatch.setattr(executor, "_pool_now", lambda: threads)
    real_submit = executor._submit

    def submit(paths: tuple[str, ...]) -> local._Chunk:
        submitted.append(paths)
        return real_submit(paths)

    monkeypatch.setattr(executor, "_submit", submit)
    items = [str(i) for i in range(200)]
    cached = _Cached()
    seen = []
    for i, report in enumerate(executor._stream(items, 3, cached)):
        seen.append(report.path)
        # never more than the window ahead of what was reported
        assert sum(len(c) for c in submitted) - i <= 2 * local.CHUNKS_PER_WORKER * 3 + 3
    threads.shutdown()
    assert seen == items
    assert cached.calls == len(items)
    assert all(int(p) % 5 for chunk in submitted for p in chunk)  # cached files are never sent
    assert fake.most <= 4


@pytest.mark.slow
def test_a_killed_worker_loses_no_file(tmp_path: Path) -> None:
    paths = _articles(tmp_path, copies=3)
    spec = Linter({"select": ["EL1", "EL3"]}).spec()
    expected = [r.to_dict() for r in spec.build().lint_many(paths)]
    executor = LocalExecutor(2, chunk_size=1)
    got = []
    for report in executor.run(spec, paths):
        got.append(report.to_dict())
        if len(got) == 1:
            os.kill(sorted(executor.worker_pids)[0], signal.SIGKILL)
    assert got == expected
    assert executor.pools_started >= 2  # the pool broke and a new one finished the run


def test_a_spec_rebuilds_an_equal_linter() -> None:
    linter = Linter({"select": ["EL105"]}, overrides={"flags": frozenset({"explain-claims"})},
                    extend_ignore=("EL101",), cache="somewhere")
    spec = pickle.loads(pickle.dumps(linter.spec()))
    assert isinstance(spec, LinterSpec)
    built = spec.build()
    assert built.config_for("a.md") == linter.config_for("a.md")
    assert built.cache is not None and str(built.cache.root) == "somewhere"


class _PoisonPool(Executor):
    """A pool whose worker 'dies' (BrokenProcessPool) on any chunk holding the poisoned file."""

    def __init__(self, poison: str, log: list[tuple[str, ...]]) -> None:
        self.poison, self.log = poison, log

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future[Any]:
        paths: tuple[str, ...] = args[0]
        self.log.append(paths)
        future: Future[Any] = Future()
        if self.poison in paths:
            future.set_exception(BrokenProcessPool("a worker died"))
        else:
            future.set_result((1, [FileReport(path=p) for p in paths]))
        return future


def test_a_file_that_kills_every_worker_is_an_error_and_nothing_else_is_lost(
        monkeypatch: pytest.MonkeyPatch) -> None:
    log: list[tuple[str, ...]] = []
    executor = LocalExecutor(2, chunk_size=4)
    monkeypatch.setattr(executor, "_new_pool", lambda workers: _PoisonPool("6", log))
    items = [str(i) for i in range(12)]
    reports = list(executor._stream(items, 4, lambda item: None))
    assert [r.path for r in reports] == items
    assert [r.path for r in reports if r.error] == ["6"]
    assert log.count(("4", "5", "6", "7")) == CRASHES_BEFORE_ISOLATION  # sent, retried, then split
    assert {("4",), ("5",), ("6",), ("7",)} <= set(log)  # each file of the chunk linted alone


def test_the_fork_server_warms_up_from_the_spec_it_is_handed(monkeypatch: pytest.MonkeyPatch) -> None:
    from editlint.executors import warm

    spec = Linter({"select": ["EL105"]}).spec()
    monkeypatch.setenv(warm.WARM_ENV, warm.encode(spec, "a.md"))
    assert warm.warm_from_environment() is True
    assert warm.WARM_ENV not in os.environ  # the workers forked afterwards do not see it
    assert warm.warm_from_environment() is False  # nothing handed over: nothing to do
    monkeypatch.setenv(warm.WARM_ENV, "not a spec")
    assert warm.warm_from_environment() is False  # a broken hand-over is ignored, never raised


def test_a_pool_forks_its_workers_from_a_warmed_fork_server(tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    started: list[tuple[LinterSpec, str | None]] = []
    monkeypatch.setattr(local, "_start_forkserver", lambda spec, path: started.append((spec, path)))
    paths = _articles(tmp_path)
    spec = Linter({"select": ["EL105"]}).spec()
    executor = LocalExecutor(2, chunk_size=2)
    assert [r.path for r in executor.run(spec, paths)] == paths
    assert started == [(spec, paths[0])]  # the first file's configuration is the one warmed up
    from multiprocessing import forkserver

    assert local.WARM_MODULE in forkserver._forkserver._preload_modules  # type: ignore[attr-defined]
