"""Online assignment: events out of the time decay's reach age out of the index."""
from __future__ import annotations

import dataclasses
import math
from datetime import timedelta

import pytest

from bantin.cluster import ClusterConfig
from bantin.cluster.online import OnlineAssigner
from bantin.models import Article


@pytest.fixture
def storm(stories):
    def moved(days: float, undated: bool = False) -> list[Article]:
        """The storm story, every article moved ``days`` later (or stripped of its date)."""
        return [dataclasses.replace(a, id=f"{a.id}+{days}",
                                    published=None if undated else a.published + timedelta(days=days))
                for a in stories["storm"]]
    return moved


def _events_seen(assigner: OnlineAssigner, article: Article) -> set[int]:
    """Every event the index offers ``article`` (over all the terms it could query with)."""
    from bantin.cluster.events import _stamp

    _, terms = assigner._row(article)
    stamp = _stamp(article.published)
    return {e for t in terms if t in assigner._postings for e in assigner._reachable(t, stamp)}


def test_reach_is_where_the_time_decay_alone_falls_below_the_threshold():
    config = ClusterConfig()
    assigner = OnlineAssigner(config)
    expected = config.time_grace_days + config.time_scale_days * math.log(1 / config.online_threshold)
    assert assigner._reach == pytest.approx(expected, rel=1e-5)


@pytest.mark.parametrize("later, seen", [(1.0, True), (3.0, True), (30.0, False), (365.0, False)])
def test_an_old_event_is_looked_up_only_within_reach(storm, later, seen):
    assigner = OnlineAssigner(ClusterConfig())
    for article in storm(0):
        assigner.add(article)
    probe = storm(later)[0]
    assert (0 in _events_seen(assigner, probe)) is seen


@pytest.mark.parametrize("earlier", [1.0, 3.0])
def test_a_late_arrival_dated_before_the_event_still_joins_it(storm, earlier):
    assigner = OnlineAssigner(ClusterConfig())
    for article in storm(0):
        assigner.add(article)
    assert assigner.add(storm(-earlier)[0]) == 0


def test_the_same_story_a_year_later_is_a_new_event(storm):
    assigner = OnlineAssigner(ClusterConfig())
    first = {assigner.add(a) for a in storm(0)}
    later = {assigner.add(a) for a in storm(365)}
    assert first == {0} and later == {1}


def test_an_undated_article_still_sees_every_event(storm):
    assigner = OnlineAssigner(ClusterConfig())
    for article in storm(0) + storm(365):
        assigner.add(article)
    assert _events_seen(assigner, storm(0, undated=True)[0]) == {0, 1}


def test_an_undated_event_moves_to_time_buckets_once_it_gets_a_date(storm):
    assigner = OnlineAssigner(ClusterConfig())
    undated, dated = storm(0, undated=True), storm(0)
    assert assigner.add(undated[0]) == 0
    assert assigner.events[0].zone is None
    assert assigner.add(dated[1]) == 0
    event = assigner.events[0]
    assert event.zone is not None
    assert all(0 not in assigner._postings[t].get(None, ()) for t in event.terms)
    assert 0 not in _events_seen(assigner, storm(365)[0])     # no longer reachable from any date
    assert 0 in _events_seen(assigner, storm(1)[2])


def test_every_event_term_is_posted_in_every_bucket_of_its_zone(storm):
    assigner = OnlineAssigner(ClusterConfig())
    for article in storm(0) + storm(2) + storm(4):   # the event's range grows over the days
        assigner.add(article)
    for index, event in enumerate(assigner.events):
        lo, hi = event.zone
        assert lo == math.floor((event.first - assigner._reach) / assigner._reach)
        assert hi == math.floor((event.last + assigner._reach) / assigner._reach)
        for term in event.terms:
            assert all(assigner._postings[term].get(k, []).count(index) == 1 for k in range(lo, hi + 1))
