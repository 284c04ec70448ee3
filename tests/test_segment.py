"""One sentence segmentation (editlint.segment): tricky inputs, markup labels, and every family and the
spaCy pipeline seeing the same boundaries."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from editlint import Linter, Registry, segment
from editlint.checks import disclaimer
from editlint.checks.readability import prose_sentences
from editlint.config import default_config
from editlint.context import CheckContext
from editlint.document import Document
from editlint.nlp import SPANS_KEY, Annotations, load_model, set_boundaries
from editlint.readers import read
from editlint.source import Source

MODEL = "en_core_web_sm"


def parts(text: str) -> list[str]:
    return [text[s:e] for s, e in segment.sentences(text)]


# Written for these tests, on several topics: each input and the sentences it must give (None: one sentence,
# the whole input).
TRICKY = [
    # abbreviations in mid-sentence, and at a real sentence end
    ("Bring spare socks, wipes, etc. to nursery. Label them all.",
     ["Bring spare socks, wipes, etc. to nursery.", "Label them all."]),
    ("Pack snacks, wipes, etc. Then check the car seat.",
     ["Pack snacks, wipes, etc.", "Then check the car seat."]),
    ("Dr. Osei checked the rash. It faded by Friday.", ["Dr. Osei checked the rash.", "It faded by Friday."]),
    ("The group meets on St. Anne's Road at approx. 10 a.m. every week.", None),
    ("Swap juice for water, i.e. plain tap water. Milk is fine too.",
     ["Swap juice for water, i.e. plain tap water.", "Milk is fine too."]),
    ("Use a mild soap, e.g. Simple or Dove, on the rash.", None),
    ("Compare cloth vs. disposable nappies. Both work.",
     ["Compare cloth vs. disposable nappies.", "Both work."]),
    ("If the cut keeps bleeding, go to A&E. Keep pressing on it.",
     ["If the cut keeps bleeding, go to A&E.", "Keep pressing on it."]),
    ("See Fig. 3 for the fold. Then crease it.", ["See Fig. 3 for the fold.", "Then crease it."]),
    ("The puppy seemed ill. A vet visit helped.", ["The puppy seemed ill.", "A vet visit helped."]),
    ("We moved in May. Then the baby came.", ["We moved in May.", "Then the baby came."]),
    ("Weigh 2.5 kg of flour. Add 1.5 l of water.", ["Weigh 2.5 kg of flour.", "Add 1.5 l of water."]),
    ("She is 3 yrs. old and loves puzzles.", None),
    # quotations and dialogue
    ('"Shoes on," Dad said. "We leave in five minutes."',
     ['"Shoes on," Dad said.', '"We leave in five minutes."']),
    ("“Shoes on,” Dad said. “We leave now.”", ["“Shoes on,” Dad said.", "“We leave now.”"]),
    ('She whispered "Is it bedtime?" and yawned.', None),
    ('The sign read "No running!" in red letters.', None),
    # glued sentences, inner question marks, ellipses
    ("Do toddlers need a pillow?Most do not until two.",
     ["Do toddlers need a pillow?", "Most do not until two."]),
    ("We tried every trick.Nothing worked.", ["We tried every trick.", "Nothing worked."]),
    ("Where Is Spot? is a lift-the-flap classic.", None),
    ("We waited... and waited. Finally she slept.", ["We waited... and waited.", "Finally she slept."]),
    ("The kite tore... We bought another one.", ["The kite tore...", "We bought another one."]),
    ("The rain kept on… Nobody minded.", ["The rain kept on…", "Nobody minded."]),
    # a dotted initialism ending a sentence, and the same one before a name
    ("Cycling lanes are common in the U.K. Sadly, few schools have racks.",
     ["Cycling lanes are common in the U.K.", "Sadly, few schools have racks."]),
    ("Chess clubs are everywhere in the U.S. Most meet after school.",
     ["Chess clubs are everywhere in the U.S.", "Most meet after school."]),
    ("The library opens at 9 a.m. It closes at noon.", ["The library opens at 9 a.m.", "It closes at noon."]),
    ("Her uncle served in the U.S. Navy for years.", None),
    ("Is it a cold? Or hay fever? Watch the pattern.",
     ["Is it a cold?", "Or hay fever?", "Watch the pattern."]),
    # list lines inside one block: each item is a sentence, its number stays with it
    ("Pack these:\n1. Spare nappies\n2. A change of clothes", ["Pack these:", "1. Spare nappies",
                                                             "2. A change of clothes"]),
    ("Signs of thirst:\n• a dry mouth\n• fewer wet nappies", ["Signs of thirst:", "• a dry mouth",
                                                             "• fewer wet nappies"]),
    # line breaks: hyphenated words and hard-wrapped sentences continue
    ("Support your toddler's upper-\nback and shoulders when you lift.", None),
    ("Take the spare bottle to\nGrandma's house on Sunday.", None),
]


@pytest.mark.parametrize("text,expected", TRICKY)
def test_tricky_inputs(text: str, expected: list[str] | None) -> None:
    assert parts(text) == (expected or [text])


@pytest.mark.parametrize("text,label,rest", [
    ("Bath time\nFill the tub with 5 cm of warm water. Test it with your elbow.", "Bath time",
     ["Fill the tub with 5 cm of warm water.", "Test it with your elbow."]),
    ("##Snacks\nOffer fruit first.", "##Snacks", ["Offer fruit first."]),
    ("When to Call the Dentist\nA chipped tooth needs a check.", "When to Call the Dentist",
     ["A chipped tooth needs a check."]),
    ("What you need:\nA bucket and a sponge.", "What you need:", ["A bucket and a sponge."]),
    ("##Bath time Fill the tub with warm water.", "##Bath time", ["Fill the tub with warm water."]),
    ("##When To Stop If your child says no, stop.", "##When To Stop", ["If your child says no, stop."]),
])
def test_heading_lines_run_into_the_text_are_labels(text: str, label: str, rest: list[str]) -> None:
    segs = segment.split(text)
    assert [(text[s.start:s.end], s.label) for s in segs] == [(label, True)] + [(r, False) for r in rest]
    assert parts(text) == rest


@pytest.mark.parametrize("text", [
    "We drove for an hour in the rain and then\nSam fell asleep in his seat.",  # ends with a function word
    "Most babies crawl before they walk, though some children skip crawling\nAltogether and shuffle.",
    "The sun was low.\nThen we went home.",
])
def test_wrapped_prose_lines_are_not_labels(text: str) -> None:
    assert not any(s.label for s in segment.split(text))


def _doc(text: str, fmt: str) -> Document:
    return read(Source(path=f"t.{ {'markdown': 'md', 'html': 'html', 'text': 'txt'}[fmt] }", text=text,
                       format=fmt))


@pytest.mark.parametrize("text,fmt,label,sentence", [
    ("**Naps** Two naps a day suit most one-year-olds.\n", "markdown", "Naps",
     "Two naps a day suit most one-year-olds."),
    ("- **Screens:** keep them out of the bedroom.\n", "markdown", "Screens:",
     "keep them out of the bedroom."),
    ("<ul><li><strong>Shoes</strong> Soft soles help new walkers.</li></ul>", "html", "Shoes",
     "Soft soles help new walkers."),
    ("<p><b>Note:</b> the pool closes at noon.</p>", "html", "Note:", "the pool closes at noon."),
])
def test_bold_labels_from_markup(text: str, fmt: str, label: str, sentence: str) -> None:
    doc = _doc(text, fmt)
    block = doc.blocks[0]
    segs = segment.block_segments(doc, block)
    assert [(block.text[s.start:s.end], s.label) for s in segs] == [(label, True), (sentence, False)]


@pytest.mark.parametrize("text,fmt", [
    ("**Never** leave a child alone in the bath.\n", "markdown"),  # emphasis the sentence goes on from
    ("**Wear a helmet.** Falls happen fast.\n", "markdown"),  # a bold sentence is a sentence
    ("<p><strong>Always</strong> check the water first.</p>", "html"),
])
def test_bold_emphasis_is_not_a_label(text: str, fmt: str) -> None:
    doc = _doc(text, fmt)
    assert not any(s.label for s in segment.block_segments(doc, doc.blocks[0]))


def test_offsets_are_trimmed_and_inside_the_text() -> None:
    text = "  First one.   Second one?\n\tThird!  "
    spans = segment.sentences(text)
    assert [text[s:e] for s, e in spans] == ["First one.", "Second one?", "Third!"]
    assert all(0 <= s < e <= len(text) for s, e in spans)
    assert segment.sentences("") == [] and segment.sentences("   \n ") == []


# -- the same boundaries everywhere -----------------------------------------------------------------------
ARTICLE = """# Bedtime

**Routine** A bath, a book and bed work for most toddlers. Dr. Mills suggests approx. 20 minutes of
quiet play first, e.g. puzzles. "One more story," she begs. "Just one."

Light and noise
Keep the room dark.Turn screens off an hour before bed. Is it too warm? Aim for 18 °C, i.e. cool but
not cold.

- **Night waking:** go in calmly, settle your child, and leave.
- If your child has a fever or seems unwell, go to A&E. Trust your instincts.
"""


@pytest.fixture(scope="module")
def ctx() -> CheckContext:
    doc = _doc(ARTICLE, "markdown")
    ann = Annotations(MODEL, {"parse"})
    ann.annotate([doc])
    return CheckContext(doc, None, {}, default_config(), nlp=ann)


def _trimmed(block_start: int, sent: Any) -> tuple[int, int]:
    text = sent.text
    lead = len(text) - len(text.lstrip())
    return (block_start + sent.start_char + lead, block_start + sent.start_char + len(text.rstrip()))


def test_families_and_the_parser_see_the_same_sentences(ctx: CheckContext) -> None:
    doc = ctx.doc
    for block in doc.iter_blocks():
        mine = [(s.start, s.end) for s in ctx.sentences(block)]
        segs = segment.block_segments(doc, block)
        labels = {(block.start + s.start, block.start + s.end) for s in segs if s.label}
        spacy_sents = [_trimmed(block.start, s) for s in ctx.spacy(block).sents if s.text.strip()]
        assert [s for s in spacy_sents if s not in labels] == mine, block.text
        el4 = [(s.start, s.end) for s in disclaimer._sentences(doc) if s.block is block]
        assert [s for s in el4 if s not in labels] == mine
    readability = [(s.start, s.end) for s in prose_sentences(ctx)]
    expected = [(s.start, s.end) for b in doc.blocks if b.is_prose for s in ctx.sentences(b)]
    assert readability == expected
    texts = [doc.text[s:e] for s, e in readability]
    assert "Dr. Mills suggests approx. 20 minutes of\nquiet play first, e.g. puzzles." in texts
    assert "Keep the room dark." in texts and "Turn screens off an hour before bed." in texts
    assert '"One more story," she begs.' in texts and "Trust your instincts." in texts
    assert not any(t.startswith(("Routine", "Light and noise", "Night waking")) for t in texts)


def test_sentences_need_no_model() -> None:
    doc = _doc(ARTICLE, "markdown")
    ann = Annotations(MODEL, {"sentences"})
    ann.annotate([doc])
    assert ann._nlp is None  # nothing loaded
    ctx = CheckContext(doc, None, {}, default_config(), nlp=ann)
    assert len(ctx.sentences(doc.blocks[1])) == 4


def test_pipeline_component_splits_straddling_tokens_and_keeps_the_parse() -> None:
    nlp = load_model(MODEL)
    sdoc = nlp("Can toddlers eat honey?Yes, after their first birthday. Ask Dr. Park.")
    assert [s.text for s in sdoc.sents] == ["Can toddlers eat honey?", "Yes, after their first birthday.",
                                            "Ask Dr. Park."]
    assert sum(1 for t in sdoc if t.dep_ == "ROOT") == 3
    made = nlp.make_doc("Crafts Cut the card. Glue it.")
    made.user_data[SPANS_KEY] = [(0, 6), (7, 20), (21, 29)]
    out = set_boundaries(made)
    assert [t.is_sent_start for t in out] == [True, True, False, False, False, True, False, False]
    assert SPANS_KEY not in out.user_data


def test_readability_scores_keep_the_textstat_invariant(ctx: CheckContext) -> None:
    from editlint.checks.readability import scores

    texts = [s.text for s in prose_sentences(ctx) if s.scored]
    assert scores(texts) is not None  # raises if textstat counted differently


PIECES = ["Dr.", "A&E.", "e.g.", "etc.", "approx.", "No.", "5", "2.5 ml", "babies", "It", "is", "fine", "?",
          "!", ".", "...", '"', "“", "”", "(", ")", "**", "\n", "\n\n", " ", "  ", "upper-\n", "Sleep", "By",
          "why", "St.", "Mary's", "you", "said", ",", ";", "—", "café", "😀", "#", "##Naps", "-", "1."]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40).map(lambda ps: " ".join(ps)))
def test_segments_are_ordered_trimmed_and_cover_the_text(text: str) -> None:
    segs = segment.split(text)
    pos = 0
    for s in segs:
        assert pos <= s.start < s.end <= len(text)
        assert not text[s.start].isspace() and not text[s.end - 1].isspace()
        assert text[pos:s.start].strip() == ""  # nothing but space between segments
        pos = s.end
    assert text[pos:].strip() == ""


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(PIECES + ["Most", "toddlers", "nap", "twice", "daily", "when", "tired"]),
                min_size=1, max_size=60).map(lambda ps: " ".join(ps)))
def test_textstat_counts_the_same_sentences_on_any_text(text: str) -> None:
    from editlint.checks.readability import scores

    doc = _doc(text, "markdown")
    ctx = CheckContext(doc, None, {}, default_config())
    texts = [s.text for s in prose_sentences(ctx) if s.scored]
    if texts:
        scores(texts)  # raises RuntimeError if textstat's sentence count differs from ours


# -- the segmentation data is the registry's (packs extend it), given to each document by the engine --------
# Written for this test: titles the shipped data does not know, each before a name, on two topics.
PACK_TEXTS = [
    ("Ask Insp. Grey at the fire station about smoke alarms. He visits schools.", "insp"),
    ("Our health visitor, Cllr. Bose, runs the Tuesday weigh-in. Bring the red book.", "cllr"),
]


def _pack(tmp_path: Path, word: str) -> Path:
    pack = tmp_path / "house.toml"
    pack.write_text(f'[data.segmentation.abbreviations]\nbefore-name = ["{word}"]\n', encoding="utf-8")
    return pack


def _engine_sentences(text: str, registry: Registry) -> list[str]:
    linter = Linter({"select": ["EL202"]}, registry=registry, keep_documents=True)
    report = linter.lint_text(text, path="a.md")
    assert report.error is None, report.error
    doc = report.document
    assert isinstance(doc, Document)
    return [doc.text[s:e] for b in doc.blocks for s, e in segment.block_sentences(doc, b)]


@pytest.mark.parametrize("text,word", PACK_TEXTS)
def test_a_packs_abbreviation_reaches_the_engines_documents(tmp_path: Path, text: str, word: str) -> None:
    shipped = _engine_sentences(text, Registry.default())
    assert len(shipped) == 3  # the shipped data breaks after the unknown title
    extended = Registry.default([_pack(tmp_path, word)])
    assert isinstance(extended.data("segmentation"), segment.Rules)
    assert word in extended.data("segmentation").before_name
    joined = _engine_sentences(text, extended)
    assert len(joined) == 2 and f"{word}. " in joined[0].casefold()  # the title keeps its sentence going
    assert len(segment.sentences(text)) == 3  # a document or text given no data: the shipped data
    assert len(segment.sentences(text, extended.data("segmentation"))) == 2


def test_a_document_split_with_other_data_drops_its_segments(tmp_path: Path) -> None:
    text, word = PACK_TEXTS[0]
    doc = read(Source(path=None, text=text + "\n", format="markdown"))
    block = doc.blocks[0]
    assert len(segment.block_sentences(doc, block)) == 3
    segment.use(doc, Registry.default([_pack(tmp_path, word)]).data("segmentation"))
    assert len(segment.block_sentences(doc, block)) == 2
    segment.use(doc, None)
    assert len(segment.block_sentences(doc, block)) == 3
