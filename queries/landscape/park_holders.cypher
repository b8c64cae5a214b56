/*
id: landscape.park_holders
title: {zh: 园区专利权人概况, en: The park's patent holders}
description:
  zh: 园区内每个权利人的专利数、覆盖环节、最早/最近申请年和近期申请数。
  en: Each park organisation holding patents — patents, segments covered, first and last filing year, recent filings.
task: 观局 landscape
params:
  park_id: {type: str, required: true, ref: Park, example: park:demo,
            description: {zh: 园区 id, en: the park}}
  since: {type: int, default: 2020, min: 1900, max: 2100, example: 2020,
          description: {zh: 近期的起始年份, en: first year counted as recent}}
columns:
  org_id: {type: str, zh: 机构 id, en: organisation id}
  org: {type: str, zh: 机构, en: organisation}
  role: {type: str, zh: 类型, en: "role: firm, institute ..."}
  patents: {type: int, zh: 专利数, en: patents}
  recent_patents: {type: int, zh: 近期专利数, en: patents filed since the given year}
  first_year: {type: int, zh: 最早申请年, en: first filing year}
  last_year: {type: int, zh: 最近申请年, en: last filing year}
  segments: {type: "list[str]", zh: 覆盖环节, en: segments covered (chain order)}
*/
MATCH (park:Park {id: $park_id})
MATCH (o:Organization {in_park: true})-[:OWNS]->(p:Patent)
WITH park, o, count(p) AS patents,
     count(CASE WHEN p.year >= $since THEN 1 END) AS recent_patents,
     min(p.year) AS first_year, max(p.year) AS last_year
OPTIONAL MATCH (o)-[:OWNS]->(:Patent)-[:IN_SEGMENT]->(s:Segment {chain: park.chain})
WITH o, patents, recent_patents, first_year, last_year, s
ORDER BY s.order, s.id
WITH o, patents, recent_patents, first_year, last_year, collect(DISTINCT s.id) AS segments
RETURN o.id AS org_id, o.name AS org, o.role AS role, patents, recent_patents, first_year,
       last_year, segments
ORDER BY patents DESC, org_id
