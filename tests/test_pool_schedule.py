"""--jobs N scheduling: chunks shrink to one file as a run ends, so the last worker's tail is short."""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

import pytest

from editlint.executors import local
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
