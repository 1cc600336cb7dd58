"""The page-dump line classifier: gate, body kept, chrome and markup dropped, headline found."""
from __future__ import annotations

from pathlib import Path

from bantin.evaluate.cleaning import load_clean_corpus, score_output
from bantin.ingest.boilerplate import clean_text
from bantin.ingest.lines import clean_dump, looks_like_page_dump

MINI = Path(__file__).resolve().parents[1] / "data" / "realweb-mini"


def test_gate_passes_pages_and_leaves_articles():
    page = (MINI / "text" / "baomau__1.txt").read_text(encoding="utf-8").split("\n")
    assert looks_like_page_dump(page)
    article = ["Sáng 15/7, mưa lớn khiến nhiều tuyến phố ở Hà Nội ngập sâu.", "Tin liên quan",
               "Cơ quan khí tượng dự báo mưa còn kéo dài đến hết tuần."]
    assert not looks_like_page_dump(article)


def test_mini_dumps_keep_the_body_and_drop_the_chrome():
    for item in load_clean_corpus(MINI):
        if item.kind == "html":
            continue
        result = clean_dump(item.path.read_text(encoding="utf-8"))
        assert result.title == item.gold.title
        score, lost, junk = score_output("\n".join(result.text_lines), item.gold)
        assert lost == [] and junk == [], item.name


def test_markdown_links_become_their_text():
    result = clean_dump((MINI / "text" / "baomau__2.txt").read_text(encoding="utf-8"))
    assert any(line.endswith("nhất là ở Hà Nội.") for line in result.text_lines)
    assert not any("](" in line for line in result.text_lines)


def test_cleaning_a_page_is_idempotent_and_explains_every_line():
    text = (MINI / "text" / "baomau__1.txt").read_text(encoding="utf-8")
    once = clean_text(text)
    assert once.title == "Hà Nội mở thêm tuyến buýt điện nối sân bay Nội Bài"
    assert clean_text(once.text).kept == once.kept
    numbers = {n for n, line in enumerate(text.split("\n"), start=1) if line.strip()}
    assert set(once.kept_lines) | {d.line for d in once.dropped} == numbers
