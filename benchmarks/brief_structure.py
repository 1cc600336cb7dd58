"""Where a brief's lede comes from and in what order references tell the story (training split).

    .venv/bin/python -m benchmarks.brief_structure lede    # lede choices vs the reference's first sentence
    .venv/bin/python -m benchmarks.brief_structure order   # sentence orders vs the reference order

Clusters: VMDS + AbMuSu-train minus the held-out split (``bantin.evaluate.heldout.is_held_out``,
seed 20269), both article shapes (body only / sapo in front). The shipped concept model is used
(trained on all clusters: in-sample, which favours the weight-based choices equally).

``lede``: for every cluster, the opener candidates of ``summarize.lede.opener_candidates`` that
can stand alone; each rule picks one; score = ROUGE-2 F of the pick against the reference's first
sentence (best reference), x100, mean over clusters. ``oracle`` = the best candidate.

``order``: the shipped selection (fill off), then each ordering; Kendall tau between the brief's
order and the positions of the reference sentences its sentences match (bigram containment
>= 0.3), over briefs with >= 3 matched sentences.
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter

import numpy as np

from bantin.summarize import DEFAULT_PARAMS, select_sentences
from bantin.summarize.features import bigram_features, content_bigrams
from bantin.summarize.lede import LONG, SUPPORT_FLOOR, opener_candidates, support
from bantin.summarize.model import load_model
from bantin.summarize.order import needs_predecessor, reading_order, story_order
from bantin.text import split_sentences, syllables
from bantin.evaluate.heldout import is_held_out


def _r2(a: list[str], b: list[str]) -> float:
    A, B = Counter(zip(a, a[1:])), Counter(zip(b, b[1:]))
    m = sum((A & B).values())
    if not m:
        return 0.0
    p, r = m / sum(A.values()), m / sum(B.values())
    return 2 * p * r / (p + r)


def _training_items():
    from bantin.summarize.train import load_shapes

    shapes = load_shapes()
    return {shape: [it for it in items if not is_held_out(it.cluster.id)] for shape, items in shapes.items()}


def lede_table() -> None:
    model = load_model()
    rules = {
        "earliest article's first sentence": lambda c: (-c["rank"], -c["index"]),
        "cross-source support": lambda c: c["support"],
        "concept weight": lambda c: c["weight"],
        "concept weight per syllable": lambda c: c["weight"] / c["words"],
        f"weight capped at {LONG} syl. x ({SUPPORT_FLOOR} + support) (shipped)":
            lambda c: c["capped"] * (SUPPORT_FLOOR + c["support"]),
        "oracle": lambda c: c["q"],
    }
    res: dict[tuple[str, str, str], list[float]] = {}
    for shape, items in _training_items().items():
        for it in items:
            view = it.view
            bigrams, X = bigram_features(view, model.idf, model.idf_default)
            W = model.weights(X, view)[:, 0]
            weight = dict(zip(bigrams, W))
            refs = [syllables(split_sentences(r)[0]) for r in it.cluster.references]
            voice_sets: list[set] = [set() for _ in range(view.n_voices)]
            for s in view.sentences:
                voice_sets[view.voices[s.article]].update(content_bigrams(s.tokens))
            frozen = [frozenset(v) for v in voice_sets]
            cands = []
            for s in opener_candidates(view):
                if not s.candidate or needs_predecessor(s.text):
                    continue
                w = sum(weight.get(b, 0.0) for b in zip(s.tokens, s.tokens[1:]))
                cands.append({
                    "rank": view.rank[s.article], "index": s.index, "words": max(s.words, 1), "weight": w,
                    "capped": w * min(1.0, LONG / max(s.words, 1)),
                    "support": support(s, frozen, view.voices[s.article]),
                    "q": max(_r2(s.tokens, r) for r in refs),
                })
            if not cands:
                continue
            for name, key in rules.items():
                res.setdefault((it.corpus, shape, name), []).append(max(cands, key=key)["q"])
    print("| rule | VMDS body | VMDS sapo | AbMuSu body | AbMuSu sapo |")
    print("|---|---:|---:|---:|---:|")
    for name in rules:
        cells = [100 * np.mean(res[(c, s, name)]) for c in ("vmds", "abmusu") for s in ("body", "lede")]
        print(f"| {name} | " + " | ".join(f"{x:.1f}" for x in cells) + " |")
    print(f"\nclusters: " + ", ".join(f"{c} {s} {len(res[(c, s, 'oracle')])}" for c in ("vmds", "abmusu") for s in ("body", "lede")))


def order_table() -> None:
    from scipy.stats import kendalltau

    model = load_model()
    params = {**DEFAULT_PARAMS, **model.params}

    def matched(tokens: list[str], ref: list[list[str]]) -> int | None:
        have = set(zip(tokens, tokens[1:]))
        best, at = 0.0, None
        for k, r in enumerate(ref):
            share = len(have & set(zip(r, r[1:]))) / max(len(have), 1)
            if share > best:
                best, at = share, k
        return at if best >= 0.3 else None

    res: dict[tuple[str, str, str], list[float]] = {}
    for shape, items in _training_items().items():
        for it in items:
            bigrams, X = bigram_features(it.view, model.idf, model.idf_default)
            chosen = select_sentences(it.view, bigrams, model.weights(X, it.view), it.budget, params=params)
            if len(chosen) < 3:
                continue
            orders = {
                "publication time, then position (before)": reading_order([(s.article, s.index) for s in chosen], it.view.rank),
                "lede, then relative position (shipped)": story_order([(s.article, s.index, s.rel_pos, s.text) for s in chosen], 0),
                "lede, then sentence index": story_order([(s.article, s.index, s.index, s.text) for s in chosen], 0),
            }
            for ref_text in it.cluster.references:
                ref = [syllables(x) for x in split_sentences(ref_text)]
                for name, order in orders.items():
                    pos = [matched(chosen[k].tokens, ref) for k in order]
                    pairs = [(k, p) for k, p in enumerate(pos) if p is not None]
                    if len(pairs) >= 3 and len({p for _, p in pairs}) > 1:
                        res.setdefault((it.corpus, shape, name), []).append(
                            kendalltau([k for k, _ in pairs], [p for _, p in pairs]).statistic)
    print("| order | VMDS body | VMDS sapo | AbMuSu body | AbMuSu sapo |")
    print("|---|---:|---:|---:|---:|")
    for name in sorted({k[2] for k in res}):
        cells = [np.mean(res.get((c, s, name), [np.nan])) for c in ("vmds", "abmusu") for s in ("body", "lede")]
        print(f"| {name} | " + " | ".join(f"{x:.2f}" for x in cells) + " |")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("what", choices=("lede", "order"))
    args = parser.parse_args(argv)
    (lede_table if args.what == "lede" else order_table)()
    return 0


if __name__ == "__main__":
    sys.exit(main())
