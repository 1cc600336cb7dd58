import json

from bantin.cli import main
from bantin.evaluate.facts import Counts, score_disagreements, score_entities, score_timeline

DEMO = "examples/flood-hanoi"


def test_summarize_json_carries_facts_and_flags_disputed_sentence(capsys):
    assert main(["summarize", DEMO, "--format", "json"]) == 0
    record = json.loads(capsys.readouterr().out)
    assert {"entities", "timeline", "disagreements", "additions"} <= set(record)
    # the toll is the demo's only disagreement (the forecast to 17/7 and the rain of 14/7 are two
    # happenings that share an organisation's long name)
    assert [d["quantity"] for d in record["disagreements"]] == ["số người chết"]
    assert any("disputed" in s for s in record["sentences"])
    types = {e["name"]: e["type"] for e in record["entities"]}
    assert types["Hà Nội"] == "LOC"
    assert types["Trung tâm Dự báo khí tượng thủy văn quốc gia"] == "ORG"
    assert types["Ban Chỉ huy phòng chống thiên tai và tìm kiếm cứu nạn thành phố"] == "ORG"
    # one entry per happening: "từ tối 14/7 đến rạng sáng 15/7" is entered once, at its start
    texts = [t["text"] for t in record["timeline"]]
    assert len(texts) == len(set(texts))


def test_summarize_markdown_has_the_sections_and_no_facts_leaves_them_out(capsys):
    assert main(["summarize", DEMO, "--format", "markdown"]) == 0
    out = capsys.readouterr().out
    assert "## Các nguồn chưa thống nhất" in out and "## Diễn biến" in out and "(các nguồn chưa thống nhất)" in out
    assert main(["summarize", DEMO, "--format", "json", "--no-facts"]) == 0
    assert "entities" not in json.loads(capsys.readouterr().out)


def test_cluster_events_carry_facts(capsys):
    assert main(["cluster", DEMO, "--format", "json"]) == 0
    events = json.loads(capsys.readouterr().out)
    assert all("entities" in e and "disagreements" in e for e in events)


def test_scoring_counts_matches_splits_and_false_alarms():
    gold = [{"name": "Donald Trump", "type": "PER", "salient": True,
             "mentions": [{"article": "a", "text": "Donald Trump"}, {"article": "a", "text": "Trump"}]},
            {"name": "Hà Nội", "type": "LOC", "salient": False, "mentions": [{"article": "a", "text": "Hà Nội"}]}]
    pred = [{"name": "Donald Trump", "type": "PER", "variants": ["Donald Trump"]},
            {"name": "Trump", "type": "LOC", "variants": ["Trump"]},
            {"name": "Bộ Y", "type": "ORG", "variants": ["Bộ Y"]}]
    c = Counts()
    score_entities(pred, gold, c)
    assert c.ratio("salient_found", "salient") == 1 and c.ratio("found", "gold") == 0.5
    assert c.n["split"] == 1 and c.ratio("pred_ok", "pred") == 2 / 3 and c.n["typed"] == 1 and c.n["merged"] == 0
    d = [{"kind": "number", "quantity": "q", "values": [{"value": "2", "articles": ["a"]}, {"value": "3", "articles": ["b"]}]}]
    score_disagreements(d, [], False, c)
    assert c.n["false_alarms"] == 1 and c.n["d_pred_ok"] == 0
    score_disagreements(d, d, True, c)
    assert c.n["d_found"] == 1
    score_timeline([{"date": "2025-07-14", "sources": ["a"]}], [{"date": "2025-07-14", "sources": ["a", "b"]}], c)
    assert c.ratio("t_found", "t_gold") == 1 and c.ratio("t_pred_ok", "t_pred") == 1
