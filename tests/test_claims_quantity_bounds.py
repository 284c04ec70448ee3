"""Amounts with open ends (issue 13, gap 3): "N or more / or longer" is a floor and "N or less / at
most" a ceiling, also when the rate follows them ("40 minutes or longer per side", "300 ml or more of
formula per feed"); "per side / per breast" is a rate like "per feed"; "X takes / lasts N minutes"
measures X. A floor above a stated range disagrees with it; a floor inside the range does not.
Sentences are written for this file, on topics of their own.
"""

from __future__ import annotations

import pytest
from test_claims_facts import article, links, of_kind, run

from editlint.checks.claims.model import Relation
from editlint.checks.claims.units import scan


@pytest.mark.parametrize(("text", "relation", "per"), [
    ("Rock the pram for 20 minutes or longer a night.", Relation.FROM, "night"),
    ("Offer 300 ml or more of water per day.", Relation.FROM, "day"),
    ("Give 2 cups or less a day.", Relation.UP_TO, "day"),
    ("Allow 1 hour, at most, per day.", Relation.UP_TO, "day"),
    ("Express for 10 minutes per breast.", Relation.AT, "side"),
    ("Massage each foot for 5 minutes or more per side.", Relation.FROM, "side"),
])
def test_relation_and_rate_after_the_amount(text: str, relation: Relation, per: str) -> None:
    (a,) = [x for x in scan(text) if not x.is_age]
    assert (a.relation, a.per) == (relation, per)


def test_an_age_keeps_its_own_relation() -> None:
    (a,) = scan("Most babies roll at 5 months or so.")
    assert a.is_age and a.relation is Relation.AT


#: (a stated range, a floor above it, a floor inside it) on several topics
TOPICS = [
    ("Express milk for 10 to 15 minutes per side.", "Expressing takes 40 minutes or longer per side.",
     "Expressing takes 12 minutes or longer per side."),
    ("A bath should last 5 to 10 minutes.", "A bath usually lasts 25 minutes or more.",
     "A bath usually lasts 6 minutes or more."),
    ("Offer 100 to 150 ml of formula per feed.", "Offer 300 ml or more of formula per feed.",
     "Offer 120 ml or more of formula per feed."),
    ("A toddler should nap for 1 to 2 hours a day.", "A toddler should nap for 4 hours or more a day.",
     "A toddler should nap for 1 hour or more a day."),
]


@pytest.mark.parametrize("topic", range(len(TOPICS)))
def test_a_floor_above_a_range_is_el305(topic: int) -> None:
    stated, above, _ = TOPICS[topic]
    claims, found = run(article(stated, "Every child is different.", above))
    assert links(found, "EL305", 3, 7), (found, [(q["subject"]["key"], q["per"])
                                                 for q in of_kind(claims, "quantity")])


@pytest.mark.parametrize("topic", range(len(TOPICS)))
def test_a_floor_inside_a_range_is_consistent(topic: int) -> None:
    stated, _, inside = TOPICS[topic]
    _, found = run(article(stated, "Every child is different.", inside))
    assert [f for f in found if f[0] == "EL305"] == [], found


def test_different_rates_do_not_clash() -> None:
    _, found = run(article("Express milk for 10 to 15 minutes per side.", "Every child is different.",
                           "Expressing takes 40 minutes or longer a day."))
    assert [f for f in found if f[0] == "EL305"] == [], found


def test_a_duration_verb_measures_its_subject() -> None:
    claims, _ = run(article("A nappy change takes 5 minutes."))
    (q,) = of_kind(claims, "quantity")
    assert q["subject"]["head"] == "change"
