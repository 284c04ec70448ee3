"""Offline spelling (EL501, EL505): pyspellchecker's bundled dictionary plus a domain vocabulary.

Always available: the dictionary ships inside the pyspellchecker wheel and the vocabulary (a house list
and lists generated from ICD-10-CM, a drug-name dictionary and wordfreq, see
rules/data/vocabulary/README.md) inside editlint's, so nothing is downloaded and no NLP model is needed.
Proper nouns (by position), acronyms, URLs, e-mail addresses, numbers, units, code, reference lists and
citations, glossed quoted terms and attribute values are skipped with cheap rules; the US/UK pair list
drives EL505 (one article should not mix "color" and "colour").
"""

from __future__ import annotations

import bisect
import difflib
import gzip
import itertools
import json
import pkgutil
import re
import threading
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from functools import partial
from types import MappingProxyType
from typing import Any

from .. import datacache
from .. import datamodels as models
from ..api import DataSchema, DataSource
from ..blockcache import ident, in_block, reuse
from ..document import Block, BlockKind, Document
from ..findings import Edit, Severity
from .base import CheckContext, ConfigSection, Hit, Option, Span, check_type

SPELLING_SECTION = ConfigSection("spelling", {
    "variant": Option(str, "en-US", "house spelling: en-US or en-GB (breaks ties in EL505)",
                      ("en-US", "en-GB")),
    "accept": Option(list, [], "extra words the speller accepts (case-insensitive)"),
    "reject": Option(list, [], "words always flagged (case-insensitive)"),
    "enforce-variant": Option(bool, False, "EL505 flags every US/UK form not of `variant`, even unmixed"),
}, help="Offline spelling (EL501, EL505).")

# A word: letters with inner apostrophes and hyphens ("baby's", "well-known"). A letter may carry
# combining marks: decomposed (NFD) "café" is one word, not "cafe" plus a stray accent.
_MARKS = "\u0300-\u036f\u0483-\u0489\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
# Soft hyphens and zero-width characters sit inside words copied from web pages ("vul\u00adnerable"):
# they belong to the word and are dropped for the lookup.
_INVISIBLE = "\u00ad\u200b-\u200d\u2060\ufeff"
_LETTERS = rf"(?:[^\W\d_][{_MARKS}{_INVISIBLE}]*)+"
_WORD = re.compile(rf"{_LETTERS}(?:['’]{_LETTERS})*(?:-{_LETTERS}(?:['’]{_LETTERS})*)*")
_SOUND = re.compile(r"([a-z]{1,3})\1{2,}")  # "bababa", "nanana": babble, never a misspelling
_SOUND_MAX = 12  # longer runs are keyboard noise, not a sound
_CONTRACTION_TAILS = ("n't", "'s", "'re", "'ve", "'ll", "'d", "'m")
_SENTENCE_END = re.compile(r"(?:[.!?:;…]|^)[\"'’”)\]\s*•\-–—]*$")

# -- data -----------------------------------------------------------------------------------------
#: How many words' suggestions one speller memoises before it starts afresh.
SUGGESTION_MEMO_SIZE = 4096


class Speller:
    """pyspellchecker's dictionary (loaded on first use, about 0.3 s) and the memo caches of one registry.

    Built by the registry as the data object ``speller`` (``ctx.data("speller")``), so the caches live as
    long as the registry and never in this module.
    """

    def __init__(self) -> None:
        self._lock = threading.RLock()
        self._checker: Any = None
        self._index: dict[tuple[str, int], list[str]] = {}
        self._suggestions: dict[tuple[str, int], tuple[str, ...]] = {}

    @property
    def spell(self) -> Any:
        """The pyspellchecker instance."""
        with self._lock:
            if self._checker is None:
                self._checker = load_checker()
            return self._checker

    def _bucket(self, first: str, length: int) -> list[str]:
        """Dictionary words (seen at least 5 times) by first letter and length, for the fallback search."""
        with self._lock:
            if not self._index:
                for w, n in self.spell.word_frequency.dictionary.items():
                    if n >= 5 and w.isalpha():
                        self._index.setdefault((w[0], len(w)), []).append(w)
                self._index[("", 0)] = []  # built
        return self._index.get((first, length), [])

    def suggestions(self, word: str, limit: int = 3) -> tuple[str, ...]:
        """Up to ``limit`` likely corrections, most frequent first (memoised).

        Edit distance 1 through pyspellchecker (cheap); otherwise a similarity search among dictionary
        words with the same first letter and a similar length, because pyspellchecker's distance-2 search
        costs 0.4–3 s for a single long or garbled word.
        """
        key = (word, limit)
        found = self._suggestions.get(key)
        if found is None:
            if len(self._suggestions) >= SUGGESTION_MEMO_SIZE:
                self._suggestions.clear()  # a bound for long-lived hosts (an editor server)
            found = self._suggestions[key] = self._search(word, limit)
        return found

    def clear(self) -> None:
        """Forget the memoised suggestions (benchmarks measure the search itself)."""
        self._suggestions.clear()

    def _search(self, word: str, limit: int) -> tuple[str, ...]:
        spell = self.spell
        if len(word) > 24 or not word:
            return ()
        cands = spell.known(spell.edit_distance_1(word))
        if cands:
            ranked = sorted(cands, key=lambda c: (-spell.word_usage_frequency(c), c))
            return tuple(ranked[:limit])
        pool = [w for n in range(max(1, len(word) - 2), len(word) + 3) for w in self._bucket(word[0], n)]
        return tuple(difflib.get_close_matches(word, pool, n=limit, cutoff=0.8))


def load_checker() -> Any:
    """pyspellchecker with its English dictionary, as ``SpellChecker(language="en", distance=2)`` builds it.

    Its loader lower-cases every one of the 160,000 words (about a quarter of a cold load); the shipped list
    is lower-case already, so the words go in as they are, and only if every letter they use is its own
    lower case (the letters are counted anyway) is that kept. The counts and totals are kept between runs
    (:mod:`editlint.datacache`, keyed by the packaged file's bytes): no JSON parse on a cold run. Any other
    list, or a pyspellchecker whose internals differ, is loaded the library's own way."""
    from spellchecker import SpellChecker

    raw = pkgutil.get_data("spellchecker", "resources/en.json.gz")
    checker = SpellChecker(language=None, distance=2)
    frequency = checker.word_frequency
    words = getattr(frequency, "_dictionary", None)
    if raw and isinstance(words, Counter) and not words and _fills(frequency):
        kept = datacache.cached("spelling-dictionary", [raw], partial(_read_dictionary, raw), _is_dictionary)
        words.update(kept[0])
        _fill(frequency, *kept)
        if all(c.lower() == c for c in frequency.letters):
            return checker
    return SpellChecker(language="en", distance=2)


#: pyspellchecker's totals that ``_update_dictionary`` works out from every word (0.05 s; kept with them).
_TOTALS = ("_longest_word_length", "_total_words", "_unique_words", "_letters")


def _fills(frequency: Any) -> bool:
    """Whether this pyspellchecker keeps the totals :func:`_fill` sets (else it is loaded its own way)."""
    return callable(getattr(frequency, "_update_dictionary", None)) and all(
        hasattr(frequency, name) for name in _TOTALS)


def _read_dictionary(raw: bytes) -> tuple[dict[str, int], str, int, int]:
    """The packaged word counts, every letter they use, the longest word's length and the sum of the
    counts (kept between runs by :mod:`datacache`)."""
    counts: dict[str, int] = json.loads(gzip.decompress(raw).decode("utf-8"))
    letters = "".join(sorted(set().union(*counts)))
    return counts, letters, max(map(len, counts), default=0), sum(counts.values())


def _is_dictionary(value: Any) -> bool:
    return (isinstance(value, tuple) and len(value) == 4 and isinstance(value[0], dict)
            and isinstance(value[1], str) and all(isinstance(v, int) for v in value[2:]))


def _fill(frequency: Any, counts: dict[str, int], letters: str, longest: int, total: int) -> None:
    """The totals ``_update_dictionary`` works out, from what was kept with the counts."""
    frequency._longest_word_length = longest
    frequency._total_words = total
    frequency._unique_words = len(counts)
    frequency._letters = set(letters)


@dataclass(frozen=True)
class Vocabulary:
    accept: frozenset[str]  # the house list and the generated domain lists (rules/data/vocabulary/)
    reject: Mapping[str, str]  # casefolded word -> replacement ("" none)
    prefixes: tuple[str, ...] = ()  # derivational prefixes: prefix + known word is a word


#: What makes a generated list's ASCII body other than one bare word a line (and its header's odd breaks).
_NOT_ONE_WORD_A_LINE = re.compile(r"[# \t\r\x0b\x0c\x1c-\x1f]")
_ODD_BREAKS = re.compile("[\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")


def _header_end(text: str) -> int:
    """Where a word list's leading comment (and blank) lines end."""
    pos = 0
    while pos < len(text):
        end = text.find("\n", pos)
        end = len(text) if end < 0 else end + 1
        line = text[pos:end].strip()
        if line and not line.startswith("#"):
            break
        pos = end
    return pos


def _plain_words(text: str) -> list[str] | None:
    """The words of a list that is a comment header and then lower-case ASCII words, one a line and
    nothing else, split in one go; None for any other text."""
    start = _header_end(text)
    body = text[start:]
    if not _ODD_BREAKS.search(text, 0, start) and body.isascii() and body.islower() \
            and not _NOT_ONE_WORD_A_LINE.search(body):
        return body.split()  # the only whitespace left is the line breaks
    return None


def word_list(text: str) -> frozenset[str]:
    """A generated word list (one word a line, ``#`` comments), casefolded.

    A list that is a comment header and then lower-case ASCII words, one a line and nothing else (as
    scripts/build-vocabulary.py writes them), is split in one go: a third of the time of going line by line
    (77,000 words: about 0.1 s of a cold run). Any other text is read line by line."""
    plain = _plain_words(text)
    if plain is not None:
        return frozenset(plain)
    words = (line.strip() for line in text.splitlines())
    # generated lists are lower-case ASCII already: normalising 70,000 words would cost half a second
    return frozenset(w if w.isascii() and w.islower() else _normalise(w)
                     for w in words if w and not w.startswith("#"))


def build_vocabulary(data: models.Vocabulary, source: DataSource) -> Vocabulary:
    """The ``vocabulary`` data object: the accept list with its generated word lists, as one set, built
    in one go from the lists' words (a set per list and their union cost twice as much: 0.05 s)."""
    parts: list[Iterable[str]] = [(_normalise(w) for w in data.accept)]
    for rel in data.lists:
        text = source.read_text(rel)
        plain = _plain_words(text)
        parts.append(plain if plain is not None else word_list(text))
    words = frozenset(itertools.chain.from_iterable(parts))
    prefixes = tuple(sorted({_normalise(p) for p in data.prefixes}, key=len, reverse=True))
    return Vocabulary(words, MappingProxyType({k.casefold(): v for k, v in data.reject.items()}), prefixes)


@dataclass(frozen=True)
class Locale:
    """A standard that takes ``side`` for most pairs and the other side for the pairs in ``flipped``
    (keyed by their first form, plurals too); pairs in ``either`` it writes both ways."""

    name: str
    label: str
    side: int
    flipped: frozenset[str]
    either: frozenset[str]

    def expects(self, first: str, side: int) -> bool:
        """Whether a form on ``side`` of the pair whose first form is ``first`` is this locale's."""
        if first in self.either:
            return True
        return side == (1 - self.side if first in self.flipped else self.side)


@dataclass(frozen=True)
class Dimension:
    name: str
    labels: tuple[str, str]
    variants: tuple[str, str]
    forms: Mapping[str, tuple[int, str]]  # casefolded form -> (side 0/1, the other side's form)
    locales: tuple[Locale, ...] = ()


@dataclass(frozen=True)
class Pairs:
    """The ``us-uk`` data object: each dimension's forms, every form, and each form's twin."""

    dimensions: tuple[Dimension, ...]
    forms: frozenset[str]
    twins: Mapping[str, str]  # each form -> its other form ("pasteurised" -> "pasteurized")


def build_pairs(data: models.SpellingVariants, source: DataSource) -> Pairs:
    dims = []
    for name, d in data.dimensions.items():
        forms: dict[str, tuple[int, str]] = {}
        for a, b in d.pairs:
            for x, y, side in ((a, b, 0), (b, a, 1)):
                forms.setdefault(x, (side, y))
                forms.setdefault(x + "s", (side, y + "s"))
        locales = tuple(Locale(key, loc.label, d.labels.index(loc.side), _with_plurals(loc.other_side),
                               _with_plurals(loc.either)) for key, loc in d.locales.items())
        dims.append(Dimension(name, d.labels, d.variants, MappingProxyType(forms), locales))
    twins = {f: other for dim in dims for f, (_side, other) in dim.forms.items()}
    return Pairs(tuple(dims), frozenset(twins), MappingProxyType(twins))


def _with_plurals(words: Iterable[str]) -> frozenset[str]:
    return frozenset(w for word in words for w in (word, word + "s"))


def _new_speller(_data: Any, _source: DataSource) -> Speller:
    return Speller()


VOCABULARY_DATA = DataSchema("vocabulary", models.Vocabulary, build_vocabulary)
PAIRS_DATA = DataSchema("us-uk", models.SpellingVariants, build_pairs)
SPELLER_DATA = DataSchema("speller", None, _new_speller)


def data_name(option: str) -> str:
    """The data name an option gives as a path: ``data/us-uk.toml`` (or ``us-uk``) is ``us-uk``."""
    name = option.removeprefix("data/")
    return name.removesuffix(".toml")


# -- tokens ---------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Token:
    start: int  # absolute
    end: int
    text: str
    block: Block


def _sentence_start(block: Block, rel: int) -> bool:
    """Whether the word at block-relative ``rel`` opens a sentence, a line or the block."""
    before = block.text[max(0, rel - 40):rel]
    if "\n" in before:
        before = before.rsplit("\n", 1)[1]
        if not before.strip(" \t\"'“‘(*•-–—#>0123456789.)"):
            return True
    return bool(_SENTENCE_END.search(before))


def _looks_like_name_or_code(tok: Token) -> bool:
    w = _STRIP_INVISIBLE.sub("", tok.text)
    text = tok.block.text
    rel_s, rel_e = tok.start - tok.block.start, tok.end - tok.block.start
    prev = text[rel_s - 1] if rel_s > 0 else ""
    nxt = text[rel_e] if rel_e < len(text) else ""
    nxt2 = text[rel_e + 1] if rel_e + 1 < len(text) else ""
    if (prev and prev in "@#/\\_") or (nxt and nxt in "_/\\@") or prev.isdigit() or nxt.isdigit():
        return True  # handles, hashtags, paths, 10kg-style units, identifiers
    if (prev == "." and rel_s > 1 and text[rel_s - 2].isalnum()) or (nxt == "." and nxt2.isalnum()):
        return True  # file.txt, example.org, a.m.
    if text.startswith("://", rel_e) or (nxt == "=" and rel_e + 1 < len(text)):
        return True  # a URL scheme written apart from its address ("https:// www…"); key=value
    if not w.isascii():
        return True  # foreign words and names ("crèche" is fine, we cannot judge it)
    if len(w) > 1 and w.isupper():
        return True  # acronyms: RSV, WHO, AAP
    if len(w) <= _SOUND_MAX and _SOUND.fullmatch(w.casefold()):
        return True  # babble and sounds: a syllable said three times or more ("tiptiptip")
    if any(c.isupper() for c in w[1:]) and "-" not in w:
        return True  # mixed case: iPhone, YouTube, McDonald
    return False


def _normalise(word: str) -> str:
    """The lookup form: NFC (decomposed and composed accents are one word), straight apostrophe, casefold."""
    return _STRIP_INVISIBLE.sub("", unicodedata.normalize("NFC", word)).replace("’", "'").casefold()


_STRIP_INVISIBLE = re.compile(f"[{_INVISIBLE}]")


class Lexicon:
    """What EL501 accepts besides pyspellchecker: the vocabulary (house and generated lists), the
    user's words and the US/UK forms, kept as separate sets so a run copies none of the big lists."""

    def __init__(self, *sets: frozenset[str], prefixes: tuple[str, ...] = (),
                 twins: Mapping[str, str] | None = None, suffixes: tuple[str, ...] = (),
                 function: frozenset[str] = frozenset()) -> None:
        self.sets = sets
        self.prefixes = prefixes
        self.suffixes = frozenset(suffixes)  # a hyphenated ending on a word ("ten-ish"): not checked alone
        self.twins = twins or {}  # US/UK form -> the other form
        self.function = function  # function words: no part of a coined compound ("some" + "tried")

    def __contains__(self, word: object) -> bool:
        return any(word in s for s in self.sets)


_MIN_STEM = 4  # "re" + "set" is a word, but a short stem makes any prefix-shaped typo a word too


def _known_form(word: str, spell: Any, extra: Lexicon | frozenset[str]) -> bool:
    if len(word) <= 2 or word in extra or word in spell:
        return True
    for tail in _CONTRACTION_TAILS:
        if word.endswith(tail) and len(word) > len(tail):
            stem = word[: -len(tail)]
            if stem in extra or stem in spell or (tail == "n't" and stem in ("ca", "wo", "sha")):
                return True
    return word.endswith("'") and word[:-1] in spell


# plurals and third persons of a known word; adjectives in -ly from verbs in -le ("wobbly", "giggly")
_INFLECTIONS = (("ies", "y"), ("es", ""), ("s", ""), ("ly", "le"))
# Productive endings on a known word whose final e drops or last consonant doubles: family words
# ("blankie", "nursies" from "nurse", "doggies" from "dog"), -able ("grippable"), agent nouns ("rocker"),
# and -less, which makes an adjective of almost any noun ("sockless", "napless").
_DERIVING_TAILS = (("ies", 3), ("ie", 3), ("able", 4), ("ers", 4), ("er", 4), ("less", 3))  # tail, stem
_TAILS = frozenset(t for t, _ in _DERIVING_TAILS)
# The stem's own inflections one edit away do not make such a word a typo ("nurses" for "nursies").
_STEM_FORMS = ("", "s", "es", "d", "ed", "ing", "er")


def _tail_stems(word: str) -> Iterator[tuple[str, str]]:
    """Candidate stems of ``word`` for each deriving tail: as written, with its e back, undoubled."""
    for tail, shortest in _DERIVING_TAILS:
        if not word.endswith(tail) or len(word) - len(tail) < shortest:
            continue
        base = word[: -len(tail)]
        yield base, tail
        yield base + "e", tail
        if len(base) > shortest and base[-1] == base[-2] and base[-1] not in "aeiou":
            yield base[:-1], tail


def _derivations(word: str, spell: Any, extra: Lexicon | frozenset[str]) -> list[tuple[str, str, str]]:
    """(prefix, stem, ending) splits of ``word`` into a known stem with a prefix or an ending."""
    prefixes = extra.prefixes if isinstance(extra, Lexicon) else ()
    out = [(p, word[len(p):], "") for p in prefixes if word.startswith(p)
           and len(word) - len(p) >= _MIN_STEM and _known_form(word[len(p):], spell, extra)]
    out += [("", word[: -len(tail)] + base, tail) for tail, base in _INFLECTIONS
            if word.endswith(tail) and len(word) - len(tail) >= _MIN_STEM - 1
            and _known_form(word[: -len(tail)] + base, spell, extra)]
    out += [("", stem, tail) for stem, tail in _tail_stems(word) if _known_form(stem, spell, extra)]
    return out


#: letters a speaker draws out at the end of a short word ("ahh", "hmm", "aww", "umm", "sooo"); not "y" or "e"
#: ("toyy", "shee" are slips)
_DRAWN_OUT = frozenset("ahmouw")
_DRAWN_MAX = 3  # a drawn-out word of this length at most: "ahh" is "ah", but "carr" is a slip for "car"
_DRAWN_LONGEST = 8  # "ahhhhhh"; longer runs are keyboard noise
_LAST_RUN = re.compile(r"(\w)\1+$")


def _lengthened(word: str, spell: Any, extra: Lexicon | frozenset[str]) -> bool:
    """Expressive lengthening, not a typo: the last letter of a short known word drawn out ("ahh" is "ah",
    "hmmm" is "hm", "sooo" is "so"). A held letter inside a word ("helllo") is still checked."""
    last = _LAST_RUN.search(word)
    if last is None or len(word) > _DRAWN_LONGEST or word[-1] not in _DRAWN_OUT:
        return False
    short = word[:last.start() + 1]  # the dictionary itself, not "any two letters" (_known_form's rule)
    return len(short) <= _DRAWN_MAX and (short in spell or short in extra)


def _contraction_plural(word: str, spell: Any, extra: Lexicon | frozenset[str]) -> bool:
    """The plural of a contraction used as a noun: "the dos and don'ts", "no can'ts"."""
    return word.endswith("s") and "'" in word[:-1] and _known_form(word[:-1], spell, extra)


def _known(word: str, spell: Any, extra: Lexicon | frozenset[str]) -> bool:
    """A lower-case word (no hyphen) is known to the dictionary, the vocabulary or as a contraction,
    or is derived from such a word by a prefix ("reswaddle"), a plural ending ("insufficiencies") or a
    family -ie ending ("nursies"), as Hunspell's affix rules would, unless a dictionary word other than its
    stem (or the stem's plural) is one edit
    away: "reember" is "re" + "ember" and "thes" is "the" + "s", but both are typos. The same derivation
    of the stem's US/UK twin does not count ("unpasteurised" next to "unpasteurized"). A drawn-out
    word ("ahh") and a contraction's plural ("don'ts") are words too."""
    if _known_form(word, spell, extra) or _contraction_plural(word, spell, extra) \
            or _lengthened(word, spell, extra):
        return True
    derivations = _derivations(word, spell, extra)
    if not derivations:
        return False
    twins = extra.twins if isinstance(extra, Lexicon) else {}
    near = spell.known(spell.edit_distance_1(word))
    for prefix, stem, ending in derivations:
        # "wobbly" is one edit from its own stem "wobble", "nursies" from the stem's plural "nurses"
        near -= {stem + form for form in (_STEM_FORMS if ending in _TAILS else ("",))}
        if stem in twins:
            near.discard(prefix + twins[stem])
    return not near


def lexicon(vocab: Vocabulary, pairs: Pairs, accept: frozenset[str] = frozenset(),
            suffixes: Iterable[str] = (), function: Iterable[str] = ()) -> Lexicon:
    """The accepted words for a vocabulary and pair list (``accepts`` and the measurement script use it)."""
    return Lexicon(vocab.accept, accept, pairs.forms, prefixes=vocab.prefixes, twins=pairs.twins,
                   suffixes=tuple(_normalise(x) for x in suffixes), function=frozenset(function))


def accepts(word: str, extra: Lexicon, speller: Speller) -> bool:
    """Whether EL501 accepts a lower-case word (each part of a hyphenated word) anywhere in prose."""
    return all(_known(p, speller.spell, extra) for p in _normalise(word).split("-") if p)


def _match_case(model: str, word: str) -> str:
    if model[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


def _edit(doc: Document, start: int, end: int, text: str) -> tuple[Edit, ...]:
    s = doc.source_offset(start)
    e = doc.source_offset(end - 1) + 1
    if doc.source.text[s:e] != doc.text[start:end]:
        return ()  # markup inside the word: no automatic fix
    return (Edit(s, e, text),)


# -- what is not prose to spell -------------------------------------------------------------------
class Spans:
    """Absolute spans, merged, with a fast overlap test."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        merged: list[list[int]] = []
        for s, e in sorted(spans):
            if merged and s <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], e)
            else:
                merged.append([s, e])
        self.starts = [m[0] for m in merged]
        self.ends = [m[1] for m in merged]

    def covers(self, start: int, end: int) -> bool:
        """Whether ``[start, end)`` overlaps a span."""
        i = bisect.bisect_left(self.starts, end) - 1
        return i >= 0 and self.ends[i] > start

    def near(self, start: int, end: int) -> list[tuple[int, int]]:
        """The spans overlapping ``[start, end)`` (merged spans are disjoint: their ends are sorted too)."""
        lo, hi = bisect.bisect_right(self.ends, start), bisect.bisect_left(self.starts, end)
        return list(zip(self.starts[lo:hi], self.ends[lo:hi], strict=True))


# A reference entry: any two of these (doi/PMID count twice) make a line a citation, not prose.
_CITATION_FEATURES: tuple[tuple[re.Pattern[str], int], ...] = (
    (re.compile(r"\bdoi\b|\bdoi\.org/|\bPMID\b|\bPMC\d|\bISBN\b", re.I), 2),
    (re.compile(r"\bet al\b"), 1),
    (re.compile(r"\((?:19|20)\d\d[a-z]?\)|\b(?:19|20)\d\d[a-z]?(?:\s*[;:]\s*\d|\.(?:\s|$))"), 1),
    (re.compile(r"\b\d+\s*\(\d+(?:-\d+)?\)\s*:\s*[eE]?\d+"), 1),  # volume(issue):pages
    (re.compile(r"\b(?:Retrieved|Accessed|Available)\b[^\n]{0,60}\b(?:19|20)\d\d"), 1),
    (re.compile(r"^\W*[A-Z][\w'’-]+,? (?:[A-Z]\.? ?){1,3}[,.]"), 1),  # "Smith AB," / "Smith, J. K."
)
_ATTRIBUTE = re.compile(r"(?<![\w-])[A-Za-z][\w:-]*=(?:\"[^\"\n]*\"|'[^'\n]*'|[^\s>]+)")
_QUOTED = re.compile(r"(?<![\w'’])([\"“‘'«])([^\W\d_][^\"“”‘’«»\n]{0,40}?)([\"”’»'])(?!\w)")
_GLOSS_AFTER = re.compile(r"\s*(?:,\s*)?(?:\(|[—–:]|-\s)")


def _key(text: str) -> str:
    return " ".join(re.findall(r"[^\W\d_]+", text.casefold()))


def _reference_blocks(doc: Document, headings: frozenset[str]) -> Iterator[Block]:
    """Blocks of a references/sources section: from a heading (or a short label line) that names one,
    to the next heading of the same or a higher level."""
    level = 0
    for b in doc.blocks:
        heading = b.kind is BlockKind.HEADING
        if level and not (heading and b.level <= level):
            yield b
            continue
        key = _key(b.text)
        # "References and further reading" opens one; "Sources of iron" is prose about food
        opens = any(key == h or key.startswith(h + " and ") for h in headings)
        if opens and (heading or len(key.split()) <= 4):
            level = b.level if heading and b.level else 7  # a label line: until any heading
            yield b
        else:
            level = 0


def _citation_lines(block: Block) -> Iterator[tuple[int, int]]:
    pos = block.start
    for line in block.text.split("\n"):
        score = sum(weight for pat, weight in _CITATION_FEATURES if pat.search(line))
        if score >= 2:
            yield pos, pos + len(line)
        pos += len(line) + 1


def _glossed_quotes(block: Block, intro: frozenset[str]) -> Iterator[tuple[int, int]]:
    """Quoted foreign or coined terms the article explains: '"doudou" (a comfort blanket)', 'the Welsh
    "cwtch"', 'the word "x"'. The quoted term is the writer's choice, not a misspelling."""
    text = block.text
    for m in _QUOTED.finditer(text):
        inner = m.group(2).strip()
        if not inner or len(inner.split()) > 3:
            continue
        before = text[:m.start()].rstrip()
        prev = re.search(r"([^\W\d_]+)\W*$", before)
        glossed = bool(_GLOSS_AFTER.match(text, m.end()))
        introduced = prev is not None and (prev.group(1).casefold() in intro or (
            prev.group(1)[:1].isupper() and not _sentence_start(block, prev.start())))
        if glossed or introduced:
            yield block.start + m.start(2), block.start + m.end(2)


def not_prose(doc: Document, reference_headings: Iterable[str] = (),
              quote_intro: Iterable[str] = ()) -> Spans:
    """Parts of the text that are not prose to spell: reference sections and citation lines, glossed
    quoted terms, and attribute=value pairs (``alt="…"``, ``charset=utf-8``)."""
    spans = [(b.start, b.end) for b in
             _reference_blocks(doc, frozenset(_key(h) for h in reference_headings))]
    intro = frozenset(w.casefold() for w in quote_intro)
    for b in doc.iter_blocks():
        own = reuse(("spelling-not-prose", b.text, intro), partial(_block_not_prose, b, intro))
        spans.extend((b.start + s, b.start + e) for s, e in own)
    return Spans(spans)


def _block_not_prose(block: Block, intro: frozenset[str]) -> tuple[tuple[int, int], ...]:
    """A block's own spans that are not prose (citation lines, glossed quotes, attributes), in block
    offsets: they depend on its text alone, so a long-lived Linter keeps them per block."""
    spans = [*_citation_lines(block), *_glossed_quotes(block, intro)]
    spans.extend((block.start + m.start(), block.start + m.end()) for m in _ATTRIBUTE.finditer(block.text))
    return tuple((s - block.start, e - block.start) for s, e in spans)


# -- EL501 ----------------------------------------------------------------------------------------
def _first_word(tok: Token) -> bool:
    return _WORD.search(tok.block.text, 0, tok.start - tok.block.start) is None


def _sentence_case(block: Block) -> bool:
    """A heading written like a sentence ("How to swaddle a newborn"), not in title case."""
    words = [m.group() for m in _WORD.finditer(block.text)][1:]
    return any(w[:1].islower() and len(w) >= 4 for w in words)


def _capital_is_name(tok: Token, named: bool) -> bool:
    """Whether a capitalised word is a proper name by its position, so not checked.

    Names are words capitalised mid-sentence (anywhere in the article) and in multi-word capitalised
    names (``named``), and capitalised words inside a sentence-case heading. A capitalised word opening
    a sentence, or in a title-case heading, is checked: a typo there is still a typo.
    """
    if named:
        return True
    if tok.block.kind is BlockKind.HEADING:
        return _sentence_case(tok.block) and not _first_word(tok)
    return not _sentence_start(tok.block, tok.start - tok.block.start)


@dataclass(frozen=True)
class _Flag:
    """An EL501 hit before it is placed: offsets (absolute, or in its block once kept), and the word its fix
    writes; the fix itself is made against the document's source at each lint (:func:`_edit`)."""

    start: int
    end: int
    message: str
    word: str
    suggestion: str | None = None
    fix: str | None = None
    key: str = ""
    candidates: tuple[str, ...] | None = None  # None: a house-list word ("rejected")
    compound: tuple[str, str] | None = None  # two words run together, reported as info

    def hit(self, doc: Document, offset: int = 0) -> Hit:
        s, e = self.start + offset, self.end + offset
        data: dict[str, Any] = {"word": self.word}
        data.update({"rejected": True} if self.candidates is None else {"candidates": list(self.candidates)})
        if self.compound is not None:
            data["compound"] = list(self.compound)
        return Hit(s, e, self.message, suggestion=self.suggestion,
                   edits=_edit(doc, s, e, self.fix) if self.fix else (), key=self.key, data=data,
                   severity=Severity.INFO if self.compound is not None else None)


_VOWELS = frozenset("aeiouy")


def _typing_slip(word: str, cand: str) -> bool:
    """Whether ``cand`` is ``word`` with one letter dropped, added or swapped with its neighbour, or with
    one vowel inside the word changed ("definately"): slips that keep the word's parts. A changed
    consonant ("uprolling" -> "unrolling") or last letter ("palatini" -> "palatine", a Latin or
    inflected ending) may be another word, and two edits ("blowdry" -> "blowy") are a guess."""
    if abs(len(word) - len(cand)) == 1:
        short, long_ = sorted((word, cand), key=len)
        return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))
    if len(word) != len(cand):
        return False
    diff = [i for i, (a, b) in enumerate(zip(word, cand, strict=True)) if a != b]
    if len(diff) == 2 and diff[1] == diff[0] + 1:
        i = diff[0]
        return word[i] == cand[i + 1] and word[i + 1] == cand[i]
    return (len(diff) == 1 and 0 < diff[0] < len(word) - 1
            and word[diff[0]] in _VOWELS and cand[diff[0]] in _VOWELS)


def _one_edit(word: str, cand: str) -> bool:
    """Whether ``cand`` is ``word`` with one letter added, dropped, changed or swapped with its neighbour."""
    if len(word) == len(cand):
        diff = [i for i, (a, b) in enumerate(zip(word, cand, strict=True)) if a != b]
        return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1
                                  and word[diff[0]] == cand[diff[1]] and word[diff[1]] == cand[diff[0]])
    return _typing_slip(word, cand)


_COMPOUND_PART = 2  # "up" + "rolling", "blow" + "dry": parts this long may make a closed compound
#: a part of a coined compound is a word people use: the frequency list also holds rare strings ("aton"),
#: which would make any typo ("informaton" = "inform" + "aton") look like a compound
_COMPOUND_PART_FREQ = 500


def _compound(word: str, spell: Any) -> bool:
    """Whether ``word`` is two common words run together: a coined compound, not a typo to fix."""
    freq = spell.word_frequency
    return any(freq[word[:i]] >= _COMPOUND_PART_FREQ and freq[word[i:]] >= _COMPOUND_PART_FREQ
               for i in range(_COMPOUND_PART, len(word) - _COMPOUND_PART + 1))


_CONTENT_PART = 3  # "kite" + "mark", "blow" + "dry"; not "a" + "lot"


def _content_compound(word: str, spell: Any, function: frozenset[str]) -> tuple[str, str] | None:
    """Two common content words run together ("kite" + "mark", "snack" + "time"): a coined or closed
    compound the dictionary lacks, not a typo; a function word in it ("some" + "tried", "methods" + "to")
    is a missing space."""
    freq = spell.word_frequency
    for i in range(_CONTENT_PART, len(word) - _CONTENT_PART + 1):
        a, b = word[:i], word[i:]
        if a not in function and b not in function and freq[a] >= _COMPOUND_PART_FREQ \
                and freq[b] >= _COMPOUND_PART_FREQ:
            return a, b
    return None


def _safe_fix(original: str, part: str, cand: str, spell: Any) -> bool:
    """An automatic fix must not change the meaning: a plain-cased word, a typing slip, no compound."""
    plain_case = original.islower() or (original[:1].isupper() and original[1:].islower())
    return plain_case and _typing_slip(part, cand.lower()) and not _compound(part, spell)


def _misspelt_part(original: str, s: int, e: int, part: str, capital: bool, limit: int,
                   speller: Speller, function: frozenset[str] = frozenset()) -> _Flag | None:
    cands = speller.suggestions(part, max(limit, 2))  # two at least: is the guess the only one?
    compound = None if capital or any(_one_edit(part, c) for c in cands) else \
        _content_compound(part, speller.spell, function)
    if compound is not None:
        # no slip of one key: two words the writer joined ("snacktime"); worth a look, not a warning
        msg = (f"{original!r} is not in the dictionary: {compound[0]!r} and {compound[1]!r} written as one "
               "word; write them apart or hyphenated if it is no closed compound (or add it to "
               "[tool.editlint.spelling] accept)")
        return _Flag(s, e, msg, original, key=part, candidates=(), compound=compound)
    if capital:
        # A capitalised unknown word is more often a name (a brand, a site, an organisation) than a typo:
        # flag it only when a correction keeps its first letter and is one edit away (a slip of one key);
        # a name is usually further from every word ("Lansinoh" / "Lansing").
        cands = tuple(c for c in cands if c[:1] == part[:1] and _one_edit(part, c.lower()))
        if not cands:
            return None
    # one of several guesses is never offered as an edit, nor a guess that may change the meaning
    unique = len(cands) == 1 and _safe_fix(original, part, cands[0], speller.spell)
    cands = tuple(_match_case(original, c) for c in cands[:limit])
    if cands:
        options = " / ".join(repr(c) for c in cands)
        msg = f"possible misspelling {original!r}: did you mean {options}?"
    else:
        msg = f"possible misspelling {original!r}: not in the dictionary or the house vocabulary"
    msg += " (add it to [tool.editlint.spelling] accept if it is right)"
    return _Flag(s, e, msg, original, suggestion=cands[0] if cands else None,
                 fix=cands[0] if cands and unique else None, key=part, candidates=cands)


def _hyphen_hit(tok: Token, low: str, spell: Any, extra: Lexicon) -> _Flag | None:
    """A hyphenated word whose parts are not words but whose joined form is ("new-borns")."""
    parts = [p for p in low.split("-") if p]
    prefixed = parts[0] in extra.prefixes and len(parts) > 1  # "pre-existing", "non-allergenic"
    joined = low.replace("-", "")
    if prefixed or all(_known(p, spell, extra) for p in parts) or not _known(joined, spell, extra):
        return None
    repl = _match_case(tok.text, joined)
    return _Flag(tok.start, tok.end, f"possible misspelling {tok.text!r}: write {repl!r} as one word",
                 tok.text, suggestion=repl, fix=repl, key=low, candidates=(repl,))


def age_compound(units: Iterable[str]) -> re.Pattern[str]:
    """What comes before the plural of an age compound noun: a number or number word and an age unit
    ("two-year-", "6 to 12 month ", "3 week ")."""
    # longest first; ties in a fixed order, so that the pattern is the same text every run (a set's order
    # changes with the process's hash seed) and its compiled code is reused (editlint.regexcache)
    alternatives = "|".join(re.escape(u) for u in sorted(units, key=lambda u: (-len(u), u))) or "(?!)"
    return re.compile(rf"(?:\d+|[^\W\d_]+)[\s-]+(?:{alternatives})s?[\s-]+$", re.I)


def _compound_plural(part: str, last: bool, before: str, spell: Any, extra: Lexicon,
                     age: re.Pattern[str]) -> bool:
    """The plural of an age compound noun ("two-year-olds", "3 month olds"): the -s belongs to the
    whole compound, so its last word need not take a plural on its own."""
    return (last and part.endswith("s") and len(part) > 3 and _known_form(part[:-1], spell, extra)
            and bool(age.search(before)))


def _word_hits(tok: Token, low: str, speller: Speller, extra: Lexicon, limit: int,
               capital: bool, age: re.Pattern[str]) -> Iterator[_Flag]:
    spell = speller.spell
    if "-" in low:
        hit = _hyphen_hit(tok, low, spell, extra)
        if hit is not None:
            yield hit
            return
    parts = low.split("-")
    originals = tok.text.split("-")
    offset = 0
    for i, part in enumerate(parts):
        bare_prefix = part in extra.prefixes and i < len(parts) - 1
        bare_suffix = part in extra.suffixes and i > 0 and bool(parts[i - 1])  # "ten-ish", "cat-esque"
        if part and not bare_prefix and not bare_suffix and not _known(part, spell, extra):
            s = tok.start + offset
            before = tok.block.text[max(0, s - tok.block.start - 40):s - tok.block.start]
            if not _compound_plural(part, i == len(parts) - 1, before, spell, extra, age):
                hit = _misspelt_part(originals[i], s, s + len(originals[i]), part, capital, limit, speller,
                                     extra.function)
                if hit is not None:
                    yield hit
        offset += len(originals[i]) + 1


@check_type("spelling", options={
    "vocabulary": Option(str, "data/vocabulary.toml", "house vocabulary (accept list and reject table): "
                         "a data file data/NAME.toml, extended by packs' [data.NAME]"),
    "pairs": Option(str, "data/us-uk.toml", "US/UK pair list (data/NAME.toml): both spellings are words"),
    "max-suggestions": Option(int, 3, "corrections offered per misspelling"),
    "reference-headings": Option(list, [], "headings that open a references section (not spell-checked)"),
    "quote-intro": Option(list, [], "words that introduce a quoted term ('the word \"x\"'): not checked"),
    "age-units": Option(list, [], "units of age compounds whose plural is one noun ('two-year-olds')"),
    "hyphen-suffixes": Option(list, [], "endings written after a hyphen that are no words alone ('ten-ish')"),
})
def spelling(ctx: CheckContext) -> Iterator[Hit]:
    """Words that are in neither the bundled dictionary nor the house vocabulary."""
    doc = ctx.doc
    vocab: Vocabulary = ctx.data(data_name(ctx.options["vocabulary"]))
    pairs: Pairs = ctx.data(data_name(ctx.options["pairs"]))
    section = ctx.section("spelling")
    user_accept = frozenset(_normalise(w) for w in section.get("accept", []) if isinstance(w, str))
    reject = dict(vocab.reject)
    reject.update({_normalise(w): "" for w in section.get("reject", []) if isinstance(w, str)})
    speller: Speller = ctx.data("speller")
    limit = ctx.options["max-suggestions"]
    skips = not_prose(doc, ctx.options["reference-headings"], ctx.options["quote-intro"])
    suffixes = tuple(str(x) for x in ctx.options["hyphen-suffixes"])
    words = ctx.data("repetition")  # its English function words: no part of a coined compound
    ask = _Asking(lexicon(vocab, pairs, user_accept, suffixes, getattr(words, "function", ())), reject,
                  speller, limit, age_compound(ctx.options["age-units"]))
    key = (ident(vocab), ident(pairs), ident(speller), ident(words), user_accept,
           tuple(sorted(reject.items())), limit, tuple(ctx.options["age-units"]), suffixes)
    found = [(b, reuse(("EL501-block", key, b.text, b.kind, _block_skips(doc, b, skips)),
                       partial(_block_doubts, doc, b, skips, ask))) for b in doc.iter_blocks()]
    names = frozenset[str]().union(*(d.names for _, d in found))
    for block, doubts in found:
        for flag in doubts.flags:
            yield flag.hit(doc, block.start)
        for cap in doubts.capitals:  # flagged unless the article shows the word to be a name
            if cap.base not in names:
                tok = Token(block.start + cap.start, block.start + cap.end, cap.text, block)
                flags = reuse(("EL501-capital", key, block.text, cap.start),
                              partial(_capital_hits, tok, ask))
                yield from (flag.hit(doc, block.start) for flag in flags)


def _capital_hits(tok: Token, ask: _Asking) -> tuple[_Flag, ...]:
    """EL501 on a capitalised word the article does not name elsewhere (block offsets)."""
    found = _word_hits(tok, _normalise(tok.text), ask.speller, ask.extra, ask.limit, True, ask.age)
    return _relative(found, tok.block)


@dataclass(frozen=True)
class _Asking:
    """What EL501 asks of each word: the accepted forms, the house list, the speller and its settings."""

    extra: Lexicon
    reject: Mapping[str, str]
    speller: Speller
    limit: int
    age: re.Pattern[str]


@dataclass(frozen=True)
class _Capital:
    """A capitalised word at a sentence start (or in a title-case heading): a name if it is capitalised
    mid-sentence anywhere in the article, else checked. Block offsets."""

    start: int
    end: int
    text: str
    base: str


@dataclass(frozen=True)
class _Doubts:
    """One block's EL501 results that depend on the block alone, in block offsets (kept per block)."""

    flags: tuple[_Flag, ...]  # house-list words and misspellings that are no names by position
    capitals: tuple[_Capital, ...]  # capitalised words flagged unless the article names them elsewhere
    names: frozenset[str]  # words the block capitalises mid-sentence: names wherever they appear


def _block_skips(doc: Document, block: Block, skips: Spans) -> tuple[tuple[int, int], ...]:
    """The skip spans (the document's and ``skips``) that touch a block, in its offsets: with its text and
    kind, all that decides which of its words EL501 reads."""
    s, e = block.start, block.end
    return in_block([*doc.skip_spans_near(s, e), *skips.near(s, e)], block)


def _relative(flags: Iterable[_Flag], block: Block) -> tuple[_Flag, ...]:
    return tuple(replace(f, start=f.start - block.start, end=f.end - block.start) for f in flags)


def _block_doubts(doc: Document, block: Block, skips: Spans, ask: _Asking) -> _Doubts:
    """EL501 on one block as far as the block decides: every word but the capitalised ones that only the
    rest of the article can show to be names."""
    tokens = list(_block_words(doc, block, skips))
    names, joined = _block_names(tokens)
    flags: list[_Flag] = []
    capitals: list[_Capital] = []
    for i, tok in enumerate(tokens):
        low = _normalise(tok.text)
        if low in ask.reject:
            use = ask.reject[low]
            msg = f"{tok.text!r} is on the house list of words to avoid"
            flags.append(_Flag(tok.start, tok.end, msg + (f": write {use!r}" if use else ""), tok.text,
                               suggestion=use or None, fix=use or None))
            continue
        if _looks_like_name_or_code(tok) or low in ask.extra:
            continue
        capital = tok.text[:1].isupper()
        if capital and _capital_is_name(tok, i in joined):
            continue
        if capital:
            capitals.append(_Capital(tok.start - block.start, tok.end - block.start, tok.text, _base(tok)))
            continue
        flags.extend(_word_hits(tok, low, ask.speller, ask.extra, ask.limit, capital, ask.age))
    return _Doubts(_relative(flags, block), tuple(capitals), names)


def _block_words(doc: Document, block: Block, skips: Spans) -> Iterator[Token]:
    """A block's word tokens outside the document's skip spans (inline code, URLs) and outside ``skips``
    (what is not prose to spell: see :func:`not_prose`)."""
    for m in _WORD.finditer(block.text):
        s, e = block.start + m.start(), block.start + m.end()
        if not (doc.in_skip_span(s, e) or skips.covers(s, e)):
            yield Token(s, e, m.group(), block)


def _base(t: Token) -> str:
    """A name's base form: "Healthline's" is the name "Healthline"."""
    return re.sub(r"['’]s?$", "", t.text)


def _block_names(tokens: list[Token]) -> tuple[frozenset[str], set[int]]:
    """The names a block's words show and the indices of its words that are names by their shape.

    A name keeps its own spelling ("Canadian Paediatric Society" in a US article): a capitalised word
    mid-sentence in prose is a name (returned: the same word is one wherever else it is capitalised, in
    a heading or at a sentence start), and so is a capitalised word followed directly by another
    capitalised word outside a heading (the indices returned)."""
    names = frozenset(_base(t) for t in tokens
                      if t.text[:1].isupper() and t.block.kind is not BlockKind.HEADING
                      and not _sentence_start(t.block, t.start - t.block.start))
    joined: set[int] = set()
    for i, t in enumerate(tokens[:-1]):
        nxt = tokens[i + 1]
        if t.text[:1].isupper() and nxt.text[:1].isupper() and len(nxt.text) > 1 \
                and t.block.kind is not BlockKind.HEADING \
                and not t.block.text[t.end - t.block.start:nxt.start - t.block.start].strip(" \t"):
            joined.add(i)
    return names, joined


# -- EL505 ----------------------------------------------------------------------------------------
@dataclass(frozen=True)
class _PairWord:
    """A word of a block that has a US/UK twin, in block offsets; ``base`` is set when the word is
    capitalised, so a name if the article capitalises it mid-sentence anywhere."""

    start: int
    end: int
    text: str
    low: str
    base: str | None


def _block_pair_words(doc: Document, block: Block, skips: Spans, pairs: Pairs
                      ) -> tuple[tuple[_PairWord, ...], frozenset[str]]:
    """EL505's view of one block (kept per block): its words with a US/UK twin that are no names by
    position, and the names the block shows (see :func:`_block_names`)."""
    tokens = list(_block_words(doc, block, skips))
    names, joined = _block_names(tokens)
    words = []
    for i, tok in enumerate(tokens):
        low = _normalise(tok.text)
        capital = tok.text[:1].isupper()
        if low not in pairs.forms or (capital and i in joined):
            continue
        words.append(_PairWord(tok.start - block.start, tok.end - block.start, tok.text, low,
                               _base(tok) if capital else None))
    return tuple(words), names


@check_type("mixed-spelling", options={
    "pairs": Option(str, "data/us-uk.toml", "US/UK pair list: a data file data/NAME.toml"),
    "max-related": Option(int, 3, "majority occurrences shown with each finding"),
})
def mixed_spelling(ctx: CheckContext) -> Iterator[Hit]:
    """US and UK spellings mixed in one article: report the minority variant, the majority in related."""
    doc = ctx.doc
    section = ctx.section("spelling")
    variant = section.get("variant", "en-US")
    enforce = bool(section.get("enforce-variant", False))
    pairs: Pairs = ctx.data(data_name(ctx.options["pairs"]))
    skips = not_prose(doc)  # citations and glossed quotes are not the article's
    found = [(b, reuse(("EL505-block", ident(pairs), b.text, b.kind, _block_skips(doc, b, skips)),
                       partial(_block_pair_words, doc, b, skips, pairs))) for b in doc.iter_blocks()]
    names = frozenset[str]().union(*(block_names for _, (_, block_names) in found))
    tokens = [(Token(b.start + w.start, b.start + w.end, w.text, b), w.low) for b, (words, _) in found
              for w in words if w.base is None or w.base not in names]  # "Paediatric Society" is a name
    for dim in pairs.dimensions:
        sides: list[list[tuple[Token, str]]] = [[], []]
        for tok, low in tokens:
            hit = dim.forms.get(low)
            if hit is not None:
                sides[hit[0]].append((tok, hit[1]))
        house = dim.variants.index(variant) if variant in dim.variants else 0
        local = _locale_reading(dim, sides)
        if local is not None:  # a locale that mixes the sides by design explains the article better
            yield from _locale_hits(doc, dim, sides, local, ctx.options["max-related"])
            continue
        if sides[0] and sides[1]:
            if len(sides[0]) != len(sides[1]):
                major = 0 if len(sides[0]) > len(sides[1]) else 1
            else:
                major = house
            why = f"mostly {dim.labels[major]}" if len(sides[0]) != len(sides[1]) else \
                f"as much {dim.labels[1 - major]} as {dim.labels[major]}; the house variant is {variant}"
        elif enforce and sides[1 - house] and dim.name == "us-uk":
            major = house
            why = f"set to {variant} ([tool.editlint.spelling] variant)"
        else:
            continue
        minor = 1 - major
        shown = tuple(Span(t.start, t.end, f"{dim.labels[major]} spelling {t.text!r}")
                      for t, _ in sides[major][: ctx.options["max-related"]])
        for tok, other in sides[minor]:
            repl = _match_case(tok.text, other)
            yield Hit(tok.start, tok.end,
                      f"{dim.labels[minor]} spelling {tok.text!r} in an article {why}: write {repl!r}",
                      related=shown, suggestion=repl, edits=_edit(doc, tok.start, tok.end, repl),
                      data={"word": tok.text, "variant": dim.labels[minor], "majority": dim.labels[major]})


def _strays(dim: Dimension, sides: list[list[tuple[Token, str]]], loc: Locale
            ) -> list[tuple[Token, str, int]]:
    """The words of the article that ``loc`` would spell the other way: (token, other form, side)."""
    out = []
    for side, words in enumerate(sides):
        for tok, other in words:
            first = _normalise(tok.text) if side == 0 else other
            if not loc.expects(first, side):
                out.append((tok, other, side))
    return out


#: the article shows a locale's own pattern when it writes at least this many words the locale's way on its
#: main side (two -our words, say) and one on its other side: one "behaviour" among US medical words is
#: a slip in a US article as likely as Canadian usage
_LOCALE_SUPPORT = 2


def _supports(sides: list[list[tuple[Token, str]]], loc: Locale) -> bool:
    """Whether the article writes words the locale's distinctive way on both of its sides."""
    main = other = 0
    for side, words in enumerate(sides):
        for tok, twin in words:
            first = _normalise(tok.text) if side == 0 else twin
            if first in loc.either:
                continue
            main += side == loc.side and first not in loc.flipped
            other += side != loc.side and first in loc.flipped
    return main >= _LOCALE_SUPPORT and other >= 1


def _locale_reading(dim: Dimension, sides: list[list[tuple[Token, str]]]) -> Locale | None:
    """The locale that explains a mixed article with fewer strays than its minority side (Canadian text
    writes "colour" and "diarrhea"), if any and if the article shows its pattern: then the article is
    judged against it."""
    if not (sides[0] and sides[1]) or not dim.locales:
        return None
    minority = min(len(sides[0]), len(sides[1]))
    best = min(dim.locales, key=lambda loc: len(_strays(dim, sides, loc)))
    if len(_strays(dim, sides, best)) < minority and _supports(sides, best):
        return best
    return None


def _locale_hits(doc: Document, dim: Dimension, sides: list[list[tuple[Token, str]]], loc: Locale,
                 max_related: int) -> Iterator[Hit]:
    """EL505 against a locale: each word it would spell the other way, its own spellings as related."""
    strays = _strays(dim, sides, loc)
    stray_starts = {t.start for t, _, _ in strays}
    own = [t for words in sides for t, _ in words if t.start not in stray_starts]
    own.sort(key=lambda t: t.start)
    shown = tuple(Span(t.start, t.end, f"{loc.label} spelling {t.text!r}") for t in own[:max_related])
    for tok, other, side in strays:
        repl = _match_case(tok.text, other)
        message = f"{dim.labels[side]} spelling {tok.text!r} in an article mostly {loc.label}: write {repl!r}"
        yield Hit(tok.start, tok.end, message,
                  related=shown, suggestion=repl, edits=_edit(doc, tok.start, tok.end, repl),
                  data={"word": tok.text, "variant": dim.labels[side], "majority": loc.label,
                        "locale": loc.name})
