"""Numbers with units in a sentence: ages ("7 to 10 months", "by their first birthday", "6-month-olds")
and amounts ("no more than 1 hour a day", "5 ml every 4 hours", "10 mg/kg", "38 °C").

Why a scanner and not dependency patterns: a number, its range partner, its unit and its rate are a
few adjacent words whose shape is lexical, and the parser splits "7-10" or "mg/kg" in several ways. The
constructions (data) decide what an amount is *about*; this module only reads the amount and converts
it to a canonical unit so that "2 weeks" meets "half a month" and "4 oz" meets "120 ml". Every
:class:`Amount` keeps the numbers and unit as written, for messages.

The words (number words, unit spellings and factors, rate words, the words that give an amount its
relation) are data, ``rules/claims/units.toml``, which a publisher's pack extends (``[data.claims-units]``):
:class:`Units` is built from them once per registry (``ctx.data("claims-units")``, the builders'
``env.units``) and keeps its memo of scanned sentences on itself, not in this module.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from pydantic import Field, model_validator

from ...api import DataSchema, DataSource
from ...datafile import DataModel, load_model, rules_dir
from .model import Interval, Relation

UNITS_FILE = "claims/units.toml"
#: canonical unit per dimension (dimensions are the scanner's own names, not words of a text)
CANONICAL = MappingProxyType({"time": "months", "duration": "hours", "volume": "ml", "mass": "mg",
                              "temperature": "°C", "activity": "IU", "count": "times",
                              "portions": "portions", "degrees": "degrees"})
_DAY_MONTHS = 12 / 365.25
#: sentences whose amounts one :class:`Units` keeps (dropped all at once when full)
MEMO_SIZE = 4096


# -- data --------------------------------------------------------------------------------------------

#: measures a recipe or a dose divides ("1/2 cup"); counts, ages and times keep "2/3" as "2 or 3"
FRACTION_DIMENSIONS = frozenset({"volume", "mass"})


def _fraction(sep: str, a: float, b: float) -> bool:
    """ "1/2", "3/4": a slash between two whole numbers, the first the smaller, is a fraction."""
    return sep.strip() == "/" and a < b and a == int(a) and b == int(b)


class UnitEntry(DataModel):
    """A unit: how it is spelled, what it measures and its factor to the dimension's canonical unit."""

    name: str
    spellings: tuple[str, ...] = Field(min_length=1)
    dimension: str
    factor: float | None = None
    days: float | None = None  # a span of time given in days (factor = days / 365.25 * 12 months)
    plural: str | None = None  # how messages write more than one ("hours"); none: as the name ("ml")

    @model_validator(mode="after")
    def _one_factor(self) -> UnitEntry:
        if self.dimension not in CANONICAL:
            raise ValueError(f"unknown dimension {self.dimension!r} (known: {', '.join(CANONICAL)})")
        if (self.factor is None) == (self.days is None):
            raise ValueError("give exactly one of factor and days")
        if self.days is not None and self.dimension != "time":
            raise ValueError("days is for the time dimension; give factor")
        return self

    def conversion(self) -> float:
        return self.days * _DAY_MONTHS if self.days is not None else float(self.factor or 0.0)


class UnitWords(DataModel):
    first_window: tuple[str, ...] = Field(alias="first-window")
    extreme_preps: frozenset[str] = Field(alias="extreme-preps")
    approx: tuple[str, ...]
    not_age_after: tuple[str, ...] = Field(alias="not-age-after")
    duration_before: tuple[str, ...] = Field(alias="duration-before")


class UnitsFile(DataModel):
    """The whole of ``units.toml`` (with the packs' ``[data.claims-units]`` merged in)."""

    numbers: dict[str, float]
    count_adverbs: dict[str, float] = Field(alias="count-adverbs")
    unit: tuple[UnitEntry, ...]
    periods: dict[str, str]
    relation_before: dict[str, Relation] = Field(alias="relation-before")
    relation_after: dict[str, Relation] = Field(alias="relation-after")
    age_preps: dict[str, Relation] = Field(alias="age-preps")
    words: UnitWords
    birthdays: dict[str, float]
    #: "in the first year (of life)": a window from birth, in months
    first_periods: dict[str, float] = Field(default_factory=dict, alias="first-periods")
    #: a rate's period in days, for rates that can be compared ("once a week" = 1/7 a day)
    period_days: dict[str, float] = Field(default_factory=dict, alias="period-days")
    #: "in the second year", "during the third month": ordinals of a period of life after its first
    ordinals: dict[str, int] = Field(default_factory=dict)


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



def _alternation(words: Iterable[str]) -> str:
    items = sorted((str(w) for w in words), key=lambda w: (-len(w), w))  # the same pattern each run
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in items)


def _before(text: str, start: int, words: int = 3) -> str:
    head = text[max(0, start - 40):start].lower()
    return " ".join(re.findall(r"[\w'’~.]+", head)[-words:])


def _ends_with(prefix: str, options: Iterable[str]) -> str:
    for w in sorted(options, key=len, reverse=True):
        if prefix == w or prefix.endswith(" " + w):
            return w
    return ""


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


@dataclass(eq=False)
class Units:
    """The scanner built from ``units.toml`` and the packs: compiled patterns and a memo of scans."""

    numbers: Mapping[str, float]
    count_adverbs: Mapping[str, float]
    units: Mapping[str, tuple[str, str, float]]  # spelling -> (unit name, dimension, factor)
    periods: Mapping[str, str]
    relation_words: Mapping[str, Relation]
    relation_after: Mapping[str, Relation]
    age_preps: Mapping[str, Relation]
    words: UnitWords
    birthdays: Mapping[str, float]
    first_periods: Mapping[str, float] = field(default_factory=dict)
    period_days: Mapping[str, float] = field(default_factory=dict)
    ordinals: Mapping[str, int] = field(default_factory=dict)
    plurals: Mapping[str, str] = field(default_factory=dict)  # unit name -> plural, for messages
    _memo: dict[str, tuple[Amount, ...]] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        num = rf"(?:\d+(?:[.,]\d+)?|½|{_alternation(w for w in self.numbers if w not in ('a', 'an'))})"
        approx = rf"(?:{_alternation(self.words.approx)})"
        sep = r"\s*(?:-|–|—|to|and|or|/)\s*"
        unit = _alternation(self.units)
        per = (rf"(?:\s*(?:a|an|per|each|every|/|a\s+single)\s*(?P<per>{_alternation(self.periods)})\b"
               r"|\s+(?P<adv>daily|nightly|weekly)\b"
               r"|\s+(?:in\s+)?(?:every|each|per|a)\s+(?P<day24>24)(?:[\s-]*hours?)?(?:\s+period)?\b)")
        self.per_re = re.compile(per, re.IGNORECASE)
        self.amount_re = re.compile(
            rf"(?<![\w.])(?P<approx>{approx}\s+)?(?P<a>(?:{num}|an?))(?:{sep}(?:{approx}\s+)?(?P<b>{num}))?"
            rf"\s*-?\s*(?P<unit>{unit})(?![\w])(?P<old>(?:\s*-\s*|\s+)olds?\b)?{per}?",
            re.IGNORECASE)
        self.between_re = re.compile(
            rf"\bbetween\s+(?:{approx}\s+)?(?P<a>{num})\s+and\s+(?:{approx}\s+)?(?P<b>{num})"
            rf"\s*-?\s*(?P<unit>{unit})(?![\w]){per}?", re.IGNORECASE)
        self.birthday_re = re.compile(
            r"\b(?:the|their|his|her|its|your(?:\s+\w+['’]s)?|a(?:\s+\w+['’]s)?|baby['’]s|"
            rf"child['’]s)\s+(?P<nth>{_alternation(self.birthdays)})\s+birthday", re.IGNORECASE)
        self.first_period_re = re.compile(
            r"\b(?:in|during|within|through|throughout)\s+(?:the|their|his|her|its|your(?:\s+\w+['’]s)?|"
            rf"a\s+\w+['’]s)\s+first\s+(?P<per>{_alternation(self.first_periods)})\b(?:\s+of\s+life\b)?",
            re.IGNORECASE) if self.first_periods else None
        self.nth_period_re = re.compile(
            r"\b(?:in|during|within|through|throughout)\s+(?:the|their|his|her|its|your(?:\s+\w+['’]s)?|"
            rf"a\s+\w+['’]s)\s+(?P<nth>{_alternation(self.ordinals)})\s+(?P<per>{_alternation(self.first_periods)})\b"
            r"(?:\s+of\s+life\b)?", re.IGNORECASE) if self.first_periods and self.ordinals else None
        self.age_number_re = re.compile(rf"\b(?:the\s+)?(?:age|aged)\s+(?:of\s+)?(?P<a>{num})"
                                        rf"(?:{sep}(?P<b>{num}))?"
                                        rf"\b(?!\s*(?:{unit})\b)", re.IGNORECASE)
        self.count_re = re.compile(rf"\b(?P<a>{_alternation(self.count_adverbs)})\s+"
                                   rf"(?:a|an|per|each|every)\s+(?P<per>{_alternation(self.periods)})\b",
                                   re.IGNORECASE)
        # "your child is three", "once they turn 4": a child's age as a bare number is in years
        self.child_age_re = re.compile(
            rf"\b(?:(?:your|their|his|her|my)\s+\w+|they|he|she)\s+"
            rf"(?:is|are|turns?|reach(?:es)?|has\s+turned|have\s+turned|gets?\s+to)\s+"
            rf"(?:at\s+least\s+)?(?P<a>{num})(?:\s+years?\s+old)?\b(?!\s*(?:{unit})\b|\s*%)", re.IGNORECASE)
        # "children under 5", "kids over 2": a child's age in years with no unit named
        self.group_age_re = re.compile(
            rf"\b(?:children|child|kids|kid)\s+(?P<prep>{_alternation(self.age_preps)})\s+(?P<a>{num})\b"
            rf"(?!\s*(?:{unit})\b|\s*%|\s*-)", re.IGNORECASE)
        # "6 to 8 (wet) nappies a day": a count of a thing per period, the thing its own unit; only with a
        # period, so "two blocks" or "five children" stay plain numbers
        self.counted_re = re.compile(
            rf"(?<![\w.])(?P<approx>{approx}\s+)?(?P<a>{num})(?:{sep}(?:{approx}\s+)?(?P<b>{num}))?"
            rf"\s+(?:[a-z]+\s+)?(?P<noun>[a-z]{{3,}})\s*(?:a|an|per|each|every)\s+"
            rf"(?P<per>{_alternation(self.periods)})\b", re.IGNORECASE)
        self.after_re = re.compile(rf"\s*,?\s*(?P<w>{_alternation(self.relation_after)})\b", re.IGNORECASE)
        self.late_per = re.compile(rf"\s+of\s+(?:[\w'’-]+\s+){{0,3}}?(?:in\s+)?(?:a|an|per|each|every)\s+"
                                   rf"(?:(?P<per>{_alternation(self.periods)})\b|(?P<day24>24)(?:[\s-]*hours?)?\b)",
                                   re.IGNORECASE)

    # -- reading -----------------------------------------------------------------------------------
    def scan(self, text: str) -> tuple[Amount, ...]:
        """Every age and amount in ``text``, in order, without overlaps (kept for the next asker)."""
        got = self._memo.get(text)
        if got is None:
            if len(self._memo) >= MEMO_SIZE:
                self._memo.clear()
            got = self._memo[text] = self._scan(text)
        return got

    def ages(self, text: str) -> list[Amount]:
        """The ages in ``text`` (canonical unit: months)."""
        return [a for a in self.scan(text) if a.is_age]

    def quantities(self, text: str) -> list[Amount]:
        """The amounts in ``text`` that are not ages."""
        return [a for a in self.scan(text) if not a.is_age]

    def written(self, unit: str, count: float) -> str:
        """The unit as a message writes it for ``count`` ("1 hour", "2 hours", "5 ml")."""
        if count == 1:
            return unit
        if unit in self.plurals or unit in {name for name, _dim, _factor in self.units.values()}:
            return self.plurals.get(unit, unit)
        return unit[:-1] + "ies" if unit.endswith("y") and unit[-2:-1] not in "aeiou" else unit + "s"

    def number(self, text: str) -> float:
        """The value of a number written in digits or words ("six", "1,5", "½", "half a")."""
        t = " ".join(text.lower().split())
        if t in self.numbers:
            return float(self.numbers[t])
        if t == "½":
            return 0.5
        return float(t.replace(",", "."))

    def _scan(self, text: str) -> tuple[Amount, ...]:
        found: list[Amount] = []
        taken: list[tuple[int, int]] = []

        def add(a: Amount | None) -> None:
            if a is not None and not any(s < a.end and a.start < e for s, e in taken):
                found.append(a)
                taken.append((a.start, a.end))

        for m in self.between_re.finditer(text):
            add(self._amount(text, m, between=True))
        for m in self.birthday_re.finditer(text):
            add(self._birthday(text, m))
        for m in self.first_period_re.finditer(text) if self.first_period_re is not None else ():
            add(self._first_period(m))
        for m in self.nth_period_re.finditer(text) if self.nth_period_re is not None else ():
            add(self._nth_period(m))
        for m in self.amount_re.finditer(text):
            rate = m.group("old") or m.group("per") or m.group("adv")
            if m.group("a").lower() in ("a", "an") and not rate:
                continue  # "a week" is a rate word or a duration, not an amount of its own
            if _denominator(text, m):
                continue
            add(self._amount(text, m))
        for m in self.age_number_re.finditer(text):
            add(self._age_number(text, m))
        for m in self.count_re.finditer(text):
            add(self._count(text, m))
        for m in self.child_age_re.finditer(text):
            add(self._child_age(m))
        for m in self.group_age_re.finditer(text):
            add(self._group_age(m))
        for m in self.counted_re.finditer(text):
            add(self._counted(text, m))
        return tuple(sorted(found, key=lambda a: a.start))

    def _relation_before(self, text: str, start: int) -> tuple[Relation | None, str]:
        """The relation words just before an amount ("no more than", "by", "from")."""
        prefix = _before(text, start, 4)
        word = _ends_with(prefix, self.relation_words)
        if word:
            return self.relation_words[word], word
        word = _ends_with(prefix, self.age_preps)
        return (self.age_preps[word], word) if word else (None, "")

    def _relation_after(self, text: str, end: int) -> tuple[Relation | None, int]:
        """The relation words just after an amount ("or more", "or longer", "at most") and where they end."""
        m = self.after_re.match(text, end)
        if m is None:
            return None, end
        return self.relation_after[" ".join(m.group("w").lower().split())], m.end()

    def _period_at(self, text: str, pos: int) -> str:
        while pos < len(text) and text[pos] in " ,":  # "1 hour, at most, per day"
            pos += 1
        m = self.per_re.match(text, pos)
        if m is None:
            return ""
        if m.group("day24"):
            return "day"
        return self.periods.get((m.group("per") or m.group("adv") or "").lower(), "")

    def _late_period(self, text: str, end: int) -> str:
        """A rate stated after what is measured: "90 minutes of cartoons per day", "… in every 24 hours"."""
        m = self.late_per.match(text, end)
        if m is None:
            return ""
        return "day" if m.group("day24") else self.periods.get(m.group("per").lower(), "")

    def _is_age(self, text: str, m: re.Match[str], dim: str, per: str) -> bool:
        """A span of days/weeks/months/years is an age unless it is a rate, a duration or a delay."""
        if dim != "time" or per:
            return False
        if m.groupdict().get("old"):
            return True
        after = text[m.end():m.end() + 20].lower().lstrip()
        if after.startswith("old") or after.startswith("of age"):
            return True
        if any(after.startswith(w) for w in self.words.not_age_after):
            return False
        prefix = _before(text, m.start(), 3)
        if _ends_with(prefix, self.words.first_window):
            return True
        if _ends_with(prefix, self.words.duration_before):
            return False
        # a bare "3 months" is an age; a bare "10 days" is a duration unless a preposition makes it an age
        unit = self.units[" ".join(m.group("unit").lower().split())][0]
        return unit in ("month", "year") or bool(_ends_with(prefix, self.age_preps))

    def _amount(self, text: str, m: re.Match[str], between: bool = False) -> Amount | None:
        raw_unit = " ".join(m.group("unit").lower().split())
        unit, dim, factor = self.units[raw_unit]
        if len(raw_unit) == 1 and raw_unit not in ("h", "g", "l"):
            # a bare "C"/"F" only after a degree-like number ("38 C"), never a word
            if not re.search(r"\d\s*[°º]?\s*$", text[m.start():m.start("unit")]):
                return None
        lo = self.number(m.group("a"))
        hi = self.number(m.group("b")) if m.group("b") else lo
        if m.group("b") and dim in FRACTION_DIMENSIONS and _fraction(text[m.end("a"):m.start("b")], lo, hi):
            lo = hi = lo / hi  # "1/2 cup", "3/4 teaspoon": a fraction of a measure, not a range
        if hi < lo:
            lo, hi = hi, lo
        groups = m.groupdict()
        per = self.periods.get((groups.get("per") or groups.get("adv") or "").lower(), "")
        per = per or ("day" if groups.get("day24") else "") or self._late_period(text, m.end())
        if dim == "count" and not per:
            return None  # "three times" without a rate is not an amount
        relation, prep = self._relation_before(text, m.start())
        if between:  # a range: the word before "between" ("roll over between …") is not its relation
            relation, prep = None, "between"
        after, after_end = self._relation_after(text, m.end())
        relation = relation or after
        if after and not per:  # "40 minutes or longer per side", "300 ml or more of formula per feed"
            per = self._period_at(text, after_end) or self._late_period(text, after_end)
        approx = bool(groups.get("approx")) or prep in ("about", "around", "near") or (
            _ends_with(_before(text, m.start(), 2), self.words.approx) != "")
        is_age = self._is_age(text, m, dim, per) or (between and dim == "time")
        if is_age and (relation is None or (prep == "from" and m.group("b"))):
            relation = Relation.AT  # "from 2 to 5 years" is a range, not a floor
        if not is_age and prep in self.age_preps and prep not in self.relation_words:
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
                      approximate=approx, per=per, extreme=prep in self.words.extreme_preps, converted=conv,
                      prep=prep)

    def _birthday(self, text: str, m: re.Match[str]) -> Amount:
        months = self.birthdays[m.group("nth").lower()]
        relation, prep = self._relation_before(text, m.start())
        return Amount(start=m.start(), end=m.end(), stated=(months / 12, months / 12), unit="birthday",
                      dimension="age", canonical=(months - 0.5, months + 0.5), canonical_unit="months",
                      relation=relation or Relation.AT, extreme=prep in self.words.extreme_preps,
                      converted=(months, months), prep=prep)

    def _first_period(self, m: re.Match[str]) -> Amount:
        """ "in the first year": every age from birth to its end (a deadline, as "in the first 12 months")."""
        months = self.first_periods[m.group("per").lower()]
        return Amount(start=m.start(), end=m.end(), stated=(months, months), unit="months", dimension="age",
                      canonical=(months, months), canonical_unit="months", relation=Relation.BY,
                      converted=(months, months), prep="in the first")

    def _nth_period(self, m: re.Match[str]) -> Amount:
        """ "in the second year": the ages from the end of the first year to the end of the second."""
        length, n = self.first_periods[m.group("per").lower()], self.ordinals[m.group("nth").lower()]
        lo, hi = (n - 1) * length, n * length
        return Amount(start=m.start(), end=m.end(), stated=(lo, hi), unit="months", dimension="age",
                      canonical=(lo, hi), canonical_unit="months", relation=Relation.AT,
                      converted=(lo, hi), prep="in the")

    def _age_number(self, text: str, m: re.Match[str]) -> Amount:
        lo = self.number(m.group("a"))
        hi = self.number(m.group("b")) if m.group("b") else lo
        relation, prep = self._relation_before(text, m.start())
        return Amount(start=m.start(), end=m.end(), stated=(lo, hi), unit="year", dimension="age",
                      canonical=(lo * 12, hi * 12 + (11.9 if hi == lo else 0.0)), canonical_unit="months",
                      relation=relation or Relation.AT, extreme=prep in self.words.extreme_preps,
                      converted=(lo * 12, hi * 12), prep=prep)

    def _child_age(self, m: re.Match[str]) -> Amount:
        n = self.number(m.group("a"))
        return Amount(start=m.start("a"), end=m.end(), stated=(n, n), unit="year", dimension="age",
                      canonical=(n * 12, n * 12 + 11.9), canonical_unit="months", relation=Relation.AT,
                      converted=(n * 12, n * 12))

    def _group_age(self, m: re.Match[str]) -> Amount:
        """ "children under 5": ages in years, with the preposition's relation ("under" = up to 5)."""
        n, prep = self.number(m.group("a")), m.group("prep").lower()
        return Amount(start=m.start("prep"), end=m.end(), stated=(n, n), unit="year", dimension="age",
                      canonical=(n * 12, n * 12), canonical_unit="months", relation=self.age_preps[prep],
                      converted=(n * 12, n * 12), prep=prep)

    def _counted(self, text: str, m: re.Match[str]) -> Amount | None:
        noun = m.group("noun").lower()
        per = self.periods[m.group("per").lower()]
        if noun in self.units or noun in self.numbers or noun in self.count_adverbs or singular(noun) == per:
            return None  # a unit the other patterns read ("3 hours a day"), or the period itself
        lo = self.number(m.group("a"))
        hi = self.number(m.group("b")) if m.group("b") else lo
        unit = singular(noun)
        relation, _prep = self._relation_before(text, m.start())
        return Amount(start=m.start(), end=m.end(), stated=(lo, hi), unit=unit, dimension="count",
                      canonical=(lo, hi), canonical_unit=unit, relation=relation or Relation.AT,
                      approximate=bool(m.group("approx")), per=per, converted=(lo, hi))

    def _count(self, text: str, m: re.Match[str]) -> Amount:
        n = self.count_adverbs[m.group("a").lower()]
        relation, _prep = self._relation_before(text, m.start())
        if relation not in (Relation.UP_TO, Relation.FROM):
            relation = Relation.AT
        return Amount(start=m.start(), end=m.end(), stated=(n, n), unit="times", dimension="count",
                      canonical=(n, n), canonical_unit="times", relation=relation,
                      per=self.periods[m.group("per").lower()], converted=(n, n))


def singular(word: str) -> str:
    """"nappies" -> "nappy", "naps" -> "nap", "boxes" -> "box": a counted thing's name as its unit."""
    w = word.lower()
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith(("ches", "shes", "xes", "sses")):
        return w[:-2]
    return w[:-1] if w.endswith("s") and not w.endswith("ss") else w


def counted(a: Amount) -> bool:
    """"6 to 8 nappies a day": the counted thing is its own unit, and what the amount is about."""
    return a.dimension == "count" and a.unit == a.canonical_unit and a.unit not in CANONICAL.values()


def build_units(data: UnitsFile, source: DataSource | None = None) -> Units:
    """The ``claims-units`` data object: the scanner of the shipped words and the packs' additions."""
    table = {s: (u.name, u.dimension, u.conversion()) for u in data.unit for s in u.spellings}
    return Units(numbers=MappingProxyType(dict(data.numbers)),
                 count_adverbs=MappingProxyType(dict(data.count_adverbs)), units=MappingProxyType(table),
                 periods=MappingProxyType(dict(data.periods)),
                 relation_words=MappingProxyType(dict(data.relation_before)),
                 relation_after=MappingProxyType(dict(data.relation_after)),
                 age_preps=MappingProxyType(dict(data.age_preps)), words=data.words,
                 birthdays=MappingProxyType(dict(data.birthdays)),
                 first_periods=MappingProxyType(dict(data.first_periods)),
                 period_days=MappingProxyType(dict(data.period_days)),
                 ordinals=MappingProxyType(dict(data.ordinals)),
                 plurals=MappingProxyType({u.name: u.plural for u in data.unit if u.plural}))


#: ``ctx.data("claims-units")``: ``rules/claims/units.toml`` with the packs' ``[data.claims-units]``
UNITS_DATA = DataSchema("claims-units", UnitsFile, build_units, file=UNITS_FILE)


def shipped_units() -> Units:
    """A scanner of the shipped words only, read afresh (tests and one-off use; checks use ``env.units``)."""
    return build_units(load_model(rules_dir() / UNITS_FILE, UnitsFile))


def scan(text: str, units: Units | None = None) -> tuple[Amount, ...]:
    """Every age and amount in ``text`` (with the shipped words unless ``units`` is given)."""
    return (units or shipped_units()).scan(text)


def ages(text: str, units: Units | None = None) -> list[Amount]:
    """The ages in ``text`` (canonical unit: months)."""
    return (units or shipped_units()).ages(text)


def quantities(text: str, units: Units | None = None) -> list[Amount]:
    """The amounts in ``text`` that are not ages."""
    return (units or shipped_units()).quantities(text)


def number(text: str, units: Units | None = None) -> float:
    """The value of a number written in digits or words ("six", "1,5", "½", "half a")."""
    return (units or shipped_units()).number(text)


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


__all__ = ["UNITS_DATA", "Amount", "Units", "UnitsFile", "ages", "build_units", "compatible", "describe",
           "number", "overlap", "quantities", "scan", "shipped_units", "span_of", "to_months"]
