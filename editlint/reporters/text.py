"""Plain text: ``path:line:col: CODE severity message`` lines, then a totals line (like ruff / Vale)."""

from __future__ import annotations

from collections import Counter
from typing import Any

from ..findings import RunReport
from ._common import display_path, printable

_COLOURS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m"}
_BOLD, _DIM, _RESET = "\033[1m", "\033[2m", "\033[0m"


def render(report: RunReport, *, colour: bool = False, quiet: bool = False, statistics: bool = False,
           **_: Any) -> str:
    def c(code: str, s: str) -> str:
        return f"{code}{s}{_RESET}" if colour else s

    lines: list[str] = []
    for fr in report.files:
        if fr.error:
            continue  # input errors go to stderr
        path = display_path(fr.path)  # names and messages escaped: no ESC, newline or '::' command
        for f in fr.findings:
            sev = c(_COLOURS[f.severity.value], f.severity.value)
            lines.append(f"{c(_BOLD, path)}:{f.line}:{f.column}: {c(_BOLD, f.rule)} {sev} "
                         f"{printable(f.message)}")
            if not quiet:
                for r in f.related[:5]:
                    note = f" ({printable(r.message)})" if r.message else ""
                    lines.append(c(_DIM, f"    {path}:{r.line}:{r.column}: related{note}"))
                if len(f.related) > 5:
                    lines.append(c(_DIM, f"    … and {len(f.related) - 5} more related places"))
                if f.suggestion:
                    lines.append(c(_DIM, f"    suggestion: {printable(f.suggestion)}"))
    for fr in report.files:  # present only with --explain-claims
        claims = fr.metrics.get("claims")
        if isinstance(claims, list):
            if lines:
                lines.append("")
            shown = display_path(fr.path)
            lines.append(f"{shown}: claims extracted")
            for cl in claims:
                if not isinstance(cl, dict):
                    continue
                raw = cl.get("prov")
                prov: dict[str, Any] = raw if isinstance(raw, dict) else {}
                hedge = prov.get("hedge")
                notes = [f"hedge: {hedge}"] if hedge not in (None, "none", "plain") else []
                notes += [k for k in ("conditional", "absolute") if cl.get(k)]
                notes += [k for k in ("question", "myth", "quotation", "reported") if prov.get(k)]
                extra = f" [{', '.join(notes)}]" if notes else ""
                lines.append(f"    {shown}:{cl.get('line')}:{cl.get('column')}: {cl.get('kind')}: "
                             f"{printable(claim_summary(cl))} ({prov.get('construction', '?')}){extra}")
            if not claims:
                lines.append("    (no claims found)")
    if statistics:
        counts = Counter((f.rule, f.name) for f in report.findings)
        if counts:
            lines.append("")
            for (code, name), n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
                lines.append(f"{n:5d}  {code}  {name}")
    s = report.summary()
    by = s["by_severity"]
    errors = sum(1 for fr in report.files if fr.error)
    total = (f"{s['findings']} finding{'s' if s['findings'] != 1 else ''} "
             f"({by['error']} error, {by['warning']} warning, {by['info']} info) in {s['files']} "
             f"file{'s' if s['files'] != 1 else ''}")
    if errors:
        total += f"; {errors} file{'s' if errors != 1 else ''} could not be linted"
    if lines and not quiet:
        lines.append("")
    lines.append(total)
    return "\n".join(lines) + "\n"


def _concept(value: Any) -> str:
    return str(value.get("text") or value.get("key") or "?") if isinstance(value, dict) else "?"


def _range(value: Any, unit: str = "") -> str:
    if not isinstance(value, (list, tuple)) or len(value) != 2:
        return "?"
    lo, hi = (f"{v:g}" if isinstance(v, (int, float)) else str(v) for v in value)
    plural = "s" if unit in ("day", "week", "month", "year") and (lo, hi) != ("1", "1") else ""
    return (lo if lo == hi else f"{lo}–{hi}") + (f" {unit}{plural}" if unit else "")


def claim_summary(cl: dict[str, Any]) -> str:
    """One line restating a typed claim (--explain-claims), from its fields, in the article's terms."""
    kind = cl.get("kind")
    if kind == "order":
        return f"{_concept(cl.get('earlier'))} before {_concept(cl.get('later'))}"
    if kind == "age":
        phase = f" ({cl['phase']})" if cl.get("phase") else ""
        return (f"{_concept(cl.get('concept'))}{phase} {cl.get('relation', 'at')} "
                f"{_range(cl.get('stated'), str(cl.get('unit', '')))}")
    if kind == "quantity":
        per = f" per {cl['per']}" if cl.get("per") else ""
        return f"{_concept(cl.get('subject'))}: {_range(cl.get('stated'), str(cl.get('unit', '')))}{per}"
    if kind == "advice":
        what = " ".join(x for x in (str(cl.get("action") or ""), _concept(cl.get("object"))
                                     if cl.get("object") else "") if x) or "?"
        details = cl.get("details") or []
        more = f" ({', '.join(map(str, details))})" if details else ""
        return ("do: " if cl.get("polarity", 1) > 0 else "do not: ") + what + more
    if kind == "proposition":
        neg = "" if cl.get("polarity", 1) > 0 else "not "
        return f"{_concept(cl.get('subject'))} {neg}{cl.get('predicate', '?')} {_concept(cl.get('object'))}"
    if kind == "stance":
        return f"{_concept(cl.get('thing'))} is {cl.get('verdict', '?')}"
    return str(cl.get("text", "?"))
