"""The verb behind a gerund or participle, the same whichever frame the event is said in: "singing" and
"sing" must be one concept (the lookup also knows "singe", whose gerund keeps its e)."""

from __future__ import annotations

import pytest

from editlint.checks.claims.concepts import Lemmas, read_lemmas


@pytest.fixture(scope="module")
def lemmas() -> Lemmas:
    return read_lemmas("en_core_web_sm")


@pytest.mark.parametrize("word, base", [
    ("singing", "sing"), ("swinging", "swing"), ("clinging", "cling"), ("hoping", "hope"), ("hopping", "hop"),
    ("biting", "bite"), ("staring", "stare"), ("crawling", "crawl"), ("waving", "wave"), ("hoped", "hope"),
])
def test_base_of_inflected_verbs(word: str, base: str, lemmas: Lemmas) -> None:
    assert lemmas.base(word) == base


_LINTER = None


def _order_keys(text: str) -> set[tuple[str, str]]:
    from editlint import Linter

    global _LINTER
    if _LINTER is None:
        _LINTER = Linter({"select": ["EL3"]}, overrides={"flags": frozenset({"explain-claims"})})
    report = _LINTER.lint_text(f"# T\n\n{text}\n", path="c.md")
    return {(c["earlier"]["key"], c["later"]["key"]) for c in report.metrics.get("claims", [])
            if c["kind"] == "order"}


@pytest.mark.parametrize("base, ger", [("sing along to music", "singing along to music"),
                                       ("climb up onto the sofa", "climbing up onto the sofa")])
def test_a_particle_and_its_phrase_are_one_event_in_every_frame(base: str, ger: str) -> None:
    """The parser hangs "to music" on the particle in one frame and on the verb in another."""
    clause = _order_keys(f"Most toddlers clap their hands well before they {base}.")
    phrase = _order_keys(f"{ger[0].upper()}{ger[1:]} usually develops after clapping their hands.")
    assert clause and clause <= phrase
