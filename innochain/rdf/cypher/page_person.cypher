// Person nodes with the given keys: labels, properties and every outgoing relationship.
UNWIND $keys AS k
MATCH (n:Person {id: k})
OPTIONAL MATCH (n)-[r]->(b)
WITH n, k, CASE WHEN r IS NULL THEN NULL
  ELSE {type: type(r), props: properties(r), labels: labels(b), id: b.id, code: b.code} END AS edge
RETURN k AS key, labels(n) AS labels, properties(n) AS props, collect(edge) AS edges
ORDER BY key
