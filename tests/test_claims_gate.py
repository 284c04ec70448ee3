"""The cheap parts of claim extraction give what the plain computation gives.

The gate (claims/matching.py ``GateIndex``) keys each pattern on one of its value sets and tests the other
sets only on the patterns a block's keyed values name: it must pass exactly the patterns every set of which
meets the block, whichever set is the key. The block store (claims/store.py) keeps a block's claims as read
and shifts them only when the block is met again somewhere else.
"""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from editlint.checks.claims.matching import GateIndex, Needs, TokenTable, stop_word
from editlint.checks.claims.model import Claim, Concept, OrderClaim, Provenance
from editlint.checks.claims.store import BlockClaims, moved
from editlint.document import Block, BlockKind
from editlint.nlp import load_model

SENTENCES = (
    "The ferry leaves the harbour at dawn, and the fishermen follow it out past the lighthouse.",
    "Water the seedlings before the sun is high; never let the soil dry out completely.",
    "Most violinists tune their strings before a concert, but some tune between pieces.",
)
#: words in the sentences and words in none of them, as lemmas and lower-case forms
WORDS = ("the", "ferry", "leave", "harbour", "follow", "water", "before", "never", "tune", "string",
         "some", "most", "piano", "drum", "after", "always", "cello", "glacier", "be", "and")
LABELS = ("nsubj", "dobj", "advcl", "neg", "prep", "mark", "ccomp", "relcl")
COLUMNS = ("LEMMA", "LOWER", "DEP")


@pytest.fixture(scope="module")
def nlp() -> Any:
    return load_model("en_core_web_sm")


@pytest.fixture(scope="module")
def tables(nlp: Any) -> list[TokenTable]:
    return [TokenTable(nlp(s)) for s in SENTENCES]


def _plain(needs: list[Needs], table: TokenTable) -> list[int]:
    """The patterns each value set of which some token of the block holds: the gate without an index."""
    return [k for k, need in enumerate(needs)
            if all(any(v in values for v in table.cols[col]) for col, values in need)]


_SET = st.tuples(st.sampled_from(COLUMNS), st.lists(st.integers(0, len(WORDS) - 1), min_size=1, max_size=4))


@settings(max_examples=150, deadline=None)
@given(patterns=st.lists(st.lists(_SET, max_size=4), min_size=1, max_size=12), stops=st.booleans())
def test_the_gate_passes_exactly_the_patterns_whose_sets_all_meet_the_block(
        nlp: Any, tables: list[TokenTable], patterns: list[list[tuple[str, list[int]]]], stops: bool) -> None:
    strings = nlp.vocab.strings

    def values(col: str, picks: list[int]) -> frozenset[int]:
        names = LABELS if col == "DEP" else WORDS
        return frozenset(int(strings.add(names[i % len(names)])) for i in picks)

    needs: list[Needs] = [tuple((col, values(col, picks)) for col, picks in p) for p in patterns]
    gate = GateIndex.build(needs, stop_word(nlp.vocab)) if stops else GateIndex.build(needs)
    for table in tables:
        table._values.clear()
        assert gate.candidates(table) == _plain(needs, table)


def test_a_pattern_with_no_sets_always_passes_and_one_with_an_absent_word_never(
        nlp: Any, tables: list[TokenTable]) -> None:
    strings = nlp.vocab.strings
    absent = frozenset({int(strings.add("glacier"))})
    present = frozenset({int(strings.add("the"))})
    needs: list[Needs] = [(), (("LEMMA", present), ("LOWER", absent)), (("LEMMA", present),)]
    gate = GateIndex.build(needs, stop_word(nlp.vocab))
    assert [gate.candidates(t) for t in tables] == [[0, 2], [0, 2], [0]]  # no "the" in the third


def _claim(start: int, block: int) -> OrderClaim:
    prov = Provenance(start + 3, start + 9, start, start + 20, "test.order", block=block)
    sow, reap = Concept(key="sow", text="sow", head="sow"), Concept(key="reap", text="reap", head="reap")
    return OrderClaim(sow, reap, prov)


def _block(index: int, start: int) -> Block:
    return Block(index, BlockKind.PARAGRAPH, start, start + 20, "x" * 20)


def test_a_block_read_once_keeps_its_claims_and_one_met_again_elsewhere_is_shifted() -> None:
    store = BlockClaims()
    first = _block(2, 100)
    read: list[Claim] = [_claim(100, 2)]
    assert store.claims("k", first, lambda: read) is read
    again = store.claims("k", first, lambda: pytest.fail("read again"))
    assert again == read and again is not read
    elsewhere = store.claims("k", _block(5, 340), lambda: pytest.fail("read again"))
    assert elsewhere == [moved(read[0], 240, 5)]
    assert elsewhere[0].prov.start == 343 and elsewhere[0].prov.sent_end == 360
    assert elsewhere[0].prov.block == 5
    assert store.hits == 2 and store.misses == 1


def test_a_claim_placed_in_another_block_is_moved_even_when_its_block_is_met_in_place() -> None:
    store = BlockClaims()
    block = _block(4, 50)
    claim = _claim(50, 4)
    read: list[Claim] = [dataclasses.replace(claim, prov=dataclasses.replace(claim.prov, block=3))]
    store.claims("k", block, lambda: read)
    assert [c.prov.block for c in store.claims("k", block, list)] == [4]
