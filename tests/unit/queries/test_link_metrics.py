"""Hits@k and MRR on hand cases; ties are ranked by candidate key (documented in the module)."""

from __future__ import annotations

import pytest

from innochain.queries.link_metrics import (
    hits_at,
    mean_reciprocal_rank,
    ranked_keys,
    ranks_of,
    summarise,
)


def test_ranks_follow_score_then_key() -> None:
    scores = {"b": 2.0, "a": 2.0, "c": 5.0, "d": 0.0}
    assert ranked_keys(scores) == ["c", "a", "b", "d"]
    assert ranks_of(scores, ["b", "d"]) == {"b": 3, "d": 4}


def test_ties_do_not_depend_on_input_order() -> None:
    forward = {"x": 1.0, "y": 1.0, "z": 1.0}
    backward = dict(reversed(list(forward.items())))
    assert ranks_of(forward, ["y"]) == ranks_of(backward, ["y"]) == {"y": 2}


def test_a_target_that_is_no_candidate_is_a_miss() -> None:
    assert ranks_of({"a": 1.0}, ["zz"]) == {"zz": None}
    assert hits_at([None, 1], 10) == 0.5
    assert mean_reciprocal_rank([None, 2]) == pytest.approx(0.25)


def test_hits_and_mrr_by_hand() -> None:
    ranks: list[int | None] = [1, 2, 4, 11]
    assert hits_at(ranks, 1) == 0.25
    assert hits_at(ranks, 3) == 0.5
    assert hits_at(ranks, 10) == 0.75
    assert mean_reciprocal_rank(ranks) == pytest.approx((1 + 1 / 2 + 1 / 4 + 1 / 11) / 4)
    metrics = summarise(ranks)
    assert (metrics.pairs, metrics.hits_1, metrics.hits_3, metrics.hits_10) == (4, 0.25, 0.5, 0.75)
    assert metrics.as_dict()["mrr"] == pytest.approx(metrics.mrr)


def test_no_pairs_gives_zeros() -> None:
    assert summarise([]).as_dict() == {"pairs": 0, "hits@1": 0.0, "hits@3": 0.0,
                                       "hits@10": 0.0, "mrr": 0.0}
