"""Compatibility: the marker scanners moved to :mod:`editlint.markers` (the document layer), where the
readers and the structure checks both reach them without a check importing a reader."""

from __future__ import annotations

from ..markers import (
           HTML_TAG_RE,
           TEMPLATE_RE,
           MarkerLine,
           conflict_markers,
           html_tag_spans,
           mask,
           template_spans,
)

__all__ = ["HTML_TAG_RE", "TEMPLATE_RE", "MarkerLine", "conflict_markers", "html_tag_spans", "mask",
           "template_spans"]
