"""The command line: argument handling only; the work happens in the engine and the reporters."""

from __future__ import annotations

import argparse
import io
import os
import sys
from collections.abc import Sequence
from typing import Any

from ._version import __version__
from .errors import EditlintError

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
#: Report formats (kept in step with editlint.reporters.FORMATS, which a test checks).
FORMATS = ("text", "json", "sarif", "github", "junit", "markdown", "html")


def _split(values: list[str] | None) -> list[str] | None:
    if values is None:
        return None
    return [v.strip() for item in values for v in item.split(",") if v.strip()]


def _report_spec(value: str) -> tuple[str, str]:
    """``FORMAT:PATH`` for --report."""
    fmt, sep, path = value.partition(":")
    if not sep or not path:
        raise argparse.ArgumentTypeError(f"expected FORMAT:PATH (e.g. sarif:editlint.sarif), got {value!r}")
    if fmt not in FORMATS:
        raise argparse.ArgumentTypeError(f"unknown format {fmt!r} in {value!r} "
                                         f"(choose from {', '.join(FORMATS)})")
    return fmt, path


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="editlint", description="Lint parenting and child-health articles: "
                                "repetition, readability, contradictions, disclaimers.")
    p.add_argument("--version", action="version", version=f"editlint {__version__}")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    c = sub.add_parser("check", help="lint articles (files, folders, or - for stdin)")
    c.add_argument("paths", nargs="*", default=["."], metavar="PATH")
    c.add_argument("--format", choices=FORMATS, default="text", help="output format (default: text)")
    c.add_argument("--output", "-o", metavar="FILE", help="write the report to FILE instead of stdout")
    c.add_argument("--report", action="append", type=_report_spec, default=[], metavar="FORMAT:PATH",
                   help="also write a report in FORMAT to PATH (repeatable), e.g. --report sarif:out.sarif "
                   "--report html:out.html")
    c.add_argument("--baseline", metavar="FILE",
                   help="report and fail only on findings not recorded in this baseline file")
    c.add_argument("--write-baseline", metavar="FILE",
                   help="record this run's findings as a baseline in FILE (the run then exits 0 unless an "
                   "article could not be linted)")
    c.add_argument("--since", metavar="REF",
                   help="lint only the articles changed against git REF (committed, uncommitted and "
                   "untracked; from the merge base of REF and HEAD)")
    c.add_argument("--fail-on", choices=("error", "warning", "info", "never"),
                   help="lowest severity that makes the exit code 1 (default: error, or fail-on in config)")
    c.add_argument("--select", action="append", metavar="RULES",
                   help="rules to enable (codes, prefixes, slugs, categories; comma-separated); replaces "
                   "the configuration's select")
    c.add_argument("--extend-select", action="append", metavar="RULES", help="rules to enable in addition")
    c.add_argument("--ignore", action="append", metavar="RULES",
                   help="rules to disable, in addition to the configuration's ignore")
    c.add_argument("--config", metavar="PATH", help="use this configuration file (no discovery)")
    c.add_argument("--follow-links", action="store_true",
                   help="when walking folders, also lint symlinks to files and folders outside them "
                   "(skipped by default, so a committed link cannot pull other files into a report)")
    c.add_argument("--stdin-filename", metavar="NAME", help="name (and so format) of the article read from -")
    c.add_argument("--fix", action="store_true",
                   help="apply the safe fixes findings carry (see the README's Fixes section)")
    c.add_argument("--unsafe-fixes", action="store_true",
                   help="with --fix or --diff, also apply unsafe fixes (spelling, grammar, wording)")
    c.add_argument("--diff", action="store_true",
                   help="print a unified diff of what --fix would change and write nothing (exit 1 if any)")
    c.add_argument("--show-fixes", action="store_true", help="list the fixes applied to each file")
    c.add_argument("--explain-claims", action="store_true",
                   help="add the claims extracted from each article to the report's metrics")
    c.add_argument("--quiet", "-q", action="store_true", help="only the finding lines and the totals")
    c.add_argument("--statistics", action="store_true", help="show counts per rule")
    c.add_argument("--color", choices=("auto", "always", "never"), default="auto",
                   help="colour the text output (auto: on a terminal, never with NO_COLOR)")
    c.add_argument("--no-progress", action="store_true", help="no progress bar")
    c.add_argument("--force-exclude", action="store_true",
                   help="apply exclude also to files named on the command line (as the pre-commit hook does)")
    c.add_argument("--executor", type=_executor_spec, default=None, metavar="local|dask[:ADDRESS]",
                   help="where articles are linted: local (default, see --jobs) or dask (a local Dask "
                   "cluster, or the scheduler at ADDRESS; see docs/archives.md)")
    c.add_argument("--jobs", "-j", type=_jobs, default=None, metavar="N",
                   help="worker processes for the local executor (default: EDITLINT_JOBS, else the "
                   "machine's cores; 1 for a single file); 1 lints in this process")
    c.add_argument("--time-budget", type=_time_budget, default=None, metavar="SECONDS",
                   help="seconds of checking per file (default: time-budget in the configuration, else 300); "
                   "a file that runs out gets a per-file error naming the rules not run (exit 2)")
    c.add_argument("--no-cache", action="store_true",
                   help="neither read nor write the run cache (the reports of unchanged articles, kept "
                   "between runs)")
    c.add_argument("--cache-dir", metavar="DIR",
                   help="where the run cache lives (default: cache-dir in the configuration, else "
                   ".editlint_cache beside the configuration file, else in the current folder)")

    r = sub.add_parser("rules", help="list the rules")
    r.add_argument("--format", choices=("table", "json", "markdown"), default="table")
    r.add_argument("--config", metavar="PATH", help="include rule packs named in this configuration")

    e = sub.add_parser("explain", help="explain one rule")
    e.add_argument("code", metavar="CODE")
    e.add_argument("--config", metavar="PATH")

    s = sub.add_parser("schema", help="print or write the JSON Schemas of rule packs, data files and the "
                       "configuration (for editors)")
    s.add_argument("name", nargs="?", default="rule-pack", metavar="NAME",
                   help="rule-pack (default), config, or data-NAME; --list shows them")
    s.add_argument("--write", metavar="DIR", help="write every schema as DIR/NAME.json")
    s.add_argument("--list", action="store_true", help="list the schema names")
    s.add_argument("--config", metavar="PATH", help="include check types and packs of this configuration")

    lsp = sub.add_parser("server", help="run the language server for editors (LSP over stdio; see "
                         "docs/editors.md)")
    lsp.add_argument("--stdio", action="store_true", help="talk LSP over stdin/stdout (the default)")
    lsp.add_argument("--tcp", metavar="HOST:PORT", help="listen on a TCP port for an editor that connects "
                     "to it instead (e.g. 127.0.0.1:2087)")
    return p


def _exit_without_collecting() -> None:
    """A command-line run is one short process: at exit the interpreter's last garbage collections would
    walk the whole heap (spaCy's pipeline, the dictionaries: half a second of a one-article run, a sixth of
    it) only to free what the process gives back anyway. Freezing it first skips that walk; ``atexit``
    still runs every other handler, and files are flushed and closed as before. Registered once."""
    import atexit
    import gc

    atexit.unregister(gc.freeze)
    atexit.register(gc.freeze)


def main(argv: Sequence[str] | None = None) -> int:
    _exit_without_collecting()
    if argv is None:  # the command line itself (a caller passing arguments keeps its own ``re``)
        from .regexcache import install

        install()
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help(sys.stderr)
        return EXIT_ERROR
    try:
        if args.command == "rules":
            return cmd_rules(args)
        if args.command == "explain":
            return cmd_explain(args)
        if args.command == "schema":
            return cmd_schema(args)
        if args.command == "server":
            return cmd_server(args.tcp)
        return cmd_check(args)
    except EditlintError as exc:
        print(f"editlint: error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("editlint: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except Exception as exc:  # no traceback for users; EDITLINT_DEBUG=1 shows it
        if os.environ.get("EDITLINT_DEBUG"):
            raise
        print(f"editlint: internal error: {type(exc).__name__}: {exc} (set EDITLINT_DEBUG=1 for details "
              "and please report it)", file=sys.stderr)
        return EXIT_ERROR


def _registry(config_path: str | None) -> Any:
    from .config import default_config, load_config

    cfg = load_config(config_path) if config_path else default_config()
    return cfg.registry()


def _rules_config(config_path: str | None) -> Any:
    """The configuration `rules` reports against: ``--config``, else the one found from this folder."""
    from .config import config_for_path, load_config

    return load_config(config_path) if config_path else config_for_path(None)


def cmd_rules(args: argparse.Namespace) -> int:
    import json

    cfg = _rules_config(args.config)
    reg = cfg.registry()
    rules = reg.sorted_rules()
    enabled = set(cfg.enabled_rules(reg))
    configured = {r.code: cfg.severity_for(r.code, r.severity).value for r in rules}
    if args.format == "json":
        print(json.dumps([{"code": r.code, "name": r.name, "category": r.category,
                           "severity": r.severity.value, "enabled": r.enabled, "summary": r.summary,
                           "check": r.check, "configured_severity": configured[r.code],
                           "configured_enabled": r.code in enabled} for r in rules], indent=2))
    elif args.format == "markdown":
        print(rules_markdown(rules))
    else:
        where = cfg.path or "defaults (no configuration file found)"
        print(f"{'code':<6} {'slug':<32} {'category':<14} {'default':<8} {'here':<9} summary")
        for r in rules:
            flag = "" if r.enabled else " (off by default)"
            here = configured[r.code] if r.code in enabled else "off"
            print(f"{r.code:<6} {r.name:<32} {r.category:<14} {r.severity.value:<8} {here:<9} "
                  f"{r.summary}{flag}")
        print(f"\n'default' is the rule's built-in severity; 'here' is what a check run uses with {where}.")
    return EXIT_OK


def rules_markdown(rules: Sequence[Any]) -> str:
    """The README's rule table (kept true by a test)."""
    lines = ["| code | slug | category | default severity | what it flags |",
             "| --- | --- | --- | --- | --- |"]
    for r in rules:
        off = " (off by default)" if not r.enabled else ""
        lines.append(f"| {r.code} | `{r.name}` | {r.category} | {r.severity.value} | {r.summary}{off} |")
    return "\n".join(lines)


def cmd_explain(args: argparse.Namespace) -> int:
    reg = _registry(args.config)
    try:
        rule = reg.get(args.code)
    except KeyError:
        print(f"editlint: error: unknown rule {args.code!r} (see `editlint rules`)", file=sys.stderr)
        return EXIT_ERROR
    print(rule.explain())
    return EXIT_OK


def cmd_schema(args: argparse.Namespace) -> int:
    import json
    from pathlib import Path

    from .config import json_schemas

    schemas = json_schemas(_registry(args.config))
    if args.list:
        print("\n".join(name.removesuffix(".json") for name in schemas))
        return EXIT_OK
    if args.write:
        folder = Path(args.write)
        folder.mkdir(parents=True, exist_ok=True)
        for name, body in schemas.items():
            text = json.dumps(body, indent=2, ensure_ascii=False) + "\n"
            (folder / name).write_text(text, encoding="utf-8")
        print(f"editlint: wrote {len(schemas)} schemas to {folder}", file=sys.stderr)
        return EXIT_OK
    schema = schemas.get(f"{args.name}.json")
    if schema is None:
        print(f"editlint: error: unknown schema {args.name!r} (see `editlint schema --list`)",
              file=sys.stderr)
        return EXIT_ERROR
    print(json.dumps(schema, indent=2, ensure_ascii=False))
    return EXIT_OK


def cmd_server(tcp: str | None = None) -> int:
    """``editlint server``: pygls comes with the ``server`` extra; without it, one line says so."""
    try:
        from .server import main as serve
    except ImportError as exc:
        print(f"editlint: error: the language server needs {exc.name or 'pygls'}: "
              "pip install 'editlint[server]'", file=sys.stderr)
        return EXIT_ERROR
    return serve(tcp)


def cmd_check(args: argparse.Namespace) -> int:
    import time

    started = time.time()
    request = _warm_request(args)
    if request is not None:
        done = _warm_check(args, request)
        if done is not None:
            return done
    from .config import load_config
    from .findings import RunReport

    explicit = load_config(args.config) if args.config else None
    linter = _linter(args, explicit)
    probe = linter.config_for(None)
    stdin_name = args.stdin_filename

    baseline = None
    if args.baseline:
        from . import baseline as _baseline

        baseline = _baseline.load(args.baseline)

    report = RunReport(version=__version__)
    walked = linter.collect(args.paths, since=args.since)
    files = _force_exclude(linter, walked.files) if args.force_exclude else walked.files
    report.warnings.extend(walked.warnings)
    report.errors.extend(walked.errors)
    if args.since and not files:
        print(f"editlint: no changed articles since {args.since}", file=sys.stderr)
    _lint_with_progress(linter, files, report, args)

    if args.diff:
        return _diff(linter, report, args)
    if args.fix:
        from .fixes import fix_report

        piped = {stdin_name or "-"} if "-" in files else set()
        _print_fixes(fix_report(linter, report, unsafe=args.unsafe_fixes, read_only=piped), report, args)

    written = _apply_baselines(report, baseline, args)
    _print_notes(report)
    if not files and not report.files and not args.since and not (args.force_exclude and walked.files):
        print("editlint: warning: no articles to lint", file=sys.stderr)

    fail_on = args.fail_on or (explicit.fail_on if explicit else linter.config_for(None).fail_on)
    if not _write_reports(report, args, fail_on, probe.registry()):
        return EXIT_ERROR
    if request is not None and linter.cache is not None and not report.has_errors:
        from .cache import remember

        remember(linter.cache, request, linter, args.paths, files, started)
    if written is not None and not report.has_errors:
        return EXIT_OK
    return report.exit_code(fail_on)


def _warm_request(args: argparse.Namespace) -> Any:
    """What the warm path (editlint.cache.warm_reports) is asked, or None when this run cannot take it:
    no cache, fixes, git, baselines, standard input, Dask, or a report that needs the rules' metadata."""
    formats = {args.format, *(fmt for fmt, _ in args.report)}
    if any((args.no_cache, os.environ.get("EDITLINT_NO_CACHE", "") not in ("", "0"), args.fix, args.diff,
            args.since, args.baseline, args.write_baseline, args.force_exclude, args.executor is not None,
            "-" in args.paths, formats & {"sarif", "html"})):
        return None
    from .cache import WarmRequest

    return WarmRequest(cwd=os.getcwd(), config=args.config, overrides=_overrides(args),
                       extend_select=tuple(_split(args.extend_select) or ()),
                       ignore=tuple(_split(args.ignore) or ()))


def _warm_check(args: argparse.Namespace, request: Any) -> int | None:
    """``check`` answered from the run cache alone when every file hits (neither the configuration's
    models, the rules, the readers nor spaCy imported); None: run the ordinary way."""
    from .cache import guess_cache_root, warm_reports
    from .findings import RunReport

    given = args.cache_dir or os.environ.get("EDITLINT_CACHE_DIR")
    root = given or guess_cache_root(args.config, request.cwd)
    if root is None:
        return None
    warm = warm_reports(request, root, args.paths, follow_links=args.follow_links, root_given=bool(given))
    if warm is None:
        return None
    report = RunReport(version=__version__, files=warm.reports)
    _print_notes(report)
    fail_on = args.fail_on or warm.fail_on
    if not _write_reports(report, args, fail_on, None):
        return EXIT_ERROR
    return report.exit_code(fail_on)


def _force_exclude(linter: Any, files: Sequence[str]) -> list[str]:
    """--force-exclude: drop named files that the configuration's exclude globs match (as when walking),
    matched relative to the configuration file's folder."""
    from pathlib import Path

    kept = []
    for name in files:
        cfg = linter.config_for(None if name == "-" else name)
        path = Path(name)
        if cfg.path and name != "-":
            try:
                path = path.resolve().relative_to(Path(cfg.path).resolve().parent)
            except (ValueError, OSError):
                pass
        if name == "-" or not cfg.is_excluded(path):
            kept.append(name)
    return kept


def _overrides(args: argparse.Namespace) -> dict[str, Any]:
    """Flags that replace configuration values (--select, …): one place, for the Linter and for the
    warm path's request (editlint.cache.WarmRequest), which must name every one of them."""
    overrides: dict[str, Any] = {}
    select = _split(args.select)
    if select is not None:
        overrides["select"] = tuple(select)
    if args.explain_claims:
        overrides["flags"] = frozenset({"explain-claims"})
    if args.time_budget is not None:
        overrides["time_budget"] = args.time_budget
    return overrides


def _linter(args: argparse.Namespace, explicit: Any) -> Any:
    """The Linter for ``check``: flags as overrides (--select) and additions (--extend-select, --ignore)."""
    from .engine import Linter

    overrides = _overrides(args)
    extend, ignore = _split(args.extend_select), _split(args.ignore)
    linter = Linter(explicit, overrides=overrides, extend_select=extend or (), extend_ignore=ignore or (),
                    stdin_filename=args.stdin_filename, follow_links=args.follow_links)
    linter.validate()  # a typo in a selector is a usage error, not a per-file one
    if not args.no_cache and os.environ.get("EDITLINT_NO_CACHE", "") in ("", "0"):
        from .cache import RunCache, default_cache_dir

        folder = args.cache_dir or os.environ.get("EDITLINT_CACHE_DIR")
        linter.cache = RunCache(folder or default_cache_dir(explicit or linter.config_for(None)))
    return linter


def _lint_with_progress(linter: Any, files: Sequence[str], report: Any, args: argparse.Namespace) -> None:
    progress = _progress(len(files), args)
    if args.executor is None:
        reports = _local_reports(linter, files, args)
    else:
        reports = _dask_reports(linter, files, args)
    for fr in reports:
        report.files.append(fr)
        if progress is not None:
            progress.update(1)
    if progress is not None:
        progress.close()


def _time_budget(value: str) -> float:
    """``--time-budget``: seconds, above 0 and at most a day (the configuration key's range)."""
    from .budget import budget_problem

    try:
        seconds = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number of seconds, got {value!r}") from None
    problem = budget_problem(seconds, "--time-budget")
    if problem:
        raise argparse.ArgumentTypeError(problem)
    return seconds


def _jobs(value: str) -> int:
    """``--jobs``: a whole number of at least 1."""
    try:
        jobs = int(value)
    except ValueError:
        jobs = 0
    if jobs < 1:
        raise argparse.ArgumentTypeError(f"expected a number of worker processes (1 or more), got {value!r}")
    return jobs


def _local_reports(linter: Any, files: Sequence[str], args: argparse.Namespace) -> Any:
    """The reports of the local executor: this process for one job (or one file), else a process pool."""
    if args.jobs == 1 or len(files) <= 1 or "-" in files:
        return linter.lint_many(files)  # without importing multiprocessing (a cold one-file run)
    from .executors.local import LocalExecutor, default_jobs

    env = os.environ.get("EDITLINT_JOBS", "")
    jobs = args.jobs or (int(env) if env.isdigit() and int(env) > 0 else default_jobs())
    if jobs == 1:
        return linter.lint_many(files)
    return LocalExecutor(jobs).run(linter.spec(), files)


def _executor_spec(value: str) -> tuple[str, str | None] | None:
    """``--executor``: None for local, else ("dask", scheduler address or None for a local cluster)."""
    if value == "local":
        return None
    name, sep, address = value.partition(":")
    if name != "dask":
        raise argparse.ArgumentTypeError(f"unknown executor {value!r} (expected local, dask or dask:ADDRESS)")
    if sep and not address.strip():
        raise argparse.ArgumentTypeError("expected a scheduler address after 'dask:' (dask:tcp://HOST:8786)")
    return name, address.strip() or None


def _dask_reports(linter: Any, files: Sequence[str], args: argparse.Namespace) -> Any:
    """The reports of ``--executor dask``: dask comes with the ``dask`` extra; without it, one line."""
    try:
        from .executors.dask import DaskExecutor
    except ImportError as exc:
        raise EditlintError(f"--executor dask needs {exc.name or 'distributed'}: "
                            "pip install 'editlint[dask]'") from None
    return DaskExecutor(args.executor[1]).run(linter.spec(), files)


def _apply_baselines(report: Any, baseline: Any, args: argparse.Namespace) -> int | None:
    """--write-baseline (returns how many findings were written) and --baseline (stale entries noted)."""
    from . import baseline as _baseline

    written = None
    if args.write_baseline:
        written = _baseline.write(report, args.write_baseline)
        print(f"editlint: wrote {written} finding{'s' if written != 1 else ''} to the baseline "
              f"{args.write_baseline}", file=sys.stderr)
    if baseline is not None:
        stale = _baseline.apply(report, baseline)
        if stale:
            print(f"editlint: note: {len(stale)} baseline entr{'ies' if len(stale) != 1 else 'y'} in "
                  f"{args.baseline} no longer match a finding (fixed, or the text changed):", file=sys.stderr)
            for en in stale[:20]:
                print(f"    {en.path}: {en.rule} {en.message}", file=sys.stderr)
            if len(stale) > 20:
                print(f"    … and {len(stale) - 20} more (see \"baseline\" in the JSON report)",
                      file=sys.stderr)
    return written


def _print_notes(report: Any) -> None:
    for w in report.warnings:
        print(f"editlint: warning: {_printable(w)}", file=sys.stderr)
    for e in report.errors:
        print(f"editlint: error: {_printable(e)}", file=sys.stderr)
    for fr in report.files:
        if fr.error:
            print(f"editlint: error: {_printable(fr.error)}", file=sys.stderr)
        for d in fr.diagnostics:
            print(f"editlint: {_printable(d)}", file=sys.stderr)


def _write_reports(report: Any, args: argparse.Namespace, fail_on: str, registry: Any) -> bool:
    """--report files, then the main output (stdout or --output); False when a file cannot be written."""
    from .reporters import render

    for fmt, path in args.report:
        body = render(fmt, report, colour=False, quiet=args.quiet, statistics=args.statistics,
                      fail_on=fail_on, registry=registry)
        try:
            with open(path, "w", encoding="utf-8", errors="backslashreplace") as fh:
                fh.write(body)
        except OSError as exc:
            print(f"editlint: error: {path}: cannot write the {fmt} report: {exc.strerror}", file=sys.stderr)
            return False
    text = render(args.format, report, colour=_use_colour(args) and not args.output, quiet=args.quiet,
                  statistics=args.statistics, fail_on=fail_on, registry=registry)
    if args.output:
        try:
            with open(args.output, "w", encoding="utf-8", errors="backslashreplace") as fh:
                fh.write(text)
        except OSError as exc:
            print(f"editlint: error: {args.output}: cannot write the report: {exc.strerror}", file=sys.stderr)
            return False
    else:
        if isinstance(sys.stdout, io.TextIOWrapper):  # a stray undecodable byte never ends the run
            sys.stdout.reconfigure(errors="backslashreplace")
        sys.stdout.write(text)
        sys.stdout.flush()
    return True


def _printable(text: str) -> str:
    """A file name or message fit for one terminal line: control characters and undecodable bytes
    escaped (see :func:`editlint.reporters._common.printable`)."""
    from .reporters._common import printable

    return printable(text)


def _fix_counts(applied: Sequence[Any]) -> str:
    from collections import Counter

    counts = Counter((f.rule, f.name) for f in applied)
    return "".join(f"    {n} × {rule} ({name})\n" for (rule, name), n in sorted(counts.items()))


def _print_fixes(results: Sequence[Any], report: Any, args: argparse.Namespace) -> None:
    """One line per fixed file on stderr (with --show-fixes, the rules fixed in it); files that could
    not be written carry their error in the report, printed with the other errors."""
    from .fixes import FixStatus, fixable

    for r in results:
        if r.status is FixStatus.FIXED:
            n = len(r.applied)
            print(f"editlint: fixed {_printable(r.path)} ({n} fix{'es' if n != 1 else ''})", file=sys.stderr)
            if args.show_fixes:
                sys.stderr.write(_fix_counts(r.applied))
        elif r.status is FixStatus.WOULD_FIX:
            print("editlint: standard input is never written; see its fixes with --diff", file=sys.stderr)
    if not args.unsafe_fixes:
        hidden = sum(1 for f in report.findings if fixable(f, unsafe=True) and not fixable(f))
        if hidden:
            print(f"editlint: {hidden} unsafe fix{'es' if hidden != 1 else ''} not applied (review them with "
                  "--diff --unsafe-fixes)", file=sys.stderr)


def _diff(linter: Any, report: Any, args: argparse.Namespace) -> int:
    """--diff: the unified diff of what --fix (with --unsafe-fixes: also unsafe fixes) would change."""
    from .fixes import FixStatus, fix_report

    results = fix_report(linter, report, unsafe=args.unsafe_fixes, write=False)  # writes nothing
    changed = [r for r in results if r.changed]
    for r in changed:
        sys.stdout.write(r.diff())
        if args.show_fixes:
            print(f"editlint: would fix {_printable(r.path)}:", file=sys.stderr)
            sys.stderr.write(_fix_counts(r.applied))
    for r in results:
        if r.status is FixStatus.ERROR:
            print(f"editlint: {_printable(r.path)}: {r.message}", file=sys.stderr)
    for fr in report.files:
        if fr.error:
            print(f"editlint: error: {fr.error}", file=sys.stderr)
    sys.stdout.flush()
    n = len(changed)
    print(f"editlint: {n} file{'s' if n != 1 else ''} would be changed", file=sys.stderr)
    if report.has_errors or any(r.status is FixStatus.ERROR for r in results):
        return EXIT_ERROR
    return EXIT_FINDINGS if changed else EXIT_OK


def _use_colour(args: argparse.Namespace) -> bool:
    if args.color == "always":
        return True
    if args.color == "never" or os.environ.get("NO_COLOR"):
        return False
    return sys.stdout.isatty()


def _progress(total: int, args: argparse.Namespace) -> Any:
    if args.no_progress or total < 10 or not sys.stderr.isatty():
        return None
    from tqdm import tqdm

    return tqdm(total=total, unit="article", file=sys.stderr, leave=False)
