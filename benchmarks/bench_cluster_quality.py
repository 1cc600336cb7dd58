"""Event clustering quality on the pooled corpora, thresholds chosen on the *other* corpus.

For each direction (tune on AbMuSu-train -> report VMDS, tune on VMDS -> report AbMuSu-train):
bantin's threshold is swept on the tuning corpus and the best one is used on the reported corpus;
the baselines (all-pairs TF-IDF average linkage, single-pass TDT) get their best threshold on the
reported corpus itself (an oracle, generous to them). ``bantin-online`` is the online
assignment of ``EventClusterer.add`` (threshold also chosen on the other corpus); its shuffled
runs measure the order dependence. Also: the sweep curves, 5 shuffled input
orders (stability), and the near-duplicate check (how many copy groups mix gold clusters).
``--errors`` adds the error analysis of bantin's clustering (BENCHMARKS.md, "Error analysis"):
split gold clusters and mixed events, the B-cubed F1 if either kind were fixed, the gold pairs
that tell one story twice, and the titles of every mixed event.

Same numbers as ``bantin evaluate CORPUS --task cluster --tune-on OTHER``.

    .venv/bin/python -m benchmarks.bench_cluster_quality [--shuffles 5] [--errors]
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict

from bantin.cluster.dedup import find_duplicates
from bantin.evaluate.clustering import bantin_method, evaluate_corpus, format_results, labels_of, pooled, score, sweep
from bantin.evaluate.corpora import corpus_path

# Gold clusters that tell the same story twice (read by hand, BENCHMARKS.md "Error analysis"): the
# same facts, place and day in both (VMDS: the US defending drone strikes on 22/10; the Tân Lập 1
# school-meal theft; Thu Phương's Hà Nội concert; Chelsea 3-0 Schalke. AbMuSu-train: the trial of
# 21/7 on the 8-year-old girl; the 3,579 licence extensions; Top Công nghiệp 4.0 of 15/7; the
# 9,397 health workers who quit; the police-academy exam of 17/7).
SAME_STORY = {
    "VMDS": [("cluster_15", "cluster_2"), ("cluster_147", "cluster_142"), ("cluster_118", "cluster_174"),
             ("cluster_90", "cluster_93")],
    "AbMuSu-train": [("abmusu_95", "abmusu_112"), ("abmusu_193", "abmusu_37"), ("abmusu_113", "abmusu_43"),
                     ("abmusu_102", "abmusu_88"), ("abmusu_16", "abmusu_22")],
}


def dedup_check(path) -> str:
    articles, gold = pooled(path)
    groups = find_duplicates(articles)
    mixed = sum(1 for g in groups if len({gold[articles[i].id] for i in g.members}) > 1)
    copies = sum(len(g.members) for g in groups)
    return f"{len(groups)} copy groups ({copies} articles), {mixed} of them mix gold clusters"


def _bcubed(gold: dict[str, str], articles, groups: list[list[int]]) -> float:
    return score(gold, labels_of(articles, groups))["bcubed_f1"]


def error_analysis(name: str, articles, gold: dict[str, str], groups: list[list[int]]) -> list[str]:
    """Lines describing the errors of ``groups`` (indices into ``articles``) against ``gold``."""
    label = [gold[a.id] for a in articles]
    members: dict[str, list[int]] = defaultdict(list)
    for i, g in enumerate(label):
        members[g].append(i)
    event_of = {i: k for k, group in enumerate(groups) for i in group}
    split = [g for g, m in members.items() if len({event_of[i] for i in m}) > 1]
    mixed = [k for k, group in enumerate(groups) if len({label[i] for i in group}) > 1]
    # every event cut by gold (no merge errors left) / every gold cluster's fragments joined
    pure = [part for group in groups for part in _by_label(group, label).values()]
    joined: dict[str, list[int]] = defaultdict(list)
    for group in groups:
        joined[Counter(label[i] for i in group).most_common(1)[0][0]] += group
    same = dict((b, a) for a, b in SAME_STORY.get(name, []))
    one_story = {article_id: same.get(g, g) for article_id, g in gold.items()}
    lines = [
        f"errors: {len(split)} of {len(members)} gold clusters split, {len(mixed)} of {len(groups)} events mix "
        f"gold clusters; B3 F1 {_bcubed(gold, articles, groups):.4f}, with every mixed event cut by gold "
        f"{_bcubed(gold, articles, pure):.4f}, with every split gold cluster joined "
        f"{_bcubed(gold, articles, list(joined.values())):.4f}",
        f"same story in two gold clusters: {len(same)} pairs; a perfect same-story clustering scores "
        f"{_bcubed(gold, articles, [m for m in _merged(members, same).values()]):.4f}; bantin scored with "
        f"those pairs as one cluster: {score(one_story, labels_of(articles, groups))['bcubed_f1']:.4f}",
    ]
    for k in mixed:
        parts = _by_label(groups[k], label)
        lines.append(f"  mixed event of {len(groups[k])}: " + " || ".join(
            f"{g} ({len(m)}/{len(members[g])}) {articles[m[0]].title[:70]!r}" for g, m in sorted(parts.items())))
    return lines


def _by_label(group: list[int], label: list[str]) -> dict[str, list[int]]:
    parts: dict[str, list[int]] = defaultdict(list)
    for i in group:
        parts[label[i]].append(i)
    return parts


def _merged(members: dict[str, list[int]], same: dict[str, str]) -> dict[str, list[int]]:
    out: dict[str, list[int]] = defaultdict(list)
    for g, m in members.items():
        out[same.get(g, g)] += m
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shuffles", type=int, default=5)
    parser.add_argument("--curves", action="store_true", help="print bantin's sweep on both corpora")
    parser.add_argument("--errors", action="store_true",
                        help="error analysis of bantin's clustering at the threshold chosen on the other corpus")
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
        if args.errors:
            from bantin.cluster.features import Background

            articles, gold = pooled(path)
            background = Background.from_articles(pooled(other)[0])
            groups = bantin_method(articles, results[0].threshold, background=background)
            print("\n".join(error_analysis(name, articles, gold, groups)) + "\n")
        if args.curves:
            articles, gold = pooled(path)
            curve = sweep("bantin", articles, gold)
            print("bantin sweep on itself: " + ", ".join(f"{t:.2f}:{f:.4f}" for t, f in curve) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
