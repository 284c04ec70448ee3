"""Markdown positions come from the parser's source map (issue 14 item 5): every character of a block's
text points at the exact source character it was read from, across escapes, entities, emphasis, links,
autolinks, code spans, inline HTML, line breaks and alt text; offsets are str indices, not UTF-8 bytes.

The generated test builds Markdown from inline pieces that each know their decoded text and where each
decoded character sits in the piece's source; the whole block's origins are then known exactly.
"""

from __future__ import annotations

from dataclasses import dataclass

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from editlint.document import BlockKind, Document
from editlint.readers import read
from editlint.readers.markdown_srcmap import ByteIndex, CharStream, inline_map
from editlint.source import Source


@dataclass(frozen=True)
class Piece:
    """Markdown source, the text it decodes to, and each decoded character's offset in the source."""

    src: str
    text: str
    at: tuple[int, ...]


def _lit(src: str) -> Piece:
    return Piece(src, src, tuple(range(len(src))))


def _inner(src: str, text: str, start: int) -> Piece:
    return Piece(src, text, tuple(range(start, start + len(text))))


WORDS = ["crib", "stroller", "rash", "café", "naïve", "crèche", "👶🏽", "3", "2-3", "it's", "e.g.", "10ml"]
#: pieces that may stand anywhere in prose (and in alt text)
ALT_PIECES = [
    *(_lit(w) for w in WORDS),
    Piece("\\*", "*", (1,)), Piece("\\_", "_", (1,)), Piece("\\\\", "\\", (1,)), Piece("\\[", "[", (1,)),
    _lit("\\wean"), _lit("\\z"),  # a backslash before a letter escapes nothing: both characters stay
    Piece("&amp;", "&", (0,)), Piece("&eacute;", "é", (0,)), Piece("&#65;", "A", (0,)),
    Piece("&#x1F600;", "😀", (0,)), Piece("&nbsp;", "\u00a0", (0,)),
    _lit("&bogus;"), _lit("&nosuch;"),  # unknown entities are literal text
    _inner("*bath*", "bath", 1), _inner("**sleep**", "sleep", 2), _inner("_teeth_", "teeth", 1),
    _inner("`x  = 1`", "x  = 1", 1), _inner("`` a`b ``", "a`b", 3),
]
PIECES = [
    *ALT_PIECES,
    _inner("[nappy](http://example.org/a_b)", "nappy", 1),
    Piece("[**bold** link](/x)", "bold link", (3, 4, 5, 6, 9, 10, 11, 12, 13)),
    _inner("<http://example.org/a>", "http://example.org/a", 1),
    _inner("<nurse@example.org>", "nurse@example.org", 1),
    Piece("<b>", "", ()), Piece("</b>", "", ()), Piece("<!-- note -->", "", ()),
    Piece("~~old~~", "old", (2, 3, 4)),
    # destinations, titles and images hold words and punctuation the prose repeats after them
    _inner("[nappy](https://example.org/crib-rash.html)", "nappy", 1),
    _inner('[cot](/crib "rash. naïve")', "cot", 1),
    Piece("![crib rash](crib.png)", "", ()),  # an image inside prose: its alt text is not the block's
    _lit("."), _lit(")"), _lit("html"),
]
#: inline HTML that would open an HTML block at the start of a line
_HTML_START = ("<!--", "<b>", "</b>")


def _join(pieces: list[Piece], breaks: list[str], prefix: str) -> tuple[str, str, list[int]]:
    """Pieces joined by a space or a line break (soft, or hard with two spaces or a backslash); each new
    line starts with ``prefix`` (a container's continuation). Returns source, decoded text, origins."""
    src, text, origins = "", "", []
    for k, p in enumerate(pieces):
        if k:
            sep = breaks[k % len(breaks)] if breaks else " "
            if p.src.startswith(_HTML_START):
                sep = " "  # at a line's start it would be an HTML block, not inline HTML
            if sep == " ":
                text += " "
                origins.append(len(src))
                src += " "
            else:
                mark = {"soft": "", "hard": "  ", "backslash": "\\"}[sep]
                src += mark
                text += "\n"
                origins.append(len(src))
                src += "\n" + prefix
        origins.extend(len(src) + a for a in p.at)
        text += p.text
        src += p.src
    return src, text, origins


def _block_origins(doc: Document, kind: BlockKind) -> tuple[str, list[int]]:
    block = [b for b in doc.blocks if b.kind is kind][-1]  # the generated block comes last
    return block.text, [doc.source_offset(i) for i in range(block.start, block.end)]


def _expect(text: str, origins: list[int]) -> tuple[str, list[int]]:
    """Blocks are trimmed of surrounding whitespace (a piece may decode to nothing, or to a space)."""
    left = len(text) - len(text.lstrip())
    right = len(text.rstrip())
    return text[left:right], origins[left:right]


CONTAINERS = {  # opening, continuation, block kind
    "paragraph": ("", "", BlockKind.PARAGRAPH),
    "list item": ("- ", "  ", BlockKind.LIST_ITEM),
    "ordered item": ("12. ", "    ", BlockKind.LIST_ITEM),
    "quote": ("> ", "> ", BlockKind.QUOTE),
    "nested quote in item": ("- > ", "  > ", BlockKind.LIST_ITEM),
}
FAST = settings(max_examples=300, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(pieces=st.lists(st.sampled_from(PIECES), min_size=1, max_size=12),
       breaks=st.lists(st.sampled_from([" ", " ", "soft", "hard", "backslash"]), max_size=4),
       container=st.sampled_from(sorted(CONTAINERS)), lead=st.sampled_from(["", "# Naps\n\n", "Intro.\n\n"]))
def test_every_block_character_maps_to_its_source_character(pieces: list[Piece], breaks: list[str],
                                                            container: str, lead: str) -> None:
    opening, cont, kind = CONTAINERS[container]
    body, text, origins = _join(_first(pieces), breaks, cont)
    if not text.strip():
        return
    src = lead + opening + body + "\n"
    doc = read(Source("gen.md", src, "markdown"))
    want_text, want = _expect(text, [len(lead) + len(opening) + o for o in origins])
    got_text, got = _block_origins(doc, kind)
    assert got_text == want_text
    assert got == want, (src, [(c, src[o]) for c, o in zip(got_text, got, strict=True)])


def _first(pieces: list[Piece]) -> list[Piece]:
    """A block cannot start with inline HTML (it would be an HTML block): a word goes first."""
    return [_lit("Then"), *pieces] if pieces[0].src.startswith(_HTML_START) else pieces


@FAST
@given(pieces=st.lists(st.sampled_from(PIECES), min_size=1, max_size=10), level=st.integers(1, 6))
def test_heading_characters_map_exactly(pieces: list[Piece], level: int) -> None:
    body, text, origins = _join(_first(pieces), [], "")
    if not text.strip():
        return
    opening = "#" * level + " "
    doc = read(Source("gen.md", f"{opening}{body}\n\nAfter.\n", "markdown"))
    want_text, want = _expect(text, [len(opening) + o for o in origins])
    assert _block_origins(doc, BlockKind.HEADING) == (want_text, want)


@FAST
@given(pieces=st.lists(st.sampled_from([p for p in PIECES if "|" not in p.src]), min_size=1, max_size=8))
def test_table_cell_characters_map_exactly(pieces: list[Piece]) -> None:
    body, text, origins = _join(_first(pieces), [], "")
    if not text.strip():
        return
    src = f"| Age | Note |\n| --- | --- |\n| 6 months | {body} |\n"
    doc = read(Source("gen.md", src, "markdown"))
    start = src.index("| 6 months | ") + len("| 6 months | ")
    cell = [b for b in doc.blocks if b.kind is BlockKind.TABLE_CELL][-1]
    want_text, want = _expect(text, [start + o for o in origins])
    assert cell.text == want_text
    assert [doc.source_offset(i) for i in range(cell.start, cell.end)] == want


@FAST
@given(pieces=st.lists(st.sampled_from(ALT_PIECES), min_size=1, max_size=8),
       before=st.sampled_from(["", "Some text first.\n\n", "- a list\n\n"]))
def test_alt_text_characters_map_exactly(pieces: list[Piece], before: str) -> None:
    body, text, origins = _join(pieces, [" ", "soft"], "")
    if not text.strip():
        return
    src = f"{before}![{body}](photo.png)\n"
    doc = read(Source("gen.md", src, "markdown"))
    want_text, want = _expect(text, [len(before) + 2 + o for o in origins])
    assert _block_origins(doc, BlockKind.ALT) == (want_text, want)


# -- cases written out (two topics each) -------------------------------------------------------------------
def _origin_of(doc: Document, word: str, nth: int = 0) -> int:
    at = -1
    for _ in range(nth + 1):
        at = doc.text.index(word, at + 1)
    return doc.source_offset(at)


def test_punctuation_after_a_link_is_not_placed_inside_its_url() -> None:
    """The old search found the first ``.`` after the link text, inside ``.html``."""
    for src in ("Read [the leaflet](https://example.org/leaflet.html).\n",
                "See the guide on car seats ([fitting](http://x.org/seats.pdf)).\n"):
        doc = read(Source("x.md", src, "markdown"))
        end = doc.blocks[0].end - 1
        assert doc.source_offset(end) == len(src) - 2  # the last character before the newline


def test_an_autolink_the_block_parser_percent_decodes_keeps_the_rest_of_the_line() -> None:
    src = "Forms: <http://example.org/a%20b> then sign and return them.\n"
    doc = read(Source("x.md", src, "markdown"))
    assert src[_origin_of(doc, "sign"):].startswith("sign and return")
    src = "Vaccines <https://example.org/%7Eclinic> list the dates.\n"
    doc = read(Source("x.md", src, "markdown"))
    assert src[_origin_of(doc, "dates"):].startswith("dates.")


def test_offsets_after_non_ascii_text_are_characters_not_bytes() -> None:
    for src in ("Le café 👶🏽 naïve *purée* then `spoon` and more.\n",
                "Crèche – rules: \\*always\\* wash.\n"):
        doc = read(Source("x.md", src, "markdown"))
        for word in ("more", "purée", "spoon", "always", "wash"):
            if word in doc.text:
                assert src[_origin_of(doc, word):].startswith(word)


def test_byte_index_maps_every_byte_to_its_character() -> None:
    text = "a é 😀 b\u0301 z"
    index = ByteIndex(text)
    for i, ch in enumerate(text):
        start = len(text[:i].encode("utf-8"))
        size = len(ch.encode("utf-8"))
        assert [index.char(start + k) for k in range(size)] == [i] * size
    assert index.char(len(text.encode("utf-8"))) == len(text)


def test_inline_map_streams_text_code_alt_and_html_in_order() -> None:
    src = "Mix `two scoops` into <i>warm</i> water ![a &amp; b](p.png) <https://x.org>\n"
    m = inline_map(src)
    alt = src.index("![") + 2
    assert [(p.text, p.origins[0]) for p in m.code] == [("two scoops", src.index("two"))]
    assert [(p.text, p.origins) for p in m.images] == [("a & b", [alt, alt + 1, alt + 2, alt + 7, alt + 8])]
    assert [(p.text, p.origins[0]) for p in m.autolinks] == [("https://x.org", src.index("https"))]
    assert [o for o, _ in m.html] == [src.index("<i>"), src.index("</i>")]
    assert "".join(m.text.chars) == "Mix  into warm water  "


def test_a_stream_counts_what_it_cannot_place_and_does_not_skip_words_for_a_space() -> None:
    stream = CharStream()
    stream.extend("ab cd", range(10, 15))
    assert stream.take("ab", 100, 0) == [10, 11]
    assert stream.take("X", 100, 5) == [5] and stream.misses == 1  # absent: the fallback, nothing consumed
    assert stream.take(" cd", 100, 0) == [12, 13, 14]
    stream = CharStream()
    stream.extend("abcd", range(4))
    assert stream.take("a b", 100, 0) == [0, 0, 1] and stream.misses == 1  # the space is not in the stream
    stream = CharStream()
    stream.extend("abcd", range(4))
    assert stream.take("d", 3, 0) == [0]  # beyond the block's end: not taken


def test_where_pulldown_cmark_reads_an_html_block_the_text_is_still_placed_exactly() -> None:
    """An HTML block whose first line also closes it (``<pre></script>``) ends there for markdown-it-py
    (as CommonMark says); pulldown-cmark runs it on, so the source map has no text for what follows and
    the reader places that text within its own block's lines."""
    for src in ("Bath time\n<pre></script> warm\n| Water | Temp |\n| --- | --- |\n| warm | 37 C |\n",
                "Car seats\n<script></pre> rear\n\nFacing the back is safest until two.\n",
                "<style>p { }</textarea>bib\n\n# Weaning\n",
                "Bottles\n<pre></script> x\n\nBoil `the teats` then \\*dry\\* them.\n\n"
                "![Cot &amp; crib](c.png)\n"):
        doc = read(Source("x.md", src, "markdown"))
        assert doc.blocks[-1].kind is not BlockKind.CODE and doc.blocks[-1].text
        for block in doc.blocks:
            origins = [doc.source_offset(i) for i in range(block.start, block.end)]
            assert "".join(src[o] for o in origins) == block.text
            assert origins == sorted(origins)
