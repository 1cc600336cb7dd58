"""The fixed held-out split for brief quality (issue 9), decided before any tuning on it.

* **held out**: 15% of the VMDS clusters and 15% of the AbMuSu-train clusters (30 each), drawn
  once with seed 20269 (``random.Random("20269:<corpus>").sample`` over the cluster ids in corpus
  order), plus every realweb-dev event (``events.json``; articles from ``gold/*.json``: title,
  sapo + paragraphs, source, publication date -- no reference summaries);
* **dev** (everything else): where the summarizer's brief structure is designed and tuned.

Nothing is tuned on the held-out clusters: they measure (``bantin evaluate`` readability, the blind
read in ``benchmarks/blind_read.py``). :func:`is_held_out` lets a trainer drop them by id. The
draw depends only on the seed and the cluster ids, never on file order or content, so it stays the
same when the corpora are reloaded; ``tests/evaluate/test_heldout.py`` pins it.

The shipped concept model (``data/summarizer.json``) was trained on all of VMDS and AbMuSu-train
before this split existed, so bantin's ROUGE on the held-out clusters is still in-sample for that
model; the split holds out the *brief structure* work (lede choice, order, sentence checks).
"""
from __future__ import annotations

import json
import logging
import random
import unicodedata
from pathlib import Path
from typing import Sequence

from bantin.evaluate.corpora import Cluster, clean_clusters, corpus_path, load_abmusu, load_vmds, shared_dir
from bantin.models import Article, Rejected

logger = logging.getLogger(__name__)

SEED = 20269
SHARE = 0.15  # of each corpus's clusters
REALWEB = "realweb"


def held_out_ids(ids: Sequence[str], corpus: str, share: float = SHARE, seed: int = SEED) -> frozenset[str]:
    """The held-out part of one corpus's cluster ids (given in corpus order).

    Each corpus draws from its own generator, seeded ``"20269:vmds"`` / ``"20269:abmusu"`` (string
    seeds are hashed with SHA-512: the same on every machine and Python 3 version), so the two
    corpora do not hold out the same positions.
    """
    count = round(share * len(ids))
    return frozenset(random.Random(f"{seed}:{corpus}").sample(list(ids), count))


def corpus_of(cluster_id: str) -> str:
    """Which corpus a cluster id belongs to ("vmds", "abmusu" or "realweb")."""
    if cluster_id.startswith(REALWEB + ":"):
        return REALWEB
    return "abmusu" if cluster_id.startswith("abmusu_") else "vmds"


def is_held_out(cluster_id: str) -> bool:
    """True for a held-out VMDS (``cluster_N``), AbMuSu (``abmusu_N``) or realweb (``realweb:<event>``) id."""
    if cluster_id.startswith(REALWEB + ":"):
        return True
    return cluster_id in _held_out_corpus_ids()


_CACHE: dict[str, frozenset[str]] = {}


def _held_out_corpus_ids() -> frozenset[str]:
    if "all" not in _CACHE:
        ids: set[str] = set()
        for name, loader in (("vmds", load_vmds), ("abmusu", load_abmusu)):
            path = corpus_path(name)
            if path is not None:
                ids |= held_out_ids([c.id for c in loader(path)], name)
        _CACHE["all"] = frozenset(ids)
    return _CACHE["all"]


def split(clusters: Sequence[Cluster]) -> tuple[list[Cluster], list[Cluster]]:
    """(dev, held out) of one corpus's clusters, in corpus order."""
    held = held_out_ids([c.id for c in clusters], corpus_of(clusters[0].id)) if clusters else frozenset()
    return [c for c in clusters if c.id not in held], [c for c in clusters if c.id in held]


def realweb_events(root: str | Path | None = None) -> list[Cluster]:
    """Every realweb-dev event as a cluster of its gold articles (no references)."""
    from bantin.ingest.readers import article_from_record

    base = Path(root) if root is not None else shared_dir() / "datasets" / "realweb-dev"
    events_file = base / "events.json"
    if not events_file.exists():
        return []
    clusters = []
    for event in json.loads(events_file.read_text(encoding="utf-8")):
        articles = []
        for name in event["files"]:
            stem = Path(name).stem
            gold_path = base / "gold" / f"{stem}.json"
            gold = json.loads(gold_path.read_text(encoding="utf-8"))
            text = "\n".join(p for p in [gold.get("sapo", "")] + list(gold.get("paragraphs", [])) if p.strip())
            record = {
                "id": stem, "title": gold.get("title", ""), "text": unicodedata.normalize("NFC", text),
                "source": gold.get("source", ""), "published": gold.get("published"),
            }
            article = article_from_record(record, default_id=stem, where=str(gold_path))
            if isinstance(article, Rejected):
                logger.warning("%s", article)
                continue
            articles.append(article)
        clusters.append(Cluster(id=f"{REALWEB}:{event['event']}", articles=tuple(articles), references=(),
                                category=event.get("description", "")))
    return clusters


def load_split(name: str, part: str, include_lede: bool = True, clean: bool = False) -> list[Cluster]:
    """``part`` ("dev" or "heldout") of corpus ``name`` ("vmds", "abmusu" or "realweb");
    ``clean=True``: articles as a user's run sees them (``corpora.clean_clusters``)."""
    if clean:
        return clean_clusters(load_split(name, part, include_lede))
    if part not in ("dev", "heldout"):
        raise ValueError(f"part must be 'dev' or 'heldout', got {part!r}")
    if name == REALWEB:
        return realweb_events() if part == "heldout" else []
    loader = {"vmds": load_vmds, "abmusu": load_abmusu}[name]
    path = corpus_path(name)
    if path is None:
        raise FileNotFoundError(f"corpus {name!r} not found under {shared_dir() / 'datasets'}")
    dev, held = split(loader(path, include_lede=include_lede))
    return held if part == "heldout" else dev
