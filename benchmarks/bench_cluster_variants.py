"""Linkage variants for event clustering, measured with the cross-corpus protocol (none shipped).

Every variant changes only the merge decision of bantin's average linkage (same features, same
candidate edges, same copies); its constants are chosen on one pooled corpus and reported on the
other, both ways (BENCHMARKS.md "Event clustering", "Variants tried, round 3"). The variants that
gain on both corpora are also run on a synthetic stream of 5,000 articles whose stories have 1-12
articles (``bench_cluster_scale.synthetic_stream``; the corpora's gold events have only 2-5), which
exposes priors on event size.

* ``baseline``: bantin's linkage re-implemented with a merge-score hook (must equal the tables);
* ``size-penalty``: the average kernel divided by ``(|A| |B|)^g``;
* ``group-margin``: ``g`` subtracted when both sides are already groups (not single articles);
* ``learned``, ``learned-sizes``: logistic regression on group-pair features (per-block average
  kernel, the total, whether each side is a group, cohesions and their ratios; ``-sizes`` adds the
  log sizes), trained on one corpus's merge candidates (label: the two groups' majority gold
  clusters agree, weight |A| |B|), merging while P >= the threshold;
* ``cohesion``: merge only if the average kernel is >= ``g`` x the smaller within-group average;
* ``refine``: k-means-like passes after linkage (each article moves to the event whose mean kernel
  is higher than its own event's by more than ``g``);
* ``attach``: after linkage, each single-article event joins the best group if its mean kernel
  (time-decayed) is >= ``g`` x threshold;
* ``title-dates``: the score times ``g`` when the two groups' titles name dates (``22/10``) and
  share none.

    .venv/bin/python -m benchmarks.bench_cluster_variants [--variants NAME,...] [--no-stream]
"""
from __future__ import annotations

import argparse
import dataclasses
import heapq
import math
import re
import sys
from collections import Counter, defaultdict

import numpy as np

from bantin.cluster import events as ev
from bantin.cluster.dedup import find_duplicates
from bantin.cluster.features import N_FEATURES, Background, article_matrix, shipped_background
from bantin.evaluate.clustering import best_threshold, labels_of, pooled, score
from bantin.evaluate.corpora import corpus_path

GRID = tuple(round(0.08 + 0.01 * k, 2) for k in range(13))        # kernel thresholds 0.08 .. 0.20
PROBABILITIES = (0.02, 0.04, 0.06, 0.08, 0.1, 0.12, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5)
EDGE_FLOOR = 0.05  # candidate edges kept down to this kernel value (a variant may merge below 0.13)
_DATE = re.compile(r"(?<!\d)(\d{1,2})[/-](\d{1,2})(?![\d/])")


# ---------------------------------------------------------------------------------------------
# prepared corpus: units (copies joined), kernel rows, candidate edges
# ---------------------------------------------------------------------------------------------
@dataclasses.dataclass
class Prepared:
    articles: list
    gold: dict
    order: list[int]
    units: list[tuple[int, ...]]
    titles: list[str]
    matrix: object
    stamps: np.ndarray
    edges: tuple
    config: ev.ClusterConfig
    labels: list[str]       # gold label of each unit's original
    dense: np.ndarray | None = None

    def kernel(self) -> np.ndarray:
        if self.dense is None:
            self.dense = (self.matrix @ self.matrix.T).toarray()
        return self.dense

    def f1(self, unit_groups: list[list[int]]) -> float:
        groups = [[self.order[i] for u in g for i in self.units[u]] for g in unit_groups]
        return score(self.gold, labels_of(self.articles, groups))["bcubed_f1"]


def prepare(articles, gold, background) -> Prepared:
    config = dataclasses.replace(ev.ClusterConfig(), threshold=EDGE_FLOOR, background=background)
    order = sorted(range(len(articles)), key=lambda i: (articles[i].id, articles[i].title, articles[i].text, i))
    ranked = [articles[i] for i in order]
    units = ev._units(len(ranked), find_duplicates(ranked, config.dedup))
    reps = [ranked[u[0]] for u in units]
    matrix, text = article_matrix(reps, config.weights, config.max_terms, background)
    stamps = np.array([ev._stamp(a.published) for a in reps], dtype=np.float64)
    edges = ev.candidate_edges(text, matrix, stamps, config)
    return Prepared(articles, gold, order, units, [a.title for a in reps], matrix.tocsr(), stamps, edges,
                    config, [gold[a.id] for a in reps])


# ---------------------------------------------------------------------------------------------
# average linkage with a merge-score hook
# ---------------------------------------------------------------------------------------------
class Group:
    __slots__ = ("columns", "values", "size", "first", "last", "members", "neighbors", "selfsq")

    def __init__(self, columns, values, size, first, last, members, selfsq):
        self.columns, self.values, self.size, self.first, self.last = columns, values, size, first, last
        self.members, self.selfsq, self.neighbors = members, selfsq, set()

    def block_dots(self, other: "Group") -> np.ndarray:
        """Dot product of the two summed rows, per feature block (text, title, entities, numbers)."""
        small, big = (self, other) if len(self.columns) <= len(other.columns) else (other, self)
        out = np.zeros(4)
        if len(small.columns):
            at = np.minimum(np.searchsorted(big.columns, small.columns), len(big.columns) - 1)
            hit = big.columns[at] == small.columns
            np.add.at(out, small.columns[hit] // N_FEATURES, small.values[hit] * big.values[at[hit]])
        return out

    def merge(self, other: "Group") -> "Group":
        columns, inverse = np.unique(np.concatenate([self.columns, other.columns]), return_inverse=True)
        values = np.bincount(inverse, weights=np.concatenate([self.values, other.values]))
        return Group(columns, values, self.size + other.size, ev._nan_min(self.first, other.first),
                     ev._nan_max(self.last, other.last), self.members + other.members, self.selfsq + other.selfsq)

    def within(self) -> float:
        """Mean kernel between two different members (NaN for a single article)."""
        if self.size < 2:
            return math.nan
        return (float(self.values @ self.values) - self.selfsq) / (self.size * (self.size - 1))


def time_factor(a: Group, b: Group, config) -> float:
    return ev.time_factor(ev._gap(a, b), config)


def plain(a: Group, b: Group, dots: np.ndarray, config) -> float:
    return dots.sum() / (a.size * b.size) * time_factor(a, b, config)


def linkage(prep: Prepared, threshold: float, merge_score=plain, edge_threshold: float | None = None,
            seen: list | None = None) -> list[list[int]]:
    """Best-first merges along candidate edges while ``merge_score`` >= ``threshold`` (bantin's
    ``average_linkage`` when ``merge_score`` is ``plain``); ``seen`` collects every scored pair."""
    config = dataclasses.replace(prep.config, threshold=threshold)
    matrix = prep.matrix
    matrix.sort_indices()
    groups = {}
    for i in range(matrix.shape[0]):
        lo, hi = matrix.indptr[i], matrix.indptr[i + 1]
        values = matrix.data[lo:hi].astype(np.float64)
        groups[i] = Group(matrix.indices[lo:hi], values, 1, prep.stamps[i], prep.stamps[i], [i], float(values @ values))
    rows, cols, sims = prep.edges
    keep = sims >= (threshold if edge_threshold is None else edge_threshold)
    heap = []

    def consider(a: int, b: int) -> tuple | None:
        left, right = groups[a], groups[b]
        if seen is not None:
            seen.append((left, right))
        s = merge_score(left, right, left.block_dots(right), config)
        return (-s, min(a, b), max(a, b)) if s >= threshold else None

    for a, b in zip(rows[keep].tolist(), cols[keep].tolist()):
        groups[a].neighbors.add(b)
        groups[b].neighbors.add(a)
        entry = consider(a, b)
        if entry:
            heap.append(entry)
    heapq.heapify(heap)
    next_id = len(groups)
    while heap:
        _, a, b = heapq.heappop(heap)
        if a not in groups or b not in groups:
            continue
        left, right = groups.pop(a), groups.pop(b)
        merged, new = left.merge(right), next_id
        next_id += 1
        merged.neighbors = {k for k in left.neighbors | right.neighbors if k in groups}
        groups[new] = merged
        for k in sorted(merged.neighbors):
            groups[k].neighbors.add(new)
            entry = consider(new, k)
            if entry:
                heapq.heappush(heap, entry)
    return sorted((sorted(g.members) for g in groups.values()), key=lambda m: m[0])


# ---------------------------------------------------------------------------------------------
# variants: (prep, threshold, parameter) -> unit groups
# ---------------------------------------------------------------------------------------------
def baseline(prep, t, _):
    return linkage(prep, t)


def size_penalty(prep, t, g):
    return linkage(prep, t, lambda a, b, d, c: plain(a, b, d, c) / (a.size * b.size) ** g)


def group_margin(prep, t, g):
    return linkage(prep, t, lambda a, b, d, c: plain(a, b, d, c) - (g if a.size > 1 and b.size > 1 else 0.0))


def cohesion(prep, t, g):
    def merge_score(a, b, dots, config):
        inner = [w for w in (a.within(), b.within()) if not math.isnan(w)]
        average = dots.sum() / (a.size * b.size)
        return 0.0 if inner and average < g * min(inner) else average * time_factor(a, b, config)
    return linkage(prep, t, merge_score)


def title_dates(prep, t, g):
    dates = [frozenset(f"{int(x)}/{int(y)}" for x, y in _DATE.findall(title)) for title in prep.titles]

    def merge_score(a, b, dots, config):
        left = frozenset().union(*(dates[u] for u in a.members))
        right = frozenset().union(*(dates[u] for u in b.members))
        return plain(a, b, dots, config) * (g if left and right and not left & right else 1.0)
    return linkage(prep, t, merge_score)


def refine(prep, t, g, passes=5):
    kernel, labels = prep.kernel(), _labels(linkage(prep, t), prep)
    n = len(labels)
    for _ in range(passes):
        count = labels.max() + 1
        member = np.zeros((count, n))
        member[labels, np.arange(n)] = 1.0
        sums, sizes = kernel @ member.T, member.sum(axis=1)
        rest = sizes[labels] - 1
        own = np.where(rest > 0, (sums[np.arange(n), labels] - np.diag(kernel)) / np.maximum(rest, 1), -1.0)
        mean = sums / sizes[None, :]
        mean[np.arange(n), labels] = -1.0
        move = (mean.max(axis=1) > own + g) & (rest > 0)
        if not move.any():
            break
        labels = labels.copy()
        labels[move] = mean.argmax(axis=1)[move]
    return _groups(labels)


def attach(prep, t, g):
    kernel, groups = prep.kernel(), linkage(prep, t)
    config = dataclasses.replace(prep.config, threshold=t)
    labels = _labels(groups, prep)
    for k, group in enumerate(groups):
        if len(group) != 1:
            continue
        u = group[0]
        best, value = None, -1.0
        for j, other in enumerate(groups):
            if len(other) > 1:
                span = prep.stamps[other]
                dated = span[~np.isnan(span)]
                gap = math.nan if math.isnan(prep.stamps[u]) or not len(dated) else \
                    max(0.0, max(prep.stamps[u], dated.min()) - min(prep.stamps[u], dated.max()))
                s = kernel[u, other].mean() * ev.time_factor(gap, config)
                if s > value:
                    best, value = j, s
        if best is not None and value >= g * t:
            labels[u] = best
    return _groups(labels)


def _labels(groups, prep) -> np.ndarray:
    labels = np.empty(prep.matrix.shape[0], dtype=np.int64)
    for k, group in enumerate(groups):
        labels[group] = k
    return labels


def _groups(labels) -> list[list[int]]:
    out = defaultdict(list)
    for i, label in enumerate(labels):
        out[int(label)].append(i)
    return list(out.values())


# learned group-pair merge model ------------------------------------------------------------------
def pair_features(a: Group, b: Group, dots: np.ndarray, config, sizes: bool) -> list[float]:
    blocks = dots / (a.size * b.size) * time_factor(a, b, config)
    total = blocks.sum()
    inner = [w for w in (a.within(), b.within()) if not math.isnan(w)]
    mean_in, min_in = (sum(inner) / len(inner), min(inner)) if inner else (0.3, 0.3)
    row = [*blocks, total, float(len(inner)), mean_in, min_in, total / max(mean_in, 1e-3), total / max(min_in, 1e-3)]
    if sizes:
        small, big = sorted((a.size, b.size))
        row += [math.log(small), math.log(big)]
    return row


def train_merge_model(prep: Prepared, sizes: bool, floor: float = 0.07):
    """Logistic regression on the merge candidates met by linkage at ``floor`` (label: the two
    groups' majority gold clusters agree; weight: |A| |B|). Returns P(merge is right)."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.preprocessing import StandardScaler

    seen: list = []
    linkage(prep, floor, seen=seen)
    config = dataclasses.replace(prep.config, threshold=floor)

    def majority(g):
        return Counter(prep.labels[u] for u in g.members).most_common(1)[0][0]
    x = np.array([pair_features(a, b, a.block_dots(b), config, sizes) for a, b in seen])
    y = np.array([majority(a) == majority(b) for a, b in seen], dtype=int)
    w = np.array([a.size * b.size for a, b in seen], dtype=float)
    scaler = StandardScaler().fit(x)
    model = LogisticRegression(C=1.0, max_iter=5000).fit(scaler.transform(x), y, sample_weight=w)
    coef = model.coef_[0] / scaler.scale_
    intercept = model.intercept_[0] - coef @ scaler.mean_

    def probability(a, b, dots, config):
        return 1.0 / (1.0 + math.exp(-(intercept + coef @ pair_features(a, b, dots, config, sizes))))
    return probability


def learned(sizes: bool):
    def variant(prep, p, model):
        return linkage(prep, p, model, edge_threshold=0.07)
    variant.sizes = sizes
    return variant


VARIANTS = {
    "baseline": (baseline, (None,)),
    "size-penalty": (size_penalty, (0.1, 0.2, 0.3)),
    "group-margin": (group_margin, (0.02, 0.04, 0.06, 0.08, 0.1)),
    "learned": (learned(False), None),
    "learned-sizes": (learned(True), None),
    "cohesion": (cohesion, (0.3, 0.4, 0.5)),
    "refine": (refine, (0.0, 0.02)),
    "attach": (attach, (0.5, 0.7, 0.85)),
    "title-dates": (title_dates, (0.0, 0.5)),
}
GAINED = ("size-penalty", "group-margin", "learned", "learned-sizes")


def choose(variant, prep: Prepared, params) -> tuple:
    """Best (threshold, parameter) on ``prep`` (ties: the middle of the sorted best)."""
    curve = {(t, p): prep.f1(variant(prep, t, p)) for p in params for t in GRID}
    top = max(curve.values())
    best = sorted(k for k, f in curve.items() if f >= top - 1e-9)
    return best[len(best) // 2], top


def run_variant(name: str, preps: dict, stream: Prepared | None) -> list[str]:
    variant, params = VARIANTS[name]
    lines = []
    for reported, tuning in (("VMDS", "AbMuSu-train"), ("AbMuSu-train", "VMDS")):
        tune, target = preps[tuning][0], preps[tuning][1][reported]
        if params is None:  # a learned model: trained on the tuning corpus, P threshold swept there
            model = train_merge_model(tune, variant.sizes)
            curve = [(p, tune.f1(variant(tune, p, model))) for p in PROBABILITIES]
            p = best_threshold(curve)
            chosen, f1, extra = (p, "model"), target.f1(variant(target, p, model)), (model, variant)
        else:
            (t, g), _ = choose(variant, tune, params)
            chosen, f1, extra = (t, g), target.f1(variant(target, t, g)), None
        line = f"{name:14s} {reported:13s} B3 F1 {f1:.4f}  (chosen on {tuning}: {chosen})"
        if stream is not None and name in GAINED:
            groups = extra[1](stream, chosen[0], extra[0]) if extra else variant(stream, *chosen)
            line += f"  | synthetic stream 5k: {stream.f1(groups):.4f}"
        lines.append(line)
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--variants", default=",".join(VARIANTS), help="comma-separated names")
    parser.add_argument("--no-stream", action="store_true", help="skip the synthetic-stream check")
    args = parser.parse_args(argv)
    paths = {"VMDS": corpus_path("vmds"), "AbMuSu-train": corpus_path("abmusu")}
    if None in paths.values():
        print("needs ../shared/datasets/vmds and abmusu-train", file=sys.stderr)
        return 2
    corpora = {name: pooled(path) for name, path in paths.items()}
    # As in `bantin evaluate --tune-on`: the IDF background is the tuning corpus, both for the
    # sweep on it and for the reported corpus (which never feeds its own prior).
    preps = {}
    for tuning, other in (("VMDS", "AbMuSu-train"), ("AbMuSu-train", "VMDS")):
        background = Background.from_articles(corpora[tuning][0])
        own = prepare(*corpora[tuning], background)
        target = prepare(*corpora[other], background)
        preps[tuning] = (own, {other: target})
    stream = None
    if not args.no_stream:
        from benchmarks.bench_cluster_scale import synthetic_stream

        stream = prepare(*synthetic_stream(5000, 180), shipped_background())
        print(f"synthetic stream 5k, baseline t=0.13: B3 F1 {stream.f1(baseline(stream, 0.13, None)):.4f}", flush=True)
    for name in args.variants.split(","):
        print("\n".join(run_variant(name, preps, stream)), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
