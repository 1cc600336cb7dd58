"""``bantin convert``: UTF-8 NFC copies of legacy-encoded files, never over an input."""
from __future__ import annotations

import unicodedata

import pytest

from bantin.cli import main
from bantin.ingest.encoding import encode_legacy

TEXT = "TRƯỜNG ĐẠI HỌC Quốc gia Hà Nội. Ủy ban nhân dân thành phố quyết định.\n"


def run_convert(argv: list[str]) -> int:
    return main(["convert", *argv])


@pytest.fixture
def corpus(tmp_path):
    root = tmp_path / "in"
    (root / "sub").mkdir(parents=True)
    (root / "a.txt").write_bytes(encode_legacy(TEXT, "tcvn3"))
    (root / "sub" / "b.txt").write_bytes(encode_legacy(TEXT, "vni"))
    (root / "sub" / "c.html").write_bytes(TEXT.encode("utf-16"))
    (root / "sub" / "d.txt").write_bytes(unicodedata.normalize("NFD", TEXT).encode("utf-8"))
    (root / "photo.png").write_bytes(bytes(range(256)))  # not a text extension: skipped in a directory
    return root


def test_directory_is_converted_recursively_with_mirrored_names(corpus, tmp_path, capsys):
    out = tmp_path / "out"
    assert run_convert([str(corpus), "-o", str(out)]) == 0
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()) == [
        "a.txt", "sub/b.txt", "sub/c.html", "sub/d.txt",
    ]
    for name in ("sub/b.txt", "sub/c.html", "sub/d.txt"):
        assert (out / name).read_text(encoding="utf-8") == TEXT
    # TCVN3 has no uppercase toned vowels; these ones come back from context (all-caps, sentence start)
    assert (out / "a.txt").read_text(encoding="utf-8") == TEXT
    err = capsys.readouterr().err
    assert "tcvn3 (confidence" in err and "lossy" in err and "vni (confidence" in err


def test_output_onto_an_input_is_refused(corpus, capsys):
    before = (corpus / "a.txt").read_bytes()
    assert run_convert([str(corpus / "a.txt"), "-o", str(corpus)]) == 1
    assert (corpus / "a.txt").read_bytes() == before
    assert "refusing to overwrite an input" in capsys.readouterr().err


def test_binary_file_fails_and_sets_the_exit_code(tmp_path, capsys):
    junk = tmp_path / "junk.txt"
    junk.write_bytes(bytes(range(256)) * 4)
    assert run_convert([str(junk), "-o", str(tmp_path / "out")]) == 1
    assert not (tmp_path / "out" / "junk.txt").exists()
    assert "not converted" in capsys.readouterr().err


def test_from_forces_the_encoding_and_explain_shows_notes(corpus, tmp_path, capsys):
    out = tmp_path / "out"
    assert run_convert([str(corpus / "sub" / "b.txt"), "-o", str(out), "--from", "VNI-Windows", "--explain"]) == 0
    assert (out / "b.txt").read_text(encoding="utf-8") == TEXT
    assert "encoding given by the caller" in capsys.readouterr().err


def test_explain_prints_every_candidate_score(corpus, tmp_path, capsys):
    assert run_convert([str(corpus / "a.txt"), "-o", str(tmp_path / "out"), "--explain"]) == 0
    err = capsys.readouterr().err
    assert "scores: tcvn3" in err and "viscii" in err


def test_unknown_from_encoding_is_a_usage_error(corpus, tmp_path, capsys):
    assert run_convert([str(corpus), "-o", str(tmp_path / "out"), "--from", "koi8-r"]) == 2
    assert "choose one of" in capsys.readouterr().err


def test_missing_input_is_reported(tmp_path, capsys):
    assert run_convert([str(tmp_path / "nope.txt"), "-o", str(tmp_path / "out")]) == 1
    assert "no such file" in capsys.readouterr().err
