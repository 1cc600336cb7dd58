"""People, organisations and places of an event, each once, whatever spelling each outlet used.

Rules, no model (fast enough to run on every event): Vietnamese writes every syllable of a
person's or place's name with a capital and the first syllable of an organisation's, so
capitalised runs are the candidates. Around them:

* a title or honorific before a run (``Tổng thống``, ``Bộ trưởng Quốc phòng Nga``, ``ông``)
  makes it a person and goes to ``role``; a country or province opening the run after a title
  is cut off into the role (``Nhật Bản Fumio Kishida``);
* an organisation cue opens an organisation (``Bộ Công an``, ``Công an tỉnh Quảng Ninh``);
* the gazetteers (``lexicon.places``) and place cues (``tỉnh``, ``sông``, ``tại``) make places;
  a Vietnamese surname first makes a person;
* mentions are merged on their folded key, then acronyms onto the names they abbreviate
  (``HCM``), a single name onto the full name ending with it (``Trump``), and one-letter
  transliteration variants (``Sergei``/``Sergey``);
* salience: articles mentioning it, title and lede presence, frequency.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Sequence

from bantin.facts import lexicon
from bantin.facts.document import Sent, Token
from bantin.facts.lexicon import fold

PER, ORG, LOC = "PER", "ORG", "LOC"

# Strength of a type guess: a cue or a gazetteer outweighs a default.
STRONG, WEAK = 2, 1

_CREDIT_RE = re.compile(r"^(?:theo|ảnh|nguồn|video|clip|đồ họa)\b", re.IGNORECASE)
_DIVISION_PREFIX = re.compile(r"^(?:tp\.?\s*|thanh pho |tinh |thu do |(?:h|q|tx|tt|p|x)\.\s*|tt |huyen |quan )")
# A syllable with Vietnamese-only letters or shape; names made only of such syllables and no
# surname are more often places ("Cát Linh", "Yên Sở") than people.
_VN_SYLLABLE = re.compile(r"^(?:.*[ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ].*"
                          r"|[bcdghklmnpqrstvx]?h?[aeiouy]{1,3}[cmnpt]?[gh]?)$", re.IGNORECASE)
_ACRONYM_RE = re.compile(r"^[A-ZĐ]{2,6}\d{0,2}$")  # "CSGT", "TV2"
_HYPHEN_ACRONYM_RE = re.compile(r"^[A-ZĐ]{1,3}(?:-[A-ZĐ]{1,3})+$")  # "BR-VT"
_DIRECTIONS = frozenset(("Nam", "Bắc", "Đông", "Tây"))
# Abbreviations with a full stop that stay with the name after them ("quán Mr. Rìn").
_NAME_ABBREVIATIONS = frozenset(("Mr", "Mrs", "Ms", "Dr", "St"))
# Lower-case words an organisation's name may run to after its last capital: "Ban Chỉ huy phòng
# chống thiên tai và tìm kiếm cứu nạn thành phố" has 10 (the longest in the examples and labels).
MAX_ORG_TAIL = 12


@dataclass
class Mention:
    article: str
    text: str
    type: str
    strength: int
    role: str | None = None
    title: bool = False
    lede: bool = False
    sentence: tuple[str, int] = ("", -1)
    end: int = 0  # character offset in the sentence


@dataclass
class Entity:
    name: str
    type: str
    variants: list[str]
    articles: list[str]
    role: str | None = None
    salient: bool = False
    score: float = 0.0
    mentions: list[Mention] = field(default_factory=list, repr=False)

    def to_dict(self) -> dict:
        return {"name": self.name, "type": self.type, "variants": self.variants, "role": self.role,
                "articles": self.articles, "salient": self.salient}


_KEY_WORDS = ((re.compile(r"\bthanh pho\b"), "tp"), (re.compile(r"\bbenh vien\b"), "bv"),
              (re.compile(r"\bquoc te\b"), "quoc te"))


def entity_key(name: str) -> str:
    """Folded name without a division prefix, spelled aliases mapped: what merges mentions
    ("TP Hồ Chí Minh" / "TP.HCM", "H.Châu Đức" / "Châu Đức", "BV Bạch Mai" / "Bệnh viện Bạch Mai")."""
    key = fold(name).replace("-", " ").strip(" .")
    key = _DIVISION_PREFIX.sub("", key).strip(" .")
    for pattern, short in _KEY_WORDS:
        key = pattern.sub(short, key)
    key = re.sub(r"\s+", " ", key)
    return lexicon.PLACE_ALIASES.get(key, key)


def _match_seq(tokens: Sequence[Token], i: int, phrases: lexicon.Phrases) -> int:
    """Length of the longest phrase of ``phrases`` at token i (no punctuation inside), or 0."""
    if tokens[i].lower not in phrases.first:
        return 0
    for n in phrases.lengths:
        if i + n <= len(tokens) and tuple(t.lower for t in tokens[i:i + n]) in phrases.set \
                and not any(tokens[i + k].gap for k in range(1, n)):
            return n
    return 0


def _stops(tokens: Sequence[Token], j: int) -> bool:
    """A function word or a two-word verb at j: a name before it has ended."""
    t = tokens[j]
    if t.lower in lexicon.STOP_WORDS:
        return True
    return j + 1 < len(tokens) and (t.lower, tokens[j + 1].lower) in lexicon.STOP_PHRASES


_RUN_BREAKERS = frozenset(("ảnh", "theo", "nguồn", "video", "clip", "lực"))


def _cap_run(tokens: Sequence[Token], i: int) -> int:
    """End of the run of capitalised tokens starting at i (no punctuation inside); a credit word
    ("Kashmir Ảnh") or the head of a lower-case compound ("Bình Dương Lực lượng") ends it."""
    j = i
    while j < len(tokens) and tokens[j].cap and (j == i or not tokens[j].gap or _abbreviation_before(tokens, j)):
        if j > i and tokens[j].lower in _RUN_BREAKERS:
            break
        j += 1
    return j


def _abbreviation_before(tokens: Sequence[Token], j: int) -> bool:
    return tokens[j - 1].text in _NAME_ABBREVIATIONS and tokens[j].start - tokens[j - 1].end == 2


def _join(tokens: Sequence[Token]) -> str:
    return " ".join(t.text for t in tokens)


def _span(sent: Sent, i: int, j: int) -> str:
    return sent.text[sent.tokens[i].start:sent.tokens[j - 1].end]


def _place_prefix(tokens: Sequence[Token], i: int, j: int) -> int:
    """Length of the longest known place opening tokens[i:j] that leaves something after it."""
    gaz = lexicon.places()
    for n in range(min(4, j - i - 1), 0, -1):
        if fold(" ".join(t.text for t in tokens[i:i + n])) in gaz:
            return n
    return 0


class _Extractor:
    """Mentions of one event's sentences; ``lowercase`` are words the event writes in lower case."""

    def __init__(self, lowercase: set[str]):
        self.lowercase = lowercase
        self.places = lexicon.places()
        self.mentions: list[Mention] = []
        self.aliases: dict[str, str] = {}  # acronym key -> key of the name it abbreviates

    def add(self, sent: Sent, i: int, j: int, typ: str, strength: int, role: str | None = None) -> None:
        if typ == LOC and i > 0 and sent.tokens[i - 1].text == "châu" and not sent.tokens[i].gap:
            i -= 1  # "châu Phi", "châu Á": the continent's name has the word (as "Châu Phi")
        text = _span(sent, i, j).strip(" .-")
        if not text or len(text) < 2 or not any(ch.isalpha() for ch in text):
            return
        self.mentions.append(Mention(sent.article, text, typ, strength, role, sent.title, sent.lede,
                                     (sent.article, sent.index), sent.tokens[j - 1].end))

    def sentence(self, sent: Sent) -> None:
        toks = sent.tokens
        if not toks or (_CREDIT_RE.match(sent.text) and len(toks) <= 6):
            return
        if not sent.title and len(toks) <= 4 and all(t.cap for t in toks) and sent.index > 3:
            return  # a byline ("Thanh Hà") at the end of an article
        i = 0
        while i < len(toks):
            i = self.at(sent, i)

    def at(self, sent: Sent, i: int) -> int:
        toks = sent.tokens
        tok = toks[i]
        n = _match_seq(toks, i, lexicon.TITLE_TOKENS)
        if n:
            honorific = " ".join(t.lower for t in toks[i:i + n]) in lexicon.HONORIFICS
            if honorific and tok.cap:
                j = _cap_run(toks, i)
                j = self.hyphenated_place(sent, j) or j
                if j - i >= 2 and fold(_span(sent, i, j).replace("–", "-")) in self.places:
                    self.add(sent, i, j, LOC, STRONG)  # "Bà Rịa - Vũng Tàu", "Cô Tô": a place
                    return j
            if not (honorific and tok.cap and not tok.gap):  # mid-sentence "Anh" is Britain
                end = self.person_after_title(sent, i, n)
                return end or i + n
        if not tok.cap:
            n = _match_seq(toks, i, lexicon.INSTITUTION_TOKENS)
            if n and i + n < len(toks) and toks[i + n].cap and not toks[i + n].gap:
                return self.organisation(sent, i, n) or i + 1  # "bệnh viện Bạch Mai", "thẩm mỹ viện Cát Tường"
            return i + 1
        n = _match_seq(toks, i, lexicon.ORG_CUE_TOKENS)
        if n and toks[i].cap:  # before the sentence-initial test: "Bộ Quốc phòng Nga cho biết"
            end = self.organisation(sent, i, n)
            if end:
                return end
        if self.opens_clause(sent, i) and self.sentence_initial_word(toks, i):
            return i + 1
        j = _cap_run(toks, i)
        cue = next((k for k in range(i + 1, j) if _match_seq(toks, k, lexicon.ORG_CUE_TOKENS)
                    and not _ACRONYM_RE.match(toks[k].text)), None)
        if cue is not None and not all(_ACRONYM_RE.match(t.text) for t in toks[i:cue]):
            cue = None  # only after an acronym: "Tây Ban Nha", "Yên Sở" are names with a cue word inside
        if cue is not None:  # "CSGT Công an thành phố Thủ Dầu Một": an organisation starts inside the run
            self.at_run(sent, i, cue)
            return cue
        return self.at_run(sent, i, j)

    def at_run(self, sent: Sent, i: int, j: int) -> int:
        toks = sent.tokens
        tok = toks[i]
        if j == i + 1 and tok.text.upper() == tok.text and fold(tok.text) in lexicon.NOT_NAMES:
            return j  # "USD", "GPS", "CSGT": an abbreviation, no named entity
        if j == i + 1 and (_match_seq(toks, i, lexicon.ORG_CUE_TOKENS) == 1 or tok.lower in lexicon.OPENERS
                           and (j == len(toks) or not toks[j].cap) and not self.is_place(tok.text)):
            return j  # "Quỹ và Viện ...", "UBND các tỉnh", "giao thông Trước đó": a cue or an opener, no name
        if j == i + 1 and j < len(toks) and not toks[j].cap and not toks[j].gap \
                and (tok.gap or not _stops(toks, j)) \
                and not self.is_place(tok.text) and fold(tok.text) not in lexicon.KNOWN_ORGS:
            return i + 1  # "Quốc phòng", "Cứu quốc", "Cổng thông tin": the head of a lower-case compound
        if tok.lower in ("ảnh", "nguồn", "theo") and j < len(toks) and toks[j].gap:
            return len(toks)  # "Ảnh: Đỗ Tuấn Anh" -- a credit
        if _is_outlet(tok.text):
            return j
        return self.name_run(sent, i, j)

    @staticmethod
    def opens_clause(sent: Sent, i: int) -> bool:
        if i == 0:
            return True
        before = sent.text[sent.tokens[i - 1].end:sent.tokens[i].start]
        return any(ch in before for ch in ':"“”‘\'(-–…')

    def sentence_initial_word(self, toks: Sequence[Token], i: int) -> bool:
        """A capitalised first word that the event otherwise writes in lower case ("Theo", "Trận")."""
        word = toks[i].lower
        if fold(word) in self.places or word in lexicon.VN_SURNAMES and _cap_run(toks, i) - i >= 2:
            return False
        return word in self.lowercase or word in lexicon.OPENERS

    def person_after_title(self, sent: Sent, i: int, n: int) -> int:
        """A name after the title at i; the words between go to ``role``. Returns the end or 0."""
        toks = sent.tokens
        k = i + n
        limit = min(len(toks), k + 10)
        while k < limit:
            t = toks[k]
            if t.gap and k > i + n:
                return 0
            if not t.cap:
                if _stops(toks, k) or t.text[0].isdigit():
                    return 0
                k += 1
                continue
            j = _cap_run(toks, k)
            if j == k + 1 and j < len(toks) and not toks[j].cap and not toks[j].gap and not _stops(toks, j):
                k = j  # "Quốc phòng": a capitalised word of the role
                continue
            cue = _match_seq(toks, k, lexicon.ORG_CUE_TOKENS)
            if cue and j - k <= cue + 1 and j < len(toks) and not toks[j].gap and not toks[j].cap:
                k = j
                continue
            p = place = _place_prefix(toks, k, j)
            while k + p < j - 1 and _ACRONYM_RE.match(toks[k + p].text):
                p += 1  # "thủ lĩnh CNRP Sam Rainsy": the party belongs to the role
            start = k + p
            if j - start >= 1 and fold(_span(sent, start, j)) not in self.places:
                if place:
                    self.add(sent, k, k + place, LOC, STRONG)
                title = " ".join(t.lower for t in toks[i:i + n])
                role = None if title in lexicon.HONORIFICS and start == i + n else _span(sent, i, start)
                self.add(sent, start, j, PER, STRONG, role)
                return j
            return 0
        return 0

    def organisation(self, sent: Sent, i: int, n: int) -> int:
        """An organisation opened by the cue at i: capitalised words and the lower-case rest of a
        compound up to a stop word or punctuation (``Bộ Công an``, ``Sở Giao thông vận tải Hà Nội``)."""
        toks = sent.tokens
        j = i + n
        if j >= len(toks) or toks[j].gap:
            return 0
        cue_named = any(t.cap for t in toks[i + 1:j])  # "Phòng Cảnh sát hình sự", "Bộ Chỉ huy quân sự"
        if not toks[j].cap and not cue_named and _match_seq(toks, j, lexicon.LOC_CUE_TOKENS) == 0:
            return 0
        last_cap = j - 1
        lower_run = 0
        while j < len(toks) and not toks[j].gap:
            t = toks[j]
            if t.cap:
                cue = _match_seq(toks, j, lexicon.ORG_CUE_TOKENS) if lower_run else 0
                if cue and not self.parent_body(toks, j, cue):
                    break  # "Cục Quản lý khám chữa bệnh trình lãnh đạo Bộ": another organisation
                lower_run = 0
                last_cap = j
            elif not lower_run and last_cap >= i + n and self.name_ended(toks, self.run_start(toks, i + n, last_cap), last_cap):
                break  # after a place or a full name: "Bộ Quốc phòng Ấn Độ tố cáo phía ..."
            elif t.lower == "và" and j + 1 < len(toks) and _match_seq(toks, j + 1, lexicon.ORG_CUE_TOKENS):
                break  # "Bộ Y tế và Cục Quản lý Dược": two organisations
            elif (_stops(toks, j) and t.lower != "và" or t.text[0].isdigit()) \
                    and not (j >= 2 and _match_seq(toks, j - 2, lexicon.ORG_INNER_TOKENS) == 3):
                break
            else:
                lower_run += 1
                if lower_run > MAX_ORG_TAIL:
                    break
            j += 1
        end = j
        whole = False
        if end - 1 > last_cap and last_cap >= i + n - 1:
            whole = self.whole_tail(sent, i, last_cap, end)
            if not whole:
                end = min(end, last_cap + 1 + self.compound_rest(toks, i + n, last_cap))
        connectors = lexicon.CONNECTORS - lexicon.DIVISIONS if whole else lexicon.CONNECTORS
        while end > i + n and toks[end - 1].lower in connectors:
            end -= 1
        if end <= i + n:
            return 0
        if toks[i].lower in lexicon.GENERIC_HEADS and _match_seq(toks, i + n, lexicon.ORG_CUE_TOKENS) == end - i - n:
            return end  # "Lực lượng Công an", "Cơ quan Công an": no name
        self.add(sent, i, end, ORG, STRONG)
        return end

    def parent_body(self, toks: Sequence[Token], j: int, n: int) -> bool:
        """The organisation opened at j is the one the name before it belongs to: a body of a named
        division ("Phòng CSĐT tội phạm về ma túy Công an tỉnh Quảng Nam")."""
        k = j + n
        if k >= len(toks) or toks[k].gap:
            return False
        division = _match_seq(toks, k, lexicon.DIVISION_TOKENS)
        if division:
            return k + division < len(toks) and toks[k + division].cap and not toks[k + division].gap
        return any(self.is_place(_join(toks[k:k + m])) for m in (1, 2, 3) if k + m <= len(toks))

    def compound_rest(self, toks: Sequence[Token], start: int, last_cap: int) -> int:
        """How many lower-case words after the organisation's last capital belong to it: one
        ("Bộ Y tế", "Trung tâm Dự báo") when that capital is a lone syllable opening a compound;
        none after a name of two or more capitals, a place or an acronym ("Sở Y tế Hà Nội báo",
        "Bộ Quốc phòng Ấn Độ tố cáo", "Phòng CSĐT tội phạm")."""
        if last_cap < start:
            return 0  # the cue names it ("Phòng Cảnh sát"); its lower-case rest is unknown
        first = self.run_start(toks, start, last_cap)
        word = toks[last_cap].text
        foreign = not _VN_SYLLABLE.match(word)  # "Hãng tin Yonhap dẫn lời": no Vietnamese compound
        return 0 if foreign or _ACRONYM_RE.match(word) or self.name_ended(toks, first, last_cap) else 1

    @staticmethod
    def run_start(toks: Sequence[Token], start: int, last_cap: int) -> int:
        first = last_cap
        while first > start and toks[first - 1].cap:
            first -= 1
        return first

    def name_ended(self, toks: Sequence[Token], first: int, last_cap: int) -> bool:
        """The capitals first..last_cap end with a place or are a name of several syllables
        ("Hà Nội", "Ronald Reagan"; not "CSGT Công" of "Công an")."""
        if any(self.is_place(_join(toks[k:last_cap + 1])) for k in range(first, last_cap + 1)):
            return True
        return last_cap > first and _match_seq(toks, last_cap, lexicon.ORG_CUE_TOKENS) != 2

    def is_place(self, text: str) -> bool:
        """A known place spelled as the gazetteer spells it ("Y" in "Bộ Y tế" is no "Ý")."""
        return fold(self.places.get(fold(text), "")) == fold(text) and \
            self.places[fold(text)].lower() == text.lower()

    @staticmethod
    def whole_tail(sent: Sent, i: int, last_cap: int, end: int) -> bool:
        """All lower-case words after the organisation's last capital are its name when nothing
        but a noun phrase fits there: after "Theo" up to the comma ("Theo Ban Chỉ huy phòng chống
        thiên tai và tìm kiếm cứu nạn thành phố, ..."), or before a reporting verb ("Trung tâm Dự
        báo khí tượng thủy văn quốc gia cảnh báo ...")."""
        toks = sent.tokens
        tail = " " + " ".join(t.lower for t in toks[last_cap + 1:end]) + " "
        if any(f" {adverb} " in tail for adverb in lexicon.ADVERBS):
            return False
        after_theo = i > 0 and toks[i - 1].lower == "theo" and not toks[i].gap
        if after_theo and (end == len(toks) or toks[end].gap):
            return sent.text[toks[end - 1].end:toks[end].start if end < len(toks) else None].lstrip()[:1] in ",:;"
        return end + 1 < len(toks) and not toks[end].gap \
            and (toks[end].lower, toks[end + 1].lower) in lexicon.REPORTING_VERBS

    def name_run(self, sent: Sent, i: int, j: int) -> int:
        toks = sent.tokens
        words = [t.text for t in toks[i:j]]
        if len(words) >= 3 and all(w.isupper() for w in words):
            return j  # a headline in capitals
        if len(words) >= 2 and all(w.isupper() for w in words) and not all(w.isascii() for w in words):
            return j  # "quảng cáo GIẢ MẠO": words in capitals, no acronyms
        if all(w in _DIRECTIONS for w in words):
            return j  # "về phía Tây Nam"
        if len(words) == 1 and "-" in words[0] and not _HYPHEN_ACRONYM_RE.match(words[0]) and any(
                fold(p) in self.places or p in lexicon.SHORT_COUNTRIES for p in words[0].split("-")):
            return j  # "Hàn-Mỹ", "Virginia-Mỹ": a relation between places, each named elsewhere
        joined = self.hyphenated_place(sent, j)
        if joined:
            self.add(sent, i, joined, LOC, STRONG)  # "Bà Rịa - Vũng Tàu"
            return joined
        if self.alias_in_brackets(sent, i, j):
            return j
        text = _span(sent, i, j)
        key = fold(text)
        # "Thành phố Hồ Chí Minh": the capitalised division word belongs to the place
        if toks[i].lower in ("tp", "tp.") and j > i + 1:
            self.add(sent, i, j, LOC, STRONG)
            return j
        if key in lexicon.KNOWN_ORGS or self.venue_before(toks, i) and key not in lexicon.countries():
            self.add(sent, i, j, ORG, STRONG)  # "quán nhậu Bom Bo", "quán karaoke Mr. Rìn": a venue
            return j
        if len(words) == 1 and key in self.places and not self.is_place(text):
            pass  # one syllable matching a place without its tones ("Bị" is no "Bỉ")
        elif key in self.places or entity_key(text) in self.places or lexicon.PLACE_ALIASES.get(entity_key(text)):
            self.add(sent, i, j, LOC, STRONG)
            return j
        if words[0] in _DIRECTIONS and len(words) >= 2 and fold(" ".join(words[1:])) in lexicon.countries():
            self.add(sent, i + 1, j, LOC, STRONG)  # "Nam Ấn Độ": a part of the country, named as it
            return j
        p = _place_prefix(toks, i, j)
        if p and (j - (i + p) >= 2 or _ACRONYM_RE.match(toks[j - 1].text)):
            self.add(sent, i, i + p, LOC, STRONG)
            return self.name_run(sent, i + p, j)
        if len(words) == 1 and _ACRONYM_RE.match(words[0]):
            self.add(sent, i, j, ORG, WEAK)
            return j
        cue = self.cue_before(toks, i) or self.listed_after(sent, i)
        if cue is None and i > 0 and not toks[i].gap and _match_seq(toks, i - 1, lexicon.ORG_LOWER_CUES) == 1:
            cue = ORG  # "tờ The Guardian", "hãng Nokia"
        if cue == LOC:
            self.add(sent, i, j, LOC, STRONG)
        elif words[0].lower() in lexicon.VN_SURNAMES and 2 <= len(words) <= 4:
            self.add(sent, i, j, PER, STRONG)
        elif cue == PER:
            self.add(sent, i, j, PER, STRONG)
        elif cue == ORG:
            self.add(sent, i, j, ORG, STRONG)
        else:
            vietnamese = all(_VN_SYLLABLE.match(w) for w in words)
            # a person in the news is introduced with a title or an honorific somewhere in the
            # event (then the surname alone joins the full name); a lone foreign word with no cue
            # is more often a place ("Ceuta", "Jammu", "Kathua"): set on the dev errors
            self.add(sent, i, j, LOC if vietnamese or len(words) == 1 else PER, WEAK)
        return j

    def hyphenated_place(self, sent: Sent, j: int) -> int:
        """End of a known place written with a spaced dash after the run ending at j, or 0."""
        toks = sent.tokens
        if j >= len(toks) or not toks[j].cap or sent.text[toks[j - 1].end:toks[j].start].strip() not in "-–" \
                or sent.text[toks[j - 1].end:toks[j].start].strip() == "":
            return 0
        k = _cap_run(toks, j)
        start = next(m for m in range(j - 1, -1, -1) if m == 0 or toks[m].gap or not toks[m - 1].cap)
        return k if fold(_span(sent, start, k).replace("–", "-")) in self.places else 0

    def alias_in_brackets(self, sent: Sent, i: int, j: int) -> bool:
        """A name in brackets right after an organisation is another name of it ("Liên minh châu
        Âu (EU)", "Tổ chức Nhân quyền (Human Rights Watch – HRW)")."""
        last = self.mentions[-1] if self.mentions else None
        if last is None or last.sentence != (sent.article, sent.index) or last.type != ORG \
                or fold(_span(sent, i, j)) in self.places:
            return False  # "Công an TP Thủ Dầu Một (Bình Dương)": where it is
        between = sent.text[last.end:sent.tokens[i].start].strip()
        if not (between == "(" or between in ("–", "-", ",") and self.aliases.get(_merge_key(last.text))):
            return False
        target = _merge_key(last.text)
        self.aliases[_merge_key(_span(sent, i, j))] = self.aliases.get(target, target)
        self.add(sent, i, j, ORG, STRONG)
        return True

    def listed_after(self, sent: Sent, i: int) -> str | None:
        """The type of the name just before in a list ("phố Nguyễn Trãi, Trần Duy Hưng")."""
        if not self.mentions or i == 0:
            return None
        last = self.mentions[-1]
        if last.sentence != (sent.article, sent.index) or last.strength != STRONG or last.type == ORG:
            return None
        between = sent.text[last.end:sent.tokens[i].start]
        return last.type if re.fullmatch(r"\s*(?:,|-|–|và|hay|hoặc)\s*", between) else None

    @staticmethod
    def venue_before(toks: Sequence[Token], i: int) -> bool:
        """A venue word before the name, at most one lower-case word between ("quán nhậu")."""
        if toks[i].gap:
            return False
        for k in (i - 1, i - 2):
            if k < 0 or toks[k].cap or (k < i - 1 and (toks[k + 1].gap or toks[k + 1].cap or _stops(toks, k + 1))):
                return False
            n = _match_seq(toks, k, lexicon.VENUE_CUE_TOKENS)
            if n and k + n in (i, i - 1):
                return True
        return False

    @staticmethod
    def cue_before(toks: Sequence[Token], i: int) -> str | None:
        if toks[i].gap:
            return None
        for n in (2, 1):
            if i - n >= 0 and _match_seq(toks, i - n, lexicon.LOC_CUE_TOKENS) == n:
                return LOC
        return None


def _is_outlet(word: str) -> bool:
    low = word.lower()
    return low.endswith((".vn", ".net", ".com", ".com.vn")) or low.split("-")[0] in lexicon.OUTLETS


def _lowercase_words(sents: Sequence[Sequence[Sent]]) -> set[str]:
    out = set()
    for article in sents:
        for sent in article:
            for t in sent.tokens:
                if not t.cap and not t.gap:
                    out.add(t.text)
    return out | {"theo", "tại", "trong", "sau", "khi", "ngày", "hôm", "sáng", "chiều", "tối", "đêm",
                  "hiện", "nhiều", "các", "những", "một", "cũng", "đến", "từ", "với", "về", "trước",
                  "do", "vì", "để", "nếu", "tuy", "ngoài", "trên", "dưới", "đây", "đó", "này", "lực",
                  "người", "hai", "ba", "bốn", "năm", "tuy", "nhưng", "và", "mặc", "riêng", "cùng"}


def _edit1(a: str, b: str) -> bool:
    """a and b differ by at most one letter (substitution, insertion or deletion)."""
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) == 1
    if len(a) > len(b):
        a, b = b, a
    return any(b[:k] + b[k + 1:] == a for k in range(len(b)))


def _variants_similar(a: str, b: str) -> bool:
    ta, tb = a.split(), b.split()
    if len(ta) != len(tb) or len(ta) < 2:
        return False
    diff = [(x, y) for x, y in zip(ta, tb) if x != y]
    return len(diff) == 1 and min(len(diff[0][0]), len(diff[0][1])) >= 4 and _edit1(*diff[0])


def extract_entities(sents: Sequence[Sequence[Sent]], n_articles: int | None = None) -> list[Entity]:
    """The event's entities, most salient first (see module doc)."""
    ex = _Extractor(_lowercase_words(sents))
    for article in sents:
        for sent in article:
            ex.sentence(sent)
    groups: dict[str, list[Mention]] = defaultdict(list)
    keys = [_merge_key(m.text) for m in ex.mentions]
    keys = [ex.aliases.get(k, k) for k in keys]
    for m, key in zip(ex.mentions, _extend_organisations(ex.mentions, keys)):
        groups[key].append(m)
    groups = _merge(groups)
    n = n_articles or len(sents) or 1
    entities = [_entity(ms, n) for ms in groups.values()]
    entities.sort(key=lambda e: -e.score)
    return entities


_INNER_DIVISION = re.compile(r"(?<=\S) (?:tp|tinh|huyen|quan|thi xa)(?= \S)")


def _merge_key(name: str) -> str:
    """``entity_key`` without a division word inside the name: "Sở Y tế TP Hà Nội" and "Sở Y tế Hà
    Nội", "Công an tỉnh Quảng Ninh" and "Công an Quảng Ninh" are one organisation."""
    key = _INNER_DIVISION.sub("", entity_key(name.replace("–", "-")))
    key = key[4:] if key.startswith("the ") else key  # "The London Pub"
    return lexicon.place_aliases().get(key, key)


def _extend_organisations(mentions: Sequence[Mention], keys: Sequence[str]) -> list[str]:
    """An organisation named short ("Bộ Quốc phòng", "Trung tâm Dự báo") goes to the event's longer
    name that starts with it ("Bộ Quốc phòng Nga"): the one its own article names (the last one
    before it, else the first after), else the event's only one."""
    org_keys = {k for m, k in zip(mentions, keys) if m.type == ORG}
    longer = {k: [o for o in org_keys if o.startswith(k + " ")] for k in org_keys if len(k.split()) >= 2}
    longer = {k: v for k, v in longer.items() if v}
    if not longer:
        return list(keys)
    out = list(keys)
    for idx, (m, k) in enumerate(zip(mentions, keys)):
        if m.type != ORG or k not in longer:
            continue
        cands = longer[k]
        same = [(abs(j - idx) + (0 if j < idx else 0.5), keys[j]) for j, other in enumerate(mentions)
                if other.article == m.article and keys[j] in cands]
        if same:
            out[idx] = min(same)[1]
        elif len(cands) == 1:
            out[idx] = cands[0]
    return out


def _abbreviates(short: Sequence[str], full: Sequence[str]) -> bool:
    """``short`` is ``full`` with one run of words written as their initials ("phong csdt toi pham"
    / "phong canh sat dieu tra toi pham")."""
    extra = len(full) - len(short) + 1
    if extra < 2:
        return False
    for k, word in enumerate(short):
        if len(word) == extra and short[:k] == full[:k] and short[k + 1:] == full[k + extra:] \
                and "".join(w[0] for w in full[k:k + extra]) == word:
            return True
    return False


def _skeleton(word: str) -> str:
    """Consonants of a one-word name, doubled ones once: transliterations that differ in vowels
    or doubling ("Morocco", "Morroco", "Maroc" -> "mrc") share it."""
    out = []
    for ch in word:
        if ch.isalpha() and ch not in "aeiouy" and (not out or out[-1] != ch):
            out.append(ch)
    return "".join(out)


def _same_skeleton(keys: Sequence[str], types: dict[str, str], target: dict[str, str],
                   surfaces: dict[str, str]) -> list[list[str]]:
    """Groups of one-word person or place names not merged yet with the same skeleton of at least
    3 consonants and the same first letter (a foreign place is often typed a person: one type)."""
    buckets: dict[tuple, list[str]] = defaultdict(list)
    for k in keys:
        if k in target or " " in surfaces[k] or types[k] == ORG or len(k) < 4:
            continue
        sk = _skeleton(k.replace(" ", ""))  # "Morocco" is keyed "ma roc" (CLDR)
        if len(sk) >= 3:
            buckets[(k[0], sk)].append(k)
    return [b for b in buckets.values() if len(b) >= 2]


def _type_of(ms: Sequence[Mention]) -> str:
    votes = Counter()
    for m in ms:
        votes[m.type] += m.strength * (3 if m.strength == STRONG else 1)
    return votes.most_common(1)[0][0]


def _merge(groups: dict[str, list[Mention]]) -> dict[str, list[Mention]]:
    keys = sorted(groups, key=lambda k: (-len(k.split()), -len(groups[k])))
    types = {k: _type_of(groups[k]) for k in keys}
    target: dict[str, str] = {}
    multi = [k for k in keys if len(k.split()) >= 2]
    for k in keys:
        toks = k.split()
        found = None
        if len(toks) == 1:
            word = toks[0]
            surface = groups[k][0].text
            if _ACRONYM_RE.match(surface.replace(".", "")):
                found = next((m for m in multi if "".join(t[0] for t in m.split()) == word), None)
            if found is None and types[k] == PER or all(m.strength == WEAK for m in groups[k]):
                cands = [m for m in multi if m.split()[-1] == word and types[m] == PER] or \
                        [m for m in multi if m.split()[0] == word and types[m] == PER
                         and word not in lexicon.VN_SURNAMES]
                if cands:
                    found = max(cands, key=lambda m: len(groups[m]))
        elif _HYPHEN_ACRONYM_RE.match(groups[k][0].text):  # "BR-VT" / "Bà Rịa - Vũng Tàu"
            found = next((m for m in multi if m != k and "".join(t[0] for t in m.split()) == k.replace(" ", "")), None)
        elif types[k] == PER:  # "Kim Jong" / "Kim Jong Un": the only longer name starting with it
            longer = [m for m in multi if m.startswith(k + " ") and types[m] == PER]
            found = longer[0] if len(longer) == 1 else None
        if found is None and types[k] == ORG and len(toks) >= 2:
            found = next((m for m in multi if types[m] == ORG and m not in target and _abbreviates(toks, m.split())), None)
        if found is None and types[k] != ORG:
            found = next((m for m in multi if m != k and types[m] == types[k] and m not in target
                          and _variants_similar(k, m) and len(groups[m]) >= len(groups[k])), None)
        if found is not None and found != k:
            target[k] = found
    for bucket in _same_skeleton(keys, types, target, {k: groups[k][0].text.strip() for k in keys}):
        top = max(bucket, key=lambda k: len(groups[k]))
        target.update({k: top for k in bucket if k != top})
    out: dict[str, list[Mention]] = defaultdict(list)
    for k in keys:
        root = k
        while root in target:
            root = target[root]
        out[root].extend(groups[k])
    return out


def _entity(ms: Sequence[Mention], n_articles: int) -> Entity:
    typ = _type_of(ms)
    counts = Counter(m.text for m in ms)
    full = [v for v in counts if len(v.split()) == max(len(x.split()) for x in counts)]
    name = max(full, key=lambda v: (counts[v], v[:1].isupper(), len(v)))
    if typ == ORG and name[:1].islower():
        name = name[:1].upper() + name[1:]  # "bệnh viện Bạch Mai" written mid-sentence
    if typ == LOC and name.lower().startswith(("tp ", "tp.")):
        bare = [v for v in counts if not v.lower().startswith("tp")]
        name = max(bare, key=lambda v: (len(v.split()), counts[v])) if bare else name
    articles = list(dict.fromkeys(m.article for m in ms))
    roles = Counter(m.role for m in ms if m.role)
    in_title = any(m.title for m in ms)
    in_lede = any(m.lede for m in ms)
    share = len(articles) / n_articles
    score = share + 0.5 * in_title + 0.3 * in_lede + 0.03 * min(len(ms), 10)
    salient = in_title or (n_articles >= 2 and 2 * len(articles) >= n_articles) or (n_articles == 1 and in_lede)
    return Entity(name=name, type=typ, variants=list(counts), articles=articles,
                  role=roles.most_common(1)[0][0] if roles else None, salient=salient, score=score,
                  mentions=list(ms))
