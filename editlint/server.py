"""``editlint server``: a Language Server (LSP over stdio, on pygls) for editors.

Writers lint as they type, so one warm process answers: one :class:`~editlint.engine.Linter` (and one
spaCy pipeline) per server, lints run on a worker thread off the event loop, ``didChange`` is debounced,
and the spaCy parse and the claims of every block are kept by content, so an edit re-parses and
re-reads only the blocks it changed (the checks still run over the whole article: contradictions and
repetition span paragraphs).

Diagnostics carry the rule code, severity and related places (both sides of a contradiction, the other
copies of a repeated phrase). Code actions: the finding's fix (unsafe ones say so), "suppress here"
(an ``editlint-disable-next-line`` comment in Markdown and HTML) and, for EL501, "add to vocabulary"
(appends the word to ``[tool.editlint.spelling] accept`` in the configuration file the document uses).
Hover on a flagged span shows ``editlint explain`` for its rule.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import tomlkit
from lsprotocol import types
from pygls import uris
from pygls.lsp.server import LanguageServer
from pygls.workspace.position_codec import PositionCodec, ServerTextPosition, ServerTextRange

from ._version import __version__
from .blockcache import DEFAULT_SIZE, BlockCache
from .config import CONFIG_NAMES, clear_caches, config_for_path
from .engine import Linter
from .errors import ConfigError, EditlintError
from .findings import Applicability, Edit, Finding, Severity
from .rules import Registry

log = logging.getLogger(__name__)

SOURCE = "editlint"
#: Seconds of quiet after a keystroke before the document is linted again.
DEBOUNCE = 0.3
#: Kept for callers that pass ``cache_size`` (parses and claims are kept by the pipeline and registry).
BLOCK_CACHE_SIZE = 2000
ADD_TO_VOCABULARY = "editlint.addToVocabulary"
SUPPRESS_COMMENT = "<!-- editlint-disable-next-line {code} -->"
_LANGUAGES = {"markdown": "markdown", "html": "html", "plaintext": "text"}
_COMMENT_FORMATS = frozenset({"markdown", "html"})
_SEVERITY = {Severity.ERROR: types.DiagnosticSeverity.Error,
             Severity.WARNING: types.DiagnosticSeverity.Warning,
             Severity.INFO: types.DiagnosticSeverity.Information}


class CachingLinter(Linter):
    """The server's Linter. Nothing unchanged is computed twice in the process: the spaCy parse of a block
    is kept by its text and sentences (``nlp.Annotations``), its claims by the registry
    (``ctx.data("claims")``) and the block-local results of the other checks (the words EL501 doubts, a
    sentence's disclaimer verdict and health evidence) by this Linter's :class:`BlockCache`, so an edit
    re-parses and re-checks only the blocks it changed; the findings are those of a full lint."""

    def __init__(self, *args: Any, cache_size: int = BLOCK_CACHE_SIZE, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.cache_size = cache_size
        self.block_cache = BlockCache(max(cache_size, DEFAULT_SIZE))


@dataclass
class Linted:
    """One lint of one document version: what hover and code actions answer from."""

    version: int | None
    text: str  # the decoded text the findings' positions and edits refer to (LF newlines)
    fmt: str
    path: str | None
    findings: list[Finding] = field(default_factory=list)
    error: str | None = None
    registry: Registry | None = None

    @property
    def lines(self) -> list[str]:
        return self.text.split("\n")


# -- positions --------------------------------------------------------------------------------------
def _server_range(lines: Sequence[str], line: int, col: int, end_line: int, end_col: int) -> ServerTextRange:
    """1-based line/column (end exclusive) to a 0-based range in code points, clamped to the text."""
    last = max(len(lines) - 1, 0)

    def pos(ln: int, c: int) -> ServerTextPosition:
        row = min(max(ln - 1, 0), last)
        width = len(lines[row]) if lines else 0
        return ServerTextPosition(row, min(max(c - 1, 0), width))

    return ServerTextRange(pos(line, col), pos(end_line, end_col))


def _offset_position(text: str, offset: int) -> tuple[int, int]:
    """1-based (line, column) of an offset into ``text``."""
    offset = min(max(offset, 0), len(text))
    return text.count("\n", 0, offset) + 1, offset - (text.rfind("\n", 0, offset) + 1) + 1


def finding_range(codec: PositionCodec, lines: Sequence[str], f: Finding) -> types.Range:
    rng = _server_range(lines, f.line, f.column, f.end_line, f.end_column)
    return codec.range_to_client_units(lines, rng)


def to_diagnostic(codec: PositionCodec, lines: Sequence[str], uri: str, f: Finding) -> types.Diagnostic:
    """One finding as an LSP diagnostic (the fingerprint in ``data`` ties code actions back to it)."""
    related = [types.DiagnosticRelatedInformation(
        location=types.Location(uri, codec.range_to_client_units(
            lines, _server_range(lines, r.line, r.column, r.end_line, r.end_column))),
        message=r.message or f.message) for r in f.related]
    return types.Diagnostic(range=finding_range(codec, lines, f), message=f.message,
                            severity=_SEVERITY[f.severity], code=f.rule, source=SOURCE,
                            related_information=related or None, data={"fingerprint": f.fingerprint})


def edit_to_text_edit(codec: PositionCodec, text: str, lines: Sequence[str], e: Edit) -> types.TextEdit:
    (line, col), (end_line, end_col) = _offset_position(text, e.start), _offset_position(text, e.end)
    rng = codec.range_to_client_units(lines, _server_range(lines, line, col, end_line, end_col))
    return types.TextEdit(range=rng, new_text=e.text)


def _overlaps(a: types.Range, b: types.Range) -> bool:
    def key(p: types.Position) -> tuple[int, int]:
        return (p.line, p.character)

    return key(a.start) <= key(b.end) and key(b.start) <= key(a.end)


# -- code actions -----------------------------------------------------------------------------------
def _fix_title(f: Finding, text: str) -> str:
    if len(f.fixes) == 1:
        e = f.fixes[0]
        old = text[e.start:e.end]
        what = (f"replace {old!r} with {e.text!r}" if old and e.text else
                f"delete {old!r}" if old else f"insert {e.text!r}")
    else:
        what = f"apply {len(f.fixes)} edits"
    unsafe = "" if f.applicability is Applicability.SAFE else " (unsafe)"
    return f"editlint: {what} ({f.rule}){unsafe}"


def fix_action(codec: PositionCodec, uri: str, linted: Linted, f: Finding, diag: types.Diagnostic
               ) -> types.CodeAction:
    lines = linted.lines
    edits = [edit_to_text_edit(codec, linted.text, lines, e) for e in sorted(f.fixes, key=lambda e: e.start)]
    safe = f.applicability is Applicability.SAFE
    return types.CodeAction(title=_fix_title(f, linted.text), kind=types.CodeActionKind.QuickFix,
                            diagnostics=[diag], is_preferred=safe,
                            edit=types.WorkspaceEdit(changes={uri: edits}))


def suppress_action(uri: str, linted: Linted, f: Finding, diag: types.Diagnostic) -> types.CodeAction:
    """An ``editlint-disable-next-line`` comment above the finding's first line, at its indentation."""
    line_text = linted.lines[f.line - 1] if 0 < f.line <= len(linted.lines) else ""
    indent = line_text[:len(line_text) - len(line_text.lstrip(" \t"))]
    at = types.Position(line=f.line - 1, character=0)
    insert = types.TextEdit(range=types.Range(at, at),
                            new_text=indent + SUPPRESS_COMMENT.format(code=f.rule) + "\n")
    return types.CodeAction(title=f"editlint: suppress {f.rule} on this line",
                            kind=types.CodeActionKind.QuickFix, diagnostics=[diag],
                            edit=types.WorkspaceEdit(changes={uri: [insert]}))


def flagged_text(linted: Linted, f: Finding) -> str:
    """The text of a one-line finding's span (the word EL501 flags)."""
    if f.line != f.end_line or not 0 < f.line <= len(linted.lines):
        return ""
    return linted.lines[f.line - 1][f.column - 1:f.end_column - 1]


def vocabulary_action(uri: str, linted: Linted, f: Finding, diag: types.Diagnostic
                      ) -> types.CodeAction | None:
    word = flagged_text(linted, f).strip()
    if not word:
        return None
    return types.CodeAction(title=f"editlint: add {word!r} to the vocabulary",
                            kind=types.CodeActionKind.QuickFix, diagnostics=[diag],
                            command=types.Command(title="add to vocabulary", command=ADD_TO_VOCABULARY,
                                                  arguments=[uri, word]))


# -- the vocabulary -------------------------------------------------------------------------------
def vocabulary_file(path: str | None, root: str | None) -> Path:
    """The configuration file a document uses; a new ``.editlint.toml`` at the workspace root if none."""
    found = config_for_path(path).path
    if found:
        return Path(found)
    folder = Path(root) if root else (Path(path).parent if path else Path.cwd())
    return folder / ".editlint.toml"


def add_to_vocabulary(target: Path, word: str) -> bool:
    """Append ``word`` to ``spelling.accept`` of a TOML config (``tool.editlint.spelling`` in a
    pyproject.toml), keeping the file's comments and layout; False if it was already there."""
    doc = tomlkit.parse(target.read_text(encoding="utf-8")) if target.is_file() else tomlkit.document()
    table: Any = doc
    if target.name == "pyproject.toml":
        for key in ("tool", "editlint"):
            if key not in table:
                table[key] = tomlkit.table(is_super_table=key == "tool")
            table = table[key]
    if "spelling" not in table:
        table["spelling"] = tomlkit.table()
    spelling = table["spelling"]
    if "accept" not in spelling:
        spelling["accept"] = tomlkit.array()
    accept = spelling["accept"]
    if any(str(w).lower() == word.lower() for w in accept):
        return False
    accept.append(word)
    target.write_text(tomlkit.dumps(doc), encoding="utf-8")
    return True


# -- the server -----------------------------------------------------------------------------------
class EditlintServer(LanguageServer):
    """The language server: one warm linter, one lint thread, the last lint of each open document."""

    def __init__(self, linter: Linter | None = None) -> None:
        super().__init__("editlint", __version__)
        self.linter = linter or CachingLinter()
        self.executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="editlint-lint")
        self.results: dict[str, Linted] = {}
        self.pending: dict[str, asyncio.Task[None]] = {}

    # lints (on the worker thread)
    def lint(self, uri: str, text: str, language_id: str | None, version: int | None) -> Linted:
        path = uris.to_fs_path(uri) if uri.startswith("file:") else None
        declared = path is None or language_id in ("markdown", "html")
        fmt = _LANGUAGES.get(language_id or "") if declared else None
        clear_caches()  # configuration files are found and read again (a few ms): edits apply at once
        try:
            report = self.linter.lint_text(text, path=path, fmt=fmt)
        except EditlintError as exc:  # a broken configuration file: one diagnostic says what
            return Linted(version, text.replace("\r\n", "\n"), fmt or "text", path, error=str(exc))
        source = getattr(report.document, "source", None)
        registry = self.linter.registry
        if registry is None and report.error is None:
            registry = self.linter.config_for(path).registry()
        return Linted(version, source.text if source is not None else text.replace("\r\n", "\n"),
                      source.format if source is not None else (fmt or "text"), path, report.findings,
                      report.error, registry)

    def schedule(self, uri: str, delay: float) -> None:
        """Lint ``uri`` after ``delay`` seconds, replacing a lint already waiting for it."""
        old = self.pending.pop(uri, None)
        if old is not None:
            old.cancel()
        self.pending[uri] = asyncio.get_running_loop().create_task(self._lint_later(uri, delay))

    async def _lint_later(self, uri: str, delay: float) -> None:
        if delay:
            await asyncio.sleep(delay)
        doc = self.workspace.get_text_document(uri)
        version, text = doc.version, doc.source
        loop = asyncio.get_running_loop()
        try:
            linted = await loop.run_in_executor(self.executor, self.lint, uri, text, doc.language_id, version)
        except Exception as exc:  # never take the server down over one document
            log.exception("lint failed")
            linted = Linted(version, text, "text", None, error=f"internal error: {type(exc).__name__}: {exc}")
        docs = self.workspace.text_documents
        if uri not in docs or docs[uri].version != version:
            return  # edited (a newer lint is scheduled) or closed meanwhile
        self.results[uri] = linted
        self.publish(uri, linted)

    def publish(self, uri: str, linted: Linted) -> None:
        codec, lines = self.workspace.position_codec, linted.lines
        diags = [to_diagnostic(codec, lines, uri, f) for f in linted.findings]
        if linted.error:
            at = types.Range(types.Position(0, 0), types.Position(0, 0))
            diags.insert(0, types.Diagnostic(range=at, severity=types.DiagnosticSeverity.Error,
                                             message=f"editlint could not lint this: {linted.error}",
                                             source=SOURCE))
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, version=linted.version, diagnostics=diags))

    def relint_all(self) -> None:
        clear_caches()
        for uri in list(self.workspace.text_documents):
            self.schedule(uri, 0)

    # answers
    def findings_at(self, uri: str, rng: types.Range) -> list[tuple[Finding, types.Diagnostic]]:
        linted = self.results.get(uri)
        if linted is None:
            return []
        codec, lines = self.workspace.position_codec, linted.lines
        return [(f, d) for f in linted.findings
                if _overlaps((d := to_diagnostic(codec, lines, uri, f)).range, rng)]

    def code_actions(self, uri: str, rng: types.Range) -> list[types.CodeAction]:
        linted = self.results.get(uri)
        if linted is None:
            return []
        actions: list[types.CodeAction] = []
        for f, diag in self.findings_at(uri, rng):
            if f.fixes:
                actions.append(fix_action(self.workspace.position_codec, uri, linted, f, diag))
            if f.rule == "EL501":
                vocab = vocabulary_action(uri, linted, f, diag)
                if vocab is not None:
                    actions.append(vocab)
            if linted.fmt in _COMMENT_FORMATS:
                actions.append(suppress_action(uri, linted, f, diag))
        return actions

    def hover(self, uri: str, position: types.Position) -> types.Hover | None:
        linted = self.results.get(uri)
        hits = self.findings_at(uri, types.Range(position, position))
        if linted is None or not hits:
            return None
        parts = []
        for f, _ in hits:
            explain = ""
            if linted.registry is not None and f.rule in linted.registry.rules:
                explain = linted.registry.rules[f.rule].explain()
            tip = f"\n\n{f.suggestion}" if f.suggestion else ""
            parts.append(f"**{f.rule}** ({f.severity.value}): {f.message}{tip}\n\n```text\n{explain}\n```")
        return types.Hover(contents=types.MarkupContent(kind=types.MarkupKind.Markdown,
                                                        value="\n\n---\n\n".join(parts)),
                           range=hits[0][1].range)

    def add_word(self, uri: str, word: str) -> str:
        path = uris.to_fs_path(uri) if uri.startswith("file:") else None
        target = vocabulary_file(path, self.workspace.root_path)
        add_to_vocabulary(target, word)
        self.relint_all()
        return str(target)


def build_server(linter: Linter | None = None) -> EditlintServer:
    """The server with its LSP features registered."""
    server = EditlintServer(linter)

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: EditlintServer, params: types.DidOpenTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri, 0)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: EditlintServer, params: types.DidChangeTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri, DEBOUNCE)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: EditlintServer, params: types.DidSaveTextDocumentParams) -> None:
        if Path(uris.to_fs_path(params.text_document.uri) or "").name in CONFIG_NAMES:
            ls.relint_all()
        else:
            ls.schedule(params.text_document.uri, 0)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: EditlintServer, params: types.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        task = ls.pending.pop(uri, None)
        if task is not None:
            task.cancel()
        ls.results.pop(uri, None)
        ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

    @server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def watched(ls: EditlintServer, params: types.DidChangeWatchedFilesParams) -> None:
        ls.relint_all()  # a configuration file changed: rediscover and re-lint

    @server.feature(types.TEXT_DOCUMENT_CODE_ACTION, types.CodeActionOptions(
        code_action_kinds=[types.CodeActionKind.QuickFix]))
    def code_action(ls: EditlintServer, params: types.CodeActionParams) -> list[types.CodeAction]:
        return ls.code_actions(params.text_document.uri, params.range)

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    def hover(ls: EditlintServer, params: types.HoverParams) -> types.Hover | None:
        return ls.hover(params.text_document.uri, params.position)

    @server.command(ADD_TO_VOCABULARY)
    def add_word(ls: EditlintServer, uri: str, word: str) -> str:
        return ls.add_word(uri, word)

    return server


def parse_address(text: str) -> tuple[str, int]:
    """``HOST:PORT`` (``[::1]:PORT`` for an IPv6 host) as a (host, port) pair; a ConfigError says what is
    wrong with it."""
    host, sep, port = text.rpartition(":")
    host = host.removeprefix("[").removesuffix("]")
    if not sep or not host or not port.isdigit() or not 0 < int(port) < 65536:
        raise ConfigError(f"--tcp: expected HOST:PORT (e.g. 127.0.0.1:2087), got {text!r}")
    return host, int(port)


def main(tcp: str | None = None) -> int:
    """Serve over stdio (or, with ``tcp`` as ``HOST:PORT``, to an editor that connects to that port)
    until the client says exit."""
    address = None if tcp is None else parse_address(tcp)
    logging.basicConfig(level=logging.WARNING)
    server = build_server()
    if address is None:
        server.start_io()
    else:
        server.start_tcp(*address)
    return 0
