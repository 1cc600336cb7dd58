"""Plumbing shared by the CLI commands: reading inputs with error reports, output, progress."""
from __future__ import annotations

import argparse
import contextlib
import json
import sys
from typing import Any, Iterable, Iterator, TextIO, TypeVar

from bantin.models import Article, Rejected

T = TypeVar("T")

HELP_FORMATTER = argparse.RawDescriptionHelpFormatter


def add_input_arguments(parser: argparse.ArgumentParser, required: bool = True) -> None:
    parser.add_argument(
        "inputs", nargs="+" if required else "*", metavar="INPUT",
        help="files (.txt .html .json .jsonl) or directories (recursive); '-' reads JSONL from stdin",
    )
    parser.add_argument("--strict", action="store_true", help="stop at the first rejected input")


def positive_int(value: str) -> int:
    """argparse type for budgets and counts: a whole number of at least 1."""
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {value!r}") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {number}")
    return number


def add_budget_argument(parser: argparse.ArgumentParser, default: int | None = 100,
                        help: str = "summary budget in syllables (default 100)") -> None:
    parser.add_argument("--max-words", type=positive_int, default=default, metavar="N", help=help)


def report(rejected: Iterable[Rejected]) -> int:
    """Print every rejected input to stderr; return how many there were."""
    count = 0
    for item in rejected:
        print(f"bantin: error: {item}", file=sys.stderr)
        count += 1
    return count


def read_inputs(paths: list[str], strict: bool = False, clean: bool = False) -> tuple[list[Article], list[Rejected]]:
    """Read articles from the CLI inputs; rejected inputs are reported on stderr, not dropped silently.

    ``clean=True`` also runs ``bantin.pipeline.prepare`` (boilerplate removed, ids made unique).
    """
    from bantin.ingest.readers import ReadError, iter_articles

    errors: list[Rejected] = []
    articles: list[Article] = []
    try:
        for article in iter_articles(paths, errors=errors, strict=strict):
            articles.append(article)
    except ReadError:
        pass  # --strict: reading stops at the first rejected input, which is in errors
    report(errors)
    if clean:
        from bantin.pipeline import prepare

        articles = prepare(articles, progress=progress)
    return articles, errors


@contextlib.contextmanager
def open_output(path: str | None) -> Iterator[TextIO]:
    """stdout for None or '-', else the file (UTF-8)."""
    if path in (None, "-"):
        yield sys.stdout
        sys.stdout.flush()
    else:
        with open(path, "w", encoding="utf-8") as handle:
            yield handle


def dump_json_line(record: Any, out: TextIO) -> None:
    out.write(json.dumps(record, ensure_ascii=False) + "\n")


def progress(items: Iterable[T], total: int | None = None, desc: str = "") -> Iterable[T]:
    """A progress bar on stderr when it is a terminal; the items unchanged otherwise."""
    if not sys.stderr.isatty():
        return items
    from tqdm import tqdm

    return tqdm(items, total=total, desc=desc, file=sys.stderr, unit="item", leave=False)
