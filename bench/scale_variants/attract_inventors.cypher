// The park-link test once per inventor (not once per inventor and patent), and the holders
// collected for the $limit inventors returned only, not for every inventor of the segment.
MATCH (s:Segment {id: $segment_id})<-[:IN_SEGMENT]-(p:Patent)<-[:INVENTED]-(person:Person)
WITH person, count(DISTINCT p) AS patents, max(p.year) AS last_year, collect(DISTINCT p) AS ps
WITH person, patents, last_year, ps,
     size([(person)-[:INVENTED]->(:Patent)<-[:OWNS]-(po:Organization)
           WHERE po.in_park = true | po]) AS park_links
WHERE park_links = 0
WITH person, patents, last_year, ps
ORDER BY patents DESC, last_year DESC, person.id
LIMIT $limit
UNWIND ps AS p
OPTIONAL MATCH (p)<-[:OWNS]-(h:Organization)
WITH person, patents, last_year, h ORDER BY h.id
WITH person, patents, last_year, collect(DISTINCT h.name) AS holders
RETURN person.id AS person_id, person.name AS name, person.country AS country, patents,
       last_year, holders
ORDER BY patents DESC, last_year DESC, person_id
