"""Readability grades from per-sentence counts (readability.Counts) equal textstat's on the joined text."""

from __future__ import annotations

from typing import Any

import hypothesis.strategies as hs
from hypothesis import given, settings

from editlint.checks import readability as r
from editlint.config import default_config
from editlint.context import CheckContext
from editlint.readers import read
from editlint.source import Source

WORDS = ["toddler", "naps", "don't", "it's", "well-being", "2.5", "1,000", "café", "Mary's", "rhythm",
         "o'clock", "hippopotamus", "a", "I", "x", "ml", "kg", "'quoted'", "“curly”", "(aside)", "—", "e.g.",
         "Dr.", "US", "encyclopaedia", "photosynthesis", "tree", "we'll", "they're", "children's", "5",
         "42nd", "état", "—so"]
ENDS = ["", ".", "?", "!", "...", '."', "?)", ".’"]


@hs.composite
def sentence(draw: hs.DrawFn) -> str:
    words = draw(hs.lists(hs.sampled_from(WORDS), min_size=1, max_size=25))
    return r.for_textstat(" ".join(words) + draw(hs.sampled_from(ENDS)))


def _counts(text: str) -> r.Counts:
    ts = r._textstat()
    return r.Counts(1, ts.lexicon_count(text), ts.syllable_count(text))


@settings(max_examples=300, deadline=None)
@given(hs.lists(sentence(), min_size=1, max_size=12))
def test_counts_add_up_to_textstats_grade_and_ease(texts: list[str]) -> None:
    ts = r._textstat()
    texts = [t for t in texts if ts.lexicon_count(t) >= r.TEXTSTAT_MIN_WORDS]
    joined = " ".join(texts)
    if not texts or ts.sentence_count(joined) != len(texts):  # scores() refuses such texts
        return
    ease, grade = r.flesch(r.total(_counts(t) for t in texts))
    assert ease == ts.flesch_reading_ease(joined)  # the same float, not just close
    assert grade == ts.flesch_kincaid_grade(joined)
    assert r.grade_and_ease(r.total(_counts(t) for t in texts)) == r.scores(texts, full=False)


def test_no_sentence_no_grade() -> None:
    assert r.grade_and_ease(r.Counts()) is None
    assert r.flesch(r.Counts(1, 0, 0)) == (0.0, 0.0)


# Two articles written for this test, on topics of their own, each with sections of several sentences.
ARTICLES = {
    "garden.md": """# Growing tomatoes on a balcony

Tomatoes need six hours of sun. Choose a pot at least thirty centimetres deep, with holes in the bottom.

## Watering

Water the soil, not the leaves, early in the morning. Irregular watering splits the fruit and invites
blossom-end rot, a calcium disorder that blackens the base of each tomato.

## Feeding

Once the first flowers open, feed weekly with a high-potassium fertiliser. Stop feeding in September.
""",
    "bikes.md": """# Teaching a child to ride a bike

Lower the saddle so both feet reach the ground. Take the pedals off for the first sessions.

## Balance first

Let your child scoot and glide along a gentle slope. Most children balance within a few afternoons.

## Pedals back on

Put the pedals back when they glide for several seconds. Hold the shoulders, not the handlebars, and
let go gradually as their confidence and coordination improve considerably.
""",
}


def _ctx(name: str, text: str) -> CheckContext:
    doc = read(Source(name, text, "markdown"))
    return CheckContext(doc, None, {}, default_config())


def _metrics(ctx: CheckContext) -> dict[str, Any]:
    return {m.name: m.value for m in r.readability_metrics.func(ctx)}


def test_section_and_article_figures_are_textstats_on_each_text() -> None:
    for name, text in ARTICLES.items():
        ctx = _ctx(name, text)
        got = _metrics(ctx)
        sents = r.prose_sentences(ctx)
        whole = r.scores([s.text for s in sents if s.scored])
        assert whole is not None and got["flesch_kincaid_grade"] == whole["flesch_kincaid_grade"]
        secs = r.sections(ctx.doc, sents)
        assert len(got["sections"]) == len(secs) >= 3
        for row, sec in zip(got["sections"], secs, strict=True):
            expected = r.scores([s.text for s in sec.sentences if s.scored], full=False) or {}
            assert (row["flesch_kincaid_grade"], row["flesch_reading_ease"]) == \
                (expected.get("flesch_kincaid_grade"), expected.get("flesch_reading_ease"))
        for s in sents:
            if s.scored:
                assert r.flesch(s.counts)[1] == r._textstat().flesch_kincaid_grade(s.text)


def test_textstat_per_word_caches_hold_an_articles_words() -> None:
    """textstat's 128-entry caches thrashed on every article; the same functions get roomier caches."""
    import importlib

    r._textstat()
    for module_name, name in r._PER_WORD:
        func = getattr(importlib.import_module(module_name), name)
        assert func.cache_info().maxsize == r.WORD_CACHE
    words = ["considerable", "opportunity", "unbelievable", "photosynthesis", "temperature"] * 60
    text = " ".join(words[:12]) + ". " + " ".join(w + "s" for w in words[:12]) + "."
    before = {m: getattr(importlib.import_module(m), n).cache_info().hits for m, n in r._PER_WORD}
    r.scores([text.split(". ")[0] + ".", text.split(". ")[1]])
    after = {m: getattr(importlib.import_module(m), n).cache_info().hits for m, n in r._PER_WORD}
    assert any(after[m] > before[m] for m in after)  # the repeated words were looked up once


@settings(max_examples=300, deadline=None)
@given(sentence())
def test_syllables_word_by_word_are_textstats(text: str) -> None:
    ts = r._textstat()
    assert r.syllable_count(ts, text) == ts.syllable_count(text)
    assert r.syllable_count(ts, text.upper()) == ts.syllable_count(text.upper())  # the memo is per word
    assert isinstance(ts._editlint_syllables, r.WordSyllables)  # the counter, kept on textstat


def test_a_block_counts_its_words_once_per_document() -> None:
    doc = read(Source(path="garden.md", text=ARTICLES["garden.md"], format="markdown"))
    block = doc.prose_blocks()[0]
    first = r.block_words(doc, block)
    assert first == r.count_words(r.plain_text(doc, block.start, block.end)) == 19
    assert doc.cache[("readability", "block words", block.index)] == first
