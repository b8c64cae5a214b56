"""Ranking scores as weighted sums of named parts; every row carries each part and its evidence.

A part turns one row of a query's frame into a value in 0..1 and a short evidence text.
The weights come from `ScoringSettings`, so a park can retune them without code changes.
Risk queries are not scored: their output is an exposure signal for people to look into.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import pandas as pd

from innochain.errors import ConfigError
from innochain.queries.scoring_settings import ScoringSettings
from innochain.queries.segment_strength import segment_strength

Row = Mapping[str, Any]


@dataclass(frozen=True)
class ScorePart:
    """One named part of a score: a value in 0..1 and the evidence behind it."""

    name: str
    value: Callable[[Row, ScoringSettings], float]
    evidence: Callable[[Row], str]


def _capped(count: Any, cap: int) -> float:
    return min(float(count or 0) / cap, 1.0) if cap > 0 else 0.0


def weighted_score(frame: pd.DataFrame, parts: list[ScorePart], weights: Mapping[str, float],
                   settings: ScoringSettings, key: str) -> pd.DataFrame:
    """Add `score`, `part_<name>` (weighted contribution) and `evidence_<name>`; rank by score."""
    missing = [p.name for p in parts if p.name not in weights]
    if missing:
        raise ConfigError(f"no weight for score part {missing[0]!r}; "
                          "set it in the scoring settings")
    out = frame.copy()
    rows: list[Row] = [{str(k): v for k, v in r.items()} for r in frame.to_dict("records")]
    total = [0.0] * len(rows)
    for part in parts:
        contributions = [weights[part.name] * part.value(row, settings) for row in rows]
        out[f"part_{part.name}"] = contributions
        out[f"evidence_{part.name}"] = [part.evidence(row) for row in rows]
        total = [t + c for t, c in zip(total, contributions, strict=True)]
    out["score"] = total
    return out.sort_values(["score", key], ascending=[False, True], kind="stable").reset_index(
        drop=True)


def _joined(values: Any) -> str:
    return ", ".join(str(v) for v in values) if values else ""


def both(zh: str, en: str) -> str:
    """An evidence text in Chinese first with the English beside: '共有 2 个分类号 / 2 shared
    classes'. Evidence reaches the dashboard, the CLI, the downloads and the reports alike."""
    return f"{zh} / {en}"


def _yes_no(flag: Any, yes: tuple[str, str], no: tuple[str, str]) -> str:
    return both(*yes) if flag else both(*no)


def _chain_fit_evidence(row: Row) -> str:
    up, down = row["upstream_segments"], row["downstream_segments"]
    zh = "；".join(x for x in (f"上游：{_joined(up)}" if up else "",
                              f"下游：{_joined(down)}" if down else "") if x)
    en = "; ".join(x for x in (f"upstream: {_joined(up)}" if up else "",
                              f"downstream: {_joined(down)}" if down else "") if x)
    return both(zh, en) if zh else both("链上不相邻", "not adjacent")


def _shared_classes_evidence(row: Row) -> str:
    return both(f"共有 {row['shared_classes']} 个分类号", f"{row['shared_classes']} shared classes")


SUPPLY_WORDS = {"supplier": "对方是供应商", "customer": "对方是客户", "both": "双向供货",
                "none": "无供货关系"}
CLASS_WORDS = {"park": "园区", "domestic": "国内", "foreign": "国外", "unknown": "未知"}
IN_PARK = (("在园区内", "in the park"), ("在园区外", "outside the park"))

PARTNER_PARTS = [
    ScorePart("chain_fit",
              lambda r, s: 1.0 if (r["upstream_segments"] or r["downstream_segments"]) else 0.0,
              _chain_fit_evidence),
    ScorePart("technology_fit", lambda r, s: _capped(r["shared_classes"], s.class_cap),
              _shared_classes_evidence),
    ScorePart("supply_link", lambda r, s: 0.0 if r["supply_link"] == "none" else 1.0,
              lambda r: both(f"供货关系：{SUPPLY_WORDS.get(r['supply_link'], r['supply_link'])}",
                             f"supply link: {r['supply_link']}")),
    ScorePart("cooperation", lambda r, s: 1.0 if r["cooperates"] else 0.0,
              lambda r: _yes_no(r["cooperates"], ("已有合作", "co-operates already"),
                                ("无合作记录", "no recorded co-operation"))),
    ScorePart("park_proximity", lambda r, s: 1.0 if r["in_park"] else 0.0,
              lambda r: _yes_no(r["in_park"], *IN_PARK)),
]

LICENSEE_PARTS = [
    ScorePart("citations", lambda r, s: _capped(r["cites_portfolio"], s.citation_cap),
              lambda r: both(f"引用该组合 {r['cites_portfolio']} 次",
                             f"cites the portfolio {r['cites_portfolio']} times")),
    ScorePart("technology_fit", lambda r, s: _capped(r["shared_classes"], s.class_cap),
              _shared_classes_evidence),
    ScorePart("segment_fit",
              lambda r, s: 1.0 if r["same_segment"] else (0.5 if r["downstream_segment"] else 0.0),
              lambda r: both("同一环节", "same segment") if r["same_segment"] else (
                  both("下游环节", "downstream segment") if r["downstream_segment"]
                  else both("其他环节", "other segment"))),
    ScorePart("park_proximity", lambda r, s: 1.0 if r["in_park"] else 0.0,
              lambda r: _yes_no(r["in_park"], *IN_PARK)),
    ScorePart("new_licensee", lambda r, s: 0.0 if r["licensed"] else 1.0,
              lambda r: _yes_no(r["licensed"], ("已获许可", "already licensed"),
                                ("尚无许可", "no licence yet"))),
]


def _origin_evidence(row: Row) -> str:
    cls, country = str(row["class"]), row["country"]
    return both(f"{CLASS_WORDS.get(cls, cls)}（{country or '国别不详'}）",
                f"{cls} ({country or 'country unknown'})")


def _attraction_parts(max_weighted: float) -> list[ScorePart]:
    """Strength is relative to the strongest candidate in the same answer."""
    return [
        ScorePart("strength",
                  lambda r, s: float(r["patents_weighted"]) / max_weighted if max_weighted else 0.0,
                  lambda r: both(f"该环节加权专利 {r['patents_weighted']:g} 件",
                                 f"{r['patents_weighted']:g} weighted patents in the segment")),
        ScorePart("momentum",
                  lambda r, s: min(float(r["recent_patents"]) / float(r["patents_weighted"]), 1.0)
                  if r["patents_weighted"] else 0.0,
                  lambda r: both(f"近期专利 {r['recent_patents']} 件",
                                 f"{r['recent_patents']} recent patents")),
        ScorePart("park_citations", lambda r, s: _capped(r["cited_by_park"], s.citation_cap),
                  lambda r: both(f"被园区专利引用 {r['cited_by_park']} 次",
                                 f"cited {r['cited_by_park']} times by park patents")),
        ScorePart("supply_ties", lambda r, s: 1.0 if r["park_customers"] else 0.0,
                  lambda r: both(f"供货给 {r['park_customers']} 家园区企业",
                                 f"supplies {r['park_customers']} park firms")),
        ScorePart("domestic", lambda r, s: 1.0 if r["class"] == "domestic" else 0.0,
                  _origin_evidence),
    ]


def score_partners(frame: pd.DataFrame, settings: ScoringSettings | None = None) -> pd.DataFrame:
    """Rank `match.partners` rows."""
    settings = settings or ScoringSettings()
    return weighted_score(frame, PARTNER_PARTS, settings.partner_weights, settings, "partner_id")


def score_licensees(frame: pd.DataFrame, settings: ScoringSettings | None = None) -> pd.DataFrame:
    """Rank `exploit.licensees` rows."""
    settings = settings or ScoringSettings()
    return weighted_score(frame, LICENSEE_PARTS, settings.licensee_weights, settings, "firm_id")


def score_attraction(frame: pd.DataFrame, settings: ScoringSettings | None = None) -> pd.DataFrame:
    """Rank `layout.attract_firms` rows."""
    settings = settings or ScoringSettings()
    top = float(frame["patents_weighted"].max()) if len(frame) else 0.0
    return weighted_score(frame, _attraction_parts(top), settings.attraction_weights, settings,
                          "firm_id")


SCORERS: dict[str, Callable[[pd.DataFrame, ScoringSettings | None], pd.DataFrame]] = {
    "landscape.segment_strength": segment_strength,
    "match.partners": score_partners,
    "exploit.licensees": score_licensees,
    "layout.attract_firms": score_attraction,
}


def apply_scoring(query_id: str, frame: pd.DataFrame,
                  settings: ScoringSettings | None = None) -> pd.DataFrame:
    """The frame with its scores when the query has a scorer, else the frame unchanged."""
    scorer = SCORERS.get(query_id)
    return scorer(frame, settings) if scorer else frame
