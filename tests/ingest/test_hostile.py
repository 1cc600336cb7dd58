"""Hostile and broken input: every bad file or line is named in a clear message, the rest goes on.

Nothing is silently dropped: each input file yields articles, a rejection or a skip report.
"""
from __future__ import annotations

import builtins
import json
import os
import random
import tracemalloc
from pathlib import Path

import pytest

from bantin.cli import main
from bantin.ingest.boilerplate import clean_article
from bantin.ingest.readers import ReadError, iter_articles, read_articles
from bantin.models import Rejected

GOOD = "Mưa lớn gây ngập nhiều tuyến phố ở Hà Nội, giao thông ùn tắc kéo dài."


def read(paths, **kwargs):
    errors: list[Rejected] = []
    skipped: list[Rejected] = []
    articles = read_articles([str(p) for p in paths], errors=errors, skipped=skipped, **kwargs)
    return articles, errors, skipped


def _random_bytes(size: int, seed: int = 7) -> bytes:
    rng = random.Random(seed)
    return bytes(rng.randrange(256) for _ in range(size))


@pytest.fixture
def hostile_dir(tmp_path: Path) -> Path:
    """A directory with one good article and one of each kind of broken input."""
    d = tmp_path / "batch"
    d.mkdir()
    (d / "01-good.txt").write_text(GOOD, encoding="utf-8")
    (d / "02-empty.txt").write_bytes(b"")
    (d / "03-empty.jsonl").write_bytes(b"")
    (d / "04-binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + _random_bytes(4000))
    (d / "05-broken.jsonl").write_text(
        json.dumps({"id": "ok-1", "text": GOOD}, ensure_ascii=False) + "\n"
        + '{"id": "half", "text": "Mưa lớn\n'
        + json.dumps({"id": "ok-2", "text": GOOD}, ensure_ascii=False) + "\n",
        encoding="utf-8",
    )
    (d / "06-no-body.html").write_text("<html><head><title>Trống</title></head><body></body></html>", encoding="utf-8")
    (d / "07-wrong-type.jsonl").write_text('{"text": ["không", "phải", "chuỗi"]}\n', encoding="utf-8")
    (d / "08-bad.json").write_text('{"text": "thiếu ngoặc"', encoding="utf-8")
    os.symlink(d / "no-such-target.txt", d / "09-broken-link.txt")
    (d / "10-notes.md").write_text("# ghi chú", encoding="utf-8")
    (d / ".hidden.txt").write_text(GOOD, encoding="utf-8")
    (d / ".git").mkdir()
    (d / ".git" / "HEAD.txt").write_text(GOOD, encoding="utf-8")
    return d


EXPECTED_REJECTED = {
    "02-empty.txt": (None, "empty file"),
    "03-empty.jsonl": (None, "empty file"),
    "04-binary.txt": (None, "binary data"),
    "05-broken.jsonl": (2, "invalid JSON"),
    "06-no-body.html": (None, "no article text"),
    "07-wrong-type.jsonl": (1, "field 'text' must be a string"),
    "08-bad.json": (1, "invalid JSON"),
    "09-broken-link.txt": (None, "broken symbolic link"),
}


def test_each_broken_input_is_named_with_a_clear_reason_and_the_batch_goes_on(hostile_dir):
    articles, errors, skipped = read([hostile_dir])
    assert [a.text for a in articles] == [GOOD] * 3
    by_file = {Path(e.where).name: e for e in errors}
    assert set(by_file) == set(EXPECTED_REJECTED)
    for name, (line, words) in EXPECTED_REJECTED.items():
        assert by_file[name].line == line, name
        assert words in by_file[name].reason, (name, by_file[name].reason)
        assert str(by_file[name]).startswith(str(hostile_dir / name))
    assert [(Path(s.where).name, s.reason) for s in skipped] == [
        (".git", "skipped: hidden directory"),
        (".hidden.txt", "skipped: hidden file"),
        ("10-notes.md", "skipped: unsupported file type '.md'"),
    ]


def test_nothing_is_silently_dropped(hostile_dir):
    articles, errors, skipped = read([hostile_dir])
    accounted = {a.meta["file"] for a in articles} | {e.where for e in errors} | {s.where for s in skipped}
    assert accounted == {str(p) for p in hostile_dir.iterdir()}


def test_strict_stops_at_the_first_broken_input(hostile_dir):
    seen = []
    with pytest.raises(ReadError) as info:
        for article in iter_articles([str(hostile_dir)], strict=True):
            seen.append(article)
    assert Path(info.value.rejected.where).name == "02-empty.txt"
    assert len(seen) == 1


def test_cli_exit_code_is_nonzero_and_every_rejection_is_on_stderr(hostile_dir, capsys, caplog):
    assert main(["clean", str(hostile_dir)]) == 1
    captured = capsys.readouterr()
    assert len(captured.out.splitlines()) == 3
    for name, (line, _) in EXPECTED_REJECTED.items():
        place = f"{hostile_dir / name}:{line}" if line else str(hostile_dir / name)
        assert f"bantin: error: {place}:" in captured.err, name
    # The skipped file is logged as a warning (stderr in the CLI; pytest's log capture here).
    assert f"{hostile_dir / '10-notes.md'}: skipped: unsupported file type '.md'" in caplog.text


def test_cli_strict_stops_at_the_first_error(hostile_dir, capsys):
    assert main(["clean", "--strict", str(hostile_dir)]) == 1
    captured = capsys.readouterr()
    assert len(captured.out.splitlines()) == 1
    assert "02-empty.txt: empty file" in captured.err
    assert "04-binary.txt" not in captured.err


def test_unreadable_file_is_rejected(tmp_path, monkeypatch):
    locked = tmp_path / "locked.txt"
    locked.write_text(GOOD, encoding="utf-8")
    other = tmp_path / "other.txt"
    other.write_text(GOOD, encoding="utf-8")
    real_open = builtins.open

    def fake_open(file, *args, **kwargs):
        if str(file) == str(locked):
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", fake_open)
    articles, errors, _ = read([tmp_path])
    assert [a.meta["file"] for a in articles] == [str(other)]
    [error] = errors
    assert error.where == str(locked) and "Permission denied" in error.reason


def test_missing_path_and_unsupported_explicit_file_are_rejected(tmp_path):
    notes = tmp_path / "notes.md"
    notes.write_text("x", encoding="utf-8")
    _, errors, _ = read([tmp_path / "missing.txt", notes])
    assert [e.reason for e in errors] == [
        "no such file or directory",
        "unsupported file type '.md' (use .htm .html .json .jsonl .txt)",
    ]


def test_duplicate_ids_across_files_are_all_kept(tmp_path):
    for name in ("a.jsonl", "b.jsonl"):
        (tmp_path / name).write_text('{"id": "bai-1", "text": "Một."}\n{"id": "bai-1", "text": "Hai."}\n',
                                     encoding="utf-8")
    articles, errors, _ = read([tmp_path])
    assert [a.id for a in articles] == ["bai-1", "bai-1#2", "bai-1#3", "bai-1#4"]
    assert errors == []


def test_generated_id_that_collides_with_an_explicit_one_is_made_unique(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text(f'{{"id": "{path}:2", "text": "Một."}}\n{{"text": "Hai."}}\n', encoding="utf-8")
    articles, _, _ = read([path])
    assert len({a.id for a in articles}) == 2


def test_one_megabyte_single_line(tmp_path):
    sentence = "Mưa lớn kéo dài khiến nhiều tuyến phố ngập sâu, người dân phải đẩy xe qua dòng nước. "
    text = sentence * (1_000_000 // len(sentence.encode()) + 1)
    (tmp_path / "long.txt").write_text(text, encoding="utf-8")
    (tmp_path / "long.jsonl").write_text(json.dumps({"text": text}, ensure_ascii=False) + "\n", encoding="utf-8")
    articles, errors, _ = read([tmp_path])
    assert errors == [] and len(articles) == 2
    for article in articles:
        cleaned = clean_article(article)
        assert cleaned.text == text.strip()


def test_bom_crlf_and_nul_free_utf16_are_read(tmp_path):
    (tmp_path / "bom.txt").write_bytes("\ufeffTiêu đề\r\nNội dung bài báo.\r\n".encode("utf-8"))
    (tmp_path / "u16.txt").write_bytes("Tiêu đề\nNội dung bài báo.".encode("utf-16"))
    articles, errors, _ = read([tmp_path])
    assert errors == []
    assert [(a.title, a.text) for a in articles] == [("Tiêu đề", "Nội dung bài báo.")] * 2


def _write_jsonl(path: Path, megabytes: int, text_chars: int) -> int:
    # Long runs of one letter: normalization is the slow part of reading and scans these
    # fastest, and memory use does not depend on the letters.
    body = "Bài kiểm tra bộ nhớ: " + "x" * text_chars
    line = json.dumps({"text": body}, ensure_ascii=False) + "\n"
    count = megabytes * 1_000_000 // len(line.encode()) + 1
    with open(path, "w", encoding="utf-8") as out:
        for _ in range(count):
            out.write(line)
    return count


def _peak_while_streaming(path: Path) -> tuple[int, int]:
    tracemalloc.start()
    try:
        count = sum(1 for _ in iter_articles([str(path)]))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return count, peak


def test_large_jsonl_is_streamed_with_bounded_memory(tmp_path):
    path = tmp_path / "big.jsonl"
    expected = _write_jsonl(path, megabytes=5, text_chars=20_000)
    count, peak = _peak_while_streaming(path)
    assert count == expected
    assert peak < 2_000_000, f"peak {peak} bytes for a 5 MB file: not streaming"


@pytest.mark.slow
def test_very_large_jsonl_is_streamed_with_bounded_memory(tmp_path):
    path = tmp_path / "huge.jsonl"
    expected = _write_jsonl(path, megabytes=200, text_chars=50_000)
    count, peak = _peak_while_streaming(path)
    assert count == expected
    assert peak < 10_000_000, f"peak {peak} bytes for a 200 MB file: not streaming"


def test_directory_symlink_loop_is_reported_not_followed(tmp_path):
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    os.symlink(tmp_path, tmp_path / "loop")
    articles, errors, skipped = read([tmp_path])
    assert len(articles) == 1 and errors == []
    assert [(Path(s.where).name, "not followed" in s.reason) for s in skipped] == [("loop", True)]
