"""A learned line classifier for page dumps: which lines of a scraped page are the article body.

Scrapers hand over the whole page as text (a newline per block element, or html2text Markdown):
menus, dates, author boxes, captions, share bars, related headlines and footers around the body.
Rules written per phrase do not carry to the next outlet, so each line is described by features of
*shape* that any layout has (see :func:`line_features`):

* its own shape: length in syllables, sentence-final punctuation, capitalisation and digit ratios,
  date/time fragments ("7 giờ trước", "23/10/2025 14:05"), Markdown link/image/heading/table/emphasis
  markup, share/comment/tag vocabulary, whether the rule cleaner (:mod:`bantin.ingest.boilerplate`)
  calls it noise, whether it repeats elsewhere on the page;
* where it stands: relative position, inside or how far from the *prose region* (the run of lines
  with the most sentence text, found as a maximum-sum segment);
* its neighbours' shape (two lines either side), and headline-like lines in runs around it.

A logistic regression on those features gives P(body) (stage 1); a second logistic regression sees
stage 1's probabilities of the line and its neighbours (stage 2), so a caption between two
paragraphs and a headline inside a related list are judged by their surroundings. Both are plain
weight vectors in ``bantin/data/line_classifier.json``, written by ``python -m bantin.ingest.train_lines``
(trained on realweb-dev text dumps and VMDS/AbMuSu articles wrapped in real page chrome;
cross-validated leaving one outlet out, see BENCHMARKS.md "Cleaning real pages").
"""
from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Sequence

import numpy as np

from bantin.ingest.boilerplate import CREDIT_TAIL_RE
from bantin.ingest.markup import MarkedLine, looks_like_markdown, parse_line
from bantin.summarize.model import Logistic  # standardized logistic regression as plain JSON
from bantin.text import syllables

MODEL_FILE = "line_classifier.json"

_SENTENCE_END = (".", "!", "?", "…", ".\"", ".”", "!”", "?”", "…”", ".'", ".)", "!\"", "?\"")
_DATE_RE = re.compile(r"\b\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2,4}\b|\b\d{4}-\d{2}-\d{2}\b")
_TIME_RE = re.compile(r"\b\d{1,2}[:h]\d{2}\b(\s*(am|pm|sa|ch))?", re.IGNORECASE)
_RELATIVE_TIME_RE = re.compile(r"\b\d+\s+(giây|phút|giờ|tiếng|ngày|tuần|tháng|năm)\s+trước\b|\bvừa\s+xong\b|\bhôm\s+qua\b",
                               re.IGNORECASE)
_WEEKDAY_RE = re.compile(r"\b(thứ\s+(hai|ba|tư|năm|sáu|bảy|[2-7])|chủ\s+nhật)\b\s*[,\-]?\s*\d", re.IGNORECASE)
# Words of page furniture in any outlet (share bars, comment boxes, tag lists, related boxes,
# account menus, footers). Counted as a feature, never a rule on their own.
_CHROME_WORDS_RE = re.compile(
    r"\b(chia\s+sẻ|bình\s+luận|liên\s+quan|từ\s+khóa|từ\s+khoá|tags?|theo\s+dõi|đăng\s+nhập|đăng\s+ký|"
    r"đăng\s+xuất|quảng\s+cáo|xem\s+thêm|đọc\s+thêm|đọc\s+tiếp|xem\s+tiếp|xem\s+nhiều|đọc\s+nhiều|tin\s+mới|"
    r"mới\s+nhất|tin\s+khác|trang\s+chủ|facebook|zalo|twitter|youtube|tiktok|email|copy\s+link|"
    r"sao\s+chép|hotline|bản\s+quyền|giấy\s+phép|tổng\s+biên\s+tập|tòa\s+soạn|toà\s+soạn|liên\s+hệ|"
    r"chuyên\s+mục|gửi\s+bài|tải\s+ứng\s+dụng|ứng\s+dụng|podcast|video|emagazine|infographic|"
    r"báo\s+xấu|lưu\s+bài|in\s+bài|nghe\s+bài|cỡ\s+chữ|phản\s+hồi|ý\s+kiến|bạn\s+đọc|gốc|"
    r"tác\s+giả|nguồn|ảnh|clip|thích|theo|rss|©|®)\b",
    re.IGNORECASE,
)
_CAPTION_RE = re.compile(r"(^|[\s(.\-–—])(ảnh|nguồn|đồ\s+họa|video|clip)\s*(minh\s+họa)?\s*:", re.IGNORECASE)
_URLISH_RE = re.compile(r"https?://|\bwww\.|@\w", re.IGNORECASE)
# A photo credit closing the line ("... Ảnh: New York Times"): captions end so in every outlet.
_CREDIT_TAIL_RE = CREDIT_TAIL_RE
# A teaser cut short ("... lại khen người vợ hiện tại của mình là ..."): related boxes print them.
_TRUNCATED_RE = re.compile(r"(\.\.\.|…)\s*[\])”\"]?$")

# Syllable-count bins (one-hot): a reader's eye tells a paragraph from a label by length first.
_LENGTH_BINS = (1, 3, 6, 10, 16, 25, 40)
# A line is prose for the prose region when it has this many syllables and ends a sentence.
PROSE_MIN_SYLLABLES = 12
# Cost of a non-prose line inside the prose region, in syllables: a caption or an inter-title
# between paragraphs (cost ~4-8) stays inside; a related list of 10 headlines (cost 40+) does not.
PROSE_GAP_COST = 4.0
CONTEXT = (-2, -1, 1, 2)
_HEADLINE_WINDOW = 3


@dataclass(frozen=True)
class _Shape:
    """Per-line numbers the features and the neighbours' features are made of."""

    n: int
    ends_sentence: bool
    headline: bool
    link_share: float
    rule_noise: bool
    prose: bool
    dated: bool  # a date, a time or "7 giờ trước"
    media: bool  # an image, or markup without text
    reason: str  # the rule cleaner's reason ("" when it may be body)
    truncated: bool = False  # ends with "..." (a teaser cut short)


def parse_lines(text: str) -> list[MarkedLine]:
    """Non-empty lines of a page dump, with Markdown markup parsed when the dump is Markdown."""
    markdown = looks_like_markdown(text)
    out = []
    for raw in text.split("\n"):
        if not raw.strip():
            continue
        out.append(parse_line(raw, markdown=markdown))
    return out


def _shape(line: MarkedLine) -> _Shape:
    from bantin.ingest.boilerplate import line_noise_reason

    text = line.text
    n = len(syllables(text))
    ends = text.endswith(_SENTENCE_END)
    headline = 4 <= n <= 30 and not ends and text[:1].isupper() and not text.endswith(":")
    reason = (line_noise_reason(text) or "") if text else ""
    truncated = bool(_TRUNCATED_RE.search(text))
    prose = n >= PROSE_MIN_SYLLABLES and ends and line.link_share < 0.5 and not reason and not truncated
    dated = bool(_DATE_RE.search(text) or _TIME_RE.search(text) or _RELATIVE_TIME_RE.search(text))
    return _Shape(n, ends, headline, line.link_share, bool(reason), prose, dated, line.images > 0 or not text, reason,
                  truncated)


def prose_region(shapes: Sequence[_Shape]) -> tuple[int, int]:
    """(first, last) line index of the maximum-sum run: prose lines add their syllables, others cost
    :data:`PROSE_GAP_COST`. (0, -1) when the page has no prose line."""
    best, best_span = 0.0, (0, -1)
    total, start = 0.0, 0
    for index, shape in enumerate(shapes):
        gain = float(shape.n) if shape.prose else -PROSE_GAP_COST
        if total <= 0:
            total, start = gain, index
        else:
            total += gain
        if total > best:
            best, best_span = total, (start, index)
    return best_span


def _own_features(line: MarkedLine, shape: _Shape, repeated: bool) -> list[float]:
    text = line.text
    words = [w for w in text.split() if any(ch.isalpha() for ch in w)]
    caps = sum(1 for w in words if w[0].isupper()) / len(words) if words else 0.0
    upper = sum(1 for w in words if w.isupper() and len(w) > 1) / len(words) if words else 0.0
    chars = [ch for ch in text if not ch.isspace()]
    digits = sum(ch.isdigit() for ch in chars) / len(chars) if chars else 0.0
    n = shape.n
    bins = [1.0 if (n <= b and (k == 0 or n > _LENGTH_BINS[k - 1])) else 0.0 for k, b in enumerate(_LENGTH_BINS)]
    chrome_words = len(_CHROME_WORDS_RE.findall(text))
    return [
        math.log1p(n),
        *bins,
        1.0 if n > _LENGTH_BINS[-1] else 0.0,
        float(shape.ends_sentence),
        float(text.endswith(":")),
        float(text[:1].isupper()),
        float(text[:1].isdigit()),
        caps,
        upper,
        digits,
        float(bool(_DATE_RE.search(text))),
        float(bool(_TIME_RE.search(text))),
        float(bool(_RELATIVE_TIME_RE.search(text))),
        float(bool(_WEEKDAY_RE.search(text))),
        shape.link_share,
        math.log1p(line.links),
        float(line.images > 0),
        float(not text),  # markup only (an image, an empty link)
        float(line.header > 0),
        float(line.header == 1),
        float(line.bullet),
        float(line.table),
        float(line.emphasis),
        float(line.strong),
        float(bool(_CREDIT_TAIL_RE.search(text))),
        float(line.urls > 0 or bool(_URLISH_RE.search(text))),
        float(shape.rule_noise),
        math.log1p(chrome_words),
        chrome_words / max(n, 1),
        float(bool(_CAPTION_RE.search(text))),
        float(repeated),
        float(shape.headline),
        text.count(",") / max(n, 1),
        float("“" in text or "\"" in text),
        float("|" in text or "»" in text or ">" in text),
        float(bool(_TRUNCATED_RE.search(text))),
    ]


def _neighbour_features(shape: _Shape | None) -> list[float]:
    if shape is None:
        return [1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0]
    return [0.0, math.log1p(shape.n), float(shape.ends_sentence), float(shape.headline), shape.link_share,
            float(shape.rule_noise), float(shape.dated), float(shape.media), float(shape.truncated)]


# Rule-cleaner reasons that open a block of non-article text below them: a comment box (a related
# box opens inside the body as often as after it).
_BLOCK_HEADERS = ("comment prompt",)


def line_features(lines: Sequence[MarkedLine]) -> list[list[float]]:
    """Stage-1 feature vector of every line (own shape, place, neighbours)."""
    shapes = [_shape(line) for line in lines]
    counts: dict[str, int] = {}
    for line in lines:
        key = line.text.lower()
        counts[key] = counts.get(key, 0) + 1
    first, last = prose_region(shapes)
    total = len(lines)
    box = comment_box_start(shapes)
    words = [{w for w in syllables(line.text.lower()) if w.isalpha()} for line in lines]
    rows = []
    since_header = None  # lines since the header of the reader-comment box (comment_box_start)
    for index, (line, shape) in enumerate(zip(lines, shapes)):
        if since_header is not None:
            since_header += 1
        if index == box:
            since_header = 0
        inside = first <= index <= last
        before = max(0, first - index)
        after = max(0, index - last) if last >= first else 0
        window = [shapes[j] for j in range(max(0, index - _HEADLINE_WINDOW), min(total, index + _HEADLINE_WINDOW + 1))
                  if j != index]
        headline_run = sum(s.headline for s in window) / (2 * _HEADLINE_WINDOW)
        prose_near = sum(s.prose for s in window) / (2 * _HEADLINE_WINDOW)
        row = _own_features(line, shape, counts.get(line.text.lower(), 0) > 1 and bool(line.text))
        row += [
            index / max(total - 1, 1),
            float(inside),
            math.log1p(before),
            math.log1p(after),
            float(last >= first and index == first - 1),  # just above the prose: a title or a sapo
            float(last < first),  # the page has no prose at all
            headline_run,
            prose_near,
            _cohesion(words, index, 1),  # an inter-title shares words with the paragraph below it
            _cohesion(words, index, -1),
            float(since_header is not None and since_header > 0),
            math.log1p(since_header) if since_header else 0.0,
        ]
        for offset in CONTEXT:
            j = index + offset
            row += _neighbour_features(shapes[j] if 0 <= j < total else None)
        rows.append(row)
    return rows


def _cohesion(words: Sequence[set[str]], index: int, step: int) -> float:
    """Share of the line's words found in the next two lines (``step`` 1) or the two above (-1)."""
    own = words[index]
    if not own:
        return 0.0
    near: set[str] = set()
    for j in (index + step, index + 2 * step):
        if 0 <= j < len(words):
            near |= words[j]
    return len(own & near) / len(own)


def context_features(probabilities: Sequence[float]) -> list[list[float]]:
    """Stage-2 features: the line's stage-1 probability (as a logit) and its neighbours'."""
    def logit(p: float) -> float:
        p = min(max(p, 1e-4), 1 - 1e-4)
        return math.log(p / (1 - p))

    total = len(probabilities)
    rows = []
    for index, p in enumerate(probabilities):
        row = [logit(p)]
        for offset in (-3, -2, -1, 1, 2, 3):
            j = index + offset
            row.append(logit(probabilities[j]) if 0 <= j < total else -4.0)
        window = probabilities[max(0, index - 5): index + 6]
        row.append(sum(window) / len(window))
        row.append(float(any(q >= 0.5 for q in probabilities[:index])))  # body seen above
        row.append(float(any(q >= 0.5 for q in probabilities[index + 1:])))  # body below
        rows.append(row)
    return rows


@dataclass(frozen=True)
class LineModel:
    """The two stages and the decision threshold on stage 2's probability."""

    stage1: Logistic
    stage2: Logistic
    threshold: float = 0.5

    def probabilities(self, lines: Sequence[MarkedLine]) -> list[float]:
        if not lines:
            return []
        first = self.stage1.predict(np.asarray(line_features(lines), dtype=float))[:, 0]
        return [float(p) for p in self.stage2.predict(np.asarray(context_features(list(first)), dtype=float))[:, 0]]

    def to_dict(self) -> dict:
        return {"stage1": self.stage1.to_dict(), "stage2": self.stage2.to_dict(), "threshold": self.threshold}

    @classmethod
    def from_dict(cls, data: dict) -> "LineModel":
        return cls(Logistic.from_dict(data["stage1"]), Logistic.from_dict(data["stage2"]), float(data["threshold"]))


@lru_cache(maxsize=1)
def load_model() -> LineModel:
    """The packaged line model (``bantin/data/line_classifier.json``)."""
    data = json.loads(resources.files("bantin.data").joinpath(MODEL_FILE).read_text(encoding="utf-8"))
    return LineModel.from_dict(data)


@dataclass(frozen=True)
class DumpResult:
    """A cleaned page dump: the recovered title, kept body lines and dropped lines.

    ``kept`` and ``dropped`` hold (1-based line number in the input, text); kept text has its
    Markdown removed, dropped text is the line as it was, with P(body) in ``probabilities``.
    """

    title: str
    kept: tuple[tuple[int, str], ...]
    dropped: tuple[tuple[int, str, float], ...]
    title_line: int = 0

    @property
    def text_lines(self) -> tuple[str, ...]:
        return tuple(text for _, text in self.kept)


# A page dump in Markdown has at least this many non-empty lines (a baomoi box in html2text has 7:
# headline, publisher logo, time and links, sapo, body, image, caption) ...
MIN_MARKDOWN_DUMP_LINES = 5
# ... a plain one at least this many and this many lines the rule cleaner calls noise (a date
# line, a menu). On AbMuSu-train 599 of 621 articles have no such line, 21 one, 1 two (captions).
# Shorter plain texts with one noise line (a baomoi box: its time line) are left to the rules,
# which do well on them (junk 0.028, recall 1.000 on realweb-dev's 15 baomoi plain dumps).
MIN_DUMP_LINES = 8
MIN_DUMP_NOISE_LINES = 2
# The title is looked for this many lines above the first body line (dates, author and share
# lines sit between them on most pages).
TITLE_LOOKBACK = 10


def looks_like_page_dump(lines: Sequence[str]) -> bool:
    """A whole page as text rather than an article: Markdown markup, or at least
    :data:`MIN_DUMP_NOISE_LINES` lines the rule cleaner calls noise, in :data:`MIN_DUMP_LINES` lines or more.
    Photo captions do not count: articles extracted clean keep them (AbMuSu-train: 60 in 621 articles).

    Checked on the lines left after cleaning it is false (markup is gone, noise lines are dropped),
    so cleaning stays idempotent.
    """
    from bantin.ingest.boilerplate import CAPTION, line_noise_reason

    lines = [line.strip() for line in lines if line.strip()]
    if len(lines) < MIN_MARKDOWN_DUMP_LINES:
        return False
    if looks_like_markdown("\n".join(lines)):
        return True
    return len(lines) >= MIN_DUMP_LINES and sum(
        1 for line in lines if line_noise_reason(line) not in (None, CAPTION)) >= MIN_DUMP_NOISE_LINES


def clean_dump(text: str, model: LineModel | None = None) -> DumpResult:
    """Keep the body lines of a page dump and recover its title (see :func:`classify_lines`)."""
    return classify_lines([(number, raw) for number, raw in enumerate(text.split("\n"), start=1)], model)


def classify_lines(numbered: Sequence[tuple[int, str]], model: LineModel | None = None) -> DumpResult:
    """Keep the lines with P(body) >= the model's threshold, Markdown removed; recover the title."""
    model = model or load_model()
    numbered = [(number, raw) for number, raw in numbered if raw.strip()]
    markdown = looks_like_markdown("\n".join(raw for _, raw in numbered))
    lines = [parse_line(raw, markdown=markdown) for _, raw in numbered]
    probs = model.probabilities(lines)
    body = _body_lines(lines, probs, model.threshold)
    title_index = _title_index(lines, body, probs)
    body_set = set(body)
    kept, dropped = [], []
    for k, ((number, raw), line, p) in enumerate(zip(numbered, lines, probs)):
        if k == title_index:
            continue
        if k in body_set:
            kept.append((number, line.text))
        else:
            dropped.append((number, raw.strip(), round(p, 3)))
    title = lines[title_index].text if title_index is not None else ""
    title_line = numbered[title_index][0] if title_index is not None else 0
    return DumpResult(title=title, kept=tuple(kept), dropped=tuple(dropped), title_line=title_line)


# A line that reads as prose (PROSE_MIN_SYLLABLES+ syllables, a sentence end, no markup or rule
# noise, no photo credit) is dropped only when the model is this sure it is chrome: losing body is
# worse than keeping a line of junk, and small pages (a baomoi box) give body lines P ~ 0.4.
PROSE_KEEP_PROBABILITY = 0.15
# A headline-like line between two kept lines is an inter-title when P(body) is at least this,
INTERTITLE_PROBABILITY = 0.2
# or at least this when this share of its words recur in the two lines below (a sub-heading names
# what follows: "Giá vé và lộ trình" above "... giảm 20% so với giá vé lượt").
INTERTITLE_COHESIVE_PROBABILITY = 0.05
INTERTITLE_COHESION = 0.4


# Inside a reader-comment box only prose the model is this sure of stays (body resuming below it).
COMMENT_BOX_KEEP = 0.9


def comment_box_start(shapes: Sequence[_Shape]) -> int | None:
    """Index of the comment header that opens the page's reader-comment box, or None.

    The header ("Ý kiến bạn đọc (33)", "Bình luận") must stand below the first prose line with at
    least as many prose syllables above it as below it: a comment counter in a share bar above the
    body, or a page whose comments outweigh its body, opens no box (nothing is cut).
    """
    prose_total = sum(shape.n for shape in shapes if shape.prose)
    above = 0
    for index, shape in enumerate(shapes):
        if shape.reason in _BLOCK_HEADERS and above and above * 2 >= prose_total:
            return index
        if shape.prose:
            above += shape.n
    return None


def _body_lines(lines: Sequence[MarkedLine], probs: Sequence[float], threshold: float) -> list[int]:
    """Indices of the lines kept as body: P >= threshold, prose above PROSE_KEEP_PROBABILITY, and
    inter-titles between kept lines above INTERTITLE_PROBABILITY (or INTERTITLE_COHESIVE_PROBABILITY when
    they share words with the lines below); below the comment box's header
    (:func:`comment_box_start`) only prose above COMMENT_BOX_KEEP."""
    shapes = [_shape(line) for line in lines]
    keep = [bool(line.text) and (p >= threshold or (
        shape.prose and p >= PROSE_KEEP_PROBABILITY and not _CREDIT_TAIL_RE.search(line.text)))
        for line, shape, p in zip(lines, shapes, probs)]
    box = comment_box_start(shapes)
    if box is not None:
        for k in range(box, len(lines)):
            keep[k] = keep[k] and shapes[k].prose and probs[k] >= COMMENT_BOX_KEEP
    words = [{w for w in syllables(line.text.lower()) if w.isalpha()} for line in lines]
    for k in range(1, len(lines) - 1):
        shape, line = shapes[k], lines[k]
        above = any(keep[j] for j in range(max(0, k - 2), k))
        below = any(keep[j] for j in range(k + 1, min(len(lines), k + 3)))
        likely = probs[k] >= INTERTITLE_PROBABILITY or (
            probs[k] >= INTERTITLE_COHESIVE_PROBABILITY and _cohesion(words, k, 1) >= INTERTITLE_COHESION)
        if (not keep[k] and above and below and (box is None or k < box) and likely
                and shape.headline and not shape.rule_noise and not shape.dated and line.link_share < 0.5
                and not _CREDIT_TAIL_RE.search(line.text)):
            keep[k] = True
    return [k for k, flag in enumerate(keep) if flag]


def _title_index(lines: Sequence[MarkedLine], body: Sequence[int], probs: Sequence[float]) -> int | None:
    """The headline above the body: a heading-1 line, else the headline-like line within
    :data:`TITLE_LOOKBACK` lines above the first body line that shares most syllables with the
    first body lines (a title restates its sapo), the nearest on ties."""
    if not body:
        return None
    first = body[0]
    for k in range(0, first + 1):
        if lines[k].header == 1 and len(syllables(lines[k].text)) >= 3:
            return k
    lead = set(syllables(" ".join(lines[k].text for k in body[:3])))
    best, best_score = None, 0.0
    for k in range(first - 1, max(-1, first - 1 - TITLE_LOOKBACK), -1):
        line = lines[k]
        tokens = syllables(line.text)
        if not (3 <= len(tokens) <= 40) or not line.text[:1].isupper() or line.link_share > 0.5:
            continue
        if line.text.endswith((".", ":", ";", ",")) or _DATE_RE.search(line.text) or _TIME_RE.search(line.text):
            continue
        overlap = sum(1 for t in tokens if t in lead) / len(tokens)
        if overlap > best_score + 1e-9:
            best, best_score = k, overlap
    return best if best_score >= 0.3 else None
