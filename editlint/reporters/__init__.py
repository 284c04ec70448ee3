"""Reporters render a :class:`~editlint.findings.RunReport`; the JSON contract is the source of truth.

Every format is a function ``render(report, **options) -> str``. Options a reporter may use:
``fail_on`` (the gate), ``registry`` (rule metadata; default: the built-in rules), ``colour``,
``quiet``, ``statistics``; a reporter ignores the options it does not use.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any

from ..findings import RunReport

Reporter = Callable[..., str]

#: format name → module in this package (imported on first use, so ``text`` stays cheap).
_MODULES = {
    "text": "text",
    "json": "json",
    "sarif": "sarif",
    "github": "github",
    "junit": "junit",
    "markdown": "markdown",
    "html": "html",
}
FORMATS = tuple(_MODULES)


def get(fmt: str) -> Reporter:
    """The render function of format ``fmt`` (KeyError for an unknown format)."""
    module = importlib.import_module(f".{_MODULES[fmt]}", __name__)
    fn: Reporter = module.render
    return fn


def render(fmt: str, report: RunReport, **options: Any) -> str:
    return get(fmt)(report, **options)
