"""Warm the fork server once, so that ``--jobs N`` pays the start-up cost once instead of N times.

Each worker of a pool needs the same things before its first article: the engine's modules, the rule
registry and its compiled data, spaCy and the pipeline, the dictionaries (together about 3 s of CPU on a
40-article run, paid again by every worker). The fork server imports this module before it forks any
worker; when the parent put a :class:`~editlint.executors.LinterSpec` in :data:`WARM_ENV` (see
:func:`encode`), the server builds that Linter and lints :data:`WARM_TEXT` once, which loads everything the
run's rules load lazily (pipelines, registries and dictionaries are cached per process). Workers are then
forked ready, sharing those pages copy-on-write. Nothing here changes a result: the caches it fills are
keyed by content, and a worker whose run needs something else (another model, other packs) loads it itself.
A warm-up that fails (no model installed, a bad configuration) is ignored: the workers meet and report the
problem as they would have.
"""

from __future__ import annotations

import base64
import dataclasses
import os
import pickle

from . import LinterSpec

#: The environment variable through which the parent hands the fork server its spec (set only while the
#: server starts; the server inherits the parent's environment).
WARM_ENV = "EDITLINT_WARM_SPEC"

#: A short article that reaches every family's lazily built data (sentences, a parse, health words, a
#: list, a dose, a milestone, a misspelling).
WARM_TEXT = """# Warming up

Most children start to walk at about 12 months. Give 2.5 ml of paracetamol every 4 hours if your
doctor says so, and call your doctor if the fever lasts more than three days.

- Keep small objects out of reach.
- Read a storry together every night.
"""


def encode(spec: LinterSpec, path: str | None) -> str:
    """The value of :data:`WARM_ENV` for ``spec`` (``path``: a file of the run, whose configuration and
    format the warm-up uses)."""
    return base64.b64encode(pickle.dumps((spec, path))).decode("ascii")


def warm(spec: LinterSpec, path: str | None) -> None:
    """Build ``spec``'s Linter and lint :data:`WARM_TEXT` (as ``path``) once, without the run cache."""
    os.chdir(spec.cwd)
    linter = dataclasses.replace(spec, cache_dir=None).build()
    linter.lint_text(WARM_TEXT, path=path)


def warm_from_environment() -> bool:
    """Warm up from :data:`WARM_ENV` if the parent set it; True when a warm-up ran to the end."""
    raw = os.environ.pop(WARM_ENV, None)
    if not raw:
        return False
    try:
        spec, path = pickle.loads(base64.b64decode(raw))
        if not isinstance(spec, LinterSpec):
            return False
        warm(spec, path if isinstance(path, str) else None)
    except Exception:  # the workers meet the same problem and report it per file
        return False
    return True


warm_from_environment()
