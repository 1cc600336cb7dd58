"""An event's articles as facts see them: sentences of word tokens with their offsets.

Sentence 0 of an article is its title (when it has one); ``lede`` marks the first body sentence.
Tokens are runs of letters/digits (``TP.HCM``, ``COVID-19``, ``1.500`` stay one token);
``gap`` is True when punctuation (not a plain space) stands before the token.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence

from bantin.models import Article
from bantin.text import split_sentences

_TOKEN_RE = re.compile(r"\w(?:[\w'’]|[.\-](?=\w))*")


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int
    gap: bool  # punctuation before it (or the sentence start)

    @property
    def cap(self) -> bool:
        return self.text[0].isupper()

    @property
    def lower(self) -> str:
        return self.text.lower()


@dataclass(frozen=True)
class Sent:
    article: str  # article id
    index: int  # 0 = title when the article has one
    text: str
    tokens: tuple[Token, ...]
    title: bool = False
    lede: bool = False


def tokenize(text: str) -> tuple[Token, ...]:
    out = []
    last = 0
    for m in _TOKEN_RE.finditer(text):
        between = text[last:m.start()]
        out.append(Token(m.group(), m.start(), m.end(), gap=not out or bool(between.strip())))
        last = m.end()
    return tuple(out)


def article_sents(article: Article) -> list[Sent]:
    """The title (if any) and the body sentences of one article, tokenized."""
    out: list[Sent] = []
    if article.title.strip():
        out.append(Sent(article.id, 0, article.title.strip(), tokenize(article.title.strip()), title=True))
    for k, text in enumerate(split_sentences(article.text)):
        out.append(Sent(article.id, len(out), text, tokenize(text), lede=k == 0))
    return out


def event_sents(articles: Sequence[Article]) -> list[list[Sent]]:
    return [article_sents(a) for a in articles]
