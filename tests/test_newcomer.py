"""Small surprises a first run met (issue 17): severity order, plurals, quotes cut at word boundaries."""

from __future__ import annotations

import pytest

from editlint.findings import FileReport, RunReport, Severity
from editlint.quote import clip
from editlint.reporters import github, text


def test_severity_orders_by_seriousness() -> None:
    assert Severity.ERROR > Severity.WARNING > Severity.INFO
    assert Severity.INFO < Severity.ERROR and Severity.WARNING >= Severity.WARNING
    assert sorted([Severity.WARNING, Severity.ERROR, Severity.INFO]) == [Severity.INFO, Severity.WARNING,
                                                                         Severity.ERROR]
    assert max(Severity) is Severity.ERROR


def _run(n_files: int) -> RunReport:
    report = RunReport(version="0")
    report.files.extend(FileReport(path=f"a{i}.md") for i in range(n_files))
    return report


@pytest.mark.parametrize(("n", "word"), [(1, "1 file"), (2, "2 files")])
def test_totals_use_the_right_number(n: int, word: str) -> None:
    assert text.render(_run(n)).rstrip().endswith(word)
    assert "0 findings" in github.render(_run(n)) and github.render(_run(n)).rstrip().endswith(word)


@pytest.mark.parametrize(("raw", "limit", "expected"), [
    ("Keep the room temperature down at night, and dress your baby lightly.", 35,
     "Keep the room temperature down at…"),
    ("Offer water   in a\nfree-flowing cup with meals.", 90, "Offer water in a free-flowing cup with meals."),
    ("Supercalifragilisticexpialidocious", 10, "Supercali…"),
    ("Short words, then a comma.", 13, "Short words…"),
])
def test_quotes_are_cut_at_word_boundaries(raw: str, limit: int, expected: str) -> None:
    out = clip(raw, limit)
    assert out == expected
    assert len(out) <= limit


def test_readme_setup_starts_with_a_virtual_environment() -> None:
    """The README's set-up lines (which .ci/run follows exactly) create and activate a venv first."""
    import re
    from pathlib import Path

    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    block = readme.split("<!-- setup:start -->", 1)[1].split("<!-- setup:end -->", 1)[0]
    lines = [ln for b in re.findall(r"```sh\n(.*?)```", block, re.S) for ln in b.splitlines() if ln.strip()]
    assert lines[0].startswith("python3 -m venv ") and ". .venv/bin/activate" in lines[0]
    assert 'pip install ".[model]"' in lines[1] and "editlint check samples/" in lines[1]
    assert lines[-1] == "sh scripts/test.sh"
    ci = (Path(__file__).resolve().parent.parent / ".ci" / "run").read_text(encoding="utf-8")
    assert "setup:start" in ci and "pytest" not in ci.split("set -eu", 1)[1]
