"""The construction matrix: precision and recall of the contradiction rules over generated articles.

`claims_grammar` crosses constructions × concepts (known and unknown to the packs) × voice × negation ×
hedges × scopes. A contradicting case is found when one EL3 finding (other than EL304, which compares
with the reference, not within the article) covers both claim lines, itself or through `related`; any
such finding on a consistent case is a false alarm. The table is printed (`pytest -s`); the floors below
are ratchets: raise them as the claim model improves, never lower them to make a change pass.
"""

from __future__ import annotations

from collections import Counter

import pytest
from claims_grammar import S1_LINE, S2_LINE, Case, all_cases

from editlint import FileReport, Linter

pytestmark = pytest.mark.slow

#: family -> (minimum recall on contradicting cases, maximum false alarms on consistent cases)
FLOORS: dict[str, tuple[float, int]] = {
    "order": (0.0, 10_000),
    "advice": (0.0, 10_000),
    "stance": (0.0, 10_000),
    "proposition": (0.0, 10_000),
    "age": (0.0, 10_000),
    "quantity": (0.0, 10_000),
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


@pytest.fixture(scope="module")
def results() -> list[tuple[Case, str]]:
    linter = Linter({"select": ["EL3"]})
    cases = all_cases()
    out = []
    for case in cases:
        report = linter.lint_text(case.article(), path="matrix.md")
        assert report.error is None, report.error
        out.append((case, judge(case, report)))
    return out


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


def test_matrix_precision_and_recall(results: list[tuple[Case, str]]) -> None:
    by = table(results)
    print("\nconstruction matrix (EL3, internal contradictions):")
    for name in sorted(by):
        print(_row(name, by[name]))
    misses = Counter(case.variant.split("/")[0] for case, v in results if v == "fn")
    print("most missed first constructions:", misses.most_common(8))
    alarms = [(case.family, case.variant) for case, v in results if v == "fp"]
    print("false alarms:", Counter(alarms).most_common(8))
    for fam, (min_recall, max_fp) in FLOORS.items():
        c = by.get(fam, Counter())
        recall = c["tp"] / max(1, c["tp"] + c["fn"])
        assert recall >= min_recall, f"{fam}: recall {recall:.3f} below the floor {min_recall}"
        assert c["fp"] <= max_fp, f"{fam}: {c['fp']} false alarms, the ceiling is {max_fp}"


def test_grammar_is_balanced() -> None:
    """The matrix has contradicting and consistent cases in every family, and unknown concept pairs."""
    cases = all_cases()
    for fam in FLOORS:
        kinds = Counter(c.contradiction for c in cases if c.family == fam)
        assert kinds[True] >= 5 and kinds[False] >= 5, (fam, kinds)
    assert any(not c.known for c in cases if c.family == "order")
    assert len({c.article() for c in cases}) == len(cases), "duplicate cases"
