"""Cold start: importing editlint or asking its version loads nothing heavy (PEP 562 lazy names)."""

from __future__ import annotations

import json
import subprocess
import sys

HEAVY = ("pydantic", "spacy", "thinc", "markdown_it", "yaml", "textstat", "spellchecker")


def _modules_after(code: str) -> dict[str, object]:
    probe = (f"import sys, json\n{code}\n"
             "print(json.dumps(sorted({m.split('.')[0] for m in sys.modules})))")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    return {"modules": json.loads(out.stdout.splitlines()[-1]), "stdout": out.stdout}


def test_import_editlint_loads_nothing_heavy() -> None:
    loaded = _modules_after("import editlint")["modules"]
    assert isinstance(loaded, list)
    assert not set(HEAVY) & set(loaded)


def test_version_loads_nothing_heavy() -> None:
    loaded = _modules_after("from editlint.cli import main\n"
                            "try:\n    main(['--version'])\nexcept SystemExit:\n    pass")["modules"]
    assert isinstance(loaded, list)
    assert not set(HEAVY) & set(loaded)


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
