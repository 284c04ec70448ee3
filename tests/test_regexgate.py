"""Literal gates: a closed gate means the pattern cannot match (tested against re itself)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from editlint.regexgate import UNSAFE, Gate, fold, gate, needs_non_ascii, required_literals

WORDS = ["nap", "naps", "bottle", "rash", "Rash", "RASH", "toddler", "sun", "hat", "ſun", "İt", "ıt",
         "\u212aid", "kid", "it", "café", "CAFÉ", "over", "ml", "5", "10", "’s", "'s", "-", " ", "  ", "\n",
         ".", ","]


def _piece(draw: st.DrawFn, depth: int) -> str:
    kind = draw(st.integers(0, 9 if depth < 2 else 4))
    if kind <= 2:
        return re.escape(draw(st.sampled_from(WORDS)))
    if kind == 3:
        return draw(st.sampled_from([r"\s+", r"\s*", r"\b", r"\w+", r"\d+", r"[’']", r"[a-z]", r"[^x]", r".",
                                     r"(?<!\w)", r"(?!\w)", r"[é]", r"[\u0100-\u017f]"]))
    if kind == 4:
        return draw(st.sampled_from(["(?-i:Rash)", "(?i:nap)", r"[\u0130]", r"\u0131t"]))
    inner = [_seq(draw, depth + 1) for _ in range(draw(st.integers(1, 3)))]
    if kind <= 6:
        return "(?:" + "|".join(inner) + ")"
    if kind == 7:
        return "(?:" + inner[0] + ")" + draw(st.sampled_from(["?", "*", "+", "{2}", "{0,2}", "{1,3}", "+?"]))
    if kind == 8:
        return "(" + inner[0] + ")"
    return "(?>" + inner[0] + ")"


def _seq(draw: st.DrawFn, depth: int) -> str:
    return "".join(_piece(draw, depth) for _ in range(draw(st.integers(1, 4))))


@st.composite
def patterns(draw: st.DrawFn) -> re.Pattern[str]:
    flags = draw(st.sampled_from([0, re.IGNORECASE, re.IGNORECASE | re.MULTILINE]))
    return re.compile(_seq(draw, 0), flags)


texts = st.lists(st.sampled_from(WORDS), max_size=12).map("".join)


@settings(max_examples=400, deadline=None)
@given(patterns(), texts)
def test_a_closed_gate_means_no_match(pattern: re.Pattern[str], text: str) -> None:
    if not Gate(pattern).open(fold(text)):
        assert pattern.search(text) is None, (pattern.pattern, text)


@settings(max_examples=300, deadline=None)
@given(patterns())
def test_every_match_of_a_pattern_holds_one_of_its_literals(pattern: re.Pattern[str]) -> None:
    lits = required_literals(pattern)
    for text in WORDS + [" ".join(WORDS), "".join(WORDS).upper()]:
        for m in pattern.finditer(text):
            if lits is not None and fold(text) is not None and m.group():
                assert any(lit in m.group().lower() for lit in lits), (pattern.pattern, m.group())


def test_literals_read_from_the_pattern() -> None:
    assert required_literals(re.compile(r"(?<!\w)leave[\s\u00a0]+a[\s\u00a0]+comment(?!\w)", re.I)) \
        == frozenset({"comment"})
    assert required_literals(re.compile(r"\b(?:fully|quite)\s+(?:fine|normal)\b", re.I)) == frozenset(
        {"fully", "quite"})
    assert required_literals(re.compile(r"\d+\s*(?:mg|ml)\b", re.I)) == frozenset({"mg", "ml"})
    assert required_literals(re.compile(r"(?:sleep)?\s*\d+")) is None  # nothing every match needs
    assert required_literals(re.compile(r"(?:nap|\d)s")) == frozenset({"s"})


def test_a_case_insensitive_gate_opens_on_any_case_and_on_letters_re_folds() -> None:
    g = gate(re.compile(r"\bsun\s+hat\b", re.IGNORECASE))
    assert g.open(fold("Wear a SUN Hat")) and not g.open(fold("Wear a cap"))
    assert g.pattern.search("a ſun hat") and g.open(fold("a ſun hat"))  # the long s is an s to re
    assert list(g.finditer("no match here", fold("no match here"))) == []


def test_non_ascii_only_patterns_skip_ascii_text() -> None:
    g = gate(re.compile(r"[\u00c0-\u00ff][\u20ac\u2122]"))
    assert g.non_ascii and not g.open(fold("plain ASCII text")) and g.open(fold("cowâ€™s"))
    assert not needs_non_ascii(re.compile(r"[\u0130x]", re.IGNORECASE))
    assert not needs_non_ascii(re.compile(r"é?a"))


def test_unsafe_holds_every_non_ascii_character_re_matches_with_an_ascii_letter() -> None:
    others = "".join(chr(c) for c in range(128, 0x110000) if not 0xD800 <= c <= 0xDFFF)
    found = set()
    for letter in "abcdefghijklmnopqrstuvwxyz":
        found |= {m.group() for m in re.finditer(letter, others, re.IGNORECASE)}
    assert found == UNSAFE
