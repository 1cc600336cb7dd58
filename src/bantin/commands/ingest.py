"""``bantin ingest``: read articles into a store (events, copies and briefs kept up to date)."""
from __future__ import annotations

import argparse
import sys
from typing import Any

from bantin.commands._common import HELP_FORMATTER, add_input_arguments

EPILOG = """\
examples:
  bantin ingest crawl/2024-05/ --db tin.db
  cat feed.jsonl | bantin ingest - --db tin.db
  bantin serve --db tin.db

Adds the articles to the store FILE (created when missing): cleaned, grouped into events with the
events already there, copies grouped, each touched event's brief refreshed. Articles the store
already holds (same id, or same source/title/url/text) are skipped, so running it twice adds
nothing. Prints one JSON line with the counts; each rejected input is reported on stderr.
Exit code 0: all read; 1: some input was rejected; 2: the store could not be opened.
"""


def add_parser(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "ingest", help="add articles to a store (SQLite file) for bantin serve",
        description="Read articles into a bantin store: clean, group into events, refresh briefs.",
        epilog=EPILOG, formatter_class=HELP_FORMATTER,
    )
    add_input_arguments(parser)
    parser.add_argument("--db", required=True, metavar="FILE", help="the store (SQLite file; created when missing)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    import json

    from bantin.commands._common import report
    from bantin.store import Store, StoreError
    from bantin.store.ingest import ingest_paths

    import sqlite3

    try:
        store = Store(args.db)
    except (StoreError, OSError) as error:
        print(f"bantin: error: {error}", file=sys.stderr)
        return 2
    except sqlite3.DatabaseError as error:  # not a database file
        print(f"bantin: error: {args.db}: cannot open as a store ({error})", file=sys.stderr)
        return 2
    print(f"bantin: ingesting into {args.db} ...", file=sys.stderr)
    result, errors = ingest_paths(store, args.inputs)
    report(errors)
    for outcome in result.outcomes:
        if outcome.status == "rejected":
            print(f"bantin: error: {outcome.position}: {outcome.reason}", file=sys.stderr)
    counts = store.counts()
    store.close()
    print(json.dumps({"added": result.count("added"), "duplicates": result.count("duplicate"),
                      "rejected": result.count("rejected") + len(errors), "store": counts}, ensure_ascii=False))
    return 1 if errors or result.count("rejected") else 0
