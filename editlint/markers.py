"""Lines that are never article text, whatever the format: merge-conflict markers and server-side
template code.

Both are found on the raw source before a reader parses it, so every reader agrees on them:

- a merge conflict is a ``<<<<<<<`` line, optionally a ``|||||||`` base line, a ``=======`` line and a
  ``>>>>>>>`` line, in that order. A ``=======`` on its own is a Markdown heading underline, not a
  marker, so only complete conflicts count;
- template code is a ``<?php … ?>``, ``<% … %>`` / ``<%= … %>``, ``{% … %}``, ``{# … #}``,
  ``{{ … }}`` or ``{!! … !!}`` span (PHP, JSP/ASP/ERB, Jinja/Liquid/Django, Handlebars/Mustache,
  Blade), or a line of ``@directive(…)`` calls (Blade, Razor). It is output by the
  server, not written by the author, so no prose check may read it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_MARKER = re.compile(r"^(<{7}|\|{7}|={7}|>{7})(?:[ \t].*)?$", re.MULTILINE)

#: Server-side template spans. An unclosed ``<?php`` runs to the end of the text, as PHP allows; a line
#: of Blade/Razor directives (``@extends('layout') @section('content')``) is template code too.
TEMPLATE_RE = re.compile(r"<\?(?:php|=)[\s\S]*?(?:\?>|\Z)|<%[\s\S]*?%>|\{%[\s\S]*?%\}|\{#[\s\S]*?#\}"
                         r"|\{\{[\s\S]*?\}\}|\{!![\s\S]*?!!\}"
                         r"|^[ \t]*(?:@[A-Za-z]+(?:\s*\((?:[^()\n]|\([^()\n]*\))*\))?[ \t]*)+$", re.MULTILINE)


@dataclass(frozen=True)
class MarkerLine:
    """One merge-conflict marker line: ``start``/``end`` are offsets into the source text."""

    start: int
    end: int
    kind: str  # "ours" (<<<<<<<), "base" (|||||||), "split" (=======) or "theirs" (>>>>>>>)


_KINDS = {"<": "ours", "|": "base", "=": "split", ">": "theirs"}


def conflict_markers(text: str) -> list[MarkerLine]:
    """The marker lines of every complete conflict (ours, [base], split, theirs) in ``text``."""
    out: list[MarkerLine] = []
    pending: list[MarkerLine] = []
    for m in _MARKER.finditer(text):
        line = MarkerLine(m.start(), m.end(), _KINDS[m.group(1)[0]])
        expected = _next_kinds(pending)
        if line.kind == "ours":
            pending = [line]
        elif line.kind in expected:
            pending.append(line)
            if line.kind == "theirs":
                out.extend(pending)
                pending = []
    return out


def _next_kinds(pending: list[MarkerLine]) -> tuple[str, ...]:
    """Which marker may come next in an open conflict."""
    if not pending:
        return ()
    last = pending[-1].kind
    return {"ours": ("base", "split"), "base": ("split",), "split": ("theirs",)}.get(last, ())


#: An HTML tag or comment left in a plain-text article (a scraped page): markup, never prose.
HTML_TAG_RE = re.compile(r"<!--[\s\S]*?-->|</?[A-Za-z][\w:-]*(?:\s+[^<>]*?)?/?>")


def html_tag_spans(text: str) -> list[tuple[int, int]]:
    """Source spans of HTML tags and comments (for plain text, where they are residue of a page)."""
    return [(m.start(), m.end()) for m in HTML_TAG_RE.finditer(text)]


def template_spans(text: str) -> list[tuple[int, int]]:
    """Source spans of server-side template code (see the module docstring)."""
    return [(m.start(), m.end()) for m in TEMPLATE_RE.finditer(text)]


def mask(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` with each span's characters replaced by spaces (newlines kept), so offsets stay put."""
    if not spans:
        return text
    chars = list(text)
    for s, e in spans:
        for i in range(s, e):
            if chars[i] != "\n":
                chars[i] = " "
    return "".join(chars)
