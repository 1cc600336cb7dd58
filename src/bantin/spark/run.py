"""One call for the CLI and ``python -m bantin.spark``: start Spark, cluster, write, report."""
from __future__ import annotations

import logging
import os
import sys
import time
from typing import Sequence

from bantin.spark import SparkUnavailable

log = logging.getLogger(__name__)


def run_cluster(inputs: Sequence[str], output: str, fmt: str, max_words: int | None, master: str | None = None,
                config=None, facts: bool = True) -> int:
    """Exit code: 0 all read, 1 some input rejected (or nothing to cluster), 2 Spark unavailable
    or a failed job; errors are reported on stderr with the input they concern."""
    for path in inputs:
        if "://" not in path and not any(c in path for c in "*?[") and not os.path.exists(path):
            print(f"bantin: error: {path}: no such file or directory", file=sys.stderr)
            return 1
        if "://" not in path and os.path.isfile(path) and not path.endswith((".jsonl", ".parquet")):
            print(f"bantin: error: {path}: the Spark engine reads JSONL and Parquet "
                  f"(convert with: bantin clean {path} --format jsonl)", file=sys.stderr)
            return 1
    try:
        from bantin.spark.session import spark_session

        spark = spark_session(master)
    except SparkUnavailable as error:
        print(f"bantin: error: {error}", file=sys.stderr)
        return 2
    from bantin.spark.jobs import cluster_files, write_events

    from py4j.protocol import Py4JJavaError
    from pyspark.errors import PySparkException

    started = time.perf_counter()
    try:
        run = cluster_files(spark, list(inputs), config, max_words, facts)
        for item in run.rejected:
            print(f"bantin: error: {item}", file=sys.stderr)
        if not run.timings.get("articles"):
            print("bantin: error: no article could be read", file=sys.stderr)
            return 1
        count = write_events(spark, run.events, output, fmt)
    except (Py4JJavaError, PySparkException) as error:  # a missing URI, a failed job: say which, no traceback
        message = str(getattr(error, "java_exception", error)).strip().splitlines()[0]
        print(f"bantin: error: the Spark job failed: {message}", file=sys.stderr)
        return 2
    print(f"bantin: {run.timings['articles']} articles -> {count} events in {time.perf_counter() - started:.1f} s "
          f"(largest connected component: {run.timings.get('largest_component')} units)", file=sys.stderr)
    return 1 if run.rejected else 0
