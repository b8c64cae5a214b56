// One page of Case nodes after $after in key order, with every outgoing relationship
// (each relationship is read once, from its start node). Used by innochain.neo4j_import.
MATCH (n:Case)
WHERE n.id > $after
WITH n ORDER BY n.id LIMIT $page
OPTIONAL MATCH (n)-[r]->(b)
WITH n, CASE WHEN r IS NULL THEN NULL
  ELSE {type: type(r), props: properties(r), labels: labels(b), id: b.id, code: b.code} END AS edge
RETURN n.id AS key, labels(n) AS labels, properties(n) AS props, collect(edge) AS edges
ORDER BY key
