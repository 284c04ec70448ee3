"""Per-rule fixture articles with inline expectations, and reviewed snapshots of the text reporter.

Every rule in the registry has fixtures under ``tests/fixtures/rules/<CODE>/`` in each format it supports
(Markdown, HTML, plain text). A Markdown or HTML line that must fire ends with an HTML comment, which the
readers drop, so the rule never sees it: ``<!-- expect: EL105 -->``, or with the exact text the finding
must span, ``<!-- expect: EL105 "the the" -->``; several codes are separated by commas. Plain text has no
comments, so ``<name>.txt.expect`` lists ``line: CODE`` (optionally with the quoted span). Each fixture
is linted with only its rule selected (plus a partner where the rule needs one) and the set of
(line, code) must match the markers in both directions: every marker fires, nothing fires elsewhere.

``<name>.snap`` keeps the rendered text report of each fixture as a reviewed expectation. Rewrite them
with ``python tests/test_rule_fixtures.py --update`` (or EDITLINT_UPDATE_SNAPSHOTS=1) and read the diff.
Fixtures that a rule gets wrong today are listed, with a reason, in ``tests/fixtures/rules/xfail.toml``.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib

HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:  # run as a script (--update) as well as under pytest
    sys.path.insert(0, str(HERE))

from lt_server import FakeLanguageTool  # noqa: E402

from editlint import FileReport, Linter, Registry  # noqa: E402
from editlint import languagetool as lt  # noqa: E402
from editlint.findings import RunReport  # noqa: E402
from editlint.reporters import text as text_reporter  # noqa: E402

FIXTURES = HERE / "fixtures" / "rules"
XFAIL_MANIFEST = FIXTURES / "xfail.toml"
EXTENSIONS = {".md": "markdown", ".html": "html", ".txt": "text"}
ALL_FORMATS = frozenset(EXTENSIONS.values())

#: Formats a rule does not apply to: heading-outline rules need real headings, which plain text lacks;
#: a glued '##Sleep' is a Markdown (and plain-text) problem, in HTML it is ordinary paragraph text.
NOT_APPLICABLE: dict[str, frozenset[str]] = {
    "EL603": frozenset({"text"}), "EL604": frozenset({"text"}), "EL605": frozenset({"text"}),
    "EL609": frozenset({"html"}),
}
#: Rules judged together with a partner: EL203 leaves sentences that EL202 reports to it.
PARTNERS: dict[str, tuple[str, ...]] = {"EL203": ("EL202",)}
#: Rules that need a LanguageTool server: run against the fake one in tests/lt_server.py.
LANGUAGETOOL = frozenset({"EL502", "EL503", "EL504"})

_MARKER = re.compile(r"<!--\s*expect:\s*(.*?)\s*-->")
_ITEM = re.compile(r'(EL\d{3})(?:\s+"((?:[^"\\]|\\.)*)")?')
_SIDECAR = re.compile(r"^\s*(\d+)\s*:\s*(.+?)\s*$")


@dataclass(frozen=True)
class Expected:
    """One marker: a code on a line, and optionally the exact text its finding must span."""

    line: int
    code: str
    span: str | None = None


def parse_items(text: str, line: int, where: str) -> list[Expected]:
    """``EL105, EL501 "teh"`` → expectations; anything else in a marker is an error, not a silent skip."""
    out: list[Expected] = []
    for part in _split_items(text):
        m = _ITEM.fullmatch(part)
        if m is None:
            raise ValueError(f"{where}:{line}: bad expectation {part!r}")
        out.append(Expected(line, m.group(1), m.group(2)))
    return out


def _split_items(text: str) -> list[str]:
    """Split on commas outside quotes."""
    parts, cur, quoted = [], "", False
    for ch in text:
        if ch == '"':
            quoted = not quoted
        if ch == "," and not quoted:
            parts.append(cur.strip())
            cur = ""
        else:
            cur += ch
    parts.append(cur.strip())
    return [p for p in parts if p]


def expectations(path: Path) -> list[Expected]:
    """Inline comment markers (Markdown, HTML) or the ``.expect`` sidecar (plain text)."""
    if path.suffix == ".txt":
        sidecar = path.with_name(path.name + ".expect")
        out: list[Expected] = []
        for raw in sidecar.read_text(encoding="utf-8").splitlines():
            if not raw.strip() or raw.lstrip().startswith("#"):
                continue
            m = _SIDECAR.match(raw)
            if m is None:
                raise ValueError(f"{sidecar}: bad line {raw!r}")
            out += parse_items(m.group(2), int(m.group(1)), str(sidecar))
        return out
    out = []
    for n, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        for m in _MARKER.finditer(raw):
            out += parse_items(m.group(1), n, str(path))
    return out


def rule_codes() -> list[str]:
    return sorted(Registry.default().rules)


def fixture_files() -> list[Path]:
    return sorted(p for p in FIXTURES.glob("EL*/*") if p.suffix in EXTENSIONS)


def load_xfails() -> dict[str, str]:
    if not XFAIL_MANIFEST.exists():
        return {}
    data = tomllib.loads(XFAIL_MANIFEST.read_text(encoding="utf-8"))
    return {str(e["path"]): str(e["reason"]) for e in data.get("xfail", [])}


def rel(path: Path) -> str:
    return path.relative_to(FIXTURES).as_posix()


def selection(code: str) -> tuple[str, ...]:
    return (code, *PARTNERS.get(code, ()))


class Runner:
    """One Linter per rule selection, reused across fixtures; a fake LanguageTool when a rule needs it."""

    def __init__(self) -> None:
        self._linters: dict[tuple[str, ...], Linter] = {}
        self._lt: FakeLanguageTool | None = None
        self._reports: dict[Path, FileReport] = {}
        lt.clear_cache()  # answers cached by another module's server must not stand in for this one's

    def linter(self, code: str) -> Linter:
        select = selection(code)
        if select not in self._linters:
            cfg: dict[str, Any] = {"select": list(select)}
            if code in LANGUAGETOOL:
                if self._lt is None:
                    self._lt = FakeLanguageTool().start()
                cfg["grammar"] = {"backend": "server", "url": self._lt.url, "timeout": 5}
            self._linters[select] = Linter(cfg)
        return self._linters[select]

    def lint(self, path: Path) -> FileReport:
        """The fixture's report, linted once for both the marker and the snapshot test."""
        if path not in self._reports:
            code = path.parent.name
            report = self.linter(code).lint_text(path.read_text(encoding="utf-8"), path=rel(path))
            assert report.error is None, report.error
            self._reports[path] = report
        return self._reports[path]

    def close(self) -> None:
        if self._lt is not None:
            self._lt.stop()
            self._lt = None
        lt.clear_cache()


def render(report: FileReport) -> str:
    return text_reporter.render(RunReport(files=[report]))


def span_text(path: Path, line: int, column: int, end_line: int, end_column: int) -> str | None:
    """The source text a finding covers when it stays on one line (columns are 1-based, end exclusive)."""
    if line != end_line:
        return None
    lines = path.read_text(encoding="utf-8").splitlines()
    return lines[line - 1][column - 1:end_column - 1]


def compare(path: Path, report: FileReport) -> list[str]:
    """Problems, both ways: markers that did not fire, findings on unmarked lines, wrong spans."""
    code = path.parent.name
    want = expectations(path)
    got = [f for f in report.findings if f.rule == code]
    problems = [f"missing {e.code} at line {e.line}" for e in want
                if not any(f.line == e.line and f.rule == e.code for f in got)]
    problems += [f"unexpected {f.rule} at {f.line}:{f.column}: {f.message}" for f in got
                 if not any(f.line == e.line and f.rule == e.code for e in want)]
    for e in want:
        if e.span is None:
            continue
        spans = [span_text(path, f.line, f.column, f.end_line, f.end_column)
                 for f in got if f.line == e.line and f.rule == e.code]
        if spans and e.span not in spans:
            problems.append(f"{e.code} at line {e.line} spans {spans}, expected {e.span!r}")
    return problems


@pytest.fixture(scope="module")
def runner() -> Iterator[Runner]:
    r = Runner()
    yield r
    r.close()


def _xfail(request: pytest.FixtureRequest, path: Path) -> bool:
    reason = load_xfails().get(rel(path))
    if reason:
        request.applymarker(pytest.mark.xfail(reason=reason, strict=True))
    return bool(reason)


# -- the fixtures ----------------------------------------------------------------------------------
@pytest.mark.parametrize("path", fixture_files(), ids=rel)
def test_fixture_expectations(path: Path, runner: Runner, request: pytest.FixtureRequest) -> None:
    _xfail(request, path)
    problems = compare(path, runner.lint(path))
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("path", fixture_files(), ids=rel)
def test_fixture_snapshot(path: Path, runner: Runner) -> None:
    snap = path.with_suffix(path.suffix + ".snap")
    if rel(path) in load_xfails():
        assert not snap.exists(), f"{rel(snap)}: a failing fixture has no reviewed snapshot"
        pytest.skip("listed in xfail.toml: its output is not a reviewed expectation yet")
    rendered = render(runner.lint(path))
    if os.environ.get("EDITLINT_UPDATE_SNAPSHOTS") == "1":
        snap.write_text(rendered, encoding="utf-8")
    assert snap.exists(), f"no snapshot {rel(snap)}: run python tests/test_rule_fixtures.py --update"
    assert rendered == snap.read_text(encoding="utf-8")


# -- the harness itself -----------------------------------------------------------------------------
def test_every_rule_has_a_fixture_in_each_format_it_supports() -> None:
    have = {(p.parent.name, EXTENSIONS[p.suffix]) for p in fixture_files()}
    missing = [f"{code} {fmt}" for code in rule_codes()
               for fmt in sorted(ALL_FORMATS - NOT_APPLICABLE.get(code, frozenset()))
               if (code, fmt) not in have]
    assert not missing, missing


def test_every_rule_has_a_firing_fixture_and_a_near_miss() -> None:
    """A near miss is an unmarked prose line, or (for rules that judge a whole article) a clean article."""
    fires = {p.parent.name for p in fixture_files() if expectations(p)}
    assert set(rule_codes()) <= fires
    clean = {p.parent.name for p in fixture_files() if not expectations(p)}
    for p in fixture_files():
        marked = {e.line for e in expectations(p)}
        prose = [n for n, s in enumerate(p.read_text(encoding="utf-8").splitlines(), 1) if len(s.split()) > 3]
        assert set(prose) - marked or p.parent.name in clean, f"{rel(p)} has no near miss"


def test_fixture_folders_and_manifest_name_real_things() -> None:
    codes = set(rule_codes())
    assert {p.name for p in FIXTURES.glob("EL*") if p.is_dir()} <= codes
    files = {rel(p) for p in fixture_files()}
    assert set(load_xfails()) <= files
    for p in fixture_files():
        if p.suffix == ".txt":
            assert p.with_name(p.name + ".expect").exists(), f"{rel(p)} needs a .expect sidecar"
        assert all(e.code == p.parent.name for e in expectations(p)), f"{rel(p)} marks another rule"
    assert all(s.with_suffix("").exists() for s in FIXTURES.glob("EL*/*.snap")), "orphan snapshot"


def test_markers_are_parsed_strictly(tmp_path: Path) -> None:
    doc = tmp_path / "a.md"
    doc.write_text('one <!-- expect: EL105 "the, the", EL501 -->\ntwo\n<!-- expect: EL1 -->\n')
    with pytest.raises(ValueError, match="bad expectation"):
        expectations(doc)
    doc.write_text('one <!-- expect: EL105 "the, the", EL501 -->\n')
    assert expectations(doc) == [Expected(1, "EL105", "the, the"), Expected(1, "EL501")]
    side = tmp_path / "b.txt"
    side.write_text("x\n")
    (tmp_path / "b.txt.expect").write_text("# comment\n\n1: EL602\n")
    assert expectations(side) == [Expected(1, "EL602")]


def test_compare_fails_both_ways_and_on_a_wrong_span(tmp_path: Path) -> None:
    """The harness itself can fail: a marker that does not fire, a finding on an unmarked line, a bad span."""
    folder = tmp_path / "EL105"
    folder.mkdir()
    doc = folder / "x.md"
    doc.write_text('Rub the the gums. <!-- expect: EL105 "the gums" -->\n'
                   'A quiet line. <!-- expect: EL105 -->\n'
                   "Wipe the the chin.\n")
    report = Linter({"select": ["EL105"]}).lint_text(doc.read_text(), path="x.md")
    assert sorted(compare(doc, report)) == [
        "EL105 at line 1 spans ['the the'], expected 'the gums'",
        "missing EL105 at line 2",
        "unexpected EL105 at 3:6: " + report.findings[-1].message,
    ]


def _update(only: list[str]) -> int:
    """Rewrite the given codes' snapshots of passing fixtures; print the fixtures whose markers disagree."""
    r = Runner()
    xfails = load_xfails()
    bad = 0
    try:
        for path in fixture_files():
            if only and path.parent.name not in only:
                continue
            report = r.lint(path)
            problems = compare(path, report)
            if problems:
                bad += 1
                print(f"{rel(path)}{' (xfail)' if rel(path) in xfails else ''}:\n  " + "\n  ".join(problems))
            if not problems and rel(path) not in xfails:  # a failing fixture keeps its reviewed snapshot
                path.with_suffix(path.suffix + ".snap").write_text(render(report), encoding="utf-8")
    finally:
        r.close()
    return 1 if bad else 0


if __name__ == "__main__":
    if sys.argv[1:2] != ["--update"]:
        sys.exit("usage: python tests/test_rule_fixtures.py --update [CODE ...]")
    sys.exit(_update(sys.argv[2:]))
