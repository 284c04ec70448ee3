"""The import graph goes one way, and check modules keep no state of their own (issue 12).

Every module of ``editlint`` is parsed with :mod:`ast` (imports inside functions and under
``TYPE_CHECKING`` count too) and each arrow is checked against the layers

    document -> nlp -> checks -> engine -> reporters -> cli

(a module may import its own layer and the layers before it). ``editlint.api`` imports only the document
model and the findings; check modules import nothing from the rules, the configuration, the readers, the
engine, the reporters or the CLI. In ``editlint/checks`` there is no ``functools.lru_cache``/``cache``, no
``global`` and no module-level mutable container: data is loaded once per registry and reached through
``ctx.data(NAME)``; memo caches live on the data object (see ``Registry.data``). Read-only constants
(tuples, frozensets, ``MappingProxyType``, compiled patterns) are fine.

``PENDING`` lists what is known and still to remove, each with its reason. The test fails on anything
not listed and on a listed entry that is gone, so the lists only shrink; ``CLAIMS_PENDING`` is the claims
package's, to be emptied by its conversion to ``ctx.data``.
"""

from __future__ import annotations

import ast
import functools
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "editlint"

#: Layers by module prefix (the longest prefix wins); a module imports its own layer or earlier ones.
LAYERS: dict[str, int] = {
    # 0 document: bytes to a Document, the findings model, validation helpers and the plug-in API
    "editlint._version": 0, "editlint.errors": 0, "editlint.walk": 0, "editlint.source": 0,
    "editlint.findings": 0, "editlint.document": 0, "editlint.readers": 0, "editlint.quote": 0,
    "editlint.syllables": 0, "editlint.datafile": 0, "editlint.api": 0, "editlint.markers": 0,
    "editlint.budget": 0, "editlint.blockcache": 0, "editlint.datacache": 0,
    "editlint.regexcache": 0, "editlint.regexgate": 0,
    # 1 nlp: sentences, the spaCy pipeline, the LanguageTool client
    "editlint.segment": 1, "editlint.nlp": 1, "editlint.languagetool": 1,
    # 2 checks: check types and the schemas of their data
    "editlint.checks": 2, "editlint.datamodels": 2,
    # 3 engine: rule packs and registry, configuration, running, caching, fixing, executors
    "editlint.rules": 3, "editlint.config": 3, "editlint.suppressions": 3, "editlint.engine": 3,
    "editlint.context": 3,
    "editlint.cache": 3, "editlint.baseline": 3, "editlint.fixes": 3, "editlint.gitdiff": 3,
    "editlint.executors": 3,
    # 4 reporters
    "editlint.reporters": 4,
    # 5 the front ends: command line, editor server, the package's public face
    "editlint.cli": 5, "editlint.server": 5, "editlint.__main__": 5, "editlint": 5,
}
LAYER_NAMES = ("document", "nlp", "checks", "engine", "reporters", "cli")
#: What a check module must never import, whatever the layers say.
CHECKS_MUST_NOT_IMPORT = ("editlint.rules", "editlint.config", "editlint.readers", "editlint.engine",
                          "editlint.cli", "editlint.reporters", "editlint.server", "editlint.cache")
API_MAY_IMPORT = ("editlint.document", "editlint.findings")

#: Known arrows still to remove (importer, imported) -> why it is still there.
PENDING: dict[tuple[str, str], str] = {}
#: The claims package's arrows (H-CLAIMS-SPEED empties this by moving its data to ctx.data).
CLAIMS_PENDING_IMPORTS: frozenset[tuple[str, str]] = frozenset()
#: The claims package's module state: (module, name, what) with what "cache", "global" or "mutable".
CLAIMS_PENDING_STATE: frozenset[tuple[str, str, str]] = frozenset()

_CACHE_DECORATORS = frozenset({"lru_cache", "cache", "functools.lru_cache", "functools.cache"})
_MUTABLE_CALLS = frozenset({"dict", "list", "set", "bytearray", "defaultdict", "OrderedDict", "Counter",
                            "deque", "collections.defaultdict", "collections.OrderedDict",
                            "collections.Counter", "collections.deque", "threading.Lock", "threading.RLock",
                            "Lock", "RLock", "weakref.WeakValueDictionary", "WeakValueDictionary"})


# -- the module graph ------------------------------------------------------------------------------
def _modules() -> dict[str, Path]:
    out = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        out[name] = path
    return out


MODULES = _modules()


def _package_of(module: str, path: Path) -> str:
    return module if path.name == "__init__.py" else module.rpartition(".")[0]


def _resolve(module: str, path: Path, node: ast.ImportFrom) -> list[str]:
    """The editlint modules an ``import from`` names (``from . import segment`` is the module)."""
    if node.level:
        base = _package_of(module, path).split(".")
        base = base[:len(base) - (node.level - 1)]
        target = ".".join(base + ([node.module] if node.module else []))
    else:
        target = node.module or ""
    if not target.startswith("editlint"):
        return []
    found = [f"{target}.{a.name}" for a in node.names if f"{target}.{a.name}" in MODULES]
    if len(found) < len(node.names):
        found.append(target)
    return found


def _tree(path: Path) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"))


@functools.cache
def _facts(module: str, path: Path) -> tuple[frozenset[str], tuple[State, ...]]:
    """A module's imports and (in editlint/checks) state, read from one parse per session (three tests ask).
    The facts are kept, not the syntax tree: the package's trees are some 300,000 objects that the cyclic
    garbage collector would walk again at each full collection for the rest of the session (0.3 s each)."""
    tree = _tree(path)
    state = module_state(module, path, tree) if _under(module, ("editlint.checks",)) else ()
    return frozenset(imports_of(module, path, tree)), tuple(state)


def imports_of(module: str, path: Path, tree: ast.Module | None = None) -> set[str]:
    """Every editlint module ``module`` imports, anywhere in its body."""
    out: set[str] = set()
    for node in ast.walk(tree or _tree(path)):
        if isinstance(node, ast.ImportFrom):
            out.update(_resolve(module, path, node))
        elif isinstance(node, ast.Import):
            out.update(a.name for a in node.names if a.name.startswith("editlint"))
    out.discard(module)
    return out


def layer(module: str) -> int:
    prefixes = [p for p in LAYERS if module == p or module.startswith(p + ".")]
    assert prefixes, f"{module} is in no layer: add it to LAYERS"
    return LAYERS[max(prefixes, key=len)]


def _under(module: str, prefixes: tuple[str, ...]) -> bool:
    return any(module == p or module.startswith(p + ".") for p in prefixes)


@functools.cache
def violations() -> frozenset[tuple[str, str]]:
    """(importer, imported) arrows that break the layering or the API's and checks' own rules (found once
    per session: two tests read them)."""
    bad: set[tuple[str, str]] = set()
    for module, path in MODULES.items():
        for target in _facts(module, path)[0]:
            if layer(target) > layer(module):
                bad.add((module, target))
            if module == "editlint.api" and not _under(target, API_MAY_IMPORT):
                bad.add((module, target))
            if _under(module, ("editlint.checks",)) and _under(target, CHECKS_MUST_NOT_IMPORT):
                bad.add((module, target))
    return frozenset(bad)


# -- module state in checks ------------------------------------------------------------------------
@dataclass(frozen=True)
class State:
    module: str
    name: str
    what: str  # "cache", "global" or "mutable"
    line: int


def _decorated_caches(tree: ast.Module) -> Iterator[tuple[str, int]]:
    def walk(body: list[ast.stmt], prefix: str) -> Iterator[tuple[str, int]]:
        for node in body:
            if isinstance(node, ast.ClassDef):
                yield from walk(node.body, f"{prefix}{node.name}.")
            elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                for d in node.decorator_list:
                    call = d.func if isinstance(d, ast.Call) else d
                    if ast.unparse(call) in _CACHE_DECORATORS:
                        yield f"{prefix}{node.name}", node.lineno
                yield from walk(node.body, f"{prefix}{node.name}.")
    yield from walk(tree.body, "")


def _mutable(value: ast.expr | None) -> bool:
    if isinstance(value, (ast.List, ast.Dict, ast.Set, ast.ListComp, ast.DictComp, ast.SetComp)):
        return True
    return isinstance(value, ast.Call) and ast.unparse(value.func) in _MUTABLE_CALLS


def module_state(module: str, path: Path, tree: ast.Module | None = None) -> Iterator[State]:
    tree = tree or _tree(path)
    for name, line in _decorated_caches(tree):
        yield State(module, name, "cache", line)
    for node in ast.walk(tree):
        if isinstance(node, ast.Global):
            for name in node.names:
                yield State(module, name, "global", node.lineno)
    for node in tree.body:
        targets: list[ast.expr] = []
        value: ast.expr | None = None
        if isinstance(node, ast.Assign):
            targets, value = node.targets, node.value
        elif isinstance(node, ast.AnnAssign):
            targets, value = [node.target], node.value
        for target in targets:
            name = ast.unparse(target)
            if not (name.startswith("__") and name.endswith("__")) and _mutable(value):
                yield State(module, name, "mutable", node.lineno)


def checks_state() -> list[State]:
    return [s for module, path in MODULES.items() if _under(module, ("editlint.checks",))
            for s in _facts(module, path)[1]]


# -- tests -----------------------------------------------------------------------------------------
def test_every_module_has_a_layer() -> None:
    for module in MODULES:
        layer(module)


def test_imports_go_one_way() -> None:
    found = violations()
    claims = {v for v in found if v[0].startswith("editlint.checks.claims.")}
    new = sorted((found - claims) - set(PENDING))
    assert not new, "arrows against the layers " + " -> ".join(LAYER_NAMES) + ": " + \
        "; ".join(f"{a} imports {b}" for a, b in new)
    gone = sorted(set(PENDING) - found)
    assert not gone, f"fixed, remove from PENDING: {gone}"


def test_claims_imports_only_shrink() -> None:
    found = {v for v in violations() if v[0].startswith("editlint.checks.claims.")}
    new = sorted(found - CLAIMS_PENDING_IMPORTS)
    assert not new, f"new arrows in claims: {new}"
    assert not CLAIMS_PENDING_IMPORTS - found, \
        f"fixed, remove from CLAIMS_PENDING_IMPORTS: {sorted(CLAIMS_PENDING_IMPORTS - found)}"


def test_no_module_state_in_checks() -> None:
    found = checks_state()
    claims = {(s.module, s.name, s.what) for s in found if s.module.startswith("editlint.checks.claims.")}
    others = [s for s in found if not s.module.startswith("editlint.checks.claims.")]
    assert not others, "module-level caches or mutable state in editlint/checks (load data through " \
        "ctx.data; a memo belongs on the data object): " + \
        "; ".join(f"{s.module}:{s.line} {s.name} ({s.what})" for s in others)
    new = sorted(claims - CLAIMS_PENDING_STATE)
    assert not new, f"new module state in claims: {new}"
    assert not CLAIMS_PENDING_STATE - claims, \
        f"fixed, remove from CLAIMS_PENDING_STATE: {sorted(CLAIMS_PENDING_STATE - claims)}"


# -- the detectors themselves ------------------------------------------------------------------------
SAMPLE = '''
import functools
from functools import lru_cache
from types import MappingProxyType
import re

__all__ = ["x"]
TABLE = {"a": 1}
FROZEN = MappingProxyType({"a": 1})
WORDS = frozenset({"a"})
PATTERN = re.compile("a")
_seen: list[str] = []
_lock = threading.RLock()

@functools.lru_cache(maxsize=8)
def load(): ...

@lru_cache
def other(): ...

class Thing:
    @functools.cache
    def method(self): ...

def setter():
    global _seen
'''


def test_the_state_detector_finds_each_kind(tmp_path: Path) -> None:
    path = tmp_path / "sample.py"
    path.write_text(SAMPLE, encoding="utf-8")
    found = {(s.name, s.what) for s in module_state("sample", path)}
    assert found == {("TABLE", "mutable"), ("_seen", "mutable"), ("_lock", "mutable"), ("load", "cache"),
                     ("other", "cache"), ("Thing.method", "cache"), ("_seen", "global")}


@pytest.mark.parametrize("source,expected", [
    ("from ..rules import Registry\n", {"editlint.rules"}),
    ("def f():\n    from ..readers import read\n", {"editlint.readers"}),
    ("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from ..config import Config\n",
     {"editlint.config"}),
    ("from .. import segment\n", {"editlint.segment"}),
    ("import editlint.engine\n", {"editlint.engine"}),
    ("from .base import Hit\n", {"editlint.checks.base"}),
])
def test_the_import_parser_resolves_relative_and_late_imports(tmp_path: Path, source: str,
                                                              expected: set[str]) -> None:
    path = tmp_path / "sample.py"
    path.write_text(source, encoding="utf-8")
    assert imports_of("editlint.checks.sample", path) == expected


def test_a_check_importing_the_engine_is_an_arrow_against_the_layers() -> None:
    assert layer("editlint.engine") > layer("editlint.checks.spelling")
    assert layer("editlint.checks.claims.units") == layer("editlint.checks")
    assert layer("editlint.reporters.sarif") < layer("editlint.cli")
