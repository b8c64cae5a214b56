"""Entity resolution must not move rows between nodes when the same files are loaded again."""

from __future__ import annotations

from pathlib import Path

from innochain.graph.falkordb_store import FalkorDBStore
from innochain.loaders.load_files import load_files
from tests.graph_checksum import graph_checksum

CEC = sorted((Path(__file__).resolve().parents[2] / "seed_data" / "reference" / "pv-products")
             .glob("*.csv"))


def test_loading_the_cec_makers_again_gives_the_same_graph(
        falkordb_store: FalkorDBStore) -> None:
    first = load_files(falkordb_store, "cec-pv", CEC)
    assert first.resolution is not None and first.resolution.merged > 0  # spellings do join
    checksums = [graph_checksum(falkordb_store)]
    for _ in range(2):
        load_files(falkordb_store, "cec-pv", CEC)
        checksums.append(graph_checksum(falkordb_store))
    assert checksums[0] == checksums[1] == checksums[2]
