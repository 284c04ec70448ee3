"""Checks over the typed claim set for ages, amounts, advice, stance and propositions (EL302, EL303,
EL305) and the reference-guidance part of EL304 (:func:`reference_hits`).

The claims come from the shared extraction (``claims/extract.py``); nothing here reads English. Two
claims are compared only when both are the article's own statements (not a question, myth, quote or
report, not a minority hedge), in different sentences, under the same condition and for overlapping
ages: "never give water under 6 months" and "offer water from 6 months" are two pieces of advice, not
one contradicted. Messages restate the article's own words and numbers.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Hashable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from ..api import DataSchema
from ..budget import checkpoint
from ..quote import clip
from .base import CheckContext, Hit, Option, Span, check_type
from .claims.constructions import CONSTRUCTIONS_DATA
from .claims.cues import claims_cue
from .claims.lexicons import LEXICONS_DATA, load_lexicons
from .claims.model import (
    AdviceClaim,
    AgeClaim,
    Claim,
    Concept,
    Hedge,
    OrderClaim,
    Phase,
    PropositionClaim,
    Provenance,
    QuantityClaim,
    Relation,
    StanceClaim,
    Verdict,
)
from .claims.scope import SCOPES_DATA, load_scopes
from .claims.store import build_claims_data
from .claims.units import UNITS_DATA, Units, overlap, shipped_units, span_of, to_months

#: claim extraction's data for the registry: constructions, concept readers, claims of blocks already read
CLAIMS_DATA = DataSchema("claims", None, build_claims_data)
#: the claims data a pack extends (``[data.claims-lexicons]``, ``[data.claims-scopes]``,
#: ``[data.claims-units]``, ``[data.constructions]``), imported here so that the registry finds them
CLAIMS_WORDS = (LEXICONS_DATA, SCOPES_DATA, UNITS_DATA, CONSTRUCTIONS_DATA)

NEEDS = ("parse", "lemma")
C = TypeVar("C", bound=Claim)

#: a margin (months) below which two ages are not called different
AGE_MARGIN = 0.5


# -- access ------------------------------------------------------------------------------------------

def _claims(ctx: CheckContext) -> Sequence[Claim]:
    from .claims.extract import extraction  # the shared extraction, memoised per document

    return extraction(ctx).claims


def _ontology(ctx: CheckContext) -> Any:
    from .claims.extract import extraction

    return extraction(ctx).ontology


def _sentence(ctx: CheckContext, p: Provenance, limit: int = 80) -> str:
    return clip(" ".join(ctx.doc.text[p.sent_start:p.sent_end].split()), limit)


def _words(ctx: CheckContext, p: Provenance) -> str:
    return " ".join(ctx.doc.text[p.start:max(p.end, p.start + 1)].split())


def _span(p: Provenance) -> tuple[int, int]:
    return p.start, max(p.end, p.start + 1)


def _related(ctx: CheckContext, c: Claim, note: str) -> Span:
    s, e = _span(c.prov)
    return Span(s, e, f"{note}: “{_sentence(ctx, c.prov, 70)}”")


# -- shared comparisons ------------------------------------------------------------------------------

def comparable(a: Provenance, b: Provenance, one_sided: bool = True) -> bool:
    """Both are the article's own statements, in different sentences and lists, for overlapping ages.

    With ``one_sided`` False, a claim limited to some ages is not compared with one limited to none:
    "X before 4 months is not recommended" narrows, it does not contradict a general "introduce X"."""
    if not (a.usable and b.usable) or a.sent_start == b.sent_start:
        return False
    if a.list_id is not None and a.list_id == b.list_id:
        return False
    if not one_sided and (a.age_scope is None) != (b.age_scope is None):
        return False
    return not (a.age_scope and b.age_scope and not scopes_meet(a.age_scope, b.age_scope))


def scopes_meet(a: tuple[float, float], b: tuple[float, float]) -> bool:
    """Do two age scopes share ages beyond a common edge? "until 3 months" and "at 3 months" do not;
    a point inside a range does."""
    if a[0] == a[1] and b[0] == b[1]:
        return a[0] == b[0]
    if a[0] == a[1]:
        return b[0] < a[0] < b[1]
    if b[0] == b[1]:
        return a[0] < b[0] < a[1]
    return max(a[0], b[0]) < min(a[1], b[1])


def same_condition(a: Provenance, b: Provenance) -> bool:
    return _norm(a.condition) == _norm(b.condition)


def _norm(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


def covers(general: Concept | None, specific: Concept | None) -> bool:
    """Does a statement about ``general`` also speak about ``specific``? The same key, or the same head
    with no modifier of ``general`` missing from ``specific`` ("fever" covers "high fever"), or a shared
    distinguishing modifier ("numbing gels with benzocaine" / "benzocaine gel")."""
    if general is None or specific is None:
        return general is None and specific is None
    if general.key == specific.key:
        return True
    if not general.head or general.head != specific.head:
        return False
    return general.modifiers <= specific.modifiers or bool(general.modifiers & specific.modifiers)


def same_thing(a: Concept | None, b: Concept | None) -> bool:
    return covers(a, b) or covers(b, a)


def nested_thing(a: Concept, b: Concept) -> bool:
    """One concept is the other, or narrows it with more modifiers ("give peanut butter" / "give smooth
    peanut butter"); a single shared modifier is not enough for a limit and a start to clash."""
    if a.key == b.key:
        return True
    small, big = sorted((a.modifiers, b.modifiers), key=len)
    return bool(a.head) and a.head == b.head and bool(small) and small <= big


def _pairs(items: Sequence[C]) -> Iterator[tuple[C, C]]:
    for i, a in enumerate(items):
        checkpoint()  # every pair of claims of a kind: quadratic in claims, so it polls the file's budget
        for b in items[i + 1:]:
            yield a, b


def concept_keys(c: Concept | None) -> tuple[Hashable, ...]:
    """Where two concepts can meet: :func:`covers`, :func:`same_thing` and :func:`nested_thing` hold
    only for concepts with the same key or the same (non-empty) head, or for two missing ones."""
    if c is None:
        return (None,)
    return (("key", c.key), ("head", c.head)) if c.head else (("key", c.key),)


def related_pairs(items: Sequence[C], keys: Callable[[C], Iterable[Hashable]]) -> Iterator[tuple[C, C]]:
    """The pairs of :func:`_pairs` (same order) whose ``keys`` share a value: a check whose pairs must be
    about one concept compares only claims indexed under the same concept key or head, so an article
    whose claims are about many things costs about as many comparisons as it has claims."""
    buckets: dict[Hashable, list[int]] = {}
    for i, c in enumerate(items):
        for k in dict.fromkeys(keys(c)):
            buckets.setdefault(k, []).append(i)
    later: list[set[int]] = [set() for _ in items]
    for members in buckets.values():
        for x, i in enumerate(members[:-1]):
            later[i].update(members[x + 1:])
    for i, a in enumerate(items):
        checkpoint()
        for j in sorted(later[i]):
            yield a, items[j]


def concept_index(items: Sequence[C], concept: Callable[[C], Concept | None]
                  ) -> Callable[[Concept | None], list[C]]:
    """A lookup of the ``items`` (in their order) whose concept can meet a given one (see
    :func:`concept_keys`): a check that scans every claim for each claim scans only those."""
    buckets: dict[Hashable, list[int]] = {}
    for i, c in enumerate(items):
        for k in dict.fromkeys(concept_keys(concept(c))):
            buckets.setdefault(k, []).append(i)

    def near(c: Concept | None) -> list[C]:
        found: set[int] = set()
        for k in concept_keys(c):
            found.update(buckets.get(k, ()))
        return [items[i] for i in sorted(found)]
    return near


# -- EL302: ages -------------------------------------------------------------------------------------

def is_age_word(c: AgeClaim) -> bool:
    return c.unit.startswith("age-word:")


def _usable_age(c: AgeClaim) -> bool:
    return (c.prov.usable and not c.prov.condition and not is_age_word(c)
            and c.relation in (Relation.AT, Relation.BY, Relation.NOT_BEFORE, Relation.FROM))


#: lower bounds: "not before N", "from N" (the skill or practice starts at N)
LOWER_BOUNDS = (Relation.NOT_BEFORE, Relation.FROM)


def ages_disagree(a: AgeClaim, b: AgeClaim, limit_heads: frozenset[str] = frozenset()) -> bool:
    """Two ages for one concept that cannot both hold (phases and "not before" taken into account).
    ``limit_heads``: concept heads whose "not until N" is a limit on a practice ("don't give X until N"),
    not the usual onset of an event."""
    if not same_thing(a.concept, b.concept):
        return False
    if a.relation is Relation.BY and b.relation is Relation.BY:
        return _deadlines_disagree(a, b)
    if a.relation in LOWER_BOUNDS or b.relation in LOWER_BOUNDS:
        if a.relation in LOWER_BOUNDS and b.relation in LOWER_BOUNDS:
            return _from_below_limit(a, b) or _from_below_limit(b, a) or _onsets_far_apart(a, b, limit_heads)
        limit, other = (a, b) if a.relation in LOWER_BOUNDS else (b, a)
        if other.relation is Relation.BY:  # "most can X by 2 years" vs "not until 3 years"
            return nested_thing(a.concept, b.concept) and limit.months[0] > other.months[1] + AGE_MARGIN
        # the other age's own value (not the edge of its tolerance window) below the limit's window:
        # "at 4 years" and "not until 48 months" agree, "at 10 months" and "not until 12 months" do not
        below = sum(other.months) / 2 < limit.months[0] - AGE_MARGIN
        return below or _onsets_far_apart(limit, other, limit_heads)
    sa, sb = span_of(a.months, a.relation), span_of(b.months, b.relation)
    if overlap(sa, sb):
        return _by_too_late(a, b) or _by_too_late(b, a)
    phases = {a.phase, b.phase}
    if phases == {Phase.START, Phase.MASTERY}:
        start, mastery = (a, b) if a.phase is Phase.START else (b, a)
        return start.months[0] > mastery.months[1]  # starting after mastering cannot be
    return True


#: "most children can X by N" names the age most have reached it: a usual age below this share of N
#: ("by 12 months" against "at about 5 months") says the two passages mean different ages
BY_SHARE = 0.5


#: "most children can X by N" names one number: the age by which most have the skill. Two such deadlines
#: for one skill and phase say different things only when the later is at least this many times the
#: earlier: milestone tables put "by" ages a few months apart for the same skill, never half again as late
#: ("by 12 months" and "by 14 months" agree; "by 12 months" and "by 24 months" do not)
BY_RATIO = 1.5


#: "children don't usually X until N" says when X usually starts (an onset), not only a lower bound:
#: another onset or usual age for X at least this many times N names a different age for the same event
#: ("not until 9 months" against "not until 3 years"), while "not until 12 months" and "at 18 months" agree
ONSET_RATIO = 2.0


def _onsets_far_apart(a: AgeClaim, b: AgeClaim, limit_heads: frozenset[str]) -> bool:
    """Two onsets of one event far apart: "not until N" (not a practice's limit) or, on both sides, "from N,
    children start to X" (a start, not a permission)."""
    onset = [c for c in (a, b) if c.relation is Relation.NOT_BEFORE and c.concept.head not in limit_heads]
    starts = all(c.relation is Relation.FROM and c.phase is Phase.START for c in (a, b))
    if not (onset or starts) or a.phase != b.phase:
        return False
    if Relation.FROM in (a.relation, b.relation) and not starts:
        return False
    early, late = sorted(sum(to_months(c.stated, c.unit)) / 2 for c in (a, b))
    return late - early > AGE_MARGIN and late >= ONSET_RATIO * early


def _from_below_limit(start: AgeClaim, limit: AgeClaim) -> bool:
    """"from 6 months" says it is fine at 6, "not before 12 months" says it is not: a start below a limit."""
    return (start.relation is Relation.FROM and limit.relation is Relation.NOT_BEFORE
            and nested_thing(start.concept, limit.concept) and start.months[1] < limit.months[0] - AGE_MARGIN)


def _deadlines_disagree(a: AgeClaim, b: AgeClaim) -> bool:
    if a.phase != b.phase:
        return False
    early, late = sorted(sum(to_months(c.stated, c.unit)) / 2 for c in (a, b))
    return late - early > AGE_MARGIN and late >= BY_RATIO * early


def _by_too_late(by: AgeClaim, at: AgeClaim) -> bool:
    if by.relation is not Relation.BY or at.relation is not Relation.AT or by.phase != at.phase:
        return False
    deadline = sum(to_months(by.stated, by.unit)) / 2
    return at.months[1] < BY_SHARE * deadline


def _earliest_age(c: AgeClaim) -> bool:
    return c.earliest and c.prov.asserted and not c.prov.condition


def earliest_below_limit(a: AgeClaim, b: AgeClaim) -> bool:
    """"as early as N" against "not before M" (M later than N): the earliest case breaks the limit."""
    early, limit = (a, b) if a.earliest else (b, a)
    if early.earliest == limit.earliest or limit.relation is not Relation.NOT_BEFORE:
        return False
    if not _usable_age(limit):
        return False
    return nested_thing(a.concept, b.concept) and early.months[1] < limit.months[0] - AGE_MARGIN


def age_conflicts(claims: Iterable[Claim],
                  limit_heads: frozenset[str] = frozenset()) -> list[tuple[AgeClaim, AgeClaim]]:
    """Pairs of the article's own ages for one concept that cannot both be true."""
    ages = [c for c in claims if isinstance(c, AgeClaim) and (_usable_age(c) or _earliest_age(c))]
    return [(a, b) for a, b in related_pairs(ages, lambda c: concept_keys(c.concept))
            if _ages_clash(a, b, limit_heads)]


def _ages_clash(a: AgeClaim, b: AgeClaim, limit_heads: frozenset[str] = frozenset()) -> bool:
    if a.earliest or b.earliest:  # the earliest case is hedged as a minority; it still states an age
        pa, pb = (dataclasses.replace(c.prov, hedge=Hedge.PLAIN) if c.earliest else c.prov for c in (a, b))
        return comparable(pa, pb) and earliest_below_limit(a, b)
    return comparable(a.prov, b.prov) and ages_disagree(a, b, limit_heads)


def _odd_one_out(pairs: list[tuple[AgeClaim, AgeClaim]], onto: Any) -> Iterator[tuple[AgeClaim, AgeClaim]]:
    """(primary, other) once per primary: the claim in most conflicts, or outside the reference window."""
    count: dict[int, int] = {}
    for a, b in pairs:
        count[id(a)] = count.get(id(a), 0) + 1
        count[id(b)] = count.get(id(b), 0) + 1
    flagged: set[int] = set()
    for a, b in pairs:
        rank_a = (count[id(a)], _outside_window(a, onto), a.prov.start)
        rank_b = (count[id(b)], _outside_window(b, onto), b.prov.start)
        primary, other = (a, b) if rank_a > rank_b else (b, a)
        if id(primary) not in flagged:
            flagged.add(id(primary))
            yield primary, other


def _window(onto: Any, c: Concept) -> tuple[tuple[float, float], str] | None:
    if onto is None or not c.known:
        return None
    found: tuple[tuple[float, float], str] | None = onto.window(c.key)
    return found


def _outside_window(c: AgeClaim, onto: Any) -> bool:
    w = _window(onto, c.concept)
    return bool(w) and not overlap(span_of(c.months, c.relation), w[0] if w else (0, 0), 1.0)


def describe_age(c: AgeClaim) -> str:
    """The age as the article states it ("at 7–10 months", "by 12 months")."""
    lo, hi = c.stated
    nums = f"{lo:g}" if lo == hi else f"{lo:g}–{hi:g}"
    unit = c.unit if c.unit != "birthday" else "years"
    if unit in ("day", "week", "month", "year"):
        unit += "s" if hi != 1 else ""
    about = "about " if c.approximate else ""
    rel = {Relation.BY: "by", Relation.FROM: "from", Relation.NOT_BEFORE: "not before"}.get(c.relation, "at")
    return f"{rel} {about}{nums} {unit}"


AgeWordConflict = tuple[AgeClaim, float, str, AgeClaim | None]


def age_word_conflicts(claims: Iterable[Claim], onto: Any) -> list[AgeWordConflict]:
    """Age words ("newborns") doing what starts months later: (claim, earliest age, source, own age)."""
    claims = list(claims)
    own = [c for c in claims if isinstance(c, AgeClaim) and _usable_age(c) and c.relation is Relation.AT]
    out: list[AgeWordConflict] = []
    near = concept_index(own, lambda a: a.concept)
    for c in claims:
        if not (isinstance(c, AgeClaim) and is_age_word(c) and c.prov.usable and not c.prov.condition):
            continue
        w = _window(onto, c.concept)
        if w and w[0][0] > c.months[1] + AGE_MARGIN:
            first = next((a for a in near(c.concept) if same_thing(a.concept, c.concept)), None)
            out.append((c, w[0][0], w[1], first))
            continue
        mine = [a for a in near(c.concept) if same_thing(a.concept, c.concept)]
        if mine and all(a.months[0] > c.months[1] + AGE_MARGIN for a in mine):
            out.append((c, min(a.months[0] for a in mine), "this article", mine[0]))
    return out


@check_type("incompatible-ages", needs=NEEDS, cue=claims_cue)
def incompatible_ages(ctx: CheckContext) -> Iterator[Hit]:
    """Ages for one concept that cannot both hold, and age words ("newborns") that cannot fit it."""
    claims = _claims(ctx)
    onto = _ontology(ctx)
    words = age_word_conflicts(claims, onto)
    word_sents = {c.prov.sent_start for c, _, _, _ in words}
    limits = frozenset({ctx.data("claims-lexicons").ages.exposure_key})  # "don't give X until N" is a limit
    pairs = [(a, b) for a, b in age_conflicts(claims, limits)
             if a.prov.sent_start not in word_sents and b.prov.sent_start not in word_sents]
    for primary, other in _odd_one_out(pairs, onto):
        s, e = _span(primary.prov)
        what = primary.concept.text or primary.concept.key
        yield Hit(s, e, f"ages disagree: here {what} {describe_age(primary)}, but another passage says "
                        f"{describe_age(other)} (“{_sentence(ctx, other.prov, 70)}”); give one age and use "
                        "it in both places",
                  related=(_related(ctx, other, f"says {describe_age(other)}"),),
                  key=f"age:{primary.concept.key}",
                  data={"concept": primary.concept.key, "here": list(primary.stated),
                        "other": list(other.stated), "unit": primary.unit})
    for c, earliest, source, first in words:
        yield _age_word_hit(ctx, c, earliest, source, first)
    yield from _orders_against_ages(ctx, claims)


def _dated(claims: Iterable[Claim]) -> list[AgeClaim]:
    return [c for c in claims if isinstance(c, AgeClaim) and _usable_age(c) and c.relation is Relation.AT]


def order_age_conflicts(claims: Sequence[Claim]) -> list[tuple[OrderClaim, AgeClaim, AgeClaim]]:
    """An order ("X before Y") against the article's own ages for both events (X dated clearly after Y:
    "X at 4 years", "Y at 2 years"), e.g. a month-by-month timeline against a sentence."""
    near = concept_index(_dated(claims), lambda a: a.concept)
    out = []
    for o in claims:
        if not isinstance(o, OrderClaim) or not o.prov.usable or o.later.key == "*":
            continue
        firsts = near(o.earlier)
        for x in (a for a in firsts if nested_thing(a.concept, o.earlier) and comparable(a.prov, o.prov)):
            y = next((b for b in near(o.later) if nested_thing(b.concept, o.later) and b.phase == x.phase
                      and not nested_thing(b.concept, x.concept) and comparable(b.prov, o.prov)
                      and x.months[0] > b.months[1] + AGE_MARGIN), None)
            if y is not None:
                out.append((o, x, y))
                break
    return out


def _orders_against_ages(ctx: CheckContext, claims: Sequence[Claim]) -> Iterator[Hit]:
    for o, x, y in order_age_conflicts(claims):
        s, e = _span(o.prov)
        here = f"{o.earlier.text or o.earlier.key} before {o.later.text or o.later.key}"
        yield Hit(s, e, f"order disagrees with the ages given: here {here}, but another passage puts "
                        f"{x.concept.text or x.concept.key} {describe_age(x)} and "
                        f"{y.concept.text or y.concept.key} {describe_age(y)}; make the order and the ages "
                        "agree",
                  related=(_related(ctx, x, f"says {describe_age(x)}"),
                           _related(ctx, y, f"says {describe_age(y)}")),
                  key=f"order-age:{o.earlier.key}:{o.later.key}",
                  data={"earlier": o.earlier.key, "later": o.later.key, "earlier_age": list(x.stated),
                        "later_age": list(y.stated)})


def _age_word_hit(ctx: CheckContext, c: AgeClaim, earliest: float, source: str,
                  first: AgeClaim | None) -> Hit:
    word = c.unit.split(":", 1)[1]
    text = ctx.doc.text[c.prov.start:c.prov.end]
    m = re.search(r"[\w’'-]+", text)
    s, e = (c.prov.start + m.start(), c.prov.start + m.end()) if m else _span(c.prov)
    written = ctx.doc.text[s:e]
    what = c.concept.text or c.concept.key
    related = (_related(ctx, first, f"gives the age {describe_age(first)}"),) if first else ()
    return Hit(s, e, f"age word does not fit: “{written}” ({word}: up to about {c.months[1]:g} months) "
                     f"cannot be doing {what}, which starts at about {earliest:g} months at the earliest "
                     f"({source}); say “babies” or give the age",
               related=related, key=f"age-word:{word}:{c.concept.key}",
               data={"concept": c.concept.key, "word": word, "earliest": earliest})


# -- EL303: opposite advice, stance, propositions ----------------------------------------------------

@dataclass(frozen=True)
class CheckWords:
    """The word lists the opposite-claims comparisons read: the registry's claims lexicons, packs included."""

    removal_verbs: frozenset[str]
    authorities: frozenset[str]
    exposure_actions: frozenset[str]
    exception_marks: tuple[str, ...] = ()  # "if ", "unless ": an exception, not a narrowing scope
    majority_words: frozenset[str] = frozenset()  # "usually", "most": a claim that leaves room for exceptions
    absolute_words: frozenset[str] = frozenset()  # "perfectly normal", "nothing to worry about": a promise
    unique_predicates: frozenset[str] = frozenset()  # "the leading cause of": one subject per object

    @classmethod
    def of(cls, lexicons: Any, scopes: Any) -> CheckWords:
        return cls(lexicons.advice.removal_verbs, scopes.condition.authorities,
                   lexicons.checks.exposure_actions, tuple(f"{w} " for w in scopes.condition.exception_marks),
                   scopes.hedge.majority_words, lexicons.stance.absolute_words,
                   lexicons.proposition.unique_predicates)

    @classmethod
    def shipped(cls) -> CheckWords:
        """The shipped lists, read afresh (for calls from outside a check)."""
        return cls.of(load_lexicons(), load_scopes())


def check_words(ctx: CheckContext) -> CheckWords:
    return CheckWords.of(ctx.data("claims-lexicons"), ctx.data("claims-scopes"))


def _same_action(a: AdviceClaim, b: AdviceClaim, words: CheckWords) -> bool:
    """"avoid X" (no action) speaks about any action on X but one that gives X up ("replace X", "reduce
    X": a way of doing less X); otherwise the actions must be the same."""
    if a.action == b.action:
        return True
    if a.action and b.action:
        return False
    return (a.action or b.action).split(" ")[0] not in words.removal_verbs


def _earlier(first: Concept, then: Concept) -> bool:
    """Is event ``first`` (a boundary) earlier than ``then``: the same event, its start against its
    mastery or plain occurrence ("signs of trying to roll" before "rolls confidently")."""
    if not (first.modifiers & then.modifiers):
        return False
    return first.phase is Phase.START and then.phase is not Phase.START


def boundaries_clash(pos: AdviceClaim, neg: AdviceClaim) -> bool | None:
    """None when neither side is bounded in time; else whether the bounded pieces of advice overlap:
    "keep X until E" against "stop X once an earlier E", "start X once E" against "no X until a later E"."""
    if not (pos.until or pos.once or neg.until or neg.once):
        return None
    if pos.until and neg.once:
        return _earlier(neg.once, pos.until)
    if pos.once and neg.until:
        return _earlier(pos.once, neg.until)
    unbounded = neg if (pos.until or pos.once) else pos
    return unbounded.absolute and not (unbounded.until or unbounded.once)


def _narrowing(condition: str, words: CheckWords) -> bool:
    """A leading scope ("For daytime naps,", "At night,") names part of every situation; an if-clause
    names an exception (``[condition] exception-marks`` in scopes.toml)."""
    return bool(condition) and not condition.lower().startswith(words.exception_marks)


def _conditions_clash(a: AdviceClaim, b: AdviceClaim, words: CheckWords) -> bool:
    """Different conditions: "always X" (for every situation) clashes with "for naps, not-X"; "never X"
    does not clash with "if your doctor says so, X" (an exception); two conditional rules clash when one
    of them says never or always."""
    for rule, other in ((a, b), (b, a)):
        if rule.absolute and not rule.prov.condition and _narrowing(other.prov.condition, words):
            return True
    if _authority(a.prov.condition, words) and _authority(b.prov.condition, words):
        return False  # "never X unless your doctor says so" and "if your doctor suggests it, X" agree
    return bool(a.prov.condition and b.prov.condition and (a.absolute or b.absolute))


def _authority(condition: str, words: CheckWords) -> bool:
    """Does the condition rest on a professional's say-so ("unless your GP advises it")?"""
    found = set(re.findall(r"[a-z]+(?: visitor)?", condition.lower()))
    return bool(found & words.authorities)


def advice_opposite(a: AdviceClaim, b: AdviceClaim, words: CheckWords | None = None) -> bool:
    """Opposite advice on one action and object: the prohibition at least as general as the advice."""
    words = words or CheckWords.shipped()
    if a.polarity == b.polarity or not _same_action(a, b, words):
        return False
    neg, pos = (a, b) if a.polarity < 0 else (b, a)
    if not covers(neg.object, pos.object) or not neg.details <= pos.details:
        return False
    if neg.force == "no-need" and pos.force == "permission":
        return False  # "you may X" and "there is no need to X" both leave it to the reader
    clash = boundaries_clash(pos, neg)
    if clash is not None:
        return clash
    if not same_condition(a.prov, b.prov):
        return _conditions_clash(a, b, words)
    if a.absolute or b.absolute:
        return True
    return a.prov.hedge is Hedge.PLAIN and b.prov.hedge is Hedge.PLAIN


def advice_against_stance(adv: AdviceClaim, st: StanceClaim, words: CheckWords | None = None) -> bool:
    """"Never add X" vs "a little X is fine"; "give X" vs "X is dangerous". Only advice whose action
    exposes the child to the thing (``[checks] exposure-actions`` in ``lexicons.toml``) is about it."""
    if adv.object is None or (adv.polarity < 0) != st.verdict.positive:
        return False
    if adv.action.split(" ")[0] not in (words or CheckWords.shipped()).exposure_actions:
        return False
    if not same_condition(adv.prov, st.prov):
        return False
    general, specific = (adv.object, st.thing) if adv.polarity < 0 else (st.thing, adv.object)
    return covers(general, specific)


def stances_opposite(a: StanceClaim, b: StanceClaim) -> bool:
    if not a.verdict.opposes(b.verdict) or not same_condition(a.prov, b.prov):
        return False
    if a.target is not None and b.target is not None and not same_thing(a.target, b.target):
        return False  # "X helps coughs" and "X does not help teething pain" judge X for two things
    neg, pos = (a, b) if not a.verdict.positive else (b, a)
    return covers(neg.thing, pos.thing)


def _exception_against_absolute(a: Claim, b: Claim, words: CheckWords, text: str) -> bool:
    """"X can be a sign of something serious" (a possible danger: a minority hedge) against an unhedged "X
    is harmless / safe" or a promised normal ("perfectly normal", "nothing to worry about"): the exception
    breaks a promise that no harm comes of X (a "usually harmless" leaves room for it, and a plain "X is
    normal" only says it is common: "normal, but it can be a sign of …" is the usual careful wording)."""
    if not (isinstance(a, StanceClaim) and isinstance(b, StanceClaim)):
        return False
    warn, calm = (a, b) if not a.verdict.positive else (b, a)
    promised = calm.verdict is Verdict.NORMAL and bool(
        set(re.findall(r"[a-z]+", text[calm.prov.start:calm.prov.end].lower())) & words.absolute_words)
    if warn.verdict.positive or not (calm.verdict is Verdict.SAFE or promised):
        return False
    if warn.prov.hedge is not Hedge.MINORITY or calm.prov.hedge is not Hedge.PLAIN:
        return False
    sentence = set(re.findall(r"[a-z]+", text[calm.prov.sent_start:calm.prov.sent_end].lower()))
    if sentence & words.majority_words:
        return False  # "common and usually normal": hedged in the sentence, if not in the claim's clause
    return comparable(dataclasses.replace(warn.prov, hedge=Hedge.PLAIN), calm.prov, one_sided=False)


def propositions_opposite(a: PropositionClaim, b: PropositionClaim) -> bool:
    """"X causes Y" and "X does not cause Y" (the denial at least as general as the assertion)."""
    if a.polarity == b.polarity or a.predicate != b.predicate or not same_condition(a.prov, b.prov):
        return False
    neg, pos = (a, b) if a.polarity < 0 else (b, a)
    return same_thing(neg.subject, pos.subject) and covers(neg.object, pos.object)


def unique_rivals(a: Claim, b: Claim, words: CheckWords) -> bool:
    """"X is the leading cause of Y" and "Z is the leading cause of Y" for ages that meet (a claim for all
    ages meets one for babies; "for babies" and "for teens" do not)."""
    if not (isinstance(a, PropositionClaim) and isinstance(b, PropositionClaim)):
        return False
    if a.predicate != b.predicate or a.predicate not in words.unique_predicates or a.polarity < 0 \
            or b.polarity < 0 or a.object is None or b.object is None:
        return False
    return (a.object.key == b.object.key and not same_thing(a.subject, b.subject)
            and same_condition(a.prov, b.prov) and comparable(a.prov, b.prov))


def _opposite(a: Claim, b: Claim, words: CheckWords) -> bool:
    if isinstance(a, AdviceClaim) and isinstance(b, AdviceClaim):
        return advice_opposite(a, b, words)
    if isinstance(a, StanceClaim) and isinstance(b, StanceClaim):
        return stances_opposite(a, b)
    if isinstance(a, PropositionClaim) and isinstance(b, PropositionClaim):
        return propositions_opposite(a, b)
    if isinstance(a, AdviceClaim) and isinstance(b, StanceClaim):
        return advice_against_stance(a, b, words)
    if isinstance(a, StanceClaim) and isinstance(b, AdviceClaim):
        return advice_against_stance(b, a, words)
    return False


OPPOSABLE = (AdviceClaim, StanceClaim, PropositionClaim)


def _thing(c: Claim, unique: frozenset[str] = frozenset()) -> Concept | None:
    """What an opposable claim is about: two claims can be opposite only when these meet (the advice's
    object, the stance's thing, the proposition's subject: :func:`_opposite`, :func:`exclusive_details`)."""
    if isinstance(c, AdviceClaim):
        return c.object
    if isinstance(c, StanceClaim):
        return c.thing
    assert isinstance(c, PropositionClaim)
    return c.object if c.predicate in unique else c.subject  # rivals for "the leading cause of Y" share Y


def exclusive_details(a: AdviceClaim, b: AdviceClaim, groups: Sequence[frozenset[str]],
                      words: CheckWords | None = None) -> bool:
    """The same advice with details that exclude each other ("sleep on the back" / "on the tummy")."""
    if a.polarity < 0 or b.polarity < 0 or a.action != b.action or not a.action:
        return False
    if not (a.object is None and b.object is None) and not same_thing(a.object, b.object):
        return False
    if Hedge.MAJORITY in (a.prov.hedge, b.prov.hedge):
        return False
    if not same_condition(a.prov, b.prov) and not _conditions_clash(a, b, words or CheckWords.shipped()):
        return False
    for g in groups:
        x, y = a.details & g, b.details & g
        rest_a, rest_b = a.details - g, b.details - g
        if len(x) == 1 and len(y) == 1 and x != y and (rest_a <= rest_b or rest_b <= rest_a):
            return True
    return False


def opposite_pairs(claims: Iterable[Claim], groups: Sequence[frozenset[str]] = (),
                   words: CheckWords | None = None, text: str = "") -> list[tuple[Claim, Claim]]:
    """Pairs (earlier, later) of advice, stance or propositions that say opposite things (``text``: the
    document's, to see whether a reassurance's sentence hedges it)."""
    words = words or CheckWords.shipped()
    items = [c for c in claims if isinstance(c, OPPOSABLE)]
    items.sort(key=lambda c: c.prov.start)
    out: list[tuple[Claim, Claim]] = []
    said: set[tuple[int, int]] = set()
    for a, b in related_pairs(items, lambda c: concept_keys(_thing(c, words.unique_predicates))):
        key = (a.prov.sent_start, b.prov.sent_start)
        if key in said:
            continue
        if unique_rivals(a, b, words):
            said.add(key)
            out.append((a, b))
            continue
        meet = comparable(a.prov, b.prov, one_sided=False) or _exception_against_absolute(a, b, words, text)
        if not meet:
            continue
        exclusive = (isinstance(a, AdviceClaim) and isinstance(b, AdviceClaim)
                     and exclusive_details(a, b, groups, words))
        if not (exclusive or _opposite(a, b, words)):
            continue
        said.add(key)
        out.append((a, b))
    return out


def _what(c: Claim) -> str:
    if isinstance(c, AdviceClaim):
        return "opposite advice"
    if isinstance(c, PropositionClaim):
        return "a statement and its denial"
    return "opposite verdicts"


def _thing_key(c: Claim) -> str:
    if isinstance(c, AdviceClaim):
        return c.object.key if c.object else c.action
    if isinstance(c, StanceClaim):
        return c.thing.key
    if isinstance(c, PropositionClaim):
        return f"{c.subject.key}:{c.predicate}:{c.object.key if c.object else ''}"
    return ""


def _alias_map(groups: object) -> dict[str, str]:
    """Groups of words that name one thing or one act -> each word to its group's first word."""
    out: dict[str, str] = {}
    for g in groups if isinstance(groups, list) else []:
        words = [str(w).lower() for w in g] if isinstance(g, list) else []
        for w in words:
            out[w] = words[0]
    return out


def with_aliases(c: Claim, actions: dict[str, str], things: dict[str, str]) -> Claim:
    """Advice with its action and object named by their group ("prop" = "raise"; "cot mattress" = "sleep
    surface"), so one act or thing written two ways is compared as one."""
    if not isinstance(c, AdviceClaim):
        return c
    action = actions.get(c.action, c.action)
    obj = c.object
    if obj is not None:
        names = [" ".join([*sorted(obj.modifiers), obj.head]), *(f"{m} {obj.head}" for m in obj.modifiers),
                 obj.head]
        group = next((things[n] for n in names if n in things), None)
        if group is not None:
            obj = Concept(key=group, text=obj.text, head=group, phase=obj.phase, known=True)
    if action == c.action and obj is c.object:
        return c
    return dataclasses.replace(c, action=action, object=obj)


@check_type("opposite-claims", needs=NEEDS, cue=claims_cue, options={
    "exclusive": Option(list, [], "groups of details that exclude each other (sleep on the back / tummy)"),
    "same-action": Option(list, [], "groups of verbs that are one act (raise / prop / tilt a surface)"),
    "same-thing": Option(list, [], "groups of names for one thing (cot mattress / sleep surface)"),
})
def opposite_claims(ctx: CheckContext) -> Iterator[Hit]:
    """Opposite advice or verdicts on one thing, or one statement asserted and denied."""
    groups = [frozenset(str(w).lower() for w in g) for g in ctx.options.get("exclusive", [])
              if isinstance(g, list)]
    actions = _alias_map(ctx.options.get("same-action", []))
    things = _alias_map(ctx.options.get("same-thing", []))
    claims = [with_aliases(c, actions, things) for c in _claims(ctx)]
    flagged: set[int] = set()
    for a, b in opposite_pairs(claims, groups, check_words(ctx), ctx.doc.text):
        if b.prov.sent_start in flagged:
            continue
        flagged.add(b.prov.sent_start)
        kind = _what(a) if type(a) is type(b) else "opposite advice"
        if isinstance(a, PropositionClaim) and isinstance(b, PropositionClaim) and a.polarity == b.polarity:
            what = f"{a.predicate.replace('-', ' ')} of {a.object.text if a.object else ''}"
            kind = f"two different answers to “{what}”"
        s, e = _span(b.prov)
        yield Hit(s, e, f"{kind}: here “{_sentence(ctx, b.prov, 70)}”, but another passage says "
                        f"“{_sentence(ctx, a.prov, 70)}”; say when each applies, or keep one",
                  related=(_related(ctx, a, "the other side"),), key=f"opposite:{_thing_key(b)}",
                  data={"kinds": [a.kind, b.kind], "thing": _thing_key(b)})


# -- EL305: amounts ----------------------------------------------------------------------------------

#: relative difference of two ceilings (or two floors) that counts as two different limits
LIMIT_TOLERANCE = 0.25


def _usable_quantity(c: QuantityClaim) -> bool:
    return c.prov.usable and not c.prov.negated


def per_day(a: QuantityClaim, b: QuantityClaim, units: Units | None = None
            ) -> tuple[QuantityClaim, QuantityClaim]:
    """Two rates over periods that convert ("three times a day", "once a week"), both as per day. Limits
    stay apart: a weekly ceiling allows uneven days, so it is another limit than a daily one."""
    days = (units or shipped_units()).period_days
    if a.per == b.per or a.per not in days or b.per not in days:
        return a, b
    if {a.relation, b.relation} & {Relation.UP_TO, Relation.FROM}:
        return a, b
    return _daily(a, days[a.per]), _daily(b, days[b.per])


def _daily(c: QuantityClaim, days: float) -> QuantityClaim:
    lo, hi = c.canonical
    return dataclasses.replace(c, canonical=(lo / days, hi / days), per="day")


def quantities_disagree(a: QuantityClaim, b: QuantityClaim, units: Units | None = None) -> bool:
    """Amounts for one subject, unit dimension, rate and population that cannot both be the advice."""
    a, b = per_day(a, b, units)
    if (a.canonical_unit, a.per) != (b.canonical_unit, b.per) or not same_thing(a.subject, b.subject):
        return False
    if a.population and b.population and _norm(a.population) != _norm(b.population):
        return False
    if not same_condition(a.prov, b.prov):
        return False
    if a.relation is b.relation and a.relation in (Relation.UP_TO, Relation.FROM):
        i = 1 if a.relation is Relation.UP_TO else 0
        x, y = a.canonical[i], b.canonical[i]
        return abs(x - y) > LIMIT_TOLERANCE * max(x, y)
    slack = CONVERSION_SLACK * max(a.canonical[1], b.canonical[1]) if a.unit != b.unit else 0.0
    return not overlap(span_of(a.canonical, a.relation), span_of(b.canonical, b.relation), slack)


#: "4 oz" is written for "120 ml" (118.3 ml): amounts in different units meet within this share
CONVERSION_SLACK = 0.05


def quantity_conflicts(claims: Iterable[Claim], units: Units | None = None
                       ) -> list[tuple[QuantityClaim, QuantityClaim]]:
    qs = [c for c in claims if isinstance(c, QuantityClaim) and _usable_quantity(c)]
    return [(a, b) for a, b in related_pairs(qs, lambda c: concept_keys(c.subject))
            if comparable(a.prov, b.prov) and quantities_disagree(a, b, units)]


def describe_quantity(c: QuantityClaim, units: Units | None = None) -> str:
    """The amount as the article states it, the unit written as ``units`` (``claims-units``) spells it."""
    lo, hi = c.stated
    nums = f"{lo:g}" if lo == hi else f"{lo:g}–{hi:g}"
    rel = {Relation.UP_TO: "at most ", Relation.FROM: "at least "}.get(c.relation, "")
    per = "/kg" if c.per == "kg" else f" a {c.per}" if c.per else ""
    unit = (units or shipped_units()).written(c.unit, hi)
    return f"{rel}{nums} {unit}{per}"


@check_type("incompatible-quantities", needs=NEEDS, cue=claims_cue)
def incompatible_quantities(ctx: CheckContext) -> Iterator[Hit]:
    """Amounts for the same thing (with units and rates converted) that cannot both be right."""
    flagged: set[int] = set()
    units = ctx.data("claims-units")
    for a, b in quantity_conflicts(_claims(ctx), units):
        if id(b) in flagged:
            continue
        flagged.add(id(b))
        s, e = _span(b.prov)
        what = b.subject.text or b.subject.key
        here, there = describe_quantity(b, units), describe_quantity(a, units)
        yield Hit(s, e, f"amounts disagree: here {what}: {here}, but another passage says "
                        f"{there} (“{_sentence(ctx, a.prov, 70)}”); give one amount",
                  related=(_related(ctx, a, f"says {there}"),), key=f"amount:{b.subject.key}",
                  data={"subject": b.subject.key, "here": list(b.stated), "other": list(a.stated),
                        "unit": b.unit, "per": b.per})


# -- EL304: reference guidance -----------------------------------------------------------------------

@dataclass(frozen=True)
class Guidance:
    """A compiled guidance entry (see ``rules/claims/ontology/guidance-*.toml``)."""

    id: str
    label: str
    says: str
    source: str  # the full citation
    stance: str  # "avoid" | "do"
    terms: re.Pattern[str]
    with_: re.Pattern[str] | None
    unless: re.Pattern[str] | None
    under: float
    age_needed: bool


def _alternation(words: Iterable[str]) -> re.Pattern[str] | None:
    items = sorted({w.lower() for w in words}, key=lambda w: (-len(w), w))  # ties: same text each run
    if not items:
        return None
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(w) for w in items) + r")(?![\w-])")


def _compiled(onto: Any) -> tuple[Guidance, ...]:
    """The ontology's guidance entries with their word lists compiled (memoised per document by
    ``guidance_for``: no module-level cache; 16 small entries, and ``re`` caches the patterns)."""
    out = []
    for g in onto.guidance:
        terms = _alternation(g.terms)
        if terms is None:
            continue
        out.append(Guidance(g.id, g.label or g.id, g.says, onto.sources.get(g.source, g.source), g.stance,
                            terms, _alternation(g.with_), _alternation(g.unless), float(g.under or 0.0),
                            bool(g.age_needed)))
    return tuple(out)


def _claim_words(ctx: CheckContext, c: Claim) -> str:
    """The words a claim is about (its object, thing or concept as written, its action and details)."""
    parts: list[str] = []
    if isinstance(c, AdviceClaim):
        parts += [c.action, _thing_words(c.object), *sorted(c.details)]
    elif isinstance(c, StanceClaim):
        parts.append(_thing_words(c.thing))
    elif isinstance(c, AgeClaim):  # and the event as written: "keep your child rear-facing"
        parts += [_thing_words(c.concept), c.concept.text]
    return " | ".join(p for p in parts if p).lower().replace("’", "'")


def _thing_words(c: Concept | None) -> str:
    """A thing as phrases: its head (singular and plural), each modifier with it, all modifiers with it
    ("whole nut", "whole nuts", "benzocaine gel"), and its ontology id."""
    if c is None:
        return ""
    heads = [c.head, c.head + "s"] if c.head else []
    mods = sorted(c.modifiers)
    out = [*heads, c.key.replace("-", " ")]
    out += [f"{m} {h}" for m in mods for h in heads]
    out += [" ".join([*mods, h]) for h in heads] if len(mods) > 1 else []
    out += mods
    return " | ".join(out)


def _goes_against(c: Claim, g: Guidance) -> bool:
    """Would this claim, if it is about the guidance's thing, go against it?"""
    avoid = g.stance == "avoid"
    if isinstance(c, AdviceClaim):
        return (c.polarity > 0) == avoid
    if isinstance(c, StanceClaim):
        return c.verdict.positive == avoid
    if isinstance(c, AgeClaim):
        if c.relation is Relation.BY:  # "keep X until N" / "no X until N": where the practice ends
            return c.months[1] < g.under - AGE_MARGIN
        return avoid and c.relation in (Relation.AT, Relation.FROM) and c.months[0] < g.under - AGE_MARGIN
    return False


def _ages_in(ctx: CheckContext, c: Claim, onto: Any) -> list[tuple[float, float]]:
    """The ages a claim speaks about: its own, its age scope, or the age words and ages of its sentence."""
    if isinstance(c, AgeClaim):
        return [span_of(to_months(c.stated, c.unit), c.relation)]
    if c.prov.age_scope:
        return [c.prov.age_scope]
    own = _words(ctx, c.prov)  # the claim's own words: another clause's ages are not its ages
    found = [span_of(a.converted, a.relation) for a in ctx.data("claims-units").ages(own)]
    low = own.lower()
    for w in getattr(onto, "age_words", {}).values():
        if any(re.search(rf"(?<!\w){re.escape(s.lower())}s?(?!\w)", low) for s in w.synonyms):
            found.append(tuple(w.months))
    return found


def _age_fits(ctx: CheckContext, c: Claim, g: Guidance, onto: Any) -> bool:
    ages = _ages_in(ctx, c, onto)
    if not ages:
        return not g.age_needed
    return any(lo < g.under - AGE_MARGIN for lo, _hi in ages)


def guidance_for(ctx: CheckContext, c: Claim, onto: Any) -> Guidance | None:
    """The first guidance entry this claim goes against, or None."""
    if not c.prov.usable or c.prov.condition:
        return None
    sent = ctx.doc.text[c.prov.sent_start:c.prov.sent_end].lower().replace("’", "'")
    words = _claim_words(ctx, c)
    for g in ctx.memo(("claims", "guidance", id(onto)), lambda: _compiled(onto)):
        if not g.terms.search(words) or not _goes_against(c, g):
            continue
        if (g.with_ and not g.with_.search(sent)) or (g.unless and g.unless.search(sent)):
            continue
        if _age_fits(ctx, c, g, onto):
            return g
    return None


def reference_hits(ctx: CheckContext, claims: Iterable[Claim]) -> Iterator[Hit]:
    """EL304's guidance part: claims that go against reference guidance, one per sentence and entry."""
    onto = _ontology(ctx)
    seen: set[tuple[int, str]] = set()
    for c in claims:
        g = guidance_for(ctx, c, onto)
        if g is None or (c.prov.sent_start, g.id) in seen:
            continue
        seen.add((c.prov.sent_start, g.id))
        s, e = _span(c.prov)
        yield Hit(s, e, f"against reference guidance on {g.label}: {g.says} ({g.source}); here: "
                        f"“{_sentence(ctx, c.prov, 70)}”; check it against the source",
                  key=f"guidance:{g.id}", data={"guidance": g.id, "claim": c.kind})


__all__ = ["advice_against_stance", "advice_opposite", "age_conflicts", "age_word_conflicts", "ages_disagree",
           "comparable", "covers", "incompatible_ages", "incompatible_quantities", "opposite_claims",
           "opposite_pairs", "propositions_opposite", "quantities_disagree", "quantity_conflicts",
           "reference_hits", "same_thing", "stances_opposite"]
