"""Readers turn a :class:`~editlint.source.Source` into a :class:`~editlint.document.Document`."""

from __future__ import annotations

from ..document import Document
from ..source import Source
from .html import read_html
from .markdown import read_markdown
from .plaintext import read_text

READERS = {"markdown": read_markdown, "html": read_html, "text": read_text}


def read(source: Source) -> Document:
    """Parse ``source`` with the reader for its format."""
    return READERS[source.format](source)


__all__ = ["READERS", "read", "read_html", "read_markdown", "read_text"]
