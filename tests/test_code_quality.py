"""The code base stays clean under ruff (with C901, max-complexity 15) and strict mypy.

Both tools come with the ``test`` extra. A missing tool is a failure, not a skip: a gate that skips
silently is no gate. Configuration is in pyproject.toml; every per-file ignore carries a reason.
"""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys

import pytest
from conftest import ROOT
from helpers import early_result

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib


def _run_tool(module: str, *args: str) -> subprocess.CompletedProcess[str]:
    assert importlib.util.find_spec(module) is not None, (
        f"{module} is not installed; it comes with the test extra: pip install -e '.[test]'")
    return subprocess.run([sys.executable, "-m", module, *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=600, check=False)


def test_ruff_finds_nothing() -> None:
    out = _run_tool("ruff", "check", "--no-cache", "editlint", "tests", "benchmarks")
    assert out.returncode == 0, f"ruff check failed:\n{out.stdout}{out.stderr}"


MYPY = (sys.executable, "-m", "mypy", "editlint", "tests")


# About two minutes of one core on a cold mypy cache (a clean clone in CI), a few seconds once .mypy_cache is
# warm: started when collection ends, it runs beside the other tests and this test waits for its answer.
@pytest.mark.slow
@pytest.mark.early(*MYPY, cwd=ROOT)
def test_mypy_strict_finds_nothing() -> None:
    assert importlib.util.find_spec("mypy") is not None, (
        "mypy is not installed; it comes with the test extra: pip install -e '.[test]'")
    out = early_result(MYPY, ROOT, timeout=900)
    assert out.returncode == 0, f"mypy (strict, from pyproject.toml) failed:\n{out.stdout}{out.stderr}"


def test_gates_are_strict_and_every_ignore_has_a_reason() -> None:
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    config = tomllib.loads(text)
    lint = config["tool"]["ruff"]["lint"]
    assert "C90" in lint["select"] and lint["mccabe"]["max-complexity"] <= 15
    assert config["tool"]["mypy"]["strict"] is True
    lines = text.splitlines()
    start = lines.index("[tool.ruff.lint.per-file-ignores]")
    for i in range(start + 1, len(lines)):
        if lines[i].startswith("["):
            break
        if re.match(r'^"[^"]+"\s*=', lines[i]):
            assert lines[i - 1].startswith("# ") and len(lines[i - 1]) > 20, f"no reason above: {lines[i]}"
