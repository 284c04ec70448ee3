"""Compiled regular expressions kept between runs (editlint.regexcache): a pattern rebuilt from the kept
code is the pattern ``re`` compiles (flags, groups, names, matches); damaged code is compiled afresh; the
store is bounded; the command line installs it, a caller of ``main(argv)`` keeps its own ``re``."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from editlint import datacache, regexcache

pytestmark = pytest.mark.skipif(not regexcache.supported(), reason="another re layout: re is left alone")

PATTERNS: list[tuple[str | bytes, int]] = [
    (r"\b(?:tomato|potato)e?s\b", re.IGNORECASE),
    (r"(?P<month>\d{1,2})/(?P<day>\d{1,2})(?:/(?P<year>\d{4}))?", 0),
    (r"(?<=\$)\d+(?:\.\d\d)?(?!\d)", 0),
    (r"""
        (?P<key>[a-z_]+)   # a key
        \s*=\s*
        (?P<value>"[^"]*"|\d+)
     """, re.VERBOSE),
    (r"^\s*[-*+]\s+(.*)$", re.MULTILINE),
    (r"(a)?b(?(1)c|d)", 0),
    (r"[^\W\d_]+(?:['’][^\W\d_]+)*", 0),
    (r"caf[eé]|na[iï]ve", re.IGNORECASE | re.UNICODE),
    (rb"\x00\xff+[a-f]{2,}", 0),
    (r"(.)\1{2,}", re.DOTALL),
]
TEXTS = ["Tomatoes and POTATO grow", "12/31/2024 and 1/2", "costs $15.50 or $7", 'name = "fig"\nrows = 12',
         "- one\n* two\n+ three", "abc bd ac", "don’t café NAÏVE", "aaa bbbb ..."]


@pytest.fixture
def fresh(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv(datacache.ENV, str(tmp_path / "data"))
    regexcache.uninstall()
    yield tmp_path / "data"
    regexcache.uninstall()


def _compile(pattern: str | bytes, flags: int) -> Any:
    """Through ``re``'s compiler (patched or not), past ``re.compile``'s own in-process cache."""
    from re import _compiler  # type: ignore[attr-defined]

    return _compiler.compile(pattern, flags)


def _same(a: Any, b: Any, texts: list[str]) -> None:
    assert (a.pattern, a.flags, a.groups) == (b.pattern, b.flags, b.groups)
    assert dict(a.groupindex) == dict(b.groupindex)
    for text in texts:
        subject: Any = text.encode("latin-1", "replace") if isinstance(a.pattern, bytes) else text
        assert [m.span() + m.groups() for m in a.finditer(subject)] == \
            [m.span() + m.groups() for m in b.finditer(subject)]


def test_patterns_read_back_are_the_patterns_re_compiles(fresh: Path) -> None:
    own = [_compile(p, f) for p, f in PATTERNS]  # re's own compiler: not installed yet
    assert regexcache.install()
    first = [_compile(p, f) for p, f in PATTERNS]  # compiled and kept
    regexcache.uninstall()  # written
    assert list((fresh / "regex").glob("*.bin"))
    assert regexcache.install()
    assert all(key in regexcache._state["known"] for key in PATTERNS)
    again = [_compile(p, f) for p, f in PATTERNS]  # from the store
    assert regexcache._state["new"] == 0
    for a, b, c in zip(own, first, again, strict=True):
        _same(a, b, TEXTS)
        _same(a, c, TEXTS)


@settings(max_examples=40, deadline=None)
@given(words=st.lists(st.text(alphabet="abcdeé'-. ", min_size=1, max_size=8), min_size=1, max_size=6),
       ignore_case=st.booleans(), text=st.text(alphabet="abcdeé'-. ABC", max_size=40))
def test_generated_alternations_read_back_alike(words: list[str], ignore_case: bool, text: str) -> None:
    pattern = r"\b(?:" + "|".join(re.escape(w) for w in words) + r")(?P<tail>s?)\b"
    flags = re.IGNORECASE if ignore_case else 0
    sre, compiler, _ = regexcache._modules()
    own = compiler.compile(pattern, flags) if not regexcache.installed() else re.compile(pattern, flags)
    _same(own, sre.compile(pattern, *regexcache._compile_args(pattern, flags)), [text])


def test_damaged_code_is_compiled_afresh(fresh: Path) -> None:
    assert regexcache.install()
    key = (r"(?P<n>\d+) weeks", 0)
    regexcache._state["known"][key] = (32, [1, 2, 3], 0, {"n": 1}, (None, "n"))  # not valid SRE code
    compiled = _compile(*key)
    assert compiled.match("12 weeks").group("n") == "12"
    assert regexcache._state["known"][key][1] != [1, 2, 3]  # replaced by the real code


def test_the_store_keeps_what_the_run_used_first(fresh: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(regexcache, "MAX_PATTERNS", 3)
    assert regexcache.install()
    for n in range(5):
        _compile(f"old{n}", 0)
    regexcache.uninstall()
    assert regexcache.install()
    assert len(regexcache._state["known"]) == 3
    _compile("fresh0", 0)
    _compile("fresh1", 0)
    regexcache.uninstall()
    assert regexcache.install()
    kept = {p for p, _ in regexcache._state["known"]}
    assert len(kept) == 3 and {"fresh0", "fresh1"} <= kept


def test_turned_off_re_is_left_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    regexcache.uninstall()
    monkeypatch.setenv(datacache.ENV, "off")
    from re import _compiler  # type: ignore[attr-defined]

    before = _compiler.compile
    assert not regexcache.install() and not regexcache.installed()
    assert _compiler.compile is before


def test_main_with_arguments_does_not_install_it(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    regexcache.uninstall()
    monkeypatch.setenv(datacache.ENV, str(tmp_path))
    from editlint.cli import main

    with pytest.raises(SystemExit):
        main(["--version"])
    assert not regexcache.installed()


def test_the_command_line_keeps_its_patterns_at_exit(tmp_path: Path) -> None:
    env = {**os.environ, datacache.ENV: str(tmp_path)}
    done = subprocess.run([sys.executable, "-m", "editlint", "--version"], env=env, capture_output=True,
                          text=True, check=False)
    assert done.returncode == 0, done.stderr
    (store,) = (tmp_path / "regex").glob("*.bin")
    assert store.stat().st_size > 100  # argparse's patterns at least, written at exit


def test_a_long_lived_process_keeps_a_bounded_number(fresh: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(regexcache, "MAX_PATTERNS", 2)
    assert regexcache.install()
    compiled = [_compile(f"seedling{n}", 0) for n in range(10)]
    assert len(regexcache._state["known"]) == 4  # twice what the store keeps; the rest compiled by re
    assert all(c.match(f"seedling{n}") for n, c in enumerate(compiled))
