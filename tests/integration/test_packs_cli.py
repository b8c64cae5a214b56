"""`innochain query` end to end against the embedded FalkorDB holding the fixture park."""

from __future__ import annotations

import json
import uuid
from pathlib import Path

import pytest
from click.testing import CliRunner

from innochain.cli import cli
from innochain.graph.falkordb_store import FalkorDBStore
from tests.fixture_graph import build_fixture_graph


@pytest.mark.falkordb
def test_query_through_a_uri(falkordb_dir: Path) -> None:
    graph = f"t_{uuid.uuid4().hex[:12]}"
    uri = f"falkordb://{falkordb_dir}?graph={graph}"
    store = FalkorDBStore(uri, data_dir=falkordb_dir, graph=graph)
    try:
        build_fixture_graph(store)
        result = CliRunner().invoke(cli, ["query", "layout.attract_firms", "-p",
                                          "park_id=park:demo", "-p", "segment_id=fx:cell",
                                          "--format", "json", "--uri", uri])
        assert result.exit_code == 0, result.output
        rows = json.loads(result.stdout)
        # scored: Solaris 0.35 + 0.2 * 3/6.5 + 0.25 ahead of Solaris Europe
        assert [r["firm_id"] for r in rows] == ["org:solaris", "org:solaris_eu"]
        assert rows[0]["score"] == pytest.approx(0.35 + 0.2 * 3 / 6.5 + 0.25)
        assert rows[0]["evidence_park_citations"] == \
            "被园区专利引用 3 次 / cited 3 times by park patents"
        missing = CliRunner().invoke(cli, ["query", "layout.attract_firms", "-p",
                                           "park_id=park:demo", "-p", "segment_id=fx:cel",
                                           "--uri", uri])
        assert missing.exit_code == 1
        assert "no Segment with id 'fx:cel' in the graph (did you mean fx:cell?)" in missing.output
    finally:
        store.clear()
        store.close()
