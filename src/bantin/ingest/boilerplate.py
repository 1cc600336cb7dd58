"""Remove scraper noise from plain-text articles, line by line, saying why each line went.

Scraped Vietnamese news keeps one paragraph per line, surrounded by site furniture: menus and
breadcrumbs, share/print bars, photo captions, comment prompts, "related articles" lists with
dates, tag lists and a trailing byline. :func:`clean_text` keeps the body lines and returns
every dropped line with its reason; :func:`clean_article` applies it to an article and records
the dropped lines in ``meta["dropped"]``.

Dropping a body line is the worst error (a summary sentence must never come from a dropped line,
and a lost body line is lost for good), so every rule is narrow: a line goes only when it has a
shape body text does not have (a trailing ``|``, a breadcrumb of short segments, a headline
ending in a date, a whole line of share buttons ...). Short subheadings and bullet lists that
end in punctuation stay. A lead starting with an outlet tag, ``(VnMedia) -`` or ``TTO -``, keeps
its sentence; the tag is removed and becomes the source when the article has none, as does the
outlet of a dropped closing credit line (``Theo Tuổi Trẻ``, ``Nguồn: VnExpress``).

Rules cut inside a line, for bodies stored one article per line (VMDS) or paragraphs merged: a
byline glued after the last sentence (``... năm tới. NGUYỆT PHƯƠNG``), a photo caption run into
the text (``... Biểu tình tại Campuchia (Ảnh: Đỗ Tuấn Anh) Tại cuộc họp báo ...``, with a dash
credit, ``... khán đài - Ảnh: Trương Hải Tùng Phút 33, ...``, or a caption sentence and its credit
``... Quốc hội. Ảnh: VGP/Nhật Bắc Thủ tướng ...``), and a heading, caption or byline run into the
front of a sentence (``Cuộc rượt đuổi trong đêm Lúc 20 giờ ...``, ``Tư Hoàng Tại buổi sơ kết ...``:
:func:`bantin.text.checks.glued_fragment`, cut only when short and cleanly separable). Outlet
tags go from the lead and from the body after a sapo (``(TNO) Ngày ...``, ``QĐND - Ngày 9-11 ...``).

Cleaning is idempotent: the rules run to a fixed point, so ``clean(clean(a)) == clean(a)``.

Measured with ``python -m benchmarks.clean_drop_rate``: on AbMuSu raw_text 92 of 7752 lines are
dropped (1.2%, 0.09% of characters, each reviewed by eye: bylines, captions, video prompts);
on VMDS bodies no whole line is dropped and 666 bylines/captions/glued fronts are cut from inside
lines (423 before the caption-credit and glued-front cuts; 1.32% of characters, 0.68% before; the
new cuts in dev clusters were read by hand: captions, sub-headings, bylines).
``python -m benchmarks.clean_rouge``: cleaning raises the lead baseline's ROUGE-2 on VMDS from
31.51 to 31.97 (AbMuSu 30.10 to 30.13), 32.42 with the caption-credit and glued-front cuts
(tests/quality_pins.json), so what goes is noise, not summary material.
"""
from __future__ import annotations

import logging
import re
import unicodedata
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Sequence

from bantin.models import Article
from bantin.text import normalize_text, split_sentences

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class CleanConfig:
    """Tuned limits of the cleaning rules (reviewed on VMDS and AbMuSu-train with
    ``benchmarks/clean_drop_rate.py``, which prints every dropped line)."""

    # Widest related-article headline / title-like line, in words. VMDS titles run 2-25 words
    # (628 documents), AbMuSu titles 4-38 with 614 of 621 at most 25.
    max_title_words: int = 25
    # Longest line that can be a stand-alone photo caption ending in "(Ảnh: ...)" or "- Ảnh: ...".
    # The 13 whole-line captions found in AbMuSu run up to 26 words before the credit; VMDS
    # bodies (whole articles on one line) are far longer. 40 leaves a margin.
    max_caption_words: int = 40
    # A line closed by a photo credit ("... Ảnh: Reuters") is a caption when it holds at most this
    # many sentences before the credit; a longer line is a paragraph whose credit alone is cut
    # (most captions are one sentence; a two-sentence one keeps its text, losing only the credit).
    max_caption_sentences: int = 1
    # Longest breadcrumb/menu segment in words: "Ô tô - Xe máy", "Bất động sản", "Nhịp sống trẻ".
    max_menu_segment_words: int = 4
    # Longest trailing byline in words: "Nguyễn Văn A (TTXVN)", "Theo Báo Tuổi Trẻ Online",
    # "Đỗ Tuấn Anh/VOV-Phnom Penh". A last line longer than this is body.
    max_byline_words: int = 8
    # Bulleted title-like lines must come in runs at least this long to be a headline list: one
    # bullet without final punctuation is too often a real list item (AbMuSu "- Trong khi thi"),
    # and AbMuSu has body subheadings in pairs ("- Đối với trường hợp KCB BHYT đúng tuyến").
    min_bullet_run: int = 3
    # At the end of the text (only bylines/noise after it) a shorter run is enough.
    min_tail_bullet_run: int = 2
    # Shortest headline in a bullet run: "- Bão số 5 đổ bộ" has 5 words; list items of body
    # text such as "- Gạo" are shorter.
    min_bullet_headline_words: int = 4
    # Longest photo caption run into a paragraph before its "(Ảnh: ...)" credit. The 58 "(Ảnh: ...)" captions cut in
    # VMDS/AbMuSu run 0-24 words; a longer run is more likely body text missing its final period.
    max_inline_caption_words: int = 25
    # A byline glued to the end of the last line is cut only after this many words of body,
    # so a short line such as "Hà Nội. Minh Anh" stays whole.
    min_body_words_before_tail: int = 8
    # Longest heading, caption or byline cut from the front of a sentence it was run into
    # (bantin.text.checks.glued_fragment: "Cuộc rượt đuổi trong đêm Lúc 20 giờ ..."). Of the glued
    # fronts found in dev VMDS/AbMuSu articles, the ones over ~16 words were mostly two real
    # sentences run together (read by hand, benchmarks/page_text.py): those stay, and the summarizer
    # skips the sentence instead.
    max_glued_words: int = 16
    # A cut must leave a sentence at least this long.
    min_glued_rest_words: int = 6
    # Rule passes until nothing changes; two suffice in practice (a dropped share bar can
    # expose a byline), the cap only guards against a rule bug.
    max_passes: int = 5
    # Whole scraped pages (bantin.ingest.lines.looks_like_page_dump) go through the learned line
    # classifier before the rules; False keeps the rules alone.
    line_model: bool = True


DEFAULT_CONFIG = CleanConfig()

# Reasons (stable strings: tests and --explain use them).
IMAGE = "image markup"
CAPTION = "photo caption"
COMMENTS = "comment prompt"
SHARE = "share/print/tag bar"
TAGS = "tag list"
RELATED_HEADER = "related-articles header"
RELATED = "related article"
MENU = "menu/breadcrumb"
SECTION = "section name"
BULLET_HEADLINES = "bullet list of headlines"
BYLINE = "byline"
BYLINE_TAIL = "byline at the end of the line"
INLINE_CAPTION = "photo caption inside a paragraph"
GLUED = "heading/caption/byline run into a sentence"
DATE_LINE = "date line"
REPEATED_TITLE = "repeated title"
PUNCTUATION = "no words"
PAGE_CHROME = "page chrome (line classifier)"
PAGE_TITLE = "headline of the page"

_FINAL = ".!?…;:\"”’»)]"

_IMAGE_RE = re.compile(r"^!\[[^\]]*\]\([^)]*\)")
_CAPTION_START_RE = re.compile(
    r"^[\(\[]?\s*(ảnh\s*(minh\s*họa)?\s*[:.\-)]|ảnh\s+minh\s+họa\b|nguồn\s+ảnh\b|ảnh\s+chụp\s+màn\s+hình\b|"
    r"clip\s*:|video\s*:|đồ\s+họa\s*:|infographic\s*:)",
    re.IGNORECASE,
)
_CAPTION_END_RE = re.compile(
    r"(\(\s*(ảnh|nguồn|ảnh\s+minh\s+họa|đồ\s+họa|video)\s*[:.]?[^()]*\)|[-–—]\s*ảnh\s*:[^.!?]*|\(\s*ảnh\s+minh\s+họa\s*\))\s*$",
    re.IGNORECASE,
)
# A photo credit closing a caption line, in the forms outlets print: "... Ảnh: New York Times",
# "... - Ảnh: H.Y.T.", "... Ảnh minh họa Reuters.", "... (Ảnh: Reuters)", "Nguồn: Reuters". A colon or
# "minh họa"/"chụp màn hình"/"tư liệu" must follow the word: "... nguồn cung từ Trung Quốc." and "...
# ảnh hưởng nhất." are body (no gold paragraph of realweb-dev matches; in AbMuSu-train 84 of 9,626
# lines do, all of them captions or chart sources, read by hand).
CREDIT_TAIL_RE = re.compile(
    r"(?:(?:^|(?<=[\s(.\-–—:]))(?:[Ảả]nh|[Nn]guồn|[Pp]hoto|[Đđ]ồ\s+họa|[Vv]ideo|[Cc]lip)\s*"
    r"(?:minh\s+họa|chụp\s+màn\s+hình)?\s*[:：]\s*[^!?:;]{1,40}[.)]?"
    r"|(?:^|(?<=[\s(.\-–—]))[Ảả]nh\s+(?:minh\s+họa|chụp\s+màn\s+hình|tư\s+liệu)\b[^!?:;]{0,40}[.)]?"
    r"|\(\s*(?:[Ảả]nh|[Nn]guồn)\b[^()]{0,50}\))\s*$"
)
_COMMENTS_RE = re.compile(
    r"^(ý\s+kiến\s+(của\s+)?bạn\s+đọc|ý\s+kiến\s+của\s+bạn|gửi\s+(bình\s+luận|ý\s+kiến|phản\s+hồi)|"
    r"viết\s+bình\s+luận|bình\s+luận(\s+của\s+bạn)?|bạn\s+nghĩ\s+gì\b.*|ý\s+kiến|phản\s+hồi|"
    r"(xem\s+)?(tất\s+cả\s+)?\d+\s+bình\s+luận|đăng\s+nhập\s+để\s+bình\s+luận|bình\s+luận\s+facebook)"
    r"\s*[:(\[]?\s*\d*\s*[)\]]?\s*[:.…]?$",
    re.IGNORECASE,
)
# Whole-line share/print/follow bars: every token is one of these widgets.
_WIDGETS = [
    "gửi bài viết cho bạn bè", "gửi cho bạn bè", "gửi bài", "chia sẻ bài viết", "chia sẻ", "in bài viết",
    "in bài", "bản in", "lưu bài viết", "lưu bài", "lưu", "theo dõi", "quay lại", "về đầu trang",
    "lên đầu trang", "đầu trang", "trở về", "báo xấu", "thích", "like", "share", "tweet", "facebook",
    "twitter", "zalo", "email", "e-mail", "google\\+", "google", "linkedin", "pinterest", "copy link",
    "sao chép liên kết", "sao chép link", "nghe bài viết", "nghe", "phóng to", "thu nhỏ", "cỡ chữ",
    "a\\+", "a-", "print", "in", "gửi", "bình luận", "\\d+", "[|/•·,:+>-]",
    # counters of an aggregator's article box: "1 đăng lại 215 liên quan Gốc"
    "liên quan", "đăng lại", "gốc", "lượt xem",
]
_WIDGET_RE = re.compile(r"(?:" + "|".join(rf"(?<!\w){w}(?!\w)" if w[0].isalpha() else w for w in _WIDGETS) + r")",
                        re.IGNORECASE)
_TAGS_RE = re.compile(r"^(tags?|từ\s+khóa|chủ\s+đề|keywords?)\s*[:：]", re.IGNORECASE)
_RELATED_HEADER_RE = re.compile(
    r"^(>+\s*)?(tin\s+(liên\s+quan|cùng\s+chuyên\s+mục|khác|mới(\s+nhất)?|đọc\s+nhiều(\s+nhất)?|nổi\s+bật|đã\s+đưa|cùng\s+sự\s+kiện)|"
    r"bài\s+(liên\s+quan|viết\s+liên\s+quan|cùng\s+chuyên\s+mục)|các\s+tin\s+(khác|liên\s+quan|đã\s+đưa)|"
    r"có\s+thể\s+bạn\s+quan\s+tâm|bạn\s+có\s+thể\s+quan\s+tâm|xem\s+thêm|đọc\s+thêm|xem\s+tiếp|"
    r"tin\s+bài\s+liên\s+quan|bài\s+đọc\s+nhiều|đọc\s+nhiều\s+nhất|tiêu\s+điểm)\s*[:>»]*\s*$",
    re.IGNORECASE,
)
# "Xem thêm: <headline>" / ">> Đọc thêm: ..." / "Video: ..." links on one line.
_RELATED_LINK_RE = re.compile(
    r"^(>+|»+|\*+)?\s*(xem\s+thêm|đọc\s+thêm|xem\s+tiếp|tin\s+liên\s+quan|bài\s+liên\s+quan|mời\s+xem)\s*[:>»]",
    re.IGNORECASE,
)
# "Tin liên quan HLV U19 Việt Nam khẳng định ..." (a widget title glued to the first headline).
_RELATED_GLUED_RE = re.compile(r"^(?i:tin|bài(\s+viết)?)\s+(?i:liên\s+quan)\s+(?P<first>\w)")
# "Mời độc giả xem thêm video:", "Xem thêm video đang được quan tâm:", "XEM CLIP:".
_MEDIA_PROMPT_RE = re.compile(
    r"^(mời\s+(quý\s+)?(độc\s+giả|bạn\s+đọc|quý\s+vị)\s+)?(xem|theo\s+dõi)\s+(thêm\s+)?(video|clip)\b[^.!?]*[:>]\s*$",
    re.IGNORECASE,
)
_LINK_PREFIX_RE = re.compile(r"^(>>|»|►|▶)\s*\w")
# A headline followed by its date: "... (03/11/2013)", "... - 03/11/2013", "... 03/11/2013 10:15".
_DATED_HEADLINE_RE = re.compile(
    r"^(?P<head>.*\w.*?)\s*(\(\s*\d{1,2}/\d{1,2}(/\d{2,4})?(\s*[-,]?\s*\d{1,2}[:h]\d{2})?\s*\)|"
    r"[-–—|]\s*\d{1,2}/\d{1,2}/\d{2,4}(\s*[-,]?\s*\d{1,2}[:h]\d{2})?)\s*$"
)
_DATE_TAIL_WORDS = 6  # "| 15/07/2025 - 10:30", "(15/7/2025, 10h30)": the words a date part can add
_MENU_SEPARATORS_RE = re.compile(r"\s+(?:>|»|›|\||/|•|·|–|-)\s+|\s*[>»›|•·]\s*")
_STRONG_MENU_SEP_RE = re.compile(r"[>»›]")
_SECTIONS = frozenset(
    s.lower() for s in """
    Trang chủ|Trang nhất|Thời sự|Xã hội|Thế giới|Kinh doanh|Kinh tế|Giải trí|Thể thao|Pháp luật|Giáo dục|
    Sức khỏe|Sức khoẻ|Đời sống|Du lịch|Khoa học|Công nghệ|Số hóa|Xe|Ô tô - Xe máy|Ô tô|Xe máy|Bất động sản|
    Văn hóa|Văn hoá|Chính trị|Quốc phòng|Nhịp sống|Nhịp sống trẻ|Tâm sự|Cười|Video|Ảnh|Podcast|Multimedia|
    Tuyển sinh|Việc làm|Môi trường|Gia đình|Bạn đọc|Góc nhìn|Tin tức|Tin nóng|Mới nhất|Tin mới|Chứng khoán|
    Tài chính|Quốc tế|Phóng sự|Điều tra|Emagazine|Infographic|Thị trường|Doanh nghiệp|Pháp đình|An ninh|
    Hình sự|Giao thông|Đô thị|Bóng đá|Văn hóa - Giải trí|Khoa học - Công nghệ|Tin tổng hợp|Chuyên đề|
    English|Đăng nhập|Đăng ký|Tìm kiếm|Liên hệ|Quảng cáo|RSS|Menu|Home""".split("|")
)
_BULLET_RE = re.compile(r"^\s*(?:[-–—•·*+►▶»]|>>)\s*")
_DATE_WORDS_RE = re.compile(
    r"(?<!\w)(thứ\s+(hai|ba|tư|năm|sáu|bảy|2|3|4|5|6|7)|chủ\s+nhật|cn|ngày|tháng|năm|lúc|giờ|gmt|utc|"
    r"am|pm|sa|ch|cập\s+nhật|đăng\s+lúc|đăng)(?!\w)|[+\-]?\d+(?:[hHtT](?=\d|\W|$))?|[,/:.\-|()+]",
    re.IGNORECASE,
)
_BYLINE_THEO_RE = re.compile(r"^[\(\[]?\s*(theo|nguồn)\s*:?\s+\S.*$", re.IGNORECASE)
# "(Tổng hợp)", "Lược dịch", "(Dịch)", "Tổng hợp từ Reuters": compiled-by notes closing an article.
_BYLINE_COMPILED_RE = re.compile(
    r"^[\(\[]?\s*(tổng\s+hợp|lược\s+dịch|biên\s+dịch|dịch)(\s+(từ|theo)\s+[^.!?]*)?\s*[\)\]]?\.?$", re.IGNORECASE
)
# "PV", "Nhóm PV", "CTV Minh Anh"; "Tin, ảnh: Mạc Yến", "Bài và ảnh: ..." (the rest must be a name).
_BYLINE_REPORTER_RE = re.compile(
    r"^(pv|ctv|btv|tpv|nhóm\s+pv|nhóm\s+ctv|nhóm\s+phóng\s+viên|phóng\s+viên|bạn\s+đọc)\s*(?P<rest>[^:]*)$",
    re.IGNORECASE,
)
_BYLINE_CREDIT_RE = re.compile(
    r"^(tin|bài|ảnh|video|tin,\s*ảnh|tin\s*(và|&)\s*ảnh|bài,\s*ảnh|bài\s*(và|&)\s*ảnh|thực\s+hiện|"
    r"nhóm\s+thực\s+hiện|pv|ctv|phóng\s+viên)\s*:\s*(?P<rest>.+)$",
    re.IGNORECASE,
)
# A caption run into a paragraph: starts at the line start or after a sentence end, has no
# sentence end inside (it may end with one), then "(Ảnh: ...)", then a new sentence or the end.
_INLINE_CAPTION_RE = re.compile(
    r"(?:^|(?<=[.!?…]\s)|(?<=[.!?…][”\"]\s))(?P<caption>[^.!?…()“”\"]{0,200}?[.]?)\s*"
    r"(?P<credit>\((?i:ảnh|nguồn|ảnh\s+minh\s+họa)\b[^()]{0,150}\))"
    r"(?=\s|$)",  # and a new sentence (capital letter) must follow: checked in code
)
# A caption with a dash credit: "<caption> - Ảnh: <credit> <next sentence>" (credit found in code).
_DASH_CAPTION_RE = re.compile(
    r"(?:^|(?<=[.!?…]\s)|(?<=[.!?…][”\"]\s))(?P<caption>[^.!?…()“”\"]{1,200}?)\s+[-–—]\s*(?i:ảnh)\s*:\s*"
)
# Words that often start a sentence in Vietnamese news and are not parts of names; they end a
# dash photo credit ("- Ảnh: AFP Theo Hãng tin AFP, ..."). Name parts are left out on purpose
# (Anh, Như, Từ, Sáng, Năm, Chính: "Minh Anh", "Quỳnh Như", "Từ Lương", "Nhan Sáng"), so such a
# credit is not cut at them. Reviewed on the 39 dash credits in VMDS bodies.
SENTENCE_STARTERS = frozenset(
    """Theo Trong Tại Sau Trước Ngày Hôm Khi Đây Còn Với Ngoài Bên Gần Việc Hiện Cùng Do Vì Nếu Tuy
    Nhưng Mặc Để Lúc Chiều Tối Trưa Đêm Phút Các Những Nhiều Ông Bà Chị Cháu Bé Đó Điều Ngay Cũng
    Riêng Đặc Bởi Dù Qua Ở Giữa Phía Nhằm Tính Trận Vào Tháng""".split()
)
_OUTLET_IN_PARENS_RE = re.compile(r"\(([^()]{2,40})\)\s*$")
_PAREN_TAG_RE = re.compile(r"^\s*\(\s*(?P<tag>[^()]{2,40}?)\s*\)\s*[-–—:]+\s*(?=\S)")
# "(TNO) Ngày 22.10, ...": a parenthesised outlet tag with no dash after it (checked in code).
_BARE_PAREN_TAG_RE = re.compile(r"^\s*\(\s*(?P<tag>[^()\d]{2,20}?)\s*\)\s+(?=\S)")
# Up to four all-caps words then a dash: "TTO -", "VOV.VN -", "HÀ NỘI -" (caps checked in code).
_CAPS_TAG_RE = re.compile(r"^\s*(?P<tag>\w[\w.&/]*(?: [\w.&/]+){0,3})\s*[-–—]+\s+(?=\w)")
# All-caps lead tags that are outlets (not datelines such as "HÀ NỘI -").
KNOWN_OUTLET_TAGS = frozenset(
    """TTO VOV VOV.VN VTV VTV.VN VTC VTC.VN NDĐT ND.VN TTXVN VNA TTXVN/VNA PLO NLĐO NLĐ SGGP SGGPO ANTĐ CAND
    QĐND QDND GDVN GD&TĐ GDTĐ TN TNO DT VTCNEWS VNEXPRESS VNE KTĐT HNM ĐSPL VIETNAMNET VNN VNMEDIA INFONET
    ZING ZINGNEWS TPO TTVH VH KT&ĐT BNEWS VOH HTV TP TT PNO PN SGTT SGTT.VN HNMO ĐTCK NDH""".split()
)
# Dateline tags with no diacritics to tell them apart from outlet abbreviations.
KNOWN_PLACE_TAGS = frozenset({"TP.HCM", "TPHCM", "TP HCM", "TP. HCM", "HCM", "SÀI GÒN", "HUẾ"})


@dataclass(frozen=True)
class DroppedLine:
    """A line removed by the cleaner: 1-based line number in the input text, text, reason."""

    line: int
    text: str
    reason: str

    def to_dict(self) -> dict[str, Any]:
        return {"line": self.line, "text": self.text, "reason": self.reason}


@dataclass(frozen=True)
class CleanResult:
    """Kept body lines (joined in ``text``), dropped lines with reasons, the lead's outlet tag."""

    kept: tuple[str, ...]
    dropped: tuple[DroppedLine, ...] = ()
    kept_lines: tuple[int, ...] = ()  # the 1-based input line number of each kept line
    outlet_tag: str = ""
    dateline: str = ""
    source: str = ""  # the outlet tag when it names an outlet (not a dateline)
    title: str = ""  # the headline found in a page dump ("" for articles)

    @property
    def text(self) -> str:
        return "\n".join(self.kept)


# --------------------------------------------------------------------------- public API


def clean_text(text: str, title: str = "", config: CleanConfig = DEFAULT_CONFIG) -> CleanResult:
    """Keep the body lines of scraped text; drop the rest, each with a reason.

    ``title``, when given, lets a first line that repeats it be dropped.
    """
    lines = [(number, line.strip()) for number, line in enumerate(normalize_text(text).split("\n"), start=1)]
    lines = [(number, line) for number, line in lines if line]
    dropped: list[DroppedLine] = []
    page_title = ""
    if config.line_model and len(lines) > 1:
        from bantin.ingest.lines import classify_lines, looks_like_page_dump

        if looks_like_page_dump([line for _, line in lines]):
            dump = classify_lines(lines)
            page_title = dump.title
            if dump.title_line:
                dropped.append(DroppedLine(dump.title_line, dump.title, PAGE_TITLE))
            dropped.extend(DroppedLine(number, raw, line_noise_reason(raw, config) or f"{PAGE_CHROME}, p={p:.2f}")
                           for number, raw, p in dump.dropped)
            lines = [(number, normalize_text(line)) for number, line in dump.kept if line.strip()]
    outlet_tag = dateline = source = ""
    for _ in range(config.max_passes):
        kept, newly_dropped = _one_pass(lines, title, config)
        kept, tag, place, outlet = _strip_lead_tag(kept)
        kept, tail = _strip_tail_byline(kept, config)
        if tail is not None:
            newly_dropped.append(tail)
        outlet_tag = outlet_tag or tag
        dateline = dateline or place
        source = source or outlet
        dropped.extend(newly_dropped)
        if not newly_dropped and kept == lines:
            break
        lines = kept
    dropped.sort(key=lambda item: item.line)
    return CleanResult(
        kept=tuple(line for _, line in lines), dropped=tuple(dropped), kept_lines=tuple(n for n, _ in lines),
        outlet_tag=outlet_tag, dateline=dateline, source=source, title=page_title,
    )


def clean_article(article: Article, config: CleanConfig = DEFAULT_CONFIG) -> Article:
    """The article with its body cleaned; dropped lines (with reasons) in ``meta["dropped"]``.

    An outlet tag at the start of the lead is removed from the sentence and becomes the
    ``source`` when the article has none; a dropped date line becomes ``published`` when the
    article has none. Line numbers in ``meta["dropped"]`` count lines of ``article.text``.
    Idempotent.
    """
    result = clean_text(article.text, title=article.title, config=config)
    if not result.dropped and result.text == article.text:
        return article
    title = article.title or result.title
    meta = dict(article.meta)
    meta["dropped"] = [*meta.get("dropped", []), *(item.to_dict() for item in result.dropped)]
    if result.outlet_tag:
        meta.setdefault("outlet_tag", result.outlet_tag)
    if result.dateline:
        meta.setdefault("dateline", result.dateline)
    if not result.kept and article.text.strip():
        message = "every line was dropped as noise; the article has no body left"
        meta["warnings"] = [*meta.get("warnings", []), message]
        log.warning("%s: %s", article.id, message)
    source = article.source or result.source or _source_from_credit(result.dropped)
    published = article.published or _date_from_header(result.dropped)
    return article.replace(text=result.text, title=title, source=source, published=published, meta=meta)


def _date_from_header(dropped: tuple[DroppedLine, ...]) -> datetime | None:
    """The publication date from a dropped header date line ("Thứ ba, 15/07/2025 - 06:45")."""
    from bantin.ingest.readers import parse_published

    for item in dropped:
        if item.reason == DATE_LINE or (item.reason.startswith(PAGE_CHROME) and _is_date_line(item.text)):
            return parse_published(item.text)
    return None


clean = clean_article


def line_noise_reason(line: str, config: CleanConfig = DEFAULT_CONFIG) -> str | None:
    """Why one line, on its own, is not body text (None when it may be body).

    Context rules (related-article blocks, bullet runs, trailing bylines) are not applied here.
    """
    line = line.strip()
    if not line:
        return None
    lower = line.lower()
    n_words = len(line.split())
    if not any(ch.isalnum() for ch in line):
        return PUNCTUATION
    if _IMAGE_RE.match(line):
        return IMAGE
    if line.endswith("|") and not line.startswith("|"):
        return CAPTION  # "| a | b |" is a table row (trafilatura writes tables so): body
    if n_words <= config.max_caption_words and _CAPTION_START_RE.match(line) and len(split_sentences(line)) <= 1:
        return CAPTION  # "Ảnh minh họa. (Nguồn: X) Sáng nay..." is body after an inline caption
    if n_words <= config.max_caption_words and _CAPTION_END_RE.search(line) and not _is_sentence(
        _CAPTION_END_RE.sub("", line)
    ):
        return CAPTION
    credit = CREDIT_TAIL_RE.search(line) if n_words <= config.max_caption_words else None
    if (credit and len(line[:credit.start()].split()) >= 4
            and len(split_sentences(line[:credit.start()])) <= config.max_caption_sentences):
        return CAPTION  # "Tổng thống Mỹ Donald Trump. Ảnh: Reuters." ("Tin, ảnh: Mạc Yến" is a byline)
    if n_words <= 8 and _COMMENTS_RE.match(line):
        return COMMENTS
    if _TAGS_RE.match(line):
        return TAGS
    if n_words <= 12 and _is_widget_bar(line):
        return SHARE
    if n_words <= 6 and _RELATED_HEADER_RE.match(line):
        return RELATED_HEADER
    if n_words <= 10 and _MEDIA_PROMPT_RE.match(line):
        return RELATED_HEADER
    if n_words <= config.max_title_words + 4 and _RELATED_LINK_RE.match(line):
        return RELATED
    glued = _RELATED_GLUED_RE.match(line)
    if n_words <= config.max_title_words + 4 and glued and glued.group("first").isupper() and not _is_sentence(line):
        return RELATED
    if n_words <= config.max_title_words + 8 and _is_dated_headline(line, config):
        return RELATED
    if n_words <= config.max_title_words and _LINK_PREFIX_RE.match(line) and not line.endswith(tuple(_FINAL)):
        return RELATED
    if n_words <= 40 and _is_menu(line, config):
        return MENU
    if lower.rstrip(" :>»") in _SECTIONS:
        return SECTION
    if n_words <= 12 and _is_date_line(line):
        return DATE_LINE
    return None


# --------------------------------------------------------------------------- rules


def _one_pass(
    lines: list[tuple[int, str]], title: str, config: CleanConfig
) -> tuple[list[tuple[int, str]], list[DroppedLine]]:
    reasons: list[str | None] = [line_noise_reason(line, config) for _, line in lines]
    if title and lines and reasons[0] is None and _same_text(lines[0][1], title):
        reasons[0] = REPEATED_TITLE
    _mark_related_blocks(lines, reasons, config)
    _mark_bullet_runs(lines, reasons, config)
    _mark_trailing_bylines(lines, reasons, config)
    kept = [item for item, reason in zip(lines, reasons) if reason is None]
    dropped = [DroppedLine(n, line, reason) for (n, line), reason in zip(lines, reasons) if reason is not None]
    kept = [_cut_inline_captions(number, line, dropped, config) for number, line in kept]
    kept = [_cut_glued_fragments(number, line, dropped, config) for number, line in kept]
    return [(number, line) for number, line in kept if line], dropped


def _cut_glued_fragments(
    number: int, line: str, dropped: list[DroppedLine], config: CleanConfig
) -> tuple[int, str]:
    """Cut a heading, caption or byline run into the front of a sentence (paragraphs merged into one
    line: VMDS bodies, AbMuSu raw_text): "Ca mắc Covid-19 tăng vọt Tại Singapore, ..." keeps "Tại
    Singapore, ...". The front is :func:`bantin.text.checks.glued_fragment`; it is cut only when it is
    short (``max_glued_words``), is not a sentence itself, and leaves a sentence with no further glue
    (so a second pass cuts nothing: idempotent). Otherwise the line stays and the summarizer skips
    the sentence (``is_non_sentence`` -> "glued").
    """
    from bantin.text.checks import glued_fragment

    if len(line.split()) < config.min_glued_rest_words + 2:
        return number, line
    cuts = []
    position = 0
    previous: tuple[int, str] | None = None  # the sentence before, where a credit's caption is
    for sentence in split_sentences(line):
        start = line.find(sentence, position)
        if start < 0:
            continue
        position = start + len(sentence)
        before, previous = previous, (start, sentence)
        credit = _leading_credit(sentence)
        if credit:
            if before and len(before[1].split()) <= config.max_inline_caption_words and before[1][:1].isupper() \
                    and not any(c[0] == before[0] for c in cuts):
                cuts.append((before[0], before[0] + len(before[1]), before[1], INLINE_CAPTION))  # its caption
            cuts.append((start, start + credit, sentence[:credit].strip(), INLINE_CAPTION))
            continue
        fragment = glued_fragment(sentence)
        if not fragment or len(fragment.split()) > config.max_glued_words or not _cuttable_front(fragment):
            continue
        words = list(re.finditer(r"\S+", sentence))
        cut_at = words[len(fragment.split())].start()
        rest = sentence[cut_at:]
        if len(rest.split()) < config.min_glued_rest_words or glued_fragment(rest):
            continue
        cuts.append((start, start + cut_at, sentence[:cut_at].strip(), GLUED))
    if not cuts:
        return number, line
    out, last = [], 0
    for begin, end, text, reason in cuts:
        out.append(line[last:begin])
        dropped.append(DroppedLine(number, text, reason))
        last = end
    out.append(line[last:])
    return number, re.sub(r" {2,}", " ", "".join(out)).strip()


def _cut_inline_captions(
    number: int, line: str, dropped: list[DroppedLine], config: CleanConfig
) -> tuple[int, str]:
    """Remove photo captions run into a paragraph: "... một tháng. Biểu tình tại Campuchia (Ảnh: X) Tại ...".

    The caption is the short run of words between the previous sentence end (or the line start)
    and the "(Ảnh: ...)" credit, and the text after the credit must start a new sentence.
    VMDS bodies, one line each, carry 60 such captions.
    """
    if "(" not in line and "Ảnh" not in line and "ảnh" not in line:
        return number, line
    pieces = _dash_captions(line, config)
    for match in _INLINE_CAPTION_RE.finditer(line):
        caption = match.group("caption").strip()
        if len(caption.split()) > config.max_inline_caption_words or (caption and not caption[0].isupper()):
            continue
        after = line[match.end():].lstrip(" \"“(")
        if after and not after[0].isupper():
            continue
        pieces.append((match.start("caption"), match.end("credit"), f"{caption} {match.group('credit')}".strip()))
    if not pieces:
        return number, line
    out, last = [], 0
    for start, end, text in sorted(pieces):
        if start < last:
            continue  # overlaps a caption already cut
        out.append(line[last:start])
        dropped.append(DroppedLine(number, text, INLINE_CAPTION))
        last = end
    out.append(line[last:])
    return number, re.sub(r" {2,}", " ", "".join(out)).strip()


_CREDIT_FRONT_RE = re.compile(r"^[Ảả]nh\s*:\s*")


def _leading_credit(sentence: str) -> int:
    """Length of a photo credit opening the sentence and run into the next one ("Ảnh: VGP/Nhật Bắc
    Thủ tướng Nguyễn Tấn Dũng gửi tới ..."), else 0. The credit is one to five words; it ends after
    a word with a final period ("Ảnh: KB."), before a learned sentence-start word ("Ông", "Theo"), or
    before the first capitalised word followed by a lowercase word or a number -- a sentence's start
    ("Thủ tướng", "Sáng 21/10"), not a name part."""
    match = _CREDIT_FRONT_RE.match(sentence)
    if not match:
        return 0
    tokens = list(re.finditer(r"\S+", sentence[match.end():]))
    if 0 < len(tokens) <= 5 and all(t.group()[:1].isupper() or t.group() in "-–/&" for t in tokens):
        return len(sentence)  # "Ảnh: KB." on its own
    from bantin.text.checks import start_words

    for k in range(min(6, len(tokens) - 1)):
        word = tokens[k].group()
        if k and word in start_words():
            return match.end() + tokens[k].start()  # "Ảnh: VOV Ông Bùi Sỹ Lợi cho biết ..."
        if k and word[:1].isupper() and word.isalpha() and tokens[k + 1].group()[:1].islower() | tokens[k + 1].group()[:1].isdigit():
            return match.end() + tokens[k].start()
        if word.endswith(".") and len(tokens) > k + 1 and tokens[k + 1].group()[:1].isupper():
            return match.end() + tokens[k].end()
        if not (word[:1].isupper() or word[:1].isdigit() or word in "-–/&"):
            return 0  # "Ảnh: chụp lại ..." is not a credit of names
    return 0


# Words a heading, caption or byline never ends with: the front stops mid-phrase, so the "start
# word" after it belongs to the sentence ("... hiện Ông già gân vẫn ...", "... trong Về nhà đi con").
_MID_PHRASE_END = frozenset(
    "của trong với và cho hiện là thì ở tại từ về đến các những một như theo bởi do vì khi mà nhưng hay hoặc".split()
)


def _cuttable_front(fragment: str) -> bool:
    """A glued front that can go without taking part of the sentence with it: it starts like a
    heading, caption or byline (capital or digit, not a learned sentence-start word: "Sau hình ảnh
    ... trong" is the sentence's own start), is not a sentence, does not end mid-phrase, and holds no
    clause after a comma ("..., cô theo học ngành"); a colon only in a photo credit."""
    from bantin.text.checks import start_words

    words = fragment.split()
    first = fragment.lstrip("\"“'(")[:1]
    return (
        (first.isupper() or first.isdigit())
        and words[0] not in start_words()
        and not _is_sentence(fragment)
        and words[-1].lower() not in _MID_PHRASE_END
        and not re.search(r",\s+(?!và\b)[a-zđà-ỹ]+\s+[a-zđà-ỹ]+\s+[a-zđà-ỹ]+", fragment)
        and (":" not in fragment or bool(re.search(r"[Ảả]nh\s*:", fragment)))
    )


def _dash_captions(line: str, config: CleanConfig) -> list[tuple[int, str, str]]:
    """Captions with a dash credit run into a paragraph: "... khán đài - Ảnh: Trương Hải Tùng Phút 33, ...".

    The credit's end is not marked, so it is cut only when it is one to four capitalized words
    followed by a word that usually starts a sentence ("Theo", "Trong", "Phút", ...), an opening
    quote, or when its last word ends with a period ("P.V."); otherwise the line stays whole.
    """
    pieces = []
    for match in _DASH_CAPTION_RE.finditer(line):
        caption = match.group("caption").strip()
        if not caption or not caption[0].isupper() or len(caption.split()) > config.max_inline_caption_words:
            continue
        tokens = list(re.finditer(r"\S+", line[match.end():]))
        for count in range(1, min(5, len(tokens))):
            credit = [t.group() for t in tokens[:count]]
            if not all(word[0].isupper() or word[0].isdigit() for word in credit):
                break
            following = tokens[count].group()
            if credit[-1].endswith(".") or following[0] in "“\"" or following in SENTENCE_STARTERS:
                end = match.end() + tokens[count - 1].end()
                pieces.append((match.start("caption"), end, line[match.start("caption"):end].strip()))
                break
    return pieces


def _mark_related_blocks(lines: list[tuple[int, str]], reasons: list[str | None], config: CleanConfig) -> None:
    """After a "Tin liên quan" header, the following headline-like lines are related articles."""
    in_block = False
    for index, (_, line) in enumerate(lines):
        if reasons[index] == RELATED_HEADER:
            in_block = True
            continue
        if not in_block:
            continue
        if reasons[index] is not None:
            continue  # other noise inside the block (a date line, a caption) keeps it open
        if _is_byline(line, config):
            reasons[index] = BYLINE
        elif _is_headline(_BULLET_RE.sub("", line), config):
            reasons[index] = RELATED
        else:
            in_block = False


def _mark_bullet_runs(lines: list[tuple[int, str]], reasons: list[str | None], config: CleanConfig) -> None:
    """Runs of bulleted headline-like lines (no final punctuation) are lists of other articles.

    A run introduced by a line ending in ":" is a list the text announces ("Các biện pháp
    gồm:"), so it stays. Lines already dropped for another reason neither join nor break a run,
    so the result does not change when they are gone (idempotence).
    """
    run: list[int] = []
    introduced = False  # the body line before the run ends with ":"

    def flush(at_tail: bool = False) -> None:
        if not introduced and len(run) >= (config.min_tail_bullet_run if at_tail else config.min_bullet_run):
            for member in run:
                reasons[member] = BULLET_HEADLINES
        run.clear()

    previous = ""
    for index, (_, line) in enumerate(lines):
        if reasons[index] is not None:
            continue
        if _is_bullet_headline(line, config):
            if not run:
                introduced = previous.endswith(":")
            run.append(index)
        else:
            flush()
        previous = line
    flush(at_tail=True)


def _mark_trailing_bylines(lines: list[tuple[int, str]], reasons: list[str | None], config: CleanConfig) -> None:
    """Drop bylines at the end ("Theo VnExpress", "Nguyễn Văn A (TTXVN)", "PV"), keeping one line at least."""
    kept = [index for index, reason in enumerate(reasons) if reason is None]
    while len(kept) > 1 and _is_byline(lines[kept[-1]][1], config):
        reasons[kept.pop()] = BYLINE


# "Theo Tuổi Trẻ", "(Theo TTXVN/Vietnam+)", "Nguồn: VnExpress", "Theo báo Lao Động."
_CREDIT_SOURCE_RE = re.compile(
    r"^\(?\s*(?:theo|nguồn)\s*:?\s+(?:(?:báo|trang|tạp chí|hãng tin|đài)\s+)?"
    r"(?P<outlet>[^()\n]{1,40}?)\s*\)?\s*\.?$",
    re.IGNORECASE,
)


def _source_from_credit(dropped: Sequence[DroppedLine]) -> str:
    """The outlet named by a dropped "Theo X" / "Nguồn: X" credit line ('' when there is none).

    The last such line wins: credits close an article. Only short names starting with a capital
    or a digit count ("Theo quy định mới" is not a credit and is never dropped as one anyway)."""
    for item in reversed(dropped):
        if item.reason not in (BYLINE, BYLINE_TAIL):
            continue
        match = _CREDIT_SOURCE_RE.match(item.text.strip())
        outlet = match.group("outlet").strip() if match else ""
        if outlet[:1].isupper() or outlet[:1].isdigit():
            return outlet
    return ""


def _strip_tail_byline(
    lines: list[tuple[int, str]], config: CleanConfig
) -> tuple[list[tuple[int, str]], DroppedLine | None]:
    """Cut a byline glued after the last sentence of the last line: "... năm tới. NGUYỆT PHƯƠNG".

    VMDS bodies are one line each, so their bylines and credits end the line instead of
    following on a line of their own (366 of 628 documents).
    """
    if not lines:
        return lines, None
    number, last = lines[-1]
    if len(last.split()) < config.min_body_words_before_tail:
        return lines, None
    # The sentence splitter knows abbreviations and initials ("TP. HCM", "V.I. Lê-nin").
    sentences = split_sentences(last)
    tail = sentences[-1] if len(sentences) > 1 else ""
    if not tail or not last.endswith(tail) or len(tail) > 80 or _is_sentence(tail):
        return lines, None
    body = last[: len(last) - len(tail)].rstrip()
    if len(body.split()) < config.min_body_words_before_tail:
        return lines, None
    if tail[:1] in "-–—":
        return lines, None  # '..." - NSND Đặng Hùng' attributes a quote (AbMuSu): body
    if not (_is_byline(tail, config) or _CAPTION_START_RE.match(tail)):
        return lines, None
    return [*lines[:-1], (number, body)], DroppedLine(number, tail, BYLINE_TAIL)


def _strip_lead_tag(lines: list[tuple[int, str]]) -> tuple[list[tuple[int, str]], str, str, str]:
    """Remove an outlet tag or dateline from the first line, and from the second (the body after a
    sapo: "QĐND - Ngày 9-11, ...", "(HNMO) – Sáng 23/10, ..."): (lines, tag, dateline, outlet) of the
    first tag found."""
    lines = list(lines)
    found = ("", "", "")
    for index in range(min(2, len(lines))):
        number, line = lines[index]
        tag, rest = _split_lead_tag(line)
        if not tag:
            continue
        lines[index] = (number, rest)
        if not found[0]:
            found = (tag, tag, "") if _is_place(tag) else (tag, "", tag)
    return (lines, *found)


def _split_lead_tag(line: str) -> tuple[str, str]:
    match = _PAREN_TAG_RE.match(line)
    if match:
        tag = match.group("tag").strip()
        rest = line[match.end():].strip()
        if (
            any(ch.isalpha() for ch in tag)
            and not re.match(r"(ảnh|theo|nguồn|video|clip)\b", tag, re.IGNORECASE)
            and not re.search(r"\d{1,2}/\d{1,2}", tag)
            and any(ch.isalnum() for ch in rest)
        ):
            return tag, rest
    match = _BARE_PAREN_TAG_RE.match(line)
    if match:
        tag = match.group("tag").strip()
        rest = line[match.end():].strip()
        # "(TNO) Ngày 22.10, ...", "(iHay) Xuất hiện ...": every word of the tag has a capital
        # (an outlet's name), unlike a parenthesised remark ("(Tiếp theo) ...").
        if (all(any(ch.isupper() for ch in word) for word in tag.split()) and rest[:1].isupper()
                and not re.match(r"(ảnh|theo|nguồn|video|clip)\b", tag, re.IGNORECASE)):
            return tag, rest
    match = _CAPS_TAG_RE.match(line)
    if match:
        tag = match.group("tag").strip()
        rest = line[match.end():].strip()
        if tag.isupper() and rest[:1].isupper() and not all(w.isupper() for w in rest.split()[:3]) and (
            tag in KNOWN_OUTLET_TAGS or _is_place(tag) or _unknown_outlet_tag(tag, rest)
        ):
            return tag, rest
    return "", line


def _unknown_outlet_tag(tag: str, rest: str) -> bool:
    """A short all-caps word before a lead that opens like a sentence ("PNO - Khoảng 3 giờ 30 ngày
    1/11, ...", "TT - Sáng 1-11, ...", "SGTT.VN - Theo tin từ ..."); "ASEAN - Trung Quốc tăng
    cường ..." names two parties and stays."""
    first = rest.split()[0] if rest.split() else ""
    return (" " not in tag and len(tag) <= 8 and len(rest.split()) >= 8
            and (first in SENTENCE_STARTERS or first in _TIME_STARTERS))


# Time words a lead opens with; "Sáng" and "Năm" are names too, so they are not SENTENCE_STARTERS.
_TIME_STARTERS = frozenset("Sáng Chiều Tối Trưa Đêm Rạng Ngày Hôm Khoảng Tuần Từ Năm Cuối Đầu Giữa".split())


def _is_place(tag: str) -> bool:
    """An all-caps dateline ("HÀ NỘI", "ĐÀ NẴNG", "TP.HCM"), not an outlet abbreviation."""
    if tag.upper() in KNOWN_PLACE_TAGS:
        return True
    has_marks = any(unicodedata.decomposition(ch) for ch in tag if ch.isalpha())
    return tag.isupper() and (has_marks or " " in tag) and tag.upper() not in KNOWN_OUTLET_TAGS


# --------------------------------------------------------------------------- line shapes


def _is_sentence(text: str) -> bool:
    """Text that reads as a full sentence: ends with sentence punctuation."""
    return text.rstrip().endswith((".", "!", "?", "…", ".\"", ".”"))


def _is_headline(line: str, config: CleanConfig) -> bool:
    words = line.split()
    return (
        1 <= len(words) <= config.max_title_words
        and not line.endswith(tuple(_FINAL))
        and any(ch.isalpha() for ch in line)
    ) or _is_dated_headline(line, config)


def _is_bullet_headline(line: str, config: CleanConfig) -> bool:
    match = _BULLET_RE.match(line)
    if not match or match.end() == 0:
        return False
    rest = line[match.end():]
    return (
        bool(rest)
        and rest[0].isupper()
        and len(rest.split()) >= config.min_bullet_headline_words
        and _is_headline(rest, config)
        and ":" not in rest
    )


def _is_dated_headline(line: str, config: CleanConfig) -> bool:
    """A headline followed by its date, as related-article lists print them."""
    # The head has at most max_title_words words and the date part a few more; checking that first
    # keeps the regex (quadratic on a long line) off paragraphs of body text.
    if len(line.split()) > config.max_title_words + _DATE_TAIL_WORDS:
        return False
    match = _DATED_HEADLINE_RE.match(line)
    if not match:
        return False
    head = _BULLET_RE.sub("", match.group("head")).strip().strip("\"“”'‘’")
    return (
        bool(head)
        and head[0].isupper()
        and len(head.split()) <= config.max_title_words
        and not _is_sentence(head)
    )


def _is_widget_bar(line: str) -> bool:
    rest = _WIDGET_RE.sub(" ", line)
    return not rest.strip() and any(ch.isalpha() for ch in line)


def _is_menu(line: str, config: CleanConfig) -> bool:
    if line.endswith(tuple(".!?…\"”")):
        return False
    segments = [s.strip() for s in _MENU_SEPARATORS_RE.split(line) if s.strip()]
    if len(segments) < 2:
        return False
    if any(len(s.split()) > config.max_menu_segment_words for s in segments):
        return False
    if any(s.lower() in _SECTIONS for s in segments) and len(segments) >= 2:
        return True
    strong = bool(_STRONG_MENU_SEP_RE.search(line))
    pipes = line.count("|")
    # Breadcrumbs use > or »; pipe/bullet/slash menus need three or more short segments,
    # each starting with a capital letter, since "A/B" and "A - B" occur in body text.
    if strong:
        # "Trang chủ > Thời sự" (one separator, a section name: handled above) or a chain of
        # two or more: "Xã hội > Giao thông > Hà Nội". "Trẻ lớn > 6 tuổi" is body (AbMuSu).
        return len(_STRONG_MENU_SEP_RE.findall(line)) >= 2 and all(s[:1].isupper() for s in segments)
    return (pipes >= 2 or line.count("•") >= 2 or line.count("·") >= 2) and len(segments) >= 3 and all(
        s[:1].isupper() for s in segments
    )


def _is_date_line(line: str) -> bool:
    """A line that is only a date/time header: "Thứ sáu, 20/05/2016 - 06:33", "20/05/2016 09:03 GMT+7"."""
    if not re.search(r"\d", line):
        return False
    if not re.search(r"\d{1,2}[/.\-]\d{1,2}([/.\-]\d{2,4})?|\d{1,2}\s+tháng\s+\d{1,2}|\d{4}-\d{2}-\d{2}", line,
                     re.IGNORECASE):
        return False
    rest = _DATE_WORDS_RE.sub(" ", line)
    return not rest.strip()


def _is_byline(line: str, config: CleanConfig) -> bool:
    words = line.split()
    if not words or len(words) > config.max_byline_words:
        return False
    stripped = line.strip("()[] ")
    if _BYLINE_THEO_RE.match(line) or _BYLINE_COMPILED_RE.match(line):
        return True
    match = _BYLINE_REPORTER_RE.match(stripped) or _BYLINE_CREDIT_RE.match(stripped)
    if match:
        rest = match.group("rest").strip()
        return not rest or _is_name(rest)
    if line.endswith((".", "!", "?", "…", ":", ";", ",")) and not line.endswith(("./.", ".)")):
        return False
    return _is_name(line)


def _is_name(line: str) -> bool:
    """Capitalized name words, optionally "/Outlet" or "(Outlet)" after them.

    "Nguyễn Văn A (TTXVN)", "Đỗ Tuấn Anh/VOV-Phnom Penh", "NGUYỆT PHƯƠNG", "Minh Anh - Hoàng Nam".
    """
    core = _OUTLET_IN_PARENS_RE.sub("", line).strip()
    core = re.split(r"\s*/\s*", core)[0]
    name_words = [w for w in re.split(r"[\s\-–,&]+", core) if w and w not in ("và",)]
    if not name_words or len(name_words) > 7:
        return False
    return all(_is_name_word(w) for w in name_words)


def _is_name_word(word: str) -> bool:
    """A capitalized name part: "Nguyễn", "HUY", "A", or initials "V.Dũng", "N.V", "L.Y"."""
    parts = [part for part in word.strip(".").split(".")]
    return bool(parts) and all(
        part and part[0].isupper() and part.isalpha() and (part.isupper() or part[1:].islower())
        for part in parts
    )


def _same_text(a: str, b: str) -> bool:
    def key(s: str) -> str:
        return " ".join(re.sub(r"[^\w\s]", " ", normalize_text(s).lower()).split())

    return key(a) == key(b)
