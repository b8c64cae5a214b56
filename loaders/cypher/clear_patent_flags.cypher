// Clear the park flags of patents and inventors before setting them again.
MATCH (p:Patent)
WHERE p.park_owned IS NOT NULL OR p.park_citations IS NOT NULL
SET p.park_owned = null, p.park_citations = null
