"""The engine: read articles, annotate them in batches, run the enabled checks, build reports.

Checks are pure; the engine owns everything around them — configuration per file, rule selection,
severity overrides, position mapping (through the document model), fingerprints, suppressions and
sorting. One :class:`Linter` keeps one loaded spaCy pipeline for any number of articles.
"""

from __future__ import annotations

import hashlib
import os
import re
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from . import blockcache, budget, segment
from ._version import __version__
from .api import CheckType, Diagnostic, Hit, Metric, MetricProvider, Result, Span
from .cache import RunCache
from .config import DEFAULT_MODEL, Config, config_for_path, config_from_mapping
from .context import CheckContext
from .document import Block, BlockKind, Document
from .errors import ConfigError, EditlintError, InputError, ModelError
from .findings import FileReport, Finding, LintedSource, Related, RunReport
from .nlp import Annotations, BlockSelector, components_for
from .readers import read
from .rules import Registry, Rule
from .source import DEFAULT_MAX_BYTES, Source, decode, format_for, read_path
from .suppressions import apply_suppressions, parse_suppressions
from .walk import Walk, walk

if TYPE_CHECKING:
    from .executors import LinterSpec

#: Articles parsed together in one ``nlp.pipe`` stream.
DOCS_PER_BATCH = 8
#: Seconds of checking one file may take before its remaining rules are given up (a per-file error).
TIME_BUDGET = budget.DEFAULT_SECONDS

ArticleInput = str | os.PathLike[str] | Source


@dataclass
class _Job:
    label: str
    config: Config
    registry: Registry
    codes: list[str]
    doc: Document | None = None
    report: FileReport | None = None
    cache_key: str | None = None


class Linter:
    """Lint many articles with one configuration policy and one loaded NLP pipeline.

    ``config`` may be a :class:`Config`, a mapping shaped like ``[tool.editlint]``, or None to discover
    the configuration file of each article (as the command line does). ``registry`` replaces the one the
    configuration would build (its packs) for every article: a host that made its own registry (extra
    check types, packs) passes it here.
    """

    def __init__(self, config: Config | Mapping[str, Any] | None = None, *,
                 overrides: Mapping[str, Any] | None = None, registry: Registry | None = None,
                 extend_select: Sequence[str] = (), extend_ignore: Sequence[str] = (),
                 stdin_filename: str | None = None, follow_links: bool = False,
                 keep_documents: bool = False, cache: RunCache | str | os.PathLike[str] | None = None
                 ) -> None:
        if config is not None and not isinstance(config, Config):
            config = config_from_mapping(config, source="<config>", registry=registry)
        self.config = config
        self.registry = registry
        self.overrides = dict(overrides or {})
        #: added to each file's own extend-select / ignore (``--extend-select``, ``--ignore``)
        self.extend_select = tuple(extend_select)
        self.extend_ignore = tuple(extend_ignore)
        #: the name (and so the format and configuration) of the article read from ``-``
        self.stdin_filename = stdin_filename
        #: follow symlinks that leave a walked folder (``--follow-links``); off, they are skipped with a note
        self.follow_links = follow_links
        #: seconds of checking per file; the rules left when it runs out are not run (a per-file error).
        #: None: each file's configuration (``time-budget``, default TIME_BUDGET) decides
        self.time_budget: float | None = None
        #: reports keep the whole Document (blocks, parses) instead of a LintedSource: for hosts and tests
        #: that inspect the analysis; off, memory stays flat over a run and reports pickle
        self.keep_documents = keep_documents
        #: the run cache (see :mod:`editlint.cache`): reports of unchanged articles are reused
        self.cache = cache if isinstance(cache, RunCache) or cache is None else RunCache(cache)
        self._ann_cache: dict[tuple[str, frozenset[str], int], Annotations] = {}
        #: per-block results kept across lints (see :mod:`editlint.blockcache`): a long-lived host that
        #: lints the same article again and again (the language server) sets one; None keeps nothing
        self.block_cache: blockcache.BlockCache | None = None

    # -- configuration ----------------------------------------------------------------------------
    def config_for(self, path: str | None) -> Config:
        cfg = config_for_path(path, self.config)
        if self.overrides:
            cfg = cfg.replace(**self.overrides)
        if self.extend_select or self.extend_ignore:
            cfg = cfg.replace(extend_select=cfg.extend_select + self.extend_select,
                              ignore=cfg.ignore + self.extend_ignore)
        return cfg

    def validate(self) -> None:
        """Fail now (a ConfigError) on unknown selectors, rather than once per article."""
        cfg = self.config_for(None)
        registry = self.registry or cfg.registry()
        # Selectors given here (the command line's) are checked first, so a typo is blamed on its flag,
        # not on whichever configuration file the run happened to find.
        given = (("--select", self.overrides.get("select") or ()), ("--extend-select", self.extend_select),
                 ("--ignore", self.extend_ignore))
        for flag, selectors in given:
            for selector in selectors:
                try:
                    registry.resolve(selector)
                except KeyError:
                    raise ConfigError(f"{flag}: unknown rule code, slug or category {selector!r} "
                                      "(see `editlint rules`)") from None
        cfg.enabled_rules(registry)

    # -- public entry points ----------------------------------------------------------------------
    def lint_text(self, text: str, *, path: str | None = None, fmt: str | None = None) -> FileReport:
        """Lint one article given as text; ``fmt`` (markdown, html, text) defaults from ``path``."""
        cfg = self.config_for(path)
        try:
            source = decode(text.encode("utf-8"), path, format_for(path, fmt), cfg.max_file_size)
        except InputError as exc:
            return FileReport(path=path or "<text>", error=str(exc))
        return next(self.lint_many([source]))

    def lint_paths(self, paths: Iterable[str | os.PathLike[str]], *, since: str | None = None
                   ) -> RunReport:
        """Lint files and folders (walked with include/exclude), or with ``since`` only the articles
        under them changed against that git ref; returns the run report."""
        walked = self.collect(paths, since=since)
        report = RunReport(version=__version__)
        report.warnings.extend(walked.warnings)
        report.errors.extend(walked.errors)
        report.files.extend(self.lint_many(walked.files))
        return report

    def files_for(self, paths: Iterable[str | os.PathLike[str]], *, since: str | None = None
                  ) -> tuple[list[str], list[str]]:
        """The articles a run lints and the warnings found on the way (errors among them; see
        :meth:`collect`, which keeps them apart). ``-`` stands for standard input."""
        walked = self.collect(paths, since=since)
        return walked.files, walked.warnings + walked.errors

    def collect(self, paths: Iterable[str | os.PathLike[str]], *, since: str | None = None) -> Walk:
        """The articles a run lints: folders walked (see :mod:`editlint.walk`), or with ``since`` the
        changed articles (see :mod:`editlint.gitdiff`); notes, and errors that make the run exit 2."""
        names = [os.fspath(p) for p in paths]
        if since is not None:
            from .gitdiff import changed_articles

            files, warnings = changed_articles(since, names, self.config_for)
            return Walk(files, warnings)
        out = Walk()
        for p in names:
            found = self._expand(p)
            out.files.extend(found.files)
            out.warnings.extend(found.warnings)
            out.errors.extend(found.errors)
        return out

    def lint_many(self, items: Iterable[ArticleInput]) -> Iterator[FileReport]:
        """Stream reports for many articles; NLP runs in batches of blocks through one pipeline."""
        batch: list[_Job] = []
        for item in items:
            batch.append(self._prepare(item))
            if len(batch) >= DOCS_PER_BATCH:
                yield from self._run_batch(batch)
                batch = []
        if batch:
            yield from self._run_batch(batch)

    # -- files ------------------------------------------------------------------------------------
    def expand(self, path: str) -> tuple[list[str], str | None]:
        """Files to lint for a command-line path; a warning text when a folder holds no article."""
        found = self._expand(path)
        problems = found.errors + found.warnings
        return found.files, (problems[0] if problems else None)

    def _expand(self, path: str) -> Walk:
        p = Path(path)
        try:
            is_dir = path != "-" and p.is_dir()
        except OSError:  # a name too long, say: reading it reports the problem for this file
            is_dir = False
        if not is_dir:
            return Walk([path])
        cfg = self.config_for(str(p / "_"))
        found = walk(p, lambda fp: cfg.is_included(fp) and not cfg.is_excluded(Path(fp.name)),
                     cfg.is_excluded, follow_links=self.follow_links)
        if not found.files and not found.errors:
            found.warnings.append(f"{path}: no articles found (looked for {', '.join(cfg.include)}; "
                                  "see include/exclude in the configuration)")
        return found

    def cached(self, item: ArticleInput) -> FileReport | None:
        """The run cache's report for ``item`` when it holds one, else None (an executor asks before
        sending the article to a worker). Reads the file, never parses it."""
        if self.cache is None or self.keep_documents or (not isinstance(item, Source) and item == "-"):
            return None  # standard input can be read once only
        job = self._prepare(item, parse=False)
        return job.report if job.report is not None and job.report.error is None else None

    def _prepare(self, item: ArticleInput, *, parse: bool = True) -> _Job:
        label = item.path if isinstance(item, Source) else os.fspath(item)
        label = label or "<text>"
        stdin = label == "-"
        if stdin and self.stdin_filename:
            label = self.stdin_filename
        try:
            cfg = self.config_for(None if label in ("-", "<text>") else label)
            registry = self.registry or cfg.registry()
            codes = cfg.enabled_rules(registry, label)
        except ConfigError as exc:
            return _Job(label, Config(), Registry(), [], report=FileReport(path=label, error=str(exc)))
        job = _Job(label, cfg, registry, codes)
        try:
            if isinstance(item, Source):
                source = item
            elif stdin:
                source = read_stdin(self.stdin_filename, cfg.max_file_size)
            else:
                source = read_path(label, max_bytes=cfg.max_file_size)
            if not self._cached(job, source) and parse:
                job.doc = read(source)
                segment.use(job.doc, segmentation(registry))
        except EditlintError as exc:
            job.report = FileReport(path="-" if stdin else label, error=str(exc))
        except Exception as exc:  # a reader bug fails this file only, never the run
            job.report = FileReport(path="-" if stdin else label, error=_internal(label, "reading", exc))
        return job

    def _cached(self, job: _Job, source: Source) -> bool:
        """Look the article up in the run cache; a hit is the job's report (nothing read, parsed or
        checked: spaCy is not even imported)."""
        if self.cache is None or self.keep_documents:
            return False
        job.cache_key = self.cache.key(job.label, source, job.config, job.registry, job.codes)
        hit = self.cache.get(job.cache_key, source)
        if hit is None:
            return False
        hit.path = job.label
        job.report = hit
        return True

    def spec(self) -> LinterSpec:
        """The picklable arguments that rebuild this Linter in another process (an executor's worker).
        A host's own Registry object cannot travel: such a Linter lints in its own process only."""
        from .executors import LinterSpec

        if self.registry is not None:
            raise ValueError("a Linter with its own registry cannot be rebuilt in another process")
        return LinterSpec(config=self.config, overrides=dict(self.overrides),
                          extend_select=self.extend_select, extend_ignore=self.extend_ignore,
                          follow_links=self.follow_links, time_budget=self.time_budget,
                          cache_dir=None if self.cache is None else str(self.cache.root))

    # -- checking ---------------------------------------------------------------------------------
    def _needs(self, job: _Job) -> frozenset[str]:
        return nlp_needs(job.registry, job.codes)

    def _annotations(self, cfg: Config, needs: frozenset[str]) -> Annotations:
        key = (cfg.model, needs, cfg.batch_size)
        if key not in self._ann_cache:
            self._ann_cache[key] = Annotations(cfg.model, needs, cfg.batch_size)
        return self._ann_cache[key]

    def _run_batch(self, jobs: list[_Job]) -> Iterator[FileReport]:
        groups: dict[tuple[str, frozenset[str], int], list[_Job]] = {}
        for job in jobs:
            if job.report is None and job.doc is not None:
                needs = self._needs(job)
                if needs:
                    groups.setdefault((job.config.model, needs, job.config.batch_size), []).append(job)
        for (_model, needs, _bs), group in groups.items():
            ann = self._annotations(group[0].config, needs)
            try:
                ann.annotate([j.doc for j in group if j.doc is not None], parse_selector(group))
            except ModelError as exc:
                for j in group:
                    j.report = FileReport(path=j.label, error=str(exc))
            except Exception:  # one article broke the pipeline: annotate one by one to find it
                self._annotate_each(ann, group)
        for job in jobs:
            if job.report is None and job.doc is not None:
                try:
                    job.report = self._check(job)
                except Exception as exc:  # suppressions, placing: this file fails, the run goes on
                    job.report = FileReport(path=job.label, error=_internal(job.label, "checking", exc))
                if self.cache is not None and job.cache_key is not None:
                    self.cache.put(job.cache_key, job.report)
            assert job.report is not None
            yield job.report

    @staticmethod
    def _annotate_each(ann: Annotations, group: list[_Job]) -> None:
        for j in group:
            try:
                ann.annotate([j.doc] if j.doc is not None else [], parse_selector([j]))
            except EditlintError as exc:
                j.report = FileReport(path=j.label, error=str(exc))
            except Exception as exc:
                j.report = FileReport(path=j.label, error=_internal(j.label, "language analysis", exc))

    def _check(self, job: _Job) -> FileReport:
        doc, reg = job.doc, job.registry
        assert doc is not None
        needs = self._needs(job)
        ann = self._annotations(job.config, needs) if needs else None
        report = FileReport(path=job.label, document=doc)
        seconds = job.config.time_budget if self.time_budget is None else self.time_budget
        with reg.active(), budget.deadline(seconds, job.label), blockcache.using(self.block_cache):
            placed = self._run_rules(job, ann, report)
            if report.error is None or not budget.expired():  # rules stopped by the budget: no metrics
                self._run_metrics(job, ann, report)
        findings = [p.finding for p in drop_overlapping(placed, reg)]
        findings = apply_suppressions(findings, parse_suppressions(doc, reg))
        _number_fingerprints(findings)
        report.findings = sorted(findings, key=Finding.sort_key)
        if not self.keep_documents:  # the blocks and their spaCy parses go with the Document
            report.document = LintedSource.of(doc)
        return report

    def _run_rules(self, job: _Job, ann: Annotations | None, report: FileReport) -> list[Placed]:
        """Each enabled rule's check on the document: findings with their document spans."""
        doc, cfg, reg = job.doc, job.config, job.registry
        assert doc is not None
        placed: list[Placed] = []
        for i, code in enumerate(job.codes):
            rule = reg.rules[code]
            ctx = CheckContext(doc, rule, rule_options(reg, cfg, code), cfg, ann, data=reg.data,
                               scope=rule.scope)
            try:
                budget.checkpoint()  # between rules, and inside the long loops of checks (budget.py)
                results = list(reg.check_types[rule.check](ctx))
                hits = [absolute(doc, r) for r in results if isinstance(r, Hit)]
            except budget.BudgetExceeded as exc:  # this file stops here; the run goes on
                report.error = f"{exc}; rules not run: {', '.join(job.codes[i:])}"
                break
            except EditlintError as exc:
                report.error = str(exc)
                continue
            except Exception as exc:  # a bug in one check must not hide the rest, nor print a traceback
                report.error = (f"{job.label}: internal error in {code} ({rule.check}): "
                                f"{type(exc).__name__}: {exc}")
                continue
            for r in results:
                if isinstance(r, Metric):
                    report.metrics[r.name] = r.value
                elif isinstance(r, Diagnostic):
                    _diagnose(report, r)
            placed.extend(Placed(self._finding(doc, rule, h, cfg), h.start, h.end, _key(doc, h))
                          for h in hits)
        return placed

    def _run_metrics(self, job: _Job, ann: Annotations | None, report: FileReport) -> None:
        doc, cfg, reg = job.doc, job.config, job.registry
        assert doc is not None
        cats = {reg.rules[code].category for code in job.codes}
        for mp in reg.metric_providers:
            if mp.category in cats:
                ctx = CheckContext(doc, None, metric_options(mp, reg, cfg), cfg, ann, data=reg.data)
                try:
                    budget.checkpoint()
                    for m in mp.func(ctx):
                        report.metrics[m.name] = m.value
                except budget.BudgetExceeded as exc:
                    report.error = f"{exc}; metrics not computed: {mp.name}"
                    break
                except EditlintError as exc:
                    report.error = str(exc)
                except Exception as exc:
                    report.error = (f"{job.label}: internal error in metrics {mp.name}: "
                                    f"{type(exc).__name__}: {exc}")

    @staticmethod
    def _finding(doc: Document, rule: Rule, hit: Hit, cfg: Config) -> Finding:
        line, col, end_line, end_col = doc.span_position(hit.start, hit.end)
        related = []
        for s in hit.related:
            rl, rc, rel, rec = doc.span_position(s.start, s.end)
            related.append(Related(rl, rc, rel, rec, s.message))
        severity = cfg.severity.get(rule.code) or hit.severity or rule.severity
        key = _key(doc, hit)
        return Finding(rule=rule.code, name=rule.name, category=rule.category, severity=severity,
                       message=hit.message, line=line, column=col, end_line=end_line, end_column=end_col,
                       related=tuple(sorted(related, key=lambda r: (r.line, r.column))),
                       suggestion=hit.suggestion, fixes=hit.edits,
                       fingerprint=fingerprint(rule.code, key), data=hit.data)


def _internal(label: str, stage: str, exc: BaseException) -> str:
    """The per-file message for a bug met while linting one file (no traceback; the run goes on)."""
    return f"{label}: internal error while {stage}: {type(exc).__name__}: {exc} (please report it)"


def _diagnose(report: FileReport, d: Diagnostic) -> None:
    if d.fatal:
        report.error = d.message
    elif d.message not in report.diagnostics:
        report.diagnostics.append(d.message)


def absolute(doc: Document, hit: Hit) -> Hit:
    """The hit (and its related spans) in document offsets; a span outside the document is a check bug."""
    start, end = _place(doc, hit.start, hit.end, hit.block)
    related = tuple(Span(*_place(doc, s.start, s.end, s.block), s.message) for s in hit.related)
    return replace(hit, start=start, end=end, related=related, block=None)


def _place(doc: Document, start: int, end: int, block: Any) -> tuple[int, int]:
    if block is not None:
        if not 0 <= start <= end <= len(block.text):
            raise ValueError(f"span {start}-{end} is outside its block (length {len(block.text)})")
        start, end = start + block.start, end + block.start
    if not 0 <= start <= end <= len(doc.text):
        raise ValueError(f"span {start}-{end} is outside the document (length {len(doc.text)})")
    return start, end


def segmentation(registry: Registry) -> segment.Rules | None:
    """The registry's segmentation data (packs included) that its documents are split with; None (the
    shipped data) for a registry that declares none."""
    found = registry.data("segmentation")
    return found if isinstance(found, segment.Rules) else None


def rule_options(registry: Registry, cfg: Config, code: str) -> Mapping[str, Any]:
    """``ctx.options`` for a rule: its configured options, and for an option declared with ``config`` the
    value of that configuration key unless the rule's own configuration sets the option."""
    opts = cfg.options_for(registry, code)
    declared = registry.check_types[registry.rules[code].check].options
    own = cfg.rule_options.get(code, {})
    shared = {k: o.config for k, o in declared.items() if o.config and k not in own}
    if not shared:
        return opts
    out = dict(opts)
    for key, where in shared.items():
        section, _, name = where.partition(".")
        value = cfg.section(section).get(name)
        if value is not None:
            out[key] = value
    return out


def metric_options(mp: MetricProvider, registry: Registry, cfg: Config) -> Mapping[str, Any]:
    """``ctx.options`` for a metric provider: the options of the first rule of its ``options_of`` check
    type (configured overrides included), so a metric summarises what that rule finds with its settings;
    the check type's defaults when no rule uses it. The provider never reads the registry itself."""
    check = registry.check_types.get(mp.options_of) if mp.options_of else None
    if check is None:
        return {}
    defaults = {k: o.default for k, o in check.options.items()}
    code = next((c for c, r in registry.rules.items() if r.check == mp.options_of), None)
    return defaults if code is None else {**defaults, **cfg.options_for(registry, code)}


class Placed(NamedTuple):
    """A finding with its document span and its key (what it is about), for the packs' overlap policy."""

    finding: Finding
    start: int
    end: int
    key: str


def _key(doc: Document, hit: Hit) -> str:
    """What a hit is about: the check's key, else the text it covers (the fingerprint's input)."""
    return hit.key or doc.text[hit.start:hit.end]


def drop_overlapping(placed: list[Placed], registry: Registry) -> list[Placed]:
    """Cross-rule policy from the packs: a finding of a rule with ``[rule.overlaps] suppressed-by``
    is dropped when a finding of one of those rules covers its span or, with ``same-key``, when one
    with the same key overlaps it (two rules reporting one thing: one finding is enough)."""
    by_rule: dict[str, list[Placed]] = {}
    for p in placed:
        by_rule.setdefault(p.finding.rule, []).append(p)
    return [p for p in placed if not _suppressed(p, registry, by_rule)]


def _suppressed(p: Placed, registry: Registry, by_rule: Mapping[str, list[Placed]]) -> bool:
    rule = registry.rules.get(p.finding.rule)
    if rule is None or not rule.suppressed_by:
        return False
    covering = {c for sel in rule.suppressed_by for c in registry.resolve(sel)} - {rule.code}
    others = (o for c in covering for o in by_rule.get(c, ()))
    if rule.suppressed_by_same_key:
        return any(o.key == p.key and o.start < p.end and p.start < o.end for o in others)
    return any(o.start <= p.start and p.end <= o.end for o in others)


def run_check(check: CheckType, doc: Document, options: Mapping[str, Any] | None = None, *,
              registry: Registry | None = None, scope: frozenset[BlockKind] | None = None,
              model: str = DEFAULT_MODEL) -> list[Result]:
    """Run one check type on a document (hand-built, or read from text) with no configuration file:
    its defaults overridden by ``options``; hits come back in document offsets. For tests and hosts."""
    opts = {k: o.default for k, o in check.options.items() if not o.required} | dict(options or {})
    reg = registry or Registry.default()
    segment.use(doc, segmentation(reg))  # before the parse: spaCy's sentences are the segmenter's
    ann = None
    if check.needs:
        ann = Annotations(model, check.needs)
        ann.annotate([doc])
    ctx = CheckContext(doc, None, opts, Config(), ann, data=reg.data, scope=scope)
    with reg.active():
        return [absolute(doc, r) if isinstance(r, Hit) else r for r in check(ctx)]


def read_stdin(name: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES) -> Source:
    """The article on standard input; ``name`` gives its path in reports and its format."""
    return decode(sys.stdin.buffer.read(), name or "-", format_for(name), max_bytes)


def parse_selector(jobs: Sequence[_Job]) -> BlockSelector | None:
    """The blocks whose parse the jobs' enabled rules may read: the union of their check types' cues
    (``check_type(cue=...)``), per document. None (parse every block) when a rule that needs the model
    declares no cue, or a metric provider needs it in a family none of whose checks declares one (a
    provider reads what its family's checks read). Only what is parsed in batches depends on this."""
    per_doc: dict[int, list[tuple[Callable[[Any, Block], bool], CheckContext]]] = {}
    for job in jobs:
        cues = _cues(job)
        if cues is None:
            return None
        per_doc[id(job.doc)] = cues

    def select(doc: Document, block: Block) -> bool:
        return any(cue(ctx, block) for cue, ctx in per_doc.get(id(doc), ()))

    return select


def _cues(job: _Job) -> list[tuple[Callable[[Any, Block], bool], CheckContext]] | None:
    reg, cfg, doc = job.registry, job.config, job.doc
    assert doc is not None
    out: list[tuple[Callable[[Any, Block], bool], CheckContext]] = []
    cued: set[str] = set()
    for code in job.codes:
        rule = reg.rules[code]
        check = reg.check_types[rule.check]
        if not components_for(check.needs):
            continue
        if check.cue is None:
            return None
        out.append((check.cue, CheckContext(doc, rule, rule_options(reg, cfg, code), cfg, None, data=reg.data,
                                            scope=rule.scope)))
        cued.add(rule.category)
    cats = {reg.rules[code].category for code in job.codes}
    if any(mp.category in cats - cued and components_for(mp.needs) for mp in reg.metric_providers):
        return None
    return out


def nlp_needs(registry: Registry, codes: Iterable[str]) -> frozenset[str]:
    """The NLP levels the enabled rules (and their families' metric providers) need."""
    needs: set[str] = set()
    cats = set()
    for code in codes:
        rule = registry.rules[code]
        needs |= registry.check_types[rule.check].needs
        cats.add(rule.category)
    for mp in registry.metric_providers:
        if mp.category in cats:
            needs |= mp.needs
    return frozenset(needs)


def normalise_for_fingerprint(text: str) -> str:
    return re.sub(r"\W+", " ", text.casefold()).strip()


def fingerprint(code: str, text: str) -> str:
    return hashlib.sha1(f"{code}:{normalise_for_fingerprint(text)}".encode()).hexdigest()[:16]


def _number_fingerprints(findings: list[Finding]) -> None:
    """Two findings of one rule on the same text get distinct fingerprints (…:2, …:3), by position."""
    seen: Counter[str] = Counter()
    for i in sorted(range(len(findings)), key=lambda k: findings[k].sort_key()):
        f = findings[i]
        seen[f.fingerprint] += 1
        if seen[f.fingerprint] > 1:
            object.__setattr__(f, "fingerprint", f"{f.fingerprint}:{seen[f.fingerprint]}")


# -- convenience API --------------------------------------------------------------------------------
def lint_text(text: str, *, path: str | None = None, fmt: str | None = None,
              config: Config | Mapping[str, Any] | None = None) -> FileReport:
    """Lint one article given as a string."""
    return Linter(config).lint_text(text, path=path, fmt=fmt)


def lint_paths(paths: Sequence[str | os.PathLike[str]] | str,
               config: Config | Mapping[str, Any] | None = None) -> RunReport:
    """Lint files and folders; configuration is discovered per file unless ``config`` is given."""
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    return Linter(config).lint_paths(paths)
