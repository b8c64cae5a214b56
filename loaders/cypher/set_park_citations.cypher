// How many park-owned patents cite each patent.
MATCH (c:Patent {park_owned: true})-[:CITES]->(p:Patent)
WITH p, count(DISTINCT c) AS citing
SET p.park_citations = citing
