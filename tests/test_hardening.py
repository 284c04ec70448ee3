"""Bad input never hangs, crashes or leaks through editlint (issue 14): each case fails one file (exit 2,
a message naming it) while the other files are linted and the report is written."""

from __future__ import annotations

import json
import math
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType

import pytest
from helpers import work

from editlint import Linter
from editlint.cli import main
from editlint.config import config_from_mapping
from editlint.errors import ConfigError
from editlint.readers import READERS, read
from editlint.reporters import render
from editlint.source import Source

ROOT = Path(__file__).resolve().parent.parent
GOOD = "# Packing a hospital bag\n\nPack the the car seat and some snacks a few weeks early.\n"
STRUCTURE = ["--select", "EL1,EL6", "--no-progress", "--fail-on", "never"]


def cli(*args: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(["check", *args, *STRUCTURE])
    out, err = capsys.readouterr()
    return code, out, err


def subprocess_cli(*args: str, cwd: Path, timeout: float = 90) -> subprocess.CompletedProcess[str]:
    """The CLI in its own interpreter: a hang fails the test at ``timeout`` instead of blocking the suite."""
    return subprocess.run([sys.executable, "-m", "editlint", "check", *args, *STRUCTURE], cwd=cwd,
                          capture_output=True, text=True, timeout=timeout)


class Hang(BaseException):
    """Raised by :func:`no_hang`'s alarm; not an Exception, so no per-file handler can swallow it."""


@contextmanager
def no_hang(seconds: int = 60) -> Iterator[None]:
    """The in-process stand-in for a subprocess timeout: SIGALRM interrupts a blocking open of a FIFO or
    an endless read of a device (the handler runs between system calls), so a hang fails the test."""
    def _raise(_signum: int, _frame: FrameType | None) -> None:
        raise Hang(f"the CLI was still running after {seconds} s (blocked on a FIFO or a device?)")

    previous = signal.signal(signal.SIGALRM, _raise)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


@pytest.fixture()
def tree(tmp_path: Path) -> Path:
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "good.md").write_text(GOOD)
    return tmp_path


CliRun = Callable[..., tuple[int, str, str]]


@pytest.fixture(params=["in-process", pytest.param("subprocess", marks=pytest.mark.slow(
    reason="the same case in its own interpreter (about 3 s CPU per run importing spaCy)"))])
def run_cli(request: pytest.FixtureRequest, tree: Path, monkeypatch: pytest.MonkeyPatch,
            capsys: pytest.CaptureFixture[str]) -> CliRun:
    """``check`` with the structure rules from ``tree``: (exit code, stdout, stderr), under a timeout."""
    def in_process(*args: str) -> tuple[int, str, str]:
        monkeypatch.chdir(tree)
        with no_hang():
            return cli(*args, capsys=capsys)

    def in_subprocess(*args: str) -> tuple[int, str, str]:
        proc = subprocess_cli(*args, cwd=tree)
        return proc.returncode, proc.stdout, proc.stderr

    return in_process if request.param == "in-process" else in_subprocess


# -- only regular files are read ---------------------------------------------------------------------------
@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_fifo_argument_is_refused_not_read(tree: Path, run_cli: CliRun) -> None:
    os.mkfifo(tree / "site" / "pipe.md")
    code, out, err = run_cli("site/pipe.md", "site/good.md", "--format", "json")
    assert code == 2
    assert "site/pipe.md" in err and "FIFO" in err
    files = {f["path"]: f for f in json.loads(out)["files"]}
    assert files["site/good.md"]["findings"] and "error" not in files["site/good.md"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_walking_skips_a_fifo_with_a_note(tree: Path, run_cli: CliRun) -> None:
    os.mkfifo(tree / "site" / "pipe.md")
    code, out, err = run_cli("site", "--format", "json")
    assert code == 0, err
    assert "site/pipe.md: skipped" in err
    assert [f["path"] for f in json.loads(out)["files"]] == ["site/good.md"]


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_link_to_a_device_is_never_read(tree: Path, run_cli: CliRun) -> None:
    (tree / "site" / "zero.md").symlink_to("/dev/zero")
    code, _, err = run_cli("site")  # the link leaves the folder: not followed
    assert code == 0 and "site/zero.md" in err
    code, _, err = run_cli("site/zero.md", "site/good.md", "--follow-links")
    assert code == 2 and "site/zero.md: is a device" in err


# -- symlinks leaving the linted tree ----------------------------------------------------------------------
def test_symlink_out_of_the_tree_is_not_followed_unless_asked(tree: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    secret = tree / "private.md"
    secret.write_text("# Notes\n\nThe deploy token is zebra-cactus-42 and must stay private.\n")
    (tree / "site" / "notes.md").symlink_to(secret)
    (tree / "site" / "same.md").symlink_to(tree / "site" / "good.md")  # inside the tree: followed
    report = tree / "report.html"
    code, _, err = cli(str(tree / "site"), "--report", f"html:{report}", "--format", "json", capsys=capsys)
    assert code == 0
    assert "notes.md" in err and "--follow-links" in err
    assert "zebra-cactus" not in report.read_text()
    code, out, _ = cli(str(tree / "site"), "--format", "json", capsys=capsys)
    assert sorted(Path(f["path"]).name for f in json.loads(out)["files"]) == ["good.md", "same.md"]
    code, out, _ = cli(str(tree / "site"), "--format", "json", "--follow-links", capsys=capsys)
    assert "notes.md" in {Path(f["path"]).name for f in json.loads(out)["files"]}


def test_folder_link_loop_ends(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tree / "site" / "again").symlink_to(tree / "site")
    code, out, _ = cli(str(tree / "site"), "--format", "json", "--follow-links", capsys=capsys)
    assert code == 0 and [Path(f["path"]).name for f in json.loads(out)["files"]] == ["good.md"]


# -- unreadable folders are errors, not silent skips -------------------------------------------------------
@pytest.fixture()
def locked(tree: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A folder nobody may list (as root, chmod does not stop us: listing it is made to fail)."""
    folder = tree / "site" / "drafts"
    folder.mkdir()
    (folder / "draft.md").write_text(GOOD)
    folder.chmod(0)
    if os.geteuid() == 0:
        real = os.scandir

        def scandir(path: str | os.PathLike[str] = ".") -> object:
            if Path(path) == folder:
                raise PermissionError(13, "Permission denied", os.fspath(path))
            return real(path)

        monkeypatch.setattr(os, "scandir", scandir)
    yield folder
    folder.chmod(0o755)


def test_unreadable_subfolder_is_an_error(tree: Path, locked: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    out_json = tree / "out.json"
    code, _, err = cli(str(tree / "site"), "--report", f"json:{out_json}", capsys=capsys)
    assert code == 2
    assert f"{locked}: permission denied" in err
    data = json.loads(out_json.read_text())
    assert [Path(f["path"]).name for f in data["files"]] == ["good.md"]
    assert any(str(locked) in e for e in data["errors"])


def test_unreadable_folder_argument_is_an_error(tree: Path, locked: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = cli(str(locked), str(tree / "site" / "good.md"), capsys=capsys)
    assert code == 2 and str(locked) in err
    assert "good.md:3:" in out


def test_path_component_over_255_bytes_is_a_per_file_error(tree: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    long_name = str(tree / ("n" * 300 + ".md"))
    code, out, err = cli(long_name, str(tree / "site"), capsys=capsys)
    assert code == 2 and "File name too long" in err
    assert "good.md:3:" in out


# -- configuration ranges ------------------------------------------------------------------------------------
@pytest.mark.parametrize("table, key", [
    ({"nlp": {"batch-size": 0}}, "nlp.batch-size"),
    ({"nlp": {"batch-size": -3}}, "nlp.batch-size"),
    ({"max-file-size": 0}, "max-file-size"),
    ({"rules": {"EL202": {"warning-words": -1}}}, "warning-words"),
    ({"rules": {"EL202": {"warning-words": math.inf}}}, "warning-words"),
])
def test_numbers_out_of_range_are_config_errors(table: dict[str, object], key: str) -> None:
    with pytest.raises(ConfigError, match=key):
        config_from_mapping(table)


def test_batch_size_zero_in_a_file_is_a_usage_error(tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "editlint.toml").write_text("[nlp]\nbatch-size = 0\n")
    (tmp_path / "a.md").write_text(GOOD)
    code = main(["check", str(tmp_path / "a.md"), "--config", str(tmp_path / "editlint.toml")])
    err = capsys.readouterr().err
    assert code == 2 and "editlint.toml: line 2: nlp.batch-size" in err and "internal error" not in err


def test_urls_parse_and_section_numbers_are_ranged() -> None:
    with pytest.raises(ConfigError, match="url"):
        config_from_mapping({"grammar": {"url": "localhost:8081"}})
    with pytest.raises(ConfigError, match="timeout"):
        config_from_mapping({"grammar": {"timeout": -1}})
    config_from_mapping({"grammar": {"url": "https://lt.example.org/v2"}})


# -- readers: bounded and never raising --------------------------------------------------------------------
def test_yaml_alias_bomb_in_front_matter_never_expands() -> None:
    levels = ["a: &a [x, x, x, x, x, x, x, x, x]"]
    levels += [f"{c}: &{c} [{', '.join([f'*{p}'] * 9)}]" for p, c in zip("abcdefgh", "bcdefghi", strict=True)]
    text = "---\n" + "\n".join(levels) + "\nreviewer: *i\n---\n# Bedtime\n\nRead a book.\n"
    start = time.monotonic()
    report = Linter({"select": ["EL6"]}).lint_text(text, path="bomb.md")
    assert time.monotonic() - start < 10
    assert report.error is not None and "alias" in report.error and "line" in report.error


def test_front_matter_without_aliases_is_still_metadata() -> None:
    doc = read(Source("a.md", "---\ntitle: Teething\ntags: [teeth, pain]\n---\n# Teething\n\nGums hurt.\n",
                      "markdown"))
    assert doc.metadata["title"] == "Teething" and doc.metadata["tags"] == ["teeth", "pain"]


@pytest.mark.parametrize("unit", ["<div class='c{i}'>word ", "<span>word ", "<ul><li>word ",
                                  "<table><tr><td>word ", "<a ", "<!-- "])
def test_html_reader_is_linear_on_unclosed_markup(unit: str) -> None:
    """Work (lines run in editlint and in ``html.parser``), not time: the same ratio on a busy machine."""
    import html.parser

    parser_file = html.parser.__file__

    def lines(n: int) -> int:
        text = "".join(unit.format(i=i) for i in range(n))
        return work(lambda: read(Source("x.html", text, "html")), parser_file)

    # a quadratic reader (one that rescans what follows each unclosed tag) is x64 already at these sizes;
    # the work count needs no bigger input to tell, and tracing every line costs
    small, large = lines(250), lines(2000)
    assert large < 8 * 1.5 * small, (small, large)  # linear is x8; quadratic would be x64


def test_unclosed_tag_text_keeps_its_words_and_places() -> None:
    text = "<p>Babies <b>need sleep</p>\n<p>and a < b, even <a and more"
    doc = read(Source("x.html", text, "html"))
    joined = " ".join(b.text for b in doc.blocks)
    assert "Babies need sleep" in joined and "<a and more" in joined
    last = doc.blocks[-1]
    start = last.text.index("<a")
    assert text[doc.source_offset(last.start + start):].startswith("<a and more")


@pytest.mark.parametrize("fmt, text", [
    ("html", "<p>Before the section.</p><![CD x <p>After the section, toddlers nap.</p>"),
    ("html", "<p>Cut off here <![CD x"),
    ("markdown", "# Naps\n\n<div><![CD x\n\nAfter the block, toddlers nap.\n"),
])
def test_malformed_marked_section_is_read_not_raised(fmt: str, text: str) -> None:
    doc = read(Source(f"x.{'md' if fmt == 'markdown' else fmt}", text, fmt))
    if "After" in text:
        assert any("toddlers nap" in b.text for b in doc.blocks)


def test_lists_nested_deeper_than_nine_levels_are_read() -> None:
    text = "# Skills\n\n" + "\n".join("  " * d + f"- step {d} of the routine" for d in range(30)) + "\n"
    doc = read(Source("x.md", text, "markdown"))
    assert [b.text for b in doc.blocks][1:] == [f"step {d} of the routine" for d in range(30)]


def test_long_symbol_runs_tokenize_in_linear_time_keeping_offsets() -> None:
    spacy = pytest.importorskip("spacy")
    from editlint.nlp import tokenize

    nlp = spacy.blank("en")
    for text in ("Nap time " + "*[" * 10_000 + " then play.", "🎉" * 20_000, "wow" + "!" * 5000 + "  ok"):
        start = time.monotonic()
        doc = tokenize(nlp, text)
        assert time.monotonic() - start < 5
        assert doc.text == text
        assert all(text[t.idx:t.idx + len(t.text)] == t.text for t in doc)
    assert [t.text for t in tokenize(nlp, "Short (runs) stay...!")] == \
        [t.text for t in nlp.make_doc("Short (runs) stay...!")]


# -- a bug fails one file; the run goes on ----------------------------------------------------------------
def test_reader_bug_is_a_per_file_error(tree: Path, monkeypatch: pytest.MonkeyPatch,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    def broken(source: Source) -> object:
        raise AssertionError("reader bug")

    monkeypatch.setitem(READERS, "html", broken)
    (tree / "site" / "page.html").write_text("<p>Hello there.</p>")
    out_json = tree / "out.json"
    code, out, err = cli(str(tree / "site"), "--report", f"json:{out_json}", capsys=capsys)
    assert code == 2 and "page.html: internal error while reading: AssertionError: reader bug" in err
    assert "good.md:3:" in out
    written = json.loads(out_json.read_text())["files"]
    assert {Path(f["path"]).name for f in written} == {"good.md", "page.html"}


def test_check_bug_is_a_per_file_error_and_the_report_is_written(tree: Path) -> None:
    sys.path.insert(0, str(Path(__file__).parent))
    import test_plugins

    reg = test_plugins._registry(tree)
    reg.add_module(sys.modules[__name__])
    (tree / "p.toml").write_text(test_plugins.RULE.format(code="EL694", name="boom", extra="").replace(
        'check = "shouting"', 'check = "raises"'))
    reg.load_packs([tree / "p.toml"])
    (tree / "site" / "second.md").write_text(GOOD.replace("snacks", "LOTS OF snacks"))
    report = Linter({"select": ["EL694", "EL105"]}, registry=reg).lint_paths([tree / "site"])
    assert report.exit_code("never") == 2
    assert all(fr.error and "EL694" in fr.error and "ZeroDivisionError" in fr.error for fr in report.files)
    assert all("EL105" in {f.rule for f in fr.findings} for fr in report.files)  # the other rule still ran
    assert json.loads(render("json", report))["summary"]["files"] == 2


def test_time_budget_stops_a_file_not_the_run() -> None:
    linter = Linter({"select": ["EL1", "EL6"]})
    linter.time_budget = 0.0
    report = linter.lint_text(GOOD, path="a.md")
    assert report.error is not None and "time budget" in report.error and "EL1" in report.error


from editlint.api import CheckContext, Hit, check_type  # noqa: E402  (the check type the test registers)


@check_type("raises")
def _raises(ctx: CheckContext) -> Iterator[Hit]:
    yield from ()
    raise ZeroDivisionError("plug-in bug")


# -- escaped output: file names and messages cannot inject into terminals, CI logs or comments ---------------
HOSTILE = ["::error title=Pwned::x.md", "two\nlines.md", "bell\x07\x1b[31mred.md", "a|b[link](x)@team.md",
           os.fsdecode(b"caf\xe9-latin1.md")]


@pytest.fixture()
def hostile(tmp_path: Path) -> Path:
    site = tmp_path / "site"
    site.mkdir()
    for name in HOSTILE:
        (site / name).write_text(GOOD)
    (site / "empty\x1b]0;title\x07.md").write_text("")  # an input error, reported on stderr
    return tmp_path


def _no_control(text: str) -> None:
    assert not any(c in text for c in "\x1b\x07\r"), repr(text)
    assert not any(line.startswith("::") for line in text.splitlines()), text


def test_text_output_and_stderr_escape_names(hostile: Path, monkeypatch: pytest.MonkeyPatch,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(hostile)
    code, out, err = cli("site", capsys=capsys)
    assert code == 2  # the empty file
    _no_control(out)
    _no_control(err)
    finding_lines = [ln for ln in out.splitlines() if ": EL105 " in ln]
    assert len(finding_lines) == len(HOSTILE)  # one line each: no name spilled onto a second line
    assert any(ln.startswith("./site/") or ln.startswith("site/::error") for ln in finding_lines)
    assert "site/two\\nlines.md:3:" in out and "caf\\xe9-latin1.md:3:" in out


def test_github_annotations_escape_names(hostile: Path, monkeypatch: pytest.MonkeyPatch,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(hostile)
    code, out, _ = cli("site", "--format", "github", capsys=capsys)
    _no_control("\n".join(ln for ln in out.splitlines() if not ln.startswith(("::warning ", "::error "))))
    assert not any(c in out for c in "\x1b\x07")
    commands = [ln for ln in out.splitlines() if ln.startswith("::")]
    allowed = ("::warning file=", "::error file=", "::error title=editlint")
    assert all(ln.startswith(allowed) for ln in commands)


def test_markdown_report_cannot_break_the_table_link_or_mention(hostile: Path,
                                                                monkeypatch: pytest.MonkeyPatch,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(hostile)
    cli("site", "--format", "markdown", "--output", "report.md", capsys=capsys)
    text = (hostile / "report.md").read_text(encoding="utf-8")
    assert "EL105" in text and "&#64;team" in text and "&#91;link&#93;" in text
    assert "[link](x)" not in text and "@team" not in text and "\x1b" not in text
    for line in text.splitlines():
        if line.startswith("| <code>"):
            assert line.count("|") - line.count("\\|") in (6, 7), line  # the table's own columns only


@pytest.mark.parametrize("fmt", ["json", "sarif", "junit", "html", "markdown", "text", "github"])
def test_non_utf8_names_survive_every_format(hostile: Path, fmt: str, monkeypatch: pytest.MonkeyPatch,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(hostile)
    code, _, err = cli("site", "--format", fmt, "--output", f"out.{fmt}", "--report", f"{fmt}:again.{fmt}",
                       capsys=capsys)
    assert code == 2 and "internal error" not in err
    for name in (f"out.{fmt}", f"again.{fmt}"):
        body = (hostile / name).read_text(encoding="utf-8")  # valid UTF-8
        assert "caf" in body and "latin1" in body
        if fmt in ("json", "sarif"):
            json.loads(body)
        if fmt == "junit":
            import xml.etree.ElementTree as ET

            ET.fromstring(body)


# -- exact positions ----------------------------------------------------------------------------------------
@pytest.mark.parametrize("fmt, text, word", [
    ("markdown", "Night feeds \\wane by spring, then stop.\n", "wane"),
    ("markdown", "Teeth &nosuch; appear &amp; gums &fake; ache early.\n", "ache"),
    ("html", "<p>x</p><img alt='Mum &amp; dad &nope; read aloud nightly'>", "aloud"),
    ("markdown", "# Story time\n\n<img alt=\"Books &amp; songs &zz; calm bedtime\">\n", "calm"),
])
def test_positions_after_escapes_and_entities_are_exact(fmt: str, text: str, word: str) -> None:
    doc = read(Source(f"x.{'md' if fmt == 'markdown' else fmt}", text, fmt))
    at = doc.text.index(word)
    start = doc.source_offset(at)
    assert text[start:start + len(word)] == word
    assert [text[doc.source_offset(at + k)] for k in range(len(word))] == list(word)


def test_code_block_is_placed_on_its_own_lines_not_where_its_text_recurs() -> None:
    """Found by tests/test_fuzz.py: an indented code block's text (indentation stripped) was searched for
    and found further down, and every later block pointed past its text."""
    text = "# Bath\n\n    warm\n\n    warm water\n\n## warm\n\nwater warm water\n"
    doc = read(Source("x.md", text, "markdown"))
    assert [b.text for b in doc.blocks] == ["Bath", "warm\n\nwarm water", "warm", "water warm water"]
    last = doc.blocks[-1]
    assert doc.position(last.start) == (9, 1)
    code = doc.blocks[1]
    assert doc.position(code.start) == (3, 5) and doc.position(code.start + 6) == (5, 5)
