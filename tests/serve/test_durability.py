"""kill -9 in the middle of a 5k-article ingest over HTTP: every acknowledged article survives,
re-sending adds nothing, the file passes PRAGMA integrity_check, the restarted server goes on."""
from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import threading

import pytest

from tests.serve.synthetic import records

pytest.importorskip("fastapi", reason="the web extra is not installed")
httpx = pytest.importorskip("httpx")

TOTAL, BATCH, KILL_AFTER = 5000, 50, 2000


def _start(db: str) -> tuple[subprocess.Popen, str]:
    env = {k: v for k, v in os.environ.items() if k != "BANTIN_TOKEN"}
    process = subprocess.Popen([sys.executable, "-m", "bantin.cli", "serve", "--db", db, "--port", "0"],
                               stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env)
    url = process.stdout.readline().strip().rstrip("/")
    assert url.startswith("http://127.0.0.1:"), url
    return process, url


def _post(client: httpx.Client, url: str, batch: list[dict]) -> dict:
    body = "\n".join(json.dumps(r, ensure_ascii=False) for r in batch).encode("utf-8")
    response = client.post(f"{url}/api/articles", content=body, timeout=120)
    assert response.status_code == 200, response.text
    return response.json()


@pytest.mark.slow
def test_kill_9_during_ingest_loses_no_acknowledged_article(tmp_path):
    db = str(tmp_path / "tin.db")
    stream = records(TOTAL)
    batches = [stream[i:i + BATCH] for i in range(0, TOTAL, BATCH)]
    process, url = _start(db)
    acked: list[str] = []
    failed_at: list[int] = []

    def send() -> None:
        with httpx.Client() as client:
            for number, batch in enumerate(batches):
                try:
                    answer = _post(client, url, batch)
                except httpx.TransportError:  # the server died under this request
                    failed_at.append(number)
                    return
                acked.extend(item["id"] for item in answer["items"] if item["status"] in ("added", "duplicate"))

    sender = threading.Thread(target=send)
    sender.start()
    while sender.is_alive() and len(acked) < KILL_AFTER:
        sender.join(0.01)
    os.kill(process.pid, signal.SIGKILL)  # mid-stream: the next request is in flight or about to be
    process.wait()
    sender.join()
    assert failed_at, "the server was killed only after the whole stream was sent"
    assert KILL_AFTER <= len(acked) < TOTAL

    with sqlite3.connect(db) as check:  # the file as the crash left it (the WAL is replayed on open)
        assert check.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        stored = {row[0] for row in check.execute("SELECT id FROM articles")}
    assert set(acked) <= stored

    process, url = _start(db)
    try:
        with httpx.Client() as client:
            resent = [_post(client, url, batch) for batch in batches[:failed_at[0]]]
            assert sum(a["added"] for a in resent) == 0  # everything acknowledged is there already
            rest = [_post(client, url, batch) for batch in batches[failed_at[0]:]]
            assert sum(a["added"] + a["duplicates"] for a in rest) == TOTAL - len(acked)
            health = client.get(f"{url}/health").json()
            assert health["articles"] == TOTAL
            again = _post(client, url, batches[-1])
            assert again["added"] == 0 and again["duplicates"] == BATCH
    finally:
        process.terminate()
        process.wait(timeout=60)
    with sqlite3.connect(db) as check:
        assert check.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert check.execute("SELECT count(*) FROM articles WHERE event_id IS NULL").fetchone()[0] == 0
        assert check.execute("SELECT count(DISTINCT id) FROM articles").fetchone()[0] == TOTAL
