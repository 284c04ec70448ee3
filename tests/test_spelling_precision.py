"""EL501 precision on kinds of words real articles use (session 6 audit): a capitalised name far from any
word (a brand, a site, a service) at a sentence or list-item start, the plural of a contraction used as a
noun, and a short word drawn out as a sound. Sentences and names are invented for these tests; each kind
has a flagged side (a slip of one key stays a typo)."""

from __future__ import annotations

import itertools

import pytest
from conftest import lint_snippet

from editlint.findings import Finding

#: invented names, each two edits or more from every dictionary word
NAMES = ["Snugglorb", "Wrapsodie", "Kindervolk", "Tumbleroo"]
#: where a name opens a sentence: a paragraph, a list item, a link's text, after a colon in a label
PLACES = {
    "sentence": "{n} makes a cream for sore skin. We used it every night.",
    "list-item": "- {n} travel cot - it folds flat and fits in the boot.",
    "link": "* [{n}: ten tips for a calmer bedtime](https://example.org/tips)",
    "heading-like": "**{n} bottle warmer.** It heats a feed in three minutes.",
}
#: capitalised slips of one key at the same places: still typos
SLIPS = ["Definately", "Recieve", "Becuase", "Ussually"]


def _el501(text: str) -> list[Finding]:
    return lint_snippet(text, "markdown", select=["EL501"]).findings


@pytest.mark.parametrize(("name", "place"), list(itertools.product(NAMES, PLACES)))
def test_a_capitalised_name_far_from_any_word_is_a_name(name: str, place: str) -> None:
    text = "# Things we liked\n\n" + PLACES[place].format(n=name) + "\n"
    assert [f.data["word"] for f in _el501(text)] == []


@pytest.mark.parametrize(("slip", "place"), list(itertools.product(SLIPS, PLACES)))
def test_a_capitalised_slip_of_one_key_is_a_typo(slip: str, place: str) -> None:
    text = "# Things we liked\n\n" + PLACES[place].format(n=slip) + "\n"
    assert [f.data["word"] for f in _el501(text)] == [slip]


@pytest.mark.parametrize("text", [
    "The dos and don'ts of car seats are on the next page.",
    "Weaning has its musts and its can'ts, like any change.",
    "Toddlers hear a lot of won'ts and don'ts in a day.",
])
def test_the_plural_of_a_contraction_is_a_word(text: str) -> None:
    assert _el501(f"# Rules\n\n{text}\n") == []


@pytest.mark.parametrize("text", [
    'At bath time she sings "ahh" and "ohh" to the ducks.',
    "Hmmm, he thought about the broccoli for a long time.",
    "The swing goes sooo high, and she laughs every time.",
    'Your baby may coo "ahh-goo" back at you.',
])
def test_a_short_word_drawn_out_is_a_sound(text: str) -> None:
    assert _el501(f"# Sounds\n\n{text}\n") == []


@pytest.mark.parametrize(("text", "word"), [
    ("He said helllo to the tomorow crowd at nursery.", "helllo"),  # a held letter inside a word
    ("Put the bedd near the window, away from the blind cords.", "bedd"),  # a doubled consonant
    ("Put the toyy back in the box after play.", "toyy"),  # a letter no one draws out
    ("The teatime snackss were gone in minutes.", "snackss"),  # a long word with a doubled ending
])
def test_a_doubled_letter_that_is_no_sound_is_a_typo(text: str, word: str) -> None:
    assert word in [f.data["word"] for f in _el501(f"# Notes\n\n{text}\n")]


# -- EL505: Canadian spelling is a standard of its own, not a US/UK mix ------------------------------------
#: topic -> a Canadian paragraph: UK -our/-re/-ence with US medical -e- words and -yze
CANADIAN = {
    "skating": "Bring a warm toque in a bright colour to the community centre rink. If your child has "
               "diarrhea or signs of anemia, skip the lesson and call the pediatric clinic.",
    "school-lunch": "Pack a lunch with plenty of flavour and fibre. A child with celiac disease needs a "
                    "plan, so analyze labels with the pediatrician and keep the defence of a good routine.",
    "daycare": "Our daycare centre keeps a favourite colouring corner. Staff are trained to spot "
               "diarrhea and to call the pediatrician; they analyze every incident report.",
}


def _el505(text: str) -> list[Finding]:
    return lint_snippet(text, "markdown", select=["EL505"]).findings


@pytest.mark.parametrize("topic", list(CANADIAN))
def test_consistent_canadian_spelling_is_not_mixed(topic: str) -> None:
    assert _el505(f"# Notes\n\n{CANADIAN[topic]}\n") == []


@pytest.mark.parametrize("topic", list(CANADIAN))
def test_a_stray_from_canadian_usage_is_flagged_against_it(topic: str) -> None:
    found = _el505(f"# Notes\n\n{CANADIAN[topic]} The color of the walls is calm.\n")
    assert [(f.data["word"], f.suggestion, f.data["majority"]) for f in found] == [
        ("color", "colour", "Canadian")]


@pytest.mark.parametrize(("text", "word", "majority"), [
    # UK article with one US medical form: UK explains it better than Canadian (which wants three changes)
    ("The paediatrician said anaemia and diarrhoea are common. Any diarrhea after a trip needs a "
     "colour chart.", "diarrhea", "UK"),
    # US article with one UK -our form: US explains it better
    ("The pediatrician has a color chart, a favorite center and a behavior plan. The colour fades.",
     "colour", "US"),
    # one stray on each reading (US color against two UK forms): the US/UK reading stands
    ("My favourite blanket has a lovely favourite pattern. The color is soft.", "color", "UK"),
])
def test_us_or_uk_articles_are_still_read_as_us_or_uk(text: str, word: str, majority: str) -> None:
    assert [(f.data["word"], f.data["majority"]) for f in _el505(f"# Notes\n\n{text}\n")] == [
        (word, majority)]


@pytest.mark.parametrize(("text", "word"), [
    ("The pediatrician and two pediatric nurses watched the behaviour of the group.", "behaviour"),
    ("Ask the pediatrician about anemia. A hospital is the centre of it all.", "centre"),
])
def test_one_uk_word_among_us_medical_words_is_no_canadian_pattern(text: str, word: str) -> None:
    """Canadian usage needs the article to show it: one UK word is a slip in a US article as likely."""
    assert [(f.data["word"], f.data["majority"]) for f in _el505(f"# Notes\n\n{text}\n")] == [(word, "US")]


# -- EL501: two content words run together are a coined compound to look at, not a typo ----------------------
@pytest.mark.parametrize(("sentence", "parts"), [
    ("Keep spare vests in the sockdrawer by the cot.", ["sock", "drawer"]),
    ("Tidy the blocks into the toybasket after play.", ["toy", "basket"]),
    ("Check the pramwheel before a long walk.", ["pram", "wheel"]),
    ("Hang the spoons on a spoonrack out of reach.", ["spoon", "rack"]),
])
def test_a_coined_compound_of_content_words_is_info(sentence: str, parts: list[str]) -> None:
    found = _el501(f"# Tidy home\n\n{sentence}\n")
    assert [(f.severity.name, f.data["compound"], f.fixes) for f in found] == [("INFO", parts, ())]


@pytest.mark.parametrize(("sentence", "word"), [
    ("Most parents sometried a dummy at night.", "sometried"),  # a function word: a missing space
    ("Read the methodsto settle a baby first.", "methodsto"),
    ("Finish the homeword before the bath.", "homeword"),  # one key from a word: a slip
])
def test_a_missing_space_or_a_slip_stays_a_warning(sentence: str, word: str) -> None:
    found = [f for f in _el501(f"# Evenings\n\n{sentence}\n") if f.data["word"] == word]
    assert [f.severity.name for f in found] == ["WARNING"] and "compound" not in found[0].data
