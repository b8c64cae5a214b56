// Nodes of one park's subgraph: the park, the organisations in it (LOCATED_IN the park or
// with park = its id) and the patents they own. Links are the edges among these nodes.
MATCH (pk:Park {id: $park})
RETURN 'Park' AS label, pk.id AS key
UNION
MATCH (o:Organization)-[:LOCATED_IN]->(pk:Park {id: $park})
RETURN 'Organization' AS label, o.id AS key
UNION
MATCH (o:Organization {park: $park})
RETURN 'Organization' AS label, o.id AS key
UNION
MATCH (o:Organization)-[:LOCATED_IN]->(pk:Park {id: $park})
MATCH (o)-[:OWNS]->(p:Patent)
RETURN 'Patent' AS label, p.id AS key
UNION
MATCH (o:Organization {park: $park})
MATCH (o)-[:OWNS]->(p:Patent)
RETURN 'Patent' AS label, p.id AS key
