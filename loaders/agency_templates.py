"""The agency's own templates: their columns as data, the shipped header files, and the README.

The column specs drive the readers (`innochain.loaders.agency_loaders`), the empty header
files in `seed_data/templates/` and the table in its README, so the three never disagree.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from innochain.loaders.tabular import ColumnSpec as C

TEMPLATE_DIR = "seed_data/templates"
ROLES = {"firm": "firm", "企业": "firm", "公司": "firm", "institute": "institute",
         "研究院": "institute", "高校": "institute", "科研院所": "institute", "大学": "institute",
         "agency": "agency", "服务机构": "agency", "中介": "agency", "中介机构": "agency",
         "government": "government", "政府": "government", "管委会": "government",
         "alliance": "alliance", "联盟": "alliance", "产业联盟": "alliance"}
SIZES = {"large": "large", "大": "large", "大型": "large", "medium": "medium", "中": "medium",
         "中型": "medium", "small": "small", "小": "small", "小型": "small", "微型": "small",
         "小微": "small"}
LICENCE_KINDS = {"license": "license", "licence": "license", "普通许可": "license",
                 "许可": "license", "exclusive": "exclusive", "独占许可": "exclusive",
                 "排他许可": "exclusive", "cross": "cross", "交叉许可": "cross",
                 "transfer": "transfer", "转让": "transfer", "pledge": "pledge", "质押": "pledge",
                 "equity": "equity", "作价入股": "equity", "入股": "equity"}
COUNTRIES = {"中国": "CN", "美国": "US", "德国": "DE", "日本": "JP", "韩国": "KR", "英国": "GB",
             "法国": "FR", "荷兰": "NL", "瑞士": "CH", "印度": "IN", "新加坡": "SG",
             "澳大利亚": "AU", "加拿大": "CA", "越南": "VN", "马来西亚": "MY", "泰国": "TH",
             "中国台湾": "TW", "台湾": "TW", "中国香港": "HK", "香港": "HK"}


@dataclass(frozen=True)
class Template:
    """One agency template: its kind (also the file name) and columns."""

    kind: str
    title: str
    columns: tuple[C, ...]

    @property
    def path(self) -> str:
        """Where the empty header file ships, as named in error messages."""
        return f"{TEMPLATE_DIR}/{self.kind}.csv"


def _org(name: str, zh: tuple[str, ...], en: tuple[str, ...], example: str, what: str) -> C:
    return C(name, "text", True, zh, en, example,
             f"{what}: name, English name, alias, USCC or id of an organisation already loaded")


ORGANIZATIONS = Template("organizations", "机构 Organisations", (
    C("id", "text", False, ("编号", "机构编号"), ("ID", "org_id"), "",
      "node id (uscc:<code> or org:<name key>); leave empty to derive it from uscc or name"),
    C("name", "text", True, ("名称", "机构名称", "企业名称", "单位名称"),
      ("organization", "org_name"),
      "隆基绿能科技股份有限公司", "display name, Chinese first when known"),
    C("name_en", "text", False, ("英文名称", "英文名"), ("english name",),
      "LONGi Green Energy Technology Co., Ltd.", "English name"),
    C("role", "text", False, ("类型", "角色", "机构类型"), ("type",), "firm",
      "firm|institute|agency|government|alliance (企业/研究院/服务机构/政府/联盟); default firm"),
    C("uscc", "text", False, ("统一社会信用代码", "信用代码"), ("credit code",),
      "91610000719744800E", "unified social credit code, 18 characters"),
    C("aliases", "list", False, ("别名", "曾用名", "简称"), ("alias",), "隆基股份;LONGi",
      "other names, `;`-separated"),
    C("country", "text", False, ("国家", "国别"), ("country code",), "CN",
      "ISO 3166 alpha-2 code (or 中国, 美国 ...)"),
    C("region", "text", False, ("地区", "省市", "所在地"), ("province",), "陕西西安", "region"),
    C("founded", "year", False, ("成立年份", "成立时间", "成立日期"), ("founded year",), "2000",
      "year founded"),
    C("size", "text", False, ("规模", "企业规模"), (), "large",
      "large|medium|small (大型/中型/小型)"),
    C("in_park", "bool", False, ("是否园区企业", "在园区", "是否入园"), ("in park",), "是",
      "is it in the park (是/否)"),
    C("park", "text", False, ("园区", "所在园区"), ("park id",), "xian-hightech",
      "park id when in_park; links LOCATED_IN to a park loaded first with `parks`"),
    C("note", "text", False, ("备注", "说明"), ("remark", "remarks"), "",
      "free text kept on the node (e.g. `fictional-demo` for made-up organisations)"),
))

PARKS = Template("parks", "园区 Parks", (
    C("id", "text", True, ("园区编号", "编号"), ("park id", "park_id"), "xian-hightech",
      "park id, as named in the organisations' `park` column"),
    C("name", "text", True, ("园区名称", "名称"), ("park name",), "西安高新技术产业开发区",
      "display name, Chinese first when known"),
    C("name_en", "text", False, ("英文名称", "英文名"), ("english name",),
      "Xi'an Hi-Tech Industries Development Zone", "English name"),
    C("country", "text", False, ("国家", "国别"), ("country code",), "CN",
      "ISO 3166 alpha-2 code (or 中国, 美国 ...); tells domestic from foreign holders"),
    C("region", "text", False, ("地区", "省市", "所在地"), ("province",), "陕西西安", "region"),
    C("chain", "text", False, ("产业链", "产业链模板"), ("chain id",), "pv",
      "id of the park's chain template (load it with `innochain load chain`)"),
))

SUPPLY_LINKS = Template("supply-links", "供应关系 Supply links", (
    _org("supplier", ("供应商", "供方"), ("seller",), "通威股份有限公司", "the supplier"),
    _org("customer", ("客户", "需方", "采购方"), ("buyer",), "隆基绿能科技股份有限公司",
         "the customer"),
    C("product", "text", False, ("产品", "供应产品"), (), "polysilicon", "what is supplied"),
    C("since", "year", False, ("开始年份", "起始年份"), ("from",), "2021", "first year"),
    C("until", "year", False, ("结束年份", "截止年份"), ("to",), "2023", "last year"),
    C("quantity", "text", False, ("数量", "供货量"), ("volume",), "10.9万吨",
      "contract quantity as published"),
    C("source_url", "text", False, ("来源", "来源链接", "出处"), ("url", "source"),
      "https://example.org/news", "where the link was published"),
))

LICENCES = Template("licences", "许可 Licences", (
    _org("licensor", ("许可方", "让与人", "出让方"), ("assignor",), "西安交通大学", "the licensor"),
    _org("licensee", ("被许可方", "受让人", "受让方"), ("assignee",), "隆基绿能科技股份有限公司",
         "the licensee"),
    C("patent", "text", True, ("专利号", "公开号", "公开(公告)号"), ("publication number",),
      "CN114123456A", "publication number of the licensed patent"),
    C("kind", "text", False, ("许可类型", "类型"), ("type",), "exclusive",
      "license|exclusive|cross|transfer|pledge|equity "
      "(普通许可/独占许可/交叉许可/转让/质押/作价入股)"),
    C("date", "date", False, ("日期", "备案日期", "生效日期"), ("effective date",), "2021-03-05",
      "date of the contract or its recording"),
))

ALLIANCES = Template("alliances", "联盟成员 Alliance members", (
    _org("alliance", ("联盟", "联盟名称"), ("alliance name",), "西安光伏产业知识产权联盟",
         "the alliance (loaded with role alliance)"),
    _org("member", ("成员", "成员单位"), ("member name",), "隆基绿能科技股份有限公司",
         "the member"),
    C("role", "text", False, ("角色", "成员角色"), ("member role",), "理事长单位",
      "role in the alliance"),
    C("since", "year", False, ("加入年份", "入盟年份"), ("joined",), "2020", "year joined"),
))

STANDARDS = Template("standards", "标准 Standards", (
    C("standard", "text", True, ("标准号", "标准编号"), ("standard id", "standard_id"),
      "GB/T 39551.3-2020", "standard id"),
    C("name", "text", False, ("标准名称", "名称"), ("title",), "专利导航指南 第3部分：区域规划",
      "standard title"),
    C("body", "text", False, ("发布机构", "标准组织"), ("organisation", "sdo"), "SAC",
      "standards body"),
    C("year", "year", False, ("发布年份", "年份"), (), "2020", "year published"),
    C("patent", "text", False, ("专利号", "公开号", "标准必要专利"), ("publication number",),
      "CN114123456A", "a declared essential patent (one per row; repeat the standard)"),
    C("declared", "date", False, ("声明日期", "披露日期"), ("declaration date",), "2021-03-05",
      "date the patent was declared"),
))

CASES = Template("cases", "纠纷 Cases", (
    C("case_id", "text", True, ("案件编号", "编号"), ("id",), "maxeon-csi-2024",
      "your id for the case"),
    C("title", "text", False, ("案件名称", "标题"), ("name",), "Maxeon v. Canadian Solar",
      "short title"),
    C("year_filed", "year", False, ("立案年份", "年份"), ("year",), "2024", "year filed"),
    C("date_filed", "date", False, ("立案日期", "起诉日期"), ("filed",), "2024-03-18",
      "date filed"),
    C("forum", "text", False, ("受理机构", "法院"), ("court",), "E.D. Tex.", "court or office"),
    C("jurisdiction", "text", False, ("司法辖区", "国家"), (), "US", "country or region"),
    C("case_number", "text", False, ("案号",), ("docket",), "2:24-cv-00210", "docket number"),
    C("plaintiffs", "list", False, ("原告", "申请人", "请求人"), ("plaintiff", "complainant"),
      "Maxeon Solar Technologies", "`;`-separated organisations"),
    C("defendants", "list", False, ("被告", "被申请人", "被请求人"), ("defendant", "respondents"),
      "Canadian Solar Inc.;Canadian Solar (USA) Inc.", "`;`-separated organisations"),
    C("asserted_patents", "list", False, ("涉案专利", "主张专利"), ("patents",),
      "US 8,222,516;US 8,878,053", "`;`-separated publication numbers"),
    C("technology", "text", False, ("技术", "涉及技术"), (), "TOPCon", "technology in dispute"),
    C("status", "text", False, ("状态", "结果"), ("outcome", "outcome_or_status"), "pending",
      "status or outcome"),
    C("source_url", "text", False, ("来源", "来源链接"), ("url",), "https://example.org/case",
      "where the case was reported"),
))

PRODUCTS = Template("products", "产品 Products", (
    _org("firm", ("企业", "生产企业", "厂商"), ("maker", "manufacturer"),
         "隆基绿能科技股份有限公司", "the maker"),
    C("product", "text", True, ("产品编号", "型号"), ("product id", "product_id", "model"),
      "LR5-72HPH-540M", "product id or model"),
    C("name", "text", False, ("产品名称", "名称"), ("product name",), "Hi-MO 5m",
      "product name"),
    C("segment", "text", False, ("产业链环节", "环节"), ("segment id",), "pv:module",
      "segment id `<chain>:<segment>` of a loaded chain template"),
    C("technology", "text", False, ("技术", "技术路线"), (), "Mono-c-Si PERC",
      "technology as the maker states it"),
))

TEMPLATES: dict[str, Template] = {t.kind: t for t in (
    PARKS, ORGANIZATIONS, SUPPLY_LINKS, LICENCES, ALLIANCES, STANDARDS, CASES, PRODUCTS)}


def header_row(template: Template) -> str:
    """The English header line of a template file."""
    return ",".join(c.name for c in template.columns)


def write_template_files(root: Path) -> list[Path]:
    """Write each template's empty header file (UTF-8 with BOM, for Excel); returns paths."""
    written = []
    for template in TEMPLATES.values():
        path = root / template.path
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(header_row(template) + "\n", encoding="utf-8-sig")
        written.append(path)
    return written


def template_readme_table(template: Template) -> str:
    """The Markdown table documenting one template's columns."""
    lines = [f"### `{template.kind}` — {template.title}", "",
             f"File: `{template.kind}.csv`. Load: `innochain load {template.kind} FILE`.", "",
             "| column | type | required | Chinese headers | example | meaning |",
             "|---|---|---|---|---|---|"]
    for c in template.columns:
        lines.append(f"| `{c.name}` | {c.type} | {'yes' if c.required else ''} | "
                     f"{' / '.join(c.zh)} | {c.example} | {c.description} |")
    return "\n".join(lines)
