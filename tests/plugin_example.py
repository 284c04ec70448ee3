"""A third-party check type, loaded through the ``editlint.checks`` entry-point group in tests.

It imports nothing of editlint but :mod:`editlint.api` (and the data-model base): the blocks come from
the rule's ``scope``, spans are reported relative to the block (``ctx.hit_in``) and the engine makes
them absolute; its word list is a data file a pack can extend (``[data.shouting] allow = [...]``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from editlint.api import CheckContext, DataSchema, Hit, Option, check_type
from editlint.datafile import DataModel


class ShoutingData(DataModel):
    """``[data.shouting]``: all-caps words that are fine (acronyms, brand names)."""

    allow: list[str] = []


shouting_data = DataSchema("shouting", ShoutingData)


@check_type("shouting", options={"min-letters": Option(int, 6, "shortest all-caps word to flag")})
def shouting(ctx: CheckContext) -> Iterator[Hit]:
    """ALL-CAPS words in the blocks of the rule's scope."""
    pat = re.compile(rf"\b[A-Z]{{{ctx.options['min-letters']},}}\b")
    data: ShoutingData = ctx.data("shouting")
    for block in ctx.blocks():
        for m in pat.finditer(block.text):
            if m.group() not in data.allow:
                yield ctx.hit_in(block, m.start(), m.end(), f"all-caps word {m.group()!r}")
