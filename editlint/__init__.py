"""editlint: lint parenting and child-health articles like code.

>>> import editlint
>>> report = editlint.lint_text("# Teething\\n\\nMost babies get a first tooth around six months.\\n",
...                             path="teething.md", config={"select": ["EL6"]})
>>> report.findings
[]

The public API is what ``__all__`` lists; everything else is internal.
"""

from __future__ import annotations

from ._version import __version__
from .config import Config, load_config
from .document import Block, BlockKind, Document
from .engine import Linter, lint_paths, lint_text
from .errors import ConfigError, EditlintError, InputError, ModelError
from .findings import Edit, FileReport, Finding, Related, RunReport, Severity
from .rules import Registry, Rule

__all__ = [
    "Block", "BlockKind", "Config", "ConfigError", "Document", "Edit", "EditlintError", "FileReport",
    "Finding", "InputError", "Linter", "ModelError", "Registry", "Related", "Rule", "RunReport", "Severity",
    "__version__", "lint_paths", "lint_text", "load_config",
]
