// Every relationship with its endpoints' keys and its properties (the graph checksum).
MATCH (a)-[r]->(b)
RETURN labels(a) AS src_labels, coalesce(a.id, a.code) AS src, type(r) AS type,
       properties(r) AS props, labels(b) AS dst_labels, coalesce(b.id, b.code) AS dst
