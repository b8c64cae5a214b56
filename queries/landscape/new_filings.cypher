/*
id: landscape.new_filings
title: {zh: 近期布局与新进入者（预警）, en: Recent filings and new entrants (early warning)}
description:
  zh: 园区产业链各环节中，园区外每个权利人自某年以来的申请数、它在该产业链的最早申请年，以及园区企业是否在该环节（预警：国外权利人在园区环节的新布局、新进入者）。
  en: Per segment of the park's chain, each holder outside the park with patents filed since a year, its first filing year anywhere in the chain, and whether park firms work in the segment (early warning — new foreign filings in the park's segments, new entrants).
task: 观局 landscape (模式 12 预警)
params:
  park_id: {type: str, required: true, ref: Park, example: park:demo,
            description: {zh: 园区 id, en: the park}}
  since: {type: int, default: 2020, min: 1900, max: 2100, example: 2020,
          description: {zh: 近期的起始年份, en: first filing year counted as recent}}
  limit: {type: int, default: 1000, min: 1, max: 500000, example: 100,
          description: {zh: 返回行数（按下列顺序的前若干行）, en: "rows returned (the first ones in the order below)"}}
columns:
  holder_id: {type: str, zh: 权利人 id, en: holder id}
  holder: {type: str, zh: 权利人, en: holder}
  class: {type: str, zh: 类别, en: "domestic, foreign or unknown"}
  country: {type: str, zh: 国别, en: country}
  segment_id: {type: str, zh: 环节 id, en: segment id}
  segment: {type: str, zh: 环节, en: segment name}
  park_segment: {type: bool, zh: 园区企业所在环节, en: park firms work in the segment}
  patents_since: {type: int, zh: 近期专利数, en: patents in the segment filed since the year}
  first_year: {type: int, zh: 产业链最早申请年, en: first filing year in the chain}
*/
// HOLDS_IN (materialised by derive) carries each holder's filing years per segment; whether
// park firms work in a segment is worked out once per segment, before the holders; the first
// filing year only for the rows kept.
MATCH (park:Park {id: $park_id})
MATCH (s:Segment {chain: park.chain})
WITH park, s,
     size([(s)<-[:ACTIVE_IN]-(f:Organization) WHERE f.in_park = true AND f.role = 'firm' | f])
       AS park_firms
MATCH (s)<-[h:HOLDS_IN]-(o:Organization)
WITH park, s, park_firms, o, h
WHERE coalesce(o.in_park, false) = false
WITH park, s, park_firms, o, size([y IN h.years WHERE y >= $since]) AS patents_since
WHERE patents_since > 0
WITH park, s, park_firms, o, patents_since
ORDER BY s.id, patents_since DESC, o.id
LIMIT $limit
MATCH (o)-[all:HOLDS_IN]->(:Segment {chain: park.chain})
WITH park, s, park_firms, o, patents_since, min(all.first_year) AS first_year
RETURN o.id AS holder_id, o.name AS holder,
       CASE WHEN o.country IS NULL THEN 'unknown'
            WHEN o.country = park.country THEN 'domestic' ELSE 'foreign' END AS class,
       o.country AS country, s.id AS segment_id, s.name_zh AS segment,
       park_firms > 0 AS park_segment, patents_since, first_year
ORDER BY segment_id, patents_since DESC, holder_id
