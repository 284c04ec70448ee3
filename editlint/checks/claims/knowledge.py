"""Domain knowledge for claim checking, loaded from ``rules/data/*.toml`` and validated on load.

A pack names milestones (with phrases that find them in text), their usual order as a partial order
(edges with a strength: ``usual`` or ``required``) and age windows with their source. The engine in
:mod:`.extract` knows nothing about crawling: a feeding, teething or speech pack works the same way.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from typing import Any

from ...errors import ConfigError
from ...rules import line_of, load_data, rules_dir

DEFAULT_PACKS = ("data/milestones-motor.toml", "data/milestones-feeding.toml",
                 "data/milestones-teeth.toml", "data/milestones-language.toml")
AGE_WORDS = "data/age-words.toml"
STRENGTHS = ("usual", "required")


@dataclass(frozen=True)
class Milestone:
    id: str
    label: str
    pack: str
    phrases: tuple[str, ...]
    parent: str | None = None
    group: str | None = None
    window: tuple[float, float] | None = None
    window_source: str | None = None
    not_before: float | None = None
    not_before_source: str | None = None


@dataclass(frozen=True)
class Edge:
    before: str
    after: str
    strength: str
    source: str  # the source's full citation
    note: str = ""


@dataclass(frozen=True)
class AgeWord:
    id: str
    phrases: tuple[str, ...]
    months: tuple[float, float]
    note: str = ""


@dataclass
class Knowledge:
    milestones: dict[str, Milestone] = field(default_factory=dict)
    edges: list[Edge] = field(default_factory=list)
    sources: dict[str, str] = field(default_factory=dict)  # "pack:key" -> citation
    age_words: dict[str, AgeWord] = field(default_factory=dict)
    #: transitive closure of the reference order: (a, b) -> (strength, edges on the path)
    closure: dict[tuple[str, str], tuple[str, tuple[Edge, ...]]] = field(default_factory=dict)

    def source(self, pack: str, key: str | None) -> str:
        return self.sources.get(f"{pack}:{key}", key or "")

    _families: dict[str, frozenset[str]] = field(default_factory=dict, repr=False)

    def family(self, mid: str) -> frozenset[str]:
        """The milestone, its ancestors and its descendants (claims about them are not ordered)."""
        cached = self._families.get(mid)
        if cached is None:
            cached = self._families[mid] = frozenset(self._family(mid))
        return cached

    def _family(self, mid: str) -> set[str]:
        out = {mid}
        m = self.milestones.get(mid)
        while m is not None and m.parent:
            out.add(m.parent)
            m = self.milestones.get(m.parent)
        for other in self.milestones.values():
            p = other.parent
            while p:
                if p == mid:
                    out.add(other.id)
                    break
                p = self.milestones[p].parent if p in self.milestones else None
        return out

    def label(self, mid: str) -> str:
        m = self.milestones.get(mid)
        return m.label if m else mid


class _Where:
    """Builds ConfigError messages that name the file, the line and the key."""

    def __init__(self, relpath: str) -> None:
        self.path = str(rules_dir() / relpath)
        try:
            self.text = (rules_dir() / relpath).read_text(encoding="utf-8")
        except OSError:
            self.text = ""

    def fail(self, key: str, problem: str, after: int = 0) -> ConfigError:
        return ConfigError(f"line {line_of(self.text, key, after)}: {key}: {problem}", path=self.path)

    def table_line(self, table: str, index: int) -> int:
        """Line of the ``index``-th ``[[table]]`` header (1-based), for errors inside it."""
        hits = [m.start() for m in re.finditer(rf"^\s*\[\[{re.escape(table)}\]\]", self.text, re.MULTILINE)]
        if index < len(hits):
            return self.text.count("\n", 0, hits[index]) + 1
        return 1


_PHRASE_WORD = re.compile(r"^(\*|[^\s*]+)$")


def _check_phrases(where: _Where, raw: Any, key: str, line: int) -> tuple[str, ...]:
    if not isinstance(raw, list) or not raw or not all(isinstance(p, str) and p.strip() for p in raw):
        raise where.fail(key, "must be a non-empty list of non-empty strings", line)
    for p in raw:
        words = p.split()
        if words[0] == "*" or words[-1] == "*":
            raise where.fail(key, f"phrase {p!r}: '*' (an optional word) cannot start or end a phrase", line)
    return tuple(p.strip() for p in raw)


def _window(where: _Where, raw: dict[str, Any], key: str, line: int) -> tuple[float, float] | None:
    value = raw.get(key)
    if value is None:
        return None
    if (not isinstance(value, list) or len(value) != 2
            or not all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in value)
            or not 0 <= value[0] <= value[1]):
        raise where.fail(key, "must be [earliest, latest] in months, with 0 <= earliest <= latest", line)
    return float(value[0]), float(value[1])


def load_pack(relpath: str, kb: Knowledge) -> None:
    """Add one milestone pack to ``kb``; raise ConfigError naming the file, line and key on bad data."""
    data = load_data(relpath)
    where = _Where(relpath)
    pack = data.get("pack")
    if not isinstance(pack, dict) or not isinstance(pack.get("name"), str) or not pack["name"]:
        raise where.fail("pack", "a [pack] table with a non-empty name is required")
    name = pack["name"]
    sources = data.get("sources", {})
    if not isinstance(sources, dict) or not all(isinstance(v, str) for v in sources.values()):
        raise where.fail("sources", "must be a table of key = \"citation\"")
    for k, v in sources.items():
        kb.sources[f"{name}:{k}"] = v
    known = {"id", "label", "phrases", "parent", "group", "window", "window-source", "not-before",
             "not-before-source", "note"}
    raw_ms = data.get("milestone", [])
    if not isinstance(raw_ms, list) or not raw_ms:
        raise where.fail("milestone", "at least one [[milestone]] is required")
    ids: set[str] = set()
    for i, raw in enumerate(raw_ms):
        line = where.table_line("milestone", i)
        unknown = set(raw) - known
        if unknown:
            raise where.fail(sorted(unknown)[0], "unknown key in [[milestone]]", line)
        mid = raw.get("id")
        if not isinstance(mid, str) or not re.fullmatch(r"[a-z][a-z0-9-]*", mid):
            raise where.fail("id", "must be a lower-case slug such as 'crawl-forward'", line)
        if mid in ids or mid in kb.milestones:
            raise where.fail("id", f"milestone {mid!r} is defined twice", line)
        ids.add(mid)
        label = raw.get("label", mid)
        if not isinstance(label, str):
            raise where.fail("label", "must be a string", line)
        window = _window(where, raw, "window", line)
        wsrc = raw.get("window-source")
        if window is not None and (not isinstance(wsrc, str) or wsrc not in sources):
            raise where.fail("window-source", "a window needs a window-source naming a key of [sources]",
                             line)
        nb = raw.get("not-before")
        nbsrc = raw.get("not-before-source")
        if nb is not None:
            if not isinstance(nb, (int, float)) or isinstance(nb, bool) or nb < 0:
                raise where.fail("not-before", "must be an age in months", line)
            if not isinstance(nbsrc, str) or nbsrc not in sources:
                raise where.fail("not-before-source", "must name a key of [sources]", line)
        for k in ("parent", "group"):
            if k in raw and not isinstance(raw[k], str):
                raise where.fail(k, "must be a string", line)
        kb.milestones[mid] = Milestone(
            id=mid, label=label, pack=name,
            phrases=_check_phrases(where, raw.get("phrases"), "phrases", line),
            parent=raw.get("parent"), group=raw.get("group"), window=window, window_source=wsrc,
            not_before=float(nb) if nb is not None else None, not_before_source=nbsrc)
    for i, raw in enumerate(raw_ms):
        parent = raw.get("parent")
        if parent is not None and parent not in ids:
            raise where.fail("parent", f"unknown milestone {parent!r}", where.table_line("milestone", i))
    for i, raw in enumerate(data.get("order", [])):
        line = where.table_line("order", i)
        for k in ("before", "after"):
            if raw.get(k) not in ids:
                raise where.fail(k, f"unknown milestone {raw.get(k)!r}", line)
        if raw.get("before") == raw.get("after"):
            raise where.fail("after", "an order edge needs two different milestones", line)
        if raw.get("strength") not in STRENGTHS:
            raise where.fail("strength", f"must be one of {', '.join(STRENGTHS)}", line)
        if raw.get("source") not in sources:
            raise where.fail("source", "must name a key of [sources]", line)
        kb.edges.append(Edge(raw["before"], raw["after"], raw["strength"], sources[raw["source"]],
                             str(raw.get("note", ""))))


def load_age_words(relpath: str, kb: Knowledge) -> None:
    data = load_data(relpath)
    where = _Where(relpath)
    words = data.get("word")
    if not isinstance(words, list) or not words:
        raise where.fail("word", "at least one [[word]] is required")
    for i, raw in enumerate(words):
        line = where.table_line("word", i)
        wid = raw.get("id")
        if not isinstance(wid, str) or not wid:
            raise where.fail("id", "must be a non-empty string", line)
        months = _window(where, raw, "months", line)
        if months is None:
            raise where.fail("months", "is required ([from, to] in months)", line)
        kb.age_words[wid] = AgeWord(wid, _check_phrases(where, raw.get("phrases"), "phrases", line), months,
                                    str(raw.get("note", "")))


def _close(kb: Knowledge) -> None:
    """Transitive closure of the reference order; a path is 'required' only if every edge is."""
    closure: dict[tuple[str, str], tuple[str, tuple[Edge, ...]]] = {}
    for e in kb.edges:
        closure[(e.before, e.after)] = (e.strength, (e,))
    changed = True
    while changed:
        changed = False
        for (a, b), (s1, p1) in list(closure.items()):
            for (c, d), (s2, p2) in list(closure.items()):
                if b != c or a == d:
                    continue
                strength = "required" if s1 == s2 == "required" else "usual"
                old = closure.get((a, d))
                if old is None or (old[0] == "usual" and strength == "required"):
                    closure[(a, d)] = (strength, p1 + p2)
                    changed = True
    kb.closure = closure


@functools.lru_cache(maxsize=8)
def knowledge(packs: tuple[str, ...] = DEFAULT_PACKS, age_words: str = AGE_WORDS) -> Knowledge:
    """All packs merged (cached): milestone ids must be unique across packs."""
    kb = Knowledge()
    for p in packs:
        load_pack(p, kb)
    load_age_words(age_words, kb)
    _close(kb)
    return kb


# -- phrase syntax -> spaCy Matcher token patterns -------------------------------------------------
_VOWELS = set("aeiou")


def inflections(word: str) -> set[str]:
    """Regular inflections of a word (over-generating is harmless: only real tokens are matched)."""
    w = word.lower()
    forms = {w, w + "s", w + "es", w + "ed", w + "ing", w + "d"}
    if w.endswith("e"):
        forms |= {w[:-1] + "ing"}
    if w.endswith("y"):
        forms |= {w[:-1] + "ies", w[:-1] + "ied"}
    if (len(w) >= 3 and w[-1] not in _VOWELS | {"w", "x", "y"} and w[-2] in _VOWELS
            and w[-3] not in _VOWELS):
        forms |= {w + w[-1] + "ing", w + w[-1] + "ed"}
    return forms


def token_specs(phrase: str) -> list[dict[str, Any]]:
    """Matcher pattern for one phrase: words, "a|b" alternatives, "*" optional word, "w=" exact."""
    pattern: list[dict[str, Any]] = []
    for n, word in enumerate(phrase.split()):
        if n:
            pattern.append({"ORTH": {"IN": ["-", "–"]}, "OP": "?"})
        if word == "*":
            pattern.append({"IS_PUNCT": False, "OP": "?"})
            continue
        exact = word.endswith("=")
        alts = [a for a in word.rstrip("=").split("|") if a]
        forms: set[str] = set()
        for a in alts:
            forms |= {a.lower()} if exact else inflections(a)
        pattern.append({"LOWER": {"IN": sorted(forms)}})
    return pattern
