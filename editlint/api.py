"""The plug-in API: everything a check type needs, and nothing of the engine, registry or configuration.

A check type is a function ``(ctx: CheckContext) -> Iterable[Hit | Metric | Diagnostic]`` declared with
:func:`check_type`. Third-party check types import only this module (and register a module through the
``editlint.checks`` entry-point group); rule packs then pick the type by name and fill in its options.

Spans: a :class:`Hit` (and each related :class:`Span`) is in offsets of ``Document.text``, or, when it
carries ``block=``, relative to that block's ``text``; the engine makes block-relative spans absolute,
checks that they fall inside the document, and maps them to lines and columns. ``ctx.hit_in(block, ...)``
is the short form. :class:`Edit` offsets are always into the decoded source file (``Source.text``).

This module is a leaf: it imports only the document model and the findings.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol, TypeVar

from .document import Block, BlockKind, Document
from .findings import Applicability, Edit, Severity

__all__ = [
    "NEEDS", "Applicability", "Block", "BlockKind", "CheckContext", "CheckFunc", "CheckType", "ConfigSection",
    "DataSchema", "DataSource", "Diagnostic", "Document", "Edit", "Hit", "Metric", "MetricProvider", "Option",
    "Result", "Severity", "Span", "check_type", "metric_provider",
]

#: NLP levels a check can ask for. ``sentences`` needs no model (:mod:`editlint.segment`); ``parse``
#: needs the parser, ``lemma`` the lemmatizer.
NEEDS = frozenset({"sentences", "parse", "lemma", "ner"})

T = TypeVar("T")


class _Required:
    """The default of an option that must be given (one instance, :data:`REQUIRED`)."""

    def __repr__(self) -> str:
        return "REQUIRED"


REQUIRED: Any = _Required()


@dataclass(frozen=True)
class Option:
    """One option of a check type: its type(s), default and a line of help. Validated on load."""

    type: type | tuple[type, ...]
    default: Any = REQUIRED
    help: str = ""
    choices: tuple[Any, ...] = ()
    #: a configuration key (``SECTION.KEY``, e.g. ``disclaimer.text``) whose value the engine passes as this
    #: option when the rule's own configuration does not set it: one setting several rules read, while the
    #: check still reads only its options
    config: str = ""

    @property
    def required(self) -> bool:
        return self.default is REQUIRED


@dataclass(frozen=True)
class Span:
    """Another place taking part in a finding (``related`` in the report); block-relative with ``block``."""

    start: int
    end: int
    message: str = ""
    block: Block | None = None


@dataclass(frozen=True)
class Hit:
    """One finding as a check reports it: document offsets, or offsets into ``block.text``."""

    start: int
    end: int
    message: str
    related: tuple[Span, ...] = ()
    severity: Severity | None = None  # None: the rule's severity
    suggestion: str | None = None
    edits: tuple[Edit, ...] = ()
    key: str = ""  # stable text for the fingerprint (defaults to the flagged text)
    data: Mapping[str, Any] = field(default_factory=dict)
    block: Block | None = None  # set: start/end are relative to this block


@dataclass(frozen=True)
class Metric:
    """A figure for the report's ``metrics`` (e.g. ``flesch_reading_ease``)."""

    name: str
    value: Any


@dataclass(frozen=True)
class Diagnostic:
    """A note about the run, not the text (e.g. a backend was unreachable): printed to stderr.

    ``fatal`` makes it the file's error, so the run exits 2.
    """

    message: str
    fatal: bool = False


Result = Hit | Metric | Diagnostic


class CheckContext(Protocol):
    """What a check sees. The engine's context implements it; tests may hand-build one."""

    @property
    def doc(self) -> Document:
        """The article: text, blocks, headings."""

    @property
    def options(self) -> Mapping[str, Any]:
        """The rule's options, validated, with the configuration's overrides applied."""

    def data(self, name: str) -> Any:
        """A shipped data file (``rules/data/NAME.toml``) with the configured packs' extensions,
        validated against its schema when one is declared; loaded once per registry."""

    def section(self, name: str) -> Mapping[str, Any]:
        """A family's configuration table declared with :class:`ConfigSection` (``[tool.editlint.NAME]``)."""

    def blocks(self) -> Sequence[Block]:
        """The document's blocks of the kinds in the rule's ``scope``."""

    def sentences(self, block: Block) -> list[Span]:
        """The block's sentences as document spans (needs ``sentences``)."""

    def spacy(self, block: Block) -> Any:
        """The spaCy ``Doc`` of a block; its character offsets are relative to the block."""

    def memo(self, key: Hashable, compute: Callable[[], T]) -> T:
        """Share one analysis between the rules of a family, once per document."""

    def hit_in(self, block: Block, start: int, end: int, message: str, **fields: Any) -> Hit:
        """A :class:`Hit` at ``block.text[start:end]``; other :class:`Hit` fields as keywords."""


#: A check type's function. It may take any context type that implements :class:`CheckContext` (the
#: engine's own offers more to the built-in checks); third-party checks annotate ``ctx: CheckContext``.
Ctx = TypeVar("Ctx", bound=CheckContext)
CheckFunc = Callable[[Any], Iterable[Result]]


@dataclass(frozen=True)
class CheckType:
    """A kind of analysis that rules configure; found by the registry as a module attribute."""

    name: str
    func: CheckFunc
    needs: frozenset[str] = frozenset()
    options: Mapping[str, Option] = field(default_factory=dict)
    doc: str = ""
    #: which blocks' spaCy parse the check may read, as ``cue(ctx, block)`` (cheap: the block's kind and
    #: words); the engine parses those in batches and leaves the rest unparsed. A hint for speed only: a
    #: block read outside it is parsed on demand, so results never depend on it. None: every text block.
    cue: Callable[[Any, Block], bool] | None = None

    def __call__(self, ctx: CheckContext) -> Iterable[Result]:
        return self.func(ctx)


def check_type(name: str, *, needs: Iterable[str] = (), options: Mapping[str, Option] | None = None,
               cue: Callable[[Any, Block], bool] | None = None
               ) -> Callable[[Callable[[Ctx], Iterable[Result]]], CheckType]:
    """Declare a check type. Modules in ``editlint.checks`` and plug-in modules are scanned for these."""
    needs_set = frozenset(needs)
    unknown = needs_set - NEEDS
    if unknown:
        raise ValueError(f"check type {name!r}: unknown needs {sorted(unknown)}")

    def wrap(func: Callable[[Ctx], Iterable[Result]]) -> CheckType:
        return CheckType(name=name, func=func, needs=needs_set, options=dict(options or {}),
                         doc=(func.__doc__ or "").strip(), cue=cue)

    return wrap


MetricFunc = Callable[[Any], Iterable[Metric]]


@dataclass(frozen=True)
class MetricProvider:
    """Computes report metrics for a category; runs when any rule of that category is enabled."""

    name: str
    category: str
    func: MetricFunc
    needs: frozenset[str] = frozenset()
    #: a check type whose rule's options the engine passes as ``ctx.options`` (metrics that summarise
    #: what that rule finds, with the same settings); empty: no options
    options_of: str = ""


def metric_provider(name: str, *, category: str, needs: Iterable[str] = (), options_of: str = ""
                    ) -> Callable[[Callable[[Ctx], Iterable[Metric]]], MetricProvider]:
    """Declare a metric provider (scanned like check types)."""
    def wrap(func: Callable[[Ctx], Iterable[Metric]]) -> MetricProvider:
        return MetricProvider(name=name, category=category, func=func, needs=frozenset(needs),
                              options_of=options_of)

    return wrap


class DataSource(Protocol):
    """What a data object's ``build`` function may read: other data objects and files under the data root."""

    def data(self, name: str) -> Any:
        """Another data object (built once per registry, like ``ctx.data``)."""

    def read_text(self, relpath: str) -> str:
        """A file under the data root (``rules/data/RELPATH``), e.g. a generated word list."""

    def rules_path(self, relpath: str) -> Path:
        """A path under the shipped rules directory (``rules/RELPATH``), e.g. a folder of data files."""


@dataclass(frozen=True)
class DataSchema:
    """Declares the schema of data file NAME (``rules/data/NAME.toml`` plus packs' ``[data.NAME]``).

    ``model`` is a pydantic model class (``editlint.datafile.DataModel``); ``ctx.data(NAME)`` then returns
    a validated instance, and a bad key in a pack is an error naming the pack file, key path and line.
    A plug-in may declare data that nothing ships: it starts from the model's defaults.
    ``build(value, source)`` turns the validated value into the object ``ctx.data(NAME)`` returns (a word
    index, compiled patterns, a speller with its memo caches): built once per registry, so caches live on
    that object and never in a module. With ``model=None`` and no file, ``value`` is ``{}``.
    """

    name: str
    model: type[Any] | None = None
    build: Callable[[Any, DataSource], Any] | None = None
    #: the shipped file under the rules directory when it is not ``data/NAME.toml`` (``claims/units.toml``)
    file: str | None = None


@dataclass(frozen=True)
class ConfigSection:
    """A table of the configuration owned by a family (e.g. ``[tool.editlint.grammar]``)."""

    name: str
    options: Mapping[str, Option]
    help: str = ""
