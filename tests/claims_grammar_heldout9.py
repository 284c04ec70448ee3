"""Held-out grammar 9, written 2026-11-29 21:25 (session 4) by the lead after all claims work of that session,
only to measure it: 0.617 at the start of session 4, 0.731 at its end (informed at the very end by its false
alarms), 0.844 at the end of session 5 (not tuned for in session 5). Committed with ratchet floors."""

from __future__ import annotations

from claims_grammar import Case, Event, _cap
from claims_grammar_families import Grammar, OrderT, cases

EVENTS = {
    "babble": Event("babble", "babbling", "babbled", False),
    "words": Event("say their first words", "saying their first words", "said their first words", False),
    "sit": Event("sit without help", "sitting without help", "sat without help", False),
    "stand": Event("stand alone", "standing alone", "stood alone", False),
    "spoon": Event("use a spoon", "using a spoon", "used a spoon", False),
    "fork": Event("use a fork", "using a fork", "used a fork", False),
    "roll": Event("roll a ball", "rolling a ball", "rolled a ball", False),
    "throw": Event("throw a ball overarm", "throwing a ball overarm", "thrown a ball overarm", False),
    "scoot": Event("bottom shuffle", "bottom shuffling", "bottom shuffled", False),
    "climb": Event("climb onto the sofa", "climbing onto the sofa", "climbed onto the sofa", False),
}
PAIRS = [("babble", "words"), ("sit", "stand"), ("spoon", "fork"), ("roll", "throw"), ("scoot", "climb")]

TEMPLATES: dict[str, OrderT] = {
    "comes-first": lambda a, b: f"{_cap(a.ger)} comes first; {b.ger} comes later.",
    "not-yet": lambda a, b: f"Children who cannot {a.base} yet will not {b.base}.",
    "leads-on": lambda a, b: f"{_cap(a.ger)} leads on to {b.ger}.",
    "before-most": lambda a, b: f"Most children {a.base} before they {b.base}.",
    "once-then": lambda a, b: f"Once your child can {a.base}, {b.ger} usually follows.",
    "prerequisite": lambda a, b: f"{_cap(a.ger)} is a prerequisite for {b.ger}.",
    "later-than": lambda a, b: f"Children {b.base} later than they {a.base}.",
    "sequence": lambda a, b: f"The usual sequence is {a.ger}, then {b.ger}.",
}
NON_CLAIMS: dict[str, OrderT] = {
    "my-son": lambda a, b: f"My son started {b.ger} before {a.ger}.",
    "might": lambda a, b: f"Your child might {b.base} before they {a.base}.",
    "ask": lambda a, b: f"Should my baby {b.base} before they {a.base}?",
}

ACTS = [
    ("give your baby a bottle in bed", "giving your baby a bottle in bed"),
    ("use a sleep positioner", "using a sleep positioner"),
    ("add rice cereal to the bottle", "adding rice cereal to the bottle"),
    ("let your toddler walk barefoot", "letting your toddler walk barefoot"),
    ("swaddle your baby for naps", "swaddling your baby for naps"),
]
FOR = {
    "should": "You should {imp}.",
    "ok-to": "It's OK to {imp}.",
    "recommended": "{Ger} is recommended.",
    "good-to": "It is good to {imp}.",
    "do": "Do {imp}.",
}
AGAINST = {
    "never": "Never {imp}.",
    "not-recommended": "{Ger} is not recommended.",
    "shouldnt": "You should not {imp}.",
    "unsafe": "{Ger} is unsafe.",
    "no-longer": "Experts no longer advise {ger}.",
}

THINGS = [("a blue tinge around the lips", "is"), ("yellow skin in a newborn", "is"),
          ("a crusty scalp", "is"), ("white spots on the gums", "are"), ("a sunken soft spot", "is")]
POS = {"nothing-to-worry": "{T} {v} nothing to worry about.", "fine": "{T} {v} fine.",
       "no-need-doctor": "There is no need to see a doctor about {t}."}
NEG = {"call-doctor": "Call your doctor straight away about {t}.",
       "sign-of": "{T} {v} a sign of a serious problem.",
       "urgent": "{T} needs urgent medical attention."}

CAUSES = [("vaccines", "autism"), ("teething", "nappy rash"), ("bananas", "constipation"),
          ("fruit juice", "diarrhoea"), ("cold air", "ear infections")]
ASSERT = {"causes": "{C} causes {e}.", "can-lead": "{C} can lead to {e}.",
          "is-cause": "{C} is a cause of {e}."}
DENY = {"no-evidence": "There is no evidence that {c} causes {e}.",
        "does-not": "{C} does not cause {e}.",
        "myth": "It is a myth that {c} causes {e}."}

AGES = [("words", "12 months", "one year", "4 months"), ("stand", "12 months", "52 weeks", "4 months"),
        ("throw", "2 years", "24 months", "6 months")]
AGE_T = {"at-around": "Most children {base} at around {n}.",
         "by": "Your child should {base} by {n}.",
         "typical": "The typical age to {base} is {n}."}

QUANTITIES = [
    ("Newborns sleep about {q} a day.", "16 hours", "16 hours", "6 hours"),
    ("Give a 6-month-old about {q} of water a day.", "100 ml", "3.5 oz", "1 litre"),
    ("Toddlers need around {q} of milk a day.", "300 ml", "10 oz", "2 litres"),
]

GRAMMAR = Grammar(
    events=EVENTS, pairs=PAIRS, templates=TEMPLATES, non_claims=NON_CLAIMS, acts=ACTS, for_=FOR,
    against=AGAINST, things=THINGS, pos=POS, neg=NEG, causes=CAUSES, assert_=ASSERT, deny=DENY, ages=AGES,
    age_templates=AGE_T, quantities=QUANTITIES, all_stance_pairs=True, all_proposition_pairs=True,
)


def heldout9_cases(seed: int = 59) -> list[Case]:
    return cases(GRAMMAR, seed)
