-- The feed's two orders end with the event id (a stable page order); with the id in the index
-- SQLite walks the index for LIMIT/OFFSET instead of sorting every event per page.
DROP INDEX events_last;
DROP INDEX events_size;
CREATE INDEX events_newest ON events(last_ts DESC, size DESC, id);
CREATE INDEX events_biggest ON events(size DESC, last_ts DESC, id);
