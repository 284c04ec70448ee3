"""Readability (EL2xx): audience-aware scores on prose only, and the sentences that drag them down.

Scores use textstat (English, set explicitly) over the article's *prose* — the sentences of paragraphs,
list items and quotes — never headings, captions, table cells or code. Sentence boundaries are
spaCy's (``ctx.sentences``), the ones every family uses: each sentence is handed to textstat with
exactly one terminal mark, so textstat's own sentence count equals spaCy's (checked on every run).
Sentences of fewer than three words ("Call 911.", "Myth:") are left out of the formulas, because
textstat would count their words but not the sentence, and that would skew the averages.

Audience profiles (``rules/data/audiences.toml``) say how hard an article may be; the configuration
key ``audience`` picks one. The substitution list for plain words is ``rules/data/plain-words.toml``.
textstat is imported lazily, so ``import editlint`` and runs without a readability rule never load it.
"""

from __future__ import annotations

import functools
import importlib
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any, NamedTuple

from .. import datamodels as models
from ..api import DataSchema, DataSource
from ..datafile import validate_data
from ..document import URL_RE, WORD_RE, Block, BlockKind, Document
from ..errors import ConfigError
from ..findings import Edit, Severity
from .base import CheckContext, ConfigSection, Hit, Metric, Option, Span, check_type, metric_provider

#: textstat's language: American English (cmudict syllables, Dale–Chall easy words, en formulas).
LANGUAGE = "en_US"
#: textstat ignores a "sentence" of this many words or fewer when it counts sentences.
TEXTSTAT_MIN_WORDS = 3


# A run of terminal marks at the very end of a sentence, optionally followed by closing quotes/brackets.
_TERMINAL_END = re.compile(r"[.!?]+[\"'”’»)\]]*$")
_INTERNAL_TERMINAL = re.compile(r"[.!?]")


def _textstat() -> Any:
    """textstat, imported on first use with its language set explicitly (it reads no network data)."""
    import textstat

    from ..syllables import install

    textstat.set_lang(LANGUAGE)
    install(textstat)  # the same CMU dictionary, loaded three times faster
    if not getattr(textstat, "_editlint_word_caches", False):
        _roomy_word_caches()
        textstat._editlint_word_caches = True
        textstat._editlint_syllables = WordSyllables.of_textstat()
    return textstat


#: Entries of the per-word caches :func:`_roomy_word_caches` gives textstat (the words of many articles).
WORD_CACHE = 1 << 16
#: textstat's per-word functions (module, name) that its article-level scores call once per word.
_PER_WORD = (("textstat.backend.counts._count_polysyllable_words", "count_syllables"),
             ("textstat.backend.counts._count_monosyllable_words", "count_syllables"),
             ("textstat.backend.validations._is_difficult_word", "count_syllables"),
             ("textstat.backend.metrics._linsear_write_formula", "count_syllables"),
             ("textstat.backend.selections._list_difficult_words", "is_difficult_word"))


def _roomy_word_caches() -> None:
    """Give textstat's per-word look-ups caches that hold an article's words.

    textstat memoises every function in 128 entries, fewer than an article's distinct words, so the SMOG,
    Gunning fog and Dale–Chall scores worked each word's syllables and difficulty out again, word after
    word (95,000 syllable counts for 40 articles: two thirds of the article scores' CPU, 1.7 s -> 0.55 s).
    The same functions with larger caches give the same results. Another textstat layout is left alone."""
    made: dict[int, Any] = {}
    for module_name, name in _PER_WORD:
        try:
            module = importlib.import_module(module_name)
        except ImportError:  # pragma: no cover - textstat is pinned
            continue
        func = getattr(module, name, None)
        inner = getattr(func, "__wrapped__", None)
        if func is None or inner is None:  # pragma: no cover - textstat is pinned
            continue
        if id(func) not in made:
            made[id(func)] = functools.lru_cache(maxsize=WORD_CACHE)(inner)
        setattr(module, name, made[id(func)])


#: Distinct words whose syllables a :class:`WordSyllables` keeps (bounded: a long run meets ever more words).
SYLLABLE_MEMO = 1 << 16


class WordSyllables:
    """textstat's ``syllable_count(text)``, each distinct word worked out once (kept on the textstat module
    by :func:`_textstat`, beside its roomier per-word caches).

    textstat counts a text's syllables word by word (its words by ``list_words(text, lowercase=True)``;
    a word's count is the stressed phones of its first CMU pronunciation, else pyphen's hyphenation points
    plus one), but caches whole texts only, so every sentence looked all its words up again (a third of
    EL2's CPU). Same counts (tested against textstat)."""

    def __init__(self, module: Any) -> None:
        self.module = module  # textstat.backend.counts._count_syllables
        self.memo: dict[str, int] = {}

    @classmethod
    def of_textstat(cls) -> WordSyllables | None:
        """The counter for the installed textstat, or None if its layout is not the one followed here."""
        try:
            module = importlib.import_module("textstat.backend.counts._count_syllables")
        except ImportError:  # pragma: no cover - textstat is pinned
            return None
        names = ("list_words", "get_cmudict", "get_pyphen")
        return cls(module) if all(callable(getattr(module, n, None)) for n in names) else None

    def count(self, text: str) -> int:
        total = 0
        memo = self.memo
        for word in self.module.list_words(text, lowercase=True):
            n = memo.get(word)
            if n is None:
                if len(memo) >= SYLLABLE_MEMO:
                    memo.clear()
                n = memo[word] = self._word(word)
            total += n
        return total

    def _word(self, word: str) -> int:
        """One word's syllables as textstat's ``count_syllables`` counts them (its loop body)."""
        try:
            phones = self.module.get_cmudict(LANGUAGE)[word][0]
            return sum(1 for p in phones if p[-1].isdigit())
        except (TypeError, IndexError, KeyError):
            return len(self.module.get_pyphen(LANGUAGE).positions(word)) + 1


def syllable_count(ts: Any, text: str) -> int:
    """textstat's ``syllable_count(text)`` through its :class:`WordSyllables` when :func:`_textstat` gave it
    one, else textstat's own."""
    counter = getattr(ts, "_editlint_syllables", None)
    return counter.count(text) if isinstance(counter, WordSyllables) else int(ts.syllable_count(text))


# -- audience profiles -----------------------------------------------------------------------------
@dataclass(frozen=True)
class Audience:
    """How hard an article may be for one readership."""

    name: str
    description: str
    max_grade: float  # highest Flesch–Kincaid grade
    min_ease: float  # lowest Flesch Reading Ease
    sources: tuple[str, ...] = ()
    sentence_info_words: int = 25  # EL202: a sentence over this is noted (info)
    sentence_warning_words: int = 39  # EL202: over this it is a warning (never an error)


def _audience(name: str, data: models.Audience) -> Audience:
    return Audience(name, data.description, data.max_grade, data.min_ease, tuple(data.sources),
                    data.sentence_info_words, data.sentence_warning_words)


def build_audiences(data: models.Audiences, source: DataSource) -> Mapping[str, Audience]:
    """The ``audiences`` data object: the shipped profiles and the packs' (``ctx.data("audiences")``)."""
    return MappingProxyType({name: _audience(name, raw) for name, raw in data.audience.items()})


AUDIENCES_DATA = DataSchema("audiences", models.Audiences, build_audiences)


#: ``[tool.editlint.readability]``: a publisher's own audience profiles, beside the shipped ones.
READABILITY_CONFIG = ConfigSection("readability", {
    "audiences": Option(dict, {}, "extra audience profiles: NAME = { max-grade = 6, min-ease = 70 }"),
}, help="Readability (EL2xx) settings; the profile itself is picked by the core key `audience`.")


def audience_for(ctx: CheckContext) -> Audience:
    """The profile named by the configuration's ``audience``; ConfigError naming the known ones."""
    config = ctx.config
    profiles: dict[str, Audience] = dict(ctx.data("audiences"))
    extra = ctx.section("readability").get("audiences") or {}
    for name, raw in extra.items():
        at = ("readability", "audiences", name)
        profiles[name] = _audience(name, validate_data(raw, models.Audience, origin=config.path, at=at))
    name = config.audience
    if name not in profiles:
        raise ConfigError(f"audience: unknown audience profile {name!r} (known profiles: "
                          f"{', '.join(sorted(profiles))}; see rules/data/audiences.toml or add one under "
                          "[tool.editlint.readability.audiences])", path=config.path)
    return profiles[name]


# -- prose sentences and their scores --------------------------------------------------------------
class Counts(NamedTuple):
    """What textstat's Flesch formulas read from a text: its sentences, words and syllables.

    They add up: sentences from :func:`for_textstat` joined by spaces count as the sum of their counts
    (textstat counts words and syllables word by word, and each sentence ends in one terminal mark), so a
    section's or the article's grade comes from its sentences' counts, each sentence counted once, instead
    of textstat reading the joined text again for the article and for every section (tested equal)."""

    sentences: int = 0
    words: int = 0
    syllables: int = 0


def total(counts: Iterable[Counts]) -> Counts:
    s = w = y = 0
    for c in counts:
        s, w, y = s + c.sentences, w + c.words, y + c.syllables
    return Counts(s, w, y)


def flesch(c: Counts) -> tuple[float, float]:
    """(Flesch reading ease, Flesch–Kincaid grade) from counts: textstat 0.7.8's English formulas with the
    same operations in the same order, so the same floats as textstat on the text (tested)."""
    per_sentence = c.words / c.sentences if c.sentences else 0.0
    per_word = c.syllables / c.words if c.words else 0.0
    if per_sentence == 0 or per_word == 0:
        return 0.0, 0.0
    return (206.835 - 1.015 * per_sentence - 84.6 * per_word,
            0.39 * per_sentence + 11.8 * per_word - 15.59)


def grade_and_ease(c: Counts) -> dict[str, float] | None:
    """:func:`scores` with ``full=False`` from counts; None without a sentence."""
    if not c.sentences:
        return None
    ease, grade = flesch(c)
    return {"flesch_reading_ease": round(float(ease), 1), "flesch_kincaid_grade": round(float(grade), 1)}


@dataclass(frozen=True)
class Sentence:
    """One spaCy sentence of a prose block, with the text textstat sees."""

    start: int
    end: int
    block: Block
    text: str  # skip spans replaced, whitespace folded, exactly one terminal mark at the end
    words: int  # words by the document's own word pattern (what messages and limits count)
    scored: bool  # long enough for textstat to count it as a sentence
    counts: Counts = Counts()  # what textstat's grade and ease read in it (if scored)


def plain_text(doc: Document, start: int, end: int) -> str:
    """``doc.text[start:end]`` with URLs read as one word ("link") and whitespace folded."""
    parts: list[str] = []
    pos = start
    for s, e in doc.skip_spans_near(start, end):  # not all of them, sorted again for every sentence
        if e <= start or s >= end:
            continue
        s, e = max(s, start), min(e, end)
        parts.append(doc.text[pos:s])
        chunk = doc.text[s:e]
        parts.append(" link " if URL_RE.fullmatch(chunk.strip()) else chunk)
        pos = e
    parts.append(doc.text[pos:end])
    return re.sub(r"\s+", " ", "".join(parts)).strip()


def for_textstat(text: str) -> str:
    """The sentence with one terminal mark at its end and none inside, so textstat counts it once.

    Inner marks ("3.5 kg", "Dr. Lee", a "?" spaCy kept inside) become commas: textstat strips both
    before counting words, letters and syllables, so only its sentence count changes.
    """
    m = _TERMINAL_END.search(text)
    if m:
        return _INTERNAL_TERMINAL.sub(",", text[: m.start()]) + text[m.start():]
    return _INTERNAL_TERMINAL.sub(",", text).rstrip(" ,;:—–-") + "."


#: Words as editors count them: the document's word pattern, with decimals ("2.5", "1,000") as one word.
WORDS_RE = re.compile(r"\d+(?:[.,]\d+)+|" + WORD_RE.pattern, re.UNICODE)


def count_words(text: str) -> int:
    return len(WORDS_RE.findall(text))


#: Headings of reference lists: citations are not prose to read, so no EL2xx figure counts them.
REFERENCE_HEADING = re.compile(
    r"^\W*(?:sources?|references?|further reading|bibliography|citations?|works cited)\b", re.IGNORECASE)


def reading_blocks(doc: Document) -> list[Block]:
    """Prose blocks (paragraphs, list items, quotes) outside reference-list sections; a block that is
    one link ("More about head lice", a related page) is navigation, not prose."""
    out = []
    for b in doc.prose_blocks():
        if b.section is not None and REFERENCE_HEADING.match(doc.blocks[b.section].text):
            continue
        if "link-only" in b.classes:
            continue
        out.append(b)
    return out


def in_prose(ctx: CheckContext, block: Block) -> bool:
    """Whether ``block`` is one of the prose blocks whose sentences the family reads (EL205's parse cue)."""
    def compute() -> frozenset[int]:
        return frozenset(b.index for b in reading_blocks(ctx.doc) if b.text.strip())

    indices: frozenset[int] = ctx.memo(("readability", "prose blocks"), compute)
    return block.index in indices


def prose_sentences(ctx: CheckContext) -> list[Sentence]:
    """Every sentence of the article's prose blocks, in order (computed once per document)."""

    def compute() -> list[Sentence]:
        ts = _textstat()
        out: list[Sentence] = []
        for block in reading_blocks(ctx.doc):
            if not block.text.strip():
                continue
            for span in ctx.sentences(block):
                raw = plain_text(ctx.doc, span.start, span.end)
                words = count_words(raw)
                if not words:
                    continue
                text = for_textstat(raw)
                counts = Counts(1, ts.lexicon_count(text), 0)
                scored = counts.words >= TEXTSTAT_MIN_WORDS
                if scored:
                    counts = counts._replace(syllables=syllable_count(ts, text))
                out.append(Sentence(span.start, span.end, block, text, words, scored, counts))
        return out

    result: list[Sentence] = ctx.memo(("readability", "sentences"), compute)
    return result


SCORE_NAMES = ("flesch_reading_ease", "flesch_kincaid_grade", "gunning_fog", "smog_index",
               "coleman_liau_index", "automated_readability_index", "dale_chall", "consensus_grade")


def scores(texts: Sequence[str], *, full: bool = True) -> dict[str, float] | None:
    """textstat scores of these sentences (each from :func:`for_textstat`); None when there are none.

    Raises RuntimeError if textstat would count the sentences differently from spaCy: the scores
    would then be computed over different sentences from the ones the rules talk about.
    """
    if not texts:
        return None
    ts = _textstat()
    text = " ".join(texts)
    counted = ts.sentence_count(text)
    if counted != len(texts):
        raise RuntimeError(f"textstat counts {counted} sentences where spaCy found {len(texts)}")
    out = {"flesch_reading_ease": ts.flesch_reading_ease(text),
           "flesch_kincaid_grade": ts.flesch_kincaid_grade(text)}
    if full:
        out.update({
            "gunning_fog": ts.gunning_fog(text),
            "smog_index": ts.smog_index(text),
            "coleman_liau_index": ts.coleman_liau_index(text),
            "automated_readability_index": ts.automated_readability_index(text),
            "dale_chall": ts.dale_chall_readability_score(text),
            "consensus_grade": ts.text_standard(text, float_output=True),
        })
    return {k: round(float(v), 1) for k, v in out.items()}


def whole_scores(ctx: CheckContext) -> dict[str, float] | None:
    """Every score of the article's prose (:func:`scores` of its scored sentences), once per document:
    the metrics and EL201 read the same figures."""
    def compute() -> dict[str, float] | None:
        return scores([s.text for s in prose_sentences(ctx) if s.scored])

    result: dict[str, float] | None = ctx.memo(("readability", "scores"), compute)
    return result


@dataclass(frozen=True)
class Section:
    """The prose under one heading (``heading`` None: the text before the first heading)."""

    heading: Block | None
    blocks: tuple[Block, ...]
    sentences: tuple[Sentence, ...]
    words: int


def block_words(doc: Document, block: Block) -> int:
    """The block's words as editors count them (kept per document and block: several rules ask)."""
    key = ("readability", "block words", block.index)
    found = doc.cache.get(key)
    if found is None:
        found = doc.cache[key] = count_words(plain_text(doc, block.start, block.end))
    return int(found)


def sections(doc: Document, sentences: Sequence[Sentence] = ()) -> list[Section]:
    """Prose grouped by the heading it sits under, in document order; sections without prose dropped."""
    order: list[int | None] = []
    blocks: dict[int | None, list[Block]] = {}
    for b in reading_blocks(doc):
        if b.section not in blocks:
            order.append(b.section)
            blocks[b.section] = []
        blocks[b.section].append(b)
    # Each sentence goes to its block's section in one pass (filtering all sentences per section was
    # quadratic in the number of headings).
    section_of = {b.index: b.section for bs in blocks.values() for b in bs}
    sents: dict[int | None, list[Sentence]] = {sec: [] for sec in order}
    for s in sentences:
        if s.block.index in section_of:
            sents[section_of[s.block.index]].append(s)
    out = []
    for sec in order:
        bs = blocks[sec]
        heading = doc.blocks[sec] if sec is not None else None
        out.append(Section(heading, tuple(bs), tuple(sents[sec]), sum(block_words(doc, b) for b in bs)))
    return out


def _section_label(sec: Section) -> str:
    if sec.heading is None:
        return "the text before the first heading"
    title = sec.heading.text.strip() or "(empty heading)"
    return f"section {title!r}"


@metric_provider("readability", category="readability", needs=("sentences",))
def readability_metrics(ctx: CheckContext) -> Iterator[Metric]:
    """Prose-only scores for the whole article and per section, in the report's metrics."""
    audience = audience_for(ctx)
    sents = prose_sentences(ctx)
    scored = [s.text for s in sents if s.scored]
    whole = whole_scores(ctx) or {}
    for name in SCORE_NAMES:
        yield Metric(name, whole.get(name))
    secs = sections(ctx.doc, sents)
    yield Metric("words", sum(s.words for s in secs))
    yield Metric("sentences", len(scored))
    yield Metric("audience", audience.name)
    rows = []
    for sec in secs:
        anchor = sec.heading if sec.heading is not None else sec.blocks[0]
        part = grade_and_ease(total(s.counts for s in sec.sentences if s.scored)) or {}
        rows.append({"heading": sec.heading.text if sec.heading is not None else None,
                     "line": ctx.doc.position(anchor.start)[0], "words": sec.words,
                     "flesch_kincaid_grade": part.get("flesch_kincaid_grade"),
                     "flesch_reading_ease": part.get("flesch_reading_ease")})
    yield Metric("sections", rows)


# -- EL201: article too hard -----------------------------------------------------------------------
def _fmt(x: float) -> str:
    return f"{x:.1f}".rstrip("0").rstrip(".") if x == int(x) else f"{x:.1f}"


@check_type("readability-score", needs=("sentences",), options={
    "min-words": Option(int, 100, "judge only articles with at least this many words of prose"),
    "grade-warning-over": Option(float, 1.0, "grades over the audience's limit before it is a warning"),
    "ease-warning-under": Option(float, 5.0, "reading-ease points under the limit before it is a warning"),
})
def readability_score(ctx: CheckContext) -> Iterator[Hit]:
    """The article's prose is harder than its audience profile allows (grade and reading ease).

    A warning at most: a hard article should be edited, but it does not block publishing.
    """
    audience = audience_for(ctx)
    sents = prose_sentences(ctx)
    scored = [s for s in sents if s.scored]
    words = sum(s.words for s in sents)
    if words < ctx.options["min-words"] or not scored:
        return
    result = whole_scores(ctx)
    assert result is not None
    grade, ease = result["flesch_kincaid_grade"], result["flesch_reading_ease"]
    over, under = grade - audience.max_grade, audience.min_ease - ease
    if over <= 0 and under <= 0:
        return
    o = ctx.options
    if over > o["grade-warning-over"] or under > o["ease-warning-under"]:
        severity = Severity.WARNING
    else:
        severity = Severity.INFO
    problems = []
    if over > 0:
        problems.append(f"Flesch–Kincaid grade {_fmt(grade)} (aim for {_fmt(audience.max_grade)} or below)")
    if under > 0:
        problems.append(f"reading ease {_fmt(ease)} (aim for {_fmt(audience.min_ease)} or above)")
    related = []
    hardest = []
    for sec in sections(ctx.doc, sents):
        part = grade_and_ease(total(s.counts for s in sec.sentences if s.scored))
        if part and sec.words >= 30 and part["flesch_kincaid_grade"] > audience.max_grade:
            hardest.append((part["flesch_kincaid_grade"], part["flesch_reading_ease"], sec))
    for g, e, sec in sorted(hardest, key=lambda t: -t[0])[:3]:
        anchor = sec.heading if sec.heading is not None and sec.heading.text.strip() else sec.sentences[0]
        related.append(Span(anchor.start, anchor.end,
                            f"hard part: {_section_label(sec)}, grade {_fmt(g)}, reading ease {_fmt(e)}"))
    first = scored[0]
    yield Hit(first.start, first.end,
              f"too hard for the '{audience.name}' audience: {' and '.join(problems)} over "
              f"{words:,} words of prose; use shorter sentences and everyday words"
              + (", starting with the hardest sections" if related else ""),
              severity=severity, related=tuple(related), key=f"article too hard for {audience.name}",
              data={"flesch_kincaid_grade": grade, "flesch_reading_ease": ease, "audience": audience.name})


def _fold(text: str) -> str:
    return " ".join(WORD_RE.findall(text.casefold()))


#: The publisher's disclaimer (``[tool.editlint.disclaimer] text``, which ``--fix`` inserts), passed by the
#: engine as an option of the sentence rules: they read it without reaching into the configuration.
DISCLAIMER_TEXT = Option(str, "", "the publisher's disclaimer, never judged as prose (default: the "
                         "[disclaimer] text setting)", config="disclaimer.text")


def _disclaimer_text(ctx: CheckContext) -> str:
    return str(ctx.options.get("disclaimer-text") or "")


def boilerplate(ctx: CheckContext) -> frozenset[str]:
    """Sentences of the configured disclaimer (option ``disclaimer-text``): wording the publisher
    requires, not the writer's prose, so no sentence rule judges them."""
    from .disclaimer import DEFAULT_TEXT

    text = _disclaimer_text(ctx) or DEFAULT_TEXT
    parts = re.split(r"(?<=[.!?])\s+", str(text).strip())
    return frozenset(_fold(p) for p in parts if p.strip())


def judged_sentences(ctx: CheckContext) -> list[Sentence]:
    """The prose sentences EL202 and EL203 judge one by one: all but disclaimers.

    A medical disclaimer (recognised by what it says, as EL401 recognises it, or the configured text)
    is wording a publisher requires, often legal, not the writer's prose to simplify."""
    words = ctx.data("disclaimers")

    def compute() -> list[Sentence]:
        skip = boilerplate(ctx)
        configured = [_disclaimer_text(ctx)]
        out: list[Sentence] = []
        previous: Sentence | None = None
        for s in prose_sentences(ctx):
            before = previous.text if previous is not None and previous.block is s.block else None
            previous = s
            text = ctx.doc.text[s.start:s.end]
            if _fold(s.text) in skip or words.is_disclaimer_text(text, configured, before):
                continue
            out.append(s)
        return out

    result: list[Sentence] = ctx.memo(("readability", "judged", _disclaimer_text(ctx)), compute)
    return result


# -- EL202: long sentence --------------------------------------------------------------------------
@dataclass(frozen=True)
class LengthLimits:
    """Word counts above which EL202 reports a sentence: info, warning, and error (0: never)."""

    info: int
    warning: int
    error: int = 0

    def severity(self, words: int) -> tuple[Severity, int] | None:
        """The severity for a sentence of ``words`` words and the limit it passes; None if in bounds."""
        if self.error and words > self.error:
            return Severity.ERROR, self.error
        if words > self.warning:
            return Severity.WARNING, self.warning
        if words > self.info:
            return Severity.INFO, self.info
        return None


def length_limits(options: Mapping[str, Any], audience: Audience) -> LengthLimits:
    """EL202's limits: the rule's own options where set (non-zero), else the audience profile's."""
    warning = options.get("warning-words") or audience.sentence_warning_words
    info = options.get("info-words") or min(audience.sentence_info_words, warning)
    return LengthLimits(min(info, warning), warning, options.get("error-words") or 0)


@check_type("sentence-length", needs=("sentences",), options={
    "info-words": Option(int, 0, "sentences with more words than this are noted (info); 0: the audience "
                         "profile's sentence-info-words"),
    "warning-words": Option(int, 0, "sentences with more words than this are a warning; 0: the audience "
                            "profile's sentence-warning-words"),
    "error-words": Option(int, 0, "sentences with more words than this are an error; 0 (the default): "
                          "never, a long sentence does not block publishing"),
    "disclaimer-text": DISCLAIMER_TEXT,
})
def sentence_length(ctx: CheckContext) -> Iterator[Hit]:
    """Sentences too long to read in one breath, judged against the audience profile."""
    limits = length_limits(ctx.options, audience_for(ctx))
    for s in judged_sentences(ctx):
        verdict = limits.severity(s.words)
        if verdict is None:
            continue
        severity, limit = verdict
        yield Hit(s.start, s.end,
                  f"long sentence: {s.words} words (over {limit}); split it into shorter sentences, "
                  "one idea each", severity=severity, data={"words": s.words, "limit": limit})


# -- EL203: hard sentence --------------------------------------------------------------------------
def _long_words(text: str, limit: int = 3) -> list[str]:
    """The sentence's longest words (3+ syllables, most first), so the message says what to change."""
    ts = _textstat()
    found: dict[str, tuple[int, str]] = {}
    for w in WORD_RE.findall(text):
        if w.casefold() not in found and not w.isupper():
            found[w.casefold()] = (ts.syllable_count(w), w)
    ranked = sorted((v for v in found.values() if v[0] >= 3), key=lambda v: -v[0])
    return [w for _, w in ranked[:limit]]


def _without_term(text: str, long_words: list[str]) -> str:
    """``text`` with its longest word and the words of the same family ('anaphylaxis', 'anaphylactic')
    read as a one-syllable word."""
    if not long_words:
        return text
    root = long_words[0].casefold()[:6]
    return WORD_RE.sub(lambda m: "it" if m.group().casefold().startswith(root) else m.group(), text)


@check_type("hard-sentence", needs=("sentences",), options={
    "min-words": Option(int, 14, "skip shorter sentences: grade formulas are noise on a few words"),
    "hard-over": Option(float, 4.0, "grades above the audience's limit for a 'hard' sentence (info)"),
    "very-hard-over": Option(float, 8.0, "grades above the limit for a 'very hard' sentence (warning)"),
    "disclaimer-text": DISCLAIMER_TEXT,
})
def hard_sentence(ctx: CheckContext) -> Iterator[Hit]:
    """Sentences whose own Flesch–Kincaid grade is far above the audience's (Hemingway's yellow/red)."""
    audience = audience_for(ctx)
    ts = _textstat()
    for s in judged_sentences(ctx):
        if not s.scored or s.words < ctx.options["min-words"]:
            continue
        grade = flesch(s.counts)[1]  # textstat's grade of s.text, from its counts
        over = grade - audience.max_grade
        if over < ctx.options["hard-over"]:
            continue
        words = _long_words(s.text)
        # "very hard" only if it stays so without its longest term: a sentence made hard by the one
        # name it needs ("anaphylaxis", "bronchiolitis") has nothing plainer to swap in
        very = over >= ctx.options["very-hard-over"] and \
            float(ts.flesch_kincaid_grade(_without_term(s.text, words))) - audience.max_grade \
            >= ctx.options["very-hard-over"]
        hint = f"; long words: {', '.join(repr(w) for w in words)}" if words else ""
        yield Hit(s.start, s.end,
                  f"{'very ' if very else ''}hard sentence for '{audience.name}': grade {grade:.1f} "
                  f"(aim for {_fmt(audience.max_grade)} or below){hint}; split it or use shorter, "
                  "everyday words", severity=Severity.WARNING if very else Severity.INFO,
                  data={"flesch_kincaid_grade": round(grade, 1)})


# -- EL204: long paragraph / EL207: long section ---------------------------------------------------
@check_type("paragraph-length", options={
    "max-words": Option(int, 150, "paragraphs with more words than this are flagged"),
})
def paragraph_length(ctx: CheckContext) -> Iterator[Hit]:
    """Paragraphs too long to scan on a phone screen."""
    limit = ctx.options["max-words"]
    for block in reading_blocks(ctx.doc):
        n = block_words(ctx.doc, block)
        if n > limit:
            yield Hit(block.start, block.end,
                      f"long paragraph: {n} words (over {limit}); break it into shorter paragraphs, "
                      "one idea each", key=block.text[:80])


_PSEUDO_HEADING = re.compile(r"^[\W_]*[A-Z0-9][^\n.!?;:,]*$")


def is_pseudo_heading(block: Block) -> bool:
    """A short one-line paragraph with no punctuation, often bold ('**Fevers**', 'Latching on'): the
    writer's subheading without heading markup."""
    return (block.kind is BlockKind.PARAGRAPH and "link-only" not in block.classes
            and len(block.words()) <= 8 and bool(_PSEUDO_HEADING.match(block.text.strip())))


def _stretches(doc: Document, secs: list[Section]) -> list[Section]:
    """Sections cut again at pseudo-headings (which then head their own stretch)."""
    out: list[Section] = []
    for sec in secs:
        heading: Block | None = sec.heading
        blocks: list[Block] = []
        for b in sec.blocks:
            if is_pseudo_heading(b) and blocks:
                out.append(Section(heading, tuple(blocks), (), sum(block_words(doc, x) for x in blocks)))
                heading, blocks = b, []
            elif not is_pseudo_heading(b):
                blocks.append(b)
            else:
                heading = b
        if blocks:
            out.append(Section(heading, tuple(blocks), (), sum(block_words(doc, x) for x in blocks)))
    return out


@check_type("section-length", options={
    "max-words": Option(int, 350, "prose under one heading with more words than this is flagged"),
})
def section_length(ctx: CheckContext) -> Iterator[Hit]:
    """Long stretches of text without a subheading, which readers cannot scan or skip."""
    limit = ctx.options["max-words"]
    for sec in _stretches(ctx.doc, sections(ctx.doc)):
        if sec.words <= limit:
            continue
        running, passes = 0, sec.blocks[-1]
        for b in sec.blocks:
            running += block_words(ctx.doc, b)
            if running > limit:
                passes = b
                break
        anchor = sec.heading if sec.heading is not None and sec.heading.text.strip() else sec.blocks[0]
        where = (f"{_section_label(sec)} has" if sec.heading is not None
                 else "the text before the first subheading has")
        yield Hit(anchor.start, max(anchor.end, anchor.start + 1),
                  f"{where} {sec.words} words without a subheading (over {limit}); "
                  "split it with a subheading that says what comes next",
                  related=(Span(passes.start, passes.end, f"the section passes {limit} words here"),),
                  key=f"section {sec.heading.text if sec.heading is not None else ''}")


# -- EL205: passive voice --------------------------------------------------------------------------
_PASSIVE_DEPS = frozenset({"nsubjpass", "auxpass", "csubjpass"})
_GET_FORMS = frozenset({"get", "gets", "got", "gotten", "getting"})  # the model's lemma for these varies


@dataclass(frozen=True)
class Passive:
    start: int
    end: int
    phrase: str
    sentence: Sentence


@dataclass(frozen=True)
class AdjectivalCues:
    """Evidence that a 'be + participle' is a state (an adjective), not an action with a hidden doer."""

    stative: frozenset[str] = frozenset()  # participles read as adjectives when no agent is given
    degree: frozenset[str] = frozenset()  # degree words that only modify adjectives ("very tired")


def is_adjectival(head: Any, cues: AdjectivalCues) -> bool:
    """True when the parse's passive 'be + participle' reads as a predicate adjective.

    A 'by' agent always makes it a passive. Otherwise: a relative clause describing a noun ("toys that
    are shared") reads like its reduced form ("toys shared"), which has no passive verb; the tagger
    calls it an adjective; a degree word
    modifies it ("so worried"); it is coordinated with an adjective ("cracked and sore"); it is "used to"
    a noun or gerund (accustomed; "used to treat" stays a passive); or it is a stative participle from
    the data list ("is dehydrated", "is confused").
    """
    children = list(head.children)
    if any(c.dep_ == "agent" for c in children):
        return False
    if head.dep_ == "relcl" and any(c.dep_ == "nsubjpass" and c.tag_ in ("WDT", "WP") for c in children):
        return True  # "naps that are cut short" describes the naps, like "naps cut short" (no passive)
    if head.tag_ in ("JJ", "JJR", "JJS"):
        return True
    if any(c.dep_ == "advmod" and c.lower_ in cues.degree for c in children):
        return True
    if any(c.dep_ == "conj" and c.pos_ == "ADJ" for c in children):
        return True
    used = head.lower_ == "used" or head.lemma_.casefold() == "use"
    if used and any(c.dep_ == "prep" and c.lower_ == "to" for c in children):
        return True
    return head.lower_ in cues.stative or head.lemma_.casefold() in cues.stative


def passives(ctx: CheckContext, ignore: frozenset[str], cues: AdjectivalCues = AdjectivalCues()
             ) -> list[Passive]:
    """Passive verb groups ("is given", "were told") found by the dependency parse, one per verb.

    Predicate adjectives that the parser labels passive ("is dehydrated", "was used to it") are left
    out (:func:`is_adjectival`).
    """
    by_block: dict[int, list[Sentence]] = {}
    for s in prose_sentences(ctx):
        by_block.setdefault(s.block.index, []).append(s)
    out: list[Passive] = []
    for index, sents in by_block.items():
        block = ctx.doc.blocks[index]
        sdoc = ctx.spacy(block)
        verbs: dict[int, list[Any]] = {}
        for tok in sdoc:
            if tok.dep_ in _PASSIVE_DEPS:
                verbs.setdefault(tok.head.i, []).append(tok)
        for head_i, _deps in sorted(verbs.items()):
            head = sdoc[head_i]
            if head.text.casefold() in ignore or head.lemma_.casefold() in ignore \
                    or is_adjectival(head, cues):
                continue
            aux = [t for t in head.children if t.dep_ in ("aux", "auxpass", "neg") and t.i < head.i]
            if any(t.dep_ == "auxpass" and t.lower_ in _GET_FORMS for t in aux):
                continue  # "gets sunburned", "get dressed": a change of state, the plain way to say it
            first = min([head.i] + [t.i for t in aux])
            s = block.start + sdoc[first].idx
            e = block.start + head.idx + len(head.text)
            if ctx.doc.in_skip_span(s, e):
                continue
            sent = next((x for x in sents if x.start <= s < x.end), None)
            if sent is None:
                continue
            out.append(Passive(s, e, ctx.doc.text[s:e], sent))
    return out


@check_type("passive-voice", needs=("parse",), cue=in_prose, options={
    "max-share": Option(float, 0.15, "share of passive sentences in the article above which it is flagged"),
    "min-passive": Option(int, 2, "flag the article's share only when at least this many sentences are "
                          "passive"),
    "paragraph-max-share": Option(float, 0.5, "share of passive sentences in one paragraph above which "
                                  "the paragraph is flagged (a passive cluster)"),
    "paragraph-min-passive": Option(int, 3, "flag a paragraph only when it has at least this many "
                                    "passive verbs"),
    "report-each": Option(bool, False, "also report every passive verb as an info finding"),
    "ignore": Option(list, [], "participles that are idioms, not actions with a hidden doer (born)"),
    "stative": Option(list, [], "participles read as states, not passives, when no 'by' agent is given "
                      "(dehydrated, tired, confused)"),
    "degree-words": Option(list, [], "words that mark the participle as an adjective (very, so, too)"),
})
def passive_voice(ctx: CheckContext) -> Iterator[Hit]:
    """Too many passive sentences: in the whole article, or clustered in one paragraph."""
    o = ctx.options
    ignore = frozenset(str(w).casefold() for w in o["ignore"])
    cues = AdjectivalCues(frozenset(str(w).casefold() for w in o["stative"]),
                          frozenset(str(w).casefold() for w in o["degree-words"]))
    found = [p for p in passives(ctx, ignore, cues) if p.sentence.scored]
    scored = [s for s in prose_sentences(ctx) if s.scored]
    if not found or not scored:
        return
    passive_sents = {(p.sentence.start, p.sentence.end) for p in found}
    share = len(passive_sents) / len(scored)
    reported: set[int] = set()
    if share > o["max-share"] and len(passive_sents) >= o["min-passive"]:
        first = found[0]
        reported.add(first.start)
        yield Hit(first.start, first.end,
                  f"{len(passive_sents)} of {len(scored)} sentences are in the passive voice "
                  f"({share:.0%}; aim for {o['max-share']:.0%} or fewer): say who does what, "
                  f"e.g. rewrite {first.phrase!r} with the doer as the subject",
                  severity=Severity.WARNING, key="passive share",
                  related=tuple(Span(p.start, p.end, f"passive: {p.phrase!r}") for p in found[1:]))
    else:
        by_block: dict[int, list[Passive]] = {}
        for p in found:
            by_block.setdefault(p.sentence.block.index, []).append(p)
        in_block = Counter(s.block.index for s in scored)  # counted once, not filtered per paragraph
        for index, group in by_block.items():
            n = len({(p.sentence.start, p.sentence.end) for p in group})
            if len(group) < o["paragraph-min-passive"] or n / in_block[index] <= o["paragraph-max-share"]:
                continue  # a cluster: enough passive verbs, in more than half of the paragraph's sentences
            first = group[0]
            reported.add(first.start)
            yield Hit(first.start, first.end,
                      f"{n} of {in_block[index]} sentences in this paragraph are in the passive voice: "
                      f"say who does what, e.g. rewrite {first.phrase!r} with the doer as the subject",
                      severity=Severity.WARNING, key=f"passive cluster {first.sentence.block.text[:60]}",
                      related=tuple(Span(p.start, p.end, f"passive: {p.phrase!r}") for p in group[1:]))
    if o["report-each"]:
        for p in found:
            if p.start not in reported:
                yield Hit(p.start, p.end, f"passive voice ({p.phrase!r}): say who does it",
                          severity=Severity.INFO)


# -- EL206: plain words ----------------------------------------------------------------------------
@dataclass(frozen=True)
class Substitution:
    phrase: str
    alternatives: tuple[str, ...]
    fix: bool  # safe to replace word for word


class Substitutions(NamedTuple):
    """The ``plain-words`` data object: each phrase's substitution and one pattern for them all."""

    table: Mapping[str, Substitution]
    pattern: re.Pattern[str]


def build_substitutions(data: models.PlainWords, source: DataSource) -> Substitutions:
    """The plain-words list and one pattern matching any of its phrases, longest first."""
    subs: dict[str, Substitution] = {}
    for phrase, value in data.words.items():
        norm = " ".join(phrase.casefold().split())
        if isinstance(value, models.PlainWord):
            subs[norm] = Substitution(norm, (value.instead,), value.fix)
        elif isinstance(value, str):
            subs[norm] = Substitution(norm, (value,), True)
        else:
            subs[norm] = Substitution(norm, tuple(value), False)
    body = "|".join(r"[\s\u00a0]+".join(re.escape(w) for w in p.split())
                    for p in sorted(subs, key=len, reverse=True))
    pattern = re.compile(rf"(?<![\w'’-])(?:{body})(?![\w'’-])", re.IGNORECASE)
    return Substitutions(MappingProxyType(subs), pattern)


PLAIN_WORDS_DATA = DataSchema("plain-words", models.PlainWords, build_substitutions)


def match_case(template: str, replacement: str) -> str | None:
    """``replacement`` in the case of ``template`` (lower, Capitalized or UPPER); None if mixed."""
    letters = [c for c in template if c.isalpha()]
    if all(c.islower() for c in letters):
        return replacement
    if all(c.isupper() for c in letters) and len(letters) > 1:
        return replacement.upper()
    if letters and letters[0].isupper() and all(c.islower() for c in letters[1:]):
        return replacement[:1].upper() + replacement[1:]
    return None


def _safe_edit(doc: Document, start: int, end: int, text: str) -> Edit | None:
    """An Edit replacing ``doc.text[start:end]`` in the file, when the file holds exactly that text."""
    s = doc.source_offset(start)
    e = doc.source_offset(end - 1) + 1
    if doc.source.text[s:e] != doc.text[start:end]:
        return None  # markup, entities or a line break inside: leave it to the editor
    return Edit(s, e, text)


# Degree words grade the word after them; a plain replacement is often an absolute or superlative ("best",
# "many", "enough") that no degree word may grade ("more optimal" -> "more best"), so there the phrase is
# only suggested: rephrasing is the writer's job.
DEGREE_WORDS = ("more", "most", "less", "least", "very", "so", "too", "quite", "rather", "fairly", "pretty",
                "extremely", "highly", "really", "somewhat", "slightly", "increasingly", "as")


# "a large number of the toys" -> "many the toys": a quantifier replacing "... of" before a determiner
# needs its "of" back ("many of the toys"), so there the phrase is only suggested.
QUANTIFIERS = frozenset({"many", "most", "enough", "few", "a few", "several", "some", "all"})
_DETERMINER_NEXT = re.compile(r"[\s\u00a0]+(?:the|this|that|these|those|my|your|his|her|its|our|their|"
                              r"them|us|you|it)(?![\w'’-])", re.IGNORECASE)


def _graded(text: str, start: int, degree: re.Pattern[str]) -> bool:
    """Whether a degree word ends just before ``start`` in ``text`` ("more |optimal")."""
    return degree.search(text, max(0, start - 30), start) is not None


def _partitive(sub: Substitution, text: str, end: int) -> bool:
    """Whether replacing ``sub`` ending at ``end`` would drop the "of" a determiner after it needs."""
    return (sub.phrase.endswith(" of") and sub.alternatives[0].casefold() in QUANTIFIERS
            and _DETERMINER_NEXT.match(text, end) is not None)


def _fixable(sub: Substitution, block: Block, start: int, end: int, degree: re.Pattern[str]) -> bool:
    """A word-for-word swap keeps the grammar here: not in a quotation, not graded by a degree word,
    not a quantifier that would need its "of" back."""
    return (sub.fix and block.kind is not BlockKind.QUOTE and not _graded(block.text, start, degree)
            and not _partitive(sub, block.text, end))


@check_type("plain-words", options={
    "ignore": Option(list, [], "phrases of the list not to flag (house style)"),
    "degree-words": Option(list, list(DEGREE_WORDS), "words grading the next one ('more', 'very'): a "
                           "phrase after one is suggested, never fixed"),
})
def plain_words(ctx: CheckContext) -> Iterator[Hit]:
    """Complex words and wordy phrases that have a plainer alternative (a substitution list)."""
    subs, pattern = ctx.data("plain-words")
    ignore = {" ".join(str(p).casefold().split()) for p in ctx.options["ignore"]}
    words = "|".join(re.escape(str(w)) for w in ctx.options["degree-words"]) or "(?!)"
    degree = re.compile(rf"(?<![\w'’-])(?:{words})[\s\u00a0]+$", re.IGNORECASE)
    for block in reading_blocks(ctx.doc):
        for m in pattern.finditer(block.text):
            s, e = block.start + m.start(), block.start + m.end()
            if ctx.doc.in_skip_span(s, e):
                continue
            found = m.group()
            sub = subs.get(" ".join(found.casefold().split()))
            if sub is None or sub.phrase in ignore:
                continue
            shown = " or ".join(repr(a) for a in sub.alternatives)
            edits: tuple[Edit, ...] = ()
            if _fixable(sub, block, m.start(), m.end(), degree):
                cased = match_case(found, sub.alternatives[0])
                edit = _safe_edit(ctx.doc, s, e, cased) if cased is not None else None
                edits = (edit,) if edit is not None else ()
            yield Hit(s, e, f"{found!r} has a plainer alternative: {shown}",
                      suggestion=f"write {shown} instead", edits=edits, key=sub.phrase)


__all__ = ["Audience", "Sentence", "Section", "audience_for", "for_textstat", "match_case",
           "plain_text", "prose_sentences", "scores", "sections"]

