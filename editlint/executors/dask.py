"""``--executor dask[:ADDRESS]``: lint an archive on a Dask distributed cluster.

Why Dask: a publisher's archive outgrows one machine, and Dask's scheduler already does what a home-made
pool would have to (placing tasks, noticing dead workers and rescheduling their tasks, nanny restarts).

What crosses the wire: article **paths**, not texts. Workers read the articles (and discover their
configuration files, as the command line does) from a filesystem they share with the client, at the same
paths; relative paths resolve against the client's working directory (:attr:`LinterSpec.cwd`). Reports
come back slim (a :class:`~editlint.findings.LintedSource`, never spaCy parses).

Each worker builds one :class:`~editlint.engine.Linter` from the :class:`LinterSpec` in a worker plugin's
``setup()`` and keeps it, so the spaCy pipeline is loaded once per worker process; a worker restarted by
its nanny gets the plugin again. Files go in small shards (one ``nlp.pipe`` batch at most), a bounded
window of shards is in flight, and reports are yielded in input order. A shard whose task fails (an
exception after ``retries``, or workers dying under it) is split and its files retried one by one; a file
that still fails is reported with ``error`` set. No file is lost or reported twice.
"""

from __future__ import annotations

import contextlib
import logging
import os
import uuid
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from typing import Any

import dask
from distributed import Client, LocalCluster, WorkerPlugin, get_worker, wait
from distributed.comm.addressing import resolve_address
from distributed.scheduler import KilledWorker

from .._version import __version__
from ..engine import DOCS_PER_BATCH
from ..errors import EditlintError
from ..findings import FileReport
from . import LinterSpec

__all__ = ["DaskExecutor"]

#: Local cluster shape when no scheduler address is given: processes, so each has its own GIL and model.
LOCAL_WORKERS = 2
LOCAL_THREADS = 1
#: How often a shard's task is re-run after it raised (Dask's ``retries=``); dead workers are separate:
#: the scheduler reschedules their tasks itself (``distributed.scheduler.allowed-failures``).
RETRIES = 2
#: Shards in flight per worker thread: enough to keep every worker busy, few enough to bound memory.
WINDOW_PER_THREAD = 4
#: Seconds to wait for a scheduler named by address before giving up (exit 2).
CONNECT_TIMEOUT = 10


class _LinterPlugin(WorkerPlugin):
    """Builds the run's Linter once per worker (and again on a worker its nanny restarted)."""

    def __init__(self, spec: LinterSpec) -> None:
        self.spec = spec
        self.version = __version__
        self.linter: Any = None

    def setup(self, worker: Any) -> None:
        if self.version != __version__:  # other rules or data: findings would differ from the client's
            raise RuntimeError(f"worker {worker.address} has editlint {__version__}, the client "
                               f"{self.version}")
        if os.path.isdir(self.spec.cwd):  # relative article paths and config discovery, as on the client
            os.chdir(self.spec.cwd)
        self.linter = self.spec.build()

    def teardown(self, worker: Any) -> None:
        self.linter = None


def _lint_shard(plugin_name: str, paths: list[str]) -> list[FileReport]:
    """Run on a worker: lint ``paths`` with the worker's Linter (one ``nlp.pipe`` stream)."""
    plugin: Any = get_worker().plugins.get(plugin_name)
    if plugin is None or plugin.linter is None:
        raise RuntimeError(f"editlint worker plugin {plugin_name!r} is not set up on this worker")
    return list(plugin.linter.lint_many(paths))


class DaskExecutor:
    """Lints on a Dask cluster: the scheduler at ``address``, or a :class:`LocalCluster` of ``workers``
    processes with ``threads`` threads each, started for the run and closed after it."""

    def __init__(self, address: str | None = None, *, workers: int = LOCAL_WORKERS,
                 threads: int = LOCAL_THREADS, retries: int = RETRIES, shard_size: int = DOCS_PER_BATCH,
                 connect_timeout: float = CONNECT_TIMEOUT) -> None:
        self.address = address
        self.workers = workers
        self.threads = threads
        self.retries = retries
        self.shard_size = max(1, shard_size)
        self.connect_timeout = connect_timeout
        #: clusters connected to or started (0 when every file of the runs came from the run cache)
        self.connections = 0

    def run(self, spec: LinterSpec, items: Sequence[str]) -> Iterator[FileReport]:
        """One report per item, in input order, streamed as the next one in order is ready. With a run
        cache, this process asks it first and only misses go to the cluster (none: no cluster at all)."""
        items = list(items)
        if "-" in items:
            raise EditlintError("--executor dask reads articles from files; lint standard input without it")
        cached = spec.build().cached if spec.cache_dir is not None else None
        with contextlib.ExitStack() as stack:
            stream = _Stream(lambda: self._connect(stack, spec), self.retries, self.shard_size, len(items))
            yield from stream.reports(iter(items), cached)

    def _connect(self, stack: contextlib.ExitStack[Any], spec: LinterSpec) -> tuple[Any, str]:
        """The client (closed with ``stack``) and the name of the run's plugin, set up on every worker."""
        client = stack.enter_context(self._client())
        self.connections += 1
        plugin_name = f"editlint-{uuid.uuid4().hex}"
        try:
            client.register_plugin(_LinterPlugin(spec), name=plugin_name)
        except RuntimeError as exc:
            raise EditlintError(f"the Dask workers cannot lint for this run: {exc}") from None

        def unregister() -> None:
            with contextlib.suppress(Exception):  # the cluster may be gone; the run's reports are not
                client.unregister_worker_plugin(plugin_name)

        stack.callback(unregister)
        return client, plugin_name

    @contextlib.contextmanager
    def _client(self) -> Iterator[Any]:
        if self.address is not None:
            try:
                resolve_address(self.address)  # a malformed address fails here, before a Client exists
                client = Client(self.address, timeout=self.connect_timeout,  # type: ignore[no-untyped-call]
                                set_as_default=False)
            except (OSError, TimeoutError, ValueError) as exc:
                raise EditlintError(f"cannot reach the Dask scheduler at {self.address}: {exc}") from None
            with client:
                yield client
            return
        # Dask's statistical profiler walks every worker's stack every 10 ms: CPU spent on output nobody
        # reads here (no dashboard). Nannies pass this configuration to the workers they (re)start.
        with dask.config.set({"distributed.worker.profile.enabled": False}):
            cluster = LocalCluster(  # type: ignore[no-untyped-call]
                n_workers=self.workers, threads_per_worker=self.threads, processes=True,
                dashboard_address=":0", silence_logs=logging.ERROR)  # no fixed port
            with cluster, Client(cluster, set_as_default=False) as client:  # type: ignore[no-untyped-call]
                yield client


class _Stream:
    """The run's files through one client: cache hits as they are, misses in shards; a bounded window of
    shards in flight (the client connected at the first miss), results in input order."""

    def __init__(self, connect: Callable[[], tuple[Any, str]], retries: int, shard_size: int,
                 total: int) -> None:
        self.connect = connect
        self.client: Any = None
        self.plugin_name = ""
        self.retries = retries
        self.shard_size = shard_size
        self.total = total
        self.size = shard_size
        self.window = WINDOW_PER_THREAD
        self.inflight: set[Any] = set()

    def submit(self, shard: list[str]) -> Any:
        if self.client is None:
            self.client, self.plugin_name = self.connect()
        # pure=False: a file may have changed since a previous run on a long-lived cluster
        future = self.client.submit(_lint_shard, self.plugin_name, shard, retries=self.retries, pure=False)
        self.inflight.add(future)
        return future

    def shape(self) -> None:
        """Shards of at most ``shard_size`` files, smaller on small runs so every worker thread gets
        several (balance) while a shard still fills an ``nlp.pipe`` batch on big runs."""
        if self.client is None:
            self.client, self.plugin_name = self.connect()
        threads = max(1, int(sum(self.client.nthreads().values())))
        self.size = max(1, min(self.shard_size, -(-self.total // (threads * WINDOW_PER_THREAD))))
        self.window = WINDOW_PER_THREAD * threads

    def result(self, shard: list[str], future: Any) -> list[FileReport]:
        """The shard's reports (raises what the task raised); the future is released either way."""
        try:
            reports: list[FileReport] = future.result()
        finally:
            self.inflight.discard(future)
            future.release()
        if len(reports) != len(shard):  # the contract: one report per item; never silently drop one
            raise EditlintError(f"a Dask worker returned {len(reports)} reports for {len(shard)} files")
        return reports

    def reports(self, items: Iterator[str], cached: Callable[[str], FileReport | None] | None
                ) -> Iterator[FileReport]:
        queue: deque[tuple[list[str], Any]] = deque()  # (files, future) or (files, [cached report])
        pending: list[str] = []
        ahead = 0  # files in the queue; read-ahead stops at window x size
        done = False
        while True:
            while not done and ahead + len(pending) < self.window * self.size:
                item = next(items, None)
                done = item is None
                hit = None if item is None or cached is None else cached(item)
                if item is not None and hit is None:
                    if self.client is None:
                        self.shape()
                    pending.append(item)
                if pending and (len(pending) >= self.size or hit is not None or done):
                    queue.append((pending, self.submit(pending)))
                    ahead, pending = ahead + len(pending), []
                if item is not None and hit is not None:
                    queue.append(([item], [hit]))
                    ahead += 1
            if not queue:
                assert not pending, "files read but never sent"
                return
            shard, job = queue.popleft()
            ahead -= len(shard)
            yield from job if isinstance(job, list) else self.collect(shard, job)

    def collect(self, shard: list[str], future: Any) -> list[FileReport]:
        """The shard's reports; when its task raised after its retries, each file alone (in parallel), and a
        file that raises alone is an error report; when workers died under it, :meth:`quarantine`."""
        try:
            return self.result(shard, future)
        except KilledWorker:
            return self.quarantine(shard)
        except EditlintError:
            raise
        except Exception as exc:
            if len(shard) == 1:
                return [_failed(shard[0], exc)]
        alone = [([path], self.submit([path])) for path in shard]  # all at once, collected in order
        return [r for one, fut in alone for r in self.collect(one, fut)]

    def quarantine(self, shard: list[str]) -> list[FileReport]:
        """Workers died while this shard was theirs. A dying worker also fails the tasks queued behind the
        one that killed it, so each file is linted again with nothing else of this run in flight: only a
        file that kills its workers when alone is reported as an error."""
        with self.client.as_current():  # distributed.wait looks for the current client
            wait(list(self.inflight))  # type: ignore[no-untyped-call]
        out: list[FileReport] = []
        for path in shard:
            try:
                out.extend(self.result([path], self.submit([path])))
            except EditlintError:
                raise
            except Exception as exc:
                out.append(_failed(path, exc))
        return out


def _failed(path: str, exc: BaseException) -> FileReport:
    return FileReport(path=path, error=f"{path}: could not be linted on the Dask cluster: "
                      f"{type(exc).__name__}: {exc}")
