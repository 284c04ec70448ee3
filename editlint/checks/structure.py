"""Structure and leftovers (EL6xx): blog-template text, flattened tables, heading problems, merge-conflict
markers, placeholder text and heading markers with no space.

Cheap checks: plain regular expressions over blocks, no NLP.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import partial
from types import MappingProxyType
from typing import Any

from ..blockcache import reuse, skip_key
from ..document import Block, BlockKind, Document
from ..findings import Applicability, Edit, Severity
from ..markers import conflict_markers
from ..regexgate import Gate, fold, gate
from .base import CheckContext, Hit, Option, Span, check_type


def phrase_pattern(phrase: str) -> re.Pattern[str]:
    """A case-insensitive pattern for ``phrase`` that tolerates spacing, quote and dash variants."""
    words = [re.escape(w) for w in re.split(r"\s+", phrase.strip()) if w]
    body = r"[\s\u00a0]+".join(words).replace("\\'", "['’]").replace("’", "['’]")
    left = r"(?<!\w)" if phrase[:1].isalnum() else ""
    right = r"(?!\w)" if phrase[-1:].isalnum() else ""
    return re.compile(left + body + right, re.IGNORECASE)


def _heads_text(doc: Document, block: Block) -> bool:
    """True when running text follows the block: a one-word line above sentences is the writer's label
    ('Print' above 'Print the template on card.'), not a button left from the page."""
    nxt = doc.blocks[block.index + 1] if block.index + 1 < len(doc.blocks) else None
    return nxt is not None and nxt.is_prose and bool(re.search(r"\w[.!?](?:\s|$)", nxt.text))


@check_type("phrase-list", options={
    "phrases": Option(list, [], "phrases flagged wherever they appear in a text block"),
    "block-phrases": Option(list, [], "phrases flagged only when they make up (most of) a short block"),
    "max-block-words": Option(int, 12, "a block-phrase counts only in blocks of at most this many words"),
    "whole-block-phrases": Option(list, [], "phrases flagged only when they are the whole block (a 'Search' "
                                  "button's label)"),
    "group-within-blocks": Option(int, 0, "matches at most this many blocks apart make one finding (a page "
                                  "header's chrome); 0: one finding each"),
    "message": Option(str, "template text left in the article: {phrase!r}", "message; {phrase} is the match"),
    "suggestion": Option(str, "", "text of the suggestion, if any"),
})
def phrase_list(ctx: CheckContext) -> Iterator[Hit]:
    """Phrases that should not appear in an article (blog boilerplate, site chrome, forbidden wordings)."""
    found = list(_phrase_matches(ctx))
    gap = ctx.options["group-within-blocks"]
    runs: list[list[tuple[int, int, int, str]]] = []
    for match in found:
        if gap and runs and match[0] - runs[-1][-1][0] <= gap:
            runs[-1].append(match)
        else:
            runs.append([match])
    for run in runs:
        _, s, e, phrase = run[0]
        n = len(run) - 1
        more = f" (and {n} more line{'s' if n > 1 else ''} of it nearby)" if n else ""
        yield Hit(s, e, ctx.options["message"].format(phrase=phrase) + more,
                  related=tuple(Span(a, b, f"also {p!r}") for _, a, b, p in run[1:]),
                  suggestion=ctx.options["suggestion"] or None)


def _phrase_matches(ctx: CheckContext) -> Iterator[tuple[int, int, int, str]]:
    """(block index, start, end, text) of every listed phrase, in document order."""
    anywhere = [gate(phrase_pattern(p)) for p in ctx.options["phrases"]]  # gates made once a document
    block_only = [gate(phrase_pattern(p)) for p in ctx.options["block-phrases"]]
    max_words = ctx.options["max-block-words"]
    whole = frozenset(" ".join(str(p).casefold().split()) for p in ctx.options["whole-block-phrases"])
    settings = (tuple(ctx.options["phrases"]), tuple(ctx.options["block-phrases"]), max_words, whole)
    for block in ctx.doc.iter_blocks():
        is_whole, taken = reuse(("phrase-list", settings, block.text, skip_key(ctx.doc, block)),
                                partial(_block_phrases, ctx.doc, block, anywhere, block_only, max_words,
                                        whole))
        if is_whole and block.kind is not BlockKind.HEADING and not _heads_text(ctx.doc, block):
            yield block.index, block.start, block.end, block.text.strip()
            continue
        for s, e in taken:
            yield block.index, block.start + s, block.start + e, block.text[s:e]


def _block_phrases(doc: Document, block: Block, anywhere: list[Gate],
                   block_only: list[Gate], max_words: int, whole: frozenset[str]
                   ) -> tuple[bool, tuple[tuple[int, int], ...]]:
    """Whether the block is a whole-block phrase, and the listed phrases in it (block offsets): its text
    and skip spans decide both, so a long-lived Linter keeps them per block."""
    patterns = list(anywhere)
    if len(block.words()) <= max_words:
        patterns += block_only
    taken: list[tuple[int, int]] = []
    low = fold(block.text)  # a phrase whose words the block lacks is not searched (regexgate)
    for g in patterns:
        for m in g.finditer(block.text, low):
            s, e = block.start + m.start(), block.start + m.end()
            if any(a < e and s < b for a, b in taken) or doc.in_skip_span(s, e):
                continue
            taken.append((s, e))
    is_whole = bool(whole) and " ".join(re.sub(r"[^\w\s']", " ", block.text).casefold().split()) in whole
    return is_whole, tuple((s - block.start, e - block.start) for s, e in sorted(taken))


# A label glued to its value: "Typical Age7-10 months", "Crawling DirectionBackward", and a label ending
# in a short capitalised word glued to a number after another word: "Daytime Dry By2 to 4 years".
_GLUE = re.compile(r"(?<![A-Z])([A-Za-z][a-z]{2,}|(?<=\s)[A-Z][a-z](?=\d))([A-Z][a-z]+|\d[\d–\-]*)")


#: Lines that are never table rows: a merge-conflict marker, a citation with its year ("Staff. (2015).").
_NOT_A_ROW = re.compile(r"^\s*(?:<{7}|={7}|>{7}|\|{7})|\(\d{4}[a-z]?\)")
_REFERENCES = re.compile(
    r"^\W*(?:sources?|references?|further reading|bibliography|citations?|works cited)\b", re.IGNORECASE)


def _in_references(doc: Document, block: Block) -> bool:
    """True for a block under a references or sources heading (citations glue names and years)."""
    return block.section is not None and bool(_REFERENCES.match(doc.blocks[block.section].text))


def _glued_in_source(doc: Document, offset: int) -> bool:
    """True when the characters either side of extracted ``offset`` are next to each other in the file
    (not two links, tags or cells that only met when the markup was removed)."""
    return doc.source_offset(offset) - doc.source_offset(offset - 1) == 1


@check_type("flattened-table", options={
    "max-words": Option(int, 12, "longest line (in words) that can be a table row"),
    "allow": Option(list, [], "words that legitimately mix case or glue digits (YouTube, iPhone, COVID19)"),
})
def flattened_table(ctx: CheckContext) -> Iterator[Hit]:
    """Table rows whose cells were pasted together without a separator."""
    allow = {w.casefold() for w in ctx.options["allow"]}
    max_words = ctx.options["max-words"]
    candidates: list[tuple[int, int, int, str]] = []  # block index, start, end, glued token
    for block in ctx.doc.iter_blocks(BlockKind.TABLE_CELL, BlockKind.PARAGRAPH, BlockKind.CAPTION,
                                     BlockKind.LIST_ITEM):
        if _in_references(ctx.doc, block):
            continue
        for line_match in re.finditer(r"[^\n]+", block.text):
            line = line_match.group()
            if len(line.split()) > max_words or re.search(r"[.!?]\s*$", line) or _NOT_A_ROW.search(line):
                continue
            for m in _GLUE.finditer(line):
                if not _glued_in_source(ctx.doc, block.start + line_match.start() + m.start(2)):
                    continue  # two links or tags side by side: separate in the file, not a pasted row
                token_m = re.search(r"\S*$", line[: m.start()])
                rest_m = re.match(r"\S*", line[m.start():])  # always matches, perhaps empty
                token = (token_m.group() if token_m else "") + (rest_m.group() if rest_m else "")
                if token.casefold().strip(".,;:()") in allow or m.group(1).casefold() in allow:
                    continue
                if re.search(r"\w[./@]\w", token):  # a domain, path or address, not a glued cell
                    continue
                s = block.start + line_match.start()
                candidates.append((block.index, s, s + len(line), m.group()))
                break
    # Rows of one flattened table (blocks next to each other) make one finding at the first row.
    runs: list[list[tuple[int, int, int, str]]] = []
    for cand in candidates:
        if runs and cand[0] - runs[-1][-1][0] <= 1:
            runs[-1].append(cand)
        else:
            runs.append([cand])
    for run in runs:
        _, s, e, glued = run[0]
        if len(run) == 1:
            yield Hit(s, e, f"label and value glued together ({glued!r}): a table row flattened into text? "
                      "separate label and value", severity=Severity.WARNING)
            continue
        yield Hit(s, e, f"table flattened into text: {len(run)} rows have label and value glued together "
                  f"(first: {glued!r}); rebuild the table or write each row as 'Label: value'",
                  related=tuple(Span(rs, re_, f"flattened row ({g!r})") for _, rs, re_, g in run[1:]))


@check_type("heading-structure", options={
    "problem": Option(str, "multiple-h1", "which problem to report",
                      ("multiple-h1", "skipped-level", "empty")),
})
def heading_structure(ctx: CheckContext) -> Iterator[Hit]:
    """Heading outline problems: several top-level headings, skipped levels, empty headings."""
    problem = ctx.options["problem"]
    headings = [h for h in ctx.doc.headings() if "in-quote" not in h.classes]  # pull quotes: no outline
    explicit_levels = ctx.doc.format != "text"  # plain-text levels are inferred, not written
    if problem == "multiple-h1" and explicit_levels:
        h1 = [h for h in headings if h.level == 1]
        for h in h1[1:]:
            yield Hit(h.start, max(h.end, h.start + 1),
                      f"more than one top-level heading ({len(h1)} in this article); "
                      "make this a subheading (level 2)",
                      related=(Span(h1[0].start, max(h1[0].end, h1[0].start + 1),
                                    "first top-level heading"),))
    elif problem == "skipped-level" and explicit_levels:
        prev = 0
        for h in headings:
            if prev and h.level > prev + 1:
                yield Hit(h.start, max(h.end, h.start + 1),
                          f"heading level skips from {prev} to {h.level}; use level {prev + 1}")
            prev = h.level
    elif problem == "empty":
        for h in headings:
            if not h.text.strip():
                yield Hit(h.start, h.start + 1, "empty heading: give it a title or remove it")


@check_type("misused-term", options={
    "terms": Option(list, [], "tables of pattern (a regular expression), instead (the right term) and why"),
})
def misused_term(ctx: CheckContext) -> Iterator[Hit]:
    """Wordings that say something other than what the writer means (often machine-spun text)."""
    compiled = []
    for i, entry in enumerate(ctx.options["terms"]):
        if not isinstance(entry, dict) or not isinstance(entry.get("pattern"), str) \
                or not isinstance(entry.get("instead"), str):
            raise ValueError(f"terms[{i}] needs string keys 'pattern' and 'instead'")
        compiled.append((re.compile(entry["pattern"], re.IGNORECASE), entry["instead"], entry.get("why", "")))
    for block in ctx.doc.iter_blocks():
        for pattern, instead, why in compiled:
            for m in pattern.finditer(block.text):
                s, e = block.start + m.start(), block.start + m.end()
                if ctx.doc.in_skip_span(s, e):
                    continue
                reason = f" ({why})" if why else ""
                yield Hit(s, e, f"{m.group()!r} does not mean what it seems to{reason}; write {instead!r}",
                          suggestion=instead)


# -- merge-conflict markers, placeholders, headings without a space --------------------------------
def _extracted_span(doc: Document, start: int, end: int) -> tuple[int, int] | None:
    """The extracted-text span whose characters come from source offsets [start, end), if any."""
    origin = doc.origin
    i = bisect.bisect_left(origin, start)
    if i >= len(origin) or not start <= origin[i] < end:
        hits = [k for k, o in enumerate(origin) if start <= o < end]  # the map is not monotonic here
        if not hits:
            return None
        i = hits[0]
    j = i
    while j < len(origin) and start <= origin[j] < end:
        j += 1
    return i, j


@check_type("conflict-markers")
def conflict_markers_check(ctx: CheckContext) -> Iterator[Hit]:
    """Merge-conflict markers (<<<<<<<, =======, >>>>>>>) left in the article: one finding a conflict."""
    doc = ctx.doc
    conflict: list[tuple[int, int]] = []
    for marker in conflict_markers(doc.source.text):
        span = _extracted_span(doc, marker.start, marker.end)
        if span is None:
            continue  # outside the article (skipped page chrome)
        block = doc.block_at(span[0])
        if block is not None and block.kind is BlockKind.CODE and "conflict-marker" not in block.classes:
            continue  # a code sample showing a conflict
        conflict.append(span)
        if marker.kind == "theirs":
            (s, e), rest = conflict[0], conflict[1:]
            yield Hit(s, e, "merge-conflict markers left in the article: keep one version of the "
                      "text between them and delete the marker lines",
                      related=tuple(Span(a, b, "conflict marker") for a, b in rest),
                      key=f"conflict {doc.text[s:e]}", data={"markers": len(conflict)})
            conflict = []


@dataclass(frozen=True)
class _Placeholder:
    pattern: re.Pattern[str]
    label: str


def _placeholders(entries: list[Any]) -> list[_Placeholder]:
    out = []
    for i, entry in enumerate(entries):
        if not isinstance(entry, dict) or not isinstance(entry.get("pattern"), str) \
                or not isinstance(entry.get("label"), str):
            raise ValueError(f"patterns[{i}] needs string keys 'pattern' and 'label'")
        flags = re.IGNORECASE if entry.get("ignore-case", False) else 0
        out.append(_Placeholder(re.compile(entry["pattern"], flags), entry["label"]))
    return out


_QUOTES: Mapping[str, str] = MappingProxyType({"'": "'", '"': '"', "‘": "’", "“": "”", "`": "`"})


def _quoted(text: str, m: re.Match[str]) -> bool:
    """True for a placeholder in quotes: a mention ('editors write "TK"'), not a use."""
    before = text[m.start() - 1] if m.start() else ""
    after = text[m.end()] if m.end() < len(text) else ""
    return before in _QUOTES and _QUOTES[before] == after


@check_type("placeholder-text", options={
    "patterns": Option(list, [], "tables of pattern (a regular expression), label (what it is) and "
                       "ignore-case (default false: TODO and TK are placeholders, 'todo' is a word)"),
    "allow": Option(list, [], "phrases containing a match that are not placeholders (a name: 'TK Maxx')"),
})
def placeholder_text(ctx: CheckContext) -> Iterator[Hit]:
    """Placeholder and filler text a writer meant to replace (lorem ipsum, TK, TODO, [insert …])."""
    patterns = _placeholders(ctx.options["patterns"])
    allow = [phrase_pattern(p) for p in ctx.options["allow"]]
    settings = (repr(ctx.options["patterns"]), tuple(ctx.options["allow"]))
    for block in ctx.doc.iter_blocks():
        found = reuse(("placeholder-text", settings, block.text, skip_key(ctx.doc, block)),
                      partial(_block_placeholders, ctx.doc, block, patterns, allow))
        for s, e, label in found:
            yield Hit(block.start + s, block.start + e, f"placeholder text left in the article ({label}): "
                      f"{block.text[s:e]!r}; write the missing text or delete it",
                      data={"placeholder": label})


def _block_placeholders(doc: Document, block: Block, patterns: list[_Placeholder],
                        allow: list[re.Pattern[str]]) -> tuple[tuple[int, int, str], ...]:
    """(start, end, label) of the placeholders in a block, in its offsets: its text and skip spans decide
    them, so a long-lived Linter keeps them per block."""
    allowed = [(m.start(), m.end()) for a in allow for m in a.finditer(block.text)]
    taken: list[tuple[int, int, str]] = []
    low = fold(block.text)
    for ph in patterns:
        for m in gate(ph.pattern).finditer(block.text, low):
            if any(a <= m.start() < b for a, b in allowed) or any(a <= m.start() < b for a, b, _ in taken) \
                    or _quoted(block.text, m):
                continue
            if doc.in_skip_span(block.start + m.start(), block.start + m.end()):
                continue
            taken.append((m.start(), m.end(), ph.label))
    return tuple(taken)


# A heading marker glued to its text: "##Sleep", "### Naps" is fine; one "#" only before a capital and
# not in a run of hashtags ("#newborn #sleep"), so social tags are left alone.
_GLUED_HEADING = re.compile(r"^(#{2,6})(?=[^\W\d_])|^(#)(?=[A-Z][a-z])(?!.*\s#\w)", re.MULTILINE)


_CLOSING_HASHES = re.compile(r"(?<=[^\s#])(#+)[ \t]*$")


def _closing_edit(doc: Document, start: int, end: int, marks: str) -> tuple[Edit, ...]:
    """A space before a closing sequence glued to the heading text ("##Title##"): a closed ATX heading
    ends in hashes after a space, so without it the fixed heading would read "Title##". Only a run as
    long as the opening one is a closing sequence ("##C#" keeps its "#")."""
    m = _CLOSING_HASHES.search(doc.text, start + len(marks), end)
    if m is None or m.group(1) != marks:
        return ()
    src = doc.source_offset(m.start(1))
    if doc.source.text[src:src + len(marks)] != marks:
        return ()
    return (Edit(src, src, " ", Applicability.SAFE),)


@check_type("heading-without-space")
def heading_without_space(ctx: CheckContext) -> Iterator[Hit]:
    """Markdown heading markers with no space after them, which Markdown shows as plain text."""
    if ctx.doc.format == "html":
        return
    for block in ctx.doc.iter_blocks():
        if block.kind is BlockKind.HEADING and ctx.doc.format == "markdown":
            continue  # a real heading: markdown-it only makes one when the space is there
        for m in _GLUED_HEADING.finditer(block.text):
            marks = m.group(1) or m.group(2)
            s = block.start + m.start()
            line_end = block.text.find("\n", m.start())
            e = block.start + (line_end if line_end >= 0 else len(block.text))
            src = ctx.doc.source_offset(s + len(marks) - 1) + 1
            edits: tuple[Edit, ...] = ()
            if ctx.doc.source.text[src - len(marks):src] == marks:
                edits = (Edit(src, src, " ", Applicability.SAFE),) + _closing_edit(ctx.doc, s, e, marks)
            yield Hit(s, e, f"heading marker {marks!r} with no space after it: Markdown shows this line "
                      f"as text; write '{marks} ' followed by the heading, on a line of its own",
                      suggestion=f"insert a space after {marks!r}", edits=edits,
                      data={"level": len(marks)})


def _garbled_words(text: str, bad: re.Pattern[str]) -> tuple[tuple[int, int], ...]:
    """The words of a block's text that hold garbled characters, in its offsets (kept per block)."""
    words: list[tuple[int, int]] = []
    for m in gate(bad).finditer(text, fold(text)):  # ftfy's pattern needs a character outside ASCII
        s = text.rfind(" ", 0, m.start()) + 1
        e = text.find(" ", m.end())
        span = (s, len(text) if e < 0 else e)
        if not words or span[0] >= words[-1][1]:
            words.append(span)
    return tuple(words)


@check_type("mojibake", options={
    "max-related": Option(int, 30, "most other garbled words listed as related places"),
})
def mojibake(ctx: CheckContext) -> Iterator[Hit]:
    """Text decoded with the wrong encoding ('cowâ€™s' for "cow's"), found by ftfy's patterns: one finding
    an article, on the first garbled word, since the cause (one bad copy) is one. Plain ASCII cannot be
    garbled, so ftfy is not even imported for it."""
    if ctx.doc.text.isascii():
        return
    from ftfy import fix_text
    from ftfy.badness import BADNESS_RE, is_bad

    words = [(block.start + s, block.start + e) for block in ctx.doc.iter_blocks()
             for s, e in reuse(("mojibake", block.text), partial(_garbled_words, block.text, BADNESS_RE))]
    if not words:
        return
    (s, e), rest = words[0], words[1:]
    garbled = ctx.doc.text[s:e]
    fixed = fix_text(garbled)
    odd = [sum(ord(c) > 127 for c in t) for t in (garbled, fixed)]
    repaired = fixed != garbled and not is_bad(fixed) and odd[1] * 2 < odd[0]  # ftfy undid it for sure
    hint = f" (probably {fixed!r})" if repaired else ""
    yield Hit(s, e, f"garbled characters {garbled!r}{hint}: text decoded with the wrong encoding"
              + (f" ({len(words)} garbled words in the article)" if rest else "")
              + "; copy it again from the source as UTF-8, or fix the characters",
              related=tuple(Span(a, b, "garbled too") for a, b in rest[: ctx.options["max-related"]]),
              key=f"mojibake {garbled}", data={"words": len(words)})
