"""Readability family (EL2xx): prose-only scores, audience profiles, and each rule's flagged and tricky
passing examples across formats, the samples and the seed article."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import textstat
from conftest import SAMPLES, codes, lint_snippet
from helpers import document, hits, sample, sample_findings, samples_report
from hypothesis import given, settings
from hypothesis import strategies as hs

from editlint import FileReport, Linter
from editlint.checks import readability
from editlint.datafile import DataFileError
from editlint.errors import ConfigError
from editlint.findings import Finding, Severity
from editlint.fixes import apply_edits
from editlint.rules import Registry


def unwrap(text: str) -> str:
    """Join the lines of each paragraph (kept short here for the line-length limit)."""
    return re.sub(r"(?<!\n)\n(?!\n|$)", " ", text)


CLEAN_SAMPLES = ["safe-infant-sleep.md", "starting-solid-foods.html", "fever-in-babies.txt",
                 "paper-plate-lions.md", "day-out-packing-list.txt", "moving-in-the-first-year.md"]
FLAWED_SAMPLES = ["newborn-sleep-schedule.md", "baby-crawling-stages.html", "first-finger-foods.txt",
                  "teething-relief.md", "when-do-babies-walk.html"]
SCORES = readability.SCORE_NAMES + ("words", "sentences")
Lint = Callable[..., FileReport]

# An article written plainly: short sentences, common words (our own text, 150 words of prose).
PLAIN = unwrap("""# Bath time for your baby

Bath time can be fun for you both. You do not need a big tub. A clean sink or a small baby bath is
fine.

## Get ready first

Fill the bath with warm water, not hot. Test it with your elbow. It should feel warm, not hot. Put a
towel, a clean nappy and fresh clothes within reach.

## In the bath

Hold your baby with one arm under their head and neck. Wash their face with a soft cloth and plain
water. Then wash the rest of their body, ending with the bottom. Talk or sing to your baby while you
wash them.

Never leave your baby alone in the bath, not even for a second. If the doorbell rings, take your
baby with you.

## After the bath

Lift your baby out and wrap them in the towel. Pat their skin dry, and dry the creases well. Two or
three baths a week are enough for a young baby.
""")

# Our own hard prose (about 120 words): long sentences, long words.
HARD = unwrap("""\
Most babies begin to crawl somewhere between six and ten months of age, although the exact timing
varies considerably. Some infants prefer scooting on their bottoms, while others roll across the
floor to reach interesting objects. Pediatricians generally consider these alternative movements
completely normal, provided the baby continues developing new abilities. Parents sometimes worry
when their child skips crawling entirely, but many healthy children move directly to pulling
themselves up and cruising along furniture. Encourage exploration by giving your baby supervised
floor time every day, placing favorite toys slightly out of reach, and celebrating each attempt. If
your baby seems unusually stiff or floppy, or uses only one side of the body, mention it to your
doctor at the next appointment.
""")


def only(report: FileReport, code: str) -> list[Finding]:
    return [f for f in report.findings if f.rule == code]


def words(n: int, word: str = "baby") -> str:
    return " ".join([word] * n)


# -- scores on prose only -----------------------------------------------------------------------------
def test_metrics_are_present_with_their_names(lint: Lint) -> None:
    report = lint(PLAIN, select=["EL202"])
    for name in SCORES:
        assert isinstance(report.metrics[name], (int, float)), name
    assert report.metrics["audience"] == "parents"
    assert report.metrics["words"] == 150  # paragraphs only: the four headings add 15 words
    assert 0 < report.metrics["flesch_kincaid_grade"] < 4
    assert report.metrics["flesch_reading_ease"] > 85
    sections = report.metrics["sections"]
    assert [s["heading"] for s in sections] == ["Bath time for your baby", "Get ready first", "In the bath",
                                                 "After the bath"]
    assert [s["line"] for s in sections] == [1, 5, 9, 15]
    assert sum(s["words"] for s in sections) == report.metrics["words"]
    assert all(isinstance(s["flesch_kincaid_grade"], float) for s in sections)


def test_metrics_only_when_a_readability_rule_runs(lint: Lint) -> None:
    assert "flesch_kincaid_grade" not in lint(PLAIN, select=["EL603"]).metrics


def test_metrics_for_an_article_with_no_prose(lint: Lint) -> None:
    report = lint("# Title\n\n| a | b |\n| --- | --- |\n| 1 | 2 |\n", select=["EL2"])
    assert report.metrics["words"] == 0 and report.metrics["sentences"] == 0
    assert report.metrics["flesch_kincaid_grade"] is None
    assert report.findings == []


def _with_furniture(article: str) -> str:
    """The same prose with more headings, image captions, a table and a code block around it."""
    out = []
    for para in article.split("\n\n"):
        out.append(para)
        if not para.startswith("#"):
            out.append("### A small extra heading that is not prose")
            out.append("![A very long caption describing a photograph of an extraordinarily "
                       "photogenic baby exploring the kitchen floor](photo.jpg)")
    out.append("| Feeding stage | Typical age in months |\n| --- | --- |\n| Introduction of complementary "
               "solids | approximately six |")
    out.append("```\nconsiderably complicated code that is never read as prose\n```")
    return "\n\n".join(out)


def test_headings_captions_tables_and_code_do_not_move_the_scores(lint: Lint) -> None:
    base = lint(PLAIN, select=["EL201"])
    furnished = lint(_with_furniture(PLAIN), select=["EL201"])
    for name in SCORES:
        assert furnished.metrics[name] == base.metrics[name], name
    # the raw text of the furnished file would score differently: the furniture is what we leave out
    raw = textstat.flesch_kincaid_grade(_with_furniture(PLAIN))
    assert abs(raw - base.metrics["flesch_kincaid_grade"]) > 0.5


def test_same_prose_same_scores_across_formats(lint: Lint) -> None:
    paras = [p for p in PLAIN.split("\n\n") if not p.startswith("#")]
    html = ("<h1>Bath time for your baby</h1>\n<figure><img src='a.jpg' alt='x'><figcaption>A baby "
            "splashing happily in an enormous inflatable bathtub</figcaption></figure>\n"
            + "\n".join(f"<p>{p.strip()}</p>" for p in paras) + "\n")
    text = "Bath time for your baby\n\n" + "\n\n".join(p.strip() for p in paras) + "\n"
    md = lint("\n\n".join(paras), select=["EL201"]).metrics
    for fmt, article in (("html", html), ("text", text)):
        other = lint(article, fmt, select=["EL201"]).metrics
        for name in SCORES:
            assert other[name] == md[name], (fmt, name)


def test_textstat_counts_the_sentences_spacy_found(lint: Lint) -> None:
    # abbreviations, decimals, a question kept inside a sentence, list items without a full stop,
    # a two-word sentence (left out of the formulas) and a URL
    article = ("Dr. Lee says a baby of 7.5 kg needs about 2.5 mL of the medicine. Is that a lot? Not "
               "really. See https://example.org/dose?x=1 for the chart, e.g. the 5 mL row.\n\n"
               "- give it with food\n- write down the time\n\nCall 911.\n")
    report = Linter({"select": ["EL202"]}, keep_documents=True).lint_text(article, path="snippet.md")
    doc = report.document
    assert doc is not None
    spacy_sentences = [s for s in doc.cache[("readability", "sentences")]]
    scored = [s for s in spacy_sentences if s.scored]
    assert report.metrics["sentences"] == len(scored) == sum(1 for s in spacy_sentences if s.words >= 3)
    assert textstat.sentence_count(" ".join(s.text for s in scored)) == len(scored)
    assert any(not s.scored and s.words == 2 for s in spacy_sentences)  # "Call 911." / "Not really."


def test_scores_refuse_a_sentence_count_mismatch() -> None:
    with pytest.raises(RuntimeError, match="textstat counts 2 sentences where spaCy found 1"):
        readability.scores(["One sentence here. Another one here."])


@hs.composite
def sentence_like(draw: hs.DrawFn) -> str:
    """Words with separators that sometimes hide a full stop or question mark inside, and odd endings."""
    tokens = draw(hs.lists(hs.text(alphabet="abcxyzABC0123456789", min_size=1, max_size=7), min_size=1,
                           max_size=12))
    out = draw(hs.sampled_from(["", '"', "(", "— "])) + tokens[0]
    for tok in tokens[1:]:
        out += draw(hs.sampled_from([" ", " ", " ", ". ", "? ", ", ", " - ", "."])) + tok
    return out + draw(hs.sampled_from(["", ".", "?", "!", "...", '."', "?)", ":", ";", " .", "…"]))


@settings(max_examples=80, deadline=None)
@given(hs.lists(sentence_like(), min_size=1, max_size=8))
def test_for_textstat_makes_textstat_count_each_sentence_once(sentences: list[str]) -> None:
    ready = [readability.for_textstat(s) for s in sentences]
    ready = [s for s in ready if textstat.lexicon_count(s) >= readability.TEXTSTAT_MIN_WORDS]
    if ready:
        assert textstat.sentence_count(" ".join(ready)) == len(ready)


def test_for_textstat_keeps_letters_and_one_terminal_mark() -> None:
    assert readability.for_textstat("Give 2.5 mL. ") == "Give 2,5 mL."
    assert readability.for_textstat('He said "stop."') == 'He said "stop."'
    assert readability.for_textstat("Myth: babies must crawl") == "Myth: babies must crawl."
    assert readability.for_textstat("Is it safe? Ask first") == "Is it safe, Ask first."


def test_seed_prose_scores_differ_from_raw_textstat(seed_path: Path, lint: Lint) -> None:
    text = seed_path.read_text(encoding="utf-8")
    report = lint(text, "text", select=["EL201"])
    raw_grade = textstat.flesch_kincaid_grade(text)
    raw_ease = textstat.flesch_reading_ease(text)
    assert report.metrics["flesch_kincaid_grade"] != pytest.approx(raw_grade, abs=0.05)
    assert report.metrics["flesch_reading_ease"] != pytest.approx(raw_ease, abs=0.05)
    assert report.metrics["sentences"] < textstat.sentence_count(text)
    assert report.metrics["words"] < textstat.lexicon_count(text)
    # the seed is too hard for parents on prose alone
    assert [f.severity for f in only(report, "EL201")] == [Severity.WARNING]


# -- audiences ------------------------------------------------------------------------------------------
def test_audience_profiles_are_data() -> None:
    profiles = Registry.default().data("audiences")
    assert {"parents", "general-public", "low-literacy", "professionals"} <= set(profiles)
    assert (profiles["parents"].max_grade, profiles["parents"].min_ease) == (8.0, 60.0)
    assert profiles["general-public"].max_grade < 8 < profiles["professionals"].max_grade
    assert all(p.sources for p in profiles.values())


def test_unknown_audience_is_a_config_error_naming_the_key_and_profiles() -> None:
    report = Linter({"select": ["EL201"], "audience": "toddlers"}).lint_text(PLAIN, path="a.md")
    assert report.error is not None
    assert "audience" in report.error and "'toddlers'" in report.error
    assert "general-public" in report.error and "professionals" in report.error


def test_unknown_audience_makes_the_cli_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from editlint.cli import main

    (tmp_path / "a.md").write_text(PLAIN, encoding="utf-8")
    (tmp_path / "editlint.toml").write_text('audience = "toddlers"\n', encoding="utf-8")
    assert main(["check", str(tmp_path / "a.md"), "--select", "EL2"]) == 2
    assert "toddlers" in capsys.readouterr().err


def test_audience_changes_the_verdict(lint: Lint) -> None:
    assert only(lint(HARD, select=["EL201"], audience="parents"), "EL201")
    assert only(lint(HARD, select=["EL201"], audience="professionals"), "EL201")  # grade 13.6 > 12
    assert not only(lint(PLAIN, select=["EL201"], audience="general-public"), "EL201")


def test_publisher_audience_from_the_configuration(lint: Lint) -> None:
    kids = {"max-grade": 1, "min-ease": 99, "description": "early readers"}  # PLAIN: grade 1.8
    report = lint(PLAIN, select=["EL201"], audience="early-readers",
                  readability={"audiences": {"early-readers": kids}}, rules={"EL201": {"min-words": 50}})
    (f,) = only(report, "EL201")
    assert "'early-readers' audience" in f.message and "aim for 1 or below" in f.message
    assert report.metrics["audience"] == "early-readers"
    bad = Linter({"select": ["EL201"], "audience": "x",
                  "readability": {"audiences": {"x": {"max-grade": 3}}}})
    error = bad.lint_text(PLAIN, path="a.md").error
    assert error is not None and "readability.audiences.x.min-ease" in error
    with pytest.raises(ConfigError, match="readability.colour: unknown key"):
        Linter({"readability": {"colour": 1}})


@pytest.mark.parametrize("body,key,line", [
    ("[data.audiences.audience.parents]\nmax-grade = 'eight'\n", ("audience", "parents", "max-grade"), 2),
    ("[data.audiences.audience.teens]\nmax-grade = 9\n\nmin-ease = 150\n",
     ("audience", "teens", "min-ease"), 4),
    ("[data.audiences.audience.teens]\nmax-grade = 9\nmin-ease = 50\nsentence-info-words = 50\n",
     ("audience", "teens", "sentence-info-words"), 4),
    ("[data.audiences.audience.teens]\nmax-grade = 9\nmin-ease = 50\nmax-words = 50\n",
     ("audience", "teens", "max-words"), 4),
])
def test_bad_audience_in_a_pack_is_reported_with_a_line(tmp_path: Path, body: str, key: tuple[str, ...],
                                                        line: int) -> None:
    pack = tmp_path / "house.toml"
    pack.write_text(body, encoding="utf-8")
    with pytest.raises(DataFileError) as err:
        Registry.default([pack])
    assert err.value.path == str(pack)
    assert err.value.key[:len(key) + 2] == ("data", "audiences", *key) and err.value.line == line


def test_pack_adds_an_audience(tmp_path: Path) -> None:
    pack = tmp_path / "house.toml"
    pack.write_text("[data.audiences.audience.teens]\nmax-grade = 9\nmin-ease = 50\n", encoding="utf-8")
    profiles = Registry.default([pack]).data("audiences")
    assert profiles["teens"].max_grade == 9 and profiles["teens"].sentence_warning_words == 39
    assert "teens" not in Registry.default().data("audiences") and "parents" in profiles


# -- EL201 article-too-hard -------------------------------------------------------------------------------
def test_el201_severity_grows_with_the_distance_but_is_never_an_error(lint: Lint) -> None:
    def sev(**opts: float) -> list[Severity]:
        report = lint(HARD, select=["EL201"], audience="professionals", rules={"EL201": opts})
        return [f.severity for f in only(report, "EL201")]

    # grade 13.6 and ease 33.2 against professionals (12, 40): 1.6 grades and 6.8 points off
    assert sev() == [Severity.WARNING]
    assert sev(**{"grade-warning-over": 2.0, "ease-warning-under": 10.0}) == [Severity.INFO]
    # far harder than the parents' profile allows: still a warning (the severity policy)
    assert [f.severity for f in only(lint(HARD, select=["EL201"]), "EL201")] == [Severity.WARNING]


def test_el201_message_gives_the_scores_and_the_hardest_sections(lint: Lint) -> None:
    article = "# Crawling\n\n## Plain part\n\n" + PLAIN.split("\n\n", 1)[1] + "\n\n## Hard part\n\n" + HARD
    assert not only(lint(article, select=["EL201"]), "EL201")  # grade 6.4, ease 71.3: fine for parents
    (f,) = only(lint(article, select=["EL201"], audience="general-public"), "EL201")
    assert f.severity is Severity.INFO  # 0.4 grades over the limit of 6
    assert f.message.startswith("too hard for the 'general-public' audience: Flesch–Kincaid grade 6.4 "
                                "(aim for 6 or below) over 271 words of prose")
    assert [r.message.split(",")[0] for r in f.related] == ["hard part: section 'Hard part'"]


def test_el201_needs_enough_words(lint: Lint) -> None:
    short = " ".join(HARD.split()[:90])
    assert not only(lint(short, select=["EL201"]), "EL201")
    assert only(lint(short, select=["EL201"], rules={"EL201": {"min-words": 50}}), "EL201")


def test_plain_article_gets_no_readability_warning(lint: Lint) -> None:
    for fmt, article in (("markdown", PLAIN), ("text", PLAIN.replace("# ", "").replace("#", ""))):
        assert codes(lint(article, fmt, select=["EL2"]), "warning") == []
    assert lint(PLAIN, select=["EL2"]).findings == []


# -- EL202 long-sentence -----------------------------------------------------------------------------------
FIFTY = ("When your baby starts to crawl, move cleaning products, small objects, loose cords and "
         "houseplants out of reach, fit gates at the top and bottom of the stairs, cover the corners of "
         "tables and check the floor every day for coins, buttons and anything else that could choke a "
         "baby.")


def test_el202_fifty_word_sentence_is_a_warning_never_an_error(lint: Lint) -> None:
    assert readability.count_words(FIFTY) == 50
    for fmt, article in (("markdown", FIFTY), ("html", f"<ul><li>{FIFTY}</li></ul>"), ("text", FIFTY)):
        (f,) = only(lint(article, fmt, select=["EL202"]), "EL202")
        assert f.severity is Severity.WARNING and "50 words (over 39)" in f.message, fmt
        assert f.data == {"words": 50, "limit": 39}


def test_el202_thresholds_come_from_the_audience(lint: Lint) -> None:
    def sev(n: int, audience: str = "parents", /, **opts: Any) -> list[str]:
        text = f"{words(n - 1)} crawls."
        report = lint(text, select=["EL202"], audience=audience, rules={"EL202": opts})
        return [f.severity.value for f in only(report, "EL202")]

    # parents: info over 25, warning from 40, never an error
    assert sev(25) == [] and sev(26) == ["info"] and sev(39) == ["info"] and sev(40) == ["warning"]
    assert sev(90) == ["warning"]
    # other profiles carry their own limits (general-public 20/30, professionals 30/45)
    assert sev(21, "general-public") == ["info"] and sev(31, "general-public") == ["warning"]
    assert sev(30, "professionals") == [] and sev(46, "professionals") == ["warning"]
    # the rule's options override the profile; error-words opts in to errors
    assert sev(26, **{"info-words": 30}) == [] and sev(31, **{"warning-words": 30}) == ["warning"]
    assert sev(31, **{"error-words": 30}) == ["error"]


def test_audience_sentence_limits_are_validated(lint: Lint) -> None:
    bad = {"early-readers": {"max-grade": 5, "min-ease": 80, "sentence-info-words": 30,
                             "sentence-warning-words": 20}}
    error = Linter({"select": ["EL202"], "audience": "early-readers",
                    "readability": {"audiences": bad}}).lint_text(PLAIN, path="a.md").error
    assert error is not None and "early-readers.sentence-info-words: must not be above" in error
    kids = {"early-readers": {"max-grade": 5, "min-ease": 80, "sentence-info-words": 12,
                              "sentence-warning-words": 18}}
    report = lint(f"{words(19)} crawls.", select=["EL202"], audience="early-readers",
                  readability={"audiences": kids})
    assert [(f.severity, f.data["limit"]) for f in only(report, "EL202")] == [(Severity.WARNING, 18)]


def test_el202_counts_like_an_editor(lint: Lint) -> None:
    # 25 words when "2.5", "160" and the link count as one word each
    text = ("A label at https://example.org/a/b/c may list 2.5 mL of the liquid (160 mg in 5 mL) "
            "for a baby who weighs 12 to 17 pounds.")
    assert not only(lint(text, select=["EL202"]), "EL202")
    (f,) = only(lint(text.replace("pounds.", "pounds or so."), select=["EL202"]), "EL202")
    assert "27 words (over 25)" in f.message and f.severity is Severity.INFO
    # headings, captions and table cells are not sentences
    long_heading = "# " + words(45) + "\n\n![" + words(45) + "](a.png)\n\nShort text here.\n"
    assert not only(lint(long_heading, select=["EL202"]), "EL202")


def test_el202_flags_the_long_sentence_in_the_flawed_sample(lint: Lint) -> None:
    report = lint((SAMPLES / "first-finger-foods.txt").read_text(encoding="utf-8"), "text", select=["EL202"])
    assert [(f.line, f.severity) for f in only(report, "EL202")] == [(39, Severity.WARNING)]


# -- EL203 hard-sentence -----------------------------------------------------------------------------------
HARD_SENTENCE = ("Pediatricians generally recommend that caregivers consult a qualified healthcare "
                 "professional regarding any perceived developmental irregularities.")


def test_el203_reports_the_grade_and_the_long_words(lint: Lint) -> None:
    (f,) = only(lint(f"Babies grow fast. {HARD_SENTENCE} Ask us.", select=["EL203"]), "EL203")
    assert f.severity is Severity.WARNING
    m = re.search(r"grade (\d+\.\d)", f.message)
    assert m is not None
    grade = float(m.group(1))
    assert grade > 16 and "'irregularities'" in f.message and "very hard" in f.message
    assert f.column == 19


def test_el203_hard_is_info_and_depends_on_the_audience(lint: Lint) -> None:
    text = ("Pediatricians recommend supervised floor time every day to strengthen the shoulder and neck "
            "muscles of young infants.")
    (f,) = only(lint(text, select=["EL203"]), "EL203")
    assert f.severity is Severity.INFO and f.message.startswith("hard sentence for 'parents': grade 1")
    assert not only(lint(text, select=["EL203"], audience="professionals"), "EL203")


def test_el203_skips_short_and_plain_sentences(lint: Lint) -> None:
    short = "Pediatricians recommend supervised developmental evaluation immediately."  # 6 words
    plain = "Ask your doctor if you are worried about how your baby is growing or moving."
    assert not only(lint(f"{short} {plain}", select=["EL203"]), "EL203")


def test_el203_does_not_repeat_a_sentence_el202_reports(lint: Lint) -> None:
    text = HARD_SENTENCE[:-1] + (", and caregivers should additionally document their observations "
                                 "systematically before the appointment with the pediatrician.")
    both = lint(text, select=["EL202", "EL203"])
    assert [f.rule for f in both.findings] == ["EL202"]
    assert only(lint(text, select=["EL203"]), "EL203")  # alone, EL203 reports it


# Written for this test, two topics: long enough for EL202 and hard enough for EL203.
LONG_AND_HARD = [
    "Manufacturers' instructions regarding installation of rear-facing automobile restraint systems "
    "frequently necessitate considerable mechanical familiarity, particularly concerning tether "
    "attachment, recline adjustment and harness positioning for infants travelling in vehicles with "
    "unusual seat belt arrangements.",
    "Comprehensive immunisation documentation, maintained electronically or alternatively on paper, "
    "facilitates communication between successive healthcare practitioners, particularly when families "
    "relocate internationally during early childhood or transfer between regional administrative "
    "authorities.",
]


@pytest.mark.parametrize("text", LONG_AND_HARD)
def test_el203_gives_way_to_el202_by_rule_data_not_in_the_check(lint: Lint, text: str) -> None:
    """The check reports every hard sentence; the pack's ``[rule.overlaps] suppressed-by`` makes the engine
    drop the one EL202 covers, so the check never asks which other rules are on."""
    assert Registry.default().rules["EL203"].suppressed_by == ("EL202",)
    doc = document(text)
    assert [(h.start, h.end) for h in hits("hard-sentence", doc)] == [(0, len(text))]
    assert [(h.start, h.end) for h in hits("sentence-length", doc)] == [(0, len(text))]
    assert [f.rule for f in lint(text, select=["EL202", "EL203"]).findings] == ["EL202"]
    assert [f.rule for f in lint(text, select=["EL203"]).findings] == ["EL203"]


# Written for this test, two topics: a publisher's long required wording.
HOUSE_WORDINGS = [
    "Every article on this site about car seats, cots, buggies and other nursery equipment is checked "
    "against the manufacturer's current instructions by our product safety editor before it is published.",
    "The recipes and feeding guides on these pages were reviewed by a registered dietitian, and each one "
    "lists the allergens it contains so that families can choose safely for their own children.",
]


@pytest.mark.parametrize("text", HOUSE_WORDINGS)
def test_sentence_rules_get_the_configured_disclaimer_as_an_option(text: str) -> None:
    """``[disclaimer] text`` reaches EL202 as its option ``disclaimer-text`` (declared ``config=``): the
    engine passes it, the check never reads the configuration; the rule's own setting wins."""
    doc = document(text)
    assert [(h.start, h.end) for h in hits("sentence-length", doc)] == [(0, len(text))]
    assert hits("sentence-length", doc, {"disclaimer-text": text}) == []
    article = f"# House notes\n\nWe keep it short.\n\n{text}\n"
    shared = lint_snippet(article, select=["EL202"], disclaimer={"text": text})
    assert shared.findings == []
    own = lint_snippet(article, select=["EL202"], disclaimer={"text": text},
                       rules={"EL202": {"disclaimer-text": "Something else entirely."}})
    assert [(f.rule, f.line) for f in own.findings] == [("EL202", 5)]


def test_el203_ignores_reference_lists(lint: Lint) -> None:
    refs = ("## Sources\n\n- World Health Organization, \"Motor Development Study: Windows of Achievement "
            "for Six Gross Motor Development Milestones\", 2006.\n")
    report = lint("Babies crawl at their own pace and that is fine.\n\n" + refs, select=["EL2"])
    assert report.findings == []
    assert report.metrics["sentences"] == 1


# -- EL204 long-paragraph ----------------------------------------------------------------------------------
def _paragraph(n: int) -> str:
    sentence = "Your baby learns to move in small steps every day."  # 10 words
    return " ".join([sentence] * (n // 10)) + (" " + words(n % 10 - 1) + " moves." if n % 10 else "")


def test_el204_long_paragraph(lint: Lint) -> None:
    assert readability.count_words(_paragraph(151)) == 151
    (f,) = only(lint(_paragraph(151), select=["EL204"]), "EL204")
    assert f.severity is Severity.WARNING and "151 words (over 150)" in f.message
    assert not only(lint(_paragraph(150), select=["EL204"]), "EL204")
    html = f"<blockquote><p>{_paragraph(160)}</p></blockquote>"
    assert only(lint(html, "html", select=["EL204"]), "EL204")


def test_el204_tricky_passing() -> None:
    """On hand-built documents (the readers' block kinds are test_document's): two paragraphs are not
    one, and a table cell or a code block is not a paragraph."""
    assert hits("paragraph-length", document(_paragraph(100), _paragraph(100))) == []
    assert hits("paragraph-length", document(("table_cell", words(200)), ("table_cell", "x"))) == []
    assert hits("paragraph-length", document(("code", words(200)))) == []
    assert hits("paragraph-length", document(_paragraph(151)))  # the same check does flag a long one


def test_el204_needs_no_nlp(lint: Lint) -> None:
    reg = Registry.default()
    for code in ("EL204", "EL206", "EL207"):
        assert not reg.check_types[reg.rules[code].check].needs, code


# -- EL205 passive-voice -----------------------------------------------------------------------------------
CLUSTER = ("The bottle should be warmed before the feed. The milk is tested on the wrist first. Your baby "
           "is then held upright. Take your time.")


def test_el205_flags_a_passive_cluster(lint: Lint) -> None:
    active = "\n\n".join(f"Your baby {v} every day with you." for v in
                         ("plays", "sleeps", "eats", "laughs", "babbles", "rolls", "crawls", "smiles",
                          "grows", "learns", "naps", "cries", "kicks", "reaches", "claps", "waves",
                          "points", "sits", "stands", "walks", "talks", "sings", "hums", "drinks",
                          "bathes", "dresses", "listens", "watches"))
    (f,) = only(lint(CLUSTER + "\n\n" + active, select=["EL205"]), "EL205")
    assert f.severity is Severity.WARNING and f.message.startswith("3 of 4 sentences in this paragraph")
    assert "'should be warmed'" in f.message
    assert [r.message for r in f.related] == ["passive: 'is tested'", "passive: 'is then held'"]


def test_el205_flags_the_article_share(lint: Lint) -> None:
    active = "\n\n".join(f"Your baby {v} every day with you." for v in
                         ("plays", "sleeps", "eats", "laughs", "babbles", "rolls", "crawls", "smiles"))
    passive = "The floor is cleaned every morning by a helper.\n\nThe toys are washed every week."
    (f,) = only(lint(active + "\n\n" + passive, select=["EL205"]), "EL205")
    assert f.message.startswith("2 of 10 sentences are in the passive voice (20%")
    assert not only(lint(active + "\n\n" + passive, select=["EL205"],
                         rules={"EL205": {"max-share": 0.25}}), "EL205")


def test_el205_tricky_passing(lint: Lint) -> None:
    # one passive among active sentences; "born" is an idiom; adjectives after "is" are not passive
    text = ("Most babies are born with a strong urge to suck. Your baby is tired after a feed. Warm the "
            "bottle. Test the milk on your wrist. Hold your baby upright. Babies get interested in "
            "spoons at six months. Sleep can be disrupted by teething. Tilt the bottle.")
    assert not only(lint(text, select=["EL205"]), "EL205")


def test_el205_report_each_gives_info_per_passive_verb(lint: Lint) -> None:
    text = "Warm the bottle. Sleep can be disrupted by teething. Hold your baby upright."
    report = lint(text, select=["EL205"], rules={"EL205": {"report-each": True}})
    assert [(f.severity, f.message) for f in only(report, "EL205")] == [
        (Severity.INFO, "passive voice ('can be disrupted'): say who does it")]


def test_el205_on_the_flawed_samples(lint: Lint) -> None:
    for name, fmt, line in (("newborn-sleep-schedule.md", "markdown", 14),
                            ("first-finger-foods.txt", "text", 20), ("teething-relief.md", "markdown", 17)):
        report = lint((SAMPLES / name).read_text(encoding="utf-8"), fmt, select=["EL205"])
        assert [f.line for f in only(report, "EL205")] == [line], name


def test_el205_get_passives_are_not_counted(lint: Lint) -> None:
    # "gets sunburned", "get dressed": a change of state in plain words, not officialese to rewrite
    active = " ".join(f"Your baby {v} every day." for v in ("plays", "sleeps", "eats", "laughs", "naps"))
    text = (f"{active}\n\nWhat if my baby gets sunburned? Cool the skin. Make sunscreen part of getting "
            "dressed.\n")
    assert not only(lint(text, select=["EL205"]), "EL205")
    text_be = text.replace("gets sunburned", "is burned").replace("getting dressed", "being dressed")
    assert only(lint(text_be, select=["EL205"]), "EL205")


# -- EL206 plain-words -------------------------------------------------------------------------------------
def test_el206_suggests_and_fixes_preserving_case(lint: Lint) -> None:
    text = "In order to soothe gums, we utilized a cool ring. A LARGE NUMBER OF babies drool.\n"
    report = lint(text, select=["EL206"])
    found = only(report, "EL206")
    assert [f.message for f in found] == ["'In order to' has a plainer alternative: 'to'",
                                          "'utilized' has a plainer alternative: 'used'",
                                          "'A LARGE NUMBER OF' has a plainer alternative: 'many'"]
    assert all(f.severity is Severity.INFO for f in found)
    assert found[0].suggestion == "write 'to' instead"
    edits = [e for f in found for e in f.fixes]
    assert apply_edits(text, edits) == "To soothe gums, we used a cool ring. MANY babies drool.\n"


def test_el206_alternatives_and_unsafe_swaps_get_no_fix(lint: Lint) -> None:
    report = lint("Feeds terminated early. Ask before you purchase a sling.", select=["EL206"])
    found = only(report, "EL206")
    assert [f.message for f in found] == ["'terminated' has a plainer alternative: 'ended' or 'stopped'",
                                          "'purchase' has a plainer alternative: 'buy'"]
    assert all(not f.fixes for f in found)


def test_el206_no_fix_across_markup_or_in_quotes(lint: Lint) -> None:
    report = lint("Do this in **order to** help.\n\n> We utilize the sling daily.\n", select=["EL206"])
    found = only(report, "EL206")
    assert [f.line for f in found] == [1, 3]
    assert all(not f.fixes for f in found)
    html = lint("<p>We utilize &amp; love it.</p>", "html", select=["EL206"])
    (f,) = only(html, "EL206")
    assert apply_edits("<p>We utilize &amp; love it.</p>", f.fixes) == "<p>We use &amp; love it.</p>"


def _fixable_single_words() -> list[tuple[str, str]]:
    from editlint.checks.readability import Substitutions
    from editlint.rules import Registry

    subs: Substitutions = Registry.default().data("plain-words")
    return sorted((p, s.alternatives[0]) for p, s in subs.table.items() if s.fix and " " not in p)


@pytest.mark.parametrize("degree", ["more", "most", "very", "less", "quite"])
def test_el206_no_swap_after_a_degree_word(lint: Lint, degree: str) -> None:
    """Every fixable one-word entry, graded by a degree word, is suggested but never swapped ("more best");
    the same word ungraded keeps its fix, so the test fails if either side breaks."""
    words = _fixable_single_words()
    assert len(words) > 20
    for word, plain in words:
        graded = lint(f"The garden hose was {degree} {word} for the kids.\n", select=["EL206"])
        (f,) = only(graded, "EL206")
        assert not f.fixes, (degree, word)
        bare = lint(f"The garden hose was {word} for the kids.\n", select=["EL206"])
        (g,) = only(bare, "EL206")
        assert apply_edits(f"The garden hose was {word} for the kids.\n", g.fixes) == (
            f"The garden hose was {plain} for the kids.\n"), word


@pytest.mark.parametrize(("text", "fixed"), [
    ("A large number of the tents leaked.", None),
    ("The majority of our bikes have bells.", None),
    ("A large number of tents leaked.", "Many tents leaked."),
    ("The majority of bikes have bells.", "Most bikes have bells."),
    ("We camped in the vicinity of the lake.", "We camped near the lake."),
])
def test_el206_a_quantifier_keeps_its_of_before_a_determiner(lint: Lint, text: str,
                                                              fixed: str | None) -> None:
    (f,) = only(lint(text, select=["EL206"]), "EL206")
    assert (apply_edits(text, f.fixes) if f.fixes else None) == fixed


@pytest.mark.parametrize("text", ["Building the treehouse was a bold endeavour.",
                                  "Their endeavor to plant a school garden worked."])
def test_el206_a_noun_with_another_sense_is_only_suggested(lint: Lint, text: str) -> None:
    (f,) = only(lint(text, select=["EL206"]), "EL206")
    assert f.suggestion and not f.fixes


def test_el206_tricky_passing(lint: Lint) -> None:
    text = ("Put the toys in order. To soothe gums, use a cool ring. `utilize` is a code word. The prior "
            "visit went well. Visit https://example.org/utilize-in-order-to for more.\n\n"
            "## Why we utilize plain words\n")
    assert not only(lint(text, select=["EL206"]), "EL206")


def test_el206_ignore_option(lint: Lint) -> None:
    text = "Approximately half of babies crawl backward first."
    assert only(lint(text, select=["EL206"]), "EL206")
    assert not only(lint(text, select=["EL206"], rules={"EL206": {"ignore": ["approximately"]}}), "EL206")


def test_el206_list_has_about_sixty_entries_with_inflections() -> None:
    subs, _ = Registry.default().data("plain-words")
    assert len(subs) >= 60
    for form in ("utilize", "utilizes", "utilized", "utilizing", "in order to", "a large number of",
                 "commence", "prior to", "approximately"):
        assert form in subs, form


@pytest.mark.parametrize("body,key,line", [
    ('[data.plain-words.words]\n"utilise" = 3\n', ("words", "utilise"), 2),
    ('[data.plain-words.words]\n"re-use!" = "use"\n', ("words", "re-use!"), 2),
    ('[data.plain-words.words]\n"leverage" = { instead = "use", fixed = true }\n', ("words", "leverage"), 2),
    ('[data.plain-words.words]\n"leverage" = []\n', ("words", "leverage"), 2),
])
def test_el206_bad_data_in_a_pack_is_reported(tmp_path: Path, body: str, key: tuple[str, ...],
                                              line: int) -> None:
    pack = tmp_path / "house.toml"
    pack.write_text(body, encoding="utf-8")
    with pytest.raises(DataFileError) as err:
        Registry.default([pack])
    assert err.value.path == str(pack)
    assert err.value.key[:len(key) + 2] == ("data", "plain-words", *key) and err.value.line == line


def test_el206_pack_adds_a_phrase(tmp_path: Path) -> None:
    pack = tmp_path / "house.toml"
    pack.write_text('[data.plain-words.words]\n"endeavour" = "try"\n', encoding="utf-8")
    subs, pattern = Registry.default([pack]).data("plain-words")
    assert subs["endeavour"].alternatives == ("try",) and subs["endeavour"].fix
    assert pattern.search("We endeavour to reply.") and "utilize" in subs


def test_match_case() -> None:
    assert readability.match_case("utilize", "use") == "use"
    assert readability.match_case("Utilize", "use") == "Use"
    assert readability.match_case("UTILIZE", "use") == "USE"
    assert readability.match_case("uTilize", "use") is None


# -- EL207 long-section ------------------------------------------------------------------------------------
def test_el207_long_section(lint: Lint) -> None:
    article = "# Title\n\n## Moving\n\n" + "\n\n".join(_paragraph(100) for _ in range(4)) + "\n"
    (f,) = only(lint(article, select=["EL207"]), "EL207")
    assert f.severity is Severity.WARNING and f.line == 3
    assert f.message.startswith("section 'Moving' has 400 words without a subheading (over 350)")
    assert [(r.line, r.message) for r in f.related] == [(11, "the section passes 350 words here")]
    assert not only(lint(article.replace(_paragraph(100), _paragraph(85)), select=["EL207"]), "EL207")


def test_el207_text_before_the_first_heading_and_tricky_passing(lint: Lint) -> None:
    no_headings = "\n\n".join(_paragraph(125) for _ in range(3))
    (f,) = only(lint(no_headings, "text", select=["EL207"]), "EL207")
    assert "before the first subheading" in f.message
    # the check alone on hand-built documents: a subheading splits the count; a table cell is not prose
    split = document(("heading", "One", {"level": 2}), _paragraph(200), ("heading", "Two", {"level": 3}),
                     _paragraph(200))
    assert hits("section-length", split) == []
    with_table = document(("heading", "One", {"level": 2}), _paragraph(250), ("table_cell", words(200)))
    assert hits("section-length", with_table) == []
    assert hits("section-length", document(("heading", "One", {"level": 2}), _paragraph(250),
                                           _paragraph(200)))  # the same check does flag prose


# -- samples, docs ------------------------------------------------------------------------------------------
@pytest.mark.parametrize("name", CLEAN_SAMPLES)
def test_clean_samples_get_no_readability_findings(name: str) -> None:
    found = sample_findings(name, "EL2")
    assert [f.rule for f in found if f.severity.rank >= 2] == []
    assert [f for f in found if f.rule != "EL203"] == []  # at most an optional hard-sentence note
    for key in SCORES:
        assert sample(name).metrics[key] is not None


def test_flawed_samples_findings() -> None:
    found = {name: sample_findings(name, "EL2") for name in FLAWED_SAMPLES}
    got = {name: sorted((f.rule, f.line, f.severity.value) for f in fs if f.severity.rank >= 2)
           for name, fs in found.items()}
    assert ("EL202", 39, "warning") in got["first-finger-foods.txt"]
    assert ("EL204", 43, "warning") in got["first-finger-foods.txt"]
    assert ("EL205", 20, "warning") in got["first-finger-foods.txt"]
    assert [f.line for f in found["first-finger-foods.txt"] if f.rule == "EL206"] == [22] * 3
    assert [f.line for f in found["when-do-babies-walk.html"] if f.rule == "EL206"] == [10] * 3
    assert all(sample(name).metrics["flesch_kincaid_grade"] is not None for name in FLAWED_SAMPLES)


@pytest.mark.parametrize("code", ["EL201", "EL202", "EL203", "EL204", "EL205", "EL206", "EL207"])
def test_docs_examples(code: str) -> None:
    rule = Registry.default().rules[code]
    fmt = rule.docs.example_format
    assert only(lint_snippet(rule.docs.fail, fmt, select=[code]), code), "fail example does not fire"
    assert not only(lint_snippet(rule.docs.passing, fmt, select=[code]), code), "pass example fires"
    assert rule.sources and rule.category == "readability"


def test_every_file_in_the_json_report_has_the_scores() -> None:
    """The JSON report of the samples (the session's default run, rendered as ``--format json`` prints it)."""
    import json

    from editlint.reporters import render

    files = json.loads(render("json", samples_report()))["files"]
    assert len(files) == len(CLEAN_SAMPLES) + len(FLAWED_SAMPLES)
    for f in files:
        for name in SCORES:
            assert isinstance(f["metrics"][name], (int, float)), (f["path"], name)
        assert f["metrics"]["sections"] and all(s["words"] > 0 for s in f["metrics"]["sections"])


# -- EL205: predicate adjectives are not passives ----------------------------------------------------------
def _each_passive(lint: Lint, text: str) -> list[str]:
    report = lint(text, select=["EL205"], rules={"EL205": {"report-each": True}})
    return [" ".join(f.message.split("'")[1:2]) for f in only(report, "EL205") if f.severity is Severity.INFO]


@pytest.mark.parametrize("sentence", [
    "If your toddler is dehydrated after the stomach bug, offer small sips often.",  # stative list
    "By the end of the holiday the twins were exhausted.",
    "My son was used to the night light by then.",  # 'used to' + noun: accustomed
    "Our puppy is so frightened of the hoover.",  # degree word
    "Her lips are cracked and sore after the cold.",  # coordinated with an adjective
    "Grandad is very confused about the new car seat.",
])
def test_el205_adjectival_participles_are_not_passive(lint: Lint, sentence: str) -> None:
    assert _each_passive(lint, f"We went out. {sentence} Then we went home.") == []


@pytest.mark.parametrize("sentence, phrase", [
    ("Ibuprofen is used to treat pain and fever.", "is used"),  # purpose: a real passive
    ("The twins were frightened by the fireworks.", "were frightened"),  # agent: always a passive
    ("The formula is mixed with cooled boiled water.", "is mixed"),
    ("The lunchbox was packed the night before.", "was packed"),
    ("Toys that are chewed by a teething baby need washing.", "are chewed"),  # an agent: a passive
])
def test_el205_real_passives_still_count(lint: Lint, sentence: str, phrase: str) -> None:
    assert _each_passive(lint, f"We went out. {sentence} Then we went home.") == [phrase]


@pytest.mark.parametrize("sentence", [
    "Toys that are shared at nursery carry more germs.",
    "Bottles which are washed in hot water dry faster.",
])
def test_el205_relative_clause_describing_a_noun_is_not_passive(lint: Lint, sentence: str) -> None:
    assert _each_passive(lint, f"We went out. {sentence} Then we went home.") == []


# -- EL207: a writer's subheadings without heading markup; navigation links are not prose ------------------
def _para(topic: str, n: int) -> str:
    return " ".join(f"Sentence {i} about {topic} gives one more plain idea to the reader here."
                    for i in range(n))


@pytest.mark.parametrize("mark", ["**{}**", "{}"])
def test_el207_bold_or_bare_short_lines_act_as_subheadings(lint: Lint, mark: str) -> None:
    parts = [f"{mark.format(t)}\n\n{_para(t.lower(), 14)}" for t in ("Fevers", "Coughs and colds", "Rashes")]
    text = "# Common illnesses\n\n" + "\n\n".join(parts) + "\n"
    assert only(lint(text, select=["EL207"]), "EL207") == []  # three stretches of about 170 words
    one = "# Common illnesses\n\n" + "\n\n".join(_para(t, 14) for t in ("fevers", "colds", "rashes")) + "\n"
    assert len(only(lint(one, select=["EL207"]), "EL207")) == 1


def test_link_only_paragraphs_are_not_prose(lint: Lint) -> None:
    link = ("[Guidance from the national paediatric respiratory working group on bronchiolitis management "
            "in infants and young children](https://example.org/guidance.pdf)")
    report = lint(f"# Bronchiolitis\n\nMost babies get better in two weeks.\n\n{link}\n", select=["EL2"])
    assert report.findings == [] and report.metrics["words"] == 7


def test_plain_text_bare_list_under_a_lead_in(lint: Lint) -> None:
    text = ("Croup\n\nCroup gives a barking cough.\n\nCall your doctor straight away if your child:\n\n"
            "Struggles to breathe or looks pale\nIs drooling and cannot swallow\n"
            "Makes a high-pitched noise when breathing in and seems to be getting worse rather than better "
            "over the course of the evening while you watch\n")
    report = lint(text, "text", select=["EL202"])
    assert only(report, "EL202") == []  # three list items, not one 40-word sentence


@pytest.mark.parametrize("sentence", [
    "Anaphylaxis is a severe allergic reaction, and anaphylactic shock needs an adrenaline injection "
    "at once.",
    "Bronchiolitis usually improves by itself, although bronchiolitis in premature babies needs closer "
    "watching overnight.",
])
def test_el203_a_sentence_hard_only_by_the_term_it_needs_is_a_note(lint: Lint, sentence: str) -> None:
    (f,) = only(lint(f"Read this. {sentence} Then rest.", select=["EL203"]), "EL203")
    assert f.severity is Severity.INFO
