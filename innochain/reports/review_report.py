"""IP review of a proposed project (知识产权评议, handbook mode 7): a firm and a technology.

Who holds what around the technology, the firm's exposure signals, white space in the
technology's segment, and partners — each table from one runner query (scored where the
query has a scorer), each with its source.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

import pandas as pd

from innochain.errors import QueryPackError
from innochain.graph.store import GraphStore
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
from innochain.reports.landscape_data import park_row, query_frame, synthetic_counts
from innochain.reports.landscape_report import EXPOSURE_COLUMNS, HOLDER_COLUMNS
from innochain.reports.svg_charts import PART_COLOURS, line_chart_svg

SCENARIO_PLAINTIFFS = 4  # would-be plaintiffs whose reach over the firm is shown
C = Column


@dataclass
class ReviewData:
    """Everything the review shows."""

    firm: dict[str, Any]
    technology: dict[str, Any]
    park: dict[str, Any]
    synthetic: tuple[int, int]
    trend: pd.DataFrame
    growth: pd.DataFrame
    holders: pd.DataFrame
    experts: pd.DataFrame
    exposure: pd.DataFrame
    coverage: pd.DataFrame
    scenarios: pd.DataFrame
    white_space: pd.DataFrame
    partners: pd.DataFrame
    co_innovation: pd.DataFrame
    cross_licensing: pd.DataFrame


def _one(frame: pd.DataFrame, what: str) -> dict[str, Any]:
    if frame.empty:
        raise QueryPackError(f"{what} is not in the graph")
    return dict(frame.iloc[0])


def _scenarios(store: GraphStore, park_id: str, firm_id: str) -> pd.DataFrame:
    """For the holders most likely to sue (cases brought, then patents), their reach over
    the firm (risk.litigation_scenario rows for this firm only)."""
    candidates = query_frame(store, "data.plaintiff_candidates", park_id=park_id, limit=50)
    rows = []
    for cand in candidates.head(SCENARIO_PLAINTIFFS).to_dict("records"):
        reach = query_frame(store, "risk.litigation_scenario", plaintiff_id=cand["org_id"])
        for hit in reach[reach["org_id"] == firm_id].to_dict("records"):
            rows.append({"plaintiff": cand["name"], "class": cand["class"],
                         "cases_as_plaintiff": cand["cases_as_plaintiff"], **hit})
    return pd.DataFrame(rows)


def gather_review(store: GraphStore, firm_id: str, technology_id: str) -> ReviewData:
    """Run every query the review needs (the park is the firm's, else the only one)."""
    firm = _one(query_frame(store, "data.organizations", org_id=firm_id, limit=1),
                f"organisation {firm_id!r} (find ids with `innochain query "
                "match.find_organization -p name=...`)")
    park = park_row(store, None)
    pid = str(park["park_id"])
    techs = query_frame(store, "data.technologies", park_id=pid)
    technology = _one(techs[techs["technology_id"] == technology_id],
                      f"technology {technology_id!r} of chain {park['chain']} (ids: "
                      + ", ".join(list(techs["technology_id"])[:6]) + " ...)")
    segment = str(technology["segment_id"])
    trend = query_frame(store, "landscape.filing_trend_by_technology", park_id=pid)
    growth = query_frame(store, "layout.growth_technologies", park_id=pid,
                         since=date.today().year - 3, min_recent=0)
    coverage = query_frame(store, "risk.foreign_coverage", park_id=pid)
    attract = query_frame(store, "layout.attract_firms", park_id=pid, segment_id=segment,
                          limit=1000)
    classes = {c for row in attract["classes"] for c in (row or [])} if not attract.empty else set()
    white = query_frame(store, "layout.white_space", min_world=2, limit=5000)
    return ReviewData(
        firm=firm, technology=technology, park=park, synthetic=synthetic_counts(store),
        trend=trend[trend["technology_id"] == technology_id],
        growth=growth[growth["technology_id"] == technology_id],
        holders=query_frame(store, "landscape.top_holders", park_id=pid, segment_id=segment,
                            limit=12),
        experts=query_frame(store, "match.experts", technology_id=technology_id, limit=10),
        exposure=query_frame(store, "risk.firm_exposure", park_id=pid, firm_id=firm_id),
        coverage=coverage[coverage["segment_id"] == segment],
        scenarios=_scenarios(store, pid, firm_id),
        white_space=white[white["code"].isin(classes)].head(12),
        partners=query_frame(store, "match.partners", firm_id=firm_id).head(10),
        co_innovation=query_frame(store, "match.co_innovation", org_id=firm_id).head(10),
        cross_licensing=query_frame(store, "exploit.cross_licensing", firm_id=firm_id).head(8))


def _trend_chart(data: ReviewData) -> str:
    if data.trend.empty:
        return '<p class="empty">无 none</p>'
    rows = data.trend.set_index("year")
    years = list(range(int(rows.index.min()), int(rows.index.max()) + 1))
    series = {"all": [float(rows["patents"].get(y, 0) or 0) for y in years],
              "park": [float(rows["park_patents"].get(y, 0) or 0) for y in years]}
    chart = line_chart_svg(f"{data.technology['name_zh']} 年度申请 filings per year", years,
                           series, {"all": "#52606d", "park": PART_COLOURS["park"]},
                           width=620, height=220)
    return (f'<div class="figure">{chart}</div><p class="source">灰线 = 全部申请，蓝线 = 园区申请 '
            "(grey: all filings; blue: the park's)</p>")


def _review_points(data: ReviewData) -> list[str]:
    """The review's findings, each with its numbers."""
    points = []
    for row in data.exposure.to_dict("records"):
        points.append(f"暴露信号 Exposure: {row['foreign_weighted']:.1f} weighted foreign-only "
                      f"patents and {row['foreign_holders']} foreign holders in the firm's "
                      f"segments; {row['cases_as_defendant']} cases as defendant")
    if not data.coverage.empty:
        top = data.coverage.sort_values(["foreign_patents", "holder_id"],
                                        ascending=[False, True]).iloc[0]
        points.append(f"最大国外布局 Largest foreign portfolio in the segment: {top['holder']} "
                      f"({top['country']}), {top['foreign_patents']} patents, cited "
                      f"{top['cited_by_park']}× by park patents")
    for row in data.growth.to_dict("records"):
        points.append(f"技术动向 Momentum: {row['recent_patents']} filings in the last window "
                      f"against {row['earlier_patents']} before (growth {row['growth']:.2f})")
    if not data.partners.empty:
        top = data.partners.iloc[0]
        points.append(f"首选伙伴 First partner: {top['partner']} (score {top['score']:.2f}; "
                      f"{top['evidence_chain_fit']}; {top['evidence_supply_link']})")
    return [esc(p) for p in points]


def render_review(data: ReviewData, generated: date | None = None) -> str:
    """The review page."""
    firm, tech = data.firm, data.technology
    meta = (f"企业 Firm: {firm['name']} ({firm['org_id']}) · 技术 Technology: {tech['name_zh']} "
            f"{tech['name_en']} ({tech['technology_id']}, segment {tech['segment_id']}) · "
            f"生成 generated: {generated or date.today()}")
    sections = [
        heading(2, "一、评议要点", "Review points", "points"),
        bullet_list(_review_points(data)),
        heading(2, "二、技术态势", "The technology's filings", "trend"), _trend_chart(data),
        source_line("landscape.filing_trend_by_technology", "layout.growth_technologies"),
        heading(2, "三、周边权利人与组合", "Holders and portfolios around it", "holders"),
        table(data.holders, HOLDER_COLUMNS), source_line("landscape.top_holders"),
        heading(3, "技术专家", "Experts (inventors) in the technology"),
        table(data.experts, [C("name", "发明人", "inventor"), C("country", "国别", "country"),
                             C("patents", "专利", "patents", "int"),
                             C("last_year", "最近申请", "last year", "year"),
                             C("organisations", "服务机构", "holders", "list"),
                             C("park_affiliated", "与园区有关", "park", "bool")]),
        source_line("match.experts"),
        heading(2, "四、风险信号", "Exposure signals", "risks"), disclaimer(),
        table(data.exposure, EXPOSURE_COLUMNS), source_line("risk.firm_exposure"),
        heading(3, "国外权利人在本环节", "Foreign holders in the technology's segment"),
        table(data.coverage, [C("holder", "国外权利人", "foreign holder"),
                              C("country", "国别", "country"),
                              C("foreign_patents", "专利", "patents", "int"),
                              C("cited_by_park", "被园区引用", "cited by park", "int")]),
        source_line("risk.foreign_coverage"),
        heading(3, "诉讼情景", "Litigation scenarios reaching the firm"),
        table(data.scenarios, [C("plaintiff", "假设原告", "would-be plaintiff"),
                               C("class", "类别", "class"),
                               C("cases_as_plaintiff", "已起诉案件", "cases brought", "int"),
                               C("accused", "已被其起诉", "accused already", "bool"),
                               C("shared_segments", "共同环节", "shared segments", "list"),
                               C("reach", "关联强度", "reach", "int")]),
        source_line("data.plaintiff_candidates", "risk.litigation_scenario"),
        heading(2, "五、空白点", "White space in the segment", "white"),
        table(data.white_space, [C("code", "分类号", "class"), C("title", "名称", "title"),
                                 C("world_patents", "专利", "patents", "int"),
                                 C("top_holder", "最大权利人", "top holder")]),
        source_line("layout.white_space", note="classes of the segment with no park patent"),
        heading(2, "六、建议伙伴", "Suggested partners", "partners"),
        table(data.partners, [C("partner", "伙伴", "partner"),
                              C("in_park", "园区内", "in park", "bool"),
                              C("score", "得分", "score", "float2"),
                              C("evidence_chain_fit", "链上位置", "chain fit"),
                              C("evidence_technology_fit", "技术匹配", "technology fit"),
                              C("evidence_supply_link", "供货", "supply")]),
        source_line("match.partners", note="scored; parts in docs/packs.md Scoring"),
        heading(3, "交叉许可候选", "Cross-licensing instead of litigation"),
        table(data.cross_licensing, [C("partner", "对方", "competitor"),
                                     C("own_patents", "本方专利", "own", "int"),
                                     C("partner_patents", "对方专利", "theirs", "int"),
                                     C("cites_partner", "本方引用对方", "cites them", "int"),
                                     C("cited_by_partner", "对方引用本方", "cited by them",
                                       "int"),
                                     C("disputes", "案件", "cases", "int")]),
        source_line("exploit.cross_licensing")]
    return page("项目知识产权评议", "IP review of a proposed project", meta,
                [synthetic_banner(*data.synthetic)], sections)


def review_tables(data: ReviewData) -> dict[str, pd.DataFrame]:
    """The review's tables for an XLSX."""
    return {"trend": data.trend, "holders": data.holders, "experts": data.experts,
            "exposure": data.exposure, "foreign_coverage": data.coverage,
            "scenarios": data.scenarios, "white_space": data.white_space,
            "partners": data.partners, "cross_licensing": data.cross_licensing}
