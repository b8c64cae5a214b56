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
MATCH (park:Park {id: $park_id})
MATCH (s:Segment {chain: park.chain})<-[r:IN_SEGMENT]-(p:Patent)
OPTIONAL MATCH (p)<-[:OWNS]-(o:Organization)
WITH park, s, p, r.weight AS w,
     collect(CASE WHEN o.in_park = true THEN 'park'
                  WHEN o.country IS NULL THEN 'unknown'
                  WHEN o.country = park.country THEN 'domestic'
                  ELSE 'foreign' END) AS classes
WITH park, s, sum(w) AS patents_weighted,
     sum(CASE WHEN 'park' IN classes THEN w ELSE 0.0 END) AS park_weighted,
     sum(CASE WHEN NOT 'park' IN classes AND NOT 'domestic' IN classes
               AND 'foreign' IN classes THEN w ELSE 0.0 END) AS foreign_weighted
WITH park, s, patents_weighted, 1.0 * park_weighted / patents_weighted AS park_share,
     1.0 * foreign_weighted / patents_weighted AS foreign_share
WHERE park_share < $max_park_share AND foreign_share >= $min_foreign_share
MATCH (s)<-[fr:IN_SEGMENT]-(:Patent)<-[:OWNS]-(f:Organization)
WHERE coalesce(f.in_park, false) = false AND f.country IS NOT NULL AND f.country <> park.country
WITH s, patents_weighted, park_share, foreign_share, f, sum(fr.weight) AS f_weighted
ORDER BY f_weighted DESC, f.id
WITH s, patents_weighted, park_share, foreign_share,
     collect([f.name, f_weighted])[0] AS top
RETURN s.order AS order, s.id AS segment_id, s.name_zh AS segment, patents_weighted,
       park_share, foreign_share, top[0] AS top_foreign_holder, top[1] AS top_foreign_weighted
ORDER BY order, segment_id
