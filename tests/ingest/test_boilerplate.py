"""Boilerplate cleaning: a table of kept and dropped Vietnamese lines, context rules, the outlet tag."""
from __future__ import annotations

import pytest

from bantin.ingest.boilerplate import (
    BULLET_HEADLINES, BYLINE, BYLINE_TAIL, CAPTION, INLINE_CAPTION, COMMENTS, DATE_LINE, IMAGE, MENU, RELATED, RELATED_HEADER,
    REPEATED_TITLE, SECTION, SHARE, TAGS, clean, clean_article, clean_text, line_noise_reason,
)
from bantin.models import Article

BODY = "Sáng 15/7, mưa lớn khiến nhiều tuyến phố ở Hà Nội ngập sâu, giao thông ùn tắc kéo dài."
TAIL = "Cơ quan khí tượng dự báo mưa còn kéo dài đến hết tuần."

# (line, reason or None when it is body). Each dropped line is placed between two body lines.
LINES = [
    # menus, breadcrumbs, section names
    ("Trang chủ > Thời sự > Xã hội", MENU),
    ("Thế giới | Kinh doanh | Giải trí", MENU),
    ("Thời sự » Giao thông", MENU),
    ("Xã hội > Giáo dục > Tuyển sinh", MENU),
    ("Thể thao", SECTION),
    ("Kinh doanh", SECTION),
    # image markup and captions
    ("![](https://anh.example/a.jpg)", IMAGE),
    ("![ảnh]() |", IMAGE),
    ("Người dân lội nước trên phố Nguyễn Trãi |", CAPTION),
    ("Ảnh: Minh Khôi", CAPTION),
    ("Ảnh minh họa", CAPTION),
    ("Ảnh minh họa.", CAPTION),
    ("(Ảnh: Đỗ Tuấn Anh)", CAPTION),
    ("Nguồn ảnh: Reuters", CAPTION),
    ("Lực lượng cứu hộ sơ tán người dân khỏi vùng ngập (Ảnh: Quang Vinh)", CAPTION),
    ("Biểu tình tại thủ đô Phnom Penh sáng nay - Ảnh: AFP", CAPTION),
    # comments, share, tags
    ("Ý kiến bạn đọc", COMMENTS),
    ("Gửi bình luận", COMMENTS),
    ("Bình luận (12)", COMMENTS),
    ("Chia sẻ", SHARE),
    ("In bài", SHARE),
    ("Facebook Twitter", SHARE),
    ("Chia sẻ Facebook Zalo In bài", SHARE),
    ("Gửi bài viết cho bạn bè", SHARE),
    ("Tags: mưa lớn, ngập lụt, Hà Nội", TAGS),
    ("Từ khóa: bão số 5, miền Trung", TAGS),
    # related articles
    ("Tin liên quan", RELATED_HEADER),
    ("Tin liên quan:", RELATED_HEADER),
    ("Đọc thêm", RELATED_HEADER),
    ("Mời độc giả xem thêm video:", RELATED_HEADER),
    ("XEM CLIP:", RELATED_HEADER),
    ("Xem thêm: Hà Nội chi 100 tỷ đồng chống ngập", RELATED),
    ("Hà Nội ngập nặng sau mưa lớn (03/11/2013)", RELATED),
    ("Bão số 5 đổ bộ vào miền Trung (03/11/2013 10:15)", RELATED),
    (">> Giá xăng tăng mạnh từ chiều nay", RELATED),
    # header date lines
    ("Thứ sáu, 20/05/2016 - 06:33", DATE_LINE),
    ("20/05/2016 09:03 GMT+7", DATE_LINE),
    ("Cập nhật: 10:15 ngày 20 tháng 05 năm 2016", DATE_LINE),
    # body lines that must stay
    (BODY, None),
    ("Chia sẻ với phóng viên, ông Nam cho biết gia đình đã chuyển đồ lên tầng hai.", None),
    ("Bình luận về sự việc, ông Hùng nói rằng thành phố cần cải tạo hệ thống cống.", None),
    ("Theo Trung tâm Dự báo khí tượng thủy văn quốc gia, lượng mưa tại Láng đạt 210 mm.", None),
    ("Chiến thuật làm bài:", None),
    ("- Trong khi thi:", None),
    ("Tối ưu hóa điểm số dựa trên mục tiêu", None),
    ("Trẻ lớn > 6 tuổi", None),
    ("Tỷ giá USD/VND hôm nay tăng nhẹ so với phiên trước.", None),
    ("Trận đấu Việt Nam - Thái Lan diễn ra lúc 19 giờ tối nay.", None),
    ("Giá vàng SJC niêm yết ở mức 66,5 triệu đồng/lượng (mua vào) và 67,2 triệu đồng/lượng (bán ra).", None),
    ("Ông A cho biết: “Chúng tôi đã sẵn sàng”.", None),
    ("Ngày 20/5/2016, UBND tỉnh tổ chức hội nghị tổng kết.", None),
    ("Xem thêm các quy định mới tại cổng thông tin của Bộ Y tế trước ngày 30/6.", None),
    ("Ảnh hưởng của bão, nhiều tàu cá không thể ra khơi trong ba ngày qua.", None),
    ("Tin mới nhất từ hiện trường cho thấy nước đã bắt đầu rút.", None),
    ("Hà Nội - Hải Phòng là tuyến cao tốc có lưu lượng xe lớn.", None),
    ("1. Thay vì lo lắng, các em cần rà soát lại kiến thức cơ bản.", None),
    ("PV: Xin cảm ơn ông!", None),
]


def test_the_table_is_large_enough():
    assert len(LINES) >= 40 and sum(reason is None for _, reason in LINES) >= 15


@pytest.mark.parametrize("line, reason", LINES)
def test_line_is_kept_or_dropped_in_context(line, reason):
    result = clean_text("\n".join([BODY, line, TAIL]))
    if reason is None:
        assert line in result.kept
        assert result.dropped == ()
    else:
        assert line not in result.kept
        assert [(d.line, d.reason) for d in result.dropped] == [(2, reason)]
    assert result.kept[0] == BODY and result.kept[-1] == TAIL


@pytest.mark.parametrize("line, reason", [(line, reason) for line, reason in LINES if reason not in (RELATED_HEADER,)])
def test_line_noise_reason_alone(line, reason):
    assert line_noise_reason(line) == reason


# --------------------------------------------------------------------------- context rules


@pytest.mark.parametrize(
    "tail",
    [
        ["Theo VnExpress"],
        ["(Theo Dân trí)"],
        ["Nguyễn Văn A (TTXVN)"],
        ["PV"],
        ["NGUYỆT PHƯƠNG"],
        ["Đỗ Tuấn Anh/VOV-Phnom Penh"],
        ["Minh Anh - Hoàng Nam"],
        ["Tin, ảnh: Mạc Yến"],
        ["Hoàng Lan", "Theo Nhân Dân"],
        ["V.Dũng"],
        ["Kim Khánh", "(Tổng hợp)"],
    ],
)
def test_trailing_bylines_are_dropped(tail):
    result = clean_text("\n".join([BODY, TAIL, *tail]))
    assert result.kept == (BODY, TAIL)
    assert {d.reason for d in result.dropped} == {BYLINE}


@pytest.mark.parametrize(
    "last",
    [
        "Kết quả sẽ được công bố vào tuần sau.",
        "Tối ưu hóa điểm số dựa trên mục tiêu",
        "Chúc các em thi tốt",
        "Theo ông Hùng, việc này cần làm ngay vì người dân đang chờ đợi từ nhiều năm nay.",
    ],
)
def test_last_body_line_is_not_a_byline(last):
    assert clean_text("\n".join([BODY, last])).kept == (BODY, last)


def test_a_single_line_is_never_dropped_as_a_byline():
    assert clean_text("Nguyễn Văn A").kept == ("Nguyễn Văn A",)


def test_related_block_drops_the_headlines_after_the_header_and_ends_at_body():
    text = "\n".join([
        BODY, "Tin liên quan", "Hà Nội chuẩn bị phương án chống ngập", "- Trạm bơm Yên Sở nâng công suất",
        "Nhiều tuyến phố ngập sau cơn mưa chiều (27/05/2025)", TAIL,
    ])
    result = clean_text(text)
    assert result.kept == (BODY, TAIL)
    assert [d.reason for d in result.dropped] == [RELATED_HEADER, RELATED, RELATED, RELATED]


def test_bullet_headline_runs_are_dropped_but_punctuated_bullets_kept():
    headlines = ["- Bão số 5 đổ bộ vào miền Trung", "- Hà Nội chi 100 tỷ đồng chống ngập",
                 "• Giá xăng giảm mạnh từ chiều nay"]
    items = ["- Cơ quan BHXH tỉnh, huyện.", "- Các tổ chức dịch vụ thu BHXH, BHYT."]
    result = clean_text("\n".join([BODY, *headlines, TAIL, *items, TAIL]))
    assert result.kept == (BODY, TAIL, *items, TAIL)
    assert [d.reason for d in result.dropped] == [BULLET_HEADLINES] * 3


def test_two_bulleted_subheadings_inside_the_body_are_kept():
    # AbMuSu: two subheadings without final punctuation, followed by body text.
    lines = ["- Đối với trường hợp KCB BHYT đúng tuyến", "- Đối với trường hợp KCB BHYT không đúng tuyến"]
    result = clean_text("\n".join([BODY, *lines, TAIL]))
    assert result.kept == (BODY, *lines, TAIL)


def test_repeated_title_is_dropped():
    article = Article(text="Mưa lớn ở Hà Nội\n" + BODY, title="Mưa lớn ở Hà Nội")
    cleaned = clean_article(article)
    assert cleaned.text == BODY
    assert cleaned.meta["dropped"] == [{"line": 1, "text": "Mưa lớn ở Hà Nội", "reason": REPEATED_TITLE}]


# --------------------------------------------------------------------------- outlet tag lead


@pytest.mark.parametrize(
    "lead, tag, source",
    [
        ("(VnMedia) - Sáng nay, mưa lớn gây ngập nhiều nơi.", "VnMedia", "VnMedia"),
        ("(Dân trí) - Sáng nay, mưa lớn gây ngập nhiều nơi.", "Dân trí", "Dân trí"),
        ("(Dân trí)- Sáng nay, mưa lớn gây ngập nhiều nơi.", "Dân trí", "Dân trí"),
        ("TTO - Sáng nay, mưa lớn gây ngập nhiều nơi.", "TTO", "TTO"),
        ("VOV.VN - Sáng nay, mưa lớn gây ngập nhiều nơi.", "VOV.VN", "VOV.VN"),
        ("HÀ NỘI - Sáng nay, mưa lớn gây ngập nhiều nơi.", "HÀ NỘI", ""),
        ("TP.HCM - Sáng nay, mưa lớn gây ngập nhiều nơi.", "TP.HCM", ""),
    ],
)
def test_outlet_tag_is_stripped_from_the_lead(lead, tag, source):
    cleaned = clean_article(Article(text=lead + "\n" + TAIL))
    assert cleaned.text == "Sáng nay, mưa lớn gây ngập nhiều nơi.\n" + TAIL
    assert cleaned.meta["outlet_tag"] == tag
    assert cleaned.source == source


@pytest.mark.parametrize(
    "lead",
    [
        "ASEAN - Trung Quốc tăng cường hợp tác kinh tế trong năm tới.",
        "(1) - Điều khoản này áp dụng từ năm sau.",
        "VIỆT NAM - THÁI LAN: TRẬN ĐẤU QUYẾT ĐỊNH",
        "Hà Nội - Hải Phòng là tuyến cao tốc có lưu lượng xe lớn.",
    ],
)
def test_lead_without_an_outlet_tag_is_unchanged(lead):
    assert clean_text(lead + "\n" + TAIL).kept == (lead, TAIL)


def test_outlet_tag_does_not_replace_an_existing_source():
    cleaned = clean_article(Article(text="(VnMedia) - Sáng nay, trời mưa.", source="Báo Khác"))
    assert cleaned.source == "Báo Khác"
    assert cleaned.text == "Sáng nay, trời mưa."


@pytest.mark.parametrize(
    "credit, source",
    [
        ("Theo Tuổi Trẻ", "Tuổi Trẻ"),
        ("(Theo TTXVN/Vietnam+)", "TTXVN/Vietnam+"),
        ("Nguồn: VnExpress", "VnExpress"),
        ("Theo báo Lao Động.", "Lao Động"),
        ("Theo Hãng tin AFP", "AFP"),
        ("Minh Anh", ""),  # a reporter's byline names no outlet
    ],
)
def test_closing_credit_line_becomes_the_source_when_missing(credit, source):
    cleaned = clean_article(Article(text=BODY + "\n" + credit))
    assert credit not in cleaned.text
    assert cleaned.source == source


def test_closing_credit_line_does_not_replace_an_existing_source():
    assert clean_article(Article(text=BODY + "\nTheo Tuổi Trẻ", source="Báo Khác")).source == "Báo Khác"


def test_header_date_line_becomes_published_when_missing():
    cleaned = clean_article(Article(text="Thứ sáu, 20/05/2016 - 06:33\n" + BODY))
    assert cleaned.published is not None
    assert (cleaned.published.year, cleaned.published.month, cleaned.published.day) == (2016, 5, 20)
    assert (cleaned.published.hour, cleaned.published.minute) == (6, 33)


# --------------------------------------------------------------------------- invariants


def test_cleaning_is_idempotent_on_the_noisy_example():
    from pathlib import Path

    path = Path(__file__).resolve().parents[2] / "examples" / "flood-hanoi" / "01-thu-do-moi.txt"
    article = Article(text=path.read_text(encoding="utf-8"), id="x")
    once = clean(article)
    assert clean(once) == once
    assert len(once.meta["dropped"]) >= 15


def test_clean_does_not_mutate_its_input():
    article = Article(text="Trang chủ > Thời sự\n" + BODY, meta={"encoding": "utf-8"})
    cleaned = clean_article(article)
    assert article.text == "Trang chủ > Thời sự\n" + BODY and "dropped" not in article.meta
    assert cleaned.meta["encoding"] == "utf-8"


def test_clean_text_joins_kept_lines_and_drops_blank_lines():
    result = clean_text("\n\n  " + BODY + "  \n\n\n" + TAIL + "\n")
    assert result.text == BODY + "\n" + TAIL


def test_an_article_that_is_all_noise_becomes_empty_with_every_line_explained(caplog):
    result = clean_text("Trang chủ > Thời sự > Xã hội\nChia sẻ\nTags: a, b")
    assert result.kept == ()
    assert len(result.dropped) == 3
    cleaned = clean_article(Article(text="Trang chủ > Thời sự > Xã hội\nChia sẻ", id="rong"))
    assert cleaned.text == "" and "no body left" in cleaned.meta["warnings"][0]
    assert "rong: every line was dropped" in caplog.text


@pytest.mark.parametrize(
    "tail",
    ["NGUYỆT PHƯƠNG", "Đỗ Tuấn Anh/VOV-Phnom Penh", "Theo Văn Hưng (Vietnam+)", "T.N (theo AFP)", "PV",
     "Ảnh: Times of Israel"],
)
def test_byline_glued_to_the_end_of_a_one_line_body_is_cut(tail):
    # VMDS bodies are one line: the byline follows the last sentence on the same line.
    result = clean_text(f"{BODY} {TAIL} {tail}")
    assert result.kept == (f"{BODY} {TAIL}",)
    assert [(d.line, d.text, d.reason) for d in result.dropped] == [(1, tail, BYLINE_TAIL)]


@pytest.mark.parametrize(
    "line",
    [
        f"{BODY} Đó là điều khiến tôi trăn trở nhiều năm qua.\" - NSND Đặng Hùng",
        f"{BODY} Sự kiện diễn ra tại TP. HCM",
        f"{BODY} Tác giả là V.I. Lê-nin",
        "Hà Nội. Minh Anh",
    ],
)
def test_end_of_line_that_is_not_a_byline_is_kept(line):
    assert clean_text(line).kept == (line,)


@pytest.mark.parametrize(
    "line, kept, caption",
    [
        (f"{BODY} Biểu tình tại Campuchia (Ảnh: Đỗ Tuấn Anh) Tại cuộc họp báo sáng 23/10, CNRP cho biết thêm.",
         f"{BODY} Tại cuộc họp báo sáng 23/10, CNRP cho biết thêm.", "Biểu tình tại Campuchia (Ảnh: Đỗ Tuấn Anh)"),
        (f"Ảnh minh họa. (Nguồn: techradar.com) {BODY}", BODY, "Ảnh minh họa. (Nguồn: techradar.com)"),
        (f"{BODY} Một chiếc UAV của Mỹ. (Nguồn DPA) {TAIL}", f"{BODY} {TAIL}", "Một chiếc UAV của Mỹ. (Nguồn DPA)"),
    ],
)
def test_photo_caption_inside_a_paragraph_is_cut(line, kept, caption):
    result = clean_text(line)
    assert result.kept == (kept,)
    assert [(d.text, d.reason) for d in result.dropped] == [(caption, INLINE_CAPTION)]


@pytest.mark.parametrize(
    "line",
    [
        f"{BODY} Ông nói “đây là điều đã được Sir Alex tiết lộ trong cuốn tự truyện” (ảnh: PA) và không bình luận gì thêm.",
        f"{BODY} Số liệu được công bố (xem ảnh) cho thấy tăng trưởng mạnh.",
        f"{BODY} Theo ông Nam (nguồn tin riêng), dự án sẽ khởi công vào tháng sau.",
    ],
)
def test_parentheses_that_are_not_a_caption_credit_are_kept(line):
    assert clean_text(line).kept == (line,)


def test_a_line_that_is_only_a_captioned_sentence_is_dropped():
    result = clean_text(f"{BODY}\nBị cáo Nguyễn Văn A được dẫn đến tòa sáng 21/7. (Ảnh: C.T.)\n{TAIL}")
    assert result.kept == (BODY, TAIL)
    assert result.kept_lines == (1, 3)


def test_caption_credit_followed_by_a_lowercase_word_is_kept():
    line = f"{BODY} Người dân đứng xem (Ảnh: AFP) đã đông hơn mọi ngày."
    assert clean_text(line).kept == (line,)


@pytest.mark.parametrize(
    "line",
    ["10:15 ngày 20 tháng 05 năm 2016", "20.05.2016 | 10:49 AM", "Cập nhật: 8h30 ngày 5/6/2023",
     "2016-05-20T06:33:00+07:00", "Chủ nhật, 5/6/2023, 10:00 (GMT+7)"],
)
def test_header_date_lines(line):
    assert line_noise_reason(line) == DATE_LINE


@pytest.mark.parametrize(
    "line, reason",
    [("Tin liên quan Hà Nội ngập sâu sau mưa lớn", RELATED),
     ("Tin liên quan đến vụ việc chưa được công bố", None),
     ("Ngày 5/6/2023 lúc 8h sáng, trời mưa.", None)],
)
def test_glued_related_header_and_dated_body_lines(line, reason):
    assert line_noise_reason(line) == reason


def test_table_rows_are_kept():
    # trafilatura writes HTML tables as "| cell | cell |" rows.
    rows = ["| Địa phương | Số người chết |", "| Hà Nội | 3 |", "| Hòa Bình | 2 |"]
    result = clean_text("\n".join([BODY, *rows, TAIL]))
    assert result.kept == (BODY, *rows, TAIL)


def test_bullet_list_announced_by_a_colon_is_kept():
    items = ["- Sơ tán 1.500 hộ dân ở Chương Mỹ", "- Huy động 500 bộ đội hỗ trợ người dân",
             "- Cấp 20 tấn gạo cho vùng bị lũ cô lập"]
    text = "\n".join([BODY, "Thành phố đã triển khai các biện pháp:", *items, TAIL])
    assert clean_text(text).kept == (BODY, "Thành phố đã triển khai các biện pháp:", *items, TAIL)


@pytest.mark.parametrize(
    "caption, after",
    [
        ("Người ủng hộ phe đối lập đi biểu tình sáng nay - Ảnh: AFP", "Theo Hãng tin AFP, cuộc biểu tình kéo dài ba ngày."),
        ("Cổ động viên đến cổ vũ cho đội nhà - Ảnh: Trương Hải Tùng", "Phút 33, Ngọc Hải tranh chấp bóng trong vòng cấm."),
        ("Bùi Anh Tuấn trở lại trong hình ảnh mới - Ảnh: P.V.", "Bùi Anh Tuấn từng rất được yêu thích."),
        ("Logo mới của công ty - Ảnh: Reuters", "“Chúng tôi sẽ thay đổi”, giám đốc nói."),
    ],
)
def test_dash_credit_caption_inside_a_paragraph_is_cut(caption, after):
    result = clean_text(f"{BODY} {caption} {after}")
    assert result.kept == (f"{BODY} {after}",)
    assert [(d.text, d.reason) for d in result.dropped] == [(caption, INLINE_CAPTION)]


@pytest.mark.parametrize(
    "line",
    [
        f"{BODY} Hiện trường vụ nổ - Ảnh: Minh Anh Nguyễn Văn Nam cho biết thêm.",  # credit end unknown
        f"{BODY} Giá vàng - ảnh hưởng của thị trường thế giới khiến giá tăng mạnh.",
    ],
)
def test_dash_caption_without_a_clear_credit_end_is_kept(line):
    assert clean_text(line).kept == (line,)


@pytest.mark.parametrize("line", [
    "Tổng thống Mỹ Donald Trump. Ảnh: Reuters.",
    "Ông Changpeng Zhao, nhà sáng lập Binance, được Tổng thống Mỹ ân xá. Ảnh minh họa Reuters.",
    "Chủ tịch UBND TP giao chánh thanh tra TP chủ trì thanh tra vụ chặt cây xanh - Ảnh: V.D",
    "Mặt bia mộ ghi thông tin các liệt sĩ bằng tiếng Việt. Ảnh:Võ Hải.",
])
def test_a_line_closed_by_a_photo_credit_is_a_caption(line):
    assert line_noise_reason(line) == CAPTION


@pytest.mark.parametrize("line", [
    "Các công ty công nghệ cao của Mỹ lại phụ thuộc lớn vào nguồn cung đất hiếm từ Trung Quốc.",
    "CZ là một trong những gương mặt có ảnh hưởng nhất trong thế giới tiền số.",
    "Tin, ảnh: Mạc Yến",
])
def test_credit_words_inside_body_sentences_are_not_captions(line):
    assert line_noise_reason(line) != CAPTION


# --- page text run into sentences (blind read 3, item 2) -------------------------------------------

@pytest.mark.parametrize(
    "lead, tag, rest",
    [
        ("(TNO) Ngày 22.10, Trung Quốc lên tiếng cảnh báo Nhật Bản.", "TNO",
         "Ngày 22.10, Trung Quốc lên tiếng cảnh báo Nhật Bản."),
        ("(iHay) Xuất hiện bất ngờ tại Vòng nhà hát, Ya Suy đã gây bất ngờ.", "iHay",
         "Xuất hiện bất ngờ tại Vòng nhà hát, Ya Suy đã gây bất ngờ."),
        ("PNO - Khoảng 3 giờ 30 ngày 1/11, trên quốc lộ 1A xảy ra tai nạn.", "PNO",
         "Khoảng 3 giờ 30 ngày 1/11, trên quốc lộ 1A xảy ra tai nạn."),
        ("XYZ - Sáng 1-11, tại Trung tâm hội nghị tỉnh Đắk Nông đã diễn ra buổi lễ.", "XYZ",
         "Sáng 1-11, tại Trung tâm hội nghị tỉnh Đắk Nông đã diễn ra buổi lễ."),
    ],
)
def test_outlet_tags_without_a_dash_or_unknown_before_a_lead_are_stripped(lead, tag, rest):
    cleaned = clean_article(Article(text=lead + "\n" + TAIL))
    assert cleaned.text == rest + "\n" + TAIL
    assert cleaned.meta["outlet_tag"] == tag


def test_outlet_tag_on_the_body_after_a_sapo_is_stripped():
    sapo = "Hãng hàng không quốc gia hủy hàng loạt chuyến bay vì bão."
    body = "QĐND - Ngày 9-11, Hãng hàng không Quốc gia Việt Nam cho biết đã hủy 40 chuyến bay."
    cleaned = clean_article(Article(text=sapo + "\n" + body))
    assert cleaned.text == sapo + "\n" + body[len("QĐND - "):]


@pytest.mark.parametrize(
    "line",
    [
        "(Tiếp theo) Bài viết kỳ trước đã nêu nhiều vấn đề.",
        "(10) Đảng Cộng sản Việt Nam, Văn kiện Hội nghị lần thứ năm.",
    ],
)
def test_parenthesised_remarks_are_not_outlet_tags(line):
    assert clean_text(line + "\n" + TAIL).kept == (line, TAIL)


@pytest.mark.parametrize(
    "line, kept, cut",
    [
        ("Giá vàng giảm sâu. Ca mắc Covid-19 tăng vọt Tại Singapore, các bệnh viện đã được chuẩn bị sẵn sàng.",
         "Giá vàng giảm sâu. Tại Singapore, các bệnh viện đã được chuẩn bị sẵn sàng.", "Ca mắc Covid-19 tăng vọt"),
        ("Tư Hoàng Tại buổi sơ kết, ông Nguyễn Văn A cho biết kết quả đạt kế hoạch năm.",
         "Tại buổi sơ kết, ông Nguyễn Văn A cho biết kết quả đạt kế hoạch năm.", "Tư Hoàng"),
        ("Cuộc rượt đuổi trong đêm Lúc 20 giờ ngày 20-7, tổ công tác xuất phát từ trụ sở.",
         "Lúc 20 giờ ngày 20-7, tổ công tác xuất phát từ trụ sở.", "Cuộc rượt đuổi trong đêm"),
    ],
)
def test_heading_or_byline_run_into_a_sentence_is_cut(line, kept, cut):
    result = clean_text(line)
    assert result.kept == (kept,)
    assert [d.text for d in result.dropped] == [cut]
    assert clean_text(result.text).kept == result.kept  # idempotent


@pytest.mark.parametrize(
    "line",
    [
        # the front starts like a sentence, or stops mid-phrase: the start word belongs to the sentence
        "Sau hình ảnh ông bố quốc dân lấy nước mắt khán giả trong Về nhà đi con, anh tiếp tục đóng phim.",
        "Nên biết trên thực tế, hiện Ông già gân vẫn đang làm việc cho Man United với vai trò Giám đốc.",
        "Á hậu sinh ra và lớn lên ở Đức, cô theo học ngành Thời trang bán lẻ quốc tế tại trường Đại học.",
    ],
)
def test_sentence_fronts_that_read_on_are_not_cut(line):
    assert clean_text(line).kept == (line,)


def test_caption_and_its_photo_credit_run_into_a_paragraph_are_cut():
    line = ("Tiến Minh thua ở vòng một. Tiến Minh luôn thua sớm ở giải Đan Mạch mở rộng. Ảnh: KB. "
            "Anh sẽ dự giải Pháp mở rộng vào tuần sau. Thủ tướng gặp mặt các nữ đại biểu Quốc hội. "
            "Ảnh: VGP/Nhật Bắc Thủ tướng Nguyễn Tấn Dũng gửi lời thăm hỏi tới các nữ đại biểu.")
    result = clean_text(line)
    assert result.kept == ("Tiến Minh thua ở vòng một. Anh sẽ dự giải Pháp mở rộng vào tuần sau. "
                           "Thủ tướng Nguyễn Tấn Dũng gửi lời thăm hỏi tới các nữ đại biểu.",)
    assert {d.reason for d in result.dropped} == {INLINE_CAPTION}
    assert clean_text(result.text).kept == result.kept
