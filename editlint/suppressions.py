"""Inline suppressions in Markdown and HTML comments.

``<!-- editlint-disable EL101 -->`` … ``<!-- editlint-enable EL101 -->`` (no codes: all rules),
``<!-- editlint-disable-next-line EL205 -->`` (the next non-blank line), and
``<!-- editlint-disable-file EL106 -->``. Codes may be codes, prefixes, slugs or categories.
"""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass

from .document import Document
from .findings import Finding
from .rules import Registry

_DIRECTIVE = re.compile(r"^\s*editlint-(disable-next-line|disable-file|disable|enable)\b(.*)$", re.S)


@dataclass(frozen=True)
class Suppression:
    codes: frozenset[str] | None  # None: every rule
    first_line: int
    last_line: int  # inclusive

    def covers(self, finding: Finding) -> bool:
        if not (self.first_line <= finding.line <= self.last_line):
            return False
        return self.codes is None or finding.rule in self.codes


def _codes(arg: str, registry: Registry) -> frozenset[str] | None:
    names = [t for t in re.split(r"[\s,]+", arg.strip()) if t and t != "--"]
    if not names:
        return None
    out: set[str] = set()
    for n in names:
        try:
            out |= registry.resolve(n)
        except KeyError:
            continue  # unknown code in a comment: ignore it rather than fail a whole article
    return frozenset(out)


def parse_suppressions(doc: Document, registry: Registry) -> list[Suppression]:
    lines = doc.source.text.split("\n")
    last = len(lines)
    out: list[Suppression] = []
    open_ranges: list[tuple[frozenset[str] | None, int]] = []
    for c in sorted(doc.comments, key=lambda c: c.line):
        m = _DIRECTIVE.match(c.text)
        if not m:
            continue
        kind, codes = m.group(1), _codes(m.group(2), registry)
        if kind == "disable-file":
            out.append(Suppression(codes, 1, last))
        elif kind == "disable-next-line":
            nxt = c.end_line + 1
            while nxt <= last and not lines[nxt - 1].strip():
                nxt += 1
            out.append(Suppression(codes, nxt, nxt))
        elif kind == "disable":
            open_ranges.append((codes, c.line))
        else:  # enable: bare closes everything; with codes, closes those codes only
            keep: list[tuple[frozenset[str] | None, int]] = []
            for rng_codes, start in open_ranges:
                if codes is None:
                    out.append(Suppression(rng_codes, start, c.line))
                elif rng_codes is None:
                    keep.append((rng_codes, start))  # an all-rules range ends only at a bare enable
                elif rng_codes & codes:
                    out.append(Suppression(rng_codes & codes, start, c.line))
                    if rng_codes - codes:
                        keep.append((rng_codes - codes, start))
                else:
                    keep.append((rng_codes, start))
            open_ranges = keep
    for rng_codes, start in open_ranges:
        out.append(Suppression(rng_codes, start, last))
    return out


class _Ranges:
    """Line ranges; ``covers(line)`` in log time: among the ranges starting at or before the line, the
    furthest last line reaches it iff one of them covers it."""

    def __init__(self, ranges: list[tuple[int, int]]) -> None:
        ranges.sort()
        self.firsts = [a for a, _ in ranges]
        self.reach = list(itertools.accumulate((b for _, b in ranges), max))

    def covers(self, line: int) -> bool:
        k = bisect.bisect_right(self.firsts, line)
        return k > 0 and self.reach[k - 1] >= line


def apply_suppressions(findings: list[Finding], suppressions: list[Suppression]) -> list[Finding]:
    """The findings no suppression covers (indexed by rule and line: a long article with many comments
    and many findings is not checked pair by pair)."""
    if not suppressions:
        return findings
    every: list[tuple[int, int]] = []
    by_rule: dict[str, list[tuple[int, int]]] = {}
    for s in suppressions:
        if s.codes is None:
            every.append((s.first_line, s.last_line))
        else:
            for code in s.codes:
                by_rule.setdefault(code, []).append((s.first_line, s.last_line))
    all_rules = _Ranges(every)
    rules = {code: _Ranges(r) for code, r in by_rule.items()}
    return [f for f in findings if not (all_rules.covers(f.line) or (
        f.rule in rules and rules[f.rule].covers(f.line)))]
