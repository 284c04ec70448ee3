"""The claims engine (issue 13): constructions, concepts, scopes, the ontology and structure readers.

Claims are read through ``--explain-claims`` (typed claims as data) and compared by kind, concept keys
and provenance flags, never by message wording. The sentences cover several topics on purpose (drawing,
dressing, toilet, sleep, feeding, teeth, language, motor), most with concepts no ontology entry knows.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from editlint import Linter
from editlint.checks.claims.constructions import (
    Construction,
    ConstructionFile,
    Constructions,
    construction_files,
    load_constructions,
)
from editlint.checks.claims.ontology import OntologyFile, load_ontology
from editlint.checks.claims.scope import load_scopes
from editlint.datafile import DataFileError, load_model
from editlint.nlp import load_model as load_nlp

_LINTER = Linter({"select": ["EL3"]}, overrides={"flags": frozenset({"explain-claims"})})


def claims(text: str, fmt: str = "md") -> list[dict[str, Any]]:
    report = _LINTER.lint_text(text, path=f"snippet.{fmt}")
    assert report.error is None, report.error
    got: list[dict[str, Any]] = report.metrics.get("claims", [])
    return got


def orders(text: str, fmt: str = "md", usable: bool = True) -> list[tuple[str, str]]:
    """(earlier key, later key) of the order claims; only the usable ones unless ``usable`` is False."""
    out = []
    for c in claims(text, fmt):
        p = c["prov"]
        if c["kind"] != "order":
            continue
        if usable and (p["hedge"] == "minority" or p["question"] or p["myth"] or p["quotation"]
                       or p["reported"] or p["condition"]):
            continue
        out.append((c["earlier"]["key"], c["later"]["key"]))
    return out


# -- order constructions: each states "scribble/zip/... before draw/buttons/..." --------------------------
@pytest.mark.parametrize("text, expected", [
    ("Toddlers scribble before they draw.", ("scribble", "draw")),  # X before Y (clause)
    ("Before they draw, toddlers scribble.", ("scribble", "draw")),
    ("Scribbling comes before drawing.", ("scribble", "draw")),  # X before Y (phrase)
    ("Drawing comes after scribbling.", ("scribble", "draw")),                            # Y after X (phrase)
    ("Toddlers draw after they scribble.", ("scribble", "draw")),                         # Y after X (clause)
    ("Toddlers pull off their socks, then pull on their trousers.",
     ("pull(off,sock)", "pull(on,trouser)")),                                            # X, then Y
    ("First children draw a circle, and then they draw a square.",
     ("draw(circle)", "draw(square)")),                                                   # first X, then Y
    ("Scribbling comes first, and drawing comes later.", ("scribble", "draw")),           # X first, Y later
    ("Drawing usually follows scribbling.", ("scribble", "draw")),                        # Y follows X
    ("Pulling on socks precedes pulling on shoes.", ("pull(on,sock)", "pull(on,shoe)")),  # X precedes Y
    ("Scribbling is usually followed by drawing.", ("scribble", "draw")),                 # passive of follow
    ("Drawing is usually preceded by scribbling.", ("scribble", "draw")),                 # passive of precede
    ("Scribbling leads to drawing.", ("scribble", "draw")),                               # leads to
    ("Scribbling paves the way for drawing.", ("scribble", "draw")),                      # paves the way
    ("Scribbling is a stepping stone toward drawing.", ("scribble", "draw")),             # stepping stone
    ("Drawing builds on scribbling.", ("scribble", "draw")),                              # builds on
    ("Once they can scribble, toddlers start drawing.", ("scribble", "draw")),            # once X, start Y
    ("After scribbling, most toddlers move on to drawing.", ("scribble", "draw")),  # after X, move on to Y
    ("By the time they draw, most toddlers have already scribbled for months.", ("scribble", "draw")),
    ("Most toddlers do not draw until they can scribble.", ("scribble", "draw")),        # not Y until X
    ("Toddlers do not draw before they scribble.", ("scribble", "draw")),                # negated order
    ("Scribbling tends to come before drawing.", ("scribble", "draw")),                  # raising verb
    ("Scribbling goes first, well before drawing.", ("scribble", "draw")),              # X goes first
    ("Scribbling happens earlier than drawing.", ("scribble", "draw")),                 # comparative
    ("Drawing develops later than scribbling.", ("scribble", "draw")),
    ("Most toddlers learn to scribble and draw, in that order.", ("scribble", "draw")),  # in that order
    ("Toddlers progress from scribbling to drawing to writing.", ("draw", "write")),    # from X to Y to Z
    ("Toddlers who scribble a lot usually go on to drawing.", ("scribble(lot)", "draw")),  # those who X
    ("Drinking from an open cup is the next step after drinking from a sippy cup.",
     ("drink(from-cup,from-sippy)", "drink(from-cup,from-open)")),
])
def test_order_constructions(text: str, expected: tuple[str, str]) -> None:
    assert expected in orders(text)


def test_first_then_across_sentences() -> None:
    got = orders("First, toddlers learn to pull off their socks. Then they pull on their trousers.")
    assert [o for o in got if o[1] != "*"] == [("pull(off,sock)", "pull(on,trouser)")]


# -- concepts: one key for the same event however it is worded ---------------------------------------------
@pytest.mark.parametrize("a, b", [
    ("Children zip up a coat before they do up buttons.",
     "Zipping up a coat usually comes before doing up buttons."),                       # verb ~ gerund
    ("Most children stay dry in the daytime well before they stay dry at night.",
     "Daytime dryness usually comes before nighttime dryness."),  # stay + adjective ~ nominalisation
    ("Babies drop the morning nap before they drop the afternoon nap.",
     "The morning nap is dropped before the afternoon nap is dropped."),                # active ~ passive
    ("Babies drop the morning nap before they drop the afternoon nap.",
     "The morning nap goes before the afternoon nap goes."),                            # the end of X
])
def test_same_concept_however_worded(a: str, b: str) -> None:
    (first,) = orders(a)
    assert first in orders(b)


def test_known_concepts_get_the_ontology_id_and_others_an_open_key() -> None:
    (c,) = [c for c in claims("Babies sit up on their own before they crawl.") if c["kind"] == "order"]
    assert (c["earlier"]["key"], c["earlier"]["known"]) == ("sit-unsupported", True)
    (c,) = [c for c in claims("Toddlers hop on one foot before they skip.") if c["kind"] == "order"]
    assert c["earlier"]["known"] is False and c["earlier"]["key"].startswith("hop(")


def test_concept_keeps_the_articles_own_words() -> None:
    (c,) = [c for c in claims("Riding a scooter usually comes before riding a bike.") if c["kind"] == "order"]
    assert c["earlier"]["text"] == "Riding a scooter" and c["later"]["text"] == "riding a bike"


# -- scopes ------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, flag", [
    ("Some toddlers draw before they scribble.", "minority"),
    ("Toddlers may draw before they scribble.", "minority"),
    ("Can a toddler draw before they scribble?", "question"),
    ("Myth: toddlers always draw before they scribble.", "myth"),
    ("Many parents believe that toddlers draw before they scribble.", "reported"),
    ("You may have heard that toddlers draw before they scribble.", "reported"),
    ("If your toddler draws before they scribble, that is fine.", "condition"),
])
def test_scopes_mark_claims_that_are_not_the_articles_own(text: str, flag: str) -> None:
    (c,) = [c for c in claims(text) if c["kind"] == "order"]
    p = c["prov"]
    assert (p["hedge"] == "minority") if flag == "minority" else bool(p[flag])
    assert orders(text) == []


def test_it_is_a_myth_that_p_is_the_articles_denial() -> None:
    """A "Myth:" label quotes the myth; "it's a myth that P" is the article saying P is false."""
    assert orders("It's a myth that toddlers draw before they scribble.") == [("scribble", "draw")]


def test_majority_hedge_keeps_the_claim() -> None:
    (c,) = [c for c in claims("Most toddlers usually scribble before they draw.") if c["kind"] == "order"]
    assert c["prov"]["hedge"] == "majority"
    assert orders("Most toddlers usually scribble before they draw.") == [("scribble", "draw")]


def test_myth_section_heading_covers_its_blocks() -> None:
    text = ("## Myths about drawing\n\nToddlers draw before they scribble.\n\n"
            "## Facts\n\nToddlers scribble first.\n")
    mythical, fact = [c for c in claims(text) if c["kind"] == "order"]
    assert mythical["prov"]["myth"] is True
    assert fact["prov"]["myth"] is False  # the "Facts" section is the article's own claim


def test_quotation_block_is_not_the_articles_claim() -> None:
    (c,) = [c for c in claims("> My son drew before he scribbled.\n") if c["kind"] == "order"]
    assert c["prov"]["quotation"] is True


def test_weakened_negation_states_no_order() -> None:
    assert orders("Toddlers do not always scribble before they draw.") == []


def test_leading_scope_is_a_condition_with_an_age_scope() -> None:
    (c,) = [c for c in claims("For babies under 6 months, feeds come before naps.") if c["kind"] == "order"]
    assert c["prov"]["condition"].startswith("For babies under 6 months")
    assert c["prov"]["age_scope"] == [0.0, 6.0]


# -- structure readers ---------------------------------------------------------------------------------------
def test_numbered_list_under_a_stages_heading() -> None:
    text = ("## Stages of getting dressed\n\n"
            "1. Pulling off socks\n2. Pulling on trousers\n3. Doing up buttons\n")
    got = [c for c in claims(text) if c["kind"] == "order"]
    assert [(c["earlier"]["key"], c["later"]["key"]) for c in got] == [
        ("pull(off,sock)", "pull(on,trouser)"), ("pull(on,trouser)", "do(button,up)")]
    assert got[0]["prov"]["construction"].startswith("list under 'Stages of getting dressed'")
    assert got[0]["prov"]["list_id"] == got[1]["prov"]["list_id"] is not None
    assert got[0]["line"] == 4  # on the later item


def test_month_by_month_timeline_reads_the_event_side_of_each_label() -> None:
    text = "## Month by month\n\n- 15 months: scribbles\n- 2 years: draws lines\n- 3 years: draws a circle\n"
    got = [(c["earlier"]["key"], c["later"]["key"]) for c in claims(text) if c["kind"] == "order"]
    assert got == [("scribble", "draw(line)"), ("draw(line)", "draw(circle)")]


def test_a_list_without_an_order_heading_states_no_order() -> None:
    text = "## Things toddlers enjoy\n\n- Scribbling\n- Drawing\n- Painting\n"
    assert [c for c in claims(text) if c["kind"] == "order"] == []


# -- constructions as data ------------------------------------------------------------------------------
def _examples() -> list[tuple[str, str, bool]]:
    out = []
    for c in load_constructions().items:
        out += [(c.id, s, True) for s in c.examples.yields]
        out += [(c.id, s, False) for s in c.examples.pass_]
    return out


@pytest.fixture(scope="module")
def shipped_constructions() -> Constructions:
    """The shipped construction files, loaded and validated once for the module's many examples."""
    return load_constructions()


@pytest.mark.parametrize("cid, sentence, matches", _examples())
def test_every_construction_matches_its_own_examples(cid: str, sentence: str, matches: bool,
                                                     shipped_constructions: Constructions) -> None:
    nlp = load_nlp("en_core_web_sm")
    cons = shipped_constructions
    doc = nlp(sentence)
    from editlint.document import Block, BlockKind

    block = Block(0, BlockKind.PARAGRAPH, 0, len(sentence), sentence)
    found = {m.construction.id for s in doc.sents for m in cons.run(s, block)}
    assert (cid in found) is matches


def test_construction_files_validate_and_ids_are_unique() -> None:
    assert construction_files()
    ids = [c.id for c in load_constructions().items]
    assert len(ids) == len(set(ids)) and any(i.startswith("order.") for i in ids)


def test_bad_construction_names_the_key(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text('[[construction]]\nid = "x"\nkind = "order"\npatern = []\n', encoding="utf-8")
    with pytest.raises(DataFileError) as exc:
        load_model(bad, ConstructionFile)
    assert "patern" in str(exc.value) and "line 4" in str(exc.value)


def test_construction_without_roles_is_rejected() -> None:
    with pytest.raises(ValueError):
        Construction.model_validate({"id": "x", "kind": "order", "pattern": [{"ORTH": "a"}],
                                     "matcher": "token"})


# -- ontology ------------------------------------------------------------------------------------------------
def test_ontology_merges_packs_with_sources_and_a_partial_order() -> None:
    onto = load_ontology()
    assert {"crawl", "walk-alone", "babble", "first-word", "solids"} <= set(onto.concepts)
    path = onto.reference("walk-alone", "crawl")  # walking before crawling is against the reference
    assert path and all(r.source for r in path)
    assert onto.reference("crawl", "walk-alone") is None
    assert onto.window("crawl-forward") is not None  # from the concept or its parent
    assert onto.lexicon.end_key == "end"


def test_bad_ontology_entry_names_file_and_key(tmp_path: Path) -> None:
    bad = tmp_path / "o.toml"
    bad.write_text('[[concept]]\nid = "x"\nlabel = "x"\nsynonym = ["y"]\n', encoding="utf-8")
    with pytest.raises(DataFileError) as exc:
        load_model(bad, OntologyFile)
    assert "synonym" in str(exc.value)


def test_scope_lexicon_loads() -> None:
    lex = load_scopes()
    assert "some" in lex.hedge.minority_quantifiers and "myth" in lex.myth.labels


def test_explain_claims_has_positions_and_no_metric_without_the_flag() -> None:
    (c,) = [c for c in claims("# Drawing\n\nToddlers scribble before they draw.\n") if c["kind"] == "order"]
    assert c["line"] == 3 and c["prov"]["construction"] == "order.before-clause"
    report = Linter({"select": ["EL3"]}).lint_text("Toddlers scribble before they draw.", path="a.md")
    assert "claims" not in report.metrics
