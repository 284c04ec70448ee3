"""Walking folders for articles: bounded, and never silent about what it leaves out.

Only regular files are linted (a FIFO would block the run, a device such as /dev/zero would never end);
a symlink that leaves the folder being walked is not followed unless asked (``--follow-links``), so a
link committed to a repository cannot pull a file from elsewhere on the machine into a CI report; a
folder that cannot be listed is an error (exit 2), never skipped silently.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Walk:
    """What walking the command-line paths found: files to lint, notes, and errors that fail the run."""

    files: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def file_kind(mode: int) -> str | None:
    """None for a regular file, else what the file is (for a message)."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "a directory"
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a regular file"


def _inside(path: Path, root: Path) -> bool:
    try:
        path.relative_to(root)
    except ValueError:
        return False
    return True


class _Walker:
    def __init__(self, root: Path, wanted: Callable[[Path], bool], skip_dir: Callable[[Path], bool],
                 follow_links: bool) -> None:
        self.root = root
        self.real_root = root.resolve()
        self.wanted = wanted
        self.skip_dir = skip_dir
        self.follow = follow_links
        self.out = Walk()
        self.seen_dirs: set[tuple[int, int]] = set()

    def _unreadable(self, exc: OSError) -> None:
        name = exc.filename if isinstance(exc.filename, str) else str(self.root)
        reason = "permission denied" if isinstance(exc, PermissionError) else (exc.strerror or str(exc))
        self.out.errors.append(f"{name}: {reason} (cannot list the folder; its articles were not linted)")

    def _leaves_tree(self, path: Path) -> bool:
        """A symlink whose target is outside the walked folder (and links are not followed)."""
        if self.follow or not path.is_symlink():
            return False
        try:
            return not _inside(path.resolve(strict=True), self.real_root)
        except (OSError, RuntimeError):  # a dangling or looping link
            return True

    def _keep_dir(self, parent: Path, name: str) -> bool:
        d = parent / name
        if self.skip_dir(Path(name)):
            return False
        if self._leaves_tree(d):
            self.out.warnings.append(f"{d}: symlink to a folder outside {self.root}; not followed "
                                     "(use --follow-links to lint it)")
            return False
        try:
            st = d.stat()
        except OSError:
            return True  # os.walk reports it through onerror
        key = (st.st_dev, st.st_ino)
        if key in self.seen_dirs:  # a link loop, or the same folder reached twice
            return False
        self.seen_dirs.add(key)
        return True

    def _file(self, path: Path) -> None:
        if not self.wanted(path):
            return
        if self._leaves_tree(path):
            self.out.warnings.append(f"{path}: symlink to a file outside {self.root}; not followed "
                                     "(use --follow-links to lint it)")
            return
        try:
            kind = file_kind(path.stat().st_mode)
        except OSError as exc:
            kind = None if isinstance(exc, PermissionError) else f"unreadable ({exc.strerror or exc})"
        if kind is not None:
            self.out.warnings.append(f"{path}: skipped, {kind} is not an article")
            return
        self.out.files.append(str(path))

    def run(self) -> Walk:
        try:
            st = self.root.stat()
            self.seen_dirs.add((st.st_dev, st.st_ino))
        except OSError as exc:
            self._unreadable(exc)
            return self.out
        for top, dirs, names in os.walk(self.root, onerror=self._unreadable, followlinks=True):
            parent = Path(top)
            dirs[:] = sorted(d for d in dirs if self._keep_dir(parent, d))
            for name in sorted(names):
                self._file(parent / name)
        return self.out


def walk(root: str | os.PathLike[str], wanted: Callable[[Path], bool], skip_dir: Callable[[Path], bool],
         *, follow_links: bool = False) -> Walk:
    """The articles under ``root``: ``wanted`` picks files, ``skip_dir`` prunes folders by name."""
    return _Walker(Path(root), wanted, skip_dir, follow_links).run()
