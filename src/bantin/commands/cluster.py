"""``bantin cluster``: group articles into events (syndicated copies merged), each with a summary."""
from __future__ import annotations

import argparse
import json
import sys
from typing import Any, Sequence

from bantin.commands._common import HELP_FORMATTER, add_budget_argument, add_input_arguments, dump_json_line, open_output, progress, read_inputs
from bantin.models import Article, Event

EPILOG = """\
examples:
  bantin cluster crawl/2024-05/ -o events.jsonl
  bantin cluster feed.jsonl --no-summary --format json
  cat feed.jsonl | bantin cluster - --max-words 60 --format markdown
  bantin cluster feed.jsonl --engine spark --master 'local[2]' -o events.jsonl

Writes one event per line (JSONL): {"id", "title", "articles": [ids], "duplicates": [[original,
copy, ...], ...], "sources", "first_published", "last_published", "summary", "sentences",
"entities", "timeline", "disagreements", "additions"} (the last four unless --no-facts; a summary
sentence stating a value other outlets dispute has "disputed": [{"quantity", "value", "other_values"}]).
Every input article is in exactly one event (an event may hold a single article); exact and
near-duplicate copies are always in the same event and count once in the summary. Events are
sorted by size, then by their latest article (newest first).

--engine spark runs the same stages as Spark jobs (the 'spark' extra and Java 17+ needed): inputs
are JSONL or Parquet (.parquet), local paths or Hadoop URIs; --format jsonl or parquet. The events
are the same as with the default engine (tests/spark). For spark-submit: python -m bantin.spark --help.
"""


def add_parser(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "cluster", help="group articles into events and summarize each event",
        description="Group news articles into events (stories), merge syndicated copies, and write "
                    "one attributed summary per event.",
        epilog=EPILOG, formatter_class=HELP_FORMATTER,
    )
    add_input_arguments(parser)
    parser.add_argument("--format", choices=("jsonl", "json", "markdown", "parquet"), default="jsonl",
                        help="output format (default jsonl: one event per line; parquet: --engine spark only)")
    add_budget_argument(parser)
    parser.add_argument("--no-summary", action="store_true", help="only group, do not summarize")
    parser.add_argument("--no-facts", action="store_true",
                        help="leave out entities, timeline, disagreements and additions")
    parser.add_argument("--threshold", type=float, metavar="T",
                        help="average-linkage threshold (default: the tuned ClusterConfig value)")
    parser.add_argument("-o", "--output", metavar="FILE", help="output file (default stdout)")
    parser.add_argument("--engine", choices=("local", "spark"), default="local",
                        help="local: this process (default); spark: Apache Spark jobs")
    parser.add_argument("--master", metavar="URL",
                        help="with --engine spark: the Spark master (default local[*])")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    import dataclasses

    from bantin.cluster import ClusterConfig
    from bantin.pipeline import find_events

    config = ClusterConfig()
    if args.threshold is not None:
        try:
            config = dataclasses.replace(config, threshold=args.threshold)
        except ValueError as error:
            print(f"bantin: error: --threshold: {error}", file=sys.stderr)
            return 2
    if args.engine == "spark":
        if args.format not in ("jsonl", "parquet"):
            print("bantin: error: with --engine spark, --format is jsonl or parquet", file=sys.stderr)
            return 2
        if args.format == "parquet" and not args.output:
            print("bantin: error: --format parquet needs -o DIR", file=sys.stderr)
            return 2
        from bantin.spark.run import run_cluster

        return run_cluster(args.inputs, args.output or "-", args.format,
                           None if args.no_summary else args.max_words, master=args.master, config=config,
                           facts=not args.no_facts)
    if args.format == "parquet":
        print("bantin: error: --format parquet needs --engine spark", file=sys.stderr)
        return 2
    articles, rejected = read_inputs(args.inputs, strict=args.strict, clean=True)
    if not articles:
        print("bantin: error: no article could be read", file=sys.stderr)
        return 1
    events = find_events(articles, None if args.no_summary else args.max_words, config, progress=progress,
                         facts=not args.no_facts)
    with open_output(args.output) as out:
        write_events(events, articles, args.format, out)
    return 1 if rejected else 0


def write_events(events: Sequence[Event], articles: Sequence[Article], fmt: str, out) -> None:
    if fmt == "jsonl":
        for event in events:
            dump_json_line(event.to_dict(), out)
    elif fmt == "json":
        out.write(json.dumps([e.to_dict() for e in events], ensure_ascii=False, indent=1) + "\n")
    else:
        out.write(render_markdown(events, articles))


def _summary_text(event: Event) -> str:
    """The summary; a sentence stating a disputed value is flagged."""
    from bantin.facts import disputed

    parts = []
    for sentence in event.summary.sentences:
        flag = " *(các nguồn chưa thống nhất)*" if event.facts is not None and disputed(sentence.text, event.facts) else ""
        parts.append(sentence.text + flag)
    return " ".join(parts)


def render_markdown(events: Sequence[Event], articles: Sequence[Article]) -> str:
    by_id = {a.id: a for a in articles}
    lines: list[str] = []
    for number, event in enumerate(events, 1):
        lines.append(f"## {number}. {event.title or event.id}")
        lines.append("")
        span = ""
        if event.first_published is not None:
            span = f"{event.first_published:%Y-%m-%d %H:%M}"
            if event.last_published != event.first_published:
                span += f" – {event.last_published:%Y-%m-%d %H:%M}"
        facts = [f"{len(event.articles)} bài"] + ([span] if span else []) + list(event.sources[:5])
        lines.append("_" + " · ".join(facts) + "_")
        lines.append("")
        if event.summary is not None and event.summary.text:
            lines += [_summary_text(event), ""]
        if event.facts is not None:
            from bantin.facts import to_markdown

            numbers = {aid: k for k, aid in enumerate(event.articles, 1)}
            section = to_markdown(event.facts, numbers).replace("\n## ", "\n### ")
            lines += [section.replace("## ", "### ", 1) if section.startswith("## ") else section]
        copies = {c: g[0] for g in event.duplicates for c in g[1:]}
        for article_id in event.articles:
            article = by_id[article_id]
            label = article.title or article.id
            if article.url:
                label = f"[{label}]({article.url})"
            note = f" (bản sao của {copies[article_id]})" if article_id in copies else ""
            lines.append(f"- {label}{note}")
        lines.append("")
    return "\n".join(lines)
