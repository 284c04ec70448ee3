"""GitHub Actions workflow commands: each finding becomes an annotation on the pull request's diff.

Escaping follows GitHub's toolkit (``@actions/core`` ``escapeData`` / ``escapeProperty``): in the
message ``%``, CR and LF are encoded; in properties ``:`` and ``,`` are encoded too. Other control
characters (ESC, BEL) are shown as escapes, never passed to the log.
"""

from __future__ import annotations

from typing import Any

from ..findings import RunReport
from ._common import plural, printable, report_dict, undecodable

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def command(kind: str, message: str, **props: Any) -> str:
    """One ``::kind prop=value,…::message`` line; properties with value None are left out."""
    parts = [f"{k}={printable(escape_property(str(v)))}" for k, v in props.items() if v is not None]
    return f"::{kind}{' ' + ','.join(parts) if parts else ''}::{printable(escape_data(message))}"


def render(report: RunReport, **_: Any) -> str:
    data = report_dict(report)
    lines: list[str] = []
    for fr in data["files"]:
        if fr.get("error"):
            lines.append(command("error", fr["error"], file=fr["path"], title="editlint: cannot lint"))
        for f in fr["findings"]:
            message = f["message"]
            if f.get("suggestion"):
                message += f"\nSuggestion: {f['suggestion']}"
            for r in f.get("related", [])[:5]:
                note = f": {r['message']}" if r.get("message") else ""
                message += f"\nSee also line {r['line']}{note}"
            lines.append(
                command(
                    COMMANDS[f["severity"]],
                    message,
                    file=fr["path"],
                    line=f["line"],
                    col=f["column"],
                    endLine=f["end_line"],
                    endColumn=f["end_column"],
                    title=f"{f['rule']} {f['name']}",
                )
            )
    for problem in data.get("errors", []):
        lines.append(command("error", problem, title="editlint"))
    for warning in report.warnings:
        lines.append(command("warning", undecodable(warning), title="editlint"))
    s = data["summary"]
    by = s["by_severity"]
    lines.append(
        f"editlint: {plural(s['findings'], 'finding')} ({by['error']} error, {by['warning']} warning, "
        f"{by['info']} info) in {plural(s['files'], 'file')}"
    )
    return "\n".join(lines) + "\n"
