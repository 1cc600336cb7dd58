"""The whole pipeline on the bundled sample: read -> clean -> summarize, as `make demo` runs it."""
import json
import unicodedata
from pathlib import Path

import pytest

from bantin.cli import main
from bantin.ingest.boilerplate import clean_article
from bantin.ingest.readers import read_articles
from bantin.summarize import article_sentences

SAMPLE = Path(__file__).resolve().parents[1] / "examples" / "flood-hanoi"


@pytest.fixture(scope="module")
def sample():
    raw = read_articles([str(SAMPLE)])
    return raw, [clean_article(a) for a in raw]


def _summary_json(capsys, max_words):
    assert main(["summarize", str(SAMPLE), "--format", "json", "--max-words", str(max_words)]) == 0
    return json.loads(capsys.readouterr().out)


@pytest.mark.parametrize("max_words", [40, 100, 1000])
def test_no_summary_sentence_comes_from_a_dropped_line(sample, capsys, max_words):
    _, cleaned = sample
    dropped = [d["text"] for a in cleaned for d in a.meta.get("dropped", [])]
    assert dropped, "the sample has scraper noise that cleaning drops"
    summary = _summary_json(capsys, max_words)
    assert summary["sentences"]
    for sentence in summary["sentences"]:
        assert not any(sentence["text"] in line or line in sentence["text"] for line in dropped if len(line) > 15)


@pytest.mark.parametrize("max_words", [40, 100, 1000])
def test_every_source_points_at_a_real_cleaned_sentence(sample, capsys, max_words):
    _, cleaned = sample
    by_id = {a.id: article_sentences(a) for a in cleaned}
    summary = _summary_json(capsys, max_words)
    for sentence in summary["sentences"]:
        first = sentence["sources"][0]
        words = sentence["text"].split()
        source = by_id[first["id"]][first["sentence"]].split()
        it = iter(source)
        assert all(any(w == x for x in it) for w in words), (sentence["text"], source)


def test_every_input_article_is_listed_and_output_is_nfc(sample, capsys):
    raw, _ = sample
    summary = _summary_json(capsys, 100)
    assert sorted(summary["articles"]) == sorted(a.id for a in raw)
    text = json.dumps(summary, ensure_ascii=False)
    assert unicodedata.is_normalized("NFC", text)


def test_markdown_demo_lists_every_source(capsys):
    assert main(["summarize", str(SAMPLE), "--format", "markdown"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("## Tóm tắt")
    assert "\n4. " in out and "\n5. " not in out
