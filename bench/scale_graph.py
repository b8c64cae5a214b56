"""The synthetic graph the scale benchmark loads, the same records for every loader.

100k patents ~ 2,000 holders, 1M ~ 20,000, 5M ~ 100,000 (one holder per 50 patents), each a
`power_law_holders` portfolio from the PV chain template plus `supply_links`, plus one Park
(`park:demo`, the id the query packs give as their example) that the in-park holders are
LOCATED_IN, so the park queries have something to find.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from innochain.loaders.chain_template import ChainTemplate, load_chain_template
from innochain.loaders.records import EdgeRecord, NodeRecord, Origin, Record
from innochain.loaders.synthetic_patents import (
    SOURCE,
    HolderSpec,
    generate_portfolio,
    power_law_holders,
    supply_links,
)

ROOT = Path(__file__).resolve().parents[1]
CHAIN_FILE = ROOT / "seed_data" / "chains" / "pv.yaml"
SIZES = {"100k": 100_000, "1m": 1_000_000, "5m": 5_000_000}
PATENTS_PER_HOLDER = 50
PARK_ID = "park:demo"
SEED = 20250101


@dataclass(frozen=True)
class ScaleSpec:
    """One benchmark size: patents, holders and the template they are drawn from."""

    label: str
    patents: int
    template: ChainTemplate
    holders: list[HolderSpec] = field(repr=False)


def scale_spec(label: str) -> ScaleSpec:
    """The spec of `100k`, `1m` or `5m`."""
    patents = SIZES[label]
    template = load_chain_template(CHAIN_FILE)
    holders = power_law_holders(template, patents // PATENTS_PER_HOLDER, seed=SEED)
    return ScaleSpec(label, patents, template, holders)


def park_records(spec: ScaleSpec) -> Iterator[Record]:
    """The demo park (chain pv, country CN) and LOCATED_IN from each in-park holder."""
    origin = Origin(f"<{SOURCE} park>", 1)
    yield NodeRecord("Park", PARK_ID, {"name": "示范园区", "name_en": "Demo park",
                                        "country": "CN", "chain": spec.template.id,
                                        "source": SOURCE, "synthetic": True}, origin)
    for h in spec.holders:
        if h.in_park:
            yield EdgeRecord("LOCATED_IN", "Organization", h.org_id, "Park", PARK_ID,
                             {"source": SOURCE}, origin)


def scale_records(spec: ScaleSpec) -> Iterator[Record]:
    """Every record of the benchmark graph, nodes before the relationships that need them."""
    yield from generate_portfolio(spec.template, spec.holders, spec.patents, seed=SEED)
    yield from supply_links(spec.template, spec.holders, per_holder=3.0, seed=SEED + 1)
    yield from park_records(spec)


@dataclass
class GraphCount:
    """Distinct nodes and relationships the records make, and how long generating them took."""

    nodes: int = 0
    edges: int = 0
    generate_seconds: float = 0.0

    @property
    def rows(self) -> int:
        """The row count every load rate is divided by (the same for every loader)."""
        return self.nodes + self.edges


def count_records(spec: ScaleSpec) -> GraphCount:
    """Generate every record once without writing: the graph's size and the generator's cost."""
    seen: set[tuple[str, str]] = set()
    out = GraphCount()
    started = time.perf_counter()
    for rec in scale_records(spec):
        if isinstance(rec, NodeRecord):
            seen.add((rec.label, rec.key))
        elif isinstance(rec, EdgeRecord):
            out.edges += 1  # the generator never repeats a relationship
    out.nodes = len(seen)
    out.generate_seconds = time.perf_counter() - started
    return out
