"""Sentence cleaning removes clutter and never adds words; dependent openers are recognized."""
import pytest

from bantin.summarize.compress import clean_sentence, is_noise
from bantin.summarize.order import needs_predecessor


@pytest.mark.parametrize("raw, clean", [
    ("TTO - Sáng nay, Hà Nội mưa to.", "Sáng nay, Hà Nội mưa to."),
    ("(Dân trí) - Ông Nguyễn Văn A đã đến hiện trường.", "Ông Nguyễn Văn A đã đến hiện trường."),
    ("(PLO)- Tòa tuyên án 10 năm tù.", "Tòa tuyên án 10 năm tù."),
    ("HÀ NỘI - Giá xăng giảm 500 đồng.", "Giá xăng giảm 500 đồng."),
    ("Cảnh sát phong tỏa hiện trường - Ảnh: Reuters", "Cảnh sát phong tỏa hiện trường"),
    ("Người dân đi biểu tình - Ảnh: AFP Theo Hãng tin AFP, cuộc biểu tình kéo dài ba ngày.",
     "Theo Hãng tin AFP, cuộc biểu tình kéo dài ba ngày."),
    ("Biểu tình tại Campuchia (Ảnh: Đỗ Tuấn Anh) Tại cuộc họp báo, lãnh đạo phe đối lập phát biểu.",
     "Tại cuộc họp báo, lãnh đạo phe đối lập phát biểu."),
    ("Ông A (theo Reuters) đã đến Hà Nội.", "Ông A đã đến Hà Nội."),
    ("Ông Tuấn - giám đốc công ty - cho biết.", "Ông Tuấn - giám đốc công ty - cho biết."),
    ("Tổ chức Y tế Thế giới (WHO) cảnh báo.", "Tổ chức Y tế Thế giới (WHO) cảnh báo."),
])
def test_clean_sentence(raw, clean):
    assert clean_sentence(raw) == clean


@pytest.mark.parametrize("raw", ["TTO - Sáng nay, Hà Nội mưa to.", "Người dân - Ảnh: AFP Theo AFP, trời mưa."])
def test_clean_sentence_is_idempotent_and_only_removes(raw):
    once = clean_sentence(raw)
    assert clean_sentence(once) == once
    assert set(once.split()) <= set(raw.split())


@pytest.mark.parametrize("text, noise", [
    ("Theo TTXVN", True), ("(Theo VnExpress)", True), ("Ảnh: Reuters", True), ("TTXVN", True),
    ("Ông A đã đến Hà Nội.", False), ("Theo ông A, giá xăng sẽ còn giảm trong tháng tới.", False),
])
def test_is_noise(text, noise):
    assert is_noise(text) is noise


@pytest.mark.parametrize("sentence, dependent", [
    ("Tuy nhiên, giá vàng vẫn tăng.", True),
    ("Do đó, trường phải đóng cửa.", True),
    ("Ông này cho biết sẽ kháng cáo.", True),
    ("Họ đã rời đi lúc 5 giờ sáng.", True),
    ("Điều này khiến dư luận bức xúc.", True),
    ("Trong khi đó, Hà Nội vẫn nắng.", True),
    ("Ngoài ra, bộ cũng yêu cầu báo cáo.", True),
    ("Ông cho biết thêm tỉnh sẽ cấp gạo.", True),
    ("Vụ tai nạn này gây ùn tắc.", True),
    ("Ông Nguyễn Văn An cho biết tỉnh đã huy động quân đội.", False),
    ("Hà Nội mưa to từ sáng.", False),
    ("Họa sĩ Bùi Xuân Phái sinh năm 1920.", False),
    ("Trong năm 2025, kinh tế tăng trưởng 7%.", False),
])
def test_needs_predecessor(sentence, dependent):
    assert needs_predecessor(sentence) is dependent
