"""Ages, amounts, advice, stance and propositions as typed claims, and the checks over them (issue 13):
EL302 (ages, age words), EL303 (opposite advice / verdicts, asserted and denied), EL305 (amounts) and the
guidance part of EL304.

Claims are read through ``--explain-claims`` and compared by kind, concept keys, relations and polarity;
findings by code and line, never by message wording. Every sentence here is written for these tests, on
topics of their own (tablets, fizzy drinks, scooters, porridge, cold milk, hopping, bath toys …), most of
them with concepts no ontology entry knows.
"""

from __future__ import annotations

from typing import Any

import pytest

from editlint import Linter
from editlint.checks.claims.model import Concept, Hedge, Provenance, Relation, StanceClaim, Verdict
from editlint.checks.claims_checks import comparable, covers, stances_opposite

_LINTER = Linter({"select": ["EL3"]}, overrides={"flags": frozenset({"explain-claims"})})


def run(text: str) -> tuple[list[dict[str, Any]], list[tuple[str, int, set[int]]]]:
    """(claims as dicts, findings as (code, line, lines of its related spans))."""
    report = _LINTER.lint_text(text, path="facts.md")
    assert report.error is None, report.error
    found = [(f.rule, f.line, {r.line for r in f.related}) for f in report.findings]
    return report.metrics.get("claims", []), found


def of_kind(claims: list[dict[str, Any]], kind: str) -> list[dict[str, Any]]:
    return [c for c in claims if c["kind"] == kind]


def codes(found: list[tuple[str, int, set[int]]]) -> list[str]:
    return [code for code, _, _ in found]


def links(found: list[tuple[str, int, set[int]]], code: str, a: int, b: int) -> bool:
    """A finding of ``code`` that covers both lines (one as the place, the other as related)."""
    return any(c == code and {a, b} <= ({line} | rel) for c, line, rel in found)


def article(*paragraphs: str) -> str:
    """A Markdown article: a title on line 1, then one paragraph every two lines (3, 5, 7 …)."""
    return "# Notes\n\n" + "\n\n".join(paragraphs) + "\n"


def line_of(n: int) -> int:
    return 3 + 2 * n


# -- claims ------------------------------------------------------------------------------------------

def test_age_claims_keep_the_stated_numbers_and_relation() -> None:
    claims, _ = run(article("Most toddlers jump with both feet at around 24 months.",
                            "Many children ride a scooter by their fourth birthday.",
                            "Do not offer fizzy drinks before 3 years."))
    ages = of_kind(claims, "age")
    jump = next(c for c in ages if "jump" in c["concept"]["key"] and not c["unit"].startswith("age-word"))
    assert (jump["stated"], jump["unit"], jump["relation"]) == ([24, 24], "month", "at")
    assert jump["approximate"]
    scooter = next(c for c in ages if "scooter" in c["concept"]["key"])
    assert scooter["relation"] == "by" and scooter["months"][0] < 48 < scooter["months"][1]
    assert any(c["relation"] == "not-before" and c["stated"] == [3, 3] and c["unit"] == "year" for c in ages)


def test_advice_claims_polarity_absolute_and_object() -> None:
    claims, _ = run(article("Never add sugar to porridge.", "Avoid adding sugar to porridge.",
                            "You should offer water with meals.", "Bath seats should be avoided."))
    advice = of_kind(claims, "advice")
    sugar = [c for c in advice if c["object"] and c["object"]["head"] == "sugar"]
    got = {(c["action"], c["polarity"], c["absolute"]) for c in sugar}
    assert got == {("add", -1, True), ("add", -1, False)}
    water = next(c for c in advice if c["object"] and c["object"]["head"] == "water")
    assert (water["action"], water["polarity"]) == ("offer", 1)
    seat = next(c for c in advice if c["object"] and c["object"]["head"] == "seat")
    assert (seat["action"], seat["polarity"]) == ("", -1)


def test_an_amount_does_not_make_another_thing() -> None:
    claims, _ = run(article("A spoonful of jam on toast is fine."))
    stance = of_kind(claims, "stance")
    assert [(c["thing"]["head"], c["verdict"]) for c in stance] == [("jam", "safe")]


def test_propositions_and_their_denials() -> None:
    claims, _ = run(article("Cold porridge can cause tummy aches.",
                            "There is no link between bath toys and ear infections."))
    props = of_kind(claims, "proposition")
    cause = next(c for c in props if c["subject"]["head"] == "porridge")
    assert (cause["predicate"], cause["object"]["head"], cause["polarity"]) == ("cause", "ache", 1)
    denied = [c for c in props if c["polarity"] == -1]
    assert {c["subject"]["head"] for c in denied} >= {"toy", "infection"}  # a link has no direction


def test_quantity_claims_with_rate_ceiling_and_population() -> None:
    claims, _ = run(article("Limit tablet use to roughly 90 minutes a day.",
                            "For preschoolers, three to four hours of tablet time a day is fine."))
    qs = of_kind(claims, "quantity")
    cap = next(c for c in qs if c["relation"] == "up-to")
    assert (cap["subject"]["key"], cap["per"], cap["canonical_unit"]) == ("tablet", "day", "hours")
    lot = next(c for c in qs if c["stated"] == [3, 4])
    assert lot["subject"]["key"] == "tablet" and lot["prov"]["age_scope"] == [36, 60]


# -- EL302 ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("first", "second"), [
    ("Most children hop on one foot at around 4 years.", "Most children hop on one foot at 18 months."),
    ("Most babies say two-word phrases at about 24 months.", "Most babies say two-word phrases at 9 months."),
])
def test_ages_that_cannot_both_hold(first: str, second: str) -> None:
    _, found = run(article(first, "Every child is different.", second))
    assert links(found, "EL302", line_of(0), line_of(2))


@pytest.mark.parametrize(("first", "second"), [
    ("Most toddlers stack blocks between 15 and 18 months.", "Most toddlers stack blocks at 16 months."),
    ("Most children hop on one foot by 4 years.", "Most children hop on one foot at 3 years."),
    ("Most children hop on one foot at around 4 years.", "Some children hop on one foot at 2 years."),
    ("Most children hop on one foot at around 4 years.", "Do children hop on one foot at 2 years?"),
])
def test_compatible_or_not_asserted_ages_are_not_reported(first: str, second: str) -> None:
    _, found = run(article(first, second))
    assert "EL302" not in codes(found)


def test_a_table_row_against_a_sentence() -> None:
    text = ("# Notes\n\n| Skill | Age |\n| --- | --- |\n| Scooter riding | 12 months |\n\n"
            "Most children ride a scooter at around 3 years.\n")
    _, found = run(text)
    assert links(found, "EL302", 5, 7)


# -- EL303 ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("first", "second"), [
    ("Never add sugar to porridge.", "A spoonful of sugar on porridge is fine."),
    ("Never give your toddler fizzy drinks.", "A small glass of fizzy drink is perfectly safe."),
    ("Cold porridge can cause tummy aches.", "Cold porridge does not cause tummy aches."),
    ("Bath toys can trigger ear infections.", "There is no link between bath toys and ear infections."),
    ("Always wipe the gums after feeds.", "Never wipe the gums after feeds."),
    ("Avoid sugar.", "Add a little sugar to porridge."),
])
def test_opposite_advice_stance_and_propositions(first: str, second: str) -> None:
    _, found = run(article(first, "Every child is different.", second))
    assert links(found, "EL303", line_of(0), line_of(2))


@pytest.mark.parametrize(("first", "second"), [
    ("Cold porridge may cause tummy aches.", "Cold porridge does not cause tummy aches."),  # minority hedge
    ("Never give water to babies under 6 months.", "Offer water with meals from 6 months."),  # different ages
    ("Avoid adding sugar to porridge.", "Don't add sugar to porridge."),  # the same advice twice
    ("Never give fruit juice in a bottle.", "Fruit is healthy."),  # a different thing
    ("Myth: cold porridge causes tummy aches.", "Cold porridge does not cause tummy aches."),
    ("You cannot prevent every tummy ache.", "Tummy aches are normal after a big meal."),
])
def test_not_opposite(first: str, second: str) -> None:
    _, found = run(article(first, second))
    assert "EL303" not in codes(found)


# -- EL305 ---------------------------------------------------------------------------------------------

def test_amounts_that_cannot_both_be_the_advice() -> None:
    _, found = run(article("Limit tablet use to roughly 90 minutes a day.", "Screens are everywhere.",
                           "Three to four hours of tablet time every day is acceptable."))
    assert links(found, "EL305", line_of(0), line_of(2))


@pytest.mark.parametrize("second", [
    "That is about 4 oz a day.",  # the same amount in other units
    "Most toddlers drink about 350 ml of milk a day.",  # another thing
    "Keep juice to 2 cups a week.",  # another rate
])
def test_amounts_that_agree_or_are_not_comparable(second: str) -> None:
    _, found = run(article("Keep juice to no more than 120 ml a day.", second))
    assert "EL305" not in codes(found)


# -- EL304 guidance ------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "hit"), [
    ("You can give your baby honey from 6 months.", True),
    ("Honey is a lovely treat for children over 2 years.", False),
    ("Rub a benzocaine gel on sore gums.", True),
    ("Never use benzocaine gels.", False),
    ("Put your baby to sleep on their tummy.", True),
    ("Tummy time while your baby is awake builds strength.", False),
    ("Give aspirin for a high temperature.", True),
])
def test_reference_guidance(text: str, hit: bool) -> None:
    _, found = run(article(text))
    assert ("EL304" in codes(found)) is hit


# -- pure comparisons ----------------------------------------------------------------------------------

def _prov(start: int, **kw: Any) -> Provenance:
    return Provenance(start=start, end=start + 5, sent_start=start, sent_end=start + 20, construction="t",
                      **kw)


def test_covers_a_general_statement_speaks_about_the_specific_one() -> None:
    fever = Concept("fever", "fever", "fever")
    high = Concept("fever(high)", "high fever", "fever", frozenset({"high"}))
    assert covers(fever, high) and not covers(high, fever)


def test_stances_compare_only_the_articles_own_statements() -> None:
    thing = Concept("rash", "rash", "rash")
    normal = StanceClaim(thing, Verdict.NORMAL, _prov(0))
    warning = StanceClaim(thing, Verdict.WARNING_SIGN, _prov(100))
    assert stances_opposite(normal, warning) and comparable(normal.prov, warning.prov)
    hedged = StanceClaim(thing, Verdict.WARNING_SIGN, _prov(100, hedge=Hedge.MINORITY))
    assert not comparable(normal.prov, hedged.prov)
    young = _prov(0, age_scope=(0.0, 3.0))
    older = _prov(100, age_scope=(6.0, 12.0))
    assert not comparable(young, older)
    assert Relation.NOT_BEFORE.value == "not-before"


# -- advice bounded in time ------------------------------------------------------------------------------

def test_keep_until_against_stop_once_an_earlier_point_of_the_same_event() -> None:
    claims, found = run(article("Stop using the bouncer once your baby starts trying to sit.",
                                "Babies love bouncers.",
                                "Keep using the bouncer until your baby can sit steadily on their own."))
    advice = [c for c in of_kind(claims, "advice") if c["object"] and c["object"]["head"] == "bouncer"]
    stop = next(c for c in advice if c["polarity"] < 0)
    keep = next(c for c in advice if c["polarity"] > 0)
    assert stop["once"]["phase"] == "start" and keep["until"]["phase"] == "mastery"
    assert links(found, "EL303", line_of(0), line_of(2))


def test_the_same_boundary_stated_twice_is_consistent() -> None:
    _, found = run(article("Stop offering the dummy once your toddler starts talking.",
                           "Keep offering the dummy until your toddler starts talking."))
    assert "EL303" not in codes(found)


def test_an_action_without_an_object_bounded_by_an_event() -> None:
    _, found = run(article("Stop rocking to sleep as soon as your child shows signs of trying to climb out.",
                           "Children grow fast.",
                           "Keep rocking to sleep until your child can climb out confidently."))
    assert links(found, "EL303", line_of(0), line_of(2))


def test_a_description_is_not_advice() -> None:
    claims, _ = run(article("Toddlers keep climbing until they are tired.", "One nap is often skipped."))
    assert of_kind(claims, "advice") == []


def test_a_red_flag_and_a_reassurance_for_the_same_condition() -> None:
    claims, found = run(article("Don't worry if your toddler is not hopping by their third birthday.",
                                "Toddlers vary.",
                                "If your toddler is not hopping by 36 months, call your doctor at once."))
    stances = of_kind(claims, "stance")
    assert {s["verdict"] for s in stances} == {"normal", "warning-sign"}
    assert len({s["thing"]["key"] for s in stances}) == 1
    assert links(found, "EL303", line_of(0), line_of(2))


def test_a_red_flag_at_a_later_age_than_the_reassurance_is_consistent() -> None:
    _, found = run(article("Don't worry if your little one isn't clapping by 12 months.",
                           "Talk to your doctor if your little one isn't clapping by 18 months."))
    assert "EL303" not in codes(found)


@pytest.mark.parametrize(("first", "second"), [
    ("Do not offer peanut butter before your child is four months old.",  # time clauses give age scopes
     "Once your child is one year old, you can offer peanut butter."),
    ("Never give your toddler cola.", "If the dentist says so, give your toddler cola."),  # a condition
])
def test_advice_for_other_ages_or_under_a_condition(first: str, second: str) -> None:
    _, found = run(article(first, second))
    assert "EL303" not in codes(found)


def test_passive_advice_with_a_modal() -> None:
    claims, found = run(article("Cola should never be given to toddlers.", "Toddlers grow fast.",
                                "Give your toddler cola with lunch."))
    neg = [c for c in of_kind(claims, "advice") if c["polarity"] < 0]
    assert [(c["action"], c["object"]["head"]) for c in neg] == [("give", "cola")]
    assert links(found, "EL303", line_of(0), line_of(2))


def test_counts_per_day_and_rates_per_24_hours() -> None:
    claims, found = run(article("Brush their teeth twice a day.", "Teeth matter.",
                                "Most toddlers sleep 11 to 14 hours in every 24 hours.",
                                "Most toddlers sleep about 12 hours in every 24 hours."))
    qs = of_kind(claims, "quantity")
    assert {(c["unit"], c["per"]) for c in qs} >= {("times", "day"), ("hour", "day")}
    assert "EL305" not in codes(found)


def test_never_inside_a_sentence_and_two_conditional_rules() -> None:
    _, found = run(article("In the first weeks, bathe your baby daily if the skin looks dry.",
                           "Skin care matters.",
                           "If the skin is dry, let it rest and never bathe your baby daily."))
    assert links(found, "EL303", line_of(0), line_of(2))


def test_a_positive_verdict_after_a_participle_subject() -> None:
    claims, found = run(article("Do not give jam to babies under 12 months.", "Babies like sweet things.",
                                "A little jam stirred into yogurt is a healthy treat from 6 months."))
    assert any(c["thing"]["head"] == "jam" for c in of_kind(claims, "stance"))
    assert links(found, "EL303", line_of(0), line_of(2))


def test_an_age_under_a_condition_on_the_reader_is_still_an_age() -> None:
    _, found = run(article("Most toddlers can ride a balance bike at about 3 years.", "Bikes are fun.",
                           "Most toddlers can ride a balance bike by 12 months if you practise every day."))
    assert links(found, "EL302", line_of(0), line_of(2))


def test_an_amount_of_a_part_is_not_the_total() -> None:
    claims, found = run(article("Toddlers sleep about 12 hours in every 24.",
                                "That sleep comes in stretches of two to three hours."))
    qs = of_kind(claims, "quantity")
    assert {c["subject"]["head"] for c in qs} >= {"stretch"}
    assert any(c["per"] == "day" for c in qs)
    assert "EL305" not in codes(found)


@pytest.mark.parametrize(("first", "second"), [
    ("Breastfed babies need 400 IU of vitamin K a day.",
     "Children 12 to 24 months old need 600 IU of vitamin K a day."),
    ("Weight 5 to 7 kg: 2.5 ml.", "Weight 8 to 10 kg: 5 ml."),  # a dose table by weight
])
def test_amounts_for_different_populations(first: str, second: str) -> None:
    _, found = run(article(first, second))
    assert "EL305" not in codes(found)


def test_a_symptom_list_is_not_advice_and_an_age_limit_is_not_a_general_rule() -> None:
    claims, found = run(article("No fever.", "Introducing eggs before 4 months is not recommended.",
                                "Introduce eggs when other foods are going well."))
    assert not [c for c in of_kind(claims, "advice") if c["object"] and c["object"]["head"] == "fever"]
    assert "EL303" not in codes(found)


@pytest.mark.parametrize(("first", "second"), [
    ("Loud music does not lead to night waking.", "Loud music causes night waking."),
    ("Damp weather leads to ear infections.", "Damp weather does not cause ear infections."),
])
def test_causes_and_leads_to_are_one_relation(first: str, second: str) -> None:
    _, found = run(article(first, "Sleep varies.", second))
    assert links(found, "EL303", line_of(0), line_of(2))


def test_amounts_written_in_two_units_agree() -> None:
    _, found = run(article("At four months, most babies take 150 ml of milk per feed.",
                           "At four months, most babies take 5 oz of milk per feed."))
    assert "EL305" not in codes(found)


@pytest.mark.parametrize(("first", "second", "clash"), [
    ("Most children can button a coat by 4 years.", "Most children button a coat at about 10 months.", True),
    ("Most babies can clap by 12 months.", "Most babies clap at around 9 months.", False),
])
def test_a_deadline_far_above_the_usual_age(first: str, second: str, clash: bool) -> None:
    _, found = run(article(first, "Children vary.", second))
    assert links(found, "EL302", line_of(0), line_of(2)) is clash


def test_one_act_written_two_ways_on_a_part_of_one_thing() -> None:
    """'raise the head end of the cot mattress' and 'never tilt or prop up the sleep surface, even during
    a cold' (the rule's same-action / same-thing groups, a part noun, a shared object, a concession)."""
    _, found = run(article("At night, raise the head end of the cot mattress with a towel underneath.",
                           "Colds pass.",
                           "Never tilt or prop up the sleep surface, even during a cold."))
    assert links(found, "EL303", line_of(0), line_of(2))


# -- the causal lexicon (issue 13: every wording of 'X causes Y' and of its denial) ----------------------

@pytest.mark.parametrize("asserted", [
    "Salty snacks bring on hiccups.", "Salty snacks give rise to hiccups.", "Salty snacks result in hiccups.",
    "Salty snacks are responsible for hiccups.", "Salty snacks are behind hiccups.",
    "Hiccups are due to salty snacks.", "Hiccups are down to salty snacks.",
    "Salty snacks are a common cause of hiccups.", "Salty snacks makes hiccups more likely.",
    "Salty snacks causes hiccups.",  # a plural subject with a singular verb
])
@pytest.mark.parametrize("denied", [
    "There is no evidence that salty snacks cause hiccups.",
    "There is no evidence of a link between salty snacks and hiccups.",
    "Salty snacks have nothing to do with hiccups.", "Salty snacks are not a cause of hiccups.",
    "Hiccups are not due to salty snacks.",
])
def test_every_causal_wording_against_every_denial(asserted: str, denied: str) -> None:
    _, found = run(article(asserted, "Snacks vary.", denied))
    assert links(found, "EL303", line_of(0), line_of(2))


@pytest.mark.parametrize(("asserted", "denied"), [
    ("Bright screens trigger eye strain.", "Bright screens do not trigger eye strain."),  # a misread effect
    ("Wet wipes can cause nappy rash.", "Nappy rash is not caused by wet wipes."),
    ("Cold floors lead to chest infections.", "Cold floors have nothing to do with chest infections."),
])
def test_two_noun_effects_the_parser_misreads(asserted: str, denied: str) -> None:
    claims, found = run(article(asserted, "Homes vary.", denied))
    props = of_kind(claims, "proposition")
    assert {c["polarity"] for c in props} == {1, -1}
    assert len({c["object"]["key"] for c in props}) == 1  # one effect, the compound kept whole
    assert links(found, "EL303", line_of(0), line_of(2))


@pytest.mark.parametrize(("first", "second"), [
    ("Pollen makes hay fever worse.", "Pollen does not cause hay fever."),  # worsening is not causing
    ("Grandparents often say swaddling causes hip trouble.", "Swaddling does not cause hip trouble."),
    ("Dummies can cause ear infections.", "Dummies do not always cause ear infections."),
    ("Teething brings on a fever.", "Teething does not bring on a rash."),
    ("Milk is behind most constipation.", "Is milk behind constipation?"),
])
def test_causal_wordings_that_do_not_clash(first: str, second: str) -> None:
    _, found = run(article(first, "Families vary.", second))
    assert "EL303" not in codes(found)


def test_worsening_is_its_own_relation() -> None:
    claims, _ = run(article("Dry air can make a cough worse."))
    (prop,) = of_kind(claims, "proposition")
    assert (prop["predicate"], prop["subject"]["head"], prop["object"]["head"]) == ("worsen", "air", "cough")


# -- the verdict lexicon -------------------------------------------------------------------------------

@pytest.mark.parametrize("reassuring", [
    "Thumb sucking is expected.", "Thumb sucking is part of normal development.",
    "Thumb sucking is not a problem.", "Thumb sucking is no cause for concern.",
    "Thumb sucking is usually normal.",  # a majority hedge still takes a side
])
@pytest.mark.parametrize("alarming", [
    "Thumb sucking is a sign of a problem.", "Thumb sucking is a sign that something is wrong.",
    "Thumb sucking is a reason to see a doctor.", "Thumb sucking is abnormal.", "Thumb sucking is worrying.",
    "Thumb sucking needs checking.", "Thumb sucking should be checked by a doctor.",
])
def test_every_reassurance_against_every_alarm(reassuring: str, alarming: str) -> None:
    _, found = run(article(reassuring, "Habits vary.", alarming))
    assert links(found, "EL303", line_of(0), line_of(2))


@pytest.mark.parametrize(("first", "second"), [
    ("Night sweats can be a sign of a problem.", "Night sweats are normal."),  # 'can be': a minority
    ("Night sweats are not a problem.", "Night sweats are a problem for parents."),
    ("Night sweats are normal.", "Night sweats are not a warning sign."),
    ("Night sweats are normal.", "Night sweats should be checked."),  # a routine check names no doctor
    ("Night sweats are a sign of tiredness.", "Night sweats are normal."),
])
def test_verdicts_that_do_not_clash(first: str, second: str) -> None:
    _, found = run(article(first, "Sleep varies.", second))
    assert "EL303" not in codes(found)


# -- advice: modal and evaluative forms, and how strongly they are said --------------------------------

@pytest.mark.parametrize("positive", [
    "Rinse the teether in cold water.", "You ought to rinse the teether.",
    "It is a good idea to rinse the teether.", "Clean the teether every day.",
])
def test_modal_and_evaluative_advice_against_a_prohibition(positive: str) -> None:
    verb = "clean" if positive.startswith("Clean") else "rinse"
    _, found = run(article(positive, "Teethers vary.", f"Never {verb} the teether."))
    assert links(found, "EL303", line_of(0), line_of(2))


def test_a_gerund_that_is_fine_is_the_same_act_as_the_imperative() -> None:
    claims, found = run(article("Reheating the soup is not safe.", "Soups vary.", "Reheat the soup twice."))
    acts = {(c["action"], c["object"]["head"], c["polarity"]) for c in of_kind(claims, "advice")}
    assert acts == {("reheat", "soup", -1), ("reheat", "soup", 1)}
    assert links(found, "EL303", line_of(0), line_of(2))


def test_a_people_noun_passive_is_the_imperative_on_the_child() -> None:
    claims, found = run(article("Leave the toddler alone in the paddling pool.", "Pools vary.",
                                "A toddler should not be left alone in the paddling pool."))
    keys = {(c["action"], c["object"] and c["object"]["key"]) for c in of_kind(claims, "advice")}
    assert len(keys) == 1
    assert links(found, "EL303", line_of(0), line_of(2))


@pytest.mark.parametrize(("first", "second", "clash"), [
    ("You may offer a dummy at naps.", "There is no need to offer a dummy at naps.", False),
    ("You can use a bottle warmer.", "You don't have to use a bottle warmer.", False),
    ("You must offer a dummy at naps.", "There is no need to offer a dummy at naps.", True),
    ("Always use a bottle warmer.", "You don't need to use a bottle warmer.", True),
])
def test_no_need_is_weaker_than_a_prohibition(first: str, second: str, clash: bool) -> None:
    claims, found = run(article(first, "Feeds vary.", second))
    forces = {c["force"] for c in of_kind(claims, "advice")}
    assert "no-need" in forces
    assert links(found, "EL303", line_of(0), line_of(2)) is clash


# -- ages: start verbs, bare times, lower bounds, two deadlines ------------------------------------------

@pytest.mark.parametrize(("first", "second", "clash"), [
    ("Hopping usually starts around 4 years.", "Hopping usually starts around 18 months.", True),
    ("Most children can hop by 4 years.", "Hopping usually starts around 3 years.", False),  # start vs by
    ("Children hop from 4 years.", "Most children hop at 18 months.", True),  # a lower bound
    ("Children do not hop before 4 years.", "Most children hop at 5 years.", False),
    ("Babies do not babble in the first 3 months.", "Most babies babble at 1 month.", True),
    ("Most babies can point by 12 months.", "Most babies can point by 24 months.", True),  # far later
    ("Most babies can point by 12 months.", "Most babies can point by 14 months.", False),  # close
    ("Most toddlers can scribble by 2 years.", "Most toddlers can scribble by 18 months.", False),
])
def test_start_ages_lower_bounds_and_two_deadlines(first: str, second: str, clash: bool) -> None:
    _, found = run(article(first, "Children vary.", second))
    assert links(found, "EL302", line_of(0), line_of(2)) is clash


def test_a_start_verb_gives_the_start_phase() -> None:
    claims, _ = run(article("Babbling usually begins at 6 months.",
                            "Stacking usually starts around 2 years."))
    got = {(c["concept"]["key"], c["phase"], c["relation"]) for c in of_kind(claims, "age")}
    assert {phase for _, phase, _ in got} == {"start"} and len(got) == 2


@pytest.mark.parametrize(("against", "advice"), [
    ("Giving oat milk is not recommended.", "Give oat milk with breakfast."),  # the gerund on the auxiliary
    ("Adding sugar to porridge is not advised.", "Add sugar to porridge."),
])
def test_a_gerund_not_recommended_against_the_imperative(against: str, advice: str) -> None:
    claims, found = run(article(against, "Families vary.", advice))
    assert {c["polarity"] for c in of_kind(claims, "advice")} == {-1, 1}
    assert links(found, "EL303", line_of(0), line_of(2))


@pytest.mark.parametrize("positive", [
    "Remember to prop the bottle on a cushion.", "Make sure you prop the bottle on a cushion.",
    "Be sure to prop the bottle on a cushion.",
])
@pytest.mark.parametrize("negative", [
    "Don't ever prop the bottle on a cushion.", "Try not to prop the bottle on a cushion.",
    "Propping the bottle on a cushion is a bad idea.",
])
def test_carrier_verbs_and_evaluative_advice(positive: str, negative: str) -> None:
    _, found = run(article(positive, "Feeds vary.", negative))
    assert links(found, "EL303", line_of(0), line_of(2))


def test_a_carrier_verb_with_its_own_subject_is_not_advice() -> None:
    claims, _ = run(article("Most babies try to grab the spoon.", "Toddlers remember to wash their hands."))
    assert not of_kind(claims, "advice")


@pytest.mark.parametrize("reassuring", [
    "Flat feet isn't anything to worry about.", "Don't worry about flat feet.",
    "There is no need to worry about flat feet.", "You don't need to worry about flat feet.",
])
def test_worry_wordings_against_a_warning_sign(reassuring: str) -> None:
    _, found = run(article(reassuring, "Feet vary.", "Flat feet are a warning sign."))
    assert links(found, "EL303", line_of(0), line_of(2))


def test_a_worry_that_is_not_negated_is_not_reassurance() -> None:
    claims, _ = run(article("Parents worry about flat feet."))
    assert not [c for c in of_kind(claims, "stance") if c["verdict"] == "normal"]
