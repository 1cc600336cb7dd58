"""Sentence cleaning removes clutter and never adds words; dependent openers are recognized."""
import pytest

from bantin.summarize.compress import ALL_RULES, clean_sentence, compress_sentence, is_noise
from bantin.summarize.order import needs_predecessor
from bantin.text import syllables


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


def _is_subsequence(part, whole):
    it = iter(whole)
    return all(any(w == x for x in it) for w in part)


@pytest.mark.parametrize("rule, raw, compressed", [
    ("lead_attribution",
     "Theo ông Nguyễn Văn A, Chủ tịch UBND tỉnh Quảng Nam, mưa lớn đã làm 5 người chết và 2 người mất tích.",
     "Mưa lớn đã làm 5 người chết và 2 người mất tích."),
    ("lead_attribution", "Theo Hãng tin AFP, cuộc biểu tình kéo dài ba ngày tại thủ đô Phnom Penh.",
     "Cuộc biểu tình kéo dài ba ngày tại thủ đô Phnom Penh."),
    ("lead_attribution", "Theo báo cáo của Bộ Y tế, cả nước ghi nhận 300 ca mắc mới trong ngày.",
     "Cả nước ghi nhận 300 ca mắc mới trong ngày."),
    ("lead_attribution", "Theo kế hoạch, cây cầu sẽ được thông xe vào cuối năm nay.",
     "Theo kế hoạch, cây cầu sẽ được thông xe vào cuối năm nay."),
    ("lead_outlet", "Theo Reuters, cuộc biểu tình kéo dài ba ngày tại thủ đô Phnom Penh.",
     "Cuộc biểu tình kéo dài ba ngày tại thủ đô Phnom Penh."),
    ("lead_outlet", "Theo ông A, cuộc biểu tình kéo dài ba ngày tại thủ đô Phnom Penh.",
     "Theo ông A, cuộc biểu tình kéo dài ba ngày tại thủ đô Phnom Penh."),
    ("speech_tag", "Lực lượng cứu hộ đã đưa 200 hộ dân ra khỏi vùng nguy hiểm, ông Nguyễn Văn B cho biết.",
     "Lực lượng cứu hộ đã đưa 200 hộ dân ra khỏi vùng nguy hiểm."),
    ("speech_tag", "Đảng này sẽ không tham gia quốc hội cho đến khi có điều tra độc lập - CNRP tuyên bố.",
     "Đảng này sẽ không tham gia quốc hội cho đến khi có điều tra độc lập."),
    ("speech_tag", "Cuộc gặp cấp cao Nga - Ấn Độ lần thứ 14 này không có bước đột phá đáng kể.",
     "Cuộc gặp cấp cao Nga - Ấn Độ lần thứ 14 này không có bước đột phá đáng kể."),
    ("parenthetical", "Nguyễn Văn C (SN 1990, trú tại huyện X) đã bị bắt giữ vì trộm cắp tài sản.",
     "Nguyễn Văn C đã bị bắt giữ vì trộm cắp tài sản."),
    ("parenthetical", "Tổ chức Y tế Thế giới (WHO) cảnh báo dịch bệnh lan rộng ở châu Phi.",
     "Tổ chức Y tế Thế giới (WHO) cảnh báo dịch bệnh lan rộng ở châu Phi."),
    ("parenthetical", "Tổ chức Nhân quyền (Human Rights Watch – HRW) đã đưa ra báo cáo chi tiết về thương vong.",
     "Tổ chức Nhân quyền (Human Rights Watch – HRW) đã đưa ra báo cáo chi tiết về thương vong."),
    ("lead_frame", "Sáng 15/10, Thủ tướng đã chủ trì cuộc họp về phòng chống lụt bão.",
     "Thủ tướng đã chủ trì cuộc họp về phòng chống lụt bão."),
    ("lead_frame", "Tại buổi họp báo, người phát ngôn Bộ Ngoại giao khẳng định chủ quyền của Việt Nam.",
     "Người phát ngôn Bộ Ngoại giao khẳng định chủ quyền của Việt Nam."),
    ("lead_frame", "Trong năm 2025, kinh tế tăng trưởng 7%.", "Trong năm 2025, kinh tế tăng trưởng 7%."),
])
def test_compress_sentence_rule(rule, raw, compressed):
    assert compress_sentence(raw, frozenset({rule})) == compressed


@pytest.mark.parametrize("raw", [
    "Theo ông Nguyễn Văn A, Chủ tịch UBND tỉnh Quảng Nam, mưa lớn đã làm 5 người chết, ông B nói.",
    "Chiều 12/5, tại Hà Nội, Nguyễn Văn C (SN 1990) đã bị bắt giữ, Công an TP cho biết.",
    '"Chúng tôi sẽ kháng cáo bản án này lên tòa cấp cao", ông A nói.',
])
def test_compress_sentence_only_deletes_and_keeps_a_sentence(raw):
    out = compress_sentence(raw, frozenset(ALL_RULES))
    assert out != raw
    assert _is_subsequence(syllables(out), syllables(raw))
    assert out[0].isupper() or out[0] in "\"“"
    assert out.endswith((".", "!"))


def test_compress_sentence_keeps_too_short_results_whole():
    raw = "Theo ông A, trời mưa."
    assert compress_sentence(raw, frozenset(ALL_RULES)) == raw
