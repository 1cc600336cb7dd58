"""Dated happenings of an event, relative dates resolved against each article's publication date.

``bantin.ingest.dates.find_dates`` finds and resolves the expressions; a mention becomes an entry
when it names one day (``ngày 14/7``, ``hôm qua``, ``thứ Hai tuần trước``) or one month; years
alone and spans (``tuần qua``) are too vague to order a story by. An article without a
publication date keeps only mentions that carry their own year. Entries of the same date from
several articles are merged (one happening per date: stories rarely tell two on one day) and
ordered. A span ("từ tối 14/7 đến rạng sáng 15/7") is one happening, entered at its start.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Sequence

from functools import lru_cache

from bantin.facts.document import Sent
from bantin.ingest.dates import DateMention, find_dates


@lru_cache(maxsize=4096)
def dates_in(text: str, pivot: date) -> tuple[DateMention, ...]:
    """``find_dates`` of a sentence, cached: the timeline and the date disagreements both ask."""
    return tuple(find_dates(text, pivot))

_YEAR_RE = re.compile(r"(?:19|20)\d{2}")
# A date inside these phrases is no happening of the story ("sinh ngày 2/3/1980", "hạn đến 5/8")
_SKIP_BEFORE = re.compile(r"(?:sinh|cập nhật|đăng)\s*(?:ngày|năm)?\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class Entry:
    date: str
    text: str
    sources: tuple[str, ...]

    def to_dict(self) -> dict:
        return {"date": self.date, "text": self.text, "sources": list(self.sources)}


_DATED_YEAR_RE = re.compile(r"\d{1,2}\s*[/.-]\s*(?:19|20)\d{2}|năm\s+(?:19|20)\d{2}")


def event_year(sents: Sequence[Sequence[Sent]]) -> int | None:
    """The year of a story whose articles carry no publication date: the latest year written
    after a month or "năm" (birth years and history come earlier than the news)."""
    years = [int(_YEAR_RE.search(m).group()) for article in sents for s in article
             for m in _DATED_YEAR_RE.findall(s.text)]
    years = [y for y in years if y <= 2035]
    return max(years) if years else None


def build_timeline(sents: Sequence[Sequence[Sent]], published: dict[str, datetime | None]) -> list[Entry]:
    year = event_year(sents)
    found: dict[str, list[tuple[str, str]]] = {}
    for article in sents:
        for s in article:
            if s.title:
                continue
            pub = published.get(s.article)
            pivot = pub if pub is not None else (date(year, 7, 1) if year else None)
            if pivot is None:
                continue
            previous = None
            for m in dates_in(s.text, pivot if isinstance(pivot, date) and not isinstance(pivot, datetime)
                              else as_day(pivot)):
                ends_range = previous is not None and range_end(s.text, previous, m)
                previous = m
                if ends_range or m.kind not in ("day", "month") or _SKIP_BEFORE.search(s.text[:m.span[0]]):
                    continue
                if pub is None and not _YEAR_RE.search(m.text) and m.kind == "day" and not _same_year_cue(m.text):
                    continue
                if m.kind == "day" and m.start == m.end:
                    key = span_start(s.text, m).isoformat()
                elif m.kind == "month" and m.start.day == 1 and _YEAR_RE.search(m.text):
                    key = m.start.strftime("%Y-%m")
                else:
                    continue
                found.setdefault(key, []).append((s.article, s.text))
    out = []
    for key in sorted(found):
        items = found[key]
        sources = tuple(dict.fromkeys(a for a, _ in items))
        out.append(Entry(key, items[0][1], sources))
    return out


# "từ tối 14/7 đến rạng sáng 15/7", "ngày 20/10 và tiếp tục đến sáng 21/10", "14/7 - 16/7": the
# second date ends a span that started at the first one -- one happening, entered at its start.
_RANGE_BETWEEN = re.compile(r"\s*(?:[-–]|(?:và\s+)?(?:(?:kéo dài|tiếp tục|tiếp diễn|liên tục)\s+)?"
                            r"(?:cho\s+)?(?:đến|tới)(?:\s+hết)?)\s*", re.IGNORECASE)
_RANGE_FROM = re.compile(r"\b(?:từ|kéo dài)\s*(?:\S+\s+){0,2}$", re.IGNORECASE)
_RANGE_TO = re.compile(r"\b(?:đến|tới)\b", re.IGNORECASE)


_DAY_BEFORE = re.compile(r"(?<![\d/])(\d{1,2})\s*(?:và|-|–|đến|tới)\s*$")


def span_start(text: str, mention: DateMention) -> date:
    """The first day of "đêm 18 và 19/10", "18-19/10" (the parser reads only the day with the
    month): a span is entered at its start."""
    found = _DAY_BEFORE.search(text[max(0, mention.span[0] - 12):mention.span[0]])
    if found and mention.text[:1].isdigit():
        first = int(found.group(1))
        if 1 <= first < mention.start.day:
            return mention.start.replace(day=first)
    return mention.start


def range_end(text: str, first: DateMention, second: DateMention) -> bool:
    """``second`` closes a span opened by ``first`` (``từ X đến Y``, ``X - Y``): not a happening
    of its own."""
    between = text[first.span[1]:second.span[0]]
    if _RANGE_BETWEEN.fullmatch(between):
        return True
    opened = _RANGE_FROM.search(text[max(0, first.span[0] - 20):first.span[0]])
    return bool(opened) and len(between) <= 40 and not re.search(r"[;.!?]", between) \
        and bool(_RANGE_TO.search(between))


def as_day(value: datetime) -> date:
    from bantin.ingest.dates import VN_TZ

    return (value.astimezone(VN_TZ) if value.tzinfo else value).date()


def _same_year_cue(text: str) -> bool:
    """An explicit day/month ("ngày 14/7") is read in the event's year when no publication date."""
    return bool(re.search(r"\d{1,2}\s*[/-]\s*\d{1,2}|tháng", text))
