// Drop up to $limit derived patent memberships of one chain; run until it returns 0.
MATCH (:Patent)-[r:IN_SEGMENT]->(s:Segment {chain: $chain})
WHERE r.source = $source
WITH r LIMIT $limit
DELETE r
RETURN count(*) AS deleted
