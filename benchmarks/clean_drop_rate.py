"""How much real article text the boilerplate cleaner drops on VMDS and AbMuSu.

Both corpora hold article bodies already extracted by their authors, so nearly every line is
body text: every dropped line is a candidate false positive and is printed for review.

    .venv/bin/python -m benchmarks.clean_drop_rate [--show 40]
"""
from __future__ import annotations

import argparse
import collections
import json

from bantin.evaluate.corpora import corpus_path, load_corpus
from bantin.ingest.boilerplate import clean_text


def _texts(corpus: str):
    """(article id, body text) of a development corpus, without the lede (it is not scraped text)."""
    path = corpus_path(corpus)
    for cluster in load_corpus(path, include_lede=False) if path else []:
        for article in cluster.articles:
            yield f"{cluster.id}/{article.id}", article.text


def measure(texts, show: int) -> dict:
    """Whole lines dropped, parts cut from kept lines, and the dropped share of characters."""
    lines = chars = whole_lines = kept_chars = docs = parts = 0
    reasons: collections.Counter[str] = collections.Counter()
    examples = []
    for where, text in texts:
        docs += 1
        result = clean_text(text)
        body = [line.strip() for line in text.split("\n") if line.strip()]
        lines += len(body)
        chars += sum(len(line) for line in body)
        kept_chars += sum(len(line) for line in result.kept)
        whole_lines += len(body) - len(result.kept)
        kept = set(result.kept_lines)
        for item in result.dropped:
            parts += item.line in kept
            reasons[item.reason] += 1
            examples.append((where, item.reason, item.text))
    for where, reason, text in examples[:show]:
        print(f"  {where}: [{reason}] {text[:120]}")
    return {
        "documents": docs, "lines": lines,
        "whole_lines_dropped": whole_lines, "line_fraction": round(whole_lines / max(lines, 1), 5),
        "parts_cut_from_kept_lines": parts,
        "chars": chars, "chars_dropped": chars - kept_chars,
        "char_fraction": round((chars - kept_chars) / max(chars, 1), 5),
        "reasons": dict(reasons.most_common()),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--show", type=int, default=40, help="dropped lines to print per corpus")
    args = parser.parse_args(argv)
    for corpus, label in (("vmds", "VMDS body.txt"), ("abmusu", "AbMuSu raw_text")):
        if corpus_path(corpus) is None:
            print(f"== {label}: not found under ../shared/datasets; skipped")
            continue
        print(f"== {label}")
        print(json.dumps(measure(_texts(corpus), args.show), ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
