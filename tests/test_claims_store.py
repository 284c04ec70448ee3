"""Claims of blocks already read are kept by the registry (claims/store.py) and moved to where the block
now is; what a block's claims depend on outside it (its section heading, the paragraph leading its list)
is part of the key, so changing it reads the block again."""

from __future__ import annotations

from typing import Any

import pytest

from editlint.checks.claims.extract import claim_dict, extraction
from editlint.checks.claims.store import ClaimsData
from editlint.context import CheckContext
from editlint.engine import Linter, nlp_needs
from editlint.readers import read
from editlint.rules import Registry, rules_dir
from editlint.source import decode

PARAGRAPH = ("Most puppies open their eyes before they start to hear. Never feed a puppy chocolate. "
             "Puppies usually walk steadily at around 4 weeks.")


@pytest.fixture(scope="module")
def setup() -> tuple[Any, Any]:
    linter = Linter({"select": ["EL3"]})
    cfg = linter.config_for(None)
    reg = cfg.registry()
    return cfg, linter._annotations(cfg, nlp_needs(reg, cfg.enabled_rules(reg)))


def _registry() -> Registry:
    reg = Registry()
    reg.discover_check_modules()
    reg.load_packs(sorted(rules_dir().glob("*.toml")))
    reg.finish()
    return reg


def _claims(text: str, reg: Registry, setup: tuple[Any, Any]) -> list[dict[str, Any]]:
    cfg, ann = setup
    doc = read(decode(text.encode(), "a.md", "markdown", 10**7))
    ann.annotate([doc])
    ctx = CheckContext(doc, None, {}, cfg, ann, data=reg.data)
    with reg.active():
        return [claim_dict(c) for c in extraction(ctx).claims]


def _store(reg: Registry) -> ClaimsData:
    got = reg.data("claims")
    assert isinstance(got, ClaimsData)
    return got


def test_a_block_read_again_elsewhere_gives_the_same_claims(setup: tuple[Any, Any]) -> None:
    warm, cold = _registry(), _registry()
    _claims(f"# Dogs\n\n{PARAGRAPH}\n", warm, setup)
    hits = _store(warm).blocks.hits
    moved = f"# Dogs\n\nA first paragraph about kittens, who sleep a lot.\n\n{PARAGRAPH}\n"
    got = _claims(moved, warm, setup)
    assert _store(warm).blocks.hits > hits  # the paragraph was not read again
    assert got == _claims(moved, cold, setup)  # same claims, offsets and block indexes as a first read
    assert {c["kind"] for c in got} >= {"order", "advice"}


def test_a_heading_that_makes_a_myth_section_reads_the_block_again(setup: tuple[Any, Any]) -> None:
    reg = _registry()
    plain = _claims(f"# Dogs\n\n{PARAGRAPH}\n", reg, setup)
    myths = _claims(f"# Myths about dogs\n\n{PARAGRAPH}\n", reg, setup)
    assert plain and not any(c["prov"]["myth"] for c in plain)
    assert myths and all(c["prov"]["myth"] for c in myths)


def test_the_paragraph_leading_a_list_is_part_of_the_key(setup: tuple[Any, Any]) -> None:
    reg, cold = _registry(), _registry()
    items = "- give the puppy a chew toy\n- leave the radio on at night\n"
    first = _claims(f"# Dogs\n\nThings that help:\n\n{items}", reg, setup)
    negative = f"# Dogs\n\nNever do these:\n\n{items}"
    assert _claims(negative, reg, setup) == _claims(negative, cold, setup)
    assert first != _claims(negative, cold, setup) or not first
