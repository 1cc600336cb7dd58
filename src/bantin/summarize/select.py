"""Sentence selection under a length budget: maximize the weight of the concepts covered.

Concept ILP (Gillick & Favre 2009, with supervised weights as in Li, Qian & Liu 2013):

    maximize   sum_b w_b c_b + sum_s u_s x_s
    subject to sum_s len_s x_s <= budget            (syllables, whole sentences)
               c_b <= sum_{s contains b} x_s          (a concept counts once, when covered)
               x_i + x_j <= 1                         for near-repeats (> half shared bigrams)
               x_i <= x_pred(i)                       for sentences that need their predecessor
               x_s binary, 0 <= c_b <= 1

solved exactly with HiGHS (``highspy``); a cost-scaled greedy (Lin & Bilmes 2010, with the best
singleton check) is the fallback when the solver is unavailable or out of time.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Sequence

import numpy as np

log = logging.getLogger(__name__)

REPEAT_SHARE = 0.5  # two sentences sharing more than half of their bigrams are near-repeats
ILP_TIME_LIMIT = 2.0  # seconds; typical clusters solve in a few milliseconds
MIP_GAP = 1e-3  # stop within 0.1% of the optimum: below the noise of the concept weights


@dataclass(frozen=True)
class Problem:
    """Candidates as concept-id lists, with lengths, bonuses and pairwise constraints."""

    concepts: Sequence[Sequence[int]]  # concept ids of each candidate (unique)
    lengths: Sequence[int]
    bonus: Sequence[float]  # u_s
    weights: np.ndarray  # w_b per concept id
    conflicts: Sequence[tuple[int, int]]  # near-repeat pairs
    requires: Sequence[tuple[int, int]]  # (i, predecessor of i)
    budget: int


def near_repeat(a: frozenset, b: frozenset) -> bool:
    """More than half of the smaller sentence's bigrams are shared."""
    if not a or not b:
        return False
    return len(a & b) > REPEAT_SHARE * min(len(a), len(b))


def solve(problem: Problem) -> list[int]:
    """Indices of the selected candidates (ILP, greedy when the solver fails)."""
    fits = [k for k, n in enumerate(problem.lengths) if 0 < n <= problem.budget]
    if not fits:
        return []
    try:
        chosen = _solve_ilp(problem)
    except ImportError:
        log.warning("highspy is not installed (pip install highspy): using greedy selection")
        chosen = None
    if chosen is None:
        chosen = solve_greedy(problem)
    return chosen


def _solve_ilp(problem: Problem) -> list[int] | None:
    import highspy
    from scipy.sparse import coo_matrix

    n = len(problem.lengths)
    # Exact reduction: concepts held by the same set of sentences act as one concept (their
    # weights add up), and a concept held by a single sentence is just a bonus of that sentence.
    holders: dict[int, list[int]] = {}
    for s, cs in enumerate(problem.concepts):
        for c in cs:
            holders.setdefault(c, []).append(s)
    bonus = np.asarray(problem.bonus, dtype=float).copy()
    merged: dict[tuple[int, ...], float] = {}
    for c, hs in holders.items():
        if len(hs) == 1:
            bonus[hs[0]] += problem.weights[c]
        else:
            key = tuple(hs)
            merged[key] = merged.get(key, 0.0) + float(problem.weights[c])
    groups = list(merged)
    m = len(groups)
    rows: list[int] = []
    cols: list[int] = []
    vals: list[float] = []
    lower: list[float] = []
    upper: list[float] = []

    def row(entries: list[tuple[int, float]], lo: float, hi: float) -> None:
        r = len(lower)
        for col, val in entries:
            rows.append(r)
            cols.append(col)
            vals.append(val)
        lower.append(lo)
        upper.append(hi)

    row([(s, float(problem.lengths[s])) for s in range(n)], -highspy.kHighsInf, float(problem.budget))
    for g, hs in enumerate(groups):
        row([(n + g, 1.0)] + [(s, -1.0) for s in hs], -highspy.kHighsInf, 0.0)
    for i, j in problem.conflicts:
        row([(i, 1.0), (j, 1.0)], -highspy.kHighsInf, 1.0)
    for i, p in problem.requires:
        row([(i, 1.0), (p, -1.0)], -highspy.kHighsInf, 0.0)

    matrix = coo_matrix((vals, (rows, cols)), shape=(len(lower), n + m)).tocsc()
    lp = highspy.HighsLp()
    lp.num_col_ = n + m
    lp.num_row_ = len(lower)
    cost = np.concatenate([bonus, np.array([merged[g] for g in groups])])
    lp.col_cost_ = cost
    lp.col_lower_ = np.zeros(n + m)
    col_upper = np.ones(n + m)
    col_upper[:n][np.asarray(problem.lengths) > problem.budget] = 0.0
    lp.col_upper_ = col_upper
    lp.row_lower_ = np.asarray(lower)
    lp.row_upper_ = np.asarray(upper)
    lp.sense_ = highspy.ObjSense.kMaximize
    lp.a_matrix_.format_ = highspy.MatrixFormat.kColwise
    lp.a_matrix_.start_ = matrix.indptr
    lp.a_matrix_.index_ = matrix.indices
    lp.a_matrix_.value_ = matrix.data
    lp.a_matrix_.num_col_ = n + m
    lp.a_matrix_.num_row_ = len(lower)
    lp.integrality_ = [highspy.HighsVarType.kInteger] * n + [highspy.HighsVarType.kContinuous] * m
    h = highspy.Highs()
    h.setOptionValue("output_flag", False)
    h.setOptionValue("time_limit", ILP_TIME_LIMIT)
    h.setOptionValue("mip_rel_gap", MIP_GAP)
    h.setOptionValue("threads", 1)
    h.passModel(lp)
    h.run()
    if h.getInfo().primal_solution_status != 2:  # no feasible solution found
        log.info("ILP found no solution (%s); falling back to greedy", h.modelStatusToString(h.getModelStatus()))
        return None
    values = h.getSolution().col_value
    return [s for s in range(n) if values[s] > 0.5]


def solve_greedy(problem: Problem, scale: float = 1.0) -> list[int]:
    """Cost-scaled greedy (gain / length**scale) plus the best-singleton check."""
    covered: set[int] = set()
    chosen: list[int] = []
    used = 0
    conflicts: dict[int, set[int]] = {}
    for i, j in problem.conflicts:
        conflicts.setdefault(i, set()).add(j)
        conflicts.setdefault(j, set()).add(i)
    need = dict(problem.requires)
    w = problem.weights

    def gain(s: int) -> float:
        return float(sum(w[c] for c in problem.concepts[s] if c not in covered)) + problem.bonus[s]

    remaining = {s for s, n in enumerate(problem.lengths) if 0 < n <= problem.budget}
    while remaining:
        best, best_value = -1, 0.0
        for s in remaining:
            if used + problem.lengths[s] > problem.budget:
                continue
            if conflicts.get(s, set()) & set(chosen) or (s in need and need[s] not in chosen):
                continue
            value = gain(s) / problem.lengths[s] ** scale
            if value > best_value:
                best, best_value = s, value
        if best < 0:
            break
        chosen.append(best)
        covered.update(problem.concepts[best])
        used += problem.lengths[best]
        remaining.discard(best)
    singles = [s for s, n in enumerate(problem.lengths) if 0 < n <= problem.budget and s not in need]
    if singles:
        top = max(singles, key=lambda s: float(sum(w[c] for c in problem.concepts[s])) + problem.bonus[s])
        covered_value = float(sum(w[c] for c in {c for s in chosen for c in problem.concepts[s]}))
        covered_value += sum(problem.bonus[s] for s in chosen)
        if float(sum(w[c] for c in problem.concepts[top])) + problem.bonus[top] > covered_value:
            return [top]
    return chosen
