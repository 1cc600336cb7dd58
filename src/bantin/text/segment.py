"""Word segmentation and syllable tokens -- the only module that imports underthesea.

Vietnamese words are one or more syllables separated by spaces (``Chủ tịch``, ``Nguyễn Văn A``).
:func:`word_tokenize` returns words (syllables joined by a space, as underthesea does);
:func:`syllables` returns the syllable tokens used for budgets and ROUGE (no model needed).
Only underthesea's offline functions are used: its CRF word segmenter ships in the package.
"""
from __future__ import annotations

import re
from functools import lru_cache

# Same token definition as ../shared/bench/rouge_vi.py: runs of letters/digits + combining marks.
_MARKS = "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
_SYLLABLE_RE = re.compile(r"(?:[^\W_]|[" + _MARKS + r"])+")


def syllables(text: str) -> list[str]:
    """Lower-cased syllable tokens (punctuation dropped), as ROUGE counts them."""
    return _SYLLABLE_RE.findall(text.lower())


def count_syllables(text: str) -> int:
    """Whitespace tokens that are not pure punctuation: the summary budget unit."""
    return sum(1 for token in text.split() if _SYLLABLE_RE.search(token))


@lru_cache(maxsize=1)
def _underthesea_word_tokenize():
    from underthesea import word_tokenize as _wt  # imported here only: heavy and optional at use

    return _wt


def word_tokenize(sentence: str) -> list[str]:
    """Words of a sentence (multi-syllable words keep their inner spaces)."""
    if not sentence.strip():
        return []
    return _underthesea_word_tokenize()(sentence)


def words(sentence: str) -> list[str]:
    """Lower-cased words with syllables joined by ``_``, punctuation removed."""
    return [w.lower().replace(" ", "_") for w in word_tokenize(sentence) if _SYLLABLE_RE.search(w)]
