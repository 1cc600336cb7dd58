"""Loaders for evaluation corpora with reference summaries and gold clusters.

Three layouts, one result type (:class:`Cluster`):

* **VMDS** folder layout (``clusters/cluster_N/<docid>.body.txt`` + ``.info.txt`` + ``cluster_N.ref{1,2}.txt``);
* **AbMuSu** JSONL (``{"single_documents": [{"title", "anchor_text", "raw_text"}], "summary", "category"}``);
* **generic** cluster JSONL (``{"id", "articles": [article records], "references": [texts]}``).

``include_lede``: both corpora store the article's lede (sapo) apart from the body. A scraper
delivers it as the first paragraph of the article, so by default it is put back in front of the
body; ``include_lede=False`` gives the body alone (how the corpora's own baselines are usually run).
"""
from __future__ import annotations

import json
import os
import re
import unicodedata
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import Iterator, Sequence
from urllib.parse import urlparse

from bantin.ingest.dates import VN_TZ
from bantin.models import Article, Rejected

_INFO_RE = re.compile(r"^([A-Z]+):\s?(.*)$", re.M)
_CLUSTER_DIR_RE = re.compile(r"^cluster_(\d+)$")


@dataclass(frozen=True)
class Cluster:
    """A gold cluster: its articles (in corpus order) and its reference summaries."""

    id: str
    articles: tuple[Article, ...]
    references: tuple[str, ...]
    category: str = ""


def _read(path: Path) -> str:
    return unicodedata.normalize("NFC", path.read_text(encoding="utf-8-sig"))


def _untok(text: str) -> str:
    """VMDS info fields are word-segmented (``đối_lập``) with spaces around punctuation."""
    text = text.replace("_", " ").strip()
    text = re.sub(r"\s+([,.;:!?)\]”])", r"\1", text)
    text = re.sub(r"([(\[“])\s+", r"\1", text)
    return text


def _with_lede(lede: str, body: str, include_lede: bool) -> str:
    lede = lede.strip()
    if not include_lede or not lede:
        return body
    if lede[-1] not in ".!?…\"”":
        lede += "."
    return lede + "\n" + body


def find_vmds(root: str | os.PathLike) -> Path:
    path = Path(root)
    return path / "clusters" if (path / "clusters").is_dir() else path


def load_vmds(root: str | os.PathLike, include_lede: bool = True) -> list[Cluster]:
    """All clusters of a VMDS folder, sorted by cluster number."""
    base = find_vmds(root)
    names = sorted(
        (d.name for d in base.iterdir() if _CLUSTER_DIR_RE.match(d.name) and d.is_dir()),
        key=lambda n: int(n.split("_")[1]),
    )
    clusters = []
    for name in names:
        folder = base / name
        doc_ids = sorted({f.name.split(".")[0] for f in folder.iterdir() if not f.name.startswith("cluster_")})
        articles = []
        for doc_id in doc_ids:
            info = dict(_INFO_RE.findall(_read(folder / f"{doc_id}.info.txt")))
            body = _read(folder / f"{doc_id}.body.txt").strip()
            published = None
            if info.get("TIME"):
                published = datetime.strptime(info["TIME"].strip(), "%d/%m/%Y %H:%M").replace(tzinfo=VN_TZ)
            link = info.get("LINK", "").strip()
            # baomoi links carry the outlet: /Home/<Section>/<outlet domain>/<slug>/<id>.epi
            parts = urlparse(link).path.split("/")
            source = parts[3] if len(parts) > 3 and "." in parts[3] else ""
            articles.append(Article(
                id=doc_id, title=_untok(info.get("TITLE", "")), source=source, url=link,
                text=_with_lede(_untok(info.get("SUMMARY", "")), body, include_lede),
                published=published,
            ))
        refs = tuple(_read(folder / f"{name}.ref{k}.txt").strip() for k in (1, 2))
        label = dict(_INFO_RE.findall(_read(folder / f"{name}.info.txt"))).get("NAME", "")
        clusters.append(Cluster(id=name, articles=tuple(articles), references=refs, category=label.strip()))
    return clusters


def _json_lines(path: str | os.PathLike) -> Iterator[tuple[int, dict]]:
    """(line number, record) for every non-blank line of a JSONL file."""
    with open(path, encoding="utf-8-sig") as handle:
        for number, line in enumerate(handle, 1):
            if line.strip():
                yield number, json.loads(line)


def load_abmusu(path: str | os.PathLike, include_lede: bool = True) -> list[Cluster]:
    """AbMuSu JSONL (VLSP 2022); cluster ids are ``abmusu_<line number>``."""
    clusters = []
    for number, record in _json_lines(path):
        cid = f"abmusu_{number}"
        articles = tuple(
            Article(
                id=f"{cid}_{k}",
                title=unicodedata.normalize("NFC", doc.get("title", "")).strip(),
                text=unicodedata.normalize(
                    "NFC", _with_lede(doc.get("anchor_text", ""), doc.get("raw_text", ""), include_lede)
                ),
            )
            for k, doc in enumerate(record["single_documents"], 1)
        )
        summary = unicodedata.normalize("NFC", record["summary"]).strip()
        clusters.append(Cluster(id=cid, articles=articles, references=(summary,), category=record.get("category", "")))
    return clusters


def load_generic(path: str | os.PathLike) -> list[Cluster]:
    """Generic JSONL: ``{"id", "articles": [article records], "references": [...]}`` per line.

    Article records are read as ``bantin.ingest.readers`` reads them (same fields, dates, checks);
    a broken record is an error naming the file and line, since a benchmark must not skip data.
    """
    from bantin.ingest.readers import article_from_record

    clusters = []
    for number, record in _json_lines(path):
        cid = str(record.get("id", number))
        articles = []
        for k, raw in enumerate(record["articles"], 1):
            article = article_from_record(raw, default_id=f"{cid}_{k}", where=str(path), line=number)
            if isinstance(article, Rejected):
                raise ValueError(f"{article} (article {k} of cluster {cid})")
            articles.append(article)
        refs = tuple(unicodedata.normalize("NFC", r) for r in record.get("references", []))
        clusters.append(Cluster(id=cid, articles=tuple(articles), references=refs))
    return clusters


def clean_clusters(clusters: Sequence[Cluster]) -> list[Cluster]:
    """Each cluster with its articles as a user's run sees them: through ``bantin.pipeline.prepare``
    (the cleaning ``bantin summarize`` and ``bantin cluster`` apply: photo captions run into the
    text, bylines, outlet tags such as "(GDVN) -" out). Evaluations and the blind read give every
    system these articles, so no system is scored on text the product never shows it."""
    from bantin.pipeline import prepare

    return [replace(c, articles=tuple(prepare(c.articles))) for c in clusters]


def load_corpus(path: str | os.PathLike, include_lede: bool = True, clean: bool = False) -> list[Cluster]:
    """Pick the loader from the layout: a VMDS folder, AbMuSu JSONL, or generic JSONL.
    ``clean=True``: articles through :func:`clean_clusters`."""
    path = Path(path)
    if path.is_dir():
        clusters = load_vmds(path, include_lede=include_lede)
    elif path.suffix == ".jsonl" or path.suffix == ".json":
        with open(path, encoding="utf-8-sig") as handle:
            first = next((line for line in handle if line.strip()), "{}")
        if "single_documents" in json.loads(first):
            clusters = load_abmusu(path, include_lede=include_lede)
        else:
            clusters = load_generic(path)
    else:
        raise ValueError(f"{path}: not a VMDS folder or a cluster JSONL file")
    return clean_clusters(clusters) if clean else clusters


def shared_dir() -> Path:
    """``../shared`` next to the repository (where CI and developers keep the corpora)."""
    env = os.environ.get("BANTIN_SHARED")
    if env:
        return Path(env)
    return Path(__file__).resolve().parents[3].parent / "shared"


def corpus_path(name: str) -> Path | None:
    """Path of a known corpus ("vmds" or "abmusu") under ../shared, or None when absent."""
    base = shared_dir() / "datasets"
    path = {"vmds": base / "vmds", "abmusu": base / "abmusu-train" / "train.jsonl"}[name]
    return path if path.exists() else None


def iter_all_articles(clusters: list[Cluster]) -> Iterator[tuple[str, Article]]:
    """(gold cluster id, article) for pooled clustering evaluation."""
    for cluster in clusters:
        for article in cluster.articles:
            yield cluster.id, article
