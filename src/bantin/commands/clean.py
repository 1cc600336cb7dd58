"""``bantin clean``: read articles, drop scraper noise, write JSONL or the kept text."""
from __future__ import annotations

import argparse
import sys
from typing import TextIO

from bantin.commands._common import HELP_FORMATTER, add_input_arguments, dump_json_line, open_output, report
from bantin.models import Article, Rejected

EPILOG = """\
examples:
  bantin clean examples/flood-hanoi/ --explain          # JSONL on stdout, why each line went on stderr
  bantin clean scraped.txt --format text -o clean.txt
  cat dump.jsonl | bantin clean - --strict

Each dropped line is kept in the JSONL output under meta.dropped when --explain is given.
The exit code is 1 when any input was rejected (bad JSON line, binary or empty file, ...).
"""


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser(
        "clean",
        help="read articles and remove menus, captions, share bars, related links and bylines",
        description="Read .txt/.html/.json/.jsonl articles, drop the lines that are not article body, "
        "and write the cleaned articles.",
        epilog=EPILOG,
        formatter_class=HELP_FORMATTER,
    )
    add_input_arguments(parser)
    parser.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout")
    parser.add_argument("--format", choices=("jsonl", "text"), default="jsonl",
                        help="jsonl: one article per line (default); text: the kept text of each article")
    parser.add_argument("--explain", action="store_true",
                        help="say on stderr why each line was dropped (and each file's encoding); "
                        "add meta to the JSONL")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from bantin.ingest.boilerplate import clean_article
    from bantin.ingest.readers import ReadError, iter_articles

    errors: list[Rejected] = []
    skipped: list[Rejected] = []
    failed = False
    with open_output(args.output) as out:
        try:
            for index, article in enumerate(iter_articles(args.inputs, errors=errors, strict=args.strict,
                                                           skipped=skipped)):
                cleaned = clean_article(article)
                if args.explain:
                    explain(cleaned, sys.stderr)
                write(cleaned, out, args.format, with_meta=args.explain, first=index == 0)
        except ReadError:
            failed = True  # the rejected input is in errors; strict mode stops here
    count = report(errors)
    return 1 if count or failed else 0


def write(article: Article, out: TextIO, fmt: str, with_meta: bool, first: bool) -> None:
    if fmt == "jsonl":
        dump_json_line(article.to_dict(with_meta=with_meta), out)
        return
    if not first:
        out.write("\n")
    if article.title:
        out.write(article.title + "\n\n")
    out.write(article.text + "\n")


def explain(article: Article, err: TextIO) -> None:
    """Encoding, warnings and dropped lines of one article; line numbers count lines of its text."""
    meta = article.meta
    where = meta.get("file", article.id)
    if meta.get("line") is not None:
        where = f"{where}:{meta['line']}"
    name = where if where == article.id else f"{where} [{article.id}]"
    if "encoding" in meta:
        err.write(f"{name}: encoding {meta['encoding']} (confidence {meta.get('encoding_confidence', 0):.2f})\n")
    for warning in meta.get("warnings", []):
        err.write(f"{name}: warning: {warning}\n")
    if meta.get("outlet_tag"):
        err.write(f"{name}: lead tag {meta['outlet_tag']!r} removed from the first sentence\n")
    for item in meta.get("html_dropped", []):
        err.write(f"{name}: left out of the page's body ({item['reason']}): {item['text']}\n")
    for item in meta.get("dropped", []):
        err.write(f"{name}:{item['line']}: dropped ({item['reason']}): {item['text']}\n")
