"""Word lists for the claim builders, as data (``rules/claims/lexicons.toml``).

They are English word classes (amount and part nouns, words for people and times, modal force, words of
denial and of a scant benefit), not topic words; keeping them in data lets a publisher extend them
without a code change, the same way as the scope lexicon and the constructions: the registry validates
``lexicons.toml`` with the packs' ``[data.claims-lexicons]`` merged in (lists extend, ``replace-KEY``
replaces) and the builders read it as ``env.lexicons`` (``ctx.data("claims-lexicons")``).
"""

from __future__ import annotations

from pathlib import Path

from pydantic import Field

from ...api import DataSchema
from ...datafile import DataModel, load_model, rules_dir

LEXICONS_FILE = "claims/lexicons.toml"


class AdviceLex(DataModel):
    amount_nouns: frozenset[str] = Field(alias="amount-nouns")
    part_nouns: frozenset[str] = Field(alias="part-nouns")
    people: frozenset[str]
    time_words: frozenset[str] = Field(alias="time-words")
    absolute: dict[str, int]
    until_marks: frozenset[str] = Field(alias="until-marks")
    once_marks: frozenset[str] = Field(alias="once-marks")
    carrier_verbs: frozenset[str] = Field(alias="carrier-verbs")
    addressees: frozenset[str]
    permission_words: frozenset[str] = Field(alias="permission-words")
    obligation_words: frozenset[str] = Field(alias="obligation-words")
    negative_lead_ins: tuple[str, ...] = Field(alias="negative-lead-ins")
    removal_verbs: frozenset[str] = Field(alias="removal-verbs")
    #: "let / allow / make / have your child X": the advice is about X, done by the child
    causative_verbs: frozenset[str] = Field(default=frozenset(), alias="causative-verbs")
    #: verbs that stand in for an action named elsewhere ("things you should not do:"): no advice alone
    pro_verbs: frozenset[str] = Field(default=frozenset(), alias="pro-verbs")
    #: "start to X", "begin X-ing", "continue to X": the aspect verb only times the act, X is the advice
    aspect_verbs: frozenset[str] = Field(default=frozenset(), alias="aspect-verbs")
    #: "let them start after 4pm": a time after a bare aspect verb is no object of its own
    time_preps: frozenset[str] = Field(default=frozenset(), alias="time-preps")
    #: "don't feel (that) you have to X": a negated verb of feeling over an obligation lifts it
    pressure_verbs: frozenset[str] = Field(default=frozenset(), alias="pressure-verbs")
    #: "babies should have / get / drink X": what the child takes in is what the carer gives it
    recipient_verbs: frozenset[str] = Field(default=frozenset(), alias="recipient-verbs")
    #: "for" / "against" -> idioms that advise on the act a gerund subject names ("is a good habit")
    verdict_phrases: dict[str, tuple[str, ...]] = Field(default_factory=dict, alias="verdict-phrases")
    #: nouns whose copula gives advice: "Our advice / tip / rule is to X"; "the best thing is to X"
    advising_nouns: frozenset[str] = Field(default=frozenset(), alias="advising-nouns")
    #: modifiers that turn such a noun against its act: "the last / worst thing you can do is X"
    worst_words: frozenset[str] = Field(default=frozenset(), alias="worst-words")


class AgesLex(DataModel):
    exposure_verbs: frozenset[str] = Field(alias="exposure-verbs")
    exposure_key: str = Field(alias="exposure-key")
    earliest_preps: frozenset[str] = Field(alias="earliest-preps")
    not_before_preps: frozenset[str] = Field(alias="not-before-preps")
    before_marks: frozenset[str] = Field(alias="before-marks")
    after_marks: frozenset[str] = Field(alias="after-marks")
    start_verbs: frozenset[str] = Field(alias="start-verbs")
    order_marks: frozenset[str] = Field(alias="order-marks")
    #: "eating mostly solid food at 12 months": a share of what the child does, not when it starts
    share_words: frozenset[str] = Field(default=frozenset(), alias="share-words")


class QuantityLex(DataModel):
    duration_verbs: frozenset[str] = Field(alias="duration-verbs")
    light_heads: frozenset[str] = Field(alias="light-heads")
    cap_verbs: frozenset[str] = Field(alias="cap-verbs")
    #: prepositions that put a verb's object at a level: "keep the room at 18 °C", "heat the milk to 37 °C"
    level_preps: frozenset[str] = Field(default=frozenset(), alias="level-preps")
    #: "cook 1/2 cup of oats for the week": an amount prepared, not what the child eats at once
    batch_verbs: frozenset[str] = Field(default=frozenset(), alias="batch-verbs")


class OrderLex(DataModel):
    weakeners: frozenset[str]
    #: "have / give / offer X before Y": the order of what is served at one meal, not of stages
    serving_verbs: frozenset[str] = Field(default=frozenset(), alias="serving-verbs")
    #: "practise going from standing to sitting", "show him how to get from X to Y": an exercise to do
    exercise_verbs: frozenset[str] = Field(default=frozenset(), alias="exercise-verbs")
    #: "when babies first start X": in a clause with one of these words, "first" means "for the first time"
    first_time_marks: frozenset[str] = Field(default=frozenset(), alias="first-time-marks")


class ChecksLex(DataModel):
    exposure_actions: frozenset[str] = Field(alias="exposure-actions")


class PropositionLex(DataModel):
    denying_nouns: frozenset[str] = Field(alias="denying-nouns")
    #: predicates only one subject can hold for one object and population ("the leading cause of Y")
    unique_predicates: frozenset[str] = Field(default=frozenset(), alias="unique-predicates")
    no_words: frozenset[str] = Field(alias="no-words")


class StanceLex(DataModel):
    scant_words: frozenset[str] = Field(alias="scant-words")
    scant_phrases: tuple[str, ...] = Field(alias="scant-phrases")
    #: verbs whose object is the condition itself: "if your child has / develops / gets X" is about X
    having_verbs: frozenset[str] = Field(default=frozenset(), alias="having-verbs")
    #: words that make a reassurance a promise: "perfectly normal", "nothing to worry about"
    absolute_words: frozenset[str] = Field(default=frozenset(), alias="absolute-words")
    #: verdict -> idioms that pass it on a clause's subject ("ring alarm bells", "grow out of"), in lemmas
    verdict_phrases: dict[str, tuple[str, ...]] = Field(default_factory=dict, alias="verdict-phrases")


class Measured(DataModel):
    """A condition defined by a measurement past a threshold ("fever": a temperature of 38 °C or more)."""

    concept: str
    nouns: frozenset[str]
    dimension: str
    from_: float = Field(alias="from")
    words: frozenset[str] = frozenset()  # adjectives past the threshold ("a raised temperature")


class Lexicons(DataModel):
    """The whole of ``lexicons.toml``."""

    advice: AdviceLex
    ages: AgesLex
    quantity: QuantityLex
    proposition: PropositionLex
    stance: StanceLex
    order: OrderLex
    checks: ChecksLex
    measured: tuple[Measured, ...] = ()


#: ``ctx.data("claims-lexicons")``: ``lexicons.toml`` with the packs' ``[data.claims-lexicons]`` merged in
LEXICONS_DATA = DataSchema("claims-lexicons", Lexicons, file=LEXICONS_FILE)


def load_lexicons(relpath: str = LEXICONS_FILE) -> Lexicons:
    """The shipped lexicons, read afresh (tests and one-off use; checks use ``ctx.data``/``env.lexicons``)."""
    path = Path(relpath) if Path(relpath).is_absolute() else rules_dir() / relpath
    return load_model(path, Lexicons)


__all__ = ["LEXICONS_DATA", "Lexicons", "Measured", "load_lexicons"]
