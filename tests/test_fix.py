"""`editlint check --fix` inserts the medical disclaimer (EL401): byte for byte, idempotent, per format.

Every test runs the real CLI on a file in tmp_path and compares the bytes written with the bytes
expected: the original file with only the disclaimer added, in the file's own syntax, keeping its
newline style, BOM and (missing) final newline. A second run must change nothing.
"""

from __future__ import annotations

import json
import os
import shutil
import stat
import tempfile
import unicodedata
from collections.abc import Callable, Iterator
from pathlib import Path

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from editlint import Linter
from editlint.checks.disclaimer import DEFAULT_TEXT
from editlint.cli import main
from editlint.findings import Applicability
from editlint.fixes import FixStatus, WriteRefused, apply_edits, fix_report, plan_fixes, rebuild, write_fixed

MD = """---
title: Ear infections in toddlers
---

# Ear infections in toddlers

Ear infections often follow a cold. Your toddler may pull at one ear, run a fever or sleep badly.

## What helps

Infant ibuprofen can ease the pain. Ask your pharmacist which product suits your child's weight.

## When to call the doctor

Call your doctor if the fever lasts more than two days or fluid drains from the ear.
"""

TXT = """Ear infections in toddlers

Ear infections often follow a cold. Your toddler may pull at one ear, run a fever or sleep badly.

What helps

Infant ibuprofen can ease the pain. Ask your pharmacist which product suits your child's weight.

When to call the doctor

Call your doctor if the fever lasts more than two days or fluid drains from the ear.
"""

HTML_FRAGMENT = """<h1>Ear infections in toddlers</h1>
<p>Ear infections often follow a cold. Your toddler may pull at one ear, run a fever or sleep badly.</p>
<h2>What helps</h2>
<p>Infant ibuprofen can ease the pain. Ask your pharmacist which product suits your child's weight.</p>
<h2>When to call the doctor</h2>
<p>Call your doctor if the fever lasts more than two days or fluid drains from the ear.</p>
"""

HTML_PAGE = """<!DOCTYPE html>
<html lang="en">
<head><title>Ear infections in toddlers</title></head>
<body>
<nav><a href="/">Home</a></nav>
<main>
  <article class="post">
    <h1>Ear infections in toddlers</h1>
    <p>Ear infections often follow a cold. Your toddler may pull at one ear, run a fever or sleep badly.</p>
    <p>Infant ibuprofen can ease the pain. Ask your pharmacist which product suits your child's weight.</p>
    <p>Call your doctor if the fever lasts more than two days or fluid drains from the ear.</p>
  </article>
  <section class="comments"><h3>Leave a Comment</h3></section>
</main>
<footer class="site-footer"><p>Little Steps Blog</p></footer>
</body>
</html>
"""

HTML_ELEMENT = f'<p class="disclaimer">{DEFAULT_TEXT}</p>'


def run_fix(path: Path, *extra: str) -> int:
    return main(["check", "--select", "EL4", "--fail-on", "never", "--fix", *extra, str(path)])


def fix_and_compare(tmp_path: Path, name: str, original: bytes, expected: bytes,
                    capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / name
    path.write_bytes(original)
    assert run_fix(path) == 0
    assert path.read_bytes() == expected
    assert f"fixed {path}" in capsys.readouterr().err
    # a second run changes nothing, and the disclaimer now satisfies EL401
    assert run_fix(path) == 0
    assert path.read_bytes() == expected
    assert "fixed" not in capsys.readouterr().err
    assert main(["check", "--select", "EL401", "--format", "json", str(path)]) == 0
    assert '"EL401"' not in capsys.readouterr().out


def variants(text: str, inserted: str, at: int) -> list[tuple[str, bytes, bytes]]:
    """(label, original bytes, expected bytes) for LF, CRLF, BOM and BOM+CRLF files."""
    fixed = text[:at] + inserted + text[at:]
    out = []
    for label, nl, bom in (("lf", "\n", b""), ("crlf", "\r\n", b""), ("bom", "\n", b"\xef\xbb\xbf"),
                           ("bom-crlf", "\r\n", b"\xef\xbb\xbf")):
        out.append((label, bom + text.replace("\n", nl).encode(), bom + fixed.replace("\n", nl).encode()))
    return out


@pytest.mark.parametrize("label,original,expected", variants(MD, "\n" + DEFAULT_TEXT + "\n", len(MD)))
def test_markdown_bottom(tmp_path: Path, capsys: pytest.CaptureFixture[str], label: str, original: bytes,
                         expected: bytes) -> None:
    fix_and_compare(tmp_path, f"ear-{label}.md", original, expected, capsys)


@pytest.mark.parametrize("label,original,expected", variants(TXT, "\n" + DEFAULT_TEXT + "\n", len(TXT)))
def test_text_bottom(tmp_path: Path, capsys: pytest.CaptureFixture[str], label: str, original: bytes,
                     expected: bytes) -> None:
    fix_and_compare(tmp_path, f"ear-{label}.txt", original, expected, capsys)


@pytest.mark.parametrize("label,original,expected",
                         variants(HTML_FRAGMENT, HTML_ELEMENT + "\n", len(HTML_FRAGMENT)))
def test_html_fragment_bottom(tmp_path: Path, capsys: pytest.CaptureFixture[str], label: str,
                              original: bytes, expected: bytes) -> None:
    fix_and_compare(tmp_path, f"ear-{label}.html", original, expected, capsys)


@pytest.mark.parametrize("label,original,expected",
                         variants(HTML_PAGE, "    " + HTML_ELEMENT + "\n", HTML_PAGE.index("  </article>")))
def test_html_page_inserts_inside_the_article(tmp_path: Path, capsys: pytest.CaptureFixture[str], label: str,
                                              original: bytes, expected: bytes) -> None:
    fix_and_compare(tmp_path, f"page-{label}.html", original, expected, capsys)


def test_no_final_newline_stays_missing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    md = MD.rstrip("\n")
    fix_and_compare(tmp_path, "a.md", md.encode(), (md + "\n\n" + DEFAULT_TEXT).encode(), capsys)
    html = HTML_FRAGMENT.rstrip("\n")
    fix_and_compare(tmp_path, "a.html", html.encode(), (html + "\n" + HTML_ELEMENT).encode(), capsys)


def write_config(tmp_path: Path, body: str) -> None:
    (tmp_path / "editlint.toml").write_text(body, encoding="utf-8")


@pytest.mark.parametrize("position", ["top", "first-words"])
def test_top_goes_after_the_title(tmp_path: Path, capsys: pytest.CaptureFixture[str], position: str) -> None:
    write_config(tmp_path, f'[disclaimer]\nposition = "{position}"\nwithin-words = 30\n')
    at = MD.index("# Ear infections in toddlers\n") + len("# Ear infections in toddlers\n")
    expected = MD[:at] + "\n" + DEFAULT_TEXT + "\n" + MD[at:]
    fix_and_compare(tmp_path, "top.md", MD.encode(), expected.encode(), capsys)
    at = TXT.index("\n") + 1
    expected = TXT[:at] + "\n" + DEFAULT_TEXT + "\n" + TXT[at:]
    fix_and_compare(tmp_path, "top.txt", TXT.encode(), expected.encode(), capsys)
    at = HTML_FRAGMENT.index("</h1>") + len("</h1>")
    expected = HTML_FRAGMENT[:at] + "\n" + HTML_ELEMENT + HTML_FRAGMENT[at:]
    fix_and_compare(tmp_path, "top.html", HTML_FRAGMENT.encode(), expected.encode(), capsys)


def test_top_with_crlf_and_bom(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_config(tmp_path, '[disclaimer]\nposition = "top"\n')
    at = MD.index("# Ear infections in toddlers\n") + len("# Ear infections in toddlers\n")
    expected = MD[:at] + "\n" + DEFAULT_TEXT + "\n" + MD[at:]
    fix_and_compare(tmp_path, "top.md", b"\xef\xbb\xbf" + MD.replace("\n", "\r\n").encode(),
                    b"\xef\xbb\xbf" + expected.replace("\n", "\r\n").encode(), capsys)


def test_custom_text_is_escaped_and_recognised(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = "*Little Steps* shares <experience> & tips_only; ask [your] GP about your child."
    write_config(tmp_path, f"[disclaimer]\ntext = '{text}'\n")
    md_text = r"\*Little Steps\* shares \<experience\> & tips\_only; ask \[your\] GP about your child."
    fix_and_compare(tmp_path, "c.md", MD.encode(), (MD + "\n" + md_text + "\n").encode(), capsys)
    html_text = "*Little Steps* shares &lt;experience&gt; &amp; tips_only; ask [your] GP about your child."
    fix_and_compare(tmp_path, "c.html", HTML_FRAGMENT.encode(),
                    (HTML_FRAGMENT + f'<p class="disclaimer">{html_text}</p>\n').encode(), capsys)
    fix_and_compare(tmp_path, "c.txt", TXT.encode(), (TXT + "\n" + text + "\n").encode(), capsys)


def test_markdown_block_markers_at_the_start_are_escaped(tmp_path: Path,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    text = "# Not medical advice: this page does not replace your doctor."
    write_config(tmp_path, f"[disclaimer]\ntext = '{text}'\n")
    fix_and_compare(tmp_path, "h.md", MD.encode(), (MD + "\n\\" + text + "\n").encode(), capsys)


def test_no_fix_when_the_insertion_would_not_be_read_as_a_disclaimer(tmp_path: Path) -> None:
    path = tmp_path / "fence.md"
    original = (MD + "\n```text\nan unclosed code fence swallows everything after it\n").encode()
    path.write_bytes(original)
    assert main(["check", "--select", "EL401", "--fix", str(path)]) == 1  # reported, not "fixed"
    assert path.read_bytes() == original


def test_nothing_changes_without_health_advice(tmp_path: Path) -> None:
    path = tmp_path / "craft.md"
    original = b"# Paper lions\n\nGlue orange strips around a paper plate and draw a face.\n"
    path.write_bytes(original)
    assert run_fix(path) == 0
    assert path.read_bytes() == original


def test_nothing_changes_when_a_disclaimer_is_already_there(tmp_path: Path) -> None:
    path = tmp_path / "ok.md"
    original = (MD + "\nThis article is for general information only.\n").encode()
    path.write_bytes(original)
    assert run_fix(path) == 0
    assert path.read_bytes() == original


def test_no_fix_when_the_text_lacks_the_required_wording(tmp_path: Path) -> None:
    write_config(tmp_path, '[disclaimer]\nrequired-wording = "Little Steps editorial policy"\n')
    path = tmp_path / "r.md"
    path.write_bytes(MD.encode())
    main(["check", "--select", "EL401", "--fail-on", "never", "--fix", str(path)])
    assert path.read_bytes() == MD.encode()


def test_misplaced_disclaimer_is_reported_not_duplicated(tmp_path: Path) -> None:
    write_config(tmp_path, '[disclaimer]\nposition = "top"\n')
    path = tmp_path / "m.md"
    original = (MD + "\n" + DEFAULT_TEXT + "\n").encode()
    path.write_bytes(original)
    assert main(["check", "--select", "EL401", "--fix", str(path)]) == 1
    assert path.read_bytes() == original


def test_seed_round_trip(seed_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    original = seed_path.read_bytes()
    text = original.decode("utf-8")
    tail = "\n" + DEFAULT_TEXT + "\n" if text.endswith("\n") else "\n\n" + DEFAULT_TEXT
    fix_and_compare(tmp_path, "seed.txt", original, original + tail.encode(), capsys)


# -- property: any article, any position: the fix only adds the disclaimer, and a second pass is a no-op ---
_SENTENCES = ["Call your doctor if your baby has a fever.", "Infant ibuprofen can ease the pain.",
              "Ask your pharmacist about the dose.", "Most babies crawl by 10 months.",
              "A rash with a fever needs a doctor.", "Tummy time builds strength."]


@st.composite
def articles(draw: st.DrawFn) -> tuple[str, str]:
    fmt = draw(st.sampled_from(["markdown", "html", "text"]))
    blocks = draw(st.lists(st.tuples(st.sampled_from(["p", "h", "li"]),
                                     st.lists(st.sampled_from(_SENTENCES), min_size=1, max_size=3)),
                           min_size=1, max_size=6))
    out = []
    if fmt == "markdown" and draw(st.booleans()):
        out.append("---\ntitle: Test\n---\n")
    if draw(st.booleans()):
        out.append({"markdown": "# Title", "html": "<h1>Title</h1>", "text": "Title"}[fmt])
    for kind, sents in blocks:
        body = " ".join(sents)
        if kind == "h":
            out.append({"markdown": "## Section", "html": "<h2>Section</h2>", "text": "Section"}[fmt])
        elif kind == "li":
            item = {"markdown": f"- {body}", "html": f"<ul><li>{body}</li></ul>", "text": f"- {body}"}
            out.append(item[fmt])
        else:
            out.append(f"<p>{body}</p>" if fmt == "html" else body)
    sep = "\n" if fmt == "html" else "\n\n"
    text = sep.join(out) + draw(st.sampled_from(["", "\n", "\n\n"]))
    return fmt, text


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(articles(), st.sampled_from(["anywhere", "top", "bottom", "first-words"]))
def test_fix_only_adds_the_disclaimer_and_is_idempotent(article: tuple[str, str], position: str) -> None:
    fmt, text = article
    path = {"markdown": "a.md", "html": "a.html", "text": "a.txt"}[fmt]
    linter = Linter({"select": ["EL401"], "disclaimer": {"position": position, "within-words": 400}})
    report = linter.lint_text(text, path=path)
    edits = [e for f in report.findings for e in f.fixes]
    if not edits:
        return
    assert len(edits) == 1
    fixed = apply_edits(text, edits)
    inserted = edits[0].text
    assert fixed[:edits[0].start] == text[:edits[0].start] and fixed[edits[0].start + len(inserted):] == \
        text[edits[0].start:]
    again = linter.lint_text(fixed, path=path)
    assert [f.rule for f in again.findings] == [], (fixed, [f.message for f in again.findings])


# == fix safety (issue 11 §1) and the safe write path (issue 14 §2) =========================================
# The sentences below are written for these tests (a toddler's cold, a craft afternoon, a school trip, a
# bedtime routine); none comes from an evaluation corpus.
FIXTURES = Path(__file__).parent / "fixtures" / "fix"
SCHEMA = Path(__file__).parent / "schemas" / "report.schema.json"
DOUBLED_AND_TYPO = ("# Paper boats\n\nFold the the paper in half. We definately float them in the bath.\n\n"
                    "Children love watching a boat sink slowly.\n")


def fixes_of(text: str, path: str = "a.md", **config: object) -> list[tuple[str, str, str]]:
    """(rule, applicability, replacement) of every fix the findings of ``text`` carry."""
    report = Linter(dict(config)).lint_text(text, path=path)
    return [(f.rule, f.applicability.value, e.text) for f in report.findings for e in f.fixes]


# -- which fixes are safe ------------------------------------------------------------------------------
def test_doubled_word_removal_is_safe_and_a_spelling_guess_is_unsafe() -> None:
    found = fixes_of(DOUBLED_AND_TYPO, select=["EL105", "EL501"])
    assert ("EL105", "safe", "") in found and ("EL501", "unsafe", "definitely") in found


def test_the_configured_disclaimer_insertion_is_safe() -> None:
    found = fixes_of(MD, select=["EL401"])
    assert [(r, a) for r, a, _ in found] == [("EL401", "safe")]


@pytest.mark.parametrize("text", [
    "We packed the bage and the sun cream for the beach.\n",  # age / bag / base
    "The kids played in the sandpit until teatime, then had a snak of apple slices.\n",
])
def test_a_guess_among_several_candidates_is_never_an_edit(text: str) -> None:
    report = Linter({"select": ["EL501"]}).lint_text(text, path="a.md")
    several = [f for f in report.findings if len(f.data.get("candidates", [])) > 1]
    assert several, "the example must have a word with several candidates"
    assert all(f.fixes == () for f in several)


def test_house_reject_replacement_and_grammar_style_edits_are_unsafe() -> None:
    assert fixes_of("We bought alot of crayons for the craft table.\n", select=["EL501"]) == [
        ("EL501", "unsafe", "a lot")]


@pytest.mark.parametrize("text,flagged", [
    # an organisation's name keeps its spelling, the article's own minority spelling is flagged
    ("The Royal Society of Paediatric Dentistry advises a pea-sized smear. Brush after the last meal; "
     "a pediatric dentist checks at one. Any pediatric nurse can show you. Ask about paediatric fluoride.\n",
     ["paediatric"]),
    ("Our school joined the Colour Run Trust for the summer fair. The color of the shirts was bright and "
     "the color of the paint washed out. Kids chose a favourite color.\n", ["favourite"]),
])
def test_us_uk_skips_proper_names_and_is_unsafe(text: str, flagged: list[str]) -> None:
    report = Linter({"select": ["EL505"]}).lint_text(text, path="a.md")
    assert [f.data["word"] for f in report.findings] == flagged
    assert all(f.applicability is Applicability.UNSAFE for f in report.findings if f.fixes)


def test_nfd_words_are_whole_words() -> None:
    for phrase in ("the crème fraîche dip", "a naïve question at the café", "her fiancée's résumé"):
        text = unicodedata.normalize("NFD", f"We talked about {phrase} after the school run.\n")
        report = Linter({"select": ["EL501"]}).lint_text(text, path="a.md")
        assert report.findings == [], [f.message for f in report.findings]


def test_json_fix_object_matches_the_schema(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "boats.md"
    path.write_text(DOUBLED_AND_TYPO, encoding="utf-8")
    main(["check", "--select", "EL105,EL501", "--format", "json", str(path)])
    data = json.loads(capsys.readouterr().out)
    jsonschema.validate(data, json.loads(SCHEMA.read_text(encoding="utf-8")))
    fixes = {f["rule"]: f["fix"] for f in data["files"][0]["findings"] if "fix" in f}
    assert fixes["EL105"]["applicability"] == "safe" and fixes["EL501"]["applicability"] == "unsafe"
    (edit,) = fixes["EL105"]["edits"]
    assert (edit["line"], edit["column"], edit["end_line"], edit["end_column"]) == (3, 9, 3, 13)
    assert edit["content"] == ""


# -- the CLI ------------------------------------------------------------------------------------------------
def check(*args: str) -> int:
    return main(["check", "--fail-on", "never", "--no-progress", *args])


def test_fix_applies_only_safe_fixes_and_unsafe_fixes_opts_in(tmp_path: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "boats.md"
    path.write_text(DOUBLED_AND_TYPO, encoding="utf-8")
    assert check("--select", "EL105,EL501", "--fix", "--show-fixes", str(path)) == 0
    safe_only = DOUBLED_AND_TYPO.replace("the the", "the")
    assert path.read_text(encoding="utf-8") == safe_only
    err = capsys.readouterr().err
    assert "1 × EL105" in err and "EL501" not in err.split("fixed", 1)[1].split("unsafe", 1)[0]
    assert check("--select", "EL105,EL501", "--fix", "--unsafe-fixes", str(path)) == 0
    assert path.read_text(encoding="utf-8") == safe_only.replace("definately", "definitely")


def test_diff_writes_nothing_and_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "boats.md"
    path.write_text(DOUBLED_AND_TYPO, encoding="utf-8")
    assert check("--select", "EL105,EL501", "--diff", str(path)) == 1
    out = capsys.readouterr().out
    assert "-Fold the the paper in half. We definately float them in the bath.\n" in out
    assert "+Fold the paper in half. We definately float them in the bath.\n" in out
    assert check("--select", "EL105,EL501", "--diff", "--unsafe-fixes", str(path)) == 1
    assert "+Fold the paper in half. We definitely float them in the bath.\n" in capsys.readouterr().out
    assert path.read_text(encoding="utf-8") == DOUBLED_AND_TYPO
    clean = tmp_path / "clean.md"
    clean.write_text("# Boats\n\nFold the paper in half.\n", encoding="utf-8")
    assert check("--select", "EL105,EL501", "--diff", str(clean)) == 0
    assert capsys.readouterr().out == ""


def unsafe_edit_lines(path: Path, capsys: pytest.CaptureFixture[str]) -> set[int]:
    check("--format", "json", str(path))
    data = json.loads(capsys.readouterr().out)
    findings = data["files"][0]["findings"]
    return {e["line"] for f in findings if f.get("fix", {}).get("applicability") == "unsafe"
            for e in f["fix"]["edits"]}


def test_informal_medical_brand_and_foreign_words_come_back_byte_identical(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    original = (FIXTURES / "words-to-leave-alone.md").read_bytes()
    path = tmp_path / "cold.md"
    path.write_bytes(original)
    assert check("--fix", str(path)) == 0
    assert path.read_bytes() == original
    assert "fixed" not in capsys.readouterr().err
    # --diff --unsafe-fixes shows exactly the lines unsafe fixes would change, and writes nothing
    lines = unsafe_edit_lines(path, capsys)
    assert check("--diff", "--unsafe-fixes", str(path)) == (1 if lines else 0)
    out = capsys.readouterr().out
    removed = [ln[1:] for ln in out.splitlines() if ln.startswith("-") and not ln.startswith("---")]
    text_lines = original.decode().splitlines()
    assert sorted(text_lines.index(ln) + 1 for ln in removed) == sorted(lines)
    assert path.read_bytes() == original


# -- the write path -----------------------------------------------------------------------------------
TYPO = b"# Bedtime\n\nRead the the same story every night.\n"
TYPO_FIXED = b"# Bedtime\n\nRead the same story every night.\n"


def fix(*paths: Path) -> int:
    return check("--select", "EL105", "--fix", *map(str, paths))


def test_read_only_file_is_refused_and_the_others_go_on(tmp_path: Path,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    locked, other = tmp_path / "locked.md", tmp_path / "other.md"
    locked.write_bytes(TYPO)
    other.write_bytes(TYPO)
    locked.chmod(0o444)
    assert fix(locked, other) == 2
    assert locked.read_bytes() == TYPO and other.read_bytes() == TYPO_FIXED
    err = capsys.readouterr().err
    assert f"{locked}: is read-only" in err and f"fixed {other}" in err
    assert stat.S_IMODE(locked.stat().st_mode) == 0o444


def test_symlink_is_written_through_to_its_target(tmp_path: Path) -> None:
    target = tmp_path / "real" / "bedtime.md"
    target.parent.mkdir()
    target.write_bytes(TYPO)
    link = tmp_path / "link.md"
    link.symlink_to(target)
    assert fix(link) == 0
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert target.read_bytes() == TYPO_FIXED


def test_hard_links_stay_one_file(tmp_path: Path) -> None:
    a, b = tmp_path / "a.md", tmp_path / "b.md"
    a.write_bytes(TYPO)
    os.link(a, b)
    inode = a.stat().st_ino
    assert fix(a) == 0
    assert a.stat().st_ino == b.stat().st_ino == inode and b.read_bytes() == TYPO_FIXED


def test_mode_owner_and_group_survive(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_bytes(TYPO)
    path.chmod(0o640)
    if os.geteuid() == 0:  # as root, hand the file to another user first
        os.chown(path, 65534, 65534)
    before = path.stat()
    assert fix(path) == 0
    after = path.stat()
    assert path.read_bytes() == TYPO_FIXED
    assert (after.st_uid, after.st_gid, stat.S_IMODE(after.st_mode)) == (before.st_uid, before.st_gid, 0o640)


def test_mixed_newlines_only_the_edited_line_changes(tmp_path: Path) -> None:
    path = tmp_path / "mixed.txt"
    original = (b"Bedtime\r\n\r\nBath first.\rThen we read the the same story.\nLights out at seven.\r\n"
                b"Sleep well.")
    path.write_bytes(original)
    assert fix(path) == 0
    assert path.read_bytes() == original.replace(b"the the", b"the")
    assert fix(path) == 0 and path.read_bytes() == original.replace(b"the the", b"the")


def test_doubled_word_across_a_crlf_line_break(tmp_path: Path) -> None:
    path = tmp_path / "wrap.txt"
    path.write_bytes(b"Bedtime\r\n\r\nThen we read the\r\nthe same story.\nLights out.\r\n")
    assert fix(path) == 0
    assert path.read_bytes() == b"Bedtime\r\n\r\nThen we read the same story.\nLights out.\r\n"


def test_nfd_text_keeps_every_other_byte(tmp_path: Path) -> None:
    path = tmp_path / "nfd.md"
    text = unicodedata.normalize("NFD", "# Goûter\n\nAfter the crèche we have a café au lait and and "
                                 "a crêpe.\n")
    path.write_bytes(text.encode())
    assert check("--select", "EL105,EL501", "--fix", "--unsafe-fixes", str(path)) == 0
    assert path.read_bytes() == text.replace("and and", "and").encode()


def test_file_changed_since_it_was_linted_is_skipped(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_bytes(TYPO)
    linter = Linter({"select": ["EL105"]})
    report = linter.lint_paths([path])
    edited = TYPO + b"\nA line the writer added meanwhile.\n"
    path.write_bytes(edited)
    (result,) = fix_report(linter, report)
    assert result.status is FixStatus.ERROR and "changed since" in result.message
    assert report.files[0].error and path.read_bytes() == edited


def test_file_changed_while_fixing_is_skipped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import editlint.fixes as fixes

    path = tmp_path / "a.md"
    path.write_bytes(TYPO)
    real_rebuild = fixes.rebuild

    def racing_rebuild(raw: bytes, fixed: str) -> bytes:
        path.write_bytes(TYPO + b"Saved by an editor.\n")  # another program saves while we work
        return real_rebuild(raw, fixed)

    monkeypatch.setattr(fixes, "rebuild", racing_rebuild)
    with pytest.raises(WriteRefused, match="changed while"):
        write_fixed(str(path), TYPO.decode(), TYPO_FIXED.decode())
    assert path.read_bytes() == TYPO + b"Saved by an editor.\n"


@pytest.fixture
def shared_dir() -> Iterator[Path]:
    """A folder another user can reach (pytest's tmp_path is private to root)."""
    path = Path(tempfile.mkdtemp(prefix="editlint-fix-", dir="/tmp"))
    path.chmod(0o755)
    yield path
    for p in sorted(path.rglob("*"), reverse=True):
        if p.is_dir():
            p.chmod(0o755)
    shutil.rmtree(path, ignore_errors=True)


def run_as_nobody(func: Callable[..., object], *args: object) -> str:
    """Run ``func(*args)`` (as an unprivileged user when we are root); '' or the WriteRefused message."""
    def call() -> str:
        try:
            func(*args)
        except WriteRefused as exc:
            return str(exc)
        return ""

    if os.geteuid() != 0:
        return call()
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # child: drop to nobody, report through the pipe
        os.close(read)
        code = 0
        try:
            os.setgid(65534)
            os.setuid(65534)
            os.write(write, call().encode())
        except BaseException:
            code = 1
        finally:
            os._exit(code)
    os.close(write)
    with os.fdopen(read, "rb") as fh:
        message = fh.read().decode()
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0
    return message


def test_read_only_folder_is_a_per_file_error(shared_dir: Path) -> None:
    folder = shared_dir / "locked"
    folder.mkdir()
    path = folder / "a.md"
    path.write_bytes(TYPO)
    if os.geteuid() == 0:
        os.chown(path, 65534, 65534)
    folder.chmod(0o555)
    message = run_as_nobody(write_fixed, str(path), TYPO.decode(), TYPO_FIXED.decode())
    assert "folder" in message and "not writable" in message
    assert path.read_bytes() == TYPO


def test_read_only_file_for_an_ordinary_user(shared_dir: Path) -> None:
    path = shared_dir / "a.md"
    path.write_bytes(TYPO)
    path.chmod(0o444)
    message = run_as_nobody(write_fixed, str(path), TYPO.decode(), TYPO_FIXED.decode())
    assert "read-only" in message and path.read_bytes() == TYPO


# -- convergence ----------------------------------------------------------------------------------------
@pytest.mark.parametrize("text,expected", [
    ("# Crafts\n\nCut the the the paper strips.\n", "# Crafts\n\nCut the paper strips.\n"),
    ("# Trips\n\nPack a a a a sun hat and water.\n", "# Trips\n\nPack a sun hat and water.\n"),
])
def test_one_fix_run_converges(tmp_path: Path, text: str, expected: str) -> None:
    path = tmp_path / "a.md"
    path.write_text(text, encoding="utf-8")
    assert fix(path) == 0
    assert path.read_text(encoding="utf-8") == expected
    assert fix(path) == 0 and path.read_text(encoding="utf-8") == expected


@pytest.mark.parametrize("rules,disclaimer,article", [
    # a typo in the configured text would spread a spelling warning into every article
    (["EL401", "EL501"], "This article is general informaton only and does not replace your child's own "
     "doctor.", MD),
    # a UK disclaimer in a US article would make it mixed
    (["EL401", "EL505"], "This article is general information only and does not replace your child's own "
     "paediatrician.", MD.replace("Call your doctor if", "Call your pediatrician if")
     .replace("Ask your pharmacist", "Ask your pediatrician")),
])
def test_a_fix_that_creates_an_unfixable_finding_is_dropped(rules: list[str], disclaimer: str,
                                                            article: str) -> None:
    linter = Linter({"select": rules, "disclaimer": {"text": disclaimer}})
    report = linter.lint_text(article, path="ear.md")
    assert [f.rule for f in report.findings if f.fixes] == ["EL401"]
    plan = plan_fixes(linter, report.document.source, report.findings)
    assert plan.text == article and plan.applied == () and plan.note == ""
    # with unsafe fixes the new finding is itself fixable, so the insertion goes in and is corrected
    plan = plan_fixes(linter, report.document.source, report.findings, unsafe=True)
    assert [f.rule for f in plan.applied] == rules and plan.text.startswith(article)


def test_a_respelled_word_in_a_long_sentence_is_not_a_new_finding() -> None:
    text = ("# School trips\n\nOn the morning of the trip we packed sandwiches, apples, water bottles, "
            "sun hats, spare socks, plasters and a small towel, and we definately remembered the permission "
            "slip that the teacher had sent home on Monday afternoon.\n")
    linter = Linter({"select": ["EL501", "EL202"]})
    report = linter.lint_text(text, path="trip.md")
    assert {f.rule for f in report.findings} == {"EL501", "EL202"}
    plan = plan_fixes(linter, report.document.source, report.findings, unsafe=True)
    assert plan.text == text.replace("definately", "definitely")
    assert [f.rule for f in plan.applied] == ["EL501"]


_LINES = ["Read the the story.", "Bath time first.", "Sing a a song.", "Lights out.",
          "Brush teeth teeth teeth."]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.sampled_from(_LINES), st.sampled_from(["\n", "\r\n", "\r"])), min_size=1,
                max_size=8), st.booleans(), st.booleans())
def test_rebuild_keeps_every_unedited_byte_and_converges(lines: list[tuple[str, str]], bom: bool,
                                                         nfd: bool) -> None:
    body = "".join(text + nl for text, nl in lines)
    if nfd:
        body = unicodedata.normalize("NFD", "Goûter à la crèche.\n") + body
    raw = (b"\xef\xbb\xbf" if bom else b"") + body.encode()
    text = body.replace("\r\n", "\n").replace("\r", "\n")
    linter = Linter({"select": ["EL105"]})
    report = linter.lint_text(text, path="a.txt")
    plan = plan_fixes(linter, report.document.source, report.findings)
    new = rebuild(raw, plan.text)
    assert new.startswith(b"\xef\xbb\xbf") == bom
    assert new.decode("utf-8-sig").replace("\r\n", "\n").replace("\r", "\n") == plan.text
    # every line keeps its own ending (no line is joined or split by these fixes)
    raw_lines = new.decode("utf-8-sig").splitlines(keepends=True)
    endings = [ln[len(ln.rstrip("\r\n")):] for ln in raw_lines][-len(lines):]
    assert endings == [nl for _, nl in lines]
    again = linter.lint_text(plan.text, path="a.txt")
    assert [f for f in again.findings if f.fixes] == []


def test_standard_input_is_never_written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    import io

    (tmp_path / "bedtime.md").write_bytes(TYPO)  # a file of the --stdin-filename's name must stay as it is
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(TYPO)))
    assert check("--select", "EL105", "--fix", "--stdin-filename", "bedtime.md", "-") == 0
    assert "never written" in capsys.readouterr().err and (tmp_path / "bedtime.md").read_bytes() == TYPO
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(TYPO)))
    assert check("--select", "EL105", "--diff", "--stdin-filename", "bedtime.md", "-") == 1
    assert "+Read the same story every night.\n" in capsys.readouterr().out


def test_one_file_reached_by_two_names_is_fixed_once(tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "a.md"
    path.write_bytes(TYPO)
    (tmp_path / "alias.md").symlink_to(path)
    os.link(path, tmp_path / "twin.md")
    assert fix(path, tmp_path / "alias.md", tmp_path / "twin.md") == 0
    assert path.read_bytes() == TYPO_FIXED
    assert capsys.readouterr().err.count("fixed ") == 1


def test_a_failing_write_is_a_per_file_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    import errno

    def full_disk(src: object, dst: object) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    path = tmp_path / "a.md"
    path.write_bytes(TYPO)
    monkeypatch.setattr(os, "replace", full_disk)
    assert fix(path) == 2
    assert path.read_bytes() == TYPO and "No space left on device" in capsys.readouterr().err
    assert [p.name for p in tmp_path.iterdir()] == ["a.md"]  # no temporary file left behind
