"""The code base stays clean under ruff and strict mypy (configured in pyproject.toml).

Both tools come with the ``test`` extra; without them the tests skip rather than fail, so a bare
checkout can still run the suite.
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys

import pytest
from conftest import ROOT


def _run_tool(module: str, *args: str) -> subprocess.CompletedProcess[str]:
    if importlib.util.find_spec(module) is None:
        pytest.skip(f"{module} is not installed (it comes with the test extra: pip install -e '.[test]')")
    return subprocess.run([sys.executable, "-m", module, *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=300, check=False)


def test_ruff_finds_nothing() -> None:
    out = _run_tool("ruff", "check", "--no-cache", "editlint", "tests", "benchmarks")
    assert out.returncode == 0, f"ruff check failed:\n{out.stdout}{out.stderr}"


@pytest.mark.slow  # about 10 s on a cold mypy cache (spaCy's stubs), under 1 s once .mypy_cache is warm
def test_mypy_strict_finds_nothing() -> None:
    out = _run_tool("mypy", "editlint")
    assert out.returncode == 0, f"mypy (strict, from pyproject.toml) failed:\n{out.stdout}{out.stderr}"
