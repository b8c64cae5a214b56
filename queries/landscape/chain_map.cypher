/*
id: landscape.chain_map
title: {zh: 产业链全景图, en: Chain map}
description:
  zh: 按产业链顺序列出每个环节的园区、国内、国外企业数，科研院所数，以及专利数（按环节分摊加权）。
  en: Per segment in chain order — park, domestic and foreign firms, institutes, and patents (weighted when a patent falls in several segments).
task: 观局 landscape
params:
  park_id: {type: str, required: true, ref: Park, example: park:demo,
            description: {zh: 园区 id（决定产业链与"国内"的国别）, en: the park (its chain and home country)}}
columns:
  order: {type: int, zh: 顺序, en: position in the chain}
  segment_id: {type: str, zh: 环节 id, en: segment id}
  segment: {type: str, zh: 环节, en: segment name}
  stage: {type: str, zh: 阶段, en: "stage: upstream, midstream or downstream"}
  park_firms: {type: int, zh: 园区企业数, en: firms in the park active in the segment}
  domestic_firms: {type: int, zh: 国内园区外企业数, en: domestic firms outside the park}
  foreign_firms: {type: int, zh: 国外企业数, en: foreign firms}
  institutes: {type: int, zh: 科研院所数, en: research institutes}
  patents: {type: int, zh: 专利数, en: patents mapped to the segment}
  patents_weighted: {type: float, zh: 加权专利数, en: patents weighted by 1/n segments}
  park_patents_weighted: {type: float, zh: 园区加权专利数, en: weighted patents with a park owner}
*/
// Organisations count as present in a segment when they own a patent in it or declare it.
MATCH (park:Park {id: $park_id})
MATCH (s:Segment {chain: park.chain})
OPTIONAL MATCH (s)<-[:IN_SEGMENT]-(:Patent)<-[:OWNS]-(owner:Organization)
WITH park, s, collect(DISTINCT owner.id) AS owner_ids
OPTIONAL MATCH (s)<-[:ACTIVE_IN]-(declared:Organization)
WITH park, s, owner_ids, collect(DISTINCT declared.id) AS declared_ids
WITH park, s, owner_ids + declared_ids AS org_ids
UNWIND (CASE WHEN size(org_ids) = 0 THEN [null] ELSE org_ids END) AS org_id
OPTIONAL MATCH (o:Organization {id: org_id})
WITH park, s, collect(DISTINCT o) AS orgs
WITH park, s,
     size([o IN orgs WHERE o.role = 'firm' AND o.in_park = true]) AS park_firms,
     size([o IN orgs WHERE o.role = 'firm' AND coalesce(o.in_park, false) = false
           AND o.country = park.country]) AS domestic_firms,
     size([o IN orgs WHERE o.role = 'firm' AND coalesce(o.in_park, false) = false
           AND o.country IS NOT NULL AND o.country <> park.country]) AS foreign_firms,
     size([o IN orgs WHERE o.role = 'institute']) AS institutes
OPTIONAL MATCH (s)<-[r:IN_SEGMENT]-(p:Patent)
WITH s, park_firms, domestic_firms, foreign_firms, institutes, p, r,
     size([(p)<-[:OWNS]-(po:Organization) WHERE po.in_park = true | po]) AS park_owners
WITH s, park_firms, domestic_firms, foreign_firms, institutes,
     count(p) AS patents,
     sum(coalesce(r.weight, 0.0)) AS patents_weighted,
     sum(CASE WHEN park_owners > 0 THEN r.weight ELSE 0.0 END) AS park_patents_weighted
RETURN s.order AS order, s.id AS segment_id, s.name_zh AS segment, s.stage AS stage,
       park_firms, domestic_firms, foreign_firms, institutes, patents,
       patents_weighted, park_patents_weighted
ORDER BY order, segment_id
