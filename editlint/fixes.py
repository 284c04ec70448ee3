"""Fixes (``--fix``, ``--unsafe-fixes``, ``--diff``): which edits go in, converged in memory, written safely.

:func:`fix_report` is the one entry point the CLI, the library and a language server share. It takes the
fixes findings carry (only ``safe`` ones unless unsafe fixes are asked for), applies them to the text in
memory, re-lints the result and drops any fix that would create a finding it cannot fix itself; fixable
findings the fixes create (a tripled word) are fixed in the next round, within :data:`MAX_RELINTS`, so a
second ``--fix`` changes nothing. :func:`write_fixed` then writes the result without losing a byte:
only changed lines are rewritten (each line keeps its own ending, the BOM stays), symlinks are written
through to their target, hard links, owner, group and mode are kept, and a read-only file or folder, or a
file changed since it was linted, is refused with a message (a per-file error) instead.
"""

from __future__ import annotations

import bisect
import difflib
import os
import re
import stat
import tempfile
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from enum import Enum
from typing import TYPE_CHECKING

from .findings import Applicability, Edit, FileReport, Finding, RunReport
from .source import Source

if TYPE_CHECKING:
    from .engine import Linter

#: Re-lints of one article's fixed text before giving up (nothing is then applied).
MAX_RELINTS = 6
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$")
_BOM = b"\xef\xbb\xbf"


class FixStatus(str, Enum):
    FIXED = "fixed"  # written to the file
    WOULD_FIX = "would-fix"  # changed in memory only (--diff, standard input)
    UNCHANGED = "unchanged"  # nothing to apply
    ERROR = "error"  # fixes were due but the file was not written (``message`` says why)

    def __str__(self) -> str:
        return self.value


@dataclass
class FileFix:
    """What fixing one article did: its text before and after, and the findings whose fixes went in."""

    path: str
    status: FixStatus
    original: str
    fixed: str
    applied: tuple[Finding, ...] = ()
    message: str = ""
    report: FileReport | None = field(default=None, repr=False)  # the fixed text, linted again

    @property
    def changed(self) -> bool:
        return self.fixed != self.original

    def diff(self) -> str:
        """A unified diff of the change (empty when nothing changed)."""
        if not self.changed:
            return ""
        lines = difflib.unified_diff(_split(self.original), _split(self.fixed),
                                     fromfile=self.path, tofile=self.path)
        out = []
        for line in lines:
            out.append(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n")
        return "".join(out)


class WriteRefused(Exception):
    """The fixed text was not written; the message says why (it follows the file name)."""


# -- choosing and applying edits ---------------------------------------------------------------------
def fixable(finding: Finding, unsafe: bool = False) -> bool:
    """Whether ``--fix`` applies this finding's fix (unsafe ones only with ``unsafe``)."""
    return bool(finding.fixes) and (unsafe or finding.applicability is Applicability.SAFE)


def _overlaps(a: Edit, b: Edit) -> bool:
    """Edits that touch the same text (two insertions at one point count: their order is unknown)."""
    return (a.start < b.end and b.start < a.end) or a.start == b.start


def apply_edits(text: str, edits: Iterable[Edit]) -> str:
    """Apply non-overlapping edits (later ones first); overlapping edits after the first are dropped."""
    chosen: list[Edit] = []
    for e in sorted(edits, key=lambda e: (e.start, e.end)):
        if chosen and e.start < chosen[-1].end:
            continue
        chosen.append(e)
    for e in reversed(chosen):
        text = text[: e.start] + e.text + text[e.end:]
    return text


@dataclass(frozen=True)
class _Applied:
    """Findings whose edits went into ``text``, and where each edit's new text lies in it."""

    text: str
    findings: tuple[Finding, ...]
    edits: tuple[Edit, ...]  # sorted, in the old text's offsets
    owners: tuple[int, ...]  # index into findings, per edit
    spans: tuple[tuple[int, int], ...]  # per edit, in the new text's offsets

    def new_offset(self, old: int) -> int:
        """Where old offset ``old`` lands in the new text (inside a replaced span: at its start)."""
        delta = 0
        for e, (ns, _) in zip(self.edits, self.spans, strict=True):
            if old < e.start:
                break
            if old < e.end:
                return ns
            delta += len(e.text) - (e.end - e.start)  # an insertion at ``old`` pushes it along
        return old + delta


def _apply(text: str, findings: Sequence[Finding]) -> _Applied:
    """Apply every finding's edits that do not overlap an earlier finding's; all or none per finding."""
    taken: list[Edit] = []
    kept: list[Finding] = []
    for f in sorted(findings, key=lambda f: min(e.start for e in f.fixes)):
        if any(_overlaps(e, t) for e in f.fixes for t in taken) or any(
                _overlaps(a, b) for i, a in enumerate(f.fixes) for b in f.fixes[i + 1:]):
            continue
        taken.extend(f.fixes)
        kept.append(f)
    owner_of = {id(e): i for i, f in enumerate(kept) for e in f.fixes}
    edits = sorted(taken, key=lambda e: (e.start, e.end))
    spans, parts, pos, delta = [], [], 0, 0
    for e in edits:
        parts += [text[pos:e.start], e.text]
        spans.append((e.start + delta, e.start + delta + len(e.text)))
        delta += len(e.text) - (e.end - e.start)
        pos = e.end
    parts.append(text[pos:])
    return _Applied("".join(parts), tuple(kept), tuple(edits), tuple(owner_of[id(e)] for e in edits),
                    tuple(spans))


# -- convergence ----------------------------------------------------------------------------------------
def _line_starts(text: str) -> list[int]:
    return [0] + [m.end() for m in re.finditer("\n", text)]


def _offsets(f: Finding, starts: list[int], size: int) -> tuple[int, int]:
    """A finding's span as offsets into the LF text its positions refer to."""
    def at(line: int, col: int) -> int:
        return min(starts[min(max(line, 1), len(starts)) - 1] + max(col, 1) - 1, size)

    return at(f.line, f.column), at(f.end_line, f.end_column)


def _base_fingerprint(f: Finding) -> str:
    return f.fingerprint.split(":", 1)[0] or f.message


def _created(before: Sequence[Finding], old_text: str, step: _Applied,
             after: Sequence[Finding]) -> list[Finding]:
    """Findings of the fixed text that no finding of the old text (other than a fixed one) accounts for.

    A finding survives a fix when one of the same rule has the same fingerprint or covers the same text
    (its span carried through the edits), so a long sentence whose word was respelled is not "new".
    """
    fixed = {id(f) for f in step.findings}
    old_starts = _line_starts(old_text)
    pool: dict[str, list[tuple[str, int, int]]] = {}
    for f in before:
        if id(f) not in fixed:
            s, e = _offsets(f, old_starts, len(old_text))
            pool.setdefault(f.rule, []).append((_base_fingerprint(f), step.new_offset(s), step.new_offset(e)))
    new_starts = _line_starts(step.text)
    created = []
    for f in after:
        cands = pool.get(f.rule, [])
        s, e = _offsets(f, new_starts, len(step.text))
        match = next((c for c in cands if c[0] == _base_fingerprint(f)), None) or next(
            (c for c in cands if c[1] <= e and s <= c[2]), None)
        if match is None:
            created.append(f)
        else:
            cands.remove(match)
    return created


def _culprits(bad: Sequence[Finding], step: _Applied) -> set[int]:
    """ids of the applied findings whose edits sit on the lines of a finding they created (all if none)."""
    starts = _line_starts(step.text)
    out: set[int] = set()
    for f in bad:
        for (ns, ne), owner in zip(step.spans, step.owners, strict=True):
            first = bisect.bisect_right(starts, ns)
            last = bisect.bisect_right(starts, max(ns, ne - 1))
            if first <= f.end_line and f.line <= last:
                out.add(id(step.findings[owner]))
    return out or {id(f) for f in step.findings}


def _relint(linter: Linter, source: Source, text: str) -> FileReport:
    fixed = Source(path=source.path, text=text, format=source.format, had_bom=source.had_bom,
                   newline=source.newline)
    return next(iter(linter.lint_many([fixed])))


@dataclass(frozen=True)
class FixPlan:
    """The converged text, the findings whose fixes it holds, and its own report (None: unchanged)."""

    text: str
    applied: tuple[Finding, ...] = ()
    report: FileReport | None = None
    note: str = ""


def plan_fixes(linter: Linter, source: Source, findings: Sequence[Finding], *, unsafe: bool = False,
               max_relints: int = MAX_RELINTS) -> FixPlan:
    """Apply the allowed fixes in memory until nothing fixable is left, never creating an unfixable finding.

    A round applies every allowed fix, re-lints, and if the result has a finding that the old text did not
    have and that cannot itself be fixed, drops the fixes on its lines and tries again. Fixable findings
    the round created go into the next round. If the budget of re-lints runs out, nothing is applied.
    """
    text, current = source.text, list(findings)
    applied: list[Finding] = []
    report: FileReport | None = None
    relints = 0
    while True:
        chosen = [f for f in current if fixable(f, unsafe)]
        step, trial = None, None
        while chosen:
            if relints >= max_relints:
                return FixPlan(source.text, note=f"the fixes did not settle within {max_relints} re-lints; "
                               "nothing applied")
            step = _apply(text, chosen)
            if step.text == text:
                return FixPlan(text, tuple(applied), report)
            relints += 1
            trial = _relint(linter, source, step.text)
            if trial.error:
                return FixPlan(source.text, note=f"the fixed text could not be linted ({trial.error}); "
                               "nothing applied")
            bad = [f for f in _created(current, text, step, trial.findings) if not fixable(f, unsafe)]
            if not bad:
                break
            culprits = _culprits(bad, step)
            chosen = [f for f in chosen if id(f) not in culprits]
        if not chosen or step is None or trial is None:
            return FixPlan(text, tuple(applied), report)
        text, current, report = step.text, list(trial.findings), trial
        applied.extend(step.findings)


# -- writing --------------------------------------------------------------------------------------------
def _split(text: str) -> list[str]:
    """Lines with their own endings (LF, CRLF or CR; nothing else counts as a line break)."""
    return _LINE.findall(text)


def _lf(raw: bytes) -> str:
    """The text editlint linted from these bytes: no BOM, LF newlines (ValueError if not UTF-8)."""
    text = raw[len(_BOM):].decode("utf-8") if raw.startswith(_BOM) else raw.decode("utf-8")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _ending(raw_lines: Sequence[str], i: int, default: str) -> str:
    """The line ending of raw line ``i``, or of the nearest line before it that has one."""
    for k in range(min(i, len(raw_lines) - 1), -1, -1):
        body = raw_lines[k].rstrip("\r\n")
        if len(body) < len(raw_lines[k]):
            return raw_lines[k][len(body):]
    return default


def rebuild(raw: bytes, fixed: str) -> bytes:
    """The file's bytes with its LF text replaced by ``fixed``: unchanged lines keep their exact bytes,
    changed lines take the ending of the line they replace (or of the line before), the BOM stays."""
    bom = _BOM if raw.startswith(_BOM) else b""
    raw_text = raw[len(bom):].decode("utf-8")
    raw_lines = _split(raw_text)
    old = [ln.rstrip("\r\n") + ("\n" if ln.endswith(("\r", "\n")) else "") for ln in raw_lines]
    new = _split(fixed)
    first_ending = next((ln[len(ln.rstrip("\r\n")):] for ln in raw_lines if ln.endswith(("\r", "\n"))), "\n")
    out: list[str] = []
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            out.extend(raw_lines[i1:i2])
            continue
        for k, line in enumerate(new[j1:j2]):
            if not line.endswith("\n"):
                out.append(line)
                continue
            # the block's last line ends where the old block ended (two lines joined keep the second's)
            at = (i2 - 1 if j1 + k == j2 - 1 else min(i1 + k, i2 - 1)) if i2 > i1 else i1 - 1
            out.append(line[:-1] + _ending(raw_lines, at, first_ending))
    return bom + "".join(out).encode("utf-8")


def _read_regular(path: str) -> tuple[os.stat_result, bytes]:
    try:
        st = os.stat(path)
        if not stat.S_ISREG(st.st_mode):
            raise WriteRefused("is not a regular file; not fixed")
        with open(path, "rb") as fh:
            return st, fh.read()
    except OSError as exc:
        raise WriteRefused(f"cannot be read again ({exc.strerror or exc}); not fixed") from None


def _same(path: str, st: os.stat_result, raw: bytes) -> None:
    """Refuse when the file no longer holds what was read (another program saved it meanwhile)."""
    now, data = _read_regular(path)
    if (now.st_ino, now.st_size, now.st_mtime_ns) != (st.st_ino, st.st_size, st.st_mtime_ns) or data != raw:
        raise WriteRefused("changed while editlint was fixing it; not fixed (run editlint again)")


def _write_in_place(path: str, st: os.stat_result, raw: bytes, data: bytes) -> None:
    """Overwrite the file's own inode: keeps hard links, owner, group, mode (not atomic)."""
    _same(path, st, raw)
    try:
        with open(path, "r+b") as fh:
            fh.write(data)
            fh.truncate()
            fh.flush()
            os.fsync(fh.fileno())
    except OSError as exc:
        raise WriteRefused(f"cannot be written ({exc.strerror or exc}); not fixed") from None


def _write_replacing(path: str, st: os.stat_result, raw: bytes, data: bytes) -> None:
    """Write a temporary file beside it with the same owner, group and mode, then rename it over."""
    folder = os.path.dirname(path) or "."
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{os.path.basename(path)}.", suffix=".editlint-tmp", dir=folder)
    except OSError as exc:
        raise WriteRefused(f"cannot be replaced: its folder {folder} is not writable "
                           f"({exc.strerror or exc}); not fixed") from None
    in_place = False
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            own = os.fstat(fh.fileno())
            if (own.st_uid, own.st_gid) != (st.st_uid, st.st_gid):
                try:
                    os.fchown(fh.fileno(), st.st_uid, st.st_gid)
                except PermissionError:  # we may write the file but not give it away: keep its inode
                    in_place = True
            os.fchmod(fh.fileno(), stat.S_IMODE(st.st_mode))
            os.fsync(fh.fileno())
        if not in_place:
            _same(path, st, raw)
            os.replace(tmp, path)
    except OSError as exc:  # a full disk, a folder that went away: this file only
        raise WriteRefused(f"cannot be written ({exc.strerror or exc}); not fixed") from None
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    if in_place:
        _write_in_place(path, st, raw, data)


def write_fixed(path: str, original: str, fixed: str) -> str:
    """Write ``fixed`` (LF text) to the file at ``path``, which must still hold ``original``.

    Returns the path written: a symlink is written through to its target. Raises :class:`WriteRefused`
    for a read-only file or folder, a file that is not regular, or one changed since it was linted.
    """
    real = os.path.realpath(path)
    st, raw = _read_regular(real)
    if not st.st_mode & 0o222 or not os.access(real, os.W_OK):
        raise WriteRefused("is read-only; not fixed (make it writable to fix it)")
    try:
        if _lf(raw) != original:
            raise WriteRefused("changed since it was linted; not fixed (run editlint again)")
    except ValueError:
        raise WriteRefused("changed since it was linted (no longer UTF-8); not fixed") from None
    data = rebuild(raw, fixed)
    if st.st_nlink > 1:
        _write_in_place(real, st, raw, data)
    else:
        _write_replacing(real, st, raw, data)
    return real


# -- the entry point ------------------------------------------------------------------------------------
def fix_file_report(linter: Linter, fr: FileReport, *, unsafe: bool = False, write: bool = True) -> FileFix:
    """Fix one linted article (``fr.document`` must be set); write it unless ``write`` is false."""
    source: Source = fr.document.source
    plan = plan_fixes(linter, source, fr.findings, unsafe=unsafe)
    if plan.note:
        return FileFix(fr.path, FixStatus.ERROR, source.text, source.text, message=plan.note)
    if plan.text == source.text:
        return FileFix(fr.path, FixStatus.UNCHANGED, source.text, source.text)
    if plan.report is not None:
        plan.report.path = fr.path
    result = FileFix(fr.path, FixStatus.WOULD_FIX, source.text, plan.text, plan.applied, report=plan.report)
    if not write or not source.path or source.path == "-":
        return result
    try:
        write_fixed(source.path, source.text, plan.text)
    except WriteRefused as exc:
        result.status, result.message = FixStatus.ERROR, str(exc)
        return result
    result.status = FixStatus.FIXED
    return result


def _identity(path: str) -> object:
    """Which file a path names (device and inode), so one file reached by two names is fixed once."""
    try:
        st = os.stat(path)
    except OSError:
        return os.path.realpath(path)
    return (st.st_dev, st.st_ino)


def fix_report(linter: Linter, report: RunReport, *, unsafe: bool = False, write: bool = True,
               read_only: Collection[str] = ()) -> list[FileFix]:
    """Fix every linted article of ``report`` that has an allowed fix; returns what happened per file.

    With ``write``, the report is updated to match the files: a fixed file's report becomes the report
    of its new text, and a file that could not be written gets ``error`` set (the run then exits 2).
    Articles whose path is in ``read_only`` (standard input) are fixed in memory only.
    """
    out = []
    seen: set[object] = set()
    for i, fr in enumerate(report.files):
        if fr.document is None or fr.error or not any(fixable(f, unsafe) for f in fr.findings):
            continue
        ident = _identity(fr.path) if fr.path not in read_only else None
        if ident is not None and ident in seen:
            continue  # one file named twice (a symlink, a hard link, a repeated argument): fixed once
        seen.add(ident)
        result = fix_file_report(linter, fr, unsafe=unsafe, write=write and fr.path not in read_only)
        out.append(result)
        if not write:
            continue
        if result.status is FixStatus.FIXED and result.report is not None:
            report.files[i] = result.report
        elif result.status is FixStatus.ERROR:
            fr.error = f"{fr.path}: {result.message}"
    return out

