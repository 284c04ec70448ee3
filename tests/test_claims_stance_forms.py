"""Verdicts on a sign or symptom said in the ways writers say them: reassurance ("to be expected", "no
cause for concern", "nothing to worry about") against alarm ("needs urgent attention", "a reason to call
your doctor", "always worrying"). A grammar of forms × things on unrelated topics; restating the same
verdict must stay silent."""

from __future__ import annotations

import pytest
from claims_grammar import S1_LINE, S2_LINE, Case

from editlint import Linter

THINGS = [("Nosebleeds in a toddler", "are"), ("A squint in a newborn", "is"),
          ("Dry patches on the cheeks", "are")]
CALM = ["{t} {v} to be expected.", "{t} {v} no cause for concern.", "{t} {v} nothing to worry about.",
        "{t} {v} perfectly normal."]
ALARM = ["{t} need urgent attention.", "{t} {v} a reason to call your doctor.", "{t} {v} always worrying.",
         "{t} {v} a sign that something is wrong."]


def _fix_need(s: str, v: str) -> str:
    return s.replace(" need urgent", " needs urgent") if v == "is" else s


def cases() -> list[Case]:
    out = []
    for t, v in THINGS:
        for calm in CALM:
            for alarm in ALARM:
                out.append(Case("stance", "calm/alarm", calm.format(t=t, v=v),
                                _fix_need(alarm.format(t=t, v=v), v), True, False))
        out.append(Case("stance", "calm/calm", CALM[0].format(t=t, v=v), CALM[1].format(t=t, v=v),
                        False, False))
        out.append(Case("stance", "alarm/alarm", _fix_need(ALARM[0].format(t=t, v=v), v),
                        ALARM[1].format(t=t, v=v), False, False))
    return out


@pytest.fixture(scope="module")
def linter() -> Linter:
    return Linter({"select": ["EL3"]})


@pytest.mark.slow
def test_stance_forms(linter: Linter) -> None:
    misses, alarms = [], []
    for case in cases():
        report = linter.lint_text(case.article(), path="stance.md")
        found = [f for f in report.findings if f.rule.startswith("EL3") and f.rule != "EL304"]
        both = [f for f in found if {S1_LINE, S2_LINE} <= {f.line, *(r.line for r in f.related)}]
        if case.contradiction and not both:
            misses.append((case.s1, case.s2))
        if not case.contradiction and found:
            alarms.append((case.s1, case.s2))
    assert not alarms, alarms
    positives = sum(c.contradiction for c in cases())
    # the small model misreads "A squint in a newborn needs …" ("needs" as a plural noun): a parse, not a form
    assert 1 - len(misses) / positives >= 0.9, misses
