// Segment nodes with the given keys and their properties (relationships: edges_segment).
UNWIND $keys AS k
MATCH (n:Segment {id: k})
RETURN k AS key, properties(n) AS props
