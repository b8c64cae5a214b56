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
// the materialised HOLDS_IN and HOLDS_CLASS edges (docs/graph-model.md). Every part is
// gathered from the firm's side as a list of (candidate, part) entries, each pair once: the
// holders of its neighbour segments with the segment, the holders of its classes once per
// shared class, its supply links; one grouping per candidate at the end. Nothing is walked
// per candidate, and no long list is a grouping key (FalkorDB hashes it for every row).
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
WITH firm, upstream_ids, downstream_ids,
     [(firm)<-[:SUPPLIES]-(supplier:Organization) | supplier.id] AS supplier_ids,
     [(firm)-[:SUPPLIES]->(customer:Organization) | customer.id] AS customer_ids,
     [(firm)-[:COOPERATES_WITH]-(cooperating:Organization) | cooperating.id] AS cooperating_ids,
     [(near:Segment)<-[:HOLDS_IN|ACTIVE_IN]-(by_segment:Organization {role: 'firm'})
      WHERE near.id IN upstream_ids OR near.id IN downstream_ids
      | {other: by_segment, segment: near.id, class: 0}] +
     [(firm)-[:HOLDS_CLASS]->(:CPC)<-[:HOLDS_CLASS]-(by_class:Organization {role: 'firm'})
      | {other: by_class, segment: null, class: 1}] +
     [(firm)-[:SUPPLIES]-(by_supply:Organization {role: 'firm'})
      | {other: by_supply, segment: null, class: 0}]
       AS found
UNWIND found AS f
WITH firm, upstream_ids, downstream_ids, supplier_ids, customer_ids, cooperating_ids,
     f.other AS other, f.segment AS segment, f.class AS class
WHERE other.id <> firm.id
WITH upstream_ids, downstream_ids, supplier_ids, customer_ids, cooperating_ids, other,
     collect(DISTINCT segment) AS near_ids, toInteger(sum(class)) AS shared_classes
WITH other, shared_classes, near_ids, upstream_ids, downstream_ids, cooperating_ids,
     other.id IN supplier_ids AS supplies_firm, other.id IN customer_ids AS buys_from_firm
RETURN other.id AS partner_id, other.name AS partner, coalesce(other.in_park, false) AS in_park,
       [x IN upstream_ids WHERE x IN near_ids] AS upstream_segments,
       [x IN downstream_ids WHERE x IN near_ids] AS downstream_segments,
       shared_classes,
       CASE WHEN supplies_firm AND buys_from_firm THEN 'both'
            WHEN supplies_firm THEN 'supplier' WHEN buys_from_firm THEN 'customer'
            ELSE 'none' END AS supply_link,
       other.id IN cooperating_ids AS cooperates
ORDER BY partner_id
