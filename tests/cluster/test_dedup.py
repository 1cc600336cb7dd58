from datetime import datetime, timedelta, timezone

import pytest

from bantin.cluster.dedup import DedupConfig, find_duplicates, jaccard, original_key, shingles
from bantin.models import Article

VN = timezone(timedelta(hours=7))
BODY = (
    "Chiều 7/9, bão số 3 (Yagi) đổ bộ vào vùng biển Quảng Ninh với sức gió cấp 12, giật cấp 15. "
    "Hàng nghìn ngôi nhà ở Hạ Long và Cẩm Phả bị tốc mái, nhiều cây xanh bật gốc. "
    "Ban Chỉ đạo phòng chống thiên tai tỉnh đã sơ tán hơn 20.000 người khỏi vùng nguy hiểm. "
    "Điện lực Quảng Ninh cho biết lưới điện tại nhiều phường bị mất hoàn toàn."
)
OTHER = (
    "Liên Bộ Công Thương - Tài chính vừa điều chỉnh giá bán lẻ xăng dầu. Từ 15 giờ chiều nay, "
    "giá xăng RON 95 tăng 850 đồng mỗi lít, lên 24.500 đồng; dầu diesel tăng 500 đồng mỗi lít."
)


def _at(hour: int) -> datetime:
    return datetime(2024, 9, 7, hour, tzinfo=VN)


@pytest.mark.parametrize("copy_text", [
    BODY,                                                    # exact copy
    BODY.upper(),                                            # case differs
    BODY.replace(",", "").replace(".", " ."),                # punctuation differs
    "(Dân trí) - " + BODY + " Theo TTXVN.",                  # outlet prefix and credit added
    BODY.replace(" Điện lực Quảng Ninh cho biết lưới điện tại nhiều phường bị mất hoàn toàn.", ""),  # paragraph dropped
    BODY.replace("hơn 20.000 người", "khoảng 20 nghìn người").replace("nhiều cây xanh", "hàng trăm cây xanh"),  # edits
])
def test_copies_are_grouped_with_the_earliest_as_original(copy_text):
    articles = [
        Article(id="copy", text=copy_text, published=_at(16)),
        Article(id="other", text=OTHER, published=_at(9)),
        Article(id="orig", text=BODY, published=_at(15)),
    ]
    groups = find_duplicates(articles)
    assert [[articles[i].id for i in g.members] for g in groups] == [["orig", "copy"]]


@pytest.mark.parametrize("dates, lengths, expected", [
    ((10, 12), (100, 200), "a"),        # earliest wins
    ((12, 10), (100, 200), "b"),
    ((None, 10), (300, 100), "b"),      # a dated article before an undated one
    ((10, 10), (100, 200), "b"),        # same time: the longest
    ((None, None), (200, 200), "a"),    # then the smallest id
])
def test_original_choice_is_deterministic(dates, lengths, expected):
    texts = [BODY + " x" * (n // 50) for n in lengths]
    articles = [
        Article(id=i, text=t, published=_at(h) if h is not None else None)
        for i, t, h in zip("ab", texts, dates)
    ]
    for ordered in (articles, articles[::-1]):
        groups = find_duplicates(ordered)
        assert len(groups) == 1
        assert ordered[groups[0].original].id == expected


def test_different_articles_are_not_copies():
    articles = [Article(id="a", text=BODY), Article(id="b", text=OTHER), Article(id="c", text="")]
    assert find_duplicates(articles) == []


def test_empty_texts_that_are_identical_are_exact_copies():
    groups = find_duplicates([Article(id="a", text="", title=""), Article(id="b", text="", title="")])
    assert [g.members for g in groups] == [(0, 1)]


def test_jaccard_of_shingles():
    a = shingles("một hai ba bốn năm sáu", 5)
    assert len(a) == 2
    assert jaccard(a, a) == 1.0
    assert jaccard(a, shingles("một hai ba bốn năm bảy", 5)) == pytest.approx(1 / 3)
    assert jaccard(a, shingles("", 5)) == 0.0


def test_config_is_validated():
    with pytest.raises(ValueError, match="Jaccard"):
        DedupConfig(threshold=1.5)


def test_original_key_takes_naive_dates_as_utc():
    naive = Article(id="a", text="x", published=datetime(2024, 1, 1, 8))
    aware = Article(id="b", text="x", published=datetime(2024, 1, 1, 14, tzinfo=VN))  # 07:00 UTC
    assert original_key(aware) < original_key(naive)


@pytest.mark.parametrize("days_apart, grouped", [(0, True), (6, True), (30, False)])
def test_copies_must_be_published_within_a_week(days_apart, grouped):
    articles = [Article(id="a", text=BODY, published=_at(9)),
                Article(id="b", text=BODY, published=_at(9) + timedelta(days=days_apart))]
    assert bool(find_duplicates(articles)) is grouped
    assert bool(find_duplicates(articles, DedupConfig(max_days=None))) is True
