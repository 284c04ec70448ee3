"""Algorithmic shape of the rules that used to be superlinear, measured as work, never as time.

Work is the number of Python lines editlint's own code executes (``sys.settrace`` line events in files
under ``editlint/``) or the calls of an inner function, on an input and on one four times larger: a
linear rule does about 4x the work, n log n a little more; the old quadratic versions did 10-60x at these
sizes. The figures do not depend on the machine or its load. EL301's faster chain search is also checked
against the plain breadth-first search it replaced, on generated claim sets: same cycles, same chains.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from typing import Any

import pytest
from helpers import work
from hypothesis import example, given, settings
from hypothesis import strategies as hs

from editlint import segment
from editlint.api import Hit
from editlint.checks import contradiction, readability, repetition
from editlint.checks.claims.model import Concept, OrderClaim, Provenance
from editlint.checks.claims.ontology import Ontology, load_ontology
from editlint.config import Config
from editlint.context import CheckContext
from editlint.document import Document
from editlint.engine import run_check
from editlint.findings import Finding, Severity
from editlint.readers import read
from editlint.rules import Registry
from editlint.source import decode
from editlint.suppressions import Suppression, apply_suppressions

#: Largest work ratio accepted for an input four times larger (linear: ~4; n log n: ~4.5).
MAX_RATIO = 5.0

# Three topics of their own, so no shape depends on one subject's words.
BATH = ("Fill the bath with about ten centimetres of warm water and test it with your elbow first. "
        "Keep one hand on your toddler the whole time, even when the seat looks steady. Have the towel, "
        "the clean nappy and the pyjamas within reach before the water goes in.")
SHOES = ("Toddlers do not need shoes indoors, where bare feet grip the floor and build the small muscles "
         "of the arch. Outside, choose a soft sole that bends at the toes and leaves a thumb's width of "
         "room at the front. Measure both feet every two or three months, because they grow in spurts.")
TRIPS = ("Plan a stop every two hours on a long drive, and let the children run around before they "
         "climb back in. Pack snacks that do not crumble, a bag for rubbish and one small new toy that "
         "comes out only after the first hour. Older children cope better when they can follow the route "
         "on a paper map.")
PARAGRAPHS = (BATH, SHOES, TRIPS)
HEADINGS = ("Bath time", "First shoes", "Long car journeys")


def markdown(parts: Iterable[str]) -> Document:
    text = "# Looking after little ones\n\n" + "\n\n".join(parts) + "\n"
    return read(decode(text.encode("utf-8"), "a.md", "markdown", 10_000_000))


def repetitive(copies: int) -> Document:
    """One paragraph pasted again and again: every phrase of it is repeated, every block a copy."""
    return markdown([SHOES] * copies)


def sectioned(sections: int) -> Document:
    """Many short sections under headings, each paragraph varied by its number: no two blocks alike,
    but the same phrases recur in every section."""
    parts = []
    for k in range(sections):
        parts.append(f"## {HEADINGS[k % 3]} {k}")
        parts.append(f"{PARAGRAPHS[k % 3]} This is note {k} of the series, written for week {k + 1}.")
    return markdown(parts)


def pasted(paragraphs: int) -> Document:
    """Different paragraphs in one section, each holding one of three pasted sentences: EL101 accepts
    those phrases, and every shorter phrase inside them is then tested against what they cover."""
    return markdown(f"{PARAGRAPHS[k % 3]} This is note {k} of the series." for k in range(paragraphs))


def check(name: str) -> Any:
    return Registry.default().check_types[name]


def ratio(make: Callable[[int], Document], size: int, name: str) -> float:
    """Work on a document four times larger over work on one of ``size``, each document fresh (no shared
    analyses cached), after a first run on the larger one that loads the data and lexicons."""
    fn = check(name)
    run_check(fn, make(4 * size))  # every word of both sizes seen: per-word caches equally warm
    counts = []
    for doc in (make(size), make(4 * size)):
        counts.append(work(functools.partial(run_check, fn, doc)))
    return counts[1] / counts[0]


# -- repetition: EL101 (covered occurrences) and EL103 (pairs and group maxima) ---------------------

@pytest.mark.parametrize("make", [repetitive, sectioned, pasted], ids=["repetitive", "sectioned", "pasted"])
def test_repeated_phrase_work_grows_linearly(make: Callable[[int], Document]) -> None:
    assert ratio(make, 12, "repeated-phrase") <= MAX_RATIO


@pytest.mark.parametrize("make", [repetitive, sectioned], ids=["repetitive", "sectioned"])
def test_duplicate_block_work_grows_linearly(make: Callable[[int], Document]) -> None:
    assert ratio(make, 12, "duplicate-block") <= MAX_RATIO


def test_duplicate_block_still_groups_every_copy() -> None:
    """Copies compared once still all land in one finding, and a near copy (other wording at the end)
    joins its original's group."""
    near = SHOES.replace("because they grow in spurts", "since growth comes in spurts")
    doc = markdown([SHOES, BATH, SHOES, TRIPS, near, SHOES])
    hits = [r for r in run_check(check("duplicate-block"), doc) if isinstance(r, Hit)]
    assert len(hits) == 1
    starts = sorted([hits[0].start] + [s.start for s in hits[0].related])
    shoes = [b.start for b in doc.blocks if b.text.startswith("Toddlers do not need shoes")]
    assert starts == shoes and len(shoes) == 4


def test_repeated_phrase_found_once_per_pasted_sentence() -> None:
    """The byte mask keeps EL101's answer: a sentence pasted into three different paragraphs is one
    phrase with three occurrences, not its sub-phrases too."""
    pasted = "Remember that every child grows at a different pace."
    doc = markdown([f"{BATH} {pasted}", f"{SHOES} {pasted}", f"{TRIPS} {pasted}"])
    hits = [r for r in run_check(check("repeated-phrase"), doc) if isinstance(r, Hit)]
    assert len(hits) == 1
    assert hits[0].data["count"] == 3
    assert hits[0].data["phrase"] == "remember that every child grows at a different pace"


# -- readability: sections (EL201 and the metrics), EL205's per-paragraph counts --------------------

def test_readability_sections_work_grows_linearly() -> None:
    """The readability metrics score every section: sentences are grouped by section in one pass."""
    registry = Registry.default()

    def metrics(doc: Document) -> None:
        with registry.active():
            ctx = CheckContext(doc, None, {}, Config(), data=registry.data)
            list(readability.readability_metrics.func(ctx))

    metrics(sectioned(160))
    small, large = sectioned(40), sectioned(160)
    assert work(lambda: metrics(large)) / work(lambda: metrics(small)) <= MAX_RATIO


def test_passive_clusters_work_grows_linearly(monkeypatch: pytest.MonkeyPatch) -> None:
    """EL205 counts each paragraph's sentences once: synthetic sentences and passives (no parse), one
    passive in every paragraph of ten sentences (below both thresholds, so every paragraph is judged)."""

    def setup(paragraphs: int) -> tuple[Document, list[Any], list[Any]]:
        doc = markdown([BATH] * paragraphs)
        sents, found = [], []
        for block in doc.blocks[1:]:
            for k in range(10):
                s = readability.Sentence(block.start + k, block.start + k + 1, block, BATH, 12, True)
                sents.append(s)
                if k == 0:
                    found.append(readability.Passive(s.start, s.end, "is tested", s))
        return doc, sents, found

    def run(paragraphs: int) -> int:
        doc, sents, found = setup(paragraphs)
        monkeypatch.setattr(readability, "prose_sentences", lambda ctx: sents)
        monkeypatch.setattr(readability, "passives", lambda ctx, ignore, cues=None: found)
        return work(lambda: run_check(check("passive-voice"), doc, {"report-each": False}))

    run(160)
    assert run(160) / run(40) <= MAX_RATIO


# -- EL301: the chain search -------------------------------------------------------------------------

@pytest.fixture(scope="module")
def onto() -> Ontology:
    return load_ontology()


def concept(onto: Ontology, key: str) -> Concept:
    if key == "*":
        return Concept("*", "first")
    if key.startswith("~"):  # an open concept: head and modifiers ("top teeth")
        mod, head = key[1:].split()
        return Concept(f"{head}({mod})", key[1:], head=head, modifiers=frozenset({mod}))
    return Concept(key, key, head=key, known=key.split("(", 1)[0] in onto.concepts)


def order(onto: Ontology, earlier: str, later: str, sentence: int, list_id: int | None = None) -> OrderClaim:
    prov = Provenance(sentence * 100, sentence * 100 + 10, sentence * 100, sentence * 100 + 90, "test",
                      list_id=list_id)
    return OrderClaim(concept(onto, earlier), concept(onto, later), prov)


def chain_reference(orders: list[OrderClaim], onto: Ontology, i: int, max_chain: int
                    ) -> tuple[int, ...] | None:
    """The breadth-first search over every path that EL301 used before (kept here as the oracle)."""
    same, independent = contradiction._same, contradiction._independent
    start = orders[i]
    if same(onto, start.earlier, start.later):  # a narrowed form and its general one: the exact reverse only
        return next(((j,) for j, c in enumerate(orders) if j != i and c.earlier.key == start.later.key
                     and c.later.key == start.earlier.key and independent(start, c)), None)
    frontier: list[tuple[Concept, tuple[int, ...]]] = [(start.later, ())]
    for _ in range(max_chain):
        nxt: list[tuple[Concept, tuple[int, ...]]] = []
        for node, path in frontier:
            for j, c in enumerate(orders):
                if j == i or j in path or same(onto, c.earlier, c.later) or not same(onto, c.earlier, node):
                    continue
                if not independent(start, c) or any(not independent(orders[k], c) for k in path):
                    continue
                if same(onto, c.later, start.earlier):
                    return (*path, j)
                nxt.append((c.later, (*path, j)))
        frontier = nxt
    return None


def first_conflicts_reference(orders: list[OrderClaim], onto: Ontology) -> list[list[int]]:
    groups: list[list[int]] = []
    for i in [i for i, c in enumerate(orders) if c.later.key == "*"]:
        x = orders[i].earlier
        for j, c in enumerate(orders):
            if j == i or not contradiction._independent(orders[i], c):
                continue
            against = c.later.key == "*" and j > i and contradiction.alternatives(onto, c.earlier, x)
            against |= c.later.key != "*" and contradiction._same(onto, c.later, x) and \
                contradiction.alternatives(onto, c.earlier, x)
            if against:
                groups.append(sorted((i, j), key=lambda k: orders[k].prov.start))
    return groups


# Known concepts with parents and narrowed forms, open concepts sharing a head, and "first".
KEYS = ["sit", "sit-supported", "crawl", "belly-crawl", "crawl-backward", "crawl(room)", "stand",
        "pull-to-stand", "walk", "~top teeth", "~bottom teeth", "bath", "*"]
claim_sets = hs.lists(hs.tuples(hs.sampled_from(KEYS[:-1]), hs.sampled_from(KEYS), hs.integers(0, 7),
                                hs.sampled_from([None, None, None, 1, 2])), min_size=1, max_size=14)


@settings(max_examples=300, deadline=None)
@given(claim_sets)
def test_chain_search_matches_breadth_first_search(onto: Ontology, raw: list[Any]) -> None:
    orders = [order(onto, e, later, s, lid) for e, later, s, lid in raw if e != later]
    for max_chain in (1, 3):
        for i in range(len(orders)):
            assert contradiction._chain(orders, onto, i, max_chain) == \
                chain_reference(orders, onto, i, max_chain)
    assert contradiction.first_conflicts(orders, onto) == first_conflicts_reference(orders, onto)


def test_order_cycles_keep_one_group_per_cycle(onto: Ontology) -> None:
    orders = [order(onto, "sit", "crawl", 0), order(onto, "crawl", "walk", 1), order(onto, "walk", "sit", 2),
              order(onto, "crawl", "sit", 3), order(onto, "stand", "walk", 4)]
    groups = contradiction.order_cycles(orders, onto, 3)
    assert sorted(map(sorted, groups)) == [[0, 1, 2], [0, 3]]


def chain_article(onto: Ontology, copies: int, contradict: bool) -> list[OrderClaim]:
    """Each claim of a stage chain (sit < crawl < stand < walk), and 'crawling comes first', said
    ``copies`` times in sentences of their own; with ``contradict`` also 'walk before sit'."""
    pairs = [("sit", "crawl"), ("crawl", "stand"), ("stand", "walk"), ("crawl", "*")]
    if contradict:
        pairs.append(("walk", "sit"))
    return [order(onto, e, later, k * len(pairs) + p)
            for k in range(copies) for p, (e, later) in enumerate(pairs)]


@pytest.mark.parametrize("contradict", [False, True], ids=["agreeing", "contradicting"])
def test_order_search_calls_grow_linearly(onto: Ontology, contradict: bool,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    calls = 0
    real_same, real_alternatives = contradiction._same, contradiction.alternatives

    def same(*args: Any) -> bool:
        nonlocal calls
        calls += 1
        return real_same(*args)

    def alternatives(*args: Any) -> bool:
        nonlocal calls
        calls += 1
        return real_alternatives(*args)

    monkeypatch.setattr(contradiction, "_same", same)
    monkeypatch.setattr(contradiction, "alternatives", alternatives)
    counts = []
    for copies in (15, 60):
        orders = chain_article(onto, copies, contradict)
        calls = 0
        groups = contradiction.order_cycles(orders, onto, 3) + contradiction.first_conflicts(orders, onto)
        contradiction._by_primary(orders, groups, onto)
        counts.append(calls)
        assert bool(contradiction.order_cycles(orders, onto, 3)) is contradict
    assert counts[1] / counts[0] <= MAX_RATIO


# -- the document's skip-span lookups and the suppressions: bisection, same answers as a scan ---------

spans = hs.lists(hs.tuples(hs.integers(0, 60), hs.integers(0, 12)).map(lambda t: (t[0], t[0] + t[1])),
                 max_size=12)


@settings(max_examples=300, deadline=None)
@given(spans, hs.integers(0, 70), hs.integers(0, 15))
def test_skip_span_lookups_match_a_scan(raw: list[tuple[int, int]], start: int, width: int) -> None:
    doc = dataclasses.replace(markdown(["A short paragraph."]), skip_spans=tuple(raw), cache={})
    end = start + width
    ordered = sorted(raw)
    assert doc.in_skip_span(start, end) == any(s < end and start < e for s, e in raw)
    assert doc.skip_spans_from(start, end) == [(s, e) for s, e in ordered if start <= s < end]
    near = doc.skip_spans_near(start, end)
    assert [x for x in near if not (x[1] <= start or x[0] >= end)] == \
        [x for x in ordered if not (x[1] <= start or x[0] >= end)]


suppression_sets = hs.lists(hs.tuples(hs.sampled_from([None, ("EL101",), ("EL101", "EL205"), ("EL301",)]),
                                      hs.integers(1, 30), hs.integers(0, 8)), max_size=8)


@settings(max_examples=300, deadline=None)
@given(suppression_sets, hs.lists(hs.tuples(hs.sampled_from(["EL101", "EL205", "EL301", "EL501"]),
                                            hs.integers(1, 40)), max_size=20))
def test_suppressions_match_a_scan(raw: list[Any], placed: list[tuple[str, int]]) -> None:
    sups = [Suppression(None if codes is None else frozenset(codes), first, first + length)
            for codes, first, length in raw]
    findings = [Finding(rule, "r", "c", Severity.WARNING, "m", line, 1, line, 2) for rule, line in placed]
    assert apply_suppressions(findings, sups) == [f for f in findings if not any(s.covers(f) for s in sups)]


# -- bold labels: the look-back before a block is the end of its line, never the whole line ------------

def _line_before(src: str, so: int) -> str:
    return src[src.rfind("\n", 0, so) + 1:so]


@settings(max_examples=500, deadline=None)
@given(hs.lists(hs.sampled_from([*"*_<>b \t\nxs/", "<b>", "<strong class='x'>", "</b>", "**", "__"]),
                max_size=30).map("".join), hs.data())
def test_opener_window_finds_what_the_whole_line_finds(src: str, data: hs.DataObject) -> None:
    so = data.draw(hs.integers(0, len(src)))
    window, line = segment._opener_window(src, so), _line_before(src, so)
    for pattern in (segment._MD_OPEN, segment._HTML_OPEN):
        a, b = pattern.search(window), pattern.search(line)
        assert (a and a.group(1)) == (b and b.group(1))


def test_opener_window_stays_short_on_a_one_line_page() -> None:
    """A minified HTML page is one line: the look-back must not grow with the offset."""
    page = "<html><body>" + "".join(f"<p><b>Tip {k}:</b> Offer water with meals.</p>" for k in range(2000))
    offsets = [m.end() for m in re.finditer(r"<b>|</b> ", page)]
    assert len(page) > 90_000
    assert max(len(segment._opener_window(page, so)) for so in offsets) <= len("Tip 1999:</b> ")


# -- EL103: comparing each distinct block once gives the groups the all-pairs comparison gave ----------

def near_duplicates_reference(sets: dict[int, set[tuple[str, ...]]], figures: dict[int, Counter[str]],
                              summary_ids: set[int], opts: dict[str, float]
                              ) -> list[tuple[list[int], float, float]]:
    """The all-pairs loop EL103 used before (kept here as the oracle)."""
    index: dict[tuple[str, ...], list[int]] = {}
    for b, sh in sets.items():
        for s in sh:
            index.setdefault(s, []).append(b)
    parent: dict[int, int] = {}

    def find(x: int) -> int:
        while parent.get(x, x) != x:
            x = parent[x]
        return x

    best: dict[tuple[int, int], float] = {}
    jaccards: dict[tuple[int, int], float] = {}
    for i, sh in sets.items():
        common: Counter[int] = Counter()
        for s in sh:
            for j in index[s]:
                if j < i:
                    common[j] += 1
        for j, c in common.items():
            if (i in summary_ids and j in summary_ids) or figures[i] != figures[j]:
                continue
            other = sets[j]
            jac = c / (len(sh) + len(other) - c)
            cont = c / min(len(sh), len(other))
            if jac >= opts["jaccard"] or cont >= opts["containment"]:
                best[(j, i)] = max(jac, cont if cont >= opts["containment"] else 0.0)
                jaccards[(j, i)] = jac
                parent[find(i)] = find(j)
    groups: dict[int, list[int]] = {}
    for x in sorted({x for pair in best for x in pair}):
        groups.setdefault(find(x), []).append(x)
    return [(m, max(v for (a, b), v in best.items() if a in m and b in m),
             max(v for (a, b), v in jaccards.items() if a in m and b in m)) for m in groups.values()]


blocks_strategy = hs.lists(hs.tuples(hs.sets(hs.sampled_from("abcdefgh"), min_size=1, max_size=6),
                                     hs.sampled_from(["", "6", "12"]), hs.booleans()), max_size=14)


@settings(max_examples=400, deadline=None)
@given(blocks_strategy, hs.sampled_from([(0.5, 0.8), (0.3, 0.6), (1.0, 1.0), (1.1, 1.1)]))
def test_near_duplicates_match_all_pairs(raw: list[Any], thresholds: tuple[float, float]) -> None:
    sets: dict[int, set[tuple[str, ...]]] = {2 * k: {(w,) for w in words}
                                             for k, (words, _, _) in enumerate(raw)}
    figures = {2 * k: Counter([fig] if fig else []) for k, (_, fig, _) in enumerate(raw)}
    summary_ids = {2 * k for k, (_, _, summary) in enumerate(raw) if summary}
    opts = {"jaccard": thresholds[0], "containment": thresholds[1]}
    def rounded(groups: list[tuple[list[int], float, float]]) -> list[tuple[list[int], float, float]]:
        return [(m, round(s, 9), round(c, 9)) for m, s, c in groups]

    assert rounded(repetition._near_duplicates(sets, figures, summary_ids, opts)) == \
        rounded(near_duplicates_reference(sets, figures, summary_ids, opts))


# -- EL302 / EL303 / EL305: claims compared only with claims about the same concept -------------------

from unittest import mock  # noqa: E402

from editlint.checks import claims_checks  # noqa: E402
from editlint.checks.claims.model import (  # noqa: E402
    AdviceClaim,
    AgeClaim,
    Hedge,
    Phase,
    QuantityClaim,
    Relation,
    StanceClaim,
    Verdict,
)

#: concepts that meet by key, by head (with or without modifiers), not at all, and a missing object
THINGS: list[Concept | None] = [
    Concept("honey", "honey", head="honey", known=True), Concept("honey", "raw honey", head="raw honey"),
    Concept("gel(numbing)", "numbing gel", head="gel", modifiers=frozenset({"numbing"})),
    Concept("gel(teething)", "teething gel", head="gel", modifiers=frozenset({"teething"})),
    Concept("gel", "gel", head="gel"), Concept("walk", "walk", head="walk"),
    Concept("walk(alone)", "walk alone", head="walk", modifiers=frozenset({"alone"})),
    Concept("nap-drop", "drop the nap"), Concept("nap-drop", "nap drop"), None,
]


def _prov(k: int, hedge: Hedge = Hedge.PLAIN, condition: str = "") -> Provenance:
    return Provenance(k * 100, k * 100 + 10, k * 100, k * 100 + 90, "test", block=k, hedge=hedge,
                      condition=condition)


def _claim(raw: tuple[int, int, int, int, int], k: int, things: Sequence[Concept | None]) -> Any:
    """One claim of each kind from a few small numbers (sentence ``k``): ages, amounts, advice, stance."""
    kind, t, n, flag, h = raw
    thing = things[t % len(things)]
    hedge = (Hedge.PLAIN, Hedge.MAJORITY, Hedge.MINORITY)[h % 3]
    prov = _prov(k, hedge, "if it is hot" if flag == 3 else "")
    concept = thing or Concept("x", "x", head="x")
    if kind == 0:
        rel = (Relation.AT, Relation.BY, Relation.FROM, Relation.NOT_BEFORE)[flag]
        months = (float(3 * n), float(3 * n + 2))
        return AgeClaim(concept, months, "month", months, rel, prov, phase=(Phase.ANY, Phase.START)[h % 2],
                        earliest=flag == 0 and h == 2)
    if kind == 1:
        amount = (float(50 * n), float(50 * n))
        return QuantityClaim(concept, amount, "ml", amount, "ml", prov,
                             relation=(Relation.AT, Relation.UP_TO, Relation.FROM, Relation.AT)[flag])
    if kind == 2:
        return AdviceClaim(("give", "avoid", "", "give")[flag], thing, 1 if n % 2 else -1, prov,
                           details=frozenset({"back"} if h == 1 else {"tummy"} if h == 2 else set()),
                           absolute=n > 4)
    if kind == 4:
        later = things[(t + n) % len(things)] or Concept("y", "y", head="y")
        return OrderClaim(concept, later, prov)
    if kind == 5:  # an age word ("newborns") doing something
        months = (0.0, float(n))
        return AgeClaim(concept, months, "age-word:newborn", months, Relation.AT, prov)
    verdicts = (Verdict.SAFE, Verdict.HARMFUL, Verdict.FINE, Verdict.WARNING_SIGN)
    return StanceClaim(concept, verdicts[flag], prov)


@functools.cache
def _check_words() -> claims_checks.CheckWords:
    """The shipped word lists, read once: without them ``opposite_pairs`` reads them again at every call."""
    return claims_checks.CheckWords.shipped()


def _conflicts(claims: list[Any], onto: Ontology) -> tuple[Any, ...]:
    groups = [frozenset({"back", "tummy"})]
    return (claims_checks.age_conflicts(claims), claims_checks.opposite_pairs(claims, groups, _check_words()),
            claims_checks.quantity_conflicts(claims), claims_checks.age_word_conflicts(claims, onto),
            claims_checks.order_age_conflicts(claims))


raw_claims = hs.lists(hs.tuples(hs.integers(0, 5), hs.integers(0, len(THINGS) - 1), hs.integers(0, 6),
                                hs.integers(0, 3), hs.integers(0, 2)), max_size=24)


def _every_claim(items: Sequence[Any], concept: Any) -> Callable[[Any], list[Any]]:
    return lambda c: list(items)


@settings(max_examples=300, deadline=None)
@given(raw=raw_claims)
@example(raw=[(0, 5, 6, 0, 0), (0, 0, 1, 0, 0), (4, 5, 5, 0, 0)])  # an order against the ages of both events
def test_concept_index_finds_what_all_pairs_find(onto: Ontology, raw: list[Any]) -> None:
    claims = [_claim(r, k, THINGS) for k, r in enumerate(raw)]
    indexed = _conflicts(claims, onto)
    with mock.patch.object(claims_checks, "related_pairs", lambda items, keys: claims_checks._pairs(items)), \
            mock.patch.object(claims_checks, "concept_index", _every_claim):
        assert indexed == _conflicts(claims, onto)


def many_things_article(topics: int) -> list[Any]:
    """Every kind of claim about ``topics`` different things, each said twice with different numbers
    and opposite advice (so every topic has its conflicts): a long article about many things."""
    things = [Concept(f"thing{t}", f"thing {t}", head=f"thing{t}") for t in range(topics)]
    return [_claim((kind, t, t + 3 * second, 0, 0), len(things) * (6 * second + kind) + t, things)
            for second in (0, 1) for kind in range(6) for t in range(topics)]


def test_claim_pair_checks_work_grows_linearly(onto: Ontology) -> None:
    small, large = many_things_article(30), many_things_article(120)
    found = [_conflicts(small, onto), _conflicts(large, onto)]
    assert all(found[1][k] and len(found[1][k]) == 4 * len(found[0][k]) for k in range(3))
    ratio = work(lambda: _conflicts(large, onto)) / work(lambda: _conflicts(small, onto))
    assert ratio <= MAX_RATIO
