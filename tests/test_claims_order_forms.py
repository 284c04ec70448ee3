"""Order constructions and concepts (issue 13, gap 1): phrasal verbs whose particle carries an object
("climb down a slide" is not "climb"), "X prior to / ahead of Y", ordinals ("the first skill is X, the
second is Y", also across sentences), "X happens / occurs before Y", comparatives ("earlier / sooner /
later than"), fronted clauses and passives. Each form is crossed with event pairs on topics of their own
against the reverse order (must be EL301) and the same order (must stay silent).
"""

from __future__ import annotations

from itertools import product

import pytest
from test_claims_facts import links, of_kind, run

#: (base form, gerund) of two events, the first usually earlier
PAIRS = [
    (("climb up a ladder", "climbing up a ladder"), ("climb down a ladder", "climbing down a ladder")),
    (("stack two cups", "stacking two cups"),
     ("build a tower of eight cups", "building a tower of eight cups")),
    (("pull off a sock", "pulling off a sock"), ("pull on a sock", "pulling on a sock")),
]


def _cap(s: str) -> str:
    return s[:1].upper() + s[1:]


FORMS = {
    "happens-before": "{A} happens before {b}.",
    "occurs-before": "{A} usually occurs before {b}.",
    "earlier-than": "{A} comes earlier than {b}.",
    "later-than": "{B} develops later than {a}.",
    "fronted-before": "Before they {bb}, children {ab}.",
    "fronted-after": "After they {ab}, children {bb}.",
    "followed-by": "{A} is followed by {b}.",
    "prior-to": "Children {ab} prior to {b}.",
    "ahead-of": "{A} comes well ahead of {b}.",
    "ordinal": "The first skill is {a}, and the second is {b}.",
    "ordinal-sentences": "The first of these skills is {a}. The second is {b}.",
}


def _fill(form: str, pair: int) -> str:
    (ab, a), (bb, b) = PAIRS[pair]
    return form.format(a=a, b=b, A=_cap(a), B=_cap(b), ab=ab, bb=bb)


def _article(first: str, second: str) -> str:
    return f"# Notes\n\n{first}\n\nEvery child grows at a different pace.\n\n{second}\n"


@pytest.mark.parametrize(("form", "pair"), list(product(sorted(FORMS), range(len(PAIRS)))))
def test_the_reverse_order_is_el301(form: str, pair: int) -> None:
    (ab, _), (bb, _) = PAIRS[pair]
    _, found = run(_article(_fill(FORMS[form], pair), f"Most children {bb} before they {ab}."))
    assert links(found, "EL301", 3, 7), found


@pytest.mark.parametrize(("form", "pair"), list(product(sorted(FORMS), range(len(PAIRS)))))
def test_the_same_order_is_silent(form: str, pair: int) -> None:
    (ab, _), (bb, _) = PAIRS[pair]
    _, found = run(_article(_fill(FORMS[form], pair), f"Most children {ab} before they {bb}."))
    assert [f for f in found if f[0] in ("EL301", "EL302", "EL303")] == [], found


def test_a_particle_keeps_its_object() -> None:
    claims, _ = run("# Notes\n\nClimbing up a ladder usually occurs before climbing down a ladder.\n")
    (o,) = of_kind(claims, "order")
    assert o["earlier"]["key"] != o["later"]["key"]
    assert {"ladder"} <= set(o["later"]["modifiers"]) and {"ladder"} <= set(o["earlier"]["modifiers"])


@pytest.mark.parametrize("sentence", ["Blowing bubbles usually comes before whistling a tune.",
                                      "Whistling a tune is usually preceded by blowing bubbles."])
def test_a_gerund_read_as_an_adjective_is_still_the_event(sentence: str) -> None:
    """The parser reads "Blowing(amod) bubbles" as a kind of bubbles; in an order slot it is an event."""
    claims, found = run(_article(sentence, "Most children whistle a tune before they blow bubbles."))
    keys = {(o["earlier"]["key"], o["later"]["key"]) for o in of_kind(claims, "order")}
    assert ("blow(bubble)", "whistle(tune)") in keys, keys
    assert links(found, "EL301", 3, 7), found


def test_order_words_are_not_part_of_the_event() -> None:
    claims, _ = run("# Notes\n\nChildren stack two cups prior to building a tower of eight cups.\n")
    (o,) = of_kind(claims, "order")
    assert "prior" not in o["earlier"]["modifiers"]


def test_a_lone_second_without_an_event_before_it_is_not_an_order() -> None:
    claims, _ = run("# Notes\n\nThe second reason is cost.\n")
    assert of_kind(claims, "order") == []
