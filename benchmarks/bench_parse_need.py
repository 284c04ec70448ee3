"""How much of a corpus really needs the dependency parse, and how much the parse cues select.

    python benchmarks/bench_parse_need.py [--articles 40] [--reference PATH] [PATH ...]

Lints, in this process with every rule on (``--select ALL``, no run cache), the bench_peers corpus of
``--articles`` articles built from the reference article, and then each folder or file given (default:
the real-article corpus ``tests/corpus/real/articles``). It counts text blocks, sentences and words:

- **parsed**: the blocks the engine parses (the union of the enabled checks' ``cue``; see
  ``engine.parse_selector``), and which cue selects each (``in_prose``: EL205 passive voice, every prose
  block; ``claims_cue``: the claims family; ``_may_be_stray``: EL102);
- **needed**: the sentences whose parse a result was read from: a passive-voice label (EL205), a claims
  construction match (and the sentence before it, whose root a match carries), an EL102 candidate line;
- **lexical**: the sentences a sound word test could pick without a model (a form of *be* or *get*, which
  every passive has; a word of a gated construction), and the constructions with no word gate, which
  make the claims cue fire on every claims block.

The figures say how far a sentence-level parse could go below today's block-level one; nothing changes a
finding here.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections import Counter
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_peers import REFERENCE, build_corpus  # noqa: E402

#: Every form of the two passive auxiliaries, as spaCy's tokenizer splits them (lower-cased).
BE_GET = frozenset({"be", "is", "am", "are", "was", "were", "been", "being", "'s", "’s", "'re", "’re", "'m",
                    "’m", "s", "re", "m", "get", "gets", "got", "gotten", "getting", "ai", "is'nt"})
#: The constructions that match most sentences: any clause with a subject (the idiom lexicon decides), any
#: noun root (a lead-in decides), any sentence-initial verb.
BROADEST = frozenset({"stance.phrase", "advice.list-noun", "advice.imperative"})
PASSIVE_DEPS = frozenset({"nsubjpass", "auxpass", "csubjpass"})


#: What the wrapped engine functions record (filled during a measurement).
cue_hits: dict[tuple[int, int], set[str]] = {}
matched: dict[int, dict[int, set[str]]] = {}
#: Sentences matched per construction id (a sentence counted once per construction).
by_construction: Counter[str] = Counter()


class Tally:
    """Counts of one corpus."""

    def __init__(self) -> None:
        self.n: Counter[str] = Counter()

    def add(self, key: str, words: int) -> None:
        self.n[f"{key} units"] += 1
        self.n[f"{key} words"] += words

    def line(self, key: str, of: str) -> str:
        u, w = self.n[f"{key} units"], self.n[f"{key} words"]
        tu, tw = max(1, self.n[f"{of} units"]), max(1, self.n[f"{of} words"])
        return f"  {key:<44} {u:7d} ({u / tu:6.1%})  {w:8d} words ({w / tw:6.1%})"


def _record_cues(hits: dict[tuple[int, int], set[str]]) -> Any:
    """Wrap ``engine.parse_selector`` so that each block's firing cues are recorded by name."""
    from editlint import engine

    original = engine.parse_selector

    def selector(jobs: Sequence[Any]) -> Any:
        chosen = original(jobs)
        for job in jobs:
            cues = engine._cues(job) or []
            for block in job.doc.blocks:
                fired = {getattr(cue, "__name__", "cue") for cue, ctx in cues if cue(ctx, block)}
                hits[(id(job.doc), block.index)] = fired
        return chosen

    engine.parse_selector = selector
    return original


def _record_matches(found: dict[int, dict[int, set[str]]]) -> Any:
    """Wrap ``Constructions.run_doc``: per spaCy Doc, the sentence starts (token index) with a match and
    the ids of the constructions matched there."""
    from editlint.checks.claims.constructions import Constructions

    original = Constructions.run_doc

    def run_doc(self: Any, sdoc: Any, *args: Any, **kwargs: Any) -> Any:
        out = original(self, sdoc, *args, **kwargs)
        sents = found.setdefault(id(sdoc), {})
        for start, ms in out.items():
            ids = {m.construction.id for m in ms}
            sents.setdefault(start, set()).update(ids)
            by_construction.update(ids)
        return out

    Constructions.run_doc = run_doc  # type: ignore[method-assign]
    return original


def gate_words() -> tuple[frozenset[str], list[str]]:
    """The claims constructions' word gates (all words) and the ids of those with none."""
    from editlint.checks.claims.constructions import load_constructions
    from editlint.checks.claims.cues import word_gate

    words: set[str] = set()
    none: list[str] = []
    for c in load_constructions().items:
        gate = word_gate(c)
        if gate is None:
            none.append(c.id)
        else:
            words |= gate
    return frozenset(words), none


def measure(paths: Sequence[Path], gates: frozenset[str]) -> Tally:
    """Lint ``paths`` and count what was parsed, what was needed, and what a word test would pick."""
    from editlint import Linter
    from editlint.nlp import nlp_blocks

    cue_hits.clear()
    matched.clear()
    by_construction.clear()
    linter = Linter(overrides={"select": ("ALL",)}, keep_documents=True, cache=None)
    tally = Tally()
    report = linter.lint_paths([str(p) for p in paths])
    for fr in report.files:
        doc = fr.document
        if doc is None or not hasattr(doc, "blocks"):
            continue
        for i in nlp_blocks(doc):
            _count_block(tally, doc, i, cue_hits.get((id(doc), i), set()), matched, gates)
    return tally


def _count_block(tally: Tally, doc: Any, i: int, fired: set[str], found: dict[int, dict[int, set[str]]],
                 gates: frozenset[str]) -> None:
    block = doc.blocks[i]
    words = len(block.text.split())
    tally.add("blocks", words)
    if fired:
        tally.add("blocks parsed (any cue)", words)
    for name in sorted(fired):
        tally.add(f"blocks parsed, cue {name}", words)
    sdoc = doc.cache.get(("spacy", i))
    if sdoc is None:
        return
    hits = found.get(id(sdoc), {})
    stray = "_may_be_stray" in fired
    sents = list(sdoc.sents)
    for k, sent in enumerate(sents):
        n = sum(1 for t in sent if not t.is_space and not t.is_punct)
        lowers = {t.lower_ for t in sent}
        tally.add("sentences of parsed blocks", n)
        passive = any(t.dep_ in PASSIVE_DEPS for t in sent)
        claim = sent.start in hits
        before = k + 1 < len(sents) and sents[k + 1].start in hits
        if passive:
            tally.add("needed: passive label (EL205)", n)
        if claim:
            tally.add("needed: claims match", n)
        if hits.get(sent.start, set()) - BROADEST:
            tally.add("needed: claims match, the broadest three left out", n)
        if passive or claim or before or stray:
            tally.add("needed: any (+ sentence before a match, EL102)", n)
        if lowers & BE_GET:
            tally.add("lexical: a form of be/get (passive cue)", n)
        if lowers & gates:
            tally.add("lexical: a gated construction's word", n)


def _files(paths: Sequence[Path]) -> Iterator[Path]:
    for p in paths:
        yield from (sorted(q for q in p.rglob("*") if q.is_file()) if p.is_dir() else [p])


def report(name: str, tally: Tally, top: int = 12) -> str:
    keys = sorted(k[:-6] for k in tally.n if k.endswith(" units"))
    lines = [name]
    for key in ("blocks", *[k for k in keys if k.startswith("blocks ")]):
        lines.append(tally.line(key, "blocks"))
    for key in ("sentences of parsed blocks", *[k for k in keys if k.startswith(("needed", "lexical"))]):
        lines.append(tally.line(key, "sentences of parsed blocks"))
    most = ", ".join(f"{cid} {n}" for cid, n in by_construction.most_common(top))
    lines.append(f"  sentences matched, most matching constructions: {most}")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("paths", nargs="*", type=Path, default=[ROOT / "tests" / "corpus" / "real" / "articles"])
    ap.add_argument("--articles", type=int, default=40, help="bench_peers corpus size (0: none)")
    ap.add_argument("--reference", type=Path, default=REFERENCE)
    args = ap.parse_args(argv)
    gates, none = gate_words()
    _record_cues(cue_hits)
    _record_matches(matched)
    print(f"claims constructions with no word gate ({len(none)}): {', '.join(none)}")
    if args.articles:
        with tempfile.TemporaryDirectory() as tmp:
            files, _, _ = build_corpus(args.reference, args.articles, Path(tmp))
            print(report(f"bench_peers corpus, {args.articles} articles", measure(files, gates)))
    for p in args.paths:
        print(report(str(p), measure(list(_files([p])), gates)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
