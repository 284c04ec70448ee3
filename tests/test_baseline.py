"""Baselines: known findings stop blocking, new ones still fail, stale entries are listed."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from conftest import SAMPLES
from helpers import linter_for, sample

from editlint.cli import main

ARTICLE = "newborn-sleep-schedule.md"
SELECT = ["--select", "EL1,EL6"]  # repetition and structure: enough findings, quick


def _move_paragraph(text: str) -> str:
    """Move the 'Watch for early hunger cues' paragraph below the 'Where should my baby sleep' one."""
    paras = text.split("\n\n")
    i = next(k for k, p in enumerate(paras) if p.startswith("Watch for early hunger cues"))
    j = next(k for k, p in enumerate(paras) if p.startswith("Put your baby on their back"))
    moving = paras.pop(i)
    paras.insert(j, moving)  # j shifted by one after the pop: lands right after 'Put your baby…'
    return "\n\n".join(paras)


@pytest.fixture
def work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / ARTICLE).write_text(
        (SAMPLES / ARTICLE).read_text(encoding="utf-8"), encoding="utf-8"
    )
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, dict[str, Any], str]:
    code = main(["check", *SELECT, "--format", "json", "--no-progress", *args])
    out, err = capsys.readouterr()
    return code, json.loads(out) if out.strip() else {}, err


def test_moving_a_paragraph_keeps_every_fingerprint() -> None:
    text = (SAMPLES / ARTICLE).read_text(encoding="utf-8")
    moved = _move_paragraph(text)
    assert moved != text and sorted(moved.splitlines()) == sorted(text.splitlines())
    before = sample(ARTICLE)  # every default rule: the session's run over samples/
    after = linter_for({}).lint_text(moved, path=ARTICLE)
    assert len(before.findings) >= 5
    assert sorted(f.fingerprint for f in before.findings) == sorted(f.fingerprint for f in after.findings)
    lines_before = {f.fingerprint: f.line for f in before.findings}
    assert any(lines_before[f.fingerprint] != f.line for f in after.findings), "some findings moved"


def test_write_then_check_against_baseline(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, report, err = _run(capsys, "articles", "--write-baseline", "editlint-baseline.json")
    assert code == 0  # writing a baseline accepts today's findings
    assert "wrote" in err and "editlint-baseline.json" in err
    data = json.loads((work / "editlint-baseline.json").read_text(encoding="utf-8"))
    assert data["version"] == 1
    n = report["summary"]["findings"]
    assert n >= 3 and len(data["entries"]) == n
    assert {e["path"] for e in data["entries"]} == {f"articles/{ARTICLE}"}
    assert all(set(e) == {"path", "rule", "fingerprint", "message"} for e in data["entries"])

    # same articles: nothing new, exit 0, the report says how many were hidden
    code, report, err = _run(capsys, "articles", "--baseline", "editlint-baseline.json")
    assert code == 0 and report["summary"]["findings"] == 0
    assert report["baseline"] == {"path": "editlint-baseline.json", "matched": n, "unmatched": []}

    # edits around the known findings (a paragraph moved) change no fingerprint
    art = work / "articles" / ARTICLE
    art.write_text(_move_paragraph(art.read_text(encoding="utf-8")), encoding="utf-8")
    code, report, _ = _run(capsys, "articles", "--baseline", "editlint-baseline.json")
    assert code == 0 and report["summary"]["findings"] == 0

    # a new flaw fails; a fixed one is listed as stale
    text = art.read_text(encoding="utf-8").replace("\nShare this post", "\nLeave a Comment")
    art.write_text(text, encoding="utf-8")
    code, report, err = _run(capsys, "articles", "--baseline", "editlint-baseline.json")
    assert code == 1
    found = report["files"][0]["findings"]
    assert [f["rule"] for f in found] == ["EL601"] and "Leave a Comment" in found[0]["message"]
    stale = report["baseline"]["unmatched"]
    assert len(stale) == 1 and stale[0]["rule"] == "EL601" and "Share this post" in stale[0]["message"]
    assert "1 baseline entry" in err and "no longer match" in err


def test_baseline_paths_are_relative_to_the_baseline_file(
    work: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _run(capsys, "articles", "--write-baseline", "base.json")
    monkeypatch.chdir(work / "articles")  # run from another folder, naming the file differently
    code, report, _ = _run(capsys, f"./{ARTICLE}", "--baseline", "../base.json")
    assert code == 0 and report["summary"]["findings"] == 0 and report["baseline"]["matched"] > 0


def test_entries_of_articles_not_linted_are_not_stale(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _run(capsys, "articles", "--write-baseline", "base.json")
    other = work / "other.md"
    other.write_text("# Tips\n\nMost babies get a first tooth around six months.\n", encoding="utf-8")
    code, report, err = _run(capsys, "other.md", "--baseline", "base.json")
    assert code == 0 and report["baseline"]["unmatched"] == [] and "no longer match" not in err


@pytest.mark.parametrize(
    "content, problem",
    [
        ("{not json", "line 1: not valid JSON"),
        ("[]", "not an editlint baseline"),
        ('{"version": 9, "entries": []}', "unsupported baseline version 9"),
        ('{"version": 1, "entries": [{"path": "a.md", "rule": "EL601"}]}', "entries[0].fingerprint: missing"),
    ],
)
def test_broken_baseline_is_a_usage_error(
    work: Path, capsys: pytest.CaptureFixture[str], content: str, problem: str
) -> None:
    (work / "bad.json").write_text(content, encoding="utf-8")
    code, report, err = _run(capsys, "articles", "--baseline", "bad.json")
    assert code == 2 and report == {}
    assert "bad.json" in err and problem in err


def test_missing_baseline_file(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _run(capsys, "articles", "--baseline", "nope.json")
    assert code == 2 and "nope.json" in err and "--write-baseline" in err
