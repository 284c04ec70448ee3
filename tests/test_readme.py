"""The README's examples work as written."""

from __future__ import annotations

import contextlib
import io
import os
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.slow
def test_library_example_runs() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"```python\n(from pathlib import Path\n\nimport editlint\n.*?)```", readme, re.S)
    assert block, "README.md has no library example"
    out = io.StringIO()
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        with contextlib.redirect_stdout(out):
            exec(compile(block.group(1), "README.md", "exec"), {})  # our own README's example
    finally:
        os.chdir(cwd)
    printed = out.getvalue()
    assert "EL105" in printed and "samples/safe-infant-sleep.md 0" in printed
