"""Findings and reports as typed data; ``to_dict()`` gives the objects of the JSON contract."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from .source import Source


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"error": 3, "warning": 2, "info": 1}[self.value]

    # Order by seriousness, not by the string ("error" < "warning" alphabetically): ERROR > WARNING > INFO.
    def __lt__(self, other: object) -> bool:
        return self.rank < other.rank if isinstance(other, Severity) else NotImplemented

    def __le__(self, other: object) -> bool:
        return self.rank <= other.rank if isinstance(other, Severity) else NotImplemented

    def __gt__(self, other: object) -> bool:
        return self.rank > other.rank if isinstance(other, Severity) else NotImplemented

    def __ge__(self, other: object) -> bool:
        return self.rank >= other.rank if isinstance(other, Severity) else NotImplemented

    def __str__(self) -> str:
        return self.value

    @classmethod
    def parse(cls, value: str) -> Severity:
        try:
            return cls(value.lower())
        except ValueError:
            raise ValueError(f"unknown severity {value!r} (expected error, warning or info)") from None


#: ``--fail-on`` thresholds: the minimum rank that fails the run (``never`` fails nothing).
FAIL_ON = {"error": 3, "warning": 2, "info": 1, "never": 99}


class Applicability(str, Enum):
    """Whether ``--fix`` may apply an edit unasked (``safe``) or only with ``--unsafe-fixes``.

    Safe means the edit cannot change what the article says: deleting one of two identical adjacent words,
    inserting the disclaimer the project configured. Everything that chooses a wording (a spelling or
    grammar correction, a plainer word, a US/UK respelling) is unsafe: the tool can be wrong about
    meaning, names and quotations. An edit that does not say is unsafe.
    """

    SAFE = "safe"
    UNSAFE = "unsafe"

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True)
class Edit:
    """Replace ``source.text[start:end]`` (offsets into the decoded, LF-normalised file) with ``text``."""

    start: int
    end: int
    text: str
    applicability: Applicability = Applicability.UNSAFE

    def to_dict(self, text: str | None = None) -> dict[str, Any]:
        """The edit for the JSON report; with the file's text, also its 1-based line and column span."""
        out: dict[str, Any] = {"start": self.start, "end": self.end, "content": self.text}
        if text is not None and 0 <= self.start <= self.end <= len(text):
            for key, off in (("", self.start), ("end_", self.end)):
                line_start = text.rfind("\n", 0, off) + 1
                out[f"{key}line"] = text.count("\n", 0, off) + 1
                out[f"{key}column"] = off - line_start + 1
        return out


@dataclass(frozen=True)
class Related:
    line: int
    column: int
    end_line: int
    end_column: int
    message: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"line": self.line, "column": self.column, "end_line": self.end_line,
                "end_column": self.end_column, "message": self.message}


@dataclass(frozen=True)
class Finding:
    rule: str
    name: str
    category: str
    severity: Severity
    message: str
    line: int
    column: int
    end_line: int
    end_column: int
    related: tuple[Related, ...] = ()
    suggestion: str | None = None
    fixes: tuple[Edit, ...] = ()
    fingerprint: str = ""
    data: Mapping[str, Any] = field(default_factory=dict)

    @property
    def applicability(self) -> Applicability:
        """The fix as a whole: safe only when every edit is (an empty fix counts as unsafe)."""
        safe = bool(self.fixes) and all(e.applicability is Applicability.SAFE for e in self.fixes)
        return Applicability.SAFE if safe else Applicability.UNSAFE

    def to_dict(self, text: str | None = None) -> dict[str, Any]:
        """The JSON contract's finding; ``text`` (the decoded, LF file text) adds line spans to fix edits."""
        out: dict[str, Any] = {
            "rule": self.rule, "name": self.name, "category": self.category,
            "severity": self.severity.value, "message": self.message,
            "line": self.line, "column": self.column, "end_line": self.end_line,
            "end_column": self.end_column, "related": [r.to_dict() for r in self.related],
        }
        if self.suggestion is not None:
            out["suggestion"] = self.suggestion
        if self.fingerprint:
            out["fingerprint"] = self.fingerprint
        if self.fixes:
            out["fixable"] = True
            out["fix"] = {"applicability": self.applicability.value,
                          "edits": [e.to_dict(text) for e in self.fixes]}
        if self.data:
            out["data"] = dict(self.data)
        return out

    def sort_key(self) -> tuple[int, int, str]:
        return (self.line, self.column, self.rule)


@dataclass(frozen=True)
class LintedSource:
    """What a report keeps of its article once checked: the source (for ``--fix`` and reporters), its
    title (the HTML report) and a line map. Never the blocks nor their spaCy parses, so a run's memory
    does not grow with its reports, and a report pickles (it crosses process boundaries with ``--jobs``).
    """

    source: Source
    title: str | None = None

    @classmethod
    def of(cls, document: Any) -> LintedSource:
        """The slim view of a :class:`~editlint.document.Document` (or of anything with a ``source``)."""
        title = getattr(document, "title", None)
        return cls(document.source, title if isinstance(title, str) else None)

    @property
    def path(self) -> str | None:
        return self.source.path

    @property
    def format(self) -> str:
        return self.source.format

    def line_col(self, source_offset: int) -> tuple[int, int]:
        """1-based (line, column) of an offset into the source text (computed on demand, not kept)."""
        text = self.source.text
        return text.count("\n", 0, source_offset) + 1, source_offset - text.rfind("\n", 0, source_offset)

    def offset_of_line(self, line: int) -> int:
        """Offset in the source text where 1-based ``line`` starts (the last line's start past the end)."""
        text, pos = self.source.text, 0
        for _ in range(max(line, 1) - 1):
            nl = text.find("\n", pos)
            if nl < 0:
                break
            pos = nl + 1
        return pos


@dataclass
class FileReport:
    """What editlint found in one article (or why it could not read it: ``error``).

    ``document`` is a :class:`LintedSource` (a :class:`~editlint.document.Document` only when the
    Linter was asked to keep documents), or None when the article could not be read.
    """

    path: str
    findings: list[Finding] = field(default_factory=list)
    metrics: dict[str, Any] = field(default_factory=dict)
    error: str | None = None
    diagnostics: list[str] = field(default_factory=list)  # non-fatal notes (e.g. a skipped backend)
    document: Any = field(default=None, repr=False, compare=False)  # a LintedSource, for reporters and fixes

    def to_dict(self) -> dict[str, Any]:
        source = getattr(self.document, "source", None)
        text = getattr(source, "text", None)
        text = text if isinstance(text, str) else None
        out: dict[str, Any] = {"path": self.path, "findings": [f.to_dict(text) for f in self.findings],
                               "metrics": self.metrics}
        if self.error is not None:
            out["error"] = self.error
        if self.diagnostics:
            out["diagnostics"] = list(self.diagnostics)
        return out

    def count(self, minimum: Severity = Severity.INFO) -> int:
        return sum(1 for f in self.findings if f.severity.rank >= minimum.rank)


@dataclass
class RunReport:
    """All files of one run, with the summary of the JSON contract."""

    files: list[FileReport] = field(default_factory=list)
    version: str = ""
    errors: list[str] = field(default_factory=list)  # run-level problems that make the run exit 2
    warnings: list[str] = field(default_factory=list)  # run-level notes (e.g. a folder with no articles)
    baseline: dict[str, Any] | None = None  # set by --baseline: {"path", "matched", "unmatched": [...]}

    @property
    def findings(self) -> list[Finding]:
        return [f for fr in self.files for f in fr.findings]

    @property
    def has_errors(self) -> bool:
        return bool(self.errors) or any(fr.error for fr in self.files)

    def summary(self) -> dict[str, Any]:
        by = {"error": 0, "warning": 0, "info": 0}
        for f in self.findings:
            by[f.severity.value] += 1
        return {"files": len(self.files), "findings": sum(by.values()), "by_severity": by}

    def to_dict(self, *, files: bool = True) -> dict[str, Any]:
        """The JSON contract's report; ``files=False`` leaves ``files`` empty (the summary still counts
        every file) for a writer that encodes the files one at a time."""
        out: dict[str, Any] = {"tool": {"name": "editlint", "version": self.version},
                               "files": [fr.to_dict() for fr in self.files] if files else [],
                               "summary": self.summary()}
        if self.errors:
            out["errors"] = list(self.errors)
        if self.baseline is not None:
            out["baseline"] = self.baseline
        return out

    def exit_code(self, fail_on: str = "error") -> int:
        """0 clean, 1 findings at or above ``fail_on``, 2 input/usage errors (which win)."""
        if self.has_errors:
            return 2
        threshold = FAIL_ON[fail_on]
        return 1 if any(f.severity.rank >= threshold for f in self.findings) else 0
