// CITES_HOLDER {citations}: how many times one organisation's patents cite another's (one
// per citing patent, cited patent pair), for every pair of distinct holders with a citation.
// Walked in steps from the citations: FalkorDB (4.x) loses paths when the whole
// Organization-OWNS-Patent-CITES-Patent-OWNS-Organization pattern is one MATCH with
// both ends unbound (8 paths instead of 12 on the test fixture).
MATCH (p:Patent)-[:CITES]->(c:Patent)
WITH p, c
MATCH (a:Organization)-[:OWNS]->(p)
WITH a, p, c
MATCH (c)<-[:OWNS]-(b:Organization)
WHERE a.id <> b.id
WITH a, b, count(*) AS citations
CREATE (a)-[:CITES_HOLDER {citations: citations}]->(b)
