"""ROUGE-1 / ROUGE-2 / ROUGE-L at the syllable level, the way the team's reference scorer counts.

Definitions (identical to ``../shared/bench/rouge_vi.py``, checked by tests/evaluate/test_rouge.py):

* tokens: NFC, lower-case, NFC; runs of letters/digits (+ combining marks); ``_`` and punctuation
  separate tokens (:func:`bantin.text.syllables`);
* ROUGE-N: clipped n-gram overlap over the whole token sequence; ROUGE-L: LCS of the whole
  sequences (``rougeL``, not ``rougeLsum``); P, R, F per reference;
* several references: P, R and F are each the mean over the references;
* budget: the system's tokens are cut to the first B syllables before scoring; by default
  B = mean reference length in syllables, rounded half up. References are never cut.
"""
from __future__ import annotations

import unicodedata
from collections import Counter
from dataclasses import dataclass
from typing import Iterable, Sequence, Union

from bantin.text import syllables

METRICS = ("rouge1", "rouge2", "rougeL")
Text = Union[str, Sequence[str]]


@dataclass(frozen=True)
class PRF:
    p: float = 0.0
    r: float = 0.0
    f: float = 0.0

    def to_dict(self) -> dict[str, float]:
        return {"p": self.p, "r": self.r, "f": self.f}


@dataclass(frozen=True)
class RougeScore:
    """ROUGE of one summary: mean over its references, after the budget cut."""

    rouge1: PRF
    rouge2: PRF
    rougeL: PRF
    budget: int | None
    length: int  # tokens scored (after the cut)

    def get(self, metric: str) -> PRF:
        return getattr(self, metric)

    def to_dict(self) -> dict:
        out = {m: self.get(m).to_dict() for m in METRICS}
        out.update(budget=self.budget, length=self.length)
        return out


def tokenize(text: str) -> list[str]:
    """Syllable tokens as ROUGE counts them (``"Cứu_quốc 5.000"`` -> ``["cứu", "quốc", "5", "000"]``)."""
    return syllables(unicodedata.normalize("NFC", unicodedata.normalize("NFC", text).lower()))


def _tokens(text: Text) -> list[str]:
    return tokenize(text) if isinstance(text, str) else list(text)


def ngrams(tokens: Sequence[str], n: int) -> Counter:
    if len(tokens) < n:
        return Counter()
    return Counter(zip(*(tokens[i:] for i in range(n))))


def _prf(overlap: int, system_total: int, reference_total: int) -> PRF:
    p = overlap / system_total if system_total else 0.0
    r = overlap / reference_total if reference_total else 0.0
    return PRF(p, r, 2 * p * r / (p + r) if p + r > 0 else 0.0)


def overlap_prf(sys_counts: Counter, ref_counts: Counter) -> PRF:
    """P/R/F of clipped overlap between two n-gram multisets (callers may precompute the reference's)."""
    overlap = sum(min(count, ref_counts[gram]) for gram, count in sys_counts.items() if gram in ref_counts)
    return _prf(overlap, sum(sys_counts.values()), sum(ref_counts.values()))


def rouge_n(system: Sequence[str], reference: Sequence[str], n: int) -> PRF:
    """Clipped n-gram overlap of two token sequences."""
    return overlap_prf(ngrams(system, n), ngrams(reference, n))


def lcs_length(a: Sequence[str], b: Sequence[str]) -> int:
    """Length of the longest common subsequence, bit-parallel (Hyyrö 2004): one pass over the shorter one."""
    if not a or not b:
        return 0
    if len(a) < len(b):
        a, b = b, a
    masks: dict[str, int] = {}
    for i, token in enumerate(a):
        masks[token] = masks.get(token, 0) | (1 << i)
    full = (1 << len(a)) - 1
    v = full
    for token in b:
        bits = masks.get(token)
        if bits is not None:
            u = v & bits
            v = ((v + u) | (v - u)) & full
    return len(a) - bin(v).count("1")


def rouge_l(system: Sequence[str], reference: Sequence[str]) -> PRF:
    return _prf(lcs_length(system, reference), len(system), len(reference))


def mean_reference_length(references: Iterable[Text]) -> int:
    """Mean reference length in syllables, rounded half up: the default budget."""
    lengths = [len(_tokens(r)) for r in references]
    if not lengths:
        raise ValueError("need at least one reference to derive a budget")
    return int(sum(lengths) / len(lengths) + 0.5)


def _mean(values: list[float]) -> float:
    return sum(values) / len(values)


def score(system: Text, references: Sequence[Text], budget: int | None | str = "ref-mean") -> RougeScore:
    """ROUGE-1/2/L of ``system`` against ``references`` (texts or token lists).

    ``budget``: ``"ref-mean"`` (default: mean reference length), an int, or None (no cut).
    """
    if isinstance(references, str):
        raise TypeError("references must be a sequence of texts, not one string")
    if not references:
        raise ValueError("need at least one reference")
    refs = [_tokens(r) for r in references]
    if budget == "ref-mean":
        budget = mean_reference_length(refs)
    elif budget is not None:
        budget = int(budget)
        if budget < 0:
            raise ValueError(f"budget must be >= 0, got {budget}")
    tokens = _tokens(system)
    if budget is not None:
        tokens = tokens[:budget]
    per_ref = [(rouge_n(tokens, ref, 1), rouge_n(tokens, ref, 2), rouge_l(tokens, ref)) for ref in refs]
    means = [
        PRF(*(_mean([getattr(scores[k], part) for scores in per_ref]) for part in "prf"))
        for k in range(3)
    ]
    return RougeScore(*means, budget=budget, length=len(tokens))


def average(scores: Sequence[RougeScore]) -> dict[str, PRF]:
    """Macro average over clusters: {metric: PRF}."""
    if not scores:
        return {m: PRF() for m in METRICS}
    return {
        m: PRF(*(_mean([getattr(s.get(m), part) for s in scores]) for part in "prf")) for m in METRICS
    }
