"""Structure readers: the order a layout states (stage lists, tables under a stages heading).

A numbered or bulleted list under a heading such as "Stages of …" / "Timeline", or led by a sentence
that says "in this order", states that each item comes before the next; so do a table's rows when the
table sits under such a heading. Each item's concept is read from its own parse (open vocabulary).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import pairwise
from typing import TYPE_CHECKING, Any

from ...document import Block, BlockKind
from .model import Claim, Concept, OrderClaim, Provenance

if TYPE_CHECKING:
    from .extract import Extraction


def _stage_re(words: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b", re.IGNORECASE)


def _item_root(ex: Extraction, block: Block) -> Any:
    sdoc = ex.ctx.spacy(block)
    sents = [s for s in sdoc.sents if s.text.strip()]
    if not sents:
        return None
    root = _labelled_root(sents[0]) or sents[0].root
    return root if any(ch.isalpha() for ch in root.text) else None


def _labelled_root(sent: Any) -> Any:
    """ "9 months: crawls" / "Crawling: 6-10 months": the event side of a label, not the age side."""
    colon = next((t.i for t in sent if t.text in (":", "–", "—") and sent.start < t.i < sent.end - 1), None)
    if colon is None:
        return None
    sides = [sent.doc[sent.start:colon], sent.doc[colon + 1:sent.end]]
    events = [s for s in sides if len(s) and not any(t.like_num and t.pos_ == "NUM" for t in s)]
    if len(events) != 1:
        return None
    side = events[0]
    return next((t for t in side if not (side.start <= t.head.i < side.end) or t.head.i == t.i), None)


def _stage_heading(ex: Extraction, block: Block, stage: re.Pattern[str]) -> str | None:
    if block.section is None:
        return None
    heading = ex.ctx.doc.blocks[block.section].text
    return heading if stage.search(heading) else None


def _lead_in(ex: Extraction, first: Block, lead: re.Pattern[str]) -> bool:
    """The paragraph just before the list announces an order ("…in this order:")."""
    if first.index == 0:
        return False
    prev = ex.ctx.doc.blocks[first.index - 1]
    announces = prev.text.rstrip().endswith(":") and bool(lead.search(prev.text))
    return prev.kind is BlockKind.PARAGRAPH and announces


def _lists(ex: Extraction) -> Iterator[list[Block]]:
    groups: dict[int, list[Block]] = {}
    for b in ex.ctx.doc.blocks:
        if b.kind is BlockKind.LIST_ITEM and b.list_id is not None:
            groups.setdefault(b.list_id, []).append(b)
    yield from groups.values()


def _rows(ex: Extraction) -> Iterator[list[Block]]:
    """A table's first-column cells (body rows), one list per table."""
    current: list[Block] = []
    for b in ex.ctx.doc.blocks:
        if b.kind is not BlockKind.TABLE_CELL:
            if current:
                yield current
                current = []
        elif b.col == 0 and not b.header:
            current.append(b)
    if current:
        yield current


def _claims_for(ex: Extraction, items: list[Block], form: str, list_id: int) -> Iterator[Claim]:
    events: list[tuple[Block, Any, Concept]] = []
    for b in items:
        root = _item_root(ex, b)
        if root is not None:
            events.append((b, root, ex.concept(root)))
    for (b1, _t1, c1), (b2, t2, c2) in pairwise(events):
        if c1.key == c2.key:
            continue
        start = b2.start + t2.idx
        myth = ex.scopes.myth(ex.ctx.spacy(b2)[:], b2)
        prov = Provenance(start, start + len(t2.text), b1.start, b2.end, form, block=b2.index,
                          list_id=list_id, myth=myth)
        yield OrderClaim(c1, c2, prov)


def read_structures(ex: Extraction) -> Iterator[Claim]:
    """Order claims from stage lists and tables under a stages heading."""
    lex = ex.scopes.lex.structure
    stage, lead = _stage_re(lex.stage_words), _stage_re(lex.lead_words)
    for n, items in enumerate(_lists(ex)):
        heading = _stage_heading(ex, items[0], stage)
        if len(items) >= 2 and (heading or _lead_in(ex, items[0], lead)):
            yield from _claims_for(ex, items, f"list under '{heading or 'an order'}'", 10_000 + n)
    for n, cells in enumerate(_rows(ex)):
        heading = _stage_heading(ex, cells[0], stage)
        if len(cells) >= 2 and heading:
            yield from _claims_for(ex, cells, f"table under '{heading}'", 20_000 + n)
    from .ages import table_ages, timeline_ages  # H-FACTS: "event | age" rows (claims/ages.py)

    yield from table_ages(ex)
    yield from timeline_ages(ex)  # "## 24 months" sections, "3 years: …" items (claims/ages.py)
