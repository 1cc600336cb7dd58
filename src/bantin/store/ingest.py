"""Ingest into the store: read -> clean -> events (online) -> copies, brief and page data.

:class:`Ingester` holds the store's single writing connection and the online clusterer
(:class:`bantin.cluster.online.OnlineAssigner`). ``add`` cleans a batch, drops what the store
already holds (same id, or same content), and commits the new articles together with their
event assignment: once ``add`` returns, the articles are durable. ``refresh`` then rebuilds the
touched ("dirty") events: copy groups, the attributed brief, the feed card and the event's
API detail, stored as JSON so reads are a lookup.

Restart: the clusterer's state is saved to the store every ``snapshot_every`` articles (and by
``close``); on start the last snapshot is loaded and the articles stored after it are replayed
in arrival order, which gives the same assignment (the clusterer is deterministic).
"""
from __future__ import annotations

import dataclasses
import hashlib
import json
import logging
import pickle
import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any, Iterable, Sequence

from bantin.models import Article, Event, Rejected
from bantin.store.sqlite import Store

log = logging.getLogger(__name__)

CLUSTERER_STATE = "online-clusterer"


@dataclass(frozen=True)
class IngestConfig:
    max_words: int = 100  # brief budget in syllables (the CLI's default)
    # Articles given to the summarizer for one brief: the newest ones beyond this. Keeps a
    # refresh bounded on a story that runs for weeks (summarizing 60 articles takes ~0.3 s).
    brief_articles: int = 60
    snapshot_every: int = 2000  # articles between clusterer snapshots (replay cost on restart)


@dataclass
class Outcome:
    """What happened to one input record: ``added``, ``duplicate`` or ``rejected``."""

    position: str
    status: str
    id: str = ""
    event_id: str | None = None
    reason: str = ""

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"position": self.position, "status": self.status}
        if self.id:
            out["id"] = self.id
        if self.event_id:
            out["event_id"] = self.event_id
        if self.reason:
            out["reason"] = self.reason
        return out


@dataclass
class IngestResult:
    outcomes: list[Outcome] = field(default_factory=list)

    def count(self, status: str) -> int:
        return sum(1 for o in self.outcomes if o.status == status)

    def to_dict(self) -> dict[str, Any]:
        return {
            "added": self.count("added"), "duplicates": self.count("duplicate"),
            "rejected": self.count("rejected"),
            "items": [o.to_dict() for o in self.outcomes],
        }


def content_hash(article: Article) -> str:
    """Identity of an article's content: outlet, title, URL and text as read (before cleaning)."""
    key = "\x1f".join((article.source, article.title, article.url, article.text))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def records_from_body(body: bytes, where: str = "request") -> list[tuple[str, Article | Rejected]]:
    """Articles from an HTTP body: a JSON object, a JSON list of objects, or JSONL.

    Each entry is ``(position, article or rejection)``; positions are ``item N`` (list, 1-based)
    or ``line N`` (JSONL). An article without an id gets one from its content hash.
    """
    from bantin.ingest.readers import article_from_record

    try:
        text = body.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        return [("body", Rejected(where, f"the body is not UTF-8 (byte {error.start}); send JSON in UTF-8"))]
    out: list[tuple[str, Article | Rejected]] = []
    try:
        whole = json.loads(text)
    except json.JSONDecodeError:
        whole = None
        lines = [(n, line) for n, line in enumerate(text.splitlines(), 1) if line.strip()]
        if len(lines) < 2:
            return [("body", Rejected(where, "the body is neither JSON nor JSONL; send an article object, "
                                             "a list of them, or one object per line"))]
        for number, line in lines:
            try:
                record = json.loads(line)
            except json.JSONDecodeError as error:
                out.append((f"line {number}", Rejected(where, f"invalid JSON: {error.msg} (column {error.colno})", number)))
                continue
            out.append((f"line {number}", article_from_record(record, "", where, number)))
        return out
    items = whole if isinstance(whole, list) else [whole]
    for number, record in enumerate(items, 1):
        position = f"item {number}" if isinstance(whole, list) else "body"
        out.append((position, article_from_record(record, "", where, number if isinstance(whole, list) else None)))
    return out


class Ingester:
    """The store's writer (see the module docstring). Not thread-safe: one per store."""

    def __init__(self, store: Store, config: IngestConfig | None = None) -> None:
        self.store = store
        self.config = config or IngestConfig()
        self._reset()

    # ------------------------------------------------------------------ restart
    def _restore(self) -> None:
        saved = self.store.load_state(CLUSTERER_STATE)
        seq = 0
        if saved is not None:
            seq, blob = saved
            self._assigner.restore(pickle.loads(blob))
        replayed = 0
        for stored in self.store.articles_after(seq):
            index = self._assigner.add(stored.article)
            expected = self._event_ids.get(index)
            if stored.event_id is not None and expected != stored.event_id:
                log.warning("replay: article %s went to event index %d (%s), the store says %s",
                            stored.article.id, index, expected, stored.event_id)
            replayed += 1
        if replayed:
            log.info("clusterer: replayed %d articles stored after the last snapshot", replayed)
            self._since_snapshot = replayed

    def snapshot(self) -> None:
        """Save the clusterer's state with the seq of the last article it holds."""
        blob = pickle.dumps(self._assigner.state(), protocol=pickle.HIGHEST_PROTOCOL)
        with self.store.transaction():
            self.store.save_state(CLUSTERER_STATE, self.store.last_seq(), blob)
        self._since_snapshot = 0

    def close(self) -> None:
        if self._since_snapshot:
            self.snapshot()

    # ------------------------------------------------------------------ add
    def add(self, records: Iterable[tuple[str, Article | Rejected]], clean: bool = True) -> IngestResult:
        """Clean and store a batch; returns one :class:`Outcome` per record, in order.

        Duplicates (an id or a content the store already holds, or met earlier in the batch)
        are reported and not stored again. Everything added is committed before this returns.
        """
        from bantin.ingest.boilerplate import clean_article

        result = IngestResult()
        pending: list[tuple[Outcome, Article, str]] = []
        rejections: list[tuple[str, str]] = []
        for position, item in records:
            if isinstance(item, Rejected):
                result.outcomes.append(Outcome(position, "rejected", reason=item.reason))
                rejections.append((f"{item.where} {position}", item.reason))
                continue
            digest = content_hash(item)
            article = item if item.id else item.replace(id=f"h-{digest[:16]}")
            if clean:
                article = clean_article(article)
            if not article.text.strip():
                reason = "nothing left after removing boilerplate (menus, captions, bylines)"
                result.outcomes.append(Outcome(position, "rejected", id=article.id, reason=reason))
                rejections.append((f"{item.meta.get('file', 'request')} {position}", reason))
                continue
            outcome = Outcome(position, "added", id=article.id)
            result.outcomes.append(outcome)
            pending.append((outcome, article, digest))
        ids, hashes = self.store.find_existing([a.id for _, a, _ in pending], [d for _, _, d in pending])
        try:
            self._store_batch(pending, rejections, ids, hashes)
        except BaseException:
            # the transaction rolled back: rebuild the clusterer from what the store holds
            self._reset()
            raise
        if self._since_snapshot >= self.config.snapshot_every:
            self.snapshot()
        return result

    def _reset(self) -> None:
        from bantin.cluster import ClusterConfig
        from bantin.cluster.online import OnlineAssigner

        self._assigner = OnlineAssigner(ClusterConfig())
        self._event_ids = self.store.event_ids_by_index()
        self._since_snapshot = 0
        self._restore()

    def _store_batch(self, pending: list[tuple[Outcome, Article, str]], rejections: list[tuple[str, str]],
                     ids: set[str], hashes: set[str]) -> None:
        with self.store.transaction():
            if rejections:
                self.store.add_rejections(rejections)
            for outcome, article, digest in pending:
                if article.id in ids:
                    outcome.status, outcome.reason = "duplicate", "an article with this id is already stored"
                    continue
                if digest in hashes:
                    outcome.status, outcome.reason = "duplicate", "an article with the same content is already stored"
                    continue
                ids.add(article.id)
                hashes.add(digest)
                seq = self.store.add_article(article, digest)
                # the stored form (dates round-trip through ISO text) is what a replay will see
                index = self._assigner.add(article)
                event_id = self._event_ids.get(index)
                if event_id is None:
                    event_id = self._event_ids[index] = "ev-" + hashlib.sha1(article.id.encode("utf-8")).hexdigest()[:12]
                self.store.assign(seq, event_id, index)
                outcome.event_id = event_id
                self._since_snapshot += 1

    # ------------------------------------------------------------------ refresh
    def refresh(self, limit: int | None = None) -> int:
        """Rebuild up to ``limit`` dirty events (all when None); returns how many were rebuilt."""
        todo = self.store.dirty_events()
        if limit is not None:
            todo = todo[:limit]
        for event_id in todo:
            self.refresh_event(event_id)
        return len(todo)

    def refresh_event(self, event_id: str) -> None:
        stored = self.store.event_articles(event_id)
        articles = [s.article for s in stored]
        card, detail, entities = describe_event(event_id, articles, self.config)
        with self.store.transaction():
            self.store.put_event_view(event_id, detail["title"], card, detail, entities)


# ---------------------------------------------------------------------- the event's page data
def describe_event(event_id: str, articles: Sequence[Article],
                   config: IngestConfig) -> tuple[dict, dict, list[str]]:
    """The feed card, the API detail and the entity keys of one event's articles: copies, the
    brief with each sentence's source sentences, the facts (entities, timeline, disagreements,
    additions: :mod:`bantin.facts` through :func:`bantin.pipeline.describe_events`), coverage."""
    from bantin.cluster.dedup import duplicate_ids, find_duplicates
    from bantin.cluster.events import _event as make_event  # the batch path's Event construction
    from bantin.pipeline import describe_events
    from bantin.summarize import article_sentences, summarize

    groups = find_duplicates(articles)
    copies_of = {g.original: g for g in groups}
    event: Event = dataclasses.replace(make_event(articles, list(range(len(articles))), copies_of), id=event_id)
    by_id = {a.id: a for a in articles}
    copy_of = {c: g[0] for g in duplicate_ids(articles, groups) for c in g[1:]}
    brief_input = [a for a in articles if a.id not in copy_of][-config.brief_articles:]
    summary = None
    if brief_input:
        kept = {a.id for a in brief_input}
        dup_groups = [[i for i in g if i in kept] for g in event.duplicates]
        summary = summarize(brief_input, config.max_words,
                            duplicate_groups=[g for g in dup_groups if len(g) > 1] or None)
    sentences_of: dict[str, list[str]] = {}

    def source_sentence(article_id: str, index: int) -> str:
        if article_id not in sentences_of:
            sentences_of[article_id] = article_sentences(by_id[article_id])
        found = sentences_of[article_id]
        return found[index] if 0 <= index < len(found) else ""

    brief = None
    if summary is not None and summary.sentences:
        brief = {
            "text": summary.text, "max_words": summary.max_words,
            "sentences": [
                {"n": n, "text": s.text, "sources": [
                    {"article_id": ref.article_id, "sentence": ref.sentence_index,
                     "outlet": by_id[ref.article_id].source, "title": by_id[ref.article_id].title,
                     "url": by_id[ref.article_id].url, "published": _iso(by_id[ref.article_id].published),
                     "text": source_sentence(ref.article_id, ref.sentence_index)}
                    for ref in s.sources]}
                for n, s in enumerate(summary.sentences, 1)],
        }
    event = describe_events([event], articles)[0]
    facts = event.facts.to_dict()
    if brief is not None:
        event.facts.mark(brief["sentences"])  # "disputed" on sentences stating a contested value
    entities = facts["entities"]
    coverage = sorted(
        ({"published": _iso(a.published), "article_id": a.id, "outlet": a.source, "title": a.title,
          "copy_of": copy_of.get(a.id)} for a in articles),
        key=lambda c: (c["published"] is None, c["published"] or "", c["article_id"]))
    detail = {
        "id": event_id, "title": event.title, "size": len(articles), "n_outlets": len(event.sources),
        "outlets": list(event.sources),
        "first_published": _iso(event.first_published), "last_published": _iso(event.last_published),
        "brief": brief,
        "articles": [
            {"id": a.id, "title": a.title, "outlet": a.source, "url": a.url, "published": _iso(a.published),
             "copy_of": copy_of.get(a.id)} for a in articles],
        "copies": [list(g) for g in event.duplicates],
        "coverage": coverage,
        "timeline": facts["timeline"],
        "entities": entities,
        "disagreements": facts["disagreements"],
        "additions": facts["additions"],
        "updated_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
    }
    lead = brief["sentences"][0]["text"] if brief else _opening(articles)
    card = {
        "id": event_id, "title": event.title, "size": len(articles), "n_outlets": len(event.sources),
        "outlets": list(event.sources[:6]), "n_copies": len(copy_of),
        "first_published": detail["first_published"], "last_published": detail["last_published"],
        "lead": lead,
    }
    keys = []
    for entity in entities:  # the names the feed's entity filter matches (variants too)
        if isinstance(entity, dict):
            keys += [entity.get("name", ""), *(entity.get("variants") or [])]
        else:
            keys.append(str(entity))
    return card, detail, [k for k in keys if k]


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def _opening(articles: Sequence[Article], limit: int = 240) -> str:
    text = " ".join(articles[0].text.split()) if articles else ""
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + " …"


def ingest_paths(store: Store, paths: Sequence[str], config: IngestConfig | None = None,
                 batch: int = 200, progress=None) -> tuple[IngestResult, list[Rejected]]:
    """``bantin ingest``: read files into the store in batches, then refresh the touched events."""
    from bantin.ingest.readers import iter_articles

    errors: list[Rejected] = []
    ingester = Ingester(store, config)
    total = IngestResult()
    chunk: list[tuple[str, Article | Rejected]] = []
    started = time.perf_counter()
    for article in iter_articles(paths, errors=errors):
        line = article.meta.get("line")
        chunk.append((f"{article.meta.get('file', '?')}" + (f":{line}" if line else ""), article))
        if len(chunk) >= batch:
            total.outcomes += ingester.add(chunk).outcomes
            chunk = []
    if chunk:
        total.outcomes += ingester.add(chunk).outcomes
    if errors:
        with store.transaction():
            store.add_rejections((f"{e.where}" + (f":{e.line}" if e.line else ""), e.reason) for e in errors)
    log.info("stored %d articles in %.1f s; refreshing events", total.count("added"), time.perf_counter() - started)
    ingester.refresh()
    ingester.close()
    return total, errors
