"""The run cache: a second run over unchanged articles reuses their reports, and is never wrong."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator, Mapping
from contextlib import redirect_stdout
from pathlib import Path
from typing import Any

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


def test_a_cache_hit_does_not_import_spacy(tmp_path: Path, steady: None) -> None:
    """The second run, in a fresh process, answers from the cache without importing spaCy. One job: with a
    pool a miss would be linted in a worker and spaCy would never enter this process, so the test could not
    fail (the witnesses are held steady in both runs, as in the warm-path tests below)."""
    paths = _write(tmp_path / "a")
    cold, cache = _run(None, paths, tmp_path / "c")  # all rules: the parser ran here
    assert cache.stores == len(paths)
    code = (STEADY + "import json, sys\nfrom editlint.cli import main\n"
            f"rc = main(['check', *{paths!r}, '--format', 'json', '--jobs', '1', '--cache-dir', "
            f"{str(tmp_path / 'c')!r}, '-o', {str(tmp_path / 'out.json')!r}])\n"
            "print(json.dumps({'spacy': 'spacy' in sys.modules, 'rc': rc}))\n")
    env = {k: v for k, v in os.environ.items() if k != "EDITLINT_NO_CACHE"}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=300)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.splitlines()[-1])
    assert result["spacy"] is False and result["rc"] in (0, 1)
    warm = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    assert warm["files"] == cold.to_dict()["files"]


# -- the warm path: a command line that hits everywhere answers without the rules ---------------------------
HEAVY_ON_A_HIT = ("spacy", "pydantic", "editlint.config", "editlint.rules", "editlint.engine",
                  "editlint.readers", "editlint.checks", "markdown_it", "importlib.metadata")


#: The warm-path tests leave editlint's own files and sys.path folders out of the witnesses: in a shared
#: checkout another edit lands during a run (test_environment_witnesses covers them).
STEADY = "import editlint.cache as c\nc._environment = lambda w: None\n"


@pytest.fixture
def steady(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cache_module, "_environment", lambda w: None)


def _age(*paths: Path) -> None:
    """Date files a minute back: a file changed within two seconds of a run's start leaves no resolution."""
    for p in paths:
        os.utime(p, (p.stat().st_atime, p.stat().st_mtime - 60))


def _resolutions(root: Path) -> list[Path]:
    return sorted((root / "resolve").glob("*.json"))


def test_a_warm_command_line_run_imports_neither_rules_nor_models(tmp_path: Path) -> None:
    """The first run leaves a resolution; the second, in a fresh process, reads every report with none
    of the configuration models, the registry, the engine, the readers, the checks or spaCy imported."""
    paths = _write(tmp_path / "a")
    code = (f"import json, sys\n{STEADY}from editlint.cli import main\n"
            f"rc = main(['check', {str(tmp_path / 'a')!r}, '--format', 'json', '--jobs', '1', '--cache-dir', "
            f"{str(tmp_path / 'c')!r}, '-o', sys.argv[1], '--select', 'EL1,EL6'])\n"
            f"heavy = sorted(m for m in {HEAVY_ON_A_HIT!r} if m in sys.modules)\n"
            "print(json.dumps({'heavy': heavy, 'rc': rc}))\n")
    env = {k: v for k, v in os.environ.items() if k not in ("EDITLINT_NO_CACHE", "EDITLINT_CACHE_DIR")}
    runs = []
    for out in ("cold.json", "warm.json"):
        done = subprocess.run([sys.executable, "-c", code, str(tmp_path / out)], capture_output=True,
                              text=True, env=env, timeout=300, cwd=tmp_path)
        assert done.returncode == 0, done.stderr
        runs.append(json.loads(done.stdout.splitlines()[-1]))
        if out == "cold.json":
            assert len(_resolutions(tmp_path / "c")) == 1
    assert "editlint.config" in runs[0]["heavy"]
    assert runs[1]["heavy"] == [] and runs[1]["rc"] == runs[0]["rc"]
    cold = json.loads((tmp_path / "cold.json").read_text(encoding="utf-8"))
    warm = json.loads((tmp_path / "warm.json").read_text(encoding="utf-8"))
    assert warm == cold and len(warm["files"]) == len(paths)


def _site(tmp_path: Path, config: str, pack: str | None = None) -> tuple[Path, list[str]]:
    """A site folder with a configuration (and a pack), dated back so a run leaves a resolution."""
    site = tmp_path / "site"
    _write(site / "articles")
    (site / "editlint.toml").write_text(config, encoding="utf-8")
    aged = [site / "editlint.toml"]
    if pack is not None:
        (site / "house.toml").write_text(pack, encoding="utf-8")
        aged.append(site / "house.toml")
    _age(*aged)
    return site, ["check", "articles", "--format", "json", "--jobs", "1"]


def _fresh_cli(args: list[str]) -> tuple[int, str]:
    clear_caches()
    _default_registry.cache_clear()
    return _cli(args)


@pytest.mark.parametrize("change", ["config", "pack", "nearer-config", "article", "flag"])
def test_the_warm_path_follows_every_change(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, change: str,
                                            steady: None) -> None:
    """After any change the warm path answers as a run without a cache does (or steps aside)."""
    monkeypatch.delenv("EDITLINT_NO_CACHE", raising=False)
    monkeypatch.delenv("EDITLINT_CACHE_DIR", raising=False)
    site, base = _site(tmp_path, 'select = ["EL105", "EL601"]\npacks = ["house.toml"]\n',
                       HOUSE_PACK.format(phrase="show us your garden"))
    monkeypatch.chdir(site)
    answered: list[bool] = []
    real = cache_module.warm_reports

    def spy(*args: Any, **kwargs: Any) -> Any:
        answered.append(real(*args, **kwargs) is not None)
        return real(*args, **kwargs)

    monkeypatch.setattr(cache_module, "warm_reports", spy)
    first = _fresh_cli(base)
    assert len(_resolutions(site / CACHE_DIR_NAME)) == 1
    assert _fresh_cli(base) == first
    assert answered == [False, True]
    extra: list[str] = []
    if change == "config":
        (site / "editlint.toml").write_text('select = ["EL601"]\npacks = ["house.toml"]\n', encoding="utf-8")
    elif change == "pack":
        pack = HOUSE_PACK.format(phrase="keep knives out of reach")
        (site / "house.toml").write_text(pack, encoding="utf-8")
    elif change == "nearer-config":
        (site / "articles" / ".editlint.toml").write_text('select = ["EL105"]\n', encoding="utf-8")
    elif change == "article":
        (site / "articles" / "garden.md").write_text(ARTICLES["garden.md"].replace("soil soil", "soil"),
                                                     encoding="utf-8")
    else:
        extra = ["--ignore", "EL105"]
    warm = _fresh_cli([*base, *extra])
    assert warm != first
    assert warm == _fresh_cli([*base, *extra, "--no-cache"])


def test_no_resolution_is_left_when_a_witness_changed_during_the_run(tmp_path: Path, steady: None) -> None:
    from editlint.cache import WarmRequest, remember

    paths = _write(tmp_path / "a")
    (tmp_path / "a" / "editlint.toml").write_text('select = ["EL105"]\n', encoding="utf-8")
    linter = Linter(None, cache=tmp_path / "c")
    list(linter.lint_many(paths))
    assert linter.cache is not None
    request = WarmRequest(cwd=os.getcwd(), config=None)
    # the configuration was written a moment ago: "during" a run that started now
    assert not remember(linter.cache, request, linter, [str(tmp_path / "a")], paths, time.time())
    assert not _resolutions(tmp_path / "c")
    _age(tmp_path / "a" / "editlint.toml")
    assert remember(linter.cache, request, linter, [str(tmp_path / "a")], paths, time.time())
    assert not remember(linter.cache, request, linter, [str(tmp_path / "a")], paths, time.time())  # holds
    assert len(_resolutions(tmp_path / "c")) == 1


def test_the_warm_path_walks_and_finds_as_the_configuration_does(tmp_path: Path) -> None:
    from editlint import config as config_module
    from editlint.cache import _CONFIG_NAMES, WalkPolicy, default_cache_dir, guess_cache_root
    from editlint.config import Config, config_for_path

    assert _CONFIG_NAMES == config_module.CONFIG_NAMES
    cfg = Config(include=("*.md", "*.htm?"), exclude=("drafts", "*.tmp.md", "b/c/*"))
    policy = WalkPolicy(cfg.include, cfg.exclude)
    for name in ("a.md", "drafts", "x/drafts/a.md", "a.tmp.md", "b/c/d.md", "b/c", "page.html", "n.txt"):
        p = Path(name)
        assert (policy.is_included(p), policy.is_excluded(p)) == (cfg.is_included(p), cfg.is_excluded(p))
    layouts = {"none": None, "toml": ("editlint.toml", ""), "dot": (".editlint.toml", 'cache-dir = "b/l"\n'),
               "pyproject": ("pyproject.toml", "[tool.editlint]\n"),
               "other": ("pyproject.toml", "[tool.x]\n")}
    for name, layout in layouts.items():
        folder = tmp_path / name / "sub"
        folder.mkdir(parents=True)
        if layout is not None:
            (tmp_path / name / layout[0]).write_text(layout[1], encoding="utf-8")
        clear_caches()
        expected = default_cache_dir(config_for_path(str(folder / "x.md")), cwd=str(folder))
        assert guess_cache_root(None, str(folder)) == expected, name


def test_a_relative_name_is_keyed_in_its_working_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                                        ) -> None:
    from editlint.cache import file_key
    from editlint.source import decode

    source = decode(b"# Title\n\nSome text.\n", "a.md", "markdown")
    (tmp_path / "one").mkdir()
    (tmp_path / "two").mkdir()
    monkeypatch.chdir(tmp_path / "one")
    one = file_key("a.md", source, "e"), file_key(str(tmp_path / "a.md"), source, "e")
    monkeypatch.chdir(tmp_path / "two")
    two = file_key("a.md", source, "e"), file_key(str(tmp_path / "a.md"), source, "e")
    assert one[0] != two[0] and one[1] == two[1]


def test_environment_witnesses(tmp_path: Path) -> None:
    """editlint's files and the sys.path folders are witnessed by size and time; a change is seen."""
    w = cache_module._Witnesses()
    cache_module._environment(w)
    assert str(Path(cache_module.__file__).resolve()) in w.stats
    assert any(p.endswith("site-packages") for p in w.stats)
    installed = tmp_path / "site-packages"
    installed.mkdir()
    w.stat(installed)
    entry = {"sys_path": cache_module._import_path(), **w.to_json(), "files": {}}
    assert cache_module._holds(entry)
    (installed / "newpkg-1.0.dist-info").mkdir()  # an install
    os.utime(installed, ns=(0, installed.stat().st_mtime_ns + 1_000_000))
    assert not cache_module._holds(entry)


def test_every_command_line_setting_names_its_own_resolution() -> None:
    from dataclasses import replace

    from editlint.cache import WarmRequest

    base = WarmRequest(cwd="/site", config=None)
    changed = [replace(base, cwd="/other"), replace(base, config="lint.toml"),
               replace(base, overrides={"select": ("EL1",)}), replace(base, extend_select=("EL9",)),
               replace(base, ignore=("EL105",)), replace(base, overrides={"flags": frozenset({"x"})}),
               replace(base, overrides={"time_budget": 5.0})]
    names = {r.name() for r in [base, *changed]}
    assert len(names) == len(changed) + 1
