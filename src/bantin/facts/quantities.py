"""Numbers in sentences with what they count: ``ba người thiệt mạng``, ``hơn 1.500 hộ``, ``65 tuổi``.

A :class:`Quantity` is a value (a number or a range: ``hơn 100`` is (100, 150]), the noun it
counts (normalized ``unit``), and the ``what`` it counts for people (``dead``, ``injured``,
``missing`` ...) read from the words around it. Disagreement detection compares quantities that
share ``key``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from bantin.facts.document import Sent
from bantin.facts.lexicon import FOLD_TABLE, fold

_DIGITS = r"\d{1,3}(?:[.]\d{3})+(?:,\d+)?|\d+(?:,\d+)?"
_WORDS = {
    "một": 1, "hai": 2, "ba": 3, "bốn": 4, "tư": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9,
    "mười": 10, "mươi": 10, "chục": 10,
}
_WORD_NUM = r"(?:mười\s+(?:một|hai|ba|bốn|lăm|năm|sáu|bảy|tám|chín)|mười|một|hai|ba|bốn|năm|sáu|bảy|tám|chín)"
_SCALE = {"nghìn": 1e3, "ngàn": 1e3, "triệu": 1e6, "tỷ": 1e9, "tỉ": 1e9}
_MODS = r"(?:hơn|trên|gần|khoảng|chừng|ít nhất|tối thiểu|tới|lên tới|lên đến|ước tính|xấp xỉ|dưới|gần như|tổng cộng|tổng số)"

# Nouns counting people, things, money, measures; normalized unit names.
_UNITS = {
    "người": "người", "nạn nhân": "người", "trường hợp": "người", "ca": "ca", "bệnh nhân": "người",
    "thi thể": "người", "công nhân": "người", "học sinh": "học sinh", "hộ": "hộ", "hộ dân": "hộ",
    "ngôi nhà": "nhà", "căn nhà": "nhà", "nhà": "nhà", "ô tô": "xe", "xe": "xe", "chiếc": "chiếc",
    "tàu": "tàu", "chuyến bay": "chuyến bay", "chuyến": "chuyến", "đối tượng": "người", "bị can": "người",
    "bị cáo": "người", "du khách": "người",
    "hành khách": "người", "thuyền viên": "người", "ngư dân": "người", "trẻ em": "người", "cháu": "người",
    "nhân viên cảnh sát": "cảnh sát", "cảnh sát": "cảnh sát", "nhân viên": "người", "lính": "binh sĩ",
    "binh sĩ": "binh sĩ", "chiến sĩ": "binh sĩ", "quân nhân": "binh sĩ", "người di cư": "người di cư",
    "người biểu tình": "người biểu tình", "sinh viên": "học sinh",
    "tuổi": "tuổi", "năm tù": "năm tù", "tháng tù": "tháng tù", "đồng": "đồng", "usd": "USD", "đô la": "USD",
    "euro": "EUR", "km": "km", "m": "m", "mm": "mm", "cm": "cm", "ha": "ha", "tấn": "tấn", "kg": "kg",
    "độ": "độ", "%": "%", "phần trăm": "%", "điểm": "điểm", "tuyến phố": "tuyến phố", "xã": "xã",
    "tỉnh": "tỉnh", "quả": "quả", "tên lửa": "tên lửa", "máy bay": "máy bay", "phút": "phút", "giờ": "giờ",
    "ngày": "ngày", "tháng": "tháng", "lít": "lít", "con": "con", "cây": "cây", "căn hộ": "căn hộ",
}
PEOPLE_UNITS = frozenset(("người", "ca", "học sinh", "cảnh sát", "binh sĩ", "người di cư", "người biểu tình"))
_UNIT_RE = "|".join(sorted((re.escape(u) for u in _UNITS), key=len, reverse=True))

_QTY_RE = re.compile(
    r"(?<![\w.,/])(?P<mod>" + _MODS + r"\s+)?(?P<num>" + _DIGITS + r"|" + _WORD_NUM + r")"
    r"(?:\s*(?P<scale>nghìn|ngàn|triệu|tỷ|tỉ))?\s*(?P<unit>" + _UNIT_RE + r")(?![\w])",
    re.IGNORECASE)

# What a count of people is about: folded cue words in the few words after (or before) it.
_WHAT = (
    ("dead", ("chet", "thiet mang", "tu vong", "tu nan", "thi the", "thiet mang", "xau so", "ton that")),
    ("injured", ("bi thuong", "thuong tich", "nhap vien", "cap cuu")),
    ("missing", ("mat tich",)),
    ("arrested", ("bat giu", "bi bat", "tam giu", "khoi to", "bat", "tam giam")),
    ("rescued", ("cuu song", "giai cuu", "cuu ho", "duoc cuu")),
    ("evacuated", ("so tan", "di doi", "di tan")),
    ("infected", ("mac", "nhiem", "duong tinh", "ngo doc")),
)
_UPDATE_RE = re.compile(r"\b(?:tăng lên|nâng lên|lên tới|đến nay|tính đến|cho đến nay|hiện đã|mới nhất|cập nhật|thêm)\b",
                        re.IGNORECASE)


@dataclass(frozen=True)
class Quantity:
    article: str
    sentence: int
    text: str  # the phrase as written ("ba người thiệt mạng")
    low: float
    high: float
    exact: float
    unit: str
    what: str  # for people: dead/injured/...; for amounts and measures the noun before the number
    head: str
    context: frozenset[str]
    update: bool
    title: bool

    @property
    def key(self) -> tuple[str, str]:
        return (self.unit, self.what)


def _number(text: str) -> float | None:
    low = text.lower()
    if low in _WORDS:
        return float(_WORDS[low])
    parts = low.split()
    if parts and parts[0] == "mười":
        tail = {"lăm": 5, "năm": 5}.get(parts[-1], _WORDS.get(parts[-1], 0))
        return 10.0 + tail
    try:
        return float(text.replace(".", "").replace(",", "."))
    except ValueError:
        return None


def _range(mod: str, value: float) -> tuple[float, float]:
    mod = mod.lower().strip()
    if mod in ("hơn", "trên", "ít nhất", "tối thiểu"):
        return value, value * 1.5 + 1
    # "gần 80" is 72..80 and "khoảng 3 tỷ" 2.7..3.3: wide enough for "khoảng 3 tỷ" / "2,9 tỷ",
    # narrow enough that "gần 80 triệu" and "gần 100 triệu" conflict (dev label cluster_113)
    if mod in ("gần", "gần như", "dưới"):
        return value * 0.9, value
    if mod in ("khoảng", "chừng", "ước tính", "xấp xỉ"):
        return value * 0.9, value * 1.1
    if mod in ("tới", "lên tới", "lên đến"):
        return value, value
    return value, value


def _what(sent_text: str, start: int, end: int, unit: str) -> tuple[str, frozenset[str]]:
    after = fold(sent_text[end:end + 40])
    before = fold(sent_text[max(0, start - 40):start])
    context = frozenset(w for w in re.findall(r"\w+", fold(sent_text[max(0, start - 60):end + 60])) if len(w) > 1)
    if unit in PEOPLE_UNITS:
        for what, cues in _WHAT:
            if any(re.search(r"\b" + c + r"\b", after[:35]) for c in cues):
                return what, context
        for what, cues in _WHAT:
            if any(re.search(r"\b" + c + r"\b", before[-25:]) for c in cues):
                return what, context
        return "", context
    return "", context


# Words between a noun and its amount that say nothing about what is measured.
_FILLER = frozenset("""trị giá là với khoảng gần hơn trên tổng cộng lên tới đến được có gồm mất thiệt hại
đạt chỉ còn và của cho số ước tính xấp xỉ chừng ít nhất tối thiểu khi đã bị này nước""".split())


def _head(sent_text: str, start: int) -> str:
    """The (folded) two words before an amount that say what it measures ("tai san", "tram lang")."""
    words = re.findall(r"\w+", sent_text[max(0, start - 50):start])
    kept = []
    for w in reversed(words):
        if w.lower() in _FILLER or w[0].isdigit():
            if kept:
                break
            continue
        kept.append(fold(w))
        if len(kept) == 2:
            break
    return " ".join(reversed(kept))


def find_quantities(sent: Sent) -> list[Quantity]:
    out = []
    text = sent.text
    update = bool(_UPDATE_RE.search(text))
    for m in _QTY_RE.finditer(text):
        num = m.group("num")
        word_num = not num[0].isdigit()
        unit = _UNITS[m.group("unit").lower()]
        if word_num and unit in ("m", "mm", "cm", "km", "ha", "kg", "%", "độ", "đồng", "tháng", "ngày", "giờ", "phút"):
            continue  # "năm ngày", "ba tháng" are mostly dates and spans, not counts
        value = _number(num)
        if value is None:
            continue
        if m.group("scale"):
            value *= _SCALE[m.group("scale").lower()]
        low, high = _range(m.group("mod") or "", value)
        what, context = _what(text, m.start(), m.end(), unit)
        phrase_end = m.end()
        if what:
            after = text[m.end():m.end() + 35].translate(FOLD_TABLE)
            for c in dict(_WHAT)[what]:
                found = re.match(r"(?:\W*\w+){0,3}?\W*\b" + c + r"\b", after)
                if found:
                    phrase_end = m.end() + found.end()
                    break
        out.append(Quantity(sent.article, sent.index, text[m.start():phrase_end].strip(), low, high, value, unit,
                            what, _head(text, m.start()), context, update, sent.title))
    return out
