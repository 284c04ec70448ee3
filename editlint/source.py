"""Turn file bytes into text: decoding, BOM, newlines, and the checks that refuse bad input.

The decoded text keeps every character of the file except a leading BOM; CRLF and CR newlines are
normalised to LF, which keeps line and column numbers identical to the original file's.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from .errors import InputError
from .walk import file_kind

#: Articles larger than this are refused (configurable with ``max-file-size``).
DEFAULT_MAX_BYTES = 10 * 1024 * 1024

FORMATS = ("markdown", "html", "text")
_EXTENSIONS = {
    ".md": "markdown", ".markdown": "markdown", ".mdown": "markdown", ".mkd": "markdown",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".txt": "text", ".text": "text",
}


@dataclass(frozen=True)
class Source:
    """One article's text as read: ``text`` has LF newlines and no BOM."""

    path: str | None
    text: str
    format: str
    had_bom: bool = False
    newline: str = "\n"


def format_for(path: str | os.PathLike[str] | None, declared: str | None = None) -> str:
    """The reader to use: an explicit format wins, then the extension, then plain text."""
    if declared:
        aliases = {"md": "markdown", "txt": "text", "htm": "html", "plain": "text"}
        fmt = aliases.get(declared.lower(), declared.lower())
        if fmt not in FORMATS:
            raise InputError(f"unknown format {declared!r} (expected markdown, html or text)")
        return fmt
    if path is None:
        return "text"
    return _EXTENSIONS.get(Path(path).suffix.lower(), "text")


def is_article_path(path: str | os.PathLike[str]) -> bool:
    return Path(path).suffix.lower() in _EXTENSIONS


def decode(data: bytes, path: str | None, fmt: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Source:
    """Decode bytes as UTF-8 (with or without BOM); refuse binary, non-UTF-8, empty and huge input."""
    label = path or "<stdin>"
    if len(data) > max_bytes:
        raise InputError(_too_large(len(data), max_bytes), path=label)
    had_bom = data.startswith(b"\xef\xbb\xbf")
    if had_bom:
        data = data[3:]
    if b"\x00" in data[:8192]:
        raise InputError("looks like a binary file (it contains NUL bytes), not an article", path=label)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise InputError(
            f"is not valid UTF-8 (byte 0x{data[exc.start]:02x} at line {line}); "
            "save it as UTF-8 and try again", path=label) from None
    newline = "\r\n" if "\r\n" in text else ("\r" if "\r" in text else "\n")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise InputError("is empty (nothing to lint)", path=label)
    return Source(path=path, text=text, format=fmt, had_bom=had_bom, newline=newline)


def read_path(path: str, fmt: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES) -> Source:
    """Read one article from disk, with errors that name the file.

    Only a regular file is read (opened without blocking, so a FIFO cannot hang the run), and never more
    than ``max_bytes`` + 1 bytes (a file that grows, or lies about its size, cannot exhaust memory).
    """
    try:
        data = _read_regular(path, max_bytes)
    except FileNotFoundError:
        raise InputError("no such file or directory", path=path) from None
    except PermissionError:
        raise InputError("permission denied (cannot read the file)", path=path) from None
    except IsADirectoryError:
        raise InputError("is a directory, not an article", path=path) from None
    except OSError as exc:
        raise InputError(f"cannot be read: {exc.strerror or exc}", path=path) from None
    return decode(data, path, format_for(path, fmt), max_bytes)


def _read_regular(path: str, max_bytes: int) -> bytes:
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    try:
        st = os.fstat(fd)
        kind = file_kind(st.st_mode)
        if kind == "a directory":
            raise IsADirectoryError(path)
        if kind:
            raise InputError(f"is {kind}, not an article (only regular files are read)", path=path)
        if st.st_size > max_bytes:
            raise InputError(_too_large(st.st_size, max_bytes), path=path)
        chunks: list[bytes] = []
        left = max_bytes + 1
        while left > 0:
            chunk = os.read(fd, min(left, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
        return b"".join(chunks)
    finally:
        os.close(fd)


def _too_large(size: int, max_bytes: int) -> str:
    return (f"file is {size / 1_048_576:.1f} MB, over the {max_bytes / 1_048_576:.0f} MB limit "
            "(raise max-file-size in the configuration to lint it)")
