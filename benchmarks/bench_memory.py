"""Peak memory of a whole run against its number of articles: flat when reports drop their parses.

    python benchmarks/bench_memory.py [--sizes 200,1000] [--select RULES] [--keep-documents]

For each size, a fresh process lints that many small generated articles (paragraphs of samples/ shuffled
into new articles, each with a number of its own) the way ``editlint check --jobs 1 --no-cache`` does: one
Linter, every report kept in the run report, the JSON rendered at the end. It prints the peak resident
memory (``ru_maxrss``) after linting and after rendering the JSON report, its size, and CPU seconds per
size, and the growth from the smallest size to the largest.
``--keep-documents`` keeps each article's Document and its spaCy parses in its report (as editlint did
before reports were slimmed), for comparison.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent

CHILD = """
import json, resource, sys, time
from editlint import Linter
from editlint.findings import RunReport
from editlint.reporters import render

folder, select, keep = sys.argv[1], sys.argv[2], sys.argv[3] == "1"
paths = sorted(str(p) for p in __import__("pathlib").Path(folder).iterdir())
config = {"select": select.split(",")} if select else None
start = time.process_time()
linter = Linter(config, keep_documents=keep)
report = RunReport(version="bench")
report.files.extend(linter.lint_many(paths))
linted = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
size = len(render("json", report))
cpu = time.process_time() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"files": len(report.files), "peak_mb": peak, "linted_mb": linted, "cpu_s": cpu,
                  "json_bytes": size,
                  "errors": sum(1 for f in report.files if f.error),
                  "first_error": next((f.error for f in report.files if f.error), None)}))
"""


def paragraphs() -> list[str]:
    """Paragraphs of the sample articles (Markdown and plain text), headings left out."""
    out = []
    for path in sorted((ROOT / "samples").glob("*")):
        if path.suffix in (".md", ".txt") and path.name != "README.md":
            for para in path.read_text(encoding="utf-8").split("\n\n"):
                para = para.strip()
                if para and not para.startswith(("#", "---", "<!--")) and len(para) > 60:
                    out.append(para)
    return out


def installed_env() -> dict[str, str]:
    """The environment of a run as from an installed wheel, whose modules pip compiled at install:
    editlint's byte code written once now (without it, and with PYTHONDONTWRITEBYTECODE set, as on some
    machines, every fresh process compiles editlint from source: about 1 s of CPU counted as editlint's)."""
    import os

    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    package = ROOT / "editlint"
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(package)], env=env, check=True,
                   stdout=subprocess.DEVNULL)
    return env


def corpus(folder: Path, n: int, seed: int = 15) -> None:
    """``n`` articles of five paragraphs each, every one numbered so no two articles are the same."""
    rng = random.Random(seed)
    paras = paragraphs()
    for i in range(n):
        body = "\n\n".join(rng.sample(paras, 5))
        text = f"# Notes for parents, part {i + 1}\n\n{body}\n\nThis is part {i + 1} of the series.\n"
        (folder / f"article-{i:05d}.md").write_text(text, encoding="utf-8")


def measure(n: int, select: str, keep: bool) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as tmp:
        corpus(Path(tmp), n)
        done = subprocess.run([sys.executable, "-c", CHILD, tmp, select, "1" if keep else "0"],
                              capture_output=True, text=True, check=True)
    result: dict[str, Any] = json.loads(done.stdout.splitlines()[-1])
    return result


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="200,1000", help="numbers of articles (default 200,1000)")
    ap.add_argument("--select", default="", help="rules to enable (default: the default rule set)")
    ap.add_argument("--keep-documents", action="store_true",
                    help="keep each Document and its parses in its report (the behaviour before slimming)")
    args = ap.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    rows = []
    print(f"{'articles':>9} {'peak MB':>9} {'linted MB':>10} {'JSON MB':>8} {'CPU s':>8} {'errors':>7}")
    for n in sizes:
        r = measure(n, args.select, args.keep_documents)
        rows.append(r)
        print(f"{n:>9} {r['peak_mb']:>9.1f} {r['linted_mb']:>10.1f} {r['json_bytes'] / 1e6:>8.1f} "
              f"{r['cpu_s']:>8.1f} {int(r['errors']):>7}", flush=True)
        if r["errors"]:
            print(f"          first error: {r['first_error']}")
    if len(rows) > 1:
        growth = rows[-1]["peak_mb"] / rows[0]["peak_mb"] - 1
        print(f"peak memory growth from {sizes[0]} to {sizes[-1]} articles: {growth:+.1%} "
              f"({'flat' if abs(growth) <= 0.10 else 'NOT flat'}: the target is within 10 %)")


if __name__ == "__main__":
    main()
