/*
id: landscape.segment_strength
title: {zh: 环节强弱分析（原始量）, en: Segment strengths and weaknesses (raw parts)}
description:
  zh: 每个环节的加权专利数、园区/国内/国外加权数、全链合计、权利人集中度的组成部分；比值（园区占比、RTA、HHI）与强/弱/缺的判断由评分模块计算并给出依据。
  en: Per segment the weighted patents, the park, domestic and foreign parts, the chain totals and the parts of holder concentration; the ratios (park share, RTA, HHI) and the strong/weak/missing class are computed by scoring, with their parts.
task: 观局 landscape
params:
  park_id: {type: str, required: true, ref: Park, example: park:demo,
            description: {zh: 园区 id, en: the park}}
columns:
  order: {type: int, zh: 顺序, en: position in the chain}
  segment_id: {type: str, zh: 环节 id, en: segment id}
  segment: {type: str, zh: 环节, en: segment name}
  patents_weighted: {type: float, zh: 加权专利数, en: weighted patents in the segment}
  park_weighted: {type: float, zh: 园区加权专利数, en: weighted patents with a park owner}
  domestic_weighted: {type: float, zh: 国内加权专利数, en: "weighted patents with a domestic owner, none in the park"}
  foreign_weighted: {type: float, zh: 国外加权专利数, en: weighted patents held only abroad}
  park_holders: {type: int, zh: 园区权利人数, en: park organisations holding patents here}
  holders: {type: int, zh: 权利人数, en: distinct holders}
  holder_weight_total: {type: float, zh: 权利人份额合计, en: sum of holders' weighted patents}
  holder_weight_squares: {type: float, zh: 权利人份额平方和, en: sum of squared holders' weighted patents (for HHI)}
  chain_weighted: {type: float, zh: 全链加权专利数, en: weighted patents in the whole chain}
  chain_park_weighted: {type: float, zh: 全链园区加权专利数, en: weighted park patents in the whole chain}
*/
// A patent's class is that of its strongest owner: park, else domestic, else foreign.
MATCH (park:Park {id: $park_id})
MATCH (s:Segment {chain: park.chain})
OPTIONAL MATCH (s)<-[r:IN_SEGMENT]-(p:Patent)
OPTIONAL MATCH (p)<-[:OWNS]-(o:Organization)
WITH park, s, p, r,
     collect(CASE WHEN o.in_park = true THEN 'park'
                  WHEN o.country IS NULL THEN 'unknown'
                  WHEN o.country = park.country THEN 'domestic'
                  ELSE 'foreign' END) AS classes
WITH park, s, p, coalesce(r.weight, 0.0) AS w,
     CASE WHEN 'park' IN classes THEN 'park' WHEN 'domestic' IN classes THEN 'domestic'
          WHEN 'foreign' IN classes THEN 'foreign' ELSE 'unknown' END AS class
WITH park, s, sum(w) AS patents_weighted,
     sum(CASE WHEN class = 'park' THEN w ELSE 0.0 END) AS park_weighted,
     sum(CASE WHEN class = 'domestic' THEN w ELSE 0.0 END) AS domestic_weighted,
     sum(CASE WHEN class = 'foreign' THEN w ELSE 0.0 END) AS foreign_weighted
// Holder concentration: each owner is credited the patent's full segment weight.
OPTIONAL MATCH (s)<-[hr:IN_SEGMENT]-(:Patent)<-[:OWNS]-(holder:Organization)
WITH park, s, patents_weighted, park_weighted, domestic_weighted, foreign_weighted, holder,
     sum(hr.weight) AS holder_weight
WITH park, s, patents_weighted, park_weighted, domestic_weighted, foreign_weighted,
     count(DISTINCT CASE WHEN holder.in_park = true THEN holder.id END) AS park_holders,
     count(holder) AS holders,
     sum(coalesce(holder_weight, 0.0)) AS holder_weight_total,
     sum(coalesce(holder_weight * holder_weight, 0.0)) AS holder_weight_squares
WITH park, collect({s: s, patents_weighted: patents_weighted, park_weighted: park_weighted,
                    domestic_weighted: domestic_weighted, foreign_weighted: foreign_weighted,
                    park_holders: park_holders, holders: holders,
                    holder_weight_total: holder_weight_total,
                    holder_weight_squares: holder_weight_squares}) AS rows
WITH rows, reduce(t = 0.0, x IN rows | t + x.patents_weighted) AS chain_weighted,
     reduce(t = 0.0, x IN rows | t + x.park_weighted) AS chain_park_weighted
UNWIND rows AS row
WITH row, row.s AS s, chain_weighted, chain_park_weighted
RETURN s.order AS order, s.id AS segment_id, s.name_zh AS segment,
       row.patents_weighted AS patents_weighted, row.park_weighted AS park_weighted,
       row.domestic_weighted AS domestic_weighted, row.foreign_weighted AS foreign_weighted,
       row.park_holders AS park_holders, row.holders AS holders,
       row.holder_weight_total AS holder_weight_total,
       row.holder_weight_squares AS holder_weight_squares,
       chain_weighted, chain_park_weighted
ORDER BY order, segment_id
