"""Rules as data: rule packs (TOML in ``rules/``) validated on load, and the registry that holds them.

A rule pack declares rules — code, slug, category, severity, docs — each naming a check type (Python,
in ``editlint/checks/``) and filling in its options. The registry is a plain object built fresh from
the check-type modules, the entry-point group ``editlint.checks`` and the packs; nothing is global.
"""

from __future__ import annotations

import functools
import importlib
import pkgutil
import re
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from importlib import metadata, resources
from pathlib import Path
from typing import Any

from .checks.base import CheckType, ConfigSection, MetricProvider, Option
from .errors import ConfigError
from .findings import Severity

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

CATEGORIES = ("repetition", "readability", "contradiction", "disclaimer", "grammar", "spelling",
              "structure", "style", "claims")
FAMILIES = {"1": "repetition", "2": "readability", "3": "contradiction", "4": "disclaimer and health claims",
            "5": "grammar and spelling", "6": "structure and leftovers"}
CODE_RE = re.compile(r"^EL[1-9]\d{2}$")
SLUG_RE = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")
ENTRY_POINT_GROUP = "editlint.checks"

_RULE_KEYS = {"code", "name", "category", "severity", "check", "summary", "enabled", "docs", "options",
              "sources", "aliases"}
_DOC_KEYS = {"what", "why", "fail", "pass", "instead", "format", "fail-options", "pass-options"}


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


def rules_dir() -> Path:
    """Rule packs shipped in the wheel (``editlint/_rules``), else the checkout's top-level ``rules/``."""
    shipped = resources.files("editlint") / "_rules"
    if shipped.is_dir():
        return Path(str(shipped))
    return Path(__file__).resolve().parent.parent / "rules"


@functools.lru_cache(maxsize=64)
def load_data(relpath: str) -> dict[str, Any]:
    """Read a data file under the rules directory (e.g. ``data/milestones-motor.toml``)."""
    path = rules_dir() / relpath
    return read_toml(path)


def read_toml(path: Path) -> dict[str, Any]:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError("file not found", path=str(path)) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot be read: {exc}", path=str(path)) from None
    try:
        data: dict[str, Any] = tomllib.loads(text)  # typed even where tomli's stubs are absent
        return data
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"is not valid TOML: {exc}", path=str(path)) from None


def line_of(text: str, key: str, after: int = 0) -> int:
    """Best-effort 1-based line where ``key =`` (or ``[...key]``) appears at or after line ``after``."""
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


def _type_name(t: type) -> str:
    return {str: "a string", int: "an integer", float: "a number", bool: "true or false", list: "a list",
            dict: "a table"}.get(t, t.__name__)


class Registry:
    """Check types, metric providers, configuration sections and rules, built fresh."""

    def __init__(self) -> None:
        self.check_types: dict[str, CheckType] = {}
        self.metric_providers: list[MetricProvider] = []
        self.sections: dict[str, ConfigSection] = {}
        self.rules: dict[str, Rule] = {}
        self._slugs: dict[str, str] = {}

    # -- building ---------------------------------------------------------------------------------
    @classmethod
    def default(cls, extra_packs: Iterable[str | Path] = ()) -> Registry:
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

    def discover_check_modules(self) -> None:
        from . import checks

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

    def load_pack(self, path: Path) -> None:
        text = path.read_text(encoding="utf-8") if path.is_file() else ""
        data = read_toml(path)
        where = str(path)
        unknown = set(data) - {"pack", "rule"}
        if unknown:
            key = sorted(unknown)[0]
            raise ConfigError(f"line {line_of(text, key)}: unknown key {key!r} (a rule pack has [pack] "
                              "and [[rule]] tables)", path=where)
        rules = data.get("rule", [])
        if not isinstance(rules, list):
            raise ConfigError(f"line {line_of(text, 'rule')}: 'rule' must be an array of tables [[rule]]",
                              path=where)
        for raw in rules:
            self.add_rule(self._parse_rule(raw, text, where))

    def _parse_rule(self, raw: dict[str, Any], text: str, where: str) -> Rule:
        code = raw.get("code")
        at = line_of(text, "code")
        if isinstance(code, str):
            m = re.search(rf"^\s*code\s*=\s*\"{re.escape(code)}\"", text, re.M)
            at = text.count("\n", 0, m.start()) + 1 if m else at

        def fail(key: str, problem: str) -> ConfigError:
            return ConfigError(f"line {line_of(text, key.split('.')[-1], at)}: rule {code or '?'}: "
                               f"{key}: {problem}", path=where)

        for key in raw:
            if key not in _RULE_KEYS:
                raise fail(key, "unknown key")
        for key in ("code", "name", "category", "severity", "check", "summary"):
            if not isinstance(raw.get(key), str) or not raw[key].strip():
                raise fail(key, "is required and must be a string")
        if not CODE_RE.match(raw["code"]):
            raise fail("code", f"{raw['code']!r} is not EL followed by three digits")
        if not SLUG_RE.match(raw["name"]):
            raise fail("name", f"{raw['name']!r} is not a lower-case slug like 'repeated-phrase'")
        if raw["category"] not in CATEGORIES:
            raise fail("category", f"{raw['category']!r} is not one of {', '.join(CATEGORIES)}")
        try:
            severity = Severity.parse(raw["severity"])
        except ValueError as exc:
            raise fail("severity", str(exc)) from None
        ctype = self.check_types.get(raw["check"])
        if ctype is None:
            raise fail("check", f"unknown check type {raw['check']!r} (known: "
                       f"{', '.join(sorted(self.check_types))})")
        docs = raw.get("docs")
        if not isinstance(docs, dict):
            raise fail("docs", "a [rule.docs] table with what, why, fail and pass is required")
        for key in docs:
            if key not in _DOC_KEYS:
                raise fail(f"docs.{key}", "unknown key")
        for key in ("what", "why", "fail", "pass"):
            if not isinstance(docs.get(key), str) or not docs[key].strip():
                raise fail(f"docs.{key}", "is required and must be a non-empty string")
        options = self.validate_options(ctype, raw.get("options", {}),
                                        lambda k, p: fail(f"options.{k}", p))
        sources = raw.get("sources", [])
        if not isinstance(sources, list) or not all(isinstance(s, str) for s in sources):
            raise fail("sources", "must be a list of strings")
        enabled = raw.get("enabled", True)
        if not isinstance(enabled, bool):
            raise fail("enabled", "must be true or false")
        return Rule(code=raw["code"], name=raw["name"], category=raw["category"], severity=severity,
                    check=raw["check"], summary=raw["summary"].strip(),
                    docs=RuleDocs(what=docs["what"].strip(), why=docs["why"].strip(), fail=docs["fail"],
                                  passing=docs["pass"], instead=docs.get("instead", "").strip(),
                                  example_format=docs.get("format", "markdown")),
                    options=options, enabled=enabled, sources=tuple(sources), pack=Path(where).name)

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

    def sorted_rules(self) -> list[Rule]:
        return [self.rules[c] for c in sorted(self.rules)]


@functools.lru_cache(maxsize=8)
def _default_registry(extra_packs: tuple[str, ...]) -> Registry:
    reg = Registry()
    reg.discover_check_modules()
    base = rules_dir()
    for path in sorted(base.glob("*.toml")):
        reg.load_pack(path)
    for extra in extra_packs:
        p = Path(extra)
        if not p.is_file():
            raise ConfigError("rule pack not found", path=extra)
        reg.load_pack(p)
    return reg
