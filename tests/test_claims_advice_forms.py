"""Advice said in the many ways writers say it: carriers ("go ahead and X", "don't hesitate to X"),
recommendations ("we recommend Xing", "experts advise against Xing"), leave ("there is nothing wrong
with Xing", "feel free to X"), emphatic universals ("under no circumstances …"), deontic modals with a
preference clause ("you may X if you like") and exceptions on a professional's say-so.

A small grammar crosses these forms with acts on three unrelated topics; every permission/prohibition pair
must be found (EL303 covering both lines) and every consistent pair must stay silent.
"""

from __future__ import annotations

import pytest
from claims_grammar import S1_LINE, S2_LINE, Case

from editlint import Linter

ACTS = [  # imperative, gerund
    ("freeze cooked rice", "freezing cooked rice"),
    ("share a toothbrush with your toddler", "sharing a toothbrush with your toddler"),
    ("heat a bottle in the microwave", "heating a bottle in the microwave"),
]
FOR = {
    "go-ahead": "Go ahead and {imp}.",
    "try-and": "Try and {imp}.",
    "feel-free": "Feel free to {imp}.",
    "not-afraid": "Don't be afraid to {imp}.",
    "dont-hesitate": "Don't hesitate to {imp}.",
    "dont-forget": "Don't forget to {imp}.",
    "nothing-wrong": "There is nothing wrong with {ger}.",
    "no-harm": "There's no harm in {ger}.",
    "we-recommend": "We recommend {ger}.",
    "fine-for-you": "It is fine for you to {imp}.",
    "may-if-like": "You may {imp} if you like.",
}
AGAINST = {
    "please-dont": "Please don't {imp}.",
    "advise-against": "Doctors advise against {ger}.",
    "do-not-recommend": "We do not recommend {ger}.",
    "resist": "Resist the temptation to {imp}.",
    "no-circumstances": "Under no circumstances should you {imp}.",
    "any-circumstances": "Do not {imp} under any circumstances.",
    "at-no-time": "At no time should you {imp}.",
}
CONSISTENT = {
    "authority-both": ("Never {imp} unless your GP tells you to.",
                       "If a pharmacist suggests it, you can {imp}."),
    "for-for": ("Feel free to {imp}.", "We recommend {ger}."),
    "against-against": ("Please don't {imp}.", "Doctors advise against {ger}."),
    "hesitate-forget": ("Don't hesitate to {imp}.", "Don't forget to {imp}."),
    "other-act": ("Go ahead and {imp}.", "Please don't bath a newborn in the sink."),
}


def _f(t: str, imp: str, ger: str) -> str:
    return t.format(imp=imp, ger=ger)


def cases() -> list[Case]:
    out = []
    for imp, ger in ACTS:
        for p, tp in FOR.items():
            for n, tn in AGAINST.items():
                out.append(Case("advice", f"{p}/{n}", _f(tp, imp, ger), _f(tn, imp, ger), True, False))
        for name, (a, b) in CONSISTENT.items():
            out.append(Case("advice", name, _f(a, imp, ger), _f(b, imp, ger), False, False))
    return out


@pytest.fixture(scope="module")
def linter() -> Linter:
    return Linter({"select": ["EL3"]})


def _verdict(case: Case, linter: Linter) -> str:
    report = linter.lint_text(case.article(), path="advice.md")
    found = [f for f in report.findings if f.rule.startswith("EL3") and f.rule != "EL304"]
    both = [f for f in found if {S1_LINE, S2_LINE} <= {f.line, *(r.line for r in f.related)}]
    if case.contradiction:
        return "tp" if both else "fn"
    return "fp" if found else "tn"


@pytest.mark.slow
def test_advice_forms_recall_and_precision(linter: Linter) -> None:
    verdicts = [(c, _verdict(c, linter)) for c in cases()]
    fn = [(c.variant, c.s1, c.s2) for c, v in verdicts if v == "fn"]
    fp = [(c.variant, c.s1, c.s2) for c, v in verdicts if v == "fp"]
    positives = sum(1 for c, _ in verdicts if c.contradiction)
    recall = 1 - len(fn) / positives
    print(f"\nadvice forms: recall {recall:.3f} on {positives} pairs, {len(fp)} false alarms")
    assert not fp, fp[:5]
    assert recall >= 0.95, sorted({v.split("/")[0] + "|" + v.split("/")[1] for v, _, _ in fn})


@pytest.mark.parametrize("form", ["go-ahead", "dont-hesitate", "nothing-wrong", "we-recommend",
                                  "may-if-like"])
def test_each_permission_form_meets_a_prohibition(form: str, linter: Linter) -> None:
    imp, ger = ACTS[0]
    against = _f(AGAINST["no-circumstances"], imp, ger)
    case = Case("advice", form, _f(FOR[form], imp, ger), against, True, False)
    assert _verdict(case, linter) == "tp"


def test_professional_exceptions_on_both_sides_agree(linter: Linter) -> None:
    imp, ger = ACTS[1]
    a, b = CONSISTENT["authority-both"]
    case = Case("advice", "authority", _f(a, imp, ger), _f(b, imp, ger), False, False)
    assert _verdict(case, linter) == "tn"
