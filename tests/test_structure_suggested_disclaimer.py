"""The disclaimer editlint suggests and inserts with --fix passes every rule: alone, inside articles on
several topics, in every format, and after --fix put it there itself (issue 11 §6)."""

from __future__ import annotations

import pytest

from editlint import Linter
from editlint.checks.disclaimer import DEFAULT_TEXT
from editlint.fixes import apply_edits

EVERYTHING = {"select": ["ALL"], "extend-select": ["EL205"]}

ARTICLES = {
    "colds.md": ("# Colds in toddlers\n\nMost colds last about a week. Offer plenty of drinks and let your "
                 "child rest. Saline drops can help a blocked nose before meals. Call your doctor if a fever "
                 "lasts more than three days or your child struggles to breathe.\n"),
    "sunscreen.html": ("<h1>Sun safety for babies</h1><p>Keep babies under six months out of direct sun. "
                       "Dress your baby in a hat and light clothes. Use shade from trees or a parasol. Ask "
                       "your pharmacist which sunscreen suits older babies.</p>\n"),
    "teeth.txt": ("Brushing first teeth\n\nStart brushing as soon as the first tooth shows. Use a smear of "
                  "fluoride toothpaste on a soft brush. Brush twice a day, last thing at night and one other "
                  "time. Book a dental check-up by your child's first birthday.\n"),
}


def _lines_of(text: str, needle: str) -> set[int]:
    first = text[: text.index(needle)].count("\n") + 1
    return set(range(first, first + needle.count("\n") + 1))


def test_the_default_disclaimer_alone_gives_nothing() -> None:
    for ext in ("md", "html", "txt"):
        body = f"<p>{DEFAULT_TEXT}</p>\n" if ext == "html" else DEFAULT_TEXT + "\n"
        report = Linter(EVERYTHING).lint_text(body, path=f"disclaimer.{ext}")
        assert report.error is None and report.findings == [], ext


@pytest.mark.parametrize("name", sorted(ARTICLES))
def test_the_default_disclaimer_inside_an_article_gives_nothing_on_its_lines(name: str) -> None:
    article = ARTICLES[name]
    block = f"<p>{DEFAULT_TEXT}</p>\n" if name.endswith(".html") else f"\n{DEFAULT_TEXT}\n"
    text = article + block
    report = Linter(EVERYTHING).lint_text(text, path=name)
    assert report.error is None
    own = _lines_of(text, DEFAULT_TEXT)
    assert [(f.rule, f.line) for f in report.findings if f.line in own] == []
    assert "EL401" not in {f.rule for f in report.findings}


@pytest.mark.parametrize("name", sorted(ARTICLES))
def test_the_disclaimer_fix_inserts_passes_every_rule(name: str) -> None:
    article = ARTICLES[name]
    linter = Linter(EVERYTHING)
    before = linter.lint_text(article, path=name)
    edits = [e for f in before.findings if f.rule == "EL401" for e in f.fixes]
    if not edits:
        pytest.skip("EL401 does not fire on this article (no advice found)")
    fixed = apply_edits(article, edits)
    after = linter.lint_text(fixed, path=name)
    inserted = fixed.count("\n") + 1 - article.count("\n") - 1
    assert inserted >= 1
    new_lines = {i + 1 for i, (a, b) in enumerate(zip(fixed.splitlines(), article.splitlines() + [""] * 9,
                                                       strict=False)) if a != b}
    assert [(f.rule, f.line) for f in after.findings if f.line in new_lines] == []
    assert "EL401" not in {f.rule for f in after.findings}


def test_a_publishers_own_disclaimer_text_is_not_judged_by_sentence_rules() -> None:
    text = ("Every recommendation published throughout this particular website undergoes systematic "
            "evaluation by independent paediatric nursing professionals annually.")
    config = {"select": ["EL202", "EL203"], "disclaimer": {"text": text}}
    article = f"# Nappy rash\n\nChange nappies often and let the skin air dry.\n\n{text}\n"
    assert Linter(config).lint_text(article, path="rash.md").findings == []
    # the same sentence, when it is not the configured disclaimer, is judged like any other
    other = Linter({"select": ["EL203"]}).lint_text(article, path="rash.md")
    assert [f.rule for f in other.findings] == ["EL203"]


@pytest.mark.parametrize("wording", [
    "This publication is provided for informational purposes only and should never replace individualized "
    "consultation with appropriately qualified healthcare practitioners.",
    "This publication is not a substitute for professional medical advice, diagnosis or treatment from "
    "a qualified healthcare practitioner.",
])
def test_any_disclaimer_is_not_judged_by_sentence_rules(wording: str) -> None:
    article = f"# Teething\n\nOffer a cool teething ring. Rub the gums with a clean finger.\n\n{wording}\n"
    report = Linter({"select": ["EL202", "EL203"]}).lint_text(article, path="teeth.md")
    assert report.findings == []
    # the same words outside a disclaimer are judged: the exemption is for what the sentence does
    plain = wording.replace("is not a substitute for", "goes well with").replace(
        "for informational purposes only and should never replace", "to support and should always accompany")
    judged = Linter({"select": ["EL203"]}).lint_text(article.replace(wording, plain), path="teeth.md")
    assert [f.rule for f in judged.findings] == ["EL203"]
