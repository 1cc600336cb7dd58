"""Quality gate: ROUGE on the development corpora must not drop below the pinned scores.

Runs ``bantin evaluate``'s logic (all clusters, default budget = mean reference length, ledes
included, articles cleaned as ``bantin summarize`` cleans them) on VMDS and AbMuSu-train for every system pinned in tests/quality_pins.json and fails when
a ROUGE-2 F1 drops by more than ``tolerance`` points (x100). The ``lead`` baseline is pinned both
ways: if it moves, the harness (corpus loading, sentence splitting, ROUGE) changed.

Raising a pin is deliberate: run

    .venv/bin/python tests/test_quality_gate.py --repin [SYSTEM ...]

which re-evaluates and writes the new scores into tests/quality_pins.json; commit it with a message
saying why the scores moved.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from functools import lru_cache
from pathlib import Path

import pytest

from bantin.evaluate.corpora import corpus_path, load_corpus
from bantin.evaluate.summaries import evaluate_summaries

PINS = Path(__file__).resolve().parent / "quality_pins.json"
CORPORA = ("vmds", "abmusu")
HARNESS_SYSTEMS = ("lead",)  # pinned both ways: they must not move unless the harness changes
REPIN_HINT = "to raise a pin deliberately: .venv/bin/python tests/test_quality_gate.py --repin SYSTEM"


def load_pins() -> dict:
    return json.loads(PINS.read_text(encoding="utf-8"))


@lru_cache(maxsize=None)
def measure(corpus: str, systems: tuple[str, ...]) -> dict[str, dict[str, float]]:
    """{system: {rouge1, rouge2, rougeL}} F1 x100 over all clusters."""
    path = corpus_path(corpus)
    if path is None:
        pytest.skip(f"{corpus} absent under ../shared/datasets")
    results = evaluate_summaries(load_corpus(path, clean=True), list(systems))
    return {
        r.name: {m: round(100 * prf.f, 2) for m, prf in r.mean.items()} for r in results
    }


def _cases():
    pins = load_pins()
    return [(corpus, system) for corpus in CORPORA for system in pins.get(corpus, {})]


@pytest.mark.corpus
@pytest.mark.parametrize(("corpus", "system"), _cases())
def test_rouge2_does_not_drop_below_pin(corpus, system):
    pins = load_pins()
    pinned = pins[corpus][system]["rouge2"]
    measured = measure(corpus, tuple(pins[corpus]))[system]["rouge2"]
    tolerance = pins["tolerance_rouge2"]
    assert measured >= pinned - tolerance, (
        f"{corpus}/{system}: ROUGE-2 F1 {measured:.2f} dropped below the pin {pinned:.2f} "
        f"(tolerance {tolerance}); {REPIN_HINT}"
    )
    if system in HARNESS_SYSTEMS:
        assert measured <= pinned + tolerance, (
            f"{corpus}/{system}: the baseline moved ({pinned:.2f} -> {measured:.2f}): the evaluation harness "
            f"changed (loading, sentence splitting or ROUGE); {REPIN_HINT}"
        )


def repin(systems: list[str]) -> None:
    pins = load_pins()
    for corpus in CORPORA:
        names = systems or list(pins.get(corpus, {}))
        start = time.perf_counter()
        scores = measure.__wrapped__(corpus, tuple(names))
        print(f"{corpus}: {time.perf_counter() - start:.1f} s")
        for name, values in scores.items():
            old = pins.setdefault(corpus, {}).get(name, {}).get("rouge2")
            print(f"  {name}: ROUGE-2 F1 {old} -> {values['rouge2']}  ({values})")
            pins[corpus][name] = values
    PINS.write_text(json.dumps(pins, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {PINS}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description="Re-measure and rewrite the pinned quality scores.")
    parser.add_argument("--repin", nargs="*", metavar="SYSTEM", required=True, help="systems to re-pin (default: all pinned)")
    repin(parser.parse_args().repin)
    sys.exit(0)
