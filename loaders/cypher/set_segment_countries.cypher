// A segment's weighted patents outside the park per owner country: domestic when an owner is of
// that country, foreign when owners are known but none is (parallel lists).
MATCH (s:Segment {id: $segment})
SET s.known_weighted = $known, s.country_codes = $codes,
    s.country_domestic_weighted = $domestic, s.country_foreign_weighted = $foreign
