"""Configuration discovery and validation: errors name the file and the key."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from editlint.config import clear_caches, config_for_path, find_config_file, load_config
from editlint.errors import ConfigError


@pytest.fixture(autouse=True)
def _fresh() -> None:
    clear_caches()


def test_pyproject_table_is_found_upwards(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.editlint]\nselect = ["EL6"]\nfail-on = "warning"\n')
    sub = tmp_path / "a" / "b"
    sub.mkdir(parents=True)
    cfg = config_for_path(str(sub / "x.md"))
    assert cfg.select == ("EL6",) and cfg.fail_on == "warning"


def test_pyproject_without_table_is_skipped(tmp_path: Path) -> None:
    (tmp_path / "editlint.toml").write_text('ignore = ["EL605"]\n')
    sub = tmp_path / "proj"
    sub.mkdir()
    (sub / "pyproject.toml").write_text("[project]\nname = 'x'\n")
    assert find_config_file(sub) == tmp_path / "editlint.toml"


def test_dot_editlint_toml_wins_in_one_folder(tmp_path: Path) -> None:
    (tmp_path / "editlint.toml").write_text('ignore = ["EL605"]\n')
    (tmp_path / ".editlint.toml").write_text('ignore = ["EL604"]\n')
    assert find_config_file(tmp_path) == tmp_path / ".editlint.toml"


@pytest.mark.parametrize("body, key", [
    ('selct = ["EL6"]\n', "selct"),
    ('select = "EL6"\n', "select"),
    ('select = ["EL999"]\n', "EL999"),
    ('fail-on = "sometimes"\n', "fail-on"),
    ('[severity]\nEL601 = "fatal"\n', "severity.EL601"),
    ('[rules.EL602]\nmax-wrds = 3\n', "max-wrds"),
    ('[rules.EL602]\nmax-words = "three"\n', "max-words"),
    ('[nlp]\nmodle = "x"\n', "nlp.modle"),
])
def test_bad_configuration_names_file_and_key(tmp_path: Path, body: str, key: str) -> None:
    path = tmp_path / "editlint.toml"
    path.write_text(body)
    with pytest.raises(ConfigError) as exc:
        load_config(path)
    message = str(exc.value)
    assert str(path) in message and key in message


def test_broken_toml_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "pyproject.toml"
    path.write_text("[tool.editlint\nselect = [\n")
    with pytest.raises(ConfigError, match="not valid TOML"):
        load_config(path)


def test_rule_options_override(tmp_path: Path) -> None:
    path = tmp_path / "editlint.toml"
    path.write_text('[rules.flattened-table]\nmax-words = 3\n')
    cfg = load_config(path)
    opts = cfg.options_for(cfg.registry(), "EL602")
    assert opts["max-words"] == 3 and "allow" in opts


def test_extra_rule_pack(tmp_path: Path) -> None:
    pack = tmp_path / "house.toml"
    pack.write_text('''
[[rule]]
code = "EL690"
name = "house-banned-phrase"
category = "style"
severity = "warning"
check = "phrase-list"
summary = "A phrase our house style bans."
[rule.docs]
what = "Flags 'mommy blogger'."
why = "House style."
fail = "I am a mommy blogger."
pass = "I write about parenting."
[rule.options]
phrases = ["mommy blogger"]
''')
    (tmp_path / "editlint.toml").write_text('rule-packs = ["house.toml"]\nselect = ["EL690"]\n')
    from editlint import Linter
    cfg = load_config(tmp_path / "editlint.toml")
    report = Linter(cfg).lint_text("# T\n\nI am a mommy blogger.\n", path="a.md")
    assert [f.rule for f in report.findings] == ["EL690"]


def test_broken_rule_pack_names_file_key_and_line(tmp_path: Path) -> None:
    pack = tmp_path / "house.toml"
    pack.write_text('[[rule]]\ncode = "EL691"\nname = "x-y"\ncategory = "style"\nseverity = "warning"\n'
                    'check = "phrase-list"\nsummary = "s"\n[rule.docs]\nwhat = "w"\nwhy = "w"\nfail = "f"\n'
                    'pass = "p"\n[rule.options]\nphrasez = ["a"]\n')
    (tmp_path / "editlint.toml").write_text('rule-packs = ["house.toml"]\n')
    with pytest.raises(ConfigError) as exc:
        load_config(tmp_path / "editlint.toml")
    msg = str(exc.value)
    assert "house.toml" in msg and "phrasez" in msg and "line 14" in msg


def test_readme_configuration_example_is_valid(tmp_path: Path) -> None:
    """The [tool.editlint] example in README.md loads without errors (users copy it)."""
    import re

    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    block = re.search(r"```toml\n(\[tool\.editlint\]\n.*?)```", readme, re.S)
    assert block, "README.md has no [tool.editlint] example"
    (tmp_path / "house-style").mkdir()
    (tmp_path / "house-style" / "house.toml").write_text("")  # the example names a house pack folder
    path = tmp_path / "pyproject.toml"
    path.write_text(block.group(1))
    cfg = load_config(path)
    assert cfg.fail_on == "error" and cfg.audience == "parents" and cfg.section("grammar")["backend"] == "off"


def test_json_schemas_in_the_repository_are_current() -> None:
    """schemas/ holds what `editlint schema --write schemas/` writes (the configuration's is not kept)."""
    import json

    from editlint.config import json_schemas
    from editlint.rules import Registry

    folder = Path(__file__).resolve().parent.parent / "schemas"
    generated = json_schemas(Registry.default())
    kept = {p.name for p in folder.glob("*.json")}
    assert kept == set(generated) - {"config.json"}
    for name in kept:
        assert json.loads((folder / name).read_text(encoding="utf-8")) == generated[name], (
            f"schemas/{name} is stale: run `editlint schema --write schemas/` and delete schemas/config.json")


def test_schemas_accept_what_ships_and_reject_typos() -> None:
    """The exported JSON Schemas agree with the loader: shipped packs pass, an unknown key fails."""
    import jsonschema

    from editlint.config import config_schema
    from editlint.rules import Registry, pack_schema, read_toml

    def validator(schema: dict[str, Any]) -> Any:
        """What ``jsonschema.validate`` builds, built once per schema (it checks the schema itself, against
        its meta-schema, at every call: 0.4 s for the packs here)."""
        cls = jsonschema.validators.validator_for(schema)
        cls.check_schema(schema)
        return cls(schema)

    root = Path(__file__).resolve().parent.parent
    schema = validator(pack_schema())
    packs = [*sorted((root / "rules").glob("*.toml")), *sorted((root / "samples/house-style").glob("*.toml"))]
    for path in packs:
        schema.validate(read_toml(path))
    with pytest.raises(jsonschema.ValidationError):
        schema.validate({"oder": [{"code": "EL690"}]})
    config = validator(config_schema(Registry.default()))
    good = {"select": ["EL6"], "packs": ["house/"], "rules": {"EL601": {"extend-phrases": ["x"]}}}
    config.validate(good)
    with pytest.raises(jsonschema.ValidationError):
        config.validate({"rules": {"EL601": {"phrasess": []}}})


def test_rule_option_list_entry_of_the_wrong_type(tmp_path: Path) -> None:
    path = tmp_path / "editlint.toml"
    path.write_text('[rules.EL601]\nextend-phrases = [\n  "rate this tip",\n  7,\n]\n')
    with pytest.raises(ConfigError, match=r"line 4: rules\.EL601\.extend-phrases\[1\]: must be a string"):
        load_config(path)


def test_schema_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import json

    from editlint.cli import main

    assert main(["schema", "--list"]) == 0
    names = capsys.readouterr().out.split()
    assert {"rule-pack", "config", "data-vocabulary"} <= set(names)
    assert main(["schema", "config"]) == 0
    assert json.loads(capsys.readouterr().out)["properties"]["packs"]["type"] == "array"
    assert main(["schema", "--write", str(tmp_path / "out")]) == 0
    assert {p.stem for p in (tmp_path / "out").glob("*.json")} == set(names)
    assert main(["schema", "no-such-schema"]) == 2 and "unknown schema" in capsys.readouterr().err
