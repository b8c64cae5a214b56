"""The resolver on the real PatentsView assignee gold set (../shared/data, not committed)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from innochain.loaders.entity_resolution import Resolver

GOLD = (Path(__file__).resolve().parents[2] / ".." / "shared" / "data" / "assignee-names"
        / "air-umass-assignees-benchmark.csv")

pytestmark = [
    pytest.mark.shared_data,
    pytest.mark.skipif(not GOLD.is_file(), reason=f"shared data absent: {GOLD} not found"),
]


def pairwise_precision(gold: pd.Series, predicted: pd.Series) -> float:
    """Share of predicted same-organisation pairs that the gold set agrees with."""
    def pairs(counts: pd.Series) -> int:
        return int((counts * (counts - 1) // 2).sum())

    both = pairs(pd.Series(pd.crosstab(gold.to_numpy(), predicted.to_numpy()).to_numpy().ravel()))
    return both / pairs(predicted.value_counts())


def test_string_level_precision_on_assignee_gold_set() -> None:
    strings = pd.read_csv(GOLD, dtype=str, keep_default_na=False).drop_duplicates("organization")
    result = Resolver().resolve_names(strings["organization"])
    predicted = strings["organization"].map(lambda n: result[n].cluster_id)
    assert predicted.nunique() < len(strings) * 0.5  # it does merge spellings
    assert pairwise_precision(strings["unique_id"], predicted) >= 0.98
