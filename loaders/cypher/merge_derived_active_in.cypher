// ACTIVE_IN {basis: patents} for every holder of patents in the chain's segments; an
// organisation that already declares the segment keeps its own edge.
MATCH (o:Organization)-[:HOLDS_IN]->(s:Segment {chain: $chain})
MERGE (o)-[a:ACTIVE_IN]->(s)
ON CREATE SET a.basis = 'patents', a.source = $source
RETURN count(*) AS linked
