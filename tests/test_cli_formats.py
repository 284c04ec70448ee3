"""The check command's output options: --format, --report FORMAT:PATH, and --since REF."""

from __future__ import annotations

import json
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from conftest import SAMPLES

from editlint.cli import main

FAST = ["--select", "EL6", "--no-progress"]
FLAWED = "Share this post\n\nLeave a Comment\n"
CLEAN = "Most babies get a first tooth around six months.\n"


def _check(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["check", *FAST, *args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "github", "junit", "markdown", "html"])
def test_every_format_from_the_command_line(fmt: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _check(capsys, str(SAMPLES), "--format", fmt)
    assert code == 1  # the flawed samples have errors
    assert "Share this post" in out
    if fmt in ("json", "sarif"):
        json.loads(out)
    if fmt == "junit":
        ET.fromstring(out)


def test_several_reports_in_one_run(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _check(
        capsys,
        str(SAMPLES),
        "--format",
        "json",
        "--report",
        f"sarif:{tmp_path / 'out.sarif'}",
        "--report",
        f"html:{tmp_path / 'out.html'}",
        "--report",
        f"markdown:{tmp_path / 'sum.md'}",
        "--report",
        f"junit:{tmp_path / 'j.xml'}",
    )
    assert code == 1
    stdout = json.loads(out)
    sarif = json.loads((tmp_path / "out.sarif").read_text(encoding="utf-8"))
    assert len(sarif["runs"][0]["results"]) == stdout["summary"]["findings"] > 0
    assert (tmp_path / "out.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert "editlint report" in (tmp_path / "sum.md").read_text(encoding="utf-8")
    ET.parse(tmp_path / "j.xml")


def test_report_with_output_and_fail_on(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _check(
        capsys,
        str(SAMPLES),
        "--fail-on",
        "never",
        "-o",
        str(tmp_path / "r.txt"),
        "--report",
        f"github:{tmp_path / 'gh.txt'}",
    )
    assert code == 0 and out == ""
    assert (tmp_path / "r.txt").read_text(encoding="utf-8").strip().endswith("files")
    assert (tmp_path / "gh.txt").read_text(encoding="utf-8").startswith("::error file=")


@pytest.mark.parametrize(
    "spec, problem",
    [
        ("sarif", "expected FORMAT:PATH"),
        ("pdf:out.pdf", "unknown format 'pdf'"),
        ("html:", "expected FORMAT:PATH"),
    ],
)
def test_bad_report_spec_is_a_usage_error(
    spec: str, problem: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["check", str(SAMPLES), "--report", spec])
    assert exc.value.code == 2
    assert problem in capsys.readouterr().err


def test_unwritable_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _check(capsys, str(SAMPLES), "--report", f"sarif:{tmp_path / 'missing' / 'x.sarif'}")
    assert code == 2 and "cannot write the sarif report" in err


# -- --since ----------------------------------------------------------------------------------------
def _git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True, text=True).stdout


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    r = tmp_path / "repo"
    (r / "articles").mkdir(parents=True)
    (r / "notes").mkdir()
    _git(r, "init", "-q", "-b", "main")
    _git(r, "config", "user.email", "t@example.org")
    _git(r, "config", "user.name", "Test")
    for name in ("old.md", "edited.md", "renamed.md", "deleted.md"):
        (r / "articles" / name).write_text(f"# {name}\n\n{FLAWED}", encoding="utf-8")
    _git(r, "add", ".")
    _git(r, "commit", "-q", "-m", "base")
    _git(r, "checkout", "-q", "-b", "topic")
    (r / "articles" / "edited.md").write_text(f"# edited\n\n{FLAWED}\nMore text.\n", encoding="utf-8")
    _git(r, "mv", "articles/renamed.md", "articles/now-renamed.md")
    _git(r, "rm", "-q", "articles/deleted.md")
    (r / "articles" / "committed-new.md").write_text(f"# new\n\n{FLAWED}", encoding="utf-8")
    (r / "articles" / "script.py").write_text("print('not an article')\n", encoding="utf-8")
    _git(r, "add", ".")
    _git(r, "commit", "-q", "-m", "topic work")
    (r / "articles" / "old.md").write_text(f"# old\n\n{FLAWED}\nUncommitted edit.\n", encoding="utf-8")
    (r / "articles" / "untracked.txt").write_text(f"Untracked\n\n{CLEAN}", encoding="utf-8")
    (r / "notes" / "todo.md").write_text(f"# todo\n\n{FLAWED}", encoding="utf-8")
    (r / ".gitignore").write_text("ignored.md\n", encoding="utf-8")
    (r / "articles" / "ignored.md").write_text(f"# ignored\n\n{FLAWED}", encoding="utf-8")
    monkeypatch.chdir(r)
    return r


def _paths(out: str) -> list[str]:
    return sorted(Path(f["path"]).as_posix() for f in json.loads(out)["files"])


def test_since_lints_changed_articles(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _check(capsys, "--since", "main", "--format", "json")
    assert _paths(out) == [
        "articles/committed-new.md",
        "articles/edited.md",
        "articles/now-renamed.md",
        "articles/old.md",
        "articles/untracked.txt",
        "notes/todo.md",
    ]
    assert code == 1


def test_since_with_paths_and_excludes(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / "editlint.toml").write_text('exclude = ["notes"]\n', encoding="utf-8")
    code, out, _ = _check(capsys, "--since", "main", "--format", "json")
    assert "notes/todo.md" not in _paths(out)
    code, out, _ = _check(capsys, "articles/untracked.txt", "--since", "main", "--format", "json")
    assert _paths(out) == ["articles/untracked.txt"] and code == 0


def test_since_from_a_subfolder_and_the_merge_base(
    repo: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _git(repo, "checkout", "-q", "main")
    (repo / "articles" / "main-only.md").write_text(f"# m\n\n{CLEAN}", encoding="utf-8")
    _git(repo, "add", "articles/main-only.md")
    _git(repo, "commit", "-q", "-m", "work on main after topic forked")
    _git(repo, "checkout", "-q", "topic")
    monkeypatch.chdir(repo / "articles")
    code, out, _ = _check(capsys, "--since", "main", "--format", "json")
    paths = _paths(out)
    assert "main-only.md" not in paths  # changed on main, not on this branch: compared from the merge base
    assert "edited.md" in paths and all(not p.startswith("..") for p in paths)


def test_since_nothing_changed(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _check(capsys, "--since", "HEAD", "notes", "--format", "sarif")
    assert code == 1  # notes/todo.md is untracked, so it counts
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", "all")
    code, out, err = _check(capsys, "--since", "HEAD", "--format", "sarif")
    assert code == 0 and "no changed articles since HEAD" in err
    assert json.loads(out)["runs"][0]["results"] == []  # still a valid report for the upload step


def test_since_unknown_ref(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _check(capsys, "--since", "no-such-branch")
    assert code == 2 and out == "" and "unknown git ref" in err and "no-such-branch" in err


def test_since_outside_a_repository(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))
    code, _, err = _check(capsys, "--since", "main")
    assert code == 2 and "not inside a git repository" in err
