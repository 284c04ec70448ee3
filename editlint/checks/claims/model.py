"""The typed claim model: what an article states, one frozen dataclass per kind of statement.

Constructions (data in ``rules/claims/``) turn parsed sentences into these objects; the checks compare
them. Nothing here knows English: words live in the data, the parse decides the roles. A claim keeps
its :class:`Provenance` (where it is, which construction read it, and the scopes around it: hedge,
negation, condition, age scope, question, myth, quotation, reported speech), so a check can say why two
claims do or do not disagree and a message can restate the article's own words.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

#: A closed interval ``(low, high)`` in a kind's canonical unit (months for ages, see ``units``).
Interval = tuple[float, float]


class Hedge(str, Enum):
    """How sure a claim sounds. A ``minority`` claim ("some babies…", "may") is an exception, never a
    side of a contradiction; a ``majority`` one ("usually", "most") still is."""

    PLAIN = "plain"
    MAJORITY = "majority"
    MINORITY = "minority"


class Relation(str, Enum):
    """How an age or amount relates to the concept: "at 9 months", "by 12 months", "from 6 months",
    "not before 12 months" (the earliest safe age), "up to 2 hours" (a ceiling)."""

    AT = "at"
    BY = "by"
    FROM = "from"
    NOT_BEFORE = "not-before"
    UP_TO = "up-to"


class Phase(str, Enum):
    """Which point of a skill an age names: when it starts, when it is mastered, or unspecified."""

    ANY = ""
    START = "start"
    MASTERY = "mastery"


class Verdict(str, Enum):
    """A stance on a thing: ``safe``/``fine``/``normal``/``effective`` are positive, ``harmful``/
    ``warning-sign`` negative. ``ineffective`` ("X gives little if any relief", "X does not work") is
    negative only about efficacy: it opposes "X helps" and advice to use X, never "X is safe"."""

    SAFE = "safe"
    FINE = "fine"
    NORMAL = "normal"
    EFFECTIVE = "effective"
    HARMFUL = "harmful"
    WARNING_SIGN = "warning-sign"
    INEFFECTIVE = "ineffective"

    @property
    def positive(self) -> bool:
        return self in (Verdict.SAFE, Verdict.FINE, Verdict.NORMAL, Verdict.EFFECTIVE)

    def opposes(self, other: Verdict) -> bool:
        """Can one thing not have both verdicts? "Does not work" opposes only "works"."""
        if Verdict.INEFFECTIVE in (self, other):
            return {self, other} == {Verdict.INEFFECTIVE, Verdict.EFFECTIVE}
        return self.positive != other.positive


@dataclass(frozen=True)
class Concept:
    """A thing or event the article names, identified from the parse (open vocabulary).

    ``key`` is the identity used for comparison: the ontology id when a pack knows the concept, else a
    key built from lemmas (verb lemma + particle + object head, or a noun chunk's head with its
    distinguishing modifiers), so "crawl" / "crawling" / "crawls" and "drop the morning nap" / "the
    morning nap is dropped" get the same key. ``text`` is the article's own wording, for messages.
    """

    key: str
    text: str
    head: str = ""
    modifiers: frozenset[str] = frozenset()
    phase: Phase = Phase.ANY
    known: bool = False  # True when the ontology knows the key

    def same(self, other: Concept) -> bool:
        return self.key == other.key


@dataclass(frozen=True)
class Provenance:
    """Where a claim is and how it was said. Offsets are absolute into ``Document.text``."""

    start: int
    end: int
    sent_start: int
    sent_end: int
    construction: str  # id of the construction (or list/table reader) that produced the claim
    block: int = -1
    hedge: Hedge = Hedge.PLAIN
    negated: bool = False
    condition: str = ""  # the condition's text ("if your baby was premature"), "" when unconditional
    age_scope: Interval | None = None  # the ages (months) the claim is limited to, None when unlimited
    question: bool = False
    myth: bool = False
    quotation: bool = False
    reported: bool = False  # reported speech or belief ("some parents think…")
    list_id: int | None = None  # claims read from one list or table share its id

    @property
    def asserted(self) -> bool:
        """True when the article itself states the claim (not a question, myth, quote or report)."""
        return not (self.question or self.myth or self.quotation or self.reported)

    @property
    def usable(self) -> bool:
        """True when the claim can be one side of a contradiction."""
        return self.asserted and self.hedge is not Hedge.MINORITY


@dataclass(frozen=True)
class OrderClaim:
    """``earlier`` happens before ``later`` (in the usual course of things)."""

    earlier: Concept
    later: Concept
    prov: Provenance
    kind: str = field(default="order", init=False)


@dataclass(frozen=True)
class AgeClaim:
    """``concept`` happens at an age: ``stated`` as written in ``unit``, ``months`` converted."""

    concept: Concept
    stated: Interval
    unit: str
    months: Interval
    relation: Relation
    prov: Provenance
    phase: Phase = Phase.ANY
    approximate: bool = False
    kind: str = field(default="age", init=False)
    #: "as early as N" / "as young as N": the earliest case (a minority hedge), a lower bound that only a
    #: stated earliest age ("not before M", M > N) can contradict
    earliest: bool = False


@dataclass(frozen=True)
class QuantityClaim:
    """An amount of something: ``stated`` in ``unit`` as written; ``canonical`` in ``canonical_unit``
    (ml, g, hours, mg …) per ``per`` ("day", "feed", "" when not a rate), for ``population`` (an age
    scope or a group: "" when everyone)."""

    subject: Concept
    stated: Interval
    unit: str
    canonical: Interval
    canonical_unit: str
    prov: Provenance
    relation: Relation = Relation.AT
    per: str = ""
    population: str = ""
    kind: str = field(default="quantity", init=False)


@dataclass(frozen=True)
class AdviceClaim:
    """Advice to do (``polarity`` +1) or not do (-1) ``action`` to ``object``, with ``details``
    (lemmas of manner/place/instrument that narrow it). ``absolute``: "never"/"always"."""

    action: str
    object: Concept | None
    polarity: int
    prov: Provenance
    details: frozenset[str] = frozenset()
    absolute: bool = False
    kind: str = field(default="advice", init=False)
    # H-FACTS: the event that ends ("keep X until E") or starts ("stop X once E") the advice, if any
    until: Concept | None = None
    once: Concept | None = None
    # H-BROADEN: how strongly it is said: "obligation" (must, have to, need to), "permission" (can, may,
    # it's fine to), "no-need" (no need to, don't have to: weaker than a prohibition), "" (plain)
    force: str = ""

    @property
    def key(self) -> str:
        return f"{self.action}:{self.object.key if self.object else ''}"


@dataclass(frozen=True)
class PropositionClaim:
    """A statement of fact: ``subject`` ``predicate`` ``object`` ("teething causes fever"),
    asserted (``polarity`` +1) or denied (-1)."""

    subject: Concept
    predicate: str
    object: Concept | None
    polarity: int
    prov: Provenance
    kind: str = field(default="proposition", init=False)


@dataclass(frozen=True)
class StanceClaim:
    """A verdict on a thing ("X is normal", "X is a warning sign", "X is safe")."""

    thing: Concept
    verdict: Verdict
    prov: Provenance
    #: what an efficacy verdict is for ("honey helps *coughs*"), None when the article does not say
    target: Concept | None = None
    kind: str = field(default="stance", init=False)


Claim = OrderClaim | AgeClaim | QuantityClaim | AdviceClaim | PropositionClaim | StanceClaim

__all__ = ["AdviceClaim", "AgeClaim", "Claim", "Concept", "Hedge", "Interval", "OrderClaim", "Phase",
           "PropositionClaim", "Provenance", "QuantityClaim", "Relation", "StanceClaim", "Verdict"]
