"""How far can the concept summarizer go? Ceilings and probes for issue 3 (ROUGE-2 F1 >= 52 on VMDS).

Both experiments use the cross-validation of ``python -m bantin.summarize.train --cv 5``: each
corpus is cut into 5 folds (fold = position mod 5), a fold is scored by a model fitted on every
other cluster of both corpora, in both article shapes (body only, lede + body). Scores are
ROUGE-2 F1 x 100 in fill mode, budget = mean reference length, averaged over clusters.

compression
    Oracle clause deletion (BENCHMARKS.md, "Learned compression"): the references decide which
    clauses of the candidate sentences go. Fits the 10 fold models with ``train.fit``, as
    ``train --cv 5`` does, so the "shipped" row equals the fill column of that table.
lexical-prior
    Hong & Nenkova (2014) style "summary-worthiness" priors as extra concept features
    (BENCHMARKS.md, "Lexical priors"): per syllable and per bigram, how often a training
    cluster's reference keeps a unit its input has (``ref``), plus the same over body -> lede
    pairs of the training articles (``both``). Training rows get out-of-fold priors.
shape
    The article's shape (lede + body or body only) as a model input (BENCHMARKS.md, "Article
    shape"): interaction features with a cluster's lede share or restated-lede share
    (``--variants interactions``), and lede-trained / body-trained concept regressions blended by
    those shares or by a sapo classifier fitted per fold (``classifier``: balanced classes,
    ``classifier-prior``: the training prior, the shipped mix).

Each takes about 5-13 minutes on 2 cores. Progress goes to stderr, the markdown table to stdout.

    .venv/bin/python -m benchmarks.summary_ceiling compression
    .venv/bin/python -m benchmarks.summary_ceiling lexical-prior --variant ref
    .venv/bin/python -m benchmarks.summary_ceiling shape --variants classifier-prior
"""
from __future__ import annotations

import argparse
import logging
import math
import re
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, replace
from typing import Callable, Sequence

import numpy as np

from bantin.commands._common import progress
from bantin.evaluate.rouge import tokenize
from bantin.summarize import build_summary, select_sentences
from bantin.summarize import train
from bantin.summarize.features import (
    FEATURES, Bigram, ClusterView, Sentence, bigram_features, bigrams_of, content_bigrams, lede_share,
    shape_signals,
)
from bantin.summarize.model import ConceptModel
from bantin.summarize.select import near_repeat
from bantin.text import count_syllables, syllables

log = logging.getLogger(__name__)

FOLDS = 5  # as `train --cv 5`, the protocol of every CV number in BENCHMARKS.md
CORPORA = ("vmds", "abmusu")
COLUMNS = [(corpus, shape) for corpus in CORPORA for shape in train.SHAPES]
CORPUS_NAMES = {"vmds": "VMDS", "abmusu": "AbMuSu"}

Results = dict[tuple[str, str], list[list[dict[str, float]]]]  # (corpus, shape) -> per fold, one row per cluster


# --- the shared fold loop ---------------------------------------------------------------------

def cross_validate(
    shapes: dict[str, list[train.Item]],
    fit_fold: Callable[[list[int]], object],
    score_item: Callable[[object, train.Item], dict[str, float]],
    k: int = FOLDS,
) -> Results:
    """Fit on each fold's complement and score its clusters in both shapes.

    The folds and the training items (both shapes, corpus order) are those of
    ``train.cross_validate``. ``fit_fold(training cluster indices)`` returns what
    ``score_item(model, held-out item)`` needs.
    """
    base = shapes["body"]
    results: Results = defaultdict(list)
    for corpus in CORPORA:
        own = [n for n, item in enumerate(base) if item.corpus == corpus]
        for fold in range(k):
            test = sorted(own[fold::k])
            started = time.perf_counter()
            held_out = set(test)
            model = fit_fold([n for n in range(len(base)) if n not in held_out])
            for shape in train.SHAPES:
                items = progress([shapes[shape][n] for n in test], total=len(test), desc=f"{corpus} {fold} {shape}")
                rows = [score_item(model, item) for item in items]
                results[(corpus, shape)].append(rows)
                means = {key: round(float(np.mean([r[key] for r in rows])), 2) for key in rows[0]}
                log.info("%s fold %d %s (%.0f s): %s", corpus, fold, shape, time.perf_counter() - started, means)
    return results


def fold_models(shapes: dict[str, list[train.Item]]) -> Callable[[list[int]], ConceptModel]:
    """The shipped model of a fold: ``train.fit`` on both shapes of the training clusters."""
    return lambda train_idx: train.fit([shapes[shape][n] for shape in train.SHAPES for n in train_idx])


def format_table(results: Results, rows: Sequence[tuple[str, str]], decimals: int = 2) -> str:
    """Markdown: one row per (key, label), one column per corpus and shape, means over clusters."""
    head = " | ".join(f"{CORPUS_NAMES[c]} {s}" for c, s in COLUMNS)
    lines = [f"| variant | {head} |", "|---|" + "---:|" * len(COLUMNS)]
    for key, label in rows:
        cells = [np.mean([r[key] for fold in results[col] for r in fold]) for col in COLUMNS]
        lines.append(f"| {label} | " + " | ".join(f"{x:.{decimals}f}" for x in cells) + " |")
    return "\n".join(lines)


# --- clauses ----------------------------------------------------------------------------------

CONNECTIVES = ("trong khi", "sau khi", "trước khi", "nhưng", "khi", "mặc dù", "vì", "bởi vì", "do", "nhằm",
               "để", "trong đó", "song", "đồng thời", "nên", "dù")
# A connective opens a clause when it follows a space and ends a word (longest first: "trong khi" before "khi").
_CONNECTIVE = re.compile(
    r"(?<=\s)(?:" + "|".join(sorted(map(re.escape, CONNECTIVES), key=len, reverse=True)) + r")(?!\w)"
)
# Cut after , ; : ; before ( and after ) ; before an opening and after a closing curly quote; before " - ".
_CUT = re.compile(r"(?<=[,;:])\s+|\s+(?=\()|(?<=\))\s+|\s+(?=[“«])|(?<=[”»])\s+|\s+(?=[-–—]\s)")
MIN_CLAUSE_SYLLABLES = 2  # a shorter piece joins its neighbour


def split_clauses(text: str) -> list[str]:
    """Clause-like spans of a sentence; their concatenation is ``text``."""
    cuts = {0, len(text)} | {m.end() for m in _CUT.finditer(text)} | {m.start() for m in _CONNECTIVE.finditer(text)}
    bounds = sorted(cuts)
    out: list[str] = []
    for a, b in zip(bounds, bounds[1:]):
        span = text[a:b]
        if out and (len(syllables(span)) < MIN_CLAUSE_SYLLABLES or len(syllables(out[-1])) < MIN_CLAUSE_SYLLABLES):
            out[-1] += span
        else:
            out.append(span)
    return out


def _capitalize(text: str) -> str:
    for k, ch in enumerate(text):
        if ch.isalpha():
            return text[:k] + ch.upper() + text[k + 1:]
    return text


def _join_clauses(spans: Sequence[str], original: str) -> str:
    out = "".join(spans).strip().rstrip(",;: -–—")
    end = original.rstrip()[-1:]
    if end in ".!?" and out[-1:] not in ".!?”\")":
        out += end
    return _capitalize(out)


# --- compression oracles ----------------------------------------------------------------------

def greedy_oracle(units: Sequence[Sequence[str]], references: Sequence[Sequence[str]], budget: int) -> list[int]:
    """Units (token lists) added greedily while mean ROUGE-2 F1 grows; the last one cut at the budget.

    Bigrams across unit boundaries are ignored.
    """
    refs = [Counter(zip(t, t[1:])) for t in references]
    ref_totals = [sum(r.values()) for r in refs]
    unit_counts = [Counter(zip(t, t[1:])) for t in units]
    have: Counter[Bigram] = Counter()
    overlaps = [0] * len(refs)
    total = length = 0
    best = 0.0
    chosen: list[int] = []
    while length < budget:
        step = None
        for i, tokens in enumerate(units):
            if i in chosen or len(tokens) < 2:
                continue
            if length + len(tokens) > budget:
                head = tokens[: budget - length]
                counts = Counter(zip(head, head[1:]))
            else:
                counts = unit_counts[i]
            new_total = total + sum(counts.values())
            new_overlaps = [
                o + sum(min(have[g] + c, r[g]) - min(have[g], r[g]) for g, c in counts.items() if g in r)
                for o, r in zip(overlaps, refs)
            ]
            f = sum(_f1(o, new_total, rt) for o, rt in zip(new_overlaps, ref_totals)) / len(refs)
            if f > (step[1] if step else best):
                step = (i, f, counts, new_overlaps, new_total)
        if step is None:
            break
        i, best, counts, overlaps, total = step
        have.update(counts)
        chosen.append(i)
        length += len(units[i])
    return chosen


def _f1(overlap: int, system_total: int, reference_total: int) -> float:
    p = overlap / system_total if system_total else 0.0
    r = overlap / reference_total if reference_total else 0.0
    return 2 * p * r / (p + r) if p + r else 0.0


def compress_oracle(s: Sentence, reference_bigrams: set[Bigram], min_share: float = 0.0) -> Sentence:
    """Delete the clauses with no reference bigram (``min_share`` 0) or fewer than that share of them.

    A sentence of one clause, or whose clauses would all go, stays whole.
    """
    spans = split_clauses(s.text)
    if len(spans) < 2:
        return s
    keep = []
    for span in spans:
        tokens = syllables(span)
        pairs = list(zip(tokens, tokens[1:]))
        hits = sum(b in reference_bigrams for b in pairs)
        keep.append(not pairs or (hits > 0 and hits / len(pairs) >= min_share))
    if all(keep) or not any(keep):
        return s
    text = _join_clauses([span for span, k in zip(spans, keep) if k], s.text)
    tokens = syllables(text)
    return replace(s, text=text, tokens=tokens, words=count_syllables(text), bigrams=bigrams_of(tokens))


STRICT_SHARE = 0.2  # (b′) and (c′): a clause goes when < 20% of its bigrams are in a reference


@dataclass
class Selection:
    """The shipped selector on one cluster, and a refill around sentences already fixed."""

    view: ClusterView
    bigrams: list[Bigram]
    weights: np.ndarray
    budget: int
    params: dict

    def pick(self) -> list[Sentence]:
        return select_sentences(self.view, self.bigrams, self.weights, self.budget, fill=True, params=self.params)

    def refill(self, fixed: Sequence[Sentence]) -> list[Sentence]:
        """Sentences for the budget ``fixed`` leaves: concepts it covers weigh 0; it and its near-repeats are out."""
        concept = {b: k for k, b in enumerate(self.bigrams)}
        weights = self.weights.copy()
        weights[[concept[b] for f in fixed for b in zip(f.tokens, f.tokens[1:]) if b in concept]] = 0
        keys = {(f.article, f.index) for f in fixed}
        sentences = [
            replace(s, candidate=False)
            if (s.article, s.index) in keys or any(near_repeat(s.bigrams, f.bigrams) for f in fixed) else s
            for s in self.view.sentences
        ]
        left = self.budget - sum(f.words for f in fixed)
        return select_sentences(replace(self.view, sentences=sentences), self.bigrams, weights, left,
                                fill=True, params=self.params)


def _crossing(picked: Sequence[Sentence], budget: int) -> int:
    """1 if the picked sentences cross the budget (the last is then the fill sentence), else 0."""
    return 1 if sum(s.words for s in picked) > budget else 0


def score_compression(model: ConceptModel, item: train.Item) -> dict[str, float]:
    view, budget, refs = item.view, item.budget, item.cluster.references
    ref_tokens = [tokenize(r) for r in refs]
    ref_bigrams = {b for t in ref_tokens for b in zip(t, t[1:])}
    bigrams, X = bigram_features(view, model.idf, model.idf_default)
    sel = Selection(view, bigrams, model.weights(X, view), budget, dict(model.params))

    def rouge(sentences: Sequence[Sentence] | Sequence[str]) -> float:
        return train.rouge2(" ".join(s if isinstance(s, str) else s.text for s in sentences), refs, budget)

    picked = sel.pick()
    row = {"shipped": train.rouge2(build_summary(view, picked, budget).text, refs, budget)}
    cands = [s for s in view.sentences if s.candidate]
    clauses = [c.strip() for s in cands for c in split_clauses(s.text)]
    row["sentences"], row["clauses"] = len(cands), len(clauses)
    best = greedy_oracle([s.tokens for s in cands], ref_tokens, budget)
    row["oracle_sentences"] = rouge([cands[i] for i in best])
    best = greedy_oracle([syllables(c) for c in clauses], ref_tokens, budget)
    row["oracle_clauses"] = rouge([clauses[i] for i in best])

    # (b) compress the whole sentences of the shipped selection, then refill the freed budget
    n_whole = len(picked) - _crossing(picked, budget)
    whole, tail = picked[:n_whole], picked[n_whole:]
    fixed = [compress_oracle(s, ref_bigrams) for s in whole]
    row["deleted"] = sum(s.words for s in whole) - sum(s.words for s in fixed)
    row["b_no_refill"] = rouge(fixed + tail)
    more = sel.refill(fixed)
    row["b"] = rouge(fixed + more)
    for _ in range(3):  # (b) iterated: compress the refill's whole sentences too
        added = [compress_oracle(s, ref_bigrams) for s in more[: len(more) - _crossing(fixed + more, budget)]]
        if not added:
            break
        fixed = fixed + added
        more = sel.refill(fixed)
    row["b_iterated"] = rouge(fixed + more)
    strict = [compress_oracle(s, ref_bigrams, STRICT_SHARE) for s in whole]
    row["b_20"] = rouge(strict + sel.refill(strict))

    # (c) compress every candidate first, then the shipped selection (weights of the uncompressed view)
    for key, share in (("c", 0.0), ("c_20", STRICT_SHARE)):
        sentences = [compress_oracle(s, ref_bigrams, share) if s.candidate else s for s in view.sentences]
        extra = sorted({b for s in sentences for b in zip(s.tokens, s.tokens[1:])} - set(bigrams))
        weights = np.vstack([sel.weights, np.zeros((len(extra), sel.weights.shape[1]))])
        picked_c = select_sentences(replace(view, sentences=sentences), list(bigrams) + extra, weights, budget,
                                    fill=True, params=sel.params)
        row[key] = rouge(picked_c)
    return row


COMPRESSION_ROWS = [
    ("shipped", "shipped selection"),
    ("oracle_sentences", "(a) greedy oracle over whole candidate sentences"),
    ("oracle_clauses", "(a) greedy oracle over clauses"),
    ("b", "**(b)** shipped selection; clauses with no reference bigram deleted; freed budget refilled"),
    ("b_no_refill", "(b) without the refill (the crossing fill sentence moves up)"),
    ("b_iterated", "(b) iterated: refill picks compressed too, 3 rounds"),
    ("b_20", "(b′) as (b), but deletes clauses with < 20% of their bigrams in a reference"),
    ("c", "(c) every candidate oracle-compressed as in (b), *then* the shipped selection"),
    ("c_20", "(c′) as (c) with the < 20% rule of (b′)"),
    ("deleted", "syllables deleted per summary by (b)"),
    ("sentences", "candidate sentences per cluster"),
    ("clauses", "clauses per cluster"),
]


def gain_summary(results: Results, key: str = "b", base: str = "shipped") -> str:
    """Per column: the range of the per-fold mean gains of ``key`` over ``base``; clusters gaining and losing."""
    lines = []
    for corpus, shape in COLUMNS:
        folds = results[(corpus, shape)]
        gains = [float(np.mean([r[key] - r[base] for r in fold])) for fold in folds]
        deltas = [r[key] - r[base] for fold in folds for r in fold]
        lines.append(
            f"- {CORPUS_NAMES[corpus]} {shape}: ({key}) - {base} per fold {min(gains):+.2f} to {max(gains):+.2f}; "
            f"clusters gaining {100 * np.mean([d > 0 for d in deltas]):.0f}%, "
            f"losing {100 * np.mean([d < 0 for d in deltas]):.0f}%"
        )
    return "\n".join(lines)


# --- lexical priors ---------------------------------------------------------------------------

PRIOR_SMOOTHING = 5.0  # pseudo-count pulling a rare unit's rate toward the mean rate p0 (the spike's A)
INNER_FOLDS = 5  # training rows get priors from the other 4/5 of the training clusters
Units = tuple[set[str], set[Bigram]]  # syllables and bigrams of a text
Pair = tuple[Units, list[Units]]  # an input and its summaries


def units_of(text: str) -> Units:
    tokens = syllables(text)
    return set(tokens), set(zip(tokens, tokens[1:]))


@dataclass(frozen=True)
class PriorTable:
    """log P(summary keeps the unit | input has it), smoothed toward the mean rate p0."""

    log_rate: dict
    default: float  # log p0, for units no training input had

    @classmethod
    def fit(cls, pairs: Sequence[Pair], level: int) -> "PriorTable":
        """``level`` 0: syllables, 1: bigrams. A unit in k of n summaries of an input counts k/n."""
        kept: Counter = Counter()
        seen: Counter = Counter()
        for inp, summaries in pairs:
            for x in inp[level]:
                seen[x] += 1
                kept[x] += sum(x in s[level] for s in summaries) / len(summaries)
        p0 = sum(kept.values()) / max(sum(seen.values()), 1)
        rates = {x: math.log((kept[x] + PRIOR_SMOOTHING * p0) / (n + PRIOR_SMOOTHING)) for x, n in seen.items()}
        return cls(rates, math.log(p0))

    def get(self, x) -> float:
        return self.log_rate.get(x, self.default)


Priors = list[tuple[PriorTable, PriorTable]]  # (syllable, bigram) tables, one pair per source


def prior_columns(bigrams: Sequence[Bigram], priors: Priors) -> list[np.ndarray]:
    """Per source: prior of the first and second syllable, their minimum, of the bigram, bigram seen."""
    cols = []
    for syl, big in priors:
        pu = np.array([syl.get(u) for u, _ in bigrams])
        pv = np.array([syl.get(v) for _, v in bigrams])
        cols += [pu, pv, np.minimum(pu, pv), np.array([big.get(b) for b in bigrams]),
                 np.array([b in big.log_rate for b in bigrams], dtype=float)]
    return cols


class LexicalPriors:
    """Units of every cluster's input, references and body -> lede pairs, for priors over any clusters."""

    SOURCES = {"ref": ("ref",), "both": ("ref", "lede")}

    def __init__(self, shapes: dict[str, list[train.Item]], variant: str):
        self.shapes = shapes
        self.sources = self.SOURCES[variant]
        bodies = shapes["body"]
        self.pairs = {
            "ref": [[(self._cluster_units(it), [units_of(r) for r in it.cluster.references])] for it in bodies],
            "lede": [self._lede_pairs(b, l) for b, l in zip(bodies, shapes["lede"])],
        }

    @staticmethod
    def _cluster_units(item: train.Item) -> Units:
        syl: set[str] = set()
        big: set[Bigram] = set()
        for article in item.cluster.articles:
            s, b = units_of(article.text)
            syl |= s
            big |= b
        return syl, big

    @staticmethod
    def _lede_pairs(body: train.Item, with_lede: train.Item) -> list[Pair]:
        """(body, [lede]) of each article with a lede of 5 syllables or more."""
        out = []
        for b, l in zip(body.cluster.articles, with_lede.cluster.articles):
            lede = l.text[: len(l.text) - len(b.text)]
            if l.text != b.text and len(syllables(lede)) >= 5:
                out.append((units_of(b.text), [units_of(lede)]))
        return out

    def priors(self, clusters: Sequence[int]) -> Priors:
        out = []
        for source in self.sources:
            pairs = [p for n in clusters for p in self.pairs[source][n]]
            out.append((PriorTable.fit(pairs, 0), PriorTable.fit(pairs, 1)))
        return out

    @staticmethod
    def features(item: train.Item, idf: dict, idf_default: float, priors: Priors) -> tuple[list[Bigram], np.ndarray]:
        """The shipped bigram features followed by the prior columns."""
        bigrams, X = bigram_features(item.view, idf, idf_default)
        return bigrams, np.column_stack([X] + prior_columns(bigrams, priors))

    def fit(self, train_idx: list[int]) -> tuple[ConceptModel, Priors]:
        """A concept model on the base features + priors; training rows use out-of-fold priors."""
        idf, idf_default = train.syllable_idf([self.shapes[s][n] for s in train.SHAPES for n in train_idx])
        inner = {n: k % INNER_FOLDS for k, n in enumerate(train_idx)}
        oof = [self.priors([n for n in train_idx if inner[n] != f]) for f in range(INNER_FOLDS)]
        xs, ys = [], []
        for shape in train.SHAPES:
            for n in train_idx:
                item = self.shapes[shape][n]
                bigrams, X = self.features(item, idf, idf_default, oof[inner[n]])
                xs.append(X)
                ys.append(train.labels(item, bigrams, 1))
        model = train.fit_rows(np.vstack(xs), np.vstack(ys), idf, idf_default)
        return model, self.priors(train_idx)

    def score(self, fitted: tuple[ConceptModel, Priors], item: train.Item) -> dict[str, float]:
        model, priors = fitted
        bigrams, X = self.features(item, model.idf, model.idf_default, priors)
        return {"fill": train.summary_rouge2(item, bigrams, model.weights(X), model.params)}



# --- article shape: does the input open with a lede? ------------------------------------------

# Features about where a bigram first occurs: what a lede in front of the body changes.
SHAPE_INTERACTED = ("min_rel_pos", "log_min_index", "first_frac", "lede_frac", "pos_weighted", "voice_pos",
                    "min_candidate_index", "log_min_paragraph", "lede_like_frac", "only_lede_like")


def restated_ledes(view: ClusterView) -> list[float]:
    """Per article: share of its lede-like paragraph's content bigrams the rest of the article restates (0: none)."""
    lede: list[set[Bigram]] = [set() for _ in view.articles]
    rest: list[set[Bigram]] = [set() for _ in view.articles]
    for s in view.sentences:
        (lede if s.lede_like else rest)[s.article].update(content_bigrams(s.tokens))
    return [len(l & r) / len(l) if l else 0.0 for l, r in zip(lede, rest)]


def sapo_share(view: ClusterView) -> float:
    """Mean over the articles of :func:`restated_ledes`: a sapo summarizes the body that follows it."""
    return float(np.mean(restated_ledes(view))) if view.articles else 0.0


SHAPE_PROPERTIES = {"lede": lede_share, "sapo": sapo_share}


def with_shape(X: np.ndarray, share: float) -> np.ndarray:
    """The shipped columns, the cluster's share, and the position/lede columns times the share."""
    idx = [FEATURES.index(name) for name in SHAPE_INTERACTED]
    return np.column_stack([X, np.full(len(X), share), X[:, idx] * share])


def article_sapo_columns(view: ClusterView, bigrams: Sequence[Bigram], X: np.ndarray) -> list[np.ndarray]:
    """Per bigram: its occurrences in lede-like sentences weighted by their article's restated share
    (mean over its occurrences, and the maximum)."""
    row = {b: k for k, b in enumerate(bigrams)}
    weight = restated_ledes(view)
    total = np.zeros(len(bigrams))
    best = np.zeros(len(bigrams))
    for s in view.sentences:
        if s.lede_like and weight[s.article] > 0:
            for b in zip(s.tokens, s.tokens[1:]):
                total[row[b]] += weight[s.article]
                best[row[b]] = max(best[row[b]], weight[s.article])
    count = np.expm1(X[:, FEATURES.index("log_count")])
    return [total / np.maximum(count, 1), best]


class ShapeClassifier:
    """P(a lede-like first paragraph is a sapo in front of the body, not the body's own first
    paragraph) from :func:`shape_signals`: a logistic regression (balanced classes) fitted on the
    training clusters of a fold, each in both shapes (body = 0, lede + body = 1); clusters with no
    lede-like paragraph are left out, and get P = 0."""

    def __init__(self, views: Sequence[ClusterView], is_lede: Sequence[int], balanced: bool = True):
        from sklearn.linear_model import LogisticRegression

        pairs = [(x, y) for x, y in zip(map(shape_signals, views), is_lede) if x is not None]
        signals, labels = np.array([x for x, _ in pairs]), np.array([y for _, y in pairs])
        self.mean, self.scale = signals.mean(axis=0), signals.std(axis=0)
        self.scale[self.scale == 0] = 1.0
        self.clf = LogisticRegression(C=train.C_REG, class_weight="balanced" if balanced else None, max_iter=2000, random_state=train.SEED)
        self.clf.fit((signals - self.mean) / self.scale, labels)

    def p_lede(self, view: ClusterView) -> float:
        x = shape_signals(view)
        return 0.0 if x is None else float(self.clf.predict_proba(((x - self.mean) / self.scale)[None])[0, 1])


class ShapeVariants:
    """One fold's concept models with and without the shape property, and shape-specific models
    blended per cluster. ``group`` picks the variants (each group is one run of ``shape``)."""

    GROUPS = {
        # concept models fitted on both shapes with these feature sets; blends of the shape-specific models
        "interactions": (("shipped", "x-lede", "x-sapo", "x-sapo+article"), ("lede", "sapo")),
        "classifier": (("shipped", "x-classifier"), ("classifier", "switch", "3way")),
        # the same classifier without class weights (training prior: 2 lede clusters for 1 body)
        "classifier-prior": (("shipped",), ("classifier", "3way", "3way-shipped")),
    }

    def __init__(self, shapes: dict[str, list[train.Item]], group: str):
        self.shapes = shapes
        self.balanced = group != "classifier-prior"
        self.fitted, self.blends = self.GROUPS[group]

    def inputs(self, item: train.Item, idf: dict, idf_default: float, shape: "ShapeClassifier") -> dict[str, object]:
        bigrams, X = bigram_features(item.view, idf, idf_default)
        out: dict[str, object] = {"bigrams": bigrams, "shipped": X}
        p_lede = shape.p_lede(item.view)
        shares = {name: f(item.view) for name, f in SHAPE_PROPERTIES.items()}
        shares.update(classifier=p_lede, switch=float(p_lede >= 0.5))
        out["shares"] = shares
        if "x-classifier" in self.fitted:
            out["x-classifier"] = with_shape(X, p_lede)
        if "x-lede" in self.fitted:
            for name, share in shares.items():
                out[f"x-{name}"] = with_shape(X, share)
            out["x-sapo+article"] = np.column_stack([out["x-sapo"]] + article_sapo_columns(item.view, bigrams, X))
        return out

    def fit(self, train_idx: list[int]) -> dict[str, object]:
        idf, idf_default = train.syllable_idf([self.shapes[s][n] for s in train.SHAPES for n in train_idx])
        classifier = ShapeClassifier([self.shapes[shape][n].view for shape in train.SHAPES for n in train_idx],
                                     [int(shape == "lede") for shape in train.SHAPES for n in train_idx], self.balanced)
        rows: dict[str, dict[str, list]] = {shape: defaultdict(list) for shape in train.SHAPES}
        for shape in train.SHAPES:
            for n in train_idx:
                item = self.shapes[shape][n]
                got = self.inputs(item, idf, idf_default, classifier)
                rows[shape]["Y"].append(train.labels(item, got["bigrams"], 1))
                for key in self.fitted:
                    rows[shape][key].append(got[key])

        def stack(key: str, shapes: Sequence[str]) -> np.ndarray:
            return np.vstack([x for shape in shapes for x in rows[shape][key]])

        models: dict[str, object] = {
            key: train.fit_rows(stack(key, train.SHAPES), stack("Y", train.SHAPES), idf, idf_default)
            for key in self.fitted
        }
        for shape in train.SHAPES:
            models[f"{shape}-trained"] = train.fit_rows(stack("shipped", [shape]), stack("Y", [shape]), idf, idf_default)
        models["shape"] = classifier
        return models

    def score(self, models: dict[str, object], item: train.Item) -> dict[str, float]:
        shipped = models["shipped"]
        got = self.inputs(item, shipped.idf, shipped.idf_default, models["shape"])
        X = got["shipped"]
        weights = {key: models[key].weights(got[key]) for key in self.fitted}
        body, lede = models["body-trained"].weights(X), models["lede-trained"].weights(X)
        weights["body-trained"], weights["lede-trained"] = body, lede
        shares = got["shares"]
        for name in self.blends:
            if name == "3way":  # articles without a lede-like paragraph: the model trained on both shapes
                ledes, p = shares["lede"], shares["classifier"]
                weights["blend-3way"] = ledes * (p * lede + (1 - p) * body) + (1 - ledes) * weights["shipped"]
            elif name == "3way-shipped":  # as 3way, the model trained on both shapes in place of lede-trained
                ledes, p = shares["lede"], shares["classifier"]
                weights[name] = ledes * (p * weights["shipped"] + (1 - p) * body) + (1 - ledes) * weights["shipped"]
            else:
                weights[f"blend-{name}"] = shares[name] * lede + (1 - shares[name]) * body
        out = {key: train.summary_rouge2(item, got["bigrams"], w, shipped.params) for key, w in weights.items()}
        out.update({f"share-{name}": share for name, share in shares.items()})
        return out


SHAPE_ROWS = [
    ("shipped", "one regression on both shapes, 36 features (shipped before the shape mix)"),
    ("body-trained", "trained on bodies only"),
    ("lede-trained", "trained on lede + body only"),
    ("x-lede", "+ lede share and position/lede features x lede share"),
    ("x-sapo", "+ restated-lede share and position/lede features x it"),
    ("x-sapo+article", "as x-sapo, + lede occurrences weighted by their article's restated share"),
    ("x-classifier", "+ shape classifier's P(lede) and position/lede features x it"),
    ("blend-lede", "lede-trained and body-trained weights blended by the lede share"),
    ("blend-sapo", "lede-trained and body-trained weights blended by the restated-lede share"),
    ("blend-classifier", "lede-trained and body-trained weights blended by the shape classifier's P(lede)"),
    ("blend-switch", "lede-trained model if the shape classifier's P(lede) >= 0.5, else body-trained"),
    ("blend-3way", "per article share: no lede-like paragraph -> both-shapes weights, else blend-classifier"),
    ("3way-shipped", "as blend-3way, the both-shapes weights in place of the lede-trained ones"),
]
SHAPE_SHARES = ("lede", "sapo", "classifier", "switch")


# --- command line -----------------------------------------------------------------------------

def run_compression(shapes: dict[str, list[train.Item]]) -> str:
    results = cross_validate(shapes, fold_models(shapes), score_compression)
    return "\n\n".join([
        f"Oracle clause compression, ROUGE-2 F1 x100 (fill mode), {FOLDS}-fold CV models of train --cv {FOLDS}",
        format_table(results, COMPRESSION_ROWS),
        gain_summary(results),
    ])


def run_lexical_prior(shapes: dict[str, list[train.Item]], variant: str) -> str:
    priors = LexicalPriors(shapes, variant)
    results = cross_validate(shapes, priors.fit, priors.score)
    return "\n\n".join([
        f"Lexical priors ({variant}) as extra concept features, ROUGE-2 F1 x100 (fill mode), {FOLDS}-fold CV",
        format_table(results, [("fill", f"priors: {variant}")]),
    ])


def run_shape(shapes: dict[str, list[train.Item]], group: str) -> str:
    variants = ShapeVariants(shapes, group)
    results = cross_validate(shapes, variants.fit, variants.score)
    keys = set(results[COLUMNS[0]][0][0])
    shares = format_table(results, [(f"share-{name}", f"mean {name}") for name in SHAPE_SHARES], decimals=3)
    return "\n\n".join([
        f"Article shape as a model input, ROUGE-2 F1 x100 (fill mode), {FOLDS}-fold CV",
        format_table(results, [(key, label) for key, label in SHAPE_ROWS if key in keys]),
        "Cluster shape properties (mean over clusters)",
        shares,
    ])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.summary_ceiling", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="experiment", metavar="{compression,lexical-prior,shape}")
    example = "example: .venv/bin/python -m benchmarks.summary_ceiling "
    sub.add_parser("compression", help="oracle clause-deletion ceiling", epilog=example + "compression > ceiling.md")
    prior = sub.add_parser("lexical-prior", help="summary-worthiness priors as concept features",
                           epilog=example + "lexical-prior --variant both")
    prior.add_argument("--variant", choices=sorted(LexicalPriors.SOURCES), default="ref",
                       help="ref: priors from training references; both: plus body -> lede pairs (default ref)")
    shape = sub.add_parser("shape", help="lede/body shape property as a model input or a blend weight",
                           epilog=example + "shape --variants classifier")
    shape.add_argument("--variants", choices=sorted(ShapeVariants.GROUPS), default="interactions",
                       help="interactions: shape share x position features, blends by the share; "
                            "classifier: blends by a learned shape classifier; classifier-prior: the same without class weights (default interactions)")
    args = parser.parse_args(argv)
    if args.experiment is None:  # `benchmarks.run` calls main([]): these take minutes each, so name one
        parser.print_help(sys.stderr)
        return 0
    logging.basicConfig(level=logging.INFO, format="%(message)s", stream=sys.stderr)
    np.random.seed(train.SEED)
    started = time.perf_counter()
    shapes = train.load_shapes()
    log.info("loaded %d clusters in %.0f s", len(shapes["body"]), time.perf_counter() - started)
    if args.experiment == "compression":
        print(run_compression(shapes))
    elif args.experiment == "shape":
        print(run_shape(shapes, args.variants))
    else:
        print(run_lexical_prior(shapes, args.variant))
    log.info("done in %.0f s", time.perf_counter() - started)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
