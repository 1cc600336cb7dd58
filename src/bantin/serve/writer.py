"""The server's single writer: one thread owns the :class:`~bantin.store.ingest.Ingester`.

SQLite takes one writer at a time, and the online clusterer is one sequence anyway, so every
``POST /api/articles`` is queued here and answered when its batch is committed (durable).
Between batches, while nothing is queued, the thread refreshes the events those batches
touched (briefs, page data) a few at a time, so a new batch waits at most for one event's
refresh, and request threads never do ingest work.
"""
from __future__ import annotations

import logging
import queue
import threading
from concurrent.futures import Future
from typing import Sequence

from bantin.models import Article, Rejected
from bantin.store import Store
from bantin.store.ingest import IngestConfig, Ingester, IngestResult

log = logging.getLogger(__name__)

_STOP = object()


class Writer:
    """Queue batches with :meth:`submit`; :meth:`close` finishes the queue and snapshots."""

    def __init__(self, path: str, config: IngestConfig | None = None) -> None:
        self._store = Store(path)
        self._ingester = Ingester(self._store, config)
        self._queue: queue.Queue = queue.Queue()
        self._thread = threading.Thread(target=self._run, name="bantin-writer", daemon=True)
        self._thread.start()

    def submit(self, records: Sequence[tuple[str, Article | Rejected]]) -> "Future[IngestResult]":
        future: Future = Future()
        self._queue.put((records, future))
        return future

    def close(self) -> None:
        self._queue.put(_STOP)
        self._thread.join()

    def _run(self) -> None:
        while True:
            try:
                job = self._queue.get(timeout=0.05)
            except queue.Empty:
                self._ingester.refresh(limit=1)  # idle: bring one touched event up to date
                continue
            if job is _STOP:
                break
            records, future = job
            if not future.set_running_or_notify_cancel():
                continue
            try:
                future.set_result(self._ingester.add(records))
            except BaseException as error:  # answered to the request as a 500, logged there
                future.set_exception(error)
        self._ingester.close()  # snapshot; events still dirty are refreshed after the next start
        self._store.close()
