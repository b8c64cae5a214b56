// Park ownership from the load-time p.park_owned.
MATCH (c:CPC)<-[:CLASSIFIED_AS]-(p:Patent)
WITH c, count(DISTINCT p) AS world_patents,
     count(DISTINCT CASE WHEN p.park_owned = true THEN p.id END) AS park_patents
WHERE park_patents = 0 AND world_patents >= $min_world
// count(DISTINCT hp), not count(*): FalkorDB miscounts count(*) here.
MATCH (c)<-[:CLASSIFIED_AS]-(hp:Patent)<-[:OWNS]-(h:Organization)
WITH c, world_patents, h, count(DISTINCT hp) AS held
ORDER BY held DESC, h.id
WITH c, world_patents, count(h) AS holders, collect([h.name, held])[0] AS top
RETURN c.code AS code, c.title AS title, world_patents, holders, top[0] AS top_holder,
       top[1] AS top_holder_patents
ORDER BY world_patents DESC, code
LIMIT $limit
