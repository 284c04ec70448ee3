"""EL3xx/EL4xx on unseen articles (tests/corpus/health, manifest.toml): clean ones stay clean, flawed
ones are caught exactly where the manifest says, and nothing else is flagged in them."""

from __future__ import annotations

from typing import Any

import pytest
from conftest import ROOT

from editlint import FileReport, Linter
from editlint.rules import read_toml

CORPUS = ROOT / "tests" / "corpus" / "health"
MANIFEST: list[dict[str, Any]] = read_toml(CORPUS / "manifest.toml")["article"]
FAMILIES = ("EL3", "EL4")
pytestmark = pytest.mark.slow(reason="lints the whole health corpus (21 articles) with every EL3/EL4 rule, "
                              "about 4 s CPU; run it directly or with -m slow while changing EL3/EL4")


def _entry(name: str) -> dict[str, Any]:
    return next(a for a in MANIFEST if a["file"] == name)


@pytest.fixture(scope="module")
def reports() -> dict[str, FileReport]:
    linter = Linter({"select": list(FAMILIES)})
    out: dict[str, FileReport] = {}
    for a in MANIFEST:
        path = CORPUS / a["file"]
        report = linter.lint_text(path.read_text(encoding="utf-8"), path=path.name)
        assert report.error is None, report.error
        out[a["file"]] = report
    return out


def _serious(report: FileReport) -> list[Any]:
    return [f for f in report.findings if f.rule.startswith(FAMILIES) and f.severity.rank >= 2]


def _lines(finding: Any) -> set[int]:
    return {finding.line} | {r.line for r in finding.related}


def test_manifest_matches_the_folder() -> None:
    listed = {a["file"] for a in MANIFEST}
    on_disk = {p.name for p in CORPUS.iterdir() if p.suffix in (".md", ".html", ".txt")}
    assert listed == on_disk
    assert sum(a["clean"] for a in MANIFEST) >= 10 and sum(not a["clean"] for a in MANIFEST) >= 6
    for a in MANIFEST:
        assert a["clean"] == (not a.get("expect")), a["file"]


@pytest.mark.parametrize("name", [a["file"] for a in MANIFEST if a["clean"]])
def test_clean_articles_have_no_el3_el4_warnings(reports: dict[str, FileReport], name: str) -> None:
    found = [(f.rule, f.line, f.message) for f in _serious(reports[name])]
    assert found == []


@pytest.mark.parametrize("name", [a["file"] for a in MANIFEST if not a["clean"]])
def test_flawed_articles_are_caught_where_expected(reports: dict[str, FileReport], name: str) -> None:
    expect = {(e["rule"], e["line"]) for e in _entry(name)["expect"]}
    findings = _serious(reports[name])
    # a contradiction is reported once, at one side, with the other side related: either line counts
    missed = {(rule, line) for rule, line in expect
              if not any(f.rule == rule and line in _lines(f) for f in findings)}
    assert missed == set()
    # and nothing else in the article is flagged
    extra = [(f.rule, f.line, f.message) for f in findings
             if not any(f.rule == rule and line in _lines(f) for rule, line in expect)]
    assert extra == []
