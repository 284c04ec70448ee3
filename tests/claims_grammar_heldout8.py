"""Held-out grammar 8, written 2026-11-29 20:00 by the lead after round 1 of session 4 and measured on
that code: 0.596, the same as on the session's start (round 1 did not generalise to it); then informed by
round 2 and committed with ratchet floors. Fresh events, acts, things, causes, ages and amounts, phrasings
of everyday parenting prose not used in earlier grammars."""

from __future__ import annotations

from claims_grammar import Case, Event, _cap
from claims_grammar_families import Grammar, OrderT, cases

EVENTS = {
    "grasp": Event("grasp a rattle", "grasping a rattle", "grasped a rattle", False),
    "pass": Event("pass a toy from hand to hand", "passing a toy from hand to hand",
                  "passed a toy from hand to hand", False),
    "coo": Event("coo", "cooing", "cooed", False),
    "laugh": Event("laugh out loud", "laughing out loud", "laughed out loud", False),
    "zip": Event("pull up a zip", "pulling up a zip", "pulled up a zip", False),
    "button": Event("do up buttons", "doing up buttons", "done up buttons", False),
    "nod": Event("nod for yes", "nodding for yes", "nodded for yes", False),
    "answer": Event("answer simple questions", "answering simple questions", "answered simple questions",
                    False),
    "kick": Event("kick a ball", "kicking a ball", "kicked a ball", False),
    "catch": Event("catch a big ball", "catching a big ball", "caught a big ball", False),
}
PAIRS = [("grasp", "pass"), ("coo", "laugh"), ("zip", "button"), ("nod", "answer"), ("kick", "catch")]

TEMPLATES: dict[str, OrderT] = {
    "well-before": lambda a, b: f"Babies {a.base} well before they {b.base}.",
    "ahead-of": lambda a, b: f"{_cap(a.ger)} develops ahead of {b.ger}.",
    "second-skill": lambda a, b: f"{_cap(a.ger)} is the first of these skills; {b.ger} is the second.",
    "before-can": lambda a, b: f"Before they can {b.base}, children learn to {a.base}.",
    "tend-after": lambda a, b: f"{_cap(b.ger)} tends to come after {a.ger}.",
    "after-mastered": lambda a, b: f"After children have mastered {a.ger}, they move on to {b.ger}.",
    "earlier-milestone": lambda a, b: f"{_cap(a.ger)} is an earlier milestone than {b.ger}.",
    "usually-then": lambda a, b: f"Usually children {a.base} first, then {b.base}.",
}
NON_CLAIMS: dict[str, OrderT] = {
    "sometimes-first": lambda a, b: f"Sometimes a child will {b.base} first.",
    "wonder": lambda a, b: f"You may wonder whether your child should {b.base} before they {a.base}.",
    "any-order": lambda a, b: f"Children can learn to {a.base} and {b.base} in any order.",
}

ACTS = [
    ("put sun cream on your baby", "putting sun cream on your baby"),
    ("give your toddler a bedtime bottle", "giving your toddler a bedtime bottle"),
    ("use a baby walker", "using a baby walker"),
    ("clean your baby's ears with cotton buds", "cleaning your baby's ears with cotton buds"),
    ("carry your toddler on your shoulders", "carrying your toddler on your shoulders"),
]
FOR = {
    "wise": "It is wise to {imp}.",
    "go-ahead-can": "You can go ahead and {imp}.",
    "helps-to": "It helps to {imp}.",
    "encouraged": "Parents are encouraged to {imp}.",
    "try-to": "Try to {imp}.",
}
AGAINST = {
    "dont-ever": "Don't ever {imp}.",
    "not-safe": "It isn't safe to {imp}.",
    "advise-against": "Doctors advise against {ger}.",
    "never-a-good-idea": "It is never a good idea to {imp}.",
    "refrain": "Refrain from {ger}.",
}
ADVICE_TWISTS = {
    "condition": ("Never {imp} if your child has a rash.", "{Ger} is fine when your child is well."),
}

THINGS = [("a rattly chest", "is"), ("green snot", "is"), ("a swollen gum", "is"),
          ("cold hands and feet", "are"), ("a soft spot that bulges", "is")]
POS = {"no-concern": "{T} {v} no cause for concern.", "quite-normal": "{T} {v} quite normal and harmless.",
       "not-serious": "{T} {v} not serious."}
NEG = {"call-111": "Call 111 if your child has {t}.",
       "needs-attention": "{T} always needs medical attention.",
       "serious-sign": "{T} can signal a serious illness."}

CAUSES = [("dummies", "speech problems"), ("baby walkers", "late walking"), ("sugar", "tooth decay"),
          ("tight nappies", "hip problems"), ("teething", "a high temperature")]
ASSERT = {"responsible": "{C} can be responsible for {e}.", "is-linked": "{C} is linked to {e}.",
          "bring-on": "{C} can bring on {e}."}
DENY = {"no-proof": "There is no proof that {c} causes {e}.", "wont-cause": "{C} will not cause {e}.",
        "not-responsible": "{C} is not responsible for {e}.",
        "wrongly-blamed": "{C} is often wrongly blamed for {e}."}
PROPOSITION_TWISTS = {
    "question": ("Can {c} cause {e}?", "{C} does not cause {e}."),
}

AGES = [("laugh", "4 months", "16 weeks", "18 months"), ("catch", "3 years", "36 months", "9 months"),
        ("nod", "12 months", "one year", "3 months")]
AGE_T = {"most-will": "Most children will {base} by {n}.",
         "from-about": "From about {n}, children start to {base}.",
         "age-when": "{n} is the age when most children {base}."}

QUANTITIES = [
    ("Toddlers need about {q} of active play every day.", "3 hours", "180 minutes", "20 minutes"),
    ("Babies should have no more than {q} of fruit juice a day.", "150 ml", "5 fl oz", "1 litre"),
    ("A baby's first teeth usually number {q} by their first birthday.", "6 to 8", "about 7", "20"),
    ("Most babies need {q} nappy changes a day.", "8 to 10", "about 9", "2"),
]

GRAMMAR = Grammar(
    events=EVENTS, pairs=PAIRS, templates=TEMPLATES, non_claims=NON_CLAIMS, acts=ACTS, for_=FOR,
    against=AGAINST, things=THINGS, pos=POS, neg=NEG, causes=CAUSES, assert_=ASSERT, deny=DENY, ages=AGES,
    age_templates=AGE_T, quantities=QUANTITIES, advice_twists=ADVICE_TWISTS,
    proposition_twists=PROPOSITION_TWISTS, all_stance_pairs=True, all_proposition_pairs=True,
)


def heldout8_cases(seed: int = 53) -> list[Case]:
    return cases(GRAMMAR, seed)
