"""Builders for ages and amounts: a construction names the event and the age or amount token; the numbers
come from :mod:`.units` (kept as written, converted for comparison).

``age`` constructions bind ``event`` (what happens) and ``time`` (a token of the age expression) or
``word`` (an age word such as "newborns" as the event's subject). ``quantity`` constructions bind
``unit`` (the unit word); the subject is read from the parse around it ("two hours *of screen time*",
"*limit juice* to a cup", "babies *sleep* 14 hours"). Negation turns "not before 6 months" into the
earliest age, an ``as early as`` into an exception; a sentence's own age limits ("under 6 months") become
the claim's age scope.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from ...document import Block, BlockKind
from .constructions import Env, Match, builder
from .lexicons import Lexicons
from .matching import TokenTable
from .model import AgeClaim, Claim, Concept, Hedge, Interval, Phase, Provenance, QuantityClaim, Relation
from .scope import clause_at, clause_verb, clause_verb_at, span_text
from .units import Amount, Units, counted

# The word lists (light heads, capping verbs, time-clause marks, ...) are ``[ages]`` and ``[quantity]`` of
# ``rules/claims/lexicons.toml`` (``env.lexicons``); numbers and units come from ``env.units``.


def amount_at(units: Units, sent: Any, tok: Any) -> Amount | None:
    """The age or amount of the sentence that contains ``tok`` (a token of the expression)."""
    offset = tok.idx - sent.start_char
    for a in units.scan(span_text(sent)):
        if a.start <= offset < a.end:
            return a
    return None


def clause_span(sent: Any, anchors: Sequence[Any], table: TokenTable | None = None) -> tuple[int, int]:
    """Character offsets (in the sentence) of the clause(s) the anchors sit in, nested clauses excluded
    (``table``: the block's token table, when the caller has it)."""
    table = table if table is not None else TokenTable(sent.doc)
    deps, punct = table.strings("DEP"), table.cols["IS_PUNCT"]
    idx, size = table.late("IDX"), table.late("LENGTH")
    toks = [t for a in anchors if a is not None for v in _governing(table, clause_verb_at(table, a.i))
            for t in clause_at(table, v) if not punct[t] and deps[t] != "cc"]
    if not toks:
        return 0, len(span_text(sent))
    return min(idx[t] for t in toks) - sent.start_char, max(idx[t] + size[t] for t in toks) - sent.start_char


def _governing(table: TokenTable, verb: int) -> list[int]:
    """A complement clause and the clauses it completes: "After six months(,) it is fine to X" and "From
    one, we suggest that you X" limit X by what the governing clause says."""
    deps, head = table.strings("DEP"), table.head
    out = [verb]
    while deps[verb] in ("xcomp", "ccomp") and head[verb] != verb and len(out) < 4:
        verb = head[verb]
        out.append(verb)
    return out


def sentence_scope(units: Units, sent: Any, skip: Amount | None = None,
                   span: tuple[int, int] | None = None) -> Interval | None:
    """The ages a clause limits itself to ("for babies under 6 months" -> (0, 6)), from stated numbers."""
    lo_c, hi_c = span if span is not None else (0, len(span_text(sent)))
    for a in units.scan(span_text(sent)):
        if a.start < lo_c or a.end > hi_c:
            continue
        if a is skip or not a.is_age:
            continue
        lo, hi = a.converted
        if a.relation in (Relation.BY, Relation.UP_TO):
            return 0.0, hi
        if a.relation is Relation.NOT_BEFORE:  # "never X before the age of one": the ages under it
            return 0.0, lo
        if a.relation is Relation.FROM:
            return lo, float("inf")
        return lo, hi
    return None


def population_scope(units: Units, text: str, onto: Any) -> Interval | None:
    """The ages a phrase names: an age ("under 6 months") or an age word ("for toddlers")."""
    for a in units.scan(text):
        if a.is_age:
            lo, hi = a.converted
            return ((0.0, hi) if a.relation in (Relation.BY, Relation.UP_TO)
                    else (lo, float("inf")) if a.relation is Relation.FROM else (lo, hi))
    low = text.lower()
    for w in getattr(onto, "age_words", {}).values():
        if any(re.search(rf"(?<![\w-]){re.escape(s.lower())}s?(?![\w-])", low) for s in w.synonyms):
            return float(w.months[0]), float(w.months[1])
    return None


def with_scope(prov: Provenance, sent: Any, env: Env, skip: Amount | None = None,
               anchors: Sequence[Any] = ()) -> Provenance:
    """``prov`` with its age scope: a leading "For toddlers," names ages (a population, not a
    condition), and the sentence's own age limits count when the scope reader found none."""
    onto, units = env.ontology, env.units
    if prov.condition and onto is not None and not prov.condition.lower().startswith(("if ", "unless ")):
        scope = population_scope(units, prov.condition, onto)
        if scope is not None:
            return dataclasses.replace(prov, condition="", age_scope=scope)
    if prov.age_scope is not None:
        return prov
    table = env.scopes.table(sent.doc)
    # the clause's span only matters for an age the sentence states (most sentences state none)
    stated = any(a is not skip and a.is_age for a in units.scan(span_text(sent)))
    scope = sentence_scope(units, sent, skip, clause_span(sent, anchors, table) if anchors else None) \
        if stated else None
    if scope is None and anchors:
        scope = time_clause_scope(sent, anchors, units, env.lexicons, table)
    return dataclasses.replace(prov, age_scope=scope) if scope else prov


def time_clause_scope(sent: Any, anchors: Sequence[Any], units: Units, lex: Lexicons,
                      table: TokenTable | None = None) -> Interval | None:
    """The ages a time clause on the claim's verb names: "before … is 6 months old" -> (0, 6); "before"
    limits advice to younger children, "once …" to older ones (``[ages] before-marks`` / ``after-marks``)."""
    before_marks, after_marks = lex.ages.before_marks, lex.ages.after_marks
    table = table if table is not None else TokenTable(sent.doc)
    deps, low, kids = table.strings("DEP"), table.strings("LOWER"), table.children
    for a in anchors:
        for c in kids[clause_verb_at(table, a.i)]:
            if deps[c] != "advcl":
                continue
            mark = next((low[m] for m in kids[c] if deps[m] == "mark"), "")
            if mark not in before_marks | after_marks:
                continue
            clause = sent.doc[c]
            text = sent.doc[clause.left_edge.i:clause.right_edge.i + 1].text
            age = next((x for x in units.scan(text) if x.is_age), None)
            if age is None:
                continue
            lo, hi = age.converted
            return (0.0, lo) if mark in before_marks else (hi, float("inf"))
    return None


# -- ages ----------------------------------------------------------------------------------------------

def _relation(a: Amount, negated: bool, lex: Lexicons) -> Relation | None:
    """The claim's relation; "not before 6 months" / "don't … until 6 months" is the earliest age."""
    if not negated:
        return a.relation
    if a.prep in lex.ages.not_before_preps:
        return Relation.NOT_BEFORE
    # "not walking by 18 months" is a deadline (a red flag), "most babies don't walk at 9 months" no age
    return None


def _age_claim(concept: Concept, a: Amount, prov: Provenance, negated: bool, lex: Lexicons,
               unit: str = "", relation: Relation | None = None) -> AgeClaim | None:
    relation = relation or _relation(a, negated, lex)
    if relation is None:
        return None
    earliest = a.extreme and a.prep in lex.ages.earliest_preps and not negated
    if a.extreme:
        prov = dataclasses.replace(prov, hedge=Hedge.MINORITY)
    return AgeClaim(concept=concept, stated=a.stated, unit=unit or a.unit, months=a.canonical,
                    relation=Relation.FROM if earliest else relation, prov=prov, phase=concept.phase,
                    approximate=a.approximate, earliest=earliest)


def exposure_concept(concept: Concept, lexicons: Lexicons) -> Concept:
    """"give / offer / introduce X" at an age name one event (when X may be given): one key for them."""
    lex = lexicons.ages
    if concept.known or concept.head not in lex.exposure_verbs:
        return concept
    if not concept.key.startswith(concept.head + "("):
        return concept
    key = lex.exposure_key + concept.key[len(concept.head):]
    return dataclasses.replace(concept, key=key, head=lex.exposure_key)


def _emitted_relation(match: Match, negated: bool) -> tuple[bool, Relation | None]:
    """(keep, relation) from the construction: ``relation`` always ("wait until N before X" is not before
    N), ``negated-relation`` only under negation ("can't X until they are N": without it, no age)."""
    emits = match.construction.emits
    if "relation" in emits:
        return True, Relation(str(emits["relation"]))
    if "negated-relation" in emits:
        return negated, Relation(str(emits["negated-relation"])) if negated else None
    return True, None


def _event(match: Match, env: Env) -> Any:
    """The event the age is for; "X becomes possible for most children at N" hangs the age on the people:
    their governing predicate is the event."""
    event = match.roles.get("event")
    if event is None or not env.concepts.person(event):
        return event
    for _ in range(3):  # children -> for -> possible
        event = event.head
        if event.pos_ != "ADP" or event.head.i == event.i:
            break
    return event


def _share(event: Any, lex: Lexicons, table: TokenTable) -> bool:
    """ "eating mostly solid food at 12 months": a share of the child's diet or day is a state, not the
    age the event starts or is mastered."""
    words, low = lex.ages.share_words, table.strings("LOWER")
    return any(low[t] in words for t in clause_at(table, event.i))


@builder("age")
def build_age(match: Match, env: Env) -> Iterator[Claim]:
    """An age for an event ("crawl at 7 to 10 months") or an age word as its subject ("newborns crawl")."""
    event = _event(match, env)
    if event is None or _share(event, env.lexicons, env.scopes.table(event.doc)):
        return
    if "word" in match.roles:
        yield from _age_word(match, env, event, match.roles["word"])
        return
    tok = match.roles.get("time")
    a = amount_at(env.units, match.sent, tok) if tok is not None else None
    forced = "relation" in match.construction.emits  # "wait until at least N months": an age, not a span
    if a is None or not (a.is_age or (a.canonical_unit == "months" and forced)):
        return
    concept = exposure_concept(_with_phase(env.concept(event), match, env.lexicons), env.lexicons)
    prov = env.prov(match, [event, tok])
    if prov.condition and _reader_condition(prov.condition, a, match.sent):
        prov = dataclasses.replace(prov, condition="")
    if prov.hedge is Hedge.MINORITY and not a.extreme and env.scopes.modal_only([event, tok]):
        prov = dataclasses.replace(prov, hedge=Hedge.MAJORITY)  # "may start to X at about N": the usual age
    negated = prov.negated or env.negated(event)
    keep, relation = _emitted_relation(match, negated)
    if not keep:
        return
    claim = _age_claim(concept, a, prov, negated, env.lexicons, relation=relation)
    if claim is not None and concept.key:
        yield claim


def _reader_condition(condition: str, a: Amount, sent: Any) -> bool:
    """"… sit alone by 2 months if you give them practice": a condition on what the reader does, with
    the age outside it, still states the age for the child (a condition on the child does not)."""
    words = condition.lower().split()
    age_text = span_text(sent)[a.start:a.end]
    return len(words) > 1 and words[1] in ("you", "parents", "we") and age_text not in condition


def _with_phase(concept: Concept, match: Match, lex: Lexicons) -> Concept:
    """Verbs whose subject is the skill and whose age is when it starts ("crawling usually starts around
    8 months": ``[ages] start-verbs``): the age names the start, not the usual age of the skill."""
    phase = str(match.construction.emits.get("phase", ""))
    event = match.roles.get("event")
    if not phase and event is not None and event.lemma_.lower() in lex.ages.start_verbs and any(
            c.dep_ in ("nsubj", "csubj") and (c.tag_ == "VBG" or c.pos_ in ("NOUN", "PROPN"))
            for c in event.children):
        phase = Phase.START.value
    if phase and concept.phase is Phase.ANY:
        return dataclasses.replace(concept, phase=Phase(phase))
    return concept


def _norm_word(text: str) -> str:
    w = re.sub(r"[^a-z]", "", text.lower())
    return w[:-1] if w.endswith("s") and not w.endswith("ss") else w


def age_word_of(tok: Any, onto: Any) -> tuple[str, tuple[float, float]] | None:
    """The ontology's age word ("newborn") that ``tok``'s noun phrase spells ("new-borns", "Newborn")."""
    left = tok
    while left.i > 0 and left.doc[left.i - 1].dep_ in ("amod", "punct", "compound") and left.doc[
            left.i - 1].head.i in (tok.i, left.i):
        left = left.doc[left.i - 1]
    forms = {_norm_word(tok.doc[i:tok.i + 1].text) for i in range(left.i, tok.i + 1)}  # "new-borns", "babies"
    for w in getattr(onto, "age_words", {}).values():
        if any(_norm_word(s) in forms for s in w.synonyms):
            return w.id, (float(w.months[0]), float(w.months[1]))
    return None


def _age_word(match: Match, env: Env, event: Any, word: Any) -> Iterator[Claim]:
    found = age_word_of(word, env.ontology)
    if found is None or env.negated(event):
        return
    wid, months = found
    concept = env.concept(event)
    if not concept.key:
        return
    prov = env.prov(match, [word, event])
    yield AgeClaim(concept=concept, stated=months, unit=f"age-word:{wid}", months=months,
                   relation=Relation.AT, prov=prov, phase=concept.phase)


# -- table rows ------------------------------------------------------------------------------------------

#: share of a cell's characters an age must cover for the cell to *be* that age ("4 months", "6–8 months")
AGE_CELL_SHARE = 0.6


def _cell_age(text: str, units: Units) -> Amount | None:
    found = [a for a in units.scan(text) if a.is_age]
    stripped = len(text.strip()) or 1
    if len(found) == 1 and (found[0].end - found[0].start) / stripped >= AGE_CELL_SHARE:
        return found[0]
    return None


def _table_rows(blocks: Sequence[Block]) -> Iterator[tuple[int, list[Block]]]:
    """(table number, body row) for every table; a table is a run of cells."""
    row: list[Block] = []
    table = 0
    for b in blocks:
        if b.kind is not BlockKind.TABLE_CELL:
            if row:
                yield table, row
            row = []
            table += 1
            continue
        if b.header:
            continue
        if row and (b.row != row[0].row or b.col == 0):
            yield table, row
            row = []
        row.append(b)
    if row:
        yield table, row


def table_ages(ex: Any) -> Iterator[Claim]:
    """Table rows "event | age" ("| First words | 12 months |"): an age claim for the row's first cell.

    The rows of one table share a list id: they are stages of one timeline, not rival ages for one
    event ("4 naps to 3" and "2 naps to 1" are both naps)."""
    for table, row in _table_rows(ex.ctx.doc.blocks):
        if len(row) < 2 or _cell_age(row[0].text, ex.units) is not None:
            continue  # a row led by an age is a population row, not an event
        cell = next((c for c in row[1:] if _cell_age(c.text, ex.units) is not None), None)
        if cell is None:
            continue
        a = _cell_age(cell.text, ex.units)
        first = [s for s in ex.ctx.spacy(row[0]).sents if s.text.strip()]
        age_sents = [s for s in ex.ctx.spacy(cell).sents if s.text.strip()]
        if a is None or not first or not age_sents:
            continue
        event = first[0].root
        if any(t.pos_ == "NUM" or t.text.isdigit() for t in first[0]):
            continue  # "4 naps to 3": a stage named by a count, not one event with one age
        concept = ex.concept(event)
        if not concept.key:
            continue
        prov = ex.scopes.provenance(first[0], row[0], [event], "age.table-row", list_id=30_000 + table)
        prov = dataclasses.replace(prov, end=cell.start + a.end, sent_end=cell.end)
        claim = _age_claim(concept, a, prov, False, ex.lexicons)
        if claim is not None:
            yield claim


# -- timelines -------------------------------------------------------------------------------------------

#: an age that labels what follows: "3 years: copies a circle", "18 months – scribbles", "By 6 months:"
_LABEL_END = re.compile(r"\s*[:–—-]\s+")
TIMELINE_KINDS = frozenset({BlockKind.PARAGRAPH, BlockKind.LIST_ITEM})


def _age_label(text: str, units: Units) -> Amount | None:
    """The age a block or heading opens with, when a colon or dash follows it (or it is all there is)."""
    found = [a for a in units.scan(text) if a.is_age]
    if not found or text[:found[0].start].strip(" *#").lower() not in ("", "by", "at", "from", "around",
                                                                         "about", "age", "aged"):
        return None
    a = found[0]
    rest = text[a.end:]
    return a if not rest.strip(" *.") or _LABEL_END.match(rest) else None


def _milestone_root(sent: Any, people: Iterable[str], ex: Any) -> Any:
    """The event a timeline sentence states about the child ("most toddlers push a ride-on toy"): a verb
    whose subject is the child (advice, questions and sentences with an age of their own are not)."""
    root = sent.root
    if root.pos_ not in ("VERB", "AUX") or span_text(sent).rstrip().endswith("?"):
        return None
    order_marks = ex.lexicons.ages.order_marks
    if any(a.is_age for a in ex.units.scan(span_text(sent))) or any(
            t.lower_ in order_marks and t.dep_ in ("mark", "prep", "advmod") for t in sent):
        return None  # its own age, or an order ("X before Y") that the heading does not date
    subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or subj.lemma_.lower() not in people:
        return None
    return root


def _timeline_claim(ex: Any, sent: Any, block: Block, event: Any, a: Amount, list_id: int,
                    construction: str) -> AgeClaim | None:
    concept = exposure_concept(ex.concept(event), ex.lexicons)
    if not concept.key:
        return None
    prov = ex.scopes.provenance(sent, block, [event], construction, list_id=list_id)
    if prov.negated:
        return None
    return _age_claim(concept, a, prov, False, ex.lexicons)


def timeline_ages(ex: Any) -> Iterator[Claim]:
    """Month-by-month timelines: a heading that is an age ("## 24 months") dates the child's milestones
    stated under it; a list item or paragraph led by an age label ("3 years: copies a circle") dates its
    event. The claims of one timeline share a list id (stages of one timeline, not rival ages)."""
    from .readers import _item_root

    people = getattr(ex.ontology.lexicon, "people", ())
    blocks = ex.ctx.doc.blocks
    for h in blocks:
        a = _age_label(h.text, ex.units) if h.kind is BlockKind.HEADING else None
        if a is None:
            continue
        for b in blocks:
            labelled = _age_label(b.text, ex.units) is not None
            if b.section != h.index or b.kind not in TIMELINE_KINDS or labelled:
                continue
            for sent in ex.ctx.spacy(b).sents:
                root = _milestone_root(sent, people, ex)
                claim = None if root is None else _timeline_claim(ex, sent, b, root, a, 40_000,
                                                                   "age.timeline-heading")
                if claim is not None:
                    yield claim
    for b in blocks:
        a = _age_label(b.text, ex.units) if b.kind in TIMELINE_KINDS else None
        root = _item_root(ex, b) if a is not None else None
        if a is None or root is None or root.idx < a.end:
            continue
        sent = root.sent
        claim = _timeline_claim(ex, sent, b, root, a, 41_000 + (b.list_id or 0), "age.timeline-label")
        if claim is not None:
            yield claim


# -- quantities ------------------------------------------------------------------------------------------

def _of_object(unit: Any) -> Any:
    """"two hours *of* screen time": the thing measured."""
    for c in unit.children:
        if c.dep_ == "prep" and c.lower_ == "of":
            return next((g for g in c.children if g.dep_ == "pobj"), None)
    return None


def _capped_object(unit: Any, lex: Lexicons) -> Any:
    """"limit juice to a cup a day": the object of the capping verb ("to" + amount)."""
    found = _capped_from(unit, lex.quantity.cap_verbs)
    if found is None and unit.i > 0 and unit.doc[unit.i - 1].like_num:  # "4(pobj) oz(prep)": a misread unit
        found = _capped_from(unit.doc[unit.i - 1], lex.quantity.cap_verbs)
    return found


def _capped_from(unit: Any, cap_verbs: frozenset[str]) -> Any:
    prep = unit.head if unit.dep_ in ("pobj", "npadvmod", "dobj") else None
    for _ in range(4):  # "to about one hour", "to no more than 4 oz": climb to the "to"
        if prep is None or prep.lower_ == "to" or prep.head is prep or prep.dep_ not in (
                "pobj", "pcomp", "prep", "amod", "advmod", "quantmod", "npadvmod", "dobj"):
            break
        prep = prep.head
    if prep is None or prep.lower_ != "to":
        return None
    verb = prep.head
    if verb.pos_ in ("NOUN", "PROPN") and any(c.dep_ == "compound" and c.lower_ in cap_verbs
                                              for c in verb.subtree if c.i < verb.i):
        return verb  # a misread imperative: "Limit(compound) juice(ROOT) to a cup"
    if verb.lemma_.lower() not in cap_verbs and verb.lower_ not in cap_verbs:
        return None
    obj = next((c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")), None)
    if obj is None and verb.dep_ == "compound":  # a misread imperative: "Limit(compound) juice(ROOT) to…"
        obj = verb.head
    return obj if obj is not None else (verb if verb.pos_ == "NOUN" else None)


def _clause_subject(unit: Any, lex: Lexicons) -> Any:
    """"babies sleep 14 hours" (the verb), "X should be 1 hour" / "X is limited to 1 hour" (the subject)."""
    head = unit.head
    for _ in range(4):  # through "in", "a day", numbers: "twice(predet) a day(npadvmod)"
        if head is head.head or not (head.dep_ in ("prep", "npadvmod", "pobj") or head.pos_ == "NUM"):
            break
        head = head.head
    if head.pos_ in ("AUX",) or head.lemma_ == "be":
        return next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    passive = next((c for c in head.children if c.dep_ == "nsubjpass"), None)
    if passive is not None:
        return passive
    if head.lemma_.lower() in lex.quantity.duration_verbs:  # "a feed takes 20 minutes"
        subject = next((c for c in head.children if c.dep_ in ("nsubj", "csubj")), None)
        if subject is not None:
            return subject
    held = _held_at(head, unit, lex)
    if held is not None:
        return held
    imperative = head.dep_ == "ROOT" and head.i == head.sent.start  # "Brush(PROPN) their teeth twice a day"
    return head if head.pos_ == "VERB" or imperative else None


def _held_at(verb: Any, unit: Any, lex: Lexicons) -> Any:
    """"keep the nursery at 16-20 degrees": the amount measures the verb's object, not the act."""
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is None:
        return None
    for c in verb.children:
        level = c.dep_ == "prep" and c.lower_ in lex.quantity.level_preps
        if level and c.left_edge.i <= unit.i <= c.right_edge.i:
            return obj
    return None


def subject_of_amount(unit: Any, lex: Lexicons) -> tuple[Any, bool]:
    """The token naming what an amount measures, and whether a capping verb makes it a ceiling."""
    capped = _capped_object(unit, lex)
    if capped is not None:
        return capped, True
    of = _of_object(unit)
    if of is not None:
        return of, False
    owner = _owner(unit, lex)
    if owner is not None:
        return owner, False
    return _clause_subject(unit, lex), False


def _owner(unit: Any, lex: Lexicons) -> Any:
    """"stretches *of* two to four hours", "a dose of 5 ml": the noun the amount measures."""
    prep = unit.head if unit.dep_ == "pobj" else None
    if prep is None or prep.lower_ != "of" or prep.head.pos_ not in ("NOUN", "PROPN"):
        return None
    noun = prep.head
    return None if noun.lemma_.lower() in lex.quantity.light_heads else noun


def _measured(concept: Concept, lex: Lexicons) -> Concept:
    """"screen time" and "screen use" measure the same thing: drop light heads when a modifier is left."""
    mods = sorted(concept.modifiers - lex.quantity.cap_verbs)
    if concept.head in lex.quantity.light_heads and mods:
        return dataclasses.replace(concept, head=mods[0], modifiers=frozenset(mods[1:]), key="+".join(mods))
    return concept


@builder("quantity")
def build_quantity(match: Match, env: Env) -> Iterator[Claim]:
    """An amount with its unit and rate, for the thing it measures."""
    unit = match.roles.get("unit")
    a = amount_at(env.units, match.sent, unit) if unit is not None else None
    if a is None or a.is_age or a.dimension == "time":
        return
    subject_tok, capped = (unit, False) if counted(a) else subject_of_amount(unit, env.lexicons)
    if subject_tok is None or subject_tok.lemma_.lower() in getattr(env.ontology.lexicon, "people", ()):
        return
    from .advice import thing_concept

    subject = _measured(thing_concept(env, subject_tok), env.lexicons)
    if not subject.key:
        return
    prov = with_scope(env.prov(match, [unit, subject_tok]), match.sent, env, a, [unit, subject_tok])
    if prov.age_scope is None:
        scope = _age_word_scope(subject_tok, unit, env.ontology)
        prov = dataclasses.replace(prov, age_scope=scope) if scope else prov
    relation = Relation.UP_TO if capped and a.relation is Relation.AT else a.relation
    batch = not a.per and _prepared(clause_verb(unit), match.sent, env.lexicons.quantity.batch_verbs)
    yield QuantityClaim(subject=subject, stated=a.stated, unit=a.unit, canonical=a.canonical,
                        canonical_unit=a.canonical_unit, prov=prov, relation=relation,
                        per="batch" if batch else a.per,
                        population=_population(env.units, span_text(match.sent), a))


def _prepared(verb: Any, sent: Any, batch_verbs: frozenset[str]) -> bool:
    """Is the amount's verb, or a verb coordinated with it ("take 1/2 cup, add milk and blend"), a step of
    preparing food ahead (``[quantity] batch-verbs``)? The sentence's first word counts too: an imperative
    the tagger misread as a noun ("Cook(NN) 2 cups of rice")."""
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head  # the first of the coordinated steps
    steps, todo = [], [verb]
    while todo:  # the steps coordinated with it, however deeply the parser chains them
        v = todo.pop()
        steps.append(v)
        todo.extend(c for c in v.children if c.dep_ == "conj" and c.pos_ == "VERB")
    return sent[0].lower_ in batch_verbs or any(v.lemma_.lower() in batch_verbs for v in steps)


def _population(units: Units, text: str, a: Amount) -> str:
    """Another amount in the sentence that names who the amount is for ("Weight 5 to 7 kg: 2.5 ml")."""
    for other in units.scan(text):
        if other is not a and other.dimension == "mass" and other.unit == "kg" and other.per == "":
            return f"{other.stated[0]:g}-{other.stated[1]:g} kg"
    return ""


def _age_word_scope(subject: Any, unit: Any, onto: Any) -> Interval | None:
    """"Infants need 400 IU a day": the age word that is the clause's subject scopes the amount."""
    verb = clause_verb(unit)
    words = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")] + [subject]
    for w in words:
        found = age_word_of(w, onto) if w is not None else None
        if found is not None:
            return found[1]
    return None


def claims_of_kind(claims: Iterable[Claim], kind: str) -> list[Claim]:
    return [c for c in claims if c.kind == kind]


def anchors(*toks: Any) -> Sequence[Any]:
    return [t for t in toks if t is not None]


__all__ = ["age_word_of", "amount_at", "build_age", "build_quantity", "sentence_scope", "subject_of_amount",
           "with_scope"]
