"""HTML reader: fragments and whole pages, on the standard library's tokenizer with exact positions.

Skips what is not the article (script, style, navigation, forms such as comment forms, site chrome),
marks <figcaption> and image alt text as captions, decodes entities while every character keeps its
place in the file, and records comments for inline suppressions.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

from ..document import BlockKind, Document, DocumentBuilder
from ..source import Source
from .markers import mask, template_spans

SKIP_TAGS = frozenset({"script", "style", "noscript", "template", "svg", "math", "nav", "form", "iframe",
                       "button", "select", "textarea", "object", "canvas", "audio", "video", "dialog"})
CHROME_TAGS = frozenset({"header", "footer", "aside"})  # skipped outside <article>/<main>
CHROME_CLASSES = frozenset({"comments", "comment-respond", "respond", "comment-form", "sharedaddy",
                            "share-buttons", "social-share", "sharing", "related-posts", "sidebar",
                            "breadcrumb", "breadcrumbs", "cookie-banner", "site-header", "site-footer",
                            "newsletter-signup", "post-navigation"})
VOID_TAGS = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
                       "source", "track", "wbr"})
HEADINGS = {f"h{i}": i for i in range(1, 7)}
BLOCK_TAGS = frozenset({"p", "div", "section", "article", "main", "li", "ul", "ol", "dl", "dt", "dd",
                        "table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption", "figure",
                        "figcaption", "blockquote", "pre", "hr", "address", "details", "summary", "body",
                        "header", "footer", "aside", "html", "head", "title"} | set(HEADINGS))
# Parts of class or id names that mark site chrome in any theme ("sharebar", "site-footer", "top-menu"),
# skipped outside <article>/<main> (a page without them is read whole).
_CHROME_PART = re.compile(r"(?:^|[-_])(?:share\w*|sharing|social\w*|breadcrumbs?|sidebar|widgets?|related|"
                          r"newsletter|subscribe|cookies?|topbar|navbar|menu|comments?|respond|footer|"
                          r"advert\w*|ads)(?:$|[-_])")
_WS = re.compile(r"\s+")
_ARTICLE_RE = re.compile(r"<(article|main)[\s>]", re.IGNORECASE)


#: Tags that decide the kind of the block they enclose (the nearest one wins).
_KIND_TAGS = (*HEADINGS, "figcaption", "caption", "td", "th", "pre", "li", "blockquote")
#: Classes kept from the ancestors of one element: bounds the work per tag on hostile nesting.
_MAX_CLASSES = 512


class _Element:
    __slots__ = ("tag", "classes", "skip", "start", "list_id", "ordered", "item_count", "item", "row", "col",
                 "all_classes")

    def __init__(self, tag: str, classes: frozenset[str], skip: bool, start: int) -> None:
        self.tag = tag
        self.classes = classes
        self.skip = skip
        self.start = start
        self.list_id: int | None = None
        self.ordered = False
        self.item_count = 0
        self.item = 0
        self.row = -1
        self.col = -1
        self.all_classes = classes  # with the ancestors' (set on push)


class _Extractor(HTMLParser):
    def __init__(self, builder: DocumentBuilder, text: str, base: int, whole_page: bool) -> None:
        super().__init__(convert_charrefs=False)
        self.b = builder
        self.base = base
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self.stack: list[_Element] = []
        # Open elements by tag (their indexes in ``stack``) and how many are skipped: every question about
        # the ancestors is answered in constant time, so unclosed tags cost linear time, not quadratic.
        self.by_tag: dict[str, list[int]] = {}
        self.skipped = 0
        self.article_only = whole_page and bool(_ARTICLE_RE.search(text))
        self.in_title = False
        self.title_parts: list[str] = []
        self.list_counter = 0
        self.table_row = -1
        self.link_depth = 0
        self.link_text = [0, 0]  # text pieces of the current block inside links, outside links
        self.literal_lt = ""  # stands for a '<' that cannot open markup (see extract_html)
        pending = builder.pending_text  # the block's text so far, summed up (joining it per tag is quadratic)
        self.tail = pending[-1:]
        self.has_text = bool(pending.strip())

    # -- positions --------------------------------------------------------------------------------
    def _abs(self) -> int:
        line, col = self.getpos()
        return self.base + self.line_starts[line - 1] + col

    # -- state ------------------------------------------------------------------------------------
    def _add(self, text: str, origin: int | list[int] | range) -> None:
        self.b.add(text, origin)
        if text:
            self.tail = text[-1]
            self.has_text = self.has_text or not text.isspace()

    def _reset(self) -> None:
        self.tail = ""
        self.has_text = False

    def _push(self, el: _Element) -> None:
        if self.stack:
            parent = self.stack[-1].all_classes
            if len(parent) < _MAX_CLASSES:
                el.all_classes = parent | el.classes
            else:
                el.all_classes = parent
        self.by_tag.setdefault(el.tag, []).append(len(self.stack))
        self.skipped += el.skip
        self.stack.append(el)

    def _pop(self) -> _Element:
        el = self.stack.pop()
        self.by_tag[el.tag].pop()
        self.skipped -= el.skip
        return el

    def _nearest(self, *tags: str) -> int:
        """Index in ``stack`` of the innermost open element with one of ``tags``; -1 if none."""
        return max((self.by_tag[t][-1] for t in tags if self.by_tag.get(t)), default=-1)

    def _open(self, tag: str) -> bool:
        return bool(self.by_tag.get(tag))

    def _in_article(self) -> bool:
        return self._open("article") or self._open("main")

    def _skipping(self) -> bool:
        if self.skipped:
            return True
        if self.article_only and not self._in_article():
            return True
        return False

    def _flush(self) -> None:
        if not self.has_text or self._skipping():
            self.b.discard()
            self._reset()
            self.link_text = [0, 0]
            return
        self._end(self._kind_for_stack())

    def _kind_for_stack(self) -> tuple[BlockKind, dict[str, object]]:
        classes = self.stack[-1].all_classes if self.stack else frozenset()
        i = self._nearest(*_KIND_TAGS)
        if i >= 0:
            e = self.stack[i]
            if e.tag in HEADINGS:
                if any(x.tag == "blockquote" for x in self.stack):
                    classes = classes | {"in-quote"}  # a pull quote styled as a heading: not the outline
                return BlockKind.HEADING, {"level": HEADINGS[e.tag], "classes": classes}
            if e.tag in ("figcaption", "caption"):
                return BlockKind.CAPTION, {"classes": classes}
            if e.tag in ("td", "th"):
                return BlockKind.TABLE_CELL, {"row": max(e.row, 0), "col": max(e.col, 0),
                                              "header": e.tag == "th", "classes": classes}
            if e.tag == "pre":
                return BlockKind.CODE, {"classes": classes}
            if e.tag == "li":
                j = self._nearest("ul", "ol")
                parent = self.stack[j] if j >= 0 else None
                return BlockKind.LIST_ITEM, {"list_id": parent.list_id if parent else None,
                                             "ordered": bool(parent and parent.ordered),
                                             "item": e.item, "classes": classes}
            if e.tag == "blockquote":
                return BlockKind.QUOTE, {"classes": classes}
        return BlockKind.PARAGRAPH, {"classes": classes}

    def _end(self, kind_attrs: tuple[BlockKind, dict[str, object]], anchor: int | None = None) -> None:
        kind, attrs = kind_attrs
        if self.link_text[0] and not self.link_text[1]:  # the block is one link ("More about …")
            classes = attrs.get("classes")
            base: frozenset[str] = classes if isinstance(classes, frozenset) else frozenset()
            attrs = {**attrs, "classes": base | {"link-only"}}
        self.link_text = [0, 0]
        self.b.end_block(kind, anchor=anchor, **attrs)
        self._reset()

    # -- HTMLParser callbacks -----------------------------------------------------------------------
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        pos = self._abs()
        if tag == "a":
            self.link_depth += 1
        a = {k.lower(): (v or "") for k, v in attrs}
        if tag == "title":
            self.in_title = True
            return
        if tag == "meta":
            name = (a.get("name") or a.get("property") or "").strip().lower()
            if name and a.get("content"):
                self.b.metadata.setdefault(name, a["content"])
            return
        if tag == "br":
            if not self._skipping():
                self._add("\n", pos)
            return
        if tag == "img":
            self._image(a, pos)
            return
        if tag in BLOCK_TAGS or tag in SKIP_TAGS:
            self._flush()
        if tag in VOID_TAGS:
            return
        classes = frozenset(c.lower() for c in (a.get("class") or "").split())
        ident = frozenset(x.lower() for x in (a.get("id"), a.get("role"), a.get("data-editlint")) if x)
        classes |= ident
        skip = tag in SKIP_TAGS or tag == "head" or bool(classes & CHROME_CLASSES)
        if not self._in_article() and (
                tag in CHROME_TAGS or any(_CHROME_PART.search(c) for c in classes)):
            skip = True  # site chrome around the article; inside it, leftovers are the writer's to delete
        if tag == "p" and self.stack and self.stack[-1].tag == "p":
            self._pop()  # <p> implicitly closes an open <p>
        if tag == "li":
            self._close_until("li", stop_at=("ul", "ol"))
        if tag in ("td", "th"):
            self._close_until(("td", "th"), stop_at=("tr", "table"))
        el = _Element(tag, classes, skip, pos)
        if tag in ("ul", "ol"):
            self.list_counter += 1
            el.list_id = self.list_counter
            el.ordered = tag == "ol"
        if tag == "li":
            j = self._nearest("ul", "ol")
            parent = self.stack[j] if j >= 0 else None
            if parent is not None:
                parent.item_count += 1
                el.item = parent.item_count
        if tag == "table":
            el.row = -1
        if tag == "tr":
            table = self.stack[self._nearest("table")] if self._open("table") else None
            if table is not None:
                table.row += 1
                table.col = -1
        if tag in ("td", "th"):
            table = self.stack[self._nearest("table")] if self._open("table") else None
            if table is not None:
                table.col += 1
                el.row, el.col = table.row, table.col
        self._push(el)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in VOID_TAGS:
            self.handle_endtag(tag)

    def _close_until(self, tags: str | tuple[str, ...], stop_at: tuple[str, ...]) -> None:
        names = (tags,) if isinstance(tags, str) else tags
        i = self._nearest(*names)
        if i < 0 or self._nearest(*stop_at) > i:
            return
        while len(self.stack) > i:
            self._pop()

    def handle_endtag(self, tag: str) -> None:
        if tag == "a":
            self.link_depth = max(self.link_depth - 1, 0)
        if tag == "title":
            self.in_title = False
            title = _WS.sub(" ", "".join(self.title_parts)).strip()
            if title:
                self.b.metadata.setdefault("title", title)
            return
        if not self._open(tag):
            return  # stray end tag
        if tag in BLOCK_TAGS or tag in SKIP_TAGS:
            el = self.stack[self.by_tag[tag][-1]]
            if tag in HEADINGS and not self.has_text and not self._skipping():
                self.b.discard()
                self._reset()
                self._end(self._kind_for_stack(), anchor=el.start)
            else:
                self._flush()
        while self.stack:
            if self._pop().tag == tag:
                break

    def parse_marked_section(self, i: int, report: bool = True) -> int:
        """``<![CD x`` (an unknown keyword) makes the standard library raise AssertionError; browsers
        read it as a bogus comment up to the next '>', and so do we."""
        try:
            return super().parse_marked_section(i, bool(report))
        except AssertionError:
            j = self.rawdata.find(">", i + 3)
            return j + 1 if j >= 0 else -1

    def handle_data(self, data: str) -> None:
        if self.literal_lt:
            data = data.replace(self.literal_lt, "<")
        if self.in_title:
            self.title_parts.append(data)
            return
        if self._skipping():
            return
        pos = self._abs()
        if self._open("pre"):
            self._add(data, range(pos, pos + len(data)))  # masked template code: one origin a char
            return
        for m in re.finditer(r"\s+|\S+", data):
            piece = m.group()
            if piece[0].isspace():
                if self.tail and not self.tail.isspace():
                    self._add(" ", pos + m.start())
            else:
                self._add(piece, pos + m.start())
                self.link_text[0 if self.link_depth else 1] += 1

    def _add_ref(self, raw: str) -> None:
        if self.in_title:
            self.title_parts.append(html.unescape(raw))
            return
        if self._skipping():
            return
        pos = self._abs()
        self._add(html.unescape(raw), [pos] * len(html.unescape(raw)))

    def handle_entityref(self, name: str) -> None:
        self._add_ref(f"&{name};")

    def handle_charref(self, name: str) -> None:
        self._add_ref(f"&#{name};")

    def handle_comment(self, data: str) -> None:
        start = self._abs()
        self.b.add_comment(start, start + len(data) + 7, data)

    def _image(self, a: dict[str, str], pos: int) -> None:
        alt = (a.get("alt") or "").strip()
        if not alt or self._skipping():
            return
        if self.has_text:
            return  # an inline image inside running text: its alt text is not prose
        raw = self.get_starttag_text() or ""
        origins = attribute_origins(raw, "alt", a.get("alt") or "")
        if origins is None:
            i = raw.find(alt)
            self._add(alt, pos + i if i >= 0 else pos)
        else:
            left = len(a.get("alt") or "") - len((a.get("alt") or "").lstrip())
            self._add(alt, [pos + o for o in origins[left:left + len(alt)]])
        classes = self.stack[-1].all_classes if self.stack else frozenset()
        self.b.end_block(BlockKind.ALT, classes=classes | {"alt-text"})
        self._reset()

    def close(self) -> None:
        super().close()
        self._flush()


_ATTR_RE = re.compile(r"""\s([^\s/>"'=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?""")
_CHARREF_RE = re.compile(r"&(?:#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[^\t\n\f <&#;]{1,32};?)")


def attribute_origins(raw: str, name: str, value: str) -> list[int] | None:
    """Offsets in the start tag ``raw`` of each character of attribute ``name``'s decoded ``value``:
    literal characters where they stand, an entity's characters at its ``&``. None if not found."""
    for m in _ATTR_RE.finditer(raw):
        if m.group(1).lower() != name:
            continue
        group = next((g for g in (2, 3, 4) if m.group(g) is not None), None)
        if group is None:
            return None
        start, text = m.start(group), m.group(group)
        out: list[int] = []
        pos = 0
        for ref in _CHARREF_RE.finditer(text):
            out.extend(range(start + pos, start + ref.start()))
            out.extend([start + ref.start()] * len(html.unescape(ref.group())))
            pos = ref.end()
        out.extend(range(start + pos, start + len(text)))
        return out if len(out) == len(value) else None
    return None


def extract_html(builder: DocumentBuilder, text: str, base: int = 0, whole_page: bool = False) -> None:
    """Append the blocks of an HTML text (or fragment at ``base`` in the source) to ``builder``.

    Server-side template code (PHP, JSP, Jinja …) is masked out first, keeping every offset: it is not
    the article, and its ``<`` and ``>`` would otherwise derail the tokenizer.
    """
    text = mask(text, template_spans(text))
    parser = _Extractor(builder, text, base, whole_page)
    last = text.rfind(">")
    if "<" not in text[last + 1:]:
        parser.feed(text)
    else:  # no '<' after the last '>' can open markup; the tokenizer would rescan the rest for each one
        parser.literal_lt = next(chr(c) for c in range(0xE000, 0xF900) if chr(c) not in text)
        parser.feed(text[:last + 1])
        parser.feed(text[last + 1:].replace("<", parser.literal_lt))
    parser.close()


def read_html(source: Source) -> Document:
    b = DocumentBuilder(source)
    extract_html(b, source.text, 0, whole_page=True)
    return b.build()
