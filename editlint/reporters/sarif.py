"""SARIF 2.1.0 for code scanning (GitHub, Azure DevOps, IDE viewers), made from the JSON contract.

Fingerprints come from the engine (rule + normalised text, not the line), so a result keeps its
identity when unrelated lines move and code scanning does not reopen it.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..findings import RunReport
from ._common import artifact_uri, registry_from, report_dict

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
FINGERPRINT_KEY = "editlint/v1"


def render(report: RunReport, **options: Any) -> str:
    return json.dumps(to_sarif(report, **options), indent=2, ensure_ascii=False) + "\n"


def to_sarif(report: RunReport, **options: Any) -> dict[str, Any]:
    data = report_dict(report)
    registry = registry_from(options)
    rules: list[dict[str, Any]] = []
    index: dict[str, int] = {}
    for rule in registry.sorted_rules():
        index[rule.code] = len(rules)
        rules.append(_descriptor(rule))
    results: list[dict[str, Any]] = []
    notifications: list[dict[str, Any]] = []
    for raw, fr in zip(report.files, data["files"], strict=True):
        uri, relative = artifact_uri(raw.path)  # the raw name: its bytes, not its escaped display
        if fr.get("error"):
            notifications.append(_notification("error", fr["error"], uri, relative))
        for note in fr.get("diagnostics", []):
            notifications.append(_notification("note", note, uri, relative))
        for f in fr["findings"]:
            if f["rule"] not in index:  # a rule the registry does not know (e.g. from another pack)
                index[f["rule"]] = len(rules)
                rules.append(_minimal_descriptor(f))
            results.append(_result(f, index[f["rule"]], uri, relative))
    for problem in data.get("errors", []):
        notifications.append(_notification("error", problem))
    for warning in report.warnings:
        notifications.append(_notification("warning", warning))
    invocation: dict[str, Any] = {"executionSuccessful": not report.has_errors}
    if notifications:
        invocation["toolExecutionNotifications"] = notifications
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "editlint",
                "version": data["tool"]["version"],
                "semanticVersion": data["tool"]["version"],
                "rules": rules,
            }
        },
        "invocations": [invocation],
        "originalUriBaseIds": {"%SRCROOT%": {"uri": Path.cwd().resolve().as_uri() + "/"}},
        "columnKind": "unicodeCodePoints",
        "results": results,
    }
    if "baseline" in data:
        run["properties"] = {"baseline": data["baseline"]}
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}


def _descriptor(rule: Any) -> dict[str, Any]:
    docs = rule.docs
    text = [rule.summary, "", docs.what, "", f"Why: {docs.why}"]
    md = [
        f"**{rule.code} {rule.name}** ({rule.category}): {rule.summary}",
        "",
        docs.what,
        "",
        f"**Why it matters.** {docs.why}",
    ]
    if docs.instead:
        text += ["", f"Instead: {docs.instead}"]
        md += ["", f"**What to write instead.** {docs.instead}"]
    md += ["", "Flagged:", "", _fence(docs.fail), "", "Passing:", "", _fence(docs.passing)]
    if rule.sources:
        text += ["", "Sources: " + "; ".join(rule.sources)]
        md += ["", "Sources:", ""] + [f"- {s}" for s in rule.sources]
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": docs.what or rule.summary},
        "help": {"text": "\n".join(text).strip(), "markdown": "\n".join(md).strip()},
        "defaultConfiguration": {"level": LEVELS[rule.severity.value], "enabled": bool(rule.enabled)},
        "properties": {"category": rule.category, "tags": ["editlint", rule.category]},
    }


def _minimal_descriptor(f: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": f["rule"],
        "name": f["name"],
        "shortDescription": {"text": f["name"]},
        "defaultConfiguration": {"level": LEVELS[f["severity"]]},
        "properties": {"category": f["category"], "tags": ["editlint", f["category"]]},
    }


def _fence(text: str) -> str:
    ticks = "````" if "```" in text else "```"
    return f"{ticks}\n{text.strip()}\n{ticks}"


def _location(uri: str, relative: bool, span: dict[str, Any] | None = None) -> dict[str, Any]:
    artifact: dict[str, Any] = {"uri": uri}
    if relative:
        artifact["uriBaseId"] = "%SRCROOT%"
    loc: dict[str, Any] = {"artifactLocation": artifact}
    if span is not None:
        loc["region"] = {
            "startLine": span["line"],
            "startColumn": span["column"],
            "endLine": span["end_line"],
            "endColumn": span["end_column"],
        }
    return loc


def _result(f: dict[str, Any], rule_index: int, uri: str, relative: bool) -> dict[str, Any]:
    message = f["message"]
    if f.get("suggestion"):
        message += f" (suggestion: {f['suggestion']})"
    out: dict[str, Any] = {
        "ruleId": f["rule"],
        "ruleIndex": rule_index,
        "level": LEVELS[f["severity"]],
        "message": {"text": message},
        "locations": [{"physicalLocation": _location(uri, relative, f)}],
    }
    if f.get("related"):
        out["relatedLocations"] = [
            {
                "id": i,
                "physicalLocation": _location(uri, relative, r),
                "message": {"text": r.get("message") or "related place"},
            }
            for i, r in enumerate(f["related"], start=1)
        ]
    if f.get("fingerprint"):
        out["partialFingerprints"] = {FINGERPRINT_KEY: f["fingerprint"]}
    out["properties"] = {"category": f["category"], "name": f["name"], "severity": f["severity"]}
    return out


def _notification(level: str, text: str, uri: str | None = None, relative: bool = True) -> dict[str, Any]:
    note: dict[str, Any] = {"level": level, "message": {"text": text}}
    if uri is not None:
        note["locations"] = [{"physicalLocation": _location(uri, relative)}]
    return note
