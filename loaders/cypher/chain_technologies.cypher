// The segments and technologies of one chain with the class patterns that map patents to them.
MATCH (s:Segment {chain: $chain})-[:USES]->(t:Technology)
RETURN s.id AS segment, s.order AS order, t.id AS technology, t.patterns AS patterns
ORDER BY segment, technology
