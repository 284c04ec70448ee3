"""The claims data a publisher extends with no Python, through ``[tool.editlint] packs``.

A house pack in a temp project adds: ontology concepts whose synonyms make two order sentences about
playground skills (no shipped pack knows them) one pair of events, so they contradict; a minority hedge
adverb (``[data.claims-scopes.hedge]``) that turns an order claim into an exception, so it no longer
contradicts; a unit (``[data.claims-units]``) that the amount scanner then reads and converts, and a
construction (``[data.constructions]``) that states an amount in it, so two amounts disagree; and a typo
in such a pack fails with the pack file, the key path and the line.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from editlint import Linter, Registry
from editlint.config import Config, clear_caches, load_config
from editlint.datafile import DataFileError

SWINGS = """# Playground skills

Children usually learn to pump on a swing before they can jump rope.

Most children can skip with a rope well before they swing on their own.
"""
SWING_PACK = """[[data.ontology.concept]]
id = "self-swing"
label = "swinging without a push"
synonyms = ["pump on a swing", "swing on their own"]

[[data.ontology.concept]]
id = "rope-skip"
label = "skipping rope"
synonyms = ["jump rope", "skip with a rope"]
"""

HOPS = """# Hopping and skipping

Toddlers learn to hop on one foot before they learn to skip.

Children infrequently skip before they hop on one foot.
"""
HEDGE_PACK = """[data.claims-scopes.hedge]
minority-adverbs = ["infrequently"]
"""

UNIT_PACK = """[data.claims-units.numbers]
"a dozen" = 12

[[data.claims-units.unit]]
name = "beaker"
spellings = ["beaker", "beakers"]
plural = "beakers"
dimension = "volume"
factor = 200
"""
#: a house construction that states an amount in the house unit (the shipped ones list their unit words)
BEAKER_CONSTRUCTION = """
[[data.constructions.construction]]
id = "house.quantity-beaker"
kind = "quantity"
matcher = "token"
pattern = [{LIKE_NUM = true}, {ROLE = "unit", LOWER = {IN = ["beaker", "beakers"]}}]
"""
JUICE = """# Juice

Give your toddler no more than 1 beaker of diluted juice a day.

A toddler can have 600 ml of diluted juice a day.
"""


@pytest.fixture(autouse=True)
def _fresh() -> Iterator[None]:
    clear_caches()  # registries are cached by pack paths: each test's own tmp_path
    yield
    with Registry.default().active():
        pass


def _config(tmp_path: Path, pack: str | None) -> Config:
    line = 'packs = ["house-style/"]' if pack is not None else ""
    tmp_path.mkdir(parents=True, exist_ok=True)
    (tmp_path / "pyproject.toml").write_text(
        f'[project]\nname = "site"\n\n[tool.editlint]\nselect = ["EL3"]\n{line}\n', encoding="utf-8")
    if pack is not None:
        (tmp_path / "house-style").mkdir()
        (tmp_path / "house-style" / "claims.toml").write_text(pack, encoding="utf-8")
    return load_config(tmp_path / "pyproject.toml")


def _lint(config: Config, text: str, where: Path) -> tuple[list[tuple[str, int]], list[dict[str, Any]]]:
    linter = Linter(config, overrides={"flags": frozenset({"explain-claims"})})
    report = linter.lint_text(text, path=str(where / "article.md"))
    assert report.error is None, report.error
    claims: list[dict[str, Any]] = report.metrics.get("claims", [])
    return sorted((f.rule, f.line) for f in report.findings), claims


def _orders(claims: list[dict[str, Any]]) -> list[tuple[str, str, str]]:
    return [(c["earlier"]["key"], c["later"]["key"], c["prov"]["hedge"])
            for c in claims if c["kind"] == "order"]


def test_pack_synonyms_make_two_unknown_events_one_pair(tmp_path: Path) -> None:
    found, claims = _lint(_config(tmp_path / "bare", None), SWINGS, tmp_path)
    assert found == []  # four different open-vocabulary events: nothing to compare
    assert len({k for e, later, _ in _orders(claims) for k in (e, later)}) == 4
    found, claims = _lint(_config(tmp_path / "house", SWING_PACK), SWINGS, tmp_path)
    assert _orders(claims) == [("self-swing", "rope-skip", "plain"), ("rope-skip", "self-swing", "majority")]
    assert found == [("EL301", 5)]


def test_pack_hedge_word_makes_an_exception(tmp_path: Path) -> None:
    found, claims = _lint(_config(tmp_path / "bare", None), HOPS, tmp_path)
    assert found == [("EL301", 5)]
    assert [h for *_, h in _orders(claims)] == ["plain", "plain"]
    found, claims = _lint(_config(tmp_path / "house", HEDGE_PACK), HOPS, tmp_path)
    assert [h for *_, h in _orders(claims)] == ["plain", "minority"]
    assert found == []
    shipped = Registry.default().data("claims-scopes").hedge.minority_adverbs
    assert "infrequently" not in shipped and "sometimes" in shipped


def test_pack_unit_and_number_word_are_read(tmp_path: Path) -> None:
    text = "Offer no more than 2 beakers of water a day, and a dozen grapes cut in quarters."
    shipped = Registry.default().data("claims-units")
    assert all(a.unit != "beaker" for a in shipped.scan(text))
    units = _config(tmp_path, UNIT_PACK).registry().data("claims-units")
    (beakers,) = [a for a in units.scan(text) if a.unit == "beaker"]
    assert (beakers.stated, beakers.canonical, beakers.canonical_unit, beakers.per) == (
        (2.0, 2.0), (400.0, 400.0), "ml", "day")
    assert units.number("a dozen") == 12.0 and units.written("beaker", 2) == "beakers"
    assert units.scan("about 4 oz") == shipped.scan("about 4 oz")  # the shipped units are still there


def test_pack_unit_and_construction_make_an_amount_claim(tmp_path: Path) -> None:
    def amounts(claims: list[dict[str, Any]]) -> list[tuple[str, list[float], str]]:
        return [(c["unit"], c["canonical"], c["subject"]["key"]) for c in claims if c["kind"] == "quantity"]

    found, claims = _lint(_config(tmp_path / "bare", None), JUICE, tmp_path)
    assert found == [] and amounts(claims) == [("ml", [600.0, 600.0], "juice(diluted)")]
    found, claims = _lint(_config(tmp_path / "house", UNIT_PACK + BEAKER_CONSTRUCTION), JUICE, tmp_path)
    assert amounts(claims) == [("beaker", [200.0, 200.0], "juice(diluted)"), ("ml", [600.0, 600.0],
                                                                           "juice(diluted)")]
    assert found == [("EL305", 5)]  # at most 200 ml a day against 600 ml a day


def test_pack_replaces_a_list_only_when_asked(tmp_path: Path) -> None:
    pack = '[data.claims-scopes.hedge]\nreplace-minority-adverbs = ["infrequently"]\n'
    adverbs = _config(tmp_path, pack).registry().data("claims-scopes").hedge.minority_adverbs
    assert adverbs == frozenset({"infrequently"})


@pytest.mark.parametrize(("pack", "key", "line"), [
    ('[data.claims-units.numbers]\n"a dozen" = 12\n\n[[data.claims-units.unit]]\nname = "beaker"\n'
     'spellings = ["beaker"]\ndimension = "volume"\nfactor = 200\ncolour = "blue"\n',
     ("data", "claims-units", "unit", 0, "colour"), 9),
    ('# house words\n[data.claims-lexicons.order]\nweakeners = ["invariably"]\nweakner = ["x"]\n',
     ("data", "claims-lexicons", "order", "weakner"), 4),
    ('[data.claims-scopes.hedge]\nminority-adverbs = ["now", 3]\n',
     ("data", "claims-scopes", "hedge", "minority-adverbs", 1), 2),
])
def test_a_bad_key_names_the_pack_file_key_path_and_line(tmp_path: Path, pack: str,
                                                          key: tuple[str | int, ...], line: int) -> None:
    with pytest.raises(DataFileError) as err:
        _config(tmp_path, pack)
    assert err.value.path is not None and Path(err.value.path).name == "claims.toml"
    assert (key, line) in [(tuple(i.key), i.line) for i in err.value.issues], err.value.issues


def test_the_readme_claims_pack_loads(tmp_path: Path) -> None:
    """The README's claims pack example is a valid pack whose entries reach the registry's data."""
    import re

    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    block = re.search(r"```toml\n(# house-style/claims\.toml.*?)```", readme, re.S)
    assert block, "README.md has no claims pack example"
    reg = _config(tmp_path, block.group(1)).registry()
    assert "pump on a swing" in reg.data("ontology").concepts["self-swing"].synonyms
    assert "infrequently" in reg.data("claims-scopes").hedge.minority_adverbs
    assert reg.data("claims-units").units["beakers"] == ("beaker", "volume", 200.0)
    assert "house.quantity-beaker" in {c.id for c in reg.data("constructions").items}


SQUINT = """# Squints

Squints in newborns usually settle by themselves.

Squints in newborns deserve a look from the optician.
"""
IDIOM_PACK = """[data.claims-lexicons.stance.verdict-phrases]
warning-sign = ["deserve look"]
"""


def test_pack_idiom_passes_a_verdict(tmp_path: Path) -> None:
    """A house idiom joins [stance.verdict-phrases] (the shipped idioms stay): the second sentence now
    judges the squint a warning sign, against the first's reassurance."""
    found, _ = _lint(_config(tmp_path / "bare", None), SQUINT, tmp_path)
    assert found == []
    found, claims = _lint(_config(tmp_path / "house", IDIOM_PACK), SQUINT, tmp_path)
    assert [(c["thing"]["key"], c["verdict"]) for c in claims if c["kind"] == "stance"] == [
        ("squint", "normal"), ("squint", "warning-sign")]
    assert found == [("EL303", 5)]
    lexicons = _config(tmp_path / "again", IDIOM_PACK).registry().data("claims-lexicons")
    phrases = lexicons.stance.verdict_phrases
    assert "deserve look" in phrases["warning-sign"] and "ring alarm bell" in phrases["warning-sign"]
