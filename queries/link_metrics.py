"""Ranking metrics for link prediction: the rank of a true partner, Hits@k and MRR.

Ties: candidates are ordered by score (highest first), then by candidate key (ascending
text order). So a tie never depends on the order rows arrived in, the same scores always
give the same ranks, and the order written to `--ranks-out` is the order measured. A truth
candidate tied with others is neither given the best nor the worst place of its tie: it
gets its key's place. A true partner that is not among the candidates has no rank: it is
counted as a miss (rank infinity: 0 towards Hits@k and MRR).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

HITS_AT = (1, 3, 10)


def ranked_keys(scores: Mapping[str, float]) -> list[str]:
    """Candidate keys by score, highest first; ties by key (see the module doc)."""
    return sorted(scores, key=lambda key: (-scores[key], key))


def ranks_of(scores: Mapping[str, float], targets: Iterable[str]) -> dict[str, int | None]:
    """1-based rank of each target among the scored candidates (None: not a candidate)."""
    place = {key: i for i, key in enumerate(ranked_keys(scores), 1)}
    return {target: place.get(target) for target in targets}


@dataclass(frozen=True)
class RankingMetrics:
    """Hits@1/3/10 and MRR over `pairs` evaluated (head, true tail) pairs."""

    pairs: int
    hits_1: float
    hits_3: float
    hits_10: float
    mrr: float

    def as_dict(self) -> dict[str, float | int]:
        """Plain data for JSON."""
        return {"pairs": self.pairs, "hits@1": self.hits_1, "hits@3": self.hits_3,
                "hits@10": self.hits_10, "mrr": self.mrr}


def hits_at(ranks: Sequence[int | None], k: int) -> float:
    """Share of ranks at most k (0.0 for no ranks)."""
    return sum(1 for r in ranks if r is not None and r <= k) / len(ranks) if ranks else 0.0


def mean_reciprocal_rank(ranks: Sequence[int | None]) -> float:
    """Mean of 1/rank; a missing rank adds 0 (0.0 for no ranks)."""
    return sum(1.0 / r for r in ranks if r is not None) / len(ranks) if ranks else 0.0


def summarise(ranks: Sequence[int | None]) -> RankingMetrics:
    """The metrics of a list of ranks, one per evaluated pair."""
    return RankingMetrics(len(ranks), hits_at(ranks, 1), hits_at(ranks, 3), hits_at(ranks, 10),
                          mean_reciprocal_rank(ranks))
