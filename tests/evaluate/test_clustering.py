import random

import pytest

from bantin.evaluate import clustering
from bantin.evaluate.corpora import corpus_path
from bantin.models import Article

CASES = [
    ({"a": 1, "b": 1, "c": 2}, {"a": "x", "b": "x", "c": "y"}),              # perfect
    ({"a": 1, "b": 1, "c": 2}, {"a": "x", "b": "y", "c": "z"}),              # all singletons
    ({"a": 1, "b": 1, "c": 2}, {"a": "x", "b": "x", "c": "x"}),              # one cluster
    ({"a": 1, "b": 1, "c": 1}, {"a": "x", "b": "x", "c": "x"}),              # both one cluster
    ({"a": 1, "b": 1, "c": 2, "d": 2}, {"a": "x", "b": "y", "e": "x"}),      # missing and extra items
    ({"a": 1}, {"a": 5}),
]


@pytest.mark.parametrize("gold, pred", CASES)
def test_metrics_match_the_reference_on_small_cases(gold, pred, shared_bench):
    reference = shared_bench("cluster_metrics")
    assert clustering.score(gold, pred) == pytest.approx(reference.score(gold, pred))


def test_metrics_match_the_reference_on_random_labelings(shared_bench):
    reference = shared_bench("cluster_metrics")
    rng = random.Random(7)
    for _ in range(30):
        n = rng.randint(2, 60)
        gold = {f"i{k}": rng.randint(0, 8) for k in range(n)}
        pred = {f"i{k}": rng.randint(0, rng.randint(1, 12)) for k in range(n) if rng.random() > 0.1}
        assert clustering.score(gold, pred) == pytest.approx(reference.score(gold, pred))


@pytest.mark.parametrize("gold, pred, b3", [
    ({"a": 1, "b": 1, "c": 2}, {"a": 1, "b": 1, "c": 2}, (1.0, 1.0)),
    ({"a": 1, "b": 1}, {"a": 1, "b": 2}, (1.0, 0.5)),
    ({"a": 1, "b": 2}, {"a": 1, "b": 1}, (0.5, 1.0)),
])
def test_bcubed_by_hand(gold, pred, b3):
    result = clustering.score(gold, pred)
    assert (result["bcubed_p"], result["bcubed_r"]) == pytest.approx(b3)


def test_best_threshold_takes_the_middle_of_the_best_run():
    curve = [(0.1, 0.80), (0.2, 0.90), (0.3, 0.90), (0.4, 0.90), (0.5, 0.70)]
    assert clustering.best_threshold(curve) == 0.3


def test_baselines_group_identical_texts():
    articles = [Article(id=str(k), text=text) for k, text in enumerate(
        ["giá xăng tăng mạnh chiều nay", "bão số 3 đổ bộ Quảng Ninh", "giá xăng tăng mạnh chiều nay",
         "bão số 3 đổ bộ Quảng Ninh"])]
    for method in (clustering.average_linkage_baseline, clustering.single_pass_baseline,
                   clustering.bantin_online_method):
        groups = sorted(sorted(g) for g in method(articles, 0.5))
        assert groups == [[0, 2], [1, 3]]


@pytest.fixture(scope="module")
def pooled_vmds():
    """VMDS pooled once for the module's corpus tests (skips when ../shared is absent)."""
    path = corpus_path("vmds")
    if path is None:
        pytest.skip("VMDS not present under ../shared")
    return clustering.pooled(path)


@pytest.mark.corpus
def test_pooled_vmds_evaluation_runs(pooled_vmds):
    articles, gold = pooled_vmds
    assert len(articles) == 628 and len(set(gold.values())) == 199
    result = clustering.evaluate("bantin", articles, gold, 0.13, "given")
    assert result.scores["n_missing"] == 0
    assert result.scores["bcubed_f1"] > 0.9


@pytest.mark.corpus
def test_online_assignment_on_pooled_vmds_beats_single_pass(pooled_vmds):
    articles, gold = pooled_vmds
    result = clustering.evaluate("bantin-online", articles, gold, 0.16, "given", shuffles=2)
    assert result.scores["n_missing"] == 0
    assert result.scores["bcubed_f1"] > 0.9          # single-pass TDT at its oracle threshold: 0.886
    assert result.stability["bcubed_f1_min"] > 0.9
