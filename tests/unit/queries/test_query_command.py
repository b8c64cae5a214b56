"""`innochain packs` and `innochain query` on a FakeStore; exports neutralise formulas."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from click.testing import CliRunner

from innochain.cli import cli
from innochain.queries.table_export import neutralise_cell, render
from tests.fake_store import FakeStore

SINGLE_SOURCE = pd.DataFrame([{"firm_id": "org:dayang", "firm": "=HYPERLINK(\"x\")",
                               "product": "多晶硅", "supplier_id": "org:siltech",
                               "supplier": "+SilTech", "supplier_class": "foreign"}])


@pytest.fixture
def fake(monkeypatch: pytest.MonkeyPatch) -> FakeStore:
    store = FakeStore({"_lookups.park": pd.DataFrame({"id": ["park:demo"]}),
                       "risk.single_source": SINGLE_SOURCE})
    def open_read_only(settings: object = None, read_only: bool = False) -> FakeStore:
        assert read_only, "innochain query must open the store read-only"
        return store

    monkeypatch.setattr("innochain.graph.connect.open_store", open_read_only)
    return store


def test_packs_lists_titles_in_both_languages() -> None:
    result = CliRunner().invoke(cli, ["packs"])
    assert result.exit_code == 0, result.output
    assert "landscape  观局 Landscape" in result.output
    assert "landscape.chain_map" in result.output and "产业链全景图 / Chain map" in result.output
    one = CliRunner().invoke(cli, ["packs", "risk"])
    assert "risk.single_source" in one.output and "landscape" not in one.output


def test_packs_with_a_wrong_name_suggests(fake: FakeStore) -> None:
    result = CliRunner().invoke(cli, ["packs", "riks"])
    assert result.exit_code == 1 and "did you mean risk" in result.output


def test_query_runs_and_prints_a_table(fake: FakeStore) -> None:
    result = CliRunner().invoke(cli, ["query", "risk.single_source", "-p", "park_id=park:demo"])
    assert result.exit_code == 0, result.output
    assert "org:siltech" in result.output
    assert fake.sent[-1].tag == "risk.single_source" and fake.sent[-1].read_only
    assert fake.last_params == {"park_id": "park:demo"}


def test_query_errors_are_one_line(fake: FakeStore) -> None:
    result = CliRunner().invoke(cli, ["query", "risk.single_source"])
    assert result.exit_code == 1
    assert result.output.strip() == ("Error: risk.single_source: missing parameter park_id "
                                     "(str: the park), e.g. -p park_id=park:demo")
    bad = CliRunner().invoke(cli, ["query", "risk.single_source", "-p", "park_id"])
    assert "-p takes key=value" in bad.output
    xlsx = CliRunner().invoke(cli, ["query", "risk.single_source", "-p", "park_id=park:demo",
                                    "--format", "xlsx"])
    assert xlsx.exit_code == 1 and "add --out" in xlsx.output


def test_csv_and_xlsx_neutralise_formulas(fake: FakeStore, tmp_path: Path) -> None:
    out = tmp_path / "r.csv"
    args = ["query", "risk.single_source", "-p", "park_id=park:demo"]
    assert CliRunner().invoke(cli, [*args, "--format", "csv", "--out", str(out)]).exit_code == 0
    text = out.read_text(encoding="utf-8")
    assert "'=HYPERLINK" in text and "'+SilTech" in text
    book = tmp_path / "r.xlsx"
    result = CliRunner().invoke(cli, [*args, "--format", "xlsx", "--out", str(book)])
    assert result.exit_code == 0, result.output
    sheet = openpyxl.load_workbook(book).active
    assert sheet["B2"].value == "'=HYPERLINK(\"x\")" and sheet["E2"].value == "'+SilTech"
    as_json = CliRunner().invoke(cli, [*args, "--format", "json"])
    assert json.loads(as_json.output)[0]["firm"] == "=HYPERLINK(\"x\")"  # JSON keeps data as is


def test_cells_and_lists_in_spreadsheets() -> None:
    assert neutralise_cell("-1+2") == "'-1+2" and neutralise_cell(-1) == -1
    assert neutralise_cell("@SUM") == "'@SUM" and neutralise_cell("德能") == "德能"
    frame = pd.DataFrame([{"segments": ["fx:cell", "=x"], "n": 1}])
    assert render(frame, "csv").splitlines()[1] == "fx:cell; =x,1"
