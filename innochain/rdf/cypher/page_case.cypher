// Case nodes with the given keys and their properties (relationships: edges_case).
UNWIND $keys AS k
MATCH (n:Case {id: k})
RETURN k AS key, properties(n) AS props
