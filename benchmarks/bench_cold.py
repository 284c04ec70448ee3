"""One article, cold: ``editlint check ARTICLE --select ALL`` in a fresh process, as pre-commit runs it.

    python benchmarks/bench_cold.py [--article samples/safe-infant-sleep.md] [--runs 5] [--select ALL]

Prints, for ``--runs`` fresh processes (run cache off: ``--no-cache``), CPU seconds (user + system of the
child) and wall seconds, min and median; then where a cold run's time goes, measured in one more fresh
process stage by stage (import editlint, configuration and rule packs, spaCy import, model load, the first
lint with the dictionaries and data it loads, a warm re-lint of the same article); then the costliest
imports by ``python -X importtime`` (cumulative, grouped by top-level package). The target (issue 15) is
2.5 s wall on a quiet machine; on a shared machine CPU seconds are the steadier figure. editlint's byte
code is compiled first, as in an installed wheel (see bench_memory.installed_env); ``--source-only`` runs a
copy of editlint with no byte code and PYTHONDONTWRITEBYTECODE set, as a checkout on such a machine does
(every process compiles editlint from source). Each stage also shows the cyclic garbage collector's share,
and the last line the interpreter's teardown after the work (at exit). The runs use a data cache of their
own (editlint.datacache: parsed packs, dictionaries, compiled patterns), empty for a first run that is
reported apart and filled for the timed ones, as a writer's second commit finds it; ``--user-data-cache``
uses the user's as it is.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_memory import installed_env

ROOT = Path(__file__).resolve().parent.parent

#: Run in a fresh interpreter: one line per stage, "name seconds" (CPU of this process).
STAGES = r"""
import gc, os, sys, time
T = time.process_time
collecting = [0.0, 0.0]
def timed(phase, info):
    if phase == "start":
        collecting[1] = T()
    else:
        collecting[0] += T() - collecting[1]
gc.callbacks.append(timed)
marks = [("start", T(), 0.0)]
def mark(name):
    marks.append((name, T(), collecting[0]))
import editlint
mark("import editlint")
from editlint import Linter
from editlint.cli import _exit_without_collecting
from editlint.regexcache import install
_exit_without_collecting()  # as the command line does
install()
linter = Linter(None, overrides={"select": SELECT})
linter.validate()
mark("configuration + rule packs")
from editlint.nlp import _collector_paused, import_spacy, load_model
with _collector_paused():  # as load_model imports it: no collection, without spaCy's command line
    import_spacy()
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
for (_, a, ga), (name, b, gb) in zip(marks, marks[1:]):
    print(f"{name}\t{b - a:.3f}\t{gb - ga:.3f}")
times = os.times()
print(f"done\t{times.user + times.system:.3f}\t0")
"""


def cold_run(article: str, select: str, env: dict[str, str], cwd: Path = ROOT) -> tuple[float, float]:
    """CPU and wall seconds of one fresh ``editlint check`` process."""
    argv = [sys.executable, "-m", "editlint", "check", str(ROOT / article), "--select", select, "--no-cache",
            "--fail-on", "never"]
    start = time.perf_counter()
    with tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(argv, cwd=cwd, stdout=subprocess.DEVNULL, stderr=err, env=env)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        if os.waitstatus_to_exitcode(status) not in (0, 1):
            err.seek(0)
            said = err.read().decode("utf-8", "replace").strip().splitlines()[-3:]
            raise SystemExit(f"editlint failed on {article} (exit {os.waitstatus_to_exitcode(status)}): "
                             + " / ".join(said))
    return usage.ru_utime + usage.ru_stime, wall


def stages(article: str, select: str, env: dict[str, str], cwd: Path = ROOT
           ) -> list[tuple[str, float, float]]:
    """(stage, CPU seconds, of which garbage collection) in one fresh process, and last ("at exit", the
    CPU the process spent after its work: the interpreter's teardown)."""
    code = STAGES.replace("SELECT", repr(select.split(","))).replace("ARTICLE", repr(str(ROOT / article)))
    proc = subprocess.Popen([sys.executable, "-c", code], cwd=cwd, stdout=subprocess.PIPE, text=True, env=env)
    assert proc.stdout is not None
    out = proc.stdout.read()
    _, status, usage = os.wait4(proc.pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"the stage script failed (exit {os.waitstatus_to_exitcode(status)})")
    cells = (line.split("\t") for line in out.splitlines())
    rows = [(name, float(sec), float(gc)) for name, sec, gc in cells]
    done = rows.pop()[1]
    return [*rows, ("at exit (interpreter teardown)", usage.ru_utime + usage.ru_stime - done, 0.0)]


def source_only_env(folder: Path) -> dict[str, str]:
    """A copy of editlint with no byte code first on the path, and PYTHONDONTWRITEBYTECODE set: every
    process compiles editlint's modules from source (the rest of the environment keeps its byte code)."""
    shutil.copytree(ROOT / "editlint", folder / "editlint", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "rules", folder / "rules")
    return {**os.environ, "PYTHONDONTWRITEBYTECODE": "1",
            "PYTHONPATH": os.pathsep.join([str(folder), os.environ.get("PYTHONPATH", "")]).rstrip(os.pathsep)}


def import_times(article: str, select: str, env: dict[str, str], cwd: Path = ROOT) -> dict[str, float]:
    """Seconds of import per top-level package, from ``-X importtime`` (self time summed)."""
    argv = [sys.executable, "-X", "importtime", "-m", "editlint", "check", str(ROOT / article), "--select",
            select, "--no-cache", "--fail-on", "never"]
    out = subprocess.run(argv, cwd=cwd, capture_output=True, text=True, check=False, env=env)
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
    ap.add_argument("--source-only", action="store_true",
                    help="editlint without byte code, as a checkout with PYTHONDONTWRITEBYTECODE runs it")
    ap.add_argument("--user-data-cache", action="store_true",
                    help="use the user's data cache as it is (default: an empty one, filled by a first run)")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        cwd = Path(tmp) if args.source_only else ROOT
        env = source_only_env(cwd) if args.source_only else installed_env()
        if not args.user_data_cache:  # a data cache of the bench's own: its first run finds it empty
            env = {**env, "EDITLINT_DATA_CACHE": str(Path(tmp) / "data-cache")}
        report(args, env, cwd)
    return 0


def report(args: argparse.Namespace, env: dict[str, str], cwd: Path) -> None:
    first = cold_run(args.article, args.select, env, cwd)  # fills the data cache (editlint.datacache)
    runs = [cold_run(args.article, args.select, env, cwd) for _ in range(args.runs)]
    cpu, wall = [r[0] for r in runs], [r[1] for r in runs]
    code = "no byte code (compiled from source each run)" if args.source_only else "byte code compiled"
    print(f"cold CLI, {args.article}, --select {args.select}, {args.runs} runs, editlint {code}, "
          f"load average {os.getloadavg()[0]:.1f}")
    if not args.user_data_cache:
        print(f"  first run, data cache empty (parsed packs, dictionaries, compiled patterns): "
              f"CPU {first[0]:.2f} s, wall {first[1]:.2f} s; the runs below find it filled")
    print(f"  CPU  s: min {min(cpu):.2f}  median {statistics.median(cpu):.2f}")
    print(f"  wall s: min {min(wall):.2f}  median {statistics.median(wall):.2f}"
          "  (target: 2.5 s on a quiet machine)")
    print("stages (CPU s, one fresh process; of which garbage collection):")
    for name, sec, collecting in stages(args.article, args.select, env, cwd):
        print(f"  {sec:6.3f}  {name}" + (f"  (gc {collecting:.3f})" if collecting else ""))
    print(f"imports (-X importtime self time by top-level package, top {args.top}):")
    per = import_times(args.article, args.select, env, cwd)
    for name, sec in sorted(per.items(), key=lambda kv: -kv[1])[:args.top]:
        print(f"  {sec:6.3f}  {name}")
    print(f"  {sum(per.values()):6.3f}  all imports")


if __name__ == "__main__":
    raise SystemExit(main())
