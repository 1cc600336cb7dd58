"""`bantin summarize`: single summaries in three formats and the JSONL batch mode."""
import json

import pytest

from bantin.cli import main

ARTICLES = [
    {"id": "a", "title": "Quảng Bình sơ tán dân vì lũ", "source": "tuoitre.vn", "url": "https://tuoitre.vn/a",
     "text": "TTO - Mưa lớn kéo dài khiến nhiều tuyến đường ở tỉnh Quảng Bình bị ngập sâu. "
             "Chính quyền tỉnh đã sơ tán hơn 2.000 hộ dân đến nơi an toàn trong đêm 14/10."},
    {"id": "b", "title": "Lũ lớn ở Quảng Bình", "source": "dantri.com.vn", "url": "https://dantri.com.vn/b",
     "text": "(Dân trí) - Hơn 2.000 hộ dân ở tỉnh Quảng Bình đã được sơ tán đến nơi an toàn. "
             "Hai máy bay trực thăng đã thả hàng cứu trợ xuống các thôn bị cô lập."},
]


def run(argv: list[str]) -> int:
    return main(["summarize", *argv])


@pytest.fixture
def articles_file(tmp_path):
    path = tmp_path / "articles.jsonl"
    path.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in ARTICLES), encoding="utf-8")
    return path


def test_json_format_has_summary_sources_and_articles(articles_file, tmp_path):
    out = tmp_path / "s.json"
    assert run([str(articles_file), "--max-words", "40", "--format", "json", "-o", str(out)]) == 0
    record = json.loads(out.read_text(encoding="utf-8"))
    assert record["articles"] == ["a", "b"]
    assert [s["title"] for s in record["sources"]] == ["Quảng Bình sơ tán dân vì lũ", "Lũ lớn ở Quảng Bình"]
    assert record["summary"] and all(s["sources"] for s in record["sentences"])


def test_markdown_format_numbers_sources(articles_file, capsys):
    assert run([str(articles_file), "--max-words", "40", "--format", "markdown"]) == 0
    text = capsys.readouterr().out
    assert "[1]" in text or "[2]" in text
    assert "1. [Quảng Bình sơ tán dân vì lũ — tuoitre.vn](https://tuoitre.vn/a)" in text
    assert "2. [Lũ lớn ở Quảng Bình — dantri.com.vn](https://dantri.com.vn/b)" in text


def test_text_format_respects_the_budget(articles_file, capsys):
    assert run([str(articles_file), "--max-words", "20"]) == 0
    text = capsys.readouterr().out.strip()
    assert text and len(text.split()) <= 20


def test_batch_mode_reports_a_broken_line_and_goes_on(tmp_path, capsys):
    lines = [
        json.dumps({"id": "e1", "articles": ARTICLES, "max_words": 30}, ensure_ascii=False),
        "{not json",
        json.dumps({"id": "e3", "articles": "nope"}),
        json.dumps({"id": "e4", "articles": ARTICLES[:1]}, ensure_ascii=False),
    ]
    path = tmp_path / "clusters.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert run(["--clusters", str(path), "-o", str(out)]) == 1
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r.get("id") for r in records] == ["e1", None, "e3", "e4"]
    assert "error" in records[1] and "error" in records[2]
    assert records[0]["summary"] and records[3]["summary"]
    assert len(records[0]["summary"].split()) <= 30
    err = capsys.readouterr().err
    assert f"{path}:2:" in err and f"{path}:3:" in err


def test_batch_mode_from_stdin(monkeypatch, capsys):
    import io

    line = json.dumps({"id": 7, "articles": ARTICLES}, ensure_ascii=False)
    monkeypatch.setattr("sys.stdin", io.StringIO(line + "\n"))
    assert run(["--clusters", "-", "--max-words", "25"]) == 0
    record = json.loads(capsys.readouterr().out)
    assert record["id"] == 7 and record["articles"] == ["a", "b"]


def test_inputs_and_clusters_together_is_a_usage_error(articles_file):
    assert run([str(articles_file), "--clusters", str(articles_file)]) == 2
