"""Claim extraction (EL3xx): every claim form, read through --explain-claims, and the knowledge packs."""

from __future__ import annotations

from typing import Any

import pytest

from editlint import Linter
from editlint.checks.claims.extract_legacy import parse_ages
from editlint.checks.claims.knowledge import Knowledge, inflections, knowledge, load_pack, token_specs
from editlint.errors import ConfigError

_LINTER = Linter({"select": ["EL3"]}, overrides={"flags": frozenset({"explain-claims"})})


def claims(text: str, fmt: str = "md") -> list[dict[str, Any]]:
    report = _LINTER.lint_text(text, path=f"snippet.{fmt}")
    assert report.error is None, report.error
    return report.metrics.get("claims", [])


def usable(text: str, kind: str = "order", fmt: str = "md") -> list[str]:
    """Summaries of the claims that can be one side of a contradiction (not hedged as exceptions)."""
    return [c["summary"] for c in claims(text, fmt) if c["kind"] == kind and c["hedge"] != "minority"
            and not c["conditional"]]


SIT_CRAWL = "sitting first, then crawling"
CRAWL_WALK = "crawling first, then walking alone"


# -- ordering claims, one test per form ---------------------------------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("Babies sit before they crawl.", SIT_CRAWL),                                     # X before Y
    ("Crawling comes before walking.", CRAWL_WALK),                                   # X comes before Y
    ("After crawling, babies move on to walking.", CRAWL_WALK),                       # after X, Y
    ("After they sit, babies start crawling.", SIT_CRAWL),
    ("Most babies roll over, then sit up.", "rolling over first, then sitting"),     # X, then Y
    ("Walking follows crawling.", CRAWL_WALK),                                        # Y follows X
    ("Crawling is usually followed by walking.", CRAWL_WALK),                         # X is followed by Y
    ("Sitting is preceded by rolling.", "rolling over first, then sitting"),         # Y is preceded by X
    ("Once they can sit, they start crawling.", SIT_CRAWL),                           # once they can X, Y
    ("Backward crawling is a stepping stone toward forward crawling.",
     "backward crawling first, then forward crawling"),          # stepping stone
    ("Babies go from rolling to sitting to crawling.", SIT_CRAWL),                    # from X to Y to Z
    ("By the time they walk, most babies have crawled for months.", CRAWL_WALK),      # by the time they Y
    ("Before they walk, most babies cruise along the furniture.",
     "cruising along furniture first, then walking alone"),                         # before they Y, X
    ("The usual sequence is rolling, sitting, crawling and walking.", SIT_CRAWL),     # a list with a cue
    ("Babies that crawl backward usually go on to forward crawling.",
     "backward crawling first, then forward crawling"),          # go on to
    ("Babies don't walk until they can stand.", "standing first, then walking alone"),  # not Y until X
    ("Most babies learn to sit and crawl, in that order.", SIT_CRAWL),                # in that order
    ("Cruising is the next step after pulling up.", "pulling to stand first, then cruising along furniture"),
    ("Standing builds on sitting.", "sitting first, then standing"),                  # Y builds on X
    ("Rolling gives way to sitting.", "rolling over first, then sitting"),
])
def test_ordering_forms(text: str, expected: str) -> None:
    assert expected in usable(text)


def test_first_next_finally_across_sentences() -> None:
    got = usable("First, babies roll over. Next, they sit up. Finally, they crawl.")
    assert got == ["rolling over first, then sitting", SIT_CRAWL]


def test_next_comes_links_to_the_main_clause_not_the_before_clause() -> None:
    got = usable("Babies usually pull up to stand before they walk. Next comes cruising.")
    assert "pulling to stand first, then cruising along furniture" in got
    assert "walking alone first, then cruising along furniture" not in got


def test_numbered_list_under_stages_heading_markdown() -> None:
    text = "## Stages of crawling\n\n1. Rolling over\n2. Sitting up\n3. Crawling on hands and knees\n"
    got = [c for c in claims(text) if c["kind"] == "order"]
    assert [c["summary"] for c in got] == ["rolling over first, then sitting",
                                          "sitting first, then forward crawling"]
    assert got[0]["form"].startswith("numbered list under 'Stages of crawling'")
    assert got[0]["line"] == 3


def test_numbered_list_in_html_and_numbered_headings_in_text() -> None:
    html = "<h2>Timeline</h2>\n<ol>\n<li>Sitting up</li>\n<li>Crawling</li>\n</ol>\n"
    assert usable(html, fmt="html") == [SIT_CRAWL]
    text = ("Title\n\nMotor milestones in order\n\n1. Sitting\n\nBabies sit.\n\n2. Crawling\n\n"
            "Babies crawl.\n")
    assert SIT_CRAWL in usable(text, fmt="txt")


def test_numbered_list_without_stage_heading_is_not_an_order() -> None:
    text = ("## Ways to help\n\n1. Let your baby sit on the floor\n"
            "2. Put toys out of reach to encourage crawling\n")
    assert usable(text) == []


def test_alternatives_are_not_a_sequence() -> None:
    assert usable("Babies then crawl forward or backward, whichever feels easier.") == []


# -- context: none of these are usable claims ---------------------------------------------------------
@pytest.mark.parametrize("text", [
    "Do babies crawl before they walk?",                                            # a question
    "## Do babies crawl before they walk\n\nEvery baby is different.",              # a heading
    "Myth: Babies must crawl before they can walk.",                                # labelled myth
    "**Myth:** Babies must crawl before they walk.\n**Fact:** Many skip crawling.",
    "It is a myth that babies walk before they crawl.",
    "Contrary to popular belief, walking does not have to come after crawling.",
    "Many parents think babies must crawl before they walk, but that is not true.",
    "Babies do not need to crawl before they walk.",                                # negation
    "Crawling does not come before sitting.",
    "If your baby walks before crawling, that is fine.",                            # conditional
    "Some babies walk before they crawl.",                                          # exception
    "A few babies walk before they crawl.",
    "Babies may walk before they crawl.",
    "Babies sometimes walk before they crawl.",
    "Some babies skip crawling and go straight to walking.",
    "Babies who walk before they crawl are not behind.",                            # described, not claimed
    "Walking before crawling is less common.",
    "In the rare cases where babies walk before crawling, there is no cause for concern.",
    "Whether your baby crawls before walking or walks first, both are normal.",     # whether
    "Parents often ask whether crawling comes before walking.",
])
def test_context_blocks_order_claims(text: str) -> None:
    assert usable(text) == []


def test_hedge_is_read_in_the_claims_own_clause() -> None:
    got = claims("Most babies crawl before they walk, but some walk first.")
    (c,) = [c for c in got if c["kind"] == "order"]
    assert c["hedge"] == "majority"


def test_majority_hedge_keeps_the_claim() -> None:
    got = [c for c in claims("Most babies crawl for a few months before they take their first steps.")
           if c["kind"] == "order"]
    assert got and got[0]["hedge"] == "majority" and got[0]["summary"] == CRAWL_WALK


# -- ages ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("Babies crawl at 7–10 months.", "crawling at 7–10 months"),
    ("Most babies crawl between seven and ten months.", "crawling at 7–10 months"),
    ("Babies usually start to crawl around 9 months.", "crawling at 7.2–10.8 months"),
    ("Most babies walk by their first birthday.", "walking alone by 12 months"),
    ("At 6 months, most babies sit without support.", "sitting without support at 5.4–6.6 months"),
    ("By 9 months most babies crawl, and by 12 months they walk.", "walking alone by 12 months"),
    ("Crawling typically begins between 6 and 10 months, and walking around 12 months.",
     "crawling at 6–10 months"),
])
def test_age_forms(text: str, expected: str) -> None:
    assert expected in usable(text, "age")


def test_age_parsing_units_and_durations() -> None:
    (a,) = parse_ages("by age 2")
    assert a.months == (24.0, 24.0) and a.relation == "by"
    (w,) = parse_ages("at 6 weeks")
    assert 1.0 < w.months[0] < 1.5
    assert parse_ages("a baby born two months early") == []
    assert parse_ages("in the first few weeks of finger foods") == []
    (e,) = parse_ages("in the first weeks of life")
    assert e.months == (0.0, 1.5)
    (x,) = parse_ages("as early as 9 months")
    assert x.extreme


def test_red_flag_ages_are_conditional_not_claims() -> None:
    assert usable("Talk with your doctor if your baby cannot sit without support by 9 months.", "age") == []


def test_age_words() -> None:
    got = [c["summary"] for c in claims("Newborns can crawl.") if c["kind"] == "age-word"]
    assert got == ["newborns doing crawling"]
    assert [c for c in claims("New-borns go on to rear crawling.") if c["kind"] == "age-word"]
    for text in ("Newborns cannot sit or crawl.", "Newborns can lift their heads briefly.",
                 "Newborns have a stepping reflex that looks like walking.",
                 "Different newborns reach milestones at different times; most babies crawl by 10 months."):
        assert [c for c in claims(text) if c["kind"] == "age-word"] == [], text


# -- advice and verdicts ------------------------------------------------------------------------------
@pytest.mark.parametrize("text, summary, absolute", [
    ("Encourage backward crawling.", "do: backward crawling", False),
    ("You should correct backward crawling.", "don't: backward crawling", False),
    ("There is no need to correct backward crawling.", "do: backward crawling", False),
    ("Never wake a sleeping baby.", "don't: wake baby", True),
    ("Always wake your baby to feed every three hours.", "do: wake baby (feed, hour)", True),
    ("Do not give honey to babies under 12 months.", "don't: give honey", False),
])
def test_advice_forms(text: str, summary: str, absolute: bool) -> None:
    got = [c for c in claims(text) if c["kind"] == "advice"]
    assert got and got[0]["summary"] == summary and got[0]["absolute"] is absolute


def test_advice_conditions_and_hedges() -> None:
    (c,) = [c for c in claims("Once your baby is gaining well, you usually do not need to wake them for "
                              "night feeds.") if c["kind"] == "advice"]
    assert c["conditional"] and c["hedge"] == "majority" and c["summary"].startswith("don't: wake baby")


@pytest.mark.parametrize("text, good", [
    ("Backward crawling is normal.", True),
    ("Backward crawling is nothing to worry about.", True),
    ("Crawling backward is a perfectly normal variation.", True),
    ("Backward crawling is a warning sign.", False),
    ("Backward crawling is not normal.", False),
    ("It is normal for babies to crawl backward.", True),
    ("It is not normal for babies to crawl backward.", False),
])
def test_verdicts(text: str, good: bool) -> None:
    (c,) = [c for c in claims(text) if c["kind"] == "verdict"]
    assert c["summary"].endswith("is fine" if good else "is a concern")


def test_qualified_subject_is_not_a_verdict_on_the_behaviour() -> None:
    got = claims("Crawling with one leg dragging is a warning sign.")
    assert [c for c in got if c["kind"] == "verdict"] == []


def test_food_ages() -> None:
    assert "no honey before 12 months" in usable("Avoid giving honey before 12 months.", "age")
    assert "honey from 6 months" in usable("Honey is safe from 6 months.", "age")


def test_explain_metric_has_positions() -> None:
    (c,) = [c for c in claims("# Title\n\nBabies sit before they crawl.\n") if c["kind"] == "order"]
    assert c["line"] == 3 and c["column"] == 8 and c["text"] == "sit before they crawl"
    assert c["sentence"] == "Babies sit before they crawl."
    assert _LINTER.lint_text("Babies sit before they crawl.", path="x.md").metrics.get("claims") is not None


def test_no_metric_without_flag() -> None:
    report = Linter({"select": ["EL3"]}).lint_text("Babies sit before they crawl.", path="x.md")
    assert "claims" not in report.metrics


# -- knowledge packs ----------------------------------------------------------------------------------
def test_packs_load_and_order_is_partial() -> None:
    kb = knowledge()
    assert {"crawl-backward", "crawl-forward", "walk-alone", "honey", "lower-incisors", "first-word"} <= set(
        kb.milestones)
    assert kb.closure[("crawl", "walk-alone")][0] == "usual"  # crawling is optional
    assert kb.closure[("sit", "walk-alone")][0] == "required"
    assert ("crawl-forward", "crawl-backward") not in kb.closure
    assert kb.age_words["newborn"].months[1] <= 3


def test_inflections_and_patterns() -> None:
    assert {"crawling", "crawled", "crawls"} <= inflections("crawl")
    assert {"sitting", "scooting"} <= inflections("sit") | inflections("scoot")
    spec = token_specs("sit|sat on * own")
    assert {"sat", "sitting"} <= set(spec[0]["LOWER"]["IN"])
    assert spec[4] == {"IS_PUNCT": False, "OP": "?"}  # the optional word; hyphens may sit between words
    assert spec[1]["OP"] == "?" and "-" in spec[1]["ORTH"]["IN"]


HEAD = '[pack]\nname = "x"\n[sources]\na = "A"\n\n'


def _bad_pack(tmp_path: Any, monkeypatch: Any, body: str) -> str:
    rules = tmp_path / "rules"
    (rules / "data").mkdir(parents=True, exist_ok=True)
    (rules / "data" / "bad.toml").write_text(body, encoding="utf-8")
    import editlint.checks.claims.knowledge as k
    from editlint import rules as r
    monkeypatch.setattr(k, "rules_dir", lambda: rules)
    monkeypatch.setattr(r, "rules_dir", lambda: rules)
    r.load_data.cache_clear()
    with pytest.raises(ConfigError) as err:
        load_pack("data/bad.toml", Knowledge())
    r.load_data.cache_clear()
    return str(err.value)


def test_bad_pack_names_file_line_and_key(tmp_path: Any, monkeypatch: Any) -> None:
    msg = _bad_pack(tmp_path, monkeypatch, HEAD + '[[milestone]]\nid = "sit"\n'
                    'phrases = ["sit"]\nwindow = [9, 3]\nwindow-source = "a"\n')
    assert "bad.toml" in msg and "line 9" in msg and "window" in msg
    msg = _bad_pack(tmp_path, monkeypatch, HEAD + '[[milestone]]\nid = "sit"\n'
                    'phrases = ["sit"]\n\n[[order]]\nbefore = "sit"\nafter = "fly"\nstrength = "usual"\n'
                    'source = "a"\n')
    assert "after" in msg and "fly" in msg
    msg = _bad_pack(tmp_path, monkeypatch, HEAD + '[[milestone]]\nid = "sit"\n'
                    'phrases = ["sit"]\n[[milestone]]\nid = "walk"\nphrases = ["walk"]\n[[order]]\n'
                    'before = "sit"\nafter = "walk"\nstrength = "often"\nsource = "a"\n')
    assert "strength" in msg


def test_steps_of_advice_are_not_stages() -> None:
    text = ("## Steps to help your baby crawl\n\n1. Give your baby tummy time every day\n"
            "2. Put a toy just out of reach to encourage crawling\n3. Let your baby sit and reach for toys\n")
    assert usable(text) == []


@pytest.mark.parametrize("text", [
    "Your newborn will learn to sit, crawl and walk over the next year.",  # the future
    "Many newborns crawl toward the breast after birth.",                  # the breast crawl
    "From the newborn stage to walking, babies change fast.",              # a modifier
])
def test_age_word_not_now(text: str) -> None:
    assert [c for c in claims(text) if c["kind"] == "age-word"] == []
    assert usable(text) == []


def test_numbered_markdown_headings_under_a_stages_heading() -> None:
    text = ("# Crawling\n\n## The stages\n\n### 1. Rocking on hands and knees\n\nBabies rock.\n\n"
            "### 2. Crawling forward\n\nBabies crawl.\n\n"
            "## Stage 1: Sitting\n\nx\n\n## Stage 2: Standing\n\ny\n")
    got = usable(text)
    assert got == ["rocking on hands and knees first, then forward crawling",
                   "sitting first, then standing"]


def test_numbered_headings_of_reasons_are_not_stages() -> None:
    text = ("## Why babies crawl backward\n\n### 1. Strong arms\n\nx\n\n### 2. Sitting first\n\ny\n\n"
            "### 3. Crawling\n\nz\n")
    assert usable(text) == []


def test_range_edges_and_statements_are_not_claims() -> None:
    got = claims("Walking at 9 months or at 16 months is also normal.")
    assert [c["hedge"] for c in got if c["kind"] == "age"] == ["minority", "minority"]
    got = claims("Sitting and crawling often develop at the same time.")
    assert [c for c in got if c["kind"] == "advice"] == []
