"""Reading order and coherence: the story's order, and which sentences cannot stand alone.

Order (:func:`story_order`): the lede first; then the other sentences by where they stand in
their own article (relative position: news articles tell the story top-down, lede -> what
happened -> details -> reactions and background). Not by publication time: a late article's
background paragraph is not the story's next step. A sentence that needs its predecessor comes
right after it. Kendall tau against the references' order on the training split (VMDS bodies /
with sapo; the selected sentences that match a reference sentence): relative position 0.31 /
0.34, publication time 0.18 / 0.10; moving quoted sentences (+0.35) or background markers
(+0.5) later lowered it (0.29 / 0.33 and 0.27 / 0.30), so they are not used. On AbMuSu, whose
articles are undated and whose references follow the listed order, publication (= listed)
order is higher (0.30 / 0.35 vs 0.20 / 0.16): a corpus artefact that input order in the wild
does not carry.

A sentence that opens with a pronoun or connective (``Ông này``, ``Tuy nhiên``, ``Do đó``, ``Họ``,
``Điều này``, ``Sự việc``, ``Tôi``...) refers to what came before it: the selector only takes it
together with its original predecessor. A purely discursive opener (``Cụ thể,``, ``Trong khi
đó,``, ``Ngoài ra,``) is dropped instead (:func:`drop_discursive_opener`): the rest of the
sentence states its fact on its own.
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
    # issue 9's reading: openers that got through without their predecessor
    "cụ thể", "trong đó", "sự việc", "vụ việc", "ngay sau đó", "một là", "hai là", "ba là", "thứ nhất",
    "thứ hai", "thứ ba", "tôi", "chúng tôi", "chúng ta", "chúng em", "mình", "tiếp đó", "kế đó", "ngay lập tức", "đấy", "điều đó", "việc đó", "chuyện đó", "lập tức", "tương tự", "không chỉ vậy", "không những thế", "thậm chí",
)
_OPENER_RE = re.compile(
    r"^[\W_]*(?:" + "|".join(sorted(map(re.escape, DEPENDENT_OPENERS), key=len, reverse=True)) + r")(?![\w])",
    re.I,
)
# "Ông cho biết", "Bà nói": a bare personal title used as a pronoun (no capitalized name follows).
_BARE_TITLE_RE = re.compile(r"^[\W_]*(?:Ông|Bà|Anh|Chị|Cô|Em|Cậu|Bé)\s+(?=[a-zà-ỹđ])")
# "Vụ tai nạn này", "Quyết định ấy", "Công ty trên", "Đối tượng nói trên" within the first four words.
_DEMONSTRATIVE_RE = re.compile(
    r"^[\W_]*(?:[\w-]+\s+){1,3}(?:này|ấy|đó|nói trên|kể trên|nêu trên|vừa nêu|trên(?!\s+(?:địa|đường|mạng|thế|cả|toàn|tuyến|sông|biển|khắp|trang|tàu|xe|máy|mặt|cơ|đây|\d))"
    r")(?![\w])")

# Openers a sentence can lose without changing what it states (followed by a comma).
DISCURSIVE_OPENERS = (
    "cụ thể", "trong khi đó", "ngoài ra", "bên cạnh đó", "đồng thời", "hơn nữa", "mặt khác", "thêm vào đó",
    "cùng với đó", "tuy nhiên", "tuy vậy", "dù vậy", "thế nhưng", "song", "nhưng", "và", "còn",
    "không chỉ vậy", "không những thế", "thậm chí", "đặc biệt", "được biết", "đáng chú ý",
    "đáng nói", "điều đáng nói là", "đáng chú ý là", "đáng nói là",
)
_DISCURSIVE_RE = re.compile(
    r"^[\W_]*(?:" + "|".join(sorted(map(re.escape, DISCURSIVE_OPENERS), key=len, reverse=True)) + r")\s*,\s+(?=\w)",
    re.I,
)
def drop_discursive_opener(sentence: str) -> str:
    """The sentence without a leading purely discursive opener (``Cụ thể, ...`` -> ``...``),
    the first letter capitalized; unchanged when there is none or the rest still depends."""
    m = _DISCURSIVE_RE.match(sentence)
    if not m:
        return sentence
    rest = sentence[m.end():]
    if len(rest.split()) < 5:
        return sentence
    return rest[:1].upper() + rest[1:]


def needs_predecessor(sentence: str) -> bool:
    """True when the sentence opens with a pronoun or connective pointing at what came before."""
    return bool(
        _OPENER_RE.match(sentence) or _BARE_TITLE_RE.match(sentence) or _DEMONSTRATIVE_RE.match(sentence)
    )


def story_order(items: Sequence[tuple[int, int, float, str]], lede: int | None) -> list[int]:
    """Positions of ``items`` ((article, index, relative position, text)) in story order: the
    ``lede`` (a position, or None) first, then by relative position in their articles; a
    sentence needing its predecessor directly after it."""
    at = {(a, i): k for k, (a, i, _, _) in enumerate(items)}
    follower: dict[int, int] = {}
    heads = []
    for k, (a, i, _, text) in enumerate(items):
        p = at.get((a, i - 1))
        if p is not None and needs_predecessor(text) and k != lede:
            follower[p] = k
        else:
            heads.append(k)

    def key(k: int) -> tuple:
        a, i, pos, _ = items[k]
        return (k != lede, pos, a, i)

    out: list[int] = []
    for k in sorted(heads, key=key):
        while k is not None and k not in out:
            out.append(k)
            k = follower.get(k)
    out.extend(k for k in range(len(items)) if k not in out)
    return out


def reading_order(keys: Sequence[tuple[int, int]], rank: Sequence[int]) -> list[int]:
    """Positions of ``keys`` ((article, sentence index) pairs) in reading order."""
    return sorted(range(len(keys)), key=lambda k: (rank[keys[k][0]], keys[k][1]))
