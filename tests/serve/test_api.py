"""The REST API through FastAPI's TestClient: every endpoint, good and bad input."""
from __future__ import annotations

import json

import pytest

from tests.serve.conftest import event_of, sample_records


def test_health_counts_the_store(client):
    body = client.get("/health").json()
    assert body["status"] == "ok"
    assert body["articles"] == 6 and body["events"] == 3


def test_events_newest_first_with_paging(client):
    body = client.get("/api/events", params={"limit": 2}).json()
    stamps = [e["last_published"] for e in body["events"]]
    assert stamps == sorted(stamps, reverse=True) and len(stamps) == 2
    assert body["next_offset"] == 2
    rest = client.get("/api/events", params={"limit": 2, "offset": 2}).json()
    assert len(rest["events"]) == 1 and rest["next_offset"] is None


def test_events_biggest_first(client):
    sizes = [e["size"] for e in client.get("/api/events", params={"sort": "biggest"}).json()["events"]]
    assert sizes == sorted(sizes, reverse=True) and sizes[0] == 3


@pytest.mark.parametrize("params, expected", [
    ({"outlet": "Dân Trí"}, {"dt-xang-2"}),
    ({"outlet": "dan tri"}, {"dt-xang-2"}),  # outlet without diacritics
    ({"min_outlets": 3}, {"tt-bao-1"}),
    ({"q": "xang dau"}, {"dt-xang-2"}),
    ({"q": "sơ tán"}, {"tt-bao-1"}),
    ({"since": "2025-09-10"}, {"dt-xang-2", "xss-1"}),
    ({"until": "2025-09-08"}, {"tt-bao-1"}),
    ({"since": "2025-09-12T15:00+07:00", "until": "2025-09-12T23:00+07:00"}, {"dt-xang-2"}),
    ({"entity": "Hải Phòng"}, {"tt-bao-1"}),
    ({"q": "khongcotu"}, set()),
])
def test_event_filters(client, params, expected):
    body = client.get("/api/events", params=params).json()
    assert {e["id"] for e in body["events"]} == {event_of(client, a) for a in expected}
    assert body["total"] == len(expected)


@pytest.mark.parametrize("params, field", [
    ({"limit": 500}, "limit"),
    ({"limit": 0}, "limit"),
    ({"offset": -1}, "offset"),
    ({"min_outlets": "nhieu"}, "min_outlets"),
    ({"sort": "random"}, "sort"),
    ({"since": "hôm qua"}, "since"),
])
def test_bad_event_filters_say_what_to_change(client, params, field):
    response = client.get("/api/events", params=params)
    assert response.status_code == 422
    assert field in response.json()["detail"]


def test_event_detail_has_attributed_brief(client):
    event_id = event_of(client, "tt-bao-1")
    event = client.get(f"/api/events/{event_id}").json()
    assert event["size"] == 3 and event["n_outlets"] == 3
    assert event["brief"]["sentences"], "a three-article event has a brief"
    for sentence in event["brief"]["sentences"]:
        first = sentence["sources"][0]
        assert first["text"] and first["outlet"]  # the source sentence, shown behind the marker
        stored = client.get(f"/api/articles/{first['article_id']}").json()
        assert stored["sentences"][first["sentence"]] == first["text"]
    assert {a["id"] for a in event["articles"]} == {"tt-bao-1", "vnx-bao-2", "bd-bao-3"}
    assert event["copies"] == [["tt-bao-1", "bd-bao-3"]]  # the near-copy, original first
    assert [c["article_id"] for c in event["coverage"]] == ["tt-bao-1", "vnx-bao-2", "bd-bao-3"]
    assert any(e["name"] == "Hải Phòng" for e in event["entities"])
    # the outlets disagree on the injured (two in one, three in the other): bantin.facts finds it
    injured = [d for d in event["disagreements"] if "bị thương" in d["quantity"]]
    assert injured and {v["value"] for v in injured[0]["values"]} == {"2", "3"}
    assert isinstance(event["timeline"], list) and isinstance(event["additions"], list)


def test_unknown_event_and_article_are_404(client):
    assert client.get("/api/events/ev-nope").status_code == 404
    response = client.get("/api/articles/khong-co")
    assert response.status_code == 404 and "search" in response.json()["detail"]


def test_article_has_cleaned_text_and_meta(client):
    body = client.get("/api/articles/vnx-bao-2").json()
    assert body["source"] == "VnExpress" and body["event_id"] and body["meta"]["line"] == 2


@pytest.mark.parametrize("q", ["sơ tán", "so tan", "SO TAN", "đường láng", "duong lang"])
def test_search_with_or_without_diacritics(client, q):
    body = client.get("/api/search", params={"q": q}).json()
    assert body["total"] >= 1
    assert all(hit["snippet"] for hit in body["hits"])


def test_search_needs_a_query(client):
    response = client.get("/api/search")
    assert response.status_code == 422 and "'q'" in response.json()["detail"]
    assert client.get("/api/search", params={"q": "\"*()"}).json()["total"] == 0  # FTS syntax is text


@pytest.mark.parametrize("params, says", [
    ({"q": "bão", "limit": 0}, "'limit': Input should be greater than or equal to 1"),
    ({"q": "bão", "limit": 101}, "'limit': Input should be less than or equal to 100"),
    ({"q": "bão", "offset": -5}, "'offset': Input should be greater than or equal to 0"),
    ({"q": "bão", "limit": "mười"}, "'limit': Input should be a valid integer"),
    ({"q": "x" * 501}, "'q': String should have at most 500 characters"),
])
def test_bad_search_parameters_say_what_to_change(client, params, says):
    response = client.get("/api/search", params=params)
    assert response.status_code == 422 and says in response.json()["detail"]


def test_search_pages(client):
    first = client.get("/api/search", params={"q": "bao", "limit": 1}).json()
    second = client.get("/api/search", params={"q": "bao", "limit": 1, "offset": 1}).json()
    assert first["total"] >= 2 and first["hits"][0]["id"] != second["hits"][0]["id"]


def test_event_list_is_the_stored_cards(client):
    body = client.get("/api/events", params={"limit": 1}).json()
    card = body["events"][0]
    assert {"id", "title", "size", "n_outlets", "lead", "outlets", "last_published"} <= set(card)
    assert (body["total"], body["limit"], body["offset"], body["next_offset"]) == (None, 1, 0, 1)


def test_openapi_and_offline_docs(client):
    spec = client.get("/openapi.json").json()
    assert "/api/events" in spec["paths"] and "/api/articles" in spec["paths"]
    docs = client.get("/docs")
    assert docs.status_code == 200 and "/api/search" in docs.text
    assert "cdn" not in docs.text.lower() and "<script" not in docs.text


def test_post_articles_json_list_and_jsonl(built_db, tmp_path):
    from fastapi.testclient import TestClient

    from bantin.serve.app import create_app

    records = sample_records()
    new = {"id": "moi-1", "title": "Hà Nội mở thêm ba tuyến xe buýt điện",
           "text": "Sở Giao thông vận tải Hà Nội ngày 1/10 mở thêm ba tuyến xe buýt điện nối trung tâm với Gia Lâm.",
           "source": "Lao Động", "published": "2025-10-01T09:00:00+07:00"}
    db = str(tmp_path / "fresh.db")
    with TestClient(create_app(db)) as client:
        body = "\n".join(json.dumps(r, ensure_ascii=False) for r in records[:2])
        first = client.post("/api/articles", content=body.encode("utf-8"))
        assert first.status_code == 200 and first.json()["added"] == 2
        again = client.post("/api/articles", json=[records[0], {"text": 5}, new, {**records[1], "id": "khac"}])
        answer = again.json()
        assert [i["status"] for i in answer["items"]] == ["duplicate", "rejected", "added", "duplicate"]
        assert answer["items"][1]["position"] == "item 2" and "'text' must be a string" in answer["items"][1]["reason"]
        assert "same content" in answer["items"][3]["reason"]
        assert client.get("/health").json()["articles"] == 3
        one = client.post("/api/articles", json={"text": "   "})
        assert one.status_code == 422 and "'text' is empty" in one.json()["detail"]
        broken = client.post("/api/articles", content=b"{not json")
        assert broken.status_code == 422 and "neither JSON nor JSONL" in broken.json()["detail"]


def test_post_size_limit(tmp_path):
    from fastapi.testclient import TestClient

    from bantin.serve.app import create_app

    with TestClient(create_app(str(tmp_path / "s.db"), max_body=1000)) as client:
        response = client.post("/api/articles", json={"text": "a" * 2000})
        assert response.status_code == 413 and "limit" in response.json()["detail"]


def test_writes_need_the_token_beyond_localhost(tmp_path):
    from fastapi.testclient import TestClient

    from bantin.serve.app import create_app

    record = {"text": "Đà Nẵng khai mạc lễ hội pháo hoa quốc tế tối nay bên sông Hàn."}
    with TestClient(create_app(str(tmp_path / "a.db"), host="0.0.0.0")) as client:
        refused = client.post("/api/articles", json=record)
        assert refused.status_code == 403 and "BANTIN_TOKEN" in refused.json()["detail"]
        assert client.get("/api/events").status_code == 200  # reads stay open
    with TestClient(create_app(str(tmp_path / "b.db"), host="0.0.0.0", token="bi-mat-123")) as client:
        assert client.post("/api/articles", json=record).status_code == 401
        wrong = client.post("/api/articles", json=record, headers={"Authorization": "Bearer sai"})
        assert wrong.status_code == 401
        right = client.post("/api/articles", json=record, headers={"Authorization": "Bearer bi-mat-123"})
        assert right.status_code == 200 and right.json()["added"] == 1


def test_security_headers_on_every_response(client):
    for path in ("/", "/api/events", "/health"):
        csp = client.get(path).headers["content-security-policy"]
        assert "default-src 'none'" in csp and "script-src" not in csp
