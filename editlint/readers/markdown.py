"""Markdown reader: CommonMark + GFM tables (markdown-it-py), YAML front matter kept as metadata.

markdown-it-py gives the block structure and inline tokens but no source map inside a block; each
character's origin comes from pulldown-cmark's byte ranges instead (:mod:`.markdown_srcmap`): text,
escapes, entities, code spans, autolinks, inline HTML, line breaks and alt text are placed where that
parser read them, never by searching the source for the decoded text.
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
from .markdown_srcmap import CharStream, Piece, inline_map
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
        self.map = inline_map(text)

    # -- inline -----------------------------------------------------------------------------------
    def inline(self, tok: Token) -> None:
        """Place each character of a block's inline tokens where pulldown-cmark's source map says it is."""
        start, limit = self._block_range(tok)
        self.map.text.skip_before(start)
        children = tok.children or []
        self.link_text = [0, 0]  # characters of text inside links, outside links
        depth = 0
        stream = self.map.text  # an autolink's text comes from its own event (markdown-it-py decodes it)
        for child in children:
            t = child.type
            if t in ("text", "text_special", "code_inline") and child.content.strip():
                self.link_text[0 if depth else 1] += 1
            depth += 1 if t == "link_open" else -1 if t == "link_close" else 0
            if t in ("text", "text_special"):
                self._add(child.content, self._take(stream, child.content, start, limit))
            elif t == "link_open" and child.markup == "autolink":
                stream = _stream(self.map.next_autolink(start))
            elif t == "link_close" and stream is not self.map.text:
                self.map.text.misses += stream.misses
                stream = self.map.text
            elif t in ("softbreak", "hardbreak"):
                self._add("\n", self._take(self.map.text, "\n", start, limit))
            elif t == "code_inline":
                origins = self._piece(self.map.next_code(start), child.content, start, limit)
                self.b.add_skip(child.content, origins)
                self.cursor = max(self.cursor, origins[-1] + 1 if origins else start)
            elif t == "image":
                self.map.next_image(start)  # alt text inside a paragraph is not prose
            elif t == "html_inline":
                self._html_inline(child.content, self.map.next_html(start))
            # link_open/close, emphasis, strong and strikethrough carry no text

    def _block_range(self, tok: Token) -> tuple[int, int]:
        """Source offsets of the lines an inline token spans (table cells share their row's)."""
        if not tok.map:
            return self.cursor, len(self.src)
        return self.b.offset_of_line(tok.map[0]), self.b.offset_of_line(tok.map[1])

    def _here(self, start: int) -> int:
        """Where a character the source map does not place goes: just after the last one placed."""
        return min(max(self.cursor, start), max(len(self.src) - 1, 0))

    def _take(self, stream: CharStream, text: str, start: int, limit: int) -> list[int]:
        """Origins from the source map; where the two parsers read the block differently (pulldown-cmark
        saw an HTML block or no table there: rare, hostile input), the text itself within the block."""
        misses = stream.misses
        origins = stream.take(text, limit, self._here(start))
        if stream.misses == misses:
            return origins
        lo = max(self.cursor, start)
        i = self.src.find(text, lo, limit)
        if i >= 0:
            return list(range(i, i + len(text)))
        for k, ch in enumerate(text):  # decoded (an entity, an escape): character by character
            j = self.src.find(ch, lo, limit)
            if j >= 0:
                origins[k], lo = j, j + 1
        return origins

    def _add(self, text: str, origins: list[int]) -> None:
        self.b.add(text, origins)
        if origins:
            self.cursor = max(self.cursor, origins[-1] + 1)

    def _piece(self, piece: Piece | None, text: str, start: int, limit: int) -> list[int]:
        """Origins for a code span or alt text from its event; markdown-it-py's decoding of it normally
        matches pulldown-cmark's character for character (else as :meth:`_take`)."""
        if piece is not None and piece.text == text and (not piece.origins or piece.origins[-1] < limit):
            return piece.origins
        stream = _stream(piece)
        origins = self._take(stream, text, start, limit)
        self.map.text.misses += stream.misses
        return origins

    def _html_inline(self, content: str, i: int) -> None:
        if i < 0:
            self.map.text.misses += 1
            i = self._here(self.cursor)
        if content.startswith("<!--"):
            self.b.add_comment(i, i + len(content), content[4:-3])
        elif content.lower().startswith("<br"):
            self.b.add("\n", [i])
        self.cursor = max(self.cursor, i + len(content))

    def image_caption(self, tok: Token) -> bool:
        """A paragraph that is only an image becomes an ALT block of its alt text."""
        kids = [c for c in tok.children or [] if not (c.type == "text" and not c.content.strip())
                and c.type not in ("softbreak",)]
        if len(kids) != 1 or kids[0].type != "image" or not kids[0].content.strip():
            return False
        alt = _alt_text(kids[0])
        start, limit = self._block_range(tok)
        self.b.add(alt, self._piece(self.map.next_image(start), alt, start, limit))
        self.b.end_block(BlockKind.ALT, classes=frozenset({"alt-text"}))
        return True

    def _align(self, content: str, start: int) -> list[int]:
        """Origins for a code block line whose tabs became spaces: matched char by char within the line."""
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


def _stream(piece: Piece | None) -> CharStream:
    stream = CharStream()
    if piece is not None:
        stream.extend(piece.text, piece.origins)
    return stream


def _alt_text(image: Token) -> str:
    """An image's alt text as HTML renders it: entities and escapes decoded, emphasis marks dropped."""
    if image.children is None:
        return image.content
    parts: list[str] = []
    for child in image.children:
        if child.type in ("text", "text_special", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append("\n")
        elif child.type == "image":
            parts.append(_alt_text(child))
    return "".join(parts)


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
