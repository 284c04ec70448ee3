"""The engine's context for one rule on one document: implements the check API's ``CheckContext``.

It lives in the engine layer (it reaches the configuration, the registry's data and the readers); check
modules see it only through the protocols :class:`editlint.api.CheckContext` (third-party checks) and
:class:`editlint.checks.base.CheckContext` (built-in checks: the same plus ``config``, ``rule`` and
``read``).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

from .api import Hit, Span
from .document import TEXT_KINDS, Block, BlockKind, Document
from .readers import read
from .source import Source

if TYPE_CHECKING:
    from .config import Config
    from .rules import Rule

__all__ = ["CheckContext"]

T = TypeVar("T")


class CheckContext:
    """The engine's context for one rule on one document (implements ``editlint.api.CheckContext``).

    ``data`` loads a named data file for the rule's registry; ``scope`` is the block kinds the rule
    runs on (default: every kind but code).
    """

    def __init__(self, doc: Document, rule: Rule | None, options: Mapping[str, Any], config: Config,
                 nlp: Any = None, *, data: Callable[[str], Any] | None = None,
                 scope: frozenset[BlockKind] | None = None) -> None:
        self.doc = doc
        self.rule = rule
        self.options = options
        self.config = config
        self._nlp = nlp  # editlint.nlp.Annotations or None
        self._data = data
        self._scope = TEXT_KINDS if scope is None else scope

    def data(self, name: str) -> Any:
        """A named data file with the configured packs' extensions (see ``Registry.data``)."""
        if self._data is None:
            from .rules import Registry  # a hand-built context: the shipped data only

            return Registry.default().data(name)
        return self._data(name)

    def section(self, name: str) -> Mapping[str, Any]:
        return self.config.section(name)

    def blocks(self) -> Sequence[Block]:
        """The document's blocks whose kind is in the rule's scope."""
        return [b for b in self.doc.blocks if b.kind in self._scope]

    def hit_in(self, block: Block, start: int, end: int, message: str, **fields: Any) -> Hit:
        return Hit(start, end, message, block=block, **fields)

    def spacy(self, block: Block) -> Any:
        """The spaCy ``Doc`` of a block (characters offset by ``block.start``)."""
        if self._nlp is None:
            raise RuntimeError("this check did not declare the NLP it needs (needs=...)")
        return self._nlp.doc_for(self.doc, block)

    def sentences(self, block: Block) -> list[Span]:
        """The block's sentences as absolute spans: :mod:`editlint.segment`'s, the ones every family and
        the spaCy pipeline use (no model needed; cached per document)."""
        from .segment import block_sentences

        return [Span(s, e) for s, e in block_sentences(self.doc, block)]

    def memo(self, key: Hashable, compute: Callable[[], T]) -> T:
        """Share one analysis between the rules of a family (e.g. extracted claims) per document."""
        if key not in self.doc.cache:
            self.doc.cache[key] = compute()
        result: T = self.doc.cache[key]
        return result

    def option(self, name: str) -> Any:
        return self.options[name]

    def read(self, source: Source) -> Document:
        """``source`` read as the engine reads articles (its format's reader): a check that must see how
        a text it inserts will read back (EL401's disclaimer) asks here, never imports the readers."""
        return read(source)
