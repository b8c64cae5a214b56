/*
id: data.plaintiff_candidates
title: {zh: 潜在原告, en: Possible plaintiffs}
description:
  zh: 园区外、在园区产业链中持有专利的机构，附其作为原告的案件数与链上专利数，供诉讼情景选择。
  en: Organisations outside the park holding patents in the park's chain, with the cases they brought and their patents in the chain, to choose a litigation scenario.
task: 避险 risk (诉讼情景)
params:
  park_id: {type: str, required: true, ref: Park, example: park:demo,
            description: {zh: 园区 id, en: the park}}
  limit: {type: int, default: 200, min: 1, max: 5000, example: 20,
          description: {zh: 返回行数, en: rows returned}}
columns:
  org_id: {type: str, zh: 机构 id, en: organisation id}
  name: {type: str, zh: 机构, en: name}
  country: {type: str, zh: 国别, en: country}
  class: {type: str, zh: 类别, en: "domestic, foreign or unknown"}
  cases_as_plaintiff: {type: int, zh: 作为原告案件数, en: cases it brought as plaintiff}
  patents: {type: int, zh: 链上专利数, en: its patents in the chain}
*/
// Reads the materialised HOLDS_IN edges and Organization.segment_set_* (docs/graph-model.md):
// patents in any of the chain's segments = the sum over the holder's segment sets that meet
// them, so a patent in several segments counts once. The cases each plaintiff brought are
// counted once from the cases, not per holder.
MATCH (park:Park {id: $park_id})
OPTIONAL MATCH (c:Case)<-[:PARTY_TO {side: 'plaintiff'}]-(plaintiff:Organization)
WITH park, plaintiff.id AS plaintiff, count(c) AS cases
WITH park, collect([plaintiff, cases]) AS brought
MATCH (s:Segment {chain: park.chain})<-[:HOLDS_IN]-(o:Organization)
WHERE coalesce(o.in_park, false) = false
WITH park, brought, o, collect(s.id) AS chain_segments
WITH park, brought, o,
     [i IN range(0, size(o.segment_set_patents) - 1)
      WHERE any(x IN o.segment_set_members[o.segment_set_starts[i]..o.segment_set_ends[i]]
                WHERE x IN chain_segments) | o.segment_set_patents[i]] AS counts
WITH park, o, reduce(t = 0, n IN counts | t + n) AS patents,
     coalesce(head([b IN brought WHERE b[0] = o.id | b[1]]), 0) AS cases_as_plaintiff
RETURN o.id AS org_id, o.name AS name, o.country AS country,
       CASE WHEN o.country IS NULL THEN 'unknown'
            WHEN o.country = park.country THEN 'domestic' ELSE 'foreign' END AS class,
       cases_as_plaintiff, patents
ORDER BY cases_as_plaintiff DESC, patents DESC, org_id
LIMIT $limit
