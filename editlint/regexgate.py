"""Literal gates for regular expressions: skip a search that cannot match, by a substring test.

Python's ``re`` finds no literal prefix in a case-insensitive pattern, nor in one that opens with ``\\b``
or a look-behind (``(?<!\\w)fever``), so such a pattern is tried at every position of every sentence;
the lexicons run hundreds of them per sentence. Most cannot match a given sentence at all: each needs
some word ("fever", "worry", "leave a comment") that the sentence does not contain. A :class:`Gate` holds
the literals one of which every match of its pattern must contain, read from the pattern's own parse
(``re``'s parser); testing them with ``in`` on the lower-cased text costs a fraction of the search. The
gate only says when the pattern *cannot* match, so searching only where it is open finds the same matches
(tested against the patterns themselves with random patterns and texts).

Case: gates keep ASCII literals only, lower-cased, and test them on ``text.lower()``. Case-insensitive
``re`` equates an ASCII letter with four other characters (dotless ``ı``, ``İ``, long ``ſ``, the Kelvin
sign), which lower-casing does not map back; a text holding one of them opens every gate (:func:`fold`).
"""

from __future__ import annotations

import functools
import importlib
import re
import sys
from collections.abc import Iterable
from typing import Any

from . import datacache


def _re_parser() -> tuple[Any, Any]:
    """The parser ``re`` itself uses, and its constants (``re._parser`` since Python 3.11)."""
    try:
        return importlib.import_module("re._parser"), importlib.import_module("re._constants")
    except ImportError:  # pragma: no cover - Python 3.10
        return importlib.import_module("sre_parse"), importlib.import_module("sre_constants")


_p, _c = _re_parser()

#: Characters outside ASCII that case-insensitive ``re`` matches with an ASCII letter (tested against ``re``).
UNSAFE = frozenset("ıİſ\u212a")
_UNSAFE_RE = re.compile("[" + "".join(sorted(UNSAFE)) + "]")
_REPEATS = tuple(getattr(_c, name) for name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT")
                 if hasattr(_c, name))
_ATOMIC = getattr(_c, "ATOMIC_GROUP", None)

Literals = frozenset[str]


def fold(text: str) -> str | None:
    """``text`` as gates test it (lower-cased), or None when it holds a character that case-insensitive
    ``re`` equates with an ASCII letter (then no gate may close)."""
    if not text.isascii() and _UNSAFE_RE.search(text):
        return None
    return text.lower()


class Gate:
    """A pattern and the literals (lower-case ASCII) one of which each of its matches contains; no
    literals (None): the gate is always open."""

    __slots__ = ("_any", "literals", "non_ascii", "pattern")

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        #: the literals, and whether every match holds a character outside ASCII (ftfy's mojibake pattern:
        #: ASCII text cannot match); read from the pattern's parse, kept between runs (:data:`ANALYSES`)
        self.literals, self.non_ascii = ANALYSES.get((pattern.pattern, pattern.flags),
                                                     functools.partial(analyse, pattern))
        #: the literals shortest first (a short one is the likelier to be found, ending the test early)
        self._any = None if self.literals is None else tuple(sorted(self.literals, key=lambda x: (len(x), x)))

    def open(self, folded: str | None) -> bool:
        """False only if the pattern cannot match the text that :func:`fold` made ``folded``."""
        if folded is None:
            return True
        if self.non_ascii and folded.isascii():
            return False
        if self._any is None:
            return True
        for lit in self._any:  # a loop, not any(): this runs hundreds of times a sentence
            if lit in folded:
                return True
        return False

    def finditer(self, text: str, folded: str | None) -> Iterable[re.Match[str]]:
        """``pattern.finditer(text)``, skipped when the gate is closed."""
        return self.pattern.finditer(text) if self.open(folded) else ()

    def search(self, text: str, folded: str | None) -> re.Match[str] | None:
        """``pattern.search(text)``, skipped when the gate is closed."""
        return self.pattern.search(text) if self.open(folded) else None


def analyse(pattern: re.Pattern[str]) -> tuple[Literals | None, bool]:
    """:func:`required_literals` and :func:`needs_non_ascii` of a pattern (two parses)."""
    return required_literals(pattern), needs_non_ascii(pattern)


def _analysis_inputs() -> list[bytes | str]:
    """What a pattern's analysis depends on besides the pattern: ``re``'s parser and this module's code."""
    try:
        with open(__file__, "rb") as source:
            return [sys.version, source.read()]
    except OSError:  # byte code only
        return [sys.version, "no source"]


#: Each (pattern, flags)'s :func:`analyse`, kept between runs (a cold run parses about 170 patterns twice).
ANALYSES = datacache.Memo("regex-gates", _analysis_inputs)


@functools.lru_cache(maxsize=4096)
def gate(pattern: re.Pattern[str]) -> Gate:
    """The gate of a compiled pattern (kept per pattern: a check may compile its patterns per document,
    and ``re`` hands back the same object for the same pattern)."""
    return Gate(pattern)


def required_literals(pattern: re.Pattern[str]) -> Literals | None:
    """Lower-case ASCII strings one of which every match of ``pattern`` contains, or None when the
    pattern's parse gives no such set (or cannot be read)."""
    parsed = _parse(pattern)
    return None if parsed is None else _needed(parsed)


def _parse(pattern: re.Pattern[str]) -> list[Any] | None:
    """``re``'s own parse of a text pattern, or None when it cannot be read (an unreadable parse only
    means no gate)."""
    if not isinstance(pattern.pattern, str) or pattern.flags & re.LOCALE:
        return None
    try:
        return list(_p.parse(pattern.pattern, pattern.flags))
    except Exception:
        return None


def _better(a: Literals | None, b: Literals | None) -> Literals | None:
    """The more selective of two literal sets: the longer shortest literal, then the fewer literals."""
    if not a:
        return b or None
    if not b:
        return a
    ka, kb = (min(map(len, a)), -len(a)), (min(map(len, b)), -len(b))
    return a if ka >= kb else b


#: Most strings a run of literals and small classes ("m[gl]", re's factoring of "mg|ml") expands to.
MAX_RUN_STRINGS = 64


def _chars(op: Any, av: Any) -> list[str] | None:
    """The ASCII characters a literal or a class of literals matches (None: anything else)."""
    if op is _c.LITERAL:
        return [chr(av)] if av < 128 else None
    if op is _c.IN and av and all(o is _c.LITERAL and a < 128 for o, a in av):
        return [chr(a) for _, a in av]
    return None


def _needed(items: list[tuple[Any, Any]]) -> Literals | None:
    """The best literal set of a sequence: every item of it must match, so any one item's set will do,
    and so will each run of literal characters (and small classes of them: one string per choice)."""
    best: Literals | None = None
    run: set[str] = set()
    for op, av in items:
        chars = _chars(op, av)
        if chars is not None and len(run or {""}) * len(chars) <= MAX_RUN_STRINGS:
            run = {s + c.lower() for s in (run or {""}) for c in chars}
            continue
        best = _better(best, frozenset(run))
        run = set(chars) if chars is not None and len(chars) <= MAX_RUN_STRINGS else set()
        if chars is None:
            best = _better(best, _item(op, av))
    return _better(best, frozenset({s.lower() for s in run}))


def _item(op: Any, av: Any) -> Literals | None:
    """The literal set of one parsed item that is not a plain literal (None: nothing it must contain)."""
    if op is _c.SUBPATTERN:
        return _needed(list(av[-1]))
    if op is _c.BRANCH:
        alternatives = [_needed(list(alt)) for alt in av[1]]
        if not alternatives or any(not alt for alt in alternatives):
            return None
        return frozenset().union(*alternatives)  # type: ignore[arg-type]
    if op in _REPEATS:
        low, _, sub = av
        return _needed(list(sub)) if low >= 1 else None
    if _ATOMIC is not None and op is _ATOMIC:
        return _needed(list(av))
    return None


def needs_non_ascii(pattern: re.Pattern[str]) -> bool:
    """Whether every match of ``pattern`` holds a character outside ASCII (False when unsure)."""
    parsed = _parse(pattern)
    if parsed is None:
        return False
    # case-insensitively a few characters outside ASCII match ASCII letters: those never count
    caseless = bool(pattern.flags & re.IGNORECASE) or "(?" in pattern.pattern
    return _wide(parsed, caseless)


def _wide(items: list[tuple[Any, Any]], caseless: bool) -> bool:
    """Some item of the sequence matches only characters outside ASCII."""
    return any(_wide_item(op, av, caseless) for op, av in items)


def _wide_char(code: int, caseless: bool) -> bool:
    return code >= 128 and not (caseless and chr(code) in UNSAFE)


def _wide_item(op: Any, av: Any, caseless: bool) -> bool:
    if op is _c.LITERAL:
        return _wide_char(av, caseless)
    if op is _c.IN:
        return bool(av) and all(_wide_member(o, a, caseless) for o, a in av)
    if op is _c.SUBPATTERN:
        return _wide(list(av[-1]), caseless)
    if op is _c.BRANCH:
        return bool(av[1]) and all(_wide(list(alt), caseless) for alt in av[1])
    if op in _REPEATS:
        return av[0] >= 1 and _wide(list(av[2]), caseless)
    return False


def _wide_member(op: Any, av: Any, caseless: bool) -> bool:
    """A member of a character class that holds only characters outside ASCII."""
    if op is _c.LITERAL:
        return _wide_char(av, caseless)
    if op is _c.RANGE:
        low, high = av
        return low >= 128 and not (caseless and any(low <= ord(u) <= high for u in UNSAFE))
    return False
