// Drop the holder-to-holder citation counts before writing them again.
MATCH (:Organization)-[r:CITES_HOLDER]->(:Organization)
DELETE r
