"""Schemas of shipped data files (``rules/data/NAME.toml``) whose check modules do not declare their own.

Each is a :class:`editlint.api.DataSchema`; the registry scans this module like a check module. A pack's
``[data.NAME]`` extension is validated against the schema when the pack is loaded, so a typo in a house
pack is an error naming the pack file, the key path and the line (the shipped files are checked by
``tests/test_datafile.py``). A check module that declares its own ``DataSchema`` for a name replaces the
one here (check modules are scanned after this module).
"""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import AfterValidator, Field, StringConstraints

from .api import DataSchema
from .datafile import DataModel

Word = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


def _compiles(pattern: str) -> str:
    try:
        re.compile(pattern)
    except re.error as exc:
        raise ValueError(f"invalid regular expression: {exc}") from None
    return pattern


#: A Python regular expression, checked when the data is loaded.
Regex = Annotated[str, StringConstraints(min_length=1), AfterValidator(_compiles)]


class Vocabulary(DataModel):
    """``vocabulary``: words the speller accepts, and words it always flags (with a replacement)."""

    accept: list[Word] = Field(default_factory=list)
    reject: dict[str, str] = Field(default_factory=dict)
    lists: list[Word] = Field(default_factory=list)  # generated word lists under rules/data, one a line
    prefixes: list[Word] = Field(default_factory=list)  # prefix + known word is a word ("reswaddle")


def _two_spellings(pair: tuple[str, str]) -> tuple[str, str]:
    if pair[0] == pair[1]:
        raise ValueError("a pair needs two different spellings")
    return pair


LowerWord = Annotated[str, StringConstraints(pattern=r"^[a-z]+$")]


class Dimension(DataModel):
    labels: tuple[Word, Word]
    variants: tuple[Word, Word]
    pairs: list[Annotated[tuple[LowerWord, LowerWord], AfterValidator(_two_spellings)]] = Field(
        default_factory=list)


class SpellingVariants(DataModel):
    """``us-uk``: pairs of spellings along a dimension (US/UK, -ize/-ise)."""

    dimensions: dict[str, Dimension]


class Audience(DataModel):
    description: str = ""
    max_grade: float = Field(alias="max-grade", gt=0)
    min_ease: float = Field(alias="min-ease")
    sentence_info_words: int = Field(alias="sentence-info-words", gt=0)
    sentence_warning_words: int = Field(alias="sentence-warning-words", gt=0)
    sources: list[str] = Field(default_factory=list)


class Audiences(DataModel):
    """``audiences``: readability limits per audience profile (``[tool.editlint] audience``)."""

    audience: dict[str, Audience]


#: Schema names are the data file stems.
SCHEMAS: tuple[DataSchema, ...] = (
    DataSchema("vocabulary", Vocabulary),
    DataSchema("us-uk", SpellingVariants),
    DataSchema("audiences", Audiences),
)
vocabulary = SCHEMAS[0]
us_uk = SCHEMAS[1]
audiences = SCHEMAS[2]

__all__ = ["SCHEMAS", "Audiences", "Regex", "SpellingVariants", "Vocabulary"]
