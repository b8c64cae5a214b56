"""The dashboard's two languages: Chinese first, English beside, switched in the sidebar.

Query titles, descriptions and column labels come from the pack headers; this module
holds only the words the pages themselves say.
"""

from __future__ import annotations

import streamlit as st

from innochain.queries.pack_format import Bilingual, QuerySpec

LANG_KEY = "lang"
LANGUAGES = {"zh": "中文", "en": "English"}

# key -> (zh, en). Keys name what the text is for, so a page reads like its layout.
TEXTS: dict[str, tuple[str, str]] = {
    "language": ("语言 Language", "Language 语言"),
    "park": ("园区", "Park"),
    "segment": ("环节", "Segment"),
    "firm": ("企业", "Firm"),
    "organization": ("机构", "Organisation"),
    "institute": ("科研院所", "Research institute"),
    "patent": ("专利", "Patent"),
    "patent_any": ("全部专利（整个组合）", "all patents (the whole portfolio)"),
    "plaintiff": ("原告", "Plaintiff"),
    "case": ("案件", "Case"),
    "standard": ("标准", "Standard"),
    "technology": ("技术", "Technology"),
    "alliance": ("联盟", "Alliance"),
    "agency": ("服务机构", "agency"),
    "government": ("政府部门", "government"),
    "download_csv": ("下载 CSV", "Download CSV"),
    "download_xlsx": ("下载 XLSX", "Download XLSX"),
    "no_rows": ("没有结果。", "No rows."),
    "score_parts": ("得分构成", "Score parts"),
    "waits_for": ("此视图等待查询 `{query}`（查询包尚未提供）。",
                  "This view waits for the query `{query}` (not in the packs yet)."),
    "backend_down": ("无法连接图数据库：{error}",
                     "Cannot reach the graph: {error}"),
    "backend_hint": ("检查 INNOCHAIN_GRAPH_URI 或 `innochain dashboard --uri ...`；嵌入式库可用 "
                     "`innochain db start` 启动。",
                     "Check INNOCHAIN_GRAPH_URI or `innochain dashboard --uri ...`; start the "
                     "embedded store with `innochain db start`."),
    "query_failed": ("查询失败：{error}", "The query failed: {error}"),
    "empty_graph": ("图中还没有园区和产业链。先载入数据：`innochain load chain <模板.yaml>`，"
                    "`innochain load organizations <机构.xlsx>`，专利用 `innochain load cnipa` 或 "
                    "`innochain load patentsview`；或运行 `innochain demo` 载入演示数据。",
                    "The graph holds no park and chain yet. Load data first: `innochain load "
                    "chain <template.yaml>`, `innochain load organizations <orgs.xlsx>`, patents "
                    "with `innochain load cnipa` or `innochain load patentsview`; or run "
                    "`innochain demo` for demo data."),
    "empty_section": ("暂无数据：用 `innochain load {kinds}` 载入后再看。",
                      "Nothing here yet: load it with `innochain load {kinds}`."),
    "synthetic": ("⚠ 注意：图中 {synthetic} / {patents} 件专利为合成演示数据（synthetic-demo），"
                  "不是真实专利，结论仅供演示。",
                  "⚠ Note: {synthetic} of {patents} patents in the graph are synthetic demo "
                  "records (synthetic-demo), not real patents; results are for demonstration "
                  "only."),
    "risk_disclaimer": ("以下是供人进一步核查的风险暴露信号，不是法律意见，"
                        "也不是侵权或自由实施（FTO）结论。",
                        "These are exposure signals for people to look into, never a legal "
                        "opinion, an infringement finding or a freedom-to-operate verdict."),
    "login_title": ("登录", "Sign in"),
    "password": ("密码", "Password"),
    "login_wrong": ("密码不正确。", "Wrong password."),
    "unscored": ("未评分", "unscored"),
    "strong": ("强", "strong"),
    "weak": ("弱", "weak"),
    "missing": ("缺", "missing"),
    "chain_map": ("产业链图谱", "Chain map"),
    "chain_map_help": ("环节按链上顺序排列，颜色表示强/弱/缺，箭头为供给关系（FEEDS），"
                       "下方小圆点为该环节的园区企业。可拖动、缩放。",
                       "Segments in chain order, coloured strong/weak/missing, arrows are FEEDS "
                       "links, the small dots under a segment are its park firms. Drag and zoom."),
    "headline_segments": ("环节数", "Segments"),
    "headline_patents": ("加权专利数", "Weighted patents"),
    "headline_park_share": ("园区专利占比", "Park share of patents"),
    "headline_park_firms": ("园区企业数", "Park firms"),
    "headline_classes": ("强 / 弱 / 缺", "Strong / weak / missing"),
    "segment_detail": ("环节详情", "Segment detail"),
    "park_firms_here": ("该环节的园区企业", "Park firms in this segment"),
    "go_attract": ("为此环节找招商对象 →", "Firms to attract for this segment →"),
    "go_landscape": ("查看此环节的观局 →", "Landscape of this segment →"),
    "holders_rollup": ("并入集团（子公司计入母公司）", "Roll up subsidiaries into their group"),
    "holder_mix": ("按权利人类别的加权专利数", "Weighted patents by holder class"),
    "park_cls": ("园区", "park"),
    "domestic_cls": ("国内", "domestic"),
    "foreign_cls": ("国外", "foreign"),
    "unknown_cls": ("未知", "unknown"),
    "supplier": ("供应商", "supplier"),
    "customer": ("客户", "customer"),
    "both": ("双向", "both"),
    "none": ("无", "none"),
    "plaintiff_option": ("{name}（{country}）· 案件 {cases} · 链上专利 {patents}",
                         "{name} ({country}) · cases {cases} · patents in the chain {patents}"),
    "trend": ("年度申请趋势", "Yearly filings"),
    "rta_note": ("RTA = 园区在该环节的占比 ÷ 园区在全链的占比；计数低于最小值时标记为不可靠。",
                 "RTA = the park's share in the segment ÷ its share in the whole chain; "
                 "flagged when the counts are below the minimum."),
    "choose_gap": ("选择一个缺口环节", "Choose a gap segment"),
    "gap_intro": ("先看断链和卡脖子环节，再为选定环节找招商对象和引才对象，每一行附证据。",
                  "Broken and weak links first, then firms and inventors to attract for the "
                  "chosen segment, each row with its evidence."),
    "scenario_intro": ("选择一个原告：它的诉讼能触及哪些园区机构、为什么，"
                       "以及联盟可组建的反诉专利组合。",
                       "Choose a plaintiff: the park organisations its suits could reach and why, "
                       "and the counter-assertion portfolio the alliance could assemble."),
    "no_counter_portfolio": ("联盟成员在该原告的专利分类号中没有专利，或它波及不到联盟成员。",
                             "No alliance member holds patents in this plaintiff's classes, or "
                             "its suits reach no alliance member."),
    "tab_exposure": ("风险暴露 Exposure", "Exposure"),
    "tab_scenario": ("诉讼情景 Litigation scenario", "Litigation scenario"),
    "tab_supply": ("单一来源与园区纠纷 Supply & disputes", "Single-source supply & disputes"),
    "tab_licensees": ("许可对象 Licensees", "Licensees"),
    "tab_cross": ("交叉许可 Cross-licensing", "Cross-licensing"),
    "tab_pools": ("专利池与收储 Pools", "Pools & aggregation"),
    "tab_partners": ("合作伙伴 Partners", "Partners"),
    "tab_network": ("关系网络 Network", "Network"),
    "tab_experts": ("专家 Experts", "Experts"),
    "tab_segment": ("环节 Segment", "Segment"),
    "tab_rta": ("RTA 与园区权利人 RTA & park holders", "RTA & park holders"),
    "tab_technologies": ("技术趋势 Technologies", "Technologies"),
    "licensing_intro": ("选择一个科研院所（或其一件专利），看哪些企业最可能需要许可，以及原因。",
                        "Choose an institute (or one of its patents): the firms most likely to "
                        "want a licence, and why."),
    "partners_intro": ("选择一家企业：上游供应商、下游客户与协同创新伙伴，附依据。",
                       "Choose a firm: suppliers, customers and co-innovation partners, with the "
                       "evidence."),
    "ego_network": ("关系网络", "Network"),
    "ego_help": ("中心为所选机构；绿色为园区内机构，灰色为园区外；边上的文字为关系类型。",
                 "The chosen organisation in the centre; green nodes are in the park, grey "
                 "outside; edge labels name the relationship."),
    "experts": ("技术专家（专家库）", "Experts for a technology (expert pool)"),
    "alliance_intro": ("联盟的成员、按环节合并的专利组合、成员间许可、成员间纠纷与调解视图。",
                       "The alliance's members, combined portfolio by segment, licences among "
                       "members, and disputes between members with the mediation view."),
    "no_alliance": ("图中没有联盟。用 `innochain load alliances <联盟.xlsx>` 载入成员关系。",
                    "No alliance in the graph. Load memberships with `innochain load alliances "
                    "<alliances.xlsx>`."),
    "report_placeholder": ("定期产业专利态势报告（模式 12）由命令 `innochain report landscape` 生成"
                           "（HTML、PDF 与 XLSX 表格），该功能属于另一项任务，尚未并入。",
                           "The periodic landscape report (mode 12) comes with the command "
                           "`innochain report landscape` (HTML, PDF and XLSX tables), built in "
                           "another issue and not merged yet."),
    "report_generate": ("生成报告", "Build the report"),
    "report_intro": ("定期产业专利态势发布（模式 12）：产业链全景、强弱环节、缺口与招商对象、"
                     "风险信号、近期变化和建议行动；可下载 HTML 与 XLSX。",
                     "The periodic landscape report (mode 12): chain map, strong and weak "
                     "segments, gaps and whom to attract, risk signals, recent changes and "
                     "suggested actions; download it as HTML and XLSX."),
    "report_since": ("对比起始年份（近期变化从此年算起）",
                     "Compare since (recent changes from this year)"),
    "report_building": ("正在生成报告……", "Building the report ..."),
    "report_cli": ("PDF 与定期生成：`innochain report landscape`（命令行）。",
                   "PDF and scheduled runs: `innochain report landscape` (command line)."),
    "backend": ("后端", "Backend"),
    "loaded": ("已载入", "What is loaded"),
    "load_more": ("如何载入更多数据", "How to load more"),
    "load_more_intro": ("用 `innochain load KIND 文件...` 载入；每一行要么载入要么被拒收（拒收写入 "
                        "KIND-rejects.csv）。可用的类型：",
                        "Use `innochain load KIND FILE...`; every row is loaded or rejected "
                        "(rejects go to KIND-rejects.csv). The kinds:"),
    "no_load_runs": ("还没有载入记录（LoadRun）。", "No load runs (LoadRun) recorded yet."),
    "strength_title": ("环节强弱（分类及其构成）", "Segment strength (class and its parts)"),
    "recent_since": ("近期窗口起始年份", "Recent window starts in"),
    "licensor": ("许可方（院所或企业）", "Licensor (institute or firm)"),
    "park_only": ("只看园区企业", "Park firms only"),
    "setting": ("项目", "setting"),
    "value": ("值", "value"),
    "kind": ("类型", "kind"),
    "meaning": ("说明", "what it loads"),
    "file_types": ("文件类型", "file types"),
}

# Columns that scoring adds to a query's frame (they are not in the pack headers).
SCORE_COLUMNS: dict[str, tuple[str, str]] = {
    "score": ("得分", "score"),
    "park_share": ("园区占比", "park share"),
    "park_share_overall": ("园区全链占比", "park share, whole chain"),
    "rta": ("RTA", "RTA"),
    "rta_reliable": ("RTA 可靠", "RTA reliable"),
    "foreign_share": ("国外占比", "foreign share"),
    "hhi": ("集中度 HHI", "concentration HHI"),
    "strength": ("强弱", "strength"),
    "reason": ("判断依据", "reason"),
}
SCORE_PARTS: dict[str, tuple[str, str]] = {
    "chain_fit": ("链上相邻", "chain fit"),
    "technology_fit": ("技术契合", "technology fit"),
    "supply_link": ("供货关系", "supply link"),
    "cooperation": ("已有合作", "co-operation"),
    "park_proximity": ("园区内", "in the park"),
    "citations": ("引用", "citations"),
    "segment_fit": ("环节契合", "segment fit"),
    "new_licensee": ("新被许可方", "new licensee"),
    "strength": ("环节实力", "strength"),
    "momentum": ("近期活跃", "momentum"),
    "park_citations": ("被园区引用", "park citations"),
    "supply_ties": ("供货园区", "supply ties"),
    "domestic": ("国内企业", "domestic firm"),
}

PAGE_TITLES: dict[str, tuple[str, str]] = {
    "overview": ("总览", "Overview"),
    "landscape": ("观局", "Landscape"),
    "gaps": ("布棋", "Gaps & attraction"),
    "risk": ("避险", "Risk"),
    "licensing": ("用权", "Licensing & pools"),
    "partners": ("撮合", "Partners"),
    "alliance": ("联盟", "Alliance"),
    "reports": ("报告", "Reports"),
    "data": ("数据", "Data"),
}


def lang() -> str:
    """The language the user chose: 'zh' (the default) or 'en'."""
    value = st.session_state.get(LANG_KEY, "zh")
    return value if value in LANGUAGES else "zh"


def t(key: str, **values: object) -> str:
    """The text for a key in the current language, with {placeholders} filled."""
    zh, en = TEXTS[key]
    text = zh if lang() == "zh" else en
    return text.format(**values) if values else text


def every_language(key: str) -> tuple[str, ...]:
    """The text for a key in each language (to recognise a choice made in the other one)."""
    return TEXTS[key]


def bilingual(text: Bilingual) -> str:
    """A header text (title, description) in the current language."""
    return text.zh if lang() == "zh" else text.en


def page_title(page: str) -> str:
    """Navigation title: Chinese with English beside, or English alone."""
    zh, en = PAGE_TITLES[page]
    return f"{zh} {en}" if lang() == "zh" else en


def column_labels(spec: QuerySpec) -> dict[str, str]:
    """Column name -> label in the current language, from the query header."""
    return {name: (col.zh if lang() == "zh" else col.en) or name
            for name, col in spec.columns.items()}


def score_labels(columns: list[str]) -> dict[str, str]:
    """Labels for the columns scoring adds: score, part_<name>, evidence_<name>, ratios."""
    i = 0 if lang() == "zh" else 1
    labels = {c: pair[i] for c, pair in SCORE_COLUMNS.items() if c in columns}
    for column in columns:
        for prefix, suffix in (("part_", ("得分", "part")), ("evidence_", ("依据", "evidence"))):
            if column.startswith(prefix):
                name = column[len(prefix):]
                part = SCORE_PARTS.get(name, (name, name))[i]
                labels[column] = f"{part}·{suffix[i]}" if i == 0 else f"{part} ({suffix[i]})"
    return labels


def class_label(value: str) -> str:
    """strong/weak/missing and park/domestic/foreign in the current language."""
    key = {"park": "park_cls", "domestic": "domestic_cls", "foreign": "foreign_cls",
           "unknown": "unknown_cls"}.get(value, value)
    return t(key) if key in TEXTS else value


def language_switch() -> None:
    """The sidebar 中文/English switch; it reruns the app with the new labels."""
    st.session_state.setdefault(LANG_KEY, "zh")
    st.sidebar.radio(TEXTS["language"][0], list(LANGUAGES), key=LANG_KEY, horizontal=True,
                     format_func=LANGUAGES.__getitem__)
