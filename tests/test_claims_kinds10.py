"""Kinds of language the claim model reads since a tenth held-out grammar, written blind by a helper who
never read the claims code (issue 13), each tested on topics of this file's own, with the consistent twins
that must stay silent: "later / earlier than they X" with the clause hung on the comparative; "children
who cannot X yet will not Y" and "a baby who is not X-ing is not ready to Y"; "the usual sequence is X,
then Y"; an adjective the tagger gives a bare subject ("Children babble(ADJ) later") is a verb; causes said
with "is brought on by", "plays a (no) part in", "gives children Y", "Y comes from X"; "the link between X
and Y is a myth / an old wives' tale" denies it, and "contrary to popular belief, P" is the article's own P;
"X can safely be ignored", "never ignore X", "take X seriously", "no need to have X checked"; leave to do
X in "you are welcome to X", "it does no harm to X", "we are happy for you to X"; against X in "steer clear
of X", "whatever you do, don't X", "X-ing is a no-no", "X-ing puts your child at risk".
"""

from __future__ import annotations

import pytest
from test_claims_facts import article, of_kind, run

FILLER = "Every family finds its own rhythm."


def contradicts(a: str, b: str) -> bool:
    """Does an EL3 finding link the two paragraphs (lines 3 and 7)?"""
    _, found = run(article(a, FILLER, b))
    return any(code.startswith("EL30") and {3, 7} <= ({line} | rel) for code, line, rel in found)


def claims_of(sentence: str, kind: str) -> list[dict[str, object]]:
    claims, _ = run(article(sentence))
    return of_kind(claims, kind)


def order_keys(sentence: str) -> list[tuple[object, object]]:
    return [(c["earlier"]["key"], c["later"]["key"]) for c in claims_of(sentence, "order")]  # type: ignore[index]


# -- order ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize(("sentence", "pair"), [
    ("Toddlers hop later than they run.", ("run", "hop")),
    ("Children draw squares later than they draw circles.", ("draw(circle)", "draw(square)")),
    ("Toddlers who cannot run yet will not hop.", ("run", "hop")),
    ("Children who can't hold a crayon won't be able to draw shapes.", ("hold(crayon)", "draw(shape)")),
])
def test_comparative_and_not_yet_orders(sentence: str, pair: tuple[str, str]) -> None:
    assert pair in order_keys(sentence)


@pytest.mark.parametrize(("first", "second", "clash"), [
    ("Toddlers hop later than they run.", "Most toddlers hop before they run.", True),
    ("Babies crawl earlier than they walk.", "Most babies walk before they crawl.", True),
    ("Toddlers who cannot jump yet will not skip.", "Children skip before they jump.", True),
    ("The usual sequence is scribbling, then drawing circles.",
     "Most children draw circles before they scribble.", True),
    ("Toddlers hop later than they run.", "Most toddlers run before they hop.", False),
    ("Toddlers who cannot jump yet will not skip.", "Children jump before they skip.", False),
])
def test_new_order_forms_against_a_plain_order(first: str, second: str, clash: bool) -> None:
    assert contradicts(first, second) is clash


def test_not_yet_needs_the_earlier_skill_negated() -> None:
    assert order_keys("Toddlers who cannot run will be fine.") == []


def test_an_adjective_with_a_bare_subject_is_a_verb() -> None:
    assert ("stack(block)", "scribble") in order_keys("Toddlers scribble later than they stack blocks.")
    assert order_keys("The toddlers are happy.") == []


def test_a_clause_of_its_own_shares_no_object() -> None:
    """ "X, and then they Y Z": Z is the object of Y's clause only."""
    assert ("walk-alone", "climb(stair)") in order_keys("First toddlers walk, and then they climb stairs.")


# -- propositions ------------------------------------------------------------------------------------
@pytest.mark.parametrize(("asserted", "denied"), [
    ("Wheezing can be brought on by cold air.", "Cold air does not cause wheezing."),
    ("Damp plays a big part in chest infections.", "Damp does not cause chest infections."),
    ("Cold air gives babies ear infections.", "Cold air plays no part in ear infections."),
    ("Fizzy drinks cause tooth decay.", "Tooth decay does not come from fizzy drinks."),
    ("Screen time causes short sight.", "The link between screen time and short sight is a myth."),
    ("Sugar causes hyperactivity.", "The link between sugar and hyperactivity is an old wives' tale."),
    ("Sugar causes hyperactivity.", "Contrary to popular belief, sugar does not cause hyperactivity."),
    ("Sore eyes can be brought on by sitting close to the screen.",
     "Sitting close to the screen does not cause sore eyes."),
])
def test_cause_asserted_and_denied(asserted: str, denied: str) -> None:
    assert contradicts(asserted, denied)


@pytest.mark.parametrize(("first", "second"), [
    ("Cold air gives babies ear infections.", "Cold air can lead to ear infections."),
    ("Screen time causes short sight.", "The link between sugar and hyperactivity is a myth."),
])
def test_consistent_causes_stay_silent(first: str, second: str) -> None:
    assert not contradicts(first, second)


def test_a_person_is_no_cause() -> None:
    assert claims_of("The recipe comes from my grandmother.", "proposition") == []


def test_contrary_to_belief_is_the_articles_claim() -> None:
    (claim,) = claims_of("Contrary to popular belief, teething does not cause diarrhoea.", "proposition")
    assert claim["polarity"] == -1 and claim["prov"]["myth"] is False  # type: ignore[index]


# -- stance: does it need attention? -------------------------------------------------------------------
@pytest.mark.parametrize(("calm", "alarm"), [
    ("A mild heat rash can safely be ignored.", "Always take a mild heat rash seriously."),
    ("You can safely ignore a few spots of milk rash.", "Never ignore a few spots of milk rash."),
    ("There is no need to get a small bruise checked.", "A small bruise is never something to ignore."),
    ("Hiccups are nothing to worry about.", "Hiccups should never be ignored."),
])
def test_ignore_and_take_seriously(calm: str, alarm: str) -> None:
    assert contradicts(calm, alarm)


def test_different_things_need_no_attention_and_attention() -> None:
    assert not contradicts("A mild heat rash can safely be ignored.", "Always take a high fever seriously.")


# -- advice --------------------------------------------------------------------------------------------
@pytest.mark.parametrize(("leave", "against"), [
    ("You are welcome to freeze leftover puree.", "Steer clear of freezing leftover puree."),
    ("It does no harm to warm the milk a little.", "Whatever you do, don't warm the milk."),
    ("Most midwives are happy for you to bath your baby every day.",
     "Bathing your baby every day is a no-no."),
    ("You are free to use a dummy at night.", "Using a dummy at night puts your baby at risk."),
])
def test_leave_against_warning(leave: str, against: str) -> None:
    assert contradicts(leave, against)


def test_steer_clear_of_a_thing_is_advice_against_it() -> None:
    (advice,) = [a for a in claims_of("Steer clear of baby walkers.", "advice") if a["object"]]
    assert advice["polarity"] == -1 and advice["object"]["key"] == "walker"  # type: ignore[index]


@pytest.mark.parametrize(("first", "second"), [
    ("You are welcome to freeze leftover puree.", "Steer clear of freezing raw egg."),
    ("Whatever you do, don't shake a baby.", "Shaking a baby puts them at risk."),
])
def test_consistent_advice_stays_silent(first: str, second: str) -> None:
    assert not contradicts(first, second)


# -- precision: a possibility, an inverted condition ----------------------------------------------------
@pytest.mark.parametrize("maybe", [
    "It's possible that your child will skip before hopping.",
    "Should your child skip before they hop, there is no need to worry.",
])
def test_a_possibility_or_a_condition_is_no_order_claim(maybe: str) -> None:
    assert not contradicts("Most children hop before they skip.", maybe)


def test_an_inverted_condition_is_the_claims_condition() -> None:
    (claim,) = claims_of("Should your child skip before they hop, there is no need to worry.", "order")
    assert claim["prov"]["condition"].startswith("Should")  # type: ignore[index]


# -- "without first X", "go on to X" ------------------------------------------------------------------
@pytest.mark.parametrize(("sentence", "pair"), [
    ("It is rare for a child to skip without first being able to hop.", ("hop", "skip")),
    ("Few toddlers hop without first running.", ("run", "hop")),
    ("Children who can stack blocks usually go on to build towers.", ("stack(block)", "build(tower)")),
])
def test_without_first_and_go_on_to(sentence: str, pair: tuple[str, str]) -> None:
    assert pair in order_keys(sentence)


def test_without_first_presupposes_the_usual_order() -> None:
    assert contradicts("Few toddlers hop without first running.", "Most toddlers hop before they run.")


# -- from a real-article audit (session 5): kinds that made false alarms on published text ----------------
def test_an_aspect_verb_only_times_the_act() -> None:
    """ "Start to X": X is the advice; a bare "let it start late" names no act to contradict it."""
    (advice,) = claims_of("Start to read a short book at bedtime.", "advice")
    assert advice["action"] == "read"
    assert not contradicts("Start to read a short book at bedtime.", "Try not to let it start too late.")
    assert claims_of("Don't start solids before 4 months.", "advice")[0]["action"] == "start"  # its object


@pytest.mark.parametrize("exercise", [
    "Teach her to go from kneeling to standing at the sofa.",
    "Practise moving from lying to sitting on the play mat.",
])
def test_a_movement_to_practise_is_no_order_of_stages(exercise: str) -> None:
    assert claims_of(exercise, "order") == []


def test_a_slash_between_whole_numbers_of_a_measure_is_a_fraction() -> None:
    (q,) = claims_of("Stir in 3/4 teaspoon of cinnamon.", "quantity")
    assert q["stated"] == [0.75, 0.75]  # not "3 to 4 teaspoons"
    (counted,) = claims_of("Offer 2/3 naps a day.", "quantity")
    assert counted["stated"] == [2.0, 3.0]  # a count keeps "2 or 3"


def test_a_batch_is_not_a_serving() -> None:
    assert not contradicts("A toddler eats about 3 tablespoons of rice at lunch.",
                           "Cook 2 cups of rice at the weekend and keep it in the fridge.")
    assert contradicts("Cook about 1/2 cup of rice for the week.", "Cook about 3 cups of rice for the week.")


def test_first_in_a_time_clause_means_for_the_first_time() -> None:
    for sentence in ("When they first start eating lumps, toddlers gag a lot.",
                     "Once babies first learn to crawl, they get into everything."):
        assert [c for c in claims_of(sentence, "order") if c["later"]["key"] == "*"] == []  # type: ignore[index]
    assert order_keys("The bottom teeth usually come through first.") == [("tooth(bottom)", "*")]


def test_an_amount_in_a_recipe_step_is_a_batch() -> None:
    """ "take 1/2 cup of X, add milk and blend": a coordinated preparation step makes the amount a batch."""
    assert not contradicts("A toddler eats about 3 tablespoons of lentils at lunch.",
                           "I take about 1 cup of lentils, add some stock and blend it all together.")


def test_rates_over_periods_that_convert_are_compared_per_day() -> None:
    assert contradicts("Give the cough syrup three times a day.", "Give the cough syrup once a week.")
    assert not contradicts("Give the cough syrup once a day.", "Give the cough syrup seven times a week.")
    assert not contradicts("Give the cough syrup once a day.", "Give the cough syrup twice a night.")


# -- ages: "between N and M months" as a modifier of the number; "in the second year" ------------------
def test_an_age_range_read_as_an_adverbial_noun() -> None:
    (age,) = claims_of("Most babies roll over between 4 and 6 months.", "age")
    assert age["stated"] == [4.0, 6.0] and age["relation"] == "at"


def test_the_nth_year_is_a_window() -> None:
    ages = [a for a in claims_of("Most toddlers run in their second year.", "age")
            if a["prov"]["construction"] != "age.word"]  # type: ignore[index]
    assert [a["months"] for a in ages] == [[12.0, 24.0]]
    assert contradicts("Most toddlers run in their second year.", "Most toddlers run at around 5 months.")


def test_a_forbidden_act_before_an_event_still_puts_the_event_first() -> None:
    """Only a negated "after" instruction is dropped ("don't X after Y" forbids X then: order.after-*
    ``negated-imperative = "none"``); "don't X before Y" still puts Y first."""
    assert order_keys("Don't walk the dog before you have had breakfast.") != []


def test_a_number_hyphenated_to_a_noun_names_a_kind() -> None:
    assert order_keys("Children ride three-wheel bikes before two-wheel bikes.") == [
        ("ride(bike,three,wheel)", "ride(bike,two,wheel)")]


# -- a thing named in a list under a forbidding lead-in ----------------------------------------------------
LISTED = ("# Teething\n\n* **Give a frozen washcloth.** It can numb sore gums.\n\n## What not to do\n\n"
          "Avoid giving:\n\n* **Frozen washcloths, even clean ones.** They can be too hard.\n")


def test_a_thing_listed_under_avoid_is_advice_against_it() -> None:
    claims, found = run(LISTED)
    assert [(a["line"], a["polarity"]) for a in of_kind(claims, "advice")] == [(3, 1), (9, -1)]
    assert any(code == "EL303" and {3, 9} <= ({line} | rel) for code, line, rel in found), found
    claims, found = run(LISTED.replace("Frozen washcloths, even clean ones.", "Frozen rubber toys."))
    assert [(a["line"], a["polarity"]) for a in of_kind(claims, "advice")] == [(3, 1), (9, -1)]
    assert not any(code.startswith("EL30") for code, _, _ in found)  # another thing


def test_a_thing_listed_under_another_lead_in_is_no_advice() -> None:
    claims, _ = run("# Packing\n\nYou will need:\n\n* **Frozen washcloths, even clean ones.** Pack two.\n")
    assert [a for a in of_kind(claims, "advice") if a["line"] == 5] == []


def test_try_a_thing_advises_using_it() -> None:
    (advice,) = claims_of("Try a cool compress on the bruise.", "advice")
    assert advice["polarity"] == 1 and advice["object"]["key"] == "compress(cool)"  # type: ignore[index]
    assert [a["action"] for a in claims_of("Try to rest.", "advice")] == ["rest"]


def test_a_participle_before_the_noun_names_a_kind_whatever_its_tag() -> None:
    """ "a barking cough": the tagger calls "barking" VBG in one sentence and NN in the next."""
    assert contradicts("A barking cough is a normal part of growing up.",
                       "Always take a barking cough seriously.")


def test_an_it_cleft_carries_the_clause_its_that_opens() -> None:
    """ "It is only after X that Y": the order's later side is Y, not "it is"."""
    cleft = "It's only after walking is well established that running begins."
    assert ("walk-alone", "run") in order_keys(cleft)
    assert ("hop", "skip") in order_keys("It is only after children can hop that they start to skip.")


# -- guidance: where a practice ends ("until N") -------------------------------------------------------
@pytest.mark.parametrize(("sentence", "against"), [
    ("Avoid direct sunlight until 3 months.", True),  # the guidance says until 6 months
    ("Avoid direct sunlight until 6 months.", False),
    ("Keep your toddler rear-facing until 18 months.", True),  # as long as the seat allows, past 2 years
    ("Keep your child rear-facing until at least 2 years.", False),
])
def test_an_early_end_goes_against_guidance(sentence: str, against: bool) -> None:
    _, found = run(article(sentence))
    assert (("EL304", 3) in {(code, line) for code, line, _ in found}) is against, found


@pytest.mark.parametrize("lifted", ["Don't feel that you have to sterilise every toy.",
                                    "Don't think you must sterilise every toy."])
def test_a_negated_feeling_lifts_the_obligation(lifted: str) -> None:
    advice = [a for a in claims_of(lifted, "advice") if a["action"] == "sterilise"]
    assert [(a["polarity"], a["force"]) for a in advice] == [(-1, "no-need")]
    assert not contradicts(lifted, "You may sterilise every toy.")  # no need and leave agree


# -- a modal with the child as subject: advice to the carer ---------------------------------------------
def test_what_the_child_should_have_is_what_to_give() -> None:
    assert contradicts("Toddlers should not eat whole nuts.", "You can give toddlers whole nuts as a snack.")
    assert not contradicts("Toddlers should not eat whole nuts.", "You can give toddlers nut butter.")
    (advice,) = claims_of("Toddlers should drink water with meals until age 3.", "advice")
    assert advice["action"] == "give" and advice["prov"]["age_scope"] == [12.0, 36.0]  # type: ignore[index]


def test_what_the_child_can_do_is_no_advice() -> None:
    assert claims_of("Toddlers can climb stairs.", "advice") == []


def test_children_under_a_bare_number_are_that_many_years_old() -> None:
    (advice,) = claims_of("Children under 5 should not eat whole grapes.", "advice")
    assert advice["prov"]["age_scope"] == [0.0, 60.0]  # type: ignore[index]
    assert not contradicts("Children under 5 should not eat whole grapes.",
                           "Children over 5 can eat whole grapes.")


# -- from held-out grammar 11 (read only after it measured the session's work) -------------------------
@pytest.mark.parametrize(("asserted", "denied"), [
    ("Spots are often blamed on chocolate.", "Chocolate does not cause spots."),
    ("Chocolate causes spots.", "Spots cannot be blamed on chocolate."),
    ("Chocolate causes spots.", "Chocolate and spots are unrelated."),
    ("Chocolate causes spots.", "No study has ever shown that chocolate causes spots."),
    ("Chocolate causes spots.", "It's a misconception that chocolate leads to spots."),
])
def test_more_ways_to_deny_a_cause(asserted: str, denied: str) -> None:
    assert contradicts(asserted, denied)


def test_a_relative_clause_on_a_myth_noun_is_no_denial() -> None:
    assert not contradicts("Chocolate causes spots.", "It's a myth that parents repeat about chocolate.")
    assert not contradicts("Chocolate causes spots.", "Research has shown that chocolate causes spots.")


@pytest.mark.parametrize("alarm", ["A new lump is something to get checked out promptly.",
                                   "A new lump is always worth an urgent appointment."])
def test_worth_an_appointment_and_something_to_get_checked(alarm: str) -> None:
    assert contradicts("A new lump is nothing out of the ordinary.", alarm)


@pytest.mark.parametrize(("sentence", "pair"), [
    ("Few toddlers hop before they are able to run.", ("run", "hop")),  # most run first
    ("Singing lays the foundation for reading.", ("sing", "read")),
    ("Hopping is normally achieved only after running.", ("run", "hop")),
    ("Before most toddlers hop, they will have spent weeks running.", ("run", "hop")),
])
def test_few_foundation_achieved_and_spent_time(sentence: str, pair: tuple[str, str]) -> None:
    assert pair in order_keys(sentence)


def test_a_few_is_a_minority_that_does() -> None:
    (c,) = claims_of("A few toddlers hop before they run.", "order")
    assert c["prov"]["hedge"] == "minority"  # type: ignore[index]


@pytest.mark.parametrize("maybe", ["The odd toddler will hop before they run.",
                                   "It isn't unheard of for a toddler to hop before they run.",
                                   "It is possible for a toddler to hop before they run."])
def test_the_odd_child_and_a_possibility_are_exceptions(maybe: str) -> None:
    assert not contradicts("Most toddlers run before they hop.", maybe)


def test_a_narrowed_form_before_its_general_one_is_no_cycle() -> None:
    """ "walking with one hand held" is a narrowed "walking": two claims putting it before walking unaided
    agree; only the exact reverse contradicts them."""
    assisted = "Walking with one hand held lays the foundation for walking unaided."
    assert not contradicts("After walking with one hand held, walking unaided is next in line.", assisted)
    assert contradicts("Walking unaided lays the foundation for walking with one hand held.", assisted)
