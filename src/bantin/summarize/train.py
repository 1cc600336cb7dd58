"""Train the concept-weight model and measure it with k-fold cross-validation.

    python -m bantin.summarize.train                 # train on VMDS + AbMuSu-train, write the model
    python -m bantin.summarize.train --cv 5          # cross-validated ROUGE-2 table (no model written)

Training signal: for every syllable bigram of a cluster, the share of the cluster's reference
summaries that contain it (the "oracle" concepts). Logistic regression (scikit-learn, fixed
seed) on ``features.FEATURES``, written as JSON (``model.py``) with the syllable IDF table,
computed on the training articles only.

Articles come in two shapes: with the lede (sapo) in front of the body, as a scraper delivers
them, and body only, as the corpora store them. The model is trained on both shapes of every
training cluster (5-fold CV, BENCHMARKS.md: trained on bodies only, VMDS 44.67 on bodies but 39.72
with the lede; trained on both shapes, 45.12 and 42.93). One linear model cannot serve both
(AbMuSu bodies: 36.76 trained on bodies, 34.16 on both), so the file also holds regressions trained
on each shape alone and a classifier telling a sapo from a body's own short first paragraph;
``model.ConceptModel.weights`` mixes them per cluster (VMDS 45.12 / 43.68, AbMuSu 35.22 / 38.04).

Cross-validation: each corpus is cut into k folds (clusters in corpus order, fold = position
mod k). A VMDS fold is scored by a model trained on the other VMDS folds plus all of AbMuSu; an
AbMuSu fold by a model trained on all of VMDS plus the other AbMuSu folds. One configuration for
both corpora, nothing tuned on the scored fold. The round-robin lead baseline is computed in
the same run on the same articles. ROUGE-2 F1 x 100, syllable level, budget = mean reference
length (``rouge_vi`` semantics). ``whole``: whole sentences within the budget; ``fill``: plus
one sentence crossing it (the scorer cuts at the budget, as it cuts the lead).
"""
from __future__ import annotations

import argparse
import logging
import math
import sys
import time
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Mapping, Sequence

import numpy as np

from bantin.evaluate.corpora import Cluster, corpus_path, load_abmusu, load_vmds
from bantin.evaluate.peers import lead
from bantin.evaluate.rouge import mean_reference_length
from bantin.summarize import build_summary, select_sentences
from bantin.summarize.features import ClusterView, bigram_features, build_view, shape_signals
from bantin.summarize.model import ConceptModel, Logistic, ShapeModels
from bantin.text import syllables

log = logging.getLogger(__name__)

SEED = 13
DEFAULT_OUTPUT = Path(__file__).resolve().parents[1] / "data" / "summarizer.json"
IDF_MIN_DF = 2  # syllables seen in one training article only get the default (maximal) IDF
# Levels of P(bigram >= k times in a reference) (ROUGE clips counts). 5-fold CV (BENCHMARKS.md):
# 2 levels vs 1 -- VMDS body 45.08 vs 45.12, lede 42.44 vs 42.93, AbMuSu body 35.10 vs 34.16,
# lede 37.94 vs 37.97: a wash, so the simpler one.
LEVELS = 1
C_REG = 1.0  # logistic-regression inverse regularization (sklearn default; features are few and dense)


@dataclass
class Item:
    corpus: str
    cluster: Cluster
    view: ClusterView
    budget: int  # mean reference length in syllables, rounded half up (rouge_vi "ref-mean")
    shape: str = "lede"  # "lede": lede + body, "body": body only (SHAPES)


def load_items(include_lede: bool = True) -> list[Item]:
    items = []
    """Every cluster of VMDS then AbMuSu-train, in corpus order, articles in the given shape."""
    for name, loader in (("vmds", load_vmds), ("abmusu", load_abmusu)):
        path = corpus_path(name)
        if path is None:
            raise SystemExit(f"corpus {name!r} not found under ../shared/datasets (set BANTIN_SHARED)")
        for cluster in loader(path, include_lede=include_lede):
            budget = mean_reference_length(cluster.references)
            items.append(Item(name, cluster, build_view(cluster.articles), budget, "lede" if include_lede else "body"))
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


def labels(item: Item, bigrams: Sequence[tuple[str, str]], levels: int = 1) -> np.ndarray:
    """``Y[row, k-1]`` = share of the references containing the bigram at least k times."""
    refs = [Counter(zip(t, t[1:])) for t in (syllables(r) for r in item.cluster.references)]
    return np.array([[sum(r[b] > k for r in refs) / len(refs) for k in range(levels)] for b in bigrams]).reshape(
        len(bigrams), levels
    )


def fit(items: Sequence[Item], note: str = "", levels: int = LEVELS) -> ConceptModel:
    """The concept model on ``items``; with both article shapes among them, also the shape models
    (``model.ShapeModels``): concept regressions on each shape alone and the sapo classifier."""
    idf, idf_default = syllable_idf(items)
    xs, ys = [], []
    for item in items:
        bigrams, X = bigram_features(item.view, idf, idf_default)
        xs.append(X)
        ys.append(labels(item, bigrams, levels))
    model = fit_rows(np.vstack(xs), np.vstack(ys), idf, idf_default, note)
    if {item.shape for item in items} != set(SHAPES):
        return model

    def rows(shape: str) -> list[int]:
        return [k for k, item in enumerate(items) if item.shape == shape]

    body, lede = (fit_logistic(np.vstack([xs[k] for k in rows(s)]), np.vstack([ys[k] for k in rows(s)])) for s in SHAPES)
    return replace(model, shape=ShapeModels(body=body, lede=lede, classifier=fit_shape_classifier(items)))


def fit_shape_classifier(items: Sequence[Item]) -> Logistic:
    """P(shape = lede) from ``features.shape_signals`` over the clusters with a lede-like paragraph
    (no class weights: the training prior, about 2 lede clusters for 1 body among them, is kept;
    with balanced classes AbMuSu bodies gained 1.45 but AbMuSu ledes lost 0.42, BENCHMARKS.md)."""
    pairs = [(x, float(item.shape == "lede")) for item in items for x in [shape_signals(item.view)] if x is not None]
    return fit_logistic(np.array([x for x, _ in pairs]), np.array([[y] for _, y in pairs]))


def fit_rows(X: np.ndarray, Y: np.ndarray, idf: dict[str, float], idf_default: float, note: str = "") -> ConceptModel:
    """A concept model (no shape models) from feature rows ``X`` and level targets ``Y``."""
    return ConceptModel(both=fit_logistic(X, Y), idf=idf, idf_default=idf_default, trained_on=note)


def fit_logistic(X: np.ndarray, Y: np.ndarray) -> Logistic:
    """Standardize the rows ``X`` and fit one logistic regression per column of ``Y`` (fractional targets)."""
    from sklearn.linear_model import LogisticRegression

    mean = X.mean(axis=0)
    scale = X.std(axis=0)
    scale[scale == 0] = 1.0
    Z = (X - mean) / scale
    Z2 = np.vstack([Z, Z])
    coefs, intercepts = [], []
    for k in range(Y.shape[1]):
        # Fractional targets (one of two references) as two weighted rows.
        y = Y[:, k]
        y2 = np.concatenate([np.ones(len(y)), np.zeros(len(y))])
        w2 = np.concatenate([y, 1.0 - y])
        keep = w2 > 0
        clf = LogisticRegression(C=C_REG, max_iter=2000, random_state=SEED)
        clf.fit(Z2[keep], y2[keep], sample_weight=w2[keep])
        coefs.append(clf.coef_[0])
        intercepts.append(float(clf.intercept_[0]))
    return Logistic(mean=mean, scale=scale, coef=np.array(coefs), intercept=np.array(intercepts))


def rouge2(system: str, references: Sequence[str], budget: int) -> float:
    from bantin.evaluate.rouge import score

    return 100 * score(system, references, budget=budget).rouge2.f


def summary_rouge2(
    item: Item, bigrams: Sequence[tuple[str, str]], weights: np.ndarray, params: Mapping[str, Any], fill: bool = True,
) -> float:
    """ROUGE-2 F1 x 100 of the summary selected with concept ``weights`` on ``item``, at its budget."""
    picked = select_sentences(item.view, bigrams, weights, item.budget, fill=fill, params=params)
    return rouge2(build_summary(item.view, picked, item.budget).text, item.cluster.references, item.budget)


def evaluate_items(model: ConceptModel, items: Sequence[Item]) -> dict[str, list[float]]:
    scores: dict[str, list[float]] = {"lead": [], "whole": [], "fill": []}
    for item in items:
        bigrams, X = bigram_features(item.view, model.idf, model.idf_default)
        weights = model.weights(X, item.view)
        refs = item.cluster.references
        scores["lead"].append(rouge2(lead(item.cluster.articles, item.budget), refs, item.budget))
        for mode, fill in (("whole", False), ("fill", True)):
            scores[mode].append(summary_rouge2(item, bigrams, weights, model.params, fill=fill))
    return scores


SHAPES = ("body", "lede")  # articles without / with the lede in front of the body


def load_shapes() -> dict[str, list[Item]]:
    """Both article shapes of every cluster, aligned by position."""
    return {"body": load_items(include_lede=False), "lede": load_items(include_lede=True)}


def cross_validate(
    shapes: dict[str, list[Item]], k: int, train_shapes: Sequence[str] = SHAPES, levels: int | None = None
) -> list[dict]:
    rows = []
    base = shapes["body"]
    for corpus in ("vmds", "abmusu"):
        own = [n for n, it in enumerate(base) if it.corpus == corpus]
        for fold in range(k):
            test = set(own[fold::k])
            started = time.perf_counter()
            model = fit(
                [shapes[shape][n] for shape in train_shapes for n in range(len(base)) if n not in test],
                levels=levels or LEVELS,
            )
            row: dict = {"corpus": corpus, "fold": fold, "n": len(test)}
            for shape, items in shapes.items():
                scores = evaluate_items(model, [items[n] for n in sorted(test)])
                row.update({f"{shape}:{m}": float(np.mean(v)) for m, v in scores.items()})
            row["seconds"] = time.perf_counter() - started
            rows.append(row)
            log.info("%s fold %d: %s", corpus, fold, {key: round(v, 2) if isinstance(v, float) else v for key, v in row.items()})
    return rows


COLUMNS = [f"{shape}:{m}" for shape in SHAPES for m in ("lead", "whole", "fill")]


def format_table(rows: Sequence[dict]) -> str:
    """Markdown table: per fold and size-weighted mean, both article shapes."""
    head = ["corpus", "fold", "n"] + [c.replace(":", " ").replace("lead", "lead-rr") for c in COLUMNS]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * 3 + "---:|" * len(COLUMNS)]
    for corpus in ("vmds", "abmusu"):
        part = [r for r in rows if r["corpus"] == corpus]
        if not part:
            continue
        for r in part:
            lines.append(f"| {corpus} | {r['fold']} | {r['n']} | " + " | ".join(f"{r[c]:.2f}" for c in COLUMNS) + " |")
        n = sum(r["n"] for r in part)
        mean = {c: sum(r[c] * r["n"] for r in part) / n for c in COLUMNS}
        lines.append(f"| **{corpus}** | **mean** | {n} | " + " | ".join(f"**{mean[c]:.2f}**" for c in COLUMNS) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bantin.summarize.train", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cv", type=int, default=0, metavar="K", help="k-fold cross-validation table instead of training")
    parser.add_argument("-o", "--output", default=str(DEFAULT_OUTPUT), help="model file to write")
    parser.add_argument("--train-shapes", default=",".join(SHAPES),
                        help="article shapes to train on: body, lede or both (default body,lede)")
    parser.add_argument("--levels", type=int, default=LEVELS, help=f"concept levels (default {LEVELS})")
    args = parser.parse_args(argv)
    train_shapes = [s.strip() for s in args.train_shapes.split(",") if s.strip()]
    if not train_shapes or set(train_shapes) - set(SHAPES):
        parser.error(f"--train-shapes takes a comma-separated subset of {', '.join(SHAPES)}")
    logging.basicConfig(level=logging.INFO, format="%(message)s", stream=sys.stderr)
    np.random.seed(SEED)
    shapes = load_shapes()
    if args.cv:
        rows = cross_validate(shapes, args.cv, train_shapes, args.levels)
        print(f"ROUGE-2 F1 x100, {args.cv}-fold cross-validation, budget = mean reference length, "
              f"trained on {'+'.join(train_shapes)}, {args.levels} level(s)")
        print(format_table(rows))
        return 0
    items = [it for shape in train_shapes for it in shapes[shape]]
    model = fit(items, note=f"VMDS (199 clusters) + AbMuSu-train (200 clusters), article shapes: {'+'.join(train_shapes)}",
                levels=args.levels)
    model.save(args.output)
    print(f"wrote {args.output} ({Path(args.output).stat().st_size} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
