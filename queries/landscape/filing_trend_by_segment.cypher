/*
id: landscape.filing_trend_by_segment
title: {zh: 各环节年度申请趋势, en: Yearly filings per segment}
description:
  zh: 每个环节每年的专利申请数、加权数和其中园区权利人的加权数。
  en: Patents filed per segment and year, weighted, and the weighted part with a park owner.
task: 观局 landscape
params:
  park_id: {type: str, required: true, ref: Park, example: park:demo,
            description: {zh: 园区 id, en: the park}}
  from_year: {type: int, default: 2000, min: 1900, max: 2100, example: 2015,
              description: {zh: 起始年份（含）, en: first filing year included}}
  to_year: {type: int, default: 2100, min: 1900, max: 2100, example: 2024,
            description: {zh: 截止年份（含）, en: last filing year included}}
columns:
  order: {type: int, zh: 顺序, en: position in the chain}
  segment_id: {type: str, zh: 环节 id, en: segment id}
  segment: {type: str, zh: 环节, en: segment name}
  year: {type: int, zh: 申请年, en: filing year}
  patents: {type: int, zh: 专利数, en: patents}
  patents_weighted: {type: float, zh: 加权专利数, en: weighted patents}
  park_patents_weighted: {type: float, zh: 园区加权专利数, en: weighted patents with a park owner}
*/
// The segment's per-year counts, materialised by derive as parallel lists.
MATCH (park:Park {id: $park_id})
MATCH (s:Segment {chain: park.chain})
UNWIND range(0, size(coalesce(s.trend_years, [])) - 1) AS i
WITH s, i
WHERE s.trend_years[i] >= $from_year AND s.trend_years[i] <= $to_year
RETURN s.order AS order, s.id AS segment_id, s.name_zh AS segment, s.trend_years[i] AS year,
       s.trend_patents[i] AS patents, s.trend_weighted[i] AS patents_weighted,
       s.trend_park_weighted[i] AS park_patents_weighted
ORDER BY order, segment_id, year
