"""Ages and amounts read from text, converted, and compared (claims/units.py)."""

from __future__ import annotations

import pytest

from editlint.checks.claims.model import Relation
from editlint.checks.claims.units import ages, compatible, describe, number, quantities, scan, span_of


def one(text: str):  # type: ignore[no-untyped-def]
    found = scan(text)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(("text", "stated", "relation"), [
    ("Most toddlers climb stairs at 18 to 24 months.", (18, 24), Relation.AT),
    ("between 9 and 11 months", (9, 11), Relation.AT),
    ("Teeth usually appear by 12 months.", (12, 12), Relation.BY),
    ("from 6 months", (6, 6), Relation.FROM),
    ("children from 3 to 5 years", (3, 5), Relation.AT),
    ("babies under four months", (4, 4), Relation.BY),
    ("after 2 years", (2, 2), Relation.FROM),
])
def test_age_ranges_and_relations(text: str, stated: tuple[float, float], relation: Relation) -> None:
    a = one(text)
    assert a.is_age
    assert a.stated == stated
    assert a.relation is relation


def test_units_convert_to_months_and_keep_the_stated_numbers() -> None:
    weeks = one("Most babies smile at 6 weeks.")
    assert weeks.unit == "week" and weeks.stated == (6, 6)
    assert 1.0 < weeks.canonical[0] < 1.38 < weeks.canonical[1] < 1.8  # 6 weeks is 1.38 months
    years = one("at 2 years")
    assert years.canonical[0] < 24 < years.canonical[1]
    bday = one("by their second birthday")
    assert bday.relation is Relation.BY and bday.canonical[0] < 24 < bday.canonical[1]


def test_age_nouns_and_age_of() -> None:
    olds = one("Most 9-month-olds can sit.")
    assert olds.is_age and olds.stated == (9, 9)
    toddlers = one("three-year-olds love puzzles")
    assert toddlers.canonical == (36, 36 + 11.9)  # a three-year-old is 36 to 47 months
    assert one("from the age of 4").relation is Relation.FROM
    assert one("a baby aged 5 months").is_age


def test_approximate_ages_are_wider_than_exact_ones() -> None:
    about = one("around 10 months")
    exact = one("at 10 months")
    assert about.approximate and not exact.approximate
    assert about.canonical[0] < exact.canonical[0] and about.canonical[1] > exact.canonical[1]


@pytest.mark.parametrize("text", ["born 5 weeks early", "two weeks later", "for 3 weeks",
                                  "within 10 to 14 days", "it lasts 4 days"])
def test_durations_and_delays_are_not_ages(text: str) -> None:
    assert ages(text) == []


def test_quantities_with_units_rates_and_relations() -> None:
    cap = one("Keep tablet time to no more than 2 hours a day.")
    assert (cap.dimension, cap.per, cap.relation, cap.stated) == ("duration", "day", Relation.UP_TO, (2, 2))
    floor = one("Offer at least 4 times a day.")
    assert (floor.dimension, floor.per, floor.relation) == ("count", "day", Relation.FROM)
    dose = one("The usual dose is 15 mg/kg.")
    assert (dose.dimension, dose.per, dose.unit) == ("mass", "kg", "mg")
    late = one("three hours of reading a day")
    assert late.per == "day" and late.stated == (3, 3)
    assert one("half an hour a day").canonical == (0.5, 0.5)


def test_volume_and_temperature_conversion() -> None:
    oz, ml = quantities("4 oz (about 120 ml)")
    assert oz.canonical_unit == ml.canonical_unit == "ml"
    assert compatible(oz, ml)
    c, f = quantities("38 C, which is 100.4 °F")
    assert abs(c.canonical[0] - f.canonical[0]) < 0.05
    assert quantities("Vitamin C is good") == []  # a letter is not a unit


def test_compatibility_of_ranges_points_and_ceilings() -> None:
    def q(text: str):  # type: ignore[no-untyped-def]
        return one(text)

    assert compatible(q("between 6 and 8 months"), q("around 7 months"))
    assert not compatible(q("at around 12 months"), q("at around 5 months"))
    assert compatible(q("by 12 months"), q("at 9 months"))  # "by" is an upper bound
    assert not compatible(q("no more than 1 hour a day"), q("3 to 4 hours a day"))
    assert compatible(q("no more than 1 hour a day"), q("3 hours a week"))  # different periods
    assert compatible(q("100 ml"), q("2 hours a day"))  # different dimensions are not compared
    assert span_of((6, 6), Relation.FROM)[1] == float("inf")


def test_numbers_and_descriptions() -> None:
    assert number("twelve") == 12 and number("1,5") == 1.5
    assert describe(one("at 7 to 10 months")) == "7–10 months"
    assert describe(one("2 hours a day")) == "2 hours a day"


def test_a_window_from_birth_is_a_deadline_not_a_duration() -> None:
    (window,) = scan("most babies smile in the first 2 months")
    assert window.is_age and window.relation is Relation.BY and window.stated == (2.0, 2.0)
    (stay,) = scan("breastfeed for the first 6 months")
    assert not stay.is_age
