"""The brief's first sentence: the event's lede, chosen for what most outlets state.

Candidates are the sentences that open a story: each article's first sentence, and in an
article with a lede (sapo) in front, also the body's first sentence. Among those that can stand
alone (a summary candidate, no dependent opener), the lede maximizes

    concept weight of its bigrams (what the model expects a human summary to say)
    x (0.5 + cross-source support)

where support is the mean, over the *other* voices of the cluster, of the share of the sentence's
content bigrams that voice's articles also contain (a fact four outlets state beats one only the
first outlet has). Concept weight past :data:`LONG` syllables does not count, so a shorter opener
carrying the same fact wins over a long one.

Measured on the training split (VMDS + AbMuSu-train minus the seed-20269 15% holdout), ROUGE-2 F
of the chosen lede against the reference's first sentence (``benchmarks/brief_lede.py``):
VMDS with sapo 43.9 (earliest article's first sentence 26.0, weight alone 45.6, support alone
33.1), VMDS bodies 43.9 (35.8), AbMuSu with sapo 28.7 (18.0), AbMuSu bodies 24.6 (34.5: AbMuSu's
references start from the first listed document, which carries no date).
"""
from __future__ import annotations

from typing import Mapping, Sequence

from bantin.summarize.features import Bigram, ClusterView, Sentence, content_bigrams

LONG = 60  # syllables a reader takes in at once (issue 9: 39-49% of summaries had a longer sentence)
# An opener longer than this is a list or a run-on page line, not a lede (dev reads: a 142-syllable
# list of defendants, a 103-syllable "Dòng sự kiện" related-news line), unless nothing shorter opens.
LEDE_MAX = 90
SUPPORT_FLOOR = 0.5  # a sentence only one voice states keeps half of its weight


def opener_candidates(view: ClusterView) -> list[Sentence]:
    """Each article's first sentence and, after a lede-like first paragraph, the body's first."""
    out: list[Sentence] = []
    seen_body: set[int] = set()
    for s in view.sentences:
        if s.index == 0:
            out.append(s)
        elif s.paragraph > 0 and s.article not in seen_body:
            seen_body.add(s.article)
            if any(t.lede_like for t in view.sentences if t.article == s.article):
                out.append(s)
    return out


def support(s: Sentence, voice_bigrams: Sequence[frozenset[Bigram]], own_voice: int) -> float:
    """Mean share of ``s``'s content bigrams found in each other voice's articles."""
    wanted = content_bigrams(s.tokens)
    others = [b for v, b in enumerate(voice_bigrams) if v != own_voice]
    if not wanted or not others:
        return 0.0
    return sum(len(wanted & b) for b in others) / (len(wanted) * len(others))


def choose_lede(
    view: ClusterView, candidates: Sequence[Sentence], weight: Mapping[Bigram, float], max_words: int,
) -> Sentence | None:
    """The lede among ``candidates`` (summary candidates that stand alone), or None."""
    allowed = {(s.article, s.index) for s in candidates}
    openers = [s for s in opener_candidates(view) if (s.article, s.index) in allowed and s.words <= max_words]
    if any(s.words <= LEDE_MAX for s in openers):
        openers = [s for s in openers if s.words <= LEDE_MAX]
    if not openers:
        return None
    voice_sets: list[set[Bigram]] = [set() for _ in range(max(view.n_voices, 1))]
    for s in view.sentences:
        voice_sets[view.voices[s.article]].update(content_bigrams(s.tokens))
    frozen = [frozenset(v) for v in voice_sets]

    def score(s: Sentence) -> tuple[float, int, int]:
        pairs = list(zip(s.tokens, s.tokens[1:]))
        total = sum(weight.get(b, 0.0) for b in pairs)
        if s.words > LONG and pairs:
            total *= LONG / s.words
        return (total * (SUPPORT_FLOOR + support(s, frozen, view.voices[s.article])), -view.rank[s.article], -s.index)

    return max(openers, key=score)
