"""The periodic landscape report (专利态势发布, handbook mode 12) as one HTML page."""

from __future__ import annotations

from datetime import date

import pandas as pd

from innochain.reports import report_findings as findings
from innochain.reports.html_parts import (
    Column,
    bullet_list,
    disclaimer,
    esc,
    heading,
    page,
    source_line,
    synthetic_banner,
    table,
)
from innochain.reports.landscape_data import LandscapeData
from innochain.reports.svg_charts import (
    PART_COLOURS,
    ChainBox,
    chain_map_svg,
    line_chart_svg,
    stacked_bars_svg,
)

TREND_SEGMENTS = 8
STRENGTH_ZH = {"strong": "强 strong", "weak": "弱 weak", "missing": "缺 missing"}
C = Column
STRENGTH_COLUMNS = [
    C("segment", "环节", "segment"), C("strength", "判断", "class"),
    C("park_weighted", "园区加权专利", "park weighted", "float1"),
    C("patents_weighted", "环节加权专利", "segment weighted", "float1"),
    C("park_share", "园区占比", "park share", "pct"), C("rta", "RTA", "RTA", "float2"),
    C("rta_reliable", "RTA 可靠", "RTA reliable", "bool"),
    C("foreign_share", "国外占比", "foreign share", "pct"), C("hhi", "集中度 HHI", "HHI", "float2"),
    C("park_holders", "园区权利人", "park holders", "int"), C("reason", "依据", "reason")]
CHAIN_COLUMNS = [
    C("order", "顺序", "order", "int"), C("segment", "环节", "segment"),
    C("stage", "阶段", "stage"),
    C("park_firms", "园区企业", "park firms", "int"),
    C("domestic_firms", "国内企业", "domestic firms", "int"),
    C("foreign_firms", "国外企业", "foreign firms", "int"),
    C("institutes", "院所", "institutes", "int"), C("patents", "专利", "patents", "int"),
    C("patents_weighted", "加权专利", "weighted", "float1"),
    C("park_patents_weighted", "园区加权", "park weighted", "float1")]
HOLDER_COLUMNS = [C("holder", "权利人", "holder"), C("class", "类别", "class"),
                  C("country", "国别", "country"), C("patents", "专利", "patents", "int"),
                  C("patents_weighted", "加权专利", "weighted", "float1")]
ATTRACT_COLUMNS = [
    C("firm", "企业", "firm"), C("class", "类别", "class"), C("country", "国别", "country"),
    C("score", "得分", "score", "float2"),
    C("patents_weighted", "环节加权专利", "weighted in segment", "float1"),
    C("recent_patents", "近期专利", "recent", "int"),
    C("cited_by_park", "被园区引用", "cited by park", "int"),
    C("park_customers", "园区客户", "park customers", "int")]
INVENTOR_COLUMNS = [C("name", "发明人", "inventor"), C("country", "国别", "country"),
                    C("patents", "环节专利", "patents", "int"),
                    C("last_year", "最近申请年", "last year", "year"),
                    C("holders", "专利权人", "holders", "list")]
EXPOSURE_COLUMNS = [
    C("firm", "园区企业", "park firm"), C("segments", "所在环节", "segments", "list"),
    C("foreign_weighted", "国外加权专利", "foreign weighted", "float1"),
    C("foreign_holders", "国外权利人", "foreign holders", "int"),
    C("cites_foreign", "引用国外专利", "cites foreign", "int"),
    C("cases_as_defendant", "被诉案件", "cases as defendant", "int")]
COVERAGE_COLUMNS = [
    C("holder", "国外权利人", "foreign holder"), C("country", "国别", "country"),
    C("segment", "环节", "segment"), C("foreign_patents", "专利数", "patents", "int"),
    C("park_firms", "园区企业", "park firms", "int"),
    C("cited_by_park", "被园区引用", "cited by park", "int")]
CHANGE_COLUMNS = [C("holder", "权利人", "holder"), C("country", "国别", "country"),
                  C("patents_since", "近期申请（各环节合计）", "filings since, summed over "
                    "segments", "int"),
                  C("segments", "环节", "segments", "list")]
CASE_COLUMNS = [C("title", "案件", "case"),
                C("year", "年份", "year", "year"), C("plaintiffs", "原告", "plaintiffs", "list"),
                C("defendants", "被告", "defendants", "list"),
                C("asserted_patents", "主张专利", "asserted", "int")]


def _chain_boxes(data: LandscapeData) -> list[ChainBox]:
    strength = {r["segment_id"]: r for r in data.strength.to_dict("records")}
    boxes = []
    for seg in data.segments.to_dict("records"):
        row = strength.get(seg["segment_id"], {})
        share = row.get("park_share")
        boxes.append(ChainBox(seg["segment_id"], seg["name_zh"], seg["stage"], int(seg["order"]),
                              str(row.get("strength", "missing")),
                              float(row.get("patents_weighted") or 0.0),
                              None if share is None or share != share else float(share)))
    return boxes


def _segment_bars(data: LandscapeData) -> str:
    rows = data.strength.sort_values(["order", "segment_id"])
    total = rows["patents_weighted"].astype(float)
    known = (rows["park_weighted"].astype(float) + rows["domestic_weighted"].astype(float)
             + rows["foreign_weighted"].astype(float))
    parts = {"park": list(rows["park_weighted"].astype(float)),
             "domestic": list(rows["domestic_weighted"].astype(float)),
             "foreign": list(rows["foreign_weighted"].astype(float)),
             "unknown": [max(t - k, 0.0) for t, k in zip(total, known, strict=True)]}
    labels = {"park": "园区 park", "domestic": "国内 domestic", "foreign": "国外 foreign",
              "unknown": "国别不明 unknown"}
    return stacked_bars_svg(list(rows["segment"]), parts, labels)


def _trend_charts(data: LandscapeData) -> str:
    trend = data.trend
    if trend.empty:
        return '<p class="empty">无 none</p>'
    years = list(range(int(trend["year"].min()), int(trend["year"].max()) + 1))
    totals = trend.groupby("segment_id")["patents_weighted"].sum()
    names = dict(zip(trend["segment_id"], trend["segment"], strict=True))
    biggest = sorted(totals.index, key=lambda s: (-float(totals[s]), str(s)))[:TREND_SEGMENTS]
    charts = []
    for segment_id in biggest:
        segment = names[segment_id]
        rows = trend[trend["segment_id"] == segment_id].set_index("year")
        series = {name: [float(rows[col].get(y, 0.0) or 0.0) for y in years]
                  for name, col in (("all", "patents_weighted"),
                                    ("park", "park_patents_weighted"))}
        charts.append(line_chart_svg(str(segment), years, series,
                                     {"all": "#52606d", "park": PART_COLOURS["park"]}))
    legend = ('<p class="source">灰线 = 全部加权申请，蓝线 = 园区加权申请 (grey: all weighted '
              "filings per year; blue: the park's)</p>")
    return f'<div class="figure">{"".join(charts)}</div>{legend}'


def _summary(data: LandscapeData) -> str:
    counts = data.strength["strength"].value_counts()
    park_total = float(data.strength["park_weighted"].sum())
    chain_total = float(data.strength["patents_weighted"].sum())
    foreign = data.foreign_coverage["holder_id"].nunique() if not data.foreign_coverage.empty else 0
    items = [
        f"园区加权专利 {park_total:.0f} 件，占全链 {chain_total:.0f} 件的 "
        f"{100 * park_total / chain_total if chain_total else 0:.1f}% "
        f"(park: {park_total:.0f} of {chain_total:.0f} weighted patents in the chain)",
        f"强 {counts.get('strong', 0)} · 弱 {counts.get('weak', 0)} · 缺 "
        f"{counts.get('missing', 0)} 个环节 (strong / weak / missing segments)",
        f"{foreign} 个国外权利人在园区企业所在环节持有 ≥5 件专利 (foreign holders with at least "
        "five patents in the park's segments)",
        f"{len(findings.new_cases(data))} 起 {data.since} 年以来的纠纷 (disputes since "
        f"{data.since})"]
    return heading(2, "一、概览", "Summary", "summary") + bullet_list([esc(i) for i in items])


def _gaps_section(data: LandscapeData) -> str:
    parts = [heading(2, "四、补链招商与引才", "Gaps: firms and inventors to attract", "gaps"),
             heading(3, "断链环节", "Broken links (no park firm)"),
             table(data.broken_links, [C("segment", "环节", "segment"),
                                       C("park_firms", "园区企业", "park firms", "int"),
                                       C("outside_holders", "园区外权利人", "holders outside",
                                         "int"),
                                       C("patents_weighted", "加权专利", "weighted", "float1")]),
             source_line("layout.broken_links")]
    for gap in data.gaps:
        label = STRENGTH_ZH.get(gap.strength, gap.strength)
        parts += [heading(3, f"{gap.segment}（{label}）", "firms and inventors to attract"),
                  table(gap.firms, ATTRACT_COLUMNS),
                  source_line("layout.attract_firms", note="score = weighted parts, see "
                              "docs/packs.md Scoring"),
                  table(gap.inventors, INVENTOR_COLUMNS), source_line("layout.attract_inventors")]
    parts += [heading(3, "技术空白点", "White space (classes with no park patent)"),
              table(data.white_space, [C("code", "分类号", "class"), C("title", "名称", "title"),
                                       C("world_patents", "专利", "patents", "int"),
                                       C("holders", "权利人", "holders", "int"),
                                       C("top_holder", "最大权利人", "top holder")], limit=10),
              source_line("layout.white_space")]
    return "".join(parts)


def _risk_section(data: LandscapeData) -> str:
    return "".join([
        heading(2, "五、风险信号", "Risks (exposure signals)", "risks"), disclaimer(),
        heading(3, "园区企业暴露度", "Exposure per park firm"),
        table(data.exposure, EXPOSURE_COLUMNS), source_line("risk.firm_exposure"),
        heading(3, "国外专利覆盖园区环节", "Foreign portfolios over the park's segments"),
        table(data.foreign_coverage.sort_values(["foreign_patents", "holder_id"],
                                                ascending=[False, True]),
              COVERAGE_COLUMNS, limit=12),
        source_line("risk.foreign_coverage"),
        heading(3, "单一供应来源", "Single-source supply"),
        table(data.single_source, [C("firm", "园区企业", "park firm"),
                                   C("product", "产品", "product"),
                                   C("supplier", "唯一供应商", "only supplier"),
                                   C("supplier_class", "类别", "class")]),
        source_line("risk.single_source"),
        heading(3, "园区内纠纷", "Disputes inside the park"),
        table(data.park_disputes, [C("title", "案件", "case"), C("year", "年份", "year", "year"),
                                   C("asserted", "涉案专利", "asserted", "list"),
                                   C("common_alliances", "共同联盟", "common alliances", "list")]),
        source_line("risk.park_disputes")])


def _changes_section(data: LandscapeData) -> str:
    return "".join([
        heading(2, f"六、{data.since} 年以来的变化（预警）",
                f"What changed since {data.since} (early warning)", "changes"),
        heading(3, "国外权利人在园区环节的新申请", "New filings by foreign holders in the park's "
                "segments"),
        table(findings.new_foreign_filings(data), CHANGE_COLUMNS, limit=10),
        source_line("landscape.new_filings"),
        heading(3, "新纠纷", "New disputes"), table(findings.new_cases(data), CASE_COLUMNS),
        source_line("data.cases"),
        heading(3, "新进入者", "New entrants (first filing in the chain since the year)"),
        table(findings.new_entrants(data), CHANGE_COLUMNS, limit=10,
              empty="无新进入者 none: every holder filing now filed in the chain before"),
        source_line("landscape.new_filings")])


def render_landscape(data: LandscapeData, generated: date | None = None) -> str:
    """The report page."""
    park = data.park
    meta = (f"园区 Park: {park['name']} ({park['park_id']}) · 产业链 chain: {park['chain']} · "
            f"对比年份 since: {data.since} · 生成 generated: {(generated or date.today())}")
    sections = [
        _summary(data),
        heading(2, "二、产业链全景", "Chain map", "chain"),
        f'<div class="figure">{chain_map_svg(_chain_boxes(data), data.feeds)}</div>',
        table(data.chain_map, CHAIN_COLUMNS), source_line("landscape.chain_map",
                                                          "landscape.segment_strength"),
        heading(2, "三、各环节态势与强弱", "Segments: figures, trends, strengths and weaknesses",
                "segments"),
        heading(3, "各环节加权专利构成", "Weighted patents per segment by holder class"),
        f'<div class="figure">{_segment_bars(data)}</div>',
        heading(3, "年度申请趋势", "Filings per year, largest segments"), _trend_charts(data),
        source_line("landscape.filing_trend_by_segment"),
        heading(3, "强弱环节（RTA）", "Strengths and weaknesses (RTA with its counts)"),
        table(data.strength.sort_values(["order", "segment_id"]), STRENGTH_COLUMNS),
        source_line("landscape.segment_strength", note="RTA = park share in the segment ÷ park "
                    "share in the whole chain; thresholds are scoring settings"),
        heading(3, "卡脖子环节", "Weak links (foreign-dominated)"),
        table(data.weak_links, [C("segment", "环节", "segment"),
                                C("park_share", "园区占比", "park share", "pct"),
                                C("foreign_share", "国外占比", "foreign share", "pct"),
                                C("top_foreign_holder", "最大国外权利人", "top foreign holder"),
                                C("top_foreign_weighted", "其加权专利", "its weighted",
                                  "float1")]),
        source_line("layout.weak_links"),
        heading(3, "主要专利权人", "Top patent holders"),
        table(data.top_holders, HOLDER_COLUMNS), source_line("landscape.top_holders"),
        _gaps_section(data), _risk_section(data), _changes_section(data),
        heading(2, "七、建议行动", "Suggested actions", "actions"),
        bullet_list(findings.suggested_actions(data), "actions"),
    ]
    banners = [synthetic_banner(*data.synthetic)]
    return page("产业专利态势发布", "Patent landscape report", meta, banners, sections)


def landscape_tables(data: LandscapeData) -> dict[str, pd.DataFrame]:
    """The report's tables for the XLSX, one sheet each."""
    tables = {"chain_map": data.chain_map, "segment_strength": data.strength,
              "filing_trend": data.trend, "top_holders": data.top_holders,
              "park_holders": data.park_holders, "weak_links": data.weak_links,
              "broken_links": data.broken_links, "white_space": data.white_space,
              "growth": data.growth, "firm_exposure": data.exposure,
              "foreign_coverage": data.foreign_coverage, "single_source": data.single_source,
              "park_disputes": data.park_disputes,
              "new_foreign_filings": findings.new_foreign_filings(data),
              "new_cases": findings.new_cases(data), "new_entrants": findings.new_entrants(data)}
    for gap in data.gaps:
        slug = gap.segment_id.split(":")[-1]
        tables[f"attract_{slug}"] = gap.firms
        tables[f"inventors_{slug}"] = gap.inventors
    return tables
