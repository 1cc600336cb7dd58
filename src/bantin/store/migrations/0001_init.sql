-- bantin store, version 1: articles, rejections, events, the clusterer's state, full-text search.
-- Applied by bantin.store.sqlite.Store in one transaction; PRAGMA user_version records it.

CREATE TABLE articles (
    seq          INTEGER PRIMARY KEY AUTOINCREMENT,  -- arrival order (the clusterer replays it)
    id           TEXT NOT NULL UNIQUE,
    content_hash TEXT NOT NULL UNIQUE,                -- sha256 of source, title, url and text
    title        TEXT NOT NULL,
    text         TEXT NOT NULL,                       -- cleaned body
    source       TEXT NOT NULL,
    url          TEXT NOT NULL,
    published    TEXT,                                -- ISO 8601
    published_ts REAL,                                -- seconds since the epoch, for ranges
    meta         TEXT NOT NULL,                       -- JSON: reader and cleaner facts
    event_id     TEXT,
    received_at  TEXT NOT NULL
);
CREATE INDEX articles_event ON articles(event_id, published_ts);

CREATE TABLE rejections (
    seq         INTEGER PRIMARY KEY AUTOINCREMENT,
    place       TEXT NOT NULL,                        -- file or request, and the position in it
    reason      TEXT NOT NULL,
    received_at TEXT NOT NULL
);

CREATE TABLE events (
    id          TEXT PRIMARY KEY,
    idx         INTEGER NOT NULL UNIQUE,              -- the online clusterer's event index
    title       TEXT NOT NULL,
    size        INTEGER NOT NULL,                     -- articles
    n_outlets   INTEGER NOT NULL,
    first_ts    REAL,
    last_ts     REAL,
    dirty       INTEGER NOT NULL DEFAULT 1,           -- brief and pages not yet refreshed
    card        TEXT,                                 -- JSON of the feed item (precomputed)
    detail      TEXT                                  -- JSON of GET /api/events/{id} (precomputed)
);
CREATE INDEX events_last ON events(last_ts DESC, size DESC);
CREATE INDEX events_size ON events(size DESC, last_ts DESC);
CREATE INDEX events_dirty ON events(dirty) WHERE dirty = 1;

CREATE TABLE event_outlets (
    event_id TEXT NOT NULL,
    outlet   TEXT NOT NULL,                           -- folded (no diacritics, lower case)
    PRIMARY KEY (outlet, event_id)
) WITHOUT ROWID;

CREATE TABLE event_entities (
    event_id TEXT NOT NULL,
    entity   TEXT NOT NULL,                           -- folded
    PRIMARY KEY (entity, event_id)
) WITHOUT ROWID;

CREATE TABLE state (
    name TEXT PRIMARY KEY,
    seq  INTEGER NOT NULL,                            -- last article seq the snapshot includes
    blob BLOB NOT NULL
);

-- Full-text index over title + text folded to plain letters (fold_diacritics), so "lu lut"
-- finds "lũ lụt". Contentless: the text lives in articles; rowid = articles.seq.
CREATE VIRTUAL TABLE articles_fts USING fts5(body, content='', tokenize='unicode61');
