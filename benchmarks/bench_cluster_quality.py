"""Event clustering quality on the pooled corpora, thresholds chosen on the *other* corpus.

For each direction (tune on AbMuSu-train -> report VMDS, tune on VMDS -> report AbMuSu-train):
bantin's threshold is swept on the tuning corpus and the best one is used on the reported corpus;
the baselines (all-pairs TF-IDF average linkage, single-pass TDT) get their best threshold on the
reported corpus itself (an oracle, generous to them). ``bantin-online`` is the online
assignment of ``EventClusterer.add`` (threshold also chosen on the other corpus); its shuffled
runs measure the order dependence. Also: the sweep curves, 5 shuffled input
orders (stability), and the near-duplicate check (how many copy groups mix gold clusters).

Same numbers as ``bantin evaluate CORPUS --task cluster --tune-on OTHER``.

    .venv/bin/python -m benchmarks.bench_cluster_quality [--shuffles 5]
"""
from __future__ import annotations

import argparse
import sys

from bantin.cluster.dedup import find_duplicates
from bantin.evaluate.clustering import evaluate_corpus, format_results, pooled, sweep
from bantin.evaluate.corpora import corpus_path


def dedup_check(path) -> str:
    articles, gold = pooled(path)
    groups = find_duplicates(articles)
    mixed = sum(1 for g in groups if len({gold[articles[i].id] for i in g.members}) > 1)
    copies = sum(len(g.members) for g in groups)
    return f"{len(groups)} copy groups ({copies} articles), {mixed} of them mix gold clusters"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shuffles", type=int, default=5)
    parser.add_argument("--curves", action="store_true", help="print bantin's sweep on both corpora")
    args = parser.parse_args(argv)
    vmds, abmusu = corpus_path("vmds"), corpus_path("abmusu")
    if vmds is None or abmusu is None:
        print("needs ../shared/datasets/vmds and abmusu-train", file=sys.stderr)
        return 2
    for name, path, other in (("VMDS", vmds, abmusu), ("AbMuSu-train", abmusu, vmds)):
        results = evaluate_corpus(path, tune_on=other, shuffles=args.shuffles, online=True)
        print(f"### {name} (pooled, shuffled with seed 13; bantin's threshold tuned on the other corpus)\n")
        print(format_results(results, markdown=True))
        print(f"\ncopies: {dedup_check(path)}\n")
        if args.curves:
            articles, gold = pooled(path)
            curve = sweep("bantin", articles, gold)
            print("bantin sweep on itself: " + ", ".join(f"{t:.2f}:{f:.4f}" for t, f in curve) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
