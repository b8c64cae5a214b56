// Neo4j: delete up to 20,000 nodes and their relationships in one transaction; run until 0.
MATCH (n)
WITH n LIMIT 20000
DETACH DELETE n
RETURN count(*) AS c
