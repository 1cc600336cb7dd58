"""A store built from tests/data/serve/articles.jsonl (two stories, a copy, a hostile article)
and a TestClient over it."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

pytest.importorskip("fastapi", reason="the web extra is not installed")

DATA = Path(__file__).parent.parent / "data" / "serve" / "articles.jsonl"


def sample_records() -> list[dict]:
    return [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="module")
def built_db(tmp_path_factory) -> str:
    from bantin.store import Store
    from bantin.store.ingest import ingest_paths

    path = str(tmp_path_factory.mktemp("store") / "tin.db")
    store = Store(path)
    ingest_paths(store, [str(DATA)])
    store.close()
    return path


@pytest.fixture(scope="module")
def client(built_db):
    from fastapi.testclient import TestClient

    from bantin.serve.app import create_app

    with TestClient(create_app(built_db)) as test_client:
        yield test_client


def event_of(client, article_id: str) -> str:
    return client.get(f"/api/articles/{article_id}").json()["event_id"]
