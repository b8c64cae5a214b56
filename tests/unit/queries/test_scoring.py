"""Scores on frames shaped like the fixture park's answers, worked out by hand."""

from __future__ import annotations

import pandas as pd
import pytest

from innochain.errors import ConfigError
from innochain.queries.scoring import (
    apply_scoring,
    score_attraction,
    score_licensees,
    score_partners,
)
from innochain.queries.scoring_settings import ScoringSettings
from innochain.queries.segment_strength import segment_strength

# landscape.segment_strength on the fixture park (see tests/fixture_graph.py)
STRENGTH = pd.DataFrame([
    # segment, total, park, domestic, foreign, park holders, holders, holder total, squares
    ("fx:silicon", 7.0, 0.0, 1.0, 6.0, 0, 2, 7.0, 37.0),
    ("fx:wafer", 7.0, 1.0, 6.0, 0.0, 1, 2, 7.0, 37.0),
    ("fx:cell", 14.0, 5.5, 0.0, 8.5, 2, 4, 15.0, 67.5),
    ("fx:module", 7.0, 6.5, 0.0, 0.5, 2, 3, 7.0, 24.5),
    ("fx:system", 6.0, 2.0, 2.0, 1.0, 1, 4, 6.0, 10.0),
], columns=["segment_id", "patents_weighted", "park_weighted", "domestic_weighted",
            "foreign_weighted", "park_holders", "holders", "holder_weight_total",
            "holder_weight_squares"]).assign(chain_weighted=41.0, chain_park_weighted=15.0)


def test_segment_strength_shares_rta_hhi_and_classes() -> None:
    out = segment_strength(STRENGTH).set_index("segment_id")
    # park share overall 15/41; cell: (5.5/14) / (15/41) = 1.0738
    assert out.loc["fx:cell", "park_share"] == pytest.approx(5.5 / 14)
    assert out.loc["fx:cell", "rta"] == pytest.approx((5.5 / 14) / (15 / 41))
    assert out.loc["fx:module", "rta"] == pytest.approx((6.5 / 7) / (15 / 41))
    assert out.loc["fx:cell", "hhi"] == pytest.approx(67.5 / 225)  # 0.3
    assert out.loc["fx:silicon", "hhi"] == pytest.approx(37 / 49)
    assert out.loc["fx:silicon", "foreign_share"] == pytest.approx(6 / 7)
    assert list(out["strength"]) == ["missing", "weak", "strong", "strong", "weak"]
    assert "RTA 0.39" in out.loc["fx:wafer", "reason"]
    assert out["rta_reliable"].all()


def test_strength_thresholds_are_settings_and_low_counts_are_flagged() -> None:
    settings = ScoringSettings.from_mapping({"strength": {"strong_min_rta": 1.1,
                                                          "rta_min_patents": 6.5}})
    out = segment_strength(STRENGTH, settings).set_index("segment_id")
    assert out.loc["fx:cell", "strength"] == "weak"  # RTA 1.07 < 1.1 now
    assert not out.loc["fx:system", "rta_reliable"]
    assert "RTA unreliable: only 6 weighted patents" in out.loc["fx:system", "reason"]
    assert "RTA 不可靠：仅 6 件加权专利" in out.loc["fx:system", "reason"]


PARTNERS = pd.DataFrame([
    ("org:dayang", True, ["fx:wafer"], [], 1, "none", False),
    ("org:solaris", False, [], [], 3, "none", False),
    ("org:solaris_eu", False, [], [], 2, "none", False),
    ("org:sunrise", False, ["fx:wafer"], [], 0, "supplier", False),
    ("org:xindian", True, [], [], 0, "customer", True),
], columns=["partner_id", "in_park", "upstream_segments", "downstream_segments",
            "shared_classes", "supply_link", "cooperates"])


def test_partner_scores_are_weighted_parts_with_evidence() -> None:
    out = score_partners(PARTNERS)
    # sunrise 0.30 + 0.20; dayang 0.30 + 0.25/3 + 0.10; xindian 0.20 + 0.15 + 0.10
    assert list(out["partner_id"]) == ["org:sunrise", "org:dayang", "org:xindian",
                                       "org:solaris", "org:solaris_eu"]
    assert list(out["score"]) == pytest.approx([0.5, 0.3 + 0.25 / 3 + 0.1, 0.45, 0.25, 0.5 / 3])
    top = out.iloc[0]
    assert top["part_chain_fit"] == pytest.approx(0.3)
    assert top["evidence_chain_fit"] == "上游：fx:wafer / upstream: fx:wafer"
    assert top["evidence_supply_link"] == "供货关系：对方是供应商 / supply link: supplier"


def test_licensee_scores() -> None:
    frame = pd.DataFrame([
        ("org:dayang", True, 0, 2, False, True, 0, True),
        ("org:deneng", True, 1, 1, True, True, 1, False),
        ("org:solaris", False, 1, 0, True, True, 0, False),
        ("org:solaris_eu", False, 1, 0, True, False, 0, False),
    ], columns=["firm_id", "in_park", "shared_classes", "cites_portfolio", "same_segment",
                "downstream_segment", "co_owned", "licensed"])
    out = score_licensees(frame)
    assert list(out["firm_id"]) == ["org:deneng", "org:dayang", "org:solaris", "org:solaris_eu"]
    assert list(out["score"]) == pytest.approx([0.6, 0.35 * 2 / 3 + 0.1 + 0.1,
                                                0.25 / 3 + 0.3, 0.25 / 3 + 0.3])
    assert out.iloc[1]["evidence_new_licensee"] == "已获许可 / already licensed"


def test_attraction_scores_and_registry() -> None:
    frame = pd.DataFrame([
        ("org:solaris", "foreign", "US", 6.5, 3, 3, 0),
        ("org:solaris_eu", "foreign", "NL", 2.0, 2, 1, 0),
    ], columns=["firm_id", "class", "country", "patents_weighted", "recent_patents",
                "cited_by_park", "park_customers"])
    out = apply_scoring("layout.attract_firms", frame)
    assert list(out["score"]) == pytest.approx([0.35 + 0.2 * 3 / 6.5 + 0.25,
                                                0.35 * 2 / 6.5 + 0.2 + 0.25 / 3])
    assert out is not score_attraction  # registry returns a new frame
    untouched = apply_scoring("risk.single_source", frame)
    assert "score" not in untouched.columns


def test_unknown_settings_are_refused() -> None:
    with pytest.raises(ConfigError, match="unknown key 'chain'"):
        ScoringSettings.from_mapping({"partner_weights": {"chain": 1}})
    with pytest.raises(ConfigError, match="unknown scoring setting"):
        ScoringSettings.from_mapping({"weights": {}})
