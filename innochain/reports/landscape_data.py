"""The numbers behind the landscape report (专利态势发布, mode 12): runner calls and scoring.

Each table keeps the query id that produced it, so the report can cite its source and the
XLSX can carry the same rows.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from innochain.errors import QueryPackError
from innochain.graph.store import GraphStore
from innochain.queries.runner import run
from innochain.queries.scoring import apply_scoring

GAP_SEGMENTS = 4  # weak or missing segments followed up with firms and inventors to attract
ATTRACT_ROWS = 5
NEW_FILINGS_ALL = 500_000  # the max of landscape.new_filings' limit: the report needs every row


def query_frame(store: GraphStore, query_id: str, **params: Any) -> pd.DataFrame:
    """One query's rows, scored when the query has a scorer."""
    return apply_scoring(query_id, run(store, query_id, params).frame)


@dataclass
class Gap:
    """A weak or missing segment with the firms and inventors that could fill it."""

    segment_id: str
    segment: str
    strength: str
    firms: pd.DataFrame
    inventors: pd.DataFrame


@dataclass
class LandscapeData:
    """Everything the landscape report shows, as frames."""

    park: dict[str, Any]
    since: int
    synthetic: tuple[int, int]
    segments: pd.DataFrame
    feeds: list[tuple[str, str]]
    chain_map: pd.DataFrame
    strength: pd.DataFrame
    trend: pd.DataFrame
    top_holders: pd.DataFrame
    park_holders: pd.DataFrame
    weak_links: pd.DataFrame
    broken_links: pd.DataFrame
    white_space: pd.DataFrame
    growth: pd.DataFrame
    exposure: pd.DataFrame
    foreign_coverage: pd.DataFrame
    single_source: pd.DataFrame
    park_disputes: pd.DataFrame
    new_filings: pd.DataFrame
    cases: pd.DataFrame
    gaps: list[Gap] = field(default_factory=list)


def park_row(store: GraphStore, park_id: str | None) -> dict[str, Any]:
    """The park asked for, or the only park in the graph; QueryPackError otherwise."""
    parks = run(store, "data.parks").frame
    if parks.empty:
        raise QueryPackError("the graph holds no park: load one (`innochain load parks FILE`) "
                             "or build the demo (`innochain demo --build-only`)")
    if park_id is None:
        if len(parks) > 1:
            raise QueryPackError("the graph holds several parks: choose one with --park ("
                                 + ", ".join(str(p) for p in parks["park_id"]) + ")")
        return dict(parks.iloc[0])
    chosen = parks[parks["park_id"] == park_id]
    if chosen.empty:
        raise QueryPackError(f"no park {park_id!r} in the graph; parks: "
                             + ", ".join(str(p) for p in parks["park_id"]))
    return dict(chosen.iloc[0])


def synthetic_counts(store: GraphStore) -> tuple[int, int]:
    """(patents, synthetic patents) in the graph."""
    row = run(store, "data.synthetic_patents").frame.iloc[0]
    return int(row["patents"] or 0), int(row["synthetic_patents"] or 0)


def _gaps(store: GraphStore, park_id: str, strength: pd.DataFrame, since: int) -> list[Gap]:
    """The largest weak or missing segments that hold patents, with candidates to attract."""
    open_segments = strength[(strength["strength"] != "strong")
                             & (strength["patents_weighted"] > 0)]
    top = open_segments.sort_values(["patents_weighted", "segment_id"],
                                    ascending=[False, True]).head(GAP_SEGMENTS)
    gaps = []
    for row in top.to_dict("records"):
        firms = query_frame(store, "layout.attract_firms", park_id=park_id,
                            segment_id=row["segment_id"], since=since, limit=ATTRACT_ROWS * 4)
        inventors = query_frame(store, "layout.attract_inventors", segment_id=row["segment_id"],
                                limit=ATTRACT_ROWS)
        gaps.append(Gap(row["segment_id"], row["segment"], row["strength"],
                        firms.head(ATTRACT_ROWS), inventors))
    return gaps


def gather_landscape(store: GraphStore, park_id: str | None, since: int) -> LandscapeData:
    """Run every query the landscape report needs."""
    park = park_row(store, park_id)
    pid = str(park["park_id"])
    links = query_frame(store, "data.segment_links", park_id=pid)
    strength = query_frame(store, "landscape.segment_strength", park_id=pid)
    data = LandscapeData(
        park=park, since=since, synthetic=synthetic_counts(store),
        segments=query_frame(store, "data.segments", park_id=pid),
        feeds=[(str(a), str(b)) for a, b in zip(links["from_id"], links["to_id"], strict=True)],
        chain_map=query_frame(store, "landscape.chain_map", park_id=pid),
        strength=strength,
        trend=query_frame(store, "landscape.filing_trend_by_segment", park_id=pid),
        top_holders=query_frame(store, "landscape.top_holders", park_id=pid, limit=15),
        park_holders=query_frame(store, "landscape.park_holders", park_id=pid, since=since),
        weak_links=query_frame(store, "layout.weak_links", park_id=pid),
        broken_links=query_frame(store, "layout.broken_links", park_id=pid),
        white_space=query_frame(store, "layout.white_space", min_world=5, limit=15),
        growth=query_frame(store, "layout.growth_technologies", park_id=pid, since=since),
        exposure=query_frame(store, "risk.firm_exposure", park_id=pid),
        foreign_coverage=query_frame(store, "risk.foreign_coverage", park_id=pid,
                                     min_patents=5),
        single_source=query_frame(store, "risk.single_source", park_id=pid),
        park_disputes=query_frame(store, "risk.park_disputes"),
        # every row: the findings add patents_since up per holder over all segments
        new_filings=query_frame(store, "landscape.new_filings", park_id=pid, since=since,
                                limit=NEW_FILINGS_ALL),
        cases=query_frame(store, "data.cases"),
    )
    data.gaps = _gaps(store, pid, strength, since)
    return data
