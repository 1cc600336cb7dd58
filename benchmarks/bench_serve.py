"""The store and the web app under load (issue 12's targets; a benchmark, not a test).

``ingest``: articles per second through :class:`bantin.store.ingest.Ingester` on one core
(the process is pinned to one CPU): a 10k-article stream (``bench_cluster_scale``'s synthetic
stream from VMDS + AbMuSu) in batches of 100 as ``POST /api/articles`` would send them: read
records -> clean -> duplicate check -> store + FTS -> online event -> commit (durable), then the
touched events' refresh (copies, brief, page JSON), timed separately.

``load``: a store of ``--articles`` (100k) articles, a real ``bantin serve`` on loopback, and for
``--seconds`` (60) ``--writers`` (8) clients posting batches of new articles while ``--readers``
(32) clients read without pause, each in turn an event page (``/events/{id}``, HTML), the events
list (``/api/events``, random sort and offset) and the feed (``/``, HTML). Reports errors
(anything but 2xx, or a failed connection), p50/p99 per kind and throughput, the box's 1-minute
load average before and after (other jobs share the CPUs) and the server's page cache counts.

The 100k store is built directly (not through HTTP, which would take an hour): the stream's
articles (corpus text, not cleaned again) are stored with ``Store.add_article`` (FTS included), grouped into events by
their synthetic story, and each event's page data made by ``describe_event`` -- with the brief
chosen by a lead-sentence stand-in instead of the summarizer (same JSON shape; the summarizer's
speed is ``bench_summary_speed``'s subject) and no facts (to keep the build within minutes:
the 100k store's pages have no entities/timeline/disagreements, so they are smaller than live
ones). The server's online clusterer starts empty after
this bulk load (a snapshot at its last article), so the writers' articles form events among
themselves. Clients run in their own processes; on a shared
2-core machine they compete with the server for CPU, which the numbers include.

    .venv/bin/python -m benchmarks.bench_serve ingest [--size 10000]
    .venv/bin/python -m benchmarks.bench_serve load [--articles 100000] [--seconds 60] [--db FILE]
    .venv/bin/python -m benchmarks.bench_serve cpu --db FILE [--requests 300]

``cpu``: the web process's own CPU time per request (user + system, read from /proc before and
after), one client sending ``--requests`` requests of each kind in sequence, no writers: what a
request costs the server, free of queueing. Each kind is sent twice over the same paths: the
first pass fills the server's caches (``cold``), the second is answered from them (``warm``).
"""
from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from http.client import HTTPConnection
from typing import Sequence

from bantin.models import Article


def _records(articles: Sequence[Article]) -> list[dict]:
    return [a.to_dict() for a in articles]


def _fresh(path: str) -> None:
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(path + suffix):
            os.remove(path + suffix)


# --------------------------------------------------------------------------- ingest
def run_ingest(size: int, batch: int = 100) -> dict:
    from benchmarks.bench_cluster_scale import synthetic_stream
    from bantin.ingest.readers import article_from_record
    from bantin.store import Store
    from bantin.store.ingest import Ingester

    cpu = min(os.sched_getaffinity(0))
    os.sched_setaffinity(0, {cpu})  # one core
    articles, _ = synthetic_stream(size)
    articles.sort(key=lambda a: a.published)  # a stream arrives in date order
    records = _records(articles)
    with tempfile.TemporaryDirectory() as folder:
        store = Store(os.path.join(folder, "bench.db"))
        ingester = Ingester(store)
        wall, cpu_start = time.perf_counter(), time.process_time()
        for start in range(0, len(records), batch):
            chunk = [(f"item {i}", article_from_record(r, "", "bench"))
                     for i, r in enumerate(records[start:start + batch], 1)]
            ingester.add(chunk)
        stored_wall, stored_cpu = time.perf_counter() - wall, time.process_time() - cpu_start
        wall, cpu_start = time.perf_counter(), time.process_time()
        events = ingester.refresh()
        refresh_wall, refresh_cpu = time.perf_counter() - wall, time.process_time() - cpu_start
        ingester.close()
        counts = store.counts()
    return {
        "articles": size, "events": counts["events"], "batch": batch,
        "store_s": round(stored_wall, 1), "store_cpu_s": round(stored_cpu, 1),
        "articles_per_s": round(size / stored_wall, 1),
        "refresh_s": round(refresh_wall, 1), "refresh_cpu_s": round(refresh_cpu, 1),
        "events_refreshed": events,
        "end_to_end_articles_per_s": round(size / (stored_wall + refresh_wall), 1),
    }


# --------------------------------------------------------------------------- the 100k store
def _lead_summary(articles, max_words, duplicate_groups=None, **_):
    """Stand-in brief for the bulk build: each article's first sentence, up to the budget."""
    from bantin.models import SourceRef, Summary, SummarySentence
    from bantin.summarize import article_sentences

    picked, words = [], 0
    for article in articles:
        sentences = article_sentences(article)
        if sentences and words + len(sentences[0].split()) <= max_words:
            picked.append(SummarySentence(sentences[0], (SourceRef(article.id, 0),)))
            words += len(sentences[0].split())
    return Summary(tuple(picked), tuple(a.id for a in articles), max_words)


def _no_facts(events, articles, **_):
    """Stand-in for the facts stage in the bulk build (keeps the 15k-event build within minutes)."""
    import dataclasses

    from bantin.facts import Facts

    return [dataclasses.replace(e, facts=Facts((), (), (), ())) for e in events]


def build_store(path: str, articles: Sequence[Article], stories: dict[str, int]) -> dict:
    """Articles stored by story (see the module docstring); returns timings."""
    import bantin.summarize
    from bantin.store import Store
    from bantin.store.ingest import CLUSTERER_STATE, IngestConfig, content_hash, describe_event

    _fresh(path)
    store = Store(path)
    started = time.perf_counter()
    members: dict[int, list[Article]] = {}
    seen: set[str] = set()
    for start in range(0, len(articles), 5000):
        with store.transaction():
            for article in articles[start:start + 5000]:
                cleaned = article  # the stream's corpus text is clean already (saves ~5 min)
                digest = content_hash(article)
                if digest in seen:  # the stream repeats a few articles exactly: stored once
                    continue
                seen.add(digest)
                seq = store.add_article(cleaned, digest)
                story = stories[article.id]
                # negative indices: the online clusterer numbers its own events from 0
                store.assign(seq, f"ev-s{story}", -1 - story)
                members.setdefault(story, []).append(cleaned)
    stored = time.perf_counter() - started
    import bantin.pipeline

    real, bantin.summarize.summarize = bantin.summarize.summarize, _lead_summary
    real_facts, bantin.pipeline.describe_events = bantin.pipeline.describe_events, _no_facts
    try:
        config = IngestConfig()
        items = sorted(members.items())
        for start in range(0, len(items), 2000):
            with store.transaction():
                for story, group in items[start:start + 2000]:
                    card, detail, entities = describe_event(f"ev-s{story}", group, config)
                    store.put_event_view(f"ev-s{story}", detail["title"], card, detail, entities)
    finally:
        bantin.summarize.summarize = real
        bantin.pipeline.describe_events = real_facts
    from bantin.cluster import ClusterConfig
    from bantin.cluster.online import OnlineAssigner
    import pickle

    with store.transaction():  # the server's clusterer starts after the bulk load (no replay)
        store.save_state(CLUSTERER_STATE, store.last_seq(),
                         pickle.dumps(OnlineAssigner(ClusterConfig()).state()))
    counts = store.counts()
    store.close()
    return {"articles": counts["articles"], "events": counts["events"], "store_s": round(stored, 1),
            "pages_s": round(time.perf_counter() - started - stored, 1),
            "file_mb": round(os.path.getsize(path) / 1e6, 1)}


# --------------------------------------------------------------------------- load
class _Client:
    """One keep-alive connection; ``call`` returns the status (0: the connection failed)."""

    def __init__(self, url: str, timeout: float) -> None:
        host, port = url.split("//")[1].split(":")
        self._address, self._timeout = (host, int(port)), timeout
        self._connection = HTTPConnection(*self._address, timeout=timeout)

    def call(self, method: str, path: str, body: bytes | None = None) -> int:
        try:
            self._connection.request(method, path, body=body)
            response = self._connection.getresponse()
            response.read()
            return response.status
        except OSError:
            self._connection = HTTPConnection(*self._address, timeout=self._timeout)
            return 0


def _in_threads(loop, arguments: list[tuple], out) -> None:
    """Run ``loop(*args)`` for each args in its own thread; send all their (kind, s, status) rows."""
    results: list[tuple[str, float, int]] = []
    workers = [threading.Thread(target=lambda a=a: results.extend(loop(*a))) for a in arguments]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    out.send(results)


def _reader(url: str, event_ids: list[str], seconds: float, threads: int, out) -> None:
    stop = time.perf_counter() + seconds

    def loop(seed: int) -> list[tuple[str, float, int]]:
        rng, client, rows = random.Random(seed), _Client(url, 30), []
        kinds = ("event", "list", "feed")
        turn = seed % 3
        while time.perf_counter() < stop:
            kind = kinds[turn % 3]
            turn += 1
            if kind == "event":
                path = f"/events/{rng.choice(event_ids)}"
            elif kind == "list":
                path = f"/api/events?limit=20&offset={rng.randrange(0, 2000, 20)}&sort={rng.choice(['newest', 'biggest'])}"
            else:
                path = "/"
            began = time.perf_counter()
            status = client.call("GET", path)
            rows.append((kind, time.perf_counter() - began, status))
        return rows

    _in_threads(loop, [(os.getpid() * 100 + k,) for k in range(threads)], out)


def _writer(url: str, records: list[dict], seconds: float, threads: int, batch: int, out) -> None:
    stop = time.perf_counter() + seconds

    def loop(mine: list[dict]) -> list[tuple[str, float, int]]:
        client, rows = _Client(url, 120), []
        for start in range(0, len(mine), batch):
            if time.perf_counter() >= stop:
                break
            body = "\n".join(json.dumps(r, ensure_ascii=False) for r in mine[start:start + batch]).encode()
            began = time.perf_counter()
            status = client.call("POST", "/api/articles", body)
            rows.append(("post", time.perf_counter() - began, status))
        return rows

    _in_threads(loop, [(records[k::threads],) for k in range(threads)], out)


def _percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def run_load(db: str | None, articles_count: int, seconds: float, writers: int, readers: int,
             batch: int = 20, reader_processes: int = 2) -> dict:
    from benchmarks.bench_cluster_scale import synthetic_stream

    extra = writers * 400 * batch  # more than the writers can send in the time
    stream, stories = synthetic_stream(articles_count + extra)
    base, new = stream[:articles_count], stream[articles_count:]
    path = db or os.path.join(tempfile.gettempdir(), f"bantin-bench-{articles_count}.db")
    built = None
    if not (db and os.path.exists(db)):
        print(f"building the {articles_count}-article store in {path} ...", file=sys.stderr, flush=True)
        built = build_store(path, base, stories)
        print(f"built: {built}", file=sys.stderr, flush=True)
    from bantin.store import Store

    store = Store(path)  # migrates a store built by an older bantin
    event_ids = [row[0] for row in store._db.execute("SELECT id FROM events WHERE card IS NOT NULL")]
    store.close()
    server = subprocess.Popen([sys.executable, "-m", "bantin.cli", "serve", "--db", path, "--port", "0"],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    url = server.stdout.readline().strip().rstrip("/")
    try:
        pipes, processes = [], []
        context = multiprocessing.get_context("fork")
        for k in range(reader_processes):
            receive, send = context.Pipe(duplex=False)
            share = readers // reader_processes + (1 if k < readers % reader_processes else 0)
            processes.append(context.Process(target=_reader, args=(url, event_ids, seconds, share, send)))
            pipes.append(receive)
        if writers:
            receive, send = context.Pipe(duplex=False)
            processes.append(context.Process(target=_writer, args=(url, _records(new), seconds, writers, batch, send)))
            pipes.append(receive)
        load_before = os.getloadavg()[0]
        started = time.perf_counter()
        for process in processes:
            process.start()
        results = [row for pipe in pipes for row in pipe.recv()]
        for process in processes:
            process.join()
        elapsed = time.perf_counter() - started
        load_after = os.getloadavg()[0]
        host, port = url.split("//")[1].split(":")
        connection = HTTPConnection(host, int(port), timeout=30)
        connection.request("GET", "/health")
        cache = json.loads(connection.getresponse().read()).get("cache")  # the server's page cache
    finally:
        server.terminate()
        server.wait(timeout=120)
    report = {"articles": articles_count, "events": len(event_ids), "seconds": seconds, "writers": writers,
              "readers": readers, "built": built, "elapsed_s": round(elapsed, 1),
              "load_avg_1min": [round(load_before, 1), round(load_after, 1)], "server_cache": cache}
    for kind in ("event", "list", "feed", "post"):
        times = [t for k, t, _ in results if k == kind]
        errors = sum(1 for k, _, s in results if k == kind and not 200 <= s < 300)
        if not times:
            continue
        report[kind] = {"requests": len(times), "errors": errors, "per_s": round(len(times) / elapsed, 1),
                        "p50_ms": round(1000 * statistics.median(times), 1),
                        "p99_ms": round(1000 * _percentile(times, 0.99), 1)}
    report["errors"] = sum(1 for _, _, s in results if not 200 <= s < 300)
    return report


def _cpu_seconds(pid: int) -> float:
    with open(f"/proc/{pid}/stat") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def run_cpu(db: str, requests: int, seed: int = 7) -> dict:
    """Server CPU ms per request, per kind, cold then warm (see the module docstring)."""
    from bantin.store import Store

    store = Store(db)  # migrates the file when this bantin's schema is newer
    event_ids = [row[0] for row in store._db.execute("SELECT id FROM events WHERE card IS NOT NULL")]
    store.close()
    rng = random.Random(seed)
    paths = {
        "event": [f"/events/{rng.choice(event_ids)}" for _ in range(requests)],
        "event_api": [f"/api/events/{rng.choice(event_ids)}" for _ in range(requests)],
        "list": [f"/api/events?limit=20&offset={rng.randrange(0, 2000, 20)}&sort={rng.choice(['newest', 'biggest'])}"
                 for _ in range(requests)],
        "feed": ["/"] * requests,
        "health": ["/health"] * requests,
    }
    server = subprocess.Popen([sys.executable, "-m", "bantin.cli", "serve", "--db", db, "--port", "0"],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    url = server.stdout.readline().strip().rstrip("/")
    report: dict = {"requests": requests, "events": len(event_ids)}
    try:
        client = _Client(url, 30)
        client.call("GET", "/health")
        for kind, kind_paths in paths.items():
            row = {}
            for attempt in ("cold", "warm"):
                cpu, wall = _cpu_seconds(server.pid), time.perf_counter()
                statuses = [client.call("GET", path) for path in kind_paths]
                cpu, wall = _cpu_seconds(server.pid) - cpu, time.perf_counter() - wall
                bad = sum(1 for s in statuses if not 200 <= s < 300)
                row[attempt] = {"cpu_ms": round(1000 * cpu / requests, 2), "wall_ms": round(1000 * wall / requests, 2),
                                **({"errors": bad} if bad else {})}
            report[kind] = row
    finally:
        server.terminate()
        server.wait(timeout=120)
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="benchmarks.bench_serve", description=__doc__.split("\n\n")[0])
    parser.add_argument("part", nargs="?", choices=("ingest", "load", "cpu", "all"), default="all")
    parser.add_argument("--size", type=int, default=10_000, help="ingest: stream length")
    parser.add_argument("--articles", type=int, default=100_000, help="load: articles in the store")
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--writers", type=int, default=8)
    parser.add_argument("--readers", type=int, default=32)
    parser.add_argument("--requests", type=int, default=300, help="cpu: requests per kind")
    parser.add_argument("--db", help="load: reuse (or build once into) this store file; cpu: the store to read")
    args = parser.parse_args(argv)
    from bantin.evaluate.corpora import corpus_path

    if not (corpus_path("vmds") or corpus_path("abmusu")):
        print("bench_serve: skipped (needs ../shared/datasets for the synthetic stream)")
        return 0
    if args.part == "cpu":
        if not args.db:
            parser.error("cpu needs --db FILE (a store built by the load part)")
        print(json.dumps({"cpu": run_cpu(args.db, args.requests)}, ensure_ascii=False), flush=True)
        return 0
    if args.part in ("ingest", "all"):
        # in a child process: the one-core pin must not outlive this part
        with multiprocessing.get_context("fork").Pool(1) as pool:
            print(json.dumps({"ingest": pool.apply(run_ingest, (args.size,))}, ensure_ascii=False), flush=True)
    if args.part in ("load", "all"):
        print(json.dumps({"load": run_load(args.db, args.articles, args.seconds, args.writers, args.readers)},
                         ensure_ascii=False), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
