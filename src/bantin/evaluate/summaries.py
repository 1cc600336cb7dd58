"""Summary evaluation: run named systems on gold clusters and score them with ROUGE.

:func:`evaluate_summaries` is what ``bantin evaluate`` (summary task), the quality gate and the
benchmarks call. Every system gets the same budget per cluster (``max_words``, or the mean
reference length in syllables) and its output is cut at that budget before scoring.
"""
from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from typing import Callable, Iterable, Sequence

from bantin.evaluate import peers
from bantin.evaluate.corpora import Cluster
from bantin.evaluate.rouge import METRICS, PRF, RougeScore, average, mean_reference_length, score

logger = logging.getLogger(__name__)

DEFAULT_SYSTEMS = ("bantin", "lead", "lead-1doc", "lexrank", "textrank", "oracle")
IN_SAMPLE_NOTE = (
    "note: the shipped bantin model was trained on VMDS and AbMuSu-train, so on those corpora its scores "
    "are in-sample (not held out); the held-out numbers come from the summarizer's cross-validation script."
)


@dataclass(frozen=True)
class ClusterScore:
    """One system on one cluster."""

    cluster_id: str
    score: RougeScore
    seconds: float
    summary: str


@dataclass(frozen=True)
class SystemResult:
    """One system over a corpus: macro-averaged ROUGE and the time per cluster."""

    name: str
    clusters: tuple[ClusterScore, ...]

    @property
    def mean(self) -> dict[str, PRF]:
        return average([c.score for c in self.clusters])

    @property
    def seconds_per_cluster(self) -> float:
        return sum(c.seconds for c in self.clusters) / len(self.clusters) if self.clusters else 0.0

    def to_dict(self) -> dict:
        return {
            "name": self.name,
            "clusters": len(self.clusters),
            "mean": {m: p.to_dict() for m, p in self.mean.items()},
            "seconds_per_cluster": self.seconds_per_cluster,
        }


def available_systems(names: Iterable[str] = DEFAULT_SYSTEMS) -> tuple[list[str], list[str]]:
    """Split ``names`` into (usable now, skipped with a reason)."""
    usable, skipped = [], []
    for name in names:
        if name in peers.SUMY_NAMES and not peers.sumy_available():
            skipped.append(f"{name} (sumy missing: pip install 'bantin[bench]')")
        elif name.startswith("bantin") and not _bantin_available():
            skipped.append(f"{name} (bantin.summarize is not available)")
        else:
            usable.append(name)
    return usable, skipped


def _bantin_available() -> bool:
    try:
        peers._bantin_summarize()
    except peers.MissingDependency:
        return False
    return True


def check_systems(names: Sequence[str]) -> None:
    """Fail early, naming what to change, for an unknown or uninstalled system."""
    for name in names:
        if name not in peers.ALL_NAMES:
            raise ValueError(f"unknown system {name!r}; choose from {', '.join(peers.ALL_NAMES)}")
        if name in peers.SUMY_NAMES:
            peers._sumy_ranker(name)  # raises MissingDependency naming the extra
        if name.startswith("bantin"):
            peers._bantin_summarize()


def evaluate_summaries(
    clusters: Sequence[Cluster],
    systems: Sequence[str],
    max_words: int | None = None,
    on_cluster: Callable[[int, Cluster], None] | None = None,
) -> list[SystemResult]:
    """Score every system on every cluster with references (clusters without any are skipped).

    ``max_words``: the budget in syllables; None uses each cluster's mean reference length.
    ``on_cluster(index, cluster)`` is called before each cluster (progress reporting).
    Times are per cluster after one untimed warm-up call of each system.
    """
    check_systems(systems)
    scored: dict[str, list[ClusterScore]] = {name: [] for name in systems}
    warm = next((c for c in clusters if c.references), None)
    if warm is not None:  # untimed first call: imports, model loading and caches are not per-cluster costs
        for name in systems:
            peers.get_system(name, warm.references)(warm.articles, mean_reference_length(warm.references))
    for index, cluster in enumerate(clusters):
        if on_cluster is not None:
            on_cluster(index, cluster)
        if not cluster.references:
            logger.warning("cluster %s has no reference summary: skipped", cluster.id)
            continue
        budget = max_words if max_words is not None else mean_reference_length(cluster.references)
        for name in systems:
            system = peers.get_system(name, cluster.references)
            start = time.perf_counter()
            summary = system(cluster.articles, budget)
            seconds = time.perf_counter() - start
            scored[name].append(ClusterScore(cluster.id, score(summary, cluster.references, budget), seconds, summary))
    return [SystemResult(name, tuple(scored[name])) for name in systems]


def format_table(results: Sequence[SystemResult], markdown: bool = False) -> str:
    """ROUGE-1/2/L P/R/F x100 and milliseconds per cluster, one row per system."""
    header = ["system"] + [f"{m.replace('rouge', 'R-')} {part}" for m in METRICS for part in "PRF"] + ["ms/cluster"]
    rows = []
    for result in results:
        mean = result.mean
        cells = [f"{100 * getattr(mean[m], part):.2f}" for m in METRICS for part in "prf"]
        rows.append([result.name] + cells + [f"{1000 * result.seconds_per_cluster:.1f}"])
    if markdown:
        lines = ["| " + " | ".join(header) + " |", "|" + "|".join(["---"] + ["---:"] * (len(header) - 1)) + "|"]
        lines += ["| " + " | ".join(row) + " |" for row in rows]
        return "\n".join(lines)
    widths = [max(len(r[i]) for r in [header] + rows) for i in range(len(header))]

    def line(row: list[str]) -> str:
        return "  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(row, widths)))

    return "\n".join([line(header)] + [line(row) for row in rows])


def results_to_json(results: Sequence[SystemResult], corpus: str, max_words: int | None) -> dict:
    """Summary + per-cluster scores (what ``--json`` writes)."""
    per_cluster: dict[str, dict] = {}
    for result in results:
        for c in result.clusters:
            entry = per_cluster.setdefault(c.cluster_id, {"id": c.cluster_id, "budget": c.score.budget, "systems": {}})
            entry["systems"][result.name] = {**c.score.to_dict(), "seconds": c.seconds, "summary": c.summary}
    return {
        "corpus": corpus,
        "max_words": max_words,
        "systems": [r.to_dict() for r in results],
        "clusters": list(per_cluster.values()),
    }
