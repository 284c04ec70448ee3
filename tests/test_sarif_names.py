"""SARIF artifact URIs are valid percent-encoded URIs (RFC 3986) that name their file, whatever the name:
bytes that are not UTF-8 (surrogate-escaped by Python), spaces, ``#``, ``%``, ``?``, non-ASCII letters
(issue 14). A decoded URI gives back the file name's exact bytes."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from urllib.parse import unquote_to_bytes, urlsplit

import pytest

from editlint import Linter
from editlint.reporters import render
from editlint.reporters._common import artifact_uri

#: RFC 3986 URI-reference characters: unreserved, sub-delims, ":", "@", "/", "?" and pct-encoded octets.
URI_REF = re.compile(r"(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9A-F]{2})*")
ARTICLE = "# Night waking\n\nMost toddlers wake wake once a night.\n"

NAMES = [
    os.fsdecode(b"caf\xe9 latin1.md"),  # Latin-1 bytes: not UTF-8
    os.fsdecode(b"\xff\xfe odd.md"),
    "spaces in name.md",
    "issue #12 100% done.md",
    "what? & why;.md",
    "crèche guide.md",
]


def _bytes_of(uri: str) -> bytes:
    assert URI_REF.fullmatch(uri), uri
    return unquote_to_bytes(urlsplit(uri).path)


@pytest.mark.parametrize("name", NAMES)
def test_relative_uri_is_the_names_bytes(name: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)
    uri, relative = artifact_uri(f"docs/{name}")
    assert relative
    assert urlsplit(uri).fragment == "" and urlsplit(uri).query == ""  # '#', '?' are encoded, not syntax
    assert _bytes_of(uri) == b"docs/" + os.fsencode(name)


@pytest.mark.parametrize("name", NAMES)
def test_absolute_uri_outside_the_folder(name: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    (tmp_path / "here").mkdir()
    monkeypatch.chdir(tmp_path / "here")
    outside = tmp_path / "there" / name
    uri, relative = artifact_uri(str(outside))
    assert not relative and uri.startswith("file:///")
    assert _bytes_of(uri) == os.fsencode(outside.resolve())


def test_sarif_report_names_each_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    site = tmp_path / "site"
    site.mkdir()
    for name in NAMES:
        try:
            (site / name).write_text(ARTICLE)
        except (OSError, UnicodeEncodeError):  # a file system that refuses raw bytes in names
            pytest.skip("this file system cannot hold non-UTF-8 names")
    monkeypatch.chdir(tmp_path)
    report = Linter({"select": ["EL105"]}).lint_paths(["site"])
    sarif = json.loads(render("sarif", report))
    results = sarif["runs"][0]["results"]
    locations = [r["locations"][0]["physicalLocation"]["artifactLocation"] for r in results]
    assert {loc["uriBaseId"] for loc in locations} == {"%SRCROOT%"}
    assert sorted(_bytes_of(loc["uri"]) for loc in locations) == sorted(
        b"site/" + os.fsencode(n) for n in NAMES)  # one finding per file, each URI its file's bytes
