"""Blind side-by-side read: bantin's brief vs the lead baseline, judged by readers who do not know which is which.

    .venv/bin/python -m benchmarks.blind_read make  [--n 36] [--dir /work/blind]   # packets + key
    .venv/bin/python -m benchmarks.blind_read score [--dir /work/blind] [--markdown]

``make`` draws N clusters from the held-out split (``bantin.evaluate.heldout``: every realweb-dev
event, the rest shared between VMDS and AbMuSu-train, seeded), cleans their articles as
``bantin summarize`` cleans its inputs (``bantin.evaluate.corpora.clean_clusters``: captions run
into the text, bylines and outlet tags out) -- both systems and the reader get these -- and writes, per cluster,
``DIR/packets/NN.md``: the articles (title, outlet, date, text trimmed to :data:`MAX_ARTICLE_SYLLABLES`)
and two summaries labelled "Bản tóm tắt A" / "Bản tóm tắt B" in a seeded random order:

* **bantin**: ``bantin.evaluate.peers.bantin_strict`` -- the brief as ``bantin summarize`` writes it
  at the cluster's budget (never over it). Not ``bantin`` (``fill=True``, what ROUGE scores): its
  extra budget-crossing sentence is appended after the story, and readers of the read at 3c4d450
  punished briefs ending on an out-of-place line;
* **lead**: ``lead-1doc`` -- the earliest article's first sentences at the same budget (the last one
  finished), the baseline of issue 9's first read.

The budget is what ``bantin evaluate`` uses: the mean reference length in syllables; realweb events
have no reference and get :data:`REALWEB_BUDGET` (the CLI default). ``DIR/key.json`` says which
system is A and B -- never show it to a reader. Readers follow ``benchmarks/blind_read_rubric.md``
and write ``DIR/answers/NN.json``::

    {"A": {"coverage": 1-5, "readability": 1-5, "faithfulness": 1-5, "publishable": "yes"|"light"|"no"},
     "B": {...}, "preferred": "A"|"B"|"tie", "notes": "..."}

``score`` joins answers with the key and prints the table for BENCHMARKS.md: preference counts
and bantin's share over non-tied packets, mean scores, publishable shares, per corpus and overall.
A malformed answer is reported with its file name and left out; the exit code is 1 if any was.
"""
from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
from collections import Counter, defaultdict
from datetime import datetime
from pathlib import Path
from typing import Sequence

from bantin.evaluate import peers
from bantin.evaluate.corpora import Cluster
from bantin.evaluate.heldout import corpus_of, load_split
from bantin.evaluate.rouge import mean_reference_length
from bantin.ingest.dates import VN_TZ
from bantin.text import count_syllables

SEED = 20269
DEFAULT_DIR = Path("/work/blind")
REALWEB_BUDGET = 100  # syllables: `bantin summarize`'s default; realweb events have no reference
MAX_ARTICLE_SYLLABLES = 700  # per article shown: enough to check every summary sentence of a lede-heavy brief
MAX_ARTICLES = 6
SYSTEMS = {"bantin": "bantin-strict", "lead": "lead-1doc"}
SCORES = ("coverage", "readability", "faithfulness")
PUBLISHABLE = ("yes", "light", "no")
RUBRIC = "benchmarks/blind_read_rubric.md"


def choose_clusters(n: int) -> list[Cluster]:
    """Every held-out realweb event, then VMDS and AbMuSu held-out clusters alternately (seeded)."""
    realweb = [c for c in load_split("realweb", "heldout", clean=True) if len({a.text for a in c.articles}) > 1]
    rng = random.Random(f"{SEED}:blind")
    pools = []
    for name in ("vmds", "abmusu"):
        pool = load_split(name, "heldout", clean=True)
        rng.shuffle(pool)
        pools.append(pool)
    chosen = realweb[:n]
    k = 0
    while len(chosen) < n and any(pools):
        pool = pools[k % 2]
        if pool:
            chosen.append(pool.pop(0))
        k += 1
    return chosen


def budget_of(cluster: Cluster) -> int:
    return mean_reference_length(cluster.references) if cluster.references else REALWEB_BUDGET


def _trim(text: str, limit: int) -> str:
    out, used = [], 0
    for paragraph in (p.strip() for p in text.split("\n")):
        if not paragraph:
            continue
        size = count_syllables(paragraph)
        if used + size > limit and out:
            out.append("[…]")
            break
        out.append(paragraph)
        used += size
    return "\n\n".join(out)


def _date(article) -> str:
    if article.published is None:
        return "không rõ"
    published = article.published.astimezone(VN_TZ) if article.published.tzinfo else article.published
    return published.strftime("%d/%m/%Y %H:%M")


def packet(number: int, cluster: Cluster, summaries: dict[str, str]) -> str:
    """The Markdown a reader gets: articles, then summaries A and B, then the answer template."""
    lines = [
        f"# Gói đọc {number:02d}",
        "",
        f"Đọc các bài báo dưới đây, rồi chấm hai bản tóm tắt theo `{RUBRIC}`. "
        "Hai bản tóm tắt do hai hệ thống khác nhau viết, thứ tự A/B là ngẫu nhiên.",
        "",
    ]
    for k, article in enumerate(peers.in_time_order(cluster.articles)[:MAX_ARTICLES], 1):
        lines += [
            f"## Bài {k}: {article.title or '(không có tiêu đề)'}",
            "",
            f"Nguồn: {article.source or 'không rõ'} · Ngày đăng: {_date(article)}",
            "",
            _trim(article.text, MAX_ARTICLE_SYLLABLES),
            "",
        ]
    for label in ("A", "B"):
        lines += [f"## Bản tóm tắt {label}", "", summaries[label], ""]
    template = {
        label: {"coverage": 0, "readability": 0, "faithfulness": 0, "publishable": "yes|light|no"} for label in "AB"
    }
    template |= {"preferred": "A|B|tie", "notes": ""}
    lines += [
        "## Trả lời",
        "",
        f"Ghi vào `answers/{number:02d}.json`:",
        "",
        "```json",
        json.dumps(template, ensure_ascii=False, indent=1),
        "```",
        "",
    ]
    return "\n".join(lines)


def _commit() -> str:
    try:
        return subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, check=True,
            cwd=Path(__file__).resolve().parent,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def make(n: int, out: Path) -> int:
    clusters = choose_clusters(n)
    rng = random.Random(f"{SEED}:order")
    (out / "packets").mkdir(parents=True, exist_ok=True)
    (out / "answers").mkdir(parents=True, exist_ok=True)
    key = {"commit": _commit(), "made": datetime.now(VN_TZ).isoformat(timespec="seconds"), "packets": {}}
    for number, cluster in enumerate(clusters, 1):
        budget = budget_of(cluster)
        texts = {name: peers.get_system(system)(cluster.articles, budget) for name, system in SYSTEMS.items()}
        order = ["bantin", "lead"]
        rng.shuffle(order)
        summaries = {"A": texts[order[0]], "B": texts[order[1]]}
        (out / "packets" / f"{number:02d}.md").write_text(packet(number, cluster, summaries), encoding="utf-8")
        key["packets"][f"{number:02d}"] = {
            "cluster": cluster.id, "corpus": corpus_of(cluster.id), "budget": budget, "A": order[0], "B": order[1],
        }
        print(f"blind_read: packet {number:02d} <- {cluster.id}", file=sys.stderr)
    (out / "key.json").write_text(json.dumps(key, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"blind_read: {len(clusters)} packets in {out / 'packets'}, key in {out / 'key.json'} (do not show it)",
          file=sys.stderr)
    return 0


# --- scoring ------------------------------------------------------------------------------------

def _check_answer(answer: object) -> str | None:
    """Why an answer is malformed, or None."""
    if not isinstance(answer, dict):
        return "not a JSON object"
    for label in "AB":
        part = answer.get(label)
        if not isinstance(part, dict):
            return f"missing object {label!r}"
        for field in SCORES:
            value = part.get(field)
            if not isinstance(value, (int, float)) or isinstance(value, bool) or not 1 <= value <= 5:
                return f"{label}.{field} must be a number from 1 to 5, got {value!r}"
        if part.get("publishable") not in PUBLISHABLE:
            return f"{label}.publishable must be one of {', '.join(PUBLISHABLE)}, got {part.get('publishable')!r}"
    if answer.get("preferred") not in ("A", "B", "tie"):
        return f"preferred must be 'A', 'B' or 'tie', got {answer.get('preferred')!r}"
    return None


def load_answers(folder: Path) -> tuple[list[dict], list[str]]:
    """Answers joined with the key (one record per packet, by system), and error messages."""
    key = json.loads((folder / "key.json").read_text(encoding="utf-8"))["packets"]
    records, errors = [], []
    for path in sorted((folder / "answers").glob("*.json")):
        number = path.stem
        if number not in key:
            errors.append(f"{path}: no packet {number} in key.json")
            continue
        try:
            answer = json.loads(path.read_text(encoding="utf-8"))
        except json.JSONDecodeError as error:
            errors.append(f"{path}:{error.lineno}: not valid JSON: {error.msg}")
            continue
        problem = _check_answer(answer)
        if problem:
            errors.append(f"{path}: {problem}")
            continue
        entry = key[number]
        by_system = {entry[label]: answer[label] for label in "AB"}
        preferred = answer["preferred"] if answer["preferred"] == "tie" else entry[answer["preferred"]]
        records.append({"packet": number, "corpus": entry["corpus"], "scores": by_system, "preferred": preferred})
    return records, errors


def summarize_answers(records: Sequence[dict]) -> dict:
    """Counts and means per system, overall and per corpus."""
    groups: dict[str, list[dict]] = defaultdict(list)
    for record in records:
        groups["all"].append(record)
        groups[record["corpus"]].append(record)
    out = {}
    for group, items in groups.items():
        preference = Counter(r["preferred"] for r in items)
        row = {"packets": len(items), "preferred": dict(preference)}
        for system in SYSTEMS:
            scores = [r["scores"][system] for r in items]
            row[system] = {
                **{field: sum(s[field] for s in scores) / len(scores) for field in SCORES},
                **{p: sum(s["publishable"] == p for s in scores) for p in PUBLISHABLE},
            }
        out[group] = row
    return out


def format_summary(summary: dict, markdown: bool = True) -> str:
    order = ["all"] + sorted(g for g in summary if g != "all")
    header = ["packets", "system", "preferred", "share of non-tied", "coverage", "readability", "faithfulness",
              "publishable yes / light / no", "yes or light"]
    rows = []
    for group in order:
        row = summary[group]
        pref = row["preferred"]
        decided = pref.get("bantin", 0) + pref.get("lead", 0)
        for system in SYSTEMS:
            s = row[system]
            share = f"{100 * pref.get(system, 0) / decided:.0f}%" if decided else "-"
            ok = 100 * (s["yes"] + s["light"]) / row["packets"]
            rows.append([
                f"{group} ({row['packets']})", system, f"{pref.get(system, 0)} (ties {pref.get('tie', 0)})", share,
                f"{s['coverage']:.2f}", f"{s['readability']:.2f}", f"{s['faithfulness']:.2f}",
                f"{s['yes']} / {s['light']} / {s['no']}", f"{ok:.0f}%",
            ])
    if markdown:
        lines = ["| " + " | ".join(header) + " |", "|" + "|".join(["---"] * 2 + ["---:"] * (len(header) - 2)) + "|"]
        return "\n".join(lines + ["| " + " | ".join(r) + " |" for r in rows])
    widths = [max(len(r[i]) for r in [header] + rows) for i in range(len(header))]
    return "\n".join("  ".join(c.ljust(w) for c, w in zip(r, widths)) for r in [header] + rows)


def score(folder: Path, markdown: bool) -> int:
    if not (folder / "key.json").exists():
        print(f"blind_read: error: {folder / 'key.json'} not found (run `make` first)", file=sys.stderr)
        return 2
    records, errors = load_answers(folder)
    for error in errors:
        print(f"blind_read: error: {error}", file=sys.stderr)
    if not records:
        print("blind_read: error: no usable answers", file=sys.stderr)
        return 2
    print(format_summary(summarize_answers(records), markdown=markdown))
    return 1 if errors else 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.blind_read", description=__doc__.split("\n\n")[0],
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="examples:\n  python -m benchmarks.blind_read make --n 36\n  python -m benchmarks.blind_read score --markdown",
    )
    sub = parser.add_subparsers(dest="command", required=True)
    making = sub.add_parser("make", help="write the packets and the key")
    making.add_argument("--n", type=int, default=36, help="packets (default 36)")
    making.add_argument("--dir", type=Path, default=DEFAULT_DIR, help=f"output folder (default {DEFAULT_DIR})")
    scoring = sub.add_parser("score", help="join answers with the key and print the table")
    scoring.add_argument("--dir", type=Path, default=DEFAULT_DIR, help=f"folder with key.json and answers/ (default {DEFAULT_DIR})")
    scoring.add_argument("--markdown", action="store_true", help="Markdown table (for BENCHMARKS.md)")
    args = parser.parse_args(argv)
    if args.command == "make":
        return make(args.n, args.dir)
    return score(args.dir, args.markdown)


if __name__ == "__main__":
    sys.exit(main())
