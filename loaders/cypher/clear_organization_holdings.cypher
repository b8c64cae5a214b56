// Clear the per-organisation holdings and per-patent citation counts before setting them again.
MATCH (o:Organization)
WHERE o.patents IS NOT NULL OR o.segment_set_patents IS NOT NULL
SET o.patents = null, o.segment_set_members = null, o.segment_set_starts = null,
    o.segment_set_ends = null, o.segment_set_patents = null
