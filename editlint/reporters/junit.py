"""JUnit XML for CI test-report views: one test case per article, a failure per finding at the gate.

Findings below ``--fail-on`` do not fail the test case; they are listed in its ``system-out``.
An article that could not be read is an ``error``.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import Any

from ..findings import RunReport
from ._common import fails_gate, report_dict

_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _clean(text: str) -> str:
    """XML 1.0 cannot hold most control characters, even escaped; drop them."""
    return _INVALID_XML.sub("", text)


def _line(path: str, f: dict[str, Any]) -> str:
    out = f"{path}:{f['line']}:{f['column']}: {f['rule']} {f['severity']} {f['message']}"
    for r in f.get("related", []):
        out += f"\n    {path}:{r['line']}:{r['column']}: related" + (
            f" ({r['message']})" if r.get("message") else ""
        )
    if f.get("suggestion"):
        out += f"\n    suggestion: {f['suggestion']}"
    return out


def render(report: RunReport, *, fail_on: str = "error", **_: Any) -> str:
    data = report_dict(report)
    suites = ET.Element("testsuites", name="editlint")
    suite = ET.SubElement(suites, "testsuite", name="editlint")
    tests = failures = errors = 0
    for fr in data["files"]:
        tests += 1
        path = _clean(fr["path"])
        case = ET.SubElement(suite, "testcase", classname="editlint", name=path, file=path)
        if fr.get("error"):
            errors += 1
            err = ET.SubElement(case, "error", type="InputError", message=_clean(fr["error"]))
            err.text = _clean(fr["error"])
        failed = [f for f in fr["findings"] if fails_gate(f["severity"], fail_on)]
        others = [f for f in fr["findings"] if not fails_gate(f["severity"], fail_on)]
        if failed:
            failures += 1
        for f in failed:
            el = ET.SubElement(
                case,
                "failure",
                type=f["rule"],
                message=_clean(f"{f['rule']} {f['name']} (line {f['line']}): {f['message']}"),
            )
            el.text = _clean(_line(fr["path"], f))
        if others:
            out = ET.SubElement(case, "system-out")
            out.text = _clean("\n".join(_line(fr["path"], f) for f in others))
    for problem in data.get("errors", []):
        tests += 1
        errors += 1
        case = ET.SubElement(suite, "testcase", classname="editlint", name="run")
        ET.SubElement(case, "error", type="RunError", message=_clean(problem)).text = _clean(problem)
    for el in (suites, suite):
        el.set("tests", str(tests))
        el.set("failures", str(failures))
        el.set("errors", str(errors))
    suite.set("skipped", "0")
    ET.indent(suites)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(suites, encoding="unicode") + "\n"
