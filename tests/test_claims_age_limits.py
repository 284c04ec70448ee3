"""'Not until N' against a usual age: the same age said in other units agrees, a clearly earlier one does
not. Generated over events on unrelated topics and two ways of stating each side."""

from __future__ import annotations

import pytest
from claims_grammar import S1_LINE, S2_LINE, Case

from editlint import Linter

EVENTS = [("juggle three balls", 48, "4 years"), ("ride a bike without stabilisers", 60, "5 years"),
          ("wave bye-bye", 12, "1 year")]
LIMITS = ["Children do not usually {e} until {n}.", "Most children won't {e} until {n}."]
USUAL = ["Most children {e} at {n}.", "Children typically {e} at around {n}."]


def _months(m: int) -> str:
    return f"{m} months"


def cases() -> list[Case]:
    out = []
    for e, months, years in EVENTS:
        for lim in LIMITS:
            for usual in USUAL:
                limit = lim.format(e=e, n=_months(months))
                out.append(Case("age", "same", usual.format(e=e, n=years), limit, False, False))
                early = usual.format(e=e, n=_months(months // 2))
                out.append(Case("age", "earlier", early, limit, True, False))
    return out


@pytest.fixture(scope="module")
def linter() -> Linter:
    return Linter({"select": ["EL3"]})


@pytest.mark.parametrize("case", cases(), ids=lambda c: f"{c.variant}:{c.s1[:24]}")
def test_not_until_against_a_usual_age(case: Case, linter: Linter) -> None:
    report = linter.lint_text(case.article(), path="ages.md")
    found = [f for f in report.findings if f.rule == "EL302"
             and {S1_LINE, S2_LINE} <= {f.line, *(r.line for r in f.related)}]
    assert bool(found) is case.contradiction
