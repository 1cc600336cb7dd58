"""The article in a news page (bantin.ingest.html): body container, kept and dropped blocks, metadata."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from bantin.ingest.html import extract_article

BODY = [
    "Sáng 29/3, thành phố Đà Nẵng khánh thành cây cầu mới bắc qua sông Hàn sau hai năm thi công, "
    "tổng vốn đầu tư hơn 1.200 tỷ đồng.",
    "Cây cầu dài 650 m, rộng 30 m, dự kiến giảm ùn tắc cho khu vực trung tâm vào giờ cao điểm, "
    "theo Sở Giao thông vận tải thành phố.",
    "Ông Nguyễn Văn An, người dân quận Hải Châu, cho biết mỗi sáng ông mất gần 40 phút để qua sông, "
    "nay chỉ còn khoảng 10 phút.",
    "Thành phố cũng lên kế hoạch xây thêm hai cây cầu nữa trong giai đoạn 2025-2030, với tổng vốn "
    "dự kiến khoảng 3.000 tỷ đồng.",
]
SAPO = "Cây cầu thứ bảy bắc qua sông Hàn chính thức thông xe sau hai năm thi công, giảm tải cho các cầu cũ."
TITLE = "Khánh thành cầu Rồng mới"


def page(body: str, head: str = "", outside: str = "") -> str:
    return (
        f"<html><head><meta charset='utf-8'><title>{TITLE} | Báo Miền Trung</title>{head}</head><body>"
        "<nav><a href='/'>Trang chủ</a> <a href='/xa-hoi'>Xã hội</a> <a href='/kinh-te'>Kinh tế</a></nav>"
        f"<div class='main'><h1>{TITLE}</h1>{body}</div>"
        "<div class='sidebar'><h3>Đọc nhiều</h3><ul>"
        + "".join(f"<li><a href='/t{i}'>Tin nổi bật số {i} trong ngày hôm nay</a></li>" for i in range(8))
        + f"</ul></div>{outside}<footer>Bản quyền thuộc Báo Miền Trung. Ghi rõ nguồn khi phát hành lại.</footer>"
        "</body></html>"
    )


def paragraphs(items: list[str]) -> str:
    return "".join(f"<p>{p}</p>" for p in items)


def test_body_paragraphs_in_order_without_menu_sidebar_or_footer():
    article = extract_article(page(f"<div class='content'>{paragraphs(BODY)}</div>"))
    assert article.method == "dom"
    assert list(article.paragraphs) == BODY
    assert article.title == TITLE


def test_inter_titles_are_kept_in_place():
    body = (f"<div class='content'>{paragraphs(BODY[:2])}<h2>Người dân phấn khởi</h2>{paragraphs(BODY[2:3])}"
            f"<p><strong>Thêm hai cây cầu</strong></p>{paragraphs(BODY[3:])}</div>")
    article = extract_article(page(body))
    assert list(article.paragraphs) == [*BODY[:2], "Người dân phấn khởi", BODY[2], "Thêm hai cây cầu", BODY[3]]


@pytest.mark.parametrize(
    "noise",
    [
        "<figure><img src='a.jpg'><figcaption>Cầu Rồng mới nhìn từ trên cao.</figcaption></figure>",
        "<p>Ảnh: Nguyễn Đông</p>",
        "<p>Cầu Rồng mới nhìn từ trên cao (Ảnh: Nguyễn Đông)</p>",
        "<p>Cầu Rồng mới nhìn từ trên cao. Ảnh: Nguyễn Đông</p>",
        "<p>(Dân trí) - Một cây cầu khác ở Quảng Nam cũng vừa được khởi công, với vốn đầu tư 500 tỷ đồng.</p>",
        "<table class='image'><tr><td><img src='a.jpg'></td></tr><tr><td>Cầu Rồng mới nhìn từ trên cao</td></tr></table>",
        "<div align='center'><img src='a.jpg' alt='Cầu Rồng mới nhìn từ trên cao'></div>"
        "<div align='center'><span>Cầu Rồng mới nhìn từ trên cao</span></div>",
        "<p><img src='a.jpg'><br>Lễ thông xe sáng 29/3</p>",
        "<div class='box-related'><h3>Tin liên quan</h3><a href='/x'>Đà Nẵng xây cầu mới</a>"
        "<p>Thành phố sẽ xây cầu mới bắc qua sông Hàn, dự kiến khởi công trong tháng tới.</p></div>",
        "<div type='RelatedOneNews'><a href='/x'>Đà Nẵng xây cầu mới</a>"
        "<p class='RelatedNewsItemSapo'>Thành phố sẽ xây cầu mới bắc qua sông Hàn, dự kiến khởi công.</p></div>",
        "<p><a href='/a'>Đà Nẵng xây cầu mới</a> | <a href='/b'>Sông Hàn mùa lễ hội</a> | <a href='/c'>Cầu quay</a></p>",
        "<p>&gt;&gt; Đà Nẵng xây thêm cầu qua sông Hàn</p>",
        "<p>Xem thêm: Đà Nẵng xây thêm cầu qua sông Hàn</p>",
        "<div class='social-share'><a href='#'>Chia sẻ</a> <a href='#'>Facebook</a> <span>Bình luận (12)</span></div>",
        "<div class='tags'>Từ khóa: <a href='/t/cau'>cầu Rồng</a> <a href='/t/dn'>Đà Nẵng</a></div>",
        "<p>Thứ bảy, 29/3/2025, 08:15 (GMT+7)</p>",
        "<div style='display:none'>Đăng nhập để bình luận bài viết này và nhận thông báo mới nhất</div>",
    ],
)
def test_page_noise_inside_the_body_is_dropped(noise):
    body = f"<div class='content'>{paragraphs(BODY[:2])}{noise}{paragraphs(BODY[2:])}</div>"
    article = extract_article(page(body))
    assert list(article.paragraphs) == BODY


@pytest.mark.parametrize(
    "closing",
    [
        "<p style='text-align:right'><strong>Minh Anh</strong></p>",
        "<p>Hoàng Sơn - Thu Hà</p>",
        "<p>(Theo TTXVN)</p>",
        "<p>Thu Uyên</p><p>Theo Reuters, Channel News Asia, South China Morning Post</p>",
    ],
)
def test_author_and_credit_lines_closing_the_body_are_dropped(closing):
    article = extract_article(page(f"<div class='content'>{paragraphs(BODY)}{closing}</div>"))
    assert list(article.paragraphs) == BODY


def test_a_paragraph_that_starts_with_theo_is_body():
    text = "Theo hãng tin Reuters, lễ thông xe có sự tham dự của hàng nghìn người dân và du khách."
    article = extract_article(page(f"<div class='content'>{paragraphs([text, *BODY])}</div>"))
    assert list(article.paragraphs) == [text, *BODY]


def test_sapo_from_its_class_comes_first_even_outside_the_body():
    body = f"<h2 class='sapo'>{SAPO}</h2><div class='content'>{paragraphs(BODY)}</div>"
    article = extract_article(page(body))
    assert article.sapo == SAPO
    assert article.text.split("\n") == [SAPO, *BODY]


def test_sapo_found_by_the_page_description_and_not_repeated():
    head = f"<meta property='og:description' content='{SAPO}'>"
    body = f"<div class='content'><p><b>{SAPO}</b></p>{paragraphs(BODY)}</div>"
    article = extract_article(page(body, head))
    assert article.text.split("\n") == [SAPO, *BODY]


def test_metadata_from_meta_tags():
    head = ("<meta property='og:title' content='Khánh thành cầu Rồng mới'>"
            "<meta property='og:site_name' content='Báo Miền Trung'>"
            "<meta property='article:published_time' content='2025-03-29T08:15:00+07:00'>"
            "<meta name='author' content='Minh Anh'>"
            "<meta property='og:url' content='https://baomientrung.vn/khanh-thanh-cau-rong-moi.html'>")
    article = extract_article(page(f"<div class='content'>{paragraphs(BODY)}</div>", head))
    assert (article.title, article.source, article.published, article.author) == (
        TITLE, "Báo Miền Trung", "2025-03-29T08:15:00+07:00", "Minh Anh")
    assert article.url == "https://baomientrung.vn/khanh-thanh-cau-rong-moi.html"


def test_metadata_from_json_ld_news_article_with_double_escaped_entities():
    record = {"@context": "https://schema.org", "@graph": [
        {"@type": "WebSite", "name": "Báo Miền Trung"},
        {"@type": "NewsArticle", "headline": "Khánh thành c&amp;#7847;u Rồng mới",
         "datePublished": "2025-03-29T08:15:00+07:00", "author": [{"@type": "Person", "name": "Minh Anh"}],
         "publisher": {"@type": "Organization", "name": "Báo Miền Trung"}}]}
    head = f"<script type='application/ld+json'>{json.dumps(record, ensure_ascii=False)}</script>"
    article = extract_article(page(f"<div class='content'>{paragraphs(BODY)}</div>", head))
    assert (article.title, article.published, article.author, article.source) == (
        TITLE, "2025-03-29T08:15:00+07:00", "Minh Anh", "Báo Miền Trung")


def test_visible_time_element_gives_the_date_when_no_tag_does():
    body = f"<time datetime='2025-10-25T00:15:00.000Z'>25/10/2025</time><div class='content'>{paragraphs(BODY)}</div>"
    assert extract_article(page(body)).published == "2025-10-25T00:15:00.000Z"


def test_a_form_wrapping_the_whole_page_is_not_dropped():
    html = page(f"<div class='content'>{paragraphs(BODY)}</div>")
    html = html.replace("<body>", "<body><form id='form1' method='post'>").replace("</body>", "</form></body>")
    assert list(extract_article(html).paragraphs) == BODY


def test_microdata_article_body_is_the_container():
    body = (f"<div class='x'>{paragraphs(BODY[:1])}</div>"
            f"<div itemprop='articleBody'>{paragraphs(BODY[1:])}</div>")
    assert list(extract_article(page(body)).paragraphs) == BODY[1:]


def test_a_page_without_paragraph_markup_falls_back_to_trafilatura_or_none():
    assert extract_article("") is None
    assert extract_article("<html><body></body></html>") is None


REALWEB = Path(__file__).resolve().parents[3] / "shared" / "datasets" / "realweb-dev"


@pytest.mark.corpus
@pytest.mark.skipif(not (REALWEB / "html").is_dir(), reason="../shared/datasets/realweb-dev is absent")
def test_realweb_html_recall_and_junk_beat_trafilatura():
    from bantin.evaluate.cleaning import evaluate_cleaning, load_clean_corpus, summarize

    items = [item for item in load_clean_corpus(REALWEB) if item.kind == "html"]
    rows = summarize(evaluate_cleaning(items, systems=("bantin", "trafilatura")))
    scores = {system: score for kind, group, system, _, score in rows if kind == "html" and group == "all"}
    bantin, trafilatura = scores["bantin"], scores["trafilatura"]
    assert bantin.recall >= 0.97 and bantin.junk_share <= 0.02
    assert bantin.recall - bantin.junk_share >= trafilatura.recall - trafilatura.junk_share + 0.03


def test_a_body_cut_in_two_by_an_ad_slot_is_read_whole():
    body = (f"<div class='wrap'><div class='content'>{paragraphs(BODY[:2])}</div>"
            "<div class='ad-slot'><a href='/qc'>Quảng cáo</a></div>"
            f"<div class='content'>{paragraphs(BODY[2:])}</div></div>")
    assert list(extract_article(page(body)).paragraphs) == BODY


def test_text_straight_in_the_body_element_is_read():
    html = "<html><body>" + "<br>".join(BODY) + "</body></html>"
    assert list(extract_article(html).paragraphs) == BODY


def test_a_summary_box_far_from_the_body_is_not_the_sapo():
    far = ("<div class='outer'><div><div><div class='box-summary'>Tóm tắt tuần qua: giá vàng tăng, "
           "chứng khoán giảm và thời tiết nắng nóng kéo dài ở miền Bắc.</div></div></div></div>")
    body = f"<div class='container'><div class='col-left'><div class='content'>{paragraphs(BODY)}</div></div></div>"
    article = extract_article(page(body, outside=far))
    assert article.sapo == "" and list(article.paragraphs) == BODY


def test_sapo_without_a_class_is_the_prose_between_headline_and_body():
    body = f"<div><span>Thứ bảy, 29/3/2025</span></div><h3>{SAPO}</h3><div class='x'>{paragraphs(BODY)}</div>"
    article = extract_article(page(body))
    assert article.text.split("\n") == [SAPO, *BODY]


def test_class_names_are_not_needed_to_find_the_body():
    body = f"<div><div>{paragraphs(BODY)}</div></div>"
    html = page(body).replace(" class='sidebar'", "")
    assert list(extract_article(html).paragraphs) == BODY


def test_an_aggregator_fragment_credits_its_outlet_and_header_date():
    html = (f"<div class='content-main'><h1>{TITLE}</h1><div class='content-meta'>"
            "<a class='bm-card-source' title='Báo Nhân Dân' href='/nd.epi'><img alt='Báo Nhân Dân'></a>"
            "<span class='time'>08:15 29/3/2025</span></div>"
            f"<div class='content-body'>{paragraphs(BODY)}</div></div>")
    article = extract_article(html)
    assert (article.source, article.published) == ("Báo Nhân Dân", "08:15 29/3/2025")
    assert list(article.paragraphs) == BODY


def test_a_site_name_given_as_a_url_becomes_its_host():
    head = "<meta property='og:site_name' content='https://www.baomientrung.vn'>"
    assert extract_article(page(f"<div class='content'>{paragraphs(BODY)}</div>", head)).source == "baomientrung.vn"
