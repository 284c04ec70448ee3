"""Helpers the report formats share: severity ranks, the gate, rule metadata and artifact URIs."""

from __future__ import annotations

import os
import re
import unicodedata
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

    Percent-encoded from the name's bytes (RFC 3986), so a name that is not UTF-8 (surrogate-escaped
    bytes) still names its file; ``path`` must be the raw one, not :func:`undecodable`'s text.
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
    return quote(os.fsencode(posix), safe="/-._~"), True


# -- escaping: file names and messages reach terminals, CI logs and Markdown comments ---------------------
_UNSAFE_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Zl", "Zp", "Co", "Cn"})


def _escape_char(c: str) -> str:
    code = ord(c)
    if 0xDC80 <= code <= 0xDCFF:  # a byte of a file name that is not UTF-8 (surrogateescape)
        return f"\\x{code - 0xDC00:02x}"
    return c.encode("unicode_escape").decode("ascii")


def printable(text: str) -> str:
    """``text`` fit for one line of a terminal or CI log: control and format characters (ESC, BEL,
    newlines, bidi overrides) and the undecodable bytes of a file name become visible escapes."""
    if text.isprintable():
        return text
    return "".join(_escape_char(c) if unicodedata.category(c) in _UNSAFE_CATEGORIES else c for c in text)


def display_path(path: str) -> str:
    """A file name for a line that starts with it: escaped, and a name starting with ``::`` (a GitHub
    workflow command) or ``-`` prefixed with ``./`` (the same file, read as a path)."""
    shown = printable(path)
    if shown.startswith((":", "-")) and path not in ("-",):
        shown = "./" + shown
    return shown


def undecodable(text: str) -> str:
    """Only the undecodable bytes of a file name escaped: what JSON, XML and HTML can carry."""
    return _SURROGATES.sub(lambda m: _escape_char(m.group()), text)


_SURROGATES = re.compile("[\udc80-\udcff]")


def _clean(value: Any) -> Any:
    if isinstance(value, str):
        return undecodable(value)
    if isinstance(value, dict):
        return {_clean(k): _clean(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_clean(v) for v in value]
    return value


def report_dict(report: Any) -> dict[str, Any]:
    """The JSON contract of ``report`` with every string encodable (a non-UTF-8 file name included)."""
    out: dict[str, Any] = _clean(report.to_dict())
    return out
