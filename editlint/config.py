"""Configuration: ``[tool.editlint]`` in pyproject.toml, or editlint.toml / .editlint.toml.

Found from each linted file's folder upwards (like ruff); ``--config`` overrides discovery and
command-line flags win over files. Unknown keys, wrong types and unknown rule codes are errors that
name the file and the key.
"""

from __future__ import annotations

import dataclasses
import fnmatch
import functools
import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePath
from typing import Any
from urllib.parse import urlsplit

from . import budget
from .api import Option
from .datafile import KeyLines, KeyPath, format_key_path, line_of_key
from .errors import ConfigError
from .findings import FAIL_ON, Severity
from .rules import Registry, check_value, item_problem, read_toml

CONFIG_NAMES = (".editlint.toml", "editlint.toml", "pyproject.toml")
DEFAULT_INCLUDE = ("*.md", "*.markdown", "*.html", "*.htm", "*.txt")
DEFAULT_EXCLUDE = (".git", ".hg", ".svn", ".venv", "venv", "node_modules", "__pycache__", "build", "dist",
                   "_site", ".tox", ".nox", "site-packages", "README.md", "CHANGELOG.md", "LICENSE.txt",
                   ".editlint_cache")
DEFAULT_MAX_FILE_SIZE = 2 * 1024 * 1024
DEFAULT_MODEL = "en_core_web_sm"

#: Core keys of the configuration; families add tables through ``ConfigSection`` objects.
CORE_OPTIONS: dict[str, Option] = {
    "select": Option(list, None, "rules to enable: codes, prefixes (EL1), slugs, categories or ALL"),
    "extend-select": Option(list, [], "rules to enable on top of select (e.g. rules off by default)"),
    "ignore": Option(list, [], "rules to disable: codes, prefixes, slugs or categories"),
    "fail-on": Option(str, "error", "lowest severity that fails the run", tuple(FAIL_ON)),
    "severity": Option(dict, {}, "per-rule severity overrides: { EL202 = \"error\" }"),
    "per-file-ignores": Option(dict, {}, "glob -> rules to ignore in matching files"),
    "include": Option(list, list(DEFAULT_INCLUDE), "file globs linted when walking a directory"),
    "exclude": Option(list, list(DEFAULT_EXCLUDE), "file or folder globs skipped when walking"),
    "extend-exclude": Option(list, [], "globs skipped in addition to exclude"),
    "packs": Option(list, [], "rule packs a publisher adds: TOML files or folders of them, relative to "
                    "the configuration file ([[rule]], [rules.CODE] option and [data.NAME] data extensions)"),
    "rule-packs": Option(list, [], "the older name of packs (both may be given)"),
    "max-file-size": Option(int, DEFAULT_MAX_FILE_SIZE, "largest article in bytes; larger ones are refused"),
    "time-budget": Option((int, float), budget.DEFAULT_SECONDS, "seconds of checking per file (above 0, at "
                          "most a day); the rules left when it runs out are not run (a per-file error)"),
    "audience": Option(str, "parents", "readability audience profile (see rules/data/audiences.toml)"),
    "nlp": Option(dict, {}, "spaCy settings: model, batch-size"),
    "rules": Option(dict, {}, "per-rule option overrides: [rules.EL202] warning-words = 30"),
    "cache-dir": Option(str, "", "folder of the run cache, relative to the configuration file (default: "
                        ".editlint_cache beside it)"),
}
NLP_OPTIONS: dict[str, Option] = {
    "model": Option(str, DEFAULT_MODEL, "spaCy pipeline name or path"),
    "batch-size": Option(int, 64, "blocks per nlp.pipe batch"),
}


@dataclass(frozen=True)
class Config:
    """Resolved settings for linting one file (or a whole run when given explicitly)."""

    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    fail_on: str = "error"
    severity: Mapping[str, Severity] = field(default_factory=dict)
    per_file_ignores: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    include: tuple[str, ...] = DEFAULT_INCLUDE
    exclude: tuple[str, ...] = DEFAULT_EXCLUDE
    rule_packs: tuple[str, ...] = ()
    max_file_size: int = DEFAULT_MAX_FILE_SIZE
    time_budget: float = budget.DEFAULT_SECONDS
    audience: str = "parents"
    model: str = DEFAULT_MODEL
    batch_size: int = 64
    rule_options: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    sections: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    flags: frozenset[str] = frozenset()  # run-time switches from the command line (e.g. explain-claims)
    path: str | None = None  # the file it came from
    root: str = "."  # folder that relative globs and paths are resolved against
    cache_dir: str | None = None  # ``cache-dir``, resolved against root (None: .editlint_cache beside it)

    # -- rule selection ---------------------------------------------------------------------------
    def registry(self) -> Registry:
        return Registry.default(self.rule_packs)

    def enabled_rules(self, registry: Registry, path: str | None = None) -> list[str]:
        """Codes enabled for ``path`` after select, extend-select, ignore and per-file-ignores."""
        chosen = self._selected(registry)
        if path is not None:
            for pattern, selectors in self.per_file_ignores.items():
                if _glob_match(path, pattern, self.root):
                    for s in selectors:
                        chosen -= self._resolve(registry, s, f"per-file-ignores.{pattern}")
        return sorted(chosen)

    def _selected(self, registry: Registry) -> set[str]:
        """select / extend-select against ignore, as ruff does: for each rule the most specific selector
        that matches it decides (``--select EL303 --ignore EL3`` keeps EL303); at equal specificity
        ignore wins. Without ``select`` the rules on by default are selected at the lowest specificity."""
        best: dict[str, tuple[int, bool]] = {}  # code -> (specificity, selected)

        def vote(selector: str, key: str, selected: bool) -> None:
            rank = registry.specificity(selector)
            for code in self._resolve(registry, selector, key):
                old = best.get(code)
                if old is None or rank > old[0] or (rank == old[0] and not selected):
                    best[code] = (rank, selected)

        if self.select is None:
            best.update({c: (-1, True) for c, r in registry.rules.items() if r.enabled})
        else:
            for s in self.select:
                vote(s, "select", True)
        for s in self.extend_select:
            vote(s, "extend-select", True)
        for s in self.ignore:
            vote(s, "ignore", False)
        return {code for code, (_, selected) in best.items() if selected}

    def _resolve(self, registry: Registry, selector: str, key: str) -> set[str]:
        try:
            return registry.resolve(selector)
        except KeyError:
            where = f"{self.path}: " if self.path else ""
            raise ConfigError(f"{where}{key}: unknown rule code, slug or category {selector!r} "
                              "(see `editlint rules`)") from None

    def severity_for(self, code: str, default: Severity) -> Severity:
        return self.severity.get(code, default)

    def options_for(self, registry: Registry, code: str) -> Mapping[str, Any]:
        rule = registry.rules[code]
        override = self.rule_options.get(code)
        if not override:
            return rule.options
        merged = dict(rule.options)
        merged.update(override)
        return merged

    def section(self, name: str) -> Mapping[str, Any]:
        return self.sections.get(name, {})

    def replace(self, **changes: Any) -> Config:
        return dataclasses.replace(self, **changes)

    def is_excluded(self, path: Path) -> bool:
        parts = path.parts
        for pattern in (*self.exclude,):
            if any(fnmatch.fnmatch(p, pattern) for p in parts) or fnmatch.fnmatch(str(path), pattern):
                return True
        return False

    def is_included(self, path: Path) -> bool:
        return any(fnmatch.fnmatch(path.name, pattern) for pattern in self.include)


def _glob_match(path: str, pattern: str, root: str) -> bool:
    p = PurePath(path)
    parts = p.parts
    # a pattern matches the path relative to the configuration's folder, or any trailing part of it
    candidates = {str(p), p.as_posix(), *("/".join(parts[i:]) for i in range(len(parts)))}
    try:
        candidates.add(Path(path).resolve().relative_to(Path(root).resolve()).as_posix())
    except (ValueError, OSError):
        pass
    return any(fnmatch.fnmatch(c, pattern) for c in candidates)


# -- loading ----------------------------------------------------------------------------------------
def find_config_file(start: Path) -> Path | None:
    """The nearest configuration file from ``start`` (a folder) upwards; pyproject.toml counts only
    when it has a ``[tool.editlint]`` table."""
    folder = start.resolve()
    for d in (folder, *folder.parents):
        for name in CONFIG_NAMES:
            candidate = d / name
            if candidate.is_file():
                if name == "pyproject.toml":
                    try:
                        data = read_toml(candidate)
                    except ConfigError:
                        raise
                    if "editlint" not in data.get("tool", {}):
                        continue
                return candidate
    return None


@functools.lru_cache(maxsize=256)
def _discover(folder: str) -> Path | None:
    return find_config_file(Path(folder))


def load_config(path: str | Path, registry: Registry | None = None) -> Config:
    """Read and validate one configuration file."""
    p = Path(path)
    if not p.is_file():
        raise ConfigError("configuration file not found", path=str(p))
    data = read_toml(p)
    text = p.read_text(encoding="utf-8")
    if p.name == "pyproject.toml":
        table = data.get("tool", {}).get("editlint")
        if table is None:
            raise ConfigError("has no [tool.editlint] table", path=str(p))
        prefix = "tool.editlint."
    else:
        table = data
        prefix = ""
    return config_from_mapping(table, source=str(p), text=text, prefix=prefix, registry=registry)


def config_from_mapping(table: Mapping[str, Any], *, source: str | None = None, text: str = "",
                        prefix: str = "", registry: Registry | None = None) -> Config:
    """Validate a configuration table (from a file, or a dict given to the library API)."""
    where = source or "configuration"
    lines: Mapping[KeyPath, int] = KeyLines(text) if text else {}
    at: KeyPath = tuple(prefix.strip(".").split(".")) if prefix else ()

    def err(key: str | KeyPath, problem: str) -> ConfigError:
        path = tuple(key.split(".")) if isinstance(key, str) else key
        line = line_of_key(lines, (*at, *path))
        shown = format_key_path(tuple(k for k in (*at, *path) if k != ""))
        return ConfigError(f"{f'line {line}: ' if line else ''}{shown}: {problem}", path=where)

    if not isinstance(table, Mapping):
        raise err("", "must be a table")
    root = str(Path(source).resolve().parent) if source and source != "<config>" else str(Path.cwd())
    packs = _pack_paths(table, root, err)
    # a broken rule pack raises its own error, naming the pack, the key and the line
    reg = registry or Registry.default(packs)

    values, section_values = _split_tables(table, reg, err)

    def strings(key: str) -> tuple[str, ...]:
        v = values.get(key, CORE_OPTIONS[key].default) or []
        if not all(isinstance(x, str) for x in v):
            raise err(key, "must be a list of strings")
        return tuple(v)

    select = None if values.get("select") is None else strings("select")
    severity = _severities(values.get("severity") or {}, reg, err)
    pfi = _per_file_ignores(values.get("per-file-ignores") or {}, err)
    nlp = values.get("nlp") or {}
    nlp_values = _validate_table(nlp, NLP_OPTIONS, "nlp.", err)
    rule_options = _rule_options(values.get("rules") or {}, reg, err)
    cfg = Config(
        select=select, extend_select=strings("extend-select"), ignore=strings("ignore"),
        fail_on=values.get("fail-on", "error"), severity=severity, per_file_ignores=pfi,
        include=strings("include"), exclude=strings("exclude") + strings("extend-exclude"),
        rule_packs=packs,
        max_file_size=values.get("max-file-size", DEFAULT_MAX_FILE_SIZE),
        time_budget=float(values.get("time-budget", budget.DEFAULT_SECONDS)),
        audience=values.get("audience", "parents"), model=nlp_values["model"],
        batch_size=nlp_values["batch-size"], rule_options=rule_options, sections=section_values,
        path=source, root=root,
        cache_dir=str(Path(root) / values["cache-dir"]) if values.get("cache-dir") else None,
    )
    cfg.enabled_rules(reg)  # unknown selectors fail now, naming the file
    return cfg


def _split_tables(table: Mapping[str, Any], reg: Registry, err: Any
                  ) -> tuple[dict[str, Any], dict[str, dict[str, Any]]]:
    """Core keys (type-checked) and the families' sections (validated, with defaults)."""
    sections = dict(reg.sections)
    values: dict[str, Any] = {}
    section_values: dict[str, dict[str, Any]] = {}
    for key, value in table.items():
        if key in sections:
            if not isinstance(value, Mapping):
                raise err(key, "must be a table")
            section_values[key] = _validate_table(value, sections[key].options, f"{key}.", err)
            continue
        opt = CORE_OPTIONS.get(key)
        if opt is None:
            raise err(key, f"unknown key (known keys: {', '.join(sorted([*CORE_OPTIONS, *sections]))})")
        if value is not None:
            problem = check_value(key, value, opt) or range_problem(key, value, opt.default)
            if problem:
                raise err(key, problem)
        values[key] = value
    for name, sec in sections.items():
        section_values.setdefault(name, _validate_table({}, sec.options, f"{name}.", err))
    return values, section_values


def _severities(table: Mapping[str, Any], reg: Registry, err: Any) -> dict[str, Severity]:
    severity: dict[str, Severity] = {}
    for code, sev in table.items():
        try:
            rule = reg.get(code)
        except KeyError:
            raise err(("severity", code), "unknown rule code or slug") from None
        try:
            severity[rule.code] = Severity.parse(str(sev))
        except ValueError as exc:
            raise err(("severity", code), str(exc)) from None
    return severity


def _per_file_ignores(table: Mapping[str, Any], err: Any) -> dict[str, tuple[str, ...]]:
    pfi: dict[str, tuple[str, ...]] = {}
    for pattern, sels in table.items():
        if not isinstance(sels, list) or not all(isinstance(s, str) for s in sels):
            raise err(("per-file-ignores", pattern), "must be a list of rule codes")
        pfi[pattern] = tuple(sels)
    return pfi


def _pack_paths(table: Mapping[str, Any], root: str, err: Any) -> tuple[str, ...]:
    """``packs`` and ``rule-packs`` resolved against the configuration's folder; missing ones are errors."""
    out: list[str] = []
    for key in ("rule-packs", "packs"):
        given = table.get(key, [])
        if not isinstance(given, list) or not all(isinstance(p, str) for p in given):
            raise err(key, "must be a list of paths (strings)")
        for i, name in enumerate(given):
            path = (Path(root) / name).resolve()
            if not path.exists():
                raise err((key, i), f"rule pack {name!r} not found (looked for {path})")
            out.append(str(path))
    return tuple(out)


def _rule_options(table: Mapping[str, Any], reg: Registry, err: Any) -> dict[str, dict[str, Any]]:
    """``[rules.CODE]`` overrides: a key replaces the rule's option, ``extend-KEY`` extends a list option."""
    out: dict[str, dict[str, Any]] = {}
    for code, opts in table.items():
        try:
            rule = reg.get(code)
        except KeyError:
            raise err(("rules", code), "unknown rule code or slug") from None
        if not isinstance(opts, Mapping):
            raise err(("rules", code), "must be a table")
        ctype = reg.check_types[rule.check]
        chosen: dict[str, Any] = {}
        for key, value in opts.items():
            name = key.removeprefix("extend-") if key.removeprefix("extend-") in ctype.options else key
            opt = ctype.options.get(name)
            if opt is None:
                known = ", ".join(sorted(ctype.options)) or "none"
                raise err(("rules", code, key),
                          f"unknown option for check type {ctype.name!r} (known: {known})")
            if name != key:
                base = chosen.get(name, rule.options.get(name))
                if not isinstance(base, list) or not isinstance(value, list):
                    raise err(("rules", code, key), f"extends {name!r}, which must be a list, with a list")
                value = base + [v for v in value if v not in base]
            problem = check_value(key, value, opt) or range_problem(key, value, opt.default)
            if problem:
                raise err(("rules", code, key), problem)
            bad = item_problem(opts[key], rule.options.get(name))
            if bad:
                raise err(("rules", code, key, bad[0]), bad[1])
            chosen[name] = value
        out[rule.code] = chosen
    return out


#: Options that count or size something real: zero would stall (a batch of 0) or refuse every file.
POSITIVE_OPTIONS = frozenset({"batch-size", "max-file-size"})


def range_problem(key: str, value: Any, default: Any) -> str | None:
    """None if a number is in range and a URL parses; else what is wrong. Numbers must be finite, at
    least 1 for sizes and counts (``POSITIVE_OPTIONS``), and not negative where the default is not."""
    if isinstance(value, str) and (key == "url" or key.endswith("-url")):
        parts = urlsplit(value)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            return f"{key} must be an http(s) URL with a host, not {value!r}"
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    if not math.isfinite(value):
        return f"{key} must be a finite number, not {value!r}"
    if key == "time-budget":
        return budget.budget_problem(value)
    if key in POSITIVE_OPTIONS and value < 1:
        return f"{key} must be at least 1, not {value!r}"
    if isinstance(default, (int, float)) and not isinstance(default, bool) and default >= 0 and value < 0:
        return f"{key} must not be negative, not {value!r}"
    return None


def _validate_table(table: Mapping[str, Any], options: Mapping[str, Option], prefix: str, err: Any
                    ) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in table.items():
        opt = options.get(key)
        if opt is None:
            raise err(f"{prefix}{key}", f"unknown key (known: {', '.join(sorted(options)) or 'none'})")
        problem = check_value(key, value, opt) or range_problem(key, value, opt.default)
        if problem:
            raise err(f"{prefix}{key}", problem)
        out[key] = value
    for key, opt in options.items():
        if key not in out and not opt.required:
            out[key] = opt.default
    return out


_JSON_TYPES = {str: "string", int: "integer", float: "number", bool: "boolean", list: "array", dict: "object"}


def _option_schema(opt: Option) -> dict[str, Any]:
    types = opt.type if isinstance(opt.type, tuple) else (opt.type,)
    names = sorted({_JSON_TYPES.get(t, "string") for t in types})
    out: dict[str, Any] = {"type": names[0] if len(names) == 1 else names, "description": opt.help}
    if opt.choices:
        out["enum"] = list(opt.choices)
    if not opt.required and opt.default is not None:
        out["default"] = opt.default
    return out


def config_schema(registry: Registry) -> dict[str, Any]:
    """The JSON Schema of ``[tool.editlint]`` (and editlint.toml): core keys and the families' tables."""
    props: dict[str, Any] = {k: _option_schema(o) for k, o in CORE_OPTIONS.items()}
    props["nlp"] = _table_schema(NLP_OPTIONS, "spaCy settings")
    for name, sec in registry.sections.items():
        props[name] = _table_schema(sec.options, sec.help)
    rules = {key: _rule_options_schema(registry, r.code) for r in registry.sorted_rules()
             for key in (r.code, r.name)}
    props["rules"] = {"type": "object", "properties": rules, "additionalProperties": False,
                      "description": CORE_OPTIONS["rules"].help}
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "title": "editlint configuration",
            "type": "object", "properties": props, "additionalProperties": False}


def _rule_options_schema(registry: Registry, code: str) -> dict[str, Any]:
    rule = registry.rules[code]
    options = registry.check_types[rule.check].options
    props = {k: _option_schema(o) for k, o in options.items()}
    props |= {f"extend-{k}": _option_schema(o) for k, o in options.items() if o.type is list}
    return {"type": "object", "description": rule.summary, "properties": props, "additionalProperties": False}


def _table_schema(options: Mapping[str, Option], help: str) -> dict[str, Any]:
    return {"type": "object", "description": help, "additionalProperties": False,
            "properties": {k: _option_schema(o) for k, o in options.items()}}


def json_schemas(registry: Registry) -> dict[str, dict[str, Any]]:
    """Every schema editors can use, by file name: rule pack, configuration, each declared data file."""
    from .datafile import json_schema
    from .rules import pack_schema

    out = {"rule-pack.json": pack_schema(), "config.json": config_schema(registry)}
    for name, model in sorted(registry.data_store.models.items()):
        out[f"data-{name}.json"] = json_schema(model, title=f"editlint data file {name}")
    return out


def config_for_path(path: str | None, explicit: Config | None = None) -> Config:
    """The configuration for one file: ``explicit`` if given, else the nearest file, else defaults."""
    if explicit is not None:
        return explicit
    folder = Path(path).parent if path and path != "-" else Path.cwd()
    found = _discover(str(folder.resolve()))
    if found is None:
        return default_config()
    return _load_cached(str(found))


@functools.lru_cache(maxsize=64)
def _load_cached(path: str) -> Config:
    return load_config(path)


@functools.lru_cache(maxsize=1)
def default_config() -> Config:
    return config_from_mapping({})


def clear_caches() -> None:
    """Forget discovered configuration files (tests and long-running hosts)."""
    _discover.cache_clear()
    _load_cached.cache_clear()
    default_config.cache_clear()
