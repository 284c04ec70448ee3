"""Constructions as data: spaCy ``DependencyMatcher`` / ``Matcher`` patterns that state a claim.

Each file in ``rules/claims/constructions/*.toml`` holds ``[[construction]]`` entries::

    id = "order.before-clause"         # unique
    kind = "order"                     # the builder that reads it (order, age, quantity, advice, ...)
    matcher = "dependency"             # or "token" (a Matcher pattern; a token's "ROLE" key names its role)
    pattern = [ {RIGHT_ID = "earlier", RIGHT_ATTRS = {POS = "VERB"}}, ... ]
    emits = { earlier = "earlier", later = "later" }   # role bindings and constant fields for the builder
    [construction.examples]
    yields = ["Babies sit before they crawl."]         # sentences the construction must match
    pass = ["Babies sit and crawl."]                   # sentences it must not match

Patterns are validated and compiled once per vocab (:class:`Constructions` caches the matchers on the
instance); :meth:`Constructions.run` yields one :class:`Match` per hit with its roles bound to tokens.
Builders (one per kind, marked with :func:`builder`) turn matches into typed claims.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, Protocol

from pydantic import Field, model_validator

from ...api import DataSchema, DataSource
from ...datafile import DataModel, load_model, rules_dir
from ...document import Block
from ...errors import ConfigError
from .lexicons import Lexicons
from .matching import (
    GateIndex,
    Interned,
    Needs,
    Pattern,
    TokenTable,
    compile_dependency,
    compile_token,
    required_needs,
    sentence_of,
    stop_word,
)
from .model import Claim, Concept, Provenance
from .units import Units

CONSTRUCTIONS_DIR = "claims/constructions"
Kind = Literal["order", "age", "quantity", "advice", "stance", "proposition"]
ROLE_KEY = "ROLE"


class Examples(DataModel):
    yields: tuple[str, ...] = ()
    flagged: tuple[str, ...] = ()
    pass_: tuple[str, ...] = Field(default=(), alias="pass")


class Construction(DataModel):
    """One construction: a pattern, the claim kind it states and how its roles map to the claim."""

    id: str
    kind: Kind
    matcher: Literal["dependency", "token"] = "dependency"
    pattern: tuple[dict[str, Any], ...]
    emits: dict[str, str | int | float | bool] = Field(default_factory=dict)
    examples: Examples = Field(default_factory=Examples)
    note: str = ""

    @model_validator(mode="after")
    def _roles_exist(self) -> Construction:
        roles = self.roles()
        if not roles:
            raise ValueError("the pattern names no role (RIGHT_ID, or ROLE on a token)")
        return self

    def roles(self) -> set[str]:
        if self.matcher == "dependency":
            return {str(p.get("RIGHT_ID")) for p in self.pattern if "RIGHT_ID" in p}
        return {str(p[ROLE_KEY]) for p in self.pattern if ROLE_KEY in p}

    def spacy_pattern(self) -> list[dict[str, Any]]:
        """The pattern as spaCy takes it (the token matcher's ROLE keys removed)."""
        if self.matcher == "dependency":
            return [dict(p) for p in self.pattern]
        return [{k: v for k, v in p.items() if k != ROLE_KEY} for p in self.pattern]

    def token_roles(self) -> list[str | None]:
        return [p.get(ROLE_KEY) for p in self.pattern]


class ConstructionFile(DataModel):
    construction: tuple[Construction, ...] = ()


@dataclass(frozen=True)
class Match:
    """A construction found in a sentence: its roles bound to tokens of the block's spaCy ``Doc``."""

    construction: Construction
    roles: Mapping[str, Any]
    sent: Any  # spaCy Span
    block: Block


class Env(Protocol):
    """What a builder gets besides the match (implemented by ``extract.Extraction``)."""

    def concept(self, tok: Any) -> Concept: ...

    def prov(self, match: Match, anchors: Sequence[Any], *, list_id: int | None = None) -> Provenance: ...

    def negated(self, tok: Any) -> bool: ...

    @property
    def ontology(self) -> Any: ...

    @property
    def concepts(self) -> Any: ...

    @property
    def ctx(self) -> Any: ...  # the document's CheckContext (a list's lead-in paragraph, its blocks)

    @property
    def lexicons(self) -> Lexicons: ...  # the builders' word lists, packs included

    @property
    def units(self) -> Units: ...  # the amount scanner, packs' number and unit words included

    @property
    def scopes(self) -> Any: ...  # the scope reader (``scope.ScopeReader``; its ``lex``, packs included)


Builder = Callable[[Match, Env], Iterable[Claim]]
#: The attribute :func:`builder` sets on a function: the kind of construction it reads.
BUILDS = "editlint_builds"


def builder(kind: str) -> Callable[[Builder], Builder]:
    """Mark the builder for a kind of construction (:func:`builders` collects them; no registry in a
    module)."""
    def deco(fn: Builder) -> Builder:
        setattr(fn, BUILDS, kind)
        return fn
    return deco


def builders(modules: Iterable[Any]) -> dict[str, Builder]:
    """The builders marked with :func:`builder` in ``modules``, by kind (a later module's wins)."""
    out: dict[str, Builder] = {}
    for module in modules:
        for value in vars(module).values():
            kind = getattr(value, BUILDS, None)
            if callable(value) and isinstance(kind, str):
                out[kind] = value
    return out


@dataclass
class _Fast:
    """The constructions compiled for one vocab: table patterns (None: spaCy's matcher) and their gates."""

    patterns: list[Pattern | None]
    needs: list[Needs]  # per construction: the value sets a block must hold (its gate)
    gates: GateIndex


@dataclass
class Constructions:
    """A validated set of constructions, compiled lazily once per vocab. A block is matched on its token
    table (:mod:`matching`): only the constructions whose gate word occurs in it are tried, each from its
    rarest node; the few patterns the table evaluator does not know run on spaCy's matchers."""

    items: tuple[Construction, ...]
    _compiled: dict[tuple[int, str], Any] = field(default_factory=dict, repr=False)
    _fast: dict[int, _Fast] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self._by_id = {c.id: c for c in self.items}

    def by_id(self, cid: str) -> Construction:
        return self._by_id[cid]

    def _fast_for(self, vocab: Any) -> _Fast:
        got = self._fast.get(id(vocab))
        if got is None:
            interned: Interned = {}
            patterns = [_table_pattern(c, vocab.strings, interned) for c in self.items]
            needs = [p.needs if p is not None else required_needs(c.pattern, c.matcher == "token",
                                                                   vocab.strings, interned, ROLE_KEY)
                     for c, p in zip(self.items, patterns, strict=True)]
            got = self._fast[id(vocab)] = _Fast(patterns, needs, GateIndex.build(needs, stop_word(vocab)))
        return got

    def compiled(self, vocab: Any) -> dict[str, Any]:
        """spaCy's matcher for every construction (validates every pattern against spaCy)."""
        return {c.id: self.matcher(vocab, c) for c in self.items}

    def matcher(self, vocab: Any, c: Construction) -> Any:
        key = (id(vocab), c.id)
        got = self._compiled.get(key)
        if got is None:
            got = self._compiled[key] = self._compile(vocab, c)
        return got

    @staticmethod
    def _compile(vocab: Any, c: Construction) -> Any:
        from spacy.matcher import DependencyMatcher, Matcher

        matcher = DependencyMatcher(vocab) if c.matcher == "dependency" else Matcher(vocab)
        try:
            matcher.add(c.id, [c.spacy_pattern()])
        except (ValueError, KeyError) as exc:
            raise ConfigError(f"construction {c.id!r}: invalid pattern: {exc}",
                              path=str(rules_dir() / CONSTRUCTIONS_DIR)) from None
        return matcher

    def run_doc(self, sdoc: Any, block: Block, kinds: Iterable[str] | None = None,
                table: TokenTable | None = None) -> dict[int, list[Match]]:
        """Every match in a block's spaCy ``Doc``, grouped by the start token of its sentence (``table``:
        the block's token table when the caller keeps one for its scope readers)."""
        wanted = set(kinds) if kinds is not None else None
        fast = self._fast_for(sdoc.vocab)
        table = table if table is not None else TokenTable(sdoc)
        sents: list[Any] | None = None
        out: dict[int, list[Match]] = {}
        for k in fast.gates.candidates(table):
            c, pattern = self.items[k], fast.patterns[k]
            if wanted is not None and c.kind not in wanted:
                continue
            if pattern is not None:
                found: Iterable[dict[str, Any]] = _table_roles(c, pattern, table)
            else:
                found = self._roles(c, self.matcher(sdoc.vocab, c), sdoc)
            for roles in found:
                sents = sents if sents is not None else sentence_of(sdoc)
                sent = sents[next(iter(roles.values())).i]
                out.setdefault(sent.start, []).append(Match(c, roles, sent, block))
        return out

    @staticmethod
    def _roles(c: Construction, matcher: Any, sdoc: Any) -> Iterator[dict[str, Any]]:
        """Role bindings from spaCy's matcher (patterns the table evaluator does not know)."""
        if c.matcher == "dependency":
            ids = [str(p["RIGHT_ID"]) for p in c.pattern]
            seen: set[tuple[int, ...]] = set()
            for _, token_ids in matcher(sdoc):
                if tuple(token_ids) not in seen:
                    seen.add(tuple(token_ids))
                    yield {name: sdoc[i] for name, i in zip(ids, token_ids, strict=True)}
            return
        names = c.token_roles()
        for _, start, end in matcher(sdoc):
            yield {str(n): sdoc[start + k] for k, n in enumerate(names) if n and start + k < end}

    def run(self, sent: Any, block: Block, kinds: Iterable[str] | None = None) -> Iterator[Match]:
        """The matches in one sentence (a spaCy span) of a block's ``Doc``."""
        yield from self.run_doc(sent.doc, block, kinds).get(sent.start, [])


def _table_pattern(c: Construction, strings: Any, interned: Interned) -> Pattern | None:
    if c.matcher == "dependency":
        return compile_dependency(c.pattern, strings, interned)
    return compile_token(c.pattern, strings, ROLE_KEY, interned)


def _table_roles(c: Construction, pattern: Pattern, table: TokenTable) -> Iterator[dict[str, Any]]:
    sdoc = table.sdoc
    if c.matcher == "dependency":
        ids = [str(p["RIGHT_ID"]) for p in c.pattern]
        for b in pattern.matches(table):
            yield {name: sdoc[i] for name, i in zip(ids, b, strict=True)}
        return
    names = c.token_roles()
    for b in pattern.matches(table):
        yield {str(n): sdoc[i] for n, i in zip(names, b, strict=True) if n}


def construction_files(paths: Iterable[str] | None = None) -> tuple[Path, ...]:
    if paths is None:
        return tuple(sorted((rules_dir() / CONSTRUCTIONS_DIR).glob("*.toml")))
    return tuple(Path(p) if Path(p).is_absolute() or Path(p).exists() else rules_dir() / p for p in paths)


def load_constructions(paths: tuple[Path, ...] | None = None) -> Constructions:
    """Load and validate every construction file (ids must be unique; ``store.ClaimsData`` keeps them)."""
    items: list[Construction] = []
    for path in paths if paths is not None else construction_files():
        _add(items, load_model(path, ConstructionFile).construction, str(path))
    return Constructions(tuple(items))


def _add(items: list[Construction], found: Iterable[Construction], where: str) -> None:
    seen = {c.id for c in items}
    for c in found:
        if c.id in seen:
            raise ConfigError(f"construction {c.id!r} is defined twice", path=where)
        seen.add(c.id)
        items.append(c)


def build_constructions(data: ConstructionFile, source: DataSource) -> Constructions:
    """The ``constructions`` data object (``ctx.data("constructions")``): the shipped files of
    ``rules/claims/constructions`` and, after them as one more file, the packs' ``[[data.constructions.
    construction]]`` entries (a publisher's own ways of stating a claim). Built once per registry."""
    items: list[Construction] = []
    for path in sorted(source.rules_path(CONSTRUCTIONS_DIR).glob("*.toml")):
        _add(items, load_model(path, ConstructionFile).construction, str(path))
    _add(items, data.construction, "[data.constructions]")
    return Constructions(tuple(items))


#: the constructions with the packs' additions (declared in ``claims_checks`` for the registry)
CONSTRUCTIONS_DATA = DataSchema("constructions", ConstructionFile, build_constructions)
