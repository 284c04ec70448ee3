"""Claims cost against the spaCy parse (issue 13: extraction + checks under 25 % of the parse).

    python benchmarks/bench_claims.py [--rounds 3] [--profile 25]

Reads every article in samples/, tests/corpus/real/articles/ and tests/articles/, parses them once with
the pipeline the EL3 rules need (timed: the spaCy parse), then times, in CPU seconds (process_time),
claim extraction over the parsed documents (every round on fresh documents that share the parses, so
no claim is reused between rounds) and the EL3 checks over the extracted claims. Prints the ratio of
each to the parse. ``--profile N`` prints cProfile's top N functions of one extraction round.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from editlint.checks.base import CheckContext
from editlint.checks.claims.extract import extraction
from editlint.document import Document
from editlint.engine import Linter, _Job, nlp_needs
from editlint.readers import read
from editlint.source import read_path

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ("samples", "tests/corpus/real/articles", "tests/articles")
SUFFIXES = (".md", ".html", ".txt")


def articles() -> list[Path]:
    out = []
    for folder in CORPORA:
        out += sorted(p for p in (ROOT / folder).iterdir()
                      if p.suffix in SUFFIXES and p.name != "README.md" and p.is_file())
    return out


def _fresh(doc: Document) -> Document:
    """The same article read again, sharing ``doc``'s parses (so extraction starts from nothing)."""
    new = read(doc.source)
    new.cache.update({k: v for k, v in doc.cache.items() if k[0] == "spacy"})
    return new


def _cpu(fn: Callable[[], object]) -> float:
    t0 = time.process_time()
    fn()
    return time.process_time() - t0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=3, help="extraction rounds (median reported)")
    ap.add_argument("--profile", type=int, default=0, help="print cProfile's top N of one round")
    args = ap.parse_args()

    linter = Linter({"select": ["EL3"]})
    jobs: list[_Job] = [linter._prepare(read_path(str(p))) for p in articles()]
    cfg, reg = jobs[0].config, jobs[0].registry
    needs = nlp_needs(reg, jobs[0].codes)
    ann = linter._annotations(cfg, needs)
    ann.annotate([read(jobs[0].doc.source)] if jobs[0].doc else [])  # model loaded, pipeline warm
    docs = [j.doc for j in jobs if j.doc is not None]
    words = sum(len(d.text.split()) for d in docs)
    parse = _cpu(lambda: ann.annotate(docs))

    def extract_all(batch: list[Document]) -> None:
        with reg.active():
            for d in batch:
                extraction(CheckContext(d, None, {}, cfg, ann, data=reg.data))

    extract_all([_fresh(d) for d in docs[:3]])  # data loaded, matchers compiled
    rounds = []
    for _ in range(args.rounds):
        batch = [_fresh(d) for d in docs]
        rounds.append(_cpu(lambda b=batch: extract_all(b)))  # type: ignore[misc]
    extract = statistics.median(rounds)

    def check_all() -> None:
        for job in jobs:
            job.report = None
            linter._check(job)

    extract_all(docs)  # the checks below reuse these extractions (memoised per document)
    checks = _cpu(check_all)

    print(f"articles: {len(docs)}, words: {words:,}, rules: {', '.join(jobs[0].codes)}")
    print(f"spaCy parse:       {parse:7.3f} s CPU")
    print(f"claim extraction:  {extract:7.3f} s CPU  ({100 * extract / parse:5.1f} % of the parse; "
          f"rounds {', '.join(f'{r:.3f}' for r in rounds)})")
    print(f"claim checks (EL3): {checks:6.3f} s CPU  ({100 * checks / parse:5.1f} % of the parse)")
    print(f"extraction + checks: {100 * (extract + checks) / parse:.1f} % of the parse (issue 13: < 25 %)")
    if args.profile:
        batch = [_fresh(d) for d in docs]
        prof = cProfile.Profile()
        prof.runcall(extract_all, batch)
        pstats.Stats(prof).sort_stats("cumulative").print_stats(args.profile)
        pstats.Stats(prof).sort_stats("tottime").print_stats(args.profile)


if __name__ == "__main__":
    main()
