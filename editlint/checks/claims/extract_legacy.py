"""Claims extracted from an article: ordering, age, age-word, advice and verdict claims.

Milestones are found with a spaCy ``Matcher`` built from the packs' phrases (once per vocab); the
dependency parse decides which clause a milestone sits in ("before they stand" is the later side), and
whether the claim is negated, hedged, conditional, a question or a myth. Ages are read with a regular
expression over the sentence (numbers are not syntax) and attached to the nearest milestone.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any

from ...document import Block, BlockKind, Document
from .knowledge import Knowledge, token_specs

# -- the claim ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Mention:
    mid: str
    start: int  # absolute offsets into doc.text
    end: int
    tok: int  # index of the span's root token in the block's spaCy Doc
    tok_start: int
    tok_end: int
    text: str


@dataclass(frozen=True)
class Claim:
    """One statement the article makes, with where it is and how sure it sounds.

    kind: "order" (subjects = (earlier, later)), "age" (subjects = (milestone,), months), "age-word"
    (subjects = (milestone, age word)), "advice" / "verdict" (subjects = (behaviour key,)), "skip".
    relation: order: "before"; age: "at" | "by" | "from" | "not-before"; advice/verdict: "do" | "don't".
    hedge: "" (plain), "majority" (usually, most, often: still a claim), "minority" (some, may: an
    exception, never the side of a contradiction).
    """

    kind: str
    subjects: tuple[str, ...]
    relation: str
    polarity: int
    start: int
    end: int
    sent_start: int
    sent_end: int
    form: str  # which pattern produced it ("X before Y", "numbered list", ...)
    hedge: str = ""
    conditional: bool = False
    absolute: bool = False
    months: tuple[float, float] | None = None
    stated: tuple[float, float] | None = None  # ages as written (months has a margin for "about")
    args: frozenset[str] = frozenset()
    quote: str = ""  # the extracted text (the mention, the age, the sentence)
    list_id: int | None = None
    block: int = -1
    phase: str = ""  # ages: "start" (starts to crawl), "master" (crawls well), or "" (crawls)

    @property
    def exception(self) -> bool:
        return self.hedge == "minority"

    @property
    def sid(self) -> tuple[int, int]:
        return (self.sent_start, self.sent_end)


# -- word lists (English function words, not domain knowledge) --------------------------------------
MINORITY_Q = {"some", "few", "others", "certain", "several"}
MINORITY_MODAL = {"may", "might", "could"}
MINORITY_ADV = {"sometimes", "occasionally", "rarely", "seldom"}
MAJORITY = {"usually", "often", "most", "typically", "generally", "normally", "commonly", "mostly",
            "many", "tend", "frequently"}
NEG_WORDS = {"not", "n't", "never", "no", "nobody", "none", "neither", "nor", "without"}
COND_MARKS = {"if", "unless", "once", "when", "whenever", "until", "while", "after", "before", "because",
              "as", "since"}
IF_MARKS = {"if", "unless", "whether"}
BABY_WORDS = {"baby", "babies", "newborn", "infant", "child", "toddler", "kid", "one", "they", "them",
              "him", "her", "it", "you", "yourself", "themselves", "himself", "herself", "little"}
TIME_WORDS = {"month", "year"}  # ages are compared through the advice's months, not as details
_NOT_ARGS = BABY_WORDS | TIME_WORDS
SEQ_WORDS = {"then", "next", "later", "eventually", "finally", "afterwards", "afterward", "subsequently"}
STAGE_HEADING = re.compile(r"\b(stages?|phases?|steps?|timeline|progression|order|sequence|milestones?)\b",
                           re.IGNORECASE)
STAGE_WORDS = re.compile(r"\b(stages?|phases?|steps?|in order|order|sequence|progression)\b", re.IGNORECASE)
MYTH_RE = re.compile(
    r"^\W*(myth|misconception|fiction|false|old wives)\b|\b(it is|it's|it’s) a (common )?myth\b|"
    r"\bcontrary to (popular|common|what)\b|\b(many|some|most) (parents|people|families) "
    r"(think|believe|assume|say|worry)\b|\byou (may|might) have heard\b|\bcommon (belief|misconception)\b|"
    r"\bit is (often|commonly) (said|believed)\b", re.IGNORECASE)
ABSOLUTE = {"never", "always"}
ATTITUDE = {"encourage": 1, "support": 1, "praise": 1, "allow": 1, "let": 1, "welcome": 1, "embrace": 1,
            "discourage": -1, "avoid": -1, "correct": -1, "stop": -1, "prevent": -1, "skip": -1,
            "limit": -1}
_VERB_SYNONYMS = {"offer": "give", "serve": "give", "place": "put", "lay": "put", "allow": "let",
                  # raising one end of the sleep surface: "raise the head of the cot" = "tilt the mattress"
                  "raise": "tilt", "elevate": "tilt", "incline": "tilt", "prop": "tilt", "angle": "tilt",
                  "wedge": "tilt"}
# Objects that name the same thing for one kind of advice (the verb after _VERB_SYNONYMS): for tilting,
# the crib, the mattress and "the sleep surface" are one surface.
_OBJECT_SYNONYMS = {"tilt": {"crib": "sleep surface", "cot": "sleep surface", "mattress": "sleep surface",
                             "bassinet": "sleep surface", "bed": "sleep surface", "surface": "sleep surface",
                             "basket": "sleep surface", "bed-head": "sleep surface"}}
# "the head end of the mattress", "one side of the cot": the part names the thing through its "of".
_PART_NOUNS = {"end", "side", "top", "head", "foot", "edge", "corner", "part", "half", "bottom"}
SKIP_VERBS = {"be", "have", "do", "make", "see", "keep", "try", "get", "know", "remember", "read", "talk",
              "call", "ask", "check", "mention", "learn", "expect", "note", "say", "look", "tell", "consult",
              "think", "contact", "speak", "go", "come", "start", "take", "find", "help", "enjoy"}
POS_VERDICT = re.compile(r"\b(normal|fine|natural|harmless|healthy|safe|okay|ok|expected|typical|"
                         r"nothing to worry about|no cause for concern|"
                         r"not (a |something to )?(concern|worry))\b",
                         re.IGNORECASE)
NEG_VERDICT = re.compile(r"\b(warning sign|red flag|abnormal|cause for concern|sign of a problem|"
                         r"worrying|dangerous|harmful|unsafe|not (normal|safe|healthy)|a concern)\b",
                         re.IGNORECASE)

# -- ages -----------------------------------------------------------------------------------------
_NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                 "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
                 "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
                 "twenty": 20, "twenty-four": 24, "thirty": 30, "a": 1, "an": 1}
_NUM = r"(?:\d+(?:\.\d+)?|twenty-four|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|" \
       r"thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty)"
_UNIT = r"(?P<unit>months?|mos?|weeks?|wks?|years?|yrs?|days?)"
_APPROX = r"(?:about|around|roughly|approximately|approx\.?|close to|nearly|almost|some)"
_PREP = r"(?P<prep{n}>as early as|as late as|older than|younger than|at|around|about|by|from|after|before|" \
        r"under|over|until|till|since|within|between|in|near|close to)"
AGE_RE = re.compile(
    rf"(?:\b{_PREP.format(n=1)}\s+)?(?:the\s+age\s+of\s+)?(?P<approx>{_APPROX}\s+)?(?P<a>{_NUM})"
    rf"(?:\s*(?:-|–|—|to|and|or)\s*(?:{_APPROX}\s+)?(?P<b>{_NUM}))?\s*-?\s*{_UNIT}\b(?:-olds?)?"
    rf"|(?:\b{_PREP.format(n=2)}\s+)?(?:the|their|his|her|your baby['’]s|a baby['’]s|your child['’]s)\s+"
    rf"(?P<bday>first|1st|second|2nd|third|3rd)\s+birthday"
    rf"|(?:\b{_PREP.format(n=3)}\s+)?(?:the\s+)?age\s+(?:of\s+)?(?P<age>{_NUM})\b(?!\s*(?:months?|weeks?))"
    rf"|\b(?:in\s+)?the\s+(?:first|early)\s+(?:few\s+)?(?P<early>weeks|days|month)\b(?:\s+of\s+life)?",
    re.IGNORECASE)
_BDAY = {"first": 12, "1st": 12, "second": 24, "2nd": 24, "third": 36, "3rd": 36}
_UNIT_MONTHS = {"m": 1.0, "w": 1 / 4.345, "y": 12.0, "d": 1 / 30.4}
_UPPER = {"by", "before", "under", "younger than", "until", "till", "within"}
_LOWER = {"from", "after", "over", "older than", "since", "as late as"}


_BOUNDARY = re.compile(r"[;:]|,\s*(and|but|while|whereas|or)\b|,\s*$|\b(and|but|while|whereas)\b")
_AVOID = {"avoid", "delay", "postpone", "wait"}
# A leading phrase that limits the advice to some cases: "For mild symptoms, stop the food", "With a
# fever, …", "In case of a reaction, …", "After a choking episode, …".
_SCOPE = re.compile(r"\W*(?:for|with|in\s+(?:the\s+)?case\s+of|after|during)\s+(?!(?:all|every|any)\b)"
                    r"[^,.;:!?]{2,50},", re.IGNORECASE)


@dataclass(frozen=True)
class Age:
    start: int  # offsets relative to the sentence text
    end: int
    months: tuple[float, float]
    relation: str  # "at" | "by" | "from"
    extreme: bool  # "as early as": the edge of the range, an exception
    stated: tuple[float, float] = (0.0, 0.0)  # the ages as written, before the margin for "about"


def _num(s: str) -> float:
    s = s.lower()
    return float(_NUMBER_WORDS[s]) if s in _NUMBER_WORDS else float(s)


def parse_ages(text: str) -> list[Age]:
    """Age expressions in a sentence, as month intervals with their relation."""
    out: list[Age] = []
    for m in AGE_RE.finditer(text):
        if re.match(r"\s+(early|late|earlier|later|apart|ago|premature)\b", text[m.end():], re.IGNORECASE):
            continue  # a duration ("born two months early"), not an age
        prep = (m.group("prep1") or m.group("prep2") or m.group("prep3") or "").lower()
        approx = bool(m.group("approx")) or prep in {"around", "about", "near", "close to"}
        if m.group("early"):
            if re.match(r"\s+of\s+(?!life\b)", text[m.end():], re.IGNORECASE):
                continue  # "the first weeks of finger foods": time since a milestone, not an age
            hi = {"weeks": 1.5, "days": 0.5, "month": 1.0}[m.group("early").lower()]
            out.append(Age(m.start(), m.end(), (0.0, hi), "at", False, (0.0, hi)))
            continue
        if m.group("bday"):
            lo = hi = float(_BDAY[m.group("bday").lower()])
            scale = 1.0
        elif m.group("age"):
            lo = hi = _num(m.group("age"))
            scale = 12.0
        else:
            unit = m.group("unit").lower()
            scale = _UNIT_MONTHS.get(unit[0], 1.0)
            lo = _num(m.group("a"))
            hi = _num(m.group("b")) if m.group("b") else lo
            if hi < lo:
                lo, hi = hi, lo
        lo, hi = lo * scale, hi * scale
        stated = (lo, hi)
        relation = "by" if prep in _UPPER else "from" if prep in _LOWER else "at"
        if relation == "at":
            if lo == hi:
                # about 6 months: ±1.2; exactly 6 months: ±0.6; small ages (weeks) get small margins
                pad = max(min(1.0, 0.4 * lo), 0.2 * lo) if approx else max(min(0.5, 0.2 * lo), 0.1 * lo)
                lo, hi = max(0.0, lo - pad), hi + pad
            elif approx:
                lo, hi = max(0.0, lo - 0.5), hi + 0.5
        out.append(Age(m.start(), m.end(), (lo, hi), relation, prep == "as early as", stated))
    return out


# -- matchers (built once per vocab) ----------------------------------------------------------------
_MATCHERS: dict[tuple[int, int], tuple[Any, Any, Any]] = {}


class BucketMatcher:
    """spaCy Matchers grouped by the forms of one required word of each pattern (its longest).

    A block runs only the matchers whose key word occurs in it: most prose mentions no milestone,
    so this keeps matching far below the parse time (a single Matcher tries every pattern at every token).
    """

    def __init__(self, vocab: Any, entries: Iterable[tuple[str, list[dict[str, Any]]]]) -> None:
        from spacy.matcher import Matcher

        self.vocab = vocab
        buckets: dict[frozenset[int], Any] = {}
        for label, pattern in entries:
            # the pattern's most telling required word ("backward" in "go backward"), not a common first word
            required = [(min(len(f) for f in spec["LOWER"]["IN"]), i, spec) for i, spec in enumerate(pattern)
                        if "LOWER" in spec and spec.get("OP") != "?"]
            key_spec = max(required, key=lambda x: (x[0], x[1]))[2]
            first = frozenset(vocab.strings.add(f) for f in key_spec["LOWER"]["IN"])
            m = buckets.get(first)
            if m is None:
                m = buckets[first] = Matcher(vocab)
            m.add(label, [pattern])
        self.buckets = list(buckets.items())

    def __call__(self, sdoc: Any) -> list[tuple[int, int, int]]:
        from spacy.attrs import LOWER

        lowers = set(sdoc.to_array([LOWER]).ravel().tolist())
        out: list[tuple[int, int, int]] = []
        for first, m in self.buckets:
            if not first.isdisjoint(lowers):
                out.extend(m(sdoc))
        return out


def matchers(vocab: Any, kb: Knowledge) -> tuple[Any, Any]:
    """(milestone matcher, age-word matcher) for ``vocab``; cached on the vocab's and packs' identity."""
    key = (id(vocab), id(kb))
    hit = _MATCHERS.get(key)
    if hit is not None and hit[0] is vocab:
        return hit[1], hit[2]
    ms = BucketMatcher(vocab, ((m.id, token_specs(p)) for m in kb.milestones.values() for p in m.phrases))
    aw = BucketMatcher(vocab, ((w.id, token_specs(p)) for w in kb.age_words.values() for p in w.phrases))
    _MATCHERS[key] = (vocab, ms, aw)
    return ms, aw


def _spans(matcher: Any, sdoc: Any) -> list[tuple[str, int, int]]:
    """Longest non-overlapping matches as (label, token start, token end)."""
    found = [(sdoc.vocab.strings[mid], s, e) for mid, s, e in matcher(sdoc)]
    found.sort(key=lambda x: (-(x[2] - x[1]), x[1]))
    taken: list[tuple[str, int, int]] = []
    used: set[int] = set()
    for label, s, e in found:
        if any(i in used for i in range(s, e)):
            continue
        # a trailing hyphen or optional word never ends a match; trim punctuation at the edges
        while e > s + 1 and sdoc[e - 1].is_punct:
            e -= 1
        taken.append((label, s, e))
        used.update(range(s, e))
    taken.sort(key=lambda x: x[1])
    return taken


# -- syntax helpers ---------------------------------------------------------------------------------

def _verb_of(tok: Any) -> Any:
    """Nearest verb (or the root) governing ``tok``, ``tok`` included."""
    t = tok
    for _ in range(8):
        if t.pos_ in ("VERB", "AUX") or t.dep_ == "ROOT" or t.head.i == t.i:
            return t
        t = t.head
    return t


def _negated(tok: Any) -> bool:
    """Is ``tok`` (or the verb chain governing it, up to its clause) negated?"""
    t = tok
    for _ in range(6):
        for c in t.children:
            if c.dep_ == "neg" or (c.lower_ in ("never", "no") and c.dep_ in ("advmod", "det", "neg")):
                return True
        if t.dep_ == "conj" and t.head.pos_ in ("VERB", "AUX"):  # "cannot sit or crawl"
            return any(c.dep_ == "neg" for c in t.head.children)
        if t.dep_ in ("conj", "advcl", "relcl", "ROOT", "ccomp", "parataxis", "acl") or t.head.i == t.i:
            return False
        t = t.head
    return False


def _in_clause(tok: Any, marks: set[str]) -> bool:
    """Is ``tok`` inside an adverbial clause introduced by one of ``marks`` (e.g. an if-clause)?"""
    t = tok
    for _ in range(12):
        marked = any(c.dep_ == "mark" and c.lower_ in marks for c in t.children)
        if t.dep_ in ("advcl", "ccomp", "xcomp") and marked:
            return True
        if t.head.i == t.i:
            return False
        t = t.head
    return False


_CONTRAST = {"though", "although", "while", "whereas", "but", "even"}


def _clause(verb: Any) -> list[Any]:
    """Tokens of ``verb``'s clause, leaving out coordinated clauses with their own subject ("…, but some
    walk first")."""
    out: list[Any] = []
    stack = [verb]
    while stack:
        t = stack.pop()
        out.append(t)
        for c in t.children:
            if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") and any(
                    g.dep_ in ("nsubj", "nsubjpass") for g in c.children):
                continue
            if c.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ in _CONTRAST for g in c.children):
                continue  # "…, though some never crawl at all"
            stack.append(c)
    return out


def _subordinate(tok: Any) -> bool:
    """Is ``tok`` inside a temporal clause ("before they walk", "after crawling")?"""
    t = tok
    for _ in range(10):
        if t.dep_ == "advcl" and any(c.dep_ == "mark" for c in t.children):
            return True
        if t.dep_ in ("pobj", "pcomp") and t.head.lower_ in ("before", "after", "until"):
            return True
        if t.head.i == t.i:
            return False
        t = t.head
    return False


def _presupposed(tok: Any) -> bool:
    """Is ``tok`` in a relative clause, a clausal subject or a subject phrase ("walking before crawling is
    rare")? Such an order is talked about, not asserted."""
    t = tok
    for _ in range(12):
        if t.dep_ in ("relcl", "acl", "csubj", "csubjpass") or (
                t.dep_ in ("nsubj", "nsubjpass") and t is not tok and t.head.lemma_ == "be"):
            return True
        if t.head.i == t.i:
            return False
        t = t.head
    return False


_RANGE_EDGE = re.compile(r"\b(also|still|can be|perfectly|completely|quite) (normal|fine|healthy|common)\b|"
                         r"\bwithin the (normal|usual) range\b|\b(as late as|even later|even earlier)\b",
                         re.IGNORECASE)
_START = {"start", "begin", "first", "initial", "early", "attempt", "try"}
_MASTER = {"master", "well", "confidently", "fully", "steadily", "proficient", "expert", "perfect"}


def _phase(tok: Any) -> str:
    """Is an age for the start of a skill ("start crawling"), its mastery ("crawl well"), or neither?"""
    verb = _verb_of(tok)
    near = {t.lemma_.lower() for t in (verb, *verb.children, *tok.children, tok.head)}
    if near & _MASTER:
        return "master"
    if near & _START:
        return "start"
    return ""


def _hedge(tokens: Iterable[Any]) -> str:
    level = ""
    for t in tokens:
        low = t.lower_
        if low in MINORITY_ADV or (low in MINORITY_MODAL and t.dep_ == "aux"):
            return "minority"
        if low in MINORITY_Q and (t.dep_ in ("nsubj", "nsubjpass") or t.head.dep_ in ("nsubj", "nsubjpass")
                                  or (t.head.dep_ == "pobj" and t.head.head.lower_ in ("in", "for")
                                      and t.head.lemma_.lower() in BABY_WORDS)):
            return "minority"
        if low == "not" and t.i + 1 < len(t.doc) and t.doc[t.i + 1].lower_ in ("all", "every"):
            return "minority"
        if low == "possible" or low == "possibly":
            return "minority"
        if low in MAJORITY:
            level = "majority"
    return level


# -- extraction -------------------------------------------------------------------------------------

@dataclass
class _Sent:
    span: Any  # spaCy Span
    start: int  # absolute
    end: int
    mentions: list[Mention] = field(default_factory=list)
    ages: list[Age] = field(default_factory=list)
    skip: bool = False  # question, myth, heading: no claims


_TIME_NOUNS = {"year", "month", "week", "day", "time", "few", "couple", "stage", "hour", "minute"}
_NOT_NOW = re.compile(r"\breflex|\bbreast\b|\bover the (next|coming|first)\b|\bin the (coming|next)\b|"
                      r"\b(later|eventually|one day|before long|someday|will|going to|"
                      r"grows? (up|into))\b|'ll\b",
                      re.IGNORECASE)


_NUMBERED = re.compile(r"\s*(?:(?:stage|phase|step)\s*)?(\d{1,2})\s*[.):\-–]?\s+\S", re.IGNORECASE)


class Extractor:
    """Extracts the claims of one document (used through :func:`extract`)."""

    def __init__(self, doc: Document, kb: Knowledge, spacy_for: Any) -> None:
        self.doc = doc
        self.kb = kb
        self.spacy_for = spacy_for
        self.claims: list[Claim] = []
        self.block_mentions: dict[int, list[Mention]] = {}

    # .. helpers ..
    def _mention(self, sdoc: Any, block: Block, label: str, s: int, e: int) -> Mention:
        span = sdoc[s:e]
        return Mention(label, block.start + span.start_char, block.start + span.end_char, span.root.i, s, e,
                       span.text)

    def _add(self, **kw: Any) -> None:
        self.claims.append(Claim(**kw))

    def run(self) -> list[Claim]:
        ms_matcher: Any = None
        for block in self.doc.blocks:
            if block.kind in (BlockKind.CODE,) or not block.text.strip():
                continue
            sdoc = self.spacy_for(block)
            if ms_matcher is None:
                ms_matcher, aw_matcher = matchers(sdoc.vocab, self.kb)
            mentions = [self._mention(sdoc, block, *x) for x in _spans(ms_matcher, sdoc)]
            mentions = [m for m in mentions if not self.doc.in_skip_span(m.start, m.end)]
            self.block_mentions[block.index] = mentions
            if block.kind not in (BlockKind.PARAGRAPH, BlockKind.LIST_ITEM, BlockKind.QUOTE):
                continue
            ageword_spans = _spans(aw_matcher, sdoc) if mentions else []
            sents: list[_Sent] = []
            myth_next = False
            for sp in sdoc.sents:
                st = _Sent(sp, block.start + sp.start_char, block.start + sp.end_char)
                text = sp.text.strip()
                if not text:
                    continue
                st.mentions = [m for m in mentions if sp.start <= m.tok_start < sp.end]
                st.ages = parse_ages(sp.text) if st.mentions else []
                line_myth = re.search(r"(?:^|\n)\s*(myth|misconception)\s*:[^\n]*$",
                                      block.text[: sp.start_char + 1], re.IGNORECASE)
                st.skip = (text.rstrip("\"'”’)*_ ").endswith("?") or bool(MYTH_RE.search(text)) or myth_next
                           or bool(line_myth
                                   and "\n" not in block.text[line_myth.start() + 1: sp.start_char]))
                myth_next = bool(re.fullmatch(r"\W*(myth|misconception)\W*", text, re.IGNORECASE))
                sents.append(st)
            for i, st in enumerate(sents):
                if st.skip:
                    continue
                self._order(block, st, sents[max(0, i - 3): i])
                self._ages(block, st)
                self._age_words(block, st, ageword_spans)
                self._first(block, st)
                self._advice(block, st)
                self._verdict(block, st)
        self._lists()
        self._firsts()
        return self.claims

    # .. ordering ..
    def _pair_ok(self, a: Mention, b: Mention) -> bool:
        return a.mid != b.mid and b.mid not in self.kb.family(a.mid)

    def _order_claim(self, block: Block, st: _Sent, a: Mention, b: Mention, form: str, hedge: str,
                     cond: bool = False) -> None:
        if not self._pair_ok(a, b):
            return
        for c in self.claims:  # one claim per pair and sentence
            if c.kind == "order" and c.sid == (st.start, st.end) and set(c.subjects) == {a.mid, b.mid}:
                return
        self._add(kind="order", subjects=(a.mid, b.mid), relation="before", polarity=1,
                  start=min(a.start, b.start), end=max(a.end, b.end), sent_start=st.start, sent_end=st.end,
                  form=form, hedge=hedge, conditional=cond,
                  quote=self.doc.text[st.start:st.end], block=block.index)

    def _alternatives(self, sdoc: Any, a: Mention, b: Mention) -> bool:
        """Are two mentions alternatives ("forward or backward", "rather than") rather than a sequence?"""
        lo, hi = sorted((a.tok_end, b.tok_start))
        between = " ".join(t.lower_ for t in sdoc[lo:hi])
        return bool(re.search(r"\b(or|rather than|instead of|versus|vs|nor|whether)\b", between))

    def _order(self, block: Block, st: _Sent, previous: list[_Sent]) -> None:
        sp = st.span
        sdoc = sp.doc
        ms = st.mentions
        if not ms:
            return
        hedge = _hedge(sp)
        found = False
        # 1. clause markers: before / after / once / by the time
        for tok in sp:
            low = tok.lower_
            kind = None
            if low in ("before", "after", "once", "until", "till") and tok.dep_ in ("mark", "prep", "advmod"):
                kind = "before" if low == "before" else "after"
                if tok.dep_ == "mark":
                    clause = {t.i for t in tok.head.subtree}
                    attach = _verb_of(tok.head.head) if tok.head.dep_ != "ROOT" else tok.head
                else:
                    clause = {t.i for t in tok.subtree}
                    attach = _verb_of(tok.head)
            elif (low == "time" and tok.i >= 2 and sdoc[tok.i - 1].lower_ == "the"
                  and sdoc[tok.i - 2].lower_ == "by"):
                kind = "before"  # "by the time they Y, they have X": X before Y
                clause = {t.i for t in tok.subtree} | {tok.i - 1, tok.i - 2}
                attach = _verb_of(tok.head)
            if kind is None:
                continue
            scope = {t.i for t in attach.subtree} if attach is not None else set(range(sp.start, sp.end))
            inside = [m for m in ms if m.tok in clause]
            outside = [m for m in ms if m.tok not in clause and m.tok in scope]
            if low in ("until", "till"):  # "babies don't walk until they can stand": stand, then walk
                if attach is None or not _negated(attach) or not inside or not outside:
                    continue
                if not (_in_clause(tok, IF_MARKS) or _presupposed(tok)):
                    for o in outside:
                        for i in inside:
                            self._order_claim(block, st, i, o, "not Y until X", _hedge(_clause(attach)))
                            found = True
                continue
            if not inside or not outside or _negated(attach) or _in_clause(tok, IF_MARKS):
                continue
            if _presupposed(tok):
                continue  # "babies who walk before they crawl are fine": described, not claimed
            hedge = _hedge(_clause(attach)) if attach is not None else hedge
            form = {"before": "X before Y", "after": "after X, Y"}[kind]
            if low == "once":
                form = "once X, Y"
            elif low == "time":
                form = "by the time Y, X"
            for o in outside:
                for i in inside:
                    if self._alternatives(sdoc, o, i):
                        continue
                    earlier, later = (o, i) if kind == "before" else (i, o)
                    self._order_claim(block, st, earlier, later, form, hedge)
                    found = True
        hedge = _hedge(sp)
        # 2. sequence cues inside one sentence: then, next, follows, go on to, from X to Y, stepping stone
        #    (also beside a marker: "from X to Y to Z before W")
        lows = [t.lower_ for t in sp]
        text = sp.text.lower()
        cue = None
        for t in sp:
            seq_dep = t.dep_ in ("advmod", "ROOT", "cc", "conj", "amod", "npadvmod")
            if t.lower_ in SEQ_WORDS and seq_dep and not (
                    t.i + 1 < len(sdoc) and sdoc[t.i + 1].lower_ == "than") and not (  # "walk later than"
                    t.dep_ == "amod" and t.head.lemma_ in _TIME_NOUNS):  # "over the next year"
                cue = cue or t.lower_
            elif t.lemma_ == "follow" and t.pos_ == "VERB":
                if any(c.dep_ in ("dobj", "xcomp", "ccomp") and c.i > t.i for c in t.children):
                    cue = cue or "Y follows X"
                else:
                    cue = cue or "follows"
            elif (t.lemma_ == "precede" and t.pos_ == "VERB") or t.lower_ in ("precedes", "precede"):
                # the small model sometimes reads "Walking precedes crawling" with "precedes" as a noun
                cue = cue or ("preceded by" if t.tag_ == "VBN" else "precedes")
        if re.search(r"\b(go(es)?|move[sd]?|went|progress(es)?|graduate[sd]?) on to\b|"
                     r"\bstepping[ -]stones?\b|\bfirst\b.*\bthen\b|"
                     r"\b(leads?|led|progress(es|ed)?|graduate[sd]?|moves?|moved) (on )?to\b|"
                     r"\bfollowed by\b|\bon the way to\b|\bstep (toward|towards|to)\b|"
                     r"\bin (that|this) order\b|"
                     r"\b(gives?|gave) way to\b|\b(turns?|develops?|grows?) into\b|\bprerequisite (for|to)\b|"
                     r"\bpaves? the way (for|to)\b|\bbuilding block for\b", text):
            cue = cue or "sequence"
        if re.search(r"\bbuilds? on\b", text):
            cue = cue or "Y builds on X"
        if "from" in lows and "to" in lows[lows.index("from"):]:
            cue = cue or "from X to Y"
        if len({m.mid for m in ms}) >= 3 and STAGE_WORDS.search(text):
            cue = cue or "stages list"
        root_neg = _negated(sp.root)
        if found and cue in ("Y follows X", "preceded by", "Y builds on X"):
            return
        if cue and len(ms) >= 2 and not root_neg and not any(_in_clause(sdoc[x.tok], IF_MARKS) for x in ms):
            seq = list(ms)
            if cue in ("Y follows X", "preceded by", "Y builds on X"):
                seq = seq[::-1]
            for a, b in pairwise(seq):
                if not self._alternatives(sdoc, a, b) and not _negated(sdoc[b.tok]):
                    self._order_claim(block, st, a, b, f"sequence ({cue})", hedge)
            return
        if found:
            return
        # 3. a cue carrying the order over from an earlier sentence: "Next comes cruising."
        first_low = next((t.lower_ for t in sp if not t.is_punct), "")
        ids0 = {t.i for t in sdoc[ms[0].tok].subtree} if ms else set()
        subject_follows = bool(ms) and any(
            t.lemma_ in ("follow", "come")
            and any(c.dep_ in ("nsubj", "nsubjpass") and c.i in ids0 | {ms[0].tok}
                                                   for c in t.children)
            and (t.lemma_ == "follow" or any(c.lower_ in ("next", "later", "after") for c in t.children))
            for t in sp)
        next_comes = bool(re.match(r"\W*(next|then|after that|later)\W+(comes?|is)\b", text))
        carry = (first_low in SEQ_WORDS or re.match(r"\W*(after that|after this|soon after|later on)\b", text)
                 or any(t.lower_ in ("then", "next") and t.dep_ == "advmod" and t.head.dep_ == "ROOT"
                        for t in sp)
                 or subject_follows or next_comes)
        if carry and ms and not root_neg:
            target = ms[0]
            for prev in reversed(previous):
                if prev.skip:
                    break
                main = [m for m in prev.mentions if not _subordinate(prev.span.doc[m.tok])]
                cands = [m for m in main if self._pair_ok(m, target)]
                if cands:
                    form = f"carried over ({first_low or cue})"
                    self._order_claim(block, st, cands[-1], target, form, hedge)
                    break

    # .. numbered lists under a stages heading ..
    def _governing_heading(self, first: Block) -> Block | None:
        if first.kind is BlockKind.LIST_ITEM:
            if first.section is not None:
                return self.doc.blocks[first.section]
            return None
        for b in reversed(self.doc.blocks[: first.index]):
            if b.kind is BlockKind.HEADING and not (b.ordered and b.list_id == first.list_id) and (
                    b.level < first.level or first.list_id is not None):
                return b
        return None

    def _lists(self) -> None:
        lists: dict[int, list[Block]] = {}
        for b in self.doc.blocks:
            if b.ordered and b.list_id is not None and b.kind in (BlockKind.LIST_ITEM, BlockKind.HEADING):
                lists.setdefault(b.list_id, []).append(b)
        labelled: set[int] = set()
        for lid, run in enumerate(self._numbered_headings(), start=-1_000_000):
            lists[lid] = run
            if all(re.match(r"\s*(stage|phase|step)\b", b.text, re.IGNORECASE) for b in run):
                labelled.add(lid)
        for lid, items in lists.items():
            items.sort(key=lambda b: b.item)
            head = self._governing_heading(items[0])
            intro = self.doc.blocks[items[0].index - 1] if items[0].index > 0 else None
            titled = (head is not None and STAGE_HEADING.search(head.text)) or lid in labelled
            introduced = (intro is not None and intro.kind is BlockKind.PARAGRAPH
                          and intro.text.rstrip().endswith(":") and STAGE_WORDS.search(intro.text))
            if not (titled or introduced):
                continue
            seq: list[tuple[Block, Mention]] = []
            for b in items:
                ms = self.block_mentions.get(b.index, [])
                if ms and self._names_stage(b, ms[0]):
                    seq.append((b, ms[0]))
            where = f"numbered list under '{head.text.strip()}'" if titled and head else "numbered list"
            for (b1, a), (b2, c) in pairwise(seq):
                if not self._pair_ok(a, c):
                    continue
                self._add(kind="order", subjects=(a.mid, c.mid), relation="before", polarity=1,
                          start=a.start, end=c.end, sent_start=b1.start, sent_end=b2.end, form=where,
                          quote=f"{b1.text.strip()} → {b2.text.strip()}", list_id=lid, block=b1.index)

    def _numbered_headings(self) -> list[list[Block]]:
        """Runs of numbered headings ("## Stage 1: Rolling", "## 2. Sitting") no reader marked as a list."""
        runs: list[list[Block]] = []
        last: dict[int, tuple[int, list[Block]]] = {}  # level -> (last number, run)
        for b in self.doc.blocks:
            if b.kind is not BlockKind.HEADING:
                continue
            for level in [lv for lv in list(last) if lv > b.level]:
                del last[level]  # a higher-level heading ends deeper runs
            m = _NUMBERED.match(b.text)
            if not m or b.list_id is not None:
                last.pop(b.level, None)
                continue
            n = int(m.group(1))
            prev = last.get(b.level)
            if prev and n == prev[0] + 1:
                prev[1].append(b)
                last[b.level] = (n, prev[1])
            elif n == 1:
                run = [b]
                runs.append(run)
                last[b.level] = (1, run)
        return [r for r in runs if len(r) >= 2]

    def _names_stage(self, b: Block, m: Mention) -> bool:
        """Does a list item name a stage ("Crawling forward on hands and knees", "4. Mastering backward
        crawling") rather than give a step of advice ("Put toys just out of reach to encourage crawling")?"""
        label = re.match(r"\s*(?:(?:stage|phase|step)\s*)?\d*[.):\-–]?\s*", b.text, re.IGNORECASE)
        offset = b.start + (label.end() if label else 0)
        if m.start - offset > 25:
            return False
        sdoc = self.spacy_for(b)
        first = next((t for t in sdoc if not t.is_punct and not t.like_num), None)
        return first is None or not (first.tag_ == "VB" and first.i == sdoc[first.i:].sent.root.i)

    # .. "X come first" (groups) ..
    def _firsts(self) -> None:
        in_doc = {m.mid: m for ms in self.block_mentions.values() for m in ms}
        extra: list[Claim] = []
        for c in self.claims:
            if c.kind != "first":
                continue
            x = c.subjects[0]
            group = self.kb.milestones[x].group
            for other in in_doc:
                if other != x and group and self.kb.milestones[other].group == group:
                    extra.append(Claim(kind="order", subjects=(x, other), relation="before", polarity=1,
                                       start=c.start, end=c.end, sent_start=c.sent_start, sent_end=c.sent_end,
                                       form="X comes first", hedge=c.hedge, quote=c.quote, block=c.block))
        self.claims = [c for c in self.claims if c.kind != "first"] + extra

    # .. ages ..
    def _ages(self, block: Block, st: _Sent) -> None:
        sp = st.span
        sdoc = sp.doc
        if not st.ages or not st.mentions:
            return
        per: dict[int, list[Age]] = {}
        for age in st.ages:
            a_start, a_end = sp.start_char + age.start, sp.start_char + age.end
            before = [k for k, m in enumerate(st.mentions) if m.end - block.start <= a_start]
            after = [k for k, m in enumerate(st.mentions) if m.start - block.start >= a_end]
            fronted = a_start < sp.root.idx  # "At 6 months, most babies sit": the age comes before the verb
            gap_after = block.text[a_end: st.mentions[after[0]].start - block.start] if after else ""
            after_ok = bool(after) and not re.search(r"[;:]", gap_after)
            pick = before[-1] if before else (after[0] if after_ok and fronted else None)
            if before:  # "by 9 months they crawl, and by 12 months they walk"
                gap_before = block.text[st.mentions[before[-1]].end - block.start: a_start]
                if _BOUNDARY.search(gap_before) and after_ok and not _BOUNDARY.search(gap_after):
                    pick = after[0]
                elif re.search(r"[;:]", gap_before):
                    pick = None
            if pick is not None:
                per.setdefault(pick, []).append(age)
        for k, ages in per.items():
            m = st.mentions[k]
            tok = sdoc[m.tok]
            neg = (_negated(tok) or any(a.lemma_ in _AVOID for a in tok.ancestors)
                   or any(sdoc[i].lower_ in ("not", "never", "no")
                          for i in range(max(sp.start, m.tok_start - 2), m.tok_start)))
            cond = _in_clause(tok, IF_MARKS)
            phase = _phase(tok)
            hedge = _hedge(_clause(_verb_of(tok)))
            if _RANGE_EDGE.search(sp.text):
                hedge = "minority"  # "walking at 9 or at 16 months is also normal": the edges of a range
            for age in ages:
                a_abs = block.start + sp.start_char + age.start
                rel = age.relation
                if neg:
                    if rel != "by" or cond or self.kb.milestones[m.mid].not_before is None:
                        continue
                    rel = "not-before"
                self._add(kind="age", subjects=(m.mid,), relation=rel, polarity=-1 if neg else 1,
                          start=min(m.start, a_abs), end=max(m.end, block.start + sp.start_char + age.end),
                          sent_start=st.start, sent_end=st.end, form=f"age ({age.relation})",
                          hedge="minority" if age.extreme else hedge, conditional=cond, months=age.months,
                          stated=age.stated, phase=phase,
                          quote=self.doc.text[a_abs: block.start + sp.start_char + age.end],
                          block=block.index)
    def _age_words(self, block: Block, st: _Sent, spans: list[tuple[str, int, int]]) -> None:
        sp = st.span
        sdoc = sp.doc
        if not st.mentions or _NOT_NOW.search(sp.text):
            return  # a reflex, the breast crawl, or the future: "your newborn will learn to crawl"
        for label, s, e in spans:
            if not (sp.start <= s < sp.end):
                continue
            word = sdoc[s:e].root
            if word.dep_ in ("compound", "amod") and word.head.lemma_.lower() not in BABY_WORDS:
                continue  # "infant first aid", "newborn sleep schedule": a modifier, not who does it
            verb = _verb_of(word.head if word.dep_ in ("nsubj", "nsubjpass", "pobj", "poss") else word)
            for m in st.mentions:
                if m.tok_start < s:
                    continue
                t = sdoc[m.tok]
                ok = False
                for _ in range(8):  # climb from the milestone to the age word's verb, same subject
                    if t.i == verb.i:
                        ok = True
                        break
                    if t.i != m.tok and t.pos_ in ("VERB", "AUX") and any(
                            c.dep_ in ("nsubj", "nsubjpass") and c.i != word.i for c in t.children):
                        break
                    if t.head.i == t.i:
                        break
                    t = t.head
                if not ok or _negated(sdoc[m.tok]) or _in_clause(sdoc[m.tok], IF_MARKS):
                    continue
                if label == "baby":
                    break
                self._add(kind="age-word", subjects=(m.mid, label), relation="at", polarity=1,
                          start=block.start + sdoc[s].idx, end=m.end, sent_start=st.start, sent_end=st.end,
                          form="age word", months=self.kb.age_words[label].months,
                          quote=self.doc.text[block.start + sdoc[s].idx: m.end], block=block.index)
                break

    def _first(self, block: Block, st: _Sent) -> None:
        """'X come first', 'X are the first to appear' (milestones of a group only, e.g. teeth)."""
        sp = st.span
        sdoc = sp.doc
        for m in st.mentions:
            if not self.kb.milestones[m.mid].group:
                continue
            t = sdoc[m.tok]
            v = t.head if t.dep_ in ("nsubj", "nsubjpass") else None
            if v is None:
                continue
            is_first = any(c.lower_ == "first" and c.dep_ in ("advmod", "attr", "acomp", "npadvmod")
                           for c in v.children) or any(
                c.lower_ in ("through", "in", "out") and any(g.lower_ == "first" for g in c.children)
                for c in v.children)
            if is_first and not _negated(v):
                self._add(kind="first", subjects=(m.mid,), relation="first", polarity=1, start=m.start,
                          end=m.end, sent_start=st.start, sent_end=st.end, form="X comes first",
                          hedge=_hedge(sp), quote=self.doc.text[st.start:st.end], block=block.index)

    # .. advice ..
    def _args(self, verb: Any) -> tuple[str, frozenset[str]]:
        objs = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
        if not objs and verb.dep_ != "conj":
            # "never tilt or prop up the mattress": coordinated verbs share the last one's object
            objs = [c for v in verb.conjuncts if v.i > verb.i and v.pos_ == "VERB"
                    for c in v.children if c.dep_ == "dobj"][:1]
        # "give babies water": the thing given, not the baby, names the advice
        main = next((c for c in objs if c.lemma_.lower() not in BABY_WORDS), objs[0] if objs else None)
        obj = "" if main is None else "baby" if main.lemma_.lower() in BABY_WORDS else main.lemma_.lower()
        if main is not None and obj in _PART_NOUNS:
            whole = [g for c in main.children if c.dep_ == "prep" and c.lower_ == "of"
                     for g in c.children if g.dep_ == "pobj"]
            if whole:
                obj = whole[0].lemma_.lower()
        act = _VERB_SYNONYMS.get(verb.lemma_.lower(), verb.lemma_.lower())
        obj = _OBJECT_SYNONYMS.get(act, {}).get(obj, obj)
        args: set[str] = set()
        for c in verb.children:
            if (main is not None and c.i == main.i) or (
                    c.dep_ in ("dobj", "dative") and c.lemma_.lower() in BABY_WORDS):
                continue
            if c.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ in COND_MARKS for g in c.children):
                continue
            if c.dep_ in ("prep", "xcomp", "advcl", "dobj", "dative", "npadvmod", "acomp", "ccomp"):
                for g in c.subtree:
                    if g.pos_ in ("NOUN", "PROPN", "VERB") and g.lemma_.lower() not in _NOT_ARGS \
                            and g.dep_ not in ("amod",) and not g.like_num:
                        if g.dep_ == "advcl" and any(h.dep_ == "mark" and h.lower_ in COND_MARKS
                                                     for h in g.children):
                            break
                        args.add(g.lemma_.lower())
        return obj, frozenset(args)

    def _advice(self, block: Block, st: _Sent) -> None:
        sp = st.span
        heads = []
        root = sp.root
        lead = [t for t in sp if t.i < root.i]
        core = list(lead)
        while core and (core[-1].pos_ in ("ADV", "PART") or core[-1].lower_ in ("do", "please")):
            core.pop()  # "For a sleepy baby, always wake…": the adverbs after the comma
        imperative_place = root.tag_ == "VB" or not lead or lead[-1].text == "," or all(
            t.pos_ in ("ADV", "PART", "PUNCT") or t.lower_ in ("do", "please") for t in lead) or (
            bool(core) and core[-1].text == ",")
        if imperative_place and root.tag_ in ("VB", "VBP") and not any(
                c.dep_ in ("nsubj", "nsubjpass", "expl") for c in root.children) \
                and not any(c.dep_ == "aux" and c.lower_ == "to" for c in root.children):
            heads.append(root)
            heads += [t for t in sp if t.dep_ == "conj" and t.tag_ == "VB" and t.i != root.i
                      and not any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children)]
        for t in sp:
            if t.tag_ == "VB" and t not in heads and t.dep_ in ("ccomp", "parataxis") and t.head.i > t.i \
                    and not any(c.dep_ in ("nsubj", "nsubjpass", "expl", "aux", "mark") for c in t.children) \
                    and all(x.is_punct or x.i in {y.i for y in t.subtree} for x in sp if x.i < t.i):
                # "At night, raise the mattress, so your baby can breathe": an imperative parsed as a
                # complement of the clause that follows it
                heads.append(t)
                continue
            if t.tag_ == "VB" and t not in heads:
                auxes = {c.lower_ for c in t.children if c.dep_ == "aux"}
                subj = [c for c in t.children if c.dep_ == "nsubj"]
                you_should = bool(auxes & {"should", "must"}) and bool(subj) and subj[0].lower_ == "you"
                you_need = t.dep_ == "xcomp" and t.head.lemma_ in ("need", "have") and any(
                    c.dep_ == "nsubj" and c.lower_ == "you" for c in t.head.children)
                no_need = t.dep_ in ("acl", "relcl") and t.head.lower_ == "need" and any(
                    c.lower_ == "no" for c in t.head.children)
                if you_should or you_need or no_need:
                    heads.append(t)
        first = sp[0]
        if (not heads and first.tag_ == "VB" and first.dep_ in ("compound", "amod", "nmod")
                and first.head.dep_ == "ROOT" and first.head.pos_ in ("NOUN", "PROPN")):
            self._short_imperative(block, st, first, first.head)  # "Avoid pacifiers." parsed as a noun
            return
        if not heads:
            return
        hedge = _hedge(sp)
        cond = any(t.dep_ == "mark" and t.lower_ in COND_MARKS for t in sp) or bool(
            re.match(r"\W*(in|during|for) the (first|early) (few )?(days|weeks|months)", sp.text,
                     re.IGNORECASE)) or bool(_SCOPE.match(sp.text))
        for v in heads:
            lemma = v.lemma_.lower()
            neg_tok = [c for c in v.children if c.dep_ == "neg" or c.lower_ == "never"]
            absolute = any(c.lower_ in ABSOLUTE for c in v.children)
            if v.dep_ == "conj" and v.head in heads and not neg_tok and not absolute and not any(
                    c.dep_ in ("nsubj", "nsubjpass") for c in v.children) and not any(
                    c.dep_ == "cc" and c.lower_ == "but" for c in v.head.children):
                # "never tilt or prop up the mattress": the second verb is forbidden too
                head_neg = [c for c in v.head.children if c.dep_ == "neg" or c.lower_ == "never"]
                if head_neg:
                    neg_tok = head_neg
                    absolute = absolute or any(c.lower_ in ABSOLUTE for c in v.head.children)
            polarity = -1 if neg_tok else 1
            if v.dep_ == "xcomp" and v.head.lemma_ in ("need", "have"):
                if _negated(v.head):
                    polarity = -1
                else:
                    continue
            if v.dep_ in ("acl", "relcl") and v.head.lower_ == "need":
                polarity = -1
            # "leave your baby to cry" is "let your baby cry"
            leave_to = [c for c in v.children if c.dep_ in ("xcomp", "advcl") and c.pos_ == "VERB" and any(
                g.dep_ == "aux" and g.lower_ == "to" for g in c.children)] if lemma == "leave" and any(
                c.dep_ == "dobj" and c.lemma_.lower() in BABY_WORDS for c in v.children) else []
            if lemma in ATTITUDE or leave_to:
                polarity *= ATTITUDE.get(lemma, 1)
                objs = leave_to or [c for c in v.children if c.dep_ in ("dobj", "ccomp", "xcomp")]
                if not objs:
                    continue
                o = objs[0]
                ms = [m for m in st.mentions if m.tok in {t.i for t in o.subtree}]
                if ms:
                    key = ("milestone", ms[0].mid)
                    args: frozenset[str] = frozenset()
                elif o.pos_ == "VERB":
                    if o.lemma_.lower() in SKIP_VERBS:
                        continue
                    obj, args = self._args(o)
                    doer = [c for c in (*v.children, *o.children) if c.dep_ in ("dobj", "nsubj")]
                    if not obj and any(c.lemma_.lower() in BABY_WORDS for c in doer):
                        obj = "baby"  # "let your baby cry" = "let your baby cry it out"
                    key = (_VERB_SYNONYMS.get(o.lemma_.lower(), o.lemma_.lower()), obj)
                else:
                    key = ("any", o.lemma_.lower())  # "avoid honey" covers "give honey", "offer honey"
                    args = frozenset()
            elif lemma == "keep" and (kept := self._kept_out(v)) is not None:
                key, args = kept
                polarity = -polarity  # "keep pillows out of the crib": no pillows in the crib
            else:
                if lemma in SKIP_VERBS:
                    continue
                obj, args = self._args(v)
                key = (_VERB_SYNONYMS.get(lemma, lemma), obj)
            self._add(kind="advice", subjects=("|".join(key),), relation="do" if polarity > 0 else "don't",
                      polarity=polarity, months=self._advice_ages(sp, block), start=block.start + v.idx,
                      end=block.start + v.idx + len(v.text),
                      sent_start=st.start, sent_end=st.end, form="advice", hedge=hedge, conditional=cond,
                      absolute=absolute, args=args, quote=self.doc.text[st.start:st.end], block=block.index)

    @staticmethod
    def _kept_out(verb: Any) -> tuple[tuple[str, str], frozenset[str]] | None:
        """ "Keep pillows out of the crib" (no pillows where the crib is), "keep your baby away from smoke"
        (no smoke): the advice against the thing, with the place as its detail."""
        away = [c for c in verb.children
                if c.lower_ in ("out", "away") and c.dep_ in ("prep", "advmod", "prt")]
        objs = [c for c in verb.children if c.dep_ == "dobj"]
        if not away or not objs:
            return None
        places = [g for a in away for p in (a, *a.children) for g in p.children
                  if g.dep_ == "pobj" and g.pos_ in ("NOUN", "PROPN")]
        if objs[0].lemma_.lower() in BABY_WORDS:
            if not places:
                return None
            return ("any", places[0].lemma_.lower()), frozenset()
        return ("any", objs[0].lemma_.lower()), frozenset(p.lemma_.lower() for p in places)

    def _short_imperative(self, block: Block, st: _Sent, verb: Any, obj: Any) -> None:
        lemma = verb.lemma_.lower()
        polarity = ATTITUDE.get(lemma, 1)
        key = ("any", obj.lemma_.lower()) if lemma in ATTITUDE else (_VERB_SYNONYMS.get(lemma, lemma),
                                                                     obj.lemma_.lower())
        if key[0] in SKIP_VERBS:
            return
        self._add(kind="advice", subjects=("|".join(key),), relation="do" if polarity > 0 else "don't",
                  polarity=polarity, start=block.start + verb.idx,
                  end=block.start + verb.idx + len(verb.text),
                  sent_start=st.start, sent_end=st.end, form="advice", quote=self.doc.text[st.start:st.end],
                  block=block.index)

    def _advice_ages(self, sp: Any, block: Block) -> tuple[float, float] | None:
        """The ages a piece of advice is limited to ("under 6 months", "from 6 months", "newborns")."""
        lo, hi = 0.0, 1000.0
        limited = False
        for age in parse_ages(sp.text):
            limited = True
            if age.relation == "by":
                hi = min(hi, age.months[1] - 0.01)
            elif age.relation == "from":
                lo = max(lo, age.months[0])
            else:
                lo, hi = max(lo, age.months[0]), min(hi, age.months[1])
        for t in sp:
            for w in self.kb.age_words.values():
                word = t.lower_.replace("-", "").rstrip("s")
                if w.id in ("newborn", "toddler", "preschooler") and word == w.id:
                    lo, hi = max(lo, w.months[0]), min(hi, w.months[1])
                    limited = True
        return (lo, hi) if limited else None

    def _it_is_safe_to(self, block: Block, st: _Sent, root: Any, comp: list[Any], verb: Any) -> None:
        """ "It is safe to give water from 6 months" / "It is not safe to give honey": advice in a verdict."""
        if verb.pos_ != "VERB" or verb.lemma_.lower() in SKIP_VERBS:
            return
        pol = _verdict_polarity(root, comp)
        if not pol:
            return
        lemma = verb.lemma_.lower()
        obj, args = self._args(verb)
        key = (_VERB_SYNONYMS.get(lemma, lemma), obj)
        sp = st.span
        cond = any(t.dep_ == "mark" and t.lower_ in COND_MARKS for t in sp)
        self._add(kind="advice", subjects=("|".join(key),), relation="do" if pol > 0 else "don't",
                  polarity=pol, months=self._advice_ages(sp, block), start=block.start + verb.idx,
                  end=block.start + verb.idx + len(verb.text), sent_start=st.start, sent_end=st.end,
                  form="it is safe to X", hedge=_hedge(sp), conditional=cond, args=args,
                  quote=self.doc.text[st.start:st.end], block=block.index)

    def _thing_verdict(self, block: Block, st: _Sent, subj: Any, comp: list[Any]) -> None:
        """ "Teething gels are safe" / "Teething gels are dangerous": a verdict on a plain noun phrase,
        only when both subject and verdict stand bare (no "in newborns", "after vaccines")."""
        root = st.span.root
        if subj.pos_ not in ("NOUN", "PROPN") or subj.lemma_.lower() in BABY_WORDS:
            return
        if not _bare(subj.subtree, subj) or not all(_bare(c.subtree, c) for c in comp):
            return
        if any(c.dep_ in ("prep", "advcl", "xcomp", "ccomp", "npadvmod") for c in root.children):
            return
        pol = _verdict_polarity(root, comp)
        if not pol:
            return
        mods = sorted(t.lemma_.lower() for t in subj.subtree if t.dep_ in ("compound", "amod", "nmod"))
        key = "noun|" + " ".join(mods + [subj.lemma_.lower()])
        self._add(kind="verdict", subjects=(key,), relation="good" if pol > 0 else "bad", polarity=pol,
                  start=block.start + subj.left_edge.idx, end=block.start + comp[-1].idx + len(comp[-1].text),
                  sent_start=st.start, sent_end=st.end, form="X is safe / dangerous", hedge=_hedge(st.span),
                  conditional=_in_clause(root, IF_MARKS), quote=self.doc.text[st.start:st.end],
                  block=block.index)

    def _verdict(self, block: Block, st: _Sent) -> None:
        sp = st.span
        root = sp.root
        if root.lemma_ != "be":
            return
        subj = [c for c in root.children if c.dep_ in ("nsubj", "csubj", "expl")]
        comp = [c for c in root.children if c.dep_ in ("acomp", "attr")]
        if not subj or not comp:
            return
        if subj[0].lower_ == "it":  # "it is normal for babies to crawl backward"
            xs = [c for c in root.children if c.dep_ in ("xcomp", "ccomp", "advcl")] + [
                g for c in comp for g in c.children if g.dep_ in ("xcomp", "ccomp", "advcl")]
            xs = [x for x in xs if not any(g.dep_ == "mark" and g.lower_ != "for" for g in x.children)]
            if not xs:
                return
            subj = xs[:1]
            if not any(m.tok in {t.i for t in subj[0].subtree} for m in st.mentions):
                self._it_is_safe_to(block, st, root, comp, subj[0])
                return
        sub_ids = {t.i for t in subj[0].subtree}
        ms = [m for m in st.mentions if m.tok in sub_ids]
        if not ms:
            self._thing_verdict(block, st, subj[0], comp)
            return

        # only the bare behaviour ("backward crawling is normal"), not a qualified one ("... on one side")
        if subj[0].dep_ in ("xcomp", "ccomp", "advcl"):
            allowed = {t.i for t in subj[0].subtree
                       if t.lower_ in BABY_WORDS or t.dep_ in ("aux", "mark", "det", "poss", "advmod")}
            extra = [t for t in subj[0].subtree
                     if t.pos_ in ("NOUN", "VERB", "ADJ", "ADP") and t.i not in allowed
                     and not (ms[0].tok_start <= t.i < ms[0].tok_end) and t.lower_ != "for"]
        else:
            extra = [t for t in subj[0].subtree if t.pos_ in ("NOUN", "VERB", "ADJ", "ADP")
                     and not (ms[0].tok_start <= t.i < ms[0].tok_end)]
        if extra:
            return
        pol = _verdict_polarity(root, comp)
        if not pol:
            return
        self._add(kind="verdict", subjects=(ms[0].mid,), relation="good" if pol > 0 else "bad", polarity=pol,
                  start=ms[0].start, end=block.start + comp[0].idx + len(comp[0].text), sent_start=st.start,
                  sent_end=st.end, form="X is normal / a warning sign", hedge=_hedge(sp),
                  conditional=_in_clause(root, IF_MARKS), quote=self.doc.text[st.start:st.end],
                  block=block.index)


def _bare(tokens: Iterable[Any], head: Any) -> bool:
    """A phrase with no qualifier (no preposition, clause or second noun): "teething gels", "safe"."""
    return all(t.i == head.i or t.dep_ in ("det", "compound", "amod", "advmod", "neg", "punct", "poss")
               for t in tokens)


def _verdict_polarity(root: Any, comp: list[Any]) -> int:
    comp_text = " ".join(t.text for c in comp for t in c.subtree)
    pol = -1 if NEG_VERDICT.search(comp_text) else 1 if POS_VERDICT.search(comp_text) else 0
    return -pol if any(c.dep_ == "neg" for c in root.children) else pol


def extract(doc: Document, kb: Knowledge, spacy_for: Any) -> list[Claim]:
    """All claims of ``doc`` in text order."""
    claims = Extractor(doc, kb, spacy_for).run()
    claims.sort(key=lambda c: (c.start, c.kind))
    return claims


def summary(c: Claim, kb: Knowledge) -> str:
    """The claim in plain words, for messages and --explain-claims."""
    lab = kb.label
    if c.kind == "order":
        return f"{lab(c.subjects[0])} first, then {lab(c.subjects[1])}"
    if c.kind == "age" and c.months:
        lo, hi = c.months
        if c.relation == "by":
            return f"{lab(c.subjects[0])} by {_fmt(hi)} months"
        if c.relation == "from":
            return f"{lab(c.subjects[0])} from {_fmt(lo)} months"
        if c.relation == "not-before":
            return f"no {lab(c.subjects[0])} before {_fmt(hi)} months"
        return f"{lab(c.subjects[0])} at {_fmt(lo)}–{_fmt(hi)} months"
    if c.kind == "age-word":
        return f"{c.subjects[1]}s doing {lab(c.subjects[0])}"
    if c.kind == "advice":
        verb, _, obj = c.subjects[0].partition("|")
        what = f"{verb} {obj}".strip() if verb != "milestone" else lab(obj)
        if verb == "any":
            what = obj
        if c.args:
            what += f" ({', '.join(sorted(c.args))})"
        return ("do: " if c.polarity > 0 else "don't: ") + what
    if c.kind == "verdict":
        if c.subjects[0].startswith("noun|"):
            return f"{c.subjects[0][5:]} is {'fine' if c.polarity > 0 else 'a concern'}"
        return f"{lab(c.subjects[0])} is {'fine' if c.polarity > 0 else 'a concern'}"
    return f"{c.kind}: {', '.join(c.subjects)}"


def _fmt(x: float) -> str:
    return str(int(x)) if abs(x - round(x)) < 0.05 else f"{x:.1f}"


def iter_pairs(items: list[Claim]) -> Iterator[tuple[Claim, Claim]]:
    for i, a in enumerate(items):
        for b in items[i + 1:]:
            yield a, b
