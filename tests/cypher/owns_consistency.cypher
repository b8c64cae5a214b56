// Every OWNS relationship a reader sees, and how many have an end that is not a whole node.
MATCH (o)-[r:OWNS]->(p)
RETURN count(r) AS edges, count(DISTINCT p) AS owned_patents,
       sum(CASE WHEN o:Organization AND o.id IS NOT NULL THEN 0 ELSE 1 END) AS broken_owners,
       sum(CASE WHEN p:Patent AND p.id IS NOT NULL THEN 0 ELSE 1 END) AS broken_patents
