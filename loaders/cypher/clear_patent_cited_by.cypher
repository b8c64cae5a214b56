// Clear the per-patent count of citing patents before setting it again.
MATCH (p:Patent)
WHERE p.cited_by IS NOT NULL
SET p.cited_by = null
