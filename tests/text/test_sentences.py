"""Sentence splitting: the hard cases of Vietnamese news text."""
from __future__ import annotations

import pytest

from bantin.text import split_sentences

CASES = [
    ("Ông A đến TP. HCM hôm qua. Ông B ở lại.", ["Ông A đến TP. HCM hôm qua.", "Ông B ở lại."]),
    ("Sự kiện diễn ra tại TP.HCM. Rất đông người tham dự.", ["Sự kiện diễn ra tại TP.HCM.", "Rất đông người tham dự."]),
    ("Có 5.000 người tham gia. Sau đó họ về.", ["Có 5.000 người tham gia.", "Sau đó họ về."]),
    ("Giá tăng 3.5% so với tháng trước. Đây là mức cao.", ["Giá tăng 3.5% so với tháng trước.", "Đây là mức cao."]),
    ("Ngày 20.05.2016 trời mưa. Hôm sau nắng.", ["Ngày 20.05.2016 trời mưa.", "Hôm sau nắng."]),
    ("Tác phẩm của V.I. Lê-nin được in lại. Sách bán chạy.", ["Tác phẩm của V.I. Lê-nin được in lại.", "Sách bán chạy."]),
    ("Theo PGS.TS. Nguyễn Văn B, đây là vấn đề lớn. Ông nói thêm.",
     ["Theo PGS.TS. Nguyễn Văn B, đây là vấn đề lớn.", "Ông nói thêm."]),
    ("Trụ sở đặt tại Q.1, TP.HCM và P. Bến Nghé. Rất đông người.",
     ["Trụ sở đặt tại Q.1, TP.HCM và P. Bến Nghé.", "Rất đông người."]),
    ("Quyết định có hiệu lực từ ngày ký./.", ["Quyết định có hiệu lực từ ngày ký."]),
    ("Ông nói: “Tôi sẽ đi.” Sau đó ông đi.", ["Ông nói: “Tôi sẽ đi.”", "Sau đó ông đi."]),
    ('Ông hỏi: "Tại sao?" Bà không trả lời.', ['Ông hỏi: "Tại sao?"', "Bà không trả lời."]),
    ("Nạn nhân là một cô gái.Dựa vào lời khai, công an đã bắt giữ nghi phạm.",
     ["Nạn nhân là một cô gái.", "Dựa vào lời khai, công an đã bắt giữ nghi phạm."]),
    ("Hàng hóa như gạo, mì... đã được chuyển đến. Người dân rất vui.",
     ["Hàng hóa như gạo, mì... đã được chuyển đến.", "Người dân rất vui."]),
    ("Tôi đã gặp ông. Ông kể lại mọi chuyện.", ["Tôi đã gặp ông.", "Ông kể lại mọi chuyện."]),
    ("Quyết định của UBND. Sau đó dân được hỗ trợ.", ["Quyết định của UBND.", "Sau đó dân được hỗ trợ."]),
    ("Dòng một\nDòng hai. Câu ba!", ["Dòng một", "Dòng hai.", "Câu ba!"]),
    ("Thật sao?! Không thể tin được.", ["Thật sao?!", "Không thể tin được."]),
]


@pytest.mark.parametrize("text, expected", CASES)
def test_split_sentences_hard_cases(text, expected):
    assert split_sentences(text) == expected


def test_empty_and_blank_lines_give_no_sentences():
    assert split_sentences("") == []
    assert split_sentences("\n  \n") == []
