"""Fuzzing the readers, the engine and --fix with generated articles (hypothesis).

Articles are built from pieces real articles and hostile ones are made of: headings, lists nested deep,
quotes, code, tables, HTML blocks (closed or not, malformed marked sections), front matter, entities,
backslash escapes, emphasis, links, images with alt text, long runs of symbols, combining marks. Checked:
no uncaught exception, every character of the extracted text points into the file (letters at the same
letter), every finding inside the file, and --fix converging in one round.

A short run is part of the suite (``-m slow``); for a nightly run raise the count::

    EDITLINT_FUZZ_EXAMPLES=100000 python -m pytest tests/test_fuzz.py -p no:cacheprovider
"""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from editlint import Linter
from editlint.document import Document
from editlint.errors import InputError
from editlint.fixes import plan_fixes
from editlint.readers import read
from editlint.source import Source

pytestmark = pytest.mark.slow

EXAMPLES = int(os.environ.get("EDITLINT_FUZZ_EXAMPLES", "120"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, derandomize=EXAMPLES <= 1000,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

#: Rules that need no spaCy model (fast enough for thousands of examples), fixes among them.
FAST_RULES = ["EL4", "EL5", "EL6"]

WORDS = ["nap", "nap", "feeding", "the", "the", "bottle", "weeks", "fever", "tummy", "rash", "teething",
         "café", "cafe\u0301", "naïve", "crèche", "🙂", "👶🏽", "recieve", "definately", "Click", "here",
         "TODO", "lorem", "ipsum", "Dr.", "3", "months", "10ml", "2-3", "e.g.", "it's", "dont"]
INLINE = ["*", "**", "_", "`", "[", "]", "(", ")", "\\", "\\*", "\\w", "\\\\", "&amp;", "&bogus;", "&#65;",
          "&#x1F600;", "&nbsp;", "<b>", "</b>", "<br>", "<!-- x -->", "<![CD x", "<", ">", "|", "@user",
          "::error::", "http://example.org/a_b?c=1", "[link](http://x.org)", "![alt &amp; text](p.png)",
          "\t", "  ", "\u200b", "\u202e", "*" * 40, "!?" * 30, "🙂" * 40]
BLOCK_HTML = ["<div>", "</div>", "<p>", "</p>", "<ul><li>", "</li></ul>", "<table><tr><td>", "</td></tr>",
              "<h2>", "</h2>", "<script>var a = 1 < 2;", "</script>", "<img alt='Rock &amp; roll nap'>",
              "<![CD x", "<!--", "-->", "<figure><figcaption>", "</figcaption></figure>", "<nav>", "</nav>",
              "<article>", "</article>", "<pre>", "</pre>", "<span class='share-buttons'>", "</span>"]


@st.composite
def phrase(draw: st.DrawFn, inline: bool = True) -> str:
    pieces = st.sampled_from(WORDS) | (st.sampled_from(INLINE) if inline else st.sampled_from(WORDS))
    return " ".join(draw(st.lists(pieces, min_size=1, max_size=14)))


@st.composite
def markdown_block(draw: st.DrawFn) -> str:
    kind = draw(st.integers(0, 9))
    text = draw(phrase())
    if kind == 0:
        return "#" * draw(st.integers(1, 7)) + draw(st.sampled_from([" ", ""])) + text
    if kind == 1:
        depth = draw(st.integers(0, 14))
        marker = draw(st.sampled_from(["-", "*", "1.", "2)"]))
        return "\n".join("  " * d * 2 + f"{marker} {text}" for d in range(depth + 1))
    if kind == 2:
        return "> " * draw(st.integers(1, 12)) + text
    if kind == 3:
        return f"```\n{text}\n```"
    if kind == 4:
        return f"| {text} | {draw(phrase())} |\n| --- | --- |\n| a | b |"
    if kind == 5:
        return "".join(draw(st.lists(st.sampled_from(BLOCK_HTML), max_size=8))) + text
    if kind == 6:
        return f"    {text}"
    return text


@st.composite
def markdown_article(draw: st.DrawFn) -> str:
    front = draw(st.sampled_from(["", "---\ntitle: Naps\ntags: [sleep]\n---\n", "+++\ntitle = 'Naps'\n+++\n",
                                  "---\nreviewer: &r Sam\nalso: *r\n---\n", "---\n: bad [\n---\n"]))
    blocks = draw(st.lists(markdown_block(), min_size=1, max_size=10))
    sep = draw(st.sampled_from(["\n\n", "\n", "\n\n\n"]))
    return front + sep.join(blocks) + "\n"


@st.composite
def html_article(draw: st.DrawFn) -> str:
    parts = draw(st.lists(st.sampled_from(BLOCK_HTML) | phrase(), min_size=1, max_size=30))
    head = draw(st.sampled_from(["", "<html><head><title>Naps &amp; sleep</title></head><body>"]))
    return head + "".join(parts)


@st.composite
def article(draw: st.DrawFn) -> tuple[str, str]:
    fmt = draw(st.sampled_from(["markdown", "html", "text"]))
    if fmt == "markdown":
        return fmt, draw(markdown_article())
    if fmt == "html":
        return fmt, draw(html_article())
    return fmt, "\n".join(draw(st.lists(phrase(), min_size=1, max_size=8))) + "\n"


EXT = {"markdown": "md", "html": "html", "text": "txt"}


def assert_positions(doc: Document, text: str) -> None:
    """Every extracted character points into the file; a letter points at itself or at the entity
    (``&…;``) it was decoded from."""
    assert len(doc.origin) >= len(doc.text)
    for i, ch in enumerate(doc.text):
        o = doc.origin[i]
        assert 0 <= o < max(len(text), 1), (i, o)
        if ch.isalnum() and text[o] != ch:
            assert text[o] == "&", (i, ch, text[max(o - 10, 0):o + 10])


@FUZZ
@given(article())
def test_readers_never_raise_and_positions_are_exact(case: tuple[str, str]) -> None:
    fmt, text = case
    try:
        doc = read(Source(f"fuzz.{EXT[fmt]}", text, fmt))
    except InputError:
        return  # invalid front matter: a per-file message, not a crash
    assert_positions(doc, text)


_LINTER = Linter({"select": FAST_RULES})
_ALL_RULES = Linter({})  # the default configuration: every family, spaCy loaded once


@FUZZ
@given(article())
def test_engine_reports_inside_the_file_and_fixes_converge_in_one_round(case: tuple[str, str]) -> None:
    assert_report_and_fix(_LINTER, *case)


def assert_report_and_fix(linter: Linter, fmt: str, text: str) -> None:
    """No internal error, every finding inside the file, and --fix converging in one round: a second
    --fix run changes nothing (a fix held back because it would create a finding that cannot be fixed
    stays held back; it is not applied by a second run)."""
    report = linter.lint_text(text, path=f"fuzz.{EXT[fmt]}")
    if report.error:
        assert "internal error" not in report.error, report.error
        return
    lines = text.split("\n")
    for f in report.findings:
        assert 1 <= f.line <= len(lines) and 1 <= f.column <= len(lines[f.line - 1]) + 1, f
        assert (f.end_line, f.end_column) >= (f.line, f.column), f
    assert report.document is not None
    plan = plan_fixes(linter, report.document.source, report.findings)
    if plan.text != text:
        again = linter.lint_text(plan.text, path=f"fuzz.{EXT[fmt]}")
        assert again.error is None and again.document is not None
        second = plan_fixes(linter, again.document.source, again.findings)
        assert second.text == plan.text, "a second --fix round would change the text"


@settings(max_examples=max(EXAMPLES // 20, 5), deadline=None, derandomize=EXAMPLES <= 1000,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(article())
# a tripled word across a line break: the second deletion would leave a stray keyword line (EL102, no fix),
# so it is held back, and a second run holds it back too (seed 302)
@example(("text", "feeding nap nap\nnap\n"))
def test_every_default_rule_survives(case: tuple[str, str]) -> None:
    """The spaCy-based families too (fewer examples: each loads blocks through the pipeline): no internal
    error, every finding inside the file, --fix converging in one round."""
    assert_report_and_fix(_ALL_RULES, *case)
