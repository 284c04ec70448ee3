"""Builders for advice, stance and propositions.

A construction (``rules/claims/constructions/{advice,stance,proposition}.toml``) binds the roles; these
builders only read the parse around them, the same way for every topic:

- advice: ``action`` (a verb) and what ``emits`` says (``polarity``, ``absolute``, ``avoid`` for verbs of
  avoidance whose complement is the real action: "avoid adding salt" = not "add salt"; ``object`` when the
  thing advised on is bound directly: "honey is not recommended"). The object looks through amounts ("a
  pinch of salt" is advice on salt) and through the child ("give your baby water" is about water).
- stance: ``thing`` and a ``verdict`` (negation flips it: "not safe" is harmful, "not a warning sign" normal).
- proposition: ``subject``, ``object`` and a ``predicate``; negation or a "no link" noun denies it.
Age limits in the sentence ("under 6 months") become the claim's age scope.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from types import MappingProxyType
from typing import Any

from ...document import BlockKind
from .ages import age_word_of, population_scope, with_scope
from .constructions import Env, Match, builder
from .model import (
    AdviceClaim,
    Claim,
    Concept,
    Hedge,
    Interval,
    Phase,
    PropositionClaim,
    Provenance,
    StanceClaim,
    Verdict,
)
from .scope import span_text
from .units import to_months

# The word lists (amount and part nouns, people, time words, modal force, ...) are ``lexicons.toml``
# (``env.lexicons``, with the packs' additions) and the scope words ``scopes.toml`` (``env.scopes.lex``).
OPPOSITE_VERDICT = MappingProxyType({
    Verdict.SAFE: Verdict.HARMFUL, Verdict.FINE: Verdict.HARMFUL, Verdict.NORMAL: Verdict.WARNING_SIGN,
    Verdict.HARMFUL: Verdict.SAFE, Verdict.WARNING_SIGN: Verdict.NORMAL,
    Verdict.EFFECTIVE: Verdict.INEFFECTIVE, Verdict.INEFFECTIVE: Verdict.EFFECTIVE})


# -- shared -------------------------------------------------------------------------------------------


def through_amount(tok: Any, env: Env) -> Any:
    """"a pinch of salt" -> salt; "the head end of the mattress" -> mattress; "a little honey" stays honey."""
    seen, lex = 0, env.lexicons.advice
    while tok.lemma_.lower() in lex.amount_nouns | lex.part_nouns and seen < 3:
        of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        obj = next((g for g in of.children if g.dep_ == "pobj"), None) if of is not None else None
        if obj is None:
            return tok
        tok, seen = obj, seen + 1
    return tok


def _is_person(tok: Any, env: Env) -> bool:
    people = env.lexicons.advice.people
    return tok.lower_ in people or tok.lemma_.lower() in people or tok.pos_ == "PRON"


def _extra_words(tok: Any, env: Env) -> set[str]:
    """Content words of a relative clause or "with"/"containing" phrase on a noun ("gels that contain X")."""
    words: set[str] = set()
    for c in tok.children:
        if c.dep_ == "acl" and c.tag_ == "VBN" and tok.dep_ == "dobj" and tok.head.lemma_ in ("get", "have"):
            continue  # "get X checked": what is done to X, not a kind of X
        if c.dep_ in ("relcl", "acl") or (c.dep_ == "prep" and c.lower_ in ("with", "containing")):
            words |= {g.lemma_.lower() for g in c.subtree
                      if g.pos_ in ("NOUN", "PROPN", "ADJ") and g.i != tok.i and not _is_person(g, env)}
    return words


def thing_concept(env: Env, tok: Any) -> Concept:
    """The thing a claim is about: the ontology's id when it knows the noun, else its head with the
    modifiers that name a kind of it ("benzocaine gel", "gels that contain benzocaine"). Prepositional
    attachments are left out: the parser hangs "to porridge" on the verb or on the noun at random."""
    tok = through_amount(tok, env)
    measured = measured_concept(tok, env)
    if measured is not None:
        return measured
    c = env.concept(tok)
    lex = getattr(env.ontology, "lexicon", None)
    ignore: frozenset[str] = getattr(lex, "ignore_modifiers", frozenset())
    head = tok.lemma_.lower() if tok.pos_ in ("NOUN", "PROPN") else (c.head or tok.lemma_.lower())
    if tok.pos_ == "NOUN" and env.concepts.gerund_of_verb(tok.lower_):
        head = c.head or head  # "thumb sucking(NN)" is the act "suck", as "sucking(VBG) a thumb" is
    # "night(nsubj) waking", "early(advmod) waking": before a gerund, a kind of the act
    kinds = ("compound", "amod", "nmod") + (("nsubj", "advmod") if tok.tag_ == "VBG" else ())
    mods = {m.lemma_.lower() if m.dep_ in ("compound", "nsubj") else m.lower_ for m in tok.children
            if m.dep_ in kinds and not m.like_num and (m.dep_ != "advmod" or m.i < tok.i)
            and (not m.tag_.startswith("VB") or (m.dep_ == "amod" and m.tag_ in ("VBN", "VBG")))}  # "cooked
    # rice", "a clicking hip": a participle before the noun names a kind of it, as the tagger's NN would
    people = env.lexicons.advice.people
    mods = {m for m in mods | _extra_words(tok, env) if m not in ignore and m != head and m not in people}
    key = c.key if c.known else head + (f"({','.join(sorted(mods))})" if mods else "")
    return dataclasses.replace(c, key=key, head=head, modifiers=frozenset(mods))


def measured_concept(tok: Any, env: Env) -> Concept | None:
    """"a temperature of 38.5 °C", "a raised temperature": the condition the measurement defines
    (``[[measured]]`` in lexicons.toml), so it meets claims about "a fever"."""
    for m in env.lexicons.measured:
        if tok.lemma_.lower() not in m.nouns:
            continue
        text = tok.doc[tok.left_edge.i:tok.right_edge.i + 1].text
        past = any(a.dimension == m.dimension and a.canonical[0] >= m.from_ for a in env.units.scan(text))
        if past or any(c.dep_ == "amod" and c.lower_ in m.words for c in tok.children):
            return Concept(key=m.concept, text=text, head=m.concept)
    return None


def _emit(match: Match, key: str, default: Any = None) -> Any:
    return match.construction.emits.get(key, default)


def _prov(match: Match, env: Env, anchors: list[Any]) -> Provenance:
    found = [a for a in anchors if a is not None]
    return with_scope(env.prov(match, found), match.sent, env, anchors=found)


# -- advice ---------------------------------------------------------------------------------------------

def _absolute(verb: Any, env: Env) -> int:
    """+1 for "always", -1 for "never" on the verb (or its auxiliary), 0 otherwise."""
    absolute = env.lexicons.advice.absolute
    for c in verb.children:
        if c.lower_ in absolute:
            return absolute[c.lower_]
    return _universal_phrase(verb, env)


def _universal_determiner(g: Any, env: Env) -> str:
    """"no" or "any" when ``g`` is the noun of "under no circumstances" / "at any time", else ""."""
    lex = env.scopes.lex
    if g.lemma_.lower() not in lex.negation.universal_nouns and g.lower_ not in lex.negation.universal_nouns:
        return ""
    det = next((d.lower_ for d in g.children if d.dep_ == "det"), "")
    return det if det in lex.negation.words or det in lex.condition.universal else ""


def _universal_phrase(verb: Any, env: Env) -> int:
    """-1 for "under no circumstances (should you) X" (never), +1 for "X under any circumstances"
    (without exception, whatever the polarity), 0 otherwise."""
    for c in verb.children:
        if c.dep_ == "prep":
            for g in c.children:
                det = _universal_determiner(g, env) if g.dep_ == "pobj" else ""
                if det:
                    return -1 if det in env.scopes.lex.negation.words else 1
    return 0


def _complement(verb: Any) -> Any:
    """"avoid *adding* salt", "stop *swaddling*", "keep *using* it": the real action."""
    for c in verb.children:
        if c.dep_ in ("xcomp", "pcomp") and c.pos_ == "VERB":
            return c
        if c.dep_ == "prep" and c.lower_ in ("from", "on"):
            inner = next((g for g in c.children if g.dep_ == "pcomp" and g.pos_ == "VERB"), None)
            if inner is not None:
                return inner
        if c.dep_ == "dobj" and c.tag_ == "VBG":
            return c
    return None


def advice_object(verb: Any, env: Env) -> Any:
    """The thing an action is about: its object (through amounts), skipping the child it is given to."""
    for dep in ("dobj", "nsubjpass", "npadvmod", "appos"):
        obj = next((c for c in verb.children if c.dep_ == dep), None)
        if dep == "npadvmod" and obj is not None and obj.lemma_.lower() in env.lexicons.advice.time_words:
            continue  # "every day", "each night": when, not what
        if obj is not None and not _is_person(obj, env):
            return through_amount(obj, env)
    if verb.dep_ == "compound" and verb.head.pos_ in ("NOUN", "PROPN"):
        return through_amount(verb.head, env)  # a misread imperative: "Limit(compound) juice(ROOT)"
    for c in verb.children:  # "never tilt or prop up the surface": conjoined verbs share the object
        if c.dep_ == "conj" and c.pos_ == "VERB":
            obj = next((g for g in c.children if g.dep_ == "dobj" and not _is_person(g, env)), None)
            if obj is not None:
                return through_amount(obj, env)
    return None


def advice_details(verb: Any, obj: Any, env: Env) -> frozenset[str]:
    """Lemmas that narrow the action: its prepositional objects and manner words (not the child, not ages)."""
    out: set[str] = set()
    for c in verb.children:
        if c.dep_ == "prep" and any(e.lower_ == "even" for e in c.children):
            continue  # "never X, even during a cold": a concession widens the advice, it does not narrow it
        if c.dep_ == "prep":
            for g in c.children:
                if g.dep_ in ("pobj", "pcomp"):
                    out |= _detail_words(g, env)
        elif c.dep_ == "npadvmod" and c.lemma_.lower() in env.lexicons.advice.time_words:
            out |= {f"{d.lower_}-{c.lemma_.lower()}" for d in c.children if d.dep_ == "det"}  # "every day"
        elif c.dep_ in ("xcomp", "advcl") and c.pos_ == "VERB" and c.i > verb.i and not any(
                m.dep_ == "mark" for m in c.children):  # a purpose, not a condition ("if four hours pass")
            out.add(c.lemma_.lower())  # "put the baby to sleep on their back": sleep, back
            for p in c.children:
                if p.dep_ == "prep":
                    out |= {w for g in p.children if g.dep_ == "pobj" for w in _detail_words(g, env)}
    return frozenset(out | _object_details(obj, env))


def _object_details(obj: Any, env: Env) -> set[str]:
    """Where or how, when the parser hung the phrase on the object rather than the verb ("heat a bottle
    in the microwave"): the same detail either way ("of" and "with" phrases name the thing itself)."""
    if obj is None:
        return set()
    return {w for c in obj.children if c.dep_ == "prep" and c.lower_ not in ("of", "with", "containing")
            for g in c.children if g.dep_ == "pobj" for w in _detail_words(g, env)}


def _detail_words(g: Any, env: Env) -> set[str]:
    if _is_person(g, env) or g.lemma_.lower() in env.lexicons.advice.time_words or g.like_num or any(
            n.like_num for n in g.children):
        return set()
    if _universal_determiner(g, env):  # "under any circumstances" widens the advice, it does not narrow it
        return set()
    return {g.lemma_.lower()}


def _action_name(verb: Any, env: Env) -> str:
    """The action's lemma with its particle; a gerund read as a noun ("swaddling") is its verb."""
    prt = next((c.lower_ for c in verb.children if c.dep_ == "prt"), "")
    lemma = verb.lemma_.lower()
    if verb.pos_ != "VERB" and verb.lower_.endswith("ing"):
        lemma = env.concept(verb).head or lemma
    return f"{lemma} {prt}".strip()


def _caused_act(verb: Any, env: Env) -> Any:
    """ "let your toddler nap", "allow your baby to feed", "let the bottle cool": the act someone or
    something is let or made to do is what the advice is about."""
    if verb.lemma_.lower() not in env.lexicons.advice.causative_verbs:
        return verb
    for c in verb.children:
        if c.dep_ in ("ccomp", "xcomp") and c.i > verb.i:  # "nap" may be read as a noun: the role counts
            return c
    return verb


def _caused_thing(verb: Any, act: Any, env: Env) -> Any:
    """ "let the bottle cool": the thing let act (not a person) is what the advice is about."""
    if act is verb:
        return None
    actor = next((k for k in (*act.children, *verb.children) if k.dep_ in ("nsubj", "dobj") and k.i < act.i),
                 None)
    return actor if actor is not None and not _is_person(actor, env) else None


def _pseudo_coordinated(verb: Any) -> Any:
    """ "go ahead and X", "try and X", "come and X": the act is X (the first verb only carries it)."""
    if verb.lemma_.lower() not in ("go", "come", "try") or any(c.dep_ == "dobj" for c in verb.children):
        return verb
    if not any(c.dep_ == "cc" and c.lower_ == "and" for c in verb.children):
        return verb
    return next((c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB"), verb)


def _through_aspect(verb: Any, env: Env) -> Any:
    """ "Start to keep a diary", "begin offering lumps": the act is the complement (``[advice]
    aspect-verbs``); None for a bare aspect verb with no act and no object ("let them start after 4pm")."""
    if verb.lemma_.lower() not in env.lexicons.advice.aspect_verbs:
        return verb
    act = next((c for c in verb.children if c.dep_ in ("xcomp", "dobj") and c.pos_ == "VERB"), None)
    if act is not None:
        return act
    times = env.lexicons.advice.time_preps
    own = any(c.dep_ in ("dobj", "prep") and c.pos_ in ("NOUN", "PROPN", "ADP") and c.lower_ not in times
              for c in verb.children)
    return verb if own else None


def _acts_on_child(verb: Any, env: Env) -> bool:
    """A gerund whose object is the child ("waking a sleeping baby"): the act itself is the advice, as in
    the imperative "wake your baby", which names no object either."""
    return any(c.dep_ == "dobj" and _is_person(c, env) for c in verb.children)


def _advice(match: Match, env: Env, verb: Any, polarity: int, obj_tok: Any,
            avoid: bool) -> AdviceClaim | None:
    absolute = _absolute(verb, env) or (_absolute(verb.head, env) if verb.dep_ == "xcomp" else 0)
    # a "never" on a role word ("it is never a good idea to X") was counted by the builder as negation
    roles = [match.roles[r] for r in ("be", "adj", "need") if r in match.roles]
    counted = any(verb.head.i == t.i for t in roles)
    if env.negated(verb) or (absolute < 0 and not (counted and not _absolute(verb, env))):
        polarity = -polarity
    action_tok = verb
    if avoid:
        inner = _complement(verb)
        action_tok = inner if inner is not None else None
        polarity = -polarity
    if action_tok is not None:
        action_tok = _through_aspect(_pseudo_coordinated(action_tok), env)
        if action_tok is None:
            return None  # "let them start after 4pm": an aspect verb with no act of its own
    if action_tok is not None and obj_tok is None:
        action_tok = _through_aspect(_caused_act(action_tok, env), env)
        if action_tok is None:
            return None
        obj_tok = advice_object(action_tok, env) or _caused_thing(verb, action_tok, env)
    if action_tok is None and obj_tok is None:
        obj_tok = advice_object(verb, env)
    if action_tok is None and obj_tok is None:
        return None
    if avoid and action_tok is None and _emit(match, "gerund-only", False):
        return None  # "stop the bleeding" ends something; only "stop giving X" is advice against giving
    obj = thing_concept(env, obj_tok) if obj_tok is not None else None
    action = _action_name(action_tok, env) if action_tok is not None else ""
    details = advice_details(action_tok, obj_tok, env) if action_tok is not None else frozenset()
    if obj is None and not details and sum(t.is_alpha for t in match.sent) < 3:
        return None  # "Relax.", a table header "Age": nothing another passage could contradict
    if obj is None and not details and action_tok is not None \
            and action_tok.lemma_.lower() in env.lexicons.advice.pro_verbs:
        return None  # "Things you should not do:": the action is named elsewhere
    prov = _prov(match, env, [verb, action_tok, obj_tok])  # the act's clause: "avoid X-ing for weeks"
    claim = AdviceClaim(action=action, object=obj, polarity=1 if polarity > 0 else -1, prov=prov,
                        details=details, absolute=bool(absolute) or bool(_emit(match, "absolute", False)))
    claim = _with_boundary(claim, verb, env)
    if action_tok is not None and action_tok is not verb and not (claim.until or claim.once):
        claim = _with_boundary(claim, action_tok, env)  # "stop rocking as soon as …" hangs on the gerund
    return claim


def _boundary_clause(verb: Any, env: Env) -> tuple[str, Any] | None:
    """("until" | "once", clause verb) of a time clause on the advice ("as soon as" included): "keep X
    until E" (+ before E), "stop X once E" (- after E)."""
    lex = env.lexicons.advice
    heads = [verb] + ([verb.head] if verb.dep_ in ("xcomp", "dobj") and verb.head is not verb else [])
    for h in heads:
        for c in [*h.children, *(g for a in h.children if a.dep_ == "advmod" for g in a.children)]:
            if c.dep_ != "advcl":
                continue
            mark = next((m.lower_ for m in c.children if m.dep_ == "mark"), "")
            if mark in lex.until_marks:
                return "until", c
            if mark in lex.once_marks:
                return "once", c
    return None


def boundary_event(clause: Any, lex: Any, carriers: frozenset[str]) -> Concept:
    """The event of a time clause as the verbs it names, with its phase (start: "signs of trying to
    roll"; mastery: "rolls confidently"); ``carriers`` only carry it ("shows signs of trying to roll")."""
    start_words = set(getattr(lex, "start_verbs", ())) | {"sign", "first", "begin", "start"}
    mastery_words = set(getattr(lex, "mastery_words", ()))
    toks = list(clause.subtree)
    verbs = sorted({t.lemma_.lower() for t in toks if t.pos_ == "VERB"} - carriers - start_words)
    lemmas = {t.lemma_.lower() for t in toks} | {t.lower_ for t in toks}
    phase = Phase.START if lemmas & start_words else Phase.MASTERY if lemmas & mastery_words else Phase.ANY
    text = clause.doc[clause.left_edge.i:clause.right_edge.i + 1].text
    return Concept(key=",".join(verbs), text=text, head=verbs[0] if verbs else "",
                   modifiers=frozenset(verbs), phase=phase)


def _with_boundary(claim: AdviceClaim, verb: Any, env: Env) -> AdviceClaim:
    found = _boundary_clause(verb, env)
    if found is None:
        return claim
    kind, clause = found
    event = boundary_event(clause, getattr(env.ontology, "lexicon", None), env.lexicons.advice.carrier_verbs)
    if not event.modifiers:
        return claim
    if kind == "until":
        return dataclasses.replace(claim, until=event)
    return dataclasses.replace(claim, once=event)


def _verb_word(verb: Any, env: Env) -> bool:
    """Can the word be a verb at all? The small model tags a sentence's first capitalised word (a name, a
    label, a participle opening a clause: "Given that ...") as an imperative verb."""
    if verb.tag_ not in ("NNP", "VBN", "NN"):
        return True
    if verb.tag_ == "VBN" and verb.i + 1 < len(verb.doc) and verb.doc[verb.i + 1].lower_ == "that":
        return False
    verbs = env.concepts.lemmas.index.get("verb", set())
    low = verb.lower_
    return low in verbs or env.concepts.lemmas.base(low) in verbs


def _imperative_ok(verb: Any, env: Env) -> bool:
    """Advice has no subject of its own or addresses the reader ("you should", "parents can"); it is not
    a question."""
    if verb.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "attr", "appos"):
        return False  # a noun at the start of a sentence ("Cola should never be …"), not a verb
    subj = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "expl")]
    if verb.dep_ in ("compound", "amod") and verb.head.dep_ in ("nsubj", "nsubjpass", "csubj"):
        return False  # a modifier of another verb's subject: "Green(NNP) snot is normal"
    if verb.dep_ == "compound":  # a misread imperative: "Avoid(compound) sugar(ROOT)"
        subj = []
    if not _verb_word(verb, env):
        return False  # a name or a label the tagger took for a verb ("Graham's ...", "KP My Doctor")
    if any(c.dep_ == "dobj" and c.lower_ in ("you", "me", "us") for c in verb.children):
        return False  # "Thank you", "Excuse me": a formula, not advice
    addressees = env.lexicons.advice.addressees
    return all(s.lower_ in addressees for s in subj) and not span_text(verb.sent).rstrip().endswith("?")


@builder("advice")
def build_advice(match: Match, env: Env) -> Iterator[Claim]:
    """Advice to do or not do something, from imperatives, modals, "it is safe to", "X is recommended"."""
    if _emit(match, "lead-in-only", False):
        yield from _listed_thing(match, env)
        return
    verb = match.roles.get("action")
    carriers = [t for t in (verb, match.roles.get("keep")) if t is not None]
    if verb is None or (_emit(match, "imperative", False)
                        and not all(_imperative_ok(t, env) for t in carriers)):
        return
    if _emit(match, "bare", False):
        yield from _bare(match, env, verb)
        return
    polarity = _polarity(match, env, verb)
    if polarity == 0:
        return
    if any(env.negated(match.roles[r]) for r in ("be", "adj", "need") if r in match.roles):
        polarity = -polarity  # "it is not safe to X", "you don't need to X"
    obj = match.roles.get("object")
    if obj is not None and _is_person(obj, env) and obj.dep_ == "nsubjpass":
        obj = None  # "a baby should not be left alone on X" = "leave a baby alone on X" (not about the child)
    claim = _advice(match, env, verb, polarity, obj, bool(_emit(match, "avoid", False)))
    if claim is None:
        return
    lead = _negative_lead_in(match, env) if _emit(match, "imperative", False) else ""
    if lead:  # a bullet under "Never:" / "Avoid these:" forbids what it names
        claim = dataclasses.replace(claim, polarity=-claim.polarity,
                                    absolute=claim.absolute or lead.startswith("never"))
    if _emit(match, "recipient", False):
        claim = _for_the_child(match, env, claim)
    force = _force(match, env, claim.polarity)
    if force == "obligation" and _pressure_lifted(verb, env):
        claim, force = dataclasses.replace(claim, polarity=-1), "no-need"
    yield dataclasses.replace(claim, force=force, prov=_deontic(match, claim.prov, force, env))


def _polarity(match: Match, env: Env, verb: Any) -> int:
    """The construction's polarity; or the idiom's on a gerund subject (``"@phrase"``); or the advising
    noun's (``"@noun"``): 0 when there is none."""
    named = _emit(match, "polarity", 1)
    if named == PHRASE:
        found, denied = verdict_phrase(match.roles.get("be"), verb, env.lexicons.advice.verdict_phrases, env)
        return 0 if found is None else (-1 if (found == "against") != denied else 1)
    if named == NOUN:
        return _advising_noun(match.roles["noun"], env)
    return int(named)


def _advising_noun(noun: Any, env: Env) -> int:
    """+1 for "our advice / the best thing", -1 for "the last / worst thing", 0 for another noun or a bare
    "thing" ("the thing is to relax" is advice only with a modifier)."""
    lex = env.lexicons.advice
    if noun.lemma_.lower() not in lex.advising_nouns:
        return 0
    mods = {c.lower_ for c in noun.children if c.dep_ in ("amod", "poss", "compound")}
    if mods & lex.worst_words:
        return -1
    return 1 if mods or noun.lemma_.lower() != "thing" else 0


def _for_the_child(match: Match, env: Env, claim: AdviceClaim) -> AdviceClaim:
    """ "Toddlers should have X": the carer gives X (``[advice] recipient-verbs``), and the subject's age
    word bounds the ages the advice gives ("toddlers ... until age 2" is 12 to 24 months, not 0 to 24)."""
    if claim.action in env.lexicons.advice.recipient_verbs:
        claim = dataclasses.replace(claim, action="give")
    subject, scope = match.roles.get("subject"), claim.prov.age_scope
    found = age_word_of(subject, env.ontology) if subject is not None and scope is not None else None
    if found is None or scope is None:
        return claim  # an age word alone sets no scope (as "give toddlers X" does not)
    lo, hi = max(found[1][0], scope[0]), min(found[1][1], scope[1])
    if lo >= hi:
        return claim
    return dataclasses.replace(claim, prov=dataclasses.replace(claim.prov, age_scope=(lo, hi)))


def _pressure_lifted(verb: Any, env: Env) -> bool:
    """ "Don't feel (that) you have to X", "don't think you must X": a negated verb of feeling or belief
    over the obligation lifts it: there is no need to X (``[advice] pressure-verbs``)."""
    t = verb
    for _ in range(3):  # wean(xcomp) -> have(ccomp) -> feel
        if t.dep_ == "ccomp" and t.head.lemma_.lower() in env.lexicons.advice.pressure_verbs:
            return any(c.dep_ == "neg" for c in t.head.children)
        if t.head.i == t.i:
            return False
        t = t.head
    return False


def _deontic(match: Match, prov: Provenance, force: str, env: Env) -> Provenance:
    """Leave given to the reader is not a hedge on a fact: "you may X" is as plain as "you can X" (the
    permission is in ``force``); and "if you like" / "if it helps" defers to the reader, it sets no
    condition on the advice."""
    lex = env.scopes.lex
    modal = match.roles.get("modal")
    if force == "permission" and prov.hedge is Hedge.MINORITY and modal is not None \
            and modal.lower_ in lex.hedge.minority_modals:
        prov = dataclasses.replace(prov, hedge=Hedge.PLAIN)
    if prov.condition and _preference_only(match.sent, prov.condition, lex):
        prov = dataclasses.replace(prov, condition="")
    return prov


def _preference_only(sent: Any, condition: str, lex: Any) -> bool:
    """Is ``condition`` an if-clause whose verb only defers to the reader ("if you wish")?"""
    for t in sent:
        if t.dep_ == "advcl" and t.lemma_.lower() in lex.condition.preference_verbs:
            text = sent.doc[t.left_edge.i:t.right_edge.i + 1].text
            if text == condition and any(m.dep_ == "mark" for m in t.children):
                return True
    return False


def _lead_in_block(match: Match, env: Env) -> Any:
    """The paragraph that introduces the list holding the match's block (None outside a list)."""
    block = match.block
    if block.kind is not BlockKind.LIST_ITEM or block.list_id is None:
        return None
    blocks = env.ctx.doc.blocks
    i = block.index - 1
    while i >= 0 and blocks[i].kind is BlockKind.LIST_ITEM and blocks[i].list_id == block.list_id:
        i -= 1
    return blocks[i] if i >= 0 and blocks[i].kind is BlockKind.PARAGRAPH else None


LEAD_IN_SHORT = 4  # words: "Things to avoid:", "What not to do:" name a prohibition wherever it sits


def _negative_lead_in(match: Match, env: Env) -> str:
    """The forbidding word of the list's lead-in ("Never:", "Avoid these:"), "" when it does not forbid.
    Only the lead-in's last clause counts, and only when it ends with a colon ("If your baby doesn't
    settle, try these:" asks for the bullets)."""
    lead = _lead_in_block(match, env)
    if lead is None or not lead.text.rstrip().endswith(":"):
        return ""
    last = re.split(r"[.!?;,—–]\s+|\s+[—–]\s+", lead.text.rstrip().rstrip(":"))[-1]
    words = " ".join(last.lower().split())
    for neg in env.lexicons.advice.negative_lead_ins:
        if words == neg or words.startswith(neg + " "):
            return neg
        if len(words.split()) <= LEAD_IN_SHORT and re.search(rf"(?<!\w){re.escape(neg)}(?!\w)", words):
            return neg
    return ""


def _force(match: Match, env: Env, polarity: int) -> str:
    """How strongly the advice is given: a "no need" is weaker than a prohibition, so it is not the
    opposite of a permission ("you may X" / "there's no need to X" can both hold)."""
    emitted = str(_emit(match, "force", ""))
    if emitted:
        return emitted
    word = next((match.roles[r] for r in ("need", "modal", "adj") if r in match.roles), None)
    if word is None:
        return ""
    lex = env.lexicons.advice  # leave ("you can X", "it is fine to X") or necessity ("you must X")
    low = word.lower_ if word.lower_ in lex.permission_words | lex.obligation_words else word.lemma_.lower()
    if low in lex.obligation_words:
        return "no-need" if polarity < 0 and env.negated(word) else ("obligation" if polarity > 0 else "")
    return "permission" if low in lex.permission_words and polarity > 0 else ""


def _listed_thing(match: Match, env: Env) -> Iterator[Claim]:
    """A list item that only names a thing, under a forbidding lead-in ("Avoid giving:"): advice against it.
    Only the item's first sentence (its label) names it."""
    thing = match.roles.get("object")
    if thing is None or match.sent.start != 0 or not _negative_lead_in(match, env):
        return
    yield from _bare(match, env, thing)


def _bare(match: Match, env: Env, verb: Any) -> Iterator[Claim]:
    """Advice on a thing with no action: "X is not recommended", "X should be avoided", "No X."."""
    obj_tok = match.roles.get("object")
    if obj_tok is None or _is_person(obj_tok, env):
        return
    if obj_tok.dep_ == "advcl" and (obj_tok.i > verb.i or any(
            c.dep_ == "mark" or (c.dep_ == "advmod" and c.tag_ == "WRB") for c in obj_tok.children)):
        return  # "when bathing, X should be avoided": a time, not the act avoided
    polarity = int(_emit(match, "polarity", 1))
    if verb.dep_ == "det" and not any(a.is_age for a in env.units.scan(span_text(match.sent))):
        return  # "No fever." in a symptom list describes; "No honey before 12 months." advises
    if verb.dep_ != "det" and env.negated(verb):
        polarity = -polarity
    action, details = "", frozenset[str]()
    obj: Concept | None = None
    if obj_tok.pos_ == "VERB" or obj_tok.tag_ == "VBG":  # "giving juice is recommended": give juice
        obj_tok = _caused_act(obj_tok, env)
        action, details = _action_name(obj_tok, env), advice_details(obj_tok, None, env)
        inner = advice_object(obj_tok, env)
        if inner is None and not _acts_on_child(obj_tok, env):
            return
        if inner is not None:  # else "waking a sleeping baby is not advised": an act on the child
            obj_tok = inner
            obj = thing_concept(env, through_amount(obj_tok, env))
    else:
        obj = thing_concept(env, through_amount(obj_tok, env))
    if (obj is not None and obj.key) or (obj is None and action):
        yield AdviceClaim(action=action, object=obj, polarity=polarity,
                          prov=_prov(match, env, [obj_tok, verb]), details=details,
                          absolute=bool(_emit(match, "absolute", False)))


# -- stance ---------------------------------------------------------------------------------------------

def _subject_thing(thing: Any, env: Env) -> Any:
    """"Giving honey is risky": the gerund's object; "jam stirred into yogurt is …" (a participle read as
    the subject): the participle's own subject; else the noun itself."""
    if thing.tag_ == "VBN":
        subj = next((c for c in thing.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None:
            return subj
    if thing.pos_ == "VERB" or thing.tag_ == "VBG":
        obj = advice_object(thing, env)
        if obj is not None:
            return obj
    return thing


def _reassuring(verb: Any, env: Env) -> bool:
    """"don't worry", "no need to worry", "nothing to worry about": a negated worry."""
    if env.negated(verb):
        return True
    if verb.dep_ == "xcomp" and verb.head.lemma_ in ("need", "have") and env.negated(verb.head):
        return True  # "you don't need to worry", "you don't have to worry"
    noun = verb.head if verb.dep_ in ("acl", "relcl", "xcomp") else None
    return noun is not None and (noun.lower_ == "nothing" or any(
        c.dep_ == "det" and c.lower_ in ("no", "little") for c in noun.children))


def condition_thing(clause: Any, env: Env) -> Concept:
    """The condition of a red flag or a reassurance as a thing: its event, negation and age ("not
    walking by 12 months"), so "not X by their first birthday" and "not X by 12 months" are one thing."""
    had = next((c for c in clause.children if c.dep_ == "dobj"), None)
    if had is not None and clause.lemma_.lower() in env.lexicons.stance.having_verbs:
        event = thing_concept(env, had)  # "if your child has a swollen gum": the thing, named as elsewhere
    else:
        event = env.concept(clause)
    neg = env.negated(clause)
    text = clause.doc[clause.left_edge.i:clause.right_edge.i + 1].text
    age = next((a for a in env.units.scan(text) if a.is_age), None)
    when = ""
    if age is not None:
        lo, hi = to_months(age.stated, age.unit)
        when = f"@{age.relation.value}:{lo:g}-{hi:g}"
    key = f"{'not-' if neg else ''}{event.key}{when}"
    # the head is the whole key: a condition is the same thing only with the same event, negation and age
    return Concept(key=key, text=text, head=key, modifiers=frozenset(), phase=event.phase)


def _condition_stance(match: Match, env: Env, verdict: Verdict) -> Iterator[Claim]:
    clause, verb = match.roles.get("thing"), match.roles.get("verb")
    if clause is None or verb is None:
        return
    if verdict is Verdict.NORMAL and not _reassuring(verb, env):
        return  # "worry if …" without a negation is not reassurance
    if verdict is Verdict.WARNING_SIGN and not _imperative_ok(verb, env):
        return
    thing = condition_thing(clause, env)
    prov = dataclasses.replace(_prov(match, env, [verb]), condition="")  # the condition is the thing
    yield StanceClaim(thing=thing, verdict=verdict, prov=prov)


@builder("stance")
def build_stance(match: Match, env: Env) -> Iterator[Claim]:
    """A verdict on a thing: safe, fine, normal, harmful, a warning sign (negation flips it)."""
    if _emit(match, "about", "") == "condition":
        yield from _condition_stance(match, env, Verdict(str(_emit(match, "verdict", "normal"))))
        return
    thing = _judged(match.roles.get("thing"), env)
    anchor = match.roles.get("verdict") or match.roles.get("verb")
    if thing is None:
        return
    if _emit(match, "imperative", False) and (anchor is None or not _imperative_ok(anchor, env)):
        return  # a directive to the reader ("call your doctor about X"), not a report of what someone did
    verdict = _named_verdict(match, anchor, thing, env)
    if verdict is None:
        return
    if _emit(match, "reassurance", False):  # "don't worry about X": only a negated worry says X is normal
        if anchor is None or not _reassuring(anchor, env):
            return
    elif _emit(match, "negation-in-pattern", False):
        pass  # the pattern spells out the word that decides the verdict
    elif any(env.negated(t) for t in (anchor, thing.head, _raising_head(anchor)) if t is not None) or (
            anchor is not None and (_says_no(anchor, env) or _under_denying_noun(anchor, env)
                                    or (anchor.dep_ == "acl" and _says_no(anchor.head, env)))):
        # "not a warning sign", "no cause for concern", "no evidence that X helps"
        verdict = OPPOSITE_VERDICT[verdict]
    elif verdict is Verdict.EFFECTIVE and _scant(match, env):
        verdict = Verdict.INEFFECTIVE  # "little, if any, relief", "does little to help"
    tok = _subject_thing(through_amount(thing, env), env)
    if tok.lemma_.lower() in env.lexicons.advice.time_words:
        return
    concept = thing_concept(env, tok)
    if not concept.key or concept.key in _ANAPHORS:
        return  # "Most of these are normal": the thing is named in another sentence
    prov = _prov(match, env, [thing, anchor])
    if _scant_phrase(prov.condition, env):
        prov = dataclasses.replace(prov, condition="")  # "if any" doubts the benefit, it is no condition
    if prov.hedge is Hedge.PLAIN and _can_be(thing.head):
        prov = dataclasses.replace(prov, hedge=Hedge.MINORITY)
    target = None
    if verdict in (Verdict.EFFECTIVE, Verdict.INEFFECTIVE) and anchor is not None:
        found = _efficacy_target(anchor, env)
        target = thing_concept(env, found) if found is not None else None
    yield StanceClaim(thing=concept, verdict=verdict, prov=prov, target=target)


def _judged(thing: Any, env: Env) -> Any:
    """The thing a verdict is on: never a person or a word pointing back ("this", "they"); "Biting other
    children is …" judges the act on the people."""
    if thing is not None and _is_person(thing, env):
        thing = _gerund_of(thing)
    if thing is None or _is_person(thing, env) or thing.lower_ in _ANAPHORS:
        return None
    return thing


def _gerund_of(thing: Any) -> Any:
    """ "Biting(amod) other children(nsubj) is …": the parser may read a leading gerund as its object's
    modifier; with people as the noun (never the thing judged) the act is. A gerund on a thing names a
    kind of it ("teething gels", "sleeping bags")."""
    first = thing.doc[thing.left_edge.i]
    if first.tag_ == "VBG" and first.dep_ == "amod" and first.head.i == thing.i:
        return first
    return thing


def _named_verdict(match: Match, anchor: Any, thing: Any, env: Env) -> Verdict | None:
    """The construction's verdict, or the idiom's in its clause (``emits.verdict = "@phrase"``)."""
    named = str(_emit(match, "verdict", "fine"))
    if named != PHRASE:
        return Verdict(named)
    found, denied = verdict_phrase(anchor, thing, env.lexicons.stance.verdict_phrases, env)
    if found is None:
        return None
    return OPPOSITE_VERDICT[Verdict(found)] if denied else Verdict(found)


#: ``emits.verdict`` / ``emits.polarity`` of a construction whose verdict is the idiom found in its clause
#: (stance.phrase, advice.gerund-phrase)
PHRASE = "@phrase"
#: ``emits.polarity`` of advice.advising-noun: the subject noun decides
NOUN = "@noun"
#: words an idiom may skip between two of its own ("prompt *a same-day* call")
PHRASE_GAP = 4


def verdict_phrase(verb: Any, thing: Any, table: dict[str, tuple[str, ...]],
                   env: Env) -> tuple[str | None, bool]:
    """The verdict of the first idiom of ``table`` (a ``verdict-phrases`` lexicon) in ``verb``'s predicate
    (its subtree without the subject), whose first word is the verb or at most two steps below it; and
    whether the idiom's own noun says "no" ("no cause for concern"), which the verb's negation misses."""
    if verb is None:
        return None, False
    subject = range(thing.left_edge.i, thing.right_edge.i + 1)
    words = [t for t in verb.subtree if t.i not in subject]
    present = {t.lemma_.lower() for t in words} | {t.lower_ for t in words}
    present |= {AGREEMENT[w] for w in present if w in AGREEMENT}
    for verdict, phrases in table.items():
        for phrase in phrases:
            parts = phrase.split()
            start = _idiom_at(parts, words, verb) if present.issuperset(parts) else None
            if start is not None:
                return verdict, _idiom_denied(start, env)
    return None, False


def _idiom_denied(start: Any, env: Env) -> bool:
    """ "no cause for concern", "no big deal" (a "no" on the idiom's first word or its noun), "nothing to
    lose sleep over" (the idiom qualifies "nothing"): the idiom is denied, as a negated verb denies it."""
    noun = start if start.pos_ in ("NOUN", "PROPN") else start.head
    return _says_no(start, env) or _says_no(noun, env) or start.head.lower_ in ("nothing", "none")


def _idiom_at(phrase: list[str], words: list[Any], verb: Any) -> Any:
    """The first word of ``phrase`` where it occurs in ``words`` (None when it does not)."""
    starts = [i for i, t in enumerate(words) if _word_is(t, phrase[0]) and _near_verb(t, verb)]
    return next((words[i] for i in starts if _rest_follows(phrase[1:], words, i)), None)


#: idioms are listed with "its" / "itself": a plural or personal subject inflects the pronoun
AGREEMENT = MappingProxyType({"their": "its", "his": "its", "her": "its", "themselves": "itself",
                              "himself": "itself", "herself": "itself"})


def _word_is(tok: Any, word: str) -> bool:
    low = tok.lower_
    return bool(tok.lemma_.lower() == word or low == word or AGREEMENT.get(low) == word)


def _near_verb(tok: Any, verb: Any) -> bool:
    return bool(tok.i == verb.i or tok.head.i == verb.i or tok.head.head.i == verb.i)


def _rest_follows(rest: list[str], words: list[Any], at: int) -> bool:
    for word in rest:
        window = range(at + 1, min(len(words), at + 2 + PHRASE_GAP))
        nxt = next((j for j in window if _word_is(words[j], word)), None)
        if nxt is None:
            return False
        at = nxt
    return True


def _efficacy_target(tok: Any, env: Env) -> Any:
    """What a remedy is said to help: "soothes *sore gums*", "helps with *coughs*", "relief from *pain*",
    "helps children with *colic*" (through the person it helps)."""
    preps = ("with", "for", "against", "from", "of")
    for c in tok.children:
        if c.dep_ == "dobj" and not _is_person(c, env):
            return c
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in preps:
            obj = next((g for g in c.children if g.dep_ in ("pobj", "pcomp") and not _is_person(g, env)),
                       None)
            if obj is not None and obj.dep_ == "pcomp":  # "with teething(pcomp) pain(dobj)": a misread noun
                return next((g for g in obj.children if g.dep_ == "dobj"), obj)
            if obj is not None:
                return obj
    comp = next((c for c in tok.children if c.dep_ == "xcomp" and not any(
        g.dep_ in ("nsubj", "dobj") and _is_person(g, env) for g in c.children)), None)
    if comp is not None and not any(c.dep_ == "dobj" for c in tok.children):
        return comp  # "does not help wind(xcomp)": a noun the parser read as a verb
    person = next((c for c in tok.children if c.dep_ == "dobj" and _is_person(c, env)), None)
    if person is not None:  # "helps children (suffering) with colic"
        for g in person.subtree:
            if g.dep_ == "pobj" and g.head.lower_ in preps and not _is_person(g, env):
                return g
    return None


#: words that point back to a thing named elsewhere: never the thing a verdict is about
_ANAPHORS = frozenset({"this", "that", "these", "those", "which", "it", "they", "them", "one", "ones"})


def _raising_head(tok: Any) -> Any:
    """ "you don't need to call the doctor about X": the verb whose negation covers its complement."""
    return tok.head if tok is not None and tok.dep_ == "xcomp" and tok.head.i != tok.i else None


def _scant_phrase(text: str, env: Env) -> bool:
    return " ".join(text.lower().strip(" ,;").split()) in env.lexicons.stance.scant_phrases


def _phrase_at(tok: Any, phrase: str) -> bool:
    words = phrase.split()
    doc = tok.doc
    return tok.i + len(words) <= len(doc) and all(doc[tok.i + k].lower_ == w for k, w in enumerate(words))


def _scant(match: Match, env: Env) -> bool:
    """A benefit reduced to (almost) nothing: the benefit noun or the verb carries a scant word ("little
    relief", "does little to help") or the clause holds a scant phrase ("brief, if any, relief")."""
    words = env.lexicons.stance.scant_words
    verb, noun = match.roles.get("verb"), match.roles.get("verdict")
    if noun is not None and any(c.dep_ in ("det", "amod") and c.lower_ in words for c in noun.children):
        return True
    if verb is None:
        return False
    if any(c.dep_ in ("dobj", "npadvmod", "advmod") and c.lower_ in words for c in verb.children):
        return True
    return any(_phrase_at(t, p) for t in verb.subtree for p in env.lexicons.stance.scant_phrases)


def _can_be(verb: Any) -> bool:
    """"X can be a sign of …" says it sometimes is: a minority hedge, like "may be" (not "can't be")."""
    kids = list(verb.children)
    return verb.lemma_ == "be" and any(c.dep_ == "aux" and c.lower_ == "can" for c in kids) and not any(
        c.dep_ == "neg" for c in kids)


# -- propositions ---------------------------------------------------------------------------------------

def _population(noun: Any, obj: Any, env: Env) -> tuple[bool, Interval | None]:
    """ "the leading cause of Y for children aged 1 to 4 / among babies": (found, the ages) of the people
    a prepositional phrase on the relation's noun, its copula or its object names; "among all age groups"
    names every age (found, None)."""
    for prep in (*noun.children, *noun.head.children, *obj.children):
        if prep.dep_ != "prep" or prep.lower_ not in ("for", "among", "amongst", "in", "across"):
            continue
        for o in (o for o in prep.children if o.dep_ == "pobj"):
            if any(d.lower_ in ("all", "every", "any") for d in o.children):
                return True, None
            if _is_person(o, env) or any(c.dep_ == "compound" and _is_person(c, env) for c in o.children):
                end = min(max(o.right_edge.i, o.i + 5), o.sent.end - 1)  # "children ages(pobj) 5 - 9": the
                text = o.doc[o.left_edge.i:end + 1].text                   # parser may leave the numbers out
                text = re.sub(r"\bages?\b", "aged", text)  # "children ages 1-4" = "children aged 1-4"
                return True, population_scope(env.units, text, env.ontology)
    return False, None


def _says_no(noun: Any, env: Env) -> bool:
    return any(c.dep_ == "det" and c.lower_ in env.lexicons.proposition.no_words for c in noun.children)


def _unshown(tok: Any, env: Env) -> bool:
    """ "No study has (ever) shown / proved / found that P": the clause hangs on a verb whose subject is a
    denying noun with "no" (``[proposition] denying-nouns``): P is denied as unproven."""
    t = tok
    while t.dep_ == "conj" and t.head.i != t.i:
        t = t.head
    if t.dep_ != "ccomp":
        return False
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() in env.lexicons.proposition.denying_nouns
               and _says_no(c, env) for c in t.head.children)


def _under_denying_noun(tok: Any, env: Env) -> bool:
    """The relation hangs (through a clause or "of"/"between" phrases) on "no evidence", "no proof" …
    (``[proposition] denying-nouns``: the relation is inside the denied noun's clause or phrase)."""
    for anc in tok.ancestors:
        denying = anc.lemma_.lower() in env.lexicons.proposition.denying_nouns
        if denying and anc.pos_ == "NOUN" and _says_no(anc, env):
            return True
        if anc.pos_ == "VERB" and anc.dep_ not in ("relcl", "acl", "ccomp", "pcomp"):
            return False
    return False


def _not_always(verb: Any) -> bool:
    """"does not always cause Y" says it sometimes does: a partial negation, not a denial."""
    return any(c.lower_ in ("always", "necessarily") for c in verb.children) and any(
        c.dep_ == "neg" for c in verb.children)


def _denied(match: Match, env: Env) -> bool:
    verb = match.roles.get("verb")
    if verb is not None and _not_always(verb):
        return False
    if verb is not None and (env.negated(verb) or _under_denying_noun(verb, env) or _unshown(verb, env)):
        return True
    noun = match.roles.get("link")
    return noun is not None and (_says_no(noun, env) or _under_denying_noun(noun, env) or env.negated(noun))


def _without(concept: Concept, other: Concept) -> Concept:
    """``concept`` without the words ``other`` brought in (the parser hung the other side on it)."""
    mods = concept.modifiers - other.modifiers - {other.head}
    if concept.known or mods == concept.modifiers:
        return concept
    key = concept.head + (f"({','.join(sorted(mods))})" if mods else "")
    return dataclasses.replace(concept, key=key, modifiers=frozenset(mods))


def _reported_before(sent: Any, subj: Any, env: Env) -> bool:
    """A misparsed clause ("Grandparents say dummies cause ear infections", the clause read as an object)
    hides the reporting verb from the scope reader: a verb of saying or belief before the subject counts."""
    verbs = env.scopes.lex.reported.verbs
    return any(t.lemma_.lower() in verbs and t.pos_ in ("VERB", "AUX") for t in sent if t.i < subj.i)


@builder("proposition")
def build_proposition(match: Match, env: Env) -> Iterator[Claim]:
    """X causes Y / X does not cause Y / there is no link between X and Y."""
    subj, obj = match.roles.get("subject"), match.roles.get("object")
    if subj is None or obj is None or _is_person(subj, env) or _is_person(obj, env):
        return
    if obj.lemma_.lower() in env.lexicons.advice.time_words:
        return  # "the leading cause for children ages 1-4": a population, not the thing caused
    polarity = int(_emit(match, "polarity", 1))
    if not _emit(match, "negation-in-pattern", False) and _denied(match, env):
        polarity = -polarity  # a token pattern that spells the negation out does not ask the parse again
    prov = _prov(match, env, [subj, match.roles.get("verb") or match.roles.get("link"), obj])
    misread = match.roles.get("misread")
    if misread is not None and not prov.reported and _reported_before(match.sent, subj, env):
        prov = dataclasses.replace(prov, reported=True)
    s, o = thing_concept(env, subj), thing_concept(env, obj)
    if subj.left_edge.i <= obj.i <= subj.right_edge.i:  # "linking X with(on X) Y": Y is no kind of X
        s = _without(s, o)
    if misread is not None and _emit(match, "object-modifier", "") == "verb":  # "to ear(VB) infections"
        mods = o.modifiers | {misread.lower_}
        key = o.key if o.known else f"{o.head}({','.join(sorted(mods))})"
        o = dataclasses.replace(o, modifiers=mods, key=key)
    if not (s.key and o.key) or s.key == o.key:
        return
    predicate = str(_emit(match, "predicate", "cause"))
    if "noun" in match.roles:  # "the leading cause of Y for GROUP": the group's ages, not the sentence's
        found, ages = _population(match.roles["noun"], obj, env)
        if found or prov.age_scope is None:
            prov = dataclasses.replace(prov, age_scope=ages)
    yield PropositionClaim(subject=s, predicate=predicate, object=o, polarity=polarity, prov=prov)
    if _emit(match, "symmetric", False):
        yield PropositionClaim(subject=o, predicate=predicate, object=s, polarity=polarity, prov=prov)


__all__ = ["advice_details", "advice_object", "build_advice", "build_proposition", "build_stance",
           "thing_concept", "through_amount"]
