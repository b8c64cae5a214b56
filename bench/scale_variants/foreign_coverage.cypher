// The park firms of a segment once per segment, from the materialised ACTIVE_IN edges (the
// derived ones cover every patent owner, the declared ones the rest), not once per foreign
// holder by walking every patent of the segment again; citing park patents by p.park_owned.
MATCH (park:Park {id: $park_id})
MATCH (s:Segment {chain: park.chain})
OPTIONAL MATCH (s)<-[:ACTIVE_IN]-(firm:Organization {in_park: true, role: 'firm'})
WITH park, s, count(DISTINCT firm) AS park_firms
WHERE park_firms > 0
MATCH (s)<-[:IN_SEGMENT]-(p:Patent)<-[:OWNS]-(f:Organization)
WHERE coalesce(f.in_park, false) = false AND f.country IS NOT NULL AND f.country <> park.country
WITH s, park_firms, f, collect(DISTINCT p) AS patents
WHERE size(patents) >= $min_patents
UNWIND patents AS p
OPTIONAL MATCH (p)<-[:CITES]-(citing:Patent {park_owned: true})
WITH s, f, size(patents) AS foreign_patents, park_firms,
     collect(DISTINCT CASE WHEN citing IS NULL THEN null ELSE [citing.id, p.id] END) AS citations
RETURN f.id AS holder_id, f.name AS holder, f.country AS country, s.id AS segment_id,
       s.name_zh AS segment, foreign_patents, park_firms, size(citations) AS cited_by_park
ORDER BY foreign_patents DESC, cited_by_park DESC, holder_id, segment_id
