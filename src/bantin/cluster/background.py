"""Build the shipped background document frequencies (``bantin/data/cluster_df.json``).

Counts, per feature block (text, title, entities, numbers), in how many articles of the
background corpora each term occurs, and keeps the terms with at least ``--min-df`` (text and
title terms) or ``--min-df-rare`` (proper nouns, numbers) articles. Only terms and counts are
written, never text. :func:`bantin.cluster.features.shipped_background` loads it.

    .venv/bin/python -m bantin.cluster.background [--corpus vmds --corpus abmusu]
"""
from __future__ import annotations

import argparse
import json
import sys

from bantin.cluster.features import _SHIPPED, term_counts
from bantin.evaluate.clustering import pooled
from bantin.evaluate.corpora import corpus_path


def build(corpora: list[str], min_df: int = 3, min_df_rare: int = 2) -> dict:
    articles = []
    for name in corpora:
        path = corpus_path(name)
        if path is None:
            raise SystemExit(f"corpus {name} not found (../shared/datasets)")
        articles.extend(pooled(path)[0])
    counts = term_counts(articles)
    limits = {"text": min_df, "title": min_df_rare, "entities": min_df_rare, "numbers": min_df_rare}
    df = {block: {t: c for t, c in terms.items() if c >= limits[block]} for block, terms in counts.items()}
    return {"documents": len(articles), "corpora": corpora, "min_df": limits, "df": df}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", action="append", help="corpus name (default: vmds and abmusu)")
    parser.add_argument("--min-df", type=int, default=3)
    parser.add_argument("--min-df-rare", type=int, default=2)
    parser.add_argument("--output", default=str(_SHIPPED))
    args = parser.parse_args(argv)
    table = build(args.corpus or ["vmds", "abmusu"], args.min_df, args.min_df_rare)
    with open(args.output, "w", encoding="utf-8") as handle:
        json.dump(table, handle, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    sizes = {block: len(terms) for block, terms in table["df"].items()}
    print(f"{args.output}: {table['documents']} documents, terms per block {sizes}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
