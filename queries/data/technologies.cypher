/*
id: data.technologies
title: {zh: 技术列表, en: Technologies of the park's chain}
description:
  zh: 园区产业链的技术及其所属环节。
  en: The technologies of the park's chain and their segments.
task: 数据 data
params:
  park_id: {type: str, required: true, ref: Park, example: park:demo,
            description: {zh: 园区 id, en: the park}}
columns:
  technology_id: {type: str, zh: 技术 id, en: technology id}
  name_zh: {type: str, zh: 技术, en: name (Chinese)}
  name_en: {type: str, zh: 英文名, en: name (English)}
  segment_id: {type: str, zh: 环节 id, en: segment id}
*/
MATCH (park:Park {id: $park_id})
MATCH (s:Segment {chain: park.chain})-[:USES]->(t:Technology)
RETURN t.id AS technology_id, t.name_zh AS name_zh, t.name_en AS name_en, s.id AS segment_id
ORDER BY s.order, technology_id
