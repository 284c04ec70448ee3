"""editlint beside its peers (proselint, write-good) on the same articles, in one run.

    python benchmarks/bench_peers.py [--articles 40] [--jobs 1,2] [--reference PATH] [--write-good PATH]
    python benchmarks/bench_peers.py --articles 40,200,1000 --peers none     # editlint's memory curve

The corpus is built at run time from the reference article (``../shared/seed/backward-crawling.txt`` by
default; its text is never stored in the repository): article *i* keeps the reference's title and its
short lines (headings, captions) where they are, and fills its paragraphs, each as long as the
reference's, with the reference's body sentences shuffled with seed *i*. So every article reads like the
reference (same words, same sentence lengths) but its paragraphs differ from every other article's: an
in-process parse cache gains only on the short lines that repeat, as it would on a real archive (the
notes say how many paragraphs are distinct). Each
tool runs once, in a fresh process, over the whole folder (as a CI job would), with every rule on: editlint
``--select ALL --no-cache`` (a first run: no run cache), proselint with every check of its configuration
switched on, write-good with its defaults. A tool that is not installed is skipped with a note
(``pip install -e ".[bench]"`` for proselint; ``npm install write-good`` for write-good).

Printed per tool: CPU seconds (user + system, which a shared machine disturbs less than wall time), wall
seconds, peak memory (the tree's resident sets summed, and its proportional set sizes summed, which
count the pages ``--jobs`` workers share with their fork server once), and both ratios to proselint;
then one article, cold (a fresh process on a single file). CPU and memory are those of the whole process
tree: ``--jobs 2`` lints in worker processes that a fork server starts, whose time the tool's own rusage
does not hold, so the tree is sampled from ``/proc`` every 0.1 s, walking down from the tool's process
(CPU: the larger of the sampled sum and the child's rusage; memory: the largest sums over the tree).
``--repeat`` runs each row several times and keeps the fastest.

``--split`` then says where editlint's CPU goes, in a fresh process on the first corpus: CPU seconds per
rule (each check type's run, the first to read a shared analysis paying for it), the batched parse, the
metrics, reading; and the parse again per spaCy component over the corpus's distinct text blocks.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REFERENCE = ROOT.parent / "shared" / "seed" / "backward-crawling.txt"
#: Longest line (characters) kept in place as a heading or caption rather than refilled as prose.
MAX_SHORT_LINE = 80
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"'“‘])")


@dataclass(frozen=True)
class Run:
    """One measured process."""

    tool: str
    label: str
    cpu: float
    wall: float
    peak_mb: float
    returncode: int
    pss_mb: float = 0.0  # the tree's peak proportional set size: shared pages counted once


@dataclass(frozen=True)
class Tool:
    name: str
    argv: tuple[str, ...]  # the files or folder are appended
    takes_folder: bool = True


# -- corpus ----------------------------------------------------------------------------------------
def paragraphs(text: str) -> list[str]:
    return [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]


def variant(paras: Sequence[str], i: int) -> list[str]:
    """Article ``i``: short lines kept in place; paragraphs refilled with the body's sentences shuffled."""
    split = [_SENTENCE_END.split(p) for p in paras]
    prose = [k for k, p in enumerate(paras) if k and (len(split[k]) > 1 or len(p) > MAX_SHORT_LINE)]
    pool = [s for k in prose for s in split[k]]
    random.Random(i).shuffle(pool)
    out = list(paras)
    for k in prose:
        out[k], pool = " ".join(pool[:len(split[k])]), pool[len(split[k]):]
    return out


def build_corpus(reference: Path, n: int, folder: Path) -> tuple[list[Path], int, int]:
    """Write ``n`` articles made from ``reference`` into ``folder``; the files, paragraphs, distinct ones."""
    paras = paragraphs(reference.read_text(encoding="utf-8"))
    files, seen, total = [], set(), 0
    for i in range(n):
        article = variant(paras, i)
        path = folder / f"article-{i:04d}{reference.suffix or '.txt'}"
        path.write_text("\n\n".join(article) + "\n", encoding="utf-8")
        files.append(path)
        seen.update(article)
        total += len(article)
    return files, total, len(seen)


# -- tools -----------------------------------------------------------------------------------------
def proselint_config(folder: Path) -> Path | None:
    """A proselint configuration with every check switched on (its default leaves some off)."""
    exe = shutil.which("proselint")
    if exe is None:
        return None
    dumped = subprocess.run([exe, "dump-config"], capture_output=True, text=True, check=False)
    try:
        config = json.loads(dumped.stdout)
    except json.JSONDecodeError:
        return None
    config["checks"] = {name: True for name in config.get("checks", {})}
    path = folder / "proselintrc.json"
    path.write_text(json.dumps(config), encoding="utf-8")
    return path


def find_write_good(given: str | None) -> str | None:
    for candidate in (given, os.environ.get("WRITE_GOOD"), shutil.which("write-good"),
                      str(ROOT / "node_modules" / ".bin" / "write-good")):
        if candidate and Path(candidate).is_file() and shutil.which("node"):
            return candidate
    return None


def tools(args: argparse.Namespace, work: Path, notes: list[str]) -> list[Tool]:
    editlint = (sys.executable, "-m", "editlint", "check", "--select", "ALL", "--no-cache",
                "--format", "json", "--fail-on", "never")
    out = [Tool(f"editlint --jobs {j}", (*editlint, "--jobs", str(j))) for j in args.jobs]
    wanted = set(args.peers.split(",")) if args.peers != "none" else set()
    if "proselint" in wanted:
        config = proselint_config(work)
        if config is None:
            notes.append('proselint: not installed, skipped (pip install -e ".[bench]")')
        else:
            exe = shutil.which("proselint") or "proselint"
            out.insert(0, Tool("proselint", (exe, "--config", str(config), "check")))
    if "write-good" in wanted:
        wg = find_write_good(args.write_good)
        if wg is None:
            notes.append("write-good: not installed, skipped (npm install write-good; --write-good PATH)")
        else:
            out.append(Tool("write-good", (wg,), takes_folder=False))
    return out


# -- measuring -------------------------------------------------------------------------------------
_TICK = os.sysconf("SC_CLK_TCK")
_PAGE = os.sysconf("SC_PAGE_SIZE")


def _stat(pid: int) -> tuple[int, float, int] | None:
    """(parent pid, CPU seconds, resident bytes) of a live process, from ``/proc/PID/stat``."""
    try:
        raw = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    fields = raw[raw.rindex(")") + 2:].split()  # after "pid (name) "
    return int(fields[1]), (int(fields[11]) + int(fields[12])) / _TICK, int(fields[21]) * _PAGE


def _pss(pid: int) -> int:
    """Proportional set size in bytes (``/proc/PID/smaps_rollup``): pages shared by several processes of
    the tree, such as a fork server's loaded pipeline in its workers, count once overall. 0 if unreadable."""
    try:
        with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as f:
            for line in f:
                if line.startswith("Pss:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError):
        pass
    return 0


class TreeSampler:
    """CPU seconds and peak resident memory of a process and all its descendants, sampled (the sum of
    the resident sets, which counts a page shared copy-on-write once per process, and the sum of the
    proportional set sizes, which counts it once)."""

    def __init__(self, root: int) -> None:
        self.root = root
        self.cpu: dict[int, float] = {}
        self.peak = 0
        self.peak_pss = 0

    def sample(self) -> None:
        """Walk the tree down from the root (``/proc/PID/task/TID/children``) and read each process."""
        todo, live, pss = [self.root], 0, 0
        while todo:
            pid = todo.pop()
            got = _stat(pid)
            if got is None:
                continue
            self.cpu[pid] = max(self.cpu.get(pid, 0.0), got[1])
            live += got[2]
            pss += _pss(pid)
            todo.extend(_children(pid))
        self.peak = max(self.peak, live)
        self.peak_pss = max(self.peak_pss, pss)


def _children(pid: int) -> list[int]:
    out: list[int] = []
    try:
        tasks = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return out
    for tid in tasks:
        try:
            out += [int(c) for c in Path(f"/proc/{pid}/task/{tid}/children").read_text().split()]
        except OSError:
            continue
    return out


def measure(tool: Tool, label: str, targets: Sequence[Path], cwd: Path) -> Run:
    """Run the tool once in a fresh process: CPU, wall time and peak memory of its process tree."""
    argv = [*tool.argv, *(str(t) for t in targets)]
    start = time.perf_counter()
    proc = subprocess.Popen(argv, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    sampler = TreeSampler(proc.pid)
    while True:
        sampler.sample()
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        time.sleep(0.1)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    cpu = max(usage.ru_utime + usage.ru_stime, sum(sampler.cpu.values()))
    peak = max(usage.ru_maxrss * 1024, sampler.peak)
    return Run(tool.name, label, cpu, wall, peak / 2**20, proc.returncode, sampler.peak_pss / 2**20)


def best(tool: Tool, label: str, targets: Sequence[Path], cwd: Path, repeat: int) -> Run:
    runs = [measure(tool, label, targets, cwd) for _ in range(repeat)]
    return min(runs, key=lambda r: r.cpu)


def table(runs: Sequence[Run]) -> str:
    base = {r.label: r for r in runs if r.tool == "proselint"}
    rows = [f"{'tool':<20} {'articles':>10} {'CPU s':>8} {'wall s':>8} {'peak MB':>8} {'PSS MB':>7} "
            f"{'CPU/prose':>9} {'wall/prose':>10} {'exit':>4}"]
    for r in runs:
        ref = base.get(r.label)
        cpu_ratio = f"{r.cpu / ref.cpu:.2f}x" if ref and ref.cpu else "-"
        wall_ratio = f"{r.wall / ref.wall:.2f}x" if ref and ref.wall else "-"
        rows.append(f"{r.tool:<20} {r.label:>10} {r.cpu:8.2f} {r.wall:8.2f} {r.peak_mb:8.0f} {r.pss_mb:7.0f} "
                    f"{cpu_ratio:>9} {wall_ratio:>10} {r.returncode:>4}")
    return "\n".join(rows)


# -- where the CPU goes (--split) -------------------------------------------------------------------
def _timed(totals: dict[str, float], name: str, func: Callable[..., object]) -> Callable[..., object]:
    def run(*args: object, **kwargs: object) -> object:
        start = time.process_time()
        try:
            return func(*args, **kwargs)
        finally:
            totals[name] += time.process_time() - start
    return run


def split(folder: Path) -> list[tuple[str, float]]:
    """CPU seconds per stage of ``editlint check FOLDER --select ALL --no-cache --jobs 1``, in this
    process (run it in a fresh one): rules, parse, metrics, reading, and the parse per spaCy component."""
    import contextlib
    import io

    from editlint import api, engine, nlp
    from editlint.cli import main as cli

    totals: dict[str, float] = defaultdict(float)

    def check(self: api.CheckType, ctx: object) -> list[object]:
        start = time.process_time()
        try:
            return list(self.func(ctx))
        finally:
            totals[f"rule {self.name}"] += time.process_time() - start

    api.CheckType.__call__ = check  # type: ignore[method-assign,assignment]
    nlp.Annotations.annotate = _timed(totals, "parse (batched, with the model's load)",  # type: ignore
                                      nlp.Annotations.annotate)
    engine.Linter._run_metrics = _timed(totals, "metrics", engine.Linter._run_metrics)  # type: ignore
    engine.Linter._prepare = _timed(totals, "reading", engine.Linter._prepare)  # type: ignore
    start = time.process_time()
    with contextlib.redirect_stdout(io.StringIO()):
        cli(["check", str(folder), "--select", "ALL", "--no-cache", "--jobs", "1", "--format", "json",
             "--fail-on", "never"])
    totals["the whole run"] = time.process_time() - start
    totals.update(components(folder))
    return sorted(totals.items(), key=lambda kv: -kv[1])


def components(folder: Path) -> dict[str, float]:
    """The corpus's distinct text blocks through the pipeline one component at a time (CPU seconds)."""
    from editlint.nlp import Annotations, nlp_blocks, one_blas_thread
    from editlint.readers import read
    from editlint.source import read_path

    ann = Annotations("en_core_web_sm", {"lemma"})
    keys: dict[tuple[str, tuple[tuple[int, int], ...]], None] = {}
    for path in sorted(folder.iterdir()):
        if path.suffix == ".json":
            continue
        doc = read(read_path(str(path)))
        for i in nlp_blocks(doc):
            keys.setdefault(ann._key(doc, doc.blocks[i]), None)
    out: dict[str, float] = {}
    start = time.process_time()
    docs = [ann._make_doc(text, spans) for text, spans in keys]
    out["spaCy tokenizer"] = time.process_time() - start
    with one_blas_thread():
        for name, proc in ann.nlp.pipeline:
            start = time.process_time()
            docs = list(proc.pipe(docs, batch_size=ann.batch_size)) if hasattr(proc, "pipe") \
                else [proc(d) for d in docs]
            out[f"spaCy {name}"] = time.process_time() - start
    return out


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--articles", default="40", help="corpus sizes, comma-separated (default 40)")
    ap.add_argument("--jobs", default="1,2", help="editlint --jobs values to run (default 1,2)")
    ap.add_argument("--peers", default="proselint,write-good", help="peers to run, or 'none'")
    ap.add_argument("--reference", type=Path, default=REFERENCE, help="the article the corpus is made from")
    ap.add_argument("--write-good", default=None, help="path of the write-good executable")
    ap.add_argument("--repeat", type=int, default=1, help="runs per row; the fastest is kept")
    ap.add_argument("--no-cold", action="store_true", help="skip the one-article cold row")
    ap.add_argument("--split", action="store_true", help="then editlint's CPU per rule and component")
    ap.add_argument("--split-folder", type=Path, help=argparse.SUPPRESS)  # the fresh process --split runs
    args = ap.parse_args(argv)
    if args.split_folder is not None:
        rows = split(args.split_folder)
        total = dict(rows)["the whole run"]
        for name, seconds in rows:
            print(f"{seconds:8.2f} s {100 * seconds / total:5.1f} %  {name}")
        return 0
    args.jobs = [int(j) for j in args.jobs.split(",") if j]
    if not args.reference.is_file():
        print(f"reference article not found: {args.reference} (pass --reference)", file=sys.stderr)
        return 2
    notes: list[str] = []
    runs: list[Run] = []
    load_before = os.getloadavg()
    with tempfile.TemporaryDirectory(prefix="editlint-peers-") as tmp:
        work = Path(tmp)
        peers = tools(args, work, notes)
        for n in (int(x) for x in args.articles.split(",")):
            folder = work / f"corpus-{n}"
            folder.mkdir()
            files, total, distinct = build_corpus(args.reference, n, folder)
            notes.append(f"{n} articles: {total} paragraphs, {distinct} distinct, "
                         f"{sum(f.stat().st_size for f in files) / 1e3:.0f} kB")
            for tool in peers:
                targets = [folder] if tool.takes_folder else files
                runs.append(best(tool, str(n), targets, work, args.repeat))
        if not args.no_cold:
            one = work / f"corpus-{args.articles.split(',')[0]}"
            first = sorted(one.iterdir())[0]
            editlints = [t for t in peers if t.name.startswith("editlint")]
            for tool in peers:
                if tool in editlints[1:]:
                    continue  # one file: one worker whatever --jobs says
                runs.append(best(tool, "1 (cold)", [first], work, args.repeat))
        where = where_it_goes(work / f"corpus-{args.articles.split(',')[0]}") if args.split else ""
    notes.append(load_note(load_before))
    print(table(runs))
    for note in notes:
        print(f"note: {note}")
    if where:
        print(f"where editlint's CPU goes (one job, CPU seconds, share of the whole run):\n{where}")
    return 0


def where_it_goes(folder: Path) -> str:
    """:func:`split` of ``folder``, run in a fresh process (nothing loaded or cached before it)."""
    done = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--split-folder", str(folder)],
                          capture_output=True, text=True, check=False)
    return done.stdout.rstrip() if done.returncode == 0 else f"--split failed: {done.stderr.strip()[-400:]}"


def load_note(before: tuple[float, float, float]) -> str:
    """The machine's load average at the start and the end of the run (CPU seconds are steadier than
    wall time on a shared machine, but not immune to it: a loaded machine shares caches and cores)."""
    after = os.getloadavg()
    return (f"load average (1, 5, 15 min) at start {before[0]:.2f} {before[1]:.2f} {before[2]:.2f}, "
            f"at end {after[0]:.2f} {after[1]:.2f} {after[2]:.2f}; {os.cpu_count()} CPUs")


if __name__ == "__main__":
    raise SystemExit(main())
