"""Briefs beside the lead, for reading: held-out events, bantin's brief and the earliest article's
first sentences (``lead-1doc``, what readers preferred in issue 9's blind read) at the same budget.

    .venv/bin/python -m benchmarks.read_briefs [--n 12] [--corpus vmds,abmusu,realweb] [--body]

Clusters: the held-out part of VMDS + AbMuSu-train (:func:`heldout_ids`, 15%, seed 20269; never
used for tuning), evenly mixed, plus the realweb-dev events (budget 100 syllables). Each brief
sentence shows where it comes from (article number in time order, sentence index). Not a score:
a page to read against the articles.
"""
from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

from bantin.evaluate.corpora import Cluster, corpus_path, load_abmusu, load_vmds, shared_dir
from bantin.evaluate.peers import in_time_order, lead_1doc
from bantin.evaluate.rouge import mean_reference_length
from bantin.summarize import summarize

HOLDOUT_SEED = 20269
HOLDOUT_SHARE = 0.15


def heldout_ids(ids: list[str]) -> set[str]:
    """The fixed 15% of cluster ids never used for tuning the brief (seed 20269)."""
    rng = random.Random(HOLDOUT_SEED)
    return set(rng.sample(sorted(ids), round(HOLDOUT_SHARE * len(ids))))


def realweb_events() -> list[Cluster]:
    import bantin

    root = shared_dir() / "datasets" / "realweb-dev"
    if not (root / "events.json").is_file():
        return []
    out = []
    for event in json.loads((root / "events.json").read_text(encoding="utf-8")):
        articles = bantin.read_articles([str(root / f) for f in event["files"]])
        cleaned = tuple(bantin.clean(a) for a in getattr(articles, "articles", articles))
        out.append(Cluster(id=event["event"], articles=cleaned, references=()))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=12, help="corpus clusters to show (default 12)")
    parser.add_argument("--corpus", default="vmds,abmusu,realweb")
    parser.add_argument("--body", action="store_true", help="articles without their lede (sapo)")
    parser.add_argument("--seed", type=int, default=1, help="which held-out clusters to show")
    args = parser.parse_args(argv)
    wanted = args.corpus.split(",")
    pools: list[list[Cluster]] = []
    for name, loader in (("vmds", load_vmds), ("abmusu", load_abmusu)):
        path = corpus_path(name)
        if name in wanted and path is not None:
            clusters = loader(path, include_lede=not args.body)
            held = heldout_ids([c.id for c in clusters])
            pool = [c for c in clusters if c.id in held]
            random.Random(args.seed).shuffle(pool)
            pools.append(pool)
    shown = [c for group in zip(*pools) for c in group][: args.n] if pools else []
    if "realweb" in wanted:
        shown += realweb_events()
    for c in shown:
        budget = mean_reference_length(c.references) if c.references else 100
        ordered = in_time_order(c.articles)
        number = {a.id: k + 1 for k, a in enumerate(ordered)}
        print(f"=== {c.id} ({len(c.articles)} articles, budget {budget})")
        for a in ordered:
            print(f"  [{number[a.id]}] {a.source or '-'} {a.published or ''} | {a.title}")
        print("--- lead-1doc")
        print(lead_1doc(c.articles, budget))
        print("--- bantin")
        for s in summarize(c.articles, budget).sentences:
            ref = s.sources[0]
            print(f"  ({number[ref.article_id]}.{ref.sentence_index}) {s.text}")
        if c.references:
            print("--- reference")
            print(c.references[0])
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
