// Industry nodes with the given keys and their properties (relationships: edges_industry).
UNWIND $keys AS k
MATCH (n:Industry {id: k})
RETURN k AS key, properties(n) AS props
