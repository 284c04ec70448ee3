"""EL403/EL404 precision on kinds of language that real pages use (session 6 audit): hazards named on a
prevention page, normal milestones, an amount of something else with an aside, a population dose under an
institution's lead-in. Every sentence is written for these tests, on topics of their own; each kind has a
flagged and a passing side."""

from __future__ import annotations

import itertools

import pytest
from conftest import codes, lint_snippet

from editlint.findings import Severity

# -- EL404: a hazard or what the advice prevents is no symptom the page describes ----------------------------
#: topic -> (title, intro, four health terms: conditions and symptoms from the lexicon)
HAZARD_TOPICS = {
    "picnic": ("Packing a picnic for toddlers", "Cool bags and clean boxes make a picnic safer.",
               ("infection", "diarrhoea", "vomiting", "fever")),
    "paddling-pool": ("Paddling pool days", "A paddling pool is great fun on a hot afternoon.",
                      ("dehydration", "infection", "rash", "vomiting")),
    "new-puppy": ("A new puppy and a toddler", "Puppies and small children can be good friends.",
                  ("infection", "rash", "diarrhoea", "allergy")),
}
#: how a prevention page names a health term: as a risk, as what is prevented, as a hazard, as a possibility
HAZARD_FRAMES = {
    "risk-of": "Washing hands lowers the risk of your child getting {x}.",
    "prevent": "Simple habits like these help prevent {x}.",
    "could-cause": "Leaving this step out could cause {x}.",
    "keep-from": "A little care keeps small children from getting {x}.",
}
#: the same terms as something the child has: a symptom page that needs a "when to call the doctor" line
HAS = "Your child may have {x} for a day or two."


def _page(title: str, intro: str, lines: list[str]) -> str:
    return f"# {title}\n\n{intro}\n\n" + "\n\n".join(lines) + "\n"


@pytest.mark.parametrize(("topic", "frame"), list(itertools.product(HAZARD_TOPICS, HAZARD_FRAMES)))
def test_hazards_on_a_prevention_page_are_no_symptoms(topic: str, frame: str) -> None:
    title, intro, terms = HAZARD_TOPICS[topic]
    text = _page(title, intro, [HAZARD_FRAMES[frame].format(x=x) for x in terms])
    assert codes(lint_snippet(text, "markdown", select=["EL404"])) == []


@pytest.mark.parametrize("topic", list(HAZARD_TOPICS))
def test_the_same_terms_as_what_a_child_has_need_a_doctor_line(topic: str) -> None:
    title, intro, terms = HAZARD_TOPICS[topic]
    text = _page(title, intro, [HAS.format(x=x) for x in terms])
    assert codes(lint_snippet(text, "markdown", select=["EL404"])) == ["EL404"]


@pytest.mark.parametrize("hazard", ["Marbles are a choking hazard for toddlers.",
                                    "Button batteries are a choking risk, and they burn if swallowed."])
def test_a_term_followed_by_hazard_is_a_hazard(hazard: str) -> None:
    text = _page("Toys on the floor", "Tidy toys away at the end of the day.",
                 [hazard, "Washing hands lowers the risk of an infection.",
                  "Good habits help prevent diarrhoea."])
    assert codes(lint_snippet(text, "markdown", select=["EL404"])) == []


def test_a_treated_symptom_is_still_a_symptom() -> None:
    """"Reduce the fever" treats what the child has: no hazard frame."""
    text = _page("A hot, miserable toddler", "Toddlers pick up bugs at nursery.",
                 ["To reduce the fever, offer plenty of drinks.", "Lower the temperature of the room.",
                  "A rash and vomiting often come with it.", "An infection can make them sleepy."])
    assert codes(lint_snippet(text, "markdown", select=["EL404"])) == ["EL404"]


# -- EL404: a normal milestone is no development concern --------------------------------------------------
#: topic -> sentences naming milestones as normal things to enjoy or practise (four distinct milestones)
MILESTONE_TOPICS = {
    "library": ("Rhyme time at the library", [
        "She showed off her crawling to the other babies at rhyme time.",
        "Bring a soft mat for tummy time on the carpet.",
        "The older ones practise walking between the shelves.",
        "We cheered when he started rolling over during the songs."]),
    "garden": ("Playing in the garden", [
        "Grass is a soft place for crawling.",
        "Spread a blanket for tummy time in the shade.",
        "A push-along cart makes walking more fun.",
        "Pulling up on the bench is a favourite game."]),
    "bath": ("Splashing at bath time", [
        "Sitting up in the bath lets her splash with both hands.",
        "He loves cruising along the side of the tub before his bath.",
        "After the bath, a little tummy time on the towel is a treat.",
        "Rolling over on the changing mat needs a hand on the tummy."]),
}
#: sentences that make milestones a concern: timing against a norm, delay, worry
CONCERNS = [
    "Most babies crawl by 10 months, and some skip crawling altogether.",
    "Babies born early may reach milestones like walking later.",
    "If rolling over hasn't started by 6 months, keep a note of it.",
]


@pytest.mark.parametrize("topic", list(MILESTONE_TOPICS))
def test_normal_milestones_are_no_development_concern(topic: str) -> None:
    title, lines = MILESTONE_TOPICS[topic]
    assert codes(lint_snippet(_page(title, "A few ideas for this week.", lines), "markdown",
                              select=["EL404"])) == []


@pytest.mark.parametrize("topic", list(MILESTONE_TOPICS))
def test_milestones_with_timing_or_delay_are_a_concern(topic: str) -> None:
    title, lines = MILESTONE_TOPICS[topic]
    text = _page(title, "A few ideas for this week.", lines + CONCERNS)
    assert codes(lint_snippet(text, "markdown", select=["EL404"])) == ["EL404"]
    fixed = text + "\nTalk to your health visitor if your baby is not sitting by 9 months.\n"
    assert codes(lint_snippet(fixed, "markdown", select=["EL404"])) == []


# -- EL403: which number is a dose ------------------------------------------------------------------------
@pytest.mark.parametrize("sentence", [
    "Toddlers who drink more than 600 ml (about a pint) of cow's milk a day may not need an iron supplement.",
    "A child who has 250 ml (one glass) of fortified juice a day may not need vitamin D drops.",
    "Babies taking over 700 ml (roughly 24 oz) of follow-on milk should not be given iron drops.",
])
def test_an_amount_of_something_else_with_an_aside_is_no_dose(sentence: str) -> None:
    text = _page("Drinks for little ones", "Milk and water are the best drinks.", [sentence])
    assert codes(lint_snippet(text, "markdown", select=["EL403"])) == []


@pytest.mark.parametrize("sentence", [
    "Give 2.5 ml (half a teaspoon) of ibuprofen every 6 hours.",
    "Offer 5 ml (one spoonful) of paracetamol at bedtime.",
])
def test_an_amount_of_a_medicine_with_an_aside_is_a_dose(sentence: str) -> None:
    text = _page("Sore ears", "Ear pain is common after a cold.", [sentence])
    assert codes(lint_snippet(text, "markdown", select=["EL403"])) == ["EL403"]


#: lead-in paragraph, then a list of population doses (two topics: iron, vitamin D)
LEAD_INS = {
    "iron": ("The national health service recommends:",
             ["Babies born early should be given an iron supplement of 2 mg a day from one month.",
              "Children aged 1 to 3 who eat no meat should be given 7 mg of an iron supplement a day."]),
    "vitamin-d": ("Our paediatric society advises the following:",
                  ["Breastfed babies should be given 400 IU of vitamin D a day.",
                   "Toddlers in northern countries should be given 600 IU of vitamin D a day in winter."]),
}
FAR_ADVICE = "## Buying supplements\n\nAsk a pharmacist which supplement suits your child.\n"
FILLER = "\n\n".join(["Fresh fruit is a good snack.", "Water is the best drink between meals.",
                      "Meals together help children try new foods."])


def _dose_page(topic: str, advice: bool) -> str:
    lead, items = LEAD_INS[topic]
    body = f"# Supplements\n\n{FAR_ADVICE if advice else ''}\n## Daily amounts\n\n{FILLER}\n\n{lead}\n\n"
    return body + "\n".join(f"* {i}" for i in items) + "\n"


@pytest.mark.parametrize("topic", list(LEAD_INS))
def test_population_doses_are_covered_by_advice_anywhere_on_the_page(topic: str) -> None:
    assert codes(lint_snippet(_dose_page(topic, advice=True), "markdown", select=["EL403"])) == []


@pytest.mark.parametrize("topic", list(LEAD_INS))
def test_population_doses_without_any_advice_are_warnings(topic: str) -> None:
    report = lint_snippet(_dose_page(topic, advice=False), "markdown", select=["EL403"])
    assert codes(report) == ["EL403", "EL403"]
    assert {f.severity for f in report.findings} == {Severity.WARNING}


@pytest.mark.parametrize("instruction", ["Give your toddler 5 ml of paracetamol at bedtime.",
                                         "Use 2 drops of the antihistamine twice a day."])
def test_an_instruction_still_needs_advice_nearby(instruction: str) -> None:
    text = f"# Supplements\n\n{FAR_ADVICE}\n## At home\n\n{FILLER}\n\n{instruction}\n"
    report = lint_snippet(text, "markdown", select=["EL403"])
    assert codes(report) == ["EL403"]
    assert report.findings[0].severity is Severity.ERROR


def test_advice_about_something_else_does_not_cover_a_population_dose() -> None:
    """A referral about starting solids is no advice to check a dose."""
    text = _dose_page("iron", advice=False).replace(
        "## Daily amounts", "Ask your GP when to start solid foods.\n\n## Daily amounts")
    assert codes(lint_snippet(text, "markdown", select=["EL403"])) == ["EL403", "EL403"]


# -- EL401: a first-person post that recommends remedies instructs, whoever narrates --------------------
#: topic -> (a story of a sick child with remedies named, the endorsement a reader would act on)
REMEDY_POSTS = {
    "croup": ("# Our week of croup\n\nMia had croup and a bad cough last winter. It lasted a week.\n\n"
              "1. We gave her a homeopathic remedy for coughs every evening.\n"
              "2. We ran a hot shower and sat in the steam with her.\n"
              "3. We kept a saline spray by the bed. Definitely buy one before the winter starts.\n"),
    "engorgement": ("# My first week of breastfeeding\n\nWhen my milk came in, the engorgement was awful and "
                    "I had sore nipples for days.\n\n"
                    "- Lanolin was the only thing that helped me. I would highly recommend it.\n"
                    "- Cool cloths helped with the swelling between feeds.\n"),
}
#: the same stories told with no advice: a diary
DIARY_POSTS = {
    "croup": ("# Our week of croup\n\nOur daughter had croup and a bad cough last winter. We were up all "
              "week.\n\nWe gave her a homeopathic remedy for coughs every evening. We ran a hot shower and "
              "sat in the steam with her. By Sunday we heard her singing again.\n\n"
              "On a happier note, I would highly recommend the new library in town.\n"),
    "engorgement": ("# My first week of breastfeeding\n\nWhen my milk came in, the engorgement was awful and "
                    "I had sore nipples for days. Lanolin and a nipple cream were what I used, and cool "
                    "cloths eased the swelling. My mother sat with me every night.\n\n"
                    "Later that month I went back to the choir, which I would highly recommend.\n"),
}


@pytest.mark.parametrize("topic", list(REMEDY_POSTS))
def test_a_first_person_post_recommending_remedies_needs_a_disclaimer(topic: str) -> None:
    assert codes(lint_snippet(REMEDY_POSTS[topic], "markdown", select=["EL401"])) == ["EL401"]


@pytest.mark.parametrize("topic", list(DIARY_POSTS))
def test_a_diary_of_an_illness_with_no_health_advice_needs_none(topic: str) -> None:
    assert codes(lint_snippet(DIARY_POSTS[topic], "markdown", select=["EL401"])) == []


@pytest.mark.parametrize(("sentence", "illness"), [
    ("Sam caught a cold at nursery.", True),
    ("Her first cold lasted ten days.", True),
    ("A cold and a cough kept him home.", True),
    ("Offer a cold drink after play.", False),
    ("Keep them wrapped up when they are out in the cold.", False),
    ("A cold compress on the forehead feels nice.", False),
])
def test_cold_the_illness_is_not_cold_the_adjective(sentence: str, illness: bool) -> None:
    from editlint.checks import disclaimer as d
    from editlint.rules import Registry

    health: d.Health = Registry.default().data("health-lexicon")
    keys = d._evidence_keys(sentence, sentence, health.lexicon, health.voice)
    assert any(kind == "condition" for kind, _k, _h in keys) is illness, keys


# -- EL402: the body's own healing promised as certain --------------------------------------------------
BODY_HEALS = {
    "tummy-bug": ("# Tummy bugs\n\nA tummy bug brings vomiting and diarrhoea for a day or two. {claim} Offer "
                  "sips of water.\n"),
    "chest-cold": ("# A chesty cold\n\nA cough and a runny nose can last two weeks in a toddler. {claim} "
                   "Keep them warm and rested.\n"),
}
CERTAIN = ["Your child's body will fight it off.", "The immune system can take care of it.",
           "Their body knows how to heal itself."]
HEDGED = ["Most of the time your child's body will fight it off.",
          "The immune system can usually take care of it.",
          "In most cases their body knows how to heal itself."]


@pytest.mark.parametrize(("topic", "claim"), list(itertools.product(BODY_HEALS, CERTAIN)))
def test_the_body_healing_itself_promised_as_certain_is_reassurance(topic: str, claim: str) -> None:
    text = BODY_HEALS[topic].format(claim=claim)
    assert codes(lint_snippet(text, "markdown", select=["EL402"])) == ["EL402"]


@pytest.mark.parametrize(("topic", "claim"), list(itertools.product(BODY_HEALS, HEDGED)))
def test_the_body_healing_itself_hedged_is_fine(topic: str, claim: str) -> None:
    text = BODY_HEALS[topic].format(claim=claim)
    assert codes(lint_snippet(text, "markdown", select=["EL402"])) == []


@pytest.mark.parametrize("care", ["Talk to your usual GP if the rash spreads.",
                                  "Call your regular pediatrician if the vomiting goes on past a day.",
                                  "Ask the family doctor about it if the cough lasts three weeks."])
@pytest.mark.parametrize("topic", list(HAZARD_TOPICS))
def test_a_clinician_with_any_one_word_before_it_is_when_to_see_a_doctor(care: str, topic: str) -> None:
    title, intro, terms = HAZARD_TOPICS[topic]
    text = _page(title, intro, [HAS.format(x=x) for x in terms] + [care])
    assert codes(lint_snippet(text, "markdown", select=["EL404"])) == []


@pytest.mark.parametrize("sentence", ["Keep your toddler from scratching the rash.",
                                      "Try to avoid touching the sore skin around the rash.",
                                      "Stop them from rubbing the infection into the other eye."])
def test_a_symptom_the_child_has_inside_a_prevent_phrase_is_still_a_symptom(sentence: str) -> None:
    from editlint.checks import disclaimer as d
    from editlint.rules import Registry

    health: d.Health = Registry.default().data("health-lexicon")
    keys = d._evidence_keys(sentence, sentence, health.lexicon, health.voice)
    assert keys and not any(hazard for _kind, _key, hazard in keys), keys
