"""Static figures as inline SVG, written by hand (no plotting library is installed, and a
report must be one file that prints): the chain map, stacked bars, small line charts."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from innochain.reports.html_parts import esc

STRENGTH_COLOURS = {"strong": "#c7ecd0", "weak": "#fde7b0", "missing": "#f8c9c9"}
STRENGTH_LABELS = (("strong", "强 strong"), ("weak", "弱 weak"), ("missing", "缺 missing"))
PART_COLOURS = {"park": "#1f6feb", "domestic": "#8bb8f5", "foreign": "#e8590c",
                "unknown": "#c1c7cd"}
MAIN_STAGES = ("upstream", "midstream", "downstream")
BOX_W, BOX_H, COL_W, ROW_H = 158, 46, 190, 56
FONT = 'font-family="Noto Sans CJK SC, Microsoft YaHei, sans-serif"'


@dataclass(frozen=True)
class ChainBox:
    """One segment on the chain map."""

    segment_id: str
    name: str
    stage: str
    order: int
    strength: str
    patents_weighted: float
    park_share: float | None


def _positions(boxes: Sequence[ChainBox]) -> dict[str, tuple[int, int]]:
    """Column by chain order; the main chain on top of each column, feeders below it."""
    columns: dict[int, list[ChainBox]] = defaultdict(list)
    for box in sorted(boxes, key=lambda b: (b.stage not in MAIN_STAGES, b.order, b.segment_id)):
        columns[box.order].append(box)
    orders = sorted(columns)
    return {box.segment_id: (24 + orders.index(order) * COL_W, 34 + row * ROW_H)
            for order in orders for row, box in enumerate(columns[order])}


def _box_svg(box: ChainBox, x: int, y: int) -> str:
    fill = STRENGTH_COLOURS.get(box.strength, "#eceff1")
    name = box.name if len(box.name) <= 10 else box.name[:9] + "…"
    share = "–" if box.park_share is None else f"{100 * box.park_share:.0f}%"
    weight = "700" if box.stage in MAIN_STAGES else "400"
    return (f'<rect x="{x}" y="{y}" width="{BOX_W}" height="{BOX_H}" rx="6" fill="{fill}" '
            f'stroke="#52606d" stroke-width="1"/>'
            f'<text x="{x + 8}" y="{y + 19}" font-size="13" font-weight="{weight}" {FONT}>'
            f"{esc(name)}</text>"
            f'<text x="{x + 8}" y="{y + 37}" font-size="11" fill="#334e68" {FONT}>'
            f"专利 {box.patents_weighted:.0f} · 园区 {share}</text>")


def _edge_svg(src: tuple[int, int], dst: tuple[int, int]) -> str:
    (sx, sy), (dx, dy) = src, dst
    if sx == dx:  # a feeder below its segment: a bus line on the left edge, up into the box
        return (f'<path d="M{sx + 6},{sy + BOX_H // 2} H{sx - 8} V{dy + BOX_H // 2} H{dx - 2}" '
                'fill="none" stroke="#7b8794" stroke-width="1" marker-end="url(#arrow)"/>')
    return (f'<line x1="{sx + BOX_W}" y1="{sy + BOX_H // 2}" x2="{dx - 3}" y2="{dy + BOX_H // 2}" '
            'stroke="#52606d" stroke-width="1.4" marker-end="url(#arrow)"/>')


def chain_map_svg(boxes: Sequence[ChainBox], feeds: Sequence[tuple[str, str]]) -> str:
    """The chain in order, segments coloured strong / weak / missing, FEEDS as arrows."""
    pos = _positions(boxes)
    if not pos:
        return ""
    width = max(x for x, _ in pos.values()) + BOX_W + 24
    height = max(y for _, y in pos.values()) + BOX_H + 46
    parts = ['<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" '
             'markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" '
             'fill="#52606d"/></marker></defs>',
             f'<text x="24" y="20" font-size="12" fill="#52606d" {FONT}>上游 upstream → '
             "下游 downstream；每列下方为供给该环节的材料与设备 (materials and equipment feed "
             "the segment above them)</text>"]
    parts += [_edge_svg(pos[a], pos[b]) for a, b in feeds if a in pos and b in pos]
    parts += [_box_svg(box, *pos[box.segment_id]) for box in boxes]
    legend_y = height - 18
    for i, (key, label) in enumerate(STRENGTH_LABELS):
        x = 24 + i * 130
        parts.append(f'<rect x="{x}" y="{legend_y - 11}" width="14" height="14" '
                     f'fill="{STRENGTH_COLOURS[key]}" stroke="#52606d"/>'
                     f'<text x="{x + 20}" y="{legend_y}" font-size="12" {FONT}>{label}</text>')
    parts.append(f'<text x="{24 + 3 * 130}" y="{legend_y}" font-size="12" fill="#52606d" '
                 f"{FONT}>专利 = 加权专利数 weighted patents; 园区 = 园区占比 park share</text>")
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
            f'viewBox="0 0 {width} {height}" role="img" aria-label="chain map">'
            + "".join(parts) + "</svg>")


def stacked_bars_svg(labels: Sequence[str], parts: Mapping[str, Sequence[float]],
                     part_labels: Mapping[str, str], width: int = 1000) -> str:
    """Horizontal stacked bars, one per label, parts in PART_COLOURS order."""
    if not labels:
        return ""
    totals = [sum(parts[p][i] for p in parts) for i in range(len(labels))]
    top = max(totals) or 1.0
    left, bar_w, row = 190, width - 190 - 70, 22
    height = 30 + row * len(labels) + 30
    out = []
    for i, label in enumerate(labels):
        y = 30 + i * row
        short = label if len(label) <= 14 else label[:13] + "…"
        out.append(f'<text x="{left - 8}" y="{y + 14}" font-size="12" text-anchor="end" '
                   f"{FONT}>{esc(short)}</text>")
        x = float(left)
        for key in parts:
            w = bar_w * parts[key][i] / top
            if w > 0:
                out.append(f'<rect x="{x:.1f}" y="{y + 3}" width="{w:.1f}" height="{row - 7}" '
                           f'fill="{PART_COLOURS.get(key, "#999")}"/>')
            x += w
        out.append(f'<text x="{x + 5:.1f}" y="{y + 14}" font-size="11" fill="#334e68" '
                   f"{FONT}>{totals[i]:.0f}</text>")
    for j, key in enumerate(parts):
        x = left + j * 170
        out.append(f'<rect x="{x}" y="8" width="12" height="12" '
                   f'fill="{PART_COLOURS.get(key, "#999")}"/><text x="{x + 17}" y="18" '
                   f'font-size="12" {FONT}>{esc(part_labels[key])}</text>')
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
            f'viewBox="0 0 {width} {height}" role="img" aria-label="stacked bars">'
            + "".join(out) + "</svg>")


def line_chart_svg(title: str, years: Sequence[int], series: Mapping[str, Sequence[float]],
                   colours: Mapping[str, str], width: int = 270, height: int = 150) -> str:
    """A small line chart: one line per series over the years, with its title."""
    if not years:
        return ""
    left, right, top, bottom = 34, 8, 24, 22
    peak = max((max(v) for v in series.values() if v), default=0.0) or 1.0
    span = max(years[-1] - years[0], 1)

    def xy(year: int, value: float) -> str:
        x = left + (width - left - right) * (year - years[0]) / span
        y = top + (height - top - bottom) * (1 - value / peak)
        return f"{x:.1f},{y:.1f}"

    out = [f'<text x="{left}" y="15" font-size="12" font-weight="700" {FONT}>{esc(title)}</text>',
           f'<line x1="{left}" y1="{height - bottom}" x2="{width - right}" y2="{height - bottom}" '
           'stroke="#9aa5b1"/>',
           f'<text x="{left - 4}" y="{top + 4}" font-size="10" text-anchor="end">{peak:.0f}</text>',
           f'<text x="{left}" y="{height - 6}" font-size="10">{years[0]}</text>',
           f'<text x="{width - right}" y="{height - 6}" font-size="10" text-anchor="end">'
           f"{years[-1]}</text>"]
    for name, values in series.items():
        points = " ".join(xy(y, v) for y, v in zip(years, values, strict=True))
        out.append(f'<polyline points="{points}" fill="none" stroke="{colours[name]}" '
                   'stroke-width="1.8"/>')
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
            f'viewBox="0 0 {width} {height}" role="img" aria-label="{esc(title)}">'
            + "".join(out) + "</svg>")
