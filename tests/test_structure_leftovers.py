"""Structure leftovers that block publishing (EL607 merge-conflict markers, EL608 placeholder text) and
headings with no space after their marks (EL609), in every format, with their look-alikes left alone."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from editlint import FileReport
from editlint.findings import Applicability, Severity
from editlint.fixes import apply_edits
from editlint.readers.markers import conflict_markers

Lint = Callable[..., FileReport]


def found(report: FileReport, code: str) -> list[tuple[int, int, str]]:
    """(line, column, flagged text) of each finding of ``code``."""
    return [(f.line, f.column, f.severity.value) for f in report.findings if f.rule == code]


# -- EL607 merge-conflict markers ---------------------------------------------------------------------
BATH_CONFLICT = """\
Bath your baby two or three times a week.

<<<<<<< HEAD
Use water at about 37 degrees.
=======
Use warm water and test it with your elbow.
>>>>>>> editor/bath-temperature

Never leave your baby alone in the bath.
"""


@pytest.mark.parametrize("fmt", ["markdown", "text"])
def test_el607_one_error_per_conflict_with_every_marker_related(lint: Lint, fmt: str) -> None:
    report = lint(BATH_CONFLICT, fmt, select=["EL607"])
    (f,) = [f for f in report.findings if f.rule == "EL607"]
    assert (f.line, f.column, f.end_column, f.severity) == (3, 1, 13, Severity.ERROR)
    assert [r.line for r in f.related] == [5, 7]
    assert f.data == {"markers": 3}


def test_el607_in_html_and_with_a_base_section(lint: Lint) -> None:
    page = ("<h1>Car seats</h1>\n<<<<<<< ours\n<p>Keep rear-facing until two.</p>\n||||||| base\n"
            "<p>Keep rear-facing.</p>\n=======\n<p>Keep rear-facing as long as the seat allows.</p>\n"
            ">>>>>>> theirs\n<p>Check the harness.</p>\n")
    (f,) = [f for f in lint(page, "html", select=["EL607"]).findings]
    assert f.line == 2 and [r.line for r in f.related] == [4, 6, 8]


def test_el607_setext_underline_and_incomplete_markers_are_not_conflicts(lint: Lint) -> None:
    text = ("Packing for a picnic\n=======\n\nBring water and hats.\n\n<<<<<<< started but never "
            "finished\n\nShade matters more than sunscreen for babies.\n")
    assert conflict_markers(text) == []
    assert found(lint(text, select=["EL607"]), "EL607") == []
    # the Markdown reader keeps the underline's meaning: the line above is a heading
    assert lint(text, select=["EL607"]).findings == []


def test_el607_markers_inside_a_code_sample_are_left_alone(lint: Lint) -> None:
    text = ("# Versioning recipes\n\nA conflict looks like this:\n\n```\n<<<<<<< HEAD\nflour\n=======\n"
            "oats\n>>>>>>> branch\n```\n")
    assert found(lint(text, select=["EL607"]), "EL607") == []


def test_markdown_conflict_lines_do_not_become_headings_or_quotes(lint: Lint) -> None:
    report = lint(BATH_CONFLICT, select=["EL603", "EL102"])
    assert report.findings == []  # "=======" did not make a heading, ">>>>>>>" no quote


# -- EL608 placeholder text -----------------------------------------------------------------------------
@pytest.mark.parametrize("fmt", ["markdown", "html", "text"])
def test_el608_finds_each_kind_of_placeholder(lint: Lint, fmt: str) -> None:
    lines = ["Toddlers need about 500 mL of milk a day TK.",
             "TODO: check the iron figures with the dietitian.",
             "Offer soft fruit cut into strips [insert photo of banana strips].",
             "Read the label on page ___LINK_REMOVED___ before buying.",
             "Lorem ipsum dolor sit amet, consectetur adipiscing elit.",
             "Most scooters fold flat [citation needed].",
             "Carry spare socks XXX in the changing bag."]
    if fmt == "html":
        text = "".join(f"<p>{ln}</p>\n" for ln in lines)
    else:
        text = "\n\n".join(lines) + "\n"
    report = lint(text, fmt, select=["EL608"])
    labels = [f.data["placeholder"] for f in report.findings]
    assert labels == ["'to come' mark", "editing note", "bracketed instruction", "removed-content token",
                      "lorem ipsum filler", "bracketed instruction", "editing note"], fmt
    assert {f.severity for f in report.findings} == {Severity.ERROR}


def test_el608_precision_words_that_only_look_like_placeholders(lint: Lint) -> None:
    text = ("Write a todo list for the first week home. Pack XXL nappies and a TKO-proof helmet for the "
            "scooter. We found a sling at TK Maxx. The nurse said \"to do\" means later. "
            "Photos [1] show the hold. [Photo: a parent holding a newborn] Ask about "
            "`MAX_DOSE` in the app. Visit https://example.org/TODO/list for more. Stick with it.\n")
    assert found(lint(text, select=["EL608"]), "EL608") == []


def test_el608_allow_list_is_an_option(lint: Lint) -> None:
    text = "Our friends at TK Lighting sent a night light.\n"
    assert found(lint(text, select=["EL608"]), "EL608") == [(1, 16, "error")]
    report = lint(text, select=["EL608"], rules={"EL608": {"allow": ["TK Lighting"]}})
    assert found(report, "EL608") == []


def test_template_code_is_not_a_placeholder_and_not_prose(lint: Lint) -> None:
    text = ("# Nap times\n\nHello {{ reader.first_name }}, here is your plan.\n\n{% if show_chart %}\n\n"
            "Most babies nap twice a day at this age.\n\n{% endif %}\n")
    assert lint(text, select=["EL608", "EL102", "EL501"]).findings == []


# -- EL609 heading without a space -----------------------------------------------------------------------
def test_el609_glued_heading_markers_with_a_safe_fix(lint: Lint) -> None:
    text = "# Potty training\n\n##Getting ready\n\nBuy a small potty.\n\n###When to start Most children...\n"
    report = lint(text, select=["EL609"])
    assert [(f.line, f.column, f.data["level"]) for f in report.findings] == [(3, 1, 2), (7, 1, 3)]
    edits = [e for f in report.findings for e in f.fixes]
    assert all(e.applicability is Applicability.SAFE for e in edits)
    fixed = apply_edits(text, edits)
    assert "## Getting ready" in fixed and "### When to start" in fixed


@pytest.mark.parametrize("title", ["Garden safety", "Packing for a long car trip", "Why 3 naps?"])
@pytest.mark.parametrize("level", [2, 3, 4])
def test_el609_fix_of_a_closed_heading_renders_the_title_alone(lint: Lint, title: str, level: int) -> None:
    """'##Title##' fixed must render as the heading 'Title', not 'Title##': the closing run gets its space
    too; a shorter run of hashes at the end is part of the title."""
    from markdown_it import MarkdownIt

    marks = "#" * level
    text = f"# Weekend\n\n{marks}{title}{marks}\n\nPack water and hats.\n"
    report = lint(text, select=["EL609"])
    assert [(f.line, f.data["level"]) for f in report.findings] == [(3, level)]
    fixed = apply_edits(text, [e for f in report.findings for e in f.fixes])
    tokens = MarkdownIt("commonmark").parse(fixed)
    headings = [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open"]
    assert headings == ["Weekend", title]
    assert lint(fixed, select=["EL609"]).findings == []


def test_el609_a_hash_ending_the_title_is_kept(lint: Lint) -> None:
    from markdown_it import MarkdownIt

    text = "# Clubs\n\n##Coding in C#\n\nAn after-school club.\n"
    report = lint(text, select=["EL609"])
    fixed = apply_edits(text, [e for f in report.findings for e in f.fixes])
    tokens = MarkdownIt("commonmark").parse(fixed)
    assert [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open"] == [
        "Clubs", "Coding in C#"]


def test_el609_in_plain_text_and_single_hash_before_a_capital(lint: Lint) -> None:
    text = "Screen time\n\n#Why limits help\n\nChildren learn more from talking with you.\n"
    assert found(lint(text, "text", select=["EL609"]), "EL609") == [(3, 1, "warning")]


def test_el609_hashtags_numbers_and_html_are_left_alone(lint: Lint) -> None:
    md = ("# Rainy days\n\n## Indoor games\n\n#rainyday #toddlerfun\n\n#1 tip: build a den.\n\n"
          "#Kids #Crafts #Rain\n")
    assert found(lint(md, select=["EL609"]), "EL609") == []
    assert found(lint("<h1>Rain</h1><p>##not a heading in HTML</p>", "html", select=["EL609"]), "EL609") == []


# -- more placeholders, EL610 mojibake -----------------------------------------------------------------------
def test_el608_word_count_notes_and_filler_letters(lint: Lint) -> None:
    text = ("# Weaning\n\nGo slowly and follow your child. (word count 441)\n\nPPPPP\n\n"
            "Word count: 512\n\nHe snored ZZZZ all night. Buy AAA batteries and XXL vests.\n")
    report = lint(text, select=["EL608"])
    assert [(f.line, f.data["placeholder"]) for f in report.findings] == [
        (3, "word-count note"), (5, "filler letters"), (7, "word-count note")]


@pytest.mark.parametrize("fmt", ["markdown", "html", "text"])
def test_el610_one_finding_for_all_garbled_words(lint: Lint, fmt: str) -> None:
    lines = ["Offer whole cowâ€™s milk from 12 months.", "Most toddlers need 2â€“3 cups a day.",
             "Crème fraîche, jalapeño, ½ teaspoon and 37 °C are fine.", "Itâ€™s best with meals."]
    text = ("".join(f"<p>{ln}</p>\n" for ln in lines) if fmt == "html" else "\n\n".join(lines) + "\n")
    (f,) = lint(text, fmt, select=["EL610"]).findings
    assert f.data == {"words": 3} and f.column == (16 if fmt == "html" else 13) and "\"cow's\"" in f.message
    assert len(f.related) == 2


def test_el610_correct_accents_and_typography_pass(lint: Lint) -> None:
    text = ("Try fromage frais, crème fraîche or a jalapeño-free salsa. Heat milk to 37 °C, add ½ tsp of "
            "sugar — or none at all… “Naïve” café owners say ‘no’. Ångström and Æ are letters too.\n")
    assert lint(text, select=["EL610"]).findings == []


def test_el610_plain_ascii_does_not_import_ftfy(lint: Lint) -> None:
    """ASCII text cannot be garbled: the check answers without loading ftfy (a cold run's 0.05-0.09 s)."""
    import sys

    held = {name: sys.modules.pop(name) for name in list(sys.modules) if name.split(".")[0] == "ftfy"}
    try:
        assert lint("Offer whole milk from 12 months. Its fine.\n", select=["EL610"]).findings == []
        assert not any(name.split(".")[0] == "ftfy" for name in sys.modules)
    finally:
        sys.modules.update(held)


def test_el611_site_chrome_of_scraped_pages_one_finding_a_region(lint: Lint) -> None:
    text = ("Skip to main content\n\nSearch\n\n# Nappy rash\n\nChange nappies often. Print the chart and "
            "search the cupboard for a barrier cream.\n\nBack to top\n\nThis website uses cookies to "
            "improve your experience.\n")
    (f,) = lint(text, select=["EL611"]).findings
    assert f.line == 1 and f.severity.value == "error" and [r.line for r in f.related] == [3, 9, 11]
    apart = lint(text, select=["EL611"], rules={"EL611": {"group-within-blocks": 0}}).findings
    assert [f.line for f in apart] == [1, 3, 9, 11]
    # the same words inside sentences, headings or longer blocks are the article's own
    own = "# Search and rescue games\n\nHide a toy and let your toddler search. Print a treasure map.\n"
    assert lint(own, select=["EL611"]).findings == []


# -- EL602: what only looks like a flattened row -------------------------------------------------------------
@pytest.mark.parametrize("text, fmt", [
    ("# Tags\n\n[Babies](https://x.org/b)[Toddlers](https://x.org/t)\n\nText here.\n", "markdown"),
    ('<h1>Tags</h1><p><a href="/b">Weaning</a><a href="/t">Recipes</a></p>', "html"),
    ("# Teeth\n\nBrush daily.\n\n## References\n\nHealthyKids Team. Brushing guide\n", "markdown"),
    ("# Teeth\n\nBrush daily.\n\nKidsHealth Staff. (2019). Brushing guide\n", "markdown"),
    ("Naps\n\nNap at noon.\n\n<<<<<<< HEAD\nOne nap\n=======\nTwo naps\n>>>>>>> d41c9e2Fix\n", "text"),
])
def test_el602_links_citations_and_conflict_lines_are_not_rows(lint: Lint, text: str, fmt: str) -> None:
    assert found(lint(text, fmt, select=["EL602"]), "EL602") == []


def test_el602_still_finds_glued_rows(lint: Lint) -> None:
    text = "Bath time\n\nWater TemperatureAbout 37 °C\nBath LengthFive minutes\n\nKeep it short.\n"
    assert [line for line, _, _ in found(lint(text, "text", select=["EL602"]), "EL602")] == [3]


@pytest.mark.parametrize("text, fmt", [
    ("# Weaning\n\n## Start slowly\n\n> ### \"Let your child lead.\"\n\nOffer one new food a day.\n",
     "markdown"),
    ('<h1>Weaning</h1><h2>Start slowly</h2><blockquote><h4>"Let your child lead."</h4></blockquote>'
     "<p>Offer one new food a day.</p>", "html"),
])
def test_pull_quotes_styled_as_headings_are_not_the_outline(lint: Lint, text: str, fmt: str) -> None:
    assert lint(text, fmt, select=["EL603", "EL604"]).findings == []
    outside = text.replace("> ### ", "#### ").replace("<blockquote><h4>", "<h4>").replace(
        "</h4></blockquote>", "</h4>")
    assert [f.rule for f in lint(outside, fmt, select=["EL603", "EL604"]).findings] == ["EL604"]


def test_el608_a_quoted_placeholder_is_a_mention(lint: Lint) -> None:
    text = "Editors mark missing facts with 'TK' or “TODO”, and designers fill gaps with \"lorem ipsum\".\n"
    assert lint(text, select=["EL608"]).findings == []
    assert len(lint(text.replace("'TK'", "TK"), select=["EL608"]).findings) == 1


def test_el611_a_label_above_its_text_is_not_a_button(lint: Lint) -> None:
    text = "# Handprint cards\n\nPrint\n\nPrint the template on card and cut it out.\n\nSearch\n\n- Home\n"
    assert [f.line for f in lint(text, select=["EL611"]).findings] == [7]


def test_el601_chrome_words_inside_sentences_are_the_articles_own(lint: Lint) -> None:
    text = ("# Bake sale\n\nAt home we use cookies to reward tidy-ups. Come back to top up the juice before "
            "the guests arrive.\n")
    assert lint(text, select=["EL601", "EL611"]).findings == []
