"""Summary speed: time per cluster, in-process after loading, on typical 3-article clusters.

The clusters are VMDS's 3-article clusters (160 of 199); each system summarizes each of them to the
cluster's budget (mean reference length) once after a warm-up on the first one, timed with
``time.perf_counter``; median and p90 in milliseconds. bantin, lead and sumy's LexRank run in the
same process on the same clusters, so the ratio to LexRank is fair. Pin it to one core:

    taskset -c 0 .venv/bin/python -m benchmarks.bench_summary_speed [--repeat 1] [--no-write]

Writes the table to BENCHMARKS.md ``## Summary speed`` (unless ``--no-write``).
"""
from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import time

from benchmarks import update_section
from bantin.evaluate import peers
from bantin.evaluate.corpora import corpus_path, load_vmds
from bantin.evaluate.rouge import mean_reference_length
from bantin.evaluate.summaries import available_systems

SYSTEMS = ("bantin", "lead", "lexrank")
COMMAND = "taskset -c 0 .venv/bin/python -m benchmarks.bench_summary_speed"


def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100)."""
    ordered = sorted(values)
    rank = max(1, int(-(-q * len(ordered) // 100)))  # ceil(q/100 * n)
    return ordered[rank - 1]


def time_system(name: str, clusters, repeat: int) -> list[float]:
    system = peers.get_system(name)
    first = clusters[0]
    system(first.articles, mean_reference_length(first.references))  # warm-up: imports, model load, caches
    times = []
    for cluster in clusters:
        budget = mean_reference_length(cluster.references)
        best = float("inf")
        for _ in range(repeat):
            start = time.perf_counter()
            system(cluster.articles, budget)
            best = min(best, time.perf_counter() - start)
        times.append(best)
    return times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=1, help="runs per cluster, the fastest counts (default 1)")
    parser.add_argument("--systems", default=",".join(SYSTEMS), help=f"comma-separated (default {','.join(SYSTEMS)})")
    parser.add_argument("--no-write", action="store_true", help="do not update BENCHMARKS.md")
    args = parser.parse_args(argv)

    root = corpus_path("vmds")
    if root is None:
        print("VMDS not found under ../shared/datasets: nothing to measure", file=sys.stderr)
        return 0
    clusters = [c for c in load_vmds(root) if len(c.articles) == 3]
    systems, skipped = available_systems([n.strip() for n in args.systems.split(",") if n.strip()])
    for note in skipped:
        print(f"skipping {note}", file=sys.stderr)

    stats = {}
    for name in systems:
        times = time_system(name, clusters, args.repeat)
        stats[name] = (statistics.median(times) * 1000, percentile(times, 90) * 1000, statistics.mean(times) * 1000)
        print(f"{name:10s} median {stats[name][0]:8.2f} ms  p90 {stats[name][1]:8.2f} ms", flush=True)

    rows = ["| system | median ms/cluster | p90 ms/cluster | mean ms/cluster | median vs LexRank |", "|---|---:|---:|---:|---:|"]
    for name, (median, p90, mean) in stats.items():
        ratio = f"{median / stats['lexrank'][0]:.2f}×" if "lexrank" in stats and stats["lexrank"][0] else "n/a"
        rows.append(f"| {name} | {median:.2f} | {p90:.2f} | {mean:.2f} | {ratio} |")
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    body = "\n".join([
        f"Time to summarize one cluster, in-process after loading (warm-up on the first cluster), over the "
        f"{len(clusters)} VMDS clusters with 3 articles; budget = mean reference length; fastest of "
        f"{args.repeat} run(s) per cluster. All systems measured in the same run, on {cores} core(s) "
        f"(Python {platform.python_version()}, {platform.machine()}).",
        "",
        *rows,
        "",
        "lead = round-robin lead baseline; lexrank = sumy LexRank on our sentences and syllables.",
        "",
        "```",
        COMMAND,
        "```",
    ])
    print("\n".join(rows))
    if skipped:
        body += "\n\nNot measured: " + "; ".join(skipped) + "."
    if not args.no_write:
        update_section("Summary speed", body)
    return 0


if __name__ == "__main__":
    sys.exit(main())
