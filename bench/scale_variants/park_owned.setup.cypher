// Load-time property: true when any owner of the patent is in the park (what five pack
// queries otherwise recompute per patent with a pattern comprehension). Patents without an
// owner keep it absent, which the queries read as "not park-owned".
MATCH (o:Organization)-[:OWNS]->(p:Patent)
WITH p, max(CASE WHEN o.in_park = true THEN 1 ELSE 0 END) AS park
SET p.park_owned = park = 1
