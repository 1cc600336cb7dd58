"""Connected components in plain DataFrame operations (no GraphFrames: it needs a Maven download).

Min-label propagation: every node starts with its own id as label; each round a node takes the
smallest label among itself and its neighbours, then the label of its label (a shortcut that
roughly halves the rounds). The labels are checkpointed every round so the plan does not grow
with the number of rounds. A component's label is its smallest node id.
"""
from __future__ import annotations

import logging

log = logging.getLogger(__name__)


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
