"""The plug-in API as the built-in checks see it: :mod:`editlint.api` (re-exported here) and the
:class:`CheckContext` protocol, ``editlint.api.CheckContext`` plus what the engine's context
(:mod:`editlint.context`) offers built-in checks only: ``config``, ``rule`` and ``read``. New code (and
every third-party check type) should use only what ``editlint.api.CheckContext`` declares.
"""

from __future__ import annotations

from typing import Any, Protocol

from .. import api
from ..api import (
    NEEDS,
    REQUIRED,
    CheckFunc,
    CheckType,
    ConfigSection,
    Diagnostic,
    Hit,
    Metric,
    MetricProvider,
    Option,
    Result,
    Span,
    check_type,
    metric_provider,
)
from ..document import Document
from ..source import Source

__all__ = ["NEEDS", "REQUIRED", "CheckContext", "CheckFunc", "CheckType", "ConfigSection", "Diagnostic",
           "Hit", "Metric", "MetricProvider", "Option", "Result", "Span", "check_type", "metric_provider"]



class CheckContext(api.CheckContext, Protocol):
    """The context a built-in check gets: the plug-in API's, and three engine extras.

    ``config`` (the article's configuration) and ``rule`` are the engine's own objects, typed ``Any``
    here so that checks do not import the configuration or the registry; the checks that still read
    them do so for cross-rule policy the engine should own. ``read`` reads a source in its format.
    """

    @property
    def config(self) -> Any:
        """The article's ``editlint.config.Config``."""

    @property
    def rule(self) -> Any:
        """The running ``editlint.rules.Rule`` (None for a metric provider)."""

    def option(self, name: str) -> Any:
        """One of the rule's options."""

    def read(self, source: Source) -> Document:
        """``source`` read by the engine's reader for its format."""
