"""Spark local[N] against one process on the synthetic stream of ``bench_cluster_scale``.

For each size the stream is written as JSONL, then clustered (no summaries, no facts) twice, each
in a fresh subprocess: ``bantin cluster`` (one process) and the Spark path
(``bantin.spark.jobs.cluster_files`` + ``write_events``, session start included). While a run
goes, this process samples the run's process tree every 0.5 s from ``/proc`` (RSS, ``VmRSS``) and
reports the peak of: the driver (the Python process that runs the path), the JVM (in local mode it
holds the executors and the persisted RDDs), the Python workers together (the PySpark daemon and
its forked workers; forks share pages, so the sum overstates them), and the whole tree. Also
reported: the Spark stage timings (seconds, see ``bantin.spark.jobs.cluster_files``), the largest
connected component of the candidate graph (units), and whether both outputs are byte-identical.

    .venv/bin/python -m benchmarks.bench_spark [--sizes 10000,100000] [--master 'local[2]'] \\
        [--driver-memory 4g] [--only spark]
    .venv/bin/python -m benchmarks.bench_spark --corpora   # components on the pooled corpora
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path


def _child(kind: str, stream: str, output: str, master: str, driver_memory: str) -> None:
    """Run one path in this (fresh) process and print its measurements as JSON."""
    started = time.perf_counter()
    info: dict = {}
    if kind == "single":
        from bantin.cli import main

        code = main(["cluster", stream, "--no-summary", "--no-facts", "-o", output])
    else:
        from bantin.spark.jobs import cluster_files, write_events
        from bantin.spark.session import spark_session

        spark = spark_session(master, conf={"spark.driver.memory": driver_memory, "spark.ui.enabled": "false"})
        info["session_s"] = round(time.perf_counter() - started, 1)
        run = cluster_files(spark, [stream], None, None)
        mark = time.perf_counter()
        write_events(spark, run.events, output, "jsonl")
        run.timings["events_write"] = time.perf_counter() - mark
        info["stages_s"] = {k: round(v, 1) for k, v in run.timings.items() if isinstance(v, float)}
        info.update({k: v for k, v in run.timings.items() if isinstance(v, int)})
        spark.stop()
        code = 0
    info.update(kind=kind, code=code, wall_s=round(time.perf_counter() - started, 1))
    print(json.dumps(info), flush=True)


def corpus_components() -> dict:
    """The connected components of the candidate graph (units: copies merged) on the pooled
    VMDS + AbMuSu-train articles, as ``cluster_indices`` builds it, against the gold events."""
    from bantin.cluster.dedup import find_duplicates
    from bantin.cluster.events import ClusterConfig, _stamp, _units, candidate_edges
    from bantin.cluster.features import article_matrix
    from bantin.spark.graph import smallest_labels
    from benchmarks.bench_cluster_scale import load_clusters

    import numpy as np

    clusters = load_clusters()
    articles = [a.replace(id=f"{k}-{j}-{a.id}") for k, c in enumerate(clusters) for j, a in enumerate(c)]
    config = ClusterConfig()
    ranked = sorted(articles, key=lambda a: a.id)
    units = _units(len(ranked), find_duplicates(ranked, config.dedup))
    reps = [ranked[u[0]] for u in units]
    matrix, text = article_matrix(reps, config.weights, config.max_terms, config.background)
    stamps = np.array([_stamp(a.published) for a in reps], dtype=np.float64)
    lo, hi, _ = candidate_edges(text, matrix, stamps, config)
    labels = smallest_labels(len(units), lo, hi)
    sizes = np.bincount(labels, minlength=len(units))
    gold = {}
    for unit, label in zip(units, labels.tolist()):
        gold.setdefault(label, set()).update(ranked[i].id.split("-")[0] for i in unit)
    return {"articles": len(articles), "gold_events": len(clusters), "units": len(units), "edges": len(lo),
            "largest_component": int(sizes.max()), "components_over_1": int((sizes > 1).sum()),
            "most_gold_events_in_a_component": max(len(g) for g in gold.values())}


def _tree(root: int) -> list[int]:
    """``root`` and its descendants (from /proc/*/stat)."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            parent = int(stat.rsplit(")", 1)[1].split()[1])
            children.setdefault(parent, []).append(int(entry))
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo.extend(children.get(pid, []))
    return found


def _rss_mb(pid: int) -> tuple[str, float]:
    """(kind: driver/jvm/python, RSS in MB) of one process; ("", 0) when it is gone."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
        exe = os.path.basename(os.readlink(f"/proc/{pid}/exe"))
    except OSError:
        return "", 0.0
    rss = next((int(line.split()[1]) for line in status.splitlines() if line.startswith("VmRSS:")), 0)
    return ("jvm" if exe.startswith("java") else "python"), rss / 1024


class PeakMemory:
    """Samples a process tree's RSS in a thread: peak of the root (the driver), of the JVM, of
    the other Python processes together, and of the whole tree (MB)."""

    def __init__(self, root: int, every: float = 0.5) -> None:
        self.root, self.every = root, every
        self.peak = {"driver_mb": 0.0, "jvm_mb": 0.0, "python_workers_mb": 0.0, "tree_mb": 0.0}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.is_set():
            now = {"driver_mb": 0.0, "jvm_mb": 0.0, "python_workers_mb": 0.0}
            for pid in _tree(self.root):
                kind, mb = _rss_mb(pid)
                key = "driver_mb" if pid == self.root else "jvm_mb" if kind == "jvm" else "python_workers_mb"
                if kind:
                    now[key] += mb
            now["tree_mb"] = sum(now.values())
            for key, value in now.items():
                self.peak[key] = max(self.peak[key], value)
            self._stop.wait(self.every)

    def stop(self) -> dict:
        self._stop.set()
        self._thread.join()
        return {k: round(v) for k, v in self.peak.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--days", type=int, default=180)
    parser.add_argument("--master", default="local[2]")
    parser.add_argument("--driver-memory", default="4g", help="JVM heap (local mode: driver = executor)")
    parser.add_argument("--only", choices=("single", "spark"), help="run one path only")
    parser.add_argument("--stream", help="an existing JSONL stream (instead of writing one per size)")
    parser.add_argument("--corpora", action="store_true",
                        help="only the largest connected component on the pooled VMDS + AbMuSu-train")
    parser.add_argument("--child", nargs=3, metavar=("KIND", "STREAM", "OUTPUT"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        _child(*args.child, args.master, args.driver_memory)
        return 0
    if args.corpora:
        print(json.dumps(corpus_components()))
        return 0
    from bantin.spark import SparkUnavailable, check_available

    try:
        check_available()
    except SparkUnavailable as error:
        print(f"skipped: {error}")
        return 0
    from benchmarks.bench_cluster_scale import main as scale_main

    kinds = (args.only,) if args.only else ("single", "spark")
    with tempfile.TemporaryDirectory(prefix="bantin-spark-bench-") as tmp:
        for size in [int(s) for s in args.sizes.split(",")]:
            stream = args.stream or str(Path(tmp) / f"stream-{size}.jsonl")
            if not args.stream:
                scale_main(["--sizes", str(size), "--days", str(args.days), "--write-jsonl", stream])
            for kind in kinds:
                output = str(Path(tmp) / f"{kind}-{size}.jsonl")
                child = subprocess.Popen([sys.executable, "-m", "benchmarks.bench_spark", "--master", args.master,
                                          "--driver-memory", args.driver_memory, "--child", kind, stream, output],
                                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                memory = PeakMemory(child.pid)
                out, err = child.communicate()
                lines = [x for x in out.splitlines() if x.startswith("{")]
                result = json.loads(lines[-1]) if lines else {"error": err[-2000:]}
                result["peak_rss"] = memory.stop()
                print(f"{size:>8} {kind:<6} {json.dumps(result)}", flush=True)
            if len(kinds) == 2:
                same = Path(tmp, f"single-{size}.jsonl").read_bytes() == Path(tmp, f"spark-{size}.jsonl").read_bytes()
                print(f"{size:>8} same events: {same}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
