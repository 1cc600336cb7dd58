"""IDF pooled with a background of document frequencies: small batches cluster like large ones."""
import dataclasses
import json
from pathlib import Path

import numpy as np
import pytest
from sklearn.feature_extraction.text import TfidfTransformer

from bantin.cluster import ClusterConfig, EventClusterer, cluster_events
from bantin.cluster.features import (
    BLOCKS, Background, _SHIPPED, _text_vectorizer, idf, shipped_background, term_counts,
)
from bantin.pipeline import read_clean

SAMPLE = Path(__file__).resolve().parents[2] / "examples" / "flood-hanoi"


def _partition(events):
    return sorted(sorted(e.articles) for e in events)


@pytest.fixture(scope="module")
def sample():
    articles = read_clean([str(SAMPLE)])
    assert len(articles) == 4
    return articles


def test_sample_flood_is_one_event_with_the_default_config(sample):
    events = cluster_events(sample)
    assert len(events) == 1
    assert sorted(events[0].articles) == sorted(a.id for a in sample)


def test_sample_flood_splits_without_background(sample):
    # the bug the background fixes: IDF fitted on 4 articles alone
    events = cluster_events(sample, dataclasses.replace(ClusterConfig(), background=None))
    assert len(events) > 1


def test_sample_flood_is_one_online_event(sample):
    clusterer = EventClusterer()
    clusterer.extend(sample)
    assert len(clusterer.online_groups()) == 1


@pytest.mark.parametrize("picks, expected", [
    ({"storm": [0], "flood": [0]}, [["bao-1"], ["lu-1"]]),
    ({"flood": [0], "fuel": [0]}, [["lu-1"], ["xang-1"]]),
    ({"flood": [0, 1], "fuel": [0, 1]}, [["lu-1", "lu-2"], ["xang-1", "xang-2"]]),
    ({"storm": [0, 1], "flood": [0, 1]}, [["bao-1", "bao-2"], ["lu-1", "lu-2"]]),
])
def test_small_batches_of_different_stories_stay_apart(stories, picks, expected):
    batch = [stories[name][i] for name, indices in picks.items() for i in indices]
    assert _partition(cluster_events(batch)) == expected


def test_small_batch_with_sample_and_other_story_gives_two_events(sample, stories):
    events = cluster_events(sample + stories["fuel"])
    assert _partition(events) == sorted([sorted(a.id for a in sample), ["xang-1", "xang-2"]])


def test_idf_without_background_is_sklearns_smooth_idf(articles):
    counts = _text_vectorizer().transform([a.text for a in articles]).tocsr()
    df = np.bincount(counts.indices, minlength=counts.shape[1]).astype(np.float64)
    expected = TfidfTransformer(sublinear_tf=True).fit(counts).idf_
    cols = np.unique(counts.indices)
    assert np.allclose(idf(df, counts.shape[0], None, 0)[cols], expected[cols])


@pytest.mark.parametrize("documents, strength, expected_scale", [(1000, 30.0, 0.03), (20, 30.0, 1.0)])
def test_background_counts_as_at_most_strength_documents(documents, strength, expected_scale):
    df = tuple(np.full(4, 10.0, dtype=np.float32) for _ in BLOCKS)
    background = Background(documents, df, strength)
    assert background.scale == pytest.approx(expected_scale)
    value = idf(np.array([2.0]), 5, background, 0, np.array([1]))
    n_bg = expected_scale * documents
    assert value[0] == pytest.approx(np.log((1 + n_bg + 5) / (1 + expected_scale * 10 + 2)) + 1)


def test_background_from_counts_matches_from_articles(articles):
    direct = Background.from_articles(articles)
    table = Background.from_counts(len(articles), term_counts(articles))
    assert direct.documents == table.documents == len(articles)
    for a, b in zip(direct.df, table.df):
        # equal up to hash collisions inside one article (counted once per column vs per term)
        assert np.count_nonzero(a != b) <= 0.001 * np.count_nonzero(a)
        assert a.sum() > 0


def test_shipped_table_holds_only_frequent_short_terms():
    assert _SHIPPED.stat().st_size < 1_500_000
    table = json.loads(_SHIPPED.read_text(encoding="utf-8"))
    assert table["documents"] > 1000
    for block in BLOCKS:
        assert table["df"][block], block
        assert min(table["df"][block].values()) >= 2
    assert max(len(term.split()) for term in table["df"]["text"]) <= 2  # syllables and bigrams only
    background = shipped_background()
    assert background is not None and background.documents == table["documents"]
    assert ClusterConfig().background is background
