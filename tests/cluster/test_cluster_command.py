import json

from bantin.cli import main


def _write_jsonl(path, articles):
    with open(path, "w", encoding="utf-8") as handle:
        for article in articles:
            record = {"id": article.id, "title": article.title, "text": article.text,
                      "published": article.published.isoformat() if article.published else None,
                      "source": article.source}
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")


def test_cli_writes_valid_jsonl_without_summaries(tmp_path, articles):
    feed, out = tmp_path / "feed.jsonl", tmp_path / "events.jsonl"
    _write_jsonl(feed, articles)
    assert main(["cluster", str(feed), "--no-summary", "--no-facts", "-o", str(out)]) == 0
    events = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert sorted(i for e in events for i in e["articles"]) == sorted(a.id for a in articles)
    assert [len(e["articles"]) for e in events] == [3, 2, 2]
    for event in events:
        assert set(event) == {"id", "title", "articles", "duplicates", "sources", "first_published", "last_published"}


def test_cli_markdown(tmp_path, articles, capsys):
    feed = tmp_path / "feed.jsonl"
    _write_jsonl(feed, articles)
    assert main(["cluster", str(feed), "--no-summary", "--format", "markdown"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("## 1. ")
    assert "3 bài" in out


def test_cli_rejects_a_bad_budget(tmp_path, articles):
    feed = tmp_path / "feed.jsonl"
    _write_jsonl(feed, articles)
    assert main(["cluster", str(feed), "--max-words", "0"]) == 2
