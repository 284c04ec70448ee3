"""The construction matrix: precision and recall of the contradiction rules over generated articles.

`claims_grammar` crosses constructions × concepts (known and unknown to the packs) × voice × negation ×
hedges × scopes. A contradicting case is found when one EL3 finding (other than EL304, which compares
with the reference, not within the article) covers both claim lines, itself or through `related`; any
such finding on a consistent case is a false alarm. The table is printed (`pytest -s`); the floors below
are ratchets: raise them as the claim model improves, never lower them to make a change pass.
`claims_grammar_heldout` is a second grammar written after the constructions were (its first
measurement: recall 0.714, then 0.810 after the lexicons were widened without looking at it); now that it
is in the repo it is no longer held out: write a fresh one before trusting a new figure.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

import pytest
from claims_grammar import S1_LINE, S2_LINE, Case, all_cases
from claims_grammar_heldout import heldout_cases
from claims_grammar_heldout2 import heldout2_cases
from claims_grammar_heldout3 import advice3_cases
from claims_grammar_heldout4 import heldout4_cases
from claims_grammar_heldout5 import heldout5_cases
from claims_grammar_heldout6 import heldout6_cases
from claims_grammar_heldout7 import heldout7_cases
from claims_grammar_heldout8 import heldout8_cases
from claims_grammar_heldout9 import heldout9_cases
from claims_grammar_heldout10 import heldout10_cases
from claims_grammar_heldout11 import heldout11_cases
from claims_grammar_heldout12 import heldout12_cases

from editlint import FileReport, Linter

pytestmark = pytest.mark.slow

#: family -> (minimum recall on contradicting cases, maximum false alarms on consistent cases)
FLOORS: dict[str, tuple[float, int]] = {
    "order": (0.95, 0),
    "advice": (0.875, 0),
    "stance": (0.95, 0),
    "proposition": (0.80, 0),
    "age": (0.85, 0),
    "quantity": (0.80, 0),
}
#: The held-out grammar (written after the constructions, never used to write them): its own floors.
HELDOUT_FLOORS: dict[str, tuple[float, int]] = {
    "order": (0.70, 0),
    "advice": (0.80, 0),
    "stance": (0.95, 0),
    "proposition": (0.75, 0),
    "age": (0.70, 0),
    "quantity": (0.95, 0),
}


#: Grammars 2-4 were written during the second session outside the repo (2 before any claims work, 3 before
#: the advice work, 4 at its end) and are committed at its end, so they are no longer held out either. Their
#: figures (first -> end of session): 2: 0.518 -> 0.699 recall; 3: 0.262 -> 1.000; 4: 0.601 -> 0.685.
#: The floors are ratchets just under the end-of-session figures; the false-alarm ceilings are today's.
LATER_GRAMMARS: dict[str, tuple[Callable[[], list[Case]], dict[str, tuple[float, int]]]] = {
    "held-out grammar 2": (heldout2_cases, {"advice": (0.95, 0), "age": (0.85, 1), "efficacy": (0.50, 0),
                                            "order": (0.55, 0), "proposition": (0.85, 1),
                                            "quantity": (0.75, 1), "stance": (0.80, 0)}),
    "held-out grammar 3 (advice)": (advice3_cases, {"advice": (0.95, 0)}),
    "held-out grammar 4": (heldout4_cases, {"advice": (0.70, 0), "age": (0.40, 0), "order": (0.45, 0),
                                            "proposition": (0.85, 0), "quantity": (0.70, 0),
                                            "stance": (0.60, 0)}),
    "held-out grammar 5": (heldout5_cases, {"advice": (0.85, 0), "age": (0.95, 0), "order": (0.85, 0),
                                            "proposition": (0.75, 0), "quantity": (0.95, 0),
                                            "stance": (0.85, 0)}),
    "held-out grammar 6": (heldout6_cases, {"advice": (0.80, 0), "age": (0.50, 0), "order": (0.70, 0),
                                            "proposition": (0.80, 0), "quantity": (0.70, 0),
                                            "stance": (0.65, 0)}),
    "held-out grammar 7": (heldout7_cases, {"advice": (0.95, 0), "age": (0.75, 0), "order": (0.85, 0),
                                            "proposition": (0.80, 0), "quantity": (0.95, 0),
                                            "stance": (0.90, 0)}),
    "held-out grammar 8": (heldout8_cases, {"advice": (0.95, 0), "age": (0.75, 0), "order": (0.75, 0),
                                            "proposition": (0.95, 0), "quantity": (0.70, 0),
                                            "stance": (0.90, 0)}),
    "held-out grammar 9": (heldout9_cases, {"advice": (0.60, 0), "age": (0.75, 0), "order": (0.80, 0),
                                            "proposition": (0.85, 0), "quantity": (0.95, 0),
                                            "stance": (0.90, 0)}),
    "held-out grammar 10": (heldout10_cases, {"advice": (0.90, 0), "age": (0.40, 0), "order": (0.30, 0),
                                              "proposition": (0.75, 0), "quantity": (0.30, 0),
                                              "stance": (0.90, 0)}),
    "held-out grammar 11": (heldout11_cases, {"advice": (0.45, 0), "age": (0.95, 0), "order": (0.13, 0),
                                              "proposition": (0.70, 0), "quantity": (0.95, 0),
                                              "stance": (0.60, 0)}),
    "held-out grammar 12": (heldout12_cases, {"advice": (0.70, 0), "age": (0.50, 0), "order": (0.30, 0),
                                              "proposition": (0.65, 0), "quantity": (0.60, 0),
                                              "stance": (0.85, 0)}),
}


def _lines(f: object) -> set[int]:
    out = set(range(f.line, f.end_line + 1))  # type: ignore[attr-defined]
    for r in f.related:  # type: ignore[attr-defined]
        out.update(range(r.line, r.end_line + 1))
    return out


def _internal(report: FileReport) -> list[object]:
    return [f for f in report.findings if f.rule.startswith("EL3") and f.rule != "EL304"]


def judge(case: Case, report: FileReport) -> str:
    """tp / fn for contradicting cases, tn / fp for consistent ones."""
    found = [f for f in _internal(report) if {S1_LINE, S2_LINE} <= _lines(f)]
    if case.contradiction:
        return "tp" if found else "fn"
    return "fp" if _internal(report) else "tn"


def _judge_all(cases: list[Case]) -> list[tuple[Case, str]]:
    linter = Linter({"select": ["EL3"]})
    out = []
    for case in cases:
        report = linter.lint_text(case.article(), path="matrix.md")
        assert report.error is None, report.error
        out.append((case, judge(case, report)))
    return out


@pytest.fixture(scope="module")
def results() -> list[tuple[Case, str]]:
    return _judge_all(all_cases())


def table(results: list[tuple[Case, str]]) -> dict[str, Counter[str]]:
    by: dict[str, Counter[str]] = {}
    for case, verdict in results:
        by.setdefault(case.family, Counter())[verdict] += 1
        if case.family == "order":
            by.setdefault("order-" + ("known" if case.known else "unknown"), Counter())[verdict] += 1
    total: Counter[str] = Counter()
    for fam in FLOORS:
        total.update(by.get(fam, Counter()))
    by["all"] = total
    return by


def _row(name: str, c: Counter[str]) -> str:
    rec = c["tp"] / max(1, c["tp"] + c["fn"])
    prec = c["tp"] / max(1, c["tp"] + c["fp"])
    return (f"{name:14} tp={c['tp']:4} fn={c['fn']:4} fp={c['fp']:4} tn={c['tn']:4} "
            f"recall={rec:.3f} precision={prec:.3f}")


def _check_floors(name: str, results: list[tuple[Case, str]], floors: dict[str, tuple[float, int]]) -> None:
    by = table(results)
    print(f"\n{name} (EL3, internal contradictions):")
    for row in sorted(by):
        print(_row(row, by[row]))
    misses = Counter(case.variant.split("/")[0] for case, v in results if v == "fn")
    print("most missed first constructions:", misses.most_common(8))
    alarms = [(case.family, case.variant) for case, v in results if v == "fp"]
    print("false alarms:", Counter(alarms).most_common(8))
    for fam, (min_recall, max_fp) in floors.items():
        c = by.get(fam, Counter())
        recall = c["tp"] / max(1, c["tp"] + c["fn"])
        assert recall >= min_recall, f"{fam}: recall {recall:.3f} below the floor {min_recall}"
        assert c["fp"] <= max_fp, f"{fam}: {c['fp']} false alarms, the ceiling is {max_fp}"


def test_matrix_precision_and_recall(results: list[tuple[Case, str]]) -> None:
    _check_floors("construction matrix", results, FLOORS)


def test_heldout_matrix_precision_and_recall() -> None:
    _check_floors("held-out matrix", _judge_all(heldout_cases()), HELDOUT_FLOORS)


def test_grammar_is_balanced() -> None:
    """The matrix has contradicting and consistent cases in every family, and unknown concept pairs."""
    cases = all_cases()
    for fam in FLOORS:
        kinds = Counter(c.contradiction for c in cases if c.family == fam)
        assert kinds[True] >= 5 and kinds[False] >= 5, (fam, kinds)
    assert any(not c.known for c in cases if c.family == "order")
    assert len({c.article() for c in cases}) == len(cases), "duplicate cases"


@pytest.mark.parametrize("name", sorted(LATER_GRAMMARS))
def test_later_grammars_precision_and_recall(name: str) -> None:
    make, floors = LATER_GRAMMARS[name]
    _check_floors(name, _judge_all(make()), floors)
