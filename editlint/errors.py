"""Errors that reach the user as a clear message and exit code 2 (never as a traceback)."""

from __future__ import annotations


class EditlintError(Exception):
    """Base class: a problem the user can fix; the message names the file and what is wrong."""

    def __init__(self, message: str, *, path: str | None = None) -> None:
        super().__init__(message)
        self.path = path
        self.message = message

    def __str__(self) -> str:
        return f"{self.path}: {self.message}" if self.path else self.message


class InputError(EditlintError):
    """An article that cannot be read: missing, unreadable, binary, not UTF-8, too large."""


class ConfigError(EditlintError):
    """A configuration or rule-pack file that is broken, or a flag with an unknown value."""


class ModelError(EditlintError):
    """The spaCy pipeline needed by an enabled check is not installed."""
