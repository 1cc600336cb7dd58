"""Dates: header parsing speed, mentions found on VMDS, how well yearless dates get their year,
and (when ``dateparser`` is installed) a comparison with dateparser on the documented headers.

Year inference is measured on mentions that *do* carry a year (``ngày 14/10/2013``, ``tháng
9/2013``, ``quý 3/2012``) within one year of the article's publication date: the year is cut
off (``ngày 14/10``) and the text resolved again against the publication date; the answer is
right when the same range comes back. Mentions that are no mention without their year (a bare
``22/12/2012`` becomes ``22/12``, which needs a cue word) are left out. Caveat: writers add the year mostly when the date is not
obvious, so this set is harder than the yearless mentions it stands in for; read the numbers
as a comparison between settings of ``FUTURE_WEIGHT``, not as the accuracy on real yearless
dates.

    .venv/bin/python -m benchmarks.dates [--shared ../shared] [--write]

The dateparser comparison runs only where dateparser is importable (it is not a bantin
dependency): ``pip install dateparser`` into a scratch venv that also sees ``src/``.
"""
from __future__ import annotations

import argparse
import collections
import glob
import os
import re
import time
import unicodedata
from datetime import datetime

from bantin.ingest import dates
from bantin.ingest.dates import HEADER_FORMATS, find_dates, parse_date

_YEAR_SUFFIX = re.compile(r"(?:\s*[/.\-,]\s*|\s+năm\s+|\s+)((?:19|20)[0-9]{2})$")


def _vmds(root: str):
    for info in sorted(glob.glob(os.path.join(root, "datasets/vmds/clusters/cluster_*/*.info.txt"))):
        if os.path.basename(info).startswith("cluster_"):
            continue
        with open(info, encoding="utf-8-sig") as fh:
            header = re.search(r"^TIME:\s*(.*)$", fh.read(), re.M)
        with open(info.replace(".info.txt", ".body.txt"), encoding="utf-8-sig") as fh:
            body = unicodedata.normalize("NFC", fh.read())
        yield header.group(1).strip() if header else "", body


def measure(docs: list[tuple[str, str]], weights: tuple[float, ...]) -> dict:
    start = time.perf_counter()
    published = [parse_date(header) for header, _ in docs]
    header_seconds = time.perf_counter() - start
    unparsed = sum(p is None for p in published)

    start = time.perf_counter()
    mentions = [find_dates(body, pub) if pub else [] for (_, body), pub in zip(docs, published)]
    text_seconds = time.perf_counter() - start
    chars = sum(len(body) for _, body in docs)
    kinds = collections.Counter(m.kind for ms in mentions for m in ms)

    cases = []
    for ms, pub in zip(mentions, published):
        for m in ms:
            cut = _YEAR_SUFFIX.search(m.text)
            if m.kind in ("day", "month", "quarter", "season") and cut and abs(int(cut.group(1)) - pub.year) <= 1:
                if find_dates(m.text[: cut.start()], pub):  # a bare "22/12" is no mention without its year
                    cases.append((m.text[: cut.start()], pub, m.start, m.end))
    accuracy = {}
    saved = dates.FUTURE_WEIGHT
    try:
        for weight in weights:
            dates.FUTURE_WEIGHT = weight
            right = 0
            for text, pub, first, last in cases:
                got = find_dates(text, pub)
                right += bool(got) and (got[0].start, got[0].end) == (first, last)
            accuracy[weight] = right / len(cases) if cases else float("nan")
    finally:
        dates.FUTURE_WEIGHT = saved
    return {
        "docs": len(docs),
        "headers_unparsed": unparsed,
        "headers_per_second": len(docs) / header_seconds,
        "mentions": sum(kinds.values()),
        "kinds": dict(kinds.most_common()),
        "text_mchars_per_second": chars / text_seconds / 1e6,
        "year_cases": len(cases),
        "year_accuracy": accuracy,
    }


def compare_dateparser(repeat: int = 3) -> str | None:
    """Agreement with dateparser on :data:`HEADER_FORMATS` and time per string, or None."""
    try:
        import dateparser  # optional, only for this comparison
    except ImportError:
        return None
    reference = datetime(2016, 5, 21, 12, 0)
    settings = {"DATE_ORDER": "DMY", "RELATIVE_BASE": reference, "RETURN_AS_TIMEZONE_AWARE": True,
                "TIMEZONE": "Asia/Ho_Chi_Minh"}
    misses = []
    for header in HEADER_FORMATS:
        theirs = dateparser.parse(header, languages=["vi", "en"], settings=settings)
        ours = parse_date(header, reference=reference)
        if theirs is None or ours is None or theirs.replace(tzinfo=None) != ours.replace(tzinfo=None):
            misses.append(f"`{header}` → {theirs}")
    start = time.perf_counter()
    for _ in range(repeat):
        for header in HEADER_FORMATS:
            dateparser.parse(header, languages=["vi", "en"], settings=settings)
    theirs_ms = (time.perf_counter() - start) * 1e3 / (repeat * len(HEADER_FORMATS))
    start = time.perf_counter()
    for _ in range(100 * repeat):
        for header in HEADER_FORMATS:
            parse_date(header, reference=reference)
    ours_ms = (time.perf_counter() - start) * 1e3 / (100 * repeat * len(HEADER_FORMATS))
    return (
        f"- dateparser {dateparser.__version__} (DMY, vi+en) on the {len(HEADER_FORMATS)} HEADER_FORMATS: "
        f"{len(HEADER_FORMATS) - len(misses)} agree with parse_date; {theirs_ms:.2f} ms/string vs "
        f"{ours_ms * 1e3:.0f} µs/string. Differs on: " + "; ".join(misses)
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", default=os.path.join(os.path.dirname(__file__), "..", "..", "shared"))
    parser.add_argument("--write", action="store_true", help="update the Dates section of BENCHMARKS.md")
    args = parser.parse_args(argv)
    docs = list(_vmds(args.shared))
    if not docs:
        print(f"VMDS not found under {args.shared}")
        return 1
    weights = (1.0, 1.5, 2.0, 3.0, 5.0, 1e9)
    result = measure(docs, weights)
    lines = [
        f"VMDS, {result['docs']} articles (`python -m benchmarks.dates`).",
        "",
        f"- TIME headers: {result['headers_unparsed']} unparsed; {result['headers_per_second']:,.0f} headers/s",
        f"- find_dates: {result['mentions']} mentions, {result['text_mchars_per_second']:.2f} M chars/s; "
        + ", ".join(f"{k} {v}" for k, v in result["kinds"].items()),
        f"- year of a yearless date, {result['year_cases']} mentions with their year cut off "
        f"(current FUTURE_WEIGHT = {dates.FUTURE_WEIGHT}):",
    ]
    for weight, acc in result["year_accuracy"].items():
        label = "past only" if weight >= 1e9 else f"FUTURE_WEIGHT {weight:g}"
        lines.append(f"  - {label}: {acc:.1%}")
    comparison = compare_dateparser()
    if comparison:
        lines.append(comparison)
    report = "\n".join(lines)
    print(report)
    if args.write:
        from benchmarks import update_section

        update_section("Dates", report)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
