"""One sentence segmentation for every family, the readability metrics and the spaCy pipeline.

Sentences come from a cheap rule-based splitter (the ``sentencex`` package, with the corrections in
``rules/data/segmentation.toml``), never from the parser: families agree on what a sentence is, and a
check that only needs sentences never loads spaCy. When spaCy runs, ``editlint.nlp`` hands it these
boundaries before its parser, so ``Doc.sents`` are the same sentences.

A block's text can also hold *labels*: a heading or a bold label run into the text that follows it
("**Sleep** By six months…", a "##Sleep" line with no blank line after it). A label is a segment of its
own but not a sentence: readability does not count its words, EL4 still reads it as evidence.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Annotated

from pydantic import ConfigDict, Field, StringConstraints

from .datafile import DataModel, load_model, rules_dir
from .document import Block, Document

DATA = "data/segmentation.toml"
LANGUAGE = "en"


@dataclass(frozen=True)
class Segment:
    """A sentence or a label, as offsets into the text it was split from (whitespace trimmed)."""

    start: int
    end: int
    label: bool = False


@dataclass(frozen=True)
class Rules:
    """The corrections on top of the base splitter (``rules/data/segmentation.toml``)."""

    before_anything: frozenset[str]
    before_number: frozenset[str]
    before_name: frozenset[str]
    max_words: int
    max_plain_words: int
    open_words: frozenset[str]
    minor_words: frozenset[str]
    openers: frozenset[str] = frozenset()

    @classmethod
    def of(cls, data: Segmentation) -> Rules:
        """The corrections from validated data (shipped file plus any pack's ``[data.segmentation]``)."""
        abbr, heading = data.abbreviations, data.heading_line
        return cls(
            before_anything=_folded(abbr.before_anything), before_number=_folded(abbr.before_number),
            before_name=_folded(abbr.before_name),
            max_words=heading.max_words, max_plain_words=heading.max_plain_words,
            open_words=_folded(heading.open_words), minor_words=_folded(heading.minor_words),
            openers=_folded(abbr.sentence_openers),
        )


Word = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


class _Abbreviations(DataModel):
    model_config = ConfigDict(alias_generator=lambda name: name.replace("_", "-"))

    before_anything: list[Word]
    before_number: list[Word]
    before_name: list[Word]
    sentence_openers: list[Word] = Field(default_factory=list)


class _HeadingLine(DataModel):
    model_config = ConfigDict(alias_generator=lambda name: name.replace("_", "-"))

    max_words: int = Field(ge=1)
    max_plain_words: int = Field(ge=1)
    open_words: list[Word]
    minor_words: list[Word]


class Segmentation(DataModel):
    """``segmentation``: abbreviations the splitter must not end a sentence after, and what makes a short
    line a heading run into the next one."""

    abbreviations: _Abbreviations
    heading_line: _HeadingLine = Field(alias="heading-line")


def _folded(words: Iterable[str]) -> frozenset[str]:
    return frozenset(w.casefold() for w in words)


def build_rules(data: Segmentation, _source: object) -> Rules:
    """The registry's data object ``segmentation`` (a ``DataSchema`` build: packs' extensions included)."""
    return Rules.of(data)


@functools.lru_cache(maxsize=1)
def shipped() -> Rules:
    """The shipped data alone, read once per process: for text segmented with no registry at hand (a
    hand-built document, a check's own snippet). Read through the data layer, not the registry."""
    return Rules.of(load_model(rules_dir() / DATA, Segmentation, origin=f"rules/{DATA}"))


#: Where a document keeps the segmentation data it is split with (``use``).
_RULES_KEY = ("segment", "rules")


def use(doc: Document, rules: Rules | None) -> None:
    """Split ``doc`` with ``rules`` (the running registry's data, packs included; None: the shipped data).
    The engine calls this once a document is read, before its sentences are asked for; a document never
    given any uses the shipped data. Segments already computed with other data are dropped."""
    if doc.cache.get(_RULES_KEY) is rules:
        return
    for key in [k for k in doc.cache if isinstance(k, tuple) and k[:1] == ("segments",)]:
        del doc.cache[key]
    doc.cache[_RULES_KEY] = rules


def rules_of(doc: Document) -> Rules:
    """The segmentation data ``doc`` is split with (see ``use``)."""
    found = doc.cache.get(_RULES_KEY)
    return found if isinstance(found, Rules) else shipped()


# -- text only ---------------------------------------------------------------------------------------------
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
#: A line that finishes a sentence: a sentence mark, maybe inside closing quotes, brackets or emphasis.
_LINE_DONE = re.compile(r"[.!?…:;]['\"’”)\]*_]*\s*$")
#: Markup and punctuation a line or sentence may open with before its first letter.
_LEAD = re.compile(r"[\s#>*_\"'“‘(\[•·–—-]*")
#: The word before a sentence's final full stop ("approx" in "approx.", "e.g" in "e.g.").
_LAST_WORD = re.compile(r"(?<![\w.])([^\W\d_][\w.]*?)\.['\"’”)\]*_]*$")


def split(text: str, labels: Iterable[tuple[int, int]] = (), rules: Rules | None = None) -> list[Segment]:
    """Segments of ``text``: its sentences, and the given label spans plus any heading line run into the
    next line (``label=True``). Offsets are into ``text``; every segment is trimmed and non-empty.
    ``rules``: the segmentation data (default: the shipped data)."""
    r = rules or shipped()
    spans = sorted(set(labels) | set(heading_lines(text, r)))
    out: list[Segment] = []
    pos = 0
    for lo, hi in spans:
        if lo < pos:
            continue
        out += [Segment(s, e) for s, e in _sentences(text, pos, lo, r)]
        out.append(Segment(lo, hi, label=True))
        pos = hi
    out += [Segment(s, e) for s, e in _sentences(text, pos, len(text), r)]
    return [s for s in out if s.end > s.start]


def sentences(text: str, rules: Rules | None = None) -> list[tuple[int, int]]:
    """The sentence spans of a text with no markup at hand (labels left out)."""
    return [(s.start, s.end) for s in split(text, rules=rules) if not s.label]


def _trim(text: str, lo: int, hi: int) -> tuple[int, int]:
    while lo < hi and text[lo].isspace():
        lo += 1
    while hi > lo and text[hi - 1].isspace():
        hi -= 1
    return lo, hi


#: A line that is a list item inside a block ("1. Wash", "- soap", "• a towel"): it starts a new sentence.
_LIST_LINE = re.compile(r"(?m)^[ \t]*(?:[-*+•·▪◦‣]|\d{1,3}[.)])[ \t]+(?=\S)")
_MARKER_ONLY = re.compile(r"^\W*(?:\d{1,3}[.)]|[-*+•·▪◦‣])\W*$")


def _sentences(text: str, lo: int, hi: int, r: Rules) -> list[tuple[int, int]]:
    """Sentences of ``text[lo:hi]``: each list line on its own, then the base splitter's sentences."""
    cuts = [m.start() for m in _LIST_LINE.finditer(text, lo, hi) if m.start() > lo]
    out: list[tuple[int, int]] = []
    for a, b in zip([lo, *cuts], [*cuts, hi], strict=True):
        out += _split_run(text, a, b, r)
    return out


def _split_run(text: str, lo: int, hi: int, r: Rules) -> list[tuple[int, int]]:
    """The base splitter's sentences of ``text[lo:hi]``, with the data's corrections applied."""
    lo, hi = _trim(text, lo, hi)
    if lo >= hi:
        return []
    import sentencex

    chunk = text[lo:hi]
    found = {int(b["start_index"]) for b in sentencex.get_sentence_boundaries(LANGUAGE, chunk)}
    cuts = sorted((found | _word_stops(chunk, r)) - {0})
    out: list[tuple[int, int]] = []
    start = 0
    for cut in [*cuts, len(chunk)]:
        if cut <= start or cut > len(chunk):
            continue
        if out and _continues(chunk, out[-1], start, cut, r):
            out[-1] = (out[-1][0], cut)
        else:
            out.append((start, cut))
        start = cut
    return [t for t in (_trim(text, lo + s, lo + e) for s, e in out) if t[1] > t[0]]


#: A full stop after a plain word, then space: a break unless the word is one of the data's abbreviations.
_WORD_STOP = re.compile(r"(?<![\w.])([^\W\d_]{2,})\.['\"’”)\]]*\s+")


#: A dotted initialism ("U.S.", "a.m.") ending a sentence, then space.
_INITIALISM_STOP = re.compile(r"(?<![\w.])((?:[^\W\d_]\.){2,})['\"’”)\]]*\s+")
#: An ellipsis, then space: the writer's pause, or a sentence end when a capital follows.
_ELLIPSIS_STOP = re.compile(r"(?:\.{3}|…)['\"’”)\]]*\s+")
#: The first word of what follows a break.
_NEXT_WORD = re.compile(r"[\s\"'“‘(\[*_]*([^\W\d_]+)")


def _word_stops(chunk: str, r: Rules) -> set[int]:
    """Breaks after a word the base splitter takes for an abbreviation ("ill", "may", "no", "etc") when
    a capital follows. Only the data's abbreviations keep the sentence going there. Also after a dotted
    initialism when a sentence opener follows ("in the U.S. Simply…", not "the U.S. Army"), and after an
    ellipsis before a capital ("I was tired... I stopped")."""
    keep = r.before_anything | r.before_name
    out: set[int] = set()
    for m in _WORD_STOP.finditer(chunk):
        if m.group(1).casefold() not in keep and _first_char(chunk[m.end():]).isupper():
            out.add(m.end())
    for m in _INITIALISM_STOP.finditer(chunk):
        if m.group(1)[:-1].casefold() not in keep and _opens_after_initialism(chunk[m.end():], r):
            out.add(m.end())
    out.update(m.end() for m in _ELLIPSIS_STOP.finditer(chunk) if _first_char(chunk[m.end():]).isupper())
    return out


def _opens_after_initialism(rest: str, r: Rules) -> bool:
    """Whether ``rest`` opens a new sentence after an initialism: a capitalised sentence opener of the
    data (a pronoun, determiner, conjunction...) or an -ly adverb ("Sadly"), not a name ("U.S. Army")."""
    m = _NEXT_WORD.match(rest)
    if m is None or not m.group(1)[:1].isupper():
        return False
    word = m.group(1)
    return word.casefold() in r.openers or (len(word) > 4 and word.endswith("ly") and word[1:].islower())


def _first_char(text: str) -> str:
    m = _LEAD.match(text)
    rest = text[m.end():] if m else text
    return rest[:1]


def _continues(chunk: str, prev: tuple[int, int], start: int, end: int, r: Rules) -> bool:
    """True when the break before ``chunk[start:end]`` is not a sentence end: the next part opens in lower
    case or has no word at all, or the previous part ends with an abbreviation that takes what follows."""
    nxt = chunk[start:end]
    first = _first_char(nxt)
    before = chunk[prev[0]:start].rstrip()
    if not any(c.isalnum() for c in nxt) or first.islower() or _MARKER_ONLY.match(before):
        return True  # "2." of a numbered line is not a sentence of its own
    m = _LAST_WORD.search(before)
    if m is None:
        return False
    word = m.group(1).casefold()
    if word in r.before_anything:
        return True
    if word in r.before_number and first.isdigit():
        return True
    return word in r.before_name and first.isupper()


def heading_lines(text: str, rules: Rules | None = None) -> list[tuple[int, int]]:
    """Lines that are a heading or label run into the next line of the same block (trimmed spans)."""
    r = rules or shipped()
    lines: list[tuple[int, int]] = []
    pos = 0
    for part in text.split("\n"):
        lines.append((pos, pos + len(part)))
        pos += len(part) + 1
    out: list[tuple[int, int]] = []
    prev_done = True
    for i, (lo, hi) in enumerate(lines):
        line = text[lo:hi]
        glued = _glued_heading(line)
        if glued:  # "##Sleep By six months…": a heading that lost its space and its line break
            out.append(_trim(text, lo, lo + glued))
            prev_done = bool(_LINE_DONE.search(line))
            continue
        is_label = i + 1 < len(lines) and prev_done and line.strip() != "" and not _LIST_LINE.match(line) \
            and _heading_like(line, r) and _opens_sentence(text[lines[i + 1][0]:lines[i + 1][1]])
        if is_label:
            out.append(_trim(text, lo, hi))
        if line.strip():
            prev_done = is_label or bool(_LINE_DONE.search(line))
    return out


_HASH_START = re.compile(r"^[ \t]*#{1,6}(?=[^\s#])")


def _glued_heading(line: str) -> int:
    """Where a "#"-heading with no space ends when a sentence follows on its line: at the first capitalised
    word after the first that a lower-case word follows ("##Naps By nine months most…" -> "##Naps",
    "##Bath time Fill the tub" -> "##Bath time"; a title's own "Tips for" is no sentence start). 0 if
    the line is not such a heading or is all heading."""
    m = _HASH_START.match(line)
    if m is None:
        return 0
    words = [w.group() for w in _WORD.finditer(line, m.end())]
    starts = [w.start() for w in _WORD.finditer(line, m.end())]
    for k in range(1, len(words) - 1):
        nxt = words[k + 1]
        if words[k][0].isupper() and nxt[0].islower() and nxt.casefold() not in _TITLE_LINKS:
            return starts[k]
    return 0


#: Lower-case words inside a title ("Tips for Toddlers", "Time to Sleep"): no sentence starts before them.
_TITLE_LINKS = frozenset({"at", "for", "to", "of", "in", "on", "with", "from", "by", "vs", "and", "or",
                          "per"})


def _opens_sentence(line: str) -> bool:
    first = _first_char(line)
    return first.isupper() or first.isdigit()


def _heading_like(line: str, r: Rules) -> bool:
    """A short line with no sentence mark whose last word cannot end a sentence fragment."""
    stripped = line.strip()
    if _LINE_DONE.search(stripped) and not stripped.endswith(":"):
        return False
    if stripped.endswith((",", "-", "–", "—", "/", "&", "+")):
        return False
    words = _WORD.findall(stripped)
    if not words or len(words) > r.max_words or words[-1].casefold() in r.open_words:
        return False
    if stripped.startswith("#") or len(words) <= r.max_plain_words:
        return True
    return all(w[0].isupper() or w[0].isdigit() or w.casefold() in r.minor_words for w in words)


# -- a document's blocks ---------------------------------------------------------------------------------
_MD_OPEN = re.compile(r"(\*\*|__)\s*$")
_HTML_OPEN = re.compile(r"<(strong|b)\b[^>]*>\s*$", re.IGNORECASE)


def markup_labels(doc: Document, block: Block) -> list[tuple[int, int]]:
    """Bold labels at the start of the block or of one of its lines ("**Sleep** By six months…",
    "<b>Note:</b> this page…"), as spans relative to the block. A bold sentence is not a label, nor is
    bold emphasis that the sentence goes on from in lower case ("**Never** leave…")."""
    out: list[tuple[int, int]] = []
    max_words = rules_of(doc).max_words
    starts = [0] + [m.end() for m in re.finditer("\n", block.text)]
    for p in starts:
        p = _trim(block.text, p, len(block.text))[0]
        end = _bold_end(doc, block, p)
        if end is None:
            continue
        label = block.text[p:end].rstrip()
        rest = block.text[end:]
        words = _WORD.findall(label)
        if not words or len(words) > max_words or not rest.strip():
            continue
        if label.endswith(":") or (not _LINE_DONE.search(label) and _opens_sentence(rest)):
            out.append((p, p + len(label)))
    return out


def _opener_window(src: str, so: int) -> str:
    """The end of the line before ``so`` that can hold a bold opener (``**``, ``<b …>``) and the spaces
    after it: the same matches as the whole line before ``so``, without copying or scanning a long line
    (a one-line HTML page made every block read everything before it: quadratic)."""
    t = so
    while t > 0 and src[t - 1] != "\n" and src[t - 1].isspace():
        t -= 1
    if t == 0 or src[t - 1] == "\n":
        return src[t:so]  # only spaces since the line's start
    if src[t - 1] != ">":
        return src[max(t - 2, 0):so]  # "**" or "__" must end right before the spaces
    after_tag = src.rfind(">", 0, t - 1) + 1  # "<b ...>" holds no other ">": it starts after this one
    return src[max(after_tag, src.rfind("\n", after_tag, t - 1) + 1):so]


def _bold_end(doc: Document, block: Block, p: int) -> int | None:
    """The block-relative end of a bold span that opens at ``p``, else None."""
    src = doc.source.text
    so = doc.source_offset(block.start + p)
    before = _opener_window(src, so)
    md = _MD_OPEN.search(before)
    if md:
        close = src.find(md.group(1), so)
        if close < 0 or "\n" in src[so:close]:
            return None
    else:
        tag = _HTML_OPEN.search(before)
        if tag is None:
            return None
        m = re.compile(rf"</{tag.group(1)}\s*>", re.IGNORECASE).search(src, so)
        if m is None:
            return None
        close = m.start()
    lo, hi = block.start + p, block.end
    i = bisect.bisect_left(doc.origin, close, lo, hi)  # origin is non-decreasing within a block
    return i - block.start if lo < i < hi else None


def block_segments(doc: Document, block: Block) -> list[Segment]:
    """The block's segments relative to ``block.text`` (computed once per document and block)."""
    key = ("segments", block.index)
    cached = doc.cache.get(key)
    if cached is None:
        cached = split(block.text, markup_labels(doc, block), rules_of(doc))
        doc.cache[key] = cached
    return list(cached)


def block_sentences(doc: Document, block: Block) -> list[tuple[int, int]]:
    """The block's sentences as absolute offsets into ``doc.text`` (labels left out)."""
    return [(block.start + s.start, block.start + s.end) for s in block_segments(doc, block) if not s.label]
