"""Held-out grammar 6, written 2026-11-29 17:35 by the lead after the session's claims work was done and
first measured as totals on the start-of-session snapshot; its misses then informed a second round of
kinds, so it is informed too (committed at the end of the session). New events, acts, things, causes,
ages and amounts; phrasings from everyday parenting prose."""

from __future__ import annotations

from claims_grammar import Case, Event, _cap
from claims_grammar_families import Grammar, OrderT, cases

EVENTS = {
    "roll1": Event("roll from front to back", "rolling from front to back", "rolled from front to back",
                   False),
    "roll2": Event("roll from back to front", "rolling from back to front", "rolled from back to front",
                   False),
    "spoon": Event("hold a spoon", "holding a spoon", "held a spoon", False),
    "feed": Event("feed themselves with a spoon", "feeding themselves with a spoon",
                  "fed themselves with a spoon", False),
    "undress": Event("take off their socks", "taking off their socks", "taken off their socks", False),
    "dress": Event("put on their socks", "putting on their socks", "put on their socks", False),
    "mama": Event("say mama", "saying mama", "said mama", False),
    "sentence": Event("use short sentences", "using short sentences", "used short sentences", False),
    "kick": Event("kick their legs in the bath", "kicking their legs in the bath",
                  "kicked their legs in the bath", False),
    "swim": Event("paddle with their arms", "paddling with their arms", "paddled with their arms", False),
}
PAIRS = [("roll1", "roll2"), ("spoon", "feed"), ("undress", "dress"), ("mama", "sentence"), ("kick", "swim")]

TEMPLATES: dict[str, OrderT] = {
    "typically-before": lambda a, b: f"Babies typically {a.base} before they {b.base}.",
    "long-before": lambda a, b: f"{_cap(a.ger)} comes long before {b.ger}.",
    "not-until": lambda a, b: f"Most children won't {b.base} until they can {a.base}.",
    "then": lambda a, b: f"First your child will {a.base}, and then they will {b.base}.",
    "step-toward": lambda a, b: f"{_cap(a.ger)} is a step towards {b.ger}.",
    "once-able": lambda a, b: f"Once children are able to {a.base}, they soon {b.base}.",
    "later-on": lambda a, b: f"{_cap(b.ger)} comes later on, after {a.ger}.",
    "earlier": lambda a, b: f"Children learn {a.ger} earlier than {b.ger}.",
}
NON_CLAIMS: dict[str, OrderT] = {
    "some-reverse": lambda a, b: f"Some babies {b.base} before they {a.base}.",
    "question": lambda a, b: f"Will my baby {b.base} before they {a.base}?",
    "either": lambda a, b: f"Whether your child can {a.base} or {b.base} first does not matter.",
}

ACTS = [
    ("put your baby to bed with a bottle", "putting your baby to bed with a bottle"),
    ("carry your baby in a front sling", "carrying your baby in a front sling"),
    ("give your toddler squash between meals", "giving your toddler squash between meals"),
    ("use talcum powder on your baby", "using talcum powder on your baby"),
    ("leave a night light on", "leaving a night light on"),
]
FOR = {
    "go-ahead": "Go ahead and {imp}.",
    "its-fine": "It's fine to {imp}.",
    "encourage": "We encourage parents to {imp}.",
    "good-idea": "{Ger} is a good idea.",
    "can": "You can {imp}.",
}
AGAINST = {
    "try-not": "Try not to {imp}.",
    "never": "Never {imp}.",
    "dont": "Please don't {imp}.",
    "bad-idea": "{Ger} is a bad idea.",
    "shouldnt": "You shouldn't {imp}.",
}

THINGS = [("a lazy eye", "is"), ("bow legs in a toddler", "are"), ("a squint in a young baby", "is"),
          ("cradle cap", "is"), ("night sweats", "are")]
POS = {"harmless": "{T} {v} harmless.", "common-normal": "{T} {v} common and usually normal.",
       "no-worry": "Don't worry about {t}."}
NEG = {"serious": "{T} can be a sign of a serious problem.",
       "see-doctor": "See a doctor if your child has {t}.",
       "worrying": "{T} {v} worrying."}

CAUSES = [("juice", "tooth decay"), ("sleeping on the front", "cot death"),
          ("bottle feeding", "ear infections"),
          ("cold weather", "colds"), ("fizzy drinks", "tooth decay")]
ASSERT = {"causes": "{C} causes {e}.", "increases-risk": "{C} increases the risk of {e}.",
          "result": "{E} can result from {c}."}
DENY = {"doesnt": "{C} does not cause {e}.", "myth": "It is not true that {c} causes {e}.",
        "no-evidence": "There is no evidence that {c} causes {e}."}

AGES = [("mama", "12 months", "about a year", "4 years"), ("dress", "3 years", "36 months", "9 months"),
        ("roll1", "4 months", "about 16 weeks", "2 years")]
AGE_T = {"around": "Around {n}, most children {base}.", "usually-by": "Children usually {base} by {n}.",
         "at-about": "Your child may start to {base} at about {n}."}

QUANTITIES = [
    ("Toddlers need about {q} of sleep in 24 hours.", "12 hours", "11 to 14 hours", "5 hours"),
    ("Give no more than {q} of juice a day.", "150 ml", "about 5 oz", "1 litre"),
    ("A newborn loses up to {q} of their birth weight.", "10 percent", "a tenth", "50 percent"),
    ("Keep screen time under {q} a day for under-fives.", "1 hour", "60 minutes", "5 hours"),
]



GRAMMAR = Grammar(
    events=EVENTS, pairs=PAIRS, templates=TEMPLATES, non_claims=NON_CLAIMS, acts=ACTS, for_=FOR,
    against=AGAINST, things=THINGS, pos=POS, neg=NEG, causes=CAUSES, assert_=ASSERT, deny=DENY, ages=AGES,
    age_templates=AGE_T, quantities=QUANTITIES,
    all_stance_pairs=True, all_proposition_pairs=True,
)


def heldout6_cases(seed: int = 31) -> list[Case]:
    return cases(GRAMMAR, seed)
