"""Report formats made from the JSON contract: github, junit, markdown (sarif and html: own files)."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import Counter
from typing import Any

import pytest
from conftest import SAMPLES
from helpers import samples_report

from editlint import RunReport
from editlint.findings import FileReport, Finding, Severity
from editlint.reporters import FORMATS, render
from editlint.reporters.github import command, escape_data, escape_property
from editlint.reporters.markdown import escape as md_escape

FLAWED = {
    "newborn-sleep-schedule.md",
    "baby-crawling-stages.html",
    "first-finger-foods.txt",
    "teething-relief.md",
    "when-do-babies-walk.html",
}




@pytest.fixture(scope="module")
def samples() -> RunReport:
    report = samples_report()
    assert not report.has_errors
    assert report.findings, "the flawed samples should give findings"
    return report


def finding(message: str = "msg", severity: str = "warning", line: int = 1, **kw: Any) -> Finding:
    base: dict[str, Any] = dict(
        rule="EL601",
        name="template-leftover",
        category="structure",
        severity=Severity(severity),
        message=message,
        line=line,
        column=1,
        end_line=line,
        end_column=5,
        fingerprint=f"fp{line}{severity}",
    )
    base.update(kw)
    return Finding(**base)


def synthetic(*findings: Finding, path: str = "a.md", error: str | None = None) -> RunReport:
    return RunReport(files=[FileReport(path=path, findings=list(findings), error=error)], version="0.0.0")


def test_every_format_renders_the_samples(samples: RunReport) -> None:
    for fmt in FORMATS:
        out = render(fmt, samples, fail_on="error")
        assert out.endswith("\n") and len(out) > 200, fmt


def test_cli_and_reporters_agree_on_formats() -> None:
    from editlint.cli import FORMATS as CLI_FORMATS

    assert tuple(CLI_FORMATS) == tuple(FORMATS)


# -- github ---------------------------------------------------------------------------------------
def test_github_escaping_follows_the_toolkit() -> None:
    assert escape_data("100% done\r\nnext") == "100%25 done%0D%0Anext"
    assert escape_data("a:b,c") == "a:b,c"  # : and , are only escaped in properties
    assert escape_property("dir,x/a:b%.md\n") == "dir%2Cx/a%3Ab%25.md%0A"
    # % first, so an already-encoded sequence in the text is not decoded by GitHub
    assert escape_data("literal %0A") == "literal %250A"


def test_github_command_shape() -> None:
    line = command(
        "error", "two\nlines", file="a,b.md", line=3, col=2, endLine=3, endColumn=9, title="EL1 x:y"
    )
    assert line == "::error file=a%2Cb.md,line=3,col=2,endLine=3,endColumn=9,title=EL1 x%3Ay::two%0Alines"


def _unescape(s: str) -> str:
    return (
        s.replace("%0D", "\r")
        .replace("%0A", "\n")
        .replace("%3A", ":")
        .replace("%2C", ",")
        .replace("%25", "%")
    )


def test_github_on_samples_one_annotation_per_finding(samples: RunReport) -> None:
    out = render("github", samples).splitlines()
    cmds = [ln for ln in out if ln.startswith("::")]
    assert len(cmds) == len(samples.findings)
    kinds = Counter(ln[2:].split(" ", 1)[0] for ln in cmds)
    by = samples.summary()["by_severity"]
    assert kinds == Counter(
        {k: v for k, v in {"error": by["error"], "warning": by["warning"], "notice": by["info"]}.items() if v}
    )
    first = samples.files[[fr.findings != [] for fr in samples.files].index(True)]
    f = first.findings[0]
    match = [ln for ln in cmds if f"file={first.path}," in ln and f",line={f.line},col={f.column}," in ln]
    assert match and f"title={f.rule} {f.name}" in match[0]
    props, message = match[0].split("::", 2)[1].split(" ", 1)[1], match[0].split("::", 2)[2]
    assert _unescape(message).startswith(f.message)
    assert dict(p.split("=", 1) for p in props.split(","))["endColumn"] == str(f.end_column)


def test_github_message_with_newlines_stays_on_one_line() -> None:
    report = synthetic(finding("50% of\nparents, say: yes", suggestion="use\r\nthis"))
    lines = render("github", report).splitlines()
    assert lines[0] == (
        "::warning file=a.md,line=1,col=1,endLine=1,endColumn=5,title=EL601 template-leftover"
        "::50%25 of%0Aparents, say: yes%0ASuggestion: use%0D%0Athis"
    )
    assert len(lines) == 2  # the annotation and the totals line


def test_github_unreadable_file_is_an_error_annotation() -> None:
    out = render("github", synthetic(path="bad.md", error="bad.md: is not valid UTF-8"))
    assert out.startswith("::error file=bad.md,title=editlint%3A cannot lint::bad.md: is not valid UTF-8")


# -- junit ----------------------------------------------------------------------------------------
def test_junit_on_samples(samples: RunReport) -> None:
    root = ET.fromstring(render("junit", samples, fail_on="error"))
    cases = root.findall("./testsuite/testcase")
    assert sorted(c.get("name", "") for c in cases) == sorted(fr.path for fr in samples.files)
    for case in cases:
        fr = next(x for x in samples.files if x.path == case.get("name"))
        errors = [f for f in fr.findings if f.severity is Severity.ERROR]
        assert len(case.findall("failure")) == len(errors)
        out = case.find("system-out")
        below = [f for f in fr.findings if f.severity is not Severity.ERROR]
        assert (out is not None) == bool(below)
        if out is not None:
            assert all(f"{f.rule} {f.severity.value} {f.message}" in (out.text or "") for f in below)
    failing = sum(1 for fr in samples.files if fr.count(Severity.ERROR))
    assert root.get("tests") == str(len(samples.files)) and root.get("failures") == str(failing)
    assert failing == len(FLAWED)  # every flawed sample has an error; no clean one has


def test_junit_gate_follows_fail_on(samples: RunReport) -> None:
    n_warning = sum(1 for f in samples.findings if f.severity.rank >= 2)
    root = ET.fromstring(render("junit", samples, fail_on="warning"))
    assert len(root.findall(".//failure")) == n_warning
    assert not ET.fromstring(render("junit", samples, fail_on="never")).findall(".//failure")


def test_junit_error_for_unreadable_file_and_control_characters() -> None:
    report = RunReport(
        files=[
            FileReport(path="bad.md", error="bad.md: binary"),
            FileReport(path="ok.md", findings=[finding('bell\x07 <&> "q"', "error")]),
        ]
    )
    text = render("junit", report)
    root = ET.fromstring(text)  # parses: control characters removed, markup escaped
    bad, ok = root.findall("./testsuite/testcase")
    error, failure = bad.find("error"), ok.find("failure")
    assert error is not None and error.get("message") == "bad.md: binary"
    assert failure is not None and failure.get("message", "").endswith('bell <&> "q"')
    assert root.get("errors") == "1" and root.get("failures") == "1"


# -- markdown -------------------------------------------------------------------------------------
def test_markdown_escape() -> None:
    assert md_escape("<img src=x onerror=alert(1)>") == "&lt;img src=x onerror=alert(1)&gt;"
    assert md_escape("a | b *c* _d_ [l](u) `x` ~s~ \\") == r"a \| b \*c\* \_d\_ \[l\](u) \`x\` \~s\~ \\"
    assert md_escape("ask @editor\nnow") == "ask &#64;editor now"


def test_markdown_gate_first_rest_folded(samples: RunReport) -> None:
    md = render("markdown", samples, fail_on="error")
    gate_at, details_at = md.index("### Findings that fail the gate"), md.index("<details>")
    assert gate_at < details_at < md.index("</details>")
    gate_rows = [ln for ln in md[gate_at:details_at].splitlines() if ln.startswith("| <code>")]
    assert len(gate_rows) == sum(1 for f in samples.findings if f.severity is Severity.ERROR)
    assert all("| error |" in row for row in gate_rows)
    for cat, n in Counter(f.category for f in samples.findings).items():
        assert any(ln.startswith(f"| {cat} |") and ln.endswith(f"| {n} |") for ln in md.splitlines()), cat
    for name in FLAWED:
        assert f"<code>{SAMPLES.name}/{name}</code>" in md or name in md
    clean = [fr.path for fr in samples.files if not fr.findings]
    assert clean and not any(
        f"<code>{p}</code> |" in md.split("### By article")[1].split("###")[0] for p in clean
    )


def test_markdown_message_cannot_inject() -> None:
    md = render("markdown", synthetic(finding("<script>alert(1)</script> | **x** @team", "error")))
    assert "<script>" not in md and "&lt;script&gt;" in md
    assert r"\| \*\*x\*\* &#64;team" in md
    assert "❌" in md


def test_markdown_clean_run() -> None:
    md = render("markdown", synthetic())
    assert "✅" in md and "No findings." in md and "<details>" not in md
