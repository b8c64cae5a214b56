// Person nodes with the given keys and their properties (relationships: edges_person).
UNWIND $keys AS k
MATCH (n:Person {id: k})
RETURN k AS key, properties(n) AS props
