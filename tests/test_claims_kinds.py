"""Kinds of language the claim model reads since a fifth held-out grammar (issue 13), each tested on
topics of this file's own: "rarely" denies the usual case; a gerund the parser hangs on its object is
the act; "let / allow your child X" advises X; a passive "should be avoided" on an act done to the child;
"call your doctor about X"; "no link between X and Y" under any verb; "don't usually X until N" as the
usual onset; a child's bare age ("once your child is three") as an age scope; amounts of bare degrees,
levels an object is kept at and counts of things per period; ages are not events of an order; "X usually
precedes Y" read as a noun. Each kind has its contradicting pairs and the consistent twins that must stay
silent.
"""

from __future__ import annotations

import pytest
from test_claims_facts import article, links, of_kind, run

FILLER = "Every family finds its own rhythm."


def pair(a: str, b: str) -> tuple[list[dict[str, object]], list[tuple[str, int, set[int]]]]:
    return run(article(a, FILLER, b))


def el3(found: list[tuple[str, int, set[int]]]) -> list[str]:
    return [code for code, _, _ in found if code.startswith("EL3")]


# -- "rarely X" is "usually not X" ------------------------------------------------------------------------
@pytest.mark.parametrize(("rare", "other", "contradicts"), [
    ("A dry cough at night is rarely a cause for concern.", "A dry cough at night is a warning sign.", True),
    ("Dry patches on a newborn are seldom a warning sign.", "Dry patches on a newborn are a red flag.", True),
    ("A dry cough at night is rarely a cause for concern.", "A dry cough at night is usually harmless.",
     False),
])
def test_rarely_denies_the_usual_case(rare: str, other: str, contradicts: bool) -> None:
    claims, found = pair(rare, other)
    first = of_kind(claims, "stance")[0]
    assert first["verdict"] == "normal" and first["prov"]["hedge"] == "majority", first
    assert links(found, "EL303", 3, 7) is contradicts, found


def test_rarely_before_an_age_is_not_before_it() -> None:
    claims, found = pair("Toddlers rarely ride a balance bike before 2 years.",
                         "Most toddlers ride a balance bike at 14 months.")
    relations = [a["relation"] for a in of_kind(claims, "age")]
    assert relations[0] == "not-before" and "at" in relations[1:], relations
    assert links(found, "EL302", 3, 7), found


# -- a gerund read as its object's modifier ------------------------------------------------------------
@pytest.mark.parametrize(("gerund", "verb"), [
    ("Blowing kisses usually starts at 10 months.", "Children don't usually blow kisses until 3 years."),
    ("Throwing balls usually starts at 12 months.", "Children don't usually throw balls until 4 years."),
])
def test_a_leading_gerund_names_the_same_act_as_the_verb(gerund: str, verb: str) -> None:
    claims, found = pair(gerund, verb)
    keys = {a["concept"]["key"] for a in of_kind(claims, "age")}
    assert len(keys) == 1, keys
    assert links(found, "EL302", 3, 7), found


def test_a_determiner_keeps_the_participle_an_adjective() -> None:
    claims, _ = run(article("A sleeping bag is the safest bedding."))
    assert all(c.get("thing", {}).get("head") != "sleep" for c in of_kind(claims, "stance"))


# -- "let / allow your child X" --------------------------------------------------------------------------
@pytest.mark.parametrize(("yes", "no"), [
    ("You can let your toddler climb the garden steps.", "Never let your toddler climb the garden steps."),
    ("Allow your baby to splash in the bath.", "Don't allow your baby to splash in the bath."),
])
def test_letting_the_child_act_is_advice_on_the_act(yes: str, no: str) -> None:
    claims, found = pair(yes, no)
    advice = of_kind(claims, "advice")
    assert [a["action"] for a in advice][:2] in (["climb", "climb"], ["splash", "splash"]), advice
    assert links(found, "EL303", 3, 7), found


def test_letting_the_child_do_different_things_is_no_contradiction() -> None:
    _, found = pair("Let your toddler pour their own water.", "Never let your toddler play near the pond.")
    assert el3(found) == [], found


# -- an act done to the child, advised against in the passive -----------------------------------------------
@pytest.mark.parametrize(("passive", "active"), [
    ("Rocking a baby to sleep every night should be avoided.",
     "You can rock your baby to sleep every night."),
    ("Feeding a toddler in front of the television is not recommended.",
     "Feel free to feed your toddler in front of the television."),
])
def test_a_passive_on_an_act_done_to_the_child(passive: str, active: str) -> None:
    _, found = pair(passive, active)
    assert links(found, "EL303", 3, 7), found


# -- "call your doctor about X" ---------------------------------------------------------------------------
@pytest.mark.parametrize(("referral", "calm", "contradicts"), [
    ("Call your GP about a rash that does not fade under a glass.",
     "A rash that does not fade under a glass is nothing to worry about.", True),
    ("Speak to a pharmacist about a cough that lasts three weeks.",
     "A cough that lasts three weeks is perfectly normal.", True),
    ("There is no need to call your GP about milk spots.", "Milk spots are perfectly normal.", False),
    ("My neighbour called her doctor about milk spots.", "Milk spots are perfectly normal.", False),
])
def test_a_referral_about_a_thing_makes_it_a_warning_sign(referral: str, calm: str,
                                                           contradicts: bool) -> None:
    _, found = pair(referral, calm)
    assert links(found, "EL303", 3, 7) is contradicts, found


def test_questions_about_a_topic_are_no_referral() -> None:
    claims, _ = run(article("Talk with your doctor for more questions about adding nut butters."))
    assert of_kind(claims, "stance") == []


# -- "no link between X and Y" under any verb -------------------------------------------------------------
@pytest.mark.parametrize("denial", [
    "Research shows no connection between dummies and crooked teeth.",
    "Studies have found no link between dummies and crooked teeth.",
])
def test_no_link_under_a_reporting_verb_denies_it(denial: str) -> None:
    claims, found = pair(denial, "Dummies cause crooked teeth.")
    assert {p["polarity"] for p in of_kind(claims, "proposition")} == {-1, 1}
    assert links(found, "EL303", 3, 7), found


# -- "don't usually X until N": the usual onset -------------------------------------------------------------
@pytest.mark.parametrize(("a", "b", "contradicts"), [
    ("Children don't usually skip until 5 years.", "Children don't usually skip until 18 months.", True),
    ("Babies don't usually clap until 9 months.", "Most babies clap at about 2 years.", True),
    ("Babies don't usually clap until 9 months.", "Most babies clap at about 10 months.", False),
    ("Don't give your baby nuts until 12 months.", "You can give your child nuts at 3 years.", False),
])
def test_not_until_names_the_usual_onset(a: str, b: str, contradicts: bool) -> None:
    _, found = pair(a, b)
    assert links(found, "EL302", 3, 7) is contradicts, found


# -- a child's bare age scopes advice --------------------------------------------------------------------
@pytest.mark.parametrize(("young", "older"), [
    ("Never give your baby a duvet before the age of one.",
     "Once your child is two, you can give them a duvet."),
    ("Don't use a pillow before the age of one.", "When your toddler turns two, you can use a pillow."),
])
def test_advice_for_different_ages_is_no_contradiction(young: str, older: str) -> None:
    _, found = pair(young, older)
    assert el3(found) == [], found


def test_advice_for_overlapping_ages_still_contradicts() -> None:
    _, found = pair("Never give your baby a duvet before the age of two.",
                    "Once your child is one, you can give them a duvet.")
    assert links(found, "EL303", 3, 7), found


# -- amounts: bare degrees, a level an object is kept at, counts per period ----------------------------------
@pytest.mark.parametrize(("a", "b", "contradicts"), [
    ("Keep the bath water at 36 to 38 degrees.", "The bath water should be 50 degrees.", True),
    ("Heat the formula to about 37 °C.", "The formula should be 70 °C.", True),
    ("Keep the bath water at 36 to 38 degrees.", "The bath water should be about 37 degrees.", False),
])
def test_levels_and_temperatures(a: str, b: str, contradicts: bool) -> None:
    _, found = pair(a, b)
    assert links(found, "EL305", 3, 7) is contradicts, found


@pytest.mark.parametrize(("a", "b", "contradicts"), [
    ("A newborn has 8 to 12 feeds a day.", "A newborn has 3 feeds a day.", True),
    ("Offer your toddler three small meals a day.", "Offer your toddler six small meals a day.", True),
    ("A newborn has 8 to 12 feeds a day.", "A newborn has about 10 feeds a day.", False),
])
def test_counts_of_a_thing_per_period(a: str, b: str, contradicts: bool) -> None:
    claims, found = pair(a, b)
    assert all(q["per"] == "day" for q in of_kind(claims, "quantity")), claims
    assert links(found, "EL305", 3, 7) is contradicts, found


def test_a_count_without_a_period_is_no_amount() -> None:
    claims, _ = run(article("Your toddler can now stack four blocks."))
    assert of_kind(claims, "quantity") == []


# -- ages are not events of an order; a misread "precedes" ---------------------------------------------------
def test_an_age_is_not_an_event_of_an_order() -> None:
    claims, _ = run(article("Babies rarely stand alone before 9 months.",
                            "Toddlers don't usually climb stairs until the age of two."))
    assert of_kind(claims, "order") == [], of_kind(claims, "order")


@pytest.mark.parametrize(("precedes", "reverse"), [
    ("Babbling usually precedes pointing.", "Pointing comes before babbling."),
    ("Scribbling typically precedes drawing circles.", "Drawing circles comes before scribbling."),
])
def test_x_usually_precedes_y(precedes: str, reverse: str) -> None:
    claims, found = pair(precedes, reverse)
    assert len(of_kind(claims, "order")) >= 2, claims
    assert links(found, "EL301", 3, 7), found


# -- causes said through risk and result; a denial frame ------------------------------------------------
@pytest.mark.parametrize(("cause", "denial"), [
    ("Smoking near a baby raises the risk of chest infections.",
     "Smoking near a baby does not cause chest infections."),
    ("Ear infections can result from bottles given lying down.",
     "There is no evidence that bottles given lying down cause ear infections."),
    ("Sweets increase the chance of cavities.", "It is not true that sweets cause cavities."),
])
def test_a_cause_said_through_risk_or_result(cause: str, denial: str) -> None:
    claims, found = pair(cause, denial)
    assert {p["polarity"] for p in of_kind(claims, "proposition")} == {-1, 1}, claims
    assert links(found, "EL303", 3, 7), found


def test_a_denial_frame_negates_an_order_too() -> None:
    _, found = pair("It isn't true that babies stand before they sit.", "Babies stand before they sit.")
    assert links(found, "EL301", 3, 7), found


def test_results_from_needs_an_effect_not_an_origin() -> None:
    claims, _ = run(article("The lullaby comes from my grandmother."))
    assert of_kind(claims, "proposition") == []


# -- a referral on a condition one has; the reader urged to act --------------------------------------------
@pytest.mark.parametrize(("referral", "calm"), [
    ("See a doctor if your child has a stiff neck.", "Don't worry about a stiff neck."),
    ("Call your GP if your baby develops a purple rash.", "A purple rash is harmless."),
])
def test_a_referral_on_a_condition_the_child_has(referral: str, calm: str) -> None:
    claims, found = pair(referral, calm)
    assert [s["verdict"] for s in of_kind(claims, "stance")][0] == "warning-sign", claims
    assert links(found, "EL303", 3, 7), found


@pytest.mark.parametrize(("urged", "other", "contradicts"), [
    ("We encourage parents to read aloud every day.", "Never read aloud every day.", True),
    ("Dentists urge parents not to share spoons with babies.", "You can share spoons with babies.", True),
    ("We encourage parents to read aloud every day.", "Read aloud every day.", False),
])
def test_the_reader_urged_to_act(urged: str, other: str, contradicts: bool) -> None:
    _, found = pair(urged, other)
    assert links(found, "EL303", 3, 7) is contradicts, found


# -- "may start to X at about N" is the usual age; a possible danger against "harmless" ----------------------
@pytest.mark.parametrize(("may", "other", "contradicts"), [
    ("Your baby may start to babble at about 6 months.", "Most babies babble at about 2 years.", True),
    ("Your toddler may start to jump at about 2 years.", "Most toddlers jump at 6 months.", True),
    ("Some babies may babble at 3 months.", "Most babies babble at about 6 months.", False),
])
def test_may_start_states_the_usual_age(may: str, other: str, contradicts: bool) -> None:
    _, found = pair(may, other)
    assert links(found, "EL302", 3, 7) is contradicts, found


@pytest.mark.parametrize(("calm", "contradicts"), [
    ("Snoring in a toddler is harmless.", True),
    ("Snoring in a toddler is usually harmless.", False),
    ("Snoring in a toddler is normal.", False),
])
def test_a_possible_danger_against_harmless(calm: str, contradicts: bool) -> None:
    _, found = pair(calm, "Snoring in a toddler can be a sign of a serious problem.")
    assert links(found, "EL303", 3, 7) is contradicts, found


@pytest.mark.parametrize(("fronted", "other", "contradicts"), [
    ("Around 9 months, most babies clap their hands.", "Most babies clap their hands at about 2 years.",
     True),
    ("Around 18 months, most toddlers kick a ball.", "Most toddlers kick a ball at 5 months.", True),
    ("Around 9 months, most babies clap their hands.", "Most babies clap their hands at about 10 months.",
     False),
])
def test_a_fronted_age(fronted: str, other: str, contradicts: bool) -> None:
    _, found = pair(fronted, other)
    assert links(found, "EL302", 3, 7) is contradicts, found


def test_a_fronted_time_that_is_no_age() -> None:
    claims, _ = run(article("Nine months later, the twins clapped."))
    assert of_kind(claims, "age") == []
