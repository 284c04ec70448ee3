"""editlint: lint parenting and child-health articles like code.

>>> import editlint
>>> report = editlint.lint_text("# Teething\\n\\nMost babies get a first tooth around six months.\\n",
...                             path="teething.md", config={"select": ["EL6"]})
>>> report.findings
[]

The public API is what ``__all__`` lists; everything else is internal. The names are imported on first
use (PEP 562), so ``import editlint``, ``editlint --version`` and the command line's help load neither
the engine, the configuration models (pydantic) nor the readers until something asks for them.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from ._version import __version__

if TYPE_CHECKING:
    from .config import Config, load_config
    from .document import Block, BlockKind, Document
    from .engine import Linter, lint_paths, lint_text
    from .errors import ConfigError, EditlintError, InputError, ModelError
    from .findings import Edit, FileReport, Finding, Related, RunReport, Severity
    from .rules import Registry, Rule

#: Where each public name lives.
_HOMES = {
    "Config": "config", "load_config": "config",
    "Block": "document", "BlockKind": "document", "Document": "document",
    "Linter": "engine", "lint_paths": "engine", "lint_text": "engine",
    "ConfigError": "errors", "EditlintError": "errors", "InputError": "errors", "ModelError": "errors",
    "Edit": "findings", "FileReport": "findings", "Finding": "findings", "Related": "findings",
    "RunReport": "findings", "Severity": "findings",
    "Registry": "rules", "Rule": "rules",
}

__all__ = [
    "Block", "BlockKind", "Config", "ConfigError", "Document", "Edit", "EditlintError", "FileReport",
    "Finding", "InputError", "Linter", "ModelError", "Registry", "Related", "Rule", "RunReport", "Severity",
    "__version__", "lint_paths", "lint_text", "load_config",
]


def __getattr__(name: str) -> Any:
    """Import a public name's module on first use and keep the name here."""
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'editlint' has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{home}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
