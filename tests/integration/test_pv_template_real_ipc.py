"""The PV chain template against the real WIPO IPC file and the project's copied IPC titles."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from innochain.loaders.chain_template import load_chain_template
from innochain.loaders.ipc_symbols import ancestors, ipc_level, symbol_to_wipo14

ROOT = Path(__file__).resolve().parents[2]
PV_TEMPLATE = ROOT / "seed_data" / "chains" / "pv.yaml"
PV_TITLES = ROOT / "seed_data" / "reference" / "ipc_pv_titles.csv"


def read_all_ipc(path: Path) -> dict[str, str]:
    """WIPO symbol -> title from all_ipc.csv (tab-separated, no header).

    Lines starting with blanks continue the previous title; a symbol given twice carries a
    guide heading first and the group's own title second, so the later row wins.
    """
    titles: dict[str, str] = {}
    last = ""
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            line = line.rstrip("\n")
            if line[:1].isspace():
                titles[last] += " " + line.strip()
                continue
            symbol, _, title = line.partition("\t")
            titles[symbol] = title
            last = symbol
    return titles


def read_pv_titles() -> list[dict[str, str]]:
    with PV_TITLES.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture(scope="module")
def all_ipc(shared_data: Path) -> dict[str, str]:
    return read_all_ipc(shared_data / "ipc" / "all_ipc.csv")


@pytest.mark.shared_data
def test_every_ipc_pattern_exists_in_the_wipo_file(all_ipc: dict[str, str]) -> None:
    template = load_chain_template(PV_TEMPLATE)
    missing = [(tech.id, pattern) for tech in template.technologies.values()
               for pattern in tech.ipc if symbol_to_wipo14(pattern) not in all_ipc]
    assert missing == [], f"IPC patterns not in all_ipc.csv: {missing}"


@pytest.mark.shared_data
def test_newer_ipc_codes_are_really_absent_from_the_2020_file(all_ipc: dict[str, str]) -> None:
    # ipc_newer is for codes the file cannot check; one found there belongs under 'ipc'.
    template = load_chain_template(PV_TEMPLATE)
    present = [p for t in template.technologies.values() for p in t.ipc_newer
               if symbol_to_wipo14(p) in all_ipc]
    assert present == []


@pytest.mark.shared_data
def test_copied_titles_equal_the_wipo_file(all_ipc: dict[str, str]) -> None:
    rows = read_pv_titles()
    wrong = [r["symbol"] for r in rows if all_ipc.get(r["wipo14"]) != r["title_en"]]
    assert wrong == []


def test_every_technology_class_has_a_title_row_with_its_ancestors() -> None:
    rows = read_pv_titles()
    by_symbol = {r["symbol"]: r for r in rows}
    template = load_chain_template(PV_TEMPLATE)
    for tech in template.technologies.values():
        for pattern in tech.ipc:
            assert pattern in by_symbol, f"{tech.id}: {pattern} missing from {PV_TITLES.name}"
            for parent in ancestors(pattern):
                assert parent in by_symbol, f"{pattern}: ancestor {parent} missing"
    for row in rows:
        assert row["wipo14"] == symbol_to_wipo14(row["symbol"])
        assert row["level"] == ipc_level(row["symbol"])
        assert row["title_en"]


@pytest.mark.shared_data
@pytest.mark.parametrize(
    "relative",
    ["pv-supply-links/supply_links.csv", "pv-litigation/cases.csv",
     "pv-products/sam-library-cec-modules-2019-03-05.csv",
     "pv-products/sam-library-cec-inverters-2019-03-05.csv"],
)
def test_reference_copies_are_unchanged(shared_data: Path, relative: str) -> None:
    copy = ROOT / "seed_data" / "reference" / relative
    assert copy.read_bytes() == (shared_data / relative).read_bytes()


@pytest.mark.shared_data
def test_concordance_copy_is_unchanged(shared_data: Path) -> None:
    copy = ROOT / "seed_data" / "reference" / "ipc_technology.csv"
    assert copy.read_bytes() == (shared_data / "ipc" / "ipc_technology.csv").read_bytes()
