from datetime import datetime

import pytest

from bantin.facts import describe, disputed
from bantin.ingest.dates import VN_TZ
from bantin.models import Article


def arts(*texts):
    return [Article(text=t, id=f"a{k}") for k, t in enumerate(texts, 1)]


def test_different_tolls_are_a_disagreement_with_every_article():
    facts = describe(arts("Mưa lớn khiến ba người thiệt mạng ở Hà Nội.",
                          "Trận mưa làm hai người chết và một người mất tích.",
                          "Đến sáng nay, hai người tử vong do mưa lũ."))
    [d] = facts.disagreements
    assert d.kind == "number" and d.quantity == "số người chết"
    by_value = {v.value: v.articles for v in d.values}
    assert by_value == {"2": ("a2", "a3"), "3": ("a1",)}
    assert disputed("Mưa làm ba người thiệt mạng.", facts)[0]["other_values"] == ["2"]


@pytest.mark.parametrize("first, second", [
    ("Vụ cháy làm hơn 100 người bị thương.", "Vụ cháy làm 112 người bị thương."),  # compatible
    ("Vụ cháy làm 5 người chết.", "Số người chết đã tăng lên 7 người chết."),  # marked update
    ("Vụ cháy làm 5 người chết.", "Vụ cháy làm 7 người bị thương."),  # different quantities
    ("Bão làm 2 người chết ở Quảng Ninh và tổng cộng 5 người chết.", "Bão làm 5 người chết."),  # part toll
])
def test_no_false_alarm(first, second):
    assert describe(arts(first, second)).disagreements == ()


def test_syndicated_copies_are_one_voice():
    facts = describe(arts("Vụ tai nạn làm ba người chết.", "Vụ tai nạn làm ba người chết.", "Vụ tai nạn làm hai người chết."),
                     duplicate_groups=[["a1", "a2"]])
    [d] = facts.disagreements
    assert sorted(len(v.articles) for v in d.values) == [1, 1]


def test_timeline_resolves_relative_dates_and_merges_sources():
    published = datetime(2025, 7, 15, 9, 0, tzinfo=VN_TZ)
    articles = [Article(text="Hôm qua, mưa lớn gây ngập nhiều tuyến phố.", id="a1", published=published),
                Article(text="Trận mưa đêm 14/7 làm ngập 72 điểm.", id="a2", published=published)]
    [entry] = describe(articles).timeline
    assert entry.date == "2025-07-14" and entry.sources == ("a1", "a2")


def test_additions_are_numbered_facts_only_one_article_has():
    facts = describe(arts("Mưa lớn gây ngập ở Hà Nội trong đêm qua. Ngành điện tạm ngắt điện tại 35 trạm biến áp, khoảng 20.000 khách hàng bị ảnh hưởng.",
                          "Mưa lớn gây ngập ở Hà Nội trong đêm qua."))
    assert [a.article for a in facts.additions] == ["a1"]
    assert "35 trạm biến áp" in facts.additions[0].text


def test_a_span_of_dates_is_one_timeline_entry_at_its_start():
    from bantin.facts.document import event_sents
    from bantin.facts.timeline import build_timeline

    articles = [Article(id="a1", published=datetime(2025, 7, 15, 9), text=(
        "Trận mưa kéo dài từ tối 14/7 đến rạng sáng 15/7 khiến nhiều phố ngập. "
        "Đến 6 giờ sáng 15/7, nhiều tuyến phố vẫn ngập. Bão đổ bộ từ ngày 20/7 và tiếp tục đến sáng 21/7."))]
    timeline = build_timeline(event_sents(articles), {"a1": articles[0].published})
    assert [(t.date, t.text[:10]) for t in timeline] == [
        ("2025-07-14", "Trận mưa k"), ("2025-07-15", "Đến 6 giờ "), ("2025-07-20", "Bão đổ bộ ")]
