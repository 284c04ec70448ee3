"""The per-file time budget reaches inside long checks (issue 14): a check polls ``budget.checkpoint()`` in
its outer loops, so one pathological article becomes a per-file error naming the file and the budget,
while the other files are still linted, the exit code is 2 and the report is written.

Most tests drive the budget with a fake clock that advances one second per reading: which loop stops is
then deterministic (no test depends on how loaded the machine is); one test uses the real clock on a big
generated article.
"""

from __future__ import annotations

import itertools
import json
import random
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

import editlint.budget as budget
from editlint import Linter
from editlint.api import CheckContext, Hit, check_type
from editlint.reporters import render

SMALL = "# Packing a hospital bag\n\nPack the the car seat and some snacks a few weeks early.\n"
WORDS = ("stroller", "blanket", "bottle", "nappy", "cot", "sling", "bib", "rattle", "spoon", "cup",
         "hat", "sock")


def _generated(paragraphs: int, seed: int = 3) -> str:
    """A long article of near-identical paragraphs: the worst case for phrase and block repetition."""
    rnd = random.Random(seed)
    body = "\n\n".join(" ".join(rnd.choice(WORDS) for _ in range(40)) + "." for _ in range(paragraphs))
    return f"# Things to buy\n\n{body}\n"


@pytest.fixture()
def ticking(monkeypatch: pytest.MonkeyPatch) -> None:
    """The budget's clock advances one second each time it is read (only the budget's clock)."""
    clock = itertools.count()
    monkeypatch.setattr(budget, "time", SimpleNamespace(monotonic=lambda: float(next(clock))))


def _two_files(tmp_path: Path, big: str) -> list[Path]:
    (tmp_path / "a-big.md").write_text(big)
    (tmp_path / "b-small.md").write_text(SMALL)
    return [tmp_path / "a-big.md", tmp_path / "b-small.md"]


@pytest.mark.parametrize("code", ["EL101", "EL103"])
def test_a_repetition_check_stops_inside_its_loop(tmp_path: Path, ticking: None, code: str) -> None:
    linter = Linter({"select": [code, "EL105"]})
    linter.time_budget = 40  # forty clock readings: the engine's first check passes, the loop's do not
    report = linter.lint_paths(_two_files(tmp_path, _generated(120)))
    big, small = report.files
    assert big.error is not None and big.path.endswith("a-big.md")
    assert "a-big.md" in big.error and "time budget of 40 s" in big.error
    assert big.error.endswith(f"rules not run: {code}, EL105")  # stopped inside the first rule
    assert small.error is None and [f.rule for f in small.findings] == ["EL105"]
    assert report.exit_code("never") == 2
    assert json.loads(render("json", report))["summary"]["files"] == 2


def test_without_a_budget_the_same_article_is_checked(tmp_path: Path, ticking: None) -> None:
    """The control: with room for every clock reading, both rules run on the big article."""
    linter = Linter({"select": ["EL101", "EL105"]})
    linter.time_budget = 10**9
    report = linter.lint_paths(_two_files(tmp_path, _generated(120)))
    assert [fr.error for fr in report.files] == [None, None]
    assert "repeated_phrases" in report.files[0].metrics  # the rules and the metrics all ran


def test_claims_extraction_stops_per_block(ticking: None) -> None:
    """The claims extraction loop (EL301-EL305 share it) polls the budget once per block and sentence."""
    text = "# Feeding\n\n" + "\n\n".join(
        f"Offer water from a cup at {m} months. Give solids before milk." for m in range(4, 16))
    linter = Linter({"select": ["EL301", "EL302"]})
    linter.time_budget = 10
    report = linter.lint_text(text, path="feeding.md")
    assert report.error is not None and report.error.endswith("rules not run: EL301, EL302")


def test_metrics_are_not_computed_after_the_budget(ticking: None) -> None:
    linter = Linter({"select": ["EL101"]})
    linter.time_budget = 40
    report = linter.lint_text(_generated(120), path="a.md")
    assert report.error is not None and "rules not run: EL101" in report.error
    assert "repeated_phrases" not in report.metrics


def test_checks_outside_the_engine_have_no_deadline() -> None:
    """A check called by a host or a test (no deadline open) never stops; a deadline is per context."""
    assert not budget.expired()
    budget.checkpoint()
    with budget.deadline(0.0, "x.md"):
        time.sleep(0.001)
        assert budget.expired()
        with pytest.raises(budget.BudgetExceeded, match=r"x\.md: over the time budget of 0 s"):
            budget.checkpoint()
    assert not budget.expired()


@check_type("slow-loop")
def _slow_loop(ctx: CheckContext) -> Iterator[Hit]:
    """A plug-in check whose loop would run 60 s, polling the budget as it goes."""
    end = time.monotonic() + 60
    while time.monotonic() < end:
        budget.checkpoint()
    yield from ()


def test_real_clock_a_slow_check_ends_within_the_budget(tmp_path: Path) -> None:
    sys.path.insert(0, str(Path(__file__).parent))
    import test_plugins

    reg = test_plugins._registry(tmp_path)
    reg.add_module(sys.modules[__name__])
    (tmp_path / "p.toml").write_text(test_plugins.RULE.format(code="EL695", name="slow", extra="").replace(
        'check = "shouting"', 'check = "slow-loop"'))
    reg.load_packs([tmp_path / "p.toml"])
    linter = Linter({"select": ["EL695", "EL105"]}, registry=reg)
    linter.time_budget = 0.5
    started = time.monotonic()
    report = linter.lint_paths(_two_files(tmp_path, SMALL))
    assert time.monotonic() - started < 30  # far below the loop's 60 s
    for fr in report.files:  # the other rule (run first) still reported its finding
        assert fr.error and "time budget of 0.5 s" in fr.error and fr.error.endswith("rules not run: EL695")
        assert [f.rule for f in fr.findings] == ["EL105"]
    assert report.exit_code("never") == 2


def test_real_clock_big_generated_article(tmp_path: Path) -> None:
    """A tiny real budget on a big article: that file is an error naming it and the budget, the next
    file is linted, exit code 2, and the JSON report holds both."""
    linter = Linter({"select": ["EL101", "EL103", "EL105"]})
    linter.time_budget = 0.01
    report = linter.lint_paths(_two_files(tmp_path, _generated(600)))
    big, small = report.files
    assert big.error is not None and "a-big.md: over the time budget of 0.01 s per file" in big.error
    assert "EL105" in big.error.split("rules not run:")[1]
    assert small.error is None or "time budget" in small.error  # a stalled machine may stop it too
    assert report.exit_code("never") == 2
    assert json.loads(render("json", report))["summary"]["files"] == 2


def test_claim_pairs_poll_the_budget() -> None:
    """EL302/EL303/EL305 compare every pair of claims of a kind: the pair loop polls the budget."""
    from editlint.checks.claims_checks import _pairs

    items: list[Any] = list(range(5))  # stand-ins: the loop never looks inside a claim
    assert len(list(_pairs(items))) == 10  # no deadline: every pair
    with budget.deadline(0.0, "pairs.md"):
        time.sleep(0.001)
        with pytest.raises(budget.BudgetExceeded):
            list(_pairs(items))


def test_a_budget_spent_by_the_rules_stops_the_metrics(ticking: None) -> None:
    """The rules ran (their findings kept), the metrics' own loops then ran out: named as not computed."""
    linter = Linter({"select": ["EL105"]})
    linter.time_budget = 2  # the engine's poll before the rule and the metric provider's own pass
    report = linter.lint_text(_generated(10) + "\nPack the the bag.\n", path="m.md")
    assert report.error is not None and report.error.endswith("metrics not computed: repetition")
    assert "EL105" in {f.rule for f in report.findings}
    assert "repeated_phrases" not in report.metrics


# -- configuring the budget: `time-budget` and `--time-budget` ----------------------------------------------
def test_the_configuration_key_sets_each_files_budget(tmp_path: Path, ticking: None) -> None:
    """Without a Linter-wide budget (the default), the file's configuration decides."""
    linter = Linter({"select": ["EL101", "EL105"], "time-budget": 40})
    assert linter.time_budget is None
    report = linter.lint_paths(_two_files(tmp_path, _generated(120)))
    big, small = report.files
    assert big.error is not None and "time budget of 40 s" in big.error
    assert small.error is None
    roomy = Linter({"select": ["EL101", "EL105"], "time-budget": 86_400})
    assert [fr.error for fr in roomy.lint_paths(_two_files(tmp_path, _generated(120))).files] == [None, None]


def test_a_hosts_budget_wins_over_the_configuration(ticking: None) -> None:
    linter = Linter({"select": ["EL101"], "time-budget": 86_400})
    linter.time_budget = 40
    report = linter.lint_text(_generated(120), path="a.md")
    assert report.error is not None and "time budget of 40 s" in report.error


@pytest.mark.parametrize("value", [0, -5, 0.0, float("inf"), float("nan"), 86_401, 1e9, "300", True])
def test_the_configuration_key_is_range_checked(value: object) -> None:
    from editlint.config import config_from_mapping
    from editlint.errors import ConfigError

    with pytest.raises(ConfigError, match="time-budget must be"):
        config_from_mapping({"time-budget": value}, source="pyproject.toml")


@pytest.mark.parametrize("value, seconds", [(1, 1.0), (12.5, 12.5), (86_400, 86_400.0)])
def test_the_configuration_key_accepts_seconds(value: float, seconds: float) -> None:
    from editlint.config import config_from_mapping

    assert config_from_mapping({"time-budget": value}, source="pyproject.toml").time_budget == seconds


def _check(tmp_path: Path, *flags: str) -> dict[str, Any]:
    from editlint.cli import main

    (tmp_path / "pyproject.toml").write_text(
        '[tool.editlint]\nselect = ["EL101", "EL105"]\ntime-budget = 86400\n')
    _two_files(tmp_path, _generated(120))
    out = tmp_path / "report.json"
    code = main(["check", str(tmp_path), "--format", "json", "--output", str(out), "--no-progress",
                 "--no-cache", "--jobs", "1", "--fail-on", "never", *flags])
    return {"code": code, "files": json.loads(out.read_text())["files"]}


def test_the_flag_overrides_the_configuration_file(tmp_path: Path, ticking: None) -> None:
    got = _check(tmp_path, "--time-budget", "40")
    assert got["code"] == 2
    big = next(f for f in got["files"] if f["path"].endswith("a-big.md"))
    assert "time budget of 40 s" in big["error"]
    assert all("error" not in f for f in got["files"] if f["path"].endswith("b-small.md"))


def test_without_the_flag_the_configuration_files_budget_holds(tmp_path: Path, ticking: None) -> None:
    got = _check(tmp_path)
    assert got["code"] == 0 and not any(f.get("error") for f in got["files"])


@pytest.mark.parametrize("value", ["0", "-1", "inf", "nan", "86401", "5m", ""])
def test_the_flag_refuses_what_the_key_refuses(value: str, capsys: pytest.CaptureFixture[str]) -> None:
    from editlint.cli import main

    with pytest.raises(SystemExit) as exc:
        main(["check", "--time-budget", value, "x.md"])
    assert exc.value.code == 2
    assert "--time-budget" in capsys.readouterr().err
