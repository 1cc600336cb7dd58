"""Rendered responses kept in the web process, each valid for one tag.

An event page is kept under the event's version (bumped by the writer on every refresh), a list,
feed or search page under the store's generation (``PRAGMA data_version``: it changes whenever
the writer commits). A request whose tag still matches is answered with the bytes of the last
render: one indexed lookup, no JSON parsing, no template. Least recently used entries go first
once the byte budget is spent.
"""
from __future__ import annotations

from collections import OrderedDict
from typing import Callable, Hashable

CACHE_BYTES = 128 * 1024 * 1024


class PageCache:
    """``get_or_make(key, tag, make)``: the bytes stored for ``key`` when made under ``tag``,
    else ``make()`` (stored for the next request with the same tag)."""

    def __init__(self, max_bytes: int = CACHE_BYTES) -> None:
        self.max_bytes = max_bytes
        self.size = 0
        self.hits = self.misses = 0
        self._items: OrderedDict[Hashable, tuple[Hashable, bytes, int]] = OrderedDict()

    def get_or_make(self, key: Hashable, tag: Hashable, make: Callable[[], bytes]) -> bytes:
        entry = self._items.get(key)
        if entry is not None and entry[0] == tag:
            self._items.move_to_end(key)
            self.hits += 1
            return entry[1]
        self.misses += 1
        body = make()
        self._put(key, tag, body)
        return body

    def _put(self, key: Hashable, tag: Hashable, body: bytes) -> None:
        old = self._items.pop(key, None)
        if old is not None:
            self.size -= old[2]
        cost = len(body) + len(repr(key))  # a key holds the request's words: counted too
        if cost > self.max_bytes // 16:  # one huge page must not empty the cache
            return
        self._items[key] = (tag, body, cost)
        self.size += cost
        while self.size > self.max_bytes:
            _, (_, _, dropped) = self._items.popitem(last=False)
            self.size -= dropped

    def stats(self) -> dict[str, int]:
        return {"pages": len(self._items), "bytes": self.size, "hits": self.hits, "misses": self.misses}

    def __len__(self) -> int:
        return len(self._items)
