"""Facts speed: milliseconds per event of ``bantin.facts.describe`` on the labelled events.

    python -m benchmarks.bench_facts_speed            # needs ../shared/datasets

One core, warm (the gazetteers are loaded once before timing: ~0.3 s, paid once per process).
Reports the mean and the 90th percentile per event and per 3 articles (the issue's budget is
20 ms per 3-article event), beside ``summarize`` on the same events for scale.
"""
from __future__ import annotations

import statistics
import time
from pathlib import Path

LABELS = Path(__file__).resolve().parent / "facts_labels"


def main() -> int:
    from bantin.evaluate.facts import Corpora, load_labels
    from bantin.facts import describe
    from bantin.facts.timeline import dates_in
    from bantin.summarize import summarize

    corpora = Corpora()
    try:
        events = [corpora.articles(e["corpus"], e["cluster"]) for e in load_labels(LABELS)]
    except FileNotFoundError as error:
        print(f"skipped: {error}")
        return 0
    describe(events[0])  # load the gazetteers
    summarize(events[0], 100)
    facts_ms, per3_ms, summ_ms = [], [], []
    for articles in events:
        for _ in range(3):
            dates_in.cache_clear()  # every run starts cold, as a new event does
            t = time.perf_counter()
            describe(articles)
            facts_ms.append((time.perf_counter() - t) * 1000)
            per3_ms.append(facts_ms[-1] * 3 / len(articles))
        t = time.perf_counter()
        summarize(articles, 100)
        summ_ms.append((time.perf_counter() - t) * 1000)
    n_articles = sum(len(a) for a in events)
    q90 = statistics.quantiles(facts_ms, n=10)[-1]
    print(f"{len(events)} events, {n_articles} articles (mean {n_articles / len(events):.1f} per event)")
    print(f"facts     : {statistics.mean(facts_ms):.1f} ms/event (p90 {q90:.1f}), "
          f"{statistics.mean(per3_ms):.1f} ms per 3 articles")
    print(f"summarize : {statistics.mean(summ_ms):.1f} ms/event (same events, for scale)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
