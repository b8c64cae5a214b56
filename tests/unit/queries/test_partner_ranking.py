"""The partner ranker: candidate tables, explainable parts and the weight fit."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from innochain.queries.partner_ranking import (
    PART_NAMES,
    FitCase,
    candidate_table,
    fit_weights,
    objective,
    score_candidates,
)


def _activity() -> pd.DataFrame:
    return pd.DataFrame({
        "candidate_id": ["org:c", "org:a", "org:b", "org:head"],
        "candidate": ["C", "A", "B", "Head"], "role": ["firm"] * 4,
        "degree": [9, 1, 1, 3], "links": [4, 0, 1, 1], "links_in": [4, 0, 0, 0],
        "recent_links": [1, 0, 0, 0], "last_year": [2024, 0, 2023, 2024]})


def _evidence() -> pd.DataFrame:
    return pd.DataFrame({"candidate_id": ["org:b", "org:b", "org:c"],
                         "evidence": ["shared_neighbours", "existing_links",
                                      "shared_neighbours"],
                         "value": [2, 1, 1]})


def test_table_holds_every_other_organisation_with_zeros_for_no_evidence() -> None:
    table = candidate_table(_activity(), _evidence(), "org:head")
    assert list(table["candidate_id"]) == ["org:a", "org:b", "org:c"]
    assert list(table["shared_neighbours"]) == [0, 2, 1]
    assert list(table["existing_links"]) == [0, 1, 0]
    assert list(table["similar_firms"]) == [0, 0, 0]


def test_score_is_the_sum_of_its_parts_with_evidence() -> None:
    table = candidate_table(_activity(), _evidence(), "org:head")
    weights = dict.fromkeys(PART_NAMES, 0.0) | {"popularity": 1.0, "shared_neighbours": 1.0}
    ranked = score_candidates(table, weights)
    parts = ranked[[f"part_{n}" for n in PART_NAMES]].sum(axis=1)
    assert np.allclose(parts, ranked["score"])
    top = ranked.iloc[0]
    # C: the largest degree (1.0) and 1 of at most 2 shared neighbours (log scaled)
    assert top["candidate_id"] == "org:c"
    assert top["score"] == pytest.approx(1.0 + np.log(2) / np.log(3))
    assert top["evidence_popularity"] == "图中关系 9 条 / 9 relationships in the graph"
    assert ranked.iloc[1]["evidence_shared_neighbours"] == "共同邻居 2 个 / 2 shared neighbours"


def test_fit_puts_weight_on_the_part_that_finds_the_partners() -> None:
    # part 0 is noise, the part "shared_partners" marks the true candidate of each case
    informative = PART_NAMES.index("shared_partners")
    cases = []
    for target in range(5):
        matrix = np.zeros((20, len(PART_NAMES)))
        matrix[:, 0] = np.linspace(1.0, 0.0, 20)
        matrix[10 + target, informative] = 1.0
        cases.append(FitCase(matrix, (10 + target,)))
    start = dict.fromkeys(PART_NAMES, 0.0) | {PART_NAMES[0]: 1.0}
    weights = fit_weights(cases, start=start)
    assert weights["shared_partners"] > 0
    fitted = np.array([weights[n] for n in PART_NAMES])
    assert objective(cases, fitted) == pytest.approx(2.0)  # every target first: Hits@10 + MRR


def test_ties_in_the_fit_follow_row_order() -> None:
    case = FitCase(np.ones((3, len(PART_NAMES))), (2,))
    # all scores equal: the target keeps its row place, third of three
    assert objective([case], np.ones(len(PART_NAMES))) == pytest.approx(1.0 + 1 / 3)
