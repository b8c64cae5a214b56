"""The PV chain template as records: namespaced ids, FEEDS, USES, MAPS_TO to class nodes."""

from __future__ import annotations

from pathlib import Path

from innochain.loaders.chain_loader import load_chain
from innochain.loaders.chain_template import load_chain_template
from innochain.loaders.load_context import LoadContext
from innochain.loaders.load_run import run_load
from innochain.loaders.records import EdgeRecord, NodeRecord

PV = Path(__file__).resolve().parents[3] / "seed_data" / "chains" / "pv.yaml"


def test_pv_template_records() -> None:
    template = load_chain_template(PV)
    records = list(load_chain([PV], LoadContext()))
    report = run_load(None, "chain", records, files=[str(PV)], dry_run=True)
    assert report.rows_rejected == 0
    labels = [r.label for r in records if isinstance(r, NodeRecord)]
    assert labels.count("Segment") == len(template.segments)
    assert labels.count("Technology") == len(template.technologies)
    edges = [r for r in records if isinstance(r, EdgeRecord)]
    assert {(e.src, e.dst) for e in edges if e.rel == "FEEDS"} == {
        (f"pv:{a}", f"pv:{b}") for a, b in template.feeds_edges()}
    maps_to = {(e.src, e.dst) for e in edges if e.rel == "MAPS_TO"}
    assert maps_to == {(f"pv:{t.id}", p) for t in template.technologies.values()
                       for p in t.patterns}
    uses = {(e.src, e.dst) for e in edges if e.rel == "USES"}
    assert uses == {(f"pv:{s}", f"pv:{t.id}") for t in template.technologies.values()
                    for s in t.segments}
