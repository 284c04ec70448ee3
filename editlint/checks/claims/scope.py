"""Scopes of a claim: hedge, negation, condition, age scope, question, myth, quotation, reported speech.

The words come from ``rules/claims/scopes.toml``, which a publisher's pack extends (``[data.claims-scopes]``,
read as ``ctx.data("claims-scopes")``); the parse decides
which clause a word governs, so "some babies crawl before they walk" is a minority hedge on the claim
while "before some babies walk" in a longer sentence is not a hedge on its main clause.
"""

from __future__ import annotations

import re
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from pathlib import Path
from types import MappingProxyType
from typing import Any

from pydantic import Field

from ...api import DataSchema
from ...datafile import DataModel, load_model, rules_dir
from ...document import Block, BlockKind, Document
from .matching import TableKit, TokenTable
from .model import Hedge, Interval, Provenance

SCOPES_FILE = "claims/scopes.toml"
#: blocks whose token tables and scopes a scope reader keeps: a block's claims are read together, so the
#: last two blocks' will do (the reader lives as long as its document's extraction: tables and memos kept
#: alive are objects the cyclic garbage collector walks)
TABLES_KEPT = 2


class HedgeLex(DataModel):
    minority_quantifiers: frozenset[str] = Field(alias="minority-quantifiers")
    minority_modals: frozenset[str] = Field(alias="minority-modals")
    minority_adverbs: frozenset[str] = Field(alias="minority-adverbs")
    majority_words: frozenset[str] = Field(alias="majority-words")
    #: "it is possible that P": a frame that makes its clause a possibility, not the usual course
    minority_frames: frozenset[str] = Field(default=frozenset(), alias="minority-frames")


class NegationLex(DataModel):
    words: frozenset[str]
    #: nouns of "under no circumstances", "at any time": with a negative determiner the phrase negates the
    #: advice absolutely, with a universal one it makes it absolute; never a detail of the advice
    universal_nouns: frozenset[str] = Field(default=frozenset(), alias="universal-nouns")
    #: adverbs that deny what most cases do ("is rarely a cause for concern", "seldom needs treatment"):
    #: the clause is negated, and the claim is about the usual case (a majority hedge, not a minority one)
    rare_adverbs: frozenset[str] = Field(default=frozenset(), alias="rare-adverbs")
    #: "it is not true / correct / the case that P": a negated frame whose clause the article denies
    denial_frames: frozenset[str] = Field(default=frozenset(), alias="denial-frames")
    #: "it is a myth that P", "the idea that P is a myth / is wrong": the article itself denies P
    myth_nouns: frozenset[str] = Field(default=frozenset(), alias="myth-nouns")
    belief_nouns: frozenset[str] = Field(default=frozenset(), alias="belief-nouns")
    false_words: frozenset[str] = Field(default=frozenset(), alias="false-words")
    #: "X is wrongly blamed for Y", "falsely said to": the clause says it is not so
    false_adverbs: frozenset[str] = Field(default=frozenset(), alias="false-adverbs")


class ConditionLex(DataModel):
    markers: frozenset[str]
    leading_scope: frozenset[str] = Field(alias="leading-scope")
    universal: frozenset[str]
    #: verbs of an if-clause that only defers to the reader ("if you like", "if it helps"): no condition
    preference_verbs: frozenset[str] = Field(default=frozenset(), alias="preference-verbs")
    #: people whose say-so makes an exception ("unless your doctor advises it"): two such exceptions agree
    authorities: frozenset[str] = Field(default=frozenset())
    #: subordinators of an exception ("if", "unless"), unlike a leading scope ("For naps,")
    exception_marks: tuple[str, ...] = Field(default=(), alias="exception-marks")
    #: auxiliaries that open an inverted condition before the subject ("Should your baby X, ...")
    inversions: frozenset[str] = Field(default=frozenset())


class QuestionLex(DataModel):
    labels: frozenset[str]


class MythLex(DataModel):
    labels: tuple[str, ...]
    fact_labels: tuple[str, ...] = Field(alias="fact-labels")
    phrases: tuple[str, ...]


class ReportedLex(DataModel):
    verbs: frozenset[str]
    subjects: frozenset[str]
    phrases: tuple[str, ...]
    #: "my son started X before Y": a story about one child, not what children do
    anecdote_owners: frozenset[str] = Field(default=frozenset(), alias="anecdote-owners")
    #: the people an anecdote is about ("my son", "our twins"); "our advice" is no story (empty: any noun)
    anecdote_people: frozenset[str] = Field(default=frozenset(), alias="anecdote-people")
    #: "doctors once thought P", "it was previously believed": a view since given up, whoever held it
    superseded: frozenset[str] = frozenset()


class AgeScopeLex(DataModel):
    under: tuple[str, ...]
    over: tuple[str, ...]


class StructureLex(DataModel):
    stage_words: tuple[str, ...] = Field(alias="stage-words")
    lead_words: tuple[str, ...] = Field(alias="lead-words")


class ScopeLexicon(DataModel):
    """The whole of ``scopes.toml``."""

    hedge: HedgeLex
    negation: NegationLex
    condition: ConditionLex
    question: QuestionLex
    myth: MythLex
    reported: ReportedLex
    age_scope: AgeScopeLex = Field(alias="age-scope")
    structure: StructureLex


#: ``ctx.data("claims-scopes")``: ``scopes.toml`` with the packs' ``[data.claims-scopes]`` merged in
SCOPES_DATA = DataSchema("claims-scopes", ScopeLexicon, file=SCOPES_FILE)


def load_scopes(relpath: str = SCOPES_FILE) -> ScopeLexicon:
    """The shipped scope lexicon, read afresh (tests and one-off use; checks use ``ctx.data``)."""
    path = Path(relpath) if Path(relpath).is_absolute() else rules_dir() / relpath
    return load_model(path, ScopeLexicon)


_MAIN_DEPS = frozenset({"ccomp", "parataxis"})
_CLAUSE_DEPS = frozenset({"advcl", "ccomp", "xcomp", "conj", "relcl", "acl", "pcomp", "csubj", "parataxis"})
_AGE_NUM = r"(\d+(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|eighteen)"
_WORD_NUMBERS = MappingProxyType({"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
                                  "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
                                  "eighteen": 18})
_UNIT_MONTHS = MappingProxyType({"w": 12 / 52, "m": 1.0, "y": 12.0, "d": 12 / 365})


#: ``Doc.user_data`` key of the parsed block's text (spaCy rebuilds ``Doc.text`` token by token each time)
TEXT_KEY = "editlint.text"


def doc_text(sdoc: Any) -> str:
    """A spaCy ``Doc``'s text, joined once and kept on the ``Doc``."""
    got = sdoc.user_data.get(TEXT_KEY)
    if got is None:
        got = sdoc.user_data[TEXT_KEY] = sdoc.text
    return str(got)


def span_text(span: Any) -> str:
    """``Span.text`` sliced from the ``Doc``'s kept text (the same string, without a pass over tokens)."""
    return doc_text(span.doc)[span.start_char:span.end_char]


def clause_verb(tok: Any) -> Any:
    """The verb (or copula head) that governs ``tok``'s clause."""
    t = tok
    while t.pos_ not in ("VERB", "AUX") and t.head.i != t.i:
        if t.dep_ in _CLAUSE_DEPS:
            break
        t = t.head
    return t


def clause_verb_at(table: TokenTable, i: int) -> int:
    """:func:`clause_verb` of token ``i`` on the block's token table (no ``Token`` made on the way)."""
    pos, deps, head = table.strings("POS"), table.strings("DEP"), table.head
    t = i
    while pos[t] not in ("VERB", "AUX") and head[t] != t:
        if deps[t] in _CLAUSE_DEPS:
            break
        t = head[t]
    return t


def clause_at(table: TokenTable, verb: int) -> list[int]:
    """:func:`clause_tokens` of token ``verb`` on the block's token table, as indexes in the same order."""
    return table.clause(verb, _CLAUSE_DEPS)


def clause_tokens(verb: Any) -> list[Any]:
    """The verb's own clause: its subtree without nested clauses."""
    out = [verb]
    stack = [c for c in verb.children if c.dep_ not in _CLAUSE_DEPS]
    while stack:
        t = stack.pop()
        out.append(t)
        stack.extend(c for c in t.children if c.dep_ not in _CLAUSE_DEPS)
    return out


def _impersonal(head: Any) -> bool:
    """ "It is possible for a child to X" says some may; "X becomes possible for most children at N" (a
    subject of its own) says when most can."""
    subjects = [c for c in head.children if c.dep_ in ("nsubj", "csubj", "expl")]
    return not subjects or any(c.lower_ in ("it", "this", "that") for c in subjects)


#: verbs whose subject is their complement's ("a few children seem / tend / appear to X")
RAISING = frozenset({"seem", "tend", "appear"})


def _on_subject(t: Any) -> bool:
    """ "Some babies" / "a few children": a quantifier on the clause's subject, not "a few steps"."""
    subj = ("nsubj", "nsubjpass", "csubj")
    return t.dep_ in subj or (t.dep_ in ("det", "amod", "nummod") and t.head.dep_ in subj) or (
        t.head.dep_ == "pobj" and t.head.head.head.dep_ in subj)


class _BlockScopes:
    """One block's token table and the scopes read in it: per token its clause verb, per clause verb its
    negation and hedge, per sentence its question and myth flags, per (sentence, anchors) its condition."""

    __slots__ = ("table", "verbs", "clauses", "sentences", "conditions")

    def __init__(self, table: TokenTable) -> None:
        self.table = table
        self.verbs: dict[int, Any] = {}
        self.clauses: dict[tuple[str, int], Any] = {}
        self.sentences: dict[tuple[int, int, str], bool] = {}
        self.conditions: dict[tuple[int, ...], str] = {}


class ScopeReader:
    """Builds :class:`Provenance` for claims in one document."""

    def __init__(self, lex: ScopeLexicon, doc: Document) -> None:
        self.lex = lex
        self.doc = doc
        self._myth_blocks: dict[int, bool] = {}
        #: the last blocks' token tables and scopes read (id of a block's spaCy Doc -> the Doc, kept alive
        #: with it, and its :class:`_BlockScopes`); the constructions matched on the same table. A block's
        #: claims are read together: what was read of a block goes with its table, so what the reader keeps
        #: stays a few blocks' worth (objects kept alive are what the cyclic garbage collector walks)
        self._tables: OrderedDict[int, tuple[Any, _BlockScopes]] = OrderedDict()
        self._kit = TableKit()  # what the document's tables share (attribute ids, strings read)
        self._negation_words = lex.negation.words | lex.negation.rare_adverbs | lex.negation.false_adverbs
        labels = "|".join(re.escape(x) for x in lex.myth.labels)
        facts = "|".join(re.escape(x) for x in lex.myth.fact_labels)
        self._myth_label = re.compile(rf"^\W*(?:{labels})\b\s*[:.\-–—]", re.IGNORECASE)
        self._fact_label = re.compile(rf"^\W*(?:{facts})\b\s*[:.\-–—]", re.IGNORECASE)
        self._myth_heading = re.compile(rf"\b(?:{labels})\b", re.IGNORECASE)
        self._fact_heading = re.compile(rf"\b(?:{facts})\b", re.IGNORECASE)
        under = "|".join(re.escape(x) for x in lex.age_scope.under)
        over = "|".join(re.escape(x) for x in lex.age_scope.over)
        unit = r"(weeks?|months?|years?|days?)"
        self._age_under = re.compile(rf"\b(?:{under})\s+(?:the\s+age\s+of\s+)?{_AGE_NUM}\s*-?\s*{unit}",
                                     re.IGNORECASE)
        self._age_over = re.compile(rf"\b(?:{over})\s+(?:the\s+age\s+of\s+)?{_AGE_NUM}\s*-?\s*{unit}",
                                    re.IGNORECASE)
        # "before the age of one": an age with no unit is in years
        self._years_under = re.compile(rf"\b(?:{under})\s+the\s+age\s+of\s+{_AGE_NUM}\b(?!\s*-?\s*{unit})",
                                       re.IGNORECASE)
        self._years_over = re.compile(rf"\b(?:{over})\s+the\s+age\s+of\s+{_AGE_NUM}\b(?!\s*-?\s*{unit})",
                                      re.IGNORECASE)

    # -- single scopes -------------------------------------------------------------------------
    def clause_verb(self, tok: Any) -> Any:
        """:func:`clause_verb`, walked once per token of the document (a claim asks for each anchor)."""
        doc = tok.doc
        block = self._block(doc)
        got = block.verbs.get(tok.i)
        if got is None:
            got = block.verbs[tok.i] = doc[clause_verb_at(block.table, tok.i)]
        return got

    def _block(self, sdoc: Any) -> _BlockScopes:
        """The block's token table and scopes read so far, made once per block's ``Doc``."""
        got = self._tables.get(id(sdoc))
        if got is not None and got[0] is sdoc:
            self._tables.move_to_end(id(sdoc))
            return got[1]
        got = self._tables[id(sdoc)] = (sdoc, _BlockScopes(TokenTable(sdoc, self._kit)))
        if len(self._tables) > TABLES_KEPT:
            self._tables.popitem(last=False)
        return got[1]

    def table(self, sdoc: Any) -> TokenTable:
        """The block's token table (heads, labels and words as lists), made once per block's ``Doc``."""
        return self._block(sdoc).table

    def _sentence_memo(self, sent: Any, what: str, compute: Any) -> bool:
        """A flag of the whole sentence, read once per sentence (its claims share it)."""
        memo = self._block(sent.doc).sentences
        key = (sent.start, sent.end, what)
        got = memo.get(key)
        if got is None:
            got = memo[key] = bool(compute())
        return got

    def _clause_memo(self, what: str, verb: Any, compute: Any) -> Any:
        """A clause's scope, read once per clause verb of the document (many claims share a clause)."""
        memo = self._block(verb.doc).clauses
        key = (what, verb.i)
        if key not in memo:
            memo[key] = compute(verb)
        return memo[key]

    def negated(self, tok: Any) -> bool:
        """Is ``tok``'s clause negated ("do not crawl", "never crawls", "no baby crawls")?"""
        return bool(self._clause_memo("negated", self.clause_verb(tok), self._negated_clause))

    def _negated_clause(self, verb: Any) -> bool:
        words, table = self._negation_words, self.table(verb.doc)
        deps, low, kids = table.strings("DEP"), table.strings("LOWER"), table.children
        for c in kids[verb.i]:
            dep = deps[c]
            if dep == "neg" or (dep in ("advmod", "det", "preconj") and low[c] in words):
                return True
            if dep == "advmod" and low[c] in ("longer", "more") and any(
                    low[g] in ("no", "not") for g in kids[c]):
                return True  # "experts no longer advise X": not any more
            if dep in ("nsubj", "nsubjpass") and any(deps[d] == "det" and low[d] == "no" for d in kids[c]):
                return True
        return (verb.dep_ == "ccomp" and self._denial_frame(verb.head)) or self.myth_frame(verb)

    def myth_frame(self, verb: Any) -> bool:
        """ "It is a myth that P", "the idea that P is a myth / is wrong": P is the article's denial, not a
        myth it quotes (a "not a myth" frame asserts P, so it is left alone)."""
        if verb.lemma_ == "be" and self._called_myth(verb):
            return True
        if verb.dep_ not in ("acl", "ccomp") and not (verb.dep_ == "relcl" and self._content_clause(verb)):
            return False  # a "that" clause read as relative is a content clause when "that" is its mark
        noun, neg = verb.head, self.lex.negation
        lemma = noun.lemma_.lower()
        if lemma in neg.myth_nouns:
            return not any(c.dep_ == "neg" for c in (*noun.head.children, *noun.children))
        if lemma not in neg.belief_nouns or noun.dep_ not in ("nsubj", "nsubjpass"):
            return False
        kids = list(noun.head.children)
        called = noun.head.lower_ in neg.false_words and noun.dep_ == "nsubjpass"  # "… has been debunked"
        return not any(c.dep_ == "neg" for c in kids) and (called or any(
            (c.dep_ == "attr" and c.lemma_.lower() in neg.myth_nouns)
            or (c.dep_ == "acomp" and c.lemma_.lower() in neg.false_words) for c in kids))

    def _content_clause(self, verb: Any) -> bool:
        """A "that" clause the parser read as relative: "that" is its mark, or "that" opens it as an
        object while a subject of its own acts ("a myth that teething causes fever"; "a myth that parents
        repeat" is a relative clause: people repeat it)."""
        kids = list(verb.children)
        if any(c.dep_ == "mark" for c in kids):
            return True
        opens = verb.doc[verb.left_edge.i]
        subject = next((c for c in kids if c.dep_ in ("nsubj", "nsubjpass")), None)
        people = self.lex.reported.subjects
        return opens.lower_ == "that" and opens.dep_ == "dobj" and subject is not None \
            and subject.lemma_.lower() not in people and subject.pos_ != "PRON"

    def _called_myth(self, verb: Any) -> bool:
        """ "The link between X and Y is a myth / an old wives' tale / is false": the subject is denied."""
        kids, neg = list(verb.children), self.lex.negation
        subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in kids)
        called = any((c.dep_ == "attr" and c.lemma_.lower() in neg.myth_nouns)
                     or (c.dep_ == "acomp" and c.lemma_.lower() in neg.false_words) for c in kids)
        return subject and called and not any(c.dep_ == "neg" for c in kids)

    def _denial_frame(self, head: Any) -> bool:
        """ "It is not true that P", "it isn't the case that P": the frame denies its clause."""
        kids = list(head.children)
        return any(c.dep_ == "neg" for c in kids) and any(
            c.dep_ in ("acomp", "attr") and c.lemma_.lower() in self.lex.negation.denial_frames for c in kids)

    def hedge(self, anchors: Iterable[Any]) -> Hedge:
        """Minority when a clause of the claim says "some", "may", "sometimes"; majority for "most"."""
        levels = {self._clause_memo("hedge", self.clause_verb(a), self._clause_hedge) for a in anchors}
        for level in (Hedge.MINORITY, Hedge.MAJORITY):
            if level in levels:
                return level
        return Hedge.PLAIN

    def modal_only(self, anchors: Iterable[Any]) -> bool:
        """Does only "may / might / could" hedge the claim ("your baby may start to X at about N")? For an
        age that is the guide's usual wording of the usual age, not an exception."""
        return all(self._clause_hedge(self.clause_verb(a), modals=False) is not Hedge.MINORITY
                   for a in anchors)

    def _clause_hedge(self, verb: Any, modals: bool = True) -> Hedge:
        lex = self.lex.hedge
        level = Hedge.PLAIN
        if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in RAISING:  # "a handful seem to X"
            level = self._clause_hedge(verb.head, modals)
            if level is Hedge.MINORITY:
                return level
        if verb.dep_ in ("ccomp", "xcomp", "advcl") and any(
                c.dep_ == "acomp" and c.lemma_.lower() in lex.minority_frames for c in verb.head.children):
            return Hedge.MINORITY  # "it is possible that P", "it isn't unheard of for a child to X"
        table = self.table(verb.doc)
        lemmas, deps, lowers = table.strings("LEMMA"), table.strings("DEP"), table.strings("LOWER")
        for t in clause_at(table, verb.i):
            low = lemmas[t].lower()
            if modals and deps[t] == "aux" and low in lex.minority_modals:
                return Hedge.MINORITY
            if low in self.lex.negation.rare_adverbs:
                level = Hedge.MAJORITY  # "rarely X" denies X of most cases: a claim about the usual case
                continue
            if low in lex.minority_frames and deps[t] == "acomp" and _impersonal(verb.doc[t].head):
                return Hedge.MINORITY  # "it isn't unheard of for a child to X", "it is possible for …"
            if low in lex.minority_adverbs or (low in lex.minority_quantifiers and _on_subject(verb.doc[t])):
                return Hedge.MINORITY
            if low in lex.majority_words or lowers[t] in lex.majority_words:
                level = Hedge.MAJORITY
        return level

    def condition(self, sent: Any, anchors: Sequence[Any]) -> str:
        """The text of an if/unless clause (or a leading "For X," scope) the claim sits under or in."""
        memo = self._block(sent.doc).conditions
        key = (sent.start, *(a.i for a in anchors))
        got = memo.get(key)
        if got is None:
            got = memo[key] = self._condition(sent, anchors)
        return got

    def _condition(self, sent: Any, anchors: Sequence[Any]) -> str:
        markers, doc = self.lex.condition.markers, sent.doc
        table = self.table(doc)  # the walk reads labels and words by index: a Token only where one is tested
        deps, low, kids, heads = table.strings("DEP"), table.strings("LOWER"), table.children, table.head
        anchored = {a.i for a in anchors}
        for a in anchors:
            t = a.i
            while True:
                for c in kids[t]:
                    if deps[c] == "advcl" and c not in anchored and self._opens_condition(doc[c], markers):
                        found = doc[c]
                        return str(doc[found.left_edge.i:found.right_edge.i + 1].text)
                here = doc[t]
                if any(deps[m] == "mark" and low[m] in markers for m in kids[t]) or self._inverted(here):
                    return str(doc[here.left_edge.i:here.right_edge.i + 1].text)
                head = heads[t]
                if head == t or (deps[t] in _MAIN_DEPS and t < head):
                    break  # "X comes first, so don't worry if ...": a main clause hung on the next one
                t = head
        return self._leading_scope(sent)

    def _opens_condition(self, verb: Any, markers: frozenset[str]) -> bool:
        return any(m.dep_ == "mark" and m.lower_ in markers for m in verb.children) or self._inverted(verb)

    def _inverted(self, verb: Any) -> bool:
        """ "Should your baby X, ...", "Had you known, ...": an adverbial clause that opens with its auxiliary
        before its subject is a condition (``[condition] inversions``)."""
        if verb.dep_ != "advcl":
            return False
        first = verb.doc[verb.left_edge.i]
        inversions = self.lex.condition.inversions
        return first.dep_ == "aux" and first.head.i == verb.i and first.lower_ in inversions

    def _leading_scope(self, sent: Any) -> str:
        first = sent[0]
        if first.lower_ not in self.lex.condition.leading_scope or first.dep_ != "prep":
            return ""
        end = first.right_edge.i + 1
        if end >= sent.end or sent.doc[end].text != ",":
            return ""
        words = {t.lemma_.lower() for t in sent.doc[first.i:end]}
        if words & self.lex.condition.universal:
            return ""
        return str(sent.doc[first.i:end].text)

    def age_scope(self, text: str) -> Interval | None:
        """"for babies under 6 months" -> (0, 6); "in children over two years" -> (24, inf)."""
        if not text:
            return None  # most claims have no condition
        m = self._age_under.search(text)
        if m:
            return (0.0, self._months(m.group(1), m.group(2)))
        m = self._age_over.search(text)
        if m:
            return (self._months(m.group(1), m.group(2)), float("inf"))
        m = self._years_under.search(text)
        if m:
            return (0.0, self._months(m.group(1), "years"))
        m = self._years_over.search(text)
        if m:
            return (self._months(m.group(1), "years"), float("inf"))
        return None

    @staticmethod
    def _months(num: str, unit: str) -> float:
        value = float(_WORD_NUMBERS.get(num.lower(), 0)) if num.isalpha() else float(num)
        return value * _UNIT_MONTHS[unit[0].lower()]

    def question(self, sent: Any) -> bool:
        return self._sentence_memo(sent, "question", lambda: self._question(sent))

    def _question(self, sent: Any) -> bool:
        text = span_text(sent).rstrip(" \"'”’)*_")
        if text.endswith("?"):
            return True
        first = sent[0].lower_ if len(sent) else ""
        return first in self.lex.question.labels and len(sent) > 1 and sent[1].text == ":"

    def myth(self, sent: Any, block: Block) -> bool:
        """A myth stated or labelled in the sentence, or a myth block (``block`` holds ``sent``)."""
        return self._sentence_memo(sent, "myth", lambda: self._myth(sent, block))

    def _myth(self, sent: Any, block: Block) -> bool:
        text = span_text(sent)
        low = text.lower()
        if any(p in low for p in self.lex.myth.phrases):
            return True
        if self._fact_label.match(text):
            return False
        if self._myth_label.match(text):
            return True
        return self._myth_block(block)

    def _myth_block(self, block: Block) -> bool:
        cached = self._myth_blocks.get(block.index)
        if cached is None:
            cached = self._myth_blocks[block.index] = self._compute_myth_block(block)
        return cached

    def _compute_myth_block(self, block: Block) -> bool:
        if self._fact_label.match(block.text):
            return False
        if self._myth_label.match(block.text):
            return True
        # a list item or paragraph right after a "Myth:" label block in the same section
        if block.section is None:
            return False
        heading = self.doc.blocks[block.section].text
        return bool(self._myth_heading.search(heading)) and not self._fact_heading.search(heading)

    def quotation(self, sent: Any, block: Block, anchors: Sequence[Any]) -> bool:
        if block.kind is BlockKind.QUOTE:
            return True
        text = doc_text(sent.doc)
        for a in anchors:
            before = text[sent.start_char:a.idx]
            if (before.count("“") > before.count("”")) or before.count('"') % 2 == 1:
                return True
        return False

    def reported(self, sent: Any, anchors: Sequence[Any]) -> bool:
        if self._sentence_memo(sent, "reported", lambda: self._reported_phrase(sent)):
            return True
        lex, table = self.lex.reported, self.table(sent.doc)
        deps, lemmas, heads = table.strings("DEP"), table.strings("LEMMA"), table.head
        for a in anchors:
            t = a.i
            if self._anecdote(table, t):
                return True
            while heads[t] != t:
                child, t = t, heads[t]
                reporting = lemmas[t].lower() in lex.verbs and self._other_subject(table, t)
                if (deps[child] in ("ccomp", "xcomp") and reporting) or self._anecdote(table, t):
                    return True
        return False

    def _reported_phrase(self, sent: Any) -> bool:
        low = span_text(sent).lower()
        return any(p in low for p in self.lex.reported.phrases)

    def _anecdote(self, table: TokenTable, verb: int) -> bool:
        """A clause about the writer's own child ("my son", "our twins"): a story, not a claim about
        children (``verb``: a token index in the block's table)."""
        owners, deps, low, kids = self.lex.reported.anecdote_owners, table.strings("DEP"), table.strings(
            "LOWER"), table.children
        people, lemmas = self.lex.reported.anecdote_people, table.strings("LEMMA")
        return any(deps[c] in ("nsubj", "nsubjpass") and (not people or lemmas[c].lower() in people)
                   and any(deps[p] == "poss" and low[p] in owners for p in kids[c]) for c in kids[verb])

    def _other_subject(self, table: TokenTable, verb: int) -> bool:
        """Someone else's view: a reporting subject ("many parents think"), or a view given up ("doctors
        once thought", "people used to believe")."""
        deps, lemmas, low = table.strings("DEP"), table.strings("LEMMA"), table.strings("LOWER")
        kids, lex = table.children[verb], self.lex.reported
        if any(deps[c] == "advmod" and low[c] in lex.superseded for c in kids):
            return True
        head = table.head[verb]
        if deps[verb] == "xcomp" and low[head] == "used":
            return True  # "people used to think P"
        subjects = [c for c in kids if deps[c] in ("nsubj", "nsubjpass")]
        return any(lemmas[s].lower() in lex.subjects for s in subjects)

    # -- all together ------------------------------------------------------------------------------
    def provenance(self, sent: Any, block: Block, anchors: Sequence[Any], construction: str,
                   *, list_id: int | None = None) -> Provenance:
        """Provenance of a claim read from ``anchors`` (tokens of a block's spaCy Doc) in ``sent``."""
        base = block.start
        if anchors:
            lo = min(a.left_edge.idx if a.dep_ in ("nsubj", "dobj", "pobj") else a.idx for a in anchors)
            hi = max(a.idx + len(a.text) for a in anchors)
        else:
            lo, hi = sent.start_char, sent.end_char
        cond = self.condition(sent, anchors)
        return Provenance(
            start=base + lo, end=base + hi, sent_start=base + sent.start_char, sent_end=base + sent.end_char,
            construction=construction, block=block.index, hedge=self.hedge(anchors),
            negated=any(self.negated(a) for a in anchors), condition=cond,
            age_scope=self.age_scope(cond), question=self.question(sent),
            myth=self.myth(sent, block) and not any(self.myth_frame(self.clause_verb(a)) for a in anchors),
            quotation=self.quotation(sent, block, anchors),
            reported=self.reported(sent, anchors), list_id=list_id)
