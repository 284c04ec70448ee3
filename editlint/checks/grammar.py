"""Grammar, style and typography through LanguageTool (EL502–EL504). Off unless configured.

With ``[tool.editlint.grammar] backend = "off"`` (the default) these checks return at once: the
LanguageTool client is not even imported and no socket is opened. Otherwise one request stream per
article (shared by the three rules through ``ctx.memo``) sends only prose blocks; LanguageTool's
matches are sorted into the three rules by their category. An unreachable server gives one diagnostic,
never a traceback, and ``on-unavailable`` decides whether it is silent, a warning or a failure.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from ..findings import Edit
from .base import CheckContext, ConfigSection, Diagnostic, Hit, Option, check_type

GRAMMAR_SECTION = ConfigSection("grammar", {
    "backend": Option(str, "off", "LanguageTool backend: off, server (self-hosted URL), local "
                      "(language-tool-python downloads and runs LanguageTool) or public-api (text leaves "
                      "the machine)", ("off", "server", "local", "public-api")),
    "url": Option(str, "http://localhost:8081",
                  "URL of a self-hosted LanguageTool server (backend = server)"),
    "language": Option(str, "en-US", "LanguageTool language code (en-US, en-GB, …)"),
    "timeout": Option((int, float), 10, "seconds to wait for each LanguageTool request"),
    "disabled-rules": Option(list, [], "LanguageTool rule ids not to report (e.g. WHITESPACE_RULE)"),
    "disabled-categories": Option(list, [], "LanguageTool category ids not to report (e.g. CASING)"),
    "on-unavailable": Option(str, "warn", "when LanguageTool cannot be reached: skip (silently), warn "
                             "(diagnostic, exit code unchanged) or fail (exit 2)", ("skip", "warn", "fail")),
}, help="LanguageTool grammar, style and typography checks (EL502–EL504).")

#: LanguageTool category ids → the editlint family that reports them. Categories not listed fall back
#: on the match's issueType (ISSUE_FAMILY), then on "grammar".
CATEGORY_FAMILY: Mapping[str, str] = MappingProxyType({
    "GRAMMAR": "grammar", "TYPOS": "grammar", "CONFUSED_WORDS": "grammar", "COLLOCATIONS": "grammar",
    "COMPOUNDING": "grammar", "SEMANTICS": "grammar", "NONSTANDARD_PHRASES": "grammar", "MISC": "grammar",
    "FALSE_FRIENDS": "grammar",
    "STYLE": "style", "REDUNDANCY": "style", "PLAIN_ENGLISH": "style", "REPETITIONS": "style",
    "REPETITIONS_STYLE": "style", "WIKIPEDIA": "style", "CREATIVE_WRITING": "style", "TEXT_ANALYSIS": "style",
    "REGIONALISMS": "style", "BRITISH_ENGLISH": "style", "AMERICAN_ENGLISH_STYLE": "style",
    "GENDER_NEUTRALITY": "style", "PROPER_NOUNS": "grammar",
    "TYPOGRAPHY": "typography", "PUNCTUATION": "typography", "CASING": "typography",
})
ISSUE_FAMILY: Mapping[str, str] = MappingProxyType({
    "grammar": "grammar", "misspelling": "grammar", "duplication": "grammar", "inconsistency": "grammar",
    "style": "style", "locale-violation": "style", "register": "style", "uncategorized": "grammar",
    "typographical": "typography", "whitespace": "typography",
})


def family_of(category_id: str, issue_type: str) -> str:
    return CATEGORY_FAMILY.get(category_id) or ISSUE_FAMILY.get(issue_type) or "grammar"


def is_speller_match(category_id: str, issue_type: str) -> bool:
    """LanguageTool's dictionary spelling matches: EL501 checks spelling offline, so these are dropped."""
    return category_id == "TYPOS" and issue_type == "misspelling"


@dataclass
class _Result:
    hits: dict[str, list[Hit]] = field(default_factory=dict)
    diagnostics: list[Diagnostic] = field(default_factory=list)


def _settings(section: Any) -> Any:
    from ..languagetool import Settings

    return Settings(backend=section["backend"], url=section["url"], language=section["language"],
                    timeout=float(section["timeout"]),
                    disabled_rules=tuple(str(r) for r in section["disabled-rules"]),
                    disabled_categories=tuple(str(c) for c in section["disabled-categories"]))


def _run(ctx: CheckContext) -> _Result:
    """Ask LanguageTool about the article's prose blocks once; sort matches by family."""
    from .. import languagetool as lt

    section = ctx.config.section("grammar")
    settings = _settings(section)
    result = _Result()
    if settings.backend == "public-api":
        result.diagnostics.append(Diagnostic(
            "grammar: backend = public-api sends the article's text to LanguageTool's public service "
            f"({lt.PUBLIC_API_URL}); use a self-hosted server for unpublished or private text"))
    doc = ctx.doc
    pieces = [(b.text, b.start) for b in doc.prose_blocks()]
    try:
        segments = lt.check_segments(settings, pieces)
    except lt.BackendUnavailable as exc:
        policy = section["on-unavailable"]
        if policy != "skip":
            msg = f"grammar checks skipped: LanguageTool at {exc.where} not reachable: {exc.reason}"
            result.diagnostics.append(Diagnostic(msg, fatal=policy == "fail"))
        return result
    disabled_rules = set(settings.disabled_rules)
    disabled_cats = set(settings.disabled_categories)
    for seg in segments:
        for m in seg.matches:
            if m.end <= m.start or is_speller_match(m.category_id, m.issue_type):
                continue
            if m.rule_id in disabled_rules or m.category_id in disabled_cats:
                continue  # a server may ignore the request parameters; honour them here too
            if doc.in_skip_span(m.start, m.end):
                continue  # inline code, URLs and e-mail addresses are not prose
            text = doc.text[m.start:m.end]
            message = m.message.strip() or m.short_message or m.rule_description or "LanguageTool match"
            message = f"{message} [LanguageTool {m.rule_id}]"
            suggestion = m.replacements[0] if m.replacements else None
            edits: tuple[Edit, ...] = ()
            if len(m.replacements) == 1:
                s, e = doc.source_offset(m.start), doc.source_offset(m.end - 1) + 1
                if doc.source.text[s:e] == text:
                    edits = (Edit(s, e, m.replacements[0]),)
            hit = Hit(m.start, m.end, message, suggestion=suggestion, edits=edits,
                      key=f"{m.rule_id}:{text}",
                      data={"languagetool_rule": m.rule_id, "category": m.category_id,
                            "category_name": m.category_name, "issue_type": m.issue_type,
                            "replacements": list(m.replacements[:5])})
            result.hits.setdefault(family_of(m.category_id, m.issue_type), []).append(hit)
    return result


@check_type("languagetool", options={
    "family": Option(str, "grammar", "which LanguageTool matches this rule reports (by category)",
                     ("grammar", "style", "typography")),
})
def languagetool(ctx: CheckContext) -> Iterator[Hit | Diagnostic]:
    """LanguageTool matches of one family; nothing at all unless a grammar backend is configured."""
    section = ctx.config.section("grammar")
    if section.get("backend", "off") == "off":
        return
    key = ("languagetool", tuple(sorted((k, str(v)) for k, v in section.items())))
    result: _Result = ctx.memo(key, lambda: _run(ctx))
    yield from result.diagnostics
    yield from result.hits.get(ctx.options["family"], [])
