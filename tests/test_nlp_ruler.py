"""editlint.nlp.RuleTable: the attribute ruler's rules looked up by value give exactly spaCy's result.

Generated from the loaded pipeline's own rules: for every pattern of every rule, a token sequence that the
pattern matches (in a sentence of other tokens), then random sequences drawn from the rules' words, tags
and labels; each is annotated by spaCy's ``AttributeRuler`` and by the table, and every attribute the
ruler sets must come out the same.
"""

from __future__ import annotations

import random
import re
from typing import Any

import pytest

from editlint.config import DEFAULT_MODEL
from editlint.nlp import RuleTable, _load, load_model

ATTRS = ["TAG", "POS", "MORPH", "LEMMA", "DEP", "HEAD", "LOWER"]


@pytest.fixture(scope="module")
def spacy_ruler() -> Any:
    nlp = _load(DEFAULT_MODEL, ["ner", "senter"])
    return nlp.get_pipe("attribute_ruler")


@pytest.fixture(scope="module")
def table(spacy_ruler: Any) -> RuleTable:
    got = RuleTable.build(spacy_ruler)
    assert got is not None, "the shipped pipeline's rules are all within the table"
    return got


def _patterns(ruler: Any) -> list[list[dict[str, Any]]]:
    return [p for k in range(len(ruler.attrs)) for p in ruler.matcher.get(str(k))[1]]


def _pool(ruler: Any) -> dict[str, list[str]]:
    """Every word, tag and label the rules name (and the simplest word each regular expression takes),
    plus the tagger's and parser's own labels."""
    words: set[str] = {"the", "cat", "xyz"}
    for pattern in _patterns(ruler):
        for spec in pattern:
            want = spec.get("LOWER")
            words.update(_values(want))
            if isinstance(want, dict) and "REGEX" in want:
                words.add(_simplest(want["REGEX"]))
    return {"LOWER": sorted(words), "TAG": sorted(_labels("tagger") | {"_SP", "XX"}),
            "DEP": sorted(_labels("parser") | {"dep"})}


def _simplest(regex: str) -> str:
    """The simplest lower-case word the expression matches (hypothesis shrinks to it: deterministic)."""
    from hypothesis import find, strategies

    return str(find(strategies.from_regex(regex, fullmatch=True),
                    lambda w: bool(w) and w == w.lower() and w.strip() == w and " " not in w))


def _labels(pipe: str) -> set[str]:
    nlp = load_model(DEFAULT_MODEL)
    return set(nlp.get_pipe(pipe).labels)


def _values(want: Any) -> list[str]:
    if want is None:
        return []
    if isinstance(want, dict):
        return [v for op, vs in want.items() if op == "IN" for v in vs]
    return [want] if isinstance(want, str) else []


def _pick(want: Any, pool: list[str], rng: random.Random) -> str:
    """A value that satisfies one attribute's test (scalar, IN, NOT_IN, REGEX)."""
    if want is None:
        return rng.choice(pool)
    if not isinstance(want, dict):
        return str(want)
    fits = [v for v in pool
            if ("IN" not in want or v in want["IN"]) and ("NOT_IN" not in want or v not in want["NOT_IN"])
            and ("REGEX" not in want or re.search(want["REGEX"], v))]
    assert fits, f"no value in the pool fits {want}"
    return rng.choice(fits)


def _token(spec: dict[str, Any], pool: dict[str, list[str]], rng: random.Random) -> tuple[str, str, str]:
    word = " " if spec.get("IS_SPACE") is True else _pick(spec.get("LOWER"), pool["LOWER"], rng)
    if spec.get("IS_SPACE") is False and not word.strip():
        word = "word"
    return word, _pick(spec.get("TAG"), pool["TAG"], rng), _pick(spec.get("DEP"), pool["DEP"], rng)


def _both(ruler: Any, table: RuleTable, toks: list[tuple[str, str, str]]) -> tuple[Any, Any]:
    from spacy.tokens import Doc

    words, tags, deps = (list(x) for x in zip(*toks, strict=True))
    docs = [Doc(ruler.vocab, words=words, tags=tags, deps=deps, heads=[0] * len(words)) for _ in (0, 1)]
    ruler(docs[0])
    table(docs[1])
    return docs[0], docs[1]


def _same(a: Any, b: Any) -> bool:
    return bool((a.to_array(ATTRS) == b.to_array(ATTRS)).all())


def test_every_pattern_of_every_rule_gives_spacys_result(spacy_ruler: Any, table: RuleTable) -> None:
    pool, rng = _pool(spacy_ruler), random.Random(7)
    patterns = _patterns(spacy_ruler)
    assert len(patterns) > 100  # the shipped tag map and its exceptions
    for pattern in patterns:
        for _ in range(3):
            before = [_token({}, pool, rng) for _ in range(rng.randint(0, 2))]
            after = [_token({}, pool, rng) for _ in range(rng.randint(0, 2))]
            toks = before + [_token(spec, pool, rng) for spec in pattern] + after
            a, b = _both(spacy_ruler, table, toks)
            assert _same(a, b), (pattern, toks)


def test_random_sequences_of_the_rules_words_tags_and_labels(spacy_ruler: Any, table: RuleTable) -> None:
    pool, rng = _pool(spacy_ruler), random.Random(11)
    for _ in range(300):
        toks = [_token({}, pool, rng) for _ in range(rng.randint(1, 12))]
        a, b = _both(spacy_ruler, table, toks)
        assert _same(a, b), toks


def test_the_memos_stay_bounded_and_results_the_same(spacy_ruler: Any, monkeypatch: pytest.MonkeyPatch
                                                     ) -> None:
    import editlint.nlp

    monkeypatch.setattr(editlint.nlp, "MEMO_SIZE", 5)
    table = RuleTable.build(spacy_ruler)
    assert table is not None
    pool, rng = _pool(spacy_ruler), random.Random(3)
    for _ in range(60):
        toks = [_token({}, pool, rng) for _ in range(rng.randint(1, 12))]
        a, b = _both(spacy_ruler, table, toks)
        assert _same(a, b), toks
        assert len(table._memo) <= 5 and len(table._regex_memo) <= 5


def test_the_loaded_pipeline_uses_the_table_in_the_rulers_place() -> None:
    nlp = load_model(DEFAULT_MODEL)
    assert nlp.pipe_names.index("attribute_ruler") == nlp.pipe_names.index("parser") + 1
    assert getattr(nlp.get_pipe("attribute_ruler"), "table", None) is not None
    doc = nlp("There was a dog, and it wasn't gonna stop.")
    assert [t.pos_ for t in doc][:2] == ["PRON", "VERB"]
    assert doc[1].lemma_ == "be"


def test_a_rule_beyond_the_table_keeps_spacys_ruler() -> None:
    import spacy

    nlp = spacy.blank("en")
    ruler: Any = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "a", "OP": "+"}]], {"POS": "DET"})
    assert RuleTable.build(ruler) is None
    ruler2: Any = spacy.blank("en").add_pipe("attribute_ruler")
    ruler2.add([[{"LENGTH": 3}]], {"POS": "DET"})
    assert RuleTable.build(ruler2) is None
