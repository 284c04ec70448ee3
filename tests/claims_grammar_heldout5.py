"""Held-out grammar 5, written 2026-11-29 17:05 by the lead before any claims work of session 3 and kept
outside the repository while helpers worked (committed at the end of the session, so no longer held
out): new events, acts, things, causes, ages and amounts, and
phrasings from everyday parenting prose that no earlier grammar used. Same Case shape as claims_grammar."""

from __future__ import annotations

from claims_grammar import Case, Event, _cap
from claims_grammar_families import Grammar, OrderT, cases

EVENTS = {
    "stack2": Event("stack two blocks", "stacking two blocks", "stacked two blocks", False),
    "stack6": Event("stack six blocks", "stacking six blocks", "stacked six blocks", False),
    "wave": Event("wave goodbye", "waving goodbye", "waved goodbye", False),
    "point": Event("point at things they want", "pointing at things they want",
                   "pointed at things they want", False),
    "pull": Event("pull up to stand", "pulling up to stand", "pulled up to stand", False),
    "cruise": Event("cruise along the furniture", "cruising along the furniture",
                    "cruised along the furniture", False),
    "jump": Event("jump with both feet", "jumping with both feet", "jumped with both feet", False),
    "hop": Event("hop on one foot", "hopping on one foot", "hopped on one foot", False),
    "cup": Event("drink from a lidded cup", "drinking from a lidded cup", "drunk from a lidded cup", False),
    "open": Event("drink from an open cup", "drinking from an open cup", "drunk from an open cup", False),
}
PAIRS = [("stack2", "stack6"), ("wave", "point"), ("pull", "cruise"), ("jump", "hop"), ("cup", "open")]

TEMPLATES: dict[str, OrderT] = {
    "happens-before": lambda a, b: f"{_cap(a.ger)} usually happens before {b.ger}.",
    "well-before": lambda a, b: f"Most toddlers {a.base} well before they {b.base}.",
    "later-than": lambda a, b: f"{_cap(b.ger)} tends to come later than {a.ger}.",
    "followed-by": lambda a, b: f"{_cap(a.ger)} is typically followed by {b.ger}.",
    "need-to-first": lambda a, b: f"Children need to {a.base} before they can {b.base}.",
    "only-after": lambda a, b: f"Only after they can {a.base} do children {b.base}.",
    "precedes": lambda a, b: f"{_cap(a.ger)} usually precedes {b.ger}.",
    "first-then-later": lambda a, b: f"Expect your child to {a.base} first and to {b.base} a little later.",
}
NON_CLAIMS: dict[str, OrderT] = {
    "some-fine": lambda a, b: f"Some children {b.base} before they {a.base}, and that is fine.",
    "question": lambda a, b: f"Does {b.ger} come before {a.ger}?",
    "same-time": lambda a, b: f"Many children {a.base} and {b.base} at around the same time.",
}

ACTS = [  # imperative, gerund
    ("bathe your baby every day", "bathing your baby every day"),
    ("swaddle your baby for naps", "swaddling your baby for naps"),
    ("wake a sleeping baby for a feed", "waking a sleeping baby for a feed"),
    ("give your toddler juice at bedtime", "giving your toddler juice at bedtime"),
    ("let your toddler nap after four in the afternoon",
     "letting your toddler nap after four in the afternoon"),
]
FOR = {
    "nothing-wrong": "There is nothing wrong with {ger}.",
    "feel-free": "Feel free to {imp}.",
    "perfectly-fine": "{Ger} is perfectly fine.",
    "recommend": "We recommend {ger}.",
    "should": "You should {imp}.",
}
AGAINST = {
    "dont-ever": "Don't ever {imp}.",
    "not-recommended": "{Ger} is not recommended.",
    "not-safe": "It is not safe to {imp}.",
    "advise-against": "Experts advise against {ger}.",
    "be-avoided": "{Ger} should be avoided.",
}

THINGS = [("a flat spot on the back of the head", "is"), ("hiccups in a newborn", "are"),
          ("a blocked tear duct", "is"), ("green poo", "is"), ("snoring in a toddler", "is")]
POS = {"nothing-to-worry": "{T} {v} usually nothing to worry about.", "normal": "{T} {v} perfectly normal.",
       "rarely-concern": "{T} {v} rarely a cause for concern.",
       "no-need": "There is no need to worry about {t}."}
NEG = {"warning-sign": "{T} {v} a warning sign.", "call-doctor": "Call your doctor about {t} straight away.",
       "cause-concern": "{T} {v} a cause for concern.", "needs-attention": "{T} needs medical attention."}

CAUSES = [("sugar", "hyperactivity"), ("a dummy", "ear infections"), ("screen time", "speech delay"),
          ("swaddling", "hip problems"), ("teething", "a runny nose")]
ASSERT = {"leads-to": "{C} leads to {e}.", "common-cause": "{C} is a common cause of {e}.",
          "trigger": "{C} can trigger {e}.", "caused-by": "{E} is often caused by {c}."}
DENY = {"not-lead": "{C} does not lead to {e}.", "nothing-to-do": "{C} has nothing to do with {e}.",
        "not-caused": "{E} is not caused by {c}.",
        "no-connection": "Research shows no connection between {c} and {e}."}

AGES = [  # event, usual, same, wrong
    ("wave", "9 months", "about nine months", "3 years"),
    ("hop", "4 years", "their fourth birthday", "10 months"),
    ("stack2", "15 months", "a year and three months", "4 years"),
    ("point", "12 months", "their first birthday", "3 years"),
]
AGE_T = {"expect-at": "Expect your child to {base} at about {n}.",
         "able-at": "Most children are able to {base} at {n}.",
         "starts-at": "{Ger} usually starts at {n}.",
         "not-until": "Children don't usually {base} until {n}."}

QUANTITIES = [
    ("Babies under a year need about {q} of sleep a day.", "14 hours", "13 to 15 hours", "6 hours"),
    ("A toddler needs {q} of milk a day.", "350 ml", "about 12 oz", "2 litres"),
    ("Offer {q} of fruit and vegetables every day.", "five portions", "5 portions", "one portion"),
    ("Keep the nursery at {q}.", "16 to 20 degrees", "around 18 degrees", "28 degrees"),
    ("Expect to change {q} nappies a day in the first weeks.", "6 to 8", "about 7", "2"),
]



GRAMMAR = Grammar(
    events=EVENTS, pairs=PAIRS, templates=TEMPLATES, non_claims=NON_CLAIMS, acts=ACTS, for_=FOR,
    against=AGAINST, things=THINGS, pos=POS, neg=NEG, causes=CAUSES, assert_=ASSERT, deny=DENY, ages=AGES,
    age_templates=AGE_T, quantities=QUANTITIES,
    advice_twists={"condition": ("If your child has a fever, don't {imp}.", FOR["should"])},
    proposition_twists={"belief": ("Many parents believe {c} causes {e}.", DENY["not-lead"]),
                        "question": ("Does {c} cause {e}?", DENY["nothing-to-do"])},
)


def heldout5_cases(seed: int = 29) -> list[Case]:
    return cases(GRAMMAR, seed)
