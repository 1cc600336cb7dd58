"""The SQLite store and the ingester: schema, idempotency, search folding, restart."""
from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from bantin.models import Article
from bantin.store import EventFilter, Store, StoreError
from bantin.store.ingest import IngestConfig, Ingester, ingest_paths, records_from_body
from bantin.store.sqlite import fts_query

DATA = Path(__file__).parent.parent / "data" / "serve" / "articles.jsonl"


def test_new_store_is_migrated_and_in_wal(tmp_path):
    store = Store(str(tmp_path / "s.db"))
    assert store.version >= 1
    assert store._db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store.integrity_check() == "ok"


def test_newer_or_foreign_file_is_refused(tmp_path):
    path = tmp_path / "new.db"
    db = sqlite3.connect(path)
    db.execute("PRAGMA user_version = 999")
    db.close()
    with pytest.raises(StoreError, match="newer than this bantin"):
        Store(str(path))
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"not a database at all, just text" * 10)
    with pytest.raises((StoreError, sqlite3.DatabaseError)):
        Store(str(junk))


def test_ingest_twice_adds_nothing(tmp_path):
    store = Store(str(tmp_path / "s.db"))
    first, errors = ingest_paths(store, [str(DATA)])
    assert first.count("added") == 6 and not errors
    second, _ = ingest_paths(store, [str(DATA)])
    assert second.count("added") == 0 and second.count("duplicate") == 6
    assert store.counts()["articles"] == 6


@pytest.mark.parametrize("query, expected", [
    ("Đà Nẵng", '"da" "nang"'), ("da-nang", '"da" "nang"'), ('NOT "x" OR', '"not" "x" "or"'), ("  ", None),
])
def test_fts_query_folds_and_quotes(query, expected):
    assert fts_query(query) == expected


def _article(n: int, topic: str) -> tuple[str, Article]:
    text = {"bao": "Bão số 3 đổ bộ vào Quảng Ninh, gió giật cấp 15, hàng nghìn hộ dân sơ tán khỏi vùng ven biển.",
            "xang": "Giá xăng RON 95 tăng 520 đồng mỗi lít từ chiều nay theo điều hành của liên bộ Công Thương."}[topic]
    from datetime import datetime, timezone

    return (f"item {n}", Article(text=f"{text} Tin số {n}.", id=f"{topic}-{n}", title=f"{topic} {n}",
                                 source=f"Báo {n % 3}", published=datetime(2025, 9, 7, n % 24, tzinfo=timezone.utc)))


def test_restart_continues_the_clustering(tmp_path):
    """A store reopened (snapshot + replay) assigns the next articles as one uninterrupted run does."""
    stream = [_article(n, "bao" if n % 2 else "xang") for n in range(12)]
    whole = Ingester(Store(str(tmp_path / "whole.db")), IngestConfig(snapshot_every=3))
    expected = [o.event_id for o in whole.add(stream).outcomes]

    path = str(tmp_path / "split.db")
    first = Ingester(Store(path), IngestConfig(snapshot_every=3))
    got = [o.event_id for o in first.add(stream[:5]).outcomes]  # snapshot after 3..5, not at the end
    first.store.close()  # no close(): as after a crash, two articles are past the snapshot
    again = Ingester(Store(path), IngestConfig(snapshot_every=3))
    got += [o.event_id for o in again.add(stream[5:]).outcomes]
    assert got == expected
    assert len(set(expected)) == 2


def test_refresh_builds_cards_for_dirty_events(tmp_path):
    store = Store(str(tmp_path / "s.db"))
    ingester = Ingester(store)
    ingester.add([_article(n, "bao") for n in range(3)])
    assert store.events(EventFilter(), 10, 0)[0] == []  # not refreshed yet: not in the feed
    assert ingester.refresh() == 1
    cards, _ = store.events(EventFilter(), 10, 0)
    assert cards[0]["size"] == 3 and cards[0]["n_outlets"] == 3
    assert store.counts()["pending_events"] == 0


def test_records_from_body_positions():
    found = records_from_body(b'[{"text": "a b c"}, 3]')
    assert [p for p, _ in found] == ["item 1", "item 2"]
    lines = records_from_body('{"text": "một"}\n{broken\n{"text": "hai"}'.encode())
    assert [p for p, _ in lines] == ["line 1", "line 2", "line 3"]
    assert "invalid JSON" in lines[1][1].reason


def test_a_version_2_store_is_migrated_with_its_pages(tmp_path):
    from bantin.store.sqlite import _migrations

    path = tmp_path / "old.db"
    db = sqlite3.connect(path)
    for number, script in _migrations()[:2]:  # the store as bantin wrote it before migration 0003
        db.executescript(script)
    db.executescript(
        "INSERT INTO events (id, idx, title, size, n_outlets, last_ts, dirty, card, detail)"
        " VALUES ('ev-a', 0, 'A', 1, 1, 1.0, 0, '{\"id\": \"ev-a\"}', '{\"id\": \"ev-a\"}'),"
        " ('ev-b', 1, 'B', 1, 1, 2.0, 1, NULL, NULL); PRAGMA user_version = 2;")
    db.close()
    store = Store(str(path))
    assert store.version == 3 and store.integrity_check() == "ok"
    assert store.event_version("ev-a") == 1 and store.event_version("ev-b") == 0  # b: still pending
    assert store.event_version("ev-c") is None
    plan = " ".join(str(r) for r in store._db.execute(
        "EXPLAIN QUERY PLAN SELECT card FROM events WHERE card IS NOT NULL ORDER BY last_ts DESC, size DESC, id"))
    assert "events_newest" in plan  # the partial index serves the feed's order
    assert store.events(EventFilter(), 10, 0) == ([{"id": "ev-a"}], None)
    with store.transaction():
        store.put_event_view("ev-a", "A", {"id": "ev-a", "size": 2}, {"id": "ev-a"}, [])
    assert store.event_version("ev-a") == 2
