"""Disclaimer and health claims (EL4xx): medical advice needs a disclaimer, reassurance needs care.

Cheap checks, no NLP: the one sentence segmentation (:mod:`editlint.segment`) and the lexicons in
``rules/data/health-lexicon.toml`` and ``rules/data/disclaimers.toml``. One analysis per document
(evidence that the article gives health advice, the disclaimers it has, labelled myths) is shared by
the family's rules through ``ctx.memo``.
"""

from __future__ import annotations

import bisect
import dataclasses
import html
import itertools
import re
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import partial
from types import MappingProxyType
from typing import Any

from .. import datamodels as models
from .. import segment
from ..api import DataSchema, DataSource
from ..blockcache import ident, reuse
from ..document import Block, BlockKind, Document
from ..errors import ConfigError, EditlintError
from ..findings import Applicability, Edit, Severity
from ..regexgate import Gate, fold, gate
from ..source import Source
from .base import CheckContext, ConfigSection, Hit, Option, Span, check_type

#: How a source is read in its format (the engine's reader, offered as ``ctx.read``).
Reader = Callable[[Source], Document]

DEFAULT_TEXT = ("This article is for general information only and is not a substitute for professional "
                "medical advice. Always talk to your child's doctor about your child's health.")
POSITIONS = ("anywhere", "top", "bottom", "first-words")

disclaimer_section = ConfigSection("disclaimer", {
    "text": Option(str, DEFAULT_TEXT, "the disclaimer that --fix inserts (always recognised as one)"),
    "position": Option(str, "anywhere", "where the disclaimer must be: anywhere, top, bottom or "
                       "first-words (within the first within-words words)", POSITIONS),
    "within-words": Option(int, 100, "for position = first-words: how many words may come before it"),
    "required-wording": Option(str, "", "a regular expression (or phrase) the disclaimer must contain; "
                               "empty for none"),
}, help="How EL401 recognises, places and inserts the medical disclaimer.")

_QUOTE_CHARS = "\"“”"
_SUBSTANTIAL_WORDS = 15
#: Evidence that makes a sentence's neighbourhood about health even in an article that is not.
_LOCAL_HEALTH_KINDS = frozenset({"symptom", "condition", "medicine", "clinician", "care"})
_OWN_SENTENCE_KINDS = _LOCAL_HEALTH_KINDS | {"development"}


# -- data ----------------------------------------------------------------------------------------------
_PLURAL_END = r"(?:s|es)?(?![\w-])"
_WORD_END = r"(?![\w-])"


def _term_parts(term: str) -> tuple[str, str, str]:
    """A term's pattern in three parts: what must not come before it, the term, what may and must not come
    after it."""
    words = [re.escape(w) for w in term.strip().split()]
    body = re.sub(r"\\?['’]", "['’]", r"[\s\u00a0]+".join(words)).replace("\\-", "[-‐–]?")
    left = r"(?<![\w-])" if term[:1].isalnum() else ""
    right = _PLURAL_END if term[-1:].isalpha() else (r"(?!\w)" if term[-1:].isalnum() else "")
    return left, body, right


def term_regex(term: str) -> str:
    """Whole-word regular expression (to compile case-insensitively) for a lexicon term; tolerates plurals,
    quotes, spacing. A string, so that alternations of many terms are built without compiling each term."""
    return "".join(_term_parts(term))


def _alternation(parts: Iterable[tuple[str, str, str, bool]]) -> str:
    """``left body right`` alternatives (``(?-i:…)`` when the flag is set), in the order given, with the
    boundaries of neighbours that share them written once: ``L(?:a|b)R`` matches what ``LaR|LbR`` matches,
    trying a then b the same way, and is about half the pattern to compile (a cold run compiles thousands
    of terms)."""
    out = []
    for (left, right, exact), group in itertools.groupby(parts, key=lambda p: (p[0], p[2], p[3])):
        bodies = [body for _, body, _, _ in group]
        alt = left + (f"(?:{'|'.join(bodies)})" if len(bodies) > 1 else bodies[0]) + right
        out.append(f"(?-i:{alt})" if exact else alt)
    return "|".join(out) or r"(?!x)x"


def _term_alternation(terms: Iterable[str]) -> str:
    """The terms' patterns, one alternation in the order given (:func:`_alternation`)."""
    return _alternation((*_term_parts(t), False) for t in terms)


def term_pattern(term: str) -> re.Pattern[str]:
    """Whole-word, case-insensitive pattern for a lexicon term (:func:`term_regex`, compiled)."""
    return re.compile(term_regex(term), re.IGNORECASE)


@dataclass(frozen=True)
class Kind:
    name: str
    label: str
    weight: float
    cap: int
    matchers: tuple[tuple[str, str], ...]  # (distinct key, regular expression, compiled case-insensitively)
    by_word: Mapping[str, tuple[int, ...]] = field(default_factory=dict)  # first word -> term matchers
    regexes: tuple[int, ...] = ()  # matchers that are regular expressions (always tried)
    contextual: frozenset[int] = frozenset()  # matchers that count only next to a medicine
    _compiled: dict[int, re.Pattern[str]] = field(default_factory=dict, compare=False, repr=False)
    _gates: dict[int, Gate] = field(default_factory=dict, compare=False, repr=False)

    def candidates(self, words: set[str], folded: str | None = None
                   ) -> list[tuple[int, str, re.Pattern[str]]]:
        """Matchers worth trying on a sentence with these words (a cheap index before the regexes); given
        the sentence :func:`~editlint.regexgate.fold`-ed, only those whose literal gate is open."""
        idx = set(self.regexes)
        for w in words & self.by_word.keys():
            idx.update(self.by_word[w])
        out = []
        for i in sorted(idx):
            g = self._gates.get(i)
            if g is None:
                g = self._gates[i] = gate(self.pattern(i))
            if g.open(folded):
                out.append((i, self.matchers[i][0], g.pattern))
        return out

    def pattern(self, i: int) -> re.Pattern[str]:
        """Matcher ``i`` compiled, on first use: a lexicon has hundreds of terms, an article meets a few
        (compiling them all cost a cold run about 0.2 s)."""
        found = self._compiled.get(i)
        if found is None:
            found = self._compiled[i] = re.compile(self.matchers[i][1], re.IGNORECASE)
        return found


@dataclass(frozen=True)
class Reassurance:
    pattern: re.Pattern[str]
    softer: str


@dataclass(frozen=True)
class Lexicon:
    kinds: Mapping[str, Kind]
    reassurance: tuple[Reassurance, ...]
    hedge: re.Pattern[str]
    weak_hedge: re.Pattern[str]
    source: tuple[re.Pattern[str], ...]
    myth: re.Pattern[str]
    fact: re.Pattern[str]
    medicine: re.Pattern[str]
    named: re.Pattern[str]
    instruction: re.Pattern[str]
    amounts: tuple[re.Pattern[str], ...]
    check_advice: tuple[re.Pattern[str], ...]
    page_advice: tuple[re.Pattern[str], ...]
    care: tuple[re.Pattern[str], ...]
    concern_kinds: tuple[str, ...]
    hazard_before: tuple[re.Pattern[str], ...]
    hazard_after: tuple[re.Pattern[str], ...]
    kind_concern: Mapping[str, tuple[re.Pattern[str], ...]]  # kind -> where its evidence is a concern
    references: tuple[re.Pattern[str], ...]


def _kind(name: str, raw: models.EvidenceKind) -> Kind:
    """One [kinds.NAME] table: plain terms and patterns, and contextual ones (evidence only next to a
    medicine in the same sentence)."""
    terms, context_terms = list(raw.terms), list(raw.contextual)
    all_terms = terms + context_terms
    matchers = [(t.casefold(), term_regex(t)) for t in all_terms]
    by_word: dict[str, list[int]] = {}
    for i, t in enumerate(all_terms):
        by_word.setdefault(_WORD.findall(t.casefold())[0], []).append(i)
    contextual = set(range(len(terms), len(all_terms)))
    matchers += [(p, p) for p in raw.patterns]  # validated when the data was loaded (datamodels.Regex)
    start = len(matchers)
    matchers += [(p, p) for p in raw.contextual_patterns]
    contextual |= set(range(start, len(matchers)))
    return Kind(name, raw.label or name, raw.weight, raw.cap, tuple(matchers),
                MappingProxyType({w: tuple(ix) for w, ix in by_word.items()}),
                tuple(range(len(all_terms), len(matchers))), frozenset(contextual))


def _terms(terms: Iterable[str]) -> re.Pattern[str]:
    return re.compile(_term_alternation(terms), re.IGNORECASE)


def _compiled(patterns: Iterable[str], flags: int = re.IGNORECASE) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p, flags) for p in patterns)


def _lexicon(data: models.HealthLexicon) -> Lexicon:
    """The health lexicon compiled from its validated data."""
    hedging, dose = data.hedging, data.dose
    return Lexicon(
        kinds=MappingProxyType({name: _kind(name, raw) for name, raw in data.kinds.items()}),
        reassurance=tuple(Reassurance(re.compile(r.pattern, re.IGNORECASE), r.softer)
                          for r in data.reassurance),
        hedge=_terms(hedging.hedges), weak_hedge=_terms(hedging.weak_hedges),
        source=_compiled(hedging.source_patterns),
        myth=_label_pattern(hedging.myth_labels), fact=_label_pattern(hedging.fact_labels),
        medicine=_terms(dose.medicines), named=_terms(dose.named),
        instruction=re.compile(dose.instruction, re.IGNORECASE),
        amounts=_compiled(dose.amounts), check_advice=_compiled(dose.check_advice),
        page_advice=_compiled(dose.page_advice),
        care=_compiled(data.care.patterns), concern_kinds=tuple(data.care.kinds),
        hazard_before=_compiled(data.care.hazard_before), hazard_after=_compiled(data.care.hazard_after),
        kind_concern=MappingProxyType({k: _compiled(v) for k, v in data.care.kind_concern.items()}),
        references=_compiled(data.references.patterns),
    )


@dataclass(frozen=True)
class Voice:
    """How advice and stories sound ([voice] in data/health-lexicon.toml)."""

    narrative_share: float
    imperative: re.Pattern[str]
    advice: tuple[re.Pattern[str], ...]
    person: re.Pattern[str]
    past: re.Pattern[str]
    hedged: re.Pattern[str]
    definitions: tuple[re.Pattern[str], ...]
    definition_kinds: frozenset[str]
    recommendation: tuple[re.Pattern[str], ...] = ()

    def recommends(self, text: str) -> bool:
        """A statement of what children need or what is recommended, not an instruction to the reader."""
        return self.imperative.search(text) is None and any(p.search(text) for p in self.recommendation)


def _voice(data: models.Voice) -> Voice:
    verbs = _term_alternation(data.imperative_verbs) if data.imperative_verbs else ""
    openers = "|".join(re.escape(t) for t in data.openers)
    imperative = re.compile(
        r"^\W*(?:(?:if|when|once|after|before|while|for|at|in|during|until|as\s+soon\s+as)\b[^,]{0,100},\s*)?"
        rf"(?:(?:{openers})\s+)*(?:{verbs})", re.IGNORECASE)
    return Voice(
        narrative_share=data.narrative_share, imperative=imperative, advice=_compiled(data.advice_patterns),
        person=re.compile(data.narrative_person, re.IGNORECASE),
        past=re.compile(data.narrative_past, re.IGNORECASE),
        hedged=re.compile(data.narrative_not, re.IGNORECASE),
        definitions=_compiled(data.definition_patterns), definition_kinds=frozenset(data.definition_kinds),
        recommendation=_compiled(data.recommendation_patterns),
    )


@dataclass(frozen=True)
class Health:
    """The ``health-lexicon`` data object (``ctx.data("health-lexicon")``): the lexicon and the voice."""

    lexicon: Lexicon
    voice: Voice


def build_health(data: models.HealthLexicon, source: DataSource) -> Health:
    return Health(_lexicon(data), _voice(data.voice))


def _label_pattern(labels: Iterable[str]) -> re.Pattern[str]:
    alts = "|".join(re.escape(lb).replace("'", "['’]") for lb in sorted(labels, key=lambda w: (-len(w), w)))
    return re.compile(rf"(?<!\w)(?:{alts})\s*[:—–-]", re.IGNORECASE)


@dataclass(frozen=True)
class DisclaimerData:
    phrases: tuple[str, ...]  # the disclaimer wordings
    wording: re.Pattern[str]  # all of them, one alternation: a sentence is a disclaimer if it matches
    follow_on: re.Pattern[str]
    disclaimer_keys: tuple[str, ...]
    reviewer_keys: tuple[str, ...]
    titles: tuple[re.Pattern[str], ...]
    markers: tuple[str, ...]


def _disclaimer_data(data: models.Disclaimers) -> DisclaimerData:
    meta = data.metadata
    return DisclaimerData(
        phrases=tuple(data.phrases),
        wording=re.compile(_term_alternation(data.phrases), re.IGNORECASE),
        follow_on=re.compile(data.constructions.follow_on, re.IGNORECASE),
        disclaimer_keys=tuple(k.casefold() for k in meta.disclaimer_keys),
        reviewer_keys=tuple(k.casefold() for k in meta.reviewer_keys),
        titles=_compiled(meta.clinician_titles, 0),
        markers=tuple(m.casefold() for m in data.html.markers),
    )


# -- disclaimer constructions ---------------------------------------------------------------------------
@dataclass(frozen=True)
class Constructions:
    """The parts a disclaimer is made of (``[constructions]`` in data/disclaimers.toml), compiled."""

    subject: re.Pattern[str]  # the page, its information, or its authors
    self_ref: re.Pattern[str]  # the page or its information only (carried to a follow-on "It …")
    nothing: re.Pattern[str]  # a subject that is itself the denial ("nothing here")
    denial: re.Pattern[str]  # NEGATOR [fillers] RELATION, groups "rel" and "obj"
    relation: re.Pattern[str]  # RELATION alone, groups "rel" and "obj" (after a "nothing" subject)
    auxiliary: re.Pattern[str]  # what must stand just before the negator
    clinical: re.Pattern[str]  # the object a replace/substitute relation needs
    author: re.Pattern[str]
    identity: re.Pattern[str]  # NEGATOR [a] [qualifier] PROFESSIONAL after "we are …"
    deferral: re.Pattern[str]  # DEFER-VERB the child's own CLINICIAN
    scope: tuple[re.Pattern[str], ...]
    framing: re.Pattern[str]  # SELF be (for) general information, not "… about X"


_CLAUSE_BREAK = re.compile(r"[;:—–()]|,\s*(?:but|and|so)\b|\s(?:but|so)\s")
_SUBORDINATOR = re.compile(r"\b(?:why|how|that|when|whether|because|if|since|while|although|though|which|who|"
                           r"where|what|unless|until|once)\b", re.IGNORECASE)
_CLAUSE_PRONOUN = re.compile(r"^\W*(?:it|this|that|these|they|we|I|which)\b", re.IGNORECASE)
_BE = r"(?:is|are|am|was|were|[’'`](?:s|re|m))"


def _alt(terms: Iterable[str], plural: bool = True) -> str:
    """One alternation of lexicon terms (longest first, whole words; a plural tolerated for nouns). A term
    in capitals ("I", "GP") is matched in capitals only, so "I" is not the "i" of "i.e."."""
    parts = []
    for t in sorted(set(terms), key=lambda w: (-len(w), w)):  # ties in a fixed order: same pattern each run
        left, body, right = _term_parts(t)
        parts.append((left, body, right if plural or right != _PLURAL_END else _WORD_END, t.isupper()))
    return _alternation(parts)


def _constructions(table: models.DisclaimerConstructions) -> Constructions:
    """The disclaimer constructions compiled from ``[constructions]``."""
    def terms(key: str, plural: bool = False) -> str:
        words: list[str] = getattr(table, key.replace("-", "_"))
        return _alt(words, plural)

    filled: list[tuple[str, str]] = []  # (key, pattern) with {professional} filled in

    def patterns(key: str, **fill: str) -> list[str]:
        found: list[str] = getattr(table, key.replace("-", "_"))
        out = [p.replace("{professional}", fill.get("professional", "{professional}")) for p in found]
        filled.extend((key, text) for text in out)
        return out

    prof = terms("professionals", plural=True)
    self_ref = rf"\b(?:{terms('self-determiners')})\s+(?:[\w-]+\s+)?(?:{terms('self-nouns', True)})|" + \
        "|".join(patterns("self-patterns"))
    author = terms("authors")
    neg = "|".join([terms("negators"), *patterns("negator-patterns")])
    named = "|".join(patterns("relation-patterns", professional=prof))
    relation = rf"(?P<rel>{terms('relations')}|{named})|(?P<obj>{terms('object-relations')})"
    qualified = rf"(?:(?:a|an|any|one)\s+)?(?:(?:{terms('qualifiers')})\s+)*(?:{prof})(?![’'`]s)"
    identity = rf"(?:{neg})[\s,]+{qualified}|" + "|".join(patterns("identity-patterns"))
    own = "|".join(patterns("own-clinician-patterns", professional=prof))
    try:
        return _compile_constructions(terms, patterns, self_ref, author, neg, relation, prof, identity, own)
    except re.error:
        _check_filled(filled)  # each pattern was valid on its own: find the one the professionals broke
        raise


def _check_filled(filled: Iterable[tuple[str, str]]) -> None:
    """Raise a ConfigError naming the first constructions pattern that does not compile once filled in.

    Compiled only when the whole did not compile: checking each one first cost every cold run 0.04 s."""
    for key, text in filled:
        try:
            re.compile(text, re.IGNORECASE)
        except re.error as exc:  # a valid pattern made invalid by the professionals list
            raise ConfigError(f"disclaimers: constructions.{key}: invalid regular expression {text!r} "
                              f"once {{professional}} is filled in: {exc}") from None


def _compile_constructions(terms: Callable[..., str], patterns: Callable[..., list[str]], self_ref: str,
                           author: str, neg: str, relation: str, prof: str, identity: str, own: str
                           ) -> Constructions:
    flags = re.IGNORECASE
    return Constructions(
        subject=re.compile(rf"{self_ref}|{author}", flags), self_ref=re.compile(self_ref, flags),
        nothing=re.compile("|".join(patterns("nothing-patterns")), flags),
        denial=re.compile(rf"(?:{neg})(?:[\s,]+(?:{terms('fillers')})){{0,6}}[\s,]+(?:{relation})", flags),
        relation=re.compile(relation, flags),
        auxiliary=re.compile(rf"(?:{terms('auxiliaries')}|[,(—–])\s*$", flags),
        clinical=re.compile(rf"{prof}|{terms('care-nouns', True)}", flags),
        author=re.compile(author, flags), identity=re.compile(identity, flags),
        deferral=re.compile(rf"(?:{terms('defer-verbs')})(?:\s+[^\s.;!?]+){{0,6}}?\s+(?:{own})", flags),
        scope=tuple(re.compile(p, flags) for p in patterns("scope-patterns")),
        framing=re.compile(rf"(?:{self_ref})\s+(?:{terms('framing-verbs')})\s+(?:for\s+)?(?:only\s+)?"
                           rf"(?:{terms('framing-adjectives')})\s+(?:{terms('framing-nouns')})\b"
                           r"(?!\s+(?:about|on|for|to|of|in)\b)", flags),
    )


#: sentences whose disclaimer verdict a :class:`Wordings` keeps (a few articles' worth)
VERDICTS_KEPT = 4096


class Wordings:
    """The ``disclaimers`` data object (``ctx.data("disclaimers")``): the compiled wordings and
    constructions, and a memo of the configured disclaimer's extracted forms (per registry)."""

    def __init__(self, data: DisclaimerData, constructions: Constructions) -> None:
        self.data = data
        self.constructions = constructions
        self._forms: dict[tuple[str, str, bool], tuple[str, ...]] = {}
        #: the last verdicts per sentence: EL202 and EL401 ask about the same sentences of a document
        self._verdicts: OrderedDict[tuple[str, tuple[str, ...], str | None], bool] = OrderedDict()

    def construction(self, text: str, previous: str | None = None) -> str | None:
        """Which disclaimer construction the sentence is (denial, identity, framing, deferral), or None.

        ``previous`` is the sentence before it in the same block: a follow-on "It can never diagnose." takes
        the page as its subject from "This page explains feeding."."""
        c = self.constructions
        low = fold(text)
        if _denial(c, text, previous, self.data.follow_on, low):
            return "denial"
        if _identity(c, text, low):
            return "identity"
        if gate(c.framing).search(text, low):
            return "framing"
        if gate(c.deferral).search(text, low) and any(p.search(text) for p in c.scope):
            return "deferral"
        return None

    def is_disclaimer_text(self, text: str, extra: Iterable[str] = (), previous: str | None = None) -> bool:
        """True if a sentence says, in any wording, that the page does not replace the child's clinician.

        ``previous`` is the sentence before it in the same block: a follow-on sentence ("This guide is
        general information. It does not replace your doctor's advice.") takes the page from it.
        A long-lived Linter keeps the verdict per sentence (:mod:`editlint.blockcache`)."""
        extra = tuple(extra)
        return reuse(("disclaimer-text", ident(self), text, extra, previous),
                      lambda: self._remembered(text, extra, previous))

    def _remembered(self, text: str, extra: tuple[str, ...], previous: str | None) -> bool:
        """The verdict, kept for the last :data:`VERDICTS_KEPT` sentences asked about (bounded)."""
        key = (text, extra, previous)
        got = self._verdicts.get(key)
        if got is None:
            got = self._verdicts[key] = self._is_disclaimer_text(text, extra, previous)
            if len(self._verdicts) > VERDICTS_KEPT:
                self._verdicts.popitem(last=False)
        return got

    def _is_disclaimer_text(self, text: str, extra: tuple[str, ...], previous: str | None) -> bool:
        norm = _norm(text)
        for e in extra:
            ne = _norm(e)
            if ne and ne in norm:
                return True
        if gate(self.data.wording).search(text, fold(text)):
            return True
        return self.construction(text, previous) is not None

    def configured_forms(self, text: str, fmt: str, read: Reader | None = None) -> tuple[str, ...]:
        """The configured disclaimer as written and as read back once --fix inserted it (memoised)."""
        key = (text, fmt, read is not None)
        if key not in self._forms:
            self._forms[key] = _configured_forms(text, fmt, read)
        return self._forms[key]


def build_wordings(data: models.Disclaimers, source: DataSource) -> Wordings:
    return Wordings(_disclaimer_data(data), _constructions(data.constructions))


HEALTH_DATA = DataSchema("health-lexicon", models.HealthLexicon, build_health)
DISCLAIMER_DATA = DataSchema("disclaimers", models.Disclaimers, build_wordings)


def _clinical_object(c: Constructions, text: str, m: re.Match[str]) -> bool:
    """A relation that needs an object (replace, substitute) has a clinician or clinical care after it,
    in the same clause."""
    if m.group("obj") is None:
        return True
    rest = _CLAUSE_BREAK.split(text[m.end():], maxsplit=1)[0]
    return bool(c.clinical.search(rest[:120]))


def _denial(c: Constructions, text: str, previous: str | None, follow_on: re.Pattern[str],
            low: str | None) -> bool:
    for n in gate(c.nothing).finditer(text, low):
        r = c.relation.search(text, n.end(), min(len(text), n.end() + 60))
        if r and _clinical_object(c, text, r):
            return True
    for m in gate(c.denial).finditer(text, low):
        if not _clinical_object(c, text, m):
            continue
        before = text[:m.start()]
        aux = c.auxiliary.search(before)
        if aux is None and not re.match(r"cannot|never|n[’'`]t", m.group(), re.IGNORECASE):
            continue  # "we had no diagnosis", "I got no treatment": a story, not a denial
        # "…, not medical advice", "(not …)", "…, and not a diagnosis": the negation shares the subject
        apposition = aux is not None and aux.group().strip().casefold() in (",", "(", "—", "–", "and", "but")
        cuts = [b.end() for b in _CLAUSE_BREAK.finditer(before)]
        clause_start = cuts[-1] if cuts and not apposition else 0
        clause = before[clause_start:]
        subj = None
        for found in c.subject.finditer(clause):
            subj = found  # the last subject before the negator
        if subj is not None and not _SUBORDINATOR.search(clause[subj.end():]):
            return True
        pronoun_clause = subj is None and _CLAUSE_PRONOUN.match(clause)
        if pronoun_clause and clause_start and c.self_ref.search(before[:clause_start]):
            return True  # "Our leaflet informs, but it can never diagnose."
        if pronoun_clause and not clause_start and previous is not None \
                and follow_on.search(text) and c.self_ref.search(previous):
            return True  # "This guide is general information. It is not a diagnosis."
    return False


def _identity(c: Constructions, text: str, low: str | None) -> bool:
    """An author says they are not a clinician: "we are parents, not doctors", "none of us is a nurse"."""
    for a in gate(c.author).finditer(text, low):
        head = a.group().casefold()
        rest = text[a.end():]
        clause = _SENTENCE_CLAUSE.split(rest, maxsplit=1)[0]
        if head.startswith(("none", "neither", "no one")):
            be = re.match(rf"\s+{_BE}\s+", clause)
            if be and c.identity.match("not " + clause[be.end():]):
                return True  # "none of us is a nurse" says "we are not nurses"
            continue
        if not (head.startswith("written") or head.startswith("brought") or re.match(rf"\s*{_BE}\b", clause)
                or re.search(rf"{_BE}$", head)):
            continue  # "we saw the nurse, not a doctor": no identity without "be"
        i = c.identity.search(clause[:90])
        if i is not None and not _SUBORDINATOR.search(clause[:i.start()]):
            return True
    return False


_SENTENCE_CLAUSE = re.compile(r"[;:.!?]|\bbut\b")


# -- sentences -------------------------------------------------------------------------------------------
def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans of a text with no markup at hand: the one segmentation (:mod:`editlint.segment`)."""
    return segment.sentences(text)


@dataclass(frozen=True)
class Sentence:
    start: int  # absolute offsets into doc.text
    end: int
    text: str
    block: Block
    index: int  # position in the document's sentence list


@dataclass(frozen=True)
class Evidence:
    kind: str
    key: str
    sentence: Sentence
    hazard: bool = False  # named only as a hazard or what the advice prevents ("a choking hazard")


@dataclass(frozen=True)
class Found:
    """A disclaimer: in a block (``block``), in the metadata, or in HTML outside the article's blocks."""

    how: str  # "text", "html", "metadata", "page"
    block: Block | None = None
    start: int = 0
    end: int = 0
    text: str = ""
    where: str = ""  # for "page": "before", "after" or "inside" the article's blocks


@dataclass
class Analysis:
    sentences: list[Sentence]
    evidence: list[Evidence]
    disclaimers: list[Found]
    disclaimer_sentences: set[int]
    myth_spans: list[tuple[int, int]]
    lex: Lexicon
    voice: Voice
    reassurances: list[tuple[Sentence, re.Match[str], Reassurance]] = field(default_factory=list)
    narrative: bool = False  # a story or a letter that gives no advice (see _is_narrative)
    _strong: set[int] | None = field(default=None, repr=False)
    _own: set[int] = field(default_factory=set, repr=False)

    def health_context(self, sent: Sentence) -> bool:
        """Strong health evidence (symptom, condition, medicine, clinician, care) in the sentence or next
        to it, or development evidence in the sentence itself ("crawling backwards is perfectly normal")."""
        if self._strong is None:
            self._strong = {ev.sentence.index for ev in self.evidence if ev.kind in _LOCAL_HEALTH_KINDS}
            self._own = {ev.sentence.index for ev in self.evidence if ev.kind in _OWN_SENTENCE_KINDS}
        return sent.index in self._own or any(s.index in self._strong for s in _neighbours(self, sent))

    def score(self, kinds: Iterable[str] | None = None, evidence: Iterable[Evidence] | None = None
              ) -> tuple[float, int]:
        """Weighted count of DISTINCT evidence (per kind, capped) and how many kinds contributed."""
        lex = self.lex
        wanted = set(kinds) if kinds is not None else None
        per_kind: dict[str, set[str]] = {}
        for ev in self.evidence if evidence is None else evidence:
            if wanted is None or ev.kind in wanted:
                per_kind.setdefault(ev.kind, set()).add(ev.key)
        total = 0.0
        for kind, keys in per_kind.items():
            k = lex.kinds[kind]
            total += k.weight * min(len(keys), k.cap)
        return total, sum(1 for kind in per_kind if lex.kinds[kind].weight > 0)

    def strongest(self, kinds: Iterable[str] | None = None, limit: int = 8,
                  evidence: Iterable[Evidence] | None = None) -> list[tuple[Sentence, list[str]]]:
        """Evidence sentences, strongest first (sum of kind weights, plus a little per extra term)."""
        lex = self.lex
        wanted = set(kinds) if kinds is not None else None
        by_sent: dict[int, tuple[Sentence, dict[str, set[str]]]] = {}
        for ev in self.evidence if evidence is None else evidence:
            if wanted is not None and ev.kind not in wanted:
                continue
            entry = by_sent.setdefault(ev.sentence.index, (ev.sentence, {}))
            entry[1].setdefault(ev.kind, set()).add(ev.key)
        scored: list[tuple[float, int, Sentence, list[str]]] = []
        for idx, (sent, kinds_found) in by_sent.items():
            strength = sum(lex.kinds[k].weight + 0.25 * (len(keys) - 1) for k, keys in kinds_found.items())
            labels = [lex.kinds[k].label for k in sorted(kinds_found, key=lambda k: -lex.kinds[k].weight)]
            scored.append((-strength, idx, sent, labels))
        scored.sort(key=lambda t: (t[0], t[1]))
        return [(s, labels) for _, _, s, labels in scored[:limit]]


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("’", "'")).strip().casefold()


def _is_marked(block: Block, markers: tuple[str, ...]) -> bool:
    return any(m in c for c in block.classes for m in markers)


def _metadata_disclaimer(doc: Document, extra: Iterable[str], words: Wordings) -> str | None:
    """The front-matter or <meta> key that marks a disclaimer, if any (nested fields too: an author box
    ``author: {bio: …}`` or a list of notes)."""
    data = words.data
    for key, value in _fields(doc.metadata):
        k = key.rsplit(".", 1)[-1].casefold()
        if value is None or value is False or (isinstance(value, str) and not value.strip()):
            continue
        if k in data.disclaimer_keys:
            return key
        if k in data.reviewer_keys and any(t.search(str(value)) for t in data.titles):
            return key
        if isinstance(value, str) and k != "title" and _has_disclaimer(value, extra, words):
            return key
    return None


def _fields(value: Any, key: str = "", depth: int = 0) -> Iterator[tuple[str, Any]]:
    """(dotted key, value) of every field of front matter, nested tables and lists included."""
    if isinstance(value, Mapping) and depth < 4:
        for k, v in value.items():
            sub = f"{key}.{k}" if key else str(k)
            yield sub, v
            if isinstance(v, (Mapping, list)):
                yield from _fields(v, sub, depth + 1)
    elif isinstance(value, list) and depth < 4:
        for i, v in enumerate(value):
            yield f"{key}[{i}]", v
            if isinstance(v, (Mapping, list)):
                yield from _fields(v, f"{key}[{i}]", depth + 1)


def _has_disclaimer(text: str, extra: Iterable[str], words: Wordings) -> bool:
    """A sentence of a text outside the blocks (a front-matter field) is a disclaimer."""
    previous: str | None = None
    for s, e in segment.sentences(text):
        if words.is_disclaimer_text(text[s:e], extra, previous):
            return True
        previous = text[s:e]
    return False


def _block_source_range(doc: Document, block: Block) -> tuple[int, int]:
    return doc.source_offset(block.start), doc.source_offset(max(block.end - 1, block.start)) + 1


def _page_disclaimers(doc: Document, extra: Iterable[str], words: Wordings) -> list[Found]:
    """HTML outside the article's blocks (a site footer, an aside): marked elements or usual wordings."""
    if doc.format != "html" or not doc.blocks:
        return []
    src = doc.source.text
    first = _block_source_range(doc, doc.blocks[0])[0]
    last = _block_source_range(doc, doc.blocks[-1])[1]
    text = re.sub(r"<(script|style)\b.*?</\1\s*>|<!--.*?-->|<[^>]*>",
                  lambda m: " " * len(m.group()), src, flags=re.IGNORECASE | re.DOTALL)
    found: list[int] = []
    markers = "|".join(re.escape(m) for m in words.data.markers)
    for m in re.finditer(rf"<(\w+)\b[^>]*\b(?:class|id|role|data-editlint)\s*=\s*[\"']?[^\"'>]*(?:{markers})",
                         src, re.IGNORECASE):
        close = src.find(">", m.end())
        end = re.compile(rf"</{m.group(1)}\s*>", re.IGNORECASE).search(src, close + 1) if close >= 0 else None
        if end is not None and text[close + 1:end.start()].strip():  # the element has some text
            found.append(m.start())
    for s, e in split_sentences(text):
        if words.is_disclaimer_text(text[s:e], extra):
            found.append(s)
    out: list[Found] = []
    for off in found:
        where = "before" if off < first else ("after" if off >= last else "inside")
        out.append(Found("page", where=where, start=off))
    return out


def _myth_spans(block: Block, lex: Lexicon) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Absolute spans labelled as a myth ("Myth: …" up to "Fact: …"), and whole myth-and-fact pairs."""
    myths: list[tuple[int, int]] = []
    pairs: list[tuple[int, int]] = []
    for m in lex.myth.finditer(block.text):
        f = lex.fact.search(block.text, m.end())
        myths.append((block.start + m.start(), block.start + (f.start() if f else len(block.text))))
        nxt = lex.myth.search(block.text, m.end())
        pairs.append((block.start + m.start(), block.start + (nxt.start() if nxt else len(block.text))))
    return myths, pairs


def analyse(ctx: CheckContext) -> Analysis:
    """The family's shared analysis of the document (computed once per document and settings)."""
    key = ("disclaimer", "analysis", _settings(ctx).get("text", DEFAULT_TEXT))
    return ctx.memo(key, lambda: _analyse(ctx.doc, _settings(ctx), ctx.data("health-lexicon"),
                                          ctx.data("disclaimers"), ctx.read))


def _settings(ctx: CheckContext) -> Mapping[str, Any]:
    return ctx.section("disclaimer")


def _sentences(doc: Document) -> list[Sentence]:
    """Every segment of the text blocks: the sentences all families see, and the labels run into them
    (a label is no sentence, but it can name a symptom or say "Disclaimer")."""
    sentences: list[Sentence] = []
    for block in doc.iter_blocks():
        for seg in segment.block_segments(doc, block):
            sentences.append(Sentence(block.start + seg.start, block.start + seg.end,
                                      block.text[seg.start:seg.end], block, len(sentences)))
    return sentences


def _configured_forms(text: str, fmt: str, read: Reader | None) -> tuple[str, ...]:
    """The configured disclaimer as written and as the reader extracts it once --fix has inserted it in
    a file of this format (markup escaped, then read back by ``read``, the engine's reader): either form
    in a sentence is the disclaimer."""
    if not text.strip() or read is None:
        return (text,)
    inserted = {"markdown": _md_escape(text), "html": "<p>" + html.escape(text, quote=False) + "</p>"}.get(
        fmt, re.sub(r"\s+", " ", text).strip())
    try:
        doc = read(Source(path=None, text=inserted + "\n", format=fmt))
    except EditlintError:
        return (text,)
    return (text, " ".join(b.text for b in doc.blocks))


def _disclaimers(doc: Document, sentences: list[Sentence], settings: Mapping[str, Any], words: Wordings,
                 read: Reader | None = None) -> tuple[list[Found], set[int]]:
    """The disclaimers of a document, and the indexes of the sentences that are disclaimers."""
    extra = words.configured_forms(settings.get("text", DEFAULT_TEXT), doc.format, read)
    disclaimers: list[Found] = []
    disclaimer_sents: set[int] = set()
    marked_blocks: set[int] = set()
    for sent in sentences:
        marked = _is_marked(sent.block, words.data.markers)
        prev = sentences[sent.index - 1] if sent.index else None
        previous = prev.text if prev is not None and prev.block is sent.block else None
        if marked or words.is_disclaimer_text(sent.text, extra, previous):
            disclaimer_sents.add(sent.index)
            if marked and sent.block.index in marked_blocks:
                continue
            if marked:
                marked_blocks.add(sent.block.index)
            disclaimers.append(Found("html" if marked else "text", sent.block, sent.start, sent.end,
                                     sent.text))
    meta_key = _metadata_disclaimer(doc, extra, words)
    if meta_key is not None:
        disclaimers.append(Found("metadata", text=meta_key))
    if not disclaimers:
        disclaimers += _page_disclaimers(doc, extra, words)
    return disclaimers, disclaimer_sents


def _analyse(doc: Document, settings: Mapping[str, Any], health: Health, words: Wordings,
             read: Reader | None = None) -> Analysis:
    """Sentences, disclaimers, labelled myths, reassurances and the evidence of health advice."""
    lex = health.lexicon
    sentences = _sentences(doc)
    myths: list[tuple[int, int]] = []
    pairs: list[tuple[int, int]] = []
    for block in doc.iter_blocks():
        block_myths, block_pairs = _myth_spans(block, lex)
        myths += block_myths
        pairs += block_pairs
    disclaimers, disclaimer_sents = _disclaimers(doc, sentences, settings, words, read)
    evidence: list[Evidence] = []
    analysis = Analysis(sentences, evidence, disclaimers, disclaimer_sents, myths, lex, health.voice)
    lex_key = ident(lex)
    for sent in sentences:
        if sent.index in disclaimer_sents or sent.block.kind is BlockKind.CODE:
            continue
        in_myth = any(a <= sent.start < b for a, b in pairs)
        evidence += _evidence(doc, sent, lex, health.voice)
        if in_myth or sent.block.kind is BlockKind.QUOTE or sent.text.rstrip(" *_\"'”’)").endswith("?"):
            continue  # a question ("Is it ever nothing to worry about?") asserts nothing
        for r, m in reuse(("disclaimer-reassurance", lex_key, sent.text),
                          partial(_reassurances, sent.text, lex)):
            if not any(a <= sent.start + m.start() < b for a, b in pairs):
                analysis.reassurances.append((sent, m, r))
    analysis.reassurances.sort(key=lambda t: t[0].start + t[1].start())
    if "reassurance" in lex.kinds:
        # Reassurance is health evidence only next to other health evidence: "washable paint is
        # perfectly fine" must not make a crafts article medical.
        for sent, _, r in analysis.reassurances:
            if analysis.health_context(sent):
                evidence.append(Evidence("reassurance", r.pattern.pattern, sent))
    analysis.narrative = _is_narrative(analysis)
    return analysis


def _reassurances(text: str, lex: Lexicon) -> tuple[tuple[Reassurance, re.Match[str]], ...]:
    """The reassurances a sentence asserts (not quoted, negated or reported), by its text alone."""
    low = fold(text)
    return tuple((r, m) for r in lex.reassurance for m in gate(r.pattern).finditer(text, low)
                 if not (_quoted(text, m.start()) or _negated(text, m.start()) or _reported(text, m.start())))


def _masked(doc: Document, sent: Sentence) -> str:
    """The sentence with URLs and inline code blanked out: an image link's file name is no evidence."""
    text = sent.text
    spans = doc.skip_spans  # in document order, one block after another
    i = max(bisect.bisect_left(spans, (sent.start, sent.start)) - 1, 0)
    while i < len(spans) and spans[i][0] < sent.end:
        a, b = spans[i]
        if sent.start < b:
            lo, hi = max(a, sent.start) - sent.start, min(b, sent.end) - sent.start
            text = text[:lo] + " " * (hi - lo) + text[hi:]
        i += 1
    return text


def _evidence(doc: Document, sent: Sentence, lex: Lexicon, v: Voice) -> list[Evidence]:
    """The evidence of health advice in one sentence: one piece per kind and stretch of text; contextual
    terms (a dose, an amount) only next to a medicine; no medicine evidence from a definition."""
    text = _masked(doc, sent)
    block = sent.block
    line_start = block.text.rfind("\n", 0, sent.start - block.start) + 1
    line_end = block.text.find("\n", sent.start - block.start)
    line = block.text[line_start:line_end if line_end >= 0 else len(block.text)]  # a label and its text
    found = reuse(("disclaimer-evidence", ident(lex), ident(v), text, line),
                  lambda: _evidence_keys(text, line, lex, v))
    return [Evidence(kind, key, sent, hazard) for kind, key, hazard in found]


def _hazard(text: str, m: re.Match[str], lex: Lexicon) -> bool:
    """Whether a term is named as a hazard or what advice prevents: "the risk of an infection", "a choking
    hazard", "objects that could cause choking" (the frame words right before or after it)."""
    before = text[max(0, m.start() - 80):m.start()]
    return any(p.search(before) for p in lex.hazard_before) \
        or any(p.match(text, m.end()) for p in lex.hazard_after)


def _evidence_keys(text: str, line: str, lex: Lexicon, v: Voice) -> tuple[tuple[str, str, bool], ...]:
    """(kind, key, hazard) of each piece of evidence in a sentence's masked text, on its line (the label);
    a symptom or condition is a hazard if every place it is named frames it so (see :func:`_hazard`)."""
    words = _words(text)
    low = fold(text)  # a term or pattern whose literals the sentence lacks is not searched (regexgate)
    low_line = low if line == text else fold(line)
    definition = any(gate(p).search(text, low) or gate(p).search(line, low_line) for p in v.definitions)
    out: list[tuple[str, str, bool]] = []
    for kind in lex.kinds.values():
        if definition and kind.name in v.definition_kinds:
            continue
        framed = kind.name in lex.concern_kinds
        taken: list[tuple[int, int]] = []  # one stretch of text is one piece of evidence per kind
        for i, key, pat in kind.candidates(words, low):
            hit: tuple[tuple[int, int], bool] | None = None
            for m in pat.finditer(text):
                if any(a < m.end() and m.start() < b for a, b in taken):
                    continue
                if i in kind.contextual and not _dose_context(text, m, lex):
                    continue
                hazard = framed and _hazard(text, m, lex)
                if hit is None or not hazard:
                    hit = (m.span(), hazard)
                if not hazard:
                    break
            if hit is not None:
                taken.append(hit[0])
                out.append((kind.name, key, hit[1]))
    return tuple(out)


_MEASURED = re.compile(r"\s*(?:\([^()]{0,40}\)\s*)?(?:a\s+day\s+)?of\s+"
                       r"(?:(?:infant|baby|toddler|whole|cow[’'`]s|the|your|their|an?)"
                       r"\s+)*([\w’'`-]+(?:\s+[\w’'`-]+)?)", re.IGNORECASE)


def _dose_context(text: str, m: re.Match[str], lex: Lexicon) -> bool:
    """An amount or the word "dose" is a dose only with a medicine in the sentence, and an amount "of"
    something (120 ml of formula, 2 tsp of sugar) is a dose only if that something is a medicine."""
    rest = text[:m.start()] + " " * (m.end() - m.start()) + text[m.end():]
    return bool(lex.medicine.search(rest)) and _measures_medicine(text, m, lex)


def _measures_medicine(text: str, m: re.Match[str], lex: Lexicon) -> bool:
    """False when the amount measures something else: "120 ml of formula", "2 teaspoons of sugar", also
    with an aside between ("500 ml (a pint) of milk")."""
    measured = _MEASURED.match(text, m.end())
    return measured is None or bool(lex.medicine.search(measured.group(1)))


def _is_narrative(a: Analysis) -> bool:
    """A first-person story or a letter with no advice: no health sentence is advice, and enough of the
    prose sentences tell a story (a person and a past tense, no condition or modal). Advice in the block
    or the list of a health sentence is health advice too: "We gave him a remedy for his cold" and, in
    the same list, "Definitely get one" instruct, whoever narrates."""
    v = a.voice
    kinds = (BlockKind.PARAGRAPH, BlockKind.LIST_ITEM, BlockKind.QUOTE)
    prose = [s for s in a.sentences if s.block.kind in kinds and s.index not in a.disclaimer_sentences]
    if not prose:
        return False
    health_evidence = [ev for ev in a.evidence if ev.kind != "development"]
    health = {ev.sentence.index for ev in health_evidence}
    health_blocks = {ev.sentence.block.index for ev in health_evidence}
    health_lists = {ev.sentence.block.list_id for ev in health_evidence} - {None}
    told = 0
    v_key = ident(v)
    for s in prose:
        advice, story = reuse(("disclaimer-voice", v_key, s.text), partial(_voice_of, s.text, v))
        if advice and (s.index in health or s.block.index in health_blocks
                       or s.block.list_id in health_lists):
            return False
        told += story
    return told / len(prose) >= v.narrative_share


def _voice_of(text: str, v: Voice) -> tuple[bool, bool]:
    """Whether a sentence gives advice, and whether it tells a story (a person and a past tense, no
    condition or modal, no advice)."""
    low = fold(text)
    advice = v.imperative.search(text) is not None or any(gate(p).search(text, low) for p in v.advice)
    story = not advice and bool(v.person.search(text) and v.past.search(text)) and not v.hedged.search(text)
    return advice, story


_WORD = re.compile(r"\w+")


def _words(text: str) -> set[str]:
    """Lower-case words of a sentence, with singular forms too (for the term index)."""
    words = set(_WORD.findall(text.casefold()))
    words |= {w[:-1] for w in words if w.endswith("s")} | {w[:-2] for w in words if w.endswith("es")}
    return words


def _quoted(text: str, pos: int) -> bool:
    before = text[:pos]
    return before.count('"') % 2 == 1 or before.count("“") > before.count("”")


_NEGATION = re.compile(r"\b(?:not|never|no|nor|hardly|cannot)\b|n['’]t\b|\bassume\b|\bclaim\b|\bmyth\b",
                       re.IGNORECASE)


_NEG_SUBJECT = re.compile(r"^\s*(?:no|none|nothing|neither|never)\b", re.IGNORECASE)
# Reported, not asserted: "Many parents are told it's nothing to worry about", "some people believe…"
_REPORTED = re.compile(r"\b(?:told|heard|hear|think|thinks|believe|believes|assumed?|claims?|said|says)\b",
                       re.IGNORECASE)


def _negated(text: str, pos: int) -> bool:
    """A negation in the three words before ``pos`` in the same clause ("it is not always safe"), or a
    clause whose subject is negative ("No bath product is 100% safe")."""
    clause = re.split(r"[,;:()—–]", text[:pos])[-1]
    words = clause.split()[-3:]
    return bool(_NEGATION.search(" ".join(words))) or bool(_NEG_SUBJECT.search(clause))


def _reported(text: str, pos: int) -> bool:
    """Someone else's words in the three words before ``pos``: "parents are told it's nothing to…"."""
    clause = re.split(r"[,;:()—–]", text[:pos])[-1]
    return bool(_REPORTED.search(" ".join(clause.split()[-3:])))


# -- EL401: missing medical disclaimer -------------------------------------------------------------------
@check_type("medical-disclaimer", options={
    "threshold": Option((int, float), 8.0, "evidence score from which an article counts as health advice"),
    "min-kinds": Option(int, 2, "evidence must come from at least this many kinds (clinician, symptom, …)"),
    "max-evidence": Option(int, 8, "how many evidence sentences the finding lists (strongest first)"),
})
def medical_disclaimer(ctx: CheckContext) -> Iterator[Hit]:
    """Articles that give health advice need a disclaimer: the page supports, not replaces, a doctor."""
    doc = ctx.doc
    if not doc.blocks:
        return
    a = analyse(ctx)
    score, kinds = a.score()
    if score < ctx.options["threshold"] or kinds < ctx.options["min-kinds"] or a.narrative:
        return
    settings = _settings(ctx)
    text = settings.get("text", DEFAULT_TEXT)
    position = settings.get("position", "anywhere")
    within = settings.get("within-words", 100)
    required = _required_pattern(settings.get("required-wording", ""))
    found = a.disclaimers
    evidence = a.strongest(limit=ctx.options["max-evidence"])
    related = tuple(Span(s.start, s.end, "health advice: " + ", ".join(labels)) for s, labels in evidence)
    anchor = doc.blocks[0]
    a_start, a_end = anchor.start, max(anchor.end, anchor.start + 1)
    summary = ", ".join(dict.fromkeys(lb for _, labels in evidence for lb in labels))
    if required is not None:
        generic = found
        found = _required_found(doc, required)
        if not found and generic:
            g = generic[0]
            s, e = _found_span(doc, g)
            yield Hit(s, e, "the medical disclaimer does not use the wording this site requires "
                      f"(/{required.pattern}/); reword it", related=related,
                      suggestion=text if required.search(text) else None, key="required-wording")
            return
    if found:
        if any(_satisfies(doc, f, position, within) for f in found):
            return
        s, e = _found_span(doc, found[0])
        where = {"top": "at the top of the article", "bottom": "at the end of the article",
                 "first-words": f"within the first {within} words"}.get(position, "")
        yield Hit(s, e, f"the medical disclaimer must be {where}; move it there", related=related,
                  key=f"misplaced-disclaimer:{position}")
        return
    edits: tuple[Edit, ...] = ()
    if text.strip() and (required is None or required.search(text)):
        edit = insertion_edit(doc, text, position)
        if edit is not None and _fix_works(doc, edit, settings, position, within, ctx.data("disclaimers"),
                                           ctx.read):
            edits = (dataclasses.replace(edit, applicability=Applicability.SAFE),)  # configured text: safe
    yield Hit(a_start, a_end,
              f"this article gives health advice ({summary}) but has no medical disclaimer; add one saying "
              "it is general information and does not replace the child's own doctor",
              related=related, suggestion=text, edits=edits, key="missing-medical-disclaimer",
              data={"evidence_score": round(score, 1), "threshold": ctx.options["threshold"]})


def _required_pattern(value: str) -> re.Pattern[str] | None:
    if not value or not value.strip():
        return None
    try:
        return re.compile(value, re.IGNORECASE)
    except re.error:
        return re.compile(re.escape(value), re.IGNORECASE)


def _required_found(doc: Document, required: re.Pattern[str]) -> list[Found]:
    """Blocks and metadata values with the wording the site requires (they count as its disclaimer)."""
    out: list[Found] = []
    for block in doc.iter_blocks():
        m = required.search(re.sub(r"\s+", " ", block.text))
        if m:
            out.append(Found("text", block, block.start, block.end, block.text))
    for key, value in doc.metadata.items():
        if isinstance(value, str) and required.search(value):
            out.append(Found("metadata", text=str(key)))
    return out


def _found_span(doc: Document, f: Found) -> tuple[int, int]:
    if f.block is not None:
        return f.start, max(f.end, f.start + 1)
    b = doc.blocks[0]
    return b.start, max(b.end, b.start + 1)


def _substantial(doc: Document, block: Block) -> bool:
    """Article content that a disclaimer at the top or bottom may not have before or after it.

    Headings, captions, short lines (bylines, "Leave a Comment") and links (sources, related posts)
    are not content; list items and table cells are, however short.
    """
    if block.kind in (BlockKind.HEADING, BlockKind.CAPTION, BlockKind.ALT, BlockKind.CODE):
        return False
    if re.search(r"https?://|\bwww\.", block.text):
        return False  # a source line
    short = len(block.words()) <= _SUBSTANTIAL_WORDS
    if short:
        lo, hi = _block_source_range(doc, block)
        line_start = doc.source.text.rfind("\n", 0, lo) + 1
        if re.search(r"\]\(|<a\s", doc.source.text[line_start:hi + 2], re.IGNORECASE):
            return False  # a link line: a source or a related post
    if block.kind in (BlockKind.LIST_ITEM, BlockKind.TABLE_CELL):
        return True
    return not short


def _satisfies(doc: Document, f: Found, position: str, within: int) -> bool:
    if position == "anywhere" or f.how == "metadata":
        return True  # a front-matter disclaimer is placed by the site template
    if f.block is None:
        return (position == "bottom" and f.where == "after") or (position != "bottom" and f.where == "before")
    before = [b for b in doc.blocks if b.index < f.block.index]
    after = [b for b in doc.blocks if b.index > f.block.index]
    if position == "top":
        return not any(_substantial(doc, b) for b in before)
    if position == "bottom":
        return not any(_substantial(doc, b) for b in after)
    words = sum(len(b.words()) for b in before if b.kind is not BlockKind.HEADING)
    words += len(re.findall(r"\w+", doc.text[f.block.start:f.start]))
    return words <= within


# -- the fix ---------------------------------------------------------------------------------------------
def insertion_edit(doc: Document, text: str, position: str) -> Edit | None:
    """An edit (in source offsets) that adds the disclaimer as a block of the file's own syntax."""
    src = doc.source.text
    top = position in ("top", "first-words")
    if doc.format == "html":
        return _html_edit(doc, src, text, top)
    body = _md_escape(text) if doc.format == "markdown" else re.sub(r"\s+", " ", text).strip()
    if not top:
        return _block_edit(src, len(src), body)
    first = doc.blocks[0] if doc.blocks else None
    if first is None:
        return _block_edit(src, len(src), body)
    if first.kind is BlockKind.HEADING:
        end = doc.source_offset(max(first.end - 1, first.start))
        nl = src.find("\n", end)
        if nl < 0:
            return _block_edit(src, len(src), body)
        p = nl + 1
        under = re.match(r"[=-]+[ \t]*(?:\n|$)", src[p:])
        if under and doc.format == "markdown":
            p += under.end()
        return _block_edit(src, p, body)
    so = doc.source_offset(first.start)
    return _block_edit(src, src.rfind("\n", 0, so) + 1, body)


def _fix_works(doc: Document, edit: Edit, settings: Mapping[str, Any], position: str, within: int,
               words: Wordings, read: Reader) -> bool:
    """Re-read the fixed text: offer the fix only if the inserted disclaimer is then found where required
    (an unclosed code fence, say, would swallow it, and every later run would insert another)."""
    fixed = doc.source.text[:edit.start] + edit.text + doc.source.text[edit.end:]
    try:
        new_doc = read(dataclasses.replace(doc.source, text=fixed))
    except EditlintError:
        return False
    if any(_satisfies(new_doc, f, position, within) for f in _inserted(new_doc, edit, settings, words, read)):
        return True  # the whole search below would find this one too: one in place is enough
    found, _ = _disclaimers(new_doc, _sentences(new_doc), settings, words, read)
    return any(_satisfies(new_doc, f, position, within) for f in found)


def _inserted(doc: Document, edit: Edit, settings: Mapping[str, Any], words: Wordings, read: Reader
              ) -> list[Found]:
    """The disclaimers :func:`_disclaimers` finds in the blocks of the fixed ``doc`` that hold the inserted
    text (the same Found values, for those blocks only: the rest of the article had none before the fix)."""
    extra = words.configured_forms(settings.get("text", DEFAULT_TEXT), doc.format, read)
    lo, hi = edit.start, edit.start + len(edit.text)
    out: list[Found] = []
    for block in doc.iter_blocks():
        b_lo, b_hi = _block_source_range(doc, block)
        if b_hi <= lo or b_lo >= hi:
            continue
        marked = _is_marked(block, words.data.markers)
        previous: str | None = None
        for seg in segment.block_segments(doc, block):
            text = block.text[seg.start:seg.end]
            if marked or words.is_disclaimer_text(text, extra, previous):
                out.append(Found("html" if marked else "text", block, block.start + seg.start,
                                 block.start + seg.end, text))
                if marked:
                    break  # a marked block is one disclaimer, found at its first sentence
            previous = text
    return out


def _block_edit(src: str, p: int, body: str) -> Edit:
    """Insert ``body`` as its own blank-line separated block at line start ``p`` (or at the end)."""
    before, after = src[:p], src[p:]
    if p == len(src) and before and not before.endswith("\n"):
        return Edit(p, p, "\n\n" + body)  # keep the file's missing final newline missing
    prefix = "" if not before or before.endswith("\n\n") else "\n"
    if p == len(src):
        return Edit(p, p, prefix + body + "\n")
    suffix = "\n" if after.startswith("\n") else "\n\n"
    return Edit(p, p, prefix + body + suffix)


def _md_escape(text: str) -> str:
    out = re.sub(r"([\\`*_\[\]<>|])", r"\\\1", re.sub(r"\s+", " ", text).strip())
    out = re.sub(r"^(\d+)([.)])", r"\1\\\2", out)
    if re.match(r"[#>+=-]", out):
        out = "\\" + out
    return out


def _html_edit(doc: Document, src: str, text: str, top: bool) -> Edit:
    escaped = html.escape(re.sub(r"\s+", " ", text).strip(), quote=False)
    element = f'<p class="disclaimer">{escaped}</p>'
    if top:
        first = doc.blocks[0] if doc.blocks else None
        if first is not None and first.kind is BlockKind.HEADING:
            m = re.compile(r"</h[1-6]\s*>", re.IGNORECASE).search(src, doc.source_offset(first.start))
            if m:
                return Edit(m.end(), m.end(), "\n" + element)
        m = re.search(r"<(?:article|main|body)\b[^>]*>", src, re.IGNORECASE)
        if m:
            return Edit(m.end(), m.end(), "\n" + element)
        return Edit(0, 0, element + "\n")
    last_end = _block_source_range(doc, doc.blocks[-1])[1] if doc.blocks else 0
    for tag in ("article", "main", "body"):
        m = re.compile(rf"</{tag}\s*>", re.IGNORECASE).search(src, last_end)
        if m:
            q = m.start()
            line_start = src.rfind("\n", 0, q) + 1
            if not src[line_start:q].strip():  # the closing tag has its own line: add a line above it
                last_start = doc.source_offset(doc.blocks[-1].start) if doc.blocks else q
                last_line = src[src.rfind("\n", 0, last_start) + 1:last_start]
                indent = last_line[: len(last_line) - len(last_line.lstrip(" \t"))] if last_start < q \
                    else src[line_start:q]
                return Edit(line_start, line_start, indent + element + "\n")
            return Edit(q, q, element)
    if src.endswith("\n"):
        return Edit(len(src), len(src), element + "\n")
    return Edit(len(src), len(src), "\n" + element)


# -- EL402: unhedged reassurance -------------------------------------------------------------------------
def _neighbours(a: Analysis, sent: Sentence) -> list[Sentence]:
    out = [sent]
    for j in (sent.index - 1, sent.index + 1):
        if 0 <= j < len(a.sentences):
            other = a.sentences[j]
            if other.block.section == sent.block.section and other.block.kind is not BlockKind.HEADING:
                out.append(other)
    return out


def _sourced(doc: Document, sents: Iterable[Sentence], lex: Lexicon) -> bool:
    for s in sents:
        low = fold(s.text)
        if any(gate(p).search(s.text, low) for p in lex.source):
            return True
        lo, hi = doc.source_offset(s.start), doc.source_offset(max(s.end - 1, s.start)) + 1
        if re.search(r"\]\(|<a\s[^>]*href", doc.source.text[lo:hi], re.IGNORECASE):
            return True
    return False


@check_type("unhedged-reassurance", options={})
def unhedged_reassurance(ctx: CheckContext) -> Iterator[Hit]:
    """Absolute health reassurance ("nothing to worry about") with no hedge or source next to it."""
    a = analyse(ctx)
    lex = a.lex
    flagged: dict[int, list[tuple[Sentence, re.Match[str], Reassurance]]] = {}
    for sent, m, r in a.reassurances:
        if sent.block.kind not in (BlockKind.PARAGRAPH, BlockKind.LIST_ITEM, BlockKind.TABLE_CELL):
            continue
        near = _neighbours(a, sent)
        if not a.health_context(sent):
            # "washable paint is perfectly fine" in a crafts article, "some days they eat less; this is
            # perfectly normal" in a feeding article: no symptom, illness or risk next to it
            continue
        # A hedge softens a neighbouring sentence only in the same paragraph: "Most babies stop by 12
        # months." does not soften a separate paragraph saying "It is completely harmless."
        if lex.weak_hedge.search(sent.text) or any(lex.hedge.search(s.text) for s in near
                                                   if s.block is sent.block) \
                or _sourced(ctx.doc, near, lex):
            continue
        flagged.setdefault(sent.index, []).append((sent, m, r))
    for items in flagged.values():  # one finding per sentence, at its first absolute phrase
        sent, m, r = items[0]
        phrases = list(dict.fromkeys(re.sub(r"\s+", " ", x.group()) for _, x, _ in items))
        shown = " and ".join(repr(p) for p in phrases)
        yield Hit(sent.start + m.start(), sent.start + m.end(),
                  f"absolute reassurance {shown} with no hedge or source nearby; soften it (e.g. "
                  f"{r.softer!r}) and say when parents should call the doctor",
                  related=tuple(Span(sent.start + x.start(), sent.start + x.end(), "also absolute")
                                for _, x, _ in items[1:]),
                  suggestion=r.softer, key=phrases[0].casefold())


# -- EL403: dose without a clinician ---------------------------------------------------------------------
def _row_text(doc: Document, block: Block) -> str:
    """A table cell's whole row (a dose table names the medicine in another cell), else the block."""
    if block.kind is not BlockKind.TABLE_CELL:
        return block.text
    cells = [block.text]
    for step in (-1, 1):
        i = block.index + step
        while 0 <= i < len(doc.blocks) and doc.blocks[i].kind is BlockKind.TABLE_CELL \
                and doc.blocks[i].row == block.row:
            cells.append(doc.blocks[i].text)
            i += step
    return " | ".join(cells)


def _is_dose(doc: Document, sent: Sentence, lex: Lexicon) -> bool:
    """An amount or frequency with a medicine nearby, or an instruction to give a named medicine."""
    verdict = reuse(("dose", ident(lex), sent.text), partial(_dose_in, sent.text, lex))
    return verdict is True or (verdict is None and bool(lex.medicine.search(_row_text(doc, sent.block))))


def _dose_in(text: str, lex: Lexicon) -> bool | None:
    """Whether a sentence states a dose by its own words; None: an amount of a medicine the sentence
    does not name (the table row it sits in may)."""
    low = fold(text)
    amounts = [m for p in lex.amounts for m in gate(p).finditer(text, low)]
    # "500 ml of formula a day" measures milk, not the medicine named elsewhere in the sentence
    if any(_measures_medicine(text, m, lex) for m in amounts):
        return True if gate(lex.medicine).search(text, low) else None
    if not gate(lex.named).search(text, low):
        return False
    return any(not _negated(text, m.start()) for m in gate(lex.instruction).finditer(text, low))


def _within(ranks: list[int], at: int, window: int) -> bool:
    """Whether a sorted rank lies within ``window`` of ``at``."""
    i = bisect.bisect_left(ranks, at - window)
    return i < len(ranks) and ranks[i] <= at + window


def _checks_advice(text: str, lex: Lexicon) -> bool:
    low = fold(text)
    return any(gate(p).search(text, low) for p in lex.check_advice)


def _recommended_list(doc: Document, block: Block, v: Voice) -> bool:
    """A list item under a lead-in that says whose recommendation the list is ("The health service
    recommends:", "Guidelines advise the following:"): each item is a stated recommendation."""
    if block.kind is not BlockKind.LIST_ITEM:
        return False
    i = block.index - 1
    while i >= 0 and doc.blocks[i].kind is BlockKind.LIST_ITEM:
        i -= 1
    if i < 0 or doc.blocks[i].kind is not BlockKind.PARAGRAPH:
        return False
    lead = doc.blocks[i].text.rstrip()
    return lead.endswith(":") and any(p.search(lead) for p in v.recommendation)


@check_type("dose-without-clinician", options={
    "window": Option(int, 2, "how many paragraphs before or after a dose may hold the advice to check it"),
})
def dose_without_clinician(ctx: CheckContext) -> Iterator[Hit]:
    """A medicine dose needs advice to check it with a doctor or pharmacist in the same place."""
    a = analyse(ctx)
    lex = a.lex
    window = ctx.options["window"]
    content = [b for b in ctx.doc.blocks if b.kind is not BlockKind.HEADING]
    rank = {b.index: i for i, b in enumerate(content)}
    lex_key = ident(lex)
    advice_sents = [s for s in a.sentences
                    if reuse(("check-advice", lex_key, s.text), partial(_checks_advice, s.text, lex))]
    advice_blocks = {s.block.index for s in advice_sents}
    # advice about medicines or doses covers a stated dose anywhere on the page
    page_advised = any(lex.medicine.search(s.text) or any(p.search(s.text) for p in lex.page_advice)
                       for s in advice_sents)
    # where the advice is, by section and by rank among the content blocks (a dose looks it up, linear)
    advised = [b for b in content if b.index in advice_blocks]
    advice_sections = {b.section for b in advised if b.section is not None}
    advice_ranks = [rank[b.index] for b in advised]
    for sent in a.sentences:
        if sent.block.kind in (BlockKind.HEADING, BlockKind.CODE, BlockKind.QUOTE):
            continue
        if sent.index in a.disclaimer_sentences or any(x <= sent.start < y for x, y in a.myth_spans):
            continue
        if not _is_dose(ctx.doc, sent, lex):
            continue
        block = sent.block
        if (block.section is not None and block.section in advice_sections) \
                or _within(advice_ranks, rank[block.index], window):
            continue  # advice in the same section or within the window of content blocks
        # a dose stated as what children need or what is recommended ("Babies need 400 IU of vitamin D a
        # day", or a list under "The health service recommends:"): a population's guidance, which advice
        # to check with a pharmacist anywhere on the page covers; else a warning. A dose the reader is told
        # or shown how to give: the rule's severity, and the advice must be near it.
        stated = a.voice.recommends(sent.text) or _recommended_list(ctx.doc, block, a.voice)
        if stated and page_advised:
            continue
        amount = any(p.search(sent.text) for p in lex.amounts)
        what = "medicine dose" if amount else "advice to give a medicine"
        yield Hit(sent.start, sent.end,
                  f"{what} with no advice to check it with a doctor or pharmacist nearby; add a line such as "
                  "'Check the dose with your pharmacist or doctor before you give it.'",
                  severity=Severity.WARNING if stated else None,
                  suggestion="Check the dose with your pharmacist or doctor before you give it.",
                  key=sent.text, data={"recommendation": stated})


# -- EL404: no advice on when to see a doctor ------------------------------------------------------------
def _concerns(a: Analysis) -> list[Evidence]:
    """The evidence that the article is about a health concern: no hazard named on a prevention page, and
    a kind with concern patterns (development) only in a sentence that matches one ("most babies crawl by
    10 months", not "so proud when they start crawling")."""
    lex = a.lex
    out = []
    for ev in a.evidence:
        if ev.kind not in lex.concern_kinds or ev.hazard:
            continue
        patterns = lex.kind_concern.get(ev.kind)
        if patterns is None or any(p.search(ev.sentence.text) for p in patterns):
            out.append(ev)
    return out


@check_type("when-to-seek-care", options={
    "min-score": Option((int, float), 6.0, "symptom, condition and development evidence from which the "
                        "article is about health concerns"),
    "max-evidence": Option(int, 5, "how many evidence sentences the finding lists"),
})
def when_to_seek_care(ctx: CheckContext) -> Iterator[Hit]:
    """Articles about symptoms or development concerns should say when to get medical help."""
    a = analyse(ctx)
    lex = a.lex
    concerns = _concerns(a)
    score, _ = a.score(lex.concern_kinds, concerns)
    if score < ctx.options["min-score"] or not ctx.doc.blocks or a.narrative:
        return
    for s in a.sentences:
        low = fold(s.text)
        if s.index not in a.disclaimer_sentences and any(gate(p).search(s.text, low) for p in lex.care):
            return
    evidence = a.strongest(lex.concern_kinds, limit=ctx.options["max-evidence"], evidence=concerns)
    first = ctx.doc.blocks[0]
    yield Hit(first.start, max(first.end, first.start + 1),
              "this article discusses symptoms or development concerns but never says when to get medical "
              "help; add a 'When to call the doctor' section listing the signs that need a doctor",
              related=tuple(Span(s.start, s.end, ", ".join(labels)) for s, labels in evidence),
              suggestion="add a 'When to call the doctor' section", key="no-when-to-see-a-doctor")


# -- EL405: health claims with no source -----------------------------------------------------------------
def _article_source(doc: Document) -> str:
    """The source text to search for references: the whole file, or an HTML page's article."""
    src = doc.source.text
    if doc.format != "html" or not doc.blocks:
        return src
    lo = _block_source_range(doc, doc.blocks[0])[0]
    hi = _block_source_range(doc, doc.blocks[-1])[1]
    nl = src.find("\n", hi)
    region = src[lo: nl if nl >= 0 else len(src)]
    return region + "\n" + re.sub(r"<[^>]*>", "", region)  # the markup, and the text without tags


@check_type("unsourced-health-claims", options={
    "threshold": Option((int, float), 8.0, "evidence score from which an article makes health claims"),
    "max-evidence": Option(int, 5, "how many claim sentences the finding lists"),
})
def unsourced_health_claims(ctx: CheckContext) -> Iterator[Hit]:
    """Health claims need a source readers can check: a link, a citation or a reference list."""
    a = analyse(ctx)
    lex = a.lex
    score, _ = a.score()
    if score < ctx.options["threshold"] or not ctx.doc.blocks or a.narrative:
        return
    region = _article_source(ctx.doc)
    low = fold(region)
    if any(gate(p).search(region, low) for p in lex.references):
        return
    claim_kinds = [k for k in ("reassurance", "condition", "medicine", "symptom", "development")
                   if k in lex.kinds]
    evidence = a.strongest(claim_kinds, limit=ctx.options["max-evidence"])
    first = ctx.doc.blocks[0]
    yield Hit(first.start, max(first.end, first.start + 1),
              "this article makes health claims but cites no source (no link, citation or reference list); "
              "add the source, e.g. the AAP, NHS or WHO page it relies on, with a link",
              related=tuple(Span(s.start, s.end, "health claim") for s, _ in evidence),
              suggestion="add a 'Source' line with a link", key="unsourced-health-claims")
