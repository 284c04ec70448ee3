"""Quoting the article in messages: whitespace folded, long text cut at a word boundary with an ellipsis.

A quote cut mid-word ("temperature dow…") reads as a typo in the article; every message that restates
the article's words goes through :func:`clip`.
"""

from __future__ import annotations


def clip(text: str, limit: int = 90) -> str:
    """``text`` on one line, at most ``limit`` characters, cut after a whole word and ended with "…"."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat[: limit - 1]
    if not flat[limit - 1].isspace() and " " in cut:  # the cut falls inside a word: drop that word
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:-–—") + "…"
