"""The Spark path gives the events of the single-machine path (copies, groups, titles, briefs)."""
import dataclasses
import json
from datetime import timedelta
from pathlib import Path

import pytest

from bantin.commands._common import dump_json_line
from bantin.models import Article

ROOT = Path(__file__).resolve().parents[2]


def _hand_made() -> list[Article]:
    """The bundled example and the small evaluation clusters, with exact copies, near copies
    (a sentence dropped), a copy weeks later (not a copy: a new event) and undated articles."""
    from bantin.ingest.readers import article_from_record, read_articles

    base = read_articles([str(ROOT / "examples")])
    for line in (ROOT / "tests" / "data" / "eval_clusters.jsonl").read_text(encoding="utf-8").splitlines():
        cluster = json.loads(line)
        for k, record in enumerate(cluster["articles"]):
            article = article_from_record(record, "x", "eval_clusters.jsonl")
            base.append(article.replace(id=f"{cluster['id']}-{k}"))
    out = list(base)
    for k, article in enumerate(base):
        out.append(dataclasses.replace(article, id=f"copy-{k}", source="Báo Chép"))
        sentences = article.text.split(". ")
        if len(sentences) > 3:
            out.append(dataclasses.replace(article, id=f"near-{k}", text=". ".join(sentences[1:])))
        if article.published is not None:
            out.append(dataclasses.replace(article, id=f"later-{k}", published=article.published + timedelta(days=40)))
        else:
            out.append(dataclasses.replace(article, id=f"undated-{k}", title=f"{article.title} (cập nhật)"))
    return out


def _write(articles: list[Article], path: Path) -> Path:
    with path.open("w", encoding="utf-8") as out:
        for article in articles:
            dump_json_line(article.to_dict(), out)
    return path


def _both(spark, path: Path, max_words, facts=False):
    from bantin.pipeline import find_events, read_clean
    from bantin.spark.jobs import cluster_files, event_order_key

    single = find_events(read_clean([str(path)]), max_words, facts=facts)
    run = cluster_files(spark, [str(path)], None, max_words, facts)
    return single, sorted(run.events.collect(), key=event_order_key), run


def test_spark_gives_the_single_machine_events_briefs_and_facts_and_reports_bad_lines(spark, tmp_path):
    path = _write(_hand_made(), tmp_path / "hand.jsonl")
    with path.open("a", encoding="utf-8") as out:  # bad lines: reported with their number, the rest goes on
        out.write('{"id": 3\n\n{"id": "b", "title": 5, "text": "x"}\n')
    lines = len(path.read_text(encoding="utf-8").splitlines())
    single, distributed, run = _both(spark, path, 60, facts=True)
    assert any(e.duplicates for e in single) and len(single) > 3  # the sample exercises copies and events
    assert [e.to_dict() for e in distributed] == [e.to_dict() for e in single]
    assert sorted((r.line, r.reason.split(":")[0]) for r in run.rejected) == [
        (lines - 2, "invalid JSON"), (lines, "field 'title' must be a string, got a number")]


@pytest.mark.corpus
def test_spark_gives_the_single_machine_events_on_a_synthetic_stream(spark, tmp_path):
    from benchmarks.bench_cluster_scale import synthetic_stream
    from bantin.evaluate.corpora import corpus_path

    if not (corpus_path("vmds") or corpus_path("abmusu")):
        pytest.skip("../shared/datasets absent")
    articles, _ = synthetic_stream(1000, days=60, seed=11)
    path = _write(articles, tmp_path / "stream.jsonl")
    single, distributed, run = _both(spark, path, None)
    assert sum(len(e.duplicates) for e in single) > 10
    assert [e.to_dict() for e in distributed] == [e.to_dict() for e in single]
    assert run.timings["largest_component"] > 1
