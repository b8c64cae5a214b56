// Organization nodes with the given keys: their labels (the role label) and properties
// (relationships: edges_organization).
UNWIND $keys AS k
MATCH (n:Organization {id: k})
RETURN k AS key, labels(n) AS labels, properties(n) AS props
