"""Throughput benchmark: lint N copies of samples/ and compare with raw ``nlp.pipe`` on the same text.

    python benchmarks/bench.py [--copies 5] [--select ALL]

Prints articles/s and words/s for the whole lint (reading, parsing, every enabled check) next to the
throughput of the same spaCy pipeline (same enabled components, same blocks, same batch size) in one run.
The model is loaded before either timing starts, so neither figure includes the ~2 s load.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from editlint import Linter
from editlint.engine import nlp_needs
from editlint.nlp import components_for, load_model, nlp_blocks
from editlint.readers import read
from editlint.source import read_path

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--copies", type=int, default=5, help="copies of each sample (default 5)")
    ap.add_argument("--select", default=None, help="rules to enable (default: the default rule set)")
    args = ap.parse_args()

    paths = sorted(p for p in (ROOT / "samples").iterdir()
                   if p.suffix in (".md", ".html", ".txt") and p.name != "README.md")
    sources = [read_path(str(p)) for p in paths] * args.copies
    words = sum(len(s.text.split()) for s in sources)

    cfg = {"select": [s.strip() for s in args.select.split(",")]} if args.select else {}
    linter = Linter(cfg)
    config = linter.config_for(None)
    registry = config.registry()
    needs = nlp_needs(registry, config.enabled_rules(registry))
    nlp = load_model(config.model) if needs else None
    list(linter.lint_many(sources[:2]))  # warm up: model, lexicons, caches

    # 1. raw spaCy over the same blocks, same components, same batch size
    raw_seconds = 0.0
    if nlp is not None:
        texts = []
        for s in sources:
            doc = read(s)
            texts += [doc.blocks[i].text for i in nlp_blocks(doc)]
        disabled = [n for n in nlp.pipe_names if n not in components_for(needs)]
        t0 = time.perf_counter()
        with nlp.select_pipes(disable=disabled):
            for _ in nlp.pipe(texts, batch_size=config.batch_size):
                pass
        raw_seconds = time.perf_counter() - t0

    # 2. the whole lint
    t0 = time.perf_counter()
    reports = list(Linter(cfg).lint_many(sources))
    lint_seconds = time.perf_counter() - t0
    findings = sum(len(r.findings) for r in reports)

    print(f"articles: {len(sources)} ({len(paths)} samples x {args.copies}), words: {words:,}")
    print(f"rules enabled: {len(config.enabled_rules(registry))}; NLP components: "
          f"{sorted(components_for(needs)) or 'none'}")
    print(f"editlint:  {lint_seconds:7.2f} s  {len(sources) / lint_seconds:8.1f} articles/s  "
          f"{words / lint_seconds:9.0f} words/s  ({findings} findings)")
    if raw_seconds:
        print(f"nlp.pipe:  {raw_seconds:7.2f} s  {len(sources) / raw_seconds:8.1f} articles/s  "
              f"{words / raw_seconds:9.0f} words/s")
        print(f"editlint runs at {100 * raw_seconds / lint_seconds:.0f} % of the raw pipeline's speed")


if __name__ == "__main__":
    main()
