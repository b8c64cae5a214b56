// HOLDS_IN for every holder of patents in one segment: count, weight, filing years, first
// year, the citations its patents there get from park-owned patents, and, of its patents
// there with no owner in the park, how many (`outside_patents`) and the owner countries every
// one of them has (`outside_countries`): the holder has a patent there with no owner in the
// park and none of country C exactly when outside_patents > 0 and C is not in that list.
MATCH (s:Segment {id: $segment})<-[r:IN_SEGMENT]-(p:Patent)<-[:OWNS]-(o:Organization)
// Each patent's owner countries sorted and distinct (two owners of one country must not make
// the intersection below depend on which patent comes first).
WITH s, r, p, o ORDER BY o.country
WITH s, r, p, collect(o) AS owners, collect(DISTINCT o.country) AS countries
WITH s, r, p, owners,
     CASE WHEN any(x IN owners WHERE x.in_park = true) THEN null ELSE countries END AS outside
UNWIND owners AS o
// Sorted first, so `years` is the same list on every derive and on both engines.
WITH o, s, r, p, outside ORDER BY p.year
WITH o, s, count(DISTINCT p) AS patents, sum(r.weight) AS weighted, collect(p.year) AS years,
     min(p.year) AS first_year, toInteger(sum(coalesce(p.park_citations, 0))) AS park_citations,
     count(DISTINCT CASE WHEN outside IS NOT NULL THEN p END) AS outside_patents,
     collect(outside) AS outside_sets
WITH o, s, patents, weighted, years, first_year, park_citations, outside_patents,
     reduce(acc = null, c IN outside_sets |
            CASE WHEN acc IS NULL THEN c ELSE [x IN acc WHERE x IN c] END) AS common
// Sorted and distinct by insertion, whatever order the sets were collected in (rows tied on
// the year above come in no set order), so a derive writes the same list every time.
WITH o, s, patents, weighted, years, first_year, park_citations, outside_patents,
     CASE WHEN common IS NULL THEN null
          ELSE reduce(sorted = [], c IN common |
                      CASE WHEN c IN sorted THEN sorted
                           ELSE [x IN sorted WHERE x < c] + [c] + [x IN sorted WHERE x > c]
                      END) END AS outside_countries
CREATE (o)-[h:HOLDS_IN {patents: patents, weighted: weighted, years: years,
                        park_citations: park_citations, outside_patents: outside_patents,
                        source: $source}]->(s)
SET h.first_year = first_year, h.outside_countries = outside_countries
RETURN count(*) AS written
