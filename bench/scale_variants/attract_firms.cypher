// Citing park patents by the load-time p.park_owned instead of walking their owners.
MATCH (park:Park {id: $park_id})
MATCH (s:Segment {id: $segment_id})<-[r:IN_SEGMENT]-(p:Patent)<-[:OWNS]-(f:Organization {role: 'firm'})
WHERE coalesce(f.in_park, false) = false
WITH park, f, collect(p) AS patents, sum(r.weight) AS patents_weighted,
     count(CASE WHEN p.year >= $since THEN 1 END) AS recent_patents
UNWIND patents AS p
OPTIONAL MATCH (p)<-[:CITES]-(citing:Patent {park_owned: true})
WITH park, f, patents, patents_weighted, recent_patents,
     collect(DISTINCT CASE WHEN citing IS NULL THEN null ELSE [citing.id, p.id] END) AS citations
UNWIND patents AS p
OPTIONAL MATCH (p)-[:CLASSIFIED_AS]->(c:CPC)
WITH park, f, patents_weighted, recent_patents, citations, c.code AS code
ORDER BY code
WITH park, f, patents_weighted, recent_patents, size(citations) AS cited_by_park,
     collect(DISTINCT code) AS classes
RETURN f.id AS firm_id, f.name AS firm,
       CASE WHEN f.country IS NULL THEN 'unknown'
            WHEN f.country = park.country THEN 'domestic' ELSE 'foreign' END AS class,
       f.country AS country, patents_weighted, recent_patents, cited_by_park,
       size([(f)-[:SUPPLIES]->(c:Organization {in_park: true}) | c]) AS park_customers, classes
ORDER BY patents_weighted DESC, firm_id
LIMIT $limit
