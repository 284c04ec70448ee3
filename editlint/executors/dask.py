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

A run never waits forever on a cluster that cannot run anything: while the cluster has had no running
worker for ``no_workers_timeout`` seconds (all dead, their nannies given up, or stuck starting or closing),
every file still pending is reported with an error naming that; time spent on a live worker is never
limited, however slow it is.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import logging
import math
import os
import time
import uuid
from collections import deque
from collections.abc import Callable, Collection, Iterator, Sequence
from typing import Any

import dask
from dask.utils import parse_timedelta
from distributed import Client, LocalCluster, WorkerPlugin, get_worker, wait
from distributed import TimeoutError as DaskTimeoutError
from distributed.comm.addressing import resolve_address
from distributed.scheduler import KilledWorker, NoWorkerError

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
#: Seconds a run goes on waiting while the cluster has no running worker before it fails its pending files
#: (exit 2). Dask's ``distributed.scheduler.no-workers-timeout``, when set, is used instead: one setting
#: for the same idea, which Dask's scheduler applies itself on the local cluster started for a run.
NO_WORKERS_TIMEOUT = 60.0
#: The longest pause, while a shard is pending, between two looks at the cluster's workers.
WATCH_INTERVAL = 2.0
#: Worker states that will run tasks (a paused worker resumes once its memory is spilled).
LIVE_STATES = frozenset({"running", "paused"})


class NoWorkers(Exception):
    """The cluster has had no running worker for ``timeout`` seconds: nothing pending can run."""

    def __init__(self, timeout: float) -> None:
        super().__init__(timeout)
        self.timeout = timeout

    def __str__(self) -> str:
        return f"no Dask workers for {self.timeout:g} s"


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
                 connect_timeout: float = CONNECT_TIMEOUT, no_workers_timeout: float | None = None) -> None:
        if no_workers_timeout is not None and not no_workers_timeout > 0:
            raise ValueError(f"no_workers_timeout: expected seconds above 0, got {no_workers_timeout}")
        self.address = address
        self.workers = workers
        self.threads = threads
        self.retries = retries
        self.shard_size = max(1, shard_size)
        self.connect_timeout = connect_timeout
        #: None: Dask's ``distributed.scheduler.no-workers-timeout`` when set, else :data:`NO_WORKERS_TIMEOUT`
        self.no_workers_timeout = no_workers_timeout
        #: clusters connected to or started (0 when every file of the runs came from the run cache)
        self.connections = 0

    def run(self, spec: LinterSpec, items: Sequence[str]) -> Iterator[FileReport]:
        """One report per item, in input order, streamed as the next one in order is ready. With a run
        cache, this process asks it first and only misses go to the cluster (none: no cluster at all)."""
        items = list(items)
        if "-" in items:
            raise EditlintError("--executor dask reads articles from files; lint standard input without it")
        cached = spec.build().cached if spec.cache_dir is not None else None
        timeout = self.workerless_timeout()
        with contextlib.ExitStack() as stack:
            stream = _Stream(lambda: self._connect(stack, spec, timeout), self.retries, self.shard_size,
                             len(items), timeout)
            yield from stream.reports(iter(items), cached)

    def workerless_timeout(self) -> float:
        """Seconds without a running worker before pending files fail: the constructor's, else Dask's
        configuration (``distributed.scheduler.no-workers-timeout``), else :data:`NO_WORKERS_TIMEOUT`."""
        if self.no_workers_timeout is not None:
            return self.no_workers_timeout
        configured = dask.config.get("distributed.scheduler.no-workers-timeout", None)
        if configured is None:
            return NO_WORKERS_TIMEOUT
        try:
            seconds = float(parse_timedelta(configured, default="s"))
        except (ValueError, TypeError, KeyError):
            seconds = math.nan
        if not seconds > 0:  # a Dask setting is the user's input: one line, exit 2
            raise EditlintError("Dask's distributed.scheduler.no-workers-timeout: expected a duration "
                                f"above 0, got {configured!r}")
        return seconds

    def _connect(self, stack: contextlib.ExitStack[Any], spec: LinterSpec, timeout: float) -> tuple[Any, str]:
        """The client (closed with ``stack``) and the name of the run's plugin, set up on every worker."""
        client = stack.enter_context(self._client(timeout))
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
    def _client(self, no_workers_timeout: float) -> Iterator[Any]:
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
        # reads here (no dashboard). Nannies pass this configuration to the workers they (re)start. The
        # scheduler fails tasks queued while it has no running worker for the run's timeout itself.
        bound = f"{no_workers_timeout}s" if math.isfinite(no_workers_timeout) else None  # inf: no bound
        with dask.config.set({"distributed.worker.profile.enabled": False,
                              "distributed.scheduler.no-workers-timeout": bound}):
            cluster = LocalCluster(  # type: ignore[no-untyped-call]
                n_workers=self.workers, threads_per_worker=self.threads, processes=True,
                dashboard_address=":0", silence_logs=logging.ERROR)  # no fixed port
            with cluster, Client(cluster, set_as_default=False) as client:  # type: ignore[no-untyped-call]
                yield client


class _Watch:
    """Waits for a run's futures, bounded only by time the cluster spends without a running worker.

    A task queued on a cluster whose workers are all gone (a nanny that gave up restarting its worker) or
    stuck (starting or closing forever) waits forever: :func:`distributed.wait` and ``Future.result`` know
    no better. So between waits of at most :data:`WATCH_INTERVAL` the watch asks the scheduler for its
    workers' states, as ``Client.wait_for_workers`` does, and raises :class:`NoWorkers` once none has been
    live for ``timeout`` seconds. A slow shard on a live worker is never cut off."""

    def __init__(self, client: Any, timeout: float) -> None:
        self.client = client
        self.timeout = timeout
        self.interval = min(WATCH_INTERVAL, timeout / 4)
        #: when the cluster was first seen without a live worker (None: it has one)
        self.since: float | None = None
        #: the bound the run gave up after (None: it has not; reset when a worker comes back)
        self.gave_up: float | None = None

    def live_workers(self) -> int:
        workers = self.client.scheduler_info().get("workers", {})  # every worker, with its state
        return sum(1 for info in workers.values() if info.get("status") in LIVE_STATES)

    def check(self) -> None:
        """Raise :class:`NoWorkers` when the cluster has had no live worker for ``timeout`` seconds (or
        has none now, after the run gave up once)."""
        if self.live_workers():
            self.since = self.gave_up = None
            return
        now = time.monotonic()
        self.since = now if self.since is None else self.since
        if self.gave_up is None and now - self.since >= self.timeout:
            self.gave_up = self.timeout
        if self.gave_up is not None:
            raise NoWorkers(self.gave_up)

    def expire(self, seconds: float) -> None:
        """The run gave up after ``seconds`` without workers (the scheduler's bound, perhaps not ours):
        the next wait fails at once unless a worker came back."""
        self.since = time.monotonic() if self.since is None else self.since
        self.gave_up = seconds if self.gave_up is None else self.gave_up

    def result(self, future: Any) -> Any:
        """The future's result (raises what its task raised). Bounded too after the task has finished: a
        result held by a worker that died before it was gathered waits for the task to run again. The
        gather runs on in the client's event loop between looks (``Future.result(timeout=)`` would cancel
        and restart a slow transfer at every look)."""
        if self.since is not None:  # no live worker at the last look: look again before waiting
            self.check()
        gathering = asyncio.run_coroutine_threadsafe(self.client.gather(future, asynchronous=True),
                                                     self.client.loop.asyncio_loop)
        try:
            while True:
                try:
                    return gathering.result(timeout=self.interval)
                except concurrent.futures.TimeoutError:
                    if gathering.done():  # the task itself raised a TimeoutError
                        raise
                    self.check()
        finally:
            gathering.cancel()  # nothing when it is done

    def settle(self, futures: Collection[Any]) -> None:
        """Return once every future is finished, erred or cancelled; raise :class:`NoWorkers` instead when
        the cluster has no live worker (at once if it already had none for ``timeout`` seconds)."""
        if self.since is not None:
            self.check()
        while True:
            try:
                with self.client.as_current():  # distributed.wait looks for the current client
                    wait(list(futures), timeout=self.interval)  # type: ignore[no-untyped-call]
                return
            except DaskTimeoutError:
                self.check()


class _Stream:
    """The run's files through one client: cache hits as they are, misses in shards; a bounded window of
    shards in flight (the client connected at the first miss), results in input order."""

    def __init__(self, connect: Callable[[], tuple[Any, str]], retries: int, shard_size: int,
                 total: int, no_workers_timeout: float) -> None:
        self.connect = connect
        self.no_workers_timeout = no_workers_timeout
        self.watch: _Watch | None = None
        self.client: Any = None
        self.plugin_name = ""
        self.retries = retries
        self.shard_size = shard_size
        self.total = total
        self.size = shard_size
        self.window = WINDOW_PER_THREAD
        self.inflight: set[Any] = set()

    def connected(self) -> _Watch:
        """The run's watch; the client connects (and the plugin is registered) on the first call."""
        if self.watch is None:
            self.client, self.plugin_name = self.connect()
            self.watch = _Watch(self.client, self.no_workers_timeout)
        return self.watch

    def submit(self, shard: list[str]) -> Any:
        self.connected()
        # pure=False: a file may have changed since a previous run on a long-lived cluster
        future = self.client.submit(_lint_shard, self.plugin_name, shard, retries=self.retries, pure=False)
        self.inflight.add(future)
        return future

    def shape(self) -> None:
        """Shards of at most ``shard_size`` files, smaller on small runs so every worker thread gets
        several (balance) while a shard still fills an ``nlp.pipe`` batch on big runs."""
        self.connected()
        threads = max(1, int(sum(self.client.nthreads().values())))
        self.size = max(1, min(self.shard_size, -(-self.total // (threads * WINDOW_PER_THREAD))))
        self.window = WINDOW_PER_THREAD * threads

    def result(self, shard: list[str], future: Any) -> list[FileReport]:
        """The shard's reports (raises what the task raised, or :class:`NoWorkers`); the future is released
        either way."""
        try:
            reports: list[FileReport] = self.connected().result(future)
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
        except (NoWorkers, NoWorkerError) as exc:  # splitting would only wait again
            self.connected().expire(exc.timeout)
            return [_failed(path, exc) for path in shard]
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
        with contextlib.suppress(NoWorkers):  # then each file below fails at once, unless workers came back
            self.connected().settle(self.inflight)
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
    if isinstance(exc, (NoWorkers, NoWorkerError)):  # one line, naming the file and the wait
        return FileReport(path=path, error=f"{path}: not linted: no Dask workers for {exc.timeout:g} s")
    return FileReport(path=path, error=f"{path}: could not be linted on the Dask cluster: "
                      f"{type(exc).__name__}: {exc}")
