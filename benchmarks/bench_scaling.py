"""How CPU grows with article length: all rules on 1k, 10k, 100k and 1M-character articles.

    python benchmarks/bench_scaling.py [--sizes 1000,10000,100000,1000000] [--variant mixed|repetitive|both]
    python benchmarks/bench_scaling.py --per-rule [--sizes 10000,100000] [--select EL1,EL3]

The articles are Markdown built from the sample articles and the real-article corpus (read by editlint's
own readers, so HTML and plain text come in too): their sections shuffled with a fixed seed and reshuffled
on every pass, so a long article is many different sections, not one paragraph repeated. The
``repetitive`` variant repeats one section, the case where repetition and claims analyses meet the most
equal keys. Each (variant, size) is linted in a fresh subprocess with a configuration that allows its
size (``max-file-size``) and no per-file time budget; the model and data are loaded on a small article
first, so "lint CPU" is the lint of the long article alone. Ratios are between neighbouring sizes: a
linear rule set gives about 10x per step.

``--per-rule`` parses each article once in a subprocess per size, then times each rule alone on it
(the document's shared analyses cleared between rules, the parse kept), with suppressions and placing, and
prints each rule's growth exponent between the two largest sizes: the superlinear rules stand out.
CPU is ``time.process_time`` of the child, which a shared machine disturbs less than wall time.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import time
from math import log
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from editlint.document import BlockKind, Document  # noqa: E402
from editlint.readers import read  # noqa: E402
from editlint.source import read_path  # noqa: E402

SIZES = (1_000, 10_000, 100_000, 1_000_000)
SEED = 20261129
#: Enough room for the largest article (characters are at most 4 bytes).
MAX_BYTES = 8 * max(SIZES)


def source_files() -> list[Path]:
    """The article texts the benchmark builds from: samples and the real-article corpus."""
    folders = [ROOT / "samples", ROOT / "tests" / "corpus" / "real" / "articles"]
    return [f for d in folders if d.is_dir() for f in sorted(d.iterdir())
            if f.suffix in (".md", ".html", ".txt") and f.name != "README.md"]


def _markdown_block(kind: BlockKind, text: str) -> str | None:
    text = " ".join(text.split())
    if not text:
        return None
    if kind is BlockKind.HEADING:
        return f"## {text}"
    if kind is BlockKind.LIST_ITEM:
        return f"- {text}"
    if kind in (BlockKind.PARAGRAPH, BlockKind.QUOTE):
        return text
    return None  # captions, alt text, table cells and code do not survive re-assembly as prose


def sections(doc: Document) -> list[str]:
    """The document as Markdown sections: a heading and the blocks under it."""
    out: list[list[str]] = [[]]
    for block in doc.blocks:
        md = _markdown_block(block.kind, block.text)
        if md is None:
            continue
        if block.kind is BlockKind.HEADING and out[-1]:
            out.append([])
        out[-1].append(md)
    return ["\n\n".join(s) for s in out if s]


def section_pool() -> list[str]:
    pool: list[str] = []
    for path in source_files():
        pool.extend(sections(read(read_path(str(path)))))
    return pool


def repeated_unit(pool: list[str]) -> str:
    """What the repetitive variant repeats: the three sections densest in ages, amounts and orders (the
    ones claims are made of), so the claims analyses meet as many equal keys as the repetition checks."""
    def density(section: str) -> float:
        cues = sum(ch.isdigit() for ch in section) + 5 * (section.count(" before ") + section.count(" first"))
        return cues / len(section)
    return "\n\n".join(sorted((s for s in pool if len(s) > 400), key=density, reverse=True)[:3])


def build(pool: list[str], size: int, variant: str) -> str:
    """A Markdown article of about ``size`` characters (cut at a block boundary, at least one block)."""
    rng = random.Random(f"{SEED}-{size}-{variant}")
    if variant == "repetitive":
        one = repeated_unit(pool)
        order = iter(lambda: one, None)
    else:
        def shuffled() -> Any:
            while True:
                deck = pool[:]
                rng.shuffle(deck)
                yield from deck
        order = shuffled()
    parts = ["# A long article"]
    length = len(parts[0])
    while length < size:
        for block in next(order).split("\n\n"):
            if length >= size and len(parts) > 1:
                break
            parts.append(block)
            length += len(block) + 2
    return "\n\n".join(parts) + "\n"


# -- child processes ----------------------------------------------------------------------------------

def _config(select: list[str]) -> dict[str, Any]:
    return {"select": select, "max-file-size": MAX_BYTES}


def child_all(path: str, select: list[str]) -> dict[str, Any]:
    """Lint the article with every selected rule; CPU of the lint alone (model loaded before)."""
    from editlint import Linter

    linter = Linter(_config(select))
    linter.time_budget = float("inf")
    linter.lint_text("# Warm up\n\nA baby may crawl at 8 months. Check with your doctor.\n", path="w.md")
    text = Path(path).read_text(encoding="utf-8")
    t0, w0 = time.process_time(), time.perf_counter()
    report = linter.lint_text(text, path="article.md")
    cpu, wall = time.process_time() - t0, time.perf_counter() - w0
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"cpu": cpu, "wall": wall, "findings": len(report.findings), "error": report.error,
            "total_cpu": time.process_time(), "peak_mb": peak_mb}


def child_per_rule(path: str, select: list[str]) -> dict[str, Any]:
    """Each rule alone on one parsed document: {code: cpu seconds}."""
    from editlint import Linter
    from editlint.engine import _Job, nlp_needs
    from editlint.segment import block_sentences
    from editlint.source import decode

    linter = Linter(_config(select))
    cfg = linter.config_for(None)
    registry = cfg.registry()
    codes = cfg.enabled_rules(registry)
    text = Path(path).read_text(encoding="utf-8")
    needs = nlp_needs(registry, codes)
    warm = read(decode(text[:3000].encode("utf-8"), "warm.md", "markdown", MAX_BYTES))
    linter._check(_Job("warm.md", cfg, registry, codes, doc=warm))  # model, data, lexicons, matchers
    doc = read(decode(text.encode("utf-8"), "article.md", "markdown", MAX_BYTES))
    if needs:
        linter._annotations(cfg, needs).annotate([doc])
    for block in doc.blocks:
        block_sentences(doc, block)
    base = dict(doc.cache)  # the parse and the sentences: shared by every rule in a real run
    times: dict[str, float] = {}
    for code in codes:
        doc.cache.clear()
        doc.cache.update(base)
        job = _Job("article.md", cfg, registry, [code], doc=doc)
        t0 = time.process_time()
        linter._check(job)
        times[code] = time.process_time() - t0
    return times


def run_child(mode: str, path: Path, select: list[str], timeout: float) -> dict[str, Any] | None:
    python = [sys.executable, "-S"] if sys.flags.no_site else [sys.executable]  # a snapshot run keeps -S
    cmd = [*python, __file__, f"--child-{mode}", str(path), "--select", ",".join(select)]
    try:
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, check=False)
    except subprocess.TimeoutExpired:
        return None
    if done.returncode != 0:
        raise RuntimeError(f"child failed ({' '.join(cmd)}):\n{done.stderr[-3000:]}")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


# -- the two reports ----------------------------------------------------------------------------------

def _write(pool: list[str], size: int, variant: str, folder: Path) -> Path:
    path = folder / f"{variant}-{size}.md"
    path.write_text(build(pool, size, variant), encoding="utf-8")
    return path


def report_all(pool: list[str], sizes: list[int], variants: list[str], select: list[str], timeout: float,
               folder: Path) -> None:
    print(f"{'variant':<11} {'chars':>9} {'lint CPU s':>11} {'ratio':>7} {'exponent':>8} "
          f"{'findings':>9} {'peak MB':>8}")
    for variant in variants:
        prev: tuple[int, float] | None = None
        for size in sizes:
            path = _write(pool, size, variant, folder)
            chars = len(path.read_text(encoding="utf-8"))
            r = run_child("all", path, select, timeout)
            if r is None:
                print(f"{variant:<11} {chars:>9,} {'> ' + str(int(timeout)):>11}  (timed out)", flush=True)
                break
            ratio = exponent = ""
            if prev is not None and prev[1] > 0:
                ratio = f"{r['cpu'] / prev[1]:.1f}x"
                exponent = f"{log(r['cpu'] / prev[1]) / log(chars / prev[0]):.2f}"
            error = f"  error: {r['error']}" if r["error"] else ""
            print(f"{variant:<11} {chars:>9,} {r['cpu']:>11.2f} {ratio:>7} {exponent:>8} "
                  f"{r['findings']:>9} {r['peak_mb']:>8.0f}{error}", flush=True)
            prev = (chars, r["cpu"])


def report_per_rule(pool: list[str], sizes: list[int], variants: list[str], select: list[str],
                    timeout: float, folder: Path) -> None:
    for variant in variants:
        table: dict[int, dict[str, float]] = {}
        chars: dict[int, int] = {}
        for size in sizes:
            path = _write(pool, size, variant, folder)
            chars[size] = len(path.read_text(encoding="utf-8"))
            r = run_child("per-rule", path, select, timeout)
            if r is None:
                print(f"{variant} {size}: timed out after {timeout:g} s")
                break
            table[size] = r
        done = [s for s in sizes if s in table]
        print(f"\n{variant}: CPU seconds per rule" + "".join(f" {chars[s]:>10,}" for s in done)
              + "   exponent (last step)")
        for code in sorted(table[done[0]]) if done else []:
            row = [table[s].get(code, float("nan")) for s in done]
            exp = ""
            if len(done) >= 2 and row[-2] > 0.002:
                exp = f"{log(row[-1] / row[-2]) / log(chars[done[-1]] / chars[done[-2]]):.2f}"
            print(f"  {code:<8}" + " " * 22 + "".join(f" {t:>10.3f}" for t in row) + f"   {exp}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default=",".join(map(str, SIZES)), help="article sizes in characters")
    ap.add_argument("--variant", choices=("mixed", "repetitive", "both"), default="both")
    ap.add_argument("--select", default="ALL", help="rules to run (default ALL)")
    ap.add_argument("--per-rule", action="store_true", help="time each rule alone")
    ap.add_argument("--timeout", type=float, default=1800.0, help="seconds per child before giving up")
    ap.add_argument("--keep", type=Path, default=None, help="write the articles into this folder")
    ap.add_argument("--child-all", help=argparse.SUPPRESS)
    ap.add_argument("--child-per-rule", help=argparse.SUPPRESS)
    args = ap.parse_args()
    select = [s.strip() for s in args.select.split(",") if s.strip()]
    if args.child_all:
        print(json.dumps(child_all(args.child_all, select)))
        return
    if args.child_per_rule:
        print(json.dumps(child_per_rule(args.child_per_rule, select)))
        return
    import tempfile

    sizes = [int(s) for s in args.sizes.split(",")]
    variants = ["mixed", "repetitive"] if args.variant == "both" else [args.variant]
    pool = section_pool()
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        if args.per_rule:
            report_per_rule(pool, sizes, variants, select, args.timeout, folder)
        else:
            report_all(pool, sizes, variants, select, args.timeout, folder)


if __name__ == "__main__":
    main()
