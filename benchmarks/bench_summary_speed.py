"""Summary speed: time per cluster, in-process after loading, on typical 3-article clusters.

The clusters are VMDS's 3-article clusters (160 of 199); each system summarizes each of them to the
cluster's budget (mean reference length) after a warm-up on the first one; the fastest of
``--repeat`` runs counts, as CPU time of the process (the machine is shared); median and p90 in
milliseconds. bantin, lead and sumy's LexRank take turns on each cluster in the same process, so
the ratio to LexRank is fair. Pin it to one core:

    taskset -c 0 .venv/bin/python -m benchmarks.bench_summary_speed [--repeat 3] [--no-write]

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


def time_systems(names: list[str], clusters, repeat: int) -> dict[str, dict[str, list[float]]]:
    """Per system, per cluster: the fastest of ``repeat`` runs, as CPU time and as wall time.

    Systems take turns on each cluster, so load from other processes hits them alike; CPU time
    (``time.process_time``) is what the numbers are based on because the machine is shared.
    """
    systems = {name: peers.get_system(name) for name in names}
    first = clusters[0]
    for system in systems.values():  # warm-up: imports, model load, caches
        system(first.articles, mean_reference_length(first.references))
    times = {name: {"cpu": [], "wall": []} for name in names}
    for cluster in clusters:
        budget = mean_reference_length(cluster.references)
        for name, system in systems.items():
            best_cpu = best_wall = float("inf")
            for _ in range(repeat):
                cpu, wall = time.process_time(), time.perf_counter()
                system(cluster.articles, budget)
                best_cpu = min(best_cpu, time.process_time() - cpu)
                best_wall = min(best_wall, time.perf_counter() - wall)
            times[name]["cpu"].append(best_cpu)
            times[name]["wall"].append(best_wall)
    return times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs per cluster, the fastest counts (default 3)")
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

    times = time_systems(systems, clusters, args.repeat)
    stats = {
        name: {
            "median": statistics.median(t["cpu"]) * 1000,
            "p90": percentile(t["cpu"], 90) * 1000,
            "mean": statistics.mean(t["cpu"]) * 1000,
            "wall": statistics.median(t["wall"]) * 1000,
        }
        for name, t in times.items()
    }
    rows = [
        "| system | median ms/cluster | p90 ms/cluster | mean ms/cluster | median wall ms | median vs LexRank |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for name, st in stats.items():
        ratio = f"{st['median'] / stats['lexrank']['median']:.2f}×" if stats.get("lexrank", {}).get("median") else "n/a"
        rows.append(f"| {name} | {st['median']:.2f} | {st['p90']:.2f} | {st['mean']:.2f} | {st['wall']:.2f} | {ratio} |")
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    body = "\n".join([
        f"Time to summarize one cluster, in-process after loading (warm-up on the first cluster), over the "
        f"{len(clusters)} VMDS clusters with 3 articles; budget = mean reference length; fastest of "
        f"{args.repeat} runs per cluster. CPU time of the process (`time.process_time`), because the "
        f"machine is shared; the wall-clock median is shown too. The systems take turns on each "
        f"cluster in the same run, on {cores} core(s) (Python {platform.python_version()}, "
        f"{platform.machine()}).",
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
