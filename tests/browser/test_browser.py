"""Editors' paths through the pages in Chromium: feed -> event -> source marker -> article; search
without diacritics; a hostile article shown as text."""
from __future__ import annotations

import re

from tests.browser.conftest import shoot


def test_open_feed_then_event(server, page):
    page.goto(server + "/")
    assert page.locator("li.card").count() >= 4
    shoot(page, "feed")
    page.get_by_role("link", name=re.compile("Bão số 3 đổ bộ Quảng Ninh")).first.click()
    page.wait_for_url(re.compile(r"/events/ev-"))
    assert "Bão số 3" in page.locator("h1").inner_text()
    assert page.locator("a.marker").count() >= 1
    shoot(page, "event")


def test_follow_a_source_marker_to_the_sentence(server, page):
    page.goto(server + "/?q=ky+luc+ha+noi")
    page.locator("li.card h2 a").first.click()
    page.wait_for_url(re.compile(r"/events/ev-"))
    shoot(page, "event-page")  # the README screenshot comes from here (the bundled sample)
    marker = page.locator("a.marker").first
    number = marker.inner_text().strip("[]")
    marker.click()
    page.wait_for_url(re.compile(rf"#nguon-{number}$"))
    source = page.locator(f"#nguon-{number}")
    assert source.is_visible()
    quoted = source.locator("blockquote").inner_text()
    source.locator("a.source-link").click()
    page.wait_for_url(re.compile(r"/articles/.+#cau-\d+$"))
    anchor = page.url.rsplit("#", 1)[1]
    sentence = page.locator(f"#{anchor}")
    assert sentence.is_visible() and sentence.inner_text().strip() == quoted.strip()
    shoot(page, "source-sentence")


def test_search_without_diacritics(server, page):
    page.goto(server + "/")
    page.fill("#tim", "so tan ho dan")
    page.press("#tim", "Enter")
    page.wait_for_url(re.compile(r"/tim-kiem\?q="))
    titles = page.locator("li.hit > a").all_inner_texts()
    assert any("sơ tán" in t for t in titles), titles
    shoot(page, "search")


def test_hostile_article_renders_as_text(server, page):
    page.goto(server + "/tim-kiem?q=duong+lang")
    page.locator("li.hit > a").first.click()
    page.wait_for_url(re.compile(r"/articles/xss-1"))
    assert '<script>alert("xss-title")</script>' in page.locator("h1").inner_text()
    body = page.locator("div.body").inner_text()
    assert '<a href="javascript:alert(2)">' in body and "onerror=alert(3)" in body
    assert page.locator("main img, main script, script").count() == 0
    assert page.locator("a[href^='javascript:' i]").count() == 0
    shoot(page, "hostile-article")
    page.locator("a", has_text="sự kiện").last.click()
    page.wait_for_url(re.compile(r"/events/ev-"))
    assert page.locator("main img, script").count() == 0
    page.goto(server + "/")
    assert page.locator("main img, script").count() == 0
    assert page.dialogs == []
