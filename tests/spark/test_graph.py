import random

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


@pytest.mark.parametrize("seed, nodes, edges", [(1, 200, 150)])
def test_connected_components_match_union_find_on_random_graphs(spark, seed, nodes, edges):
    from bantin.spark.graph import connected_components

    rng = random.Random(seed)
    pairs = [(rng.randrange(nodes), rng.randrange(nodes)) for _ in range(edges)]
    # a long path too: many rounds of propagation before the labels settle
    pairs += [(nodes + k, nodes + k + 1) for k in range(12)]
    frame = spark.createDataFrame(pairs, "src long, dst long")
    labels = {r.node: r.label for r in connected_components(frame).collect()}
    found: dict[int, set[int]] = {}
    for node, label in labels.items():
        found.setdefault(label, set()).add(node)
    assert {frozenset(g) for g in found.values()} == _union_find_groups(nodes + 13, pairs)
    assert all(label == min(found[label]) for label in found)  # a component's label is its smallest node
