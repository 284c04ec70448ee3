"""Repetition (EL1xx): stuffed phrases, stray keyword lines, duplicated blocks, doubled words, density.

Everything here works on normalised word tokens found with a regular expression (never on whitespace),
so dash, quote, case and spacing variants of a phrase are one phrase and a phrase glued to the next
sentence ("babies?It's") still counts. Only EL104 (sentences) and EL102 (part-of-speech tags) use spaCy.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from .. import datamodels as models
from ..api import DataSchema, DataSource
from ..budget import checkpoint
from ..document import Block, BlockKind, Document
from ..findings import Applicability, Edit, Severity
from .base import CheckContext, Hit, Metric, Option, Span, check_type, metric_provider

#: A word (with inner apostrophes) or a punctuation mark that ends a sentence or clause.
TOKEN_RE = re.compile(r"[^\W_]+(?:['’][^\W_]+)*|[.!?;:…]")
BREAK_CHARS = frozenset(".!?;:…")
#: Spans in double quotes are quotations, not the article's own wording.
QUOTED_RE = re.compile(r"“[^”\n]{1,400}”|\"[^\"\n]{1,400}\"")
#: A label opening a block or a sentence ("Myth:", "Signs of dehydration:").
LABEL_RE = re.compile(r"(?:^|(?<=[.!?]\s))[^\W\d_][^.:!?\n]{0,40}:(?=\s|$)")
SENTENCE_PUNCT_RE = re.compile(r"[.!?…]['\"’”)\]]*(?:\s|$)")
#: Blocks whose words count as "the body" for phrase repetition (headings, captions, quotes excluded).
BODY_KINDS = frozenset({BlockKind.PARAGRAPH, BlockKind.LIST_ITEM, BlockKind.TABLE_CELL})
#: Where a title or heading splits into phrases: sentence punctuation, "|", and dashes used as separators.
HEADING_SPLIT_RE = re.compile(r"[.!?;:…|]+|\s[-–—]+\s|[-–—]+\s|\s[-–—]+|[–—]")
TITLE_SPLIT_RE = re.compile(r"[.!?;:…|]+|\s[-–—]+\s|[-–—]+\s|[–—]")
WORD_ONLY_RE = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
LIST_MARK_RE = re.compile(r"\s*(?:[-*•–|]|\d{1,2}[.)])\s")
FINITE_TAGS = frozenset({"VB", "VBD", "VBP", "VBZ", "MD"})


# -- data ---------------------------------------------------------------------------------------------
#: How many word-family keys one lexicon memoises before it starts afresh (a bound for long-lived hosts).
STEM_MEMO_SIZE = 65536


@dataclass(frozen=True)
class Lexicon:
    """The ``repetition`` data object (``ctx.data("repetition")``): the family's word lists, and a memo
    of :func:`stem` that lives as long as the registry."""

    function: frozenset[str]
    summary_strong: tuple[str, ...]
    summary_weak: tuple[str, ...]
    doubled_allow: frozenset[tuple[str, str]]
    first_word_exceptions: frozenset[str]
    faq_headings: frozenset[str]
    keyphrase_keys: tuple[str, ...]
    usual_share: Mapping[str, float]
    number_words: frozenset[str] = frozenset()
    noun_phrase_words: frozenset[str] = frozenset()
    prepositions: frozenset[str] = frozenset()
    _stems: dict[str, str] = field(default_factory=dict, compare=False, repr=False)

    def stem(self, word: str) -> str:
        """:func:`stem`, memoised (it runs for every word of every article)."""
        found = self._stems.get(word)
        if found is None:
            if len(self._stems) >= STEM_MEMO_SIZE:
                self._stems.clear()
            found = self._stems[word] = stem(word)
        return found


def build_lexicon(data: models.RepetitionWords, source: DataSource) -> Lexicon:
    """The word lists of ``rules/data/repetition.toml`` (and the packs' additions), normalised."""
    def words(values: Iterable[str]) -> list[str]:
        return [norm(v) for v in values]

    pairs = [tuple(p.split()) for p in words(data.doubled.allow)]
    return Lexicon(
        function=frozenset(words(data.words.function)),
        summary_strong=tuple(words(data.summary.strong)),
        summary_weak=tuple(words(data.summary.weak)),
        doubled_allow=frozenset((a, b) for a, b in pairs),
        first_word_exceptions=frozenset(words(data.openers.first_word_exceptions)),
        faq_headings=frozenset(_norm_heading(h) for h in words(data.faq.headings)),
        keyphrase_keys=tuple(words(data.keyphrase.keys)),
        usual_share=MappingProxyType({stem(k): v for k, v in data.density.usual_share.items()}),
        number_words=frozenset(words(data.numbers.words)),
        noun_phrase_words=frozenset(words(data.topic.noun_phrase_words)),
        prepositions=frozenset(words(data.topic.prepositions)),
    )


LEXICON_DATA = DataSchema("repetition", models.RepetitionWords, build_lexicon)


# -- tokens -------------------------------------------------------------------------------------------
def norm(word: str) -> str:
    """Lower case, curly apostrophe as straight: the form phrases are compared in."""
    w = word.lower()
    return w.replace("’", "'") if "’" in w else w


def stem(word: str) -> str:
    """A crude word-family key (babies → baby, crawling → crawl) for counting, not for display."""
    w = norm(word)
    if w.endswith("'s"):
        w = w[:-2]
    if len(w) > 4 and w.endswith("ies"):
        w = w[:-3] + "y"  # babies → baby
    elif len(w) > 5 and w.endswith("ing"):
        w = w[:-3]  # crawling → crawl
    elif len(w) > 4 and w.endswith("ed") and not w.endswith("eed"):
        w = w[:-2]  # walked → walk
    elif len(w) > 4 and w.endswith(("ses", "xes", "zes", "ches", "shes")):
        w = w[:-2]  # boxes → box
    elif len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        w = w[:-1]  # shoes → shoe, steps → step
    if len(w) > 3 and w[-1] == w[-2] and w[-1] not in "aeiouls":
        w = w[:-1]  # running → runn → run
    return w


def _norm_heading(text: str) -> str:
    return " ".join(norm(t) for t in TOKEN_RE.findall(text) if t not in BREAK_CHARS) or text.casefold()


@dataclass
class Segment:
    """A run of word tokens not broken by sentence punctuation, a block edge or a masked span."""

    start: int  # index of the first token
    end: int  # index past the last token
    block: int
    question: bool  # ends with "?"
    first_in_block: bool


@dataclass
class Stream:
    """The body's words in order: normalised forms, absolute spans, and the segments they fall in."""

    words: list[str]
    starts: list[int]
    ends: list[int]
    seg_of: list[int]
    segments: list[Segment]
    list_blocks: frozenset[int] = frozenset()


@dataclass(frozen=True)
class BlockTokens:
    """One block's tokens (normalised words and break marks) with block-relative offsets."""

    tokens: list[str]
    starts: list[int]
    ends: list[int]


def block_tokens(doc: Document, block: Block) -> BlockTokens:
    """Tokens of a block, computed once per document and shared by the family's rules."""
    key = ("repetition", "tokens", block.index)
    cached = doc.cache.get(key)
    if cached is None:
        text = block.text
        low = text.lower()
        if len(low) != len(text):  # a character whose lower case is longer: normalise token by token
            low = text
        if "’" in low:
            low = low.replace("’", "'")
        toks = TOKEN_RE.findall(low)
        if low is text:
            toks = [norm(t) for t in toks]
        spans = [m.span() for m in TOKEN_RE.finditer(low)]
        starts = [a for a, _ in spans]
        ends = [b for _, b in spans]
        cached = doc.cache[key] = BlockTokens(toks, starts, ends)
    return cached


def _masks(doc: Document, block: Block) -> list[tuple[int, int]]:
    spans = [(m.start(), m.end()) for m in QUOTED_RE.finditer(block.text)]
    spans += [(m.start(), m.end()) for m in LABEL_RE.finditer(block.text)]
    spans += [(s - block.start, e - block.start) for s, e in doc.skip_spans_from(block.start, block.end)]
    return sorted(spans)


def build_stream(doc: Document, blocks: Iterable[Block], lex: Lexicon) -> Stream:
    blocks = list(blocks)
    st = Stream([], [], [], [], [], frozenset(b.index for b in blocks if b.kind is BlockKind.LIST_ITEM))
    for block in blocks:
        checkpoint()
        masks = _masks(doc, block)
        first = True
        seg_start = len(st.words)

        def close(question: bool, block_index: int = block.index) -> None:
            nonlocal seg_start, first
            if len(st.words) > seg_start:
                st.segments.append(Segment(seg_start, len(st.words), block_index, question, first))
                first = False
            seg_start = len(st.words)

        base = block.start
        words, starts, ends, seg_of = st.words, st.starts, st.ends, st.seg_of
        bt = block_tokens(doc, block)
        if not masks:  # the usual case: cut the token list at break marks, slice by slice
            prev = 0
            cuts = [k for k, t in enumerate(bt.tokens) if t in BREAK_CHARS] + [len(bt.tokens)]
            for k in cuts:
                if k > prev:
                    seg_id = len(st.segments)
                    words.extend(bt.tokens[prev:k])
                    starts.extend(base + a for a in bt.starts[prev:k])
                    ends.extend(base + b for b in bt.ends[prev:k])
                    seg_of.extend([seg_id] * (k - prev))
                close(k < len(bt.tokens) and bt.tokens[k] == "?")
                prev = k + 1
            continue
        mi = 0
        for tok, a, b in zip(bt.tokens, bt.starts, bt.ends, strict=True):
            while mi < len(masks) and masks[mi][1] <= a:
                mi += 1
            if mi < len(masks) and masks[mi][0] <= a < masks[mi][1]:
                close(False)
                continue
            if tok in BREAK_CHARS:
                close(tok == "?")
                continue
            words.append(tok)
            starts.append(base + a)
            ends.append(base + b)
            seg_of.append(len(st.segments))
        close(False)
    return st


# -- EL101 repeated phrases ---------------------------------------------------------------------------
@dataclass
class Phrase:
    words: tuple[str, ...]
    occurrences: list[int]  # token index of each counted occurrence
    source: str  # "body", "title", "heading" or "keyphrase"
    origin: Block | None = None  # the title or heading it comes from
    spans: list[tuple[int, int]] = field(default_factory=list)  # absolute spans of the occurrences


def _counted(st: Stream, phrase_len: int, positions: Iterable[int]) -> list[int]:
    """Occurrences that count: not a question opener ("Can I ...?") or the start of a list item."""
    out = []
    last_end = -1
    for i in positions:
        if i < last_end:
            continue  # overlapping with the previous occurrence
        seg = st.segments[st.seg_of[i]]
        if i == seg.start:
            if seg.question and i + phrase_len < seg.end:
                continue  # FAQ-style questions legitimately open alike
            if seg.first_in_block and seg.block in st.list_blocks:
                continue  # parallel list items and list labels
        out.append(i)
        last_end = i + phrase_len
    return out


def _repeated_ngrams(st: Stream, n: int, min_count: int, max_len: int) -> dict[tuple[str, ...], list[int]]:
    """Every n-gram (length ≥ n, inside one segment) occurring at least ``min_count`` times."""
    found: dict[tuple[str, ...], list[int]] = {}
    index: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for seg in st.segments:
        checkpoint()
        for i in range(seg.start, seg.end - n + 1):
            index[tuple(st.words[i:i + n])].append(i)
    current = {k: v for k, v in index.items() if len(v) >= min_count}
    length = n
    while current and length <= max_len:
        found.update(current)
        nxt: dict[tuple[str, ...], list[int]] = defaultdict(list)
        for key, positions in current.items():
            checkpoint()
            for i in positions:
                j = i + length
                if j < st.segments[st.seg_of[i]].end:
                    nxt[key + (st.words[j],)].append(i)
        current = {k: v for k, v in nxt.items() if len(v) >= min_count}
        length += 1
    return found


def _find(st: Stream, words: Sequence[str], by_first: Mapping[str, list[int]]) -> list[int]:
    n = len(words)
    target = list(words)
    return [i for i in by_first.get(words[0], ())
            if i + n <= st.segments[st.seg_of[i]].end and st.words[i:i + n] == target]


def _heading_phrases(text: str, function: frozenset[str], suffixes: bool = False) -> list[tuple[str, ...]]:
    """The title or a heading as phrases: whole, and each part between punctuation or dashes.

    With ``suffixes`` (the title, the keyphrase) each part also without its leading words, down to a
    part that starts with a content word."""
    parts = [p for p in HEADING_SPLIT_RE.split(text) if p.strip()]
    out = []
    whole = tuple(norm(t) for t in TOKEN_RE.findall(text) if t not in BREAK_CHARS)
    if whole:
        out.append(whole)
    for p in parts:
        words = tuple(norm(t) for t in TOKEN_RE.findall(p) if t not in BREAK_CHARS)
        # the part, and the part without its leading words ("best sleep tips for toddlers" →
        # "sleep tips for toddlers"): an SEO phrase is often pasted without the title's adjective
        for k in range(len(words) if suffixes else min(len(words), 1)):
            if k and words[k] in function:
                continue
            if words[k:] and words[k:] not in out:
                out.append(words[k:])
    return out


def body_blocks(doc: Document) -> list[Block]:
    """Running text: no headings, captions or quotations, nor bare keyword lines (EL102 reports those),
    nor blocks that are one link (a 'related pages' list repeats page names by design)."""
    return [b for b in doc.blocks if b.kind in BODY_KINDS and not b.classes & {"alt-text", "link-only"}
            and not (b.kind is BlockKind.PARAGRAPH and _is_bare_line(b.text))]


def _is_bare_line(text: str, max_words: int = 10) -> bool:
    """A short line with no sentence punctuation (a caption-like line, not running text)."""
    return len(text.split()) <= max_words and not SENTENCE_PUNCT_RE.search(text.strip())


def find_repeated_phrases(doc: Document, options: Mapping[str, Any], lex: Lexicon) -> list[Phrase]:
    """Maximal phrases repeated in the body, longest first; shared by EL101 and the metrics."""
    blocks = body_blocks(doc)
    st = build_stream(doc, blocks, lex)
    min_count = options["min-count"]
    min_words = options["min-words"]
    min_content = options["min-content-words"]
    candidates: list[Phrase] = []
    for words, positions in _repeated_ngrams(st, min_words, min_count, options["max-words"]).items():
        candidates.append(Phrase(words, positions, "body"))
    # The title, the headings and the declared keyphrase are candidates even when short.
    sources: list[tuple[str, str, Block | None]] = []
    title_block = _title_block(doc)
    if doc.title:
        sources.append((doc.title, "title", title_block))
    for h in doc.headings():
        if h is not title_block and h.text.strip():
            sources.append((h.text, "heading", h))
    kp = declared_keyphrase(doc, lex)
    if kp:
        sources.append((kp, "keyphrase", None))
    topic = topic_stems(doc, lex)
    declared = tuple(norm(t) for t in TOKEN_RE.findall(kp or "") if t not in BREAK_CHARS)
    body_words = sum(1 for w in st.words if w not in BREAK_CHARS)
    by_first: dict[str, list[int]] = defaultdict(list)
    for i, w in enumerate(st.words):
        by_first[w].append(i)
    seen = {c.words: c for c in candidates}
    for text, kind, block in sources:
        for words in _heading_phrases(text, lex.function, suffixes=kind in ("title", "keyphrase")):
            if words in seen:
                if seen[words].source == "body":  # a long title found as a body phrase: say so
                    seen[words].source, seen[words].origin = kind, block
                continue
            if len(words) < options["min-title-words"]:
                continue
            content = sum(1 for w in words if w not in lex.function and not w.isdigit())
            if content < options["min-title-content-words"]:
                continue
            positions = _find(st, words, by_first)
            if len(positions) >= min_count:
                seen[words] = Phrase(words, positions, kind, block)
                candidates.append(seen[words])
    # When the stuffed headline sits inside a longer repeated sentence that holds only some of its copies,
    # the headline is the finding (all its copies), not the sentence: such a headline goes first.
    counted: dict[int, int] = {}  # counted occurrences, only of the candidates compared here

    def count(c: Phrase) -> int:
        if id(c) not in counted:
            counted[id(c)] = len(_counted(st, len(c.words), c.occurrences))
        return counted[id(c)]

    dominant = {id(h) for h in candidates if h.source in ("title", "keyphrase") and all(
        count(h) > count(c) for c in candidates
        if c.source == "body" and len(c.words) > len(h.words) and _contains(c.words, h.words))}
    candidates.sort(key=lambda p: (id(p) not in dominant, -len(p.words), p.occurrences[0]))
    accepted: list[Phrase] = []
    covered = _Covered(len(st.words))
    for cand in candidates:
        checkpoint()
        n = len(cand.words)
        # Trailing function words are not part of the phrase ("... for your" → "...").
        while n > 1 and cand.words[n - 1] in lex.function:
            n -= 1
        words = cand.words[:n]
        if cand.source == "body":
            if n < min_words or sum(
                    1 for w in words if w not in lex.function and not w.isdigit()) < min_content:
                continue
        if not covered.any_fresh(cand.occurrences, n, min_count):
            continue  # every later test only drops occurrences or lengthens them: it cannot pass
        occ = _once_per_copy(doc, st, _counted(st, n, cand.occurrences))
        if n == len(cand.words) >= options["max-words"]:
            n = _extend(st, occ, n)  # a long pasted passage: grow past max-words while all copies agree
            words = tuple(st.words[occ[0]:occ[0] + n]) if occ else words
        # An occurrence overlapping a longer accepted phrase is part of it (no sub-phrases, no windows
        # sliding along a long pasted passage).
        if len(occ) < min_count or not covered.any_fresh(occ, n, min_count):
            continue
        if not _enough_outside_tables(doc, st, occ, options["min-prose-count"]):
            continue
        if not _beyond_topic(words, len(occ), body_words, topic, declared, lex, options):
            continue
        if cand.source == "body" and _parallel(doc, [st.segments[st.seg_of[i]].block for i in occ]):
            continue
        if all(_whole_block(st, i, len(cand.words)) for i in cand.occurrences):
            # Whole paragraphs repeated: EL103 (duplicate-block) reports those, and their parts with them.
            covered.add(cand.occurrences, len(cand.words))
            continue
        accepted.append(Phrase(words, occ, cand.source, cand.origin))
        covered.add(occ, n)
    for p in accepted:
        p.occurrences = sorted(p.occurrences)
        p.spans = [(st.starts[i], st.ends[i + len(p.words) - 1]) for i in p.occurrences]
    accepted.sort(key=lambda p: (-len(p.occurrences), p.occurrences[0]))
    return accepted


class _Covered:
    """Tokens inside accepted phrases: an occurrence [i, i + n) overlaps one iff it holds a marked token.

    A byte per token makes the overlap test a C-speed ``find`` over n bytes, where a scan of every
    accepted interval made EL101 quadratic on long repetitive text."""

    def __init__(self, size: int) -> None:
        self._marks = bytearray(size)

    def add(self, starts: Iterable[int], n: int) -> None:
        marks = self._marks
        for i in starts:
            j = min(i + n, len(marks))
            if j > i:
                marks[i:j] = b"\x01" * (j - i)

    def any_fresh(self, starts: Iterable[int], n: int, enough: int) -> bool:
        """True when at least ``enough`` of the occurrences overlap no marked token."""
        find = self._marks.find
        fresh = 0
        for i in starts:
            if find(1, i, i + n) < 0:
                fresh += 1
                if fresh >= enough:
                    return True
        return False


def topic_stems(doc: Document, lex: Lexicon) -> frozenset[str]:
    """Content-word stems of the article's title and first top-level heading: what it is about."""
    texts = [doc.title or ""] + [h.text for h in doc.headings() if h.level <= 1][:1]
    return frozenset(lex.stem(w) for t in texts for w in TOKEN_RE.findall(t)
                     if w not in BREAK_CHARS and norm(w) not in lex.function and not w.isdigit())


def _beyond_topic(words: Sequence[str], count: int, body_words: int, topic: frozenset[str],
                  keyphrase: tuple[str, ...], lex: Lexicon, options: Mapping[str, Any]) -> bool:
    """False for the article's own topic said as often as the topic needs.

    A short noun phrase made only of the title's content words is the subject. A name ("vitamin D",
    "hand, foot and mouth disease") or a bare qualifier ("for babies and young children") has no other
    wording and is judged only by its density; a keyphrase with a qualifier ("teething remedies for
    babies") is stuffed from `topic-min-count` occurrences at `topic-density`. A clause ("when do babies
    walk") and the declared SEO keyphrase are never the topic.
    """
    while len(words) > 1 and words[0] in lex.noun_phrase_words:
        words = words[1:]  # "the hand, foot and mouth disease": a determiner is not part of the name
    content = [w for w in words if w not in lex.function and not w.isdigit()]
    if not content or len(words) > options["topic-max-words"] or not topic \
            or not all(lex.stem(w) in topic for w in content) or (keyphrase and _contains(words, keyphrase)):
        return True
    glue = [w for w in words if w in lex.function and w not in lex.noun_phrase_words]
    if any(w not in lex.prepositions for w in glue):
        return True  # a clause: a headline question or sentence pasted again
    per_100 = 100.0 * count / max(body_words, 1)
    if not glue or words[0] in lex.prepositions:
        return per_100 > float(options["topic-name-density"])
    return count >= int(options["topic-min-count"]) and per_100 >= float(options["topic-density"])


def _once_per_copy(doc: Document, st: Stream, occ: list[int]) -> list[int]:
    """Occurrences with those at the same place of a copied block dropped: a paragraph pasted twice is
    EL103's finding, and its phrases are not repeated twice more."""
    seen: set[tuple[str, int]] = set()
    out = []
    squashed: dict[int, str] = doc.cache.setdefault(("repetition", "squashed"), {})
    for i in occ:
        block = doc.blocks[st.segments[st.seg_of[i]].block]
        if block.index not in squashed:  # one block holds many occurrences: even its text out once
            squashed[block.index] = " ".join(block.text.split()).casefold()
        key = (squashed[block.index], st.starts[i] - block.start)
        if key not in seen:
            seen.add(key)
            out.append(i)
    return out


def _parallel(doc: Document, block_ids: Sequence[int]) -> bool:
    """True when each occurrence sits in its own item of one list, or in its own paragraph of sections
    under sibling headings: the phrase is the frame of parallel items ("... should not be given as a main
    drink" for each kind of milk), not a phrase pasted again and again."""
    blocks = [doc.blocks[i] for i in block_ids]
    if len(set(block_ids)) < len(block_ids):
        return False
    lists = {b.list_id for b in blocks}
    if all(b.kind is BlockKind.LIST_ITEM for b in blocks) and len(lists) == 1 and None not in lists:
        return True
    sections = [b.section for b in blocks]
    if None in sections or len(set(sections)) < 2:
        return False
    heads = [doc.blocks[s] for s in sections if s is not None]
    return len({h.level for h in heads}) == 1 and heads[0].level >= 2


def _contains(words: Sequence[str], part: Sequence[str]) -> bool:
    """True when ``part`` is a run of consecutive words inside ``words``."""
    k = len(part)
    return any(tuple(words[i:i + k]) == tuple(part) for i in range(len(words) - k + 1))


def _extend(st: Stream, occ: list[int], n: int) -> int:
    """Length of the phrase at ``occ`` grown to the right while every occurrence goes on alike."""
    while occ and all(i + n < st.segments[st.seg_of[i]].end for i in occ) and \
            len({st.words[i + n] for i in occ}) == 1:
        n += 1
    return n


def _whole_block(st: Stream, i: int, n: int) -> bool:
    """True when the occurrence at token ``i`` is all the words of its block."""
    block = st.segments[st.seg_of[i]].block
    j = i + n - 1
    return (i == 0 or st.segments[st.seg_of[i - 1]].block != block) and \
        (j + 1 >= len(st.words) or st.segments[st.seg_of[j + 1]].block != block)


def _enough_outside_tables(doc: Document, st: Stream, occ: list[int], minimum: int) -> bool:
    """Table rows may repeat a value legitimately; the phrase must also recur in running text."""
    return sum(1 for i in occ
               if doc.blocks[st.segments[st.seg_of[i]].block].kind is not BlockKind.TABLE_CELL) >= minimum


def _title_block(doc: Document) -> Block | None:
    """The heading that is the article's title, if any (cached per document)."""
    key = ("repetition", "title-block")
    if key not in doc.cache:
        doc.cache[key] = _find_title_block(doc)
    return doc.cache[key]  # type: ignore[no-any-return]


def _find_title_block(doc: Document) -> Block | None:
    title = doc.title
    for h in doc.headings():
        if title and _norm_heading(h.text) == _norm_heading(title):
            return h
        if h.level <= 1:
            return None
    return None


def _body_start(doc: Document) -> int:
    """Index of the first top-level heading or sentence of prose (cached: asked for every short line)."""
    key = ("repetition", "body-start")
    if key not in doc.cache:
        doc.cache[key] = next((b.index for b in doc.blocks if b.kind is BlockKind.HEADING and b.level <= 1
                               or b.is_prose and SENTENCE_PUNCT_RE.search(b.text)), len(doc.blocks))
    start: int = doc.cache[key]
    return start


#: The separators of a page title's parts ("Vitamin D | Nutrition | CDC", "Drinks and cups - NHS").
_TITLE_PARTS_RE = re.compile(r"\s+[|\-–—·:]\s+|\s*\|\s*")


def is_title_line(doc: Document, block: Block) -> bool:
    """True for the article's title written as a line: the title heading itself, a line whose first part
    (before ' | ' or ' - ') is the title or a top-level heading, or the metadata title (a scraped page's
    <title> above its H1)."""
    if block is _title_block(doc):
        return True
    if block.kind is not BlockKind.PARAGRAPH or _body_start(doc) < block.index:
        return False  # a title line stands at the top, above the article's heading and text
    names = {_norm_heading(h.text) for h in doc.headings() if h.level <= 1 and h.text.strip()}
    for key in ("title", "og:title"):
        value = doc.metadata.get(key)
        if isinstance(value, str) and value.strip():
            names.add(_norm_heading(value))
    if doc.title:
        names.add(_norm_heading(doc.title))
    whole = _norm_heading(block.text)
    first = _norm_heading(_TITLE_PARTS_RE.split(block.text.strip(), maxsplit=1)[0])
    return bool(names & {whole, first})


def _surface(doc: Document, spans: Sequence[tuple[int, int]]) -> str:
    forms = Counter(" ".join(doc.text[s:e].split()) for s, e in spans)
    return forms.most_common(1)[0][0]


REPEATED_PHRASE_OPTIONS: Mapping[str, Option] = MappingProxyType({
    "min-count": Option(int, 3, "body occurrences that make a phrase repeated"),
    "error-count": Option(int, 0, "occurrences from which the finding is an error; 0 (the default): never, "
                          "repetition does not block publishing"),
    "min-words": Option(int, 5, "shortest phrase (in words) found anywhere in the body"),
    "min-content-words": Option(int, 3, "content words (not function words) such a phrase needs"),
    "min-title-words": Option(int, 3, "shortest phrase taken from the title, a heading or the keyphrase"),
    "min-title-content-words": Option(int, 2, "content words such a title phrase needs"),
    "min-prose-count": Option(int, 2, "occurrences outside table cells a phrase needs"),
    "max-words": Option(int, 40, "longest phrase considered"),
    "topic-max-words": Option(int, 5, "longest phrase of the title's own words judged as the topic"),
    "topic-name-density": Option(float, 5.0, "occurrences per 100 words above which the topic's name "
                                 "(only title words: 'head lice') is stuffed"),
    "topic-min-count": Option(int, 5, "occurrences from which a title keyphrase with other words "
                              "('sleep tips for toddlers') can be stuffed"),
    "topic-density": Option(float, 1.0, "occurrences per 100 words such a keyphrase also needs"),
})


@check_type("repeated-phrase", options=REPEATED_PHRASE_OPTIONS)
def repeated_phrase(ctx: CheckContext) -> Iterator[Hit]:
    """A multi-word phrase (often the headline) pasted into the body again and again."""
    opts = ctx.options
    phrases = ctx.memo(("repetition", "phrases", _opts_key(opts)),
                       lambda: find_repeated_phrases(ctx.doc, opts, ctx.data("repetition")))
    for p in phrases:
        spans = p.spans
        count = len(spans)
        text = _surface(ctx.doc, spans)
        where = {"title": " (from the title)", "heading": " (from a heading)",
                 "keyphrase": " (the focus keyphrase)"}.get(p.source, "")
        severity = Severity.ERROR if 0 < opts["error-count"] <= count else Severity.WARNING
        related = [Span(s, e, f"occurrence {k} of {count}") for k, (s, e) in enumerate(spans, start=1)]
        if p.origin is not None:
            related.append(Span(p.origin.start, max(p.origin.end, p.origin.start + 1), f"the {p.source}"))
        s, e = spans[1]
        yield Hit(s, e, f"the phrase {text!r}{where} appears {count} times in the body; say it once and "
                  "rephrase or delete the other occurrences",
                  related=tuple(related), severity=severity, key=" ".join(p.words),
                  suggestion="keep the most useful occurrence and delete or reword the rest",
                  data={"phrase": " ".join(p.words), "count": count})


def _opts_key(opts: Mapping[str, Any]) -> tuple[Any, ...]:
    return tuple(sorted((k, v if not isinstance(v, list) else tuple(v)) for k, v in opts.items()))


# -- EL102 stray keyword lines ------------------------------------------------------------------------
def title_keywords(doc: Document, lex: Lexicon) -> set[str]:
    texts = [doc.title or ""]
    kp = declared_keyphrase(doc, lex)
    if kp:
        texts.append(kp)
    return {lex.stem(w) for t in texts for w in TOKEN_RE.findall(t)
            if w not in BREAK_CHARS and norm(w) not in lex.function and not w.isdigit()}


def _has_body_below(doc: Document, block: Block) -> bool:
    nxt = doc.blocks[block.index + 1] if block.index + 1 < len(doc.blocks) else None
    return (nxt is not None and nxt.kind in (BlockKind.PARAGRAPH, BlockKind.LIST_ITEM)
            and len(nxt.words()) > 12)


def _may_be_stray(ctx: CheckContext, block: Block) -> bool:
    """EL102's parse cue: a short caption, alt text or paragraph with no sentence punctuation (the lines
    whose verbs it may look at)."""
    if block.kind not in (BlockKind.CAPTION, BlockKind.ALT, BlockKind.PARAGRAPH):
        return False
    text = block.text.strip()
    n = sum(1 for w in TOKEN_RE.findall(text) if w not in BREAK_CHARS)
    return ctx.options["min-words"] <= n <= ctx.options["max-words"] and not SENTENCE_PUNCT_RE.search(text)


@check_type("stray-keyword-line", needs=("parse",), cue=_may_be_stray, options={
    "max-words": Option(int, 10, "longest line (in words) that can be a stray keyword line"),
    "min-words": Option(int, 2, "shortest such line"),
    "min-title-overlap": Option(float, 0.5, "share of the line's content words found in the title"),
    "min-title-keywords": Option(int, 2, "title keywords the line must repeat to count as a keyword line"),
})
def stray_keyword_line(ctx: CheckContext) -> Iterator[Hit]:
    """Short lines with no sentence in them: leaked image captions and SEO keyword lines."""
    doc, opts = ctx.doc, ctx.options
    lex: Lexicon = ctx.data("repetition")
    keywords = title_keywords(doc, lex)
    title_block = _title_block(doc)
    flagged: list[tuple[Block, str, bool]] = []
    for block in doc.blocks:
        if block.kind not in (BlockKind.CAPTION, BlockKind.ALT, BlockKind.PARAGRAPH) or block is title_block:
            continue
        if "link-only" in block.classes or is_title_line(doc, block):
            continue  # a link is a call to action; the page's own title is not a stray line
        text = block.text.strip()
        words = [w for w in TOKEN_RE.findall(text) if w not in BREAK_CHARS]
        if not (opts["min-words"] <= len(words) <= opts["max-words"]):
            continue
        if SENTENCE_PUNCT_RE.search(text) or text.endswith((":", ",", ";", "*")) or "\n" in text:
            continue
        if LIST_MARK_RE.match(text):
            continue  # a list item set apart by blank lines, not a keyword line
        if doc.in_skip_span(block.start, max(block.end, block.start + 1)):  # also one starting at the block
            continue
        first_alpha = next((c for c in text if c.isalpha()), "")
        lower = first_alpha.islower()
        content = [lex.stem(w) for w in words if norm(w) not in lex.function and not w.isdigit()]
        shared = [w for w in content if w in keywords]
        overlap = bool(content) and len(set(shared)) >= opts["min-title-keywords"] and \
            len(shared) / len(content) >= opts["min-title-overlap"]
        figure = block.kind is BlockKind.ALT or (block.kind is BlockKind.CAPTION and doc.format != "text")
        masthead = "masthead" in block.classes
        if figure or masthead:
            flag = overlap and (lower or (masthead and _no_finite_verb(ctx, block)))
        elif lower:
            flag = overlap or _no_finite_verb(ctx, block)
        else:
            flag = overlap and _no_finite_verb(ctx, block) and not _has_body_below(doc, block)
        if flag:
            flagged.append((block, text, overlap))
    same: dict[str, list[Block]] = defaultdict(list)
    for block, text, _ in flagged:
        same[_norm_heading(text)].append(block)
    for block, text, overlap in flagged:
        why = "it repeats the title's keywords" if overlap else "it has no verb and no punctuation"
        copies = [b for b in same[_norm_heading(text)] if b is not block]
        again = f" (the same line stands {len(copies) + 1} times)" if copies else ""
        yield Hit(block.start, block.end,
                  f"stray keyword line {text!r}{again}: {why}, like a leaked image caption or SEO keyword "
                  "line; delete it, or make it a real sentence, heading or caption",
                  related=tuple(Span(b.start, b.end, "the same line") for b in copies),
                  suggestion="delete this line", key=text)


def _no_finite_verb(ctx: CheckContext, block: Block) -> bool:
    sdoc = ctx.spacy(block)
    return not any(t.tag_ in FINITE_TAGS for t in sdoc)


# -- EL103 duplicate blocks ---------------------------------------------------------------------------
def _shingles(words: Sequence[str], k: int) -> set[tuple[str, ...]]:
    if len(words) < k:
        return {tuple(words)} if words else set()
    return set(zip(*(words[i:] for i in range(k)), strict=False))  # shifted copies: shortest one ends it


def _opener_key(phrase: str) -> str:
    return " ".join(norm(t) for t in TOKEN_RE.findall(phrase))


def _summary_opener(text: str, phrases: Sequence[tuple[str, str]]) -> str | None:
    """The first of ``phrases`` (each with its :func:`_opener_key`) that opens ``text``."""
    head = " ".join(norm(t) for t in TOKEN_RE.findall(text[:60]) if t not in BREAK_CHARS or t == ":")
    for p, words in phrases:
        if head == words or head.startswith(words + " "):
            return p
    return None


@check_type("duplicate-block", options={
    "shingle-words": Option(int, 3, "words per shingle"),
    "min-words": Option(int, 12, "shortest block (in words) compared"),
    "jaccard": Option(float, 0.5, "shingle Jaccard similarity from which two blocks say the same"),
    "containment": Option(float, 0.8, "share of the shorter block's shingles found in the longer one"),
    "error-similarity": Option(float, 0.0, "similarity from which the finding is an error (a copy); 0 (the "
                               "default): never, a repeated paragraph does not block publishing"),
    "restatement-max-words": Option(int, 25, "a block this short (one tip) repeated once in each of several "
                                    "sections is a restatement for readers who enter by section, not a "
                                    "copy (0: always report)"),
    "min-summaries": Option(int, 2,
                            "summing-up paragraphs ('In conclusion') that make a repeated conclusion"),
})
def duplicate_block(ctx: CheckContext) -> Iterator[Hit]:
    """Paragraphs that repeat another, and conclusions written several times."""
    doc, opts = ctx.doc, ctx.options
    lex: Lexicon = ctx.data("repetition")
    blocks = [b for b in doc.blocks if b.kind in (BlockKind.PARAGRAPH, BlockKind.LIST_ITEM, BlockKind.QUOTE)]
    # Repeated conclusions.
    summaries: list[tuple[Block, str]] = []
    seen_strong = False
    paras = [b for b in blocks if b.kind is BlockKind.PARAGRAPH]
    strong_keys = [(p, _opener_key(p)) for p in lex.summary_strong]  # once, not once per paragraph
    weak_keys = [(p, _opener_key(p)) for p in lex.summary_weak]
    openers = [(_summary_opener(b.text, strong_keys), _summary_opener(b.text, weak_keys)) for b in paras]
    for k, (b, (strong, weak)) in enumerate(zip(paras, openers, strict=True)):
        # A weak opener ("Overall") counts after a strong one, or next to another summing-up paragraph
        # right before or after (conclusions piling up: "Overall, ..." then "In short, ...").
        piled = any(any(openers[j]) for j in (k - 1, k + 1) if 0 <= j < len(paras))
        if strong or (weak and (seen_strong or piled)):
            summaries.append((b, (strong or weak or "").rstrip(":")))
            seen_strong = seen_strong or bool(strong)
    summary_ids: set[int] = set()
    if len(summaries) >= opts["min-summaries"]:
        summary_ids = {b.index for b, _ in summaries}
        names = Counter(p for _, p in summaries)
        listing = ", ".join(f"{p!r}" + (f" ×{n}" if n > 1 else "") for p, n in names.items())
        b2 = summaries[1][0]
        yield Hit(b2.start, b2.start + len(summaries[1][1]) if summaries[1][1] else b2.end,
                  f"the article sums up {len(summaries)} times ({listing}); keep one conclusion and "
                  "delete or merge the others",
                  related=tuple(Span(b.start, b.end, f"summing-up paragraph ({p!r})") for b, p in summaries
                                if b is not b2),
                  key="summaries:" + listing)
    # Near-duplicate paragraphs: shingles (numbers masked) compared through an inverted index.
    k = opts["shingle-words"]
    sets: dict[int, set[tuple[str, ...]]] = {}
    figures: dict[int, Counter[str]] = {}
    for b in blocks:
        words = [t for t in block_tokens(doc, b).tokens if t not in BREAK_CHARS]
        if len(words) < opts["min-words"]:
            continue
        words, figures[b.index] = _mask_numbers(words, lex.number_words)
        sets[b.index] = _shingles(words, k)
    for members, sim, closest in _near_duplicates(sets, figures, summary_ids, opts):
        if _restatement(doc, members, opts["restatement-max-words"]):
            continue
        first, second = members[0], members[1]
        b2 = doc.blocks[second]
        # An error only for a true copy (same wording both ways), not for a short block inside a long one.
        exact = closest >= 0.9
        error = 0 < opts["error-similarity"] <= closest
        what = "repeats" if exact else "says nearly the same as"
        others = [m for m in members if m != second]
        yield Hit(b2.start, b2.end,
                  f"this {_kind_name(b2)} {what} an earlier one "
                  f"({round(sim * 100)} % of its wording is shared"
                  f"{f', {len(members)} copies' if len(members) > 2 else ''}); delete it or merge the two",
                  related=tuple(Span(doc.blocks[m].start, doc.blocks[m].end,
                                     "first copy" if m == first else "another copy") for m in others),
                  severity=Severity.ERROR if error else Severity.WARNING,
                  key=f"duplicate:{doc.blocks[first].text[:80]}")


def _near_duplicates(sets: Mapping[int, set[tuple[str, ...]]], figures: Mapping[int, Counter[str]],
                     summary_ids: set[int], opts: Mapping[str, Any]) -> list[tuple[list[int], float, float]]:
    """Groups of blocks that say the same (sorted members, best similarity, closest Jaccard), in the
    order of their first member.

    An exact copy (same shingles and figures) of an earlier block joins that block's group with
    similarity 1 and is not compared again: whatever it shares with another block, its original shares
    too. Pairs are therefore counted once per distinct block, so a paragraph pasted hundreds of times
    costs as much as one paste, and the group maxima are folded as the pairs are found."""
    parent: dict[int, int] = {}

    def find(x: int) -> int:
        root = x
        while parent.get(root, root) != root:
            root = parent[root]
        while x != root:  # path compression: long chains of copies stay shallow
            parent[x], x = root, parent[x]
        return root

    pairs: list[tuple[int, int, float, float]] = []  # (j, i, similarity, jaccard)
    index: dict[tuple[str, ...], list[int]] = defaultdict(list)  # shingle -> earlier compared blocks
    first_copy: dict[tuple[frozenset[tuple[str, ...]], frozenset[tuple[str, int]]], int] = {}
    copy_matches = 1.0 >= opts["jaccard"] or 1.0 >= opts["containment"]
    for i, sh in sets.items():
        checkpoint()
        if i not in summary_ids:
            key = (frozenset(sh), frozenset(figures[i].items()))
            j = first_copy.setdefault(key, i)
            if j != i:
                if copy_matches:
                    pairs.append((j, i, 1.0, 1.0))
                    parent[find(i)] = find(j)
                continue
        common: Counter[int] = Counter()
        for s in sh:
            common.update(index[s])
            index[s].append(i)
        for j, c in common.items():
            if i in summary_ids and j in summary_ids:
                continue
            if figures[i] != figures[j]:
                continue  # the same frame with other figures or ages: parallel items, not a copy
            other = sets[j]
            jac = c / (len(sh) + len(other) - c)
            cont = c / min(len(sh), len(other))
            if jac >= opts["jaccard"] or cont >= opts["containment"]:
                pairs.append((j, i, max(jac, cont if cont >= opts["containment"] else 0.0), jac))
                parent[find(i)] = find(j)
    best: dict[int, tuple[float, float]] = {}
    for j, _i, sim, jac in pairs:
        root = find(j)
        old = best.get(root, (0.0, 0.0))
        best[root] = (max(old[0], sim), max(old[1], jac))
    groups: dict[int, list[int]] = defaultdict(list)
    for x in sorted({x for j, i, _, _ in pairs for x in (j, i)}):
        groups[find(x)].append(x)
    return [(members, *best[root]) for root, members in groups.items()]


def _restatement(doc: Document, members: Sequence[int], max_words: int) -> bool:
    """True when a short block (a tip of a sentence or two) stands once in each of different sections."""
    blocks = [doc.blocks[m] for m in members]
    if not max_words or any(len(b.words()) > max_words for b in blocks):
        return False
    sections = [b.section for b in blocks]
    return None not in sections and len(set(sections)) == len(sections)


def _mask_numbers(words: Sequence[str], number_words: frozenset[str]) -> tuple[list[str], Counter[str]]:
    """The words with every number (a token with a digit, a number or age word) as '#', and the numbers."""
    masked, found = [], Counter[str]()
    for w in words:
        # a letter is never a digit: most words need no look at each character
        if w in number_words or (not w.isalpha() and any(c.isdigit() for c in w)):
            masked.append("#")
            found[w] += 1
        else:
            masked.append(w)
    return masked, found


def _kind_name(block: Block) -> str:
    return {BlockKind.LIST_ITEM: "list item", BlockKind.QUOTE: "quotation"}.get(block.kind, "paragraph")


# -- EL104 repeated sentence openings -----------------------------------------------------------------
def faq_blocks(doc: Document, lex: Lexicon) -> set[int]:
    """Indices of blocks inside an FAQ section (under an FAQ heading, at any depth)."""
    stack: list[tuple[int, bool]] = []  # (level, is FAQ)
    out: set[int] = set()
    for b in doc.blocks:
        if b.kind is BlockKind.HEADING:
            level = b.level or 2
            while stack and stack[-1][0] >= level:
                stack.pop()
            stack.append((level, _norm_heading(b.text) in lex.faq_headings))
        if any(faq for _, faq in stack):
            out.add(b.index)
    return out


def _opening(text: str, exceptions: frozenset[str]) -> tuple[str, int] | None:
    """The word(s) a sentence opens with, and where they end (the second word too after 'The', 'This')."""
    words = list(itertools.islice(WORD_ONLY_RE.finditer(text), 2))
    if not words:
        return None
    first = norm(words[0].group())
    if first in exceptions and len(words) > 1:
        return f"{words[0].group()} {words[1].group()}".casefold(), words[1].end()
    return first, words[0].end()


@check_type("repeated-sentence-opening", needs=("sentences",), options={
    "min-run": Option(int, 3, "consecutive sentences opening with the same word that are flagged"),
    "min-run-function-word": Option(int, 4, "the same when the word is a function word ('Some … Some … "
                                    "Some', 'If you … If you', 'I … I'): three in a row is parallel "
                                    "structure"),
    "ignore": Option(list, [], "extra opening words never flagged (lower case)"),
})
def repeated_sentence_opening(ctx: CheckContext) -> Iterator[Hit]:
    """Three or more sentences in a row that open with the same word."""
    doc, opts = ctx.doc, ctx.options
    lex: Lexicon = ctx.data("repetition")
    ignore = {norm(w) for w in opts["ignore"]}
    faq = faq_blocks(doc, lex)
    for block in doc.blocks:
        if block.kind not in (BlockKind.PARAGRAPH, BlockKind.QUOTE) or block.index in faq:
            continue
        if len(SENTENCE_PUNCT_RE.findall(block.text)) < opts["min-run"] - 1:
            continue  # cannot hold enough sentences: spare the parse lookup
        run: list[tuple[str, int, int, int]] = []  # opener, sentence start, opener end, sentence end

        def flush(run: list[tuple[str, int, int, int]]) -> Iterator[Hit]:
            # a repeated noun subject wants a pronoun; repeated pronouns, quantifiers and conjunctions
            # ("Some babies … Some … Some …") are a deliberate triplet until a fourth
            function = bool(run) and " " not in run[0][0] and run[0][0] in lex.function
            needed = opts["min-run-function-word"] if function else opts["min-run"]
            if len(run) >= needed and run[0][0] not in ignore:
                word = doc.text[run[0][1]:run[0][2]]
                yield Hit(run[0][1], run[-1][3],
                          f"{len(run)} sentences in a row start with {word!r}; vary how they open "
                          "(join two of them, or start with the subject or the point)",
                          related=tuple(Span(s, oe, f"sentence {k} starts with {doc.text[s:oe]!r}")
                                        for k, (_, s, oe, _) in enumerate(run, start=1)),
                          key=f"opening:{run[0][0]}:{doc.text[run[0][1]:run[0][3]][:60]}")

        for sent in ctx.sentences(block):
            o = _opening(doc.text[sent.start:sent.end], lex.first_word_exceptions)
            if o is None:
                continue
            item = (o[0], sent.start, sent.start + o[1], sent.end)
            if run and run[-1][0] != item[0]:
                yield from flush(run)
                run = []
            run.append(item)
        yield from flush(run)


# -- EL105 doubled words ------------------------------------------------------------------------------
DOUBLED_RE = re.compile(r"(?<![\w'’-])([^\W\d_]+(?:['’][^\W\d_]+)?)"  # a word, maybe with an apostrophe
                        r"([ \t\u00a0]*\n?[ \t\u00a0]*|[ \t\u00a0]+)"  # spaces, at most one line break
                        r"(\1)(?![\w'’-])",  # the same word again
                        re.IGNORECASE)


@check_type("doubled-word", options={})
def doubled_word(ctx: CheckContext) -> Iterator[Hit]:
    """The same word twice in a row ("the the"), also across a line break or stripped markup."""
    doc = ctx.doc
    lex: Lexicon = ctx.data("repetition")
    for block in doc.iter_blocks():
        for m in DOUBLED_RE.finditer(block.text):
            if not m.group(2):
                continue
            w1, w2 = m.group(1), m.group(3)
            if (norm(w1), norm(w2)) in lex.doubled_allow:
                continue
            if w2[0].isupper() and norm(w2) not in lex.function:
                continue  # a name such as "Walla Walla"
            s, e = block.start + m.start(), block.start + m.end()
            if doc.in_skip_span(s, e):
                continue
            edits: tuple[Edit, ...] = ()
            del_s, del_e = block.start + m.start(2), block.start + m.end(3)
            src_s = doc.source_offset(del_s)
            src_e = doc.source_offset(del_e - 1) + 1
            if doc.source.text[src_s:src_e] == doc.text[del_s:del_e]:
                edits = (Edit(src_s, src_e, "", Applicability.SAFE),)  # deletes an identical copy: safe
            yield Hit(s, e, f"doubled word {w1!r} {w2!r}: delete one", suggestion=f"{w1}",
                      edits=edits, key=m.group().casefold())


# -- EL106 keyword density ----------------------------------------------------------------------------
def declared_keyphrase(doc: Document, lex: Lexicon) -> str | None:
    for key in lex.keyphrase_keys:
        for k, v in doc.metadata.items():
            if norm(str(k)) == key and isinstance(v, str) and v.strip():
                return v.strip()
    return None


def derived_keyphrase(doc: Document, lex: Lexicon, max_words: int = 6) -> str | None:
    """The title's first part ("Newborn Sleep Schedule: The Complete Guide" → newborn sleep schedule)."""
    if not doc.title:
        return None
    part = TITLE_SPLIT_RE.split(doc.title)[0]
    words = [t for t in TOKEN_RE.findall(part) if t not in BREAK_CHARS]
    content = [w for w in words if norm(w) not in lex.function]
    if len(content) < 2 or len(words) > max_words:
        return None
    return " ".join(words)


@dataclass
class Density:
    keyphrase: str | None
    declared: bool
    count: int
    words: int
    density: float | None
    spans: list[tuple[int, int]]
    lemmas: list[tuple[str, int, float, list[tuple[int, int]]]]  # stem, count, share %, spans
    usual: Mapping[str, float] = field(default_factory=dict)  # usual share (%) of common topic words


def compute_density(doc: Document, lex: Lexicon) -> Density:
    title_block = _title_block(doc)
    blocks = [b for b in doc.blocks if b.kind is not BlockKind.CODE and b is not title_block]
    stems: list[str] = []  # word-family keys of every word, in order ("|" marks a sentence break)
    where: list[tuple[int, int]] = []  # absolute span of each entry of ``stems``
    function = lex.function
    counts: Counter[str] = Counter()
    for b in blocks:
        bt = block_tokens(doc, b)
        toks, starts, ends = bt.tokens, bt.starts, bt.ends
        skips = [(s - b.start, e - b.start) for s, e in doc.skip_spans_from(b.start, b.end)]
        if skips:
            keep = [k for k in range(len(toks)) if not any(s < ends[k] and starts[k] < e for s, e in skips)]
            toks, starts, ends = [toks[k] for k in keep], [starts[k] for k in keep], [ends[k] for k in keep]
        base = b.start
        block_stems = ["|" if t in BREAK_CHARS else lex.stem(t) for t in toks]
        stems.append("|")
        where.append((base, base))
        stems.extend(block_stems)
        where.extend((base + a, base + e) for a, e in zip(starts, ends, strict=True))
        counts.update(st_ for t, st_ in zip(toks, block_stems, strict=True)
                      if st_ != "|" and t not in function and len(st_) > 2 and not st_.isdigit())
    total = len(stems) - stems.count("|")
    kp = declared_keyphrase(doc, lex)
    declared = kp is not None
    if kp is None:
        kp = derived_keyphrase(doc, lex)
    spans: list[tuple[int, int]] = []
    if kp:
        target = [lex.stem(w) for w in TOKEN_RE.findall(kp) if w not in BREAK_CHARS]
        n = len(target)
        i = 0
        while n and i + n <= len(stems):
            if stems[i] == target[0] and stems[i:i + n] == target:
                spans.append((where[i][0], where[i + n - 1][1]))
                i += n
            else:
                i += 1
    top = counts.most_common(8) if total else []
    wanted = {w for w, _ in top}
    places: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for st_, sp in zip(stems, where, strict=True):
        if st_ in wanted:
            places[st_].append(sp)
    lemmas = [(w, c, 100.0 * c / total, places[w]) for w, c in top]
    density = round(100.0 * len(spans) / total, 2) if (kp and total) else None
    return Density(kp, declared, len(spans), total, density, spans, lemmas, lex.usual_share)


@check_type("keyword-density", options={
    "max-density": Option(float, 3.0, "keyphrase occurrences per 100 words above which it is stuffed"),
    "min-words": Option(int, 100, "shortest article (in words) checked"),
    "min-occurrences": Option(int, 4, "keyphrase occurrences needed before density is judged"),
    "max-lemma-share": Option(float, 5.0, "percent of all words one content word (any form) may take"),
    "min-lemma-count": Option(int, 15, "occurrences of one content word needed before its share is judged"),
    "far-above-factor": Option(float, 2.0,
                               "a word with a usual share in the data may take this many times it"),
    "max-keyphrase-word-share": Option(float, 8.0,
                                       "percent of all words one word of the keyphrase may take (the "
                                       "topic noun of a short guide, like 'seat' in a car seat guide)"),
    "max-topic-density": Option(float, 6.0, "the same for a keyphrase taken from the title that is a name "
                                "('head lice', 'vitamin D'): the subject has no other wording"),
    "max-paragraph-share": Option(float, 10.0,
                                  "percent of one paragraph's words one content word may take"),
    "min-paragraph-count": Option(int, 5, "occurrences in one paragraph before its share there is judged"),
})
def keyword_density(ctx: CheckContext) -> Iterator[Hit]:
    """The focus keyphrase (or one content word) used far more often than readers need."""
    doc, opts = ctx.doc, ctx.options
    lex: Lexicon = ctx.data("repetition")
    d = ctx.memo(("repetition", "density"), lambda: compute_density(doc, lex))
    if d.words < opts["min-words"]:
        return
    # the whole title (or top heading) is a name ("Head lice"): the subject itself; "Tummy Time: A Guide"
    # is an SEO title
    names = {_norm_heading(doc.title or "")} | {_norm_heading(h.text) for h in doc.headings() if h.level <= 1}
    name = not d.declared and _is_name(d.keyphrase or "", lex) and _norm_heading(d.keyphrase or "") in names
    limit = opts["max-topic-density"] if name else opts["max-density"]
    if d.keyphrase and d.density is not None and d.count >= opts["min-occurrences"] and d.density > limit:
        s, e = d.spans[0]
        kind = "focus keyphrase" if d.declared else "title keyphrase"
        yield Hit(s, e, f"the {kind} {d.keyphrase!r} is {d.density:.1f} % of the words ({d.count} times in "
                  f"{d.words} words); keep it under {limit:g} % by using it less or "
                  "with other wordings",
                  related=tuple(Span(a, b, "keyphrase") for a, b in d.spans[1:]),
                  key=f"keyphrase:{d.keyphrase}")
    kp_stems = {lex.stem(w) for w in TOKEN_RE.findall(d.keyphrase or "")} | topic_stems(doc, lex)
    reported: set[str] = set()
    for word, count, share, spans in d.lemmas:
        limit = max(opts["max-lemma-share"], opts["far-above-factor"] * d.usual.get(word, 0.0))
        if word in kp_stems:
            limit = max(limit, opts["max-keyphrase-word-share"])
        if count < opts["min-lemma-count"] or share <= limit:
            continue
        surface = doc.text[spans[0][0]:spans[0][1]]
        note = " (part of the keyphrase)" if word in kp_stems else ""
        yield Hit(spans[0][0], spans[0][1],
                  f"the word {surface!r}{note} and its forms make {share:.1f} % of the words "
                  f"({count} times); "
                  "use pronouns or other wordings for some of them",
                  severity=Severity.WARNING, key=f"lemma:{word}")
        reported.add(word)
    yield from _paragraph_stuffing(doc, opts, d.usual, kp_stems | reported, lex)


def _is_name(phrase: str, lex: Lexicon) -> bool:
    """A phrase with no function words but those a name may hold ('hand, foot and mouth disease')."""
    return all(norm(w) not in lex.function or norm(w) in lex.noun_phrase_words
               for w in TOKEN_RE.findall(phrase) if w not in BREAK_CHARS)


def _paragraph_stuffing(doc: Document, opts: Mapping[str, Any], usual: Mapping[str, float],
                        skip: set[str], lex: Lexicon) -> Iterator[Hit]:
    """One content word crammed into one paragraph ("phonics songs, phonics cards and phonics apps").

    Keyphrase words (EL101 and the keyphrase density judge those) and words already reported article-wide
    are left out."""
    for b in doc.blocks:
        if b.kind is not BlockKind.PARAGRAPH:
            continue
        bt = block_tokens(doc, b)
        words = [(t, s, e) for t, s, e in zip(bt.tokens, bt.starts, bt.ends, strict=True)
                 if t not in BREAK_CHARS]
        if len(words) < 2 * opts["min-paragraph-count"]:
            continue
        forms: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for t, s, e in words:
            st_ = lex.stem(t)
            if t not in lex.function and len(st_) > 2 and not st_.isdigit():
                forms[st_].append((b.start + s, b.start + e))
        for word, spans in forms.items():
            share = 100.0 * len(spans) / len(words)
            limit = max(opts["max-paragraph-share"], opts["far-above-factor"] * 2 * usual.get(word, 0.0))
            if word in skip or len(spans) < opts["min-paragraph-count"] or share <= limit:
                continue
            surface = doc.text[spans[0][0]:spans[0][1]]
            yield Hit(spans[0][0], spans[0][1],
                      f"the word {surface!r} comes {len(spans)} times in this paragraph of "
                      f"{len(words)} words ({share:.0f} %); say it once or twice and use 'it' or other "
                      "wordings for the rest",
                      related=tuple(Span(s, e, "again") for s, e in spans[1:]),
                      severity=Severity.WARNING, key=f"paragraph-lemma:{word}:{b.text[:40]}")


# -- metrics ------------------------------------------------------------------------------------------
@metric_provider("repetition", category="repetition", options_of="repeated-phrase")
def repetition_metrics(ctx: CheckContext) -> Iterator[Metric]:
    """``repeated_phrases`` (top phrases with counts) and ``keyphrase_density`` (percent of words), with
    the repeated-phrase rule's options (the engine passes them: ``options_of``)."""
    opts = {**{k: o.default for k, o in REPEATED_PHRASE_OPTIONS.items()}, **ctx.options}
    phrases = ctx.memo(("repetition", "phrases", _opts_key(opts)),
                       lambda: find_repeated_phrases(ctx.doc, opts, ctx.data("repetition")))
    top = [{"phrase": _surface(ctx.doc, p.spans), "count": len(p.spans)} for p in phrases[:5]]
    yield Metric("repeated_phrases", top)
    d = ctx.memo(("repetition", "density"), lambda: compute_density(ctx.doc, ctx.data("repetition")))
    yield Metric("keyphrase_density", d.density)
    yield Metric("keyphrase", d.keyphrase)
