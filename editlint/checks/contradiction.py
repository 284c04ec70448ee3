"""Contradiction family (EL3xx): an article that disagrees with itself or with reference knowledge.

Typed claims (order, age, quantity, advice, proposition, stance) are extracted once per document
(``claims/extract.py``: constructions in ``rules/claims/constructions/``, concepts from the parse, scopes
from ``rules/claims/scopes.toml``) and shared through ``ctx.memo``. This module holds EL301 (order
cycles over concept keys, transitive ones included), EL304 (the reference order and age windows of the
ontology in ``rules/claims/ontology/``, plus the guidance part from ``claims_checks.reference_hits``),
the ``[contradiction]`` configuration and the ``claims`` metric behind ``--explain-claims``. EL302, EL303
and EL305 live in ``claims_checks.py``.

A claim is one side of a contradiction only when the article itself asserts it: not a question, a
labelled myth, a quotation or reported belief, not hedged as an exception ("some babies", "may") and
not under a condition. A "majority" hedge ("usually", "most") still counts: "most babies crawl before
they walk" and "in most babies walking comes first" cannot both be true.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator, Sequence

from ..budget import checkpoint
from ..quote import clip
from .base import CheckContext, ConfigSection, Hit, Metric, Option, Span, check_type, metric_provider
from .claims.cues import claims_cue
from .claims.extract import claim_dict, extraction
from .claims.extract import claims_of as typed_claims_of
from .claims.model import AgeClaim, Concept, OrderClaim, Relation
from .claims.model import Claim as TypedClaim
from .claims.ontology import Ontology

NEEDS = ("parse", "lemma")

SECTION = ConfigSection("contradiction", {
    "ontology": Option(list, [], "ontology files (paths under rules/ or absolute); empty: all of "
                                 "rules/claims/ontology/"),
    "constructions": Option(list, [], "construction files (paths under rules/ or absolute); empty: "
                                      "all of rules/claims/constructions/"),
    "extra-ontology": Option(list, [], "ontology files added to the default set (your own concepts)"),
    "extra-constructions": Option(list, [], "construction files added to the default set"),
}, help="Knowledge and language data for the contradiction rules (EL3xx).")


# -- the typed claims (issue 13) ---------------------------------------------------------------------

def claims_of(ctx: CheckContext) -> list[TypedClaim]:
    """The document's typed claims, extracted once and shared by all EL3xx rules."""
    return typed_claims_of(ctx)


def ontology_of(ctx: CheckContext) -> Ontology:
    return extraction(ctx).ontology


def _words(ctx: CheckContext, c: TypedClaim, limit: int = 80) -> str:
    return clip(" ".join(ctx.doc.text[c.prov.sent_start:c.prov.sent_end].split()), limit)


def _pspan(c: TypedClaim) -> tuple[int, int]:
    return c.prov.start, max(c.prov.end, c.prov.start + 1)


def _order_words(o: OrderClaim) -> str:
    if o.later.key == "*":
        return f"“{o.earlier.text}” first"
    return f"“{o.earlier.text}” before “{o.later.text}”"


# -- EL301 -------------------------------------------------------------------------------------------

def _same(onto: Ontology, x: Concept, y: Concept) -> bool:
    """One concept, or a concept and its more general form ("crawling" ~ "crawling backward"; "crawl
    forward on hands" ~ "crawl forward"). Siblings are not the same: "pulling to stand" and "standing
    alone" may come in either order, and so may rolling in two directions."""
    if x.key == y.key:
        return True
    if not (x.known and y.known):
        return False
    bx, by = x.key.split("(", 1)[0], y.key.split("(", 1)[0]
    if bx == by:
        return bx in (x.key, y.key)  # the general form and a narrowed one, not two narrowed ones
    return by in onto.ancestors(bx)[1:2] or bx in onto.ancestors(by)[1:2]


def _independent(a: OrderClaim, b: OrderClaim) -> bool:
    """Two claims that may be sides of one contradiction: other sentences, not one list."""
    if a.prov.sent_start == b.prov.sent_start and a.prov.list_id is None:
        return False
    return not (a.prov.list_id is not None and a.prov.list_id == b.prov.list_id)


def usable_orders(claims: Iterable[TypedClaim]) -> list[OrderClaim]:
    """Order claims the article itself asserts, unhedged as an exception and unconditional."""
    return [c for c in claims if isinstance(c, OrderClaim) and c.prov.usable and not c.prov.condition]


def order_cycles(orders: Sequence[OrderClaim], onto: Ontology, max_chain: int) -> list[list[int]]:
    """Groups of claims (indexes) whose orders form a cycle: x<y and a chain y<...<x of other claims."""
    groups: list[list[int]] = []
    seen: set[frozenset[int]] = set()
    holding: dict[int, list[frozenset[int]]] = {}  # claim -> the groups seen that hold it
    index = _OrderIndex(orders, onto)
    for i in range(len(orders)):
        checkpoint()
        path = _chain(orders, onto, i, max_chain, index)
        if path is None:
            continue
        members = frozenset((i, *path))
        subsets = (frozenset(c) for r in range(1, len(members) + 1)
                   for c in itertools.combinations(sorted(members), r))
        if any(g in seen for g in subsets) or any(members <= g for g in holding.get(i, ())):
            continue
        seen.add(members)
        for k in members:
            holding.setdefault(k, []).append(members)
        groups.append(sorted(members, key=lambda k: orders[k].prov.start))
    return groups


def alternatives(onto: Ontology, x: Concept, y: Concept) -> bool:
    """Two concepts an article can rank against each other: siblings in the ontology (same parent or
    group), or open concepts with one head and other modifiers ("bottom teeth" / "top teeth")."""
    if x.key == y.key or _same(onto, x, y):
        return False
    if x.known and y.known:
        bx, by = x.key.split("(", 1)[0], y.key.split("(", 1)[0]
        if bx == by:
            return True  # two narrowed forms of one concept ("rolling one way" / "the other way")
        cx, cy = onto.concepts.get(bx), onto.concepts.get(by)
        if cx is None or cy is None:
            return False
        return bool((cx.group and cx.group == cy.group) or (cx.parent and cx.parent == cy.parent))
    return not (x.known or y.known) and x.head == y.head and bool(x.modifiers) and bool(y.modifiers)


def first_conflicts(orders: Sequence[OrderClaim], onto: Ontology) -> list[list[int]]:
    """ "X comes first" against "Y before X" or "Y comes first", Y an alternative of X."""
    groups: list[list[int]] = []
    firsts = [i for i, c in enumerate(orders) if c.later.key == "*"]
    # Which claims go against "x first" depends only on x's concept: found once per concept, so many
    # copies of one "x comes first" cost one scan of the claims, not one each.
    against_x: dict[tuple[str, bool, str, frozenset[str]], list[int]] = {}
    for i in firsts:
        checkpoint()
        x = orders[i].earlier
        key = (x.key, x.known, x.head, x.modifiers)
        if key not in against_x:
            against_x[key] = [j for j, c in enumerate(orders) if alternatives(onto, c.earlier, x) and (
                c.later.key == "*" or _same(onto, c.later, x))]
        for j in against_x[key]:
            c = orders[j]
            if j == i or not _independent(orders[i], c) or (c.later.key == "*" and j < i):
                continue
            groups.append(sorted((i, j), key=lambda k: orders[k].prov.start))
    return groups


def _chain(orders: Sequence[OrderClaim], onto: Ontology, i: int, max_chain: int,
           index: _OrderIndex | None = None) -> tuple[int, ...] | None:
    """The shortest chain of other claims leading from claim i's later event back to its earlier one.

    Of the shortest chains, the first in claim order (lexicographically smallest indexes), found by a
    depth-first search per length that only follows claims whose earlier event is the same as the node
    (an index, not a scan of every claim) and only into nodes from which the concepts alone can still
    close the cycle in the steps left. A breadth-first search over all paths grew as n^3 in claims."""
    index = index or _OrderIndex(orders, onto)
    start = orders[i]
    goal = start.earlier
    if _same(onto, start.earlier, start.later):  # a narrowed form and its general one ("walking with one
        return next(((j,) for j in index.by_key.get(start.later.key, ())  # hand held" / "walking"): only
                     if j != i and orders[j].later.key == start.earlier.key  # the exact reverse counts
                     and _independent(start, orders[j])), None)

    def extend(node: Concept, path: tuple[int, ...], left: int) -> tuple[int, ...] | None:
        for j in index.after(node):
            c = orders[j]
            if j == i or j in path or _same(onto, c.earlier, c.later):
                continue
            if not _independent(start, c) or any(not _independent(orders[k], c) for k in path):
                continue
            if left == 1:
                if _same(onto, c.later, start.earlier):
                    return (*path, j)
            elif index.reaches(c.later, goal, left - 1):
                found = extend(c.later, (*path, j), left - 1)
                if found is not None:
                    return found
        return None

    for length in range(1, max_chain + 1):
        if index.reaches(start.later, goal, length):
            found = extend(start.later, (), length)
            if found is not None:
                return found
    return None


_CKey = tuple[str, bool]


def _ckey(c: Concept) -> _CKey:
    """What ``_same`` looks at in a concept."""
    return c.key, c.known


class _OrderIndex:
    """The order claims by their earlier event, for following chains without scanning every claim."""

    def __init__(self, orders: Sequence[OrderClaim], onto: Ontology) -> None:
        self.orders, self.onto = orders, onto
        self.by_key: dict[str, list[int]] = {}
        self.by_base: dict[str, list[int]] = {}
        self.children: dict[str, set[str]] = {}
        for j, c in enumerate(orders):
            self.by_key.setdefault(c.earlier.key, []).append(j)
            if c.earlier.known:
                base = c.earlier.key.split("(", 1)[0]
                self.by_base.setdefault(base, []).append(j)
        for base in self.by_base:
            for parent in onto.ancestors(base)[1:2]:
                self.children.setdefault(parent, set()).add(base)
        self._after: dict[_CKey, list[int]] = {}
        self._nexts: dict[_CKey, list[Concept]] = {}
        self._reach: dict[tuple[_CKey, _CKey, int], bool] = {}

    def after(self, node: Concept) -> list[int]:
        """Claims (ascending) whose earlier event is ``_same`` as ``node``."""
        key = _ckey(node)
        if key not in self._after:
            cands = set(self.by_key.get(node.key, ()))
            if node.known:
                base = node.key.split("(", 1)[0]
                for b in (base, *self.onto.ancestors(base)[1:2], *self.children.get(base, ())):
                    cands.update(self.by_base.get(b, ()))
            self._after[key] = sorted(j for j in cands if _same(self.onto, self.orders[j].earlier, node))
        return self._after[key]

    def reaches(self, node: Concept, goal: Concept, steps: int) -> bool:
        """Whether some chain of at most ``steps`` claims leads from ``node`` to ``goal``, concepts only
        (no check of which claims may stand together): a bound that prunes the search, never a result."""
        key = (_ckey(node), _ckey(goal), steps)
        if key not in self._reach:
            self._reach[key] = any(
                _same(self.onto, later, goal) or (steps > 1 and self.reaches(later, goal, steps - 1))
                for later in self._next(node))
        return self._reach[key]

    def _next(self, node: Concept) -> list[Concept]:
        key = _ckey(node)
        if key not in self._nexts:
            seen: dict[_CKey, Concept] = {}
            for j in self.after(node):
                seen.setdefault(_ckey(self.orders[j].later), self.orders[j].later)
            self._nexts[key] = list(seen.values())
        return self._nexts[key]


@check_type("stage-order-contradiction", needs=NEEDS, cue=claims_cue, options={
    "max-chain": Option(int, 3, "longest chain of other claims that can imply the opposite order"),
})
def stage_order_contradiction(ctx: CheckContext) -> Iterator[Hit]:
    """Two passages (or a chain of them, or a stage list) that put the same events in opposite orders."""
    onto = ontology_of(ctx)
    orders = usable_orders(claims_of(ctx))
    groups = order_cycles(orders, onto, ctx.options["max-chain"]) + first_conflicts(orders, onto)
    merged = _by_primary(orders, groups, onto)
    for primary, others in merged.items():
        c = orders[primary]
        said = "; ".join(f"{_order_words(o)} (“{_words(ctx, o, 70)}”)" for o in others)
        s, e = _pspan(c)
        yield Hit(s, e, f"stage order contradicts itself: here {_order_words(c)}, but elsewhere {said}; "
                        "decide which order is right and make the passages agree",
                  related=tuple(Span(*_pspan(o), f"says {_order_words(o)}: “{_words(ctx, o, 70)}”")
                                for o in others),
                  key=f"{c.earlier.key}<{c.later.key}",
                  data={"claim": claim_dict(c), "others": [claim_dict(o) for o in others]})


def _by_primary(orders: Sequence[OrderClaim], groups: list[list[int]], onto: Ontology
                ) -> dict[int, list[OrderClaim]]:
    """One finding per odd one out: the claim that also goes against the reference, else the one in
    most cycles, else the last; the other sides of all its cycles are its related places."""
    count: dict[int, int] = {}
    for g in groups:
        for k in g:
            count[orders[k].prov.sent_start] = count.get(orders[k].prov.sent_start, 0) + 1
    out: dict[int, list[OrderClaim]] = {}
    listed: dict[int, set[OrderClaim]] = {}  # the same as out, for membership in constant time
    by_sentence: dict[int, int] = {}
    for g in groups:
        primary = max(g, key=lambda k: (_against(onto, orders[k]), count[orders[k].prov.sent_start],
                                        orders[k].prov.start))
        primary = by_sentence.setdefault(orders[primary].prov.sent_start, primary)
        others = out.setdefault(primary, [])
        known = listed.setdefault(primary, set())
        for k in g:
            o = orders[k]
            if o.prov.sent_start != orders[primary].prov.sent_start and o not in known:
                others.append(o)
                known.add(o)
    for others in out.values():
        others.sort(key=lambda o: o.prov.start)
    return out


# -- EL304 -------------------------------------------------------------------------------------------

def _against(onto: Ontology, c: OrderClaim) -> bool:
    return onto.reference(c.earlier.key, c.later.key) is not None


def _order_against_reference(ctx: CheckContext, orders: Sequence[OrderClaim],
                             onto: Ontology) -> Iterator[Hit]:
    reported: set[tuple[str, str]] = set()
    for c in orders:
        if c.later.key == "*":
            continue
        path = onto.reference(c.earlier.key, c.later.key)
        if not path or (c.earlier.key, c.later.key) in reported:
            continue
        reported.add((c.earlier.key, c.later.key))
        sources = "; ".join(dict.fromkeys(r.source for r in path))
        how = "always" if all(r.strength == "required" for r in path) else "usually"
        s, e = _pspan(c)
        yield Hit(s, e, f"against the usual order: this puts {_order_words(c)}, but {how} "
                        f"{onto.label(c.later.key)} comes first, then {onto.label(c.earlier.key)} "
                        f"({sources}); "
                        "check the order", key=f"ref-order:{c.earlier.key}<{c.later.key}",
                  data={"claim": claim_dict(c), "sources": [r.source for r in path]})


def _age_outside_window(ctx: CheckContext, claims: Iterable[TypedClaim], onto: Ontology) -> Iterator[Hit]:
    for c in claims:
        if not isinstance(c, AgeClaim) or not c.prov.usable or c.prov.condition or not c.concept.known:
            continue
        if c.relation not in (Relation.AT, Relation.BY):
            continue
        w = onto.window(c.concept.key)
        if w is None:
            continue
        (wlo, whi), source = w
        lo, hi = (0.0, c.months[1]) if c.relation is Relation.BY else c.months
        if c.unit.startswith(AGE_WORD):
            if hi < wlo - 1:  # "toddlers sit": a skill is kept after its window; only too young is wrong
                yield _age_word_below_window(ctx, c, onto, (wlo, whi), source)
        elif hi < wlo - 1 or lo > whi + 1:
            s, e = _pspan(c)
            yield Hit(s, e, f"age outside the normal range: “{_words(ctx, c, 70)}” puts "
                            f"{onto.label(c.concept.key)} at {_fmt_range(c.stated)} {_units(c)}, "
                            f"but the usual window is {wlo:g}–{whi:g} months ({source}); check the age",
                      key=f"ref-age:{c.concept.key}", data={"claim": claim_dict(c), "window": [wlo, whi]})


AGE_WORD = "age-word:"


def _age_word_below_window(ctx: CheckContext, c: AgeClaim, onto: Ontology, window: tuple[float, float],
                           source: str) -> Hit:
    """An age word ("newborns") doing what starts later. Its key is the one EL302 gives the same age word,
    so the pack's ``[rule.overlaps] same-key`` keeps one finding when both rules run."""
    word = c.unit.removeprefix(AGE_WORD)
    s, e = _pspan(c)
    return Hit(s, e, f"age outside the normal range: “{_words(ctx, c, 70)}” uses the age word {word} (up to "
                     f"about {c.months[1]:g} months) for {onto.label(c.concept.key)}, but the usual window "
                     f"is {window[0]:g}–{window[1]:g} months ({source}); check the age",
               key=f"age-word:{word}:{c.concept.key}",
               data={"claim": claim_dict(c), "window": list(window)})


def _units(c: AgeClaim) -> str:
    """The claim's unit as the article would write it ("3 months", "1 year")."""
    one = c.stated == (1.0, 1.0)
    return c.unit if one or c.unit.endswith("s") else f"{c.unit}s"


def _fmt_range(r: tuple[float, float]) -> str:
    return f"{r[0]:g}" if r[0] == r[1] else f"{r[0]:g}–{r[1]:g}"


@check_type("against-reference", needs=NEEDS, cue=claims_cue)
def against_reference(ctx: CheckContext) -> Iterator[Hit]:
    """Claims against the ontology's reference order, age windows and guidance, citing the source."""
    onto = ontology_of(ctx)
    claims = claims_of(ctx)
    yield from _order_against_reference(ctx, usable_orders(claims), onto)
    yield from _age_outside_window(ctx, claims, onto)
    yield from _guidance_hits(ctx, claims)


def _guidance_hits(ctx: CheckContext, claims: Sequence[TypedClaim]) -> Iterator[Hit]:
    try:
        from .claims_checks import reference_hits
    except ImportError:  # pragma: no cover - claims_checks is part of the package
        return
    yield from reference_hits(ctx, claims)


# -- explainability ----------------------------------------------------------------------------------

@metric_provider("claims", category="contradiction", needs=NEEDS)
def claims_metric(ctx: CheckContext) -> Iterator[Metric]:
    """With --explain-claims: every typed claim found, with its span, scopes and concepts."""
    if "explain-claims" not in ctx.config.flags:
        return
    out = []
    for c in claims_of(ctx):
        line, col = ctx.doc.position(c.prov.start)
        d = claim_dict(c)
        d.update({"line": line, "column": col, "text": ctx.doc.text[c.prov.start:c.prov.end],
                  "sentence": ctx.doc.text[c.prov.sent_start:c.prov.sent_end]})
        out.append(d)
    yield Metric("claims", out)
