"""Data-pack queries that read materialised values (HOLDS_IN, Segment totals), and the limit of
landscape.new_filings, on the fixture park on both backends: answers checked against the
patents read one hop at a time and counted in Python."""

from __future__ import annotations

from typing import Any

import pytest

from innochain.graph.store import GraphStore
from tests.fixture_graph import PARK, answer, build_fixture_graph, patent_owners


@pytest.fixture
def park(store: GraphStore) -> GraphStore:
    return build_fixture_graph(store)


def _memberships(store: GraphStore) -> list[dict[str, Any]]:
    return store.run("MATCH (p:Patent)-[r:IN_SEGMENT]->(s:Segment) "
                     "RETURN p.id AS patent, s.id AS segment, r.weight AS weight"
                     ).to_dict("records")


def test_alliance_portfolio_agrees_with_the_members_patents(park: GraphStore) -> None:
    owners = patent_owners(park)
    members = {r["id"]: r["name"] for r in park.run(
        "MATCH (m:Organization)-[:MEMBER_OF]->(:Organization {id: 'org:alliance'}) "
        "RETURN m.id AS id, m.name AS name").to_dict("records")}
    held: dict[str, list[float]] = {}
    names: dict[str, set[str]] = {}
    total: dict[str, float] = {}
    for r in _memberships(park):
        total[r["segment"]] = total.get(r["segment"], 0.0) + float(r["weight"])
        mine = owners.get(r["patent"], set()) & set(members)
        if mine:
            held.setdefault(r["segment"], []).append(float(r["weight"]))
            names.setdefault(r["segment"], set()).update(members[m] for m in mine)
    rows = answer(park, "data.alliance_portfolio", park_id=PARK, alliance_id="org:alliance")
    assert {r["segment_id"] for r in rows} >= set(total)
    for r in rows:
        weights = held.get(r["segment_id"], [])
        assert (r["patents"], r["patents_weighted"], r["segment_weighted"]) == (
            len(weights), round(sum(weights), 6), round(total.get(r["segment_id"], 0.0), 6))
        assert r["members"] == sorted(names.get(r["segment_id"], set()))
    assert any(r["patents"] > 0 for r in rows)


def test_plaintiff_candidates_count_cases_and_chain_patents(park: GraphStore) -> None:
    owners = patent_owners(park)
    outside = {r["id"] for r in park.run(
        "MATCH (o:Organization) WHERE coalesce(o.in_park, false) = false "
        "RETURN o.id AS id").to_dict("records")}
    patents: dict[str, set[str]] = {}
    for r in _memberships(park):
        for org in owners.get(r["patent"], set()) & outside:
            patents.setdefault(org, set()).add(r["patent"])
    cases: dict[str, int] = {}
    for r in park.run("MATCH (o:Organization)-[x:PARTY_TO]->(:Case) WHERE x.side = 'plaintiff' "
                      "RETURN o.id AS org").to_dict("records"):
        cases[r["org"]] = cases.get(r["org"], 0) + 1
    rows = answer(park, "data.plaintiff_candidates", park_id=PARK, limit=5000)
    assert {r["org_id"]: (r["cases_as_plaintiff"], r["patents"]) for r in rows} == {
        org: (cases.get(org, 0), len(ps)) for org, ps in patents.items()}
    assert rows[0]["cases_as_plaintiff"] > 0  # ordered by the cases brought first
    assert [r["org_id"] for r in answer(park, "data.plaintiff_candidates", park_id=PARK,
                                        limit=2)] == [r["org_id"] for r in rows[:2]]


def test_new_filings_limit_keeps_the_first_rows(park: GraphStore) -> None:
    every = answer(park, "landscape.new_filings", park_id=PARK, since=2015, limit=500_000)
    assert len(every) > 3
    for n in (1, 3):
        assert answer(park, "landscape.new_filings", park_id=PARK, since=2015, limit=n) == \
            every[:n]
    assert answer(park, "landscape.new_filings", park_id=PARK, since=2015) == every[:1000]
