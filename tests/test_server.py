"""``editlint server`` through a real LSP client over stdio (pygls's LanguageClient): diagnostics on open
and change, related places, code actions applied, hover, the vocabulary command, and parity with the CLI."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import tomlkit

pytest.importorskip("pygls", reason="the language server needs pygls (pip install 'editlint[server]')")

from lsp_client import ServerSession, apply_edits
from lsprotocol import types

from editlint import FileReport, Linter
from editlint.findings import RunReport
from editlint.reporters.json import render as render_json
from editlint.server import ADD_TO_VOCABULARY, CachingLinter, add_to_vocabulary

ROOT = Path(__file__).resolve().parent.parent

# A doubled word in one paragraph, and two passages that put two milestones in opposite orders.
ARTICLE = """# Getting ready for the first tooth

Teething often starts between four and seven months. Rub the the gums with a clean finger.

Babies usually stand before they sit up on their own.

Later on, babies sit up on their own before they stand, which is the common order.
"""


@pytest.fixture(scope="module")
def session(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerSession]:
    root = tmp_path_factory.mktemp("workspace")
    s = ServerSession(root)
    yield s
    s.close()


def _codes(diags: list[types.Diagnostic]) -> list[str]:
    return [str(d.code) for d in diags]


def _one(diags: list[types.Diagnostic], code: str) -> types.Diagnostic:
    found = [d for d in diags if d.code == code]
    assert len(found) == 1, _codes(diags)
    return found[0]


@pytest.mark.slow  # one server process for the module (model load ~5 s CPU)
def test_open_publishes_findings_with_related_places(session: ServerSession) -> None:
    uri = session.open(session.root / "tooth.md", ARTICLE)
    diags = session.wait_for(uri, 1)
    doubled = _one(diags, "EL105")
    assert doubled.source == "editlint" and doubled.severity == types.DiagnosticSeverity.Warning
    assert doubled.range.start.line == 2
    line = ARTICLE.split("\n")[2]
    assert "the the" in line[doubled.range.start.character:doubled.range.end.character]
    order = _one(diags, "EL301")
    assert order.severity == types.DiagnosticSeverity.Error
    assert order.range.start.line in (4, 6)
    (other,) = order.related_information or []
    assert other.location.uri == uri and {order.range.start.line, other.location.range.start.line} == {4, 6}


@pytest.mark.slow  # one server process for the module (model load ~5 s CPU)
def test_change_relints_and_debounces(session: ServerSession) -> None:
    uri = session.open(session.root / "debounce.md", ARTICLE)
    assert "EL105" in _codes(session.wait_for(uri, 1))
    fixed = ARTICLE.replace("the the gums", "the gums")
    for k in range(5):  # a burst of keystrokes: one lint after the burst, of the last version
        session.replace_all(uri, fixed if k == 4 else ARTICLE + " " * k)
    diags = session.wait_for(uri, 2)
    session.pump(1.0)
    assert session.published[uri] == 2
    assert "EL105" not in _codes(diags) and "EL301" in _codes(diags)


@pytest.mark.slow  # one server process for the module (model load ~5 s CPU)
def test_safe_fix_and_suppression_are_workspace_edits(session: ServerSession) -> None:
    text = "# Bath time\n\nFill the tub with with warm water and test it with your elbow.\n"
    uri = session.open(session.root / "bath.md", text)
    doubled = _one(session.wait_for(uri, 1), "EL105")
    actions = session.code_actions(uri, doubled.range)
    (fix,) = [a for a in actions if a.edit and "suppress" not in a.title]
    assert "(unsafe)" not in fix.title and fix.is_preferred
    assert fix.edit is not None and fix.edit.changes is not None
    fixed = apply_edits(text, list(fix.edit.changes[uri]))
    assert "with with" not in fixed and fixed.count("with") == text.count("with") - 1
    session.replace_all(uri, fixed)
    assert "EL105" not in _codes(session.wait_for(uri, 2))

    session.replace_all(uri, text)
    doubled = _one(session.wait_for(uri, 3), "EL105")
    (suppress,) = [a for a in session.code_actions(uri, doubled.range) if "suppress" in a.title]
    assert suppress.edit is not None and suppress.edit.changes is not None
    quiet = apply_edits(text, list(suppress.edit.changes[uri]))
    assert quiet.split("\n")[2] == "<!-- editlint-disable-next-line EL105 -->"
    session.replace_all(uri, quiet)
    assert "EL105" not in _codes(session.wait_for(uri, 4))


@pytest.mark.slow  # one server process for the module (model load ~5 s CPU)
def test_hover_shows_the_rule_explanation(session: ServerSession) -> None:
    from editlint.config import default_config

    text = "# Naps\n\nA short nap nap after lunch helps many toddlers.\n"
    uri = session.open(session.root / "naps.md", text)
    doubled = _one(session.wait_for(uri, 1), "EL105")
    hover = session.hover(uri, doubled.range.start)
    assert hover is not None and isinstance(hover.contents, types.MarkupContent)
    explain = default_config().registry().rules["EL105"].explain()
    assert explain.split("\n")[0] in hover.contents.value and "EL105" in hover.contents.value
    assert session.hover(uri, types.Position(line=0, character=0)) is None


@pytest.mark.slow  # one server process for the module (model load ~5 s CPU)
def test_add_to_vocabulary_edits_the_documents_config(session: ServerSession) -> None:
    folder = session.root / "house"
    folder.mkdir()
    config = folder / ".editlint.toml"
    config.write_text("# house settings\nfail-on = \"warning\"\n", encoding="utf-8")
    text = "# Sleep\n\nOur zorbleton method helps toddlers settle at night.\n"
    uri = session.open(folder / "sleep.md", text)
    typo = _one(session.wait_for(uri, 1), "EL501")
    (vocab,) = [a for a in session.code_actions(uri, typo.range) if a.command is not None]
    assert vocab.command is not None and vocab.command.command == ADD_TO_VOCABULARY
    session.command(vocab.command.command, *(vocab.command.arguments or []))
    written = config.read_text(encoding="utf-8")
    assert written.startswith("# house settings\nfail-on = \"warning\"\n") and "zorbleton" in written
    assert tomlkit.loads(written).unwrap()["spelling"]["accept"] == ["zorbleton"]
    assert "EL501" not in _codes(session.wait_for(uri, 2))


@pytest.mark.slow  # one server process for the module (model load ~5 s CPU)
def test_configuration_is_read_per_document_and_again_after_a_change(session: ServerSession) -> None:
    folder = session.root / "strict"
    folder.mkdir()
    config = folder / ".editlint.toml"
    config.write_text('select = ["EL999"]\n', encoding="utf-8")
    text = "# Shoes\n\nSoft soles soles are best for early walkers.\n"
    uri = session.open(folder / "shoes.md", text)
    (broken,) = session.wait_for(uri, 1)
    assert broken.severity == types.DiagnosticSeverity.Error and broken.range.start.line == 0
    assert "EL999" in broken.message
    config.write_text('select = ["EL1"]\n', encoding="utf-8")
    session.replace_all(uri, text + "\n")
    assert _codes(session.wait_for(uri, 2)) == ["EL105"]
    config.write_text('select = ["EL1"]\nignore = ["EL105"]\n', encoding="utf-8")
    session.replace_all(uri, text)
    assert _codes(session.wait_for(uri, 3)) == []


def _cli_findings(path: Path) -> list[tuple[str, int, int, int, int]]:
    out = subprocess.run([sys.executable, "-m", "editlint", "check", str(path), "--format", "json"],
                         capture_output=True, text=True, check=False)
    assert out.returncode in (0, 1), out.stderr
    (file_report,) = json.loads(out.stdout)["files"]
    return sorted((f["rule"], f["line"], f["column"], f["end_line"], f["end_column"])
                  for f in file_report["findings"])


def _server_findings(diags: list[types.Diagnostic]) -> list[tuple[str, int, int, int, int]]:
    return sorted((str(d.code), d.range.start.line + 1, d.range.start.character + 1, d.range.end.line + 1,
                   d.range.end.character + 1) for d in diags)


@pytest.mark.slow  # one server process for the module (model load ~5 s CPU)
def test_server_findings_equal_the_cli_also_after_a_partial_edit(session: ServerSession) -> None:
    path = session.root / "parity.md"
    path.write_text(ARTICLE, encoding="utf-8")
    uri = session.open(path, ARTICLE)
    assert _server_findings(session.wait_for(uri, 1)) == _cli_findings(path)
    # one paragraph edited in place: the other blocks' parses come from the cache
    line = 4
    old = ARTICLE.split("\n")[line]
    session.edit(uri, types.Range(types.Position(line, 0), types.Position(line, len(old))),
                 "Babies usually sit up on their own, and they they stand later.")
    diags = session.wait_for(uri, 2)
    edited = ARTICLE.split("\n")
    edited[line] = "Babies usually sit up on their own, and they they stand later."
    path.write_text("\n".join(edited), encoding="utf-8")
    assert _server_findings(diags) == _cli_findings(path)


def test_add_to_vocabulary_keeps_a_pyproject(tmp_path: Path) -> None:
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text("[project]\nname = \"site\"\n\n[tool.editlint]\n# ours\nselect = [\"EL5\"]\n",
                         encoding="utf-8")
    assert add_to_vocabulary(pyproject, "Fernwick")
    assert not add_to_vocabulary(pyproject, "fernwick")  # already accepted (case-insensitive)
    data = tomlkit.loads(pyproject.read_text(encoding="utf-8")).unwrap()
    assert data["project"] == {"name": "site"} and data["tool"]["editlint"]["select"] == ["EL5"]
    assert data["tool"]["editlint"]["spelling"]["accept"] == ["Fernwick"]
    assert "# ours" in pyproject.read_text(encoding="utf-8")


@pytest.mark.slow  # a subprocess importing editlint
def test_server_without_pygls_names_the_extra() -> None:
    code = ("import sys; sys.modules['pygls'] = None; from editlint.cli import main; "
            "sys.exit(main(['server']))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert out.returncode == 2 and out.stdout == ""
    (line,) = out.stderr.strip().split("\n")
    assert "editlint[server]" in line


# -- re-lints reuse unchanged blocks: findings stay those of a full lint ---------------------------------
def _json(report: FileReport) -> str:
    return render_json(RunReport(files=[report], version="test"))


def _insert(text: str, fmt: str, para: str) -> str:
    """``para`` as a new paragraph after the article's first one (markup of its format)."""
    if fmt == "html":
        at = text.index("</p>") + len("</p>")
        return text[:at] + f"\n<p>{para}</p>" + text[at:]
    at = text.index("\n\n") + 2
    return text[:at] + para + "\n\n" + text[at:]


def _remove(text: str, fmt: str, para: str) -> str:
    return text.replace(f"\n<p>{para}</p>", "", 1) if fmt == "html" else text.replace(para + "\n\n", "", 1)


# Sentences written for this test: typos, a capitalised typo at a sentence start that a mid-sentence
# use elsewhere makes a name (a document-wide fact over unchanged blocks), a disclaimer, a dose.
TYPOS = "Most families recieve a leaflet about this at the first vizit."
OPENER = "Pediatricans at the local practice run a weekly drop-in clinic."
NAMING = "We asked two Pediatricans what they tell parents."
DISCLAIMER = "This article is general information and does not replace advice from your child's doctor."
DOSE = "Give 2.5 ml of paracetamol every four hours."


def _edits(fmt: str) -> list[Callable[[str], str]]:
    def ins(p: str) -> Callable[[str], str]:
        return lambda t: _insert(t, fmt, p)

    return [ins(TYPOS), ins(OPENER), ins(NAMING), ins(DISCLAIMER), ins(DOSE),
            lambda t: _remove(t, fmt, NAMING), ins(TYPOS), lambda t: _remove(t, fmt, DISCLAIMER)]


def _flagged(report: FileReport, word: str) -> int:
    return sum(1 for f in report.findings if f.rule == "EL501" and f.data.get("word") == word)


@pytest.mark.slow  # about forty warm lints with the spaCy pipeline
@pytest.mark.parametrize("article", ["samples/safe-infant-sleep.md", "samples/starting-solid-foods.html",
                                     "tests/corpus/health/fever-first-aid.txt"])
def test_relints_after_a_series_of_edits_equal_a_full_lint(article: str, tmp_path: Path) -> None:
    source = ROOT / article
    fmt = {".md": "markdown", ".html": "html"}.get(source.suffix, "text")
    path = str(tmp_path / source.name)
    caching, full = CachingLinter(overrides={"select": ["ALL"]}), Linter(overrides={"select": ["ALL"]})
    assert full.block_cache is None and caching.block_cache is not None
    text = source.read_text(encoding="utf-8")
    caching.lint_text(text, path=path)
    named = []
    for edit in _edits(fmt):
        text = edit(text)
        kept = caching.lint_text(text, path=path)
        assert _json(kept) == _json(full.lint_text(text, path=path))
        named.append(_flagged(kept, "Pediatricans"))
    # flagged at a sentence start; a name once used mid-sentence in another block; flagged again when
    # that block goes: the block holding the word never changed
    assert named[1:6] == [1, 0, 0, 0, 1]
    assert caching.block_cache.hits > caching.block_cache.misses


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _connect(root: Path, port: int, process: subprocess.Popen[bytes], timeout: float = 120) -> ServerSession:
    """A client session with the server listening on ``port`` (it listens once it has imported editlint);
    pygls serves one connection and stops after it, so no probe connects before the client."""
    end = time.monotonic() + timeout
    while True:
        assert process.poll() is None, (root / "server.log").read_text(encoding="utf-8")
        try:
            return ServerSession(root, address=("127.0.0.1", port))
        except OSError:
            if time.monotonic() > end:
                raise
            time.sleep(0.2)


@pytest.mark.slow  # a second server process (model load ~5 s CPU)
def test_server_over_tcp(tmp_path: Path) -> None:
    port = _free_port()
    with (tmp_path / "server.log").open("wb") as log, subprocess.Popen(
            [sys.executable, "-m", "editlint", "server", "--tcp", f"127.0.0.1:{port}"], cwd=tmp_path,
            stdout=subprocess.DEVNULL, stderr=log) as process:
        _talk_over_tcp(tmp_path, port, process)


def _talk_over_tcp(tmp_path: Path, port: int, process: subprocess.Popen[bytes]) -> None:
    try:
        s = _connect(tmp_path, port, process)
        uri = s.open(tmp_path / "tcp.md", ARTICLE)
        assert "EL105" in _codes(s.wait_for(uri, 1))
        doubled = _one(s.diagnostics[uri], "EL105")
        (fix,) = [a for a in s.code_actions(uri, doubled.range) if a.edit and "suppress" not in a.title]
        assert fix.edit is not None and fix.edit.changes is not None
        s.replace_all(uri, apply_edits(ARTICLE, list(fix.edit.changes[uri])))
        assert "EL105" not in _codes(s.wait_for(uri, 2))
        s.close()
        assert process.wait(timeout=60) == 0  # exit after shutdown: the process ends cleanly
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


@pytest.mark.parametrize("address", ["2087", "localhost", ":2087", "localhost:port", "localhost:70000"])
def test_tcp_address_must_be_host_and_port(address: str) -> None:
    from editlint.errors import ConfigError
    from editlint.server import parse_address

    with pytest.raises(ConfigError, match="HOST:PORT"):
        parse_address(address)
    assert parse_address("127.0.0.1:2087") == ("127.0.0.1", 2087) and parse_address("[::1]:9") == ("::1", 9)
