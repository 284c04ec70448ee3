"""Family generators shared by the later claims grammars: each grammar module gives only its data (events,
order templates and twists, acts with for/against wordings, things with reassuring/alarming wordings,
causes with asserting/denying wordings, ages and amounts) and these make its cases the same way.

Every grammar was written outside the repository by someone who had not developed against it, measured
once as a held-out set, then committed here with ratchet floors (tests/test_claims_matrix.py); a new
session writes a fresh one before it works on claims."""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field

from claims_grammar import Case, Event, _cap

OrderT = Callable[[Event, Event], str]


@dataclass(frozen=True)
class Grammar:
    events: Mapping[str, Event]
    pairs: Sequence[tuple[str, str]]
    templates: Mapping[str, OrderT]
    non_claims: Mapping[str, OrderT]
    acts: Sequence[tuple[str, str]]  # imperative, gerund
    for_: Mapping[str, str]  # {imp} {ger} {Ger}
    against: Mapping[str, str]
    things: Sequence[tuple[str, str]]  # thing, its verb ("is" / "are")
    pos: Mapping[str, str]  # {T} {t} {v}
    neg: Mapping[str, str]
    causes: Sequence[tuple[str, str]]
    assert_: Mapping[str, str]  # {C} {c} {E} {e}
    deny: Mapping[str, str]
    ages: Sequence[tuple[str, str, str, str]]  # event, usual, same, wrong
    age_templates: Mapping[str, str]  # {base} {Ger} {n}
    quantities: Sequence[tuple[str, str, str, str]]  # frame with {q}, usual, same, wrong
    #: consistent twists: advice (a forbidding and a permitting wording that do not meet), stance pairs,
    #: propositions (reported or asked, against a denial)
    advice_twists: Mapping[str, tuple[str, str]] = field(default_factory=dict)
    proposition_twists: Mapping[str, tuple[str, str]] = field(default_factory=dict)
    all_stance_pairs: bool = False  # every reassurance against every alarm (else one random each way)
    pos_pair: tuple[str, str] | None = None  # the consistent reassuring pair (default: the first two)
    all_proposition_pairs: bool = False


def order_cases(g: Grammar, rng: random.Random) -> Iterator[Case]:
    names = sorted(g.templates)
    for ea, eb in g.pairs:
        a, b = g.events[ea], g.events[eb]
        for t1 in names:
            t2 = rng.choice([t for t in names if t != t1])
            yield Case("order", f"{t1}/{t2}", g.templates[t1](a, b), g.templates[t2](b, a), True, False)
            t3 = rng.choice([t for t in names if t != t1])
            yield Case("order", f"{t1}/{t3}", g.templates[t1](a, b), g.templates[t3](a, b), False, False)
        for twist, make in g.non_claims.items():
            yield Case("order", f"x/{twist}", g.templates[rng.choice(names)](a, b), make(a, b), False, False)


def advice_cases(g: Grammar, rng: random.Random) -> Iterator[Case]:
    for imp, ger in g.acts:
        f = {"imp": imp, "ger": ger, "Ger": _cap(ger)}
        for p in sorted(g.for_):
            n = rng.choice(sorted(g.against))
            yield Case("advice", f"{p}/{n}", g.for_[p].format(**f), g.against[n].format(**f), True, False)
        n1, n2 = rng.sample(sorted(g.against), 2)
        yield Case("advice", f"{n1}/{n2}", g.against[n1].format(**f), g.against[n2].format(**f), False, False)
        for twist, (first, second) in g.advice_twists.items():
            yield Case("advice", twist, first.format(**f), second.format(**f), False, False)


def stance_cases(g: Grammar, rng: random.Random) -> Iterator[Case]:
    for thing, v in g.things:
        f = {"T": _cap(thing), "t": thing, "v": v}
        for p in sorted(g.pos):
            negs = sorted(g.neg) if g.all_stance_pairs else [rng.choice(sorted(g.neg))]
            for n in negs:
                yield Case("stance", f"{p}/{n}", g.pos[p].format(**f), g.neg[n].format(**f), True, False)
            if not g.all_stance_pairs:
                n2 = rng.choice(sorted(g.neg))
                yield Case("stance", f"{n2}/{p}", g.neg[n2].format(**f), g.pos[p].format(**f), True, False)
        p1, p2 = g.pos_pair or sorted(g.pos)[:2]
        yield Case("stance", "pos/pos", g.pos[p1].format(**f), g.pos[p2].format(**f), False, False)


def proposition_cases(g: Grammar, rng: random.Random) -> Iterator[Case]:
    for c, e in g.causes:
        f = {"c": c, "C": _cap(c), "e": e, "E": _cap(e)}
        for a in sorted(g.assert_):
            denials = sorted(g.deny) if g.all_proposition_pairs else [rng.choice(sorted(g.deny))]
            for d in denials:
                yield Case("proposition", f"{a}/{d}", g.assert_[a].format(**f), g.deny[d].format(**f), True,
                           False)
        for twist, (first, second) in g.proposition_twists.items():
            yield Case("proposition", twist, first.format(**f), second.format(**f), False, False)


def age_cases(g: Grammar, rng: random.Random) -> Iterator[Case]:
    for ev, usual, same, wrong in g.ages:
        a = g.events[ev]
        fa = {"base": a.base, "Ger": _cap(a.ger)}
        for t in sorted(g.age_templates):
            t2 = rng.choice(sorted(g.age_templates))
            yield Case("age", f"{t}/{t2}-wrong", g.age_templates[t].format(n=usual, **fa),
                       g.age_templates[t2].format(n=wrong, **fa), True, False)
            yield Case("age", f"{t}/{t2}-same", g.age_templates[t].format(n=usual, **fa),
                       g.age_templates[t2].format(n=same, **fa), False, False)


def quantity_cases(g: Grammar, rng: random.Random) -> Iterator[Case]:
    for frame, usual, same, wrong in g.quantities:
        yield Case("quantity", "wrong", frame.format(q=usual), frame.format(q=wrong), True, False)
        yield Case("quantity", "same", frame.format(q=usual), frame.format(q=same), False, False)


def cases(g: Grammar, seed: int) -> list[Case]:
    rng = random.Random(seed)
    makers = (order_cases, advice_cases, stance_cases, proposition_cases, age_cases, quantity_cases)
    return [case for make in makers for case in make(g, rng)]
