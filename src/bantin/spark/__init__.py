"""The cluster pipeline as Spark jobs: read -> clean -> copies -> features -> candidates -> events
-> briefs, distributed (``bantin cluster --engine spark``, ``python -m bantin.spark``).

Every per-article and per-event step calls bantin's own stage functions (readers, cleaning,
shingles and MinHash of :mod:`bantin.cluster.dedup`, the feature blocks of
:mod:`bantin.cluster.features`, :func:`bantin.cluster.events.average_linkage`, the summarizer);
Spark only does the joins and shuffles between them (see :mod:`bantin.spark.jobs`).

Needs the ``spark`` extra (``pip install 'bantin[spark]'``: PySpark) and Java 17 or newer.
"""
from __future__ import annotations

import os
import shutil


class SparkUnavailable(RuntimeError):
    """PySpark or Java is missing; the message says how to install both."""


INSTALL_HINT = ("the Spark engine needs the 'spark' extra (pip install 'bantin[spark]': PySpark) "
                "and Java 17 or newer (java on PATH or JAVA_HOME set)")


def check_available() -> None:
    """Raise :class:`SparkUnavailable` naming what is missing (PySpark, Java or both)."""
    missing = []
    try:
        import pyspark  # noqa: F401  (the one check; the engine imports it in session/jobs/graph)
    except ImportError:
        missing.append("PySpark is not installed")
    java_home = os.environ.get("JAVA_HOME")
    if not shutil.which("java") and not (java_home and os.path.exists(os.path.join(java_home, "bin", "java"))):
        missing.append("no Java found")
    if missing:
        raise SparkUnavailable(f"{' and '.join(missing)}: {INSTALL_HINT}")


def __getattr__(name: str):
    if name in ("cluster_files", "run_cluster"):
        from bantin.spark import jobs

        return getattr(jobs, name)
    raise AttributeError(name)
