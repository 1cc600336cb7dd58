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

Each takes about 5-10 minutes on 2 cores. Progress goes to stderr, the markdown table to stdout.

    .venv/bin/python -m benchmarks.summary_ceiling compression
    .venv/bin/python -m benchmarks.summary_ceiling lexical-prior --variant ref
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
from bantin.summarize.features import Bigram, ClusterView, Sentence, bigram_features, bigrams_of
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
    sel = Selection(view, bigrams, model.weights(X), budget, dict(model.params))

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
        from sklearn.linear_model import LogisticRegression

        idf, idf_default = train.syllable_idf([self.shapes[s][n] for s in train.SHAPES for n in train_idx])
        inner = {n: k % INNER_FOLDS for k, n in enumerate(train_idx)}
        oof = [self.priors([n for n in train_idx if inner[n] != f]) for f in range(INNER_FOLDS)]
        xs, ys = [], []
        for shape in train.SHAPES:
            for n in train_idx:
                item = self.shapes[shape][n]
                bigrams, X = self.features(item, idf, idf_default, oof[inner[n]])
                xs.append(X)
                ys.append(train.labels(item, bigrams, 1)[:, 0])
        X, y = np.vstack(xs), np.concatenate(ys)
        mean, scale = X.mean(axis=0), X.std(axis=0)
        scale[scale == 0] = 1.0
        Z = (X - mean) / scale
        # Fractional targets as two weighted rows, as train.fit does.
        target = np.concatenate([np.ones(len(y)), np.zeros(len(y))])
        weight = np.concatenate([y, 1.0 - y])
        keep = weight > 0
        clf = LogisticRegression(C=train.C_REG, max_iter=3000, random_state=train.SEED)
        clf.fit(np.vstack([Z, Z])[keep], target[keep], sample_weight=weight[keep])
        model = ConceptModel(mean=mean, scale=scale, coef=clf.coef_.copy(), intercept=clf.intercept_.copy(),
                             idf=idf, idf_default=idf_default)
        return model, self.priors(train_idx)

    def score(self, fitted: tuple[ConceptModel, Priors], item: train.Item) -> dict[str, float]:
        model, priors = fitted
        bigrams, X = self.features(item, model.idf, model.idf_default, priors)
        picked = select_sentences(item.view, bigrams, model.weights(X), item.budget, fill=True, params=model.params)
        text = build_summary(item.view, picked, item.budget).text
        return {"fill": train.rouge2(text, item.cluster.references, item.budget)}


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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.summary_ceiling", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="experiment", metavar="{compression,lexical-prior}")
    example = "example: .venv/bin/python -m benchmarks.summary_ceiling "
    sub.add_parser("compression", help="oracle clause-deletion ceiling", epilog=example + "compression > ceiling.md")
    prior = sub.add_parser("lexical-prior", help="summary-worthiness priors as concept features",
                           epilog=example + "lexical-prior --variant both")
    prior.add_argument("--variant", choices=sorted(LexicalPriors.SOURCES), default="ref",
                       help="ref: priors from training references; both: plus body -> lede pairs (default ref)")
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
    else:
        print(run_lexical_prior(shapes, args.variant))
    log.info("done in %.0f s", time.perf_counter() - started)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
