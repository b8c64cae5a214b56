// Remove the marks mark_chain_segments left on segments.
MATCH (s:Segment)
WHERE s.derive_technologies IS NOT NULL
SET s.derive_technologies = null
