"""Open-vocabulary concept identity from the parse.

A concept is what a clause or noun phrase names, reduced to lemmas: the verb (or the verb behind a
gerund or nominalisation: "crawling" -> crawl, "dryness" -> dry) with its particle, object and the
modifiers that distinguish it ("crawl backward", "dry at night"). The words that only carry the event
("comes before", "start crawling", "move on to walking") are looked through, using the English lexicon
in ``rules/claims/ontology/lexicon.toml``. The ontology then maps synonyms to one id: the synonym's lemmas
must all be among the concept's, and name its head or object.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from ...nlp import load_model
from .model import Concept, Phase
from .ontology import ConceptLexicon, Ontology
from .scope import span_text

#: prepositions whose object is a direction ("from back to tummy"): tagged in the key
_DIRECTION = MappingProxyType({"from": "from", "to": "to", "onto": "to", "into": "to"})
#: prepositions that work as particles of a phrasal verb ("pull on", "take off"), kept in the key
_PARTICLE_PREPS = frozenset({"on", "off", "up", "down", "out", "over", "away", "back", "without"})
_DERIVED = ("ing", "ness", "ment")
_CVC = re.compile(r"(?:^|[^aeiou])[aeiou][^aeiouwxy]$")
_SPLIT = re.compile(r"[\s\-/]+|['’]s\b")
_FUNCTION = frozenset({"the", "a", "an", "on", "in", "at", "to", "of", "for", "from", "with", "by", "and",
                       "or", "their", "his", "her", "its", "your", "my", "our", "up"} - {"up"})


class Lemmas:
    """Base forms with spaCy's own lemmatizer tables (so "crawling" as a noun is still "crawl")."""

    def __init__(self, tables: dict[str, Any]) -> None:
        self._base: dict[str, str] = {}  # base() per word, kept with the tables (one instance per model)
        self.index: dict[str, set[str]] = {k: set(v) for k, v in tables.get("lemma_index", {}).items()}
        self.exc: dict[str, dict[str, list[str]]] = dict(tables.get("lemma_exc", {}))
        self.rules: dict[str, list[list[str]]] = dict(tables.get("lemma_rules", {}))

    def _by_rules(self, word: str, pos: str) -> str | None:
        if word in self.exc.get(pos, {}):
            return self.exc[pos][word][0]
        for old, new in self.rules.get(pos, []):
            if word.endswith(old) and old:
                cand = word[: len(word) - len(old)] + new
                if cand in self.index.get(pos, ()):
                    return cand
        return None

    def _verb(self, word: str) -> str | None:
        """The verb base; "riding" is "ride", not "rid" (a short stem takes its silent e)."""
        if word in self.exc.get("verb", {}):
            return self.exc["verb"][word][0]
        verbs = self.index.get("verb", set())
        found = [word[: len(word) - len(old)] + new for old, new in self.rules.get("verb", [])
                 if old and word.endswith(old) and word[: len(word) - len(old)] + new in verbs]
        if not found:
            return None
        with_e = [f for f in found if f.endswith("e")]
        if with_e and _CVC.search(with_e[0][:-1]) and len(with_e[0]) <= 5:
            return with_e[0]
        plain = [f for f in found if f not in with_e]
        if with_e and plain and not _CVC.search(with_e[0][:-1]):
            return min(plain, key=len)  # "singing" is sing: singe keeps its e ("singeing")
        return min(found, key=len) if not with_e else (found[0] if not _CVC.search(found[0]) else with_e[0])

    def base(self, word: str) -> str:
        """The verb behind "-ing"/"-ed", the adjective behind "-ness", else the noun or verb lemma."""
        got = self._base.get(word)
        if got is None:
            got = self._base[word] = self._find_base(word)
        return got

    def _find_base(self, word: str) -> str:
        w = word.lower()
        if w.endswith("ness") and len(w) > 6:
            stem = w[:-4]
            stem = stem[:-1] + "y" if stem.endswith("i") else stem
            if stem in self.index.get("adj", ()):
                return stem
        if w.endswith(("ing", "ed")) or w in self.exc.get("verb", {}):
            verb = self._verb(w)
            if verb:
                return verb
        if w in self.exc.get("noun", {}):  # "teeth", "feet"
            return self.exc["noun"][w][0]
        if w.endswith("s") and not w.endswith("ss"):  # "steps", "babies": the plural's noun
            noun = self._by_rules(w, "noun")
            if noun and noun != w:
                return noun
        if any(w in self.index.get(pos, ()) for pos in ("noun", "verb", "adj")):
            return w
        return self._by_rules(w, "noun") or self._by_rules(w, "verb") or w


def read_lemmas(model: str) -> Lemmas:
    """The lemma tables of the configured spaCy pipeline (``store.ClaimsData`` keeps one per model)."""
    nlp = load_model(model)
    tables: dict[str, Any] = {}
    if "lemmatizer" in nlp.pipe_names:
        lookups = nlp.get_pipe("lemmatizer").lookups
        for name in ("lemma_index", "lemma_exc", "lemma_rules"):
            if lookups.has_table(name):
                table = lookups.get_table(name)
                tables[name] = {pos: table.get(pos, {}) for pos in ("noun", "verb", "adj", "adv")}
    return Lemmas(tables)


@dataclass(frozen=True)
class _Parts:
    """What one mention contributes: head word, modifier words, object heads, phase, tokens used."""

    head: str
    mods: frozenset[str]
    objects: frozenset[str]
    phase: Phase
    tokens: tuple[int, ...]


def _tagged(word: str) -> bool:
    return word.split("-", 1)[0] in _DIRECTION.values() and "-" in word


def _number(tok: Any) -> bool:
    """A cardinal ("6", "six"), not an ordinal ("first molars" are not "molars"), nor a number hyphenated
    to a noun as a kind ("one-step instructions" are not "two-step" ones)."""
    hyphenated = tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].text in ("-", "‑")
    return bool(tok.like_num) and tok.pos_ == "NUM" and not hyphenated


class _Gap:
    """A noun standing in for a relative clause's missing object (a dobj without a dependency)."""

    dep_ = "dobj"

    def __init__(self, noun: Any) -> None:
        self.noun = noun

    def __getattr__(self, name: str) -> Any:
        return getattr(self.noun, name)


def _noun_before_gerund(c: Any, tok: Any, people: frozenset[str]) -> bool:
    """ "worry about toe(nsubj) walking(pcomp)": a bare noun right before a gerund in a prepositional
    phrase is read as its subject; it names the kind of act, as the compound "toe walking" does."""
    return (c.dep_ == "nsubj" and tok.tag_ == "VBG" and tok.dep_ == "pcomp" and c.i == tok.i - 1
            and c.pos_ == "NOUN" and c.lemma_.lower() not in people and not any(True for _ in c.children))


def _fronted(c: Any, tok: Any) -> bool:
    """ "Early(advmod) waking(nsubjpass) is …", "late talking": an adverb before a gerund used as a noun
    names a kind of the act; after it ("waking early") it only places the act in time."""
    return c.i < tok.i and tok.tag_ == "VBG" and tok.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "csubj")


def _without_first(prep: Any) -> bool:
    """ "Y without first X-ing" names the event that comes first, not a kind of Y."""
    return bool(prep.lower_ == "without"
                and any(t.lower_ == "first" and t.dep_ == "advmod" for t in prep.subtree))


class Concepts:
    """``concept_of`` for one ontology and lemma table; caches synonym keys."""

    def __init__(self, ontology: Ontology, lemmas: Lemmas) -> None:
        self.onto = ontology
        self.lex: ConceptLexicon = ontology.lexicon
        self.lemmas = lemmas
        self._synonyms: list[tuple[frozenset[str], str]] = []
        self._cover: dict[str, frozenset[str]] = {}
        self._norm: dict[str, str] = {}  # norm() per word, kept with the ontology and lemma table
        for cid, c in ontology.concepts.items():
            for phrase in (c.label, *c.synonyms):
                words = self.phrase_words(phrase)
                if words:
                    self._synonyms.append((words, cid))
        self._synonyms.sort(key=lambda x: -len(x[0]))
        # each synonym under one of its words: a synonym can only match a mention holding all its words
        self._by_word: dict[str, list[int]] = {}
        for k, (words, _cid) in enumerate(self._synonyms):
            self._by_word.setdefault(min(words), []).append(k)

    def _covered(self, cid: str) -> frozenset[str]:
        """Every word of the concept's synonyms: words that do not make a narrower concept."""
        got = self._cover.get(cid)
        if got is None:
            got = self._cover[cid] = frozenset().union(*(w for w, c in self._synonyms if c == cid))
        return got

    # -- words ---------------------------------------------------------------------------------
    def norm(self, word: str) -> str:
        """A word as it takes part in a key ("" when it does not), read once per word."""
        got = self._norm.get(word)
        if got is None:
            got = self._norm[word] = self._find_norm(word)
        return got

    def _find_norm(self, word: str) -> str:
        w = self.lemmas.base(word.lower())
        w = self.lex.modifier_synonyms.get(w, w)
        if not w or w in self.lex.ignore_modifiers or w in self.lex.people:
            return ""
        if not any(ch.isalnum() for ch in w):
            return ""
        return w

    def phrase_words(self, phrase: str) -> frozenset[str]:
        out = set()
        tag = ""
        for raw in _SPLIT.split(phrase.lower()):
            if raw in _DIRECTION:
                tag = _DIRECTION[raw]
                continue
            if raw in _PARTICLE_PREPS:
                out.add(raw)
            elif raw and raw not in _FUNCTION:
                w = self.norm(raw)
                if w:
                    out.add(f"{tag}-{w}" if tag else w)
                    tag = ""
        return frozenset(out)

    # -- concept identity ---------------------------------------------------------------------------
    def concept_of(self, tok: Any) -> Concept:
        """The concept named by ``tok`` (a token of a parsed sentence, or a Span: its root)."""
        tok = getattr(tok, "root", tok)
        parts = self._parts(self.resolve(tok), Phase.ANY)
        return self._concept(tok.doc, parts)

    def gerund_of_verb(self, word: str) -> bool:
        """Is ``word`` a verb's -ing form ("building", "stacking"; not "morning", "ceiling")?"""
        return word.endswith("ing") and self.lemmas._verb(word) is not None

    def bare_noun(self, tok: Any) -> bool:
        """A thing, not an event ("the catnap", not "crawling" or "dryness")."""
        t = self.resolve(getattr(tok, "root", tok))
        return t.pos_ in ("NOUN", "PROPN") and not t.lower_.endswith(_DERIVED) and not any(
            c.dep_ in ("dobj", "acl", "relcl") for c in t.children)

    def person(self, tok: Any) -> bool:
        """The event side is a person or a pronoun ("X follows them"), not an event."""
        t = self.resolve(getattr(tok, "root", tok))
        return t.pos_ == "PRON" or t.lemma_.lower() in self.lex.people

    def eventive(self, tok: Any) -> bool:
        t = self.resolve(getattr(tok, "root", tok))
        return t.pos_ in ("VERB", "AUX", "ADJ") or t.lower_.endswith(_DERIVED)

    def with_event(self, event: Concept, tok: Any) -> Concept:
        """Ellipsis: "drop the morning nap before the catnap" -> the catnap's end ("drop" applied to it)."""
        t = self.resolve(getattr(tok, "root", tok))
        words, heads, used = self._noun_words(t)
        parts = _Parts(event.head, frozenset(words), frozenset(heads), event.phase, tuple(used) or (t.i,))
        return self._concept(t.doc, parts)

    def resolve(self, tok: Any, depth: int = 0) -> Any:
        """Look through words that only carry the event ("comes", "start", "move on to", "is able to")."""
        if depth > 4:
            return tok
        lem = tok.lemma_.lower()
        kids = {c.dep_: c for c in tok.children}
        if lem in self.lex.end_intransitive and "nsubj" in kids and not self._to_object(tok) \
                and not self._ordered(tok):
            return tok  # "the nap goes": its end, not the nap ("X goes first" is X)
        for step in (self._through_cleft, self._through_light, self._through_event, self._through_noun,
                     self._through_gerund, self._through_copula, self._through_inversion):
            nxt = step(tok, lem, kids)
            if nxt is not None:
                return self.resolve(nxt, depth + 1)
        return tok

    def _through_light(self, tok: Any, lem: str, kids: dict[str, Any]) -> Any:
        """ "start crawling", "be able to walk", "master walking", "move on to walking"."""
        if lem in self.lex.light_verbs or lem == "able":
            nxt = kids.get("xcomp") or (kids.get("dobj") if lem in self.lex.start_verbs else None)
            if nxt is not None and nxt.pos_ in ("VERB", "NOUN", "AUX"):
                return nxt
        if lem in self.lex.attainment_verbs:  # "master walking" (or misread as a noun), "walking is mastered"
            return kids.get("dobj") or kids.get("xcomp") or kids.get("acl") or kids.get("nsubjpass") \
                or kids.get("csubjpass")
        if lem in self.lex.perception_verbs and "auxpass" in kids:  # "X is (usually) seen before Y"
            return kids.get("nsubjpass") or kids.get("csubjpass")
        if lem in self.lex.progress_verbs:
            return self._to_object(tok)
        return None

    def _through_event(self, tok: Any, lem: str, kids: dict[str, Any]) -> Any:
        """ "crawling comes first": the event is the subject of "come", "happen", "follow"..."""
        if lem not in self.lex.event_verbs or self._object(kids):
            return None
        subj = kids.get("nsubj") or kids.get("csubj") or kids.get("nsubjpass") or self._split_subject(tok)
        if subj is None and tok.dep_ == "xcomp":  # "X tends to come before Y": the raising verb's subject
            subj = next((c for c in tok.head.children if c.dep_ in ("nsubj", "csubj")), None)
        if subj is None:  # "First comes X": an inverted subject, which the parser may call its complement
            subj = next((c for c in tok.rights if c.dep_ in ("xcomp", "attr")
                         and c.tag_ in ("VBG", "NN", "NNS")), None)
        if subj is None and tok.dep_ == "aux" and tok.head.tag_ == "VBG" and tok.head.i > tok.i:
            subj = tok.head  # "First comes(aux) drinking(ROOT) from a cup": the same, read as a progressive
        return subj if subj is not None and subj.lemma_.lower() not in self.lex.people else None

    def _through_noun(self, tok: Any, lem: str, kids: dict[str, Any]) -> Any:
        """ "any of the standing"; "Toddlers scribble" with the verb misread as the subject's modifier."""
        if lem in self.lex.partitives:
            of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            return next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        if lem in self.lex.people:
            return next((c for c in tok.children if c.dep_ in ("amod", "acl", "relcl", "compound")
                         and c.i > tok.i), None)
        return None

    @staticmethod
    def _through_cleft(tok: Any, lem: str, kids: dict[str, Any]) -> Any:
        """ "It is only after X that Y begins": the cleft's "it is" carries the clause its "that" opens."""
        subj = kids.get("nsubj") or kids.get("expl")
        if lem != "be" or subj is None or subj.lower_ != "it":
            return None
        return next((t for t in tok.subtree if t.dep_ in ("ccomp", "advcl", "relcl") and t.i > tok.i
                     and any(m.dep_ == "mark" and m.lower_ == "that" for m in t.children)), None)

    @staticmethod
    def _through_gerund(tok: Any, lem: str, kids: dict[str, Any]) -> Any:
        """ "Waving goodbye starts at 9 months": the parser may read a leading gerund as its object's
        modifier. With no determiner it is the event ("wave goodbye"); with one ("a sleeping baby") it
        stays an adjective."""
        if tok.pos_ not in ("NOUN", "PROPN") or "det" in kids or "poss" in kids:
            return None
        g = kids.get("amod")
        return g if g is not None and g.tag_ == "VBG" and g.i == tok.left_edge.i else None

    def _through_copula(self, tok: Any, lem: str, kids: dict[str, Any]) -> Any:
        """ "X is dry at night" -> dry; "X is the first thing babies learn" -> X; "X is the first nap a
        baby drops" -> the relative clause's verb (whose gap is X)."""
        if tok.pos_ != "AUX" and lem not in self.lex.copular_verbs:
            return None
        comp = kids.get("acomp") or kids.get("attr")
        subj = kids.get("nsubj") or kids.get("csubj")
        if comp is not None and subj is not None and comp.lower_ in self.lex.sequence_adverbs:
            return subj  # "X are the first to appear", "X is first"
        if comp is not None and subj is not None and comp.lemma_.lower() in self.lex.subject_event_adjectives:
            return subj  # "X becomes possible (for most children) at N"
        if comp is not None and comp.dep_ == "attr" and subj is not None and self._generic(comp):
            rel = next((c for c in comp.children if c.dep_ == "relcl"), None)
            return rel if rel is not None else subj
        return comp

    @staticmethod
    def _through_inversion(tok: Any, lem: str, kids: dict[str, Any]) -> Any:
        """ "Only after X do children Y": the parser may make the inverted auxiliary "do" the main verb and
        the real verb its clause."""
        if lem != "do" or "dobj" in kids:
            return None
        comp = kids.get("ccomp") or kids.get("xcomp")
        return comp if comp is not None and comp.pos_ == "VERB" and comp.i > tok.i else None

    def _ordered(self, tok: Any) -> bool:
        """ "goes first", "goes before Y": the verb places its subject in an order, it does not end it."""
        return any((c.dep_ in ("advmod", "npadvmod") and c.lower_ in self.lex.sequence_adverbs)
                   or (c.dep_ == "prep" and c.lower_ in ("before", "after")) for c in tok.children)

    @staticmethod
    def _split_subject(tok: Any) -> Any:
        """ "X comes first and crawling follows": the parser splits the second subject off as a conjunct
        of the first verb; the nearest gerund conjunct before the verb is its subject."""
        if tok.dep_ != "conj":
            return None
        before = [c for c in tok.head.children if c.dep_ == "conj" and c.i < tok.i and c.tag_ == "VBG"]
        return before[-1] if before else None

    def _object(self, kids: dict[str, Any]) -> bool:
        """A real object ("follows crawling"), not a time ("follows a few weeks later")."""
        obj = kids.get("dobj")
        return obj is not None and bool(self.norm(obj.lemma_))

    def _generic(self, noun: Any) -> bool:
        """A noun that only classifies its subject ("the first thing", "the next step", "the first nap")."""
        if noun.lemma_.lower() in self.lex.generic_nouns:
            return True
        return any(c.dep_ == "relcl" for c in noun.children) and any(
            c.dep_ == "amod" and c.lower_ in self.lex.sequence_adverbs for c in noun.children)

    def _to_object(self, tok: Any) -> Any:
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ in ("to", "onto", "into", "toward", "towards"):
                obj = next((g for g in c.children if g.dep_ in ("pobj", "pcomp")), None)
                if obj is not None:
                    return obj
            if c.dep_ == "xcomp" and c.pos_ == "VERB":
                return c
            if c.dep_ == "advcl" and c.pos_ == "VERB" and any(
                    a.dep_ == "aux" and a.lower_ == "to" for a in c.children):
                return c  # "go on to run(advcl)": the infinitive the parser hung as a purpose clause
        return None

    def start_phase(self, tok: Any) -> Phase:
        """START when the event is the complement of "start"/"begin"/"try" (read before resolving)."""
        return Phase.START if tok.lemma_.lower() in self.lex.start_verbs else Phase.ANY

    def _parts(self, tok: Any, phase: Phase) -> _Parts:
        derived = tok.lower_.endswith(("ing", "ness"))
        lem = self.lemmas.base(tok.lower_ if derived else tok.lemma_.lower())
        mods: set[str] = set()
        objects: set[str] = set()
        used = [tok.i]
        kids = list(tok.children) + self._shared(tok)
        head_tok = tok.head if tok.head.i != tok.i else None
        copula = head_tok is not None and (head_tok.pos_ == "AUX"
                                           or head_tok.lemma_ in self.lex.copular_verbs)
        if head_tok is not None and copula and tok.dep_ in ("acomp", "attr"):
            kids += [c for c in head_tok.children if c.dep_ in ("prep", "advmod", "npadvmod")]
        passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in kids)
        end = self._end_of(tok, lem, kids, passive)
        if end is not None:
            mods |= end.mods
            objects |= end.objects
            used += end.tokens
            return _Parts(self.lex.end_key, frozenset(mods), frozenset(objects), phase, tuple(used))
        for c in kids:
            self._add_child(c, tok, passive, mods, objects, used)
        mastery = mods & self.lex.mastery_words
        if mastery:
            phase = Phase.MASTERY
            mods -= mastery
        return _Parts(lem, frozenset(mods), frozenset(objects), phase, tuple(used))

    def _shared(self, tok: Any) -> list[Any]:
        """Arguments a verb shares without a dependency of its own: the object of a coordinated verb
        ("washing and drying the hands") and the noun a relative clause modifies ("the nap they drop")."""
        verbal = tok.pos_ == "VERB" or tok.lower_.endswith("ing")
        if not verbal or any(c.dep_ in ("dobj", "nsubjpass") for c in tok.children):
            return []
        own = any(c.dep_ in ("prep", "prt", "xcomp") for c in tok.children)  # "X with a crayon first and Y a
        for conj in tok.children:                                    # circle": X has a phrase of its own
            if conj.dep_ == "conj" and conj.pos_ == "VERB" and not own and not any(
                    g.dep_ in ("nsubj", "nsubjpass") for g in conj.children):  # "X, and then they Y Z": a
                return [c for c in conj.children if c.dep_ == "dobj"]        # clause of its own
        if tok.dep_ == "amod" and tok.tag_ == "VBG" and tok.head.pos_ in ("NOUN", "PROPN"):
            return [_Gap(tok.head)]  # a gerund read as its object's modifier (see _through_gerund)
        if tok.dep_ == "relcl" and not any(c.tag_ == "WRB" for c in tok.children):  # "the age when X":
            noun = tok.head                                                       # a time, not X's argument
            if noun.dep_ == "attr" and (noun.head.lemma_ == "be"):
                noun = next((c for c in noun.head.children if c.dep_ in ("nsubj", "csubj")), noun)
            return [_Gap(noun)]
        return []

    def _end_of(self, tok: Any, lem: str, kids: list[Any], passive: bool) -> _Parts | None:
        """ "the morning nap goes" / "drop the morning nap" / "the morning nap is dropped": its end."""
        deps = {c.dep_: c for c in kids}
        thing = None
        if lem in self.lex.end_transitive and passive and "nsubjpass" in deps:
            thing = deps["nsubjpass"]
        elif lem in self.lex.end_transitive and ("dobj" in deps or "npadvmod" in deps):
            thing = deps.get("dobj") or deps["npadvmod"]
        elif lem in self.lex.end_intransitive and "nsubj" in deps and "dobj" not in deps \
                and tok.pos_ == "VERB":
            thing = deps["nsubj"]
        if thing is None or thing.lemma_.lower() in self.lex.people:
            return None
        words, heads, used = self._noun_words(thing)
        for c in kids:  # "the morning nap goes" is often parsed with "morning" on the verb
            if c.dep_ == "npadvmod" and c.i != thing.i and self.norm(c.lemma_):
                words.add(self.norm(c.lemma_))
        return _Parts(self.lex.end_key, frozenset(words), frozenset(heads), Phase.ANY, tuple(used))

    def _noun_words(self, noun: Any) -> tuple[set[str], set[str], list[int]]:
        """A noun phrase's head and distinguishing modifiers (conjoined heads included)."""
        words: set[str] = set()
        heads: set[str] = set()
        used: list[int] = []
        for n in [noun, *(c for c in noun.children if c.dep_ == "conj")]:
            h = self.norm(n.lemma_ if not n.lower_.endswith("ing") else n.lower_)
            if h:
                words.add(h)
                heads.add(h)
            used.append(n.i)
            for c in n.children:
                if c.dep_ == "advmod" and c.lower_ in self.lex.sequence_adverbs:
                    continue  # "X with a crayon first": the order, hung on the last noun
                if c.dep_ in ("compound", "amod", "nummod", "advmod", "npadvmod", "prt"):
                    w = self.norm(c.lemma_ if c.dep_ != "amod" else c.lower_)
                    if w:
                        words.add(w)
                        used.append(c.i)
                    for g in c.children:  # "a two(nummod)-word(compound) phrase": the number names the kind
                        if g.dep_ == "nummod" and g.like_num and not _number(g) and self.norm(g.lower_):
                            words.add(self.norm(g.lower_))
                            used.append(g.i)
                elif c.dep_ == "prep":
                    self._add_prep(c, words, used)
        return words, heads, used

    def _add_prep(self, prep: Any, words: set[str], used: list[int]) -> None:
        if prep.lower_ in _PARTICLE_PREPS:  # "pull on trousers" = "pull on their trousers" (a particle)
            words.add(prep.lower_)
        for obj in prep.children:
            if obj.dep_ in ("pobj", "pcomp") and obj.lemma_.lower() not in self.lex.people:
                if prep.lower_ in _DIRECTION and (obj.pos_ == "VERB" or obj.lower_.endswith("ing")):
                    continue  # "from rolling to sitting": a progression of events, not a direction
                if _number(obj):
                    continue
                if not self.norm(obj.lemma_):  # "at 6 months": when, not what ("the day months": day)
                    words |= {n for c in obj.children if c.dep_ == "compound" and (n := self.norm(c.lemma_))}
                    continue
                found, _, u = self._noun_words(obj)
                if prep.lower_ in _DIRECTION:  # "roll from back to tummy" is not "from tummy to back"
                    found = {x if _tagged(x) else f"{_DIRECTION[prep.lower_]}-{x}" for x in found}
                words |= found
                used += u

    def _add_child(self, c: Any, tok: Any, passive: bool, mods: set[str], objects: set[str],
                   used: list[int]) -> None:
        dep = c.dep_
        if dep in ("dobj", "attr", "oprd") or (passive and dep == "nsubjpass"):
            w, heads, u = self._noun_words(c)
            mods |= w
            if c.lemma_.lower() not in self.lex.measure_nouns:  # "walk a few steps" is still walking
                objects |= heads
            used += u
        elif dep == "prt" or dep in ("advmod", "acomp", "compound", "amod", "nummod", "npadvmod") \
                or _noun_before_gerund(c, tok, self.lex.people):
            kind = _fronted(c, tok)
            verbal = (tok.pos_ != "NOUN" or any(k.dep_ == "nsubj" for k in tok.children)) and not kind
            if _number(c) or (c.lower_ in self.lex.sequence_adverbs and verbal):
                return
            if dep == "advmod" and c.lower_.endswith("ly") and c.lower_ not in self.lex.modifier_synonyms \
                    and not kind:
                return  # manner ("reliably", "easily") does not make another event
            word = self.norm(c.lemma_ if dep != "amod" else c.lower_)
            if word:
                mods.add(word)
                used.append(c.i)
            for o in c.children if dep == "prt" else ():  # "climb down(prt) a slide(pobj)": its object
                if o.dep_ == "pobj" and o.lemma_.lower() not in self.lex.people:
                    w, heads, u = self._noun_words(o)  # as for a particle read as a preposition
                    mods |= w
                    objects |= heads if c.i == tok.i + 1 else set()
                    used += u
            for o in c.children if dep in ("prt", "advmod") and word else ():
                if o.dep_ == "prep":  # "sing along(advmod) to(prep) music": the parser may hang it either way
                    self._add_prep(o, mods, used)
        elif dep == "prep" and c.lower_ not in ("before", "after", "until", "till", "by", "than", "like") \
                and not _without_first(c):
            self._add_prep(c, mods, used)
            if c.lower_ in _PARTICLE_PREPS and c.i == tok.i + 1:  # "walk up(prep) the stairs" = "walk up(prt)
                objects |= {h for o in c.children if o.dep_ == "pobj"  # the stairs(dobj)": the same object
                            for h in self._noun_words(o)[1]}

    def _concept(self, doc: Any, parts: _Parts) -> Concept:
        head = self.norm(parts.head) or parts.head
        words = frozenset({head} | parts.mods)
        core = {head} | parts.objects
        lo, hi = min(parts.tokens), max(parts.tokens)
        text = span_text(doc[lo:hi + 1])  # the Doc's text sliced, not joined token by token
        found = sorted(k for w in words for k in self._by_word.get(w, ()))
        for syn, cid in (self._synonyms[k] for k in found):
            if parts.objects and not syn & parts.objects:
                continue  # an object makes another event: "pull up a zip" is not "pull up"
            if syn <= words and syn & core:
                extra = sorted(words - syn - self._covered(cid))
                key = f"{cid}({','.join(extra)})" if extra else cid
                return Concept(key, text, head, parts.mods, parts.phase, known=True)
        mods = sorted(parts.mods - {head})
        key = head + (f"({','.join(mods)})" if mods else "")
        return Concept(key, text, head, frozenset(mods), parts.phase)


def keys(concepts: Iterable[Concept]) -> list[str]:
    return [c.key for c in concepts]


def concept_of(tok: Any, ontology: Ontology, model: str = "en_core_web_sm") -> Concept:
    """The concept ``tok`` (a token or span of a parsed sentence) names, with the ontology's identity
    (a one-off: extraction keeps its ``Concepts`` in ``store.ClaimsData``)."""
    return Concepts(ontology, read_lemmas(model)).concept_of(tok)
