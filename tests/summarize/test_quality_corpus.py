"""Corpus-gated quality check: the shipped model beats the round-robin lead on VMDS (in-sample).

In-sample (the shipped model saw these clusters in training), so this is a smoke test that the
model file and the selection work together, not a quality claim: the cross-validated numbers
are in BENCHMARKS.md (``python -m bantin.summarize.train --cv 5``). Articles as a scraper
delivers them (lede in front of the body); on body-only articles the margin over the lead is
small (see BENCHMARKS.md).
"""
import pytest

from bantin.evaluate.corpora import corpus_path, load_vmds

pytestmark = pytest.mark.corpus


@pytest.fixture(scope="module")
def vmds_clusters():
    path = corpus_path("vmds")
    if path is None:
        pytest.skip("VMDS corpus not found under ../shared/datasets")
    return load_vmds(path, include_lede=True)[:20]


def test_summaries_beat_the_round_robin_lead_on_20_vmds_clusters(vmds_clusters):
    from bantin.evaluate.peers import lead as round_robin_lead
    from bantin.evaluate.rouge import mean_reference_length, score
    from bantin.summarize import summarize

    ours, lead = [], []
    for cluster in vmds_clusters:
        budget = mean_reference_length(cluster.references)
        summary = summarize(cluster.articles, budget, fill=True)
        ours.append(score(summary.text, cluster.references, budget=budget).rouge2.f)
        lead.append(score(round_robin_lead(cluster.articles, budget), cluster.references, budget=budget).rouge2.f)
    assert sum(ours) / len(ours) > sum(lead) / len(lead) + 0.03
