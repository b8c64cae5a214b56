/*
id: data.segments
title: {zh: 环节列表, en: Segments of the park's chain}
description:
  zh: 园区产业链的环节，按链上顺序。
  en: The segments of the park's chain, in chain order.
task: 数据 data
params:
  park_id: {type: str, required: true, ref: Park, example: park:demo,
            description: {zh: 园区 id, en: the park}}
columns:
  order: {type: int, zh: 顺序, en: position in the chain}
  segment_id: {type: str, zh: 环节 id, en: segment id}
  name_zh: {type: str, zh: 环节, en: name (Chinese)}
  name_en: {type: str, zh: 英文名, en: name (English)}
  stage: {type: str, zh: 阶段, en: stage}
*/
MATCH (park:Park {id: $park_id})
MATCH (s:Segment {chain: park.chain})
RETURN s.order AS order, s.id AS segment_id, s.name_zh AS name_zh, s.name_en AS name_en,
       s.stage AS stage
ORDER BY order, segment_id
