"""Cold start, the model load: a pipeline's tokenizer is read from disk only (the language's defaults are
not built first to be thrown away), and is the tokenizer spaCy's own load gives."""

from __future__ import annotations

from editlint.config import DEFAULT_MODEL
from editlint.nlp import _load, import_spacy, load_model

spacy = import_spacy()  # a dependency; as editlint imports it (pytest.importorskip also imported its CLI)


def test_the_loaded_tokenizer_is_the_saved_one_over_the_language_defaults() -> None:
    nlp = load_model(DEFAULT_MODEL)
    assert nlp.path is not None
    standard = import_spacy().blank("en")  # the language's default tokenizer, as spaCy builds it
    standard.tokenizer.from_disk(nlp.path / "tokenizer")  # then the saved one over it, as spacy.load does
    assert nlp.tokenizer.to_bytes(exclude=["vocab"]) == standard.tokenizer.to_bytes(exclude=["vocab"])
    assert len(nlp.tokenizer.rules) > 100 and nlp.tokenizer.prefix_search is not None
    for text in ("Don't give honey before 12 months (it's a botulism risk).", "Call 911, e.g. at 3:30am!"):
        assert [t.text for t in nlp.tokenizer(text)] == [t.text for t in standard.tokenizer(text)]


def test_the_standard_tokenizer_factory_is_restored_after_a_load() -> None:
    load_model(DEFAULT_MODEL)
    from spacy.language import create_tokenizer

    assert spacy.registry.tokenizers.get("spacy.Tokenizer.v1") is create_tokenizer
    fresh = spacy.blank("en")  # built after a load: the defaults, not an empty tokenizer
    words = ["We", "ca", "n't", "stay", ",", "it", "'s", "late", "."]
    assert [t.text for t in fresh("We can't stay, it's late.")] == words


def test_a_pipeline_read_from_no_folder_gets_the_language_tokenizer() -> None:
    nlp = _load("blank:en", [])
    assert nlp.path is None
    assert [t.text for t in nlp("Isn't the garden wet?")] == ["Is", "n't", "the", "garden", "wet", "?"]
    default = spacy.blank("en").tokenizer
    assert nlp.tokenizer.to_bytes(exclude=["vocab"]) == default.to_bytes(exclude=["vocab"])


def test_catalogue_reads_the_same_entry_points_grouped() -> None:
    import importlib.metadata

    import catalogue

    load_model(DEFAULT_MODEL)
    grouped = catalogue.AVAILABLE_ENTRY_POINTS
    assert isinstance(grouped, dict) and not hasattr(grouped, "select")
    every = importlib.metadata.entry_points()
    for group in (*every.groups, "no_such_group"):
        assert [(ep.name, ep.value) for ep in grouped.get(group, [])] == \
            [(ep.name, ep.value) for ep in every.select(group=group)]
    registry = catalogue.create("editlint_test", "garden", entry_points=True)
    assert registry.get_all() == {} and registry.get_entry_point("rake", "none") == "none"
