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

from pydantic import (
    AfterValidator,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationInfo,
    field_validator,
    model_validator,
)

from .api import DataSchema
from .checks.claims.ontology import OntologyFile, build_ontology
from .datafile import DataModel
from .segment import Segmentation, build_rules

Word = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


def _compiles(pattern: str) -> str:
    """Compiled as the checks compile most patterns (case-insensitively), so that their own compile soon
    after is a hit in ``re``'s cache rather than a second compile."""
    try:
        re.compile(pattern, re.IGNORECASE)
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


class SpellingLocale(DataModel):
    """A written standard that takes one side of a dimension for most pairs and the other for some
    (Canadian: UK "colour", "centre"; US "diarrhea", "pediatric")."""

    label: Word
    side: Word  # one of the dimension's labels: the side taken for every pair not listed
    other_side: list[LowerWord] = Field(default_factory=list, alias="other-side")  # first forms of pairs
    either: list[LowerWord] = Field(default_factory=list)  # first forms of pairs written both ways


class Dimension(DataModel):
    labels: tuple[Word, Word]
    variants: tuple[Word, Word]
    pairs: list[Annotated[tuple[LowerWord, LowerWord], AfterValidator(_two_spellings)]] = Field(
        default_factory=list)
    locales: dict[str, SpellingLocale] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _locale_sides(self) -> Dimension:
        firsts = {a for a, _ in self.pairs}
        for name, loc in self.locales.items():
            if loc.side not in self.labels:
                raise ValueError(f"locale {name}: side must be one of {list(self.labels)}")
            unknown = sorted(set(loc.other_side + loc.either) - firsts)
            if unknown:
                raise ValueError(f"locale {name}: not the first form of a pair: {', '.join(unknown)}")
        return self


class SpellingVariants(DataModel):
    """``us-uk``: pairs of spellings along a dimension (US/UK, -ize/-ise)."""

    dimensions: dict[str, Dimension]


class Audience(DataModel):
    """One ``[audience.NAME]`` profile (also ``[tool.editlint.readability.audiences]`` in a configuration)."""

    description: str = ""
    max_grade: float = Field(alias="max-grade", gt=0)
    min_ease: float = Field(alias="min-ease", ge=0, le=121)  # the Flesch Reading Ease scale
    sentence_warning_words: int = Field(default=39, alias="sentence-warning-words", gt=0)
    sentence_info_words: int = Field(default=25, alias="sentence-info-words", gt=0)  # after: sees warning
    sources: list[str] = Field(default_factory=list)

    @field_validator("sentence_info_words")
    @classmethod
    def _info_below_warning(cls, value: int, info: ValidationInfo) -> int:
        warning = info.data.get("sentence_warning_words")
        if warning is not None and value > warning:
            raise ValueError("must not be above sentence-warning-words")
        return value


class Audiences(DataModel):
    """``audiences``: readability limits per audience profile (``[tool.editlint] audience``)."""

    audience: dict[str, Audience] = Field(min_length=1)


def _phrase(phrase: str) -> str:
    if not re.fullmatch(r"[\w'’ -]+", " ".join(phrase.casefold().split())):
        raise ValueError("a phrase must be words separated by spaces")
    return phrase


NonBlank = Annotated[str, StringConstraints(pattern=r"\S")]


class PlainWord(DataModel):
    """``"phrase" = { instead = "plain", fix = false }``: one alternative, replaced by ``--fix`` unless
    ``fix = false``."""

    instead: NonBlank
    fix: bool = True


class PlainWords(DataModel):
    """``plain-words``: wordy or formal phrases (EL206) and their plain alternatives. A value is one
    alternative (fixable), a list of alternatives (suggested, never fixed) or a :class:`PlainWord`."""

    words: dict[Annotated[str, AfterValidator(_phrase)],
                NonBlank | Annotated[list[NonBlank], Field(min_length=1)] | PlainWord] = Field(min_length=1)

    @model_validator(mode="after")
    def _no_twice(self) -> PlainWords:
        seen: set[str] = set()
        for phrase in self.words:
            norm = " ".join(phrase.casefold().split())
            if norm in seen:
                raise ValueError(f"words: {phrase!r} is listed twice")
            seen.add(norm)
        return self


class Kebab(DataModel):
    """A data table whose TOML keys are the fields' names in kebab-case (``weak-hedges``)."""

    model_config = ConfigDict(alias_generator=lambda name: name.replace("_", "-"))


Words = Annotated[list[Word], Field(default_factory=list)]
Regexes = Annotated[list[Regex], Field(default_factory=list)]


class EvidenceKind(Kebab):
    """``[kinds.NAME]`` of the health lexicon: terms and patterns that are evidence of health advice;
    ``contextual`` ones count only next to a medicine in the same sentence."""

    label: str = ""  # empty: the kind's name
    weight: float = Field(ge=0)
    cap: int = Field(default=3, ge=1)
    terms: Words
    patterns: Regexes
    contextual: Words
    contextual_patterns: Regexes


class ReassuranceEntry(Kebab):
    pattern: Regex
    softer: str


class Hedging(Kebab):
    hedges: Words
    weak_hedges: Words
    source_patterns: Regexes
    myth_labels: Words
    fact_labels: Words


class Dose(Kebab):
    medicines: Words
    named: Words
    instruction: Regex
    amounts: Regexes
    check_advice: Regexes
    page_advice: Regexes  # what check advice must name to cover a stated dose anywhere on the page


class Care(Kebab):
    patterns: Regexes
    kinds: Words  # the [kinds.*] whose evidence calls for "when to seek care"
    hazard_before: Regexes  # a term after one of these names a hazard, not what a child has
    hazard_after: Regexes  # a term followed by one of these names a hazard ("choking hazard")
    kind_concern: dict[str, list[Regex]] = Field(default_factory=dict)  # kind -> where it is a concern


class References(Kebab):
    patterns: Regexes


class Voice(Kebab):
    """``[voice]``: how advice and stories sound."""

    narrative_share: float = Field(gt=0, le=1)
    imperative_verbs: Words
    openers: Words
    advice_patterns: Regexes
    recommendation_patterns: Regexes
    narrative_person: Regex
    narrative_past: Regex
    narrative_not: Regex
    definition_kinds: Words
    definition_patterns: Regexes


class HealthLexicon(Kebab):
    """``health-lexicon``: the evidence that an article gives health advice, reassurance, hedges, doses."""

    kinds: dict[str, EvidenceKind] = Field(min_length=1)
    reassurance: list[ReassuranceEntry] = Field(default_factory=list)
    hedging: Hedging
    dose: Dose
    care: Care
    references: References
    voice: Voice

    @model_validator(mode="after")
    def _care_kinds_exist(self) -> HealthLexicon:
        unknown = [k for k in self.care.kinds if k not in self.kinds]
        if unknown:
            raise ValueError(f"care.kinds names {unknown[0]!r}, which is not a [kinds.*] table")
        return self


class DisclaimerMetadata(Kebab):
    disclaimer_keys: Words
    reviewer_keys: Words
    clinician_titles: Regexes


class DisclaimerHtml(Kebab):
    markers: Words  # class, id or role words that mark a disclaimer element


class DisclaimerConstructions(Kebab):
    """``[constructions]``: the parts a disclaimer sentence is made of (``{professional}`` in a pattern is
    the ``professionals`` list)."""

    follow_on: Regex
    self_determiners: Words
    self_nouns: Words
    self_patterns: Regexes
    nothing_patterns: Regexes
    authors: Words
    negators: Words
    negator_patterns: Regexes
    auxiliaries: Words
    fillers: Words
    relations: Words
    relation_patterns: Regexes
    object_relations: Words
    professionals: Words
    care_nouns: Words
    framing_verbs: Words
    framing_adjectives: Words
    framing_nouns: Words
    qualifiers: Words
    identity_patterns: Regexes
    defer_verbs: Words
    own_clinician_patterns: Regexes
    scope_patterns: Regexes


class Disclaimers(Kebab):
    """``disclaimers``: how EL401 recognises a medical disclaimer (phrases and constructions)."""

    phrases: Words
    metadata: DisclaimerMetadata
    html: DisclaimerHtml
    constructions: DisclaimerConstructions


class _FunctionWords(Kebab):
    function: Words


class _NumberWords(Kebab):
    words: Words


class _Topic(Kebab):
    noun_phrase_words: Words
    prepositions: Words


class _Summary(Kebab):
    strong: Words
    weak: Words


def _two_words(pair: str) -> str:
    if len(pair.split()) != 2:
        raise ValueError(f"{pair!r} is not two words")
    return pair


class _Doubled(Kebab):
    allow: list[Annotated[Word, AfterValidator(_two_words)]] = Field(default_factory=list)


class _Openers(Kebab):
    first_word_exceptions: Words


class _Faq(Kebab):
    headings: Words


class _Keyphrase(Kebab):
    keys: Words


class _Density(Kebab):
    usual_share: dict[str, Annotated[float, Field(gt=0)]] = Field(default_factory=dict)


class RepetitionWords(Kebab):
    """``repetition``: the word lists of the repetition family (EL1xx): function words, number words,
    summary openers, allowed doubled words, FAQ headings, keyphrase metadata keys, usual word shares."""

    words: _FunctionWords
    numbers: _NumberWords
    topic: _Topic
    summary: _Summary
    doubled: _Doubled
    openers: _Openers
    faq: _Faq
    keyphrase: _Keyphrase
    density: _Density


#: Schema names are the data file stems.
SCHEMAS: tuple[DataSchema, ...] = (
    DataSchema("vocabulary", Vocabulary),
    DataSchema("us-uk", SpellingVariants),
    DataSchema("audiences", Audiences),
    DataSchema("health-lexicon", HealthLexicon),
    DataSchema("disclaimers", Disclaimers),
    DataSchema("plain-words", PlainWords),
    DataSchema("repetition", RepetitionWords),
    DataSchema("segmentation", Segmentation, build_rules),
    #: the claims ontology: shipped as a folder (rules/claims/ontology); packs add ``[data.ontology]``
    DataSchema("ontology", OntologyFile, build_ontology),
)
vocabulary = SCHEMAS[0]
us_uk = SCHEMAS[1]
audiences = SCHEMAS[2]

health_lexicon = SCHEMAS[3]
disclaimers = SCHEMAS[4]
plain_words = SCHEMAS[5]
repetition = SCHEMAS[6]
segmentation = SCHEMAS[7]
ontology = SCHEMAS[8]

__all__ = ["SCHEMAS", "Audiences", "Disclaimers", "HealthLexicon", "PlainWords", "Regex", "RepetitionWords",
           "SpellingVariants",
           "Vocabulary"]
