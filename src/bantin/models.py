"""The data model: articles in, events and summaries out.

Every type is a frozen dataclass; stages return new values instead of mutating.
``to_dict()`` gives the JSON shape the CLI writes (NFC strings, ISO 8601 dates).
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Mapping


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


@dataclass(frozen=True)
class Article:
    """One news article as read from a file, a JSON record or a web page.

    ``text`` is the body (after cleaning, when it went through ``clean``).
    ``meta`` carries reader/cleaner facts: detected encoding and confidence,
    dropped lines with reasons, the raw ``published`` string, warnings.
    """

    text: str
    id: str = ""
    title: str = ""
    source: str = ""
    url: str = ""
    published: datetime | None = None
    meta: Mapping[str, Any] = field(default_factory=dict)

    def replace(self, **changes: Any) -> "Article":
        return dataclasses.replace(self, **changes)

    def to_dict(self, with_meta: bool = False) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": self.id,
            "title": self.title,
            "text": self.text,
            "source": self.source,
            "url": self.url,
            "published": _iso(self.published),
        }
        if with_meta:
            out["meta"] = dict(self.meta)
        return out


@dataclass(frozen=True)
class SourceRef:
    """A place in an input article: the article id and the sentence index in it."""

    article_id: str
    sentence_index: int

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.article_id, "sentence": self.sentence_index}


@dataclass(frozen=True)
class SummarySentence:
    """One sentence of a summary with every article sentence that states the same content.

    ``sources[0]`` is the sentence the text was taken from; the rest are other
    articles' sentences found to carry the same content.
    """

    text: str
    sources: tuple[SourceRef, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "sources": [s.to_dict() for s in self.sources]}


@dataclass(frozen=True)
class Summary:
    """An extractive, attributed summary of one event."""

    sentences: tuple[SummarySentence, ...]
    articles: tuple[str, ...]
    max_words: int

    @property
    def text(self) -> str:
        return " ".join(s.text for s in self.sentences)

    def to_dict(self) -> dict[str, Any]:
        return {
            "summary": self.text,
            "max_words": self.max_words,
            "sentences": [s.to_dict() for s in self.sentences],
            "articles": list(self.articles),
        }


@dataclass(frozen=True)
class Event:
    """A set of articles about one story, with copies grouped and an optional summary."""

    id: str
    title: str
    articles: tuple[str, ...]
    duplicates: tuple[tuple[str, ...], ...] = ()
    sources: tuple[str, ...] = ()
    first_published: datetime | None = None
    last_published: datetime | None = None
    summary: Summary | None = None
    facts: Any = None  # bantin.facts.Facts: entities, timeline, disagreements, additions

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": self.id,
            "title": self.title,
            "articles": list(self.articles),
            "duplicates": [list(group) for group in self.duplicates],
            "sources": list(self.sources),
            "first_published": _iso(self.first_published),
            "last_published": _iso(self.last_published),
        }
        if self.summary is not None:
            out["summary"] = self.summary.text
            out["sentences"] = [s.to_dict() for s in self.summary.sentences]
        if self.facts is not None:
            out.update(self.facts.to_dict())
            self.facts.mark(out.get("sentences", []))
        return out


@dataclass(frozen=True)
class Rejected:
    """An input that could not be used, and why: reported, never silently dropped.

    ``where`` is the file path (or ``<stdin>``), ``line`` the 1-based line for JSONL.
    """

    where: str
    reason: str
    line: int | None = None

    def __str__(self) -> str:
        place = f"{self.where}:{self.line}" if self.line is not None else self.where
        return f"{place}: {self.reason}"

    def to_dict(self) -> dict[str, Any]:
        return {"where": self.where, "line": self.line, "reason": self.reason}
