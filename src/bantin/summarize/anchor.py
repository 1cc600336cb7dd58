"""Relative days anchored to the article's publication date: ``hôm qua`` -> ``hôm qua (2/11)``.

A brief mixes articles published on different days, so "hôm qua" from a Monday article and
"sáng nay" from a Tuesday one can name the same day, or "hôm qua" can read as the reader's
yesterday. Every relative day expression (``hôm qua``, ``sáng nay``, ``chiều qua``, ``tối mai``...,
found by :func:`bantin.ingest.dates.find_dates`) in an article with a known publication date gets
the day it names in parentheses, as Vietnamese outlets write it themselves. Expressions that
already carry a number (``sáng 2/11``, ``hôm qua (2/11)``) are left alone.
"""
from __future__ import annotations

import re
from datetime import datetime

from bantin.ingest.dates import find_dates

_RELATIVE_WORDS = ("nay", "qua", "mai", "kia")
# Cheap gate before the date parser (most sentences have no relative day).
_MAYBE = re.compile(r"(?<!\w)(?:nay|qua|mai|kia)(?!\w)", re.I)


def anchor_relative_days(sentence: str, published: datetime | None) -> str:
    """``sentence`` with ``(d/m)`` after each relative day expression (unchanged without a date)."""
    if published is None or not _MAYBE.search(sentence):
        return sentence
    out = sentence
    for m in reversed(find_dates(sentence, published)):
        if m.kind != "day" or any(ch.isdigit() for ch in m.text) or m.start != m.end:
            continue
        if not m.text.lower().split()[-1] in _RELATIVE_WORDS:
            continue
        end = m.span[1]
        out = out[:end] + f" ({m.start.day}/{m.start.month})" + out[end:]
    return out


def unanchored_relative_day(sentence: str) -> bool:
    """A relative day expression with no date next to it (for undated articles)."""
    return bool(_MAYBE.search(sentence)) and any(
        m.kind == "day" and not any(ch.isdigit() for ch in m.text) and m.text.lower().split()[-1] in _RELATIVE_WORDS
        for m in find_dates(sentence, datetime(2000, 1, 1))
    )
