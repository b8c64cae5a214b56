// Park ownership from the load-time p.park_owned.
MATCH (park:Park {id: $park_id})
MATCH (s:Segment {chain: park.chain})<-[r:IN_SEGMENT]-(p:Patent)
WHERE p.year >= $from_year AND p.year <= $to_year
UNWIND r.technologies AS technology_id
MATCH (t:Technology {id: technology_id})
WITH t, s, p.year AS year, count(DISTINCT p) AS patents,
     count(DISTINCT CASE WHEN p.park_owned = true THEN p.id END) AS park_patents
RETURN t.id AS technology_id, t.name_zh AS technology, s.id AS segment_id, year, patents,
       park_patents
ORDER BY technology_id, year
