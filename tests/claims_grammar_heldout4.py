"""Held-out grammar 4, written 2026-11-29 15:20 by the lead after all claims work of the session was
assigned, never used to develop anything: fresh events, acts, things, causes, remedies, ages and amounts,
and phrasings chosen from everyday parenting prose. Same Case shape as claims_grammar."""

from __future__ import annotations

from claims_grammar import Case, Event, _cap
from claims_grammar_families import Grammar, OrderT, cases

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


GRAMMAR = Grammar(
    events=EVENTS, pairs=PAIRS, templates=TEMPLATES, non_claims=NON_CLAIMS,
    acts=[(imp, ger) for imp, ger, _thing in ACTS], for_=FOR, against=AGAINST, things=THINGS, pos=POS,
    neg=NEG, causes=CAUSES, assert_=ASSERT, deny=DENY, ages=AGES, age_templates=AGE_T, quantities=QUANTITIES,
    advice_twists={"older": ("Never {imp} before the age of one.",
                             "Once your child is three, you can {imp}.")},
    proposition_twists={"myth": ("Some people say {c} causes {e}.", DENY["doesnt-cause"])},
    all_stance_pairs=True, all_proposition_pairs=True, pos_pair=("harmless", "quite-common"),
)


def heldout4_cases(seed: int = 23) -> list[Case]:
    return cases(GRAMMAR, seed)
