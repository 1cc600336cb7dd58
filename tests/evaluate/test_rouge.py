"""ROUGE at the syllable level: hand-computed cases, and equality with the team's reference scorer."""
from __future__ import annotations

import unicodedata

import pytest

from bantin.evaluate import rouge
from bantin.evaluate.corpora import corpus_path, load_vmds


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("Cứu_quốc 5.000 người", ["cứu", "quốc", "5", "000", "người"]),
        ("TP. HCM, “Hà Nội”!", ["tp", "hcm", "hà", "nội"]),
        (unicodedata.normalize("NFD", "Hòa Bình"), ["hòa", "bình"]),
        ("ĐỒNG\u00a0Nai\u200b mưa", ["đồng", "nai", "mưa"]),
        ("", []),
    ],
)
def test_tokenize_syllables_nfc_lowercase(text, tokens):
    assert rouge.tokenize(text) == tokens


def test_identical_texts_score_one():
    result = rouge.score("Hà Nội mưa lớn.", ["Hà Nội mưa lớn."])
    for metric in rouge.METRICS:
        assert result.get(metric).f == pytest.approx(1.0)


def test_rouge_values_by_hand():
    # system: a b c d ; reference: a b x d -> unigrams 3/4, bigrams (a b) 1/3, LCS a b d = 3
    result = rouge.score("mưa lớn ở Huế", ["mưa lớn tại Huế"], budget=None)
    assert result.rouge1.p == pytest.approx(0.75)
    assert result.rouge2.f == pytest.approx(1 / 3)
    assert result.rougeL.r == pytest.approx(0.75)


def test_budget_is_mean_reference_length_rounded_half_up():
    # references of 2 and 3 syllables -> 2.5 -> 3
    result = rouge.score("một hai ba bốn năm", ["một hai", "một hai ba"])
    assert result.budget == 3
    assert result.length == 3


def test_mean_over_references_of_each_of_p_r_f():
    result = rouge.score("mưa lớn", ["mưa lớn", "nắng nóng"], budget=None)
    assert result.rouge1.f == pytest.approx(0.5)


def test_lcs_bit_parallel_matches_dynamic_programming():
    a = "a b c b d a b".split()
    b = "b d c a b a".split()
    assert rouge.lcs_length(a, b) == 4


HAND_TEXTS = [
    "Thủ tướng Nguyễn Xuân Phúc đã chủ trì cuộc họp.",
    unicodedata.normalize("NFD", "Bão số 5 đổ bộ vào Thanh Hóa, 3.500 hộ dân mất điện."),
    "Giá_xăng tăng 1.000 đồng/lít từ 15h ngày 20/5 — “mức tăng cao nhất”…",
    "ÔNG NGUYỄN VĂN A (SN 1970, trú tại Q.1, TP.HCM) bị bắt.",
    "",
    "İstanbul ǅemal ß ﬁ café ①②",
]


@pytest.mark.parametrize("budget", [None, "ref-mean", 7])
def test_equals_reference_scorer_on_hand_texts(budget, shared_bench):
    reference = shared_bench("rouge_vi")
    for system in HAND_TEXTS:
        assert rouge.tokenize(system) == reference.tokenize(system)
        refs = [t for t in HAND_TEXTS if t and t != system][:2]
        ours = rouge.score(system, refs, budget=budget)
        theirs = reference.score(system, refs, budget=budget)
        for metric in rouge.METRICS:
            assert ours.get(metric).to_dict() == theirs[metric]


@pytest.mark.corpus
def test_equals_reference_scorer_on_vmds(shared_bench):
    reference = shared_bench("rouge_vi")
    root = corpus_path("vmds")
    if root is None:
        pytest.skip("VMDS absent")
    for cluster in load_vmds(root)[::10]:
        for article in cluster.articles:
            assert rouge.tokenize(article.text) == reference.tokenize(article.text)
        # a lead-like system: the start of the first article, long enough to be cut
        system = cluster.articles[0].text[:1500]
        ours = rouge.score(system, cluster.references)
        theirs = reference.score(system, list(cluster.references), budget="ref-mean")
        assert ours.budget == theirs["budget"]
        for metric in rouge.METRICS:
            assert ours.get(metric).to_dict() == theirs[metric]
