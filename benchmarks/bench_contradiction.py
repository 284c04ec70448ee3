"""How long claim extraction and the contradiction checks (EL3xx) take next to the spaCy parse they need.

Usage: python benchmarks/bench_contradiction.py [ARTICLE ...] [--repeat 5]

Without ARTICLE, the sample articles, the contradiction corpus (tests/articles/) and, when present, the
seed article are linted. The parse (tagger + parser + lemmatizer, as EL3xx need) is timed once on fresh
documents, then extraction and the EL3 checks on them (the shared claims cleared, so each run extracts
again); parse and checks alternate --repeat times and the medians are compared, so both see the same load
on a shared machine. The matchers are built once
per vocab, before the timing, as in a real run where the first article pays for them.
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


def default_files() -> list[Path]:
    files = [f for f in sorted((ROOT / "samples").iterdir()) if f.suffix in (".md", ".txt", ".html")]
    corpus = ROOT / "tests" / "articles"
    files += [f for f in sorted(corpus.iterdir()) if f.suffix in (".md", ".txt", ".html")]
    seed = ROOT.parent / "shared" / "seed" / "backward-crawling.txt"
    if seed.is_file():
        files.append(seed)
    return [f for f in files if f.name != "README.md"]


def run_checks(docs: list[Document], reg: Registry, cfg: Config, ann: Annotations) -> int:
    n = 0
    for doc in docs:
        shared = [k for k in doc.cache if isinstance(k, tuple) and k and isinstance(k[0], str)
                  and ("claims" in k[0] or k[0].startswith("el3"))]
        for key in shared:  # the shared claims (extraction and the claim checks' own memos)
            del doc.cache[key]
        for code in sorted(c for c in reg.rules if c.startswith("EL3")):
            rule = reg.rules[code]
            ctx = CheckContext(doc, rule, cfg.options_for(reg, code), cfg, ann)
            n += sum(1 for _ in reg.check_types[rule.check](ctx))
    return n


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("articles", nargs="*")
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    paths = [Path(a) for a in args.articles] or default_files()
    docs = [read(read_path(str(p))) for p in paths]
    words = sum(len(b.text.split()) for d in docs for b in d.blocks)
    cfg = Config()
    reg = Registry.default()
    ann = Annotations(cfg.model, {"parse", "lemma"}, cfg.batch_size)
    _ = ann.nlp  # load the model outside the timing
    warm = read(decode(b"Babies sit before they crawl. Two sentences.", "w.txt", "text", 1000))
    ann.annotate([warm])
    run_checks([warm], reg, cfg, ann)  # builds the matchers once, as the first article of a run does
    parses, times = [], []
    for _ in range(args.repeat):  # interleaved, so both medians see the same machine load
        fresh = [read(read_path(str(p))) for p in paths]
        t0 = time.perf_counter()
        ann.annotate(fresh)
        parses.append(time.perf_counter() - t0)
        docs = fresh
        t0 = time.perf_counter()
        results = run_checks(docs, reg, cfg, ann)
        times.append(time.perf_counter() - t0)
    parse, checks = statistics.median(parses), statistics.median(times)
    print(f"articles: {len(docs)}, {words} words, {sum(len(d.blocks) for d in docs)} blocks")
    print(f"spaCy parse (tagger+parser+lemmatizer, median of {args.repeat}): {parse * 1000:.1f} ms")
    print(f"EL3xx claim extraction + checks (median of {args.repeat}): {checks * 1000:.1f} ms, "
          f"{results} findings")
    print(f"ratio: {100 * checks / parse:.1f} % of the parse")


if __name__ == "__main__":
    main()
