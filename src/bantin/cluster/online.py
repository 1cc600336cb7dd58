"""Online event assignment: each new article joins the best candidate event at once.

:class:`OnlineAssigner` keeps running document frequencies (so IDF grows with the stream), an
inverted index from text terms to events, and every event's summed kernel row. ``add`` weights the
new article with the current IDF (same blocks and weights as :mod:`bantin.cluster.features`),
looks up the events sharing its heaviest text terms, scores the best ``neighbors`` of them by
average kernel similarity (the event's summed row dotted with the article, divided by its size)
times the time decay of :func:`bantin.cluster.events.time_factor`, and joins the best one at or
above ``online_threshold``, else opens a new event. The postings are kept per time bucket, and
a dated article only looks at events close enough in time for the decay to let it join them
(plus undated events), so old events age out of the index's cost. Cost per article: its own
terms, the postings of its bucket and ``neighbors`` sparse dot products, independent of the
stream length for dated streams (an undated article still looks at every event).

This is a provisional, order-dependent clustering (a new article can never split or merge older
events, and older vectors keep the IDF they were given); :class:`bantin.cluster.EventClusterer`
exposes it as ``online_events`` and keeps the exact batch clustering for ``events``.
``bench_cluster_quality`` measures both and the order dependence.
"""
from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field
from typing import Iterable

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
    terms: set[int] = field(default_factory=set)  # the index terms it is posted under
    zone: tuple[int, int] | None = None  # the time buckets it is posted in (None: undated)


class OnlineAssigner:
    """Single-pass assignment of articles to events (see the module docstring)."""

    def __init__(self, config) -> None:
        from bantin.cluster.events import ClusterConfig

        self.config: ClusterConfig = config
        self._df: list[Counter] = [Counter() for _ in _BLOCKS]
        self._count = 0
        # term -> time bucket (None: undated events) -> events posted there (each once: lists
        # are a third of the memory of sets)
        self._postings: dict[int, dict[int | None, list[int]]] = {}
        # Beyond this gap (days) the time factor alone keeps any event below the threshold (an
        # average kernel is at most 1; the margin covers rounding): such events are out of reach.
        self._reach = config.time_grace_days + config.time_scale_days * math.log(
            1.0 / (config.online_threshold * (1.0 - 1e-6)))
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
            for event in self._reachable(term, stamp):
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
        self._post(best, index_terms[: self.config.index_terms])
        self.assignment.append(best)
        return best

    def _reachable(self, term: int, stamp: float) -> Iterable[int]:
        """Events posted under ``term`` that an article dated ``stamp`` may join: the undated
        ones and those posted in its time bucket (all of them for an undated article)."""
        buckets = self._postings[term]
        if math.isnan(stamp):
            return set().union(*buckets.values())
        near = buckets.get(math.floor(stamp / self._reach), ())
        undated = buckets.get(None, ())
        return near + undated if near and undated else near or undated  # a dated event is never undated

    def _post(self, index: int, terms: list[int]) -> None:
        """Post event ``index`` under ``terms`` in every time bucket it can be reached from.

        A dated article joins an event only within ``_reach`` days of its date range, so the
        range grows in steps of at most ``_reach`` and every date within ``_reach`` of it falls
        in the buckets ``[first - reach, last + reach]`` covers (buckets are ``_reach`` wide).
        An article looks only in its own bucket: events that fell out of reach (older than the
        time decay allows) cost nothing however long the stream runs. Undated events are posted
        under the key None and seen from every bucket.
        """
        event = self.events[index]
        if math.isnan(event.first):
            zone = None
        else:
            zone = (math.floor((event.first - self._reach) / self._reach),
                    math.floor((event.last + self._reach) / self._reach))
        old = event.zone
        if event.terms and zone != old:  # the event got (more) dates: post its terms in new buckets
            if old is None:
                for term in event.terms:
                    self._postings[term][None].remove(index)
            added = [k for k in range(zone[0], zone[1] + 1) if old is None or not old[0] <= k <= old[1]]
            for term in event.terms:
                buckets = self._postings[term]
                for key in added:
                    buckets.setdefault(key, []).append(index)
        event.zone = zone
        keys = [None] if zone is None else range(zone[0], zone[1] + 1)
        for term in terms:
            if term in event.terms:
                continue
            event.terms.add(term)
            buckets = self._postings.setdefault(term, {})
            for key in keys:
                buckets.setdefault(key, []).append(index)

    def state(self) -> dict:
        """What :meth:`restore` needs to continue the stream (the store saves it, pickled)."""
        return {"df": self._df, "count": self._count, "postings": self._postings,
                "events": self.events, "assignment": self.assignment}

    def restore(self, state: dict) -> None:
        """Continue from a :meth:`state` taken with the same config."""
        self._df, self._count, self._postings = state["df"], state["count"], state["postings"]
        self.events, self.assignment = state["events"], state["assignment"]

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
