"""Ages with open ends (issue 13, gap 2): an earliest age ("wait until at least N before X", "do not X
before N", "can't X until they are N") against a start or an earliest case below it ("X from M",
"X as early as M") or a deadline below it ("most can X by M"), M < N.

Consistent variants stay silent: a start at or after the limit, an "as early as" against a usual age,
two limits, a bare shared word between two different acts. Sentences are written for this file, on
topics of their own (a beaker, nut butter, sunscreen, tying laces, a balance bike).
"""

from __future__ import annotations

from itertools import product

import pytest
from test_claims_facts import article, links, of_kind, run


def _case(first: str, second: str) -> list[tuple[str, int, set[int]]]:
    _, found = run(article(first, "Every child is different.", second))
    return found


#: (name, the act as an imperative, as a gerund, as a passive subject + participle)
ACTS = [
    ("beaker", "offer a beaker of water", "offering a beaker of water", "A beaker of water can be offered"),
    ("nut-butter", "give your baby smooth nut butter", "giving your baby smooth nut butter",
     "Smooth nut butter can be given"),
    ("sunscreen", "use sunscreen on your baby", "using sunscreen on your baby", "Sunscreen can be used"),
]
LIMITS = {
    "wait-before": lambda a: f"Wait until at least 12 months before {a[2]}.",
    "wait-to": lambda a: f"Wait until 12 months to {a[1]}.",
    "do-not-before": lambda a: f"Do not {a[1]} before 12 months.",
}
STARTS = {
    "as-early-as": lambda a: f"You can {a[1]} as early as 6 months.",
    "from": lambda a: f"{a[3]} from 6 months.",
    "passive-early": lambda a: f"{a[3]} as early as 6 months.",
}


@pytest.mark.parametrize(("limit", "start", "act"), list(product(sorted(LIMITS), sorted(STARTS), range(3))))
def test_a_start_below_an_earliest_age_is_el302(limit: str, start: str, act: int) -> None:
    a = ACTS[act]
    found = _case(LIMITS[limit](a), STARTS[start](a))
    assert links(found, "EL302", 3, 7) or links(found, "EL303", 3, 7), found


@pytest.mark.parametrize(("limit", "act"), list(product(sorted(LIMITS), range(3))))
def test_a_start_after_the_limit_is_consistent(limit: str, act: int) -> None:
    a = ACTS[act]
    found = _case(LIMITS[limit](a), f"{a[3]} from 14 months.")
    assert [f for f in found if f[0] in ("EL302", "EL303")] == [], found


@pytest.mark.parametrize("skill", [("tie their laces", "tie laces"),
                                   ("ride a balance bike", "ride a balance bike")])
def test_a_deadline_below_a_not_until_clause_is_el302(skill: tuple[str, str]) -> None:
    found = _case(f"Most children can {skill[0]} by 4 years.",
                  f"Children cannot {skill[1]} until they are 6 years old.")
    assert links(found, "EL302", 3, 7), found


@pytest.mark.parametrize("skill", ["tie their laces", "ride a balance bike"])
def test_a_deadline_after_the_limit_is_consistent(skill: str) -> None:
    found = _case(f"Most children can {skill} by 6 years.", f"Children do not {skill} until 4 years.")
    assert [f for f in found if f[0] == "EL302"] == [], found


def test_the_until_clause_is_an_earliest_age_only_under_negation() -> None:
    claims, _ = run(article("Children cannot tie laces until they are 6 years old.",
                            "Children tie laces happily until they are 6 years old."))
    ages = [(c["line"], c["relation"]) for c in of_kind(claims, "age") if c["prov"]["construction"]
            == "age.until-clause"]
    assert ages == [(3, "not-before")]


def test_as_early_as_is_the_earliest_case_not_the_usual_age() -> None:
    claims, found = run(article("Some toddlers ride a balance bike as early as 18 months.",
                                "Every child is different.",
                                "Most toddlers ride a balance bike at 30 months."))
    (early,) = [c for c in of_kind(claims, "age") if c["earliest"]]
    assert early["relation"] == "from" and early["prov"]["hedge"] == "minority"
    assert [f for f in found if f[0] == "EL302"] == [], found


def test_giving_and_offering_one_food_are_one_event_for_ages() -> None:
    claims, _ = run(article("Offer smooth nut butter from 6 months.", "Give smooth nut butter at 7 months."))
    keys = {c["concept"]["key"] for c in of_kind(claims, "age")}
    assert len(keys) == 1, keys


def test_a_shared_word_is_not_one_act() -> None:
    found = _case("Do not give cold water as a drink before 12 months.",
                  "Giving your baby a range of foods and water from 6 months helps.")
    assert [f for f in found if f[0] == "EL302"] == [], found
