"""Inline source positions for the Markdown reader, from pulldown-cmark's source map (via pyromark).

markdown-it-py gives the block structure but no source map inside a block, so positions of characters
after an escape, an entity, a code span or inside alt text had to be found by searching the source again.
pulldown-cmark reports a byte range for every inline event: a text event is either a verbatim slice of the
source (escapes are split off, so ``\\*`` yields a text starting at the ``*``) or one decoded entity.
This module turns those events into streams of characters with their source offsets (str indices, not
bytes), which the reader consumes in document order while it walks markdown-it-py's tokens.

Both parsers follow CommonMark, so their decoded inline text is the same in practice (no miss in the 106
Markdown files of the repository's corpora). Autolinks, which markdown-it-py percent-decodes, come as
pieces of their own; elsewhere :class:`CharStream` re-synchronises within a short window and counts what
it could not place (``misses``: 2 articles in 1,000 generated ones, where pulldown-cmark runs an HTML
block on past a first line that also closes it), and the reader then places that text within its block.
"""

from __future__ import annotations

import bisect
import re
from array import array
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import pyromark

__all__ = ["ByteIndex", "CharStream", "InlineMap", "Piece", "inline_map"]

_OPTIONS = (pyromark.Options.ENABLE_TABLES | pyromark.Options.ENABLE_STRIKETHROUGH
            | pyromark.Options.ENABLE_YAML_STYLE_METADATA_BLOCKS)
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
#: How far ahead a mismatched character is looked for before it is counted as unplaced.
WINDOW = 32


class ByteIndex:
    """UTF-8 byte offsets of ``text`` to str indices (the parser counts bytes, Python counts characters)."""

    def __init__(self, text: str) -> None:
        self._starts: list[int] = []  # byte offset of each non-ASCII character
        self._ends: list[int] = []  # byte offset just after it
        self._extra: list[int] = []  # bytes beyond one per character up to and including it
        extra = 0
        for m in _NON_ASCII.finditer(text):
            size = len(m.group().encode("utf-8", "surrogatepass"))
            self._starts.append(m.start() + extra)
            self._ends.append(m.start() + extra + size)
            extra += size - 1
            self._extra.append(extra)

    def char(self, byte: int) -> int:
        """The str index of the character that starts at (or contains) UTF-8 offset ``byte``."""
        k = bisect.bisect_right(self._starts, byte) - 1
        if k < 0:
            return byte
        if byte < self._ends[k]:  # inside a multi-byte character: that character
            return self._starts[k] - (self._extra[k - 1] if k else 0)
        return byte - self._extra[k]


@dataclass
class Piece:
    """One inline event's characters with their source offsets (a code span or an image's alt text)."""

    text: str
    origins: list[int]


@dataclass
class CharStream:
    """Characters in document order with their origins, consumed left to right (never searched for)."""

    chars: list[str] = field(default_factory=list)
    origins: array[int] = field(default_factory=lambda: array("q"))
    pos: int = 0
    misses: int = 0

    def extend(self, text: str, origins: list[int] | range) -> None:
        self.chars.extend(text)
        self.origins.extend(origins)

    def skip_before(self, offset: int) -> None:
        """Drop characters before source ``offset`` (text markdown-it-py read as something else)."""
        while self.pos < len(self.chars) and self.origins[self.pos] < offset:
            self.pos += 1

    def take(self, text: str, limit: int, fallback: int) -> list[int]:
        """Origins for ``text`` (markdown-it-py's decoded characters), matched against the stream's next
        characters whose origin is below ``limit``; ``fallback`` places a first character not found."""
        end = self.pos + len(text)
        if (end <= len(self.chars) and self.origins[end - 1] < limit
                and "".join(self.chars[self.pos:end]) == text):  # the usual case: the parsers agree
            out = self.origins[self.pos:end].tolist()
            self.pos = end
            return out
        out = []
        last = fallback
        for ch in text:
            j = self._match(ch, limit)
            if j < 0:
                self.misses += 1
                out.append(last)
                continue
            self.pos = j + 1
            last = self.origins[j]
            out.append(last)
        return out

    def _match(self, ch: str, limit: int) -> int:
        end = min(len(self.chars), self.pos + WINDOW)
        for j in range(self.pos, end):
            if self.origins[j] >= limit:
                return -1
            if self.chars[j] == ch:
                return j
            if ch.isspace() and not self.chars[j].isspace():
                return -1  # a space the stream lacks: skipping words to find one would shift the rest
        return -1


@dataclass
class InlineMap:
    """The inline content of a Markdown text, split by what markdown-it-py makes of it."""

    text: CharStream = field(default_factory=CharStream)  # text and line breaks ("\n"), outside images
    code: list[Piece] = field(default_factory=list)  # code spans, in order
    images: list[Piece] = field(default_factory=list)  # alt text of each outermost image, in order
    autolinks: list[Piece] = field(default_factory=list)  # the text of each <https://…> link, in order
    html: list[tuple[int, str]] = field(default_factory=list)  # inline HTML: (offset, markup)
    _code_at: int = 0
    _image_at: int = 0
    _autolink_at: int = 0
    _html_at: int = 0

    def next_code(self, offset: int) -> Piece | None:
        self._code_at, piece = _next(self.code, self._code_at, offset)
        return piece

    def next_image(self, offset: int) -> Piece | None:
        self._image_at, piece = _next(self.images, self._image_at, offset)
        return piece

    def next_autolink(self, offset: int) -> Piece | None:
        self._autolink_at, piece = _next(self.autolinks, self._autolink_at, offset)
        return piece

    def next_html(self, offset: int) -> int:
        """Offset of the next inline HTML at or after ``offset`` (-1 when there is none)."""
        while self._html_at < len(self.html) and self.html[self._html_at][0] < offset:
            self._html_at += 1
        if self._html_at >= len(self.html):
            return -1
        self._html_at += 1
        return self.html[self._html_at - 1][0]


def _next(pieces: list[Piece], at: int, offset: int) -> tuple[int, Piece | None]:
    while at < len(pieces) and pieces[at].origins and pieces[at].origins[0] < offset:
        at += 1
    if at >= len(pieces):
        return at, None
    return at + 1, pieces[at]


def _origins(src: str, start: int, end: int, text: str) -> list[int] | range:
    """Each character of a text event: itself when the event is a verbatim slice, else the event's start
    (an entity, or whitespace the parser made from a tab)."""
    if src[start:end] == text:
        return range(start, end)
    return [start] * len(text)


def _events(text: str) -> Iterator[tuple[Any, int, int]]:
    index = ByteIndex(text)
    for event, span in pyromark.events_with_range(text, options=_OPTIONS):
        yield event, index.char(span["start"]), index.char(span["end"])


def _break_origin(src: str, start: int, end: int) -> int:
    nl = src.rfind("\n", start, end)
    return nl if nl >= 0 else start


def inline_map(src: str) -> InlineMap:
    """Walk pulldown-cmark's events once; code blocks, HTML blocks and front matter carry no inline text."""
    walk = _Walk(src)
    for event, start, end in _events(src):
        if isinstance(event, dict):
            (name, value), = event.items()
        else:
            name, value = event, None
        if name in ("Start", "End"):
            walk.tag(next(iter(value)) if isinstance(value, dict) else value, value, name == "Start", start)
        elif not walk.skip:
            walk.leaf(name, value, start, end)
    return walk.out


class _Walk:
    """The state of one pass over the events: which container the next characters belong to."""

    def __init__(self, src: str) -> None:
        self.src = src
        self.out = InlineMap()
        self.skip = 0  # inside a code block, an HTML block or a metadata block
        self.group: Piece | None = None  # an outermost image's alt text, or an autolink's text
        self.depth = 0  # images nested in the current image, itself included
        self.autolink = False  # inside an autolink (its End event does not say what it closes)

    def tag(self, tag: str, value: Any, opening: bool, start: int) -> None:
        if tag in ("CodeBlock", "HtmlBlock", "MetadataBlock"):
            self.skip += 1 if opening else -1
        elif tag == "Image":
            self.depth += 1 if opening else -1
            self._group(opening, self.out.images, start)
        elif tag == "Link" and self.depth == 0 and (self.autolink or (opening and _is_autolink(value))):
            self.autolink = opening
            self._group(opening, self.out.autolinks, start)

    def _group(self, opening: bool, into: list[Piece], start: int) -> None:
        if opening and self.group is None:
            self.group = Piece("", [])
        elif not opening and self.depth == 0 and self.group is not None:
            into.append(self.group if self.group.origins else Piece("", [start]))
            self.group = None

    def leaf(self, name: str, value: Any, start: int, end: int) -> None:
        if name in ("Text", "Code"):
            assert isinstance(value, str)
            origins = (_code_origins(self.src, start, end, value) if name == "Code"
                       else _origins(self.src, start, end, value))
            if self.group is not None:
                self.group.text += value
                self.group.origins.extend(origins)
            elif name == "Code":
                self.out.code.append(Piece(value, list(origins)))
            else:
                self.out.text.extend(value, origins)
        elif name in ("SoftBreak", "HardBreak"):
            at = _break_origin(self.src, start, end)
            if self.group is not None:
                self.group.text += "\n"
                self.group.origins.append(at)
            else:
                self.out.text.extend("\n", [at])
        elif name == "InlineHtml" and self.group is None:
            assert isinstance(value, str)
            self.out.html.append((start, value))


def _is_autolink(value: Any) -> bool:
    """An ``<https://…>`` or ``<name@host>`` link."""
    link = value.get("Link") if isinstance(value, dict) else None
    return isinstance(link, dict) and link.get("link_type") in ("Autolink", "Email")


def _code_origins(src: str, start: int, end: int, content: str) -> list[int]:
    """A code span's content inside its backticks: line endings became spaces and one leading and one
    trailing space may be stripped, so characters are matched left to right within the span."""
    ticks = len(src[start:end]) - len(src[start:end].lstrip("`"))
    pos = start + ticks
    close = end - ticks
    if src.startswith(content, pos) and pos + len(content) <= close:
        return list(range(pos, pos + len(content)))
    if src.startswith(content, pos + 1) and pos + 1 + len(content) <= close:
        return list(range(pos + 1, pos + 1 + len(content)))
    out: list[int] = []
    for ch in content:
        while pos < close - 1 and src[pos] != ch and not (ch == " " and src[pos] == "\n"):
            pos += 1
        out.append(pos)
        pos = min(pos + 1, max(close - 1, start))
    return out
