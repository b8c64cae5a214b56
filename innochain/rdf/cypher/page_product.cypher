// Product nodes with the given keys and their properties (relationships: edges_product).
UNWIND $keys AS k
MATCH (n:Product {id: k})
RETURN k AS key, properties(n) AS props
