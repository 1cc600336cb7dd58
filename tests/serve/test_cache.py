"""Pages and lists kept in the web process: served again until the writer changes what they show."""
from __future__ import annotations

import sqlite3
import time

from tests.serve.conftest import sample_records


def test_page_cache_keeps_by_tag_and_drops_least_recent():
    from bantin.serve.cache import PageCache

    cache = PageCache(max_bytes=16 * 13)  # a 10-byte body under a one-letter key costs 13
    made = []

    def maker(body: bytes):
        return lambda: made.append(body) or body

    assert cache.get_or_make("a", 1, maker(b"A" * 10)) == b"A" * 10
    assert cache.get_or_make("a", 1, maker(b"other")) == b"A" * 10  # same tag: kept
    assert cache.get_or_make("a", 2, maker(b"new")) == b"new"  # new tag: made again
    assert made == [b"A" * 10, b"new"] and (cache.hits, cache.misses) == (1, 2)
    for key in "bcdefghijklmnopq":
        cache.get_or_make(key, 1, maker(b"x" * 10))
    assert cache.size <= 16 * 13 and "a" not in cache._items and "q" in cache._items
    assert cache.get_or_make("z", 1, maker(b"y" * 11)) == b"y" * 11  # over 1/16 of the budget:
    assert "z" not in cache._items  # answered, not kept
    cache.get_or_make("x" * 20, 1, maker(b""))  # a long key alone is over it too
    assert len(cache) == 16 and "x" * 20 not in cache._items


def test_generation_changes_when_another_connection_commits(tmp_path):
    from bantin.store import Store, reader

    path = str(tmp_path / "g.db")
    Store(path).close()
    reads = reader(path)
    before = reads.generation()
    assert reads.generation() == before  # nothing committed: the same
    other = sqlite3.connect(path)
    other.execute("INSERT INTO rejections (place, reason, received_at) VALUES ('x', 'y', 'z')")
    other.commit()
    other.close()
    assert reads.generation() != before


def _until(probe, seconds: float = 60.0):
    deadline = time.monotonic() + seconds
    while True:
        result = probe()
        if result or time.monotonic() > deadline:
            return result
        time.sleep(0.1)


def test_cached_pages_follow_the_writer(tmp_path):
    from fastapi.testclient import TestClient

    from bantin.serve.app import create_app

    records = {r["id"]: r for r in sample_records()}
    with TestClient(create_app(str(tmp_path / "c.db"))) as client:
        assert "Chưa có sự kiện" in client.get("/").text  # the empty feed, now kept
        assert client.post("/api/articles", json=records["tt-bao-1"]).json()["added"] == 1
        assert _until(lambda: "Bão số 3 đổ bộ Quảng Ninh" in client.get("/").text)
        listed = _until(lambda: client.get("/api/events").json()["events"])
        event_id = listed[0]["id"]
        assert _until(lambda: "1 bài từ 1 nguồn" in client.get(f"/events/{event_id}").text)
        assert client.get(f"/api/events/{event_id}").json()["size"] == 1

        searched = client.get("/api/search", params={"q": "cay xanh"}).json()["total"]
        assert client.post("/api/articles", json=records["vnx-bao-2"]).json()["added"] == 1
        assert client.get("/api/search", params={"q": "cay xanh"}).json()["total"] == searched + 1
        assert client.get("/api/articles/vnx-bao-2").json()["event_id"] == event_id
        # the writer refreshes the event: its page, the API detail and the lists move on
        assert _until(lambda: "2 bài từ 2 nguồn" in client.get(f"/events/{event_id}").text)
        assert client.get(f"/api/events/{event_id}").json()["size"] == 2
        assert _until(lambda: client.get("/api/events").json()["events"][0]["size"] == 2)
        assert _until(lambda: "2 bài · 2 nguồn" in client.get("/").text)
        hits = client.get("/health").json()["cache"]["hits"]
        assert client.get(f"/events/{event_id}").text == client.get(f"/events/{event_id}").text
        assert client.get("/health").json()["cache"]["hits"] >= hits + 1
