// A segment's patents per technology and filing year, and the park-owned ones (parallel lists).
MATCH (s:Segment {id: $segment})<-[r:IN_SEGMENT]-(p:Patent)
WITH s, r, p
WHERE p.year IS NOT NULL
UNWIND r.technologies AS technology
WITH s, technology, p.year AS year, count(DISTINCT p.id) AS patents,
     count(DISTINCT CASE WHEN p.park_owned = true THEN p.id END) AS park_patents
ORDER BY technology, year
WITH s, collect(technology) AS technologies, collect(year) AS years,
     collect(patents) AS counts, collect(park_patents) AS park_counts
SET s.tech_ids = technologies, s.tech_years = years, s.tech_patents = counts,
    s.tech_park_patents = park_counts
