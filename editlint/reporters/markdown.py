"""A Markdown summary for pull-request comments and job summaries (``$GITHUB_STEP_SUMMARY``).

The findings that fail the gate come first; the rest sit in a collapsed ``<details>`` section. All
text that comes from an article or a message is escaped, so an article cannot inject Markdown or HTML
(or @-mention someone) into the comment.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from typing import Any

from ..findings import RunReport
from ._common import SEVERITIES, category_counts, fails_gate, printable, report_dict

#: GitHub limits a comment to 65,536 characters and a job summary to 1 MiB; long runs are cut here.
MAX_ROWS = 300

_MD_SPECIAL = re.compile(r"([\\`*_\[\]|~])")


def escape(text: str) -> str:
    """Plain text for a Markdown table cell: HTML-escaped, Markdown punctuation backslash-escaped."""
    text = printable(" ".join(text.split()))
    text = html.escape(text, quote=False)
    text = _MD_SPECIAL.sub(r"\\\1", text)
    return text.replace("@", "&#64;")


def _code(path: str) -> str:
    """A file name in a table cell: no newline, pipe, link, mention or emphasis survives."""
    shown = html.escape(printable(path))
    return f"<code>{shown.translate(_CODE_SPECIAL)}</code>"


_CODE_SPECIAL = str.maketrans({c: f"&#{ord(c)};" for c in "|[]@`*_~\\"})


def _table(rows: list[tuple[str, dict[str, Any]]]) -> list[str]:
    out = ["| file | line | rule | severity | message |", "| --- | ---: | --- | --- | --- |"]
    for path, f in rows[:MAX_ROWS]:
        msg = escape(f["message"])
        if f.get("suggestion"):
            msg += f"<br>suggestion: {escape(f['suggestion'])}"
        out.append(
            f"| {_code(path)} | {f['line']} | {f['rule']} {escape(f['name'])} | {f['severity']} | {msg} |"
        )
    if len(rows) > MAX_ROWS:
        out.append("")
        out.append(f"… and {len(rows) - MAX_ROWS} more (see the full report).")
    return out


def render(report: RunReport, *, fail_on: str = "error", **_: Any) -> str:
    data = report_dict(report)
    s = data["summary"]
    gate: list[tuple[str, dict[str, Any]]] = []
    rest: list[tuple[str, dict[str, Any]]] = []
    for fr in data["files"]:
        for f in fr["findings"]:
            (gate if fails_gate(f["severity"], fail_on) else rest).append((fr["path"], f))
    unreadable = [fr for fr in data["files"] if fr.get("error")]
    icon = "❌" if gate or unreadable or data.get("errors") else "✅"
    gate_words = "never" if fail_on == "never" else f"{fail_on} and above"
    lines = [
        f"## {icon} editlint report",
        "",
        f"**{len(gate)}** finding{'s' if len(gate) != 1 else ''} fail the gate (`--fail-on {fail_on}`: "
        f"{gate_words}), **{len(rest)}** below it, in **{s['files']}** "
        f"article{'s' if s['files'] != 1 else ''}.",
    ]
    if unreadable:
        lines.append(
            f"**{len(unreadable)}** article{'s' if len(unreadable) != 1 else ''} could not be linted."
        )
    base = data.get("baseline")
    if base:
        lines.append(
            f"Baseline: {base['matched']} known finding(s) hidden; "
            f"{len(base['unmatched'])} baseline entr{'ies' if len(base['unmatched']) != 1 else 'y'} "
            "no longer match."
        )
    cats = category_counts(data)
    if cats:
        lines += [
            "",
            "### By category",
            "",
            "| category | error | warning | info | total |",
            "| --- | ---: | ---: | ---: | ---: |",
        ]
        for cat, c in cats.items():
            lines.append(
                f"| {escape(cat)} | "
                + " | ".join(str(c[sev]) for sev in SEVERITIES)
                + f" | {sum(c.values())} |"
            )
    files = [fr for fr in data["files"] if fr["findings"] or fr.get("error")]
    if files:
        lines += [
            "",
            "### By article",
            "",
            "| article | error | warning | info | total |",
            "| --- | ---: | ---: | ---: | ---: |",
        ]
        for fr in sorted(files, key=lambda x: x["path"]):
            c = Counter(f["severity"] for f in fr["findings"])
            note = " (could not be linted)" if fr.get("error") else ""
            lines.append(
                f"| {_code(fr['path'])}{note} | "
                + " | ".join(str(c[sev]) for sev in SEVERITIES)
                + f" | {sum(c.values())} |"
            )
    if unreadable:
        lines += ["", "### Articles that could not be linted", ""]
        lines += [f"- {_code(fr['path'])}: {escape(fr['error'])}" for fr in unreadable]
    if gate:
        lines += ["", "### Findings that fail the gate", ""] + _table(gate)
    if rest:
        lines += ["", f"<details><summary>Other findings ({len(rest)})</summary>", ""] + _table(rest)
        lines += ["", "</details>"]
    if not gate and not rest and not unreadable:
        lines += ["", "No findings."]
    return "\n".join(lines) + "\n"
