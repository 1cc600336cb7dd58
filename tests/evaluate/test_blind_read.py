"""benchmarks.blind_read: packets keep the systems hidden; the scorer joins answers with the key."""
import json

from benchmarks import blind_read
from bantin.evaluate.corpora import Cluster
from bantin.models import Article


def _write(folder, key, answers):
    (folder / "answers").mkdir()
    (folder / "key.json").write_text(json.dumps({"packets": key}), encoding="utf-8")
    for number, answer in answers.items():
        (folder / "answers" / f"{number}.json").write_text(
            answer if isinstance(answer, str) else json.dumps(answer), encoding="utf-8")


def _answer(a, b, preferred):
    return {"A": a, "B": b, "preferred": preferred, "notes": ""}


GOOD = {"coverage": 4, "readability": 5, "faithfulness": 5, "publishable": "yes"}
POOR = {"coverage": 3, "readability": 2, "faithfulness": 4, "publishable": "no"}


def test_scores_are_joined_with_the_key_and_counted_over_non_tied(tmp_path):
    key = {
        "01": {"cluster": "cluster_7", "corpus": "vmds", "A": "bantin", "B": "lead"},
        "02": {"cluster": "abmusu_1", "corpus": "abmusu", "A": "lead", "B": "bantin"},
        "03": {"cluster": "abmusu_3", "corpus": "abmusu", "A": "lead", "B": "bantin"},
    }
    _write(tmp_path, key, {
        "01": _answer(GOOD, POOR, "A"),  # bantin preferred
        "02": _answer(POOR, GOOD, "B"),  # bantin preferred (it is B here)
        "03": _answer(GOOD, GOOD, "tie"),
    })
    records, errors = blind_read.load_answers(tmp_path)
    assert errors == [] and [r["preferred"] for r in records] == ["bantin", "bantin", "tie"]
    summary = blind_read.summarize_answers(records)
    assert summary["all"]["preferred"] == {"bantin": 2, "tie": 1}
    assert summary["all"]["bantin"]["readability"] == 5 and summary["all"]["lead"]["readability"] == 3
    assert (summary["all"]["bantin"]["yes"], summary["all"]["lead"]["no"]) == (3, 2)
    table = blind_read.format_summary(summary)
    assert "| all (3) | bantin | 2 (ties 1) | 100% |" in table


def test_malformed_answers_are_reported_by_file_and_left_out(tmp_path, capsys):
    key = {"01": {"cluster": "c", "corpus": "vmds", "A": "bantin", "B": "lead"},
           "02": {"cluster": "d", "corpus": "vmds", "A": "lead", "B": "bantin"}}
    _write(tmp_path, key, {"01": _answer(GOOD, {**POOR, "coverage": 7}, "A"), "02": "{not json"})
    records, errors = blind_read.load_answers(tmp_path)
    assert records == []
    assert "01.json: B.coverage must be a number from 1 to 5, got 7" in errors[0]
    assert "02.json:1: not valid JSON" in errors[1]
    assert blind_read.score(tmp_path, markdown=True) == 2


def test_a_packet_shows_articles_and_both_summaries_without_system_names():
    cluster = Cluster(id="x", articles=(Article(id="a", title="Tiêu đề", source="tuoitre", text="Câu một. Câu hai."),),
                      references=())
    text = blind_read.packet(3, cluster, {"A": "Tóm tắt thứ nhất.", "B": "Tóm tắt thứ hai."})
    assert text.startswith("# Gói đọc 03")
    assert "## Bài 1: Tiêu đề" in text and "Nguồn: tuoitre · Ngày đăng: không rõ" in text
    assert "## Bản tóm tắt A\n\nTóm tắt thứ nhất." in text and "## Bản tóm tắt B\n\nTóm tắt thứ hai." in text
    assert "bantin" not in text.lower().replace("blind_read_rubric", "") and "lead" not in text.lower()
