"""Event clustering at scale: a synthetic stream of up to 100k articles built from the corpora.

The stream is made of *stories*. A story takes one gold cluster of VMDS or AbMuSu-train, a date
(uniform over ``--days`` days), and 1-12 articles, each a perturbed copy or recombination of the
cluster's articles: sentences dropped (20%) and locally shuffled, 3% of syllables replaced by
random ones from the corpus vocabulary (paraphrase-ish edits), one or two sentences borrowed from
another article of the same cluster, published within 3 days of the story date. The same gold
cluster is reused by many stories at different dates (a recurring topic), so the text alone cannot
tell them apart; the story id is the synthetic gold label.

Each size runs in a fresh subprocess (so peak memory is per size): wall time and CPU time
(``time.process_time``, user + system of the process) of ``cluster_events`` (copies + features +
candidates + linkage + events, no summaries; with ``--clean`` also ``clean_article`` on every
article), peak RSS (``resource.getrusage``), and B-cubed F1 against the story ids (informative
only). The machine is shared, so wall time includes waiting for a core: the growth ratios
are computed on CPU time (wall ratios printed next to them).

``--online`` times ``EventClusterer.add`` instead (the online assignment, articles in date order
as a stream delivers them): ms per article and the F1 of ``online_groups``.

    .venv/bin/python -m benchmarks.bench_cluster_scale [--sizes 10000,30000,100000] [--days 180] [--clean]
    .venv/bin/python -m benchmarks.bench_cluster_scale --online --sizes 10000,30000

``--write-jsonl FILE`` writes the stream of the first size as JSONL instead (``Article.to_dict``),
to time the whole command on it, reading and cleaning included:

    .venv/bin/python -m benchmarks.bench_cluster_scale --sizes 100000 --write-jsonl /tmp/stream.jsonl
    /usr/bin/time -v .venv/bin/bantin cluster /tmp/stream.jsonl --no-summary -o /tmp/events.jsonl
"""
from __future__ import annotations

import argparse
import json
import random
import re
import resource
import subprocess
import sys
import time
from datetime import datetime, timedelta, timezone

from bantin.commands._common import dump_json_line
from bantin.models import Article

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
VN = timezone(timedelta(hours=7))


def load_clusters() -> list[list[Article]]:
    from bantin.evaluate.corpora import corpus_path, load_abmusu, load_vmds

    clusters = []
    if corpus_path("vmds"):
        clusters += [list(c.articles) for c in load_vmds(corpus_path("vmds"))]
    if corpus_path("abmusu"):
        clusters += [list(c.articles) for c in load_abmusu(corpus_path("abmusu"))]
    if not clusters:
        raise SystemExit("no corpus under ../shared/datasets (VMDS or AbMuSu-train) to build the stream from")
    return clusters


def synthetic_stream(size: int, days: int = 180, seed: int = 7) -> tuple[list[Article], dict[str, int]]:
    """``size`` articles (see the module docstring) and their story labels."""
    rng = random.Random(seed)
    clusters = load_clusters()
    split = [[_SENTENCE_END.split(a.text) for a in cluster] for cluster in clusters]
    vocabulary = sorted({w for cluster in clusters[:50] for a in cluster for w in a.text.split()})
    start = datetime(2024, 1, 1, tzinfo=VN)
    articles: list[Article] = []
    gold: dict[str, int] = {}
    story = 0
    while len(articles) < size:
        which = rng.randrange(len(clusters))
        cluster, sentences = clusters[which], split[which]
        day = start + timedelta(days=rng.uniform(0, days))
        for k in range(min(rng.randint(1, 12), size - len(articles))):
            base = rng.randrange(len(cluster))
            body = [s for s in sentences[base] if rng.random() > 0.2] or sentences[base][:1]
            if len(sentences) > 1 and rng.random() < 0.5:
                other = sentences[rng.randrange(len(sentences))]
                body.insert(rng.randrange(len(body) + 1), rng.choice(other))
            for i in range(len(body) - 1):
                if rng.random() < 0.15:
                    body[i], body[i + 1] = body[i + 1], body[i]
            words = " ".join(body).split()
            words = [rng.choice(vocabulary) if rng.random() < 0.03 else w for w in words]
            article_id = f"s{story}-{k}"
            articles.append(Article(
                id=article_id, title=cluster[base].title, text=" ".join(words), source=f"site{rng.randrange(40)}.vn",
                published=day + timedelta(hours=rng.uniform(0, 72)),
            ))
            gold[article_id] = story
        story += 1
    return articles, gold


def run_online(size: int, days: int) -> dict:
    from bantin.cluster import EventClusterer
    from bantin.evaluate.clustering import score

    articles, gold = synthetic_stream(size, days)
    articles.sort(key=lambda a: (a.published.timestamp() if a.published else 0.0, a.id))
    clusterer = EventClusterer()
    start, cpu = time.perf_counter(), time.process_time()
    for article in articles:
        clusterer.add(article)
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    groups = clusterer.online_groups()
    scores = score(gold, {articles[i].id: k for k, g in enumerate(groups) for i in g})
    return {
        "articles": size, "online": True, "seconds": round(seconds, 1), "cpu_seconds": round(cpu, 1),
        "ms_per_article": round(1000 * seconds / size, 2), "cpu_ms_per_article": round(1000 * cpu / size, 2),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
        "events": len(groups), "gold_stories": len(set(gold.values())), "bcubed_f1": round(scores["bcubed_f1"], 4),
    }


def run_one(size: int, days: int, clean: bool) -> dict:
    from bantin.cluster import cluster_events
    from bantin.evaluate.clustering import score

    articles, gold = synthetic_stream(size, days)
    start, cpu = time.perf_counter(), time.process_time()
    if clean:
        from bantin.ingest.boilerplate import clean_article

        articles = [clean_article(a) for a in articles]
    cleaned = time.perf_counter()
    events = cluster_events(articles)
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    scores = score(gold, {i: e.id for e in events for i in e.articles})
    return {
        "articles": size, "seconds": round(seconds, 1), "cpu_seconds": round(cpu, 1),
        "clean_seconds": round(cleaned - start, 1),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
        "events": len(events), "gold_stories": len(set(gold.values())),
        "copy_groups": sum(len(e.duplicates) for e in events), "bcubed_f1": round(scores["bcubed_f1"], 4),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="10000,30000,100000")
    parser.add_argument("--days", type=int, default=180)
    parser.add_argument("--clean", action="store_true", help="include clean_article in the timing")
    parser.add_argument("--online", action="store_true", help="time EventClusterer.add (online assignment)")
    parser.add_argument("--write-jsonl", metavar="FILE", help="write the stream of the first size as JSONL and stop")
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.write_jsonl:
        articles, _ = synthetic_stream(int(args.sizes.split(",")[0]), args.days)
        with open(args.write_jsonl, "w", encoding="utf-8") as out:
            for article in articles:
                dump_json_line(article.to_dict(), out)
        print(f"wrote {len(articles)} articles to {args.write_jsonl}", file=sys.stderr)
        return 0
    if args.child:
        row = run_online(args.child, args.days) if args.online else run_one(args.child, args.days, args.clean)
        print(json.dumps(row))
        return 0
    rows = []
    for size in (int(s) for s in args.sizes.split(",")):
        done = subprocess.run(
            [sys.executable, "-m", "benchmarks.bench_cluster_scale", "--child", str(size), "--days", str(args.days)]
            + (["--clean"] if args.clean else []) + (["--online"] if args.online else []),
            check=True, capture_output=True, text=True,
        )
        row = json.loads(done.stdout.strip().splitlines()[-1])
        rows.append(row)
        print(json.dumps(row), flush=True)
    for a, b in zip(rows, rows[1:]):
        print(f"{a['articles']} -> {b['articles']} articles: CPU time x{b['cpu_seconds'] / max(a['cpu_seconds'], 1e-9):.2f} "
              f"(wall x{b['seconds'] / max(a['seconds'], 1e-9):.2f}; linear would be x{b['articles'] / a['articles']:.2f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
