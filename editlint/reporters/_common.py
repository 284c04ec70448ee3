"""Helpers the report formats share: severity ranks, the gate, rule metadata and artifact URIs."""

from __future__ import annotations

import os
from collections import Counter
from pathlib import Path
from typing import Any
from urllib.parse import quote

from ..findings import FAIL_ON

RANK = {"error": 3, "warning": 2, "info": 1}
SEVERITIES = ("error", "warning", "info")


def plural(n: int, word: str, many: str | None = None) -> str:
    """``"1 file"``, ``"2 files"``: a count with its noun in the right number."""
    return f"{n} {word if n == 1 else (many or word + 's')}"


def registry_from(options: dict[str, Any]) -> Any:
    """The rule registry to take metadata from (the CLI passes the run's; default: the built-in one)."""
    reg = options.get("registry")
    if reg is None:
        from ..rules import Registry

        reg = Registry.default()
    return reg


def rule_of(registry: Any, code: str) -> Any:
    return getattr(registry, "rules", {}).get(code)


def fails_gate(severity: str, fail_on: str) -> bool:
    """True when a finding of ``severity`` makes the run fail with ``--fail-on fail_on``."""
    return RANK.get(severity, 0) >= FAIL_ON.get(fail_on, 3)


def category_counts(data: dict[str, Any]) -> dict[str, Counter[str]]:
    """{category: Counter(severity)} over every finding of a JSON-contract report."""
    out: dict[str, Counter[str]] = {}
    for fr in data["files"]:
        for f in fr["findings"]:
            out.setdefault(f["category"], Counter())[f["severity"]] += 1
    return dict(sorted(out.items()))


def artifact_uri(path: str) -> tuple[str, bool]:
    """A URI for ``path``: relative (to the current folder) when possible, else an absolute file URI.

    Returns (uri, relative).
    """
    if path in ("-", "<text>", "<stdin>"):
        return "stdin", True
    p = Path(path)
    if p.is_absolute():
        try:
            rel = os.path.relpath(p, Path.cwd())
        except ValueError:
            rel = ""
        if not rel or rel.startswith(".."):
            return p.resolve().as_uri(), False
        p = Path(rel)
    posix = p.as_posix()
    while posix.startswith("./"):
        posix = posix[2:]
    return quote(posix, safe="/-._~"), True
