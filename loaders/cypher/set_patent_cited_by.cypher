// How many patents cite each patent (any owner; an upper bound for "cited by others").
MATCH (c:Patent)-[:CITES]->(p:Patent)
WITH p, count(DISTINCT c) AS citing
SET p.cited_by = citing
