// Drop the holder-to-class counts before writing them again.
MATCH (:Organization)-[r:HOLDS_CLASS]->(:CPC)
DELETE r
