"""Row accounting of a load run: rows read = loaded + rejected, every reject with a reason."""

from __future__ import annotations

from collections.abc import Iterator

from innochain.loaders.key_screen import MAX_KEY_LENGTH, screen_keys
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


def _long_key_rows() -> Iterator[Record]:
    long_id = "P" * (MAX_KEY_LENGTH + 1)
    yield NodeRecord("Product", "ok-1", {"name": "ok"}, Origin("products.csv", 2))
    yield NodeRecord("Organization", "maker", {"name": "M"}, Origin("products.csv", 3))
    yield NodeRecord("Product", long_id, {"name": "too long"}, Origin("products.csv", 3))
    yield EdgeRecord("MAKES", "Organization", "maker", "Product", long_id, {},
                     Origin("products.csv", 3), field_name="product_id")
    yield NodeRecord("Product", "P" * MAX_KEY_LENGTH, {}, Origin("products.csv", 4))
    yield EdgeRecord("MAKES", "Organization", "maker", "Product", "ok-1", {},
                     Origin("products.csv", 5))


def test_a_row_with_an_overlong_key_is_one_reject_and_writes_nothing_of_its_row() -> None:
    """The maker named on the refused row 3 is not written either (row 5 then lacks it)."""
    kept = list(screen_keys(_long_key_rows()))
    rejects = [r for r in kept if isinstance(r, Reject)]
    assert [(r.file, r.line) for r in rejects] == [("products.csv", 3)]
    assert "1,001 characters" in rejects[0].reason and len(rejects[0].value) < 100
    keys = [r.key for r in kept if isinstance(r, NodeRecord)]
    assert keys == ["ok-1", "P" * MAX_KEY_LENGTH]  # the limit itself is allowed
    report = run_load(None, "products", _long_key_rows(), files=["products.csv"], dry_run=True)
    assert (report.rows_read, report.rows_rejected) == (4, 1)
