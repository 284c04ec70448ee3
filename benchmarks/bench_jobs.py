"""Wall and CPU time of ``editlint check`` with one job, two jobs, and a warm run cache, on the same files.

    python benchmarks/bench_jobs.py [--articles 40] [--select RULES]

Builds ``--articles`` articles from the paragraphs of samples/ (see bench_memory.py), then runs the
command line in fresh processes: ``--no-cache --jobs 1``, ``--no-cache --jobs 2``, a first run that fills
an empty cache (``--jobs 2``) and a second run over the unchanged folder. CPU seconds include the worker
processes; editlint's byte code is compiled first, as in an installed wheel. It prints each run's wall
and CPU time, the two-job/one-job wall ratio (the target is <= 0.6) and the warm/cold ratio (the target
is <= 5 %), and checks that every run's JSON is identical. In a checkout being edited, a file of
editlint changed between the runs makes the second run miss: measure a quiet tree.
"""

from __future__ import annotations

import argparse
import hashlib
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_memory import corpus, installed_env

#: The command line, then the fork server stopped and waited for: the CPU time of the workers (its
#: children) then counts in this process's children's usage, as the parent's own does.
CLI = """
import sys
from multiprocessing import forkserver
from editlint.cli import main
rc = main(sys.argv[1:])
forkserver._forkserver._stop()  # private, benchmark only: the server reaps the workers, we reap it
sys.exit(rc)
"""


def run(folder: Path, out: Path, extra: list[str], select: str, base: dict[str, str]
        ) -> tuple[float, float, str]:
    """(wall seconds, CPU seconds of the process and its workers, digest of the JSON report)."""
    cmd = [sys.executable, "-c", CLI, "check", str(folder), "--format", "json", "-o", str(out),
           "--no-progress", *extra]
    if select:
        cmd += ["--select", select]
    env = {k: v for k, v in base.items()
           if k not in ("EDITLINT_NO_CACHE", "EDITLINT_CACHE_DIR", "EDITLINT_JOBS")}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, text=True, env=env)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode not in (0, 1):
        raise SystemExit(f"editlint failed ({done.returncode}): {done.stderr[-2000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, hashlib.sha256(out.read_bytes()).hexdigest()[:12]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=40, help="number of articles (default 40)")
    ap.add_argument("--select", default="", help="rules to enable (default: the default rule set)")
    args = ap.parse_args()
    base = installed_env()
    with tempfile.TemporaryDirectory() as tmp:
        folder, out, cache = Path(tmp) / "articles", Path(tmp) / "out.json", Path(tmp) / "cache"
        folder.mkdir()
        corpus(folder, args.articles)
        runs = {
            "--no-cache --jobs 1": ["--no-cache", "--jobs", "1"],
            "--no-cache --jobs 2": ["--no-cache", "--jobs", "2"],
            "cache, first run (--jobs 2)": ["--cache-dir", str(cache), "--jobs", "2"],
            "cache, second run (--jobs 2)": ["--cache-dir", str(cache), "--jobs", "2"],
        }
        results = {}
        print(f"{args.articles} articles; {'rules ' + args.select if args.select else 'default rules'}")
        print(f"{'run':<30} {'wall s':>8} {'CPU s':>8}  json")
        for name, extra in runs.items():
            results[name] = run(folder, out, extra, args.select, base)
            wall, cpu, digest = results[name]
            print(f"{name:<30} {wall:>8.2f} {cpu:>8.2f}  {digest}", flush=True)
    one, two = results["--no-cache --jobs 1"], results["--no-cache --jobs 2"]
    cold, warm = results["cache, first run (--jobs 2)"], results["cache, second run (--jobs 2)"]
    print(f"--jobs 2 / --jobs 1 wall: {two[0] / one[0]:.2f} (target <= 0.6); CPU {two[1] / one[1]:.2f}")
    print(f"second run / first run: wall {warm[0] / cold[0]:.1%}, CPU {warm[1] / cold[1]:.1%} "
          "(target <= 5 %)")
    same = len({r[2] for r in results.values()}) == 1
    print(f"identical JSON in every run: {'yes' if same else 'NO'}")


if __name__ == "__main__":
    main()
