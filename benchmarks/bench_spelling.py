"""Spelling cost per 1,000 words: EL501 + EL505 on the sample articles (no spaCy, no network).

Run: python benchmarks/bench_spelling.py [--repeat N]. Prints the one-off dictionary load, then the
steady-state cost per 1,000 words (median of N runs over all samples; suggestion cache cleared each run,
so misspellings pay for their candidate search every time).
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from editlint import Linter
from editlint.checks import spelling
from editlint.document import WORD_RE
from editlint.rules import Registry

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    files = sorted(p for p in SAMPLES.iterdir()
                   if p.suffix in (".md", ".html", ".txt") and p.name != "README.md")
    texts = [(str(p), p.read_text(encoding="utf-8")) for p in files]
    words = sum(len(WORD_RE.findall(t)) for _, t in texts)

    t0 = time.perf_counter()
    speller: spelling.Speller = Registry.default().data("speller")
    speller.suggestions("a", 1)
    load = time.perf_counter() - t0

    linter = Linter({"select": ["EL501", "EL505"]})
    read_only = Linter({"select": ["EL601"]})  # baseline: reading the articles plus one cheap rule
    runs, base = [], []
    for _ in range(args.repeat):
        speller.clear()
        t0 = time.perf_counter()
        for path, text in texts:
            linter.lint_text(text, path=path)
        runs.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        for path, text in texts:
            read_only.lint_text(text, path=path)
        base.append(time.perf_counter() - t0)
    med, med_base = statistics.median(runs), statistics.median(base)
    print(f"{len(files)} articles, {words} words, {args.repeat} runs")
    print(f"dictionary load (once per process): {load * 1000:.0f} ms")
    print(f"EL501+EL505 incl. reading: {med / words * 1000 * 1000:.1f} ms per 1,000 words")
    alone = (med - med_base) / words * 1000 * 1000
    print(f"spelling alone (minus reading + EL601): {alone:.1f} ms per 1,000 words")


if __name__ == "__main__":
    main()
