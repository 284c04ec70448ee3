"""Third-party check types: the entry-point group ``editlint.checks``, the plug-in API, a given registry."""

from __future__ import annotations

import ast
from collections.abc import Callable, Iterator
from importlib import metadata
from pathlib import Path

import plugin_example
import pytest

from editlint import Linter, Registry
from editlint.api import CheckContext, Hit, check_type
from editlint.datafile import DataFileError
from editlint.errors import ConfigError

RULE = ('[[rule]]\ncode = "{code}"\nname = "{name}"\ncategory = "style"\nseverity = "info"\n'
        'check = "shouting"\nsummary = "All-caps words."\n{extra}\n[rule.docs]\nwhat = "w"\nwhy = "w"\n'
        'fail = "f"\npass = "p"\n')
TEXT = "# SHOUTING heading\n\nNever leave a baby ALONE on a changing table. ABSOLUTELY never.\n"


@pytest.fixture(autouse=True)
def _shipped_data_afterwards(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    yield
    # the fake entry points go first: pytest may tear this fixture down before ``monkeypatch``, and a
    # default registry built (and cached) here with them would hold the example plug-in for later tests
    # (its data schema then showed up in tests/test_config.py's schema check)
    monkeypatch.undo()
    with Registry.default().active():  # the check modules' caches hold shipped data again for later tests
        pass


def _fake_entry_points(value: str) -> Callable[..., list[metadata.EntryPoint]]:
    def entry_points(group: str | None = None, **_: object) -> list[metadata.EntryPoint]:
        if group != "editlint.checks":
            return []
        return [metadata.EntryPoint(name="example", value=value, group="editlint.checks")]
    return entry_points


def _registry(tmp_path: Path, *packs: str) -> Registry:
    """The shipped registry plus the example plug-in and the given pack texts."""
    reg = Registry()
    reg.discover_check_modules()
    reg.add_module(plugin_example)
    reg.load_packs(sorted(Path(p) for p in Path(__file__).resolve().parent.parent.glob("rules/*.toml")))
    for i, text in enumerate(packs):
        (tmp_path / f"pack{i}.toml").write_text(text)
    reg.load_packs([tmp_path / f"pack{i}.toml" for i in range(len(packs))])
    reg.finish()
    return reg


def _found(reg: Registry, *codes: str, text: str = TEXT) -> list[tuple[str, str, int, int]]:
    report = Linter({"select": list(codes)}, registry=reg).lint_text(text, path="a.md")
    assert report.error is None, report.error
    return [(f.rule, f.message.split("'")[1], f.line, f.column) for f in report.findings]


def test_plugin_check_type_is_registered_and_used(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(metadata, "entry_points", _fake_entry_points("plugin_example"))
    reg = Registry()
    reg.discover_check_modules()
    assert "shouting" in reg.check_types
    pack = tmp_path / "house.toml"
    pack.write_text(RULE.format(code="EL691", name="shouting", extra=""))
    reg.load_pack(pack)
    assert reg.rules["EL691"].options == {"min-letters": 6}


def test_broken_plugin_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(metadata, "entry_points", _fake_entry_points("no_such_module_xyz"))
    with pytest.raises(ConfigError, match="plug-in 'example'"):
        Registry().discover_check_modules()


def test_plugin_rule_runs_through_the_engine(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(metadata, "entry_points", _fake_entry_points("plugin_example"))
    pack = tmp_path / "house.toml"
    pack.write_text(RULE.format(code="EL692", name="shouting-words", extra='scope = ["prose"]'))
    from editlint.rules import _default_registry

    _default_registry.cache_clear()
    try:
        report = Linter({"rule-packs": [str(pack)], "select": ["EL692"]}).lint_text(TEXT, path="a.md")
    finally:
        _default_registry.cache_clear()
    assert [(f.rule, f.line, f.column, f.end_column) for f in report.findings] == [("EL692", 3, 47, 57)]


def test_plugin_imports_only_the_api() -> None:
    tree = ast.parse(Path(plugin_example.__file__ or "").read_text())
    modules = {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}
    modules |= {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
    assert {m for m in modules if m and m.startswith("editlint")} == {"editlint.api", "editlint.datafile"}


def test_api_is_a_leaf() -> None:
    """editlint.api imports only the document model and the findings (and the standard library)."""
    tree = ast.parse(Path(__file__).resolve().parent.parent.joinpath("editlint/api.py").read_text())
    relative = {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.level}
    assert relative == {"document", "findings"}


def test_scope_gives_the_check_only_those_blocks(tmp_path: Path) -> None:
    reg = _registry(tmp_path, RULE.format(code="EL693", name="shout-heads", extra='scope = ["heading"]')
                    + RULE.format(code="EL694", name="shout-all", extra=""))
    assert _found(reg, "EL693") == [("EL693", "SHOUTING", 1, 3)]
    assert [w for _, w, _, _ in _found(reg, "EL694")] == ["SHOUTING", "ABSOLUTELY"]


def test_pack_data_extends_a_plugin_data_file(tmp_path: Path) -> None:
    rule = RULE.format(code="EL693", name="shout", extra="")
    assert [w for _, w, _, _ in _found(_registry(tmp_path, rule), "EL693")] == ["SHOUTING", "ABSOLUTELY"]
    reg = _registry(tmp_path, rule, '[data.shouting]\nallow = ["ABSOLUTELY"]\n',
                    '[data.shouting]\nextend-allow = ["SHOUTING"]\n')
    assert _found(reg, "EL693") == []


def test_bad_pack_data_names_pack_key_and_line(tmp_path: Path) -> None:
    with pytest.raises(DataFileError) as exc:  # checked when the registry is built, before any article
        _registry(tmp_path, RULE.format(code="EL693", name="shout", extra=""),
                  '# house words\n\n[data.shouting]\nallow = ["OK"]\nalow = ["TYPO"]\n')
    assert exc.value.path == str(tmp_path / "pack1.toml")
    assert exc.value.key == ("data", "shouting", "alow") and exc.value.line == 5
    assert str(exc.value).startswith(f"{tmp_path / 'pack1.toml'}: line 5: data.shouting.alow: unknown key")


def test_overlap_policy_drops_covered_findings(tmp_path: Path) -> None:
    strict = RULE.format(code="EL693", name="shout-long", extra="")
    loose = RULE.format(code="EL694", name="shout-short", extra='[rule.options]\nmin-letters = 4\n'
                        '[rule.overlaps]\nsuppressed-by = ["shout-long"]\n')
    reg = _registry(tmp_path, strict + loose)
    found = _found(reg, "EL693", "EL694", text="# T\n\nNever leave a baby ALONE here. ABSOLUTELY never.\n")
    assert sorted((code, word) for code, word, _, _ in found) == [
        ("EL693", "ABSOLUTELY"), ("EL694", "ALONE")]
    bad = RULE.format(code="EL695", name="shout-x", extra='[rule.overlaps]\nsuppressed-by = ["EL999"]\n')
    with pytest.raises(ConfigError, match="suppressed-by"):
        _registry(tmp_path, bad)


def test_overlap_policy_with_same_key_needs_the_same_key_and_an_overlap(tmp_path: Path) -> None:
    """``same-key``: two rules reporting one thing (one key) at overlapping places keep one finding; a
    covering finding about something else, or one that only touches, drops nothing."""
    from editlint.engine import Placed, drop_overlapping
    from editlint.findings import Finding, Severity

    reg = _registry(tmp_path, RULE.format(code="EL693", name="shout-long", extra="")
                    + RULE.format(code="EL694", name="shout-keyed", extra='[rule.overlaps]\n'
                                  'suppressed-by = ["shout-long"]\nsame-key = true\n'))

    def placed(code: str, start: int, end: int, key: str) -> Placed:
        finding = Finding(code, "n", "style", Severity.INFO, "m", 1, start + 1, 1, end + 1)
        return Placed(finding, start, end, key)

    theirs = [placed("EL693", 15, 30, "a"), placed("EL693", 30, 60, "c"), placed("EL693", 80, 90, "d")]
    mine = [placed("EL694", 10, 20, "a"), placed("EL694", 40, 50, "b"), placed("EL694", 70, 80, "d"),
            placed("EL694", 100, 110, "a")]
    kept = drop_overlapping(theirs + mine, reg)
    assert [(p.finding.rule, p.start) for p in kept] == [
        ("EL693", 15), ("EL693", 30), ("EL693", 80), ("EL694", 40), ("EL694", 70), ("EL694", 100)]
    assert drop_overlapping(mine, reg) == mine  # shout-long not run: nothing gives way


@check_type("out-of-block")
def _out_of_block(ctx: CheckContext) -> Iterator[Hit]:
    block = ctx.blocks()[0]
    yield ctx.hit_in(block, 0, len(block.text) + 5, "too far")


def test_span_outside_its_block_is_an_internal_error(tmp_path: Path) -> None:
    import sys

    reg = Registry()
    reg.add_module(sys.modules[__name__])
    (tmp_path / "p.toml").write_text(RULE.format(code="EL693", name="far", extra="").replace(
        'check = "shouting"', 'check = "out-of-block"'))
    reg.load_packs([tmp_path / "p.toml"])
    report = Linter({"select": ["EL693"]}, registry=reg).lint_text(TEXT, path="a.md")
    assert report.findings == [] and report.error is not None and "outside its block" in report.error
