"""Vietnamese header timestamps and relative date mentions (bantin.ingest.dates)."""
from __future__ import annotations

import glob
import os
from datetime import date, datetime, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bantin.ingest.dates import (
    HEADER_FORMATS,
    VN_TZ,
    DateMention,
    ParsedDate,
    find_dates,
    parse_date,
    parse_date_detailed,
)

REF = datetime(2016, 5, 21, 12, 0, tzinfo=VN_TZ)
UTC = timezone.utc


def vn(*args: int) -> datetime:
    return datetime(*args, tzinfo=VN_TZ)


# (header as scraped, expected datetime). Outlet names say where each shape is seen.
HEADERS = [
    ("Thứ 6, 11:03, 20/05/2016", vn(2016, 5, 20, 11, 3)),  # VOV
    ("Thứ Sáu, 06:00, 20/05/2016", vn(2016, 5, 20, 6, 0)),  # VOV
    ("Thứ sáu, 20/05/2016 - 06:33", vn(2016, 5, 20, 6, 33)),  # Dân trí
    ("Thứ bảy, 21/05/2016 - 07:05", vn(2016, 5, 21, 7, 5)),  # Dân trí
    ("20.05.2016 | 10:49 AM", vn(2016, 5, 20, 10, 49)),
    ("20.05.2016 | 10:49 PM", vn(2016, 5, 20, 22, 49)),
    ("10:15 ngày 20 tháng 05 năm 2016", vn(2016, 5, 20, 10, 15)),
    ("18 tháng 5 2016", vn(2016, 5, 18)),
    ("19/05/16 15:47", vn(2016, 5, 19, 15, 47)),
    ("5/20/2016 11:40:52 PM", vn(2016, 5, 20, 23, 40, 52)),  # .NET en-US CMS
    ("Thứ Sáu, ngày 20/5/2016 - 10:33", vn(2016, 5, 20, 10, 33)),
    ("20/05/2016 09:03 GMT+7", vn(2016, 5, 20, 9, 3)),  # Tuổi Trẻ, Thanh Niên
    ("Cập nhật: 20/05/2016 10:20", vn(2016, 5, 20, 10, 20)),
    ("Chủ nhật, 22/5/2016, 07:00 (GMT+7)", vn(2016, 5, 22, 7, 0)),  # VnExpress
    ("Thứ năm, 19/5/2016 | 14:30", vn(2016, 5, 19, 14, 30)),
    ("2016-05-20T10:15:00+07:00", vn(2016, 5, 20, 10, 15)),  # ISO 8601 (meta tags)
    ("2016-05-20T10:15:00.000+07:00", vn(2016, 5, 20, 10, 15)),
    ("2016-05-20 10:15:00", vn(2016, 5, 20, 10, 15)),
    ("20-05-2016", vn(2016, 5, 20)),
    ("20-05-2016 - 10:15", vn(2016, 5, 20, 10, 15)),  # Người lao động
    ("Ngày 20 tháng Năm, 2016", vn(2016, 5, 20)),
    ("20/5", vn(2016, 5, 20)),
    ("T6, 20/05/2016", vn(2016, 5, 20)),
    ("20 Tháng 5, 2016 | 08:15", vn(2016, 5, 20, 8, 15)),
    ("May 20, 2016", vn(2016, 5, 20)),
    ("Friday, May 20, 2016 3:15 PM", vn(2016, 5, 20, 15, 15)),
    ("Sat, 21 May 2016 10:15:00 +0700", vn(2016, 5, 21, 10, 15)),  # RSS pubDate (RFC 2822)
    ("20 May 2016 10:15", vn(2016, 5, 20, 10, 15)),
    ("2016/05/20 10:15", vn(2016, 5, 20, 10, 15)),
    ("20/05/2016 10h15", vn(2016, 5, 20, 10, 15)),
    ("10h15 ngày 20/5/2016", vn(2016, 5, 20, 10, 15)),
    ("10 giờ 15 phút ngày 20/5/2016", vn(2016, 5, 20, 10, 15)),
    ("20/05/2016 10:15 SA", vn(2016, 5, 20, 10, 15)),  # Windows vi-VN locale
    ("20/05/2016 03:15 CH", vn(2016, 5, 20, 15, 15)),
    ("Thứ Sáu, 20/05/2016 10:15 (GMT+07:00)", vn(2016, 5, 20, 10, 15)),  # VietnamNet
    ("Thứ sáu, ngày 20/05/2016 10:15 GMT+7", vn(2016, 5, 20, 10, 15)),  # VTV
    ("Thứ Sáu, 20-05-2016, 10:15", vn(2016, 5, 20, 10, 15)),  # Nhân dân
    ("20/05/2016 | 10:15", vn(2016, 5, 20, 10, 15)),  # Tiền phong
    ("20-05-2016 - 10:15 AM", vn(2016, 5, 20, 10, 15)),  # CafeF
    ("10:15 20/5/2016", vn(2016, 5, 20, 10, 15)),  # Zing
    ("Đăng lúc: 20/05/2016 10:15", vn(2016, 5, 20, 10, 15)),
    ("Cập nhật lúc 10:15 ngày 20/05/2016", vn(2016, 5, 20, 10, 15)),
    ("Ngày đăng: 20/5/2016", vn(2016, 5, 20)),
    ("Thứ sáu 20/05/2016 10:15", vn(2016, 5, 20, 10, 15)),
    ("20 tháng 5 năm 2016 lúc 10:15", vn(2016, 5, 20, 10, 15)),
    ("20-5-2016 10:15:32", vn(2016, 5, 20, 10, 15, 32)),
    ("20/05/2016 - 22:15 PM", vn(2016, 5, 20, 22, 15)),  # redundant suffix on a 24-hour clock
    ("Ngày 20 tháng Chạp năm 2015", vn(2015, 12, 20)),
    ("1 tháng Giêng, 2016", vn(2016, 1, 1)),
    ("18 tháng 5", vn(2016, 5, 18)),
    ("Hôm qua lúc 10:15", vn(2016, 5, 20, 10, 15)),  # aggregators
    ("Hôm nay 08:00", vn(2016, 5, 21, 8, 0)),
    ("5 phút trước", vn(2016, 5, 21, 11, 55)),
    ("2 giờ trước", vn(2016, 5, 21, 10, 0)),
    ("3 ngày trước", vn(2016, 5, 18)),
    ("1463714100", vn(2016, 5, 20, 10, 15)),  # Unix time in JSON feeds
    ("1463714100000", vn(2016, 5, 20, 10, 15)),
    ("20160520", vn(2016, 5, 20)),
    ("20160520T101500", vn(2016, 5, 20, 10, 15)),
    ("Fri May 20 10:15:00 ICT 2016", vn(2016, 5, 20, 10, 15)),  # Java Date.toString()
    ("Chiều 20/5/2016 lúc 3:15", vn(2016, 5, 20, 15, 15)),
    ("20/05/2016 3 giờ chiều", vn(2016, 5, 20, 15, 0)),
    ("Thứ Sáu, 20/05/2016, 10:15 AM (GMT+7)", vn(2016, 5, 20, 10, 15)),
    ("Thứ sáu ngày 20 tháng 5 năm 2016", vn(2016, 5, 20)),
    ("20 thg 5, 2016", vn(2016, 5, 20)),
    ("CN, 22/05/2016", vn(2016, 5, 22)),
    ("May 20th, 2016", vn(2016, 5, 20)),
    # Robustness: no diacritics, upper case, NBSP, stray spaces, decomposed Unicode.
    ("Thu sau, 20/05/2016", vn(2016, 5, 20)),
    ("THỨ SÁU, 20/05/2016 - 06:33", vn(2016, 5, 20, 6, 33)),
    ("Thứ\u00a0sáu,\u00a020/05/2016\u00a0-\u00a006:33", vn(2016, 5, 20, 6, 33)),
    ("  20 / 05 / 2016   10 : 15  ", vn(2016, 5, 20, 10, 15)),
    ("Thu\u031b\u0301 sa\u0301u, nga\u0300y 20/5/2016", vn(2016, 5, 20)),
]


@pytest.mark.parametrize("header,expected", HEADERS)
def test_parse_date_reads_real_headers(header: str, expected: datetime) -> None:
    got = parse_date(header, reference=REF)
    assert got == expected
    assert got.utcoffset() == expected.utcoffset()


def test_header_table_covers_at_least_twenty_patterns() -> None:
    patterns = {parse_date_detailed(h, reference=REF).pattern for h, _ in HEADERS}
    assert len(patterns) >= 20, sorted(patterns)


@pytest.mark.parametrize("header", HEADER_FORMATS)
def test_documented_header_formats_parse(header: str) -> None:
    assert parse_date(header, reference=REF) is not None


@pytest.mark.parametrize(
    "header,expected",
    [
        ("20/05/2016 10:15", vn(2016, 5, 20, 10, 15)),
        ("2016-05-20T03:15:00Z", datetime(2016, 5, 20, 3, 15, tzinfo=UTC)),
        ("2016-05-20T10:15:00+09:00", datetime(2016, 5, 20, 10, 15, tzinfo=timezone(timedelta(hours=9)))),
        ("20/05/2016 10:15 GMT", datetime(2016, 5, 20, 10, 15, tzinfo=UTC)),
        ("20/05/2016 10:15 (GMT+8)", datetime(2016, 5, 20, 10, 15, tzinfo=timezone(timedelta(hours=8)))),
        ("20/05/2016 10:15 UTC-5", datetime(2016, 5, 20, 10, 15, tzinfo=timezone(timedelta(hours=-5)))),
        ("Friday, 20 May 2016, 10:15 +08", datetime(2016, 5, 20, 10, 15, tzinfo=timezone(timedelta(hours=8)))),
        ("Fri, 20 May 2016 03:15:00 +0000", datetime(2016, 5, 20, 3, 15, tzinfo=UTC)),
    ],
)
def test_timezone_defaults_to_vietnam_unless_the_string_names_one(header: str, expected: datetime) -> None:
    got = parse_date(header)
    assert got == expected and got.utcoffset() == expected.utcoffset()


def test_a_header_without_time_is_midnight_and_says_so() -> None:
    parsed = parse_date_detailed("Thứ sáu, 20/05/2016")
    assert parsed.value == vn(2016, 5, 20) and not parsed.has_time
    assert parse_date_detailed("20/05/2016 10:15").has_time


def test_span_covers_date_and_time_only() -> None:
    text = "Cập nhật: 20/05/2016 10:20"
    parsed = parse_date_detailed(text)
    assert text[parsed.span[0]:parsed.span[1]] == "20/05/2016 10:20"


def test_parsed_date_is_frozen() -> None:
    parsed = parse_date_detailed("20/05/2016")
    assert isinstance(parsed, ParsedDate)
    with pytest.raises(AttributeError):
        parsed.value = None  # type: ignore[misc]


# --------------------------------------------------------------------------- ambiguity


@pytest.mark.parametrize(
    "header,kwargs,expected,ambiguous",
    [
        # Only one reading is a date: never ambiguous.
        ("5/20/2016", {}, date(2016, 5, 20), False),
        ("20/5/2016", {}, date(2016, 5, 20), False),
        ("13/12/2016", {"dayfirst": False}, date(2016, 12, 13), False),
        ("7/7/2016", {}, date(2016, 7, 7), False),
        # Both readings valid, nothing decides: day-first default, flagged.
        ("06/05/2016", {}, date(2016, 5, 6), True),
        ("06/05/2016 10:49 AM", {}, date(2016, 5, 6), True),  # zero-padded: Vietnamese style
        # The caller's hint decides, but the string stays ambiguous.
        ("06/05/2016", {"dayfirst": False}, date(2016, 6, 5), True),
        # A US-looking M/d/yyyy with a 12-hour clock hints month-first.
        ("5/6/2016 11:40:52 PM", {}, date(2016, 5, 6), True),
        ("Thứ hai, 5/6/2016 11:40 PM", {}, date(2016, 6, 5), True),  # weekday fits neither; Vietnamese words
        # A weekday that matches one reading decides it.
        ("Thứ sáu, 06/05/2016", {}, date(2016, 5, 6), False),  # 6 May 2016 was a Friday
        ("Chủ nhật, 05/06/2016", {}, date(2016, 6, 5), False),  # 5 June 2016 was a Sunday
        ("Chủ nhật, 05/06/2016", {"dayfirst": True}, date(2016, 6, 5), False),  # evidence beats the hint
        ("Thứ 6, 05/06/2016", {}, date(2016, 5, 6), False),
        ("Thứ 5, 05/06/2016", {}, date(2016, 6, 5), True),  # Thursday fits neither reading
        ("Sunday, 6/5/2016 10:00 AM", {}, date(2016, 6, 5), False),
        # A reading after the reference (plus a day) is dropped: a header is not from the future.
        ("05/06/2016", {"reference": REF}, date(2016, 5, 6), False),
        ("06/05/2016", {"reference": datetime(2016, 6, 10)}, date(2016, 5, 6), True),
    ],
)
def test_day_month_order_from_context(header: str, kwargs: dict, expected: date, ambiguous: bool) -> None:
    parsed = parse_date_detailed(header, **kwargs)
    assert parsed.value.date() == expected
    assert parsed.ambiguous is ambiguous


def test_pattern_names_the_order_used() -> None:
    assert parse_date_detailed("5/20/2016 11:40:52 PM").pattern == "m/d/y time am/pm"
    assert parse_date_detailed("Thứ sáu, 20/05/2016 - 06:33").pattern == "weekday d/m/y time"


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "31/02/2016",
        "30/02/2016",
        "29/02/2015",
        "32/01/2016",
        "20/13/2016",
        "20/05/1900",
        "20/05/2101",
        "1/1/1944",
        "0/5/2016",
        "Không có ngày tháng",
        "Số điện thoại 0912345678",
        "ngày 31 tháng 4 năm 2016",
        "February 30, 2016",
        "2016-13-01",
    ],
)
def test_impossible_or_missing_dates_give_none(text: str) -> None:
    assert parse_date(text, reference=REF) is None


def test_year_range_bounds_are_inclusive() -> None:
    assert parse_date("02/09/1945") == vn(1945, 9, 2)
    assert parse_date("31/12/2100") == vn(2100, 12, 31)


def test_leap_day_is_accepted_in_leap_years_only() -> None:
    assert parse_date("29/02/2016") == vn(2016, 2, 29)
    assert parse_date("29/02/2015") is None


def test_invalid_time_is_ignored_not_fatal() -> None:
    parsed = parse_date_detailed("20/05/2016 25:61")
    assert parsed.value == vn(2016, 5, 20) and not parsed.has_time


def test_yearless_header_takes_latest_date_not_after_reference() -> None:
    assert parse_date("20/5", reference=vn(2016, 5, 21)) == vn(2016, 5, 20)
    assert parse_date("30/12", reference=vn(2016, 1, 2)) == vn(2015, 12, 30)
    assert parse_date("29/2", reference=vn(2017, 3, 1)) == vn(2016, 2, 29)


def test_naive_reference_is_taken_as_vietnam_time() -> None:
    assert parse_date("2 giờ trước", reference=datetime(2016, 5, 21, 12, 0)) == vn(2016, 5, 21, 10, 0)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=80))
def test_parse_date_never_raises(text: str) -> None:
    result = parse_date_detailed(text, reference=REF)
    assert result is None or result.value.tzinfo is not None


_DATEISH = st.text(alphabet="0123456789/.-: ,()+thángyừgiờTCNSAPMđ\u00a0", max_size=40)


@settings(max_examples=300, deadline=None)
@given(_DATEISH, st.booleans() | st.none())
def test_parse_date_never_raises_on_date_like_noise(text: str, dayfirst: bool | None) -> None:
    result = parse_date(text, reference=REF, dayfirst=dayfirst)
    assert result is None or 1945 <= result.year <= 2100


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=120), st.datetimes(min_value=datetime(1950, 1, 1), max_value=datetime(2090, 1, 1)))
def test_find_dates_never_raises(text: str, published: datetime) -> None:
    for mention in find_dates(text, published):
        assert mention.start <= mention.end


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["hôm qua", "(2/11)", "tháng", "năm", "tới", "qua", "thứ", "Hai", "tuần", "sau", "quý", "III",
             "/", "2016", "mùa", "hè", "ngày", "01-11", "cuối", "đầu", "3", "trước", "nay", " ", ",", "29/2"]
        ),
        max_size=12,
    ),
    st.datetimes(min_value=datetime(1946, 1, 1), max_value=datetime(2099, 12, 1)),
)
def test_find_dates_never_raises_on_date_vocabulary(words: list[str], published: datetime) -> None:
    text = " ".join(words)
    for mention in find_dates(text, published):
        assert text[mention.span[0]:mention.span[1]] == mention.text


# --------------------------------------------------------------------------- dates in text

PUB = datetime(2016, 11, 3, 9, 0, tzinfo=VN_TZ)  # Thursday 3 Nov 2016
D = date


@pytest.mark.parametrize(
    "phrase,start,end,kind",
    [
        ("hôm qua (2/11)", D(2016, 11, 2), D(2016, 11, 2), "day"),
        ("hôm qua", D(2016, 11, 2), D(2016, 11, 2), "day"),
        ("hôm nay", D(2016, 11, 3), D(2016, 11, 3), "day"),
        ("ngày mai", D(2016, 11, 4), D(2016, 11, 4), "day"),
        ("hôm kia", D(2016, 11, 1), D(2016, 11, 1), "day"),
        ("ngày kia", D(2016, 11, 5), D(2016, 11, 5), "day"),
        ("ngày 01-11", D(2016, 11, 1), D(2016, 11, 1), "day"),
        ("ngày 1/11", D(2016, 11, 1), D(2016, 11, 1), "day"),
        ("ngày 1.11", D(2016, 11, 1), D(2016, 11, 1), "day"),
        ("sáng 2/11", D(2016, 11, 2), D(2016, 11, 2), "day"),
        ("tối qua", D(2016, 11, 2), D(2016, 11, 2), "day"),
        ("sáng nay", D(2016, 11, 3), D(2016, 11, 3), "day"),
        ("chiều mai", D(2016, 11, 4), D(2016, 11, 4), "day"),
        ("tháng Tám vừa qua", D(2016, 8, 1), D(2016, 8, 31), "month"),
        ("tháng 8 tới", D(2017, 8, 1), D(2017, 8, 31), "month"),
        ("tháng 8", D(2016, 8, 1), D(2016, 8, 31), "month"),
        ("tháng Giêng", D(2017, 1, 1), D(2017, 1, 31), "month"),
        ("tháng Chạp năm ngoái", D(2015, 12, 1), D(2015, 12, 31), "month"),
        ("tháng 5/2015", D(2015, 5, 1), D(2015, 5, 31), "month"),
        ("tháng Sáu", D(2016, 6, 1), D(2016, 6, 30), "month"),
        ("tháng sau", D(2016, 12, 1), D(2016, 12, 31), "month"),
        ("tháng trước", D(2016, 10, 1), D(2016, 10, 31), "month"),
        ("tháng này", D(2016, 11, 1), D(2016, 11, 30), "month"),
        ("mùa Xuân tới", D(2017, 1, 1), D(2017, 3, 31), "season"),
        ("mùa hè năm ngoái", D(2015, 4, 1), D(2015, 6, 30), "season"),
        ("mùa thu năm nay", D(2016, 7, 1), D(2016, 9, 30), "season"),
        ("mùa đông 2015", D(2015, 10, 1), D(2015, 12, 31), "season"),
        ("năm ngoái", D(2015, 1, 1), D(2015, 12, 31), "year"),
        ("năm nay", D(2016, 1, 1), D(2016, 12, 31), "year"),
        ("năm tới", D(2017, 1, 1), D(2017, 12, 31), "year"),
        ("năm kia", D(2014, 1, 1), D(2014, 12, 31), "year"),
        ("năm 2014", D(2014, 1, 1), D(2014, 12, 31), "year"),
        ("năm qua", D(2015, 11, 4), D(2016, 11, 3), "period"),
        ("tuần tới", D(2016, 11, 7), D(2016, 11, 13), "week"),
        ("tuần trước", D(2016, 10, 24), D(2016, 10, 30), "week"),
        ("tuần qua", D(2016, 10, 28), D(2016, 11, 3), "period"),
        ("tuần này", D(2016, 10, 31), D(2016, 11, 6), "week"),
        ("cuối tuần này", D(2016, 11, 5), D(2016, 11, 6), "weekend"),
        ("cuối tuần qua", D(2016, 10, 29), D(2016, 10, 30), "weekend"),
        ("cuối tuần", D(2016, 11, 5), D(2016, 11, 6), "weekend"),
        ("thứ Hai tuần sau", D(2016, 11, 7), D(2016, 11, 7), "day"),
        ("thứ Sáu tuần trước", D(2016, 10, 28), D(2016, 10, 28), "day"),
        ("chủ nhật tới", D(2016, 11, 6), D(2016, 11, 6), "day"),
        ("thứ Ba vừa qua", D(2016, 11, 1), D(2016, 11, 1), "day"),
        ("sáng thứ Hai (31/10)", D(2016, 10, 31), D(2016, 10, 31), "day"),
        ("đầu tháng", D(2016, 11, 1), D(2016, 11, 10), "period"),
        ("cuối tháng 8", D(2016, 8, 21), D(2016, 8, 31), "period"),
        ("giữa tháng tới", D(2016, 12, 11), D(2016, 12, 20), "period"),
        ("cuối năm nay", D(2016, 10, 1), D(2016, 12, 31), "period"),
        ("đầu năm 2017", D(2017, 1, 1), D(2017, 3, 31), "period"),
        ("quý III/2016", D(2016, 7, 1), D(2016, 9, 30), "quarter"),
        ("quý II năm ngoái", D(2015, 4, 1), D(2015, 6, 30), "quarter"),
        ("quý 4", D(2016, 10, 1), D(2016, 12, 31), "quarter"),
        ("quý tới", D(2017, 1, 1), D(2017, 3, 31), "quarter"),
        ("2 ngày trước", D(2016, 11, 1), D(2016, 11, 1), "day"),
        ("cách đây 3 ngày", D(2016, 10, 31), D(2016, 10, 31), "day"),
        ("3 tháng tới", D(2016, 11, 4), D(2017, 2, 3), "period"),
        ("10 ngày qua", D(2016, 10, 25), D(2016, 11, 3), "period"),
        ("hai năm trước", D(2014, 1, 1), D(2014, 12, 31), "year"),
        ("5 ngày nữa", D(2016, 11, 4), D(2016, 11, 8), "period"),
        ("ngày 20/11/2015", D(2015, 11, 20), D(2015, 11, 20), "day"),
        ("ngày 20 tháng 11 năm 2015", D(2015, 11, 20), D(2015, 11, 20), "day"),
        ("ngày 25/11 tới", D(2016, 11, 25), D(2016, 11, 25), "day"),
        ("9 tháng đầu năm", D(2016, 1, 1), D(2016, 9, 30), "period"),
        ("6 tháng cuối năm 2015", D(2015, 7, 1), D(2015, 12, 31), "period"),
        ("tháng 1.2010", D(2010, 1, 1), D(2010, 1, 31), "month"),
        ("tháng 7-2012", D(2012, 7, 1), D(2012, 7, 31), "month"),
        ("tháng Tám 2015", D(2015, 8, 1), D(2015, 8, 31), "month"),
        ("quý 3.2015", D(2015, 7, 1), D(2015, 9, 30), "quarter"),
        ("ngày mốt", D(2016, 11, 5), D(2016, 11, 5), "day"),
        ("mùng 2/9", D(2016, 9, 2), D(2016, 9, 2), "day"),
        ("mồng 1 tháng Giêng", D(2017, 1, 1), D(2017, 1, 1), "day"),
        ("3 năm trước đây", D(2013, 1, 1), D(2013, 12, 31), "year"),
    ],
)
def test_find_dates_resolves_relative_expressions(phrase: str, start: date, end: date, kind: str) -> None:
    mentions = find_dates(f"Theo nguồn tin, {phrase} sự việc đã được xác nhận.", PUB)
    assert [(m.text, m.start, m.end, m.kind) for m in mentions] == [(phrase, start, end, kind)]


@pytest.mark.parametrize(
    "phrase,published,start",
    [
        # A bare day/month takes the year that puts it nearest the publication date.
        ("ngày 28/12", datetime(2017, 1, 3), D(2016, 12, 28)),
        ("ngày 2/1", datetime(2016, 12, 28), D(2017, 1, 2)),
        ("ngày 1/11", datetime(2016, 11, 3), D(2016, 11, 1)),
        ("ngày 29/2", datetime(2017, 1, 10), D(2016, 2, 29)),
        # "tới"/"sắp tới" force the next occurrence, "vừa qua" the last one.
        ("ngày 1/11 tới", datetime(2016, 11, 3), D(2017, 11, 1)),
        ("ngày 5/11 vừa qua", datetime(2016, 11, 3), D(2015, 11, 5)),
        ("tháng 11 tới", datetime(2016, 11, 3), D(2017, 11, 1)),
        ("tháng 12 vừa qua", datetime(2017, 1, 5), D(2016, 12, 1)),
        ("mùa Xuân", datetime(2016, 12, 20), D(2017, 1, 1)),
        ("quý IV", datetime(2017, 1, 20), D(2016, 10, 1)),
    ],
)
def test_yearless_mentions_take_the_nearest_year(phrase: str, published: datetime, start: date) -> None:
    (mention,) = find_dates(phrase, published)
    assert mention.start == start


@pytest.mark.parametrize(
    "sentence,mention,start,end,kind",
    [
        ("Hồi tháng 12 ông về quê.", "tháng 12", D(2015, 12, 1), D(2015, 12, 31), "month"),  # hồi: back in
        ("Kể từ tháng 12 ông về quê.", "tháng 12", D(2015, 12, 1), D(2015, 12, 31), "month"),
        ("Từ cuối tháng 12 đến nay giá tăng.", "cuối tháng 12", D(2015, 12, 21), D(2015, 12, 31), "period"),
        ("Sáng ngày 20/10 tôi về quê.", "Sáng ngày 20/10", D(2016, 10, 20), D(2016, 10, 20), "day"),  # tail cut
        ("Ông nói chiều 22/10 Tối 31/10 mưa.", "chiều 22/10", D(2016, 10, 22), D(2016, 10, 22), "day"),
        ("Vốn giải ngân 6 tháng năm 2022 đạt thấp.", "năm 2022", D(2022, 1, 1), D(2022, 12, 31), "year"),  # not May
        ("Bắt đầu tháng 8 giá tăng.", "tháng 8", D(2016, 8, 1), D(2016, 8, 31), "month"),  # bắt đầu: begin
        ("Doanh thu nửa đầu năm nay tăng.", "nửa đầu năm nay", D(2016, 1, 1), D(2016, 6, 30), "period"),
        ("Lãi nửa cuối năm 2015 giảm.", "nửa cuối năm 2015", D(2015, 7, 1), D(2015, 12, 31), "period"),
    ],
)
def test_context_words_steer_the_reading(sentence: str, mention: str, start: date, end: date, kind: str) -> None:
    assert [(m.text, m.start, m.end, m.kind) for m in find_dates(sentence, PUB)][:1] == [(mention, start, end, kind)]


@pytest.mark.parametrize(
    "text",
    [
        "Đây là lần thứ hai anh tới Hà Nội.",  # ordinal, not Monday
        "Trong lần gặp mặt thứ 4 này, anh thua.",
        "Đội tuyển Việt Nam trước trận đấu.",  # Nam, not năm
        "Giải Việt Nam 2012 kết thúc.",
        "Giá dầu tháng 8 tăng.",  # dầu (oil), not đầu
        "Anh Tuấn tới thăm.",  # Tuấn, not tuần
        "Năm tôi 18 tuổi, tôi rời quê.",  # tôi (I), not tới
        "Kể từ trước tới nay chưa có.",  # tới nay, not tối nay
        "Giá ngày một tăng.",  # increasingly, not the day after tomorrow
        "Bài học đáng quý từ ông.",
        "Gió mùa Đông bắc tràn về.",
        "Những năm sau đó ông về quê.",
        "Một tuần trước khi thi, anh ốm.",
        "Bao năm tháng qua tôi vẫn nhớ.",
        "Cách mạng tháng Tám thành công.",
        "Những tháng năm tuổi thơ.",
        "Mỗi ngày dành từ 3-4 tiếng để chạy.",
        "Tiến Minh dẫn trước 11-9.",
        "Có 20 và 1/2 xô canh.",
        "Ông đi 3 năm sau mới về.",
        "Kế hoạch cả năm sau 9 tháng đã xong.",
        "Đầu năm học mới.",
        "Lễ mở đầu Tuần lễ Festival.",
        "Gia hạn định kỳ 12 tháng một lần.",
        "Hàng tháng hai vợ chồng trả nợ.",
        "Giải đấu mùa thứ hai rất sôi động.",
        "Nông dân bắt đầu mùa thu hoạch.",
        "Lãi suất tăng 0,5%/năm này.",

        "Người thứ ba qua đường bị thương.",
        "Tỷ lệ 1/2 số hộ dân đã nhận tiền.",  # a fraction, not 1 February
        "Anh mua xuân sớm? Không, trời mưa xuân lất phất.",  # mưa xuân: spring rain
        "Quý vị đại biểu có mặt đầy đủ.",
        "Ông đã chờ 3 ngày liền.",
    ],
)
def test_find_dates_ignores_look_alikes(text: str) -> None:
    assert find_dates(text, PUB) == []


def test_find_dates_spans_point_into_the_text_and_keep_order() -> None:
    text = "Hôm qua (2/11), Bộ Tài chính cho biết từ 23/10 đến hết ngày 25/10 sẽ kiểm tra; quý III/2016 lãi tăng."
    mentions = find_dates(text, PUB)
    assert [m.text for m in mentions] == ["Hôm qua (2/11)", "23/10", "ngày 25/10", "quý III/2016"]
    for m in mentions:
        assert isinstance(m, DateMention)
        assert text[m.span[0]:m.span[1]] == m.text
    assert [m.span[0] for m in mentions] == sorted(m.span[0] for m in mentions)


def test_explicit_date_in_parentheses_wins_over_the_relative_word() -> None:
    (mention,) = find_dates("Hôm qua (1/11) trời mưa.", PUB)  # the writer knows better than us
    assert mention.start == D(2016, 11, 1)


def test_find_dates_handles_segmented_and_accentless_text() -> None:
    assert [m.start for m in find_dates("Hôm_nay 23.10 hàng nghìn người", datetime(2013, 10, 23))] == [D(2013, 10, 23)]
    assert [m.start for m in find_dates("thang tam vua qua", PUB)] == [D(2016, 8, 1)]
    assert [m.start for m in find_dates("THỨ HAI TUẦN SAU", PUB)] == [D(2016, 11, 7)]


def test_aware_publication_date_is_read_in_vietnam_time() -> None:
    published = datetime(2016, 11, 2, 20, 0, tzinfo=UTC)  # 03:00 on 3 Nov in Hà Nội
    (mention,) = find_dates("hôm nay", published)
    assert mention.start == D(2016, 11, 3)


def test_publication_date_may_be_a_plain_date() -> None:
    (mention,) = find_dates("hôm qua", date(2016, 11, 3))
    assert mention.start == D(2016, 11, 2)


def test_non_string_input_gives_nothing() -> None:
    assert parse_date(None) is None  # type: ignore[arg-type]
    assert find_dates(None, PUB) == []  # type: ignore[arg-type]


def test_docstring_examples_hold() -> None:
    import doctest

    from bantin.ingest import dates

    assert doctest.testmod(dates).failed == 0


# --------------------------------------------------------------------------- real corpus

VMDS = os.path.join(os.path.dirname(__file__), "..", "..", "..", "shared", "datasets", "vmds", "clusters")


@pytest.mark.corpus
def test_every_vmds_time_line_parses() -> None:
    paths = glob.glob(os.path.join(VMDS, "*", "*.info.txt"))
    if not paths:
        pytest.skip("VMDS corpus not available")
    checked = 0
    for path in paths:
        with open(path, encoding="utf-8-sig") as fh:
            lines = [line[5:].strip() for line in fh if line.startswith("TIME:")]
        for raw in lines:
            day, month, rest = raw.split("/", 2)
            year, clock = rest.split()
            hour, minute = clock.split(":")
            expected = vn(int(year), int(month), int(day), int(hour), int(minute))
            assert parse_date(raw) == expected, (path, raw)
            checked += 1
    assert checked >= 600


@pytest.mark.parametrize(
    "header, expected",
    [
        ("00:36 AM 21/05/2016", vn(2016, 5, 21, 0, 36)),  # a 24-hour clock with a redundant AM
        ("21/05/2016 | 00:36 AM", vn(2016, 5, 21, 0, 36)),
        ("21/05/2016 12:30 AM", vn(2016, 5, 21, 0, 30)),
        ("13:37 21/05.2016", vn(2016, 5, 21, 13, 37)),  # mixed separators
        ("19/05/201600:00:00(Xem: 732)", vn(2016, 5, 19, 0, 0)),  # year glued to the clock
        ("19/05/201614:05(Xem: 1.732)", vn(2016, 5, 19, 14, 5)),
        ("Thứ bảy, 21/5/2016, 13:37 (GMT+", vn(2016, 5, 21, 13, 37)),  # cut: Vietnam time, not UTC
        ("21/5/2016 13:37 GMT+", vn(2016, 5, 21, 13, 37)),
        ("21/5/2016 13:37 GMT", datetime(2016, 5, 21, 13, 37, tzinfo=UTC)),  # a named zone is kept
    ],
)
def test_scraped_header_quirks(header: str, expected: datetime) -> None:
    assert parse_date(header) == expected


def test_mixed_separators_need_a_four_digit_year() -> None:
    assert parse_date("1.5-2016") is None
    assert parse_date("21/05.16") is None


@pytest.mark.parametrize(
    "header, expected",
    [
        ("13 giờ 28 phút trước", vn(2016, 5, 20, 22, 32)),
        ("2 giờ 5 phút trước", vn(2016, 5, 21, 9, 55)),
        ("28 phút trước", vn(2016, 5, 21, 11, 32)),
        ("1 giờ trước", vn(2016, 5, 21, 11, 0)),
    ],
)
def test_relative_header_with_hours_and_minutes_counts_both_from_the_reference(header: str, expected: datetime) -> None:
    assert parse_date(header, reference=REF) == expected
