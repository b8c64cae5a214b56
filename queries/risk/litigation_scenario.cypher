/*
id: risk.litigation_scenario
title: {zh: 诉讼情景推演, en: Litigation scenario}
description:
  zh: 假设某权利人发起诉讼：它的专利组合会波及哪些园区企业和院所，原因是什么——共同环节、共同分类号、与其已起诉对象的供货关系。是暴露信号，不是法律结论。
  en: If this holder sues — which park firms and institutes its portfolio reaches, and why — shared segments, shared classes, supply links to the firms it has already accused. An exposure signal, not a legal conclusion.
task: 避险 risk (337, litigation)
params:
  plaintiff_id: {type: str, required: true, ref: Organization, example: org:solaris,
                 description: {zh: 假设的原告, en: the would-be plaintiff}}
columns:
  org_id: {type: str, zh: 园区机构 id, en: park organisation id}
  org: {type: str, zh: 园区机构, en: park organisation}
  role: {type: str, zh: 类型, en: "role: firm or institute"}
  accused: {type: bool, zh: 已被其起诉, en: already a defendant in one of its cases}
  shared_segments: {type: "list[str]", zh: 共同环节, en: segments both work in (chain order)}
  shared_classes: {type: "list[str]", zh: 共同分类号, en: classes both hold patents in}
  accused_links: {type: "list[str]", zh: 与被诉方的供货关系, en: accused firms it buys from or sells to}
  reach: {type: int, zh: 关联强度, en: number of reasons listed}
*/
MATCH (plaintiff:Organization {id: $plaintiff_id})
OPTIONAL MATCH (plaintiff)-[:OWNS]->(:Patent)-[:IN_SEGMENT]->(ps:Segment)
WITH plaintiff, collect(DISTINCT ps.id) AS p_segments
OPTIONAL MATCH (plaintiff)-[:OWNS]->(:Patent)-[:CLASSIFIED_AS]->(pc:CPC)
WITH plaintiff, p_segments, collect(DISTINCT pc.code) AS p_classes
OPTIONAL MATCH (plaintiff)-[side:PARTY_TO]->(:Case)<-[dside:PARTY_TO]-(accused:Organization)
WHERE side.side = 'plaintiff' AND dside.side = 'defendant'
WITH plaintiff, p_segments, p_classes, collect(DISTINCT accused.id) AS accused_ids
MATCH (o:Organization {in_park: true})
WHERE o.role = 'firm' OR o.role = 'institute'
OPTIONAL MATCH (o)-[:OWNS]->(:Patent)-[:IN_SEGMENT]->(owned:Segment)
WITH plaintiff, p_segments, p_classes, accused_ids, o, collect(DISTINCT owned) AS owned
OPTIONAL MATCH (o)-[:ACTIVE_IN]->(declared:Segment)
WITH plaintiff, p_segments, p_classes, accused_ids, o, owned,
     collect(DISTINCT declared) AS declared
WITH plaintiff, p_segments, p_classes, accused_ids, o,
     owned + [d IN declared WHERE NOT d IN owned] AS o_segments
UNWIND (CASE WHEN size(o_segments) = 0 THEN [null] ELSE o_segments END) AS s
WITH plaintiff, p_segments, p_classes, accused_ids, o, s ORDER BY s.order, s.id
WITH p_segments, p_classes, accused_ids, o, collect(s.id) AS o_segment_ids
WITH p_classes, accused_ids, o, [x IN o_segment_ids WHERE x IN p_segments] AS shared_segments
OPTIONAL MATCH (o)-[:OWNS]->(:Patent)-[:CLASSIFIED_AS]->(c:CPC)
WITH p_classes, accused_ids, o, shared_segments, c.code AS code ORDER BY code
WITH p_classes, accused_ids, o, shared_segments, collect(DISTINCT code) AS o_classes
WITH accused_ids, o, shared_segments, [x IN o_classes WHERE x IN p_classes] AS shared_classes
OPTIONAL MATCH (o)-[:SUPPLIES]-(partner:Organization)
WHERE partner.id IN accused_ids
WITH accused_ids, o, shared_segments, shared_classes, partner.id AS partner_id
ORDER BY partner_id
WITH accused_ids, o, shared_segments, shared_classes, collect(DISTINCT partner_id) AS accused_links
WITH o, o.id IN accused_ids AS accused, shared_segments, shared_classes, accused_links,
     size(shared_segments) + size(shared_classes) + size(accused_links) AS reach
WHERE accused OR reach > 0
RETURN o.id AS org_id, o.name AS org, o.role AS role, accused, shared_segments, shared_classes,
       accused_links, reach
ORDER BY CASE WHEN accused THEN 0 ELSE 1 END, reach DESC, org_id
