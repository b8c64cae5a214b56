// Presence from the materialised ACTIVE_IN edges (derived for every patent owner, plus the
// declared ones) instead of walking every patent of the segment; park ownership from the
// load-time p.park_owned instead of a pattern comprehension per patent.
MATCH (park:Park {id: $park_id})
MATCH (s:Segment {chain: park.chain})
OPTIONAL MATCH (s)<-[:ACTIVE_IN]-(o:Organization)
WITH park, s, collect(DISTINCT o) AS orgs
WITH park, s,
     size([o IN orgs WHERE o.role = 'firm' AND o.in_park = true]) AS park_firms,
     size([o IN orgs WHERE o.role = 'firm' AND coalesce(o.in_park, false) = false
           AND o.country = park.country]) AS domestic_firms,
     size([o IN orgs WHERE o.role = 'firm' AND coalesce(o.in_park, false) = false
           AND o.country IS NOT NULL AND o.country <> park.country]) AS foreign_firms,
     size([o IN orgs WHERE o.role = 'institute']) AS institutes
OPTIONAL MATCH (s)<-[r:IN_SEGMENT]-(p:Patent)
WITH s, park_firms, domestic_firms, foreign_firms, institutes,
     count(p) AS patents,
     sum(coalesce(r.weight, 0.0)) AS patents_weighted,
     sum(CASE WHEN p.park_owned = true THEN r.weight ELSE 0.0 END) AS park_patents_weighted
RETURN s.order AS order, s.id AS segment_id, s.name_zh AS segment, s.stage AS stage,
       park_firms, domestic_firms, foreign_firms, institutes, patents,
       patents_weighted, park_patents_weighted
ORDER BY order, segment_id
