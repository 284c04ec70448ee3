"""Held-out grammar 3 (advice only), written 2026-11-29 before the lead touched advice extraction,
kept outside the repo while working: new acts and advice constructions not in grammars 1-2."""

from __future__ import annotations

import random

from claims_grammar import Case, _cap

ACTS = [  # imp, ger
    ("give a baby cough medicine", "giving a baby cough medicine"),
    ("let a toddler ride in the front seat", "letting a toddler ride in the front seat"),
    ("use a bath seat", "using a bath seat"),
    ("feed your baby rice milk", "feeding your baby rice milk"),
    ("give your toddler popcorn", "giving your toddler popcorn"),
    ("share a bath with your newborn", "sharing a bath with your newborn"),
]
FOR = {
    "good-idea": "It is a good idea to {imp}.",
    "we-recommend": "We recommend {ger}.",
    "make-sure": "Make sure you {imp}.",
    "remember": "Remember to {imp}.",
    "ger-fine": "{Ger} is fine.",
    "dont-be-afraid": "Don't be afraid to {imp}.",
    "okay-for-you": "It's okay for you to {imp}.",
}
AGAINST = {
    "bad-idea": "{Ger} is a bad idea.",
    "never-good-idea": "It is never a good idea to {imp}.",
    "advise-against": "Experts advise against {ger}.",
    "not-recommend": "We do not recommend {ger}.",
    "resist": "Resist the urge to {imp}.",
    "dont-ever": "Don't ever {imp}.",
    "no-circumstances": "Under no circumstances should you {imp}.",
    "unsafe": "It is unsafe to {imp}.",
}


def _f(t: str, imp: str, ger: str) -> str:
    return t.format(imp=imp, ger=ger, Ger=_cap(ger), Imp=_cap(imp))


def advice3_cases(seed: int = 5) -> list[Case]:
    rng = random.Random(seed)
    out: list[Case] = []
    for imp, ger in ACTS:
        for p in sorted(FOR):
            n = rng.choice(sorted(AGAINST))
            out.append(
                Case("advice", f"{p}/{n}", _f(FOR[p], imp, ger), _f(AGAINST[n], imp, ger), True, False)
            )
        n1, n2 = rng.sample(sorted(AGAINST), 2)
        out.append(
            Case("advice", f"{n1}/{n2}", _f(AGAINST[n1], imp, ger), _f(AGAINST[n2], imp, ger), False, False)
        )
        p1, p2 = rng.sample(sorted(FOR), 2)
        out.append(Case("advice", f"{p1}/{p2}", _f(FOR[p1], imp, ger), _f(FOR[p2], imp, ger), False, False))
        out.append(
            Case(
                "advice",
                "age",
                _f("Children under six should not {imp}.", imp, ger),
                _f("From the age of six, it is fine to {imp}.", imp, ger),
                False,
                False,
            )
        )
        out.append(
            Case(
                "advice",
                "doctor",
                _f("Never {imp} unless your doctor tells you to.", imp, ger),
                _f("If your doctor suggests it, you can {imp}.", imp, ger),
                False,
                False,
            )
        )
    return out
