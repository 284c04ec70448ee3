"""A publisher's house pack, with no Python: ``[tool.editlint] packs = ["house-style/"]``.

The pack adds a milestone pair (two concepts and their usual order in the claims ontology, data
``ontology``), a disclaimer wording (data file ``disclaimers``), a template phrase (EL601's ``phrases``
option), a vocabulary word (data file ``vocabulary``); lists extend unless a pack replaces one
explicitly; a broken pack fails naming file, key path and line.
The generic ``[data.NAME]`` layering is also shown on a data file this test ships itself.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

import editlint
from editlint import ConfigError, Registry
from editlint.config import clear_caches
from editlint.datafile import DataFileError

ARTICLE = """# Cooling a feverish toddler

Give plenty of fluids and dress your toddler in light layers. Call the doctor if the fever lasts more than
three days or your child seems very drowsy.

A zippered snugglepod keeps the bedding light.

Treat this page as a starting point for a talk with your own health team.

Rate this tip from one to five stars

Most toddlers learn to float on their back before they learn to blow bubbles.
"""

HOUSE = {
    "disclaimer.toml": ('[data.disclaimers]\n'
                        'phrases = ["a starting point for a talk with your own health team"]\n'),
    "structure.toml": ('# our CMS leaves its rating widget behind\n'
                       '[rules.EL601]\nphrases = ["rate this tip"]\n'),
    "vocabulary.toml": '[data.vocabulary]\naccept = ["snugglepod", "snugglepods"]\n',
    "milestones.toml": ('[data.ontology.sources]\nswim = "Our swim school\'s teaching sequence"\n\n'
                        '[[data.ontology.concept]]\nid = "blow-bubbles"\nlabel = "blowing bubbles"\n'
                        'synonyms = ["blow bubbles"]\n\n'
                        '[[data.ontology.concept]]\nid = "back-float"\nlabel = "floating on the back"\n'
                        'synonyms = ["float on back"]\n\n'
                        '[[data.ontology.relation]]\nbefore = "blow-bubbles"\nafter = "back-float"\n'
                        'source = "swim"\n'),
}


@pytest.fixture(autouse=True)
def _fresh() -> Iterator[None]:
    # Registries are cached by their pack paths, each test's own tmp_path: none leaks into another test,
    # and the shipped one is not rebuilt with its data for every test (about 1 s CPU each time).
    clear_caches()
    yield
    with Registry.default().active():  # the check modules' caches hold shipped data again for later tests
        pass


def _project(tmp_path: Path, packs: str, files: dict[str, str]) -> Path:
    tmp_path.mkdir(parents=True, exist_ok=True)
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "site"\n\n[tool.editlint]\nselect = ["EL304", "EL401", "EL501", "EL601"]\n'
        f'{packs}\n')
    (tmp_path / "house-style").mkdir()
    for name, text in files.items():
        (tmp_path / "house-style" / name).write_text(text)
    article = tmp_path / "articles" / "fever.md"
    article.parent.mkdir()
    article.write_text(ARTICLE)
    return article


def _findings(article: Path) -> list[tuple[str, int]]:
    report = editlint.lint_paths([article])
    (file,) = report.files
    assert file.error is None, file.error
    return sorted((f.rule, f.line) for f in file.findings)


def test_house_pack_takes_effect_without_python(tmp_path: Path) -> None:
    plain = _findings(_project(tmp_path / "a", "", HOUSE))
    assert plain == [("EL401", 1), ("EL501", 6)]
    housed = _findings(_project(tmp_path / "b", 'packs = ["house-style/"]', HOUSE))
    assert housed == [("EL304", 12), ("EL601", 10)]  # the pair's order; the disclaimer; the word
    # the shipped data is unchanged for a project without the pack, in the same process
    assert _findings(_project(tmp_path / "c", "", HOUSE)) == plain


def test_pack_lists_extend_and_replace_is_explicit(tmp_path: Path) -> None:
    files = {"structure.toml": '[rules.EL601]\nphrases = ["rate this tip"]\n'}
    reg = Registry.default([_project(tmp_path / "a", "", files).parent.parent / "house-style"])
    phrases = reg.rules["EL601"].options["phrases"]
    assert "rate this tip" in phrases and len(phrases) > 1
    files = {"structure.toml": '[rules.EL601]\nreplace-phrases = ["rate this tip"]\n'}
    reg = Registry.default([_project(tmp_path / "b", "", files).parent.parent / "house-style"])
    assert reg.rules["EL601"].options["phrases"] == ["rate this tip"]


def test_a_data_list_extends_and_replace_is_explicit(tmp_path: Path) -> None:
    """``[data.NAME]`` lists extend the shipped list; ``replace-KEY`` replaces it, seen through ctx.data."""
    wording = "a starting point for a talk with your own health team"
    for folder, body, kept in (("a", f'[data.disclaimers]\nphrases = ["{wording}"]\n', True),
                               ("b", f'[data.disclaimers]\nreplace-phrases = ["{wording}"]\n', False)):
        article = _project(tmp_path / folder, "", {"disclaimer.toml": body})
        words = Registry.default([article.parent.parent / "house-style"]).data("disclaimers")
        assert words.is_disclaimer_text(f"Read this as {wording}.")
        assert (len(words.data.phrases) > 1) is kept  # replaced: the house wording is the only phrase


@pytest.mark.parametrize("body, key, line", [
    ('\n\n[rules.EL601]\nphrases = ["ok"]\nphrasess = ["typo"]\n', "rules.EL601.phrasess", 5),
    ('[rules.EL601]\nphrases = "not a list"\n', "rules.EL601.phrases", 2),
    ('[[rule]]\ncode = "EL690"\nname = "house"\ncategory = "style"\nseverity = "info"\n'
     'check = "phrase-list"\nsummary = "s"\n[rule.docs]\nwhat = "w"\nwhy = "w"\nfail = "f"\npass = "p"\n'
     '[rule.options]\n'
     'phrases = ["a"]\n\n[[rule]]\ncode = "EL691"\nseverity = "fatal"\n', "rule[1].severity", 18),
    ('[data.audiences.audience.house]\nmax-grade = 7\nmin-ease = 65\nsentence-info-words = 20\n'
     'sentence-warning-words = "thirty"\n', "data.audiences.audience.house.sentence-warning-words", 5),
    ('[[oder]]\ncode = "EL690"\n', "oder", 1),
    ('[pack]\nname = "house"\n\n[data.vocabulary]\n\naccept = [\n  "fine",\n  7,\n]\n',
     "data.vocabulary.accept[1]", 8),
])
def test_broken_pack_names_file_key_path_and_line(tmp_path: Path, body: str, key: str, line: int) -> None:
    article = _project(tmp_path, 'packs = ["house-style/"]', {"house.toml": body})
    with pytest.raises(ConfigError) as exc:
        Registry.default([article.parent.parent / "house-style"])
    message = str(exc.value)
    assert editlint.lint_paths([article]).files[0].error == message
    assert str(tmp_path / "house-style" / "house.toml") in message
    assert f"line {line}: {key}" in message


def test_missing_pack_names_configuration_file_and_key(tmp_path: Path) -> None:
    article = _project(tmp_path, '\npacks = ["house-style/", "brand.toml"]', {})
    report = editlint.lint_paths([article])
    error = report.files[0].error or ""
    assert str(tmp_path / "pyproject.toml") in error and "tool.editlint.packs[1]" in error
    assert "line 7:" in error and "brand.toml" in error


def test_data_layers_on_a_data_file_of_our_own(tmp_path: Path) -> None:
    """[data.NAME] extends a shipped data file: arrays of tables append, tables merge, lists extend."""
    shipped = tmp_path / "data"
    shipped.mkdir()
    (shipped / "stages.toml").write_text(
        'title = "Stages"\nlabels = ["first"]\n[limits]\nlow = 1\nhigh = 4\n'
        '[[stage]]\nname = "rolling"\nmonths = [4, 6]\n')
    pack = tmp_path / "house.toml"
    pack.write_text('[data.stages]\nlabels = ["second"]\n[data.stages.limits]\nhigh = 5\n'
                    '[[data.stages.stage]]\nname = "cruising"\nmonths = [9, 12]\n')
    reg = Registry(data_root=shipped)
    reg.load_packs([pack])
    data = reg.data("stages")
    assert data["labels"] == ["first", "second"] and data["limits"] == {"low": 1, "high": 5}
    assert [s["name"] for s in data["stage"]] == ["rolling", "cruising"] and data["title"] == "Stages"
    pack.write_text('[data.stages]\nreplace = true\nlabels = ["only"]\n')
    reg = Registry(data_root=shipped)
    reg.load_packs([pack])
    assert reg.data("stages") == {"labels": ["only"]}


def test_bad_data_extension_points_into_the_pack(tmp_path: Path) -> None:
    from editlint.datafile import DataModel

    class Stage(DataModel):
        name: str
        months: tuple[int, int]

    class Stages(DataModel):
        stage: list[Stage] = []

    shipped = tmp_path / "data"
    shipped.mkdir()
    (shipped / "stages.toml").write_text('[[stage]]\nname = "rolling"\nmonths = [4, 6]\n')
    pack = tmp_path / "house.toml"
    pack.write_text('# house stages\n\n[[data.stages.stage]]\nname = "cruising"\nmonths = [9, "twelve"]\n')
    reg = Registry(data_root=shipped)
    reg.data_store.models["stages"] = Stages
    reg.load_packs([pack])
    with pytest.raises(DataFileError) as exc:
        reg.data("stages")
    assert exc.value.path == str(pack) and exc.value.line == 5
    assert exc.value.key == ("data", "stages", "stage", 0, "months", 1)


def test_sample_house_pack(tmp_path: Path) -> None:
    """samples/house-style/ (the README's example) loads and each part takes effect."""
    sample = Path(__file__).resolve().parent.parent / "samples" / "house-style"
    cfg = {"packs": [str(sample)], "select": ["EL690", "EL601", "EL501", "EL401"],
           "audience": "early-readers"}
    text = ARTICLE + "\nAs a mommy blogger, I have tried it all.\n"
    report = editlint.lint_text(text, path="a.md", config=cfg)
    assert report.error is None, report.error
    assert sorted((f.rule, f.line) for f in report.findings) == [("EL601", 10), ("EL690", 14)]


@pytest.mark.parametrize("body, key, line", [
    ('[rules.EL601]\nphrases = [\n  "rate this tip",\n  42,\n]\n', "rules.EL601.phrases[1]", 4),
    ('[[rule]]\ncode = "EL690"\nname = "house"\ncategory = "style"\nseverity = "info"\n'
     'check = "phrase-list"\nsummary = "s"\n[rule.docs]\nwhat = "w"\nwhy = "w"\nfail = "f"\npass = "p"\n'
     '[rule.options]\nphrases = ["a", "b", 3]\n', "rule[0].options.phrases[2]", 14),
])
def test_a_list_entry_of_the_wrong_type_is_named(tmp_path: Path, body: str, key: str, line: int) -> None:
    (tmp_path / "house.toml").write_text(body)
    with pytest.raises(ConfigError) as exc:
        Registry.default([tmp_path / "house.toml"])
    assert f"house.toml: line {line}: {key}: must be a string" in str(exc.value)
