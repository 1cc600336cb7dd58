import dataclasses
import random
from datetime import timedelta

import pytest

from bantin.cluster import ClusterConfig, EventClusterer, cluster_events
from bantin.cluster.events import time_factor
from bantin.cluster.features import entities, numbers
from bantin.models import Article


def _partition(events):
    return sorted(sorted(e.articles) for e in events)


def test_stories_become_events(articles):
    events = cluster_events(articles)
    assert _partition(events) == [["bao-1", "bao-2", "bao-3"], ["lu-1", "lu-2"], ["xang-1", "xang-2"]]


def test_every_article_appears_exactly_once(articles):
    extra = [Article(id="le", text="Một bài không liên quan về giải bóng đá V-League."), Article(id="empty", text="")]
    events = cluster_events(articles + extra)
    ids = [i for e in events for i in e.articles]
    assert sorted(ids) == sorted(a.id for a in articles + extra)


def test_stories_with_shared_words_stay_apart(stories):
    # storm and flood share "mưa", "Hà", "ngập", "nước", "điện", "người dân", place words...
    events = cluster_events(stories["storm"] + stories["flood"])
    assert _partition(events) == [["bao-1", "bao-2", "bao-3"], ["lu-1", "lu-2"]]


def test_copies_always_share_an_event(stories):
    storm = stories["storm"]
    copy = storm[0].replace(id="bao-1-copy", source="copy.vn", published=storm[0].published + timedelta(hours=2))
    strict = dataclasses.replace(ClusterConfig(), threshold=0.99)  # nothing else merges at this threshold
    events = cluster_events([copy] + storm + stories["fuel"], strict)
    by_article = {i: e for e in events for i in e.articles}
    assert by_article["bao-1"] is by_article["bao-1-copy"]
    assert by_article["bao-1"].duplicates == (("bao-1", "bao-1-copy"),)


def test_incremental_equals_batch(articles):
    clusterer = EventClusterer()
    for article in articles[:4]:
        clusterer.add(article)
    first = clusterer.events()
    for article in articles[4:]:
        clusterer.add(article)
    assert [e.to_dict() for e in clusterer.events()] == [e.to_dict() for e in cluster_events(articles)]
    assert sum(len(e.articles) for e in first) == 4


@pytest.mark.parametrize("seed", range(5))
def test_input_order_does_not_matter(articles, seed):
    shuffled = list(articles)
    random.Random(seed).shuffle(shuffled)
    assert [e.to_dict() for e in cluster_events(shuffled)] == [e.to_dict() for e in cluster_events(articles)]


def test_events_sorted_by_size_then_recency(stories):
    events = cluster_events(stories["flood"] + stories["fuel"] + stories["storm"])
    assert [e.articles[0][:3] for e in events] == ["bao", "lu-", "xan"]  # 3 articles; then 2 (June after March)
    storm = events[0]
    assert storm.first_published.isoformat() == "2024-09-07T15:00:00+07:00"
    assert storm.last_published.isoformat() == "2024-09-08T14:00:00+07:00"
    assert storm.title == "Bão số 3 đổ bộ vào Quảng Ninh, hàng nghìn nhà tốc mái"  # earliest article's title
    assert storm.sources == ("bao0.vn", "bao1.vn", "bao2.vn")


def test_undated_articles_are_placed_by_text(stories):
    undated = [a.replace(published=None) for a in stories["storm"]]
    events = cluster_events(undated + stories["fuel"])
    assert _partition(events) == [["bao-1", "bao-2", "bao-3"], ["xang-1", "xang-2"]]
    assert events[0].first_published is None


def test_empty_input():
    assert cluster_events([]) == []


@pytest.mark.parametrize("gap, expected", [(float("nan"), 1.0), (0.0, 1.0), (1.0, 1.0)])
def test_time_factor_has_a_grace_period(gap, expected):
    assert time_factor(gap, ClusterConfig()) == expected


def test_time_factor_decays():
    config = ClusterConfig()
    assert 1.0 > time_factor(10.0, config) > time_factor(40.0, config) > 0.0


@pytest.mark.parametrize("text, expected", [
    ("Sáng nay, ông Nguyễn Văn An đến Hà Nội.", ["nguyễn_văn_an", "hà_nội"]),
    ("Hà Nội mưa to.", ["nội"]),                      # sentence start: the first syllable may be capitalized by position
    ("Giá xăng tăng. Bộ Công Thương cho biết", ["công_thương"]),
    ("không có tên riêng nào", []),
])
def test_entities_are_capitalized_runs(text, expected):
    assert entities(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Bộ Y tế gia hạn 3.579 thuốc ngày 12/3/2024.", ["3.579", "12/3/2024"]),
    ("Tăng 5% trong 2 năm, đạt 1,5 triệu.", ["1,5"]),     # single digits are too common to count
    ("Ngày 20-11 có 300 người.", ["20", "11", "300"]),
    ("không có số nào", []),
])
def test_numbers_are_event_signatures(text, expected):
    assert numbers(text) == expected


def test_sister_stories_are_told_apart_by_their_numbers():
    from bantin.cluster.features import article_matrix

    base = "Bộ Y tế quyết định gia hạn giấy đăng ký lưu hành thuốc cho các cơ sở sản xuất trong nước."
    title = "Gia hạn giấy phép lưu hành thuốc"
    same = [Article(id=f"a{k}", title=title, text=f"{base} Đợt này có 3.579 thuốc, hiệu lực đến 31/12/2024.")
            for k in range(2)]
    sister = Article(id="b", title=title, text=f"{base} Đợt này có 1.264 thuốc, hiệu lực đến 30/06/2025.")
    weights = ClusterConfig().weights
    assert weights.numbers > 0
    matrix, _ = article_matrix(same + [sister], weights)
    gram = (matrix @ matrix.T).toarray()
    assert gram[0, 1] - gram[0, 2] > 0.9 * weights.numbers   # the texts differ only by their numbers


@pytest.mark.parametrize("bad", [dict(threshold=1.5), dict(online_threshold=0.0)])
def test_config_is_validated(bad):
    with pytest.raises(ValueError, match="threshold"):
        ClusterConfig(**bad)


def test_add_assigns_each_article_online(articles):
    clusterer = EventClusterer()
    assigned = {a.id: clusterer.add(a) for a in articles}
    stories = {}
    for article_id, event in assigned.items():
        stories.setdefault(article_id.split("-")[0], set()).add(event)
    assert all(len(events) == 1 for events in stories.values())          # a story stays in one event
    assert len(set(assigned.values())) == 3                                # and stories stay apart
    online = clusterer.online_events()
    assert _partition(online) == _partition(clusterer.events())


@pytest.mark.parametrize("seed", range(3))
def test_online_events_cover_every_article_once_in_any_order(articles, seed):
    shuffled = list(articles) + [Article(id="empty", text="")]
    random.Random(seed).shuffle(shuffled)
    clusterer = EventClusterer()
    clusterer.extend(shuffled)
    ids = sorted(i for e in clusterer.online_events() for i in e.articles)
    assert ids == sorted(a.id for a in shuffled)
    assert sorted(i for g in clusterer.online_groups() for i in g) == list(range(len(shuffled)))


def test_online_assignment_is_strict_enough_to_open_new_events(articles):
    strict = EventClusterer(dataclasses.replace(ClusterConfig(), online_threshold=0.99))
    assert [strict.add(a) for a in articles] == list(range(len(articles)))
