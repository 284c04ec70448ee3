"""Kinds of language the claim model reads since the sixth session, each generated over event pairs of
this file's own topics (motor skills, feeding, speech, dressing), with the consistent twin that must stay
silent: comparative ages ("X at a younger / an earlier age than Y", "Y at an older age than X"), a skill
still in progress against one not reached yet ("while still learning to X, not yet ready to Y"), and
readiness after a skill the subject has ("a child who has learned to X is ready to Y"; "ready to Y" is
read through to Y, as "able to Y" is).
"""

from __future__ import annotations

import itertools

import pytest
from test_claims_kinds10 import claims_of, contradicts, order_keys

#: (earlier, later) events as a bare verb phrase; the plain order each template is checked against.
PAIRS = [
    ("sit", "crawl"),
    ("hold a spoon", "use a fork"),
    ("point at pictures", "name colours"),
    ("pull off their socks", "put on their shoes"),
]
TEMPLATES = [
    "Children {x} at a younger age than they {y}.",
    "Most children {x} at an earlier age than they {y}.",
    "Children usually {y} at an older age than they {x}.",
    "While they are still learning to {x}, children are not yet ready to {y}.",
    "A child who has learned to {x} is usually ready to {y}.",
    "Children who can {x} are ready to {y}.",
]
PLAIN = "Most children {a} before they {b}."


@pytest.mark.parametrize(("template", "pair"), list(itertools.product(TEMPLATES, PAIRS)))
def test_order_forms_against_the_plain_order(template: str, pair: tuple[str, str]) -> None:
    x, y = pair
    stated = template.format(x=x, y=y)
    assert contradicts(stated, PLAIN.format(a=y, b=x)), stated
    assert not contradicts(stated, PLAIN.format(a=x, b=y)), stated


@pytest.mark.parametrize("sentence", [
    "Babies sit at a younger age than their older siblings did.",
    "Children usually hop at an older age than their parents think.",
    "While they are learning to sit, babies are not ready to crawl.",
    "While they are still learning to sit, babies are happy.",
    "A baby who cries is ready for a nap.",
    "Babies learn to roll at a younger age than most parents expect.",
])
def test_no_order_without_two_events_in_the_construction(sentence: str) -> None:
    assert order_keys(sentence) == []


def test_a_negated_readiness_is_read_once_in_its_own_direction() -> None:
    assert order_keys("A baby who is not sitting yet is not ready to crawl.") == [("sit", "crawl")]


# -- stance: idioms of [stance.verdict-phrases] on the clause's subject -----------------------------------
THINGS = [("Toe walking in a two-year-old", "is"), ("A squint in a newborn", "is"), ("Night terrors", "are"),
          ("Head banging at bedtime", "is")]
CALM = ["{T} {v} usually a passing phase.", "{T} usually goes away on its own.", "{T} {v} entirely benign.",
        "{T} {v} no cause for concern.", "{T} shouldn't keep you awake at night."]
ALARM = ["{T} should set alarm bells ringing.", "{T} should prompt a visit to the doctor.",
         "{T} should warrant a check by your GP.", "{T} {v} a job for the doctor.",
         "You are right to worry about {t}."]


def _say(template: str, thing: tuple[str, str]) -> str:
    name, verb = thing
    return template.format(T=name, t=name[0].lower() + name[1:], v=verb)


@pytest.mark.parametrize(("calm", "alarm", "thing"), list(itertools.product(CALM, ALARM, THINGS[:2])))
def test_calm_and_alarming_idioms_clash(calm: str, alarm: str, thing: tuple[str, str]) -> None:
    assert contradicts(_say(calm, thing), _say(alarm, thing))


@pytest.mark.parametrize("thing", THINGS)
def test_idioms_of_one_verdict_agree(thing: tuple[str, str]) -> None:
    for a, b in itertools.pairwise(CALM):
        assert not contradicts(_say(a, thing), _say(b, thing))
    for a, b in itertools.pairwise(ALARM):
        assert not contradicts(_say(a, thing), _say(b, thing))


@pytest.mark.parametrize("sentence", [
    "Toe walking is tiring.", "Most toddlers grow taller.", "Many parents worry about toe walking.",
    "The phase of the moon changes.", "Parents who ring the doctor are sensible.",
])
def test_no_verdict_without_an_idiom_on_the_thing(sentence: str) -> None:
    assert claims_of(sentence, "stance") == []


def test_a_leading_gerund_read_as_a_modifier_is_the_thing_judged() -> None:
    (claim,) = claims_of("Kicking other children should ring alarm bells.", "stance")
    assert claim["thing"]["key"] == "kick"  # type: ignore[index]


MISREAD = ("the small model tags a present-tense verb after a long subject as a plural noun ('a newborn "
           "warrants(NNS)', 'a two-year-old tends(NNS)'), so the clause has no verb")


@pytest.mark.xfail(strict=True, reason=MISREAD)
@pytest.mark.parametrize("alarm", ["A squint in a newborn warrants a check by your GP.",
                                   "Toe walking in a two-year-old tends to need a check by the GP.",
                                   "Toe walking in a two-year-old need not keep you awake at night."])
def test_a_verb_misread_as_a_plural_noun(alarm: str) -> None:
    (claim,) = claims_of(alarm, "stance")
    assert "need" not in claim["thing"]["key"]  # type: ignore[index]


# -- causes: 'a key factor in', 'a contributor to', 'Y can be traced back to X', 'Don't blame X for Y' -----
CAUSES = [("cold weather", "chapped lips"), ("hunger", "early waking"), ("a dusty bedroom", "a blocked nose")]
ASSERTS = ["{C} is a key factor in {e}.", "{C} is a major contributor to {e}.",
           "{E} can usually be traced back to {c}.", "{E} is often attributed to {c}."]
DENIES = ["Don't blame {c} for {e}.", "{C} is not a factor in {e}."]


def _cause(template: str, cause: tuple[str, str]) -> str:
    c, e = cause
    return template.format(C=c[0].upper() + c[1:], c=c, E=e[0].upper() + e[1:], e=e)


def test_cause_idioms_asserted_and_denied() -> None:
    """Recall over the generated pairs, with a floor: the small model misreads some of this file's own noun
    phrases ('in chapped(VBN, conj) lips'), which no construction can mend."""
    pairs = list(itertools.product(ASSERTS, DENIES, CAUSES))
    found = sum(contradicts(_cause(a, c), _cause(d, c)) for a, d, c in pairs)
    assert found / len(pairs) >= 0.75, f"{found}/{len(pairs)}"


@pytest.mark.parametrize("cause", CAUSES)
def test_cause_idioms_agree(cause: tuple[str, str]) -> None:
    for a, b in itertools.pairwise(ASSERTS):
        assert not contradicts(_cause(a, cause), _cause(b, cause))


@pytest.mark.parametrize("sentence", ["Many parents blame cold weather for chapped lips.",
                                      "The letters can be traced with a finger."])
def test_reported_blame_and_other_senses_are_no_cause(sentence: str) -> None:
    assert claims_of(sentence, "proposition") == []


@pytest.mark.parametrize(("superseded", "denied"), [
    ("Doctors once thought that dummies caused ear infections.", "Dummies do not cause ear infections."),
    ("Experts previously believed that cold weather caused chapped lips.",
     "Don't blame cold weather for chapped lips."),
    ("Nurses once thought that hunger caused early waking.", "Hunger is not a factor in early waking."),
])
def test_a_view_given_up_is_reported_not_claimed(superseded: str, denied: str) -> None:
    assert not contradicts(superseded, denied)
    held = superseded.replace(" once thought", " know").replace(" previously believed", " know")
    assert contradicts(held, denied)


# -- order: inverted subjects, relative pronouns, negated expectations, 'been X-ing for months' -----------
#: (earlier, later) as (bare verb phrase, gerund phrase)
GERUND_PAIRS = [(("stack blocks", "stacking blocks"), ("build towers", "building towers")),
                (("babble", "babbling"), ("say single words", "saying single words")),
                (("drink from a beaker", "drinking from a beaker"), ("drink from an open cup",
                                                                   "drinking from an open cup"))]
GERUND_TEMPLATES = [
    "First comes {xg}. Then comes {yg}.",
    "Don't expect your child to {y} before they {x}.",
    "{Yg}, which tends to follow {xg}, takes a lot of practice.",
    "Once {xg} is mastered, {yg} isn't far behind.",
    "{Yg} is a harder skill that builds on {xg}.",
    "Around the time they first {y}, children have usually been {xg} for months.",
    "{Xg} is usually seen well before {yg}.",
]


def _order(template: str, pair: tuple[tuple[str, str], tuple[str, str]]) -> str:
    (x, xg), (y, yg) = pair
    return template.format(x=x, y=y, xg=xg, yg=yg, Yg=yg[0].upper() + yg[1:], Xg=xg[0].upper() + xg[1:])


def test_order_constructions_against_the_plain_order() -> None:
    """Recall over generated pairs with a floor (18 of 21 when written: the small model reads "Then comes"
    as an auxiliary of the gerund, or makes a once-clause the main clause), and no finding against the
    same order stated plainly."""
    cases = list(itertools.product(GERUND_TEMPLATES, GERUND_PAIRS))
    hits = 0
    for template, pair in cases:
        stated = _order(template, pair)
        (x, _), (y, _) = pair
        hits += contradicts(stated, PLAIN.format(a=y, b=x))
        assert not contradicts(stated, PLAIN.format(a=x, b=y)), stated
    assert hits / len(cases) >= 0.75, f"{hits}/{len(cases)}"


@pytest.mark.parametrize("sentence", [
    "A handful of toddlers seem to hop before they run.",
    "Around the time they first crawl, babies are curious.",
    "Expect your child to build towers before they stack blocks.",
])
def test_minorities_times_and_plain_expectations(sentence: str) -> None:
    """A handful is a minority (never a side); a time clause's 'first' sets no order; an expectation that
    is not negated keeps its order (the builder flips only a negated one)."""
    keys = order_keys(sentence)
    if sentence.startswith("Expect"):
        assert keys == [("build(tower)", "stack(block)")]
    else:
        assert not contradicts(sentence, "Most toddlers run before they hop. Babies crawl after they sit.")


def test_a_clause_before_a_negated_expectation_is_not_its_object() -> None:
    """The parser may hang a first clause on "so don't expect …"; only a clause after the verb is what is
    (not) to be expected."""
    sentence = ("Scribbling is a stepping stone toward drawing, so don't expect your toddler to draw "
                "shapes until they have been scribbling for a while.")
    assert ("scribble", "draw") in order_keys(sentence)
    assert ("draw", "scribble") not in order_keys(sentence)


# -- advice: idioms on a gerund subject; advising nouns ('our advice is to X', 'the last thing ... is X') --
ACTS = [("prop the bottle", "propping the bottle"), ("use a cot bumper", "using a cot bumper"),
        ("wipe the gums after feeds", "wiping the gums after feeds")]
ADVISE = ["{G} is a good habit to get into.", "{G} is worth a try.", "Our advice is to {a}.",
          "The best thing you can do is {a}."]
ADVISE_AGAINST = ["{G} is best avoided.", "{G} is not worth the risk.",
                  "The last thing you should do is {a}.", "The golden rule is never to {a}.",
                  "{G} is a recipe for disaster."]


def _act(template: str, act: tuple[str, str]) -> str:
    a, g = act
    return template.format(a=a, G=g[0].upper() + g[1:])


def test_advice_idioms_for_and_against_clash() -> None:
    pairs = list(itertools.product(ADVISE, ADVISE_AGAINST, ACTS))
    hits = sum(contradicts(_act(f, act), _act(g, act)) for f, g, act in pairs)
    assert hits / len(pairs) >= 0.9, f"{hits}/{len(pairs)}"


@pytest.mark.parametrize("act", ACTS)
def test_advice_idioms_of_one_side_agree(act: tuple[str, str]) -> None:
    for side in (ADVISE, ADVISE_AGAINST):
        for a, b in itertools.pairwise(side):
            assert not contradicts(_act(a, act), _act(b, act))


@pytest.mark.parametrize("sentence", ["Our advice is simple.", "The thing is to stay calm.",
                                      "Wiping gums is tiring.", "Propping up a tired toddler is hard work."])
def test_no_advice_without_an_idiom_or_an_advising_noun(sentence: str) -> None:
    assert claims_of(sentence, "advice") == []


# -- causes denied by 'no basis for linking X with Y', 'X has been cleared of causing Y'; 'cases of Y' -------
LINKS = [("sugary drinks", "tooth decay"), ("screen time", "poor sleep"), ("dummies", "ear infections")]
DENIALS = ["There is no evidence linking {c} with {e}.",
           "There is no scientific basis for linking {c} to {e}.", "{C} has been cleared of causing {e}."]
CLAIMS = ["{C} causes {e}.", "Many cases of {e} can be traced back to {c}."]


def test_denied_links_and_traced_cases_clash() -> None:
    pairs = list(itertools.product(CLAIMS, DENIALS, LINKS))
    hits = sum(contradicts(_cause(a, c), _cause(d, c)) for a, d, c in pairs)
    assert hits / len(pairs) >= 0.8, f"{hits}/{len(pairs)}"


@pytest.mark.parametrize("sentence", [
    "Link the chain to the gate.", "The table has been cleared of plates.",
    "There is good evidence linking sugary drinks with tooth decay.",
])
def test_no_denial_without_its_construction(sentence: str) -> None:
    assert all(c["polarity"] == 1 for c in claims_of(sentence, "proposition"))


# -- ages: 'X becomes possible for most children at N' (the age hangs on the people) -------------------------
@pytest.mark.parametrize(("possible", "plain"), [
    ("Stacking six blocks becomes possible for most toddlers at around 2 years.",
     "Most toddlers stack six blocks at 9 months."),
    ("Drinking from an open cup becomes possible for most babies at about 12 months.",
     "Most babies drink from an open cup at 4 months."),
])
def test_possible_for_people_at_an_age(possible: str, plain: str) -> None:
    (claim,) = claims_of(possible, "age")
    assert claim["concept"]["key"] == claims_of(plain, "age")[0]["concept"]["key"]  # type: ignore[index]
    assert contradicts(possible, plain)
    assert not contradicts(possible, plain.replace("9 months", "2 years").replace("4 months", "12 months"))


@pytest.mark.parametrize(("calm", "alarm"), [
    ("Night sweats in toddlers are nothing to lose sleep over.", "Night sweats in toddlers are a worry."),
    ("Night sweats in toddlers are no big deal.", "Night sweats in toddlers are worth a mention to your GP."),
    ("Pulling at their hair is no cause for alarm.", "Pulling at their hair is a cause for alarm."),
])
def test_an_idiom_denied_by_its_own_no_or_nothing(calm: str, alarm: str) -> None:
    """ "no big deal", "nothing to lose sleep over": the idiom's own "no" or "nothing" denies it."""
    verdicts = {c["verdict"] for c in claims_of(calm, "stance")}
    assert verdicts == {"normal"}
    assert contradicts(calm, alarm)


@pytest.mark.parametrize(("noun_form", "verb_form"), [
    ("Thumb sucking is a common trigger for sore thumbs.", "Sucking a thumb does not cause sore thumbs."),
    ("Bottle feeding is often the culprit behind ear infections.",
     "Feeding from a bottle does not cause ear infections."),
    ("Screen watching is often the culprit behind poor sleep.",
     "Watching screens does not cause poor sleep."),
])
def test_a_gerund_the_tagger_calls_a_noun_is_the_act(noun_form: str, verb_form: str) -> None:
    """ "Thumb sucking(NN)" and "sucking(VBG) a thumb" name one act: a cause asserted in one form and denied
    in the other clash. ("Biting(amod) nails" is left: a gerund before a plural noun also names a kind of the
    noun, as in "teething gels".)"""
    assert contradicts(noun_form, verb_form)


@pytest.mark.parametrize(("denied", "asserted"), [
    ("The idea that sugar causes hyperactivity has been debunked.", "Sugar causes hyperactivity."),
    ("The belief that cold baths give children colds has been disproved.", "Cold baths give children colds."),
    ("The idea that sugar causes hyperactivity is outdated.", "Sugar causes hyperactivity."),
])
def test_a_belief_called_debunked_or_outdated_is_denied(denied: str, asserted: str) -> None:
    claims = claims_of(denied, "proposition")
    assert claims and all(c["polarity"] == -1 for c in claims)
    assert contradicts(denied, asserted)
