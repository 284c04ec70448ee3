"""A fake LanguageTool server for tests: speaks ``/v2/check`` and ``/v2/languages`` like the real one.

No registry ships the LanguageTool server (a Java application), so the backend is tested against this
stand-in. Responses have the real shape (software, warnings, language, matches with message,
shortMessage, replacements, offset, length, context, sentence, type, rule{id, description, issueType,
category{id, name}}), and offsets count UTF-16 code units as Java does. A handful of regular-expression
rules imitate real LanguageTool rules (same ids and categories). Run it alone with
``python tests/lt_server.py`` to point a manual ``editlint check`` at it.
"""

from __future__ import annotations

import json
import re
import threading
import time
import urllib.parse
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

LANGUAGES = [
    {"name": "English", "code": "en", "longCode": "en"},
    {"name": "English (US)", "code": "en", "longCode": "en-US"},
    {"name": "English (GB)", "code": "en", "longCode": "en-GB"},
    {"name": "German (Germany)", "code": "de", "longCode": "de-DE"},
]

# id, regex (on the checked text), category id, category name, issueType, message, replacements
RULES: list[tuple[str, str, str, str, str, str, list[str]]] = [
    ("EN_A_VS_AN", r"\b[Aa](?= [aeiouAEIOU]\w)", "MISC", "Miscellaneous", "misspelling",
     "Use \u201can\u201d instead of \u2018a\u2019 if the following word starts with a vowel sound, e.g. "
     "\u2018an article\u2019, \u2018an hour\u2019.", ["an"]),
    ("ENGLISH_WORD_REPEAT_RULE", r"\b(\w+) \1\b", "MISC", "Miscellaneous", "duplication",
     "Possible typo: you repeated a word.", ["<1>"]),
    ("THERE_THEIR", r"\b[Tt]heir is\b", "CONFUSED_WORDS", "Commonly Confused Words", "grammar",
     "Did you mean \u201cthere is\u201d?", ["there is"]),
    ("ABSOLUTELY_ESSENTIAL", r"\babsolutely essential\b", "REDUNDANCY", "Redundant Phrases", "style",
     "\u2018Absolutely essential\u2019 is redundant. Consider using \u2018essential\u2019.", ["essential"]),
    ("COMMA_PARENTHESIS_WHITESPACE", r" (?=[,)])", "TYPOGRAPHY", "Typography", "whitespace",
     "Don\u2019t put a space before the full stop or comma.", [""]),
    ("UPPERCASE_SENTENCE_START", r"(?<=[.!?] )[a-z]\w*", "CASING", "Capitalization", "typographical",
     "This sentence does not start with an uppercase letter.", ["<cap>"]),
    ("MORFOLOGIK_RULE_EN_US", r"\b(?:recieve|definately|teh)\b", "TYPOS", "Possible Typo", "misspelling",
     "Possible spelling mistake found.", ["receive"]),
]


def utf16(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


@dataclass
class FakeLanguageTool:
    """The server's state: requests seen, and switches that make it slow, fail or refuse long texts."""

    max_text_length: int = 20_000
    delay: float = 0.0
    status: int = 200
    extra_matches: list[dict[str, Any]] = field(default_factory=list)  # added to every answer (raw)
    requests: list[dict[str, str]] = field(default_factory=list)
    server: ThreadingHTTPServer | None = None
    thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        assert self.server is not None
        host, port = self.server.server_address[:2]
        return f"http://{host!s}:{port}"

    def start(self) -> FakeLanguageTool:
        state = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:  # keep test output clean
                pass

            def _send(self, code: int, body: Any, ctype: str = "application/json") -> None:
                raw = (json.dumps(body) if ctype == "application/json" else str(body)).encode("utf-8")
                self.send_response(code)
                self.send_header("Content-Type", f"{ctype}; charset=utf-8")
                self.send_header("Content-Length", str(len(raw)))
                self.end_headers()
                self.wfile.write(raw)

            def do_GET(self) -> None:  # http.server's naming
                if urllib.parse.urlparse(self.path).path.rstrip("/") == "/v2/languages":
                    self._send(200, LANGUAGES)
                else:
                    self._send(404, "Error: unknown path", "text/plain")

            def do_POST(self) -> None:  # http.server's naming
                length = int(self.headers.get("Content-Length") or 0)
                form = {k: v[0] for k, v in urllib.parse.parse_qs(
                    self.rfile.read(length).decode("utf-8"), keep_blank_values=True).items()}
                if urllib.parse.urlparse(self.path).path.rstrip("/") != "/v2/check":
                    self._send(404, "Error: unknown path", "text/plain")
                    return
                state.requests.append(form)
                if state.delay:
                    time.sleep(state.delay)
                if state.status != 200:
                    self._send(state.status, "Error: internal error", "text/plain")
                    return
                text = form.get("text", "")
                if "language" not in form:
                    self._send(400, "Error: Missing 'language' parameter", "text/plain")
                    return
                if len(text) > state.max_text_length:
                    self._send(413, f"Error: Your text exceeds the limit of {state.max_text_length} "
                               f"characters (it's {len(text)} characters).", "text/plain")
                    return
                self._send(200, state.answer(form))

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        # stop() waits for the serving loop to look at its flag: every 0.05 s, not the default 0.5 s (half a
        # second of waiting at the end of each grammar test)
        self.thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05},
                                       daemon=True)
        self.thread.start()
        return self

    def stop(self) -> None:
        if self.server is not None:
            self.server.shutdown()
            self.server.server_close()
            self.server = None

    def answer(self, form: dict[str, str]) -> dict[str, Any]:
        text = form["text"]
        disabled_rules = set(filter(None, form.get("disabledRules", "").split(",")))
        disabled_cats = set(filter(None, form.get("disabledCategories", "").split(",")))
        matches = []
        for rid, pattern, cat, cat_name, issue, message, repl in RULES:
            if rid in disabled_rules or cat in disabled_cats:
                continue
            for m in re.finditer(pattern, text):
                values = [m.group(1) if r == "<1>" else m.group().capitalize() if r == "<cap>" else r
                          for r in repl]
                matches.append(self.match(text, m.start(), m.end(), rid, cat, cat_name, issue, message,
                                          values))
        matches.extend(self.extra_matches)
        matches.sort(key=lambda x: x["offset"] if isinstance(x.get("offset"), int) else -1)
        lang = next((x for x in LANGUAGES if x["longCode"] == form["language"]), LANGUAGES[1])
        return {
            "software": {"name": "LanguageTool", "version": "6.5", "buildDate": "2024-09-25 13:12:08 +0000",
                         "apiVersion": 1, "premium": False, "premiumHint": "You might be missing errors "
                         "only the Premium version can find. Contact us at support<at>languagetoolplus.com.",
                         "status": ""},
            "warnings": {"incompleteResults": False},
            "language": {"name": lang["name"], "code": lang["longCode"],
                         "detectedLanguage": {"name": lang["name"], "code": lang["longCode"],
                                              "confidence": 0.99, "source": "ngram+prefix"}},
            "matches": matches,
        }

    @staticmethod
    def match(text: str, start: int, end: int, rid: str, cat: str, cat_name: str, issue: str,
              message: str, replacements: list[str]) -> dict[str, Any]:
        """One match with Java (UTF-16) offsets, context window and sentence, like the real server."""
        off, length = utf16(text[:start]), utf16(text[start:end])
        c0 = max(0, start - 40)
        ctx = text[c0:end + 40]
        sent_start = max(text.rfind(". ", 0, start) + 2, text.rfind("\n", 0, start) + 1, 0)
        sent_end = text.find(". ", end)
        return {
            "message": message,
            "shortMessage": "",
            "replacements": [{"value": r} for r in replacements],
            "offset": off,
            "length": length,
            "context": {"text": ("..." if c0 else "") + ctx + ("..." if end + 40 < len(text) else ""),
                        "offset": utf16(text[c0:start]) + (3 if c0 else 0), "length": length},
            "sentence": text[sent_start:sent_end + 1 if sent_end >= 0 else len(text)].strip(),
            "type": {"typeName": "Other"},
            "rule": {"id": rid, "description": message.split(".")[0][:60], "issueType": issue,
                     "category": {"id": cat, "name": cat_name}},
            "ignoreForIncompleteSentence": False,
            "contextForSureMatch": 0,
        }


if __name__ == "__main__":  # pragma: no cover - manual use
    fake = FakeLanguageTool().start()
    print(f"fake LanguageTool at {fake.url}/v2/ (Ctrl-C to stop)")
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        fake.stop()
