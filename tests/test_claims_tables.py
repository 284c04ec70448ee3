"""The scope readers' index walks on a block's token table give what the walks over spaCy tokens give.

claims/scope.py and claims/ages.py read clauses, clause verbs, labels and words from the block's
``TokenTable`` (integer heads, children and string columns) instead of making a spaCy ``Token`` per step;
these tests hold the index readers to the token readers on every token of sentences about other topics.
"""

from __future__ import annotations

from typing import Any

import pytest

from editlint.checks.claims.matching import TokenTable
from editlint.checks.claims.scope import clause_at, clause_tokens, clause_verb, clause_verb_at
from editlint.nlp import load_model

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
