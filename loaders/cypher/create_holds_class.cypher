// HOLDS_CLASS {patents}: for every organisation and every class one of its patents is
// classified in, how many of its patents are. Walked from the classifications, then each
// owner (FalkorDB 4.x loses paths in one multi-hop MATCH with both ends unbound; see
// create_cites_holder.cypher).
MATCH (p:Patent)-[:CLASSIFIED_AS]->(c:CPC)
WITH p, c
MATCH (o:Organization)-[:OWNS]->(p)
WITH o, c, count(DISTINCT p) AS patents
CREATE (o)-[:HOLDS_CLASS {patents: patents}]->(c)
