"""Baselines: record today's findings so an archive of old articles does not block new work.

A baseline is JSON: ``{"version": 1, "tool": "editlint", "entries": [{"path", "rule", "fingerprint",
"message"}]}``. Findings match an entry by path and fingerprint — the engine's fingerprint is the rule
plus the finding's normalised text, not its line — so editing around a known finding, or moving the
paragraph it sits in, keeps it matched. Paths are stored relative to the baseline file's folder, so the
same baseline works whatever folder editlint runs from.

Entries are only judged for articles linted in this run: with ``--since`` or a narrower path, the
entries of other articles are neither matched nor reported as stale.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from .errors import ConfigError
from .findings import RunReport

VERSION = 1


@dataclass(frozen=True)
class Entry:
    path: str
    rule: str
    fingerprint: str
    message: str = ""

    def to_dict(self) -> dict[str, str]:
        return {
            "path": self.path,
            "rule": self.rule,
            "fingerprint": self.fingerprint,
            "message": self.message,
        }


@dataclass
class Baseline:
    path: str
    entries: list[Entry] = field(default_factory=list)

    @property
    def folder(self) -> Path:
        return Path(self.path).resolve().parent


def key_path(path: str, folder: Path) -> str:
    """``path`` (as linted) relative to ``folder``, in POSIX form; stdin and odd paths stay as given."""
    if path in ("-", "<text>", "<stdin>"):
        return path
    try:
        return Path(os.path.relpath(Path(path).resolve(), folder)).as_posix()
    except ValueError:  # another drive on Windows
        return Path(path).resolve().as_posix()


def from_report(report: RunReport, path: str) -> Baseline:
    folder = Path(path).resolve().parent
    entries = [
        Entry(key_path(fr.path, folder), f.rule, f.fingerprint, f.message)
        for fr in report.files
        for f in fr.findings
        if f.fingerprint
    ]
    entries.sort(key=lambda en: (en.path, en.rule, en.fingerprint))
    return Baseline(path, entries)


def write(report: RunReport, path: str) -> int:
    """Write the findings of ``report`` as a baseline at ``path`` (atomically); returns the entry count."""
    base = from_report(report, path)
    data = {"version": VERSION, "tool": "editlint", "entries": [en.to_dict() for en in base.entries]}
    target = Path(path)
    tmp = target.with_name(f".{target.name}.tmp{os.getpid()}")
    try:
        tmp.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        os.replace(tmp, target)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise ConfigError(f"cannot write the baseline: {exc.strerror}", path=path) from None
    return len(base.entries)


def load(path: str) -> Baseline:
    """Read and validate a baseline file; any problem is a ConfigError naming the file (exit 2)."""
    try:
        raw = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError("baseline file not found (create it with --write-baseline)", path=path) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read the baseline: {exc}", path=path) from None
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise ConfigError(
            f"line {exc.lineno}: not valid JSON ({exc.msg}); recreate it with --write-baseline", path=path
        ) from None
    if not isinstance(data, dict) or not isinstance(data.get("entries"), list):
        raise ConfigError('not an editlint baseline (expected an object with an "entries" list)', path=path)
    if data.get("version") != VERSION:
        raise ConfigError(
            f"version: unsupported baseline version {data.get('version')!r} (expected {VERSION})", path=path
        )
    entries: list[Entry] = []
    for i, item in enumerate(data["entries"]):
        if not isinstance(item, dict):
            raise ConfigError(f"entries[{i}]: expected an object", path=path)
        for key in ("path", "rule", "fingerprint"):
            if not isinstance(item.get(key), str) or not item[key]:
                raise ConfigError(f"entries[{i}].{key}: missing or not a string", path=path)
        msg = item.get("message", "")
        entries.append(
            Entry(item["path"], item["rule"], item["fingerprint"], msg if isinstance(msg, str) else "")
        )
    return Baseline(path, entries)


def apply(report: RunReport, baseline: Baseline) -> list[Entry]:
    """Drop the findings the baseline knows from ``report``; returns the entries that matched nothing.

    Also records ``report.baseline`` (the ``baseline`` key of the JSON report).
    """
    folder = baseline.folder
    known: dict[tuple[str, str], Entry] = {(en.path, en.fingerprint): en for en in baseline.entries}
    used: set[tuple[str, str]] = set()
    linted: set[str] = set()
    matched = 0
    for fr in report.files:
        kp = key_path(fr.path, folder)
        if fr.error is None:
            linted.add(kp)
        kept = []
        for f in fr.findings:
            k = (kp, f.fingerprint)
            if f.fingerprint and k in known and k not in used:
                used.add(k)
                matched += 1
            else:
                kept.append(f)
        fr.findings = kept
    unmatched = [en for k, en in known.items() if k not in used and en.path in linted]
    report.baseline = {
        "path": baseline.path,
        "matched": matched,
        "unmatched": [en.to_dict() for en in unmatched],
    }
    return unmatched
