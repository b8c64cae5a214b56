// Remove the marks mark_chain_classes left on class codes.
MATCH (c:CPC)
WHERE c.derive_technologies IS NOT NULL
SET c.derive_technologies = null, c.derive_segments = null
