#!/usr/bin/env python3
"""Measure what the domain vocabulary buys and what it costs: real words accepted, typos let through.

A vocabulary that accepts more real words also accepts more typos (web text is full of them), so both
rates are reported, with the house list alone ("before") and with the generated lists ("after"):

- real words: scripts/vocabulary-probe.txt, brand, informal, medical and drug words chosen by hand from
  general knowledge (not from failing articles), counted over those pyspellchecker does not know;
- typos: edit-distance-1 corruptions (delete, insert, substitute, transpose; seeded) of the 3,000 most
  frequent dictionary words of four letters or more, that are not words themselves;
- misspellings: well-known human misspellings (the probe file's [misspelling] section);
- with --medspel: a seeded sample of 1,000 words of Debian's hunspell-en-med (OpenMedSpel, GPL: read
  here only, never shipped) as an independent, exhaustive medical list;
- with --floors: the trade-off of wordfreq's Zipf floor for everyday.txt (needs wordfreq installed).

    python scripts/measure-vocabulary.py [--medspel /usr/share/hunspell/en_med_glut.dic] [--floors]
"""

from __future__ import annotations

import argparse
import importlib.util
import random
import re
import string
from pathlib import Path

from editlint.checks import spelling as sp
from editlint.rules import Registry, load_data

REGISTRY = Registry.default()
SPELLER: sp.Speller = REGISTRY.data("speller")


def _word_list(rel: str) -> frozenset[str]:
    return sp.word_list(REGISTRY.data_store.read_text(rel))

HERE = Path(__file__).resolve().parent


def probe_words() -> dict[str, list[str]]:
    sections: dict[str, list[str]] = {}
    current = ""
    for line in (HERE / "vocabulary-probe.txt").read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        if line.startswith("["):
            current = line.strip("[] ")
            continue
        sections.setdefault(current, []).extend(line.split())
    return sections


def corruptions(n_words: int = 3000, per_word: int = 3, seed: int = 1) -> list[str]:
    known = SPELLER.spell.word_frequency.dictionary
    common = sorted((w for w in known if w.isalpha() and len(w) >= 4), key=lambda w: (-known[w], w))[:n_words]
    rng = random.Random(seed)
    out: set[str] = set()
    for w in common:
        for _ in range(per_word):
            i = rng.randrange(len(w))
            c = rng.choice(string.ascii_lowercase)
            op = rng.choice("dist")
            t = {"d": w[:i] + w[i + 1:], "i": w[:i] + c + w[i:], "s": w[:i] + c + w[i + 1:],
                 "t": w[:i] + w[i + 1:i + 2] + w[i] + w[i + 2:]}[op]
            if t not in known and len(t) > 2:
                out.add(t)
    return sorted(out)


def rate(words: list[str], lex: sp.Lexicon) -> tuple[int, int]:
    return sum(sp.accepts(w, lex, SPELLER) for w in words), len(words)


def line(name: str, words: list[str], before: sp.Lexicon, after: sp.Lexicon) -> None:
    (b, n), (a, _) = rate(words, before), rate(words, after)
    print(f"{name:<28} {n:>6}   before {b / n:6.1%}   after {a / n:6.1%}")
    missed = [w for w in words if not sp.accepts(w, after, SPELLER)] if a / n >= 0.5 else []
    if missed and len(missed) <= 30:
        print(f"{'':<28} not accepted: {' '.join(missed)}")


def floors(typos: list[str], real: list[str], misspelt: list[str]) -> None:
    spec = importlib.util.spec_from_file_location("build_vocabulary", HERE / "build-vocabulary.py")
    assert spec and spec.loader
    gen = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(gen)
    known = gen._known()
    base: sp.Vocabulary = REGISTRY.data("vocabulary")
    others = frozenset().union(*(_word_list(f"vocabulary/{n}.txt") for n in ("medical", "drugs")))
    for floor in (1.5, 2.0, 2.5, 3.0):
        for margin in (None, 1.5):
            words = gen.everyday_words(known, floor, margin if margin is not None else 99.0)
            lex = sp.Lexicon(base.accept - _word_list("vocabulary/everyday.txt"), others,
                             frozenset(words), prefixes=base.prefixes)
            (t, n), (r, m), (k, j) = rate(typos, lex), rate(real, lex), rate(misspelt, lex)
            print(f"| {floor} | {margin or 'none'} | {len(words):,} | {r / m:.1%} | {k / j:.1%} "
                  f"| {t / n:.2%} |")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--medspel", type=Path, help="a Hunspell .dic of medical words (measurement only)")
    ap.add_argument("--floors", action="store_true", help="trade-off of the wordfreq floor (slow)")
    args = ap.parse_args()
    vocab: sp.Vocabulary = REGISTRY.data("vocabulary")
    pairs: sp.Pairs = REGISTRY.data("us-uk")
    house = load_data("data/vocabulary.toml").get("accept", [])
    before = sp.Lexicon(frozenset(sp._normalise(w) for w in house), pairs.forms)
    after = sp.Lexicon(vocab.accept, pairs.forms, prefixes=vocab.prefixes)
    spell = SPELLER.spell
    probes = probe_words()
    real: list[str] = []
    for name in ("brand", "informal", "medical", "drug"):
        words = [w for w in probes[name] if w not in spell]
        real += words
        line(f"{name} words (not in pyspell)", words, before, after)
    line("all real words", real, before, after)
    line("known misspellings", probes["misspelling"], before, after)
    typos = corruptions()
    line("edit-1 typos of common words", typos, before, after)
    if args.medspel:
        dic = args.medspel.read_text(encoding="utf-8", errors="replace").splitlines()[1:]
        med = sorted({w.split("/")[0].strip() for w in dic} - set(spell.word_frequency.dictionary))
        med = [w for w in med if re.fullmatch(r"[a-z]{4,}", w)]
        line("OpenMedSpel sample", random.Random(7).sample(med, 1000), before, after)
    if args.floors:
        print("| Zipf floor | typo margin | everyday.txt words | real words | misspellings | edit-1 typos |")
        print("| ---: | ---: | ---: | ---: | ---: | ---: |")
        floors(typos, real, probes["misspelling"])


if __name__ == "__main__":
    main()
