"""Numbers the outlets disagree on: a count only one voice gives while others agree on another.

A *figure* is a number with the counted word after it (``3 người``, ``1.555 MW``, ``hai tàu``)
and the words around it (up to :data:`WINDOW` syllables each side). Two figures from different
voices count the same thing when they have the same unit and their surroundings share at least
:data:`SAME_CONTEXT` content syllables, or the unit is followed by the same word (``hai người
thiệt mạng`` / ``ba người chết``: casualty words are read as one, ``trường hợp`` as ``người``). A sentence is a *minority report* when, for
one of its figures, no other voice states its number while at least two agree on another, close
one (:data:`CLOSE`): four outlets saying 12 dead outweigh the one saying 15. Such a sentence is not brief
material: the disagreement belongs in the event's facts, not silently in its brief.
"""
from __future__ import annotations

import re
from collections import defaultdict

from bantin.summarize.features import STOPWORDS, ClusterView

WINDOW = 4  # syllables each side of the number
CLOSE = 2.0  # the larger of two readings of one count is at most twice the smaller
SAME_CONTEXT = 2  # shared content syllables around two figures of one unit: the same count
_NUMBER = re.compile(r"^(?:\d+(?:[.,]\d+)*|hai|ba|bốn|sáu|bảy|tám|chín|mười)$")
_ANY_NUMBER = re.compile(r"\d|(?<!\w)(?:hai|ba|bốn|sáu|bảy|tám|chín|mười)(?!\w)", re.I)
_WORDS = {"hai": "2", "ba": "3", "bốn": "4", "sáu": "6", "bảy": "7", "tám": "8", "chín": "9", "mười": "10"}
# Words after a number that are not a counted unit (dates, times, ages, magnitudes, function words).
_NOT_UNITS = frozenset(
    "giờ phút giây h ngày tháng năm tuổi lần thứ sáng chiều tối trưa đêm % triệu tỷ tỉ nghìn ngàn trăm "
    "và của là với trong tại đến từ so hơn để có được đã các những này đó".split()
)
# One spelling for what outlets say in different words about a count.
_SAME_MEANING = [
    (re.compile(r"(?<!\w)(?:thiệt mạng|tử vong|tử nạn|thiệt mạng|qua đời|bị chết|đã chết)(?!\w)", re.I), "chết"),
    (re.compile(r"(?<!\w)(?:trường hợp|nạn nhân)(?!\w)", re.I), "người"),
]
_TOKEN = re.compile(r"\w+(?:[.,]\w+)*|%")  # "U23", "16GB", "19h02" are one token, not a number


def figures(text: str) -> list[tuple[str, str, frozenset[str]]]:
    """(number, unit, content syllables around it) of a sentence, lower-cased; number words as
    digits, digits without group separators or leading zeros."""
    if not _ANY_NUMBER.search(text):
        return []
    for pattern, word in _SAME_MEANING:
        text = pattern.sub(word, text)
    tokens = [t.lower() for t in _TOKEN.findall(text)]
    out = []
    for k, t in enumerate(tokens[:-1]):
        unit = tokens[k + 1]
        if not _NUMBER.match(t) or unit in _NOT_UNITS or unit[:1].isdigit():
            continue
        number = _WORDS.get(t) or re.sub(r"^0+(?=\d)", "", t.replace(".", "").replace(",", "."))
        around = tokens[max(0, k - WINDOW):k] + tokens[k + 2:k + 2 + WINDOW]
        context = {w for w in around if w not in STOPWORDS and not _NUMBER.match(w)}
        if k + 2 < len(tokens) and tokens[k + 2] not in STOPWORDS:
            context.add("+" + tokens[k + 2])  # what the counted unit did: "người chết"
        out.append((number, unit, frozenset(context)))
    return out


def _close(a: str, b: str) -> bool:
    """Two readings of one count are close (2 vs 3, 210 vs 212 mm); numbers far apart count
    different things (a 16 GB and a 32 GB model)."""
    try:
        x, y = float(a), float(b)
    except ValueError:
        return False
    return 0 < min(x, y) and max(x, y) <= CLOSE * min(x, y)


def minority_reports(view: ClusterView) -> set[tuple[int, int]]:
    """(article, index) of the candidate sentences stating a figure most other voices contradict."""
    if view.n_voices < 3:
        return set()
    by_unit: dict[str, list[tuple[int, str, frozenset[str]]]] = defaultdict(list)
    figs = [figures(s.raw) for s in view.sentences]
    for n, fs in enumerate(figs):
        for number, unit, context in fs:
            by_unit[unit].append((n, number, context))
    out: set[tuple[int, int]] = set()
    for n, fs in enumerate(figs):
        s = view.sentences[n]
        if not s.candidate:
            continue
        own = view.voices[s.article]
        for number, unit, context in fs:
            votes: dict[str, set[int]] = defaultdict(set)  # number -> voices stating it
            votes[number].add(own)
            for m, value, there in by_unit[unit]:
                voice = view.voices[view.sentences[m].article]
                shared = context & there
                if voice != own and (len(shared) >= SAME_CONTEXT or any(w[0] == "+" for w in shared)):
                    votes[value].add(voice)
            top = max(votes, key=lambda v: len(votes[v]))
            if top != number and len(votes[top]) >= 2 and votes[number] == {own} and _close(number, top):
                out.add((s.article, s.index))
                break
    return out
