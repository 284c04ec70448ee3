"""Real, human-written articles (tests/corpus/real): every file is linted without a crash, and the
findings an editor judged wrong that the code has since stopped reporting stay gone (AUDIT.md,
manifest.toml). Right errors of the latest judgement stay reported, so a fix cannot buy precision
with recall."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT

from editlint import FileReport, lint_paths
from editlint.rules import read_toml

CORPUS = ROOT / "tests" / "corpus" / "real"
ARTICLES = sorted(p for p in (CORPUS / "articles").iterdir() if p.is_file())
ROWS: list[dict[str, Any]] = read_toml(CORPUS / "manifest.toml")["finding"]

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def reports() -> dict[str, FileReport]:
    """The folder linted the way `editlint check tests/corpus/real/articles/` lints it."""
    run = lint_paths([CORPUS / "articles"])
    return {Path(f.path).name: f for f in run.files}


def _reported(report: FileReport) -> set[tuple[str, int]]:
    return {(f.rule, f.line) for f in report.findings if f.severity.rank >= 2}


def test_the_corpus_is_the_one_judged() -> None:
    """Every committed article is judged in the manifest and every manifest row names one of them."""
    names = {p.name for p in ARTICLES}
    judged = {r["file"] for r in ROWS}
    assert len(names) >= 12
    assert judged <= names
    assert {r["verdict"] for r in ROWS} <= {"right", "wrong", "debatable"}
    assert all(r["verdict"] == "right" or r["kind"] for r in ROWS), "every wrong verdict names its kind"


def test_every_article_is_reported(reports: dict[str, FileReport]) -> None:
    assert sorted(reports) == [p.name for p in ARTICLES]


@pytest.mark.parametrize("name", [p.name for p in ARTICLES])
def test_every_article_is_reported_without_error(reports: dict[str, FileReport], name: str) -> None:
    report = reports[name]
    assert report.error is None, report.error


GONE = [r for r in ROWS if r["gone"]]


@pytest.mark.parametrize("row", GONE, ids=[f"{r['file']}:{r['rule']}:{r['line']}" for r in GONE])
def test_fixed_false_alarms_stay_gone(reports: dict[str, FileReport], row: dict[str, Any]) -> None:
    """A finding judged wrong (a false alarm or a misdiagnosis) that the code no longer reports."""
    assert (row["rule"], row["line"]) not in _reported(reports[row["file"]]), row["reason"]


LATEST = [run for run in ("first", "mid", "final") if any(r["run"] == run for r in ROWS)][-1]
KEEP = [r for r in ROWS if r["run"] == LATEST and r["verdict"] == "right" and r["severity"] == "error"]


@pytest.mark.parametrize("row", KEEP, ids=[f"{r['file']}:{r['rule']}:{r['line']}" for r in KEEP])
def test_right_errors_are_still_reported(reports: dict[str, FileReport], row: dict[str, Any]) -> None:
    assert (row["rule"], row["line"]) in _reported(reports[row["file"]]), row["reason"]
