"""Engine: selection, severity overrides, per-file ignores, suppressions, fingerprints, library API."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import codes, lint_snippet

import editlint
from editlint import ConfigError, Linter, lint_text

LEFTOVER = ("# Fever\n\nCall your doctor if the fever lasts.\n\nLeave a Comment\n\n## \n\n"
            "#### Deep\n\nText here.\n")


def test_default_rules_find_structure_problems() -> None:
    report = lint_snippet(LEFTOVER, select=["EL6"])
    assert sorted(set(codes(report))) == ["EL601", "EL604", "EL605"]
    leftover = next(f for f in report.findings if f.rule == "EL601")
    assert (leftover.line, leftover.column, leftover.end_line, leftover.end_column) == (5, 1, 5, 16)


@pytest.mark.parametrize("selector, expected", [
    (["EL601"], {"EL601"}), (["EL60"], {"EL601", "EL604", "EL605"}), (["template-leftover"], {"EL601"}),
    (["structure"], {"EL601", "EL604", "EL605"}),
])
def test_select_by_code_prefix_slug_and_category(selector: list[str], expected: set[str]) -> None:
    assert set(codes(lint_snippet(LEFTOVER, select=selector))) == expected


def test_ignore_wins_over_select() -> None:
    report = lint_snippet(LEFTOVER, select=["EL6"], ignore=["EL604", "empty-heading"])
    assert set(codes(report)) == {"EL601"}


def test_severity_override() -> None:
    report = lint_snippet(LEFTOVER, select=["EL601"], severity={"EL601": "info"})
    assert [f.severity.value for f in report.findings] == ["info"]


def test_per_file_ignores(tmp_path: Path) -> None:
    cfg = {"select": ["EL6"], "per-file-ignores": {"drafts/*.md": ["EL601"]}}
    (tmp_path / "drafts").mkdir()
    a = tmp_path / "drafts" / "a.md"
    b = tmp_path / "b.md"
    a.write_text(LEFTOVER)
    b.write_text(LEFTOVER)
    linter = Linter(cfg)
    ra, rb = linter.lint_many([a, b])
    assert "EL601" not in codes(ra) and "EL601" in codes(rb)


def test_unknown_selector_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="EL999"):
        Linter({"select": ["EL999"]})


def test_inline_suppressions_block_and_next_line() -> None:
    text = ("# Title\n\n<!-- editlint-disable EL601 -->\n\nLeave a Comment\n\n"
            "<!-- editlint-enable EL601 -->\n\n"
            "Share this post\n\n<!-- editlint-disable-next-line template-leftover -->\n"
            "Subscribe\n\nRead more\n")
    report = lint_snippet(text, select=["EL601"])
    assert [f.line for f in report.findings] == [9, 14]


def test_suppression_of_all_rules_until_end() -> None:
    text = "# Title\n\n<!-- editlint-disable -->\n\nLeave a Comment\n\n##\n"
    assert lint_snippet(text, select=["EL6"]).findings == []


def test_html_suppression() -> None:
    text = ("<h1>T</h1>\n<!-- editlint-disable-next-line EL601 -->\n"
            "<p>Leave a Comment</p>\n<p>Share this post</p>\n")
    report = lint_snippet(text, fmt="html", select=["EL601"])
    assert [f.line for f in report.findings] == [4]


def test_fingerprints_ignore_line_numbers() -> None:
    a = lint_snippet("# T\n\nShare this post\n", select=["EL601"])
    b = lint_snippet("# T\n\nAn added paragraph.\n\nAnother one.\n\nShare this post\n", select=["EL601"])
    assert a.findings[0].fingerprint == b.findings[0].fingerprint
    assert a.findings[0].line != b.findings[0].line


def test_same_text_twice_gets_distinct_fingerprints() -> None:
    r = lint_snippet("# T\n\nShare this post\n\nShare this post\n", select=["EL601"])
    fps = [f.fingerprint for f in r.findings]
    assert len(fps) == 2 and len(set(fps)) == 2


def test_library_api_round_trip() -> None:
    report = lint_text("# Hi\n\nLeave a Comment\n", path="x.md", config={"select": ["EL6"]})
    assert isinstance(report, editlint.FileReport)
    d = report.to_dict()
    assert d["path"] == "x.md" and d["findings"][0]["rule"] == "EL601"


def test_lint_many_streams_reports_in_order(tmp_path: Path) -> None:
    paths = []
    for i in range(12):
        p = tmp_path / f"a{i:02d}.md"
        p.write_text(f"# Title {i}\n\nSome text {i}.\n" + ("\nLeave a Comment\n" if i % 2 else ""))
        paths.append(p)
    reports = list(Linter({"select": ["EL6"]}).lint_many(paths))
    assert [Path(r.path).name for r in reports] == [p.name for p in paths]
    assert [bool(r.findings) for r in reports] == [bool(i % 2) for i in range(12)]


def test_bad_file_does_not_stop_the_others(tmp_path: Path) -> None:
    good = tmp_path / "good.md"
    good.write_text("# T\n\nLeave a Comment\n")
    bad = tmp_path / "bad.md"
    bad.write_bytes(b"\xff\xfe\x00bin")
    run = editlint.lint_paths([bad, good, tmp_path / "missing.md"], config={"select": ["EL6"]})
    assert [r.error is not None for r in run.files] == [True, False, True]
    assert run.files[1].findings and run.exit_code() == 2


def test_public_api_is_curated() -> None:
    for name in editlint.__all__:
        assert hasattr(editlint, name)
    assert "Linter" in editlint.__all__ and "lint_text" in editlint.__all__


def test_misused_term_flags_crawling_on_the_back_but_not_lying_on_the_back() -> None:
    bad = lint_snippet("# T\n\nCrawling on their backs is normal.\n", select=["EL606"])
    assert [(f.rule, f.suggestion) for f in bad.findings] == [("EL606", "crawling backward")]
    good = lint_snippet("# T\n\nPlace your baby on their back to sleep. Crawling backward is normal.\n",
                        select=["EL606"])
    assert good.findings == []


def test_library_run_with_stdin_and_added_selectors(monkeypatch: pytest.MonkeyPatch) -> None:
    """What the CLI does for `-`, --stdin-filename, --extend-select and --ignore is a Linter feature."""
    import io
    import sys

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(LEFTOVER.replace("# Fever", "# Cough")
                                                                  .encode())))
    linter = Linter({"select": ["EL601"]}, extend_select=["EL604"], extend_ignore=["EL601"],
                    stdin_filename="cough.md")
    linter.validate()
    report = linter.lint_paths(["-"])
    (file,) = report.files
    assert file.path == "cough.md" and set(codes(file)) == {"EL604"}


def test_library_run_reports_unreadable_stdin_as_dash(monkeypatch: pytest.MonkeyPatch) -> None:
    import io
    import sys

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"\x00\x01binary")))
    (file,) = Linter({"select": ["EL6"]}, stdin_filename="x.md").lint_paths(["-"]).files
    assert file.path == "-" and file.error


def test_validate_names_an_unknown_added_selector() -> None:
    with pytest.raises(ConfigError, match="EL998"):
        Linter({"select": ["EL6"]}, extend_select=["EL998"]).validate()


def test_files_for_walks_folders_and_warns_on_empty_ones(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "one.md").write_text(LEFTOVER)
    (tmp_path / "empty").mkdir()
    files, warnings = Linter({"select": ["EL6"]}).files_for([tmp_path / "a", tmp_path / "empty"])
    assert files == [str(tmp_path / "a" / "one.md")] and len(warnings) == 1 and "empty" in warnings[0]


def test_run_check_on_a_hand_built_document() -> None:
    """A check type runs on a Document without a configuration; block-relative hits come back absolute."""
    import plugin_example

    from editlint.api import Hit
    from editlint.document import BlockKind, DocumentBuilder
    from editlint.engine import run_check
    from editlint.rules import Registry
    from editlint.source import decode

    source = decode(b"Calm words here.\nNEVER shake a baby.\n", "x.txt", "text")
    build = DocumentBuilder(source)
    build.add("Calm words here.", 0)
    build.end_block(BlockKind.PARAGRAPH)
    build.add("NEVER shake a baby.", range(17, 36))
    build.end_block(BlockKind.HEADING, level=1)
    doc = build.build()
    second = doc.blocks[1].start
    reg = Registry()
    reg.add_module(plugin_example)  # the plug-in's data schema
    hits = run_check(plugin_example.shouting, doc, {"min-letters": 5}, registry=reg)
    assert [(h.start, h.end) for h in hits if isinstance(h, Hit)] == [(second, second + 5)]
    assert run_check(plugin_example.shouting, doc, {"min-letters": 5}, registry=reg,
                     scope=frozenset({BlockKind.PARAGRAPH})) == []
