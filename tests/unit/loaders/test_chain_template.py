"""Chain template parsing, validation messages and the patent -> segment mapping."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from innochain.errors import LoadError
from innochain.loaders.chain_matching import match_segments, match_technologies
from innochain.loaders.chain_template import ChainTemplate, find_cycle, load_chain_template

ROOT = Path(__file__).resolve().parents[3]
PV_TEMPLATE = ROOT / "seed_data" / "chains" / "pv.yaml"

HEAD = """\
id: demo
name_zh: 演示链
name_en: Demo chain
version: "1"
sources:
  - id: ipc
    title: IPC titles
    url: https://www.wipo.int/classifications/ipc/en/
"""

GOOD = HEAD + """\
segments:
  - {id: wafer, name_zh: 硅片, name_en: Wafers, stage: upstream, order: 1, feeds: [cell]}
  - {id: cell, name_zh: 电池片, name_en: Cells, stage: midstream, order: 2, feeds: [module]}
  - {id: module, name_zh: 组件, name_en: Modules, stage: midstream, order: 3, feeds: []}
  - {id: paste, name_zh: 银浆, name_en: Paste, stage: materials, order: 2, feeds: [cell]}
technologies:
  - id: topcon
    name_zh: TOPCon
    name_en: TOPCon
    segment: cell
    ipc: [H01L31/068, "H01L 31/0216"]
    keywords: {zh: [隧穿氧化层], en: [tunnel oxide]}
    mapping_source: IPC titles
  - id: electrodes
    name_zh: 电极
    name_en: Electrodes
    segment: paste
    ipc: [H01L0031022400]
    mapping_source: IPC titles
  - id: cell_electrodes
    name_zh: 电池电极
    name_en: Cell electrodes
    segment: cell
    ipc: [H01L31/0224]
    mapping_source: IPC titles
  - id: modules
    name_zh: 组件
    name_en: Modules
    segment: module
    ipc: [H01L31/042]
    cpc: [Y02E10/50]
    mapping_source: IPC titles
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "chain.yaml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def load_error(tmp_path: Path, text: str) -> str:
    with pytest.raises(LoadError) as info:
        load_chain_template(write(tmp_path, text))
    return str(info.value)


@pytest.fixture
def demo(tmp_path: Path) -> ChainTemplate:
    return load_chain_template(write(tmp_path, GOOD))


def test_good_template_loads_with_canonical_patterns(demo: ChainTemplate) -> None:
    assert list(demo.segments) == ["wafer", "cell", "module", "paste"]
    assert demo.technologies["topcon"].ipc == ("H01L31/068", "H01L31/0216")
    assert demo.technologies["electrodes"].ipc == ("H01L31/0224",)
    assert demo.technologies["topcon"].keywords_zh == ("隧穿氧化层",)
    assert ("wafer", "cell") in demo.feeds_edges()
    assert [t.id for t in demo.technologies_of("cell")] == ["topcon", "cell_electrodes"]


def test_duplicate_segment_id(tmp_path: Path) -> None:
    text = GOOD.replace("{id: paste,", "{id: cell,")
    message = load_error(tmp_path, text)
    assert "duplicate segment id 'cell'" in message
    assert "chain.yaml:" in message  # file:line style


def test_unknown_feeds_target(tmp_path: Path) -> None:
    message = load_error(tmp_path, GOOD.replace("feeds: [module]}", "feeds: [modul]}"))
    assert "feeds unknown segment 'modul'" in message
    assert "chain.yaml:11:" in message  # the line of the 'cell' segment


def test_cycle_in_feeds(tmp_path: Path) -> None:
    message = load_error(tmp_path, GOOD.replace("order: 3, feeds: []", "order: 3, feeds: [wafer]"))
    assert "FEEDS has a cycle" in message
    assert "wafer -> cell -> module -> wafer" in message


def test_technology_names_unknown_segment(tmp_path: Path) -> None:
    message = load_error(tmp_path, GOOD.replace("segment: module", "segment: modules_x"))
    assert "technology 'modules' names unknown segment 'modules_x'" in message


def test_malformed_pattern_and_unknown_field(tmp_path: Path) -> None:
    text = GOOD.replace("ipc: [H01L31/042]", "ipc: [H01L31/042, 31/05]\n    ipcc: [H02S]")
    message = load_error(tmp_path, text)
    assert "bad ipc pattern" in message and "'31/05'" in message
    assert "unknown field 'ipcc'" in message
    assert "2 problem(s)" in message  # every problem reported in one go


def test_duplicate_yaml_key(tmp_path: Path) -> None:
    message = load_error(tmp_path, GOOD.replace('version: "1"', 'version: "1"\nversion: "2"'))
    assert "duplicate key 'version'" in message


def test_bad_stage_and_order(tmp_path: Path) -> None:
    text = GOOD.replace("stage: upstream, order: 1", "stage: up, order: first")
    message = load_error(tmp_path, text)
    assert "stage 'up' is not one of" in message
    assert "'order' must be an integer" in message


def test_invalid_yaml_names_the_line(tmp_path: Path) -> None:
    message = load_error(tmp_path, HEAD + "segments: [\n  - x\n")
    assert "not valid YAML" in message and "chain.yaml:" in message


def test_missing_file() -> None:
    with pytest.raises(LoadError, match="cannot read chain template"):
        load_chain_template("/nonexistent/chain.yaml")


def test_topcon_code_maps_to_cell(demo: ChainTemplate) -> None:
    assert match_segments(demo, ["H01L 31/0687"]) == {"cell": 1.0}
    assert match_technologies(demo, ["H01L0031068000"]) == ["topcon"]


def test_code_in_two_segments_splits_evenly(demo: ChainTemplate) -> None:
    # H01L31/0224 is used by 'electrodes' (paste) and 'cell_electrodes' (cell).
    assert match_segments(demo, ["H01L31/0224"]) == {"cell": 0.5, "paste": 0.5}


def test_codes_across_segments_sum_to_one(demo: ChainTemplate) -> None:
    shares = match_segments(demo, ["H01L31/068", "H01L31/042", "Y02E10/50", "not a code"])
    assert shares == {"cell": 0.5, "module": 0.5}
    assert sum(shares.values()) == pytest.approx(1.0)


def test_unrelated_code_maps_to_nothing(demo: ChainTemplate) -> None:
    assert match_segments(demo, ["A01B1/02", "G06F16/00"]) == {}
    assert match_segments(demo, []) == {}


def test_find_cycle() -> None:
    assert find_cycle({"a": ["b"], "b": ["c"], "c": []}) == []
    assert find_cycle({"a": ["b", "c"], "b": ["d"], "c": ["d"], "d": []}) == []  # a diamond
    assert find_cycle({"a": ["a"]}) == ["a", "a"]
    assert find_cycle({"x": [], "a": ["b"], "b": ["c"], "c": ["b"]}) == ["b", "c", "b"]


# --- the real PV template (no shared data needed) ----------------------------------------


def test_pv_template_loads() -> None:
    pv = load_chain_template(PV_TEMPLATE)
    assert pv.id == "pv"
    assert len(pv.segments) >= 12
    graph = {s.id: list(s.feeds) for s in pv.segments.values()}
    assert find_cycle(graph) == []
    stages = {s.stage for s in pv.segments.values()}
    assert stages == {"upstream", "midstream", "downstream", "equipment", "materials"}
    for needed in ("polysilicon", "ingot_wafer", "cell", "module", "encapsulant", "pv_glass",
                   "backsheet", "frame", "ribbon", "inverter", "storage", "mounting_tracker",
                   "plant_epc", "crystal_furnace", "screen_printer", "silver_paste",
                   "sputtering_target"):
        assert needed in pv.segments
    for tech in ("perc", "topcon", "hjt", "ibc", "perovskite", "tandem"):
        assert pv.technologies[tech].segments == ("cell",)
    every_tech_used = {s for t in pv.technologies.values() for s in t.segments}
    assert every_tech_used == set(pv.segments)  # no segment without a technology
    assert all(t.mapping_source for t in pv.technologies.values())


def test_pv_template_maps_real_codes() -> None:
    pv = load_chain_template(PV_TEMPLATE)
    assert match_segments(pv, ["H01L31/0747"]) == {"cell": 1.0}
    assert match_segments(pv, ["C01B33/035"]) == {"polysilicon": 1.0}
    assert match_segments(pv, ["H02S40/34"]) == {"junction_box": 1.0}
    assert match_segments(pv, ["H10K85/50"]) == {"cell": 1.0}  # IPC 2023 perovskite code
    assert match_segments(pv, ["G06F16/00"]) == {}
