"""One self-contained HTML page for editors: each article's text with the findings marked in place.

No network: CSS and the one small script are inline, and a Content-Security-Policy allows only that
script (by hash), so even a slip in escaping could not run article text as code. Every piece of
article text and every message goes through :func:`html.escape`; the script moves DOM nodes around
(``cloneNode``) and never parses markup.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
from bisect import bisect_right
from collections import Counter
from typing import Any

from ..findings import RunReport
from ._common import SEVERITIES, category_counts, fails_gate, plural, registry_from, report_dict, rule_of

_CSS = """
:root{--err:#c62828;--warn:#b26a00;--info:#1565c0;--bg:#fafafa;--fg:#1d1d1f}
*{box-sizing:border-box}
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;
  background:var(--bg);color:var(--fg)}
header,main{max-width:1100px;margin:0 auto;padding:1rem 1.5rem}
header{border-bottom:1px solid #ddd}
h1{font-size:1.5rem;margin:.2rem 0}
h2{font-size:1.2rem;margin:0 0 .5rem;word-break:break-all}
table{border-collapse:collapse;margin:.5rem 0 1rem}
th,td{border:1px solid #ddd;padding:.2rem .6rem;text-align:left}
td.n{text-align:right;font-variant-numeric:tabular-nums}
section.article{background:#fff;border:1px solid #ddd;border-radius:8px;padding:1rem 1.2rem;margin:1.2rem 0}
.badge{display:inline-block;border-radius:4px;padding:0 .4rem;color:#fff;font-size:.8rem;font-weight:600}
.badge.error{background:var(--err)}.badge.warning{background:var(--warn)}.badge.info{background:var(--info)}
pre.src{white-space:pre-wrap;word-wrap:break-word;background:#fcfcfc;border:1px solid #eee;padding:.8rem;
  font:13.5px/1.6 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;max-height:70vh;overflow:auto}
mark{cursor:pointer;border-radius:2px;padding:0 1px}
mark.error{background:#ffcdd2;border-bottom:2px solid var(--err)}
mark.warning{background:#ffe0b2;border-bottom:2px solid var(--warn)}
mark.info{background:#e3f2fd;border-bottom:2px dotted var(--info)}
mark.rel{background:#f3e5f5;border-bottom:2px dashed #7b1fa2}
mark.active{outline:2px solid #000}
ol.findings{padding-left:1.4rem}
ol.findings li{margin:.3rem 0}
li.selected,li:target{background:#fff8e1}
.muted{color:#666}
.gate{font-weight:600}
details.rule{margin:.2rem 0 .4rem}
#panel{position:fixed;right:1rem;bottom:1rem;max-width:32rem;max-height:45vh;overflow:auto;background:#fff;
  border:1px solid #999;border-radius:8px;box-shadow:0 4px 16px rgba(0,0,0,.2);padding:.6rem 1rem}
#panel ul{padding-left:1rem}
#panel button{float:right}
.error-box{color:var(--err)}
"""

_SCRIPT = """
(function () {
  var panel = document.getElementById('panel');
  var body = document.getElementById('panel-body');
  function clear() {
    while (body.firstChild) { body.removeChild(body.firstChild); }
    document.querySelectorAll('.selected,.active').forEach(function (el) {
      el.classList.remove('selected'); el.classList.remove('active');
    });
  }
  document.addEventListener('click', function (ev) {
    var t = ev.target;
    if (t && t.id === 'panel-close') { clear(); panel.hidden = true; return; }
    var m = t && t.closest ? t.closest('mark[data-f]') : null;
    if (!m) { return; }
    clear();
    m.classList.add('active');
    m.getAttribute('data-f').split(' ').forEach(function (id) {
      var li = document.getElementById('f-' + id);
      if (!li) { return; }
      li.classList.add('selected');
      var copy = li.cloneNode(true);
      copy.removeAttribute('id');
      copy.classList.remove('selected');
      body.appendChild(copy);
    });
    panel.hidden = false;
  });
})();
"""


def _csp() -> str:
    digest = base64.b64encode(hashlib.sha256(_SCRIPT.encode("utf-8")).digest()).decode("ascii")
    return (
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
        f"script-src 'sha256-{digest}'; base-uri 'none'; form-action 'none'"
    )


def e(value: Any) -> str:
    """Escape anything for HTML text or a quoted attribute."""
    return html.escape(str(value), quote=True)


def _offset(starts: list[int], length: int, line: int, column: int) -> int:
    i = min(max(line, 1), len(starts)) - 1
    return min(max(starts[i] + column - 1, 0), length)


def _line_starts(text: str) -> list[int]:
    starts = [0]
    starts.extend(i + 1 for i, ch in enumerate(text) if ch == "\n")
    return starts


def span_offsets(text: str, line: int, column: int, end_line: int, end_column: int) -> tuple[int, int]:
    """Offsets into ``text`` (LF newlines) of a 1-based line/column span with an exclusive end column."""
    starts = _line_starts(text)
    a = _offset(starts, len(text), line, column)
    b = _offset(starts, len(text), end_line, end_column)
    if b <= a:
        b = min(a + 1, len(text))
    return a, b


def _highlight(text: str, marks: list[tuple[int, int, int, str, str]]) -> str:
    """Escaped ``text`` with ``<mark>`` elements; marks are (start, end, finding id, kind, title).

    Overlapping spans are split into segments, each marked with every finding that covers it.
    """
    starts = _line_starts(text)
    spans = list(marks)
    cuts = sorted({0, len(text), *(a for a, *_ in spans), *(b for _, b, *_ in spans)})
    out: list[str] = []
    first_seen: set[int] = set()
    for a, b in zip(cuts, cuts[1:], strict=False):
        if a >= b:
            continue
        active = [s for s in spans if s[0] <= a and b <= s[1]]
        chunk = e(text[a:b])
        if not active:
            out.append(chunk)
            continue
        direct = [s for s in active if s[3] != "rel"]
        sev = "rel"
        for level in SEVERITIES:
            if any(s[3] == level for s in direct):
                sev = level
                break
        ids = sorted({s[2] for s in active})
        line = bisect_right(starts, a)
        titles = "\n".join(dict.fromkeys(s[4] for s in active))
        new = sorted({s[2] for s in direct} - first_seen)
        first_seen.update(new)
        anchor = f' id="m-{new[0]}"' if new else ""
        out.extend(f'<span id="m-{n}"></span>' for n in new[1:])  # link targets for findings sharing a span
        out.append(
            f'<mark class="{sev}"{anchor} data-f="{" ".join(map(str, ids))}" data-line="{line}" '
            f'title="{e(titles)}">{chunk}</mark>'
        )
    return "".join(out)


def _metric_value(value: Any) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:.1f}"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        return e(value)
    return (
        f"<details><summary>{plural(len(value), 'item') if hasattr(value, '__len__') else 'value'}</summary>"
        f"<pre>{e(json.dumps(value, indent=1, ensure_ascii=False, default=str))}</pre></details>"
    )


def _counts_table(counts: dict[str, Counter[str]], label: str) -> str:
    rows = "".join(
        f"<tr><td>{e(k)}</td>"
        + "".join(f'<td class="n">{c[s]}</td>' for s in SEVERITIES)
        + f'<td class="n">{sum(c.values())}</td></tr>'
        for k, c in counts.items()
    )
    return (
        f"<table><thead><tr><th>{e(label)}</th><th>error</th><th>warning</th><th>info</th><th>total</th>"
        f"</tr></thead><tbody>{rows}</tbody></table>"
    )


def _rule_docs(rule: Any) -> str:
    if rule is None:
        return ""
    d = rule.docs
    parts = [f"<p>{e(d.what)}</p>", f"<p><b>Why it matters.</b> {e(d.why)}</p>"]
    if d.instead:
        parts.append(f"<p><b>Instead.</b> {e(d.instead)}</p>")
    summary = f"<summary>About {e(rule.code)} {e(rule.name)}</summary>"
    return f'<details class="rule">{summary}{"".join(parts)}</details>'


def render(report: RunReport, *, fail_on: str = "error", **options: Any) -> str:
    data = report_dict(report)
    registry = registry_from(options)
    s = data["summary"]
    by = s["by_severity"]
    sections: list[str] = []
    fid = 0
    for fr_obj, fr in zip(report.files, data["files"], strict=True):
        doc = fr_obj.document
        title = getattr(doc, "title", None) if doc is not None else None
        head = f"<h2>{e(fr['path'])}</h2>" + (f'<p class="muted">{e(title)}</p>' if title else "")
        body: list[str] = []
        if fr.get("error"):
            body.append(f'<p class="error-box">Could not be linted: {e(fr["error"])}</p>')
        counts: Counter[str] = Counter(f["severity"] for f in fr["findings"])
        body.append(
            "<p>"
            + " ".join(f'<span class="badge {sev}">{counts[sev]} {sev}</span>' for sev in SEVERITIES)
            + "</p>"
        )
        if fr["metrics"]:
            rows = "".join(
                f'<tr><td>{e(k.replace("_", " "))}</td><td class="n">{_metric_value(v)}</td></tr>'
                for k, v in sorted(fr["metrics"].items())
            )
            body.append(
                f"<table><thead><tr><th>metric</th><th>value</th></tr></thead><tbody>{rows}</tbody></table>"
            )
        items: list[str] = []
        marks: list[tuple[int, int, int, str, str]] = []
        text = doc.source.text if doc is not None else None
        for f in fr["findings"]:
            fid += 1
            where = f"line {f['line']}, column {f['column']}"
            tip = f"{f['rule']} {f['name']} ({f['severity']}, {where}): {f['message']}"
            if f.get("suggestion"):
                tip += f" Suggestion: {f['suggestion']}"
            extra = ""
            if f.get("suggestion"):
                extra += f"<br><b>Suggestion:</b> {e(f['suggestion'])}"
            if f.get("related"):
                extra += (
                    "<ul>"
                    + "".join(
                        f"<li>line {r['line']}, column {r['column']}: "
                        f"{e(r.get('message') or 'related place')}</li>"
                        for r in f["related"]
                    )
                    + "</ul>"
                )
            gate = ' <span class="gate">fails the gate</span>' if fails_gate(f["severity"], fail_on) else ""
            link = f'<a href="#m-{fid}">{e(where)}</a>' if text is not None else e(where)
            items.append(
                f'<li id="f-{fid}" class="finding {f["severity"]}"><span class="badge {f["severity"]}">'
                f'{f["severity"]}</span> <b>{e(f["rule"])}</b> <span class="muted">{e(f["name"])}</span>'
                f" · {link}{gate}<br>{e(f['message'])}{extra}"
                f"{_rule_docs(rule_of(registry, f['rule']))}</li>"
            )
            if text is not None:
                a, b = span_offsets(text, f["line"], f["column"], f["end_line"], f["end_column"])
                marks.append((a, b, fid, f["severity"], tip))
                for r in f.get("related", []):
                    ra, rb = span_offsets(text, r["line"], r["column"], r["end_line"], r["end_column"])
                    marks.append(
                        (
                            ra,
                            rb,
                            fid,
                            "rel",
                            f"related to {f['rule']} (line {f['line']}): {r.get('message') or ''}".strip(),
                        )
                    )
        if items:
            body.append(f'<h3>Findings</h3><ol class="findings">{"".join(items)}</ol>')
        elif not fr.get("error"):
            body.append("<p>No findings.</p>")
        if text is not None:
            body.append(f'<h3>Text</h3><pre class="src">{_highlight(text, marks)}</pre>')
        sections.append(f'<section class="article">{head}{"".join(body)}</section>')
    cats = category_counts(data)
    summary = (
        f"<p>{plural(s['findings'], 'finding')} ({by['error']} error, {by['warning']} warning, "
        f"{by['info']} info) in {plural(s['files'], 'article')}; "
        f"gate: <code>--fail-on {e(fail_on)}</code>.</p>"
    )
    base = data.get("baseline")
    if base:
        summary += (
            f"<p>Baseline: {base['matched']} known findings hidden; {len(base['unmatched'])} "
            "baseline entries no longer match.</p>"
        )
    cat_table = _counts_table(cats, "category") if cats else ""
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{_csp()}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>editlint report</title>
<style>{_CSS}</style>
</head>
<body>
<header><h1>editlint report</h1>{summary}{cat_table}
<p class="muted">Hover a highlighted passage for the finding; click it for details.</p></header>
<main>{"".join(sections)}</main>
<aside id="panel" hidden><button type="button" id="panel-close">close</button>
<div id="panel-body"></div></aside>
<script>{_SCRIPT}</script>
</body>
</html>
"""
