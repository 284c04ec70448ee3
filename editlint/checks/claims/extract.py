"""The claims orchestrator: parsed sentences -> constructions -> builders -> typed claims.

For every prose block (paragraph, list item, quote, table cell; headings only give scope) and every
sentence, the constructions in ``rules/claims/constructions/`` are matched and each :class:`Match` goes to
the builder marked for its kind (:func:`constructions.builder`: order here, ages / quantities /
advice / stance / propositions in the sibling modules). Structure readers add the claims a layout makes:
numbered or bulleted stage lists and tables whose rows run in order. The result is computed once per
document and shared through ``ctx.memo``.
"""

from __future__ import annotations

import functools
import importlib
from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, fields, is_dataclass
from enum import Enum
from pathlib import Path
from typing import Any

from ...budget import checkpoint
from ...document import Block, BlockKind
from ..base import CheckContext
from . import order as _order
from . import readers
from .concepts import Concepts
from .constructions import Builder, Constructions, Match, builders, construction_files
from .lexicons import Lexicons, load_lexicons
from .model import Claim, Concept, Provenance
from .ontology import Ontology, ontology_files
from .scope import ScopeReader, load_scopes, span_text
from .store import BlockClaims, ClaimsData, block_key
from .units import Units, shipped_units

#: Modules that register builders for the other kinds (absent modules are skipped while they are built).
BUILDER_MODULES = ("ages", "units", "advice")
CLAIM_KINDS = frozenset({BlockKind.PARAGRAPH, BlockKind.LIST_ITEM, BlockKind.QUOTE, BlockKind.TABLE_CELL})


def _load_builders() -> dict[str, Builder]:
    """The builder of each kind, from this package's builder modules."""
    modules: list[Any] = [_order]
    for name in BUILDER_MODULES:
        try:
            modules.append(importlib.import_module(f"{__package__}.{name}"))
        except ModuleNotFoundError as exc:
            if exc.name != f"{__package__}.{name}":
                raise
    return builders(modules)


@dataclass
class Extraction:
    """One document's extraction; implements the builders' :class:`constructions.Env`."""

    ctx: CheckContext
    ontology: Ontology
    constructions: Constructions
    scopes: ScopeReader
    concepts: Concepts
    claims: list[Claim] = field(default_factory=list)
    #: the registry's claims of blocks already read, and what besides a block they depend on
    cache: BlockClaims | None = None
    context: tuple[Hashable, ...] = ()
    builders: dict[str, Builder] = field(default_factory=dict)
    _concept_cache: dict[tuple[int, int], Concept] = field(default_factory=dict)
    _previous: Any = None
    #: the builders' word lists and the amount scanner, with the packs' additions (the registry's data)
    lexicons: Lexicons = field(default_factory=load_lexicons)
    units: Units = field(default_factory=shipped_units)

    # -- Env -------------------------------------------------------------------------------------
    def concept(self, tok: Any) -> Concept:
        key = (id(tok.doc), tok.i)
        got = self._concept_cache.get(key)
        if got is None:
            got = self._concept_cache[key] = self.concepts.concept_of(tok)
        return got

    def prov(self, match: Match, anchors: Sequence[Any], *, list_id: int | None = None) -> Provenance:
        return self.scopes.provenance(match.sent, match.block, anchors, match.construction.id,
                                      list_id=list_id)

    def negated(self, tok: Any) -> bool:
        return self.scopes.negated(tok)

    # -- running ------------------------------------------------------------------------------------
    def run(self) -> list[Claim]:
        doc = self.ctx.doc
        for block in doc.blocks:
            checkpoint()
            if block.kind not in CLAIM_KINDS or not block.text.strip():
                self._previous = None if block.kind is BlockKind.HEADING else self._previous
                continue
            if self.cache is None:
                self.claims.extend(self._block(block))
                continue
            key = block_key(doc, block, *self.context)
            self.claims.extend(self.cache.claims(key, block, functools.partial(self._read, block)))
        self.claims.extend(readers.read_structures(self))
        self.claims.sort(key=lambda c: (c.prov.start, c.kind))
        return self.claims

    def _read(self, block: Block) -> list[Claim]:
        return list(self._block(block))

    def _block(self, block: Block) -> Iterator[Claim]:
        sdoc = self.ctx.spacy(block)
        matches = self.constructions.run_doc(sdoc, block, table=self.scopes.table(sdoc))
        if not matches:
            return  # no construction in the block: its sentences need not be read
        previous = None
        for sent in sdoc.sents:
            checkpoint()
            if not span_text(sent).strip():
                continue
            for m in matches.get(sent.start, ()):
                build = self.builders.get(m.construction.kind)
                if build is None:
                    continue
                if previous is not None:
                    m = Match(m.construction, {**m.roles, "@previous": previous.root}, m.sent, m.block)
                yield from build(m, self)
            previous = sent


def _paths(sec: Mapping[str, Any], key: str, default: Callable[[Iterable[str] | None], tuple[Path, ...]]
           ) -> tuple[Path, ...]:
    """The configured data files: ``key`` (or the default set) plus ``extra-<key>``."""
    chosen = list(sec.get(key) or [])
    base = default(chosen) if chosen else default(None)
    extra = default(list(sec.get(f"extra-{key}") or [])) if sec.get(f"extra-{key}") else ()
    return tuple(dict.fromkeys((*base, *extra)))


def extraction(ctx: CheckContext) -> Extraction:
    """The shared extraction of ``ctx.doc`` (computed once per document)."""
    def compute() -> Extraction:
        sec = ctx.config.section("contradiction")
        store = claims_data(ctx)
        configured = sec.get("ontology") or sec.get("extra-ontology")  # files named in the configuration
        onto = store.ontology(_paths(sec, "ontology", ontology_files)) if configured else ctx.data("ontology")
        own = sec.get("constructions") or sec.get("extra-constructions")  # files named in the configuration
        cons = store.constructions(_paths(sec, "constructions", construction_files)) if own else \
            ctx.data("constructions")
        lex, words = _data(ctx, "claims-scopes"), _data(ctx, "claims-lexicons")
        units, model = _data(ctx, "claims-units"), ctx.config.model
        context = (id(onto), id(cons), id(lex), id(words), id(units), model)
        ex = Extraction(ctx, onto, cons, ScopeReader(lex, ctx.doc), store.concepts(onto, model),
                        cache=store.blocks, context=context, builders=store.builders(_load_builders),
                        lexicons=words, units=units)
        ex.run()
        return ex
    got: Extraction = ctx.memo(("claims-extraction",), compute)
    return got


def _data(ctx: CheckContext, name: str) -> Any:
    """A claims data object of the registry (shipped words and the packs' additions); a context with no
    registry data of that name (a plug-in host's) reads the shipped file."""
    got = ctx.data(name)
    if not isinstance(got, dict):
        return got
    shipped: dict[str, Callable[[], Any]] = {"claims-scopes": load_scopes, "claims-lexicons": load_lexicons,
                                             "claims-units": shipped_units}
    return shipped[name]()


def claims_data(ctx: CheckContext) -> ClaimsData:
    """The registry's claims data (a fresh one for a context built by hand, with no registry)."""
    got = ctx.data("claims")
    return got if isinstance(got, ClaimsData) else ClaimsData()


def claims_of(ctx: CheckContext) -> list[Claim]:
    """The document's typed claims (order, age, quantity, advice, proposition, stance)."""
    return extraction(ctx).claims


def _plain(value: Any) -> Any:
    """A claim field as JSON data (enums by value, sets sorted, dataclasses as dicts)."""
    if isinstance(value, Enum):
        return value.value
    if is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in fields(value)}
    if isinstance(value, (frozenset, set)):
        return sorted(_plain(v) for v in value)
    if isinstance(value, (tuple, list)):
        return [_plain(v) for v in value]
    if isinstance(value, float) and value == float("inf"):
        return None
    return value


def claim_dict(c: Claim) -> dict[str, Any]:
    """A typed claim as a dict (for --explain-claims and the JSON metrics)."""
    out: dict[str, Any] = _plain(c)
    return out
