"""Held-out grammar 11, written 2026-11-29 ~22:05 by helper H5-GRAMMAR (session 5) without reading the
claims code; topics, events, acts, things and constructions differ from grammar 10. Sealed while the lead
worked from grammar 10: 0.152 (P 0.97) on a1b12a7, 0.186 (P 0.975) at the end of that work, the session's
honest measure of generalisation; read afterwards (informed): 0.576 (P 1.0)."""

from __future__ import annotations

from claims_grammar import Case, Event, _cap
from claims_grammar_families import Grammar, OrderT, cases

EVENTS = {
    "hands": Event("walk with one hand held", "walking with one hand held", "walked with one hand held",
                   False),
    "alone": Event("walk unaided", "walking unaided", "walked unaided", False),
    "wet": Event("tell you their nappy is wet", "telling you their nappy is wet",
                 "told you their nappy is wet", False),
    "potty": Event("use the potty", "using the potty", "used the potty", False),
    "turn": Event("turn towards sounds", "turning towards sounds", "turned towards sounds", False),
    "copy": Event("copy the sounds you make", "copying the sounds you make", "copied the sounds you make",
                  False),
    "reach": Event("reach for a toy", "reaching for a toy", "reached for a toy", False),
    "pincer": Event("pick up a raisin between finger and thumb",
                    "picking up a raisin between finger and thumb",
                    "picked up a raisin between finger and thumb", False),
    "line": Event("draw a straight line", "drawing a straight line", "drawn a straight line", False),
    "square": Event("draw a square", "drawing a square", "drawn a square", False),
}
PAIRS = [("hands", "alone"), ("wet", "potty"), ("turn", "copy"), ("reach", "pincer"), ("line", "square")]

TEMPLATES: dict[str, OrderT] = {
    "spent-weeks": lambda a, b: f"Before most children {b.base}, they will have spent weeks {a.ger}.",
    "few-before": lambda a, b: f"Few children {b.base} before they are able to {a.base}.",
    "ready-soon": lambda a, b: (f"A toddler who has learned to {a.base} is usually ready to {b.base} "
                                f"soon after."),
    "predates": lambda a, b: f"In most children, {a.ger} predates {b.ger}.",
    "still-learning": lambda a, b: (f"While they are still learning to {a.base}, children are not yet ready "
                                    f"to {b.base}."),
    "foundation": lambda a, b: f"{_cap(a.ger)} lays the foundation for {b.ger}.",
    "achieved-only-after": lambda a, b: f"{_cap(b.ger)} is normally achieved only after {a.ger}.",
    "younger-age": lambda a, b: f"Children are able to {a.base} at a younger age than they can {b.base}.",
    "next-in-line": lambda a, b: f"After {a.ger}, {b.ger} is next in line.",
}
NON_CLAIMS: dict[str, OrderT] = {
    "odd-child": lambda a, b: f"The odd child will {b.base} before they {a.base}.",
    "unheard-of": lambda a, b: f"It isn't unheard of for a child to {b.base} before they {a.base}.",
    "problem-q": lambda a, b: f"Is it a problem if my toddler wants to {b.base} before they {a.base}?",
    "insists": lambda a, b: f"My mother-in-law insists that children {b.base} before they {a.base}.",
}

ACTS = [
    ("give aspirin to children", "giving aspirin to children"),
    ("put butter on a burn", "putting butter on a burn"),
    ("give your toddler whole grapes", "giving your toddler whole grapes"),
    ("let your child sleep in the top bunk", "letting your child sleep in the top bunk"),
    ("leave your baby to cry it out", "leaving your baby to cry it out"),
]
FOR = {
    "no-reason-not": "There is no reason not to {imp}.",
    "with-confidence": "You can {imp} with confidence.",
    "sensible": "{Ger} is a sensible choice.",
    "relaxed": "Doctors are relaxed about {ger}.",
    "absolutely-fine": "It's absolutely fine to {imp}.",
}
AGAINST = {
    "off-limits": "{Ger} is strictly off limits.",
    "out-of-question": "{Ger} is out of the question.",
    "on-no-account": "On no account should you {imp}.",
    "warned-not": "Parents are warned not to {imp}.",
    "never-safe": "{Ger} is never safe.",
}
ADVICE_TWISTS = {
    "why-question": ("{Ger} is out of the question.", "Why do some parents still {imp}?"),
    "anecdote": ("{Ger} is strictly off limits.", "My own mother used to {imp}."),
}

THINGS = [("a lazy eye", "is"), ("nosebleeds in a toddler", "are"), ("head banging at bedtime", "is"),
          ("a lump in the groin", "is"), ("stammering in a three-year-old", "is")]
POS = {"ordinary": "{T} {v} nothing out of the ordinary.",
       "wait-and-see": "With {t}, it's fine to wait and see.",
       "left-alone": "{T} {v} harmless and best left alone."}
NEG = {"without-delay": "Ask a doctor about {t} without delay.",
       "checked-out": "{T} {v} something to get checked out promptly.",
       "urgent-appointment": "{T} {v} always worth an urgent appointment."}

CAUSES = [("sleeping with a night light", "short-sightedness"), ("early potty training", "constipation"),
          ("too much fruit juice", "toddler diarrhoea"), ("shaving a baby's head", "thicker hair"),
          ("overtiredness", "night terrors")]
ASSERT = {"result-of": "{E} is often the result of {c}.", "more-likely": "{C} makes {e} more likely.",
          "down-to": "{E} is usually down to {c}.", "main-cause": "{C} is the main cause of {e}."}
DENY = {"never-shown": "No study has ever shown that {c} causes {e}.",
        "not-blamed": "{E} cannot be blamed on {c}.",
        "misconception": "It's a misconception that {c} leads to {e}.",
        "unrelated": "{C} and {e} are unrelated."}
PROPOSITION_TWISTS = {
    "relatives-claim": ("{C} and {e} are unrelated.", "Older relatives often claim that {c} causes {e}."),
    "could-q": ("{E} is often the result of {c}.", "Could {c} really be behind {e}?"),
}

AGES = [("pincer", "9 months", "nine months", "3 years"),
        ("alone", "13 months", "a year and a month", "3 years"),
        ("potty", "30 months", "two and a half years", "5 years")]
AGE_T = {"dont-expect": "Don't expect your child to {base} until around {n}.",
         "roughly": "Most children manage to {base} at roughly {n}.",
         "appear": "{Ger} tends to appear at about {n}.",
         "average": "The average child can {base} at {n}."}

QUANTITIES = [
    ("A school-age child needs {q} of sleep a night.", "9 to 12 hours", "around 10 hours", "6 hours"),
    ("Brush your child's teeth {q}.", "twice a day", "two times a day", "once a week"),
    ("Children over five need about {q} of exercise per week.", "7 hours", "420 minutes", "1 hour"),
]

GRAMMAR = Grammar(
    events=EVENTS, pairs=PAIRS, templates=TEMPLATES, non_claims=NON_CLAIMS, acts=ACTS, for_=FOR,
    against=AGAINST, things=THINGS, pos=POS, neg=NEG, causes=CAUSES, assert_=ASSERT, deny=DENY, ages=AGES,
    age_templates=AGE_T, quantities=QUANTITIES, advice_twists=ADVICE_TWISTS,
    proposition_twists=PROPOSITION_TWISTS, all_stance_pairs=True, all_proposition_pairs=True,
)


def heldout11_cases(seed: int = 611) -> list[Case]:
    return cases(GRAMMAR, seed)
