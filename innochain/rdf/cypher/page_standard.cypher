// Standard nodes with the given keys and their properties (relationships: edges_standard).
UNWIND $keys AS k
MATCH (n:Standard {id: k})
RETURN k AS key, properties(n) AS props
