"""Where outlets disagree (the same quantity, different values) and what only one outlet says.

Only quantities whose identity is clear are compared, so that an event without a disagreement
stays quiet: counts of people with what happened to them (``dead``, ``injured``, ``missing``
...) and who they are (``người``, ``cảnh sát``), a named person's age, and amounts or measures
with the same noun before them (``tài sản ... gần 80 triệu đồng``: ``tai san``, ``đồng``). Per article and quantity the largest value stands for the article (a part toll
"hai nạn nhân ở quận X" does not dispute the total); values marked as an update (``tăng lên``,
``đến nay``) and compatible values (``hơn 100`` / ``112``, rounding within 2%) are no conflict.
"""
from __future__ import annotations

import re
from collections import defaultdict
from datetime import datetime
from dataclasses import dataclass
from typing import Sequence

from bantin.facts.document import Sent
from bantin.facts.lexicon import fold
from bantin.facts.quantities import Quantity, find_quantities

ROUNDING = 0.02  # "210 mm" / "212 mm": rounding, not a conflict
AMOUNT_UNITS = frozenset(("đồng", "USD", "EUR", "mm", "km", "m", "ha", "tấn", "kg", "hộ", "nhà", "xe", "lít"))
WHAT_NAMES = {"dead": "số người chết", "injured": "số người bị thương", "missing": "số người mất tích",
              "arrested": "số người bị bắt", "rescued": "số người được cứu", "evacuated": "số người sơ tán",
              "infected": "số ca mắc"}


@dataclass(frozen=True)
class Value:
    value: str
    articles: tuple[str, ...]
    text: str
    phrases: tuple[str, ...] = ()  # every phrase stating this value (to flag summary sentences)

    def to_dict(self) -> dict:
        return {"value": self.value, "articles": list(self.articles), "text": self.text}


@dataclass(frozen=True)
class Disagreement:
    kind: str
    quantity: str
    values: tuple[Value, ...]

    def to_dict(self) -> dict:
        return {"kind": self.kind, "quantity": self.quantity, "values": [v.to_dict() for v in self.values]}


@dataclass(frozen=True)
class Addition:
    article: str
    text: str

    def to_dict(self) -> dict:
        return {"article": self.article, "text": self.text}


def compatible(a: Quantity, b: Quantity) -> bool:
    if a.low <= b.high and b.low <= a.high:
        return True
    big = max(a.exact, b.exact)
    return big > 0 and abs(a.exact - b.exact) / big <= ROUNDING and (a.exact >= 50 or b.exact >= 50)


def _show(q: Quantity) -> str:
    value = q.exact
    return str(int(value)) if value == int(value) else f"{value:g}"


def _voice(groups: Sequence[Sequence[str]] | None) -> dict[str, str]:
    """Article id -> the id that speaks for its syndication group (copies are one voice)."""
    out = {}
    for group in groups or ():
        for aid in group:
            out[aid] = group[0]
    return out


def _anchor(q: Quantity, sent: Sent) -> str:
    """The nearest capitalised word before the number (the person an age belongs to)."""
    pos = sent.text.find(q.text)
    caps = [t for t in sent.tokens if t.end <= pos and t.cap and not t.gap]
    return caps[-1].text if caps else ""


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def find_disagreements(sents: Sequence[Sequence[Sent]], duplicate_groups=None,
                       published: dict | None = None) -> list[Disagreement]:
    voice = _voice(duplicate_groups)
    published = published or {}
    by_key: dict[tuple, dict[str, list[Quantity]]] = defaultdict(lambda: defaultdict(list))
    names: dict[tuple, str] = {}
    for article in sents:
        for sent in article:
            for q in find_quantities(sent):
                if q.update:
                    continue
                if q.what:
                    name = WHAT_NAMES[q.what] + ("" if q.unit == "người" else f" ({q.unit})")
                    by_key[("people", q.what, q.unit)][q.article].append(q)
                    names[("people", q.what, q.unit)] = name
                elif q.unit == "tuổi":
                    anchor = _anchor(q, sent)
                    if anchor:
                        by_key[("age", fold(anchor))][q.article].append(q)
                        names[("age", fold(anchor))] = f"tuổi của {anchor}"
                elif q.unit in AMOUNT_UNITS and q.head:
                    by_key[("amount", q.unit, q.head)][q.article].append(q)
                    names[("amount", q.unit, q.head)] = f"{q.head} ({q.unit})"
    out = []
    for key, per_article in by_key.items():
        d = _conflict(per_article, voice, names[key])
        if d:
            out.append(d)
    out.extend(_date_conflicts(sents, voice, published))
    out.extend(_time_conflicts(sents, voice))
    return out



# Two sentences tell the same happening when they share this share of their content words
# (folded, no numbers, Jaccard); set on the dev labels (benchmarks/facts_labels/split.json).
SAME_HAPPENING = 0.3
_DATE_WORDS = frozenset("ngay thang nam hom sang chieu toi dem trua rang qua nay luc vao tu den gio phut".split())


# A clock time: "13h", "1h14 phút", "13 giờ 30 phút", "12 giờ" -- a time of day only after a word
# that places it ("lúc", "vào", "khoảng", ...) or before a part of the day; "trong 24 giờ", "kéo dài
# gần bảy giờ" are durations.
_CLOCK_RE = re.compile(r"(?<![\d/.,:])(\d{1,2})\s*(?:h|giờ)(?:\s*(\d{1,2})\s*(?:phút|p)?)?(?![\w/])", re.IGNORECASE)
_CLOCK_BEFORE = frozenset("lúc vào khoảng đến từ tới tầm chừng".split())
_CLOCK_AFTER = frozenset("sáng trưa chiều tối đêm ngày cùng hôm rạng".split())


def clock_times(text: str) -> list[tuple[int, int, str]]:
    """(hour, minute, text) of the times of day a sentence gives."""
    out = []
    for m in _CLOCK_RE.finditer(text):
        hour, minute = int(m.group(1)), int(m.group(2) or 0)
        if hour > 24 or minute >= 60:
            continue
        before = text[:m.start()].split()[-1:]
        after = text[m.end():].split()[:1]
        if (before and before[0].lower() in _CLOCK_BEFORE) or (after and after[0].lower().strip(",.") in _CLOCK_AFTER):
            out.append((hour, minute, m.group().strip()))
    return out


# Times of one happening this far apart (minutes) disagree: "khoảng 13h" / "13 giờ 30 phút"; more
# than MAX_TIME_GAP apart they are more likely two happenings. Set on the dev labels.
MIN_TIME_GAP, MAX_TIME_GAP = 30, 6 * 60


def _time_conflicts(sents: Sequence[Sequence[Sent]], voice: dict[str, str]) -> list[Disagreement]:
    """The same happening at different times of day: two articles' sentences that share most
    content words give clock times 30 minutes to 6 hours apart, and neither article gives the
    other's time anywhere."""
    mentions = []  # (article, minutes, text, content words)
    times_of: dict[str, set] = defaultdict(set)
    for article in sents:
        for sent in article:
            if sent.title:
                continue
            for hour, minute, text in clock_times(sent.text):
                mentions.append((sent.article, hour * 60 + minute, text, _content(sent)))
                times_of[sent.article].add(hour * 60 + minute)
    out, seen = [], set()
    for i, (a1, t1, x1, c1) in enumerate(mentions):
        for a2, t2, x2, c2 in mentions[i + 1:]:
            if voice.get(a1, a1) == voice.get(a2, a2) or not MIN_TIME_GAP <= abs(t1 - t2) <= MAX_TIME_GAP:
                continue
            if t2 in times_of[a1] or t1 in times_of[a2] or _jaccard(c1, c2) < SAME_HAPPENING:
                continue
            key = tuple(sorted((t1, t2)))
            if key in seen:
                continue
            seen.add(key)
            values = []
            for minutes, text in ((t1, x1), (t2, x2)):
                same = [(a, x) for a, t, x, c in mentions
                        if t == minutes and max(_jaccard(c, c1), _jaccard(c, c2)) >= SAME_HAPPENING]
                values.append(Value(f"{minutes // 60:02d}:{minutes % 60:02d}", tuple(dict.fromkeys(a for a, _ in same)),
                                    text, tuple(dict.fromkeys(x for _, x in same))))
            out.append(Disagreement("date", "giờ xảy ra", tuple(values)))
    return out


def _content(sent: Sent) -> frozenset[str]:
    return frozenset(w for w in (fold(t.text) for t in sent.tokens)
                     if not w[0].isdigit() and w not in _DATE_WORDS and len(w) > 1)


def _lead_words(sentence: str, mention: str) -> frozenset[str]:
    """The last LEAD content words before a date: what it dates ("bị bắt giữ hôm 13/10")."""
    pos = sentence.find(mention)
    words = [w for w in fold(sentence[:max(pos, 0)]).replace(",", " ").split()
             if w not in _DATE_WORDS and w not in _FUNCTION_WORDS and not w[0].isdigit()]
    return frozenset(words[-LEAD:])


LEAD = 3  # words before the date that say what it dates; 2 of 3 shared = the same happening
_FUNCTION_WORDS = frozenset(fold(w) for w in "bị được đã đang sẽ của và là có trong với cho các những một".split())


def _tells_both(mentions, article: str, day, content: frozenset[str]) -> bool:
    """``article`` puts ``day`` in a sentence like the one with these content words."""
    return any(a == article and d == day and _jaccard(c, content) >= SAME_HAPPENING for a, d, _, c, _, _ in mentions)


def _same_lead(s1: str, t1: str, s2: str, t2: str) -> bool:
    return len(_lead_words(s1, t1) & _lead_words(s2, t2)) >= 2


def _date_conflicts(sents: Sequence[Sequence[Sent]], voice: dict[str, str], published: dict) -> list[Disagreement]:
    """The same happening put on different days: two articles' sentences that share most content
    words give days 1-3 apart (or the same day a month apart), and neither article gives the
    other's day anywhere."""
    from datetime import date as _date

    from bantin.facts.timeline import as_day, dates_in, event_year

    year = next((p.year for p in published.values() if p is not None), None) or event_year(sents)
    mentions = []  # (article, day, text, content words)
    days_of: dict[str, set] = defaultdict(set)
    for article in sents:
        for sent in article:
            pub = published.get(sent.article) or (_date(year, 7, 1) if year else None)
            if pub is None or sent.title:
                continue
            clocks = frozenset((h, mi) for h, mi, _ in clock_times(sent.text) if mi)
            for m in dates_in(sent.text, as_day(pub) if isinstance(pub, datetime) else pub):
                if m.kind == "day" and m.start == m.end:
                    mentions.append((sent.article, m.start, m.text, _content(sent), sent.text, clocks))
                    days_of[sent.article].add(m.start)
    out, seen = [], set()
    for i, (a1, d1, t1, c1, s1, k1) in enumerate(mentions):
        for a2, d2, t2, c2, s2, k2 in mentions[i + 1:]:
            if voice.get(a1, a1) == voice.get(a2, a2) or d1 == d2:
                continue
            near = abs((d1 - d2).days) <= 3 or (d1.day == d2.day and abs(d1.month - d2.month) == 1)
            if not near:
                continue
            if k1 & k2 or _same_lead(s1, t1, s2, t2):
                # the same minute of the clock ("1 giờ 14 phút ngày 25/6" / "1h14 phút sáng 24/6") or
                # the same words before the date: one happening, unless an article gives both days for it
                if _tells_both(mentions, a1, d2, c2) or _tells_both(mentions, a2, d1, c1) \
                        or any(_tells_both(mentions, a, d1, c1) and _tells_both(mentions, a, d2, c2)
                               for a in {m[0] for m in mentions} - {a1, a2}):
                    continue
            elif d2 in days_of[a1] or d1 in days_of[a2] or _jaccard(c1, c2) < SAME_HAPPENING:
                continue  # similar sentences only: neither article may give the other's day anywhere
            key = tuple(sorted((d1, d2)))
            if key in seen:
                continue
            seen.add(key)
            values = []
            for day, text in ((d1, t1), (d2, t2)):
                same = [(a, t) for a, d, t, c, _, k in mentions if d == day and (
                    max(_jaccard(c, c1), _jaccard(c, c2)) >= SAME_HAPPENING or k & (k1 | k2))]
                values.append(Value(day.isoformat(), tuple(dict.fromkeys(a for a, _ in same)), text,
                                    tuple(dict.fromkeys(t for _, t in same))))
            out.append(Disagreement("date", "ngày xảy ra", tuple(values)))
    return out


def _conflict(per_article: dict[str, list[Quantity]], voice: dict[str, str], name: str) -> Disagreement | None:
    heads: dict[str, Quantity] = {}
    for aid, qs in per_article.items():
        head = max(qs, key=lambda q: (q.exact, q.title))
        speaker = voice.get(aid, aid)
        if speaker not in heads or head.exact > heads[speaker].exact:
            heads[speaker] = head
    if len(heads) < 2:
        return None
    groups: list[list[Quantity]] = []
    for q in sorted(heads.values(), key=lambda q: q.exact):
        for g in groups:
            if all(compatible(q, o) for o in g):
                g.append(q)
                break
        else:
            groups.append([q])
    if len(groups) < 2:
        return None
    # A value one article gives anywhere is no conflict with that article ("2 ... 3" both in A).
    for g in groups:
        for q in g:
            for other in groups:
                if other is g:
                    continue
                if any(compatible(x, o) for x in per_article.get(q.article, []) for o in other):
                    return None
    all_qs = [q for qs in per_article.values() for q in qs]
    values = tuple(Value(_show(g[0]), tuple(q.article for q in g), g[0].text,
                         tuple(dict.fromkeys(q.text for q in all_qs if compatible(q, g[0]))))
                   for g in groups)
    return Disagreement("number", name, values)


_NUM_RE = re.compile(r"\d[\d.,]*")


def find_additions(sents: Sequence[Sequence[Sent]], duplicate_groups=None, limit: int = 5) -> list[Addition]:
    """Sentences with numbers that no other article's sentences share (numbers or most words)."""
    voice = _voice(duplicate_groups)
    words = [[frozenset(fold(t.text) for t in s.tokens) for s in article] for article in sents]
    numbers = [{n for s in article for n in _NUM_RE.findall(s.text)} for article in sents]
    cands = []
    for k, article in enumerate(sents):
        others = [m for m in range(len(sents)) if m != k and
                  voice.get(sents[m][0].article if sents[m] else "", "") != voice.get(article[0].article if article else "", "x")]
        if not others:
            continue
        for s, ws in zip(article, words[k]):
            if s.title or len(s.tokens) < 8:
                continue
            nums = set(_NUM_RE.findall(s.text))
            if not nums or any(nums & numbers[m] for m in others):
                continue
            best = max((len(ws & w) / len(ws) for m in others for w in words[m]), default=0.0)
            if best < 0.5:
                cands.append((len(nums) + sum(t.cap for t in s.tokens) / 5, s))
    cands.sort(key=lambda c: -c[0])
    out, per_article = [], defaultdict(int)
    for _, s in cands:
        if per_article[s.article] < 2 and len(out) < limit:
            per_article[s.article] += 1
            out.append(Addition(s.article, s.text))
    return out
