"""`editlint check --fix` inserts the medical disclaimer (EL401): byte for byte, idempotent, per format.

Every test runs the real CLI on a file in tmp_path and compares the bytes written with the bytes
expected: the original file with only the disclaimer added, in the file's own syntax, keeping its
newline style, BOM and (missing) final newline. A second run must change nothing.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from editlint import Linter
from editlint.checks.disclaimer import DEFAULT_TEXT
from editlint.cli import main
from editlint.fixes import apply_edits

MD = """---
title: Ear infections in toddlers
---

# Ear infections in toddlers

Ear infections often follow a cold. Your toddler may pull at one ear, run a fever or sleep badly.

## What helps

Infant ibuprofen can ease the pain. Ask your pharmacist which product suits your child's weight.

## When to call the doctor

Call your doctor if the fever lasts more than two days or fluid drains from the ear.
"""

TXT = """Ear infections in toddlers

Ear infections often follow a cold. Your toddler may pull at one ear, run a fever or sleep badly.

What helps

Infant ibuprofen can ease the pain. Ask your pharmacist which product suits your child's weight.

When to call the doctor

Call your doctor if the fever lasts more than two days or fluid drains from the ear.
"""

HTML_FRAGMENT = """<h1>Ear infections in toddlers</h1>
<p>Ear infections often follow a cold. Your toddler may pull at one ear, run a fever or sleep badly.</p>
<h2>What helps</h2>
<p>Infant ibuprofen can ease the pain. Ask your pharmacist which product suits your child's weight.</p>
<h2>When to call the doctor</h2>
<p>Call your doctor if the fever lasts more than two days or fluid drains from the ear.</p>
"""

HTML_PAGE = """<!DOCTYPE html>
<html lang="en">
<head><title>Ear infections in toddlers</title></head>
<body>
<nav><a href="/">Home</a></nav>
<main>
  <article class="post">
    <h1>Ear infections in toddlers</h1>
    <p>Ear infections often follow a cold. Your toddler may pull at one ear, run a fever or sleep badly.</p>
    <p>Infant ibuprofen can ease the pain. Ask your pharmacist which product suits your child's weight.</p>
    <p>Call your doctor if the fever lasts more than two days or fluid drains from the ear.</p>
  </article>
  <section class="comments"><h3>Leave a Comment</h3></section>
</main>
<footer class="site-footer"><p>Little Steps Blog</p></footer>
</body>
</html>
"""

HTML_ELEMENT = f'<p class="disclaimer">{DEFAULT_TEXT}</p>'


def run_fix(path: Path, *extra: str) -> int:
    return main(["check", "--select", "EL4", "--fail-on", "never", "--fix", *extra, str(path)])


def fix_and_compare(tmp_path: Path, name: str, original: bytes, expected: bytes,
                    capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / name
    path.write_bytes(original)
    assert run_fix(path) == 0
    assert path.read_bytes() == expected
    assert f"fixed {path}" in capsys.readouterr().err
    # a second run changes nothing, and the disclaimer now satisfies EL401
    assert run_fix(path) == 0
    assert path.read_bytes() == expected
    assert "fixed" not in capsys.readouterr().err
    assert main(["check", "--select", "EL401", "--format", "json", str(path)]) == 0
    assert '"EL401"' not in capsys.readouterr().out


def variants(text: str, inserted: str, at: int) -> list[tuple[str, bytes, bytes]]:
    """(label, original bytes, expected bytes) for LF, CRLF, BOM and BOM+CRLF files."""
    fixed = text[:at] + inserted + text[at:]
    out = []
    for label, nl, bom in (("lf", "\n", b""), ("crlf", "\r\n", b""), ("bom", "\n", b"\xef\xbb\xbf"),
                           ("bom-crlf", "\r\n", b"\xef\xbb\xbf")):
        out.append((label, bom + text.replace("\n", nl).encode(), bom + fixed.replace("\n", nl).encode()))
    return out


@pytest.mark.parametrize("label,original,expected", variants(MD, "\n" + DEFAULT_TEXT + "\n", len(MD)))
def test_markdown_bottom(tmp_path: Path, capsys: pytest.CaptureFixture[str], label: str, original: bytes,
                         expected: bytes) -> None:
    fix_and_compare(tmp_path, f"ear-{label}.md", original, expected, capsys)


@pytest.mark.parametrize("label,original,expected", variants(TXT, "\n" + DEFAULT_TEXT + "\n", len(TXT)))
def test_text_bottom(tmp_path: Path, capsys: pytest.CaptureFixture[str], label: str, original: bytes,
                     expected: bytes) -> None:
    fix_and_compare(tmp_path, f"ear-{label}.txt", original, expected, capsys)


@pytest.mark.parametrize("label,original,expected",
                         variants(HTML_FRAGMENT, HTML_ELEMENT + "\n", len(HTML_FRAGMENT)))
def test_html_fragment_bottom(tmp_path: Path, capsys: pytest.CaptureFixture[str], label: str,
                              original: bytes, expected: bytes) -> None:
    fix_and_compare(tmp_path, f"ear-{label}.html", original, expected, capsys)


@pytest.mark.parametrize("label,original,expected",
                         variants(HTML_PAGE, "    " + HTML_ELEMENT + "\n", HTML_PAGE.index("  </article>")))
def test_html_page_inserts_inside_the_article(tmp_path: Path, capsys: pytest.CaptureFixture[str], label: str,
                                              original: bytes, expected: bytes) -> None:
    fix_and_compare(tmp_path, f"page-{label}.html", original, expected, capsys)


def test_no_final_newline_stays_missing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    md = MD.rstrip("\n")
    fix_and_compare(tmp_path, "a.md", md.encode(), (md + "\n\n" + DEFAULT_TEXT).encode(), capsys)
    html = HTML_FRAGMENT.rstrip("\n")
    fix_and_compare(tmp_path, "a.html", html.encode(), (html + "\n" + HTML_ELEMENT).encode(), capsys)


def write_config(tmp_path: Path, body: str) -> None:
    (tmp_path / "editlint.toml").write_text(body, encoding="utf-8")


@pytest.mark.parametrize("position", ["top", "first-words"])
def test_top_goes_after_the_title(tmp_path: Path, capsys: pytest.CaptureFixture[str], position: str) -> None:
    write_config(tmp_path, f'[disclaimer]\nposition = "{position}"\nwithin-words = 30\n')
    at = MD.index("# Ear infections in toddlers\n") + len("# Ear infections in toddlers\n")
    expected = MD[:at] + "\n" + DEFAULT_TEXT + "\n" + MD[at:]
    fix_and_compare(tmp_path, "top.md", MD.encode(), expected.encode(), capsys)
    at = TXT.index("\n") + 1
    expected = TXT[:at] + "\n" + DEFAULT_TEXT + "\n" + TXT[at:]
    fix_and_compare(tmp_path, "top.txt", TXT.encode(), expected.encode(), capsys)
    at = HTML_FRAGMENT.index("</h1>") + len("</h1>")
    expected = HTML_FRAGMENT[:at] + "\n" + HTML_ELEMENT + HTML_FRAGMENT[at:]
    fix_and_compare(tmp_path, "top.html", HTML_FRAGMENT.encode(), expected.encode(), capsys)


def test_top_with_crlf_and_bom(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_config(tmp_path, '[disclaimer]\nposition = "top"\n')
    at = MD.index("# Ear infections in toddlers\n") + len("# Ear infections in toddlers\n")
    expected = MD[:at] + "\n" + DEFAULT_TEXT + "\n" + MD[at:]
    fix_and_compare(tmp_path, "top.md", b"\xef\xbb\xbf" + MD.replace("\n", "\r\n").encode(),
                    b"\xef\xbb\xbf" + expected.replace("\n", "\r\n").encode(), capsys)


def test_custom_text_is_escaped_and_recognised(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = "*Little Steps* shares <experience> & tips_only; ask [your] GP about your child."
    write_config(tmp_path, f"[disclaimer]\ntext = '{text}'\n")
    md_text = r"\*Little Steps\* shares \<experience\> & tips\_only; ask \[your\] GP about your child."
    fix_and_compare(tmp_path, "c.md", MD.encode(), (MD + "\n" + md_text + "\n").encode(), capsys)
    html_text = "*Little Steps* shares &lt;experience&gt; &amp; tips_only; ask [your] GP about your child."
    fix_and_compare(tmp_path, "c.html", HTML_FRAGMENT.encode(),
                    (HTML_FRAGMENT + f'<p class="disclaimer">{html_text}</p>\n').encode(), capsys)
    fix_and_compare(tmp_path, "c.txt", TXT.encode(), (TXT + "\n" + text + "\n").encode(), capsys)


def test_markdown_block_markers_at_the_start_are_escaped(tmp_path: Path,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    text = "# Not medical advice: this page does not replace your doctor."
    write_config(tmp_path, f"[disclaimer]\ntext = '{text}'\n")
    fix_and_compare(tmp_path, "h.md", MD.encode(), (MD + "\n\\" + text + "\n").encode(), capsys)


def test_no_fix_when_the_insertion_would_not_be_read_as_a_disclaimer(tmp_path: Path) -> None:
    path = tmp_path / "fence.md"
    original = (MD + "\n```text\nan unclosed code fence swallows everything after it\n").encode()
    path.write_bytes(original)
    assert main(["check", "--select", "EL401", "--fix", str(path)]) == 1  # reported, not "fixed"
    assert path.read_bytes() == original


def test_nothing_changes_without_health_advice(tmp_path: Path) -> None:
    path = tmp_path / "craft.md"
    original = b"# Paper lions\n\nGlue orange strips around a paper plate and draw a face.\n"
    path.write_bytes(original)
    assert run_fix(path) == 0
    assert path.read_bytes() == original


def test_nothing_changes_when_a_disclaimer_is_already_there(tmp_path: Path) -> None:
    path = tmp_path / "ok.md"
    original = (MD + "\nThis article is for general information only.\n").encode()
    path.write_bytes(original)
    assert run_fix(path) == 0
    assert path.read_bytes() == original


def test_no_fix_when_the_text_lacks_the_required_wording(tmp_path: Path) -> None:
    write_config(tmp_path, '[disclaimer]\nrequired-wording = "Little Steps editorial policy"\n')
    path = tmp_path / "r.md"
    path.write_bytes(MD.encode())
    main(["check", "--select", "EL401", "--fail-on", "never", "--fix", str(path)])
    assert path.read_bytes() == MD.encode()


def test_misplaced_disclaimer_is_reported_not_duplicated(tmp_path: Path) -> None:
    write_config(tmp_path, '[disclaimer]\nposition = "top"\n')
    path = tmp_path / "m.md"
    original = (MD + "\n" + DEFAULT_TEXT + "\n").encode()
    path.write_bytes(original)
    assert main(["check", "--select", "EL401", "--fix", str(path)]) == 1
    assert path.read_bytes() == original


def test_seed_round_trip(seed_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    original = seed_path.read_bytes()
    text = original.decode("utf-8")
    tail = "\n" + DEFAULT_TEXT + "\n" if text.endswith("\n") else "\n\n" + DEFAULT_TEXT
    fix_and_compare(tmp_path, "seed.txt", original, original + tail.encode(), capsys)


# -- property: any article, any position: the fix only adds the disclaimer, and a second pass is a no-op ---
_SENTENCES = ["Call your doctor if your baby has a fever.", "Infant ibuprofen can ease the pain.",
              "Ask your pharmacist about the dose.", "Most babies crawl by 10 months.",
              "A rash with a fever needs a doctor.", "Tummy time builds strength."]


@st.composite
def articles(draw: st.DrawFn) -> tuple[str, str]:
    fmt = draw(st.sampled_from(["markdown", "html", "text"]))
    blocks = draw(st.lists(st.tuples(st.sampled_from(["p", "h", "li"]),
                                     st.lists(st.sampled_from(_SENTENCES), min_size=1, max_size=3)),
                           min_size=1, max_size=6))
    out = []
    if fmt == "markdown" and draw(st.booleans()):
        out.append("---\ntitle: Test\n---\n")
    if draw(st.booleans()):
        out.append({"markdown": "# Title", "html": "<h1>Title</h1>", "text": "Title"}[fmt])
    for kind, sents in blocks:
        body = " ".join(sents)
        if kind == "h":
            out.append({"markdown": "## Section", "html": "<h2>Section</h2>", "text": "Section"}[fmt])
        elif kind == "li":
            item = {"markdown": f"- {body}", "html": f"<ul><li>{body}</li></ul>", "text": f"- {body}"}
            out.append(item[fmt])
        else:
            out.append(f"<p>{body}</p>" if fmt == "html" else body)
    sep = "\n" if fmt == "html" else "\n\n"
    text = sep.join(out) + draw(st.sampled_from(["", "\n", "\n\n"]))
    return fmt, text


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(articles(), st.sampled_from(["anywhere", "top", "bottom", "first-words"]))
def test_fix_only_adds_the_disclaimer_and_is_idempotent(article: tuple[str, str], position: str) -> None:
    fmt, text = article
    path = {"markdown": "a.md", "html": "a.html", "text": "a.txt"}[fmt]
    linter = Linter({"select": ["EL401"], "disclaimer": {"position": position, "within-words": 400}})
    report = linter.lint_text(text, path=path)
    edits = [e for f in report.findings for e in f.fixes]
    if not edits:
        return
    assert len(edits) == 1
    fixed = apply_edits(text, edits)
    inserted = edits[0].text
    assert fixed[:edits[0].start] == text[:edits[0].start] and fixed[edits[0].start + len(inserted):] == \
        text[edits[0].start:]
    again = linter.lint_text(fixed, path=path)
    assert [f.rule for f in again.findings] == [], (fixed, [f.message for f in again.findings])
