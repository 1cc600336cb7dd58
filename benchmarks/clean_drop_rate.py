"""How much real article text the boilerplate cleaner drops on VMDS and AbMuSu.

Both corpora hold article bodies already extracted by their authors, so nearly every line is
body text: every dropped line is a candidate false positive and is printed for review.

    .venv/bin/python -m benchmarks.clean_drop_rate [--shared ../shared] [--show 40]
"""
from __future__ import annotations

import argparse
import collections
import glob
import json
import os
import unicodedata

from bantin.ingest.boilerplate import clean_text


def _vmds_texts(root: str):
    for path in sorted(glob.glob(os.path.join(root, "datasets/vmds/clusters/cluster_*/*.body.txt"))):
        if path.endswith(".tok.txt"):
            continue
        with open(path, encoding="utf-8-sig") as handle:
            yield path, unicodedata.normalize("NFC", handle.read())


def _abmusu_texts(root: str):
    with open(os.path.join(root, "datasets/abmusu-train/train.jsonl"), encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            for index, doc in enumerate(json.loads(line)["single_documents"]):
                yield f"train.jsonl:{number}:{index}", unicodedata.normalize("NFC", doc["raw_text"])


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
    parser.add_argument("--shared", default=os.path.join(os.path.dirname(__file__), "..", "..", "shared"))
    parser.add_argument("--show", type=int, default=40, help="dropped lines to print per corpus")
    args = parser.parse_args(argv)
    if not os.path.isdir(os.path.join(args.shared, "datasets")):
        print(f"no datasets under {args.shared}; skipped")
        return 0
    for name, texts in (("VMDS body.txt", _vmds_texts(args.shared)), ("AbMuSu raw_text", _abmusu_texts(args.shared))):
        print(f"== {name}")
        print(json.dumps(measure(texts, args.show), ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
