/*
id: match.partners
title: {zh: 上下游合作伙伴, en: Partners along the chain}
description:
  zh: 为某企业找合作伙伴：在其上游或下游环节（FEEDS）有布局的企业、共同分类号、已有供货关系、已有合作。打分与排序由评分模块完成，每项都附依据。
  en: Partners for a firm — firms in the segments upstream or downstream of its own (FEEDS), shared classes, existing supply links and co-operation. Scoring ranks them and shows every part.
task: modes 1, 2, 4 innovation chain, vertical chain, leading firm
params:
  firm_id: {type: str, required: true, ref: Organization, example: org:deneng,
            description: {zh: 企业 id, en: the firm}}
columns:
  partner_id: {type: str, zh: 伙伴 id, en: partner id}
  partner: {type: str, zh: 伙伴, en: partner}
  in_park: {type: bool, zh: 在园区, en: in the park}
  upstream_segments: {type: "list[str]", zh: 上游环节, en: its segments feeding the firm's segments}
  downstream_segments: {type: "list[str]", zh: 下游环节, en: its segments fed by the firm's segments}
  shared_classes: {type: int, zh: 共同分类号数, en: classes both hold patents in}
  supply_link: {type: str, zh: 供货关系, en: "supplier, customer, both or none"}
  cooperates: {type: bool, zh: 已有合作, en: a COOPERATES_WITH link is recorded}
*/
// A firm works in a segment when it holds patents there or declares it (ACTIVE_IN). Reads
// the materialised HOLDS_IN and HOLDS_CLASS edges (docs/graph-model.md): candidates are
// gathered from the firm's side (the holders of its neighbour segments, of its classes, its
// supply links), so the cost follows its neighbourhood, not every firm's patents.
MATCH (firm:Organization {id: $firm_id})
WITH firm, [(firm)-[:HOLDS_IN]->(s:Segment) | s.id] +
           [(firm)-[:ACTIVE_IN]->(s:Segment) | s.id] AS own_segments
// Neighbour segments are computed once here: FalkorDB mis-binds a pattern comprehension
// nested in a list comprehension over nodes.
OPTIONAL MATCH (up:Segment)-[:FEEDS]->(mine:Segment)
WHERE mine.id IN own_segments AND NOT up.id IN own_segments
WITH firm, own_segments, up ORDER BY up.order, up.id
WITH firm, own_segments, collect(DISTINCT up.id) AS upstream_ids
OPTIONAL MATCH (mine:Segment)-[:FEEDS]->(down:Segment)
WHERE mine.id IN own_segments AND NOT down.id IN own_segments
WITH firm, upstream_ids, down ORDER BY down.order, down.id
WITH firm, upstream_ids, collect(DISTINCT down.id) AS downstream_ids
OPTIONAL MATCH (near:Segment)<-[:HOLDS_IN|ACTIVE_IN]-(by_segment:Organization {role: 'firm'})
WHERE near.id IN upstream_ids OR near.id IN downstream_ids
WITH firm, upstream_ids, downstream_ids, collect(DISTINCT by_segment) AS by_segments
OPTIONAL MATCH (firm)-[:HOLDS_CLASS]->(:CPC)<-[:HOLDS_CLASS]-(by_class:Organization {role: 'firm'})
WITH firm, upstream_ids, downstream_ids, by_segments, collect(DISTINCT by_class) AS by_classes
OPTIONAL MATCH (firm)-[:SUPPLIES]-(by_supply:Organization {role: 'firm'})
WITH firm, upstream_ids, downstream_ids, by_segments, by_classes,
     collect(DISTINCT by_supply) AS by_supplies
UNWIND by_segments + by_classes + by_supplies AS other
WITH DISTINCT firm, upstream_ids, downstream_ids, other
WHERE other.id <> firm.id
WITH firm, other,
     [(other)-[:HOLDS_IN]->(s:Segment) | s.id] + [(other)-[:ACTIVE_IN]->(s:Segment) | s.id]
       AS other_segments, upstream_ids, downstream_ids,
     size([(other)-[:HOLDS_CLASS]->(c:CPC)<-[:HOLDS_CLASS]-(firm) | c]) AS shared_classes,
     size([(other)-[:SUPPLIES]->(firm) | 1]) > 0 AS supplies_firm,
     size([(firm)-[:SUPPLIES]->(other) | 1]) > 0 AS buys_from_firm
WITH firm, other, shared_classes,
     [x IN upstream_ids WHERE x IN other_segments] AS upstream,
     [x IN downstream_ids WHERE x IN other_segments] AS downstream,
     CASE WHEN supplies_firm AND buys_from_firm THEN 'both'
          WHEN supplies_firm THEN 'supplier' WHEN buys_from_firm THEN 'customer'
          ELSE 'none' END AS supply_link
RETURN other.id AS partner_id, other.name AS partner, coalesce(other.in_park, false) AS in_park,
       upstream AS upstream_segments, downstream AS downstream_segments,
       shared_classes, supply_link,
       size([(firm)-[:COOPERATES_WITH]-(other) | 1]) > 0 AS cooperates
ORDER BY partner_id
