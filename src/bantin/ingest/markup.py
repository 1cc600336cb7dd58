"""Markdown / html2text markup of one line: the plain text a reader sees, and what markup it carried.

Scrapers that run html2text (or write Markdown) deliver ``[text](url)`` links, ``![alt](url)``
images, ``#`` headings, ``*``/``-`` bullets, ``_emphasis_``/``**strong**``, ``|`` table cells and
backslash escapes. :func:`parse_line` returns the line's text with link syntax reduced to the link
text, images removed, markers stripped, and counts of what was there, which tell page chrome
(menus are lists of links, captions are emphasised, share bars are links with no text) from body.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

# ![alt](url "title") -- the url may hold balanced parentheses (escaped \( \) in html2text alt text).
_IMAGE_RE = re.compile(r"!\[(?P<alt>(?:\\.|[^\]\\])*)\]\((?P<url>(?:[^()\s]|\([^()]*\))*)(?:\s+\".*?\")?\s*\)")
_LINK_RE = re.compile(r"\[(?P<text>(?:\\.|[^\]\\])*)\]\((?P<url>(?:[^()\s]|\([^()]*\))*)(?:\s+\".*?\")?\s*\)")
_BARE_URL_RE = re.compile(r"https?://\S+|\bwww\.\S+")
_HEADER_RE = re.compile(r"^(#{1,6})\s+")
_BULLET_RE = re.compile(r"^(?:[*+\-•]|\d{1,3}[.)])\s+")
_QUOTE_RE = re.compile(r"^>\s?")
_EMPHASIS_RE = re.compile(r"(?<!\w)(\*\*|__|\*|_)(?=\S)(.+?)(?<=\S)\1(?!\w)")
_LEFTOVER_MARKS_RE = re.compile(r"(?<![\w\\])_+|(?<!\\)_+(?!\w)|(?<![\w\\])\*\*|\*\*(?!\w)")
# html2text splits the first syllable of an emphasised run after its onset: "_“đ ã thực_", "_Nh à
# sáng_". A token that is only a Vietnamese onset followed by a token starting with a lower-case
# vowel is one syllable (onsets alone are not words).
_ONSET = r"(?:[Nn]gh|[Nn]g|[Nn]h|[Cc]h|[Gg]h|[Gg]i|[Kk]h|[Pp]h|[Qq]u|[Tt]h|[Tt]r|[BbCcDdĐđGgHhKkLlMmNnPpRrSsTtVvXx])"
_SPLIT_ONSET_RE = re.compile(rf"(?<![\w])({_ONSET}) (?=[aăâeêioôơuưyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ])")
_ESCAPE_RE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>])")
_MARKDOWN_SIGNS_RE = re.compile(r"\]\([^)]*\)|^#{1,6}\s|^\*\s+\[|!\[")


@dataclass(frozen=True)
class MarkedLine:
    """One input line: ``text`` as read (markup removed) and the markup it carried."""

    raw: str
    text: str
    links: int = 0
    link_chars: int = 0  # characters of ``text`` that were link text
    images: int = 0
    header: int = 0  # Markdown heading level (0: none)
    bullet: bool = False
    table: bool = False
    emphasis: bool = False  # the whole line was in italics (html2text captions: "_Ảnh: ..._")
    strong: bool = False  # the whole line was bold (html2text inter-titles: "**Đồng USD tăng**")
    urls: int = 0  # bare URLs left in the text

    @property
    def link_share(self) -> float:
        return self.link_chars / len(self.text) if self.text else (1.0 if self.links else 0.0)


def looks_like_markdown(text: str, min_signs: int = 3) -> bool:
    """Three or more lines with link/image/heading syntax: html2text or Markdown output."""
    count = 0
    for line in text.split("\n"):
        if _MARKDOWN_SIGNS_RE.search(line.strip()):
            count += 1
            if count >= min_signs:
                return True
    return False


def parse_line(raw: str, markdown: bool = True) -> MarkedLine:
    """The reader's text of one line and its markup counts; with ``markdown=False`` only whitespace is tidied."""
    line = raw.strip()
    if not markdown:
        return MarkedLine(raw=raw, text=" ".join(line.split()))
    header = 0
    match = _HEADER_RE.match(line)
    if match:
        header = len(match.group(1))
        line = line[match.end():]
    line = line.rstrip("#").rstrip() if header else line
    quote = _QUOTE_RE.match(line)
    if quote:
        line = line[quote.end():]
    bullet = bool(_BULLET_RE.match(line))
    if bullet:
        line = _BULLET_RE.sub("", line, count=1)
    table = line.count("|") >= 2 or bool(re.fullmatch(r"[|\-:\s]+", line)) and "|" in line
    images = len(_IMAGE_RE.findall(line))
    line = _IMAGE_RE.sub(" ", line)
    pieces, links, link_chars, last = [], 0, 0, 0
    for link in _LINK_RE.finditer(line):
        pieces.append(line[last:link.start()])
        label = _tidy(link.group("text"))
        pieces.append(f" {label} " if label else " ")
        links += 1
        link_chars += len(label)
        last = link.end()
    pieces.append(line[last:])
    line = "".join(pieces)
    urls = len(_BARE_URL_RE.findall(line))
    line = _BARE_URL_RE.sub(" ", line)
    if table:
        line = " ".join(cell.strip() for cell in line.split("|") if cell.strip() and not set(cell.strip()) <= set("-:"))
    stripped = line.strip()
    strong = bool(stripped) and bool(re.fullmatch(r"(\*\*|__)\s*[^*_].*?\s*\1", stripped))
    emphasis = not strong and bool(stripped) and bool(re.fullmatch(r"(\*|_)\s*[^*_].*?\s*\1", stripped))
    text = _tidy(line)
    return MarkedLine(raw=raw, text=text, links=links, link_chars=min(link_chars, len(text)), images=images,
                      header=header, bullet=bullet, table=table, emphasis=emphasis, strong=strong, urls=urls)


def _tidy(text: str) -> str:
    """Emphasis markers and escapes removed, spaces collapsed, no space before closing punctuation."""
    previous = None
    while previous != text:
        previous = text
        text = _EMPHASIS_RE.sub(r"\2", text)
    text = _LEFTOVER_MARKS_RE.sub(" ", text)
    text = _ESCAPE_RE.sub(r"\1", text)
    text = _SPLIT_ONSET_RE.sub(r"\1", " ".join(text.split()))
    return re.sub(r"\s+([,.;:!?)\]”])", r"\1", text)
