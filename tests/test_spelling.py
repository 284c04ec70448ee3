"""Offline spelling (EL501) and mixed US/UK spelling (EL505)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import SAMPLES, codes, lint_snippet
from helpers import work

from editlint import ConfigError, lint_text
from editlint.checks import spelling as sp
from editlint.datafile import DataFileError
from editlint.findings import Finding
from editlint.rules import Registry

CLEAN = ["safe-infant-sleep.md", "starting-solid-foods.html", "fever-in-babies.txt", "paper-plate-lions.md",
         "day-out-packing-list.txt", "moving-in-the-first-year.md"]


def el501(text: str, fmt: str = "markdown", **config: object) -> list[Finding]:
    return [f for f in lint_snippet(text, fmt, select=["EL501"], **config).findings]


def el505(text: str, fmt: str = "markdown", **config: object) -> list[Finding]:
    return [f for f in lint_snippet(text, fmt, select=["EL505"], **config).findings]


# -- EL501 ----------------------------------------------------------------------------------------
def test_flags_misspelling_with_position_and_suggestions() -> None:
    found = el501("# Sleep\n\nMost babies will definately sleep better.\n")
    assert len(found) == 1
    f = found[0]
    assert (f.line, f.column, f.end_column) == (3, 18, 28)
    assert f.suggestion == "definitely"
    assert "definitely" in f.message
    assert f.data["candidates"][0] == "definitely" and len(f.data["candidates"]) <= 3


@pytest.mark.parametrize("fmt,text,line", [
    ("markdown", "Intro line.\n\nYou will **recieve** a leaflet.\n", 3),
    ("html", "<p>Intro line.</p>\n<p>You will <em>recieve</em> a leaflet.</p>\n", 2),
    ("text", "Title\n\nIntro line.\n\nYou will recieve a leaflet.\n", 5),
])
def test_formats(fmt: str, text: str, line: int) -> None:
    found = el501(text, fmt)
    assert [(f.line, f.data["word"]) for f in found] == [(line, "recieve")]


def test_crlf_and_emoji_positions() -> None:
    found = el501("Title 👶 line\r\n\r\nThe 🍼 bottle is recieved.\r\n", "text")
    assert [(f.line, f.column) for f in found] == [(3, 17)]


def test_capital_at_sentence_start_is_checked_but_names_are_not() -> None:
    found = el501("Definately try it. We saw Dr Okonkwo and Priyanka at Kidzville.\n")
    assert [f.data["word"] for f in found] == ["Definately"]
    assert found[0].suggestion == "Definitely"


@pytest.mark.parametrize("text", [
    "Ask your pediatrician about Calpol, RSV, colic and a onesie for swaddling.",  # house vocabulary
    "Ask your paediatrician; nappies and a Babygro are fine.",  # UK words in the vocabulary
    "See https://www.exampel.org/sleeep or mail halp@exampel.org for more.",  # URL and e-mail
    "Give 2.5ml or 5 ml, about 10kg, at 38°C; call 0800-123 if unsure.",  # numbers and units
    "Run `pip instal editlnt` first.",  # inline code
    "Priyanka and Okonkwo said the WHO and AAP agree; use an iPhone or YouTube.",  # names, acronyms
    "Zhang Wei is here. Siobhan laughed. Aoife and Niamh came too.",  # names opening sentences
    "Don't worry: it's your baby's first cold, and they're fine; we'll see, you'd know, I'm sure.",
    "A well-known, six-month-old baby can self-soothe.",
    "The colour, the color, the centre and the paediatrician.",  # US/UK forms are words (EL505's job)
])
def test_clean_text(text: str) -> None:
    assert el501(text + "\n") == []


def test_title_case_heading_is_skipped_but_lowercase_words_are_checked() -> None:
    assert el501("# Kidzville Playgroup Tips\n\nFine text here.\n") == []
    assert [f.data["word"] for f in el501("# Tips for teh Playgroup\n\nFine text.\n")] == ["teh"]


def test_code_block_is_skipped() -> None:
    assert el501("Text.\n\n```\nrecieve definately\n```\n") == []


def test_hyphenated_split_word_suggests_one_word() -> None:
    found = el501("Most new-borns sleep a lot.\n")
    assert len(found) == 1 and found[0].suggestion == "newborns"


def test_user_vocabulary_accept_and_reject() -> None:
    assert el501("We love Snugglepod wraps and snugglepods.\n") != []
    assert el501("We love snugglepods.\n", spelling={"accept": ["snugglepods"]}) == []
    found = el501("A tummy ache is common.\n", spelling={"reject": ["tummy"]})
    assert [f.data["word"] for f in found] == ["tummy"] and "avoid" in found[0].message


def test_house_reject_list_with_replacement() -> None:
    found = el501("Buy a pacifer and alot of wipes.\n")
    assert [(f.data["word"], f.suggestion) for f in found] == [("pacifer", "pacifier"), ("alot", "a lot")]


def test_fix_edits_replace_the_word_in_the_source() -> None:
    report = lint_text("Intro.\n\nWe *definately* agree.\n", path="x.md", config={"select": ["EL501"]})
    (f,) = report.findings
    (edit,) = f.fixes
    src = "Intro.\n\nWe *definately* agree.\n"
    assert src[edit.start:edit.end] == "definately" and edit.text == "definitely"


def test_long_garbage_word_is_bounded() -> None:
    word = "x" * 30
    found = el501(f"The {word} thing.\n")
    assert len(found) == 1 and found[0].suggestion is None


def test_suggestions_for_garbled_words_are_fast() -> None:
    """pyspellchecker's distance-2 search runs ~10.7 million Python lines on such a word; ours stays under a
    fifth of that (work counted in lines, not timed, so a busy machine does not fail the test)."""
    import spellchecker

    speller = sp.Speller()
    speller.suggestions("a", 1)  # loads the dictionary and the similarity index
    library = str(Path(spellchecker.__file__).parent)
    assert work(lambda: speller.suggestions("xqzvbnmkhjgf"), library) < 2_000_000
    assert speller.suggestions("xqzvbnmkhjgf") == ()
    assert speller.suggestions("tommorow")[0] == "tomorrow"  # distance 2, found by the similarity search


def _pack_registry(tmp_path: Path, body: str) -> Registry:
    pack = tmp_path / "house.toml"
    pack.write_text(body, encoding="utf-8")
    return Registry.default([pack])


def test_bad_vocabulary_data_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(DataFileError, match="accept") as err:
        _pack_registry(tmp_path, "[data.vocabulary]\naccept = [1, 2]\n")
    assert err.value.path is not None and err.value.path.endswith("house.toml") and err.value.line == 2


def test_bad_pair_data_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(DataFileError, match="pairs") as err:
        _pack_registry(tmp_path, '[data.us-uk.dimensions.x]\nlabels = ["US", "UK"]\n'
                       'variants = ["en-US", "en-GB"]\npairs = [["color", "Colour!"]]\n')
    assert err.value.line == 4
    with pytest.raises(DataFileError, match="pairs"):  # both sides the same word
        _pack_registry(tmp_path, '[data.us-uk.dimensions.us-uk]\npairs = [["color", "color"]]\n')


def test_unknown_spelling_config_key_is_an_error() -> None:
    with pytest.raises(ConfigError, match="spelling"):
        lint_text("x\n", path="x.md", config={"spelling": {"varient": "en-GB"}})


def test_no_spacy_needed() -> None:
    from editlint import Registry

    reg = Registry.default()
    assert reg.check_types["spelling"].needs == frozenset()
    assert reg.check_types["mixed-spelling"].needs == frozenset()


# -- EL505 ----------------------------------------------------------------------------------------
def test_mixed_reports_minority_with_majority_related() -> None:
    text = "The color is bright.\n\nThat colour is nice, a favorite color.\n"
    found = el505(text)
    assert len(found) == 1
    f = found[0]
    assert (f.line, f.column, f.data["word"], f.suggestion) == (3, 6, "colour", "color")
    assert [(r.line, r.column) for r in f.related] == [(1, 5), (3, 24), (3, 33)]
    assert "UK spelling 'colour'" in f.message and "mostly US" in f.message


def test_majority_uk_reports_us_forms() -> None:
    found = el505("Your paediatrician likes colour. A bright colour helps. The color fades.\n")
    assert [(f.data["word"], f.suggestion) for f in found] == [("color", "colour")]


def test_tie_follows_house_variant() -> None:
    text = "One color and one colour.\n"
    assert [f.data["word"] for f in el505(text)] == ["colour"]
    assert [f.data["word"] for f in el505(text, spelling={"variant": "en-GB"})] == ["color"]


def test_ize_ise_is_its_own_dimension() -> None:
    # Oxford spelling: UK "colour" with "organize" is consistent.
    assert el505("Organize the colour charts and recognize the flavour.\n") == []
    found = el505("Organize meals, recognize cues and organise naps. Realize it.\n")
    assert [f.data["word"] for f in found] == ["organise"]


def test_plural_and_case() -> None:
    found = el505("Colours matter. Colors and colors again.\n")
    assert [(f.data["word"], f.suggestion) for f in found] == [("Colours", "Colors")]


def test_enforce_variant() -> None:
    assert el505("The colour is bright.\n") == []
    found = el505("The colour is bright.\n", spelling={"variant": "en-US", "enforce-variant": True})
    assert [f.suggestion for f in found] == ["color"]


def test_words_in_urls_and_code_do_not_count() -> None:
    assert el505("The color is fine. See https://example.co.uk/colour and `colour`.\n") == []


# -- samples --------------------------------------------------------------------------------------
@pytest.mark.parametrize("name", CLEAN)
def test_clean_samples_have_no_spelling_findings(name: str) -> None:
    path = SAMPLES / name
    report = lint_text(path.read_text(encoding="utf-8"), path=str(path), config={"select": ["EL5"]})
    assert codes(report, "warning") == []


def test_flawed_sample_misspellings_and_mixed_spelling() -> None:
    path = SAMPLES / "first-finger-foods.txt"
    report = lint_text(path.read_text(encoding="utf-8"), path=str(path),
                       config={"select": ["EL501", "EL505"]})
    got = sorted((f.rule, f.line, f.data["word"]) for f in report.findings)
    assert got == [("EL501", 16, "definately"), ("EL501", 35, "recieve"), ("EL505", 35, "colour")]


def test_spellchecker_dictionary_loads_offline() -> None:
    """The dictionary is inside the wheel: loading it touches no network."""
    import socket

    real = socket.socket

    class NoNet(real):  # type: ignore[misc, valid-type]
        def connect(self, *a: object, **k: object) -> None:
            raise AssertionError("network used")

    socket.socket = NoNet  # type: ignore[misc]
    try:
        from spellchecker import SpellChecker

        assert "definitely" in SpellChecker(language="en")
    finally:
        socket.socket = real  # type: ignore[misc]


@pytest.mark.parametrize("code", ["EL501", "EL505"])
def test_rule_docs_examples(code: str) -> None:
    from editlint import Registry

    rule = Registry.default().rules[code]
    assert [f.rule for f in lint_snippet(rule.docs.fail, select=[code]).findings] == [code]
    assert lint_snippet(rule.docs.passing, select=[code]).findings == []


@pytest.mark.parametrize("word", ["syncytial", "nirsevimab", "handprints", "drooly", "rotavirus",
                                  "playdough"])
def test_house_vocabulary_from_the_style_corpus(word: str) -> None:
    # Real terms the style corpus used that the dictionary lacks (RSV, crafts, teething).
    text = f"# Notes\n\nThe word {word} appears in this sentence.\n"
    assert codes(lint_snippet(text, select=["EL501"])) == []


def test_misspellings_next_to_house_words_still_flagged() -> None:
    text = "# Notes\n\nHandprints are definately fun, and recipies can change.\n"
    found = [f for f in lint_snippet(text, select=["EL501"]).findings if f.rule == "EL501"]
    assert [(f.line, f.column) for f in found] == [(3, 16), (3, 36)]


# -- domain vocabulary (rules/data/vocabulary/, generated by scripts/build-vocabulary.py) ------------------
@pytest.mark.parametrize("text", [
    # medicines, from the drug list: allergy, eczema and thrush treatment
    "Loratadine or cetirizine can ease hay fever, and mometasone cream calms a flare.",
    # medical terms, from the ICD-10-CM list: infections and skin
    "Bronchiolitis and meningococcal disease need a doctor; hyperpigmented patches usually fade.",
    # everyday web words (wordfreq): platforms and informal words in a screen-time piece
    "Grandparents on whatsapp and tiktok love jammies photos of a snuggly toddler at naptime.",
    # derived words: a prefix or a plural ending on a known word
    "Reswaddle a baby who wakes overbundled; naptimes shift through toddlerhood.",
])
def test_domain_words_are_accepted(text: str) -> None:
    assert el501(f"# Notes\n\n{text}\n") == []


@pytest.mark.parametrize("text,words", [
    ("Most toddlers enjoy helthy snacks after naptime.", ["helthy"]),
    ("Give cetirizine once a day and recieve the leaflet from the pharmacist.", ["recieve"]),
    ("Check the nappy often during breastfeding and teethng.", ["breastfeding", "teethng"]),
    ("Dont panic if the baby dosnt settle.", ["Dont", "dosnt"]),  # a dropped apostrophe is a typo
])
def test_typos_next_to_domain_words_are_caught(text: str, words: list[str]) -> None:
    assert [f.data["word"] for f in el501(f"# Notes\n\n{text}\n")] == words


def test_prefixed_or_plural_typo_near_a_word_is_caught() -> None:
    # "reember" is "re" + "ember" and "thes" is "the" + "s", but each is one edit from a common word
    found = el501("# Notes\n\nI reember thes days well.\n")
    assert [f.data["word"] for f in found] == ["reember", "thes"]


def test_edit_one_typos_are_rarely_accepted_and_real_words_mostly_are() -> None:
    """The trade-off the generated lists must keep (scripts/measure-vocabulary.py measures it in full)."""
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parent.parent / "scripts" / "measure-vocabulary.py"
    spec = importlib.util.spec_from_file_location("measure_vocabulary", path)
    assert spec is not None and spec.loader is not None
    measure = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(measure)
    reg = Registry.default()
    speller = reg.data("speller")
    lex = sp.lexicon(reg.data("vocabulary"), reg.data("us-uk"))
    typos = measure.corruptions(n_words=600, per_word=2)
    accepted = [t for t in typos if sp.accepts(t, lex, speller)]
    assert len(typos) > 800 and len(accepted) / len(typos) < 0.01, accepted
    probes = measure.probe_words()
    real = [w for k in ("informal", "medical", "drug") for w in probes[k] if w not in speller.spell]
    assert sum(sp.accepts(w, lex, speller) for w in real) / len(real) >= 0.8
    misspelt = probes["misspelling"]
    assert sum(sp.accepts(w, lex, speller) for w in misspelt) / len(misspelt) <= 0.1


def test_generated_lists_ship_with_their_licence() -> None:
    from editlint.rules import load_data, rules_dir

    lists = load_data("data/vocabulary.toml")["lists"]
    assert lists
    for rel in lists:
        words = sp.word_list(Registry.default().data_store.read_text(rel))
        assert len(words) > 1000 and all(w == w.casefold() and " " not in w for w in words)
    folder = rules_dir() / "data" / "vocabulary"
    licence = (folder / "LICENCE").read_text(encoding="utf-8")
    assert all(name.split("/")[-1] in licence for name in lists)


def test_missing_word_list_is_a_config_error(tmp_path: Path) -> None:
    reg = _pack_registry(tmp_path, '[data.vocabulary]\nlists = ["vocabulary/nope.txt"]\n')
    with pytest.raises(ConfigError, match="cannot be read") as err:
        reg.data("vocabulary")
    assert err.value.path is not None and err.value.path.endswith("nope.txt")


# -- what is not prose to spell -----------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    'In Japan a "kotatsu" (a low heated table) keeps toddlers warm.',  # gloss in brackets
    'Our Welsh neighbour swears by a "cwtch" - a long cuddle - at bedtime.',  # gloss after a dash
    "We learnt the Welsh 'cwtch' from Nain.",  # a language name before the quote
    'Her word "wubbles" means bubbles, and her brother is "Bobo", called "Bibbo" by the twins.',
])
def test_glossed_quoted_terms_are_skipped(text: str) -> None:
    assert el501(f"# Notes\n\n{text}\n") == []


def test_quoted_typo_without_gloss_is_still_caught() -> None:
    found = el501('# Notes\n\nThe label said "definately safe" for newborns.\n')
    assert [f.data["word"] for f in found] == ["definately"]


def test_reference_section_and_citation_lines_are_skipped() -> None:
    text = ("# Fever\n\nA fevr is common.\n\n## References\n\n"
            "- Okafor Q, Lindqvist TR. Antipyretc use in infnts. Arch Dis Chld. 2019;104(3):211-7. "
            "doi:10.1136/xyz\n- Brandt H. Kinderschlaf und Fieber. Berlin: Lehmann; 2008.\n\n"
            "## Next steps\n\nCall the docter.\n")
    assert [f.data["word"] for f in el501(text)] == ["fevr", "docter"]


def test_citation_line_in_body_is_skipped_but_prose_is_not() -> None:
    text = ("# Screens\n\nScreen tyme matters (see below).\n\n"
            "Marchetti L, Osei K. Tablet use in todlers. J Child Hlth. 2021;9(2):14-20.\n")
    assert [f.data["word"] for f in el501(text)] == ["tyme"]


def test_urls_attributes_handles_and_soft_hyphens() -> None:
    text = ("# Notes\n\nType https:// then the address, set alt=\"snuglbaby\" and charset=utf8, "
            "follow @sleepymumz and #tummytyme, and read about vul\u00adnerable babies.\n")
    assert el501(text) == []
    found = el501("# Notes\n\nA recie\u00adve here.\n")
    assert [f.data["word"] for f in found] == ["recie\u00adve"]


# -- capitals: typos in headings are checked, names are not ---------------------------------------------
def test_capitalised_typos_in_title_case_headings_are_caught() -> None:
    found = el501("# Helthy Snacks for Busy Parents\n\nFine text.\n")
    assert [(f.line, f.data["word"]) for f in found] == [(1, "Helthy")]
    found = el501("## Sleep Regresions and Growth Spurts\n\nFine text.\n")
    assert [f.data["word"] for f in found] == ["Regresions"]


def test_names_in_sentence_case_headings_and_multiword_names_are_skipped() -> None:
    assert el501("# What Dr Okonkwo says about sleep\n\nFine text.\n") == []
    assert el501("# Notes\n\nBrindlewood Tots runs a playgroup. We went to Brindlewood Tots.\n") == []
    # the possessive of a name seen mid-sentence is the name
    assert el501("# Notes\n\nWe asked Quillaby about it. Quillaby's answer was kind.\n") == []


# -- EL505: proper names and shared spellings -------------------------------------------------------------
def test_fetal_is_not_evidence_of_us_spelling() -> None:
    # UK medical style writes "fetal" and "fetus"; neither is mixing with "colour" or "paediatrician"
    text = "The paediatrician checks fetal growth. The fetus moves; colour scans help. Colour matters.\n"
    assert el505(text) == []
    assert el501(text) == []


def test_organisation_name_keeps_its_spelling_in_el505() -> None:
    text = ("Ask the Royal College of Paediatrics about it. Pediatric care differs.\n\n"
            "A pediatric nurse can help with pediatric questions.\n")
    assert el505(text) == []


def test_babble_and_le_adjectives_are_words_but_held_letters_are_not() -> None:
    # "waddly" is derived from "waddle" (-le verb, -ly adjective); babble repeats a syllable
    text = "# Talk\n\nAt nine months she says \"gagaga\" and \"bobobo\" in a waddly, tiptoe walk.\n"
    assert el501(text) == []
    assert [f.data["word"] for f in el501("# Talk\n\nHe said helllo to the tomorow crowd.\n")] == [
        "helllo", "tomorow"]


# -- whole articles of domain language come back untouched from --fix ------------------------------------
_DOMAIN_ARTICLES = {
    "bath-time.md": (
        "# Bath Time Without Tears\n\n"
        "Most toddlers love splashing, but a few scream the moment their jammies come off. Whatever the "
        "Lansinoh tub says, keep the water warm and the room cosy.\n\n"
        'In Italy, grandparents call the evening wash "il bagnetto" (the little bath).\n\n'
        "If your child has eczema, ask about emollients or a mild hydrocortisone cream; cetirizine can "
        "help the itch at night. See https://example.org/bath-tips or #bathtime on instagram.\n\n"
        "## Sources\n\n"
        "- Haddad R, Ferreira P. Emollient bathing in infants. Pediatr Dermatol. 2020;37(4):612-8.\n"),
    "car-journeys.html": (
        "<h1>Long car journeys with a baby</h1>\n"
        "<p>Plan stops every two hours: a newborn should not stay in a car seat for long stretches.</p>\n"
        "<p>Pack wipes, a spare onesie, snacks and a tablet with downloaded cartoons.</p>\n"
        "<p>Our Finnish friends swear by the word &quot;eväät&quot; for a packed lunch, and a "
        "&quot;kaverikuski&quot; (a shared lift) with another family.</p>\n"
        "<p>Motion sickness? Ask the pharmacist whether dimenhydrinate suits your child's age.</p>\n"),
}


@pytest.mark.parametrize("name", sorted(_DOMAIN_ARTICLES))
def test_domain_article_is_byte_identical_after_fix(name: str, tmp_path: Path) -> None:
    from editlint.cli import main

    path = tmp_path / name
    original = _DOMAIN_ARTICLES[name].encode("utf-8")
    path.write_bytes(original)
    assert main(["check", "--select", "EL5", "--fail-on", "warning", "--fix", str(path)]) == 0
    assert path.read_bytes() == original


def test_a_heading_that_only_starts_like_a_reference_heading_is_prose() -> None:
    text = ("# Iron\n\n## Sources of iron\n\nRed meat and lentls are good.\n\n"
            "## References and notes\n\nLentls X.\n")
    assert [f.data["word"] for f in el501(text)] == ["lentls"]


def test_citation_lines_do_not_count_as_mixed_spelling() -> None:
    text = ("The color chart helps. Another color follows.\n\n"
            "Lund K, Abara T. Colour vision in infants. Paed Rev. 2018;39(2):55-61.\n")
    assert el505(text) == []


def test_family_words_with_ie_endings_derive_but_near_typos_do_not() -> None:
    # "froggies" (frog, doubled g), "sheepie" (sheep), "teethies", "bathies": family words, not in any list
    text = "# Bedtime\n\nSay night-night to the froggies, the sheepie and the teethies after bathies.\n"
    assert el501(text) == []
    # "sockies" stays flagged: "sickies" and "rockies" are one edit away
    assert [f.data["word"] for f in el501("# Bedtime\n\nPut on the sockies.\n")] == ["sockies"]


def test_able_and_agent_endings_derive_from_known_words() -> None:
    # "dunkable" (dunk), "grippable" (grip, doubled p), "spoonable" (spoon): none is in a list
    text = "# Weaning\n\nPick dunkable toast, grippable spoons and spoonable purées.\n"
    assert el501(text) == []
    # a typo shaped like a derivation is still caught when a real word is one edit away
    assert [f.data["word"] for f in el501("# Weaning\n\nThe runer ran.\n")] == ["runer"]


@pytest.mark.parametrize("text", [
    "Most two-year-olds nap once a day.",  # hyphenated age compound
    "Pureed fruit suits 7 to 9 month olds; mashed food suits 10 month olds.",  # spaced, after a number
    "Swimming lessons for three week olds are rare.",
])
def test_plural_of_an_age_compound_is_a_word(text: str) -> None:
    assert el501(f"# Ages\n\n{text}\n") == []


def test_a_plural_typo_after_a_number_and_an_ordinary_noun_is_still_caught() -> None:
    assert [f.data["word"] for f in el501("# Ages\n\nThree cold thes came.\n")] == ["thes"]


# -- fix safety: an automatic fix must never change the meaning (issue 11) -------------------------------
@pytest.mark.parametrize(("word", "cand", "slip"), [
    ("definately", "definitely", True),   # a vowel inside the word
    ("gardn", "garden", True),            # a dropped letter
    ("plannt", "plant", True),            # a doubled letter
    ("wheele", "wheel", True),            # an added letter
    ("recieve", "receive", True),         # neighbours swapped
    ("uprooting", "unrooting", False),    # a consonant changed: maybe another word part
    ("fungi", "fungo", False),            # the last letter: a Latin or inflected ending
    ("tentpeg", "tenting", False),        # two edits: a guess
])
def test_only_typing_slips_are_safe_corrections(word: str, cand: str, slip: bool) -> None:
    assert sp._typing_slip(word, cand) is slip


def test_compounds_of_two_words_are_recognised() -> None:
    spell = Registry.default().data("speller").spell
    assert sp._compound("sandpit", spell) and sp._compound("upcycling", spell)
    assert not sp._compound("definately", spell) and not sp._compound("recieve", spell)


def _misspell(word: str, i: int, kind: str) -> str:
    """A generated misspelling of ``word`` at letter ``i``."""
    if kind == "consonant":  # replace a consonant by another consonant
        return word[:i] + ("t" if word[i] != "t" else "d") + word[i + 1:]
    if kind == "ending":  # change the last letter
        return word[:-1] + ("i" if word[-1] != "i" else "a")
    return word[:i] + word[i + 1:]  # "drop": lose a letter


@pytest.mark.parametrize("word", ["kitchen", "umbrella", "swimming", "picnic", "bicycle", "holiday",
                                  "library", "compost", "scissors", "stroller"])
def test_no_automatic_fix_that_may_change_the_word(word: str) -> None:
    """Generated misspellings: a dropped letter may be fixed; a changed consonant or last letter is only
    suggested (its candidate could be another word), whatever the word."""
    for kind, i in (("consonant", 2), ("ending", 0)):
        bad = _misspell(word, i, kind)
        for f in el501(f"# Notes\n\nWe packed the {bad} today.\n"):
            assert not f.fixes, (kind, bad, f.suggestion)
    dropped = [f for f in el501(f"# Notes\n\nWe packed the {_misspell(word, 3, 'drop')} today.\n")]
    assert all(e.text == word for f in dropped for e in f.fixes)


@pytest.mark.parametrize("text", [
    "The rocket launch was scrubbed; we waited ten-ish minutes and then went home.",
    "Her drawings have a cartoon-esque charm, and the picnic started at noon-ish.",
    "A sockless toddler on cold tiles, a napless afternoon and a spotless kitchen.",
])
def test_hyphenated_and_less_endings_on_words_are_words(text: str) -> None:
    assert el501(f"# Notes\n\n{text}\n") == []


@pytest.mark.parametrize(("text", "word"), [
    ("It was a ten-ihs minute walk.", "ihs"),        # a typo of the ending is still caught
    ("A pointlees argument about bedtime.", "pointlees"),  # a typo next to a -less word
])
def test_endings_do_not_hide_typos(text: str, word: str) -> None:
    assert word in [f.data["word"] for f in el501(f"# Notes\n\n{text}\n")]
