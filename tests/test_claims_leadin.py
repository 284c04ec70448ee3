"""Scope from a list's lead-in and steps of a plan (issue 13, gap 6).

Bullets under a lead-in that forbids ("Never:", "Avoid these:", "Things not to do:") forbid what they
name: they are not advice to do it, so they agree with a prohibition elsewhere and clash with a
recommendation. A lead-in that asks for the bullets ("If X, try these:") keeps them as advice. A verb that
gives something up ("replace X", "reduce X") is a way of doing less X: not the opposite of "skip X".
Sentences are written for this file, on topics of their own.
"""

from __future__ import annotations

import pytest
from test_claims_facts import links, of_kind, run

#: (lead-in, bullet verb phrase, the same act advised or forbidden elsewhere)
TOPICS = [
    ("leave a hot drink on a low table", "Leave a hot drink on a low table."),
    ("put a pillow in the cot", "Put a pillow in the cot for comfort."),
    ("leave a toddler alone in the bath", "You can leave a toddler alone in the bath for a minute."),
]
NEGATIVE_LEADS = ["Some habits put a baby at risk. Never:", "Avoid these:", "Things to avoid:",
                  "Do not do any of the following:"]


def _list_article(lead: str, bullet: str, other: str) -> str:
    return f"# Notes\n\n{lead}\n\n- {bullet}\n- keep the door open\n\nEvery family is different.\n\n{other}\n"


@pytest.mark.parametrize("lead", NEGATIVE_LEADS)
@pytest.mark.parametrize("topic", range(len(TOPICS)))
def test_bullets_under_a_forbidding_lead_in_are_prohibitions(lead: str, topic: int) -> None:
    act, advised = TOPICS[topic]
    claims, found = run(_list_article(lead, act, advised))
    bullet = [c for c in of_kind(claims, "advice") if c["line"] == 5]
    assert bullet and all(c["polarity"] == -1 for c in bullet), bullet
    assert links(found, "EL303", 5, 10), found  # against the same act advised in a paragraph


@pytest.mark.parametrize("topic", range(len(TOPICS)))
def test_a_forbidding_lead_in_agrees_with_a_prohibition(topic: int) -> None:
    act, _ = TOPICS[topic]
    _, found = run(_list_article("Never:", act, f"Do not {act}."))
    assert [f for f in found if f[0] == "EL303"] == [], found


@pytest.mark.parametrize("lead", ["If your toddler will not settle, try these:", "Things that help:",
                                  "You can do this in two ways:"])
def test_an_asking_lead_in_keeps_the_bullets_as_advice(lead: str) -> None:
    claims, found = run(_list_article(lead, "rock the pram gently", "Rock the pram gently."))
    bullet = [c for c in of_kind(claims, "advice") if c["line"] == 5]
    assert bullet and all(c["polarity"] == 1 for c in bullet), bullet
    assert [f for f in found if f[0] == "EL303"] == [], found


@pytest.mark.parametrize(("plan", "step"), [
    ("You will need to replace the bottle with a cup over a few weeks.", "Skip one bottle each week."),
    ("Reduce screen time slowly.", "Skip the screens at breakfast."),
    ("Try to cut naps down gradually.", "Avoid the late afternoon nap."),
])
def test_a_step_of_a_plan_is_not_its_opposite(plan: str, step: str) -> None:
    _, found = run(f"# Notes\n\n{plan}\n\nEvery family is different.\n\n{step}\n")
    assert [f for f in found if f[0] == "EL303"] == [], found


def test_avoiding_still_opposes_giving() -> None:
    _, found = run("# Notes\n\nOffer fizzy drinks with meals.\n\nEvery family is different.\n\n"
                   "Avoid fizzy drinks.\n")
    assert links(found, "EL303", 3, 7), found
