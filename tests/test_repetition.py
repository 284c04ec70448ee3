"""Repetition family (EL1xx): failing and tricky passing examples per rule, across formats, and the seed."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import SAMPLES, SEED, codes, lint_snippet
from helpers import sample_findings
from hypothesis import given, settings
from hypothesis import strategies as hs

from editlint import FileReport
from editlint.checks import repetition
from editlint.datafile import DataFileError
from editlint.findings import Finding
from editlint.fixes import apply_edits
from editlint.readers import read
from editlint.rules import Registry
from editlint.source import decode

CLEAN_SAMPLES = ["safe-infant-sleep.md", "starting-solid-foods.html", "fever-in-babies.txt",
                 "paper-plate-lions.md", "day-out-packing-list.txt", "moving-in-the-first-year.md"]


def only(report: FileReport, code: str) -> list[Finding]:
    return [f for f in report.findings if f.rule == code]


def lines(findings: list[Finding]) -> list[int]:
    return sorted(f.line for f in findings)


# -- the reference article ----------------------------------------------------------------------------
@pytest.fixture(scope="module")
def seed_report() -> FileReport:
    """The reference article linted once for all seed tests (skipped when ../shared is absent)."""
    if not SEED.is_file():
        pytest.skip("../shared/seed/backward-crawling.txt is not present")
    return lint_snippet(SEED.read_text(encoding="utf-8"), "text", select=["EL1"])


def test_seed_headline_phrase_with_all_seven_occurrences(seed_path: Path, seed_report: FileReport) -> None:
    found = only(seed_report, "EL101")
    assert len(found) == 1, [f.message for f in found]
    f = found[0]
    assert "the phenomenon of baby backward crawling" in f.message.casefold()
    assert "is it normal for babies" in f.message.casefold()
    assert "7 times" in f.message
    assert f.severity.value == "warning"  # the severity policy: repetition never blocks publishing
    assert f.line == 41  # reported at the second occurrence
    assert [r.line for r in f.related] == [5, 41, 69, 79, 93, 111, 163]  # line 5 is the hyphen variant


def test_seed_stray_keyword_lines(seed_path: Path, seed_report: FileReport) -> None:
    found = only(seed_report, "EL102")
    assert lines(found) == [7, 43, 89, 127, 145, 165]
    by_line = {f.line: f for f in found}
    assert "'baby crawling backward' (the same line stands 3 times)" in by_line[7].message
    assert sorted(r.line for r in by_line[7].related) == [43, 145]
    assert "motor skill development" in by_line[89].message
    assert "is it normal for my baby to crawl backward" in by_line[165].message
    # the site name above the title is not a keyword line
    assert 1 not in by_line


def test_seed_repeated_conclusions(seed_path: Path, seed_report: FileReport) -> None:
    found = only(seed_report, "EL103")
    assert len(found) == 1
    f = found[0]
    assert f.line == 103 and "3 times" in f.message and "in conclusion" in f.message
    assert sorted(r.line for r in f.related) == [41, 163]


def test_seed_metrics(seed_path: Path, seed_report: FileReport) -> None:
    top = seed_report.metrics["repeated_phrases"]
    assert top[0]["count"] == 7 and top[0]["phrase"].casefold().startswith("the phenomenon of baby")
    assert isinstance(seed_report.metrics["keyphrase_density"], float)


# -- samples ------------------------------------------------------------------------------------------
@pytest.mark.parametrize("name", CLEAN_SAMPLES)
def test_clean_samples_have_no_repetition_warnings(name: str) -> None:
    found = sample_findings(name, "EL1")
    assert [f.rule for f in found if f.severity.rank >= 2] == [], [(f.rule, f.line, f.message) for f in found]


@pytest.mark.parametrize(("name", "expected"), [
    ("newborn-sleep-schedule.md", {("EL101", 8), ("EL102", 10), ("EL102", 26), ("EL103", 53)}),
    ("when-do-babies-walk.html", {("EL101", 2), ("EL102", 3), ("EL103", 20)}),
    ("teething-relief.md", {("EL104", 15), ("EL105", 21), ("EL105", 23), ("EL103", 36)}),
    ("baby-crawling-stages.html", {("EL103", 41), ("EL103", 45)}),
])
def test_flawed_samples(name: str, expected: set[tuple[str, int]]) -> None:
    assert {(f.rule, f.line) for f in sample_findings(name, "EL1")} == expected


def test_newborn_sample_counts_six_stuffed_keyphrases() -> None:
    report = lint_snippet((SAMPLES / "newborn-sleep-schedule.md").read_text(encoding="utf-8"),
                          select=["EL101"])
    (f,) = report.findings
    assert "6 times" in f.message and "(from the title)" in f.message
    assert f.severity.value == "warning"
    body = [r for r in f.related if r.message.startswith("occurrence")]
    assert [r.line for r in body] == [8, 8, 8, 30, 51, 53]


# -- EL101 repeated-phrase ----------------------------------------------------------------------------
TITLE_GLUED_MD = """# When Do Babies Teethe?

When do babies teethe? Most start around six months. Parents often ask when do babies teethe, and the
answer varies. So when do babies teethe?It depends on the child.
"""


def test_el101_title_phrase_glued_to_next_sentence_markdown() -> None:
    (f,) = lint_snippet(TITLE_GLUED_MD, select=["EL101"]).findings
    assert f.line == 3 and "3 times" in f.message and f.severity.value == "warning"
    assert sorted(r.line for r in f.related) == [1, 3, 3, 4]  # three occurrences and the title


def test_el101_is_a_warning_unless_error_count_opts_in_html() -> None:
    text = "<h1>Can Babies Eat Honey?</h1>" + "".join(
        f"<p>Reason {i}: can babies eat honey?{tail}</p>" for i, tail in enumerate(
            ["No.", "Not yet.", "Wait a year.", "Ask a nurse.", "Only after one."]))
    (f,) = lint_snippet(text, "html", select=["EL101"]).findings
    assert "5 times" in f.message and f.severity.value == "warning"
    (f,) = lint_snippet(text, "html", select=["EL101"], rules={"EL101": {"error-count": 5}}).findings
    assert f.severity.value == "error"


def test_el101_dash_quote_case_and_spacing_variants_plain_text() -> None:
    text = ("Baby Sleep Guide\n\n"
            "Read about the baby’s sleep regression – what parents should know first.\n\n"
            "Then the baby's  sleep regression—what parents should know about naps.\n\n"
            "Later THE BABY'S SLEEP REGRESSION ‐ WHAT PARENTS SHOULD KNOW again.\n")
    (f,) = lint_snippet(text, "text", select=["EL101"]).findings
    assert "3 times" in f.message and len(f.related) == 3


def test_el101_reports_only_the_maximal_phrase() -> None:
    body = "Our gentle bedtime routine for tired toddlers works well tonight."
    text = "# Bedtime\n\n" + "\n\n".join(f"{body} Step {i} follows." for i in range(3)) + "\n"
    found = lint_snippet(text, select=["EL101"]).findings
    assert len(found) == 1
    assert "our gentle bedtime routine for tired toddlers works well tonight" in found[0].message.casefold()


@pytest.mark.parametrize(("label", "text", "fmt"), [
    ("title once in the body", "# Baby Led Weaning Basics\n\nBaby led weaning basics are easy to learn.\n",
     "markdown"),
    ("title twice in the body", "# Baby Led Weaning Basics\n\nBaby led weaning basics are easy. "
     "We cover baby led weaning basics below.\n", "markdown"),
    ("FAQ questions that open alike", "# Safe Sleep\n\n## FAQ\n\n"
     "Can I use a sleep sack for my newborn baby? Yes, a wearable blanket is fine.\n\n"
     "Can I use a sleep positioner for my newborn baby? No, positioners are not safe.\n\n"
     "Can I use a sleep swing for my newborn baby at night? No, move your baby to the crib.\n", "markdown"),
    ("bold FAQ questions", "# Swaddling\n\n**Can I swaddle my baby at night?** Yes, until rolling starts.\n\n"
     "**Can I swaddle my baby for naps?** Yes, the same rules apply.\n\n"
     "**Can I swaddle my baby with arms out?** Yes, once they start to roll.\n", "markdown"),
    ("list labels", "# Packing\n\n- Spare clothes for the baby: a onesie and socks.\n"
     "- Spare clothes for the baby: a hat and a jumper.\n- Spare clothes for the baby: a bib.\n", "markdown"),
    ("parallel list items", "<h1>Packing</h1><ul><li>Pack a small bag of nappies for the day trip.</li>"
     "<li>Pack a small bag of snacks for the day trip.</li>"
     "<li>Pack a small bag of wipes for the day trip.</li>"
     "</ul>", "html"),
    ("quotations", "# Sleep\n\nOur nurse said “back to sleep every single time” at every visit. "
     "Then she said it again: “back to sleep every single time”. "
     "At the door: “back to sleep every single time”.\n", "markdown"),
    ("block quotes", "# Sleep\n\n> Put your baby to sleep on their back every time.\n\n"
     "> Put your baby to sleep on their back every time.\n\n"
     "> Put your baby to sleep on their back every time.\n", "markdown"),
    ("function words only", "# Notes\n\nIt is one of the things that you can do. And it is one of the things "
     "that you can do. So it is one of the things that you can do.\n", "markdown"),
    ("repeated headings", "Tummy Time Tips\n\nWhy Tummy Time Matters\n\nIt builds neck strength early on.\n\n"
     "Why Tummy Time Matters\n\nIt also helps with rolling later.\n\nWhy Tummy Time Matters\n\n"
     "It prepares for crawling.\n", "text"),
    ("table rows", "# Feeding\n\n| Age | Milk |\n| --- | --- |\n"
     "| 0-3 months | breast milk or infant formula |\n"
     "| 3-6 months | breast milk or infant formula |\n| 6-9 months | breast milk or infant formula |\n"
     "| 9-12 months | breast milk or infant formula |\n", "markdown"),
])
def test_el101_tricky_passes(label: str, text: str, fmt: str) -> None:
    assert only(lint_snippet(text, fmt, select=["EL101"]), "EL101") == [], label


def test_el101_keyphrase_candidate_from_front_matter() -> None:
    text = ("---\ntitle: Sleep\nkeyphrase: gentle sleep training\n---\n\n# Sleep\n\n"
            "Try gentle sleep training. We love gentle sleep training! Is gentle sleep training for you?\n")
    (f,) = lint_snippet(text, select=["EL101"]).findings
    assert "(the focus keyphrase)" in f.message


# -- EL102 stray-keyword-line -------------------------------------------------------------------------
@pytest.mark.parametrize(("text", "fmt", "line"), [
    ("# Teething Relief for Babies\n\nMost babies get a tooth at six months.\n\nteething relief babies\n\n"
     "A chilled ring helps.\n", "markdown", 5),
    ("<h1>When Do Babies Walk?</h1><p>Most babies walk near their first birthday.</p>\n"
     "<p>baby first steps shoes</p>\n<p>Bare feet help balance.</p>", "html", 2),
    ("Starting Solids\n\nMost babies start solid food at about six months old, when they can sit.\n\n"
     "starting solids tips\n\nOffer one new food at a time.\n", "text", 5),
    ("# Teething Relief\n\nMost babies teethe at six months.\n\n![teething relief](x.jpg)\n", "markdown", 5),
    ("# Night Feeds\n\nKeep feeds calm.\n\nbaby sleeping in crib tips\n\nDim the lights.\n", "markdown", 5),
    ("# Teething Relief Guide\n\nMost babies teethe at six months.\n\nTeething Relief\n\n## Next\n\nMore.\n",
     "markdown", 5),
])
def test_el102_flags_keyword_lines(text: str, fmt: str, line: int) -> None:
    found = only(lint_snippet(text, fmt, select=["EL102"]), "EL102")
    assert lines(found) == [line]


@pytest.mark.parametrize(("label", "text", "fmt"), [
    ("descriptive alt text", "# Teething Relief\n\nMost babies teethe at six months.\n\n"
     "![A baby chewing a cold teething ring](ring.jpg)\n", "markdown"),
    ("descriptive figcaption", "<h1>Teething Relief</h1><p>Most babies teethe at six months.</p><figure>"
     "<img src='a.jpg' alt='A baby chewing a teething ring'><figcaption>A baby chewing a cold teething ring"
     "</figcaption></figure>", "html"),
    ("site name above the title", "Happy Baby Blog\n\nTeething Relief Guide\n\n"
     "Most babies teethe at six months. It can hurt, and cold things help.\n", "text"),
    ("heading with text under it", "Teething Relief Guide\n\nCold Things That Help\n\n"
     "A chilled teething ring soothes sore gums for many babies.\n", "text"),
    ("lead-in line", "# Packing List\n\nwhat to pack for the day:\n\n- nappies\n- wipes\n", "markdown"),
    ("capitalised line that is not a keyword line", "# Teething Relief\n\nMost babies teethe early.\n\n"
     "Leave a Comment\n", "markdown"),
    ("bare URL", "# Teething Relief\n\nRead more.\n\nwww.healthychildren.org\n", "markdown"),
    ("sentence", "# Teething Relief\n\nteething relief comes from cold things.\n", "markdown"),
])
def test_el102_tricky_passes(label: str, text: str, fmt: str) -> None:
    assert only(lint_snippet(text, fmt, select=["EL102"]), "EL102") == [], label


# -- EL103 duplicate-block ----------------------------------------------------------------------------
PARA = ("Offer something cool and firm to chew on if your baby has already started solids. A chilled "
        "cucumber stick can bring quick relief.")


def test_el103_exact_duplicate_is_a_warning_markdown() -> None:
    text = f"# Teething\n\n{PARA}\n\nSome other words about gums and teeth come here.\n\n{PARA}\n"
    (f,) = lint_snippet(text, select=["EL103"]).findings
    assert f.line == 7 and f.severity.value == "warning" and "repeats" in f.message
    assert [r.line for r in f.related] == [3]
    (f,) = lint_snippet(text, select=["EL103"], rules={"EL103": {"error-similarity": 0.9}}).findings
    assert f.severity.value == "error"


def test_el103_short_paragraph_inside_a_longer_one_is_a_warning() -> None:
    longer = PARA + " Stay close while your baby chews, and never leave them alone with food."
    text = f"# Teething\n\n{PARA}\n\nSome other words about gums and teeth come here.\n\n{longer}\n"
    (f,) = lint_snippet(text, select=["EL103"]).findings
    assert f.line == 7 and f.severity.value == "warning"


def test_el103_near_duplicate_is_a_warning_html() -> None:
    other = PARA.replace("quick relief", "fast comfort").replace("Offer", "Give your baby")
    text = f"<h1>Teething</h1><p>{PARA}</p>\n<p>Unrelated text about sleep and naps.</p>\n<p>{other}</p>"
    (f,) = lint_snippet(text, "html", select=["EL103"]).findings
    assert f.line == 3 and f.severity.value == "warning" and "nearly the same" in f.message


def test_el103_repeated_conclusions_plain_text() -> None:
    text = ("Crawling\n\nMost babies crawl by ten months.\n\n"
            "In conclusion, crawling comes in many styles.\n\n"
            "Overall, each baby finds their own way to move.\n\n"
            "To sum up, let your baby explore safely.\n")
    (f,) = lint_snippet(text, "text", select=["EL103"]).findings
    assert f.line == 7 and "3 times" in f.message
    assert sorted(r.line for r in f.related) == [5, 9]


@pytest.mark.parametrize(("label", "text", "fmt"), [
    ("one conclusion, 'Overall' earlier", "# Sleep\n\nOverall, most babies sleep more than you expect.\n\n"
     "Naps get longer by four months.\n\nIn conclusion, follow your baby's cues.\n", "markdown"),
    ("short identical lines", "# Fever\n\nCall your doctor today.\n\nRest and fluids help.\n\n"
     "Call your doctor today.\n", "markdown"),
    ("same topic, different wording", "# Walking\n\nMost babies take their first steps between nine and "
     "eighteen months, and many walk close to their first birthday.\n\nLate walkers are common too: some "
     "children wait until eighteen months, and that is usually fine if other skills are on track.\n",
     "markdown"),
    ("finally as the last tip", "Tips\n\n1. Safety\n\nMake the room safe before the baby plays.\n\n"
     "2. Patience\n\nFinally, keep in mind that every baby moves at their own pace.\n\n"
     "In conclusion, stay patient and keep the floor safe.\n", "text"),
])
def test_el103_tricky_passes(label: str, text: str, fmt: str) -> None:
    assert only(lint_snippet(text, fmt, select=["EL103"]), "EL103") == [], label


# -- EL104 repeated-sentence-opening ------------------------------------------------------------------
def test_el104_three_sentences_same_opening_markdown() -> None:
    text = ("# Sleep\n\nSleep comes in short stretches. Sleep gets longer by three months. "
            "Sleep shifts to night.\n")
    (f,) = lint_snippet(text, select=["EL104"]).findings
    assert f.line == 3 and f.column == 1 and "3 sentences in a row start with 'Sleep'" in f.message
    assert len(f.related) == 3


def test_el104_html_and_second_word_after_article() -> None:
    text = ("<h1>X</h1><p>The baby sleeps a lot. The baby eats often. The baby cries at dusk. "
            "Then it calms.</p>")
    (f,) = lint_snippet(text, "html", select=["EL104"]).findings
    assert "'The baby'" in f.message


@pytest.mark.parametrize(("label", "text", "fmt", "config"), [
    ("different second word after 'The'", "# X\n\nThe baby sleeps. The doctor visits. The nurse calls.\n",
     "markdown", {}),
    ("only two in a row", "# X\n\nYour baby sleeps. Your baby eats. Then they play.\n", "markdown", {}),
    ("list items", "# X\n\n- Your baby sleeps.\n- Your baby eats.\n- Your baby cries.\n", "markdown", {}),
    ("FAQ section", "# X\n\n## Frequently asked questions\n\n### Is it safe?\n\n"
     "Yes. Yes, it is. Yes, really.\n", "markdown", {}),
    ("ignored opener", "# X\n\nYes, it is. Yes, it works. Yes, try it.\n", "markdown",
     {"rules": {"EL104": {"ignore": ["yes"]}}}),
    ("across paragraphs",
     "Sleep\n\nBabies sleep a lot at first.\n\nBabies wake often.\n\nBabies grow fast.\n",
     "text", {}),
])
def test_el104_tricky_passes(label: str, text: str, fmt: str, config: dict[str, object]) -> None:
    assert only(lint_snippet(text, fmt, select=["EL104"], **config), "EL104") == [], label


# -- EL105 doubled-word -------------------------------------------------------------------------------
def _fixed(text: str, fmt: str = "markdown") -> str:
    report = lint_snippet(text, fmt, select=["EL105"])
    return apply_edits(text, [e for f in report.findings for e in f.fixes])


def test_el105_doubled_word_with_fix() -> None:
    text = "# Teeth\n\nRub the the gums gently.\n"
    (f,) = lint_snippet(text, select=["EL105"]).findings
    assert (f.line, f.column, f.end_column) == (3, 5, 12)
    assert _fixed(text) == "# Teeth\n\nRub the gums gently.\n"


def test_el105_across_a_line_break_with_fix() -> None:
    text = "# Teeth\n\nA frozen ring can be too hard for the\nthe gums.\n"
    (f,) = lint_snippet(text, select=["EL105"]).findings
    assert (f.line, f.end_line) == (3, 4)
    assert _fixed(text) == "# Teeth\n\nA frozen ring can be too hard for the gums.\n"


def test_el105_across_inline_markup_fix_stays_safe() -> None:
    text = "# Teeth\n\nRub **the** the gums and <em>a</em> a cloth.\n"
    found = lint_snippet(text, select=["EL105"]).findings
    assert len(found) == 2
    # the edit removes the second copy and the space before it, never the markup
    assert _fixed(text) == "# Teeth\n\nRub **the** gums and <em>a</em> cloth.\n"


def test_el105_no_edit_when_markup_sits_inside_the_deleted_span() -> None:
    text = "# Teeth\n\nRub the **the** gums.\n"
    (f,) = lint_snippet(text, select=["EL105"]).findings
    assert f.fixes == ()  # deleting " **the" would leave a stray "**": report only


def test_el105_html_and_text() -> None:
    html = "<h1>X</h1><p>Keep the the crib bare.</p>"
    (f,) = lint_snippet(html, "html", select=["EL105"]).findings
    assert f.fixes and _fixed(html, "html") == "<h1>X</h1><p>Keep the crib bare.</p>"
    text = "Crib\n\nKeep it it bare and flat.\n"
    assert lines(lint_snippet(text, "text", select=["EL105"]).findings) == [3]


@pytest.mark.parametrize("text", [
    "# X\n\nShe had had a cold, so we said night night early.\n",
    "# X\n\nHe said that that was fine. Bye bye, little one.\n",
    "# Signs of Teething\n\nTeething often starts with drool.\n",
    "# X\n\nType `the the` to see the bug.\n",
    "# X\n\nWe moved to Walla Walla last year.\n",
    "# X\n\nThe the-end sign and re re-used cups.\n",
])
def test_el105_tricky_passes(text: str) -> None:
    assert lint_snippet(text, select=["EL105"]).findings == []


# -- EL106 keyword-density ----------------------------------------------------------------------------
FILLER = ("Put your baby down drowsy but awake, and keep night feeds short and boring. Use a firm, flat "
          "mattress with nothing else in the crib. Give the new routine a week, and you should see calmer "
          "nights and easier naps. Every child is different, so be patient while new habits settle in. ")


@pytest.mark.parametrize("key", ["keyphrase", "focus_keyword", "focus-keyphrase"])
def test_el106_declared_keyphrase_above_three_percent(key: str) -> None:
    body = " ".join(f"Our baby sleep tips number {i} help." for i in range(6)) + " " + FILLER * 2
    text = f"---\ntitle: Sleep\n{key}: baby sleep tips\n---\n\n# Sleep\n\n{body}\n"
    (f,) = only(lint_snippet(text, select=["EL106"]), "EL106")
    assert "focus keyphrase 'baby sleep tips'" in f.message and "6 times" in f.message


def test_el106_keyphrase_derived_from_title_plain_text() -> None:
    body = " ".join(f"Tummy time works well, tip {i}." for i in range(6))
    text = f"Tummy Time: A Guide\n\n{body} {FILLER * 3}\n"
    (f,) = only(lint_snippet(text, "text", select=["EL106"]), "EL106")
    assert "title keyphrase 'Tummy Time'" in f.message


def test_el106_one_word_far_above_its_share() -> None:
    body = " ".join(f"Swaddle snugly, swaddle calmly, swaddle every night {i}." for i in range(8))
    text = f"# Wraps\n\n{body} {FILLER * 2}\n"
    found = only(lint_snippet(text, select=["EL106"]), "EL106")
    assert any("'Swaddle'" in f.message and "forms make" in f.message for f in found)


@pytest.mark.parametrize(("label", "text"), [
    ("short article", "---\nkeyphrase: baby sleep tips\n---\n\nBaby sleep tips. Baby sleep tips. "
     "Baby sleep tips. Baby sleep tips.\n"),
    ("normal density", "---\nkeyphrase: baby sleep tips\n---\n\n# Baby Sleep Tips\n\nThese baby sleep tips "
     "help. " + FILLER * 3 + "\n"),
    ("baby is everywhere in parenting articles", "# Baby Care\n\n"
     + " ".join(f"Your baby likes step {i}, and the baby grows." for i in range(6))
     + " " + FILLER * 3 + "\n"),
])
def test_el106_tricky_passes(label: str, text: str) -> None:
    assert only(lint_snippet(text, select=["EL106"]), "EL106") == [], label


def test_metrics_keyphrase_density_and_repeated_phrases() -> None:
    report = lint_snippet(TITLE_GLUED_MD, select=["EL105"])  # any repetition rule enables the metrics
    assert report.metrics["repeated_phrases"] == [{"phrase": "when do babies teethe", "count": 3}]
    assert report.metrics["keyphrase_density"] > 0


@pytest.mark.parametrize("text,phrase", [
    (TITLE_GLUED_MD, "when do babies teethe"),
    ("# Bath time\n\nBefore the bath, check the water temperature with your elbow. Babies have thin skin, "
     "so always check the water temperature with your elbow first. If in doubt, check the water temperature "
     "with your elbow again.\n", "check the water temperature with your elbow"),
])
def test_repetition_metrics_use_the_repeated_phrase_rules_configured_options(text: str, phrase: str) -> None:
    """The engine gives the metric provider EL101's options (``options_of``): the metric counts what the
    rule would, with the configuration's settings, and the provider never reads the registry."""
    default = lint_snippet(text, select=["EL105"]).metrics["repeated_phrases"]
    assert [p["phrase"] for p in default] == [phrase] and default[0]["count"] == 3
    stricter = lint_snippet(text, select=["EL105"], rules={"EL101": {"min-count": 4}})
    assert stricter.metrics["repeated_phrases"] == []


# -- rule docs and data ---------------------------------------------------------------------------------
@pytest.mark.parametrize("code", ["EL101", "EL102", "EL103", "EL104", "EL105", "EL106"])
def test_docs_examples(code: str) -> None:
    rule = Registry.default().rules[code]
    fmt = rule.docs.example_format
    assert code in codes(lint_snippet(rule.docs.fail, fmt, select=[code]))
    assert code not in codes(lint_snippet(rule.docs.passing, fmt, select=[code]))


@pytest.mark.parametrize("body,key,line", [
    ('[data.repetition.words]\nfunction = ["the", 3]\n', ("words", "function", 1), 2),
    ('[data.repetition.density]\n\nusual-share = { baby = "high" }\n', ("density", "usual-share", "baby"), 3),
    ('[data.repetition.doubled]\nallow = ["very"]\n', ("doubled", "allow", 0), 2),
    ('[data.repetition.faq]\nheading = ["Questions"]\n', ("faq", "heading"), 2),
])
def test_bad_data_in_a_pack_names_file_line_and_key(tmp_path: Path, body: str, key: tuple[str | int, ...],
                                                    line: int) -> None:
    pack = tmp_path / "house.toml"
    pack.write_text(body, encoding="utf-8")
    with pytest.raises(DataFileError) as exc:
        Registry.default([pack])
    assert exc.value.path == str(pack) and exc.value.line == line
    assert exc.value.key[:len(key) + 2] == ("data", "repetition", *key)


def test_pack_extends_the_word_lists(tmp_path: Path) -> None:
    pack = tmp_path / "house.toml"
    pack.write_text('[data.repetition.doubled]\nallow = ["rah rah"]\n', encoding="utf-8")
    lex = Registry.default([pack]).data("repetition")
    assert ("rah", "rah") in lex.doubled_allow and ("had", "had") in lex.doubled_allow
    assert ("rah", "rah") not in Registry.default().data("repetition").doubled_allow


def test_no_spacy_needed_by_cheap_rules() -> None:
    reg = Registry.default()
    needs = {c: reg.check_types[reg.rules[c].check].needs for c in reg.rules if c.startswith("EL1")}
    assert {c for c, n in needs.items() if n} == {"EL102", "EL104"}


def test_tokens_split_punctuation_not_whitespace() -> None:
    doc = read(decode("Is it normal for babies?It’s fine.".encode(), "x.txt", "text", 1000))
    st = repetition.build_stream(doc, doc.blocks, Registry.default().data("repetition"))
    assert st.words == ["is", "it", "normal", "for", "babies", "it's", "fine"]
    assert [(s.start, s.end, s.question) for s in st.segments] == [(0, 5, True), (5, 7, False)]


# -- properties -----------------------------------------------------------------------------------------
_VOCAB = ["warm", "milk", "soft", "blanket", "baby", "sleeps", "on", "her", "back", "today"]


@settings(max_examples=30, deadline=None)
@given(words=hs.lists(hs.sampled_from(_VOCAB), min_size=2, max_size=12).filter(
    lambda ws: all(a != b for a, b in zip(ws, ws[1:], strict=False))),  # neighbours: one shorter by design
    at=hs.integers(min_value=0, max_value=11), sep=hs.sampled_from([" ", "\n", "  "]))
def test_el105_fix_removes_exactly_the_second_copy(words: list[str], at: int, sep: str) -> None:
    at = at % len(words)
    clean = "# Note\n\n" + " ".join(words) + ".\n"
    doubled_words = words[: at + 1] + words[at:]
    text = "# Note\n\n" + " ".join(doubled_words[: at + 1]) + sep + " ".join(doubled_words[at + 1:]) + ".\n"
    found = lint_snippet(text, select=["EL105"]).findings
    assert len(found) == 1
    fixed = _fixed(text)
    assert " ".join(fixed.split()) == " ".join(clean.split())
    assert lint_snippet(fixed, select=["EL105"]).findings == []


def test_el101_long_pasted_passage_is_one_finding_and_whole_paragraphs_are_el103s() -> None:
    passage = " ".join(f"word{i} stays calm" for i in range(20))  # 60 words, no punctuation
    text = "# Calm\n\n" + "\n\n".join(f"Intro {k} here: {passage} and more {k}." for k in range(3)) + "\n"
    assert len(only(lint_snippet(text, select=["EL101"]), "EL101")) == 1
    para = "Keep the crib bare, with a firm flat mattress and a fitted sheet, and nothing else in it."
    text = ("# Crib\n\n" + "\n\n".join([para, "Room sharing helps at night.", para, "Naps count too.", para])
            + "\n")
    report = lint_snippet(text, select=["EL101", "EL103"])
    assert codes(report) == ["EL103"]


# -- regressions from the style corpus (tests/corpus/style) ---------------------------------------------
def test_el103_weak_openers_piled_at_the_end() -> None:
    text = ("# Sleep regression\n\nNaps get short at four months. Nights get broken too.\n\n"
            "Overall, this change is normal and it passes with a steady routine.\n\n"
            "In short, the change is normal, and a calm routine helps it pass.\n\n"
            "To conclude, this is a normal phase that a routine helps with.\n")
    found = only(lint_snippet(text, select=["EL103"]), "EL103")
    assert [(f.line, "sums up 3 times" in f.message) for f in found] == [(7, True)]


def test_el101_headline_inside_a_repeated_sentence_is_the_finding() -> None:
    text = ("---\ntitle: The 4-Month Sleep Regression\n---\n\n"
            "Many parents meet the 4-month sleep regression.\n\n"
            "The 4 Month Sleep-Regression usually lasts a few weeks.\n\n"
            "Overall, the 4-month sleep regression is a normal change in sleep.\n\n"
            "In short, the 4-month sleep regression is a normal change in how babies sleep.\n\n"
            "Finally, the 4-month sleep regression is a normal change for most babies.\n")
    found = only(lint_snippet(text, select=["EL101"]), "EL101")
    assert len(found) == 1 and "appears 5 times" in found[0].message
    assert "(from the title)" in found[0].message


def test_el106_one_word_crammed_into_one_paragraph_text() -> None:
    text = ("Early Reading\n\nPlay with sounds\n\n"
            "Phonics games help children hear sounds. Try phonics songs, "
            "phonics cards and phonics apps. A phonics game can be short. Keep phonics fun so your child "
            "wants more phonics every day at home.\n\n" + FILLER * 2 + "\n")
    found = only(lint_snippet(text, "text", select=["EL106"]), "EL106")
    assert len(found) == 1 and "'Phonics' comes 7 times in this paragraph" in found[0].message
    assert found[0].line == 5 and found[0].column == 1 and len(found[0].related) == 6


@pytest.mark.parametrize(("label", "text"), [
    ("topic noun of a short guide", "# Car Seat Stages\n\n" + " ".join(
        f"Step {i}: check the seat, the seat belt path and the harness." for i in range(8))
     + " " + FILLER * 3 + "\n"),
    ("a word four times in a paragraph", "# Naps\n\nNaps change a lot. Short naps are common, long naps "
     "happen too, and most naps get longer by six months when babies settle.\n\n" + FILLER + "\n"),
])
def test_el106_style_corpus_tricky_passes(label: str, text: str) -> None:
    assert only(lint_snippet(text, select=["EL106"]), "EL106") == [], label


# -- EL103: parallel items that differ in their figures or ages are not duplicates --------------------------
@pytest.mark.parametrize("fmt, first, second", [
    ("markdown",
     "For children under 2 years, keep the car seat rear-facing in the back seat and pull the harness "
     "snug so you cannot pinch any slack at the shoulders.",
     "For children from 2 to 4 years, keep the car seat forward-facing in the back seat and pull the "
     "harness snug so you cannot pinch any slack at the shoulders."),
    ("html",
     "Between 12 and 18 months, offer about 350 mL of whole milk a day in an open cup, and serve it "
     "with meals rather than at bedtime.",
     "Between 18 and 24 months, offer about 400 mL of whole milk a day in an open cup, and serve it "
     "with meals rather than at bedtime."),
    ("text",
     "Newborns need to sleep on their back in a bare cot, with the room kept at a comfortable "
     "temperature and a light sleeping bag instead of loose blankets.",
     "Toddlers need to sleep on their back in a bare cot, with the room kept at a comfortable "
     "temperature and a light sleeping bag instead of loose blankets."),
])
def test_el103_blocks_differing_in_numbers_or_ages_are_parallel_items(fmt: str, first: str,
                                                                      second: str) -> None:
    if fmt == "html":
        text = f"<h1>Guide</h1><p>{first}</p>\n<p>{second}</p>\n"
    else:
        text = f"Guide\n\n{first}\n\n{second}\n" if fmt == "text" else f"# Guide\n\n{first}\n\n{second}\n"
    assert only(lint_snippet(text, fmt, select=["EL103"]), "EL103") == []
    # the same block twice, figures and all, is still a copy
    twice = text.replace(second, first)
    (f,) = only(lint_snippet(twice, fmt, select=["EL103"]), "EL103")
    assert "repeats" in f.message


def test_el103_numbers_are_compared_as_a_bag() -> None:
    para = ("Check the bath water with your elbow before the bath: about 37 degrees feels warm, never hot, "
            "and two or three baths a week are plenty for a young baby.")
    moved = ("Two or three baths a week are plenty for a young baby; check the bath water with your elbow "
             "before the bath: about 37 degrees feels warm, never hot.")
    (f,) = only(lint_snippet(f"# Baths\n\n{para}\n\n{moved}\n", select=["EL103"]), "EL103")
    assert f.line == 5


# -- EL101: the article's own topic is expected ------------------------------------------------------------
OWN_FILLER = ["Parents ask about this often.", "Every child is different.", "Talk to your health visitor.",
              "Keep a short diary for a week.", "Small changes help most families.", "Rest when you can.",
              "Write down questions before appointments.", "Most children settle with time.",
              "Trust what you know about your child.", "Grandparents can lend a hand.",
              "Bring a snack and a drink.", "Ask the nursery what they notice.",
              "Praise effort, not results.",
              "A calm voice works better than a loud one.", "Expect good days and bad days.",
              "Siblings often copy each other.", "Fresh air helps everyone.", "Keep spare clothes handy.",
              "Bedtimes slip during holidays.", "Older cousins make good helpers.", "Plan quiet afternoons.",
              "Nobody gets everything right.", "Routines give toddlers a sense of safety.",
              "Laughter defuses many standoffs."]


def paragraphs(frames: list[str], filler: int = 3) -> str:
    """One paragraph per frame, each followed by filler sentences no other paragraph uses."""
    return "\n\n".join(f"{frame} {' '.join(OWN_FILLER[filler * i:filler * i + filler])}"
                        for i, frame in enumerate(frames))


def test_el101_topic_name_said_as_often_as_needed_is_not_stuffing() -> None:
    for title, name in (("Whooping cough vaccine", "whooping cough vaccine"),
                        ("Hand, foot and mouth disease", "hand, foot and mouth disease")):
        body = paragraphs([f"Book the {name} early.", f"Most clinics stock the {name}.",
                           f"After the {name}, a sore arm is common.", f"Ask whether the {name} is due."],
                          filler=6)
        report = lint_snippet(f"# {title}\n\n{body}\n", select=["EL101"])
        assert only(report, "EL101") == [], title


def test_el101_title_qualifier_is_not_stuffing() -> None:
    body = paragraphs(["Seat checks at home matter for babies and young children.",
                       "Straps twist easily, and for babies and young children that is risky.",
                       "Booster rules differ for babies and young children in each country."])
    report = lint_snippet(f"# Car seat checks for babies and young children\n\n{body}\n", select=["EL101"])
    assert only(report, "EL101") == []


def test_el101_title_keyphrase_with_a_qualifier_pasted_everywhere_is_stuffing() -> None:
    body = paragraphs([f"Pick {n}: bedtime stories for toddlers {why}." for n, why in
                       (("one", "with rhymes"), ("two", "about animals"), ("three", "that are short"),
                        ("four", "in big print"), ("five", "from the library"))])
    text = f"# Best Bedtime Stories for Toddlers: Five Picks\n\n{body}\n"
    (f,) = only(lint_snippet(text, select=["EL101"]), "EL101")
    assert f.data == {"phrase": "bedtime stories for toddlers", "count": 5}


def test_el101_headline_clause_is_never_the_topic() -> None:
    body = paragraphs(["Parents ask why do toddlers bite so often.",
                       "Nursery staff hear why do toddlers bite every week.",
                       "Grandparents wonder why do toddlers bite at all."], filler=5)
    (f,) = only(lint_snippet(f"Why do toddlers bite?\n\n{body}\n", "text", select=["EL101"]), "EL101")
    assert f.data["phrase"] == "why do toddlers bite" and f.data["count"] == 3


def test_el101_parallel_frames_in_list_items_and_sibling_sections_are_not_repetition() -> None:
    items = "\n".join(f"- {food} can be offered as a finger food from around 8 months."
                      for food in ("Toast", "Soft pear", "Cooked pasta"))
    sections = "\n\n".join(f"## {kit}\n\nPack the {kit.lower()} in the bag the night before. "
                            f"{OWN_FILLER[k]}" for k, kit in enumerate(("Nappies", "Wipes", "Bottles")))
    text = f"# Days out\n\n{items}\n\n{sections}\n"
    assert only(lint_snippet(text, select=["EL101"]), "EL101") == []


def test_el102_page_title_line_and_link_paragraphs_are_not_stray_lines() -> None:
    md = ("Potty training basics | Family Health | Example Clinic\n\n# Potty training basics\n\n"
          "Most children are ready between 18 months and 3 years. Watch for dry nappies after naps.\n\n"
          "[More about potty training and bedwetting](https://example.org/potty)\n\n"
          "Keep spare pants in the car.\n")
    html = ('<html><head><title>Car seat fitting</title></head><body><p>Car seat fitting - City Council</p>'
            "<h1>Car seat fitting</h1><p>Fit the seat in the back. Check the harness every trip.</p>"
            '<p><a href="/seats">Car seat fitting clinics near you</a></p></body></html>')
    for text, fmt in ((md, "markdown"), (html, "html")):
        assert only(lint_snippet(text, fmt, select=["EL102"]), "EL102") == [], fmt
    # an SEO keyword line below the text is still one
    leaked = md + "\npotty training basics tips\n"
    assert [f.line for f in only(lint_snippet(leaked, select=["EL102"]), "EL102")] == [11]


def test_el104_function_word_triplets_are_parallel_structure() -> None:
    triplets = ["Some toddlers nap twice. Some nap once. Some drop naps by three.",
                "If you work nights, share the feeds. If you have twins, try a schedule. If you feel low, "
                "say so.", "I packed the bag. I forgot the wipes. I laughed about it later."]
    for text in triplets:
        assert only(lint_snippet(f"{text}\n", select=["EL104"]), "EL104") == [], text
    fourth = triplets[0].replace("by three.", "by three. Some never nap at all.")
    assert len(only(lint_snippet(f"{fourth}\n", select=["EL104"]), "EL104")) == 1
    nouns = "Bathwater should feel warm. Bathwater cools fast. Bathwater needs checking with an elbow."
    assert len(only(lint_snippet(f"{nouns}\n", select=["EL104"]), "EL104")) == 1


def test_el106_the_subjects_own_name_may_be_dense() -> None:
    # a page about one condition has no other word for it; 'X - Site' titles carry a suffix
    body = " ".join(f"Slapped cheek {v} {OWN_FILLER[i]}" for i, v in enumerate(
        ("starts with a cold.", "leaves a bright red rash.", "is mild in most children.",
         "usually lasts a few days.", "can worry parents.", "rarely needs hospital care."))) + " " + \
        " ".join(OWN_FILLER[6:14])
    html = (f"<html><head><title>Slapped cheek - Example Health</title></head><body><h1>Slapped cheek</h1>"
            f"<p>{body}</p></body></html>")
    report = lint_snippet(html, "html", select=["EL106"])
    assert report.metrics["keyphrase"] == "Slapped cheek" and report.metrics["keyphrase_density"] > 3
    assert only(report, "EL106") == []
    # an SEO title's first part is a keyphrase, held to 3 %
    seo = f"# Slapped Cheek: The Complete Guide for Parents\n\n{body}\n"
    assert len(only(lint_snippet(seo, select=["EL106"]), "EL106")) == 1


def test_el101_does_not_count_a_phrase_again_inside_a_copied_paragraph() -> None:
    for topic, para in (("Formula feeding", "If your baby seems hungry after feeds, talk with your health "
                         "visitor about how much formula to offer at each feed."),
                        ("Car seats", "Before a long drive, ask the fitting centre to check the seat belt "
                         "route and the harness height for your child.")):
        phrase = " ".join(para.split()[6:11]) if topic == "Car seats" else "talk with your health visitor"
        text = (f"# {topic}\n\n{para}\n\nSome other words come here about something else entirely.\n\n{para}"
                f"\n\nLater on, {phrase} once more.\n")
        report = lint_snippet(text, select=["EL101", "EL103"])
        assert [f.rule for f in report.findings] == ["EL103"], topic


def test_el103_a_short_tip_restated_in_each_section_is_not_a_copy() -> None:
    tip = "Always stay with your child while they eat, and keep them sitting upright at the table."
    sections = "\n\n".join(f"## From {age}\n\n{OWN_FILLER[i]} {OWN_FILLER[i + 5]}\n\n{tip}"
                           for i, age in enumerate(("6 months", "9 months", "12 months")))
    assert only(lint_snippet(f"# Finger foods\n\n{sections}\n", select=["EL103"]), "EL103") == []
    # the same tip twice in one section is a copy
    twice = f"# Finger foods\n\n## From 6 months\n\n{tip}\n\n{OWN_FILLER[3]}\n\n{tip}\n"
    assert len(only(lint_snippet(twice, select=["EL103"]), "EL103")) == 1
    # and a long paragraph pasted into two sections is a copy too
    long = " ".join(OWN_FILLER[:8])
    pasted = f"# Naps\n\n## Mornings\n\n{long}\n\n## Afternoons\n\n{long}\n"
    assert len(only(lint_snippet(pasted, select=["EL103"]), "EL103")) == 1
