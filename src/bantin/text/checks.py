"""Checks that tell whether a sentence can stand alone in a brief. Plain functions, no model.

API (all take one sentence or line, NFC text; none mutates anything):

* :func:`dependent_opener` ``(sentence) -> (opener, droppable) | None`` -- the sentence points at
  what came before it: a connective or reference opener learned from the corpora
  (``data/openers.json``, made by ``python -m bantin.text.learn_openers``), a bare personal title
  used as a pronoun ("Ông cho biết"), a demonstrative noun phrase near the start ("công ty trên",
  "vụ việc này", "người đàn ông đó"), or first-person speech outside quotes ("Tôi", "chúng tôi").
  ``droppable`` is True only for purely discursive openers followed by a comma ("Cụ thể,",
  "Trong khi đó,"): removing them keeps every fact.
* :func:`drop_discursive_opener` ``(sentence) -> str`` -- the sentence without its droppable
  opener (next letter capitalized), or unchanged. Check :func:`dependent_opener` again on the
  result: "Theo đó, công ty này ..." still depends on its predecessor after the drop.
* :func:`quote_without_speaker` ``(sentence) -> str | None`` -- the first quoted span (5+
  syllables: speech, not a quoted term) in a sentence with no speaker or attribution (nói, cho
  biết, khẳng định, theo X, ...), else None.
* :func:`relative_times` ``(sentence) -> list[RelativeTime]`` -- "hôm qua", "sáng nay", "tuần
  trước", "năm ngoái", weekdays..., not already followed by a date; each with its unit
  (day/week/month/year) and, where it has one, the day/year offset from publication.
* :func:`anchor_relative` ``(sentence, published) -> str`` -- the sentence with each anchorable
  relative time followed by its date from the publication date in Vietnam time:
  "hôm qua" -> "hôm qua (2/11)", "năm ngoái" -> "năm ngoái (2024)". Weeks and months are left as
  is, and so are times inside quotes (``RelativeTime.quoted``: a speaker's words or a title such
  as the song "Cô gái đến từ hôm qua" are never edited).
* :func:`is_non_sentence` ``(line) -> str | None`` -- why the line is not a sentence a brief can
  use: ``"markup"`` (HTML tag, Markdown link/image, table cells), ``"caption"`` ("Ảnh:",
  "(Ảnh: ...)", "Ảnh minh họa"), ``"prompt"`` ("Mời bạn đọc xem", "Xem thêm", "Ý kiến bạn đọc"),
  ``"menu"`` (short runs of names split by "|", ">", "»"), ``"credit"`` (an author or source
  line), ``"heading"`` (no sentence-final punctuation), ``"glued"`` (a heading or caption run into
  the sentence: :func:`glued_fragment`), ``"link"`` (a related link or series menu: ">> ...",
  "[...]", "Bài 1: ..."); None for a real sentence.
* :func:`syllables` ``(sentence) -> int`` -- syllable count (the budget unit);
  :data:`LONG_SENTENCE` = 60: over it a reader struggles to take the sentence in.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Iterator, Sequence

from bantin.text.segment import count_syllables

LONG_SENTENCE = 60  # syllables; issue 9: 39-49% of summaries carried a sentence over this

OPENERS_FILE = Path(__file__).resolve().parents[1] / "data" / "openers.json"


# --- dependent openers --------------------------------------------------------------------------

@lru_cache(maxsize=1)
def learned_openers() -> dict[str, bool]:
    """Learned opener -> droppable, from ``data/openers.json``."""
    table = json.loads(OPENERS_FILE.read_text(encoding="utf-8"))
    return {row["opener"]: bool(row["droppable"]) for row in table["openers"]}


# Openers the counts cannot list (too few uses for the binomial test, or an article opens with them
# now and then: "Theo đó" opens 14 of 175 uses, mostly bodies right after a sapo) but that point
# back just as surely; issue 9's read found "Sự việc", "Một là", "Ngay sau đó" in briefs.
EXTRA_OPENERS = {
    "một là": False, "hai là": False, "ba là": False, "thứ nhất": False, "thứ hai": False, "thứ ba": False,
    "ngay sau đó": False, "sự việc": False, "vụ việc": False, "theo đó": True, "trước đó": False,
    "khi đó": False, "lúc đó": False, "lúc này": False, "nó": False, "việc này": False, "chuyện này": False,
    "như vậy": True, "hơn nữa": True, "dù vậy": True, "do vậy": True, "được biết": True, "đáng chú ý": True,
    "cùng ngày": False, "tại đây": False, "từ đó": True, "qua đó": True, "nhờ đó": True,
}

_LEADING = re.compile(r"^[\W_]+")
_TOKEN_END = ",;:.!?…\"”’)"
# "Ông cho biết", "Bà nói": a bare personal title used as a pronoun (no capitalized name follows).
_BARE_TITLE = re.compile(r"^(?:Ông|Bà|Anh|Chị|Cô|Em|Cậu|Bé|Lão|Cụ)\s+(?=(?:ta|ấy|này|đã|đang|sẽ|cũng|vẫn|còn|không|chưa|nói|cho|kể|khẳng|chia|nhấn|thừa|là|có|được|bị|từng|liền|lập|bèn|rất|chỉ|mới)\b)")
# Demonstrative noun phrase among the first words: "Công ty trên", "vụ việc này", "người đàn ông đó".
_DEMONSTRATIVE = re.compile(
    r"^(?:[^\W\d_]+\s+){1,4}?(?P<dem>này|ấy|đó|nói trên|kể trên|nêu trên|trên)(?=[\s,.;:!?]|$)"
)
# After "trên", only a verb, an auxiliary or punctuation makes it a demonstrative ("công ty trên đã"),
# not a preposition ("trên địa bàn", "trên cả nước").
_AFTER_TREN = re.compile(
    r"^(?:[,.;:!?]|$|\s+(?:đã|đang|sẽ|được|bị|là|có|cho|không|chưa|vẫn|cũng|còn|đều|này|thì|mới|từng|"
    r"gồm|nằm|xảy|diễn|dẫn|khiến|làm|phải|cần|nên|vừa)\b)"
)
_QUOTE_SPANS = re.compile(r"“[^”]*(?:”|$)|\"[^\"]*(?:\"|$)|«[^»]*(?:»|$)|‘[^’]*(?:’|$)")
_FIRST_PERSON = re.compile(r"(?<![\w])(?:chúng tôi|chúng tao|chúng mình|tôi(?! luyện)|tui|tớ)(?![\w])", re.I)


def _words(sentence: str, n: int) -> list[str]:
    return _LEADING.sub("", sentence).split()[:n]


def _learned_match(sentence: str) -> tuple[str, bool] | None:
    table = {**EXTRA_OPENERS, **learned_openers()}
    tokens = _words(sentence, 3)
    words: list[str] = []
    best = None
    for index, token in enumerate(tokens):
        word = token.rstrip(_TOKEN_END)
        if not word or (index > 0 and word[:1].isupper()):
            break
        words.append(word.lower())
        gram = " ".join(words)
        if gram in table:  # the longest listed opener decides ("bên cạnh đó," over "bên cạnh")
            best = (gram, table[gram] and token.endswith(","))
        if word != token:
            break
    return best


def _quoted_ranges(sentence: str) -> list[tuple[int, int]]:
    """Character ranges inside quotes; a closing quote with no opening one quotes from the start."""
    ranges, offset = [], 0
    if sentence.count('"') % 2 and not sentence.lstrip().startswith('"'):
        offset = sentence.index('"') + 1  # an odd straight quote after text closes a quote begun before
        ranges.append((0, offset))
    ranges += [(a + offset, b + offset) for a, b in (m.span() for m in _QUOTE_SPANS.finditer(sentence[offset:]))]
    close = max(sentence.rfind("”"), sentence.rfind("»"))
    if close >= 0 and not any(a <= close < b for a, b in ranges):
        ranges.append((0, close + 1))
    return ranges


def _outside_quotes(sentence: str) -> str:
    out = list(sentence)
    for a, b in _quoted_ranges(sentence):
        out[a:b] = " " * (b - a)
    return "".join(out)


def _after_attributed_colon(sentence: str, position: int) -> bool:
    """True when ``position`` follows "<speaker> <verb>:" (unquoted speech: "ông A bày tỏ: Chúng tôi cần ...")."""
    colon = sentence.rfind(":", 0, position)
    return colon >= 0 and bool(_ATTRIBUTION_RE.search(sentence[:colon]))


def dependent_opener(sentence: str) -> tuple[str, bool] | None:
    """The opener that makes the sentence depend on its predecessor, and whether it can be dropped."""
    stripped = _LEADING.sub("", sentence)
    if not stripped:
        return None
    found = _learned_match(stripped)
    if found and not (_FIRST_PERSON.fullmatch(found[0]) and _QUOTE_SPANS.match(sentence.lstrip())):
        return found  # "“Tôi sẽ kháng cáo”, ông A nói": first person inside a quote is the speaker's
    title = _BARE_TITLE.match(stripped)
    if title:
        return title.group(0).strip().lower(), False
    head = " ".join(_outside_quotes(stripped).split()[:8])
    demo = _DEMONSTRATIVE.match(head)
    if demo and (demo.group("dem") != "trên" or _AFTER_TREN.match(head[demo.end():])):
        return demo.group(0).strip().lower(), False
    outside = _outside_quotes(sentence)
    for person in _FIRST_PERSON.finditer(outside):
        if not _after_attributed_colon(outside, person.start()):
            return person.group(0).lower(), False
    return None


def drop_discursive_opener(sentence: str) -> str:
    """The sentence without a droppable opener ("Cụ thể, giá xăng ..." -> "Giá xăng ..."), else as is."""
    found = dependent_opener(sentence)
    if not found or not found[1]:
        return sentence
    opener = found[0]
    match = re.match(r"^[\W_]*" + r"\s+".join(map(re.escape, opener.split())) + r"\s*,\s*", sentence, re.I)
    if not match:
        return sentence
    rest = sentence[match.end():]
    return rest[:1].upper() + rest[1:] if rest else sentence


# --- quotes -------------------------------------------------------------------------------------

ATTRIBUTION = (
    "nói", "cho biết", "khẳng định", "chia sẻ", "viết", "nhấn mạnh", "tuyên bố", "cho rằng", "kể",
    "trả lời", "phát biểu", "bày tỏ", "thừa nhận", "giải thích", "nhận định", "đánh giá", "nêu rõ",
    "khai", "thông báo", "tiết lộ", "lưu ý", "kêu gọi", "cảnh báo", "yêu cầu", "đề nghị", "hỏi",
    "nhắn", "bình luận", "dẫn lời", "trích lời", "phát ngôn", "nhận xét", "thông tin", "trần tình",
    "tâm sự", "bộc bạch", "than", "hứa", "cam kết", "chỉ đạo", "kết luận", "gọi", "ghi", "nội dung",
    "dòng chữ", "khẩu hiệu", "tiêu đề", "mệnh danh", "biệt danh", "đăng", "trích", "dẫn", "nhắc",
    "đáp", "thốt", "lên tiếng", "chỉ ra", "nhắc nhở", "khuyến cáo", "đề xuất", "kiến nghị", "phản hồi",
    "khởi tố", "tố cáo", "tuyên án", "xác nhận", "nêu", "khai nhận", "phân tích", "ví", "gọi là",
    "quy định", "đưa tin", "cho hay", "ghi nhận", "tâm niệm", "chúc", "hô", "khuyên", "động viên",
)
_ATTRIBUTION_RE = re.compile(
    r"(?<![\w])(?:" + "|".join(sorted(map(re.escape, ATTRIBUTION), key=len, reverse=True)) + r")(?![\w])"
    r"|(?<![\w])theo\s+(?!đó\b|thời\b|quy\b|kế\b|lịch\b|hướng\b)\w", re.I,
)
MIN_QUOTE_SYLLABLES = 5  # shorter quoted spans are terms or names ("siêu lừa"), not speech


_DATELINE = re.compile(r"^\s*(?:\([^()]{1,40}\)|[A-ZĐ][\w&.+ ]{0,24}?)\s*[-–—]\s+")


def _speech_spans(sentence: str) -> list[str]:
    """Quoted spans that are someone's words: a quote opening the sentence or following a colon.

    A quote inside the running text ("tổ chức Hội thảo “Báo chí với ...”", "bị sa thải vì tình nghi
    “vi phạm kỷ luật”") names or cites a phrase; the sentence's own verb carries it.
    """
    body = _DATELINE.sub("", sentence, count=1)
    spans = []
    for match in _QUOTE_SPANS.finditer(body):
        before = body[: match.start()].rstrip(" -–—")
        if not before or before.endswith(":"):
            spans.append(match.group(0))
    # a closing quote with no opening one: the sentence continues a quote begun before it
    if not _QUOTE_SPANS.search(body) and re.search(r"[”»]", body):
        spans.append(body[: max(body.rfind("”"), body.rfind("»")) + 1])
    return [s for s in spans if count_syllables(s) >= MIN_QUOTE_SYLLABLES]


def quote_without_speaker(sentence: str) -> str | None:
    """The first quoted speech (5+ syllables) when the sentence names no speaker, else None."""
    speech = _speech_spans(sentence)
    if not speech:
        return None
    outside = _outside_quotes(sentence)
    if _ATTRIBUTION_RE.search(outside):
        return None
    # "Dược sĩ ĐINH THỊ DIỄM PHƯƠNG, Quản lý Khoa Dược ...: “...”": a named speaker before the colon
    intro = _DATELINE.sub("", sentence, count=1).split(":", 1)[0] if ":" in sentence else ""
    if re.search(r"\s[A-ZĐÀ-Ỹ][^\s]*\s+[A-ZĐÀ-Ỹ]", intro):
        return None
    return speech[0]


# --- relative times -----------------------------------------------------------------------------

@dataclass(frozen=True)
class RelativeTime:
    """A relative time expression: its text, place, unit and offset from publication."""

    text: str
    start: int
    end: int
    unit: str  # "day", "week", "month" or "year"
    offset: int | None  # days (unit day) or years (unit year) from the publication date; None: unknown
    weekday: int | None = None  # 0 = Monday ... 6 = Sunday, for weekday names
    quoted: bool = False  # inside quotes: someone's words (or a title: "Cô gái đến từ hôm qua"), never anchored


_PARTS = r"(?:sáng|trưa|chiều|tối|đêm|rạng sáng|khuya)"
_DAY_EXPRESSIONS = (
    (r"hôm qua|ngày hôm qua|" + _PARTS + r" hôm qua|" + _PARTS + r" qua", -1),
    (r"hôm kia", -2),
    (r"hôm nay|ngày hôm nay|" + _PARTS + r" hôm nay|" + _PARTS + r" nay", 0),
    (r"ngày mai|" + _PARTS + r" mai|mai", 1),
    (r"ngày kia", 2),
)
_PERIODS = (
    (r"(?:cuối |đầu |giữa )?tuần (?:trước|qua|này|sau|tới)", "week"),
    (r"(?:cuối |đầu |giữa )?tháng (?:trước|này|sau|tới)", "month"),
    (r"năm ngoái|năm trước|năm nay|năm sau|năm tới", "year"),
)
_YEAR_OFFSETS = {"năm ngoái": -1, "năm trước": -1, "năm nay": 0, "năm sau": 1, "năm tới": 1}
WEEKDAYS = {"hai": 0, "ba": 1, "tư": 2, "năm": 3, "sáu": 4, "bảy": 5}
# A weekday is a time only after a time word or when capitalized ("thứ Hai"); "lần thứ hai" is an ordinal.
_WEEKDAY = re.compile(
    r"(?<![\w])(?:(?:vào|hôm|ngày|sáng|trưa|chiều|tối|đêm|từ|đến|tới|cuối|đầu|hạn)\s+(?P<lower>thứ (?:hai|ba|tư|năm|sáu|bảy))"
    r"|(?P<upper>[Tt]hứ (?:Hai|Ba|Tư|Năm|Sáu|Bảy))|(?P<sunday>[Cc]hủ [Nn]hật))"
    r"(?P<week> tuần (?:trước|qua|này|sau|tới))?(?![\w])"
)
# Already anchored: a date follows ("hôm qua (2/11)", "thứ Hai, 2/11", "sáng nay 3-11", "năm ngoái (2024)").
_ANCHORED = re.compile(r"^\s*(?:\(|,)?\s*(?:ngày\s+)?\d{1,4}(?:[/-]\d{1,2})?")
_DAY_RE = re.compile(
    r"(?<![\w])(?:" + "|".join(f"(?P<d{k}>{p})" for k, (p, _) in enumerate(_DAY_EXPRESSIONS)) + r")(?![\w])", re.I
)
_PERIOD_RE = re.compile(
    r"(?<![\w])(?:" + "|".join(f"(?P<p{k}>{p})" for k, (p, _) in enumerate(_PERIODS)) + r")(?![\w])", re.I
)
# "mai" alone is also a name and a flower; only "ngày mai" / "sáng mai" ... or "mai" after "sẽ"/"đến".
_BARE_MAI = re.compile(r"(?<![\w])mai(?![\w])")


def relative_times(sentence: str) -> list[RelativeTime]:
    """Relative time expressions of the sentence not already followed by a date, in text order."""
    found: list[RelativeTime] = []
    for match in _DAY_RE.finditer(sentence):
        key = next(k for k, v in match.groupdict().items() if v)
        text = match.group(0)
        if text.lower() == "mai" and not re.search(r"(?:sẽ|đến|tới|từ|sáng|chiều|tối)\s+$", sentence[: match.start()]):
            continue
        if _BARE_MAI.fullmatch(text) and text[0].isupper():
            continue
        found.append(RelativeTime(text, match.start(), match.end(), "day", _DAY_EXPRESSIONS[int(key[1:])][1]))
    for match in _PERIOD_RE.finditer(sentence):
        key = next(k for k, v in match.groupdict().items() if v)
        unit = _PERIODS[int(key[1:])][1]
        text = match.group(0)
        found.append(RelativeTime(text, match.start(), match.end(), unit, _YEAR_OFFSETS.get(text.lower())))
    for match in _WEEKDAY.finditer(sentence):
        group = next(g for g in ("lower", "upper", "sunday") if match.group(g))
        name = match.group(group).lower()
        weekday = WEEKDAYS[name.split()[1]] if group != "sunday" else 6
        end = match.end("week") if match.group("week") else match.end(group)
        found.append(RelativeTime(sentence[match.start(group): end], match.start(group), end, "day", None, weekday))
    found = [t for t in found if not _ANCHORED.match(sentence[t.end:])]
    quoted = _quoted_ranges(sentence)
    found = [replace(t, quoted=any(a <= t.start < b for a, b in quoted)) for t in found]
    # overlapping matches ("chiều qua" inside "chiều hôm qua"...) keep the longest
    found.sort(key=lambda t: (t.start, -(t.end - t.start)))
    kept: list[RelativeTime] = []
    for t in found:
        if kept and t.start < kept[-1].end:
            continue
        kept.append(t)
    return kept


def _vietnam_date(published: datetime) -> date:
    from bantin.ingest.dates import VN_TZ

    if published.tzinfo is not None:
        published = published.astimezone(VN_TZ)
    return published.date()


def _weekday_date(t: RelativeTime, sentence: str, day: date) -> date:
    """The date a bare weekday names: the next one for future talk ("sẽ", "tới"), else the last one."""
    text = t.text.lower()
    monday = day - timedelta(days=day.weekday())
    if text.endswith(("tuần trước", "tuần qua")):
        return monday - timedelta(days=7 - t.weekday)
    if text.endswith(("tuần sau", "tuần tới")):
        return monday + timedelta(days=7 + t.weekday)
    if text.endswith("tuần này"):
        return monday + timedelta(days=t.weekday)
    after = sentence[t.end: t.end + 12].lower()
    before = sentence[: t.start].lower()
    future = bool(re.match(r"\s*(?:tới|sắp tới|này|sau)\b", after)) or bool(re.search(r"\bsẽ\b", before))
    delta = (t.weekday - day.weekday()) % 7
    if future:
        return day + timedelta(days=delta)
    return day - timedelta(days=(day.weekday() - t.weekday) % 7)


def anchor_relative(sentence: str, published: datetime | None) -> str:
    """The sentence with each day/year relative time followed by its date ("hôm qua (2/11)")."""
    if published is None:
        return sentence
    day = _vietnam_date(published)
    out, last = [], 0
    for t in relative_times(sentence):
        if t.quoted:
            continue
        if t.unit == "day":
            when = _weekday_date(t, sentence, day) if t.weekday is not None else day + timedelta(days=t.offset or 0)
            label = f"{when.day}/{when.month}"
        elif t.unit == "year" and t.offset is not None:
            label = str(day.year + t.offset)
        else:
            continue
        out.append(sentence[last: t.end] + f" ({label})")
        last = t.end
    out.append(sentence[last:])
    return "".join(out)


# --- non-sentences ------------------------------------------------------------------------------

_MARKUP = re.compile(
    r"</?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]*)?/?>|!\[[^\]]*\]\(|\[[^\]]+\]\([^)]*\)|^\s*\||\|\s*$|"
    r"^\s*#{1,6}\s|^\s*[-*_]{3,}\s*$|&[a-z]+;|https?://\S+"
)
_CAPTION = re.compile(
    r"(?:^|[\s(\-–—])(?:Ảnh|Ảnh minh họa|Ảnh minh hoạ|Ảnh chụp màn hình|Đồ họa|Đồ hoạ|Clip|Video|Nguồn ảnh|Infographic)"
    r"\s*(?::|:|$|\))|Ảnh minh h[ọo]a|Ảnh tư liệu|\(Ảnh\b|\bẢnh\s*:",
)
_PROMPT = re.compile(
    r"^[\W_]*(?:Mời (?:bạn|quý) (?:đọc|độc giả)|Mời (?:các )?bạn|Xem thêm|Xem (?:video|clip|chi tiết|toàn bộ)|"
    r"Ý kiến bạn đọc|Đọc thêm|Tin liên quan|Bài liên quan|Tin cùng chuyên mục|Bình luận|Gửi bình luận|"
    r"Chia sẻ bài|Theo dõi (?:chúng tôi|báo|kênh|trang)|Bấm (?:vào|để)|Nhấn (?:vào|để)|Click|Đăng ký|"
    r"Tải ứng dụng|Quý độc giả|Bạn đọc (?:có thể|gửi|quan tâm)|Video đang được quan tâm|Thông tin (?:cần biết|bạn đọc))",
    re.I,
)
# A photo named as such ("Ảnh Góa phụ Trắng khoe con trai") or people placed in it ("(từ trái qua
# phải)", "(giữa)", "(thứ hai từ trái sang)"): only captions talk so.
_PHOTO_CAPTION = re.compile(
    r"^[\W_]*Ảnh\s+(?=[A-ZĐÀ-Ỹ])|\(từ\s+(?:trái|phải)\s+(?:qua|sang)(?:\s+(?:phải|trái))?\)|"
    r"\((?:trái|phải|giữa|đứng giữa|ngoài cùng bên (?:trái|phải)|thứ \w+ từ (?:trái|phải)(?: sang)?)\)"
)
# Related links and series menus read as a sentence: ">> Pháp, Mexico giận dữ ...", "[Nguyên thủ
# Nga-Trung Quốc gặp gỡ trước thềm G-20]", "Bài 1: Khi xe buýt ...", "Kỳ 2: ...".
# Also a pointer run into the text: "... sau 9 tháng Xem thêm » Tin mới Phi vụ ...", "... >> Xem thêm: ...".
_LINK = re.compile(
    r"^\s*(?:>>|»|►|▶)|^\s*\[[^\]]{8,}\]|^\s*(?:Bài|Kỳ|Phần)\s+\d+\s*[:.\-–]\s*\S|"
    r"\s>>\s|(?:^|\s)(?:Xem thêm|Đọc thêm|Xem tiếp)\s*[»>]"
)
_MENU_SPLIT = re.compile(r"\s(?:\||>|»|›|/|·|•)\s")
_CREDIT = re.compile(
    r"^[\W_]*(?:\(?\s*Theo\s+[^,.]{1,40}\)?\.?|Nguồn\s*:.*|\(?(?:TTXVN|Vietnam\+|PV|CTV|Nhóm PV)\)?\.?)\s*$"
)
_FINAL = re.compile(r"(?:[.!?…]|\.\.\.)[\"'”’»)\]]*\s*$")


def _all_caps_name(line: str) -> bool:
    letters = [w for w in line.split() if any(c.isalpha() for c in w)]
    return 0 < len(letters) <= 5 and all(w.isupper() for w in letters)


def glue_context(tokens: Sequence[str]) -> Iterator[int]:
    """Positions of capitalised words right after a lowercase word, not inside a name run."""
    for i in range(2, len(tokens) - 1):
        word, before, after = tokens[i], tokens[i - 1], tokens[i + 1]
        if (word[:1].isupper() and word.isalpha() and before[-1:].isalpha() and before.islower()
                and not tokens[i - 2][:1].isupper() and not after[:1].isupper() and not after[:1].isdigit()):
            yield i


@lru_cache(maxsize=1)
def _glue_words() -> tuple[frozenset[str], frozenset[str]]:
    table = json.loads(OPENERS_FILE.read_text(encoding="utf-8"))
    return frozenset(table.get("start_words", ())), frozenset(table.get("after_name_start_words", ()))


def start_words() -> frozenset[str]:
    """Learned sentence-start words (``start_words`` in ``data/openers.json``)."""
    return _glue_words()[0]


def after_name_start_words() -> frozenset[str]:
    """Start words that are never part of a name (``after_name_start_words`` in ``data/openers.json``)."""
    return _glue_words()[1]


# Start words after which a capitalised word begins a place, an organisation or a time ("Tại
# Singapore", "Trong tháng 9", "Lúc 20 giờ"): prepositions and time words. Others begin names with
# the next word ("Tuy Hòa", "Cụ Hồ", "Cách mạng Tháng Tám", "cù lao Ông Hổ").
_PREPOSITION_STARTS = frozenset(
    "Tại Trong Theo Ở Với Sau Trước Về Đến Khi Lúc Chiều Hiện Ngoài Bên Nếu Để Do Vì Qua".split()
)


def _after_name_glue(tokens: Sequence[str]) -> Iterator[int]:
    """Positions of start words glued after a name run, a closing parenthesis, or before a capital.

    * after a capitalised word or ")" and before a lowercase word: a byline or a caption that ends
      in a name or a "(giữa)" run into the sentence ("Tư Hoàng Tại buổi sơ kết", "... (từ trái qua
      phải) Theo đó, hãng ...");
    * after a lowercase word and before a capital or a digit, for prepositions and time words: a
      sub-heading run into a sentence opening with a place or time ("... tăng vọt Tại Singapore, ...",
      "Cuộc rượt đuổi trong đêm Lúc 20 giờ ...").
    """
    words = after_name_start_words()
    for i in range(2, len(tokens) - 1):
        word, before, after = tokens[i], tokens[i - 1], tokens[i + 1]
        if word not in words:
            continue
        if (before[:1].isupper() and before.isalpha() or before.endswith(")")) and after[:1].islower():
            yield i
        elif (word in _PREPOSITION_STARTS and before.isalpha() and before.islower()
              and (after[:1].isupper() or after[:1].isdigit())):
            yield i


def glued_fragment(sentence: str) -> str | None:
    """The heading, caption or byline run into this sentence ("Thời điểm tồi tệ" in "Thời điểm tồi
    tệ Khi đại dịch ..."): the words before a learned sentence-start word that follows a lowercase
    word, or a start word that is never part of a name (:func:`after_name_start_words`) in the
    contexts of :func:`_after_name_glue`."""
    tokens = sentence.split()
    words = start_words()
    for i in glue_context(tokens):
        if tokens[i] in words:
            return " ".join(tokens[:i])
    for i in _after_name_glue(tokens):
        return " ".join(tokens[:i])
    return None


def is_non_sentence(line: str) -> str | None:
    """Why ``line`` is not a sentence for a brief (markup, caption, prompt, menu, credit, heading), or None."""
    text = line.strip()
    if not text:
        return "heading"
    if _MARKUP.search(text):
        return "markup"
    if _PROMPT.match(text):
        return "prompt"
    if _LINK.search(text):
        return "link"
    if _CAPTION.search(text) or _PHOTO_CAPTION.search(text):
        return "caption"
    if _CREDIT.match(text) or _all_caps_name(text.rstrip(".")):
        return "credit"
    if len(_MENU_SPLIT.findall(text)) >= 2 and not _FINAL.search(text):
        return "menu"
    if not _FINAL.search(text):
        return "heading"
    if glued_fragment(text):
        return "glued"
    return None


# --- length -------------------------------------------------------------------------------------

def syllables(sentence: str) -> int:
    """Syllables of the sentence (whitespace tokens with a letter or digit: the budget unit)."""
    return count_syllables(sentence)


def is_long(sentence: str) -> bool:
    return syllables(sentence) > LONG_SENTENCE
