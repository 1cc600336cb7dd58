"""The server's single writer: one child process owns the :class:`~bantin.store.ingest.Ingester`.

SQLite takes one writer at a time, and the online clusterer is one sequence anyway, so every
``POST /api/articles`` body is queued to this process and answered when its batch is committed
(durable). After each batch, and while nothing is queued, the process refreshes one of the
events the batches touched (briefs, page data), so a new batch waits at most for one event's
refresh and briefs keep up under a steady stream. Parsing, cleaning, clustering and summarizing all run there: the web server's process
only reads (its own interpreter lock is never held by ingest work).
"""
from __future__ import annotations

import itertools
import logging
import multiprocessing
import queue
import threading
from concurrent.futures import Future

from bantin.store.ingest import IngestConfig, IngestResult

log = logging.getLogger(__name__)


class WriterGone(RuntimeError):
    """The writer process stopped; the request's articles may or may not be stored."""


class Writer:
    """Queue bodies with :meth:`submit`; :meth:`close` finishes the queue and snapshots."""

    def __init__(self, path: str, config: IngestConfig | None = None) -> None:
        context = multiprocessing.get_context("spawn")  # the server has threads: never fork it
        self._jobs = context.Queue()
        self._results = context.Queue()
        self._process = context.Process(target=_serve, args=(path, config, self._jobs, self._results),
                                        name="bantin-writer", daemon=True)
        self._process.start()
        self._pending: dict[int, Future] = {}
        self._lock = threading.Lock()
        self._ids = itertools.count()
        self._closing = False
        self._collector = threading.Thread(target=self._collect, name="bantin-writer-results", daemon=True)
        self._collector.start()

    def submit(self, body: bytes) -> "Future[IngestResult]":
        """Queue a request body (JSON or JSONL); the future holds the batch's outcomes."""
        future: Future = Future()
        with self._lock:
            if not self._process.is_alive():
                future.set_exception(WriterGone("the writer process is not running"))
                return future
            job = next(self._ids)
            self._pending[job] = future
        self._jobs.put((job, body))
        return future

    def close(self) -> None:
        self._closing = True
        self._jobs.put(None)
        self._process.join()
        self._collector.join()

    def _collect(self) -> None:
        while True:
            try:
                job, ok, payload = self._results.get(timeout=0.5)
            except queue.Empty:
                if self._process.is_alive():
                    continue
                with self._lock:
                    for future in self._pending.values():
                        future.set_exception(WriterGone("the writer process stopped"))
                    self._pending.clear()
                if not self._closing:
                    log.error("the writer process stopped (exit code %s)", self._process.exitcode)
                return
            with self._lock:
                future = self._pending.pop(job)
            if ok:
                future.set_result(payload)
            else:
                future.set_exception(RuntimeError(payload))


def _serve(path: str, config: IngestConfig | None, jobs, results) -> None:
    """The writer process: batches first, refresh touched events when idle, snapshot at the end."""
    import fcntl
    import os
    import signal
    import traceback

    from bantin.store import Store
    from bantin.store.ingest import Ingester, records_from_body

    parent = os.getppid()
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the server, which stops us in order
    # One writer per store, even across a crash: a writer orphaned by a killed server finishes its
    # batch and exits (below); the next server's writer waits here until it has.
    lock = open(f"{path}.writer-lock", "w")
    fcntl.flock(lock, fcntl.LOCK_EX)
    store = Store(path)
    ingester = Ingester(store, config)
    while True:
        if os.getppid() != parent:  # the server died (kill -9): stop without taking more work
            os._exit(1)
        try:
            job = jobs.get(timeout=0.05)
        except queue.Empty:
            ingester.refresh(limit=1)  # idle: bring one touched event up to date
            continue
        if job is None:
            break
        number, body = job
        try:
            results.put((number, True, ingester.add(records_from_body(body))))
        except Exception:  # a bug: answered as a 500 with the traceback logged by the server
            results.put((number, False, traceback.format_exc()))
        ingester.refresh(limit=1)  # under a steady stream of batches briefs still move on
    ingester.close()  # snapshot; events still dirty are refreshed after the next start
    store.close()
