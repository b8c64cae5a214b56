// CPC nodes with the given keys and their properties (relationships: edges_cpc).
UNWIND $keys AS k
MATCH (n:CPC {code: k})
RETURN k AS key, properties(n) AS props
