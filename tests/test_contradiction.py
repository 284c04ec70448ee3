"""Contradiction rules EL301 and EL304 over typed claims: cycles (direct, transitive, lists), the
reference order and windows, the seed article, the samples, the team's EL3 corpus in tests/articles/ and
the [contradiction] configuration. EL302/EL303/EL305 are tested in test_claims_facts.py.

Sentences are on several topics and concepts most ontology entries do not know; tests assert codes,
lines and the typed claims a finding carries (``data``), not message wording."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT, codes, lint_snippet
from helpers import sample_findings

from editlint import Linter, Registry
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


def el301(text: str, fmt: str = "markdown") -> list[Any]:
    return [f for f in lint(text, fmt).findings if f.rule == "EL301"]


# -- EL301 -------------------------------------------------------------------------------------------------
def test_el301_direct_contradiction_has_both_sides_and_the_typed_claims() -> None:
    (f,) = el301("# Dressing\n\nMost toddlers pull off their socks before they pull on their trousers.\n\n"
                 "## Later\n\nPulling on trousers usually comes before pulling off socks.\n")
    assert f.severity.value == "error"
    assert f.line == 7 and [r.line for r in f.related] == [3]
    claim = f.data["claim"]
    assert (claim["earlier"]["key"], claim["later"]["key"]) == ("pull(on,trouser)", "pull(off,sock)")
    assert [(o["earlier"]["key"], o["later"]["key"]) for o in f.data["others"]] == [
        ("pull(off,sock)", "pull(on,trouser)")]


@pytest.mark.parametrize("first, second", [
    ("Toddlers zip up a coat before they do up buttons.",                       # dressing, open vocabulary
     "Doing up buttons is usually a stepping stone toward zipping up a coat."),
    ("Most children stay dry in the daytime well before they stay dry at night.",  # toilet: adjective / noun
     "Nighttime dryness usually comes before daytime dryness."),
    ("Toddlers become steady on their feet before they get confident on stairs.",  # copular verbs
     "Being confident on stairs usually comes before being steady on their feet."),
    ("Babies drop the morning nap before the afternoon nap.",                   # sleep: ellipsis, passive
     "The afternoon nap is usually dropped first, then the morning nap goes."),
    ("Children brush their teeth before they floss.",                           # teeth
     "Most children do not brush their teeth until they can floss."),
    ("Most babies babble before they say their first word.",                    # language (known)
     "By the time they babble, nearly all babies have already said their first word."),
    ("Drinking from a sippy cup paves the way for drinking from an open cup.",   # feeding
     "After drinking from an open cup, most toddlers move on to drinking from a sippy cup."),
])
def test_el301_opposite_orders_on_many_topics(first: str, second: str) -> None:
    (f,) = el301(f"# Notes\n\n{first}\n\nEvery child is different.\n\n{second}\n")
    assert lines_of(f) == {3, 7}


@pytest.mark.parametrize("first, second, flagged", [
    ("The bottom teeth usually come through first.", "The top teeth come in before the bottom teeth.", True),
    ("The bottom teeth usually come through first.", "The top teeth usually come through first.", True),
    ("The bottom teeth usually come through first.", "The top teeth may come in before the bottom teeth.",
     False),                                                                   # an exception
    ("Sitting usually comes first.", "Babies roll over before they sit.", False),  # not alternatives
    ("Most children first ride a tricycle.",                                   # alternatives, open vocabulary
     "Riding a bike comes before riding a tricycle, so don't worry if it takes time.", True),
])
def test_el301_x_comes_first_against_an_alternative(first: str, second: str, flagged: bool) -> None:
    assert bool(el301(f"{first}\n\n{second}\n")) is flagged


def test_el301_through_transitivity() -> None:
    text = ("# Drawing\n\nToddlers scribble before they draw a line.\n\n"
            "Drawing a line comes before drawing a circle.\n\n"
            "Most children draw a circle before they scribble.\n")
    (f,) = el301(text)
    assert lines_of(f) == {3, 5, 7}


def test_el301_a_stages_list_against_a_sentence() -> None:
    text = ("## Stages of getting dressed\n\n1. Pulling off socks\n2. Pulling on trousers\n"
            "3. Doing up buttons\n\n## Dressing tips\n\n"
            "Most toddlers do up buttons before they pull on their trousers.\n")
    (f,) = el301(text)
    assert 9 in lines_of(f) and lines_of(f) & {4, 5}


@pytest.mark.parametrize("text", [
    # the same order stated two ways
    "Toddlers scribble before they draw.\n\nDrawing usually follows scribbling.\n",
    # an exception is not a contradiction
    "Most children brush their teeth before they floss.\n\nSome children floss before they brush.\n",
    # a question, a labelled myth, reported belief, a quotation, a condition
    "Children brush their teeth before they floss.\n\nCan a child floss before they brush?\n",
    "Children brush their teeth before they floss.\n\n**Myth:** children floss before they brush.\n",
    "Children brush their teeth before they floss.\n\nMany parents think children floss before they brush.\n",
    "Children brush their teeth before they floss.\n\n> My daughter flossed before she brushed.\n",
    "Children brush their teeth before they floss.\n\nIf your child flosses before they brush, it's fine.\n",
    # a negated opposite order is the same order
    "Children brush their teeth before they floss.\n\nChildren do not floss before they brush their teeth.\n",
    # two different things ("crawling backward" and "crawling forward" are siblings, not one concept)
    "Babies crawl backward before they crawl forward.\n\nBabies crawl forward before they walk.\n",
    # one list and its own items
    "## Stages\n\n1. Rolling over\n2. Sitting up\n3. Crawling\n",
])
def test_el301_tricky_passing(text: str) -> None:
    assert el301(text) == []


def test_el301_one_finding_for_the_odd_one_out() -> None:
    text = ("Children brush before they floss.\n\nBrushing comes before flossing.\n\n"
            "Flossing usually comes before brushing.\n")
    (f,) = el301(text)
    assert f.line == 5 and lines_of(f) == {1, 3, 5}


# -- EL304: the reference order and age windows -------------------------------------------------------------
@pytest.mark.parametrize("text, key", [
    ("After they have mastered forward crawling, babies go on to backward crawling.", "ref-order"),
    ("Most babies walk before they sit.", "ref-order"),
    ("The upper front teeth come first, and the lower front teeth follow.", "ref-order"),
    ("Most babies say their first word before they babble.", "ref-order"),
])
def test_el304_order_against_the_reference(text: str, key: str) -> None:
    (f,) = [f for f in lint(text).findings if f.rule == "EL304"]
    assert f.severity.value == "warning" and f.data["sources"] and f.data["claim"]["kind"] == "order"


@pytest.mark.parametrize("text", [
    "Many babies push themselves backward at first. Forward crawling usually follows within a few weeks.",
    "Some babies walk before they crawl.",
    "Most babies crawl between 7 and 10 months, and walk around 12 months.",
    "Myth: babies walk before they sit.",
    "Toddlers zip up a coat before they do up buttons.",
])
def test_el304_passing(text: str) -> None:
    assert "EL304" not in codes(lint(text))


def test_contradiction_config_adds_an_ontology_file(tmp_path: Path) -> None:
    extra = tmp_path / "house.toml"
    extra.write_text('[sources]\nhouse = "Our editors"\n\n[[concept]]\nid = "floss"\nlabel = "flossing"\n'
                     'synonyms = ["floss"]\n\n[[concept]]\nid = "brush"\nlabel = "brushing"\n'
                     'synonyms = ["brush teeth", "brush"]\n\n[[relation]]\nbefore = "brush"\n'
                     'after = "floss"\nsource = "house"\n', encoding="utf-8")
    text = "Children floss before they brush their teeth."
    assert "EL304" not in codes(lint(text))
    report = Linter({"select": ["EL3"], "contradiction": {"extra-ontology": [str(extra)]}}).lint_text(
        text, path="a.md")
    (f,) = [f for f in report.findings if f.rule == "EL304"]
    assert f.data["sources"] == ["Our editors"]


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
    lines = seed_path.read_text(encoding="utf-8").splitlines()
    assert any(f.line in (61, 65) and lines[f.line - 1][f.column - 1:].lower().startswith("new-born")
               for f in el302)


CLEAN = ["safe-infant-sleep.md", "starting-solid-foods.html", "fever-in-babies.txt", "paper-plate-lions.md",
         "day-out-packing-list.txt", "moving-in-the-first-year.md"]


@pytest.mark.parametrize("name", CLEAN)
def test_clean_samples_have_no_el3(name: str) -> None:
    assert [f.rule for f in sample_findings(name, "EL3")] == []


def test_flawed_samples() -> None:
    crawl = sample_findings("baby-crawling-stages.html", "EL3")
    assert any(f.rule == "EL301" and lines_of(f) & {34, 35} and 28 in lines_of(f) for f in crawl)


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




# -- EL304 and EL302 on age words: cross-rule policy in rule data ([rule.overlaps] same-key) -------------

AGE_WORD_TOO_YOUNG = ["Many newborns say their first words to their grandparents.",  # language
                      "Newborns love to eat finger foods at the family table.",  # feeding
                      "Newborns stand alone for a few seconds before they topple."]  # motor


@pytest.mark.parametrize("sentence", AGE_WORD_TOO_YOUNG)
def test_an_age_word_below_a_window_is_one_finding(sentence: str) -> None:
    """EL304 alone reports an age word too young for the milestone; with EL302 on, the engine keeps only
    EL302's finding of the same thing (the pack's overlap policy; the check asks no other rule)."""
    text = f"# Notes\n\n{sentence}\n"
    (alone,) = lint(text, select=["EL304"]).findings
    assert (alone.rule, alone.line, alone.column) == ("EL304", 3, 1)
    assert alone.data["claim"]["unit"].startswith("age-word:") and alone.data["window"][0] > 3
    assert [f.rule for f in lint(text, select=["EL302", "EL304"]).findings] == ["EL302"]


@pytest.mark.parametrize("sentence", ["Toddlers roll over in their sleep all the time.",
                                      "Toddlers sit in the bath and splash."])
def test_an_age_word_past_a_window_is_no_finding(sentence: str) -> None:
    """A child keeps a skill after its window: only an age word too young for it goes against it."""
    assert lint(f"# Notes\n\n{sentence}\n", select=["EL304"]).findings == []


def test_a_stated_age_keeps_both_findings() -> None:
    """Other keys: an age that disagrees with the article (EL302) and with the window (EL304) is both."""
    text = ("# Words\n\nMost children say their first words at 12 months.\n\n"
            "Most children say their first words at 3 months.\n")
    found = lint(text, select=["EL302", "EL304"]).findings
    assert sorted((f.rule, f.line) for f in found) == [("EL302", 5), ("EL304", 5)]
    rule = Registry.default().rules["EL304"]
    assert rule.suppressed_by == ("EL302",) and rule.suppressed_by_same_key
