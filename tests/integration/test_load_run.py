"""A load run on real backends: streaming batches, dangling links, idempotence."""

from __future__ import annotations

from collections.abc import Iterator

from innochain.graph.store import GraphStore
from innochain.loaders.load_run import run_load
from innochain.loaders.records import EdgeRecord, NodeRecord, Origin, Record


def _records(n: int) -> Iterator[Record]:
    for i in range(n):
        yield NodeRecord("Organization", f"o{i}", {"name": f"企业{i}"}, Origin("o.csv", i + 2),
                         role="Firm")
    for i in range(n):
        yield EdgeRecord("SUPPLIES", "Organization", f"o{i}", "Organization", f"o{i + 1}",
                         {"since": 2020}, Origin("s.csv", i + 2), field_name="customer")


def test_links_to_unknown_firms_are_rejected_and_a_second_run_changes_nothing(
        store: GraphStore) -> None:
    for _ in range(2):
        report = run_load(store, "test", _records(2_500), files=["o.csv", "s.csv"],
                          batch_size=1_000)
        assert report.rows_read == 5_000 and report.rows_rejected == 1
        [reject] = report.rejects
        assert (reject.file, reject.line, reject.field) == ("s.csv", 2_501, "customer")
        assert "unknown Organization 'o2500'" in reject.reason
        counts = store.run("MATCH (n:Organization) WITH count(n) AS n "
                           "MATCH ()-[r:SUPPLIES]->() RETURN n, count(r) AS r").iloc[0]
        assert (int(counts["n"]), int(counts["r"])) == (2_500, 2_499)
    runs = store.run("MATCH (r:LoadRun) RETURN r.rows_read AS rows_read")
    assert runs["rows_read"].tolist() == [5_000]


def _with_a_paragraph_for_an_id() -> Iterator[Record]:
    """Row 3's id is a paragraph: 5,000 characters crashed FalkorDB 4.16 under its unique
    constraint before such rows were refused."""
    yield NodeRecord("Organization", "o1", {"name": "企业1"}, Origin("o.csv", 2), role="Firm")
    yield NodeRecord("Organization", "据" * 5_000, {"name": "?"}, Origin("o.csv", 3), role="Firm")
    yield NodeRecord("Organization", "o2", {"name": "企业2"}, Origin("o.csv", 4), role="Firm")


def test_an_overlong_id_is_one_reject_and_the_server_keeps_answering(store: GraphStore) -> None:
    for _ in range(2):
        report = run_load(store, "test", _with_a_paragraph_for_an_id(), files=["o.csv"])
        assert [(r.file, r.line) for r in report.rejects] == [("o.csv", 3)]
        names = store.run("MATCH (n:Organization) RETURN n.name AS name ORDER BY name")
        assert names["name"].tolist() == ["企业1", "企业2"]
