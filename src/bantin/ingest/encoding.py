"""Detect the encoding of Vietnamese bytes and decode them to NFC text.

Vietnamese text in the wild still arrives in pre-Unicode encodings that Python cannot decode
(CPython has only cp1258). :func:`decode_bytes` tries every plausible decoding and keeps the one
whose words are most often valid Vietnamese syllables (:func:`is_vietnamese_syllable`).

Encoding names returned in :attr:`Decoded.encoding`:

``utf-8``         UTF-8 without BOM (also plain ASCII)
``utf-8-sig``     UTF-8 with a byte-order mark
``utf-8-nfd``     UTF-8 in decomposed form (combining marks, as written by macOS and some tools)
``utf-16``        UTF-16, with a BOM or recognised from its NUL-byte pattern (LE or BE)
``windows-1258``  Windows code page 1258 (tone marks as combining characters)
``tcvn3``         TCVN 5712:1993 VN3, the "ABC" font encoding (lossy for uppercase toned vowels)
``vni``           VNI-Windows (base letter + modifier byte)
``viscii``        VISCII 1.1 (RFC 1456)
``viqr``          VIQR 7-bit mnemonics (RFC 1456), e.g. ``Vie^.t Nam``
``binary``        not text (many control bytes); ``text`` is a best effort, confidence near 0

The tables live in :mod:`bantin.ingest._vn_tables` with the standards they come from.
Text is returned NFC only; the readers apply :func:`bantin.text.normalize.normalize_text` later.
"""
from __future__ import annotations

import codecs
import logging
import re
import string
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from bantin.ingest import _vn_tables as tables

log = logging.getLogger(__name__)

ENCODINGS = (
    "utf-8", "utf-8-sig", "utf-8-nfd", "utf-16",
    "windows-1258", "tcvn3", "vni", "viscii", "viqr",
)
LEGACY_ENCODINGS = ("windows-1258", "tcvn3", "vni", "viscii", "viqr")
_ALIASES = {
    "utf8": "utf-8", "utf-8": "utf-8", "utf-8-sig": "utf-8-sig", "utf8-sig": "utf-8-sig",
    "utf-8-nfd": "utf-8-nfd", "nfd": "utf-8-nfd",
    "utf-16": "utf-16", "utf16": "utf-16", "utf-16-le": "utf-16", "utf-16-be": "utf-16",
    "windows-1258": "windows-1258", "cp1258": "windows-1258", "1258": "windows-1258",
    "tcvn3": "tcvn3", "tcvn": "tcvn3", "tcvn-3": "tcvn3", "abc": "tcvn3", "tcvn5712": "tcvn3",
    "vni": "vni", "vni-windows": "vni", "vni-win": "vni",
    "viscii": "viscii", "viqr": "viqr",
}

# Detection scores a prefix of the input; decoding then covers everything. 8 KB holds over a
# thousand words, far more than detection needs (single sentences already reach 99%, see
# BENCHMARKS.md "Encodings"), and keeps a 100 KB file well under the 50 ms budget. When the
# prefix has few Vietnamese words (a long English preamble), 64 KB are scored instead.
_SAMPLE_BYTES = 8_192
_LARGE_SAMPLE_BYTES = 65_536
# More than this share of control bytes means the input is not text: text files have none
# (tab, CR, LF, FF, ESC, SUB excepted); uniformly random bytes have about 8%.
_BINARY_CONTROL_SHARE = 0.02


@dataclass(frozen=True)
class Decoded:
    """The text of some bytes and how it was obtained."""

    text: str  # NFC
    encoding: str  # one of ENCODINGS, or "binary"
    confidence: float  # 0..1
    lossy: bool = False  # some characters could not be recovered exactly
    notes: tuple[str, ...] = ()


def canonical_encoding(name: str) -> str:
    """The canonical name (see the module doc) for an encoding name or alias; ValueError if unknown."""
    key = name.strip().lower().replace("_", "-")
    if key not in _ALIASES:
        raise ValueError(f"unknown encoding {name!r}; choose one of: {', '.join(ENCODINGS)}")
    return _ALIASES[key]


# --------------------------------------------------------------------------- byte tables


def _codepage_table(codec: str) -> str:
    """256 characters: the code page's character per byte; undefined bytes map to U+0080..U+00FF."""
    chars = []
    for byte in range(256):
        try:
            chars.append(bytes([byte]).decode(codec))
        except UnicodeDecodeError:
            chars.append(chr(byte))
    return "".join(chars)


_CP1252 = _codepage_table("cp1252")
_CP1258 = _codepage_table("cp1258")
_CP1252_MAP = codecs.charmap_build(_CP1252)
_TCVN3 = _CP1252[:0xA0] + tables.TCVN3_HIGH
_VISCII = "".join(tables.VISCII_LOW.get(b, chr(b)) for b in range(128)) + tables.VISCII_HIGH
_SINGLE_BYTE = {"windows-1258": _CP1258, "tcvn3": _TCVN3, "viscii": _VISCII}

_TONES = frozenset(tables.TONES)
_TONE_TO_INDEX = {mark: i + 1 for i, mark in enumerate(tables.TONES)}


def _split_tone(ch: str) -> tuple[str, int]:
    """(letter without tone, tone index 0..5) for one precomposed character."""
    decomposed = unicodedata.normalize("NFD", ch)
    tone = 0
    rest = []
    for c in decomposed:
        if c in _TONES:
            tone = _TONE_TO_INDEX[c]
        else:
            rest.append(c)
    return unicodedata.normalize("NFC", "".join(rest)), tone


def _with_tone(letter: str, tone: int) -> str:
    return unicodedata.normalize("NFC", letter + (tables.TONES[tone - 1] if tone else ""))


def _build_vni() -> dict[str, str]:
    """Unicode letter -> VNI-Windows spelling (Windows-1252 text), lowercase and uppercase."""
    spell: dict[str, str] = {}
    for letter, base in tables.VNI_LETTERS.items():
        for tone in range(6):
            if letter == "â" or letter == "ê" or letter == "ô":
                text = base[0] + tables.VNI_CIRCUMFLEX_TONED[tone]
            elif letter == "ă":
                text = base[0] + tables.VNI_BREVE_TONED[tone]
            elif letter == "y" and tone == 5:
                text = tables.VNI_Y_DOT
            else:
                text = base + (tables.VNI_TONE_MODIFIERS[tone - 1] if tone else "")
            spell[_with_tone(letter, tone)] = text
    for tone in range(6):
        spell[_with_tone("i", tone)] = tables.VNI_I_ROW[tone]
    spell["đ"] = tables.VNI_D_STROKE
    for lower, text in list(spell.items()):
        spell[lower.upper()] = text.upper()
    return spell


_VNI_ENCODE = _build_vni()


def _build_vni_decode() -> dict[str, str]:
    """VNI spelling -> Unicode, for every base letter + modifier byte pair the pattern can match."""
    decode = {text: letter for letter, text in _VNI_ENCODE.items() if text != letter}
    # Documents mix cases (an uppercase base with a lowercase modifier after a font change):
    # the base letter decides the case.
    for letter, text in _VNI_ENCODE.items():
        if len(text) == 2:
            decode.setdefault(text[0] + text[1].swapcase(), letter)
    pairs = [k for k in decode if len(k) == 2]
    # A base and a modifier that make no letter together ("uâ") read as the two characters.
    for base in {k[0] for k in pairs}:
        for modifier in {k[1] for k in pairs}:
            decode.setdefault(base + modifier, decode.get(base, base) + modifier)
    return decode


def _vni_pattern(decode: dict[str, str]) -> re.Pattern[str]:
    """A base letter + a modifier byte, or a single-byte letter (captured).

    Character classes instead of an alternation of every spelling: about 3x faster on 100 KB.
    """
    pairs = [k for k in decode if len(k) == 2]
    bases = "".join(sorted({k[0] for k in pairs}))
    modifiers = "".join(sorted({k[1] for k in pairs}))
    singles = "".join(sorted(k for k in decode if len(k) == 1))
    return re.compile(f"([{re.escape(bases)}][{re.escape(modifiers)}]|[{re.escape(singles)}])")


_VNI_DECODE = _build_vni_decode()
_VNI_RE = _vni_pattern(_VNI_DECODE)


# --------------------------------------------------------------------------- syllables

_ONSETS_BY_LENGTH = sorted(tables.ONSETS, key=len, reverse=True)
_VIET_LETTERS = frozenset("abcdđeghiklmnopqrstuvxyăâêôơư")


@lru_cache(maxsize=65536)
def is_vietnamese_syllable(word: str) -> bool:
    """True if ``word`` (one lowercase or capitalised syllable) is a valid Vietnamese syllable.

    Checks onset + (medial) + nucleus + coda against the orthographic inventory, at most one
    tone mark, and the rule that stop codas (p, t, c, ch) take only the sắc or nặng tone.
    Tone placement (old ``hòa`` / new ``hoà``) is not checked.
    """
    word = unicodedata.normalize("NFD", word.lower())
    tones = [c for c in word if c in _TONES]
    if len(tones) > 1:
        return False
    base = unicodedata.normalize("NFC", "".join(c for c in word if c not in _TONES))
    if not base or any(c not in _VIET_LETTERS for c in base):
        return False
    tone = _TONE_TO_INDEX[tones[0]] if tones else 0
    for onset in _ONSETS_BY_LENGTH:
        if not base.startswith(onset):
            continue
        rime = base[len(onset):]
        if onset == "qu":
            ok = rime in tables.QU_RIMES
        elif onset == "gi":
            ok = rime == "" or rime in tables.RIMES
        else:
            ok = rime in tables.RIMES
        if ok and (not rime.endswith(tables.STOP_CODAS) or tone in (1, 5)):
            return True
    return False


_STRIP = string.punctuation + "“”‘’«»…–—„‚·•‹›\u00a0"
_PART_SPLIT = re.compile(r"[-/]")
_WORD_RE = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=65536)
def _token_verdict(core: str) -> int:
    """+2 frequent Vietnamese syllable, +1 other valid syllable(s), -1 not, 0 no evidence (ASCII, numbers)."""
    if not unicodedata.is_normalized("NFC", core):
        core = unicodedata.normalize("NFC", core)
    if core.isascii():
        return 0
    if "-" in core or "/" in core:
        verdicts = [_token_verdict(part) for part in _PART_SPLIT.split(core) if part]
        if -1 in verdicts:
            return -1
        return max(verdicts, default=0)
    if any(c.isdigit() for c in core):
        return 0
    if not core.isalpha():
        return -1
    if not (core.islower() or core.isupper() or (core[0].isupper() and core[1:].islower())):
        return -1
    if not is_vietnamese_syllable(core):
        return -1
    return 2 if core.lower() in tables.COMMON_SYLLABLES else 1


def score_text(text: str) -> tuple[int, int, int]:
    """(valid, invalid, frequent) counts of words with non-ASCII letters; ASCII words are neutral.

    ``frequent`` counts the valid words that are also very common syllables.
    """
    valid = invalid = frequent = 0
    for token in text.split():
        if token.isascii():
            continue
        core = token.strip(_STRIP)
        if not core:
            continue
        verdict = _token_verdict(core)
        if verdict > 0:
            valid += 1
            frequent += verdict == 2
        elif verdict < 0:
            invalid += 1
    return valid, invalid, frequent


# --------------------------------------------------------------------------- decoding


def _decode_vni(data: bytes) -> str:
    text = codecs.charmap_decode(data, "strict", _CP1252)[0]
    parts = _VNI_RE.split(text)  # the pattern captures: odd items are VNI letters
    parts[1::2] = [_VNI_DECODE[p] for p in parts[1::2]]
    return "".join(parts)


_VIQR_VOWELS = "aeiouyAEIOUY"
_VIQR_LETTERS = frozenset({"a(", "a^", "e^", "o^", "o+", "u+"})  # ă â ê ô ơ ư
_VIQR_TOKEN_RE = re.compile(
    r"\\([\\(^+'`?~.dD])"  # escaped mark
    r"|([aeiouyAEIOUY])(?:([(^+])(['`?~.]?)|(['`?~.]))"  # vowel + marks
    r"|([dD])(?:[dD]|-(?=[aeiouyAEIOUY]))"  # đ: "dd", or "d-" as many VIQR writers type it
)
_VIQR_HINT = re.compile(r"[aeiouyAEIOUY](?:[(^+`~]|['?.][a-zA-Z])|\b[dD](?:[dD]|-)[aeiouyAEIOUY]")
_TRAILING_CLOSERS = ")]}\"»”’,;:!"


def _viqr_sub(match: re.Match[str]) -> str:
    if match.group(1) is not None:
        return match.group(1)
    if match.group(6) is not None:
        hyphen = match.group(0).endswith("-")
        if hyphen and match.start() and match.string[match.start() - 1].isalpha():  # "and-or": a hyphen
            return match.group(0)
        return "Đ" if match.group(6) == "D" else "đ"
    vowel = match.group(2)
    vowel_mark = match.group(3) or ""
    tone = match.group(4) if vowel_mark else match.group(5)
    letter = vowel
    if vowel_mark:
        if vowel.lower() + vowel_mark not in _VIQR_LETTERS:  # e.g. "e(", "i^": keep as written
            return match.group(0)
        letter = unicodedata.normalize("NFC", vowel + tables.VIQR_VOWEL_MARKS[vowel_mark])
    if tone:
        letter = unicodedata.normalize("NFC", letter + tables.VIQR_TONE_MARKS[tone])
    return letter


@lru_cache(maxsize=65536)
def _decode_viqr_token(token: str) -> str:
    # An unescaped ". ? '" after a word that already has its tone is punctuation, not a second
    # tone (RFC 1456 asks writers to escape it; not all do): "No^.i." is "Nội.".
    body = token.rstrip(_TRAILING_CLOSERS)
    if len(body) >= 2 and body[-1] in ".?'" and body[-2] in _VIQR_VOWELS + "(^+":
        head = _VIQR_TOKEN_RE.sub(_viqr_sub, body[:-1])
        words = _WORD_RE.findall(head)
        if words and any(c in _TONES for c in unicodedata.normalize("NFD", words[-1])):
            return head + body[-1] + _VIQR_TOKEN_RE.sub(_viqr_sub, token[len(body):])
    return _VIQR_TOKEN_RE.sub(_viqr_sub, token)


_WHITESPACE_SPLIT = re.compile(r"(\s+)")


def _decode_viqr(text: str) -> str:
    return "".join(
        part if part.isspace() or not part else _decode_viqr_token(part)
        for part in _WHITESPACE_SPLIT.split(text)
    )


def decode_as(data: bytes, encoding: str) -> str:
    """Decode ``data`` as the named encoding (see the module doc) to NFC text.

    Any bytes decode (undecodable ones become U+FFFD); only an unknown encoding name raises ValueError.
    """
    encoding = canonical_encoding(encoding)
    if encoding in _SINGLE_BYTE:
        text = codecs.charmap_decode(data, "strict", _SINGLE_BYTE[encoding])[0]
    elif encoding == "vni":
        text = _decode_vni(data)
    elif encoding == "viqr":
        text = _decode_viqr(data.decode("ascii", "replace"))
    elif encoding == "utf-16":
        text = _decode_utf16(data)[0]
    elif encoding == "utf-8-sig":
        text = data.decode("utf-8-sig", "replace")
    else:  # utf-8, utf-8-nfd
        text = data.decode("utf-8", "replace")
    return unicodedata.normalize("NFC", text)


def _decode_utf16(data: bytes) -> tuple[str, str]:
    """(text, byte order note) for UTF-16 with or without BOM."""
    if data.startswith(codecs.BOM_UTF16_LE):
        return data[2:].decode("utf-16-le", "replace"), "little-endian, BOM"
    if data.startswith(codecs.BOM_UTF16_BE):
        return data[2:].decode("utf-16-be", "replace"), "big-endian, BOM"
    even = data[0:4096:2].count(0)
    odd = data[1:4096:2].count(0)
    codec = "utf-16-be" if even > odd else "utf-16-le"
    return data.decode(codec, "replace"), ("big" if even > odd else "little") + "-endian, no BOM"


def _looks_utf16(data: bytes) -> bool:
    head = data[:4096]
    pairs = len(head) // 2
    if pairs < 2:
        return False
    even = head[0::2].count(0) / pairs
    odd = head[1::2].count(0) / pairs
    return max(even, odd) > 0.3 and min(even, odd) < 0.05


_CONTROL_BYTES = frozenset(set(range(0x20)) - {0x09, 0x0A, 0x0C, 0x0D, 0x1A, 0x1B} | {0x7F})
_VISCII_CONTROL_LETTERS = frozenset(tables.VISCII_LOW)


def _control_share(data: bytes) -> float:
    head = data[:_SAMPLE_BYTES]
    if not head:
        return 0.0
    controls = sum(head.count(b) for b in _CONTROL_BYTES - _VISCII_CONTROL_LETTERS)
    return controls / len(head)


def _confidence(valid: int, invalid: int, margin: int) -> float:
    """Share of valid words, discounted when the runner-up was close."""
    evidence = valid + invalid
    if evidence == 0:
        return 0.5
    ratio = valid / evidence
    lead = min(1.0, 0.5 + margin / evidence)
    return round(max(0.0, min(1.0, ratio * lead)), 3)


def decode_bytes(data: bytes, name: str = "", encoding: str | None = None) -> Decoded:
    """Decode bytes of unknown encoding to NFC text; never raises.

    ``name`` (a file name) only appears in log messages. ``encoding`` forces a decoding (any
    name accepted by :func:`canonical_encoding`); the result then has confidence 1.0.
    """
    if encoding is not None:
        forced = canonical_encoding(encoding)
        text = decode_as(data, forced)
        return _finish(text, forced, 1.0, ("encoding given by the caller",))
    if not data:
        return Decoded("", "utf-8", 1.0, notes=("empty input",))
    if data.startswith(codecs.BOM_UTF8):
        text = data[3:].decode("utf-8", "replace")
        return _finish(unicodedata.normalize("NFC", text), "utf-8-sig", 1.0, (), raw=text)
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or _looks_utf16(data):
        text, order = _decode_utf16(data)
        confidence = 1.0 if data[:2] in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE) else 0.9
        return _finish(unicodedata.normalize("NFC", text), "utf-16", confidence, (order,), raw=text)
    share = _control_share(data)
    if share > _BINARY_CONTROL_SHARE:
        log.info("%s: looks binary (%.0f%% control bytes)", name or "input", 100 * share)
        text = unicodedata.normalize("NFC", data.decode("utf-8", "replace"))
        return Decoded(text, "binary", 0.02, True, (f"looks binary: {100 * share:.0f}% control bytes",))
    result = _detect(data)
    log.info("%s: %s (confidence %.2f)", name or "input", result.encoding, result.confidence)
    return result


def _detect(data: bytes) -> Decoded:
    try:
        raw = data.decode("utf-8")
    except UnicodeDecodeError:
        raw = None
    if raw is not None:
        if data.isascii():
            return _detect_ascii(raw)
        text = unicodedata.normalize("NFC", raw)
        name = "utf-8" if text == raw else "utf-8-nfd"
        valid, invalid, frequent = score_text(text[:_SAMPLE_BYTES])
        if valid >= invalid:
            confidence = _confidence(valid, invalid, valid + invalid)
            return _finish(text, name, max(confidence, 0.9), (), raw=raw)
        repaired = _repair_double_utf8(text)
        if repaired is not None:
            return repaired
    size = _SAMPLE_BYTES
    candidates = _score_candidates(data[:size])
    if sum(c[1] + c[2] for c in candidates) < 200 and len(data) > size:
        size = _LARGE_SAMPLE_BYTES  # little evidence: look further
        candidates = _score_candidates(data[:size])
    # UTF-8 with a few broken bytes (a truncated file, a pasted legacy character) is still UTF-8.
    sample = unicodedata.normalize("NFC", data[:size].decode("utf-8", "replace"))
    valid, invalid, frequent = score_text(sample)
    utf8 = (valid + frequent - invalid, valid, invalid, "utf-8", sample)
    candidates.append(utf8)
    # Stable sort: on a tie the earlier (more common) encoding wins.
    candidates.sort(key=lambda c: -c[0])
    best_net, best_valid, best_invalid, best, best_text = candidates[0]
    if raw is not None and best != "utf-8" and best_net < utf8[0] + 2:
        # strictly valid UTF-8 is strong evidence by itself
        best_net, best_valid, best_invalid, best, best_text = utf8
    # Margin over the best decoding that reads differently (identical readings are no doubt).
    margin = best_net - max((c[0] for c in candidates if c[4] != best_text), default=best_net - best_valid - best_invalid)
    notes: list[str] = []
    if best_valid + best_invalid == 0:
        notes.append("no Vietnamese letters found; encoding guessed")
        confidence = 0.5
    else:
        confidence = _confidence(best_valid, best_invalid, margin)
        if best_valid < best_invalid:
            notes.append(
                f"only {best_valid} of {best_valid + best_invalid} non-ASCII words are Vietnamese "
                "syllables in any encoding: probably not Vietnamese text"
            )
    text = decode_as(data, best)
    return _finish(text, best, confidence, tuple(notes))


def _repair_double_utf8(text: str) -> Decoded | None:
    """UTF-8 that was read as Windows-1252 and saved again as UTF-8 ("Viá»‡t"): undo it if that helps."""
    try:
        fixed = codecs.charmap_encode(text, "strict", _CP1252_MAP)[0].decode("utf-8")
    except UnicodeError:
        return None
    fixed = unicodedata.normalize("NFC", fixed)
    valid, invalid, _ = score_text(fixed[:_SAMPLE_BYTES])
    if valid <= invalid:
        return None
    return _finish(fixed, "utf-8", _confidence(valid, invalid, valid + invalid),
                   ("double-encoded UTF-8 (read as Windows-1252, saved as UTF-8) repaired",))


def _score_candidates(sample: bytes) -> list[tuple[int, int, int, str, str]]:
    """(net score, valid, invalid, encoding, decoded sample) per 8-bit legacy encoding, most common first."""
    candidates = []
    for name in ("windows-1258", "vni", "tcvn3", "viscii"):
        text = decode_as(sample, name)
        valid, invalid, frequent = score_text(text)
        candidates.append((valid + frequent - invalid, valid, invalid, name, text))
    return candidates


def candidate_scores(data: bytes) -> list[tuple[str, int, int, int]]:
    """For ``--explain``: (encoding, net score, valid words, invalid words) of every decoding tried.

    The net score is valid + frequent - invalid words on the detection sample; best first.
    """
    sample = data[:_SAMPLE_BYTES]
    rows = [(name, net, valid, invalid) for net, valid, invalid, name, _ in _score_candidates(sample)]
    try:
        text = unicodedata.normalize("NFC", sample.decode("utf-8"))
    except UnicodeDecodeError:
        text = None
    if text is not None:
        valid, invalid, frequent = score_text(text)
        rows.append(("utf-8", valid + frequent - invalid, valid, invalid))
    if sample.isascii():
        valid, invalid, frequent = score_text(_decode_viqr(sample.decode("ascii")))
        rows.append(("viqr", valid + frequent - invalid, valid, invalid))
    return sorted(rows, key=lambda row: -row[1])


def _detect_ascii(raw: str) -> Decoded:
    """ASCII bytes: plain text, or VIQR when its mnemonics decode to Vietnamese syllables."""
    sample = raw[:_SAMPLE_BYTES]
    if len(_VIQR_HINT.findall(sample, 0, 8192)) >= 1:
        viqr = _decode_viqr(sample)
        valid, invalid, _ = score_text(viqr)
        # One stray "I'm" (read as "Ím") must not turn an English page into VIQR.
        if valid >= max(1, len(sample.split()) // 50) and valid >= 2 * invalid:
            confidence = _confidence(valid, invalid, valid - invalid)
            return _finish(_decode_viqr(raw), "viqr", confidence, ())
        return Decoded(raw, "utf-8", 0.9, notes=("ASCII text",))
    return Decoded(raw, "utf-8", 0.95, notes=("ASCII text",))


def looks_like_viqr(text: str) -> bool:
    """Whether a string already decoded (a JSON field, an ASCII file) is Vietnamese written in VIQR."""
    return text.isascii() and _detect_ascii(text).encoding == "viqr"


def viqr_to_unicode(text: str) -> str:
    """VIQR mnemonics (``Ha` No^.i``, ``d-`` or ``dd`` for đ) to NFC Vietnamese."""
    return unicodedata.normalize("NFC", _decode_viqr(text))


_UPPER_TONED = frozenset(
    _with_tone(letter, tone).upper()
    for letter in "aăâeêioôơuưy" for tone in range(1, 6)
)
_LOWER_TONED = frozenset(ch.lower() for ch in _UPPER_TONED)
_UPPER_LETTERS = "".join(sorted({c for c in _CP1252 + _TCVN3 if c.isupper() and c.isalpha()}))
_LOWER_TONED_CLASS = "".join(sorted(_LOWER_TONED))
# A lowercase toned vowel touching a capital: the seed of an all-caps word written in TCVN3.
_CAPS_SEED_RE = re.compile(f"[{_UPPER_LETTERS}][{_LOWER_TONED_CLASS}]|[{_LOWER_TONED_CLASS}][{_UPPER_LETTERS}]")
_SENTENCE_START_RE = re.compile(
    r"(?:^|(?<=[.!?]\s)|(?<=[.!?]\s[\"“'‘(])|(?<=^[\"“'‘(]))" f"([{_LOWER_TONED_CLASS}])", re.M
)


def restore_tcvn3_case(text: str) -> tuple[str, int]:
    """Uppercase toned vowels that a TCVN3 file had to store as lowercase, where context shows it.

    A lowercase toned vowel inside an otherwise all-caps word (``NộI`` -> ``NỘI``) or starting a
    sentence or a line is put back in uppercase. Returns (text, letters restored).
    """
    count = 0
    spans = []
    position = 0
    for seed in _CAPS_SEED_RE.finditer(text):
        if seed.start() < position:
            continue
        start, end = seed.start(), seed.end()
        while start > 0 and text[start - 1].isalpha():
            start -= 1
        while end < len(text) and text[end].isalpha():
            end += 1
        word = text[start:end]
        lowers = [c for c in word if c.islower()]
        if sum(c.isupper() for c in word) >= 2 and all(c in _LOWER_TONED for c in lowers):
            spans.append((start, end, word.upper()))
            count += len(lowers)
        position = end
    if spans:
        pieces, last = [], 0
        for start, end, upper in spans:
            pieces += [text[last:start], upper]
            last = end
        text = "".join(pieces) + text[last:]

    def initial(match: re.Match[str]) -> str:
        nonlocal count
        count += 1
        return match.group(1).upper()

    return _SENTENCE_START_RE.sub(initial, text), count


def _finish(text: str, encoding: str, confidence: float, notes: tuple[str, ...], raw: str | None = None) -> Decoded:
    notes_list = list(notes)
    lossy = False
    if encoding == "tcvn3":
        text, restored = restore_tcvn3_case(text)
        if any(c in _LOWER_TONED for c in text):
            lossy = True
            notes_list.append(
                "TCVN3 cannot hold uppercase toned vowels: "
                f"{restored} letters restored to uppercase from context, others may be lower-cased"
            )
    if "\ufffd" in text:
        lossy = True
        notes_list.append(f"{text.count(chr(0xFFFD))} undecodable bytes replaced by U+FFFD")
    if raw is not None and encoding == "utf-8" and raw != text:
        encoding = "utf-8-nfd"
    if encoding == "utf-8-nfd":
        notes_list.append("decomposed Unicode composed to NFC")
    return Decoded(text, encoding, confidence, lossy, tuple(notes_list))


# --------------------------------------------------------------------------- encoding

_ASCII_FALLBACK = {
    "“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‹": "'", "›": "'",
    "‘": "'", "’": "'", "‚": "'", "–": "-", "—": "-", "…": "...", "•": "*", "·": ".",
    "\u00a0": " ", "\u200b": "", "\u200c": "", "\u200d": "", "\u2060": "", "\ufeff": "",
}


def _reverse(table: str, skip: frozenset[str] = frozenset()) -> dict[str, bytes]:
    reverse: dict[str, bytes] = {}
    for byte, ch in enumerate(table):
        if ch not in skip:
            reverse.setdefault(ch, bytes([byte]))
    return reverse


_TCVN3_ENCODE = _reverse(_TCVN3, skip=_UPPER_TONED)
_VISCII_ENCODE = _reverse(_VISCII)
_VISCII_ENCODE.update({chr(b): bytes([b]) for b in range(128) if b not in tables.VISCII_LOW})
_CP1252_ENCODE = _reverse(_CP1252)
# Windows-1252 letters that VNI would read as part of a Vietnamese letter.
_VNI_CONFUSABLE = frozenset(c for k in _VNI_DECODE for c in k if not c.isascii())


def _encode_char(ch: str, encoding: str) -> bytes | None:
    """The bytes of one NFC character in a legacy encoding, or None when it cannot be held."""
    if encoding == "windows-1258":
        try:
            return ch.encode("cp1258")
        except UnicodeEncodeError:
            letter, tone = _split_tone(ch)
            if not tone:
                return None
            try:
                return letter.encode("cp1258") + tables.TONES[tone - 1].encode("cp1258")
            except UnicodeEncodeError:
                return None
    if encoding == "tcvn3":
        return _TCVN3_ENCODE.get(ch)
    if encoding == "viscii":
        return _VISCII_ENCODE.get(ch)
    if encoding == "vni":
        if ch in _VNI_ENCODE:
            return _VNI_ENCODE[ch].encode("cp1252")
        if ch in _VNI_CONFUSABLE:
            return None
        return _CP1252_ENCODE.get(ch)
    if encoding == "viqr":
        return ch.encode("ascii") if ch.isascii() else (None if _viqr_spelling(ch) is None else b"")
    raise ValueError(f"not a legacy encoding: {encoding!r}; choose one of: {', '.join(LEGACY_ENCODINGS)}")


def _viqr_spelling(ch: str) -> str | None:
    """VIQR mnemonic of one Vietnamese letter: vowel, then vowel mark, then tone (RFC 1456)."""
    if ch in "đĐ":
        return "dd" if ch == "đ" else "DD"
    letter, tone = _split_tone(ch)
    decomposed = unicodedata.normalize("NFD", letter)
    if decomposed[0] not in _VIQR_VOWELS or len(decomposed) > 2:
        return None
    out = decomposed[0]
    if len(decomposed) == 2:
        mark = _VIQR_MARK_OF.get(decomposed[1])
        if mark is None:
            return None
        out += mark
    if tone:
        out += _VIQR_TONE_OF[tables.TONES[tone - 1]]
    return out


_VIQR_MARK_OF = {v: k for k, v in tables.VIQR_VOWEL_MARKS.items()}
_VIQR_TONE_OF = {v: k for k, v in tables.VIQR_TONE_MARKS.items()}


@lru_cache(maxsize=4096)
def _representable_char(ch: str, encoding: str) -> str:
    if _encode_char(ch, encoding) is not None:
        return ch
    if encoding == "tcvn3" and ch in _UPPER_TONED:
        return ch.lower()
    fallback = _ASCII_FALLBACK.get(ch)
    if fallback is not None:
        return fallback
    return "?"


def representable(text: str, encoding: str) -> str:
    """``text`` (NFC) as a document in ``encoding`` can hold it, replacing what it cannot.

    What real legacy documents do: TCVN3 lower-cases uppercase toned vowels; curly quotes and
    dashes become ASCII where the encoding lacks them; any other missing character becomes "?".
    """
    encoding = canonical_encoding(encoding)
    text = unicodedata.normalize("NFC", text)
    if encoding not in LEGACY_ENCODINGS:
        return text
    return "".join(_representable_char(ch, encoding) for ch in text)


def encode_legacy(text: str, encoding: str) -> bytes:
    """Encode text into a legacy Vietnamese encoding, as :func:`representable` describes.

    VIQR output quotes with a backslash every literal mark character that would otherwise be
    read as a diacritic (RFC 1456), so :func:`decode_as` gives the text back exactly.
    """
    encoding = canonical_encoding(encoding)
    if encoding not in LEGACY_ENCODINGS:
        raise ValueError(f"not a legacy encoding: {encoding!r}; choose one of: {', '.join(LEGACY_ENCODINGS)}")
    text = representable(text, encoding)
    if encoding == "viqr":
        return _encode_viqr(text).encode("ascii")
    return b"".join(_encode_char(ch, encoding) or b"?" for ch in text)


def _encode_viqr(text: str) -> str:
    out: list[str] = []
    previous = ""  # the last output character
    for index, ch in enumerate(text):
        spelling = _viqr_spelling(ch) if not ch.isascii() else None
        if spelling is not None:
            out.append(spelling)
        elif ch in "(^+'`?~." and previous and previous in _VIQR_VOWELS + "(^+'`?~.":
            out.append("\\" + ch)
        elif ch in "dD" and text[index + 1: index + 2] in ("d", "D", "đ", "Đ"):
            out.append("\\" + ch)  # a literal d before d or đ must not read as đ
        elif ch == "\\":
            out.append("\\\\")
        else:
            out.append(ch)
        previous = out[-1][-1]
    return "".join(out)
