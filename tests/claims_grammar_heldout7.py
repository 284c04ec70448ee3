"""Held-out grammar 7, written 2026-11-29 19:35 by the lead before any claims work of session 4:
measured 0.641 on the session's start, then informed (its misses led the session's first round of kinds);
committed at the end of the session with ratchet floors. Fresh events, acts, things, causes, ages and
amounts; order phrasings the issue lists (paves the way, is preceded by, by the time ... already, only
after, from X to Y) and everyday advice and stance wordings."""

from __future__ import annotations

from claims_grammar import Case, Event, _cap
from claims_grammar_families import Grammar, OrderT, cases

EVENTS = {
    "scribble": Event("scribble with a crayon", "scribbling with a crayon", "scribbled with a crayon", False),
    "circle": Event("draw a circle", "drawing a circle", "drawn a circle", False),
    "stand": Event("pull themselves up to stand", "pulling themselves up to stand",
                   "pulled themselves up to stand", False),
    "cruise": Event("cruise along the furniture", "cruising along the furniture",
                    "cruised along the furniture", False),
    "jump": Event("jump with both feet", "jumping with both feet", "jumped with both feet", False),
    "hop": Event("hop on one foot", "hopping on one foot", "hopped on one foot", False),
    "up": Event("walk up the stairs", "walking up the stairs", "walked up the stairs", False),
    "down": Event("walk down the stairs", "walking down the stairs", "walked down the stairs", False),
    "trike": Event("ride a tricycle", "riding a tricycle", "ridden a tricycle", False),
    "bike": Event("ride a bike without stabilisers", "riding a bike without stabilisers",
                  "ridden a bike without stabilisers", False),
}
PAIRS = [("scribble", "circle"), ("stand", "cruise"), ("jump", "hop"), ("up", "down"), ("trike", "bike")]

TEMPLATES: dict[str, OrderT] = {
    "paves": lambda a, b: f"{_cap(a.ger)} paves the way for {b.ger}.",
    "preceded": lambda a, b: f"{_cap(b.ger)} is usually preceded by {a.ger}.",
    "by-the-time": lambda a, b: f"By the time they {b.base}, most children can already {a.base}.",
    "only-after": lambda a, b: f"Only after they can {a.base} do children {b.base}.",
    "follows": lambda a, b: f"{_cap(b.ger)} usually follows {a.ger}.",
    "master-first": lambda a, b: f"Children master {a.ger} first and {b.ger} a little later.",
    "from-to": lambda a, b: f"Most children progress from {a.ger} to {b.ger}.",
    "need-before": lambda a, b: f"Your child needs to {a.base} before they can {b.base}.",
}
NON_CLAIMS: dict[str, OrderT] = {
    "few-reverse": lambda a, b: f"A few children {b.base} before they {a.base}.",
    "parents-ask": lambda a, b: f"Parents often ask whether children {b.base} before they {a.base}.",
    "varies": lambda a, b: f"The order in which children {a.base} and {b.base} varies a lot.",
}

ACTS = [
    ("give your baby a dummy at bedtime", "giving your baby a dummy at bedtime"),
    ("put a hat on your baby indoors", "putting a hat on your baby indoors"),
    ("offer your toddler a bedtime snack", "offering your toddler a bedtime snack"),
    ("bath your baby every day", "bathing your baby every day"),
    ("warm milk in the microwave", "warming milk in the microwave"),
]
FOR = {
    "perfectly-ok": "It is perfectly OK to {imp}.",
    "no-harm": "There's no harm in {ger}.",
    "feel-free": "Feel free to {imp}.",
    "recommend": "We recommend that you {imp}.",
    "safe-to": "It is safe to {imp}.",
}
AGAINST = {
    "avoid": "Avoid {ger}.",
    "best-not": "It's best not to {imp}.",
    "must-never": "You must never {imp}.",
    "not-advised": "{Ger} is not advised.",
    "stop": "Stop {ger}.",
}
ADVICE_TWISTS = {
    "age-scoped": ("Avoid {ger} in the first six weeks.", "After six months it is fine to {imp}."),
}

THINGS = [("a flat spot on the back of the head", "is"), ("peeling skin in a newborn", "is"),
          ("hiccups", "are"), ("milk spots on the nose", "are"), ("a blocked tear duct", "is")]
POS = {"nothing-to-worry": "{T} {v} nothing to worry about.", "perfectly-normal": "{T} {v} perfectly normal.",
       "harmless": "{T} {v} completely harmless."}
NEG = {"straight-away": "Always get {t} checked by a doctor straight away.",
       "urgent": "{T} {v} a reason to seek urgent medical help.",
       "emergency": "{T} can be a medical emergency."}

CAUSES = [("teething", "diarrhoea"), ("sugary snacks", "hyperactivity"), ("the MMR vaccine", "autism"),
          ("too much screen time", "speech delay"), ("cold drinks", "tummy ache")]
ASSERT = {"leads-to": "{C} leads to {e}.", "can-trigger": "{C} can trigger {e}.",
          "common-cause": "{C} is a common cause of {e}."}
DENY = {"not-linked": "{C} has not been linked to {e}.", "doesnt-lead": "{C} does not lead to {e}.",
        "myth": "The idea that {c} causes {e} is a myth.",
        "studies": "Studies show that {c} does not cause {e}."}
PROPOSITION_TWISTS = {
    "belief": ("Some parents believe that {c} causes {e}.", "{C} does not cause {e}."),
}

AGES = [("hop", "4 years", "48 months", "18 months"), ("stand", "9 months", "40 weeks", "3 years"),
        ("circle", "3 years", "36 months", "12 months")]
AGE_T = {"most-can-by": "Most children can {base} by the age of {n}.",
         "expect": "Expect your child to {base} at around {n}.",
         "typically-begins": "{Ger} typically begins at {n}."}

QUANTITIES = [
    ("A one-year-old needs around {q} of milk a day.", "350 ml", "12 oz", "2 litres"),
    ("Babies should spend no more than {q} in a car seat at a time.", "2 hours", "120 minutes", "10 hours"),
    ("Most newborns feed {q} a day.", "8 to 12 times", "about 10 times", "3 times"),
    ("A toddler needs about {q} of iron a day.", "7 mg", "7 milligrams", "70 mg"),
    ("Bath water should be about {q}.", "37 degrees", "37°C", "60 degrees"),
]

GRAMMAR = Grammar(
    events=EVENTS, pairs=PAIRS, templates=TEMPLATES, non_claims=NON_CLAIMS, acts=ACTS, for_=FOR,
    against=AGAINST, things=THINGS, pos=POS, neg=NEG, causes=CAUSES, assert_=ASSERT, deny=DENY, ages=AGES,
    age_templates=AGE_T, quantities=QUANTITIES, advice_twists=ADVICE_TWISTS,
    proposition_twists=PROPOSITION_TWISTS, all_stance_pairs=True, all_proposition_pairs=True,
)


def heldout7_cases(seed: int = 47) -> list[Case]:
    return cases(GRAMMAR, seed)
