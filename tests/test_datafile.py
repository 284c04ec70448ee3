"""The data layer: TOML validated by pydantic models; errors name file, key path and the right line."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Literal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import Field

from editlint.datafile import (
    DataFileError,
    DataModel,
    format_key_path,
    json_schema,
    key_lines,
    load_model,
    validate_data,
)
from editlint.errors import ConfigError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib


class Options(DataModel):
    phrases: list[str] = []
    min_count: int = Field(3, alias="min-count")


class Docs(DataModel):
    what: str
    fail_options: dict[str, int] = Field(default_factory=dict, alias="fail-options")


class Example(DataModel):
    text: str
    codes: list[str] = []


class Entry(DataModel):
    code: str
    severity: Literal["error", "warning", "info"] = "warning"
    options: Options = Field(default_factory=Options)
    docs: Docs | None = None
    example: list[Example] = []


class Pack(DataModel):
    rule: list[Entry] = []
    title: str = ""


def _filler(n: int) -> str:
    """About ``n`` lines of valid TOML noise: comments, blanks and a multi-line string holding headers."""
    out = ['title = """', "[[rule]]", 'code = "EL000"', '"""']
    for i in range(n // 2):
        out += [f"# comment {i} with [brackets] and key = \"value\"", ""]
    return "\n".join(out)


def _write(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "pack.toml"
    path.write_text(body, encoding="utf-8")
    return path


def _line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


def _pack_text(problem: str) -> str:
    head = _filler(220)
    rule = '[[rule]]\ncode = "EL9{0:02d}"\n[rule.options]\nphrases = ["a", "b"]\n'
    rules = "\n".join(rule.format(i) for i in range(3))
    return f"{head}\n{rules}\n{problem}"


def test_unknown_key_in_fourth_array_table_names_key_path_and_line(tmp_path: Path) -> None:
    text = _pack_text('[[rule]]\ncode = "EL990"\n\n[rule.options]\nphrases = ["x"]\nphrasess = ["y"]\n')
    path = _write(tmp_path, text)
    with pytest.raises(DataFileError) as exc:
        load_model(path, Pack)
    err = exc.value
    assert err.key == ("rule", 3, "options", "phrasess")
    assert err.line == _line_of(text, "phrasess") > 200
    assert str(path) in str(err) and "rule[3].options.phrasess" in str(err) and "'phrases'" in str(err)
    assert isinstance(err, ConfigError)


def test_bad_array_element_on_its_own_line(tmp_path: Path) -> None:
    text = _pack_text('[[rule]]\ncode = "EL990"\n[rule.options]\nphrases = [\n  "ok",\n  "fine",\n  42,\n]\n')
    with pytest.raises(DataFileError) as exc:
        load_model(_write(tmp_path, text), Pack)
    assert exc.value.key == ("rule", 3, "options", "phrases", 2)
    assert exc.value.line == _line_of(text, "  42,")
    assert "rule[3].options.phrases[2]" in str(exc.value)


def test_missing_key_points_at_its_table(tmp_path: Path) -> None:
    text = _pack_text('[[rule]]\ncode = "EL990"\n\n[rule.docs]\nfail-options = { a = 1 }\n')
    with pytest.raises(DataFileError) as exc:
        load_model(_write(tmp_path, text), Pack)
    assert exc.value.key == ("rule", 3, "docs", "what")
    assert exc.value.line == _line_of(text, "[rule.docs]")


def test_inline_table_and_dotted_keys(tmp_path: Path) -> None:
    text = _pack_text('[[rule]]\ncode = "EL990"\noptions.min-count = 2\ndocs = { what = "w", '
                      'fail-options = { a = "one" } }\n')
    with pytest.raises(DataFileError) as exc:
        load_model(_write(tmp_path, text), Pack)
    assert exc.value.key == ("rule", 3, "docs", "fail-options", "a")
    assert exc.value.line == _line_of(text, "docs = {")


def test_nested_array_of_tables(tmp_path: Path) -> None:
    text = _pack_text('[[rule]]\ncode = "EL990"\n[[rule.example]]\ntext = "a"\n[[rule.example]]\n'
                      'text = "b"\ncodes = ["EL1", 7]\n')
    with pytest.raises(DataFileError) as exc:
        load_model(_write(tmp_path, text), Pack)
    assert exc.value.key == ("rule", 3, "example", 1, "codes", 1)
    assert exc.value.line == _line_of(text, 'codes = ["EL1", 7]')


def test_bad_literal_value_and_several_problems(tmp_path: Path) -> None:
    text = 'title = "t"\n[[rule]]\ncode = "EL901"\nseverity = "fatal"\n[[rule]]\ncode = 5\n'
    with pytest.raises(DataFileError) as exc:
        load_model(_write(tmp_path, text), Pack, origin="house/pack.toml")
    err = exc.value
    assert [(i.key, i.line) for i in err.issues] == [(("rule", 0, "severity"), 4), (("rule", 1, "code"), 6)]
    assert str(err).startswith("house/pack.toml: line 4: rule[0].severity:")


def test_valid_file_loads_with_aliases(tmp_path: Path) -> None:
    text = '[[rule]]\ncode = "EL901"\n[rule.options]\nmin-count = 4\nphrases = ["a"]\n'
    pack = load_model(_write(tmp_path, text), Pack)
    assert pack.rule[0].options.min_count == 4 and pack.rule[0].options.phrases == ["a"]


def test_sub_table_of_a_pyproject(tmp_path: Path) -> None:
    text = '[project]\nname = "x"\n\n[tool.editlint]\ntitle = "t"\nrul = []\n'
    path = tmp_path / "pyproject.toml"
    path.write_text(text)
    with pytest.raises(DataFileError) as exc:
        load_model(path, Pack, at=("tool", "editlint"))
    assert exc.value.key == ("tool", "editlint", "rul") and exc.value.line == 6
    assert "tool.editlint.rul" in str(exc.value)
    with pytest.raises(ConfigError, match=r"no \[tool.other\] table"):
        load_model(path, Pack, at=("tool", "other"))


def test_unreadable_and_invalid_toml(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="file not found"):
        load_model(tmp_path / "nope.toml", Pack)
    with pytest.raises(ConfigError, match="not valid TOML"):
        load_model(_write(tmp_path, "[rule\n"), Pack)


def test_validate_without_text_has_no_line() -> None:
    with pytest.raises(DataFileError) as exc:
        validate_data({"rule": [{"code": 1}]}, Pack, origin="mapping")
    assert exc.value.line == 0 and str(exc.value) == "mapping: rule[0].code: " + exc.value.issues[0].problem


def test_json_schema_export_uses_toml_keys() -> None:
    schema = json_schema(Pack, title="rule pack")
    assert schema["title"] == "rule pack" and schema["additionalProperties"] is False
    options = schema["$defs"]["Options"]
    assert "min-count" in options["properties"] and options["additionalProperties"] is False
    json.dumps(schema)


def test_key_lines_handles_quoted_keys_and_strings_with_brackets() -> None:
    text = ('a = "x]#"\n"quoted.key" = 1\n[t."s p"]\nb = """\n[[not a table]]\n"""\nc = [ [1, 2], '
            "[3,\n 4] ] # c\n[[arr]]\n[[arr]]\nd = 'lit\\'\n")
    lines = key_lines(text)
    assert lines[("a",)] == 1 and lines[("quoted.key",)] == 2 and lines[("t", "s p")] == 3
    assert lines[("t", "s p", "b")] == 4 and lines[("t", "s p", "c", 1, 1)] == 8
    assert lines[("arr", 1)] == 10 and lines[("arr", 1, "d")] == 11 and ("not a table",) not in lines


def test_format_key_path() -> None:
    assert format_key_path(("rule", 3, "options", "phrases", 2)) == "rule[3].options.phrases[2]"
    assert format_key_path(("data", "a b")) == 'data."a b"'


_key = st.from_regex(r"[a-z][a-z0-9-]{0,8}", fullmatch=True)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(_key, st.lists(st.integers(), max_size=4)), min_size=1, max_size=6,
                unique_by=lambda kv: kv[0]))
def test_every_key_and_element_is_located(entries: list[tuple[str, list[int]]]) -> None:
    """Each key and array element is found on the line it was written on, however the text is laid out."""
    out: list[str] = []
    expected: dict[tuple[str | int, ...], int] = {}
    for key, values in entries:
        expected[("t", key)] = len(out) + 2
        out.append(f"{key} = [")
        for n, v in enumerate(values):
            expected[("t", key, n)] = len(out) + 2
            out.append(f"  {v}, # element {n}")
        out.append("]")
    lines = key_lines("[t]\n" + "\n".join(out) + "\n")
    assert {k: lines[k] for k in expected} == expected


def test_every_declared_data_schema_fits_its_shipped_file() -> None:
    """The schemas of rules/data files (editlint.datamodels and check modules) accept what ships."""
    from editlint.rules import Registry

    reg = Registry()
    reg.discover_check_modules()
    assert {"vocabulary", "audiences"} <= set(reg.data_store.models)
    for name in reg.data_store.models:
        if reg.data_store.path(name).is_file():
            reg.data(name)  # raises DataFileError naming file, key path and line


def test_key_lines_after_tricky_strings() -> None:
    """Escaped quotes, quotes ending a multi-line string and '#' inside strings do not derail the scan."""
    text = ('a = "say \\"hi\\" [x] # no comment"\nb = """two\nlines""""\nc = \'\'\'it\'s\nok\'\'\'\'\n'
            'd = [ "x#y", """z\n""" ]\n[t]\ne = 1\n')
    tomllib.loads(text)  # the fixture itself is valid TOML
    lines = key_lines(text)
    found = (lines[("b",)], lines[("c",)], lines[("d",)], lines[("d", 1)], lines[("t", "e")])
    assert found == (2, 4, 6, 6, 9)


# -- data objects (ctx.data) ---------------------------------------------------------------------------
def test_every_shipped_data_file_has_a_schema() -> None:
    """Each rules/data/*.toml is validated by a declared model (unknown keys, bad values located)."""
    from editlint.rules import Registry, rules_dir

    models = Registry.default().data_store.models
    shipped = {p.stem for p in (rules_dir() / "data").glob("*.toml")}
    assert shipped and shipped <= set(models), f"no schema for {sorted(shipped - set(models))}"


@pytest.mark.parametrize("body,key,line", [
    ("[data.segmentation.heading-line]\nmax-words = 0\n", ("heading-line", "max-words"), 2),
    ("[data.segmentation.abbreviations]\n\nbefore-title = ['dr']\n", ("abbreviations", "before-title"), 3),
    ("[data.vocabulary]\naccept = ['fine']\n\nrejected = { thru = 'through' }\n", ("rejected",), 4),
    ("[data.us-uk.dimensions.us-uk]\npairs = [['color', 'colour'], ['grey']]\n",
     ("dimensions", "us-uk", "pairs", 1), 2),
])
def test_a_bad_pack_names_its_file_key_path_and_line(tmp_path: Path, body: str, key: tuple[str | int, ...],
                                                      line: int) -> None:
    from editlint.rules import Registry

    pack = tmp_path / "house.toml"
    pack.write_text(body, encoding="utf-8")
    with pytest.raises(DataFileError) as err:
        Registry.default([pack])
    name = body.split("]")[0].split(".")[1]
    assert err.value.path == str(pack) and err.value.line == line
    assert err.value.key[:len(key) + 2] == ("data", name, *key)


class _Greetings(DataModel):
    words: list[str] = Field(default_factory=list)


class _Index:
    """A built data object with a memo of its own, as a check would keep one."""

    built = 0

    def __init__(self, words: frozenset[str]) -> None:
        _Index.built += 1
        self.words = words
        self.memo: dict[str, bool] = {}

    def knows(self, word: str) -> bool:
        if word not in self.memo:
            self.memo[word] = word.casefold() in self.words
        return self.memo[word]


def _build_index(data: _Greetings, source: object) -> _Index:
    return _Index(frozenset(w.casefold() for w in data.words))


def test_a_declared_build_is_what_ctx_data_returns_once_per_registry(tmp_path: Path) -> None:
    """A plug-in declares data nothing ships (model + build); each registry builds its own object from
    its packs' extensions, once; caches on it are not shared between registries."""
    import types

    from editlint.api import DataSchema
    from editlint.rules import Registry

    module = types.ModuleType("greetings_plugin")
    module.GREETINGS = DataSchema("greetings", _Greetings, _build_index)  # type: ignore[attr-defined]
    pack = tmp_path / "house.toml"
    pack.write_text("[data.greetings]\nwords = ['Howdy']\n", encoding="utf-8")
    plain, housed = Registry(), Registry()
    for reg in (plain, housed):
        reg.add_module(module)
    housed.load_packs([pack])
    before = _Index.built
    index = housed.data("greetings")
    assert isinstance(index, _Index) and index.knows("howdy") and housed.data("greetings") is index
    assert not plain.data("greetings").knows("howdy")
    assert index.memo == {"howdy": True} and plain.data("greetings").memo == {"howdy": False}
    assert _Index.built == before + 2


def test_a_build_reads_other_data_and_files_through_its_source(tmp_path: Path) -> None:
    """``source.data`` and ``source.read_text`` reach the same registry's data and the data folder."""
    import types

    from editlint.api import DataSchema, DataSource
    from editlint.rules import Registry

    (tmp_path / "extra.txt").write_text("hello\n", encoding="utf-8")
    (tmp_path / "greetings.toml").write_text("words = ['hi']\n", encoding="utf-8")

    def both(data: object, source: DataSource) -> tuple[str, ...]:
        return (*source.data("greetings").words, source.read_text("extra.txt").strip())

    module = types.ModuleType("greetings_plugin")
    module.GREETINGS = DataSchema("greetings", _Greetings)  # type: ignore[attr-defined]
    module.BOTH = DataSchema("both", None, both)  # type: ignore[attr-defined]
    reg = Registry(data_root=tmp_path)
    reg.add_module(module)
    assert reg.data("both") == ("hi", "hello")
    with pytest.raises(ConfigError, match="cannot be read"):
        reg.data_store.read_text("missing.txt")


def test_a_pack_extending_unknown_data_is_an_error(tmp_path: Path) -> None:
    """``[data.NAME]`` for data nothing ships or declares would be read by nothing: an error at its line."""
    from editlint.rules import Registry

    pack = tmp_path / "house.toml"
    pack.write_text('[pack]\nname = "house"\n\n[data.vocabulry]\naccept = ["snugglepod"]\n', encoding="utf-8")
    with pytest.raises(DataFileError, match="did you mean 'vocabulary'") as err:
        Registry.default([pack])
    assert err.value.path == str(pack) and err.value.key == ("data", "vocabulry") and err.value.line == 4
