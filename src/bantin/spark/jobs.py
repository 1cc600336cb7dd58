"""The stages of ``bantin cluster`` as Spark jobs.

Each stage keeps bantin's per-article (or per-event) work as the plain function the single-machine
path calls and puts only the join/shuffle in Spark. The articles never go to the driver; a few
integers per article do (copy-group labels, unit numbers, event keys: ~24 bytes per article, 240 MB
for 10M articles), and are broadcast back instead of joined, which keeps a run at ~30 Spark jobs
(a join of Python RDDs is a shuffle plus a cogroup in Python; a broadcast lookup is neither):

1. **read, clean** per partition: :func:`bantin.ingest.readers.article_from_line` (JSONL) or
   :func:`~bantin.ingest.readers.article_from_record` (Parquet rows), then
   :func:`bantin.ingest.boilerplate.clean_article`. Duplicate ids are renamed as
   :func:`~bantin.ingest.readers.unique_ids` does, among the articles sharing the id.
2. **row ids**: articles sorted by id (the single path's canonical order) and numbered once with
   ``zipWithIndex``; the numbered RDD is persisted (ids recomputed under adaptive execution can
   change, which silently gave wrong groups).
3. **copies**: :func:`~bantin.cluster.dedup.article_shingles` per article; exact copies per digest
   (:func:`~bantin.cluster.dedup.exact_copy_of`); MinHash :func:`~bantin.cluster.dedup.signatures`
   per partition, LSH bands (:func:`~bantin.cluster.dedup.band_ranges`) as a self-join on
   (band, key); pairs further apart than ``max_days`` dropped, the rest verified with the exact
   :func:`~bantin.cluster.dedup.jaccard`; groups = connected components
   (:mod:`bantin.spark.graph`: on the driver below ``DRIVER_EDGES`` edges) with
   :func:`~bantin.cluster.dedup.duplicate_group` choosing the original (only the articles of a
   group are shuffled for it). Units (groups and the other articles) are numbered on the driver
   by their smallest article, as the single path numbers them.
4. **features**: :func:`~bantin.cluster.features.block_counts` per partition, document
   frequencies summed over all units and turned into IDF weights on the driver
   (:func:`~bantin.cluster.features.term_weights`), broadcast, rows from
   :func:`~bantin.cluster.features.weigh_blocks`.
5. **candidates**: posting counts summed globally and broadcast,
   :func:`~bantin.cluster.events.index_rows` per partition, votes by a self-join on the index
   term, each unit's ``neighbors`` best by a window (most shared terms, then lower unit), exact
   similarities by :func:`~bantin.cluster.events.row_dots`, kept at ``threshold``.
6. **events**: connected components of the candidate graph (as for copies); each component (cut at time gaps
   beyond the decay's reach when all its units are dated: no merge can cross such a gap) runs
   :func:`~bantin.cluster.events.average_linkage` on its own rows, which gives the groups the
   global run gives (linkage only follows candidate edges, and the order of merges inside a
   component is the same). Each article goes to its event's key (one shuffle); events, briefs
   (:func:`bantin.pipeline.summarize_events`) and facts (:func:`bantin.pipeline.describe_events`)
   are built per event in parallel.
"""
from __future__ import annotations

import dataclasses
import json
import logging
import math
import time
from typing import Iterable, Iterator, Sequence

import numpy as np

from bantin.cluster.events import ClusterConfig
from bantin.models import Article, Event, Rejected

log = logging.getLogger(__name__)

PARQUET_SUFFIX = ".parquet"


# ---------------------------------------------------------------------------------------------
# read + clean
# ---------------------------------------------------------------------------------------------
def read_records(spark, paths: Sequence[str]):
    """RDD of ``((input number, line), Article | Rejected)`` from JSONL files or Parquet
    (``*.parquet`` paths: files or directories), local paths or any Hadoop URI."""
    from bantin.ingest.readers import article_from_line, article_from_record

    sc = spark.sparkContext
    parts = []
    for number, path in enumerate(paths):
        if path.rstrip("/").endswith(PARQUET_SUFFIX):
            rows = spark.read.parquet(path).rdd.zipWithIndex()
            parts.append(rows.map(lambda item, p=path, k=number: (
                (k, item[1] + 1),
                article_from_record(_plain(item[0].asDict(recursive=True)), f"{p}:{item[1] + 1}", p, item[1] + 1))))
        else:
            lines = sc.textFile(path, use_unicode=False).zipWithIndex()
            parts.append(lines.map(lambda item, p=path, k=number: (
                (k, item[1] + 1), article_from_line(bytes(item[0]), p, item[1] + 1)))
                .filter(lambda pair: pair[1] is not None))
    return sc.union(parts) if len(parts) > 1 else parts[0]


def _plain(record: dict) -> dict:
    """A Parquet row as the JSON record it stands for (timestamps as ISO strings)."""
    out = {}
    for key, value in record.items():
        out[key] = value.isoformat() if hasattr(value, "isoformat") else value
    return out


def read_clean(spark, paths: Sequence[str]):
    """:func:`read_records` with every article cleaned, persisted (read and cleaned once)."""
    from bantin.ingest.boilerplate import clean_article
    from pyspark import StorageLevel

    records = read_records(spark, paths).mapValues(lambda r: clean_article(r) if isinstance(r, Article) else r)
    return records.persist(StorageLevel.MEMORY_AND_DISK)


def unique_articles(records):
    """RDD of ``(position, Article)``: the articles of ``records``, ids made unique (see the
    module docstring)."""
    from bantin.ingest.readers import unique_ids

    cleaned = records.filter(lambda pair: isinstance(pair[1], Article))
    by_id = cleaned.map(lambda pair: (pair[1].id, pair))

    def rename(group: Iterable) -> list:
        items = sorted(group)
        return list(zip([p for p, _ in items], unique_ids(a for _, a in items)))

    counts = by_id.mapValues(lambda _: 1).reduceByKey(lambda a, b: a + b).filter(lambda kv: kv[1] > 1)
    repeated = set(counts.keys().collect())
    if not repeated:
        return cleaned
    shared = cleaned.context.broadcast(repeated)
    single = cleaned.filter(lambda pair: pair[1].id not in shared.value)
    renamed = (by_id.filter(lambda kv: kv[0] in shared.value).groupByKey()
               .flatMap(lambda kv: rename(kv[1])))
    return single.union(renamed)


def numbered(articles):
    """RDD of ``(index, Article)``: the single path's canonical order (unique ids, so by id),
    numbered once and persisted."""
    from pyspark import StorageLevel

    ranked = articles.values().sortBy(lambda a: a.id).zipWithIndex().map(lambda pair: (pair[1], pair[0]))
    return ranked.persist(StorageLevel.MEMORY_AND_DISK)


# ---------------------------------------------------------------------------------------------
# copies
# ---------------------------------------------------------------------------------------------
@dataclasses.dataclass
class Copies:
    """What :func:`copy_groups` leaves on the driver (a few bytes per article, never the articles):
    the groups (global indices, original first) by original, whether each article is in a group,
    each article's unit (units numbered in the single path's order: by their smallest article),
    and the number of units."""

    groups: dict
    in_group: np.ndarray
    unit_of: np.ndarray
    units: int


def copy_groups(spark, indexed, count: int, config: ClusterConfig, timings: dict) -> Copies:
    """The copy groups of the ``count`` numbered articles (see :class:`Copies`)."""
    from pyspark import StorageLevel
    from pyspark.sql import functions as F

    from bantin.cluster.dedup import (_too_far, article_shingles, band_ranges, day_stamp, duplicate_group,
                                      exact_copy_of, jaccard, signatures)
    from bantin.spark.graph import edge_labels

    started = time.perf_counter()
    sc = spark.sparkContext
    dedup = config.dedup
    shingled = indexed.mapValues(lambda a: (*article_shingles(a, dedup), day_stamp(a.published)))
    shingled = shingled.persist(StorageLevel.MEMORY_AND_DISK)

    def exact(group: Iterable) -> Iterator[tuple[int, int]]:
        items = sorted(group)
        firsts = exact_copy_of([None] * len(items), [s for _, s in items], dedup.max_days) if len(items) > 1 else [0]
        for (index, _), first in zip(items, firsts):
            if items[first][0] != index:
                yield index, items[first][0]

    exact_edges = (shingled.map(lambda kv: (kv[1][0], (kv[0], kv[1][2]))).groupByKey().flatMap(lambda kv: exact(kv[1]))
                   .persist(StorageLevel.MEMORY_AND_DISK))
    # an exact copy matches whatever its first matches: only firsts with shingles are banded
    later = np.zeros(count, dtype=bool)
    later[np.array(exact_edges.keys().collect(), dtype=np.int64)] = True
    shared_later = sc.broadcast(later)
    eligible = shingled.filter(lambda kv: not shared_later.value[kv[0]] and len(kv[1][1])).mapValues(lambda v: v[1])
    ranges = band_ranges(dedup)

    def bands(part: Iterator) -> Iterator[tuple[int, bytearray, int]]:
        items = list(part)
        if not items:
            return
        rows = signatures([s for _, s in items], dedup)
        for (index, _), row in zip(items, rows):
            for band, (start, end) in enumerate(ranges):
                yield band, bytearray(np.ascontiguousarray(row[start:end]).tobytes()), index

    keyed = spark.createDataFrame(eligible.mapPartitions(bands), "band int, key binary, idx long")
    a, b = keyed.alias("a"), keyed.alias("b")
    pairs = (a.join(b, (F.col("a.band") == F.col("b.band")) & (F.col("a.key") == F.col("b.key"))
                    & (F.col("a.idx") < F.col("b.idx")))
             .select(F.col("a.idx").alias("lo"), F.col("b.idx").alias("hi")).distinct())
    sets = shingled.mapValues(lambda v: (v[1], v[2]))
    candidate = pairs.rdd.map(lambda r: (r.lo, r.hi))
    verified = (candidate.join(sets).map(lambda kv: (kv[1][0], (kv[0], kv[1][1])))
                .join(sets)
                .filter(lambda kv: not _too_far(kv[1][0][1][1], kv[1][1][1], dedup.max_days)
                        and jaccard(kv[1][0][1][0], kv[1][1][0]) >= dedup.threshold)
                .map(lambda kv: (kv[1][0][0], kv[0])))
    edges = exact_edges.union(verified).persist(StorageLevel.MEMORY_AND_DISK)
    labels, _ = edge_labels(spark, edges, count)
    edges.unpersist()
    exact_edges.unpersist()
    shingled.unpersist()
    in_group = np.bincount(labels, minlength=count)[labels] > 1
    shared_labels, shared_in_group = sc.broadcast(labels), sc.broadcast(in_group)
    members = (indexed.filter(lambda kv: shared_in_group.value[kv[0]])
               .map(lambda kv: (int(shared_labels.value[kv[0]]), kv)).groupByKey())
    found = members.map(lambda kv: duplicate_group(*(2 * (dict(kv[1]),)))).collect()
    shared_labels.destroy()
    shared_in_group.destroy()
    shared_later.destroy()
    starts = labels == np.arange(count)
    copies = Copies({g.original: g for g in found}, in_group, (np.cumsum(starts) - 1)[labels], int(starts.sum()))
    timings["copy_groups"] = len(copies.groups)
    timings["copies"] = time.perf_counter() - started
    return copies


# ---------------------------------------------------------------------------------------------
# units, features, candidates
# ---------------------------------------------------------------------------------------------
def units_of(indexed, copies: Copies):
    """RDD of ``(unit, (representative Article, DuplicateGroup | None, article indices))``: the
    articles outside copy groups and the originals, no shuffle (the unit numbers are broadcast)."""
    from pyspark import StorageLevel

    sc = indexed.context
    shared = sc.broadcast((copies.groups, copies.in_group, copies.unit_of))

    def unit(kv):
        index, article = kv
        groups, in_group, unit_of = shared.value
        group = groups.get(index)
        if group is not None:
            return [(int(unit_of[index]), (article, group, group.members))]
        if in_group[index]:  # a copy, carried by its original's unit
            return []
        return [(int(unit_of[index]), (article, None, (index,)))]

    return indexed.flatMap(unit).persist(StorageLevel.MEMORY_AND_DISK)


def _sum_columns(part_arrays: Iterable[np.ndarray], width: int) -> np.ndarray:
    total = np.zeros(width, dtype=np.float64)
    for cols, counts in part_arrays:
        np.add.at(total, cols, counts)
    return total


def unit_features(units, count: int, config: ClusterConfig, timings: dict):
    """RDD of ``(unit, (stamp, kernel row indices, kernel row data, index terms))``."""
    import scipy.sparse as sp
    from pyspark import StorageLevel

    from bantin.cluster.events import _stamp, index_rows
    from bantin.cluster.features import N_FEATURES, block_counts, document_frequency, term_weights, weigh_blocks

    started = time.perf_counter()
    sc = units.context
    light = dataclasses.replace(config, background=None)  # the background stays on the driver
    weights = config.weights

    def part_df(part: Iterator) -> Iterator:
        reps = [v[0] for _, v in part]
        if not reps:
            return
        for block, counts in enumerate(block_counts(reps, weights)):
            df = document_frequency(counts)
            cols = np.flatnonzero(df)
            yield block, (cols, df[cols])

    partial = units.mapPartitions(part_df).groupByKey().mapValues(lambda arrays: _sum_columns(arrays, N_FEATURES))
    dfs = dict(partial.collect())
    block_weights = sc.broadcast([term_weights(dfs[b], count, config.background, b) for b in sorted(dfs)])

    def rows(part: Iterator) -> Iterator:
        items = list(part)
        if not items:
            return
        counts = block_counts([v[0] for _, v in items], weights)
        matrix, text = weigh_blocks(counts, block_weights.value, weights, light.max_terms)
        for k, (u, v) in enumerate(items):
            lo, hi = matrix.indptr[k], matrix.indptr[k + 1]
            tlo, thi = text.indptr[k], text.indptr[k + 1]
            yield u, (_stamp(v[0].published), matrix.indices[lo:hi].copy(), matrix.data[lo:hi].copy(),
                      text.indices[tlo:thi].copy(), text.data[tlo:thi].copy())

    featured = units.mapPartitions(rows, preservesPartitioning=True).persist(StorageLevel.MEMORY_AND_DISK)
    postings = _sum_columns(featured.mapPartitions(lambda part: [
        np.unique(np.concatenate([v[3] for _, v in part] or [np.zeros(0, np.int32)]), return_counts=True)]).collect(),
        N_FEATURES)
    shared_postings = sc.broadcast(postings)

    def index_terms(part: Iterator) -> Iterator:
        items = list(part)
        if not items:
            return
        indptr = np.concatenate([[0], np.cumsum([len(v[3]) for _, v in items])])
        text = sp.csr_matrix((np.concatenate([v[4] for _, v in items]), np.concatenate([v[3] for _, v in items]),
                              indptr), shape=(len(items), N_FEATURES))
        index = index_rows(text, shared_postings.value, light)
        for k, (u, v) in enumerate(items):
            yield u, (v[0], v[1], v[2], index.indices[index.indptr[k]:index.indptr[k + 1]].copy())

    result = featured.mapPartitions(index_terms, preservesPartitioning=True).persist(StorageLevel.MEMORY_AND_DISK)
    result.count()
    featured.unpersist()
    timings["features"] = time.perf_counter() - started
    return result


def candidate_edges(spark, features, config: ClusterConfig, timings: dict):
    """RDD of ``(lo, hi, similarity)``: the single path's candidate edges (see the module docstring)."""
    import scipy.sparse as sp
    from pyspark import StorageLevel
    from pyspark.sql import Window
    from pyspark.sql import functions as F

    from bantin.cluster.events import row_dots
    from bantin.cluster.features import N_FEATURES

    started = time.perf_counter()
    postings = spark.createDataFrame(
        features.flatMap(lambda kv: [(kv[0], int(t)) for t in kv[1][3]]), "u long, term long")
    a, b = postings.alias("a"), postings.alias("b")
    votes = (a.join(b, (F.col("a.term") == F.col("b.term")) & (F.col("a.u") != F.col("b.u")))
             .groupBy(F.col("a.u").alias("row"), F.col("b.u").alias("found")).count())
    best = Window.partitionBy("row").orderBy(F.col("count").desc(), F.col("found").asc())
    pairs = (votes.withColumn("rank", F.row_number().over(best)).where(F.col("rank") <= config.neighbors)
             .select(F.least("row", "found").alias("lo"), F.greatest("row", "found").alias("hi")).distinct())
    rows = features.mapValues(lambda v: (v[1], v[2]))
    joined = (pairs.rdd.map(lambda r: (r.lo, r.hi)).join(rows)
              .map(lambda kv: (kv[1][0], (kv[0], kv[1][1]))).join(rows)
              .map(lambda kv: (kv[1][0][0], kv[0], kv[1][0][1], kv[1][1])))
    threshold = config.threshold

    def dots(part: Iterator) -> Iterator:
        items = list(part)
        if not items:
            return
        left = _csr([it[2] for it in items], sp, N_FEATURES * 4)
        right = _csr([it[3] for it in items], sp, N_FEATURES * 4)
        sims = row_dots(left, right).astype(np.float32)
        for (lo, hi, _, _), sim in zip(items, sims.tolist()):
            if np.float32(sim) >= threshold:
                yield lo, hi, np.float32(sim)

    edges = joined.mapPartitions(dots).persist(StorageLevel.MEMORY_AND_DISK)
    timings["candidate_edges"] = edges.count()
    timings["candidates"] = time.perf_counter() - started
    return edges


def _csr(rows: list[tuple[np.ndarray, np.ndarray]], sp, width: int):
    indptr = np.concatenate([[0], np.cumsum([len(r[0]) for r in rows])])
    indices = np.concatenate([r[0] for r in rows]) if rows else np.zeros(0, np.int32)
    data = np.concatenate([r[1] for r in rows]) if rows else np.zeros(0, np.float32)
    return sp.csr_matrix((data, indices, indptr), shape=(len(rows), width))


# ---------------------------------------------------------------------------------------------
# linkage per component, events, briefs
# ---------------------------------------------------------------------------------------------
def time_segments(stamps: Sequence[float], reach: float) -> list[list[int]]:
    """Positions of ``stamps`` cut where consecutive dates (sorted) are more than ``reach`` apart;
    one segment when any stamp is NaN (undated: the decay does not apply)."""
    order = sorted(range(len(stamps)), key=lambda k: stamps[k])
    if any(math.isnan(s) for s in stamps) or not order:
        return [list(range(len(stamps)))]
    segments, current = [], [order[0]]
    for prev, k in zip(order, order[1:]):
        if stamps[k] - stamps[prev] > reach:
            segments.append(sorted(current))
            current = []
        current.append(k)
    segments.append(sorted(current))
    return segments


def link_component(units: list, edges: list, config: ClusterConfig) -> list[list[int]]:
    """Average linkage of one connected component: ``units`` = ``(u, (stamp, indices, data))``,
    ``edges`` = ``(lo, hi, sim)`` in unit numbers; returns groups of unit numbers."""
    import scipy.sparse as sp

    from bantin.cluster.events import average_linkage
    from bantin.cluster.features import N_FEATURES

    units = sorted(units, key=lambda item: item[0])
    reach = config.time_grace_days + config.time_scale_days * math.log(1.0 / (config.threshold * (1.0 - 1e-6)))
    groups = []
    for segment in time_segments([v[0] for _, v in units], reach):
        part = [units[k] for k in segment]
        local = {u: k for k, (u, _) in enumerate(part)}
        inside = sorted((local[lo], local[hi], sim) for lo, hi, sim in edges if lo in local and hi in local)
        matrix = _csr([(v[1], v[2]) for _, v in part], sp, N_FEATURES * 4)
        stamps = np.array([v[0] for _, v in part], dtype=np.float64)
        arrays = (np.array([e[0] for e in inside], dtype=np.int64), np.array([e[1] for e in inside], dtype=np.int64),
                  np.array([e[2] for e in inside], dtype=np.float32))
        for members in average_linkage(matrix, stamps, arrays, config):
            groups.append([part[k][0] for k in members])
    return groups


def event_groups(spark, features, edges, units: int, config: ClusterConfig, timings: dict) -> np.ndarray:
    """Each unit's event key (the smallest unit of its event), an array on the driver; also the
    size of the largest connected component and the number of components in ``timings``."""
    from bantin.spark.graph import edge_labels

    started = time.perf_counter()
    sc = spark.sparkContext
    light = dataclasses.replace(config, background=None)
    labels, _ = edge_labels(spark, edges, units)
    sizes = np.bincount(labels, minlength=units)
    timings["largest_component"] = int(sizes.max()) if units else 0
    timings["components"] = int((sizes > 1).sum())
    shared = sc.broadcast((labels, sizes[labels] > 1))
    members = (features.filter(lambda kv: shared.value[1][kv[0]])
               .map(lambda kv: (int(shared.value[0][kv[0]]), (kv[0], (kv[1][0], kv[1][1], kv[1][2])))))
    component_edges = edges.map(lambda e: (int(shared.value[0][e[0]]), e))

    def linked(kv) -> Iterator[np.ndarray]:
        for group in link_component(list(kv[1][0]), list(kv[1][1]), light):
            yield np.array([(u, min(group)) for u in group], dtype=np.int64)

    keys = np.arange(units, dtype=np.int64)
    for pairs in members.cogroup(component_edges).flatMap(linked).collect():
        keys[pairs[:, 0]] = pairs[:, 1]
    shared.destroy()
    timings["linkage"] = time.perf_counter() - started
    return keys


def build_events(indexed, copies: Copies, keys: np.ndarray, max_words: int | None, facts: bool = False):
    """RDD of Event (summarized when ``max_words``, with facts when ``facts``), one per event,
    built in parallel by the single path's own steps: each article goes to its event's key (its
    unit's key, broadcast), one shuffle."""
    from bantin.cluster.dedup import DuplicateGroup
    from bantin.cluster.events import _event

    shared = indexed.context.broadcast((keys[copies.unit_of], copies.groups))

    def place(kv):
        index, article = kv
        event_of, groups = shared.value
        return int(event_of[index]), (index, article, groups.get(index))

    def event(items: Iterable) -> Event:
        items = sorted(items, key=lambda item: item[0])
        local = {index: k for k, (index, _, _) in enumerate(items)}
        articles = [a for _, a, _ in items]
        copies_of = {local[g.original]: DuplicateGroup(tuple(local[m] for m in g.members))
                     for _, _, g in items if g is not None}
        built = _event(articles, list(range(len(articles))), copies_of)
        from bantin.pipeline import describe_events, summarize_events

        if max_words is not None:
            built = summarize_events([built], articles, max_words)[0]
        if facts:
            built = describe_events([built], articles)[0]
        return built

    return indexed.map(place).groupByKey().map(lambda kv: event(kv[1]))


# ---------------------------------------------------------------------------------------------
# the whole run
# ---------------------------------------------------------------------------------------------
@dataclasses.dataclass
class SparkRun:
    """What :func:`cluster_files` returns: events (an RDD, unordered), the rejected inputs, and
    the time spent per stage (seconds) with a few sizes."""

    events: object
    rejected: list[Rejected]
    timings: dict


def cluster_articles(spark, articles, config: ClusterConfig | None = None, max_words: int | None = 100,
                     timings: dict | None = None, facts: bool = False):
    """RDD of ``(position, Article)`` (cleaned, unique ids) -> RDD of Event."""
    config = config or ClusterConfig()
    timings = {} if timings is None else timings
    started = time.perf_counter()
    indexed = numbered(articles)
    count = timings["articles"] = indexed.count()
    timings["number"] = time.perf_counter() - started
    if not count:
        return spark.sparkContext.emptyRDD()
    copies = copy_groups(spark, indexed, count, config, timings)
    units = units_of(indexed, copies)
    timings["units"] = copies.units
    features = unit_features(units, copies.units, config, timings)
    units.unpersist()
    edges = candidate_edges(spark, features, config, timings)
    keys = event_groups(spark, features, edges, copies.units, config, timings)
    features.unpersist()
    edges.unpersist()
    return build_events(indexed, copies, keys, max_words, facts)


def cluster_files(spark, paths: Sequence[str], config: ClusterConfig | None = None,
                  max_words: int | None = 100, facts: bool = False, timings: dict | None = None) -> SparkRun:
    """Read, clean and cluster JSONL/Parquet inputs; see :class:`SparkRun`. ``timings`` (filled
    stage by stage) lets a caller see how far a run got."""
    timings = {} if timings is None else timings
    started = time.perf_counter()
    records = read_clean(spark, list(paths))
    rejected = records.values().filter(lambda r: isinstance(r, Rejected)).collect()
    articles = unique_articles(records)
    timings["read_clean"] = time.perf_counter() - started
    events = cluster_articles(spark, articles, config, max_words, timings, facts)
    records.unpersist()  # the numbered articles are persisted: the events are built from them
    return SparkRun(events, rejected, timings)


def event_order_key(event: Event) -> tuple:
    from bantin.cluster.events import _event_order

    return _event_order(event)


def write_events(spark, events, output: str, fmt: str) -> int:
    """Write ``events`` in the single path's order: ``fmt`` ``jsonl`` (a local file, ``-``, or a
    directory of part files for a Hadoop URI) or ``parquet`` (a directory); returns the count."""
    ordered = events.sortBy(event_order_key)
    if fmt == "parquet":
        rows = ordered.map(_parquet_row)
        frame = spark.createDataFrame(rows, _PARQUET_SCHEMA)
        frame.write.mode("overwrite").parquet(output)
        return frame.count()
    lines = ordered.map(lambda e: json.dumps(e.to_dict(), ensure_ascii=False))
    if "://" in output:
        lines.saveAsTextFile(output)
        return lines.count()
    import contextlib
    import sys

    count = 0
    with (contextlib.nullcontext(sys.stdout) if output == "-" else open(output, "w", encoding="utf-8")) as out:
        for line in lines.toLocalIterator():
            out.write(line + "\n")
            count += 1
    return count


_PARQUET_SCHEMA = ("id string, title string, articles array<string>, duplicates array<array<string>>, "
                   "sources array<string>, first_published string, last_published string, summary string, "
                   "sentences string, facts string")
_COLUMNS = ("id", "title", "articles", "duplicates", "sources", "first_published", "last_published", "summary",
            "sentences")


def _parquet_row(event: Event) -> tuple:
    """An event as a Parquet row: the JSONL fields as columns, ``sentences`` and the facts
    (entities, timeline, disagreements, additions) as JSON strings."""
    data = event.to_dict()
    rest = {k: v for k, v in data.items() if k not in _COLUMNS}
    return (data["id"], data["title"], data["articles"], data["duplicates"], data["sources"],
            data["first_published"], data["last_published"], data.get("summary"),
            json.dumps(data["sentences"], ensure_ascii=False) if "sentences" in data else None,
            json.dumps(rest, ensure_ascii=False) if rest else None)
