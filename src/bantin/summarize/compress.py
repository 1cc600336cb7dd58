"""Light, faithful compression of summary sentences: drop clutter, never add words.

What is removed (every remaining word is the source sentence's word, in the source order):

* outlet tags and datelines at the start: ``TTO -``, ``(Dân trí) -``, ``(PLO)-``, ``HÀ NỘI -``,
  ``(Baoquocte.vn) -``;
* photo/video credits: ``- Ảnh: AFP`` / ``(Ảnh: Đỗ Tuấn Anh)`` at the end; a caption glued in front
  of the sentence (``<caption> - Ảnh: AFP Theo Hãng tin...``) is dropped with its credit when the
  credit is one upper-case token (``AFP``, ``TTXVN``) or closed by a parenthesis;
* parentheticals that are pure attribution: ``(theo Reuters)``, ``(Nguồn: VnExpress)``.

:func:`compress_sentence` goes further (leading ``Theo ông X, Chủ tịch ...,`` attributions,
trailing ``, ông X cho biết.`` speech tags, side parentheticals, leading ``Sáng 15/10,`` framing),
deleting whole spans, re-capitalizing the first letter and keeping the final period. It is off in
:func:`clean_sentence` (``RULES`` is empty): measured rule by rule with 5-fold CV, no rule raised
ROUGE-2 on both corpora (numbers at ``RULES``).

:func:`is_noise` flags sentences that are nothing but attribution or credits
(``Theo TTXVN``, ``Ảnh: Reuters``, ``(Video: VTV)``): they are never summary material.
"""
from __future__ import annotations

import re

_UPPER = "A-ZĐÀ-ỸÂĂÊÔƠƯ"
# "TTO -", "HÀ NỘI -", "(Dân trí) -", "(PLO)-", "VOV.VN -", "NLĐO -", "ANTĐ -"
_LEAD_TAG = re.compile(
    r"^\s*(?:\([^()]{1,40}\)|[" + _UPPER + r"][" + _UPPER + r"0-9.]{1,15}(?:\s[" + _UPPER + r"][" + _UPPER + r"0-9.]{0,15}){0,2})"
    r"\s*[-–—]+\s*(?=\S)"
)
_CREDIT_WORD = r"(?:Ảnh|Ảnh minh họa|Ảnh minh hoạ|Nguồn ảnh|Video|Clip|Đồ họa|Đồ hoạ|Nguồn)"
_CREDIT_PAREN = re.compile(r"\s*\(\s*" + _CREDIT_WORD + r"\s*:[^()]*\)")
_CREDIT_TAIL = re.compile(r"\s*[-–—]?\s*" + _CREDIT_WORD + r"\s*:\s*[^.!?]{0,60}$")
# "<caption> - Ảnh: AFP Theo Hãng tin AFP, ..." -> "Theo Hãng tin AFP, ..."
_CAPTION_GLUED = re.compile(
    r"^[^.!?]{0,200}?\s[-–—]\s*" + _CREDIT_WORD + r"\s*:\s*[" + _UPPER + r"0-9]{2,12}\s+(?=[" + _UPPER + r"])"
)
_CAPTION_PAREN = re.compile(
    r"^[^.!?()]{0,200}?\(\s*" + _CREDIT_WORD + r"\s*:[^()]*\)\s+(?=[" + _UPPER + r"])"
)
_ATTRIBUTION_PAREN = re.compile(r"\s*\(\s*(?:theo|nguồn|nguồn tin|ảnh|video)\s*:?\s+[^()]{1,60}\)", re.I)
_NOISE = re.compile(
    r"^\s*[(\[]?\s*(?:"
    r"(?:theo|nguồn)\s*:?\s*[^\s,.;:!?]+(?:\s+[^\s,.;:!?]+){0,3}"  # "Theo TTXVN", "(Nguồn: VnExpress)"
    r"|(?:ảnh|video|clip|đồ họa|đồ hoạ)\s*:\s*[^.!?]{0,60}"  # "Ảnh: Reuters"
    r"|[" + _UPPER + r"]{2,12}"  # "TTXVN"
    r")\s*[)\]]?\s*\.?\s*$",
    re.I,
)
_SPACES = re.compile(r"\s{2,}")
_SPACE_BEFORE_PUNCT = re.compile(r"\s+([,.;:!?])")


# Compression rules of :func:`compress_sentence` (each deletes whole spans only) and the ones
# :func:`clean_sentence` applies before selection. None is on: none improved the 5-fold CV
# ROUGE-2 on both corpora (BENCHMARKS.md "Summary quality", fill mode, VMDS body/lede, AbMuSu
# body/lede; off: 45.12 / 42.93 / 34.16 / 37.97):
#   lead_attribution 45.50 / 42.93 / 33.68 / 37.87    lead_outlet   45.16 / 42.76 / 34.15 / 37.73
#   speech_tag       45.16 / 43.00 / 34.16 / 37.95    parenthetical 44.50 / 42.56 / 33.76 / 37.86
#   lead_frame       44.77 / 42.88 / 35.07 / 37.55
ALL_RULES = ("lead_attribution", "lead_outlet", "speech_tag", "parenthetical", "lead_frame")
RULES: frozenset[str] = frozenset()

_NAME = r"[" + _UPPER + r"][^\s,.;:!?()]*"
# "Theo ông X, Chủ tịch UBND tỉnh, ..." / "Theo Hãng tin AFP, ..." / "Theo báo cáo của Bộ Y tế, ..."
_LEAD_ATTRIBUTION = re.compile(
    r"^(?:Cũng\s+)?[Tt]heo\s+(?:(?:ông|bà|anh|chị|đại diện|lãnh đạo|người phát ngôn|thông tin|thông báo|thông cáo|"
    r"báo cáo|nguồn tin|cơ quan|hãng tin|hãng|báo|tờ|trang|kênh|đài|giới chức|các chuyên gia|chuyên gia|"
    r"nhà chức trách|giới chức trách|cảnh sát|công an|nhà chức trách)\b|" + _NAME + r")"
    r"[^,.;:!?\"“”()]{0,80},\s+"
)
# "Theo Hãng tin AFP," / "Theo báo Tuổi Trẻ," / "Theo tờ New York Times,": a media outlet only
_LEAD_OUTLET = re.compile(
    r"^(?:Cũng\s+)?[Tt]heo\s+(?:hãng tin|hãng thông tấn|hãng|báo|tờ|trang|kênh|đài|thông tấn xã|Hãng tin|"
    r"Hãng thông tấn|Hãng|Báo|Tờ|Trang|Kênh|Đài|Thông tấn xã|AFP|Reuters|AP|BBC|CNN|TTXVN|Bloomberg|Yonhap|"
    r"Tân Hoa xã|Kyodo|Xinhua|RIA Novosti|ITAR-TASS|Sputnik)\b[^,.;:!?\"“”()]{0,50},\s+"
)
# An apposition after the attributed name: "Chủ tịch UBND tỉnh," "Giám đốc Sở Y tế tỉnh X,"
_APPOSITION = re.compile(
    r"^(?:(?:Phó |Tổng |Nguyên |Quyền )?(?:Chủ tịch|Giám đốc|Bộ trưởng|Thứ trưởng|Trưởng|Chánh|Người phát ngôn|"
    r"Thủ tướng|Tổng thống|Đại sứ|Bí thư|Cục trưởng|Vụ trưởng|Chỉ huy|Tư lệnh|Phó|Tổng|Đại diện|Viện trưởng|"
    r"Hiệu trưởng|Thượng tá|Trung tá|Đại tá|Thiếu tá|Tiến sĩ|TS|PGS|GS)|(?:chủ tịch|giám đốc|trưởng|phó|"
    r"người phát ngôn|đại diện|bộ trưởng|thứ trưởng)\b)[^,.;:!?\"“”()]{0,80},\s+"
)
_SPEECH_VERB = (
    r"(?:cho biết|cho hay|nói|khẳng định|tuyên bố|nhấn mạnh|chia sẻ|thông báo|xác nhận|"
    r"phát biểu|nhận định|bình luận|tiết lộ|giải thích|cảnh báo|nêu rõ|đưa tin|dẫn lời[^,.;!?]{0,40})"
)
# ", ông X cho biết." / ", bà Y nói." / " - CNRP tuyên bố." / ', AFP đưa tin.'
_SPEECH_TAG = re.compile(
    r"(?:,|\s[-–—])\s+(?:ông|bà|anh|chị|[" + _UPPER + r"])(?:[^\s,.;:!?\"“”()]*\s){0,8}?" + _SPEECH_VERB
    + r"(?:\s+thêm)?\s*(?P<end>[.!]?)\s*$"
)
_PAREN = re.compile(r"\s*\((?P<body>[^()]{1,120})\)")
# "(WHO)", "(TP.HCM)", "(Human Rights Watch – HRW)", "(Mỹ)": an abbreviation or a name is kept
_ACRONYM = re.compile(r"(?:^|\s)[" + _UPPER + r"][" + _UPPER + r"0-9&.\-/]{1,14}(?:\s|$)")
_CAPITALIZED = re.compile(r"^(?:[" + _UPPER + r"][^\s]*\s?){1,4}$")
_TIME_WORD = r"(?:Sáng|Chiều|Tối|Trưa|Đêm|Rạng sáng|Khuya|Ngày|Hôm|Vào|Đầu|Cuối|Giữa|Tuần|Tháng|Năm|Hôm nay|Hôm qua)"
# "Sáng 15/10," / "Chiều qua (12/5)," / "Tại buổi họp báo," / "Tại Hà Nội,"
_LEAD_FRAME = re.compile(
    r"^(?:" + _TIME_WORD + r"(?:\s+(?:nay|qua|mai|hôm qua|hôm nay|\d[\d/.\-]*|ngày\s+\d[\d/.\-]*|"
    r"thứ\s+\S+|[\d/.\-]+|\(\d[\d/.\-]*\)|tới|vừa qua|trước|sau)){1,4}"
    r"|Tại\s[^,.;:!?\"“”()]{1,60}"
    r"|(?:Trước đó|Sau đó|Hiện nay|Hiện tại|Trong khi đó|Cùng ngày|Cũng trong ngày|Đến nay|Trước đó không lâu))"
    r",\s+(?=\S)"
)


def compress_sentence(text: str, rules: frozenset[str] | None = None) -> str:
    """``text`` without a leading attribution/framing, a trailing speech tag, side parentheticals.

    Only whole spans are deleted; the first remaining letter is capitalized and a final period kept.
    """
    rules = RULES if rules is None else rules
    out = text
    if "lead_attribution" in rules:
        m = _LEAD_ATTRIBUTION.match(out)
        if m:
            rest = out[m.end():]
            a = _APPOSITION.match(rest)
            out = rest[a.end():] if a else rest
    if "lead_outlet" in rules:
        m = _LEAD_OUTLET.match(out)
        if m:
            out = out[m.end():]
    if "lead_frame" in rules:
        for _ in range(2):
            m = _LEAD_FRAME.match(out)
            if not m:
                break
            out = out[m.end():]
    if "speech_tag" in rules:
        m = _SPEECH_TAG.search(out)
        if m and count_words(out[:m.start()]) >= 6:
            out = out[:m.start()].rstrip(" ,") + (m.group("end") or ".")
    if "parenthetical" in rules:
        out = _PAREN.sub(lambda m: m.group(0) if _is_name(m.group("body").strip()) else "", out)
    out = _SPACE_BEFORE_PUNCT.sub(r"\1", _SPACES.sub(" ", out)).strip()
    if out == text or count_words(out) < 6:
        return text
    return _capitalize(out)


def _is_name(body: str) -> bool:
    if body.startswith(("SN ", "sinh năm")):
        return False
    return bool(_ACRONYM.search(body) or _CAPITALIZED.match(body))


def count_words(text: str) -> int:
    return len(re.findall(r"\w+", text))


def _capitalize(text: str) -> str:
    for k, ch in enumerate(text):
        if ch.isalpha():
            return text[:k] + ch.upper() + text[k + 1:]
    return text


def clean_sentence(sentence: str) -> str:
    """The sentence without outlet tags, photo credits and attribution parentheticals."""
    text = sentence.strip()
    text = _CAPTION_GLUED.sub("", text, count=1)
    text = _CAPTION_PAREN.sub("", text, count=1)
    text = _LEAD_TAG.sub("", text, count=1)
    text = _CREDIT_PAREN.sub("", text)
    text = _ATTRIBUTION_PAREN.sub("", text)
    text = _CREDIT_TAIL.sub("", text)
    text = _SPACE_BEFORE_PUNCT.sub(r"\1", _SPACES.sub(" ", text)).strip()
    text = text.lstrip("-–—•* ").strip()
    return compress_sentence(text) if RULES else text


def is_noise(sentence: str) -> bool:
    """True for sentences that are only an attribution, a credit or an outlet tag."""
    return bool(_NOISE.match(sentence))
