"""CEC module and inverter lists: maker split, product properties, rejects."""

from __future__ import annotations

from pathlib import Path

from innochain.loaders import cec_pv
from innochain.loaders.load_run import run_load
from innochain.loaders.records import EdgeRecord, NodeRecord, Reject

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "cec-pv"
FILES = [FIXTURES / "modules.csv", FIXTURES / "inverters.csv"]


def _records(chain: str | None = "pv") -> list:
    return list(cec_pv.records(FILES, chain=chain))


def test_makers_are_split_from_module_names() -> None:
    makers = cec_pv.module_makers(["Trina Solar TSM-250PA05", "Solar Liberty SLX 265 USMD",
                                   "Solar Liberty SL-250", "Conergy Conergy P 250",
                                   "Jinko Solar Co., Ltd JKM300M-60"])
    assert makers["Trina Solar TSM-250PA05"] == "Trina Solar"
    assert makers["Solar Liberty SLX 265 USMD"] == "Solar Liberty"
    assert makers["Conergy Conergy P 250"] == "Conergy"
    assert makers["Jinko Solar Co., Ltd JKM300M-60"] == "Jinko Solar Co., Ltd"


def test_products_carry_technology_bifacial_and_power() -> None:
    products = {r.key: r.props for r in _records() if isinstance(r, NodeRecord)
                and r.label == "Product"}
    bifacial = products["cec-module:Trina Solar TSM-300DEG14C.07(II)"]
    assert bifacial["technology"] == "Mono-c-Si" and bifacial["bifacial"] is True
    assert bifacial["power_w"] == 300.0 and bifacial["model"] == "TSM-300DEG14C.07(II)"
    inverter = products["cec-inverter:Ningbo Ginlong Technologies Co - Ltd : Solis-5K-2G-US [240V]"]
    assert inverter["power_w"] == 5000.0 and inverter["model"] == "Solis-5K-2G-US [240V]"
    assert len(products) == 9  # 6 good module rows + 3 good inverter rows


def test_sam_commas_and_known_maker_country() -> None:
    orgs = {r.props["name"]: r.props for r in _records() if isinstance(r, NodeRecord)
            and r.label == "Organization"}
    assert orgs["First Solar, Inc."]["country"] == "US"
    assert orgs["Trina Solar"]["country"] == "CN"
    assert "country" not in orgs["Solar Liberty"]


def test_segment_links_only_with_a_chain() -> None:
    assert {r.dst for r in _records() if isinstance(r, EdgeRecord)
            and r.rel == "IN_SEGMENT"} == {"pv:module", "pv:inverter"}
    assert not [r for r in _records(None) if isinstance(r, EdgeRecord) and r.rel == "IN_SEGMENT"]


def test_bad_rows_are_rejected_with_line_field_and_reason() -> None:
    rejects = {(Path(r.file).name, r.line, r.field) for r in _records()
               if isinstance(r, Reject)}
    assert rejects == {("modules.csv", 10, "Technology"), ("modules.csv", 11, "STC"),
                       ("modules.csv", 12, "Name"), ("inverters.csv", 7, "Name"),
                       ("inverters.csv", 8, "Paco")}
    report = run_load(None, cec_pv.KIND, _records(), files=[str(f) for f in FILES],
                      dry_run=True)
    assert (report.rows_read, report.rows_rejected) == (14, 5)
