"""Readers: each input format, ids, metadata, errors with file and line, the clean command."""
from __future__ import annotations

import io
import json
import sys
import unicodedata
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from bantin.cli import main
from bantin.ingest.readers import ReadError, iter_articles, read_articles, split_title
from bantin.models import Rejected

DATA = Path(__file__).resolve().parent.parent / "data" / "ingest"
EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "flood-hanoi"
ICT = timezone(timedelta(hours=7))


def read(*paths, **kwargs):
    errors: list[Rejected] = []
    articles = read_articles([str(p) for p in paths], errors=errors, **kwargs)
    return articles, errors


def test_txt_first_short_line_is_the_title():
    [article], errors = read(DATA / "bai-bao.txt")
    assert errors == []
    assert article.title == "Cháy chợ Đồng Xuân lúc rạng sáng"
    assert article.text.startswith("Rạng sáng nay")
    assert article.id == str(DATA / "bai-bao.txt")
    assert article.meta["encoding"] and 0.0 <= article.meta["encoding_confidence"] <= 1.0


def test_txt_first_line_that_is_a_sentence_is_not_a_title():
    [article], _ = read(DATA / "khong-tieu-de.txt")
    assert article.title == ""
    assert article.text.startswith("Sáng 5/6, UBND tỉnh Nghệ An")


@pytest.mark.parametrize(
    "text, title",
    [
        ("Bão số 5 đổ bộ vào miền Trung\nThân bài.", "Bão số 5 đổ bộ vào miền Trung"),
        ("Trang chủ > Thời sự > Xã hội\nBão số 5 đổ bộ\nThân bài.", "Bão số 5 đổ bộ"),
        ("Bão số 5 đã đổ bộ vào miền Trung.\nThân bài.", ""),
        ("Chỉ một dòng không dấu câu", ""),
        (" ".join(["từ"] * 30) + "\nThân bài.", ""),
        ("Ông Nam nói: “Chúng tôi sẽ làm”\nThân bài.", ""),
        ("VnExpress\nBão số 5 đổ bộ\nThân bài.", "Bão số 5 đổ bộ"),
    ],
)
def test_split_title(text, title):
    assert split_title(text)[0] == title


def test_txt_title_after_menu_keeps_the_menu_in_the_text_for_the_cleaner():
    title, body = split_title("Trang chủ > Thời sự\nBão số 5 đổ bộ\nThân bài.")
    assert title == "Bão số 5 đổ bộ"
    assert body == "Trang chủ > Thời sự\nThân bài."


def test_html_main_text_and_metadata():
    [article], errors = read(DATA / "trang.html")
    assert errors == []
    assert article.title == "Khánh thành cầu Rồng mới"
    assert article.source == "Báo Miền Trung"
    assert article.text.startswith("Sáng 29/3, thành phố Đà Nẵng")
    assert "Bản quyền" not in article.text and "Trang chủ" not in article.text
    assert article.published == datetime(2024, 3, 29, 8, 15, tzinfo=ICT)


def test_json_list_ids_aliases_and_dates():
    articles, errors = read(DATA / "nhieu-bai.json")
    assert errors == []
    first, second = articles
    assert first.id == "a1" and first.source == "Báo A"
    assert first.published == datetime(2016, 5, 20, 9, 3, tzinfo=ICT)
    assert second.id == f"{DATA / 'nhieu-bai.json'}:1"
    assert second.text.startswith("Giá vàng SJC")  # "content" alias
    assert second.published is None
    assert second.meta["published_raw"] == "không rõ ngày"
    assert any("published" in warning for warning in second.meta["warnings"])


def test_jsonl_line_numbers_and_body_alias():
    articles, errors = read(DATA / "bai.jsonl")
    assert errors == []
    assert [a.id for a in articles] == ["j1", "j2"]
    assert articles[0].published == datetime(2016, 5, 20, 6, 33, tzinfo=ICT) or articles[0].published.replace(
        tzinfo=None) == datetime(2016, 5, 20, 6, 33)
    assert articles[1].text == "Nhiệt độ cao nhất 35 độ C." and articles[1].url == "https://x.example/j2"
    assert articles[1].meta["line"] == 3


def test_jsonl_default_id_is_path_and_line(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text('{"text": "Một."}\n{"text": "Hai."}\n', encoding="utf-8")
    articles, _ = read(path)
    assert [a.id for a in articles] == [f"{path}:1", f"{path}:2"]


def test_json_single_object(tmp_path):
    path = tmp_path / "one.json"
    path.write_text(json.dumps({"text": "Văn bản.", "title": "Tiêu đề"}, ensure_ascii=False), encoding="utf-8")
    [article], errors = read(path)
    assert errors == [] and article.id == str(path) and article.title == "Tiêu đề"


def test_directory_is_recursive_sorted_and_reports_skipped_files(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text("Hai.", encoding="utf-8")
    (tmp_path / "1.txt").write_text("Một.", encoding="utf-8")
    (tmp_path / "ghi-chu.md").write_text("# không phải bài báo", encoding="utf-8")
    skipped: list[Rejected] = []
    errors: list[Rejected] = []
    articles = read_articles([str(tmp_path)], errors=errors, skipped=skipped)
    assert [a.text for a in articles] == ["Một.", "Hai."]
    assert errors == []
    assert [s.where for s in skipped] == [str(tmp_path / "ghi-chu.md")]
    assert "unsupported file type '.md'" in skipped[0].reason


def test_example_directory_reads_four_articles_with_dates():
    articles, errors = read(EXAMPLE)
    assert errors == []
    assert len(articles) == 4
    assert all(a.title for a in articles)
    assert sum(a.published is not None for a in articles) >= 2


def test_stdin_jsonl(monkeypatch):
    data = '{"id": "s1", "text": "Từ stdin."}\n'.encode()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))
    [article], errors = read("-")
    assert article.id == "s1" and errors == []


def test_text_is_normalized_nfc_and_traditional_tones(tmp_path):
    decomposed = unicodedata.normalize("NFD", "Hoà bình và sức khoẻ\u00a0cho mọi người.")
    path = tmp_path / "nfd.jsonl"
    path.write_text(json.dumps({"text": decomposed, "title": unicodedata.normalize("NFD", "Tiêu đề")}) + "\n",
                    encoding="utf-8")
    [article], _ = read(path)
    assert article.text == "Hòa bình và sức khỏe cho mọi người."
    assert unicodedata.is_normalized("NFC", article.title)


@pytest.mark.parametrize("encoding", ["cp1258", "tcvn3"])
def test_legacy_encoded_txt_is_decoded(tmp_path, encoding):
    from bantin.ingest.encoding import encode_legacy

    path = tmp_path / "legacy.txt"
    path.write_bytes(encode_legacy("Mưa lớn ở Hà Nội\nHà Nội có mưa lớn vào chiều nay, nhiều tuyến phố bị ngập.", encoding))
    [article], errors = read(path)
    assert errors == []
    assert article.text == "Hà Nội có mưa lớn vào chiều nay, nhiều tuyến phố bị ngập."
    assert article.meta["encoding"] != "utf-8"


def test_duplicate_ids_are_renamed_and_reported(tmp_path, caplog):
    path = tmp_path / "dup.jsonl"
    path.write_text('{"id": "x", "text": "Một."}\n{"id": "x", "text": "Hai."}\n', encoding="utf-8")
    articles, errors = read(path)
    assert [a.id for a in articles] == ["x", "x#2"]
    assert articles[1].meta["original_id"] == "x"
    assert errors == []
    assert f"{path}:2: duplicate id 'x'" in caplog.text


@pytest.mark.parametrize(
    "record, field",
    [
        ({"text": 5}, "text"),
        ({"text": "Được.", "title": ["a"]}, "title"),
        ({"text": "Được.", "source": 1}, "source"),
        ({"text": "Được.", "url": {"u": 1}}, "url"),
        ({"text": "Được.", "published": 20160520}, "published"),
        ({"text": "Được.", "id": 1.5}, "id"),
        ({"title": "Không có nội dung"}, "text"),
        ({"text": "   "}, "text"),
        ({"content": ""}, "content"),
    ],
)
def test_wrong_field_types_are_rejected_with_the_field_name(tmp_path, record, field):
    path = tmp_path / "bad.jsonl"
    path.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    articles, errors = read(path)
    assert articles == []
    [error] = errors
    assert error.where == str(path) and error.line == 1
    assert f"'{field}'" in error.reason


def test_integer_id_is_accepted(tmp_path):
    path = tmp_path / "int.jsonl"
    path.write_text('{"id": 7, "text": "Bảy."}\n', encoding="utf-8")
    [article], _ = read(path)
    assert article.id == "7"


def test_strict_raises_read_error_at_the_first_rejected_input(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text('{"text": "Một."}\nkhông phải JSON\n{"text": "Ba."}\n', encoding="utf-8")
    seen = []
    with pytest.raises(ReadError) as info:
        for article in iter_articles([str(path)], strict=True):
            seen.append(article)
    assert info.value.rejected.line == 2
    assert [a.text for a in seen] == ["Một."]


# --------------------------------------------------------------------------- bantin clean


def test_clean_command_writes_jsonl(capsys):
    assert main(["clean", str(EXAMPLE / "01-thu-do-moi.txt")]) == 0
    out = capsys.readouterr().out
    [record] = [json.loads(line) for line in out.splitlines()]
    assert record["title"].startswith("Mưa lớn kỷ lục")
    assert "Tin liên quan" not in record["text"] and "Ảnh: Minh Khôi" not in record["text"]
    assert record["published"].startswith("2025-07-15T06:45")
    assert "meta" not in record


def test_clean_command_explain_says_why_on_stderr_and_adds_meta(capsys):
    assert main(["clean", str(EXAMPLE / "01-thu-do-moi.txt"), "--explain"]) == 0
    captured = capsys.readouterr()
    record = json.loads(captured.out)
    # A whole page keeps every line in the text (its headline is found by the cleaner), so line
    # numbers are the file's.
    assert {"line": 24, "text": "Gửi bài viết cho bạn bè", "reason": "share/print/tag bar"} in record["meta"]["dropped"]
    assert record["title"] == "Mưa lớn kỷ lục, hàng chục tuyến phố Hà Nội ngập sâu trong đêm"
    assert "01-thu-do-moi.txt:1: dropped (menu/breadcrumb): Trang chủ > Thời sự > Đô thị" in captured.err
    assert "encoding utf-8" in captured.err


def test_clean_command_text_format_to_file(tmp_path, capsys):
    out = tmp_path / "out.txt"
    assert main(["clean", str(EXAMPLE / "04-nhip-song-thu-do.txt"), "--format", "text", "-o", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    assert text.startswith("Giao thông Hà Nội tê liệt")
    assert "\nSáng 15/7, hàng nghìn người dân" in text  # outlet tag stripped from the lead
    assert "Thanh Hà" not in text
    assert capsys.readouterr().out == ""


def test_clean_command_exit_code_is_nonzero_when_an_input_is_rejected(tmp_path, capsys):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "Tốt."}\n{"text": \n{"text": "Cũng tốt."}\n', encoding="utf-8")
    assert main(["clean", str(bad)]) == 1
    captured = capsys.readouterr()
    assert len(captured.out.splitlines()) == 2
    assert f"{bad}:2: invalid JSON" in captured.err


def test_clean_command_strict_stops_at_the_first_error(tmp_path, capsys):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "Tốt."}\n[1]\n{"text": "Cũng tốt."}\n', encoding="utf-8")
    assert main(["clean", "--strict", str(bad)]) == 1
    captured = capsys.readouterr()
    assert len(captured.out.splitlines()) == 1
    assert f"{bad}:2: expected a JSON object" in captured.err


def test_clean_command_help_has_an_example(capsys):
    assert main(["clean", "--help"]) == 0
    assert "bantin clean examples/flood-hanoi/" in capsys.readouterr().out


def test_a_single_path_may_be_given_without_a_list():
    articles = read_articles(DATA / "bai-bao.txt")
    assert [a.title for a in articles] == ["Cháy chợ Đồng Xuân lúc rạng sáng"]


def test_rejections_are_logged_as_warnings_when_no_error_list_is_given(tmp_path, caplog):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    assert read_articles([str(path)]) == []
    assert f"rejected {path}: empty file" in caplog.text


def test_a_library_failure_on_one_html_page_is_a_named_rejection_and_the_batch_goes_on(tmp_path, monkeypatch, capsys):
    import bantin.ingest.readers as readers

    def broken(html):
        raise ImportError("lxml.html.clean module is now a separate project lxml_html_clean")

    (tmp_path / "a.html").write_text("<html><body><p>Trang.</p></body></html>", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Bão số 5 đổ bộ\nSáng nay bão vào đất liền.", encoding="utf-8")
    monkeypatch.setattr(readers, "extract_html", broken)
    articles, errors = read(tmp_path)
    assert [a.id for a in articles] == [str(tmp_path / "b.txt")]
    [error] = errors
    assert error.where == str(tmp_path / "a.html")
    assert "HTML extraction failed" in error.reason and "lxml_html_clean" in error.reason

    code = main(["clean", str(tmp_path)])
    captured = capsys.readouterr()
    assert code == 1
    assert "a.html" in captured.err and "Traceback" not in captured.err
    assert "Sáng nay bão vào đất liền." in captured.out


def test_an_unexpected_failure_inside_any_reader_rejects_that_file_only(tmp_path, monkeypatch):
    import bantin.ingest.readers as readers

    def crash(path, reporter, config):
        yield from ()
        raise RecursionError("maximum recursion depth exceeded")

    (tmp_path / "a.json").write_text('{"text": "Một."}', encoding="utf-8")
    (tmp_path / "b.txt").write_text("Bão số 5 đổ bộ\nSáng nay bão vào đất liền.", encoding="utf-8")
    monkeypatch.setitem(readers.READERS, ".json", crash)
    articles, errors = read(tmp_path)
    assert len(articles) == 1
    assert errors == [Rejected(str(tmp_path / "a.json"), "cannot read file: RecursionError: maximum recursion depth exceeded")]


def test_viqr_inside_json_records_is_decoded(tmp_path):
    record = {"id": "v1", "title": "Ha` No^.i mu+a lo+'n",
              "text": "Chie^`u qua, tho+`i tie^'t o+? Ha` No^.i d-a~ thay d-o^?i. Ngu+o+`i da^n d-i la`m ve^` muo^.n."}
    plain = {"id": "e1", "text": "The river rose 2 m. It's the first flood (since 2010)."}
    (tmp_path / "a.jsonl").write_text(json.dumps(record) + "\n" + json.dumps(plain) + "\n", encoding="utf-8")
    [article, english], errors = read(tmp_path / "a.jsonl")
    assert errors == []
    assert article.title == "Hà Nội mưa lớn"
    assert article.text == "Chiều qua, thời tiết ở Hà Nội đã thay đổi. Người dân đi làm về muộn."
    assert article.meta["encoding"] == "viqr"
    assert english.text == plain["text"] and english.meta["encoding"] == "utf-8"


def test_html_blocks_left_out_are_explained(tmp_path, capsys):
    body = "".join(f"<p>Câu thứ {i} của bài báo, đủ dài để là một đoạn văn có nghĩa trong thân bài.</p>" for i in range(4))
    page = (f"<html><body><h1>Khánh thành cầu mới</h1><div class='content'>{body}"
            "<p>Ảnh: Nguyễn Đông</p><p>Minh Anh</p></div></body></html>")
    (tmp_path / "a.html").write_text(page, encoding="utf-8")
    [article], errors = read(tmp_path / "a.html")
    assert errors == []
    assert article.meta["html_dropped"] == [{"reason": "caption", "text": "Ảnh: Nguyễn Đông"},
                                            {"reason": "author or credit line", "text": "Minh Anh"}]
    assert main(["clean", str(tmp_path / "a.html"), "--explain"]) == 0
    err = capsys.readouterr().err
    assert "left out of the page's body (caption): Ảnh: Nguyễn Đông" in err
