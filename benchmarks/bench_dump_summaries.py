"""Multi-outlet events summarized straight from scraped text dumps: which summary sentences are not article text?

Every event group of ``realweb-dev/events.json`` is summarized from its files' text dumps
(``text/<name>.txt``: bs4-blocks or html2text, as ``text_modes.json`` says) with ``bantin summarize
--format json`` exactly as a user would run it. A summary sentence is an *article sentence* when at
least :data:`ARTICLE_SHARE` of its syllables lie in syllable 4-grams of the event's gold bodies (sapo
and paragraphs; the headline is not a body sentence), matched as ``bantin evaluate --task clean``
matches output to gold; the slack absorbs a date the summarizer anchors ("hôm qua (24/10)").
Every other sentence is counted and printed: chrome that leaked through the cleaning, a caption, a
headline, a byline.

    .venv/bin/python -m benchmarks.bench_dump_summaries [--loo] [--single] [--realweb DIR] [--max-words 100]

Each sentence is also counted under the input kind of the dump it was taken from (its first source).
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import Counter
from contextlib import contextmanager
from pathlib import Path

from bantin.evaluate.cleaning import _all_grams, _covered, load_clean_corpus
from bantin.evaluate.corpora import shared_dir
from bantin.evaluate.rouge import tokenize

ARTICLE_SHARE = 0.8


def _summarize(paths: list[Path], max_words: int) -> dict:
    """``bantin summarize PATHS --format json --no-facts`` run in this process (so --loo's model is used)."""
    from bantin.cli import main as bantin

    with tempfile.TemporaryDirectory() as folder:
        output = Path(folder) / "summary.json"
        code = bantin(["summarize", *map(str, paths), "--format", "json", "--no-facts", "--max-words", str(max_words),
                       "-o", str(output)])
        if code != 0 or not output.exists():
            raise RuntimeError(f"bantin summarize failed ({code}) on {', '.join(p.name for p in paths)}")
        return json.loads(output.read_text(encoding="utf-8"))


_MODELS: dict = {}


@contextmanager
def _model_without(outlets: frozenset[str], pages, bodies):
    """The line model trained without ``outlets`` (as ``train_lines --loo`` does), or the packaged one."""
    if pages is None:
        yield
        return
    from bantin.ingest.train_lines import SEED, SYNTHETIC_PAGES, _shipped_model, synthetic_pages, train

    if outlets not in _MODELS:
        kept = [page for page in pages if page.outlet not in outlets]
        _MODELS[outlets] = train([*kept, *synthetic_pages(kept, bodies, SYNTHETIC_PAGES, SEED)])
    with _shipped_model(_MODELS[outlets]):
        yield


def article_share(sentence: str, golds) -> float:
    """Share of the sentence's syllables inside 4-grams of the gold bodies."""
    tokens = tokenize(sentence)
    if not tokens:
        return 1.0
    available = _all_grams(tokenize(p) for gold in golds for p in gold.body)
    return sum(_covered(tokens, available, clip=False)) / len(tokens)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--realweb", type=Path, default=shared_dir() / "datasets" / "realweb-dev")
    parser.add_argument("--max-words", type=int, default=100)
    parser.add_argument("--loo", action="store_true",
                        help="clean each group with a line model trained without its outlets (held-out figures)")
    parser.add_argument("--single", action="store_true", help="also summarize every text dump alone")
    args = parser.parse_args(argv)
    events_path = args.realweb / "events.json"
    if not events_path.exists():
        print(f"bench_dump_summaries: {events_path} not found; skipped", file=sys.stderr)
        return 2
    items = {item.name: item for item in load_clean_corpus(args.realweb) if item.kind != "html"}
    pages = bodies = None
    if args.loo:
        from bantin.ingest.train_lines import _bodies, load_pages

        pages, bodies = load_pages(args.realweb), _bodies()
    groups = []
    for event in json.loads(events_path.read_text(encoding="utf-8")):
        members = [items[Path(f).stem] for f in event["files"] if Path(f).stem in items]
        if len(members) >= 2:
            groups.append((f"event {event['event']}", members))
    if args.single:
        groups += [(f"single {item.name}", [item]) for item in items.values()]
    groups.sort(key=lambda group: sorted({item.outlet for item in group[1]}))
    totals: Counter = Counter()
    for label, members in groups:
        outlets = frozenset(item.outlet for item in members)
        with _model_without(outlets, pages, bodies):
            summary = _summarize([item.path for item in members], args.max_words)
        _report(label, members, summary, totals)
    print()
    print(f"line model: {'trained without the group outlets (held out)' if args.loo else 'packaged (in-sample)'}")
    print("| group | input kind of the sentence's source | summary sentences | not article sentences |")
    print("|---|---|---|---|")
    for group, kind in sorted({(g, k) for g, k, _ in totals}):
        print(f"| {group} | {kind} | {totals[(group, kind, 'sentences')]} | {totals[(group, kind, 'not article')]} |")
    return 0


def _report(label: str, members, summary: dict, totals: Counter) -> None:
    by_path = {str(item.path): item for item in members}
    group = label.split()[0]
    kinds = Counter(item.kind for item in members)
    print(f"== {label}: {len(members)} dumps ({', '.join(f'{k} {n}' for k, n in sorted(kinds.items()))})")
    for sentence in summary.get("sentences", []):
        share = article_share(sentence["text"], [item.gold for item in members])
        sources = sentence.get("sources") or [{}]
        source = by_path.get(sources[0].get("id", ""))
        kind = source.kind if source else "?"
        ok = share >= ARTICLE_SHARE
        for key in (kind, "all"):
            totals[(group, key, "sentences")] += 1
            totals[(group, key, "not article")] += not ok
        print(f"  {'ok ' if ok else 'BAD'} {share:.2f} [{kind}] {sentence['text'][:160]}")


if __name__ == "__main__":
    raise SystemExit(main())
