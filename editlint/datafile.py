"""One validated data layer: TOML files checked against pydantic models, with errors that say where.

Every rule pack, data file and configuration table is described by a pydantic model (``extra="forbid"``,
so a misspelt key is an error, not silence). :func:`load_model` reads the TOML, validates it and, on
failure, raises a :class:`DataFileError` naming the file, the key path (``rule[3].options.phrases[2]``,
indexes 0-based as in JSON Pointer) and the line of that key in the file. ``tomllib`` keeps no
positions, so a small scanner (:func:`key_lines`) walks the already-valid TOML text once and records
where every table, key and array element starts. :func:`json_schema` exports a model's JSON Schema so
editors can validate packs as they are typed.
"""

from __future__ import annotations

import bisect
import difflib
import marshal
import re
import sys
import threading
import types
import typing
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import partial
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

import pydantic
from pydantic import BaseModel, ConfigDict

from . import datacache
from .errors import ConfigError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

__all__ = ["DataFileError", "DataModel", "Issue", "KeyLines", "KeyPath", "format_key_path", "json_schema",
           "key_lines", "line_of_key", "load_model", "parse_toml", "read_toml_text", "validate_data"]

M = TypeVar("M", bound=BaseModel)
KeyPath = tuple[str | int, ...]

#: How many validation problems one error message lists (the rest are counted).
MAX_LISTED = 5


class DataModel(BaseModel):
    """Base for data-file models: unknown keys are errors, values are immutable, TOML's kebab-case
    keys map to snake_case fields through aliases (``Field(alias="fail-options")``)."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


@dataclass(frozen=True)
class Issue:
    """One validation problem: where (key path, 1-based line, 0 when unknown) and what."""

    key: KeyPath
    line: int
    problem: str

    def __str__(self) -> str:
        where = f"line {self.line}: " if self.line else ""
        key = format_key_path(self.key)
        return f"{where}{key}: {self.problem}" if key else f"{where}{self.problem}"


class DataFileError(ConfigError):
    """A data or pack file that does not fit its schema; ``issues`` holds every problem found."""

    def __init__(self, issues: Sequence[Issue], *, path: str | None = None) -> None:
        self.issues = tuple(issues)
        listed = [str(i) for i in self.issues[:MAX_LISTED]]
        more = len(self.issues) - len(listed)
        message = listed[0] if listed else "invalid data"
        if len(listed) > 1 or more:
            message += "".join(f"\n  also {s}" for s in listed[1:])
            message += f"\n  and {more} more problem(s)" if more else ""
        super().__init__(message, path=path)

    @property
    def line(self) -> int:
        return self.issues[0].line if self.issues else 0

    @property
    def key(self) -> KeyPath:
        return self.issues[0].key if self.issues else ()


# -- reading -----------------------------------------------------------------------------------------
def rules_dir() -> Path:
    """Rule packs shipped in the wheel (``editlint/_rules``), else the checkout's top-level ``rules/``.

    Here, in the data layer, so that a check module can find its shipped data without the registry."""
    shipped = resources.files("editlint") / "_rules"
    if shipped.is_dir():
        return Path(str(shipped))
    return Path(__file__).resolve().parent.parent / "rules"


def read_toml_text(path: Path, *, origin: str | None = None) -> tuple[str, dict[str, Any]]:
    """The file's text and its parsed TOML; unreadable or invalid files are configuration errors."""
    where = origin or str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError("file not found", path=where) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot be read: {exc}", path=where) from None
    try:
        return text, parse_toml(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"is not valid TOML: {exc}", path=where) from None


#: Parsed TOML by its text, as ``marshal`` bytes: a run reads a data file several times (merged, then
#: validated; a claims file by its builder and its loader) and ``tomllib`` is pure Python, 0.16 s of a
#: cold run for 54 parses of 35 files. Keyed by the text itself, so an edited file is parsed afresh.
_PARSED: dict[str, bytes] = {}
_PARSED_MAX = 256
_parsed_lock = threading.Lock()


def parse_toml(text: str) -> dict[str, Any]:
    """``tomllib.loads(text)``, each text parsed once per process and kept between runs (:mod:`datacache`);
    every caller gets its own copy (callers merge into what they get). Documents with dates or times (which
    ``marshal`` cannot hold) are parsed every time."""
    with _parsed_lock:
        frozen = _PARSED.get(text)
    if frozen is not None:
        data: dict[str, Any] = marshal.loads(frozen)
        return data
    data = datacache.cached("toml", [text], partial(tomllib.loads, text), _is_table)
    try:
        frozen = marshal.dumps(data)
    except ValueError:  # a datetime, date or time value
        return data
    with _parsed_lock:
        if len(_PARSED) >= _PARSED_MAX:
            _PARSED.clear()  # a bound for long-lived hosts that read ever new texts
        _PARSED[text] = frozen
    return data


def _is_table(value: Any) -> bool:
    return isinstance(value, dict)


def load_model(path: Path, model: type[M], *, origin: str | None = None, at: KeyPath = ()) -> M:
    """Read a TOML file and validate it (or its table at key path ``at``) against ``model``.

    ``origin`` is the name shown in errors (defaults to the path). Raises :class:`DataFileError`.
    """
    text, data = read_toml_text(path, origin=origin)
    table: Any = data
    for key in at:
        if not isinstance(table, dict) or key not in table:
            raise ConfigError(f"has no [{format_key_path(at)}] table", path=origin or str(path))
        table = table[key]
    return validate_data(table, model, text=text, origin=origin or str(path), at=at)


def validate_data(data: Any, model: type[M], *, text: str = "", origin: str | None = None,
                  at: KeyPath = ()) -> M:
    """Validate already-parsed data; ``text`` (the TOML it came from) lets errors give lines.

    ``at`` is where ``data`` sits in that text (``("tool", "editlint")`` for a pyproject table).
    """
    try:
        return model.model_validate(data)
    except pydantic.ValidationError as exc:
        lines = key_lines(text) if text else {}
        issues = [_issue(err, data, model, lines, at) for err in exc.errors(include_url=False)]
        raise DataFileError(issues, path=origin) from None


def json_schema(model: type[BaseModel], *, title: str | None = None) -> dict[str, Any]:
    """The model's JSON Schema (draft 2020-12) with TOML's key names, for editors and ``schemas/``."""
    schema = model.model_json_schema(by_alias=True, mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    if title:
        schema["title"] = title
    return schema


# -- turning pydantic errors into issues ----------------------------------------------------------------
def format_key_path(key: KeyPath) -> str:
    """``("rule", 3, "options", "phrases", 2)`` -> ``rule[3].options.phrases[2]``."""
    out = ""
    for part in key:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            name = part if re.fullmatch(r"[A-Za-z0-9_-]+", part) else f'"{part}"'
            out += f".{name}" if out else name
    return out


def _issue(err: Mapping[str, Any], data: Any, model: type[BaseModel], lines: Mapping[KeyPath, int],
           at: KeyPath) -> Issue:
    key = _data_path(tuple(err["loc"]), data)
    full = (*at, *key)
    return Issue(key=full, line=line_of_key(lines, full), problem=_problem(err, key, model))


def _data_path(loc: KeyPath, data: Any) -> KeyPath:
    """The part of pydantic's ``loc`` that names places in the data (type tags of unions dropped)."""
    out: list[str | int] = []
    node = data
    parts = list(loc)
    i = 0
    while i < len(parts):
        part = parts[i]
        if isinstance(node, dict) and part in node:
            node = node[part]
            out.append(part)
        elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            node = node[part]
            out.append(part)
        elif isinstance(node, dict) and i + 1 < len(parts) and parts[i + 1] in node:
            pass  # a union's tag before a real key
        elif isinstance(node, dict) and isinstance(part, str) and "[" not in part:
            out.append(part)  # a required key that is missing
            break
        else:
            break
        i += 1
    return tuple(out)


def _problem(err: Mapping[str, Any], key: KeyPath, model: type[BaseModel]) -> str:
    kind = err["type"]
    if kind == "extra_forbidden":
        known = _known_keys(model, key[:-1])
        hint = difflib.get_close_matches(str(key[-1]), known, n=1) if key else []
        tail = f"; did you mean {hint[0]!r}?" if hint else (f" (known: {', '.join(known)})" if known else "")
        return f"unknown key{tail}"
    if kind == "missing":
        return "is required"
    message = str(err["msg"])
    if kind == "value_error":  # our validators' own words: pydantic prefixes "Value error, "
        message = message.removeprefix("Value error, ")
    message = message[:1].lower() + message[1:]
    given = err.get("input")
    if kind.endswith("_type") or kind in {"literal_error", "enum", "string_pattern_mismatch"}:
        shown = repr(given)
        message += f", not {shown if len(shown) <= 60 else shown[:57] + '...'}"
    return message


def _known_keys(model: type[BaseModel], key: KeyPath) -> list[str]:
    """The keys the model accepts at ``key`` (for 'did you mean'); empty when it cannot tell."""
    target: Any = model
    for part in key:
        target = _step(target, part)
        if target is None:
            return []
    if isinstance(target, type) and issubclass(target, BaseModel):
        return sorted((f.alias or name) for name, f in target.model_fields.items())
    return []


def _step(annotation: Any, part: str | int) -> Any:
    """The annotation one key or index below ``annotation`` (through Optional, list, dict, tuple)."""
    annotation = _unwrap(annotation)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        if not isinstance(part, str):
            return None
        for name, f in annotation.model_fields.items():
            if part in (name, f.alias):
                return f.annotation
        return None
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if origin in (list, tuple, Sequence, set, frozenset) and args and isinstance(part, int):
        return args[0]
    if origin in (dict, Mapping) and len(args) == 2 and isinstance(part, str):
        return args[1]
    return None


def _unwrap(annotation: Any) -> Any:
    """``X | None`` -> ``X`` when exactly one non-None member remains."""
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        members = [a for a in typing.get_args(annotation) if a is not type(None)]
        if len(members) == 1:
            return _unwrap(members[0])
    return annotation


# -- where keys are in TOML text ------------------------------------------------------------------------
def line_of_key(lines: Mapping[KeyPath, int], key: KeyPath) -> int:
    """The line of ``key``, else of its nearest recorded ancestor (a missing key: its table); 0 if none."""
    for n in range(len(key), 0, -1):
        found = lines.get(key[:n])
        if found:
            return found
    return 0


class KeyLines(Mapping[KeyPath, int]):
    """:func:`key_lines` of a text, scanned when first read: only an error needs a line, and a valid pack
    is never scanned."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._lines: dict[KeyPath, int] | None = None

    @property
    def lines(self) -> dict[KeyPath, int]:
        if self._lines is None:
            self._lines = key_lines(self.text)
        return self._lines

    def __getitem__(self, key: KeyPath) -> int:
        return self.lines[key]

    def __iter__(self) -> Iterator[KeyPath]:
        return iter(self.lines)

    def __len__(self) -> int:
        return len(self.lines)


def key_lines(text: str) -> dict[KeyPath, int]:
    """Map every table, key and array element of a TOML document to its 1-based line.

    The text must already be valid TOML (tomllib parsed it); on anything unexpected the scanner
    stops and returns what it found so far, so a locating problem never hides the real error.
    """
    scanner = _Scanner(text)
    try:
        scanner.document()
    except (IndexError, ValueError):
        pass
    starts = [0] + [m.end() for m in re.finditer("\n", text)]
    return {k: bisect.bisect_right(starts, off) for k, off in scanner.found.items()}


_BARE = re.compile(r"[A-Za-z0-9_-]+")
_SCALAR_END = re.compile(r"[,\]}\n#]")
#: After a string's opening quote(s), everything up to and including its closing quote(s).
_STRING_END = {
    ('"', False): re.compile(r'(?:[^"\\\n]|\\.)*"'),
    ("'", False): re.compile(r"[^'\n]*'"),
    ('"', True): re.compile(r'(?:[^"\\]|\\.|"(?!""))*"""(?:""?)?', re.S),
    ("'", True): re.compile(r"(?:[^']|'(?!''))*'''(?:''?)?", re.S),
}


class _Scanner:
    """A position-recording walk over valid TOML: headers, dotted keys, arrays, inline tables."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.i = 0
        self.found: dict[KeyPath, int] = {}
        self.aot: dict[KeyPath, int] = {}  # resolved array-of-tables path -> index of its last element

    def document(self) -> None:
        table: KeyPath = ()
        while True:
            self._skip(newlines=True)
            if self.i >= len(self.text):
                return
            if self.text[self.i] == "[":
                table = self._header()
            else:
                self._key_value(table)

    def _header(self) -> KeyPath:
        start = self.i
        many = self.text.startswith("[[", self.i)
        self.i += 2 if many else 1
        keys = self._keys()
        self._skip()
        self.i += 2 if many else 1
        path: list[str | int] = []
        for n, key in enumerate(keys):
            path.append(key)
            last = n == len(keys) - 1
            if last and many:
                index = self.aot.get(tuple(path), -1) + 1
                self.aot[tuple(path)] = index
                self.found.setdefault(tuple(path), start)
                path.append(index)
            elif tuple(path) in self.aot:
                path.append(self.aot[tuple(path)])
            if last:
                self.found[tuple(path)] = start
            else:
                self.found.setdefault(tuple(path), start)
        return tuple(path)

    def _key_value(self, table: KeyPath) -> None:
        start = self.i
        keys = self._keys()
        for n in range(1, len(keys)):
            self.found.setdefault((*table, *keys[:n]), start)
        path = (*table, *keys)
        self.found[path] = start
        self._skip()
        if self.text[self.i] != "=":
            raise ValueError("expected '='")
        self.i += 1
        self._skip()
        self._value(path)

    def _keys(self) -> list[str]:
        keys = []
        while True:
            self._skip()
            keys.append(self._key())
            self._skip()
            if self.i < len(self.text) and self.text[self.i] == ".":
                self.i += 1
                continue
            return keys

    def _key(self) -> str:
        ch = self.text[self.i]
        if ch in "\"'":
            start = self.i
            self._string()
            parsed = tomllib.loads("k = " + self.text[start:self.i])["k"]
            return str(parsed)
        m = _BARE.match(self.text, self.i)
        if not m:
            raise ValueError("expected a key")
        self.i = m.end()
        return m.group()

    def _value(self, path: KeyPath) -> None:
        ch = self.text[self.i]
        if ch in "\"'":
            self._string()
        elif ch == "[":
            self._array(path)
        elif ch == "{":
            self._inline_table(path)
        else:
            m = _SCALAR_END.search(self.text, self.i)
            self.i = m.start() if m else len(self.text)

    def _array(self, path: KeyPath) -> None:
        self.i += 1
        index = 0
        while True:
            self._skip(newlines=True)
            if self.text[self.i] == "]":
                self.i += 1
                return
            self.found[path + (index,)] = self.i
            self._value(path + (index,))
            self._skip(newlines=True)
            if self.text[self.i] == ",":
                self.i += 1
                index += 1
            elif self.text[self.i] != "]":
                raise ValueError("expected ',' or ']'")

    def _inline_table(self, path: KeyPath) -> None:
        self.i += 1
        while True:
            self._skip(newlines=True)
            if self.text[self.i] == "}":
                self.i += 1
                return
            if self.text[self.i] == ",":
                self.i += 1
                continue
            self._key_value(path)

    def _string(self) -> None:
        quote = self.text[self.i]
        triple = self.text.startswith(quote * 3, self.i)
        m = _STRING_END[(quote, triple)].match(self.text, self.i + (3 if triple else 1))
        if not m:
            raise ValueError("unterminated string")
        self.i = m.end()

    def _skip(self, *, newlines: bool = False) -> None:
        """Skip blanks and comments (and newlines when ``newlines``)."""
        text = self.text
        while self.i < len(text):
            ch = text[self.i]
            if ch in " \t" or (newlines and ch in "\r\n"):
                self.i += 1
            elif ch == "#":
                nl = text.find("\n", self.i)
                self.i = len(text) if nl < 0 else nl
            else:
                return
