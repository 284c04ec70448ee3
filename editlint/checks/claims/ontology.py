"""The claims ontology: concepts (synonyms, parents, phases, age windows), reference relations and
guidance, each with its source, loaded from ``rules/claims/ontology/*.toml`` and validated on load.

The ontology is not what makes a claim: claims come from the parse with open-vocabulary concepts
(:mod:`.concepts`). It only adds identity (synonyms map to one id), structure (a parent, an age window)
and reference knowledge (the usual order, with the source that says so).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from pydantic import Field

from ...api import DataSource
from ...datafile import DataModel, load_model, rules_dir
from ...errors import ConfigError

ONTOLOGY_DIR = "claims/ontology"
#: the name the packs' ``[data.ontology]`` tables are merged under (after the shipped files)
PACKS = "packs"
Strength = Literal["usual", "required"]


class PackInfo(DataModel):
    name: str
    domain: str = ""


class ConceptEntry(DataModel):
    """A concept: ``synonyms`` are plain phrases, compared with the parse through their lemmas."""

    id: str
    label: str
    synonyms: tuple[str, ...] = ()
    parent: str | None = None
    group: str | None = None
    window: tuple[float, float] | None = None
    window_source: str | None = Field(default=None, alias="window-source")
    not_before: float | None = Field(default=None, alias="not-before")
    not_before_source: str | None = Field(default=None, alias="not-before-source")
    note: str = ""


class RelationEntry(DataModel):
    """The usual order of two concepts (``before`` happens first), with its source key."""

    before: str
    after: str
    strength: Strength = "usual"
    source: str
    note: str = ""


class GuidanceEntry(DataModel):
    """A piece of reference guidance (EL304 through ``claims_checks.reference_hits``; H-FACTS' fields)."""

    id: str
    label: str = ""
    says: str = ""
    source: str
    stance: Literal["avoid", "do"] = "avoid"
    terms: tuple[str, ...] = ()
    with_: tuple[str, ...] = Field(default=(), alias="with")
    unless: tuple[str, ...] = ()
    under: float | None = None
    age_needed: bool = Field(default=False, alias="age-needed")
    concept: str = ""
    note: str = ""


class AgeWordEntry(DataModel):
    """A word for a child's age ("newborn") and the months it stands for."""

    id: str
    synonyms: tuple[str, ...]
    months: tuple[float, float]
    note: str = ""


class ConceptLexicon(DataModel):
    """English words that decide concept identity from the parse (see ``lexicon.toml``)."""

    event_verbs: frozenset[str] = Field(default=frozenset(), alias="event-verbs")
    progress_verbs: frozenset[str] = Field(default=frozenset(), alias="progress-verbs")
    light_verbs: frozenset[str] = Field(default=frozenset(), alias="light-verbs")
    start_verbs: frozenset[str] = Field(default=frozenset(), alias="start-verbs")
    mastery_words: frozenset[str] = Field(default=frozenset(), alias="mastery-words")
    end_intransitive: frozenset[str] = Field(default=frozenset(), alias="end-intransitive")
    end_transitive: frozenset[str] = Field(default=frozenset(), alias="end-transitive")
    end_key: str = Field(default="end", alias="end-key")
    modifier_synonyms: dict[str, str] = Field(default_factory=dict, alias="modifier-synonyms")
    ignore_modifiers: frozenset[str] = Field(default=frozenset(), alias="ignore-modifiers")
    sequence_adverbs: frozenset[str] = Field(default=frozenset(), alias="sequence-adverbs")
    people: frozenset[str] = frozenset()
    generic_nouns: frozenset[str] = Field(default=frozenset(), alias="generic-nouns")
    partitives: frozenset[str] = frozenset()
    measure_nouns: frozenset[str] = Field(default=frozenset(), alias="measure-nouns")
    attainment_verbs: frozenset[str] = Field(default=frozenset(), alias="attainment-verbs")
    copular_verbs: frozenset[str] = Field(default=frozenset({"be"}), alias="copular-verbs")
    #: "X is (normally) seen / observed before Y": in the passive, the event is the subject
    perception_verbs: frozenset[str] = Field(default=frozenset(), alias="perception-verbs")
    #: "X becomes possible / common at N": adjectives whose event is the copula's subject
    subject_event_adjectives: frozenset[str] = Field(default=frozenset(), alias="subject-event-adjectives")


class OntologyFile(DataModel):
    pack: PackInfo | None = None
    sources: dict[str, str] = Field(default_factory=dict)
    concept: tuple[ConceptEntry, ...] = ()
    relation: tuple[RelationEntry, ...] = ()
    guidance: tuple[GuidanceEntry, ...] = ()
    age_word: tuple[AgeWordEntry, ...] = Field(default=(), alias="age-word")
    lexicon: ConceptLexicon | None = None


@dataclass(frozen=True)
class Relation:
    before: str
    after: str
    strength: str
    source: str  # the full citation
    note: str = ""


@dataclass(eq=False)
class Ontology:
    """All ontology files merged; ``synonyms`` is filled by :mod:`.concepts` (lemma keys)."""

    concepts: dict[str, ConceptEntry] = field(default_factory=dict)
    relations: list[Relation] = field(default_factory=list)
    guidance: list[GuidanceEntry] = field(default_factory=list)
    age_words: dict[str, AgeWordEntry] = field(default_factory=dict)
    sources: dict[str, str] = field(default_factory=dict)  # "file-stem:key" and bare key -> citation
    lexicon: ConceptLexicon = field(default_factory=ConceptLexicon)
    #: transitive closure of the reference order: (a, b) -> relations on the path from a to b
    closure: dict[tuple[str, str], tuple[Relation, ...]] = field(default_factory=dict)

    def label(self, cid: str) -> str:
        c = self.concepts.get(cid) or self.concepts.get(cid.split("(", 1)[0])
        return c.label if c else cid

    def ancestors(self, cid: str) -> list[str]:
        """``cid`` and its parents, nearest first; "crawl(room)" (a known concept narrowed by words the
        ontology does not know) has "crawl" as its parent."""
        out = [cid]
        base = cid.split("(", 1)[0]
        if base != cid and base in self.concepts:
            out.append(base)
        c = self.concepts.get(base)
        while c is not None and c.parent and c.parent not in out:
            out.append(c.parent)
            c = self.concepts.get(c.parent)
        return out

    def window(self, cid: str) -> tuple[tuple[float, float], str] | None:
        """The nearest age window (months) on the concept or its parents, with its citation."""
        for a in self.ancestors(cid):
            c = self.concepts.get(a)
            if c is not None and c.window:
                return c.window, self.sources.get(c.window_source or "", c.window_source or "")
        return None

    def reference(self, earlier: str, later: str) -> tuple[Relation, ...] | None:
        """The reference path saying ``later`` comes first (so ``earlier`` before ``later`` is against it)."""
        for y in self.ancestors(later):
            for x in self.ancestors(earlier):
                path = self.closure.get((y, x))
                if path:
                    return path
        return None


def _closure(relations: Iterable[Relation]) -> dict[tuple[str, str], tuple[Relation, ...]]:
    out: dict[tuple[str, str], tuple[Relation, ...]] = {}
    for r in relations:
        out.setdefault((r.before, r.after), (r,))
    changed = True
    while changed:
        changed = False
        for (a, b), p1 in list(out.items()):
            for (c, d), p2 in list(out.items()):
                if b == c and a != d and (a, d) not in out:
                    out[(a, d)] = p1 + p2
                    changed = True
    return out


def _merge(onto: Ontology, name: str, f: OntologyFile) -> None:
    for key, citation in f.sources.items():
        onto.sources[f"{name}:{key}"] = citation
        onto.sources.setdefault(key, citation)
    for c in f.concept:
        known = onto.concepts.get(c.id)
        if known is not None and name != PACKS:
            raise ConfigError(f"concept {c.id!r} is defined twice", path=name)
        onto.concepts[c.id] = c if known is None else _more_of(known, c)
    for r in f.relation:
        onto.relations.append(Relation(r.before, r.after, r.strength,
                                       f.sources.get(r.source, onto.sources.get(r.source, r.source)), r.note))
    onto.guidance.extend(f.guidance)
    for w in f.age_word:
        onto.age_words[w.id] = w
    if f.lexicon is not None:
        onto.lexicon = _extended(onto.lexicon, f.lexicon)


def _more_of(known: ConceptEntry, given: ConceptEntry) -> ConceptEntry:
    """A pack's entry for a shipped concept: its synonyms are added, the other values it gives replace."""
    values: dict[str, object] = {k: getattr(given, k) for k in given.model_fields_set if k != "synonyms"}
    values["synonyms"] = tuple(dict.fromkeys((*known.synonyms, *given.synonyms)))
    return known.model_copy(update=values)


def _extended(old: ConceptLexicon, new: ConceptLexicon) -> ConceptLexicon:
    """A later file's (a pack's) lexicon extends the earlier one: word sets add up, tables merge, a
    single value given replaces; so ``[data.ontology.lexicon] people = ["cub"]`` adds a word."""
    values: dict[str, object] = {}
    for name in new.model_fields_set:
        a, b = getattr(old, name), getattr(new, name)
        values[name] = a | b if isinstance(a, frozenset) else {**a, **b} if isinstance(a, dict) else b
    return old.model_copy(update=values)


def _validate(onto: Ontology) -> None:
    for c in onto.concepts.values():
        if c.parent and c.parent not in onto.concepts:
            raise ConfigError(f"concept {c.id!r}: unknown parent {c.parent!r}", path=ONTOLOGY_DIR)
    for r in onto.relations:
        for cid in (r.before, r.after):
            if cid not in onto.concepts:
                raise ConfigError(f"relation {r.before!r} -> {r.after!r}: unknown concept {cid!r}",
                                  path=ONTOLOGY_DIR)


def ontology_files(paths: Iterable[str] | None = None) -> tuple[Path, ...]:
    """The files to load: every ``*.toml`` under ``rules/claims/ontology`` unless ``paths`` are given."""
    if paths is None:
        return tuple(sorted((rules_dir() / ONTOLOGY_DIR).glob("*.toml")))
    return tuple(Path(p) if Path(p).is_absolute() or Path(p).exists() else rules_dir() / p for p in paths)


def load_ontology(paths: tuple[Path, ...] | None = None) -> Ontology:
    """Load, validate and merge the ontology files (``store.ClaimsData`` keeps one per set of paths)."""
    onto = Ontology()
    for path in paths if paths is not None else ontology_files():
        _merge(onto, path.stem, load_model(path, OntologyFile))
    _validate(onto)
    onto.closure = _closure(onto.relations)
    return onto


def build_ontology(data: OntologyFile, source: DataSource) -> Ontology:
    """The ``ontology`` data object (``ctx.data("ontology")``): the shipped files of
    ``rules/claims/ontology`` and, merged after them as one more file, the packs' ``[data.ontology]``
    tables (a publisher's concepts, milestone relations, guidance). Built once per registry."""
    onto = Ontology()
    for path in sorted(source.rules_path(ONTOLOGY_DIR).glob("*.toml")):
        _merge(onto, path.stem, load_model(path, OntologyFile))
    _merge(onto, PACKS, data)
    _validate(onto)
    onto.closure = _closure(onto.relations)
    return onto


def concepts_by_id(onto: Ontology) -> Mapping[str, ConceptEntry]:
    return onto.concepts
