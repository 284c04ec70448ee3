"""The run cache: a second run over unchanged articles reuses their reports, and is never wrong."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from collections.abc import Iterator, Mapping
from contextlib import redirect_stdout
from pathlib import Path

import pytest

from editlint import Linter, Registry
from editlint import cache as cache_module
from editlint.cache import CACHE_DIR_NAME, RunCache
from editlint.cli import main
from editlint.config import clear_caches
from editlint.findings import FileReport, LintedSource, RunReport
from editlint.fixes import fix_report
from editlint.reporters import render
from editlint.rules import _default_registry

# Articles written for these tests, on topics of their own (a garden, a bicycle, a kitchen).
ARTICLES = {
    "garden.md": ("# Planting beans with children\n\nPush each bean into the soil soil about two fingers "
                  "deep. Water the row every evening while the weather stays dry.\n\nBeans climb. Beans "
                  "climb fast. Beans climb any cane you give them.\n\nShow us your garden below!\n"),
    "bicycle.md": ("# Teaching a child to ride\n\nLower the saddle so both feet reach the ground. Take the "
                   "pedals off for the first week, and let the child push along like on a balance bike. "
                   "Most children ride alone at five years old; most children ride alone at eight years "
                   "old.\n\nA helmet that fits snugly protects the head in a fall.\n"),
    "kitchen.html": ("<html><head><title>Cooking together</title></head><body><h1>Cooking together</h1>"
                     "<p>Let your child wash the the vegetables and stir the pot once it is off the heat."
                     "</p><p>Keep knives out of reach.</p></body></html>\n"),
}
HOUSE_PACK = '[rules.EL601]\nphrases = ["{phrase}"]\n'


@pytest.fixture(autouse=True)
def _fresh() -> Iterator[None]:
    clear_caches()
    _default_registry.cache_clear()
    yield
    clear_caches()
    _default_registry.cache_clear()
    with Registry.default().active():
        pass


def _write(folder: Path) -> list[str]:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return [str(folder / name) for name in ARTICLES]


def _run(config: Mapping[str, object] | None, paths: list[str], root: Path) -> tuple[RunReport, RunCache]:
    cache = RunCache(root)
    report = RunReport(version="x")
    report.files.extend(Linter(config, cache=cache).lint_many(paths))
    return report, cache


def test_a_second_run_reuses_every_report_and_renders_identically(tmp_path: Path) -> None:
    paths = _write(tmp_path / "articles")
    cold, first = _run(None, paths, tmp_path / "c")
    warm, second = _run(None, paths, tmp_path / "c")
    assert (first.hits, first.stores) == (0, len(paths))
    assert (second.hits, second.stores) == (len(paths), 0)
    assert any(fr.findings for fr in cold.files)
    assert cold.to_dict() == warm.to_dict()
    for fmt in ("text", "json", "sarif", "markdown", "html", "junit", "github"):
        assert render(fmt, cold) == render(fmt, warm), fmt
    assert all(isinstance(fr.document, LintedSource) for fr in warm.files)
    assert (tmp_path / "c" / ".gitignore").read_text().splitlines()[-1] == "*"


def test_a_cached_report_keeps_its_fixes(tmp_path: Path) -> None:
    """--fix on cached reports writes exactly what it writes after a fresh lint."""
    config = {"select": ["EL105"]}
    paths = _write(tmp_path / "a")
    _run(config, paths, tmp_path / "c")  # fills the cache
    linter = Linter(config, cache=tmp_path / "c")
    warm = RunReport(files=list(linter.lint_many(paths)))
    assert linter.cache is not None and linter.cache.hits == len(paths)
    assert [f.fixes for fr in warm.files for f in fr.findings]
    fix_report(linter, warm)
    fixed_warm = [Path(p).read_text(encoding="utf-8") for p in paths]
    paths = _write(tmp_path / "a")
    cold_linter = Linter(config)
    fix_report(cold_linter, RunReport(files=list(cold_linter.lint_many(paths))))
    assert [Path(p).read_text(encoding="utf-8") for p in paths] == fixed_warm
    assert fixed_warm != list(ARTICLES.values())


@pytest.mark.parametrize("change", ["content", "option", "selection", "model", "version"])
def test_a_change_that_can_change_findings_misses(tmp_path: Path, change: str,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    config: dict[str, object] = {"select": ["EL105", "EL601"]}
    paths = _write(tmp_path / "a")
    _run(config, paths, tmp_path / "c")
    if change == "content":
        Path(paths[0]).write_text(ARTICLES["garden.md"].replace("soil soil", "soil"), encoding="utf-8")
    elif change == "option":
        config["rules"] = {"EL601": {"phrases": ["any cane you give"]}}
    elif change == "selection":
        config["select"] = ["EL105"]
    elif change == "model":
        config["nlp"] = {"model": "another_pipeline"}  # these rules never load it: only the key changes
    else:
        monkeypatch.setattr(cache_module, "__version__", "999.0")
    again, cache = _run(config, paths, tmp_path / "c")
    expected_misses = 1 if change == "content" else len(paths)
    assert cache.hits == len(paths) - expected_misses
    fresh = RunReport(version="x", files=list(Linter(config).lint_many(paths)))
    assert again.to_dict() == fresh.to_dict()


def test_an_edited_pack_misses(tmp_path: Path) -> None:
    paths = _write(tmp_path / "a")
    pack = tmp_path / "house.toml"
    pack.write_text(HOUSE_PACK.format(phrase="show us your garden"), encoding="utf-8")
    config = {"select": ["EL601"], "packs": [str(pack)]}
    first, _ = _run(config, paths, tmp_path / "c")
    assert [f.rule for fr in first.files for f in fr.findings] == ["EL601"]
    pack.write_text(HOUSE_PACK.format(phrase="keep knives out of reach"), encoding="utf-8")
    _default_registry.cache_clear()
    second, cache = _run(config, paths, tmp_path / "c")
    assert cache.hits == 0
    assert [(fr.path, f.rule) for fr in second.files for f in fr.findings] == [(paths[2], "EL601")]


def test_a_corrupt_or_foreign_entry_is_ignored(tmp_path: Path) -> None:
    paths = _write(tmp_path / "a")
    cold, _ = _run(None, paths, tmp_path / "c")
    entries = sorted((tmp_path / "c").glob("*/*.json"))
    assert len(entries) == len(paths)
    entries[0].write_bytes(b"\x00{not json")
    entries[1].write_text(json.dumps({"format": 1, "key": "someone else's", "findings": []}))
    entries[2].write_text(entries[2].read_text()[:40])
    warm, cache = _run(None, paths, tmp_path / "c")
    assert cache.hits == 0 and cache.stores == len(paths)
    assert warm.to_dict() == cold.to_dict()


def test_a_report_with_an_error_is_not_stored(tmp_path: Path) -> None:
    cache = RunCache(tmp_path / "c")
    key = "ab" * 32
    cache.put(key, FileReport(path="x.md", error="x.md: something went wrong"))
    cache.put(key, FileReport(path="x.md", diagnostics=["the grammar server did not answer"]))
    assert cache.stores == 0 and not (tmp_path / "c").exists()


def _cli(args: list[str]) -> tuple[int, str]:
    out = io.StringIO()
    with redirect_stdout(out):
        code = main(args)
    return code, out.getvalue()


def test_cli_cache_folder_no_cache_and_config_key(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("EDITLINT_NO_CACHE", raising=False)
    _write(tmp_path / "site" / "articles")
    monkeypatch.chdir(tmp_path / "site")
    base = ["check", "articles", "--format", "json", "--jobs", "1"]
    assert _cli([*base, "--no-cache"])[1]
    assert not (tmp_path / "site" / CACHE_DIR_NAME).exists()
    (tmp_path / "site" / "editlint.toml").write_text('select = ["EL105"]\n', encoding="utf-8")
    clear_caches()
    cold = _cli(base)
    assert (tmp_path / "site" / CACHE_DIR_NAME / ".gitignore").is_file()  # beside the configuration file
    assert _cli(base) == cold
    (tmp_path / "site" / "editlint.toml").write_text('select = ["EL105"]\ncache-dir = "build/lint"\n',
                                                    encoding="utf-8")
    clear_caches()
    assert _cli(base) == cold
    assert len(list((tmp_path / "site" / "build" / "lint").glob("*/*.json"))) == len(ARTICLES)
    assert _cli([*base, "--cache-dir", str(tmp_path / "elsewhere")]) == cold
    assert (tmp_path / "elsewhere" / "CACHEDIR.TAG").is_file()


def test_a_cache_hit_does_not_import_spacy(tmp_path: Path) -> None:
    """The second run, in a fresh process, answers from the cache without importing spaCy."""
    paths = _write(tmp_path / "a")
    cold, cache = _run(None, paths, tmp_path / "c")  # all rules: the parser ran here
    assert cache.stores == len(paths)
    code = ("import json, sys\nfrom editlint.cli import main\n"
            f"rc = main(['check', *{paths!r}, '--format', 'json', '--jobs', '2', '--cache-dir', "
            f"{str(tmp_path / 'c')!r}, '-o', {str(tmp_path / 'out.json')!r}])\n"
            "print(json.dumps({'spacy': 'spacy' in sys.modules, 'rc': rc}))\n")
    env = {k: v for k, v in os.environ.items() if k != "EDITLINT_NO_CACHE"}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=300)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.splitlines()[-1])
    assert result["spacy"] is False and result["rc"] in (0, 1)
    warm = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    assert warm["files"] == cold.to_dict()["files"]
