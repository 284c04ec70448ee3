"""Results a long-lived Linter keeps across lints of the same article (the language server's re-lints).

Much of what a check computes depends on one block or one sentence alone (the words EL501 doubts, whether a
sentence is a disclaimer, the evidence of health advice in it). A :class:`BlockCache`, owned by one
Linter, keeps those results keyed by the block's (or sentence's) text and by everything else that shaped
them, so a re-lint after an edit computes them again for the changed blocks only and the findings stay
those of a full lint. The engine makes a Linter's cache the active one while it checks a file
(:func:`using`); check code asks :func:`reuse`, which simply computes when no cache is active (a plain
``editlint check``: nothing is kept, nothing grows).

A key must hold every input of ``compute``: the text, the settings, and the data objects used (by
identity: :class:`Identity`). Values must be immutable (tuples, frozen dataclasses), as every lint
shares them.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from .document import Block, Document

T = TypeVar("T")

#: Entries a cache keeps (least recently used dropped first): a few hundred articles' blocks and sentences.
DEFAULT_SIZE = 50_000

_ACTIVE: ContextVar[BlockCache | None] = ContextVar("editlint_block_cache", default=None)


class BlockCache:
    """A bounded LRU map from a key (a block's text and the settings that shaped a result) to the result."""

    def __init__(self, size: int = DEFAULT_SIZE) -> None:
        self.size = size
        self.hits = 0
        self.misses = 0
        self._items: OrderedDict[Hashable, Any] = OrderedDict()
        self._idents: dict[int, Identity] = {}  # one Identity per object (see ident)

    def __len__(self) -> int:
        return len(self._items)

    def get(self, key: Hashable, compute: Callable[[], T]) -> T:
        """The kept result for ``key``, else ``compute()`` kept for the next lint."""
        items = self._items
        if key in items:
            items.move_to_end(key)
            self.hits += 1
            found: T = items[key]
            return found
        self.misses += 1
        value = compute()
        items[key] = value
        if len(items) > self.size:
            items.popitem(last=False)
        return value

    def clear(self) -> None:
        self._items.clear()
        self._idents.clear()


class Identity(int):
    """An object as a key part by identity (a registry's data object: large, or unhashable by value): its
    id, an int (hashed and compared in C, as keys are on every lookup), holding the object, so the id
    cannot be reused by another object while a key with it lives."""

    obj: object

    def __new__(cls, obj: object) -> Identity:
        self = super().__new__(cls, id(obj))
        self.obj = obj
        return self


@contextmanager
def using(cache: BlockCache | None) -> Iterator[None]:
    """Make ``cache`` the one :func:`reuse` keeps results in (None: keep nothing) while a file is checked."""
    token = _ACTIVE.set(cache)
    try:
        yield
    finally:
        _ACTIVE.reset(token)


def reuse(key: Hashable, compute: Callable[[], T]) -> T:
    """``compute()``, or the result the active cache kept for ``key`` from an earlier lint."""
    cache = _ACTIVE.get()
    if cache is None:
        return compute()
    items = cache._items  # BlockCache.get inlined: hundreds of calls a lint
    if key in items:
        items.move_to_end(key)
        cache.hits += 1
        found: T = items[key]
        return found
    return cache.get(key, compute)


def in_block(spans: Iterable[tuple[int, int]], block: Block) -> tuple[tuple[int, int], ...]:
    """The absolute spans that touch a block, clipped to it, in its offsets, sorted (a key part: what a
    block's result depends on besides its text)."""
    s, e = block.start, block.end
    return tuple(sorted((max(a, s) - s, min(b, e) - s) for a, b in spans if a < e and b > s))


def skip_key(doc: Document, block: Block) -> tuple[tuple[int, int], ...]:
    """The document's skip spans (inline code, URLs) in a block, in its offsets."""
    return in_block(doc.skip_spans_near(block.start, block.end), block)


def ident(obj: object) -> Hashable:
    """``obj`` as a key part by identity, one :class:`Identity` per object for the active cache (made
    once, not at every lookup); without an active cache nothing is kept and any key part will do."""
    cache = _ACTIVE.get()
    if cache is None:
        return 0
    found = cache._idents.get(id(obj))
    if found is None or found.obj is not obj:
        found = cache._idents[id(obj)] = Identity(obj)
    return found


def active() -> bool:
    """Whether results are being kept (a caller may skip building a key when not)."""
    return _ACTIVE.get() is not None
