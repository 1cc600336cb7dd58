"""Encoding detection and conversion for Vietnamese bytes (bantin.ingest.encoding)."""
from __future__ import annotations

import codecs
import random
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bantin.ingest.encoding import (
    LEGACY_ENCODINGS,
    Decoded,
    canonical_encoding,
    decode_as,
    decode_bytes,
    encode_legacy,
    is_vietnamese_syllable,
    representable,
    restore_tcvn3_case,
)

TONES = ("", "\u0301", "\u0300", "\u0309", "\u0303", "\u0323")
VOWELS = "aăâeêioôơuưy"
LETTERS = [unicodedata.normalize("NFC", v + t) for v in VOWELS for t in TONES] + ["đ"]
ALL_LETTERS = LETTERS + [c.upper() for c in LETTERS]

SENTENCES = [
    "Hà Nội mưa lớn, nhiều tuyến phố ngập sâu.",
    "Thủ tướng Chính phủ yêu cầu các bộ, ngành khẩn trương khắc phục hậu quả bão số 10.",
    "Ông Nguyễn Văn Được cho biết: “Chúng tôi đã sơ tán 2.000 hộ dân khỏi vùng nguy hiểm”.",
    "Giá xăng tăng 500 đồng mỗi lít từ 15 giờ chiều nay; người dân lo ngại.",
    "Đội tuyển Việt Nam thắng Thái Lan 2-1 trên sân Mỹ Đình.",
    "Khỏe không? Thủy điện Hòa Bình xả lũ, quyết định này được đưa ra lúc nửa đêm.",
]

REPO = Path(__file__).resolve().parents[2]
VMDS = REPO.parent / "shared" / "datasets" / "vmds" / "clusters"


def expected_text(text: str, encoding: str) -> str:
    """What a document in ``encoding`` can say, as the decoder gives it back."""
    held = representable(text, encoding)
    return restore_tcvn3_case(held)[0] if encoding == "tcvn3" else held


# ---------------------------------------------------------------- tables, letter by letter


@pytest.mark.parametrize("encoding", LEGACY_ENCODINGS)
@pytest.mark.parametrize("letter", ALL_LETTERS)
def test_every_letter_round_trips_or_is_reported_lossy(encoding, letter):
    data = encode_legacy(letter, encoding)
    back = decode_as(data, encoding)
    toned_capital = letter.isupper() and any(t in unicodedata.normalize("NFD", letter) for t in TONES[1:])
    if encoding == "tcvn3" and toned_capital:
        assert representable(letter, encoding) == letter.lower()
        assert back == letter.lower()
    else:
        assert representable(letter, encoding) == letter
        assert back == letter


@pytest.mark.parametrize(
    "encoding, text, data",
    [
        # TCVN 5712:1993: à = B5, đ = AE, Đ = A7, ư = AD, ệ = D6
        ("tcvn3", "àđĐưệ", b"\xb5\xae\xa7\xad\xd6"),
        # RFC 1456 Table 1: Ạ = 80, ẳ = C6, Ẳ = 02 (C0 position), ư = DF, Ỵ = 1E
        ("viscii", "ẠẳẲưỴ", b"\x80\xc6\x02\xdf\x1e"),
        # VNI: ệ = e + ä, ư = ö, Đ = Ñ, ỵ = î, ặ = a + ë
        ("vni", "ệưĐỵặ", b"e\xe4\xf6\xd1\xee" + b"a\xeb"),
        # cp1258: ệ = ê + combining dot below (F2); á is precomposed (E1)
        ("windows-1258", "ệá", b"\xea\xf2\xe1"),
        # RFC 1456 VIQR: vowel, vowel mark, tone
        ("viqr", "Việt Đường", b"Vie^.t DDu+o+`ng"),
    ],
)
def test_encode_legacy_uses_the_published_codes(encoding, text, data):
    assert encode_legacy(text, encoding) == data
    assert decode_as(data, encoding) == text


def test_windows_1258_fully_decomposed_bytes_are_composed():
    # Word's cp1258 export writes every tone as a combining byte: a + EC (acute), ê + F2 (dot below)
    data = b"Vi\xea\xf2t Nam ca\xecc ba\xf2n"
    assert decode_as(data, "windows-1258") == "Việt Nam các bạn"
    assert decode_bytes(data).encoding == "windows-1258"


def test_tcvn3_decoding_accepts_combining_tone_bytes():
    assert decode_as(b"a\xb3", "tcvn3") == "á"


def test_vni_accepts_modifier_of_the_other_case():
    assert decode_as(b"VIE\xe4T", "vni") == "VIỆT"


def test_viqr_escaped_marks_stay_literal():
    assert decode_as(b"Ha` No^.i\\. Co' kho^ng\\?", "viqr") == "Hà Nội. Có không?"


def test_viqr_unescaped_sentence_end_is_punctuation_after_a_toned_word():
    assert decode_as(b"Ha` No^.i. Co' kho^ng?", "viqr") == "Hà Nội. Có không?"


@pytest.mark.parametrize("text", ["6 ĐTDĐ", "phòng GDĐT", "HLV José, Beyoncé.", "Eddie add dđ", "a\\.b (a?)"])
def test_viqr_round_trips_letters_next_to_d_and_marks(text):
    assert decode_as(encode_legacy(text, "viqr"), "viqr") == text


def test_representable_replaces_what_the_encoding_cannot_hold():
    assert representable("“Ồ” – Ấy", "viscii") == '"Ồ" - Ấy'
    assert representable("ẤY Ở", "tcvn3") == "ấY ở"
    assert representable("Café €", "viqr") == "Café ?"


# ---------------------------------------------------------------- detection


@pytest.mark.parametrize("encoding", LEGACY_ENCODINGS)
@pytest.mark.parametrize("sentence", SENTENCES)
def test_single_sentence_is_detected_and_decoded(encoding, sentence):
    decoded = decode_bytes(encode_legacy(sentence, encoding), name="s.txt")
    assert decoded.encoding == encoding
    assert decoded.text == expected_text(sentence, encoding)
    assert decoded.confidence > 0.5


def test_tcvn3_restores_capitals_from_context_and_reports_loss():
    data = encode_legacy("TRƯỜNG ĐẠI HỌC Quốc gia. Ở đây, Ủy ban họp.", "tcvn3")
    decoded = decode_bytes(data)
    assert decoded.text == "TRƯỜNG ĐẠI HỌC Quốc gia. Ở đây, ủy ban họp."
    assert decoded.lossy
    assert any("TCVN3 cannot hold uppercase toned vowels" in note for note in decoded.notes)


@pytest.mark.parametrize(
    "data, encoding",
    [
        ("Việt Nam".encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + "Việt Nam".encode("utf-8"), "utf-8-sig"),
        (unicodedata.normalize("NFD", "Việt Nam hòa bình").encode("utf-8"), "utf-8-nfd"),
        ("Việt Nam hòa bình".encode("utf-16"), "utf-16"),
        ("Việt Nam hòa bình ở đây".encode("utf-16-le"), "utf-16"),
        ("Việt Nam hòa bình ở đây".encode("utf-16-be"), "utf-16"),
    ],
)
def test_unicode_forms_are_detected(data, encoding):
    decoded = decode_bytes(data)
    assert decoded.encoding == encoding
    assert unicodedata.normalize("NFC", decoded.text).startswith("Việt Nam")
    assert decoded.text == unicodedata.normalize("NFC", decoded.text)
    assert decoded.confidence >= 0.9


def test_utf8_with_a_broken_byte_stays_utf8_and_is_lossy():
    sentence = SENTENCES[1].encode("utf-8")
    decoded = decode_bytes(sentence + b"\xff " + sentence)
    assert decoded.encoding == "utf-8"
    assert decoded.lossy and decoded.text.count("\ufffd") == 1


def test_double_encoded_utf8_is_repaired():
    # UTF-8 read as Windows-1252 (undefined bytes kept as U+0080..U+009F) and saved as UTF-8 again
    raw = SENTENCES[1].encode("utf-8")
    mojibake = "".join(raw.decode("latin-1")[i] if b in (0x81, 0x8D, 0x8F, 0x90, 0x9D) else bytes([b]).decode("cp1252")
                       for i, b in enumerate(raw)).encode("utf-8")
    decoded = decode_bytes(mojibake)
    assert decoded.text == SENTENCES[1]
    assert any("double-encoded" in note for note in decoded.notes)


def test_readings_identical_under_two_encodings_are_not_doubtful():
    # "à" and "á" are E0 and E1 in both Windows-1258 and VISCII: whichever is named, the text is right
    decoded = decode_bytes("Xin chào các em".encode("cp1258"))
    assert decoded.text == "Xin chào các em"
    assert decoded.confidence >= 0.9


def test_latin1_french_is_decoded_but_flagged_as_not_vietnamese():
    decoded = decode_bytes("café au lait, naïve".encode("cp1252"))
    assert decoded.text == "café au lait, naïve"
    assert any("not Vietnamese" in note for note in decoded.notes)


def test_ascii_english_is_utf8_with_high_confidence():
    decoded = decode_bytes(b"Reuters reported on Monday that I'm fine, e.g. here.")
    assert decoded == Decoded(decoded.text, "utf-8", decoded.confidence, False, decoded.notes)
    assert decoded.text.startswith("Reuters")
    assert decoded.confidence >= 0.9


def test_empty_bytes_are_empty_utf8():
    decoded = decode_bytes(b"")
    assert (decoded.text, decoded.encoding, decoded.lossy) == ("", "utf-8", False)


def test_binary_garbage_gets_low_confidence_and_a_note():
    garbage = random.Random(7).randbytes(4000)
    decoded = decode_bytes(garbage)
    assert decoded.confidence < 0.2
    assert decoded.notes


def test_forced_encoding_is_used():
    data = encode_legacy("Hà Nội", "vni")
    decoded = decode_bytes(data, encoding="VNI-Windows")
    assert (decoded.text, decoded.encoding, decoded.confidence) == ("Hà Nội", "vni", 1.0)


def test_unknown_encoding_name_says_which_exist():
    with pytest.raises(ValueError, match="choose one of"):
        canonical_encoding("koi8-r")


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=400))
def test_decode_bytes_never_raises_and_returns_nfc(data):
    decoded = decode_bytes(data)
    assert unicodedata.is_normalized("NFC", decoded.text)
    assert 0.0 <= decoded.confidence <= 1.0


SYLLABLES = sorted({w.strip(".,:;?“”") for s in SENTENCES for w in s.split()} - {""})
VIQR_PIECES = st.tuples(
    st.sampled_from(SYLLABLES).map(lambda w: st.sampled_from([w, w.upper(), w.lower()])).flatmap(lambda x: x),
    st.sampled_from(["", ".", "?", "'", ",", "...", "(", ")", "\\", "^", "+", "~", "`", '"']),
).map("".join)


@settings(max_examples=200, deadline=None)
@given(st.lists(VIQR_PIECES, max_size=12).map(" ".join))
def test_viqr_round_trips_words_with_any_punctuation(text):
    """RFC 1456 escapes make every mark character that follows a vowel literal again."""
    assert decode_as(encode_legacy(text, "viqr"), "viqr") == representable(text, "viqr")


# ---------------------------------------------------------------- syllables


@pytest.mark.parametrize("word", ["nghiêng", "quyết", "gì", "Việt", "khuya", "hoàng", "hòa", "hoà", "giữa", "ĐƯỜNG", "ạ"])
def test_valid_syllables(word):
    assert is_vietnamese_syllable(word)


@pytest.mark.parametrize("word", ["vièt", "hoàá", "xyzà", "tiếngg", "cafè", "thườc", "µ", "ưa̱"])
def test_invalid_syllables(word):
    assert not is_vietnamese_syllable(word)


# ---------------------------------------------------------------- corpus


def _vmds_articles(limit: int) -> list[str]:
    paths = sorted(VMDS.glob("*/*.body.txt"))[:limit]
    return [unicodedata.normalize("NFC", p.read_text(encoding="utf-8-sig")).strip() for p in paths]


@pytest.mark.corpus
@pytest.mark.skipif(not VMDS.is_dir(), reason="VMDS corpus (../shared/datasets/vmds) absent")
@pytest.mark.parametrize("encoding", LEGACY_ENCODINGS)
def test_vmds_articles_round_trip(encoding):
    for article in _vmds_articles(30):
        decoded = decode_bytes(encode_legacy(article, encoding))
        assert decoded.encoding == encoding
        assert decoded.text == expected_text(article, encoding)


@pytest.mark.parametrize(
    "viqr, text",
    [
        (b"d-i.a phu+o+ng", "địa phương"),
        (b"D-a` Na(~ng va` DDa` La.t", "Đà Nẵng và Đà Lạt"),
        (b"Ha` No^.i d-a~ thay d-o^?i", "Hà Nội đã thay đổi"),
        (b"and-or stand-in", "and-or stand-in"),  # "d-" inside a word is a hyphen
    ],
)
def test_viqr_d_hyphen_is_d_stroke_at_a_syllable_start(viqr, text):
    assert decode_as(viqr, "viqr") == text


def test_viqr_written_with_d_hyphen_is_detected():
    data = b"Chie^`u qua, tho+`i tie^'t o+? Ha` No^.i d-a~ thay d-o^?i. Ngu+o+`i da^n d-i la`m ve^` muo^.n."
    decoded = decode_bytes(data)
    assert decoded.encoding == "viqr"
    assert decoded.text == "Chiều qua, thời tiết ở Hà Nội đã thay đổi. Người dân đi làm về muộn."
