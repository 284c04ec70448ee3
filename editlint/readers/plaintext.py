"""Plain-text reader: blocks split on blank lines, with the structure a scraped article still shows.

Heuristics, in order: a bare short line with no sentence punctuation is a heading when text hangs under
it and it is capitalised like one, otherwise a caption-like stray line; "1. Rolling" style short lines are
numbered headings forming an ordered list; a run of short label–value lines is a table; other numbered
lines are ordered list items; everything else is a paragraph (hard-wrapped lines kept together).

Text copied from a web page often has no blank line between a heading and what hangs under it, so a
block of several lines is split into runs too: a heading line, a FAQ question line, bullet or numbered
lines, label–value lines, byline lines under the title, and paragraph lines. A line only starts a new
run when it cannot be the wrapped continuation of the line before it.
"""

from __future__ import annotations

import re

from ..document import BlockKind, Document, DocumentBuilder
from ..source import Source
from .markers import html_tag_spans, mask, template_spans

_NUMBERED = re.compile(r"^\s*(\d{1,2})[.)]\s+(\S.*)$")
_BULLET = re.compile(r"^\s*[-*•]\s+(\S.*)$")
_SENTENCE_END = re.compile(r"[.!;…]['\"’”)]*\s*$")
_LABEL_VALUE = re.compile(r"^[^\s:][^:]{0,40}:\s+\S|\t|\S {2,}\S|[a-z][A-Z]|[A-Za-z]\d")
HEADING_MAX_WORDS = 14
_BYLINE = re.compile(r"^(?:by|written by|posted(?: by| on)?|reviewed by|medically reviewed by|updated|"
                     r"published|last updated)\b[\s:]", re.IGNORECASE)
_URL = re.compile(r"://|\bwww\.")
_ENDS_SENTENCE = re.compile(r"[.!?]['\"’”)]*\s*$")
_INNER_STOP = re.compile(r"[.!?;]['\"’”)]*\s+\S")  # a sentence ends inside the line
_LINE_END = re.compile(r"[.!?:;…]['\"’”)]*\s*$")
# A wrapped line usually breaks after one of these; a heading never ends with one.
_OPEN_END = frozenset("a an the and or but of to in on at for with from by as if than that your their "
                      "our my his her its is are was be".split())
_STARTS_NEW = re.compile(r"^\s*(?:[A-Z0-9\"'“‘(•*-])")


def _words(line: str) -> int:
    return len(line.split())


def _is_short_line(line: str) -> bool:
    s = line.strip()
    return bool(s) and _words(s) <= HEADING_MAX_WORDS and not _SENTENCE_END.search(s)


def _is_lead_in(line: str) -> bool:
    """A sentence that introduces a list ("Call your doctor if your child:"), not a heading or label."""
    s = line.strip()
    return s.endswith(":") and _words(s) > 4


def _looks_like_heading(line: str) -> bool:
    s = line.strip()
    if not _is_short_line(s) or _URL.search(s) or _is_lead_in(s):
        return False
    m = _NUMBERED.match(s)
    body = m.group(2) if m else s
    return body[:1].isupper() or body[:1].isdigit()


def _paragraphs(text: str) -> list[tuple[int, list[tuple[int, str]]]]:
    """Blank-line separated blocks as (start offset, [(line offset, line text), ...])."""
    blocks: list[tuple[int, list[tuple[int, str]]]] = []
    cur: list[tuple[int, str]] = []
    pos = 0
    for line in text.split("\n"):
        if line.strip():
            cur.append((pos, line))
        elif cur:
            blocks.append((cur[0][0], cur))
            cur = []
        pos += len(line) + 1
    if cur:
        blocks.append((cur[0][0], cur))
    return blocks


def _is_bare_list(lead: str, lines: list[tuple[int, str]]) -> bool:
    """Lines with no bullets under a lead-in ending in ':' ("if your child:" then one sign a line): each
    starts with a capital and none breaks off mid-sentence, so they are items, not a wrapped paragraph."""
    if not _is_lead_in(lead) or len(lines) < 2:
        return False
    return all(_STARTS_NEW.match(ln) and ln.split()[-1].lower().strip(",") not in _OPEN_END
               for _, ln in lines)


def _ends_run(line: str) -> bool:
    """True when ``line`` cannot run on into the next line (it ends a sentence or is a list line)."""
    s = line.strip()
    return bool(_LINE_END.search(s) or _BULLET.match(s) or _NUMBERED.match(s) or _is_label_value(s)
                or s.split()[-1].lower().strip(",") not in _OPEN_END and _looks_like_heading(s))


def _is_label_value(line: str) -> bool:
    """A short 'Label: value' row (or a flattened 'LabelValue' one) with no sentence end."""
    s = line.strip()
    return (bool(_LABEL_VALUE.search(s)) and _words(s) <= HEADING_MAX_WORDS and not _LINE_END.search(s)
            and not _BULLET.match(s) and not _NUMBERED.match(s))


def _heads_run(line: str, nxt: str) -> bool:
    """A heading (or FAQ question) line inside a block: short, whole, and followed by a fresh line."""
    s = line.strip()
    if _words(s) > HEADING_MAX_WORDS or _INNER_STOP.search(s) or _URL.search(s) or not _STARTS_NEW.match(nxt):
        return False
    if s.endswith("?"):
        return s[:1].isupper()
    if _words(s) > 10:
        return False
    last = s.split()[-1].lower().strip(",")
    return _looks_like_heading(s) and not s.endswith((",", ":")) and last not in _OPEN_END


class _Reader:
    def __init__(self, source: Source) -> None:
        self.b = DocumentBuilder(source)
        self.list_counter = 0
        self.numbered_list: int | None = None  # id of the current run of numbered headings
        self.numbered_last = 0
        self.seen_title = False

    def add_line(self, offset: int, line: str) -> None:
        self.b.add(line, range(offset, offset + len(line)))  # the line may be masked: one origin a char

    def heading(self, offset: int, line: str, numbered: re.Match[str] | None) -> None:
        self.add_line(offset, line)
        if numbered:
            n = int(numbered.group(1))
            if self.numbered_list is None or n != self.numbered_last + 1:
                self.list_counter += 1
                self.numbered_list = self.list_counter
            self.numbered_last = n
            self.b.end_block(BlockKind.HEADING, level=3, list_id=self.numbered_list, ordered=True, item=n)
            return
        level = 1 if not self.seen_title else 2
        self.seen_title = True
        self.numbered_list = None
        self.numbered_last = 0
        self.b.end_block(BlockKind.HEADING, level=level)

    def run(self, text: str) -> Document:
        blocks = _paragraphs(text)
        for bi, (_, lines) in enumerate(blocks):
            nxt = blocks[bi + 1][1] if bi + 1 < len(blocks) else None
            has_body = nxt is not None and not (len(nxt) == 1 and _looks_like_heading(nxt[0][1])
                                                and not _NUMBERED.match(nxt[0][1]))
            if len(lines) == 1:
                self.single(lines[0], has_body, nxt)
            elif not self.seen_title and _BYLINE.match(lines[1][1].strip()):
                self.runs(lines)  # the title with its byline and date lines under it
            elif self._is_table(lines):
                first, second = lines[0][1], lines[1][1]
                if len(lines) > 2 and not _is_label_value(first) and _heads_run(first, second):
                    self.heading(*lines[0], None)  # "Key facts" above its label-value rows
                    self.table(lines[1:])
                else:
                    self.table(lines)
            elif all(_NUMBERED.match(ln) or _BULLET.match(ln) for _, ln in lines) or \
                    (bi and _is_bare_list(blocks[bi - 1][1][-1][1], lines)):
                self.list_lines(lines)
            else:
                self.runs(lines)
        return self.b.build()

    def paragraph(self, lines: list[tuple[int, str]]) -> None:
        for k, (off, ln) in enumerate(lines):
            self.add_line(off, ln)
            if k + 1 < len(lines):
                self.b.add("\n", off + len(ln))
        self.b.end_block(BlockKind.PARAGRAPH)

    def runs(self, lines: list[tuple[int, str]]) -> None:
        """Split a block of several lines into headings, bylines, lists, tables and paragraphs."""
        i, n = 0, len(lines)
        title_block = False
        # A line as long as the block's longest is a wrapped line at the wrap width, not a heading.
        widest = max(len(ln.strip()) for _, ln in lines)
        wrap_width = widest if widest >= 60 else None
        para: list[tuple[int, str]] = []

        def flush() -> None:
            if para:
                self.paragraph(list(para))
                para.clear()

        while i < n:
            off, ln = lines[i]
            prev = lines[i - 1][1] if i else None
            nxt = lines[i + 1][1] if i + 1 < n else None
            if title_block and _words(ln) <= HEADING_MAX_WORDS and not _INNER_STOP.search(ln.strip()):
                self.add_line(off, ln)  # author, date or reading time under the title
                self.b.end_block(BlockKind.CAPTION, classes=frozenset({"byline"}))
                i += 1
                continue
            title_block = False
            starts_run = prev is None or _ends_run(prev)
            if _BULLET.match(ln) or (_NUMBERED.match(ln) and (starts_run or _NUMBERED.match(prev or ""))):
                flush()
                i = self.list_run(lines, i)
                continue
            j = i
            while j < n and _is_label_value(lines[j][1]):
                j += 1
            if j - i >= 2 and starts_run:
                flush()
                self.table(lines[i:j])
                i = j
                continue
            if starts_run and _BYLINE.match(ln.strip()) and _words(ln) <= HEADING_MAX_WORDS:
                flush()
                self.add_line(off, ln)
                self.b.end_block(BlockKind.CAPTION, classes=frozenset({"byline"}))
                i += 1
                continue
            if (starts_run and nxt is not None and _heads_run(ln, nxt)
                    and not (wrap_width and len(ln.strip()) >= 0.8 * wrap_width)):
                flush()
                first = not self.seen_title
                self.heading(off, ln, None)
                title_block = first and i == 0
                i += 1
                continue
            para.append((off, ln))
            i += 1
        flush()

    def list_run(self, lines: list[tuple[int, str]], i: int) -> int:
        """Emit the bullet or numbered lines from ``lines[i]`` on (with wrapped continuations)."""
        items: list[list[tuple[int, str]]] = []
        n = len(lines)
        while i < n:
            off, ln = lines[i]
            if _BULLET.match(ln) or _NUMBERED.match(ln):
                items.append([(off, ln)])
            elif items and (ln[:1].isspace()
                            or (ln.strip()[:1].islower() and not _ends_run(items[-1][-1][1]))):
                items[-1].append((off, ln))  # a wrapped list item
            else:
                break
            i += 1
        self.list_counter += 1
        ordered = bool(_NUMBERED.match(items[0][0][1]))
        for k, item in enumerate(items, start=1):
            m = _NUMBERED.match(item[0][1])
            number = int(m.group(1)) if (m and ordered) else k
            for li, (off, ln) in enumerate(item):
                self.add_line(off, ln)
                if li + 1 < len(item):
                    self.b.add("\n", off + len(ln))
            self.b.end_block(BlockKind.LIST_ITEM, list_id=self.list_counter, ordered=ordered, item=number)
        return i

    def single(self, line: tuple[int, str], has_body: bool, nxt: list[tuple[int, str]] | None) -> None:
        off, text = line
        numbered = _NUMBERED.match(text)
        body_is_prose = nxt is not None and (len(nxt) > 1 or not _is_short_line(nxt[0][1]))
        if _BYLINE.match(text.strip()) and _words(text) <= HEADING_MAX_WORDS:
            self.add_line(off, text)
            self.b.end_block(BlockKind.CAPTION, classes=frozenset({"byline"}))
            return
        nxt_is_byline = nxt is not None and len(nxt) == 1 and bool(_BYLINE.match(nxt[0][1].strip()))
        if (not self.seen_title and not has_body and nxt is not None and not nxt_is_byline
                and _looks_like_heading(text)):
            # A site name or tagline above the real title: not the article's heading.
            self.add_line(off, text)
            self.b.end_block(BlockKind.CAPTION, classes=frozenset({"masthead"}))
            return
        if _URL.search(text) and self.seen_title:
            self.add_line(off, text)  # a source or reference line: content, never a heading
            self.b.end_block(BlockKind.PARAGRAPH)
            return
        if _looks_like_heading(text) and (has_body or not self.seen_title):
            if numbered and not body_is_prose:
                self.list_lines([line])
                return
            self.heading(off, text, numbered)
            return
        if text.strip().endswith("?") and _words(text) <= HEADING_MAX_WORDS and body_is_prose:
            self.heading(off, text, numbered)  # a question heading (FAQ) with its answer below
            return
        if _is_short_line(text) and not _is_lead_in(text):
            self.add_line(off, text)
            self.b.end_block(BlockKind.CAPTION)  # a bare line with nothing hanging under it
            return
        if numbered:
            self.list_lines([line])
            return
        self.add_line(off, text)
        self.b.end_block(BlockKind.PARAGRAPH)

    def list_lines(self, lines: list[tuple[int, str]]) -> None:
        self.list_counter += 1
        ordered = bool(_NUMBERED.match(lines[0][1]))
        for i, (off, ln) in enumerate(lines, start=1):
            m = _NUMBERED.match(ln) or _BULLET.match(ln)
            item = int(m.group(1)) if (m and ordered and m.re is _NUMBERED) else i
            self.add_line(off, ln)
            self.b.end_block(BlockKind.LIST_ITEM, list_id=self.list_counter, ordered=ordered, item=item)

    @staticmethod
    def _is_table(lines: list[tuple[int, str]]) -> bool:
        short = [ln for _, ln in lines if _words(ln) <= 10]
        # A row that ends a sentence ("Step 1: Stay calm.") is an instruction, not a table cell.
        tabular = [ln for _, ln in lines if _LABEL_VALUE.search(ln.strip()) and not _ENDS_SENTENCE.search(ln)]
        return len(short) >= max(2, len(lines) - 1) and len(tabular) * 2 >= len(lines)

    def table(self, lines: list[tuple[int, str]]) -> None:
        for row, (off, ln) in enumerate(lines):
            if "\t" in ln:
                col = 0
                pos = 0
                for cell in ln.split("\t"):
                    self.add_line(off + pos, cell)
                    self.b.end_block(BlockKind.TABLE_CELL, row=row, col=col)
                    col += 1
                    pos += len(cell) + 1
                continue
            self.add_line(off, ln)
            self.b.end_block(BlockKind.TABLE_CELL, row=row, col=0)


def read_text(source: Source) -> Document:
    """Template code and HTML tags are masked out first (same length), so they never reach a block."""
    text = source.text
    return _Reader(source).run(mask(text, template_spans(text) + html_tag_spans(text)))
