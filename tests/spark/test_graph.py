import random

import numpy as np
import pytest

from bantin.cluster.dedup import _UnionFind


def _union_find_groups(nodes: int, edges: list[tuple[int, int]]) -> set[frozenset[int]]:
    union = _UnionFind(nodes)
    for a, b in edges:
        union.union(a, b)
    touched = {n for e in edges for n in e if e[0] != e[1]}
    groups: dict[int, set[int]] = {}
    for node in touched:
        groups.setdefault(union.find(node), set()).add(node)
    return {frozenset(g) for g in groups.values()}


def _random_graph(seed: int, nodes: int, edges: int, path: int = 12) -> tuple[int, list[tuple[int, int]]]:
    rng = random.Random(seed)
    pairs = [(rng.randrange(nodes), rng.randrange(nodes)) for _ in range(edges)]
    # a long path too: many rounds of propagation before the labels settle
    pairs += [(nodes + k, nodes + k + 1) for k in range(path)]
    return nodes + path + 1, pairs


def _groups(labels: np.ndarray) -> set[frozenset[int]]:
    found: dict[int, set[int]] = {}
    for node, label in enumerate(labels.tolist()):
        found.setdefault(label, set()).add(node)
    assert all(label == min(found[label]) for label in found)  # a component's label is its smallest node
    return {frozenset(g) for g in found.values() if len(g) > 1}


@pytest.mark.parametrize("seed, nodes, edges", [(1, 200, 150), (2, 1000, 400), (3, 50, 200), (4, 10, 0)])
def test_driver_components_match_union_find_on_random_graphs(seed, nodes, edges):
    from bantin.spark.graph import smallest_labels

    total, pairs = _random_graph(seed, nodes, edges)
    lo, hi = (np.array([p[k] for p in pairs], dtype=np.int64) for k in (0, 1))
    assert _groups(smallest_labels(total, lo, hi)) == _union_find_groups(total, pairs)


@pytest.mark.parametrize("limit", [None, 0])  # the edges collected to the driver, or propagated in Spark
def test_spark_components_match_union_find(spark, limit):
    from bantin.spark.graph import edge_labels

    total, pairs = _random_graph(1, 60, 40, path=6)  # small: each propagation round is several Spark jobs
    labels, count = edge_labels(spark, spark.sparkContext.parallelize(pairs, 2), total, limit)
    assert count == len(pairs)
    assert _groups(labels) == _union_find_groups(total, pairs)
