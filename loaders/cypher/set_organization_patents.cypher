// How many patents each organisation holds (one per OWNS link to a patent).
MATCH (o:Organization)-[:OWNS]->(x:Patent)
WITH o, count(x) AS patents
SET o.patents = patents
