"""Rules as data: rule packs (TOML in ``rules/`` and the packs a configuration names) and the registry.

A rule pack declares rules — code, slug, category, severity, scope, docs — each naming a check type
(Python, in ``editlint/checks/`` or a plug-in) and filling in its options. A pack may also extend what is
shipped: ``[rules.CODE]`` adds to a rule's options and ``[data.NAME]`` to the data file
``rules/data/NAME.toml`` (lists extend, tables merge; ``replace = true`` or ``replace-KEY`` replaces).
Every pack is validated by the pydantic models below through :mod:`editlint.datafile`, so unknown keys
and bad values are errors naming the file, the key path and the line. The registry is a plain object
built fresh from the check-type modules, the entry-point group ``editlint.checks`` and the packs.
"""

from __future__ import annotations

import contextvars
import difflib
import functools
import importlib
import pkgutil
import re
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from importlib import metadata
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, Field, StringConstraints

from .api import CheckType, ConfigSection, DataSchema, DataSource, MetricProvider, Option
from .datafile import (
    DataFileError,
    DataModel,
    Issue,
    KeyLines,
    KeyPath,
    key_lines,
    line_of_key,
    read_toml_text,
    validate_data,
)
from .datafile import rules_dir as _shipped_rules_dir
from .document import PROSE_KINDS, TEXT_KINDS, BlockKind
from .errors import ConfigError
from .findings import Severity

#: Where the shipped packs live (``editlint.datafile.rules_dir``, in the data layer; exported here too).
rules_dir = _shipped_rules_dir

CATEGORIES = ("repetition", "readability", "contradiction", "disclaimer", "grammar", "spelling",
              "structure", "style", "claims")
FAMILIES = {"1": "repetition", "2": "readability", "3": "contradiction", "4": "disclaimer and health claims",
            "5": "grammar and spelling", "6": "structure and leftovers"}
CODE_RE = re.compile(r"^EL[1-9]\d{2}$")
SLUG_RE = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")
ENTRY_POINT_GROUP = "editlint.checks"
#: Scope names: every block kind (``list-item`` or ``list_item``) and two groups.
SCOPE_GROUPS: Mapping[str, frozenset[BlockKind]] = {"prose": PROSE_KINDS, "text": TEXT_KINDS,
                                                    "all": frozenset(BlockKind)}


# -- pack schema (pydantic) ---------------------------------------------------------------------------
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
#: Block kinds (with - or _) and the groups, taken from BlockKind so a new kind is a scope at once.
SCOPE_NAMES = tuple(dict.fromkeys([*(k.value for k in BlockKind),
                                   *(k.value.replace("_", "-") for k in BlockKind), *SCOPE_GROUPS]))
ScopeName = Literal[SCOPE_NAMES]  # type: ignore[valid-type]


class DocsModel(DataModel):
    """``[rule.docs]``: what the rule finds, why it matters, a flagged and a passing example."""

    what: Text
    why: Text
    fail: Text
    pass_: Text = Field(alias="pass")
    instead: str = ""
    format: Literal["markdown", "html", "text"] = "markdown"
    fail_options: dict[str, Any] = Field(default_factory=dict, alias="fail-options")
    pass_options: dict[str, Any] = Field(default_factory=dict, alias="pass-options")


class OverlapsModel(DataModel):
    """``[rule.overlaps]``: a finding of this rule inside a finding of one of these rules is dropped; with
    ``same-key``, only a finding of theirs about the same thing (the same key) that overlaps it drops it."""

    suppressed_by: list[Text] = Field(default_factory=list, alias="suppressed-by")
    same_key: bool = Field(False, alias="same-key")


class RuleModel(DataModel):
    """One ``[[rule]]`` table."""

    code: Annotated[str, StringConstraints(pattern=CODE_RE.pattern)]
    name: Annotated[str, StringConstraints(pattern=SLUG_RE.pattern)]
    category: Literal[CATEGORIES]  # type: ignore[valid-type]
    severity: Literal["error", "warning", "info"]
    check: Text
    summary: Text
    docs: DocsModel
    enabled: bool = True
    options: dict[str, Any] = Field(default_factory=dict)
    sources: list[str] = Field(default_factory=list)
    aliases: list[str] = Field(default_factory=list)
    scope: list[ScopeName] | None = None
    overlaps: OverlapsModel | None = None


class PackInfo(DataModel):
    """``[pack]``: a name and a line about the pack."""

    name: str = ""
    description: str = ""


class PackModel(DataModel):
    """A rule pack file: ``[pack]``, ``[[rule]]``, ``[rules.CODE]`` option extensions, ``[data.NAME]``."""

    pack: PackInfo = Field(default_factory=PackInfo)
    rule: list[RuleModel] = Field(default_factory=list)
    rules: dict[str, dict[str, Any]] = Field(default_factory=dict)
    data: dict[str, dict[str, Any]] = Field(default_factory=dict)


# -- rules --------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class RuleDocs:
    what: str
    why: str
    fail: str
    passing: str
    instead: str = ""
    example_format: str = "markdown"


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    category: str
    severity: Severity
    check: str
    summary: str
    docs: RuleDocs
    options: Mapping[str, Any] = field(default_factory=dict)
    enabled: bool = True
    sources: tuple[str, ...] = ()
    pack: str = ""
    scope: frozenset[BlockKind] = TEXT_KINDS
    suppressed_by: tuple[str, ...] = ()  # selectors of rules whose findings cover (and drop) this rule's
    suppressed_by_same_key: bool = False  # only their findings with this finding's key (overlapping) drop it

    @property
    def family(self) -> str:
        return FAMILIES.get(self.code[2], "other")

    def explain(self) -> str:
        """The rule's documentation as plain text (``editlint explain``)."""
        parts = [f"{self.code} {self.name} ({self.category}, default severity {self.severity.value}"
                 f"{'' if self.enabled else ', off by default'})", "", self.summary, "",
                 "What it does", "  " + self.docs.what, "", "Why it matters", "  " + self.docs.why, "",
                 "Flagged example", _indent(self.docs.fail), "",
                 "Passing example", _indent(self.docs.passing)]
        if self.docs.instead:
            parts += ["", "What to write instead", "  " + self.docs.instead]
        if self.options:
            parts += ["", "Options (override under [tool.editlint.rules." + self.code + "])"]
            for k, v in self.options.items():
                shown = v if not isinstance(v, (list, dict)) or len(str(v)) < 80 else f"<{len(v)} entries>"
                parts.append(f"  {k} = {shown!r}")
        if self.sources:
            parts += ["", "Sources"] + [f"  - {s}" for s in self.sources]
        parts += ["", f"Defined in rule pack: {self.pack}"]
        return "\n".join(parts)


def _indent(text: str) -> str:
    return "\n".join("  " + ln for ln in text.strip("\n").splitlines())


def scope_kinds(names: Iterable[str]) -> frozenset[BlockKind]:
    """Block kinds named by a rule's ``scope`` (kinds with - or _, or the groups prose, text, all)."""
    kinds: set[BlockKind] = set()
    for name in names:
        kinds |= SCOPE_GROUPS.get(name) or {BlockKind(name.replace("-", "_"))}
    return frozenset(kinds)


# -- files --------------------------------------------------------------------------------------------
def read_toml(path: Path) -> dict[str, Any]:
    """A TOML file as a dict; unreadable or invalid files are configuration errors naming the file."""
    return read_toml_text(path)[1]


def line_of(text: str, key: str, after: int = 0) -> int:
    """Best-effort 1-based line where ``key =`` (or ``[...key]``) appears at or after line ``after``.

    Kept for data loaders not yet on :mod:`editlint.datafile`, whose errors give exact lines.
    """
    pat = re.compile(rf"^\s*(?:\"?{re.escape(key)}\"?\s*=|\[+[^\]]*\b{re.escape(key)}\b)", re.M)
    lines = text.splitlines()
    for i in range(max(after - 1, 0), len(lines)):
        if pat.match(lines[i]):
            return i + 1
    return after or 1


def check_value(name: str, value: Any, opt: Option) -> str | None:
    """None if ``value`` fits ``opt``; otherwise a short description of what was expected."""
    types = opt.type if isinstance(opt.type, tuple) else (opt.type,)
    ok = isinstance(value, types) and not (isinstance(value, bool) and bool not in types)
    if not ok and float in types and isinstance(value, int) and not isinstance(value, bool):
        ok = True
    if not ok:
        want = " or ".join(_type_name(t) for t in types)
        return f"{name} must be {want}, not {_type_name(type(value))}"
    if opt.choices and value not in opt.choices:
        return f"{name} must be one of {', '.join(map(str, opt.choices))}, not {value!r}"
    return None


def item_problem(value: Any, reference: Any = None) -> tuple[int, str] | None:
    """The first element of a list option whose type differs from the others (or from the elements of
    ``reference``, the shipped value): ``phrases = ["a", 3]`` is almost always a typo."""
    if not isinstance(value, list) or not value:
        return None
    model = reference[0] if isinstance(reference, list) and reference else value[0]
    want = type(model)
    for i, item in enumerate(value):
        same = type(item) is want or (want is float and type(item) is int)
        if not same:
            return i, f"must be {_type_name(want)} like the other entries, not {_type_name(type(item))}"
    return None


def _type_name(t: type) -> str:
    return {str: "a string", int: "an integer", float: "a number", bool: "true or false", list: "a list",
            dict: "a table"}.get(t, t.__name__)


# -- layering: how a pack extends shipped lists and tables ---------------------------------------------
Origins = dict[KeyPath, tuple[int, KeyPath]]  # merged key path -> (layer, key path in that layer's file)


def merge_layer(base: Any, ext: Mapping[str, Any], *, layer: int = 0, at: KeyPath = (),
                src: KeyPath = (), origins: Origins | None = None) -> dict[str, Any]:
    """``base`` extended by ``ext``: lists extend, tables merge, scalars replace.

    ``replace = true`` in ``ext`` replaces the whole table; ``replace-KEY`` replaces one key and
    ``extend-KEY`` extends one list explicitly. ``origins`` records where each added value came from
    (merged key path -> (layer, key path in the layer's file)) so errors can point into the pack.
    """
    origins = {} if origins is None else origins
    if ext.get("replace") is True:
        origins[at] = (layer, src)
        return {k: v for k, v in ext.items() if k != "replace"}
    out = dict(base) if isinstance(base, Mapping) else {}
    for key, value in ext.items():
        name, mode = _mode(key)
        here, there = (*at, name), (*src, key)
        old = out.get(name)
        if mode == "replace" or old is None or (mode == "merge" and type(old) is not type(value)):
            out[name] = value
            origins[here] = (layer, there)
        elif isinstance(old, list) and isinstance(value, list):
            out[name] = _extend(old, value, here, there, layer, origins)
        elif isinstance(old, dict) and isinstance(value, dict) and mode == "merge":
            out[name] = merge_layer(old, value, layer=layer, at=here, src=there, origins=origins)
        elif mode == "extend":
            raise ConfigError(f"{key}: extends {name!r}, which is not a list")
        else:
            out[name] = value
            origins[here] = (layer, there)
    return out


def _parts(key: str | KeyPath) -> KeyPath:
    """A failing option's key path: ``"phrases"`` or ``("phrases", 2)``; ``""`` is the table itself."""
    if isinstance(key, tuple):
        return key
    return (key,) if key else ()


def _mode(key: str) -> tuple[str, str]:
    for prefix in ("extend-", "replace-"):
        if key.startswith(prefix) and len(key) > len(prefix):
            return key[len(prefix):], prefix[:-1]
    return key, "merge"


def _extend(old: list[Any], new: list[Any], here: KeyPath, there: KeyPath, layer: int,
            origins: Origins) -> list[Any]:
    out = list(old)
    for j, item in enumerate(new):
        if _hashable(item) and item in out:
            continue
        origins[here + (len(out),)] = (layer, there + (j,))
        out.append(item)
    return out


def _hashable(item: Any) -> bool:
    return isinstance(item, (str, int, float, bool))


@dataclass(frozen=True)
class _Layer:
    origin: str
    text: str
    table: Mapping[str, Any]
    at: KeyPath  # where the table sits in its file: ("data", NAME) in a pack


class DataStore:
    """Named data files (``rules/data/NAME.toml``) with the packs' extensions, loaded once per store.

    A check type module may declare a schema for a name (a pydantic model, see ``DataSchema``); the data
    is then validated, errors pointing into whichever file (shipped or pack) holds the bad key. A declared
    ``build`` turns the validated data into the object checks get (built once, under a lock: the engine
    may run checks in threads); it reads other data through the store (:class:`editlint.api.DataSource`).
    """

    def __init__(self, root: Path | None = None) -> None:
        self.root = root or rules_dir() / "data"
        self.layers: dict[str, list[_Layer]] = {}
        self.models: dict[str, type[BaseModel]] = {}
        self.builders: dict[str, Callable[[Any, DataSource], Any]] = {}
        self.files: dict[str, Path] = {}  # shipped files outside rules/data (a schema's ``file``)
        self._raw: dict[str, dict[str, Any]] = {}
        self._validated: dict[str, Any] = {}
        self._built: dict[str, Any] = {}
        self._lock = threading.RLock()

    @property
    def signature(self) -> tuple[tuple[str, tuple[str, ...]], ...]:
        """What distinguishes this store's data from the shipped data (empty: nothing extended)."""
        return tuple((n, tuple(layer.origin for layer in ls)) for n, ls in sorted(self.layers.items()))

    def extend(self, name: str, table: Mapping[str, Any], *, origin: str, text: str, at: KeyPath) -> None:
        self.layers.setdefault(name, []).append(_Layer(origin, text, table, at))
        self._raw.pop(name, None)
        self._validated.pop(name, None)
        self._built.clear()  # a built object may depend on any other data

    def declare(self, schema: DataSchema) -> None:
        """A check module's ``DataSchema``: its model validates the data, its ``build`` makes the object."""
        if schema.model is not None:
            self.models[schema.name] = schema.model
        if schema.build is not None:
            self.builders[schema.name] = schema.build
        if schema.file is not None:
            self.files[schema.name] = self.root.parent / schema.file

    def path(self, name: str) -> Path:
        return self.files.get(name) or self.root / f"{name}.toml"

    def known(self) -> list[str]:
        """Every data name a pack may extend: shipped files and declared schemas."""
        shipped = {p.stem for p in self.root.glob("*.toml")} if self.root.is_dir() else set()
        return sorted(shipped | set(self.models) | set(self.builders))

    def check_known(self, name: str) -> None:
        """A pack's ``[data.NAME]`` must name shipped or declared data: ``[data.vocabulry]`` is an error
        at its line, not an extension nothing reads."""
        if name in self.models or name in self.builders or self.path(name).is_file():
            return
        layer = self.layers[name][0]
        known = self.known()
        hint = difflib.get_close_matches(name, known, n=1)
        tail = f"; did you mean {hint[0]!r}?" if hint else f" (known: {', '.join(known)})"
        issue = Issue(layer.at, line_of_key(key_lines(layer.text), layer.at), f"unknown data file{tail}")
        raise DataFileError([issue], path=layer.origin)

    def raw(self, name: str) -> dict[str, Any]:
        """The shipped file merged with every pack's ``[data.NAME]`` (a plain dict)."""
        if name not in self._raw:
            self._raw[name] = self._merge(name)[0]
        return self._raw[name]

    def validated(self, name: str) -> Any:
        """The data, as its declared model when there is one, else the merged dict."""
        with self._lock:
            if name not in self._validated:
                model = self.models.get(name)
                self._validated[name] = self.raw(name) if model is None else self._validate(name, model)
            return self._validated[name]

    def get(self, name: str) -> Any:
        """What ``ctx.data(NAME)`` returns: the declared ``build`` of the validated data, else the data."""
        with self._lock:
            if name not in self._built:
                build = self.builders.get(name)
                value = self.validated(name)
                self._built[name] = value if build is None else build(value, _StoreSource(self))
            return self._built[name]

    def read_text(self, relpath: str) -> str:
        """A file under the data root; unreadable files are configuration errors naming the file."""
        path = self.root / relpath
        try:
            return path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise ConfigError(f"data file cannot be read: {exc}", path=str(path)) from None

    def _shipped(self, name: str) -> tuple[str, dict[str, Any]]:
        path = self.path(name)
        declared = name in self.models or name in self.builders
        if not path.is_file() and (declared or self.layers.get(name)):
            return "", {}  # data a plug-in declares or a pack brings, with nothing shipped
        return read_toml_text(path)

    def _merge(self, name: str) -> tuple[dict[str, Any], Origins]:
        data = self._shipped(name)[1]
        origins: Origins = {}
        for i, layer in enumerate(self.layers.get(name, ()), start=1):
            try:
                data = merge_layer(data, layer.table, layer=i, src=layer.at, origins=origins)
            except ConfigError as exc:
                where = ".".join(map(str, layer.at))
                raise ConfigError(f"{where}.{exc.message}", path=layer.origin) from None
        return data, origins

    def _validate(self, name: str, model: type[BaseModel]) -> BaseModel:
        text = self._shipped(name)[0]
        data, origins = self._merge(name)
        try:
            return validate_data(data, model, text=text, origin=str(self.path(name)))
        except DataFileError as exc:
            raise self._relocate(name, exc, origins) from None

    def _relocate(self, name: str, exc: DataFileError, origins: Origins) -> DataFileError:
        """Point an error at the pack that contributed the bad value, if one did."""
        first = exc.issues[0].key
        for n in range(len(first), -1, -1):
            found = origins.get(first[:n])
            if found is not None:
                layer = self.layers[name][found[0] - 1]
                key = (*found[1], *first[n:])
                issue = Issue(key, line_of_key(key_lines(layer.text), key), exc.issues[0].problem)
                return DataFileError([issue], path=layer.origin)
        return exc


@dataclass(frozen=True)
class _StoreSource:
    """The :class:`editlint.api.DataSource` a ``build`` function gets: the store's data and files."""

    store: DataStore

    def data(self, name: str) -> Any:
        return self.store.get(name)

    def read_text(self, relpath: str) -> str:
        return self.store.read_text(relpath)

    def rules_path(self, relpath: str) -> Path:
        return self.store.root.parent / relpath


#: The data store of the registry whose checks are running (``load_data`` reads it).
_ACTIVE_DATA: contextvars.ContextVar[DataStore | None] = contextvars.ContextVar("editlint_data", default=None)
_SHIPPED = DataStore()


def load_data(relpath: str) -> dict[str, Any]:
    """Read a data file under the rules directory (e.g. ``data/milestones-motor.toml``), with the
    extensions of the running registry's packs. New check code should use ``ctx.data(NAME)``."""
    store = _ACTIVE_DATA.get() or _SHIPPED
    rel = Path(relpath)
    if rel.parts[:1] == ("data",) and rel.suffix == ".toml":
        return store.raw(rel.with_suffix("").relative_to("data").as_posix())
    return read_toml(rules_dir() / relpath)


# -- the registry ---------------------------------------------------------------------------------------
class Registry:
    """Check types, metric providers, configuration sections, rules and data, built fresh."""

    def __init__(self, data_root: Path | None = None) -> None:
        self.check_types: dict[str, CheckType] = {}
        self.metric_providers: list[MetricProvider] = []
        self.sections: dict[str, ConfigSection] = {}
        self.rules: dict[str, Rule] = {}
        self.data_store = DataStore(data_root)
        self._slugs: dict[str, str] = {}
        self._caches: list[Callable[[], None]] = []

    # -- building ---------------------------------------------------------------------------------
    @classmethod
    def default(cls, extra_packs: Iterable[str | Path] = ()) -> Registry:
        """The shipped check types and packs, plus ``extra_packs`` (files or folders of TOML files)."""
        return _default_registry(tuple(str(p) for p in extra_packs))

    def add_module(self, module: Any) -> None:
        for value in vars(module).values():
            if isinstance(value, CheckType):
                if value.name in self.check_types and self.check_types[value.name] is not value:
                    raise ConfigError(f"check type {value.name!r} is defined twice ({module.__name__})")
                self.check_types[value.name] = value
            elif isinstance(value, MetricProvider) and value not in self.metric_providers:
                self.metric_providers.append(value)
            elif isinstance(value, ConfigSection):
                self.sections[value.name] = value
            elif isinstance(value, DataSchema):
                self.data_store.declare(value)
            elif isinstance(value, functools._lru_cache_wrapper):
                self._caches.append(value.cache_clear)

    def discover_check_modules(self) -> None:
        from . import checks, datamodels

        self.add_module(datamodels)
        for info in sorted(pkgutil.iter_modules(checks.__path__), key=lambda m: m.name):
            if info.name.startswith("_") or info.name == "base":
                continue
            self.add_module(importlib.import_module(f"{checks.__name__}.{info.name}"))
        for ep in metadata.entry_points(group=ENTRY_POINT_GROUP):
            try:
                obj = ep.load()
            except Exception as exc:  # a broken plug-in must not take editlint down silently
                raise ConfigError(f"plug-in {ep.name!r} ({ep.value}) failed to load: {exc}") from None
            self.add_module(obj)

    def load_packs(self, paths: Iterable[str | Path]) -> None:
        """Load packs: each path a TOML file or a folder whose ``*.toml`` files are loaded in name order."""
        for p in map(Path, paths):
            if p.is_dir():
                for f in sorted(p.glob("*.toml")):
                    self.load_pack(f)
            elif p.is_file():
                self.load_pack(p)
            else:
                raise ConfigError("rule pack not found", path=str(p))

    def load_pack(self, path: Path) -> None:
        """Validate one pack file and add its rules, option extensions and data extensions."""
        where = str(path)
        text, data = read_toml_text(path)
        pack = validate_data(data, PackModel, text=text, origin=where)
        lines = KeyLines(text)  # scanned only if a rule or an extension is in error
        for i, raw in enumerate(pack.rule):
            self.add_rule(self._rule(raw, data["rule"][i], ("rule", i), lines, where))
        for code, ext in pack.rules.items():
            self._extend_options(code, ext, lines, where)
        for name, table in pack.data.items():
            self.data_store.extend(name, table, origin=where, text=text, at=("data", name))

    def _rule(self, raw: RuleModel, given: Mapping[str, Any], at: KeyPath, lines: Mapping[KeyPath, int],
              where: str) -> Rule:
        def fail(key: KeyPath, problem: str) -> DataFileError:
            return DataFileError([Issue((*at, *key), line_of_key(lines, (*at, *key)), problem)], path=where)

        ctype = self.check_types.get(raw.check)
        if ctype is None:
            known = ", ".join(sorted(self.check_types))
            raise fail(("check",), f"unknown check type {raw.check!r} (known: {known})")
        options = self.validate_options(ctype, given.get("options", {}),
                                        lambda k, p: fail(("options", *_parts(k)), p))
        docs = raw.docs
        return Rule(code=raw.code, name=raw.name, category=raw.category, severity=Severity(raw.severity),
                    check=raw.check, summary=raw.summary,
                    docs=RuleDocs(what=docs.what, why=docs.why, fail=given["docs"]["fail"],
                                  passing=given["docs"]["pass"], instead=docs.instead.strip(),
                                  example_format=docs.format),
                    options=options, enabled=raw.enabled, sources=tuple(raw.sources), pack=Path(where).name,
                    scope=scope_kinds(raw.scope) if raw.scope is not None else TEXT_KINDS,
                    suppressed_by=tuple(raw.overlaps.suppressed_by) if raw.overlaps else (),
                    suppressed_by_same_key=bool(raw.overlaps and raw.overlaps.same_key))

    def _extend_options(self, code: str, ext: Mapping[str, Any], lines: Mapping[KeyPath, int],
                        where: str) -> None:
        """``[rules.CODE]`` in a pack: the rule's options extended (lists) or replaced (scalars)."""
        def fail(key: KeyPath, problem: str) -> DataFileError:
            full = ("rules", code, *key)
            return DataFileError([Issue(full, line_of_key(lines, full), problem)], path=where)

        try:
            rule = self.get(code)
        except KeyError:
            raise fail((), "unknown rule code or slug") from None
        try:
            merged = merge_layer(rule.options, ext)
        except ConfigError as exc:
            raise fail((), exc.message) from None
        ctype = self.check_types[rule.check]
        for key in ext:
            name = _mode(key)[0]
            if name not in ctype.options:
                known = ", ".join(sorted(ctype.options)) or "none"
                raise fail((key,), f"unknown option for check type {ctype.name!r} (known: {known})")
            problem = check_value(name, merged[name], ctype.options[name])
            if problem:
                raise fail((key,), problem)
            bad = item_problem(ext[key], rule.options.get(name))
            if bad:
                raise fail((key, bad[0]), bad[1])
        self.rules[rule.code] = replace(rule, options=merged)

    @staticmethod
    def validate_options(ctype: CheckType, given: Any, fail: Any) -> dict[str, Any]:
        if not isinstance(given, dict):
            raise fail("", "options must be a table")
        out: dict[str, Any] = {}
        for key, value in given.items():
            opt = ctype.options.get(key)
            if opt is None:
                known = ", ".join(sorted(ctype.options)) or "none"
                raise fail(key, f"unknown option for check type {ctype.name!r} (known: {known})")
            problem = check_value(key, value, opt)
            if problem:
                raise fail(key, problem)
            bad = item_problem(value, opt.default)
            if bad:
                raise fail((key, bad[0]), bad[1])
            out[key] = value
        for key, opt in ctype.options.items():
            if key not in out:
                if opt.required:
                    raise fail(key, f"is required by check type {ctype.name!r}")
                out[key] = opt.default
        return out

    def add_rule(self, rule: Rule) -> None:
        if rule.code in self.rules:
            raise ConfigError(f"rule code {rule.code} is defined twice ({self.rules[rule.code].pack} and "
                              f"{rule.pack})")
        if rule.name in self._slugs:
            raise ConfigError(f"rule slug {rule.name!r} is used by {self._slugs[rule.name]} and {rule.code}")
        self.rules[rule.code] = rule
        self._slugs[rule.name] = rule.code

    def finish(self) -> None:
        """Checks once every pack is in: ``suppressed-by`` names known rules, and every pack's data
        extension fits its data file's schema (so a house-pack typo fails at load, naming the pack)."""
        for name in self.data_store.layers:
            self.data_store.check_known(name)
            if name in self.data_store.models:
                self.data_store.validated(name)
        for rule in self.rules.values():
            for selector in rule.suppressed_by:
                try:
                    self.resolve(selector)
                except KeyError:
                    raise ConfigError(f"rule {rule.code}: overlaps.suppressed-by: unknown rule {selector!r}",
                                      path=rule.pack) from None

    # -- data -------------------------------------------------------------------------------------
    def data(self, name: str) -> Any:
        """The data object NAME for this registry's checks (``ctx.data(NAME)``).

        How a check declares and gets a data object (no module-level caches in ``editlint/checks``):

        1. Write a pydantic model (``editlint.datafile.DataModel``: unknown keys are errors) for the file
           ``rules/data/NAME.toml`` and, if the check needs more than the validated data (sets, compiled
           patterns, an index, a memo cache), a ``build(value, source) -> obj`` function; ``source.data(
           OTHER)`` gives another data object and ``source.read_text(RELPATH)`` a file under rules/data.
        2. Declare it at module level in the check module: ``NAME_DATA = DataSchema("NAME", Model, build)``
           (``model=None`` for an object built from other data only). The registry scans check modules
           for ``DataSchema`` values, as for check types.
        3. In the check, ``obj = ctx.data("NAME")``. It is built once per registry, after every pack's
           ``[data.NAME]`` extension is merged in (lists extend, ``replace-KEY`` replaces), so a publisher's
           pack reaches it; per-process memo caches go on that object (a dict attribute), never on the module.
        """
        return self.data_store.get(name)

    @contextmanager
    def active(self) -> Iterator[None]:
        """Make this registry's data what ``load_data`` returns while its checks run.

        Check modules that still cache data in module-level ``lru_cache`` functions are reset when the
        active data changes (a transition aid until they read ``ctx.data``).
        """
        global _LAST_SIGNATURE
        signature = self.data_store.signature
        if signature != _LAST_SIGNATURE:
            for clear in self._caches:
                clear()
            _LAST_SIGNATURE = signature
        token = _ACTIVE_DATA.set(self.data_store)
        try:
            yield
        finally:
            _ACTIVE_DATA.reset(token)

    # -- lookup -----------------------------------------------------------------------------------
    def get(self, code_or_slug: str) -> Rule:
        key = code_or_slug.strip()
        if key.upper() in self.rules:
            return self.rules[key.upper()]
        if key.lower() in self._slugs:
            return self.rules[self._slugs[key.lower()]]
        raise KeyError(code_or_slug)

    def resolve(self, selector: str) -> set[str]:
        """Codes matched by a selector: ``ALL``, a code or code prefix, a slug or a category."""
        s = selector.strip()
        if not s:
            return set()
        if s.upper() == "ALL":
            return set(self.rules)
        if s.upper().startswith("EL") and re.fullmatch(r"EL\d{0,3}", s.upper()):
            hits = {c for c in self.rules if c.startswith(s.upper())}
            if hits:
                return hits
        if s.lower() in self._slugs:
            return {self._slugs[s.lower()]}
        if s.lower() in CATEGORIES:
            hits = {c for c, r in self.rules.items() if r.category == s.lower()}
            if hits:
                return hits
        raise KeyError(selector)

    def specificity(self, selector: str) -> int:
        """How narrow a selector is, for ruff's precedence (the more specific one wins): ``ALL`` 0, a
        category 1, a code prefix its length (``EL`` 2 … ``EL303`` 5), a slug 5 (it names one rule)."""
        s = selector.strip()
        if s.upper() == "ALL":
            return 0
        if re.fullmatch(r"EL\d{0,3}", s.upper()):
            return len(s)
        if s.lower() in self._slugs:
            return 5
        return 1

    def sorted_rules(self) -> list[Rule]:
        return [self.rules[c] for c in sorted(self.rules)]


_LAST_SIGNATURE: tuple[tuple[str, tuple[str, ...]], ...] = ()


@functools.lru_cache(maxsize=8)
def _default_registry(extra_packs: tuple[str, ...]) -> Registry:
    reg = Registry()
    reg.discover_check_modules()
    reg.load_packs(sorted(rules_dir().glob("*.toml")))
    reg.load_packs(extra_packs)
    reg.finish()
    return reg


def pack_schema() -> dict[str, Any]:
    """The JSON Schema of a rule pack file (``schemas/rule-pack.json``)."""
    from .datafile import json_schema

    return json_schema(PackModel, title="editlint rule pack")

