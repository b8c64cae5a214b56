// Park ownership from the load-time p.park_owned; counts grouped by technology id first, so
// each technology is looked up once, not once per (membership, technology) row. segment_id
// added to ORDER BY as the tie-breaker the shipped text lacks (a technology in two segments).
MATCH (park:Park {id: $park_id})
MATCH (s:Segment {chain: park.chain})<-[r:IN_SEGMENT]-(p:Patent)
WHERE p.year >= $from_year AND p.year <= $to_year
UNWIND r.technologies AS technology_id
WITH technology_id, s, p.year AS year, count(DISTINCT p) AS patents,
     count(DISTINCT CASE WHEN p.park_owned = true THEN p.id END) AS park_patents
MATCH (t:Technology {id: technology_id})
RETURN t.id AS technology_id, t.name_zh AS technology, s.id AS segment_id, year, patents,
       park_patents
ORDER BY technology_id, year, segment_id
