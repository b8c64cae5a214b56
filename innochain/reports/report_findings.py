"""What changed since the previous report (预警) and the suggested actions, from the frames
the queries returned: plain pandas over query results, each finding with its numbers."""

from __future__ import annotations

from typing import Any

import pandas as pd

from innochain.reports.html_parts import esc
from innochain.reports.landscape_data import LandscapeData


def new_foreign_filings(data: LandscapeData) -> pd.DataFrame:
    """Foreign holders filing since the year in segments where park firms work, by holder."""
    rows = data.new_filings
    if rows.empty:
        return pd.DataFrame(columns=["holder_id", "holder", "country", "patents_since",
                                     "segments"])
    chosen = rows[(rows["class"] == "foreign") & rows["park_segment"].astype(bool)]
    return _by_holder(chosen)


def new_entrants(data: LandscapeData) -> pd.DataFrame:
    """Holders outside the park whose first filing in the chain is in or after the year."""
    rows = data.new_filings
    if rows.empty:
        return _by_holder(rows)
    return _by_holder(rows[_years(rows["first_year"]) >= data.since])


def _years(column: pd.Series) -> pd.Series:
    """Years as ints, 0 where missing (a missing year is never recent)."""
    return pd.to_numeric(column, errors="coerce").fillna(0).astype(int)


def _by_holder(rows: pd.DataFrame) -> pd.DataFrame:
    if rows.empty:
        return pd.DataFrame(columns=["holder_id", "holder", "country", "patents_since",
                                     "segments"])
    grouped = rows.groupby(["holder_id", "holder"], dropna=False, sort=False).agg(
        country=("country", "first"), patents_since=("patents_since", "sum"),
        segments=("segment", lambda s: sorted(set(s))))
    out = grouped.reset_index()
    return out.sort_values(["patents_since", "holder_id"], ascending=[False, True]).reset_index(
        drop=True)


def new_cases(data: LandscapeData) -> pd.DataFrame:
    """Disputes filed in or after the year."""
    cases = data.cases
    if cases.empty:
        return cases
    recent = cases[_years(cases["year"]) >= data.since]
    return recent.sort_values(["year", "case_id"], ascending=[False, True]).reset_index(drop=True)


def _num(value: Any) -> float:
    return float(value) if value is not None and value == value else 0.0  # NaN-safe


def gap_actions(data: LandscapeData) -> list[str]:
    """补链 / 引才: the best candidates for each weak or missing segment."""
    items = []
    for gap in data.gaps:
        if not gap.firms.empty:
            top = gap.firms.iloc[0]
            items.append(
                f"<strong>招商补链 Attract</strong> {esc(top['firm'])} → {esc(gap.segment)} "
                f"({esc(gap.strength)}): {_num(top['patents_weighted']):.1f} weighted patents, "
                f"{int(_num(top['recent_patents']))} since {data.since}, cited "
                f"{int(_num(top['cited_by_park']))}× by park patents, score "
                f"{_num(top['score']):.2f} <em>(layout.attract_firms)</em>")
        if not gap.inventors.empty:
            person = gap.inventors.iloc[0]
            items.append(
                f"<strong>引才 Invite</strong> {esc(person['name'])} "
                f"({int(_num(person['patents']))} patents in {esc(gap.segment)}, last filed "
                f"{esc(person['last_year'])}) <em>(layout.attract_inventors)</em>")
    return items


def strength_actions(data: LandscapeData) -> list[str]:
    """强链: keep the strong segments strong (pools and standards, mode 6)."""
    strong = data.strength[data.strength["strength"] == "strong"]
    items = []
    for row in strong.sort_values("rta", ascending=False).head(3).to_dict("records"):
        items.append(
            f"<strong>强链 Build on</strong> {esc(row['segment'])}: RTA {_num(row['rta']):.2f}, "
            f"park {_num(row['park_weighted']):.1f} of {_num(row['patents_weighted']):.1f} "
            "weighted patents — candidate for an alliance pool or standard "
            "<em>(landscape.segment_strength)</em>")
    return items


def risk_actions(data: LandscapeData) -> list[str]:
    """避险: exposure to look into, single sources, disputes to mediate (signals only)."""
    items = []
    exposure = data.exposure.sort_values(["foreign_weighted", "firm_id"], ascending=[False, True])
    for row in exposure.head(2).to_dict("records"):
        items.append(
            f"<strong>避险 Look into</strong> {esc(row['firm'])}'s exposure: "
            f"{_num(row['foreign_weighted']):.1f} weighted foreign-only patents in its "
            f"segments, {int(_num(row['foreign_holders']))} foreign holders, "
            f"{int(_num(row['cases_as_defendant']))} cases as defendant "
            "<em>(risk.firm_exposure; a signal, not a legal conclusion)</em>")
    for row in data.single_source.head(3).to_dict("records"):
        items.append(
            f"<strong>供应链 Second source</strong>: {esc(row['firm'])} buys "
            f"{esc(row['product'])} only from {esc(row['supplier'])} "
            f"({esc(row['supplier_class'])}) <em>(risk.single_source)</em>")
    for row in data.park_disputes.to_dict("records"):
        alliances = ", ".join(row["common_alliances"] or []) or "—"
        items.append(
            f"<strong>调解 Mediate</strong> {esc(row['title'])} through {esc(alliances)} "
            "(mode 10) <em>(risk.park_disputes)</em>")
    return items


def watch_actions(data: LandscapeData) -> list[str]:
    """预警: the foreign holders filing most in the park's segments since the year."""
    items = []
    for row in new_foreign_filings(data).head(3).to_dict("records"):
        items.append(
            f"<strong>预警 Watch</strong> {esc(row['holder'])} ({esc(row['country'])}): "
            f"{int(row['patents_since'])} filings since {data.since} in "
            f"{esc(', '.join(row['segments']))} <em>(landscape.new_filings)</em>")
    return items


def suggested_actions(data: LandscapeData) -> list[str]:
    """All suggested actions, in the handbook's order: 布棋, 强链, 避险, 预警."""
    return gap_actions(data) + strength_actions(data) + risk_actions(data) + watch_actions(data)
