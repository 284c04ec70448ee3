"""Cold-start data loading (issue 15): lazily compiled lexicon terms, one alternation of disclaimer wordings,
TOML parsed once per text, pack key lines scanned only for errors, a faster spelling dictionary load.
Each shortcut must give the same answers as the work it saves, and a changed file must be read afresh."""

from __future__ import annotations

import gzip
import re
from pathlib import Path

import pytest
from helpers import FreshFacts
from hypothesis import given, settings
from hypothesis import strategies as st

from editlint import datafile
from editlint.checks import disclaimer as d
from editlint.checks import spelling
from editlint.datafile import KeyLines, key_lines, parse_toml
from editlint.errors import ConfigError
from editlint.rules import Registry, rules_dir


def _fresh(*packs: Path) -> Registry:
    """A registry built now (``Registry.default`` keeps one per pack list for the process)."""
    reg = Registry()
    reg.discover_check_modules()
    reg.load_packs(sorted(rules_dir().glob("*.toml")))
    reg.load_packs(packs)
    reg.finish()
    return reg


# -- lexicon terms ---------------------------------------------------------------------------------------
def test_lexicon_matchers_compile_on_first_use_to_the_eager_patterns() -> None:
    raw = _fresh().data_store.validated("health-lexicon")
    lex = d.build_health(raw, None).lexicon  # type: ignore[arg-type]  # the build reads no other data
    symptom = lex.kinds["symptom"]
    assert not symptom._compiled  # nothing compiled before a sentence asks
    d._evidence_keys("Her toddler had a fever and a rash all week.", "", lex,
                     d.build_health(raw, None).voice)  # type: ignore[arg-type]
    assert 0 < len(symptom._compiled) < len(symptom.matchers)
    for name, kind in lex.kinds.items():
        table = raw.kinds[name]
        terms = [*table.terms, *table.contextual]
        for i, (key, source) in enumerate(kind.matchers):
            compiled = kind.pattern(i)
            assert compiled is kind.pattern(i) and compiled.flags & re.IGNORECASE
            if i < len(terms):
                assert key == terms[i].casefold() and compiled.pattern == d.term_pattern(terms[i]).pattern
            else:
                assert compiled.pattern == source


@pytest.mark.parametrize("text", [
    "Give the infant paracetamol every six hours if the fever stays high.",
    "A runny nose and a cough in a preschooler usually clear within ten days; see the GP if it lasts.",
    "Most babies roll over by six months, and an allergist can test for an egg allergy.",
])
def test_lazy_matchers_find_the_evidence_eager_ones_find(text: str) -> None:
    """A lexicon whose matchers compile on first use and one with all of them compiled up front agree."""
    lazy, eager = _fresh().data("health-lexicon"), _fresh().data("health-lexicon")
    for kind in eager.lexicon.kinds.values():
        for i in range(len(kind.matchers)):
            kind.pattern(i)
    found = d._evidence_keys(text, text, lazy.lexicon, lazy.voice)
    assert found and found == d._evidence_keys(text, text, eager.lexicon, eager.voice)


# -- alternations of terms -------------------------------------------------------------------------------
def _alt_one_by_one(terms: list[str], plural: bool) -> str:
    """How ``_alt`` wrote an alternation before boundaries were shared: every term's whole pattern."""
    out = []
    for t in sorted(set(terms), key=lambda w: (-len(w), w)):  # the order _alt gives ties (fixed each run)
        p = d.term_regex(t)
        if not plural:
            p = p.replace(r"(?:s|es)?(?![\w-])", r"(?![\w-])")
        out.append(f"(?-i:{p})" if t.isupper() else p)
    return "|".join(out) or r"(?!x)x"


_TERM = st.text("abGP'-. 1", min_size=1, max_size=7)


@settings(max_examples=300, deadline=None)
@given(terms=st.lists(_TERM, max_size=8), plural=st.booleans(),
       text=st.lists(st.sampled_from(["ab", "abs", "abes", "GP", "gp", "a-b", "a b", "a'b", "a’b", "P.",
                                      "1", " ", ", ", "-", "b1", "xab", "GPs"]), max_size=12).map("".join))
def test_shared_boundaries_match_what_whole_patterns_did(terms: list[str], plural: bool, text: str) -> None:
    """Every match (place and text), as before, of alternations with shared boundaries, on texts made of
    the terms' own pieces; the ordered lists of terms a lexicon compiles are checked the same way."""
    shared, whole = re.compile(d._alt(terms, plural), re.I), re.compile(_alt_one_by_one(terms, plural), re.I)
    assert [m.span() for m in shared.finditer(text)] == [m.span() for m in whole.finditer(text)]
    ordered = re.compile(d._term_alternation(terms), re.I)
    one_by_one = re.compile("|".join(d.term_regex(t) for t in terms) or r"(?!x)x", re.I)
    assert [m.span() for m in ordered.finditer(text)] == [m.span() for m in one_by_one.finditer(text)]


def test_the_shipped_constructions_match_as_before() -> None:
    """The disclaimer constructions built with shared boundaries find the same spans and groups as built
    from whole term patterns, on sentences of several topics."""
    raw = _fresh().data_store.validated("disclaimers").constructions
    shared = d._constructions(raw)
    real = d._alt
    try:
        d._alt = _alt_one_by_one  # type: ignore[assignment]
        whole = d._constructions(raw)
    finally:
        d._alt = real
    sentences = [
        "This page is general information and is not a substitute for advice from your child's doctor.",
        "We are parents, not nurses or doctors; always ask your GP or health visitor.",
        "Nothing here replaces a visit to the paediatrician, so call the clinic if the fever lasts.",
        "Our guide can never diagnose a rash: see a pharmacist or your own dentist first.",
        "The swimming coach is not a replacement for a lifeguard at the pool.",
    ]
    for name in ("subject", "self_ref", "nothing", "denial", "relation", "auxiliary", "clinical", "author",
                 "identity", "deferral", "framing"):
        a, b = getattr(shared, name), getattr(whole, name)
        assert len(a.pattern) < len(b.pattern) or a.pattern == b.pattern
        for s in sentences:
            found = [(m.span(), m.groups()) for m in a.finditer(s)]
            assert found == [(m.span(), m.groups()) for m in b.finditer(s)]


# -- disclaimer wordings ---------------------------------------------------------------------------------
def test_one_alternation_of_wordings_answers_as_every_wording_did() -> None:
    words = _fresh().data("disclaimers")
    phrases = words.data.phrases
    assert phrases and words.data.wording.flags & re.IGNORECASE
    one_by_one = [d.term_pattern(p) for p in phrases]
    sentences = [f"Please remember: {p}." for p in phrases] + [
        "Toddlers who climb out of the cot may be ready for a low bed.",
        "Swimming lessons can start once a baby holds their head up well.",
        "Talk to the pharmacist at the counter.",
    ]
    for s in sentences:
        assert bool(words.data.wording.search(s)) == any(p.search(s) for p in one_by_one)


def test_a_pattern_broken_by_the_professionals_list_is_named(tmp_path: Path) -> None:
    """Each constructions pattern is compiled on its own only when the whole does not compile; the error
    still names the pattern that the filled-in professionals made invalid."""
    pack = tmp_path / "house.toml"
    pack.write_text('[data.disclaimers.constructions]\n'
                    'relation-patterns = ["(?<=ask a {professional}) first"]\n', encoding="utf-8")
    reg = _fresh(pack)
    with pytest.raises(ConfigError, match=r"constructions\.relation-patterns"):
        reg.data("disclaimers")


# -- TOML, parsed once per text --------------------------------------------------------------------------
def test_each_caller_gets_its_own_copy_of_a_parsed_text() -> None:
    text = '[a]\nwords = ["cot", "crib"]\nlimit = 3\nratio = 0.5\n[a.inner]\nflag = true\n'
    first = parse_toml(text)
    first["a"]["words"].append("bassinet")
    second = parse_toml(text)
    assert second == {"a": {"words": ["cot", "crib"], "limit": 3, "ratio": 0.5, "inner": {"flag": True}}}
    assert second is not parse_toml(text)


def test_dates_are_parsed_as_tomllib_parses_them() -> None:
    text = "reviewed = 2024-05-01\nat = 07:30:00\n"
    assert parse_toml(text) == parse_toml(text)
    assert str(parse_toml(text)["reviewed"]) == "2024-05-01"


def test_a_changed_pack_is_read_afresh(tmp_path: Path) -> None:
    """Parses are kept by the text itself: a pack edited between two registries is seen as edited."""
    pack = tmp_path / "house.toml"
    pack.write_text('[data.disclaimers]\nphrases = ["not a stand-in for the clinic nurse"]\n')
    first = _fresh(pack).data("disclaimers")
    assert first.is_disclaimer_text("This page is not a stand-in for the clinic nurse.")
    pack.write_text('[data.disclaimers]\nphrases = ["no replacement for the family dentist"]\n')
    words = _fresh(pack).data("disclaimers")
    assert words.is_disclaimer_text("These tips are no replacement for the family dentist.")
    assert "not a stand-in for the clinic nurse" not in words.data.phrases


def test_invalid_toml_is_still_an_error_naming_the_file(tmp_path: Path) -> None:
    pack = tmp_path / "broken.toml"
    pack.write_text("[data.disclaimers\nphrases = 1\n", encoding="utf-8")
    with pytest.raises(ConfigError) as exc:
        _fresh(pack)
    assert exc.value.path is not None and exc.value.path.endswith("broken.toml")


# -- key lines -------------------------------------------------------------------------------------------
def test_a_valid_pack_is_never_scanned_for_lines(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pack = tmp_path / "house.toml"
    pack.write_text('[rules.EL601]\nphrases = ["leave a reply below"]\n', encoding="utf-8")

    def scanned(text: str) -> dict[datafile.KeyPath, int]:
        raise AssertionError("key lines scanned for a valid pack")

    monkeypatch.setattr(datafile, "key_lines", scanned)
    assert "leave a reply below" in _fresh(pack).get("EL601").options["phrases"]


def test_key_lines_read_late_are_the_same_lines() -> None:
    text = '[a]\nx = 1\n\n[[b]]\ny = "two"\n[[b]]\ny = "three"\n'
    lazy = KeyLines(text)
    assert dict(lazy) == key_lines(text) and lazy[("b", 1, "y")] == 7 and len(lazy) == len(key_lines(text))


def test_a_bad_option_in_a_pack_still_names_its_line(tmp_path: Path) -> None:
    pack = tmp_path / "house.toml"
    pack.write_text('# house rules\n\n[rules.EL601]\nphrases = "one phrase"\n', encoding="utf-8")
    with pytest.raises(ConfigError) as exc:
        _fresh(pack)
    assert "line 4" in str(exc.value) or getattr(exc.value, "line", 0) == 4


# -- the spelling dictionary -----------------------------------------------------------------------------
def _word_list_line_by_line(text: str) -> frozenset[str]:
    """How a word list was read before its fast path: the reference it must agree with."""
    words = (line.strip() for line in text.splitlines())
    return frozenset(w if w.isascii() and w.islower() else spelling._normalise(w)
                     for w in words if w and not w.startswith("#"))


_LIST_CHARS = "abcz-'#Q \t\n\n\n\r\x0c\x1cé’\u2028\u00ad09"


@settings(max_examples=400, deadline=None)
@given(header=st.lists(st.text(_LIST_CHARS, max_size=12).map(lambda t: "#" + t), max_size=3),
       words=st.lists(st.text(_LIST_CHARS, max_size=10), max_size=12))
def test_a_word_list_reads_as_it_does_line_by_line(header: list[str], words: list[str]) -> None:
    text = "\n".join([*header, *words])
    assert spelling.word_list(text) == _word_list_line_by_line(text)


@settings(max_examples=200, deadline=None)
@given(header=st.lists(st.text("aZ #:\t", max_size=8).map(lambda t: "#" + t), max_size=2),
       words=st.lists(st.text("abz-'09", max_size=8), max_size=12),
       odd=st.sampled_from(["", " ", "\t", "\r", "#", "Q", "é", "\x1c", "\n\n"]), at=st.integers(0, 40))
def test_a_lower_case_word_list_reads_as_line_by_line(header: list[str], words: list[str], odd: str,
                                                       at: int) -> None:
    """Mostly the fast path's shape (lower-case ASCII, one word a line), sometimes one odd character."""
    body = "\n".join(words)
    text = "\n".join([*header, body[:at] + odd + body[at:]])
    assert spelling.word_list(text) == _word_list_line_by_line(text)


@pytest.mark.parametrize("text", [
    "# generated\n# licence: see LICENCE\ncolic\nteether\n",  # the fast path
    "# header\n\ncolic\n\nswaddle\n", "colic\nTeether\n", "# c\rcolic\n", "colic \nwean\n",
    "# c\n  # indented\ncolic\n", "", "#only\n",
])
def test_word_lists_of_every_shape(text: str) -> None:
    assert spelling.word_list(text) == _word_list_line_by_line(text)


def test_the_shipped_word_lists_read_as_line_by_line() -> None:
    for path in sorted((rules_dir() / "data" / "vocabulary").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        assert spelling.word_list(text) == _word_list_line_by_line(text)

def test_the_fast_dictionary_load_is_the_librarys_dictionary() -> None:
    from spellchecker import SpellChecker

    fast, library = spelling.load_checker(), SpellChecker(language="en", distance=2)
    a, b = fast.word_frequency, library.word_frequency
    assert dict(a.dictionary) == dict(b.dictionary)
    assert (a.letters, a.total_words, a.unique_words, a.longest_word_length, fast.distance) == \
        (b.letters, b.total_words, b.unique_words, b.longest_word_length, library.distance)
    for word in ("tommorow", "nappys", "paediatrician", "swadle"):
        assert fast.known(fast.edit_distance_1(word)) == library.known(library.edit_distance_1(word))


def test_a_dictionary_not_in_lower_case_is_loaded_the_librarys_way(monkeypatch: pytest.MonkeyPatch) -> None:
    mixed = gzip.compress(b'{"Crib": 7, "cot": 2}')
    monkeypatch.setattr("editlint.checks.spelling.pkgutil.get_data", lambda *a: mixed)
    checker = spelling.load_checker()
    assert dict(checker.word_frequency.dictionary) == {"crib": 7, "cot": 2}  # lower-cased by the library


# -- the garbage collector -------------------------------------------------------------------------------
# These read the session's one fresh interpreter (helpers.fresh_process): its CLI steps (--version, rules,
# a one-file check) run before its first pipeline load, which is its own step.
def test_a_command_line_run_freezes_the_heap_at_exit(fresh: FreshFacts) -> None:
    """The CLI has ``gc.freeze`` run at exit (before the interpreter's last collections), not during the
    run: every ``main`` call registers it (once: unregistered first), nothing is frozen after the calls, and
    at exit, before the handler the probe registered first (so it runs last), more of the heap is frozen
    than at the end of the script."""
    assert fresh["cli"] == {"freeze-registrations": fresh["cli"]["calls"], "calls": 3, "freeze-count": 0}
    assert fresh["exit"]["freeze-count"] > fresh["exit"]["freeze-count-at-end"]


def test_loading_a_pipeline_runs_no_collection_and_freezes_what_is_alive(fresh: FreshFacts) -> None:
    """No cyclic collection while spaCy is imported and the pipeline loaded (about 45 without the pause; a
    few young ones may come in the setup after it), the host's thresholds restored after, and what was
    loaded out of later collections' way."""
    step = fresh["pipeline"]
    assert "error" not in step, step["error"]
    loaded = step["value"]
    assert loaded["frozen-before"] == 0 and loaded["frozen-after"] > 0
    assert loaded["collections"] < 10 and loaded["threshold"] == [500, 7, 9]
    assert "ROOT" in loaded["parsed"]


def test_one_file_is_linted_without_importing_multiprocessing(fresh: FreshFacts) -> None:
    """One file (or one job) is linted in this process: the pool's modules are not even imported (the
    probe runs without EDITLINT_JOBS: the CLI picks its job count as for a user)."""
    step = fresh["structure"]
    assert "error" not in step and step["value"] == 0
    assert {"multiprocessing", "concurrent.futures.process"}.isdisjoint(step["modules"])


def test_disclaimer_verdicts_are_kept_bounded_and_answer_as_the_check() -> None:
    words = _fresh().data("disclaimers")
    sentences = ["This page is general information and does not replace your doctor.",
                 "Offer water in an open cup.", "It can never diagnose your child."]
    first = [words.is_disclaimer_text(s, (), "This page explains feeding.") for s in sentences]
    assert first == [words._is_disclaimer_text(s, (), "This page explains feeding.") for s in sentences]
    assert first == [True, False, True]
    for n in range(d.VERDICTS_KEPT + 10):
        words.is_disclaimer_text(f"Sentence number {n} about naps.")
    assert len(words._verdicts) == d.VERDICTS_KEPT
