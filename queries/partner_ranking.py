"""Rank partner candidates for one organisation: a weighted sum of named, explainable parts.

Input: `match.candidate_activity` (every organisation, run once) joined with
`match.partner_evidence` (what ties the organisation to each candidate). Each part turns a
count into 0..1 as log(1 + count) / log(1 + the largest count among the candidates), so one
hub does not flatten everyone else, and every row carries the evidence text of each part,
as the dashboard shows for the other scores.

The weights are fitted by `fit_weights` on the known period only (an inner time split: learn
on links before an inner date, check on links after it), by coordinate search over a grid.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from innochain.queries.scoring import ScorePart, weighted_score
from innochain.queries.scoring_settings import ScoringSettings

ACTIVITY_COLUMNS = ("degree", "links", "links_in", "recent_links", "last_year")
EVIDENCE_KINDS = ("shared_neighbours", "shared_partners", "similar_firms", "rivals_partners",
                  "shared_industries", "chain_adjacent", "existing_links")
# part name -> (column it reads, evidence text with {n} for the count: Chinese / English)
PART_SOURCES: dict[str, tuple[str, str]] = {
    "popularity": ("degree", "图中关系 {n} 条 / {n} relationships in the graph"),
    "activity": ("links", "合作伙伴关系 {n} 条 / {n} partner links"),
    "sought_after": ("links_in", "被列为伙伴或客户 {n} 次 / "
                                 "named as partner or customer {n} times"),
    "recency": ("recent_links", "近期合作伙伴关系 {n} 条 / {n} recent partner links"),
    "shared_neighbours": ("shared_neighbours", "共同邻居 {n} 个 / {n} shared neighbours"),
    "shared_partners": ("shared_partners", "共同合作伙伴 {n} 个 / {n} shared partners"),
    "similar_firms": ("similar_firms", "与之有共同邻居的 {n} 家机构以其为伙伴 / "
                                       "partner of {n} organisations that share a neighbour"),
    "rivals_partners": ("rivals_partners", "是其 {n} 家竞争对手的伙伴 / "
                                           "partner of {n} of its competitors"),
    "shared_industries": ("shared_industries", "共同行业 {n} 个 / {n} shared industries"),
    "chain_adjacency": ("chain_adjacent", "上下游行业 {n} 个 / "
                                          "{n} industries up or down the chain"),
    "existing_tie": ("existing_links", "双方已有关系 {n} 条 / "
                                       "{n} relationships already between them"),
}
PART_NAMES = tuple(PART_SOURCES)
# Where the fit starts, and the weights used when there is nothing to fit on: the parts that
# were the best single signals in a first look at the ICKG subset's known period (before
# 2024-06-01): how active a candidate is as a partner, and shared neighbours.
DEFAULT_WEIGHTS: dict[str, float] = {
    "popularity": 0.5, "activity": 0.5, "sought_after": 0.5, "recency": 0.0,
    "shared_neighbours": 0.25, "shared_partners": 0.0, "similar_firms": 0.0,
    "rivals_partners": 0.0, "shared_industries": 0.0, "chain_adjacency": 0.0,
    "existing_tie": 0.0}
WEIGHT_GRID = (0.0, 0.1, 0.25, 0.5, 1.0, 2.0)


def candidate_table(activity: pd.DataFrame, evidence: pd.DataFrame, org_id: str) -> pd.DataFrame:
    """Every organisation but `org_id`, its activity and its evidence counts (0 when none),
    sorted by candidate_id (the tie order of the metrics)."""
    table = activity[activity["candidate_id"] != org_id].copy()
    wide = pd.DataFrame()
    if len(evidence):  # values arrive as objects (runner's int normalising): make them numbers
        numeric = evidence.assign(value=pd.to_numeric(evidence["value"]))
        wide = numeric.pivot_table(index="candidate_id", columns="evidence", values="value",
                                   aggfunc="sum")
    for kind in EVIDENCE_KINDS:
        counts = wide[kind] if kind in wide.columns else pd.Series(dtype=float)
        table[kind] = table["candidate_id"].map(counts).fillna(0).astype(int)
    for column in ACTIVITY_COLUMNS:
        table[column] = pd.to_numeric(table[column]).fillna(0).astype(int)
    return table.sort_values("candidate_id", kind="stable").reset_index(drop=True)


def _scaled(count: float, top: float) -> float:
    """log(1 + count) / log(1 + top), in 0..1; 0 when nobody has any."""
    return math.log1p(count) / math.log1p(top) if top > 0 else 0.0


def link_parts(table: pd.DataFrame) -> list[ScorePart]:
    """The named parts over one candidate table (scaled by that table's largest counts)."""
    parts = []
    for name, (column, text) in PART_SOURCES.items():
        top = float(table[column].max()) if len(table) else 0.0
        parts.append(ScorePart(
            name,
            lambda r, s, column=column, top=top: _scaled(float(r[column]), top),
            lambda r, column=column, text=text: text.format(n=int(r[column]))))
    return parts


def part_matrix(table: pd.DataFrame) -> np.ndarray:
    """Candidates x parts of unweighted part values (the same values `link_parts` gives)."""
    columns = []
    for column, _ in PART_SOURCES.values():
        counts = table[column].to_numpy(dtype=float)
        top = counts.max() if len(counts) else 0.0
        columns.append(np.log1p(counts) / math.log1p(top) if top > 0 else np.zeros(len(counts)))
    return np.column_stack(columns) if columns else np.zeros((len(table), 0))


def score_candidates(table: pd.DataFrame, weights: Mapping[str, float] | None = None
                     ) -> pd.DataFrame:
    """The table with `score`, `part_<name>` and `evidence_<name>`, best first (ties by id)."""
    return weighted_score(table, link_parts(table), weights or DEFAULT_WEIGHTS,
                          ScoringSettings(), "candidate_id")


@dataclass(frozen=True)
class FitCase:
    """One head of the fitting period: its part matrix (rows in candidate_id order) and
    the row numbers of its true partners."""

    matrix: np.ndarray
    targets: tuple[int, ...]


def fit_case(table: pd.DataFrame, true_ids: set[str]) -> FitCase:
    """A FitCase from a candidate table (sorted by candidate_id) and the true partner ids."""
    ids = list(table["candidate_id"])
    return FitCase(part_matrix(table), tuple(i for i, c in enumerate(ids) if c in true_ids))


def _case_ranks(case: FitCase, weights: np.ndarray) -> list[int]:
    """Ranks of the targets under the weights; ties by candidate_id = row order."""
    scores = case.matrix @ weights
    return [1 + int((scores > scores[t]).sum()) + int((scores[:t] == scores[t]).sum())
            for t in case.targets]


def objective(cases: Sequence[FitCase], weights: np.ndarray) -> float:
    """Hits@10 + MRR over every target of every case: both the top ten and the whole order."""
    ranks = [r for case in cases for r in _case_ranks(case, weights)]
    if not ranks:
        return 0.0
    return (sum(r <= 10 for r in ranks) + sum(1.0 / r for r in ranks)) / len(ranks)


def noise_level(cases: Sequence[FitCase], weights: np.ndarray) -> float:
    """One standard error of Hits@10 over the cases' targets, sqrt(h (1 - h) / n)."""
    ranks = [r for case in cases for r in _case_ranks(case, weights)]
    if not ranks:
        return 0.0
    hits = sum(r <= 10 for r in ranks) / len(ranks)
    return math.sqrt(hits * (1 - hits) / len(ranks))


def fit_weights(cases: Sequence[FitCase], start: Mapping[str, float] | None = None,
                grid: Sequence[float] = WEIGHT_GRID, rounds: int = 3,
                min_gain: float | None = None) -> dict[str, float]:
    """Coordinate search: each part's weight in turn takes the grid value that raises the
    objective most, until a round changes nothing. A change must gain at least `min_gain`
    (default: one standard error of Hits@10 at the start, `noise_level`): on a few hundred
    pairs smaller gains are noise, and in trials on the ICKG subset they did not carry over
    from the fitting period to later links. Deterministic; all-zero is never tried."""
    begin = start or DEFAULT_WEIGHTS
    weights = np.array([float(begin.get(name, 0.0)) for name in PART_NAMES])
    gain = noise_level(cases, weights) if min_gain is None else min_gain
    best = objective(cases, weights)
    for _ in range(rounds):
        improved = False
        for i in range(len(PART_NAMES)):
            for value in grid:
                trial = weights.copy()
                trial[i] = value
                if not trial.any():
                    continue
                score = objective(cases, trial)
                if score > best + max(gain, 1e-12):
                    best, weights, improved = score, trial, True
        if not improved:
            break
    return {name: float(w) for name, w in zip(PART_NAMES, weights, strict=True)}
