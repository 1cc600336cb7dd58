"""The SQLite store: the only module that writes SQL.

One file, WAL journal (readers never block the writer, nor it them), schema versioned by the
numbered ``migrations/NNNN_*.sql`` files and ``PRAGMA user_version``. A :class:`Store` is one
connection: the ingester holds the single writing one, every reader thread its own read-only one.

Durability: ``synchronous=FULL``. In WAL mode NORMAL can lose the last transactions on a power
cut (not on a process crash); an acknowledged article must survive both, and FULL costs one
fsync per commit, i.e. per ingest batch, not per article.

Events are stored with their feed card and their API detail as precomputed JSON (written when
an event changes), so a page or API read is one indexed lookup, whatever the store's size.
"""
from __future__ import annotations

import json
import sqlite3
import threading
from dataclasses import dataclass
from datetime import datetime, timezone
from importlib import resources
from typing import Any, Iterable, Iterator, Sequence

from bantin.models import Article
from bantin.text.normalize import fold_diacritics

# A writer waits this long for a lock held by another process before "database is locked".
BUSY_TIMEOUT_MS = 10_000


class StoreError(Exception):
    """The file is not a bantin store, or is newer than this version of bantin."""


def _migrations() -> list[tuple[int, str]]:
    folder = resources.files("bantin.store") / "migrations"
    found = []
    for entry in folder.iterdir():
        name = entry.name
        if name.endswith(".sql") and name[:4].isdigit():
            found.append((int(name[:4]), entry.read_text(encoding="utf-8")))
    return sorted(found)


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _stamp(value: datetime | None) -> float | None:
    if value is None:
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=timezone.utc)
    return value.timestamp()


@dataclass(frozen=True)
class EventFilter:
    """What ``GET /api/events`` and the feed may ask for (all optional)."""

    since: float | None = None  # events whose last article is at or after (epoch seconds)
    until: float | None = None  # events whose first article is at or before
    outlet: str | None = None
    entity: str | None = None
    q: str | None = None  # full-text over the events' articles
    min_outlets: int = 1
    sort: str = "newest"  # "newest" (last article) or "biggest" (articles)


@dataclass(frozen=True)
class Stored:
    """One article as the store holds it (``seq`` is its arrival order)."""

    seq: int
    article: Article
    event_id: str | None


class Store:
    """A connection to a bantin store file (see the module docstring)."""

    def __init__(self, path: str, readonly: bool = False) -> None:
        self.path = path
        self.readonly = readonly
        if readonly:
            self._db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False,
                                       isolation_level=None)
        else:
            self._db = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
        self._db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        if not readonly:
            mode = self._db.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            if mode.lower() != "wal":
                raise StoreError(f"{path}: could not switch the journal to WAL (got {mode})")
            self._db.execute("PRAGMA synchronous = FULL")
            self._migrate()
        else:
            self._check_version()

    # ------------------------------------------------------------------ schema
    def _check_version(self) -> int:
        try:
            version = self._db.execute("PRAGMA user_version").fetchone()[0]
        except sqlite3.DatabaseError as error:
            raise StoreError(f"{self.path}: not a bantin store ({error})") from None
        latest = _migrations()[-1][0]
        if version > latest:
            raise StoreError(f"{self.path}: store version {version} is newer than this bantin "
                             f"(knows up to {latest}); upgrade bantin")
        if self.readonly and version < latest:
            raise StoreError(f"{self.path}: store version {version}, expected {latest}: open it "
                             "once for writing (bantin ingest or bantin serve) to migrate it")
        return version

    def _migrate(self) -> None:
        version = self._check_version()
        for number, script in _migrations():
            if number <= version:
                continue
            # executescript commits first; the BEGIN makes the script and the version one unit
            self._db.executescript(f"BEGIN IMMEDIATE;\n{script}\nPRAGMA user_version = {number};\nCOMMIT;")

    @property
    def version(self) -> int:
        return self._db.execute("PRAGMA user_version").fetchone()[0]

    def close(self) -> None:
        self._db.close()

    def integrity_check(self) -> str:
        return self._db.execute("PRAGMA integrity_check").fetchone()[0]

    # ------------------------------------------------------------------ writes
    def transaction(self) -> "_Transaction":
        """``with store.transaction():`` groups writes into one durable commit."""
        return _Transaction(self._db)

    def find_existing(self, ids: Sequence[str], hashes: Sequence[str]) -> tuple[set[str], set[str]]:
        """Which of ``ids`` and of the content ``hashes`` the store already holds."""
        found_ids: set[str] = set()
        found_hashes: set[str] = set()
        for chunk in _chunks(list(ids), 500):
            marks = ",".join("?" * len(chunk))
            found_ids.update(r[0] for r in self._db.execute(f"SELECT id FROM articles WHERE id IN ({marks})", chunk))
        for chunk in _chunks(list(hashes), 500):
            marks = ",".join("?" * len(chunk))
            found_hashes.update(r[0] for r in self._db.execute(
                f"SELECT content_hash FROM articles WHERE content_hash IN ({marks})", chunk))
        return found_ids, found_hashes

    def add_article(self, article: Article, content_hash: str) -> int:
        """Insert one article (inside a transaction); returns its ``seq``."""
        meta = json.dumps(dict(article.meta), ensure_ascii=False, default=str)
        cursor = self._db.execute(
            "INSERT INTO articles (id, content_hash, title, text, source, url, published, published_ts,"
            " meta, received_at) VALUES (?,?,?,?,?,?,?,?,?,?)",
            (article.id, content_hash, article.title, article.text, article.source, article.url,
             article.published.isoformat() if article.published else None, _stamp(article.published),
             meta, _now()))
        seq = cursor.lastrowid
        self._db.execute("INSERT INTO articles_fts (rowid, body) VALUES (?, ?)",
                         (seq, fold_diacritics(f"{article.title}\n{article.text}")))
        return seq

    def add_rejections(self, rejections: Iterable[tuple[str, str]]) -> None:
        now = _now()
        self._db.executemany("INSERT INTO rejections (place, reason, received_at) VALUES (?,?,?)",
                             [(place, reason, now) for place, reason in rejections])

    def assign(self, seq: int, event_id: str, event_index: int) -> None:
        """Put article ``seq`` in event ``event_id`` (created when new) and mark the event dirty."""
        self._db.execute("UPDATE articles SET event_id = ? WHERE seq = ?", (event_id, seq))
        row = self._db.execute(
            "SELECT title, source, published_ts FROM articles WHERE seq = ?", (seq,)).fetchone()
        title, source, stamp = row
        self._db.execute(
            "INSERT INTO events (id, idx, title, size, n_outlets, first_ts, last_ts, dirty)"
            " VALUES (?, ?, ?, 0, 0, ?, ?, 1) ON CONFLICT(id) DO NOTHING",
            (event_id, event_index, title, stamp, stamp))
        self._db.execute(
            "UPDATE events SET size = size + 1, dirty = 1,"
            " first_ts = CASE WHEN first_ts IS NULL OR ? < first_ts THEN coalesce(?, first_ts) ELSE first_ts END,"
            " last_ts = CASE WHEN last_ts IS NULL OR ? > last_ts THEN coalesce(?, last_ts) ELSE last_ts END"
            " WHERE id = ?", (stamp, stamp, stamp, stamp, event_id))
        if source:
            inserted = self._db.execute("INSERT OR IGNORE INTO event_outlets (event_id, outlet) VALUES (?, ?)",
                                        (event_id, fold_diacritics(source))).rowcount
            if inserted:
                self._db.execute("UPDATE events SET n_outlets = n_outlets + 1 WHERE id = ?", (event_id,))

    def put_event_view(self, event_id: str, title: str, card: dict, detail: dict,
                       entities: Iterable[str]) -> None:
        """Store an event's refreshed feed card, API detail and entity keys; clears ``dirty``."""
        self._db.execute(
            "UPDATE events SET title = ?, card = ?, detail = ?, dirty = 0, version = version + 1 WHERE id = ?",
            (title, json.dumps(card, ensure_ascii=False), json.dumps(detail, ensure_ascii=False), event_id))
        self._db.execute("DELETE FROM event_entities WHERE event_id = ?", (event_id,))
        self._db.executemany("INSERT OR IGNORE INTO event_entities (event_id, entity) VALUES (?, ?)",
                             [(event_id, fold_diacritics(e)) for e in entities if e.strip()])

    def save_state(self, name: str, seq: int, blob: bytes) -> None:
        self._db.execute("INSERT INTO state (name, seq, blob) VALUES (?, ?, ?) ON CONFLICT(name)"
                         " DO UPDATE SET seq = excluded.seq, blob = excluded.blob", (name, seq, blob))

    # ------------------------------------------------------------------ reads
    def load_state(self, name: str) -> tuple[int, bytes] | None:
        row = self._db.execute("SELECT seq, blob FROM state WHERE name = ?", (name,)).fetchone()
        return (row[0], row[1]) if row else None

    def last_seq(self) -> int:
        return self._db.execute("SELECT coalesce(max(seq), 0) FROM articles").fetchone()[0]

    def articles_after(self, seq: int) -> Iterator[Stored]:
        """Every article with a larger ``seq``, in arrival order (the clusterer's replay)."""
        for row in self._db.execute(f"SELECT {_ARTICLE_COLUMNS} FROM articles WHERE seq > ? ORDER BY seq", (seq,)):
            yield _stored(row)

    def event_articles(self, event_id: str) -> list[Stored]:
        rows = self._db.execute(f"SELECT {_ARTICLE_COLUMNS} FROM articles WHERE event_id = ? ORDER BY seq",
                                (event_id,))
        return [_stored(row) for row in rows]

    def dirty_events(self) -> list[str]:
        return [r[0] for r in self._db.execute("SELECT id FROM events WHERE dirty = 1 ORDER BY idx")]

    def event_ids_by_index(self) -> dict[int, str]:
        return {idx: event_id for idx, event_id in self._db.execute("SELECT idx, id FROM events")}

    def article(self, article_id: str) -> Stored | None:
        row = self._db.execute(f"SELECT {_ARTICLE_COLUMNS} FROM articles WHERE id = ?", (article_id,)).fetchone()
        return _stored(row) if row else None

    def articles(self, ids: Sequence[str]) -> dict[str, Stored]:
        found: dict[str, Stored] = {}
        for chunk in _chunks(list(ids), 500):
            marks = ",".join("?" * len(chunk))
            for row in self._db.execute(f"SELECT {_ARTICLE_COLUMNS} FROM articles WHERE id IN ({marks})", chunk):
                stored = _stored(row)
                found[stored.article.id] = stored
        return found

    def event_detail(self, event_id: str) -> dict | None:
        text = self.event_detail_text(event_id)
        if text is None:
            return None
        if not text:  # assigned but not refreshed yet: the writer is on it
            return {"id": event_id, "pending": True}
        return json.loads(text)

    def event_detail_text(self, event_id: str) -> str | None:
        """The event's API detail as stored (JSON text); "" while pending, None when unknown."""
        row = self._db.execute("SELECT detail FROM events WHERE id = ?", (event_id,)).fetchone()
        if row is None:
            return None
        return row[0] or ""

    def event_version(self, event_id: str) -> int | None:
        """How often the event's page data was written (0: pending); None when unknown."""
        row = self._db.execute("SELECT version FROM events WHERE id = ?", (event_id,)).fetchone()
        return row[0] if row else None

    def generation(self) -> int:
        """A number that changes whenever another connection (the writer) commits: what a
        reader's cache of lists keys on (``PRAGMA data_version``, read from shared memory)."""
        return self._db.execute("PRAGMA data_version").fetchone()[0]

    def events(self, where: EventFilter, limit: int, offset: int) -> tuple[list[dict], int | None]:
        """Feed cards matching ``where``, newest or biggest first, and the total when cheap.

        The total is counted only for filtered queries (an unfiltered count over 100k events is
        a full index scan per page view); None means "more pages follow while a page is full".
        """
        cards, total = self.event_cards(where, limit, offset)
        return [json.loads(card) for card in cards], total

    def event_cards(self, where: EventFilter, limit: int, offset: int) -> tuple[list[str], int | None]:
        """As :meth:`events`, the cards as stored (JSON text)."""
        clauses = ["card IS NOT NULL"]
        params: list[Any] = []
        if where.since is not None:
            clauses.append("last_ts >= ?")
            params.append(where.since)
        if where.until is not None:
            clauses.append("first_ts <= ?")
            params.append(where.until)
        if where.min_outlets > 1:
            clauses.append("n_outlets >= ?")
            params.append(where.min_outlets)
        if where.outlet:
            clauses.append("id IN (SELECT event_id FROM event_outlets WHERE outlet = ?)")
            params.append(fold_diacritics(where.outlet.strip()))
        if where.entity:
            clauses.append("id IN (SELECT event_id FROM event_entities WHERE entity = ?)")
            params.append(fold_diacritics(where.entity.strip()))
        if where.q:
            match = fts_query(where.q)
            if match is None:
                return [], 0
            clauses.append("id IN (SELECT a.event_id FROM articles_fts JOIN articles a ON a.seq = articles_fts.rowid"
                           " WHERE articles_fts MATCH ?)")
            params.append(match)
        order = "size DESC, last_ts DESC" if where.sort == "biggest" else "last_ts DESC, size DESC"
        sql = f"SELECT card FROM events WHERE {' AND '.join(clauses)} ORDER BY {order}, id LIMIT ? OFFSET ?"
        cards = [r[0] for r in self._db.execute(sql, [*params, limit, offset])]
        total = None
        if len(clauses) > 1:
            total = self._db.execute(f"SELECT count(*) FROM events WHERE {' AND '.join(clauses)}", params).fetchone()[0]
        return cards, total

    def search(self, q: str, limit: int, offset: int) -> tuple[list[Stored], int]:
        """Articles matching ``q`` (with or without diacritics), best match first, and the total."""
        match = fts_query(q)
        if match is None:
            return [], 0
        rows = self._db.execute(
            f"SELECT {_ARTICLE_COLUMNS} FROM articles_fts JOIN articles ON articles.seq = articles_fts.rowid"
            " WHERE articles_fts MATCH ? ORDER BY bm25(articles_fts), articles.seq LIMIT ? OFFSET ?",
            (match, limit, offset))
        hits = [_stored(row) for row in rows]
        total = self._db.execute("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?", (match,)).fetchone()[0]
        return hits, total

    def counts(self) -> dict[str, int]:
        """Rows per table, in constant time (nothing is ever deleted: the largest rowid is the
        count; a ``count(*)`` would walk 100k index entries on every feed page)."""
        one = self._db.execute
        return {
            "articles": one("SELECT coalesce(max(seq), 0) FROM articles").fetchone()[0],
            "events": one("SELECT coalesce(max(rowid), 0) FROM events").fetchone()[0],
            "pending_events": one("SELECT count(*) FROM events WHERE dirty = 1").fetchone()[0],
            "rejections": one("SELECT coalesce(max(seq), 0) FROM rejections").fetchone()[0],
        }


class _Transaction:
    def __init__(self, db: sqlite3.Connection) -> None:
        self._db = db

    def __enter__(self) -> None:
        self._db.execute("BEGIN IMMEDIATE")

    def __exit__(self, kind, value, traceback) -> None:
        self._db.execute("COMMIT" if kind is None else "ROLLBACK")


_ARTICLE_COLUMNS = "seq, id, title, text, source, url, published, meta, event_id"


def _stored(row: tuple) -> Stored:
    seq, article_id, title, text, source, url, published, meta, event_id = row
    article = Article(text=text, id=article_id, title=title, source=source, url=url,
                      published=datetime.fromisoformat(published) if published else None,
                      meta=json.loads(meta))
    return Stored(seq=seq, article=article, event_id=event_id)


def _chunks(items: list, size: int) -> Iterator[list]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


def fts_query(q: str) -> str | None:
    """An FTS5 MATCH expression for a user's words: every word (folded) must occur, as a phrase
    when quoted; operators and punctuation are taken as text. None when no word is left."""
    words = [w for w in "".join(c if c.isalnum() else " " for c in fold_diacritics(q)).split() if w]
    if not words:
        return None
    return " ".join(f'"{w}"' for w in words[:32])


_local = threading.local()


def reader(path: str) -> Store:
    """This thread's read-only connection to ``path`` (opened on first use)."""
    stores = getattr(_local, "stores", None)
    if stores is None:
        stores = _local.stores = {}
    store = stores.get(path)
    if store is None:
        store = stores[path] = Store(path, readonly=True)
    return store
