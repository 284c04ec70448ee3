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

from collections.abc import Iterator
from typing import Any

from .base import CheckContext, ConfigSection, Hit, Metric, Option, Span, check_type, metric_provider
from .claims.extract import claim_dict
from .claims.extract import claims_of as typed_claims_of
from .claims.extract_legacy import Claim, extract, summary
from .claims.knowledge import AGE_WORDS, DEFAULT_PACKS, Knowledge, knowledge

NEEDS = ("parse", "lemma")

SECTION = ConfigSection("contradiction", {
    "packs": Option(list, list(DEFAULT_PACKS), "milestone packs (paths under rules/) used by EL3xx"),
    "age-words": Option(str, AGE_WORDS, "age-word data file (path under rules/)"),
}, help="Domain knowledge for the contradiction rules.")


def _kb(ctx: CheckContext) -> Knowledge:
    sec = ctx.config.section("contradiction")
    return knowledge(tuple(sec.get("packs", DEFAULT_PACKS)), sec.get("age-words", AGE_WORDS))


def claims_of(ctx: CheckContext) -> list[Claim]:
    """The document's claims, extracted once and shared by all EL3xx rules."""
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


# -- EL301 -------------------------------------------------------------------------------------------

def _order_edges(claims: list[Claim]) -> list[tuple[str, str, int]]:
    """(earlier, later, claim index) for the order claims that can take part in a contradiction."""
    return [(c.subjects[0], c.subjects[1], i) for i, c in enumerate(claims)
            if c.kind == "order" and not c.exception and not c.conditional]


def _same(kb: Knowledge, x: str, y: str) -> bool:
    """The same milestone, or a milestone and its general form ("crawling" ~ "forward crawling").

    Siblings are not the same: "pulling to stand" and "standing alone" may be in either order."""
    if x == y:
        return True
    px, py = kb.milestones[x].parent, kb.milestones[y].parent
    return px == y or py == x


def _against_reference(c: Claim, kb: Knowledge) -> tuple[str, tuple[Any, ...]] | None:
    a, b = c.subjects
    for y in (b, kb.milestones[b].parent):
        for x in (a, kb.milestones[a].parent):
            if x and y and (y, x) in kb.closure:
                return kb.closure[(y, x)]
    return None


@check_type("stage-order-contradiction", needs=NEEDS, options={
    "max-chain": Option(int, 3, "longest chain of other claims that can imply the opposite order"),
})
def stage_order_contradiction(ctx: CheckContext) -> Iterator[Hit]:
    """Two passages (or a passage and a stages list) that put the same milestones in opposite orders."""
    kb = _kb(ctx)
    claims = claims_of(ctx)
    edges = _order_edges(claims)
    seen: set[frozenset[tuple[int, int]]] = set()
    groups: list[list[int]] = []
    max_chain = ctx.options["max-chain"]

    def compatible(i: int, j: int) -> bool:
        ci, cj = claims[i], claims[j]
        if ci.sid == cj.sid:
            return False  # one sentence stating both orders is parse noise, not a contradiction
        return not (ci.list_id is not None and ci.list_id == cj.list_id)

    for x, y, i in edges:
        # a path y -> ... -> x made of other claims
        frontier: list[tuple[str, tuple[int, ...]]] = [(y, ())]
        found: tuple[int, ...] | None = None
        for _ in range(max_chain):
            nxt: list[tuple[str, tuple[int, ...]]] = []
            for node, path in frontier:
                for frm, to, j in edges:
                    if not _same(kb, frm, node) or j == i or j in path or not compatible(i, j):
                        continue
                    if any(claims[j].sid == claims[k].sid for k in path):
                        continue
                    if _same(kb, to, x):
                        found = path + (j,)
                        break
                    nxt.append((to, path + (j,)))
                if found:
                    break
            if found:
                break
            frontier = nxt
        if not found:
            continue
        sids = frozenset(claims[k].sid for k in (i,) + found)
        if sids in seen or any(g <= sids or sids <= g for g in seen):
            continue
        seen.add(sids)
        groups.append(sorted(set((i,) + found), key=lambda k: claims[k].start))
    # a claim in several contradictions is the odd one out; it carries one finding
    count: dict[tuple[int, int], int] = {}
    for members in groups:
        for k in members:
            count[claims[k].sid] = count.get(claims[k].sid, 0) + 1
    reported: set[tuple[int, int]] = set()
    for members in groups:
        # on the claim that also goes against the reference, else the odd one out, else the last one
        primary = max(members, key=lambda k: (bool(_against_reference(claims[k], kb)), count[claims[k].sid],
                                               claims[k].start))
        c = claims[primary]
        if c.sid in reported:
            continue
        reported.add(c.sid)
        others = [claims[k] for k in members if k != primary]
        if len(others) == 1:
            other_text = f"another passage says {summary(others[0], kb)} (“{_quote(ctx, others[0], 70)}”)"
        else:
            other_text = "other passages say " + " and ".join(summary(o, kb) for o in others)
        s, e = _span(c)
        yield Hit(s, e, f"stage order contradicts itself: here {summary(c, kb)}, but {other_text}; "
                        "decide which order is right and make both passages agree",
                  related=tuple(_related(ctx, o, kb) for o in others),
                  key=f"{c.subjects[0]}<{c.subjects[1]}")


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
    claims = claims_of(ctx)
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
    claims = claims_of(ctx)
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


# -- EL304 -------------------------------------------------------------------------------------------

@check_type("against-reference", needs=NEEDS)
def against_reference(ctx: CheckContext) -> Iterator[Hit]:
    """Claims against the packs' reference order, age windows or earliest safe ages, citing the source."""
    kb = _kb(ctx)
    claims = claims_of(ctx)
    age_word_sents = {c.sid for c, _, _ in _age_word_conflicts(claims, kb)}
    reported: set[tuple[str, ...]] = set()
    for c in claims:
        if c.exception or c.conditional:
            continue
        if c.kind == "order":
            ref = _against_reference(c, kb)
            if not ref or tuple(c.subjects) in reported:
                continue
            reported.add(tuple(c.subjects))
            strength, path = ref
            sources = "; ".join(dict.fromkeys(e.source for e in path))
            a, b = (kb.label(x) for x in c.subjects)
            how = "always" if strength == "required" else "usually"
            s, e = _span(c)
            yield Hit(s, e, f"against the usual order: this says {a} first, then {b}, but {how} it is {b} "
                            f"first, then {a} ({sources}); check the order", key=f"ref-order:{a}<{b}")
        elif c.kind == "age" and c.months and c.polarity > 0 and c.sid not in age_word_sents:
            m = kb.milestones[c.subjects[0]]
            early = m.not_before is not None and _stated(c)[0] < m.not_before - 0.5
            if c.relation in ("from", "at") and early:
                s, e = _span(c)
                yield Hit(s, e, f"too early: this allows {m.label} from {_stated(c)[0]:g} months, "
                                f"but the advice is not before {m.not_before:g} months "
                                f"({kb.source(m.pack, m.not_before_source)})",
                          key=f"ref-not-before:{m.id}")
                continue
            if c.relation not in ("at", "by"):
                continue
            w = _window_of(kb, m.id)
            if not w:
                continue
            (wlo, whi), source = w
            lo, hi = _interval(c)
            if hi < wlo - 1 or lo > whi + 1:
                s, e = _span(c)
                yield Hit(s, e, f"age outside the normal range: this says {summary(c, kb)}, "
                                "but the usual window "
                                f"is {wlo:g}–{whi:g} months ({source}); check the age",
                          key=f"ref-age:{m.id}")


# -- explainability ----------------------------------------------------------------------------------

@metric_provider("claims", category="contradiction", needs=NEEDS)
def claims_metric(ctx: CheckContext) -> Iterator[Metric]:
    """With --explain-claims: every typed claim found, with its span, scopes and concepts."""
    if "explain-claims" not in ctx.config.flags:
        return
    out = []
    for c in typed_claims_of(ctx):
        line, col = ctx.doc.position(c.prov.start)
        d = claim_dict(c)
        d.update({"line": line, "column": col, "text": ctx.doc.text[c.prov.start:c.prov.end],
                  "sentence": ctx.doc.text[c.prov.sent_start:c.prov.sent_end]})
        out.append(d)
    yield Metric("claims", out)
