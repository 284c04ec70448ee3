"""Cold start, spelling data: the vocabulary built as one set is the union of its lists read one by one
(plain generated lists and lists of any other shape alike); the age-compound pattern is the same text
whatever order its units come in (so its compiled code is reused between runs)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from editlint import datamodels as models
from editlint.checks import spelling
from editlint.datafile import rules_dir
from editlint.rules import Registry


class _Files:
    def __init__(self, files: dict[str, str]) -> None:
        self.files = files

    def data(self, name: str) -> Any:
        raise KeyError(name)

    def read_text(self, relpath: str) -> str:
        return self.files[relpath]

    def rules_path(self, relpath: str) -> Path:
        return Path(relpath)


def test_the_shipped_vocabulary_is_the_union_of_its_lists() -> None:
    reg = Registry.default()
    vocab = reg.data("vocabulary")
    folder = rules_dir() / "data"
    lists = [spelling.word_list((folder / rel).read_text(encoding="utf-8"))
             for rel in ("vocabulary/medical.txt", "vocabulary/drugs.txt", "vocabulary/everyday.txt",
                         "vocabulary/scowl.txt")]
    assert vocab.accept >= frozenset().union(*lists)
    assert "onesie" in vocab.accept and "swaddling" in vocab.accept  # the house accept list


@pytest.mark.parametrize("odd", ["# kiln terms\nGlaze\nbisque\n", "slip\r\nwedging\n", "  raku  \n\n# end\n"])
def test_a_vocabulary_of_plain_and_odd_lists_is_their_union(odd: str) -> None:
    files = {"a.txt": "# generated\n# pottery\ncoil\nkiln\nslab\n", "b.txt": odd, "c.txt": ""}
    data = models.Vocabulary(accept=["Greenware", "leatherhard"], lists=list(files), prefixes=["re"])
    vocab = spelling.build_vocabulary(data, _Files(files))
    expected = frozenset({"greenware", "leatherhard"}).union(*(spelling.word_list(t) for t in files.values()))
    assert vocab.accept == expected
    assert "kiln" in vocab.accept and "coil" in vocab.accept and "# generated" not in vocab.accept


def test_the_age_compound_pattern_does_not_depend_on_the_units_order() -> None:
    units = ["week", "day", "year", "month", "hour", "wk", "yr", "mo"]
    patterns = {spelling.age_compound(order).pattern for order in (units, units[::-1], sorted(units),
                                                                   set(units), frozenset(reversed(units)))}
    assert len(patterns) == 1
    age = re.compile(patterns.pop(), re.I)
    assert age.search("the two-year-") and age.search("6 to 12 month ") and age.search("3 wk ")
    assert not age.search("two-apple-")
