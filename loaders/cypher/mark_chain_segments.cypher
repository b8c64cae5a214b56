// Mark each segment of the chain with the technologies it uses, for the membership step
// (cleared again by clear_chain_segments).
UNWIND $rows AS row
MATCH (s:Segment {id: row.segment})
SET s.derive_technologies = row.technologies
