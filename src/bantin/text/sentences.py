"""Sentence splitting for Vietnamese news text.

Rule based, so every decision can be explained and tested. A sentence ends at ``.``, ``!``,
``?``, ``…`` (and runs of them) followed by a space or a closing quote/bracket and then the
start of a new sentence, and always at a line break (scraped text keeps one paragraph per line).

It does not split inside:

* numbers: ``5.000``, ``3.5``, ``20.05.2016``;
* abbreviations and titles: ``TP. HCM``, ``Tp.``, ``ThS.``, ``PGS.TS.``, ``Q.1``, ``P.``;
* initials: ``V.I. Lê-nin``, ``J. F. Kennedy`` (a single capital letter before the period);
* ``./.`` (the official-document end mark) ends a sentence and is removed.

It does split where a scraper dropped the space after a period, ``gái.Dựa`` (a lowercase
letter, a period, then an uppercase letter that starts a Vietnamese word).
"""
from __future__ import annotations

import re

# Lower-cased abbreviations that are followed by a period and do not end a sentence.
ABBREVIATIONS = frozenset(
    """
    tp tt tx q p h ths ts pgs gs bs bsck ks cn ls nxb đ th tk st mr mrs ms dr
    prof gs.ts pgs.ts ths.bs ts.bs no vs v.v tr ng đc sđd etc co ltd inc jr sr dt đt fb
    """.split()
)

_OPEN_QUOTES = "\"'“‘«(["
_CLOSE_QUOTES = "\"'”’»)]"
_END_MARK = re.compile(r"\s*\./\.\s*$")

# A candidate boundary: terminal punctuation (+ closing quotes), whitespace, then a sentence start.
_BOUNDARY = re.compile(
    r"(?P<end>(?:\.{3}|…|[.!?])+[" + re.escape(_CLOSE_QUOTES) + r"]*)"
    r"(?P<space>\s+)"
    r"(?=[" + re.escape(_OPEN_QUOTES) + r"\-–—•*]*\s*[\w])"
)
# A missing space: lowercase letter, period, uppercase letter followed by a lowercase letter.
_GLUED = re.compile(r"(?<=[a-zà-ỹđ]{2})([.!?]+)(?=[A-ZÀ-ỸĐ][a-zà-ỹđ])")
_WORD_BEFORE = re.compile(r"([\w.]+)$")


def _ends_with_abbreviation(before: str) -> bool:
    match = _WORD_BEFORE.search(before)
    if not match:
        return False
    word = match.group(1).rstrip(".")
    if not word:
        return False
    if word.lower() in ABBREVIATIONS:
        return True
    last = word.rsplit(".", 1)[-1]
    # Initials: one capital letter (V.I., J.), or dotted chains of them.
    if len(last) == 1 and last.isupper():
        return True
    return False


def _next_starts_lowercase_or_digit(after: str) -> bool:
    stripped = after.lstrip(_OPEN_QUOTES + " -–—•*")
    return bool(stripped) and (stripped[0].islower())


def split_paragraph(paragraph: str) -> list[str]:
    """Split one line/paragraph into sentences (whitespace-trimmed, none empty)."""
    text = _GLUED.sub(r"\1 ", paragraph.strip())
    sentences: list[str] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        end_punct = match.group("end")
        cut = match.start("space")
        after = text[match.end():]
        if end_punct.rstrip(_CLOSE_QUOTES) == "." and _ends_with_abbreviation(text[start:match.start("end")]):
            continue
        if end_punct.rstrip(_CLOSE_QUOTES) in ("...", "…") and _next_starts_lowercase_or_digit(after):
            continue
        if _next_starts_lowercase_or_digit(after) and end_punct.rstrip(_CLOSE_QUOTES) in ("!", "?"):
            continue
        piece = text[start:cut].strip()
        if piece:
            sentences.append(piece)
        start = match.end()
    tail = text[start:].strip()
    if tail:
        sentences.append(tail)
    return [_finish(s) for s in sentences if _finish(s)]


def _finish(sentence: str) -> str:
    sentence = _END_MARK.sub(".", sentence)
    return sentence.strip()


def split_sentences(text: str) -> list[str]:
    """Split text into sentences; every line break is a boundary."""
    out: list[str] = []
    for line in text.split("\n"):
        if line.strip():
            out.extend(split_paragraph(line))
    return out
