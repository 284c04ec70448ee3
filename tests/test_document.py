"""Readers and the one coordinate system: every extracted character maps back to its place in the file."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from editlint.document import BlockKind, Document
from editlint.errors import InputError
from editlint.readers import read
from editlint.source import decode


def doc_of(text: str, fmt: str) -> Document:
    ext = {"markdown": "md", "html": "html", "text": "txt"}[fmt]
    return read(decode(text.encode("utf-8"), f"x.{ext}", fmt))


def assert_maps_back(doc: Document) -> None:
    """Each block character equals the source character it maps to (entities point at their '&')."""
    src = doc.source.text
    for b in doc.blocks:
        for i in range(b.start, b.end):
            ch = doc.text[i]
            o = doc.source_offset(i)
            if src[o] == "&" and ch != "&":
                continue  # a decoded entity points at the entity's start
            if ch == " " and src[o].isspace():
                continue  # HTML collapses a run of whitespace into one space
            if ch == "\n" and src.startswith("<br", o):
                continue  # a <br> becomes a line break at the tag
            assert src[o] == ch, (i, ch, o, src[o], b)


# -- Markdown ------------------------------------------------------------------------------------------
MD = """---
title: Starting solids
keyphrase: first foods
---
# Starting *solid* food

Most babies are ready around **six months** &amp; not before four.
See [the AAP guide](https://example.org/aap) and `code here`.

- Offer one food at a time.
- Wait a few days\\* before the next.

| Age | Food |
| --- | --- |
| 6 months | Purees |

> Quote line one
> and two

![A baby tasting puree](puree.png)

```
not prose
```
<!-- editlint-disable EL101 -->
"""


def test_markdown_blocks_and_metadata() -> None:
    doc = doc_of(MD, "markdown")
    kinds = [b.kind for b in doc.blocks]
    assert doc.metadata["title"] == "Starting solids"
    assert kinds[0] is BlockKind.HEADING and doc.blocks[0].level == 1
    assert doc.blocks[0].text == "Starting solid food"
    assert BlockKind.LIST_ITEM in kinds and BlockKind.TABLE_CELL in kinds
    assert BlockKind.QUOTE in kinds and BlockKind.ALT in kinds and BlockKind.CODE in kinds
    para = doc.blocks[1]
    assert "six months & not before four" in para.text
    assert "https://example.org" not in para.text  # link targets are not prose
    items = [b for b in doc.blocks if b.kind is BlockKind.LIST_ITEM]
    assert [b.item for b in items] == [1, 2] and items[0].list_id == items[1].list_id
    assert items[1].text.endswith("days* before the next.")
    cells = [b for b in doc.blocks if b.kind is BlockKind.TABLE_CELL]
    assert [(c.row, c.col, c.header) for c in cells][:2] == [(0, 0, True), (0, 1, True)]
    assert cells[2].text == "6 months" and cells[2].row == 1
    assert doc.comments and "editlint-disable" in doc.comments[0].text
    assert all(b.section == 0 for b in doc.blocks[1:])
    assert_maps_back(doc)


def test_markdown_positions_are_exact() -> None:
    doc = doc_of(MD, "markdown")
    i = doc.text.index("six months")
    assert doc.position(i) == (7, 32)  # line 7, after "Most babies are ready around **"
    j = doc.text.index("before the next")
    line, col = doc.position(j)
    assert MD.split("\n")[line - 1][col - 1:].startswith("before the next")


def test_markdown_inline_code_is_a_skip_span() -> None:
    doc = doc_of(MD, "markdown")
    i = doc.text.index("code here")
    assert doc.in_skip_span(i, i + 4)


# -- HTML ---------------------------------------------------------------------------------------------
PAGE = """<!doctype html>
<html><head><title>Fever &amp; babies</title><meta name="keyphrase" content="baby fever">
<style>p { color: red }</style><script>var x = "<p>not text</p>";</script></head>
<body><nav><a href="/">Home</a></nav>
<article>
<h1>Fever in babies</h1>
<p>A fever is usually a sign the body is fighting an infection&nbsp;&mdash; not an illness itself.</p>
<figure><img src="t.png" alt="A digital thermometer">\
<figcaption>Use a digital thermometer.</figcaption></figure>
<ul><li>Offer fluids.</li><li>Dress your baby lightly.</li></ul>
<div class="medical-disclaimer"><p>This is general information.</p></div>
<!-- editlint-disable-next-line -->
<p>Call your doctor
if your baby is under 3 months.</p>
</article>
<form id="commentform"><p>Leave a Comment</p></form>
<footer>Copyright</footer>
</body></html>
"""


def test_html_page_skips_chrome_and_keeps_article() -> None:
    doc = doc_of(PAGE, "html")
    texts = [b.text for b in doc.blocks]
    assert doc.metadata["title"] == "Fever & babies" and doc.metadata["keyphrase"] == "baby fever"
    assert "Home" not in texts and "Copyright" not in texts and "Leave a Comment" not in texts
    assert not any("not text" in t or "color" in t for t in texts)
    kinds = {b.text: b.kind for b in doc.blocks}
    assert kinds["Fever in babies"] is BlockKind.HEADING
    assert kinds["A digital thermometer"] is BlockKind.ALT
    assert kinds["Use a digital thermometer."] is BlockKind.CAPTION
    assert kinds["Offer fluids."] is BlockKind.LIST_ITEM
    disclaimer = next(b for b in doc.blocks if b.text == "This is general information.")
    assert "medical-disclaimer" in disclaimer.classes
    assert any("\u2014 not an illness" in t for t in texts)  # &mdash; decoded
    assert_maps_back(doc)


def test_html_positions_across_lines_and_entities() -> None:
    doc = doc_of(PAGE, "html")
    i = doc.text.index("if your baby")
    assert doc.position(i) == (13, 1)
    j = doc.text.index("\u2014")
    line, col = doc.position(j)
    assert PAGE.split("\n")[line - 1][col - 1:].startswith("&mdash;")


def test_html_fragment_without_article() -> None:
    doc = doc_of("<h2>Naps</h2>\n<p>Short naps are common.</p>", "html")
    assert [b.kind for b in doc.blocks] == [BlockKind.HEADING, BlockKind.PARAGRAPH]


def test_html_empty_heading_keeps_a_position() -> None:
    doc = doc_of("<h1>Title</h1>\n<h2></h2>\n<p>Text.</p>", "html")
    empty = [b for b in doc.blocks if b.kind is BlockKind.HEADING and not b.text]
    assert empty and doc.position(empty[0].start)[0] == 2


# -- plain text ---------------------------------------------------------------------------------------
TXT = """Site Name: Tips for Parents

Starting Solid Food: A Gentle Guide

Most babies are ready for solid food around six months.
This paragraph wraps onto a second line.

first foods for baby

Signs of Readiness

Your baby can sit with support and shows interest in food.

1. Offer Iron-Rich Foods

Iron matters at this age.

2. Add Variety Slowly

One new food every few days is enough.

Feeding Stage: First tastes
Typical Age: Around 6 months

Can I give water?

Small sips are fine from six months.
"""


def test_plain_text_structure() -> None:
    doc = doc_of(TXT, "text")
    by_text = {b.text: b for b in doc.blocks}
    assert by_text["Site Name: Tips for Parents"].kind is BlockKind.CAPTION  # masthead above the title
    assert by_text["Starting Solid Food: A Gentle Guide"].kind is BlockKind.HEADING
    assert by_text["Starting Solid Food: A Gentle Guide"].level == 1
    assert doc.title == "Starting Solid Food: A Gentle Guide"
    para = next(b for b in doc.blocks if b.text.startswith("Most babies"))
    assert para.kind is BlockKind.PARAGRAPH and "\n" in para.text
    assert by_text["first foods for baby"].kind is BlockKind.CAPTION
    assert by_text["Signs of Readiness"].kind is BlockKind.HEADING
    n1, n2 = by_text["1. Offer Iron-Rich Foods"], by_text["2. Add Variety Slowly"]
    assert n1.kind is BlockKind.HEADING and n1.ordered and (n1.item, n2.item) == (1, 2)
    assert n1.list_id == n2.list_id
    assert by_text["Feeding Stage: First tastes"].kind is BlockKind.TABLE_CELL
    assert by_text["Typical Age: Around 6 months"].row == 1
    assert by_text["Can I give water?"].kind is BlockKind.HEADING
    assert_maps_back(doc)


# -- decoding -----------------------------------------------------------------------------------------
def test_bom_and_crlf_keep_lines_and_columns() -> None:
    raw = "\ufeff# Title\r\n\r\nSecond para here.\r\n".encode()
    src = decode(raw, "a.md", "markdown")
    doc = read(src)
    assert src.had_bom and src.newline == "\r\n"
    assert doc.position(doc.text.index("para")) == (3, 8)


def test_cr_only_newlines() -> None:
    doc = read(decode(b"Title Here\r\rBody text that is long enough to be prose.\r", "a.txt", "text"))
    assert doc.position(doc.text.index("Body")) == (3, 1)


@pytest.mark.parametrize("data, problem", [
    (b"", "empty"), (b"  \n\n ", "empty"), (b"\x00\x01binary", "binary"),
    (b"caf\xe9 au lait", "not valid UTF-8"),
])
def test_bad_bytes_are_clear_errors(data: bytes, problem: str) -> None:
    with pytest.raises(InputError) as exc:
        decode(data, "bad.md", "markdown")
    assert problem in str(exc.value) and "bad.md" in str(exc.value)


def test_too_large_is_refused() -> None:
    with pytest.raises(InputError, match="over the 1 MB limit"):
        decode(b"a" * (1024 * 1024 + 1), "big.md", "markdown", max_bytes=1024 * 1024)


def test_invalid_front_matter_is_an_input_error() -> None:
    with pytest.raises(InputError, match="front matter is not valid YAML"):
        doc_of("---\ntitle: [unclosed\n---\n# Hi\n", "markdown")


# -- property: every extracted character maps back ---------------------------------------------------
_ALPHABET = st.sampled_from(list("abc XYZ.,?!") + [
    "\n", "\n\n", "*", "_", "`", "# ", "- ", "1. ", "> ", "[a](u)", "&amp;", "\\*", "  \n", "**b**", "|", "é",
    "😀"])
_HTML_ALPHABET = st.sampled_from(list("abc XYZ.,?") + ["\n", "<p>", "</p>", "<h2>", "</h2>", "<li>", "<ul>",
                                                         "</ul>", "<br>", "&amp;", "&lt;", "&#233;", "<em>",
                                                         "</em>", "<!-- c -->", "<td>", "<tr>", "😀", "  "])
_SETTINGS = settings(max_examples=int(__import__("os").environ.get("EDITLINT_HYPOTHESIS_EXAMPLES", "150")),
                     deadline=None, suppress_health_check=[HealthCheck.too_slow])


@_SETTINGS
@given(st.lists(_ALPHABET, min_size=1, max_size=60).map("".join))
def test_property_markdown_maps_back(text: str) -> None:
    if not text.strip():
        return
    assert_maps_back(doc_of(text, "markdown"))


@_SETTINGS
@given(st.lists(_HTML_ALPHABET, min_size=1, max_size=60).map("".join))
def test_property_html_maps_back(text: str) -> None:
    if not text.strip():
        return
    assert_maps_back(doc_of(text, "html"))


@_SETTINGS
@given(st.lists(st.sampled_from(list("abc XYZ.:?\t") + ["\n", "\n\n", "1. ", "Ab", "😀", "é"]),
                min_size=1, max_size=60).map("".join))
def test_property_text_maps_back(text: str) -> None:
    if not text.strip():
        return
    assert_maps_back(doc_of(text, "text"))


@_SETTINGS
@given(st.lists(_ALPHABET, min_size=1, max_size=40).map("".join))
def test_property_positions_are_inside_the_file(text: str) -> None:
    if not text.strip():
        return
    doc = doc_of(text, "markdown")
    lines = text.split("\n")
    for b in doc.blocks:
        for i in range(b.start, b.end):
            line, col = doc.position(i)
            assert 1 <= line <= len(lines) and 1 <= col <= len(lines[line - 1]) + 1


def test_plain_text_byline_is_not_the_title() -> None:
    doc = doc_of("Feeding Your Baby: A Guide\n\nBy the Editors\n\nMost babies start solids at six months.\n",
                 "text")
    assert doc.title == "Feeding Your Baby: A Guide"
    assert doc.blocks[1].kind is BlockKind.CAPTION and "byline" in doc.blocks[1].classes


# -- plain text copied from a web page: no blank line between a heading and what hangs under it ---------
COPIED = """Road Trips With a Baby: A Plan
Jenna Moreno
Posted June 3, 2026

Before you go
- Check the car seat fits.
- Plan a stop every two hours.

Key facts
Normal temperature: about 36.5°C to 37.5°C
Fever: 38°C or higher
Call at once: any fever under 3 months

How to plan your day
Leave early or leave at nap time. Many babies sleep well in a car.

How long can a baby stay in a car seat?
Many experts suggest two hours at a time for young babies.

Our best tip
• Plan for the trip to take longer
  than the map says.
• Bring snacks.

Source: NHS, Fever in children, https://www.nhs.uk/conditions/fever-in-children/
"""


def test_plain_text_headings_without_blank_lines() -> None:
    doc = doc_of(COPIED, "text")
    kinds = {b.text: b.kind for b in doc.blocks}
    assert doc.title == "Road Trips With a Baby: A Plan"
    byline = [b for b in doc.blocks if "byline" in b.classes]
    assert [b.text for b in byline] == ["Jenna Moreno", "Posted June 3, 2026"]
    for heading in ("Before you go", "Key facts", "How to plan your day", "Our best tip",
                    "How long can a baby stay in a car seat?"):
        assert kinds[heading] is BlockKind.HEADING, heading
    assert kinds["- Check the car seat fits."] is BlockKind.LIST_ITEM
    assert kinds["Fever: 38°C or higher"] is BlockKind.TABLE_CELL
    assert kinds["Leave early or leave at nap time. Many babies sleep well in a car."] is BlockKind.PARAGRAPH
    wrapped = next(b for b in doc.blocks if b.text.startswith("• Plan"))
    assert wrapped.kind is BlockKind.LIST_ITEM and wrapped.text.endswith("the map says.")
    source = next(b for b in doc.blocks if b.text.startswith("Source:"))
    assert source.kind is BlockKind.PARAGRAPH  # a reference line is content, never a heading
    assert doc.position(doc.text.index("Leave early")) == (15, 1)
    assert_maps_back(doc)


def test_plain_text_hard_wrapped_paragraph_stays_whole() -> None:
    # Short lines that start with a capital but break after "and" or before a lower-case word are wraps.
    text = ("Teething Basics\n\nMost babies get their first tooth between 6 and\n10 months. Put the teether\n"
            "in the fridge.\nKeep the room cool and\nQuiet at night.\nSore Gums Often\nhurt less by day.\n")
    doc = doc_of(text, "text")
    paras = [b for b in doc.blocks if b.kind is BlockKind.PARAGRAPH]
    assert len(paras) == 1 and paras[0].text.count("\n") == 6
    assert [b.kind for b in doc.blocks].count(BlockKind.HEADING) == 1


def test_html_page_without_article_skips_chrome_divs() -> None:
    page = ("<html><body><div class=\"topbar\"><a href=\"/\">Family Hub</a> | Log in</div>\n"
            "<div class=\"post\"><h1>RSV season</h1>\n<p>RSV is a common virus.</p></div>\n"
            "<div class=\"sharebar\">Tweet Pin it</div>\n"
            "<div class=\"related-links\"><h3>You might also like</h3></div>\n"
            "<div class=\"footer\">&copy; 2026 Family Hub</div></body></html>")
    doc = doc_of(page, "html")
    assert [b.text for b in doc.blocks] == ["RSV season", "RSV is a common virus."]


def test_html_share_box_inside_article_is_kept() -> None:
    page = ("<html><body><article><h1>Crawling</h1><p>Babies crawl.</p>"
            "<div class=\"share\">Share this post: Facebook</div></article></body></html>")
    doc = doc_of(page, "html")
    assert any(b.text.startswith("Share this post") for b in doc.blocks)  # a leftover for EL601 to report


def test_plain_text_wrapped_line_at_the_wrap_width_is_not_a_heading() -> None:
    text = ("Sleep Basics\n\nMost babies sleep 14 to 17 hours a day in the first weeks of life.\n"
            "Newborn Babies Wake Often Through Every Long Dark Night\n"
            "Their first months, and that is normal for small tummies.\n")
    doc = doc_of(text, "text")
    assert [b.kind for b in doc.blocks] == [BlockKind.HEADING, BlockKind.PARAGRAPH]


def test_plain_text_title_block_and_step_lines() -> None:
    text = ("Croup in Toddlers: A Quick Guide\nWritten by Sam Lee, MD\nLast updated: 4 March 2026\n\n"
            "What is croup?\nCroup is a viral infection. It causes a barking cough.\n\n"
            "Step 1: Stay calm and hold your child upright.\nStep 2: Offer a drink.\n")
    doc = doc_of(text, "text")
    assert doc.title == "Croup in Toddlers: A Quick Guide"
    assert [b.kind for b in doc.blocks[:3]] == [BlockKind.HEADING, BlockKind.CAPTION, BlockKind.CAPTION]
    steps = next(b for b in doc.blocks if b.text.startswith("Step 1"))
    assert steps.kind is BlockKind.PARAGRAPH  # instructions that end a sentence are prose, not table cells


# -- template code, alt text and attributes are never prose (issue 11 §5) ---------------------------------
PHP_PAGE = """<?php
$sizes = array('newborn' => 'up to 4 kg', 'small' => '3 to 6 kg', 'medium' => '5 to 9 kg',
               'large' => '9 to 14 kg', 'extra large' => 'over 14 kg'); if ($a > $b) { echo "<p>x</p>"; }
?>
<html><head><meta charset="utf-8"><title>Nappy sizes</title></head><body>
<h1>Choosing nappy sizes</h1>
<p>Size by weight, not by age. <?= $brand ?> A snug fit at the legs stops leaks.</p>
</body></html>
"""

JSP_PAGE = """<%@ page contentType="text/html; charset=UTF-8" %>
<%@ taglib prefix="c" uri="http://java.sun.com/jsp/jstl/core" %>
<html><body>
<h1>Croup</h1>
<% if (user != null && visits > 2) { %><p>Welcome back.</p><% } %>
<p>Croup causes a barking cough. Most children get better within a week.</p>
</body></html>
"""


def test_php_code_is_not_read_as_text() -> None:
    doc = doc_of(PHP_PAGE, "html")
    assert [(b.kind, b.text) for b in doc.blocks] == [
        (BlockKind.HEADING, "Choosing nappy sizes"),
        (BlockKind.PARAGRAPH, "Size by weight, not by age. A snug fit at the legs stops leaks.")]
    assert doc.metadata["title"] == "Nappy sizes"
    assert_maps_back(doc)


def test_jsp_page_keeps_its_body() -> None:
    doc = doc_of(JSP_PAGE, "html")
    assert [b.text for b in doc.blocks] == ["Croup", "Welcome back.",
                                            "Croup causes a barking cough. Most children get better "
                                            "within a week."]
    assert_maps_back(doc)


@pytest.mark.parametrize("fmt", ["markdown", "text"])
def test_template_tags_in_markdown_and_text_are_masked(fmt: str) -> None:
    text = ("Packed lunches\n\n{% include 'ad.html' %}\n\nDear {{ user.name }}, cut grapes "
            "lengthwise.<% out.print(x); %> Offer water, not juice.\n\n{# editor note #}\n")
    doc = doc_of(text, fmt)
    prose = " ".join(b.text for b in doc.blocks)
    for leftover in ("include", "user.name", "out.print", "editor note", "{", "%"):
        assert leftover not in prose, (fmt, leftover)
    body = next(b for b in doc.blocks if "grapes" in b.text)
    assert " ".join(body.text.split()) == "Dear , cut grapes lengthwise. Offer water, not juice."
    assert doc.position(body.start + body.text.index("cut")) == (5, 23)


def test_alt_text_is_its_own_block_kind_in_markdown_and_html() -> None:
    md = doc_of("# Teeth\n\n![A toddler brushing her teeth](t.png)\n\nBrush twice a day.\n", "markdown")
    html = doc_of('<h1>Teeth</h1><p><img src="t.png" alt="A toddler brushing her teeth"></p>'
                  "<p>Brush twice a day.</p>", "html")
    for doc in (md, html):
        alt = next(b for b in doc.blocks if b.text == "A toddler brushing her teeth")
        assert alt.kind is BlockKind.ALT and not alt.is_prose and alt in list(doc.iter_blocks())
        assert alt not in doc.prose_blocks()


def test_alt_text_is_not_prose_for_readability_repetition_or_claims() -> None:
    from editlint import Linter

    alt = ("Parents should always consult a qualified paediatric healthcare professional regarding "
           "any developmental irregularity observed during routine interactions at home")  # 20 words
    md = f"# Reading together\n\n![{alt}](r.png)\n\nRead a short book every night. Let your child turn " \
         "the pages. Point at the pictures and name them.\n"
    report = Linter({"select": ["EL2", "EL104", "EL106"]}).lint_text(md, path="a.md")
    assert report.findings == []
    assert report.metrics["words"] == 19  # the prose only, not the alt text


def test_html_attributes_never_reach_text() -> None:
    html = ('<html><head><meta charset="utf-8"></head><body><p title="tooltip words" data-x="y">Brush '
            '<img alt="toothbrush" src="b.png"> twice <span style="color:red">a day</span>.</p>'
            '</body></html>')
    md = ('# Teeth\n\nBrush twice <img src="b.png"\n  alt="toothbrush" width="20"> a day.\n\n'
          '<meta charset="utf-8">\n')
    txt = 'Teeth\n\nBrush twice <img src="b.png" alt="toothbrush"> a day <b>gently</b>.\n'
    for text, fmt in ((html, "html"), (md, "markdown"), (txt, "text")):
        doc = doc_of(text, fmt)
        words = " ".join(b.text for b in doc.blocks)
        for attr in ("charset", "alt", "src", "title", "style", "tooltip", "utf"):
            assert attr not in words.split() and f"{attr}=" not in words, (fmt, attr)
        assert "Brush twice" in " ".join(words.split())


def test_toml_front_matter_and_blade_directives_are_not_prose() -> None:
    text = ('+++\ntitle = "Fever in babies"\ndraft = false\n+++\n\n# Fever in babies\n\n'
            "@extends('layouts.app') @section('content')\n\nA fever is 38 °C or more. {!! $banner !!}\n\n"
            "@endsection\n")
    doc = doc_of(text, "markdown")
    assert doc.metadata["title"] == "Fever in babies" and doc.metadata["draft"] is False
    assert [(b.kind, " ".join(b.text.split())) for b in doc.blocks] == [
        (BlockKind.HEADING, "Fever in babies"), (BlockKind.PARAGRAPH, "A fever is 38 °C or more.")]
    html = doc_of("@extends('layouts.app')\n<h1>Sleep</h1>\n<p>Put babies to sleep on their back.</p>\n",
                  "html")
    assert [b.text for b in html.blocks] == ["Sleep", "Put babies to sleep on their back."]


def test_link_only_blocks_are_marked() -> None:
    md = doc_of("# Lice\n\n[Medical detail about head lice](https://x.org)\n\nSee [the guide](x) now.\n\n"
                "- [Related page](a)\n", "markdown")
    html = doc_of("<h1>Lice</h1><p><a href='x'>More on head lice</a></p><p>See <a href=x>this</a> now.</p>",
                  "html")
    for doc in (md, html):
        marked = [b.text for b in doc.blocks if "link-only" in b.classes]
        assert marked and all("now" not in t for t in marked)
    assert [b.text for b in md.blocks if "link-only" in b.classes] == ["Medical detail about head lice",
                                                                         "Related page"]


def test_invalid_toml_front_matter_is_an_input_error() -> None:
    with pytest.raises(InputError, match="front matter is not valid TOML"):
        doc_of('+++\ntitle = "Naps\n+++\n\n# Naps\n\nText.\n', "markdown")


def test_plain_text_lead_in_and_bare_list_lines() -> None:
    doc = doc_of("Bath safety\n\nNever leave your baby alone in the bath.\n\n"
                 "Before the bath, make sure you have:\n\nA soft towel within reach\n"
                 "Clean clothes and a nappy\nWarm water tested with your elbow\n",
                 "text")
    kinds = [(b.kind, b.text) for b in doc.blocks]
    assert kinds[2] == (BlockKind.PARAGRAPH, "Before the bath, make sure you have:")
    assert [b.kind for b in doc.blocks[3:]] == [BlockKind.LIST_ITEM] * 3
    # wrapped prose under a colon stays one paragraph
    prose = doc_of("Tip\n\nHere is the thing to remember about this:\nwhen the water feels warm to your "
                   "elbow it is\nright for the baby.\n", "text")
    assert [b.kind for b in prose.blocks][-1] is BlockKind.PARAGRAPH
