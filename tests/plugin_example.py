"""A third-party check type, loaded through the ``editlint.checks`` entry-point group in tests."""

from __future__ import annotations

from collections.abc import Iterator

from editlint.checks.base import CheckContext, Hit, Option, check_type


@check_type("shouting", options={"min-letters": Option(int, 6, "shortest all-caps word to flag")})
def shouting(ctx: CheckContext) -> Iterator[Hit]:
    """ALL-CAPS words in prose."""
    import re

    pat = re.compile(rf"\b[A-Z]{{{ctx.options['min-letters']},}}\b")
    for block in ctx.doc.prose_blocks():
        for m in pat.finditer(block.text):
            yield Hit(block.start + m.start(), block.start + m.end(), f"all-caps word {m.group()!r}")
