"""Shared fixtures: a quick way to lint a snippet with chosen rules, and where the shared/ folder is."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from editlint import FileReport, Linter

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seed" / "backward-crawling.txt"

_EXT = {"markdown": "md", "md": "md", "html": "html", "text": "txt", "txt": "txt"}


def lint_snippet(text: str, fmt: str = "markdown", select: list[str] | None = None,
                 **config: Any) -> FileReport:
    """Lint ``text`` as an article of format ``fmt`` with an explicit configuration (no discovery)."""
    cfg: dict[str, Any] = dict(config)
    if select is not None:
        cfg["select"] = select
    report = Linter(cfg).lint_text(text, path=f"snippet.{_EXT[fmt]}")
    assert report.error is None, report.error
    return report


@pytest.fixture
def lint() -> Callable[..., FileReport]:
    return lint_snippet


def codes(report: FileReport, minimum: str = "info") -> list[str]:
    rank = {"info": 1, "warning": 2, "error": 3}[minimum]
    return [f.rule for f in report.findings if f.severity.rank >= rank]


@pytest.fixture
def seed_path() -> Path:
    if not SEED.is_file():
        pytest.skip("../shared/seed/backward-crawling.txt is not present (shared/ is beside the repo in CI)")
    return SEED
