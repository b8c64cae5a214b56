// HOLDS_IN for every holder of patents in one segment: count, weight, filing years, first
// year, and the citations its patents there get from park-owned patents.
MATCH (s:Segment {id: $segment})<-[r:IN_SEGMENT]-(p:Patent)<-[:OWNS]-(o:Organization)
// Sorted first, so `years` is the same list on every derive and on both engines.
WITH o, s, r, p ORDER BY p.year
WITH o, s, count(DISTINCT p) AS patents, sum(r.weight) AS weighted, collect(p.year) AS years,
     min(p.year) AS first_year, toInteger(sum(coalesce(p.park_citations, 0))) AS park_citations
CREATE (o)-[h:HOLDS_IN {patents: patents, weighted: weighted, years: years,
                        park_citations: park_citations, source: $source}]->(s)
SET h.first_year = first_year
RETURN count(*) AS written
