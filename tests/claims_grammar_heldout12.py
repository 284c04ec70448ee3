"""Held-out grammar 12, written 2026-11-30 by helper H6-GRAMMAR (session 6) without reading the claims
code: new constructions and topics (play, social skills, literacy, weaning textures, language; safe sleep,
medicines, bath safety; behaviour and orthopaedic worries; myths about habits). The lead worked from it in
session 6 (grammar 13 stayed sealed): 0.107 (P 0.925) on 2c98c35, 0.716 (P 1.0) at the end of that work,
every kind also tested on topics of its own (tests/test_claims_kinds12.py)."""

from __future__ import annotations

from claims_grammar import Case, Event, _cap
from claims_grammar_families import Grammar, OrderT, cases

EVENTS = {
    "peekaboo": Event("play peekaboo", "playing peekaboo", "played peekaboo", False),
    "hide": Event("play hide and seek", "playing hide and seek", "played hide and seek", False),
    "parallel": Event(
        "play alongside other children",
        "playing alongside other children",
        "played alongside other children",
        False,
    ),
    "turns": Event("take turns in a game", "taking turns in a game", "taken turns in a game", False),
    "name": Event(
        "recognise their name in print",
        "recognising their name in print",
        "recognised their name in print",
        False,
    ),
    "write": Event("write their own name", "writing their own name", "written their own name", False),
    "puree": Event("swallow smooth purées", "swallowing smooth purées", "swallowed smooth purées", False),
    "lumps": Event("chew soft lumps", "chewing soft lumps", "chewed soft lumps", False),
    "words": Event("use single words", "using single words", "used single words", False),
    "why": Event("ask 'why' questions", "asking 'why' questions", "asked 'why' questions", False),
}
PAIRS = [("peekaboo", "hide"), ("parallel", "turns"), ("name", "write"), ("puree", "lumps"), ("words", "why")]

TEMPLATES: dict[str, OrderT] = {
    "gives-way": lambda a, b: f"{_cap(a.ger)} gradually gives way to {b.ger}.",
    "precursor": lambda a, b: f"{_cap(a.ger)} is a precursor of {b.ger}.",
    "seen-prior": lambda a, b: f"{_cap(a.ger)} is normally seen well prior to {b.ger}.",
    "first-comes-2s": lambda a, b: f"First comes {a.ger}. Then comes {b.ger}.",
    "sooner-than": lambda a, b: f"Most children {a.base} sooner than they {b.base}.",
    "been-for-months": lambda a, b: (
        f"Around the time they first {b.base}, children have usually been {a.ger} for months."
    ),
    "colon-order": lambda a, b: f"What to expect, in order: {a.ger}, then {b.ger}.",
    "dont-expect": lambda a, b: f"Don't expect your child to {b.base} before they {a.base}.",
    "relative-which": lambda a, b: f"{_cap(b.ger)}, which tends to follow {a.ger}, takes a lot of practice.",
    "not-far-behind": lambda a, b: f"Once {a.ger} is mastered, {b.ger} isn't far behind.",
    "builds-on": lambda a, b: f"{_cap(b.ger)} is a more advanced skill that builds on {a.ger}.",
}
NON_CLAIMS: dict[str, OrderT] = {
    "handful": lambda a, b: f"A handful of children seem to {b.base} before they {a.base}.",
    "which-first-q": lambda a, b: f"Which comes first, {a.ger} or {b.ger}?",
    "i-remember": lambda a, b: f"I remember my daughter {b.ger} long before she could {a.base}.",
    "quoted-saying": lambda a, b: (
        f'"Children {b.base} before they {a.base}" is one of those sayings that simply isn\'t true.'
    ),
}

ACTS = [
    ("put your baby to sleep on their side", "putting your baby to sleep on their side"),
    (
        "give a child under 12 medicine containing codeine",
        "giving a child under 12 medicine containing codeine",
    ),
    ("put a hot water bottle in your baby's cot", "putting a hot water bottle in your baby's cot"),
    ("add salt to your baby's food", "adding salt to your baby's food"),
    (
        "leave your toddler alone in the bath for a moment",
        "leaving your toddler alone in the bath for a moment",
    ),
]
FOR = {
    "go-for-it": "If you want to {imp}, go for it.",
    "our-advice": "Our advice is to {imp}.",
    "good-habit": "{Ger} is a good habit to get into.",
    "no-second-thought": "You can {imp} without a second thought.",
    "doctors-say-fine": "Most doctors say it's fine to {imp}.",
}
AGAINST = {
    "not-worth-risk": "{Ger} is not worth the risk.",
    "warn-against": "Health experts warn parents against {ger}.",
    "last-thing": "The last thing you should do is {imp}.",
    "make-sure-dont": "Make sure you don't {imp}.",
    "risky-avoided": "{Ger} is risky and best avoided.",
}
ADVICE_TWISTS = {
    "past-habit": ("{Ger} is not worth the risk.", "Our grandmothers used to {imp}."),
    "why-question": ("The last thing you should do is {imp}.", "Why do so many parents {imp}?"),
    "tempting": ("Make sure you don't {imp}.", "It can be tempting to {imp}."),
}

THINGS = [
    ("biting other children", "is"),
    ("waking several times a night at one year", "is"),
    ("knock knees in a preschooler", "are"),
    ("pulling at the ears", "is"),
    ("flat feet in a toddler", "are"),
]
POS = {
    "grow-out": "{T} {v} something most children grow out of.",
    "innocent": "Nine times out of ten, {t} {v} perfectly innocent.",
    "no-sleepless": "{T} shouldn't keep you up at night.",
    "normal-development": "{T} {v} part of normal development.",
    "reassuringly-common": "{T} {v} reassuringly common.",
}
NEG = {
    "alarm-bells": "{T} should ring alarm bells.",
    "prompt-call": "{T} should prompt a same-day call to your GP.",
    "not-brush-aside": "{T} {v} not something to brush aside.",
    "specialist": "{T} {v} a matter for a specialist.",
    "right-to-worry": "You are right to worry about {t}.",
}

CAUSES = [
    ("drinking too much cow's milk", "anaemia"),
    ("thumb sucking", "crooked teeth"),
    ("swimming in a chlorinated pool", "ear infections"),
    ("dehydration", "headaches"),
    ("pollen", "sneezing fits"),
]
ASSERT = {
    "common-trigger": "{C} is a common trigger for {e}.",
    "traced-back": "Many cases of {e} can be traced back to {c}.",
    "culprit": "{C} is often the culprit behind {e}.",
    "more-likely": "{C} makes {e} more likely.",
    "key-factor": "{C} is a key factor in {e}.",
}
DENY = {
    "not-a-cause": "{C} is not a cause of {e}.",
    "wont-give": "{C} won't give your child {e}.",
    "dont-blame": "Don't blame {c} for {e}.",
    "no-basis": "There's no scientific basis for linking {c} with {e}.",
    "cleared": "{C} has been cleared of causing {e}.",
}
PROPOSITION_TWISTS = {
    "really-q": ("{C} is not a cause of {e}.", "Is {c} really to blame for {e}?"),
    "once-thought": ("Don't blame {c} for {e}.", "Doctors once thought {c} caused {e}."),
    "counterfactual": (
        "{C} won't give your child {e}.",
        "If {c} really caused {e}, we would see far more of it.",
    ),
}

AGES = [
    ("hide", "at around 2 years", "at about two", "at 3 months"),
    ("why", "at around 3 years", "at about age three", "at 9 months"),
    ("write", "between 4 and 5 years", "at around four and a half", "at 18 months"),
]
AGE_T = {
    "kicks-in": "{Ger} usually kicks in {n}.",
    "cleft": "It is {n} that most children first {base}.",
    "hv-expect": "Health visitors expect children to {base} {n}.",
    "becomes-possible": "{Ger} becomes possible for most children {n}.",
}

QUANTITIES = [
    ("Leave at least {q} between doses of paracetamol.", "4 hours", "four hours", "30 minutes"),
    ("Children aged 1 to 4 need {q} of vitamin D a day.", "10 micrograms", "400 IU", "100 micrograms"),
    (
        "Keep your baby in a rear-facing car seat until at least {q}.",
        "15 months",
        "fifteen months",
        "3 months",
    ),
]

GRAMMAR = Grammar(
    events=EVENTS,
    pairs=PAIRS,
    templates=TEMPLATES,
    non_claims=NON_CLAIMS,
    acts=ACTS,
    for_=FOR,
    against=AGAINST,
    things=THINGS,
    pos=POS,
    neg=NEG,
    causes=CAUSES,
    assert_=ASSERT,
    deny=DENY,
    ages=AGES,
    age_templates=AGE_T,
    quantities=QUANTITIES,
    advice_twists=ADVICE_TWISTS,
    proposition_twists=PROPOSITION_TWISTS,
    all_stance_pairs=True,
    all_proposition_pairs=True,
)


def heldout12_cases(seed: int = 612) -> list[Case]:
    return cases(GRAMMAR, seed)
