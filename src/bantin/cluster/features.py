"""Article features for event clustering: text, title, named-entity and number vectors.

Four sparse blocks, each TF-IDF weighted (sublinear tf) and L2-normalized, then stacked with
weights ``sqrt(w)`` so that the dot product of two rows is
``w_text cos(text) + w_title cos(title) + w_entity cos(entities) + w_number cos(numbers)``.
Because the kernel is a plain dot product, the average similarity between two groups of articles is the dot product of
their mean rows -- which is what lets :mod:`bantin.cluster.events` run exact average linkage
without comparing all pairs.

IDF pools the articles being clustered with a background collection (:class:`Background`):
``idf = ln((1 + s N_bg + n) / (1 + s df_bg + df_in)) + 1``, where ``s`` scales the background
down to at most :data:`BACKGROUND_STRENGTH` documents (a prior: it dominates a batch of four and
barely moves a batch of hundreds). Without it a batch of a handful of articles
gets an IDF in which function words weigh almost as much as topical words, and same-story articles
look less alike than in the large batches the threshold was tuned on. The shipped background
(``bantin/data/cluster_df.json``, document frequencies of terms only, built by
``python -m bantin.cluster.background``) is the default of :class:`bantin.cluster.ClusterConfig`.

Terms are hashed (scikit-learn ``HashingVectorizer``): no vocabulary to hold in memory for 100k
articles, and the same article always gets the same vector.

* text: lower-cased syllables and syllable bigrams of title + body (``hà nội`` -> ``hà``, ``nội``,
  ``hà nội``);
* title: the same on the title alone (or the first sentence when there is no title);
* entities: proper nouns, i.e. runs of capitalized syllables that do not start a sentence
  (``Bộ Y tế`` -> ``bộ y``; ``Hà Nội`` -> ``hà nội``); a run that starts a sentence loses its first
  syllable, which may be capitalized only because it starts the sentence;
* numbers: the numbers of the body with at least two characters (``3.579``, ``12/3``, ``2024``):
  dates, counts and amounts are event signatures that tell apart sister stories on one topic.
"""
from __future__ import annotations

import json
import logging
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Sequence

import numpy as np
import scipy.sparse as sp
from sklearn.feature_extraction.text import HashingVectorizer
from sklearn.preprocessing import normalize

from bantin.models import Article

log = logging.getLogger(__name__)

# 2**21 buckets: on the 100k-article benchmark stream fewer than 1% of the terms collide
# (bench_cluster_scale), and a collision only adds a little noise to one dimension.
N_FEATURES = 2**21
_TOKEN = r"(?u)[^\W_]+"
_BREAK_CHARS = frozenset(".!?…:;\n\"“”()[]")
_UPPER = "".join(sorted({c for c in map(chr, range(0x41, 0x2000)) if c.isupper() and c.isalpha()}))
# A run of capitalized syllables separated by single spaces (not starting inside a word).
_NUMBER = re.compile(r"\d[\d.,/%]*\d|\d")
_RUN = re.compile(r"(?<![^\W_])[" + re.escape(_UPPER) + r"][^\W_]*(?: [" + re.escape(_UPPER) + r"][^\W_]*)*")


@dataclass(frozen=True)
class FeatureWeights:
    """Weights of the three blocks in the article kernel (they should sum to 1)."""

    text: float
    title: float
    entities: float
    numbers: float = 0.0


def entities(text: str) -> list[str]:
    """Proper-noun runs of ``text``, lower-cased, syllables joined by ``_``.

    >>> entities("Sáng nay, Thủ tướng Nguyễn Xuân Phúc đến Hà Nội. Bộ Y tế họp.")
    ['thủ', 'nguyễn_xuân_phúc', 'hà_nội', 'y']
    """
    found = []
    for match in _RUN.finditer(text):
        tokens = match.group().split()
        before = text[:match.start()].rstrip()
        if not before or before[-1] in _BREAK_CHARS:
            tokens = tokens[1:]
        if tokens and not (len(tokens) == 1 and tokens[0].isdigit()):
            found.append("_".join(tokens).lower())
    return found


def numbers(text: str) -> list[str]:
    """Numbers of ``text`` with at least two characters (single digits are too common).

    >>> numbers("Ngày 12/3, Bộ Y tế gia hạn 3.579 thuốc, tăng 5% so với 2 năm trước.")
    ['12/3', '3.579']
    """
    return [m.group() for m in _NUMBER.finditer(text) if len(m.group()) >= 2]


def title_text(article: Article) -> str:
    """The title, or the first line of the body when the article has none."""
    if article.title.strip():
        return article.title
    first = article.text.strip().split("\n", 1)[0]
    return first[:300]


BLOCKS = ("text", "title", "entities", "numbers")


# Prior strength of the background: it counts as at most this many documents (its frequencies
# scaled down to match). A batch of 4 then gets mostly background IDF, while a batch of 600 keeps
# nearly its own. Measured with cross-tuned thresholds (BENCHMARKS.md "Event clustering"), the
# background built from the tuning corpus, VMDS / AbMuSu-train B-cubed F1: no background 0.9480 /
# 0.9239; strength 30: 0.9480 / 0.9233; 100: 0.9468 / 0.9233; 300: 0.9430 / -; full (~620 docs):
# 0.9415 / 0.9189 (the other corpus's vocabulary distorts the IDF of a large batch).
BACKGROUND_STRENGTH = 30.0
_SHIPPED = Path(__file__).resolve().parent.parent / "data" / "cluster_df.json"


@dataclass(frozen=True, eq=False)
class Background:
    """Document frequencies of a background collection, one dense array per block (hashed
    columns, see :data:`BLOCKS`), its number of documents, and the prior ``strength`` (it
    counts as at most that many documents)."""

    documents: int
    df: tuple[np.ndarray, ...]
    strength: float = BACKGROUND_STRENGTH

    @property
    def scale(self) -> float:
        return min(1.0, self.strength / self.documents) if self.documents else 0.0

    @classmethod
    def from_counts(cls, documents: int, counts: dict[str, dict[str, int]],
                    strength: float = BACKGROUND_STRENGTH) -> "Background":
        """From ``{block: {term: df}}`` (the JSON table): terms hashed to their columns."""
        arrays = []
        for block, vectorizer in zip(BLOCKS, _vectorizers()):
            df = np.zeros(N_FEATURES, dtype=np.float32)
            terms = counts.get(block, {})
            if terms:
                hasher = HashingVectorizer(n_features=N_FEATURES, analyzer=_single, alternate_sign=False,
                                           norm=None, dtype=np.float32)
                cols = hasher.transform(list(terms)).tocsr()
                np.add.at(df, cols.indices, np.fromiter(terms.values(), dtype=np.float32, count=len(terms)))
            arrays.append(df)
        return cls(documents, tuple(arrays), strength)

    @classmethod
    def from_articles(cls, articles: Sequence[Article], strength: float = BACKGROUND_STRENGTH) -> "Background":
        """Document frequencies of ``articles`` (e.g. the tuning corpus in an evaluation)."""
        arrays = []
        for block_docs, vectorizer in zip(_block_docs(articles), _vectorizers()):
            counts = vectorizer.transform(block_docs).tocsc()
            arrays.append(np.diff(counts.indptr).astype(np.float32))
        return cls(len(articles), tuple(arrays), strength)


@lru_cache(maxsize=1)
def shipped_background() -> Background | None:
    """The background shipped with bantin (``bantin/data/cluster_df.json``), None if absent."""
    if not _SHIPPED.exists():
        log.warning("no background document frequencies at %s: IDF from the batch alone", _SHIPPED)
        return None
    table = json.loads(_SHIPPED.read_text(encoding="utf-8"))
    return Background.from_counts(table["documents"], table["df"])


def _single(term: str) -> list[str]:
    return [term]


def term_counts(articles: Sequence[Article], min_df: int = 1) -> dict[str, dict[str, int]]:
    """``{block: {term: document frequency}}`` of ``articles`` (terms with df >= ``min_df``)."""
    table = {}
    for block, block_docs, vectorizer in zip(BLOCKS, _block_docs(articles), _vectorizers()):
        analyzer = vectorizer.build_analyzer()
        df: Counter = Counter()
        for doc in block_docs:
            df.update(set(analyzer(doc)))
        table[block] = {t: c for t, c in sorted(df.items()) if c >= min_df}
    return table


def _block_docs(articles: Sequence[Article]) -> tuple[list[str], ...]:
    return ([f"{a.title}\n{a.text}" for a in articles], [title_text(a) for a in articles],
            [a.text for a in articles], [a.text for a in articles])


def _vectorizers() -> tuple[HashingVectorizer, ...]:
    return (_text_vectorizer(), _text_vectorizer(), _entity_vectorizer(), _number_vectorizer())


def idf(df_in: np.ndarray, n: int, background: Background | None, block: int, cols=None) -> np.ndarray:
    """Smoothed IDF of columns ``cols`` (all when None) given in-batch ``df_in`` of ``n`` documents."""
    if background is None:
        return np.log((1.0 + n) / (1.0 + df_in)) + 1.0
    df_bg = background.df[block] if cols is None else background.df[block][cols]
    scale = background.scale
    return np.log((1.0 + scale * background.documents + n) / (1.0 + scale * df_bg + df_in)) + 1.0


def _text_vectorizer() -> HashingVectorizer:
    return HashingVectorizer(
        n_features=N_FEATURES, token_pattern=_TOKEN, ngram_range=(1, 2), lowercase=True,
        alternate_sign=False, norm=None, dtype=np.float32,
    )


def _entity_vectorizer() -> HashingVectorizer:
    return HashingVectorizer(
        n_features=N_FEATURES, analyzer=entities, alternate_sign=False, norm=None, dtype=np.float32,
    )


def _number_vectorizer() -> HashingVectorizer:
    return HashingVectorizer(
        n_features=N_FEATURES, analyzer=numbers, alternate_sign=False, norm=None, dtype=np.float32,
    )


def _tfidf(counts: sp.csr_matrix, max_terms: int | None, background: Background | None = None,
           block: int = 0) -> sp.csr_matrix:
    """Sublinear TF-IDF (IDF from these rows plus ``background``), top ``max_terms`` per row
    kept, L2 rows."""
    counts = counts.tocsr()
    return weigh(counts, term_weights(document_frequency(counts), counts.shape[0], background, block), max_terms)


def document_frequency(counts: sp.csr_matrix) -> np.ndarray:
    """In-batch document frequency of every column (float64; sums over parts of a batch)."""
    return np.bincount(counts.tocsr().indices, minlength=counts.shape[1]).astype(np.float64)


def term_weights(df_in: np.ndarray, n: int, background: Background | None, block: int) -> np.ndarray:
    """IDF of every column (float32) for a batch of ``n`` documents with document frequencies ``df_in``."""
    return idf(df_in, n, background, block).astype(np.float32)


def weigh(counts: sp.csr_matrix, weights: np.ndarray, max_terms: int | None) -> sp.csr_matrix:
    """Sublinear TF times ``weights``, top ``max_terms`` per row kept, L2 rows (row by row: a
    part of a batch gets the rows the whole batch would get, given the batch's weights)."""
    weighted = counts.tocsr().copy()
    weighted.data = (1.0 + np.log(weighted.data)) * weights[weighted.indices]
    if max_terms:
        weighted = keep_top_terms(weighted, max_terms)
    return normalize(weighted, norm="l2", copy=False).astype(np.float32)


def keep_top_terms(matrix: sp.csr_matrix, k: int) -> sp.csr_matrix:
    """Keep the ``k`` largest entries of every row (ties: lower column first)."""
    matrix = matrix.tocsr()
    indptr, indices, data = matrix.indptr, matrix.indices, matrix.data
    keep = np.ones(len(data), dtype=bool)
    for row in range(matrix.shape[0]):
        start, end = indptr[row], indptr[row + 1]
        if end - start > k:
            order = np.lexsort((indices[start:end], -data[start:end]))
            keep[start + order[k:]] = False
    lengths = np.add.reduceat(keep, indptr[:-1]) if len(data) else np.zeros(matrix.shape[0], dtype=np.int64)
    lengths = np.where(np.diff(indptr) > 0, lengths, 0)
    new_indptr = np.concatenate([[0], np.cumsum(lengths)])
    return sp.csr_matrix((data[keep], indices[keep], new_indptr), shape=matrix.shape)


def article_matrix(
    articles: Sequence[Article], weights: FeatureWeights, max_terms: int | None = None,
    background: Background | None = None,
) -> tuple[sp.csr_matrix, sp.csr_matrix]:
    """(kernel rows, text TF-IDF rows) for ``articles``.

    The kernel rows stack the weighted blocks (see the module docstring); the text rows alone are
    what candidate retrieval indexes.
    """
    counts = block_counts(articles, weights)
    n = len(articles)
    block_weights = [term_weights(document_frequency(c), n, background, b) for b, c in enumerate(counts)]
    return weigh_blocks(counts, block_weights, weights, max_terms)


def block_counts(articles: Sequence[Article], weights: FeatureWeights) -> list[sp.csr_matrix]:
    """Raw hashed term counts of the blocks of :data:`BLOCKS` (numbers only when weighted)."""
    bodies = [f"{a.title}\n{a.text}" for a in articles]
    titles = [title_text(a) for a in articles]
    counts = [_text_vectorizer().transform(bodies), _text_vectorizer().transform(titles),
              _entity_vectorizer().transform([a.text for a in articles])]
    if weights.numbers:
        counts.append(_number_vectorizer().transform([a.text for a in articles]))
    return [c.tocsr() for c in counts]


def weigh_blocks(counts: Sequence[sp.csr_matrix], block_weights: Sequence[np.ndarray], weights: FeatureWeights,
                 max_terms: int | None) -> tuple[sp.csr_matrix, sp.csr_matrix]:
    """(kernel rows, text TF-IDF rows) from :func:`block_counts` and each block's
    :func:`term_weights`; only the text block is cut to ``max_terms``."""
    text = weigh(counts[0], block_weights[0], max_terms)
    scales = (weights.text, weights.title, weights.entities, weights.numbers)
    blocks = [text * np.float32(np.sqrt(weights.text))]
    for b in range(1, len(counts)):
        blocks.append(weigh(counts[b], block_weights[b], None) * np.float32(np.sqrt(scales[b])))
    return sp.hstack(blocks, format="csr", dtype=np.float32), text
