"""Style corpus: unseen articles for the repetition, readability, spelling and structure families.

Clean, well-edited articles (all three formats, messy real-world shapes) must give nothing at warning or
above; every expected (rule, line) of the flawed ones must be found. See tests/corpus/style/manifest.toml.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import tomllib

from editlint import FileReport, Linter

CORPUS = Path(__file__).resolve().parent / "corpus" / "style"
FAMILIES = ["EL1", "EL2", "EL5", "EL6"]
pytestmark = pytest.mark.slow(reason="lints the whole style corpus (18 articles) with four rule families, "
                              "about 3.5 s CPU; run it directly or with -m slow when changing EL1/2/5/6")
MANIFEST: dict[str, Any] = tomllib.loads((CORPUS / "manifest.toml").read_text(encoding="utf-8"))["files"]
CLEAN = sorted(name for name, entry in MANIFEST.items() if entry["clean"])
FLAWED = sorted(name for name, entry in MANIFEST.items() if not entry["clean"])


@pytest.fixture(scope="module")
def reports() -> dict[str, FileReport]:
    linter = Linter({"select": FAMILIES})
    out: dict[str, FileReport] = {}
    for name in MANIFEST:
        path = CORPUS / name
        report = linter.lint_text(path.read_text(encoding="utf-8"), path=str(path))
        assert report.error is None, report.error
        out[name] = report
    return out


def test_manifest_lists_every_article() -> None:
    on_disk = {p.name for p in CORPUS.iterdir() if p.suffix in (".md", ".html", ".txt")}
    assert on_disk == set(MANIFEST)
    assert len(CLEAN) >= 10 and len(FLAWED) >= 6


@pytest.mark.parametrize("name", CLEAN)
def test_clean_article_is_clean(reports: dict[str, FileReport], name: str) -> None:
    loud = [f"{f.rule}:{f.line}:{f.column} {f.message}" for f in reports[name].findings
            if f.severity.rank >= 2]
    assert loud == []


@pytest.mark.parametrize("name", FLAWED)
def test_flawed_article_defects_found(reports: dict[str, FileReport], name: str) -> None:
    found = {(f.rule, f.line) for f in reports[name].findings if f.severity.rank >= 2}
    expected = {(e["rule"], e["line"]) for e in MANIFEST[name]["expect"]}
    assert expected - found == set()


def test_el602_label_ending_in_a_short_word_glued_to_a_number() -> None:
    text = ("Potty Training\n\nAt a glance\nTypical Start Age18 months to 3 years\n"
            "Daytime Dry By2 to 4 years\nNight Dry By4 to 6 years\n\nMost children are dry by day first.\n")
    found = [f for f in Linter({"select": ["EL602"]}).lint_text(text, path="x.txt").findings]
    assert [(f.line, len(f.related)) for f in found] == [(4, 2)]


@pytest.mark.parametrize("text", ["Vitamin B12 and CO2 are fine.\n", "Give Vitamin D3 drops daily\n",
                                  "Up to 3 cups\n"])
def test_el602_short_words_and_codes_pass(text: str) -> None:
    report = Linter({"select": ["EL602"]}).lint_text(f"# Notes\n\n{text}", path="x.md")
    assert report.findings == []
