"""Kinds of language the claim model reads since a seventh held-out grammar and a real-article audit
(issue 13), each tested on topics of this file's own, with the consistent twins that must stay silent:
advice in a "we recommend that you X" clause and "it's best not to X"; a frequency ("every day") is a
detail, not the object; a governing clause's age limits its complement ("After six months it is fine to
X"); a promised normal ("perfectly normal", "nothing to worry about") against a possible emergency;
"get X checked by a doctor"; "it's a myth that P" and "the idea that P is wrong" deny P; "by the time X,
already Y" with the verb the tagger calls an adjective; "only after X do children Y"; "from X-ing with a Z
to Y-ing"; a particle or a preposition names the same object; a pro-verb "do" with no object is no advice;
the courses of one meal are no order of stages; a share ("mostly") is no onset.
"""

from __future__ import annotations

import pytest
from test_claims_facts import article, links, of_kind, run

from editlint.nlp import load_model, repair_tags

FILLER = "Every family finds its own rhythm."


def pair(a: str, b: str) -> tuple[list[dict[str, object]], list[tuple[str, int, set[int]]]]:
    return run(article(a, FILLER, b))


# -- advice in a that-clause; "it's best not to" -----------------------------------------------------------
@pytest.mark.parametrize(("advice", "other", "contradicts"), [
    ("We recommend that you trim your toddler's nails after a bath.", "Never trim your toddler's nails.",
     True),
    ("Dentists suggest that parents brush the gums with a soft cloth.",
     "Don't brush the gums with a soft cloth.", True),
    ("We recommend that you don't rinse after brushing.", "You can rinse after brushing.", True),
    ("We recommend that you trim your toddler's nails after a bath.",
     "We recommend that you file your toddler's nails.", False),
])
def test_a_recommended_clause_is_advice(advice: str, other: str, contradicts: bool) -> None:
    _, found = pair(advice, other)
    assert links(found, "EL303", 3, 7) is contradicts, found


def test_evidence_that_suggests_is_no_advice() -> None:
    claims, _ = run(article("Studies suggest that parents who sing to babies raise calmer sleepers."))
    assert of_kind(claims, "advice") == []


@pytest.mark.parametrize(("best", "fine"), [
    ("It's best not to use cotton buds in the ear.", "It is fine to use cotton buds in the ear."),
    ("It's best not to wake a napping toddler.", "It is okay to wake a napping toddler."),
])
def test_best_not_to_forbids(best: str, fine: str) -> None:
    claims, found = pair(best, fine)
    assert [a["polarity"] for a in of_kind(claims, "advice")] == [-1, 1]
    assert links(found, "EL303", 3, 7), found


@pytest.mark.parametrize("sentence", ["Wash your baby's hair every day.", "Sing to your baby every day."])
def test_a_frequency_is_a_detail_not_the_object(sentence: str) -> None:
    claims, _ = run(article(sentence))
    advice = of_kind(claims, "advice")[0]
    assert advice["object"] is None or advice["object"]["key"] != "day", advice
    assert "every-day" in advice["details"], advice


# -- the governing clause's age ---------------------------------------------------------------------------
@pytest.mark.parametrize(("young", "older", "contradicts"), [
    ("Avoid giving your baby cow's milk as a drink in the first six weeks.",
     "After six months it is fine to give your baby cow's milk as a drink.", False),
    ("Avoid using a pillow in the first year.", "After six months it is fine to use a pillow.", True),
    ("Avoid putting shoes on your baby in the first 10 months.",
     "From one year, we suggest that you put shoes on your baby.", False),
])
def test_a_fronted_age_limits_the_complement(young: str, older: str, contradicts: bool) -> None:
    claims, found = pair(young, older)
    scopes = [a["prov"]["age_scope"] for a in of_kind(claims, "advice")]
    assert all(s is not None for s in scopes), scopes
    assert links(found, "EL303", 3, 7) is contradicts, found


# -- promised normal; get X checked ---------------------------------------------------------------------
@pytest.mark.parametrize(("calm", "contradicts"), [
    ("Wobbly ankles in a toddler are perfectly normal.", True),
    ("Wobbly ankles in a toddler are nothing to worry about.", True),
    ("Wobbly ankles in a toddler are normal.", False),
    ("Wobbly ankles in a toddler are usually nothing to worry about.", False),
])
def test_a_promised_normal_against_a_possible_emergency(calm: str, contradicts: bool) -> None:
    _, found = pair(calm, "Wobbly ankles in a toddler can be a medical emergency.")
    assert links(found, "EL303", 3, 7) is contradicts, found


@pytest.mark.parametrize(("check", "calm"), [
    ("Always get a limp checked by a doctor.", "A limp is harmless."),
    ("Get a swollen knee checked straight away.", "A swollen knee is nothing to worry about."),
])
def test_get_it_checked_makes_a_warning_sign(check: str, calm: str) -> None:
    claims, found = pair(check, calm)
    assert [s["verdict"] for s in of_kind(claims, "stance")][0] == "warning-sign"
    assert links(found, "EL303", 3, 7), found


@pytest.mark.parametrize("sentence", [
    "Get your child's eyes checked at three years.",  # routine: no doctor, no urgency
    "I got my son's limp checked by a doctor.",  # a story, not a directive
    "Get the car seat checked by a fitter.",  # no clinician
])
def test_routine_checks_and_stories_are_no_warning_sign(sentence: str) -> None:
    claims, _ = run(article(sentence))
    assert [s for s in of_kind(claims, "stance") if s["verdict"] == "warning-sign"] == []


# -- myth frames ----------------------------------------------------------------------------------------
@pytest.mark.parametrize(("frame", "other", "contradicts"), [
    ("It's a myth that chocolate causes acne.", "Chocolate causes acne.", True),
    ("It is a misconception that cold baths cause colds.", "Cold baths cause colds.", True),
    ("It's not a myth that loud music causes hearing loss.", "Loud music does not cause hearing loss.", True),
    ("It's a myth that chocolate causes acne.", "Chocolate does not cause acne.", False),
])
def test_a_myth_frame_denies_its_clause(frame: str, other: str, contradicts: bool) -> None:
    _, found = pair(frame, other)
    assert links(found, "EL303", 3, 7) is contradicts, found


def test_a_myth_label_still_quotes_the_myth() -> None:
    _, found = pair("Myth: chocolate causes acne.", "Chocolate causes acne.")
    assert not links(found, "EL303", 3, 7), found


# -- order: by the time; inversion; from X to Y; identity ---------------------------------------------
def test_the_tag_repair_makes_a_modal_adjective_a_verb() -> None:
    nlp = load_model("en_core_web_sm")
    doc = repair_tags(nlp("It is safe to warm milk in a jug."))
    assert next(t for t in doc if t.lower_ == "warm").pos_ == "VERB"
    doc = repair_tags(nlp("The milk should be warm."))
    assert next(t for t in doc if t.lower_ == "warm").pos_ == "ADJ"


@pytest.mark.parametrize(("a", "b"), [
    ("By the time they build a tower, most toddlers can already stack two blocks.",
     "Toddlers stack two blocks after they build a tower."),
    ("Only after they can hum a tune do children sing a whole song.",
     "Children sing a whole song before they hum a tune."),
    ("Most children progress from babbling with a rhythm to singing a tune.",
     "Children sing a tune before they babble with a rhythm."),
])
def test_orders_in_less_common_constructions(a: str, b: str) -> None:
    claims, found = pair(a, b)
    assert of_kind(claims, "order")[0]["prov"]["construction"].startswith("order."), claims
    assert links(found, "EL301", 3, 7), found


def test_from_listening_to_music_is_no_progression_to_music() -> None:
    claims, _ = run(article("Most toddlers move from listening to music to dancing."))
    assert all(o["later"]["key"] != "music" for o in of_kind(claims, "order"))


def test_a_particle_and_a_preposition_name_the_same_object() -> None:
    claims, found = pair("Climbing up the slide is usually preceded by sliding down the slide.",
                         "Children master climbing up the slide first and sliding down the slide later.")
    orders = of_kind(claims, "order")
    keys = {o["earlier"]["key"] for o in orders} | {o["later"]["key"] for o in orders}
    assert len(keys - {"*"}) == 2, keys
    assert links(found, "EL301", 3, 7), found


def test_a_verb_with_its_own_phrase_does_not_share_the_next_object() -> None:
    claims, _ = run(article("Children master painting with a brush first and drawing a face later."))
    assert of_kind(claims, "order")[0]["earlier"]["key"] == "paint(brush)"


# -- precision on real articles' shapes -----------------------------------------------------------------
def test_a_pro_verb_lead_in_is_no_advice() -> None:
    _, found = pair("The first thing you should always do is to cool the burn under running water.",
                    "Things that you should not do:")
    assert not [f for f in found if f[0] == "EL303"], found


@pytest.mark.parametrize("sentence", [
    "From 8 months your baby can have the fruit before the yogurt.",
    "At lunch, offer the vegetables before the pasta.",
])
def test_the_courses_of_one_meal_are_no_order_of_stages(sentence: str) -> None:
    claims, found = run(article(sentence))
    assert of_kind(claims, "order") == [] and not [f for f in found if f[0] == "EL304"], (claims, found)


@pytest.mark.parametrize(("share", "onset"), [
    ("At 2 years your toddler should be drinking mostly water.",
     "At 2 years your toddler should start drinking water."),
    ("By 3 years most children sleep mainly in their own bed.",
     "By 3 years most children sleep in their own bed."),
])
def test_a_share_is_no_onset(share: str, onset: str) -> None:
    shared, _ = run(article(share))
    started, _ = run(article(onset))
    assert of_kind(shared, "age") == [] and of_kind(started, "age") != [], (shared, started)


@pytest.mark.parametrize(("avoided", "fine"), [
    ("Wiping your baby's gums every night should be avoided.",
     "It is fine to wipe your baby's gums every night."),
    ("Tickling your toddler before bed should be avoided.", "Feel free to tickle your toddler before bed."),
])
def test_a_leading_gerund_misread_as_a_clause_is_the_avoided_act(avoided: str, fine: str) -> None:
    _, found = pair(avoided, fine)
    assert links(found, "EL303", 3, 7), found


# -- one subject for one object: "the leading cause of Y" ---------------------------------------------
@pytest.mark.parametrize(("a", "b", "contradicts"), [
    ("Sunburn is the main cause of blisters in summer.",
     "Tight shoes are the main cause of blisters in summer.", True),
    ("Colds are the most common reason for missed nursery sessions across all ages.",
     "The most common reason for missed nursery sessions for children under two years is tummy bugs.", True),
    ("Falls are the leading cause of injury for children aged 1 to 4.",
     "The leading cause of injury for babies under one year is burns.", False),
    ("Sunburn is the main cause of blisters in summer.",
     "Sunburn is the most common cause of blisters in summer.", False),
    ("Sunburn is one of the main causes of blisters.", "Tight shoes are the main cause of blisters.", False),
])
def test_rival_leading_causes(a: str, b: str, contradicts: bool) -> None:
    _, found = pair(a, b)
    assert links(found, "EL303", 3, 7) is contradicts, found


# -- a second fresh grammar (8), round 2 -------------------------------------------------------------------
@pytest.mark.parametrize(("a", "b", "code", "contradicts"), [
    ("Ten months is the age when most babies wave bye-bye.", "Most babies wave bye-bye at 3 years.", "EL302",
     True),
    ("Ten months is the age when most babies wave bye-bye.", "Most babies wave bye-bye at about 10 months.",
     "EL302", False),
    ("A stiff neck can signal a serious infection.", "A stiff neck is nothing to worry about.", "EL303",
     True),
    ("Chocolate is often wrongly blamed for spots.", "Chocolate causes spots.", "EL303", True),
    ("Chocolate is often wrongly blamed for spots.", "Chocolate does not cause spots.", "EL303", False),
    ("It helps to warm the towel first.", "Never warm the towel.", "EL303", True),
    ("Parents are encouraged to use a night light.", "Avoid using a night light.", "EL303", True),
    ("You are advised not to share spoons with your baby.", "It is fine to share spoons with your baby.",
     "EL303", True),
    ("You can go ahead and trim the fringe.", "Don't ever trim the fringe.", "EL303", True),
    ("Humming is the first of these skills; whistling is the second.", "Children whistle before they hum.",
     "EL301", True),
    ("Humming is the first skill, and whistling is the next.", "Children hum before they whistle.", "EL301",
     False),
    ("From about 10 months, children start to point at pictures.",
     "From about 3 years, children start to point at pictures.", "EL302", True),
    ("From 6 months, you can offer water.", "From 12 months, you can offer water in an open cup.", "EL302",
     False),
    ("Call 111 if your child has a swollen ankle.", "A swollen ankle is not serious.", "EL303", True),
])
def test_round_two_kinds(a: str, b: str, code: str, contradicts: bool) -> None:
    _, found = pair(a, b)
    assert links(found, code, 3, 7) is contradicts, found


# -- an efficacy verdict is for something --------------------------------------------------------------
@pytest.mark.parametrize(("a", "b", "contradicts"), [
    ("Honey helps with coughs.", "Honey does not help with teething pain.", False),
    ("A cool flannel soothes sore gums.", "A cool flannel does not help a fever.", False),
    ("Massage helps colic.", "Massage does not help colic.", True),
    ("Massage helps colic.", "Massage does not work.", True),
    ("Rocking helps babies with wind.", "Rocking does not help wind.", True),
])
def test_an_efficacy_verdict_is_for_its_target(a: str, b: str, contradicts: bool) -> None:
    _, found = pair(a, b)
    assert links(found, "EL303", 3, 7) is contradicts, found


@pytest.mark.parametrize(("suggest", "other", "contradicts"), [
    ("Consider using a white noise machine.", "Avoid using a white noise machine.", True),
    ("Consider giving a dummy at nap time.", "Never give a dummy at nap time.", True),
    ("Consider using a white noise machine.", "Consider using a night light.", False),
])
def test_consider_x_ing_suggests_x(suggest: str, other: str, contradicts: bool) -> None:
    _, found = pair(suggest, other)
    assert links(found, "EL303", 3, 7) is contradicts, found


# -- a story about the writer's own child; "no longer" -----------------------------------------------------
@pytest.mark.parametrize(("general", "story"), [
    ("Most babies crawl before they walk.", "My daughter walked before she crawled."),
    ("Toddlers use a cup before they use a straw.", "Our twins started using a straw before using a cup."),
])
def test_a_story_about_ones_own_child_is_no_claim(general: str, story: str) -> None:
    claims, found = pair(general, story)
    assert [o["prov"]["reported"] for o in of_kind(claims, "order")][-1] is True
    assert not [f for f in found if f[0] == "EL301"], found


def test_no_longer_advising_is_advising_against() -> None:
    _, found = pair("Experts no longer advise using a cot bumper.", "You should not use a cot bumper.")
    assert not [f for f in found if f[0] == "EL303"], found
    _, found = pair("Experts no longer advise using a cot bumper.", "You can use a cot bumper.")
    assert links(found, "EL303", 3, 7), found
