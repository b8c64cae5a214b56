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
// Organisations count as present in a segment when they own a patent in it (HOLDS_IN) or
// declare it (ACTIVE_IN); the patent counts are the segment's materialised summary.
MATCH (park:Park {id: $park_id})
MATCH (s:Segment {chain: park.chain})
OPTIONAL MATCH (s)<-[:HOLDS_IN|ACTIVE_IN]-(o:Organization)
WITH park, s, collect(DISTINCT o) AS orgs
RETURN s.order AS order, s.id AS segment_id, s.name_zh AS segment, s.stage AS stage,
       size([o IN orgs WHERE o.role = 'firm' AND o.in_park = true]) AS park_firms,
       size([o IN orgs WHERE o.role = 'firm' AND coalesce(o.in_park, false) = false
             AND o.country = park.country]) AS domestic_firms,
       size([o IN orgs WHERE o.role = 'firm' AND coalesce(o.in_park, false) = false
             AND o.country IS NOT NULL AND o.country <> park.country]) AS foreign_firms,
       size([o IN orgs WHERE o.role = 'institute']) AS institutes,
       coalesce(s.patents, 0) AS patents, coalesce(s.patents_weighted, 0.0) AS patents_weighted,
       coalesce(s.park_patents_weighted, 0.0) AS park_patents_weighted
ORDER BY order, segment_id
