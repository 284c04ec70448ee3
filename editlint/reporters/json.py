"""The JSON report of ``../shared/json-contract.md`` (stable: fields are added, never renamed)."""

from __future__ import annotations

import json
from typing import Any

from ..findings import RunReport
from ._common import _clean

#: Where the files go in the encoded report: the first ``"files": []`` is the top-level key (``tool``,
#: before it, holds no list, and a string's quotes are escaped).
_FILES = '"files": []'


def render(report: RunReport, **_: Any) -> str:
    """``json.dumps`` of the whole report, byte for byte, but encoded one file at a time: an archive's
    report is never one tree of dicts, nor one list of the encoder's pieces (peak memory stays flat)."""
    shell = json.dumps(_clean(report.to_dict(files=False)), indent=2, ensure_ascii=False)
    head, _sep, tail = shell.partition(_FILES)
    parts = [head, '"files": [']
    for i, fr in enumerate(report.files):
        encoded = json.dumps(_clean(fr.to_dict()), indent=2, ensure_ascii=False)
        parts.append(("," if i else "") + "\n    " + encoded.replace("\n", "\n    "))
    parts.append("\n  ]" if report.files else "]")
    parts.append(tail + "\n")
    return "".join(parts)
