"""Light, faithful compression of summary sentences: drop clutter, never add words.

What is removed (every remaining word is the source sentence's word, in the source order):

* outlet tags and datelines at the start: ``TTO -``, ``(Dân trí) -``, ``(PLO)-``, ``HÀ NỘI -``,
  ``(Baoquocte.vn) -``;
* photo/video credits: ``- Ảnh: AFP`` / ``(Ảnh: Đỗ Tuấn Anh)`` at the end; a caption glued in front
  of the sentence (``<caption> - Ảnh: AFP Theo Hãng tin...``) is dropped with its credit when the
  credit is one upper-case token (``AFP``, ``TTXVN``) or closed by a parenthesis;
* parentheticals that are pure attribution: ``(theo Reuters)``, ``(Nguồn: VnExpress)``.

:func:`is_noise` flags sentences that are nothing but attribution or credits
(``Theo TTXVN``, ``Ảnh: Reuters``, ``(Video: VTV)``): they are never summary material.
"""
from __future__ import annotations

import re

_UPPER = "A-ZĐÀ-ỸÂĂÊÔƠƯ"
# "TTO -", "HÀ NỘI -", "(Dân trí) -", "(PLO)-", "VOV.VN -", "NLĐO -", "ANTĐ -"
_LEAD_TAG = re.compile(
    r"^\s*(?:\([^()]{1,40}\)|[" + _UPPER + r"][" + _UPPER + r"0-9.]{1,15}(?:\s[" + _UPPER + r"][" + _UPPER + r"0-9.]{0,15}){0,2})"
    r"\s*[-–—]+\s*(?=\S)"
)
_CREDIT_WORD = r"(?:Ảnh|Ảnh minh họa|Ảnh minh hoạ|Nguồn ảnh|Video|Clip|Đồ họa|Đồ hoạ|Nguồn)"
_CREDIT_PAREN = re.compile(r"\s*\(\s*" + _CREDIT_WORD + r"\s*:[^()]*\)")
_CREDIT_TAIL = re.compile(r"\s*[-–—]?\s*" + _CREDIT_WORD + r"\s*:\s*[^.!?]{0,60}$")
# "<caption> - Ảnh: AFP Theo Hãng tin AFP, ..." -> "Theo Hãng tin AFP, ..."
_CAPTION_GLUED = re.compile(
    r"^[^.!?]{0,200}?\s[-–—]\s*" + _CREDIT_WORD + r"\s*:\s*[" + _UPPER + r"0-9]{2,12}\s+(?=[" + _UPPER + r"])"
)
_CAPTION_PAREN = re.compile(
    r"^[^.!?()]{0,200}?\(\s*" + _CREDIT_WORD + r"\s*:[^()]*\)\s+(?=[" + _UPPER + r"])"
)
_ATTRIBUTION_PAREN = re.compile(r"\s*\(\s*(?:theo|nguồn|nguồn tin|ảnh|video)\s*:?\s+[^()]{1,60}\)", re.I)
_NOISE = re.compile(
    r"^\s*[(\[]?\s*(?:"
    r"(?:theo|nguồn)\s*:?\s*[^\s,.;:!?]+(?:\s+[^\s,.;:!?]+){0,3}"  # "Theo TTXVN", "(Nguồn: VnExpress)"
    r"|(?:ảnh|video|clip|đồ họa|đồ hoạ)\s*:\s*[^.!?]{0,60}"  # "Ảnh: Reuters"
    r"|[" + _UPPER + r"]{2,12}"  # "TTXVN"
    r")\s*[)\]]?\s*\.?\s*$",
    re.I,
)
_SPACES = re.compile(r"\s{2,}")
_SPACE_BEFORE_PUNCT = re.compile(r"\s+([,.;:!?])")


def clean_sentence(sentence: str) -> str:
    """The sentence without outlet tags, photo credits and attribution parentheticals."""
    text = sentence.strip()
    text = _CAPTION_GLUED.sub("", text, count=1)
    text = _CAPTION_PAREN.sub("", text, count=1)
    text = _LEAD_TAG.sub("", text, count=1)
    text = _CREDIT_PAREN.sub("", text)
    text = _ATTRIBUTION_PAREN.sub("", text)
    text = _CREDIT_TAIL.sub("", text)
    text = _SPACE_BEFORE_PUNCT.sub(r"\1", _SPACES.sub(" ", text)).strip()
    text = text.lstrip("-–—•* ").strip()
    return text


def is_noise(sentence: str) -> bool:
    """True for sentences that are only an attribution, a credit or an outlet tag."""
    return bool(_NOISE.match(sentence))
