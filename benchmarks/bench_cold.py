"""One article, cold: ``editlint check ARTICLE --select ALL`` in a fresh process, as pre-commit runs it.

    python benchmarks/bench_cold.py [--article samples/safe-infant-sleep.md] [--runs 5] [--select ALL]

Prints, for ``--runs`` fresh processes (run cache off: ``--no-cache``), CPU seconds (user + system of the
child) and wall seconds, min and median; then where a cold run's time goes, measured in one more fresh
process stage by stage (import editlint, configuration and rule packs, spaCy import, model load, the first
lint with the dictionaries and data it loads, a warm re-lint of the same article); then the costliest
imports by ``python -X importtime`` (cumulative, grouped by top-level package). The target (issue 15) is
2.5 s wall on a quiet machine; on a shared machine CPU seconds are the steadier figure. editlint's byte
code is compiled first, as in an installed wheel (see bench_memory.installed_env).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_memory import installed_env

ROOT = Path(__file__).resolve().parent.parent

#: Run in a fresh interpreter: one line per stage, "name seconds" (CPU of this process).
STAGES = r"""
import sys, time
T = time.process_time
marks = [("start", T())]
def mark(name):
    marks.append((name, T()))
import editlint
mark("import editlint")
from editlint import Linter
linter = Linter(None, overrides={"select": SELECT})
linter.validate()
mark("configuration + rule packs")
from editlint.nlp import import_spacy, load_model
import_spacy()  # as load_model imports it: without spaCy's command line
mark("import spacy")
from editlint.engine import nlp_needs
cfg = linter.config_for(ARTICLE)
reg = cfg.registry()
needs = nlp_needs(reg, cfg.enabled_rules(reg, ARTICLE))
if needs:
    load_model(cfg.model)
mark("model load")
list(linter.lint_many([ARTICLE]))
mark("first lint (data, dictionaries, checks)")
list(linter.lint_many([ARTICLE]))
mark("warm re-lint, same article")
for (_, a), (name, b) in zip(marks, marks[1:]):
    print(f"{name}\t{b - a:.3f}")
"""


def cold_run(article: str, select: str, env: dict[str, str]) -> tuple[float, float]:
    """CPU and wall seconds of one fresh ``editlint check`` process."""
    argv = [sys.executable, "-m", "editlint", "check", article, "--select", select, "--no-cache",
            "--fail-on", "never"]
    start = time.perf_counter()
    proc = subprocess.Popen(argv, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        raise SystemExit(f"editlint failed on {article} (exit {os.waitstatus_to_exitcode(status)})")
    return usage.ru_utime + usage.ru_stime, wall


def stages(article: str, select: str, env: dict[str, str]) -> list[tuple[str, float]]:
    code = STAGES.replace("SELECT", repr(select.split(","))).replace("ARTICLE", repr(article))
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True,
                         env=env)
    return [(name, float(sec)) for name, sec in (line.split("\t") for line in out.stdout.splitlines())]


def import_times(article: str, select: str, env: dict[str, str]) -> dict[str, float]:
    """Seconds of import per top-level package, from ``-X importtime`` (self time summed)."""
    argv = [sys.executable, "-X", "importtime", "-m", "editlint", "check", article, "--select", select,
            "--no-cache", "--fail-on", "never"]
    out = subprocess.run(argv, cwd=ROOT, capture_output=True, text=True, check=False, env=env)
    per: dict[str, float] = defaultdict(float)
    for line in out.stderr.splitlines():
        if not line.startswith("import time:") or "|" not in line:
            continue
        parts = [p.strip() for p in line[len("import time:"):].split("|")]
        if parts[0].isdigit():
            per[parts[2].split(".")[0]] += int(parts[0]) / 1e6
    return dict(per)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--article", default="samples/safe-infant-sleep.md",
                    help="the article (from the repository's root)")
    ap.add_argument("--runs", type=int, default=5, help="fresh processes to time (default 5)")
    ap.add_argument("--select", default="ALL", help="rules to enable (default ALL)")
    ap.add_argument("--top", type=int, default=12, help="packages listed in the import breakdown")
    args = ap.parse_args(argv)
    env = installed_env()
    runs = [cold_run(args.article, args.select, env) for _ in range(args.runs)]
    cpu, wall = [r[0] for r in runs], [r[1] for r in runs]
    print(f"cold CLI, {args.article}, --select {args.select}, {args.runs} runs")
    print(f"  CPU  s: min {min(cpu):.2f}  median {statistics.median(cpu):.2f}")
    print(f"  wall s: min {min(wall):.2f}  median {statistics.median(wall):.2f}"
          "  (target: 2.5 s on a quiet machine)")
    print("stages (CPU s, one fresh process):")
    for name, sec in stages(args.article, args.select, env):
        print(f"  {sec:6.3f}  {name}")
    print(f"imports (-X importtime self time by top-level package, top {args.top}):")
    per = import_times(args.article, args.select, env)
    for name, sec in sorted(per.items(), key=lambda kv: -kv[1])[:args.top]:
        print(f"  {sec:6.3f}  {name}")
    print(f"  {sum(per.values()):6.3f}  all imports")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
