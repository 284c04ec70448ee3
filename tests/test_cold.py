"""Cold start: importing editlint or asking its version loads nothing heavy (PEP 562 lazy names)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

HEAVY = ("pydantic", "spacy", "thinc", "markdown_it", "yaml", "textstat", "spellchecker")


def _modules_after(code: str) -> dict[str, object]:
    probe = (f"import sys, json\n{code}\n"
             "print(json.dumps(sorted({m.split('.')[0] for m in sys.modules})))")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    return {"modules": json.loads(out.stdout.splitlines()[-1]), "stdout": out.stdout}


@pytest.fixture(scope="module")
def light_steps() -> list[list[str]]:
    """One fresh interpreter: the top-level modules loaded after ``import editlint``, then after
    ``editlint --version`` as well (imports only accumulate, so the first list is exactly what a bare
    import loads; one interpreter start instead of two)."""
    snapshot = "print(json.dumps(sorted({m.split('.')[0] for m in sys.modules})))"
    probe = (f"import sys, json\nimport editlint\n{snapshot}\nfrom editlint.cli import main\n"
             f"try:\n    main(['--version'])\nexcept SystemExit:\n    pass\n{snapshot}\n")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    lines = out.stdout.splitlines()
    return [json.loads(lines[0]), json.loads(lines[-1])]


def test_import_editlint_loads_nothing_heavy(light_steps: list[list[str]]) -> None:
    assert not set(HEAVY) & set(light_steps[0])


def test_version_loads_nothing_heavy(light_steps: list[list[str]]) -> None:
    assert not set(HEAVY) & set(light_steps[1])


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


def test_spacy_is_imported_without_its_command_line() -> None:
    probe = ("from editlint.nlp import import_spacy, load_model\n"
             "spacy = import_spacy()\n"
             "light = sorted({m.split('.')[0] for m in sys.modules})\n"
             "nlp = load_model('en_core_web_sm')\n"
             "parsed = [t.dep_ for t in nlp('Rinse the rice twice.')]\n"
             "import spacy.cli\n"
             "print(json.dumps({'light': light, 'parsed': parsed, 'cli': hasattr(spacy.cli, 'download'),\n"
             "                  'info': spacy.info.__name__}))")
    got = _modules_after(probe)["stdout"]
    assert isinstance(got, str)
    data = json.loads(got.splitlines()[0])
    assert not set(SPACY_CLI_DEPS) & set(data["light"])
    assert data["parsed"][-1] == "punct" and "ROOT" in data["parsed"]
    assert data["cli"]  # the real command line imports afterwards
    assert data["info"] == "_spacy_info"  # and spacy.info reaches it on call


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
