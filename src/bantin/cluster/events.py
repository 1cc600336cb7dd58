"""Event clustering: group articles about the same story, never splitting syndicated copies.

The algorithm (all steps near-linear in the number of articles):

1. **Copies** (:mod:`bantin.cluster.dedup`): exact and near-duplicate articles are joined into one
   *unit* represented by its original, so copies always share an event and count once.
2. **Features** (:mod:`bantin.cluster.features`): every unit gets a row whose dot product with
   another row is ``w_text cos(text) + w_title cos(title) + w_entity cos(entities)
   + w_number cos(numbers)``.
3. **Candidates**: each unit is indexed under its ``index_terms`` heaviest text terms that occur in
   at least two units and in at most ``max_postings`` (an inverted index, terms common enough to
   be useless are never posted). Units sharing index terms are candidates; each unit keeps its
   ``neighbors`` candidates with the most shared terms and scores them exactly. No all-pairs step.
4. **Average linkage over the candidate graph**: the similarity of two groups is the mean kernel
   over all their cross pairs, which for a dot-product kernel is the dot product of the group
   means -- so it is exact even for pairs that were never candidates. It is multiplied by a
   time decay: ``exp(-(gap - time_grace_days) / time_scale_days)`` when both groups are dated
   and their date ranges are more than ``time_grace_days`` apart (undated groups are not
   penalised, so articles without a date are still placed by their text). Groups joined by a
   candidate edge merge best-first while the similarity is at least ``threshold``.

The result does not depend on input order: units are processed in a canonical order (id, then
text), and ties break on that order (``bench_cluster_quality`` measures it with shuffles).

:class:`EventClusterer` is the incremental interface: ``add`` assigns the article to an event at
once (:mod:`bantin.cluster.online`: inverted index over the events, cost independent of the stream
length), ``online_events`` returns those provisional, order-dependent events, and ``events``
re-clusters everything added so far with the exact batch algorithm above (cached until the next
``add``), so incremental and batch use give the same final events.
"""
from __future__ import annotations

import hashlib
import heapq
import logging
import math
from dataclasses import dataclass, field
from datetime import datetime
from typing import Iterable, Sequence

import numpy as np
import scipy.sparse as sp

from bantin.cluster.dedup import DedupConfig, DuplicateGroup, as_datetime, find_duplicates
from bantin.cluster.features import Background, FeatureWeights, article_matrix, shipped_background, title_text
from bantin.models import Article, Event

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ClusterConfig:
    """Every tuned constant of event clustering.

    Set by ``benchmarks/bench_cluster_quality.py`` (thresholds swept on one pooled corpus and
    checked on the other; see BENCHMARKS.md, "Event clustering").
    """

    # Kernel weights. Text alone: 0.931 / 0.906 B-cubed F1 (VMDS / AbMuSu-train, best threshold);
    # with titles and proper nouns every split from (0.6, 0.2, 0.2) to (0.4, 0.4, 0.2) gives
    # 0.943-0.949 / 0.913-0.916, i.e. the same within noise on AbMuSu-train; (0.4, 0.4, 0.2) is the
    # best on VMDS (development sweeps, see BENCHMARKS.md "Event clustering").
    # A fourth block, the numbers of the body (dates, counts, amounts), separates sister stories:
    # (0.35, 0.35, 0.2, 0.1) gives 0.948 / 0.924 cross-tuned against 0.941 / 0.913 without it
    # (numbers at 0.05-0.15 and text/title splits were compared on both corpora: 0.943-0.948 /
    # 0.910-0.925, so the choice saw both corpora; BENCHMARKS.md says so).
    weights: FeatureWeights = field(
        default_factory=lambda: FeatureWeights(text=0.35, title=0.35, entities=0.2, numbers=0.1))
    # Average-linkage threshold on the kernel. `bantin evaluate --task cluster --tune-on` sweeps it
    # on another corpus (0.05-0.35 by 0.01); the best is 0.12-0.14 on both corpora.
    threshold: float = 0.13
    # Text terms kept per article vector: the heaviest 300 carry the story; the tail is noise and
    # slows the group sums down.
    max_terms: int = 300
    # Candidate retrieval: index terms per unit, posting-list cap, exact-scored neighbours.
    index_terms: int = 15
    max_postings: int = 5000
    neighbors: int = 30
    # Time decay between dated groups: none within a day, then /e every 2 days. A story's
    # articles fall within days (VMDS: median spread 0.2 days, 95th percentile 2 days); sister
    # stories on the same topic are often 1-3 days apart. Swept on VMDS only (grace 0.5-2,
    # scale 1-10 days: 0.944-0.949, vs 0.943 for grace 3 / scale 10); AbMuSu has no dates.
    time_grace_days: float = 1.0
    time_scale_days: float = 2.0
    # Threshold of the online assignment (`EventClusterer.add`): a single pass compares an article
    # with whole events and cannot undo a merge, so it wants a stricter cut than batch linkage.
    # Swept 0.13/0.16/0.20/0.25 on each corpus: 0.16 is the best on both, so either corpus picks
    # it for the other (bench_cluster_quality: online F1 over 5 arrival orders).
    online_threshold: float = 0.16
    dedup: DedupConfig = field(default_factory=DedupConfig)
    # Background document frequencies pooled with the batch's own for IDF (see
    # bantin.cluster.features): a batch of four articles then weighs terms like a large one.
    # Default: the shipped table (VMDS + AbMuSu-train term frequencies, see
    # bantin.cluster.background); None: IDF from the batch alone.
    background: Background | None = field(default_factory=shipped_background)

    def __post_init__(self) -> None:
        if not 0.0 < self.threshold < 1.0:
            raise ValueError(f"threshold is a kernel similarity in (0, 1), got {self.threshold}")
        if not 0.0 < self.online_threshold < 1.0:
            raise ValueError(f"online_threshold is a kernel similarity in (0, 1), got {self.online_threshold}")
        total = self.weights.text + self.weights.title + self.weights.entities + self.weights.numbers
        if not math.isclose(total, 1.0, abs_tol=1e-6):
            raise ValueError(f"feature weights should sum to 1, got {total:.3f}")


# ---------------------------------------------------------------------------------------------
# public API
# ---------------------------------------------------------------------------------------------
class EventClusterer:
    """Incremental event clustering: ``add`` articles as they arrive, ask for ``events`` any time."""

    def __init__(self, config: ClusterConfig | None = None) -> None:
        from bantin.cluster.online import OnlineAssigner

        self.config = config or ClusterConfig()
        self._articles: list[Article] = []
        self._cached: list[Event] | None = None
        self._online = OnlineAssigner(self.config)

    def __len__(self) -> int:
        return len(self._articles)

    def add(self, article: Article) -> int:
        """Store ``article`` and assign it to a provisional event; returns that event's index
        (stable: the same index in ``online_groups`` until the clusterer is discarded)."""
        self._articles.append(article)
        self._cached = None
        return self._online.add(article)

    def online_groups(self) -> list[list[int]]:
        """Provisional events as lists of indices in the order articles were added."""
        return self._online.groups()

    def online_events(self) -> list[Event]:
        """Provisional events from the online assignment (cheap; depends on the arrival order)."""
        events = [_event(self._articles, members, {}) for members in self._online.groups()]
        events.sort(key=_event_order)
        return events

    def extend(self, articles: Iterable[Article]) -> None:
        for article in articles:
            self.add(article)

    def events(self) -> list[Event]:
        """Events of all articles added so far, largest first, then most recent."""
        if self._cached is None:
            self._cached = build_events(self._articles, self.config)
        return list(self._cached)


def cluster_events(articles: Sequence[Article], config: ClusterConfig | None = None) -> list[Event]:
    """Batch clustering: every article in exactly one event (see the module docstring)."""
    return build_events(list(articles), config or ClusterConfig())


def build_events(articles: Sequence[Article], config: ClusterConfig) -> list[Event]:
    groups, duplicates = cluster_indices(articles, config)
    copies_of = {g.original: g for g in duplicates}
    events = [_event(articles, members, copies_of) for members in groups]
    events.sort(key=_event_order)
    return events


def cluster_indices(
    articles: Sequence[Article], config: ClusterConfig | None = None,
) -> tuple[list[list[int]], list[DuplicateGroup]]:
    """Clusters as lists of indices into ``articles`` (plus the copy groups found on the way)."""
    config = config or ClusterConfig()
    if not articles:
        return [], []
    order = sorted(range(len(articles)), key=lambda i: (articles[i].id, articles[i].title, articles[i].text, i))
    ranked = [articles[i] for i in order]
    duplicates = find_duplicates(ranked, config.dedup)
    units = _units(len(ranked), duplicates)
    reps = [ranked[unit[0]] for unit in units]
    matrix, text = article_matrix(reps, config.weights, config.max_terms, config.background)
    stamps = np.array([_stamp(a.published) for a in reps], dtype=np.float64)
    edges = candidate_edges(text, matrix, stamps, config)
    merged = average_linkage(matrix, stamps, edges, config)
    clusters = [sorted(order[i] for u in group for i in units[u]) for group in merged]
    groups = [DuplicateGroup(tuple(order[i] for i in g.members)) for g in duplicates]
    log.info("clustered %d articles (%d units, %d candidate edges) into %d events",
             len(articles), len(units), len(edges[0]), len(clusters))
    return clusters, groups


# ---------------------------------------------------------------------------------------------
# steps
# ---------------------------------------------------------------------------------------------
def _units(count: int, duplicates: list[DuplicateGroup]) -> list[tuple[int, ...]]:
    """Copy groups (original first) and the remaining articles, in index order of their first."""
    grouped: dict[int, tuple[int, ...]] = {}
    for group in duplicates:
        grouped[min(group.members)] = group.members
    seen = {i for g in duplicates for i in g.members}
    units = []
    for index in range(count):
        if index in grouped:
            units.append(grouped[index])
        elif index not in seen:
            units.append((index,))
    return units


def _stamp(value: datetime | None) -> float:
    value = as_datetime(value)
    return value.timestamp() / 86400.0 if value is not None else math.nan


def time_factor(gap_days: float, config: ClusterConfig) -> float:
    """Decay for two groups whose date ranges are ``gap_days`` apart (NaN: undated, no decay)."""
    if math.isnan(gap_days) or gap_days <= config.time_grace_days:
        return 1.0
    return math.exp(-(gap_days - config.time_grace_days) / config.time_scale_days)


def candidate_edges(
    text: sp.csr_matrix, matrix: sp.csr_matrix, stamps: np.ndarray, config: ClusterConfig,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(rows, cols, similarity) of candidate pairs i < j with similarity >= threshold."""
    n = text.shape[0]
    if n < 2:
        return np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros(0, np.float32)
    index = index_rows(text, np.bincount(text.indices, minlength=text.shape[1]), config)
    index_t = index.T.tocsr()
    # Rows are taken in chunks whose vote matrices hold at most _VOTES_PER_CHUNK entries (an upper
    # bound: the summed posting lengths of each row's index terms), so memory stays flat however
    # long the posting lists get.
    bound = np.cumsum(index @ np.diff(index_t.indptr).astype(np.float64))
    rows: list[np.ndarray] = []
    cols: list[np.ndarray] = []
    start = 0
    while start < n:
        stop = max(start + 1, int(np.searchsorted(bound, (bound[start - 1] if start else 0.0) + _VOTES_PER_CHUNK,
                                                  side="right")))
        votes = (index[start:stop] @ index_t).tocsr()
        row = np.repeat(np.arange(start, stop), np.diff(votes.indptr))
        found, counts = votes.indices.astype(np.int64), votes.data
        del votes
        keep = found != row
        row, found, counts = row[keep], found[keep], counts[keep].astype(np.int64)
        # Each row keeps its `neighbors` candidates with the most shared terms (ties: lower index).
        # Only votes at or above the row's cut (the highest count that still leaves `neighbors`
        # candidates) can be among them, so only those are sorted: posting lists grow with the
        # stream and most votes are one or two shared terms.
        width = int(counts.max(initial=0)) + 1
        tally = np.bincount((row - start) * width + counts, minlength=(stop - start) * width)
        at_least = np.cumsum(tally.reshape(stop - start, width)[:, ::-1], axis=1)[:, ::-1]
        cut = np.maximum((at_least >= config.neighbors).sum(axis=1) - 1, 0)
        keep = counts >= cut[row - start]
        row, found, counts = row[keep], found[keep], counts[keep]
        order = np.lexsort((found, -counts, row))
        row, found = row[order], found[order]
        first = np.flatnonzero(np.concatenate([[True], row[1:] != row[:-1]])) if len(row) else np.zeros(0, np.int64)
        rank = np.arange(len(row)) - np.repeat(first, np.diff(np.append(first, len(row))))
        best = rank < config.neighbors
        rows.append(row[best])
        cols.append(found[best])
        start = stop
    a, b = np.concatenate(rows), np.concatenate(cols)
    lo, hi = np.minimum(a, b), np.maximum(a, b)
    pairs = np.unique(lo * n + hi)
    lo, hi = pairs // n, pairs % n
    sims = _pair_dots(matrix, lo, hi)
    keep = sims >= config.threshold
    return lo[keep], hi[keep], sims[keep]


def index_rows(text: sp.csr_matrix, postings: np.ndarray, config: ClusterConfig) -> sp.csr_matrix:
    """Each row's index terms (value 1.0): its ``index_terms`` heaviest text terms among those
    whose posting count (units holding the term, over the whole batch) is 2..``max_postings``."""
    from bantin.cluster.features import keep_top_terms

    usable = text.copy()
    usable.data = np.where((postings[usable.indices] >= 2) & (postings[usable.indices] <= config.max_postings),
                           usable.data, 0).astype(np.float32)
    usable.eliminate_zeros()
    index = keep_top_terms(usable, config.index_terms)
    index.data[:] = 1.0
    return index


# Vote entries per chunk of rows in candidate_edges (~16 bytes each while sorting: ~160 MB).
_VOTES_PER_CHUNK = 10_000_000


def _pair_dots(matrix: sp.csr_matrix, lo: np.ndarray, hi: np.ndarray) -> np.ndarray:
    """Dot products of rows ``lo[p]`` and ``hi[p]``, in chunks of pairs small enough that the
    paired row matrices stay under ~100 MB (50k pairs at a time took ~0.4 GB at 100k articles;
    a dense-row gather instead was ~20% slower)."""
    matrix = matrix.tocsr()
    sims = np.empty(len(lo), dtype=np.float32)
    step = 10_000
    for s in range(0, len(lo), step):
        sims[s:s + step] = row_dots(matrix[lo[s:s + step]], matrix[hi[s:s + step]])
    return sims


def row_dots(left: sp.csr_matrix, right: sp.csr_matrix) -> np.ndarray:
    """Dot product of row ``p`` of ``left`` with row ``p`` of ``right`` for every ``p`` (float32)."""
    return np.asarray(left.multiply(right).sum(axis=1)).ravel()


class _Group:
    """A group of units: the sum of their rows (sorted column indices + values), size, date range,
    and ``links``: every neighbouring group (joined by a candidate edge) -> the dot product of the
    two groups' summed rows, or None when it was not needed yet (see :func:`average_linkage`)."""

    __slots__ = ("columns", "values", "size", "first", "last", "members", "links")

    def __init__(self, columns: np.ndarray, values: np.ndarray, size: int, first: float, last: float,
                 members: list[int]) -> None:
        self.columns = columns
        self.values = values
        self.size = size
        self.first = first
        self.last = last
        self.members = members
        self.links: dict[int, float | None] = {}

    def dot(self, other: "_Group") -> float:
        small, big = (self, other) if len(self.columns) <= len(other.columns) else (other, self)
        if not len(small.columns):
            return 0.0
        at = np.searchsorted(big.columns, small.columns)
        np.minimum(at, len(big.columns) - 1, out=at)
        hit = big.columns[at] == small.columns
        return float(np.dot(small.values[hit], big.values[at[hit]]))

    def merge(self, other: "_Group") -> "_Group":
        # Both column arrays are sorted and unique: a stable sort of their concatenation is a
        # linear merge of two runs, and each column occurs at most twice.
        columns = np.concatenate([self.columns, other.columns])
        values = np.concatenate([self.values, other.values])
        order = np.argsort(columns, kind="stable")
        columns, values = columns[order], values[order]
        starts = np.flatnonzero(np.concatenate([[True], columns[1:] != columns[:-1]]))
        return _Group(columns[starts], np.add.reduceat(values, starts) if len(values) else values,
                      self.size + other.size, _nan_min(self.first, other.first), _nan_max(self.last, other.last),
                      self.members + other.members)


def _gap(a: _Group, b: _Group) -> float:
    if math.isnan(a.first) or math.isnan(b.first):
        return math.nan
    return max(0.0, max(a.first, b.first) - min(a.last, b.last))


def _nan_min(a: float, b: float) -> float:
    return b if math.isnan(a) else a if math.isnan(b) else min(a, b)


def _nan_max(a: float, b: float) -> float:
    return b if math.isnan(a) else a if math.isnan(b) else max(a, b)


def _time_factors(gaps: np.ndarray, config: ClusterConfig) -> np.ndarray:
    """:func:`time_factor` of every gap (vectorized)."""
    with np.errstate(invalid="ignore"):
        decayed = np.exp(-(gaps - config.time_grace_days) / config.time_scale_days)
        return np.where(np.isnan(gaps) | (gaps <= config.time_grace_days), 1.0, decayed)


_ABSENT = object()  # links.get default: the two groups never met (no link at all)


def average_linkage(
    matrix: sp.csr_matrix, stamps: np.ndarray, edges: tuple[np.ndarray, np.ndarray, np.ndarray],
    config: ClusterConfig,
) -> list[list[int]]:
    """Merge units best-first along candidate edges while the (time-decayed) average similarity
    of the two groups is at least the threshold; returns groups of unit indices.

    Cost: the similarity of a merged group M = A + B with a neighbour K is
    ``(S(A, K) + S(B, K)) / (|M| |K|)`` where ``S`` is the dot product of summed rows, kept on
    the links (Lance-Williams), so only missing terms cost a sparse dot product. A link whose
    time factor alone is below the threshold cannot merge (the average kernel is at most 1:
    every row has norm <= 1), so its ``S`` is not computed until a later merge brings the two
    groups close enough in time. Without these two shortcuts the time grew ~5x from 30k to 100k
    articles on ``bench_cluster_scale`` (big groups recomputed a dot product with every
    neighbour after every merge).
    """
    n = matrix.shape[0]
    matrix = matrix.tocsr()
    matrix.sort_indices()
    groups: dict[int, _Group] = {}
    for i in range(n):
        lo, hi = matrix.indptr[i], matrix.indptr[i + 1]
        groups[i] = _Group(matrix.indices[lo:hi], matrix.data[lo:hi], 1, stamps[i], stamps[i], [i])
    rows, cols, sims = edges
    scores = sims.astype(np.float64) * _time_factors(np.abs(stamps[rows] - stamps[cols]), config)
    for a, b, sim in zip(rows.tolist(), cols.tolist(), sims.tolist()):
        groups[a].links[b] = sim
        groups[b].links[a] = sim
    keep = scores >= config.threshold
    heap = list(zip((-scores[keep]).tolist(), rows[keep].tolist(), cols[keep].tolist()))
    heapq.heapify(heap)
    # Beyond this gap the time factor alone is below the threshold (the margin covers rounding).
    reach = config.time_grace_days + config.time_scale_days * math.log(1.0 / (config.threshold * (1.0 - 1e-6)))
    next_id = n
    while heap:
        _, a, b = heapq.heappop(heap)
        if a not in groups or b not in groups:
            continue
        left, right = groups.pop(a), groups.pop(b)
        merged = left.merge(right)
        new = next_id
        next_id += 1
        first, last = merged.first, merged.last
        for k in left.links.keys() | right.links.keys():
            if k == a or k == b:
                continue
            other = groups[k]
            other.links.pop(a, None)
            other.links.pop(b, None)
            # _gap(merged, other) inlined (this loop runs once per link of every merged group); an
            # undated side makes it 0.0 here (max ignores NaN after 0.0), and NaN in _gap: no decay
            cross: float | None = None
            if not max(0.0, other.first - last, first - other.last) > reach:
                factor = time_factor(_gap(merged, other), config)
                s, t = left.links.get(k, _ABSENT), right.links.get(k, _ABSENT)
                if s is None or t is None:  # a part never computed: the merged sum at once
                    cross = merged.dot(other)
                else:  # a side that never met k contributes its own (cheaper) dot product
                    cross = (left.dot(other) if s is _ABSENT else s) + (right.dot(other) if t is _ABSENT else t)
                score = cross / (merged.size * other.size) * factor
                if score >= config.threshold:
                    heapq.heappush(heap, (-score, min(k, new), max(k, new)))
            merged.links[k] = cross
            other.links[new] = cross
        groups[new] = merged
    result = [sorted(g.members) for g in groups.values()]
    result.sort(key=lambda m: m[0])
    return result


# ---------------------------------------------------------------------------------------------
# events
# ---------------------------------------------------------------------------------------------
def _event(articles: Sequence[Article], members: list[int], copies_of: dict[int, DuplicateGroup]) -> Event:
    chosen = sorted((articles[i] for i in members), key=lambda a: (_stamp_or_inf(a.published), a.id))
    ids = tuple(a.id for a in chosen)
    duplicates = tuple(
        tuple(articles[i].id for i in copies_of[i].members)
        for i in sorted(members, key=lambda i: (_stamp_or_inf(articles[i].published), articles[i].id))
        if i in copies_of
    )
    dates = sorted(d for d in (as_datetime(a.published) for a in chosen) if d is not None)
    sources: list[str] = []
    for article in chosen:
        if article.source and article.source not in sources:
            sources.append(article.source)
    digest = hashlib.sha1("\n".join(sorted(ids)).encode("utf-8")).hexdigest()[:12]
    return Event(
        id=f"ev-{digest}", title=_title(chosen), articles=ids, duplicates=duplicates,
        sources=tuple(sources), first_published=dates[0] if dates else None,
        last_published=dates[-1] if dates else None,
    )


def _stamp_or_inf(value: datetime | None) -> float:
    stamp = _stamp(value)
    return math.inf if math.isnan(stamp) else stamp


def _title(articles: list[Article]) -> str:
    """The title of the earliest article that has one (else the opening of the longest text)."""
    from bantin.cluster.dedup import original_key

    titled = [a for a in articles if a.title.strip()]
    if titled:
        return min(titled, key=original_key).title.strip()
    longest = max(articles, key=lambda a: (len(a.text), a.id))
    words = title_text(longest).split()
    return " ".join(words[:16]) + (" …" if len(words) > 16 else "")


def _event_order(event: Event) -> tuple:
    last = event.last_published
    return (-len(event.articles), -(last.timestamp()) if last is not None else math.inf, event.id)
