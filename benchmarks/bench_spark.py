"""Spark local[N] against one process on the synthetic stream of ``bench_cluster_scale``.

For each size the stream is written as JSONL, then clustered (no summaries) twice, each in a
fresh subprocess: ``bantin cluster`` (one process) and the Spark path (``bantin.spark.jobs``,
session start included). Reported per run: wall time, peak RSS of the driver process and of the
largest child process (for Spark: the JVM, which holds the executors in local mode; Python
workers are children of the JVM, and the largest single process is what ``RUSAGE_CHILDREN``
reports), the Spark stage timings (seconds, see ``bantin.spark.jobs.cluster_files``) and the
largest connected component of the candidate graph (in units), and whether both paths gave the
same events.

    .venv/bin/python -m benchmarks.bench_spark [--sizes 10000,100000] [--master 'local[2]']
"""
from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def _child(kind: str, stream: str, output: str, master: str) -> None:
    """Run one path in this (fresh) process and print its measurements as JSON."""
    started = time.perf_counter()
    info: dict = {}
    if kind == "single":
        from bantin.cli import main

        code = main(["cluster", stream, "--no-summary", "--no-facts", "-o", output])
    else:
        from bantin.spark.jobs import cluster_files, write_events
        from bantin.spark.session import spark_session

        spark = spark_session(master)
        info["session_s"] = round(time.perf_counter() - started, 1)
        run = cluster_files(spark, [stream], None, None)
        write_events(spark, run.events, output, "jsonl")
        info["stages_s"] = {k: round(v, 1) for k, v in run.timings.items() if isinstance(v, float)}
        info["largest_component"] = run.timings.get("largest_component")
        info["components"] = run.timings.get("components")
        info["candidate_edges"] = run.timings.get("candidate_edges")
        spark.stop()
        code = 0
    info.update(kind=kind, code=code, wall_s=round(time.perf_counter() - started, 1),
                driver_peak_mb=round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
                largest_child_peak_mb=round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024))
    print(json.dumps(info))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--days", type=int, default=180)
    parser.add_argument("--master", default="local[2]")
    parser.add_argument("--child", nargs=3, metavar=("KIND", "STREAM", "OUTPUT"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        _child(*args.child, args.master)
        return 0
    from bantin.spark import SparkUnavailable, check_available
    from benchmarks.bench_cluster_scale import main as scale_main

    try:
        check_available()
    except SparkUnavailable as error:
        print(f"skipped: {error}")
        return 0

    with tempfile.TemporaryDirectory(prefix="bantin-spark-bench-") as tmp:
        for size in [int(s) for s in args.sizes.split(",")]:
            stream = str(Path(tmp) / f"stream-{size}.jsonl")
            scale_main(["--sizes", str(size), "--days", str(args.days), "--write-jsonl", stream])
            results = {}
            for kind in ("single", "spark"):
                output = str(Path(tmp) / f"{kind}-{size}.jsonl")
                done = subprocess.run([sys.executable, "-m", "benchmarks.bench_spark", "--master", args.master,
                                       "--child", kind, stream, output], capture_output=True, text=True)
                lines = [x for x in done.stdout.splitlines() if x.startswith("{")]
                results[kind] = json.loads(lines[-1]) if lines else {"error": done.stderr[-2000:]}
                print(f"{size:>8} {kind:<6} {json.dumps(results[kind])}", flush=True)
            same = Path(tmp, f"single-{size}.jsonl").read_bytes() == Path(tmp, f"spark-{size}.jsonl").read_bytes()
            print(f"{size:>8} same events: {same}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
