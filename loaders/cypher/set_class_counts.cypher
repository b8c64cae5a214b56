// Patents per class, and how many of them are park-owned.
MATCH (c:CPC)<-[:CLASSIFIED_AS]-(p:Patent)
WITH c, count(DISTINCT p) AS patents,
     count(DISTINCT CASE WHEN p.park_owned = true THEN p.id END) AS park_patents
SET c.patents = patents, c.park_patents = park_patents
