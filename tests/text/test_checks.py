"""text.checks: whether a sentence can stand alone in a brief (real Vietnamese news sentences)."""
import json
from datetime import datetime, timedelta, timezone

import pytest

from bantin.text import checks
from bantin.text.checks import (
    anchor_relative, dependent_opener, drop_discursive_opener, is_non_sentence, quote_without_speaker,
    relative_times, syllables,
)

VN = timezone(timedelta(hours=7))


@pytest.mark.parametrize("sentence, opener, droppable", [
    ("Cụ thể, giá xăng RON 95 tăng 500 đồng mỗi lít.", "cụ thể", True),
    ("Trong khi đó, giá vàng miếng SJC giảm 200.000 đồng.", "trong khi đó", True),
    ("Tuy nhiên, đề xuất này chưa được thông qua.", "tuy nhiên", True),
    ("Bên cạnh đó, công ty cũng bị truy thu thuế.", "bên cạnh đó", True),
    ("Trong đó, 5 người tử vong tại chỗ.", "trong đó", False),
    ("Sự việc xảy ra vào khoảng 19h ngày 22/10.", "sự việc", False),
    ("Ngay sau đó, lực lượng cứu hộ có mặt.", "ngay sau đó", False),
    ("Một là, tăng cường kiểm tra an toàn thực phẩm.", "một là", False),
    ("Sau đó, nghi phạm bỏ trốn khỏi hiện trường.", "sau đó", False),
    ("Tôi đã nói chuyện nhiều lần với bà V.", "tôi", False),
    ("Chúng tôi cần hỗ trợ khẩn cấp.", "chúng tôi", False),
    ("Họ bị phạt 50 triệu đồng.", "họ", False),
    ("Công ty trên đã bị xử phạt 50 triệu đồng.", "công ty trên", False),
    ("Vụ tai nạn này khiến 3 người bị thương.", "vụ tai nạn này", False),
    ("Người đàn ông đó đã bỏ trốn.", "người đàn ông đó", False),
    ("Ông cho biết sẽ kháng cáo.", "ông", False),
    ("Theo đó, mức phạt là 5 triệu đồng.", "theo đó", True),
    ("Đặc biệt, nhiều thí sinh đạt điểm 10.", "đặc biệt", True),
])
def test_dependent_openers_are_found(sentence, opener, droppable):
    assert dependent_opener(sentence) == (opener, droppable)


@pytest.mark.parametrize("sentence", [
    "Ngày 2/11, Bộ Y tế công bố thêm 5 ca mắc mới.",
    "Ông Nguyễn Văn A, Giám đốc Sở Y tế, cho biết sẽ kiểm tra.",
    "Thứ trưởng Bộ Y tế Trần Văn Thuấn chủ trì cuộc họp.",
    "Hơn 1 triệu sĩ tử trên cả nước bước vào kỳ thi tốt nghiệp THPT.",
    "Trên địa bàn tỉnh có 12 điểm thi.",
    "Theo Bộ Công an, 3 đối tượng đã bị bắt.",
    "Nếu trời mưa lớn, trận đấu sẽ bị hoãn.",
    "Đội tuyển Việt Nam thắng Lào 2-0 tối 21/12.",
    "“Tôi sẽ kháng cáo”, ông A nói với phóng viên.",
    "Tổng thống Mỹ Donald Trump ân xá cho nhà sáng lập Binance.",
])
def test_self_contained_sentences_have_no_opener(sentence):
    assert dependent_opener(sentence) is None


@pytest.mark.parametrize("sentence, expected", [
    ("Cụ thể, giá xăng tăng 500 đồng.", "Giá xăng tăng 500 đồng."),
    ("Trong khi đó, giá vàng giảm.", "Giá vàng giảm."),
    ("Trong đó, 5 người tử vong.", "Trong đó, 5 người tử vong."),  # content-bearing: kept
    ("Cụ thể là giá xăng tăng.", "Cụ thể là giá xăng tăng."),  # no comma: not a bare discourse marker
    ("Sau đó, nghi phạm bỏ trốn.", "Sau đó, nghi phạm bỏ trốn."),
    ("Giá xăng tăng 500 đồng.", "Giá xăng tăng 500 đồng."),
])
def test_drop_discursive_opener_only_drops_discourse_markers(sentence, expected):
    assert drop_discursive_opener(sentence) == expected


def test_dropping_an_opener_can_leave_a_reference_behind():
    rest = drop_discursive_opener("Theo đó, công ty trên bị phạt 50 triệu đồng.")
    assert rest == "Công ty trên bị phạt 50 triệu đồng."
    assert dependent_opener(rest) == ("công ty trên", False)


def test_learned_openers_file_lists_the_corpus_openers():
    table = json.loads(checks.OPENERS_FILE.read_text(encoding="utf-8"))
    openers = {row["opener"]: row for row in table["openers"]}
    assert table["made_by"] == "python -m bantin.text.learn_openers"
    for opener in ("tuy nhiên", "trong khi đó", "cụ thể", "trong đó", "tôi"):
        assert opener in openers
        assert openers[opener]["opening"] <= 1 < openers[opener]["inside"]
    assert openers["cụ thể"]["droppable"] and not openers["trong đó"]["droppable"]


@pytest.mark.parametrize("sentence", [
    "“Chúng tôi sẽ làm rõ trách nhiệm của các cá nhân liên quan.",
    "“Đây là sản phẩm mới đang được nhiều người săn lùng”.",
    "(Dân trí) - “Tôi ủng hộ việc tăng bội chi lên 5,3% GDP.",
    "Lối sống lành mạnh sẽ giúp ta đảm bảo sức khỏe và tiếp tục hành động này”.",
])
def test_quotes_without_a_speaker_are_found(sentence):
    assert quote_without_speaker(sentence)


@pytest.mark.parametrize("sentence", [
    "“Chúng tôi sẽ làm rõ trách nhiệm”, ông Nguyễn Văn A cho biết.",
    "Bộ trưởng khẳng định: “Không có vùng cấm trong phòng chống tham nhũng”.",
    "Theo ông Lê Văn B, “giá nhà sẽ còn tăng trong năm tới”.",
    "Ngày 22-10, tại Hà Nội đã diễn ra Hội thảo “Báo chí với việc nâng cao hiệu quả dạy tiếng Việt”.",
    "Người dân gọi ông là “siêu lừa”.",
    "Dược sĩ ĐINH THỊ DIỄM PHƯƠNG, Trung tâm Y tế quận Hải Châu: “Cơ sở cũng gặp một số khó khăn.",
    "Giá xăng tăng 500 đồng mỗi lít từ 15h chiều nay.",
])
def test_attributed_or_named_quotes_pass(sentence):
    assert quote_without_speaker(sentence) is None


@pytest.mark.parametrize("sentence, found", [
    ("Hôm qua, Bộ Y tế công bố 5 ca mắc mới.", ["Hôm qua"]),
    ("Chiều qua, mưa lớn gây ngập nhiều tuyến phố.", ["Chiều qua"]),
    ("Sáng nay, đoàn công tác đến Huế.", ["Sáng nay"]),
    ("Tối hôm qua, vụ cháy xảy ra tại quận 7.", ["Tối hôm qua"]),
    ("Năm ngoái, công ty lỗ 5 tỷ đồng.", ["Năm ngoái"]),
    ("Tuần trước, giá vàng tăng mạnh.", ["Tuần trước"]),
    ("Ông sẽ tới Hà Nội vào thứ Năm.", ["thứ Năm"]),
    ("Thứ Sáu tuần trước, tòa tuyên án.", ["Thứ Sáu tuần trước"]),
    ("Sáng nay (3/11), đoàn công tác đến Huế.", []),  # already anchored
    ("Hôm qua 2/11, Bộ Y tế công bố 5 ca mắc mới.", []),
    ("Lần thứ hai anh vô địch giải đấu.", []),  # an ordinal, not a weekday
    ("Chị Mai cho biết sẽ về quê.", []),  # a name, not "tomorrow"
    ("Ngày 2/11, Bộ Y tế công bố 5 ca mắc mới.", []),
])
def test_relative_times(sentence, found):
    assert [t.text for t in relative_times(sentence)] == found


@pytest.mark.parametrize("sentence, anchored", [
    ("Hôm qua, Bộ Y tế công bố 5 ca mắc mới.", "Hôm qua (2/11), Bộ Y tế công bố 5 ca mắc mới."),
    ("Chiều nay, mưa lớn.", "Chiều nay (3/11), mưa lớn."),
    ("Ngày mai trời rét.", "Ngày mai (4/11) trời rét."),
    ("Năm ngoái công ty lỗ 5 tỷ đồng.", "Năm ngoái (2024) công ty lỗ 5 tỷ đồng."),
    ("Ông sẽ tới vào thứ Năm.", "Ông sẽ tới vào thứ Năm (6/11)."),
    ("Hôm thứ Bảy, hai bên ký hợp đồng.", "Hôm thứ Bảy (1/11), hai bên ký hợp đồng."),
    ("Thứ Sáu tuần trước, tòa tuyên án.", "Thứ Sáu tuần trước (31/10), tòa tuyên án."),
    ("Tuần trước giá vàng tăng.", "Tuần trước giá vàng tăng."),  # weeks are left alone
])
def test_anchor_relative_uses_the_publication_date(sentence, anchored):
    assert anchor_relative(sentence, datetime(2025, 11, 3, 9, 0, tzinfo=VN)) == anchored


def test_times_inside_quotes_are_found_but_never_anchored():
    sentence = "Khán giả hát theo ca khúc “Cô gái đến từ hôm qua” suốt đêm."
    assert [(t.text, t.quoted) for t in relative_times(sentence)] == [("hôm qua", True)]
    assert anchor_relative(sentence, datetime(2025, 11, 3, 9, 0, tzinfo=VN)) == sentence


@pytest.mark.parametrize("sentence", [
    "Giám đốc BV Bạch Mai Đào Xuân Cơ bày tỏ: Chúng tôi cần hành lang pháp lý rõ ràng.",
    "Cá nhân tôi trả lời không\" - PGS.TS Đào Xuân Cơ nói.",
])
def test_first_person_in_attributed_speech_is_not_a_reference(sentence):
    assert dependent_opener(sentence) is None


def test_anchor_relative_takes_the_date_in_vietnam_time():
    late_utc = datetime(2025, 11, 2, 20, 0, tzinfo=timezone.utc)  # 3/11 03:00 in Hà Nội
    assert anchor_relative("Hôm qua, mưa lớn.", late_utc) == "Hôm qua (2/11), mưa lớn."
    assert anchor_relative("Hôm qua, mưa lớn.", None) == "Hôm qua, mưa lớn."


@pytest.mark.parametrize("line, reason", [
    ("Ảnh: AFP", "caption"),
    ("Người biểu tình tại Phnom Penh (Ảnh: Reuters)", "caption"),
    ("Người ủng hộ đảng đối lập đi biểu tình sáng nay - Ảnh: AFP Theo AFP, cuộc biểu tình kéo dài.", "caption"),
    ("Ảnh minh họa", "caption"),
    ("Mời bạn đọc xem thêm video:", "prompt"),
    ("Xem thêm: Giá vàng hôm nay tăng mạnh.", "prompt"),
    ("Ý kiến bạn đọc", "prompt"),
    ("Trang chủ | Thời sự | Kinh doanh", "menu"),
    ("Trang chủ > Thời sự > Pháp luật", "menu"),
    ("<p>Bộ Y tế công bố 5 ca mắc mới.</p>", "markup"),
    ("[Xem tiếp](https://vnexpress.net/a-123.html)", "markup"),
    ("![](https://i.vnecdn.net/a.jpg)", "markup"),
    ("| Năm | Giá bán |", "markup"),
    ("Diễn biến vụ án", "heading"),
    ("TS Trịnh Thu Tuyết: Rà soát lại một lần nữa những đơn vị kiến thức cơ bản", "heading"),
    ("NGUYỆT PHƯƠNG", "credit"),
    ("Theo TTXVN", "credit"),
    # page text read as a sentence (blind read 3, item 2; more in tests/data/page_text_sample.tsv)
    (">> Pháp, Mexico giận dữ đòi Mỹ giải thích về nghe lén.", "link"),
    ("[Nguyên thủ Nga-Trung Quốc gặp gỡ trước thềm G-20] Tổng thống Nga đã tới Bắc Kinh.", "link"),
    ("Bài 1: Khi xe buýt không còn là lựa chọn của người dân.", "link"),
    ("Bia Thanh Hóa cán đích lợi nhuận năm 2013 sau 9 tháng Xem thêm » Tin mới Phi vụ chuyển giá ngàn tỷ.", "link"),
    ("Ảnh Góa phụ Trắng khoe con trai Surajah, sinh năm 2010.", "caption"),
    ("Thầy Trần Trung Hiếu (ngoài cùng bên trái) trong buổi giao lưu trực tuyến.", "caption"),
    ("Cận cảnh ba phiên bản Z30, Z40 và Z50 (từ trái qua phải) Theo đó, hãng đã giới thiệu 5 phiên bản.", "caption"),
    ("Tiến Minh luôn thua sớm ở giải Đan Mạch mở rộng. Ảnh: KB.", "caption"),
    ("Lực lượng cứu hộ đã có mặt. Clip: Minh Tiệp", "caption"),
    ("Tư Hoàng Tại buổi sơ kết, ông Nguyễn Văn A cho biết kết quả đạt kế hoạch.", "glued"),
    ("Cặp Ngọc Anh và Ngọc Tuấn Trong tuần thi này, một thể loại mới xuất hiện.", "glued"),
    ("Ca mắc Covid-19 tăng vọt Tại Singapore, các bệnh viện đã được chuẩn bị.", "glued"),
    ("Cuộc rượt đuổi trong đêm Lúc 20 giờ ngày 20-7, tổ công tác xuất phát từ trụ sở.", "glued"),
])
def test_non_sentences(line, reason):
    assert is_non_sentence(line) == reason


@pytest.mark.parametrize("line", [
    "Bộ Y tế công bố 5 ca mắc mới.",
    "“Tôi sẽ kháng cáo”, ông A nói.",
    "Giá vàng hôm nay tăng mạnh?",
    "Ông Trump ân xá cho CZ…",
    "Theo TTXVN, hai bên đã ký thỏa thuận hợp tác.",
    # start words inside names, article numbers, photo words in running text
    "Tổng cục Hải quan, Cục Điều tra chống buôn lậu đã đẩy mạnh phối hợp.",
    "Tối 20/6, tại thành phố Tuy Hòa (tỉnh Phú Yên), đoàn đã đến thăm bà con.",
    "Họ là những người lính Bộ đội Cụ Hồ năm xưa.",
    "Phong trào bắt đầu từ Cách mạng Tháng Tám năm 1945.",
    "Ông bị khởi tố theo Điều 174 Bộ luật Hình sự.",
    "Lực lượng Phòng vệ Trên Không Nhật Bản đã điều máy bay.",
    "Bạn tương tác bằng cử chỉ trượt (trái sang phải) để mở lịch.",
    "Ảnh hưởng của bão khiến nhiều nhà bị sập.",
    "Ông cho biết bài 1 của chương trình sẽ được dạy vào tháng 9.",
])
def test_real_sentences_pass(line):
    assert is_non_sentence(line) is None


def test_syllables_count_the_budget_unit():
    assert syllables("Bộ Y tế công bố 5 ca mắc mới.") == 9
    assert checks.is_long(" ".join(["một"] * 61) + ".")
    assert not checks.is_long(" ".join(["một"] * 60) + ".")


@pytest.mark.corpus
def test_openers_file_is_what_the_script_learns_from_the_corpora():
    from bantin.evaluate.corpora import corpus_path
    from bantin.text.learn_openers import learn_all

    vmds, abmusu = corpus_path("vmds"), corpus_path("abmusu")
    if vmds is None or abmusu is None:
        pytest.skip("VMDS / AbMuSu-train not found under ../shared/datasets")
    committed = json.loads(checks.OPENERS_FILE.read_text(encoding="utf-8"))
    assert learn_all(vmds, abmusu) == committed


def test_glued_heading_or_caption_is_found_before_a_sentence_start_word():
    from bantin.text.checks import glued_fragment, is_non_sentence

    glued = "Thời điểm tồi tệ Khi đại dịch bùng phát, các ngân hàng trung ương đã hạ lãi suất."
    assert glued_fragment(glued) == "Thời điểm tồi tệ"
    assert is_non_sentence(glued) == "glued"
    caption = "Bảo vệ Cường (giữa) bị bắt tại nhà cùng tang vật Theo lời một bảo vệ, Cường bỏ về."
    assert glued_fragment(caption) == "Bảo vệ Cường (giữa) bị bắt tại nhà cùng tang vật"


def test_names_and_sentence_internal_capitals_are_not_glue():
    from bantin.text.checks import glued_fragment

    assert glued_fragment("Nhà máy đi vào hoạt động hồi Tháng 4/2022.") is None
    assert glued_fragment("Ông đến Bộ Tư lệnh Không gian Mỹ để làm việc.") is None
    assert glued_fragment("Theo ông Nguyễn Văn A, giá vàng hôm nay tăng mạnh.") is None
