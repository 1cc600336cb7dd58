"""Server-rendered pages in Vietnamese (Jinja2, autoescape on) and the article JSON shapes.

Every page works without JavaScript (none is sent: the CSP forbids scripts). Scraped text is
only ever inserted escaped; article HTML is never rendered, and a link from an article is live
only when it is http(s).
"""
from __future__ import annotations

from datetime import datetime
from importlib import resources
from typing import Any, Callable
from urllib.parse import urlencode

from fastapi import FastAPI, Query, Request
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, FileSystemLoader

from bantin.store import EventFilter, Stored

PAGE = 20
# entity types of the facts stage, as the page names them
KINDS = {"PER": "người", "person": "người", "LOC": "nơi chốn", "place": "nơi chốn", "ORG": "tổ chức",
         "organization": "tổ chức", "name": "tên riêng"}
_HERE = resources.files("bantin.serve")


def _environment() -> Environment:
    env = Environment(loader=FileSystemLoader(str(_HERE / "templates")), autoescape=True, trim_blocks=True, lstrip_blocks=True)
    env.filters["ngay"] = format_time
    env.filters["safe_url"] = safe_url
    env.globals["query"] = lambda **kw: urlencode({k: v for k, v in kw.items() if v not in (None, "")})
    return env


def format_time(value: str | None) -> str:
    """ISO time as Vietnamese readers write it: ``15/07/2025 06:45``."""
    if not value:
        return "không rõ thời gian"
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return value
    return f"{moment:%d/%m/%Y %H:%M}"


def safe_url(value: str | None) -> str | None:
    """The URL when it is http(s), else None (a ``javascript:`` or ``data:`` link is never live)."""
    if value and value.strip().lower().startswith(("http://", "https://")):
        return value.strip()
    return None


def article_json(stored: Stored) -> dict[str, Any]:
    from bantin.summarize import article_sentences

    article = stored.article
    return {**article.to_dict(with_meta=True), "event_id": stored.event_id,
            "sentences": article_sentences(article)}


def hit_json(stored: Stored, q: str) -> dict[str, Any]:
    article = stored.article
    return {"id": article.id, "title": article.title, "outlet": article.source, "url": article.url,
            "published": article.published.isoformat() if article.published else None,
            "event_id": stored.event_id, "snippet": snippet(article.text, q)}


def snippet(text: str, q: str, width: int = 220) -> str:
    """The part of ``text`` around the first word of ``q`` (compared without diacritics)."""
    from bantin.text.normalize import fold_diacritics

    flat = " ".join(text.split())
    folded = fold_diacritics(flat)  # same length as flat: folding maps one character to one
    words = fold_diacritics(q).split()
    at = min((i for i in (folded.find(w) for w in words) if i >= 0), default=0)
    start = max(0, at - width // 3)
    piece = flat[start:start + width]
    return ("… " if start else "") + piece + (" …" if start + width < len(flat) else "")


TEMPLATES = _environment()


def render(name: str, status: int = 200, **context: Any) -> HTMLResponse:
    return HTMLResponse(page(name, **context), status_code=status)


def page(name: str, **context: Any) -> bytes:
    return TEMPLATES.get_template(name).render(**context).encode()


def add_routes(app: FastAPI, store: Callable, cache: Callable) -> None:
    """The pages: feed ``/``, event ``/events/{id}``, article ``/articles/{id}``, search, docs.

    The feed and search pages are kept per store generation, an event page per event version
    (:mod:`bantin.serve.cache`)."""
    app.mount("/static", StaticFiles(directory=str(_HERE / "static")), name="static")

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    async def feed(request: Request, q: str = "", nguon: str = "", ten: str = "", tu: str = "", den: str = "",
             it_nhat: str = "1", sap_xep: str = "moi", trang: str = "1") -> HTMLResponse:
        from bantin.serve.app import _when

        problems = []
        min_outlets = _number(it_nhat, 1, "Số nguồn tối thiểu", problems)
        page_number = _number(trang, 1, "Trang", problems)
        since = until = None
        try:
            since = _when(tu or None, "tu", end=False)
            until = _when(den or None, "den", end=True)
        except Exception:  # noqa: BLE001 - HTTPException from _when: shown on the page instead
            problems.append("Ngày phải có dạng năm-tháng-ngày, ví dụ 2025-07-15.")
        where = EventFilter(since=since, until=until, outlet=nguon.strip()[:200] or None,
                            entity=ten.strip()[:200] or None, q=q.strip()[:500] or None,
                            min_outlets=min_outlets, sort="biggest" if sap_xep == "lon" else "newest")
        form = {"q": q, "nguon": nguon, "ten": ten, "tu": tu, "den": den, "it_nhat": it_nhat, "sap_xep": sap_xep}
        reads = store()

        def make() -> bytes:
            cards, total = reads.events(where, PAGE, (page_number - 1) * PAGE)
            return page("feed.html", cards=cards, total=total, page=page_number, form=form, problems=problems,
                        has_next=len(cards) == PAGE, counts=reads.counts())

        key = ("feed", *form.values(), trang)
        return HTMLResponse(cache().get_or_make(key, reads.generation(), make))

    @app.get("/events/{event_id}", response_class=HTMLResponse, include_in_schema=False)
    async def event_page(event_id: str) -> HTMLResponse:
        reads = store()
        version = reads.event_version(event_id)
        if version is None:
            return render("missing.html", 404, what="sự kiện", key=event_id)

        def make() -> bytes:
            detail = reads.event_detail(event_id)
            if detail is None or detail.get("pending"):
                return page("pending.html", event_id=event_id)
            return page("event.html", e=detail, groups=_outlet_groups(detail), kinds=KINDS,
                        outlet_of={a["id"]: a["outlet"] or a["title"] or "nguồn không rõ" for a in detail["articles"]})

        if version == 0:  # assigned, not refreshed yet: nothing to keep
            return HTMLResponse(make())
        return HTMLResponse(cache().get_or_make(("event", event_id), version, make))

    @app.get("/articles/{article_id:path}", response_class=HTMLResponse, include_in_schema=False)
    async def article_page(article_id: str) -> HTMLResponse:
        stored = store().article(article_id)
        if stored is None:
            return render("missing.html", 404, what="bài báo", key=article_id)
        return render("article.html", a=article_json(stored))

    @app.get("/tim-kiem", response_class=HTMLResponse, include_in_schema=False)
    async def search_page(q: str = "", trang: str = "1") -> HTMLResponse:
        problems: list[str] = []
        page_number = _number(trang, 1, "Trang", problems)
        reads = store()

        def make() -> bytes:
            hits, total = reads.search(q[:500], PAGE, (page_number - 1) * PAGE) if q.strip() else ([], 0)
            return page("search.html", q=q, hits=[hit_json(h, q) for h in hits], total=total, page=page_number,
                        has_next=len(hits) == PAGE)

        return HTMLResponse(cache().get_or_make(("search-page", q, trang), reads.generation(), make))

    @app.get("/docs", response_class=HTMLResponse, include_in_schema=False)
    async def docs() -> HTMLResponse:
        return render("docs.html", api=app.openapi())


def _number(value: str, default: int, label: str, problems: list[str]) -> int:
    try:
        number = int(value)
    except ValueError:
        problems.append(f"{label} phải là số nguyên dương.")
        return default
    if number < 1 or number > 100_000:
        problems.append(f"{label} phải từ 1 đến 100000.")
        return default
    return number


def _outlet_groups(detail: dict) -> list[dict[str, Any]]:
    """Articles as outlets' originals with their copies folded under them."""
    by_id = {a["id"]: a for a in detail["articles"]}
    copies: dict[str, list[dict]] = {}
    for article in detail["articles"]:
        if article["copy_of"]:
            copies.setdefault(article["copy_of"], []).append(article)
    return [{"article": a, "copies": copies.get(a["id"], [])}
            for a in sorted(detail["articles"], key=lambda a: a["published"] or "~")
            if not a["copy_of"] or a["copy_of"] not in by_id]
