"""Meta-tests over the whole rule set (after proselint and ruff): codes, docs, examples, README table."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from editlint import Linter, Registry
from editlint.cli import rules_markdown
from editlint.rules import FAMILIES, Rule

REGISTRY = Registry.default()
RULES = REGISTRY.sorted_rules()
README = Path(__file__).resolve().parent.parent / "README.md"
_EXT = {"markdown": "md", "html": "html", "text": "txt"}
#: Rules whose examples need an external backend; their examples run against a fake server elsewhere.
NEEDS_BACKEND = {"languagetool": "tests/test_grammar.py runs these examples against tests/lt_server.py"}
FAMILY_CATEGORIES = {"1": {"repetition"}, "2": {"readability"}, "3": {"contradiction"},
                     "4": {"disclaimer", "claims"}, "5": {"grammar", "spelling"}, "6": {"structure", "style"}}


def test_rules_exist_in_every_family() -> None:
    assert {r.code[2] for r in RULES} == set(FAMILIES)


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_code_matches_family_and_docs_are_complete(rule: Rule) -> None:
    assert rule.category in FAMILY_CATEGORIES[rule.code[2]]
    for text in (rule.summary, rule.docs.what, rule.docs.why, rule.docs.fail, rule.docs.passing):
        assert text.strip(), rule.code
    assert rule.check in REGISTRY.check_types
    assert rule.docs.example_format in _EXT
    explained = rule.explain()
    assert rule.code in explained and "Why it matters" in explained


def _lint_example(rule: Rule, text: str) -> list[str]:
    linter = Linter({"select": [rule.code]})
    report = linter.lint_text(text, path=f"example.{_EXT[rule.docs.example_format]}")
    assert report.error is None, report.error
    return [f.rule for f in report.findings]


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_flagged_example_is_flagged(rule: Rule) -> None:
    if rule.check in NEEDS_BACKEND:
        pytest.skip(NEEDS_BACKEND[rule.check])
    assert rule.code in _lint_example(rule, rule.docs.fail), f"{rule.code}'s flagged example is not flagged"


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_passing_example_passes(rule: Rule) -> None:
    if rule.check in NEEDS_BACKEND:
        pytest.skip(NEEDS_BACKEND[rule.check])
    flagged = _lint_example(rule, rule.docs.passing)
    assert rule.code not in flagged, f"{rule.code}'s passing example is flagged"


def test_readme_rule_table_is_current() -> None:
    text = README.read_text(encoding="utf-8")
    m = re.search(r"<!-- rules-table:start -->\n(.*?)\n<!-- rules-table:end -->", text, re.S)
    assert m, "README.md needs the rule table between rules-table markers"
    assert m.group(1).strip() == rules_markdown(RULES).strip(), (
        "README rule table is stale: regenerate it with `python scripts/update-readme-rules.py`")


def test_registry_can_be_built_fresh() -> None:
    reg = Registry()
    reg.discover_check_modules()
    assert set(reg.check_types) == set(REGISTRY.check_types) and not reg.rules


def test_cheap_rules_need_no_nlp() -> None:
    for code in ("EL601", "EL602", "EL603", "EL604", "EL605", "EL501", "EL505"):
        rule = REGISTRY.rules[code]
        assert not REGISTRY.check_types[rule.check].needs, code
