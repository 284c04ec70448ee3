"""The data cache (editlint.datacache): derived data kept between runs is keyed by what it is computed
from, so a changed input is built afresh; a damaged entry is rebuilt; turned off, nothing is written. And
what the users of it get from the cache is what they would have built."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

import pytest
import tomllib

from editlint import datacache
from editlint.datafile import _PARSED, parse_toml


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "data"
    monkeypatch.setenv(datacache.ENV, str(folder))
    return folder


def _counting(value: Any) -> tuple[list[int], Any]:
    calls: list[int] = []

    def build() -> Any:
        calls.append(1)
        return value
    return calls, build


def test_an_entry_is_built_once_and_read_back_equal(cache: Path) -> None:
    calls, build = _counting({"lettuce": [1, 2.5, True], "sow": ("rows", frozenset({"a"}))})
    first = datacache.cached("demo", [b"seed packet v1"], build, lambda v: isinstance(v, dict))
    again = datacache.cached("demo", [b"seed packet v1"], build, lambda v: isinstance(v, dict))
    assert again == first and len(calls) == 1
    assert type(again["lettuce"][2]) is bool and isinstance(again["sow"], tuple)
    assert len(list((cache / "demo").glob("*.bin"))) == 1


def test_a_changed_input_is_a_new_key_and_is_built_afresh(cache: Path) -> None:
    old_calls, old = _counting({"tides": 2})
    new_calls, new = _counting({"tides": 4})
    assert datacache.cached("demo", ["harbour.toml v1"], old, bool) == {"tides": 2}
    assert datacache.cached("demo", ["harbour.toml v2"], new, bool) == {"tides": 4}
    assert len(old_calls) == len(new_calls) == 1
    # inputs are length-prefixed: the same bytes split differently are other inputs
    assert datacache.key("demo", ["ab", "c"]) != datacache.key("demo", ["a", "bc"])
    assert datacache.key("demo", ["ab"]) != datacache.key("other", ["ab"])


def test_a_damaged_or_misshapen_entry_is_rebuilt(cache: Path) -> None:
    calls, build = _counting({"kiln": 1200})
    datacache.cached("demo", [b"pottery"], build, bool)
    (entry,) = (cache / "demo").glob("*.bin")
    raw = entry.read_bytes()
    entry.write_bytes(raw[:-3] + b"xyz")  # the digest no longer matches
    assert datacache.cached("demo", [b"pottery"], build, bool) == {"kiln": 1200} and len(calls) == 2
    entry.write_bytes(b"not an entry")
    assert datacache.cached("demo", [b"pottery"], build, bool) == {"kiln": 1200} and len(calls) == 3
    assert datacache.cached("demo", [b"pottery"], build, lambda v: isinstance(v, list)) == {"kiln": 1200}
    assert len(calls) == 4  # readable, but not of the shape asked for


def test_turned_off_nothing_is_written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(datacache.ENV, "off")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    calls, build = _counting([1, 2])
    assert datacache.folder() is None
    datacache.cached("demo", [b"x"], build, bool)
    datacache.cached("demo", [b"x"], build, bool)
    assert len(calls) == 2 and not any(tmp_path.iterdir())


def test_an_unwritable_folder_or_unmarshallable_value_never_fails(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("a file where the folder would be")
    monkeypatch.setenv(datacache.ENV, str(blocker / "data"))
    assert datacache.cached("demo", [b"x"], lambda: {"a": 1}, bool) == {"a": 1}
    monkeypatch.setenv(datacache.ENV, str(tmp_path / "ok"))
    odd = {"when": object()}
    assert datacache.cached("demo", [b"y"], lambda: odd, bool) is odd
    assert not list((tmp_path / "ok").rglob("*.bin"))


def test_each_kind_keeps_a_bounded_number_of_entries(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(datacache, "MAX_ENTRIES", 3)
    for n in range(6):
        datacache.cached("demo", [str(n)], _counting(n)[1], lambda v: isinstance(v, int))
    assert len(list((cache / "demo").glob("*.bin"))) == 3


def test_a_toml_text_parsed_from_the_cache_equals_tomllib(cache: Path) -> None:
    text = ('title = "Orchard pests"\n[[pest]]\nname = "codling moth"\nweeks = [3, 4]\n'
            'ratio = 0.5\nok = true\n')
    _PARSED.clear()
    first = parse_toml(text)
    _PARSED.clear()  # a new process: only the data cache has it
    again = parse_toml(text)
    assert first == again == tomllib.loads(text)
    assert list((cache / "toml").glob("*.bin"))
    edited = text.replace("codling moth", "aphid")
    _PARSED.clear()
    assert parse_toml(edited)["pest"][0]["name"] == "aphid"  # an edited pack is parsed afresh
    dated = "planted = 2024-03-01\n"
    _PARSED.clear()
    assert parse_toml(dated) == tomllib.loads(dated)  # a date: not kept, parsed every time


def test_the_speller_from_the_cache_has_the_library_s_own_totals(cache: Path) -> None:
    pytest.importorskip("spellchecker")
    from spellchecker import SpellChecker

    from editlint.checks.spelling import load_checker

    built, read_back = load_checker(), load_checker()  # the second from the cache
    library = SpellChecker(language="en", distance=2)  # the library's own load, once (about 0.5 s)
    own = library.word_frequency
    for checker in (built, read_back):
        freq = checker.word_frequency
        assert freq.dictionary == own.dictionary
        assert (freq.longest_word_length, freq.total_words, freq.unique_words, freq.letters) == (
            own.longest_word_length, own.total_words, own.unique_words, own.letters)
    library.distance = 1
    assert read_back.candidates("recieve") == library.candidates("recieve")


def test_hyphenation_patterns_from_the_cache_hyphenate_as_pyphen_does(
        cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pyphen = pytest.importorskip("pyphen")
    from editlint.syllables import hyphenator

    monkeypatch.setattr(pyphen, "hdcache", {})
    hyphenator(lang="en_US")  # parses the file and keeps the patterns
    monkeypatch.setattr(pyphen, "hdcache", {})
    cached = hyphenator(lang="en_US")  # from the cache
    own = pyphen.Pyphen(lang="en_US", cache=False)
    assert cached.hd is not own.hd and cached.hd.patterns == own.hd.patterns
    for word in ("unbelievable", "photosynthesis", "carpentry", "xylophonist", "a", ""):
        assert cached.positions(word) == own.positions(word)


def test_an_edited_builder_module_is_a_new_key(cache: Path, tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib
    import sys

    source = tmp_path / "builders_demo.py"
    source.write_text("def build():\n    return {'rows': 3}\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    module = importlib.import_module("builders_demo")
    assert datacache.cached("demo", [b"beds"], module.build, bool) == {"rows": 3}
    source.write_text("def build():\n    return {'rows': 4}  # edited, same version of editlint\n")
    datacache._file_digest.cache_clear()  # a new process reads the file afresh
    del sys.modules["builders_demo"]
    module = importlib.import_module("builders_demo")
    assert datacache.cached("demo", [b"beds"], module.build, bool) == {"rows": 4}


def test_a_memo_answers_from_earlier_runs_and_stays_bounded(cache: Path) -> None:
    calls: list[str] = []

    def answer(word: str) -> Any:
        calls.append(word)
        return (len(word), frozenset(word))

    version: list[bytes | str] = ["rules v1"]
    first = datacache.Memo("memo-demo", lambda: version, max_entries=3)
    assert first.get("tulip", lambda: answer("tulip")) == (5, frozenset("tulip"))
    assert first.get("tulip", lambda: answer("tulip")) == (5, frozenset("tulip"))
    first.get("iris", lambda: answer("iris"))
    first.save()
    assert calls == ["tulip", "iris"]
    again = datacache.Memo("memo-demo", lambda: version, max_entries=3)  # a later run
    assert again.get("iris", lambda: answer("iris")) == (4, frozenset("iris")) and calls == ["tulip", "iris"]
    again.get("rose", lambda: answer("rose"))
    again.get("aster", lambda: answer("aster"))
    again.save()
    kept = datacache.Memo("memo-demo", lambda: version, max_entries=3)
    assert kept.get("aster", lambda: answer("never")) == (5, frozenset("aster"))  # used by that run: kept
    assert kept.get("tulip", lambda: answer("tulip")) and calls[-1] == "tulip"  # not used then: dropped
    version[0] = "rules v2"  # what the answers depend on changed: nothing is reused
    fresh = datacache.Memo("memo-demo", lambda: version)
    fresh.get("iris", lambda: answer("iris"))
    assert calls[-1] == "iris"


def test_a_gate_from_kept_answers_is_the_gate_computed(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import re

    from editlint import regexgate

    monkeypatch.setattr(regexgate, "ANALYSES", datacache.Memo("regex-gates", regexgate._analysis_inputs))
    patterns = [re.compile(r"(?<![\w-])(?:fever|high temperature)s?(?![\w-])", re.I),
                re.compile(r"\bleave a (?:comment|reply)\b"), re.compile("[\u00c3\u00c2][\u0080-\u00bf]"),
                re.compile(r"\d+ (?:weeks?|months?)")]
    built = [regexgate.Gate(p) for p in patterns]
    regexgate.ANALYSES.save()
    monkeypatch.setattr(regexgate, "ANALYSES", datacache.Memo("regex-gates", regexgate._analysis_inputs))
    read = [regexgate.Gate(p) for p in patterns]
    assert regexgate.ANALYSES._new == 0  # every answer came from the kept entry
    for a, b, p in zip(built, read, patterns, strict=True):
        assert (a.literals, a.non_ascii) == (b.literals, b.non_ascii) == regexgate.analyse(p)
    assert read[0].literals and not read[0].open("the rash spread") and read[0].open("a high fever")
    assert read[2].non_ascii and not read[2].open("plain ascii")


def test_a_memo_in_a_long_lived_process_stays_bounded(cache: Path) -> None:
    memo = datacache.Memo("memo-bound", lambda: ["v1"], max_entries=2)
    squares = [memo.get(n, functools.partial(pow, n, 2)) for n in range(10)]
    assert squares == [n * n for n in range(10)]
    assert memo._known is not None and len(memo._known) == 4
