// A segment's holders (from its HOLDS_IN edges): how many, how many in the park, and the sum
// and sum of squares of their weighted patents (for HHI).
MATCH (s:Segment {id: $segment})<-[h:HOLDS_IN]-(o:Organization)
WITH s, count(h) AS holders, count(CASE WHEN o.in_park = true THEN 1 END) AS park_holders,
     sum(h.weighted) AS holder_total, sum(h.weighted * h.weighted) AS holder_squares
SET s.holders = holders, s.park_holders = park_holders, s.holder_weight_total = holder_total,
    s.holder_weight_squares = holder_squares
