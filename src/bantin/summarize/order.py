"""Reading order and coherence: which sentences cannot stand without their predecessor.

Order: chronological across articles (``published``, then input order for undated ones), then by
position in the article. A sentence that opens with a pronoun or connective (``Ông này``,
``Tuy nhiên``, ``Do đó``, ``Họ``, ``Điều này``, ``Trong khi đó``, ``Ngoài ra``...) refers to what
came before it: the selector only takes it together with its original predecessor, and this
order puts the two next to each other.
"""
from __future__ import annotations

import re
from typing import Sequence

# Openers that need the previous sentence (lower-cased, matched at a word boundary).
DEPENDENT_OPENERS = (
    "tuy nhiên", "tuy vậy", "tuy thế", "dù vậy", "dù thế", "song", "nhưng", "thế nhưng", "mặc dù vậy",
    "do đó", "do vậy", "vì vậy", "vì thế", "bởi vậy", "chính vì vậy", "chính vì thế", "vì lẽ đó",
    "từ đó", "nhờ đó", "qua đó", "theo đó", "như vậy", "khi đó", "lúc đó", "lúc này", "khi ấy",
    "trong khi đó", "ngoài ra", "bên cạnh đó", "thêm vào đó", "cùng với đó", "hơn nữa", "mặt khác",
    "đồng thời", "sau đó", "trước đó", "cũng theo", "cũng trong", "cùng ngày", "cùng lúc", "còn",
    "và", "điều này", "việc này", "chuyện này", "vụ việc này", "đây là", "đó là", "đây cũng", "đó cũng",
    "họ", "nó", "ông ấy", "bà ấy", "anh ấy", "chị ấy", "cô ấy", "người này", "những người này",
    "theo ông", "theo bà", "theo anh", "theo chị", "theo họ", "theo cô", "ông này", "bà này",
    "anh này", "chị này", "cô này", "em này", "hai người này", "các em", "cả hai",
)
_OPENER_RE = re.compile(
    r"^[\W_]*(?:" + "|".join(sorted(map(re.escape, DEPENDENT_OPENERS), key=len, reverse=True)) + r")(?![\w])",
    re.I,
)
# "Ông cho biết", "Bà nói": a bare personal title used as a pronoun (no capitalized name follows).
_BARE_TITLE_RE = re.compile(r"^[\W_]*(?:Ông|Bà|Anh|Chị|Cô|Em|Cậu|Bé)\s+(?=[a-zà-ỹđ])")
# "Vụ tai nạn này", "Quyết định ấy" within the first four words.
_DEMONSTRATIVE_RE = re.compile(r"^[\W_]*(?:[\w-]+\s+){1,3}(?:này|ấy)(?![\w])", re.I)


def needs_predecessor(sentence: str) -> bool:
    """True when the sentence opens with a pronoun or connective pointing at what came before."""
    return bool(
        _OPENER_RE.match(sentence) or _BARE_TITLE_RE.match(sentence) or _DEMONSTRATIVE_RE.match(sentence)
    )


def reading_order(keys: Sequence[tuple[int, int]], rank: Sequence[int]) -> list[int]:
    """Positions of ``keys`` ((article, sentence index) pairs) in reading order."""
    return sorted(range(len(keys)), key=lambda k: (rank[keys[k][0]], keys[k][1]))
