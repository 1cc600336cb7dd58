"""Connected components of the copy graph and of the candidate graph.

Both graphs are sparse (a few edges per article), so the usual path collects the edge list to the
driver and labels it there with :func:`scipy.sparse.csgraph.connected_components` (C code: 10M
edges in a few seconds, ~20 bytes per edge on the driver at the peak). This is deliberate: the
distributed propagation below costs a handful of Spark jobs per round (~0.2-0.5 s each in local mode even on
a tiny graph; 2,000 articles: ~120 jobs, ~25 s of a 140 s run), the driver version one collect.
Above :data:`DRIVER_EDGES` edges the labels come from min-label propagation in plain DataFrame
operations instead (no GraphFrames: it needs a Maven download). Either way the labels end on the
driver as one array over the nodes (8 bytes per node), which the jobs broadcast.

Min-label propagation: every node starts with its own id as label; each round a node takes the
smallest label among itself and its neighbours, then the label of its label (a shortcut that
roughly halves the rounds). The labels are checkpointed every round so the plan does not grow
with the number of rounds. A component's label is its smallest node id.
"""
from __future__ import annotations

import logging

import numpy as np

log = logging.getLogger(__name__)

# Edges collected to the driver at most (beyond: distributed propagation). 50M edges are 400 MB
# as int32 pairs plus ~450 MB for scipy's CSR copy; the candidate graph has ~12 edges per unit
# (bench_spark: 115,684 edges for 9,374 units at 10k synthetic articles), so the driver path
# covers batches of ~4M articles.
DRIVER_EDGES = 50_000_000


def smallest_labels(nodes: int, lo: np.ndarray, hi: np.ndarray) -> np.ndarray:
    """For nodes ``0..nodes-1`` and the edges ``lo[k]-hi[k]``: each node's component label, the
    smallest node of its component (a node without edges is its own label)."""
    import scipy.sparse as sp
    from scipy.sparse.csgraph import connected_components as scipy_components

    graph = sp.coo_matrix((np.ones(len(lo), dtype=bool), (lo, hi)), shape=(nodes, nodes)).tocsr()
    _, component = scipy_components(graph, directed=False)
    smallest = np.full(component.max() + 1 if nodes else 0, nodes, dtype=np.int64)
    np.minimum.at(smallest, component, np.arange(nodes, dtype=np.int64))
    return smallest[component]


def edge_labels(spark, edges, nodes: int, limit: int | None = None) -> tuple[np.ndarray, int]:
    """``edges`` (a persisted RDD of tuples whose first two fields are node numbers
    ``0..nodes-1``) -> (label of every node as in :func:`smallest_labels`, number of edges)."""
    limit = DRIVER_EDGES if limit is None else limit
    count = edges.count()
    if count <= limit:
        dtype = np.int32 if nodes < 2**31 else np.int64
        chunks = edges.mapPartitions(lambda part: [np.array([e[:2] for e in part], dtype=dtype).reshape(-1, 2)])
        pairs = np.concatenate(chunks.collect() or [np.zeros((0, 2), dtype)])
        return smallest_labels(nodes, pairs[:, 0], pairs[:, 1]), count
    log.info("connected components: %d edges > %d, propagated in Spark", count, limit)
    frame = spark.createDataFrame(edges.map(lambda e: (int(e[0]), int(e[1]))), "src long, dst long")
    labels = np.arange(nodes, dtype=np.int64)
    for row in connected_components(frame).toLocalIterator():
        labels[row.node] = row.label
    return labels, count


def connected_components(edges, src: str = "src", dst: str = "dst", max_rounds: int = 200):
    """``edges`` (a DataFrame of two long columns) -> DataFrame ``(node, label)`` for every node
    that has an edge; ``label`` is the smallest node of its component."""
    from pyspark.sql import functions as F

    both = edges.select(F.col(src).alias("src"), F.col(dst).alias("dst")).where(F.col("src") != F.col("dst"))
    both = both.union(both.select(F.col("dst").alias("src"), F.col("src").alias("dst"))).distinct()
    both = both.persist()
    if both.isEmpty():  # nothing to propagate (e.g. a batch without copies): skip the rounds
        both.unpersist()
        return edges.sparkSession.createDataFrame([], "node long, label long")
    labels = (both.groupBy("src").agg(F.least(F.min("dst"), F.first("src")).alias("label"))
              .withColumnRenamed("src", "node").localCheckpoint())
    for round_ in range(1, max_rounds + 1):
        offered = (both.join(labels, both.src == labels.node).groupBy("dst")
                   .agg(F.min("label").alias("offered")).withColumnRenamed("dst", "node"))
        step = (labels.join(offered, "node", "left")
                .select("node", F.least("label", F.coalesce("offered", "label")).alias("label")))
        parent = step.select(F.col("node").alias("p"), F.col("label").alias("plabel"))
        step = (step.join(parent, step.label == parent.p, "left")
                .select("node", F.least("label", F.coalesce("plabel", "label")).alias("label"))
                .localCheckpoint())
        changed = step.join(labels.withColumnRenamed("label", "old"), "node").where("label != old").count()
        labels = step
        log.info("connected components: round %d, %d labels changed", round_, changed)
        if not changed:
            break
    else:
        raise RuntimeError(f"connected components did not converge in {max_rounds} rounds")
    both.unpersist()
    return labels
