"""Shared fixtures: a quick way to lint a snippet with chosen rules (one Linter per configuration for the
session, see helpers.py), and where the shared/ folder is."""

from __future__ import annotations

import gc
from collections.abc import Callable, Generator, Iterator
from pathlib import Path

import pytest
from helpers import FreshFacts, fresh_process, lint_snippet, linter_for, start_early, stop_early
from hypothesis import settings

from editlint import FileReport, Linter

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seed" / "backward-crawling.txt"

__all__ = ["ROOT", "SAMPLES", "SEED", "SHARED", "codes", "lint_snippet"]

#: In the quick run (``-m "not slow"``, a writer's loop) a property test runs at most this many examples;
#: the full run (``.ci/run``: no marker expression) runs every property at the count it declares, so each
#: property is still fuzzed at scale there, where the whole suite's time allows it.
QUICK_EXAMPLES = 50
_SETTINGS = "_hypothesis_internal_use_settings"  # where @given keeps a test's settings, read at each call

#: The cyclic garbage collector's thresholds for the session: paused while the test modules are imported
#: (see below), then a young collection every 10,000 new objects instead of 700 (tests make many objects
#: that die young, freed by their reference counts before a young collection need look at them: on a
#: claims-heavy subset about 650 young collections took 0.41-0.48 s of CPU, about 40 took 0.23-0.36 s).
_GC_THRESHOLDS = (max(gc.get_threshold()[0], 10_000), *gc.get_threshold()[1:])
gc.set_threshold(2**30, *_GC_THRESHOLDS[1:])


def pytest_collection_finish(session: pytest.Session) -> None:
    """Collection done: what importing and collecting built (modules, ~3,500 items, their parameters, about
    230,000 objects) lives for the session, so it is frozen out of the collector's sight, and the collector
    runs again. Paused until now (as editlint pauses it while the pipeline loads): the full collections
    that the growing heap set off during collection walked it again and again (about 3 s of CPU)."""
    gc.freeze()
    gc.set_threshold(*_GC_THRESHOLDS)
    for item in [] if session.config.option.collectonly else session.items:  # a selected test's slow tool
        for mark in item.iter_markers("early"):  # starts now and runs beside the others
            start_early(mark.args, cwd=mark.kwargs["cwd"])


def pytest_sessionfinish(session: pytest.Session) -> None:
    stop_early()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_teardown(item: pytest.Item, nextitem: pytest.Item | None) -> Generator[None, None, None]:
    """After a test module (its fixtures torn down), collect what it left and freeze what stays alive (the
    session's linters, caches and reports): the collector's full collections then walk only what the
    running module made, not everything every earlier module kept (they cost 0.1-0.3 s each, about 20 in
    a quick run). Cycles that become garbage after their freeze are never collected; the session is short."""
    yield
    if getattr(nextitem, "module", None) is not getattr(item, "module", None):
        gc.collect()
        gc.freeze()


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Tests that wait for a process started early (the ``early`` marker) run last, so that process has the
    whole session to run beside the others. The quick run caps the example count of property tests (see
    :data:`QUICK_EXAMPLES`)."""
    items.sort(key=lambda item: item.get_closest_marker("early") is not None)  # stable: others keep order
    if "not slow" not in (config.getoption("markexpr") or ""):
        return
    for item in items:
        test = getattr(item, "obj", None)
        declared = getattr(test, _SETTINGS, None)
        if isinstance(declared, settings) and declared.max_examples > QUICK_EXAMPLES:
            setattr(test, _SETTINGS, settings(declared, max_examples=QUICK_EXAMPLES))


@pytest.fixture(scope="session")
def linter() -> Linter:
    """One Linter for the session with the default configuration (no file discovery): the spaCy
    pipeline and registry are built once; lint snippets with ``linter.lint_text(text, path=...)``."""
    return linter_for({})


@pytest.fixture(scope="session")
def fresh() -> FreshFacts:
    """What one fresh interpreter did, step by step (tests/fresh_probe.py): the cold-start tests share one
    interpreter start (importing editlint, the CLI, loading the pipeline) instead of paying for one each."""
    return fresh_process()


@pytest.fixture
def lint() -> Callable[..., FileReport]:
    return lint_snippet


def codes(report: FileReport, minimum: str = "info") -> list[str]:
    rank = {"info": 1, "warning": 2, "error": 3}[minimum]
    return [f.rule for f in report.findings if f.severity.rank >= rank]


@pytest.fixture
def seed_path() -> Path:
    if not SEED.is_file():
        pytest.skip("../shared/seed/backward-crawling.txt is not present (shared/ is beside the repo in CI)")
    return SEED


@pytest.fixture(scope="session", autouse=True)
def _no_run_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """The CLI's run cache is off in tests (a test that patches a check must never meet a report cached
    by another test), and the CLI lints in its own process (a patch applies; no pool per test) unless a
    test asks for --jobs; tests/test_cache.py and tests/test_jobs.py turn them on in folders of their own
    (with their own ``monkeypatch``, which gives the session's values back at their teardown). Set once for
    the session: a function-scoped monkeypatch on each of ~3,000 tests cost about a second of CPU. The data
    cache (:mod:`editlint.datacache`) goes to a folder of the session's, never the user's ``~/.cache``."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("EDITLINT_NO_CACHE", "1")
        patch.setenv("EDITLINT_JOBS", "1")
        patch.setenv("EDITLINT_DATA_CACHE", str(tmp_path_factory.mktemp("data-cache")))
        yield


@pytest.fixture(scope="session", autouse=True)
def _one_blas_thread() -> Iterator[None]:
    """OpenBLAS on one thread for the whole session. The engine runs the pipeline under
    ``nlp.one_blas_thread``, but many tests call the spaCy pipeline directly (``load_model(...)(text)``):
    there OpenBLAS's idle threads spin between the small products and cost several times the CPU of the
    product itself (a construction example: 17 ms -> 80 ms). The limit applies to the BLAS libraries loaded
    now, so numpy is imported first (spaCy imports it anyway)."""
    import numpy  # noqa: F401
    from threadpoolctl import threadpool_limits

    with threadpool_limits(limits=1, user_api="blas"):
        yield
