/*
id: data.alliance_portfolio
title: {zh: 联盟组合专利（按环节）, en: The alliance's combined portfolio by segment}
description:
  zh: 各环节中至少有一位联盟成员持有的专利数（加权）、持有成员，以及占该环节全部专利的比例。
  en: Per segment the patents held by at least one alliance member (weighted), the members holding them, and their share of all the segment's patents.
task: 联盟 alliance (模式 3、11)
params:
  park_id: {type: str, required: true, ref: Park, example: park:demo,
            description: {zh: 园区 id（决定产业链）, en: the park (its chain)}}
  alliance_id: {type: str, required: true, ref: Organization, example: org:alliance,
                description: {zh: 联盟 id, en: the alliance}}
columns:
  order: {type: int, zh: 顺序, en: position in the chain}
  segment_id: {type: str, zh: 环节 id, en: segment id}
  segment: {type: str, zh: 环节, en: segment name}
  members: {type: "list[str]", zh: 持有成员, en: members holding patents here}
  patents: {type: int, zh: 联盟专利数, en: alliance patents}
  patents_weighted: {type: float, zh: 联盟加权专利数, en: alliance patents weighted by segment share}
  segment_weighted: {type: float, zh: 环节加权专利数, en: all the segment's weighted patents}
  share: {type: float, zh: 联盟占比, en: alliance share of the segment}
*/
// Reads the materialised HOLDS_IN edges and Segment.patents_weighted (docs/graph-model.md):
// per segment the members holding patents there, then only their patents in it.
MATCH (park:Park {id: $park_id})
MATCH (s:Segment {chain: park.chain})
OPTIONAL MATCH (s)<-[:HOLDS_IN]-(m:Organization)-[:MEMBER_OF]->(a:Organization)
WHERE a.id = $alliance_id
WITH s, m
ORDER BY m.name
WITH s, collect(DISTINCT m.name) AS members, collect(DISTINCT m) AS holders
UNWIND CASE WHEN size(holders) = 0 THEN [null] ELSE holders END AS m
OPTIONAL MATCH (m)-[:OWNS]->(p:Patent)-[r:IN_SEGMENT]->(s)
// One row per patent, so a patent two members co-own counts once.
WITH DISTINCT s, members, p, r
WITH s, members, count(p) AS patents, sum(coalesce(r.weight, 0.0)) AS patents_weighted
WITH s, members, patents, patents_weighted, coalesce(s.patents_weighted, 0.0) AS segment_weighted
RETURN s.order AS order, s.id AS segment_id, s.name_zh AS segment, members, patents,
       patents_weighted, segment_weighted,
       CASE WHEN segment_weighted > 0 THEN 1.0 * patents_weighted / segment_weighted
            ELSE 0.0 END AS share
ORDER BY order, segment_id
