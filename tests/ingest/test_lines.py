"""The page-dump line classifier: gate, body kept, chrome and markup dropped, headline found."""
from __future__ import annotations

from pathlib import Path

from bantin.evaluate.cleaning import load_clean_corpus, score_output
from bantin.ingest.boilerplate import clean_text
from bantin.ingest.lines import clean_dump, looks_like_page_dump

MINI = Path(__file__).resolve().parents[1] / "data" / "realweb-mini"


def test_gate_passes_pages_and_leaves_articles():
    page = (MINI / "text" / "baomau__1.txt").read_text(encoding="utf-8").split("\n")
    assert looks_like_page_dump(page)
    article = ["Sáng 15/7, mưa lớn khiến nhiều tuyến phố ở Hà Nội ngập sâu.", "Tin liên quan",
               "Cơ quan khí tượng dự báo mưa còn kéo dài đến hết tuần."]
    assert not looks_like_page_dump(article)


def test_mini_dumps_keep_the_body_and_drop_the_chrome():
    for item in load_clean_corpus(MINI):
        if item.kind == "html":
            continue
        result = clean_dump(item.path.read_text(encoding="utf-8"))
        assert result.title == item.gold.title
        score, lost, junk = score_output("\n".join(result.text_lines), item.gold)
        assert lost == [] and junk == [], item.name


def test_markdown_links_become_their_text():
    result = clean_dump((MINI / "text" / "baomau__2.txt").read_text(encoding="utf-8"))
    assert any(line.endswith("nhất là ở Hà Nội.") for line in result.text_lines)
    assert not any("](" in line for line in result.text_lines)


def test_cleaning_a_page_is_idempotent_and_explains_every_line():
    text = (MINI / "text" / "baomau__1.txt").read_text(encoding="utf-8")
    once = clean_text(text)
    assert once.title == "Hà Nội mở thêm tuyến buýt điện nối sân bay Nội Bài"
    assert clean_text(once.text).kept == once.kept
    numbers = {n for n, line in enumerate(text.split("\n"), start=1) if line.strip()}
    assert set(once.kept_lines) | {d.line for d in once.dropped} == numbers


def test_reader_comments_below_the_body_are_dropped():
    body = [
        "Sáng 15/7, mưa lớn khiến nhiều tuyến phố ở Hà Nội ngập sâu, giao thông ùn tắc kéo dài nhiều giờ liền.",
        "Cơ quan khí tượng dự báo mưa còn kéo dài đến hết tuần, người dân cần theo dõi các bản tin thời tiết.",
        "Sở Xây dựng Hà Nội cho biết đã huy động hàng trăm công nhân cùng máy bơm để tiêu thoát nước.",
    ]
    comments = [
        "Ý kiến bạn đọc (12)",
        "Năm nào cũng ngập như thế này mà chưa thấy giải pháp nào hiệu quả, người dân khổ quá rồi.",
        "minhtuan88",
        "3 giờ trước",
        "Thích | 42",
        "Thành phố cần đầu tư hệ thống thoát nước bài bản hơn thay vì chỉ bơm nước mỗi khi mưa to.",
        "Lan Anh",
        "5 giờ trước",
    ]
    page = ["Trang chủ", "Thời sự", "Thứ ba, 15/07/2025, 06:45 (GMT+7)", "Hà Nội ngập sâu sau mưa lớn",
            *body, "Minh Anh", "Chia sẻ", *comments, "Tin khác", "Về đầu trang"]
    result = clean_dump("\n".join(page))
    assert list(result.text_lines) == body


def test_a_comment_counter_above_the_body_cuts_nothing():
    body = [
        "Sáng 15/7, mưa lớn khiến nhiều tuyến phố ở Hà Nội ngập sâu, giao thông ùn tắc kéo dài nhiều giờ liền.",
        "Cơ quan khí tượng dự báo mưa còn kéo dài đến hết tuần, người dân cần theo dõi các bản tin thời tiết.",
        "Sở Xây dựng Hà Nội cho biết đã huy động hàng trăm công nhân cùng máy bơm để tiêu thoát nước.",
    ]
    page = ["Trang chủ", "Thời sự", "Hà Nội ngập sâu sau mưa lớn", "Thứ ba, 15/07/2025, 06:45 (GMT+7)",
            body[0], "Bình luận (3)", "Chia sẻ", *body[1:], "Minh Anh", "Tin khác", "Về đầu trang"]
    result = clean_dump("\n".join(page))
    assert list(result.text_lines) == body
