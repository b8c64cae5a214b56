"""The network pages the dashboard draws: self-contained, data as vis-network reads it."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pandas as pd

from innochain.dashboard.network import chain_map_html, ego_network_html

SEGMENTS = pd.DataFrame({"segment_id": ["s:a", "s:b"], "order": [1, 2]})
LINKS = pd.DataFrame({"from_id": ["s:a"], "to_id": ["s:b"]})
FIRMS = pd.DataFrame({"segment_id": ["s:a"], "firm_id": ["f:1"], "firm": ["德能公司"],
                      "patents": [3]})


def _data(html: str, name: str) -> list[dict[str, object]]:
    found = re.search(rf"\b{name} = new vis\.DataSet\((.*?)\);\n", html)
    assert found, name
    return list(json.loads(found.group(1)))


def test_chain_map_is_self_contained_and_carries_its_data() -> None:
    html = chain_map_html(SEGMENTS, LINKS, FIRMS, {"s:a": "strong"}, {"s:a": "硅料"},
                          {"strong": "强", "unscored": "未评分"}, height=400)
    assert "vis.Network" in html and "height: 400px" in html
    assert not re.search(r"""(src|href)=["']?https?:""", html)  # nothing from the internet
    nodes = {n["id"]: n for n in _data(html, "nodes")}
    assert nodes["s:a"]["label"] == "硅料\n强" and nodes["s:b"]["label"] == "s:b\n未评分"
    assert nodes["s:a|f:1"]["label"] == "德能公司"
    assert {(e["from"], e["to"]) for e in _data(html, "edges")} == {("s:a", "s:b"),
                                                                   ("s:a", "s:a|f:1")}


def test_names_cannot_close_the_script() -> None:
    firms = FIRMS.assign(firm=["</script><b>x"])
    html = chain_map_html(SEGMENTS, LINKS, firms, {}, {}, {}, height=400)
    assert "</script><b>" not in html


def test_ego_network_lists_each_neighbour_once() -> None:
    edges = pd.DataFrame({"neighbour_id": ["o:2", "o:2"], "neighbour": ["B", "B"],
                          "in_park": [True, True], "role": ["firm", "firm"],
                          "direction": ["out", "in"], "relation": ["SUPPLIES", "LICENSED"],
                          "detail": ["", "CN1"]})
    html = ego_network_html("o:1", "A", edges, height=300)
    assert [n["id"] for n in _data(html, "nodes")] == ["o:1", "o:2"]
    assert len(_data(html, "edges")) == 2


def test_the_dashboard_imports_pyvis_only_when_it_draws_a_map() -> None:
    # pyvis (with networkx and IPython) took a fresh dashboard server about a second.
    code = ("import sys, pandas as pd; from innochain.dashboard import network;"
            "before = 'pyvis.network' in sys.modules;"
            "network.chain_map_html.__wrapped__(pd.DataFrame({'segment_id': ['a'], 'order': [1]}),"
            " pd.DataFrame(columns=['from_id', 'to_id']), pd.DataFrame(columns=['segment_id',"
            " 'firm_id', 'firm', 'patents']), {}, {}, {});"
            "print(before, 'pyvis.network' in sys.modules)")
    done = subprocess.run([sys.executable, "-P", "-c", code], capture_output=True, text=True,
                          check=True, timeout=120)
    assert done.stdout.split() == ["False", "True"]
