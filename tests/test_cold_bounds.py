"""Memory over a long run: the caches that live as long as a Linter are bounded by what they hold."""

from __future__ import annotations

from editlint.nlp import DOC_COST_TOKENS, Annotations, ParseCache


class _Sized(list[int]):
    """Stands in for a spaCy Doc: the cache only needs its length."""


def test_each_parse_counts_its_fixed_cost_so_short_blocks_are_bounded_by_number() -> None:
    cache = ParseCache(max_tokens=100, doc_cost=12)
    for i in range(50):
        cache.put((f"part {i}", ()), _Sized(range(3)))
    assert len(cache) == 100 // 15 and cache.tokens <= 100
    assert cache.get(("part 49", ())) is not None and cache.get(("part 0", ())) is None
    cache.put(("long", ()), _Sized(range(89)))  # 89 + 12 > 100: never kept
    assert cache.get(("long", ())) is None
    cache.put(("fits", ()), _Sized(range(88)))  # the oldest make room
    assert cache.get(("fits", ())) is not None and len(cache) == 1 and cache.tokens == 100


def test_a_linters_parse_cache_counts_the_fixed_cost_of_a_parse() -> None:
    ann = Annotations("en_core_web_sm", set())  # the pipeline is loaded on first use only
    for i in range(ann.cache.max_tokens):
        ann.cache.put((f"part {i}", ()), _Sized(range(1)))
    assert len(ann.cache) == ann.cache.max_tokens // (1 + DOC_COST_TOKENS)
