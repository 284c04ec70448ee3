"""Held-out grammar 4, written 2026-11-29 15:20 by the lead after all claims work of the session was
assigned, never used to develop anything: fresh events, acts, things, causes, remedies, ages and amounts,
and phrasings chosen from everyday parenting prose. Same Case shape as claims_grammar."""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator

from claims_grammar import Case, Event, _cap

EVENTS = {
    "roll": Event(
        "roll a ball back to you", "rolling a ball back to you", "rolled a ball back to you", False
    ),
    "kick": Event("kick a ball forwards", "kicking a ball forwards", "kicked a ball forwards", False),
    "scoop": Event(
        "scoop food with a spoon", "scooping food with a spoon", "scooped food with a spoon", False
    ),
    "spear": Event("spear food with a fork", "spearing food with a fork", "speared food with a fork", False),
    "stairs": Event(
        "climb the stairs on all fours",
        "climbing the stairs on all fours",
        "climbed the stairs on all fours",
        False,
    ),
    "alt": Event(
        "climb the stairs one foot per step",
        "climbing the stairs one foot per step",
        "climbed the stairs one foot per step",
        False,
    ),
    "draw": Event("copy a circle", "copying a circle", "copied a circle", False),
    "cross": Event("copy a cross", "copying a cross", "copied a cross", False),
    "babble": Event("coo", "cooing", "cooed", False),
    "laugh": Event("laugh out loud", "laughing out loud", "laughed out loud", False),
}
PAIRS = [("roll", "kick"), ("scoop", "spear"), ("stairs", "alt"), ("draw", "cross"), ("babble", "laugh")]

OrderT = Callable[[Event, Event], str]
TEMPLATES: dict[str, OrderT] = {
    "learn-before": lambda a, b: f"Toddlers usually learn to {a.base} before they learn to {b.base}.",
    "comes-after": lambda a, b: f"{_cap(b.ger)} comes after {a.ger}.",
    "most-can-first": lambda a, b: f"Most children can {a.base} first, and {b.ger} follows.",
    "until-they": lambda a, b: f"Children rarely {b.base} until they can {a.base}.",
    "by-the-time": lambda a, b: f"By the time they {b.base}, most children already {a.base}.",
    "after-that": lambda a, b: f"Your child will {a.base}. After that, {b.ger} is usually next.",
    "earlier-skill": lambda a, b: f"{_cap(a.ger)} is an earlier skill than {b.ger}.",
    "once-mastered": lambda a, b: f"Once they have mastered {a.ger}, children move on to {b.ger}.",
}
NON_CLAIMS: dict[str, OrderT] = {
    "a-few": lambda a, b: f"A few children {b.base} before they {a.base}.",
    "wonder": lambda a, b: f"Many parents wonder if their child should {b.base} before they {a.base}.",
    "either-order": lambda a, b: f"Children {a.base} and {b.base} in either order.",
}

ACTS = [  # imperative, gerund, thing
    ("give your baby a pillow", "giving your baby a pillow", "a pillow"),
    ("let your baby sleep in a sling", "letting your baby sleep in a sling", "a sling"),
    ("feed your toddler raw eggs", "feeding your toddler raw eggs", "raw eggs"),
    ("put your baby in a bouncer for naps", "putting your baby in a bouncer for naps", "a bouncer"),
    ("rinse a dropped dummy in your mouth", "rinsing a dropped dummy in your mouth", "a dummy"),
]
FOR = {
    "its-ok": "It's OK to {imp}.",
    "you-can-safely": "You can safely {imp}.",
    "parents-can": "Parents can {imp} without worry.",
    "consider": "Consider {ger}.",
    "best-to": "It is best to {imp}.",
}
AGAINST = {
    "never-ever": "Never {imp}.",
    "you-mustnt": "You mustn't {imp}.",
    "is-dangerous": "{Ger} is dangerous.",
    "avoid": "Avoid {ger}.",
    "shouldnt": "Parents shouldn't {imp}.",
}

THINGS = [
    ("a white tongue in a breastfed baby", "is"),
    ("head lice", "are"),
    ("a hoarse voice", "is"),
    ("sweaty feet in a toddler", "are"),
    ("a lump behind the ear", "is"),
]
POS = {
    "harmless": "{T} {v} generally harmless.",
    "not-worry": "{T} {v} not something to worry about.",
    "quite-common": "{T} {v} quite common and normal.",
}
NEG = {
    "see-gp": "{T} {v} a reason to see your GP.",
    "serious": "{T} can be a sign of something serious.",
    "dangerous": "{T} {v} dangerous.",
}

CAUSES = [
    ("teething", "diarrhoea"),
    ("a vitamin D shortage", "rickets"),
    ("cow's milk", "eczema"),
    ("vaccines", "autism"),
    ("late nights", "tantrums"),
]
ASSERT = {
    "can-cause": "{C} can cause {e}.",
    "linked": "{C} is linked to {e}.",
    "brings-on": "{C} brings on {e}.",
}
DENY = {
    "doesnt-cause": "{C} doesn't cause {e}.",
    "no-link": "There is no link between {c} and {e}.",
    "not-linked": "{C} is not linked to {e}.",
}

AGES = [  # event, usual, same, wrong
    ("kick", "18 months", "a year and a half", "4 months"),
    ("cross", "4 years", "age four", "1 year"),
    ("laugh", "4 months", "around 16 weeks", "2 years"),
]
AGE_T = {
    "most-by": "Most children {base} by {n}.",
    "around": "Children typically {base} around {n}.",
    "from": "From about {n}, children {base}.",
}

QUANTITIES = [
    ("A newborn feeds {q} in 24 hours.", "8 to 12 times", "about 10 times", "twice"),
    ("Toddlers should have {q} of screen time a day at most.", "1 hour", "60 minutes", "6 hours"),
    ("Give {q} of the liquid per dose.", "5 ml", "one 5 ml spoonful", "50 ml"),
    ("A baby of six months needs {q} of milk a day.", "500 to 600 ml", "about 550 ml", "2 litres"),
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
            yield Case("order", f"x/{twist}", TEMPLATES[rng.choice(names)](a, b), make(a, b), False, False)


def advice_cases(rng: random.Random) -> Iterator[Case]:
    for imp, ger, _thing in ACTS:
        f = {"imp": imp, "ger": ger, "Ger": _cap(ger)}
        for p in sorted(FOR):
            n = rng.choice(sorted(AGAINST))
            yield Case("advice", f"{p}/{n}", FOR[p].format(**f), AGAINST[n].format(**f), True, False)
        n1, n2 = rng.sample(sorted(AGAINST), 2)
        yield Case("advice", f"{n1}/{n2}", AGAINST[n1].format(**f), AGAINST[n2].format(**f), False, False)
        yield Case(
            "advice",
            "older",
            "Never {imp} before the age of one.".format(**f),
            "Once your child is three, you can {imp}.".format(**f),
            False,
            False,
        )


def stance_cases(rng: random.Random) -> Iterator[Case]:
    for thing, v in THINGS:
        f = {"T": _cap(thing), "v": v}
        for p in sorted(POS):
            for n in sorted(NEG):
                yield Case("stance", f"{p}/{n}", POS[p].format(**f), NEG[n].format(**f), True, False)
        yield Case(
            "stance", "pos/pos", POS["harmless"].format(**f), POS["quite-common"].format(**f), False, False
        )


def proposition_cases(rng: random.Random) -> Iterator[Case]:
    for c, e in CAUSES:
        f = {"c": c, "C": _cap(c), "e": e}
        for a in sorted(ASSERT):
            for d in sorted(DENY):
                yield Case("proposition", f"{a}/{d}", ASSERT[a].format(**f), DENY[d].format(**f), True, False)
        yield Case(
            "proposition",
            "myth",
            "Some people say {c} causes {e}.".format(**f),
            DENY["doesnt-cause"].format(**f),
            False,
            False,
        )


def age_cases(rng: random.Random) -> Iterator[Case]:
    for ev, usual, same, wrong in AGES:
        a = EVENTS[ev]
        for t in sorted(AGE_T):
            t2 = rng.choice(sorted(AGE_T))
            yield Case(
                "age",
                f"{t}/{t2}-wrong",
                AGE_T[t].format(n=usual, base=a.base),
                AGE_T[t2].format(n=wrong, base=a.base),
                True,
                False,
            )
            yield Case(
                "age",
                f"{t}/{t2}-same",
                AGE_T[t].format(n=usual, base=a.base),
                AGE_T[t2].format(n=same, base=a.base),
                False,
                False,
            )


def quantity_cases(rng: random.Random) -> Iterator[Case]:
    for frame, usual, same, wrong in QUANTITIES:
        yield Case("quantity", "wrong", frame.format(q=usual), frame.format(q=wrong), True, False)
        yield Case("quantity", "same", frame.format(q=usual), frame.format(q=same), False, False)


def heldout4_cases(seed: int = 23) -> list[Case]:
    rng = random.Random(seed)
    makers = (order_cases, advice_cases, stance_cases, proposition_cases, age_cases, quantity_cases)
    return [case for make in makers for case in make(rng)]
