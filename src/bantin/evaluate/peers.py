"""Peer systems for summary evaluation: baselines, classic graph rankers, the oracle, and bantin.

Every system has one signature, ``system(articles, max_words) -> str``, and is chosen by name
from :data:`SYSTEMS`. ``max_words`` is the budget in syllables (as ROUGE counts them). Systems may
cross the budget with their last sentence; the scorer cuts every output at the budget, so all are
treated alike.

* ``lead``: round-robin over the articles in time order: the 1st sentence of each, then the 2nd, ...
* ``lead-1doc``: the first article in time order, from the top;
* ``lexrank`` / ``textrank``: sumy's rankers (``pip install 'bantin[bench]'``) on our sentences and
  syllable tokens (no nltk data); best-ranked sentences until the budget, shown in document order;
* ``oracle``: greedy extractive oracle against the references (see :func:`oracle_sentences`) -- the
  ceiling of sentence extraction, not a system;
* ``bantin``: our summarizer with ``fill=True`` (may cross the budget like lead);
  ``bantin-strict``: with ``fill=False`` (stays within the budget).
"""
from __future__ import annotations

import logging
from collections import Counter
from functools import lru_cache
from typing import Callable, Sequence

from bantin.evaluate.rouge import ngrams, overlap_prf, tokenize
from bantin.models import Article
from bantin.text import split_sentences

logger = logging.getLogger(__name__)

System = Callable[[Sequence[Article], int], str]


class MissingDependency(RuntimeError):
    """An optional peer is asked for but its library is not installed."""


def in_time_order(articles: Sequence[Article]) -> list[Article]:
    """Articles by publication time; undated ones keep their corpus order, after the dated ones."""
    from bantin.summarize.features import chronological_order

    return [articles[k] for k in chronological_order(articles)]


def _fill(sentences: Sequence[str], max_words: int) -> list[str]:
    """Sentences in the given order until the budget is reached (the last one may cross it)."""
    chosen, length = [], 0
    for sentence in sentences:
        if length >= max_words:
            break
        chosen.append(sentence)
        length += len(tokenize(sentence))
    return chosen


def lead(articles: Sequence[Article], max_words: int) -> str:
    """Round-robin lead: sentence 1 of every article (time order), then sentence 2, ..."""
    per_article = [split_sentences(a.text) for a in in_time_order(articles)]
    order = []
    for rank in range(max((len(s) for s in per_article), default=0)):
        order.extend(s[rank] for s in per_article if rank < len(s))
    return " ".join(_fill(order, max_words))


def lead_1doc(articles: Sequence[Article], max_words: int) -> str:
    """The first article in time order, from the top."""
    ordered = in_time_order(articles)
    if not ordered:
        return ""
    return " ".join(_fill(split_sentences(ordered[0].text), max_words))


def cluster_sentences(articles: Sequence[Article]) -> list[str]:
    """All sentences of a cluster, articles in time order, exact repeats dropped."""
    seen, out = set(), []
    for article in in_time_order(articles):
        for sentence in split_sentences(article.text):
            if sentence not in seen:
                seen.add(sentence)
                out.append(sentence)
    return out


# --- sumy rankers -------------------------------------------------------------------------------

class _SyllableTokenizer:
    """The tokenizer interface sumy expects, backed by our splitter and syllables (no nltk punkt)."""

    language = "vietnamese"

    def to_sentences(self, paragraph: str) -> tuple[str, ...]:
        return tuple(split_sentences(paragraph))

    def to_words(self, sentence: str) -> tuple[str, ...]:
        return tuple(tokenize(sentence))


@lru_cache(maxsize=None)
def _sumy_ranker(name: str):
    try:
        from sumy.summarizers.lex_rank import LexRankSummarizer
        from sumy.summarizers.text_rank import TextRankSummarizer
    except ImportError as error:
        raise MissingDependency(
            f"the {name!r} peer needs sumy: pip install 'bantin[bench]'"
        ) from error
    return {"lexrank": LexRankSummarizer, "textrank": TextRankSummarizer}[name]()


def sumy_available() -> bool:
    try:
        _sumy_ranker("lexrank")
    except MissingDependency:
        return False
    return True


def _sumy_summary(name: str, articles: Sequence[Article], max_words: int) -> str:
    ranker = _sumy_ranker(name)
    from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence

    tokenizer = _SyllableTokenizer()
    seen: set[str] = set()
    paragraphs = []
    for article in in_time_order(articles):
        fresh = [s for s in split_sentences(article.text) if s not in seen]
        seen.update(fresh)
        if fresh:
            paragraphs.append(Paragraph([Sentence(s, tokenizer) for s in fresh]))
    document = ObjectDocumentModel(paragraphs)
    if not document.sentences:
        return ""

    def until_budget(ranked):
        # sumy hands the sentences best-rated first; keep them until the budget is reached
        chosen, length = [], 0
        for info in ranked:
            if length >= max_words:
                break
            chosen.append(info)
            length += len(info.sentence.words)
        return chosen

    return " ".join(str(s) for s in ranker(document, until_budget))


def lexrank(articles: Sequence[Article], max_words: int) -> str:
    return _sumy_summary("lexrank", articles, max_words)


def textrank(articles: Sequence[Article], max_words: int) -> str:
    return _sumy_summary("textrank", articles, max_words)


# --- oracle -------------------------------------------------------------------------------------

def _mean_rouge2_f(tokens: Sequence[str], references: Sequence[Counter]) -> float:
    counts = ngrams(tokens, 2)
    return sum(overlap_prf(counts, ref).f for ref in references) / len(references)


def oracle_sentences(sentences: Sequence[str], references: Sequence[str], budget: int) -> list[int]:
    """Greedy extractive oracle: indices of ``sentences`` in the order they were picked.

    Repeatedly appends the sentence that most increases the mean ROUGE-2 F1 against the
    ``references`` of the summary so far cut at ``budget`` syllables; a sentence may be added while
    the summary is shorter than the budget (the last one may be cut). Stops when nothing improves.
    """
    refs = [ngrams(tokenize(reference), 2) for reference in references]
    if not any(refs) or budget <= 0:
        return []
    token_lists = [tokenize(s) for s in sentences]
    chosen: list[int] = []
    summary: list[str] = []
    best = 0.0
    while len(summary) < budget:
        best_index, best_score = None, best
        for index, tokens in enumerate(token_lists):
            if index in chosen or not tokens:
                continue
            candidate = _mean_rouge2_f((summary + tokens)[:budget], refs)
            if candidate > best_score:
                best_index, best_score = index, candidate
        if best_index is None:
            break
        chosen.append(best_index)
        summary.extend(token_lists[best_index])
        best = best_score
    return chosen


def make_oracle(references: Sequence[str]) -> System:
    """The oracle needs the references, so it is built per cluster."""

    def oracle(articles: Sequence[Article], max_words: int) -> str:
        sentences = cluster_sentences(articles)
        return " ".join(sentences[i] for i in oracle_sentences(sentences, references, max_words))

    return oracle


# --- bantin -------------------------------------------------------------------------------------

def _bantin_summarize():
    try:
        from bantin.summarize import summarize
    except ImportError as error:
        raise MissingDependency(f"bantin.summarize.summarize is not available: {error}") from error
    return summarize


def bantin(articles: Sequence[Article], max_words: int) -> str:
    """Our summarizer, allowed to cross the budget with its last sentence (cut by the scorer)."""
    return _bantin_summarize()(list(articles), max_words=max_words, fill=True).text


def bantin_strict(articles: Sequence[Article], max_words: int) -> str:
    """Our summarizer as shipped: the summary stays within the budget."""
    return _bantin_summarize()(list(articles), max_words=max_words, fill=False).text


SYSTEMS: dict[str, System] = {
    "bantin": bantin,
    "bantin-strict": bantin_strict,
    "lead": lead,
    "lead-1doc": lead_1doc,
    "lexrank": lexrank,
    "textrank": textrank,
}
#: ``oracle`` is not in :data:`SYSTEMS`: it is built per cluster from the references (make_oracle).
ALL_NAMES = ("bantin", "bantin-strict", "lead", "lead-1doc", "lexrank", "textrank", "oracle")
SUMY_NAMES = ("lexrank", "textrank")


def get_system(name: str, references: Sequence[str] = ()) -> System:
    """The system called ``name`` (``oracle`` needs the cluster's references)."""
    if name == "oracle":
        return make_oracle(references)
    try:
        return SYSTEMS[name]
    except KeyError:
        raise ValueError(f"unknown system {name!r}; choose from {', '.join(ALL_NAMES)}") from None
