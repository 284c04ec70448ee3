"""Third-party check types arrive through the entry-point group ``editlint.checks``."""

from __future__ import annotations

from importlib import metadata
from pathlib import Path

import pytest

from editlint import Linter, Registry
from editlint.errors import ConfigError


def _fake_entry_points(value: str):  # type: ignore[no-untyped-def]
    def entry_points(group: str | None = None, **_: object) -> list[metadata.EntryPoint]:
        if group != "editlint.checks":
            return []
        return [metadata.EntryPoint(name="example", value=value, group="editlint.checks")]
    return entry_points


def test_plugin_check_type_is_registered_and_used(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(metadata, "entry_points", _fake_entry_points("plugin_example"))
    reg = Registry()
    reg.discover_check_modules()
    assert "shouting" in reg.check_types
    pack = tmp_path / "house.toml"
    pack.write_text('[[rule]]\ncode = "EL691"\nname = "shouting"\ncategory = "style"\nseverity = "info"\n'
                    'check = "shouting"\nsummary = "All-caps words."\n[rule.docs]\nwhat = "w"\nwhy = "w"\n'
                    'fail = "f"\npass = "p"\n')
    reg.load_pack(pack)
    assert reg.rules["EL691"].options == {"min-letters": 6}


def test_broken_plugin_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(metadata, "entry_points", _fake_entry_points("no_such_module_xyz"))
    with pytest.raises(ConfigError, match="plug-in 'example'"):
        Registry().discover_check_modules()


def test_plugin_rule_runs_through_the_engine(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(metadata, "entry_points", _fake_entry_points("plugin_example"))
    pack = tmp_path / "house.toml"
    pack.write_text('[[rule]]\ncode = "EL692"\nname = "shouting-words"\ncategory = "style"\n'
                    'severity = "info"\ncheck = "shouting"\nsummary = "All-caps words."\n[rule.docs]\n'
                    'what = "w"\nwhy = "w"\nfail = "f"\npass = "p"\n')
    from editlint.rules import _default_registry

    _default_registry.cache_clear()
    try:
        report = Linter({"rule-packs": [str(pack)], "select": ["EL692"]}).lint_text(
            "# T\n\nNever leave a baby ALONE on a changing table. ABSOLUTELY never.\n", path="a.md")
    finally:
        _default_registry.cache_clear()
    assert [(f.rule, f.message, f.column) for f in report.findings] == [
        ("EL692", "all-caps word 'ABSOLUTELY'", 47)]
