"""evaluate.readability: what a reader sees in a summary, on hand-made Vietnamese articles."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

from bantin.evaluate.readability import check_summary, format_readability_table, readability_of
from bantin.models import Article

VN = timezone(timedelta(hours=7))

A1 = Article(
    id="a1", title="Cháy chung cư mini ở Hà Nội, 3 người tử vong",
    published=datetime(2025, 11, 2, 8, tzinfo=VN),
    text=(
        "Rạng sáng 2/11, một vụ cháy chung cư mini tại quận Thanh Xuân, Hà Nội khiến 3 người tử vong.\n"
        "Diễn biến vụ cháy\n"
        "Sự việc xảy ra lúc 2h, khi nhiều hộ dân đang ngủ.\n"
        "Cụ thể, ngọn lửa bùng lên từ khu để xe tầng một rồi lan lên các tầng trên.\n"
        "“Chúng tôi nghe tiếng nổ lớn rồi khói đen tràn vào phòng.\n"
        "Người biểu tình tại hiện trường (Ảnh: Ngọc Thắng)"
    ),
)
A2 = Article(
    id="a2", title="Khởi tố vụ cháy chung cư mini",
    published=datetime(2025, 11, 3, 9, tzinfo=VN),
    text=(
        "Công an Hà Nội đã khởi tố vụ án hình sự liên quan đến vụ cháy chung cư mini ở quận Thanh Xuân.\n"
        "Hôm qua, lực lượng chức năng đã khám nghiệm hiện trường vụ cháy và lấy lời khai nhân chứng."
    ),
)
ARTICLES = (A1, A2)


def test_a_clean_brief_passes_every_check():
    check = check_summary([
        "Rạng sáng 2/11, một vụ cháy chung cư mini tại quận Thanh Xuân, Hà Nội khiến 3 người tử vong.",
        "Sự việc xảy ra lúc 2h, khi nhiều hộ dân đang ngủ.",
        "Công an Hà Nội đã khởi tố vụ án hình sự liên quan đến vụ cháy chung cư mini ở quận Thanh Xuân.",
    ], ARTICLES)
    assert check.lede and check.mixes_days
    assert not any(check.flags[name] for name in check.flags if name != "lede")


def test_an_opener_after_its_own_predecessor_is_fine_but_not_elsewhere():
    kept = check_summary([
        "Rạng sáng 2/11, một vụ cháy chung cư mini tại quận Thanh Xuân, Hà Nội khiến 3 người tử vong.",
        "Sự việc xảy ra lúc 2h, khi nhiều hộ dân đang ngủ.",
        "Cụ thể, ngọn lửa bùng lên từ khu để xe tầng một rồi lan lên các tầng trên.",
    ], ARTICLES)
    assert not kept.flags["orphan_opener"]
    cut = check_summary([
        "Công an Hà Nội đã khởi tố vụ án hình sự liên quan đến vụ cháy chung cư mini ở quận Thanh Xuân.",
        "Sự việc xảy ra lúc 2h, khi nhiều hộ dân đang ngủ.",
    ], ARTICLES)
    assert cut.flags["orphan_opener"] and cut.flags["lede"]  # the second article's first sentence is a lede too


def test_headings_captions_quotes_and_relative_times_are_flagged():
    check = check_summary([
        "Diễn biến vụ cháy",
        "“Chúng tôi nghe tiếng nổ lớn rồi khói đen tràn vào phòng.",
        "Hôm qua, lực lượng chức năng đã khám nghiệm hiện trường vụ cháy và lấy lời khai nhân chứng.",
        "Sự việc xảy ra lúc 2h, khi nhiều hộ dân đang ngủ.",
    ], ARTICLES)
    assert not check.lede
    assert check.flags["non_sentence"] and check.flags["quote_no_speaker"]
    assert check.flags["unanchored_time"]  # the brief mixes 2/11 and 3/11: "hôm qua" is ambiguous
    assert check.flags["orphan_opener"]


def test_an_anchored_time_is_fine_and_single_day_briefs_cannot_mix():
    anchored = check_summary([
        "Công an Hà Nội đã khởi tố vụ án hình sự liên quan đến vụ cháy chung cư mini ở quận Thanh Xuân.",
        "Hôm qua (2/11), lực lượng chức năng đã khám nghiệm hiện trường vụ cháy và lấy lời khai nhân chứng.",
        "Rạng sáng 2/11, một vụ cháy chung cư mini tại quận Thanh Xuân, Hà Nội khiến 3 người tử vong.",
    ], ARTICLES)
    assert anchored.mixes_days and not anchored.flags["unanchored_time"]
    one_day = check_summary([
        "Công an Hà Nội đã khởi tố vụ án hình sự liên quan đến vụ cháy chung cư mini ở quận Thanh Xuân.",
        "Hôm qua, lực lượng chức năng đã khám nghiệm hiện trường vụ cháy và lấy lời khai nhân chứng.",
    ], ARTICLES)
    assert not one_day.mixes_days and not one_day.flags["unanchored_time"]


def test_a_summary_string_is_cut_back_into_the_systems_sentences():
    # the heading was joined to the next sentence with a space: it is still found as a unit
    text = "Diễn biến vụ cháy Sự việc xảy ra lúc 2h, khi nhiều hộ dân đang ngủ. Cụ thể, ngọn lửa bùng lên từ khu để xe tầng một rồi lan lên các tầng trên."
    check = check_summary(text, ARTICLES)
    assert [s.text for s in check.sentences][0] == "Diễn biến vụ cháy"
    assert check.flags["non_sentence"]
    assert [s.orphan for s in check.sentences] == [False, True, False]  # "Sự việc" lost its lede to a heading
    assert [s.sources for s in check.sentences] == [((0, 1),), ((0, 2),), ((0, 3),)]


def test_a_caption_glued_to_a_sentence_is_a_non_sentence():
    check = check_summary(["Người biểu tình tại hiện trường (Ảnh: Ngọc Thắng)"], ARTICLES)
    assert check.sentences[0].non_sentence == "caption"


def test_long_sentences_and_rates_over_summaries():
    long = "Vụ cháy " + " ".join(["rất"] * 60) + " lớn."
    rates, per = readability_of(
        {"x": [("c1", [long]), ("c2", ["Sự việc xảy ra lúc 2h, khi nhiều hộ dân đang ngủ."])]},
        {"c1": ARTICLES, "c2": ARTICLES},
    )
    assert per["x"]["c1"].flags["long_sentence"] and not per["x"]["c2"].flags["long_sentence"]
    assert rates[0].summaries == 2 and rates[0].rate("long_sentence") == 0.5
    assert rates[0].rate("orphan_opener") == 0.5
    table = format_readability_table(rates, markdown=True)
    assert table.splitlines()[2].startswith("| x | 2 |")
