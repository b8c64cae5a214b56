// Chain nodes with the given keys and their properties (relationships: edges_chain).
UNWIND $keys AS k
MATCH (n:Chain {id: k})
RETURN k AS key, properties(n) AS props
