"""Peer systems, the summary evaluation and the `bantin evaluate` command on a tiny hand-made corpus."""
from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from bantin.evaluate import peers, rouge
from bantin.evaluate.corpora import load_corpus
from bantin.evaluate.summaries import evaluate_summaries, format_table
from bantin.models import Article
from bantin.text import split_sentences

DATA = Path(__file__).resolve().parents[1] / "data" / "eval_clusters.jsonl"
VN = timezone(timedelta(hours=7))


def _article(aid: str, text: str, hour: int | None) -> Article:
    published = datetime(2024, 5, 1, hour, tzinfo=VN) if hour is not None else None
    return Article(id=aid, text=text, published=published)


ARTICLES = (
    _article("late", "Chiều muộn một. Chiều muộn hai.", 18),
    _article("early", "Sáng sớm một. Sáng sớm hai. Sáng sớm ba.", 6),
    _article("noon", "Buổi trưa một.", 12),
)


@pytest.mark.parametrize(
    ("budget", "expected"),
    [
        (1, "Sáng sớm một."),  # the first sentence crosses the budget and is kept (the scorer cuts it)
        (3, "Sáng sớm một."),
        (4, "Sáng sớm một. Buổi trưa một."),
        (9, "Sáng sớm một. Buổi trưa một. Chiều muộn một."),
        (10, "Sáng sớm một. Buổi trưa một. Chiều muộn một. Sáng sớm hai."),
        (100, "Sáng sớm một. Buổi trưa một. Chiều muộn một. Sáng sớm hai. Chiều muộn hai. Sáng sớm ba."),
    ],
)
def test_lead_round_robin_in_time_order_until_budget(budget, expected):
    assert peers.lead(ARTICLES, budget) == expected


@pytest.mark.parametrize(
    ("budget", "expected"),
    [(3, "Sáng sớm một."), (4, "Sáng sớm một. Sáng sớm hai."), (50, "Sáng sớm một. Sáng sớm hai. Sáng sớm ba.")],
)
def test_lead_1doc_reads_the_earliest_article_from_the_top(budget, expected):
    assert peers.lead_1doc(ARTICLES, budget) == expected


def test_undated_articles_keep_corpus_order_after_dated_ones():
    undated = (_article("u1", "Không ngày một.", None), _article("d", "Có ngày.", 9), _article("u2", "Không ngày hai.", None))
    assert [a.id for a in peers.in_time_order(undated)] == ["d", "u1", "u2"]


def test_oracle_picks_the_sentences_of_the_reference():
    sentences = ["Trời hôm nay đẹp.", "Giá xăng tăng 1.000 đồng.", "Bóng đá Việt Nam thắng.", "Xăng RON 95 lên 19.000 đồng."]
    reference = ["Giá xăng tăng 1.000 đồng, RON 95 lên 19.000 đồng."]
    assert sorted(peers.oracle_sentences(sentences, reference, budget=12)) == [1, 3]


def test_oracle_respects_the_budget_and_stops_without_gain():
    sentences = ["Giá xăng tăng mạnh.", "Giá vàng giảm.", "Không liên quan gì cả."]
    assert peers.oracle_sentences(sentences, ["Giá xăng tăng mạnh."], budget=4) == [0]
    assert peers.oracle_sentences(sentences, ["Giá xăng tăng mạnh."], budget=0) == []


def test_oracle_scores_at_least_lead_on_the_test_corpus():
    for cluster in load_corpus(DATA)[:2]:
        budget = rouge.mean_reference_length(cluster.references)
        oracle = rouge.score(peers.make_oracle(cluster.references)(cluster.articles, budget), cluster.references)
        lead = rouge.score(peers.lead(cluster.articles, budget), cluster.references)
        assert oracle.rouge2.f >= lead.rouge2.f


def test_unknown_system_names_the_choices():
    with pytest.raises(ValueError, match="lead-1doc"):
        peers.get_system("lede")


@pytest.mark.parametrize("name", ["lexrank", "textrank"])
def test_sumy_rankers_return_cluster_sentences_within_one_sentence_of_budget(name):
    pytest.importorskip("sumy")
    cluster = load_corpus(DATA)[0]
    summary = peers.get_system(name)(cluster.articles, 20)
    sources = {s for a in cluster.articles for s in split_sentences(a.text)}
    chosen = split_sentences(summary)
    assert chosen and all(s in sources for s in chosen)
    # stops at the first sentence that reaches the budget
    assert len(rouge.tokenize(" ".join(chosen[:-1]))) < 20


def test_evaluate_summaries_cuts_every_output_at_the_budget():
    clusters = load_corpus(DATA)
    results = evaluate_summaries(clusters, ["lead", "lead-1doc", "oracle"], max_words=15)
    for result in results:
        assert [c.cluster_id for c in result.clusters] == ["lu-mien-trung", "gia-xang"]  # no-reference cluster skipped
        assert all(c.score.length <= 15 and c.score.budget == 15 for c in result.clusters)
    table = format_table(results, markdown=True)
    assert table.splitlines()[0].startswith("| system | R-1 P")
    assert len(table.splitlines()) == 2 + 3


def test_evaluate_summaries_default_budget_is_mean_reference_length():
    cluster = load_corpus(DATA)[0]
    (result,) = evaluate_summaries([cluster], ["lead"])
    assert result.clusters[0].score.budget == rouge.mean_reference_length(cluster.references)


def _cli(argv):
    from bantin.cli import main

    return main(argv)


def test_evaluate_command_prints_table_and_writes_json(tmp_path, capsys):
    out = tmp_path / "scores.json"
    code = _cli(["evaluate", str(DATA), "--systems", "lead,oracle", "--json", str(out)])
    assert code == 0
    printed = capsys.readouterr().out
    assert "lead" in printed and "oracle" in printed and "R-2 F" in printed
    data = json.loads(out.read_text(encoding="utf-8"))
    assert [s["name"] for s in data["systems"]] == ["lead", "oracle"]
    assert [c["id"] for c in data["clusters"]] == ["lu-mien-trung", "gia-xang"]
    lead = data["clusters"][1]["systems"]["lead"]
    assert lead["summary"].startswith("Từ 15h chiều nay")
    assert 0 < lead["rouge2"]["f"] <= 1


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["evaluate", "no/such/corpus.jsonl"], "no such file"),
        (["evaluate", str(DATA), "--systems", "lead,gpt"], "unknown system 'gpt'"),
        (["evaluate", str(DATA), "--max-words", "0"], "--max-words"),
    ],
)
def test_evaluate_command_reports_bad_arguments(argv, message, capsys):
    assert _cli(argv) == 2
    assert message in capsys.readouterr().err


def test_evaluate_command_markdown_table(capsys):
    assert _cli(["evaluate", str(DATA), "--systems", "lead", "--limit", "1", "--format", "markdown"]) == 0
    out = capsys.readouterr().out
    assert "| lead |" in out and "clusters: 1" in out


def test_evaluate_task_cluster_is_handed_to_the_clustering_module(monkeypatch):
    clustering = pytest.importorskip("bantin.evaluate.clustering")
    seen = {}

    def run_cli(args):
        seen.update(corpus_path=args.corpus_path, no_lede=args.no_lede)
        return 0

    monkeypatch.setattr(clustering, "run_cli", run_cli)
    assert _cli(["evaluate", str(DATA), "--task", "cluster", "--no-lede"]) == 0
    assert seen == {"corpus_path": DATA, "no_lede": True}
