/*
id: layout.broken_links
title: {zh: 断链环节, en: Broken links}
description:
  zh: 园区企业数少于阈值的环节（默认为没有园区企业），附园区外的权利人数，作为补链对象。
  en: Segments with fewer park firms than the threshold (by default none at all), with the holders outside the park, as targets for filling the chain.
task: 布棋 layout (招商补链)
params:
  park_id: {type: str, required: true, ref: Park, example: park:demo,
            description: {zh: 园区 id, en: the park}}
  min_park_firms: {type: int, default: 1, min: 1, max: 1000, example: 2,
                   description: {zh: 园区企业数低于此值即视为断链, en: a segment with fewer park firms than this is broken}}
columns:
  order: {type: int, zh: 顺序, en: position in the chain}
  segment_id: {type: str, zh: 环节 id, en: segment id}
  segment: {type: str, zh: 环节, en: segment name}
  park_firms: {type: int, zh: 园区企业数, en: park firms (patents or declared activity)}
  outside_holders: {type: int, zh: 园区外权利人数, en: holders outside the park}
  patents_weighted: {type: float, zh: 加权专利数, en: weighted patents in the segment}
*/
MATCH (park:Park {id: $park_id})
MATCH (s:Segment {chain: park.chain})
OPTIONAL MATCH (s)<-[:IN_SEGMENT]-(:Patent)<-[:OWNS]-(owner:Organization)
WITH park, s, collect(DISTINCT CASE WHEN owner.in_park = true AND owner.role = 'firm'
                                    THEN owner.id END) AS owning,
     count(DISTINCT CASE WHEN coalesce(owner.in_park, false) = false THEN owner.id END)
       AS outside_holders
OPTIONAL MATCH (s)<-[:ACTIVE_IN]-(declared:Organization {in_park: true, role: 'firm'})
WITH park, s, owning, outside_holders, collect(DISTINCT declared.id) AS declaring
WITH park, s, outside_holders,
     size(owning + [d IN declaring WHERE NOT d IN owning]) AS park_firms
WHERE park_firms < $min_park_firms
OPTIONAL MATCH (s)<-[r:IN_SEGMENT]-(:Patent)
RETURN s.order AS order, s.id AS segment_id, s.name_zh AS segment, park_firms,
       outside_holders, sum(coalesce(r.weight, 0.0)) AS patents_weighted
ORDER BY order, segment_id
