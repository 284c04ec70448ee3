"""A small client for LanguageTool's HTTP API (``/v2/check``, ``/v2/languages``), used by EL502–EL504.

Why plain urllib rather than language-tool-python's ``check``: clean per-request timeouts, one error type
for every way a server can fail, and a cache keyed by block content. language-tool-python is still what
runs the ``local`` backend: it downloads and starts a LanguageTool server, and we talk to that server's
URL. Nothing here is imported unless a grammar backend is configured; ``language_tool_python`` is
imported only when the ``local`` backend starts.

Offsets: LanguageTool is Java, so match offsets and lengths count UTF-16 code units (an emoji outside
the Basic Multilingual Plane counts 2). They are converted to Python code points here.
"""

from __future__ import annotations

import atexit
import hashlib
import json
import socket
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

PUBLIC_API_URL = "https://api.languagetool.org/v2/"
#: Characters per request: LanguageTool servers refuse longer texts by default (public API: 20 KB).
MAX_REQUEST_CHARS = {"server": 20_000, "local": 20_000, "public-api": 10_000}
#: How long a failed server is not asked again (saves one timeout per file in a long run).
DOWN_SECONDS = 30.0

_lock = threading.Lock()
_cache: dict[tuple[Any, ...], tuple[LTMatch, ...]] = {}
_languages: dict[str, frozenset[str]] = {}
_down: dict[str, tuple[float, str]] = {}
_local: dict[str, Any] = {}


class BackendUnavailable(Exception):
    """The LanguageTool backend could not be reached or used; ``where`` names it for the diagnostic."""

    def __init__(self, where: str, reason: str) -> None:
        super().__init__(f"{where}: {reason}")
        self.where = where
        self.reason = reason


@dataclass(frozen=True)
class LTMatch:
    """One LanguageTool match, with ``start``/``end`` in code points of the checked segment."""

    start: int
    end: int
    message: str
    short_message: str
    replacements: tuple[str, ...]
    rule_id: str
    rule_description: str
    issue_type: str
    category_id: str
    category_name: str

    def shifted(self, delta: int) -> LTMatch:
        return LTMatch(self.start + delta, self.end + delta, self.message, self.short_message,
                       self.replacements, self.rule_id, self.rule_description, self.issue_type,
                       self.category_id, self.category_name)


@dataclass(frozen=True)
class Settings:
    backend: str  # server | local | public-api
    url: str = "http://localhost:8081"
    language: str = "en-US"
    timeout: float = 10.0
    disabled_rules: tuple[str, ...] = ()
    disabled_categories: tuple[str, ...] = ()
    max_request_chars: int = 0  # 0: the backend's default

    @property
    def limit(self) -> int:
        return self.max_request_chars or MAX_REQUEST_CHARS.get(self.backend, 20_000)


@dataclass
class Segment:
    """A piece of text to check, and where it starts in the document (``origin``)."""

    text: str
    origin: int
    matches: list[LTMatch] = field(default_factory=list)


# -- offsets --------------------------------------------------------------------------------------
def utf16_len(text: str) -> int:
    return len(text) + sum(1 for c in text if ord(c) > 0xFFFF)


def utf16_to_codepoints(text: str) -> list[int]:
    """``table[u]`` = code-point index of UTF-16 unit ``u`` (a low surrogate maps to its character)."""
    table: list[int] = []
    for i, c in enumerate(text):
        table.append(i)
        if ord(c) > 0xFFFF:
            table.append(i)
    table.append(len(text))
    return table


# -- endpoints ------------------------------------------------------------------------------------
def base_url(url: str) -> str:
    """Normalise a server URL to its ``.../v2/`` base (``http://host:8081`` → ``http://host:8081/v2/``)."""
    u = url.strip()
    if "://" not in u:
        u = "http://" + u
    u = u.rstrip("/")
    if u.endswith("/check"):
        u = u[: -len("/check")]
    if not u.endswith("/v2"):
        u += "/v2"
    return u + "/"


def describe(settings: Settings) -> str:
    """How the backend is named in diagnostics."""
    if settings.backend == "local":
        return "localhost (started by language-tool-python)"
    if settings.backend == "public-api":
        return PUBLIC_API_URL
    return settings.url


def endpoint(settings: Settings) -> str:
    """The ``/v2/`` base URL to send requests to; starts the local server when the backend is local."""
    if settings.backend == "public-api":
        return PUBLIC_API_URL
    if settings.backend == "server":
        return base_url(settings.url)
    if settings.backend == "local":
        return _local_endpoint(settings)
    raise BackendUnavailable(describe(settings), f"unknown backend {settings.backend!r}")


def _local_endpoint(settings: Settings) -> str:
    """Start (once per process) LanguageTool through language-tool-python and return its URL.

    language-tool-python downloads a LanguageTool release and needs Java; any failure becomes
    :class:`BackendUnavailable`, never a traceback.
    """
    where = describe(settings)
    with _lock:
        tool = _local.get(settings.language)
        if tool is None:
            down = _down.get("local")
            if down and time.monotonic() - down[0] < DOWN_SECONDS * 10:
                raise BackendUnavailable(where, down[1])
            try:
                import language_tool_python

                tool = language_tool_python.LanguageTool(settings.language)
            except BaseException as exc:  # download, Java and start-up failures all land here
                if isinstance(exc, KeyboardInterrupt):
                    raise
                reason = f"language-tool-python could not start LanguageTool ({type(exc).__name__}: {exc})"
                _down["local"] = (time.monotonic(), reason)
                raise BackendUnavailable(where, reason) from None
            _local[settings.language] = tool
            atexit.register(_close_quietly, tool)
        return base_url(str(getattr(tool, "url", None) or tool._url))  # `url` is newer than 2.8


def _close_quietly(tool: Any) -> None:
    try:
        tool.close()
    except Exception:  # best effort at exit
        pass


# -- HTTP -----------------------------------------------------------------------------------------
def _request(url: str, timeout: float, data: dict[str, str] | None = None) -> Any:
    """GET (or POST a form) and decode JSON; every failure becomes a short reason string."""
    body = urllib.parse.urlencode(data).encode("utf-8") if data is not None else None
    req = urllib.request.Request(url, data=body, headers={
        "Accept": "application/json", "User-Agent": "editlint",
        **({"Content-Type": "application/x-www-form-urlencoded; charset=utf-8"} if body is not None else {}),
    })
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:  # URL from configuration
            raw = resp.read()
    except urllib.error.HTTPError as exc:
        detail = ""
        try:
            detail = exc.read().decode("utf-8", "replace").strip().splitlines()[0][:200]
        except Exception:  # the error body is optional detail
            pass
        raise _Fail(f"HTTP {exc.code} {exc.reason}" + (f": {detail}" if detail else "")) from None
    except urllib.error.URLError as exc:
        reason = exc.reason
        if isinstance(reason, (TimeoutError, socket.timeout)):
            raise _Fail(f"no answer within {timeout:g} s") from None
        raise _Fail(str(getattr(reason, "strerror", None) or reason)) from None
    except TimeoutError:
        raise _Fail(f"no answer within {timeout:g} s") from None
    except (OSError, ValueError) as exc:
        raise _Fail(f"{type(exc).__name__}: {exc}") from None
    try:
        return json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise _Fail("the answer is not LanguageTool JSON") from None


class _Fail(Exception):
    pass


def languages(base: str, timeout: float) -> frozenset[str]:
    """Language codes the server knows (``code`` and ``longCode`` of ``/v2/languages``), cached per URL."""
    if base in _languages:
        return _languages[base]
    data = _request(urllib.parse.urljoin(base, "languages"), timeout)
    if not isinstance(data, list):
        raise _Fail("/v2/languages did not return a list")
    codes = frozenset(str(x.get(k)) for x in data if isinstance(x, dict)
                      for k in ("code", "longCode") if x.get(k))
    _languages[base] = codes
    return codes


def _parse_matches(data: Any, text: str) -> list[LTMatch]:
    if not isinstance(data, dict) or not isinstance(data.get("matches"), list):
        raise _Fail("the answer has no 'matches' list")
    table = utf16_to_codepoints(text)
    last = len(table) - 1
    out = []
    for m in data["matches"]:
        try:
            off, length = int(m["offset"]), int(m["length"])
            rule = m.get("rule") or {}
            cat = rule.get("category") or {}
        except (KeyError, TypeError, ValueError, AttributeError):
            continue  # a malformed match is dropped, not fatal
        if off < 0 or length < 0 or off > last:
            continue
        start = table[off]
        end = table[min(off + length, last)]
        if off + length <= last and off + length > 0 and table[off + length - 1] == end:
            end += 1  # the match ends on the high surrogate of a character: include it
        out.append(LTMatch(
            start=start, end=max(end, start), message=str(m.get("message") or ""),
            short_message=str(m.get("shortMessage") or ""),
            replacements=tuple(str(r.get("value")) for r in (m.get("replacements") or [])
                               if isinstance(r, dict) and r.get("value") is not None),
            rule_id=str(rule.get("id") or "UNKNOWN"), rule_description=str(rule.get("description") or ""),
            issue_type=str(rule.get("issueType") or ""), category_id=str(cat.get("id") or ""),
            category_name=str(cat.get("name") or "")))
    return out


# -- checking -------------------------------------------------------------------------------------
def _split_long(text: str, origin: int, limit: int) -> list[Segment]:
    """Split a text longer than ``limit`` at sentence ends (else spaces) so each piece fits."""
    out = []
    while utf16_len(text) > limit:
        cut = -1
        window = text[:limit]
        for sep in (". ", "! ", "? ", "\n", " "):
            cut = window.rfind(sep)
            if cut > limit // 4:
                cut += len(sep)
                break
        if cut <= 0:
            cut = limit // 2  # no separator at all: a hard cut (ensures progress even with emoji)
        out.append(Segment(text[:cut], origin))
        text, origin = text[cut:], origin + cut
    out.append(Segment(text, origin))
    return out


def _cache_base(settings: Settings) -> str:
    """The backend part of a cache key (known before a local server is started)."""
    return settings.backend + ":" + (base_url(settings.url) if settings.backend == "server" else "")


def _key(base: str, settings: Settings, text: str) -> tuple[Any, ...]:
    return (base, settings.language, settings.disabled_rules, settings.disabled_categories,
            hashlib.sha256(text.encode("utf-8")).hexdigest())


def check_segments(settings: Settings, pieces: Iterable[tuple[str, int]]) -> list[Segment]:
    """Check texts (each with its document offset); matches come back with document offsets.

    Texts are packed into requests of at most ``settings.limit`` UTF-16 units, split at text
    boundaries (a longer text is split at sentence ends); each text's matches are cached by content.
    Raises :class:`BackendUnavailable` when the server cannot be reached or answers nonsense.
    """
    where = describe(settings)
    limit = settings.limit
    segments: list[Segment] = []
    for text, origin in pieces:
        if text.strip():
            segments.extend(_split_long(text, origin, limit))
    todo: list[Segment] = []
    for seg in segments:
        cached = _cache.get(_key(_cache_base(settings), settings, seg.text))
        if cached is not None:
            seg.matches = [m.shifted(seg.origin) for m in cached]
        else:
            todo.append(seg)
    if not todo:
        return segments
    base = endpoint(settings)
    down = _down.get(base)
    if down and time.monotonic() - down[0] < DOWN_SECONDS:
        raise BackendUnavailable(where, down[1])
    try:
        known = languages(base, settings.timeout)
        if known and settings.language not in known and settings.language != "auto":
            raise BackendUnavailable(where, f"it does not support language {settings.language!r} "
                                     f"(it knows {', '.join(sorted(known)[:12])}…)")
        for batch in _batches(todo, limit):
            _check_batch(base, settings, batch)
    except _Fail as exc:
        _down[base] = (time.monotonic(), str(exc))
        raise BackendUnavailable(where, str(exc)) from None
    return segments


def _batches(segments: Sequence[Segment], limit: int) -> list[list[Segment]]:
    out: list[list[Segment]] = []
    size = 0
    for seg in segments:
        n = utf16_len(seg.text)
        if out and size + 2 + n <= limit:
            out[-1].append(seg)
            size += 2 + n
        else:
            out.append([seg])
            size = n
    return out


def _check_batch(base: str, settings: Settings, batch: list[Segment]) -> None:
    """One /v2/check request for several segments joined by blank lines; matches are split back."""
    text = "\n\n".join(s.text for s in batch)
    form = {"text": text, "language": settings.language}
    if settings.disabled_rules:
        form["disabledRules"] = ",".join(settings.disabled_rules)
    if settings.disabled_categories:
        form["disabledCategories"] = ",".join(settings.disabled_categories)
    data = _request(urllib.parse.urljoin(base, "check"), settings.timeout, form)
    matches = _parse_matches(data, text)
    bounds = []
    pos = 0
    for seg in batch:
        bounds.append((pos, pos + len(seg.text)))
        pos += len(seg.text) + 2
    per: list[list[LTMatch]] = [[] for _ in batch]
    for m in matches:
        for i, (s, e) in enumerate(bounds):
            if s <= m.start < e or (m.start == m.end == e):
                per[i].append(LTMatch(m.start - s, min(m.end, e) - s, m.message, m.short_message,
                                      m.replacements, m.rule_id, m.rule_description, m.issue_type,
                                      m.category_id, m.category_name))
                break
    cache_base = _cache_base(settings)
    for seg, found in zip(batch, per, strict=True):
        _cache[_key(cache_base, settings, seg.text)] = tuple(found)
        seg.matches = [m.shifted(seg.origin) for m in found]


def clear_cache() -> None:
    """Forget cached results, known languages and failed servers (tests; long-lived processes)."""
    _cache.clear()
    _languages.clear()
    _down.clear()
