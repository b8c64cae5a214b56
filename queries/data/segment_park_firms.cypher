/*
id: data.segment_park_firms
title: {zh: 各环节园区企业, en: Park firms per segment}
description:
  zh: 园区企业所在的环节：持有该环节专利或声明在该环节经营，附其在该环节的专利数；没有英文名的企业，英文名列为中文名。
  en: The segments park firms work in — holding patents there or declaring activity — with their patents in the segment; a firm with no English name has its Chinese name in the English column.
task: 数据 data
params:
  park_id: {type: str, required: true, ref: Park, example: park:demo,
            description: {zh: 园区 id, en: the park}}
columns:
  segment_id: {type: str, zh: 环节 id, en: segment id}
  firm_id: {type: str, zh: 企业 id, en: firm id}
  firm: {type: str, zh: 企业, en: firm}
  firm_en: {type: str, zh: 英文名, en: firm (English)}
  patents: {type: int, zh: 环节专利数, en: its patents in the segment}
  declared: {type: bool, zh: 声明经营, en: declared activity in the segment}
*/
MATCH (park:Park {id: $park_id})
MATCH (s:Segment {chain: park.chain})
MATCH (f:Organization {in_park: true})
WHERE f.role = 'firm'
// HOLDS_IN (materialised by derive) carries the firm's patents in the segment.
WITH s, f, coalesce(head([(f)-[h:HOLDS_IN]->(s) | h.patents]), 0) AS patents,
     size([(f)-[:ACTIVE_IN]->(s) | s]) > 0 AS declared
WHERE patents > 0 OR declared
RETURN s.id AS segment_id, f.id AS firm_id, f.name AS firm,
       coalesce(f.name_en, f.name) AS firm_en, patents, declared
ORDER BY segment_id, patents DESC, firm_id
