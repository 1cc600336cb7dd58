"""Readability of briefs on the held-out split: bantin beside the lead baselines on the same clusters.

    .venv/bin/python -m benchmarks.bench_readability [--part heldout|dev] [--no-write]

For each part of ``bantin.evaluate.heldout`` (VMDS and AbMuSu-train with the lede in front of the
body, as ``bantin evaluate`` reads them; the realweb-dev events from their gold articles), cleaned
as ``bantin summarize`` cleans its inputs (``corpora.clean_clusters``), every
system summarizes every cluster at the budget ``bantin evaluate`` uses (mean reference length;
realweb events, which have no reference: 100 syllables) and ``bantin.evaluate.readability`` checks
the summaries. Prints one table per corpus and one over all clusters, with ROUGE-2 F1 where there
are references, and writes them to BENCHMARKS.md ``## Brief readability (held-out)`` (heldout only,
unless ``--no-write``).
"""
from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

from benchmarks import update_section
from bantin.evaluate import peers
from bantin.evaluate.heldout import load_split
from bantin.evaluate.readability import READABILITY_NOTE, format_readability_table, rates, readability_of
from bantin.evaluate.rouge import mean_reference_length, score

SYSTEMS = ("bantin", "lead", "lead-1doc")
CORPORA = ("vmds", "abmusu", "realweb")
REALWEB_BUDGET = 100
COMMAND = ".venv/bin/python -m benchmarks.bench_readability"
SECTION = "Brief readability (held-out)"


def run(part: str) -> str:
    blocks = []
    pooled: dict[str, list] = {name: [] for name in SYSTEMS}
    for corpus in CORPORA:
        clusters = load_split(corpus, part, clean=True)
        if not clusters:
            continue
        summaries: dict[str, list] = {name: [] for name in SYSTEMS}
        rouge2: dict[str, list[float]] = {name: [] for name in SYSTEMS}
        for index, cluster in enumerate(clusters):
            print(f"bench_readability: {corpus} {index + 1}/{len(clusters)}", file=sys.stderr, end="\r")
            budget = mean_reference_length(cluster.references) if cluster.references else REALWEB_BUDGET
            for name in SYSTEMS:
                text = peers.get_system(name)(cluster.articles, budget)
                summaries[name].append((cluster.id, text))
                if cluster.references:
                    rouge2[name].append(score(text, cluster.references, budget).rouge2.f)
        print(file=sys.stderr)
        table, per = readability_of(summaries, {c.id: c.articles for c in clusters})
        for name in SYSTEMS:
            pooled[name].extend(per[name].values())
        title = f"**{corpus}** ({part}, {len(clusters)} clusters)"
        if any(rouge2[name] for name in SYSTEMS):
            title += "; ROUGE-2 F1 x100: " + ", ".join(
                f"{name} {100 * sum(rouge2[name]) / len(rouge2[name]):.2f}" for name in SYSTEMS
            )
        blocks.append(title + "\n\n" + format_readability_table(table, markdown=True))
    overall = [rates(name, pooled[name]) for name in SYSTEMS]
    blocks.append(f"**all** ({part}, {overall[0].summaries} clusters)\n\n" + format_readability_table(overall, markdown=True))
    return "\n\n".join(blocks)


def _commit() -> str:
    try:
        return subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, check=True,
                              cwd=Path(__file__).resolve().parent).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--part", choices=("heldout", "dev"), default="heldout", help="which part of the split (default heldout)")
    parser.add_argument("--no-write", action="store_true", help="print only, leave BENCHMARKS.md alone")
    args = parser.parse_args(argv)
    tables = run(args.part)
    print(tables)
    if args.part == "heldout" and not args.no_write:
        body = (
            f"Measured at {_commit()} with `{COMMAND}` on the held-out split of `bantin.evaluate.heldout` "
            "(seed 20269: 30 VMDS + 30 AbMuSu-train clusters, ledes in front of the bodies, + the realweb-dev "
            "events; never tuned on), every system on the articles cleaned as `bantin summarize` cleans them. Budget: mean reference length (realweb: 100 syllables). `lead` = round-robin "
            "lead, `lead-1doc` = the earliest article's first sentences (the blind read's baseline). % of "
            "summaries; 'opens with lede' higher is better, the rest lower. The shipped concept model was trained "
            "on all of VMDS/AbMuSu-train before the split, so bantin's ROUGE here is in-sample for that model. "
            "bantin's summarizer picks its sentences with the same checks (`bantin.text.checks`), so its rates "
            "say how well it applies them, not whether the checks are right: the blind read is the independent "
            "measure.\n\n"
            + tables + "\n\n" + READABILITY_NOTE
        )
        update_section(SECTION, body)
        print(f"bench_readability: wrote ## {SECTION} in BENCHMARKS.md", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
