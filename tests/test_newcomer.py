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


@pytest.fixture
def project(tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    """A folder with a pyproject.toml that selects everything, and an article that gives opposite advice."""
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n[tool.editlint]\nselect = ["ALL"]\n',
                                             encoding="utf-8")
    (tmp_path / "a.md").write_text("# Feeds\n\nNever wake a sleeping baby to feed.\n\n"
                                   "Always wake your baby to feed every three hours.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _cli(*args: str) -> tuple[int, str, str]:
    import contextlib
    import io

    from editlint.cli import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(args))
    return code, out.getvalue(), err.getvalue()


def test_a_bad_selector_on_the_command_line_is_blamed_on_the_flag(project) -> None:  # type: ignore[no-untyped-def]
    code, _, err = _cli("check", "a.md", "--select", "EL9")
    assert code == 2
    assert err.startswith("editlint: error: --select:") and "EL9" in err and "pyproject" not in err
    code, _, err = _cli("check", "a.md", "--ignore", "nosuchrule")
    assert code == 2 and "--ignore:" in err


def test_a_bad_selector_in_the_file_is_blamed_on_the_file(project) -> None:  # type: ignore[no-untyped-def]
    (project / "pyproject.toml").write_text('[tool.editlint]\nselect = ["EL9"]\n', encoding="utf-8")
    from editlint.config import clear_caches

    clear_caches()
    code, _, err = _cli("check", "a.md")
    assert code == 2 and "pyproject.toml" in err and "select" in err


@pytest.mark.slow
def test_the_more_specific_selector_wins(project) -> None:  # type: ignore[no-untyped-def]
    from editlint.config import config_from_mapping
    from editlint.rules import Registry

    reg = Registry.default()

    def enabled(**cfg: object) -> set[str]:
        return set(config_from_mapping(cfg).enabled_rules(reg))

    assert enabled(select=["EL303"], ignore=["EL3"]) == {"EL303"}
    assert "EL303" not in enabled(select=["EL3"], ignore=["EL303"]) and "EL301" in enabled(select=["EL3"],
                                                                                            ignore=["EL303"])
    assert enabled(select=["contradiction"], ignore=["EL30"]) & {"EL301", "EL303"} == set()
    assert enabled(select=["EL303"], ignore=["opposite-advice"]) == set()  # a tie: ignore wins
    code, out, _ = _cli("check", "a.md", "--select", "EL303", "--ignore", "EL3", "--format", "json")
    assert code == 1 and '"EL303"' in out


def test_rules_labels_default_and_configured_severity(project) -> None:  # type: ignore[no-untyped-def]
    (project / "pyproject.toml").write_text(
        '[tool.editlint]\nignore = ["EL2"]\n[tool.editlint.severity]\nEL101 = "error"\n', encoding="utf-8")
    from editlint.config import clear_caches

    clear_caches()
    code, out, _ = _cli("rules")
    assert code == 0
    header, *rows = out.splitlines()
    assert header.split()[:5] == ["code", "slug", "category", "default", "here"]
    el101 = next(r for r in rows if r.startswith("EL101")).split()
    assert el101[3:5] == ["warning", "error"]
    el201 = next(r for r in rows if r.startswith("EL201")).split()
    assert el201[4] == "off"


def test_related_places_are_in_line_order() -> None:
    """A check may list the other places in any order; the finding lists them by line and column."""
    from editlint import Linter
    from editlint.api import Hit, Span
    from editlint.rules import Registry

    linter = Linter({"select": ["EL105"]}, keep_documents=True)
    report = linter.lint_text("# T\n\nOne line.\n\nTwo lines.\n\nThree lines.\n", path="r.md")
    assert report.document is not None
    text = report.document.text
    spans = [Span(text.index(w), text.index(w) + len(w)) for w in ("Three", "One", "Two")]
    rule = Registry.default().rules["EL105"]
    hit = Hit(0, 1, "x", related=tuple(spans))
    finding = Linter._finding(report.document, rule, hit, linter.config_for(None))
    keys = [(r.line, r.column) for r in finding.related]
    assert keys == sorted(keys) and len(keys) == 3
