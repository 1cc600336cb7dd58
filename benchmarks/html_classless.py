"""HTML extraction without the templates' names: realweb-dev pages with every class, id, type,
itemprop and role attribute removed, bantin beside trafilatura.

A stress test of how much bantin's HTML reading leans on class names ("sapo", "related", ...):
an outlet whose template names nothing the way bantin expects looks like this.

    python -m benchmarks.html_classless [DIR]     # DIR defaults to ../shared/datasets/realweb-dev
"""
from __future__ import annotations

import re
import shutil
import sys
import tempfile
from pathlib import Path

from bantin.evaluate.cleaning import evaluate_cleaning, format_table, load_clean_corpus, summarize
from bantin.ingest.encoding import decode_bytes

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "datasets" / "realweb-dev"
_NAMES_RE = re.compile(r"""\s(?:class|id|type|itemprop|role)\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+)""", re.IGNORECASE)


def strip_names(html: str) -> str:
    return _NAMES_RE.sub("", html)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    source = Path(argv[0]) if argv else DEFAULT
    if not (source / "html").is_dir():
        print(f"skipped: no {source}/html", file=sys.stderr)
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        shutil.copytree(source / "gold", root / "gold")
        (root / "html").mkdir()
        for page in sorted((source / "html").iterdir()):
            text = decode_bytes(page.read_bytes(), str(page)).text
            (root / "html" / page.name).write_text(strip_names(text), encoding="utf-8")
        items = [item for item in load_clean_corpus(root) if item.kind == "html"]
        rows = summarize(evaluate_cleaning(items, systems=("bantin", "trafilatura")))
    print(format_table(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
