"""``bantin evaluate``: score summaries (ROUGE against references) or clusters on a gold corpus.

``--task cluster`` is forwarded to ``bantin.evaluate.clustering.run_cli(args)``; that module may add
its own options with ``add_arguments(parser)``. ``args.corpus_path`` is the resolved corpus
(shorthands 'vmds' / 'abmusu' expanded); ``args.no_lede``, ``args.limit`` and ``args.json`` apply too.
"""
from __future__ import annotations

import argparse
import importlib
import importlib.util
import json
import sys
from pathlib import Path

from bantin.commands._common import HELP_FORMATTER, add_budget_argument

EPILOG = """\
examples:
  bantin evaluate vmds                                  # all installed peers on ../shared VMDS
  bantin evaluate abmusu --systems bantin,lead --json scores.json
  bantin evaluate path/to/vmds --no-lede --limit 20 --format markdown
  bantin evaluate my_clusters.jsonl --max-words 120     # generic JSONL: {"id", "articles", "references"}
  bantin evaluate vmds --task cluster                   # event clustering against the gold clusters
  bantin evaluate realweb --task clean --errors         # cleaning real pages (html/, text/, gold/)
  bantin evaluate benchmarks/facts_labels --task facts  # entities, disagreements, timeline on labels

CORPUS is a VMDS folder, an AbMuSu JSONL file, a generic cluster JSONL file, or the shorthand
'vmds' / 'abmusu' for ../shared/datasets. Scores are ROUGE-1/2/L (syllables, mean over the
references, x100); every output is cut at the budget (default: mean reference length). Every
system gets the articles cleaned as `bantin summarize` cleans its inputs (--raw: as stored).
Beside ROUGE, the readability checks (bantin.evaluate.readability) on the same summaries: share
opening with a lede, with a heading/caption/markup line, an opener cut from its predecessor, a
quote without speaker, an unanchored "hôm qua" in a summary mixing days, a sentence > 60 syllables.
--task facts takes a labels file or folder (docs/facts-labels.md) instead of a corpus and reads
the labelled events' articles from ../shared/datasets; scores are given for dev, held-out (every
third event) and all; --errors lists what was missed, spurious, split and mistyped on dev events only.
"""

CLUSTERING_MODULE = "bantin.evaluate.clustering"


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser(
        "evaluate",
        help="score summaries or clusters on a gold corpus (VMDS, AbMuSu, generic JSONL)",
        description="Run bantin and peer systems on clusters with reference summaries and print ROUGE.",
        epilog=EPILOG,
        formatter_class=HELP_FORMATTER,
    )
    parser.add_argument("corpus", metavar="CORPUS", help="VMDS folder, AbMuSu/generic JSONL, or 'vmds' / 'abmusu'")
    parser.add_argument("--task", choices=("summary", "cluster", "clean", "facts"), default="summary", help="what to evaluate (default summary)")
    parser.add_argument(
        "--systems", metavar="LIST",
        help="comma-separated: bantin,bantin-strict,lead,lead-1doc,lexrank,textrank,oracle "
        "(default: bantin,lead,lead-1doc,lexrank,textrank,oracle, those installed)",
    )
    add_budget_argument(parser, default=None, help="budget in syllables (default: mean reference length)")
    parser.add_argument("--no-lede", action="store_true", help="leave out the articles' lede (sapo) paragraph")
    parser.add_argument("--raw", action="store_true",
                        help="--task summary: give the systems the corpus text as stored, without bantin's "
                             "cleaning (default: every system gets the cleaned articles, as `bantin summarize` does)")
    parser.add_argument("--json", metavar="FILE", help="write per-cluster scores and summaries to FILE")
    parser.add_argument("--limit", type=int, metavar="N", help="only the first N clusters")
    parser.add_argument("--format", choices=("text", "markdown"), default="text", help="table format (default text)")
    parser.add_argument("--errors", action="store_true",
                        help="--task clean: list each file's lost gold paragraphs and junk lines on stdout; "
                             "--task facts: what is missed, spurious, split and mistyped (dev events only)")
    if importlib.util.find_spec(CLUSTERING_MODULE) is not None:
        clustering = importlib.import_module(CLUSTERING_MODULE)
        if hasattr(clustering, "add_arguments"):
            clustering.add_arguments(parser)
    parser.set_defaults(func=run)


def resolve_corpus(name: str) -> Path:
    """A path, or the shorthand 'vmds' / 'abmusu' under ../shared/datasets."""
    from bantin.evaluate.corpora import corpus_path, shared_dir

    if name == "realweb" and not Path(name).exists():
        path = shared_dir() / "datasets" / "realweb-dev"
        if not path.is_dir():
            raise FileNotFoundError(f"corpus 'realweb' not found at {path}; pass its path or set BANTIN_SHARED")
        return path
    if name in ("vmds", "abmusu") and not Path(name).exists():
        path = corpus_path(name)
        if path is None:
            raise FileNotFoundError(
                f"corpus {name!r} not found under {shared_dir() / 'datasets'}; pass its path or set BANTIN_SHARED"
            )
        return path
    path = Path(name)
    if not path.exists():
        raise FileNotFoundError(f"{name}: no such file or folder (a VMDS folder, a cluster JSONL, 'vmds' or 'abmusu')")
    return path


def run(args: argparse.Namespace) -> int:
    try:
        args.corpus_path = resolve_corpus(args.corpus)
    except FileNotFoundError as error:
        print(f"bantin: error: {error}", file=sys.stderr)
        return 2
    if args.task == "cluster":
        if importlib.util.find_spec(CLUSTERING_MODULE) is None:
            print("bantin: error: cluster evaluation is not available (bantin.evaluate.clustering missing)", file=sys.stderr)
            return 2
        return int(importlib.import_module(CLUSTERING_MODULE).run_cli(args) or 0)
    if args.task == "clean":
        return _run_clean(args)
    if args.task == "facts":
        return _run_facts(args)
    return _run_summary(args)


def _run_clean(args: argparse.Namespace) -> int:
    from bantin.evaluate.cleaning import (
        SYSTEMS, evaluate_cleaning, format_table, load_clean_corpus, results_to_json, summarize,
    )

    systems = None
    if args.systems:
        systems = [s.strip() for s in args.systems.split(",") if s.strip()]
        unknown = [s for s in systems if s not in SYSTEMS]
        if unknown:
            print(f"bantin: error: unknown cleaning system(s) {', '.join(unknown)} (use {','.join(SYSTEMS)})",
                  file=sys.stderr)
            return 2
    try:
        items = load_clean_corpus(args.corpus_path)
    except ValueError as error:
        print(f"bantin: error: {error}", file=sys.stderr)
        return 2
    if args.limit is not None:
        items = items[: args.limit]

    def progress(index: int, item) -> None:
        if index % 10 == 0:
            print(f"bantin: cleaning inputs {index + 1}-{min(index + 10, len(items))} of {len(items)}", file=sys.stderr)

    results = evaluate_cleaning(items, systems, on_item=progress)
    print(f"corpus: {args.corpus_path}  inputs: {len(items)}")
    print("recall = gold body paragraphs kept (>= 90% of syllables in matching 4-grams); "
          "junk = output syllables not gold text")
    print(format_table(summarize(results), markdown=args.format == "markdown"))
    if args.errors:
        for result in results:
            if not (result.lost or result.junk_lines or result.error):
                continue
            print(f"\n== {result.item.kind} {result.item.name} [{result.system}]")
            if result.error:
                print(f"  error: {result.error}")
            for paragraph in result.lost:
                print(f"  LOST: {paragraph[:160]}")
            for line in result.junk_lines:
                print(f"  JUNK: {line[:160]}")
    if args.json:
        with open(args.json, "w", encoding="utf-8") as handle:
            json.dump(results_to_json(results, str(args.corpus_path)), handle, ensure_ascii=False, indent=1)
    return 1 if any(result.error for result in results) else 0


def _run_facts(args: argparse.Namespace) -> int:
    from bantin.evaluate.facts import evaluate_facts, format_table, load_labels

    try:
        events = load_labels(args.corpus_path)
    except (ValueError, KeyError, json.JSONDecodeError) as error:
        print(f"bantin: error: {args.corpus_path}: cannot read facts labels: {error!r}", file=sys.stderr)
        return 2
    if args.limit is not None:
        events = events[: args.limit]
    try:
        result = evaluate_facts(events)
    except (FileNotFoundError, KeyError, ValueError) as error:
        print(f"bantin: error: {error}", file=sys.stderr)
        return 2
    print(f"labels: {args.corpus_path}  events: {len(events)} (every third, sorted by corpus and cluster, held out)")
    print(format_table(result["scores"], markdown=args.format == "markdown"))
    if args.errors:
        for event in result["events"]:
            if event["split"] != "dev":
                continue  # held-out errors are not read: they would tune the rules on the test events
            print(f"\n== {event['corpus']}/{event['cluster']}")
            for part in ("entities", "disagreements", "timeline"):
                for what in ("missed", "spurious", "split", "mistyped"):
                    if event[part].get(what):
                        print(f"  {part} {what}: {event[part][what]}")
    if args.json:
        with open(args.json, "w", encoding="utf-8") as handle:
            json.dump(result, handle, ensure_ascii=False, indent=1)
    return 0


def _run_summary(args: argparse.Namespace) -> int:
    from bantin.evaluate import peers
    from bantin.evaluate.corpora import load_corpus
    from bantin.evaluate.readability import READABILITY_NOTE, format_readability_table, readability_of_results
    from bantin.evaluate.summaries import (
        DEFAULT_SYSTEMS, IN_SAMPLE_NOTE, available_systems, check_systems, evaluate_summaries, format_table,
        results_to_json,
    )

    if args.systems:
        systems = [s.strip() for s in args.systems.split(",") if s.strip()]
        try:
            check_systems(systems)
        except (ValueError, peers.MissingDependency) as error:
            print(f"bantin: error: {error}", file=sys.stderr)
            return 2
    else:
        systems, skipped = available_systems(DEFAULT_SYSTEMS)
        for note in skipped:
            print(f"bantin: skipping {note}", file=sys.stderr)
    try:
        clusters = load_corpus(args.corpus_path, include_lede=not args.no_lede, clean=not args.raw)
    except (ValueError, KeyError, json.JSONDecodeError) as error:
        print(f"bantin: error: {args.corpus_path}: cannot read clusters: {error!r}", file=sys.stderr)
        return 2
    if args.limit is not None:
        clusters = clusters[: args.limit]
    if not any(c.references for c in clusters):
        print(f"bantin: error: {args.corpus_path}: no cluster has a reference summary", file=sys.stderr)
        return 2

    tty = sys.stderr.isatty()

    def progress(index: int, cluster) -> None:
        if tty:
            print(f"\rbantin: evaluating cluster {index + 1}/{len(clusters)}", end="", file=sys.stderr, flush=True)
        elif index % 50 == 0:
            print(f"bantin: evaluating clusters {index + 1}-{min(index + 50, len(clusters))} of {len(clusters)}", file=sys.stderr)

    results = evaluate_summaries(clusters, systems, max_words=args.max_words, on_cluster=progress)
    if tty:
        print(file=sys.stderr)
    scored = len(results[0].clusters) if results else 0
    budget = f"{args.max_words} syllables" if args.max_words else "mean reference length (syllables)"
    print(f"corpus: {args.corpus_path}  clusters: {scored}  budget: {budget}  lede: {'no' if args.no_lede else 'yes'}"
          f"  input: {'raw' if args.raw else 'cleaned (bantin.pipeline.prepare)'}")
    print("ROUGE x100 at the syllable level, mean over references, every output cut at the budget")
    print(format_table(results, markdown=args.format == "markdown"))
    if any(name.startswith("bantin") for name in systems):
        print(IN_SAMPLE_NOTE)
    if "oracle" in systems:
        print("note: oracle = greedy extractive ROUGE-2 oracle using the references (a ceiling, not a system)")
    readable, checks = readability_of_results(results, clusters)
    print()
    print("Readability: % of summaries (opens with lede: higher is better; the others: lower is better)")
    print(format_readability_table(readable, markdown=args.format == "markdown"))
    print(READABILITY_NOTE)
    if args.json:
        report = results_to_json(results, str(args.corpus_path), args.max_words)
        report["readability"] = [r.to_dict() for r in readable]
        for entry in report["clusters"]:
            for name, system in entry["systems"].items():
                system["readability"] = checks[name][entry["id"]].to_dict()
        with open(args.json, "w", encoding="utf-8") as handle:
            json.dump(report, handle, ensure_ascii=False, indent=1)
    return 0
