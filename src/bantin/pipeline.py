"""The one place that knows the order of the stages: read -> clean -> (dedup, cluster) -> summarize.

Commands and Python users call these functions; the stages themselves live in ``ingest``,
``cluster`` and ``summarize``.
"""
from __future__ import annotations

import dataclasses
from typing import Callable, Iterable, Sequence, TypeVar

from bantin.models import Article, Event, Rejected

T = TypeVar("T")
Progress = Callable[..., Iterable]


def _no_progress(items: Iterable[T], total: int | None = None, desc: str = "") -> Iterable[T]:
    return items


def read_clean(paths: Sequence[str] | str, errors: list[Rejected] | None = None,
               strict: bool = False) -> list[Article]:
    """Read articles (files, directories, ``-``) and :func:`prepare` them.

    Rejected inputs are appended to ``errors`` (see ``bantin.ingest.readers.read_articles``).
    """
    from bantin.ingest.readers import read_articles

    return prepare(read_articles(paths, errors=errors, strict=strict))


def prepare(articles: Sequence[Article], progress: Progress = _no_progress) -> list[Article]:
    """Clean every article (scraper boilerplate out) and give each a unique id."""
    from bantin.ingest.boilerplate import clean_article
    from bantin.ingest.readers import unique_ids

    return list(unique_ids(clean_article(a) for a in progress(articles, total=len(articles), desc="clean")))


def summarize_events(events: Sequence[Event], articles: Sequence[Article], max_words: int,
                     progress: Progress = _no_progress) -> list[Event]:
    """Each event with its summary; syndicated copies are passed as duplicate groups (one voice)."""
    from bantin.summarize import summarize

    by_id = {a.id: a for a in articles}
    out = []
    for event in progress(events, total=len(events), desc="summarize"):
        summary = summarize([by_id[i] for i in event.articles], max_words,
                            duplicate_groups=[list(g) for g in event.duplicates] or None)
        out.append(dataclasses.replace(event, summary=summary))
    return out


def describe_events(events: Sequence[Event], articles: Sequence[Article],
                    progress: Progress = _no_progress) -> list[Event]:
    """Each event with its facts: entities, timeline, disagreements, additions (``bantin.facts``)."""
    from bantin.facts import describe

    by_id = {a.id: a for a in articles}
    return [dataclasses.replace(e, facts=describe([by_id[i] for i in e.articles], [list(g) for g in e.duplicates]))
            for e in progress(events, total=len(events), desc="facts")]


def find_events(articles: Sequence[Article], max_words: int | None = 100, config=None,
                progress: Progress = _no_progress, facts: bool = False) -> list[Event]:
    """Group cleaned articles into events and summarize each (``max_words=None``: no summaries);
    ``facts=True`` adds each event's entities, timeline and disagreements."""
    from bantin.cluster import cluster_events

    events = cluster_events(articles, config)
    if max_words is not None:
        events = summarize_events(events, articles, max_words, progress=progress)
    if facts:
        events = describe_events(events, articles, progress=progress)
    return events
