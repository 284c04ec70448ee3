"""A condition that needs a clinician, said through the people who have it (issue 13): "children with X
should see a GP", "a baby with X should be checked by a doctor", "babies with X need to be seen by a
nurse" make X a warning sign, so "X is nothing to worry about" elsewhere is EL303; with a measured
condition ("a temperature of 38.5 °C or more") the sign is the condition itself. Sentences are written for
this file, on topics of their own.
"""

from __future__ import annotations

import pytest
from test_claims_facts import article, links, of_kind, run

REFERRALS = [
    "Toddlers with {x} should see a GP.",
    "A child with {x} should be checked by a doctor.",
    "Babies with {x} need to be seen by a nurse.",
]
CONDITIONS = [("a barking cough", "A barking cough"), ("a stiff neck", "A stiff neck"),
              ("swollen glands", "Swollen glands")]


#: the parser reads "need" as a noun that swallows the condition ("a stiff neck need(pobj) to be seen")
MISPARSED = {(2, 1)}


@pytest.mark.parametrize(("referral", "condition"), [
    pytest.param(r, c, marks=pytest.mark.xfail(strict=True, reason="'need' parsed as a noun"))
    if (r, c) in MISPARSED else (r, c)
    for r in range(len(REFERRALS)) for c in range(len(CONDITIONS))])
def test_a_referral_makes_the_condition_a_warning_sign(referral: int, condition: int) -> None:
    x, cap_x = CONDITIONS[condition]
    claims, found = run(article(REFERRALS[referral].format(x=x), "Every child is different.",
                                f"{cap_x} is usually nothing to worry about."))
    verdicts = [s["verdict"] for s in of_kind(claims, "stance")]
    assert verdicts == ["warning-sign", "normal"], verdicts
    assert links(found, "EL303", 3, 7), found


@pytest.mark.parametrize("referral", range(len(REFERRALS)))
def test_a_referral_agrees_with_a_warning(referral: int) -> None:
    _, found = run(article(REFERRALS[referral].format(x="a stiff neck"), "Every child is different.",
                           "A stiff neck can be a sign of something serious."))
    assert [f for f in found if f[0] == "EL303"] == [], found


def test_people_with_a_cold_who_see_friends_say_nothing() -> None:
    claims, _ = run(article("Children with a cold should see their friends less."))
    assert of_kind(claims, "stance") == []


def test_a_measured_referral_is_about_the_condition() -> None:
    claims, found = run(article("Infants with a temperature of 38.5 °C or more must be seen by a nurse.",
                                "Every child is different.",
                                "A mild fever is usually nothing to worry about."))
    assert [s["thing"]["key"] for s in of_kind(claims, "stance")][0] == "fever"
    assert links(found, "EL303", 3, 7), found
