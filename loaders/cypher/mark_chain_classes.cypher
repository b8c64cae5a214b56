// Mark the class codes a chain's patterns cover with their technologies and segments, for the
// membership step (cleared again by clear_chain_classes).
UNWIND $rows AS row
MATCH (c:CPC {code: row.code})
SET c.derive_technologies = row.technologies, c.derive_segments = row.segments
