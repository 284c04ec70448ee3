"""The table evaluator of construction patterns (claims/matching.py) finds what spaCy's matchers find.

Patterns are evaluated from their rarest node with relations inverted where the walk goes against them;
these tests compare, on sentences written here, every relation operator walked both ways, token patterns,
attribute kinds (sets, negated sets, regular expressions, booleans) and every shipped construction on its
own examples, against spaCy's ``DependencyMatcher`` / ``Matcher`` (as sets, and in spaCy's order where
the order is defined).
"""

from __future__ import annotations

from typing import Any

import pytest

from editlint.checks.claims.constructions import Construction, Constructions, load_constructions
from editlint.checks.claims.matching import TokenTable, compile_dependency, compile_token
from editlint.document import Block, BlockKind
from editlint.nlp import load_model

SENTENCES = (
    "Before they walk, most children pull themselves up on the sofa and cruise along it.",
    "Wash the bottle in hot soapy water, then rinse it and leave it to dry on a clean rack.",
    "The old lighthouse keeper, who had lived on the island for years, rarely spoke to visitors.",
    "If the soil is dry, water the tomatoes early in the morning, not at noon.",
    "Our neighbours planted three apple trees after the storm knocked down their fence.",
    "Do not leave a candle burning when you go to bed.",
    "Twice a week the library opens until 9 pm, and on Sundays it stays closed.",
)
OPS = (">", "<", ">>", "<<", ".", ";", ".*", ";*")


@pytest.fixture(scope="module")
def nlp() -> Any:
    return load_model("en_core_web_sm")


@pytest.fixture(scope="module")
def docs(nlp: Any) -> list[Any]:
    return [nlp(s) for s in SENTENCES]


def _spacy_dep(nlp: Any, pattern: list[dict[str, Any]], sdoc: Any) -> set[tuple[int, ...]]:
    from spacy.matcher import DependencyMatcher

    m = DependencyMatcher(nlp.vocab)
    m.add("p", [pattern])
    return {tuple(ids) for _, ids in m(sdoc)}


def _ours(nlp: Any, pattern: list[dict[str, Any]], sdoc: Any) -> list[tuple[int, ...]]:
    compiled = compile_dependency(pattern, nlp.vocab.strings, {})
    assert compiled is not None
    return compiled.matches(TokenTable(sdoc))


@pytest.mark.parametrize("op", OPS)
def test_every_relation_both_ways(nlp: Any, docs: list[Any], op: str) -> None:
    """A rare second node makes the walk start there and invert ``op``; a rare first node walks it as
    written: both give spaCy's matches."""
    for rare_first in (True, False):
        rare = {"LOWER": {"IN": ["the", "then", "not", "a", "on"]}}
        common = {"POS": {"IN": ["NOUN", "VERB", "ADP", "DET", "PART", "ADV"]}}
        first, second = (rare, common) if rare_first else (common, rare)
        pattern = [{"RIGHT_ID": "a", "RIGHT_ATTRS": first},
                   {"LEFT_ID": "a", "REL_OP": op, "RIGHT_ID": "b", "RIGHT_ATTRS": second}]
        for sdoc in docs:
            got = _ours(nlp, pattern, sdoc)
            assert set(got) == _spacy_dep(nlp, pattern, sdoc), (op, rare_first, sdoc.text)
            assert len(got) == len(set(got))


def test_a_three_node_tree_from_its_leaf(nlp: Any, docs: list[Any]) -> None:
    """The rarest node is a leaf two edges from the first: the walk goes up through the root and down
    the other branch, and the matches keep the order of the first node's tokens."""
    pattern = [
        {"RIGHT_ID": "verb", "RIGHT_ATTRS": {"POS": "VERB"}},
        {"LEFT_ID": "verb", "REL_OP": ">", "RIGHT_ID": "subj",
         "RIGHT_ATTRS": {"DEP": {"IN": ["nsubj", "nsubjpass"]}}},
        {"LEFT_ID": "verb", "REL_OP": ">>", "RIGHT_ID": "prep",
         "RIGHT_ATTRS": {"LOWER": {"IN": ["on", "after"]}}},
    ]
    total = 0
    for sdoc in docs:
        got = _ours(nlp, pattern, sdoc)
        assert set(got) == _spacy_dep(nlp, pattern, sdoc)
        assert got == sorted(got, key=lambda b: b[0]) or len({b[0] for b in got}) == 1
        total += len(got)
    assert total >= 3


def test_attribute_kinds(nlp: Any, docs: list[Any]) -> None:
    """NOT_IN, REGEX (answered over the block's distinct words), LEMMA and boolean attributes."""
    pattern = [
        {"RIGHT_ID": "v", "RIGHT_ATTRS": {"LEMMA": {"NOT_IN": ["be", "have"]}, "TAG": {"REGEX": "^VB"}}},
        {"LEFT_ID": "v", "REL_OP": ">", "RIGHT_ID": "o",
         "RIGHT_ATTRS": {"DEP": "dobj", "LOWER": {"REGEX": "^[a-m]"}}},
        {"LEFT_ID": "v", "REL_OP": ">", "RIGHT_ID": "p", "RIGHT_ATTRS": {"IS_PUNCT": True}},
    ]
    found = 0
    for sdoc in docs:
        got = set(_ours(nlp, pattern, sdoc))
        assert got == _spacy_dep(nlp, pattern, sdoc)
        found += len(got)
    assert found >= 1


def test_token_patterns_match_spacy_in_order(nlp: Any, docs: list[Any]) -> None:
    from spacy.matcher import Matcher

    patterns: list[list[dict[str, Any]]] = [
        [{"IS_SENT_START": True, "TAG": {"IN": ["VB", "VBP"]}}],
        [{"LIKE_NUM": True}, {"LOWER": {"IN": ["pm", "week", "apple"]}}],
        [{"LOWER": {"IN": ["a", "the"]}}, {"POS": "NOUN"}],
        [{"LOWER": "do"}, {"LOWER": {"IN": ["not", "n't"]}}, {"TAG": "VB", "LOWER": {"NOT_IN": ["worry"]}}],
    ]
    for pattern in patterns:
        compiled = compile_token(pattern, nlp.vocab.strings, "ROLE", {})
        assert compiled is not None
        m = Matcher(nlp.vocab)
        m.add("p", [pattern])
        for sdoc in docs:
            want = [tuple(range(s, e)) for _, s, e in m(sdoc)]
            assert compiled.matches(TokenTable(sdoc)) == want, (pattern, sdoc.text)


def test_quantifiers_are_left_to_spacy(nlp: Any) -> None:
    assert compile_token([{"LOWER": "a", "OP": "?"}], nlp.vocab.strings, "ROLE", {}) is None
    assert compile_dependency([{"RIGHT_ID": "a", "RIGHT_ATTRS": {"LOWER": "a"}},
                               {"LEFT_ID": "a", "REL_OP": "$+", "RIGHT_ID": "b", "RIGHT_ATTRS": {}}],
                              nlp.vocab.strings, {}) is None


def _spacy_roles(c: Construction, cons: Constructions, sdoc: Any) -> set[tuple[tuple[str, int], ...]]:
    matcher = cons.matcher(sdoc.vocab, c)
    return {tuple((k, t.i) for k, t in roles.items()) for roles in cons._roles(c, matcher, sdoc)}


@pytest.mark.slow(reason="spaCy's matchers for every shipped construction over all their examples (~10 s)")
def test_every_shipped_construction_on_its_examples(nlp: Any) -> None:
    """On the constructions' own example sentences (and each other's), the table evaluator binds the
    same roles as spaCy's matchers, in the same order."""
    cons = load_constructions()
    examples = [(*c.examples.yields, *c.examples.flagged, *c.examples.pass_) for c in cons.items]
    texts = sorted({s for group in examples for s in group})
    sdocs = list(nlp.pipe(texts))
    checked = 0
    for sdoc in sdocs:
        block = Block(index=0, kind=BlockKind.PARAGRAPH, start=0, end=len(sdoc.text), text=sdoc.text)
        got: dict[str, list[tuple[tuple[str, int], ...]]] = {}
        for matches in cons.run_doc(sdoc, block).values():
            for m in matches:
                got.setdefault(m.construction.id, []).append(tuple((k, t.i) for k, t in m.roles.items()))
        for c in cons.items:
            want = _spacy_roles(c, cons, sdoc)
            assert set(got.get(c.id, [])) == want, (c.id, sdoc.text)
            checked += bool(want)
    assert checked >= len(cons.items)
