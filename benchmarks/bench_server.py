"""Re-lint latency of ``editlint server`` after a one-paragraph edit (issue 16: ≤ 100 ms wanted).

    python benchmarks/bench_server.py [--article samples/safe-infant-sleep.md] [--edits 20]

Starts ``python -m editlint server`` over stdio with pygls's client, opens the article and waits for its
first diagnostics (cold: model load and first parse), then edits one paragraph in place ``--edits`` times
(alternating two wordings) and saves each time (a save lints at once; typing is debounced by
DEBOUNCE seconds on top of this). Reports, per warm re-lint, the wall time from the edit to the published
diagnostics and the server's CPU time. Then, in this process, the same edit through a plain Linter and the
server's CachingLinter (both keep parses by content in the pipeline and claims by block in the registry,
so only the edited block is parsed and read again; the CachingLinter also keeps the other checks' per-block
results, editlint.blockcache). The machine's load average is printed before and after: CPU figures on a
loaded machine run high (shared caches and cores).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from lsp_client import ServerSession  # noqa: E402
from lsprotocol import types  # noqa: E402

from editlint.engine import Linter  # noqa: E402
from editlint.server import DEBOUNCE, CachingLinter  # noqa: E402


def _paragraph_line(text: str) -> int:
    """The longest prose line (a paragraph of the article) to edit."""
    lines = text.split("\n")
    prose = [i for i, ln in enumerate(lines) if ln and ln[0].isalpha()]
    return max(prose, key=lambda i: len(lines[i]))


def _variant(line: str, k: int) -> str:
    return line + (" This matters." if k % 2 else "")


def _ms(values: list[float]) -> str:
    return f"median {statistics.median(values) * 1000:.0f} ms, max {max(values) * 1000:.0f} ms"


def bench_server(article: Path, edits: int) -> None:
    text = article.read_text(encoding="utf-8")
    row = _paragraph_line(text)
    line = text.split("\n")[row]
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        path = root / article.name
        path.write_text(text, encoding="utf-8")
        start = time.perf_counter()
        s = ServerSession(root)
        uri = s.open(path, text)
        s.wait_for(uri, 1, timeout=600)
        print(f"cold: first diagnostics {time.perf_counter() - start:.1f} s after start "
              f"(server CPU {s.server_cpu():.1f} s)")
        walls, cpus = [], []
        current = line
        for k in range(1, edits + 1):
            new = _variant(line, k)
            cpu0, t0 = s.server_cpu(), time.perf_counter()
            s.edit(uri, types.Range(types.Position(row, 0), types.Position(row, len(current))), new)
            s.save(uri)
            s.wait_for(uri, k + 1)
            walls.append(time.perf_counter() - t0)
            cpus.append(s.server_cpu() - cpu0)
            current = new
        s.close()
    print(f"warm re-lint after a one-paragraph edit, through the server ({edits} edits): wall {_ms(walls)}; "
          f"server CPU {_ms(cpus)}; typing adds the {DEBOUNCE * 1000:.0f} ms debounce")


def bench_in_process(article: Path, edits: int) -> None:
    text = article.read_text(encoding="utf-8")
    row = _paragraph_line(text)
    lines = text.split("\n")
    for label, linter in (("plain Linter", Linter()), ("CachingLinter", CachingLinter())):
        linter.lint_text(text, path=str(article))  # warm: model loaded, blocks parsed once
        walls, cpus = [], []
        for k in range(1, edits + 1):
            lines[row] = _variant(lines[row].removesuffix(" This matters."), k)
            t0, c0 = time.perf_counter(), time.process_time()
            linter.lint_text("\n".join(lines), path=str(article))
            walls.append(time.perf_counter() - t0)
            cpus.append(time.process_time() - c0)
        print(f"in process, {label}: wall {_ms(walls)}; CPU {_ms(cpus)}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--article", type=Path, default=ROOT / "samples" / "safe-infant-sleep.md")
    ap.add_argument("--edits", type=int, default=20)
    args = ap.parse_args()
    words = len(args.article.read_text(encoding="utf-8").split())
    print(f"article: {args.article.name} ({words} words); {_load()}")
    bench_server(args.article, args.edits)
    bench_in_process(args.article, args.edits)
    print(_load())


def _load() -> str:
    one, five, _ = os.getloadavg()
    return f"load average {one:.1f} (1 min), {five:.1f} (5 min) on {os.cpu_count()} CPUs"


if __name__ == "__main__":
    main()
