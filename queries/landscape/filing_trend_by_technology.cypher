/*
id: landscape.filing_trend_by_technology
title: {zh: 各技术年度申请趋势, en: Yearly filings per technology}
description:
  zh: 每项技术每年的专利申请数，以及其中园区权利人的专利数。
  en: Patents filed per technology and year, and those with a park owner.
task: 观局 landscape
params:
  park_id: {type: str, required: true, ref: Park, example: park:demo,
            description: {zh: 园区 id, en: the park}}
  from_year: {type: int, default: 2000, min: 1900, max: 2100, example: 2015,
              description: {zh: 起始年份（含）, en: first filing year included}}
  to_year: {type: int, default: 2100, min: 1900, max: 2100, example: 2024,
            description: {zh: 截止年份（含）, en: last filing year included}}
columns:
  technology_id: {type: str, zh: 技术 id, en: technology id}
  technology: {type: str, zh: 技术, en: technology name}
  segment_id: {type: str, zh: 环节 id, en: segment id}
  year: {type: int, zh: 申请年, en: filing year}
  patents: {type: int, zh: 专利数, en: patents}
  park_patents: {type: int, zh: 园区专利数, en: patents with a park owner}
*/
// The per-technology, per-year counts of each segment, materialised by derive as lists.
MATCH (park:Park {id: $park_id})
MATCH (s:Segment {chain: park.chain})
UNWIND range(0, size(coalesce(s.tech_ids, [])) - 1) AS i
WITH s, i
WHERE s.tech_years[i] >= $from_year AND s.tech_years[i] <= $to_year
MATCH (t:Technology {id: s.tech_ids[i]})
RETURN t.id AS technology_id, t.name_zh AS technology, s.id AS segment_id,
       s.tech_years[i] AS year, s.tech_patents[i] AS patents,
       s.tech_park_patents[i] AS park_patents
ORDER BY technology_id, year, segment_id
