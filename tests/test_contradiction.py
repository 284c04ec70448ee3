"""Contradiction rules (EL301–EL304): failing and (tricky) passing examples, the seed article, the
samples, and precision / recall on the contradiction corpus in tests/articles/."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT, SAMPLES, codes, lint_snippet

from editlint import Registry
from editlint.rules import read_toml

ARTICLES = ROOT / "tests" / "articles"
EL3 = ["EL301", "EL302", "EL303", "EL304"]
_FMT = {".md": "markdown", ".html": "html", ".txt": "text"}


def lint(text: str, fmt: str = "markdown", select: list[str] | None = None) -> Any:
    return lint_snippet(text, fmt=fmt, select=select or ["EL3"])


def lint_file(path: Path) -> Any:
    return lint(path.read_text(encoding="utf-8"), _FMT[path.suffix])


def lines_of(finding: Any) -> set[int]:
    return {finding.line} | {r.line for r in finding.related}


# -- EL301 -----------------------------------------------------------------------------------------------
def test_el301_direct_contradiction_has_both_sides() -> None:
    report = lint("# Crawling\n\nMost babies crawl for a few months before they take their first steps.\n\n"
                  "## Later\n\nIn most babies, walking comes first and crawling follows a few weeks later.\n")
    (f,) = [f for f in report.findings if f.rule == "EL301"]
    assert f.severity.value == "error"
    assert f.line == 7 and [r.line for r in f.related] == [3]
    assert "walking alone first, then crawling" in f.message
    assert "crawling first, then walking alone" in f.message


@pytest.mark.parametrize("fmt, text", [
    ("markdown", "## Stages\n\n1. Crawling forward on hands and knees\n2. Sitting up without support\n\n"
                 "That is why babies sit before they crawl.\n"),
    ("html", "<h2>Stages of Crawling</h2>\n<ol>\n<li>Crawling forward</li>\n"
             "<li>Sitting without support</li>\n"
             "</ol>\n<p>Babies sit before they crawl.</p>\n"),
    ("text", "Moving\n\nBabies sit before they crawl.\n\nAfter they crawl, babies learn to sit.\n"),
])
def test_el301_list_and_formats(fmt: str, text: str) -> None:
    assert "EL301" in codes(lint(text, fmt))


def test_el301_through_transitivity() -> None:
    text = ("Babies sit before they crawl.\n\nCrawling comes before walking.\n\n"
            "Walking comes before sitting, in our experience.\n")
    (f,) = [f for f in lint(text).findings if f.rule == "EL301"]
    assert len(f.related) == 2 and "other passages say" in f.message


@pytest.mark.parametrize("text", [
    # the same order stated two ways
    "Sitting usually comes before standing.\n\nBefore they stand, most babies can sit.\n",
    "Babies usually pull up to stand before they walk. Next comes cruising.\n\n"
    "Put the other way round, walking comes after a baby has learned to pull up and cruise.\n",
    # babies who skip a stage; exceptions
    "Crawling usually comes before walking.\n\nSome babies skip crawling and go straight to walking.\n\n"
    "A few babies walk before they crawl.\n",
    # a myth stated and labelled
    "Crawling usually comes before walking.\n\n**Myth:** Babies must walk before they crawl.\n"
    "**Fact:** Most crawl first.\n",
    "Crawling usually comes before walking.\n\n"
    "Contrary to popular belief, walking before crawling is rare.\n",
    # a FAQ question
    "## Do babies walk before they crawl?\n\nCrawling usually comes first, then walking.\n\n"
    "Can babies walk before they crawl? Yes, a few do.\n",
    # a conditional
    "Crawling usually comes before walking.\n\nIf your baby walks before crawling, that is fine.\n",
    # siblings under one general milestone are not ordered against each other
    "Pulling up comes before cruising. Next comes standing alone.\n\nCruising comes before walking.\n",
    # alternatives
    "Babies crawl forward or backward before they walk.\n\n"
    "Backward crawling comes before forward crawling.\n",
])
def test_el301_tricky_passing(text: str) -> None:
    assert "EL301" not in codes(lint(text))


# -- EL302 -----------------------------------------------------------------------------------------------
def test_el302_non_overlapping_ages() -> None:
    report = lint("Most babies can sit without support at about 6 months.\n\n"
                  "Most babies can sit alone by 2 months if you practise.\n")
    (f,) = [f for f in report.findings if f.rule == "EL302"]
    assert f.line == 3 and [r.line for r in f.related] == [1]
    assert "by 2 months" in f.message and "4.8–7.2 months" in f.message


@pytest.mark.parametrize("fmt, text", [
    ("text", "Crawling\n\nMost babies start crawling at 7 to 10 months.\n\nMost babies crawl at 3 months.\n"),
    ("html", "<p>Most babies say their first real word at around 12 months.</p>\n"
             "<p>Most babies say their first words at 4 months.</p>\n"),
])
def test_el302_formats(fmt: str, text: str) -> None:
    assert "EL302" in codes(lint(text, fmt))


@pytest.mark.parametrize("text", [
    "Newborns start walking in the first weeks of life.",
    "After they have mastered forward crawling, new-borns go on to rear crawling.",
    "Most newborns can sit up.",
])
def test_el302_age_word(text: str) -> None:
    (f,) = [f for f in lint(text).findings if f.rule == "EL302"]
    assert "age word does not fit" in f.message and "born" in f.message.lower()


@pytest.mark.parametrize("text", [
    # a point age inside a range, an extreme given as such, overlapping ranges
    "Most babies walk on their own around 12 months. The range runs from about 9 to 18 months. "
    "Some babies walk as early as 9 months, while others wait until 16 or 17 months.\n",
    "Most babies sit without support at about 6 months, with a range of about 4 to 9 months.\n\n"
    "Sitting without support usually happens between 4 and 9 months.\n",
    # red flags are conditions, not ages of achievement
    "Most babies crawl at 7 to 10 months.\n\nTalk to your doctor if your baby cannot crawl by 12 months.\n",
    # newborns in another clause, negated, or a reflex
    "Newborns cannot sit or crawl.\n\nNewborns have a stepping reflex that looks like walking.\n\n"
    "Different newborns reach milestones at different times; most babies crawl by 10 months.\n",
    "Toddlers walk with a wide gait.\n",
])
def test_el302_passing(text: str) -> None:
    assert "EL302" not in codes(lint(text))


# -- EL303 -----------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "Never wake a sleeping baby to feed.\n\n"
    "Always wake your baby to feed every three hours, even at night.\n",
    "In the first weeks, wake your baby to feed if four hours pass.\n\n"
    "If your newborn sleeps for a long stretch, let them sleep and never wake them for a feed.\n",
    "Encourage backward crawling.\n\nYou should correct backward crawling.\n",
    "Backward crawling is normal.\n\nBackward crawling is a warning sign.\n",
    "Do not give honey to babies under 12 months.\n\n"
    "A little honey is a healthy treat for babies from 6 months.\n",
])
def test_el303_failing(text: str) -> None:
    report = lint(text)
    (f,) = [f for f in report.findings if f.rule == "EL303"]
    assert f.related and f.line == 3 and f.related[0].line == 1


def test_el303_html() -> None:
    html = "<p>Never wake a sleeping baby to feed.</p>\n<p>Always wake your baby to feed at night.</p>\n"
    assert "EL303" in codes(lint(html, "html"))


@pytest.mark.parametrize("text", [
    # different conditions, hedged, not opposite
    "If your newborn sleeps longer than four hours, wake them for a feed.\n\n"
    "Once your baby is back to birth weight, you usually do not need to wake them for night feeds.\n",
    "Encourage backward crawling.\n\nThere is no need to correct backward crawling.\n",
    "Always place your baby on their back to sleep.\n\n"
    "Never place your baby on their side or tummy to sleep.\n",
    "Put your baby in the crib.\n\nDo not put soft toys in the crib.\n",
    "Backward crawling is normal.\n\nCrawling with one leg dragging is a warning sign.\n",
    "**Myth:** Backward crawling is a warning sign.\n**Fact:** Backward crawling is normal.\n",
    "Is backward crawling a warning sign?\n\nBackward crawling is normal.\n",
])
def test_el303_passing(text: str) -> None:
    assert "EL303" not in codes(lint(text))


# -- EL304 -----------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, cited", [
    ("After they have mastered forward crawling, babies go on to backward crawling.", "AAP"),
    ("Most babies walk before they sit.", "WHO"),
    ("Honey is a healthy treat from 6 months.", "honey"),
    ("Most babies crawl at 3 months.", "WHO"),
    ("The upper front teeth come first, and the lower front teeth follow.", "Dental"),
])
def test_el304_failing(text: str, cited: str) -> None:
    (f,) = [f for f in lint(text).findings if f.rule == "EL304"]
    assert f.severity.value == "warning" and cited in f.message


@pytest.mark.parametrize("text", [
    "Many babies push themselves backward at first. Forward crawling usually follows within a few weeks.",
    "Some babies walk before they crawl.",
    "Most babies crawl between 7 and 10 months, and walk around 12 months.",
    "Do not give honey before 12 months. Cow's milk can be a main drink from 12 months.",
    "Myth: babies walk before they sit.",
])
def test_el304_passing(text: str) -> None:
    assert "EL304" not in codes(lint(text))


# -- rule docs examples ------------------------------------------------------------------------------------
@pytest.mark.parametrize("code", EL3)
def test_docs_examples(code: str) -> None:
    rule = Registry.default().get(code)
    assert code in codes(lint(rule.docs.fail, rule.docs.example_format, [code]))
    assert code not in codes(lint(rule.docs.passing, rule.docs.example_format, [code]))


# -- the seed article, the samples, the corpus -----------------------------------------------------------
def test_seed_article(seed_path: Path) -> None:
    report = lint(seed_path.read_text(encoding="utf-8"), "text")
    el301 = [f for f in report.findings if f.rule == "EL301"]
    assert any(f.line == 65 and lines_of(f) & {29, 97} for f in el301)
    el302 = [f for f in report.findings if f.rule == "EL302"]
    assert any(f.line in (61, 65) and "new-borns" in f.message for f in el302)


CLEAN = ["safe-infant-sleep.md", "starting-solid-foods.html", "fever-in-babies.txt", "paper-plate-lions.md",
         "day-out-packing-list.txt", "moving-in-the-first-year.md"]


@pytest.mark.parametrize("name", CLEAN)
def test_clean_samples_have_no_el3(name: str) -> None:
    assert codes(lint_file(SAMPLES / name)) == []


def test_flawed_samples() -> None:
    crawl = lint_file(SAMPLES / "baby-crawling-stages.html")
    assert any(f.rule == "EL301" and lines_of(f) & {34, 35} and 28 in lines_of(f) for f in crawl.findings)
    assert any(f.rule == "EL302" and lines_of(f) == {26, 38} for f in crawl.findings)
    walk = lint_file(SAMPLES / "when-do-babies-walk.html")
    assert any(f.rule == "EL302" and f.line == 6 for f in walk.findings)
    sleep = lint_file(SAMPLES / "newborn-sleep-schedule.md")
    assert any(f.rule == "EL303" and lines_of(f) == {22, 39} for f in sleep.findings)


def corpus_scores() -> tuple[float, float, list[str]]:
    """Article-level precision and recall of EL301–EL303 on tests/articles/ (manifest.toml).

    A contradiction counts as found when one finding joins both manifest lines (line + related)."""
    manifest = read_toml(ARTICLES / "manifest.toml")["article"]
    tp = fp = fn = 0
    notes = []
    for entry in manifest:
        report = lint_file(ARTICLES / entry["file"])
        found = [f for f in report.findings if f.rule in ("EL301", "EL302", "EL303")]
        if entry["contradiction"]:
            want = set(entry["lines"])
            if any(want <= lines_of(f) for f in found):
                tp += 1
            else:
                fn += 1
                notes.append(f"missed {entry['file']}")
            fp += sum(1 for f in found if not lines_of(f) & want)
        else:
            fp += len(found)
            notes += [f"false alarm {entry['file']}:{f.line} {f.rule}" for f in found]
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return precision, recall, notes


@pytest.mark.slow
def test_corpus_precision_and_recall() -> None:
    precision, recall, notes = corpus_scores()
    assert precision >= 0.85 and recall >= 0.85, (precision, recall, notes)


# -- advice details ----------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, flagged", [
    ("Offer a pacifier at nap time.\n\nDo not offer a pacifier.\n", True),  # a bare "don't" covers it
    ("Give your newborn water on hot days.\n\nNever give water to babies under 6 months.\n", True),
    ("Put your baby down to sleep.\n\nDo not put your baby down with a bottle.\n", False),  # do, but not so
    ("Give water from 6 months.\n\nNever give water to babies under 6 months.\n", False),  # different ages
    ("Do not give honey before 12 months.\n\nHoney is fine at about 12 months.\n", False),
])
def test_el303_details(text: str, flagged: bool) -> None:
    assert ("EL303" in codes(lint(text))) is flagged


def test_el304_uses_the_stated_age_not_the_margin() -> None:
    assert "EL304" not in codes(lint("Start solids at about 4 months."))
    assert "EL304" in codes(lint("Most babies start solids at 3 months."))


def test_el303_frequency_details_differ() -> None:
    text = "Bath your baby two or three times a week.\n\nDo not bath your baby every day.\n"
    assert "EL303" not in codes(lint(text))


def test_packs_are_configurable_and_checked() -> None:
    from editlint import Linter

    text = "Babies sit before they crawl.\n\nCrawling comes before sitting.\n"
    motor_only = Linter({"select": ["EL3"], "contradiction": {"packs": ["data/milestones-motor.toml"]}})
    assert "EL301" in [f.rule for f in motor_only.lint_text(text, path="x.md").findings]
    missing = Linter({"select": ["EL3"], "contradiction": {"packs": ["data/nope.toml"]}})
    error = missing.lint_text(text, path="x.md").error
    assert error and "nope.toml" in error


@pytest.mark.parametrize("text, flagged", [
    ("Put your baby to sleep on their back.\n\n"
     "Put your baby to sleep on their tummy so they sleep longer.\n", True),
    ("Put your baby to sleep on their back.\n\nPut your baby on their tummy to play.\n", False),
    ("Put your baby to sleep on their back.\n\nIf your baby has reflux, your doctor may suggest another "
     "position.\n", False),
])
def test_el303_exclusive_details(text: str, flagged: bool) -> None:
    assert ("EL303" in codes(lint(text))) is flagged


@pytest.mark.parametrize("text, flagged", [
    ("Teething gels are safe.\n\nTeething gels are dangerous.\n", True),       # verdicts on a plain thing
    ("A fever is normal after vaccines.\n\nA fever is dangerous in newborns.\n", False),  # qualified
    ("Use a pacifier at sleep time.\n\nAvoid pacifiers.\n", True),              # avoid X covers any verb
    ("Do not give juice to babies under 12 months.\n\n"
     "Give a little diluted juice from 6 months for constipation.\n", True),
])
def test_el303_things(text: str, flagged: bool) -> None:
    assert ("EL303" in codes(lint(text))) is flagged


@pytest.mark.parametrize("text, flagged", [
    ("Crawling usually starts at 6 to 7 months.\n\nMost babies master crawling at 9 to 10 months.\n", False),
    ("Most babies crawl well by 6 months.\n\nMost babies start crawling at 9 months.\n", True),
])
def test_el302_start_and_mastery(text: str, flagged: bool) -> None:
    assert ("EL302" in codes(lint(text))) is flagged


def test_el302_flags_the_odd_one_out_once() -> None:
    text = ("Most babies say a first word around 12 months.\n\n"
            "Most babies say their first words at 4 months.\n\n"
            "In short, the first word usually comes around 12 months.\n\n"
            "The first word arrives near 12 months.\n")
    (f,) = [f for f in lint(text).findings if f.rule == "EL302"]
    assert f.line == 3


def test_el301_one_finding_for_the_odd_one_out() -> None:
    text = ("Crawling comes before walking.\n\nMost babies crawl before they walk.\n\n"
            "Walking comes first and crawling follows.\n\nBy the time they walk, most babies have crawled.\n")
    (f,) = [f for f in lint(text).findings if f.rule == "EL301"]
    assert f.line == 5


@pytest.mark.parametrize("text, flagged", [
    ("It is safe to give babies water from birth.\n\nDo not give water before 6 months.\n", True),
    ("It is safe to give water from 6 months.\n\nDo not give water before 6 months.\n", False),
    ("You don't have to wake a sleeping baby to feed.\n\nAlways wake your baby to feed every three hours.\n",
     True),
])
def test_el303_safe_to_and_have_to(text: str, flagged: bool) -> None:
    assert ("EL303" in codes(lint(text))) is flagged


# -- audit on unseen articles (tests/corpus/health) --------------------------------------------------------
@pytest.mark.parametrize("text", [
    # an imperative parsed as the complement of a "so …" clause; raise/tilt/prop are one act; "the head end
    # of the crib mattress" is the mattress, and the mattress is the sleep surface
    "At night, raise the head end of the crib mattress a little, so your baby can breathe more easily.\n\n"
    "Always put your baby down flat, and never tilt or prop up the sleep surface.\n",
    "Elevate the head of the cot with a folded towel.\n\nNever tilt the mattress.\n",
    # the negation of "never tilt" carries to the coordinated "prop up"
    "At night, prop up the mattress with a towel so your baby can breathe.\n\n"
    "Never tilt or prop up the mattress.\n",
])
def test_el303_other_wordings_of_the_same_act(text: str) -> None:
    report = lint(text)
    (f,) = [f for f in report.findings if f.rule == "EL303"]
    assert lines_of(f) == {1, 3}


@pytest.mark.parametrize("text", [
    "Never tilt the mattress.\n\nRaise your baby's head gently to burp them.\n",
    "Never shake your baby or leave them alone in the bath.\n\n"
    "If you feel overwhelmed, leave your baby to settle in the crib for a few minutes.\n",
    "Never prop a bottle, and always hold your baby for feeds.\n\nHold your baby upright after feeds.\n",
    "Do not raise the mattress, but keep the crib in your room.\n\n"
    "Keep the crib in your room for six months.\n",
])
def test_el303_same_words_different_acts_pass(text: str) -> None:
    assert "EL303" not in codes(lint(text))


@pytest.mark.parametrize("text", [
    "Crawling comes before walking for most babies.\n\nWalking precedes crawling in most babies.\n",
])
def test_el301_precedes_read_as_a_noun_by_the_parser(text: str) -> None:
    assert "EL301" in codes(lint(text))


@pytest.mark.parametrize("text", [
    "Let your baby cry it out.\n\nNever leave your baby to cry.\n",  # leave … to cry = let … cry
    "Use a pillow to support your baby's head in the crib.\n\nKeep pillows out of the crib.\n",
    "Keep pillows and bumpers out of the crib.\n\n"
    "Put a soft pillow in the crib so your baby is comfortable.\n",
])
def test_el303_let_leave_and_keep_out(text: str) -> None:
    assert "EL303" in codes(lint(text))


@pytest.mark.parametrize("text", [
    "Keep the crib away from windows and blind cords.\n\n"
    "Put the crib in your room for the first six months.\n",
    "Keep your baby away from cigarette smoke.\n\nGive your baby plenty of fresh air.\n",
    "Keep medicines out of reach.\n\nGive medicines with the syringe that comes with the bottle.\n",
    "Never leave your baby alone in the bath.\n\n"
    "Leave the room if you feel overwhelmed, after putting your baby in the crib.\n",
])
def test_el303_keep_away_and_leave_passing(text: str) -> None:
    assert "EL303" not in codes(lint(text))


@pytest.mark.parametrize("text,flagged", [
    # a leading scope ("For mild symptoms,") limits the advice like an if-clause
    ("Offer one new allergy food at a time, in the morning.\n\n"
     "For mild symptoms, stop the food and call your baby's doctor.\n", False),
    ("Give your baby a bottle of water on hot days.\n\n"
     "With a newborn, avoid water and offer extra milk feeds instead.\n", False),
    # but not an absolute one
    ("Never wake a sleeping baby to feed.\n\nFor a sleepy baby, always wake your baby to feed.\n", True),
])
def test_el303_leading_scope_is_a_condition(text: str, flagged: bool) -> None:
    assert ("EL303" in codes(lint(text))) is flagged
