"""Disclaimer and health claims (EL401–EL405): evidence, disclaimer recognition, hedges, doses, sources."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from conftest import codes, lint_snippet
from helpers import sample_findings

from editlint import ConfigError, FileReport
from editlint.checks import disclaimer as d
from editlint.cli import main
from editlint.datafile import DataFileError
from editlint.findings import Finding
from editlint.rules import Registry

CLEAN = ["safe-infant-sleep.md", "starting-solid-foods.html", "fever-in-babies.txt", "paper-plate-lions.md",
         "day-out-packing-list.txt", "moving-in-the-first-year.md"]
#: The shipped data objects (``ctx.data``) of the default registry.
WORDS: d.Wordings = Registry.default().data("disclaimers")
HEALTH: d.Health = Registry.default().data("health-lexicon")
NO_HEALTH = ["paper-plate-lions.md", "day-out-packing-list.txt"]
FMT = {".md": "markdown", ".html": "html", ".txt": "text"}

STANDARD = ("This article is for general information only and is not a substitute for advice from your "
            "child's doctor.")

# Written for these tests: health advice of several kinds, no disclaimer.
MEDICAL = """# Ear infections in toddlers

Ear infections often follow a cold. Your toddler may pull at one ear, run a fever or sleep badly.

## What helps

Infant ibuprofen can ease the pain. Ask your pharmacist which product suits your child's weight.

## When to call the doctor

Call your doctor if the fever lasts more than two days or fluid drains from the ear.
"""

# A crafts article with the words that must NOT make an article medical.
CRAFTS = """# Salt dough handprints

A rainy afternoon, a bowl of salt dough and a toddler's hand make a keepsake that lasts for years.

## What you need

- 1 cup of flour and half a cup of salt
- water
- safety scissors, for you to use
- a rolling pin

## Steps

1. Wash hands before you start, and wash them again when you finish.
2. Mix the flour, salt and water into a soft dough.
3. Roll it out and press your child's hand into it.
4. Bake it on a low heat for three hours, then let it cool.

Supervise your toddler near the oven, and keep the salt dough away from the dog. Walking to the park to
collect leaves for decoration makes a nice extra trip. It is great practice for fine motor skills.
"""


def rules_of(report: FileReport, code: str) -> list[Finding]:
    return [f for f in report.findings if f.rule == code]


def lint_file(path: Path, **config: Any) -> FileReport:
    return lint_snippet(path.read_text(encoding="utf-8"), FMT[path.suffix], **config)


# -- EL401 ------------------------------------------------------------------------------------------------
def test_seed_article_needs_a_disclaimer_and_lists_its_evidence(seed_path: Path) -> None:
    text = seed_path.read_text(encoding="utf-8")
    report = lint_snippet(text, "text", select=["EL401"])
    [f] = rules_of(report, "EL401")
    assert f.severity.value == "error"
    assert 1 <= len(f.related) <= 8
    lines = text.split("\n")
    related_lines = [lines[r.line - 1] for r in f.related]
    assert any("pediatrician" in ln for ln in related_lines), related_lines
    # the strongest evidence is kept when the list is cut: the line that sends parents to the paediatrician
    one = lint_snippet(text, "text", select=["EL401"], rules={"EL401": {"max-evidence": 1}})
    [g] = rules_of(one, "EL401")
    assert [ln for ln in (lines[r.line - 1] for r in g.related) if "pediatrician" in ln]
    assert len(g.related) == 1


def el401_via_cli(path: Path, capsys: pytest.CaptureFixture[str]) -> list[dict[str, Any]]:
    """EL401 findings of the real CLI's JSON report for one file."""
    main(["check", "--select", "EL401", "--format", "json", "--fail-on", "never", str(path)])
    data = json.loads(capsys.readouterr().out)
    return [f for f in data["files"][0]["findings"] if f["rule"] == "EL401"]


def test_seed_with_standard_disclaimer_appended_passes(seed_path: Path, tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    plain = tmp_path / "seed.txt"
    plain.write_text(seed_path.read_text(encoding="utf-8"), encoding="utf-8")
    assert len(el401_via_cli(plain, capsys)) == 1
    variant = tmp_path / "seed-with-disclaimer.txt"
    variant.write_text(seed_path.read_text(encoding="utf-8") + "\n\n" + STANDARD + "\n", encoding="utf-8")
    assert el401_via_cli(variant, capsys) == []


@pytest.mark.parametrize("wording", [
    "Nothing on this page should stand in for a visit to your child's own doctor.",
    "The advice here can't take the place of a check-up with your paediatrician.",
    "We are not doctors, and this post is no replacement for your GP's judgement.",
    "Talk to your health visitor about your child's specific needs.",
    "This content does not constitute medical advice.",
    "The information on this site is not intended to diagnose or treat any condition.",
])
def test_seed_with_unusually_worded_disclaimer_passes(seed_path: Path, tmp_path: Path, wording: str,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    variant = tmp_path / "seed-unusual.txt"
    variant.write_text(seed_path.read_text(encoding="utf-8") + "\n\n" + wording + "\n", encoding="utf-8")
    assert el401_via_cli(variant, capsys) == []


def test_medical_article_without_disclaimer_fails_in_every_format() -> None:
    assert codes(lint_snippet(MEDICAL, "markdown", select=["EL401"])) == ["EL401"]
    html_text = "".join(
        f"<h1>{ln[2:]}</h1>\n" if ln.startswith("# ") else f"<h2>{ln[3:]}</h2>\n" if ln.startswith("## ")
        else f"<p>{ln}</p>\n" for ln in MEDICAL.splitlines() if ln.strip())
    assert codes(lint_snippet(html_text, "html", select=["EL401"])) == ["EL401"]
    plain = MEDICAL.replace("## ", "").replace("# ", "")
    assert codes(lint_snippet(plain, "text", select=["EL401"])) == ["EL401"]


def test_finding_names_the_kinds_of_evidence() -> None:
    [f] = lint_snippet(MEDICAL, "markdown", select=["EL401"]).findings
    assert "no medical disclaimer" in f.message
    assert "names a medicine or dose" in f.message and "mentions a clinician" in f.message
    assert f.suggestion and "not a substitute" in f.suggestion
    assert f.data["evidence_score"] >= f.data["threshold"] == 8.0


def test_crafts_article_is_not_health_advice() -> None:
    report = lint_snippet(CRAFTS, "markdown", select=["EL4"])
    assert codes(report) == []


def test_repetition_of_one_weak_kind_does_not_cross_the_threshold() -> None:
    text = "# Playtime\n\n" + " ".join(["Tummy time on a mat is fun."] * 30) + "\n"
    assert codes(lint_snippet(text, "markdown", select=["EL401"])) == []


@pytest.mark.parametrize("name", CLEAN)
def test_clean_samples_have_no_el4_findings(name: str) -> None:
    assert [f.rule for f in sample_findings(name, "EL4")] == []


@pytest.mark.parametrize("name", NO_HEALTH)
def test_articles_without_health_advice_get_nothing(name: str) -> None:
    assert [f.rule for f in sample_findings(name, "EL4")] == []


@pytest.mark.parametrize("name,expected", [
    ("newborn-sleep-schedule.md", True), ("teething-relief.md", True), ("baby-crawling-stages.html", True),
    ("first-finger-foods.txt", False), ("when-do-babies-walk.html", False),
])
def test_flawed_samples(name: str, expected: bool) -> None:
    assert bool(sample_findings(name, "EL401")) is expected


@pytest.mark.parametrize("sentence", [
    "This article is for informational purposes only.",
    "The content above is not a substitute for professional medical advice, diagnosis or treatment.",
    "This page does not constitute medical advice.",
    "This guide is not intended to diagnose any condition.",
    "Always consult your pediatrician.",
    "Always talk to your child's doctor.",
    "Consult your GP about your child's individual situation.",
    "Nothing on this page should stand in for a visit to your child's own doctor.",
    "Medically reviewed by Dr. Ana Silva, FAAP.",
    "Our site never replaces the advice of a health visitor.",
    "This article can't diagnose your child.",
    "The information here is no substitute for a doctor.",
])
def test_disclaimer_wordings_are_recognised(sentence: str) -> None:
    assert WORDS.is_disclaimer_text(sentence)


@pytest.mark.parametrize("sentence", [
    "Call your doctor if the fever lasts more than two days.",
    "This guide does not cover treatment for older children.",
    "Consult your pediatrician if you notice pain.",
    "This article explains when babies start to crawl.",
    "Ask your doctor about vitamin D drops.",
    "Do not replace the batteries while your child is watching.",
    "This guide doesn't replace the need for a car seat.",
    "Our advice: never replace a crib mattress with a second-hand one.",
])
def test_ordinary_sentences_are_not_disclaimers(sentence: str) -> None:
    assert not WORDS.is_disclaimer_text(sentence)


@pytest.mark.parametrize("front,passes", [
    ("medical_disclaimer: true", True),
    ('medically_reviewed_by: "Dr. Sam Lee"', True),
    ('medically-reviewed-by: "Sam Lee, RN"', True),
    ('reviewed_by: "Sam Lee, MD"', True),
    ('reviewed_by: "Sam Lee"', False),
    ("medical_disclaimer: false", False),
    ('disclaimer: "This post contains affiliate links."', False),
    ('disclaimer: "This post is not a substitute for medical advice."', True),
    ('description: "Ear infections, explained. For informational purposes only."', True),
    ('medical_disclaimer: ""', False),
])
def test_front_matter_keys(front: str, passes: bool) -> None:
    text = f"---\ntitle: Ear infections\n{front}\n---\n\n" + MEDICAL
    assert ("EL401" not in codes(lint_snippet(text, "markdown", select=["EL401"]))) is passes


@pytest.mark.parametrize("element", [
    '<div class="post-disclaimer"><p>Please read our editorial policy.</p></div>',
    '<p data-editlint="disclaimer">Please read our editorial policy.</p>',
    '<aside id="disclaimer"><p>Please read our editorial policy.</p></aside>',
])
def test_html_elements_marked_as_disclaimer(element: str) -> None:
    body = ("<h1>Ear infections</h1>\n"
            "<p>Ear infections often follow a cold and can cause a fever and pain.</p>\n"
            "<p>Infant ibuprofen can ease the pain. Ask your pharmacist about the dose.</p>\n"
            "<p>Call your doctor if the fever lasts more than two days.</p>\n")
    assert codes(lint_snippet(body, "html", select=["EL401"])) == ["EL401"]
    assert codes(lint_snippet(body + element + "\n", "html", select=["EL401"])) == []


def test_disclaimer_in_site_footer_outside_the_article_counts() -> None:
    page = ("<html><body><main><article><h1>Ear infections</h1>\n"
            "<p>Ear infections often follow a cold and can cause a fever and pain.</p>\n"
            "<p>Infant ibuprofen can ease the pain. Ask your pharmacist about the dose.</p>\n"
            "<p>Call your doctor if the fever lasts more than two days.</p>\n</article></main>\n"
            f"<footer class=\"site-footer\"><p>{STANDARD}</p></footer></body></html>\n")
    assert codes(lint_snippet(page, "html", select=["EL401"])) == []


def _with(intro_disclaimer: bool) -> str:
    body = MEDICAL.replace("# Ear infections in toddlers\n\n", "")
    if intro_disclaimer:
        return "# Ear infections in toddlers\n\n" + STANDARD + "\n\n" + body
    return "# Ear infections in toddlers\n\n" + body + "\n" + STANDARD + "\n"


@pytest.mark.parametrize("position,at_top,ok", [
    ("anywhere", True, True), ("anywhere", False, True),
    ("top", True, True), ("top", False, False),
    ("bottom", True, False), ("bottom", False, True),
    ("first-words", True, True), ("first-words", False, False),
])
def test_position(position: str, at_top: bool, ok: bool) -> None:
    report = lint_snippet(_with(at_top), "markdown", select=["EL401"],
                          disclaimer={"position": position, "within-words": 20})
    found = rules_of(report, "EL401")
    assert (not found) is ok
    if found:
        assert "must be" in found[0].message and not found[0].fixes


def test_bottom_allows_trailing_boilerplate() -> None:
    text = _with(False) + "\nLeave a Comment\n\nName *\n"
    assert codes(lint_snippet(text, "markdown", select=["EL401"], disclaimer={"position": "bottom"})) == []


def test_bottom_allows_sources_and_related_links_after_it() -> None:
    text = (_with(False) + "\n## Related\n\n- [Fever in babies](/fever/)\n- [Teething](/teething/)\n\n"
            "Source: <https://www.nhs.uk/conditions/ear-infections/>\n")
    assert codes(lint_snippet(text, "markdown", select=["EL401"], disclaimer={"position": "bottom"})) == []
    text = _with(False) + "\n- a list item that is content\n"
    report = lint_snippet(text, "markdown", select=["EL401"], disclaimer={"position": "bottom"})
    assert codes(report) == ["EL401"]


def test_required_wording() -> None:
    cfg = {"required-wording": r"not a substitute for (?:professional )?medical advice"}
    report = lint_snippet(_with(False), "markdown", select=["EL401"], disclaimer=cfg)
    [f] = rules_of(report, "EL401")
    assert "wording this site requires" in f.message
    ok = _with(False) + "\nThis site is not a substitute for medical advice.\n"
    assert codes(lint_snippet(ok, "markdown", select=["EL401"], disclaimer=cfg)) == []


def test_bad_disclaimer_configuration_is_an_error() -> None:
    with pytest.raises(ConfigError, match="position"):
        lint_snippet(MEDICAL, "markdown", select=["EL401"], disclaimer={"position": "middle"})
    with pytest.raises(ConfigError, match="colour"):
        lint_snippet(MEDICAL, "markdown", select=["EL401"], disclaimer={"colour": "red"})


def test_configured_text_is_always_recognised() -> None:
    house = "Little Steps shares parenting experience; your own clinic knows your child best."
    text = MEDICAL + "\n" + house + "\n"
    assert codes(lint_snippet(text, "markdown", select=["EL401"])) == ["EL401"]
    assert codes(lint_snippet(text, "markdown", select=["EL401"], disclaimer={"text": house})) == []


# -- EL402 ------------------------------------------------------------------------------------------------
HEALTH_INTRO = "Teething can bring a rash, drooling and sore gums.\n\n"  # health context, no hedge


@pytest.mark.parametrize("text,phrase,softer", [
    ("A warm forehead can come with a new tooth. There is nothing to worry about.",
     "There is nothing to worry about", "usually nothing to worry about"),
    ("Crawling backwards first is perfectly normal.", "perfectly normal", "usually normal"),
    ("Skipping crawling doesn't affect walking development at all.", "doesn't affect walking development",
     "usually doesn't affect"),
    ("This cream is always safe for newborn skin.", "always safe", "usually safe"),
    ("A dummy is never harmful.", "never harmful", "rarely harmful"),
    ("The bumps are completely harmless.", "completely harmless", "usually harmless"),
    ("A mild rash after a feed means there is no need to see a doctor.", "no need to see a doctor",
     "usually no need to see a doctor, but call if you are worried"),
    ("A tooth rash will clear up in three days.", "will clear up in three days",
     "usually gets better within"),
    ("Your baby will be back to normal within two days.", "will be back to normal within two days",
     "usually gets better within"),
    ("Her gums will heal on their own in a week, I promise.", "will heal on their own in a week",
     "usually gets better within"),
])
def test_unhedged_reassurance_is_flagged(text: str, phrase: str, softer: str) -> None:
    [f] = lint_snippet(HEALTH_INTRO + text + "\n", "markdown", select=["EL402"]).findings
    assert f.severity.value == "warning"
    assert phrase in f.message
    assert f.suggestion == softer


@pytest.mark.parametrize("text", [
    "This is usually nothing to worry about.",
    "In most cases a warm forehead is nothing to worry about.",
    "Most babies who teeth have a slightly warm forehead. It is nothing to worry about.",
    "It is nothing to worry about. Fevers from teething are rarely high.",
    "According to the NHS, a slightly warm forehead is nothing to worry about.",
    "Myth: Teething is always safe to treat at home. Fact: A high fever needs a doctor.",
    '"It\'s nothing to worry about," my mother said, but I called the doctor anyway.',
    "A baby walker is not always safe.",
    "Don't assume it's nothing to worry about.",
    "> There is nothing to worry about.",
    "It may be nothing to worry about.",
    "A tooth rash will usually clear up within three days.",
    "I promise to post the recipe next week.",
])
def test_hedged_sourced_quoted_or_negated_reassurance_passes(text: str) -> None:
    assert codes(lint_snippet(HEALTH_INTRO + text + "\n", "markdown", select=["EL402"])) == []


def test_a_common_symptom_gives_the_context() -> None:
    text = "A sore throat or a runny nose is common in winter. Your child will get better within a week.\n"
    assert codes(lint_snippet(text, "markdown", select=["EL402"])) == ["EL402"]


def test_reassurance_outside_health_context_passes() -> None:
    text = CRAFTS + "\nWashable paint is perfectly fine on tables. The dough is completely harmless.\n"
    assert codes(lint_snippet(text, "markdown", select=["EL4"])) == []
    text = CRAFTS + "\nA small graze is completely harmless.\n"
    assert codes(lint_snippet(text, "markdown", select=["EL402"])) == []


def test_reassurance_next_to_health_evidence_in_a_light_article_is_flagged() -> None:
    text = CRAFTS + "\nA little fever after the trip is nothing to worry about.\n"
    assert codes(lint_snippet(text, "markdown", select=["EL402"])) == ["EL402"]


def test_markdown_link_in_the_next_sentence_is_a_source() -> None:
    text = ("A warm forehead is nothing to worry about. See the [NHS page](https://www.nhs.uk/teething/).\n")
    assert codes(lint_snippet(text, "markdown", select=["EL402"])) == []


def test_two_absolutes_in_one_sentence_make_one_finding() -> None:
    text = HEALTH_INTRO + "It is perfectly normal and nothing to worry about.\n"
    report = lint_snippet(text, "markdown", select=["EL402"])
    [f] = report.findings
    assert len(f.related) == 1


def test_el402_in_html_and_text() -> None:
    html_text = "<p>Teething can bring a rash and sore gums.</p><p>It never causes harm.</p>"
    assert codes(lint_snippet(html_text, "html", select=["EL402"])) == ["EL402"]
    text = "Teething\n\nTeething can bring a rash and sore gums. It never causes harm.\n"
    assert codes(lint_snippet(text, "text", select=["EL402"])) == ["EL402"]


# -- EL403 ------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "## Pain relief\n\nGive 2.5 ml of infant paracetamol every four hours.\n",
    "## Pain relief\n\nIbuprofen helps. Give 5 mL every 6–8 hours.\n",
    "## Pain relief\n\nTwo drops of the gripe water twice a day settle most babies.\n",
    "## Fever\n\nCalpol works well: half a teaspoon every 4-6 hours.\n",
    "## Teething\n\nOn bad nights, give infant ibuprofen for the pain.\n",
    "## Teething\n\nRub on a little teething gel before bed.\n",
])
def test_dose_without_clinician_is_flagged(text: str) -> None:
    [f] = lint_snippet(text, "markdown", select=["EL403"]).findings
    assert f.severity.value == "error"
    assert "pharmacist" in f.message


@pytest.mark.parametrize("text", [
    "## Pain relief\n\nGive 2.5 ml of infant paracetamol. Always check the dose with your pharmacist.\n",
    "## Pain relief\n\nGive 2.5 ml of infant paracetamol.\n\nAsk your doctor before a second dose.\n",
    "## Pain relief\n\nGive 2.5 ml of infant paracetamol unless your doctor tells you otherwise.\n",
    "## First foods\n\nOffer one or two teaspoons of a smooth food twice a day.\n",
    "## Safety\n\nNever give aspirin to a child.\n",
    "## Safety\n\nDo not give ibuprofen to babies under 6 months.\n",
    "## Fever\n\nIbuprofen is only for babies 6 months and older.\n",
    "## Medicine\n\nUse the syringe that comes with the medicine.\n",
    "## Feeds\n\nFeed your baby every three hours.\n",
])
def test_dose_with_clinician_or_no_dose_passes(text: str) -> None:
    assert codes(lint_snippet(text, "markdown", select=["EL403"])) == []


def test_dose_table_rows_are_read_as_a_whole() -> None:
    table = ("## Doses\n\n| Medicine | Dose |\n| --- | --- |\n| Infant paracetamol | 2.5 ml every 4 hours |\n"
             "| Infant ibuprofen | 2.5 ml every 6 hours |\n")
    report = lint_snippet(table, "markdown", select=["EL403"])
    assert codes(report) == ["EL403", "EL403"]
    checked = table + "\nCheck every dose with your pharmacist.\n"
    assert codes(lint_snippet(checked, "markdown", select=["EL403"])) == []
    food = "## Portions\n\n| Food | Amount |\n| --- | --- |\n| Puree | 2 teaspoons twice a day |\n"
    assert codes(lint_snippet(food, "markdown", select=["EL403"])) == []


def test_advice_two_paragraphs_away_in_another_section_counts_but_three_does_not() -> None:
    near = ("## Medicine\n\nGive 2.5 ml of infant paracetamol every four hours.\n\n## Next\n\nRest helps.\n\n"
            "Check the dose with your pharmacist.\n")
    far = ("## Medicine\n\nGive 2.5 ml of infant paracetamol every four hours.\n\n## Next\n\nRest helps.\n\n"
           "Cuddles help.\n\nCheck the dose with your pharmacist.\n")
    assert codes(lint_snippet(near, "markdown", select=["EL403"])) == []
    assert codes(lint_snippet(far, "markdown", select=["EL403"])) == ["EL403"]


def test_teething_sample_dose_is_flagged_and_fever_sample_is_not() -> None:
    [f] = sample_findings("teething-relief.md", "EL403")
    assert f.line == 30
    assert sample_findings("fever-in-babies.txt", "EL403") == []


# -- EL404 ------------------------------------------------------------------------------------------------
CONCERN = """# Crawling

Most babies start crawling between 7 and 10 months. Tummy time builds strength for crawling, and some babies
skip crawling and go straight to pulling up to stand. Babies born early may reach these milestones later.
"""


@pytest.mark.parametrize("care", [
    "", "Call your doctor if your baby cannot sit by 9 months.",
    "Seek medical help if your baby stops moving a leg.",
    "Go to the emergency room if your baby has a seizure.", "Call 999 if your baby is limp.",
])
def test_when_to_see_a_doctor(care: str) -> None:
    report = lint_snippet(CONCERN + "\n" + care + "\n", "markdown", select=["EL404"])
    assert codes(report) == ([] if care else ["EL404"])
    if not care:
        [f] = report.findings
        assert f.severity.value == "warning" and f.related


def test_a_disclaimer_is_not_advice_on_when_to_see_a_doctor() -> None:
    text = CONCERN + "\nThis article is for general information only. Always talk to your child's doctor.\n"
    assert codes(lint_snippet(text, "markdown", select=["EL404"])) == ["EL404"]


def test_el404_not_for_non_health_articles() -> None:
    assert codes(lint_snippet(CRAFTS, "markdown", select=["EL404"])) == []


# -- EL405 ------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("source,fmt", [
    ("See [the NHS page](https://www.nhs.uk/conditions/ear-infections/).", "markdown"),
    ("Source: NHS, Ear infections.", "markdown"),
    ("Smith J. Otitis media in toddlers. doi:10.1000/xyz123", "markdown"),
    ("Antibiotics are rarely needed [1].", "markdown"),
    ("## References\n\nNHS. Ear infections. 2023.", "markdown"),
    ("<p><strong>Source:</strong> NHS, Ear infections.</p>", "html"),
])
def test_any_source_silences_el405(source: str, fmt: str) -> None:
    assert codes(lint_snippet(MEDICAL, fmt, select=["EL405"])) == ["EL405"]
    assert codes(lint_snippet(MEDICAL + "\n" + source + "\n", fmt, select=["EL405"])) == []


def test_a_paragraph_that_starts_with_sources_is_not_a_reference_list() -> None:
    text = MEDICAL + "\nSources of iron include meat, beans and fortified cereal.\n"
    assert codes(lint_snippet(text, "markdown", select=["EL405"])) == ["EL405"]


def test_el405_is_info_with_related_claims() -> None:
    [f] = lint_snippet(MEDICAL, "markdown", select=["EL405"]).findings
    assert f.severity.value == "info" and f.related


def test_html_links_only_count_inside_the_article() -> None:
    article = ("<p>Ear infections often follow a cold and can cause a fever and pain.</p>\n"
               "<p>Infant ibuprofen can ease the pain. Ask your pharmacist about the dose.</p>\n"
               "<p>Call your doctor if the fever lasts more than two days.</p>\n")
    page = ('<html><body><nav><a href="https://example.org/">Home</a></nav><article><h1>Ears</h1>\n'
            + article + '<div class="share"><a href="#">Share</a></div></article></body></html>\n')
    assert codes(lint_snippet(page, "html", select=["EL405"])) == ["EL405"]
    linked = page.replace("</article>", '<p>Source: <a href="https://www.nhs.uk/">NHS</a></p></article>')
    assert codes(lint_snippet(linked, "html", select=["EL405"])) == []


# -- pieces ---------------------------------------------------------------------------------------------
def test_sentence_splitter_handles_glued_sentences_and_abbreviations() -> None:
    text = "Is it normal for babies?It is. Dr. Lee gives 2.5 ml, e.g. at night. Done"
    parts = [text[s:e] for s, e in d.split_sentences(text)]
    assert parts == ["Is it normal for babies?", "It is.", "Dr. Lee gives 2.5 ml, e.g. at night.", "Done"]


def _pack(tmp_path: Path, body: str) -> Registry:
    pack = tmp_path / "house.toml"
    pack.write_text(body, encoding="utf-8")
    return Registry.default([pack])


def test_lexicons_load() -> None:
    lex = HEALTH.lexicon
    wanted = {"clinician", "symptom", "condition", "medicine", "development", "safety", "care"}
    assert wanted <= set(lex.kinds)
    assert WORDS.data.phrases


@pytest.mark.parametrize("body,key,line", [
    ("[data.health-lexicon.kinds.symptom]\nreplace = true\nlabel = 'x'\n",
     ("data", "health-lexicon", "kinds", "symptom", "weight"), 1),
    ("\n[data.health-lexicon.kinds.symptom]\ncolour = 'red'\n",
     ("data", "health-lexicon", "kinds", "symptom", "colour"), 3),
    ("[data.health-lexicon.kinds.symptom]\nterms = 'fever'\n",
     ("data", "health-lexicon", "kinds", "symptom", "terms"), 2),
    ("[[data.health-lexicon.reassurance]]\npattern = 'fine'\n", ("data", "health-lexicon", "reassurance"), 1),
    ("[data.health-lexicon.kinds.symptom]\npatterns = ['(unclosed']\n",
     ("data", "health-lexicon", "kinds", "symptom", "patterns"), 2),
    ("[data.health-lexicon.voice]\nnarrative-share = 3\n",
     ("data", "health-lexicon", "voice", "narrative-share"), 2),
    ("[data.disclaimers.constructions]\nnegators = 'not'\n",
     ("data", "disclaimers", "constructions", "negators"), 2),
    ("[data.disclaimers.constructions]\nscope-patterns = ['(x']\n",
     ("data", "disclaimers", "constructions", "scope-patterns"), 2),
])
def test_bad_lexicon_in_a_pack_names_file_key_and_line(tmp_path: Path, body: str, key: tuple[str, ...],
                                                       line: int) -> None:
    with pytest.raises(DataFileError) as exc:
        _pack(tmp_path, body)
    assert exc.value.path is not None and exc.value.path.endswith("house.toml")
    assert exc.value.key[:len(key)] == key and exc.value.line == line


def test_care_kinds_must_name_a_kind(tmp_path: Path) -> None:
    with pytest.raises(DataFileError, match="symptoms"):
        _pack(tmp_path, "[data.health-lexicon.care]\nreplace-kinds = ['symptoms']\n")


def test_pack_extends_the_lexicon_and_the_wordings(tmp_path: Path) -> None:
    """A house pack adds a symptom term and a disclaimer phrase; the shipped objects are unchanged."""
    reg = _pack(tmp_path, "[data.health-lexicon.kinds.symptom]\nterms = ['hiccough fit']\n"
                "[data.disclaimers]\nphrases = ['ask the clinic before acting on this page']\n")
    housed: d.Wordings = reg.data("disclaimers")
    sentence = "Please ask the clinic before acting on this page."
    assert housed.is_disclaimer_text(sentence) and not WORDS.is_disclaimer_text(sentence)
    symptom = reg.data("health-lexicon").lexicon.kinds["symptom"]
    assert "hiccough fit" in {key for key, _ in symptom.matchers}
    assert "hiccough fit" not in {key for key, _ in HEALTH.lexicon.kinds["symptom"].matchers}


# -- audit on unseen articles (tests/corpus/health) ----------------------------------------------------------
@pytest.mark.parametrize("sentences", [
    ("This guide is general information.", "It cannot take the place of a visit to your child's doctor."),
    ("This article shares general information about child development.", "It is not a diagnosis."),
    ("This page gives first aid information only.", "It is no substitute for emergency medical care."),
])
def test_follow_on_sentence_takes_the_page_from_the_sentence_before(sentences: tuple[str, str]) -> None:
    first, second = sentences
    assert not WORDS.is_disclaimer_text(second)
    assert WORDS.is_disclaimer_text(second, previous=first)
    report = lint_snippet(MEDICAL + "\n" + first + " " + second + "\n", "markdown", select=["EL401"])
    assert codes(report) == []


@pytest.mark.parametrize("first,second", [
    ("This guide covers ear infections.", "It does not replace antibiotics."),  # no clinician or advice
    ("Call your doctor if the fever lasts.", "It is not a diagnosis."),  # the first is not about the page
    ("This article explains fevers.", "This fever is not a diagnosis of meningitis."),  # a new subject
])
def test_follow_on_needs_the_page_and_a_disclaimer_wording(first: str, second: str) -> None:
    assert not WORDS.is_disclaimer_text(second, previous=first)


def test_follow_on_only_within_one_paragraph() -> None:
    text = MEDICAL + ("\nThis article shares general information about ear infections.\n\n"
                      "It is not a diagnosis.\n")
    assert codes(lint_snippet(text, "markdown", select=["EL401"])) == ["EL401"]


@pytest.mark.parametrize("sentence", [
    "This article is general information, not medical advice.",
    "This is one parent's experience, not medical advice.",
    "This FAQ is for general education and is not medical or dental advice.",
    "Our column answers general questions (not personal medical advice).",
])
def test_not_medical_advice_wordings(sentence: str) -> None:
    assert WORDS.is_disclaimer_text(sentence)


@pytest.mark.parametrize("sentence", [
    "Most colds do not need medical advice.",
    "A runny nose is not a reason to seek medical advice.",
    "Ask your doctor; do not rely on online medical advice alone.",
])
def test_not_medical_advice_pattern_needs_the_page_as_subject(sentence: str) -> None:
    assert not WORDS.is_disclaimer_text(sentence)


def test_hedge_in_another_paragraph_does_not_soften_reassurance() -> None:
    text = (HEALTH_INTRO + "Spit-up usually peaks at four months. Most babies stop by 12 months.\n\n"
            "Spit-up is completely harmless.\n")
    assert codes(lint_snippet(text, "markdown", select=["EL402"])) == ["EL402"]
    same = (HEALTH_INTRO + "Spit-up usually peaks at four months. Most babies stop by 12 months. "
            "It is completely harmless.\n")
    assert codes(lint_snippet(same, "markdown", select=["EL402"])) == []


@pytest.mark.parametrize("care", [
    "Book a visit with your child's doctor or dentist if there are no teeth by 18 months.",
    "Make an appointment with the GP if the rash spreads.",
    "## When should I see someone?\n\nIf the swelling lasts a week, see someone.",
])
def test_when_to_see_a_doctor_other_wordings(care: str) -> None:
    assert codes(lint_snippet(CONCERN + "\n" + care + "\n", "markdown", select=["EL404"])) == []


@pytest.mark.parametrize("sentence", [
    "We are not doctors, so please check with your pediatrician before trying anything here.",
    "This information does not replace a consultation with a health professional.",
    "Please note: I'm a mom, not a medical professional.",
    "This article is general guidance only; if you are worried, contact your doctor.",
    "Information here is provided for educational purposes and should not replace advice from your child's "
    "healthcare provider.",
    "This article does not offer medical advice.",
    "Our articles are written by parents, not doctors.",
    "Always follow your own doctor's advice over anything you read online.",
    "This is general information and not a diagnosis.",
    "Disclaimer: I am not a medical professional.",
])
def test_more_disclaimer_wordings(sentence: str) -> None:
    assert WORDS.is_disclaimer_text(sentence)


@pytest.mark.parametrize("sentence", [
    "Pharmacies do not provide medical advice at night.",
    "Most colds do not need medical care.",
    "We are not sure why some babies skip crawling.",
    "Nurses are not doctors, but they can help.",
    "I am not a fan of baby walkers.",
    "This guide is not a checklist your baby must pass.",
    "Our pediatrician said it was not a concern.",
])
def test_more_ordinary_sentences_are_not_disclaimers(sentence: str) -> None:
    assert not WORDS.is_disclaimer_text(sentence)


@pytest.mark.parametrize("text", [
    "Is a flat spot ever nothing to worry about? Sometimes.",  # a question asserts nothing
    "Many parents are told it's nothing to worry about, but trust your instincts.",  # reported
    "Provided your baby is otherwise well, there is no need to worry.",  # a limiting condition
    "No bath product is 100% safe for every baby.",  # a negative subject
])
def test_questions_reports_conditions_and_negative_subjects_are_not_reassurance(text: str) -> None:
    assert codes(lint_snippet(HEALTH_INTRO + text + "\n", "markdown", select=["EL402"])) == []


@pytest.mark.parametrize("text", [
    "If your baby cries for hours every night, there is nothing to worry about.",  # "if" is no hedge
    "It will not harm your baby in any way.",
    "Spit-up never harms a baby.",
])
def test_more_unhedged_reassurance(text: str) -> None:
    assert codes(lint_snippet(HEALTH_INTRO + text + "\n", "markdown", select=["EL402"])) == ["EL402"]


def test_vitamin_d_dose_needs_a_clinician_and_a_prescribing_doctor_is_one() -> None:
    dose = HEALTH_INTRO + "Put two drops of vitamin D in your baby's mouth once a day.\n"
    assert codes(lint_snippet(dose, "markdown", select=["EL403"])) == ["EL403"]
    prescribed = HEALTH_INTRO + "Your doctor may prescribe amoxicillin 3 times a day for 5 days.\n"
    assert codes(lint_snippet(prescribed, "markdown", select=["EL403"])) == []


@pytest.mark.parametrize("sentence", [
    "This article is general information.",
    "This report is general information and does not replace advice from your own health professional.",
])
def test_general_information_statements(sentence: str) -> None:
    assert WORDS.is_disclaimer_text(sentence)


@pytest.mark.parametrize("sentence", [
    "This article is general information about teething.",  # a description, not a disclaimer
    "The report is general guidance on screen time for schools.",
])
def test_general_information_descriptions_are_not_disclaimers(sentence: str) -> None:
    assert not WORDS.is_disclaimer_text(sentence)


# -- disclaimers recognised by what they say (constructions in data/disclaimers.toml) ----------------------
@pytest.mark.parametrize("sentence,kind", [
    # denial: the page, its information or its authors, denied a clinician's role
    ("This handout can inform you, yet it can never diagnose a rash.", "denial"),
    ("Our sleep guide is no substitute for a check-up with your health visitor.", "denial"),
    ("Nothing in this newsletter takes the place of your paediatrician's advice.", "denial"),
    ("This podcast episode can't diagnose a rash, however good the photos are.", "denial"),
    ("The tips in our app are not meant to replace care from your child's dentist.", "denial"),
    ("Our feeding charts are a rough guide (not individual dietitian advice).", "denial"),
    ("We cannot diagnose your child over email.", "denial"),
    # identity: an author who is not a clinician
    ("We're two teachers and a dad, not nurses or midwives.", "identity"),
    ("I'm a childminder, not a qualified physiotherapist.", "identity"),
    ("None of us is a pharmacist.", "identity"),
    ("This blog is written by grandparents, not GPs.", "identity"),
    ("Neither of us is medically trained, so take this as one family's story.", None),
    # framing: the page calls itself general information
    ("Our weaning pages are general information only.", "framing"),
    ("This leaflet offers general guidance.", "framing"),
    ("The content of our site is general in nature.", "framing"),
    ("The opinions shared here are one mum's, and not medical advice.", "denial"),
    # deferral with scope over the whole page
    ("Run what you read here past the health visitor who sees your baby.", "deferral"),
    ("Speak to your own GP before acting on any of this.", "deferral"),
    ("Please always check with your toddler's doctor.", "deferral"),
    ("Ask your child's dentist about your child's own needs.", "deferral"),
    ("Please ask a health visitor for advice specific to your baby.", "deferral"),
    ("Every family is different, so talk to your GP about what is right for yours.", "deferral"),
    ("The author is not a licensed medical professional.", "identity"),
    ("Information on this site is not meant to take the place of your child's health care provider.",
     "denial"),
])
def test_disclaimer_constructions(sentence: str, kind: str | None) -> None:
    assert WORDS.is_disclaimer_text(sentence)
    if kind is not None:
        assert WORDS.construction(sentence) == kind


@pytest.mark.parametrize("sentence", [
    "This is not a substitute for a good night's sleep.",  # the relation's object is not clinical
    "Our weaning guide is no replacement for family meals together.",
    "Our pediatrician told us the rash was fine.",  # a clinician in a story
    "Call your doctor if the swelling lasts more than two days.",  # one symptom: EL404, not a disclaimer
    "See your GP before making changes to your toddler's milk.",  # a scope of one change
    "Always call the midwife if the bleeding gets heavier.",  # "always … if": a condition
    "Always check the strength with your pharmacist before you give the syrup.",  # one action, not the page
    "This article explains why doctors cannot diagnose asthma in babies.",  # another subject's denial
    "We had no diagnosis until she was four.",  # a story: no auxiliary before the negator
    "I was never diagnosed with anything as a child.",
    "We saw the practice nurse, not a doctor.",  # no "be": no identity
    "Nothing replaces a cuddle after a fall.",
    "Our guide does not cover treatment for older children.",  # the negator denies "cover"
    "This leaflet is general information about car seats.",  # a description of the topic
    "The nurse is not a doctor, but she can prescribe.",
])
def test_disclaimer_constructions_negatives(sentence: str) -> None:
    assert not WORDS.is_disclaimer_text(sentence)


def test_a_clause_pronoun_takes_the_page_from_the_clause_before() -> None:
    assert WORDS.construction("This page describes sleep patterns, but it cannot diagnose sleep apnoea.") \
        == "denial"
    assert WORDS.construction("Doctors know this well, but they cannot diagnose every rash by eye.") is None


# An article of health advice on ear care (written for these tests) and places a disclaimer may sit.
EAR_CARE = """Swimmer's ear makes the ear canal sore and itchy. Your child may have a fever and pain when
the ear is touched. Ask your pharmacist about drops, and call your doctor if the pain lasts more than two
days or fluid drains from the ear.
"""
UNUSUAL = ("We are swim coaches and parents, not doctors or nurses; ask the clinicians who look after "
           "your child before changing anything we suggest on this site.")


@pytest.mark.parametrize("text,fmt", [
    ("# Swimmer's ear\n\n" + EAR_CARE + "\n---\n\n" + UNUSUAL + "\n", "markdown"),  # footer
    ("# Swimmer's ear\n\n" + EAR_CARE + "\n> **A word from us:** " + UNUSUAL + "\n",
     "markdown"),  # a note in a blockquote
    ('---\ntitle: "Swimmer\'s ear"\nabout_us: "' + UNUSUAL + '"\n---\n\n' + EAR_CARE,
     "markdown"),  # a front-matter field
    ("---\ntitle: Ears\nauthor:\n  name: Sam\n  bio: Our page can inform you, but it can never diagnose your "
     "child.\n---\n\n" + EAR_CARE, "markdown"),  # a nested front-matter field (an author box)
    ("<article><h1>Swimmer's ear</h1>\n<p>" + EAR_CARE + "</p>\n<aside><p>Our page can inform you, but it "
     "can never diagnose your child.</p></aside></article>", "html"),
    ("<article><h1>Swimmer's ear</h1>\n<p>" + EAR_CARE + "</p>\n<footer><p>" + UNUSUAL
     + "</p></footer></article>", "html"),
    ("SWIMMER'S EAR\n\n" + EAR_CARE + "\nAbout the authors: " + UNUSUAL + "\n", "text"),
])
def test_unusual_disclaimers_are_found_wherever_they_sit(text: str, fmt: str) -> None:
    bare = {"markdown": "# Swimmer's ear\n\n" + EAR_CARE, "html": "<article><h1>Swimmer's ear</h1>\n<p>"
            + EAR_CARE + "</p></article>", "text": "SWIMMER'S EAR\n\n" + EAR_CARE}[fmt]
    assert codes(lint_snippet(bare, fmt, select=["EL401"])) == ["EL401"]  # the advice needs one
    assert codes(lint_snippet(text, fmt, select=["EL401"])) == []


def test_a_symptom_instruction_is_not_a_disclaimer_in_an_article() -> None:
    text = "# Swimmer's ear\n\n" + EAR_CARE + "\nAlways see your GP if the ear swells shut.\n"
    assert codes(lint_snippet(text, "markdown", select=["EL401"])) == ["EL401"]


# -- EL401 evidence is health advice only (issue 11 §6) ----------------------------------------------------
def _kinds_in(text: str, fmt: str = "markdown") -> list[tuple[str, str]]:
    from editlint.readers import read
    from editlint.source import Source

    ext = {"markdown": "md", "text": "txt", "html": "html"}[fmt]
    doc = read(Source(path="t." + ext, text=text, format=fmt))
    a = d._analyse(doc, {}, HEALTH, WORDS)
    return [(ev.kind, ev.sentence.text) for ev in a.evidence]


@pytest.mark.parametrize("text", [
    "Offer 150 ml of formula at each feed by four months.",  # a milk volume
    "Stir 2 teaspoons of sugar and 200 ml of water into the dough.",
    "Introduce new foods in small doses and watch how your toddler reacts.",  # a metaphor
    "Our chart lives at https://example.org/img/ibuprofen-dosage-10ml.png if you want to print it.",  # a link
    "- **Paracetamol:** the UK name for acetaminophen.",  # a glossary line
    "Cetirizine – an antihistamine sold for hay fever.",
])
def test_amounts_metaphors_links_and_definitions_are_not_medicine_evidence(text: str) -> None:
    assert [k for k, _ in _kinds_in(text + "\n")].count("medicine") == 0


@pytest.mark.parametrize("text", [
    "Give 2.5 ml of infant paracetamol every four to six hours.",
    "The usual dose of ibuprofen depends on your child's weight.",
    "Rub a pea-sized amount of hydrocortisone cream on the patch twice a day.",
])
def test_doses_and_medicines_in_advice_are_evidence(text: str) -> None:
    assert "medicine" in [k for k, _ in _kinds_in(text + "\n")]


def test_a_milk_volume_is_not_a_dose_for_el403() -> None:
    text = HEALTH_INTRO + ("Give a vitamin D supplement if your baby drinks less than 500 ml of formula a "
                           "day.\n")
    assert codes(lint_snippet(text, "markdown", select=["EL403"])) == []
    dose = HEALTH_INTRO + "Give 400 IU of vitamin D drops once a day.\n"
    assert codes(lint_snippet(dose, "markdown", select=["EL403"])) == ["EL403"]


# Written for these tests: a letter and a diary that mention health in the past tense and give no advice.
LETTER = """# For Rosa, one year on

Dear Rosa,

A year ago the midwife handed you to me and I forgot how to stand up. You were small and yellow, and on
the second day the paediatrician said you had jaundice. We sat by the light box for two nights.

In March you had your first fever. Your dad took your temperature every hour and I walked the hall. The
GP listened to your chest, said it was a virus, and we gave you paracetamol and a lot of cuddles.

You rolled over in May, you crawled backwards for a month, and last week you stood up holding the sofa.

Happy birthday, little one.
"""
DIARY = """Our summer of plaster

The day Tom broke his arm we were at the park. He fell off the climbing frame and screamed, and I knew
it was bad. We waited four hours at A&E. The nurse gave him ibuprofen, a doctor set the bone, and he came
home with a blue cast and a lolly. He slept badly for a week and I barely slept at all. By August the cast
was off and he was climbing again.
"""


@pytest.mark.parametrize("text,fmt", [(LETTER, "markdown"), (DIARY, "text")])
def test_a_story_or_letter_with_no_advice_is_not_medical_advice(text: str, fmt: str) -> None:
    assert codes(lint_snippet(text, fmt, select=["EL401", "EL404", "EL405"])) == []
    advice = text + "\nIf your child has a fever, give paracetamol and call your GP if it lasts two days.\n"
    assert "EL401" in codes(lint_snippet(advice, fmt, select=["EL401"]))


def test_a_health_article_in_the_first_person_plural_is_still_advice() -> None:
    text = ("# Croup\n\nWe see a lot of croup in winter. Croup causes a barking cough and a hoarse voice. "
            "Keep your child calm and upright. Call 999 if your child struggles to breathe or turns blue. "
            "Your GP may prescribe a steroid medicine.\n")
    assert codes(lint_snippet(text, "markdown", select=["EL401"])) == ["EL401"]


@pytest.mark.parametrize("text", [
    "Some days your toddler eats everything and some days almost nothing. Do not worry, this is perfectly "
    "normal.",
    "Many children want the same bedtime story every night for months. That is completely natural.",
])
def test_reassurance_about_ordinary_behaviour_in_a_health_article_is_left_alone(text: str) -> None:
    article = ("# Ear infections\n\nEar infections cause fever, ear pain and vomiting. Call your doctor if "
               "the fever lasts two days. Ask your pharmacist about ibuprofen.\n\n## Everyday life\n\n"
               + text + "\n")
    assert codes(lint_snippet(article, "markdown", select=["EL402"])) == []
    symptom = article.replace(text, "Ear pain at night is completely harmless.")
    assert codes(lint_snippet(symptom, "markdown", select=["EL402"])) == ["EL402"]


@pytest.mark.parametrize("text", [
    "Contrary to what grandparents say, no harm will come to a baby with a cold who naps outside.",
    "No damage will be done to your child's ears by swimming with grommets.",
])
def test_no_harm_will_come_is_absolute_reassurance(text: str) -> None:
    assert codes(lint_snippet(HEALTH_INTRO + text + "\n", "markdown", select=["EL402"])) == ["EL402"]
    hedged = text.replace("no harm will", "usually no harm will").replace("No damage", "Usually no damage")
    assert codes(lint_snippet(HEALTH_INTRO + hedged + "\n", "markdown", select=["EL402"])) == []


@pytest.mark.parametrize("text,severity", [
    ("Give your toddler 5 ml of ibuprofen syrup every six hours.", "error"),  # told to give it
    ("You can give 2.5 ml of infant paracetamol at bedtime.", "error"),
    ("Calpol helps: half a teaspoon every 4-6 hours.", "error"),  # shown how to give it
    ("Toddlers need 10 micrograms of vitamin D drops each day.", "warning"),  # what children need
    ("It's recommended that babies over six months have 7 mg of iron drops a day.", "warning"),
])
def test_el403_error_for_an_instruction_warning_for_a_stated_dose(text: str, severity: str) -> None:
    report = lint_snippet(HEALTH_INTRO + text + "\n", "markdown", select=["EL403"])
    assert [(f.rule, f.severity.value) for f in report.findings] == [("EL403", severity)]
    assert report.findings[0].data["recommendation"] is (severity == "warning")


# -- fixes from an audit on real articles (own sentences, other topics) -----------------------------------
@pytest.mark.parametrize("text", [
    # a spoon named as a utensil under a rule is not an amount
    "## Cough syrup\n\nNever measure cough syrup with a tablespoon from the drawer; use the cup in the box."
    "\n",
    "## Allergy medicine\n\nDo not use a kitchen utensil, like a teaspoon, to measure antihistamine.\n",
    # a clinician in the dose sentence counts, whatever the verb's form, even in a broken sentence
    "## Ear drops\n\nIf the ache lasts, think about calling your pharmacist about give the drops twice a day."
    "\n",
    "## Eczema\n\nWe suggest checking with the GP before you use hydrocortisone cream twice a day.\n",
])
def test_utensils_and_clinicians_named_in_the_sentence(text: str) -> None:
    assert codes(lint_snippet(text, "markdown", select=["EL403"])) == []


@pytest.mark.parametrize("text", [
    "## Cough syrup\n\nGive a teaspoon of cough syrup twice a day.\n",
    "## Cough syrup\n\nGive one teaspoon of the syrup at bedtime.\n",
])
def test_a_spoonful_of_a_medicine_is_still_a_dose(text: str) -> None:
    assert codes(lint_snippet(text, "markdown", select=["EL403"])) == ["EL403"]


SKIN = """# Chickenpox spots

Chickenpox brings an itchy rash and spots that blister. Your child may have a fever and feel irritable, and
the rash spreads over a few days. Scratching can lead to an infection of the skin, so keep nails short.
"""


@pytest.mark.parametrize("care", [
    "If the spots look infected, consider calling your pediatrician.",
    "When the itching is bad, think about consulting with a doctor.",
    "If she seems very unwell, we recommend talking to the GP.",
    "Save the poison control center number (1-800-000-0000) in every phone in the house.",
])
def test_a_conditional_referral_in_any_verb_form_counts(care: str) -> None:
    assert codes(lint_snippet(SKIN, "markdown", select=["EL404"])) == ["EL404"]
    assert codes(lint_snippet(SKIN + "\n" + care + "\n", "markdown", select=["EL404"])) == []


@pytest.mark.parametrize(("sentence", "symptom"), [
    ("Check the bath water temperature with your wrist.", False),
    ("Keep the nursery at a room temperature of about 18 degrees.", False),
    ("A thick duvet can raise their body temperature at night.", False),
    ("Warm the milk to body temperature before a feed.", False),
    ("If your toddler has a high temperature, offer drinks often.", True),
    ("Her temperature was 39 degrees this morning.", True),
    ("Take your child's temperature with a digital thermometer.", True),
])
def test_temperature_is_a_symptom_only_when_it_is_the_childs(sentence: str, symptom: bool) -> None:
    kind = Registry.default().data("health-lexicon").lexicon.kinds["symptom"]
    words = d._words(sentence)
    hits = [key for _i, key, pat in kind.candidates(words) if pat.search(sentence)]
    assert any("temperature" in k for k in hits) is symptom, hits


@pytest.mark.parametrize("fmt,text", [
    ("markdown", MEDICAL),
    ("html", "<article><h1>Ear infections</h1><p>Ear infections often follow a cold.</p></article>\n"),
    ("text", "Ear infections\n\nEar infections often follow a cold. Ask your pharmacist.\n"),
])
@pytest.mark.parametrize("position", ["anywhere", "top", "bottom", "first-words"])
def test_the_inserted_disclaimer_is_found_as_the_whole_search_finds_it(fmt: str, text: str,
                                                                       position: str) -> None:
    """_fix_works looks at the inserted block first: the disclaimers it finds there are the whole search's."""
    from editlint.readers import read
    from editlint.source import Source

    doc = read(Source(path=None, text=text, format=fmt))
    edit = d.insertion_edit(doc, d.DEFAULT_TEXT, position)
    assert edit is not None
    fixed = read(Source(path=None, text=doc.source.text[:edit.start] + edit.text + doc.source.text[edit.end:],
                        format=fmt))
    settings = {"text": d.DEFAULT_TEXT, "position": position}
    inserted = d._inserted(fixed, edit, settings, WORDS, read)
    everywhere, _ = d._disclaimers(fixed, d._sentences(fixed), settings, WORDS, read)
    assert inserted and all(f in everywhere for f in inserted)
    assert d._fix_works(doc, edit, settings, position, 100, WORDS, read)


def _evidence_ungated(text: str, line: str) -> tuple[tuple[str, str, bool], ...]:
    """The evidence search with every candidate matcher tried (no literal gate): the oracle. A term is a
    hazard when every place it is named is framed as one (the first unframed place is the evidence)."""
    lex, v = HEALTH.lexicon, HEALTH.voice
    definition = any(p.search(text) or p.search(line) for p in v.definitions)
    out: list[tuple[str, str, bool]] = []
    for kind in lex.kinds.values():
        if definition and kind.name in v.definition_kinds:
            continue
        taken: list[tuple[int, int]] = []
        for i, key, pat in kind.candidates(d._words(text)):
            places = [m for m in pat.finditer(text)
                      if not any(a < m.end() and m.start() < b for a, b in taken)
                      and (i not in kind.contextual or d._dose_context(text, m, lex))]
            framed = [kind.name in lex.concern_kinds and d._hazard(text, m, lex) for m in places]
            if places:
                j = framed.index(False) if False in framed else 0
                taken.append(places[j].span())
                out.append((kind.name, key, framed[j]))
    return tuple(out)


@pytest.mark.parametrize("name", ["fever-in-babies.txt", "teething-relief.md", "first-finger-foods.txt"])
def test_gated_evidence_is_the_ungated_search(name: str) -> None:
    text = (Path(__file__).resolve().parent.parent / "samples" / name).read_text(encoding="utf-8")
    lines = [ln for ln in text.splitlines() if ln.strip()] + [MEDICAL, "Give 5 ml of ıbuprofen."]
    for line in lines:
        assert d._evidence_keys(line, line, HEALTH.lexicon, HEALTH.voice) == _evidence_ungated(line, line)


def test_advice_before_the_dose_counts_within_the_window_too() -> None:
    before = ("## Ask first\n\nAsk your pharmacist which cough syrup suits a toddler.\n\nHoney soothes.\n\n"
              "## Dosing\n\nGive 5 ml of the syrup at bedtime.\n")
    too_far = ("## Ask first\n\nAsk your pharmacist which cough syrup suits a toddler.\n\nHoney soothes.\n\n"
               "Fresh air helps.\n\nSteam helps.\n\n## Dosing\n\nGive 5 ml of the syrup at bedtime.\n")
    assert codes(lint_snippet(before, "markdown", select=["EL403"])) == []
    assert codes(lint_snippet(too_far, "markdown", select=["EL403"])) == ["EL403"]
