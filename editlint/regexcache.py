"""Compiled regular expressions kept between runs, as Python keeps compiled modules in ``__pycache__``.

A cold one-article run compiles about 700 regular expressions (the rule packs' lexicon alternations and
disclaimer wordings, spaCy's tokenizer affixes, ftfy's mojibake classes): about a seventh of its CPU, all
in ``re``'s pure-Python parser and code generator, for the same patterns every run. :func:`install` makes
``re`` keep what its compiler produced for each (pattern, flags) — the SRE code words, group count and
names, which ``re`` itself hands to ``_sre.compile`` — in the data cache (:mod:`editlint.datacache`),
and hand them to ``_sre.compile`` again in later runs. The pattern objects are the ones ``re`` builds
(``_sre`` checks the code it is given); only the parse and code generation are skipped.

The store is keyed by the exact Python build and ``_sre``'s magic number, so a Python upgrade starts
afresh; it is used only on the CPython layout checked in :func:`supported`, else ``re`` is left alone. It
is written once, at exit, when the run compiled something new, and bounded (:data:`MAX_PATTERNS`: what a
run used is kept first). Warnings the parser gives (a bad escape) are given only when a pattern is first
compiled. The command line installs it; a program importing editlint keeps ``re`` as it is unless it calls
:func:`install` itself.
"""

from __future__ import annotations

import atexit
import functools
import importlib
import sys
import threading
from collections.abc import Callable
from typing import Any

from . import datacache

__all__ = ["MAX_PATTERNS", "install", "installed", "supported", "uninstall"]

#: Patterns the store keeps (what the latest run used first, then the rest in the order they came).
MAX_PATTERNS = 4096
_KIND = "regex"

#: (pattern, flags) -> the arguments ``re`` gave ``_sre.compile`` after the pattern itself.
Args = tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]

_lock = threading.Lock()
_state: dict[str, Any] = {}


def supported() -> bool:
    """CPython with the ``re`` layout this module repeats (3.11–3.13: parse, ``_code``, ``_sre.compile``)."""
    if sys.implementation.name != "cpython" or not (3, 11) <= sys.version_info[:2] <= (3, 13):
        return False
    try:
        _sre, _compiler, _parser = _modules()
    except ImportError:
        return False
    return all(callable(f) for f in (getattr(_compiler, "compile", None), getattr(_compiler, "_code", None),
                                      getattr(_parser, "parse", None), getattr(_sre, "compile", None)))


@functools.lru_cache(maxsize=1)
def _modules() -> tuple[Any, Any, Any]:
    """``_sre``, ``re._compiler`` and ``re._parser`` (private modules, reached by name)."""
    sre, compiler, parser = (importlib.import_module(n) for n in ("_sre", "re._compiler", "re._parser"))
    return sre, compiler, parser


def installed() -> bool:
    return bool(_state)


def _store_key() -> list[bytes | str]:
    """The Python build and ``_sre``'s code version, and this module's source (what makes the entries)."""
    _sre = _modules()[0]
    try:
        with open(__file__, "rb") as source:
            this = source.read()
    except OSError:  # byte code only
        this = b""
    return [sys.version, str(_sre.MAGIC), str(getattr(_sre, "CODESIZE", "")), this]


def _valid(value: Any) -> bool:
    return isinstance(value, dict)


def install() -> bool:
    """Make ``re`` reuse compiled code from earlier runs, from now on in this process (idempotent).
    False when this Python's ``re`` is not the supported layout or the data cache is off."""
    with _lock:
        if _state:
            return True
        if not supported() or datacache.folder() is None:
            return False
        _compiler = _modules()[1]

        known: dict[tuple[str | bytes, int], Args] = datacache.load(_KIND, _store_key(), _valid) or {}
        original = _compiler.compile
        _state.update(original=original, known=known, used=set(), new=0)
        _compiler.compile = _compile
        atexit.register(_save)
        return True


def uninstall() -> None:
    """Give ``re`` its own compiler back (and write what was new)."""
    with _lock:
        if not _state:
            return
        _modules()[1].compile = _state["original"]
        atexit.unregister(_save)
    _save()
    with _lock:
        _state.clear()


def _compile(p: Any, flags: int = 0) -> Any:
    """``re._compiler.compile``: the kept code for a known (pattern, flags), else compiled as ``re`` does
    and kept. Parsed patterns, and debugging output, go to ``re``'s own compiler."""
    _sre, _compiler, _ = _modules()
    state = _state
    original: Callable[[Any, int], Any] = state["original"]
    if type(p) not in (str, bytes) or flags & _compiler.SRE_FLAG_DEBUG:  # marshal keeps exact types only
        return original(p, flags)
    flags = int(flags)
    key = (p, flags)
    args = state["known"].get(key)
    if args is not None:
        try:
            compiled = _sre.compile(p, *args)
        except (TypeError, ValueError, RuntimeError):  # a damaged entry: compiled afresh below
            pass
        else:
            state["used"].add(key)
            return compiled
    if len(state["known"]) >= 2 * MAX_PATTERNS:  # a long-lived process (the editor server): memory stays
        return original(p, flags)  # bounded, and the store has more than it keeps anyway
    args = _compile_args(p, flags)
    compiled = _sre.compile(p, *args)
    with _lock:
        state["known"][key] = args
        state["used"].add(key)
        state["new"] += 1
    return compiled


def _compile_args(pattern: str | bytes, flags: int) -> Args:
    """What ``re._compiler.compile`` passes to ``_sre.compile`` after the pattern (the same steps)."""
    _, _compiler, _parser = _modules()
    p = _parser.parse(pattern, flags)
    code = [int(word) for word in _compiler._code(p, flags)]  # opcodes are int subclasses: plain ints
    groupindex = p.state.groupdict
    indexgroup: list[str | None] = [None] * p.state.groups
    for name, i in groupindex.items():
        indexgroup[i] = name
    return flags | p.state.flags, code, p.state.groups - 1, dict(groupindex), tuple(indexgroup)


def _save() -> None:
    """Write the store if this run compiled something new (at exit, or when uninstalled)."""
    with _lock:
        if not _state or not _state["new"]:
            return
        known: dict[tuple[str | bytes, int], Args] = _state["known"]
        used = _state["used"]
        if len(known) > MAX_PATTERNS:
            rest = [k for k in known if k not in used]
            keep = [k for k in known if k in used][:MAX_PATTERNS]
            keep += rest[:MAX_PATTERNS - len(keep)]
            known = {k: known[k] for k in keep}
        _state["new"] = 0
    datacache.store(_KIND, _store_key(), known)
