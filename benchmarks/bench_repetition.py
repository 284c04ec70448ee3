"""How long the repetition checks (EL1xx) take next to the spaCy parse they may share, on ~3,000 words.

Usage: python benchmarks/bench_repetition.py [ARTICLE] [--words 3000] [--repeat 5]

Without ARTICLE, the sample articles are joined into one Markdown article of at least --words words.
The parse is timed (best of three) from an empty cache (tagger + parser, as EL102/EL104 need); the checks
are then timed on the parsed document (their shared analyses cleared between runs), best of --repeat runs
(the median is printed too). Times are CPU time of this process (time.process_time), so other programs on
a shared machine disturb the figures less than wall time.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from editlint.checks.base import CheckContext  # noqa: E402
from editlint.config import Config  # noqa: E402
from editlint.document import Document  # noqa: E402
from editlint.nlp import Annotations  # noqa: E402
from editlint.readers import read  # noqa: E402
from editlint.rules import Registry  # noqa: E402
from editlint.source import decode, read_path  # noqa: E402


def build_article(min_words: int) -> str:
    """The sample articles (Markdown and plain text, front matter dropped) joined into one Markdown text."""
    parts: list[str] = []
    words = 0
    files = [f for f in sorted((ROOT / "samples").iterdir())
             if f.suffix in (".md", ".txt") and f.name != "README.md"]
    while words < min_words:
        for f in files:
            text = f.read_text(encoding="utf-8")
            if text.startswith("---\n"):
                text = text.split("\n---\n", 1)[1]
            parts.append(text.strip())
            words += len(text.split())
            if words >= min_words:
                break
    return "\n\n".join(parts) + "\n"


def run_checks(doc: Document, reg: Registry, cfg: Config, ann: Annotations) -> int:
    for key in [k for k in doc.cache if isinstance(k, tuple) and k and k[0] == "repetition"]:
        del doc.cache[key]
    n = 0
    for code in sorted(c for c in reg.rules if c.startswith("EL1")):
        rule = reg.rules[code]
        ctx = CheckContext(doc, rule, cfg.options_for(reg, code), cfg, ann)
        n += sum(1 for _ in reg.check_types[rule.check](ctx))
    for mp in reg.metric_providers:
        if mp.category == "repetition":
            n += sum(1 for _ in mp.func(CheckContext(doc, None, {}, cfg, ann)))
    return n


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("article", nargs="?")
    ap.add_argument("--words", type=int, default=3000)
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    if args.article:
        doc = read(read_path(args.article))
    else:
        doc = read(decode(build_article(args.words).encode(), "bench.md", "markdown", 10 ** 8))
    words = sum(len(b.text.split()) for b in doc.blocks)
    cfg = Config()
    reg = Registry.default()
    ann = Annotations(cfg.model, {"parse", "sentences"}, cfg.batch_size)
    _ = ann.nlp  # load the model outside the timing
    ann.annotate([read(decode(b"Warm-up text. Two sentences.", "w.txt", "text", 1000))])
    parses = []
    for _ in range(3):  # three parses of the same text, from an empty cache
        for key in [k for k in doc.cache if isinstance(k, tuple) and k and k[0] == "spacy"]:
            del doc.cache[key]
        t0 = time.process_time()
        ann.annotate([doc])
        parses.append(time.process_time() - t0)
    parse = min(parses)
    times = []
    for _ in range(args.repeat):
        t0 = time.process_time()
        results = run_checks(doc, reg, cfg, ann)
        times.append(time.process_time() - t0)
    checks = min(times)
    checks_median = statistics.median(times)
    print(f"article: {words} words, {len(doc.blocks)} blocks")
    print(f"spaCy parse (tagger+parser, best of 3): {parse * 1000:.1f} ms "
          f"(median {statistics.median(parses) * 1000:.1f})")
    print(f"EL1xx checks + metrics (best of {args.repeat}): {checks * 1000:.1f} ms "
          f"(median {checks_median * 1000:.1f}), {results} results")
    print(f"ratio: {100 * checks / parse:.1f} % of the parse (best CPU times)")


if __name__ == "__main__":
    main()
