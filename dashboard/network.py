"""Interactive networks (pyvis / vis-network) drawn into the page as self-contained HTML.

The vis-network script is inlined and pyvis's Bootstrap links to a CDN are removed, so the
maps draw with no internet access and send no request anywhere. vis-network's own 220 kB
stylesheet (icons of the navigation and editing toolbars, which these maps do not show) is
swapped for the few rules the tooltips need, and every node is placed in Python (no physics
simulation in the browser), so a map costs the page little to draw. pyvis (with networkx
and IPython behind it, about a second) is imported with the first map, not with the app, and
a map's HTML is cached on its inputs (st.cache_data), so a rerun or another session does not
build it again.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd
import streamlit as st

if TYPE_CHECKING:
    from pyvis.network import Network

CLASS_COLOURS = {"strong": "#2e7d32", "weak": "#f9a825", "missing": "#c62828",
                 "unscored": "#78909c"}
PARK_COLOUR, OUTSIDE_COLOUR, CENTRE_COLOUR = "#43a047", "#b0bec5", "#1565c0"
SEGMENT_GAP_X, ROW_GAP_Y, FIRM_GAP_Y = 210, 150, 40
SEGMENTS_PER_ROW, FIRMS_SHOWN = 5, 4
MIN_MAP_HEIGHT, MAX_MAP_HEIGHT = 320, 1100
_CDN_TAG = re.compile(r"<(link|script)\b[^>]*cdn\.jsdelivr\.net[^>]*>(\s*</script>)?", re.S)
_HEADING = re.compile(r"<center>\s*<h1>\s*</h1>\s*</center>", re.S)
EGO_RING_RADIUS, EGO_RING_GAP, EGO_RING_SIZE = 260, 200, 36
EGO_LABEL_ROOM, EGO_ASPECT = 170, 0.55  # pixels along the ring per label; height / width
# What the tooltips need of vis-network.css (the rest styles toolbars these maps never show).
TOOLTIP_CSS = (".vis-tooltip{position:absolute;visibility:hidden;padding:5px;white-space:nowrap;"
               "font-family:sans-serif;font-size:13px;color:#000;background-color:#f5f4ed;"
               "border:1px solid #808074;border-radius:3px;box-shadow:3px 3px 10px "
               "rgba(0,0,0,.2);pointer-events:none;z-index:5}")


@cache
def _vis_stylesheet() -> str:
    """The stylesheet pyvis inlines (empty when this pyvis lays its files out otherwise)."""
    import pyvis

    found = sorted(Path(pyvis.__file__).parent.glob("templates/lib/vis-*/vis-network.css"))
    return found[-1].read_text(encoding="utf-8") if found else ""


def _records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    return [{str(k): v for k, v in row.items()} for row in frame.to_dict("records")]


def _network(height: int, directed: bool = True) -> Network:
    from pyvis.network import Network

    net = Network(height=f"{height}px", width="100%", directed=directed, cdn_resources="in_line")
    net.toggle_physics(False)
    return net


def _html(net: Network) -> str:
    html = net.generate_html(notebook=False)
    html = _CDN_TAG.sub("", html)
    html = _HEADING.sub("", html)
    stylesheet = _vis_stylesheet()
    if stylesheet:
        html = html.replace(stylesheet, TOOLTIP_CSS)
    # The card border pyvis draws is Bootstrap's; without it, drop the frame entirely.
    return html.replace('class="card"', 'class="innochain-network"')


def _firm_counts(firms: pd.DataFrame) -> dict[str, int]:
    if firms.empty:
        return {}
    return {str(k): int(v) for k, v in firms.groupby("segment_id").size().items()}


def chain_layout(segment_ids: list[str], firms: pd.DataFrame) -> dict[str, tuple[int, int]]:
    """Grid positions: chain order left to right, SEGMENTS_PER_ROW to a row, rows downwards;
    each row is as tall as the firms hanging under its segments need."""
    shown = {k: min(v, FIRMS_SHOWN) for k, v in _firm_counts(firms).items()}
    positions, top = {}, 0
    for start in range(0, len(segment_ids), SEGMENTS_PER_ROW):
        row = segment_ids[start:start + SEGMENTS_PER_ROW]
        for col, segment_id in enumerate(row):
            positions[segment_id] = (col * SEGMENT_GAP_X, top)
        hanging = max((shown.get(s, 0) for s in row), default=0)
        top += ROW_GAP_Y + hanging * FIRM_GAP_Y
    return positions


def chain_map_height(segment_ids: list[str], firms: pd.DataFrame) -> int:
    """Pixels the chain map needs for its rows."""
    positions = chain_layout(segment_ids, firms)
    bottom = max((y for _, y in positions.values()), default=0)
    return int(min(MAX_MAP_HEIGHT, max(MIN_MAP_HEIGHT, bottom + ROW_GAP_Y + 3 * FIRM_GAP_Y)))


@st.cache_data(show_spinner=False, max_entries=200)
def chain_map_html(segments: pd.DataFrame, links: pd.DataFrame, firms: pd.DataFrame,
                   classes: Mapping[str, str], names: Mapping[str, str],
                   class_names: Mapping[str, str], height: int = 460) -> str:
    """Segments in chain order, coloured by class, FEEDS arrows; park firms hang below.

    `segments` has segment_id and order; `links` from_id/to_id; `firms` segment_id,
    firm_id, firm and patents; `classes` segment id -> strong/weak/missing/unscored.
    """
    net = _network(height)
    ordered = [str(s) for s in segments.sort_values(["order", "segment_id"])["segment_id"]]
    positions = chain_layout(ordered, firms)
    counts = _firm_counts(firms)
    for segment_id in ordered:
        cls = classes.get(segment_id, "unscored")
        x, y = positions[segment_id]
        label = f"{names.get(segment_id, segment_id)}\n{class_names.get(cls, cls)}"
        net.add_node(plain(segment_id), label=plain(label), shape="box", x=x, y=y, margin=10,
                     color=CLASS_COLOURS.get(cls, CLASS_COLOURS["unscored"]),
                     font={"color": "#ffffff", "size": 16}, widthConstraint={"maximum": 150},
                     title=plain(f"{segment_id} · {class_names.get(cls, cls)} · "
                                 f"{counts.get(segment_id, 0)}"))
    for row in _records(links):
        if row["from_id"] in positions and row["to_id"] in positions:
            net.add_edge(plain(row["from_id"]), plain(row["to_id"]), arrows="to",
                         color="#455a64", width=2, title="FEEDS", smooth={"type": "curvedCW",
                                                                           "roundness": 0.15})
    _hang_firms(net, firms, positions)
    return _html(net)


def _hang_firms(net: Network, firms: pd.DataFrame,
                positions: Mapping[str, tuple[int, int]]) -> None:
    """Park firms as small dots under their segment; beyond FIRMS_SHOWN one dot says +N."""
    for segment_id, group in firms.groupby("segment_id", sort=False):
        if segment_id not in positions:
            continue
        x, y = positions[str(segment_id)]
        rows = _records(group)
        for j, row in enumerate(rows[:FIRMS_SHOWN]):
            more = len(rows) - FIRMS_SHOWN + 1 if j == FIRMS_SHOWN - 1 and \
                len(rows) > FIRMS_SHOWN else 0
            node_id = plain(f"{segment_id}|{row['firm_id']}")
            label = f"+{more}" if more else str(row["firm"])
            names = ", ".join(str(r["firm"]) for r in rows[j:]) if more else \
                f"{row['firm']} · {row['patents']}"
            net.add_node(node_id, label=plain(label), shape="dot", size=8, color=PARK_COLOUR,
                         x=x, y=y + 70 + j * FIRM_GAP_Y, font={"size": 13}, title=plain(names))
            net.add_edge(plain(segment_id), node_id, color="#c8e6c9", arrows="", dashes=True)


def ego_ring_positions(count: int) -> list[tuple[int, int]]:
    """Places for `count` neighbours on ellipses around the centre (0, 0), wider than tall
    like the frame, each ring holding up to EGO_RING_SIZE with room for their labels."""
    positions: list[tuple[int, int]] = []
    ring = 0
    while len(positions) < count:
        size = min(EGO_RING_SIZE, count - len(positions))
        across = max(EGO_RING_RADIUS, EGO_LABEL_ROOM * size / (2 * math.pi)) + EGO_RING_GAP * ring
        offset = math.pi / size if ring % 2 else -math.pi / 2
        positions += [(round(across * math.cos(offset + 2 * math.pi * k / size)),
                       round(across * EGO_ASPECT * math.sin(offset + 2 * math.pi * k / size)))
                      for k in range(size)]
        ring += 1
    return positions


@st.cache_data(show_spinner=False, max_entries=200)
def ego_network_html(centre_id: str, centre_name: str, edges: pd.DataFrame,
                     height: int = 480) -> str:
    """One organisation and its neighbours on rings around it; `edges` is data.ego_network."""
    net = _network(height)
    centre = plain(centre_id)
    net.add_node(centre, label=plain(centre_name), shape="dot", size=26, color=CENTRE_COLOUR,
                 font={"size": 18}, x=0, y=0)
    rows = _records(edges)
    neighbours = list(dict.fromkeys(plain(row["neighbour_id"]) for row in rows))
    places = dict(zip(neighbours, ego_ring_positions(len(neighbours)), strict=True))
    for row in rows:
        other = plain(row["neighbour_id"])
        if other not in net.get_nodes():
            x, y = places[other]
            net.add_node(other, label=plain(row["neighbour"]), shape="dot", size=15,
                         color=PARK_COLOUR if row["in_park"] else OUTSIDE_COLOUR,
                         title=plain(f"{row['neighbour']} ({row['role']})"), x=x, y=y)
        src, dst = (centre, other) if row["direction"] != "in" else (other, centre)
        detail = f" {row['detail']}" if row["detail"] else ""
        net.add_edge(src, dst, label=plain(row["relation"]).lower(), font={"size": 11},
                     title=plain(f"{row['relation']}{detail}"),
                     arrows="" if row["direction"] == "shared" else "to")
    return _html(net)


def show_network(html: str, height: int) -> None:
    """Put the network's HTML into the page."""
    st.iframe(html, height=height + 20)


def plain(text: object) -> str:
    """A name from the data as text that cannot close the page's script tag or add markup."""
    return str(text).replace("<", "‹").replace(">", "›")
