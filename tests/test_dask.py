"""``--executor dask``: a real LocalCluster of two worker processes. Same JSON as the in-process CLI, every
file reported on a 200-article run, nothing lost when a worker is killed mid-run or a shard's task fails.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

distributed = pytest.importorskip("distributed",
                                  reason="dask is not installed (pip install 'editlint[dask]')")
cloudpickle = pytest.importorskip("cloudpickle")
dask = pytest.importorskip("dask")

from distributed import WorkerPlugin  # noqa: E402

from editlint.cli import main  # noqa: E402
from editlint.engine import Linter  # noqa: E402
from editlint.executors import LinterSpec  # noqa: E402
from editlint.executors.dask import NO_WORKERS_TIMEOUT, DaskExecutor  # noqa: E402

# Functions this module sends to the workers (client.run) travel by value: workers cannot import tests/.
cloudpickle.register_pickle_by_value(sys.modules[__name__])

# Article bodies on topics of their own, each with something to find (a doubled word, a repeated
# sentence, unhedged health advice without a disclaimer) so the comparison covers real findings.
_TOPICS = [
    ("Bath time with a toddler",
     "Fill the tub with about {n} centimetres of warm water. Test it with your elbow before the child "
     "gets in. Keep the the soap out of reach. Never leave a toddler alone in the bath, not even for a "
     "moment."),
    ("Packing a school lunch",
     "A lunch box with {n} small parts is easier to open than one big tub. Children eat more when they "
     "helped pack it. Children eat more when they helped pack it. Freeze a water bottle to keep it cool."),
    ("Choosing a bike for a six-year-old",
     "Measure the inside leg first; a wheel of {n} inches suits most children of this age. The child "
     "should reach the ground with both feet. A helmet is not optional."),
    ("Sun cream for small children",
     "Use a cream of factor {n} or higher on every bit of skin the clothes leave bare. Put it on again "
     "after swimming. Sunburn in childhood is harmless and fades in a day."),
    ("Reading at bedtime",
     "Ten minutes a night adds up to about {n} hours a year. Let your child choose the book, even the "
     "same one again. Point at the pictures and ask what happens next."),
]


def _article(i: int) -> tuple[str, str]:
    title, body = _TOPICS[i % len(_TOPICS)]
    ext = ("md", "txt", "html")[i % 3]
    text = body.format(n=10 + i % 17)
    if ext == "md":
        return f"a{i:03d}.md", f"# {title} ({i})\n\n{text}\n"
    if ext == "html":
        return f"a{i:03d}.html", f"<html><body><h1>{title} ({i})</h1><p>{text}</p></body></html>\n"
    return f"a{i:03d}.txt", f"{title} ({i})\n\n{text}\n"


#: As the executor's own LocalCluster: Dask's statistical profiler off (it walks each worker's stack every
#: 10 ms, busy or idle: CPU for output nobody reads here). Nannies pass it to the workers they restart.
QUIET = {"distributed.worker.profile.enabled": False}


def _archive(folder: Path, n: int) -> list[str]:
    """``n`` small articles in ``folder`` (in sorted order, as the walker returns them)."""
    folder.mkdir(parents=True, exist_ok=True)
    names = []
    for i in range(n):
        name, text = _article(i)
        (folder / name).write_text(text, encoding="utf-8")
        names.append(str(folder / name))
    return sorted(names)


def _json_run(args: list[str], out: Path) -> tuple[int, dict[str, Any]]:
    code = main(["check", *args, "--format", "json", "--no-progress", "--no-cache", "-o", str(out)])
    data: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    return code, data


def test_unreachable_scheduler_is_a_one_line_usage_error(capsys: pytest.CaptureFixture[str],
                                                          tmp_path: Path) -> None:
    name = _archive(tmp_path / "one", 1)[0]
    assert main(["check", name, "--executor", "dask:tcp://no-such-host.invalid:8786"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "no-such-host.invalid" in err[0]


def test_standard_input_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "-", "--executor", "dask"]) == 2
    assert len(capsys.readouterr().err.strip().splitlines()) == 1


def test_no_workers_timeout_must_be_positive() -> None:
    with pytest.raises(ValueError, match="no_workers_timeout"):
        DaskExecutor(no_workers_timeout=0)


def test_no_workers_timeout_is_the_constructors_then_dasks_setting_then_a_minute() -> None:
    key = "distributed.scheduler.no-workers-timeout"
    with dask.config.set({key: None}):
        assert DaskExecutor().workerless_timeout() == NO_WORKERS_TIMEOUT == 60
    with dask.config.set({key: "5m"}):
        assert DaskExecutor("tcp://127.0.0.1:8786").workerless_timeout() == 300
        assert DaskExecutor(no_workers_timeout=7).workerless_timeout() == 7


@pytest.mark.parametrize("value", ["soon", "0s", -5])
def test_a_dask_setting_that_is_no_bound_is_a_one_line_usage_error(
        value: Any, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    name = _archive(tmp_path / "cfg", 1)[0]
    with dask.config.set({"distributed.scheduler.no-workers-timeout": value}):
        assert main(["check", name, "--executor", "dask"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "no-workers-timeout" in err[0]


# --- a cluster that cannot run anything: the run ends with per-file errors instead of waiting forever ---


@contextlib.contextmanager
def _cluster_of(workers: int, config: dict[str, Any] | None = None) -> Iterator[Any]:
    """A cluster of this test's own (its workers may be taken away); ``config`` is the scheduler's."""
    with dask.config.set({**QUIET, **(config or {})}), distributed.LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=":0",
            silence_logs=40) as cl:
        yield cl


def _not_linted_for_want_of_workers(report: Any) -> bool:
    """An error report of one line naming its file (the executor's no-workers error)."""
    return bool(report.error) and "\n" not in report.error and report.error.startswith(f"{report.path}: ")


def test_cluster_without_workers_fails_every_file_with_exit_2(tmp_path: Path) -> None:
    """Dask's own setting (here for the client only: the scheduler started before it) bounds the wait."""
    names = _archive(tmp_path / "none", 5)
    with _cluster_of(0) as cl, dask.config.set({"distributed.scheduler.no-workers-timeout": "1s"}):
        code, data = _json_run([*names, "--executor", f"dask:{cl.scheduler_address}"], tmp_path / "out.json")
    assert code == 2
    assert [f["path"] for f in data["files"]] == names
    assert all(f["error"] and f["error"].startswith(f"{f['path']}: ") and "\n" not in f["error"]
               for f in data["files"])
    assert data["summary"]["findings"] == 0


def test_scheduler_that_gives_up_for_want_of_workers_ends_the_run(tmp_path: Path) -> None:
    """A scheduler configured with ``no-workers-timeout`` fails the queued tasks itself (NoWorkerError):
    each file of those shards is an error at once, long before the client's own bound."""
    names = _archive(tmp_path / "sched", 6)
    with _cluster_of(0, {"distributed.scheduler.no-workers-timeout": "1s"}) as cl:
        reports = list(DaskExecutor(cl.scheduler_address, shard_size=3, no_workers_timeout=3600)
                       .run(LinterSpec(), names))
    assert [r.path for r in reports] == names
    assert all(_not_linted_for_want_of_workers(r) for r in reports)
    assert all("no Dask workers for 1 s" in r.error for r in reports if r.error)  # the scheduler's bound


def test_local_cluster_without_workers_is_bounded_too(tmp_path: Path) -> None:
    """The executor's own LocalCluster (here started with none) gets the bound from the constructor."""
    names = _archive(tmp_path / "local", 3)
    reports = list(DaskExecutor(workers=0, no_workers_timeout=1).run(LinterSpec(), names))
    assert [r.path for r in reports] == names
    assert all(_not_linted_for_want_of_workers(r) for r in reports)


def _wait_until(done: Any) -> None:
    """Until ``done()``: the cluster's own state changes take a moment (bounded: a broken cluster fails)."""
    for _ in range(1200):
        if done():
            return
        time.sleep(0.1)
    assert done()


def _tasks_not_finished(dask_scheduler: Any) -> int:
    """Run on the scheduler: tasks still waiting, queued or running."""
    return sum(ts.state not in ("memory", "erred", "released", "forgotten")
               for ts in dask_scheduler.tasks.values())


@pytest.mark.slow  # one worker process loading the spaCy pipeline
def test_workers_gone_mid_run_fail_the_rest_and_finished_files_keep_their_findings(tmp_path: Path) -> None:
    names = _archive(tmp_path / "gone", 12)
    expected = {r.path: r.to_dict() for r in Linter().lint_many(names)}
    with _cluster_of(1) as cl, distributed.Client(cl.scheduler_address, set_as_default=False) as client:
        reports = []
        for i, report in enumerate(DaskExecutor(cl.scheduler_address, shard_size=1, no_workers_timeout=1)
                                   .run(LinterSpec(), names)):
            reports.append(report)
            if i == 0:
                # the shards sent so far finish on the worker, their results not yet gathered; then every
                # worker goes, with those results: they are lost, and the rest of the run is not yet sent
                _wait_until(lambda: not client.run_on_scheduler(_tasks_not_finished))
                cl.scale(0)
                _wait_until(lambda: not client.scheduler_info()["workers"])
    assert [r.path for r in reports] == names
    assert [r.path for r in reports if r.error] == names[1:]
    assert all(_not_linted_for_want_of_workers(r) for r in reports if r.error)
    assert all(r.to_dict() == expected[r.path] for r in reports if not r.error)


@pytest.mark.slow  # a cluster of two processes, each loading the spaCy pipeline
def test_two_hundred_articles_all_reported_in_order(tmp_path: Path) -> None:
    """The default executor: a LocalCluster of its own (2 processes x 1 thread), started and closed."""
    names = _archive(tmp_path / "big", 200)
    start = time.monotonic()
    reports = list(DaskExecutor().run(LinterSpec(), names))
    assert [r.path for r in reports] == names
    assert all(r.error is None for r in reports), [r.error for r in reports if r.error]
    assert sum(len(r.findings) for r in reports) > 0
    print(f"200 articles on a local Dask cluster: {time.monotonic() - start:.1f} s")


# --- the module's shared cluster: its tests come last, so it lives only while they run (an idle worker
# still costs CPU: heartbeats, and Dask's profiler unless it is off) ---


@pytest.fixture(scope="module")
def cluster() -> Iterator[Any]:
    """Two worker processes with one thread each, like the default ``--executor dask``; their nannies
    restart a killed worker. A task is given up after killing two workers (the default is four), so the
    crash test needs fewer restarts."""
    with dask.config.set({"distributed.scheduler.allowed-failures": 1, **QUIET}), distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0", silence_logs=40) as cl:
        yield cl


@pytest.mark.slow  # a cluster of two processes, each loading the spaCy pipeline
def test_same_json_as_in_process(cluster: Any, tmp_path: Path) -> None:
    arch = tmp_path / "archive"
    _archive(arch, 12)
    # a configuration file discovered by the workers, as by the client: one folder's rules differ
    sub = arch / "house"
    _archive(sub, 4)
    (sub / ".editlint.toml").write_text('ignore = ["EL1"]\n', encoding="utf-8")
    (arch / "broken.md").write_bytes(b"\xff\xfe\x00bad bytes\x00")  # not UTF-8: a per-file error
    code, local = _json_run([str(arch)], tmp_path / "local.json")
    assert code == 2  # the unreadable file
    assert _json_run([str(arch), "--executor", f"dask:{cluster.scheduler_address}"],
                     tmp_path / "dask.json") == (code, local)
    assert any(f.get("error") for f in local["files"])
    assert local["summary"]["findings"] > 0
    rules = {f["path"]: {x["rule"][:3] for x in f["findings"]} for f in local["files"]}
    assert not any("EL1" in found for path, found in rules.items() if "house" in path)
    assert any("EL1" in found for path, found in rules.items() if "house" not in path)


@pytest.mark.slow  # a cluster of two processes, each loading the spaCy pipeline
def test_relative_paths_resolve_against_the_clients_folder(cluster: Any, tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    names = _archive(tmp_path / "rel", 3)
    monkeypatch.chdir(tmp_path)
    rel = [os.path.relpath(n, tmp_path) for n in names]
    spec = LinterSpec(cwd=str(tmp_path))
    reports = list(DaskExecutor(cluster.scheduler_address).run(spec, rel))
    assert [r.path for r in reports] == rel
    assert all(r.error is None for r in reports)


@pytest.mark.slow  # a cluster of two processes, each loading the spaCy pipeline
def test_worker_killed_mid_run_loses_no_file(cluster: Any, tmp_path: Path) -> None:
    names = _archive(tmp_path / "kill", 40)
    expected = [r.to_dict() for r in Linter().lint_many(names)]
    client = distributed.Client(cluster.scheduler_address, set_as_default=False)
    try:
        got = []
        stream = DaskExecutor(cluster.scheduler_address, shard_size=2).run(LinterSpec(), names)
        for i, report in enumerate(stream):
            got.append(report.to_dict())
            if i == 0:  # both workers hold shards now: kill one of them outright
                victim = next(iter(client.run(os.getpid).values()))
                os.kill(victim, signal.SIGKILL)
        assert got == expected
        assert victim not in client.run(os.getpid).values()  # it really died (its nanny started another)
    finally:
        client.close()


def _fail_on_marked_files() -> None:
    """Run on each worker: lint_many raises for any batch holding a file named *poison*."""
    from editlint import engine

    original = engine.Linter.lint_many

    def lint_many(self: Any, items: Any) -> Any:
        items = list(items)
        if any("poison" in os.fspath(i) for i in items):
            raise RuntimeError("simulated crash in a worker")
        return original(self, items)

    lint_many.original = original  # type: ignore[attr-defined]
    engine.Linter.lint_many = lint_many  # type: ignore[method-assign]


def _restore() -> None:
    from editlint import engine

    engine.Linter.lint_many = getattr(engine.Linter.lint_many, "original", engine.Linter.lint_many)  # type: ignore[method-assign]


@pytest.mark.slow  # a cluster of two processes, each loading the spaCy pipeline
def test_failing_shard_is_split_and_only_the_bad_file_is_an_error(cluster: Any, tmp_path: Path) -> None:
    names = _archive(tmp_path / "bad", 6)
    poison = tmp_path / "bad" / "a002-poison.md"
    poison.write_text("# A fine article\n\nNothing wrong with the text itself.\n", encoding="utf-8")
    names = sorted([*names, str(poison)])
    client = distributed.Client(cluster.scheduler_address, set_as_default=False)
    client.run(_fail_on_marked_files)
    try:
        reports = list(DaskExecutor(cluster.scheduler_address, shard_size=7, retries=1)
                       .run(LinterSpec(), names))
    finally:
        client.run(_restore)
        client.close()
    assert [r.path for r in reports] == names
    errors = [r.path for r in reports if r.error]
    assert errors == [str(poison)]
    expected = {r.path: r.to_dict() for r in Linter().lint_many([n for n in names if n != str(poison)])}
    assert {r.path: r.to_dict() for r in reports if not r.error} == expected


@pytest.mark.slow
def test_workers_with_another_editlint_version_are_refused(cluster: Any, tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """Other rules or data on the workers would give other findings: the run stops before linting."""
    import editlint.executors.dask as dask_executor
    from editlint.errors import EditlintError

    names = _archive(tmp_path / "ver", 2)
    monkeypatch.setattr(dask_executor, "__version__", "0.0.0+client")  # the client's side only
    with pytest.raises(EditlintError, match="0.0.0"):
        list(DaskExecutor(cluster.scheduler_address).run(LinterSpec(), names))


class _CrashOnMarkedFiles(WorkerPlugin):
    """On every worker, also one its nanny restarts: a batch holding a *poison* file kills the process,
    as a crash in native code would."""

    def setup(self, worker: Any) -> None:
        from editlint import engine

        original = getattr(engine.Linter.lint_many, "original", engine.Linter.lint_many)

        def lint_many(self: Any, items: Any) -> Any:
            items = list(items)
            if any("poison" in os.fspath(i) for i in items):
                os._exit(13)
            return original(self, items)

        lint_many.original = original  # type: ignore[attr-defined]
        engine.Linter.lint_many = lint_many  # type: ignore[method-assign]

    def teardown(self, worker: Any) -> None:
        _restore()


@pytest.mark.slow
def test_file_that_kills_its_workers_is_reported_and_the_rest_linted(cluster: Any, tmp_path: Path) -> None:
    names = _archive(tmp_path / "crash", 6)
    poison = tmp_path / "crash" / "a003-poison.md"
    poison.write_text("# A fine article\n\nNothing wrong with the text itself.\n", encoding="utf-8")
    names = sorted([*names, str(poison)])
    client = distributed.Client(cluster.scheduler_address, set_as_default=False)
    client.register_plugin(_CrashOnMarkedFiles(), name="crash-on-poison")
    try:
        reports = list(DaskExecutor(cluster.scheduler_address, shard_size=7).run(LinterSpec(), names))
    finally:
        client.unregister_worker_plugin("crash-on-poison")
        client.close()
    assert [r.path for r in reports] == names
    assert [r.path for r in reports if r.error] == [str(poison)]
    expected = {r.path: r.to_dict() for r in Linter().lint_many([n for n in names if n != str(poison)])}
    assert {r.path: r.to_dict() for r in reports if not r.error} == expected


@pytest.mark.slow
def test_run_cache_is_asked_first_and_a_warm_run_starts_no_cluster(cluster: Any, tmp_path: Path) -> None:
    names = _archive(tmp_path / "warm", 6)
    spec = LinterSpec(cache_dir=str(tmp_path / "cache"))
    executor = DaskExecutor(cluster.scheduler_address)
    cold = [r.to_dict() for r in executor.run(spec, names)]
    assert executor.connections == 1
    warm = [r.to_dict() for r in executor.run(spec, names)]
    assert executor.connections == 1  # every file came from the cache (written by the workers)
    assert warm == cold
    edited = Path(names[3])
    edited.write_text(edited.read_text(encoding="utf-8") + "\nA new closing line.\n", encoding="utf-8")
    again = [r.to_dict() for r in executor.run(spec, names)]
    assert executor.connections == 2  # the edited file went to the cluster, in its place in the order
    assert [r["path"] for r in again] == names
    assert again == [r.to_dict() for r in Linter().lint_many(names)]
