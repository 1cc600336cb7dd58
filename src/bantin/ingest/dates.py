"""Vietnamese dates: article header timestamps and relative expressions in article text.

Two jobs:

* :func:`parse_date` / :func:`parse_date_detailed` read the timestamp line a scraper keeps
  from a Vietnamese news page (``Thứ sáu, 20/05/2016 - 06:33``, ``10:15 ngày 20 tháng 05 năm
  2016``, ``5/20/2016 11:40:52 PM``, ``2016-05-20T10:15:00+07:00`` ...; the formats are listed
  in :data:`HEADER_FORMATS` and tested one by one).
* :func:`find_dates` finds date mentions in article text (``hôm qua (2/11)``, ``tháng Tám
  vừa qua``, ``mùa hè năm ngoái``, ``quý III/2016``, ``3 tháng tới`` ...) and resolves each to
  a day range using the article's publication date.

Why a focused regex module and not ``dateparser``: dateparser (PyPI, maintained, works
offline, has a Vietnamese locale) reads 22 of the 25 :data:`HEADER_FORMATS` the same way, but
returns None for ``Cập nhật: 20/05/2016 10:20`` and ``T6, 20/05/2016`` and reads ``10 giờ 15
phút ngày 20/5/2016`` as 21 May 01:45; it cannot say which reading of ``06/05/2016`` it chose
or whether another was possible; it has nothing for the ranges news text needs (``mùa hè năm
ngoái``, ``quý III``, ``cuối tuần này``, ``tháng Chạp``); it pulls in ``regex``, ``pytz``,
``tzlocal`` and ``dateutil`` and takes 2-3 ms per header against ~40 µs here
(``python -m benchmarks.dates``, which runs the comparison when dateparser is importable).
This module is stdlib only and every decision can be explained (``ParsedDate.pattern``,
``ParsedDate.ambiguous``).

Conventions (all decisions can be read off the code below):

* **Time zone.** Vietnamese outlets publish in Indochina Time, so every returned
  ``datetime`` is timezone-aware with ``tzinfo`` :data:`VN_TZ` (UTC+07:00) unless the string
  names another offset (``GMT+8``, ``UTC``, ``Z``, ``+09:00``): then that offset is kept, the
  instant is not converted. A header without a time gives midnight.
* **Matching is accent-, case- and space-insensitive.** Text is NFC-normalized, lowercased,
  stripped of diacritics (``đ`` → ``d``) and NBSP/``_`` become spaces, one character for one
  character, so ``Thu sau, 20/05/2016`` reads like ``Thứ sáu, 20/05/2016`` and spans index the
  NFC form of the input (the input itself when it is NFC, as ``normalize_text`` output is).
  Where the folding makes two words collide (``tháng sau`` "next month" / ``tháng Sáu``
  "June", ``mùa`` "season" / ``mua`` "buy" / ``mưa`` "rain"), the accented original decides;
  text written without accents gets the more common reading.
* **Day/month order.** Day-first is the Vietnamese default. When both ``a/b/yyyy`` readings are
  valid dates, evidence is used in this order: (1) a weekday in the string that matches only
  one reading (``Thứ sáu, 06/05/2016`` is 6 May); (2) with a ``reference``, a reading more than
  a day after it is dropped (a header is not dated in the future); (3) the caller's
  ``dayfirst``; (4) a 12-hour ``AM/PM`` clock on a US-looking date -- slashes, four-digit
  year, no zero padding, no Vietnamese word around it: the ``M/d/yyyy h:mm:ss tt`` default of
  .NET CMSs -- means month-first (``06/05/2016 10:49 AM`` stays day-first); (5) day-first.
  Only (1) and (2) settle it: after (3)-(5) ``ParsedDate.ambiguous`` is True.
  ``5/20/2016`` has one valid reading and is never ambiguous.
* **Years.** Accepted years are 1945..2100; anything else, and impossible dates (``31/02``),
  give ``None``. Two-digit years: ``00``-``69`` are 20xx, ``70``-``99`` are 19xx. A header
  without a year (``20/5``) takes the latest such date not after ``reference`` (default: now).
* **Yearless dates in text** (``ngày 01-11``, ``tháng 8``, ``mùa hè``, ``quý IV``) take the
  year that puts them nearest to the publication date, days into the future counting
  :data:`FUTURE_WEIGHT` (2) times, because news mostly reports what has happened: published
  3 Jan, ``ngày 28/12`` is last December; published 28 Dec, ``ngày 2/1`` is next January.
  ``tới``/``sắp tới``/``tới đây`` force the next occurrence; ``qua``/``vừa qua``/``trước``,
  a ``hồi``/``kể từ`` before or a ``đến nay`` after force the latest one that has begun.
* **What is not a date.** Words that fold to a date word but are spelled otherwise are left
  alone (``Việt Nam trước``, ``giá dầu tháng 8``, ``anh Tuấn tới``, ``năm tôi 18 tuổi``,
  ``gió mùa Đông bắc``), and so are ordinals (``lần thứ hai``), fractions and scores (``1/2``,
  ``dẫn trước 11-9``) and expressions relative to the story rather than to the publication
  date (``tuần sau đó``, ``một tuần trước khi``, ``3 năm sau``, ``những năm sau``). A bare
  ``23/10`` needs a cue (``ngày``, ``sáng``, ``từ``, ``đến``, ``(``...) or a year.
* **Weeks** run Monday (thứ Hai) to Sunday (Chủ nhật). ``cuối tuần`` is Saturday-Sunday,
  ``đầu tuần`` Monday-Tuesday, ``giữa tuần`` Wednesday-Thursday.
* **Periods.** ``tuần/tháng/năm này|nay`` is the current calendar unit; ``trước``, ``vừa
  qua``, ``ngoái`` the previous one; ``tới``, ``sau``, ``sắp tới``, ``tới đây``, ``tiếp
  theo`` the next; a bare ``qua`` (``tuần qua``, ``năm qua``) the trailing span ending on the
  publication day (the last 7 days, month, year). ``N ngày trước`` is one day, ``N tuần/tháng/
  năm trước`` the calendar unit containing that day; ``N ... qua`` and ``N ... tới|nữa`` are
  spans ending/starting at publication.
* **Parts of a period** follow the thượng/trung/hạ tuần convention for months (``đầu tháng``
  days 1-10, ``giữa tháng`` 11-20, ``cuối tháng`` 21-end); for years ``đầu năm`` is January-
  March, ``giữa năm`` May-August, ``cuối năm`` October-December.
* **Seasons** use the common calendar convention: xuân January-March, hè/hạ April-June, thu
  July-September, đông October-December (the December-February winter that crosses a year
  is not modelled).
"""
from __future__ import annotations

import calendar
import logging
import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from typing import Callable, Iterator

logger = logging.getLogger(__name__)

VN_TZ = timezone(timedelta(hours=7))
"""Indochina Time, the zone of every Vietnamese outlet; the default ``tzinfo``."""

MIN_YEAR, MAX_YEAR = 1945, 2100

# A yearless date in text takes the year that puts it nearest the publication date, with days
# into the future counted this many times: news mostly reports what has happened. On the 179
# VMDS mentions that carry a year near the publication date, with the year cut off, 2 gets
# 74.9% back, plain nearest (1) 73.2%, 3 71.5%, past-only 62.6% (python -m benchmarks.dates;
# the set is harder than real yearless mentions, so compare settings, not absolute numbers).
FUTURE_WEIGHT = 2.0

HEADER_FORMATS = (
    "Thứ 6, 11:03, 20/05/2016",
    "Thứ sáu, 20/05/2016 - 06:33",
    "20.05.2016 | 10:49 AM",
    "10:15 ngày 20 tháng 05 năm 2016",
    "18 tháng 5 2016",
    "19/05/16 15:47",
    "5/20/2016 11:40:52 PM",
    "Thứ Sáu, ngày 20/5/2016 - 10:33",
    "20/05/2016 09:03 GMT+7",
    "Cập nhật: 20/05/2016 10:20",
    "Chủ nhật, 22/5/2016, 07:00 (GMT+7)",
    "2016-05-20T10:15:00+07:00",
    "20-05-2016",
    "Ngày 20 tháng Năm, 2016",
    "20/5",
    "T6, 20/05/2016",
    "20 Tháng 5, 2016 | 08:15",
    "May 20, 2016",
    "20 May 2016 10:15",
    "2016/05/20 10:15",
    "20/05/2016 10h15",
    "10 giờ 15 phút ngày 20/5/2016",
    "20/05/2016 10:15 SA",
    "Friday, May 20, 2016 3:15 PM",
    "18 tháng 5",
)
"""One example per supported header shape (documentation; each one is a test case)."""


# --------------------------------------------------------------------------- folding


def _fold_char(ch: str) -> str:
    low = ch.lower()
    if len(low) != 1:
        low = ch
    if low in "đð":
        return "d"
    if low in "_\u00a0\u202f\u2007\u2009\u200a\u3000\t\n\r\u2002\u2003\u2004\u2005\u2006\u2008":
        return " "
    if low.isascii():
        return low
    stripped = "".join(c for c in unicodedata.normalize("NFKD", low) if not unicodedata.combining(c))
    return stripped if len(stripped) == 1 else low


class _FoldTable(dict[int, str]):
    """``str.translate`` table that folds each character the first time it is seen."""

    def __missing__(self, code: int) -> str:
        folded = self[code] = _fold_char(chr(code))
        return folded


_FOLD_TABLE = _FoldTable()


def _mask(text: str, start: int, end: int) -> str:
    """``text`` with ``[start:end]`` blanked out (same length, so positions still line up)."""
    return text[:start] + " " * (end - start) + text[end:]


def _fold(text: str) -> str:
    """Lowercase, accentless, one output character per input character (spans carry over)."""
    return text.translate(_FOLD_TABLE)


def _prepare(text: str) -> tuple[str, str]:
    nfc = unicodedata.normalize("NFC", text)
    return nfc, _fold(nfc)


# --------------------------------------------------------------------------- vocabulary

_B = r"(?<![a-z0-9])"  # left word boundary in folded text
_E = r"(?![a-z0-9])"  # right word boundary

_MONTH_WORDS = {
    "gieng": 1, "mot": 1, "hai": 2, "ba": 3, "tu": 4, "bon": 4, "nam": 5, "sau": 6, "bay": 7,
    "tam": 8, "chin": 9, "muoi": 10, "muoi mot": 11, "muoi hai": 12, "chap": 12,
}
_MONTH_RE = (
    r"(?:0?[1-9]|1[0-2])(?![0-9])|muoi\s+mot" + _E + r"|muoi\s+hai" + _E
    + r"|(?:gieng|chap|muoi|mot|hai|ba|tu|bon|nam|sau|bay|tam|chin)" + _E
)
_EN_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}
_EN_MONTH_RE = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_NUMBER_WORDS = {
    "mot": 1, "hai": 2, "ba": 3, "bon": 4, "tu": 4, "nam": 5, "sau": 6, "bay": 7, "tam": 8,
    "chin": 9, "muoi": 10, "muoi mot": 11, "muoi hai": 12,
}
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
# Monday = 0 as in datetime.weekday(); "thứ hai" (2nd day) is Monday.
_WEEKDAY_WORDS = {"hai": 0, "ba": 1, "tu": 2, "nam": 3, "sau": 4, "bay": 5}
_EN_WEEKDAYS = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6}

# The weekday as written in headers and text: "thứ 6", "thứ sáu", "chủ nhật", "T6", "CN", "Friday".
_WEEKDAY_RE = re.compile(
    _B + r"(?:thu\s*(?P<wn>[2-7])|thu\s+(?P<ww>hai|ba|tu|nam|sau|bay)|(?P<cn>chu\s*nhat|cn)"
    r"|t\.?\s?(?P<tn>[2-7])|(?P<en>mon|tue|wed|thu|fri|sat|sun)(?:day|sday|nesday|rsday|urday)?\.?)" + _E
)


def _weekday_of(m: re.Match[str]) -> int:
    if m.group("wn"):
        return int(m.group("wn")) - 2
    if m.group("ww"):
        return _WEEKDAY_WORDS[m.group("ww")]
    if m.group("cn"):
        return 6
    if m.group("tn"):
        return int(m.group("tn")) - 2
    return _EN_WEEKDAYS[m.group("en")]


_MONTH_SPELLINGS = {
    "giêng": 1, "một": 1, "hai": 2, "ba": 3, "tư": 4, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7,
    "tám": 8, "chín": 9, "mười": 10, "mười một": 11, "mười hai": 12, "chạp": 12,
}


def _month_of(word: str, original: str) -> int | None:
    """Month number of a month word: digits, or the accented name (``tháng Tám``).

    Written without accents the folded name is trusted, except ``sau``, which is far more
    often "next" (``tháng sau``) than an unaccented ``Sáu``.
    """
    word = re.sub(r"\s+", " ", word)
    if word.isdigit():
        return int(word)
    if original.isascii():
        return None if word == "sau" else _MONTH_WORDS.get(word)
    return _MONTH_SPELLINGS.get(re.sub(r"\s+", " ", original.lower()))


# --------------------------------------------------------------------------- date helpers


def _valid_date(year: int, month: int, day: int) -> date | None:
    if not MIN_YEAR <= year <= MAX_YEAR:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _full_year(text: str) -> int:
    value = int(text)
    if len(text) == 2:
        return 2000 + value if value < 70 else 1900 + value
    return value


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _add_years(day: date, years: int) -> date:
    return _add_months(day, 12 * years)


def _week_of(day: date) -> tuple[date, date]:
    monday = day - timedelta(days=day.weekday())
    return monday, monday + timedelta(days=6)


Range = tuple[date, date]


def _pick_year(make: Callable[[int], Range | None], pivot: date, mode: str = "nearest") -> Range | None:
    """The occurrence of a yearless date/period (``make(year)``) closest to ``pivot``.

    ``mode`` ``past``: the latest one that has begun on or before ``pivot``; ``future``: the
    first one that begins after ``pivot`` (on or after, for a single day).
    """
    candidates = []
    for year in (pivot.year - 1, pivot.year, pivot.year + 1):
        try:
            rng = make(year)
        except (ValueError, OverflowError):
            rng = None
        if rng is not None:
            candidates.append(rng)
    if mode == "past":
        candidates = [r for r in candidates if r[0] <= pivot]
        return max(candidates, default=None)
    if mode == "future":
        candidates = [r for r in candidates if r[0] > pivot or (r[0] == r[1] == pivot)]
        return min(candidates, default=None)

    def distance(rng: Range) -> tuple[float, int]:
        if rng[0] <= pivot <= rng[1]:
            return (0, 0)
        if rng[0] > pivot:
            return ((rng[0] - pivot).days * FUTURE_WEIGHT, 1)
        return ((pivot - rng[1]).days, 0)  # ties go to the past

    return min(candidates, key=distance, default=None)


# --------------------------------------------------------------------------- header parsing


@dataclass(frozen=True)
class ParsedDate:
    """A header timestamp and how it was read.

    ``pattern`` names the shape (``weekday d/m/y time`` ...); ``ambiguous`` is True when the
    day/month order was chosen by a default rather than by the string or the reference;
    ``span`` is the (start, end) of the date and time in the NFC-normalized input.
    """

    value: datetime
    pattern: str
    ambiguous: bool
    has_time: bool
    span: tuple[int, int]


_SEP = r"\s*(?P<sep>[/.\-])\s*"
_DATE_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "y-m-d",
        re.compile(r"(?<![0-9])(?P<y>(?:19|20|21)[0-9]{2})(?P<sep>[/.\-])(?P<m>[0-9]{1,2})(?P=sep)(?P<d>[0-9]{1,2})(?![0-9])"),
    ),
    (
        "d/m/y",
        re.compile(
            # The second separator may differ before a four-digit year ("21/05.2016", a CMS
            # template typo); a four-digit year may touch the clock ("19/05/201600:00:00").
            r"(?<![0-9./\-])(?P<a>[0-9]{1,2})" + _SEP + r"(?P<b>[0-9]{1,2})\s*(?:(?P=sep)|[/.](?=[0-9]{4}))\s*"
            r"(?P<y>[0-9]{4}(?=[0-2][0-9]:[0-5][0-9])|(?:[0-9]{4}|[0-9]{2})(?![0-9]|[./\-][0-9]))"
        ),
    ),
    (
        "d tháng m năm y",
        re.compile(
            _B + r"(?P<d>[0-9]{1,2})\s+(?:thang|thg)\.?\s*(?P<m>" + _MONTH_RE + r")"
            r"(?:\s*[,/\-]\s*|\s+nam\s+|\s+)(?P<y>[0-9]{4})(?![0-9])"
        ),
    ),
    (
        "month d, y",
        re.compile(_B + r"(?P<mon>" + _EN_MONTH_RE + r")\.?\s+(?P<d>[0-9]{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>[0-9]{4})(?![0-9])"),
    ),
    (
        "d month y",
        re.compile(_B + r"(?P<d>[0-9]{1,2})(?:st|nd|rd|th)?\s+(?P<mon>" + _EN_MONTH_RE + r")\.?,?\s+(?P<y>[0-9]{4})(?![0-9])"),
    ),
    (  # Java's Date.toString(): "Fri May 20 10:15:00 ICT 2016"; the clock inside is read as the time
        "month d time y",
        re.compile(
            _B + r"(?P<mon>" + _EN_MONTH_RE + r")\.?\s+(?P<d>[0-9]{1,2})\s+(?P<clock>[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?)"
            r"\s+(?:(?P<zone>[a-z]{2,5}|[+\-][0-9]{4})\s+)?(?P<y>[0-9]{4})(?![0-9])"
        ),
    ),
)
_YEARLESS_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("d tháng m", re.compile(_B + r"(?P<d>[0-9]{1,2})\s+(?:thang|thg)\.?\s*(?P<m>" + _MONTH_RE + r")")),
    (
        "d/m",
        re.compile(r"(?<![0-9./\-:])(?P<a>[0-9]{1,2})\s*(?P<sep>[/.\-])\s*(?P<b>[0-9]{1,2})(?![0-9]|\s*[./\-:]\s*[0-9])"),
    ),
)

_TIME_RE = re.compile(
    r"(?<![0-9:.])(?P<h>[0-9]{1,2})"
    r"(?:\s*:\s*(?P<m>[0-9]{2})(?:\s*:\s*(?P<s>[0-9]{2})(?:[.,][0-9]+)?)?"
    r"|\s*(?:h|gio)\s*(?P<m2>[0-9]{1,2})?(?:\s*(?:phut|p|')(?![a-z]))?|g(?P<m3>[0-9]{2}))"
    r"(?![0-9])"
    r"(?P<off>z(?![a-z])|\s?[+\-][0-9]{2}(?::?[0-9]{2})?(?![0-9:]))?"
    r"(?:\s*(?P<ampm>a\.?m\.?|p\.?m\.?|sa|ch|sang|trua|chieu|toi|dem)(?![a-z]))?"
)
_TZ_RE = re.compile(
    _B + r"(?:(?:gmt|utc)(?:\s*(?P<sign>[+\-])\s*(?P<h>[0-9]{1,2})(?::?(?P<m>[0-9]{2}))?)?|(?P<ict>ict))(?![a-z0-9])"
)
# "GMT+" with no digits after it: a header cut short (a scraper's length limit, a lost span).
_CUT_OFFSET_RE = re.compile(r"\s*[+\-]\s*(?:\)|$)")
_AFTERNOON_RE = re.compile(_B + r"(?:chieu|toi)" + _E)
# Vietnamese words that rule out the US month-first reading even next to an AM/PM clock.
_VIETNAMESE_CONTEXT = re.compile(_B + r"(?:thu|ngay|thang|nam|cap nhat|chu nhat|gio|luc)" + _E)


def _parse_time(m: re.Match[str]) -> tuple[time, bool, str] | None:
    """(time, twelve_hour_clock, ampm) for a time match, or None when it is not a time."""
    hour = int(m.group("h"))
    minute_s = m.group("m") or m.group("m2") or m.group("m3") or "0"
    minute, second = int(minute_s), int(m.group("s") or 0)
    ampm = (m.group("ampm") or "").replace(".", "")
    twelve = ampm in ("am", "pm", "sa", "ch")
    if twelve and (hour == 0 or ampm in ("pm", "ch") and 13 <= hour <= 23):
        twelve = False  # "22:15 PM", "00:36 AM": a 24-hour clock with a redundant suffix
    elif twelve:
        if not 1 <= hour <= 12:
            return None
        if ampm in ("am", "sa"):
            hour = 0 if hour == 12 else hour
        else:
            hour = 12 if hour == 12 else hour + 12
    elif ampm in ("chieu", "toi") and hour < 12:
        hour += 12
    elif ampm == "trua" and hour <= 2:
        hour += 12
    elif ampm == "dem" and 6 <= hour < 12:
        hour += 12
    if hour > 23 or minute > 59 or second > 59:
        return None
    return time(hour, minute, second), twelve, ampm


def _offset_of(text: str) -> timezone | None:
    text = text.strip()
    if text == "z":
        return timezone.utc
    sign = -1 if text[0] == "-" else 1
    digits = text[1:].replace(":", "")
    hours, minutes = int(digits[:2]), int(digits[2:] or 0)
    if hours > 14 or minutes > 59:
        return None
    return timezone(sign * timedelta(hours=hours, minutes=minutes))


def _find_core(folded: str) -> tuple[str, re.Match[str]] | None:
    """The leftmost (then longest) full date in the string; yearless shapes only as a fallback."""
    for table in (_DATE_PATTERNS, _YEARLESS_PATTERNS):
        best = None
        for name, pattern in table:
            m = pattern.search(folded)
            if m is None:
                continue
            key = (m.start(), -(m.end() - m.start()))
            if best is None or key < best[0]:
                best = (key, name, m)
        if best is not None:
            return best[1], best[2]
    return None


def _us_looking(m: re.Match[str]) -> bool:
    """``5/6/2016``: slashes, four-digit year, no zero padding -- the .NET en-US ``M/d/yyyy``."""
    groups = m.groupdict()
    if groups.get("sep") != "/" or "a" not in groups or len(groups.get("y") or "") != 4:
        return False
    return not m.group("a").startswith("0") and not m.group("b").startswith("0")


def _readings(name: str, m: re.Match[str], original: str) -> list[tuple[int, int, bool]]:
    """Candidate (month, day, dayfirst) readings of a date match (year handled by the caller)."""
    if name in ("d/m/y", "d/m"):
        a, b = int(m.group("a")), int(m.group("b"))
        out = [(b, a, True)]
        if a != b:
            out.append((a, b, False))
        return out
    if name == "y-m-d":
        return [(int(m.group("m")), int(m.group("d")), False)]
    if name in ("month d, y", "d month y", "month d time y"):
        return [(_EN_MONTHS[m.group("mon")[:3]], int(m.group("d")), True)]
    month = _month_of(m.group("m"), original[m.start("m"):m.end("m")])
    return [(month, int(m.group("d")), True)] if month else []


_RELATIVE_HEADER_RE = re.compile(
    _B + r"(?:(?P<n>[0-9]{1,4})\s+(?P<unit>giay|phut|gio|tieng|ngay|tuan|thang|nam)"
    r"(?:\s+(?P<n2>[0-9]{1,2})\s+(?P<unit2>phut|giay))?\s+truoc"
    r"|hom\s+(?P<day>nay|qua|kia)|(?P<just>vua\s+xong|vua\s+moi|moi\s+day))" + _E
)
_SECONDS = {"giay": 1, "phut": 60, "gio": 3600, "tieng": 3600}


def _parse_relative_header(folded: str, now: datetime) -> ParsedDate | None:
    """``5 phút trước``, ``2 giờ trước``, ``Hôm qua 10:15``, ``vừa xong`` (aggregator headers)."""
    m = _RELATIVE_HEADER_RE.search(folded)
    if m is None:
        return None
    now = now.astimezone(VN_TZ)
    span = (m.start(), m.end())
    try:
        if m.group("just"):
            return ParsedDate(now, "relative", False, True, span)
        if m.group("n"):
            count, unit = int(m.group("n")), m.group("unit")
            if unit in _SECONDS:  # "13 giờ 28 phút trước": both parts count
                seconds = count * _SECONDS[unit] + int(m.group("n2") or 0) * _SECONDS.get(m.group("unit2") or "", 0)
                return ParsedDate(now - timedelta(seconds=seconds), "relative", False, True, span)
            if unit in ("ngay", "tuan"):
                day = now.date() - timedelta(days=count * (7 if unit == "tuan" else 1))
            else:
                day = _add_months(now.date(), -count * (12 if unit == "nam" else 1))
            if day.year < MIN_YEAR:
                return None
            return ParsedDate(datetime.combine(day, time(0, 0), tzinfo=VN_TZ), "relative", False, False, span)
        day = now.date() - timedelta(days={"nay": 0, "qua": 1, "kia": 2}[m.group("day")])
    except (ValueError, OverflowError):
        return None
    masked = _mask(folded, m.start(), m.end())
    clock = None
    for tm in _TIME_RE.finditer(masked):
        parsed = _parse_time(tm)
        if parsed is not None:
            clock, span = parsed[0], (min(span[0], tm.start()), max(span[1], tm.end()))
            break
    value = datetime.combine(day, clock or time(0, 0), tzinfo=VN_TZ)
    return ParsedDate(value, "relative time" if clock else "relative", False, clock is not None, span)


_COMPACT_RE = re.compile(
    r"\s*(?:(?P<epoch>[1-9][0-9]{9}|[1-9][0-9]{12})"
    r"|(?P<ymd>(?:19|20|21)[0-9]{6})(?:[tT](?P<hms>[0-9]{4}(?:[0-9]{2})?)(?P<zulu>[zZ])?)?)\s*"
)


def _parse_compact(text: str) -> ParsedDate | None:
    """A whole string of digits from a JSON feed: Unix seconds/milliseconds, ``yyyymmdd`` or
    ISO 8601 basic ``20160520T101500``."""
    m = _COMPACT_RE.fullmatch(text)
    if m is None:
        return None
    span = (len(text) - len(text.lstrip()), len(text.rstrip()))
    if m.group("ymd"):
        digits, hms = m.group("ymd"), m.group("hms") or ""
        day = _valid_date(int(digits[:4]), int(digits[4:6]), int(digits[6:]))
        hour, minute, second = int(hms[:2] or 0), int(hms[2:4] or 0), int(hms[4:6] or 0)
        if day is None or hour > 23 or minute > 59 or second > 59:
            return None
        zone = timezone.utc if m.group("zulu") else VN_TZ
        value = datetime.combine(day, time(hour, minute, second), tzinfo=zone)
        return ParsedDate(value, "iso8601 basic" if hms else "yyyymmdd", False, bool(hms), span)
    seconds = int(m.group("epoch")) / (1000 if len(m.group("epoch")) == 13 else 1)
    value = datetime.fromtimestamp(seconds, VN_TZ)
    if not MIN_YEAR <= value.year <= MAX_YEAR:
        return None
    return ParsedDate(value, "unix time", False, True, span)


# A header is one short line; a longer string is cut here so a pasted article costs no more.
_MAX_HEADER = 2000


def _as_vn_datetime(value: datetime | date) -> datetime:
    """Aware datetime in Vietnamese time: naive values are taken as local (UTC+07:00), a bare
    ``date`` as its midnight, aware values are converted."""
    if not isinstance(value, datetime):
        return datetime.combine(value, time(0, 0), tzinfo=VN_TZ)
    if value.tzinfo is None:
        return value.replace(tzinfo=VN_TZ)
    return value.astimezone(VN_TZ)


def parse_date_detailed(
    text: str, *, reference: datetime | None = None, dayfirst: bool | None = None
) -> ParsedDate | None:
    """Parse a Vietnamese news header timestamp; see the module docstring for the rules.

    The first (leftmost) date in the string is read, with the time nearest to it. ``reference``
    (naive = Vietnamese time) is "now" for the page: it completes a yearless ``20/5``, resolves
    aggregator headers (``2 giờ trước``, ``Hôm qua 10:15``) and rules out a day/month reading
    in its future; without it those use the current time. ``dayfirst`` settles a day/month
    order that nothing in the string settles. Returns None when the string holds no valid date
    (or an impossible one, or a year outside 1945..2100). Never raises on any ``str``.

    >>> p = parse_date_detailed("06/05/2016 10:49 AM")
    >>> p.value.isoformat(), p.pattern, p.ambiguous
    ('2016-05-06T10:49:00+07:00', 'd/m/y time am/pm', True)
    """
    if not isinstance(text, str) or not text.strip():
        return None
    original, folded = _prepare(text[:_MAX_HEADER])
    ref = _as_vn_datetime(reference) if reference is not None else None
    now = ref or datetime.now(VN_TZ)
    compact = _parse_compact(original)
    if compact is not None:
        return compact
    found = _find_core(folded)
    if found is None:
        return _parse_relative_header(folded, now)
    name, m = found
    yearless = "y" not in m.groupdict()
    masked = _mask(folded, m.start(), m.end())
    if m.groupdict().get("clock"):
        masked = masked[: m.start("clock")] + m.group("clock") + masked[m.end("clock"):]

    # Time: the valid time match nearest the date.
    best_time = None
    for tm in _TIME_RE.finditer(masked):
        parsed = _parse_time(tm)
        if parsed is None:
            continue
        gap = tm.start() - m.end() if tm.start() >= m.end() else m.start() - tm.end()
        if best_time is None or gap < best_time[0]:
            best_time = (gap, tm, parsed)
    clock = best_time[2][0] if best_time else time(0, 0)
    twelve_hour = bool(best_time and best_time[2][1])
    if best_time and not best_time[2][2] and clock.hour < 12:
        # "Chiều 20/5/2016 lúc 3:15": a part of the day elsewhere in the header sets the half.
        if _AFTERNOON_RE.search(_mask(masked, best_time[1].start(), best_time[1].end())):
            clock = clock.replace(hour=clock.hour + 12)

    tzinfo: timezone | None = None
    if best_time and best_time[1].group("off"):
        tzinfo = _offset_of(best_time[1].group("off"))
    tzm = _TZ_RE.search(masked)
    if tzinfo is None and tzm:
        if tzm.group("ict"):
            tzinfo = VN_TZ
        elif tzm.group("sign"):
            tzinfo = _offset_of(f"{tzm.group('sign')}{int(tzm.group('h')):02d}{tzm.group('m') or '00'}")
        elif _CUT_OFFSET_RE.match(masked, tzm.end()):
            tzinfo = VN_TZ  # "(GMT+" cut by the scraper: the page's own zone, not UTC
        else:
            tzinfo = timezone.utc
    tzinfo = tzinfo or VN_TZ

    weekday_m = _WEEKDAY_RE.search(masked)
    weekday = _weekday_of(weekday_m) if weekday_m else None

    ref_day = now.astimezone(VN_TZ).date()

    candidates: list[tuple[date, bool]] = []
    for month, day, is_dayfirst in _readings(name, m, original):
        if yearless:
            def make(year: int, month: int = month, day: int = day) -> Range | None:
                d = _valid_date(year, month, day)
                return (d, d) if d else None

            rng = _pick_year(make, ref_day + timedelta(days=1), "past")
            value = rng[0] if rng else None
        else:
            value = _valid_date(_full_year(m.group("y")), month, day)
        if value is not None:
            candidates.append((value, is_dayfirst))
    if not candidates:
        return None

    ambiguous = False
    if len(candidates) > 1:
        if weekday is not None and sum(d.weekday() == weekday for d, _ in candidates) == 1:
            candidates = [c for c in candidates if c[0].weekday() == weekday]
        elif reference is not None and sum(d <= ref_day + timedelta(days=1) for d, _ in candidates) == 1:
            candidates = [c for c in candidates if c[0] <= ref_day + timedelta(days=1)]
        else:
            ambiguous = True
            if dayfirst is not None:
                prefer_dayfirst = dayfirst
            elif twelve_hour and _us_looking(m) and not _VIETNAMESE_CONTEXT.search(masked):
                prefer_dayfirst = False
            else:
                prefer_dayfirst = True
            candidates = [c for c in candidates if c[1] == prefer_dayfirst]
    value, is_dayfirst = candidates[0]
    if weekday is not None and value.weekday() != weekday:
        logger.debug("weekday in %r does not match %s", text, value)

    span_start, span_end = m.start(), m.end()
    if best_time:
        span_start, span_end = min(span_start, best_time[1].start()), max(span_end, best_time[1].end())
    if name in ("d/m/y", "d/m") and not is_dayfirst:
        name = name.replace("d/m", "m/d")
    if name == "y-m-d" and best_time and folded[m.end(): best_time[1].start()].strip() == "t":
        name = "iso8601"
    parts = []
    if weekday_m:
        parts.append("weekday")
    if best_time and best_time[1].start() < m.start():
        parts.append("time")
    parts.append(name)
    if best_time and best_time[1].start() >= m.start() and not m.groupdict().get("clock"):
        parts.append("time")
    if twelve_hour:
        parts.append("am/pm")
    if tzinfo is not VN_TZ and name != "iso8601":
        parts.append("tz")
    return ParsedDate(
        value=datetime.combine(value, clock, tzinfo=tzinfo),
        pattern=" ".join(parts),
        ambiguous=ambiguous,
        has_time=best_time is not None,
        span=(span_start, span_end),
    )


def parse_date(
    text: str, *, reference: datetime | None = None, dayfirst: bool | None = None
) -> datetime | None:
    """Timezone-aware datetime of a Vietnamese news header timestamp, or None.

    >>> parse_date("Thứ sáu, 20/05/2016 - 06:33").isoformat()
    '2016-05-20T06:33:00+07:00'
    """
    parsed = parse_date_detailed(text, reference=reference, dayfirst=dayfirst)
    return parsed.value if parsed else None


# --------------------------------------------------------------------------- dates in text


@dataclass(frozen=True)
class DateMention:
    """A date expression found in article text, resolved to an inclusive day range.

    ``kind``: ``day``, ``week``, ``weekend``, ``month``, ``quarter``, ``season``, ``year`` or
    ``period`` (a part of a unit such as ``đầu tháng``, or a span such as ``3 tháng tới``).
    ``span`` indexes the NFC-normalized text.
    """

    text: str
    span: tuple[int, int]
    start: date
    end: date
    kind: str


_POD = r"(?:rang\s+sang|sang\s+som|sang|trua|chieu|toi|dem|khuya)"
_NEXT = r"(?:sap\s+toi|toi\s+day|ke\s+tiep|tiep\s+theo|toi|sau)"
_PREV = r"(?:vua\s+qua|vua\s+roi|truoc|ngoai|qua)"
_REL = r"(?P<q>nay|" + _NEXT + "|" + _PREV + r"|kia)"
_YEAR_REL = r"nam\s+(?P<yq>nay|ngoai|truoc|" + _NEXT + r"|kia|(?P<yy>[0-9]{4}))"
_PAREN_DATE = (  # "hôm qua (2/11)", "hôm nay 23.10"; without brackets no "-": "hôm nay 3-4 người"
    r"(?:\s*\(\s*(?P<pd>[0-9]{1,2})\s*[/.\-]\s*(?P<pm>[0-9]{1,2})(?:\s*[/.\-]\s*(?P<py>[0-9]{4}))?\s*\)"
    r"|\s*,?\s*(?P<bd>[0-9]{1,2})\s*(?P<bsep>[/.])\s*(?P<bm>[0-9]{1,2})(?:\s*(?P=bsep)\s*(?P<by>[0-9]{4}))?"
    r"(?![0-9]|\s*[./\-:]\s*[0-9]))?"
)
# "tháng 5/2013", "tháng 1.2010", "tháng 7-2012", "tháng Tám 1945", "quý III/2016".
_YEAR_TAIL = r"(?:\s*[/.\-]\s*|\s+)(?P<y>(?:19|20|21)[0-9]{2})(?![0-9]|[.,][0-9])"
# Before a yearless date: it lies in the past ("hồi tháng 3", "kể từ tháng 1").
_PAST_BEFORE = re.compile(r"(?:" + _B + r"(?:hoi|ke\s+tu|tu\s+hoi|vao\s+hoi))\s*$")
# After a yearless date: "(từ) cuối tháng 2 đến nay" -- since then, so it is in the past.
_SINCE_AFTER = re.compile(r"\s+(?:den|toi)\s+nay" + _E)
# đầu/giữa/cuối as a part of a period, not in "mở đầu" (opening), "bắt đầu" (begin), "hàng đầu" (top).
_PART = r"(?<!mo )(?<!bat )(?<!khoi )(?<!hang )(?<!dan )(?P<part>dau|giua|cuoi)"
_COUNT_WORDS = r"muoi\s+mot|muoi\s+hai|mot|hai|ba|bon|nam|sau|bay|tam|chin|muoi"
_ORDINAL_CONTEXT = re.compile(
    r"(?:lan|nguoi|dot|vong|ky|khoa|cuoc|hang|giai|con|ngay|tuan|thang|nam|buoi|tran|phien|chang|so|muc"
    r"|dieu|khoan|vi\s+tri|lop)\s*$"
)
# Words before a bare "23/10" that make it a date ("từ 23/10 đến hết ngày 25/10"); "và"/"hoặc"
# only continue a list of dates ("ngày 22 và 23/10", "22/10 và 23/10").
_DATE_PREFIX_BEFORE = re.compile(
    r"(?:\(|" + _B + r"(?:tu|den|den\s+het|toi|dip|truoc|sau|hom|luc|vao|tinh\s+den)"
    r"|(?:(?:ngay|dem|sang|trua|chieu|toi|hom)\s+[0-9]{1,2}|[0-9]{1,2}[/.][0-9]{1,2})\s*(?:,|va|hoac|den|toi))\s*$"
)
# A count, not a date, when a unit follows: "từ 3-4 tiếng", "trước 11/12 người".
_UNIT_AFTER = re.compile(
    r"\s*(?:%|tieng|gio|phut|giay|nam|thang|tuan|ngay|nguoi|lan|trieu|ty|nghin|ngan|km|kg|tan|usd|dong|diem"
    r"|ban|bai|chiec|con|cau|so|tran|van|hiep|set|tuoi|m|cm|ha)" + _E
)


def _rel_kind(q: str | None) -> str:
    q = re.sub(r"\s+", " ", q or "")
    if q in ("", "nay"):
        return "this"
    if q == "qua":
        return "trailing"
    if q in ("truoc", "vua qua", "vua roi", "ngoai"):
        return "prev"
    if q == "kia":
        return "prev2"
    return "next"


def _before(m: re.Match[str], pattern: str) -> bool:
    """Whether the folded text just before the match ends with ``pattern`` (a word)."""
    return re.search(_B + r"(?:" + pattern + r")\s*$", m.string[max(0, m.start() - 25): m.start()]) is not None


def _mode_for(m: re.Match[str]) -> str:
    """How to pick the year of a yearless match: from its qualifier, else from a past marker."""
    q = m.groupdict().get("q")
    if q:
        return _mode_of(q)
    if _SINCE_AFTER.match(m.string, m.end()):
        return "past"
    return "past" if _PAST_BEFORE.search(m.string[max(0, m.start() - 15): m.start()]) else "nearest"


def _mode_of(q: str | None) -> str:
    kind = _rel_kind(q)
    return {"this": "nearest", "next": "future", "prev": "past", "trailing": "past", "prev2": "past"}[kind]


def _explicit_day(day: int, month: int, year: str | None, pivot: date, mode: str) -> Range | None:
    if year:
        d = _valid_date(int(year), month, day)
        return (d, d) if d else None

    def make(y: int) -> Range | None:
        d = _valid_date(y, month, day)
        return (d, d) if d else None

    return _pick_year(make, pivot, mode)


def _month_range(year: int, month: int) -> Range | None:
    if not (MIN_YEAR <= year <= MAX_YEAR and 1 <= month <= 12):
        return None
    return date(year, month, 1), _month_end(year, month)


def _months_range(year: int, first: int, last: int) -> Range | None:
    if not MIN_YEAR <= year <= MAX_YEAR:
        return None
    return date(year, first, 1), _month_end(year, last)


def _year_of(rel: str | None, year: str | None, pub: date) -> int | None:
    """Year named by ``năm nay/ngoái/tới/2016`` (None when no year is named)."""
    if year:
        return int(year)
    if rel is None:
        return None
    return pub.year + {"this": 0, "prev": -1, "prev2": -2, "next": 1, "trailing": -1}[_rel_kind(rel)]


def _apply_part(part: str | None, unit: str, rng: Range) -> tuple[Range, str]:
    """``đầu/giữa/cuối`` applied to a month, year or week range, with the resulting kind
    (a quarter keeps its whole range)."""
    start, end = rng
    if not part:
        return rng, unit
    if unit == "month":
        bounds = {"dau": (1, 10), "giua": (11, 20), "cuoi": (21, end.day)}[part]
        return (start.replace(day=bounds[0]), start.replace(day=bounds[1])), "period"
    if unit == "year":
        months = {"dau": (1, 3), "giua": (5, 8), "cuoi": (10, 12)}[part]
        return (date(start.year, months[0], 1), _month_end(start.year, months[1])), "period"
    if unit == "week":
        offsets = {"dau": (0, 1), "giua": (2, 3), "cuoi": (5, 6)}[part]
        kind = "weekend" if part == "cuoi" else "period"
        return (start + timedelta(days=offsets[0]), start + timedelta(days=offsets[1])), kind
    return rng, unit


def _shift_unit(unit: str, pub: date, n: int) -> Range:
    """The calendar week/month/quarter/year ``n`` units from the one containing ``pub``."""
    if unit == "week":
        monday = _week_of(pub)[0] + timedelta(weeks=n)
        return monday, monday + timedelta(days=6)
    if unit == "month":
        first = _add_months(pub.replace(day=1), n)
        return first, _month_end(first.year, first.month)
    if unit == "quarter":
        first = _add_months(date(pub.year, 3 * ((pub.month - 1) // 3) + 1, 1), 3 * n)
        last = _add_months(first, 2)
        return first, _month_end(last.year, last.month)
    year = pub.year + n
    return date(year, 1, 1), date(year, 12, 31)


def _trailing(unit: str, pub: date, n: int = 1) -> Range:
    """The last ``n`` units up to and including the publication day."""
    if unit == "day":
        start = pub - timedelta(days=n)
    elif unit == "week":
        start = pub - timedelta(weeks=n)
    elif unit == "month":
        start = _add_months(pub, -n)
    else:
        start = _add_years(pub, -n)
    return start + timedelta(days=1), pub


def _leading(unit: str, pub: date, n: int = 1) -> Range:
    if unit == "day":
        return pub + timedelta(days=1), pub + timedelta(days=n)
    if unit == "week":
        return pub + timedelta(days=1), pub + timedelta(weeks=n)
    if unit == "month":
        return pub + timedelta(days=1), _add_months(pub, n)
    return pub + timedelta(days=1), _add_years(pub, n)


Resolved = tuple[date, date, str] | None
Handler = Callable[[re.Match[str], date, str], Resolved]
Spelling = dict[str, dict[str, str]]
_RULES: list[tuple[str, re.Pattern[str], Handler, Spelling]] = []

# Words whose folded form has two meanings in one slot: in a part-of-day slot "toi" must be
# "tối" (evening), in a qualifier slot "tới" (coming), never "tôi" (I); "sau" as a qualifier
# is "sau" (next), not "sáu" (six); as a count "sáu".
_POD_SPELLING = {"toi": "tối"}
_NEXT_SPELLING = {"toi": "tới", "sau": "sau"}


def _rule(name: str, pattern: str, spell: Spelling | None = None) -> Callable[[Handler], Handler]:
    """Register a text rule: its folded regex, its resolver and the spellings its groups need."""

    def register(func: Handler) -> Handler:
        _RULES.append((name, re.compile(pattern), func, spell or {}))
        return func

    return register


def _paren(m: re.Match[str], pivot: date) -> Resolved:
    """An explicit ``(2/11)`` after a relative expression wins over the computation."""
    day, month, year = m.group("pd") or m.group("bd"), m.group("pm") or m.group("bm"), m.group("py") or m.group("by")
    if not day:
        return None
    rng = _explicit_day(int(day), int(month), year, pivot, "nearest")
    return (rng[0], rng[1], "day") if rng else None


@_rule(
    "relative day",
    _B + r"(?:(?:(?P<pod>" + _POD + r")\s+)?(?:(?:ngay\s+)?hom\s+(?P<h>nay|qua|kia)|ngay\s+(?P<n>mai|kia|mot))"
    r"|(?P<pod2>" + _POD + r")\s+(?P<p>nay|qua|mai))" + _E + _PAREN_DATE,
    spell={"pod": _POD_SPELLING, "pod2": _POD_SPELLING, "n": {"mot": "mốt"}},
)
def _relative_day(m: re.Match[str], pub: date, original: str) -> Resolved:
    word = m.group("h") or m.group("n") or m.group("p")
    if m.group("h"):
        offset = {"nay": 0, "qua": -1, "kia": -2}[word]
    else:
        offset = {"nay": 0, "qua": -1, "mai": 1, "kia": 2, "mot": 2}[word]
    day = pub + timedelta(days=offset)
    return _paren(m, day) or (day, day, "day")


@_rule(
    "explicit day",
    _B + r"(?:(?P<pre>(?:(?P<pod>" + _POD + r")\s+)?(?:ngay|hom|mung|mong)|(?P<pod2>" + _POD + r"))\s+)?"
    r"(?<![0-9./\-:])(?P<d>[0-9]{1,2})\s*(?P<sep>[/.\-])\s*(?P<m>[0-9]{1,2})"
    r"(?:\s*(?P=sep)\s*(?P<y>[0-9]{4}))?(?![0-9]|\s*[./\-:]\s*[0-9])"
    r"(?:\s+(?P<q>" + _NEXT + "|" + _PREV + r")" + _E + r")?",
    spell={"pod": _POD_SPELLING, "pod2": _POD_SPELLING, "q": _NEXT_SPELLING},
)
def _explicit_day_rule(m: re.Match[str], pub: date, original: str) -> Resolved:
    if not (m.group("y") or m.group("pre")):
        weak = _DATE_PREFIX_BEFORE.search(m.string[max(0, m.start() - 20): m.start()])
        if not weak or m.group("sep") == "-" or _UNIT_AFTER.match(m.string, m.end()):
            return None  # "1/2 xô canh", "dẫn trước 11-9", "từ 3-4 tiếng"
    rng = _explicit_day(int(m.group("d")), int(m.group("m")), m.group("y"), pub, _mode_for(m))
    return (rng[0], rng[1], "day") if rng else None


@_rule(
    "day tháng month",
    _B + r"(?:(?P<pre>(?:(?P<pod>" + _POD + r")\s+)?(?:ngay|mung|mong))\s+)?(?P<d>[0-9]{1,2})\s+thang\s+(?P<m>" + _MONTH_RE + r")"
    r"(?:\s*(?:,|/|\-|\s+nam)?\s*(?P<y>[0-9]{4})(?![0-9]))?",
    spell={"pod": _POD_SPELLING},
)
def _worded_day(m: re.Match[str], pub: date, original: str) -> Resolved:
    if not (m.group("y") or m.group("pre")):
        return None
    month = _month_of(m.group("m"), original[m.start("m"):m.end("m")])
    if month is None or (original[m.start("m"):m.end("m")] == "năm" and not m.group("pre")):
        return None  # "6 tháng năm 2022": six months of 2022
    rng = _explicit_day(int(m.group("d")), month, m.group("y"), pub, _mode_for(m))
    return (rng[0], rng[1], "day") if rng else None


@_rule(
    "month",
    _B + r"(?:" + _PART + r"\s+)?thang\s+(?P<m>" + _MONTH_RE + r")"
    r"(?:" + _YEAR_TAIL + r"|\s+" + _YEAR_REL + _E + r"|\s+(?P<q>" + _NEXT + "|" + _PREV + r"|nay)" + _E + r")?",
    spell={"q": _NEXT_SPELLING, "yq": _NEXT_SPELLING},
)
def _month_rule(m: re.Match[str], pub: date, original: str) -> Resolved:
    month = _month_of(m.group("m"), original[m.start("m"):m.end("m")])
    if month is None or _before(m, r"cach\s+mang"):
        return None  # "Cách mạng tháng Tám" names the 1945 revolution
    year = m.group("y") or m.group("yy")
    word = original[m.start("m"):m.end("m")]
    if word == "năm" and (not (year or m.group("yq") or m.group("q")) or _before(m, r"[0-9]+|" + _COUNT_WORDS)):
        return None  # "những tháng năm tuổi thơ", "6 tháng năm 2022"; May is written "tháng Năm"
    if word.isalpha() and word.islower() and not (year or m.group("yq") or m.group("q")):
        if _before(m, r"hang|moi|[0-9]+|" + _COUNT_WORDS):
            return None  # a count: "12 tháng một lần" (once a year), "hàng tháng hai vợ chồng" (every month)
    fixed = _year_of(m.group("yq") if not m.group("yy") else None, year, pub)
    if fixed is not None:
        rng = _month_range(fixed, month)
    else:
        rng = _pick_year(lambda y: _month_range(y, month), pub, _mode_for(m))
    if rng is None:
        return None
    (start, end), kind = _apply_part(m.group("part"), "month", rng)
    return start, end, kind


@_rule(
    "relative unit",
    _B + r"(?:" + _PART + r"\s+)?(?P<unit>tuan|thang|nam|quy)\s+" + _REL + _E,
    spell={"q": _NEXT_SPELLING},
)
def _relative_unit(m: re.Match[str], pub: date, original: str) -> Resolved:
    unit = {"tuan": "week", "thang": "month", "nam": "year", "quy": "quarter"}[m.group("unit")]
    rel = _rel_kind(m.group("q"))
    part = m.group("part")
    if not part and _before(m, r"nhung|cac|may|vai|bao|nhieu|moi|hang|ca|nua|[0-9]+|" + _COUNT_WORDS):
        return None  # "những năm sau đó", "mấy tuần trước", "cả năm sau 9 tháng", "3 năm sau": not one calendar unit
    if rel == "trailing" and not part:
        start, end = _trailing(unit if unit != "quarter" else "month", pub, 3 if unit == "quarter" else 1)
        return start, end, "period"
    if unit == "week" and part == "cuoi" and rel in ("prev", "trailing"):
        saturday = pub - timedelta(days=(pub.weekday() - 5) % 7 or 7)
        return saturday, saturday + timedelta(days=1), "weekend"
    shift = {"this": 0, "prev": -1, "trailing": -1, "prev2": -2, "next": 1}[rel]
    if rel == "prev2" and unit != "year":
        return None
    rng = _shift_unit(unit, pub, shift)
    (start, end), kind = _apply_part(part, unit, rng)
    return start, end, kind


@_rule(
    "first or last months of a year",
    _B + r"(?:(?P<n>[0-9]{1,2}|" + _COUNT_WORDS + r")\s+thang|(?P<half>nua))\s+(?P<part>dau|cuoi)\s+nam"
    r"(?:\s+(?P<yy>(?:19|20|21)[0-9]{2})(?![0-9])|\s+(?P<yq>nay|ngoai|truoc|" + _NEXT + r"|kia))?" + _E,
    spell={"yq": _NEXT_SPELLING, "half": {"nua": "nửa"}},
)
def _months_of_year(m: re.Match[str], pub: date, original: str) -> Resolved:
    """``9 tháng đầu năm`` is January to September, ``6 tháng cuối năm 2015`` July-December,
    ``nửa đầu năm`` January-June."""
    raw = re.sub(r"\s+", " ", m.group("n") or "6")
    count = int(raw) if raw.isdigit() else _NUMBER_WORDS.get(raw)
    if not count or count > 12:
        return None
    year = _year_of(m.group("yq"), m.group("yy"), pub)
    year = pub.year if year is None else year
    if not MIN_YEAR <= year <= MAX_YEAR:
        return None
    if m.group("part") == "dau":
        return date(year, 1, 1), _month_end(year, count), "period"
    return date(year, 13 - count, 1), date(year, 12, 31), "period"


@_rule("part of current unit", _B + r"" + _PART + r"\s+(?P<unit>tuan|thang|nam)" + _E + r"(?!\s+hoc" + _E + ")")
def _bare_part(m: re.Match[str], pub: date, original: str) -> Resolved:
    unit = {"tuan": "week", "thang": "month", "nam": "year"}[m.group("unit")]
    (start, end), kind = _apply_part(m.group("part"), unit, _shift_unit(unit, pub, 0))
    return start, end, kind


@_rule(
    "year",
    _B + r"(?:" + _PART + r"\s+)?nam\s+(?P<yy>(?:19|20|21)[0-9]{2})(?![0-9])",
)
def _year_rule(m: re.Match[str], pub: date, original: str) -> Resolved:
    year = int(m.group("yy"))
    if not MIN_YEAR <= year <= MAX_YEAR:
        return None
    rng = (date(year, 1, 1), date(year, 12, 31))
    (start, end), kind = _apply_part(m.group("part"), "year", rng)
    return start, end, kind


_SEASONS = {"xuan": (1, 3), "he": (4, 6), "ha": (4, 6), "thu": (7, 9), "dong": (10, 12)}


@_rule(
    "season",
    r"mua(?<![a-z0-9]mua)\s+(?P<s>xuan|he|ha|thu(?!\s+hoach)|dong)"
    r"(?:\s+" + _YEAR_REL + _E + r"|" + _YEAR_TAIL + r"|\s+(?P<q>" + _NEXT + "|" + _PREV + r"|nay)" + _E + r")?",
    # "mùa thứ hai" is the second season, "mùa thu hoạch" the harvest
    spell={"q": _NEXT_SPELLING, "yq": _NEXT_SPELLING, "s": {"thu": "thu"}},
)
def _season_rule(m: re.Match[str], pub: date, original: str) -> Resolved:
    if _before(m, r"gio|olympic|the\s+van\s+hoi|paralympic"):
        return None  # "gió mùa" is the monsoon; the Winter Olympics are not a season of this year
    if m.group("s") == "dong" and re.match(r"\s+(?:bắc|nam)(?!\w)", original[m.end("s"): m.end("s") + 8].lower()):
        return None  # "mùa Đông bắc": the north-east monsoon
    first, last = _SEASONS[m.group("s")]
    fixed = _year_of(m.group("yq") if not m.group("yy") else None, m.group("y") or m.group("yy"), pub)
    if fixed is not None:
        rng = _months_range(fixed, first, last)
    else:
        rng = _pick_year(lambda y: _months_range(y, first, last), pub, _mode_for(m))
    return (rng[0], rng[1], "season") if rng else None


@_rule(
    "quarter",
    r"quy(?<![a-z0-9]quy)\s+(?P<n>iv|iii|ii|i|[1-4]|mot|hai|ba|bon|tu)" + _E +
    r"(?:" + _YEAR_TAIL + r"|\s+" + _YEAR_REL + _E + r"|\s+(?P<q>" + _NEXT + "|" + _PREV + r"|nay)" + _E + r")?",
    spell={"n": {"tu": "tư", "mot": "một"}, "q": _NEXT_SPELLING, "yq": _NEXT_SPELLING},  # "đáng quý từ ông"
)
def _quarter_rule(m: re.Match[str], pub: date, original: str) -> Resolved:
    raw = m.group("n")
    number = _ROMAN.get(raw) or (int(raw) if raw.isdigit() else _NUMBER_WORDS.get(raw))
    if not number or number > 4:
        return None
    first = 3 * (number - 1) + 1
    fixed = _year_of(m.group("yq") if not m.group("yy") else None, m.group("y") or m.group("yy"), pub)
    if fixed is not None:
        rng = _months_range(fixed, first, first + 2)
    else:
        rng = _pick_year(lambda y: _months_range(y, first, first + 2), pub, _mode_for(m))
    return (rng[0], rng[1], "quarter") if rng else None


_WD_TEXT = r"(?:thu\s+(?P<ww>hai|ba|tu|nam|sau|bay)|thu\s*(?P<wn>[2-7])|(?P<cn>chu\s*nhat))"


@_rule(
    "weekday",
    _B + r"(?:(?P<pod>" + _POD + r"|vao|hom|tu|den)\s+)?" + _WD_TEXT +
    r"(?:\s+(?P<wq>tuan\s+(?:nay|sau|toi|truoc|qua|vua\s+qua|ke\s+tiep|tiep\s+theo)|nay|toi|tuan|vua\s+qua|truoc|qua))?" + _E + _PAREN_DATE,
    spell={"pod": _POD_SPELLING, "wq": _NEXT_SPELLING},
)
def _weekday_rule(m: re.Match[str], pub: date, original: str) -> Resolved:
    if m.group("ww"):
        weekday = _WEEKDAY_WORDS[m.group("ww")]
    elif m.group("wn"):
        weekday = int(m.group("wn")) - 2
    else:
        weekday = 6
    qualifier = re.sub(r"\s+", " ", m.group("wq") or "")
    ordinal_risk = not m.group("cn")
    if ordinal_risk and not (m.group("pod") or m.group("pd") or m.group("bd") or qualifier.startswith("tuan")):
        before = m.string[max(0, m.start() - 20): m.start()]
        if not qualifier or m.group("wn") or _ORDINAL_CONTEXT.search(before):
            return None  # "lần thứ hai" is "the second time", "lần gặp mặt thứ 4 này" the fourth
    rel = qualifier.replace("tuan ", "").replace("tuan", "nay")
    kind = _rel_kind(rel)
    if qualifier.startswith("tuan"):
        shift = {"this": 0, "prev": -1, "trailing": -1, "next": 1}.get(kind, 0)
        day = _shift_unit("week", pub, shift)[0] + timedelta(days=weekday)
    elif kind == "next":
        day = pub + timedelta(days=(weekday - pub.weekday()) % 7 or 7)
    elif kind in ("prev", "trailing"):
        day = pub - timedelta(days=(pub.weekday() - weekday) % 7 or 7)
    elif qualifier == "nay":
        day = _week_of(pub)[0] + timedelta(days=weekday)
    else:  # bare: the nearest such day, within three days either side
        ahead = (weekday - pub.weekday()) % 7
        day = pub + timedelta(days=ahead) if ahead <= 3 else pub - timedelta(days=7 - ahead)
    return _paren(m, day) or (day, day, "day")


_COUNT = r"(?P<n>[0-9]{1,3}|" + _COUNT_WORDS + ")"


@_rule(
    "count of units",
    _B + r"(?:(?P<ago>cach\s+day)\s+)?" + _COUNT + r"\s+(?P<unit>ngay|tuan|thang|nam)"
    r"(?:\s+(?P<q>truoc(?:\s+day)?|qua|vua\s+qua|toi|sap\s+toi|toi\s+day|nua))?" + _E,
    spell={"n": {"sau": "sáu", "mot": "một"}, "q": {**_NEXT_SPELLING, "nua": "nữa"}},
)
def _count_rule(m: re.Match[str], pub: date, original: str) -> Resolved:
    raw = re.sub(r"\s+", " ", m.group("n"))
    count = int(raw) if raw.isdigit() else _NUMBER_WORDS.get(raw)
    q = re.sub(r"\s+", " ", m.group("q") or "")
    if not count or not (q or m.group("ago")):
        return None
    if raw == "nam" and m.group("unit") == "thang":
        return None  # "bao năm tháng qua": the years gone by, not five months
    unit = {"ngay": "day", "tuan": "week", "thang": "month", "nam": "year"}[m.group("unit")]
    if m.group("ago") or q in ("truoc", "truoc day"):
        if unit == "day":
            day = pub - timedelta(days=count)
            return day, day, "day"
        if unit == "week":
            start, end = _week_of(pub - timedelta(weeks=count))
        elif unit == "month":
            first = _add_months(pub.replace(day=1), -count)
            start, end = first, _month_end(first.year, first.month)
        else:
            start, end = date(pub.year - count, 1, 1), date(pub.year - count, 12, 31)
        return start, end, unit
    if q in ("qua", "vua qua"):
        start, end = _trailing(unit, pub, count)
    else:
        start, end = _leading(unit, pub, count)
    return start, end, "period"


# Folded words that collide with common non-date words: the accented original must be one of
# these ("Việt Nam trước" is not "năm trước", "giá dầu tháng 8" not "đầu tháng 8", "Tuấn tới"
# not "tuần tới", "mưa xuân" not "mùa xuân", "năm tôi 18 tuổi" not "năm tới").
_SPELLINGS = {
    "nam": {"năm"}, "tuan": {"tuần"}, "quy": {"quý"}, "ngay": {"ngày"}, "thang": {"tháng"},
    "dau": {"đầu"}, "cuoi": {"cuối"}, "giua": {"giữa"}, "hom": {"hôm"}, "mua": {"mùa"},
    "thu": {"thứ", "thu"}, "toi": {"tới", "tối"}, "truoc": {"trước"}, "tu": {"tư", "từ"},
    "sang": {"sáng"}, "chieu": {"chiều"}, "dem": {"đêm"}, "trua": {"trưa"}, "nay": {"nay", "này"},
    "sau": {"sau", "sáu"}, "bay": {"bảy"}, "tam": {"tám"}, "chin": {"chín"}, "muoi": {"mười"},
    "mot": {"một", "mốt"}, "gieng": {"giêng"}, "chap": {"chạp"}, "bon": {"bốn"}, "xuan": {"xuân"},
    "he": {"hè"}, "ha": {"hạ"}, "dong": {"đông"}, "chu": {"chủ"}, "nhat": {"nhật"}, "vua": {"vừa"},
    "ngoai": {"ngoái"}, "cach": {"cách"}, "day": {"đây"}, "rang": {"rạng"}, "som": {"sớm"},
    "vao": {"vào"}, "den": {"đến"}, "tiep": {"tiếp"}, "ke": {"kế"}, "sap": {"sắp"}, "nua": {"nữa", "nửa"},
    "roi": {"rồi"}, "mung": {"mùng"}, "mong": {"mồng"}, "kia": {"kia"}, "qua": {"qua"}, "mai": {"mai"},
    "hai": {"hai"}, "ba": {"ba"},
}
_WORD = re.compile(r"[a-z]+")


def _accentless(original: str, start: int, end: int) -> bool:
    """Text typed without diacritics around a match: its folded words are taken at face value."""
    return original[max(0, start - 40): end + 40].isascii()


# "tuần sau đó", "một tuần trước khi thi": relative to the story, not to the publication date.
_NARRATIVE_AFTER = re.compile(r"\s+(?:khi|do)" + _E)


def _first_misspelled(m: re.Match[str], original: str, spell: Spelling) -> int | None:
    """Position of the first word of the match that is a look-alike (generally, or for the group
    it sits in) or a narrative "sau"/"trước"; None when the match can stand."""
    tail = re.search(r"(?:sau|truoc)$", m.group(0))
    if tail and _NARRATIVE_AFTER.match(m.string, m.end()):
        return m.start() + tail.start()
    if _accentless(original, m.start(), m.end()):
        return None
    bad = []
    for w in _WORD.finditer(m.group(0)):
        forms = _SPELLINGS.get(w.group(0))
        if forms and original[m.start() + w.start(): m.start() + w.end()].lower() not in forms:
            bad.append(m.start() + w.start())
            break
    for group, required in spell.items():
        if m.group(group) is None:
            continue
        for w in _WORD.finditer(m.group(group)):
            at = m.start(group) + w.start()
            if w.group(0) in required and original[at: at + len(w.group(0))].lower() != required[w.group(0)]:
                bad.append(at)
                break
    return min(bad, default=None)


def _spelled_matches(pattern: re.Pattern[str], folded: str, original: str, spell: Spelling) -> Iterator[re.Match[str]]:
    """Matches whose words are spelled right; a look-alike tail is cut off and matching retried
    ("ngày 20/10 tôi về" still gives "ngày 20/10")."""
    for m in pattern.finditer(folded):
        if m.start() and folded[m.start() - 1] == "/":
            continue  # "0,5%/năm này": a rate per year
        while m is not None:
            bad = _first_misspelled(m, original, spell)
            if bad is None:
                yield m
                break
            m = pattern.match(folded, m.start(), bad) if bad > m.start() else None


def _candidates(original: str, folded: str, pub: date) -> Iterator[tuple[int, int, date, date, str]]:
    for name, pattern, handler, spell in _RULES:
        for m in _spelled_matches(pattern, folded, original, spell):
            try:
                resolved = handler(m, pub, original)
            except (ValueError, OverflowError) as exc:  # date arithmetic out of range
                logger.debug("%s: %r not resolved: %s", name, m.group(0), exc)
                continue
            if resolved is None:
                continue
            start, end, kind = resolved
            if start.year < MIN_YEAR or end.year > MAX_YEAR or start > end:
                continue
            yield m.start(), m.end(), start, end, kind


def find_dates(text: str, published: datetime | date) -> list[DateMention]:
    """Date mentions in article text, resolved against the publication date.

    ``published`` may be a ``date``, a naive datetime (taken as Vietnamese local time) or an
    aware one (converted to UTC+07:00 first). Mentions come in text order; where matches
    overlap the leftmost, then the longest, wins. Never raises on any ``str``.

    >>> [(m.text, m.start.isoformat()) for m in find_dates("Hôm qua (2/11), ...", date(2016, 11, 3))]
    [('Hôm qua (2/11)', '2016-11-02')]
    """
    if not isinstance(text, str) or not text:
        return []
    pub = _as_vn_datetime(published).date()
    original, folded = _prepare(text)
    found = sorted(_candidates(original, folded, pub), key=lambda c: (c[0], -(c[1] - c[0])))
    mentions: list[DateMention] = []
    last_end = -1
    for start, end, first, last, kind in found:
        if start < last_end:
            continue
        mention_text = original[start:end].strip()
        lead = len(original[start:end]) - len(original[start:end].lstrip())
        mentions.append(DateMention(mention_text, (start + lead, start + lead + len(mention_text)), first, last, kind))
        last_end = end
    return mentions
