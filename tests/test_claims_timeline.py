"""Month-by-month timelines (issue 13, gap 1): a heading that is an age ("## 24 months") dates the
child's milestones stated under it, a list item or paragraph led by an age label ("3 years: rides a
scooter") dates its event, and an order stated elsewhere that puts a later-dated event first disagrees
with those ages (EL302, with both dated passages as related places). Advice, questions and sentences with
an age or an order of their own are not dated by the heading. Sentences are written for this file.
"""

from __future__ import annotations

from typing import Any

from test_claims_facts import of_kind, run

HEADINGS = """# Scooter skills month by month

## 24 months

Most toddlers push a ride-on toy with their feet.

## 36 months

Most children pedal a tricycle. Keep a helmet on them.

## 48 months

Most children balance on a scooter.

## Remember

{last}
"""


def _ages(claims: list[dict[str, Any]]) -> dict[str, tuple[float, ...]]:
    return {c["concept"]["key"]: tuple(c["stated"]) for c in of_kind(claims, "age")
            if str(c["prov"]["construction"]).startswith("age.timeline")}


def test_an_age_heading_dates_the_milestones_under_it() -> None:
    claims, _ = run(HEADINGS.format(last="Every child is different."))
    ages = _ages(claims)
    assert ages["pedal(tricycle)"] == (36.0, 36.0)
    assert ages["balance(on,scooter)"] == (48.0, 48.0)
    assert not any(k.startswith("keep") for k in ages)  # advice is not a milestone


def test_an_order_against_the_timeline_is_el302() -> None:
    text = HEADINGS.format(last="Children usually balance on a scooter before they pedal a tricycle.")
    _, found = run(text)
    line = text.splitlines().index("Children usually balance on a scooter before they pedal a tricycle.") + 1
    hits = [f for f in found if f[0] == "EL302" and f[1] == line]
    assert hits and {9, 13} <= hits[0][2], found  # the 36- and 48-month sections


def test_an_order_that_agrees_with_the_timeline_is_silent() -> None:
    last = "Children usually pedal a tricycle before they balance on a scooter."
    _, found = run(HEADINGS.format(last=last))
    assert [f for f in found if f[0] in ("EL301", "EL302")] == [], found


def test_age_labels_on_list_items() -> None:
    claims, found = run("# Drawing\n\n- 18 months: scribbles with a crayon\n- 3 years: copies a circle\n\n"
                        "Most children copy a circle before they scribble with a crayon.\n")
    ages = _ages(claims)
    assert ages.get("copy(circle)") == (3.0, 3.0) and ages.get("scribble(crayon)") == (18.0, 18.0), ages
    assert any(f[0] in ("EL301", "EL302") and f[1] == 6 for f in found), found


def test_prose_ages_against_an_order() -> None:
    _, found = run("# Notes\n\nMost toddlers stack two blocks at 18 months.\n\n"
                   "Most children thread large beads at 3 years.\n\n"
                   "Children thread large beads before they stack two blocks.\n")
    assert any(f[0] == "EL302" and f[1] == 7 and {3, 5} <= f[2] for f in found), found
    _, found = run("# Notes\n\nMost toddlers stack two blocks at 18 months.\n\n"
                   "Most children thread large beads at 3 years.\n\n"
                   "Children stack two blocks before they thread large beads.\n")
    assert [f for f in found if f[0] == "EL302"] == [], found
