"""Apply the text edits carried by findings (``--fix``): atomically, keeping BOM and newline style."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from .findings import Edit, Finding
from .source import Source


def apply_edits(text: str, edits: Iterable[Edit]) -> str:
    """Apply non-overlapping edits (later ones first); overlapping edits after the first are dropped."""
    chosen: list[Edit] = []
    for e in sorted(edits, key=lambda e: (e.start, e.end)):
        if chosen and e.start < chosen[-1].end:
            continue
        chosen.append(e)
    for e in reversed(chosen):
        text = text[: e.start] + e.text + text[e.end:]
    return text


def fix_file(source: Source, findings: Iterable[Finding]) -> bool:
    """Write the fixed article back to ``source.path``; True if it changed. The write is atomic."""
    edits = [e for f in findings for e in f.fixes]
    if not edits or not source.path or source.path == "-":
        return False
    new = apply_edits(source.text, edits)
    if new == source.text:
        return False
    if source.newline != "\n":
        new = new.replace("\n", source.newline)
    data = (b"\xef\xbb\xbf" if source.had_bom else b"") + new.encode("utf-8")
    path = Path(source.path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".editlint", dir=str(path.parent))
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.chmod(tmp, path.stat().st_mode & 0o7777)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
    return True
