"""Attribution: every article sentence that states the content of a summary sentence.

A sentence ``t`` is a source of summary sentence ``s`` when ``t`` contains at least
:data:`MIN_CONTAINMENT` of ``s``'s content bigrams (syllable bigrams with at least one
non-function syllable, see ``features.content_bigrams``), computed on ``t`` as it stands in
``article_sentences(article)``, **and** ``t`` states every number that ``s`` states (see
:func:`numbers`): outlets often share a long attribution phrase ("Theo Ban Chỉ huy phòng chống
thiên tai ...") while disagreeing on the fact itself ("hai người chết" / "ba trường hợp tử
vong"), and such a sentence is not a source. The sentence the text was taken from comes first.
"""
from __future__ import annotations

from typing import Sequence

from bantin.models import SourceRef
from bantin.summarize.features import ClusterView, Sentence, content_bigrams
from bantin.text import syllables

# Half of the content bigrams: paraphrases of one fact across outlets share most of their
# names, numbers and key phrases; unrelated sentences about the same event share far fewer.
MIN_CONTAINMENT = 0.5

# Number words that are (nearly) never anything else in news text. "một" (also "a") and "năm"
# (also "year") are left out: they would make unrelated sentences disagree.
NUMBER_WORDS = frozenset("hai ba bốn sáu bảy tám chín mười".split())


def numbers(tokens: Sequence[str]) -> frozenset[str]:
    """The numbers a sentence states: digit tokens and unambiguous number words (lower-cased syllables)."""
    return frozenset(t for t in tokens if t.isdigit() or t in NUMBER_WORDS)


def raw_tokens(view: ClusterView) -> list[tuple[frozenset, frozenset[str]]]:
    """(content bigrams, numbers) of every sentence of ``view`` as it stands in the article."""
    out = []
    for s in view.sentences:
        tokens = syllables(s.raw)
        out.append((content_bigrams(tokens), numbers(tokens)))
    return out


def attribute(
    chosen: Sentence, view: ClusterView, raw: Sequence[tuple[frozenset, frozenset[str]]] | None = None,
) -> tuple[SourceRef, ...]:
    """The chosen sentence's own ref, then every other sentence carrying the same content
    (``raw``: :func:`raw_tokens` of the view, computed once for all summary sentences)."""
    articles = view.articles
    raw = raw if raw is not None else raw_tokens(view)
    own = SourceRef(articles[chosen.article].id, chosen.index)
    wanted = content_bigrams(chosen.tokens)
    if not wanted:
        return (own,)
    stated = numbers(chosen.tokens)
    scored: list[tuple[float, int, int, SourceRef]] = []
    for s, (bigrams, stated_there) in zip(view.sentences, raw):
        if s is chosen:
            continue
        share = len(wanted & bigrams) / len(wanted)
        if share >= MIN_CONTAINMENT and stated <= stated_there:
            scored.append((-share, view.rank[s.article], s.index, SourceRef(articles[s.article].id, s.index)))
    scored.sort(key=lambda item: item[:3])
    return (own, *(ref for *_, ref in scored))
