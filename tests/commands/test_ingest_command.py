"""``bantin ingest``: counts on stdout, idempotent, rejected inputs reported with a non-zero exit."""
from __future__ import annotations

import json
from pathlib import Path

from bantin.cli import main

DATA = Path(__file__).parent.parent / "data" / "serve" / "articles.jsonl"


def test_ingest_twice_then_bad_input(tmp_path, capsys):
    db = str(tmp_path / "tin.db")
    assert main(["ingest", str(DATA), "--db", db]) == 0
    first = json.loads(capsys.readouterr().out)
    assert first["added"] == 6 and first["store"]["events"] == 3
    assert main(["ingest", str(DATA), "--db", db]) == 0
    assert json.loads(capsys.readouterr().out)["duplicates"] == 6
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "Hà Nội mưa lớn chiều nay, nhiều tuyến phố ngập sâu."}\n{"title": 3}\n', encoding="utf-8")
    assert main(["ingest", str(bad), "--db", db]) == 1
    captured = capsys.readouterr()
    assert f"{bad}:2" in captured.err and json.loads(captured.out)["added"] == 1


def test_ingest_refuses_a_file_that_is_not_a_store(tmp_path, capsys):
    junk = tmp_path / "notes.txt"
    junk.write_text("không phải cơ sở dữ liệu " * 50, encoding="utf-8")
    assert main(["ingest", str(DATA), "--db", str(junk)]) == 2
    assert "bantin: error:" in capsys.readouterr().err


def test_serve_help_has_an_example(capsys):
    assert main(["serve", "--help"]) == 0
    assert "bantin serve --db" in capsys.readouterr().out
