// A patent's class from the load-time p.park_owned and p.owner_countries.
MATCH (park:Park {id: $park_id})
MATCH (s:Segment {chain: park.chain})<-[r:IN_SEGMENT]-(p:Patent)
WITH park, s, r.weight AS w, p.park_owned = true AS park_owned,
     park.country IN p.owner_countries AS domestic, size(p.owner_countries) > 0 AS known
WITH park, s, sum(w) AS patents_weighted,
     sum(CASE WHEN park_owned THEN w ELSE 0.0 END) AS park_weighted,
     sum(CASE WHEN NOT park_owned AND NOT coalesce(domestic, false) AND coalesce(known, false)
              THEN w ELSE 0.0 END) AS foreign_weighted
WITH park, s, patents_weighted, 1.0 * park_weighted / patents_weighted AS park_share,
     1.0 * foreign_weighted / patents_weighted AS foreign_share
WHERE park_share < $max_park_share AND foreign_share >= $min_foreign_share
MATCH (s)<-[fr:IN_SEGMENT]-(:Patent)<-[:OWNS]-(f:Organization)
WHERE coalesce(f.in_park, false) = false AND f.country IS NOT NULL AND f.country <> park.country
WITH s, patents_weighted, park_share, foreign_share, f, sum(fr.weight) AS f_weighted
ORDER BY f_weighted DESC, f.id
WITH s, patents_weighted, park_share, foreign_share,
     collect([f.name, f_weighted])[0] AS top
RETURN s.order AS order, s.id AS segment_id, s.name_zh AS segment, patents_weighted,
       park_share, foreign_share, top[0] AS top_foreign_holder, top[1] AS top_foreign_weighted
ORDER BY order, segment_id
