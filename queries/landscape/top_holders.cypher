/*
id: landscape.top_holders
title: {zh: 主要专利权人, en: Top patent holders}
description:
  zh: 按专利数排列的权利人（可限定环节）；rollup 为真时把子公司并入集团（SUBSIDIARY_OF，最多三层）。
  en: Holders ranked by patents, optionally in one segment; with rollup, subsidiaries are counted under their group (SUBSIDIARY_OF, up to three levels).
task: 观局 landscape
params:
  park_id: {type: str, required: true, ref: Park, example: park:demo,
            description: {zh: 园区 id（区分园区/国内/国外）, en: the park (tells park, domestic and foreign apart)}}
  segment_id: {type: str, ref: Segment, example: fx:cell,
               description: {zh: 只看此环节（留空为全链）, en: only this segment (empty for the whole chain)}}
  rollup: {type: bool, default: false, example: true,
           description: {zh: 是否并入母公司, en: count subsidiaries under their parent group}}
  limit: {type: int, default: 20, min: 1, max: 1000, example: 10,
          description: {zh: 返回行数, en: rows returned}}
columns:
  holder_id: {type: str, zh: 权利人 id, en: holder id (the group with rollup)}
  holder: {type: str, zh: 权利人, en: holder name}
  class: {type: str, zh: 类别, en: "park, domestic, foreign or unknown"}
  country: {type: str, zh: 国别, en: country}
  entities: {type: int, zh: 合并主体数, en: entities counted (more than one with rollup)}
  patents: {type: int, zh: 专利数, en: patents}
  patents_weighted: {type: float, zh: 加权专利数, en: patents weighted by segment share}
*/
MATCH (park:Park {id: $park_id})
MATCH (s:Segment {chain: park.chain})<-[r:IN_SEGMENT]-(p:Patent)<-[:OWNS]-(o:Organization)
WHERE $segment_id IS NULL OR s.id = $segment_id
OPTIONAL MATCH (o)-[:SUBSIDIARY_OF*1..3]->(parent:Organization)
WHERE NOT (parent)-[:SUBSIDIARY_OF]->(:Organization)
WITH park, s, r, p, o, CASE WHEN $rollup AND parent IS NOT NULL THEN parent ELSE o END AS h
WITH park, h, count(DISTINCT o) AS entities, count(DISTINCT p) AS patents,
     collect(DISTINCT [p.id, s.id, r.weight]) AS shares
WITH park, h, entities, patents, reduce(total = 0.0, x IN shares | total + x[2]) AS weighted
RETURN h.id AS holder_id, h.name AS holder,
       CASE WHEN h.in_park = true THEN 'park'
            WHEN h.country IS NULL THEN 'unknown'
            WHEN h.country = park.country THEN 'domestic'
            ELSE 'foreign' END AS class,
       h.country AS country, entities, patents, weighted AS patents_weighted
ORDER BY patents_weighted DESC, patents DESC, holder_id
LIMIT $limit
