"""``--since REF``: the articles changed against a git ref.

Changed means: added, copied, modified or renamed (``git diff --diff-filter=ACMR``) between the merge
base of REF and HEAD and the working tree — so uncommitted edits count, and on a pull-request branch
the changes made on the base branch since it forked do not — plus untracked files that git does not
ignore (a writer's new article before ``git add``). Deleted files are left out: there is nothing to
lint. When REF and HEAD share no history (a shallow clone), the diff is taken against REF itself and a
note says so. The result is filtered by the configuration's include/exclude and by the paths given on
the command line.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import ConfigError

if TYPE_CHECKING:
    from .config import Config


def _git(args: Sequence[str], cwd: str | None = None) -> subprocess.CompletedProcess[bytes]:
    try:
        return subprocess.run(["git", *args], cwd=cwd, capture_output=True, check=False, timeout=120)
    except FileNotFoundError:
        raise ConfigError("--since needs git, and git is not installed (or not on PATH)") from None


def _lines(out: bytes) -> list[str]:
    return [p for p in out.decode("utf-8", "surrogateescape").split("\0") if p]


def changed_files(ref: str, *, cwd: str | None = None) -> tuple[list[str], list[str]]:
    """Changed files against ``ref`` as paths relative to ``cwd`` (default: the current folder).

    Returns (paths, notes). Raises ConfigError when not in a git repository or ``ref`` is unknown.
    """
    here = Path(cwd or os.getcwd()).resolve()
    top = _git(["rev-parse", "--show-toplevel"], cwd=str(here))
    if top.returncode != 0:
        raise ConfigError(f"--since {ref}: {here} is not inside a git repository")
    root = Path(top.stdout.decode().strip()).resolve()
    if ref.startswith("-"):
        raise ConfigError(f"--since {ref}: not a git ref")
    verify = _git(
        ["rev-parse", "--verify", "--quiet", "--end-of-options", f"{ref}^{{commit}}"], cwd=str(root)
    )
    if verify.returncode != 0:
        raise ConfigError(
            f"--since {ref}: unknown git ref (is the branch fetched? in CI, check out with fetch-depth: 0)"
        )
    base = verify.stdout.decode().strip()
    notes: list[str] = []
    mb = _git(["merge-base", base, "HEAD"], cwd=str(root))
    if mb.returncode == 0 and mb.stdout.strip():
        base = mb.stdout.decode().strip()
    else:
        notes.append(
            f"--since {ref}: no common history with HEAD (shallow clone?); comparing with {ref} itself"
        )
    diff = _git(
        [
            "-c",
            "core.quotePath=false",
            "diff",
            "--name-only",
            "-z",
            "--no-renames",
            "--diff-filter=ACMR",
            base,
            "--",
        ],
        cwd=str(root),
    )
    if diff.returncode != 0:
        raise ConfigError(f"--since {ref}: git diff failed: {diff.stderr.decode(errors='replace').strip()}")
    untracked = _git(["ls-files", "-z", "--others", "--exclude-standard"], cwd=str(root))
    names = _lines(diff.stdout) + (_lines(untracked.stdout) if untracked.returncode == 0 else [])
    out: list[str] = []
    for name in dict.fromkeys(names):
        full = root / name
        if not full.is_file():
            continue
        out.append(os.path.relpath(full, here))
    return sorted(out), notes


def select(changed: Sequence[str], paths: Sequence[str], keep: Callable[[str], bool]) -> list[str]:
    """The changed files under one of ``paths`` (files or folders, as given) that ``keep`` accepts."""
    roots = [Path(p).resolve() for p in paths if p != "-"]
    out = []
    for f in changed:
        rf = Path(f).resolve()
        if any(rf == r or r in rf.parents for r in roots) and keep(f):
            out.append(f)
    return out


def changed_articles(ref: str, paths: Sequence[str], config_for: Callable[[str], Config],
                     *, cwd: str | None = None) -> tuple[list[str], list[str]]:
    """The articles to lint for ``--since REF``: changed files under ``paths`` that their configuration's
    include/exclude accept. Returns (files, notes)."""
    changed, notes = changed_files(ref, cwd=cwd)

    def keep(f: str) -> bool:
        cfg = config_for(f)
        inner = Path(*[p for p in Path(f).parts if p not in ("..", ".")] or ["."])
        return bool(cfg.is_included(Path(f)) and not cfg.is_excluded(inner))

    return select(changed, paths, keep), notes
