"""Packaging: a wheel built from the checkout installs into a fresh virtual environment and lints samples/
with the installed command, using the rule packs shipped inside the wheel.

The building, installing and first run happen in tests/package_probe.py, started when collection ends (the
``early`` marker) so that its minutes run beside the session's other tests; this test asserts on its facts.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from helpers import early_result

ROOT = Path(__file__).resolve().parent.parent
PROBE = (sys.executable, str(Path(__file__).with_name("package_probe.py")), str(ROOT))


@pytest.mark.slow
@pytest.mark.early(*PROBE, cwd=ROOT)
def test_wheel_installs_and_lints_samples() -> None:
    done = early_result(PROBE, ROOT, timeout=1800)
    assert done.returncode == 0, done.stderr
    (line,) = [line for line in done.stdout.splitlines() if line.startswith("FACTS ")]
    facts = json.loads(line.removeprefix("FACTS "))
    names = facts["wheel_names"]
    assert "editlint/py.typed" in names
    assert "editlint/_rules/structure.toml" in names and "editlint/_rules/claims/ontology/motor.toml" in names

    assert "site-packages" in facts["rules_dir"] and facts["rules_dir"].endswith("_rules")

    assert facts["check_code"] == 1, facts["check_stderr"]  # the flawed samples have errors
    report = json.loads(facts["check_stdout"])
    articles = [p for p in (ROOT / "samples").iterdir()
                if p.suffix in (".md", ".html", ".txt") and p.name != "README.md"]
    assert report["summary"]["files"] == len(articles) and not facts["check_stderr"].count("error:")
    assert all("flesch_kincaid_grade" in f["metrics"] for f in report["files"])
    assert facts["version"].startswith("editlint ")
