"""Numbers with units in a sentence: ages ("7 to 10 months", "by their first birthday", "6-month-olds")
and amounts ("no more than 1 hour a day", "5 ml every 4 hours", "10 mg/kg", "38 °C").

Why a scanner and not dependency patterns: a number, its range partner, its unit and its rate are a
few adjacent words whose shape is lexical, and the parser splits "7-10" or "mg/kg" in several ways. The
constructions (data) decide what an amount is *about*; this module only reads the amount and converts
it to a canonical unit so that "2 weeks" meets "half a month" and "4 oz" meets "120 ml". Every
:class:`Amount` keeps the numbers and unit as written, for messages.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType

from .model import Interval, Relation

# -- lexicon -----------------------------------------------------------------------------------------

NUMBER_WORDS: Mapping[str, float] = MappingProxyType({
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "twenty-four": 24,
    "thirty": 30, "forty": 40, "forty-five": 45, "fifty": 50, "sixty": 60, "ninety": 90, "a hundred": 100,
    "half a": 0.5, "half an": 0.5, "a couple of": 2, "a": 1, "an": 1, "a single": 1,
})
#: adverbs that are a count with their own unit ("twice a day")
COUNT_ADVERBS = MappingProxyType({"once": 1.0, "twice": 2.0, "thrice": 3.0})

#: unit spelling -> (unit name, dimension, factor to the dimension's canonical unit)
#: canonical units: time -> months, duration -> hours, volume -> ml, mass -> mg, temperature -> celsius
_DAY_MONTHS = 12 / 365.25
_UNIT_ROWS: tuple[tuple[str, str, str, float], ...] = (  # spellings, unit, dimension, factor
    ("day|days", "day", "time", _DAY_MONTHS),
    ("week|weeks|wk|wks", "week", "time", 7 * _DAY_MONTHS),
    ("month|months|mo|mos|mth|mths", "month", "time", 1.0),
    ("year|years|yr|yrs", "year", "time", 12.0),
    ("hour|hours|hr|hrs|h", "hour", "duration", 1.0),
    ("minute|minutes|min|mins", "minute", "duration", 1 / 60),
    ("ml|mls|millilitre|millilitres|milliliter|milliliters|cc", "ml", "volume", 1.0),
    ("l|litre|litres|liter|liters", "l", "volume", 1000.0),
    ("oz|ounce|ounces|fl oz|fluid ounce|fluid ounces", "oz", "volume", 29.5735),
    ("cup|cups", "cup", "volume", 240.0),
    ("teaspoon|teaspoons|tsp", "teaspoon", "volume", 5.0),
    ("tablespoon|tablespoons|tbsp", "tablespoon", "volume", 15.0),
    ("mg|milligram|milligrams", "mg", "mass", 1.0),
    ("g|gram|grams", "g", "mass", 1000.0),
    ("kg|kilogram|kilograms", "kg", "mass", 1_000_000.0),
    ("mcg|µg|microgram|micrograms", "mcg", "mass", 0.001),
    ("iu|units", "IU", "activity", 1.0),
    ("°c|ºc|c|degrees c|degrees celsius|celsius|degrees centigrade", "°C", "temperature", 1.0),
    ("°f|ºf|f|degrees f|degrees fahrenheit|fahrenheit", "°F", "temperature", 1.0),
    ("times|time", "times", "count", 1.0),
    ("portion|portions|serving|servings", "portions", "portions", 1.0),
)
UNITS: Mapping[str, tuple[str, str, float]] = MappingProxyType(
    {n: (unit, dim, factor) for names, unit, dim, factor in _UNIT_ROWS for n in names.split("|")})

CANONICAL = MappingProxyType({"time": "months", "duration": "hours", "volume": "ml", "mass": "mg",
                              "temperature": "°C", "activity": "IU", "count": "times",
                              "portions": "portions"})

#: rate words ("a day", "per feed", "/kg", "daily") -> the period
PERIODS: Mapping[str, str] = MappingProxyType({
    "day": "day", "days": "day", "daily": "day", "night": "night", "nights": "night", "nightly": "night",
    "week": "week", "weekly": "week", "feed": "feed", "feeding": "feed", "meal": "meal", "kg": "kg",
    "kilogram": "kg", "dose": "dose", "hour": "hour", "hours": "hour", "side": "side", "breast": "side"})

#: words before an amount -> its relation ("no more than" is a ceiling, "at least" a floor)
RELATION_WORDS: Mapping[str, Relation] = MappingProxyType({
    "no more than": Relation.UP_TO, "not more than": Relation.UP_TO, "at most": Relation.UP_TO,
    "up to": Relation.UP_TO, "a maximum of": Relation.UP_TO, "maximum of": Relation.UP_TO,
    "a max of": Relation.UP_TO, "max": Relation.UP_TO, "maximum": Relation.UP_TO,
    "less than": Relation.UP_TO, "fewer than": Relation.UP_TO, "no longer than": Relation.UP_TO,
    "at least": Relation.FROM, "a minimum of": Relation.FROM, "minimum of": Relation.FROM,
    "more than": Relation.FROM, "no less than": Relation.FROM, "over": Relation.FROM,
    "above": Relation.FROM, "higher than": Relation.FROM, "longer than": Relation.FROM,
})
#: words right after an amount -> its relation ("40 minutes or longer" is a floor, "2 cups or less" a ceiling)
RELATION_AFTER: Mapping[str, Relation] = MappingProxyType({
    "or more": Relation.FROM, "or longer": Relation.FROM, "or over": Relation.FROM, "or above": Relation.FROM,
    "or higher": Relation.FROM, "and over": Relation.FROM, "and above": Relation.FROM,
    "and up": Relation.FROM, "at least": Relation.FROM, "minimum": Relation.FROM,
    "or less": Relation.UP_TO, "or fewer": Relation.UP_TO, "or under": Relation.UP_TO,
    "or shorter": Relation.UP_TO, "or below": Relation.UP_TO, "at most": Relation.UP_TO,
    "at the most": Relation.UP_TO, "maximum": Relation.UP_TO, "max": Relation.UP_TO,
})
#: prepositions before an age -> its relation
AGE_PREPS: Mapping[str, Relation] = MappingProxyType({
    "at": Relation.AT, "around": Relation.AT, "about": Relation.AT, "near": Relation.AT,
    "between": Relation.AT, "in": Relation.AT, "aged": Relation.AT, "age": Relation.AT,
    "by": Relation.BY, "before": Relation.BY, "under": Relation.BY, "younger than": Relation.BY,
    "until": Relation.BY, "till": Relation.BY, "up to": Relation.BY, "below": Relation.BY,
    "from": Relation.FROM, "after": Relation.FROM, "over": Relation.FROM, "older than": Relation.FROM,
    "since": Relation.FROM, "beyond": Relation.FROM, "past": Relation.FROM, "as early as": Relation.AT,
    "as late as": Relation.AT, "as young as": Relation.AT, "as old as": Relation.AT,
    "in the first": Relation.BY, "during the first": Relation.BY, "within the first": Relation.BY,
})
#: "smile in the first 2 months": a window that starts at birth, an age (a deadline), not a duration
FIRST_WINDOW = ("in the first", "during the first", "within the first")
EXTREME_PREPS = frozenset({"as early as", "as late as", "as young as", "as old as"})
APPROX_WORDS = ("about", "around", "roughly", "approximately", "approx.", "approx", "some", "nearly",
                "almost", "close to", "~", "circa", "or so")
#: words right after a time amount that make it a delay or a distance in time, not an age
NOT_AGE_AFTER = ("later", "earlier", "early", "late", "apart", "ago", "before", "after", "premature",
                 "of age gap", "in a row", "straight", "at a time", "of ", "into", "in,", "old,")
#: words right before a time amount that make it a duration ("for 2 weeks", "within 10 days")
DURATION_BEFORE = ("for", "within", "lasts", "last", "lasting", "takes", "take", "taking", "every", "each",
                   "in just", "over the next", "over the first", "the first", "the next", "the last",
                   "another", "a further", "extra", "only", "in")
BIRTHDAYS = MappingProxyType({"first": 12.0, "1st": 12.0, "second": 24.0, "2nd": 24.0, "third": 36.0,
                              "3rd": 36.0, "fourth": 48.0, "4th": 48.0, "fifth": 60.0, "5th": 60.0})


def _alternation(words: object) -> str:
    items = sorted((str(w) for w in words), key=len, reverse=True)  # type: ignore[attr-defined]
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in items)


_NUM = rf"(?:\d+(?:[.,]\d+)?|½|{_alternation(w for w in NUMBER_WORDS if w not in ('a', 'an'))})"
_NUM_OR_A = rf"(?:{_NUM}|an?)"
_APPROX = rf"(?:{_alternation(APPROX_WORDS)})"
_RANGE_SEP = r"\s*(?:-|–|—|to|and|or|/)\s*"
_UNIT_RE = _alternation(UNITS)
_PER = (rf"(?:\s*(?:a|an|per|each|every|/|a\s+single)\s*(?P<per>{_alternation(PERIODS)})\b"
        r"|\s+(?P<adv>daily|nightly|weekly)\b"
        r"|\s+(?:in\s+)?(?:every|each|per|a)\s+(?P<day24>24)(?:[\s-]*hours?)?(?:\s+period)?\b)")

_PER_RE = re.compile(_PER, re.IGNORECASE)
AMOUNT_RE = re.compile(
    rf"(?<![\w.])(?P<approx>{_APPROX}\s+)?(?P<a>{_NUM_OR_A})(?:{_RANGE_SEP}(?:{_APPROX}\s+)?(?P<b>{_NUM}))?"
    rf"\s*-?\s*(?P<unit>{_UNIT_RE})(?![\w])(?P<old>(?:\s*-\s*|\s+)olds?\b)?{_PER}?",
    re.IGNORECASE)
BETWEEN_RE = re.compile(rf"\bbetween\s+(?:{_APPROX}\s+)?(?P<a>{_NUM})\s+and\s+(?:{_APPROX}\s+)?(?P<b>{_NUM})"
                        rf"\s*-?\s*(?P<unit>{_UNIT_RE})(?![\w]){_PER}?", re.IGNORECASE)
BIRTHDAY_RE = re.compile(r"\b(?:the|their|his|her|its|your(?:\s+\w+['’]s)?|a(?:\s+\w+['’]s)?|baby['’]s|"
                         rf"child['’]s)\s+(?P<nth>{_alternation(BIRTHDAYS)})\s+birthday", re.IGNORECASE)
AGE_NUMBER_RE = re.compile(rf"\b(?:the\s+)?(?:age|aged)\s+(?:of\s+)?(?P<a>{_NUM})"
                           rf"(?:{_RANGE_SEP}(?P<b>{_NUM}))?"
                           rf"\b(?!\s*(?:{_UNIT_RE})\b)", re.IGNORECASE)


@dataclass(frozen=True)
class Amount:
    """A number (or range) with a unit, as written and converted.

    ``start``/``end`` are offsets into the scanned text. ``dimension`` is "age" for ages (canonical
    unit months), else the physical dimension ("duration", "volume", "mass", "temperature", "count",
    "time" for a span of days/weeks that is not an age)."""

    start: int
    end: int
    stated: Interval
    unit: str
    dimension: str
    canonical: Interval
    canonical_unit: str
    relation: Relation = Relation.AT
    approximate: bool = False
    per: str = ""
    extreme: bool = False  # "as early as 9 months": the edge of a range, an exception
    converted: Interval = (0.0, 0.0)  # the stated numbers in the canonical unit, without the margin
    prep: str = ""  # the word before it that set the relation ("by", "before", "no more than")

    @property
    def is_age(self) -> bool:
        return self.dimension == "age"


def number(text: str) -> float:
    """The value of a number written in digits or words ("six", "1,5", "½", "half a")."""
    t = " ".join(text.lower().split())
    if t in NUMBER_WORDS:
        return float(NUMBER_WORDS[t])
    if t == "½":
        return 0.5
    return float(t.replace(",", "."))


def _before(text: str, start: int, words: int = 3) -> str:
    head = text[max(0, start - 40):start].lower()
    return " ".join(re.findall(r"[\w'’~.]+", head)[-words:])


def _ends_with(prefix: str, options: tuple[str, ...] | set[str] | frozenset[str]) -> str:
    for w in sorted(options, key=len, reverse=True):
        if prefix == w or prefix.endswith(" " + w):
            return w
    return ""


def _relation_before(text: str, start: int) -> tuple[Relation | None, str]:
    """The relation words just before an amount ("no more than", "by", "from")."""
    prefix = _before(text, start, 4)
    word = _ends_with(prefix, set(RELATION_WORDS))
    if word:
        return RELATION_WORDS[word], word
    word = _ends_with(prefix, set(AGE_PREPS))
    return (AGE_PREPS[word], word) if word else (None, "")


_AFTER_RE = re.compile(rf"\s*,?\s*(?P<w>{_alternation(RELATION_AFTER)})\b", re.IGNORECASE)


def _relation_after(text: str, end: int) -> tuple[Relation | None, int]:
    """The relation words just after an amount ("or more", "or longer", "at most") and where they end."""
    m = _AFTER_RE.match(text, end)
    if m is None:
        return None, end
    return RELATION_AFTER[" ".join(m.group("w").lower().split())], m.end()


def _period_at(text: str, pos: int) -> str:
    while pos < len(text) and text[pos] in " ,":  # "1 hour, at most, per day"
        pos += 1
    m = _PER_RE.match(text, pos)
    if m is None:
        return ""
    if m.group("day24"):
        return "day"
    return PERIODS.get((m.group("per") or m.group("adv") or "").lower(), "")


def _is_age(text: str, m: re.Match[str], dim: str, per: str) -> bool:
    """A span of days/weeks/months/years is an age unless it is a rate, a duration or a delay."""
    if dim != "time" or per:
        return False
    if m.groupdict().get("old"):
        return True
    after = text[m.end():m.end() + 20].lower().lstrip()
    if after.startswith("old") or after.startswith("of age"):
        return True
    if any(after.startswith(w) for w in NOT_AGE_AFTER):
        return False
    prefix = _before(text, m.start(), 3)
    if _ends_with(prefix, FIRST_WINDOW):
        return True
    if _ends_with(prefix, DURATION_BEFORE):
        return False
    # a bare "3 months" is an age; a bare "10 days" is a duration unless a preposition makes it an age
    return UNITS[m.group("unit").lower()][0] in ("month", "year") or bool(_ends_with(prefix, set(AGE_PREPS)))


_LATE_PER = re.compile(rf"\s+of\s+(?:[\w'’-]+\s+){{0,3}}?(?:in\s+)?(?:a|an|per|each|every)\s+"
                       rf"(?:(?P<per>{_alternation(PERIODS)})\b|(?P<day24>24)(?:[\s-]*hours?)?\b)",
                       re.IGNORECASE)


def _late_period(text: str, end: int) -> str:
    """A rate stated after what is measured: "90 minutes of cartoons per day", "… in every 24 hours"."""
    m = _LATE_PER.match(text, end)
    if m is None:
        return ""
    return "day" if m.group("day24") else PERIODS.get(m.group("per").lower(), "")


def _denominator(text: str, m: re.Match[str]) -> bool:
    """"(in) every 24 hours", "per 24 hours": the period of a rate, not an amount of its own."""
    before = text[max(0, m.start() - 12):m.start()]
    return bool(re.search(r"\b(?:every|each|per)\s*$", before, re.IGNORECASE)) \
        and re.match(r"24\s*-?\s*hours?\b", text[m.start():], re.IGNORECASE) is not None


def _pad(lo: float, hi: float, approx: bool, dim: str) -> Interval:
    """The values a point amount stands for: "about 6 months" is not exactly 6.0."""
    if lo != hi:
        return (max(0.0, lo - 0.5), hi + 0.5) if (approx and dim == "age") else (lo, hi)
    if dim == "age":
        pad = max(min(1.0, 0.4 * lo), 0.2 * lo) if approx else max(min(0.5, 0.2 * lo), 0.1 * lo)
    else:
        pad = 0.2 * lo if approx else 0.0
    return max(0.0, lo - pad), hi + pad


def _convert(lo: float, hi: float, unit: str, factor: float) -> Interval:
    if unit == "°F":
        return (lo - 32) * 5 / 9, (hi - 32) * 5 / 9
    return lo * factor, hi * factor


def _amount(text: str, m: re.Match[str], between: bool = False) -> Amount | None:
    raw_unit = " ".join(m.group("unit").lower().split())
    unit, dim, factor = UNITS[raw_unit]
    if len(raw_unit) == 1 and raw_unit not in ("h", "g", "l"):
        # a bare "C"/"F" only after a degree-like number ("38 C"), never a word
        if not re.search(r"\d\s*[°º]?\s*$", text[m.start():m.start("unit")]):
            return None
    lo = number(m.group("a"))
    hi = number(m.group("b")) if m.group("b") else lo
    if hi < lo:
        lo, hi = hi, lo
    groups = m.groupdict()
    per = PERIODS.get((groups.get("per") or groups.get("adv") or "").lower(), "")
    per = per or ("day" if groups.get("day24") else "") or _late_period(text, m.end())
    if dim == "count" and not per:
        return None  # "three times" without a rate is not an amount
    relation, prep = _relation_before(text, m.start())
    after, after_end = _relation_after(text, m.end())
    relation = relation or after
    if after and not per:  # "40 minutes or longer per side", "300 ml or more of formula per feed"
        per = _period_at(text, after_end) or _late_period(text, after_end)
    approx = bool(groups.get("approx")) or prep in ("about", "around", "near") or (
        _ends_with(_before(text, m.start(), 2), set(APPROX_WORDS)) != "")
    is_age = _is_age(text, m, dim, per) or (between and dim == "time")
    if is_age and (relation is None or (prep == "from" and m.group("b"))):
        relation = Relation.AT  # "from 2 to 5 years" is a range, not a floor
    if not is_age and prep in AGE_PREPS and prep not in RELATION_WORDS:
        relation = Relation.UP_TO if prep in ("under", "below", "up to") else None
    dimension = "age" if is_age else dim
    conv = _convert(lo, hi, unit, factor)
    canonical = _pad(conv[0], conv[1], approx, dimension)
    if is_age and unit == "year" and (groups.get("old") or text[m.end():m.end() + 5].lower().lstrip()
                                      .startswith("old")):
        canonical = (conv[0], conv[1] + 11.9)  # "2-year-olds" are 24 to 35 months old
    return Amount(start=m.start(), end=m.end(), stated=(lo, hi), unit=unit, dimension=dimension,
                  canonical=canonical,
                  canonical_unit=CANONICAL["time" if is_age else dim], relation=relation or Relation.AT,
                  approximate=approx, per=per, extreme=prep in EXTREME_PREPS, converted=conv,
                  prep=prep)


def _birthday(text: str, m: re.Match[str]) -> Amount:
    months = BIRTHDAYS[m.group("nth").lower()]
    relation, prep = _relation_before(text, m.start())
    return Amount(start=m.start(), end=m.end(), stated=(months / 12, months / 12), unit="birthday",
                  dimension="age", canonical=(months - 0.5, months + 0.5), canonical_unit="months",
                  relation=relation or Relation.AT, extreme=prep in EXTREME_PREPS, converted=(months, months),
                  prep=prep)


def _age_number(text: str, m: re.Match[str]) -> Amount:
    lo = number(m.group("a"))
    hi = number(m.group("b")) if m.group("b") else lo
    relation, prep = _relation_before(text, m.start())
    return Amount(start=m.start(), end=m.end(), stated=(lo, hi), unit="year", dimension="age",
                  canonical=(lo * 12, hi * 12 + (11.9 if hi == lo else 0.0)), canonical_unit="months",
                  relation=relation or Relation.AT, extreme=prep in EXTREME_PREPS,
                  converted=(lo * 12, hi * 12), prep=prep)


COUNT_RE = re.compile(rf"\b(?P<a>{_alternation(COUNT_ADVERBS)})\s+(?:a|an|per|each|every)\s+"
                      rf"(?P<per>{_alternation(PERIODS)})\b", re.IGNORECASE)


def _count(text: str, m: re.Match[str]) -> Amount:
    n = COUNT_ADVERBS[m.group("a").lower()]
    relation, _prep = _relation_before(text, m.start())
    if relation not in (Relation.UP_TO, Relation.FROM):
        relation = Relation.AT
    return Amount(start=m.start(), end=m.end(), stated=(n, n), unit="times", dimension="count",
                  canonical=(n, n), canonical_unit="times", relation=relation,
                  per=PERIODS[m.group("per").lower()], converted=(n, n))


@lru_cache(maxsize=4096)
def scan(text: str) -> tuple[Amount, ...]:
    """Every age and amount in ``text``, in order, without overlaps."""
    found: list[Amount] = []
    taken: list[tuple[int, int]] = []

    def add(a: Amount | None) -> None:
        if a is not None and not any(s < a.end and a.start < e for s, e in taken):
            found.append(a)
            taken.append((a.start, a.end))

    for m in BETWEEN_RE.finditer(text):
        add(_amount(text, m, between=True))
    for m in BIRTHDAY_RE.finditer(text):
        add(_birthday(text, m))
    for m in AMOUNT_RE.finditer(text):
        if m.group("a").lower() in ("a", "an") and not (m.group("old") or m.group("per") or m.group("adv")):
            continue  # "a week" is a rate word or a duration, not an amount of its own
        if _denominator(text, m):
            continue
        add(_amount(text, m))
    for m in AGE_NUMBER_RE.finditer(text):
        add(_age_number(text, m))
    for m in COUNT_RE.finditer(text):
        add(_count(text, m))
    return tuple(sorted(found, key=lambda a: a.start))


def ages(text: str) -> list[Amount]:
    """The ages in ``text`` (canonical unit: months)."""
    return [a for a in scan(text) if a.is_age]


def quantities(text: str) -> list[Amount]:
    """The amounts in ``text`` that are not ages."""
    return [a for a in scan(text) if not a.is_age]


# -- comparison --------------------------------------------------------------------------------------

def span_of(canonical: Interval, relation: Relation) -> Interval:
    """The values an amount allows: "by 12 months" is anything up to 12, "from 6 months" 6 and later."""
    lo, hi = canonical
    if relation in (Relation.BY, Relation.UP_TO):
        return 0.0, hi
    if relation in (Relation.FROM, Relation.NOT_BEFORE):
        return lo, float("inf")
    return lo, hi


def overlap(a: Interval, b: Interval, slack: float = 0.0) -> bool:
    """True when two closed intervals share a value (within ``slack``)."""
    return max(a[0], b[0]) <= min(a[1], b[1]) + slack


def compatible(a: Amount, b: Amount) -> bool:
    """Can both amounts hold at once? Different dimensions or periods are never compared (True)."""
    if a.dimension != b.dimension or a.per != b.per:
        return True
    return overlap(span_of(a.canonical, a.relation), span_of(b.canonical, b.relation), _slack(a.dimension))


def _slack(dimension: str) -> float:
    return {"age": 0.0, "temperature": 0.1}.get(dimension, 0.0)


def describe(a: Amount) -> str:
    """The amount as the article wrote it ("7–10 months", "1 hour a day")."""
    lo, hi = a.stated
    nums = _fmt(lo) if lo == hi else f"{_fmt(lo)}–{_fmt(hi)}"
    if a.unit == "birthday":
        return f"the birthday at {_fmt(lo)} year{'s' if lo != 1 else ''}"
    unit = a.unit if a.unit in ("°C", "°F", "ml", "mg", "g", "kg", "mcg", "IU", "oz", "l", "times") else (
        a.unit + ("s" if hi != 1 else ""))
    per = "/kg" if a.per == "kg" else f" a {a.per}" if a.per else ""
    return f"{nums} {unit}{per}"


def to_months(stated: Interval, unit: str) -> Interval:
    """Stated ages in months without any margin ("6 months" is 6.0; age words and birthdays are kept)."""
    if unit == "birthday":
        return stated[0] * 12, stated[1] * 12
    factor = {"day": _DAY_MONTHS, "week": 7 * _DAY_MONTHS, "month": 1.0, "year": 12.0}.get(unit, 1.0)
    return stated[0] * factor, stated[1] * factor


def _fmt(x: float) -> str:
    return f"{x:g}"


__all__ = ["Amount", "ages", "compatible", "describe", "number", "overlap", "quantities", "scan", "span_of",
           "to_months"]
