"""``bantin serve``: the web app (Vietnamese pages) and REST API over a store."""
from __future__ import annotations

import argparse
import os
import sys
from typing import Any

from bantin.commands._common import HELP_FORMATTER

EPILOG = """\
examples:
  bantin serve --db tin.db                      # http://127.0.0.1:8000/
  BANTIN_TOKEN=secret bantin serve --db tin.db --host 0.0.0.0 --port 8080

Pages: / (events, filters), /events/ID (brief with source markers), /tim-kiem?q= (search).
API: /api/events, /api/events/ID, /api/articles/ID, /api/search?q=, POST /api/articles,
/health; OpenAPI at /openapi.json, docs at /docs. Reads are open; POST needs
'Authorization: Bearer $BANTIN_TOKEN' when BANTIN_TOKEN is set, and is refused without it when
--host is not a loopback address. Needs the web extra: pip install 'bantin[web]'.
"""


def add_parser(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "serve", help="serve the events of a store as web pages and a REST API",
        description="Serve a bantin store: Vietnamese pages for editors and a JSON API.",
        epilog=EPILOG, formatter_class=HELP_FORMATTER,
    )
    parser.add_argument("--db", required=True, metavar="FILE", help="the store (created when missing)")
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=8000, help="port (default 8000; 0 picks a free one)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    try:
        import uvicorn

        from bantin.serve.app import create_app, is_loopback
    except ImportError as error:
        print(f"bantin: error: {error}; install the web extra: pip install 'bantin[web]'", file=sys.stderr)
        return 2
    token = os.environ.get("BANTIN_TOKEN") or None
    if not is_loopback(args.host) and token is None:
        print("bantin: warning: listening beyond localhost without BANTIN_TOKEN: writes are refused",
              file=sys.stderr)
    import sqlite3

    from bantin.store import StoreError

    try:
        app = create_app(args.db, host=args.host, token=token)
    except (StoreError, sqlite3.DatabaseError, OSError) as error:  # not a store, a newer store ...
        print(f"bantin: error: {args.db}: {error}", file=sys.stderr)
        return 2
    config = uvicorn.Config(app, host=args.host, port=args.port, log_level="warning", access_log=False)
    server = uvicorn.Server(config)
    _announce_when_started(server, args.host)
    server.run()
    return 0


def _announce_when_started(server, host: str) -> None:
    """Print the URL once uvicorn has bound its socket (the port may have been 0)."""
    startup = server.startup

    async def startup_then_print(sockets=None):
        await startup(sockets=sockets)
        for bound in server.servers:
            for sock in bound.sockets:
                port = sock.getsockname()[1]
                shown = "127.0.0.1" if host in ("0.0.0.0", "::") else host
                print(f"bantin: serving on http://{shown}:{port}/", file=sys.stderr, flush=True)
                print(f"http://{shown}:{port}/", flush=True)
                return

    server.startup = startup_then_print
