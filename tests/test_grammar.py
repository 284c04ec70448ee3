"""LanguageTool backend (EL502–EL504), tested against the fake protocol server in tests/lt_server.py.

The real LanguageTool server is a Java application no registry ships, so these tests run the client
against a local stand-in that answers like LanguageTool's documented HTTP API. The test marked
``languagetool`` runs only when EDITLINT_LANGUAGETOOL_URL names a real server.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import SAMPLES
from helpers import FreshFacts
from hypothesis import given, settings
from hypothesis import strategies as st
from lt_server import FakeLanguageTool

from editlint import ConfigError, FileReport, Linter, Registry
from editlint import languagetool as lt

PY = sys.executable


@pytest.fixture(autouse=True)
def _fresh_cache() -> Iterator[None]:
    lt.clear_cache()
    yield
    lt.clear_cache()


@pytest.fixture
def fake() -> Iterator[FakeLanguageTool]:
    server = FakeLanguageTool().start()
    yield server
    server.stop()


def grammar(url: str, **extra: Any) -> dict[str, Any]:
    return {"backend": "server", "url": url, "timeout": 3, **extra}


def run(text: str, fmt: str = "markdown", select: list[str] | None = None, **config: Any) -> FileReport:
    ext = {"markdown": "md", "html": "html", "text": "txt"}[fmt]
    cfg: dict[str, Any] = {"select": select or ["EL502", "EL503", "EL504"], **config}
    return Linter(cfg).lint_text(text, path=f"snippet.{ext}")


def found(report: FileReport) -> list[tuple[str, int, int, int, str]]:
    return [(f.rule, f.line, f.column, f.end_column, f.data["languagetool_rule"]) for f in report.findings]


# -- positions in every format ----------------------------------------------------------------------
@pytest.mark.parametrize("fmt,text,line,col", [
    ("markdown", "---\ntitle: Fruit\n---\n# Fruit\n\nOffer *your* baby a apple slice.\n", 6, 19),
    ("html", "<h1>Fruit</h1>\n<p>Offer <em>your</em> baby a apple slice.</p>\n", 2, 29),
    ("text", "Fruit\n\nOffer your baby a apple slice.\n", 3, 17),
])
def test_grammar_match_at_exact_position(fake: FakeLanguageTool, fmt: str, text: str, line: int,
                                         col: int) -> None:
    report = run(text, fmt, grammar=grammar(fake.url))
    assert report.error is None and report.diagnostics == []
    assert found(report) == [("EL502", line, col, col + 1, "EN_A_VS_AN")]
    f = report.findings[0]
    assert "[LanguageTool EN_A_VS_AN]" in f.message and f.suggestion == "an"
    assert f.data["category"] == "MISC" and f.data["replacements"] == ["an"]


def test_families_by_category_and_speller_matches_dropped(fake: FakeLanguageTool) -> None:
    text = ("Their is a apple here. A mattress is absolutely essential , "
            "they say. we recieve it.\n")
    report = run(text, grammar=grammar(fake.url))
    got = sorted((r, c, rid) for r, _, c, _, rid in found(report))
    assert got == [("EL502", 1, "THERE_THEIR"), ("EL502", 10, "EN_A_VS_AN"),
                   ("EL503", 38, "ABSOLUTELY_ESSENTIAL"), ("EL504", 58, "COMMA_PARENTHESIS_WHITESPACE"),
                   ("EL504", 71, "UPPERCASE_SENTENCE_START")]
    # MORFOLOGIK_RULE_EN_US (TYPOS/misspelling) is left to the offline speller EL501
    assert not any(f.data["languagetool_rule"].startswith("MORFOLOGIK") for f in report.findings)
    sev = {f.rule: f.severity.value for f in report.findings}
    assert sev == {"EL502": "warning", "EL503": "info", "EL504": "info"}


def test_emoji_offsets_are_utf16_units(fake: FakeLanguageTool) -> None:
    # 👶 and 🍼 are outside the BMP (2 UTF-16 units each); the family emoji is a ZWJ sequence of 5 chars.
    text = "Baby 👶 and 🍼 and 👨‍👩‍👧 love a apple.\n"
    report = run(text, "text", grammar=grammar(fake.url))
    col = text.index("a apple") + 1
    assert found(report) == [("EL502", 1, col, col + 1, "EN_A_VS_AN")]
    # the server did count the emoji as two units each
    sent = fake.requests[0]["text"]
    assert sent.index("a apple") != len(sent[: sent.index("a apple")].encode("utf-16-le")) // 2


def test_crlf_and_unicode_text(fake: FakeLanguageTool) -> None:
    text = "Caf\u00e9 na\u00efve title\r\n\r\nThe cr\u00e8che gave a apple , happily.\r\n"
    report = run(text, "text", grammar=grammar(fake.url))
    assert [(r, ln, c) for r, ln, c, _, _ in found(report)] == [("EL502", 3, 17), ("EL504", 3, 24)]


def test_overlapping_matches_are_both_reported(fake: FakeLanguageTool) -> None:
    report = run("Give a a apple.\n", "text", grammar=grammar(fake.url))
    got = sorted((c, ec, rid) for _, _, c, ec, rid in found(report))
    assert got == [(6, 9, "ENGLISH_WORD_REPEAT_RULE"), (8, 9, "EN_A_VS_AN")]


def test_only_prose_blocks_are_sent(fake: FakeLanguageTool) -> None:
    text = textwrap.dedent("""\
        # A apple heading

        | Food | Note |
        | --- | --- |
        | a apple | a egg |

        ```
        a apple in code
        ```

        - a apple in a list item

        > a apple in a quote

        A paragraph with `a apple` in code and a apple outside.
        """)
    report = run(text, grammar=grammar(fake.url))
    sent = "\n".join(r["text"] for r in fake.requests)
    assert "heading" not in sent and "in code\n" not in sent and "a egg" not in sent
    assert "list item" in sent and "quote" in sent
    lines = sorted(f.line for f in report.findings)
    assert lines == [11, 13, 15]
    para = [f for f in report.findings if f.line == 15]
    assert len(para) == 1 and para[0].column == text.splitlines()[14].index("a apple outside") + 1


def test_requests_are_chunked_at_block_boundaries(fake: FakeLanguageTool) -> None:
    para = "Babies nap often and grow fast. " * 30  # about 960 characters
    blocks = [f"{para}Paragraph {i} has a apple." for i in range(40)]
    report = run("\n\n".join(blocks) + "\n", "text", grammar=grammar(fake.url))
    assert len(fake.requests) >= 2
    assert all(len(r["text"]) <= 20_000 for r in fake.requests)
    assert len(report.findings) == 40
    assert [f.line for f in report.findings] == [1 + 2 * i for i in range(40)]
    joined = "\n\n".join(r["text"] for r in fake.requests)
    assert joined.count("Paragraph") == 40  # no block sent twice or cut


def test_one_long_block_is_split_and_positions_survive(fake: FakeLanguageTool) -> None:
    text = "Babies nap often and grow fast. " * 800 + "Then give a apple.\n"  # ~25 600 characters
    report = run(text, "text", grammar=grammar(fake.url))
    assert len(fake.requests) == 2 and all(len(r["text"]) <= 20_000 for r in fake.requests)
    assert [(f.line, f.column) for f in report.findings] == [(1, text.index("a apple") + 1)]


def test_results_are_cached_by_block_content(fake: FakeLanguageTool) -> None:
    cfg = grammar(fake.url)
    linter = Linter({"select": ["EL502"], "grammar": cfg})
    first = linter.lint_text("One a apple.\n\nTwo a egg.\n", path="a.md")
    assert len(fake.requests) == 1
    again = linter.lint_text("One a apple.\n\nTwo a egg.\n", path="b.md")
    assert len(fake.requests) == 1 and found(again) == found(first)
    linter.lint_text("One a apple.\n\nThree a owl.\n", path="c.md")
    assert len(fake.requests) == 2 and fake.requests[-1]["text"] == "Three a owl."


def test_disabled_rules_and_categories_are_sent_and_honoured(fake: FakeLanguageTool) -> None:
    cfg = grammar(fake.url, **{"disabled-rules": ["EN_A_VS_AN"], "disabled-categories": ["CASING"]})
    report = run("Give a apple. then a a pear , now.\n", grammar=cfg)
    assert fake.requests[0]["disabledRules"] == "EN_A_VS_AN"
    assert fake.requests[0]["disabledCategories"] == "CASING"
    assert {rid for *_, rid in found(report)} == {"ENGLISH_WORD_REPEAT_RULE", "COMMA_PARENTHESIS_WHITESPACE"}


def test_disabled_rules_honoured_even_if_the_server_ignores_them(fake: FakeLanguageTool) -> None:
    fake.extra_matches = [FakeLanguageTool.match("Give a pear.", 5, 11, "SOME_RULE", "STYLE", "Style",
                                                 "style", "Odd.", [])]
    report = run("Give a pear.\n", "text", grammar=grammar(fake.url, **{"disabled-rules": ["SOME_RULE"]}))
    assert report.findings == []
    lt.clear_cache()
    report = run("Give a pear.\n", "text", grammar=grammar(fake.url))
    assert found(report) == [("EL503", 1, 6, 12, "SOME_RULE")]


def test_malformed_and_unknown_category_matches(fake: FakeLanguageTool) -> None:
    good = FakeLanguageTool.match("Give a pear.", 0, 4, "NEW_RULE", "BRAND_NEW", "New", "typographical",
                                  "Hm.", [])
    fake.extra_matches = [{"offset": "x"}, {"message": "no offset"}, good]
    report = run("Give a pear.\n", "text", grammar=grammar(fake.url))
    assert found(report) == [("EL504", 1, 1, 5, "NEW_RULE")]  # unknown category: by issueType


# -- when LanguageTool is not there -------------------------------------------------------------------
def test_stopped_server_gives_one_diagnostic_and_other_findings_are_unchanged(fake: FakeLanguageTool) -> None:
    text = "# Sleep\n\nMost babies definately like a apple.\n"
    select = ["EL502", "EL503", "EL504", "EL501"]
    up = run(text, select=select, grammar=grammar(fake.url))
    assert sorted(f.rule for f in up.findings) == ["EL501", "EL502"]
    url = fake.url
    fake.stop()
    lt.clear_cache()
    down = run(text, select=select, grammar=grammar(url))
    assert down.error is None
    assert len(down.diagnostics) == 1
    assert down.diagnostics[0].startswith(f"grammar checks skipped: LanguageTool at {url} not reachable: ")
    assert [(f.rule, f.line, f.column) for f in down.findings] == \
        [(f.rule, f.line, f.column) for f in up.findings if f.rule == "EL501"]


def test_skip_policy_is_silent_and_fail_policy_is_an_error(fake: FakeLanguageTool) -> None:
    url = fake.url
    fake.stop()
    quiet = run("Give a apple.\n", grammar=grammar(url, **{"on-unavailable": "skip"}))
    assert quiet.diagnostics == [] and quiet.error is None and quiet.findings == []
    lt.clear_cache()
    failed = run("Give a apple.\n", grammar=grammar(url, **{"on-unavailable": "fail"}))
    assert failed.error is not None and failed.error.startswith("grammar checks skipped: LanguageTool at")


def test_timeout_is_clean_and_quick(fake: FakeLanguageTool) -> None:
    fake.delay = 3
    t0 = time.monotonic()
    report = run("Give a apple.\n", grammar=grammar(fake.url, timeout=0.5))
    assert time.monotonic() - t0 < 2.5
    assert report.diagnostics and report.diagnostics[0].endswith("no answer within 0.5 s")


def test_failed_server_is_not_asked_again_for_every_file(fake: FakeLanguageTool) -> None:
    fake.status = 500
    linter = Linter({"select": ["EL502"], "grammar": grammar(fake.url)})
    r1 = linter.lint_text("Give a apple.\n", path="a.md")
    r2 = linter.lint_text("Give a pear.\n", path="b.md")
    assert "HTTP 500" in r1.diagnostics[0] and r2.diagnostics == r1.diagnostics
    assert len(fake.requests) == 1


def test_unsupported_language(fake: FakeLanguageTool) -> None:
    report = run("Give a apple.\n", grammar=grammar(fake.url, language="xx-YY"))
    assert "does not support language 'xx-YY'" in report.diagnostics[0]
    assert fake.requests == []


def test_oversized_request_refused_by_server(fake: FakeLanguageTool) -> None:
    fake.max_text_length = 100
    report = run("Give a apple. " * 20 + "\n", grammar=grammar(fake.url))
    assert "HTTP 413" in report.diagnostics[0]


def test_local_backend_failure_is_a_clean_diagnostic(monkeypatch: pytest.MonkeyPatch) -> None:
    import language_tool_python

    def broken(*a: Any, **k: Any) -> None:
        raise RuntimeError("no Java here")

    monkeypatch.setattr(language_tool_python, "LanguageTool", broken)
    report = run("Give a apple.\n", grammar={"backend": "local"})
    assert report.diagnostics == [
        "grammar checks skipped: LanguageTool at localhost (started by language-tool-python) not reachable: "
        "language-tool-python could not start LanguageTool (RuntimeError: no Java here)"]


@pytest.mark.slow
def test_local_backend_download_failure_in_cli(tmp_path: Path) -> None:
    """The real language-tool-python download path, download host unreachable: exit 2, no traceback."""
    article = tmp_path / "a.md"
    article.write_text("Most babies definately like naps.\n", encoding="utf-8")
    (tmp_path / "editlint.toml").write_text('[grammar]\nbackend = "local"\non-unavailable = "fail"\n')
    env = dict(os.environ, LTP_PATH=str(tmp_path / "ltp"))
    for var in ("RELEASE", "SNAPSHOT", "NEW_RELEASES", "ARCHIVE"):
        env[f"LTP_DOWNLOAD_HOST_{var}"] = "http://127.0.0.1:9/"
    proc = subprocess.run([PY, "-m", "editlint", "check", str(article)], capture_output=True, text=True,
                          env=env, timeout=120, cwd=tmp_path)
    assert proc.returncode == 2, proc.stderr
    where = "LanguageTool at localhost (started by language-tool-python)"
    assert f"grammar checks skipped: {where}" in proc.stderr
    assert "Traceback" not in proc.stderr
    assert "1 finding" in proc.stdout  # the other families still ran (EL501)


def test_public_api_warns_that_text_leaves_the_machine(fake: FakeLanguageTool,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(lt, "PUBLIC_API_URL", fake.url + "/v2/")
    report = run("Give a apple.\n", grammar={"backend": "public-api"})
    assert len(report.diagnostics) == 1 and "sends the article's text" in report.diagnostics[0]
    assert found(report)[0][-1] == "EN_A_VS_AN"


# -- exit codes through the command line ---------------------------------------------------------------
@pytest.mark.parametrize("policy,code,stderr", [("skip", 1, ""), ("warn", 1, "grammar checks skipped"),
                                                 ("fail", 2, "grammar checks skipped")])
def test_cli_exit_code_follows_on_unavailable(tmp_path: Path, policy: str, code: int, stderr: str,
                                             monkeypatch: pytest.MonkeyPatch,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    """In process (``main``), as the CLI runs it; the subprocess path is test_local_backend_download_…"""
    import socket

    from editlint.cli import main

    with socket.socket() as s:  # a port with nothing listening
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    (tmp_path / "editlint.toml").write_text(
        f'[grammar]\nbackend = "server"\nurl = "http://127.0.0.1:{port}"\non-unavailable = "{policy}"\n')
    article = tmp_path / "a.md"
    article.write_text("Most babies definately like naps.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    returncode = main(["check", "--select", "EL50", "--fail-on", "warning", str(article)])
    out, err = capsys.readouterr()
    assert returncode == code, err
    assert "Traceback" not in err
    if stderr:
        assert stderr in err and f"127.0.0.1:{port}" in err
    else:
        assert "grammar" not in err
    assert "1 finding" in out  # EL501 ran in every case


# -- off by default ------------------------------------------------------------------------------------
#: The session's one fresh interpreter (helpers.fresh_process) refuses sockets from its start: ``import
#: editlint`` and the default registry (the grammar checks' module imported too), then later a default
#: EL5 run of a sample. Imports only accumulate, so the registry step shows exactly what a bare import loads.
LANGUAGETOOL_CODE = ("language_tool_python", "editlint.languagetool")


def test_default_run_imports_no_languagetool_code_and_opens_no_socket(fresh: FreshFacts) -> None:
    run = fresh["spelling"]
    assert "error" not in run, run["error"]
    assert run["value"] == 0 and "EL501" in run["stdout"]  # warnings only: exit 0
    assert run["sockets"] == [] and not set(LANGUAGETOOL_CODE) & set(run["modules"])


def test_importing_editlint_does_not_import_language_tool_python(fresh: FreshFacts) -> None:
    imported = fresh["registry"]
    assert "error" not in imported, imported["error"]
    assert "editlint.checks.grammar" in imported["modules"]
    assert not set(LANGUAGETOOL_CODE) & set(imported["modules"])
    assert [fresh[step]["sockets"] for step in ("import", "version", "registry")] == [[], [], []]


# -- configuration and helpers -----------------------------------------------------------------------
def test_bad_grammar_configuration_is_an_error() -> None:
    with pytest.raises(ConfigError, match="backend"):
        Linter({"grammar": {"backend": "cloud"}})
    with pytest.raises(ConfigError, match="unknown key"):
        Linter({"grammar": {"server": "http://x"}})


@pytest.mark.parametrize("given,base", [
    ("http://localhost:8081", "http://localhost:8081/v2/"),
    ("localhost:8081/", "http://localhost:8081/v2/"),
    ("https://lt.example.org/v2/", "https://lt.example.org/v2/"),
    ("https://lt.example.org/v2/check", "https://lt.example.org/v2/"),
])
def test_base_url(given: str, base: str) -> None:
    assert lt.base_url(given) == base


def test_utf16_table() -> None:
    text = "a👶b"
    assert lt.utf16_len(text) == 4
    assert lt.utf16_to_codepoints(text) == [0, 1, 1, 2, 3]
    data = {"matches": [{"offset": 1, "length": 1, "rule": {}}, {"offset": 3, "length": 1, "rule": {}}]}
    got = [(m.start, m.end) for m in lt._parse_matches(data, text)]
    assert got == [(1, 2), (2, 3)]  # half an emoji widens to the whole emoji


def test_rule_docs_examples_with_the_fake_server(fake: FakeLanguageTool) -> None:
    reg = Registry.default()
    for code in ("EL502", "EL503", "EL504"):
        rule = reg.rules[code]
        bad = run(rule.docs.fail, select=[code], grammar=grammar(fake.url))
        good = run(rule.docs.passing, select=[code], grammar=grammar(fake.url))
        assert [f.rule for f in bad.findings] == [code], code
        assert good.findings == [], code


def test_clean_samples_with_the_fake_server(fake: FakeLanguageTool) -> None:
    for name in ("safe-infant-sleep.md", "starting-solid-foods.html", "fever-in-babies.txt"):
        path = SAMPLES / name
        report = Linter({"select": ["EL502"], "grammar": grammar(fake.url)}).lint_text(
            path.read_text(encoding="utf-8"), path=str(path))
        assert report.diagnostics == [] and report.error is None
        assert [f for f in report.findings if f.severity.rank >= 2] == [], name


# -- a real server, when one is named ------------------------------------------------------------------
@pytest.mark.languagetool
def test_real_languagetool_server() -> None:
    url = os.environ.get("EDITLINT_LANGUAGETOOL_URL")
    if not url:
        pytest.skip("set EDITLINT_LANGUAGETOOL_URL to a LanguageTool server (e.g. http://localhost:8081) "
                    "to run")
    text = "# Fruit\n\nOffer your 👶 baby a apple slice. Their is no rush.\n"
    report = run(text, grammar={"backend": "server", "url": url, "timeout": 30})
    assert report.diagnostics == [], report.diagnostics
    a_an = [f for f in report.findings if f.data["languagetool_rule"] == "EN_A_VS_AN"]
    assert [(f.line, f.column) for f in a_an] == [(3, text.splitlines()[2].index("a apple") + 1)]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab \n\u00e9\u4e2d\U0001f476\U0001f37c\u200d"), max_size=30),
       st.data())
def test_utf16_offsets_map_back_to_code_points(text: str, data: st.DataObject) -> None:
    i = data.draw(st.integers(0, len(text)))
    j = data.draw(st.integers(i, len(text)))
    off, length = lt.utf16_len(text[:i]), lt.utf16_len(text[i:j])
    matches = lt._parse_matches({"matches": [{"offset": off, "length": length, "rule": {}}]}, text)
    assert len(matches) == 1
    assert (matches[0].start, matches[0].end) == (i, j)
