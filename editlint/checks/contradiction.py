"""Contradiction family (EL3xx): an article that disagrees with itself or with the reference order.

Claims (orderings, ages, age words, advice, verdicts) are extracted once per document with spaCy
(``claims/extract.py``, shared through ``ctx.memo``) and compared: inside the article (EL301–EL303) and
against the milestone packs in ``rules/data/`` (EL304).

Hedges: a "minority" claim ("some babies skip crawling", "may", "as early as") is an exception and is
never one side of a contradiction; a "majority" hedge ("usually", "most") still is, because "most babies
crawl before they walk" and "in most babies walking comes first" cannot both be true. Questions, myths
labelled as such and (for orderings and ages) if-clauses produce no claims at all.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

from ..quote import clip
from .base import CheckContext, ConfigSection, Hit, Metric, Option, Span, check_type, metric_provider
from .claims.extract import claim_dict, extraction
from .claims.extract import claims_of as typed_claims_of
from .claims.extract_legacy import Claim, extract, summary
from .claims.knowledge import AGE_WORDS, DEFAULT_PACKS, Knowledge, knowledge
from .claims.model import AgeClaim, Concept, OrderClaim, Relation
from .claims.model import Claim as TypedClaim
from .claims.ontology import Ontology

NEEDS = ("parse", "lemma")

SECTION = ConfigSection("contradiction", {
    "packs": Option(list, list(DEFAULT_PACKS), "milestone packs (paths under rules/) used by EL3xx"),
    "age-words": Option(str, AGE_WORDS, "age-word data file (path under rules/)"),
}, help="Domain knowledge for the contradiction rules.")


def _kb(ctx: CheckContext) -> Knowledge:
    sec = ctx.config.section("contradiction")
    return knowledge(tuple(sec.get("packs", DEFAULT_PACKS)), sec.get("age-words", AGE_WORDS))


def legacy_claims_of(ctx: CheckContext) -> list[Claim]:
    """The old extractor's claims (EL302/EL303 until claims_checks.py takes them over)."""
    kb = _kb(ctx)
    claims: list[Claim] = ctx.memo(("el3-claims", id(kb)), lambda: extract(ctx.doc, kb, ctx.spacy))
    return claims


def _quote(ctx: CheckContext, c: Claim, limit: int = 90) -> str:
    raw = c.quote if c.list_id is not None else ctx.doc.text[c.sent_start:c.sent_end]
    text = " ".join(raw.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _span(c: Claim) -> tuple[int, int]:
    return c.start, max(c.end, c.start + 1)


def _related(ctx: CheckContext, c: Claim, kb: Knowledge, note: str = "") -> Span:
    s, e = _span(c)
    return Span(s, e, note or f"says {summary(c, kb)}: “{_quote(ctx, c)}”")


# -- EL302 -------------------------------------------------------------------------------------------

def _interval(c: Claim) -> tuple[float, float]:
    assert c.months is not None
    lo, hi = c.months
    return (0.0, hi) if c.relation == "by" else (lo, hi)


def _window_of(kb: Knowledge, mid: str) -> tuple[tuple[float, float], str] | None:
    m = kb.milestones.get(mid)
    while m is not None:
        if m.window:
            return m.window, kb.source(m.pack, m.window_source)
        m = kb.milestones.get(m.parent) if m.parent else None
    return None


def _age_word_conflicts(claims: list[Claim], kb: Knowledge) -> list[tuple[Claim, tuple[float, float], str]]:
    out = []
    for c in claims:
        if c.kind != "age-word" or c.months is None:
            continue
        w = _window_of(kb, c.subjects[0])
        if w and w[0][0] > c.months[1] + 0.5:
            out.append((c, w[0], w[1]))
    return out


def _outside(c: Claim, window: tuple[tuple[float, float], str] | None) -> bool:
    """Is the claimed age entirely outside the reference window?"""
    if not window:
        return False
    lo, hi = _interval(c)
    return hi < window[0][0] or lo > window[0][1]


def _usable_age(c: Claim) -> bool:
    return (c.kind == "age" and c.relation in ("at", "by") and c.polarity > 0 and not c.exception
            and not c.conditional and c.months is not None)


@check_type("age-inconsistency", needs=NEEDS)
def age_inconsistency(ctx: CheckContext) -> Iterator[Hit]:
    """Ages for one milestone that do not overlap, and age words ("newborns") that cannot fit it."""
    kb = _kb(ctx)
    claims = legacy_claims_of(ctx)
    word_conflicts = _age_word_conflicts(claims, kb)
    word_sents = {c.sid for c, _, _ in word_conflicts}  # already reported as an age word
    ages = [c for c in claims if _usable_age(c)]
    pairs: list[tuple[Claim, Claim]] = []
    for i, a in enumerate(ages):
        for b in ages[i + 1:]:
            if a.subjects != b.subjects or a.sid == b.sid or a.sid in word_sents or b.sid in word_sents:
                continue
            (lo1, hi1), (lo2, hi2) = _interval(a), _interval(b)
            if max(lo1, lo2) <= min(hi1, hi2):
                continue
            if {a.phase, b.phase} == {"start", "master"}:
                start, master = (a, b) if a.phase == "start" else (b, a)
                if _interval(start)[0] <= _interval(master)[1]:
                    continue  # "starts at 6 months, masters it at 9": a skill takes time
            pairs.append((a, b))
    # the odd one out (in most conflicts, or outside the reference window) carries the finding, once
    count: dict[int, int] = {}
    for a, b in pairs:
        count[id(a)] = count.get(id(a), 0) + 1
        count[id(b)] = count.get(id(b), 0) + 1
    flagged: set[int] = set()
    for a, b in pairs:
        w = _window_of(kb, a.subjects[0])
        rank_a = (count[id(a)], _outside(a, w), 0)
        rank_b = (count[id(b)], _outside(b, w), 1)
        primary, other = (a, b) if rank_a > rank_b else (b, a)
        if id(primary) in flagged:
            continue
        flagged.add(id(primary))
        s, e = _span(primary)
        yield Hit(s, e, f"ages disagree: here {summary(primary, kb)}, but another passage says "
                        f"{summary(other, kb)} (“{_quote(ctx, other, 70)}”); give one age range for "
                        f"{kb.label(a.subjects[0])} and use it in both places",
                  related=(_related(ctx, other, kb),), key=f"age:{a.subjects[0]}")
    for c, (lo, _hi), source in word_conflicts:
        words = ctx.doc.text[c.start:c.end].split()
        word = words[0] if words else c.subjects[1]
        first_age = next((a for a in ages if a.subjects[0] == c.subjects[0]), None)
        related = (_related(ctx, first_age, kb),) if first_age else ()
        s = c.start
        e = s + len(word)
        upper = c.months[1] if c.months else 0.0
        yield Hit(s, e, f"age word does not fit: “{word.strip(',.')}” ({c.subjects[1]}: up to about "
                        f"{upper:.0f} months) cannot be doing {kb.label(c.subjects[0])}, "
                        "which starts at "
                        f"about {lo:g} months at the earliest ({source}); say “babies” or give the age",
                  related=related, key=f"age-word:{c.subjects[1]}:{c.subjects[0]}")


def _stated(c: Claim) -> tuple[float, float]:
    """The ages as the article writes them (no margin for "about")."""
    return c.stated or c.months or (0.0, 0.0)


# -- EL303 -------------------------------------------------------------------------------------------

def _args_match(a: Claim, b: Claim) -> bool:
    """Same behaviour: the same details, or one side's details include the other's.

    A bare "don't X" / "never X" covers "do X at nap time"; a bare "do X" does not cover "don't X with a
    bottle" (do it, but not that way)."""
    if a.months and b.months and max(a.months[0], b.months[0]) > min(a.months[1], b.months[1]):
        return False  # "never give water under 6 months" vs "give water from 6 months": different ages
    if a.args == b.args:
        return True
    small, big = sorted((a, b), key=lambda c: len(c.args))
    if not small.args <= big.args:
        return False
    return bool(small.args) or small.polarity < 0 or small.absolute


def _same_behaviour(a: Claim, b: Claim) -> bool:
    """Same advice subject; "avoid honey" ("any|honey") matches any verb on honey."""
    if a.subjects == b.subjects:
        return True
    (va, _, oa), (vb, _, ob) = a.subjects[0].partition("|"), b.subjects[0].partition("|")
    return a.kind == "advice" and oa == ob and "any" in (va, vb) and "milestone" not in (va, vb)


def _exclusive(a: Claim, b: Claim, groups: list[frozenset[str]]) -> tuple[str, str] | None:
    """Two pieces of advice that differ only by mutually exclusive details ("on their back" / "on their
    tummy"): the details, else None."""
    for g in groups:
        x, y = a.args & g, b.args & g
        rest_a, rest_b = a.args - g, b.args - g
        if len(x) == 1 and len(y) == 1 and x != y and (rest_a <= rest_b or rest_b <= rest_a):
            return next(iter(x)), next(iter(y))
    return None


@check_type("opposite-advice", needs=NEEDS, options={
    "exclusive": Option(list, [], "groups of details that exclude each other (sleep on the back / tummy)"),
})
def opposite_advice(ctx: CheckContext) -> Iterator[Hit]:
    """Opposite advice ("never wake…" vs "always wake…") or verdicts ("normal" vs "a warning sign")."""
    kb = _kb(ctx)
    claims = legacy_claims_of(ctx)
    groups = [frozenset(str(w).lower() for w in g) for g in ctx.options["exclusive"] if isinstance(g, list)]
    adv = [c for c in claims if c.kind in ("advice", "verdict") and not c.exception]
    done: set[int] = set()
    said: set[tuple[tuple[int, int], tuple[int, int]]] = set()
    for i, a in enumerate(adv):
        for b in adv[i + 1:]:
            if a.kind != b.kind or not _same_behaviour(a, b) or a.sid == b.sid:
                continue
            if id(a) in done or id(b) in done or (a.sid, b.sid) in said:
                continue  # one finding per pair of sentences ("never tilt or prop up …" is one advice)
            if a.polarity == b.polarity:
                pair = _exclusive(a, b, groups) if a.kind == "advice" and a.polarity > 0 else None
                if pair is None or a.conditional or b.conditional or a.hedge or b.hedge:
                    continue
                done.add(id(b))
                said.add((a.sid, b.sid))
                s, e = b.start, max(b.end, b.start + 1)
                yield Hit(s, e, f"opposite advice: here “{_quote(ctx, b, 70)}” ({pair[1]}), "
                                "but another passage "
                                f"says “{_quote(ctx, a, 70)}” ({pair[0]}); keep one",
                          related=(Span(a.start, max(a.end, a.start + 1),
                                        f"the other advice: {summary(a, kb)}"),),
                          key=f"advice-exclusive:{a.subjects[0]}")
                continue
            if a.kind == "advice":
                if not _args_match(a, b):
                    continue
                if not (a.absolute or b.absolute) and (a.conditional or b.conditional or a.hedge or b.hedge):
                    continue
            elif a.conditional or b.conditional:
                continue
            done.add(id(b))
            said.add((a.sid, b.sid))
            s, e = b.start, max(b.end, b.start + 1)
            what = "opposite advice" if a.kind == "advice" else "opposite verdicts"
            yield Hit(s, e, f"{what}: here “{_quote(ctx, b, 70)}”, but another passage says "
                            f"“{_quote(ctx, a, 70)}”; say when each applies, or keep one",
                      related=(Span(a.start, max(a.end, a.start + 1), f"the opposite: {summary(a, kb)}"),),
                      key=f"advice:{a.subjects[0]}")
    # "no honey before 12 months" vs "honey from 6 months"
    forbid = [c for c in claims if c.kind == "age" and c.relation == "not-before" and c.months]
    allow = [c for c in claims if c.kind == "age" and c.polarity > 0 and c.relation in ("from", "at")
             and c.months and not c.conditional and not c.exception]
    for f in forbid:
        limit = _stated(f)[1]
        for a in allow:
            if a.subjects == f.subjects and _stated(a)[0] < limit - 0.5 and a.sid != f.sid:
                s, e = _span(a)
                lab = kb.label(a.subjects[0])
                yield Hit(s, e, f"opposite advice: here {lab} is offered from {_stated(a)[0]:g} months, "
                                "but another "
                                f"passage says no {lab} before {limit:g} months (“{_quote(ctx, f, 70)}”); "
                                "make them agree",
                          related=(_related(ctx, f, kb),), key=f"advice-age:{a.subjects[0]}")
                break


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
    return f"“{o.earlier.text}” before “{o.later.text}”"


# -- EL301 -------------------------------------------------------------------------------------------

def _same(onto: Ontology, x: Concept, y: Concept) -> bool:
    """One concept, or a concept and its more general form ("crawling" ~ "crawling backward").

    Siblings are not the same: "pulling to stand" and "standing alone" may come in either order."""
    if x.key == y.key:
        return True
    if not (x.known and y.known):
        return False
    return y.key in onto.ancestors(x.key)[1:2] or x.key in onto.ancestors(y.key)[1:2]


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
    seen: list[frozenset[int]] = []
    for i in range(len(orders)):
        path = _chain(orders, onto, i, max_chain)
        if path is None:
            continue
        members = frozenset((i, *path))
        if any(g <= members or members <= g for g in seen):
            continue
        seen.append(members)
        groups.append(sorted(members, key=lambda k: orders[k].prov.start))
    return groups


def _chain(orders: Sequence[OrderClaim], onto: Ontology, i: int, max_chain: int) -> tuple[int, ...] | None:
    """The shortest chain of other claims leading from claim i's later event back to its earlier one."""
    start = orders[i]
    frontier: list[tuple[Concept, tuple[int, ...]]] = [(start.later, ())]
    for _ in range(max_chain):
        nxt: list[tuple[Concept, tuple[int, ...]]] = []
        for node, path in frontier:
            for j, c in enumerate(orders):
                if j == i or j in path or not _same(onto, c.earlier, node):
                    continue
                if not _independent(start, c) or any(not _independent(orders[k], c) for k in path):
                    continue
                if _same(onto, c.later, start.earlier):
                    return (*path, j)
                nxt.append((c.later, (*path, j)))
        frontier = nxt
    return None


@check_type("stage-order-contradiction", needs=NEEDS, options={
    "max-chain": Option(int, 3, "longest chain of other claims that can imply the opposite order"),
})
def stage_order_contradiction(ctx: CheckContext) -> Iterator[Hit]:
    """Two passages (or a chain of them, or a stage list) that put the same events in opposite orders."""
    onto = ontology_of(ctx)
    orders = usable_orders(claims_of(ctx))
    groups = order_cycles(orders, onto, ctx.options["max-chain"])
    count: dict[int, int] = {}
    for g in groups:
        for k in g:
            count[orders[k].prov.sent_start] = count.get(orders[k].prov.sent_start, 0) + 1
    reported: set[int] = set()
    for g in groups:
        # the claim that also goes against the reference, else the odd one out, else the last one
        primary = max(g, key=lambda k: (_against(onto, orders[k]), count[orders[k].prov.sent_start],
                                        orders[k].prov.start))
        c = orders[primary]
        if c.prov.sent_start in reported:
            continue
        reported.add(c.prov.sent_start)
        others = [orders[k] for k in g if k != primary]
        said = "; ".join(f"{_order_words(o)} (“{_words(ctx, o, 70)}”)" for o in others)
        s, e = _pspan(c)
        yield Hit(s, e, f"stage order contradicts itself: here {_order_words(c)}, but elsewhere {said}; "
                        "decide which order is right and make the passages agree",
                  related=tuple(Span(*_pspan(o), f"says {_order_words(o)}: “{_words(ctx, o, 70)}”")
                                for o in others),
                  key=f"{c.earlier.key}<{c.later.key}",
                  data={"claim": claim_dict(c), "others": [claim_dict(o) for o in others]})


# -- EL304 -------------------------------------------------------------------------------------------

def _against(onto: Ontology, c: OrderClaim) -> bool:
    return onto.reference(c.earlier.key, c.later.key) is not None


def _order_against_reference(ctx: CheckContext, orders: Sequence[OrderClaim],
                             onto: Ontology) -> Iterator[Hit]:
    reported: set[tuple[str, str]] = set()
    for c in orders:
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
        if c.relation not in (Relation.AT, Relation.BY) or c.unit.startswith("age-word"):
            continue
        w = onto.window(c.concept.key)
        if w is None:
            continue
        (wlo, whi), source = w
        lo, hi = (0.0, c.months[1]) if c.relation is Relation.BY else c.months
        if hi < wlo - 1 or lo > whi + 1:
            s, e = _pspan(c)
            yield Hit(s, e, f"age outside the normal range: “{_words(ctx, c, 70)}” puts "
                            f"{onto.label(c.concept.key)} at {_fmt_range(c.stated)} {c.unit}, but the usual "
                            f"window is {wlo:g}–{whi:g} months ({source}); check the age",
                      key=f"ref-age:{c.concept.key}", data={"claim": claim_dict(c), "window": [wlo, whi]})


def _fmt_range(r: tuple[float, float]) -> str:
    return f"{r[0]:g}" if r[0] == r[1] else f"{r[0]:g}–{r[1]:g}"


@check_type("against-reference", needs=NEEDS)
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
