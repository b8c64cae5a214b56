/*
id: risk.foreign_coverage
title: {zh: 国外专利覆盖园区技术, en: Foreign portfolios over the park's technologies}
description:
  zh: 国外权利人在园区企业所在环节的专利数，以及园区专利引用这些专利的次数（使用相关技术的信号）。这是需要进一步核查的暴露信号，不是侵权结论。
  en: Foreign holders' patents in the segments where park firms work, and how often park patents cite them (a sign the park uses that technology). An exposure signal to look into, not an infringement finding.
task: 避险 risk
params:
  park_id: {type: str, required: true, ref: Park, example: park:demo,
            description: {zh: 园区 id, en: the park}}
  min_patents: {type: int, default: 1, min: 1, max: 100000, example: 2,
                description: {zh: 国外专利数至少为此值, en: at least this many foreign patents}}
columns:
  holder_id: {type: str, zh: 国外权利人 id, en: foreign holder id}
  holder: {type: str, zh: 国外权利人, en: foreign holder}
  country: {type: str, zh: 国别, en: country}
  segment_id: {type: str, zh: 环节 id, en: segment id}
  segment: {type: str, zh: 环节, en: segment name}
  foreign_patents: {type: int, zh: 其专利数, en: its patents in the segment}
  park_firms: {type: int, zh: 园区企业数, en: park firms working in the segment}
  cited_by_park: {type: int, zh: 被园区引用次数, en: citations from park patents to these patents}
*/
// HOLDS_IN (materialised by derive): each holder's patents in a segment and the citations
// from park-owned patents to them. Park firms own patents in the segment or declare it.
MATCH (park:Park {id: $park_id})
MATCH (s:Segment {chain: park.chain})
OPTIONAL MATCH (s)<-[:HOLDS_IN|ACTIVE_IN]-(firm:Organization {in_park: true, role: 'firm'})
WITH park, s, count(DISTINCT firm) AS park_firms
WHERE park_firms > 0
MATCH (s)<-[h:HOLDS_IN]-(f:Organization)
WHERE coalesce(f.in_park, false) = false AND f.country IS NOT NULL AND f.country <> park.country
  AND h.patents >= $min_patents
RETURN f.id AS holder_id, f.name AS holder, f.country AS country, s.id AS segment_id,
       s.name_zh AS segment, h.patents AS foreign_patents, park_firms,
       h.park_citations AS cited_by_park
ORDER BY foreign_patents DESC, cited_by_park DESC, holder_id, segment_id
