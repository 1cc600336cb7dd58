"""``python -m bantin.spark`` / ``spark-submit .../bantin/spark/__main__.py``: the cluster pipeline
on Spark, reading JSONL/Parquet from local paths or Hadoop URIs (see ``--help``)."""
from __future__ import annotations

import argparse
import sys

EPILOG = """\
examples:
  python -m bantin.spark feed.jsonl -o events.jsonl --master 'local[4]'
  spark-submit --master yarn --conf spark.sql.shuffle.partitions=400 \\
      "$(python -c 'import bantin.spark.__main__ as m; print(m.__file__)')" \\
      hdfs:///news/2024-05/*.jsonl -o hdfs:///events/2024-05.parquet --format parquet

Inputs: JSONL files (one article record per line) or Parquet (paths ending in .parquet) with the
columns of an article record (id, title, text, source, url, published). Output: JSONL (a local
file, '-' for stdout, or a directory of part files for a Hadoop URI) or Parquet (a directory).
Events are in the order of `bantin cluster` (largest first, then newest).
"""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m bantin.spark", formatter_class=argparse.RawDescriptionHelpFormatter, epilog=EPILOG,
        description="Group articles into events (copies merged, one brief each) on Apache Spark.")
    parser.add_argument("inputs", nargs="+", metavar="INPUT", help="JSONL or .parquet, local paths or Hadoop URIs")
    add_spark_arguments(parser)
    parser.add_argument("-o", "--output", default="-", metavar="OUT", help="output (default stdout)")
    parser.add_argument("--format", choices=("jsonl", "parquet"), default="jsonl")
    parser.add_argument("--max-words", type=int, default=100, metavar="N", help="brief budget in syllables")
    parser.add_argument("--no-summary", action="store_true", help="only group, do not summarize")
    parser.add_argument("--no-facts", action="store_true",
                        help="leave out entities, timeline, disagreements and additions")
    return parser


def add_spark_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--master", metavar="URL",
                        help="Spark master (local[N], spark://host:7077, yarn, k8s://...); default: "
                             "spark-submit's, else local[*]")


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    from bantin.spark.run import run_cluster

    return run_cluster(args.inputs, args.output, args.format, None if args.no_summary else args.max_words,
                       master=args.master, facts=not args.no_facts)


if __name__ == "__main__":
    sys.exit(main())
