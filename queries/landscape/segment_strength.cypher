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
// A patent's class is that of its strongest owner: park, else domestic, else foreign; each
// owner is credited the patent's full segment weight. All from the segment's summary.
MATCH (park:Park {id: $park_id})
MATCH (s:Segment {chain: park.chain})
WITH park, s, [i IN range(0, size(coalesce(s.country_codes, [])) - 1)
               WHERE s.country_codes[i] = park.country] AS home
WITH park, s,
     CASE WHEN size(home) = 0 THEN 0.0 ELSE s.country_domestic_weighted[home[0]] END
       AS domestic_weighted,
     CASE WHEN size(home) = 0 THEN coalesce(s.known_weighted, 0.0)
          ELSE s.country_foreign_weighted[home[0]] END AS foreign_weighted
WITH park, collect({s: s, patents_weighted: coalesce(s.patents_weighted, 0.0),
                    park_weighted: coalesce(s.park_patents_weighted, 0.0),
                    domestic_weighted: domestic_weighted, foreign_weighted: foreign_weighted,
                    park_holders: coalesce(s.park_holders, 0), holders: coalesce(s.holders, 0),
                    holder_weight_total: coalesce(s.holder_weight_total, 0.0),
                    holder_weight_squares: coalesce(s.holder_weight_squares, 0.0)}) AS rows
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
