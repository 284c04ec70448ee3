"""editlint.blockcache: per-block results a long-lived Linter keeps across lints (the language server).

The cache itself (bound, activation, identity keys) and, through the engine, checks that keep per-block
results: a re-lint with a warm cache reports exactly what a fresh Linter reports, also when a kept block
moved, when its markup changed under the same text, and when a document-wide fact changed elsewhere.
"""

from __future__ import annotations

from editlint import Linter
from editlint.blockcache import BlockCache, Identity, in_block, reuse, using
from editlint.document import Block, BlockKind
from editlint.findings import FileReport


def test_the_cache_is_bounded_least_recently_used_first() -> None:
    cache = BlockCache(size=2)
    calls: list[str] = []

    def make(key: str) -> str:
        def compute() -> str:
            calls.append(key)
            return key.upper()

        return cache.get(key, compute)

    got = [make("a"), make("b"), make("a"), make("c"), make("a"), make("b")]
    assert got == ["A", "B", "A", "C", "A", "B"]
    assert calls == ["a", "b", "c", "b"]  # "b" was the least recently used when "c" came
    assert (cache.hits, cache.misses, len(cache)) == (2, 4, 2)


def test_reuse_keeps_results_only_while_a_cache_is_active() -> None:
    calls = []

    def compute() -> int:
        calls.append(1)
        return len(calls)

    assert reuse("k", compute) == 1 and reuse("k", compute) == 2  # nothing kept: a plain run
    cache = BlockCache()
    with using(cache):
        assert reuse("k", compute) == 3 and reuse("k", compute) == 3
        with using(None):
            assert reuse("k", compute) == 4
    assert reuse("k", compute) == 5 and cache.hits == 1


def test_identity_keys_compare_objects_not_values() -> None:
    a, b = [1], [1]
    assert Identity(a) == Identity(a) and Identity(a) != Identity(b)
    assert len({Identity(a), Identity(a), Identity(b)}) == 2


def test_spans_are_clipped_to_the_block_in_its_offsets() -> None:
    block = Block(0, BlockKind.PARAGRAPH, 10, 20, "x" * 10)
    assert in_block([(0, 5), (8, 12), (15, 16), (19, 30), (20, 25)], block) == ((0, 2), (5, 6), (9, 10))


def _lints(texts: list[str], select: str = "EL5") -> list[tuple[FileReport, FileReport]]:
    """Each text linted by one Linter keeping blocks (warm from the texts before) and by a fresh one."""
    warm = Linter(overrides={"select": [select]})
    warm.block_cache = BlockCache()
    out = []
    for text in texts:
        kept = warm.lint_text(text, path="post.md")
        out.append((kept, Linter(overrides={"select": [select]}).lint_text(text, path="post.md")))
    return out


def _same(a: FileReport, b: FileReport) -> bool:
    return [f.to_dict() for f in a.findings] == [f.to_dict() for f in b.findings]


def test_a_kept_block_that_moved_is_reported_at_its_new_place_with_its_fix() -> None:
    first = "# Bath time\n\nKeep the water warm, not hot, and test it untill it feels right.\n"
    moved = first.replace("# Bath time\n\n", "# Bath time\n\nA new opening paragraph about towels.\n\n")
    (a, fresh_a), (b, fresh_b) = _lints([first, moved])
    assert _same(a, fresh_a) and _same(b, fresh_b)
    (flag,) = [f for f in b.findings if f.rule == "EL501"]
    (edit,) = flag.fixes
    assert moved[edit.start:edit.end] == "untill" and flag.line == 5


def test_a_kept_block_whose_markup_changed_gets_its_fix_from_the_new_source() -> None:
    plain = "# Naps\n\nA short nap helps, beleive it or not.\n"
    marked = plain.replace("beleive", "bel*ei*ve")  # the same block text; markup inside the word
    results = _lints([plain, marked, plain])
    assert all(_same(kept, fresh) for kept, fresh in results)
    fixes = [[f.fixes for f in kept.findings if f.rule == "EL501"] for kept, _ in results]
    assert fixes[0] == fixes[2] != [] and fixes[0][0] and fixes[1] == [()]


def test_names_stay_a_document_wide_fact_over_kept_blocks() -> None:
    opening = "# Clinics\n\nNurserys open early on Tuesdays.\n"
    naming = opening + "\nBoth local Nurserys take babies from six months.\n"  # a name by position
    results = _lints([opening, naming, opening])
    assert all(_same(kept, fresh) for kept, fresh in results)
    words = [[f.data["word"] for f in kept.findings if f.rule == "EL501"] for kept, _ in results]
    assert "Nurserys" in words[0] and "Nurserys" not in words[1] and words[2] == words[0]


def test_mixed_spellings_count_every_block_kept_or_not() -> None:
    texts = ["# Rashes\n\nThe colour of the rash matters.\n\nNote its color and its colour again.\n",
             "# Rashes\n\nThe color of the rash matters.\n\nNote its color and its colour again.\n"]
    results = _lints(texts)
    assert all(_same(kept, fresh) for kept, fresh in results)
    minority = [[f.data["word"] for f in kept.findings if f.rule == "EL505"] for kept, _ in results]
    assert minority == [["color"], ["colour"]]
