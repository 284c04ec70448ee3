"""Kinds of language the claim model reads since the sixth session, each generated over event pairs of
this file's own topics (motor skills, feeding, speech, dressing), with the consistent twin that must stay
silent: comparative ages ("X at a younger / an earlier age than Y", "Y at an older age than X"), a skill
still in progress against one not reached yet ("while still learning to X, not yet ready to Y"), and
readiness after a skill the subject has ("a child who has learned to X is ready to Y"; "ready to Y" is
read through to Y, as "able to Y" is).
"""

from __future__ import annotations

import itertools

import pytest
from test_claims_kinds10 import contradicts, order_keys

#: (earlier, later) events as a bare verb phrase; the plain order each template is checked against.
PAIRS = [
    ("sit", "crawl"),
    ("hold a spoon", "use a fork"),
    ("point at pictures", "name colours"),
    ("pull off their socks", "put on their shoes"),
]
TEMPLATES = [
    "Children {x} at a younger age than they {y}.",
    "Most children {x} at an earlier age than they {y}.",
    "Children usually {y} at an older age than they {x}.",
    "While they are still learning to {x}, children are not yet ready to {y}.",
    "A child who has learned to {x} is usually ready to {y}.",
    "Children who can {x} are ready to {y}.",
]
PLAIN = "Most children {a} before they {b}."


@pytest.mark.parametrize(("template", "pair"), list(itertools.product(TEMPLATES, PAIRS)))
def test_order_forms_against_the_plain_order(template: str, pair: tuple[str, str]) -> None:
    x, y = pair
    stated = template.format(x=x, y=y)
    assert contradicts(stated, PLAIN.format(a=y, b=x)), stated
    assert not contradicts(stated, PLAIN.format(a=x, b=y)), stated


@pytest.mark.parametrize("sentence", [
    "Babies sit at a younger age than their older siblings did.",
    "Children usually hop at an older age than their parents think.",
    "While they are learning to sit, babies are not ready to crawl.",
    "While they are still learning to sit, babies are happy.",
    "A baby who cries is ready for a nap.",
    "Babies learn to roll at a younger age than most parents expect.",
])
def test_no_order_without_two_events_in_the_construction(sentence: str) -> None:
    assert order_keys(sentence) == []


def test_a_negated_readiness_is_read_once_in_its_own_direction() -> None:
    assert order_keys("A baby who is not sitting yet is not ready to crawl.") == [("sit", "crawl")]
