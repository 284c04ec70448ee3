"""Build AUDIT.md's tables and manifest.toml from the hand judgements in judgements/*.psv.

The judgements are written by hand (one line per warning or error editlint reported); this script only
counts and lays them out, so the figures in AUDIT.md always match the judgements behind them.

    python tests/corpus/real/make_audit.py [--current report.json]

``--current`` is an ``editlint check tests/corpus/real/articles --format json`` report of today's code;
a first-run finding judged wrong that it no longer contains is marked ``gone`` in the manifest, and
tests/test_corpus_real.py keeps it gone.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
RUNS = ("first", "mid", "final")
VERDICTS = ("right", "debatable", "wrong")
TABLE_RULE = "|---|---|---|---|---|"
BEGIN, END = "<!-- BEGIN GENERATED (make_audit.py) -->", "<!-- END GENERATED -->"
FAMILIES = {
    "EL1": "repetition",
    "EL2": "readability",
    "EL3": "contradiction",
    "EL4": "disclaimer",
    "EL5": "spelling",
    "EL6": "structure",
}


@dataclass(frozen=True)
class Judgement:
    """One finding editlint reported, with an editor's verdict and the kind of language behind it."""

    run: str
    file: str
    rule: str
    line: int
    severity: str
    verdict: str
    kind: str
    reason: str

    @property
    def key(self) -> tuple[str, str, int]:
        return (self.file, self.rule, self.line)


def read_judgements(run: str) -> list[Judgement]:
    """Parse judgements/<run>.psv: file|rule|line|e-or-w|verdict|kind|reason, '#' comments."""
    path = HERE / "judgements" / f"{run}.psv"
    if not path.exists():
        return []
    out: list[Judgement] = []
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not raw.strip() or raw.startswith("#"):
            continue
        file, rule, line, sev, verdict, kind, reason = raw.split("|", 6)
        if verdict not in VERDICTS or sev not in ("e", "w"):
            raise ValueError(f"{path.name}:{number}: bad verdict or severity: {raw!r}")
        severity = "error" if sev == "e" else "warning"
        out.append(Judgement(run, file, rule, int(line), severity, verdict, kind, reason))
    return out


def committed() -> set[str]:
    return {p.name for p in (HERE / "articles").iterdir() if p.is_file()}


def _pct(part: int, whole: int) -> str:
    return f"{100 * part / whole:.0f} % ({part}/{whole})" if whole else "–"


def _rate(rows: list[Judgement]) -> str:
    return _pct(sum(j.verdict == "right" for j in rows), len(rows))


def summary(by_run: dict[str, list[Judgement]]) -> list[str]:
    """The headline table: errors and warnings right, per run and per set."""
    out = ["| run | set | errors right | warnings right | debatable | wrong |", "|---|---|---|---|---|---|"]
    mine = committed()
    for run, rows in by_run.items():
        for label, part in (
            ("all", rows),
            ("committed", [j for j in rows if j.file in mine]),
            ("not committed", [j for j in rows if j.file not in mine]),
        ):
            errors = [j for j in part if j.severity == "error"]
            warnings = [j for j in part if j.severity == "warning"]
            debatable = sum(j.verdict == "debatable" for j in part)
            wrong = sum(j.verdict == "wrong" for j in part)
            out.append(f"| {run} | {label} | {_rate(errors)} | {_rate(warnings)} | {debatable} | {wrong} |")
    return out


def per_family(by_run: dict[str, list[Judgement]]) -> list[str]:
    out = ["| run | family | errors right | warnings right |", "|---|---|---|---|"]
    for run, rows in by_run.items():
        for prefix, name in FAMILIES.items():
            fam = [j for j in rows if j.rule.startswith(prefix)]
            if not fam:
                continue
            errors = [j for j in fam if j.severity == "error"]
            warnings = [j for j in fam if j.severity == "warning"]
            out.append(f"| {run} | {prefix} {name} | {_rate(errors)} | {_rate(warnings)} |")
    return out


def per_rule(rows: list[Judgement]) -> list[str]:
    counts: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for j in rows:
        counts[(j.rule, j.severity)][j.verdict] += 1
    out = ["| rule | severity | right | debatable | wrong |", "|---|---|---|---|---|"]
    for (rule, sev), c in sorted(counts.items()):
        out.append(f"| {rule} | {sev} | {c['right']} | {c['debatable']} | {c['wrong']} |")
    return out


def causes(rows: list[Judgement]) -> list[str]:
    """Wrong and debatable findings grouped by the kind of language that caused them."""
    groups: dict[str, list[Judgement]] = defaultdict(list)
    for j in rows:
        if j.verdict != "right":
            groups[j.kind or "(none)"].append(j)
    out = ["| kind of language | wrong | debatable | rules | example |", "|---|---|---|---|---|"]
    for kind, js in sorted(groups.items(), key=lambda kv: (-sum(j.verdict == "wrong" for j in kv[1]), kv[0])):
        wrong = sum(j.verdict == "wrong" for j in js)
        rules = ", ".join(sorted({j.rule for j in js}))
        ex = next((j for j in js if j.verdict == "wrong"), js[0])
        example = f"{ex.file}:{ex.line}: {ex.reason}".replace("|", "/")
        out.append(f"| {kind} | {wrong} | {len(js) - wrong} | {rules} | {example} |")
    return out


def per_article(rows: list[Judgement]) -> list[str]:
    by_file: dict[str, list[Judgement]] = defaultdict(list)
    for j in rows:
        by_file[j.file].append(j)
    out: list[str] = []
    for file in sorted(by_file):
        out += ["", f"#### {file}", "", "| rule | line | severity | verdict | reason |", TABLE_RULE]
        for j in sorted(by_file[file], key=lambda j: (j.line, j.rule)):
            why = f"*{j.kind}*: {j.reason}" if j.kind else j.reason
            out.append(f"| {j.rule} | {j.line} | {j.severity} | {j.verdict} | {why.replace('|', '/')} |")
    return out


def current_keys(report: Path) -> set[tuple[str, str, int]]:
    data = json.loads(report.read_text(encoding="utf-8"))
    return {
        (Path(f["path"]).name, x["rule"], x["line"])
        for f in data["files"]
        for x in f["findings"]
        if x["severity"] in ("error", "warning")
    }


def _toml_str(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def manifest(by_run: dict[str, list[Judgement]], now: set[tuple[str, str, int]] | None) -> str:
    """Rows for the committed articles: what was judged, in which run, and whether it is gone now."""
    mine = committed()
    lines = [
        "# Made by make_audit.py from judgements/*.psv: a row per judged finding on a committed article.",
        "# gone = an earlier finding judged wrong that the code no longer reports (tests keep it gone).",
    ]
    for run, rows in by_run.items():
        for j in rows:
            if j.file not in mine:
                continue
            gone = run != "final" and j.verdict == "wrong" and now is not None and j.key not in now
            lines += [
                "",
                "[[finding]]",
                f"run = {_toml_str(run)}",
                f"file = {_toml_str(j.file)}",
                f"rule = {_toml_str(j.rule)}",
                f"line = {j.line}",
                f"severity = {_toml_str(j.severity)}",
                f"verdict = {_toml_str(j.verdict)}",
                f"kind = {_toml_str(j.kind)}",
                f"gone = {'true' if gone else 'false'}",
                f"reason = {_toml_str(j.reason)}",
            ]
    return "\n".join(lines) + "\n"


def generated(by_run: dict[str, list[Judgement]]) -> str:
    latest = list(by_run)[-1]
    parts = ["## Summary", "", *summary(by_run), "", "### Per rule family", "", *per_family(by_run)]
    for run, rows in by_run.items():
        parts += ["", f"### Per rule ({run} run)", "", *per_rule(rows)]
    parts += ["", f"## Why the wrong findings are wrong ({latest} run)", "", *causes(by_run[latest])]
    if latest != "first":
        parts += ["", "## Why the wrong findings were wrong (first run)", "", *causes(by_run["first"])]
    for run in dict.fromkeys((latest, "first")):
        parts += ["", f"## Every finding, by article ({run} run)", *per_article(by_run[run])]
    return "\n".join(parts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--current", type=Path, help="JSON report of today's code on articles/")
    args = parser.parse_args()
    by_run = {run: rows for run in RUNS if (rows := read_judgements(run))}
    now = current_keys(args.current) if args.current else None
    (HERE / "manifest.toml").write_text(manifest(by_run, now), encoding="utf-8")
    audit = HERE / "AUDIT.md"
    text = audit.read_text(encoding="utf-8")
    head, _, rest = text.partition(BEGIN)
    _, _, tail = rest.partition(END)
    audit.write_text(f"{head}{BEGIN}\n{generated(by_run)}\n{END}{tail}", encoding="utf-8")


if __name__ == "__main__":
    main()
