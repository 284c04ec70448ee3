"""A small synchronous driver of ``python -m editlint server`` over stdio, on pygls's LanguageClient.

Used by tests/test_server.py and benchmarks/bench_server.py: each call runs the client's coroutines on
one private event loop, and published diagnostics are kept per URI with the time they arrived.
"""

from __future__ import annotations

import asyncio
import os
import sys
import time
from collections.abc import Coroutine
from pathlib import Path
from typing import Any, TypeVar, Union

from lsprotocol import types
from pygls.lsp.client import LanguageClient

T = TypeVar("T")


class ServerSession:
    """One server process and one client; ``diagnostics[uri]`` is the last publish for each document."""

    def __init__(self, root: Path, *, cwd: Path | None = None, address: tuple[str, int] | None = None
                 ) -> None:
        """Start ``python -m editlint server`` and talk to it over stdio, or with ``address`` connect to a
        server already listening there (``editlint server --tcp HOST:PORT``)."""
        self.loop = asyncio.new_event_loop()
        self.client = LanguageClient("editlint-test", "1")
        self.diagnostics: dict[str, list[types.Diagnostic]] = {}
        self.published: dict[str, int] = {}  # publishes per URI
        self.arrived: dict[str, float] = {}
        self.versions: dict[str, int] = {}
        self.root = root
        _fix_code_action_union(self.client)

        @self.client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)  # type: ignore[untyped-decorator]
        def publish(params: types.PublishDiagnosticsParams) -> None:
            self.diagnostics[params.uri] = list(params.diagnostics)
            self.published[params.uri] = self.published.get(params.uri, 0) + 1
            self.arrived[params.uri] = time.perf_counter()

        try:
            if address is None:
                self.run(self.client.start_io(sys.executable, "-m", "editlint", "server",
                                              cwd=str(cwd or root)))
            else:
                self.run(self.client.start_tcp(*address))
        except BaseException:  # nothing listens there (yet): no loop left open
            self.loop.close()
            raise
        self.run(self.client.initialize_async(types.InitializeParams(
            capabilities=types.ClientCapabilities(), root_uri=root.as_uri(),
            workspace_folders=[types.WorkspaceFolder(uri=root.as_uri(), name="root")])))
        self.client.initialized(types.InitializedParams())

    def run(self, coro: Coroutine[Any, Any, T], timeout: float = 120) -> T:
        return self.loop.run_until_complete(asyncio.wait_for(coro, timeout))

    def pump(self, seconds: float) -> None:
        self.run(asyncio.sleep(seconds))

    def wait_for(self, uri: str, count: int, timeout: float = 120) -> list[types.Diagnostic]:
        """Wait until ``uri`` has had ``count`` publishes in all; its latest diagnostics."""
        end = time.monotonic() + timeout
        while self.published.get(uri, 0) < count:
            if time.monotonic() > end:
                raise TimeoutError(f"no diagnostics #{count} for {uri}")
            self.pump(0.01)
        return self.diagnostics[uri]

    def open(self, path: Path, text: str, language: str = "markdown") -> str:
        uri = path.as_uri()
        self.versions[uri] = 1
        self.client.text_document_did_open(types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(uri=uri, language_id=language, version=1, text=text)))
        return uri

    def replace_all(self, uri: str, text: str) -> None:
        self.versions[uri] += 1
        self.client.text_document_did_change(types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=self.versions[uri]),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)]))

    def edit(self, uri: str, rng: types.Range, text: str) -> None:
        self.versions[uri] += 1
        self.client.text_document_did_change(types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=self.versions[uri]),
            content_changes=[types.TextDocumentContentChangePartial(range=rng, text=text)]))

    def save(self, uri: str) -> None:
        """didSave: the server lints at once (no debounce)."""
        self.client.text_document_did_save(types.DidSaveTextDocumentParams(
            text_document=types.TextDocumentIdentifier(uri=uri)))

    def server_cpu(self) -> float:
        """CPU seconds (user + system) the server process has used so far (Linux /proc)."""
        process = self.client._server
        assert process is not None
        pid = process.pid
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def code_actions(self, uri: str, rng: types.Range) -> list[types.CodeAction]:
        result = self.run(self.client.text_document_code_action_async(types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri), range=rng,
            context=types.CodeActionContext(diagnostics=[]))))
        return [a for a in result or [] if isinstance(a, types.CodeAction)]

    def hover(self, uri: str, pos: types.Position) -> types.Hover | None:
        return self.run(self.client.text_document_hover_async(types.HoverParams(
            text_document=types.TextDocumentIdentifier(uri=uri), position=pos)))

    def command(self, name: str, *args: Any) -> Any:
        return self.run(self.client.workspace_execute_command_async(
            types.ExecuteCommandParams(command=name, arguments=list(args))))

    def close(self) -> None:
        try:
            self.run(self.client.shutdown_async(None), timeout=30)
            self.client.exit(None)
            self.pump(0.2)
            self.run(self.client.stop(), timeout=30)  # type: ignore[no-untyped-call]
        finally:
            self.loop.close()


def _fix_code_action_union(client: LanguageClient) -> None:
    """lsprotocol reads any object with a ``command`` key as a Command, so a CodeAction that runs a
    command arrives mangled; a Command's ``command`` is a string, a CodeAction's an object."""
    converter = client.protocol._converter

    def structure(obj: Any, _: Any) -> types.Command | types.CodeAction:
        if isinstance(obj.get("command"), str):
            return converter.structure(obj, types.Command)
        return converter.structure(obj, types.CodeAction)

    converter.register_structure_hook(Union[types.Command, types.CodeAction], structure)  # noqa: UP007


def apply_edits(text: str, edits: list[types.TextEdit]) -> str:
    """Apply LSP text edits (ASCII text: characters are code units) from the last to the first."""
    lines = text.split("\n")
    starts = [0]
    for ln in lines:
        starts.append(starts[-1] + len(ln) + 1)

    def offset(p: types.Position) -> int:
        return starts[p.line] + p.character

    for e in sorted(edits, key=lambda e: offset(e.range.start), reverse=True):
        text = text[:offset(e.range.start)] + e.new_text + text[offset(e.range.end):]
    return text
