"""The HTML report: findings highlighted in place, escaped text, and a real headless-browser check."""

from __future__ import annotations

import re
import struct
from pathlib import Path
from typing import Any

import pytest
from helpers import samples_report

from editlint import Linter, RunReport
from editlint.reporters import render
from editlint.reporters.html import _highlight, span_offsets

CHROMIUM = Path("/usr/bin/chromium")
LAUNCH_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

HOSTILE = """# Tips <script>window.__pwned = 1; document.title = "pwned"</script>

<img src=x onerror="window.__pwned = 2; alert('x')">

Share this post <svg onload="window.__pwned = 3"></svg>

<p onclick="window.__pwned=4">Leave a Comment</p> "quotes" & 'apostrophes' </mark></pre>
"""


def _hostile_report() -> RunReport:
    linter = Linter({"select": ["EL6"]})
    return RunReport(files=[linter.lint_text(HOSTILE, path="hostile.md")], version="0.0.0")


def test_span_offsets() -> None:
    text = "ab\ncdef\n\nxyz"
    assert span_offsets(text, 2, 2, 2, 4) == (4, 6)  # "de"
    assert text[slice(*span_offsets(text, 1, 2, 2, 3))] == "b\ncd"
    assert span_offsets(text, 4, 3, 4, 3) == (11, 12)  # empty span widened to one character
    assert span_offsets(text, 99, 1, 99, 5)[1] <= len(text)


def test_overlapping_marks_are_split() -> None:
    out = _highlight("0123456789", [(2, 6, 1, "error", "one"), (4, 8, 2, "info", "two")])
    assert out.startswith('01<mark class="error" id="m-1" data-f="1"')
    assert 'data-f="1 2"' in out and 'title="one\ntwo">45</mark>' in out
    assert re.sub(r"<[^>]+>", "", out) == "0123456789"


def test_every_piece_of_article_text_is_escaped() -> None:
    page = render("html", _hostile_report())
    assert page.count("<script") == 1  # ours
    assert "<img" not in page and "<svg" not in page and 'onerror="window' not in page
    assert "&lt;script&gt;window.__pwned" in page and "&lt;img src=x onerror=" in page
    assert "&lt;/mark&gt;&lt;/pre&gt;" in page


def test_self_contained_no_network() -> None:
    page = render("html", samples_report())
    assert not re.search(r"""(src|href|action)\s*=\s*["']?\s*(https?:)?//""", page, re.I)
    assert "@import" not in page and "url(" not in page
    assert "Content-Security-Policy" in page and "default-src 'none'" in page


def test_samples_page_content() -> None:
    report = samples_report()
    page = render("html", report)
    n = len(report.findings)
    assert len(re.findall(r'<li id="f-\d+"', page)) == n
    assert len(set(re.findall(r'id="m-(\d+)"', page))) == n  # every finding is marked in the text
    assert "<th>category</th>" in page
    for cat in {f.category for f in report.findings}:
        assert f"<td>{cat}</td>" in page
    with_metrics = [fr for fr in report.files if fr.metrics]
    assert with_metrics, "the readability rules give figures"
    name = next(iter(with_metrics[0].metrics)).replace("_", " ")
    assert f"<td>{name}</td>" in page


@pytest.fixture(scope="module")
def browser() -> Any:
    if not CHROMIUM.exists():
        pytest.skip(
            "Debian's chromium is not installed at /usr/bin/chromium "
            "(apt-get install -y chromium; .ci/run installs it)"
        )
    sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")
    with sync_api.sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        yield b
        b.close()


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    w, h = struct.unpack(">II", data[16:24])
    return int(w), int(h)


@pytest.mark.slow
def test_renders_in_a_browser_and_screenshots(browser: Any, tmp_path: Path) -> None:
    page_file = tmp_path / "report.html"
    page_file.write_text(render("html", samples_report()), encoding="utf-8")
    page = browser.new_page(viewport={"width": 1200, "height": 900})
    errors: list[str] = []
    requests: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on("request", lambda req: requests.append(req.url))
    page.goto(page_file.as_uri())
    assert page.title() == "editlint report"
    assert page.locator("section.article").count() == len(samples_report().files)
    marks = page.locator("mark[data-f]")
    assert marks.count() >= len(samples_report().findings)
    first = page.locator("mark[id^='m-']").first
    assert first.get_attribute("title")
    first.scroll_into_view_if_needed()
    first.click()
    panel = page.locator("#panel")
    assert panel.is_visible()
    assert page.locator("#panel-body li").count() >= 1
    assert page.locator("li.selected").count() >= 1
    shot = tmp_path / "report.png"
    page.screenshot(path=str(shot), full_page=False)
    data = shot.read_bytes()
    w, h = _png_size(data)
    assert (w, h) == (1200, 900) and len(data) > 20_000
    page.locator("#panel-close").click()
    assert not panel.is_visible()
    assert errors == [], errors
    assert all(u.startswith(("file:", "data:", "about:")) for u in requests), requests
    page.close()


@pytest.mark.slow
def test_article_markup_runs_nothing(browser: Any, tmp_path: Path) -> None:
    page_file = tmp_path / "hostile.html"
    page_file.write_text(render("html", _hostile_report()), encoding="utf-8")
    page = browser.new_page()
    dialogs: list[str] = []
    def on_dialog(d: Any) -> None:
        dialogs.append(d.message)
        d.dismiss()

    page.on("dialog", on_dialog)
    page.goto(page_file.as_uri())
    page.wait_for_timeout(300)
    for m in page.locator("mark[data-f]").all():  # clicking and hovering the text runs nothing either
        m.click()
    assert page.evaluate("window.__pwned") is None
    assert page.title() == "editlint report"
    assert dialogs == []
    assert page.locator("img, svg, main script, p[onclick]").count() == 0
    src = page.locator("pre.src").first.inner_text()
    assert "<script>window.__pwned = 1;" in src and "onerror=" in src
    page.screenshot(path=str(tmp_path / "hostile.png"))
    page.close()


def test_unreadable_article_and_report_without_documents() -> None:
    from editlint.findings import FileReport

    bad = FileReport(path="<b>bad</b>.md", error="<b>bad</b>.md: is not valid UTF-8")
    known = _hostile_report().files[0]
    detached = FileReport(path="detached.md", findings=known.findings, metrics={"words": 12})  # no Document
    page = render("html", RunReport(files=[bad, detached]))
    assert "Could not be linted: &lt;b&gt;bad&lt;/b&gt;.md: is not valid UTF-8" in page
    assert "<b>bad" not in page
    assert page.count('<li id="f-') == len(known.findings) > 0
    assert "<mark" not in page and 'href="#m-' not in page  # no text to mark: no dangling links
