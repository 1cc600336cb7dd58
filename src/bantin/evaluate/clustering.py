"""Event clustering evaluation on pooled gold corpora.

All articles of a corpus (VMDS, AbMuSu-train, generic cluster JSONL) are mixed and shuffled with a
fixed seed; the gold label of an article is its cluster. A clustering is scored with

* B-cubed precision / recall / F1 (item-averaged), pairwise precision / recall / F1, ARI, NMI
  (arithmetic normalization) and the number of events, with the conventions of
  ``../shared/bench/cluster_metrics.py`` (gold items missing from the prediction count as
  singletons; predicted items that are not gold are ignored);
* stability: the same corpus in ``shuffles`` different orders; mean / min B-cubed F1 and the
  agreement (ARI) of every shuffled run with the first.

Thresholds are never tuned on the corpus being reported: ``--tune-on OTHER`` sweeps bantin's
threshold (and the online assignment's, ``bantin-online``: ``EventClusterer.add`` in arrival
order, scored on ``online_groups``) on OTHER and reports the chosen value here. For
``bantin-online`` the stability check *is* the order dependence (the arrival order changes it).
The two baselines are tuned on the evaluated corpus itself (an oracle threshold: generous to
them):

* ``tfidf-average-linkage``: all-pairs cosine on syllable unigram+bigram TF-IDF, average linkage;
* ``single-pass``: the classic TDT single-pass clusterer (each article joins the most similar
  centroid at or above the threshold, else starts an event), articles in date order.
"""
from __future__ import annotations

import argparse
import dataclasses
import functools
import json
import logging
import random
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Hashable, Mapping, Sequence

import numpy as np

from bantin.models import Article

log = logging.getLogger(__name__)

Labels = Mapping[str, Hashable]
Method = Callable[[Sequence[Article], float], list[list[int]]]

# Threshold grids of the sweeps (bantin's kernel, and cosine for the baselines).
BANTIN_GRID = tuple(round(0.05 + 0.01 * k, 2) for k in range(31))   # 0.05 .. 0.35
COSINE_GRID = tuple(round(0.02 + 0.02 * k, 2) for k in range(40))   # 0.02 .. 0.80
ONLINE_GRID = tuple(round(0.10 + 0.02 * k, 2) for k in range(9))    # 0.10 .. 0.26


# ---------------------------------------------------------------------------------------------
# metrics
# ---------------------------------------------------------------------------------------------
def _comb2(n: np.ndarray | int):
    return n * (n - 1) // 2


def score(gold: Labels, pred: Labels) -> dict:
    """All metrics of ``pred`` against ``gold`` (item -> label), same conventions as the
    reference ``cluster_metrics.score``: missing items are singletons, extra items ignored."""
    from sklearn.metrics import adjusted_rand_score, normalized_mutual_info_score

    if not gold:
        raise ValueError("gold labeling is empty")
    items = sorted(gold, key=repr)
    gold_ids = _encode([gold[i] for i in items])
    pred_ids = _encode([pred[i] if i in pred else ("\0missing", i) for i in items])
    n = len(items)
    cells = Counter(zip(gold_ids, pred_ids))
    gold_sizes = np.bincount(gold_ids)
    pred_sizes = np.bincount(pred_ids)
    counts = np.array(list(cells.values()), dtype=np.int64)
    g_of = np.array([g for g, _ in cells], dtype=np.int64)
    p_of = np.array([p for _, p in cells], dtype=np.int64)
    b_p = float(np.sum(counts**2 / pred_sizes[p_of]) / n)
    b_r = float(np.sum(counts**2 / gold_sizes[g_of]) / n)
    tp = int(np.sum(_comb2(counts)))
    gold_pairs = int(np.sum(_comb2(gold_sizes)))
    pred_pairs = int(np.sum(_comb2(pred_sizes)))
    p_p = tp / pred_pairs if pred_pairs else 1.0
    p_r = tp / gold_pairs if gold_pairs else 1.0
    return {
        "n_items": n,
        "n_gold_clusters": int(len(gold_sizes)),
        "n_pred_clusters": int(len(pred_sizes)),
        "n_pred_singletons": int(np.sum(pred_sizes == 1)),
        "singleton_rate": float(np.sum(pred_sizes == 1)) / n,
        "gold_singleton_rate": float(np.sum(gold_sizes == 1)) / n,
        "n_missing": sum(1 for i in items if i not in pred),
        "n_extra": sum(1 for i in pred if i not in gold),
        "bcubed_p": b_p, "bcubed_r": b_r, "bcubed_f1": _f1(b_p, b_r),
        "pairwise_p": p_p, "pairwise_r": p_r, "pairwise_f1": _f1(p_p, p_r),
        "ari": float(adjusted_rand_score(gold_ids, pred_ids)),
        "nmi": float(normalized_mutual_info_score(gold_ids, pred_ids, average_method="arithmetic")),
    }


def _encode(labels: list[Hashable]) -> np.ndarray:
    codes: dict[Hashable, int] = {}
    return np.array([codes.setdefault(label, len(codes)) for label in labels], dtype=np.int64)


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r > 0 else 0.0


def labels_of(articles: Sequence[Article], groups: list[list[int]]) -> dict[str, int]:
    """Article id -> index of its group."""
    return {articles[i].id: k for k, group in enumerate(groups) for i in group}


# ---------------------------------------------------------------------------------------------
# pooled corpora
# ---------------------------------------------------------------------------------------------
def pooled(path: str | Path, seed: int = 13, include_lede: bool = True) -> tuple[list[Article], dict[str, str]]:
    """All articles of a corpus, shuffled with ``seed``, and their gold cluster ids."""
    from bantin.evaluate.corpora import iter_all_articles, load_corpus

    pairs = list(iter_all_articles(load_corpus(path, include_lede=include_lede)))
    random.Random(seed).shuffle(pairs)
    return [article for _, article in pairs], {article.id: gold for gold, article in pairs}


# ---------------------------------------------------------------------------------------------
# methods: name -> f(articles, threshold) -> groups of indices
# ---------------------------------------------------------------------------------------------
def _config(background, **changes):
    """ClusterConfig with ``changes``; ``background`` replaces the shipped one unless SHIPPED."""
    from bantin.cluster.events import ClusterConfig

    if background is not SHIPPED:
        changes["background"] = background
    return dataclasses.replace(ClusterConfig(), **changes)


SHIPPED = object()  # marker: keep ClusterConfig's shipped background


def bantin_method(articles: Sequence[Article], threshold: float, background=SHIPPED) -> list[list[int]]:
    """Batch clustering at ``threshold`` with IDF background ``background`` (a
    ``features.Background``, None for the batch alone, or SHIPPED)."""
    from bantin.cluster.events import cluster_indices

    groups, _ = cluster_indices(articles, _config(background, threshold=threshold))
    return groups


def bantin_online_method(articles: Sequence[Article], threshold: float, background=SHIPPED) -> list[list[int]]:
    """``EventClusterer.add`` in the given order (online assignment at ``threshold``)."""
    from bantin.cluster.events import EventClusterer

    clusterer = EventClusterer(_config(background, online_threshold=threshold))
    clusterer.extend(articles)
    return clusterer.online_groups()


def _tfidf(articles: Sequence[Article]):
    from sklearn.feature_extraction.text import TfidfVectorizer

    vectorizer = TfidfVectorizer(token_pattern=r"(?u)[^\W_]+", ngram_range=(1, 2), sublinear_tf=True, min_df=1)
    return vectorizer.fit_transform([f"{a.title}\n{a.text}" for a in articles])


def average_linkage_baseline(articles: Sequence[Article], threshold: float) -> list[list[int]]:
    """All-pairs cosine on TF-IDF, average linkage cut at ``threshold`` (O(n^2): a baseline)."""
    from sklearn.cluster import AgglomerativeClustering

    if len(articles) < 2:
        return [[i] for i in range(len(articles))]
    matrix = _tfidf(articles)
    distance = 1.0 - (matrix @ matrix.T).toarray()
    np.clip(distance, 0.0, None, out=distance)
    model = AgglomerativeClustering(
        n_clusters=None, metric="precomputed", linkage="average", distance_threshold=1.0 - threshold,
    )
    return _groups(model.fit_predict(distance))


def single_pass_baseline(articles: Sequence[Article], threshold: float) -> list[list[int]]:
    """TDT single pass: in date order (undated last, then input order), each article joins the
    event whose centroid is most similar if the cosine reaches ``threshold``.

    Centroid similarities come from the article Gram matrix (a baseline on small corpora):
    ``cos(sum_k, x) = sum_{m in k} x_m . x / |sum_k|``, with ``|sum_k|`` updated on every join.
    """
    gram = (lambda m: (m @ m.T).toarray())(_tfidf(articles))
    n = len(articles)
    order = sorted(range(n), key=lambda i: (articles[i].published is None,
                                            articles[i].published.timestamp() if articles[i].published else 0, i))
    membership = np.zeros((n, n), dtype=np.float64)  # events x articles
    norms2 = np.zeros(n)
    events = 0
    for index in order:
        best = -1
        if events:
            dots = membership[:events] @ gram[:, index]
            sims = dots / np.sqrt(np.maximum(norms2[:events], 1e-12))
            top = int(np.argmax(sims))
            if sims[top] >= threshold:
                best = top
        if best < 0:
            best, events = events, events + 1
            dots_best = 0.0
        else:
            dots_best = float(dots[best])
        norms2[best] += 2 * dots_best + gram[index, index]
        membership[best, index] = 1.0
    return [sorted(np.flatnonzero(membership[k]).tolist()) for k in range(events)]


def _groups(labels: Sequence[int]) -> list[list[int]]:
    out: dict[int, list[int]] = {}
    for index, label in enumerate(labels):
        out.setdefault(int(label), []).append(index)
    return list(out.values())


METHODS: dict[str, tuple[Method, tuple[float, ...]]] = {
    "bantin": (bantin_method, BANTIN_GRID),
    "bantin-online": (bantin_online_method, ONLINE_GRID),
    "tfidf-average-linkage": (average_linkage_baseline, COSINE_GRID),
    "single-pass": (single_pass_baseline, COSINE_GRID),
}


# ---------------------------------------------------------------------------------------------
# evaluation
# ---------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Result:
    method: str
    threshold: float
    tuned_on: str
    scores: dict
    seconds: float
    stability: dict | None = None

    def to_dict(self) -> dict:
        return dataclasses.asdict(self)


def _function(method: str, background=SHIPPED) -> tuple[Method, tuple[float, ...]]:
    function, grid = METHODS[method]
    if background is not SHIPPED and method.startswith("bantin"):
        function = functools.partial(function, background=background)
    return function, grid


def sweep(method: str, articles: Sequence[Article], gold: Labels,
          grid: Sequence[float] | None = None, background=SHIPPED) -> list[tuple[float, float]]:
    """(threshold, B-cubed F1) for every threshold of the grid."""
    function, default_grid = _function(method, background)
    out = []
    for threshold in grid or default_grid:
        out.append((threshold, score(gold, labels_of(articles, function(articles, threshold)))["bcubed_f1"]))
    return out


def best_threshold(curve: list[tuple[float, float]]) -> float:
    """The threshold with the best F1 (ties: the middle of the best run, which is more robust)."""
    top = max(f for _, f in curve)
    best = [t for t, f in curve if f >= top - 1e-9]
    return best[len(best) // 2]


def evaluate(method: str, articles: Sequence[Article], gold: Labels, threshold: float, tuned_on: str,
             shuffles: int = 0, seed: int = 13, background=SHIPPED) -> Result:
    function, _ = _function(method, background)
    start = time.perf_counter()
    groups = function(articles, threshold)
    seconds = time.perf_counter() - start
    scores = score(gold, labels_of(articles, groups))
    stability = None
    if shuffles:
        stability = shuffle_stability(function, articles, gold, threshold, shuffles, seed)
    return Result(method, threshold, tuned_on, scores, seconds, stability)


def shuffle_stability(function: Method, articles: Sequence[Article], gold: Labels, threshold: float,
                      shuffles: int = 5, seed: int = 13) -> dict:
    """Cluster ``shuffles`` random orders: B-cubed F1 mean/min and ARI agreement with the first."""
    runs = []
    for k in range(shuffles):
        order = list(articles)
        random.Random(seed + 1000 + k).shuffle(order)
        runs.append(labels_of(order, function(order, threshold)))
    f1s = [score(gold, run)["bcubed_f1"] for run in runs]
    agreement = [score(runs[0], run)["ari"] for run in runs[1:]]
    return {
        "shuffles": shuffles, "bcubed_f1_mean": float(np.mean(f1s)), "bcubed_f1_min": float(min(f1s)),
        "agreement_ari_mean": float(np.mean(agreement)) if agreement else 1.0,
        "agreement_ari_min": float(min(agreement)) if agreement else 1.0,
    }


def evaluate_corpus(path: str | Path, tune_on: str | Path | None = None, threshold: float | None = None,
                    baselines: bool = True, shuffles: int = 5, seed: int = 13, include_lede: bool = True,
                    online: bool = False) -> list[Result]:
    """bantin (threshold given, or tuned on ``tune_on``, or the default) and the baselines
    (tuned on ``path`` itself) on the pooled corpus at ``path``; ``online`` adds
    ``bantin-online`` (its threshold tuned on ``tune_on``, else the ClusterConfig default).

    With ``tune_on`` bantin's IDF background is built from the tuning corpus alone (the shipped
    table also holds the evaluated corpus); without it the shipped background is used."""
    from bantin.cluster.events import ClusterConfig

    from bantin.cluster.features import Background

    articles, gold = pooled(path, seed, include_lede)
    background = SHIPPED
    if tune_on is not None:
        tune_articles, tune_gold = pooled(tune_on, seed, include_lede)
        background = Background.from_articles(tune_articles)
    if threshold is not None:
        chosen, tuned_on = threshold, "given"
    elif tune_on is not None:
        chosen = best_threshold(sweep("bantin", tune_articles, tune_gold, background=background))
        tuned_on = str(tune_on)
    else:
        chosen, tuned_on = ClusterConfig().threshold, "default (ClusterConfig)"
    results = [evaluate("bantin", articles, gold, chosen, tuned_on, shuffles, seed, background)]
    if online:
        if tune_on is not None:
            online_t = best_threshold(sweep("bantin-online", tune_articles, tune_gold, background=background))
        else:
            online_t = ClusterConfig().online_threshold
        results.append(evaluate("bantin-online", articles, gold, online_t,
                                str(tune_on) if tune_on is not None else "default (ClusterConfig)",
                                max(shuffles, 1), seed, background))
    if baselines:
        for name in ("tfidf-average-linkage", "single-pass"):
            oracle = best_threshold(sweep(name, articles, gold))
            results.append(evaluate(name, articles, gold, oracle, "itself (oracle)"))
    return results


def format_results(results: Sequence[Result], markdown: bool = False) -> str:
    header = ["method", "threshold", "tuned on", "B3 P", "B3 R", "B3 F1", "pair P", "pair R", "pair F1",
              "ARI", "NMI", "events (gold)", "seconds"]
    rows = []
    for r in results:
        s = r.scores
        rows.append([r.method, f"{r.threshold:.2f}", r.tuned_on] + [
            f"{s[k]:.4f}" for k in ("bcubed_p", "bcubed_r", "bcubed_f1", "pairwise_p", "pairwise_r",
                                    "pairwise_f1", "ari", "nmi")
        ] + [f"{s['n_pred_clusters']} ({s['n_gold_clusters']})", f"{r.seconds:.1f}"])
    lines = []
    if markdown:
        lines.append("| " + " | ".join(header) + " |")
        lines.append("|" + "---|" * len(header))
        lines += ["| " + " | ".join(row) + " |" for row in rows]
    else:
        widths = [max(len(str(x)) for x in col) for col in zip(header, *rows)]
        for row in [header] + rows:
            lines.append("  ".join(str(x).ljust(w) for x, w in zip(row, widths)))
    for r in results:
        if r.stability:
            st = r.stability
            lines.append(
                f"{r.method}: {st['shuffles']} shuffled input orders: B3 F1 mean {st['bcubed_f1_mean']:.4f} "
                f"min {st['bcubed_f1_min']:.4f}; agreement with the first order ARI mean "
                f"{st['agreement_ari_mean']:.4f} min {st['agreement_ari_min']:.4f}"
            )
    return "\n".join(lines)


# ---------------------------------------------------------------------------------------------
# CLI hand-off from `bantin evaluate --task cluster`
# ---------------------------------------------------------------------------------------------
def add_arguments(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("--task cluster")
    group.add_argument("--tune-on", metavar="CORPUS",
                       help="choose bantin's threshold on this other corpus ('vmds', 'abmusu' or a path)")
    group.add_argument("--threshold", type=float, metavar="T", help="bantin's average-linkage threshold")
    group.add_argument("--shuffles", type=int, default=5, metavar="N",
                       help="shuffled input orders for the stability check (default 5; 0 skips it)")
    group.add_argument("--seed", type=int, default=13, help="shuffle seed of the pooled corpus (default 13)")
    group.add_argument("--no-baselines", action="store_true", help="skip the two baselines")
    group.add_argument("--online", action="store_true",
                       help="also score EventClusterer.add's online assignment (and its order dependence)")


def run_cli(args: argparse.Namespace) -> int:
    tune_on = getattr(args, "tune_on", None)
    if tune_on is not None:
        from bantin.commands.evaluate import resolve_corpus

        try:
            tune_on = resolve_corpus(tune_on)
        except FileNotFoundError as error:
            print(f"bantin: error: {error}", file=sys.stderr)
            return 2
        if Path(tune_on).resolve() == Path(args.corpus_path).resolve():
            print("bantin: error: --tune-on must be another corpus than the one evaluated", file=sys.stderr)
            return 2
    results = evaluate_corpus(
        args.corpus_path, tune_on=tune_on, threshold=getattr(args, "threshold", None),
        baselines=not getattr(args, "no_baselines", False), shuffles=getattr(args, "shuffles", 5),
        seed=getattr(args, "seed", 13), include_lede=not getattr(args, "no_lede", False),
        online=getattr(args, "online", False),
    )
    print(f"corpus: {args.corpus_path}  pooled and shuffled (seed {getattr(args, 'seed', 13)})")
    print(format_results(results, markdown=getattr(args, "format", "text") == "markdown"))
    if getattr(args, "json", None):
        with open(args.json, "w", encoding="utf-8") as handle:
            json.dump([r.to_dict() for r in results], handle, ensure_ascii=False, indent=1)
    return 0
