// Park ownership from the load-time p.park_owned.
MATCH (park:Park {id: $park_id})
MATCH (s:Segment {chain: park.chain})<-[r:IN_SEGMENT]-(p:Patent)
WHERE p.year >= $since - $window AND p.year < $since + $window
UNWIND r.technologies AS technology_id
WITH DISTINCT technology_id, s, p
WITH technology_id, s, p.year >= $since AS recent, p.park_owned = true AS in_park
WITH technology_id, s,
     count(CASE WHEN NOT recent THEN 1 END) AS earlier_patents,
     count(CASE WHEN recent THEN 1 END) AS recent_patents,
     count(CASE WHEN recent AND in_park THEN 1 END) AS park_recent_patents
WHERE recent_patents >= $min_recent
MATCH (t:Technology {id: technology_id})
RETURN t.id AS technology_id, t.name_zh AS technology, s.id AS segment_id, earlier_patents,
       recent_patents, (recent_patents + 1.0) / (earlier_patents + 1.0) AS growth,
       park_recent_patents
ORDER BY growth DESC, recent_patents DESC, technology_id
