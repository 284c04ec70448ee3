"""A held-out claims grammar: concepts and constructions written after the claim model was built.

`claims_grammar` was visible while the constructions were written, so its figures can flatter the rules.
This grammar reuses its case shape but changes every concept (motor, self-care, feeding, sleep, safety
topics none of the packs or construction examples mention) and adds constructions of its own, to
measure how the claim model generalises. Keep it out of construction examples and ontology entries.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator

from claims_grammar import Act, Case, Event, _cap

EVENTS = {
    "straw": Event("drink from a straw", "drinking from a straw", "drunk from a straw", False),
    "cup": Event("drink from an open cup", "drinking from an open cup", "drunk from an open cup", False),
    "scribble": Event("scribble", "scribbling", "scribbled", False),
    "person": Event("draw a person", "drawing a person", "drawn a person", False),
    "up": Event("walk up stairs", "walking up stairs", "walked up stairs", False),
    "down": Event("walk down stairs", "walking down stairs", "walked down stairs", False),
    "point": Event("point at things", "pointing at things", "pointed at things", False),
    "colours": Event("name colours", "naming colours", "named colours", False),
    "dayDry": Event(
        "stay dry during the day", "staying dry during the day", "stayed dry during the day", False
    ),
    "nightDry": Event("stay dry at night", "staying dry at night", "stayed dry at night", False),
}
PAIRS = [
    ("straw", "cup"),
    ("scribble", "person"),
    ("up", "down"),
    ("point", "colours"),
    ("dayDry", "nightDry"),
]

OrderT = Callable[[Event, Event], str]
TEMPLATES: dict[str, OrderT] = {
    "happens-before": lambda a, b: f"{_cap(a.ger)} usually happens before {b.ger}.",
    "typically-after": lambda a, b: f"{_cap(b.ger)} typically comes after {a.ger}.",
    "manage-before": lambda a, b: f"Most children manage {a.ger} before {b.ger}.",
    "until-after": lambda a, b: f"{_cap(b.ger)} does not usually happen until after {a.ger}.",
    "is-followed-by": lambda a, b: f"{_cap(a.ger)} is usually followed by {b.ger}.",
    "fronted-before": lambda a, b: f"Before they {b.base}, most children {a.base}.",
    "earlier-than": lambda a, b: f"Children learn {a.ger} earlier than {b.ger}.",
    "then-later": lambda a, b: f"Children {a.base} first and {b.base} later.",
}
NON_CLAIMS: dict[str, OrderT] = {
    "few": lambda a, b: f"A few children {b.base} before they {a.base}.",
    "question": lambda a, b: f"Is it normal to {b.base} before they {a.base}?",
    "heard": lambda a, b: f"You may have heard that children {b.base} before they {a.base}.",
}

ACTS = [
    Act(
        "leave your baby alone on a changing table",
        "leaving your baby alone on a changing table",
        "a baby",
        "left alone on a changing table",
    ),
    Act(
        "put your toddler to bed with a bottle",
        "putting your toddler to bed with a bottle",
        "a bottle",
        "given at bedtime",
    ),
    Act("warm milk in the microwave", "warming milk in the microwave", "milk", "warmed in the microwave"),
    Act("add cereal to the bottle", "adding cereal to the bottle", "cereal", "added to the bottle"),
    Act(
        "use talcum powder on your baby",
        "using talcum powder on your baby",
        "talcum powder",
        "used on babies",
    ),
]
FOR = {
    "imperative": "{Imp}.",
    "should": "You should {imp}.",
    "okay-to": "It is okay to {imp}.",
    "can": "You can {imp}.",
}
AGAINST = {
    "never": "Never {imp}.",
    "must-not": "You must not {imp}.",
    "avoid": "Avoid {ger}.",
    "passive": "{Np} should not be {pp}.",
    "dont": "Don't {imp}.",
}

THINGS = [
    ("a soft spot on the top of the head", "is"),
    ("crossed eyes in the first weeks", "are"),
    ("bow legs in a toddler", "are"),
    ("a lisp at three", "is"),
    ("a bald patch on the back of the head", "is"),
]
POS = {"normal": "{t} {v} normal.", "harmless": "{t} {v} harmless.", "fine": "{t} {v} perfectly fine."}
NEG = {
    "red-flag": "{t} {v} a red flag.",
    "warning": "{t} {v} a warning sign.",
    "see-doctor": "{t} {v} a sign of a problem.",
}

CAUSES = [
    ("a warm bath", "better sleep"),
    ("spicy food", "colic"),
    ("dummies", "speech delay"),
    ("reading aloud", "earlier talking"),
    ("teething", "nappy rash"),
]
ASSERT = {"causes": "{C} causes {e}.", "can-lead": "{C} can lead to {e}.", "results": "{C} results in {e}."}
DENY = {
    "does-not": "{C} does not cause {e}.",
    "no-evidence": "There is no link between {c} and {e}.",
    "not-lead": "{C} does not lead to {e}.",
}

AGES = [
    ("point", "12 months", "a year", "4 months"),
    ("up", "2 years", "24 months", "8 months"),
    ("colours", "3 years", "36 months", "12 months"),
    ("straw", "9 months", "between 8 and 10 months", "3 years"),
]
AGE_T = {
    "at-about": "Most children {base} at about {n}.",
    "by": "Most children can {base} by {n}.",
    "around": "{Ger} usually starts around {n}.",
}

QUANTITIES = [
    ("A toddler needs about {q} of water a day.", "1 litre", "1000 ml", "5 litres"),
    ("Most newborns sleep {q} a day.", "14 to 17 hours", "about 16 hours", "5 hours"),
    ("A two-year-old needs around {q} of milk a day.", "350 ml", "12 oz", "2 litres"),
]


def order_cases(rng: random.Random) -> Iterator[Case]:
    names = sorted(TEMPLATES)
    for ea, eb in PAIRS:
        a, b = EVENTS[ea], EVENTS[eb]
        for t1 in names:
            t2 = rng.choice([t for t in names if t != t1])
            yield Case("order", f"{t1}/{t2}", TEMPLATES[t1](a, b), TEMPLATES[t2](b, a), True, False)
            t3 = rng.choice([t for t in names if t != t1])
            yield Case("order", f"{t1}/{t3}", TEMPLATES[t1](a, b), TEMPLATES[t3](a, b), False, False)
        for twist, make in NON_CLAIMS.items():
            yield Case(
                "order",
                f"{rng.choice(names)}/{twist}",
                TEMPLATES[rng.choice(names)](a, b),
                make(a, b),
                False,
                False,
            )


def _act(text: str, x: Act) -> str:
    return text.format(Imp=_cap(x.imp), imp=x.imp, ger=x.ger, Np=_cap(x.np), pp=x.pp)


def advice_cases(rng: random.Random) -> Iterator[Case]:
    for x in ACTS:
        for p in sorted(FOR):
            n = rng.choice(sorted(AGAINST))
            yield Case("advice", f"{p}/{n}", _act(FOR[p], x), _act(AGAINST[n], x), True, False)
        n1, n2 = rng.sample(sorted(AGAINST), 2)
        yield Case("advice", f"{n1}/{n2}", _act(AGAINST[n1], x), _act(AGAINST[n2], x), False, False)
        yield Case(
            "advice",
            "different-age",
            f"Do not {x.imp} in the first year.",
            f"From the age of three, you can {x.imp}.",
            False,
            False,
        )


def stance_cases(rng: random.Random) -> Iterator[Case]:
    for thing, v in THINGS:
        t = _cap(thing)
        for p in sorted(POS):
            n = rng.choice(sorted(NEG))
            yield Case("stance", f"{p}/{n}", POS[p].format(t=t, v=v), NEG[n].format(t=t, v=v), True, False)
        yield Case(
            "stance",
            "pos/pos",
            POS["normal"].format(t=t, v=v),
            POS["harmless"].format(t=t, v=v),
            False,
            False,
        )


def proposition_cases(rng: random.Random) -> Iterator[Case]:
    for c, e in CAUSES:
        f = {"c": c, "C": _cap(c), "e": e, "E": _cap(e)}
        for a in sorted(ASSERT):
            d = rng.choice(sorted(DENY))
            yield Case("proposition", f"{a}/{d}", ASSERT[a].format(**f), DENY[d].format(**f), True, False)
        yield Case(
            "proposition",
            "deny/deny",
            DENY["does-not"].format(**f),
            DENY["not-lead"].format(**f),
            False,
            False,
        )


def age_cases(rng: random.Random) -> Iterator[Case]:
    for ev, usual, same, wrong in AGES:
        a = EVENTS[ev]
        for t in sorted(AGE_T):
            f = {"base": a.base, "Ger": _cap(a.ger)}
            t2 = rng.choice(sorted(AGE_T))
            yield Case(
                "age",
                f"{t}/{t2}-wrong",
                AGE_T[t].format(n=usual, **f),
                AGE_T[t2].format(n=wrong, **f),
                True,
                False,
            )
            yield Case(
                "age",
                f"{t}/{t2}-same",
                AGE_T[t].format(n=usual, **f),
                AGE_T[t2].format(n=same, **f),
                False,
                False,
            )


def quantity_cases(rng: random.Random) -> Iterator[Case]:
    for frame, usual, same, wrong in QUANTITIES:
        yield Case("quantity", "wrong", frame.format(q=usual), frame.format(q=wrong), True, False)
        yield Case("quantity", "same", frame.format(q=usual), frame.format(q=same), False, False)


def heldout_cases(seed: int = 7) -> list[Case]:
    rng = random.Random(seed)
    makers = (order_cases, advice_cases, stance_cases, proposition_cases, age_cases, quantity_cases)
    return [case for make in makers for case in make(rng)]
