"""The document model: typed blocks over one extracted text, and the one offset → (line, column) map.

Every reader (Markdown, HTML, plain text) produces a :class:`Document` through a :class:`DocumentBuilder`.
Checks only ever see character offsets into ``Document.text``; :meth:`Document.position` is the single
place that turns an offset back into a 1-based line and column of the original file.
"""

from __future__ import annotations

import bisect
import itertools
import re
from array import array
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from enum import Enum
from typing import Any, TypeVar

from .source import Source

T = TypeVar("T")


class BlockKind(str, Enum):
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    LIST_ITEM = "list_item"
    TABLE_CELL = "table_cell"
    CAPTION = "caption"
    ALT = "alt"  # an image's alt text: describes a picture, never running prose
    QUOTE = "quote"
    CODE = "code"

    def __str__(self) -> str:
        return self.value


#: Kinds whose sentences count as running prose (readability, grammar, claims).
PROSE_KINDS = frozenset({BlockKind.PARAGRAPH, BlockKind.LIST_ITEM, BlockKind.QUOTE})
#: Kinds that are text at all (everything but code).
TEXT_KINDS = frozenset(BlockKind) - {BlockKind.CODE}


@dataclass(frozen=True)
class Block:
    """One block of the article. ``start``/``end`` are offsets into ``Document.text``."""

    index: int
    kind: BlockKind
    start: int
    end: int
    text: str
    level: int = 0  # heading level (1–6); 0 for other kinds
    list_id: int | None = None  # blocks of one list share an id
    ordered: bool = False  # numbered list (or numbered heading run in plain text)
    item: int = 0  # 1-based position in its list
    row: int | None = None  # table cells: 0-based row and column
    col: int | None = None
    header: bool = False  # table header cell
    section: int | None = None  # index of the heading this block sits under
    classes: frozenset[str] = frozenset()  # HTML classes / ids / roles of the block and its ancestors
    source_line: int = 0  # 1-based line in the original file where the block starts

    @property
    def is_prose(self) -> bool:
        return self.kind in PROSE_KINDS

    def words(self) -> list[str]:
        return WORD_RE.findall(self.text)


URL_RE = re.compile(r"(?:https?://|www\.)[^\s<>()\[\]]+[^\s<>()\[\].,;:!?'\"]|[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
WORD_RE = re.compile(r"[^\W_]+(?:['’][^\W_]+)*(?:-[^\W_]+)*", re.UNICODE)


@dataclass(frozen=True)
class Comment:
    """An HTML/Markdown comment, kept for inline suppressions."""

    line: int
    end_line: int
    text: str


@dataclass
class Document:
    """An article as checks see it: blocks over ``text``, metadata, and the map back to the file."""

    source: Source
    text: str
    blocks: tuple[Block, ...]
    origin: array[int]  # origin[i] = offset in source.text of text[i]
    metadata: Mapping[str, Any] = field(default_factory=dict)
    comments: tuple[Comment, ...] = ()
    skip_spans: tuple[tuple[int, int], ...] = ()  # inline code and URLs inside blocks: not prose
    _line_starts: list[int] = field(default_factory=list, repr=False)
    cache: dict[Any, Any] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        starts = [0]
        for m in re.finditer("\n", self.source.text):
            starts.append(m.end())
        self._line_starts = starts

    # -- coordinates -------------------------------------------------------------------------------
    @property
    def path(self) -> str | None:
        return self.source.path

    @property
    def format(self) -> str:
        return self.source.format

    def source_offset(self, offset: int) -> int:
        """Offset in the original text of the extracted character at ``offset``."""
        if not self.origin:
            return 0
        offset = min(max(offset, 0), len(self.origin) - 1)
        return int(self.origin[offset])

    def line_col(self, source_offset: int) -> tuple[int, int]:
        """1-based (line, column) of an offset into the original text; columns count code points."""
        i = bisect.bisect_right(self._line_starts, source_offset) - 1
        return i + 1, source_offset - self._line_starts[i] + 1

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) in the original file of extracted offset ``offset``."""
        return self.line_col(self.source_offset(offset))

    def span_position(self, start: int, end: int) -> tuple[int, int, int, int]:
        """(line, column, end_line, end_column) of ``text[start:end]``; end_column is exclusive."""
        end = max(end, start + 1)
        line, col = self.position(start)
        end_line, end_col = self.line_col(self.source_offset(end - 1) + 1)
        if (end_line, end_col) <= (line, col):
            end_line, end_col = line, col + 1
        return line, col, end_line, end_col

    def offset_of_line(self, line: int) -> int:
        """Offset in the original text where 1-based ``line`` starts."""
        return self._line_starts[min(max(line, 1), len(self._line_starts)) - 1]

    # -- navigation -------------------------------------------------------------------------------
    def block_at(self, offset: int) -> Block | None:
        starts = self._index("block-starts", lambda: [b.start for b in self.blocks])
        i = bisect.bisect_right(starts, offset) - 1
        if 0 <= i < len(self.blocks) and self.blocks[i].start <= offset <= self.blocks[i].end:
            return self.blocks[i]
        return None

    def iter_blocks(self, *kinds: BlockKind) -> Iterator[Block]:
        wanted = set(kinds) if kinds else TEXT_KINDS
        return (b for b in self.blocks if b.kind in wanted)

    def prose_blocks(self) -> list[Block]:
        return [b for b in self.blocks if b.kind in PROSE_KINDS]

    def headings(self) -> list[Block]:
        return [b for b in self.blocks if b.kind is BlockKind.HEADING]

    @property
    def title(self) -> str | None:
        """Front-matter or <title> title, else the first heading's text."""
        t = self.metadata.get("title")
        if isinstance(t, str) and t.strip():
            return t.strip()
        for b in self.blocks:
            if b.kind is BlockKind.HEADING and b.text.strip():
                return b.text.strip()
        return None

    def in_skip_span(self, start: int, end: int) -> bool:
        """True when ``[start, end)`` overlaps a skip span: the spans starting before ``end`` are a prefix of
        the sorted starts, and one of them overlaps iff the furthest end among them is past ``start``."""
        _, starts, reach = self._index("skip-spans", self._skip_index)
        k = bisect.bisect_left(starts, end)
        return k > 0 and reach[k - 1] > start

    def skip_spans_from(self, start: int, end: int) -> list[tuple[int, int]]:
        """The skip spans that start in ``[start, end)`` (a block's own), in order, found by bisection."""
        spans, starts, _ = self._index("skip-spans", self._skip_index)
        return spans[bisect.bisect_left(starts, start):bisect.bisect_left(starts, end)]

    def skip_spans_near(self, start: int, end: int) -> list[tuple[int, int]]:
        """The sorted skip spans from the first that reaches past ``start`` to the last that starts before
        ``end``: every span overlapping ``[start, end)`` (callers still test each), found by bisection."""
        spans, starts, reach = self._index("skip-spans", self._skip_index)
        return spans[bisect.bisect_right(reach, start):bisect.bisect_left(starts, end)]

    def _skip_index(self) -> tuple[list[tuple[int, int]], list[int], list[int]]:
        spans = sorted(self.skip_spans)
        reach = list(itertools.accumulate((e for _, e in spans), max))
        return spans, [s for s, _ in spans], reach

    def _index(self, name: str, build: Callable[[], T]) -> T:
        """A lookup structure over the (immutable) blocks or skip spans, built once per document."""
        key = ("document", name)
        if key not in self.cache:
            self.cache[key] = build()
        value: T = self.cache[key]
        return value


class DocumentBuilder:
    """Collects block text character by character, remembering where each character came from."""

    SEPARATOR = "\n\n"

    def __init__(self, source: Source) -> None:
        self.source = source
        self._parts: list[str] = []
        self._origin = array("l")
        self._length = 0
        self._blocks: list[Block] = []
        self._cur_text: list[str] = []
        self._cur_origin: list[int] = []
        self.metadata: dict[str, Any] = {}
        self.comments: list[Comment] = []
        self.skip_spans: list[tuple[int, int]] = []
        self._pending_skips: list[tuple[int, int]] = []
        self._section: int | None = None
        self._empty_anchor: int | None = None
        self._line_starts = [0] + [m.end() for m in re.finditer("\n", source.text)]

    def line_of(self, source_offset: int) -> int:
        """1-based line of an offset into the source text."""
        return bisect.bisect_right(self._line_starts, source_offset)

    def offset_of_line(self, line0: int) -> int:
        """Offset where 0-based line ``line0`` starts (the text's end past the last line)."""
        if line0 >= len(self._line_starts):
            return len(self.source.text)
        return self._line_starts[max(line0, 0)]

    # -- building the current block ---------------------------------------------------------------
    def add(self, text: str, origin: int | list[int] | range) -> None:
        """Append ``text``; ``origin`` is one source offset for all of it or one per character."""
        if not text:
            return
        if isinstance(origin, int):
            if origin >= 0 and self.source.text.startswith(text, origin):
                origins: list[int] | range = range(origin, origin + len(text))
            else:
                origins = [max(origin, 0)] * len(text)
        else:
            origins = origin
        self._cur_text.append(text)
        self._cur_origin.extend(origins)

    def add_skip(self, text: str, origin: int | list[int] | range) -> None:
        """Append text that belongs to the block but is not prose (inline code, a URL)."""
        start = sum(len(t) for t in self._cur_text)
        self.add(text, origin)
        self._pending_skips.append((start, start + len(text)))

    @property
    def pending_text(self) -> str:
        return "".join(self._cur_text)

    def discard(self) -> None:
        self._cur_text.clear()
        self._cur_origin.clear()
        self._pending_skips.clear()

    def end_block(self, kind: BlockKind, anchor: int | None = None, **attrs: Any) -> Block | None:
        """Close the current block: trims surrounding whitespace; empty blocks are kept only for headings."""
        raw = "".join(self._cur_text)
        origins = self._cur_origin
        left = len(raw) - len(raw.lstrip())
        right = len(raw.rstrip())
        text = raw[left:right]
        orig = origins[left:right]
        skips = [(max(s - left, 0), min(e - left, len(text))) for s, e in self._pending_skips]
        self.discard()
        if not text and kind is not BlockKind.HEADING:
            return None
        if self._blocks:
            self._parts.append(self.SEPARATOR)
            last = self._origin[-1] if self._origin else 0
            if self._empty_anchor is not None:  # the previous block was empty: point here at it
                last, self._empty_anchor = self._empty_anchor, None
            self._origin.extend([last] * len(self.SEPARATOR))
            self._length += len(self.SEPARATOR)
        start = self._length
        self._parts.append(text)
        self._origin.extend(orig[: len(text)])
        self._length += len(text)
        for m in URL_RE.finditer(text):  # URLs and e-mail addresses are never prose
            skips.append((m.start(), m.end()))
        for s, e in sorted(set(skips)):
            if e > s:
                self.skip_spans.append((start + s, start + e))
        section: int | None
        if kind is BlockKind.HEADING:
            section = len(self._blocks)
        else:
            section = self._section
        if not orig and anchor is not None:
            # An empty heading has no characters; the separator after it maps to its place instead.
            orig = [anchor]
            self._empty_anchor = anchor
        src_off = orig[0] if orig else (anchor if anchor is not None else 0)
        line = self.line_of(src_off)
        block = Block(index=len(self._blocks), kind=kind, start=start, end=start + len(text), text=text,
                      section=section if kind is not BlockKind.HEADING else None,
                      source_line=line, **attrs)
        if kind is BlockKind.HEADING:
            self._section = section
        self._blocks.append(block)
        return block

    def add_comment(self, start: int, end: int, text: str) -> None:
        line = self.line_of(start)
        end_line = self.line_of(max(end - 1, start))
        self.comments.append(Comment(line=line, end_line=end_line, text=text))

    def build(self) -> Document:
        if self._empty_anchor is not None:  # the last block was empty
            self._parts.append("\n")
            self._origin.append(self._empty_anchor)
        if not self._origin and self.source.text:
            self._origin.append(0)
        return Document(source=self.source, text="".join(self._parts), blocks=tuple(self._blocks),
                        origin=self._origin, metadata=self.metadata, comments=tuple(self.comments),
                        skip_spans=tuple(self.skip_spans))
