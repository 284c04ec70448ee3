"""Word lists for the claim builders, as data (``rules/claims/lexicons.toml``).

They are English word classes (amount and part nouns, words for people and times, modal force, words of
denial and of a scant benefit), not topic words; keeping them in data lets a publisher extend them
without a code change, the same way as the scope lexicon and the constructions.
"""

from __future__ import annotations

import functools
from pathlib import Path

from pydantic import Field

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


class AgesLex(DataModel):
    exposure_verbs: frozenset[str] = Field(alias="exposure-verbs")
    exposure_key: str = Field(alias="exposure-key")
    earliest_preps: frozenset[str] = Field(alias="earliest-preps")


class QuantityLex(DataModel):
    duration_verbs: frozenset[str] = Field(alias="duration-verbs")


class PropositionLex(DataModel):
    denying_nouns: frozenset[str] = Field(alias="denying-nouns")
    no_words: frozenset[str] = Field(alias="no-words")


class StanceLex(DataModel):
    scant_words: frozenset[str] = Field(alias="scant-words")
    scant_phrases: tuple[str, ...] = Field(alias="scant-phrases")


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
    measured: tuple[Measured, ...] = ()


@functools.lru_cache(maxsize=8)
def load_lexicons(relpath: str = LEXICONS_FILE) -> Lexicons:
    """The builders' lexicons (validated once per process)."""
    path = Path(relpath) if Path(relpath).is_absolute() else rules_dir() / relpath
    return load_model(path, Lexicons)


__all__ = ["Lexicons", "Measured", "load_lexicons"]
