import pytest

from bantin.text.segment import count_syllables, syllables, word_tokenize, words


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Hà Nội mưa lớn.", 4),
        ("Ông A , nói \" 5.000 .", 4),
        ("— … !!", 0),
        ("TP.HCM có 9 triệu dân", 5),
        ("", 0),
    ],
)
def test_count_syllables_counts_whitespace_tokens_with_letters_or_digits(text, expected):
    assert count_syllables(text) == expected


def test_syllables_match_rouge_tokens():
    assert syllables("Giá 5.000 đồng/lít, Cứu_quốc") == ["giá", "5", "000", "đồng", "lít", "cứu", "quốc"]


def test_word_tokenize_groups_multi_syllable_words():
    tokens = word_tokenize("Chủ tịch nước tham gia buổi lễ.")
    assert "Chủ tịch" in tokens
    assert "tham gia" in tokens


def test_word_segmentation_round_trips_to_the_syllables():
    sentence = "Ông Nguyễn Văn A, Chủ tịch UBND thành phố, cho biết 5.000 người đã tham gia."
    assert syllables(" ".join(word_tokenize(sentence))) == syllables(sentence)
    assert syllables(" ".join(w.replace("_", " ") for w in words(sentence))) == syllables(sentence)


def test_empty_sentence_has_no_words():
    assert word_tokenize("   ") == []
