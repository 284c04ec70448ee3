"""``--jobs N``: lint in this process (one job) or in a pool of worker processes (more).

Each worker builds its :class:`~editlint.engine.Linter` once from the :class:`LinterSpec` (the pool's
initializer), so a worker loads the spaCy pipeline once for all its files. Workers fork from a fork server
that warmed up for the spec first (:mod:`editlint.executors.warm`: the pipeline, the rules' data and the
dictionaries loaded once, shared copy-on-write), so N workers do not pay the start-up N times.

Files go to the workers in small chunks; reports come back in input order through a bounded window (at
most a few chunks per worker are in flight, so memory does not grow with the run). The parent asks the run
cache first and sends only the files it does not hold, and starts the pool only when there is one: a run
over unchanged files spawns no worker and imports no spaCy.

A worker that dies (killed, out of memory, a crash in a C extension) breaks the pool: a new pool is
started and every chunk not yet reported is sent again. A chunk that breaks the pool twice is linted file
by file, each in a pool of its own, so the file that kills its worker is found and reported as an error
while every other file is linted: nothing is lost or reported twice.
"""

from __future__ import annotations

import multiprocessing
import os
import select
import threading
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import TYPE_CHECKING

from . import LinterSpec

if TYPE_CHECKING:
    from ..engine import Linter
    from ..findings import FileReport

__all__ = ["LocalExecutor", "default_jobs"]

#: A chunk that broke the pool this many times is linted file by file, each file in a pool of its own.
CRASHES_BEFORE_ISOLATION = 2
#: Most files in one chunk (the engine parses up to eight articles in one stream).
MAX_CHUNK = 8
#: Chunks in flight per worker: enough to keep every worker busy, few enough to bound memory.
CHUNKS_PER_WORKER = 3
#: Chunks per worker the files still to send are cut into (at most MAX_CHUNK files each): chunks shrink as
#: the run ends, down to one file, so the last worker's tail is short while the other waits (guided
#: scheduling; 40 files on two workers: a few chunks of two, then single files).
CHUNKS_EACH = 8


def default_jobs() -> int:
    """The cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):  # not on Linux
        return max(1, os.cpu_count() or 1)


def _context() -> multiprocessing.context.BaseContext:
    """``forkserver`` where there is one (no copy of the parent's threads or locks), else ``spawn``.

    The fork server imports this module (and so the engine) once, and not the parent's ``__main__``
    (a script that is not import-safe must never run again in a worker); workers fork from it ready.
    """
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    ctx = multiprocessing.get_context("forkserver")
    ctx.set_forkserver_preload([__name__, WARM_MODULE])
    return ctx


#: The module the fork server imports after this one: it warms the server up from the spec the parent
#: puts in its environment (:mod:`editlint.executors.warm`), so workers fork ready.
WARM_MODULE = "editlint.executors.warm"


def _start_forkserver(spec: LinterSpec, path: str | None) -> None:
    """Start the fork server now, warmed up for ``spec`` (a no-op when it runs already, or without one).

    The server inherits this process's environment when it starts, which is how the spec reaches it;
    the variable is removed again at once."""
    if _context().get_start_method() != "forkserver":
        return
    from multiprocessing import forkserver

    from .warm import WARM_ENV, encode

    os.environ[WARM_ENV] = encode(spec, path)
    try:
        forkserver.ensure_running()
    finally:
        os.environ.pop(WARM_ENV, None)


# -- in the worker ---------------------------------------------------------------------------------------
_WORKER: Linter | None = None  # the worker process's own Linter (module state of the worker only)


def _init_worker(spec: LinterSpec, parent: int | None = None) -> None:
    """Pool initializer: build this worker's Linter once (its pipeline loads on the first parse), and end
    the worker when ``parent``, the process that made the pool, is gone (:func:`_exit_with`)."""
    global _WORKER
    if parent is not None:
        _exit_with(parent)
    os.chdir(spec.cwd)  # a forkserver's children start in the server's folder, not the parent's
    _WORKER = spec.build()


def _exit_with(parent: int) -> None:
    """End this worker as soon as process ``parent`` ends, however it ends (SIGKILL, a CI job's timeout).

    A worker waits for chunks on a pipe whose write end it holds itself, so its parent's death never
    reaches it, and it keeps the fork server alive: both would stay, holding a loaded pipeline each, for
    ever. A daemon thread waits on the parent's pidfd (Linux 5.3+; elsewhere no watch) and exits."""
    try:
        fd = os.pidfd_open(parent)
    except ProcessLookupError:  # gone already
        os._exit(1)
    except (AttributeError, OSError):  # no pidfd here
        return

    def watch() -> None:
        select.select([fd], [], [])
        os._exit(1)

    threading.Thread(target=watch, name="editlint-parent-watch", daemon=True).start()


def _lint_chunk(paths: tuple[str, ...]) -> tuple[int, list[FileReport]]:
    """Lint one chunk in the worker; returns the worker's pid (for diagnostics) and the reports."""
    assert _WORKER is not None, "the pool initializer did not run"
    return os.getpid(), list(_WORKER.lint_many(paths))


# -- in the parent ---------------------------------------------------------------------------------------
@dataclass
class _Chunk:
    paths: tuple[str, ...]
    future: Future[tuple[int, list[FileReport]]]
    crashes: int = 0


def _ready(entry: FileReport | _Chunk) -> bool:
    """A cached report, or a chunk whose worker has answered (or died): yielding it will not wait."""
    return not isinstance(entry, _Chunk) or entry.future.done()


class LocalExecutor:
    """Lints in this process (``jobs`` 1) or in ``jobs`` worker processes; see the module docstring."""

    def __init__(self, jobs: int | None = None, *, chunk_size: int | None = None) -> None:
        self.jobs = default_jobs() if jobs is None or jobs < 1 else jobs
        self.chunk_size = chunk_size
        #: pids of the worker processes that returned a chunk (for tests and diagnostics)
        self.worker_pids: set[int] = set()
        #: pools started (1 in a run without a crash; 0 when every file came from the cache)
        self.pools_started = 0
        self._pool: Executor | None = None
        self._spec: LinterSpec | None = None
        self._first: str | None = None  # the run's first file: the configuration the warm-up uses

    def run(self, spec: LinterSpec, items: Sequence[str]) -> Iterator[FileReport]:
        """One report per item, in input order (see :class:`~editlint.executors.Executor`)."""
        parent = spec.build()  # cheap: configuration and rules only; spaCy loads on a first parse
        if self.jobs <= 1 or len(items) <= 1 or "-" in items:  # standard input is read here, once
            yield from parent.lint_many(items)
            return
        self._spec = spec
        self._first = items[0]
        try:
            yield from self._stream(items, self.chunk_size, parent.cached)
        finally:
            self._close()

    def chunk_for(self, left: int) -> int:
        """Files in the next chunk when ``left`` files (the unsent chunk's included) are still to send: up
        to MAX_CHUNK early (the engine parses a chunk's articles in one stream), one at the end."""
        return max(1, min(MAX_CHUNK, left // (self.jobs * CHUNKS_EACH)))

    def _stream(self, items: Sequence[str], chunk: int | None, cached: Callable[[str], FileReport | None]
                ) -> Iterator[FileReport]:
        """Reports in input order; chunks of ``chunk`` files (None: :meth:`chunk_for`)."""
        queue: deque[FileReport | _Chunk] = deque()
        todo: list[str] = []
        limit = self.jobs * CHUNKS_PER_WORKER
        for k, item in enumerate(items):
            hit = cached(item)
            if hit is None:
                todo.append(item)
            size = chunk or self.chunk_for(len(items) - k + len(todo) - 1)
            if todo and (hit is not None or len(todo) >= size):
                queue.append(self._submit(tuple(todo)))
                todo = []
            if hit is not None:
                queue.append(hit)
            while queue and (_ready(queue[0]) or len(queue) > limit * MAX_CHUNK
                             or sum(isinstance(q, _Chunk) for q in queue) >= limit):
                yield from self._next(queue)
        if todo:
            queue.append(self._submit(tuple(todo)))
        while queue:
            yield from self._next(queue)

    def _next(self, queue: deque[FileReport | _Chunk]) -> Iterator[FileReport]:
        """The reports of the queue's head: a cached report, or a chunk's (waiting for it)."""
        head = queue.popleft()
        if not isinstance(head, _Chunk):
            yield head
            return
        while True:
            if head.crashes >= CRASHES_BEFORE_ISOLATION:
                yield from (self._isolated(path) for path in head.paths)
                return
            try:
                pid, reports = head.future.result()
            except BrokenProcessPool:
                self._restart(head, queue)
                continue
            self.worker_pids.add(pid)
            yield from reports
            return

    def _new_pool(self, workers: int) -> Executor:
        assert self._spec is not None
        _start_forkserver(self._spec, self._first)
        return ProcessPoolExecutor(workers, mp_context=_context(), initializer=_init_worker,
                                   initargs=(self._spec, os.getpid()))

    def _pool_now(self) -> Executor:
        if self._pool is None:
            self._pool = self._new_pool(self.jobs)
            self.pools_started += 1
        return self._pool

    def _submit(self, paths: tuple[str, ...]) -> _Chunk:
        return _Chunk(paths, self._send(paths))

    def _send(self, paths: tuple[str, ...]) -> Future[tuple[int, list[FileReport]]]:
        """The chunk's future; a pool that broke meanwhile gives a failed one (handled like a crash)."""
        try:
            return self._pool_now().submit(_lint_chunk, paths)
        except BrokenProcessPool as exc:
            failed: Future[tuple[int, list[FileReport]]] = Future()
            failed.set_exception(exc)
            return failed

    def _restart(self, head: _Chunk, queue: deque[FileReport | _Chunk]) -> None:
        """A worker died: a new pool, and every chunk not reported yet (the head first) sent again."""
        self._close()
        for c in (head, *(q for q in queue if isinstance(q, _Chunk))):
            if c.future.done() and not c.future.cancelled() and c.future.exception() is None:
                continue  # finished before the crash: its reports are kept
            c.crashes += 1
            if c.crashes < CRASHES_BEFORE_ISOLATION:
                c.future = self._send(c.paths)

    def _isolated(self, path: str) -> FileReport:
        """Lint one file in a pool of its own: if that worker dies too, the file is the cause."""
        from ..findings import FileReport

        with self._new_pool(1) as pool:
            try:
                pid, reports = pool.submit(_lint_chunk, (path,)).result()
            except BrokenProcessPool:
                return FileReport(path=path, error=f"{path}: the worker process linting it died "
                                  "(it was retried alone, and died again)")
        self.worker_pids.add(pid)
        return reports[0]

    def _close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = None
