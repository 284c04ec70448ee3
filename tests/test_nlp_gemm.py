"""The pipeline multiplies with numpy's BLAS on one thread (nlp.use_numpy_gemm): same parses, less CPU."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from editlint import nlp as nlpmod

pytest.importorskip("threadpoolctl")

TEXTS = (
    "Most toddlers stack two blocks by 15 months, and by two years they can build a tower of six.",
    "Keep the bottle warm, not hot: test a few drops on your wrist before you feed the baby.",
    "If your child has a fever above 39 °C for more than three days, call your doctor.",
    "The seedlings were watered twice a day until the first true leaves had opened.",
    "She said the bridge, which had been closed since March, would reopen after the inspection.",
)


@pytest.fixture(scope="module")
def pipeline() -> Any:
    try:
        return nlpmod.load_model("en_core_web_sm")
    except Exception as exc:  # pragma: no cover - the model is a test dependency
        pytest.skip(f"no spaCy model: {exc}")


def _nodes(pipeline: Any) -> Iterator[Any]:
    for _, proc in pipeline.pipeline:
        model = getattr(proc, "model", None)
        if model is not None and hasattr(model, "walk"):
            yield from model.walk()


def _parse(pipeline: Any) -> list[list[tuple[str, str, int, str]]]:
    with nlpmod.one_blas_thread():
        return [[(t.tag_, t.dep_, t.head.i, t.lemma_) for t in d] for d in pipeline.pipe(TEXTS)]


def test_models_use_numpy_gemm(pipeline: Any) -> None:
    from thinc.api import NumpyOps

    ops = {id(node.ops): node.ops for node in _nodes(pipeline)}
    assert ops, "the pipeline has models"
    assert all(isinstance(o, NumpyOps) and not o.use_blis for o in ops.values())


def test_same_parse_as_blis(pipeline: Any) -> None:
    """blis and OpenBLAS round differently in the last bits; the tags, arcs and lemmas stay the same."""
    from thinc.api import NumpyOps

    ours = _parse(pipeline)
    kept = [(node, node.ops) for node in _nodes(pipeline)]
    blis = NumpyOps(use_blis=True)
    try:
        for node, _ in kept:
            node.ops = blis
        theirs = _parse(pipeline)
    finally:
        for node, ops in kept:
            node.ops = ops
    assert ours == theirs
    assert len(ours) == len(TEXTS) and all(ours)


def test_one_blas_thread_restores_the_setting() -> None:
    import numpy  # noqa: F401  (loads the BLAS library threadpoolctl looks for)
    from threadpoolctl import threadpool_info

    def blas_threads() -> list[int]:
        return [int(i["num_threads"]) for i in threadpool_info() if i["user_api"] == "blas"]

    before = blas_threads()
    if not before:
        pytest.skip("numpy without a BLAS library threadpoolctl knows")
    with nlpmod.one_blas_thread():
        assert set(blas_threads()) == {1}
    assert blas_threads() == before


def test_lemma_memo_gives_the_rule_lemmatizers_lemmas(pipeline: Any) -> None:
    """The memo (nlp.memoise_lemmas) answers as spaCy's rule lemmatizer does, base forms included."""
    lemmatizer = pipeline.get_pipe("lemmatizer")
    assert getattr(lemmatizer, "_editlint_memo", False)
    assert not nlpmod.memoise_lemmas(pipeline)  # installed once

    def lemmas() -> list[list[str]]:
        with nlpmod.one_blas_thread():  # twice: the second round is answered from the memo
            return [[t.lemma_ for t in d] for d in pipeline.pipe(TEXTS * 2)]

    ours = lemmas()
    memo = lemmatizer.lemmatize
    lemmatizer.lemmatize = lemmatizer.rule_lemmatize
    try:
        theirs = lemmas()
    finally:
        lemmatizer.lemmatize = memo
    assert ours == theirs
    assert ours[0][1:3] == ["toddler", "stack"] and ours[3][1:4] == ["seedling", "be", "water"]
