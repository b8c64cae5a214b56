// The outgoing relationships of the CPC nodes with the given keys, one row each, with the
// far end's key (id or code; its label follows from the type, graph.schema declares one).
UNWIND $keys AS k
MATCH (n:CPC {code: k})-[r]->(b)
RETURN k AS key, type(r) AS type, properties(r) AS props, coalesce(b.id, b.code) AS dst
