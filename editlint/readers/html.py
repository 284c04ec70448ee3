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


class _Element:
    __slots__ = ("tag", "classes", "skip", "start", "list_id", "ordered", "item_count", "item", "row", "col")

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


class _Extractor(HTMLParser):
    def __init__(self, builder: DocumentBuilder, text: str, base: int, whole_page: bool) -> None:
        super().__init__(convert_charrefs=False)
        self.b = builder
        self.base = base
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self.stack: list[_Element] = []
        self.article_only = whole_page and bool(_ARTICLE_RE.search(text))
        self.in_title = False
        self.title_parts: list[str] = []
        self.list_counter = 0
        self.table_row = -1
        self.link_depth = 0
        self.link_text = [0, 0]  # text pieces of the current block inside links, outside links

    # -- positions --------------------------------------------------------------------------------
    def _abs(self) -> int:
        line, col = self.getpos()
        return self.base + self.line_starts[line - 1] + col

    # -- state ------------------------------------------------------------------------------------
    def _skipping(self) -> bool:
        if any(e.skip for e in self.stack):
            return True
        if self.article_only and not any(e.tag in ("article", "main") for e in self.stack):
            return True
        return False

    def _flush(self) -> None:
        if not self.b.pending_text.strip() or self._skipping():
            self.b.discard()
            self.link_text = [0, 0]
            return
        self._end(self._kind_for_stack())

    def _kind_for_stack(self) -> tuple[BlockKind, dict[str, object]]:
        classes = frozenset().union(*(e.classes for e in self.stack)) if self.stack else frozenset()
        for e in reversed(self.stack):
            if e.tag in HEADINGS:
                return BlockKind.HEADING, {"level": HEADINGS[e.tag], "classes": classes}
            if e.tag in ("figcaption", "caption"):
                return BlockKind.CAPTION, {"classes": classes}
            if e.tag in ("td", "th"):
                return BlockKind.TABLE_CELL, {"row": max(e.row, 0), "col": max(e.col, 0),
                                              "header": e.tag == "th", "classes": classes}
            if e.tag == "pre":
                return BlockKind.CODE, {"classes": classes}
            if e.tag == "li":
                parent = next((p for p in reversed(self.stack) if p.tag in ("ul", "ol")), None)
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
                self.b.add("\n", pos)
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
        if not any(e.tag in ("article", "main") for e in self.stack) and (
                tag in CHROME_TAGS or any(_CHROME_PART.search(c) for c in classes)):
            skip = True  # site chrome around the article; inside it, leftovers are the writer's to delete
        if tag == "p" and self.stack and self.stack[-1].tag == "p":
            self.stack.pop()  # <p> implicitly closes an open <p>
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
            parent = next((p for p in reversed(self.stack) if p.tag in ("ul", "ol")), None)
            if parent is not None:
                parent.item_count += 1
                el.item = parent.item_count
        if tag == "table":
            el.row = -1
        if tag == "tr":
            table = next((p for p in reversed(self.stack) if p.tag == "table"), None)
            if table is not None:
                table.row += 1
                table.col = -1
        if tag in ("td", "th"):
            table = next((p for p in reversed(self.stack) if p.tag == "table"), None)
            if table is not None:
                table.col += 1
                el.row, el.col = table.row, table.col
        self.stack.append(el)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in VOID_TAGS:
            self.handle_endtag(tag)

    def _close_until(self, tags: str | tuple[str, ...], stop_at: tuple[str, ...]) -> None:
        names = (tags,) if isinstance(tags, str) else tags
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i].tag in stop_at:
                return
            if self.stack[i].tag in names:
                del self.stack[i:]
                return

    def handle_endtag(self, tag: str) -> None:
        if tag == "a":
            self.link_depth = max(self.link_depth - 1, 0)
        if tag == "title":
            self.in_title = False
            title = _WS.sub(" ", "".join(self.title_parts)).strip()
            if title:
                self.b.metadata.setdefault("title", title)
            return
        if not any(e.tag == tag for e in self.stack):
            return  # stray end tag
        if tag in BLOCK_TAGS or tag in SKIP_TAGS:
            el = next(e for e in reversed(self.stack) if e.tag == tag)
            if tag in HEADINGS and not self.b.pending_text.strip() and not self._skipping():
                self.b.discard()
                self._end(self._kind_for_stack(), anchor=el.start)
            else:
                self._flush()
        while self.stack:
            if self.stack.pop().tag == tag:
                break

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title_parts.append(data)
            return
        if self._skipping():
            return
        pos = self._abs()
        if any(e.tag == "pre" for e in self.stack):
            self.b.add(data, range(pos, pos + len(data)))  # masked template code: one origin a char
            return
        for m in re.finditer(r"\s+|\S+", data):
            piece = m.group()
            if piece[0].isspace():
                pending = self.b.pending_text
                if pending and not pending[-1].isspace():
                    self.b.add(" ", pos + m.start())
            else:
                self.b.add(piece, pos + m.start())
                self.link_text[0 if self.link_depth else 1] += 1

    def _add_ref(self, raw: str) -> None:
        if self.in_title:
            self.title_parts.append(html.unescape(raw))
            return
        if self._skipping():
            return
        pos = self._abs()
        self.b.add(html.unescape(raw), [pos] * len(html.unescape(raw)))

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
        if self.b.pending_text.strip():
            return  # an inline image inside running text: its alt text is not prose
        raw = self.get_starttag_text() or ""
        i = raw.find(alt)
        origin = pos + i if i >= 0 else pos
        self.b.add(alt, origin)
        classes = frozenset().union(*(e.classes for e in self.stack)) if self.stack else frozenset()
        self.b.end_block(BlockKind.ALT, classes=classes | {"alt-text"})

    def close(self) -> None:
        super().close()
        self._flush()


def extract_html(builder: DocumentBuilder, text: str, base: int = 0, whole_page: bool = False) -> None:
    """Append the blocks of an HTML text (or fragment at ``base`` in the source) to ``builder``.

    Server-side template code (PHP, JSP, Jinja …) is masked out first, keeping every offset: it is not
    the article, and its ``<`` and ``>`` would otherwise derail the tokenizer.
    """
    text = mask(text, template_spans(text))
    parser = _Extractor(builder, text, base, whole_page)
    parser.feed(text)
    parser.close()


def read_html(source: Source) -> Document:
    b = DocumentBuilder(source)
    extract_html(b, source.text, 0, whole_page=True)
    return b.build()
