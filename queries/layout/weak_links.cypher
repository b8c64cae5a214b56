/*
id: layout.weak_links
title: {zh: 卡脖子环节, en: Weak links (卡脖子)}
description:
  zh: 园区专利占比低且国外权利人占主导的环节，附最大的国外权利人。
  en: Segments where the park's share of patents is low and foreign holders dominate, with the largest foreign holder.
task: 布棋 layout (强链)
params:
  park_id: {type: str, required: true, ref: Park, example: park:demo,
            description: {zh: 园区 id, en: the park}}
  max_park_share: {type: float, default: 0.2, min: 0.0, max: 1.0, example: 0.4,
                   description: {zh: 园区占比低于此值, en: park share of weighted patents below this}}
  min_foreign_share: {type: float, default: 0.5, min: 0.0, max: 1.0, example: 0.5,
                      description: {zh: 国外占比不低于此值, en: foreign share at least this}}
columns:
  order: {type: int, zh: 顺序, en: position in the chain}
  segment_id: {type: str, zh: 环节 id, en: segment id}
  segment: {type: str, zh: 环节, en: segment name}
  patents_weighted: {type: float, zh: 加权专利数, en: weighted patents}
  park_share: {type: float, zh: 园区占比, en: park share of weighted patents}
  foreign_share: {type: float, zh: 国外占比, en: foreign share of weighted patents}
  top_foreign_holder: {type: str, zh: 最大国外权利人, en: largest foreign holder}
  top_foreign_weighted: {type: float, zh: 其加权专利数, en: its weighted patents in the segment}
*/
// Shares from the segment's materialised summary; the top foreign holder from HOLDS_IN.
MATCH (park:Park {id: $park_id})
MATCH (s:Segment {chain: park.chain})
WHERE s.patents_weighted > 0
WITH park, s, [i IN range(0, size(coalesce(s.country_codes, [])) - 1)
               WHERE s.country_codes[i] = park.country] AS home
WITH park, s, s.patents_weighted AS patents_weighted,
     1.0 * s.park_patents_weighted / s.patents_weighted AS park_share,
     1.0 * (CASE WHEN size(home) = 0 THEN s.known_weighted
                 ELSE s.country_foreign_weighted[home[0]] END) / s.patents_weighted
       AS foreign_share
WHERE park_share < $max_park_share AND foreign_share >= $min_foreign_share
MATCH (s)<-[fr:HOLDS_IN]-(f:Organization)
WHERE coalesce(f.in_park, false) = false AND f.country IS NOT NULL AND f.country <> park.country
WITH s, patents_weighted, park_share, foreign_share, f, fr.weighted AS f_weighted
ORDER BY f_weighted DESC, f.id
WITH s, patents_weighted, park_share, foreign_share,
     collect([f.name, f_weighted])[0] AS top
RETURN s.order AS order, s.id AS segment_id, s.name_zh AS segment, patents_weighted,
       park_share, foreign_share, top[0] AS top_foreign_holder, top[1] AS top_foreign_weighted
ORDER BY order, segment_id
