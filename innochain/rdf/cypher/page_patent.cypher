// Patent nodes with the given keys and their properties (relationships: edges_patent).
UNWIND $keys AS k
MATCH (n:Patent {id: k})
RETURN k AS key, properties(n) AS props
