// Park ownership from the load-time p.park_owned.
MATCH (park:Park {id: $park_id})
MATCH (s:Segment {chain: park.chain})<-[r:IN_SEGMENT]-(p:Patent)
WHERE p.year >= $from_year AND p.year <= $to_year
WITH s, p.year AS year, count(p) AS patents, sum(r.weight) AS patents_weighted,
     sum(CASE WHEN p.park_owned = true THEN r.weight ELSE 0.0 END) AS park_patents_weighted
RETURN s.order AS order, s.id AS segment_id, s.name_zh AS segment, year, patents,
       patents_weighted, park_patents_weighted
ORDER BY order, segment_id, year
