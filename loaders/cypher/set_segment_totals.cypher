// A segment's patents, weighted patents and park-owned weighted patents; the lists and holder
// figures are reset here and written by the steps after it.
MATCH (s:Segment {id: $segment})
OPTIONAL MATCH (s)<-[r:IN_SEGMENT]-(p:Patent)
WITH s, count(p) AS patents, sum(coalesce(r.weight, 0.0)) AS weighted,
     sum(CASE WHEN p.park_owned = true THEN r.weight ELSE 0.0 END) AS park_weighted
SET s.patents = patents, s.patents_weighted = weighted, s.park_patents_weighted = park_weighted,
    s.holders = 0, s.park_holders = 0, s.holder_weight_total = 0.0,
    s.holder_weight_squares = 0.0,
    s.trend_years = null, s.trend_patents = null, s.trend_weighted = null,
    s.trend_park_weighted = null, s.tech_ids = null, s.tech_years = null,
    s.tech_patents = null, s.tech_park_patents = null, s.country_codes = null,
    s.country_domestic_weighted = null, s.country_foreign_weighted = null, s.known_weighted = 0.0
