"""``bantin summarize``: one attributed summary of all input articles, or one per JSONL cluster."""
from __future__ import annotations

import argparse
import json
import logging
import sys
from typing import Any, Sequence, TextIO

from bantin.commands._common import HELP_FORMATTER, add_budget_argument, add_input_arguments, dump_json_line, open_output, progress, read_inputs
from bantin.models import Article, Rejected, Summary

log = logging.getLogger(__name__)

EPILOG = """\
examples:
  bantin summarize articles/lu-lut-mien-trung/ --max-words 80 --format markdown
  bantin summarize a.txt b.html c.json --format json -o summary.json
  bantin summarize --clusters clusters.jsonl -o summaries.jsonl

--clusters reads one cluster per line: {"id": "e1", "articles": [{"title": ..., "text": ...}, ...],
"max_words": 80} (max_words optional). It writes one line per input line, in order:
{"id", "summary", "sentences": [{"text", "sources": [{"id", "sentence"}]}], "articles", "entities",
"timeline", "disagreements", "additions"}. JSON and markdown output (and --clusters) carry the
event's facts unless --no-facts: "entities": [{"name", "type": PER|ORG|LOC, "variants", "role",
"articles", "salient"}], "timeline": [{"date", "text", "sources"}], "disagreements": [{"kind",
"quantity", "values": [{"value", "articles", "text"}]}], "additions": [{"article", "text"}]; a
summary sentence stating a value other outlets dispute gets "disputed": [{"quantity", "value",
"other_values"}] (markdown: "(các nguồn chưa thống nhất)").
A broken line is reported on stderr with its line number and gives {"id", "error"}; the rest
goes on, and the exit code is 1. Sentence numbers index the article's sentences as split by
bantin.summarize.article_sentences (bantin.text.split_sentences of the cleaned text).
"""


def add_parser(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "summarize", help="summarize articles about one event (or a JSONL of clusters)",
        description="Write a short extractive summary of articles about one event: whole sentences "
                    "from the articles, each with every article sentence that states the same content.",
        epilog=EPILOG, formatter_class=HELP_FORMATTER,
    )
    add_input_arguments(parser, required=False)
    add_budget_argument(parser)
    parser.add_argument("--format", choices=("text", "markdown", "json"), default="text",
                        help="output format for a single summary (default text)")
    parser.add_argument("--clusters", metavar="FILE.jsonl",
                        help="batch mode: summarize every cluster of this JSONL file ('-' = stdin)")
    parser.add_argument("--fill", action="store_true",
                        help="evaluation mode: append one more sentence that crosses the budget")
    parser.add_argument("--no-facts", action="store_true",
                        help="leave out entities, timeline, disagreements and additions")
    parser.add_argument("-o", "--output", metavar="FILE", help="output file (default stdout)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from bantin.summarize import summarize

    if args.clusters:
        if args.inputs:
            print("bantin: error: give either INPUT files or --clusters, not both", file=sys.stderr)
            return 2
        return run_batch(args.clusters, args.output, args.max_words, args.fill, not args.no_facts)
    if not args.inputs:
        print("bantin: error: no INPUT given (files, directories, '-' or --clusters FILE)", file=sys.stderr)
        return 2
    articles, rejected = read_inputs(args.inputs, strict=args.strict, clean=True)
    if not articles:
        print("bantin: error: no article could be read", file=sys.stderr)
        return 1
    summary = summarize(articles, args.max_words, fill=args.fill)
    facts = None
    if not args.no_facts and args.format != "text":
        from bantin.facts import describe

        facts = describe(articles)
    with open_output(args.output) as out:
        out.write(render(summary, articles, args.format, facts))
    return 1 if rejected else 0


def render(summary: Summary, articles: Sequence[Article], fmt: str, facts: Any = None) -> str:
    """The summary as text (one paragraph), markdown (numbered source markers) or JSON;
    ``facts`` (``bantin.facts.Facts``) adds entities, timeline, disagreements and additions."""
    if fmt == "json":
        record = summary.to_dict()
        record["sources"] = [_source_record(k, a) for k, a in enumerate(articles, 1)]
        if facts is not None:
            record.update(facts.to_dict())
            facts.mark(record["sentences"])
        return json.dumps(record, ensure_ascii=False, indent=2) + "\n"
    if fmt == "markdown":
        return render_markdown(summary, articles, facts)
    return summary.text + "\n"


def _source_record(number: int, article: Article) -> dict[str, Any]:
    return {"number": number, "id": article.id, "title": article.title, "source": article.source,
            "url": article.url, "published": article.published.isoformat() if article.published else None}


def render_markdown(summary: Summary, articles: Sequence[Article], facts: Any = None) -> str:
    from bantin.facts import disputed, to_markdown

    number = {a.id: k for k, a in enumerate(articles, 1)}
    lines = []
    for sentence in summary.sentences:
        marks = sorted({number[s.article_id] for s in sentence.sources if s.article_id in number})
        flag = " *(các nguồn chưa thống nhất)*" if facts is not None and disputed(sentence.text, facts) else ""
        lines.append(sentence.text + " " + "".join(f"[{m}]" for m in marks) + flag)
    out = ["## Tóm tắt", "", " ".join(lines) if lines else "_(không có câu nào đủ điều kiện)_", ""]
    if facts is not None:
        out.append(to_markdown(facts, number))
    out += ["## Nguồn", ""]
    for k, article in enumerate(articles, 1):
        parts = [article.title or article.id]
        if article.source:
            parts.append(article.source)
        label = " — ".join(parts)
        out.append(f"{k}. [{label}]({article.url})" if article.url else f"{k}. {label}")
    return "\n".join(out) + "\n"


def run_batch(path: str, output: str | None, default_max_words: int, fill: bool, facts: bool = True) -> int:
    """Summarize every cluster line; broken lines are reported and answered with an error record."""
    failed = 0
    handle: TextIO = sys.stdin if path == "-" else open(path, encoding="utf-8-sig")
    where = "<stdin>" if path == "-" else path
    try:
        with open_output(output) as out:
            for number, line in progress(enumerate(handle, 1), desc="summarize"):
                if not line.strip():
                    continue
                record = summarize_line(line, where, number, default_max_words, fill, facts)
                if "error" in record:
                    failed += 1
                    print(f"bantin: error: {where}:{number}: {record['error']}", file=sys.stderr)
                dump_json_line(record, out)
    finally:
        if handle is not sys.stdin:
            handle.close()
    return 1 if failed else 0


def summarize_line(line: str, where: str, number: int, default_max_words: int, fill: bool,
                   facts: bool = False) -> dict[str, Any]:
    """One output record for one input line: the summary, or ``{"id", "error"}``."""
    from bantin.ingest.readers import article_from_record
    from bantin.pipeline import prepare
    from bantin.summarize import summarize

    try:
        record = json.loads(line)
    except json.JSONDecodeError as err:
        return {"id": None, "error": f"invalid JSON: {err}"}
    if not isinstance(record, dict):
        return {"id": None, "error": "expected a JSON object with 'articles'"}
    cid = record.get("id", number)
    raw_articles = record.get("articles")
    if not isinstance(raw_articles, list):
        return {"id": cid, "error": "missing list field 'articles'"}
    max_words = record.get("max_words", default_max_words)
    if isinstance(max_words, bool) or not isinstance(max_words, int) or max_words < 1:
        return {"id": cid, "error": f"'max_words' must be a positive integer, got {max_words!r}"}
    articles = []
    for k, raw in enumerate(raw_articles, 1):
        article = article_from_record(raw, default_id=f"{cid}_{k}", where=where, line=number)
        if isinstance(article, Rejected):
            return {"id": cid, "error": f"article {k}: {article.reason}"}
        articles.append(article)
    articles = prepare(articles)
    summary = summarize(articles, max_words, fill=fill)
    out = {"id": cid, "summary": summary.text, "sentences": [s.to_dict() for s in summary.sentences],
           "articles": list(summary.articles)}
    if facts:
        from bantin.facts import describe

        found = describe(articles)
        out.update(found.to_dict())
        found.mark(out["sentences"])
    return out
