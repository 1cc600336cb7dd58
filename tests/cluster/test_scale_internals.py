"""The shortcuts that keep clustering near-linear give the same answers as the plain algorithms."""
from __future__ import annotations

import math

import numpy as np
import pytest
import scipy.sparse as sp

from bantin.cluster import ClusterConfig
from bantin.cluster.dedup import DedupConfig, _lsh_pairs, signatures
from bantin.cluster.events import _pair_dots, average_linkage, time_factor


def _rows(n: int, seed: int, columns: int = 60, density: float = 0.15) -> sp.csr_matrix:
    """Non-negative L2-normalized sparse rows (like the article kernel rows)."""
    rng = np.random.default_rng(seed)
    matrix = sp.random(n, columns, density=density, format="csr", random_state=rng, dtype=np.float64)
    matrix.data = rng.random(len(matrix.data))
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1))).ravel()
    norms[norms == 0] = 1.0
    return sp.csr_matrix(sp.diags(1.0 / norms) @ matrix, dtype=np.float32)


@pytest.mark.parametrize("seed", range(3))
def test_pair_dots_are_the_row_dot_products(seed):
    matrix = _rows(50, seed)
    rng = np.random.default_rng(seed)
    pairs = np.unique(rng.integers(0, 50, size=(200, 2)), axis=0)
    pairs = pairs[pairs[:, 0] < pairs[:, 1]]
    lo, hi = pairs[:, 0], pairs[:, 1]
    expected = np.asarray(matrix[lo].multiply(matrix[hi]).sum(axis=1)).ravel()
    assert np.allclose(_pair_dots(matrix, lo, hi), expected, atol=1e-6)


def _reference_linkage(matrix, stamps, edges, config):
    """Greedy average linkage recomputed from scratch at every step (no caching, no shortcuts)."""
    gram = (matrix @ matrix.T).toarray().astype(np.float64)
    groups = [[i] for i in range(matrix.shape[0])]
    adjacent = {(min(a, b), max(a, b)) for a, b in zip(edges[0].tolist(), edges[1].tolist())}

    def score(g, h):
        dated_g = [stamps[i] for i in g if not math.isnan(stamps[i])]
        dated_h = [stamps[i] for i in h if not math.isnan(stamps[i])]
        gap = math.nan
        if dated_g and dated_h:
            gap = max(0.0, max(min(dated_g), min(dated_h)) - min(max(dated_g), max(dated_h)))
        return gram[np.ix_(g, h)].mean() * time_factor(gap, config)

    while True:
        best = None
        for x in range(len(groups)):
            for y in range(x + 1, len(groups)):
                if any((min(i, j), max(i, j)) in adjacent for i in groups[x] for j in groups[y]):
                    s = score(groups[x], groups[y])
                    if s >= config.threshold and (best is None or s > best[0]):
                        best = (s, x, y)
        if best is None:
            return sorted(sorted(g) for g in groups)
        _, x, y = best
        groups[x] = groups[x] + groups[y]
        del groups[y]


@pytest.mark.parametrize("seed", range(4))
def test_average_linkage_matches_the_plain_greedy_algorithm(seed):
    config = ClusterConfig(threshold=0.25)
    n = 40
    matrix = _rows(n, seed, columns=30, density=0.2)
    rng = np.random.default_rng(seed)
    stamps = rng.uniform(0, 12, n)           # dates over 12 days: the decay matters
    stamps[rng.random(n) < 0.2] = np.nan       # some undated units
    gram = (matrix @ matrix.T).toarray()
    lo, hi = np.triu_indices(n, k=1)
    sims = gram[lo, hi].astype(np.float32)
    keep = (sims >= config.threshold) & (rng.random(len(sims)) < 0.7)  # a candidate graph, not all pairs
    edges = (lo[keep], hi[keep], sims[keep])
    got = sorted(average_linkage(matrix, stamps, edges, config))
    assert got == _reference_linkage(matrix, stamps, edges, config)
    assert any(len(g) > 2 for g in got)        # the test exercises merges of merged groups


def test_lsh_pairs_are_the_candidates_of_datasketch_minhash_lsh():
    from datasketch import MinHash, MinHashLSH

    config = DedupConfig()
    rng = np.random.default_rng(5)
    base = [np.unique(rng.integers(0, 2**32, 300, dtype=np.uint64)).astype(np.uint32) for _ in range(6)]
    sets = []
    for shingles in base:                      # each base set and three edited copies of it
        sets.append(shingles)
        for keep in (0.9, 0.7, 0.5):
            edited = shingles[rng.random(len(shingles)) < keep]
            extra = rng.integers(0, 2**32, len(shingles) - len(edited), dtype=np.uint64).astype(np.uint32)
            sets.append(np.unique(np.concatenate([edited, extra])))
    rows = signatures(sets, config)
    got = {(int(p) // len(sets), int(p) % len(sets)) for p in _lsh_pairs(rows, config)}
    lsh = MinHashLSH(threshold=config.threshold, num_perm=config.num_perm)
    expected = set()
    for index, shingles in enumerate(sets):
        signature = MinHash(num_perm=config.num_perm, seed=config.seed, hashfunc=int)
        signature.update_batch(shingles.tolist())
        assert np.array_equal(signature.hashvalues, rows[index])
        expected |= {(other, index) for other in lsh.query(signature)}
        lsh.insert(index, signature)
    assert got == expected
    assert len(expected) > 6                    # copies were found, and nothing else decided
