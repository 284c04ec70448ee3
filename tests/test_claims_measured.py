"""Conditions defined by a measurement (issue 13, gap 5): "a temperature of 38.5 °C" and "a raised
temperature" name a fever (``[[measured]]`` in rules/claims/lexicons.toml: a noun, a dimension and a
threshold), so a claim about the measurement meets a claim about the condition; a measurement below the
threshold does not. Sentences are written for this file, on two topics (teeth coming through, jabs).
"""

from __future__ import annotations

import pytest
from test_claims_facts import article, links, of_kind, run

from editlint.checks.claims.lexicons import load_lexicons

CAUSES = ["Teething", "A vaccination"]


@pytest.mark.parametrize("cause", CAUSES)
@pytest.mark.parametrize("measure", ["a temperature of 38.5 °C", "a raised temperature",
                                     "a temperature of 101 °F"])
def test_a_measurement_past_the_threshold_is_the_condition(cause: str, measure: str) -> None:
    claims, found = run(article(f"{cause} does not cause a fever.", "Every child is different.",
                                f"{cause} can cause {measure}."))
    objects = {p["object"]["key"] for p in of_kind(claims, "proposition")}
    assert objects == {"fever"}, objects
    assert links(found, "EL303", 3, 7), found


@pytest.mark.parametrize("cause", CAUSES)
def test_a_measurement_below_the_threshold_is_not_the_condition(cause: str) -> None:
    _, found = run(article(f"{cause} does not cause a fever.", "Every child is different.",
                           f"{cause} can cause a temperature of 37.2 °C."))
    assert [f for f in found if f[0] == "EL303"] == [], found


def test_measured_conditions_are_data() -> None:
    (fever,) = [m for m in load_lexicons().measured if m.concept == "fever"]
    assert fever.dimension == "temperature" and fever.from_ == 38.0 and "temperature" in fever.nouns
