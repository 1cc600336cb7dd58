"""Attribution: every article sentence that states the content of a summary sentence.

A sentence ``t`` is a source of summary sentence ``s`` when ``t`` contains at least
:data:`MIN_CONTAINMENT` of ``s``'s content bigrams (syllable bigrams with at least one
non-function syllable, see ``features.content_bigrams``), computed on ``t`` as it stands in
``article_sentences(article)``. The sentence the text was taken from comes first.
"""
from __future__ import annotations

from bantin.models import SourceRef
from bantin.summarize.features import ClusterView, Sentence, content_bigrams
from bantin.text import syllables

# Half of the content bigrams: paraphrases of one fact across outlets share most of their
# names, numbers and key phrases; unrelated sentences about the same event share far fewer.
MIN_CONTAINMENT = 0.5


def attribute(chosen: Sentence, view: ClusterView) -> tuple[SourceRef, ...]:
    """The chosen sentence's own ref, then every other sentence carrying the same content."""
    articles = view.articles
    own = SourceRef(articles[chosen.article].id, chosen.index)
    wanted = content_bigrams(chosen.tokens)
    if not wanted:
        return (own,)
    scored: list[tuple[float, int, int, SourceRef]] = []
    for s in view.sentences:
        if s is chosen:
            continue
        have = wanted & content_bigrams(syllables(s.raw))
        share = len(have) / len(wanted)
        if share >= MIN_CONTAINMENT:
            scored.append((-share, view.rank[s.article], s.index, SourceRef(articles[s.article].id, s.index)))
    scored.sort(key=lambda item: item[:3])
    return (own, *(ref for *_, ref in scored))
