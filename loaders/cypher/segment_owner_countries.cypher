// Weighted patents of one segment outside the park, grouped by their owners' known countries.
// Anchored on the segment, the filters in WITHs: FalkorDB would scan every patent otherwise.
MATCH (s:Segment {id: $segment})<-[r:IN_SEGMENT]-(p:Patent)
WITH r, p
WHERE p.park_owned IS NULL
MATCH (p)<-[:OWNS]-(o:Organization)
WITH p, r, o.country AS country
WHERE country IS NOT NULL
WITH p, r, country
ORDER BY country
WITH p, r, collect(DISTINCT country) AS countries
RETURN countries, sum(r.weight) AS weighted
