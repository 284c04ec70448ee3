"""Construction patterns evaluated on a block's token table, from their rarest node.

spaCy's ``DependencyMatcher`` runs a token ``Matcher`` over the whole text for every node of every
pattern, and a Python walk from every token that fits a pattern's first node costs a spaCy ``Token`` per
token per construction. Here a block is read once into integer columns (``Doc.to_array``: spaCy's own
string hashes), each test's passing tokens found once per block by one pass over its column (a block is
a few dozen tokens: cheaper than indexing it), and a pattern is evaluated from the node with the fewest
candidate tokens in this block (a lemma or word set, a rare dependency label, a regular expression, whose
answer is kept per word), walking the pattern's tree from there with each relation
inverted where the walk goes against it. A node no token can fill rules the construction out before any
walk. Matches come back in the order spaCy's matchers and the previous evaluator gave them (first node's
token, then each later node's position among its neighbour's relatives), so claims keep their order.

A pattern that uses an attribute, operator or quantifier this evaluator does not know is reported as
unsupported and runs on spaCy's matcher instead (:mod:`constructions`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

#: pattern attribute -> table column
COLUMNS = MappingProxyType({"ORTH": "ORTH", "TEXT": "ORTH", "LOWER": "LOWER", "LEMMA": "LEMMA", "POS": "POS",
                            "TAG": "TAG", "DEP": "DEP", "IS_PUNCT": "IS_PUNCT", "LIKE_NUM": "LIKE_NUM",
                            "IS_SENT_START": "IS_SENT_START"})
_ARRAY_ATTRS = ("ORTH", "LOWER", "LEMMA", "POS", "TAG", "DEP", "IS_PUNCT", "LIKE_NUM", "SENT_START", "HEAD")
#: columns read from the ``Doc`` only when a scope reader asks (character offsets and lengths)
_LATE_ATTRS = ("IDX", "LENGTH")
_BOOLS = frozenset({"IS_PUNCT", "LIKE_NUM", "IS_SENT_START"})
_STRINGS = frozenset({"ORTH", "LOWER", "LEMMA", "TAG", "DEP"})
#: columns whose values name words (a construction's cheapest gate)
LEXICAL = ("LEMMA", "LOWER", "ORTH")
#: relation -> the relation that holds the other way round
INVERSE = MappingProxyType({">": "<", "<": ">", ">>": "<<", "<<": ">>", ".": ";", ";": ".", ".*": ";*",
                            ";*": ".*"})
_OPS_ONE = (None, "1")
#: a node with at most this many candidate tokens is rare enough to start a walk from
FEW = 2
_WRAP = 2 ** 64


def _attr_ids(names: Sequence[str] = _ARRAY_ATTRS) -> list[int]:
    """spaCy's attribute ids of the table's columns (``Doc.to_array``'s argument)."""
    from spacy import attrs

    return [getattr(attrs, a) for a in names]


def stop_word(vocab: Any) -> Callable[[int], bool]:
    """Is a word value (a string hash) one of the vocab's stop words? (words most blocks hold)"""
    strings = vocab.strings
    return lambda v: v in strings and bool(vocab[strings[v]].is_stop)


class TableKit:
    """What every token table of one reader shares: the attribute ids ``Doc.to_array`` takes, looked up
    once, not per block. One per scope reader (a document's), so nothing is kept in a module."""

    def __init__(self) -> None:
        self.attrs = _attr_ids()
        self.late = _attr_ids(_LATE_ATTRS)


# -- the table ------------------------------------------------------------------------------------------
class TokenTable:
    """One block's tokens as integer columns, with each column's distinct values and each test's passing
    tokens found on first use."""

    def __init__(self, sdoc: Any, kit: TableKit | None = None) -> None:
        self.sdoc = sdoc
        self.n = len(sdoc)
        self.kit = kit = kit if kit is not None else TableKit()
        rows = sdoc.to_array(kit.attrs).T.tolist() if self.n else [[] for _ in _ARRAY_ATTRS]
        cols = dict(zip(_ARRAY_ATTRS, rows, strict=True))
        # HEAD (an offset) and SENT_START (1, -1 or 0) are signed values stored as uint64
        self.head = [(i + off) % _WRAP for i, off in enumerate(cols.pop("HEAD"))]
        # Token.is_sent_start as a column value: 1 True, 0 False, -2 unknown (matches nothing)
        starts = [1 if v == 1 else (-2 if v == 0 else 0) for v in cols.pop("SENT_START")]
        if starts:
            starts[0] = 1
        cols["IS_SENT_START"] = starts
        self.cols: dict[str, list[int]] = cols
        self._values: dict[str, frozenset[int]] = {}
        self._children: list[list[int]] | None = None
        self._passing: dict[Test, list[int] | None] = {}
        self._strings: dict[str, list[str]] = {}
        self._late: dict[str, list[int]] = {}

    def passing(self, test: Test) -> list[int] | None:
        """The tokens that pass ``test`` (None for a test that gives no candidates), once per block."""
        if test in self._passing:
            return self._passing[test]
        got = self._passing[test] = test.candidates(self)
        return got

    def values(self, col: str) -> frozenset[int]:
        """The distinct values of a column in this block."""
        got = self._values.get(col)
        if got is None:
            got = self._values[col] = frozenset(self.cols[col])
        return got

    def late(self, col: str) -> list[int]:
        """A column only the scope readers ask for (``IDX``, ``LENGTH``: characters), read on first use."""
        got = self._late.get(col)
        if got is None:
            late = self.kit.late
            rows = self.sdoc.to_array(late).T.tolist() if self.n else [[] for _ in late]
            self._late.update(zip(_LATE_ATTRS, rows, strict=True))
            got = self._late[col]
        return got

    def holds(self, needs: Needs) -> bool:
        """Does the block hold a value of every set in ``needs``? (a cheap test before matching)"""
        known = self._values
        for col, values in needs:
            present = known.get(col)
            if values.isdisjoint(present if present is not None else self.values(col)):
                return False
        return True

    @property
    def children(self) -> list[list[int]]:
        if self._children is None:
            kids: list[list[int]] = [[] for _ in range(self.n)]
            for i, h in enumerate(self.head):
                if h != i:
                    kids[h].append(i)
            self._children = kids
        return self._children

    def strings(self, col: str) -> list[str]:
        """A column as the strings spaCy's attributes give (``lemma_``, ``lower_``, ``dep_``, ``pos_``...),
        read once per block: the scope readers test words of many tokens without making a ``Token``."""
        got = self._strings.get(col)
        if got is None:
            if col == "POS":
                from spacy.parts_of_speech import NAMES

                got = [str(NAMES.get(v, "")) for v in self.cols[col]]
            else:
                store = self.sdoc.vocab.strings
                got = [store[v] for v in self.cols[col]]
            self._strings[col] = got
        return got

    def clause(self, verb: int, nested: frozenset[str]) -> list[int]:
        """The verb's subtree without the subtrees of dependents labelled ``nested`` (its own clause), in
        the order of a depth-first walk that pops the last child first (``scope.clause_tokens``)."""
        deps, kids = self.strings("DEP"), self.children
        out = [verb]
        stack = [c for c in kids[verb] if deps[c] not in nested]
        while stack:
            t = stack.pop()
            out.append(t)
            stack.extend(c for c in kids[t] if deps[c] not in nested)
        return out

    def string(self, col: str, value: int) -> str:
        if col == "POS":
            from spacy.parts_of_speech import NAMES

            return str(NAMES.get(value, ""))
        return str(self.sdoc.vocab.strings[value])

    # -- relations ------------------------------------------------------------------------------
    def related(self, op: str, i: int) -> Sequence[int]:
        """The tokens in relation ``op`` to token ``i`` (``B`` such that ``i op B``)."""
        if op == ">":
            return self.children[i]
        if op == "<":
            return (self.head[i],) if self.head[i] != i else ()
        if op == ">>":
            return self._descendants(i)
        if op == "<<":
            return self._ancestors(i)
        if op == ".":
            return (i + 1,) if i + 1 < self.n else ()
        if op == ";":
            return (i - 1,) if i > 0 else ()
        if op == ".*":
            return range(i + 1, self.n)
        return range(i)  # ";*"

    def _descendants(self, i: int) -> list[int]:
        out: list[int] = []
        stack = list(self.children[i])
        while stack:
            t = stack.pop()
            out.append(t)
            stack.extend(self.children[t])
        return out

    def _ancestors(self, i: int) -> list[int]:
        out: list[int] = []
        while self.head[i] != i and len(out) < self.n:
            i = self.head[i]
            out.append(i)
        return out

    def subtree_order(self, i: int) -> list[int]:
        """spaCy's ``Token.subtree`` order (left children's subtrees, the token, right ones')."""
        out: list[int] = []
        for c in self.children[i]:
            if c < i:
                out += self.subtree_order(c)
        out.append(i)
        for c in self.children[i]:
            if c > i:
                out += self.subtree_order(c)
        return out

    def rank(self, op: str, left: int, right: int) -> int:
        """Where ``right`` comes among ``left``'s relatives in spaCy's order for ``op``."""
        if op in (">", ".*", ";*"):
            return right
        if op == ">>":
            return self.subtree_order(left).index(right)
        if op == "<<":
            return self._ancestors(left).index(right)
        return 0


# -- node tests ---------------------------------------------------------------------------------------
@dataclass(frozen=True, eq=False)
class Test:
    """One attribute test of a node: equal to / one of / none of / a regular expression. Equal tests
    are one object (:func:`compile_tests` interns them), so a block answers each once, by identity."""

    col: str
    kind: str  # "in", "not_in", "regex"
    values: frozenset[int] = frozenset()
    regex: re.Pattern[str] | None = None
    #: a regular expression's answer per string hash (a hash names one string in every vocab)
    _seen: dict[int, bool] = field(default_factory=dict, repr=False, compare=False)

    def ok(self, table: TokenTable, i: int) -> bool:
        v = table.cols[self.col][i]
        if self.kind == "in":
            return v in self.values
        if self.kind == "not_in":
            return v not in self.values
        return self.searches(table, v)

    def searches(self, table: TokenTable, v: int) -> bool:
        """Does the regular expression find something in the string of value ``v``? (once per value)"""
        got = self._seen.get(v)
        if got is None:
            assert self.regex is not None
            got = self._seen[v] = self.regex.search(table.string(self.col, v)) is not None
        return got

    def candidates(self, table: TokenTable) -> list[int] | None:
        """The tokens that pass, by position (None for a "none of" test: nearly every token passes). A
        block is a paragraph of a few dozen tokens: one pass over the column beats building its index."""
        if self.kind == "not_in":
            return None
        if self.kind == "in":
            values = self.values
            if values.isdisjoint(table.values(self.col)):
                return []  # most tests: the block's value set (the gate's) answers without a pass
            return [i for i, v in enumerate(table.cols[self.col]) if v in values]
        seen, col = self._seen, self.col
        passing = {v for v in table.values(col) if (seen[v] if v in seen else self.searches(table, v))}
        return [i for i, v in enumerate(table.cols[col]) if v in passing] if passing else []


def _value(col: str, v: Any, strings: Any) -> int:
    if col in _BOOLS:
        return int(bool(v)) if isinstance(v, bool) else -3
    if col == "POS":
        from spacy.parts_of_speech import IDS

        return int(IDS.get(v, -1)) if isinstance(v, str) else -1
    return int(strings[v]) if isinstance(v, str) else -1


Interned = dict[tuple[str, str, frozenset[int], str], Test]
#: value sets a block must hold for a pattern to match: (column, values), one value of each
Needs = tuple[tuple[str, frozenset[int]], ...]


def _test(interned: Interned, col: str, kind: str, values: frozenset[int] = frozenset(),
          regex: str | None = None) -> Test:
    key = (col, kind, values, regex or "")
    got = interned.get(key)
    if got is None:
        got = interned[key] = Test(col, kind, values, re.compile(regex) if regex is not None else None)
    return got


def compile_tests(attrs: Mapping[str, Any], strings: Any, interned: Interned) -> tuple[Test, ...] | None:
    """A node's attribute tests in table values (None when one is beyond this evaluator)."""
    out = []
    for key, want in attrs.items():
        col = COLUMNS.get(key)
        if col is None:
            return None
        if not isinstance(want, Mapping):
            out.append(_test(interned, col, "in", frozenset({_value(col, want, strings)})))
            continue
        if not set(want) <= {"IN", "NOT_IN", "REGEX"}:
            return None
        for op, arg in want.items():
            if op == "REGEX":
                if col not in _STRINGS and col != "POS" or not isinstance(arg, str):
                    return None
                out.append(_test(interned, col, "regex", regex=arg))
            elif isinstance(arg, list):
                out.append(_test(interned, col, "in" if op == "IN" else "not_in",
                                 frozenset(_value(col, v, strings) for v in arg)))
            else:
                return None
    return tuple(out)


def _ok(tests: Sequence[Test], table: TokenTable, i: int) -> bool:
    """Does token ``i`` pass every test? (:meth:`Test.ok` inlined: the walk's innermost call)"""
    cols = table.cols
    for t in tests:
        v = cols[t.col][i]
        kind = t.kind
        if kind == "in":
            if v not in t.values:
                return False
        elif kind == "not_in":
            if v in t.values:
                return False
        elif not t.searches(table, v):
            return False
    return True


def _node_candidates(tests: Sequence[Test], table: TokenTable) -> list[int] | None:
    """The tokens a node can bind (from its most selective test), None when no test gives candidates."""
    best: list[int] | None = None
    for t in tests:
        got = table.passing(t)
        if got is not None and (best is None or len(got) < len(best)):
            best = got
            if not best:
                break
    return best


# -- patterns -----------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Step:
    """Bind ``node`` to a relative (``op``) of the token bound to ``origin``."""

    node: int
    origin: int
    op: str


@dataclass
class Pattern:
    """A compiled construction pattern: node tests, the tree's edges, walks from each possible anchor."""

    tests: tuple[tuple[Test, ...], ...]
    edges: tuple[tuple[int, int, str], ...] = ()  # (left node, right node, op), dependency patterns only
    token: bool = False
    needs: Needs = ()
    _plans: dict[int, tuple[Step, ...]] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        # nodes with a word set first, smallest set first: their candidates are the cheapest to find
        def cost(k: int) -> tuple[int, int]:
            sizes = [len(t.values) for t in self.tests[k] if t.kind == "in"]
            lexical = any(t.kind == "in" and t.col in LEXICAL for t in self.tests[k])
            return (0 if lexical else 1, min(sizes, default=1 << 30))
        self._by_selectivity = tuple(sorted(range(len(self.tests)), key=cost))

    def plan(self, anchor: int) -> tuple[Step, ...]:
        got = self._plans.get(anchor)
        if got is None:
            got = self._plans[anchor] = _plan(anchor, self.edges)
        return got

    def matches(self, table: TokenTable) -> list[tuple[int, ...]]:
        """Every binding of the nodes (token indexes in node order), in spaCy's order."""
        cands: list[list[int] | None] = [None] * len(self.tests)
        for k in self._by_selectivity:
            got = _node_candidates(self.tests[k], table)
            if got is not None and not got:
                return []  # a node no token of this block can fill
            cands[k] = got
            if got is not None and len(got) <= FEW:
                break  # an anchor this rare will do; the walk tests every other node anyway
        if self.token:
            return self._token_matches(table, cands)
        sizes = [len(c) if c is not None else table.n + 1 for c in cands]
        anchor = min(range(len(sizes)), key=sizes.__getitem__)
        first = cands[anchor]
        start: Sequence[int] = first if first is not None else range(table.n)
        found: set[tuple[int, ...]] = set()
        steps = self.plan(anchor)
        for i in start:  # a test's candidates are in token order, each once
            if _ok(self.tests[anchor], table, i):
                bound = [-1] * len(self.tests)
                bound[anchor] = i
                self._walk(table, steps, 0, bound, found)
        return sorted(found, key=lambda b: self._order(table, b))

    def _walk(self, table: TokenTable, steps: Sequence[Step], k: int, bound: list[int],
              found: set[tuple[int, ...]]) -> None:
        if k == len(steps):
            found.add(tuple(bound))
            return
        step = steps[k]
        tests = self.tests[step.node]
        for j in table.related(step.op, bound[step.origin]):
            if _ok(tests, table, j):
                bound[step.node] = j
                self._walk(table, steps, k + 1, bound, found)
        bound[step.node] = -1

    def _order(self, table: TokenTable, b: tuple[int, ...]) -> tuple[int, ...]:
        return (b[0], *(table.rank(op, b[left], b[right]) for left, right, op in self.edges))

    def _token_matches(self, table: TokenTable, cands: list[list[int] | None]) -> list[tuple[int, ...]]:
        n = len(self.tests)
        sizes = [len(c) if c is not None else table.n + 1 for c in cands]
        pos = min(range(n), key=sizes.__getitem__)
        anchor = cands[pos]
        if n == 1:  # one token (a sentence-initial verb): its candidates, in token order, each once
            first = self.tests[0]
            return [(i,) for i in (anchor if anchor is not None else range(table.n)) if _ok(first, table, i)]
        starts = sorted({i - pos for i in (anchor if anchor is not None else range(table.n))})
        out = []
        for s in starts:
            if s >= 0 and s + n <= table.n and all(_ok(self.tests[k], table, s + k) for k in range(n)):
                out.append(tuple(range(s, s + n)))
        return out


def _plan(anchor: int, edges: Sequence[tuple[int, int, str]]) -> tuple[Step, ...]:
    """The order to bind the other nodes from ``anchor``, each edge walked forwards or inverted."""
    bound = {anchor}
    steps: list[Step] = []
    todo = list(edges)
    while todo:
        for e in todo:
            left, right, op = e
            if left in bound:
                steps.append(Step(right, left, op))
                bound.add(right)
            elif right in bound:
                steps.append(Step(left, right, INVERSE[op]))
                bound.add(left)
            else:
                continue
            todo.remove(e)
            break
        else:
            raise ValueError("the pattern's nodes are not connected")
    return tuple(steps)


def _needs(tests: Sequence[Sequence[Test]]) -> Needs:
    """Every value set some token of a block must hold for the pattern to match, smallest first."""
    found = {(t.col, t.values) for node in tests for t in node if t.kind == "in"}
    return tuple(sorted(found, key=lambda n: (len(n[1]), n[0])))


def compile_dependency(pattern: Sequence[Mapping[str, Any]], strings: Any, interned: Interned
                       ) -> Pattern | None:
    """A ``DependencyMatcher`` pattern compiled for the table (None when unsupported)."""
    names = {str(p.get("RIGHT_ID")): k for k, p in enumerate(pattern)}
    tests, edges = [], []
    for k, node in enumerate(pattern):
        got = compile_tests(node.get("RIGHT_ATTRS", {}), strings, interned)
        if got is None:
            return None
        tests.append(got)
        if k:
            op, left = node.get("REL_OP"), names.get(str(node.get("LEFT_ID")))
            if op not in INVERSE or left is None or left >= k:
                return None
            edges.append((left, k, str(op)))
    return Pattern(tuple(tests), tuple(edges), needs=_needs(tests))


def compile_token(pattern: Sequence[Mapping[str, Any]], strings: Any, role_key: str, interned: Interned
                  ) -> Pattern | None:
    """A fixed-length token ``Matcher`` pattern (no quantifiers) compiled for the table."""
    tests = []
    for node in pattern:
        if node.get("OP") not in _OPS_ONE:
            return None
        got = compile_tests({k: v for k, v in node.items() if k not in (role_key, "OP")}, strings, interned)
        if got is None:
            return None
        tests.append(got)
    return Pattern(tuple(tests), token=True, needs=_needs(tests))


def required_needs(pattern: Sequence[Mapping[str, Any]], token: bool, strings: Any, interned: Interned,
                   role_key: str) -> Needs:
    """What a block must hold for a pattern the table cannot evaluate (spaCy's matcher runs it): the
    value sets of its required nodes (a quantified token may be absent) in the attributes known here."""
    nodes = [p for p in pattern if p.get("OP") in _OPS_ONE or p.get("OP") == "+"] if token else \
        [p.get("RIGHT_ATTRS", {}) for p in pattern]
    tests = []
    for node in nodes:
        known = {k: v for k, v in node.items()
                 if k in COLUMNS and (not isinstance(v, Mapping) or set(v) <= {"IN", "NOT_IN"})}
        tests.append(compile_tests(known, strings, interned) or ())
    return _needs(tests)


@dataclass
class GateIndex:
    """Which patterns a block can match: each value set a pattern needs must meet the block's values.
    Each pattern is keyed on its most selective set (a word set first, the smallest): an inverted index
    from a value to the patterns keyed on a set holding it gives the few patterns worth testing with one
    set intersection per column, and only those few test their other sets."""

    keyed: dict[str, dict[int, list[int]]]  # column -> value -> patterns whose key set holds it
    needs: list[Needs]  # per pattern: every value set it needs
    always: list[int]  # patterns that need nothing
    key_values: dict[str, frozenset[int]] = field(default_factory=dict)  # per column: the keyed values

    def __post_init__(self) -> None:
        self.key_values = {col: frozenset(index) for col, index in self.keyed.items()}

    @classmethod
    def build(cls, needs: Sequence[Needs], common: Callable[[int], bool] = lambda v: False) -> GateIndex:
        """``common`` tells a value found in most blocks (a stop word): a set without one keys better."""
        keyed: dict[str, dict[int, list[int]]] = {}
        always = []
        for k, need in enumerate(needs):
            if not need:
                always.append(k)
                continue
            col, values = min(need, key=lambda n: (n[0] not in LEXICAL, any(map(common, n[1])), len(n[1])))
            index = keyed.setdefault(col, {})
            for v in values:
                index.setdefault(v, []).append(k)
        return cls(keyed, list(needs), always)

    def candidates(self, table: TokenTable) -> list[int]:
        """The patterns every value set of which the block holds (``Pattern.needs``), in pattern order."""
        found = set(self.always)
        for col, index in self.keyed.items():
            for v in table.values(col) & self.key_values[col]:
                found.update(index[v])
        return [k for k in sorted(found) if table.holds(self.needs[k])]


def sentence_of(sdoc: Any) -> list[Any]:
    """For each token of ``sdoc``, its sentence (a spaCy Span)."""
    out: list[Any] = [None] * len(sdoc)
    for sent in sdoc.sents:
        for i in range(sent.start, sent.end):
            out[i] = sent
    return out
