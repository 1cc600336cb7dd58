"""Syndicated copies: exact and near-duplicate articles, grouped, with one original each.

Vietnamese outlets republish each other's articles with small edits (a new lede, a dropped
paragraph, the outlet's name). Such copies are one voice: the summarizer must not count them
as independent confirmation, and the event clusterer must never split them.

How it works (the only module that imports datasketch):

1. Each article becomes a set of *shingles*: runs of ``shingle_size`` consecutive syllables,
   lower-cased, punctuation dropped (``bantin.text.syllables``), hashed to 32 bits.
2. Exact copies share a digest of their syllable sequence.
3. Near-duplicate candidates come from MinHash LSH (``num_perm`` permutations, banded for
   ``threshold`` as datasketch's ``MinHashLSH`` bands them; the bands are bucketed with numpy
   sorts, which holds 100k articles in ~100 MB instead of the LSH object's ~1 GB); every
   candidate pair is then *verified* with the exact Jaccard similarity of the two shingle sets,
   so the LSH only saves comparisons and never decides on its own.
4. Verified pairs are joined (union-find) into groups. The original of a group is chosen by a
   rule anyone can check: earliest ``published`` (undated articles last), then the longest text,
   then the smallest id.
"""
from __future__ import annotations

import functools
import hashlib
import logging
import zlib
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Iterable, Sequence

import numpy as np

from bantin.models import Article
from bantin.text.segment import syllables

log = logging.getLogger(__name__)

_MASK32 = np.uint64(0xFFFFFFFF)
_MULT = np.uint64(0x9E3779B1)  # golden-ratio multiplier for combining syllable hashes


@dataclass(frozen=True)
class DedupConfig:
    """Near-duplicate settings.

    Defaults set by ``benchmarks/bench_cluster_quality.py --dedup``: on VMDS + AbMuSu-train no
    two articles of different gold clusters reach Jaccard 0.3 on 5-syllable shingles, while a
    copy with ~20% of its syllables edited or a paragraph dropped stays above 0.5.
    """

    shingle_size: int = 5
    num_perm: int = 128
    threshold: float = 0.5  # exact Jaccard on shingle sets, checked on every LSH candidate
    seed: int = 1
    # Two dated articles further apart than this are not copies of each other (a story that
    # recurs weeks later with reused paragraphs is a new event); None: no limit.
    max_days: float | None = 7.0

    def __post_init__(self) -> None:
        if self.shingle_size < 1:
            raise ValueError(f"shingle_size must be >= 1, got {self.shingle_size}")
        if not 0.0 < self.threshold <= 1.0:
            raise ValueError(f"threshold is a Jaccard similarity in (0, 1], got {self.threshold}")


@dataclass(frozen=True)
class DuplicateGroup:
    """Copies of one article: ``members[0]`` is the original (see the module docstring)."""

    members: tuple[int, ...]  # indices into the input sequence

    @property
    def original(self) -> int:
        return self.members[0]


_SYLLABLE_HASHES: dict[str, int] = {}


def _syllable_hashes(tokens: list[str]) -> np.ndarray:
    values = list(map(_SYLLABLE_HASHES.get, tokens))
    for k, value in enumerate(values):
        if value is None:
            value = values[k] = zlib.crc32(tokens[k].encode("utf-8"))
            if len(_SYLLABLE_HASHES) < 2_000_000:
                _SYLLABLE_HASHES[tokens[k]] = value
    return np.array(values, dtype=np.uint64)


def shingles(text: str, size: int = 5) -> np.ndarray:
    """Sorted unique 32-bit hashes (``uint32``) of the ``size``-syllable shingles of ``text``.

    A text shorter than ``size`` syllables is one shingle (so two short identical texts match).
    """
    return _shingles(syllables(text), size)


def _shingles(tokens: list[str], size: int) -> np.ndarray:
    if not tokens:
        return np.zeros(0, dtype=np.uint32)
    hashes = _syllable_hashes(tokens)
    width = min(size, len(hashes))
    combined = np.zeros(len(hashes) - width + 1, dtype=np.uint64)
    for offset in range(width):
        combined = (combined * _MULT + hashes[offset:offset + len(combined)]) & _MASK32
    return np.unique(combined).astype(np.uint32)  # 32-bit values: half the memory of a 100k batch


def jaccard(a: np.ndarray, b: np.ndarray) -> float:
    """Exact Jaccard similarity of two sorted unique hash arrays."""
    if len(a) == 0 or len(b) == 0:
        return 0.0
    common = len(np.intersect1d(a, b, assume_unique=True))
    return common / (len(a) + len(b) - common)


def _digest(tokens: list[str]) -> str:
    return hashlib.sha1(" ".join(tokens).encode("utf-8")).hexdigest()


def original_key(article: Article) -> tuple:
    """Sort key of the original-choice rule: earliest date, then longest text, then id."""
    published = article.published
    if published is not None and published.tzinfo is None:
        published = published.replace(tzinfo=timezone.utc)
    stamp = published.timestamp() if published is not None else float("inf")
    return (stamp, -len(article.text), article.id)


class _UnionFind:
    def __init__(self, size: int) -> None:
        self.parent = list(range(size))

    def find(self, item: int) -> int:
        root = item
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[item] != root:
            self.parent[item], item = root, self.parent[item]
        return root

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def find_duplicates(articles: Sequence[Article], config: DedupConfig | None = None) -> list[DuplicateGroup]:
    """Groups of two or more copies among ``articles`` (indices), originals first.

    Groups are sorted by their original's index; articles without a copy are in no group.
    """
    config = config or DedupConfig()
    union = _UnionFind(len(articles))
    stamps = [day_stamp(a.published) for a in articles]
    digests, sets = [], []
    for article in articles:
        digest, shingle_set = article_shingles(article, config)
        digests.append(digest)
        sets.append(shingle_set)
    firsts = exact_copy_of(digests, stamps, config.max_days)
    for index, first in enumerate(firsts):
        if first != index:
            union.union(first, index)

    # an exact copy matches whatever its first matches
    indexed = np.array([i for i, s in enumerate(sets) if len(s) and firsts[i] == i], dtype=np.int64)
    pairs = _lsh_pairs(signatures([sets[i] for i in indexed], config), config)
    lo, hi = indexed[pairs // max(len(indexed), 1)], indexed[pairs % max(len(indexed), 1)]
    days = np.array([np.nan if s is None else s for s in stamps], dtype=np.float64)
    if config.max_days is not None:
        with np.errstate(invalid="ignore"):
            near = ~(np.abs(days[lo] - days[hi]) > config.max_days)  # NaN (undated): not too far
        lo, hi = lo[near], hi[near]
    verified = 0
    for a, b in zip(lo.tolist(), hi.tolist()):
        if union.find(a) == union.find(b):
            continue
        verified += 1
        if jaccard(sets[a], sets[b]) >= config.threshold:
            union.union(a, b)
    log.info("dedup: %d articles, %d LSH candidates verified", len(articles), verified)
    return _groups(articles, union)


def article_shingles(article: Article, config: DedupConfig) -> tuple[str, np.ndarray]:
    """The digest of the article's syllables (exact copies share it) and its shingle set."""
    tokens = syllables(f"{article.title}\n{article.text}")
    return _digest(tokens), _shingles(tokens, config.shingle_size)


def exact_copy_of(digests: Sequence[str], stamps: Sequence[float | None], max_days: float | None) -> list[int]:
    """For each article, the index of the earlier article it is an exact copy of (its own index
    when none). An exact copy further than ``max_days`` from the first of its digest starts anew:
    the next copies are compared with it. Articles of different digests never interact, so this
    runs per digest as well as on the whole batch."""
    by_digest: dict[str, int] = {}
    firsts = []
    for index, digest in enumerate(digests):
        first = by_digest.setdefault(digest, index)
        if first != index and _too_far(stamps[first], stamps[index], max_days):
            by_digest[digest] = index  # the next exact copy is compared with this one
            first = index
        firsts.append(first)
    return firsts


def signatures(sets: list[np.ndarray], config: DedupConfig) -> np.ndarray:
    """MinHash signatures (one row per shingle set) from datasketch's ``MinHash``."""
    from datasketch import MinHash  # the one place datasketch is used

    template = MinHash(num_perm=config.num_perm, seed=config.seed, hashfunc=int)
    signatures = np.empty((len(sets), config.num_perm), dtype=template.hashvalues.dtype)
    for row, shingle_set in enumerate(sets):
        signature = MinHash(num_perm=config.num_perm, seed=config.seed, hashfunc=int,
                            permutations=template.permutations, scheme=template.scheme)
        signature.update_batch(shingle_set.tolist())
        signatures[row] = signature.hashvalues
    return signatures


def _lsh_pairs(signatures: np.ndarray, config: DedupConfig) -> np.ndarray:
    """Candidate pairs ``i * n + j`` (i < j, sorted): rows equal on at least one LSH band.

    The bands are datasketch ``MinHashLSH``'s for ``threshold`` and ``num_perm`` (same candidates
    as inserting and querying it), but bucketed with one sort per band: the LSH object keeps a
    Python dict entry per article and band, ~1 GB for 100k articles.
    """
    n = len(signatures)
    found: list[np.ndarray] = []
    for start, end in band_ranges(config):
        band = np.ascontiguousarray(signatures[:, start:end])
        keys = band.view(np.dtype((np.void, band.dtype.itemsize * (end - start)))).ravel()
        order = np.argsort(keys, kind="stable")
        keys = keys[order]
        starts = np.flatnonzero(np.concatenate([[True], keys[1:] != keys[:-1]])) if n else np.zeros(0, np.int64)
        sizes = np.diff(np.append(starts, n))
        for first, size in zip(starts[sizes > 1].tolist(), sizes[sizes > 1].tolist()):
            members = np.sort(order[first:first + size])
            i, j = np.triu_indices(size, k=1)
            found.append(members[i] * n + members[j])
    return np.unique(np.concatenate(found)) if found else np.zeros(0, dtype=np.int64)


@functools.lru_cache(maxsize=8)
def band_ranges(config: DedupConfig) -> tuple[tuple[int, int], ...]:
    """The LSH bands (column ranges of a signature) of datasketch ``MinHashLSH`` for the config.

    Computed once per config: datasketch's parameter search integrates numerically (~50 ms),
    which dominated dedup of the store's small per-event batches.
    """
    from datasketch import MinHashLSH

    return tuple(MinHashLSH(threshold=config.threshold, num_perm=config.num_perm).hashranges)


def day_stamp(value: datetime | None) -> float | None:
    value = as_datetime(value)
    return value.timestamp() / 86400.0 if value is not None else None


def _too_far(a: float | None, b: float | None, max_days: float | None) -> bool:
    return max_days is not None and a is not None and b is not None and abs(a - b) > max_days


def _groups(articles: Sequence[Article], union: _UnionFind) -> list[DuplicateGroup]:
    members: dict[int, list[int]] = {}
    for index in range(len(articles)):
        members.setdefault(union.find(index), []).append(index)
    groups = [duplicate_group(indices, articles) for indices in members.values() if len(indices) > 1]
    groups.sort(key=lambda g: min(g.members))
    return groups


def duplicate_group(indices: Iterable[int], articles) -> DuplicateGroup:
    """A group of copies (indices; ``articles[i]`` is the article of index ``i``, a sequence or a
    mapping), original first."""
    return DuplicateGroup(tuple(sorted(indices, key=lambda i: (original_key(articles[i]), i))))


def duplicate_ids(articles: Sequence[Article], groups: Iterable[DuplicateGroup]) -> list[tuple[str, ...]]:
    """The groups as article ids (original first), the shape of ``Event.duplicates``."""
    return [tuple(articles[i].id for i in group.members) for group in groups]


def as_datetime(value: datetime | None) -> datetime | None:
    """Dates compared across articles must be aware; naive ones are taken as UTC."""
    if value is not None and value.tzinfo is None:
        return value.replace(tzinfo=timezone.utc)
    return value
