"""Properties: normalization, cleaning and reading never crash, output is NFC, cleaning is idempotent."""
from __future__ import annotations

import json
import tempfile
import unicodedata
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bantin.ingest.boilerplate import clean_article, clean_text
from bantin.ingest.readers import read_articles
from bantin.models import Article, Rejected
from bantin.text import normalize_text

SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Pieces of real scraped lines, so generated text hits the cleaning rules, not only random noise.
PIECES = [
    "Trang chủ", " > ", " | ", "Thời sự", "Chia sẻ", "Facebook", "Tags:", "Ảnh:", "Ảnh minh họa", "(Ảnh: AFP)",
    "Tin liên quan", "Xem thêm:", "Ý kiến bạn đọc", "Bình luận (3)", "Theo VnExpress", "(VnMedia) - ", "TTO - ",
    "HÀ NỘI - ", " - Ảnh: AFP ", "Theo ", "- ", "• ", ">> ", "(03/11/2013)", "Thứ sáu, 20/05/2016 - 06:33", "Nguyễn Văn A", "PV", "|",
    "![](x.jpg)", "Mưa lớn gây ngập", "Hà Nội", "nhiều tuyến phố", ".", ",", ":", "!", "?", "…", "\n", "\n\n", " ",
    "hoà", "khoẻ", "thuỷ", "o\u0301", "\u00a0", "\u200b", "\r\n", "\t", "“", "”", "5.000", "TP. HCM",
]
scraped_text = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=12)), max_size=40).map("".join)


def _is_nfc(text: str) -> bool:
    return unicodedata.is_normalized("NFC", text)


@SETTINGS
@given(st.text())
def test_normalize_is_nfc_and_idempotent(text):
    once = normalize_text(text)
    assert _is_nfc(once)
    assert normalize_text(once) == once


@SETTINGS
@given(scraped_text)
def test_clean_text_never_crashes_and_keeps_or_explains_every_line(text):
    result = clean_text(text)
    assert _is_nfc(result.text)
    lines = normalize_text(text).split("\n")
    # Every input line is kept (once) or has a dropped part with a reason.
    assert len(set(result.kept_lines)) == len(result.kept_lines) == len(result.kept)
    non_blank = {number for number, line in enumerate(lines, start=1) if line.strip()}
    assert set(result.kept_lines) | {d.line for d in result.dropped} == non_blank
    assert all(line for line in result.kept)


@SETTINGS
@given(scraped_text, st.sampled_from(["", "Mưa lớn gây ngập", "Hà Nội"]), st.sampled_from(["", "Báo A"]))
def test_cleaning_is_idempotent(text, title, source):
    once = clean_article(Article(text=text, title=title, source=source, id="x"))
    twice = clean_article(once)
    assert twice == once
    assert _is_nfc(once.text) and _is_nfc(once.source)


@SETTINGS
@given(st.lists(st.one_of(
    st.fixed_dictionaries({"text": scraped_text}, optional={
        "id": st.one_of(st.text(max_size=5), st.integers(), st.none()),
        "title": st.one_of(st.text(max_size=20), st.integers()),
        "published": st.one_of(st.sampled_from(["20/05/2016 09:03 GMT+7", "hôm qua", "2016-05-20"]), st.text(max_size=20)),
    }),
    st.dictionaries(st.text(max_size=5), st.text(max_size=5), max_size=3),
    st.integers(),
), min_size=1, max_size=5), st.binary(max_size=200))
def test_reading_never_crashes_and_accounts_for_every_record(records, junk):
    with tempfile.TemporaryDirectory() as tmp:
        good = Path(tmp) / "a.jsonl"
        good.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
        (Path(tmp) / "junk.txt").write_bytes(junk)
        (Path(tmp) / "junk.jsonl").write_bytes(junk)
        errors: list[Rejected] = []
        articles = read_articles([tmp], errors=errors)
    from_good = [a for a in articles if a.meta.get("file") == str(good)]
    rejected_good = [e for e in errors if e.where == str(good)]
    assert len(from_good) + len(rejected_good) == len(records)
    assert len({a.id for a in articles}) == len(articles)
    for article in articles:
        assert _is_nfc(article.text) and _is_nfc(article.title) and _is_nfc(article.id)
