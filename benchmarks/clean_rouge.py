"""Does cleaning help summaries? ROUGE of peer systems on raw vs cleaned VMDS/AbMuSu articles.

The corpora's bodies were extracted by their authors, so the cleaner has little to remove (VMDS:
bylines and photo captions run into the one-line bodies). A score that drops after cleaning
would mean body text was removed.

    .venv/bin/python -m benchmarks.clean_rouge [--systems lead,lexrank]
"""
from __future__ import annotations

import argparse
import dataclasses

from bantin.evaluate.corpora import corpus_path, load_corpus
from bantin.evaluate.summaries import evaluate_summaries
from bantin.ingest.boilerplate import clean_article


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--systems", default="lead,lexrank", help="comma-separated peer systems")
    args = parser.parse_args(argv)
    systems = args.systems.split(",")
    for corpus in ("vmds", "abmusu"):
        path = corpus_path(corpus)
        if path is None:
            print(f"{corpus}: not found; skipped")
            continue
        clusters = load_corpus(path)
        cleaned = [dataclasses.replace(c, articles=tuple(clean_article(a) for a in c.articles)) for c in clusters]
        for label, data in (("raw", clusters), ("cleaned", cleaned)):
            for result in evaluate_summaries(data, systems):
                scores = "  ".join(f"{m}={100 * prf.f:.2f}" for m, prf in result.mean.items())
                print(f"{corpus:7} {label:8} {result.name:10} {scores}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
