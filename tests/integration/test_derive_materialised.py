"""The derive step on the fixture park: memberships as the chain's patterns say, summaries that
agree with walking the patents, and a second run that changes nothing."""

from __future__ import annotations

from typing import Any

from innochain.graph.store import GraphStore
from innochain.graph.writes import upsert_relationships
from innochain.loaders.chain_loader import derive_segment_membership
from innochain.loaders.segment_summaries import materialise
from tests.fixture_graph import (
    CHAIN,
    PARK,
    PATENTS,
    answer,
    build_fixture_graph,
    patent_owners,
)
from tests.graph_checksum import graph_checksum, rel_counts

MEMBERSHIPS = ("MATCH (p:Patent)-[r:IN_SEGMENT]->(s:Segment) "
               "RETURN p.id AS patent, s.id AS segment, r.weight AS weight, "
               "r.technologies AS technologies ORDER BY patent, segment")


def _memberships(store: GraphStore) -> list[tuple[Any, ...]]:
    frame = store.run(MEMBERSHIPS)
    return [(r["patent"], r["segment"], round(float(r["weight"]), 9), sorted(r["technologies"]))
            for r in frame.to_dict("records")]


def test_derive_gives_the_memberships_the_patterns_say(store: GraphStore) -> None:
    build_fixture_graph(store)
    by_hand = _memberships(store)
    patents, _links = derive_segment_membership(store, CHAIN)
    assert _memberships(store) == by_hand
    assert patents == len(by_hand)
    assert {p for p, *_ in by_hand} <= {p[0] for p in PATENTS}


def test_derive_twice_changes_nothing(store: GraphStore) -> None:
    build_fixture_graph(store)
    derive_segment_membership(store, CHAIN)
    first = (rel_counts(store), graph_checksum(store))
    derive_segment_membership(store, CHAIN)
    assert (rel_counts(store), graph_checksum(store)) == first


def test_holdings_agree_with_walking_the_patents(store: GraphStore) -> None:
    build_fixture_graph(store)
    walked = store.run("MATCH (o:Organization)-[:OWNS]->(p:Patent)-[r:IN_SEGMENT]->(s:Segment) "
                       "RETURN o.id AS org, s.id AS segment, count(p) AS patents, "
                       "sum(r.weight) AS weighted ORDER BY org, segment")
    held = store.run("MATCH (o:Organization)-[h:HOLDS_IN]->(s:Segment) "
                     "RETURN o.id AS org, s.id AS segment, h.patents AS patents, "
                     "h.weighted AS weighted ORDER BY org, segment")
    assert [(r["org"], r["segment"], int(r["patents"]), round(r["weighted"], 9))
            for r in walked.to_dict("records")] == \
        [(r["org"], r["segment"], int(r["patents"]), round(r["weighted"], 9))
         for r in held.to_dict("records")]
    # filing years come sorted, so a second derive (or the other engine) gives the same list
    years = store.run("MATCH (:Organization)-[h:HOLDS_IN]->(:Segment) RETURN h.years AS years")
    assert len(years) and all(list(y) == sorted(y) for y in years["years"])


def test_a_new_owner_shows_after_derive_runs_again(store: GraphStore) -> None:
    build_fixture_graph(store)
    before = {r["segment_id"]: r for r in answer(store, "landscape.chain_map", park_id=PARK)}
    outsider = store.run("MATCH (p:Patent)-[:IN_SEGMENT]->(:Segment) "
                         "WHERE NOT (p)<-[:OWNS]-(:Organization {in_park: true}) "
                         "RETURN p.id AS id ORDER BY id LIMIT 1").iloc[0]["id"]
    upsert_relationships(store, "OWNS", "Organization", "Patent",
                         [{"src": "org:xindian", "dst": outsider}])
    materialise(store, CHAIN)
    after = {r["segment_id"]: r for r in answer(store, "landscape.chain_map", park_id=PARK)}
    grew = [s for s in after
            if after[s]["park_patents_weighted"] > before[s]["park_patents_weighted"]]
    assert grew, "the patent the park firm now owns counts as a park patent"


def test_holder_citations_and_segment_sets_agree_with_the_patents(store: GraphStore) -> None:
    build_fixture_graph(store)
    owners = patent_owners(store)
    expected: dict[tuple[str, str], int] = {}
    for r in store.run("MATCH (p:Patent)-[:CITES]->(c:Patent) "
                       "RETURN p.id AS citing, c.id AS cited").to_dict("records"):
        for a in owners.get(r["citing"], ()):
            for b in owners.get(r["cited"], set()) - {a}:
                expected[(a, b)] = expected.get((a, b), 0) + 1
    held = store.run("MATCH (a:Organization)-[x:CITES_HOLDER]->(b:Organization) "
                     "RETURN a.id AS a, b.id AS b, x.citations AS n")
    assert expected and {(r["a"], r["b"]): int(r["n"]) for r in held.to_dict("records")} == expected

    # one hop at a time, so no engine's multi-hop planning is trusted by the check
    segments: dict[tuple[str, str], set[str]] = {}
    for r in store.run("MATCH (p:Patent)-[:IN_SEGMENT]->(s:Segment) "
                       "RETURN p.id AS patent, s.id AS segment").to_dict("records"):
        for org in owners.get(r["patent"], ()):
            segments.setdefault((org, r["patent"]), set()).add(r["segment"])
    orgs = store.run("MATCH (o:Organization) WHERE o.segment_set_patents IS NOT NULL "
                     "RETURN o.id AS org, o.patents AS patents, o.segment_set_members AS m, "
                     "o.segment_set_starts AS s, o.segment_set_ends AS e, "
                     "o.segment_set_patents AS n")
    assert len(orgs) == len({org for org, _ in segments})
    for r in orgs.to_dict("records"):
        sets = [frozenset(r["m"][s:e]) for s, e in zip(r["s"], r["e"], strict=True)]
        mine = [segs for (org, _), segs in segments.items() if org == r["org"]]
        assert dict(zip(sets, map(int, r["n"]), strict=True)) == \
            {frozenset(s): sum(1 for m in mine if m == s) for s in mine}
        assert int(r["patents"]) >= len(mine)


def test_class_holdings_agree_with_the_patents(store: GraphStore) -> None:
    build_fixture_graph(store)
    derive_segment_membership(store, CHAIN)
    # one hop at a time, counted in Python, so no engine's multi-hop planning is trusted
    owners = patent_owners(store)
    expected: dict[tuple[str, str], int] = {}
    for r in store.run("MATCH (p:Patent)-[:CLASSIFIED_AS]->(c:CPC) "
                       "RETURN p.id AS patent, c.code AS code").to_dict("records"):
        for org in owners.get(r["patent"], ()):
            expected[(org, r["code"])] = expected.get((org, r["code"]), 0) + 1
    held = store.run("MATCH (o:Organization)-[h:HOLDS_CLASS]->(c:CPC) "
                     "RETURN o.id AS org, c.code AS code, h.patents AS n")
    assert expected and {(r["org"], r["code"]): int(r["n"])
                         for r in held.to_dict("records")} == expected
    # a second derive replaces the edges instead of adding to them
    derive_segment_membership(store, CHAIN)
    again = store.run("MATCH (:Organization)-[h:HOLDS_CLASS]->(:CPC) RETURN count(h) AS n")
    assert int(again.iloc[0]["n"]) == len(expected)


def test_holdings_outside_the_park_agree_with_the_patents(store: GraphStore) -> None:
    build_fixture_graph(store)
    # one hop at a time, worked out in Python: per holder and segment, its patents there with
    # no owner in the park, and the owner countries every one of those patents has
    owners = patent_owners(store)
    orgs = {r["id"]: r for r in store.run(
        "MATCH (o:Organization) RETURN o.id AS id, o.in_park AS in_park, o.country AS country"
    ).to_dict("records")}
    expected: dict[tuple[str, str], tuple[int, set[str] | None]] = {}
    for r in store.run("MATCH (p:Patent)-[:IN_SEGMENT]->(s:Segment) "
                       "RETURN p.id AS patent, s.id AS segment").to_dict("records"):
        mine = owners.get(r["patent"], set())
        outside = not any(orgs[o]["in_park"] is True for o in mine)
        countries = {orgs[o]["country"] for o in mine if orgs[o]["country"] is not None}
        for org in mine:
            n, common = expected.get((org, r["segment"]), (0, None))
            if outside:
                n, common = n + 1, countries if common is None else common & countries
            expected[(org, r["segment"])] = (n, common)
    held = store.run("MATCH (o:Organization)-[h:HOLDS_IN]->(s:Segment) "
                     "RETURN o.id AS org, s.id AS segment, h.outside_patents AS n, "
                     "h.outside_countries AS countries")
    got = {(r["org"], r["segment"]): (int(r["n"]), None if r["countries"] is None
                                      else set(r["countries"]))
           for r in held.to_dict("records")}
    assert got == expected
    # the fixture has holders of both kinds: co-owned with a park firm, and outside alone
    assert any(n == 0 for n, _ in got.values()) and any(n > 0 for n, _ in got.values())
