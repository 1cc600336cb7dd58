"""Command line: ``bantin COMMAND ...``. Thin: parse, call the library, write, return a code.

Each command lives in ``bantin/commands/<name>.py`` with ``add_parser(subparsers)`` (which sets
``func``) so commands stay independent and short.
"""
from __future__ import annotations

import argparse
import logging
import sys
from importlib import import_module

# name -> module; the order is the order shown in `bantin --help`.
COMMANDS = {
    "clean": "bantin.commands.clean",
    "summarize": "bantin.commands.summarize",
    "cluster": "bantin.commands.cluster",
    "evaluate": "bantin.commands.evaluate",
    "convert": "bantin.commands.convert",
    "ingest": "bantin.commands.ingest",
    "serve": "bantin.commands.serve",
}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="bantin",
        description="Turn raw Vietnamese news articles into events with attributed summaries.",
        epilog="example: bantin summarize examples/flood-hanoi/ --format markdown",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"bantin {_version()}")
    parser.add_argument("-v", "--verbose", action="store_true", help="log details to stderr")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in COMMANDS.values():
        import_module(module).add_parser(subparsers)
    return parser


def _version() -> str:
    from bantin import __version__

    return __version__


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:  # --help, --version, or a usage error already printed by argparse
        return exit_.code if isinstance(exit_.code, int) else 2
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING,
        format="bantin: %(levelname)s: %(message)s",
        stream=sys.stderr,
    )
    if not getattr(args, "func", None):
        parser.print_help(sys.stderr)
        return 2
    try:
        return int(args.func(args) or 0)
    except BrokenPipeError:  # `bantin ... | head`
        return 0
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
