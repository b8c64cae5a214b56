// The segment ids of one chain.
MATCH (s:Segment {chain: $chain})
RETURN s.id AS segment
ORDER BY segment
