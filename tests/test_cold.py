"""Cold start: importing editlint or asking its version loads nothing heavy (PEP 562 lazy names)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from helpers import FreshFacts, top_level

HEAVY = ("pydantic", "spacy", "thinc", "markdown_it", "yaml", "textstat", "spellchecker")


def test_import_editlint_loads_nothing_heavy(fresh: FreshFacts) -> None:
    assert "error" not in fresh["import"]
    assert not set(HEAVY) & top_level(fresh["import"]["modules"])


def test_version_loads_nothing_heavy(fresh: FreshFacts) -> None:
    """``editlint --version`` right after the import (the probe's second step: imports only accumulate)."""
    assert fresh["version"]["value"] == 0 and fresh["version"]["stdout"].startswith("editlint ")
    assert not set(HEAVY) & top_level(fresh["version"]["modules"])


def test_public_names_resolve_on_first_use() -> None:
    import editlint
    from editlint.engine import Linter

    assert editlint.Linter is Linter
    assert set(editlint.__all__) <= set(dir(editlint))
    for name in editlint.__all__:
        assert getattr(editlint, name) is not None
    try:
        editlint.not_a_name  # noqa: B018
    except AttributeError as exc:
        assert "not_a_name" in str(exc)
    else:
        raise AssertionError("an unknown name must raise AttributeError")


SPACY_CLI_DEPS = ("typer", "weasel", "requests", "httpx", "jinja2")


def test_spacy_is_imported_without_its_command_line(fresh: FreshFacts) -> None:
    """The pipeline loaded (spaCy imported by editlint) and a sentence parsed, spaCy's command line is not
    imported; importing it afterwards gives the real one, and ``spacy.info`` reaches it on call."""
    loaded, cli = fresh["pipeline"], fresh["spacy-cli"]
    assert "spacy" in top_level(loaded["modules"])
    assert not set(SPACY_CLI_DEPS) & top_level(loaded["modules"])
    assert loaded["value"]["parsed"][-1] == "punct" and "ROOT" in loaded["value"]["parsed"]
    assert cli["value"] == {"cli": True, "info": "_spacy_info"}  # the real command line imports afterwards


def test_a_spacy_that_needs_more_of_its_cli_is_imported_the_ordinary_way(tmp_path: Path) -> None:
    fake = tmp_path / "spacy"
    (fake / "cli").mkdir(parents=True)
    (fake / "__init__.py").write_text("from .cli.info import info\nfrom .cli import app\n")
    (fake / "cli" / "__init__.py").write_text("app = 'the real command line'\n")
    (fake / "cli" / "info.py").write_text("def info():\n    return 'real info'\n")
    probe = ("from editlint.nlp import import_spacy\n"
             "spacy = import_spacy()\n"
             "print(json.dumps([spacy.app, spacy.info(), spacy.__file__]))")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(tmp_path), *sys.path])}
    out = subprocess.run([sys.executable, "-c", f"import sys, json\n{probe}"], capture_output=True,
                         text=True, check=True, env=env)
    app, info, where = json.loads(out.stdout)
    assert (app, info) == ("the real command line", "real info")
    assert where.startswith(str(tmp_path))
