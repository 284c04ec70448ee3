"""Check types run alone on hand-built Documents (tests/helpers.py): the blocks a check sees are exactly
the ones written here, so each test pins the check's own decisions (which kinds of block count, where a
hit lands, what its edit deletes) apart from the readers, the configuration and the other rules."""

from __future__ import annotations

import pytest
from helpers import document, flagged, hits

from editlint.api import Applicability
from editlint.document import BlockKind

SENTENCE = "The bus to the park leaves from the corner at nine on a Sunday."  # 14 words


def words(n: int) -> str:
    """``n`` words of plain prose, ending with a full stop."""
    full, rest = divmod(n, 14)
    tail = [" ".join(["kites"] * rest) + "."] if rest else []
    return " ".join([SENTENCE] * full + tail)


def test_words_helper_counts_exactly() -> None:
    from editlint.checks.readability import count_words

    assert [count_words(words(n)) for n in (14, 150, 151, 349)] == [14, 150, 151, 349]


# -- paragraph-length (EL204) -------------------------------------------------------------------------------
def test_a_paragraph_over_the_limit_is_flagged_as_a_whole() -> None:
    doc = document(("heading", "Getting there"), words(151), words(150))
    (hit,) = hits("paragraph-length", doc)
    block = doc.blocks[1]
    assert (hit.start, hit.end) == (block.start, block.end)
    assert doc.position(hit.start) == (3, 1)  # block i starts on line 1 + 2 i


@pytest.mark.parametrize("kind", [BlockKind.PARAGRAPH, BlockKind.LIST_ITEM, BlockKind.QUOTE])
def test_every_prose_kind_counts(kind: BlockKind) -> None:
    doc = document((kind, words(151)))
    assert flagged(doc, hits("paragraph-length", doc)) == [words(151)]


@pytest.mark.parametrize("kind", [BlockKind.TABLE_CELL, BlockKind.CODE, BlockKind.CAPTION, BlockKind.ALT,
                                  BlockKind.HEADING])
def test_text_that_is_not_prose_never_counts(kind: BlockKind) -> None:
    assert hits("paragraph-length", document((kind, words(400)))) == []


def test_two_short_paragraphs_are_not_one_long_one() -> None:
    assert hits("paragraph-length", document(words(100), words(100))) == []


def test_the_limit_is_an_option() -> None:
    doc = document(words(80), words(120))
    assert flagged(doc, hits("paragraph-length", doc, {"max-words": 100})) == [words(120)]


def test_reference_lists_and_link_only_blocks_are_not_prose() -> None:
    doc = document(("heading", "Further reading", {"level": 2}), words(200),
                   ("paragraph", words(200), {"classes": frozenset({"link-only"})}))
    assert hits("paragraph-length", doc) == []


# -- section-length (EL207: prose under one heading) --------------------------------------------------------
def test_a_long_section_is_anchored_on_its_heading_and_points_where_it_passes() -> None:
    doc = document(("heading", "Trains", {"level": 2}), words(140), words(140), words(140),
                   ("heading", "Buses", {"level": 2}), words(140))
    (hit,) = hits("section-length", doc)
    heading, third = doc.blocks[0], doc.blocks[3]
    assert (hit.start, hit.end) == (heading.start, heading.end)
    assert [(r.start, r.end) for r in hit.related] == [(third.start, third.end)]  # 420 > 350 there


def test_a_subheading_splits_the_count() -> None:
    doc = document(("heading", "Trains", {"level": 2}), words(300), ("heading", "Fares", {"level": 3}),
                   words(300))
    assert hits("section-length", doc) == []


# -- doubled-word (EL105) -----------------------------------------------------------------------------------
def test_a_doubled_word_is_flagged_with_a_safe_edit_deleting_the_copy() -> None:
    doc = document(("heading", "Kites"), "Hold the the string with both hands.")
    (hit,) = hits("doubled-word", doc)
    assert doc.text[hit.start:hit.end] == "the the"
    (edit,) = hit.edits
    assert edit.applicability is Applicability.SAFE
    fixed = doc.source.text[:edit.start] + edit.text + doc.source.text[edit.end:]
    assert "Hold the string with both hands." in fixed


def test_a_doubled_word_across_a_line_break_inside_a_block() -> None:
    doc = document("Pack a spare\nspare battery for the torch.")
    assert flagged(doc, hits("doubled-word", doc)) == ["spare\nspare"]


@pytest.mark.parametrize("text", ["The goat had had its lunch by noon.",  # allowed by the shipped data
                                  "We drove to Baden Baden in spring.",  # a capitalised name
                                  "See https://example.org/walk/walk for the map."])  # inside a URL
def test_legitimate_repeats_are_not_flagged(text: str) -> None:
    assert hits("doubled-word", document(text)) == []


def test_every_block_kind_is_read() -> None:
    doc = document(("heading", "Tide tide tables"), ("table_cell", "low low water"), "Fine here.")
    assert flagged(doc, hits("doubled-word", doc)) == ["Tide tide", "low low"]
