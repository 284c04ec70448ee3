"""One fresh interpreter for every cold-start fact the tests ask about (run by helpers.fresh_process).

Each interpreter start that imports editlint and loads spaCy costs seconds of CPU, and the cold-start tests
(test_cold, test_cold_data, test_offline, test_grammar) each started their own. Here the steps run one
after the other in ONE process, in an order where that is exact: imports only accumulate, so "nothing
heavy is loaded after step k" holds for step k alone when it holds with the steps before it loaded too;
the first pipeline load is the pipeline step's own (nothing before it imports spaCy), and sockets are
refused for the whole run (importing spaCy's command line makes one: urllib3 probes for IPv6). Each step
records its value, what it printed, any exception, the sockets it tried and every module loaded so far;
the facts are printed as one ``FACTS {json}`` line, and ``EXIT {json}`` comes from the interpreter's last
``atexit`` handler (what the CLI's handlers did at exit).

Usage: ``python fresh_probe.py ARTICLE`` (an article the CLI steps lint).
"""

from __future__ import annotations

import atexit
import contextlib
import gc
import io
import json
import socket
import sys
from collections.abc import Callable
from typing import Any

FACTS: dict[str, Any] = {}
SOCKETS: list[str] = []
CLI_CALLS: list[list[str]] = []
SPACY_CLI_DEPS = ("typer", "weasel", "requests", "httpx", "jinja2")


class _NoSocket(socket.socket):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        SOCKETS.append(f"socket{args!r}")
        raise AssertionError("a socket was opened")


def _refuse(*args: Any, **kwargs: Any) -> Any:
    SOCKETS.append(f"connection{args!r}")
    raise AssertionError("a connection was opened")


def step(name: str, run: Callable[[], Any]) -> None:
    """Run one step with its output captured; record its value, output, error, the sockets it tried to
    make and the modules loaded so far."""
    out, facts, sockets = io.StringIO(), {}, len(SOCKETS)
    with contextlib.redirect_stdout(out):
        try:
            facts["value"] = run()
        except SystemExit as exc:
            facts["value"] = exc.code
        except BaseException as exc:  # a failing step is a fact a test reports
            facts["error"] = f"{type(exc).__name__}: {exc}"
    facts.update(stdout=out.getvalue(), sockets=SOCKETS[sockets:], modules=sorted(sys.modules))
    FACTS[name] = facts


def cli(*argv: str) -> Callable[[], int]:
    """A step running ``editlint.cli.main(argv)`` in this process (counted: see :func:`count_freezes`)."""
    def run() -> int:
        from editlint.cli import main

        CLI_CALLS.append(list(argv))
        return main(list(argv))
    return run


def count_freezes() -> Callable[[], None]:
    """Count the CLI's ``atexit.register(gc.freeze)`` calls until the returned function restores it."""
    real, seen = atexit.register, []

    def register(func: Callable[..., Any], *args: Any, **kwargs: Any) -> Callable[..., Any]:
        seen.append(func is gc.freeze)
        return real(func, *args, **kwargs)

    def restore() -> None:
        atexit.register = real
        FACTS["cli"] = {"freeze-registrations": sum(seen), "calls": len(CLI_CALLS),
                        "freeze-count": gc.get_freeze_count()}

    atexit.register = register  # type: ignore[assignment]  # the same call, counted
    return restore


def import_editlint() -> None:
    import editlint  # noqa: F401


def default_registry() -> int:
    """The default registry, with the grammar checks' module imported too: the number of rules."""
    import editlint.checks.grammar  # noqa: F401
    from editlint.rules import Registry

    return len(Registry.default().rules)


def load_pipeline() -> dict[str, Any]:
    """The process's first pipeline load, under host thresholds of our own, counting cyclic collections."""
    from editlint.nlp import load_model

    before, threshold = gc.get_freeze_count(), gc.get_threshold()
    gc.set_threshold(500, 7, 9)
    runs: list[str] = []

    def seen(phase: str, info: dict[str, Any]) -> None:
        if phase == "start":
            runs.append(phase)

    gc.callbacks.append(seen)
    try:
        nlp = load_model("en_core_web_sm")
    finally:
        gc.callbacks.remove(seen)
    after = {"frozen-before": before, "collections": len(runs), "threshold": list(gc.get_threshold()),
             "frozen-after": gc.get_freeze_count(), "parsed": [t.dep_ for t in nlp("Rinse the rice twice.")]}
    gc.set_threshold(*threshold)
    return after


def spacy_cli() -> dict[str, Any]:
    """spaCy's command line, imported only now, is the real one; ``spacy.info`` reaches it on call."""
    import spacy
    import spacy.cli

    return {"cli": hasattr(spacy.cli, "download"), "info": getattr(spacy, "info").__name__}  # noqa: B009


def main(article: str) -> None:
    socket.socket = _NoSocket  # type: ignore[misc]
    socket.create_connection = _refuse
    at_exit: dict[str, Any] = {}
    atexit.register(lambda: print("EXIT " + json.dumps({**at_exit, "freeze-count": gc.get_freeze_count()})))
    step("import", import_editlint)
    restore = count_freezes()
    step("version", cli("--version"))
    step("registry", default_registry)
    step("rules", cli("rules"))
    step("structure", cli("check", article, "--select", "EL6", "--format", "json", "--fail-on", "never"))
    restore()
    step("pipeline", load_pipeline)
    step("spacy-cli", spacy_cli)
    step("spelling", cli("check", "--select", "EL5", article))
    print("FACTS " + json.dumps(FACTS))
    at_exit["freeze-count-at-end"] = gc.get_freeze_count()


if __name__ == "__main__":
    main(sys.argv[1])
