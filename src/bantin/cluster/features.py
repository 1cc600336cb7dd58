"""Article features for event clustering: text, title, named-entity and number vectors.

Four sparse blocks, each TF-IDF weighted (sublinear tf, IDF from the articles being clustered)
and L2-normalized, then stacked with weights ``sqrt(w)`` so that the dot product of two rows is
``w_text cos(text) + w_title cos(title) + w_entity cos(entities) + w_number cos(numbers)``.
Because the kernel is a plain dot product, the average similarity between two groups of articles is the dot product of
their mean rows -- which is what lets :mod:`bantin.cluster.events` run exact average linkage
without comparing all pairs.

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

import re
from dataclasses import dataclass
from typing import Sequence

import numpy as np
import scipy.sparse as sp
from sklearn.feature_extraction.text import HashingVectorizer, TfidfTransformer
from sklearn.preprocessing import normalize

from bantin.models import Article

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


def _tfidf(counts: sp.csr_matrix, max_terms: int | None) -> sp.csr_matrix:
    """Sublinear TF-IDF with IDF from these rows, top ``max_terms`` per row kept, L2 rows."""
    weighted = TfidfTransformer(sublinear_tf=True, norm=None).fit_transform(counts).tocsr()
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
) -> tuple[sp.csr_matrix, sp.csr_matrix]:
    """(kernel rows, text TF-IDF rows) for ``articles``.

    The kernel rows stack the weighted blocks (see the module docstring); the text rows alone are
    what candidate retrieval indexes.
    """
    bodies = [f"{a.title}\n{a.text}" for a in articles]
    titles = [title_text(a) for a in articles]
    text = _tfidf(_text_vectorizer().transform(bodies), max_terms)
    title = _tfidf(_text_vectorizer().transform(titles), None)
    ents = _tfidf(_entity_vectorizer().transform([a.text for a in articles]), None)
    blocks = [
        text * np.float32(np.sqrt(weights.text)),
        title * np.float32(np.sqrt(weights.title)),
        ents * np.float32(np.sqrt(weights.entities)),
    ]
    if weights.numbers:
        nums = _tfidf(_number_vectorizer().transform([a.text for a in articles]), None)
        blocks.append(nums * np.float32(np.sqrt(weights.numbers)))
    return sp.hstack(blocks, format="csr", dtype=np.float32), text
