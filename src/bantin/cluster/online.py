"""Online event assignment: each new article joins the best candidate event at once.

:class:`OnlineAssigner` keeps running document frequencies (so IDF grows with the stream), an
inverted index from text terms to events, and every event's summed kernel row. ``add`` weights the
new article with the current IDF (same blocks and weights as :mod:`bantin.cluster.features`),
looks up the events sharing its heaviest text terms, scores the best ``neighbors`` of them by
average kernel similarity (the event's summed row dotted with the article, divided by its size)
times the time decay of :func:`bantin.cluster.events.time_factor`, and joins the best one at or
above ``online_threshold``, else opens a new event. Cost per article: its own terms plus
``neighbors`` sparse dot products, independent of the stream length.

This is a provisional, order-dependent clustering (a new article can never split or merge older
events, and older vectors keep the IDF they were given); :class:`bantin.cluster.EventClusterer`
exposes it as ``online_events`` and keeps the exact batch clustering for ``events``.
``bench_cluster_quality`` measures both and the order dependence.
"""
from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field

import numpy as np

from bantin.cluster import features as F
from bantin.models import Article

_BLOCKS = ("text", "title", "entities", "numbers")


@dataclass
class _OnlineEvent:
    sums: dict[int, float] = field(default_factory=dict)
    size: int = 0
    first: float = math.nan
    last: float = math.nan
    members: list[int] = field(default_factory=list)


class OnlineAssigner:
    """Single-pass assignment of articles to events (see the module docstring)."""

    def __init__(self, config) -> None:
        from bantin.cluster.events import ClusterConfig

        self.config: ClusterConfig = config
        self._df: list[Counter] = [Counter() for _ in _BLOCKS]
        self._count = 0
        self._postings: dict[int, set[int]] = {}
        self.events: list[_OnlineEvent] = []
        self.assignment: list[int] = []
        self._vectorizers = (F._text_vectorizer(), F._text_vectorizer(), F._entity_vectorizer(),
                             F._number_vectorizer())

    def add(self, article: Article) -> int:
        """Assign ``article`` (the next index) to an event; returns the event's index."""
        from bantin.cluster.events import _stamp, time_factor

        row, index_terms = self._row(article)
        stamp = _stamp(article.published)
        votes: Counter = Counter()
        # Query with the heaviest terms some event was posted under (a term seen only in this
        # article finds nothing); post under the heaviest terms overall.
        query = [t for t in index_terms if t in self._postings][: self.config.index_terms]
        for term in query:
            for event in self._postings[term]:
                votes[event] += 1
        best, best_score = -1, self.config.online_threshold
        for event_index, _ in sorted(votes.items(), key=lambda kv: (-kv[1], kv[0]))[: self.config.neighbors]:
            event = self.events[event_index]
            sims = sum(event.sums.get(col, 0.0) * value for col, value in row.items()) / event.size
            if math.isnan(stamp) or math.isnan(event.first):
                gap = math.nan
            else:
                gap = max(0.0, event.first - stamp, stamp - event.last)
            score = sims * time_factor(gap, self.config)
            if score >= best_score:
                if score > best_score or best < 0:
                    best, best_score = event_index, score
        if best < 0:
            best = len(self.events)
            self.events.append(_OnlineEvent())
        event = self.events[best]
        for col, value in row.items():
            event.sums[col] = event.sums.get(col, 0.0) + value
        event.size += 1
        if not math.isnan(stamp):
            event.first = stamp if math.isnan(event.first) else min(event.first, stamp)
            event.last = stamp if math.isnan(event.last) else max(event.last, stamp)
        event.members.append(len(self.assignment))
        for term in index_terms[: self.config.index_terms]:
            self._postings.setdefault(term, set()).add(best)
        self.assignment.append(best)
        return best

    def groups(self) -> list[list[int]]:
        return [list(e.members) for e in self.events]

    def _row(self, article: Article) -> tuple[dict[int, float], list[int]]:
        weights = self.config.weights
        docs = (f"{article.title}\n{article.text}", F.title_text(article), article.text, article.text)
        self._count += 1
        row: dict[int, float] = {}
        index_terms: list[int] = []
        for block, (name, vectorizer, doc) in enumerate(zip(_BLOCKS, self._vectorizers, docs)):
            weight = getattr(weights, name)
            counts = vectorizer.transform([doc])
            cols, tfs = counts.indices, counts.data
            if not len(cols):
                continue
            df = self._df[block]
            df.update(cols.tolist())
            idf = F.idf(np.array([df[c] for c in cols], dtype=np.float64), self._count,
                        self.config.background, block, cols)
            values = (1.0 + np.log(tfs)) * idf
            if name == "text":
                order = np.lexsort((cols, -values))
                top = order[: self.config.max_terms]
                cols, values = cols[top], values[top]
                index_terms = [int(c) for c in cols[: 4 * self.config.index_terms]]
            if not weight:
                continue
            values = values / np.linalg.norm(values) * math.sqrt(weight)
            offset = block * F.N_FEATURES
            row.update({offset + int(c): float(v) for c, v in zip(cols, values)})
        return row, index_terms
