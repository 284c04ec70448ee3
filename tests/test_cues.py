"""Parse cues (``check_type(cue=...)``): which blocks the engine parses up front.

A cue only decides what is parsed in batches (a block read outside it is parsed on demand), so findings
never depend on it; these tests check that (same reports with and without cues), that every block a
check reads is inside its cue on the fixture articles (a miss costs an unbatched parse), that the engine
leaves blocks outside every cue unparsed, and that the claims cue, read from the construction data, fires
on every construction's own examples.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from editlint import engine
from editlint.checks.claims.constructions import Construction, load_constructions
from editlint.checks.claims.cues import ClaimsCue, word_gate
from editlint.context import CheckContext
from editlint.document import Block, BlockKind
from editlint.engine import Linter
from editlint.rules import Registry

ROOT = Path(__file__).resolve().parent.parent
_FIXTURES = sorted((ROOT / "tests" / "articles").glob("*.md")) + sorted((ROOT / "samples").glob("*.md"))
#: two sets of articles: the registry keeps the claims of blocks already read, so a test that watches the
#: reads must lint articles no earlier test read
ARTICLES, OTHER_ARTICLES = _FIXTURES[:6:2] + _FIXTURES[-4::2], _FIXTURES[1:6:2] + _FIXTURES[-3::2]
PARSED_RULES = ["EL102", "EL205", "EL3"]


def _block(text: str, kind: BlockKind = BlockKind.PARAGRAPH) -> Block:
    return Block(index=0, kind=kind, start=0, end=len(text), text=text)


@pytest.fixture(scope="module")
def constructions() -> tuple[Construction, ...]:
    return load_constructions().items


def _examples(c: Construction) -> list[str]:
    return [*c.examples.yields, *c.examples.flagged]


def test_every_construction_cue_fires_on_its_own_examples(constructions: tuple[Construction, ...]) -> None:
    with_examples = [c for c in constructions if _examples(c)]
    assert len(with_examples) > 50
    for c in with_examples:
        cue = ClaimsCue.of([c])
        for text in _examples(c):
            assert cue.fires(_block(text)), (c.id, text)


def test_a_word_gate_rules_out_blocks_without_its_words(constructions: tuple[Construction, ...]) -> None:
    gated = [c for c in constructions if min(map(len, word_gate(c) or {""})) >= 4]
    assert gated, "some shipped constructions name their words"
    cue = ClaimsCue.of(gated)
    assert cue.gate is not None
    assert not cue.fires(_block("Qzx vrrp wug."))
    assert not cue.fires(_block(_examples(next(c for c in gated if _examples(c)))[0], BlockKind.HEADING))


def test_a_construction_with_no_word_gate_makes_every_claims_block_a_cue() -> None:
    lemma_only = Construction.model_validate({
        "id": "t.lemma", "kind": "stance",
        "pattern": [{"RIGHT_ID": "v", "RIGHT_ATTRS": {"LEMMA": "recommend"}}]})
    worded = Construction.model_validate({
        "id": "t.word", "kind": "stance", "matcher": "token",
        "pattern": [{"LOWER": {"IN": ["never", "Always"]}, "ROLE": "w"}, {"LOWER": "so", "OP": "?"}]})
    assert word_gate(lemma_only) is None
    assert word_gate(worded) == frozenset({"never", "always"})  # the optional node is no gate
    assert ClaimsCue.of([lemma_only, worded]).fires(_block("Qzx vrrp wug."))
    only = ClaimsCue.of([worded])
    assert only.fires(_block("You should ALWAYS ask."))
    assert not only.fires(_block("So it goes."))
    assert not only.fires(_block("Always.", BlockKind.HEADING))


def _reports(monkeypatch: pytest.MonkeyPatch, cues: bool) -> list[dict[str, Any]]:
    if not cues:
        monkeypatch.setattr(engine, "parse_selector", lambda jobs: None)
    linter = Linter({"select": PARSED_RULES})
    return [linter.lint_paths([p]).files[0].to_dict() for p in ARTICLES]


def test_reports_are_the_same_with_and_without_cues(monkeypatch: pytest.MonkeyPatch) -> None:
    with_cues = _reports(monkeypatch, cues=True)
    without = _reports(monkeypatch, cues=False)
    assert with_cues == without
    assert any(f["findings"] for f in with_cues)


def test_every_block_a_check_reads_is_inside_its_cue(monkeypatch: pytest.MonkeyPatch) -> None:
    registry = Registry.default()
    reads: list[tuple[str, int]] = []
    misses: list[tuple[str, str]] = []
    spacy = CheckContext.spacy

    def recording(self: CheckContext, block: Block) -> Any:
        if self.rule is not None:
            check = registry.check_types[self.rule.check]
            reads.append((self.rule.code, block.index))
            if check.cue is not None and not check.cue(self, block):
                misses.append((self.rule.code, block.text[:60]))
        return spacy(self, block)

    monkeypatch.setattr(CheckContext, "spacy", recording)
    linter = Linter({"select": PARSED_RULES})
    for p in OTHER_ARTICLES:
        linter.lint_paths([p])
    assert {code for code, _ in reads} >= {"EL205", "EL301"}
    assert misses == []


def test_blocks_outside_every_cue_are_not_parsed_up_front(monkeypatch: pytest.MonkeyPatch) -> None:
    from editlint.nlp import Annotations

    parsed: list[str] = []
    annotate = Annotations.annotate

    def recording(self: Annotations, docs: Any, select: Any = None) -> None:
        annotate(self, docs, select)
        parsed.extend(d.blocks[i].kind.name for d in docs for i in range(len(d.blocks))
                      if ("spacy", i) in d.cache)

    monkeypatch.setattr(Annotations, "annotate", recording)
    text = "# How to keep a baby safe\n\nWe were told that the bottle is washed by the nurse.\n"
    Linter({"select": ["EL205"]}).lint_text(text, path="a.md")
    assert parsed == ["PARAGRAPH"]  # the heading is no prose: EL205's cue leaves it out
    parsed.clear()
    Linter({"select": ["EL205", "EL102"]}).lint_text("Bottle washing steps\n\n" + text[2:], path="b.md")
    assert "PARAGRAPH" in parsed and "HEADING" not in parsed
