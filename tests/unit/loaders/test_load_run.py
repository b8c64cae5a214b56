"""Row accounting of a load run: rows read = loaded + rejected, every reject with a reason."""

from __future__ import annotations

from collections.abc import Iterator

from innochain.loaders.load_run import run_load
from innochain.loaders.records import EdgeRecord, NodeRecord, Origin, Record, Reject


def _records() -> Iterator[Record]:
    yield NodeRecord("Organization", "a", {"name": "A"}, Origin("orgs.csv", 2), role="Firm")
    yield NodeRecord("Organization", "b", {"name": "B"}, Origin("orgs.csv", 3), role="Firm")
    yield NodeRecord("Organization", "a", {"region": "无锡"}, Origin("orgs.csv", 4), role="Firm")
    yield Reject("orgs.csv", 5, "founded", "19x5", "not a year")
    yield EdgeRecord("SUPPLIES", "Organization", "a", "Organization", "b", {},
                     Origin("links.csv", 2))


def test_dry_run_counts_rows_nodes_and_rejects_without_a_store() -> None:
    report = run_load(None, "organizations", _records(), files=["orgs.csv"], dry_run=True,
                      batch_size=10)
    assert (report.rows_read, report.rows_loaded, report.rows_rejected) == (5, 4, 1)
    assert report.nodes == 2 and report.edges == 1
    assert report.rejects == [Reject("orgs.csv", 5, "founded", "19x5", "not a year")]
    assert "would load 4" in report.summary()
