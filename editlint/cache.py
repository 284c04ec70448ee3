"""The run cache (ruff's model): one article's report, kept between runs, reused while nothing changed.

An entry is keyed by everything a report depends on, so a cache is never wrong:

* the article: its path as given (reports name it), its decoded text, format, BOM and newline style;
* editlint: its version and the size and modification time of every file of the package (an edited
  checkout or an upgrade starts afresh), the installed versions of its dependencies (spaCy, textstat, …);
* the rules: every rule as registered (its pack's settings), the files it was read from (shipped packs
  and data, the configuration's packs), the files of the check types' modules (plug-ins included);
* the model: its name and installed version (read from package metadata: no spaCy import);
* the effective configuration of that file (command-line selections and options folded in) and the
  rules enabled for it.

A report with an error or a diagnostic (a backend that was down) is never stored. Entries are JSON (a
cache folder is data, never code: nothing is unpickled), written atomically; an entry that cannot be
read, parsed or matched is ignored, never an error. Reading an entry imports neither spaCy nor a check.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import sys
import tempfile
from collections.abc import Iterable, Mapping, Sequence
from enum import Enum
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ._version import __version__
from .findings import Applicability, Edit, FileReport, Finding, LintedSource, Related, Severity
from .source import Source

if TYPE_CHECKING:
    from .config import Config
    from .rules import Registry

__all__ = ["CACHE_DIR_NAME", "RunCache", "default_cache_dir"]

#: The cache folder's name when neither ``--cache-dir`` nor ``cache-dir`` says where.
CACHE_DIR_NAME = ".editlint_cache"
#: Bumped when the entry format changes (older entries are then simply not found).
FORMAT = 1
#: Configuration fields that do not change a file's report (walking and exit status only).
_RUN_ONLY_FIELDS = frozenset({"fail_on", "include", "exclude", "cache_dir", "path"})


def default_cache_dir(config: Config | None, cwd: str | None = None) -> str:
    """Where the cache lives: ``cache-dir`` of the configuration, else ``.editlint_cache`` beside the
    configuration file, else in the current folder."""
    if config is not None and config.cache_dir:
        return config.cache_dir
    if config is not None and config.path and config.path != "<config>":
        return str(Path(config.path).resolve().parent / CACHE_DIR_NAME)
    return str(Path(cwd or os.getcwd()) / CACHE_DIR_NAME)


class RunCache:
    """Reports stored under ``root`` (one JSON file per entry), looked up by :meth:`key`."""

    def __init__(self, root: str | os.PathLike[str]) -> None:
        self.root = Path(root)
        self._registries: dict[int, tuple[Registry, str]] = {}
        self._prepared = False
        #: lookups that found a usable entry, and reports stored (for tests and benchmarks)
        self.hits = 0
        self.stores = 0

    # -- keys -------------------------------------------------------------------------------------
    def key(self, label: str, source: Source, config: Config, registry: Registry, codes: Sequence[str]
            ) -> str:
        """The entry name for one article linted with ``config`` and the rules ``codes``."""
        h = hashlib.sha256()
        for part in (str(FORMAT), __version__, _code_digest(), label, source.format, str(source.had_bom),
                     source.newline, _config_digest(config), ",".join(codes), self._registry_digest(registry),
                     _model_digest(config.model)):
            h.update(part.encode("utf-8", "surrogatepass"))
            h.update(b"\0")
        h.update(source.text.encode("utf-8", "surrogatepass"))
        return h.hexdigest()

    def _registry_digest(self, registry: Registry) -> str:
        found = self._registries.get(id(registry))
        if found is None or found[0] is not registry:
            found = (registry, registry_digest(registry))
            self._registries[id(registry)] = found
        return found[1]

    # -- entries ----------------------------------------------------------------------------------
    def _path(self, key: str) -> Path:
        return self.root / key[:2] / f"{key[2:]}.json"

    def get(self, key: str, source: Source) -> FileReport | None:
        """The stored report for ``key`` (its document is ``source``), or None; never raises."""
        try:
            entry = json.loads(self._path(key).read_bytes())
            report = _report_from(entry, key, source)
        except (OSError, ValueError, TypeError, KeyError, AttributeError):
            return None  # missing, unreadable, truncated or foreign: lint the file again
        self.hits += 1
        return report

    def put(self, key: str, report: FileReport) -> None:
        """Store ``report`` (not one with an error or diagnostics); a cache that cannot be written is
        skipped silently (a read-only checkout still lints)."""
        if report.error is not None or report.diagnostics:
            return
        try:
            body = json.dumps(_report_to(report, key), ensure_ascii=False, allow_nan=True)
        except (TypeError, ValueError):  # a check's data that JSON cannot hold: not cached
            return
        try:
            self._prepare()
            _atomic_write(self._path(key), body.encode("utf-8", "surrogatepass"))
        except OSError:
            return
        self.stores += 1

    def _prepare(self) -> None:
        """Create the folder with a ``.gitignore`` of ``*`` (never committed) and a CACHEDIR.TAG."""
        if self._prepared:
            return
        self.root.mkdir(parents=True, exist_ok=True)
        ignore = self.root / ".gitignore"
        if not ignore.exists():
            _atomic_write(ignore, b"# Created by editlint automatically.\n*\n")
        tag = self.root / "CACHEDIR.TAG"
        if not tag.exists():
            _atomic_write(tag, b"Signature: 8a477f597d28d172789f06886806bc55\n"
                               b"# This file is a cache directory tag created by editlint.\n")
        self._prepared = True


def _atomic_write(path: Path, data: bytes) -> None:
    """Write through a temporary file renamed over ``path``: a reader sees the old entry or the new one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".json")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


# -- what a report depends on ---------------------------------------------------------------------------
def _canon(value: Any) -> Any:
    """JSON for values json cannot take as they are; sets sorted so the digest is stable across runs."""
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, (set, frozenset)):
        return sorted((_canon(v) for v in value), key=repr)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: getattr(value, f.name) for f in dataclasses.fields(value)}
    if isinstance(value, Path):
        return str(value)
    return repr(value)


def _digest(value: Any) -> str:
    text = json.dumps(value, sort_keys=True, default=_canon, ensure_ascii=True)
    return hashlib.sha256(text.encode()).hexdigest()


def _config_digest(config: Config) -> str:
    return _digest({f.name: getattr(config, f.name) for f in dataclasses.fields(config)
                    if f.name not in _RUN_ONLY_FIELDS})


def _stat_line(path: Path) -> str:
    try:
        st = path.stat()
    except OSError:
        return f"{path}:missing"
    return f"{path}:{st.st_size}:{st.st_mtime_ns}"


def _files_digest(paths: Iterable[Path]) -> str:
    return hashlib.sha256("\n".join(_stat_line(p) for p in sorted(set(paths))).encode()).hexdigest()


def _tree(root: Path) -> list[Path]:
    out: list[Path] = []
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        out.extend(Path(folder) / f for f in files if not f.endswith((".pyc", ".pyo")))
    return out


@lru_cache(maxsize=1)
def _code_digest() -> str:
    """editlint's own files and the versions of the packages it depends on (constant in a process)."""
    package = Path(__file__).resolve().parent
    versions = []
    for req in metadata.requires("editlint") or ():
        name = req.split(";")[0].split("[")[0].strip()
        for sep in "<>=!~ (":
            name = name.split(sep)[0]
        try:
            versions.append(f"{name}=={metadata.version(name)}")
        except metadata.PackageNotFoundError:
            versions.append(f"{name}:absent")
    return hashlib.sha256(f"{_files_digest(_tree(package))}|{sorted(versions)}".encode()).hexdigest()


def registry_digest(registry: Registry) -> str:
    """The rules as registered and every file they came from: shipped packs and data, added packs, the
    modules of the check types and metric providers (plug-ins included)."""
    from .rules import rules_dir

    files = _tree(rules_dir())
    files += [Path(r.pack) for r in registry.rules.values() if r.pack]
    files += [Path(layer.origin) for layers in registry.data_store.layers.values() for layer in layers]
    funcs = [ct.func for ct in registry.check_types.values()] + [mp.func for mp in registry.metric_providers]
    for func in funcs:
        module = sys.modules.get(getattr(func, "__module__", "") or "")
        if module is not None and getattr(module, "__file__", None):
            files.append(Path(str(module.__file__)))
    rules = [dataclasses.asdict(r) for _, r in sorted(registry.rules.items())]
    checks = sorted(f"{n}:{sorted(ct.needs)}:{sorted(ct.options)}" for n, ct in registry.check_types.items())
    return _digest([_files_digest(files), rules, checks, sorted(mp.name for mp in registry.metric_providers)])


@lru_cache(maxsize=8)
def _model_digest(name: str) -> str:
    """The pipeline's name and installed version, from package metadata or a folder's meta.json."""
    folder = Path(name)
    if folder.is_dir():
        return f"{folder.resolve()}:{_stat_line(folder / 'meta.json')}:{_files_digest(_tree(folder))}"
    from .nlp import FALLBACK_PACKAGES

    found = []
    for dist in (name, FALLBACK_PACKAGES.get(name)):
        if not dist:
            continue
        for spelling in dict.fromkeys((dist, dist.replace("_", "-"))):
            try:
                found.append(f"{spelling}=={metadata.version(spelling)}")
                break
            except metadata.PackageNotFoundError:
                continue
    return f"{name}:{found}"


# -- entries as JSON -------------------------------------------------------------------------------------
def _finding_to(f: Finding) -> dict[str, Any]:
    return {"rule": f.rule, "name": f.name, "category": f.category, "severity": f.severity.value,
            "message": f.message, "at": [f.line, f.column, f.end_line, f.end_column],
            "related": [[r.line, r.column, r.end_line, r.end_column, r.message] for r in f.related],
            "suggestion": f.suggestion, "fingerprint": f.fingerprint, "data": dict(f.data),
            "fixes": [[e.start, e.end, e.text, e.applicability.value] for e in f.fixes]}


def _finding_from(d: Mapping[str, Any]) -> Finding:
    line, column, end_line, end_column = (int(v) for v in d["at"])
    return Finding(
        rule=str(d["rule"]), name=str(d["name"]), category=str(d["category"]),
        severity=Severity(d["severity"]), message=str(d["message"]), line=line, column=column,
        end_line=end_line, end_column=end_column,
        related=tuple(Related(int(ln), int(col), int(eln), int(ecol), str(msg))
                      for ln, col, eln, ecol, msg in d["related"]),
        suggestion=None if d["suggestion"] is None else str(d["suggestion"]),
        fixes=tuple(Edit(int(s), int(e), str(t), Applicability(a)) for s, e, t, a in d["fixes"]),
        fingerprint=str(d["fingerprint"]), data=dict(d["data"]))


def _report_to(report: FileReport, key: str) -> dict[str, Any]:
    title = getattr(report.document, "title", None)
    return {"format": FORMAT, "key": key, "title": title if isinstance(title, str) else None,
            "findings": [_finding_to(f) for f in report.findings], "metrics": report.metrics}


def _report_from(entry: Mapping[str, Any], key: str, source: Source) -> FileReport:
    if entry["format"] != FORMAT or entry["key"] != key:
        raise ValueError("not this entry")
    title = entry["title"]
    return FileReport(path="", findings=[_finding_from(d) for d in entry["findings"]],
                      metrics=dict(entry["metrics"]),
                      document=LintedSource(source, title if isinstance(title, str) else None))
