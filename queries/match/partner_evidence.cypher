/*
id: match.partner_evidence
title: {zh: 伙伴候选的关联依据, en: Evidence linking an organisation to partner candidates}
description:
  zh: 某机构与每个有关联的候选伙伴之间的依据，每行一项：共同邻居、共同伙伴、相似机构（与其有共同邻居的机构）的伙伴、竞争对手的伙伴、共同行业、行业上下游相邻、已有关系数。无依据的候选不出现；伙伴排序模块把它与 match.candidate_activity 合并打分。
  en: "The evidence between an organisation and each candidate it is connected to, one row per kind: shared neighbours, shared partners, partners of similar organisations (those sharing a neighbour with it), partners of its rivals, shared industries, industries adjacent along the chain, relationships already between them. Candidates with no evidence are absent; the partner ranker joins this with match.candidate_activity."
task: modes 1, 2, 4 innovation chain, vertical chain, leading firm (matchmaking evaluation)
params:
  org_id: {type: str, required: true, ref: Organization, example: org:deneng,
           description: {zh: 机构 id, en: the organisation looking for partners}}
  link_types: {type: "list[str]", default: [COOPERATES_WITH, SUPPLIES],
               example: [COOPERATES_WITH, SUPPLIES],
               description: {zh: 视为伙伴关系的关系类型, en: relationship types that count as partner links}}
columns:
  candidate_id: {type: str, zh: 候选 id, en: candidate id}
  evidence: {type: str, zh: 依据, en: "shared_neighbours, shared_partners, similar_firms, rivals_partners, shared_industries, chain_adjacent or existing_links"}
  value: {type: int, zh: 数量, en: "how many (distinct nodes, industries or relationships)"}
*/
// Each branch starts from the organisation, so its cost follows its neighbourhood, not
// the size of the graph; counts are of distinct nodes, which both engines agree on.
// Only recorded relationships count: the types are spelled out, so the derive's own edges
// (HOLDS_IN, HOLDS_CLASS, CITES_HOLDER) are neither neighbours nor links, and a partner link
// joins two organisations (the types in $link_types outside this list never match).
MATCH (h:Organization {id: $org_id})-[:OWNS|MAKES|ACTIVE_IN|LOCATED_IN|PARTY_TO|IN_INDUSTRY|SUPPLIES|COOPERATES_WITH|JOINT_VENTURE|INVESTS_IN|ACQUIRED|COMPETES_WITH|LICENSED|MEMBER_OF|SUBSIDIARY_OF]-(x)
      -[:OWNS|MAKES|ACTIVE_IN|LOCATED_IN|PARTY_TO|IN_INDUSTRY|SUPPLIES|COOPERATES_WITH|JOINT_VENTURE|INVESTS_IN|ACQUIRED|COMPETES_WITH|LICENSED|MEMBER_OF|SUBSIDIARY_OF]-(c:Organization)
WHERE c.id <> h.id
RETURN c.id AS candidate_id, 'shared_neighbours' AS evidence, count(DISTINCT x) AS value
ORDER BY candidate_id
UNION ALL
MATCH (h:Organization {id: $org_id})-[r1:SUPPLIES|COOPERATES_WITH|JOINT_VENTURE|INVESTS_IN|ACQUIRED|COMPETES_WITH|LICENSED|MEMBER_OF|SUBSIDIARY_OF]-(x:Organization)
      -[r2:SUPPLIES|COOPERATES_WITH|JOINT_VENTURE|INVESTS_IN|ACQUIRED|COMPETES_WITH|LICENSED|MEMBER_OF|SUBSIDIARY_OF]-(c:Organization)
WHERE c.id <> h.id AND type(r1) IN $link_types AND type(r2) IN $link_types
RETURN c.id AS candidate_id, 'shared_partners' AS evidence, count(DISTINCT x) AS value
ORDER BY candidate_id
UNION ALL
// Each similar organisation once, with the neighbours it shares: y counts for c when one of
// them is not c itself (the engines differ on whether y's link to c may be the x--y hop).
MATCH (h:Organization {id: $org_id})-[:OWNS|MAKES|ACTIVE_IN|LOCATED_IN|PARTY_TO|IN_INDUSTRY|SUPPLIES|COOPERATES_WITH|JOINT_VENTURE|INVESTS_IN|ACQUIRED|COMPETES_WITH|LICENSED|MEMBER_OF|SUBSIDIARY_OF]-(x)
      -[:OWNS|MAKES|ACTIVE_IN|LOCATED_IN|PARTY_TO|IN_INDUSTRY|SUPPLIES|COOPERATES_WITH|JOINT_VENTURE|INVESTS_IN|ACQUIRED|COMPETES_WITH|LICENSED|MEMBER_OF|SUBSIDIARY_OF]-(y:Organization)
WHERE y.id <> h.id
WITH h, y, collect(DISTINCT x) AS shared
MATCH (y)-[r:SUPPLIES|COOPERATES_WITH|JOINT_VENTURE|INVESTS_IN|ACQUIRED|COMPETES_WITH|LICENSED|MEMBER_OF|SUBSIDIARY_OF]-(c:Organization)
WHERE c.id <> h.id AND type(r) IN $link_types AND (size(shared) > 1 OR shared[0] <> c)
RETURN c.id AS candidate_id, 'similar_firms' AS evidence, count(DISTINCT y) AS value
ORDER BY candidate_id
UNION ALL
MATCH (h:Organization {id: $org_id})-[:COMPETES_WITH]-(y:Organization)
      -[r:SUPPLIES|COOPERATES_WITH|JOINT_VENTURE|INVESTS_IN|ACQUIRED|COMPETES_WITH|LICENSED|MEMBER_OF|SUBSIDIARY_OF]-(c:Organization)
WHERE c.id <> h.id AND type(r) IN $link_types
RETURN c.id AS candidate_id, 'rivals_partners' AS evidence, count(DISTINCT y) AS value
ORDER BY candidate_id
UNION ALL
MATCH (h:Organization {id: $org_id})-[:IN_INDUSTRY]->(i:Industry)<-[:IN_INDUSTRY]-(c:Organization)
WHERE c.id <> h.id
RETURN c.id AS candidate_id, 'shared_industries' AS evidence, count(DISTINCT i) AS value
ORDER BY candidate_id
UNION ALL
MATCH (h:Organization {id: $org_id})-[:IN_INDUSTRY]->(:Industry)-[:FEEDS]-(j:Industry)
      <-[:IN_INDUSTRY]-(c:Organization)
WHERE c.id <> h.id
RETURN c.id AS candidate_id, 'chain_adjacent' AS evidence, count(DISTINCT j) AS value
ORDER BY candidate_id
UNION ALL
MATCH (h:Organization {id: $org_id})-[r:SUPPLIES|COOPERATES_WITH|JOINT_VENTURE|INVESTS_IN|ACQUIRED|COMPETES_WITH|LICENSED|MEMBER_OF|SUBSIDIARY_OF]-(c:Organization)
WHERE c.id <> h.id
RETURN c.id AS candidate_id, 'existing_links' AS evidence, count(DISTINCT r) AS value
ORDER BY candidate_id
