// A patent's class from the load-time p.park_owned and p.owner_countries instead of
// collecting its owners' classes (park, else domestic, else foreign, as before).
MATCH (park:Park {id: $park_id})
MATCH (s:Segment {chain: park.chain})
OPTIONAL MATCH (s)<-[r:IN_SEGMENT]-(p:Patent)
WITH park, s, coalesce(r.weight, 0.0) AS w,
     CASE WHEN p.park_owned = true THEN 'park'
          WHEN park.country IN p.owner_countries THEN 'domestic'
          WHEN size(p.owner_countries) > 0 THEN 'foreign' ELSE 'unknown' END AS class
WITH park, s, sum(w) AS patents_weighted,
     sum(CASE WHEN class = 'park' THEN w ELSE 0.0 END) AS park_weighted,
     sum(CASE WHEN class = 'domestic' THEN w ELSE 0.0 END) AS domestic_weighted,
     sum(CASE WHEN class = 'foreign' THEN w ELSE 0.0 END) AS foreign_weighted
// Holder concentration: each owner is credited the patent's full segment weight.
OPTIONAL MATCH (s)<-[hr:IN_SEGMENT]-(:Patent)<-[:OWNS]-(holder:Organization)
WITH park, s, patents_weighted, park_weighted, domestic_weighted, foreign_weighted, holder,
     sum(hr.weight) AS holder_weight
WITH park, s, patents_weighted, park_weighted, domestic_weighted, foreign_weighted,
     count(DISTINCT CASE WHEN holder.in_park = true THEN holder.id END) AS park_holders,
     count(holder) AS holders,
     sum(coalesce(holder_weight, 0.0)) AS holder_weight_total,
     sum(coalesce(holder_weight * holder_weight, 0.0)) AS holder_weight_squares
WITH park, collect({s: s, patents_weighted: patents_weighted, park_weighted: park_weighted,
                    domestic_weighted: domestic_weighted, foreign_weighted: foreign_weighted,
                    park_holders: park_holders, holders: holders,
                    holder_weight_total: holder_weight_total,
                    holder_weight_squares: holder_weight_squares}) AS rows
WITH rows, reduce(t = 0.0, x IN rows | t + x.patents_weighted) AS chain_weighted,
     reduce(t = 0.0, x IN rows | t + x.park_weighted) AS chain_park_weighted
UNWIND rows AS row
WITH row, row.s AS s, chain_weighted, chain_park_weighted
RETURN s.order AS order, s.id AS segment_id, s.name_zh AS segment,
       row.patents_weighted AS patents_weighted, row.park_weighted AS park_weighted,
       row.domestic_weighted AS domestic_weighted, row.foreign_weighted AS foreign_weighted,
       row.park_holders AS park_holders, row.holders AS holders,
       row.holder_weight_total AS holder_weight_total,
       row.holder_weight_squares AS holder_weight_squares,
       chain_weighted, chain_park_weighted
ORDER BY order, segment_id
