"""SARIF 2.1.0: valid against the official schema, rule metadata, locations, stable fingerprints."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest
from conftest import SAMPLES, SHARED
from helpers import samples_report

from editlint import Linter, RunReport
from editlint.findings import FileReport
from editlint.reporters import render
from editlint.reporters.sarif import FINGERPRINT_KEY, to_sarif
from editlint.rules import Registry

SCHEMA = SHARED / "schemas" / "sarif-schema-2.1.0.json"


@pytest.fixture(scope="module")
def validator() -> Any:
    if not SCHEMA.is_file():
        pytest.skip(
            f"the official SARIF schema is not at {SCHEMA} (../shared/schemas/ is beside the repo in CI)"
        )
    import jsonschema

    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)  # draft-04, per the schema's $schema
    cls.check_schema(schema)
    return cls(schema)


def _valid(validator: Any, doc: dict[str, Any]) -> None:
    errors = sorted(validator.iter_errors(doc), key=lambda e: list(e.absolute_path))
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors[:10])


@pytest.fixture(scope="module")
def sarif() -> dict[str, Any]:
    doc: dict[str, Any] = json.loads(render("sarif", samples_report()))
    return doc


def test_samples_validate_against_the_official_schema(validator: Any, sarif: dict[str, Any]) -> None:
    _valid(validator, sarif)
    assert sarif["version"] == "2.1.0"


def test_rule_metadata(sarif: dict[str, Any]) -> None:
    rules = sarif["runs"][0]["tool"]["driver"]["rules"]
    registry = Registry.default()
    assert [r["id"] for r in rules] == [r.code for r in registry.sorted_rules()]
    levels = {"error": "error", "warning": "warning", "info": "note"}
    for desc in rules:
        rule = registry.rules[desc["id"]]
        assert desc["name"] == rule.name
        assert desc["shortDescription"]["text"] == rule.summary
        assert desc["fullDescription"]["text"] == rule.docs.what
        assert rule.docs.why in desc["help"]["text"] and rule.docs.why in desc["help"]["markdown"]
        assert desc["defaultConfiguration"]["level"] == levels[rule.severity.value]
        assert desc["properties"]["category"] == rule.category


def test_results_match_the_findings(sarif: dict[str, Any]) -> None:
    report = samples_report()
    run = sarif["runs"][0]
    results = run["results"]
    assert len(results) == len(report.findings) > 0
    rules = run["tool"]["driver"]["rules"]
    expected = [(fr.path, f) for fr in report.files for f in fr.findings]
    levels = {"error": "error", "warning": "warning", "info": "note"}
    for res, (path, f) in zip(results, expected, strict=True):
        assert rules[res["ruleIndex"]]["id"] == res["ruleId"] == f.rule
        assert res["level"] == levels[f.severity.value]
        assert res["message"]["text"].startswith(f.message)
        loc = res["locations"][0]["physicalLocation"]
        assert loc["artifactLocation"] == {
            "uri": Path(os.path.relpath(path)).as_posix(),
            "uriBaseId": "%SRCROOT%",
        }
        assert loc["region"] == {
            "startLine": f.line,
            "startColumn": f.column,
            "endLine": f.end_line,
            "endColumn": f.end_column,
        }
        assert res["partialFingerprints"] == {FINGERPRINT_KEY: f.fingerprint}
        assert len(res.get("relatedLocations", [])) == len(f.related)
        for rl, r in zip(res.get("relatedLocations", []), f.related, strict=True):
            assert rl["physicalLocation"]["region"]["startLine"] == r.line
            assert rl["message"]["text"]
    assert any(res.get("relatedLocations") for res in results), "contradictions/repeats carry related places"
    assert run["invocations"][0]["executionSuccessful"] is True
    assert run["columnKind"] == "unicodeCodePoints"


def test_unreadable_file_is_a_notification(validator: Any) -> None:
    report = RunReport(
        files=[FileReport(path="samples/x.md", error="samples/x.md: is not valid UTF-8")], version="0.1.0"
    )
    doc = to_sarif(report)
    _valid(validator, doc)
    inv = doc["runs"][0]["invocations"][0]
    assert inv["executionSuccessful"] is False
    note = inv["toolExecutionNotifications"][0]
    assert note["level"] == "error" and "not valid UTF-8" in note["message"]["text"]
    assert note["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "samples/x.md"


def test_paths_are_relative_uris(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "my articles").mkdir()
    art = tmp_path / "my articles" / "a b.md"
    art.write_text("# Tips\n\nShare this post\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    report = Linter({"select": ["EL601"]}).lint_paths([str(art)])  # absolute path given
    res = to_sarif(report)["runs"][0]["results"]
    assert res[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "my%20articles/a%20b.md"


def test_fingerprints_survive_unrelated_lines_moving() -> None:
    text = (SAMPLES / "newborn-sleep-schedule.md").read_text(encoding="utf-8")
    head, body = text.split("\n---\n", 1)
    moved = head + "\n---\n" + "\nA short new opening line for this test.\n\n" + body
    linter = Linter({"select": ["EL1", "EL6"]})
    before = linter.lint_text(text, path="a.md")
    after = linter.lint_text(moved, path="a.md")
    assert before.findings
    def fp(r: FileReport) -> list[str]:
        return sorted(f.fingerprint for f in r.findings)

    assert fp(before) == fp(after)
    assert [f.line for f in before.findings] != [f.line for f in after.findings]
    s1 = to_sarif(RunReport(files=[before]))["runs"][0]["results"]
    s2 = to_sarif(RunReport(files=[after]))["runs"][0]["results"]
    assert sorted(r["partialFingerprints"][FINGERPRINT_KEY] for r in s1) == sorted(
        r["partialFingerprints"][FINGERPRINT_KEY] for r in s2
    )
