"""The check-type API: what a check receives (:class:`CheckContext`) and what it yields (:class:`Hit`).

A check type is a pure function ``(ctx) -> Iterable[Hit | Metric]`` declared with :func:`check_type`.
It reports spans as offsets into ``Document.text`` (``block.start + i`` for a block-relative index);
the engine turns them into file lines and columns, applies severity, selection and suppressions.
Rule packs in ``rules/`` pick a check type by name and fill in its options.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..document import Block, Document
from ..findings import Edit, Severity

if TYPE_CHECKING:
    from ..config import Config
    from ..rules import Rule

#: NLP levels a check can ask for. ``sentences`` and ``parse`` need the parser, ``lemma`` the lemmatizer.
NEEDS = frozenset({"sentences", "parse", "lemma", "ner"})

_REQUIRED = object()


@dataclass(frozen=True)
class Option:
    """One option of a check type: its type(s), default and a line of help. Validated on load."""

    type: type | tuple[type, ...]
    default: Any = _REQUIRED
    help: str = ""
    choices: tuple[Any, ...] = ()

    @property
    def required(self) -> bool:
        return self.default is _REQUIRED


@dataclass(frozen=True)
class Span:
    """Another place taking part in a finding (``related`` in the report)."""

    start: int
    end: int
    message: str = ""


@dataclass(frozen=True)
class Hit:
    """One finding as a check reports it, in extracted-text offsets."""

    start: int
    end: int
    message: str
    related: tuple[Span, ...] = ()
    severity: Severity | None = None  # None: the rule's severity
    suggestion: str | None = None
    edits: tuple[Edit, ...] = ()
    key: str = ""  # stable text for the fingerprint (defaults to the flagged text)
    data: Mapping[str, Any] = field(default_factory=dict)


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
CheckFunc = Callable[["CheckContext"], Iterable[Result]]


@dataclass(frozen=True)
class CheckType:
    name: str
    func: CheckFunc
    needs: frozenset[str] = frozenset()
    options: Mapping[str, Option] = field(default_factory=dict)
    doc: str = ""

    def __call__(self, ctx: CheckContext) -> Iterable[Result]:
        return self.func(ctx)


def check_type(name: str, *, needs: Iterable[str] = (), options: Mapping[str, Option] | None = None
               ) -> Callable[[CheckFunc], CheckType]:
    """Declare a check type. Modules in ``editlint.checks`` are scanned for these objects."""
    needs_set = frozenset(needs)
    unknown = needs_set - NEEDS
    if unknown:
        raise ValueError(f"check type {name!r}: unknown needs {sorted(unknown)}")

    def wrap(func: CheckFunc) -> CheckType:
        return CheckType(name=name, func=func, needs=needs_set, options=dict(options or {}),
                         doc=(func.__doc__ or "").strip())

    return wrap


@dataclass(frozen=True)
class MetricProvider:
    """Computes report metrics for a category; runs when any rule of that category is enabled."""

    name: str
    category: str
    func: Callable[[CheckContext], Iterable[Metric]]
    needs: frozenset[str] = frozenset()


def metric_provider(name: str, *, category: str, needs: Iterable[str] = ()
                    ) -> Callable[[Callable[[CheckContext], Iterable[Metric]]], MetricProvider]:
    def wrap(func: Callable[[CheckContext], Iterable[Metric]]) -> MetricProvider:
        return MetricProvider(name=name, category=category, func=func, needs=frozenset(needs))

    return wrap


@dataclass(frozen=True)
class ConfigSection:
    """A table of the configuration owned by a family (e.g. ``[tool.editlint.grammar]``)."""

    name: str
    options: Mapping[str, Option]
    help: str = ""


class CheckContext:
    """What a check sees: the document, its rule and options, the configuration, and NLP annotations."""

    def __init__(self, doc: Document, rule: Rule | None, options: Mapping[str, Any], config: Config,
                 nlp: Any = None) -> None:
        self.doc = doc
        self.rule = rule
        self.options = options
        self.config = config
        self._nlp = nlp  # editlint.nlp.Annotations or None

    def spacy(self, block: Block) -> Any:
        """The spaCy ``Doc`` of a block (characters offset by ``block.start``)."""
        if self._nlp is None:
            raise RuntimeError("this check did not declare the NLP it needs (needs=...)")
        return self._nlp.doc_for(self.doc, block)

    def sentences(self, block: Block) -> list[Span]:
        """The block's sentences as absolute spans, with spaCy's boundaries (cached per document)."""
        key = ("sentences", block.index)
        cached = self.doc.cache.get(key)
        if cached is None:
            sdoc = self.spacy(block)
            cached = []
            for s in sdoc.sents:
                text = s.text
                if not text.strip():
                    continue
                lead = len(text) - len(text.lstrip())
                trail = len(text.rstrip())
                cached.append(Span(block.start + s.start_char + lead, block.start + s.start_char + trail))
            self.doc.cache[key] = cached
        return list(cached)

    def memo(self, key: Any, compute: Callable[[], Any]) -> Any:
        """Share one analysis between the rules of a family (e.g. extracted claims) per document."""
        if key not in self.doc.cache:
            self.doc.cache[key] = compute()
        return self.doc.cache[key]

    def option(self, name: str) -> Any:
        return self.options[name]
