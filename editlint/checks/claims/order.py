"""Order builders: a construction match (roles ``earlier`` / ``later``) becomes an :class:`OrderClaim`.

A negated order ("babies do not walk before they crawl") states the opposite order, unless the
construction already reads the negation ("not Y until X": ``emits.negation = "consumed"``; ``"drop"``
leaves a negated match to another construction) or the
negation only weakens it ("not always", "not necessarily"), which states no order at all.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from typing import Any

from .constructions import Env, Match, builder
from .model import Claim, Concept, Hedge, OrderClaim

PREVIOUS = "@previous"
FUNCTION_POS = frozenset({"ADP", "DET", "PRON", "PART", "CCONJ", "SCONJ", "PUNCT", "NUM", "SYM", "X"})
#: "X comes first": X before its alternatives; the later side is this placeholder concept.
ALTERNATIVES = "@alternatives"
OTHERS = Concept(key="*", text="the alternatives", head="*")


def role_token(m: Match, name: str) -> Any:
    """The token bound to an emitted role; ``@previous`` is the previous sentence's main event."""
    binding = str(m.construction.emits.get(name, name))
    if binding == PREVIOUS:
        prev = m.roles.get(PREVIOUS)
        return prev
    return m.roles.get(binding)


def _when(tok: Any, env: Env) -> bool:
    """A time or an age ("9 months", "their second birthday"), not an event."""
    return tok.lemma_.lower() in env.lexicons.advice.time_words or bool(tok.like_num)


def _first_time(verb: Any, env: Env) -> bool:
    """ "When they first start having solids": a time clause, or a verb of beginning, reads "first" as
    "for the first time", which sets nothing before anything else."""
    if verb.lemma_.lower() in env.lexicons.advice.aspect_verbs:
        return True
    marks = env.lexicons.order.first_time_marks
    if verb.dep_ in ("relcl", "acl") and verb.head.lemma_.lower() in marks:
        return True  # "around the time they first X": a time clause on a time noun
    return any(c.dep_ in ("advmod", "mark") and c.lower_ in marks for c in verb.children)


def _first(m: Match, env: Env) -> Iterator[Claim]:
    early = role_token(m, "earlier")
    if early is None or env.concepts.person(early) or env.negated(early) or _first_time(early, env):
        return
    concept = env.concept(early)
    if concept.key:
        yield OrderClaim(concept, OTHERS, env.prov(m, [early]))


def _leads(m: Match) -> bool:
    """A sequence word that links to the previous sentence must lead its own ("Then, ...")."""
    word = m.construction.emits.get("sentence-initial")
    if not word:
        return True
    tok = m.roles.get(str(word))
    return tok is not None and tok.i - m.sent.start <= 1


def _weakened(tok: Any, weakeners: frozenset[str]) -> bool:
    """"not always X before Y" / "not necessarily" (``[order] weakeners`` in lexicons.toml): a weakened
    order, not the opposite one."""
    verb = tok
    return any(c.lower_ in weakeners for c in verb.children) or any(
        c.lower_ in weakeners for c in verb.subtree if c.dep_ in ("advmod", "det"))


def _gerund_modifier(tok: Any, env: Env) -> Any:
    """"Naming(amod, VBG) colours(nsubj) comes first": a gerund the parser read as an adjective of its
    object, at the start of the noun phrase; also one it tagged as a noun ("Building(NN) towers"), when
    the word is a verb's -ing form. In an order slot the phrase is that gerund's event."""
    t = env_root(tok)
    first = t.doc[t.left_edge.i] if t.pos_ in ("NOUN", "PROPN") else None
    if first is None or first.i == t.i or first.dep_ not in ("amod", "compound"):
        return None
    if first.tag_ != "VBG" and not (first.tag_ == "NN" and env.concepts.gerund_of_verb(first.lower_)):
        return None
    return first if first.head.i == t.i else None


def env_root(tok: Any) -> Any:
    return getattr(tok, "root", tok)


def _regerund(env: Env, tok: Any, concept: Concept) -> Concept:
    noun = env.concepts.resolve(env_root(tok))  # through "comes", "happens", "is followed"
    gerund = _gerund_modifier(noun, env)
    if gerund is None:
        return concept
    event = env.concept(gerund)
    words = concept.modifiers | {concept.head} - {event.head}
    got = env.concepts.with_event(event, noun)
    return got if got.key else dataclasses.replace(concept, head=event.head, modifiers=frozenset(words))


def _elliptic(env: Env, t1: Any, c1: Concept, t2: Any, c2: Concept) -> tuple[Concept, Concept]:
    """ "Babies drop the morning nap before the catnap": the bare noun side takes the other's event."""
    concepts = env.concepts
    g1, g2 = _regerund(env, t1, c1), _regerund(env, t2, c2)
    if (g1, g2) != (c1, c2):
        return g1, g2
    if c1.modifiers and concepts.eventive(t1) and concepts.bare_noun(t2):
        return c1, concepts.with_event(c1, t2)
    if c2.modifiers and concepts.eventive(t2) and concepts.bare_noun(t1):
        return concepts.with_event(c2, t1), c2
    return c1, c2


def _serving(verb: Any, thing: Any, env: Env) -> bool:
    """ "have / offer X before Y" where Y is a thing the same verb serves: the two are courses of one meal."""
    if verb.lemma_.lower() not in env.lexicons.order.serving_verbs or thing.pos_ not in ("NOUN", "PROPN"):
        return False
    if thing.lower_.endswith("ing") or env.concepts.eventive(thing):
        return False  # "have a nap before feeding": an event
    return any(c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN") for c in verb.children)


def _exercise(tok: Any, env: Env) -> bool:
    """Is the event inside what the reader is asked to practise or teach (``[order] exercise-verbs``)?"""
    verbs = env.lexicons.order.exercise_verbs
    if any(a.lemma_.lower() in verbs or a.lower_ in verbs for a in tok.ancestors):
        return True
    return tok.sent[0].lower_ in verbs  # an imperative the tagger read as a noun: "Practise(NN) rolling ..."


def _few_do(anchors: list[Any]) -> bool:
    """The clause's subject is quantified by a bare "few" ("few children X before Y"; "a few" is a
    minority that does): a claim that most children do the reverse."""
    for a in anchors:
        verb = a if a.pos_ in ("VERB", "AUX") else a.head
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None and any(_bare_few(c) for c in subj.children):
            return True
    return False


def _bare_few(tok: Any) -> bool:
    """ "few" with no "a" before it ("few children", not "a few children")."""
    if tok.lower_ != "few" or tok.dep_ not in ("amod", "det"):
        return False
    return not any(g.lower_ == "a" for g in tok.children) and (tok.i == 0 or tok.doc[tok.i - 1].lower_ != "a")


def _imperative(verb: Any) -> bool:
    """A bare verb with no subject of its own: an instruction to the reader."""
    return verb.tag_ in ("VB", "VBP") and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)


RELATIVES = frozenset({"which", "that", "who"})
#: verbs of expecting whose negated instruction denies what they govern ("don't expect them to Y before X")
EXPECTING = frozenset({"expect", "assume", "think", "imagine", "believe"})


def _antecedent(tok: Any, env: Env) -> Any:
    """A relative pronoun stands for the noun its clause hangs on ("X, which tends to follow Y"); a
    classifying noun after a copula for the copula's subject ("X is a skill that builds on Y")."""
    if tok is None or tok.lower_ not in RELATIVES or tok.head.dep_ != "relcl":
        return tok
    noun = tok.head.head
    be = noun.head
    if noun.dep_ == "attr" and noun.lemma_.lower() in env.concepts.lex.generic_nouns:
        return next((c for c in be.children if c.dep_ in ("nsubj", "csubj")), noun)
    return _gerund_subject(noun) or noun


def _gerund_subject(noun: Any) -> Any:
    """ "Taking turns in a game, which tends to …": a relative clause after a gerund subject's object (or
    a noun inside its phrase) is on the whole gerund phrase."""
    t = noun
    for _ in range(4):
        if t.dep_ not in ("dobj", "pobj", "prep", "nsubj") or t.head.i == t.i:
            return None
        t = t.head
        if t.tag_ == "VBG" and (t.dep_ in ("csubj", "nsubj", "csubjpass") or t.i == t.sent.start):
            return t  # (a gerund opening the sentence may be misread as an adverbial clause)
    return None


def _expectation_denied(tok: Any, env: Env) -> bool:
    """ "Don't expect your child to Y before they X": a negated instruction to expect the order denies
    it (the clause is the object of the negated verb of expecting, which has no subject of its own; an
    object follows its verb, so a clause before it is only misattached)."""
    for head in (tok.head, tok.head.head):
        expecting = head.lemma_.lower() in EXPECTING and env.negated(head)
        subject = any(c.dep_ == "nsubj" for c in head.children)
        if tok.dep_ in ("ccomp", "xcomp", "advcl") and expecting and not subject and tok.i > head.i:
            return True
        tok = head
    return False


@builder("order")
def build_order(m: Match, env: Env) -> Iterator[Claim]:
    """One order claim per match, with the article's own words for both events."""
    if m.construction.emits.get("later") == ALTERNATIVES:
        yield from _first(m, env)
        return
    early, late = _antecedent(role_token(m, "earlier"), env), _antecedent(role_token(m, "later"), env)
    if early is None or late is None or early.i == late.i or not _leads(m):
        return
    if env.concepts.person(early) or env.concepts.person(late):
        return  # "X follows them", "they come after lunch": people are not events
    if early.pos_ in FUNCTION_POS or late.pos_ in FUNCTION_POS:
        return  # a preposition or a determiner left by an elliptical clause is no event
    if _when(early, env) or _when(late, env):
        return  # "walk before 9 months", "not until the age of two": an age (the age claim), no event
    if _exercise(early, env) or _exercise(late, env):
        return  # "practise going from standing to sitting": a movement to practise, not stages
    if _serving(early, late, env) or _serving(late, early, env):
        return  # "have the puree before the milk": what is served first at a meal, not an order of stages
    anchors = [t for t in (early, late) if t.doc is m.sent.doc]
    prov = env.prov(m, anchors)
    if "hedge" in m.construction.emits:  # "rarely Y until X" says what most children do
        prov = dataclasses.replace(prov, hedge=Hedge(str(m.construction.emits["hedge"])))
    earlier, later = env.concept(early), env.concept(late)
    earlier, later = _elliptic(env, early, earlier, late, later)
    if earlier.key == later.key or not earlier.key or not later.key:
        return
    consumed = m.construction.emits.get("negation") == "consumed"
    if m.construction.emits.get("negation") == "drop" and any(env.negated(a) for a in anchors):
        return  # a negated form is another construction's ("who is not X-ing is not ready to Y")
    main = m.roles.get(str(m.construction.emits.get("negated-by", "")))
    negated = env.negated(main) if main is not None else any(env.negated(a) for a in anchors)
    negated = negated != any(_expectation_denied(a, env) for a in anchors)
    if not consumed and _few_do(anchors):  # "Few children walk before they crawl": most do the reverse
        earlier, later = later, earlier
        prov = dataclasses.replace(prov, hedge=Hedge.MAJORITY)
    if negated and not consumed:
        if any(_weakened(a, env.lexicons.order.weakeners) for a in anchors):
            return
        if m.construction.emits.get("negated-imperative") == "none" and _imperative(late):
            return  # "don't reuse X after a crash" forbids X then; it does not put X before the crash
        earlier, later = later, earlier
    yield OrderClaim(earlier, later, prov)
