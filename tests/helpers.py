"""Test helpers: one Linter per configuration for the whole session, and one check type run on a
Document built by hand (no reader, no configuration file, no other rule), so a check's unit test says
exactly which blocks it sees and pays only for the NLP levels that check needs."""

from __future__ import annotations

import functools
import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from types import FrameType
from typing import Any

import editlint
from editlint import FileReport, Linter, RunReport
from editlint.api import CheckType, Hit, Result
from editlint.document import BlockKind, Document, DocumentBuilder
from editlint.engine import run_check
from editlint.findings import Finding
from editlint.rules import Registry
from editlint.source import decode, format_for

_EXT = {"markdown": "md", "md": "md", "html": "html", "text": "txt", "txt": "txt"}
_LINTERS: dict[str, Linter] = {}

#: A block given to :func:`document`: its text (a paragraph), ``(kind, text)`` or ``(kind, text, attrs)``.
BlockSpec = str | tuple[BlockKind | str, str] | tuple[BlockKind | str, str, Mapping[str, Any]]


def _jsonable(value: Any) -> Any:
    """Sets as sorted lists, anything else (paths, enums) as its text: a stable key for a configuration."""
    return sorted(value, key=str) if isinstance(value, (set, frozenset)) else str(value)


def linter_for(config: Mapping[str, Any]) -> Linter:
    """The session's Linter for this configuration. A Linter keeps no state between articles except its
    annotation objects (the spaCy model is loaded once per process anyway), so sharing one is safe and
    spares building the configuration and registry again for every snippet."""
    key = json.dumps(config, sort_keys=True, default=_jsonable)
    if key not in _LINTERS:
        _LINTERS[key] = Linter(dict(config))
    return _LINTERS[key]


SAMPLES = Path(__file__).resolve().parent.parent / "samples"


@functools.cache
def samples_report() -> RunReport:
    """Every sample article linted once per session with the default rules (as the CLI lints samples/):
    the family tests read their rules' findings from it instead of parsing each sample again per family
    (no shipped rule gives way to a rule of another family, so a family's findings are the same)."""
    return linter_for({}).lint_paths([str(SAMPLES)])


def sample(name: str) -> FileReport:
    """One sample's report from :func:`samples_report`."""
    (found,) = [f for f in samples_report().files if Path(f.path).name == name]
    assert found.error is None, found.error
    return found


def sample_findings(name: str, *prefixes: str) -> list[Finding]:
    """A sample's findings of the rules whose codes start with one of ``prefixes`` ("EL3", "EL401")."""
    return [f for f in sample(name).findings if f.rule.startswith(prefixes)]


def lint_snippet(text: str, fmt: str = "markdown", select: list[str] | None = None,
                 **config: Any) -> FileReport:
    """Lint ``text`` as an article of format ``fmt`` with an explicit configuration (no discovery)."""
    cfg: dict[str, Any] = dict(config)
    if select is not None:
        cfg["select"] = select
    report = linter_for(cfg).lint_text(text, path=f"snippet.{_EXT[fmt]}")
    assert report.error is None, report.error
    return report


def _spec(block: BlockSpec) -> tuple[BlockKind, str, dict[str, Any]]:
    if isinstance(block, str):
        return BlockKind.PARAGRAPH, block, {}
    kind = BlockKind(block[0])
    attrs: dict[str, Any] = dict(block[2]) if len(block) == 3 else {}
    if kind is BlockKind.HEADING:
        attrs.setdefault("level", 1)
    return kind, block[1], attrs


def document(*blocks: BlockSpec, path: str = "hand.txt") -> Document:
    """A Document of exactly these blocks, in order. Its source is their texts separated by blank lines,
    each character mapped to its place there, so positions and lines come out as in a plain-text file
    (block ``i`` starts on line ``1 + 2 * i`` when no block spans several lines)."""
    specs = [_spec(b) for b in blocks]
    source_text = "\n\n".join(text for _, text, _ in specs) + "\n"
    build = DocumentBuilder(decode(source_text.encode("utf-8"), path, format_for(path, None)))
    offset = 0
    for kind, text, attrs in specs:
        build.add(text, range(offset, offset + len(text)))
        build.end_block(kind, **attrs)
        offset += len(text) + 2
    return build.build()


def check_type(name: str) -> CheckType:
    """A shipped check type by its registered name (``doubled-word``, ``paragraph-length`` …)."""
    return Registry.default().check_types[name]


def run(check: CheckType | str, doc: Document, options: Mapping[str, Any] | None = None,
        **kwargs: Any) -> list[Result]:
    """:func:`editlint.engine.run_check` with the check given by object or name."""
    ctype = check_type(check) if isinstance(check, str) else check
    return run_check(ctype, doc, options, **kwargs)


def hits(check: CheckType | str, doc: Document, options: Mapping[str, Any] | None = None,
         **kwargs: Any) -> list[Hit]:
    """Only the hits of one check on ``doc`` (document offsets), in the order the check gave them."""
    return [r for r in run(check, doc, options, **kwargs) if isinstance(r, Hit)]


def flagged(doc: Document, found: Sequence[Hit]) -> list[str]:
    """The document text each hit covers: what a test usually asserts."""
    return [doc.text[h.start:h.end] for h in found]


_PACKAGE = str(Path(editlint.__file__).resolve().parent)


def work(run: Callable[[], Any], *also: str) -> int:
    """Python lines executed while ``run`` runs in editlint's own files and in the files whose paths start
    with one of ``also`` (say a standard-library parser editlint drives): a measure of algorithmic work that
    does not depend on the machine or its load, so a test can compare two input sizes without timing."""
    roots = (_PACKAGE, *also)
    count = 0

    def local(frame: FrameType, event: str, arg: Any) -> Any:
        nonlocal count
        if event == "line":
            count += 1
        return local

    def tracer(frame: FrameType, event: str, arg: Any) -> Any:
        return local if frame.f_code.co_filename.startswith(roots) else None

    previous = sys.gettrace()
    sys.settrace(tracer)
    try:
        run()
    finally:
        sys.settrace(previous)
    return count


#: What one fresh interpreter did, step by step (see tests/fresh_probe.py): a step's ``value``, ``stdout``,
#: ``error`` (absent when it ran), ``sockets`` it tried to make and ``modules`` loaded so far; ``cli`` and
#: ``exit`` hold what the CLI registered for exit and what happened there.
FreshFacts = dict[str, dict[str, Any]]


@functools.cache
def fresh_process() -> FreshFacts:
    """Run tests/fresh_probe.py once per session (the cold-start tests share its one interpreter start):
    no EDITLINT_JOBS, so the CLI chooses its own job count as a user's run does; no run cache, so every
    step really lints. Run as ``python -c`` from the repository's root, so ``import editlint`` finds the
    package of this checkout first."""
    env = {k: v for k, v in os.environ.items() if k != "EDITLINT_JOBS"}
    env["EDITLINT_NO_CACHE"] = "1"
    probe = Path(__file__).with_name("fresh_probe.py").read_text(encoding="utf-8")
    proc = subprocess.run([sys.executable, "-c", probe, str(SAMPLES / "first-finger-foods.txt")],
                          capture_output=True, text=True, timeout=300, cwd=SAMPLES.parent, env=env)
    assert proc.returncode == 0, proc.stderr
    lines = dict(line.split(" ", 1) for line in proc.stdout.splitlines()
                 if line.startswith(("FACTS ", "EXIT ")))
    facts: FreshFacts = json.loads(lines["FACTS"])
    facts["exit"] = json.loads(lines["EXIT"])
    return facts


#: Processes started when collection ended (see conftest's ``early`` marker), by their command and folder.
_EARLY: dict[tuple[tuple[str, ...], str], tuple[subprocess.Popen[str], Any, Any]] = {}


def start_early(argv: Sequence[str], cwd: Path | str) -> None:
    """Start ``argv`` in ``cwd`` now, to run beside the session's other tests (a tool that takes minutes
    on one core, such as a cold mypy run, while pytest runs on the other); :func:`early_result` waits
    for it. The environment is the session's at this moment; output goes to files (no pipe fills up)."""
    key = (tuple(argv), str(cwd))
    if key not in _EARLY:
        out, err = tempfile.TemporaryFile("w+"), tempfile.TemporaryFile("w+")
        proc = subprocess.Popen(list(argv), cwd=cwd, stdout=out, stderr=err, text=True,
                                env=dict(os.environ))
        _EARLY[key] = (proc, out, err)


def early_result(argv: Sequence[str], cwd: Path | str, timeout: float) -> subprocess.CompletedProcess[str]:
    """What the process :func:`start_early` began for ``argv`` did (started now if it was not)."""
    start_early(argv, cwd)
    proc, out, err = _EARLY.pop((tuple(argv), str(cwd)))
    try:
        code = proc.wait(timeout=timeout)
        texts = []
        for stream in (out, err):
            stream.seek(0)
            texts.append(stream.read())
    finally:
        _end(proc, out, err)  # a timeout must not leave it running
    return subprocess.CompletedProcess(list(argv), code, texts[0], texts[1])


def _end(proc: subprocess.Popen[str], out: Any, err: Any) -> None:
    if proc.poll() is None:
        proc.kill()
        proc.wait()
    out.close()
    err.close()


def stop_early() -> None:
    """End what was started early and never waited for (its test did not run: ``-x``, an interrupt)."""
    while _EARLY:
        _end(*_EARLY.popitem()[1])


def top_level(modules: Sequence[str]) -> set[str]:
    """The top-level packages among module names (``spacy.cli`` -> ``spacy``)."""
    return {m.split(".")[0] for m in modules}
