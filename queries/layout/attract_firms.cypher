/*
id: layout.attract_firms
title: {zh: 招商对象, en: Firms to attract for a segment (招商)}
description:
  zh: 在某环节有专利但不在园区的企业，附证据：加权专利数、近期申请、被园区专利引用次数、向园区企业供货的客户数、主要分类号。
  en: Firms outside the park holding patents in a segment, with the evidence — weighted patents, recent filings, citations from park patents, park customers they supply, their classes.
task: 布棋 layout (招商补链)
params:
  park_id: {type: str, required: true, ref: Park, example: park:demo,
            description: {zh: 园区 id, en: the park}}
  segment_id: {type: str, required: true, ref: Segment, example: fx:wafer,
               description: {zh: 需要补链的环节, en: the segment to fill}}
  since: {type: int, default: 2020, min: 1900, max: 2100, example: 2020,
          description: {zh: 近期的起始年份, en: first year counted as recent}}
  limit: {type: int, default: 20, min: 1, max: 1000, example: 10,
          description: {zh: 返回行数, en: rows returned}}
columns:
  firm_id: {type: str, zh: 企业 id, en: firm id}
  firm: {type: str, zh: 企业, en: firm}
  class: {type: str, zh: 类别, en: "domestic, foreign or unknown"}
  country: {type: str, zh: 国别, en: country}
  patents_weighted: {type: float, zh: 环节加权专利数, en: weighted patents in the segment}
  recent_patents: {type: int, zh: 近期专利数, en: patents in the segment filed since the given year}
  cited_by_park: {type: int, zh: 被园区引用次数, en: citations from park patents to these patents}
  park_customers: {type: int, zh: 园区客户数, en: park firms it already supplies}
  classes: {type: "list[str]", zh: 分类号, en: its classes in the segment}
*/
// Ranked on HOLDS_IN (materialised by derive); classes walked for the $limit firms only.
MATCH (park:Park {id: $park_id})
MATCH (s:Segment {id: $segment_id})<-[h:HOLDS_IN]-(f:Organization {role: 'firm'})
WHERE coalesce(f.in_park, false) = false
WITH park, s, f, h.weighted AS patents_weighted,
     size([y IN h.years WHERE y >= $since]) AS recent_patents,
     h.park_citations AS cited_by_park
ORDER BY patents_weighted DESC, f.id
LIMIT $limit
OPTIONAL MATCH (f)-[:OWNS]->(p:Patent)-[:IN_SEGMENT]->(s)
OPTIONAL MATCH (p)-[:CLASSIFIED_AS]->(c:CPC)
WITH park, f, patents_weighted, recent_patents, cited_by_park, c.code AS code
ORDER BY code
WITH park, f, patents_weighted, recent_patents, cited_by_park, collect(DISTINCT code) AS classes
RETURN f.id AS firm_id, f.name AS firm,
       CASE WHEN f.country IS NULL THEN 'unknown'
            WHEN f.country = park.country THEN 'domestic' ELSE 'foreign' END AS class,
       f.country AS country, patents_weighted, recent_patents, cited_by_park,
       size([(f)-[:SUPPLIES]->(c:Organization {in_park: true}) | c]) AS park_customers, classes
ORDER BY patents_weighted DESC, firm_id
LIMIT $limit
