// Clear the per-class patent counts before setting them again.
MATCH (c:CPC)
WHERE c.patents IS NOT NULL
SET c.patents = null, c.park_patents = null
