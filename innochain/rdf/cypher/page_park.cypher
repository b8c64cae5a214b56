// Park nodes with the given keys and their properties (relationships: edges_park).
UNWIND $keys AS k
MATCH (n:Park {id: k})
RETURN k AS key, properties(n) AS props
