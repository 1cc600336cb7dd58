"""``bantin evaluate LABELS --task facts``: score entities, disagreements and timelines on labels.

Labels (docs/facts-labels.md; benchmarks/facts_labels/*.json) name events of VMDS, AbMuSu-train
and realweb-dev by (corpus, cluster) and tie every entity mention, disagreement value and
timeline entry to an exact substring of an article. Events are sorted by (corpus, cluster) and
every third (index 2, 5, 8 ...) is **held out**: rules are tuned on ``dev`` only.

Matching (a predicted item to a gold one):

* entity: a predicted entity goes to the one gold entity it matches best: a variant equal to a
  gold mention or name after folding and dropping a division prefix (``TP``), else the best
  boundary error sharing >= 2/3 of the syllables (F1). Scores: recall of salient and of all gold
  entities (some prediction went to it), precision (predictions that went somewhere), type
  accuracy on found gold entities (their best prediction), split = found gold entities that got
  2+ predictions, merge = predictions whose variants equal mentions of 2+ gold entities;
* disagreement: two of its values each share an article with two different gold values;
  false alarms = predicted disagreements on events labelled without one;
* timeline: same date string and a shared source article; recall is over gold entries with a
  full date (YYYY-MM-DD), precision over all predicted entries.
"""
from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, Iterable, Sequence

from bantin.evaluate.corpora import load_abmusu, load_vmds, shared_dir
from bantin.facts import Facts, describe
from bantin.facts.entities import entity_key
from bantin.models import Article

SPLITS = ("dev", "heldout")
MATCH_F1 = 2 / 3  # "Donald Trump" matches "Trump"; "Công an tỉnh Quảng Ninh" does not match "Quảng Ninh"


SPLIT_FILE = "split.json"


def load_labels(path: str | Path) -> list[dict]:
    """All labelled events of a file or of every part*.json in a folder, sorted by (corpus, cluster),
    each with its ``split``. A folder's ``split.json`` ({"heldout": ["corpus/cluster", ...]}) fixes
    the held-out events once and for all; without one every third event is held out."""
    path = Path(path)
    files = sorted(f for f in path.glob("*.json") if f.name != SPLIT_FILE) if path.is_dir() else [path]
    events = []
    for f in files:
        data = json.loads(f.read_text(encoding="utf-8"))
        for ev in data.get("events", []):
            events.append(ev)
    events.sort(key=lambda e: (e["corpus"], _cluster_order(e["cluster"])))
    split_file = path / SPLIT_FILE if path.is_dir() else None
    if split_file is not None and split_file.exists():
        heldout = set(json.loads(split_file.read_text(encoding="utf-8"))["heldout"])
        for ev in events:
            ev["split"] = "heldout" if f"{ev['corpus']}/{ev['cluster']}" in heldout else "dev"
    else:
        for k, ev in enumerate(events):
            ev["split"] = "heldout" if k % 3 == 2 else "dev"
    return events


def _cluster_order(cluster: str) -> tuple:
    m = re.search(r"(\d+)$", cluster)
    return (int(m.group(1)) if m else 0, cluster)


class Corpora:
    """The three corpora under ``root`` (../shared/datasets), loaded once each on demand."""

    def __init__(self, root: Path | None = None):
        self.root = root or shared_dir() / "datasets"
        self.cache: dict[str, dict[str, list[Article]]] = {}

    def articles(self, corpus: str, cluster: str) -> list[Article]:
        if corpus not in self.cache:
            self.cache[corpus] = self.load(corpus)
        try:
            return self.cache[corpus][cluster]
        except KeyError:
            raise KeyError(f"{corpus}: no event {cluster!r}") from None

    def load(self, corpus: str) -> dict[str, list[Article]]:
        if corpus == "vmds":
            return {c.id: list(c.articles) for c in load_vmds(self.root / "vmds")}
        if corpus == "abmusu":
            return {c.id: list(c.articles) for c in load_abmusu(self.root / "abmusu-train" / "train.jsonl")}
        if corpus == "realweb":
            return load_realweb(self.root / "realweb-dev")
        raise ValueError(f"unknown corpus {corpus!r} (vmds, abmusu or realweb)")


def load_realweb(root: Path) -> dict[str, list[Article]]:
    """realweb-dev events: gold title, sapo + paragraphs, source and publication date per page."""
    from bantin.ingest.dates import parse_date

    out = {}
    for ev in json.loads((root / "events.json").read_text(encoding="utf-8")):
        articles = []
        for f in ev["files"]:
            stem = Path(f).stem
            g = json.loads((root / "gold" / f"{stem}.json").read_text(encoding="utf-8"))
            text = "\n".join([g.get("sapo", "")] + g["paragraphs"]).strip()
            published = parse_date(g.get("published") or "")
            articles.append(Article(text=text, id=stem, title=g["title"], source=g.get("source", ""),
                                    published=published))
        out[ev["event"]] = articles
    return out


# -- matching ---------------------------------------------------------------------------------

def _syl(text: str) -> list[str]:
    return entity_key(text).replace(".", " ").split()


def _f1(a: list[str], b: list[str]) -> float:
    common = sum(min(a.count(w), b.count(w)) for w in set(a))
    return 2 * common / (len(a) + len(b)) if a and b else 0.0


def _names_match(pred: Iterable[str], gold: Iterable[str]) -> bool:
    pk = {entity_key(p) for p in pred}
    gk = {entity_key(g) for g in gold}
    if pk & gk:
        return True
    return any(_f1(_syl(p), _syl(g)) >= MATCH_F1 for p in pk for g in gk)


def _gold_surfaces(g: dict) -> set[str]:
    return {g["name"]} | {m["text"] for m in g.get("mentions", [])}


def _pred_surfaces(e: dict) -> set[str]:
    return {e["name"]} | set(e.get("variants", []))


@dataclass
class Counts:
    """Numerators and denominators summed over events."""

    n: dict[str, float] = field(default_factory=lambda: defaultdict(float))

    def add(self, **kw: float) -> None:
        for k, v in kw.items():
            self.n[k] += v

    def ratio(self, num: str, den: str) -> float | None:
        return self.n[num] / self.n[den] if self.n[den] else None


def _match_score(p: dict, g: dict) -> float:
    """1 when a predicted variant is a gold mention (folded, division prefix off), else the best
    syllable F1 of a boundary error when >= MATCH_F1, else 0."""
    pk = {entity_key(x) for x in _pred_surfaces(p)}
    gk = {entity_key(x) for x in _gold_surfaces(g)}
    if pk & gk:
        return 1.0
    best = max((_f1(_syl(a), _syl(b)) for a in pk for b in gk), default=0.0)
    return best if best >= MATCH_F1 else 0.0


def score_entities(pred: Sequence[dict], gold: Sequence[dict], counts: Counts) -> dict:
    """Each predicted entity goes to the gold entity it matches best (see module doc)."""
    assigned: dict[int, list[int]] = defaultdict(list)
    merged = 0
    for k, p in enumerate(pred):
        scores = [_match_score(p, g) for g in gold]
        if scores and max(scores) > 0:
            assigned[max(range(len(gold)), key=lambda i: (scores[i], -i))].append(k)
        merged += sum(s == 1.0 for s in scores) >= 2
    found = [bool(assigned.get(i)) for i in range(len(gold))]
    salient = [g.get("salient", False) for g in gold]
    typed = 0
    for i, g in enumerate(gold):
        if assigned.get(i):
            best = max(assigned[i], key=lambda k: (_match_score(pred[k], g), _f1(_syl(pred[k]["name"]), _syl(g["name"]))))
            typed += pred[best]["type"] == g["type"]
    split = sum(len(ks) >= 2 for ks in assigned.values())
    matched_pred = sum(len(ks) for ks in assigned.values())
    counts.add(gold=len(gold), found=sum(found), salient=sum(salient),
               salient_found=sum(f and s for f, s in zip(found, salient)), pred=len(pred),
               pred_ok=matched_pred, typed=typed, split=split, merged=merged, matched_pred=matched_pred)
    hit = {k for ks in assigned.values() for k in ks}
    return {"missed": [g["name"] for g, f in zip(gold, found) if not f],
            "spurious": [p["name"] for k, p in enumerate(pred) if k not in hit],
            "split": [[pred[k]["name"] for k in ks] for ks in assigned.values() if len(ks) >= 2],
            "mistyped": [f"{g['name']} {g['type']}" for i, g in enumerate(gold)
                         if assigned.get(i) and all(pred[k]["type"] != g["type"] for k in assigned[i])]}


def _value_match(pv: dict, gv: dict) -> bool:
    return bool(set(pv["articles"]) & set(gv["articles"]))


def score_disagreements(pred: Sequence[dict], gold: Sequence[dict], has: bool, counts: Counts) -> dict:
    def matches(p: dict, g: dict) -> bool:
        pairs = [(i, j) for i, pv in enumerate(p["values"]) for j, gv in enumerate(g["values"]) if _value_match(pv, gv)]
        return any(i1 != i2 and j1 != j2 for i1, j1 in pairs for i2, j2 in pairs)

    gold_hit = [any(matches(p, g) for p in pred) for g in gold]
    pred_hit = [any(matches(p, g) for g in gold) for p in pred]
    counts.add(d_gold=len(gold), d_found=sum(gold_hit), d_pred=len(pred), d_pred_ok=sum(pred_hit),
               d_quiet_events=0 if has else 1, false_alarms=0 if has else len(pred))
    return {"missed": [g["quantity"] for g, h in zip(gold, gold_hit) if not h],
            "spurious": [p["quantity"] + ": " + " / ".join(v["value"] for v in p["values"])
                         for p, h in zip(pred, pred_hit) if not h]}


def score_timeline(pred: Sequence[dict], gold: Sequence[dict], counts: Counts) -> dict:
    def matches(p: dict, g: dict) -> bool:
        return p["date"] == g["date"] and bool(set(p["sources"]) & set(g["sources"]))

    full = [g for g in gold if len(g["date"]) == 10]
    full_hit = [any(matches(p, g) for p in pred) for g in full]
    pred_hit = [any(matches(p, g) for g in gold) for p in pred]
    counts.add(t_gold=len(full), t_found=sum(full_hit), t_pred=len(pred), t_pred_ok=sum(pred_hit))
    return {"missed": [g["date"] for g, h in zip(full, full_hit) if not h],
            "spurious": [p["date"] for p, h in zip(pred, pred_hit) if not h]}


METRICS = (  # name, numerator, denominator, target
    ("entity recall (salient)", "salient_found", "salient", ">= 0.9"),
    ("entity recall (all)", "found", "gold", ">= 0.7"),
    ("entity precision", "pred_ok", "pred", ">= 0.85"),
    ("type accuracy", "typed", "found", ">= 0.9"),
    ("split entities", "split", "found", "< 0.05"),
    ("merged entities", "merged", "matched_pred", "low"),
    ("disagreement recall", "d_found", "d_gold", ">= 0.6"),
    ("disagreement precision", "d_pred_ok", "d_pred", ">= 0.7"),
    ("timeline recall (full dates)", "t_found", "t_gold", ">= 0.7"),
    ("timeline precision", "t_pred_ok", "t_pred", ">= 0.8"),
)


def evaluate_facts(events: Sequence[dict], corpora: Corpora | None = None,
                   describe_fn=describe) -> dict[str, Any]:
    """Scores per split ("dev", "heldout", "all") and per-event errors."""
    corpora = corpora or Corpora()
    counts = {s: Counts() for s in (*SPLITS, "all")}
    per_event = []
    for ev in events:
        articles = corpora.articles(ev["corpus"], ev["cluster"])
        facts: Facts = describe_fn(articles)
        out = facts.to_dict()
        report: dict[str, Any] = {"corpus": ev["corpus"], "cluster": ev["cluster"], "split": ev["split"]}
        for split in (ev["split"], "all"):
            c = counts[split]
            first = split != "all"
            scratch = c if first else c
            report["entities"] = score_entities(out["entities"], ev.get("entities", []), scratch)
            report["disagreements"] = score_disagreements(out["disagreements"], ev.get("disagreements", []),
                                                          bool(ev.get("has_disagreement")), scratch)
            report["timeline"] = score_timeline(out["timeline"], ev.get("timeline", []), scratch)
        per_event.append(report)
    table = {}
    for split, c in counts.items():
        row = {name: c.ratio(num, den) for name, num, den, _ in METRICS}
        row["false alarms (events without disagreement)"] = c.n["false_alarms"]
        row["events"] = sum(1 for e in events if split == "all" or e["split"] == split)
        row["events without disagreement"] = c.n["d_quiet_events"]
        table[split] = row
    return {"scores": table, "events": per_event}


def format_table(scores: dict[str, dict], markdown: bool = False) -> str:
    names = [m[0] for m in METRICS] + ["false alarms (events without disagreement)"]
    targets = {m[0]: m[3] for m in METRICS} | {"false alarms (events without disagreement)": "<= 1"}
    splits = [s for s in (*SPLITS, "all") if s in scores]
    head = ["metric"] + [f"{s} ({scores[s]['events']} ev)" for s in splits] + ["target"]

    def cell(v):
        return "-" if v is None else (f"{v:.3f}" if isinstance(v, float) and not v.is_integer() else f"{v:g}")

    rows = [[n] + [cell(scores[s][n]) for s in splits] + [targets[n]] for n in names]
    if markdown:
        lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
        lines += ["| " + " | ".join(r) + " |" for r in rows]
        return "\n".join(lines)
    widths = [max(len(r[k]) for r in [head] + rows) for k in range(len(head))]
    return "\n".join("  ".join(c.ljust(w) for c, w in zip(r, widths)) for r in [head] + rows)
