"""The scope readers' index walks on a block's token table give what the walks over spaCy tokens give.

claims/scope.py and claims/ages.py read clauses, clause verbs, labels and words from the block's
``TokenTable`` (integer heads, children and string columns) instead of making a spaCy ``Token`` per step;
these tests hold the index readers to the token readers on every token of sentences about other topics.
"""

from __future__ import annotations

import re
from typing import Any

import pytest

from editlint.checks.claims.ages import clause_span, sentence_scope
from editlint.checks.claims.matching import TableKit, TokenTable, _ok, compile_tests
from editlint.checks.claims.scope import (
    TABLES_KEPT,
    ScopeReader,
    clause_at,
    clause_tokens,
    clause_verb,
    clause_verb_at,
    load_scopes,
    span_text,
)
from editlint.checks.claims.units import shipped_units
from editlint.nlp import load_model
from editlint.readers import read
from editlint.source import Source

SENTENCES = (
    "If the dough rises too fast, the baker folds it again before it is shaped, and some bakers never do.",
    "The ferry that leaves at dawn usually waits for the fishermen, who say it is rarely late.",
    "Most violinists tune their strings before a concert; a few prefer to tune between pieces.",
    "Water the seedlings once the soil feels dry, but don't let the roots sit in water overnight.",
)


@pytest.fixture(scope="module")
def docs() -> list[Any]:
    nlp = load_model("en_core_web_sm")
    return [nlp(s) for s in SENTENCES]


def test_the_string_columns_are_the_token_attributes(docs: list[Any]) -> None:
    for sdoc in docs:
        table = TokenTable(sdoc)
        assert table.strings("DEP") == [t.dep_ for t in sdoc]
        assert table.strings("LEMMA") == [t.lemma_ for t in sdoc]
        assert table.strings("LOWER") == [t.lower_ for t in sdoc]
        assert table.strings("POS") == [t.pos_ for t in sdoc]
        assert table.late("IDX") == [t.idx for t in sdoc]
        assert table.late("LENGTH") == [len(t) for t in sdoc]
        assert table.cols["IS_PUNCT"] == [int(t.is_punct) for t in sdoc]


def test_clause_verbs_and_clauses_by_index_are_the_token_walks(docs: list[Any]) -> None:
    for sdoc in docs:
        table = TokenTable(sdoc)
        for tok in sdoc:
            assert clause_verb_at(table, tok.i) == clause_verb(tok).i
            assert clause_at(table, tok.i) == [t.i for t in clause_tokens(tok)]


def test_a_clause_stops_at_nested_clauses(docs: list[Any]) -> None:
    sdoc = docs[0]
    table = TokenTable(sdoc)
    root = next(t for t in sdoc if t.dep_ == "ROOT")
    own = set(clause_at(table, root.i))
    nested = [t for t in root.children if t.dep_ in ("advcl", "conj")]
    assert nested, "the sentence has a nested clause"
    for clause in nested:
        assert not own & {t.i for t in clause.subtree}
    assert root.i in own


# -- what a reader's tables share, and the tests' candidates from the column index --------------------
def test_tables_sharing_a_kit_read_the_same_strings(docs: list[Any]) -> None:
    """One kit (a reader's) for every block: each block's columns are its own."""
    kit = TableKit()
    for sdoc in [*docs, *docs]:
        table = TokenTable(sdoc, kit)
        assert table.strings("LEMMA") == [t.lemma_ for t in sdoc]
        assert table.strings("TAG") == [t.tag_ for t in sdoc]
        assert table.strings("DEP") == [t.dep_ for t in sdoc]


TESTS = (
    ("DEP", "in", ["nsubj", "dobj", "ROOT"]), ("POS", "in", ["VERB"]), ("TAG", "in", ["VB", "VBZ", "NN"]),
    ("LOWER", "in", ["the", "water", "never"]), ("LEMMA", "in", ["be", "tune", "absent-word"]),
    ("IS_SENT_START", "in", [True]), ("IS_PUNCT", "in", [True]), ("DEP", "in", ["nonexistent"]),
)


@pytest.mark.parametrize(("col", "kind", "values"), TESTS)
def test_candidates_are_a_pass_over_the_column(
        docs: list[Any], col: str, kind: str, values: list[Any]) -> None:
    """A value test's tokens (none without a pass when the block lacks its values) are the tokens a pass
    over the column finds, in token order (matches keep spaCy's order)."""
    test = compile_tests({col: {"IN": values}}, docs[0].vocab.strings, {})
    assert test is not None
    for sdoc in docs:
        table = TokenTable(sdoc)
        want = [i for i in range(len(sdoc)) if all(t.ok(table, i) for t in test)]
        assert table.passing(test[0]) == want
        assert [i for i in range(len(sdoc)) if _ok(test, table, i)] == want


@pytest.mark.parametrize("regex", [r"^(?:wat|see)", r"ing$", r"^[A-Z]", r"zzz"])
def test_regex_candidates_are_the_tokens_whose_string_matches(docs: list[Any], regex: str) -> None:
    for col, attr in (("LOWER", "lower_"), ("ORTH", "text"), ("TAG", "tag_")):
        (test,) = compile_tests({col: {"REGEX": regex}}, docs[0].vocab.strings, {}) or ()
        for sdoc in docs:
            table = TokenTable(sdoc)
            want = [t.i for t in sdoc if re.search(regex, getattr(t, attr))]
            assert table.passing(test) == want
            assert [i for i in range(len(sdoc)) if _ok((test,), table, i)] == want


# -- the scope reader keeps a few blocks' scopes --------------------------------------------------------
def _scopes(reader: ScopeReader, sdoc: Any) -> list[tuple[Any, ...]]:
    out = []
    for sent in sdoc.sents:
        for tok in sent:
            out.append((tok.i, reader.negated(tok), reader.hedge([tok]), reader.condition(sent, [tok]),
                        reader.question(sent), reader.reported(sent, [tok]), reader.clause_verb(tok).i))
    return out


def test_scopes_read_again_after_their_block_was_dropped_are_the_same(docs: list[Any]) -> None:
    """Blocks read in turns (more than the reader keeps): each block's scopes are read again, the same
    as a fresh reader reads them."""
    lex = load_scopes()
    document = read(Source(path="t.md", text="\n\n".join(SENTENCES), format="markdown"))
    fresh = [_scopes(ScopeReader(lex, document), sdoc) for sdoc in docs]
    reader = ScopeReader(lex, document)
    for _ in range(2):
        for sdoc, want in zip(docs, fresh, strict=True):
            assert _scopes(reader, sdoc) == want
    assert len(reader._tables) <= TABLES_KEPT


def test_an_age_scope_needs_an_age_in_the_sentence(docs: list[Any]) -> None:
    """A sentence stating no age has no age scope from its clause (the clause span is not read)."""
    units = shipped_units()
    nlp = load_model("en_core_web_sm")
    aged = nlp("For puppies under 6 months, keep walks short and skip the stairs.")
    for sdoc in [*docs, aged]:
        for sent in sdoc.sents:
            table = TokenTable(sdoc)
            with_span = sentence_scope(units, sent, None, clause_span(sent, [sent.root], table))
            stated = any(a.is_age for a in units.scan(span_text(sent)))
            assert with_span is None or stated
    assert sentence_scope(units, next(aged.sents), None) == (0.0, 6.0)
