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
Builders (one per kind, :data:`BUILDERS`) turn matches into typed claims.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, Protocol

from pydantic import Field, model_validator

from ...datafile import DataModel, load_model
from ...document import Block
from ...errors import ConfigError
from ...rules import rules_dir
from .model import Claim, Concept, Provenance

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


Builder = Callable[[Match, Env], Iterable[Claim]]
#: One builder per claim kind; modules register with :func:`builder`.
BUILDERS: dict[str, Builder] = {}


def builder(kind: str) -> Callable[[Builder], Builder]:
    """Register the builder for a kind of construction."""
    def deco(fn: Builder) -> Builder:
        BUILDERS[kind] = fn
        return fn
    return deco


@dataclass
class Constructions:
    """A validated set of constructions; matchers are compiled lazily, once per vocab."""

    items: tuple[Construction, ...]
    _compiled: dict[int, tuple[Any, Any]] = field(default_factory=dict, repr=False)

    def by_id(self, cid: str) -> Construction:
        return next(c for c in self.items if c.id == cid)

    def compiled(self, vocab: Any) -> tuple[Any, Any]:
        got = self._compiled.get(id(vocab))
        if got is None:
            got = self._compiled[id(vocab)] = self._compile(vocab)
        return got

    def _compile(self, vocab: Any) -> tuple[Any, Any]:
        from spacy.matcher import DependencyMatcher, Matcher

        dep, tok = DependencyMatcher(vocab), Matcher(vocab)
        for c in self.items:
            try:
                if c.matcher == "dependency":
                    dep.add(c.id, [c.spacy_pattern()])
                else:
                    tok.add(c.id, [c.spacy_pattern()])
            except (ValueError, KeyError) as exc:
                raise ConfigError(f"construction {c.id!r}: invalid pattern: {exc}",
                                  path=str(rules_dir() / CONSTRUCTIONS_DIR)) from None
        return dep, tok

    def run(self, sent: Any, block: Block, kinds: Iterable[str] | None = None) -> Iterator[Match]:
        """Every construction match in ``sent`` (a spaCy sentence span), roles bound to tokens."""
        wanted = set(kinds) if kinds is not None else None
        dep, tok = self.compiled(sent.doc.vocab)
        span = sent  # matchers accept a Span; token ids are relative to it
        seen: set[tuple[str, tuple[tuple[str, int], ...]]] = set()
        for match_id, token_ids in dep(span):
            c = self.by_id(sent.doc.vocab.strings[match_id])
            if wanted is not None and c.kind not in wanted:
                continue
            ids = [c.pattern[k]["RIGHT_ID"] for k in range(len(c.pattern))]
            roles = {name: sent[i] for name, i in zip(ids, token_ids, strict=True)}
            key = (c.id, tuple(sorted((n, t.i) for n, t in roles.items())))
            if key not in seen:
                seen.add(key)
                yield Match(c, roles, sent, block)
        for match_id, start, end in tok(span):
            c = self.by_id(sent.doc.vocab.strings[match_id])
            if wanted is not None and c.kind not in wanted:
                continue
            names = c.token_roles()
            roles = {str(n): sent[start + k] for k, n in enumerate(names) if n and start + k < end}
            yield Match(c, roles, sent, block)


def construction_files(paths: Iterable[str] | None = None) -> tuple[Path, ...]:
    if paths is None:
        return tuple(sorted((rules_dir() / CONSTRUCTIONS_DIR).glob("*.toml")))
    return tuple(Path(p) if Path(p).is_absolute() or Path(p).exists() else rules_dir() / p for p in paths)


@functools.lru_cache(maxsize=8)
def load_constructions(paths: tuple[Path, ...] | None = None) -> Constructions:
    """Load and validate every construction file (ids must be unique)."""
    items: list[Construction] = []
    seen: set[str] = set()
    for path in paths if paths is not None else construction_files():
        for c in load_model(path, ConstructionFile).construction:
            if c.id in seen:
                raise ConfigError(f"construction {c.id!r} is defined twice", path=str(path))
            seen.add(c.id)
            items.append(c)
    return Constructions(tuple(items))
