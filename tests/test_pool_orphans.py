"""A --jobs run killed from outside (SIGKILL, a CI job's timeout) leaves no worker or fork server behind."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(not hasattr(os, "pidfd_open") or sys.platform != "linux",
                                reason="the parent watch needs Linux pidfds")

#: A parent that starts a two-worker pool (cheap rules: no model), prints the workers' pids, then waits.
PARENT = textwrap.dedent("""
    import sys, time
    from editlint.executors import LinterSpec
    from editlint.executors.local import LocalExecutor
    if __name__ == "__main__":
        executor = LocalExecutor(2)
        executor._spec = LinterSpec(overrides={"select": ("EL105",)})
        pool = executor._pool_now()
        for f in [pool.submit(time.sleep, 0.2) for _ in range(4)]:
            f.result()
        print(" ".join(str(p) for p in pool._processes), flush=True)
        time.sleep(600)
""")


def _alive(pid: int) -> bool:
    """Running (a zombie waiting for its reaper counts as gone)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state != "Z"


def test_workers_end_when_the_parent_is_killed(tmp_path: Path) -> None:
    script = tmp_path / "parent.py"
    script.write_text(PARENT, encoding="utf-8")
    proc = subprocess.Popen([sys.executable, str(script)], cwd=tmp_path, stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None
        workers = [int(p) for p in proc.stdout.readline().split()]
        assert len(workers) == 2 and all(_alive(p) for p in workers)
    finally:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        if proc.stdout is not None:
            proc.stdout.close()
    deadline = time.monotonic() + 20
    while any(_alive(p) for p in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    left = [p for p in workers if _alive(p)]
    for p in left:  # do not leave them to the next test either
        os.kill(p, signal.SIGKILL)
    assert not left
