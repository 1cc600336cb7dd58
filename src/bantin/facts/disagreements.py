"""Where outlets disagree (the same quantity, different values) and what only one outlet says.

Only quantities whose identity is clear are compared, so that an event without a disagreement
stays quiet: counts of people with what happened to them (``dead``, ``injured``, ``missing``
...), a named person's age, and amounts or measures whose sentences share a proper name and most
of their words. Per article and quantity the largest value stands for the article (a part toll
"hai nạn nhân ở quận X" does not dispute the total); values marked as an update (``tăng lên``,
``đến nay``) and compatible values (``hơn 100`` / ``112``, rounding within 2%) are no conflict.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from typing import Sequence

from bantin.facts.document import Sent
from bantin.facts.lexicon import fold
from bantin.facts.quantities import Quantity, find_quantities

# Two amounts/measures are the same quantity only when their sentences share this share of words
# (folded, Jaccard). 0.35: looser pairs unrelated figures of one story (tuned on the demo event
# and facts dev labels: benchmarks/facts_labels, `bantin evaluate ... --task facts --split dev`).
CONTEXT_OVERLAP = 0.35
ROUNDING = 0.02  # "210 mm" / "212 mm": rounding, not a conflict
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
    return fold(caps[-1].text) if caps else ""


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def find_disagreements(sents: Sequence[Sequence[Sent]], duplicate_groups=None) -> list[Disagreement]:
    voice = _voice(duplicate_groups)
    by_key: dict[tuple, dict[str, list[Quantity]]] = defaultdict(lambda: defaultdict(list))
    loose: list[tuple[Quantity, Sent]] = []
    for article in sents:
        for sent in article:
            for q in find_quantities(sent):
                if q.update:
                    continue
                if q.what:
                    by_key[("people", q.what)][q.article].append(q)
                elif q.unit == "tuổi":
                    anchor = _anchor(q, sent)
                    if anchor:
                        by_key[("age", anchor)][q.article].append(q)
                elif q.unit in ("đồng", "USD", "EUR", "mm", "km", "m", "ha", "tấn", "kg", "hộ", "nhà", "xe"):
                    loose.append((q, sent))
    out = []
    for (kind, what), per_article in by_key.items():
        name = WHAT_NAMES.get(what) if kind == "people" else f"tuổi của {what.title()}"
        d = _conflict(per_article, voice, name or what)
        if d:
            out.append(d)
    out.extend(_loose_conflicts(loose, voice))
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


def _loose_conflicts(loose: list[tuple[Quantity, Sent]], voice: dict[str, str]) -> list[Disagreement]:
    out = []
    used: set[int] = set()
    for i, (a, sa) in enumerate(loose):
        for j in range(i + 1, len(loose)):
            b, sb = loose[j]
            if j in used or i in used or voice.get(a.article, a.article) == voice.get(b.article, b.article):
                continue
            if a.unit != b.unit or compatible(a, b):
                continue
            caps_a = {fold(t.text) for t in sa.tokens if t.cap and not t.gap}
            caps_b = {fold(t.text) for t in sb.tokens if t.cap and not t.gap}
            if not caps_a & caps_b or _jaccard(a.context, b.context) < CONTEXT_OVERLAP:
                continue
            # the same article giving the other value anywhere: different quantities
            if any(q.unit == a.unit and compatible(q, b) for q, s in loose if q.article == a.article) or \
                    any(q.unit == b.unit and compatible(q, a) for q, s in loose if q.article == b.article):
                continue
            used.update((i, j))
            out.append(Disagreement("number", _noun_of(a, sa), (
                Value(_show(a), (a.article,), a.text, (a.text,)), Value(_show(b), (b.article,), b.text, (b.text,)))))
    return out


def _noun_of(q: Quantity, sent: Sent) -> str:
    pos = sent.text.find(q.text)
    before = re.findall(r"\w+", sent.text[max(0, pos - 30):pos])
    return " ".join(before[-3:] + [q.unit]) if before else q.unit


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
