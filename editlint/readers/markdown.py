"""Markdown reader: CommonMark + GFM tables (markdown-it-py), YAML front matter kept as metadata.

markdown-it-py gives the block structure and inline tokens; each inline text token is a literal slice
of the source, so we locate it with a forward-only cursor and keep every character's exact origin.
Entities and backslash escapes come as separate tokens (``text_join`` is disabled), which lets a
decoded character point at the entity or escape it came from.
"""

from __future__ import annotations

import re
import sys
from typing import Any

import yaml
from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.front_matter import front_matter_plugin

from ..document import BlockKind, Document, DocumentBuilder
from ..errors import InputError
from ..source import Source
from .html import extract_html
from .markers import MarkerLine, conflict_markers, mask, template_spans

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

_MD: MarkdownIt | None = None
#: Block nesting markdown-it follows (a list level counts two); deeper blocks would be dropped unread.
#: CommonMark's preset stops at 20 (nine list levels); 400 reads 199 list levels, well within the stack.
MAX_NESTING = 400


def _parser() -> MarkdownIt:
    global _MD
    if _MD is None:
        md = MarkdownIt("commonmark", {"html": True, "maxNesting": MAX_NESTING})
        md.enable(["table", "strikethrough"])
        md.use(front_matter_plugin)
        md.disable("text_join")
        _MD = md
    return _MD


class _Walker:
    def __init__(self, source: Source, text: str, markers: list[MarkerLine]) -> None:
        self.src = text  # the source with template code and conflict markers masked (same length)
        self.b = DocumentBuilder(source)
        self.markers = list(markers)
        self.cursor = 0
        self.list_counter = 0
        self.lists: list[dict[str, Any]] = []
        self.item_stack: list[int] = []
        self.quote_depth = 0
        self.heading_level = 0
        self.heading_start = 0
        self.cell: dict[str, Any] | None = None
        self.row = -1
        self.col = -1
        self.in_thead = False
        self.link_text = [0, 0]

    # -- inline -----------------------------------------------------------------------------------
    def _find(self, needle: str, start: int) -> int:
        if not needle:
            return -1
        return self.src.find(needle, start)

    def inline(self, tok: Token) -> None:
        if tok.map:
            self.cursor = max(self.cursor, self.b.offset_of_line(tok.map[0]))
        children = tok.children or []
        self.link_text = [0, 0]  # characters of text inside links, outside links
        depth = 0
        for child in children:
            t = child.type
            if t in ("text", "text_special", "code_inline") and child.content.strip():
                self.link_text[0 if depth else 1] += 1
            depth += 1 if t == "link_open" else -1 if t == "link_close" else 0
            if t == "text":
                i = self._find(child.content, self.cursor)
                if i < 0:
                    origins = self._align(child.content, self.cursor)
                    self.b.add(child.content, origins)
                    self.cursor = origins[-1] + 1 if origins else self.cursor
                else:
                    self.b.add(child.content, range(i, i + len(child.content)))  # exact even if masked
                    self.cursor = i + len(child.content)
            elif t == "text_special":
                i = self._find(child.markup, self.cursor)
                if i < 0:
                    i = self.cursor
                if child.info == "escape" and len(child.markup) == len(child.content) + 1:
                    self.b.add(child.content, i + 1)
                elif child.content == child.markup:  # a backslash before a letter escapes nothing: literal
                    self.b.add(child.content, range(i, i + len(child.content)))
                else:
                    self.b.add(child.content, [i] * len(child.content))
                self.cursor = i + len(child.markup)
            elif t in ("softbreak", "hardbreak"):
                i = self.src.find("\n", self.cursor)
                if i < 0:
                    i = self.cursor
                self.b.add("\n", [i])
                self.cursor = i + 1
            elif t == "code_inline":
                # The content follows the opening backticks; line breaks inside became spaces.
                i = self._find(child.markup, self.cursor)
                begin = i + len(child.markup) if i >= 0 else self.cursor
                origins = self._align(child.content, begin)
                self.b.add_skip(child.content, origins)
                after = (origins[-1] + 1) if origins else begin
                close = self._find(child.markup, after)
                self.cursor = close + len(child.markup) if close >= 0 else after
            elif t == "image":
                self._skip_image(child)
            elif t == "html_inline":
                i = self._find(child.content, self.cursor)
                if i >= 0:
                    if child.content.startswith("<!--"):
                        self.b.add_comment(i, i + len(child.content), child.content[4:-3])
                    elif child.content.lower().startswith("<br"):
                        self.b.add("\n", [i])
                    self.cursor = i + len(child.content)
            elif t == "link_open":
                pass  # the link text follows as text tokens; the URL is not prose
            # emphasis, strong, strikethrough and link_close carry no text

    def _align(self, content: str, start: int) -> list[int]:
        """Origins for text that is the source with whitespace normalised: match char by char."""
        out: list[int] = []
        pos = start
        for ch in content:
            if ch.isspace() and pos < len(self.src) and self.src[pos].isspace():
                out.append(pos)
                pos += 1
                continue
            j = self.src.find(ch, pos)
            if j < 0:
                out.append(max(pos - 1, 0))
                continue
            out.append(j)
            pos = j + 1
        return out

    def _skip_image(self, child: Token) -> None:
        # Advance past the alt text so later tokens are not matched inside it.
        alt = child.content
        i = self._find("![", self.cursor)
        if i >= 0:
            j = self.src.find(")", i + len(alt) + 2)
            self.cursor = (j + 1) if j >= 0 else i + 2

    def image_caption(self, tok: Token) -> bool:
        """A paragraph that is only an image becomes an ALT block of its alt text."""
        kids = [c for c in tok.children or [] if not (c.type == "text" and not c.content.strip())
                and c.type not in ("softbreak",)]
        if len(kids) != 1 or kids[0].type != "image" or not kids[0].content.strip():
            return False
        alt = kids[0].content
        start = self.b.offset_of_line(tok.map[0]) if tok.map else self.cursor
        i = self._find("![", max(start, self.cursor))
        j = self._find(alt, i + 2) if i >= 0 else -1
        if j >= 0:
            self.b.add(alt, j)
        else:
            self.b.add(alt, [max(i, 0)] * len(alt))
        self._skip_image(kids[0])
        self.b.end_block(BlockKind.ALT, classes=frozenset({"alt-text"}))
        return True

    # -- blocks -----------------------------------------------------------------------------------
    def paragraph_kind(self) -> tuple[BlockKind, dict[str, Any]]:
        if self.item_stack and self.lists:
            lst = self.lists[-1]
            return BlockKind.LIST_ITEM, {"list_id": lst["id"], "ordered": lst["ordered"],
                                         "item": self.item_stack[-1]}
        if self.quote_depth:
            return BlockKind.QUOTE, {}
        return BlockKind.PARAGRAPH, {}

    def emit_markers(self, before_line: int | None) -> None:
        """Conflict-marker lines above 0-based line ``before_line`` (None: all) as their own blocks.

        They are masked out of the parse (a ``=======`` would make the line above a heading, a
        ``>>>>>>>`` a quote), then kept as code blocks classed ``conflict-marker`` for EL6 to find.
        """
        while self.markers and (before_line is None
                                or self.b.line_of(self.markers[0].start) - 1 < before_line):
            m = self.markers.pop(0)
            self.b.add(self.b.source.text[m.start:m.end], m.start)
            self.b.end_block(BlockKind.CODE, classes=frozenset({"conflict-marker"}))
            self.cursor = max(self.cursor, m.end)

    def walk(self, tokens: list[Token]) -> None:
        pending: tuple[BlockKind, dict[str, Any]] | None = None
        for tok in tokens:
            t = tok.type
            if tok.map and tok.nesting >= 0 and t != "inline" and not self.b.pending_text:
                self.emit_markers(tok.map[0])
            if t == "front_matter":
                self.front_matter(tok)
            elif t == "heading_open":
                pending = (BlockKind.HEADING, {"level": int(tok.tag[1])})
                if self.quote_depth:  # a pull quote styled as a heading: not part of the outline
                    pending[1]["classes"] = frozenset({"in-quote"})
                self.heading_start = self.b.offset_of_line(tok.map[0]) if tok.map else self.cursor
            elif t == "paragraph_open":
                pending = self.paragraph_kind()
            elif t in ("th_open", "td_open"):
                pending = (BlockKind.TABLE_CELL, {"row": self.row, "col": self.col + 1,
                                                  "header": t == "th_open"})
                self.col += 1
            elif t == "tr_open":
                self.row += 1
                self.col = -1
            elif t == "table_open":
                self.row, self.col = -1, -1
            elif t == "inline":
                kind, attrs = pending or self.paragraph_kind()
                if kind is BlockKind.PARAGRAPH and self.image_caption(tok):
                    pending = None
                    continue
                self.inline(tok)
                if self.link_text[0] and not self.link_text[1]:
                    attrs = {**attrs, "classes": frozenset({"link-only"})}  # a block that is one link
                anchor = self.heading_start if kind is BlockKind.HEADING else None
                self.b.end_block(kind, anchor=anchor, **attrs)
                pending = None
            elif t in ("bullet_list_open", "ordered_list_open"):
                self.list_counter += 1
                self.lists.append({"id": self.list_counter, "ordered": t == "ordered_list_open", "n": 0})
            elif t in ("bullet_list_close", "ordered_list_close"):
                self.lists.pop()
            elif t == "list_item_open":
                self.lists[-1]["n"] += 1
                self.item_stack.append(self.lists[-1]["n"])
            elif t == "list_item_close":
                self.item_stack.pop()
            elif t == "blockquote_open":
                self.quote_depth += 1
            elif t == "blockquote_close":
                self.quote_depth -= 1
            elif t in ("fence", "code_block"):
                self.code(tok)
            elif t == "html_block":
                self.html_block(tok)

    def code(self, tok: Token) -> None:
        if not tok.map:
            return
        if tok.content:
            first = tok.map[0] + (1 if tok.type == "fence" else 0)
            self.b.add(tok.content, self._code_origins(tok.content, first))
        self.b.end_block(BlockKind.CODE)
        self.cursor = max(self.cursor, self.b.offset_of_line(tok.map[1]))

    def _code_origins(self, content: str, first: int) -> list[int]:
        """Line k of a code block's content is the end of source line ``first + k`` (its indentation, list
        or quote markers stripped): placed line by line, never by searching (the same text may stand
        anywhere else in the file)."""
        out: list[int] = []
        pieces = content.split("\n")
        for k, line in enumerate(pieces):
            start = self.b.offset_of_line(first + k)
            end = self.src.find("\n", start)
            end = len(self.src) if end < 0 else end
            if self.src.endswith(line, start, end):
                out.extend(range(end - len(line), end))
            else:  # tabs expanded to spaces: match character by character within the line
                out.extend(min(o, max(end - 1, start)) for o in self._align(line, start))
            if k < len(pieces) - 1:
                out.append(min(end, max(len(self.src) - 1, 0)))
        return out

    def html_block(self, tok: Token) -> None:
        if not tok.map:
            return
        start = self.b.offset_of_line(tok.map[0])
        end = self.b.offset_of_line(tok.map[1])
        extract_html(self.b, self.src[start:end], base=start)
        self.cursor = max(self.cursor, end)

    def front_matter(self, tok: Token) -> None:
        try:
            data = yaml.load(tok.content, Loader=_NoAliasLoader) if tok.content.strip() else {}
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            where = f" at line {mark.line + 2}" if mark is not None else ""
            problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
            raise InputError(f"front matter is not valid YAML{where}: {problem}",
                             path=self.b.source.path or "<stdin>") from None
        if isinstance(data, dict):
            self.b.metadata.update({str(k): v for k, v in data.items()})
        if tok.map:
            self.cursor = self.b.offset_of_line(tok.map[1])


class _NoAliasLoader(yaml.SafeLoader):
    """YAML without aliases: a few hundred bytes of nested ``*alias`` references expand to gigabytes
    when a value is used as text, and front matter has no need for them."""

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            mark = self.peek_event().start_mark  # type: ignore[no-untyped-call]
            raise yaml.composer.ComposerError(None, None, "aliases (*name) are not allowed in front matter",
                                              mark)
        return super().compose_node(parent, index)


_TOML_FRONT = re.compile(r"\A\+\+\+[ \t]*\n(.*?)^\+\+\+[ \t]*$", re.DOTALL | re.MULTILINE)


def _toml_front_matter(source: Source) -> int:
    """End offset of Hugo-style TOML front matter (``+++`` lines), or 0 when there is none."""
    m = _TOML_FRONT.match(source.text)
    return m.end() if m else 0


def _toml_metadata(source: Source) -> dict[str, Any]:
    """The TOML front matter as metadata; invalid TOML is an input error naming the line."""
    m = _TOML_FRONT.match(source.text)
    if m is None:
        return {}
    try:
        data = tomllib.loads(m.group(1))
    except tomllib.TOMLDecodeError as exc:
        raise InputError(f"front matter is not valid TOML: {exc}", path=source.path or "<stdin>") from None
    return {str(k): v for k, v in data.items()}


def read_markdown(source: Source) -> Document:
    """Template code and conflict markers are masked (same length) before markdown-it parses."""
    toml_end = _toml_front_matter(source)
    markers = conflict_markers(source.text)
    if markers:  # markers inside a fenced or indented code sample are the sample's text
        code = {line for tok in _parser().parse(source.text)
                if tok.type in ("fence", "code_block") and tok.map for line in range(tok.map[0], tok.map[1])}
        markers = [m for m in markers if source.text.count("\n", 0, m.start) not in code]
    spans = template_spans(source.text) + [(m.start, m.end) for m in markers] + [(0, toml_end)]
    text = mask(source.text, spans)
    walker = _Walker(source, text, markers)
    if toml_end:
        walker.b.metadata.update(_toml_metadata(source))
    walker.walk(_parser().parse(text))
    walker.emit_markers(None)
    return walker.b.build()
