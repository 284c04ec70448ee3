"""Which blocks the claims family may read the parse of: its check types' ``cue`` (the engine parses
those blocks in batches and leaves the others unparsed; a block read outside the cue is parsed on
demand, so the cue changes speed, never claims).

A construction matches only a block that holds a word of each word set its pattern requires (the gate
the matcher uses, :mod:`matching`). Read here from the construction data as strings: a required node's
``LOWER`` or ``ORTH`` set is a word gate, found in the block's lower-cased text without a model (a token's
lower-cased text is a substring of the block's). A ``LEMMA`` set needs the parse to tell (a lemma has many
forms), and a construction with no word gate (an imperative: any sentence-initial verb; a number word) may
match any sentence; while one construction has no word gate, every claims block is a cue.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ...document import Block
from ..base import CheckContext
from .constructions import Construction, construction_files
from .extract import CLAIM_KINDS, _paths, claims_data

#: pattern attributes whose values are words a token must be (lower-cased for the test)
WORD_ATTRS = ("LOWER", "ORTH", "TEXT")
#: token-pattern quantifiers under which a node must be present
_REQUIRED_OPS = (None, "1", "+")


def word_gate(c: Construction) -> frozenset[str] | None:
    """A word set one of the construction's required nodes must take (None: no word gate)."""
    nodes: Iterable[Mapping[str, Any]]
    if c.matcher == "dependency":
        nodes = [p.get("RIGHT_ATTRS", {}) for p in c.pattern]
    else:
        nodes = [p for p in c.pattern if p.get("OP") in _REQUIRED_OPS]
    gates = [w for node in nodes for attr in WORD_ATTRS if (w := _words(node.get(attr)))]
    # every required set is a sound gate; the one whose shortest word is longest is found in fewest texts
    return max(gates, key=lambda ws: (min(map(len, ws)), -len(ws)), default=None)


def _words(want: Any) -> frozenset[str] | None:
    if isinstance(want, str):
        return frozenset({want.lower()})
    if isinstance(want, Mapping) and isinstance(want.get("IN"), list) and set(want) <= {"IN", "NOT_IN"}:
        return frozenset(str(v).lower() for v in want["IN"])
    return None


@dataclass(frozen=True)
class ClaimsCue:
    """The word gates of a set of constructions, as one expression; ``None``: every claims block."""

    gate: re.Pattern[str] | None

    @classmethod
    def of(cls, constructions: Sequence[Construction]) -> ClaimsCue:
        words: set[str] = set()
        for c in constructions:
            gate = word_gate(c)
            if gate is None:
                return cls(None)
            words |= gate
        alternation = "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)) if w)
        return cls(re.compile(alternation) if alternation else re.compile(r"(?!)"))

    def fires(self, block: Block) -> bool:
        """True when a construction may match ``block`` (a claims block holding a word of some gate)."""
        if block.kind not in CLAIM_KINDS or not block.text.strip():
            return False
        return self.gate is None or self.gate.search(block.text.lower()) is not None


def claims_cue(ctx: CheckContext, block: Block) -> bool:
    """The claims check types' ``cue``: the configured constructions' (computed once per document)."""
    def compute() -> ClaimsCue:
        sec = ctx.config.section("contradiction")
        cons = claims_data(ctx).constructions(_paths(sec, "constructions", construction_files))
        return ClaimsCue.of(cons.items)

    cue: ClaimsCue = ctx.memo(("claims", "parse-cue"), compute)
    return cue.fires(block)
