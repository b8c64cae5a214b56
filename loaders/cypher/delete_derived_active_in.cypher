// Drop the patent-based ACTIVE_IN edges one chain derived, before deriving them again.
MATCH (:Organization)-[r:ACTIVE_IN]->(:Segment)
WHERE r.source = $source
DELETE r
