/*
id: layout.growth_technologies
title: {zh: 快速增长技术（研发方向）, en: Fast-growing technologies (R&D directions)}
description:
  zh: 比较近期与之前同样长度时间窗内的申请数；增长率 = (近期+1)/(之前+1)，加一平滑使新技术也可排序。附园区近期专利数。
  en: Filings in a recent window against the same-length window before it; growth = (recent+1)/(earlier+1), smoothed so new technologies rank too; with the park's recent patents.
task: 布棋 layout (研发方向)
params:
  park_id: {type: str, required: true, ref: Park, example: park:demo,
            description: {zh: 园区 id, en: the park}}
  since: {type: int, required: true, min: 1900, max: 2100, example: 2020,
          description: {zh: 近期窗口的起始年份, en: first year of the recent window}}
  window: {type: int, default: 3, min: 1, max: 30, example: 3,
           description: {zh: 窗口长度（年）, en: window length in years}}
  min_recent: {type: int, default: 2, min: 0, max: 100000, example: 2,
               description: {zh: 近期专利数至少为此值, en: at least this many recent patents}}
columns:
  technology_id: {type: str, zh: 技术 id, en: technology id}
  technology: {type: str, zh: 技术, en: technology name}
  segment_id: {type: str, zh: 环节 id, en: segment id}
  earlier_patents: {type: int, zh: 之前窗口专利数, en: patents in the earlier window}
  recent_patents: {type: int, zh: 近期窗口专利数, en: patents in the recent window}
  growth: {type: float, zh: 增长率, en: (recent + 1) / (earlier + 1)}
  park_recent_patents: {type: int, zh: 园区近期专利数, en: recent patents with a park owner}
*/
// From each segment's materialised per-technology, per-year counts.
MATCH (park:Park {id: $park_id})
MATCH (s:Segment {chain: park.chain})
UNWIND range(0, size(coalesce(s.tech_ids, [])) - 1) AS i
WITH s, i, s.tech_years[i] AS year
WHERE year >= $since - $window AND year < $since + $window
WITH s.tech_ids[i] AS technology_id, s,
     toInteger(sum(CASE WHEN year < $since THEN s.tech_patents[i] ELSE 0 END))
       AS earlier_patents,
     toInteger(sum(CASE WHEN year >= $since THEN s.tech_patents[i] ELSE 0 END))
       AS recent_patents,
     toInteger(sum(CASE WHEN year >= $since THEN s.tech_park_patents[i] ELSE 0 END))
       AS park_recent_patents
WHERE recent_patents >= $min_recent
MATCH (t:Technology {id: technology_id})
RETURN t.id AS technology_id, t.name_zh AS technology, s.id AS segment_id, earlier_patents,
       recent_patents, (recent_patents + 1.0) / (earlier_patents + 1.0) AS growth,
       park_recent_patents
ORDER BY growth DESC, recent_patents DESC, technology_id
