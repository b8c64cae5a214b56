"""What the demo park needs from the loaders: parks and LOCATED_IN, IPC titles, synthetic
patent ids in templates, and portfolios of exact sizes numbered in blocks."""

from __future__ import annotations

from pathlib import Path

from innochain.loaders.agency_loaders import load_licences, load_organizations, load_parks
from innochain.loaders.chain_template import load_chain_template
from innochain.loaders.ipc_scheme import load_ipc_titles
from innochain.loaders.load_context import LoadContext
from innochain.loaders.records import EdgeRecord, NodeRecord
from innochain.loaders.synthetic_patents import HolderSpec, generate_sized_portfolios

ROOT = Path(__file__).resolve().parents[3]
PARK = ROOT / "seed_data" / "park"


def test_parks_template_gives_park_nodes() -> None:
    nodes = [r for r in load_parks([PARK / "parks.csv"], LoadContext())
             if isinstance(r, NodeRecord)]
    assert [(n.label, n.key, n.props["chain"], n.props["country"]) for n in nodes] == [
        ("Park", "park:pv-demo", "pv", "CN")]


def test_organisations_link_to_a_loaded_park_only() -> None:
    path = [PARK / "organizations.csv"]
    without = list(load_organizations(path, LoadContext()))
    with_park = list(load_organizations(path, LoadContext(parks=("park:pv-demo",))))
    assert not [r for r in without if isinstance(r, EdgeRecord)]
    located = [r for r in with_park if isinstance(r, EdgeRecord)]
    assert {r.rel for r in located} == {"LOCATED_IN"} and len(located) == 7
    deneng = next(r for r in with_park if isinstance(r, NodeRecord) and r.key == "org:deneng")
    assert deneng.props["note"] == "fictional-demo" and deneng.props["park"] == "park:pv-demo"


def test_licences_may_name_synthetic_patents() -> None:
    edges = [r for r in load_licences([PARK / "licences.csv"], LoadContext())
             if isinstance(r, EdgeRecord)]
    assert edges and all(e.props["patent"].startswith("SYN-CN-") for e in edges)


def test_ipc_titles_table_gives_titled_ipc_nodes_with_parents() -> None:
    records = list(load_ipc_titles([ROOT / "seed_data/reference/ipc_pv_titles.csv"],
                                   LoadContext()))
    titled = {r.key: r.props for r in records if isinstance(r, NodeRecord) and
              r.props.get("title")}
    assert titled["H01L31/00"]["scheme"] == "ipc" and titled["H01L31/00"]["level"] == "group"
    assert titled["H02S"]["title"].startswith("GENERATION OF ELECTRIC POWER")
    assert any(isinstance(r, EdgeRecord) and r.rel == "CHILD_OF" for r in records)


def test_sized_portfolios_number_each_holder_in_one_block() -> None:
    template = load_chain_template(ROOT / "seed_data" / "chains" / "pv.yaml")
    holders = [HolderSpec(f"org:h{i}", f"H{i}", "CN", ["cell"], emit_node=False)
               for i in range(3)]
    records = list(generate_sized_portfolios(template, holders, [4, 2, 3], seed=7))
    owners = {r.dst: r.src for r in records if isinstance(r, EdgeRecord) and r.rel == "OWNS"
              and r.props["sequence"] == 1}
    assert sorted(owners) == [f"SYN-CN-{n:09d}" for n in range(9)]
    assert [owners[f"SYN-CN-{n:09d}"] for n in range(9)] == ["org:h0"] * 4 + ["org:h1"] * 2 \
        + ["org:h2"] * 3
    assert records == list(generate_sized_portfolios(template, holders, [4, 2, 3], seed=7))
