"""bantin -- from raw Vietnamese news articles to events with faithful, attributed summaries.

Public API (imported lazily so ``import bantin`` stays cheap)::

    articles = bantin.read_articles(["crawl/"])         # readers: txt, html, json, jsonl, dirs
    cleaned = [bantin.clean(a) for a in articles]       # scraper boilerplate removed
    summary = bantin.summarize(cleaned, max_words=100)  # attributed extractive summary
    events = bantin.find_events(cleaned)                # group into events, summarize each
    articles = bantin.read_clean(["crawl/"])            # read + clean in one call
"""
from __future__ import annotations

from importlib import import_module
from typing import Any

from bantin.models import Article, Event, Rejected, SourceRef, Summary, SummarySentence

__version__ = "0.1.0"

_LAZY = {
    "read_articles": "bantin.ingest.readers",
    "iter_articles": "bantin.ingest.readers",
    "clean": "bantin.ingest.boilerplate",
    "summarize": "bantin.summarize",
    "cluster_events": "bantin.cluster",
    "EventClusterer": "bantin.cluster",
    "read_clean": "bantin.pipeline",
    "find_events": "bantin.pipeline",
    "parse_date": "bantin.ingest.dates",
    "find_dates": "bantin.ingest.dates",
    "decode_bytes": "bantin.ingest.encoding",
}

__all__ = ["Article", "Event", "Rejected", "SourceRef", "Summary", "SummarySentence", *_LAZY]


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'bantin' has no attribute {name!r}")
