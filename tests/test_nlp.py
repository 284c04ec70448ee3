"""The spaCy layer: only the components needed are loaded, and a block is parsed once per process."""

from __future__ import annotations

from typing import Any

from editlint.config import DEFAULT_MODEL
from editlint.document import Document
from editlint.nlp import Annotations, ParseCache, components_for, load_model, nlp_blocks
from editlint.readers import read
from editlint.source import decode, format_for

SHARED = "Water the seedlings every morning. Move them outside once the frost has passed."
FIRST = f"# Tomatoes\n\nSow the seeds indoors in early spring.\n\n{SHARED}\n"
SECOND = f"# Peppers\n\nPeppers like more heat than tomatoes do.\n\n{SHARED}\n"


def _doc(text: str, path: str = "a.md") -> Document:
    return read(decode(text.encode(), path, format_for(path)))


def _parse(sdoc: Any) -> list[tuple[str, str, str, int, str, bool]]:
    return [(t.text, t.tag_, t.dep_, t.head.i, t.lemma_, bool(t.is_sent_start)) for t in sdoc]


def _block(doc: Document, text: str) -> Any:
    return next(b for b in doc.blocks if b.text == text)


def test_the_entity_recogniser_is_not_loaded_unless_asked_for() -> None:
    nlp = load_model(DEFAULT_MODEL)
    assert "ner" not in nlp.pipe_names and "senter" not in nlp.pipe_names
    assert {"parser", "lemmatizer"} <= set(nlp.pipe_names)
    assert load_model(DEFAULT_MODEL, components_for({"parse"})) is nlp  # one pipeline serves both
    assert Annotations(DEFAULT_MODEL, {"parse", "lemma"}).nlp is nlp


def test_a_block_in_two_articles_is_parsed_once_and_parsed_alike() -> None:
    ann = Annotations(DEFAULT_MODEL, {"parse", "lemma"})
    a, b = _doc(FIRST), _doc(SECOND, "b.md")
    ann.annotate([a, b])
    in_a, in_b = ann.doc_for(a, _block(a, SHARED)), ann.doc_for(b, _block(b, SHARED))
    assert in_a is in_b
    c = _doc(FIRST.replace("Tomatoes", "Beans"), "c.md")
    ann.annotate([c])
    assert ann.doc_for(c, _block(c, SHARED)) is in_a and ann.cache.hits >= 1
    fresh = Annotations(DEFAULT_MODEL, {"parse", "lemma"}, cache_tokens=0)
    alone = _doc(f"{SHARED}\n")
    fresh.annotate([alone])
    assert _parse(fresh.doc_for(alone, alone.blocks[0])) == _parse(in_a)
    assert len(fresh.cache) == 0


def test_same_text_with_other_sentence_spans_is_parsed_again() -> None:
    """A bold label run into the text starts a sentence in Markdown; the same words as plain text
    do not: their parses differ, so they must not share a cache entry."""
    ann = Annotations(DEFAULT_MODEL, {"parse"})
    md = _doc("**Pruning** Cut back the dead stems in late winter.\n")
    txt = _doc("Pruning Cut back the dead stems in late winter.\n", "p.txt")
    assert md.blocks[nlp_blocks(md)[0]].text == txt.blocks[nlp_blocks(txt)[0]].text
    ann.annotate([md, txt])
    one, two = (ann.doc_for(d, d.blocks[nlp_blocks(d)[0]]) for d in (md, txt))
    assert one is not two
    assert [s.text for s in one.sents] == ["Pruning", "Cut back the dead stems in late winter."]
    assert len(list(two.sents)) == 1


def test_doc_for_uses_and_fills_the_cache() -> None:
    ann = Annotations(DEFAULT_MODEL, {"parse"})
    a, b = _doc(FIRST), _doc(SECOND, "b.md")
    first = ann.doc_for(a, _block(a, SHARED))  # no annotate(): parsed on demand
    ann.annotate([b])
    assert ann.doc_for(b, _block(b, SHARED)) is first


class _Sized(list[int]):
    """Stands in for a spaCy Doc: the cache only needs its length."""


def test_the_cache_is_bounded_by_tokens_least_recently_used_first() -> None:
    cache = ParseCache(max_tokens=10)
    docs = {k: _Sized(range(4)) for k in "abc"}
    cache.put(("a", ()), docs["a"])
    cache.put(("b", ()), docs["b"])
    assert cache.get(("a", ())) is docs["a"]  # a is now the most recent
    cache.put(("c", ()), docs["c"])
    assert cache.tokens <= 10 and len(cache) == 2
    assert cache.get(("b", ())) is None and cache.get(("a", ())) is docs["a"]
    cache.put(("huge", ()), _Sized(range(11)))  # larger than the whole budget: never kept
    assert cache.get(("huge", ())) is None and len(cache) == 2
