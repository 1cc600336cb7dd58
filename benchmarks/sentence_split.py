"""Sentence-boundary precision/recall of bantin.text.split_sentences against VMDS gold splits.

VMDS ``<doc>.body.tok.txt`` holds each article's gold sentences, one per line (words joined by
``_``). Boundaries are compared as offsets in the text with all whitespace and ``_`` removed.

    .venv/bin/python -m benchmarks.sentence_split
"""
from __future__ import annotations

import argparse
import glob
import os
import re
import unicodedata

from bantin.evaluate.corpora import corpus_path
from bantin.text import split_sentences


def _read(path: str) -> str:
    with open(path, encoding="utf-8-sig") as handle:
        return unicodedata.normalize("NFC", handle.read())


def _boundaries(sentences: list[str]) -> set[int]:
    out, offset = set(), 0
    for sentence in sentences:
        offset += len(re.sub(r"[\s_]", "", sentence))
        out.add(offset)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.parse_args(argv)
    root = corpus_path("vmds")
    if root is None:
        print("VMDS not found under ../shared/datasets; skipped")
        return 0
    paths = sorted(p for p in glob.glob(os.path.join(root, "clusters/cluster_*/*.body.txt")) if not p.endswith(".tok.txt"))
    tp = fp = fn = same_count = 0
    for path in paths:
        gold = [line for line in _read(path[: -len(".txt")] + ".tok.txt").splitlines() if line.strip()]
        system = split_sentences(_read(path))
        g, s = _boundaries(gold), _boundaries(system)
        tp, fp, fn = tp + len(g & s), fp + len(s - g), fn + len(g - s)
        same_count += len(gold) == len(system)
    precision, recall = tp / (tp + fp), tp / (tp + fn)
    print(f"VMDS documents: {len(paths)}  same sentence count: {same_count}")
    print(f"boundary P={precision:.4f} R={recall:.4f} F1={2 * precision * recall / (precision + recall):.4f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
