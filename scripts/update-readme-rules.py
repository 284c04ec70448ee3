"""Regenerate the rule table in README.md from the registry (tests/test_rules_meta.py checks it)."""

from __future__ import annotations

import re
from pathlib import Path

from editlint import Registry
from editlint.cli import rules_markdown

readme = Path(__file__).resolve().parent.parent / "README.md"
text = readme.read_text(encoding="utf-8")
table = rules_markdown(Registry.default().sorted_rules())
new = re.sub(r"(<!-- rules-table:start -->\n).*?(\n<!-- rules-table:end -->)",
             lambda m: m.group(1) + table + m.group(2), text, flags=re.S)
readme.write_text(new, encoding="utf-8")
print("README rule table:", "updated" if new != text else "already current")
