"""The JSON report of ``../shared/json-contract.md`` (stable: fields are added, never renamed)."""

from __future__ import annotations

import json
from typing import Any

from ..findings import RunReport
from ._common import report_dict


def render(report: RunReport, **_: Any) -> str:
    return json.dumps(report_dict(report), indent=2, ensure_ascii=False) + "\n"
