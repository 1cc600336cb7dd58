"""Train the concept-weight model and measure it with k-fold cross-validation.

    python -m bantin.summarize.train                 # train on VMDS + AbMuSu-train, write the model
    python -m bantin.summarize.train --cv 5          # cross-validated ROUGE-2 table (no model written)

Training signal: for every syllable bigram of a cluster, the share of the cluster's reference
summaries that contain it (the "oracle" concepts). Logistic regression (scikit-learn, fixed
seed) on ``features.FEATURES``, written as JSON (``model.py``) with the syllable IDF table,
computed on the training articles only.

Cross-validation: each corpus is cut into k folds (clusters in corpus order, fold = position
mod k). A VMDS fold is scored by a model trained on the other VMDS folds plus all of AbMuSu; an
AbMuSu fold by a model trained on all of VMDS plus the other AbMuSu folds. One configuration for
both corpora. The round-robin lead baseline is computed in the same run on the same articles.
ROUGE-2 F1 x 100, syllable level, budget = mean reference length (``rouge_vi`` semantics).
"""
from __future__ import annotations

import argparse
import logging
import math
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

import numpy as np

from bantin.evaluate.corpora import Cluster, corpus_path, load_abmusu, load_vmds
from bantin.summarize import build_summary, select_sentences
from bantin.summarize.features import FEATURES, ClusterView, article_sentences, bigram_features, chronological_rank, bigrams_of, build_view
from bantin.summarize.model import ConceptModel
from bantin.text import syllables

log = logging.getLogger(__name__)

SEED = 13
DEFAULT_OUTPUT = Path(__file__).resolve().parents[1] / "data" / "summarizer.json"
IDF_MIN_DF = 2  # syllables seen in one training article only get the default (maximal) IDF
C_REG = 1.0  # logistic-regression inverse regularization (sklearn default; features are few and dense)


@dataclass
class Item:
    corpus: str
    cluster: Cluster
    view: ClusterView
    budget: int  # mean reference length in syllables, rounded half up (rouge_vi "ref-mean")


def load_items(include_lede: bool = True) -> list[Item]:
    items = []
    for name, loader in (("vmds", load_vmds), ("abmusu", load_abmusu)):
        path = corpus_path(name)
        if path is None:
            raise SystemExit(f"corpus {name!r} not found under ../shared/datasets (set BANTIN_SHARED)")
        for cluster in loader(path, include_lede=include_lede):
            lengths = [len(syllables(r)) for r in cluster.references]
            budget = int(sum(lengths) / len(lengths) + 0.5)
            items.append(Item(name, cluster, build_view(cluster.articles), budget))
    return items


def syllable_idf(items: Sequence[Item]) -> tuple[dict[str, float], float]:
    df: Counter[str] = Counter()
    n = 0
    for item in items:
        for article in item.cluster.articles:
            df.update(set(syllables(article.text)))
            n += 1
    idf = {s: math.log((n + 1) / (d + 1)) for s, d in df.items() if d >= IDF_MIN_DF}
    return idf, math.log(n + 1)


def labels(item: Item, bigrams: Sequence[tuple[str, str]]) -> np.ndarray:
    refs = [bigrams_of(syllables(r)) for r in item.cluster.references]
    return np.array([sum(b in r for r in refs) / len(refs) for b in bigrams])


def fit(items: Sequence[Item], note: str = "") -> ConceptModel:
    from sklearn.linear_model import LogisticRegression

    idf, idf_default = syllable_idf(items)
    xs, ys = [], []
    for item in items:
        bigrams, X = bigram_features(item.view, idf, idf_default)
        xs.append(X)
        ys.append(labels(item, bigrams))
    X = np.vstack(xs)
    y = np.concatenate(ys)
    mean = X.mean(axis=0)
    scale = X.std(axis=0)
    scale[scale == 0] = 1.0
    Z = (X - mean) / scale
    # Fractional targets (one of two references) as two weighted rows.
    Z2 = np.vstack([Z, Z])
    y2 = np.concatenate([np.ones(len(y)), np.zeros(len(y))])
    w2 = np.concatenate([y, 1.0 - y])
    keep = w2 > 0
    clf = LogisticRegression(C=C_REG, max_iter=2000, random_state=SEED)
    clf.fit(Z2[keep], y2[keep], sample_weight=w2[keep])
    return ConceptModel(
        mean=mean, scale=scale, coef=clf.coef_[0], intercept=float(clf.intercept_[0]),
        idf=idf, idf_default=idf_default, trained_on=note,
    )


def rouge2(system: str, references: Sequence[str], budget: int) -> float:
    from bantin.evaluate.rouge import score

    return 100 * score(system, references, budget=budget).rouge2.f


def round_robin_lead(cluster: Cluster) -> str:
    """1st sentence of each article (time order), then the 2nd of each, ...; the scorer cuts it."""
    rank = chronological_rank(cluster.articles)
    order = sorted(range(len(cluster.articles)), key=rank.__getitem__)
    per_article = [article_sentences(cluster.articles[k]) for k in order]
    out = []
    for depth in range(max((len(s) for s in per_article), default=0)):
        out.extend(s[depth] for s in per_article if depth < len(s))
    return " ".join(out)


def evaluate_items(model: ConceptModel, items: Sequence[Item]) -> dict[str, list[float]]:
    scores: dict[str, list[float]] = {"lead": [], "whole": [], "fill": []}
    for item in items:
        bigrams, X = bigram_features(item.view, model.idf, model.idf_default)
        weights = model.weights(X)
        refs = item.cluster.references
        scores["lead"].append(rouge2(round_robin_lead(item.cluster), refs, item.budget))
        for mode, fill in (("whole", False), ("fill", True)):
            picked = select_sentences(item.view, bigrams, weights, item.budget, fill=fill, params=model.params)
            text = build_summary(item.view, picked, item.budget).text
            scores[mode].append(rouge2(text, refs, item.budget))
    return scores


def cross_validate(items: Sequence[Item], k: int) -> list[dict]:
    rows = []
    for corpus in ("vmds", "abmusu"):
        own = [it for it in items if it.corpus == corpus]
        other = [it for it in items if it.corpus != corpus]
        for fold in range(k):
            test = [it for n, it in enumerate(own) if n % k == fold]
            train = other + [it for n, it in enumerate(own) if n % k != fold]
            started = time.perf_counter()
            model = fit(train)
            scores = evaluate_items(model, test)
            rows.append({
                "corpus": corpus, "fold": fold, "n": len(test),
                **{m: float(np.mean(v)) for m, v in scores.items()},
                "seconds": time.perf_counter() - started,
            })
            log.info("%s fold %d: %s", corpus, fold, rows[-1])
    return rows


def format_table(rows: Sequence[dict]) -> str:
    lines = [f"{'corpus':<8} {'fold':>4} {'n':>4} {'lead-rr':>8} {'whole':>8} {'fill':>8}"]
    for corpus in ("vmds", "abmusu"):
        part = [r for r in rows if r["corpus"] == corpus]
        for r in part:
            lines.append(f"{corpus:<8} {r['fold']:>4} {r['n']:>4} {r['lead']:8.2f} {r['whole']:8.2f} {r['fill']:8.2f}")
        n = sum(r["n"] for r in part)
        mean = {m: sum(r[m] * r["n"] for r in part) / n for m in ("lead", "whole", "fill")}
        lines.append(f"{corpus:<8} {'mean':>4} {n:>4} {mean['lead']:8.2f} {mean['whole']:8.2f} {mean['fill']:8.2f}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bantin.summarize.train", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cv", type=int, default=0, metavar="K", help="k-fold cross-validation table instead of training")
    parser.add_argument("--no-lede", action="store_true", help="articles without their lede (sapo)")
    parser.add_argument("-o", "--output", default=str(DEFAULT_OUTPUT), help="model file to write")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s", stream=sys.stderr)
    np.random.seed(SEED)
    items = load_items(include_lede=not args.no_lede)
    if args.cv:
        rows = cross_validate(items, args.cv)
        print(f"ROUGE-2 F1 x100, {args.cv}-fold CV, lede {'excluded' if args.no_lede else 'included'}")
        print(format_table(rows))
        return 0
    model = fit(items, note="VMDS (199 clusters) + AbMuSu-train (200 clusters), lede included")
    model.save(args.output)
    print(f"wrote {args.output} ({Path(args.output).stat().st_size} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
