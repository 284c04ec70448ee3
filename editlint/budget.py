"""A cooperative per-file time budget: the engine opens a deadline around one file's checks, and the long
loops of checks call :func:`checkpoint`, which raises :class:`BudgetExceeded` once it has passed.

Checking the clock only between rules cannot stop one rule that is slow on a pathological article (long
repetitive text, thousands of claims); a check that polls here gives up inside its loop instead, and the
engine turns that into a per-file error while the other files are still linted. The deadline lives in a
:class:`~contextvars.ContextVar`, so threads (the editor server) and nested calls each see their own, and a
check called outside the engine (tests, hosts) has none and never stops.
"""

from __future__ import annotations

import math
import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

from .errors import EditlintError

__all__ = ["DEFAULT_SECONDS", "MAX_SECONDS", "BudgetExceeded", "budget_problem", "checkpoint", "deadline",
           "expired"]

#: Seconds of checking per file unless ``time-budget`` (configuration) or ``--time-budget`` says otherwise.
DEFAULT_SECONDS = 300.0
#: The largest budget accepted: a day. A larger one is a typo (milliseconds meant) more often than a wish.
MAX_SECONDS = 86_400.0


@dataclass(frozen=True)
class _Deadline:
    at: float  # time.monotonic() after which checks stop
    seconds: float  # the budget, for the message
    label: str  # the file, for the message


_CURRENT: ContextVar[_Deadline | None] = ContextVar("editlint_deadline", default=None)


class BudgetExceeded(EditlintError):
    """The file's time budget ran out inside a check (the engine stops checking that file)."""

    def __init__(self, label: str, seconds: float) -> None:
        super().__init__(f"{label}: over the time budget of {seconds:g} s per file")
        self.label = label
        self.seconds = seconds


def budget_problem(value: object, name: str = "time-budget") -> str | None:
    """None when ``value`` is a usable budget (seconds, above 0 and at most a day); else what is wrong.
    Shared by the configuration key and the command-line flag, so both refuse the same values."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return f"{name} must be a number of seconds, not {value!r}"
    if not math.isfinite(value) or not 0 < value <= MAX_SECONDS:
        return f"{name} must be more than 0 and at most {MAX_SECONDS:g} seconds, not {value!r}"
    return None


@contextmanager
def deadline(seconds: float, label: str) -> Iterator[None]:
    """Checks run inside this block give up ``seconds`` from now (see :func:`checkpoint`)."""
    token = _CURRENT.set(_Deadline(time.monotonic() + seconds, seconds, label))
    try:
        yield
    finally:
        _CURRENT.reset(token)


def expired() -> bool:
    """Whether the current file's deadline has passed (False when there is none)."""
    d = _CURRENT.get()
    return d is not None and time.monotonic() > d.at


def checkpoint() -> None:
    """Raise :class:`BudgetExceeded` when the current file's deadline has passed; cheap enough to call
    once per iteration of a check's outer loops (one context-variable read and one clock read)."""
    d = _CURRENT.get()
    if d is not None and time.monotonic() > d.at:
        raise BudgetExceeded(d.label, d.seconds)
