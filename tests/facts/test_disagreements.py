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
        "Đến 6 giờ sáng 15/7, nhiều tuyến phố vẫn ngập. Bão đổ bộ từ ngày 20/7 và tiếp tục đến sáng 21/7. "
        "Trong 2 đêm 23 và 24/7, lực lượng chức năng tuần tra."))]
    timeline = build_timeline(event_sents(articles), {"a1": articles[0].published})
    assert [(t.date, t.text[:10]) for t in timeline] == [
        ("2025-07-14", "Trận mưa k"), ("2025-07-15", "Đến 6 giờ "), ("2025-07-20", "Bão đổ bộ "),
        ("2025-07-23", "Trong 2 đê")]


@pytest.mark.parametrize("text, times", [
    ("Đến khoảng 13h cùng ngày, hai bên xảy ra mâu thuẫn.", [(13, 0)]),
    ("Vụ việc xảy ra lúc 1h14 phút sáng 24/6.", [(1, 14)]),
    ("Lúc 12 giờ ngày 15-7, nhóm bạn tổ chức ăn nhậu.", [(12, 0)]),
    ("Mưa kéo dài gần bảy giờ liền, trong 24 giờ qua lượng mưa đạt 200 mm.", []),  # durations
])
def test_clock_times_are_times_of_day_not_durations(text, times):
    from bantin.facts.disagreements import clock_times

    assert [(h, m) for h, m, _ in clock_times(text)] == times


def test_one_happening_at_different_times_of_day_is_a_disagreement():
    facts = describe(arts(
        "Đến khoảng 13h cùng ngày, trong lúc đang ăn nhậu, Tiệp và Công xảy ra mâu thuẫn rồi rút dao đâm Công.",
        "Đến khoảng 13 giờ 30 phút cùng ngày, trong lúc đang ăn nhậu, Tiệp và Công xảy ra mâu thuẫn, Tiệp rút dao đâm Công.",
        "Đến 13 giờ cùng ngày, trong lúc đang nhậu thì giữa Tiệp và Công xảy ra cãi vã, Tiệp rút dao đâm Công."))
    [d] = facts.disagreements
    assert d.quantity == "giờ xảy ra"
    assert {v.value: v.articles for v in d.values} == {"13:00": ("a1", "a3"), "13:30": ("a2",)}


def test_two_happenings_at_their_own_times_are_no_disagreement():
    facts = describe(arts("Khoảng 12h, nhóm bạn tổ chức ăn nhậu tại quán. Đến khoảng 13h cùng ngày, hai người xảy ra mâu thuẫn.",
                          "Lúc 12 giờ, nhóm bạn tổ chức ăn nhậu tại quán. Đến 13 giờ cùng ngày, hai người xảy ra mâu thuẫn."))
    assert facts.disagreements == ()


def test_the_same_clock_minute_on_different_days_is_one_happening_dated_differently():
    day = datetime(2021, 6, 25, 12, tzinfo=VN_TZ)
    articles = [Article(id="a1", published=day, text="Cảnh sát nhận được cuộc gọi báo xả súng vào lúc 1 giờ 14 phút ngày 25/6."),
                Article(id="a2", published=day, text="Cảnh sát Na Uy ngày 25/6 cho biết. Vụ việc xảy ra lúc 1h14 phút sáng 24/6.")]
    [d] = describe(articles).disagreements
    assert d.kind == "date" and {v.value: v.articles for v in d.values} == {"2021-06-25": ("a1",), "2021-06-24": ("a2",)}
