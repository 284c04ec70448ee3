"""The command line: exit codes 0/1/2, bad inputs, the JSON contract, stdin, output files."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from editlint.cli import main
from editlint.config import clear_caches

SCHEMA = json.loads((Path(__file__).parent / "schemas" / "report.schema.json").read_text())
FLAWED = "# Teething\n\nMost babies get a first tooth around six months.\n\nLeave a Comment\n"
CLEAN = "# Teething\n\nMost babies get a first tooth around six months.\n"


@pytest.fixture(autouse=True)
def _isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "editlint.toml").write_text('select = ["EL6"]\n')  # fast rules; no discovery above tmp
    clear_caches()


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_exit_0_1_and_fail_on(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "clean.md").write_text(CLEAN)
    (tmp_path / "flawed.md").write_text(FLAWED)
    assert run(capsys, "check", "clean.md")[0] == 0
    code, out, _ = run(capsys, "check", "flawed.md")
    assert code == 1 and "flawed.md:5:1: EL601 error" in out
    assert run(capsys, "check", "flawed.md", "--fail-on", "never")[0] == 0


def test_warning_threshold(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "h.md").write_text("# A\n\nText.\n\n# B\n\nMore text.\n")  # EL603 is a warning
    assert run(capsys, "check", "h.md")[0] == 0
    assert run(capsys, "check", "h.md", "--fail-on", "warning")[0] == 1


def test_missing_path_exits_2_and_names_it(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "check", "nope.md")
    assert code == 2 and "nope.md: no such file or directory" in err and "Traceback" not in err


@pytest.mark.parametrize("name, data, problem", [
    ("empty.md", b"", "is empty"),
    ("binary.md", b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binary"),
    ("latin1.txt", "caf\u00e9".encode("latin-1"), "not valid UTF-8"),
])
def test_bad_inputs_are_reported_and_others_still_linted(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                         name: str, data: bytes, problem: str) -> None:
    (tmp_path / name).write_bytes(data)
    (tmp_path / "flawed.md").write_text(FLAWED)
    code, out, err = run(capsys, "check", name, "flawed.md")
    assert code == 2
    assert f"{name}: " in err and problem in err
    assert "flawed.md:5:1: EL601" in out  # the other file was still linted


def test_huge_file_is_refused_with_a_clear_message(tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    big = tmp_path / "big.md"
    big.write_text("# Big\n\n" + ("Babies sleep a lot in the first weeks. " * 140_000))  # ~5.5 MB
    code, _, err = run(capsys, "check", "big.md")
    assert code == 2 and "big.md" in err and "MB limit" in err and "max-file-size" in err


def test_folder_without_articles_warns(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / "notes.py").write_text("x = 1\n")
    code, _, err = run(capsys, "check", "empty")
    assert code == 0 and "no articles found" in err


def test_directory_walk_respects_include_and_exclude(tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "articles" / "node_modules").mkdir(parents=True)
    (tmp_path / "articles" / "a.md").write_text(FLAWED)
    (tmp_path / "articles" / "b.html").write_text("<p>Leave a Comment</p>")
    (tmp_path / "articles" / "c.rst").write_text(FLAWED)
    (tmp_path / "articles" / "node_modules" / "d.md").write_text(FLAWED)
    code, out, _ = run(capsys, "check", "articles", "--format", "json")
    paths = [f["path"] for f in json.loads(out)["files"]]
    assert code == 1 and sorted(Path(p).name for p in paths) == ["a.md", "b.html"]


def test_broken_pyproject_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "editlint.toml").unlink()
    (tmp_path / "pyproject.toml").write_text("[tool.editlint]\nselect = [EL6\n")
    (tmp_path / "a.md").write_text(CLEAN)
    code, _, err = run(capsys, "check", "a.md")
    assert code == 2 and "pyproject.toml" in err and "not valid TOML" in err and "Traceback" not in err


def test_unknown_key_in_config_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "editlint.toml").write_text('select = ["EL6"]\nfail_on = "error"\n')
    (tmp_path / "a.md").write_text(CLEAN)
    code, _, err = run(capsys, "check", "a.md")
    assert code == 2 and "editlint.toml" in err and "fail_on" in err and "unknown key" in err


def test_unknown_rule_code_in_select_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.md").write_text(CLEAN)
    code, _, err = run(capsys, "check", "a.md", "--select", "EL999")
    assert code == 2 and "EL999" in err


def test_json_output_matches_the_contract(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "flawed.md").write_text(FLAWED)
    (tmp_path / "page.html").write_text("<h1>T</h1>\n<p>Share this post</p>\n")
    (tmp_path / "note.txt").write_text("A Title\n\nSome body text here.\n\nLeave a Comment\n")
    code, out, _ = run(capsys, "check", "flawed.md", "page.html", "note.txt", "--format", "json")
    data = json.loads(out)
    jsonschema.validate(data, SCHEMA)
    assert code == 1 and data["tool"]["name"] == "editlint"
    assert [f["path"] for f in data["files"]] == ["flawed.md", "page.html", "note.txt"]
    assert data["summary"] == {"files": 3, "findings": 3,
                               "by_severity": {"error": 3, "warning": 0, "info": 0}}
    html_finding = data["files"][1]["findings"][0]
    assert (html_finding["line"], html_finding["column"], html_finding["end_column"]) == (2, 4, 19)


def test_output_file_and_quiet(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "flawed.md").write_text(FLAWED)
    code, out, _ = run(capsys, "check", "flawed.md", "--format", "json", "--output", "r.json")
    assert (code == 1 and out == ""
            and json.loads((tmp_path / "r.json").read_text())["summary"]["findings"] == 1)


def test_stdin_with_filename(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"<p>Leave a Comment</p>\n")))
    code, out, _ = run(capsys, "check", "-", "--stdin-filename", "post.html")
    assert code == 1 and "EL601" in out


def test_never_writes_the_linted_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    p = tmp_path / "flawed.md"
    p.write_text(FLAWED)
    before = (p.read_bytes(), p.stat().st_mtime_ns)
    run(capsys, "check", "flawed.md")
    assert (p.read_bytes(), p.stat().st_mtime_ns) == before


def test_no_colour_when_not_a_terminal_or_with_no_color(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "flawed.md").write_text(FLAWED)
    _, out, _ = run(capsys, "check", "flawed.md")
    assert "\033[" not in out
    _, out, _ = run(capsys, "check", "flawed.md", "--color", "always")
    assert "\033[" in out
    monkeypatch.setenv("NO_COLOR", "1")
    _, out, _ = run(capsys, "check", "flawed.md", "--color", "auto")
    assert "\033[" not in out


def test_rules_and_explain(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "rules", "--format", "json")
    rules = json.loads(out)
    assert code == 0 and any(r["code"] == "EL601" for r in rules)
    code, out, _ = run(capsys, "explain", "EL601")
    assert code == 0 and "What it does" in out and "Flagged example" in out and "Leave a Comment" in out
    code, _, err = run(capsys, "explain", "EL000")
    assert code == 2 and "unknown rule" in err


def test_python_dash_m_and_version() -> None:
    out = subprocess.run([sys.executable, "-m", "editlint", "--version"], capture_output=True, text=True,
                         check=True)
    assert out.stdout.startswith("editlint ")


def test_seed_article_acceptance(seed_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The core issue's acceptance: template leftover and flattened table at their true lines."""
    code, out, _ = run(capsys, "check", str(seed_path), "--format", "json", "--select", "EL6")
    data = json.loads(out)
    found = {(f["rule"], f["line"]) for f in data["files"][0]["findings"]}
    lines = seed_path.read_text(encoding="utf-8").split("\n")
    assert lines[104].startswith("Crawling DirectionBackward") and lines[191] == "Leave a Comment"
    assert ("EL602", 105) in found and ("EL601", 192) in found
    assert code == 1
    assert run(capsys, "check", str(seed_path), "--select", "EL6", "--fail-on", "never")[0] == 0


def test_explain_claims_in_text_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.md").write_text("# Moving\n\nMost babies sit before they crawl.\n")
    code, out, _ = run(capsys, "check", "a.md", "--select", "EL3", "--explain-claims")
    assert code == 0 and "a.md: claims extracted" in out and "a.md:3:" in out and "order:" in out
    _, out, _ = run(capsys, "check", "a.md", "--select", "EL3")
    assert "claims extracted" not in out


def test_explain_claims_text_restates_each_claim(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Each claim line says what the claim holds and which construction found it (never 'None')."""
    text = "# T\n\nSwimmers float before they paddle.\n\nNever feed a puppy chocolate.\n"
    (tmp_path / "a.md").write_text(text)
    code, out, _ = run(capsys, "check", str(tmp_path / "a.md"), "--select", "EL3", "--explain-claims")
    claim_lines = [ln for ln in out.splitlines() if ": order:" in ln or ": advice:" in ln]
    assert claim_lines and "None" not in out
    assert any("float before paddle" in ln and "(order." in ln for ln in claim_lines)
    assert any("do not: feed" in ln and "absolute" in ln for ln in claim_lines)
