"""Derived data kept between runs: what editlint computes from data files, not from articles.

A cold run parses the same TOML packs, reads pyspellchecker's dictionary from JSON and parses the
hyphenation patterns every time (pure Python: about a tenth of a one-article run). Like Python's own
``__pycache__``, the result is kept as ``marshal`` bytes under a key made of everything it is computed
from (the input's bytes, the source file of the code that builds it, editlint's version, the Python version
and a format number), so a changed pack, an edited builder or an upgraded package is a new key and can
never be answered with stale data.

The folder is ``$EDITLINT_DATA_CACHE``, else ``$XDG_CACHE_HOME/editlint/data`` (``~/.cache/editlint/data``);
``EDITLINT_DATA_CACHE=off`` turns it off. It is not the run cache (``--no-cache`` is about reports and
leaves it on). Each entry carries a SHA-256 of its bytes, checked before they are read; an entry that is
missing, damaged or of the wrong shape is rebuilt, and a folder that cannot be written is ignored: the cache
never changes a result and never fails a run. Each kind keeps at most :data:`MAX_ENTRIES` entries.
"""

from __future__ import annotations

import atexit
import functools
import hashlib
import marshal
import os
import sys
import tempfile
import threading
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any, TypeVar

from ._version import __version__

__all__ = ["ENV", "MAX_ENTRIES", "Memo", "cached", "folder", "key", "load", "store"]

#: The environment variable naming the folder (or ``off``).
ENV = "EDITLINT_DATA_CACHE"
#: Bumped when an entry's layout changes.
FORMAT = 1
#: Entries kept per kind; the oldest go first when a new one is written.
MAX_ENTRIES = 256
_MAGIC = b"ELDC\x00\x01\r\n"
_DIGEST = 32
_OFF = frozenset({"0", "off", "no", "false", "none"})

T = TypeVar("T")


def folder() -> Path | None:
    """Where entries live, or None when the cache is turned off."""
    value = os.environ.get(ENV, "").strip()
    if value.lower() in _OFF:
        return None
    if value:
        return Path(value)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "editlint" / "data"


def key(kind: str, inputs: Iterable[bytes | str]) -> str:
    """The entry name for ``kind`` computed from ``inputs`` (each one length-prefixed, so no two lists of
    inputs share a key)."""
    h = hashlib.sha256(f"{FORMAT} {__version__} {sys.version_info[:3]} {marshal.version} {kind}".encode())
    for part in inputs:
        data = part.encode("utf-8", "surrogatepass") if isinstance(part, str) else part
        h.update(len(data).to_bytes(8, "little"))
        h.update(data)
    return h.hexdigest()


def cached(kind: str, inputs: Iterable[bytes | str], build: Callable[[], T],
           valid: Callable[[Any], bool]) -> T:
    """``build()``, or what it returned before for the same ``inputs``: plain data only (dicts, lists,
    tuples, sets, strings, numbers); ``valid`` tells a readable entry of the right shape."""
    where = folder()
    if where is None:
        return build()
    path = where / kind / f"{key(kind, [_code_digest(build), *inputs])}.bin"
    found = _read(path)
    if found is not None and valid(found[0]):
        value: T = found[0]
        return value
    value = build()
    _write(path, value)
    return value


def _code_digest(build: Callable[[], Any]) -> str:
    """A digest of the source file that defines ``build`` (through a ``functools.partial``): an edited
    builder in a checkout, whose version has not changed, is a new key too."""
    func = getattr(build, "func", build)
    module = sys.modules.get(getattr(func, "__module__", None) or "")
    return _file_digest(getattr(module, "__file__", None) or "")


@functools.lru_cache(maxsize=64)
def _file_digest(path: str) -> str:
    try:
        return hashlib.sha256(Path(path).read_bytes()).hexdigest() if path else ""
    except OSError:
        return ""


def load(kind: str, inputs: Iterable[bytes | str], valid: Callable[[Any], bool]) -> Any:
    """The entry :func:`store` kept for ``inputs``, or None (none, damaged, not ``valid``, cache off)."""
    where = folder()
    found = None if where is None else _read(where / kind / f"{key(kind, inputs)}.bin")
    return found[0] if found is not None and valid(found[0]) else None


def store(kind: str, inputs: Iterable[bytes | str], value: Any) -> None:
    """Keep ``value`` as the entry for ``inputs`` (replacing it), when the cache is on; read back by
    :func:`load` (the caller's key must then name everything the value depends on)."""
    where = folder()
    if where is not None:
        _write(where / kind / f"{key(kind, inputs)}.bin", value)


def _read(path: Path) -> tuple[Any] | None:
    try:
        raw = path.read_bytes()
    except OSError:
        return None
    head = len(_MAGIC) + _DIGEST
    if raw[:len(_MAGIC)] != _MAGIC or hashlib.sha256(raw[head:]).digest() != raw[len(_MAGIC):head]:
        return None
    try:
        return (marshal.loads(raw[head:]),)
    except (ValueError, EOFError, TypeError):
        return None


def _write(path: Path, value: Any) -> None:
    try:
        payload = marshal.dumps(value)
    except ValueError:  # something marshal cannot hold (a date in a TOML file): built every time
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
        try:
            with os.fdopen(fd, "wb") as out:
                out.write(_MAGIC + hashlib.sha256(payload).digest() + payload)
            os.replace(tmp, path)
        except BaseException:
            os.unlink(tmp)
            raise
        _prune(path.parent, keep=path.name)
    except OSError:
        pass


def _prune(kind_folder: Path, keep: str) -> None:
    """Remove the oldest entries beyond :data:`MAX_ENTRIES` (rare: only when an entry is written)."""
    entries = [p for p in kind_folder.glob("*.bin") if p.name != keep]
    if len(entries) < MAX_ENTRIES:
        return
    entries.sort(key=lambda p: p.stat().st_mtime)
    for old in entries[:len(entries) - MAX_ENTRIES + 1]:
        old.unlink(missing_ok=True)


class Memo:
    """Answers kept between runs, one entry for them all: a persistent memo of a pure function of plain
    data (the literal gates of regular expressions). Read on first use, written once at exit when the run
    added answers, bounded to ``max_entries`` (what the run used first, then the rest). ``inputs`` names
    everything the answers depend on besides the key (the answering code's source, the Python build)."""

    def __init__(self, kind: str, inputs: Callable[[], Sequence[bytes | str]],
                 max_entries: int = 4096) -> None:
        self.kind = kind
        self.inputs = inputs
        self.max_entries = max_entries
        self._lock = threading.Lock()
        self._known: dict[Any, Any] | None = None
        self._used: set[Any] = set()
        self._new = 0

    def get(self, key: Any, compute: Callable[[], T]) -> T:
        """The answer kept for ``key`` (plain data), else ``compute()``, kept."""
        with self._lock:
            if self._known is None:
                found = load(self.kind, self.inputs(), lambda v: isinstance(v, dict))
                self._known = found if isinstance(found, dict) else {}
            known = self._known
            self._used.add(key)
            if key in known:
                value: T = known[key]
                return value
        value = compute()
        with self._lock:
            if len(known) >= 2 * self.max_entries:  # a long-lived process: memory stays bounded
                return value
            if not self._new:
                atexit.register(self.save)
            known[key] = value
            self._new += 1
        return value

    def save(self) -> None:
        """Write the entry if answers were added (at exit; also callable directly)."""
        with self._lock:
            if not self._new or self._known is None:
                return
            known = self._known
            if len(known) > self.max_entries:
                order = [k for k in known if k in self._used] + [k for k in known if k not in self._used]
                known = {k: known[k] for k in order[:self.max_entries]}
            self._new = 0
            atexit.unregister(self.save)
        store(self.kind, self.inputs(), known)
