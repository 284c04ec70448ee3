"""The verb behind a gerund or participle, the same whichever frame the event is said in: "singing" and
"sing" must be one concept (the lookup also knows "singe", whose gerund keeps its e)."""

from __future__ import annotations

import pytest

from editlint.checks.claims.concepts import lemmas_for


@pytest.mark.parametrize("word, base", [
    ("singing", "sing"), ("swinging", "swing"), ("clinging", "cling"), ("hoping", "hope"), ("hopping", "hop"),
    ("biting", "bite"), ("staring", "stare"), ("crawling", "crawl"), ("waving", "wave"), ("hoped", "hope"),
])
def test_base_of_inflected_verbs(word: str, base: str) -> None:
    assert lemmas_for("en_core_web_sm").base(word) == base
