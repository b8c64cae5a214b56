// Memberships of the patents filed in one year: each of the n segments of the technologies
// its marked classes map to, with weight 1/n.
MATCH (p:Patent {year: $year})
MATCH (p)-[:CLASSIFIED_AS]->(c:CPC)
WHERE c.derive_segments IS NOT NULL
WITH p, collect(c.derive_technologies) AS tech_lists, collect(c.derive_segments) AS seg_lists
WITH p, reduce(acc = [], l IN tech_lists | acc + [t IN l WHERE NOT t IN acc]) AS techs,
     reduce(acc = [], l IN seg_lists | acc + [x IN l WHERE NOT x IN acc]) AS segs
UNWIND segs AS seg
MATCH (s:Segment {id: seg})
WITH p, s, size(segs) AS n, techs
// technologies in the segment's (the template's) order, whatever order the classes came in
CREATE (p)-[:IN_SEGMENT {weight: 1.0 / n,
                         technologies: [t IN s.derive_technologies WHERE t IN techs],
                         source: $source}]->(s)
RETURN count(*) AS written
