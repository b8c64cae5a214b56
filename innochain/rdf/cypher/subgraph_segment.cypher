// Nodes of one segment's subgraph: the segment, its chain, its technologies, the patents in it,
// their owners, their classes and the classes its technologies map to.
MATCH (s:Segment {id: $segment})
RETURN 'Segment' AS label, s.id AS key
UNION
MATCH (s:Segment {id: $segment})-[:IN_CHAIN]->(c:Chain)
RETURN 'Chain' AS label, c.id AS key
UNION
MATCH (s:Segment {id: $segment})-[:USES]->(t:Technology)
RETURN 'Technology' AS label, t.id AS key
UNION
MATCH (t:Technology)-[:IN_SEGMENT]->(s:Segment {id: $segment})
RETURN 'Technology' AS label, t.id AS key
UNION
MATCH (p:Patent)-[:IN_SEGMENT]->(s:Segment {id: $segment})
RETURN 'Patent' AS label, p.id AS key
UNION
MATCH (p:Patent)-[:IN_SEGMENT]->(s:Segment {id: $segment})
MATCH (o:Organization)-[:OWNS]->(p)
RETURN 'Organization' AS label, o.id AS key
UNION
MATCH (p:Patent)-[:IN_SEGMENT]->(s:Segment {id: $segment})
MATCH (p)-[:CLASSIFIED_AS]->(c:CPC)
RETURN 'CPC' AS label, c.code AS key
UNION
MATCH (s:Segment {id: $segment})-[:USES]->(t:Technology)
MATCH (t)-[:MAPS_TO]->(c:CPC)
RETURN 'CPC' AS label, c.code AS key
