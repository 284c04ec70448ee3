"""Executors: where the articles of one run are linted (this process, worker processes, a Dask cluster).

The contract every executor keeps (the CLI, the language server and library users rely on it):

* ``run(spec, items)`` yields one :class:`~editlint.findings.FileReport` per item, **in input order**,
  as soon as the next one in order is ready (streamed, memory bounded: no executor holds the reports of
  the whole run).
* A worker builds its own :class:`~editlint.engine.Linter` from the picklable :class:`LinterSpec` once and
  keeps it (one loaded pipeline per worker); reports cross process boundaries without parses.
* A file that cannot be linted is a report with ``error`` set; a worker that dies is retried; no item is
  ever lost or reported twice.
* Findings are identical (same JSON) whichever executor produced them.

Implementations: :mod:`editlint.executors.local` (``--jobs N``: this process for one job, a process pool
for more) and :mod:`editlint.executors.dask` (``--executor dask[:ADDRESS]``).
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from ..config import Config
    from ..engine import Linter
    from ..findings import FileReport

__all__ = ["Executor", "LinterSpec"]


@dataclass(frozen=True)
class LinterSpec:
    """The constructor arguments of a :class:`~editlint.engine.Linter`, picklable, to rebuild an equal one
    in another process. ``config`` is a ``[tool.editlint]``-shaped mapping, a
    :class:`~editlint.config.Config` (it pickles) or None (discover per file); ``cache_dir`` is the run
    cache's folder (None: no cache)."""

    config: Config | Mapping[str, Any] | None = None
    overrides: Mapping[str, Any] = field(default_factory=dict)
    extend_select: tuple[str, ...] = ()
    extend_ignore: tuple[str, ...] = ()
    follow_links: bool = False
    cwd: str = field(default_factory=os.getcwd)
    cache_dir: str | None = None
    #: seconds of checking per file (the Linter's ``time_budget``); None: the default
    time_budget: float | None = None

    def build(self) -> Linter:
        """A Linter equal to the one this spec was taken from (run in the worker, once)."""
        from ..engine import Linter

        linter = Linter(self.config, overrides=self.overrides, extend_select=self.extend_select,
                        extend_ignore=self.extend_ignore, follow_links=self.follow_links,
                        cache=self.cache_dir)
        if self.time_budget is not None:
            linter.time_budget = self.time_budget
        return linter


class Executor(Protocol):
    """Lints articles somewhere and yields their reports in input order."""

    def run(self, spec: LinterSpec, items: Sequence[str]) -> Iterator[FileReport]:
        """One report per item (a file path), in the order given."""
        ...
