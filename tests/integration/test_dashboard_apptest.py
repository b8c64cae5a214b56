"""The dashboard's pages in Streamlit's AppTest, against the fixture park on a real FalkorDB.

Each page must render without an exception and show what a user looks for on it; the
language switch changes labels; a download is a readable CSV/XLSX; a dead backend is an
error box, not a traceback.
"""

from __future__ import annotations

import io
import json
import socket
import uuid
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from innochain.graph.falkordb_store import FalkorDBStore
from innochain.settings import ENV_URI
from tests.fixture_graph import build_fixture_graph

APP = Path(__file__).resolve().parents[2] / "dashboard" / "app.py"
TIMEOUT = 60
# page -> a subheader (zh) that only that page shows, and the fewest tables it holds
# (pages with tabs draw only the first tab until another is opened)
PAGES = {
    "overview": ("产业链图谱", 3),
    "landscape": ("主要专利权人", 2),
    "gaps": ("招商对象", 4),
    "risk": ("园区企业风险暴露", 2),
    "licensing": ("许可对象", 1),
    "partners": ("上下游合作伙伴", 2),
    "alliance": ("联盟成员", 3),
    "data": ("已载入", 3),
}
# page -> its tab key and the subheader each later tab shows once opened
LATER_TABS = {
    "risk": ("risk_tab", {"诉讼情景 Litigation scenario": "诉讼情景推演",
                          "单一来源与园区纠纷 Supply & disputes": "单一供应来源"}),
    "licensing": ("licensing_tab", {"交叉许可 Cross-licensing": "交叉许可候选",
                                    "专利池与收储 Pools": "标准专利池候选"}),
    "partners": ("partners_tab", {"关系网络 Network": "关系网络",
                                  "专家 Experts": "技术专家（专家库）"}),
    "landscape": ("landscape_tab", {"RTA 与园区权利人 RTA & park holders": "RTA",
                                    "技术趋势 Technologies": "各技术年度申请趋势"}),
}

pytestmark = pytest.mark.falkordb


@pytest.fixture(scope="module")
def fixture_uri(falkordb_dir: Path) -> Iterator[str]:
    """The fixture park in a graph of its own on the session's embedded server."""
    graph = f"dash_{uuid.uuid4().hex[:10]}"
    uri = f"falkordb://{falkordb_dir}?graph={graph}"
    store = FalkorDBStore(uri, data_dir=falkordb_dir, graph=graph)
    build_fixture_graph(store)
    yield uri
    store.clear()
    store.close()


@pytest.fixture
def app(fixture_uri: str, monkeypatch: pytest.MonkeyPatch) -> AppTest:
    """The dashboard pointed at the fixture graph, after its first run (the overview)."""
    monkeypatch.setenv(ENV_URI, fixture_uri)
    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _open(at: AppTest, page: str) -> AppTest:
    at.switch_page(f"views/{page}.py").run()
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]
    return at


@pytest.mark.parametrize("page", sorted(PAGES))
def test_page_renders_its_tables(app: AppTest, page: str) -> None:
    subheader, tables = PAGES[page]
    at = _open(app, page)
    assert subheader in [s.value for s in at.subheader]
    assert len(at.dataframe) >= tables
    assert all(len(d.value) > 0 for d in at.dataframe)
    assert [s.label for s in at.sidebar.selectbox] == ["园区"]
    assert at.sidebar.selectbox[0].value == "park:demo"
    downloads = at.get("download_button")
    assert len(downloads) >= 2 * tables


@pytest.mark.parametrize("page", sorted(LATER_TABS))
def test_later_tabs_draw_when_opened(app: AppTest, page: str) -> None:
    key, tabs = LATER_TABS[page]
    at = _open(app, page)
    first = len(at.dataframe)
    for label, subheader in tabs.items():
        assert subheader not in [s.value for s in at.subheader]  # not drawn while closed
        at.session_state[key] = label
        at.run()
        assert not at.exception and not at.error, label
        assert subheader in [s.value for s in at.subheader], label
    assert len(at.dataframe) >= 1 and first >= 1


def test_litigation_scenario_without_a_case(app: AppTest) -> None:
    at = _open(app, "risk")
    at.session_state["risk_tab"] = "诉讼情景 Litigation scenario"
    at.run()
    at.selectbox(key="risk_plaintiff@zh").set_value("org:solaris_eu").run()
    assert not at.exception and not at.error
    subheaders = [s.value for s in at.subheader]
    assert "联合防御反诉专利组合（按原告）" in subheaders
    assert "联合防御反诉专利组合" not in subheaders  # the per-case view needs a case
    pooled = [d.value for d in at.dataframe if "可保护的园区机构" in d.value.columns]
    assert pooled and "德能公司" in pooled[0]["持有人"].tolist()


def test_reports_page_builds_the_landscape_report(app: AppTest) -> None:
    at = _open(app, "reports")
    assert any("innochain report landscape" in c.value for c in at.caption)
    at.toggle(key="reports_build").set_value(True).run()
    assert not at.exception and not at.error
    labels = [b.proto.label for b in at.get("download_button")]
    assert labels == ["HTML", "XLSX"]


def test_overview_headline_and_segment_detail(app: AppTest) -> None:
    metrics = {m.label: m.value for m in app.metric}
    assert metrics["环节数"] == "5"
    assert metrics["园区企业数"] == "3"
    app.selectbox(key="overview_segment@zh").set_value("fx:cell").run()
    holders = [d.value for d in app.dataframe if "权利人" in d.value.columns]
    assert "Solaris Inc." in holders[0]["权利人"].tolist()


def test_language_switch_changes_labels(app: AppTest) -> None:
    assert app.title[0].value == "总览 Overview"
    app.sidebar.radio(key="lang").set_value("en").run()
    assert app.title[0].value == "Overview"
    assert "Chain map" in [s.value for s in app.subheader]
    assert [s.label for s in app.sidebar.selectbox] == ["Park"]
    at = _open(app, "landscape")
    assert "Top patent holders" in [s.value for s in at.subheader]


def _chain_map_html(at: AppTest) -> str:
    maps = [str(e.proto.srcdoc) for e in at.get("iframe") if "vis-network" in e.proto.srcdoc]
    assert maps, "the overview draws no chain map"
    return maps[0]


def test_chain_map_names_park_firms_in_the_chosen_language(app: AppTest) -> None:
    deneng = json.dumps("德能公司")[1:-1]  # as the map's node data writes it
    assert deneng in _chain_map_html(app)
    app.sidebar.radio(key="lang").set_value("en").run()
    english = _chain_map_html(app)
    assert '"label": "Deneng"' in english and deneng not in english


def test_open_tab_survives_the_language_switch(app: AppTest) -> None:
    at = _open(app, "risk")
    at.session_state["risk_tab"] = "诉讼情景 Litigation scenario"
    at.run()
    assert "诉讼情景推演" in [s.value for s in at.subheader]
    at.sidebar.radio(key="lang").set_value("en").run()
    assert not at.exception and not at.error
    assert at.session_state["risk_tab"] == "Litigation scenario"
    assert "Litigation scenario" in [s.value for s in at.subheader]
    at.sidebar.radio(key="lang").set_value("zh").run()
    assert "诉讼情景推演" in [s.value for s in at.subheader]


def test_gap_journey_preselects_the_segment(app: AppTest) -> None:
    app.selectbox(key="overview_segment@zh").set_value("fx:silicon").run()
    app.button(key="overview_go_attract").click().run()
    assert app.selectbox(key="gaps_segment@zh").value == "fx:silicon"
    firms = [d.value for d in app.dataframe if "企业" in d.value.columns]
    assert any("SilTech GmbH" in f["企业"].tolist() for f in firms)


def test_scored_rows_expand_into_parts(app: AppTest) -> None:
    at = _open(app, "partners")
    labels = [e.label for e in at.expander]
    assert any("得分" in label for label in labels)
    assert any("链上相邻" in m.value for m in at.markdown)


def test_download_payloads_are_readable(app: AppTest) -> None:
    from innochain.dashboard.tables import download_payloads, labelled
    from innochain.queries.pack_library import load_library

    frame = app.dataframe[-1].value
    spec = load_library().query("landscape.chain_map")
    csv_data, xlsx_data = download_payloads(labelled(frame, None), sheet=spec.id)
    from_csv = pd.read_csv(io.BytesIO(csv_data), encoding="utf-8-sig")
    from_xlsx = pd.read_excel(io.BytesIO(xlsx_data))
    assert list(from_csv.columns) == list(frame.columns) == list(from_xlsx.columns)
    assert len(from_csv) == len(frame) == len(from_xlsx) == 5


def test_download_neutralises_formulas() -> None:
    from innochain.dashboard.tables import download_payloads

    frame = pd.DataFrame({"firm": ["=HYPERLINK(\"http://x\")", "德能公司"], "patents": [1, 2]})
    csv_data, xlsx_data = download_payloads(frame, sheet="t")
    assert "'=HYPERLINK" in csv_data.decode("utf-8-sig")
    assert pd.read_excel(io.BytesIO(xlsx_data))["firm"][0].startswith("'=")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_dead_backend_is_an_error_box(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENV_URI, f"falkor://127.0.0.1:{_free_port()}")
    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT).run()
    assert not at.exception
    assert at.error and "FalkorDB" in at.error[0].value
    at = _open_allowing_errors(at, "data")
    assert not at.exception and at.error


def _open_allowing_errors(at: AppTest, page: str) -> AppTest:
    return at.switch_page(f"views/{page}.py").run()


def test_a_new_load_shows_without_a_restart(falkordb_dir: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    from innochain.dashboard import query_access
    from innochain.graph.writes import upsert_nodes

    graph = f"reload_{uuid.uuid4().hex[:10]}"
    uri = f"falkordb://{falkordb_dir}?graph={graph}"
    store = FalkorDBStore(uri, data_dir=falkordb_dir, graph=graph)
    try:
        build_fixture_graph(store)
        monkeypatch.setenv(ENV_URI, uri)
        at = _open(AppTest.from_file(str(APP), default_timeout=TIMEOUT).run(), "data")
        before = query_access.graph_version()
        runs = [d.value for d in at.dataframe if "记录 id" in d.value.columns]
        assert not runs or "organizations:later" not in runs[0]["记录 id"].tolist()
        upsert_nodes(store, "LoadRun", [{"key": "organizations:later", "props": {
            "kind": "organizations", "files": ["later.csv"], "rows_read": 1, "rows_loaded": 1,
            "rows_rejected": 0, "finished": "2099-01-01T00:00:00+00:00", "seconds": 0.1}}])
        query_access._cached_version.clear()  # as if the version's 30 seconds had passed
        at.run()
        assert query_access.graph_version() != before
        runs = [d.value for d in at.dataframe if "记录 id" in d.value.columns]
        assert runs and "organizations:later" in runs[0]["记录 id"].tolist()
    finally:
        query_access.clear_caches()
        store.clear()
        store.close()


def test_empty_graph_says_what_to_load(falkordb_dir: Path,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    graph = f"empty_{uuid.uuid4().hex[:10]}"
    uri = f"falkordb://{falkordb_dir}?graph={graph}"
    FalkorDBStore(uri, data_dir=falkordb_dir, graph=graph).close()
    monkeypatch.setenv(ENV_URI, uri)
    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT).run()
    assert not at.exception and not at.error
    assert any("innochain load" in i.value and "innochain demo" in i.value for i in at.info)


def test_password_gate_before_any_page(fixture_uri: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENV_URI, fixture_uri)
    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT)
    at.secrets["auth"] = {"password": "s3cret passphrase"}
    at.run()
    assert [x.value for x in at.title] == ["登录"] and not at.dataframe
    at.text_input(key="login_password").input("wrong").run()
    assert at.error and not at.dataframe
    at.text_input(key="login_password").input("s3cret passphrase").run()
    assert "总览 Overview" in [x.value for x in at.title]
    assert not at.exception
