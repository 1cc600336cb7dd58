"""Markdown / html2text lines reduced to the text a reader sees."""
from __future__ import annotations

import pytest

from bantin.ingest.markup import looks_like_markdown, parse_line


@pytest.mark.parametrize("raw, text", [
    ("nguồn hoa [nhập khẩu](https://tuoitre.vn/nhap-khau.htm \"nhập khẩu\") giảm.", "nguồn hoa nhập khẩu giảm."),
    ("[ Phim mới: \"chất\"!](/giai-tri/a.htm \"Phim mới: \"chất\"!\")", "Phim mới: \"chất\"!"),
    ("### Hoa nội địa có \"té nước theo mưa\"?", "Hoa nội địa có \"té nước theo mưa\"?"),
    ("Theo _WSJ_ , lệnh ân xá có hiệu lực.", "Theo WSJ, lệnh ân xá có hiệu lực."),
    ("_Nh à sáng lập Binance. Ảnh: WSJ_", "Nhà sáng lập Binance. Ảnh: WSJ"),  # html2text splits the onset
    ("24/10/2025 [17 liên quan](/t1.epi) [__Gốc](/r2.epi)", "24/10/2025 17 liên quan Gốc"),
    ("![Ảnh](data:image/gif;base64,R0lGOD==)", ""),
    ("| Chỉ tiêu | 2024 |", "Chỉ tiêu 2024"),
    ("biến snake_case giữ nguyên", "biến snake_case giữ nguyên"),
])
def test_parse_line_keeps_the_reader_text(raw, text):
    assert parse_line(raw).text == text


def test_markup_counts():
    line = parse_line("* [Thời sự ](/thoi-su.htm \"Thời sự\")")
    assert (line.bullet, line.links, line.link_share) == (True, 1, 1.0)
    assert parse_line("**Đồng USD duy trì đà tăng**").strong
    assert parse_line("_Khách mua vàng. Ảnh: T.L_").emphasis
    assert parse_line("# Tiêu đề bài").header == 1


def test_plain_text_is_not_markdown():
    assert not looks_like_markdown("Hà Nội mưa lớn.\nNhiều tuyến phố ngập.\n(Ảnh: A)")
    assert looks_like_markdown("[a](/a)\n[b](/b)\n![](x.jpg)\nThân bài.")
