"""`innochain demo --build-only` on the embedded default, from seed_data/ alone, and both
reports on the graph it builds.

Expected counts are worked out from the seed_data files (and the loaders' own readers where a
file needs parsing), not written down. An audit hook proves nothing under ../shared is opened.
"""

from __future__ import annotations

import csv
import os
import subprocess
import sys
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from click.testing import CliRunner

from innochain.cli import cli
from innochain.graph.falkordb_store import FalkorDBStore
from innochain.loaders import cec_pv, pv_litigation
from innochain.loaders.chain_template import load_chain_template
from innochain.loaders.records import NodeRecord
from tests.graph_checksum import graph_checksum, node_counts, rel_counts

pytestmark = pytest.mark.falkordb

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seed_data"
PARK = SEED / "park"
SHARED = ROOT.parent / "shared"
_opened_shared: list[str] = []
_watching = False


def _audit(event: str, args: tuple[Any, ...]) -> None:
    if _watching and event == "open" and args and isinstance(args[0], str | bytes | Path):
        path = os.fsdecode(args[0])
        if path.startswith(str(SHARED) + os.sep):
            _opened_shared.append(path)


sys.addaudithook(_audit)  # hooks cannot be removed; `_watching` switches this one on


def _rows(name: str) -> list[dict[str, str]]:
    with (PARK / name).open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def _keys(records: Any, label: str) -> set[str]:
    return {r.key for r in records if isinstance(r, NodeRecord) and r.label == label}


def _build(uri: str) -> Any:
    return CliRunner().invoke(cli, ["demo", "--build-only", "--uri", uri],
                              catch_exceptions=False)


@pytest.fixture(scope="module")
def demo_graph(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path, str]]:
    """The demo built once into a fresh data directory, ../shared unreachable."""
    global _watching
    data_dir = tmp_path_factory.mktemp("demo")
    uri = f"falkordb://{data_dir}"
    old = os.environ.get("INNOCHAIN_SHARED_DATA")
    os.environ["INNOCHAIN_SHARED_DATA"] = str(data_dir / "no-shared-data-here")
    _watching = True
    try:
        result = _build(uri)
    finally:
        _watching = False
        if old is None:
            os.environ.pop("INNOCHAIN_SHARED_DATA", None)
        else:
            os.environ["INNOCHAIN_SHARED_DATA"] = old
    yield uri, data_dir, result.output
    from innochain.graph import falkordb_server

    falkordb_server.stop(data_dir)


def _store(uri: str, data_dir: Path) -> FalkorDBStore:
    from innochain.graph.connect import open_store
    from innochain.settings import Settings

    return open_store(Settings(graph_uri=uri))  # type: ignore[return-value]


def test_build_prints_each_step_and_rejects_nothing(demo_graph: tuple[str, Path, str]) -> None:
    _, _, output = demo_graph
    assert "[15/15]" in output and "rejected" not in output, output
    assert "nodes 节点:" in output and "relationships 关系:" in output
    assert not _opened_shared, f"the demo read the shared folder: {_opened_shared[:3]}"


def test_counts_follow_the_seed_files(demo_graph: tuple[str, Path, str]) -> None:
    uri, data_dir, _ = demo_graph
    store = _store(uri, data_dir)
    nodes, rels = node_counts(store), rel_counts(store)
    store.close()
    chain = load_chain_template(SEED / "chains" / "pv.yaml")
    synthetic = sum(int(r["patents"]) for r in _rows("demo-portfolios.csv"))
    litigation = list(pv_litigation.records([SEED / "reference/pv-litigation/cases.csv"]))
    cec = list(cec_pv.records(sorted((SEED / "reference/pv-products").glob("*.csv"))))
    standards = _rows("standards.csv")
    assert nodes["Segment"] == len(chain.segments)
    assert nodes["Technology"] == len(chain.technologies)
    assert nodes["Park"] == len(_rows("parks.csv"))
    assert nodes["Patent"] == synthetic + len(_keys(litigation, "Patent"))
    assert nodes["Case"] == len(_keys(litigation, "Case")) + len(_rows("cases.csv"))
    assert nodes["Product"] == len(_keys(cec, "Product")) + len(_rows("products.csv"))
    assert nodes["Standard"] == len({r["standard"] for r in standards})
    assert rels["LOCATED_IN"] == sum(1 for r in _rows("organizations.csv") if r["park"])
    assert rels["MEMBER_OF"] == len(_rows("alliances.csv"))
    assert rels["LICENSED"] == len(_rows("licences.csv"))
    assert rels["ESSENTIAL_TO"] == sum(1 for r in standards if r["patent"])
    assert rels["IN_SEGMENT"] > 0 and rels["ACTIVE_IN"] > 0 and rels["CITES"] > 0


def test_second_build_gives_the_same_graph(demo_graph: tuple[str, Path, str]) -> None:
    uri, data_dir, _ = demo_graph
    store = _store(uri, data_dir)
    before = (node_counts(store), rel_counts(store), graph_checksum(store))
    store.close()
    result = _build(uri)
    assert "skipped" in result.output
    store = _store(uri, data_dir)
    after = (node_counts(store), rel_counts(store), graph_checksum(store))
    store.close()
    assert after == before


class _PageParts(HTMLParser):
    """Headings, tables, figures and text of a report page."""

    def __init__(self) -> None:
        super().__init__()
        self.headings: list[str] = []
        self.tables = self.figures = 0
        self.text: list[str] = []
        self._in_heading = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("h1", "h2", "h3"):
            self._in_heading = True
            self.headings.append("")
        self.tables += tag == "table"
        self.figures += tag == "svg"

    def handle_endtag(self, tag: str) -> None:
        if tag in ("h1", "h2", "h3"):
            self._in_heading = False

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        if self._in_heading:
            self.headings[-1] += data


def _parsed(path: Path) -> _PageParts:
    parts = _PageParts()
    parts.feed(path.read_text(encoding="utf-8"))
    return parts


def test_landscape_report(demo_graph: tuple[str, Path, str], tmp_path: Path) -> None:
    uri, _, _ = demo_graph
    out, xlsx = tmp_path / "landscape.html", tmp_path / "landscape.xlsx"
    result = CliRunner().invoke(cli, ["report", "landscape", "--uri", uri, "--since", "2022",
                                      "--out", str(out), "--xlsx", str(xlsx)],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    page = _parsed(out)
    for zh, en in (("产业链全景", "Chain map"), ("强弱环节", "Strengths and weaknesses"),
                   ("补链招商与引才", "Gaps"), ("风险信号", "Risks"),
                   ("2022 年以来的变化", "What changed since 2022"), ("建议行动", "Suggested")):
        assert any(zh in h and en in h for h in page.headings), (zh, page.headings)
    assert page.tables >= 10 and page.figures >= 3
    text = " ".join(page.text)
    assert "synthetic-demo" in text and "not real patents" in text
    assert "德能公司" in text and "Maxeon" in text
    sheets = openpyxl.load_workbook(xlsx, read_only=True).sheetnames
    assert {"segment_strength", "chain_map", "new_foreign_filings"} <= set(sheets)


def test_review_report(demo_graph: tuple[str, Path, str], tmp_path: Path) -> None:
    uri, _, _ = demo_graph
    out = tmp_path / "review.html"
    result = CliRunner().invoke(cli, ["report", "review", "--uri", uri, "--firm", "org:deneng",
                                      "--technology", "pv:topcon", "--out", str(out)],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    page = _parsed(out)
    for zh in ("评议要点", "周边权利人与组合", "风险信号", "空白点", "建议伙伴"):
        assert any(zh in h for h in page.headings), (zh, page.headings)
    assert page.tables >= 6 and page.figures >= 1
    text = " ".join(page.text)
    assert "synthetic-demo" in text and "Maxeon Solar Pte. Ltd." in text


def test_unknown_firm_is_a_one_line_error(demo_graph: tuple[str, Path, str],
                                          tmp_path: Path) -> None:
    uri, _, _ = demo_graph
    result = CliRunner().invoke(cli, ["report", "review", "--uri", uri, "--firm", "org:nobody",
                                      "--technology", "pv:topcon", "--out",
                                      str(tmp_path / "r.html")])
    assert result.exit_code != 0 and "org:nobody" in result.output
    assert "Traceback" not in result.output


@pytest.mark.slow
def test_demo_builds_in_a_fresh_virtualenv_from_a_clean_clone(tmp_path: Path) -> None:
    """The README's promise: a clone, the lock file, an editable install, the demo."""
    clone, venv = tmp_path / "clone", tmp_path / "venv"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("VIRTUAL_ENV", "PYTHON"))}
    env.update(INNOCHAIN_DATA_DIR=str(tmp_path / "data"),
               INNOCHAIN_SHARED_DATA=str(tmp_path / "missing"))

    def sh(*command: str | Path, cwd: Path = tmp_path) -> None:
        done = subprocess.run([str(c) for c in command], cwd=cwd, env=env, capture_output=True,
                              text=True, timeout=1500, check=False)
        assert done.returncode == 0, f"{command}:\n{done.stdout[-2000:]}\n{done.stderr[-3000:]}"

    sh("git", "clone", "--quiet", ROOT, clone)
    sh(sys.executable, "-m", "venv", venv)
    pip = venv / "bin" / "pip"
    sh(pip, "install", "-q", "-r", clone / "requirements.lock")
    sh(pip, "install", "-q", "--no-deps", "-e", clone)
    sh(venv / "bin" / "innochain", "demo", "--build-only", cwd=clone)
    sh(venv / "bin" / "innochain", "db", "stop", cwd=clone)
