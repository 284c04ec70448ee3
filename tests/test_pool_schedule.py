"""--jobs N scheduling: chunks shrink to one file as a run ends (a short tail), and the fork server starts
before the parent's own set-up only when the run will lint several files in a pool."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from editlint import cli
from editlint.executors import LinterSpec, local
from editlint.executors.local import MAX_CHUNK, LocalExecutor
from editlint.findings import FileReport


class _Echo:
    def lint_many(self, paths: tuple[str, ...]) -> Iterator[FileReport]:
        for p in paths:
            yield FileReport(path=p)


def _chunks(monkeypatch: pytest.MonkeyPatch, n: int, jobs: int,
            cached: frozenset[int] = frozenset()) -> tuple[list[str], list[tuple[str, ...]]]:
    """Stream ``n`` items through an executor of ``jobs`` workers (threads); the reports' paths and the
    chunks sent."""
    threads = ThreadPoolExecutor(jobs)
    executor = LocalExecutor(jobs)
    monkeypatch.setattr(local, "_WORKER", _Echo())
    monkeypatch.setattr(executor, "_pool_now", lambda: threads)
    sent: list[tuple[str, ...]] = []
    real = executor._submit

    def submit(paths: tuple[str, ...]) -> local._Chunk:
        sent.append(paths)
        return real(paths)

    monkeypatch.setattr(executor, "_submit", submit)
    items = [str(i) for i in range(n)]

    def hit(item: str) -> FileReport | None:
        return FileReport(path=item, metrics={"cached": True}) if int(item) in cached else None

    seen = [r.path for r in executor._stream(items, None, hit)]
    threads.shutdown()
    return seen, sent


@pytest.mark.parametrize(("n", "jobs"), [(40, 2), (1000, 2), (300, 4), (3, 2)])
def test_chunks_shrink_to_single_files_at_the_end(monkeypatch: pytest.MonkeyPatch, n: int, jobs: int) -> None:
    seen, sent = _chunks(monkeypatch, n, jobs)
    sizes = [len(c) for c in sent]
    assert seen == [str(i) for i in range(n)]
    assert sorted(p for c in sent for p in c) == sorted(seen)  # every file sent once
    assert max(sizes) <= MAX_CHUNK
    assert sizes == sorted(sizes, reverse=True)  # never a bigger chunk after a smaller one
    assert sizes[-jobs:] == [1] * jobs  # the tail: one file per worker
    if n >= 1000:
        assert sizes[0] == MAX_CHUNK  # a big run still sends full chunks first


def test_a_cache_hit_closes_the_chunk_and_is_never_sent(monkeypatch: pytest.MonkeyPatch) -> None:
    seen, sent = _chunks(monkeypatch, 120, 2, cached=frozenset(range(0, 120, 7)))
    assert seen == [str(i) for i in range(120)]
    assert not {int(p) for c in sent for p in c} & set(range(0, 120, 7))


def _args(*argv: str) -> argparse.Namespace:
    return cli.build_parser().parse_args(["check", *argv])


@pytest.fixture
def started(monkeypatch: pytest.MonkeyPatch) -> list[tuple[LinterSpec, str | None]]:
    calls: list[tuple[LinterSpec, str | None]] = []
    monkeypatch.setattr(local, "prestart", lambda spec, path: calls.append((spec, path)))
    monkeypatch.delenv("EDITLINT_JOBS", raising=False)
    return calls


def test_the_fork_server_starts_early_for_a_folder_or_several_files(
        tmp_path: Path, started: list[tuple[LinterSpec, str | None]]) -> None:
    a, b = tmp_path / "a.md", tmp_path / "b.md"
    a.write_text("# A\n", encoding="utf-8")
    b.write_text("# B\n", encoding="utf-8")
    cli._prestart_pool(_args("--jobs", "2", "--select", "EL1", str(tmp_path)))
    cli._prestart_pool(_args("--jobs", "2", "--ignore", "EL101", str(a), str(b)))
    assert [path for _, path in started] == [None, str(a)]
    assert started[0][0].overrides["select"] == ("EL1",)
    assert started[1][0].extend_ignore == ("EL101",)


@pytest.mark.parametrize("extra", [("--jobs", "1"), ("--executor", "dask"), ("--since", "HEAD")])
def test_no_early_fork_server_when_no_pool_will_run(
        tmp_path: Path, started: list[tuple[LinterSpec, str | None]], extra: tuple[str, ...]) -> None:
    one = tmp_path / "one.md"
    one.write_text("# One\n", encoding="utf-8")
    cli._prestart_pool(_args("--jobs", "2", str(one)))  # a single file
    cli._prestart_pool(_args(*extra, str(tmp_path), str(one)))
    cli._prestart_pool(_args("--jobs", "2", "-", str(one)))  # standard input
    assert started == []


Started = list[tuple[LinterSpec, str | None]]


def test_environment_jobs_of_one_starts_no_fork_server(tmp_path: Path, started: Started,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EDITLINT_JOBS", "1")
    cli._prestart_pool(_args(str(tmp_path)))
    assert started == []
