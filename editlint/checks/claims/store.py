"""What claim extraction keeps for a registry's lifetime (``ctx.data("claims")``), never in a module.

Constructions and ontologies are read once per configured set of files, lemma tables and concept
readers once per spaCy pipeline, and the claims of every block already read are kept by what they depend
on: the block's text, kind and sentence segments, the heading of its section (myth sections), the
paragraph that leads its list (negative lead-ins), the pipeline and the data read. A block met again, in
the same article after an edit elsewhere (an editor's re-lint) or in another one, is not read again; its
claims are moved to where the block now is. A builder that reads anything else of the document must
add it to :func:`block_key`.
"""

from __future__ import annotations

import dataclasses
from collections import OrderedDict
from collections.abc import Callable, Hashable
from pathlib import Path
from typing import Any

from ...document import Block, BlockKind, Document
from ...segment import block_segments
from .concepts import Concepts, Lemmas, read_lemmas
from .constructions import Constructions, load_constructions
from .model import Claim
from .ontology import Ontology, load_ontology

#: Blocks whose claims are kept (least recently used dropped first): a few hundred articles' worth (about
#: 1 kB a block; 20,000 grew a 1,000-article run's memory by several MB without a bound in sight).
BLOCKS_KEPT = 2_000


class BlockClaims:
    """Claims of blocks already read, by :func:`block_key`, kept as read with where their block was (a
    block read once is not shifted at all; one met again is shifted from there)."""

    def __init__(self, size: int = BLOCKS_KEPT) -> None:
        self.size = size
        self.entries: OrderedDict[Hashable, tuple[tuple[Claim, ...], int, int]] = OrderedDict()
        self.hits = self.misses = 0

    def claims(self, key: Hashable, block: Block, read: Callable[[], list[Claim]]) -> list[Claim]:
        """The block's claims, read only when no block with this key was read before."""
        got = self.entries.get(key)
        if got is not None:
            self.entries.move_to_end(key)
            self.hits += 1
            found, start, index = got
            if start == block.start and index == block.index and all(c.prov.block == index for c in found):
                return list(found)
            return [moved(c, block.start - start, block.index) for c in found]
        self.misses += 1
        read_now = read()
        self.entries[key] = (tuple(read_now), block.start, block.index)
        while len(self.entries) > self.size:
            self.entries.popitem(last=False)
        return read_now


def moved(c: Claim, by: int, block: int) -> Claim:
    """The claim with its provenance shifted by ``by`` characters and placed in block ``block``."""
    p = c.prov
    prov = dataclasses.replace(p, start=p.start + by, end=p.end + by, sent_start=p.sent_start + by,
                               sent_end=p.sent_end + by, block=block)
    return dataclasses.replace(c, prov=prov)


def lead_in(doc: Document, block: Block) -> Block | None:
    """The paragraph just before the list a list item belongs to (it may scope the whole list)."""
    if block.kind is not BlockKind.LIST_ITEM or block.list_id is None:
        return None
    i = block.index - 1
    while i >= 0 and doc.blocks[i].kind is BlockKind.LIST_ITEM and doc.blocks[i].list_id == block.list_id:
        i -= 1
    return doc.blocks[i] if i >= 0 and doc.blocks[i].kind is BlockKind.PARAGRAPH else None


def block_key(doc: Document, block: Block, *context: Hashable) -> Hashable:
    """Everything a block's claims depend on, with ``context`` (the data and pipeline read)."""
    heading = doc.blocks[block.section].text if block.section is not None else None
    lead = lead_in(doc, block)
    segments = tuple((s.start, s.end, s.label) for s in block_segments(doc, block))
    return (*context, block.kind, block.text, segments, heading, lead.text if lead else None,
            block.list_id is None)


class ClaimsData:
    """Claim extraction's data for one registry: built once by the registry (``ctx.data("claims")``)."""

    def __init__(self) -> None:
        self._constructions: dict[tuple[Path, ...], Constructions] = {}
        self._ontologies: dict[tuple[Path, ...], Ontology] = {}
        self._lemmas: dict[str, Lemmas] = {}
        self._concepts: dict[tuple[int, str], tuple[Ontology, Concepts]] = {}
        self._builders: dict[str, Any] | None = None
        self.blocks = BlockClaims()

    def builders(self, load: Callable[[], dict[str, Any]]) -> dict[str, Any]:
        """The builder of each claim kind (``load`` scans the builder modules once per registry)."""
        if self._builders is None:
            self._builders = load()
        return dict(self._builders)

    def constructions(self, paths: tuple[Path, ...]) -> Constructions:
        got = self._constructions.get(paths)
        if got is None:
            got = self._constructions[paths] = load_constructions(paths)
        return got

    def ontology(self, paths: tuple[Path, ...]) -> Ontology:
        got = self._ontologies.get(paths)
        if got is None:
            got = self._ontologies[paths] = load_ontology(paths)
        return got

    def concepts(self, ontology: Ontology, model: str) -> Concepts:
        """The concept reader for an ontology and pipeline (the ontology kept alive with it)."""
        got = self._concepts.get((id(ontology), model))
        if got is None or got[0] is not ontology:
            lemmas = self._lemmas.get(model)
            if lemmas is None:
                lemmas = self._lemmas[model] = read_lemmas(model)
            got = self._concepts[(id(ontology), model)] = (ontology, Concepts(ontology, lemmas))
        return got[1]


def build_claims_data(value: Any, source: Any) -> ClaimsData:
    """The ``claims`` data object (declared in ``claims_checks``; nothing shipped to validate)."""
    return ClaimsData()
