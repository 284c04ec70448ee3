"""A small generative grammar of claims, for measuring the contradiction rules (EL3xx).

Each :class:`Case` is a short article with two claim sentences (on lines 3 and 7, a neutral paragraph
between them) and an expectation: the second sentence contradicts the first, or it does not. The grammar
crosses construction templates × concepts (some known to the ontology, some in no pack) × voice ×
negation × hedges × scopes, so precision and recall are measured over hundreds of sentences instead of
asserted on a few. The concepts here are deliberately spread over topics (motor, language, self-care,
feeding, sleep, safety, common complaints); none comes from the evaluation corpora.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass

S1_LINE = 3
S2_LINE = 7


@dataclass(frozen=True)
class Case:
    family: str  # order | advice | stance | proposition | age | quantity
    variant: str  # which pair of constructions / which twist
    s1: str
    s2: str
    contradiction: bool
    known: bool = True  # False when the concepts are in no pack

    def article(self) -> str:
        return (f"# Notes for parents\n\n{self.s1}\n\n"
                f"Every child grows at a different pace, and that is fine.\n\n{self.s2}\n")


def _cap(s: str) -> str:
    return s[:1].upper() + s[1:]


# -- order ---------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Event:
    base: str  # "ride a tricycle" (after "they", "can", "to")
    ger: str  # "riding a tricycle" (as a subject or after a preposition)
    pp: str  # "ridden a tricycle" (after "have already")
    known: bool


EVENTS: dict[str, Event] = {
    "sit": Event("sit up on their own", "sitting up on their own", "sat up on their own", True),
    "crawl": Event("crawl", "crawling", "crawled", True),
    "walk": Event("walk", "walking", "walked", True),
    "babble": Event("babble", "babbling", "babbled", True),
    "word": Event("say their first word", "saying their first word", "said their first word", True),
    "tricycle": Event("ride a tricycle", "riding a tricycle", "ridden a tricycle", False),
    "bike": Event("ride a two-wheeler", "riding a two-wheeler", "ridden a two-wheeler", False),
    "circle": Event("copy a circle", "copying a circle", "copied a circle", False),
    "triangle": Event("copy a triangle", "copying a triangle", "copied a triangle", False),
    "spoon": Event("feed themselves with a spoon", "feeding themselves with a spoon",
                   "fed themselves with a spoon", False),
    "knife": Event("cut food with a knife", "cutting food with a knife", "cut food with a knife", False),
    "hop": Event("hop on one foot", "hopping on one foot", "hopped on one foot", False),
    "buttons": Event("do up buttons", "doing up buttons", "done up buttons", False),
    "zip": Event("pull up a zip", "pulling up a zip", "pulled up a zip", False),
}
# (earlier, later): the usual order; both known and unknown pairs.
ORDER_PAIRS = [("sit", "crawl"), ("crawl", "walk"), ("babble", "word"), ("tricycle", "bike"),
               ("circle", "triangle"), ("spoon", "knife"), ("walk", "hop"), ("zip", "buttons")]

OrderT = Callable[[Event, Event], str]
#: Templates that each state "a happens before b", by construction.
ORDER_TEMPLATES: dict[str, OrderT] = {
    "comes-before": lambda a, b: f"{_cap(a.ger)} usually comes before {b.ger}.",
    "clause-before": lambda a, b: f"Most children {a.base} before they {b.base}.",
    "follows": lambda a, b: f"{_cap(b.ger)} usually follows {a.ger}.",
    "stepping-stone": lambda a, b: f"{_cap(a.ger)} is a stepping stone toward {b.ger}.",
    "once-start": lambda a, b: f"Once they can {a.base}, most children start {b.ger}.",
    "by-the-time": lambda a, b: f"By the time they {b.base}, most children have already {a.pp}.",
    "first-then": lambda a, b: f"First children {a.base}, and then they {b.base}.",
    "preceded-by": lambda a, b: f"{_cap(b.ger)} is usually preceded by {a.ger}.",
    "not-until": lambda a, b: f"Most children do not {b.base} until they can {a.base}.",
    "move-on": lambda a, b: f"After {a.ger}, most children move on to {b.ger}.",
    "paves-way": lambda a, b: f"{_cap(a.ger)} paves the way for {b.ger}.",
    "comes-first": lambda a, b: f"{_cap(a.ger)} comes first, and {b.ger} comes later.",
    "after-phrase": lambda a, b: f"{_cap(b.ger)} usually comes after {a.ger}.",
}
#: Sentences that mention the order b-before-a without asserting it (no contradiction with a-before-b).
ORDER_NON_CLAIMS: dict[str, OrderT] = {
    "minority": lambda a, b: f"Some children {b.base} before they {a.base}.",
    "question": lambda a, b: f"Can a child {b.base} before they {a.base}?",
    "myth": lambda a, b: f"Myth: children always {b.base} before they {a.base}.",
    "negated": lambda a, b: f"Children do not {b.base} before they {a.base}.",
    "reported": lambda a, b: f"Many parents believe that children {b.base} before they {a.base}.",
}


def order_cases(rng: random.Random) -> Iterator[Case]:
    names = sorted(ORDER_TEMPLATES)
    for ea, eb in ORDER_PAIRS:
        a, b = EVENTS[ea], EVENTS[eb]
        known = a.known and b.known
        for t1 in names:
            # a contradiction: the same two events in the opposite order, in another construction
            t2 = rng.choice([t for t in names if t != t1])
            yield Case("order", f"{t1}/{t2}", ORDER_TEMPLATES[t1](a, b), ORDER_TEMPLATES[t2](b, a), True,
                       known)
            # consistent: the same order in another construction
            t3 = rng.choice([t for t in names if t != t1])
            yield Case("order", f"{t1}/{t3}", ORDER_TEMPLATES[t1](a, b), ORDER_TEMPLATES[t3](a, b), False,
                       known)
        for twist, make in ORDER_NON_CLAIMS.items():
            t1 = rng.choice(names)
            yield Case("order", f"{t1}/{twist}", ORDER_TEMPLATES[t1](a, b), make(a, b), False, known)
        # a negated statement of the first order is a contradiction
        t1 = rng.choice(names)
        yield Case("order", f"{t1}/negated-same", ORDER_TEMPLATES[t1](a, b),
                   f"Children do not {a.base} before they {b.base}.", True, known)


# -- advice --------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Act:
    imp: str  # "give your toddler fruit juice" (imperative, after "to", "should")
    ger: str  # "giving your toddler fruit juice"
    np: str  # "fruit juice" (the thing, as a passive subject)
    pp: str  # "given to toddlers" (after "should be")


ACTS = [
    Act("give your toddler fruit juice", "giving your toddler fruit juice", "fruit juice",
        "given to toddlers"),
    Act("put bumper pads in the crib", "putting bumper pads in the crib", "bumper pads", "put in the crib"),
    Act("use a baby walker", "using a baby walker", "a baby walker", "used"),
    Act("clean the ears with cotton buds", "cleaning the ears with cotton buds", "cotton buds",
        "used to clean the ears"),
    Act("prop the bottle during feeds", "propping the bottle during feeds", "the bottle",
        "propped during feeds"),
    Act("give a dummy at bedtime", "giving a dummy at bedtime", "a dummy", "given at bedtime"),
    Act("bathe your newborn every day", "bathing your newborn every day", "a newborn", "bathed every day"),
    Act("use an amber teething necklace", "using an amber teething necklace", "an amber teething necklace",
        "used"),
]

ActT = Callable[[Act], str]
ADVICE_FOR: dict[str, ActT] = {
    "imperative": lambda x: f"{_cap(x.imp)}.",
    "should": lambda x: f"You should {x.imp}.",
    "always": lambda x: f"Always {x.imp}.",
    "fine-to": lambda x: f"It is fine to {x.imp}.",
    "recommended": lambda x: f"{_cap(x.ger)} is recommended.",
}
ADVICE_AGAINST: dict[str, ActT] = {
    "never": lambda x: f"Never {x.imp}.",
    "do-not": lambda x: f"Do not {x.imp}.",
    "should-not": lambda x: f"You should not {x.imp}.",
    "avoid": lambda x: f"Avoid {x.ger}.",
    "passive-never": lambda x: f"{_cap(x.np)} should never be {x.pp}.",
    "not-safe-to": lambda x: f"It is not safe to {x.imp}.",
}


def advice_cases(rng: random.Random) -> Iterator[Case]:
    pos, neg = sorted(ADVICE_FOR), sorted(ADVICE_AGAINST)
    for x in ACTS:
        for p in pos:
            n = rng.choice(neg)
            s1, s2 = ADVICE_FOR[p](x), ADVICE_AGAINST[n](x)
            if rng.random() < 0.5:
                s1, s2 = s2, s1
            yield Case("advice", f"{p}/{n}", s1, s2, True, False)
            p2 = rng.choice([q for q in pos if q != p])
            yield Case("advice", f"{p}/{p2}", ADVICE_FOR[p](x), ADVICE_FOR[p2](x), False, False)
        n1, n2 = rng.sample(neg, 2)
        yield Case("advice", f"{n1}/{n2}", ADVICE_AGAINST[n1](x), ADVICE_AGAINST[n2](x), False, False)
        # different ages: not opposite
        yield Case("advice", "age-scoped", f"Do not {x.imp} before your child is six months old.",
                   f"Once your child is two years old, you can {x.imp}.", False, False)
        # a condition on one side: not opposite
        yield Case("advice", "conditional", f"Never {x.imp}.",
                   f"If your doctor tells you to, {x.imp}.", False, False)
        yield Case("advice", "question", f"Never {x.imp}.", f"Should you {x.imp}?", False, False)


# -- stance --------------------------------------------------------------------------------------

THINGS = [("hiccups after a feed", "are"), ("a flat spot on the back of the head", "is"),
          ("a blocked tear duct", "is"), ("white spots on the nails", "are"),
          ("grinding the teeth at night", "is"), ("a milk blister on the lip", "is"),
          ("a birthmark that grows quickly", "is"), ("snoring every night", "is")]
POSITIVE = {"normal": "{t} {v} normal.", "nothing-to-worry": "{t} {v} nothing to worry about.",
            "harmless": "{t} {v} common and harmless.", "usually-normal": "{t} {v} usually normal."}
NEGATIVE = {"warning-sign": "{t} {v} a warning sign.", "red-flag": "{t} {v} a red flag.",
            "not-normal": "{t} {v} not normal.", "worrying": "{t} {v} a cause for concern."}


def stance_cases(rng: random.Random) -> Iterator[Case]:
    for thing, verb in THINGS:
        t = _cap(thing)
        for p, ptext in POSITIVE.items():
            n = rng.choice(sorted(NEGATIVE))
            yield Case("stance", f"{p}/{n}", ptext.format(t=t, v=verb), NEGATIVE[n].format(t=t, v=verb), True,
                       False)
        p1, p2 = rng.sample(sorted(POSITIVE), 2)
        yield Case("stance", f"{p1}/{p2}", POSITIVE[p1].format(t=t, v=verb), POSITIVE[p2].format(t=t, v=verb),
                   False, False)
        yield Case("stance", "rare-exception", POSITIVE["usually-normal"].format(t=t, v=verb),
                   f"In rare cases, {thing} can be a sign of a problem.", False, False)
        yield Case("stance", "question", POSITIVE["normal"].format(t=t, v=verb),
                   f"When {'are' if verb == 'are' else 'is'} {thing} a warning sign?", False, False)


# -- propositions --------------------------------------------------------------------------------

CAUSES = [("fruit juice", "tooth decay"), ("a late bedtime", "night waking"),
          ("cold weather", "ear infections"), ("sugar", "hyperactivity"), ("a dummy", "crooked teeth"),
          ("carrying a baby a lot", "clinginess")]
ASSERT = {"causes": "{C} causes {e}.", "can-cause": "{C} can cause {e}.", "leads-to": "{C} leads to {e}.",
          "passive": "{E} is caused by {c}."}
DENY = {"does-not": "{C} does not cause {e}.", "no-link": "There is no link between {c} and {e}.",
        "passive-not": "{E} is not caused by {c}.", "myth-deny": "{C} does not lead to {e}."}


def proposition_cases(rng: random.Random) -> Iterator[Case]:
    for c, e in CAUSES:
        f = {"c": c, "C": _cap(c), "e": e, "E": _cap(e)}
        for a, atext in ASSERT.items():
            d = rng.choice(sorted(DENY))
            s1, s2 = atext.format(**f), DENY[d].format(**f)
            if rng.random() < 0.5:
                s1, s2 = s2, s1
            yield Case("proposition", f"{a}/{d}", s1, s2, True, False)
        a1, a2 = rng.sample(sorted(ASSERT), 2)
        yield Case("proposition", f"{a1}/{a2}", ASSERT[a1].format(**f), ASSERT[a2].format(**f), False, False)
        d1, d2 = rng.sample(sorted(DENY), 2)
        yield Case("proposition", f"{d1}/{d2}", DENY[d1].format(**f), DENY[d2].format(**f), False, False)
        yield Case("proposition", "reported", DENY["does-not"].format(**f),
                   f"Many parents believe that {c} causes {e}.", False, False)


# -- ages ----------------------------------------------------------------------------------------

AgeT = Callable[[Event, str], str]
AGE_TEMPLATES: dict[str, AgeT] = {
    "at-about": lambda a, n: f"Most children {a.base} at about {n}.",
    "start-between": lambda a, n: f"Most children start to {a.base} {n}.",
    "ger-begins": lambda a, n: f"{_cap(a.ger)} usually begins at around {n}.",
    "by": lambda a, n: f"Most children can {a.base} by {n}.",
}
# (event, a usual age, a compatible restatement, an incompatible age)
AGES = [("crawl", "9 months", "8 to 10 months", "3 months"),
        ("walk", "12 months", "one year", "5 months"),
        ("word", "12 months", "between 10 and 14 months", "3 years"),
        ("tricycle", "3 years", "36 months", "9 months"),
        ("hop", "4 years", "48 months", "12 months"),
        ("buttons", "4 years", "between 3 and 5 years", "10 months")]


def _age_phrase(t: str, age: str) -> str:
    if t == "start-between" and not age.startswith("between"):
        return f"at around {age}"
    return age


def age_cases(rng: random.Random) -> Iterator[Case]:
    names = sorted(AGE_TEMPLATES)
    for ev, usual, same, wrong in AGES:
        a = EVENTS[ev]
        for t1 in names:
            t2 = rng.choice(names)
            yield Case("age", f"{t1}/{t2}-wrong", AGE_TEMPLATES[t1](a, _age_phrase(t1, usual)),
                       AGE_TEMPLATES[t2](a, _age_phrase(t2, wrong)), True, a.known)
            t3 = rng.choice(names)
            yield Case("age", f"{t1}/{t3}-same", AGE_TEMPLATES[t1](a, _age_phrase(t1, usual)),
                       AGE_TEMPLATES[t3](a, _age_phrase(t3, same)), False, a.known)
        yield Case("age", "minority-early", AGE_TEMPLATES["at-about"](a, usual),
                   f"A few children {a.base} as early as {wrong}.", False, a.known)


# -- quantities ----------------------------------------------------------------------------------

# (sentence frame with {q}, a usual amount, a compatible restatement, an incompatible amount)
QUANTITIES = [
    ("A one-year-old needs about {q} of milk a day.", "500 ml", "16 oz", "2 litres"),
    ("Toddlers need {q} of sleep in every 24 hours.", "11 to 14 hours", "about 12 hours", "6 hours"),
    ("At three months, most babies take {q} of milk per feed.", "120 ml", "4 oz", "30 ml"),
    ("A newborn feeds {q} a day.", "8 to 12 times", "about 10 times", "twice"),
    ("Offer your toddler {q} of fruit and vegetables a day.", "five portions", "5 portions", "one portion"),
]


def quantity_cases(rng: random.Random) -> Iterator[Case]:
    for frame, usual, same, wrong in QUANTITIES:
        s1 = frame.format(q=usual)
        yield Case("quantity", "wrong", s1, frame.format(q=wrong), True, False)
        yield Case("quantity", "same", s1, frame.format(q=same), False, False)
        yield Case("quantity", "wrong-reversed", frame.format(q=wrong), s1, True, False)


FAMILIES: dict[str, Callable[[random.Random], Iterator[Case]]] = {
    "order": order_cases, "advice": advice_cases, "stance": stance_cases,
    "proposition": proposition_cases, "age": age_cases, "quantity": quantity_cases,
}


def all_cases(seed: int = 20261129) -> list[Case]:
    rng = random.Random(seed)
    return [case for make in FAMILIES.values() for case in make(rng)]
