// A segment's patents per filing year: count, weighted, park-owned weighted (parallel lists).
// Anchored on the segment, the filter in a WITH: FalkorDB would scan every patent otherwise.
MATCH (s:Segment {id: $segment})<-[r:IN_SEGMENT]-(p:Patent)
WITH s, r, p
WHERE p.year IS NOT NULL
WITH s, p.year AS year, count(p) AS patents, sum(r.weight) AS weighted,
     sum(CASE WHEN p.park_owned = true THEN r.weight ELSE 0.0 END) AS park_weighted
ORDER BY year
WITH s, collect(year) AS years, collect(patents) AS counts, collect(weighted) AS weights,
     collect(park_weighted) AS park_weights
SET s.trend_years = years, s.trend_patents = counts, s.trend_weighted = weights,
    s.trend_park_weighted = park_weights
