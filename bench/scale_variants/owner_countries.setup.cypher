// Load-time property: the known countries of a patent's owners (with park_owned it gives the
// park / domestic / foreign class of a patent without walking its owners at query time).
MATCH (o:Organization)-[:OWNS]->(p:Patent)
WITH p, collect(DISTINCT o.country) AS countries
SET p.owner_countries = countries
