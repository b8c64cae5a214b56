"""The industry data sets in ../shared/data loaded on both real backends.

Expected counts are computed from the files here, never written down; each set is loaded
twice and must give the same graph. The full ChainKG load runs on FalkorDB only (`slow`);
both backends load a slice of it.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from innochain.graph.falkordb_store import FalkorDBStore
from innochain.graph.store import GraphStore
from innochain.graph.writes import upsert_nodes
from innochain.loaders import apple_suppliers, cec_pv, chainkg, ickg, pv_litigation, pv_supply_links
from innochain.loaders.load_run import LoadReport, run_load
from innochain.loaders.organization_ids import organization_key
from innochain.loaders.party_names import split_parties
from innochain.loaders.publication_numbers import parse_publication_number
from innochain.loaders.records import Record

pytestmark = pytest.mark.shared_data


def _count(store: GraphStore, pattern: str) -> int:
    frame = store.run(f"MATCH {pattern} RETURN count(*) AS n", read_only=True)
    return int(frame["n"].iloc[0])


def _load_twice(store: GraphStore, kind: str, make: object, files: list[Path],
                counts: dict[str, int]) -> LoadReport:
    """Load, check counts, load again, check the same counts; returns the first report."""
    reports = []
    for _ in range(2):
        records: Iterator[Record] = make()  # type: ignore[operator]
        reports.append(run_load(store, kind, records, files=[str(f) for f in files]))
        assert {p: _count(store, p) for p in counts} == counts
    print(f"\n{kind} on {type(store).__name__}: {reports[0].summary()}")
    return reports[0]


def test_cec_pv(store: GraphStore, shared_data: Path) -> None:
    files = sorted((shared_data / "pv-products").glob("*.csv"))
    names = {(f.name, row[0]) for f in files
             for row in list(csv.reader(f.open(encoding="utf-8")))[3:] if row}
    upsert_nodes(store, "Segment", [{"key": s, "props": {"chain": "pv"}}
                                    for s in ("pv:module", "pv:inverter")])
    report = _load_twice(store, cec_pv.KIND, lambda: cec_pv.records(files), files, {
        "(p:Product)": len(names), "(:Organization)-[:MAKES]->(:Product)": len(names),
        "(:Product)-[:IN_SEGMENT]->(:Segment)": len(names)})
    assert report.rows_read == len(names) and report.rows_rejected == 0


def test_pv_supply_links(store: GraphStore, shared_data: Path) -> None:
    path = shared_data / "pv-supply-links" / "supply_links.csv"
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    pairs = {(row["relation_type"] == "joint_venture", organization_key(s.name),
              organization_key(c.name)) for row in rows
             for s in split_parties(row["supplier"]) for c in split_parties(row["customer"])}
    firms = {organization_key(p.name) for row in rows for col in ("supplier", "customer")
             for p in split_parties(row[col])}
    report = _load_twice(store, pv_supply_links.KIND,
                         lambda: pv_supply_links.records([path], chain=None), [path], {
        "(:Organization)": len(firms),
        "(:Organization)-[:SUPPLIES]->(:Organization)": sum(1 for p in pairs if not p[0]),
        "(:Organization)-[:JOINT_VENTURE]->(:Organization)": sum(1 for p in pairs if p[0])})
    assert (report.rows_read, report.rows_rejected) == (len(rows), 0)


def test_pv_litigation(store: GraphStore, shared_data: Path) -> None:
    path = shared_data / "pv-litigation" / "cases.csv"
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    numbers = [parse_publication_number(n) for row in rows
               for n in pv_litigation.asserted_numbers(row["asserted_patents"])]
    bases = {(n.country, n.number) for n in numbers}  # one patent with and without kind
    parties = {(organization_key(p.name), row["case_id"], col) for row in rows
               for col in ("plaintiff", "defendants") for p in split_parties(row[col])}
    report = _load_twice(store, pv_litigation.KIND, lambda: pv_litigation.records([path]),
                         [path], {"(:Case)": len(rows), "(:Patent)": len(bases),
                                  "(:Organization)-[:PARTY_TO]->(:Case)": len(parties)})
    assert (report.rows_read, report.rows_rejected) == (len(rows), 0)


def test_apple_suppliers(store: GraphStore, shared_data: Path) -> None:
    path = shared_data / "apple-suppliers" / "apple-supplier-list.csv"
    rows = list(csv.DictReader(path.open(encoding="utf-8-sig")))
    keys = {organization_key(row["supplier_name"]) for row in rows}
    apple = organization_key(apple_suppliers.APPLE_NAME)
    report = _load_twice(store, apple_suppliers.KIND, lambda: apple_suppliers.records([path]),
                         [path], {"(:Organization)": len(keys | {apple}),
                                  "(:Organization)-[:SUPPLIES]->(:Organization)":
                                  len(keys - {apple})})
    assert (report.rows_read, report.rows_rejected) == (len(rows), 0)


def test_ickg(store: GraphStore, shared_data: Path) -> None:
    folder = shared_data / "ickg-subset"
    quads = ickg.read_quadruples(folder)
    kinds = ickg.entity_kinds(quads)
    entity_lines = (folder / "entity2id.txt").read_text(encoding="utf-8").splitlines()
    untyped = [line for line in entity_lines if line.split("\t")[0] not in kinds]
    industries = {n for n, k in kinds.items() if k == "industry"}
    orgs = {organization_key(n) for n, k in kinds.items() if k in ("firm", "institute")}
    report = _load_twice(store, ickg.KIND, lambda: ickg.records([folder]), [folder], {
        "(:Industry)": len(industries), "(:Organization)": len(orgs),
        "(:Patent)": sum(1 for k in kinds.values() if k == "patent")})
    assert report.rows_read == len(quads) + len(untyped)
    assert (report.rows_rejected - len(untyped)
            == sum(1 for q in quads if ickg.node_key(q.head, kinds[q.head])
                   == ickg.node_key(q.tail, kinds[q.tail])))


def _chainkg_slice(source: Path, target: Path, lines: int) -> None:
    """The first `lines` lines of each file (company.json whole, as the links need it)."""
    for name in chainkg.FILE_ORDER:
        text = (source / name).read_text(encoding="utf-8").splitlines(keepends=True)
        (target / name).write_text("".join(text if name == "company.json" else text[:lines]),
                                   encoding="utf-8")


def _chainkg_expected(folder: Path) -> dict[str, int]:
    def rows(name: str) -> list[dict]:
        return [json.loads(line) for line in (folder / name).open(encoding="utf-8")
                if line.strip()]
    products = {r["name"].strip() for r in rows("product.json")}
    keys = chainkg.company_keys(folder / "company.json")
    makes = {(keys[chainkg.stock_code(r["company_code"])], r["product_name"].strip())
             for r in rows("company_product.json")
             if chainkg.stock_code(r["company_code"]) in keys
             and r["product_name"].strip() in products}
    return {"(:Product)": len(products), "(:Industry)": len(rows("industry.json")),
            "(:Organization)": len(set(keys.values())),
            "(:Organization)-[:MAKES]->(:Product)": len(makes)}


def test_chainkg_slice(store: GraphStore, shared_data: Path, tmp_path: Path) -> None:
    _chainkg_slice(shared_data / "chainkg", tmp_path, 3_000)
    _load_twice(store, chainkg.KIND, lambda: chainkg.records([tmp_path]), [tmp_path],
                _chainkg_expected(tmp_path))


@pytest.mark.slow
@pytest.mark.falkordb
def test_chainkg_full_on_falkordb(falkordb_store: FalkorDBStore, shared_data: Path) -> None:
    folder = shared_data / "chainkg"
    _load_twice(falkordb_store, chainkg.KIND, lambda: chainkg.records([folder]), [folder],
                _chainkg_expected(folder))
