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

The warm path (:func:`warm_reports`): building the registry to compute a key costs more than reading
every entry, so a command-line run also leaves a *resolution* (one per command line: working folder,
``--config``, selections): for each folder it linted, the configuration's effective digest, walking globs
and gate, with witnesses of everything they were computed from (the bytes of the configuration files,
packs and shipped data; the size and time of editlint's files, check modules and ``sys.path`` folders;
the configuration-file names looked for). A later run whose witnesses all still hold reads the entries
with neither the configuration models, the registry, the readers nor spaCy imported; anything else
(a witness changed, a file missed) falls back to the ordinary run, which keys files identically.
"""

from __future__ import annotations

import dataclasses
import fnmatch
import hashlib
import json
import os
import sys
import tempfile
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import Enum
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ._version import __version__
from .errors import EditlintError
from .findings import Applicability, Edit, FileReport, Finding, LintedSource, Related, Severity
from .source import Source, read_path

if TYPE_CHECKING:
    from .config import Config
    from .rules import Registry

__all__ = ["CACHE_DIR_NAME", "RunCache", "WarmRequest", "default_cache_dir", "warm_reports"]

#: The cache folder's name when neither ``--cache-dir`` nor ``cache-dir`` says where.
CACHE_DIR_NAME = ".editlint_cache"
#: Bumped when the entry format changes (older entries are then simply not found).
FORMAT = 2
#: Configuration fields that do not change a file's report (walking and exit status only).
_RUN_ONLY_FIELDS = frozenset({"fail_on", "include", "exclude", "cache_dir", "path"})
#: Configuration file names, nearest first, as :data:`editlint.config.CONFIG_NAMES` (a test keeps them
#: equal): the warm path finds its cache folder without importing the configuration's models. A guess
#: only: the resolution it finds there must name the same folder, or the ordinary run goes on.
_CONFIG_NAMES = (".editlint.toml", "editlint.toml", "pyproject.toml")
#: Sub-folder of the cache holding the resolutions (entries live in two-character folders).
_RESOLVE_DIR = "resolve"


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
        self._effective: dict[str, tuple[Registry, str]] = {}
        self._prepared = False
        #: lookups that found a usable entry, and reports stored (for tests and benchmarks)
        self.hits = 0
        self.stores = 0

    # -- keys -------------------------------------------------------------------------------------
    def key(self, label: str, source: Source, config: Config, registry: Registry, codes: Sequence[str]
            ) -> str:
        """The entry name for one article linted with ``config`` and the rules ``codes``. The codes
        follow from the configuration, the registry and the label (per-file-ignores), all in the key."""
        return file_key(label, source, self.effective(config, registry))

    def effective(self, config: Config, registry: Registry) -> str:
        """Everything but the article a report depends on: editlint and its dependencies, the
        configuration, the rules and the model."""
        conf = _config_digest(config)
        found = self._effective.get(conf)
        if found is None or found[0] is not registry:
            found = (registry, _digest([_code_digest(), conf, self._registry_digest(registry),
                                        _model_digest(config.model)]))
            self._effective[conf] = found
        return found[1]

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

    def write_resolution(self, path: Path, body: bytes) -> None:
        """Store a resolution (see :func:`remember`); a cache that cannot be written is skipped."""
        try:
            self._prepare()
            _atomic_write(path, body)
        except OSError:
            return

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


def _file_state(path: Path) -> str | None:
    """The SHA-256 of a regular file's bytes; None when it is not one (missing, a folder, unreadable)."""
    try:
        if path.is_file():
            return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        pass
    return None


def _bytes_digest(paths: Iterable[Path]) -> str:
    return _digest([[str(p), _file_state(p)] for p in sorted(set(paths))])


def _tree(root: Path) -> list[Path]:
    out: list[Path] = []
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        out.extend(Path(folder) / f for f in files if not f.endswith((".pyc", ".pyo")))
    return out


def _package() -> Path:
    return Path(__file__).resolve().parent


@lru_cache(maxsize=1)
def _code_digest() -> str:
    """editlint's own files and the versions of the packages it depends on (constant in a process)."""
    return hashlib.sha256(f"{_files_digest(_tree(_package()))}|{_dependency_versions()}".encode()).hexdigest()


def _dependency_versions() -> list[str]:
    from importlib import metadata

    versions = []
    for req in metadata.requires("editlint") or ():
        name = req.split(";")[0].split("[")[0].strip()
        for sep in "<>=!~ (":
            name = name.split(sep)[0]
        try:
            versions.append(f"{name}=={metadata.version(name)}")
        except metadata.PackageNotFoundError:
            versions.append(f"{name}:absent")
    return sorted(versions)


def _registry_files(registry: Registry) -> tuple[list[Path], list[Path]]:
    """The data files the rules came from (shipped packs and data, added packs, data layers) and the
    modules of the check types and metric providers (plug-ins included)."""
    from .datafile import rules_dir

    data = _tree(rules_dir())
    data += [Path(r.pack) for r in registry.rules.values() if r.pack]
    data += [Path(layer.origin) for layers in registry.data_store.layers.values() for layer in layers]
    modules = []
    funcs = [ct.func for ct in registry.check_types.values()] + [mp.func for mp in registry.metric_providers]
    for func in funcs:
        module = sys.modules.get(getattr(func, "__module__", "") or "")
        if module is not None and getattr(module, "__file__", None):
            modules.append(Path(str(module.__file__)))
    return data, modules


def registry_digest(registry: Registry) -> str:
    """The rules as registered and every file they came from: the data files by their bytes, the
    modules by size and time (editlint's own are in the code digest too)."""
    data, modules = _registry_files(registry)
    rules = [dataclasses.asdict(r) for _, r in sorted(registry.rules.items())]
    checks = sorted(f"{n}:{sorted(ct.needs)}:{sorted(ct.options)}" for n, ct in registry.check_types.items())
    return _digest([_bytes_digest(data), _files_digest(modules), rules, checks,
                    sorted(mp.name for mp in registry.metric_providers)])


def file_key(label: str, source: Source, effective: str) -> str:
    """The entry name of one article (as given, its text and form) under ``effective`` (see
    :meth:`RunCache.effective`). A relative name is taken in the working folder: per-file-ignores
    match the file's absolute place."""
    h = hashlib.sha256()
    where = "" if os.path.isabs(label) else os.getcwd()
    for part in (str(FORMAT), __version__, label, where, source.format, str(source.had_bom), source.newline,
                 effective):
        h.update(part.encode("utf-8", "surrogatepass"))
        h.update(b"\0")
    h.update(source.text.encode("utf-8", "surrogatepass"))
    return h.hexdigest()


@lru_cache(maxsize=8)
def _model_digest(name: str) -> str:
    """The pipeline's name and installed version, from package metadata or a folder's meta.json."""
    folder = Path(name)
    if folder.is_dir():
        return f"{folder.resolve()}:{_stat_line(folder / 'meta.json')}:{_files_digest(_tree(folder))}"
    from importlib import metadata

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


# -- the warm path: a run that hits everywhere, without the registry ---------------------------------------
#: Seconds before a run's start that a witnessed file must be older than: a file changed during the run
#: (or within a coarse file system's timestamp granularity) leaves no resolution behind.
_MTIME_MARGIN = 2.0


@dataclass(frozen=True)
class WarmRequest:
    """What a command line asks that reports depend on, beside the files: a resolution's name."""

    cwd: str
    config: str | None  # --config as given
    #: the Linter's overrides of the configuration (--select, --time-budget, …), as the command line
    #: builds them for the ordinary run: a new one is in the name without a change here
    overrides: Mapping[str, Any] = dataclasses.field(default_factory=dict)
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()

    def name(self) -> str:
        return _digest([FORMAT, __version__, dataclasses.asdict(self)])


@dataclass
class WarmRun:
    """What the warm path found: every file's report, in order, and the run's gate."""

    reports: list[FileReport]
    fail_on: str


class _Witnesses:
    """Files and folders a resolution was computed from, as they are now."""

    def __init__(self) -> None:
        self.stats: dict[str, str] = {}  # path -> size and time (code, modules, sys.path folders)
        self.files: dict[str, str | None] = {}  # path -> SHA-256 of its bytes, None when not a file
        self.trees: dict[str, list[str]] = {}  # folder -> the files under it

    def stat(self, path: Path) -> None:
        self.stats[str(path)] = _stat_line(path)

    def file(self, path: Path) -> None:
        self.files[str(path)] = _file_state(path)

    def tree(self, root: Path, *, by_bytes: bool) -> None:
        files = sorted(_tree(root))
        self.trees[str(root)] = [str(p) for p in files]
        for p in files:
            if by_bytes:
                self.file(p)
            else:
                self.stat(p)

    def changed_since(self, start: float) -> bool:
        """Whether anything witnessed was modified after ``start`` (less the margin). A file deleted
        since is not seen here: a configuration file that was used must still exist (see remember)."""
        limit = start - _MTIME_MARGIN
        paths = {*self.stats, *(p for p, state in self.files.items() if state is not None), *self.trees}
        for p in paths:
            try:
                if os.stat(p).st_mtime > limit:
                    return True
            except OSError:
                continue
        return False

    def to_json(self) -> dict[str, Any]:
        return {"sys_path": _import_path(), "stats": self.stats, "files": self.files, "trees": self.trees}


def _holds(entry: Mapping[str, Any]) -> bool:
    """Whether every witness of a resolution still holds (any difference: the ordinary run)."""
    if entry["sys_path"] != _import_path():
        return False
    for root, listing in entry["trees"].items():
        if [str(p) for p in sorted(_tree(Path(root)))] != listing:
            return False
    if any(_stat_line(Path(p)) != line for p, line in entry["stats"].items()):
        return False
    return all(_file_state(Path(p)) == state for p, state in entry["files"].items())


def _import_path() -> list[str]:
    """Where packages are imported from, less the first entry: the script's folder or the working
    folder, which differ between ``editlint`` and ``python -m editlint`` (plug-ins are witnessed by
    their files, dependencies by their sys.path folders)."""
    return sys.path[1:]


def _environment(w: _Witnesses) -> None:
    """editlint's files and the installed packages (an install or upgrade changes a sys.path folder)."""
    w.tree(_package(), by_bytes=False)
    for entry in _import_path():
        if entry and os.path.exists(entry):
            w.stat(Path(entry))


def _discovery(w: _Witnesses, folder: Path, found: str | None, names: Sequence[str]) -> None:
    """The configuration files looked for from ``folder`` upwards, up to the one found."""
    for d in (folder, *folder.parents):
        for name in names:
            candidate = d / name
            w.file(candidate)
            if found is not None and str(candidate) == found:
                return


def _folders_of(paths: Sequence[str], files: Sequence[str]) -> list[Path]:
    """The folders whose configuration a run used: the working folder, walked folders, files' folders."""
    out = {Path.cwd().resolve()}
    out.update(Path(p).resolve() for p in paths if Path(p).is_dir())
    out.update(Path(f).parent.resolve() for f in files)
    return sorted(out)


def remember(cache: RunCache, request: WarmRequest, linter: Any, paths: Sequence[str], files: Sequence[str],
             started: float) -> bool:
    """After an ordinary command-line run, leave its resolution for the warm path (see the module's
    docs). Nothing is written when anything it depends on changed after ``started``, or when the one
    there still holds for these folders. Returns whether one was written."""
    from .config import CONFIG_NAMES

    folders = _folders_of(paths, files)
    target = cache.root / _RESOLVE_DIR / f"{request.name()}.json"
    if _current(target, request, folders):
        return False
    w = _Witnesses()
    _environment(w)
    sources: dict[str, dict[str, Any]] = {}
    by_folder: dict[str, str] = {}
    try:
        for folder in folders:
            cfg = linter.config_for(str(folder / "_"))
            if linter.config is None:
                _discovery(w, folder, cfg.path, CONFIG_NAMES)
            sid = cfg.path or ""
            by_folder[str(folder)] = sid
            if sid not in sources:
                sources[sid] = _source(cache, w, cfg, linter.registry or cfg.registry())
    except (OSError, EditlintError):  # a configuration gone or broken since: the next run resolves again
        return False
    if request.config is not None:
        w.file(Path(request.config).resolve())
    if w.changed_since(started):
        return False
    entry = {"format": FORMAT, "name": request.name(), "folders": by_folder, "sources": sources,
             **w.to_json()}
    cache.write_resolution(target, json.dumps(entry, ensure_ascii=False).encode("utf-8", "surrogatepass"))
    return True


def _current(target: Path, request: WarmRequest, folders: Sequence[Path]) -> bool:
    try:
        entry = json.loads(target.read_bytes())
        return (entry["format"] == FORMAT and entry["name"] == request.name()
                and all(str(f) in entry["folders"] for f in folders) and _holds(entry))
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return False


def _source(cache: RunCache, w: _Witnesses, cfg: Config, registry: Registry) -> dict[str, Any]:
    """One configuration as the warm path needs it, its witnesses added to ``w``."""
    data, modules = _registry_files(registry)
    for p in data:
        w.file(p)
    for p in modules:
        w.stat(p)
    for pack in map(Path, cfg.rule_packs):  # a pack may only extend shipped rules: no rule names it
        if pack.is_dir():
            w.tree(pack, by_bytes=True)
        else:
            w.file(pack)
    if Path(cfg.model).is_dir():
        w.tree(Path(cfg.model).resolve(), by_bytes=False)
    if cfg.path and cfg.path != "<config>":
        w.file(Path(cfg.path).resolve())
        if w.files[str(Path(cfg.path).resolve())] is None:
            raise OSError(f"{cfg.path}: the configuration was removed during the run")
    return {"effective": cache.effective(cfg, registry), "include": list(cfg.include),
            "exclude": list(cfg.exclude), "max_file_size": cfg.max_file_size, "fail_on": cfg.fail_on,
            "cache_root": default_cache_dir(cfg)}


def guess_cache_root(config: str | None, cwd: str) -> str | None:
    """Where :func:`default_cache_dir` will put the cache, read without the configuration's models
    (``--config``, else the nearest configuration file); None when that cannot be told cheaply."""
    import tomllib

    if config is not None:
        found: Path | None = Path(config).resolve()
    else:
        found = _nearest_config(Path(cwd).resolve())
    if found is None:
        return str(Path(cwd) / CACHE_DIR_NAME)
    try:
        data = tomllib.loads(found.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return None
    table = data.get("tool", {}).get("editlint", {}) if found.name == "pyproject.toml" else data
    given = table.get("cache-dir") if isinstance(table, dict) else None
    if given is not None and not isinstance(given, str):
        return None
    return str(found.parent / given) if given else str(found.parent / CACHE_DIR_NAME)


def _nearest_config(folder: Path) -> Path | None:
    import tomllib

    for d in (folder, *folder.parents):
        for name in _CONFIG_NAMES:
            candidate = d / name
            if not candidate.is_file():
                continue
            if name == "pyproject.toml":
                try:
                    if "editlint" not in tomllib.loads(candidate.read_text(encoding="utf-8")).get("tool", {}):
                        continue
                except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
                    return None
            return candidate
    return None


def warm_reports(request: WarmRequest, root: str, paths: Sequence[str], *, follow_links: bool = False,
                 root_given: bool = False) -> WarmRun | None:
    """Every file's report from the cache when the resolution left by an earlier run still holds and
    every file hits; else None (the caller runs the ordinary way). ``root_given``: the cache folder
    was named (--cache-dir), not guessed."""
    try:
        entry = json.loads((Path(root) / _RESOLVE_DIR / f"{request.name()}.json").read_bytes())
        if entry["format"] != FORMAT or entry["name"] != request.name() or not _holds(entry):
            return None
        return _WarmReader(entry, RunCache(root)).run(paths, follow_links, None if root_given else root)
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return None


class _WarmReader:
    """Files walked and reports read as the resolution says their configuration would."""

    def __init__(self, entry: Mapping[str, Any], cache: RunCache) -> None:
        self.entry = entry
        self.cache = cache

    def source(self, folder: Path) -> Mapping[str, Any] | None:
        sid = self.entry["folders"].get(str(folder.resolve()))
        return None if sid is None else self.entry["sources"].get(sid)

    def run(self, paths: Sequence[str], follow_links: bool, guessed_root: str | None) -> WarmRun | None:
        here = self.source(Path.cwd())
        if here is None or (guessed_root is not None and here["cache_root"] != guessed_root):
            return None
        reports = []
        for path in paths:
            files = self.expand(path, follow_links)
            if files is None:
                return None
            for label in files:
                report = self.report(label)
                if report is None:
                    return None
                reports.append(report)
        return WarmRun(reports, str(here["fail_on"])) if reports else None

    def expand(self, path: str, follow_links: bool) -> list[str] | None:
        """What the engine's walk finds for ``path``; None for anything the ordinary run should say."""
        from .walk import walk

        p = Path(path)
        if not p.is_dir():
            return [path]
        src = self.source(p)
        if src is None:
            return None
        policy = WalkPolicy(tuple(src["include"]), tuple(src["exclude"]))
        found = walk(p, lambda fp: policy.is_included(fp) and not policy.is_excluded(Path(fp.name)),
                     policy.is_excluded, follow_links=follow_links)
        return None if found.warnings or found.errors or not found.files else found.files

    def report(self, label: str) -> FileReport | None:
        src = self.source(Path(label).parent)
        if src is None:
            return None
        try:
            source = read_path(label, max_bytes=int(src["max_file_size"]))
        except EditlintError:
            return None
        report = self.cache.get(file_key(label, source, str(src["effective"])), source)
        if report is not None:
            report.path = label
        return report


@dataclass(frozen=True)
class WalkPolicy:
    """A configuration's include and exclude globs, matched as :class:`editlint.config.Config` matches
    them (a test keeps the two equal): walking a folder on the warm path needs only these."""

    include: tuple[str, ...]
    exclude: tuple[str, ...]

    def is_excluded(self, path: Path) -> bool:
        parts = path.parts
        return any(any(fnmatch.fnmatch(p, pattern) for p in parts) or fnmatch.fnmatch(str(path), pattern)
                   for pattern in self.exclude)

    def is_included(self, path: Path) -> bool:
        return any(fnmatch.fnmatch(path.name, pattern) for pattern in self.include)
