"""Briefs beside the lead, for reading while developing: development events only.

    .venv/bin/python -m benchmarks.read_briefs [--n 12] [--seed 1] [--body]

Clusters: the dev part of VMDS and AbMuSu-train (``bantin.evaluate.heldout``: the held-out
clusters and the realweb-dev events are never shown here, so reading cannot tune on them), evenly
mixed and seeded, their articles cleaned as ``bantin summarize`` cleans its inputs. For each: the
titles in time order, the earliest article's first sentences (``lead-1doc``, the blind read's
baseline) and bantin's brief at the same budget (mean reference length), each brief sentence with
where it comes from (article number in time order . sentence index | syllables), and the first
reference. Not a score: a page to read against the articles.
"""
from __future__ import annotations

import argparse
import random
import sys

from bantin.evaluate.corpora import Cluster
from bantin.evaluate.heldout import load_split
from bantin.evaluate.peers import in_time_order, lead_1doc
from bantin.evaluate.rouge import mean_reference_length
from bantin.summarize import summarize
from bantin.text import count_syllables


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=12, help="clusters to show, half VMDS, half AbMuSu (default 12)")
    parser.add_argument("--body", action="store_true", help="articles without their lede (sapo)")
    parser.add_argument("--seed", type=int, default=1, help="which dev clusters to show")
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)
    pools: list[list[Cluster]] = []
    for name in ("vmds", "abmusu"):
        try:
            pool = load_split(name, "dev", include_lede=not args.body, clean=True)
        except FileNotFoundError as error:
            print(f"read_briefs: {error}; skipped", file=sys.stderr)
            continue
        rng.shuffle(pool)
        pools.append(pool)
    shown = [c for group in zip(*pools) for c in group][: args.n] if pools else []
    for c in shown:
        budget = mean_reference_length(c.references)
        ordered = in_time_order(c.articles)
        number = {a.id: k + 1 for k, a in enumerate(ordered)}
        print(f"=== {c.id} ({len(c.articles)} articles, budget {budget})")
        for a in ordered:
            print(f"  [{number[a.id]}] {a.source or '-'} {a.published or ''} | {a.title}")
        print("--- lead-1doc")
        print(lead_1doc(c.articles, budget))
        print("--- bantin")
        for s in summarize(list(c.articles), budget).sentences:
            ref = s.sources[0]
            print(f"  ({number[ref.article_id]}.{ref.sentence_index}|{count_syllables(s.text)}) {s.text}")
        print("--- reference")
        print(c.references[0])
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
