"""Vietnamese text basics: normalization, sentence splitting, word segmentation."""
from bantin.text.normalize import normalize_text
from bantin.text.segment import count_syllables, syllables, word_tokenize, words
from bantin.text.sentences import split_sentences

__all__ = ["normalize_text", "split_sentences", "word_tokenize", "words", "syllables", "count_syllables"]
