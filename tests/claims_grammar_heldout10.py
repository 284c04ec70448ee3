"""Held-out grammar 10, written 2026-11-29 ~22:10 by helper H5-GRAMMAR (session 5) without reading the claims
code: new constructions and new topics, to measure whether EL3 claims generalise before anyone tunes for it.
0.076 recall (P 0.85) on a1b12a7; the lead then worked from it (informed): 0.720 (P 1.0) at the end of
session 5."""

from __future__ import annotations

from claims_grammar import Case, Event, _cap
from claims_grammar_families import Grammar, OrderT, cases

EVENTS = {
    "head": Event("hold their head up", "holding their head up", "held their head up", False),
    "roll": Event("roll over", "rolling over", "rolled over", False),
    "smile": Event("smile back at you", "smiling back at you", "smiled back at you", False),
    "giggle": Event("giggle when tickled", "giggling when tickled", "giggled when tickled", False),
    "one": Event("follow a one-step instruction", "following a one-step instruction",
                 "followed a one-step instruction", False),
    "two": Event("follow a two-step instruction", "following a two-step instruction",
                 "followed a two-step instruction", False),
    "undress": Event("take off their coat", "taking off their coat", "taken off their coat", False),
    "dress": Event("put on their coat", "putting on their coat", "put on their coat", False),
    "hear": Event("respond to their name", "responding to their name", "responded to their name", False),
    "say": Event("say their own name", "saying their own name", "said their own name", False),
}
PAIRS = [("head", "roll"), ("smile", "giggle"), ("one", "two"), ("undress", "dress"), ("hear", "say")]

TEMPLATES: dict[str, OrderT] = {
    "cleft-last": lambda a, b: f"Of {a.ger} and {b.ger}, it is {b.ger} that usually comes last.",
    "fronted-ger": lambda a, b: f"Well before {b.ger}, most little ones will {a.base}.",
    "passive-ahead": lambda a, b: f"{_cap(a.ger)} is typically mastered months ahead of {b.ger}.",
    "only-after-cleft": lambda a, b: f"It's only after {a.ger} is well established that {b.ger} begins.",
    "timeline": lambda a, b: (f"Think of {a.ger} as an early milestone, with {b.ger} arriving some "
                              f"months later."),
    "without-first": lambda a, b: f"It is rare for a child to {b.base} without first being able to {a.base}.",
    "opens-door": lambda a, b: f"{_cap(a.ger)} opens the door to {b.ger}.",
    "relative-go-on": lambda a, b: (f"Children who can {a.base} usually go on to {b.base} "
                                    f"within a few months."),
    "comes-ahead": lambda a, b: f"{_cap(a.ger)} typically comes ahead of {b.ger}.",
}
NON_CLAIMS: dict[str, OrderT] = {
    "possible": lambda a, b: f"It's possible that your child will {b.base} before {a.ger}.",
    "what-if": lambda a, b: f"What if my toddler can {b.base} but cannot {a.base} yet?",
    "twins": lambda a, b: f"Our twins were {b.ger} weeks before they were {a.ger}.",
    "should-cond": lambda a, b: (f"Should your child {b.base} before they {a.base}, there is no need "
                                 f"to worry."),
}

ACTS = [
    ("give ibuprofen to a child with chickenpox", "giving ibuprofen to a child with chickenpox"),
    ("reuse a car seat after a crash", "reusing a car seat after a crash"),
    ("sweeten your baby's porridge with honey", "sweetening your baby's porridge with honey"),
    ("let your baby nap outside in the pram", "letting your baby nap outside in the pram"),
    ("sponge a feverish child with cold water", "sponging a feverish child with cold water"),
]
FOR = {
    "perfectly-safe": "{Ger} is perfectly safe.",
    "by-all-means": "By all means, {imp}.",
    "welcome-to": "You are welcome to {imp}.",
    "does-no-harm": "It does no harm to {imp}.",
    "happy-for": "Health visitors are happy for you to {imp}.",
}
AGAINST = {
    "no-no": "{Ger} is a no-no.",
    "steer-clear": "Steer clear of {ger}.",
    "wed-advise": "We'd advise against {ger}.",
    "whatever-you-do": "Whatever you do, don't {imp}.",
    "puts-at-risk": "{Ger} puts your child at risk.",
}
ADVICE_TWISTS = {
    "gp-only": ("Steer clear of {ger}.", "Only {imp} if a professional has told you it is safe."),
    "question": ("{Ger} is a no-no.", "Is it ever OK to {imp}?"),
    "grandparents": ("We'd advise against {ger}.", "Some grandparents still {imp}."),
}

THINGS = [("breath-holding spells", "are"), ("a clicking hip", "is"), ("toe walking in a two-year-old", "is"),
          ("a bluish patch on the lower back", "is"), ("swollen glands in the neck", "are")]
POS = {"nothing-for-doctor": "{T} {v} nothing you need to bother a doctor with.",
       "part-of-growing": "{T} {v} a normal part of growing up.",
       "safely-ignored": "{T} can safely be ignored.",
       "no-need-look": "There's no need to have {t} looked at."}
NEG = {"checked": "{T} should always be checked by a doctor.",
       "take-seriously": "Always take {t} seriously.",
       "never-ignore": "{T} {v} never something to ignore."}

CAUSES = [("reading in dim light", "short sight"), ("a draughty bedroom", "earache"),
          ("a lack of iron", "tiredness"), ("sitting too close to the TV", "eye damage"),
          ("chocolate", "acne")]
ASSERT = {"to-blame": "{C} is to blame for {e}.", "brought-on-by": "{E} can be brought on by {c}.",
          "behind": "{C} is behind a lot of {e}.", "gives": "{C} gives children {e}."}
DENY = {"contrary": "Contrary to popular belief, {c} does not cause {e}.",
        "no-part": "{C} plays no part in {e}.",
        "wives-tale": "The link between {c} and {e} is an old wives' tale.",
        "not-from": "{E} does not come from {c}."}
PROPOSITION_TWISTS = {
    "still-think": ("{C} plays no part in {e}.", "Many people still think {c} causes {e}."),
    "wonder": ("{C} plays no part in {e}.", "Some parents wonder whether {c} leads to {e}."),
}

AGES = [("head", "at around 3 months", "at about 12 weeks", "at around 10 months"),
        ("one", "in the second year", "between 12 and 24 months", "at around 3 months"),
        ("roll", "between 4 and 6 months", "at around 5 months", "at 18 months")]
AGE_T = {"most": "Most babies {base} {n}.",
         "manage": "Children usually manage to {base} {n}.",
         "pick-up": "{Ger} is something most children pick up {n}.",
         "first-time": "You'll usually see your child {base} for the first time {n}."}

QUANTITIES = [
    ("Offer your child oily fish {q} a week.", "twice", "two times", "seven times"),
    ("Give the antibiotic syrup {q}.", "three times a day", "every eight hours", "once a week"),
    ("In the first week, a formula-fed newborn takes about {q} per feed.", "60 ml", "2 oz", "250 ml"),
]

GRAMMAR = Grammar(
    events=EVENTS, pairs=PAIRS, templates=TEMPLATES, non_claims=NON_CLAIMS, acts=ACTS, for_=FOR,
    against=AGAINST, things=THINGS, pos=POS, neg=NEG, causes=CAUSES, assert_=ASSERT, deny=DENY, ages=AGES,
    age_templates=AGE_T, quantities=QUANTITIES, advice_twists=ADVICE_TWISTS,
    proposition_twists=PROPOSITION_TWISTS, all_stance_pairs=True, all_proposition_pairs=True,
)


def heldout10_cases(seed: int = 510) -> list[Case]:
    return cases(GRAMMAR, seed)
