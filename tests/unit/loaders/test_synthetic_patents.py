"""The synthetic portfolio generator: seeded, marked as synthetic, shaped by the chain."""

from __future__ import annotations

from pathlib import Path

import pytest

from innochain.loaders.chain_template import ChainTemplate, load_chain_template
from innochain.loaders.records import EdgeRecord, NodeRecord
from innochain.loaders.synthetic_patents import (
    SOURCE,
    generate_portfolio,
    power_law_holders,
    supply_links,
)

PV = Path(__file__).resolve().parents[3] / "seed_data" / "chains" / "pv.yaml"


@pytest.fixture(scope="module")
def template() -> ChainTemplate:
    return load_chain_template(PV)


def _records(template: ChainTemplate, seed: int) -> list[NodeRecord | EdgeRecord]:
    holders = power_law_holders(template, 50, seed=seed)
    return list(generate_portfolio(template, holders, 2_000, seed=seed))  # type: ignore[arg-type]


def test_the_same_seed_gives_the_same_portfolio_and_another_seed_does_not(
        template: ChainTemplate) -> None:
    assert _records(template, 7) == _records(template, 7)
    assert _records(template, 7) != _records(template, 8)


def test_every_generated_record_says_it_is_synthetic(template: ChainTemplate) -> None:
    for rec in _records(template, 1):
        if isinstance(rec, NodeRecord) and rec.label == "Patent":
            assert rec.key.startswith("SYN-") and rec.props["synthetic"] is True
        if isinstance(rec, NodeRecord) and rec.label == "CPC":
            continue  # class nodes are shared with real data and carry no synthetic fact
        assert rec.props.get("source") == SOURCE


def test_classes_come_from_the_template_and_citations_point_backwards(
        template: ChainTemplate) -> None:
    allowed = {c for t in template.technologies.values() for c in (*t.ipc, *t.cpc)}
    records = _records(template, 3)
    order = {r.key: i for i, r in enumerate(records)
             if isinstance(r, NodeRecord) and r.label == "Patent"}
    for rec in records:
        if isinstance(rec, EdgeRecord) and rec.rel == "CLASSIFIED_AS":
            assert rec.dst in allowed
        if isinstance(rec, EdgeRecord) and rec.rel == "CITES":
            assert order[rec.dst] < order[rec.src]


def test_portfolio_sizes_are_skewed_like_real_holdings(template: ChainTemplate) -> None:
    owners = [r.src for r in _records(template, 5)
              if isinstance(r, EdgeRecord) and r.rel == "OWNS" and r.props["sequence"] == 1]
    counts = sorted((owners.count(o) for o in set(owners)), reverse=True)
    assert counts[0] > 5 * counts[len(counts) // 2]  # the top holder dwarfs the median


def test_supply_links_follow_the_chain(template: ChainTemplate) -> None:
    holders = power_law_holders(template, 200, seed=2)
    segs = {h.org_id: set(h.segments) for h in holders}
    links = list(supply_links(template, holders, 1.5, seed=2))
    assert links
    for link in links:
        assert isinstance(link, EdgeRecord)
        feeds = {d for s in segs[link.src] for d in template.segments[s].feeds}
        assert feeds & segs[link.dst]
