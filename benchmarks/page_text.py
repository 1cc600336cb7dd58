"""Page text read as sentences (photo captions, glued headings, bylines, links, tags) in what reaches
briefs: a hand-labelled sample of development sentences and the detector's precision/recall on it.

    .venv/bin/python -m benchmarks.page_text                  # score the detector on the labelled sample
    .venv/bin/python -m benchmarks.page_text --errors         # ... and list what it misses / wrongly flags
    .venv/bin/python -m benchmarks.page_text --make FILE      # draw a fresh unlabelled sample
    .venv/bin/python -m benchmarks.page_text --articles       # share of whole dev-article sentences flagged
    .venv/bin/python -m benchmarks.page_text --pipeline       # ... counting what cleaning now removes in context

The sample (``tests/data/page_text_sample.tsv``) was drawn with ``--make`` from **development**
clusters only (``bantin.evaluate.heldout``: held-out VMDS/AbMuSu clusters and realweb events are never
drawn): for ``--n`` clusters per corpus (seeded), the sentences of the earliest article's lead
(``lead-1doc``, unfiltered) and of bantin's brief at the reference budget, articles cleaned as
``bantin summarize`` cleans them, exact repeats once. Each line was then labelled by hand:

* ``sentence`` -- a real sentence of the article a brief may use;
* ``caption`` -- a photo/video caption or credit, with or without "Ảnh:", or a caption run into a sentence;
* ``heading`` -- an inter-title, a sub-heading run into the next sentence;
* ``byline`` -- an author/credit line ("Theo X", a name), or one glued to a sentence;
* ``link`` -- related-article titles, "Xem thêm", ">>" lines, markdown link text, series menus ("Bài 1:");
* ``tag`` -- an outlet tag left on a sentence ("(iHay)", "TP -").

The detector is :func:`bantin.text.checks.is_non_sentence` (what bantin's candidates pass); the second
line adds the cleaner (:func:`handled`: what the lead baseline gets too). Rules were written reading
this sample and whole dev articles: the scores are development (in-sample) figures.
"""
from __future__ import annotations

import argparse
import csv
import random
import sys
from collections import Counter
from pathlib import Path

from bantin.text import split_sentences
from bantin.text.checks import is_non_sentence

SAMPLE = Path(__file__).resolve().parents[1] / "tests" / "data" / "page_text_sample.tsv"
LABELS = ("sentence", "caption", "heading", "byline", "link", "tag")


def read_sample(path: Path = SAMPLE) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    bad = [row for row in rows if row["label"] not in LABELS]
    if bad:
        raise ValueError(f"{path}: unknown label {bad[0]['label']!r} ({bad[0]['cluster']})")
    return rows


def score(rows: list[dict[str, str]], detector=is_non_sentence) -> dict:
    """Precision/recall of ``detector`` (a reason or None) against the labels (anything but sentence = page text)."""
    tp = fp = fn = tn = 0
    missed: Counter[str] = Counter()
    by_label: Counter[str] = Counter()
    errors = []
    for row in rows:
        page = row["label"] != "sentence"
        found = detector(row["text"]) is not None
        by_label[row["label"]] += 1
        if page and found:
            tp += 1
        elif page:
            fn += 1
            missed[row["label"]] += 1
            errors.append(("missed", row))
        elif found:
            fp += 1
            errors.append(("flagged", row))
        else:
            tn += 1
    return {
        "n": len(rows), "page_text": tp + fn, "tp": tp, "fp": fp, "fn": fn, "tn": tn,
        "precision": tp / (tp + fp) if tp + fp else 1.0, "recall": tp / (tp + fn) if tp + fn else 1.0,
        "fp_rate": fp / (fp + tn) if fp + tn else 0.0, "by_label": dict(by_label), "missed": dict(missed),
        "errors": errors,
    }


def handled(text: str) -> str | None:
    """What happens to a sample sentence in bantin: "cut" when the cleaner removes or shortens it
    (a glued front, a caption, an outlet tag), else :func:`is_non_sentence`'s reason or None. The
    cleaner sees the sentence alone here, without its paragraph."""
    from bantin.ingest.boilerplate import clean_text

    if clean_text(text).text != text.strip():
        return "cut"
    return is_non_sentence(text)


def pipeline_sentences() -> set[str]:
    """Every sentence of every dev article as the current cleaning leaves it (the sample's sentences
    were taken from the articles as cleaned when it was drawn)."""
    from bantin.evaluate.heldout import load_split

    return {sentence for name in ("vmds", "abmusu") for cluster in load_split(name, "dev", clean=True)
            for article in cluster.articles for sentence in split_sentences(article.text)}


def make_sample(n: int, seed: int) -> list[dict[str, str]]:
    from bantin.evaluate.heldout import is_held_out, load_split
    from bantin.evaluate.peers import lead_1doc
    from bantin.evaluate.rouge import mean_reference_length
    from bantin.summarize import summarize

    rows, seen = [], set()
    rng = random.Random(seed)
    for name in ("vmds", "abmusu"):
        pool = load_split(name, "dev", clean=True)
        rng.shuffle(pool)
        for cluster in pool[:n]:
            assert not is_held_out(cluster.id)
            budget = mean_reference_length(cluster.references)
            lead = split_sentences(lead_1doc(cluster.articles, budget))
            brief = [s.text for s in summarize(list(cluster.articles), budget).sentences]
            for system, sentences in (("lead", lead), ("bantin", brief)):
                for text in sentences:
                    if text in seen:
                        continue
                    seen.add(text)
                    rows.append({"cluster": cluster.id, "system": system, "label": "", "text": text})
    return rows


def article_flag_rate() -> tuple[int, Counter]:
    """(sentences, reasons) over every sentence of every dev article (cleaned)."""
    from bantin.evaluate.heldout import load_split

    total, reasons = 0, Counter()
    for name in ("vmds", "abmusu"):
        for cluster in load_split(name, "dev", clean=True):
            for article in cluster.articles:
                for sentence in split_sentences(article.text):
                    total += 1
                    reason = is_non_sentence(sentence)
                    if reason:
                        reasons[reason] += 1
    return total, reasons


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--make", type=Path, help="write an unlabelled sample here and stop")
    parser.add_argument("--n", type=int, default=25, help="clusters per corpus for --make (default 25)")
    parser.add_argument("--seed", type=int, default=7, help="which dev clusters --make draws (default 7)")
    parser.add_argument("--errors", action="store_true", help="list missed and wrongly flagged sentences")
    parser.add_argument("--pipeline", action="store_true",
                        help="also: a sample sentence the current cleaning removes from its dev article counts as caught")
    parser.add_argument("--articles", action="store_true", help="also: share of all dev-article sentences flagged")
    args = parser.parse_args(argv)
    if args.make:
        rows = make_sample(args.n, args.seed)
        with args.make.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, ["cluster", "system", "label", "text"], delimiter="\t",
                                    quoting=csv.QUOTE_NONE, quotechar=None, lineterminator="\n")
            writer.writeheader()
            writer.writerows(rows)
        print(f"{len(rows)} sentences -> {args.make}", file=sys.stderr)
        return 0
    result = score(read_sample())
    print(f"labelled dev sample ({SAMPLE.name}): {result['n']} sentences, {result['page_text']} page text "
          f"{result['by_label']}")
    print(f"is_non_sentence: precision {result['precision']:.3f}  recall {result['recall']:.3f}  "
          f"real sentences flagged {result['fp']}/{result['fp'] + result['tn']} ({result['fp_rate']:.1%})  "
          f"missed by label {result['missed']}")
    cleaned = score(read_sample(), detector=handled)
    print(f"cleaning + is_non_sentence (page text cut by the cleaner or flagged): precision "
          f"{cleaned['precision']:.3f}  recall {cleaned['recall']:.3f}  real sentences touched "
          f"{cleaned['fp']}/{cleaned['fp'] + cleaned['tn']}")
    if args.pipeline:
        present = pipeline_sentences()
        # lead-1doc rows only: they are verbatim article sentences (bantin's are printed with anchored
        # times and without discursive openers, so they are never found verbatim)
        lead_rows = [row for row in read_sample() if row["system"] == "lead"]
        piped = score(lead_rows, detector=lambda t: "gone" if t not in present else is_non_sentence(t))
        if args.errors:
            for kind, row in piped["errors"]:
                print(f"  pipeline {kind:7} {row['label']:8} {row['cluster']}: {row['text'][:150]}")
        print(f"pipeline, lead rows ({len(lead_rows)}; the sentence no longer in its dev article as cleaned now, or flagged): precision "
              f"{piped['precision']:.3f}  recall {piped['recall']:.3f}  real sentences lost or flagged "
              f"{piped['fp']}/{piped['fp'] + piped['tn']}")
    if args.errors:
        for kind, row in result["errors"]:
            reason = is_non_sentence(row["text"])
            print(f"  {kind:7} {row['label']:8} {reason or '-':8} {row['cluster']}: {row['text'][:160]}")
    if args.articles:
        total, reasons = article_flag_rate()
        print(f"dev articles: {sum(reasons.values())}/{total} sentences flagged "
              f"({sum(reasons.values()) / max(total, 1):.2%}) {dict(reasons.most_common())}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
