"""A SparkSession configured for bantin's jobs."""
from __future__ import annotations

import os
import sys

# Shuffle partitions for local runs: Spark's default 200 turns every join of a local run into
# 200 tiny tasks (each a Python worker round trip); 4 keeps two cores busy with little overhead
# (500 articles in local[2]: 8 partitions took ~1.5x the time of 4 on this 2-core machine). A cluster sets its own
# value with --conf spark.sql.shuffle.partitions (see README, "On a Spark cluster").
LOCAL_SHUFFLE_PARTITIONS = 4


def spark_session(master: str | None = None, app_name: str = "bantin", conf: dict[str, str] | None = None):
    """The active session, or a new one on ``master`` (default: ``local[*]`` when nothing else is
    configured, e.g. outside ``spark-submit``)."""
    from bantin.spark import check_available

    check_available()
    # Workers must run the driver's Python (the one bantin is installed in), not whatever
    # `python3` is first on PATH.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    from pyspark.sql import SparkSession

    builder = SparkSession.builder.appName(app_name)
    if master:
        builder = builder.master(master)
    elif "SPARK_HOME" not in os.environ and "spark.master" not in (conf or {}):
        builder = builder.master(os.environ.get("MASTER", "local[*]"))
    if master is None or master.startswith("local"):
        builder = builder.config("spark.sql.shuffle.partitions", str(LOCAL_SHUFFLE_PARTITIONS))
        builder = builder.config("spark.default.parallelism", str(LOCAL_SHUFFLE_PARTITIONS))
    builder = builder.config("spark.ui.showConsoleProgress", "false")
    for key, value in (conf or {}).items():
        builder = builder.config(key, value)
    session = builder.getOrCreate()
    session.sparkContext.setLogLevel("ERROR")
    return session
