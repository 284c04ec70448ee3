"""tests/helpers.py's early processes (the ``early`` marker: a slow tool started when collection ends, its
test waiting for the answer): the answer is the process's own, a process nobody started early starts when
asked, and none is left running after a timeout or at the session's end."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest
from helpers import _EARLY, early_result, start_early, stop_early


def _python(code: str) -> tuple[str, ...]:
    return (sys.executable, "-c", code)


def _wait_for(path: Path) -> None:
    for _ in range(600):
        if path.exists():
            return
        time.sleep(0.05)
    raise AssertionError(f"{path} never appeared")


def test_a_process_started_early_runs_before_its_answer_is_asked(tmp_path: Path) -> None:
    argv = _python("import sys, pathlib; pathlib.Path('ran').write_text('x'); print('out'); "
                   "print('err', file=sys.stderr); sys.exit(3)")
    start_early(argv, cwd=tmp_path)
    _wait_for(tmp_path / "ran")  # it ran with nobody waiting for it
    done = early_result(argv, tmp_path, timeout=60)
    assert (done.returncode, done.stdout, done.stderr) == (3, "out\n", "err\n")
    assert (tuple(argv), str(tmp_path)) not in _EARLY


def test_a_process_not_started_early_starts_when_asked(tmp_path: Path) -> None:
    argv = _python("import os; print(os.getcwd())")
    done = early_result(argv, tmp_path, timeout=60)
    assert done.returncode == 0 and Path(done.stdout.strip()) == tmp_path.resolve()


def test_a_timeout_fails_and_leaves_nothing_running(tmp_path: Path) -> None:
    argv = _python("import pathlib, time; pathlib.Path('pid').write_text('x'); time.sleep(60)")
    start_early(argv, cwd=tmp_path)
    (proc, _, _) = _EARLY[(argv, str(tmp_path))]
    with pytest.raises(subprocess.TimeoutExpired):
        early_result(argv, tmp_path, timeout=0.2)
    assert proc.wait(timeout=10) != 0  # killed, not left to finish its minute


def test_what_nobody_waited_for_is_ended_at_the_session_end(tmp_path: Path) -> None:
    argv = _python("import time; time.sleep(60)")
    start_early(argv, cwd=tmp_path)
    (proc, _, _) = _EARLY[(argv, str(tmp_path))]
    stop_early()
    assert proc.poll() is not None and not _EARLY
