"""Order said with a negative frequency adverb ("rarely / seldom Y until X": most children do not Y before
X) or a comparative noun phrase ("X is an earlier skill than Y", "Y is a later milestone than X"). Each
form is crossed with the reverse order in a plain form on event pairs of unrelated topics; the same order
restated must stay silent."""

from __future__ import annotations

import pytest
from claims_grammar import S1_LINE, S2_LINE, Case

from editlint import Linter

PAIRS = [("hum", "humming", "whistle", "whistling"),
         ("stir a pot", "stirring a pot", "crack an egg", "cracking an egg"),
         ("zip a coat", "zipping a coat", "tie a bow", "tying a bow")]
FORMS = {
    "rarely-until": "Children rarely {b} until they can {a}.",
    "seldom-until": "Toddlers seldom {b} until they {a}.",
    "earlier-skill": "{A_} is an earlier skill than {bg}.",
    "later-milestone": "{B_} is a later milestone than {ag}.",
}
REVERSE = "Most children {b} before they {a}."  # filled with the pair swapped
SAME = "Most children {a} before they {b}."


def _fill(t: str, a: str, ag: str, b: str, bg: str) -> str:
    return t.format(a=a, ag=ag, b=b, bg=bg, A_=ag[0].upper() + ag[1:], B_=bg[0].upper() + bg[1:])


def cases() -> list[Case]:
    out = []
    for a, ag, b, bg in PAIRS:
        for name, form in FORMS.items():
            s1 = _fill(form, a, ag, b, bg)
            out.append(Case("order", f"{name}/reverse", s1, _fill(REVERSE, a, ag, b, bg), True, False))
            out.append(Case("order", f"{name}/same", s1, _fill(SAME, a, ag, b, bg), False, False))
    return out


@pytest.fixture(scope="module")
def linter() -> Linter:
    return Linter({"select": ["EL3"]})


@pytest.mark.parametrize("case", cases(), ids=lambda c: f"{c.variant}:{c.s1[:20]}")
def test_order_comparatives(case: Case, linter: Linter) -> None:
    report = linter.lint_text(case.article(), path="order.md")
    found = [f for f in report.findings if f.rule.startswith("EL3") and f.rule != "EL304"]
    both = [f for f in found if {S1_LINE, S2_LINE} <= {f.line, *(r.line for r in f.related)}]
    assert bool(both if case.contradiction else found) is case.contradiction
