"""A second held-out claims grammar, written 2026-11-29 (session 2) while the claims helpers worked,
never shown to them: new concepts, new constructions, real-article kinds (efficacy, open-ended
quantities, ordinal birthdays, clefts, passives of cause). Same Case shape as claims_grammar.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator

from claims_grammar import Case, Event, _cap

EVENTS = {
    "spoon": Event(
        "feed themselves with a spoon",
        "feeding themselves with a spoon",
        "fed themselves with a spoon",
        False,
    ),
    "fork": Event("use a fork", "using a fork", "used a fork", False),
    "pull": Event("pull up to stand", "pulling up to stand", "pulled up to stand", False),
    "cruise": Event(
        "cruise along the furniture", "cruising along the furniture", "cruised along the furniture", False
    ),
    "hop": Event("hop on one foot", "hopping on one foot", "hopped on one foot", False),
    "skip": Event("skip", "skipping", "skipped", False),
    "button": Event("undo buttons", "undoing buttons", "undone buttons", False),
    "laces": Event("tie their shoelaces", "tying their shoelaces", "tied their shoelaces", False),
    "phrases": Event("put two words together", "putting two words together", "put two words together", False),
    "sentences": Event(
        "speak in full sentences", "speaking in full sentences", "spoken in full sentences", False
    ),
    "wave": Event("wave goodbye", "waving goodbye", "waved goodbye", False),
    "clap": Event("clap along to songs", "clapping along to songs", "clapped along to songs", False),
}
PAIRS = [
    ("spoon", "fork"),
    ("pull", "cruise"),
    ("hop", "skip"),
    ("button", "laces"),
    ("phrases", "sentences"),
    ("wave", "clap"),
]

OrderT = Callable[[Event, Event], str]
TEMPLATES: dict[str, OrderT] = {
    "tends-to-come": lambda a, b: f"{_cap(a.ger)} tends to come before {b.ger}.",
    "well-before": lambda a, b: f"Most toddlers {a.base} well before they {b.base}.",
    "first-semicolon": lambda a, b: f"Children usually {a.base} first; {b.ger} comes a few months later.",
    "precedes": lambda a, b: f"{_cap(a.ger)} normally precedes {b.ger}.",
    "cleft-once": lambda a, b: f"It is only once they can {a.base} that children start {b.ger}.",
    "generally-after": lambda a, b: f"{_cap(b.ger)} generally develops after {a.ger}.",
    "ability-months": lambda a, b: f"The ability to {a.base} appears months before the ability to {b.base}.",
    "next-step": lambda a, b: f"Once your child can {a.base}, the next step is {b.ger}.",
    "wont-until": lambda a, b: f"Your child won't {b.base} until they can {a.base}.",
    "expect-before": lambda a, b: f"Expect your child to {a.base} some time before they {b.base}.",
}
NON_CLAIMS: dict[str, OrderT] = {
    "some-fine": lambda a, b: f"Some children {b.base} before they {a.base}, and that is fine.",
    "question": lambda a, b: f"Does your child {b.base} before they can {a.base}?",
    "parents-ask": lambda a, b: f"Parents often ask whether children can {b.base} before they {a.base}.",
    "premature-may": lambda a, b: f"If your child was born early, they may {b.base} before they {a.base}.",
    "myth": lambda a, b: f"It is a myth that children must {b.base} before they {a.base}.",
}

ACTS = [
    ("prop the bottle on a pillow", "propping the bottle on a pillow", "the bottle", "propped on a pillow"),
    (
        "let your baby sleep in the car seat at home",
        "letting your baby sleep in the car seat at home",
        "a car seat",
        "used for sleep at home",
    ),
    ("rub brandy on sore gums", "rubbing brandy on sore gums", "brandy", "rubbed on the gums"),
    (
        "leave a toddler alone in the bath",
        "leaving a toddler alone in the bath",
        "a toddler",
        "left alone in the bath",
    ),
    (
        "put a baby to sleep on a sofa",
        "putting a baby to sleep on a sofa",
        "a baby",
        "put to sleep on a sofa",
    ),
]
FOR = {
    "fine-to": "It's fine to {imp}.",
    "go-ahead": "Go ahead and {imp}.",
    "nothing-wrong": "There is nothing wrong with {ger}.",
    "may": "You may {imp} if it helps.",
    "safe-to": "It is perfectly safe to {imp}.",
}
AGAINST = {
    "please-dont": "Please don't {imp}.",
    "not-safe": "{Ger} is not safe.",
    "should-never": "You should never {imp}.",
    "no-circumstances": "Do not {imp} under any circumstances.",
    "stop": "Stop {ger} straight away.",
}

THINGS = [
    ("hiccups in a newborn", "are"),
    ("a strawberry birthmark", "is"),
    ("milk spots on the nose", "are"),
    ("peeling skin after birth", "is"),
    ("a flat patch on the back of the head", "is"),
]
POS = {
    "common-harmless": "{t} {v} common and harmless.",
    "usually-harmless": "{t} {v} usually harmless.",
    "no-concern": "{t} {v} no cause for concern.",
    "expected": "{t} {v} to be expected.",
}
NEG = {
    "reason-call": "{t} {v} a reason to call your doctor.",
    "concern": "{t} {v} a cause for concern.",
    "something-wrong": "{t} {v} a sign that something is wrong.",
    "worrying": "{t} {v} always worrying.",
}

CAUSES = [
    ("sugary drinks", "tooth decay"),
    ("screen time before bed", "poor sleep"),
    ("a dummy", "ear infections"),
    ("cold weather", "a cold"),
    ("bottle feeding", "wind"),
]
ASSERT = {
    "common-cause": "{C} is a common cause of {e}.",
    "trigger": "{C} can trigger {e}.",
    "often-leads": "{C} often leads to {e}.",
    "passive": "{E} is often caused by {c}.",
}
DENY = {
    "not-trigger": "{C} does not trigger {e}.",
    "passive-not": "{E} is not caused by {c}.",
    "nothing-to-do": "{C} has nothing to do with {e}.",
    "no-evidence": "There is no evidence that {c} causes {e}.",
}

REMEDIES = [
    ("saline drops", "use", "a blocked nose"),
    ("a humidifier", "use", "a dry cough"),
    ("a warm compress", "apply", "a sticky eye"),
    ("fennel tea", "give", "wind"),
    ("a cool flannel", "use", "itchy skin"),
]
HELPS = {
    "can-help": "{X} can help with {y}.",
    "use-to-ease": "You can {v} {x} to ease {y}.",
    "try": "Try {x} for {y}.",
    "works-well": "{X} works well for {y}.",
}
NO_HELP = {
    "not-help": "{X} does not help with {y}.",
    "no-evidence": "There is no evidence that {x} helps with {y}.",
    "little-relief": "{X} gives little if any relief from {y}.",
    "doesnt-work": "{X} doesn't work for {y}.",
}

AGES = [  # event, usual, same (restated), wrong
    ("pull", "about 9 months", "9 or 10 months", "3 years"),
    ("hop", "4 years", "48 months", "1 year"),
    ("phrases", "2 years", "their second birthday", "6 months"),
    ("wave", "around 9 months", "about 10 months", "3 years"),
]
AGE_T = {
    "between": "Most children {base} at {n}.",
    "shows-up": "{Ger} typically shows up at {n}.",
    "not-until": "Children do not usually {base} until {n}.",
    "can-by": "By {n}, most children can {base}.",
}

QUANTITIES = [  # frame, usual, same, wrong
    ("At this age babies usually take {q} of formula per feed.", "120 to 180 ml", "4 to 6 oz", "500 ml"),
    (
        "A one-year-old should sleep {q} in 24 hours, naps included.",
        "11 to 14 hours",
        "about 12 hours",
        "6 hours",
    ),
    ("Most toddlers need {q} of sleep a night.", "10 to 12 hours", "around 11 hours", "4 hours"),
    (
        "Each breastfeed usually lasts {q}.",
        "15 to 20 minutes",
        "about a quarter of an hour",
        "2 hours or longer",
    ),
    ("Offer no more than {q} of juice a day.", "120 ml", "4 oz", "a litre"),
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


def _act(text: str, x: tuple[str, str, str, str]) -> str:
    imp, ger, np, pp = x
    return text.format(Imp=_cap(imp), imp=imp, ger=ger, Ger=_cap(ger), Np=_cap(np), pp=pp)


def advice_cases(rng: random.Random) -> Iterator[Case]:
    for x in ACTS:
        for p in sorted(FOR):
            n = rng.choice(sorted(AGAINST))
            yield Case("advice", f"{p}/{n}", _act(FOR[p], x), _act(AGAINST[n], x), True, False)
        n1, n2 = rng.sample(sorted(AGAINST), 2)
        yield Case("advice", f"{n1}/{n2}", _act(AGAINST[n1], x), _act(AGAINST[n2], x), False, False)
        yield Case(
            "advice",
            "different-condition",
            _act("If your child has a fever, do not {imp}.", x),
            _act("When your child is well again, it's fine to {imp}.", x),
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
            POS["common-harmless"].format(t=t, v=v),
            POS["no-concern"].format(t=t, v=v),
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
            "some/not-always",
            "{C} can trigger {e} in some children.".format(**f),
            "{C} does not always cause {e}.".format(**f),
            False,
            False,
        )


def efficacy_cases(rng: random.Random) -> Iterator[Case]:
    for x, v, y in REMEDIES:
        f = {"x": x, "X": _cap(x), "v": v, "y": y}
        for h in sorted(HELPS):
            n = rng.choice(sorted(NO_HELP))
            yield Case("efficacy", f"{h}/{n}", HELPS[h].format(**f), NO_HELP[n].format(**f), True, False)
        h1, h2 = rng.sample(sorted(HELPS), 2)
        yield Case("efficacy", f"{h1}/{h2}", HELPS[h1].format(**f), HELPS[h2].format(**f), False, False)


def age_cases(rng: random.Random) -> Iterator[Case]:
    for ev, usual, same, wrong in AGES:
        a = EVENTS[ev]
        f = {"base": a.base, "Ger": _cap(a.ger)}
        for t in sorted(AGE_T):
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


def heldout2_cases(seed: int = 11) -> list[Case]:
    rng = random.Random(seed)
    makers = (
        order_cases,
        advice_cases,
        stance_cases,
        proposition_cases,
        efficacy_cases,
        age_cases,
        quantity_cases,
    )
    return [case for make in makers for case in make(rng)]
