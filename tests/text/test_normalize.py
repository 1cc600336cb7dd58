import unicodedata

import pytest

from bantin.text.normalize import is_nfc, normalize_text, normalize_tones


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("hoà bình", "hòa bình"),
        ("Hoà Bình", "Hòa Bình"),
        ("HOÀ", "HÒA"),
        ("khoẻ mạnh", "khỏe mạnh"),
        ("thuỷ điện", "thủy điện"),
        ("Uỷ ban nhân dân", "Ủy ban nhân dân"),
        ("toà án", "tòa án"),
        ("loè loẹt", "lòe loẹt"),
        ("huỷ bỏ", "hủy bỏ"),
        # already traditional: unchanged
        ("hòa bình", "hòa bình"),
        ("thủy", "thủy"),
        # a final consonant keeps the mark on the second vowel in both styles
        ("hoàng hôn", "hoàng hôn"),
        ("khoảng", "khoảng"),
        ("thuyền", "thuyền"),
        # qu + vowel is not an oa/uy nucleus
        ("quý khách", "quý khách"),
        ("quả", "quả"),
        ("quỳ", "quỳ"),
    ],
)
def test_tone_marks_follow_the_traditional_convention(raw, expected):
    assert normalize_text(raw) == expected


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("Hà\u00a0Nội", "Hà Nội"),
        ("Hà\u200bNội", "HàNội"),
        ("Việt\u200d Nam", "Việt Nam"),
        ("\ufeffTin mới", "Tin mới"),
        ("dòng một\r\ndòng hai\rdòng ba", "dòng một\ndòng hai\ndòng ba"),
        ("hai  \t khoảng", "hai khoảng"),
        ("mềm\u00admại", "mềmmại"),
    ],
)
def test_spaces_and_invisible_characters(raw, expected):
    assert normalize_text(raw) == expected


def test_decomposed_input_becomes_nfc():
    decomposed = unicodedata.normalize("NFD", "Người dân Thừa Thiên Huế")
    assert not is_nfc(decomposed)
    out = normalize_text(decomposed)
    assert is_nfc(out)
    assert out == "Người dân Thừa Thiên Huế"


def test_decomposed_new_style_tone_is_moved():
    assert normalize_text(unicodedata.normalize("NFD", "hoà")) == "hòa"


@pytest.mark.parametrize("text", ["hoà bình", "Thuỷ\u00a0lợi", "Ông A\u200b nói", unicodedata.normalize("NFD", "khoẻ")])
def test_normalization_is_idempotent(text):
    once = normalize_text(text)
    assert normalize_text(once) == once


def test_normalize_tones_leaves_other_text_alone():
    text = "Giá xăng tăng 5.000 đồng/lít từ ngày 20/5."
    assert normalize_tones(text) == text
