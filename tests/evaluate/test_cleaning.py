"""Cleaning evaluation: the recall/junk definitions on hand-made cases, and the command on tests/data/realweb-mini."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from bantin.cli import main
from bantin.evaluate.cleaning import Gold, load_clean_corpus, score_output

MINI = Path(__file__).resolve().parents[1] / "data" / "realweb-mini"

GOLD = Gold(
    title="Giá xăng giảm nhẹ từ chiều nay",
    body=(
        "Giá xăng RON 95 giảm 300 đồng mỗi lít từ 15 giờ chiều nay theo quyết định của liên bộ.",
        "Điều chỉnh giá",
        "Giá dầu diesel giữ nguyên ở mức 19.500 đồng một lít trong kỳ điều hành này.",
    ),
)


def test_perfect_output_keeps_everything_and_has_no_junk():
    score, lost, junk = score_output("\n".join(GOLD.texts), GOLD)
    assert (score.recall, score.junk_share, lost, junk) == (1.0, 0.0, [], [])


def test_chrome_lines_count_as_junk_syllables():
    output = "\n".join(["Trang chủ", "Thứ năm, 12/03/2026", *GOLD.body, "Chia sẻ bài viết"])
    score, lost, junk = score_output(output, GOLD)
    assert score.recall == 1.0
    chrome = 2 + 5 + 4  # trang chủ | thứ năm 12 03 2026 | chia sẻ bài viết
    assert score.junk == chrome
    assert junk == ["Trang chủ", "Thứ năm, 12/03/2026", "Chia sẻ bài viết"]


def test_a_paragraph_missing_a_tail_is_lost():
    half = GOLD.body[0].split(" theo ")[0]
    score, lost, _ = score_output("\n".join([half, *GOLD.body[1:]]), GOLD)
    assert score.kept == 2 and lost == [GOLD.body[0]]


def test_repeated_gold_text_is_junk_the_second_time():
    score, _, _ = score_output("\n".join([GOLD.title, GOLD.title, *GOLD.body]), GOLD)
    assert score.junk == len(GOLD.title.split())


def test_short_paragraph_must_appear_whole_in_one_line():
    score, lost, _ = score_output("\n".join([GOLD.body[0], "Điều chỉnh", GOLD.body[2]]), GOLD)
    assert lost == ["Điều chỉnh giá"]


def test_corpus_layout_gives_kinds_and_outlets():
    items = load_clean_corpus(MINI)
    assert [(it.kind, it.name, it.outlet) for it in items] == [
        ("text bs4-blocks", "baomau__1", "baomau"),
        ("text html2text", "baomau__2", "baomau"),
        ("html", "baomau__1", "baomau"),
    ]


def test_folder_without_gold_is_a_clear_error(tmp_path, capsys):
    assert main(["evaluate", str(tmp_path), "--task", "clean"]) == 2
    assert "no gold/*.json" in capsys.readouterr().err


def test_command_prints_every_kind_with_peers(tmp_path, capsys):
    out_json = tmp_path / "scores.json"
    assert main(["evaluate", str(MINI), "--task", "clean", "--json", str(out_json), "--errors"]) == 0
    out = capsys.readouterr().out
    for kind, system in [("text bs4-blocks", "bantin"), ("text bs4-blocks", "raw"), ("text html2text", "bantin"),
                         ("html", "trafilatura"), ("html", "justext"), ("html", "bantin")]:
        assert any(line.startswith(kind) and f" {system} " in line for line in out.splitlines()), (kind, system)
    data = json.loads(out_json.read_text(encoding="utf-8"))
    raw = next(f for f in data["files"] if f["system"] == "raw" and f["kind"] == "text bs4-blocks")
    bantin = next(f for f in data["files"] if f["system"] == "bantin" and f["kind"] == "text bs4-blocks")
    assert raw["recall"] == 1.0 and raw["junk"] > 0.2  # menus, date, caption, byline, related
    assert bantin["recall"] == 1.0 and bantin["junk"] < raw["junk"]


def test_unknown_system_is_rejected(capsys):
    assert main(["evaluate", str(MINI), "--task", "clean", "--systems", "bantin,readability"]) == 2
    assert "readability" in capsys.readouterr().err


@pytest.mark.corpus
def test_realweb_dev_bantin_text_recall():
    from bantin.evaluate.corpora import shared_dir
    from bantin.evaluate.cleaning import evaluate_cleaning, summarize

    root = shared_dir() / "datasets" / "realweb-dev"
    if not root.is_dir():
        pytest.skip("realweb-dev not under ../shared/datasets")
    items = [it for it in load_clean_corpus(root) if it.kind.startswith("text")]
    rows = summarize(evaluate_cleaning(items, ["bantin"]))
    for kind, outlet, _, _, score in rows:
        if outlet == "all":
            assert score.recall >= 0.95, kind
