"""Reporters render a :class:`~editlint.findings.RunReport`; the JSON contract is the source of truth."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..findings import RunReport
from . import json as json_reporter
from . import text as text_reporter

Reporter = Callable[..., str]

REPORTERS: dict[str, Reporter] = {
    "text": text_reporter.render,
    "json": json_reporter.render,
}


def render(fmt: str, report: RunReport, **options: Any) -> str:
    return REPORTERS[fmt](report, **options)
