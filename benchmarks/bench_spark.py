"""Spark local[N] against one process on the synthetic stream of ``bench_cluster_scale``.

For each size the stream is written as JSONL, then clustered (no summaries, no facts) twice, each
in a fresh subprocess: ``bantin cluster`` (one process) and the Spark path
(``bantin.spark.jobs.cluster_files`` + ``write_events``, session start included). While a run
goes, this process samples the run's process tree every 0.5 s from ``/proc`` (RSS, ``VmRSS``) and
reports the peak of: the driver (the Python process that runs the path), the JVM (in local mode it
holds the executors and the persisted RDDs), the Python workers together (the PySpark daemon and
its forked workers; forks share pages, so the sum overstates them), and the whole tree; with them
``tree_cpu_s``, the CPU seconds (user + system) of the tree, sampled the same way. Also reported:
the Spark stage timings (seconds, see ``bantin.spark.jobs.cluster_files``), the largest
connected component of the candidate graph (units), and whether both outputs are byte-identical.

    .venv/bin/python -m benchmarks.bench_spark [--sizes 10000,100000] [--master 'local[2]'] \\
        [--driver-memory 4g] [--only spark]
    .venv/bin/python -m benchmarks.bench_spark --corpora   # components on the pooled corpora

``--max-rss-mb`` and ``--deadline HH:MM`` (UTC) kill a run's whole process tree when it goes over
the cap or past the time; the Spark run then reports the stages it finished (``stages_so_far``).
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

        _report_steps(started)
        code = main(["cluster", stream, "--no-summary", "--no-facts", "-o", output])
    else:
        from bantin.spark.jobs import cluster_files, write_events
        from bantin.spark.session import spark_session

        spark = spark_session(master, conf={"spark.driver.memory": driver_memory, "spark.ui.enabled": "false"})
        info["session_s"] = round(time.perf_counter() - started, 1)
        timings: dict = {}
        _report_progress(timings, started)
        run = cluster_files(spark, [stream], None, None, timings=timings)
        mark = time.perf_counter()
        write_events(spark, run.events, output, "jsonl")
        run.timings["events_write"] = time.perf_counter() - mark
        info["stages_s"] = {k: round(v, 1) for k, v in run.timings.items() if isinstance(v, float)}
        info.update({k: v for k, v in run.timings.items() if isinstance(v, int)})
        spark.stop()
        code = 0
    info.update(kind=kind, code=code, wall_s=round(time.perf_counter() - started, 1))
    print(json.dumps(info), flush=True)


def _report_progress(timings: dict, started: float, every: float = 2.0) -> None:
    """Print ``progress {...}`` on stderr each time a stage lands in ``timings`` (a thread), so a
    run stopped by the parent (time or memory cap) still tells how far it got."""
    def run() -> None:
        seen = 0
        while True:
            time.sleep(every)
            now = dict(timings)
            if len(now) != seen:
                seen = len(now)
                row = {k: round(v, 1) if isinstance(v, float) else v for k, v in now.items()}
                row["elapsed_s"] = round(time.perf_counter() - started, 1)
                print("progress " + json.dumps(row), file=sys.stderr, flush=True)

    threading.Thread(target=run, daemon=True).start()


# the single path's steps, in order; the sampler notes when each first appears on the stack
_STEPS = ("read_articles", "clean_article", "find_duplicates", "article_matrix", "candidate_edges",
          "average_linkage", "_event", "write_events")


def _report_steps(started: float, every: float = 2.0) -> None:
    """For the one-process path: sample the main thread's stack (a thread) and print ``progress
    {...}`` on stderr with the elapsed seconds at which each of ``_STEPS`` was first seen."""
    main_id = threading.main_thread().ident

    def run() -> None:
        reached: dict[str, float] = {}
        while True:
            time.sleep(every)
            frame = sys._current_frames().get(main_id)
            names = set()
            while frame is not None:
                names.add(frame.f_code.co_name)
                frame = frame.f_back
            new = [n for n in _STEPS if n in names and n not in reached]
            if new:
                for name in new:
                    reached[name] = round(time.perf_counter() - started, 1)
                print("progress " + json.dumps({"first_seen_s": reached}), file=sys.stderr, flush=True)

    threading.Thread(target=run, daemon=True).start()


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


def _cpu_s(pid: int) -> float:
    """User + system CPU seconds of one process so far (0 when it is gone)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


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

    def __init__(self, root: int, every: float = 0.5, cap_mb: float = 0.0, deadline: float = 0.0) -> None:
        self.root, self.every, self.cap_mb, self.deadline = root, every, cap_mb, deadline
        self.stopped = ""
        self.cpu: dict[int, float] = {}  # last CPU seconds seen per pid (a process that ends loses < 0.5 s)
        self.peak = {"driver_mb": 0.0, "jvm_mb": 0.0, "python_workers_mb": 0.0, "tree_mb": 0.0}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.is_set():
            now = {"driver_mb": 0.0, "jvm_mb": 0.0, "python_workers_mb": 0.0}
            for pid in _tree(self.root):
                kind, mb = _rss_mb(pid)
                self.cpu[pid] = max(self.cpu.get(pid, 0.0), _cpu_s(pid))
                key = "driver_mb" if pid == self.root else "jvm_mb" if kind == "jvm" else "python_workers_mb"
                if kind:
                    now[key] += mb
            now["tree_mb"] = sum(now.values())
            for key, value in now.items():
                self.peak[key] = max(self.peak[key], value)
            if self.cap_mb and now["tree_mb"] > self.cap_mb:
                self._kill(f"tree RSS {now['tree_mb']:.0f} MB over the cap of {self.cap_mb:.0f} MB")
            elif self.deadline and time.time() > self.deadline:
                self._kill("deadline reached")
            self._stop.wait(self.every)

    def _kill(self, why: str) -> None:
        """SIGKILL the run's whole tree (each pid found under the root, the JVM included)."""
        self.stopped = why
        for pid in _tree(self.root):
            try:
                os.kill(pid, 9)
            except OSError:
                pass

    def stop(self) -> dict:
        self._stop.set()
        self._thread.join()
        peak = {k: round(v) for k, v in self.peak.items()}
        peak["tree_cpu_s"] = round(sum(self.cpu.values()), 1)
        if self.stopped:
            peak["stopped"] = self.stopped
        return peak


def _deadline(hhmm: str | None) -> float:
    """Epoch seconds of the next HH:MM UTC (0 when not given)."""
    if not hhmm:
        return 0.0
    from datetime import datetime, timedelta, timezone

    now = datetime.now(timezone.utc)
    hour, minute = (int(x) for x in hhmm.split(":"))
    at = now.replace(hour=hour, minute=minute, second=0, microsecond=0)
    return (at if at > now else at + timedelta(days=1)).timestamp()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--days", type=int, default=180)
    parser.add_argument("--master", default="local[2]")
    parser.add_argument("--driver-memory", default="4g", help="JVM heap (local mode: driver = executor)")
    parser.add_argument("--only", choices=("single", "spark"), help="run one path only")
    parser.add_argument("--stream", help="an existing JSONL stream (instead of writing one per size)")
    parser.add_argument("--max-rss-mb", type=float, default=0.0,
                        help="kill a run whose process tree goes over this RSS (MB) and report how far it got")
    parser.add_argument("--deadline", help="kill a run still going at this UTC time (HH:MM), same report")
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
            finished: dict[str, bool] = {}
            for kind in kinds:
                output = str(Path(tmp) / f"{kind}-{size}.jsonl")
                child = subprocess.Popen([sys.executable, "-m", "benchmarks.bench_spark", "--master", args.master,
                                          "--driver-memory", args.driver_memory, "--child", kind, stream, output],
                                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                memory = PeakMemory(child.pid, cap_mb=args.max_rss_mb, deadline=_deadline(args.deadline))
                out, err = child.communicate()
                lines = [x for x in out.splitlines() if x.startswith("{")]
                progress = [x[len("progress "):] for x in err.splitlines() if x.startswith("progress {")]
                result = (json.loads(lines[-1]) if lines else
                          {"kind": kind, "completed": False, "stages_so_far": json.loads(progress[-1])} if progress else
                          {"kind": kind, "completed": False, "error": err[-2000:]})
                result["peak_rss"] = memory.stop()
                finished[kind] = result.get("code") == 0 and "stopped" not in result["peak_rss"]
                print(f"{size:>8} {kind:<6} {json.dumps(result)}", flush=True)
            if len(kinds) == 2 and all(finished.get(k) for k in kinds):
                same = Path(tmp, f"single-{size}.jsonl").read_bytes() == Path(tmp, f"spark-{size}.jsonl").read_bytes()
                print(f"{size:>8} same events: {same}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
