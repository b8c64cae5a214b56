/*
id: data.segment_links
title: {zh: 环节供给关系, en: Chain links (FEEDS)}
description:
  zh: 园区产业链中上游环节向下游环节的供给关系。
  en: Which segment feeds which in the park's chain (upstream to downstream).
task: 数据 data
params:
  park_id: {type: str, required: true, ref: Park, example: park:demo,
            description: {zh: 园区 id, en: the park}}
columns:
  from_id: {type: str, zh: 上游环节 id, en: upstream segment id}
  to_id: {type: str, zh: 下游环节 id, en: downstream segment id}
*/
MATCH (park:Park {id: $park_id})
MATCH (a:Segment {chain: park.chain})-[:FEEDS]->(b:Segment {chain: park.chain})
RETURN a.id AS from_id, b.id AS to_id
ORDER BY from_id, to_id
