"""Speed and quality benchmarks (not collected by pytest). ``python -m benchmarks.run`` runs them all.

Each module has a ``main()``; results that belong in BENCHMARKS.md are written to its own
``## Section`` with :func:`update_section`, leaving the other sections alone.
"""
from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BENCHMARKS_MD = ROOT / "BENCHMARKS.md"


def update_section(heading: str, body: str, path: Path = BENCHMARKS_MD) -> None:
    """Replace (or append) the ``## heading`` section of BENCHMARKS.md with ``body``."""
    text = path.read_text(encoding="utf-8") if path.exists() else "# Benchmarks\n"
    block = f"## {heading}\n\n{body.strip()}\n"
    pattern = re.compile(rf"^## {re.escape(heading)}\n.*?(?=^## |\Z)", re.M | re.S)
    if pattern.search(text):
        text = pattern.sub(lambda _: block + "\n", text, count=1).rstrip("\n") + "\n"
    else:
        text = text.rstrip("\n") + "\n\n" + block
    path.write_text(text, encoding="utf-8")
