"""What ``--executor dask`` costs against ``--jobs 2`` on the same files: CPU and wall, side by side.

    python benchmarks/bench_dask.py [--sizes 50,200] [--repeat 1] [--json]

For each size, an archive of that many articles is built from the sample articles and the real-article
corpus (cycled, each copy made distinct by a numbered heading) and linted by the real command line in a
fresh subprocess, ``--no-cache`` and ``--format json`` to a file:

* ``--jobs 2``: a process pool of two workers on this machine;
* ``--executor dask``: a LocalCluster of two worker processes (one thread each), started for the run.

Wall is the subprocess's elapsed time; CPU is user+system of the subprocess and all its descendants (pool
workers, the fork server, nannies, Dask workers), sampled with psutil every 0.1 s, each process's last
sample kept: ``RUSAGE_CHILDREN`` misses processes their parent never waits for (a fork server's workers).
A process that lives less than 0.1 s may be missed; the workers live for the whole run.
Two sizes separate the fixed overhead (process start, model load per worker, the cluster's own start and
shutdown) from the per-article cost: ``per article`` is the difference between sizes divided by the
difference in articles. Both runs' JSON reports are compared: the benchmark fails if they differ.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import psutil  # comes with dask[distributed]

ROOT = Path(__file__).resolve().parent.parent
SIZES = (50, 200)
MODES: dict[str, list[str]] = {"jobs2": ["--jobs", "2"], "dask": ["--executor", "dask"]}


def source_files() -> list[Path]:
    """The article texts the archives are built from: samples and the real-article corpus."""
    folders = [ROOT / "samples", ROOT / "tests" / "corpus" / "real" / "articles"]
    return [f for d in folders if d.is_dir() for f in sorted(d.iterdir())
            if f.suffix in (".md", ".html", ".txt") and f.name != "README.md"]


def build_archive(folder: Path, n: int, sources: list[Path]) -> None:
    """``n`` articles: the sources cycled, each copy with a numbered first line so no two are equal."""
    folder.mkdir(parents=True)
    for i in range(n):
        src = sources[i % len(sources)]
        text = src.read_text(encoding="utf-8")
        if src.suffix == ".md":
            text = f"# Copy {i}\n\n{text}"
        elif src.suffix == ".html":
            text = f"<p>Copy {i}.</p>\n{text}"
        else:
            text = f"Copy {i}\n\n{text}"
        (folder / f"{i:05d}-{src.name}").write_text(text, encoding="utf-8")


def run(folder: Path, mode: str, out: Path) -> dict[str, float]:
    """One command-line run in a subprocess: wall seconds and CPU seconds (the process tree's)."""
    start = time.perf_counter()
    cmd = [sys.executable, "-m", "editlint", "check", str(folder), "--no-cache", "--no-progress",
           "--format", "json", "-o", str(out), *MODES[mode]]
    with tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(cmd, cwd=folder.parent, stdout=subprocess.DEVNULL, stderr=err)
        cpu = tree_cpu(proc)
        wall = time.perf_counter() - start
        if proc.returncode not in (0, 1):
            err.seek(0)
            raise SystemExit(f"{mode} failed ({proc.returncode}): {err.read().decode()[-2000:]}")
    return {"wall": wall, "cpu": cpu}


def tree_cpu(proc: subprocess.Popen[bytes]) -> float:
    """CPU seconds of ``proc`` and its descendants until it exits (each process's last sample)."""
    root = psutil.Process(proc.pid)
    seen: dict[tuple[int, float], float] = {}
    while proc.poll() is None:
        try:
            family = [root, *root.children(recursive=True)]
        except psutil.NoSuchProcess:
            break
        for p in family:
            try:
                with p.oneshot():
                    t = p.cpu_times()
                    seen[(p.pid, p.create_time())] = t.user + t.system
            except psutil.Error:
                continue
        time.sleep(0.1)
    proc.wait()
    return sum(seen.values())


def measure(sizes: list[int], repeat: int) -> list[dict[str, Any]]:
    sources = source_files()
    rows: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="bench-dask-") as tmp:
        for n in sizes:
            folder = Path(tmp) / f"archive-{n}"
            build_archive(folder, n, sources)
            for mode in MODES:
                best: dict[str, float] | None = None
                for _ in range(repeat):
                    got = run(folder, mode, Path(tmp) / f"{mode}-{n}.json")
                    best = got if best is None or got["wall"] < best["wall"] else best
                assert best is not None
                rows.append({"articles": n, "mode": mode, **best})
            reports = [json.loads((Path(tmp) / f"{m}-{n}.json").read_text(encoding="utf-8")) for m in MODES]
            if any(r != reports[0] for r in reports[1:]):
                raise SystemExit(f"the executors' JSON reports differ on {n} articles")
            shutil.rmtree(folder)
    return rows


def table(rows: list[dict[str, Any]]) -> str:
    lines = [f"{'articles':>8}  {'--jobs 2 wall':>13} {'cpu':>8}   {'dask wall':>10} {'cpu':>8}"
             f"   {'dask/jobs wall':>14} {'cpu':>6}"]
    by = {(r["articles"], r["mode"]): r for r in rows}
    sizes = sorted({r["articles"] for r in rows})
    for n in sizes:
        j, d = by[(n, "jobs2")], by[(n, "dask")]
        lines.append(f"{n:>8}  {j['wall']:>12.1f}s {j['cpu']:>7.1f}s   {d['wall']:>9.1f}s {d['cpu']:>7.1f}s"
                     f"   {d['wall'] / j['wall']:>13.2f}x {d['cpu'] / j['cpu']:>5.2f}x")
    if len(sizes) >= 2:
        lo, hi = sizes[0], sizes[-1]
        span = hi - lo
        for mode, label in (("jobs2", "--jobs 2"), ("dask", "dask")):
            a, b = by[(lo, mode)], by[(hi, mode)]
            lines.append(f"per article, {label}: wall {(b['wall'] - a['wall']) / span * 1000:.0f} ms, "
                         f"cpu {(b['cpu'] - a['cpu']) / span * 1000:.0f} ms; fixed: wall "
                         f"{a['wall'] - lo * (b['wall'] - a['wall']) / span:.1f} s")
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default=",".join(map(str, SIZES)), help="article counts (comma-separated)")
    ap.add_argument("--repeat", type=int, default=1, help="runs per size and mode (the fastest is kept)")
    ap.add_argument("--json", action="store_true", help="print the rows as JSON")
    args = ap.parse_args()
    rows = measure([int(s) for s in args.sizes.split(",") if s.strip()], max(1, args.repeat))
    print(json.dumps(rows, indent=2) if args.json else table(rows))


if __name__ == "__main__":
    main()
