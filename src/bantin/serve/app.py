"""The web app: REST API under ``/api``, Vietnamese pages (:mod:`bantin.serve.views`), ``/docs``.

``create_app(db)`` builds a FastAPI app over one store file. Reads run on the event loop, on a
read-only connection (WAL: they never wait for the writer): each is one indexed lookup of
precomputed JSON (well under a millisecond), cheaper than a hop to a thread. Rendered pages and
lists are kept in memory (:mod:`bantin.serve.cache`) until the writer changes what they show;
the JSON the store holds is sent as it is, never parsed and serialized again. Writes are queued
to the single writer process (:class:`~bantin.serve.writer.Writer`). Routes call the store's
verbs, never SQL.

Access: reads are open. Writes need ``Authorization: Bearer <BANTIN_TOKEN>`` whenever a token
is configured, and a token is required (writes refused without one) when the server listens
beyond loopback. Request bodies are limited to ``max_body`` bytes (413 beyond).
"""
from __future__ import annotations

import asyncio
import hmac
import ipaddress
import json
import logging
import threading
from contextlib import asynccontextmanager
from datetime import date, datetime, time, timezone, timedelta
from typing import Any, Literal

try:
    from fastapi import Depends, FastAPI, HTTPException, Query, Request
    from fastapi.exceptions import RequestValidationError
    from fastapi.responses import JSONResponse, Response
except ImportError as error:  # pragma: no cover - depends on the install
    raise ImportError(f"bantin serve needs the web extra: pip install 'bantin[web]' ({error})") from None

from bantin.store import EventFilter, reader

log = logging.getLogger(__name__)

MAX_BODY = 16 * 1024 * 1024  # bytes per POST: ~5k typical articles of JSONL
PAGE_MAX = 100
VN = timezone(timedelta(hours=7))  # a bare date in a filter is a day in Vietnam

JSON = "application/json"
SECURITY_HEADERS = {
    # nothing but our own stylesheet: no script runs on any page, inline or injected
    "Content-Security-Policy": "default-src 'none'; style-src 'self'; img-src 'self' data:; "
                               "form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class SecurityHeaders:
    """Adds :data:`SECURITY_HEADERS` to every response (plain ASGI: a ``@app.middleware`` would
    cost more than the rest of a cached request)."""

    def __init__(self, app) -> None:
        self.app = app
        self.headers = [(k.lower().encode(), v.encode()) for k, v in SECURITY_HEADERS.items()]

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        async def send_with_headers(message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", ()))
                present = {name.lower() for name, _ in headers}
                headers.extend(h for h in self.headers if h[0] not in present)
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_headers)


def create_app(db: str, host: str = "127.0.0.1", token: str | None = None, max_body: int = MAX_BODY,
               ingest_config=None, cache_bytes: int | None = None) -> FastAPI:
    """The app over store file ``db`` (created and migrated when new)."""
    from bantin.serve import views
    from bantin.serve.cache import CACHE_BYTES, PageCache
    from bantin.serve.writer import Writer
    from bantin.store import Store

    Store(db).close()  # create / migrate before readers open it read-only

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        app.state.writer = Writer(db, ingest_config)
        try:
            yield
        finally:
            await asyncio.to_thread(app.state.writer.close)

    app = FastAPI(title="bantin", version=_version(), lifespan=lifespan, docs_url=None, redoc_url=None,
                  description="Events from Vietnamese news articles: feed, event pages with attributed "
                              "briefs, search. Pages in Vietnamese at /, this API under /api.")
    app.state.db = db
    app.state.token = token or None
    app.state.writes_open = is_loopback(host) or bool(token)

    app.add_middleware(SecurityHeaders)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, error: RequestValidationError):
        problems = [_explain(e) for e in error.errors()]
        return JSONResponse({"detail": "; ".join(problems), "errors": problems}, status_code=422)

    def store():
        return reader(db)

    local = threading.local()  # a cache per reader thread, as its connection (the tags are its)

    def cache() -> PageCache:
        mine = getattr(local, "cache", None)
        if mine is None:
            mine = local.cache = PageCache(CACHE_BYTES if cache_bytes is None else cache_bytes)
        return mine

    def check_write(request: Request) -> None:
        if not app.state.writes_open:
            raise HTTPException(403, "writes are disabled: this server listens beyond localhost and was "
                                     "started without BANTIN_TOKEN; restart it with BANTIN_TOKEN set")
        if app.state.token is None:
            return
        sent = request.headers.get("authorization", "")
        if not hmac.compare_digest(sent.encode(), f"Bearer {app.state.token}".encode()):
            raise HTTPException(401, "send the write token as 'Authorization: Bearer <BANTIN_TOKEN>'",
                                headers={"WWW-Authenticate": "Bearer"})

    @app.get("/health", tags=["meta"], summary="Liveness and store counts")
    async def health() -> dict[str, Any]:
        return {"status": "ok", "version": _version(), **store().counts(), "cache": cache().stats()}

    @app.get("/api/events", tags=["events"], summary="Events, newest or biggest first, with filters")
    async def list_events(
        since: str | None = Query(None, description="events still covered on/after this date or time (ISO 8601)"),
        until: str | None = Query(None, description="events that started on/before this date or time (ISO 8601)"),
        outlet: str | None = Query(None, max_length=200, description="only events this outlet covered"),
        entity: str | None = Query(None, max_length=200, description="only events naming this person/place"),
        q: str | None = Query(None, max_length=500, description="words in the events' articles (diacritics optional)"),
        min_outlets: int = Query(1, ge=1, le=1000, description="at least this many outlets"),
        sort: Literal["newest", "biggest"] = Query("newest"),
        limit: int = Query(20, ge=1, le=PAGE_MAX),
        offset: int = Query(0, ge=0, le=1_000_000),
    ) -> Response:
        where = EventFilter(since=_when(since, "since", end=False), until=_when(until, "until", end=True),
                            outlet=outlet or None, entity=entity or None, q=q or None,
                            min_outlets=min_outlets, sort=sort)
        reads = store()

        def make() -> bytes:
            cards, total = reads.event_cards(where, limit, offset)
            tail = {"total": total, "limit": limit, "offset": offset,
                    "next_offset": offset + limit if len(cards) == limit else None}
            # the cards are stored as JSON: joined as they are, not parsed and encoded again
            return f'{{"events":[{",".join(cards)}],{json.dumps(tail)[1:]}'.encode()

        body = cache().get_or_make(("list", where, limit, offset), reads.generation(), make)
        return Response(body, media_type=JSON)

    @app.get("/api/events/{event_id}", tags=["events"], summary="One event: brief with sources, articles, "
             "copies, timeline, entities, disagreements")
    async def get_event(event_id: str) -> Response:
        detail = store().event_detail_text(event_id)
        if detail is None:
            raise HTTPException(404, f"no event {event_id!r}; list them with GET /api/events")
        if not detail:  # assigned, not refreshed yet
            return JSONResponse({"id": event_id, "pending": True})
        return Response(detail.encode(), media_type=JSON)  # stored as JSON: sent as it is

    @app.get("/api/articles/{article_id:path}", tags=["articles"], summary="One stored article (cleaned text, meta)")
    async def get_article(article_id: str) -> dict[str, Any]:
        stored = store().article(article_id)
        if stored is None:
            raise HTTPException(404, f"no article {article_id!r}; find one with GET /api/search?q=")
        return views.article_json(stored)

    @app.get("/api/search", tags=["articles"], summary="Full-text search over articles (diacritics optional)")
    async def search(q: str = Query(..., min_length=1, max_length=500), limit: int = Query(20, ge=1, le=PAGE_MAX),
               offset: int = Query(0, ge=0, le=1_000_000)) -> Response:
        reads = store()

        def make() -> bytes:
            hits, total = reads.search(q, limit, offset)
            return json.dumps({"q": q, "total": total, "limit": limit, "offset": offset,
                               "hits": [views.hit_json(h, q) for h in hits]}, ensure_ascii=False).encode()

        body = cache().get_or_make(("search", q, limit, offset), reads.generation(), make)
        return Response(body, media_type=JSON)

    @app.post("/api/articles", tags=["articles"], dependencies=[Depends(check_write)],
              summary="Ingest articles: a JSON object, a JSON list, or JSONL",
              description="Each record is {id, title, text, source, url, published}; only text is required. "
                          "Answered once the new articles are committed. Records already stored (same id or "
                          "same content) are reported as duplicates; a bad record is reported with its position "
                          "and the rest go in.")
    async def post_articles(request: Request) -> JSONResponse:
        from bantin.serve.writer import WriterGone

        body = await _read_body(request, max_body)
        try:
            result = await asyncio.wrap_future(app.state.writer.submit(body))
        except WriterGone as error:
            raise HTTPException(503, f"{error}; restart the server and send the batch again "
                                     "(articles already stored are skipped)") from None
        payload = result.to_dict()
        status = 200 if result.count("rejected") < len(result.outcomes) else 422
        if status == 422:
            payload["detail"] = "no record could be used: " + "; ".join(
                f"{o.position}: {o.reason}" for o in result.outcomes[:5])
        return JSONResponse(payload, status_code=status)

    views.add_routes(app, store, cache)
    return app


async def _read_body(request: Request, limit: int) -> bytes:
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > limit:
        raise HTTPException(413, f"the body is {int(declared)} bytes, the limit is {limit}; send smaller batches")
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise HTTPException(413, f"the body is over the limit of {limit} bytes; send smaller batches")
        chunks.append(chunk)
    return b"".join(chunks)


def _when(value: str | None, name: str, end: bool) -> float | None:
    """A filter bound: an ISO date (a whole day in Vietnam) or date-time (naive: Vietnam time)."""
    if value is None or not value.strip():
        return None
    text = value.strip()
    try:
        if len(text) == 10:
            day = date.fromisoformat(text)
            moment = datetime.combine(day, time.max if end else time.min, VN)
        else:
            moment = datetime.fromisoformat(text)
            if moment.tzinfo is None:
                moment = moment.replace(tzinfo=VN)
    except ValueError:
        raise HTTPException(422, f"{name}: {value!r} is not a date; write it like 2025-07-15 or "
                                 "2025-07-15T08:00+07:00") from None
    return moment.timestamp()


def _explain(error: dict) -> str:
    """A validation error as 'where: what is wrong; what to send'."""
    where = error.get("loc", ())
    place = where[-1] if where else "request"
    kind = where[0] if where else ""
    label = {"query": "query parameter", "path": "path parameter", "body": "body field"}.get(kind, "field")
    message = error.get("msg", "invalid")
    got = error.get("input")
    tail = f" (got {got!r})" if got is not None and not isinstance(got, (dict, list)) else ""
    return f"{label} {place!r}: {message}{tail}"


def _version() -> str:
    from bantin import __version__

    return __version__
