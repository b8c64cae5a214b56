// One page of patents after $after (by id), with their classes and owners.
// Used by innochain.loaders.chain_loader.derive_segment_membership; runs on FalkorDB and Neo4j.
MATCH (p:Patent)
WHERE p.id > $after
WITH p ORDER BY p.id LIMIT $limit
OPTIONAL MATCH (p)-[:CLASSIFIED_AS]->(c:CPC)
WITH p, collect(DISTINCT c.code) AS classes
OPTIONAL MATCH (o:Organization)-[:OWNS]->(p)
RETURN p.id AS patent, classes, collect(DISTINCT o.id) AS owners
ORDER BY patent
