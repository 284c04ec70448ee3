"""Efficacy stance against advice (issue 13, gap 4): recommending a remedy ("you can use X", "X helps")
against saying it does not work ("X gives little, if any, relief", "X does not work", "there is no
evidence that X helps", "X has little effect", "X does little to ease Y").

A small grammar crosses the positive and negative constructions with remedies on several topics; the
consistent variants (a remedy called safe and ineffective, two negative verdicts, different remedies, a
minority hedge) must stay silent. Claims are compared by verdict and concept key, findings by code and
the two lines they link; every sentence is written for this file.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import product

import pytest
from test_claims_facts import article, links, of_kind, run

from editlint.checks.claims.model import Verdict


@dataclass(frozen=True)
class Remedy:
    one: str  # "a cold compress"
    many: str  # "cold compresses"
    act: str  # "apply a cold compress" (an imperative)
    ger: str  # "applying a cold compress"
    key: str  # the concept key both sides must share


REMEDIES = [
    Remedy("a cold compress", "cold compresses", "apply a cold compress", "applying a cold compress",
           "compress(cold)"),
    Remedy("a humidifier", "humidifiers", "use a humidifier", "using a humidifier", "humidifier"),
    Remedy("a barrier cream", "barrier creams", "apply a barrier cream", "applying a barrier cream",
           "cream(barrier)"),
]


def fill(template: str, r: Remedy) -> str:
    """A template with {one}, {many}, {act}, {ger} (capitalised as {One} … at a sentence start)."""
    words = {"one": r.one, "many": r.many, "act": r.act, "ger": r.ger}
    words.update({k.capitalize(): v[:1].upper() + v[1:] for k, v in list(words.items())})
    return template.format(**words)


POSITIVE = {
    "you-can": "You can {act} at bedtime.",
    "imperative": "{Act} twice a day.",
    "helps": "{One} usually helps.",
    "gives-relief": "{One} gives quick relief.",
    "gerund-helps": "{Ger} can help.",
}
NEGATIVE = {
    "if-any": "{Many} give little, if any, relief.",
    "brief-if-any": "{Many} give only brief, if any, relief.",
    "does-not-work": "{One} does not work.",
    "no-evidence": "There is no evidence that {one} helps.",
    "little-effect": "{Many} have little effect.",
}


@pytest.mark.parametrize(("pos", "neg", "remedy"),
                         list(product(sorted(POSITIVE), sorted(NEGATIVE), range(len(REMEDIES)))))
def test_recommending_a_remedy_said_not_to_work_is_el303(pos: str, neg: str, remedy: int) -> None:
    r = REMEDIES[remedy]
    _, found = run(article(fill(POSITIVE[pos], r), "Every child is different.", fill(NEGATIVE[neg], r)))
    assert links(found, "EL303", 3, 7), found


@pytest.mark.parametrize("neg", sorted(NEGATIVE))
def test_negative_efficacy_is_an_ineffective_verdict_on_the_remedy(neg: str) -> None:
    for r in REMEDIES[:2]:
        claims, _ = run(article(fill(NEGATIVE[neg], r)))
        stances = [(s["thing"]["key"], s["verdict"]) for s in of_kind(claims, "stance")]
        assert (r.key, Verdict.INEFFECTIVE.value) in stances, stances


def test_does_little_to_ease_is_ineffective() -> None:
    claims, found = run(article("Steam inhalers do little to ease a dry cough.", "Every child is different.",
                                "Use a steam inhaler at night."))
    assert [s["verdict"] for s in of_kind(claims, "stance")] == ["ineffective"]
    assert links(found, "EL303", 3, 7)


CONSISTENT = {
    # safe is not the same question as effective
    "safe-but-useless": ("{Many} are safe for babies.", "{One} does not work."),
    # two negative verdicts
    "never-and-useless": ("Never {act} on broken skin.", "{Many} give little, if any, relief."),
    # two positive verdicts
    "helps-and-relief": ("{One} usually helps.", "{One} gives quick relief."),
    # a minority hedge is an exception, not a side
    "some-babies": ("You can {act} at bedtime.", "{One} may not help some babies."),
}


@pytest.mark.parametrize(("name", "remedy"), list(product(sorted(CONSISTENT), range(len(REMEDIES)))))
def test_consistent_efficacy_statements_stay_silent(name: str, remedy: int) -> None:
    r = REMEDIES[remedy]
    first, second = CONSISTENT[name]
    _, found = run(article(fill(first, r), "Every child is different.", fill(second, r)))
    assert [f for f in found if f[0] == "EL303"] == [], found


def test_different_remedies_do_not_clash() -> None:
    a, b = REMEDIES[0], REMEDIES[1]
    _, found = run(article(fill("You can {act} at bedtime.", a), "Every child is different.",
                           fill("{Many} give little, if any, relief.", b)))
    assert [f for f in found if f[0] == "EL303"] == [], found


def test_if_any_is_not_a_condition() -> None:
    claims, _ = run(article("Cold compresses give little, if any, relief."))
    (stance,) = of_kind(claims, "stance")
    assert stance["prov"]["condition"] == ""


def test_verdict_opposition_is_by_axis() -> None:
    assert Verdict.INEFFECTIVE.opposes(Verdict.EFFECTIVE)
    assert not Verdict.INEFFECTIVE.opposes(Verdict.SAFE)
    assert not Verdict.INEFFECTIVE.opposes(Verdict.HARMFUL)
    assert Verdict.HARMFUL.opposes(Verdict.SAFE)
    assert Verdict.EFFECTIVE.opposes(Verdict.HARMFUL)
