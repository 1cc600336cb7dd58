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
MAX_CANDIDATES = 24  # ILP over the 24 densest candidates: summaries take 3-6; keeps solves ~ms
GREEDY_SCALES = (0.5, 1.0, 1.5)  # local search starts: gain / length**r favours long (r<1) or dense (r>1) sentences
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


def solve(problem: Problem, method: str = "local", keep: int = MAX_CANDIDATES) -> list[int]:
    """Indices of the selected candidates.

    ``method``: ``"local"`` (default) greedy + swap local search over all candidates; ``"ilp"``
    exact HiGHS ILP over the ``keep`` densest candidates (slower: tens of ms per cluster);
    ``"greedy"`` the cost-scaled greedy alone.
    """
    fits = [k for k, n in enumerate(problem.lengths) if 0 < n <= problem.budget]
    if not fits:
        return []
    if method == "greedy":
        return sorted(solve_greedy(problem))
    if method == "local":
        return sorted(solve_local(problem))
    if method != "ilp":
        raise ValueError(f"unknown selection method {method!r}: use 'local', 'ilp' or 'greedy'")
    sub, back = prune(problem, keep)
    try:
        chosen = _solve_ilp(sub)
    except ImportError:
        log.warning("highspy is not installed (pip install highspy): using greedy selection")
        chosen = None
    if chosen is None:
        chosen = solve_greedy(sub)
    return sorted(back[k] for k in chosen)


def objective(problem: Problem, chosen: Sequence[int]) -> float:
    covered = {c for s in chosen for c in problem.concepts[s]}
    return float(sum(problem.weights[c] for c in covered)) + float(sum(problem.bonus[s] for s in chosen))


def solve_local(problem: Problem, max_rounds: int = 20) -> list[int]:
    """Greedy start, then best-improvement moves (add one, swap one for one, swap one for two
    is left out) until no move improves the covered weight. Constraints as in the ILP."""
    n = len(problem.lengths)
    used = sorted({c for cs in problem.concepts for c in cs})
    col = {c: k for k, c in enumerate(used)}
    A = np.zeros((n, len(used)), dtype=np.int32)
    for s, cs in enumerate(problem.concepts):
        A[s, [col[c] for c in cs]] = 1
    w = problem.weights[used]
    bonus = np.asarray(problem.bonus, dtype=float)
    lengths = np.asarray(problem.lengths)
    conflict = np.zeros((n, n), dtype=bool)
    for i, j in problem.conflicts:
        conflict[i, j] = conflict[j, i] = True
    need = dict(problem.requires)
    pred = np.full(n, -1)
    for i, p in need.items():
        pred[i] = p
    ok_len = (lengths > 0) & (lengths <= problem.budget)

    def value(counts: np.ndarray, members: Sequence[int]) -> float:
        return float(w @ (counts > 0)) + float(bonus[list(members)].sum())

    def allowed(members: set[int]) -> np.ndarray:
        """Candidates that may join ``members`` (length aside)."""
        mask = ok_len.copy()
        mask[list(members)] = False
        if members:
            mask &= ~conflict[list(members)].any(axis=0)
        has_pred = pred >= 0
        mask &= ~has_pred | np.isin(pred, list(members))
        return mask

    best: tuple[float, list[int]] = (-1.0, [])
    for scale in GREEDY_SCALES:
        chosen = set(solve_greedy(problem, scale=scale))
        counts = A[list(chosen)].sum(axis=0) if chosen else np.zeros(len(used), dtype=np.int32)
        improved = _improve(chosen, counts, A, w, bonus, lengths, problem.budget, need, allowed, max_rounds)
        score = value(A[improved].sum(axis=0) if improved else counts * 0, improved)
        if score > best[0] + 1e-9:
            best = (score, improved)
    return best[1]


def _improve(chosen, counts, A, w, bonus, lengths, budget, need, allowed, max_rounds) -> list[int]:
    for _ in range(max_rounds):
        best_gain, best_move = 1e-9, None
        room = budget - int(lengths[list(chosen)].sum())
        # add one
        cand = allowed(chosen) & (lengths <= room)
        if cand.any():
            idx = np.flatnonzero(cand)
            gains = ((A[idx] > 0) & (counts == 0)) @ w + bonus[idx]
            k = int(np.argmax(gains))
            if gains[k] > best_gain:
                best_gain, best_move = float(gains[k]), (None, int(idx[k]))
        # swap one out, one in
        for out in list(chosen):
            if any(need.get(s) == out for s in chosen):
                continue  # a chosen sentence depends on it
            rest = chosen - {out}
            cand = allowed(rest) & (lengths <= room + lengths[out])
            cand[out] = False
            if not cand.any():
                continue
            idx = np.flatnonzero(cand)
            base = counts - A[out]
            gains = ((A[idx] > 0) & (base == 0)) @ w + bonus[idx]
            lost = float(w @ ((counts > 0) & (base == 0))) + bonus[out]
            k = int(np.argmax(gains))
            if gains[k] - lost > best_gain:
                best_gain, best_move = float(gains[k] - lost), (out, int(idx[k]))
        if best_move is None:
            break
        out, into = best_move
        if out is not None:
            chosen.discard(out)
            counts = counts - A[out]
        chosen.add(into)
        counts = counts + A[into]
    return sorted(chosen)


def prune(problem: Problem, keep: int) -> tuple[Problem, list[int]]:
    """The ``keep`` candidates with the most concept weight per syllable (+ their predecessors)."""
    w = problem.weights
    fits = [k for k, n in enumerate(problem.lengths) if 0 < n <= problem.budget]
    density = {k: (float(w[list(problem.concepts[k])].sum()) + problem.bonus[k]) / problem.lengths[k] for k in fits}
    chosen = set(sorted(fits, key=lambda k: -density[k])[:keep])
    need = dict(problem.requires)
    for k in list(chosen):
        while k in need:
            k = need[k]
            chosen.add(k)
    back = sorted(chosen)
    new = {k: n for n, k in enumerate(back)}
    sub = Problem(
        concepts=[problem.concepts[k] for k in back], lengths=[problem.lengths[k] for k in back],
        bonus=[problem.bonus[k] for k in back], weights=problem.weights,
        conflicts=[(new[i], new[j]) for i, j in problem.conflicts if i in new and j in new],
        requires=[(new[i], new[p]) for i, p in problem.requires if i in new and p in new],
        budget=problem.budget,
    )
    return sub, back


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
