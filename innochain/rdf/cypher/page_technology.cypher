// Technology nodes with the given keys and their properties (relationships: edges_technology).
UNWIND $keys AS k
MATCH (n:Technology {id: k})
RETURN k AS key, properties(n) AS props
