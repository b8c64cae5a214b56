"""The PatentsView sample loads completely: every count in the graph equals the files'."""

from __future__ import annotations

import csv
import time
from pathlib import Path

import pytest

from innochain.graph.store import GraphStore
from innochain.loaders.ipc_symbols import normalize_symbol
from innochain.loaders.load_files import load_files
from innochain.loaders.organization_ids import organization_key
from tests.graph_checksum import node_counts, rel_counts, run_test_query

pytestmark = pytest.mark.shared_data


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def _expected(folder: Path) -> dict[str, int]:
    """The counts a complete load must give, computed from the files alone."""
    patents = _rows(folder / "nvidia_patent.csv")
    cpc = _rows(folder / "nvidia_cpc.csv")
    inventors = _rows(folder / "nvidia_inventor.csv")
    assignees = _rows(folder / "nvidia_assignee.csv")
    files = [p for p in folder.iterdir() if p.suffix == ".csv"]
    return {
        "rows": sum(len(_rows(p)) for p in files),
        "Patent": len({r["patent_id"] for r in patents}),
        "CLASSIFIED_AS": len({(r["patent_id"], normalize_symbol(r["cpc_group"])) for r in cpc}),
        "main": len({r["patent_id"] for r in cpc if r["cpc_sequence"] == "0"}),
        "classes": len({normalize_symbol(r["cpc_group"]) for r in cpc}),
        "INVENTED": len({(r["patent_id"], r["inventor_id"]) for r in inventors}),
        "Person": len({r["inventor_id"] for r in inventors}),
        "OWNS": len({(r["patent_id"], organization_key(r["disambig_assignee_organization"]))
                     for r in assignees}),
        "Organization": len({r["assignee_id"] for r in assignees}),
    }


def test_patentsview_sample_counts_equal_the_files(store: GraphStore, shared_data: Path) -> None:
    folder = shared_data / "patentsview-sample"
    expected = _expected(folder)
    started = time.monotonic()
    report = load_files(store, "patentsview", [folder]).report
    seconds = time.monotonic() - started
    print(f"\n{store.backend}: {report.rows_read} rows in {seconds:.1f} s "
          f"({report.rows_read / seconds:,.0f} rows/s)")

    assert report.rows_rejected == 0, report.rejects[:3]
    assert report.rows_read == expected["rows"] == report.rows_loaded
    nodes, rels = node_counts(store), rel_counts(store)
    assert nodes["Patent"] == expected["Patent"]
    assert nodes["Person"] == expected["Person"]
    assert nodes["Organization"] == expected["Organization"]
    assert rels["CLASSIFIED_AS"] == expected["CLASSIFIED_AS"]
    assert rels["INVENTED"] == expected["INVENTED"]
    assert rels["OWNS"] == expected["OWNS"]
    # every class is a node, with its ancestors above it (subclass, class, section)
    assert nodes["CPC"] > expected["classes"]
    assert rels["CHILD_OF"] == nodes["CPC"] - len(run_test_query(store, "cpc_sections"))
    assert int(run_test_query(store, "main_classifications")[0]["n"]) == expected["main"]
